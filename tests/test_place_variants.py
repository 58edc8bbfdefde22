"""Subdivisions spelled unlike the gazetteer, and figures near a town (fr/en/de/es, invented sentences).

"214 muertos en la provincia de Taroudant": the sources spell the province "Taroudannt". Left
unread, the figure took the next figure's town and made a false series with it. A name the
text marks as a subdivision is matched loosely among the subdivisions of the article's
country, and only when one is clearly closest; otherwise it stays a place said but not known.
A figure "near" a town is somewhere in the town's country, never in the town itself.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.extract.gazetteer import load_gazetteer
from tests.sentences import figure, figures, findings_and_claims

MOROCCO = {
    "fr": "Séisme au Maroc : le bilan s'alourdit\n\nSelon les autorités, 214 personnes sont mortes dans la province de Taroudant.",
    "en": "Morocco earthquake toll rises\n\nOfficials said 214 people died in the province of Taroudant, and 96 died in Marrakesh.",
    "de": "Erdbeben in Marokko: Zahl der Toten steigt\n\nIn der Provinz Taroudant starben nach Behördenangaben 214 Menschen.",
    "es": "Terremoto en Marruecos: sube el balance\n\nEl sismo dejó 214 muertos en la provincia de Taroudant y 96 muertos en Marrakech.",
}


@pytest.mark.parametrize("lang", sorted(MOROCCO))
def test_a_province_spelled_otherwise_is_the_province(lang: str) -> None:
    claim = figure(MOROCCO[lang], lang, 214)
    assert (claim.location, claim.place_level, claim.place_source) == ("Taroudannt", "region", "clause")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_next_figure_keeps_its_own_town(lang: str) -> None:
    assert figure(MOROCCO[lang], lang, 96).location == "Marrakesh"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "Morocco earthquake\n\nIn Al Hawz province, 530 people were killed, officials said.", "Al Haouz"),
    ("es", "Terremoto en Marruecos\n\nEn la provincia de Al Hawz murieron 530 personas, según las autoridades.", "Al Haouz"),
    ("fr", "Séisme au Maroc\n\nDans la province d'Al Hawz, 530 personnes ont péri, selon les autorités.", "Al Haouz"),
    ("de", "Ukraine: Angriffe gehen weiter\n\nIn der Oblast Charkiw wurden am Sonntag 7 Zivilisten getötet, teilte der Gouverneur mit.",
     "Kharkiv Oblast"),
    ("es", "Ucrania: ataques rusos\n\nLos bombardeos mataron a 7 civiles en la región de Járkov el domingo, según el gobernador.",
     "Kharkiv Oblast"),
    ("fr", "France : la canicule\n\nDans la région Nouvelle Aquitaine, 12 personnes sont mortes, selon l'agence régionale de santé.",
     "Nouvelle-Aquitaine"),
    ("de", "Unwetter in Deutschland\n\nIm Bundesland Rheinland Pfalz starben 12 Menschen, teilte die Polizei mit.", "Rheinland-Pfalz"),
])
def test_transliterations_of_a_subdivision(lang: str, text: str, expected: str) -> None:
    [claim] = figures(text, lang)
    assert (claim.location, claim.place_level) == (expected, "region"), (claim.location, claim.place_source)


@pytest.mark.parametrize(("lang", "text", "written"), [
    # Paktiyā and Paktīkā, Valencia and Palencia: as close to one as to the other
    ("en", "Afghanistan floods\n\nFloods killed 31 people in Pakti province, officials said.", "Pakti"),
    ("es", "Inundaciones en España\n\nLas lluvias dejaron 31 muertos en la provincia de Alencia, según el Gobierno.", "Alencia"),
    # no province of Morocco is near enough: not the next figure's town either
    ("es", "Terremoto en Marruecos\n\nEl sismo dejó 31 muertos en la provincia de Tarudint y 96 muertos en Marrakech.", "Tarudint"),
    ("fr", "Séisme au Maroc\n\nLe séisme a fait 31 morts dans la province de Tizgane, selon les autorités.", "Tizgane"),
])
def test_two_close_provinces_are_never_merged(lang: str, text: str, written: str) -> None:
    claim = figure(text, lang, 31)
    assert (claim.location, claim.place_source) == (written, "unnamed")


def test_only_the_articles_country_is_searched() -> None:
    """"provincia de Taroudant" in a story about Spain is no Moroccan province."""
    claim = figure("Inundaciones en España\n\nLas lluvias dejaron 31 muertos en la provincia de Taroudant.", "es", 31)
    assert claim.place_source == "unnamed" and claim.location == "Taroudant"


def test_a_name_without_a_level_word_is_never_matched_loosely() -> None:
    g = load_gazetteer()
    assert g.region_like("Taroudant", "es", ["MA"]) is None
    assert g.region_like("provincia de Taroudant", "es", ["MA"]) is not None
    assert g.region_like("provincia de Taroudant", "es", ["ES"]) is None


def test_a_loose_match_reads_one_country_not_the_gazetteer() -> None:
    g = load_gazetteer()
    g.work = 0
    assert g.region_like("Kharkov region", "en", ["UA", "UA"]) is not None
    assert g.work == 1  # one country's table, once


NEAR = {
    "fr": "Accident de train en Allemagne\n\nAu moins quatre personnes sont mortes vendredi dans le déraillement d'un train près de "
          "Garmisch-Partenkirchen.",
    "en": "Train crash in Germany\n\nAt least four people were killed when a train derailed near Garmisch-Partenkirchen on Friday.",
    "de": "Zugunglück in Bayern\n\nBei einem Zugunglück nahe Garmisch-Partenkirchen sind mindestens vier Menschen ums Leben gekommen.",
    "es": "Accidente de tren en Alemania\n\nAl menos cuatro personas murieron el viernes al descarrilar un tren cerca de "
          "Garmisch-Partenkirchen.",
}
DAYS = {"fr": ("Vendredi 12 mars 2025", "Samedi 13 mars 2025"), "en": ("Friday 12 March 2025", "Saturday 13 March 2025"),
        "de": ("Freitag, 12. März 2025", "Samstag, 13. März 2025"), "es": ("Viernes, 12 de marzo de 2025", "Sábado, 13 de marzo de 2025")}
LATER = {  # the country in the headline only: the later toll is placed by its article
    "fr": "Déraillement en Allemagne\n\n{day}\n\nLe bilan du déraillement s'élève désormais à cinq morts, selon la police.",
    "en": "Derailment in Germany\n\n{day}\n\nThe death toll of the derailment has risen to five, police said.",
    "de": "Zugunglück in Deutschland\n\n{day}\n\nDie Zahl der Toten des Zugunglücks ist auf fünf gestiegen, teilte die Polizei mit.",
    "es": "Descarrilamiento en Alemania\n\n{day}\n\nEl número de muertos del descarrilamiento asciende a cinco, según la policía.",
}


@pytest.mark.parametrize("lang", sorted(NEAR))
def test_a_figure_near_a_town_is_in_its_country_not_the_town(lang: str) -> None:
    claim = figure(NEAR[lang], lang, 4)
    assert (claim.location, claim.place_source) == ("Germany", "near")


@pytest.mark.parametrize("lang", sorted(NEAR))
def test_a_toll_near_a_town_is_updated_by_the_countrys_later_toll(tmp_path: Path, lang: str) -> None:
    title, body = NEAR[lang].split("\n\n", 1)
    first, second = DAYS[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{title}\n\n{first}\n\n{body}\n",
                                                   "b.txt": LATER[lang].format(day=second) + "\n"})
    assert [f for f in found if {claims[c].value.low for c in f.claims} >= {4, 5}], [(f.kind, f.message) for f in found]


def test_a_figure_near_a_town_is_not_set_against_the_towns_own_figure(tmp_path: Path) -> None:
    """Five dead in the town and four near it: two places, neither inside the other."""
    title, body = NEAR["de"].split("\n\n", 1)
    town = "Samstag, 13. März 2025\n\nIn Garmisch-Partenkirchen starben bei dem Zugunglück fünf Menschen, teilte die Polizei mit."
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{title}\n\nFreitag, 12. März 2025\n\n{body}\n", "b.txt": town})
    assert not [f for f in found if {claims[c].value.low for c in f.claims} >= {4, 5}], [(f.kind, f.message) for f in found]
