"""Figures that disagree: contradictions, disputes between named sources, and updates.

The three kinds look at the same pairs and must not report one pair twice. The more
specific kinds (update, attribution-dispute) preempt quantity-contradiction: a pair
that a loaded update or attribution-dispute rule accounts for is reported there only.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator
from functools import lru_cache

from pydantic import Field

from consistency.model import Claim, Topic
from consistency.ruleset.engine import Draft, Evaluation, Rule, where
from consistency.ruleset.kinds.common import (
    Side,
    ToleranceOptions,
    apart,
    claims_meet,
    comparable_quantities,
    exact,
    figure_clusters,
    in_reading_order,
    interval,
    periods_allow,
    speakers,
    tolerance_words,
    widened,
)
from consistency.ruleset.registry import Kind, register_kind
from consistency.ruleset.schema import Severity
from consistency.ruleset.statements import Statement
from consistency.ruleset.values import (
    add,
    figures_meet,
    format_span,
    format_value,
    is_weak,
    milder,
    shared_time,
)

# --- quantity-contradiction ---------------------------------------------------------------


class ContradictionOptions(ToleranceOptions):
    vague_severity: Severity = Field(
        "warning", description="severity when either figure is vague or one-sided (more than, up to, …)"
    )
    reconcile_with_increments: bool = Field(
        True, description="look for a reported addition that explains the gap, and say so"
    )
    reconciled_severity: Severity = Field("warning", description="severity when a reported addition explains the gap")


def _contradictions(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """One finding per pair of clusters whose figures lie apart at a common time: many
    articles repeating 11 000 against many repeating 14 000 make one finding."""
    options = rule.options
    assert isinstance(options, ContradictionOptions)
    claims = [c for c in env.claims_of(topic, rule) if c.kind == "quantity" and not c.increment]
    def accept(x: Statement, y: Statement) -> bool:
        a, b = in_reading_order(x, y)
        return (
            not _meet(a, b, options)  # the two speakers themselves must disagree
            and comparable_quantities(a.claim, b.claim, env, options)
            and periods_allow(a.claim, b.claim, options)
            and env.pair_ok(rule, a, b)
            and not env.preempted(rule, a, b)
        )

    # Sides at places the rule never compares are not even paired (a large saving on big corpora).
    places = env.places if "compatible_locations" in rule.when.pair else None
    for lower, upper in apart(figure_clusters(env.statements(claims), options, env), places):
        found = speakers(lower, upper, accept=accept)
        if found is None:
            continue  # one document against itself, or every pair is explained by another rule
        a, b = in_reading_order(*found)
        yield _contradiction(rule, options, a, b, env)


def _meet(a: Statement, b: Statement, options: ToleranceOptions) -> bool:
    return claims_meet(a.claim, b.claim, options)


def _contradiction(rule: Rule, options: ContradictionOptions, a: Statement, b: Statement, env: Evaluation) -> Draft:
    severity = rule.severity
    if is_weak(a.claim) or is_weak(b.claim):
        severity = milder(severity, options.vague_severity)
    message = (
        f"{env.describe(a)} and {env.describe(b)} cannot both be true: intervals "
        f"{format_value(a.claim)} and {format_value(b.claim)} "
        f"do not meet ({tolerance_words(options)}); {shared_time(a.time, b.time)}."
    )
    places = {c.location for c in (a.claim, b.claim) if c.location}
    if len({p.casefold() for p in places}) > 1:
        message += f" Note the places differ: {' / '.join(sorted(places))}."
    if options.reconcile_with_increments:
        increment = _explaining_increment(a, b, options, env)
        if increment is not None:
            severity = milder(severity, options.reconciled_severity)
            what = increment.category or "units"
            message += (
                f" The difference matches the {format_value(increment)} additional {what} "
                f"reported in {where(increment)} ({format_span(increment.time)})."
            )
    return Draft("contradiction", severity, _claims(a, b), message, (a.origin, b.origin), (a.claim, b.claim))


def _claims(*sides: Statement) -> tuple[Claim, ...]:
    """The claims a finding shows: the one speaking for each statement of each side."""
    return tuple(m.claim for side in sides for m in side.members)


def _lowest(claim: Claim) -> float:
    low = interval(claim).low
    return -math.inf if low is None else low


def _explaining_increment(a: Statement, b: Statement, options: ToleranceOptions, env: Evaluation) -> Claim | None:
    """An addition of the same actor and category with low + addition ≈ high, reported
    between the lower figure's time and the higher one's."""
    low, high = sorted((a.claim, b.claim), key=_lowest)
    for increment in env.increments(low.actor, low.category):
        if increment.unit != low.unit or increment.id in (low.id, high.id):
            continue
        when = increment.time
        if when is not None and low.time is not None and when.high and low.time.low and when.high < low.time.low:
            continue
        if when is not None and high.time is not None and when.low and high.time.high and when.low > high.time.high:
            continue
        total = add(interval(low), interval(increment))
        both_exact = exact(low, options) and exact(increment, options)
        rel, absolute = options.relative_tolerance, options.absolute_tolerance
        if figures_meet(total, interval(high), rel, absolute, a_exact=both_exact, b_exact=exact(high, options)):
            return increment
    return None


QUANTITY_CONTRADICTION = register_kind(
    Kind(
        name="quantity-contradiction",
        options=ContradictionOptions,
        evaluate=_contradictions,
        finding_kind="contradiction",
        default_severity="error",
        topics=frozenset({"quantity"}),
        description="Two documents give figures for the same thing at overlapping times that cannot both be true.",
    )
)


# --- attribution-dispute --------------------------------------------------------------------


class DisputeOptions(ToleranceOptions):
    vague_severity: Severity = Field("info", description="severity when either figure is vague or one-sided")


def _disputes_pair(rule: Rule, a: Statement, b: Statement, env: Evaluation) -> bool:
    """Each side is one named voice, the voices differ, and their figures do not meet."""
    options = rule.options
    assert isinstance(options, DisputeOptions)
    return (
        a.origin.named
        and b.origin.named
        and len(a.voices) == 1
        and len(b.voices) == 1
        and a.origin.key != b.origin.key
        and comparable_quantities(a.claim, b.claim, env, options)
        and periods_allow(a.claim, b.claim, options)
        and a.meets_in_time(b)
        and not _meet(a, b, options)
    )


def _disputes(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """One finding per pair of voices and figures, however many articles repeat them."""
    options = rule.options
    assert isinstance(options, DisputeOptions)
    claims = [c for c in env.claims_of(topic, rule) if c.kind == "quantity" and c.attributed_to and not c.increment]
    by_voice: dict[str, list[Statement]] = {}
    for statement in env.statements(claims):
        by_voice.setdefault(statement.origin.key, []).append(statement)
    sides = sorted(
        (side for voice in sorted(by_voice) for side in figure_clusters(by_voice[voice], options, env)),
        key=lambda side: side.cluster.low,
    )
    for lower, upper in apart(sides):
        if lower.statement.origin.key == upper.statement.origin.key:
            continue
        found = speakers(lower, upper, same_document=True)
        if found is None:
            continue
        a, b = in_reading_order(*found)
        if not _disputes_pair(rule, a, b, env) or not env.pair_ok(rule, a, b) or env.preempted(rule, a, b):
            continue
        severity = rule.severity
        if is_weak(a.claim) or is_weak(b.claim):
            severity = milder(severity, options.vague_severity)
        message = (
            f"Sources disagree: {a.origin.name} gives {format_value(a.claim)} "
            f"({env.describe(a)}) while {b.origin.name} gives {format_value(b.claim)} "
            f"({env.describe(b)}); the figures do not meet ({tolerance_words(options)}); "
            f"{shared_time(a.time, b.time)}. Each side is reported with its source."
        )
        yield Draft("dispute", severity, _claims(a, b), message, (a.origin, b.origin), (a.claim, b.claim))


ATTRIBUTION_DISPUTE = register_kind(
    Kind(
        name="attribution-dispute",
        options=DisputeOptions,
        evaluate=_disputes,
        finding_kind="dispute",
        default_severity="warning",
        topics=frozenset({"quantity"}),
        explains=_disputes_pair,
        preempts=frozenset({"quantity-contradiction"}),
        description="Two named sources give figures that stay apart (police versus organisers).",
    )
)


# --- update ---------------------------------------------------------------------------------

GROWING_EVENTS = (
    "killed",
    "wounded",
    "injured",
    "killed_or_wounded",
    "missing",
    "captured",
    "arrested",
    "detained",
    "displaced",
    "evacuated",
    "deployed",
)
RUNNING_TIME_KINDS = frozenset({"since", "until", "as_of"})


class UpdateOptions(ToleranceOptions):
    growing_events: tuple[str, ...] = Field(
        GROWING_EVENTS, strict=False, description="events whose running counts only grow over time"
    )
    min_days_apart: int = Field(1, ge=1, description="how many days apart the two counts' end points must be")


@lru_cache(maxsize=64)
def _growing(events: tuple[str, ...]) -> frozenset[str]:
    return frozenset(e.casefold() for e in events)


def _running(claim: Claim, options: UpdateOptions) -> bool:
    growing = _growing(options.growing_events)
    if claim.kind != "quantity" or claim.increment or not claim.event or claim.event.casefold() not in growing:
        return False
    return claim.cumulative or (claim.time is not None and claim.time.kind in RUNNING_TIME_KINDS)


def _end(claim: Claim, env: Evaluation) -> dt.date | None:
    """The moment a running count is counted up to: its time's end, else the publication date."""
    if claim.time is not None and claim.time.high is not None:
        return claim.time.high
    return env.published(claim)


