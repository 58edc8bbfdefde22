"""Statements: what a document says once, however many times it repeats it.

An article often gives the same figure in its title, its lead and its body. Counting
each as a separate claim would triple every finding, so claims that say the same
thing (same value, same time, compatible origin) are merged into one statement,
represented by its most specific claim. Statements of several documents that agree are
merged the same way (`merge`) when rules compare clusters of them.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property

from consistency.model import Claim, Interval, TimeSpan
from consistency.ruleset.context import Origin
from consistency.ruleset.values import reference_time, times_overlap

_DEFAULT_TIMES = frozenset({"as_of", "none"})  # times the text did not give for this figure
_TIME_SOURCE_RANK = {"clause": 3, "context": 2, "as_of": 1, "none": 0}
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
    from context, which beats the article's date; a named source beats none; an exact
    figure beats an approximate one."""
    return (
        _TIME_SOURCE_RANK.get(claim.time_source, 0),
        1 if claim.attributed_to else 0,
        _QUALIFIER_RANK.get(claim.qualifier, 1),
    )


def content_order(claim: Claim) -> tuple[object, ...]:
    """An order on what claims say, not where: it survives renaming documents. Two claims
    tie only when everything rules read from them is the same."""
    value = claim.value
    if isinstance(value, TimeSpan):
        bounds: tuple[object, ...] = (value.low or dt.date.min, value.high or dt.date.max)
    else:
        bounds = (-math.inf if value.low is None else value.low, math.inf if value.high is None else value.high)
    time = claim.time
    when = (time.low or dt.date.min, time.high or dt.date.max, time.kind) if time else (dt.date.min, dt.date.max, "")
    facts = (
        claim.qualifier,
        claim.unit,
        claim.increment,
        claim.cumulative,
        claim.time_source,
        claim.attributed_to or "",
        claim.location or "",
        claim.event or "",
        claim.category or "",
        claim.actor or "",
    )
    return (claim.kind, *bounds, *when, *facts, claim.quote)


def most_specific_first(claims: Iterable[Claim]) -> list[Claim]:
    """Most specific first; ties go by content, then reading order."""
    ordered = sorted(claims, key=lambda c: (content_order(c), claim_order(c)))
    return sorted(ordered, key=specificity, reverse=True)  # stable: ties keep the order above


@dataclass(frozen=True, eq=False)
class Statement:
    """Claims that say one thing; the first is the representative.

    A statement comes from one document. When many documents say the same thing, their
    statements are merged (see `merge`): the most specific one speaks for them and the
    others are kept in `others`.

    The attributes rules read in their inner loops (`claim`, `documents`, `time`, `days`)
    are computed once, when the statement is made.
    """

    claims: tuple[Claim, ...]
    origin: Origin
    others: tuple[Statement, ...] = ()
    claim: Claim = field(init=False)
    documents: frozenset[str] = field(init=False)
    time: TimeSpan | None = field(init=False)  # as figures are compared (see values.reference_time)
    days: tuple[float, float] = field(init=False)  # `time` as day numbers, ±inf where open

    def __post_init__(self) -> None:
        claim = self.claims[0]
        documents = {c.document for c in self.claims}
        for other in self.others:
            documents |= other.documents
        time = reference_time(claim)
        if time is None:
            days = (-math.inf, math.inf)
        else:
            days = (
                -math.inf if time.low is None else time.low.toordinal(),
                math.inf if time.high is None else time.high.toordinal(),
            )
        for name, value in (("claim", claim), ("documents", frozenset(documents)), ("time", time), ("days", days)):
            object.__setattr__(self, name, value)

    @cached_property
    def voices(self) -> frozenset[str]:
        """The distinct origins (keys) behind this statement and those merged into it."""
        return frozenset({self.origin.key, *(o.origin.key for o in self.others)})

    @cached_property
    def order(self) -> tuple[object, ...]:
        """See statement_order; kept, as sorting asks for it often."""
        return statement_order(self)

    @cached_property
    def members(self) -> tuple[Statement, ...]:
        """The statements merged here, this one's own first."""
        if not self.others:
            return (self,)
        return (Statement(self.claims, self.origin), *self.others)

    @property
    def value(self) -> Interval | TimeSpan:
        return self.claim.value

    def meets_in_time(self, other: Statement, slack_days: int = 0) -> bool:
        """Same as values.times_overlap on the two times, without building dates."""
        a, b = self.days, other.days
        return a[0] - slack_days <= b[1] and b[0] - slack_days <= a[1]


def same_value(a: Claim, b: Claim) -> bool:
    """Two claims of one document that state the same thing."""
    if a.kind != b.kind or a.unit != b.unit or a.increment != b.increment or a.share_of != b.share_of:
        return False
    if (a.location or "").casefold() != (b.location or "").casefold() or a.measure != b.measure:
        return False  # a figure for a place restates only a figure for the same place
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


def group_statements(claims: Iterable[Claim], origin: Callable[[Claim], Origin]) -> list[Statement]:
    """Merge the claims of each document that say the same thing.

    Claims of two different named sources are never merged: "50 000 according to the
    organisers" and "50 000 according to the police" are two statements.
    """
    by_document: dict[str, list[Claim]] = {}
    for claim in claims:
        by_document.setdefault(claim.document, []).append(claim)
    statements: list[Statement] = []
    for document in sorted(by_document):
        groups: list[list[tuple[Claim, Origin]]] = []
        for claim in most_specific_first(by_document[document]):
            voice = origin(claim)
            for group in groups:
                if same_value(group[0][0], claim) and _compatible(group, voice):
                    group.append((claim, voice))
                    break
            else:
                groups.append([(claim, voice)])
        for group in groups:
            named = [voice for _, voice in group if voice.named]
            statements.append(Statement(tuple(c for c, _ in group), named[0] if named else group[0][1]))
    return statements


def _compatible(group: list[tuple[Claim, Origin]], voice: Origin) -> bool:
    if not voice.named:
        return True
    return all(not other.named or other.key == voice.key for _, other in group)


def statement_order(statement: Statement) -> tuple[object, ...]:
    """Most specific first, then by content and voice: an order that survives renaming."""
    claim = statement.claim
    rank = tuple(-x for x in specificity(claim))
    return (rank, content_order(claim), statement.origin.stable, claim_order(claim))


def merge(statements: Iterable[Statement]) -> Statement:
    """Several statements that agree, spoken for by the most specific one."""
    ordered = sorted(statements, key=lambda s: s.order)
    first, rest = ordered[0], ordered[1:]
    others = tuple(m for s in rest for m in s.members)
    return Statement(first.claims, first.origin, (*first.others, *others))
