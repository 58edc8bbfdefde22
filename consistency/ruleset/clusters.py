"""Clusters: statements of many documents that say the same thing, found in one pass.

A story covered by hundreds of articles repeats a handful of figures. Comparing every
article with every other would cost n² and report the same disagreement hundreds of
times, so statements are first clustered by what they say; rules then compare clusters.

A cluster's members agree pairwise: their ranges (figure widened by its tolerance, time)
overlap. On a line, ranges that overlap pairwise share a common part, so a newcomer is
checked against that part, not against every member; other conditions are checked once
per distinct `signature` among the members.
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from consistency.ruleset.statements import Statement

Ranges = tuple[float, float, float, float]  # value low, value high, time low, time high
OPEN: Ranges = (-math.inf, math.inf, -math.inf, math.inf)


@dataclass
class Cluster:
    members: list[Statement]
    ranges: Ranges  # the part common to every member's ranges
    low: float = math.inf  # the lowest value of any member: clusters apart are found from it
    high: float = -math.inf  # the highest value of any member
    first_day: float = math.inf  # the earliest day any member's time covers
    last_day: float = -math.inf  # the latest day any member's time covers
    documents: set[str] = field(default_factory=set)
    signatures: dict[Hashable, Statement] = field(default_factory=dict)

    def add(self, statement: Statement, ranges: Ranges, signature: Hashable) -> None:
        self.members.append(statement)
        self.documents |= statement.documents
        self.signatures.setdefault(signature, statement)
        v_low, v_high, t_low, t_high = self.ranges
        self.ranges = (max(v_low, ranges[0]), min(v_high, ranges[1]), max(t_low, ranges[2]), min(t_high, ranges[3]))
        self.low = min(self.low, ranges[0])
        self.high = max(self.high, ranges[1])
        self.first_day = min(self.first_day, statement.days[0])
        self.last_day = max(self.last_day, statement.days[1])

    # Read once clustering is over, by rules that set clusters against each other.

    @cached_property
    def by_order(self) -> list[Statement]:
        """The members, most specific first (see statements.statement_order)."""
        return sorted(self.members, key=lambda s: s.order)

    @cached_property
    def reach(self) -> tuple[list[float], list[tuple[tuple[float, frozenset[str]], ...]]]:
        """Members sorted by the first day of their time, and for each prefix the latest
        day reached, with the latest reached by another document: enough to tell whether
        a statement meets some member about a time, from another document (see `faces`)."""
        ordered = sorted(self.members, key=lambda s: s.days[0])
        starts = [s.days[0] for s in ordered]
        prefixes: list[tuple[tuple[float, frozenset[str]], ...]] = []
        first: tuple[float, frozenset[str]] | None = None
        second: tuple[float, frozenset[str]] | None = None
        for statement in ordered:
            entry = (statement.days[1], statement.documents)
            if first is None or entry[0] > first[0]:
                if first is not None and first[1] != entry[1]:
                    second = first
                first = entry
            elif entry[1] != first[1] and (second is None or entry[0] > second[0]):
                second = entry
            prefixes.append((first,) if second is None else (first, second))
        return starts, prefixes

    def faces(self, statement: Statement, same_document: bool = False) -> bool:
        """Some member is about a time that meets the statement's, from another document
        unless `same_document`."""
        starts, prefixes = self.reach
        index = bisect.bisect_right(starts, statement.days[1])
        if not index:
            return False
        return any(
            end >= statement.days[0] and (same_document or not documents & statement.documents)
            for end, documents in prefixes[index - 1]
        )


def cluster(
    entries: Sequence[tuple[Ranges, Statement]],
    *,
    fits: Callable[[Statement, Statement], bool],
    signature: Callable[[Statement], Hashable],
    one_per_document: bool = False,
) -> list[Cluster]:
    """Greedy clustering in a fixed order of content, so the result does not depend on
    the order or the names of documents. `fits(new, member)` is asked once per distinct
    signature of the members.

    Statements are swept along time when they have times, else along value; a cluster
    whose common range ends before the next statement's starts can take no more and is
    closed, which keeps the clusters to look at few (figures "as of" one day close the
    next day)."""
    by_time = any(ranges[2] != -math.inf for ranges, _ in entries)
    start, end = (2, 3) if by_time else (0, 1)
    ordered = sorted(entries, key=lambda e: (e[0][start], e[0][0], e[1].order))
    open_clusters: list[Cluster] = []
    closed: list[Cluster] = []
    for ranges, statement in ordered:
        v_low, v_high, t_low, t_high = ranges
        target = None
        still_open = []
        for group in open_clusters:
            common = group.ranges
            if common[end] < ranges[start]:
                closed.append(group)  # every later statement starts after it ends
                continue
            still_open.append(group)
            if target is not None:
                continue
            if common[0] > v_high or v_low > common[1] or common[2] > t_high or t_low > common[3]:
                continue
            if one_per_document and statement.documents & group.documents:
                continue
            if all(fits(statement, member) for member in group.signatures.values()):
                target = group
        open_clusters = still_open
        if target is None:
            target = Cluster([], OPEN)
            open_clusters.append(target)
        target.add(statement, ranges, signature(statement))
    return [*closed, *open_clusters]
