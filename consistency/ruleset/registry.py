"""The registry of rule kinds.

Built-in kinds register exactly as a plugin would: a package exposes a `Kind` under
the entry-point group `check_consistency.rule_kinds`, e.g. in its pyproject.toml

    [project.entry-points."check_consistency.rule_kinds"]
    my-kind = "my_package.kinds:MY_KIND"

and rule files can then use `kind: my-kind`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from typing import TYPE_CHECKING

from pydantic import BaseModel

from consistency.errors import RuleProblem

if TYPE_CHECKING:
    from consistency.model import Topic
    from consistency.ruleset.engine import Draft, Evaluation, Rule
    from consistency.ruleset.statements import Statement

ENTRY_POINT_GROUP = "check_consistency.rule_kinds"

Evaluate = Callable[["Rule", "Topic", "Evaluation"], Iterable["Draft"]]
Explains = Callable[["Rule", "Statement", "Statement", "Evaluation"], bool]


@dataclass(frozen=True)
class Kind:
    """What a rule of this kind decides, with its options and defaults."""

    name: str
    options: type[BaseModel]  # extra="forbid"; defaults are the documented ones
    evaluate: Evaluate  # called once per topic the kind applies to
    finding_kind: str  # Finding.kind of what it reports
    default_severity: str
    topics: frozenset[str] = frozenset({"quantity", "date"})  # topic key heads it applies to
    description: str = ""
    # A more specific kind claims pairs from a more general one: for a pair it `explains`,
    # rules of the kinds in `preempts` stay silent (an update is not a contradiction).
    explains: Explains | None = None
    preempts: frozenset[str] = field(default_factory=frozenset)


_KINDS: dict[str, Kind] = {}
_PLUGIN_PROBLEMS: list[RuleProblem] = []
_loaded = False


def register_kind(kind: Kind) -> Kind:
    """Make `kind` available to rule files. Registering another kind under a taken name is an error."""
    existing = _KINDS.get(kind.name)
    if existing is not None and existing is not kind:
        raise ValueError(f"rule kind '{kind.name}' is already registered")
    _KINDS[kind.name] = kind
    return kind


def _load() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    import consistency.ruleset.kinds  # noqa: F401  (registers the built-in kinds)

    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        try:
            loaded = entry.load()
            if not isinstance(loaded, Kind):
                raise TypeError(f"{entry.value} is not a consistency.ruleset.Kind")
            register_kind(loaded)
        except Exception as exc:  # a broken plugin is reported with the rule problems, not a traceback
            _PLUGIN_PROBLEMS.append(
                RuleProblem(f"plugin {entry.name}", None, None, f"rule-kind plugin failed to load: {exc}")
            )


def get_kind(name: str) -> Kind | None:
    _load()
    return _KINDS.get(name)


def registered_kinds() -> dict[str, Kind]:
    """Every registered kind by name."""
    _load()
    return dict(sorted(_KINDS.items()))


def plugin_problems() -> list[RuleProblem]:
    _load()
    return list(_PLUGIN_PROBLEMS)
