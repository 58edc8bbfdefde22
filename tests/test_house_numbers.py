"""House numbers and flats: what a building collapse story counts.

"les 12 et 14 rue de Paris", "10 Downing Street", "Lindenstraße 12", "el 14 de la calle
Feria" are addresses, not twelve or fourteen of anything; "7 appartements" of one block are
flats, not seven buildings. Read from numbers.yaml `not_quantities.street_*` and the
`apartments` category. Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim
from tests.sentences import figures, findings


def _values(claims: list[Claim]) -> set[float]:
    """Every whole number each claim's interval holds ("some 30" holds 30)."""
    return {float(v) for c in claims if c.value.low is not None and c.value.high is not None
            for v in range(int(c.value.low), int(c.value.high) + 1)}


@pytest.mark.parametrize(
    ("text", "lang", "address", "count"),
    [
        ("Deux immeubles se sont effondrés mardi, aux 18 et 20 rue des Tanneurs, faisant 3 morts.", "fr", {18, 20}, 3),
        ("Au 41 de la rue Haute, 9 familles ont été évacuées.", "fr", {41}, 9),
        ("Les pompiers ont fouillé les décombres du 57 et du 59 de la rue du Port, où 4 corps ont été retrouvés.", "fr", {57, 59}, 4),
        ("Two houses collapsed at 18 and 20 Mill Road on Tuesday, killing 3 people.", "en", {18, 20}, 3),
        ("The blast at 41 Kingsley Avenue forced 9 families out of their homes.", "en", {41}, 9),
        ("In der Gerberstraße 18 stürzte am Dienstag ein Haus ein, 3 Menschen starben.", "de", {18}, 3),
        ("Vor dem Gebäude in der Lindenallee 41 wurden 9 Familien in Sicherheit gebracht.", "de", {41}, 9),
        ("El edificio del 18 de la calle Curtidores se derrumbó el martes y murieron 3 personas.", "es", {18}, 3),
        ("Los bomberos desalojaron a 9 familias del 41 y el 43 de la avenida del Puerto.", "es", {41, 43}, 9),
    ],
)
def test_a_house_number_counts_nothing(text: str, lang: str, address: set[float], count: float) -> None:
    values = _values(figures(text, lang))
    assert not values & address, values
    assert count in values  # the sentence's real count is still read


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Douze rues et 14 ponts ont été fermés; 30 maisons ont été détruites.", "fr", 30),
        ("Some 30 homes were destroyed and 12 streets flooded.", "en", 30),
        ("30 Häuser wurden zerstört, 12 Straßen überflutet.", "de", 30),
        ("Unas 30 casas quedaron destruidas y 12 calles inundadas.", "es", 30),
    ],
)
def test_counts_of_streets_and_houses_stay_counts(text: str, lang: str, value: float) -> None:
    assert value in _values(figures(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Au 20 rue des Tanneurs, 8 appartements étaient habités.", "fr"),
        ("At 20 Mill Road, 8 flats were occupied.", "en"),
        ("In der Gerberstraße 20 waren 8 Wohnungen bewohnt.", "de"),
        ("En el 20 de la calle Curtidores había 8 pisos habitados.", "es"),
    ],
)
def test_flats_are_not_buildings(text: str, lang: str) -> None:
    found = [c for c in figures(text, lang) if c.value.low == 8]
    assert len(found) == 1 and found[0].category == "apartments", found


def test_a_collapse_story_gives_no_conflict_from_addresses_or_flats(tmp_path: Path) -> None:
    lead = "Effondrement rue des Tanneurs\n\nMardi 14 mars 2023\n\n"
    out = findings(tmp_path, {
        "a.txt": lead + "Deux immeubles se sont effondrés mardi matin, aux 18 et 20 rue des Tanneurs, à Rouen. "
                        "Au 20 rue des Tanneurs, 8 appartements étaient habités, selon les pompiers.\n",
        "b.txt": lead + "Deux immeubles se sont effondrés mardi matin rue des Tanneurs, à Rouen. "
                        "Les pompiers recherchent d'éventuelles victimes.\n",
    })
    assert not [f for f in out if f.kind == "contradiction"], [f.message for f in out]
    assert [f for f in out if f.kind == "corroboration"]  # the two buildings agree
