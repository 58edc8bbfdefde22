"""Dates that disagree: two documents place the same event at times that do not meet."""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator

from pydantic import Field

from consistency.extract.time_zones import read_zone_unit
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
    slack_minutes: int = Field(
        45,
        ge=0,
        description="minutes of leeway between two times of day of the same event on the same day "
        "('8:30 a.m.' and '8:30 p.m.' do not meet; 'just before 1:30 a.m.' and '1:30 a.m.' do)",
    )
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
    if value.kind == "until" and value.low is None and value.high is not None and claim.qualifier == "exact":
        return False  # "announced on Wednesday that a deal was reached": reached by Wednesday, no later
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
    bounds = [c for c in claims if latest(c)]
    dates = [c for c in claims if not latest(c)]
    for lower, upper in apart(_date_clusters(env.statements(dates), options)):
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
        sides = (tuple(m.claim.id for m in a.members), tuple(m.claim.id for m in b.members))
        yield Draft("contradiction", severity, claims_shown, message, (a.origin, b.origin), (a.claim, b.claim), sides)
    yield from _hour_contradictions(rule, topic, env, dates)
    yield from _bound_contradictions(rule, topic, env, bounds, dates)


def latest(claim: Claim) -> bool:
    """A date that is only a latest day ("announced on Wednesday that a deal was reached")."""
    value = span(claim)
    return value.kind == "until" and value.low is None and value.high is not None


def _bound_contradictions(
    rule: Rule, topic: Topic, env: Evaluation, bounds: list[Claim], dates: list[Claim]
) -> Iterator[Draft]:
    """A date after the day by which another document says the event had happened: "the deal
    was finalised on Friday" against "Qatar announced the deal on Wednesday". Bounds are not
    clustered with dates: one bound holds every earlier date and would chain them."""
    options = rule.options
    assert isinstance(options, DateOptions)
    if not bounds or not dates:
        return
    statements = env.statements([*bounds, *dates])
    by_claim = {s.claim.id: s for s in statements}
    for bound in bounds:
        limit = span(bound).high
        first = by_claim.get(bound.id)
        if first is None or limit is None:
            continue
        for date in dates:
            second = by_claim.get(date.id)
            low = span(date).low
            if second is None or low is None or first.documents & second.documents:
                continue
            if not comparable_dates(bound, date) or fuzzy(date):
                continue
            if (low - limit).days <= options.slack_days or (low - limit).days > options.max_gap_days:
                continue
            a, b = in_reading_order(first, second)
            if not env.pair_ok(rule, a, b):
                continue
            event = " / ".join(part for part in topic.key[1:] if part != "?") or "the event"
            message = (
                f"{env.describe(a)} and {env.describe(b)} date the same event ({event}) to times that do not meet: "
                f"{_dates(span(a.claim))} and {_dates(span(b.claim))}, more than {options.slack_days} day"
                f"{'s' if options.slack_days != 1 else ''} apart."
            )
            claims_shown = (*a.claims, *b.claims)
            sides = (tuple(c.id for c in a.claims), tuple(c.id for c in b.claims))
            yield Draft("contradiction", milder(rule.severity, options.vague_severity), claims_shown, message,
                        (a.origin, b.origin), (a.claim, b.claim), sides)


def instant(claim: Claim) -> tuple[str, float, float] | None:
    """A time of day of one day as minutes on a scale the unit names: UTC when the text gave
    the zone's offset, else the local time of the event; None for a date without an hour."""
    value = span(claim)
    if not value.has_time_of_day or value.low is None or value.low != value.high or value.low_minute is None:
        return None
    zone = read_zone_unit(claim.unit)
    if zone is None:
        return None
    local, offset = zone
    low, high = value.minutes()
    if offset is not None:
        return "UTC", low - offset, high - offset
    return ("local", low, high) if local else None


def _same_scale(a: Claim, b: Claim) -> tuple[tuple[float, float], tuple[float, float]] | None:
    """The two times on one scale: UTC when both offsets are known, else the local times; None
    when one is local with no offset and the other written in another zone only."""
    ia, ib = instant(a), instant(b)
    if ia is None or ib is None:
        return None
    if ia[0] == ib[0]:
        return (ia[1], ia[2]), (ib[1], ib[2])
    la, lb = read_zone_unit(a.unit), read_zone_unit(b.unit)
    if la and lb and la[0] and lb[0]:  # both the event's local time, one with its offset
        va, vb = span(a).minutes(), span(b).minutes()
        return va, vb
    return None


def _hour_contradictions(rule: Rule, topic: Topic, env: Evaluation, claims: list[Claim]) -> Iterator[Draft]:
    """Two documents give the same day and hours of the same event that do not meet: "8:30
    p.m. local time" against "8h30 heure locale (7h30 à Paris)". The same instant written in
    two zones ("11h15 (10h15 à Paris)", "11:15 a.m. (0915 GMT)") agrees."""
    options = rule.options
    assert isinstance(options, DateOptions)
    timed = [s for s in env.statements(claims) if instant(s.claim) is not None]
    seen: set[tuple[str, str]] = set()
    for i, first in enumerate(timed):
        for second in timed[i + 1:]:
            if first.documents & second.documents or not comparable_dates(first.claim, second.claim):
                continue
            scales = _same_scale(first.claim, second.claim)
            if scales is None:
                continue
            (lo_a, hi_a), (lo_b, hi_b) = scales
            if lo_a - options.slack_minutes <= hi_b and lo_b - options.slack_minutes <= hi_a:
                continue
            if not span(first.claim).overlaps(span(second.claim), options.slack_days):
                continue  # days apart: the day rule above speaks for them
            a, b = in_reading_order(first, second)
            key = (a.claim.id, b.claim.id)
            if key in seen or not env.pair_ok(rule, a, b):
                continue
            seen.add(key)
            event = " / ".join(part for part in topic.key[1:] if part != "?") or "the event"
            message = (
                f"{env.describe(a)} and {env.describe(b)} give the same event ({event}) times that do not meet: "
                f"{_dates(span(a.claim))} and {_dates(span(b.claim))}, more than {options.slack_minutes} minutes apart."
            )
            claims_shown = (*a.claims, *b.claims)
            sides = (tuple(c.id for c in a.claims), tuple(c.id for c in b.claims))
            yield Draft("contradiction", rule.severity, claims_shown, message, (a.origin, b.origin), (a.claim, b.claim), sides)


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
