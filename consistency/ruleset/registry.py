"""The registry of rule kinds.

Built-in kinds are loaded exactly as a plugin's are: each is an entry point of the group
`check_consistency.rule_kinds`, an import string naming a `Kind`. A plugin package declares
its own in its pyproject.toml

    [project.entry-points."check_consistency.rule_kinds"]
    my-kind = "my_package.kinds:MY_KIND"

and rule files can then use `kind: my-kind` (see docs/contributing-rule-kind.md).

Kinds are imported by name, on first use: the registry imports no kind module, so the
engine and the kinds never import each other in a circle.
"""

from __future__ import annotations

import importlib
from importlib import metadata

from consistency.errors import RuleProblem
from consistency.ruleset.kind import Kind

ENTRY_POINT_GROUP = "check_consistency.rule_kinds"

# The built-in kinds, as the entry points a plugin would declare.
BUILTIN_KINDS: tuple[tuple[str, str], ...] = (
    ("quantity-contradiction", "consistency.ruleset.kinds.quantity:QUANTITY_CONTRADICTION"),
    ("attribution-dispute", "consistency.ruleset.kinds.quantity:ATTRIBUTION_DISPUTE"),
    ("update", "consistency.ruleset.kinds.quantity:UPDATE"),
    ("date-contradiction", "consistency.ruleset.kinds.dates:DATE_CONTRADICTION"),
    ("corroboration", "consistency.ruleset.kinds.agreement:CORROBORATION"),
    ("echo", "consistency.ruleset.kinds.agreement:ECHO"),
)

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


def load_entry_point(entry: metadata.EntryPoint) -> Kind:
    """The `Kind` an entry point names, registered; TypeError when it names something else."""
    loaded = entry.load()
    if not isinstance(loaded, Kind):
        raise TypeError(f"{entry.value} is not a consistency.ruleset.Kind")
    return register_kind(loaded)


def builtin_entry_points() -> tuple[metadata.EntryPoint, ...]:
    return tuple(metadata.EntryPoint(name, value, ENTRY_POINT_GROUP) for name, value in BUILTIN_KINDS)


def _load() -> None:
    global _loaded
    if _loaded:
        return
    for entry in builtin_entry_points():
        load_entry_point(entry)  # a broken built-in is a bug: let it raise, every time
    _loaded = True
    builtin = {value for _, value in BUILTIN_KINDS}
    for entry in metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.value in builtin:
            continue  # the project's own entry points, if an install declares them
        try:
            load_entry_point(entry)
        except Exception as exc:  # a broken plugin is reported with the rule problems, not a traceback
            _PLUGIN_PROBLEMS.append(
                RuleProblem(f"plugin {entry.name}", None, None, f"rule-kind plugin failed to load: {exc}")
            )


def builtin_kind(name: str) -> Kind | None:
    """The built-in kind of this name, imported alone: a rule set read back from the rules
    cache needs its kinds, not a scan of every installed package's entry points."""
    for builtin, value in BUILTIN_KINDS:
        if builtin == name:
            if name not in _KINDS:
                module, _, attribute = value.partition(":")
                found = getattr(importlib.import_module(module), attribute)
                assert isinstance(found, Kind), value
                register_kind(found)
            return _KINDS[name]
    return None


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
