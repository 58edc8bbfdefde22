"""Who a source is (fr/en/de/es, invented sentences): a person named with and without an office

"Transport Minister Jane Roe said 340" in one article and "Jane Roe said 410" in another are the
same voice: the articles disagree about what she said, which is a contradiction between them,
not a dispute between two sources. Two different people keep two voices.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.extract.attribution import name_after_title, office_titles
from consistency.graph import _people
from tests.sentences import figure, findings_and_claims

TITLED = {
    "fr": (
        "Mardi 4 mars 2025\n\nLe ministre des Transports Tomas Veiga a déclaré mardi que 340 maisons avaient été détruites par la tempête.\n",
        "Mardi 4 mars 2025\n\nTomas Veiga a affirmé mardi que 410 maisons avaient été détruites par la tempête.\n",
    ),
    "en": (
        "Tuesday 4 March 2025\n\nTransport Minister Tomas Veiga said on Tuesday that 340 homes had been destroyed by the storm.\n",
        "Tuesday 4 March 2025\n\nTomas Veiga said on Tuesday that 410 homes had been destroyed by the storm.\n",
    ),
    "de": (
        "Dienstag, 4. März 2025\n\nVerkehrsminister Tomas Veiga sagte am Dienstag, 340 Häuser seien durch den Sturm zerstört worden.\n",
        "Dienstag, 4. März 2025\n\nTomas Veiga sagte am Dienstag, 410 Häuser seien durch den Sturm zerstört worden.\n",
    ),
    "es": (
        "Martes, 4 de marzo de 2025\n\nEl ministro de Transportes Tomas Veiga afirmó el martes que 340 viviendas fueron destruidas por el temporal.\n",
        "Martes, 4 de marzo de 2025\n\nTomas Veiga afirmó el martes que 410 viviendas fueron destruidas por el temporal.\n",
    ),
}


@pytest.mark.parametrize("lang", sorted(TITLED))
def test_one_person_with_and_without_office_is_one_source(tmp_path: Path, lang: str) -> None:
    first, second = TITLED[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": first, "b.txt": second})
    conflicts = [f for f in found if {claims[c].value.low for c in f.claims} >= {340, 410}]
    assert conflicts, [(f.kind, f.message) for f in found]
    assert {f.kind for f in conflicts} == {"contradiction"}, [(f.kind, f.message) for f in conflicts]
    voices = {claims[c].attributed_to for f in conflicts for c in f.claims}
    assert voices == {"Tomas Veiga"}


def test_two_people_stay_two_sources(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Tuesday 4 March 2025\n\nTransport Minister Tomas Veiga said on Tuesday that 340 homes had been destroyed by the storm.\n",
        "b.txt": "Tuesday 4 March 2025\n\nMayor Ines Arruda said on Tuesday that 410 homes had been destroyed by the storm.\n",
    })
    conflicts = [f for f in found if {claims[c].value.low for c in f.claims} >= {340, 410}]
    assert [f.kind for f in conflicts] == ["dispute"], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize(
    "name,person",
    [
        ("Prime Minister Tomas Veiga", "Tomas Veiga"),
        ("Verkehrsminister Tomas Veiga", "Tomas Veiga"),  # a compound ending in an office
        ("Bürgermeisterin Ines van der Berg", "Ines van der Berg"),
        ("Governor Ines Arruda", "Ines Arruda"),
        ("Maui Fire Department", None),  # no office: a body, not a person
        ("President Veiga", None),  # one word left: the surname alone is read elsewhere
        ("Secretary of State Ines Arruda", None),  # read through the bare name, when the articles give it
    ],
)
def test_name_after_title(name: str, person: str | None) -> None:
    assert name_after_title(name, office_titles()) == person


def test_office_in_a_longer_phrase_joins_the_bare_name() -> None:
    names = ["presidente del Gobierno Tomas Veiga", "Secretary of State Ines Arruda", "Ines Arruda", "Tomas Veiga",
             "Maui Fire Department", "Fire Department"]
    assert _people(names, office_titles()) == {
        "presidente del Gobierno Tomas Veiga": "Tomas Veiga", "Secretary of State Ines Arruda": "Ines Arruda"}


@pytest.mark.parametrize(
    "text,lang,value,source",
    [
        ("Jeudi 5 décembre 2019\n\nLe syndicat France Police a avancé de son côté le chiffre de 90 000 manifestants.\n",
         "fr", 90000, "France Police"),
        ("Thursday 5 December 2019\n\nThe union Capital Police Guild said 90,000 people had marched.\n",
         "en", 90000, "Capital Police Guild"),
        ("Donnerstag, 5. Dezember 2019\n\nDie Gewerkschaft Neue Polizei sprach von 90.000 Teilnehmern.\n",
         "de", 90000, "Neue Polizei"),
        ("Jueves, 5 de diciembre de 2019\n\nEl sindicato Policía Unida cifró en 90.000 los manifestantes.\n",
         "es", 90000, "Policía Unida"),
        ("Jeudi 5 décembre 2019\n\nLe syndicat CGT a revendiqué 90 000 manifestants.\n", "fr", 90000, "CGT union"),
    ],
)
def test_a_body_named_after_a_source_is_not_that_source(text: str, lang: str, value: float, source: str) -> None:
    """A police officers' union speaks for itself, not for the police whose counts it contests."""
    assert figure(text, lang, value).attributed_to == source


def test_an_office_followed_by_a_channel_is_not_a_person() -> None:
    """"El vicegobernador en una entrevista con el canal Norte TV": the capitalised words are the
    channel, not the official's name, so no unknown person is made up."""
    claim = figure("El vicegobernador en una entrevista con el canal Norte TV dijo que al menos 174 personas murieron.",
                   "es", 174)
    assert claim.attributed_to is None or "Norte TV" not in claim.attributed_to


def test_a_ministry_named_by_its_portfolio_alone_is_that_ministry() -> None:
    """"Según Interior": the same voice as "el Ministerio del Interior", not a second source
    that would turn one official count into a dispute with itself."""
    claim = figure("Según Interior, 142 personas fueron detenidas durante la jornada.", "es", 142)
    assert claim.attributed_to == "Interior Ministry"
