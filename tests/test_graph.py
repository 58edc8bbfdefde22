"""Topics group claims by meaning; names spelled differently are one source."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.graph import build_topics, infer_actors, merge_aliases, period_label, topic_key, unify_origins
from consistency.model import Claim, Interval, TimeSpan


def claim(i: int, doc: str = "a", **kw) -> Claim:
    base = dict(
        id=f"c-{i}", document=doc, kind="quantity", span=(i, i + 1), quote="x", line=1,
        value=Interval(100.0, 100.0), category="soldiers", event="deployed", actor="North Korea",
    )
    base.update(kw)
    return Claim(**base)


def test_claims_about_the_same_thing_share_a_topic():
    cs = [claim(1), claim(2, doc="b"), claim(3, event="killed"), claim(4, category="workers")]
    topics = build_topics(cs)
    assert len(topics) == 3
    together = next(t for t in topics if "c-1" in t.claims)
    assert set(together.claims) == {"c-1", "c-2"}
    assert together.label.startswith("North Korean soldiers deployed")


def test_label_names_place_and_time():
    cs = [
        claim(1, location="Kursk", time=TimeSpan(dt.date(2024, 9, 1), dt.date(2024, 11, 30), "automne 2024")),
        claim(2, doc="b", location="Kursk", time=TimeSpan(dt.date(2025, 3, 1), dt.date(2025, 5, 31), "printemps 2025")),
    ]
    (topic,) = build_topics(cs)
    assert topic.label == "North Korean soldiers deployed · Kursk · Sep 2024 – May 2025"


def test_unknown_actor_joins_the_only_actor_of_its_block():
    cs = infer_actors([claim(1), claim(2, doc="b", actor=None)])
    assert cs[1].actor == "North Korea"
    cs = infer_actors([claim(1), claim(2, actor="Russia"), claim(3, doc="b", actor=None)])
    assert cs[2].actor is None  # two candidates: stays unknown rather than guessed


def test_unknown_sources_spelled_differently_merge():
    mapping = merge_aliases(["Institute for the Study of War", "Institute for the Study of War (ISW)", "Oxfam"])
    assert mapping["Institute for the Study of War (ISW)"] == mapping["Institute for the Study of War"]
    assert mapping["Oxfam"] == "Oxfam"
    merged = unify_origins([claim(1, attributed_to="Kyiv School of Economics"), claim(2, attributed_to="Kyiv School of Economic")], [])
    assert merged[0].attributed_to == merged[1].attributed_to


def test_period_label_reads_like_a_person_writes():
    format_span = period_label
    assert format_span(TimeSpan(dt.date(2024, 1, 1), dt.date(2024, 12, 31))) == "2024"
    assert format_span(TimeSpan(dt.date(2024, 1, 1), None)) == "since Jan 2024"
    assert format_span(TimeSpan(dt.date(2024, 8, 1), dt.date(2024, 8, 31))) == "Aug 2024"


@settings(max_examples=50, deadline=None)
@given(st.permutations(list(range(8))))
def test_topics_do_not_depend_on_claim_order(order):
    cs = [claim(i, doc=f"d{i % 3}", event=["deployed", "killed"][i % 2]) for i in range(8)]
    assert build_topics([cs[i] for i in order]) == build_topics(cs)


def test_topic_key_is_meaning_not_wording():
    assert topic_key(claim(1)) == ("quantity", "North Korea", "soldiers", "deployed")
    assert topic_key(claim(2, kind="date", event="incursion", location="Kursk", actor="Ukraine")) == (
        "date", "incursion", "Ukraine", "Kursk")
