"""Acceptance on the seed corpus: what a fact-checker must (and must not) be told.

These are the user's own examples. Each test looks findings up by meaning (document,
category, event, value) rather than by id, so they keep asserting the behaviour when
wording or ids change.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Claim, Finding, Interval, Result, Severity, TimeSpan


def doc(claim: Claim) -> str:
    return claim.document[:3]


def claims_of(result: Result, finding: Finding) -> list[Claim]:
    return [result.claim(c) for c in finding.claims]


def contains(claim: Claim, value: float) -> bool:
    v = claim.value
    assert isinstance(v, Interval)
    return (v.low is None or v.low <= value) and (v.high is None or value <= v.high)


def findings(result: Result, kind: str) -> list[Finding]:
    return [f for f in result.findings if f.kind == kind]


def quantity_findings(result: Result, kind: str, category: str) -> list[Finding]:
    return [f for f in findings(result, kind) if all(result.claim(c).category == category for c in f.claims)]


# --- must be found ----------------------------------------------------------------------


@pytest.mark.parametrize("category,value", [("workers", 5000), ("sappers", 1000)])
def test_shoigu_figures_corroborate_as_one_origin(seed_result, category, value):
    echoes = [
        f
        for f in quantity_findings(seed_result, "echo", category)
        if {doc(c) for c in claims_of(seed_result, f)} >= {"001", "003"}
        and all(contains(c, value) for c in claims_of(seed_result, f))
    ]
    assert echoes, "agreement resting on Shoigu alone must be marked as an echo"
    assert echoes[0].origins == ("Sergei Shoigu",)
    assert "Shoigu" in echoes[0].message
    # the echo is reported instead of a corroboration of the same claims (README)
    assert not [
        f
        for f in quantity_findings(seed_result, "corroboration", category)
        if set(f.claims) == set(echoes[0].claims)
    ]


def test_11000_vs_14000_deployed_is_a_contradiction(seed_result):
    found = [
        f
        for f in quantity_findings(seed_result, "contradiction", "soldiers")
        if any(doc(c) == "003" and contains(c, 11000) for c in claims_of(seed_result, f))
        and any(doc(c) == "004" and contains(c, 14000) for c in claims_of(seed_result, f))
    ]
    assert found, "11 000 (003) vs 14 000 (004) North Korean troops deployed must be reported"
    f = found[0]
    # An increment reported elsewhere (3 000 more in Jan-Feb 2025) explains the gap: still a
    # contradiction between the two totals, and the message must say what reconciles them.
    assert f.severity in (Severity.ERROR, Severity.WARNING)
    assert {c.event for c in claims_of(seed_result, f)} == {"deployed"}
    assert {c.actor for c in claims_of(seed_result, f)} == {"North Korea"}
    assert "3" in f.message and ("000" in f.message or "3000" in f.message)  # the reconciliation is spelled out


def test_vague_several_thousand_sappers_vs_1000_is_a_weaker_contradiction(seed_result):
    found = [
        f
        for f in quantity_findings(seed_result, "contradiction", "sappers")
        if any(c.qualifier == "vague" for c in claims_of(seed_result, f))
        and any(contains(c, 1000) and c.qualifier == "exact" for c in claims_of(seed_result, f))
    ]
    assert found
    assert all(f.severity is Severity.WARNING for f in found)


def test_start_of_deployment_dates_disagree(seed_result):
    found = [
        f
        for f in findings(seed_result, "contradiction")
        if all(c.kind == "date" and c.event == "deployed" for c in claims_of(seed_result, f))
    ]
    assert found, "early 2024 (004) vs autumn 2024 (003) for the deployment must be reported"
    spans = [c.value for c in claims_of(seed_result, found[0])]
    assert any(isinstance(s, TimeSpan) and s.low == dt.date(2024, 1, 1) for s in spans)


@pytest.mark.parametrize(
    "event,day",
    [("incursion", dt.date(2024, 8, 15)), ("recapture", dt.date(2025, 3, 15)), ("treaty", dt.date(2024, 6, 19))],
)
def test_dated_events_agree(seed_result, event, day):
    agreeing = [
        f
        for f in findings(seed_result, "corroboration") + findings(seed_result, "echo")
        if all(c.kind == "date" and c.event == event for c in claims_of(seed_result, f))
    ]
    assert agreeing, f"the sources agree on the date of the {event}"
    for c in claims_of(seed_result, agreeing[0]):
        assert c.value.low <= day <= c.value.high


# --- must NOT be reported as contradictions ---------------------------------------------------


def contradiction_pairs(result: Result):
    for f in findings(result, "contradiction"):
        yield f, claims_of(result, f)


def test_5000_sent_since_september_is_another_event(seed_result):
    for f, cs in contradiction_pairs(seed_result):
        assert not any(doc(c) == "000" and contains(c, 5000) and c.category == "soldiers" for c in cs), f.message


def test_increments_are_not_totals(seed_result):
    increments = [c for c in seed_result.claims if c.increment]
    assert any(doc(c) == "003" and contains(c, 3000) for c in increments), "3 000 soldats supplémentaires is an increment"
    for f, cs in contradiction_pairs(seed_result):
        assert not any(c.increment for c in cs), f.message


def test_killed_or_wounded_is_not_deployed(seed_result):
    kw = [c for c in seed_result.claims if c.event == "killed_or_wounded" and doc(c) == "003"]
    assert any(c.qualifier == "more_than" and contains(c, 6001) for c in kw)
    for f, cs in contradiction_pairs(seed_result):
        events = {c.event for c in cs if c.kind == "quantity"}
        assert len(events) <= 1, f"a contradiction mixes events {events}: {f.message}"
        assert "killed_or_wounded" not in events, f.message


def test_workers_and_sappers_are_different_things(seed_result):
    for f, cs in contradiction_pairs(seed_result):
        assert len({c.category for c in cs}) == 1, f.message


def test_march_2025_vs_spring_2025_is_no_contradiction(seed_result):
    for f, cs in contradiction_pairs(seed_result):
        labels = " ".join(c.quote for c in cs)
        assert not ("mars 2025" in labels and "printemps 2025" in labels), f.message


def test_more_than_6000_vs_more_than_half_is_no_contradiction(seed_result):
    for f, cs in contradiction_pairs(seed_result):
        assert not any("moitié" in c.quote for c in cs), f.message


def test_every_claim_quotes_its_span(seed_result):
    texts = {d.id: d.text for d in seed_result.documents}
    for c in seed_result.claims:
        assert texts[c.document][c.span[0]:c.span[1]] == c.quote


def test_every_finding_names_rule_and_quotes_both_sides(seed_result):
    for f in seed_result.findings:
        assert f.rule and f.message and f.fingerprint
        assert len(f.claims) >= 2
