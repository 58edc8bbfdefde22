"""Reading rule files: every problem of every file, located, reported at once."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from consistency.errors import RuleError, RuleProblem
from consistency.ruleset.engine import Rule, RuleSet
from consistency.ruleset.places import Places, find_cycle
from consistency.ruleset.registry import get_kind, plugin_problems, registered_kinds
from consistency.ruleset.schema import SCHEMA_VERSION, RuleFile, RuleSpec
from consistency.ruleset.source import Located, did_you_mean, read_yaml, validation_problems

RULE_SUFFIXES = (".yaml", ".yml")
TEST_SUFFIXES = (".test.yaml", ".test.yml")


def default_rules_dir() -> Path:
    """The rules shipped with the tool: the installed copy, else the repository's `rules/`."""
    package = Path(__file__).resolve().parent.parent
    packaged = package / "_default_rules"
    if packaged.is_dir():
        return packaged
    return package.parent / "rules"


def is_test_file(path: Path) -> bool:
    return path.name.endswith(TEST_SUFFIXES)


def is_rule_file(path: Path) -> bool:
    return path.suffix in RULE_SUFFIXES and not is_test_file(path)


def find_rule_files(paths: Iterable[Path]) -> tuple[list[Path], list[RuleProblem]]:
    """Files given, and the rule files directly inside folders given, in name order."""
    files: list[Path] = []
    problems: list[RuleProblem] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir() if p.is_file() and is_rule_file(p)))
        elif not path.exists():
            problems.append(RuleProblem(str(path), None, None, "no such file or folder"))
        elif is_test_file(path):
            problems.append(
                RuleProblem(str(path), None, None, "this is a rule test file; give the rule file or its folder")
            )
        else:
            files.append(path)
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)  # a file named twice is read once
    return list(unique.values()), problems


def load_rules(paths: Sequence[Path]) -> RuleSet:
    """Every rule of the given files and folders; raises RuleError listing all problems.

    Files read and validated once are read back from the rules cache (`stored`) until one of
    them changes: a start then neither parses YAML nor validates."""
    paths = [Path(p) for p in paths]
    files, problems = find_rule_files(paths)
    if problems or not files:  # reported by the full reading, as ever
        return _checked(paths)
    from consistency.ruleset.stored import load

    return load(paths, files, lambda: _checked(paths))


def _checked(paths: Sequence[Path]) -> RuleSet:
    ruleset, problems = _load(paths)
    if problems:
        raise RuleError(problems)
    return ruleset


def validate_rules(paths: Sequence[Path]) -> list[RuleProblem]:
    """The problems `load_rules` would raise, as a list (empty when the rules are valid)."""
    return _load(paths)[1]


@dataclass
class _Reading:
    """What the files read so far have defined, to catch clashes between files."""

    rules: dict[str, Rule] = field(default_factory=dict)
    places: dict[str, tuple[str, str, str]] = field(default_factory=dict)  # folded place: (name, within, where)


def _load(paths: Sequence[Path]) -> tuple[RuleSet, list[RuleProblem]]:
    paths = [Path(p) for p in paths]
    files, problems = find_rule_files(paths)
    problems.extend(plugin_problems())
    reading = _Reading()
    for file in files:
        found = _read_rule_file(file, reading)
        problems.extend(sorted(found, key=lambda p: (p.line or 0, p.column or 0)))
    within = tuple((name, parent) for name, parent, _ in reading.places.values())
    cycle = find_cycle(within)
    if cycle:
        where = reading.places[cycle[0]][2]
        problems.append(RuleProblem(where, None, None, f"places lie within each other: {' → '.join(cycle)}"))
    if not reading.rules and not problems:
        where = ", ".join(str(p) for p in paths) or "(no path given)"
        problems.append(
            RuleProblem(where, None, None, "no rules found: give rule files or folders holding *.yaml rule files")
        )
    return RuleSet(tuple(reading.rules.values()), Places(within)), problems


def _read_rule_file(path: Path, reading: _Reading) -> list[RuleProblem]:
    located, problems = read_yaml(path)
    if located is None or problems:
        return problems
    data = located.data
    if not isinstance(data, dict):
        return [located.problem((), "a rule file is a mapping with 'version: 1' and a 'rules:' list")]
    version = data.get("version")
    if "version" in data and (type(version) is not int or version != SCHEMA_VERSION):
        message = f"unsupported version {version!r}: this tool reads rule files of version {SCHEMA_VERSION}"
        return [located.problem(("version",), message)]
    try:
        outline = RuleFile.model_validate(data)
    except ValidationError as exc:
        return validation_problems(located, exc, RuleFile)
    for index, raw in enumerate(outline.rules):
        rule, rule_problems = _read_rule(located, index, raw, reading.rules)
        problems.extend(rule_problems)
        if rule is not None:
            reading.rules[rule.id] = rule
    for name, parent in outline.places.items():
        mark = located.keys.get(("places", name))
        where = f"{located.path}:{mark.line}" if mark else located.path
        known = reading.places.get(name.casefold())
        if known is not None and known[1].casefold() != parent.casefold():
            message = f"place '{name}' is already placed within '{known[1]}' at {known[2]}"
            problems.append(located.problem(("places", name), message, at_key=True))
            continue
        reading.places.setdefault(name.casefold(), (name, parent, where))
    return problems


def _read_rule(
    located: Located, index: int, raw: dict[str, Any], seen: dict[str, Rule]
) -> tuple[Rule | None, list[RuleProblem]]:
    loc = ("rules", index)
    rule_name = f" in rule '{raw['id']}'" if isinstance(raw.get("id"), str) else f" in rule #{index + 1}"
    problems: list[RuleProblem] = []
    try:
        spec = RuleSpec.model_validate(raw)
    except ValidationError as exc:
        problems.extend(validation_problems(located, exc, RuleSpec, prefix=loc, where=rule_name))
        spec = None
    kind_name = raw.get("kind")
    kind = get_kind(kind_name) if isinstance(kind_name, str) else None
    if isinstance(kind_name, str) and kind is None:
        known = list(registered_kinds())
        hint = did_you_mean(kind_name, known)
        message = f"unknown rule kind '{kind_name}'{rule_name}.{hint} Known kinds: {', '.join(known)}"
        problems.append(located.problem((*loc, "kind"), message))
    options = None
    if kind is not None and isinstance(raw.get("options", {}), dict):
        try:
            options = kind.options.model_validate(raw.get("options", {}))
        except ValidationError as exc:
            where = f" in the options of kind '{kind.name}'"
            problems.extend(
                validation_problems(located, exc, kind.options, prefix=(*loc, "options"), where=where, noun="option")
            )
    if spec is not None and spec.id in seen:
        first = seen[spec.id]
        message = f"rule id '{spec.id}' is already used at {first.source}:{first.line}; rule ids must be unique"
        problems.append(located.problem((*loc, "id"), message))
    if problems or spec is None or kind is None or options is None:
        return None, problems
    mark = located.values.get(loc)
    rule = Rule(
        id=spec.id,
        kind=kind.name,
        severity=kind.default_severity if spec.severity is None else spec.severity,
        options=options,
        spec=kind,
        when=spec.when,
        description=spec.description,
        source=located.path,
        line=mark.line if mark else None,
    )
    return rule, []
