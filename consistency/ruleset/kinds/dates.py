"""Dates that disagree: two documents place the same event at times that do not meet."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator

from pydantic import Field

from consistency.model import Claim, TimeSpan, Topic
from consistency.ruleset.clusters import cluster
from consistency.ruleset.engine import Draft, Evaluation, Rule
from consistency.ruleset.kind import Kind
from consistency.ruleset.kinds.common import Options, Side, apart, comparable_dates, in_reading_order, speakers
from consistency.ruleset.schema import Severity
from consistency.ruleset.statements import Statement, merge
from consistency.ruleset.values import format_span, milder, span_days

RECURRING_EVENTS = ("deployed", "sent", "attack", "fired", "delivered", "arrested", "evacuated", "displaced", "strike", "release", "aftershock", "election")


class DateOptions(Options):
    slack_days: int = Field(1, ge=0, description="days of leeway between two precise dates")
    fuzzy_slack_days: int = Field(
        31,
        ge=0,
        description="days of leeway when either date is approximate, open-ended or longer than a month "
        "('end of 2024' and 'early 2025' may describe the same week)",
    )
    vague_severity: Severity = Field(Severity.WARNING, description="severity when either date is approximate or open-ended")
    recurring_events: tuple[str, ...] = Field(
        RECURRING_EVENTS,
        strict=False,
        description="events that can happen more than once (troops deployed, attacks): two of their dates may "
        "describe two occurrences, so a conflict is less certain",
    )
    recurring_severity: Severity = Field(Severity.WARNING, description="severity for the dates of a recurring event")
    max_gap_days: int = Field(
        240,
        ge=0,
        description="dates further apart than this are taken as two occurrences of the event (the 2004 "
        "and the 2023 earthquakes), not as a conflict",
    )


def span(claim: Claim) -> TimeSpan:
    assert isinstance(claim.value, TimeSpan)
    return claim.value


def fuzzy(claim: Claim) -> bool:
    value = span(claim)
    return claim.qualifier != "exact" or value.low is None or value.high is None or span_days(value) > 31


def slack(a: Claim, b: Claim, options: DateOptions) -> int:
    return options.fuzzy_slack_days if fuzzy(a) or fuzzy(b) else options.slack_days


def _date_clusters(statements: list[Statement], options: DateOptions) -> list[Side]:
    """Dates of the same event that overlap (with the leeway for precise dates), merged."""
    leeway = min(options.slack_days, options.fuzzy_slack_days)
    entries = []
    for statement in statements:
        value = span(statement.claim)
        low = -math.inf if value.low is None else value.low.toordinal()
        high = math.inf if value.high is None else value.high.toordinal() + leeway
        entries.append(((low, high, -math.inf, math.inf), statement))

    def signature(statement: Statement) -> Hashable:
        claim = statement.claim
        return (claim.actor.casefold() if claim.actor else None, claim.increment)

    clusters = cluster(entries, fits=lambda new, member: comparable_dates(new.claim, member.claim), signature=signature)
    return sorted((Side(c, merge(c.members)) for c in clusters), key=lambda side: side.cluster.low)


def _date_contradictions(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """One finding per pair of clusters of dates that do not meet, even with the leeway."""
    options = rule.options
    assert isinstance(options, DateOptions)
    claims = [c for c in env.claims_of(topic, rule) if c.kind == "date" and isinstance(c.value, TimeSpan)]
    for lower, upper in apart(_date_clusters(env.statements(claims), options)):
        found = speakers(lower, upper)
        if found is None:
            continue
        a, b = in_reading_order(*found)
        if not comparable_dates(a.claim, b.claim):
            continue
        leeway = slack(a.claim, b.claim, options)
        if span(a.claim).overlaps(span(b.claim), leeway) or not env.pair_ok(rule, a, b):
            continue
        if not span(a.claim).overlaps(span(b.claim), options.max_gap_days):
            continue  # years apart: another occurrence of the event
        recurring = {e.casefold() for e in options.recurring_events}
        if (a.claim.event or "").casefold() in recurring and not (fuzzy(a.claim) and fuzzy(b.claim)):
            continue  # "la grève du 5 décembre", "la grève mardi": two precise days of a recurring event are two occurrences
        severity = rule.severity
        if fuzzy_bounds(a.claim) or fuzzy_bounds(b.claim):
            severity = milder(severity, options.vague_severity)
        event = " / ".join(part for part in topic.key[1:] if part != "?") or "the event"
        message = (
            f"{env.describe(a)} and {env.describe(b)} date the same event ({event}) to times that do not meet: "
            f"{_dates(span(a.claim))} and {_dates(span(b.claim))}, more than {leeway} day"
            f"{'s' if leeway != 1 else ''} apart."
        )
        what = a.claim.event or ""
        if what.casefold() in {e.casefold() for e in options.recurring_events}:
            severity = milder(severity, options.recurring_severity)
            message += f" '{what}' can happen more than once: check that both describe the same occurrence."
        claims_shown = tuple(m.claim for side in (a, b) for m in side.members)
        yield Draft("contradiction", severity, claims_shown, message, (a.origin, b.origin), (a.claim, b.claim))


def fuzzy_bounds(claim: Claim) -> bool:
    """Approximate or open-ended: a conflict with it is less certain."""
    value = span(claim)
    return claim.qualifier != "exact" or value.low is None or value.high is None


def _dates(value: TimeSpan) -> str:
    label = format_span(value)
    plain = format_span(TimeSpan(value.low, value.high))
    return label if label == plain else f"{label} ({plain})"


DATE_CONTRADICTION = Kind(
    name="date-contradiction",
    options=DateOptions,
    evaluate=_date_contradictions,
    finding_kind="contradiction",
    default_severity=Severity.ERROR,
    topics=frozenset({"date"}),
    description="Two documents date the same event to times that do not overlap.",
)
