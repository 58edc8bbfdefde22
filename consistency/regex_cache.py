"""Large regular expressions compiled once per machine, not once per process.

The lexicon's scanner and the per-language grammars are regexes of tens of kilobytes;
Python's `re` parses and compiles them in pure Python (seconds on a loaded machine), in
every process, before the first article is read. The result of that work is a list of
integers for the C engine. This module keeps those lists on disk, like the gazetteer's
cache, and hands them back to the engine directly: the same pattern object, without the
parsing. Small patterns go to `re.compile` as usual.

The file is keyed by the Python build and the engine's version, so an upgrade starts a
new one. It holds only integers and strings (marshal: reading it runs no code), each entry
with its own checksum (`table_cache.Entries`): a run reads the few MB it needs of a file that
keeps every recent version's patterns, not the whole file. The engine validates the structure
of the code it is given, not what it matches, so a damaged entry must be caught before: it is
compiled again and rewritten, never trusted. A cache that cannot be written (read-only home)
only costs time. Patterns of every size go through it: a run compiles a few hundred small
ones too, which together cost more than the large ones.
"""

from __future__ import annotations

import array
import atexit
import hashlib
import marshal
import os
import re
import sys
from pathlib import Path
from typing import Any

from consistency.table_cache import Entries, merge_entries, prune

try:  # CPython's engine; elsewhere every pattern goes through re.compile
    import _sre
    from re import _compiler, _parser  # type: ignore[attr-defined]  # CPython internals typeshed leaves out
except ImportError:  # pragma: no cover
    _sre = None

MIN_LENGTH = 40  # shorter patterns compile in well under a millisecond: not worth an entry
MAX_ENTRIES = 3_000  # the file keeps the patterns of recent runs (data files change them)
MAX_BYTES = 48 << 20  # …within this size: about ten versions of the data's patterns
_FORMAT = 3

_entries: Entries | None = None  # the file, read entry by entry
_used: dict[str, bytes] = {}  # the marshalled entries this run compiled or read
_dirty = False
_owner = os.getpid()


def _path() -> Path:
    """One file per Python build and engine version: another interpreter never reads it."""
    build = f"{sys.version}|{sys.hexversion}|{getattr(_sre, 'MAGIC', '')}|{getattr(_sre, 'CODESIZE', '')}|{_FORMAT}"
    digest = hashlib.sha256(build.encode()).hexdigest()[:16]
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "check-consistency" / f"regex-{digest}.marshal"


def _load() -> Entries:
    global _entries
    if _entries is None:
        _entries = Entries(_path())
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


def _stored(key: str) -> tuple[bytes, Any] | None:
    """The entry of `key` (marshalled, and read) from this run or the file, or None when absent
    or failing its digest."""
    data = _used.get(key)
    if data is None:
        data = _load().get_checked(key)
    if data is None:
        return None
    try:
        return data, marshal.loads(data)
    except (ValueError, EOFError, TypeError):  # pragma: no cover - the entry's digest caught it first
        return None


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # noqa: A001  (re.compile's name, on purpose)
    """`re.compile(pattern, flags)`, from the disk cache when the pattern is large."""
    global _dirty
    if _sre is None or len(pattern) < MIN_LENGTH:
        return re.compile(pattern, flags)
    key = _key(pattern, flags)
    stored = _stored(key)
    if stored is not None:
        found = _from_entry(pattern, stored[1])
        if found is not None:
            _used[key] = stored[0]
            return found
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    entry = (array.array("I", code).tobytes(), int(flags | parsed.state.flags), parsed.state.groups,
             dict(parsed.state.groupdict))
    compiled = _from_entry(pattern, entry)
    if compiled is None:  # pragma: no cover - the engine rejecting code `re` itself made
        return re.compile(pattern, flags)
    _used[key] = marshal.dumps(entry)
    _dirty = True
    return compiled


@atexit.register
def save() -> None:
    """Write the patterns compiled by this run, merged with what another run wrote meanwhile."""
    global _dirty, _entries
    if not _dirty or os.getpid() != _owner:
        return
    path = _path()
    if _entries is not None:
        _entries.close()  # the file is about to be replaced
        _entries = None
    try:
        merge_entries(path, dict(_used), MAX_ENTRIES, MAX_BYTES)
        _dirty = False
        prune(path, "regex-*.marshal")  # other Python builds' or formats', long unused
    except OSError:
        pass  # a read-only home: compile every time, still correct
