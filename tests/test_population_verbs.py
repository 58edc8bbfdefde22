"""People said to live somewhere are a population, never a toll or a crowd: "une île où vivent
6 300 personnes" must not be set against the dead or the rescued. Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, findings


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Insel, auf der 6.300 Menschen leben, ist überlastet.", "de"),
        ("L'île, où vivent 6 300 personnes, est saturée.", "fr"),
        ("The island, where 6,300 people live, is overwhelmed.", "en"),
        ("La isla, donde viven 6.300 personas, está desbordada.", "es"),
    ],
)
def test_people_who_live_somewhere_are_its_residents(text: str, lang: str) -> None:
    assert figure(text, lang, 6300).category == "residents"


def test_a_population_is_not_set_against_the_arrivals(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Arrivals on Pelora\nPublished Wednesday, March 12, 2025\n\n"
                 "On Wednesday 6,900 people arrived on Pelora, officials said.\n",
        "b.txt": "Pelora overwhelmed\nPublished Wednesday, March 12, 2025\n\n"
                 "The island of Pelora, where 6,300 people live, received record numbers of boats on Wednesday.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"]
