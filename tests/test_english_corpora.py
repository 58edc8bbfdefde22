"""Two small English stories, checked end to end for what must and must not be reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.pipeline import check

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def gaza():
    return check([FIXTURES / "gaza"])


@pytest.fixture(scope="module")
def protest():
    return check([FIXTURES / "protest"])


def quotes(result, finding):
    return [result.claim(c).quote for c in finding.claims]


def test_a_toll_that_rose_is_an_update_not_a_contradiction(gaza):
    conflicts = [f for f in gaza.findings if f.kind in ("contradiction", "dispute")]
    for f in conflicts:
        voices = {gaza.claim(c).attributed_to for c in f.claims}
        assert voices != {"Palestinian Health Ministry"}, "the ministry's toll rising is not a conflict"
        assert "10,000 Hamas fighters" not in quotes(gaza, f), "10 000 then 13 000 is a later figure"
    assert any(f.kind == "update" and "about 13,000 militants" in quotes(gaza, f) for f in gaza.findings)


def test_an_estimate_below_the_official_toll_at_the_same_date_is_reported(gaza):
    found = [f for f in gaza.findings if f.kind == "contradiction"]
    assert any(
        "between 20,000 and 25,000 Palestinians" in quotes(gaza, f) and "More than 30,000 Palestinians" in quotes(gaza, f)
        for f in found
    )


def test_the_same_ministry_repeated_is_an_echo(gaza):
    echoes = [f for f in gaza.findings if f.kind == "echo"]
    assert any("Health Ministry" in f.message for f in echoes)


def test_victims_in_israel_are_not_compared_with_victims_in_gaza(gaza):
    for f in gaza.findings:
        assert "Some 1,200 people" not in quotes(gaza, f), f.message


def test_police_and_organisers_are_a_dispute_and_a_city_is_not_a_country(protest):
    disputes = [f for f in protest.findings if f.kind == "dispute"]
    assert any({"police", "CGT union"} <= set(f.origins) for f in disputes)
    for f in protest.findings:
        if f.kind in ("contradiction", "dispute") and "280,000 protesters" in quotes(protest, f):
            assert not {"12,000 people", "50,000"} & set(quotes(protest, f)), "France-wide 280 000 vs Paris is no conflict"
    # ", organisers claimed more than 1.2 million": the nationwide count has two sides too.
    assert any({"280,000 protesters", "more than 1.2 million"} <= set(quotes(protest, f)) for f in disputes)
