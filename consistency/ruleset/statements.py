"""Statements: what a document (or a voice) says once, however many times it repeats it.

An article often gives the same figure in its title, its lead and its body. Counting
each as a separate claim would triple every finding, so claims that say the same
thing (same value, same time, compatible origin) are merged into one statement,
represented by its most specific claim.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property

from consistency.model import Claim, Interval, TimeSpan
from consistency.ruleset.context import Origin
from consistency.ruleset.values import reference_time, times_overlap

_DEFAULT_TIMES = frozenset({"as_of", "none"})  # times the text did not give for this figure
_TIME_SOURCE_RANK = {"clause": 3, "as_of": 2, "context": 1, "none": 0}
_QUALIFIER_RANK = {
    "exact": 7,
    "approx": 6,
    "range": 5,
    "at_least": 4,
    "more_than": 4,
    "up_to": 3,
    "less_than": 3,
    "vague": 0,
}


def claim_order(claim: Claim) -> tuple[str, int, int, str]:
    """Reading order: document, then position in it."""
    return (claim.document, claim.span[0], claim.span[1], claim.id)


def specificity(claim: Claim) -> tuple[int, int, int]:
    """Higher is more specific: a time read in the claim's own clause beats one taken
    from context, a named source beats none, an exact figure beats an approximate one."""
    return (
        _TIME_SOURCE_RANK.get(claim.time_source, 0),
        1 if claim.attributed_to else 0,
        _QUALIFIER_RANK.get(claim.qualifier, 1),
    )


def content_order(claim: Claim) -> tuple[object, ...]:
    """An order on what claims say, not where: it survives renaming documents."""
    value = claim.value
    if isinstance(value, TimeSpan):
        bounds: tuple[object, ...] = (value.low or dt.date.min, value.high or dt.date.max)
    else:
        bounds = (-math.inf if value.low is None else value.low, math.inf if value.high is None else value.high)
    time = claim.time
    when = (time.low or dt.date.min, time.high or dt.date.max) if time else (dt.date.min, dt.date.max)
    return (claim.kind, *bounds, *when, claim.quote)


def most_specific_first(claims: Iterable[Claim]) -> list[Claim]:
    """Most specific first; ties go by content, then reading order."""
    ordered = sorted(claims, key=lambda c: (content_order(c), claim_order(c)))
    return sorted(ordered, key=specificity, reverse=True)  # stable: ties keep the order above


@dataclass(frozen=True)
class Statement:
    """Claims that say one thing; the first is the representative.

    A statement usually comes from one document (or, for disputes, one voice). When many
    documents say the same thing, their statements are merged (see `merge`): the most
    specific one speaks for them and the others are kept in `others`.
    """

    claims: tuple[Claim, ...]
    origin: Origin
    others: tuple[Statement, ...] = ()

    @cached_property
    def claim(self) -> Claim:
        return self.claims[0]

    @cached_property
    def documents(self) -> frozenset[str]:
        found = {c.document for c in self.claims}
        for other in self.others:
            found |= other.documents
        return frozenset(found)

    @cached_property
    def voices(self) -> frozenset[str]:
        """The distinct origins (keys) behind this statement and those merged into it."""
        return frozenset({self.origin.key, *(o.origin.key for o in self.others)})

    @property
    def members(self) -> tuple[Statement, ...]:
        """The statements merged here, this one's own first."""
        return (Statement(self.claims, self.origin), *self.others)

    @property
    def value(self) -> Interval | TimeSpan:
        return self.claim.value

    @cached_property
    def time(self) -> TimeSpan | None:
        """The representative's time as figures are compared (see values.reference_time)."""
        return reference_time(self.claim)

    @cached_property
    def days(self) -> tuple[float, float]:
        """`time` as day numbers, ±inf where open: pair loops compare these directly."""
        time = self.time
        if time is None:
            return (-math.inf, math.inf)
        low = -math.inf if time.low is None else time.low.toordinal()
        high = math.inf if time.high is None else time.high.toordinal()
        return (low, high)

    def meets_in_time(self, other: Statement, slack_days: int = 0) -> bool:
        """Same as values.times_overlap on the two times, without building dates."""
        a, b = self.days, other.days
        return a[0] - slack_days <= b[1] and b[0] - slack_days <= a[1]


def same_value(a: Claim, b: Claim) -> bool:
    """Two claims of one document that state the same thing."""
    if a.kind != b.kind or a.unit != b.unit or a.increment != b.increment or a.share_of != b.share_of:
        return False
    if a.location and b.location and a.location.casefold() != b.location.casefold():
        return False
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        if not a.value.overlaps(b.value):
            return False
    elif isinstance(a.value, TimeSpan) and isinstance(b.value, TimeSpan):
        if not a.value.overlaps(b.value):
            return False
    else:
        return False
    if a.time_source in _DEFAULT_TIMES or b.time_source in _DEFAULT_TIMES:
        return True  # a title's figure, dated only by the article, restates the body's
    return times_overlap(reference_time(a), reference_time(b))


def group_statements(
    claims: Iterable[Claim],
    origin: Callable[[Claim], Origin],
    *,
    by: Callable[[Claim], str] = lambda c: c.document,
) -> list[Statement]:
    """Merge claims that say the same thing within each bucket (a document by default).

    Claims of two different named sources are never merged: "50 000 according to the
    organisers" and "50 000 according to the police" are two statements.
    """
    buckets: dict[str, list[Claim]] = {}
    for claim in claims:
        buckets.setdefault(by(claim), []).append(claim)
    statements: list[Statement] = []
    for bucket in sorted(buckets):
        groups: list[list[Claim]] = []
        for claim in most_specific_first(buckets[bucket]):
            for group in groups:
                if same_value(group[0], claim) and _compatible_origins(group, claim, origin):
                    group.append(claim)
                    break
            else:
                groups.append([claim])
        for group in groups:
            named = [origin(c) for c in group if origin(c).named]
            statements.append(Statement(tuple(group), named[0] if named else origin(group[0])))
    return statements


def _compatible_origins(group: list[Claim], claim: Claim, origin: Callable[[Claim], Origin]) -> bool:
    mine = origin(claim)
    if not mine.named:
        return True
    return all(not origin(c).named or origin(c).key == mine.key for c in group)


def statement_order(statement: Statement) -> tuple[object, ...]:
    """Most specific first, then by content and voice: an order that survives renaming."""
    claim = statement.claim
    rank = tuple(-x for x in specificity(claim))
    return (rank, content_order(claim), statement.origin.stable, claim_order(claim))


def merge(statements: Iterable[Statement]) -> Statement:
    """Several statements that agree, spoken for by the most specific one."""
    ordered = sorted(statements, key=statement_order)
    first, rest = ordered[0], ordered[1:]
    others = tuple(m for s in rest for m in s.members)
    return Statement(first.claims, first.origin, (*first.others, *others))
