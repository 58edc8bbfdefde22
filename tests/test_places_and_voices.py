"""Places and voices, in fr/en/de/es (invented sentences).

A place's name inside a longer proper name (a club, a building, a firm) is not where a figure
is; a German town that is also a common noun ("Zug", "Essen") is a place only after a
preposition of place. One voice keeps one label: "the local authorities" are the country's
authorities the article names; a surname alone is the person named in full before; a time
is never a source."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract.gazetteer import load_gazetteer
from consistency.pipeline import check
from tests.sentences import figure, figures

DAY = dt.date(2025, 3, 12)


# --- a place inside a proper name ----------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value,town",
    [
        ("Au moins 23 spectateurs ont été blessés samedi lors du match entre le Real Madrid et Getafe, selon la police.",
         "fr", 23, "Madrid"),
        ("Au moins 23 spectateurs ont été blessés samedi lors du match entre Olympique Kotoko et Hearts of Oak Accra.",
         "fr", 23, "Accra"),
        ("At least 23 people were hurt on Saturday when a stand gave way at a Persebaya Surabaya game, police said.",
         "en", 23, "Surabaya"),
        ("Al menos 23 personas resultaron heridas el sábado en el partido del FC Barcelona, informó la policía.",
         "es", 23, "Barcelona"),
        ("Beim Spiel von Borussia Dortmund wurden am Samstag 23 Menschen verletzt, teilte die Polizei mit.",
         "de", 23, "Dortmund"),
    ],
)
def test_a_town_in_a_club_name_is_not_where_the_figure_is(text, lang, value, town):
    assert figure(text, lang, value).location != town


@pytest.mark.parametrize(
    "text,lang,value,town",
    [
        ("Au moins 23 spectateurs ont été blessés samedi à Madrid lors du match, selon la police.", "fr", 23, "Madrid"),
        ("At least 23 people were hurt on Saturday in Surabaya when a stand gave way, police said.", "en", 23, "Surabaya"),
        ("Al menos 23 personas resultaron heridas el sábado en Barcelona, informó la policía.", "es", 23, "Barcelona"),
        ("In Dortmund wurden am Samstag 23 Menschen verletzt, teilte die Polizei mit.", "de", 23, "Dortmund"),
        # a capital that opens the sentence is no name: the place stays
        ("Across Gaza, 300 people were injured overnight.", "en", 300, "Gaza"),
        ("La France enverra 200 secouristes.", "fr", 200, "France"),
        ("Ayer Valencia vivió una jornada de protestas con 30.000 manifestantes.", "es", 30000, "Valencia"),
    ],
)
def test_the_same_town_named_as_a_place_is_kept(text, lang, value, town):
    assert figure(text, lang, value).location == town


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Rescuers at Seaview Towers South recovered 14 bodies on Monday.", "en"),
        ("Les secouristes ont retiré 14 corps des décombres de la résidence Seaview Towers South lundi.", "fr"),
        ("Los rescatistas sacaron 14 cuerpos de los escombros del edificio Seaview Towers South el lunes.", "es"),
    ],
)
def test_a_building_name_is_neither_a_region_nor_a_country(text, lang):
    claim = figure(text, lang, 14)
    assert claim.location is None  # not "South", a region of Cameroon
    headline = "Seaview Towers South: toll rises\n\n" + text
    assert all(c.location is None for c in figures(headline, lang))


# --- German towns that are common nouns ----------------------------------------------------


@pytest.mark.parametrize(
    "text,value",
    [
        ("Dazwischen fuhr ein zweistündiger Zug mit 300 Fahrgästen durch das Tal.", 300),
        ("Nach dem Essen mussten 14 Menschen ins Krankenhaus.", 14),
        ("Die Lage ist ernst: 40 Menschen werden noch vermisst.", 40),
    ],
)
def test_a_german_common_noun_is_not_a_town(text, value):
    assert figure(text, "de", value).location is None


@pytest.mark.parametrize(
    "text,value,town",
    [
        ("In Zug demonstrierten am Samstag 300 Menschen.", 300, "Zug"),
        ("In Essen demonstrierten am Samstag 4000 Menschen.", 4000, "Essen"),
    ],
)
def test_after_a_preposition_the_german_town_is_a_place(text, value, town):
    assert figure(text, "de", value).location == town


def test_the_gazetteer_says_which_names_need_a_preposition_and_which_words_make_names():
    g = load_gazetteer()
    assert "in" in g.needs_preposition("Zug", "de")
    assert g.needs_preposition("Zug", "en") == ()  # English has no noun "Zug"
    assert g.needs_preposition("Leipzig", "de") == ()
    assert g.in_proper_name("Towers", "en") and g.in_proper_name("Borussia", "de")
    assert not g.in_proper_name("Northern", "en")  # "Northern Syria" is Syria
    assert not g.in_proper_name("Raum", "de")  # German nouns are capitalised: "Raum Köln" is Köln
    assert g.in_proper_name("Real", "es") and not g.in_proper_name("Real", "es", listed_only=True)


# --- a surname alone is the person named in full -------------------------------------------


@pytest.mark.parametrize(
    "text,lang,full",
    [
        ("Selon la maire Lucía Ferrer Pinto, 52 personnes sont portées disparues. Vendredi soir, Pinto a annoncé 55 disparus.",
         "fr", "Lucía Ferrer Pinto"),
        ("Mayor Daniel Okoro Brandt said 11 people had died. Later on Sunday, Brandt said 14 people had died.",
         "en", "Daniel Okoro Brandt"),
        ("Der Bürgermeister Jonas Albrecht Weber sagte, 11 Menschen seien gestorben. Später sagte Weber, 14 Menschen seien gestorben.",
         "de", "Jonas Albrecht Weber"),
        ("La cifra de desaparecidos es de 52, dijo la alcaldesa Lucía Ferrer Pinto. Por la tarde, Pinto dijo que eran 55 desaparecidos.",
         "es", "Lucía Ferrer Pinto"),
    ],
)
def test_a_surname_alone_is_the_person_named_in_full_before(text, lang, full):
    claims = figures(text, lang)
    assert len(claims) == 2, [(c.quote, c.attributed_to) for c in claims]
    labels = {c.attributed_to for c in claims}
    assert len(labels) == 1 and str(labels.pop()).endswith(full), [c.attributed_to for c in claims]
    assert all(c.location is None for c in claims)  # Pinto is a town near Madrid: not here


# --- one voice under several labels --------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Selon les autorités indonésiennes, 127 personnes ont été tuées dans la nuit. "
         "Dimanche, les autorités locales ont annoncé 174 morts.", "fr"),
        ("Indonesian authorities said 127 people were killed overnight. On Sunday, local authorities said 174 people had died.",
         "en"),
        ("Nach Angaben der indonesischen Behörden starben in der Nacht 127 Menschen. "
         "Am Sonntag meldeten die örtlichen Behörden 174 Tote.", "de"),
        ("Según las autoridades indonesias, 127 personas murieron durante la noche. "
         "El domingo, las autoridades locales informaron de 174 muertos.", "es"),
    ],
)
def test_local_authorities_are_the_authorities_of_the_country_named(text, lang):
    first, later = figure(text, lang, 127), figure(text, lang, 174)
    assert first.attributed_to == later.attributed_to == "Indonesian government"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Selon les autorités russes, 30 soldats ont été tués. Les autorités ukrainiennes parlent de 80 morts. "
         "Dimanche, les autorités ont annoncé 12 blessés.", "fr"),
        ("Russian authorities said 30 soldiers were killed. Ukrainian authorities said 80 people died. "
         "On Sunday, the authorities said 12 people were injured.", "en"),
    ],
)
def test_with_two_countries_named_the_bare_authorities_stay_unsettled(text, lang):
    assert figure(text, lang, 12).attributed_to == "authorities"


def test_a_rising_count_under_two_labels_of_one_voice_is_an_update(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Bousculade dans un stade\nLe Matin — 02/10/2022\n\n"
        "Selon les autorités indonésiennes, 127 personnes ont été tuées dans la nuit de samedi à dimanche.\n\n"
        "Dimanche après-midi, les autorités locales ont annoncé 174 morts.\n",
        encoding="utf-8",
    )
    kinds = {f.kind for f in check([tmp_path]).findings}
    assert "update" in kinds
    assert "dispute" not in kinds and "contradiction" not in kinds


# --- a time or an adverb is never a source -------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Am Sonntagmorgen meldete das Ministerium 88 Tote; am Abend nannte es 61 Todesopfer.", "de", 61),
        ("Actualmente, declaró al diario que 64 personas murieron.", "es", 64),
    ],
)
def test_a_time_or_an_adverb_is_never_a_source(text, lang, value):
    origin = figure(text, lang, value).attributed_to
    assert origin is None or origin.casefold() not in ("abend", "actualmente")


def test_the_speaker_is_named_without_the_time():
    claim = figure("22 Menschen seien auf der Tribüne gestorben, sagte der Feuerwehrchef Tomas Berger am Sonntag.", "de", 22)
    assert claim.attributed_to is not None and "Sonntag" not in claim.attributed_to
    assert claim.attributed_to.endswith("Tomas Berger")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le séisme a fait 820 morts au Maroc, selon les autorités. Le gouvernement français a envoyé 50 secouristes. "
         "Dimanche, le Maroc a annoncé 1 000 morts dans le sud du pays marocain.", "fr"),
        ("The quake killed 820 people in Morocco, the authorities said. The French government sent 50 rescuers, "
         "and Morocco said on Sunday that 1,000 people had died in southern Morocco.", "en"),
    ],
)
def test_a_foreign_government_named_in_passing_is_not_the_local_authorities(text, lang):
    assert figure(text, lang, 820).attributed_to != "French government"
