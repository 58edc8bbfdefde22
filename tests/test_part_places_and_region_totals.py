"""A town's or county's figure, and a total over several countries (fr/en/de/es, invented sentences).

"Delvar City", "la ville de Delvar", "the county" said after "Marlow County": the figure is that
place's share, never the article's country, so it is never set against the country's toll. "Au
moins 19 morts en Europe centrale et orientale" is a whole over several countries: never the
country a later paragraph names.
"""

from __future__ import annotations

import pytest

from tests.sentences import figure

COUNTRY = {  # the country's toll, {n} dead
    "fr": "Le séisme a fait {n} morts en Grèce, selon le gouvernement.",
    "en": "The earthquake killed {n} people in Greece, the government said.",
    "de": "Das Erdbeben hat in Griechenland {n} Menschen getötet, teilte die Regierung mit.",
    "es": "El terremoto ha causado {n} muertos en Grecia, según el Gobierno.",
}
TOWN = {  # one town's share, a town no map knows, named with its kind
    "fr": "Le séisme a frappé la Grèce. La ville portuaire de Delvar a recensé à elle seule {n} morts.",
    "en": "The earthquake struck Greece. The hardest-hit port city of Delvar confirmed {n} deaths.",
    "de": "Das Erdbeben traf Griechenland. In der Stadt Delvar wurden {n} Tote bestätigt.",
    "es": "El terremoto sacudió Grecia. La ciudad portuaria de Delvar confirmó {n} muertos.",
}
REFERRED = {  # a county no map knows, then "the county" with its figure
    "fr": "La tempête a frappé les États-Unis, surtout dans le comté de Marlow. Le comté recense {n} morts.",
    "en": "The storm hit the United States, above all Marlow County. The county is reporting {n} deaths.",
    "de": "Der Sturm traf die USA, vor allem den Landkreis Marlow. Der Landkreis meldet {n} Tote.",
    "es": "La tormenta golpeó Estados Unidos, sobre todo en el condado de Marlow. El condado reporta {n} muertos.",
}
REGION = {  # a total over several countries
    "fr": "La tempête a fait au moins {n} morts en Europe centrale et orientale, selon les autorités.",
    "en": "The storm has killed at least {n} people in central and eastern Europe, officials said.",
    "de": "Der Sturm hat in Mittel- und Osteuropa mindestens {n} Menschen getötet, teilten die Behörden mit.",
    "es": "La tormenta ha causado al menos {n} muertos en Europa central y oriental, según las autoridades.",
}
LANGS = sorted(COUNTRY)


@pytest.mark.parametrize("lang", LANGS)
def test_a_town_named_with_its_kind_is_the_figures_place(lang: str) -> None:
    claim = figure(TOWN[lang].format(n=44), lang, 44)
    assert claim.location != "Greece"
    assert claim.location is not None and "Delvar" in claim.location


def test_a_town_named_before_its_kind_is_the_figures_place() -> None:
    text = "The earthquake struck Greece. Of the deaths, 44 had been confirmed in Delvar City, officials said."
    assert figure(text, "en", 44).location == "Delvar"


@pytest.mark.parametrize("lang", LANGS)
def test_the_county_refers_to_the_county_named_before(lang: str) -> None:
    claim = figure(REFERRED[lang].format(n=36), lang, 36)
    assert (claim.location, claim.place_source) == ("Marlow", "unnamed")


@pytest.mark.parametrize("lang", ["en", "es"])
def test_the_county_with_none_named_before_is_no_known_place(lang: str) -> None:
    text = {"en": "The storm hit the United States. The county is reporting 36 deaths.",
            "es": "La tormenta golpeó Estados Unidos. El condado reporta 36 muertos."}[lang]
    assert figure(text, lang, 36).location is None


@pytest.mark.parametrize("lang", LANGS)
def test_a_total_over_several_countries_is_that_area(lang: str) -> None:
    claim = figure(REGION[lang].format(n=19), lang, 19)
    assert claim.location == "Central and Eastern Europe"


@pytest.mark.parametrize("lang", LANGS)
def test_the_countrys_own_toll_keeps_its_country(lang: str) -> None:
    assert figure(COUNTRY[lang].format(n=97), lang, 97).location == "Greece"
