"""Large regular expressions compiled once per machine, not once per process.

The lexicon's scanner and the per-language grammars are regexes of tens of kilobytes;
Python's `re` parses and compiles them in pure Python (seconds on a loaded machine), in
every process, before the first article is read. The result of that work is a list of
integers for the C engine. This module keeps those lists on disk, like the gazetteer's
cache, and hands them back to the engine directly: the same pattern object, without the
parsing. Small patterns go to `re.compile` as usual.

The file is keyed by the Python build and the engine's version, so an upgrade starts a
new one. It holds only integers and strings (marshal: reading it runs no code) after a
checksum of its content (`table_cache.write_checked`): the engine validates the structure of
the code it is given, not what it matches, so a damaged or foreign file must be caught before;
it is ignored and rewritten, never trusted. A cache that cannot be written (read-only home)
only costs time. Patterns of every size go through it: a run compiles a few hundred small
ones too, which together cost more than the large ones.
"""

from __future__ import annotations

import array
import atexit
import hashlib
import os
import re
import sys
from pathlib import Path
from typing import Any

from consistency.table_cache import merge_write, prune, read_checked

try:  # CPython's engine; elsewhere every pattern goes through re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]  # CPython internals typeshed leaves out
except ImportError:  # pragma: no cover
    _sre = None

MIN_LENGTH = 40  # shorter patterns compile in well under a millisecond: not worth an entry
MAX_ENTRIES = 3_000  # the file keeps the patterns of recent runs (data files change them)
_FORMAT = 2

_entries: dict[str, tuple[bytes, int, int, dict[str, int]]] | None = None
_dirty = False
_used: set[str] = set()
_owner = os.getpid()


def _path() -> Path:
    """One file per Python build and engine version: another interpreter never reads it."""
    build = f"{sys.version}|{sys.hexversion}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}|{_FORMAT}"
    digest = hashlib.sha256(build.encode()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "check-consistency" / f"regex-{digest}.marshal"


def _load() -> dict[str, tuple[bytes, int, int, dict[str, int]]]:
    global _entries
    if _entries is None:
        _entries = {}
        data = read_checked(_path())
        if isinstance(data, dict):
            _entries = data
    return _entries


def _key(pattern: str, flags: int) -> str:
    return hashlib.sha256(f"{int(flags)}\0{pattern}".encode("utf-8", "surrogatepass")).hexdigest()


def _from_entry(pattern: str, entry: Any) -> re.Pattern[str] | None:
    """The pattern rebuilt from a stored entry, or None when the entry is not usable."""
    try:
        raw, flags, groups, groupindex = entry
        code = array.array("I")
        code.frombytes(raw)
        indexgroup: list[str | None] = [None] * groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        return _sre.compile(pattern, flags, code.tolist(), groups - 1, groupindex, tuple(indexgroup))  # type: ignore[no-any-return]
    except (RuntimeError, TypeError, ValueError, IndexError, OverflowError, AttributeError):
        return None  # the engine refused the code: compile it again


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001  (re.compile's name, on purpose)
    """`re.compile(pattern, flags)`, from the disk cache when the pattern is large."""
    global _dirty
    if _sre is None or len(pattern) < MIN_LENGTH:
        return re.compile(pattern, flags)
    entries = _load()
    key = _key(pattern, flags)
    if key in entries:
        found = _from_entry(pattern, entries[key])
        if found is not None:
            _used.add(key)
            return found
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    entry = (array.array("I", code).tobytes(), int(flags | parsed.state.flags), parsed.state.groups,
             dict(parsed.state.groupdict))
    compiled = _from_entry(pattern, entry)
    if compiled is None:  # pragma: no cover - the engine rejecting code `re` itself made
        return re.compile(pattern, flags)
    entries[key] = entry
    _used.add(key)
    _dirty = True
    return compiled


@atexit.register
def save() -> None:
    """Write the patterns compiled by this run, merged with what another run wrote meanwhile."""
    global _dirty
    if not _dirty or _entries is None or os.getpid() != _owner:
        return
    path = _path()
    try:
        old = read_checked(path)
        merge_write(path, old if isinstance(old, dict) else {}, {key: _entries[key] for key in _used}, MAX_ENTRIES)
        _dirty = False
        prune(path, "regex-*.marshal")  # other Python builds' or formats', long unused
    except OSError:
        pass  # a read-only home: compile every time, still correct
