"""The validated rule set kept between runs, like the lexicon's tables (`table_cache`).

Reading the rule files means a YAML parser and a pydantic validation of every rule: most
of what `check` of one article spends before its first claim. The rule set that comes out
is plain data (ids, kind names, option values, conditions, places), so it is kept in the
table cache, keyed by the files' paths and bytes (and, through the cache file's name, by
this code): a changed, added or removed rule file misses and is read and validated again,
with the same errors as ever. An entry is read back without validation
(`model_construct`) into the same values a validation gives; a damaged cache file is
ignored and rewritten by `table_cache`.

Rules of a plugin's kind are not kept (the plugin's code is not part of the key), nor is
anything while a plugin is installed: a plugin that fails to load is reported with the rule
problems, so every run must look. Installing or removing a package changes the modification
time of its site folder, which is part of the key.
"""

from __future__ import annotations

import hashlib
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from consistency import table_cache
from consistency.model import Severity
from consistency.ruleset.conditions import Matcher
from consistency.ruleset.engine import Rule, RuleSet
from consistency.ruleset.places import Places
from consistency.ruleset.registry import BUILTIN_KINDS, builtin_kind
from consistency.ruleset.schema import ClaimFilter, When

NAMESPACE = "ruleset 1"
_PLAIN = (str, int, float, bool, type(None))
stats = {"built": 0, "read": 0}  # work counted by the tests: a warm start validates nothing


def load(paths: Sequence[Path], files: Sequence[Path], read: Callable[[], RuleSet]) -> RuleSet:
    """The rule set of `files` (found under `paths`): from the cache when these files were
    read before, else `read()` (which raises on invalid rules: nothing is then kept)."""
    loaded: list[RuleSet] = []

    def build() -> Any:
        ruleset = read()
        loaded.append(ruleset)
        stats["built"] += 1
        return encode(ruleset) if _no_plugins() else None

    try:
        parts = (*(str(p) for p in paths), "\0", *(_file_key(f) for f in files), "\0", *_site_key())
    except OSError:  # an unreadable file: reported by the reading, as ever
        return read()
    stored = table_cache.memo(NAMESPACE, parts, build)
    if loaded:
        return loaded[0]
    decoded = decode(stored) if stored is not None else None
    if decoded is None:  # not kept (a plugin is installed) or not readable: read the files
        return read()
    stats["read"] += 1
    return decoded


def _file_key(file: Path) -> str:
    return f"{file}\0{hashlib.sha256(file.read_bytes()).hexdigest()}"


def _site_key() -> tuple[str, ...]:
    """Where packages are imported from, and when each site folder was last changed:
    installing or removing a package (a plugin) changes its folder. Other folders (the
    current one, where reports are written) are named, not dated."""
    key = []
    for folder in sys.path:
        key.append(folder)
        if folder.endswith(("site-packages", "dist-packages")):
            try:
                key.append(str(os.stat(folder).st_mtime_ns))
            except OSError:
                key.append("-")
    return tuple(key)


def _no_plugins() -> bool:
    """No entry point of the rule kinds' group but the built-in ones is installed."""
    from importlib import metadata

    from consistency.ruleset.registry import ENTRY_POINT_GROUP

    builtin = {value for _, value in BUILTIN_KINDS}
    return all(entry.value in builtin for entry in metadata.entry_points(group=ENTRY_POINT_GROUP))


def _plain(value: Any) -> bool:
    if type(value) in _PLAIN:
        return True
    if type(value) in (tuple, list, frozenset):
        return all(_plain(v) for v in value)
    return False


def _value(value: Any) -> tuple[str, Any] | None:
    """An option's value as plain data, tagged with its type; None when it is not one we keep."""
    if type(value) is Severity:
        return ("severity", value.name)
    return ("plain", value) if _plain(value) else None


def encode(ruleset: RuleSet) -> Any:
    """The rule set as plain data for marshal, or None when a part of it is not plain
    (a plugin's kind, an option of a type this module does not know)."""
    builtin = {name for name, _ in BUILTIN_KINDS}
    if ruleset.places.lexicon is not None:
        return None
    rules = []
    for rule in ruleset.rules:
        if rule.kind not in builtin or builtin_kind(rule.kind) is not rule.spec:
            return None
        options = {}
        for name, value in rule.options.__dict__.items():
            encoded = _value(value)
            if encoded is None:
                return None
            options[name] = encoded
        claim = rule.when.claim
        matchers = {name: (m.field, m.include, m.exclude) for name in claim.model_fields_set
                    if (m := getattr(claim, name)) is not None}
        if not all(_plain(m) for m in matchers.values()) or not _plain(rule.when.pair):
            return None
        rules.append({
            "id": rule.id, "kind": rule.kind, "severity": rule.severity.name, "description": rule.description,
            "source": rule.source, "line": rule.line, "options": options,
            "options_set": sorted(rule.options.model_fields_set),
            "when_set": sorted(rule.when.model_fields_set), "pair": rule.when.pair, "matchers": matchers,
        })
    return {"rules": rules, "within": [list(pair) for pair in ruleset.places.within]}


def decode(data: Any) -> RuleSet | None:
    """The rule set `encode` gave these data for; None when they are not what it writes."""
    try:
        rules = []
        for raw in data["rules"]:
            kind = builtin_kind(raw["kind"])
            if kind is None:
                return None
            options = {name: Severity[v] if tag == "severity" else v for name, (tag, v) in raw["options"].items()}
            claim = ClaimFilter.model_construct(
                set(raw["matchers"]),
                **{name: Matcher(field, include, exclude) for name, (field, include, exclude) in raw["matchers"].items()},
            )
            when_values = {"claim": claim, "pair": raw["pair"]}
            when = When.model_construct(set(raw["when_set"]), **{k: when_values[k] for k in raw["when_set"]})
            rules.append(Rule(
                id=raw["id"], kind=raw["kind"], severity=Severity[raw["severity"]],
                options=kind.options.model_construct(set(raw["options_set"]), **options),
                spec=kind, when=when, description=raw["description"], source=raw["source"], line=raw["line"],
            ))
        within = tuple((str(name), str(parent)) for name, parent in data["within"])
    except (KeyError, TypeError, ValueError):
        return None
    return RuleSet(tuple(rules), Places(within))
