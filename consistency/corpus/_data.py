"""Reading the corpus stage's YAML data files, once, at import."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consistency import table_cache
from consistency.errors import InputError
from consistency.matching import normalise
from consistency.matching import plain as plain  # curly quotes and odd spaces made plain, one for one

if TYPE_CHECKING:
    import yaml

_DATA = Path(__file__).resolve().parent / "data"


@functools.cache
def yaml_module() -> Any:
    """PyYAML, imported on first use: a start whose data files all come from the table cache
    parses no YAML and need not import the parser."""
    import yaml

    return yaml


@functools.cache
def yaml_loader() -> type[yaml.SafeLoader]:
    """The C loader when PyYAML has it."""
    yaml = yaml_module()
    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # type: ignore[no-any-return]


def yaml_error() -> type[Exception]:
    """`yaml.YAMLError`, for an `except` clause (evaluated only when something was raised)."""
    return yaml_module().YAMLError  # type: ignore[no-any-return]

# Limits on every YAML file the tool reads (rules, lexicons, front matter, data files): far
# above any real file, far below what exhausts memory or time. The expanded size counts a
# value reached through an alias once per alias, as every consumer walks it that way, so a
# "billion laughs" file of a few hundred bytes is refused before anything walks it.
MAX_YAML_BYTES = 5_000_000
MAX_YAML_DEPTH = 100
MAX_YAML_EXPANDED = 1_000_000


def yaml_problem(text: str) -> str | None:
    """Why this YAML would be unsafe to load (too large, too deep, an alias bomb), else None.

    One pass over the parser's events, without recursion: nothing is built yet. Syntax
    errors are left to the caller's own parse, which words them with a line.
    """
    if len(text) > MAX_YAML_BYTES:
        return f"the YAML file is larger than {MAX_YAML_BYTES // 1_000_000} MB; split it"
    sizes: dict[str, int] = {}  # anchor -> expanded size of its value
    stack: list[list[Any]] = [[None, 0]]  # open collections: [anchor, expanded size so far]
    total = 0
    yaml = yaml_module()
    try:
        for event in yaml.parse(text, Loader=yaml_loader()):
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                stack.append([event.anchor, 1])
                if len(stack) > MAX_YAML_DEPTH:
                    return f"values nested more than {MAX_YAML_DEPTH} deep; flatten the file"
                continue
            if isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                anchor, size = stack.pop()
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in sizes:
                    return f"the alias *{event.anchor} refers to a value that contains it; write the values out"
                anchor, size = None, sizes[event.anchor]
            else:
                continue
            if anchor is not None:
                sizes[anchor] = size
            stack[-1][1] += size
            total = max(total, stack[-1][1])
            if total > MAX_YAML_EXPANDED:
                return f"aliases expand to more than {MAX_YAML_EXPANDED:,} values (an alias bomb?); write the values out"
    except yaml.YAMLError:
        return None  # the caller's parse reports it with its line
    return None


def load_yaml(text: str, name: str, *, cache: bool = False) -> Any:
    """YAML text parsed within the limits above; one InputError naming `name` otherwise.

    Syntax errors are raised as PyYAML's own `yaml.YAMLError`, for callers that locate them.
    `cache`: the data files read at every start-up are parsed once per version of their
    text (`table_cache`, keyed by the text itself): a later run skips both the check and
    the parse. Only text that passed both is cached; an error is raised again every time.
    """
    if cache and table_cache.enabled():
        return table_cache.memo("yaml", (text,), lambda: _checked_load(text, name))
    return _checked_load(text, name)


def _checked_load(text: str, name: str) -> Any:
    why = yaml_problem(text)
    if why is not None:
        raise InputError(f"{name}: {why}")
    yaml = yaml_module()
    try:
        return yaml.load(text, Loader=yaml_loader())
    except RecursionError:
        raise InputError(f"{name}: values nested too deep; flatten the file") from None


def load(name: str) -> Any:
    """The parsed content of `consistency/corpus/data/<name>`."""
    text = (_DATA / name).read_text(encoding="utf-8")
    return load_yaml(text, f"consistency/corpus/data/{name}", cache=True)


def fold(text: str) -> str:
    """A comparison key for names: apostrophes, case and spacing do not matter (the one
    normaliser every word list uses, `consistency.matching`)."""
    return normalise(text)
