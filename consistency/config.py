"""Project settings from `[tool.check-consistency]` in the nearest pyproject.toml.

A repository that checks its articles in CI wants the same options on every machine without
repeating them on each command line; the command line still wins for one-off runs.

    [tool.check-consistency]
    paths = ["articles"]
    rules = ["rules"]
    baseline = "consistency-baseline.json"
    fail-on = "warning"
    format = "github"
    report = "reports/consistency.md"
    exit-zero = false
    lexicon = "lexicon"
    cache = true                 # false: never read or write .check-consistency-cache
    cache-dir = ".check-consistency-cache"
    dask = "tcp://scheduler:8786"  # run extraction and rules on a Dask cluster

Paths are relative to the folder of the pyproject.toml that names them.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Callable, Collection
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from consistency.baseline import SEVERITIES
from consistency.errors import UsageError
from consistency.report import FORMATS  # the output formats are the renderers' table

SECTION = "tool.check-consistency"


@dataclass(frozen=True)
class Settings:
    """Options of a run; the defaults are what a run without any configuration does."""

    paths: tuple[Path, ...] = ()
    rules: tuple[Path, ...] = ()
    baseline: Path | None = None
    fail_on: str = "error"
    fail_on_given: bool = False  # the file or the command line chose fail_on: gate even without a baseline
    format: str = "text"
    report: Path | None = None
    exit_zero: bool = False
    lexicon: tuple[Path, ...] = ()
    include: tuple[str, ...] = ()  # globs (gitignore syntax): only these files are read
    exclude: tuple[str, ...] = ()  # globs (gitignore syntax): these files are never read
    select: tuple[str, ...] = ()  # rule ids (or prefixes ending in "*"): only these rules run
    ignore: tuple[str, ...] = ()  # rule ids (or prefixes ending in "*"): these rules never run
    max_bytes: int | None = None  # files larger than this are skipped (None: the default)
    cache: bool = True  # keep each document's claims for the next run (`--no-cache`: off)
    cache_dir: Path | None = None  # None: .check-consistency-cache beside the pyproject.toml, else here
    dask: str | None = None  # a Dask scheduler address: extract and evaluate on that cluster
    source: Path | None = None  # the pyproject.toml the values came from, for messages

    def merged(self, **cli_values: Any) -> Settings:
        """These settings with the command line's values on top.

        Keys are field names (`fail_on`, `exit_zero`). None, and an empty list for the
        list options, mean "not given on the command line" and keep the file's value.
        """
        known = {f.name for f in fields(self)} - {"source", "fail_on_given"}
        changes: dict[str, Any] = {}
        for name, value in cli_values.items():
            if name not in known:
                raise TypeError(f"Settings.merged() got an unknown option {name!r}")
            if value is None:
                continue
            if name in _STR_LIST_FIELDS:
                if isinstance(value, str):
                    value = (value,)
                if not value:
                    continue
                value = tuple(str(v) for v in value)
            elif name in _LIST_FIELDS:
                if isinstance(value, (str, Path)):
                    value = (value,)
                if not value:
                    continue
                value = tuple(Path(v) for v in value)
            elif name in _PATH_FIELDS:
                value = Path(value)
            changes[name] = value
        if "fail_on" in changes:
            _check_choice(changes["fail_on"], SEVERITIES, "--fail-on")
            changes["fail_on_given"] = True
        if "format" in changes:
            _check_choice(changes["format"], FORMATS, "--format")
        return replace(self, **changes)


_LIST_FIELDS = frozenset({"paths", "rules", "lexicon"})
_PATH_FIELDS = frozenset({"baseline", "report", "cache_dir"})
_STR_LIST_FIELDS = frozenset({"include", "exclude", "select", "ignore"})


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml in `start` or above it, like other Python tools find theirs."""
    here = start.resolve()
    if here.is_file():
        here = here.parent
    for folder in (here, *here.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_settings(start: Path) -> Settings:
    """Settings of the project `start` belongs to; defaults when it has none.

    A pyproject.toml without `[tool.check-consistency]` (a sub-package's own) does not end
    the search: the nearest one above that has the table is used, as ruff does.
    """
    here = start.resolve()
    while True:
        pyproject = find_pyproject(here)
        if pyproject is None:
            return Settings()
        settings = _load_one(pyproject)
        if settings is not None:
            return settings
        if pyproject.parent.parent == pyproject.parent:
            return Settings()
        here = pyproject.parent.parent


def _load_one(pyproject: Path) -> Settings | None:
    """The settings of one pyproject.toml; None when it has no `[tool.check-consistency]`."""
    import tomllib  # only where a pyproject.toml is found

    try:
        with pyproject.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{pyproject}: not valid TOML ({exc}); fix the file") from None
    except UnicodeDecodeError:
        raise UsageError(f"{pyproject}: not UTF-8 text; save it as UTF-8") from None
    except OSError as exc:
        raise UsageError(f"{pyproject}: cannot read it ({exc.strerror})") from None
    tool = data.get("tool")
    table = tool.get("check-consistency") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UsageError(f"{pyproject}: [{SECTION}] must be a table of options")
    return _from_table(table, pyproject)


def _from_table(table: dict[str, Any], pyproject: Path) -> Settings:
    root = pyproject.parent
    values: dict[str, Any] = {"source": pyproject}
    for key, raw in table.items():
        reader = _READERS.get(key)
        if reader is None:
            close = difflib.get_close_matches(key, _READERS, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(
                f"{pyproject}: unknown key {key!r} in [{SECTION}]{hint} "
                f"(known keys: {', '.join(_READERS)})"
            )
        values[key.replace("-", "_")] = reader(raw, root, f"{pyproject}: [{SECTION}] {key}")
    values["fail_on_given"] = "fail_on" in values
    return Settings(**values)


# Each reader turns one TOML value into a Settings value, or raises naming file and key.


def _path_list(raw: Any, root: Path, where: str) -> tuple[Path, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise UsageError(f"{where} must be a path or a list of paths (strings)")
    return tuple(_relative_to(root, i) for i in items)


def _path(raw: Any, root: Path, where: str) -> Path:
    if not isinstance(raw, str) or not raw:
        raise UsageError(f"{where} must be a path (a non-empty string)")
    return _relative_to(root, raw)


def _str_list(raw: Any, root: Path, where: str) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) and i for i in items):
        raise UsageError(f"{where} must be a string or a list of strings")
    return tuple(items)


def _byte_count(raw: Any, root: Path, where: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise UsageError(f"{where} must be a whole number of bytes, 0 or more")
    return raw


def _string(raw: Any, root: Path, where: str) -> str:
    if not isinstance(raw, str) or not raw:
        raise UsageError(f"{where} must be a non-empty string")
    return raw


def _bool(raw: Any, root: Path, where: str) -> bool:
    if not isinstance(raw, bool):
        raise UsageError(f"{where} must be true or false")
    return raw


def _choice(choices: Collection[str]) -> Callable[[Any, Path, str], str]:
    def read(raw: Any, root: Path, where: str) -> str:
        if not isinstance(raw, str):
            raise UsageError(f"{where} must be a string, one of {', '.join(choices)}")
        _check_choice(raw, choices, where)
        return raw

    return read


def _check_choice(value: str, choices: Collection[str], where: str) -> None:
    if value in choices:
        return
    close = difflib.get_close_matches(value, choices, n=1)
    hint = f"; did you mean {close[0]!r}?" if close else ""
    raise UsageError(f"{where} {value!r} is not one of {', '.join(choices)}{hint}")


def _relative_to(root: Path, value: str) -> Path:
    """A path of the file, as seen from the current folder: reports then link to articles
    with relative links that work in any checkout."""
    path = Path(value).expanduser()
    if path.is_absolute():
        return path
    full = root / path
    try:
        relative = Path(os.path.relpath(full, Path.cwd()))
    except ValueError:  # another drive on Windows
        return full
    return full if relative.parts[:1] == ("..",) else relative


_READERS: dict[str, Callable[[Any, Path, str], Any]] = {
    "paths": _path_list,
    "rules": _path_list,
    "baseline": _path,
    "fail-on": _choice(SEVERITIES),
    "format": _choice(FORMATS),
    "report": _path,
    "exit-zero": _bool,
    "lexicon": _path_list,
    "cache": _bool,
    "cache-dir": _path,
    "dask": _string,
    "include": _str_list,
    "exclude": _str_list,
    "select": _str_list,
    "ignore": _str_list,
    "max-bytes": _byte_count,
}
KEYS = tuple(_READERS)  # what README's table of keys must list (tests/test_ci.py compares them)
