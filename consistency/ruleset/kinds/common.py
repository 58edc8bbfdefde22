"""What the built-in kinds share: tolerance options and "may these two be compared?"."""

from __future__ import annotations

import bisect
import math
from collections.abc import Hashable, Iterator

from pydantic import BaseModel, ConfigDict, Field

from consistency.model import Claim, Interval
from consistency.ruleset.clusters import Cluster, Ranges, cluster
from consistency.ruleset.engine import Evaluation
from consistency.ruleset.statements import Statement, claim_order, merge, statement_order
from consistency.ruleset.values import format_number, widen


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ToleranceOptions(Options):
    relative_tolerance: float = Field(
        0.05, ge=0, le=1, description="each figure is widened by this share of its magnitude before comparing"
    )
    absolute_tolerance: float = Field(0.0, ge=0, description="…or by this many units, whichever is larger")
    widen_approximate: bool = Field(
        False,
        description="also widen figures the text gives as approximate, ranges or vague; by default only "
        "exact figures are widened, since the others already arrive as intervals",
    )


def exact(claim: Claim, options: ToleranceOptions) -> bool:
    """Whether the tolerance applies to this figure (see ToleranceOptions.widen_approximate)."""
    return options.widen_approximate or claim.qualifier == "exact"


def widened(claim: Claim, options: ToleranceOptions) -> Interval:
    value = interval(claim)
    if not exact(claim, options):
        return value
    return widen(value, options.relative_tolerance, options.absolute_tolerance)


def claims_meet(a: Claim, b: Claim, options: ToleranceOptions) -> bool:
    """The two figures can both be true, each widened by the tolerance where it applies."""
    return widened(a, options).overlaps(widened(b, options))


def tolerance_words(options: ToleranceOptions) -> str:
    rel = f"{format_number(round(options.relative_tolerance * 100, 2))}%"
    if options.absolute_tolerance and options.relative_tolerance:
        return f"within {rel} or {format_number(options.absolute_tolerance)}"
    if options.absolute_tolerance:
        return f"within {format_number(options.absolute_tolerance)}"
    return f"within {rel}" if options.relative_tolerance else "exactly"


def comparable_quantities(a: Claim, b: Claim, env: Evaluation, options: ToleranceOptions) -> bool:
    """Two figures measure the same thing: same unit, both totals or both additions,
    and percentages only when they are shares of bases that agree."""
    if a.kind != "quantity" or b.kind != "quantity":
        return False
    if not isinstance(a.value, Interval) or not isinstance(b.value, Interval):
        return False
    if a.unit != b.unit or a.increment != b.increment:
        return False
    if a.unit == "percent":
        return _same_base(a, b, env, options)
    return True


def _same_base(a: Claim, b: Claim, env: Evaluation, options: ToleranceOptions) -> bool:
    if a.share_of is None or b.share_of is None:
        return False
    if a.share_of == b.share_of:
        return True
    base_a, base_b = env.claim(a.share_of), env.claim(b.share_of)
    if base_a is None or base_b is None:
        return False
    same_thing = (base_a.actor, base_a.category, base_a.event, base_a.unit) == (
        base_b.actor,
        base_b.category,
        base_b.event,
        base_b.unit,
    )
    if not same_thing or not all(isinstance(c.value, Interval) for c in (base_a, base_b)):
        return False
    return claims_meet(base_a, base_b, options)


def comparable_dates(a: Claim, b: Claim) -> bool:
    """Two dates of the same event: same actor when both are known, both first or both
    additional occurrences ("3 000 more were sent in January" is another event)."""
    if a.kind != "date" or b.kind != "date" or a.increment != b.increment:
        return False
    if a.actor and b.actor and a.actor.casefold() != b.actor.casefold():
        return False
    return True


def in_reading_order(a: Statement, b: Statement) -> tuple[Statement, Statement]:
    return (a, b) if claim_order(a.claim) <= claim_order(b.claim) else (b, a)


def interval(claim: Claim) -> Interval:
    assert isinstance(claim.value, Interval)
    return claim.value


# --- figures in clusters ------------------------------------------------------------------


def figure_ranges(statement: Statement, options: ToleranceOptions, time_slack_days: int = 0) -> Ranges:
    """A figure's widened value and its time as day numbers; the time's end is pushed by
    `time_slack_days` so that times that many days apart still overlap."""
    wide = widened(statement.claim, options)
    low = -math.inf if wide.low is None else wide.low
    high = math.inf if wide.high is None else wide.high
    t_low, t_high = statement.days
    return (low, high, t_low, t_high + time_slack_days)


def figure_signature(statement: Statement) -> Hashable:
    """What decides whether two figures may share a cluster, besides value and time."""
    claim = statement.claim
    place = claim.location.casefold() if claim.location else None
    return (claim.unit, claim.increment, claim.share_of, place)


def figure_clusters(statements: list[Statement], options: ToleranceOptions, env: Evaluation) -> list[Side]:
    """Statements saying the same figure for the same time and place, each cluster
    merged into one side spoken for by its most specific statement; in value order."""

    def fits(new: Statement, member: Statement) -> bool:
        return comparable_quantities(new.claim, member.claim, env, options) and env.places.compatible(
            new.claim.location, member.claim.location
        )

    entries = [(figure_ranges(s, options), s) for s in statements]
    clusters = cluster(entries, fits=fits, signature=figure_signature)
    return sorted((Side(c, merge(c.members)) for c in clusters), key=lambda side: side.cluster.low)


class Side:
    """A cluster and the statement that speaks for it."""

    __slots__ = ("cluster", "statement")

    def __init__(self, group: Cluster, statement: Statement) -> None:
        self.cluster = group
        self.statement = statement


def apart(sides: list[Side]) -> Iterator[tuple[Side, Side]]:
    """Every (lower, upper) pair of sides whose values lie wholly apart while their times
    meet, without looking at the pairs whose values meet: sorted by lowest value, the
    sides above one form a suffix. Sides must come sorted by `cluster.low`."""
    lows = [side.cluster.low for side in sides]
    times = [(side.cluster.ranges[2], side.cluster.ranges[3]) for side in sides]
    for lower in sides:
        t_low, t_high = lower.cluster.ranges[2], lower.cluster.ranges[3]
        for index in range(bisect.bisect_right(lows, lower.cluster.high), len(sides)):
            u_low, u_high = times[index]
            if u_low <= t_high and t_low <= u_high:
                yield lower, sides[index]


def _speaker_outside(side: Side, document: str) -> Statement | None:
    if side.statement.claim.document != document:
        return side.statement
    elsewhere = [m for m in side.cluster.members if document not in m.documents]
    return merge(elsewhere) if elsewhere else None


def speakers(lower: Side, upper: Side) -> tuple[Statement, Statement] | None:
    """The two sides as statements from two different documents, so that a finding never
    sets a document against itself; each side leaves out the other speaker's document.
    None when both sides come from one document."""
    candidates = []
    second = _speaker_outside(upper, lower.statement.claim.document)
    if second is not None:
        candidates.append((lower.statement, second))
    first = _speaker_outside(lower, upper.statement.claim.document)
    if first is not None:
        candidates.append((first, upper.statement))
    if not candidates:
        return None
    # By content only, so that the choice does not depend on how documents are named.
    first, second = min(candidates, key=lambda pair: (statement_order(pair[0])[:-1], statement_order(pair[1])[:-1]))
    a = merge([m for m in lower.cluster.members if second.claim.document not in m.documents])
    b = merge([m for m in upper.cluster.members if first.claim.document not in m.documents])
    return a, b
