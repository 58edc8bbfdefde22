"""YAML read with the position of every key, so that each problem points at its line.

PyYAML's `compose` keeps a mark on every node; we turn the node tree into plain
values and a map from each path (("rules", 0, "options", "relative_tolerance")) to
the marks of its key and value. Validation errors then name file, line and column.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel, ValidationError

from consistency.corpus._data import yaml_module, yaml_problem
from consistency.errors import RuleProblem
from consistency.lazy_re import lazy_compile

if TYPE_CHECKING:  # the parser is imported when a rule file is read: a cached rule set needs none
    import yaml

PathKey = tuple[str | int, ...]
_INSTANCE_OF = lazy_compile(r" or instance of \w+")  # pydantic's wording names our classes; users need not


@dataclass(frozen=True)
class Mark:
    line: int  # 1-based
    column: int  # 1-based

    @classmethod
    def of(cls, mark: yaml.Mark) -> Mark:
        return cls(mark.line + 1, mark.column + 1)


@dataclass(frozen=True)
class Located:
    """A YAML file's plain data, with where each of its keys and values starts."""

    path: str
    lines: tuple[str, ...]
    data: Any
    keys: dict[PathKey, Mark] = field(default_factory=dict)
    values: dict[PathKey, Mark] = field(default_factory=dict)

    def problem(self, loc: PathKey, message: str, *, at_key: bool = False) -> RuleProblem:
        """A problem at the deepest known part of `loc` (the key itself when `at_key`)."""
        mark = None
        for end in range(len(loc), -1, -1):
            prefix = loc[:end]
            if at_key and end == len(loc) and prefix in self.keys:
                mark = self.keys[prefix]
                break
            if prefix in self.values:
                mark = self.values[prefix]
                break
        return self.problem_at(mark, message)

    def problem_at(self, mark: Mark | None, message: str) -> RuleProblem:
        if mark is None:
            return RuleProblem(self.path, None, None, message)
        source = self.lines[mark.line - 1] if mark.line - 1 < len(self.lines) else None
        return RuleProblem(self.path, mark.line, mark.column, message, source)


def read_yaml(path: Path, display: str | None = None) -> tuple[Located | None, list[RuleProblem]]:
    """The file's data with marks, or the problems that prevent reading it."""
    name = display or str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, [RuleProblem(name, None, None, f"cannot read the file: {exc.strerror or exc}")]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, [RuleProblem(name, line, None, "the file is not valid UTF-8; save it as UTF-8")]
    return parse_yaml(text, name)


def parse_yaml(text: str, name: str) -> tuple[Located | None, list[RuleProblem]]:
    lines = tuple(text.lstrip("\ufeff").splitlines())
    if not text.strip():
        return None, [RuleProblem(name, None, None, "the file is empty; a rule file starts with 'version: 1'")]
    if (why := yaml_problem(text)) is not None:  # too large, too deep, an alias bomb
        return None, [RuleProblem(name, None, None, why)]
    yaml = yaml_module()
    try:
        nodes = list(yaml.compose_all(text, Loader=yaml.SafeLoader))
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = " ".join(p for p in (exc.context, exc.problem) if p)
        located = Located(name, lines, None)
        return None, [located.problem_at(Mark.of(mark) if mark else None, f"YAML syntax error: {what}")]
    except yaml.YAMLError as exc:
        return None, [RuleProblem(name, None, None, f"YAML error: {exc}")]
    nodes = [n for n in nodes if n is not None]
    if not nodes:
        message = "the file holds no YAML data; a rule file starts with 'version: 1'"
        return None, [RuleProblem(name, None, None, message)]
    located = Located(name, lines, None)
    if len(nodes) > 1:
        second = Mark.of(nodes[1].start_mark)
        return None, [located.problem_at(second, "one YAML document per file: remove the '---' separator")]
    problems: list[RuleProblem] = []
    try:
        data = _plain(nodes[0], (), located, problems)
    except RecursionError:
        return None, [RuleProblem(name, None, None, "a YAML alias refers to itself; write the values out")]
    located = Located(name, lines, data, located.keys, located.values)
    return located, problems


@functools.cache
def _scalars() -> Any:
    return yaml_module().constructor.SafeConstructor()


