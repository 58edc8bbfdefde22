"""One figure shared by a list of places, and the place an article only guesses.

"18 000 à Nantes, à Angers et à Poitiers, 12 000 à Limoges": each city of the list has the
18 000, and Poitiers never takes the 12 000 of the city after it (that gave a false dispute
with Poitiers' own count elsewhere). A list whose figure may be the cities' sum is one place
made of all of them, compared with nothing but itself. A place taken from the article
(its country, its dateline) never keeps apart two counts when one has no place of its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim, Interval
from consistency.ruleset.places import Places
from consistency.ruleset.testing import ClaimSpec
from tests.sentences import figures, findings

DAY = dt.date(2026, 3, 12)


def _places_of(text: str, lang: str) -> dict[float | None, set[str | None]]:
    out: dict[float | None, set[str | None]] = {}
    for claim in figures(text, lang, DAY):
        assert isinstance(claim.value, Interval)
        out.setdefault(claim.value.low, set()).add(claim.location)
    return out


# --- lists of places ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Jeudi, les autorités ont compté 18 000 manifestants à Nantes, à Angers et à Poitiers, "
            "12 000 à Limoges, 9 000 à Dijon comme à Besançon, et au moins 7 000 à Metz, Nancy et Reims.",
            "fr",
            {18000: {"Nantes", "Angers", "Poitiers"}, 12000: {"Limoges"}, 9000: {"Dijon", "Besançon"},
             7000: {"Metz", "Nancy", "Reims"}},
        ),
        (
            "On Thursday police counted 20,000 protesters in Leeds, Hull and York, 12,000 in Sheffield "
            "and 9,000 in Bristol.",
            "en",
            {20000: {"Leeds", "Hull", "York"}, 12000: {"Sheffield"}, 9000: {"Bristol"}},
        ),
        (
            "Am Donnerstag zählte die Polizei je 20.000 Demonstranten in Köln und Bonn, 12.000 in Essen "
            "und 9.000 in Bielefeld wie in Dortmund.",
            "de",
            {20000: {"Köln", "Bonn"}, 12000: {"Essen"}, 9000: {"Bielefeld", "Dortmund"}},
        ),
        (
            "El jueves la policía contó 20.000 manifestantes en Sevilla, Córdoba y Huelva, 12.000 en Málaga "
            "y 9.000 en Granada.",
            "es",
            {20000: {"Sevilla", "Córdoba", "Huelva"}, 12000: {"Málaga"}, 9000: {"Granada"}},
        ),
    ],
)
def test_each_place_of_a_list_gets_the_figure_it_shares(text: str, lang: str, expected: dict[float, set[str]]) -> None:
    found = _places_of(text, lang)
    for value, places in expected.items():
        assert found.get(value) == places, (value, found)


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("On Saturday police said 2,000 people were evacuated in Leeds, Hull and York.", "en", 2000),
        ("Am Samstag gingen in Trier und Mainz 3.000 Menschen auf die Straße, so die Polizei.", "de", 3000),
        ("Le samedi 14 mars, 4 000 personnes ont été évacuées à Nantes, Angers et Poitiers, selon la préfecture.", "fr", 4000),
    ],
)
def test_a_list_alone_is_one_place_made_of_all_of_it(text: str, lang: str, value: float) -> None:
    """Without "each" nor other cities with their own figures, the figure may be the sum:
    it gets no single city (no city's own count is set against it)."""
    places = _places_of(text, lang)[value]
    assert len(places) == 1
    (place,) = places
    assert place is not None and " + " in place


def test_a_list_that_ends_on_its_own_figure_is_that_figures() -> None:
    found = _places_of("The storm killed seven people in Denmark, Iceland and Estonia two each.", "en")
    assert found[7] == {"Denmark"}


def test_a_city_of_a_list_agrees_with_its_own_count_elsewhere(tmp_path: Path) -> None:
    result = findings(tmp_path, {
        "round_up.txt": "Mobilisation dans les régions\n\nLe jeudi 12 mars 2026, la préfecture a compté 18 000 manifestants "
                        "à Nantes, à Angers et à Poitiers, 12 000 à Limoges et 9 000 à Dijon.\n",
        "poitiers.txt": "Poitiers dans la rue\n\nLe jeudi 12 mars 2026, la préfecture a compté 18 000 manifestants à Poitiers.\n",
    })
    assert [f for f in result if f.kind in ("contradiction", "dispute")] == []
    agreeing = [f for f in result if f.kind in ("echo", "corroboration")]
    assert len(agreeing) == 1 and "18 000" in agreeing[0].message, [f.message for f in result]


# --- the article's place is a guess ---------------------------------------------------------


def _claim(id_: str, document: str, value: float, location: str | None, source: str) -> Claim:
    return ClaimSpec(
        id=id_, document=document, value=value, category="people", event="killed", measure="running",
        location=location, place_source=source,  # type: ignore[arg-type]
    ).build(0)


def test_a_place_only_guessed_from_the_article_meets_a_figure_with_no_place() -> None:
    places = Places()
    guessed = _claim("a", "seoul", 269, "China", "document")
    unplaced = _claim("b", "wire", 6, None, "none")
    assert places.relation(guessed, unplaced) == "same"
    assert places.compatible_claims(guessed, unplaced)
    assert places.relation(_claim("c", "x", 6, "China", "clause"), unplaced) == "unknown"  # a place named in the text still counts


def test_a_place_named_in_the_text_still_decides_against_a_guess() -> None:
    places = Places()
    guessed = _claim("a", "doc1", 40, "France", "document")
    assert places.relation(guessed, _claim("b", "doc2", 12, "Paris", "clause")) == "b_in_a"  # Paris lies in France
    assert places.relation(guessed, _claim("c", "doc3", 12, "Spain", "clause")) == "unknown"
    assert places.relation(guessed, _claim("d", "doc4", 12, "Spain", "dateline")) == "same"  # two guesses


def test_a_count_placed_only_by_its_dateline_is_updated_by_an_unplaced_one(tmp_path: Path) -> None:
    result = findings(tmp_path, {
        "first.txt": "PARIS (AFP) - Ferry disaster\n\nOn Wednesday, April 15, 2026, coastguards said 12 people were "
                     "killed when the ferry capsized.\n",
        "later.txt": "Ferry toll rises\n\nOn Friday, April 17, 2026, coastguards said 41 people were killed when the "
                     "ferry capsized.\n",
    })
    kinds = {f.kind for f in result}
    assert "update" in kinds, [f.message for f in result]
    assert "contradiction" not in kinds
