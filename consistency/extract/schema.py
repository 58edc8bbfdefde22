"""A strict schema for language packs and entity lexicons (languages/schema.yaml).

A mistyped key (`lable:`, `wrods:`) in a YAML data file would be silently ignored and a
language would quietly read fewer figures. Every file is checked against the schema; all
problems of all files are reported at once, each with its file, line and the nearest known
key, the way rule files are (a `RuleError`, exit code 2).
"""

from __future__ import annotations

import difflib
import functools
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from consistency.errors import InputError, RuleError, RuleProblem
from consistency.extract.datafiles import read_mapping
from consistency.lazy_re import lazy_compile

SCHEMA_FILE = Path(__file__).parent / "languages" / "schema.yaml"
_LANGUAGE = lazy_compile(r"[a-z]{2}\Z")
_LEAVES = ("words", "mapping", "flag", "text", "number", "any")


class LexiconError(RuleError, InputError):
    """One or more pack or lexicon files are invalid; all problems are reported at once.

    A RuleError for the CLI (every problem with its line, exit code 2), an InputError for
    callers that catch bad input files."""


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    return read_mapping(SCHEMA_FILE)


def _is_words(value: Any) -> bool:
    items = value if isinstance(value, list) else [value]
    return all(isinstance(w, (str, int, float)) and not isinstance(w, bool) for w in items)


def _check(value: Any, spec: Any, path: tuple[str, ...]) -> Iterable[tuple[tuple[str, ...], str]]:
    """(key path, message) for each way `value` does not fit `spec`."""
    if spec == "any" or value is None:
        return
    where = ".".join(path) or "the file"
    if isinstance(spec, list):
        if value not in spec:
            close = difflib.get_close_matches(str(value), [str(s) for s in spec], n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            yield path, f"{where}: {value!r} is not one of {', '.join(map(str, spec))}{hint}"
        return
    if spec == "words":
        if isinstance(value, Mapping) or not _is_words(value):
            yield path, f"{where}: expected a list of words (quote words YAML reads as true/false)"
    elif spec == "mapping":
        if not isinstance(value, Mapping):
            yield path, f"{where}: expected a mapping (word: value)"
    elif spec == "flag":
        if not isinstance(value, bool):
            yield path, f"{where}: expected true or false"
    elif spec == "text":
        if not isinstance(value, str):
            yield path, f"{where}: expected a word or phrase"
    elif spec == "number":
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            yield path, f"{where}: expected a number"
    elif isinstance(spec, Mapping):
        if not isinstance(value, Mapping):
            yield path, f"{where}: must be a mapping with keys such as {', '.join(list(_named(spec))[:4])}"
            return
        for key, child in value.items():
            sub = _spec_of(spec, key)
            if sub is None:
                known = list(_named(spec))
                close = difflib.get_close_matches(str(key), known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                kinds = known + (["a two-letter language code"] if "<language>" in spec else [])
                yield (*path, str(key)), f"unknown key {key!r} in {where}{hint} (expected {', '.join(kinds)})"
            else:
                yield from _check(child, sub, (*path, str(key)))


def _named(spec: Mapping[str, Any]) -> Iterable[str]:
    return (k for k in spec if k not in ("entries", "<language>"))


def _spec_of(spec: Mapping[str, Any], key: Any) -> Any:
    """The schema of one key of a mapping, None when the key is not allowed there."""
    if "entries" in spec:
        return spec["entries"]
    if key in spec and key not in ("entries", "<language>"):
        return spec[key]
    if "<language>" in spec and isinstance(key, str) and _LANGUAGE.match(key):
        return spec["<language>"]
    return None


def _key_lines(path: Path) -> dict[tuple[str, ...], int]:
    """The line of every key of a YAML file, by key path; read only when there is a problem."""
    import yaml  # only here: a start whose files passed before parses none

    try:
        root = yaml.compose(Path(path).read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    except (yaml.YAMLError, OSError, UnicodeDecodeError):
        return {}
    lines: dict[tuple[str, ...], int] = {}

    def walk(node: Any, prefix: tuple[str, ...]) -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                key = (*prefix, str(k.value))
                lines.setdefault(key, k.start_mark.line + 1)
                walk(v, key)

    walk(root, ())
    return lines


def check_file(path: Path, spec: Any) -> list[RuleProblem]:
    """The problems of one data file against its schema."""
    data = read_mapping(path, check_words=False)
    found = list(_check(data, spec, ()))
    if not found:
        return []
    lines = _key_lines(path)
    source = Path(path).read_text(encoding="utf-8").splitlines()
    problems = []
    for key_path, message in found:
        line = lines.get(key_path) or next((lines[key_path[:i]] for i in range(len(key_path), 0, -1) if key_path[:i] in lines), None)
        text = source[line - 1] if line and line <= len(source) else None
        problems.append(RuleProblem(str(path), line, None, message, text))
    return problems


def pack_problems(folders: Iterable[Path]) -> list[RuleProblem]:
    """Every problem of these pack folders: unknown files and keys, wrong values."""
    specs = schema()["packs"]
    problems: list[RuleProblem] = []
    for folder in folders:
        for path in sorted(Path(folder).glob("*.yaml")):
            spec = specs.get(path.name)
            if spec is None:
                close = difflib.get_close_matches(path.name, list(specs), n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                problems.append(RuleProblem(str(path), None, None,
                                            f"not a language pack file{hint} (expected {', '.join(specs)})"))
                continue
            problems.extend(check_file(path, spec))
        meta = read_mapping(Path(folder) / "pack.yaml", check_words=False)
        code = meta.get("language")
        if code is not None and not (isinstance(code, str) and _LANGUAGE.match(code)):
            problems.append(RuleProblem(str(Path(folder) / "pack.yaml"), _key_lines(Path(folder) / "pack.yaml").get(("language",)),
                                        None, f"language: {code!r} is not a two-letter ISO 639-1 code"))
    return problems


def lexicon_problems(files: Iterable[Path]) -> list[RuleProblem]:
    """Every problem of these entity lexicon files (categories.yaml, actors.yaml…)."""
    specs = schema()["lexicons"]
    problems: list[RuleProblem] = []
    for path in files:
        spec = specs.get(Path(path).name)
        if spec is not None:
            problems.extend(check_file(Path(path), spec))
    return problems


def raise_problems(problems: Sequence[RuleProblem]) -> None:
    if problems:
        raise LexiconError(list(problems))


def check_pack_folders(folders: Iterable[Path]) -> None:
    raise_problems(pack_problems(folders))
