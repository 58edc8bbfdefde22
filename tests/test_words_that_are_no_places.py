"""Words that look like places but are not where a figure is (fr/en/de/es, invented sentences).

A capitalised word the gazetteer knows is not always a place: a number word that opens a
sentence ("Trente-deux morts": Trento is "Trente" in French), a month's abbreviation ("Mar. 2":
"MAR" is Morocco), a town inside a building's name ("l'hôtel Hamilton"), the end of a name cut
by an abbreviation's full stop ("St. Helena" is not Helena, Montana), a continent named for
something else in the sentence. Each gave a whole article the wrong place, and the figures of
the right place lost their comparisons. A town too small for the usual reading ("Lampedusa")
is a place where the text marks it as one and names it again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.extract.languages import contributions
from tests.sentences import figure, figures, findings

# A sentence whose only capitalised word is its first, a figure, per language.
NUMBER_WORD_FRAMES = {
    "fr": "Incendie\n\n{word} personnes sont mortes, selon la police.",
    "en": "Fire\n\n{word} people died, police said.",
    "de": "Brand\n\n{word} Menschen starben, sagte die Polizei.",
    "es": "Incendio\n\n{word} personas murieron, según la policía.",
}


def _number_words(lang: str) -> list[str]:
    pack = contributions("number_words.yaml").get(lang) or {}
    words = {str(w) for w in pack.get("words") or ()} | {str(w) for w in pack.get("collective") or ()}
    return sorted(words)


@pytest.mark.parametrize("lang", sorted(NUMBER_WORD_FRAMES))
def test_no_number_word_of_a_pack_is_a_place(lang: str) -> None:
    placed = {}
    for word in _number_words(lang):
        text = NUMBER_WORD_FRAMES[lang].format(word=word.capitalize())
        placed.update({f"{word}: {c.quote}": c.location for c in figures(text, lang) if c.location is not None})
    assert placed == {}


@pytest.mark.parametrize(("lang", "text", "value", "place"), [
    ("fr", "Incendie à Lille\n\nTrente-deux personnes sont mortes dans l'incendie d'un immeuble à Lille.", 32, "Lille"),
    ("fr", "Bilan de l'incendie de Lyon\n\nTrente-neuf morts à Lyon, selon la préfecture.", 39, "Lyon"),
    ("es", "Incendio en Sevilla\n\nTreinta y dos personas murieron en Sevilla, según la policía.", 32, "Sevilla"),
])
def test_a_spelled_figure_keeps_the_place_of_its_sentence(lang: str, text: str, value: float, place: str) -> None:
    assert figure(text, lang, value).location == place


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Fire in Leeds\n\nThe fire in Leeds killed 12 people on Mar. 2, officials said."),
    ("es", "Incendio en Sevilla\n\nEl incendio en Sevilla dejó 12 muertos el 2 de mar. según la policía."),
])
def test_a_month_abbreviation_is_no_country(lang: str, text: str) -> None:
    assert figure(text, lang, 12).location not in ("Morocco", "Angola")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Incendie à Lille\n\nLe feu a pris près de l'hôtel Hamilton. 19 personnes sont mortes."),
    ("fr", "Incendie\n\nLe feu a pris dans le Théâtre Hamilton. 19 personnes sont mortes."),
    ("de", "Brand\n\nDas Feuer brach im Hotel Hamilton aus. 19 Menschen starben."),
    ("es", "Incendio\n\nEl fuego empezó cerca del Hostal Hamilton. Murieron 19 personas."),
    ("en", "Fire\n\nThe fire started near the Hamilton Hotel. 19 people died."),
])
def test_a_town_in_a_building_name_is_no_place(lang: str, text: str) -> None:
    assert figure(text, lang, 19).location not in ("Hamilton", "Canada")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Incendie\n\nLe feu a tué 19 personnes à Hamilton, selon la police."),
    ("en", "Fire\n\nThe fire killed 19 people in Hamilton, police said."),
    ("de", "Brand\n\nDas Feuer tötete in Hamilton 19 Menschen, sagte die Polizei."),
])
def test_the_town_itself_stays_a_place(lang: str, text: str) -> None:
    assert figure(text, lang, 19).location == "Hamilton"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "Sturm auf St. Helena\n\nAuf St. Helena starben nach Angaben der Behörden 12 Menschen."),
    ("en", "Storm hits St. Helena\n\nThe storm killed 12 people on St. Helena, officials said."),
    ("fr", "Tempête à Ste. Helena\n\nLa tempête a fait 12 morts, selon les autorités."),
])
def test_a_name_after_an_abbreviation_is_read_whole(lang: str, text: str) -> None:
    claim = figure(text, lang, 12)
    assert claim.location != "Helena"
    assert claim.location is None or claim.place_level == "country"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Protests\n\nIn one of the largest marches seen in Europe in years, crowds mourned a bridge collapse "
           "that killed 15 people."),
    ("fr", "Manifestations\n\nDans l'un des plus grands cortèges vus en Europe depuis des années, la foule a rendu "
           "hommage aux 15 personnes tuées."),
    ("es", "Protestas\n\nEn una de las mayores marchas vistas en Europa en años, la multitud recordó a las "
           "15 personas muertas."),
])
def test_a_continent_said_of_something_else_is_no_place_of_the_count(lang: str, text: str) -> None:
    assert figure(text, lang, 15).location != "Europe"


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("en", "Heat wave\n\nBelgium counted 36 deaths, bringing the toll across Europe to 216.", 216),
    ("de", "Hitzewelle\n\nDie Hitze forderte europaweit 500 Tote.", 500),
    ("fr", "Canicule\n\nLa chaleur a fait 500 morts en Europe cette semaine.", 500),
])
def test_a_continent_said_of_the_count_is_its_place(lang: str, text: str, value: float) -> None:
    assert figure(text, lang, value).location == "Europe"


ISLAND = {
    "fr": "Arrivées à Lampedusa\n\nSur l'île italienne de Lampedusa, 1 200 migrants sont arrivés mardi.",
    "en": "Arrivals on Lampedusa\n\nOn the Italian island of Lampedusa, 1,200 migrants arrived on Tuesday.",
    "de": "Ankünfte auf Lampedusa\n\nAuf der italienischen Insel Lampedusa kamen am Dienstag 1.200 Migranten an.",
    "es": "Llegadas a Lampedusa\n\nEn la isla italiana de Lampedusa llegaron el martes 1.200 migrantes.",
}


@pytest.mark.parametrize("lang", sorted(ISLAND))
def test_a_small_island_marked_as_a_place_is_one(lang: str) -> None:
    claim = figure(ISLAND[lang], lang, 1200)
    assert claim.location == "Lampedusa"


@pytest.mark.parametrize(("lang", "text"), [
    # named once: no article says more of it
    ("en", "Arrivals\n\nOn the Italian island of Lampedusa, 1,200 migrants arrived on Tuesday."),
    # the article never names the town's country: a namesake
    ("en", "Arrivals on Lampedusa\n\nOn the island of Lampedusa, 1,200 migrants arrived on Tuesday."),
    # named twice, never marked as a place: a word, a person
    ("en", "Lampedusa arrivals\n\nLampedusa said 1,200 migrants arrived on Tuesday."),
    # "the Lampedusa centre": the town names something else
    ("en", "Lampedusa arrivals\n\nIn the Lampedusa centre, 1,200 migrants were counted on Tuesday."),
])
def test_a_small_town_not_marked_or_named_once_is_no_place(lang: str, text: str) -> None:
    assert figure(text, lang, 1200).location != "Lampedusa"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Bousculade au stade de Vela\n\n80 personnes sont mortes au stade de Vela, au Portugal."),
    ("es", "Avalancha en Vela\n\nMurieron 80 personas en el estadio de Vela, en Portugal."),
])
def test_a_small_town_of_another_country_than_the_story_is_no_place(lang: str, text: str) -> None:
    assert figure(text, lang, 80).location in ("Portugal", None)


SO_FAR = "Migrations vers l'Italie\nPublié le 14 septembre 2023\n\nEnviron 114 000 migrants sont arrivés en Italie en 2023."


def test_a_year_not_over_is_the_count_so_far(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": SO_FAR,
        "b.txt": "Migración a Italia\n15 de noviembre de 2023\n\nSegún el Ministerio del Interior, a este martes "
                 "han llegado a Italia 147.000 migrantes en 2023.",
    })
    assert [f for f in found if f.kind == "contradiction"] == []


def test_two_counts_of_one_day_in_that_year_still_conflict(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": SO_FAR,
        "b.txt": "Migrations vers l'Italie\nPublié le 14 septembre 2023\n\nQuelque 147 000 migrants sont arrivés "
                 "en Italie en 2023.",
    })
    assert [f.kind for f in found if f.kind == "contradiction"] == ["contradiction"]
