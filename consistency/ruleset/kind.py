"""The contract of a rule kind: what a kind gives the engine and what it hands back.

A kind is a `Kind` value: a name for rule files, a pydantic model of its options, and an
`evaluate` function called once per topic, which yields `Draft`s. Built-in kinds and
plugins are found the same way (see `registry`); docs/contributing-rule-kind.md walks
through writing one.

This module sits below the engine: it imports nothing of the rule set at run time, so
that kinds, the registry and the engine can all depend on it without an import cycle.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import BaseModel

from consistency.model import Claim, Interval, Severity, TimeSpan, Topic

if TYPE_CHECKING:  # types only: the engine imports this module, never the reverse
    from consistency.ruleset.context import Origin
    from consistency.ruleset.engine import Evaluation, Rule

Evaluate = Callable[["Rule", Topic, "Evaluation"], Iterable["Draft"]]


@dataclass(frozen=True)
class Kind:
    """What a rule of this kind decides, with its options and defaults."""

    name: str
    options: type[BaseModel]  # extra="forbid"; defaults are the documented ones
    evaluate: Evaluate  # called once per topic the kind applies to
    finding_kind: str  # Finding.kind of what it reports
    default_severity: Severity  # a name ("warning") is accepted and read as the Severity
    topics: frozenset[str] = frozenset({"quantity", "date"})  # topic key heads it applies to
    description: str = ""

    def __post_init__(self) -> None:
        # A misspelt default is the plugin author's error, raised when the kind is defined.
        object.__setattr__(self, "default_severity", Severity.parse(self.default_severity))


@dataclass(frozen=True)
class Draft:
    """A finding as a kind reports it; the engine adds identity and order."""

    kind: str
    severity: Severity | str  # a Severity, or its name
    claims: tuple[Claim, ...]  # the claims shown: one per statement of each side
    message: str
    origins: tuple[Origin, ...]  # one per side (or per member of a group)
    compared: tuple[Claim, ...] = ()  # the claims whose values were compared (default: all)
    sides: tuple[tuple[str, ...], ...] = ()  # claim ids of each position (default: one side, all claims)

    @property
    def values(self) -> list[Interval | TimeSpan]:
        return [c.value for c in (self.compared or self.claims)]