def _plain(node: yaml.Node, path: PathKey, located: Located, problems: list[RuleProblem]) -> Any:
    yaml = yaml_module()
    located.values[path] = Mark.of(node.start_mark)
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = _scalars().construct_object(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                problems.append(located.problem_at(Mark.of(key_node.start_mark), "keys must be plain words"))
                continue
            if key in out:
                problems.append(
                    located.problem_at(Mark.of(key_node.start_mark), f"key '{key}' is given twice in this mapping")
                )
                continue
            located.keys[(*path, key)] = Mark.of(key_node.start_mark)
            out[key] = _plain(value_node, (*path, key), located, problems)
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_plain(item, (*path, i), located, problems) for i, item in enumerate(node.value)]
    try:
        return _scalars().construct_object(node)
    except yaml.constructor.ConstructorError as exc:
        problems.append(located.problem_at(Mark.of(node.start_mark), f"unreadable value: {exc.problem}"))
        return None
    except (ValueError, TypeError, OverflowError) as exc:  # "2024-13-45" looks like a date, is none
        problems.append(located.problem_at(Mark.of(node.start_mark), f"unreadable value: {exc}"))
        return None


# --- turning validation errors into located problems ------------------------------------


def did_you_mean(word: str, choices: Sequence[str]) -> str:
    """' Did you mean "x"?' when a choice is close enough, else an empty string."""
    if not choices:
        return ""
    from rapidfuzz import process  # only for a misspelt key: a valid rule file never gets here

    best = process.extractOne(word, list(choices), score_cutoff=60)
    return f" Did you mean '{best[0]}'?" if best else ""


def allowed_keys(model: type[BaseModel]) -> list[str]:
    return [f.alias or name for name, f in model.model_fields.items()]


def model_at(model: type[BaseModel], loc: PathKey) -> type[BaseModel] | None:
    """The model that validates the mapping at `loc`, found by following field types."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            current = _element_model(current)
        else:
            fields = {(f.alias or n): f for n, f in current.model_fields.items()} if _is_model(current) else {}
            if part not in fields:
                return None
            current = _element_model(fields[part].annotation)
        if current is None:
            return None
    return current if _is_model(current) else None


def _is_model(tp: Any) -> bool:
    return isinstance(tp, type) and issubclass(tp, BaseModel)


def _element_model(tp: Any) -> Any:
    """Unwrap Optional/Union/list/tuple down to the first model type inside."""
    if _is_model(tp):
        return tp
    for arg in getattr(tp, "__args__", ()) or ():
        found = _element_model(arg)
        if found is not None:
            return found
    return None


def validation_problems(
    located: Located,
    error: ValidationError,
    model: type[BaseModel],
    *,
    prefix: PathKey = (),
    where: str = "",
    noun: str = "key",
) -> list[RuleProblem]:
    """One located, actionable problem per pydantic error."""
    problems = []
    for err in error.errors():
        loc = tuple(p for p in err["loc"] if isinstance(p, (str, int)))
        full = (*prefix, *loc)
        kind = err["type"]
        name = str(loc[-1]) if loc else ""
        if kind == "extra_forbidden":
            parent = model_at(model, loc[:-1])
            keys = allowed_keys(parent) if parent else []
            hint = did_you_mean(name, keys)
            allowed = f" Allowed here: {', '.join(keys)}." if keys else ""
            problems.append(located.problem(full, f"unknown {noun} '{name}'{where}.{hint}{allowed}", at_key=True))
        elif kind == "missing":
            problems.append(located.problem(full[:-1], f"missing required {noun} '{name}'{where}"))
        elif not loc:
            problems.append(located.problem(full, str(err["msg"]).removeprefix("Value error, ") + where))
        else:
            msg = _INSTANCE_OF.sub("", str(err["msg"]).removeprefix("Value error, "))
            got = err.get("input")
            shown = f" (got {got!r})" if isinstance(got, (str, int, float, bool)) or got is None else ""
            label = f"'{name}'" if name and not isinstance(loc[-1], int) else "value"
            problems.append(located.problem(full, f"bad {label}{where}: {msg}{shown}"))
    return problems
