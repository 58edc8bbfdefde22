"""What the built-in kinds share: tolerance options and "may these two be compared?"."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from consistency.model import Claim, Interval
from consistency.ruleset.clusters import Cluster, Ranges
from consistency.ruleset.engine import Evaluation
from consistency.ruleset.places import ASSUMED_PLACE_RATIO, ASSUMED_PLACES, Places, compared_place
from consistency.ruleset.statements import Statement, claim_order
from consistency.ruleset.values import format_number, widen


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)  # built on first validation


class ToleranceOptions(Options):
    relative_tolerance: float = Field(
        0.05, ge=0, le=1, description="each figure is widened by this share of its magnitude before comparing"
    )
    absolute_tolerance: float = Field(0.0, ge=0, description="…or by this many units, whichever is larger")
    tolerance: Literal["precision", "relative"] = Field(
        "precision",
        description="how far an exact figure may move and still mean the same: 'precision' follows how "
        "it is written ('3 317' is precise; '70 000' may round 65 000–75 000, capped by relative_tolerance); "
        "'relative' widens every exact figure by relative_tolerance",
    )
    projection_tolerance: float = Field(
        0.25, ge=0, le=1,
        description="a sum or mass given as what it could reach (a forecast, an early estimate) is widened by "
        "this share of its magnitude: 'nearly 10 billion' forecast and 8.2 billion assessed can both be fair",
    )
    widen_approximate: bool = Field(
        False,
        description="also widen figures the text gives as approximate, ranges or vague; by default only "
        "exact figures are widened, since the others already arrive as intervals",
    )
    provisional_events: tuple[str, ...] = Field(
        ("killed", "wounded", "injured", "killed_or_wounded", "missing", "demonstrated", "arrested", "detained", "charged",
         "struck", "evacuated", "displaced", "rescued", "buried", "identified"),
        description="events counted in bulletins through the day (tolls, a march's turnout): two counts of one "
        "day, one of them without its hour, are not set against each other (the later may update the earlier) "
        "unless two different named sources give them",
    )
    accumulating_events: tuple[str, ...] = Field(
        ("killed", "wounded", "killed_or_wounded", "missing", "captured", "arrested", "detained", "charged", "evacuated",
         "displaced"),
        description="events whose counts add up over time: a count for a year includes the count for one of "
        "its months, so only a smaller figure for the wider period conflicts",
    )
    one_voice: tuple[tuple[str, ...], ...] = Field(
        (("police", "prefecture", "Interior Ministry", "authorities", "government"),),
        strict=False,
        description="named sources that publish one count between them (a city's police, its prefecture, the "
        "interior ministry that adds up their figures, 'the authorities' citing them): two of them giving "
        "figures that do not meet is a contradiction in the official record, not a dispute between two sides",
    )


def one_voice(first: str, second: str, options: ToleranceOptions) -> bool:
    """Whether two sources (origin keys or names) are listed together in `one_voice`."""
    a, b = first.casefold(), second.casefold()
    return any(a in group and b in group for group in _voices(options.one_voice))


@lru_cache(maxsize=16)
def _voices(groups: tuple[tuple[str, ...], ...]) -> tuple[frozenset[str], ...]:
    return tuple(frozenset(name.casefold() for name in group) for group in groups)


def exact(claim: Claim, options: ToleranceOptions) -> bool:
    """Whether the tolerance applies to this figure (see ToleranceOptions.widen_approximate)."""
    return options.widen_approximate or claim.qualifier == "exact"


def widened(claim: Claim, options: ToleranceOptions) -> Interval:
    value = interval(claim)
    if claim.measure == "projection":
        return widen(value, options.projection_tolerance, options.absolute_tolerance)
    if not exact(claim, options):
        return value
    if options.tolerance == "precision":
        low = None if value.low is None else value.low - precision_slack(value.low, options)
        high = None if value.high is None else value.high + precision_slack(value.high, options)
        return Interval(low, high)
    return widen(value, options.relative_tolerance, options.absolute_tolerance)


def precision_slack(value: float, options: ToleranceOptions) -> float:
    """How far a figure written as `value` may be from the true one: a round figure ("70 000",
    "1 100") may stand for anything that rounds to it, up to relative_tolerance; a figure with
    a non-zero last digit ("3 317", "2 946", "6,8") is precise."""
    magnitude = abs(value)
    if magnitude < 100 or not float(value).is_integer():
        return options.absolute_tolerance
    unit = 1
    n = int(magnitude)
    while n % 10 == 0 and n:
        n //= 10
        unit *= 10
    if unit < 100:
        return options.absolute_tolerance  # "2 750", "1 290": written to the ten, taken as written
    return max(options.absolute_tolerance, min(unit / 2, options.relative_tolerance * magnitude))


def claims_meet(a: Claim, b: Claim, options: ToleranceOptions) -> bool:
    """The two figures can both be true, each widened by the tolerance where it applies."""
    return widened(a, options).overlaps(widened(b, options))


def tolerance_words(options: ToleranceOptions) -> str:
    if options.tolerance == "precision":
        return "each taken as precisely as it is written"
    rel = f"{format_number(round(options.relative_tolerance * 100, 2))}%"
    if options.absolute_tolerance and options.relative_tolerance:
        return f"within {rel} or {format_number(options.absolute_tolerance)}"
    if options.absolute_tolerance:
        return f"within {format_number(options.absolute_tolerance)}"
    return f"within {rel}" if options.relative_tolerance else "exactly"


COMPARED_MEASURES = frozenset({"total", "running"})  # increments, parts, differences, projections are not
MASS_UNITS = frozenset({"t", "kg"})  # units.yaml codes of masses (currencies are ISO 4217 codes)


def compared(claim: Claim) -> bool:
    """A figure that may be set against another of its scope: a total or a running count, or
    an amount of money or mass given as what it "could reach" ("les dégâts pourraient
    atteindre 10 milliards de dollars"), which is an estimate of that amount, comparable with
    another estimate of it. A projected count ("the toll could reach 1,000") is not: it may
    still come true, and a count of today does not contradict it."""
    if claim.measure in COMPARED_MEASURES:
        return True
    return claim.measure == "projection" and claim.noun_source == "measure" and (
        claim.unit in MASS_UNITS or (len(claim.unit) == 3 and claim.unit.isalpha() and claim.unit.isupper())
    )


def same_scope(a: Claim, b: Claim, env: Evaluation) -> bool:
    """Two figures are about the same thing, so that their values may be set against each
    other: both totals or running counts, of a known and identical category, event, actor
    and unit, at places that are the same or nested. Whatever is unknown never matches."""
    if a.kind != "quantity" or b.kind != "quantity":
        return False
    if not isinstance(a.value, Interval) or not isinstance(b.value, Interval):
        return False
    if a.unit != b.unit or not compared(a) or not compared(b):
        return False
    if not a.category or a.category != b.category:
        return False
    if a.category == "people" and not a.event:
        return False  # "people" with nothing happening to them could be anyone
    if (a.event or "") != (b.event or "") or (a.actor or "") != (b.actor or ""):
        return False
    return place_relation(a, b, env) != "unknown"


def place_relation(a: Claim, b: Claim, env: Evaluation) -> str:
    """"same", "a_in_b", "b_in_a" or "unknown" (not nested, or one place unknown); a place
    that is only the article's never keeps two figures apart (`Places.relation`)."""
    return env.places.relation(a, b)


def comparable_quantities(
    a: Claim, b: Claim, env: Evaluation, options: ToleranceOptions, agreeing: bool = False
) -> bool:
    """Two figures measure the same thing (see same_scope); percentages only when they are
    shares of bases that agree; nested places only where a smaller figure for the wider
    place would be impossible. With `agreeing`, for figures that agree: a figure placed only
    by its article's country agrees with the same figure for a place in that country."""
    if not same_scope(a, b, env):
        return False
    if a.unit == "percent":
        return _same_base(a, b, env, options)  # a share of an unknown whole is never compared
    if env.places.guessed_same(a, b) and _far_apart(a, b):
        return False  # "35 morts" of a Tunisian article and 1 081 pilgrims: likely not one count
    if agreeing:
        relation = place_relation(a, b, env)
        if relation in ("same", "unknown"):
            return relation == "same"  # two places not known to be one or nested never agree
        wider = b if relation == "a_in_b" else a
        return wider.place_source in ASSUMED_PLACES
    return _places_allow(a, b, env)


def _far_apart(a: Claim, b: Claim) -> bool:
    lows = sorted(v.low if v.low is not None else v.high or 0.0 for v in (interval(a), interval(b)))
    return lows[0] > 0 and lows[1] >= ASSUMED_PLACE_RATIO * lows[0]


def periods_allow(a: Claim, b: Claim, options: ToleranceOptions) -> bool:
    """200 killed in October and 1 500 killed in 2024 can both be true: for events that
    add up, only a *smaller* count for the period that contains the other is impossible. So
    for a turnout counted through the day: "600 000 from Friday to Sunday" holds Saturday's."""
    summed = a.event in options.accumulating_events or a.event in options.provisional_events
    if not summed or a.time is None or b.time is None:
        return True
    ta, tb = a.time, b.time
    if None in (ta.low, ta.high, tb.low, tb.high) or (ta.low, ta.high) == (tb.low, tb.high):
        return True
    if ta.low <= tb.low and tb.high <= ta.high:  # type: ignore[operator]
        wider, inner = a, b
    elif tb.low <= ta.low and ta.high <= tb.high:  # type: ignore[operator]
        wider, inner = b, a
    else:
        return True
    top, bottom = interval(wider).high, interval(inner).low
    return top is not None and bottom is not None and top < bottom


def _places_allow(a: Claim, b: Claim, env: Evaluation) -> bool:
    """A figure for a whole country may well exceed one for a city inside it: when one
    place lies within the other, only a *smaller* figure for the wider place is impossible."""
    relation = place_relation(a, b, env)
    if relation == "same":
        return True
    if relation == "unknown":
        return False  # not known to be nested: never compared
    wider, inner = (b, a) if relation == "a_in_b" else (a, b)
    top, bottom = interval(wider).high, interval(inner).low
    return top is not None and bottom is not None and top < bottom


def _same_base(a: Claim, b: Claim, env: Evaluation, options: ToleranceOptions) -> bool:
    if a.share_of is None or b.share_of is None:
        return False
    if a.share_of == b.share_of:
        return True  # the same figure, or the same named whole ("population:primary_teachers")
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


@dataclass(frozen=True)
class Side:
    """A cluster and the statement that speaks for it."""

    cluster: Cluster
    statement: Statement


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


def apart(sides: list[Side], places: Places | None = None) -> Iterator[tuple[Side, Side]]:
    """Every (lower, upper) pair of sides whose values lie wholly apart and whose members'
    times may meet, without looking at the pairs whose values meet.

    A side spans its members' values, except that an open bound ("more than 12 000") does
    not stretch it over every figure above: that would hide a real conflict between the
    other members. Sorted by lowest value, the sides above one form a suffix. With
    `places`, sides whose places can never be compared (Kursk and Donetsk) are not paired."""
    spans = {id(side): _span(side) for side in sides}
    where = {id(side): frozenset(compared_place(m.claim) for m in side.cluster.members) for side in sides}
    ordered = sorted(sides, key=lambda side: spans[id(side)][0])  # stable: ties keep their order
    lows = [spans[id(side)][0] for side in ordered]
    for lower in ordered:
        first, last = lower.cluster.first_day, lower.cluster.last_day
        for upper in ordered[bisect.bisect_right(lows, spans[id(lower)][1]) :]:
            if upper.cluster.first_day <= last and first <= upper.cluster.last_day:
                if places is None or any(
                    places.compatible(x, y) for x in where[id(lower)] for y in where[id(upper)]
                ):
                    yield lower, upper


def _span(side: Side) -> tuple[float, float]:
    """The side's lowest and highest value, open bounds left out when a member closes them."""
    cluster = side.cluster
    low, high = cluster.low, cluster.high
    if math.isinf(low) or math.isinf(high):
        values = [interval(m.claim) for m in cluster.members if isinstance(m.claim.value, Interval)]
        lows = [v.low for v in values if v.low is not None]
        highs = [v.high for v in values if v.high is not None]
        if math.isinf(low) and lows:
            low = min(lows)
        if math.isinf(high) and highs:
            high = max(highs)
    return low, high


def speakers(
    lower: Side,
    upper: Side,
    *,
    same_document: bool = False,
    accept: Callable[[Statement, Statement], bool] | None = None,
) -> tuple[Statement, Statement] | None:
    """The two statements that speak for two sides: about times that meet and, unless
    `same_document`, from two different documents, so that a finding never sets a
    document against itself. The most specific such pair, chosen by content only so that
    the choice does not depend on how documents are named. Each speaker stands for the
    members of its side that some member of the other side can face. None when no pair
    qualifies. `accept` rejects pairs that another rule accounts for (a later running
    count), so that one such pair does not hide a real conflict elsewhere in the sides."""
    facing_a = [m for m in lower.cluster.by_order if upper.cluster.faces(m, same_document)]
    if not facing_a:
        return None
    Rank = tuple[object, ...]
    best: tuple[tuple[Rank, Rank], Statement, Statement] | None = None
    for a in facing_a:
        if best is not None and a.order[:-1] > best[0][0]:
            break  # every later candidate ranks below the pair found
        for b in upper.cluster.by_order:
            if (
                (same_document or not a.documents & b.documents)
                and a.meets_in_time(b)
                and (accept is None or accept(a, b))
            ):
                key = (a.order[:-1], b.order[:-1])
                if best is None or key < best[0]:
                    best = (key, a, b)
                break
    if best is None:
        return None  # every facing pair was rejected by `accept`
    _, a, b = best
    facing_b = [m for m in upper.cluster.by_order if lower.cluster.faces(m, same_document)]
    return (
        Statement(a.claims, a.origin, tuple(m for m in facing_a if m is not a)),
        Statement(b.claims, b.origin, tuple(m for m in facing_b if m is not b)),
    )