def _ordered_update(
    rule: Rule, a: Statement, b: Statement, env: Evaluation
) -> tuple[Statement, Statement, dt.date, dt.date] | None:
    """(earlier, later, their end points) when the later running count is not smaller."""
    options = rule.options
    assert isinstance(options, UpdateOptions)
    if not (_running(a.claim, options) and _running(b.claim, options)):
        return None
    if not comparable_quantities(a.claim, b.claim, env, options):
        return None
    end_a, end_b = _end(a.claim, env), _end(b.claim, env)
    if end_a is None or end_b is None or abs((end_b - end_a).days) < options.min_days_apart:
        return None
    earlier, later, end_early, end_late = (a, b, end_a, end_b) if end_a < end_b else (b, a, end_b, end_a)
    later_top = widened(later.claim, options).high
    earlier_bottom = widened(earlier.claim, options).low
    if later_top is not None and earlier_bottom is not None and later_top < earlier_bottom:
        return None  # the later count is smaller: not an update
    return earlier, later, end_early, end_late


def _explains_update(rule: Rule, a: Statement, b: Statement, env: Evaluation) -> bool:
    return _ordered_update(rule, a, b, env) is not None


def _updates(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """One finding per step of a growing count: the group of statements giving a figure
    is set against the group giving the most recent smaller figure before it first
    appeared, so a series read by hundreds of articles is a short chain. Equal counts are
    left to corroboration and echo."""
    options = rule.options
    assert isinstance(options, UpdateOptions)
    claims = [c for c in env.claims_of(topic, rule) if _running(c, options)]
    days: dict[int, int] = {}
    dated = []
    for statement in env.statements(claims):
        counted_to = _end(statement.claim, env)
        if counted_to is not None:
            days[id(statement)] = counted_to.toordinal()
            dated.append(statement)
    sides = figure_clusters(dated, options, env)
    for later in sides:
        first = min(later.cluster.members, key=lambda m: (days[id(m)], m.order))
        step: tuple[Statement, Side] | None = None
        for earlier in sides:
            if earlier.cluster.high >= later.cluster.low:
                continue  # not wholly smaller
            before = [m for m in earlier.cluster.members if days[id(first)] - days[id(m)] >= options.min_days_apart]
            if not before:
                continue
            latest = max(days[id(m)] for m in before)
            last = min((m for m in before if days[id(m)] == latest), key=lambda m: m.order)
            if step is None or _more_recent(last, step[0], days):
                step = (last, earlier)
        if step is None:
            continue
        last, earlier = step
        found = _ordered_update(rule, last, first, env)
        if found is None or not env.pair_ok(rule, last, first):
            continue
        _, _, end_early, end_late = found
        yield _update(rule, env, _speaking_for(last, earlier), _speaking_for(first, later), end_early, end_late)


def _more_recent(a: Statement, b: Statement, days: dict[int, int]) -> bool:
    """a was counted later than b; on the same day, a is the more specific (by content)."""
    if days[id(a)] != days[id(b)]:
        return days[id(a)] > days[id(b)]
    return a.order[:-1] < b.order[:-1]


def _speaking_for(statement: Statement, side: Side) -> Statement:
    """The side's statements, with `statement` speaking for them."""
    others = tuple(m for m in side.cluster.members if m is not statement)
    return Statement(statement.claims, statement.origin, others)


def _update(
    rule: Rule, env: Evaluation, earlier: Statement, later: Statement, end_early: dt.date, end_late: dt.date
) -> Draft:
    message = (
        f"{env.describe(later)} counts {format_value(later.claim)} up to "
        f"{end_late.isoformat()}, after {env.describe(earlier)} counted "
        f"{format_value(earlier.claim)} up to {end_early.isoformat()}: "
        f"a later figure, not a conflict."
    )
    return Draft(
        "update",
        rule.severity,
        _claims(earlier, later),
        message,
        (earlier.origin, later.origin),
        (earlier.claim, later.claim),
    )


UPDATE = register_kind(
    Kind(
        name="update",
        options=UpdateOptions,
        evaluate=_updates,
        finding_kind="update",
        default_severity="info",
        topics=frozenset({"quantity"}),
        explains=_explains_update,
        preempts=frozenset({"quantity-contradiction", "attribution-dispute"}),
        description="A running count of a growing event, counted up to a later date, is larger.",
    )
)
