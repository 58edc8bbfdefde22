"""Names a figure must not take as its place (fr/en/de/es, invented sentences).

A German noun that is also a town ("es fiel Regen", "im Norden", "am Ende") gave a whole
article the country of that town; a neighbour named beside a region ("limítrofe con China",
"bordering China") took the region's toll abroad; a bare name after a region word ("la région
d'Eaton") was read as a county of another state. Each one put figures of one story in two
places, or two stories in one. The town, the county, the region itself still resolve when the
text names them as such ("in Regen", "Eaton County", "el estado de Shan").
"""

from __future__ import annotations

import pytest

from tests.sentences import figure


@pytest.mark.parametrize("opening", [
    "Es fiel Regen und Schnee.",
    "Im Norden stürmte es.",
    "Am Ende half nichts mehr.",
    "In der Heide brannte es.",
])
def test_a_german_noun_that_is_also_a_town_is_no_place(opening: str) -> None:
    text = f"Unwetter\n\n{opening} Bei dem Sturm starben am Montag 7 Menschen, teilte die Polizei mit."
    assert figure(text, "de", 7).location is None


@pytest.mark.parametrize(("town", "place"), [("Regen", "Landkreis Regen"), ("Norden", "Norden")])
def test_the_town_after_in_is_still_a_place(town: str, place: str) -> None:
    text = f"Unwetter\n\nIn {town} starben am Montag 7 Menschen, teilte die Polizei mit."
    assert figure(text, "de", 7).location == place


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("es", "Terremoto\n\nEn el estado de Shan, limítrofe con China, murieron 39 personas, según las autoridades.", 39),
    ("fr", "Séisme\n\nDans l'État Shan, limitrophe de la Chine, 39 personnes sont mortes, selon les autorités.", 39),
    ("en", "Earthquake\n\nIn Shan state, bordering China, 39 people died, officials said.", 39),
    ("de", "Erdbeben\n\nIm Shan-Staat, angrenzend an China, starben 39 Menschen, teilten die Behörden mit.", 39),
])
def test_a_neighbour_beside_a_region_is_not_where_the_toll_is(lang: str, text: str, value: float) -> None:
    assert figure(text, lang, value).location != "China"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Incendies en Californie\n\nLundi, dans la région d'Eaton, 5 personnes sont mortes, selon les pompiers."),
    ("en", "Wildfires in California\n\nOn Monday, 5 people died in the Eaton region, firefighters said."),
    ("es", "Incendios en California\n\nEl lunes, en la región de Eaton, murieron 5 personas, según los bomberos."),
])
def test_a_bare_name_after_a_region_word_is_no_county_of_another_state(lang: str, text: str) -> None:
    assert figure(text, lang, 5).location != "Eaton County"


def test_a_county_written_as_one_is_still_the_county() -> None:
    text = "Storms in Michigan\n\nOn Monday, 5 people died in Eaton County, officials said."
    assert figure(text, "en", 5).location == "Eaton County"
