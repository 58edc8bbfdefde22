"""Tables built from the data files, kept on disk between runs instead of rebuilt in each.

Before the first article is read, every run parses the lexicon YAML and turns its word lists
into trie regexes (`matching.trie`): pure functions of the files' bytes and of this code,
and most of a one-article run's time. This module keeps their results in one file per
version of the code (every `.py` file of the package is hashed into its name), each entry
keyed by a digest of its inputs, so a changed data file only misses its own entries.

The file holds only strings and bytes (marshal: reading it runs no code) after a SHA-256 of
its content: a damaged, truncated or foreign file fails the check and is ignored, then
rewritten, never trusted. It is written whole to a temporary file and renamed over the old
one, so a run killed while writing leaves the old file or the new one, never half of one.
A cache that cannot be written (read-only home) only costs time.
`CHECK_CONSISTENCY_NO_TABLE_CACHE=1` turns it off, to compare a cached run with a fresh one.
"""

from __future__ import annotations

import atexit
import functools
import hashlib
import marshal
import mmap
import os
import sys
import time
import zlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import consistency

MAGIC = b"check-consistency cache 1\n"  # then the SHA-256 of the rest
MAX_ENTRIES = 5_000  # far above one version's tables: a bound when data files change often
STALE_DAYS = 14  # files of other versions of the code untouched this long are removed
DISABLE = "CHECK_CONSISTENCY_NO_TABLE_CACHE"

_entries: dict[str, bytes] | None = None
_used: set[str] = set()
_dirty = False
_owner = os.getpid()
stats = {"hits": 0, "misses": 0}  # work counted by the tests: a warm run builds nothing


def enabled() -> bool:
    return not os.environ.get(DISABLE)


@functools.cache
def _code_digest() -> str:
    """A digest of the package's code and of the interpreter: another version never reads the file."""
    digest = hashlib.sha256(f"{consistency.__version__}|{sys.version}|{marshal.version}".encode())
    package = Path(consistency.__file__).parent
    for folder, subfolders, files in os.walk(package):
        subfolders[:] = sorted(d for d in subfolders if d not in ("__pycache__", "data"))  # no code there
        for name in sorted(f for f in files if f.endswith(".py")):
            path = Path(folder, name)
            digest.update(str(path.relative_to(package)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def path() -> Path:
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "check-consistency" / f"tables-{_code_digest()}.marshal"


def read_checked(file: Path) -> Any:
    """The content of a file written by `write_checked`, or None when it is missing, damaged,
    truncated or not one of ours (its checksum does not match)."""
    try:
        raw = file.read_bytes()
    except OSError:
        return None
    head = len(MAGIC)
    body = raw[head + 32:]
    if raw[:head] != MAGIC or hashlib.sha256(body).digest() != raw[head:head + 32]:
        return None
    try:
        return marshal.loads(body)
    except (ValueError, EOFError, TypeError):  # pragma: no cover - the checksum caught it first
        return None


def write_checked(file: Path, value: Any) -> None:
    """`value` (plain data) written with its checksum, whole or not at all: to a temporary
    file first, renamed over the old one. OSError when the folder cannot be written."""
    body = marshal.dumps(value)
    file.parent.mkdir(parents=True, exist_ok=True)
    tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    try:
        tmp.write_bytes(MAGIC + hashlib.sha256(body).digest() + body)
        os.replace(tmp, file)
    finally:
        tmp.unlink(missing_ok=True)


def _read(file: Path) -> dict[str, bytes] | None:
    """The entries of the tables file, or None when it is missing, damaged or not ours."""
    data = read_checked(file)
    if not isinstance(data, dict) or not all(isinstance(k, str) and isinstance(v, bytes) for k, v in data.items()):
        return None
    return data


def _load() -> dict[str, bytes]:
    global _entries, _dirty
    if _entries is None:
        file = path()
        found = _read(file)
        _entries = found if found is not None else {}
        _dirty = found is None and file.exists()  # a damaged file is replaced even if nothing new is built
    return _entries


def key(namespace: str, *parts: str) -> str:
    digest = hashlib.sha256(namespace.encode())
    for part in parts:
        digest.update(b"\0")
        digest.update(part.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def memo(namespace: str, parts: tuple[str, ...], build: Callable[[], Any]) -> Any:
    """`build()`, or its value from the cache when `parts` (its whole input) were seen before.

    The value must be plain data (marshal: str, numbers, lists, dicts…); a value that is not
    is returned uncached. Each call returns new objects: a caller may change them.
    """
    global _dirty
    if not enabled():
        return build()
    entries = _load()
    k = key(namespace, *parts)
    stored = entries.get(k)
    if stored is not None:
        try:
            value = marshal.loads(stored)
            stats["hits"] += 1
            _used.add(k)
            return value
        except (ValueError, EOFError, TypeError):  # pragma: no cover - the file checksum guards this
            pass
    stats["misses"] += 1
    value = build()
    try:
        entries[k] = marshal.dumps(value)
    except ValueError:  # dates, objects: not plain data
        return value
    _used.add(k)
    _dirty = True
    return value


@atexit.register
def save() -> None:
    """Write this run's tables, merged with what another run wrote meanwhile, atomically."""
    global _dirty
    if not _dirty or _entries is None or os.getpid() != _owner:
        return
    file = path()
    try:
        merge_write(file, _read(file) or {}, {k: _entries[k] for k in _used}, MAX_ENTRIES)
        _dirty = False
        prune(file, "tables-*.marshal")
    except OSError:
        pass


def merge_write(file: Path, theirs: Mapping[str, Any], mine: Mapping[str, Any], limit: int) -> None:
    """Write what another run left in `file` merged with this run's entries, atomically and
    checksummed; this run's entries last, so that the oldest others go first past `limit`."""
    merged = {k: v for k, v in theirs.items() if k not in mine}
    merged.update(mine)
    write_checked(file, dict(list(merged.items())[-limit:]))


def derived_file(name: str, suffix: str, source: Path, make: Callable[[Path], None]) -> Path | None:
    """A file that `make(path)` derives from `source` alone, made once per machine instead of
    once per process (a decompressed model): named by the source's path, size and modification
    time, written whole or not at all. None when the cache is off or cannot be written: the
    caller then reads `source` itself. Reading it must catch a damaged file (`make` writes a
    checked format)."""
    if not enabled():
        return None
    try:
        st = source.stat()
    except OSError:
        return None
    digest = hashlib.sha256(f"{source}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()[:16]
    file = path().parent / f"{name}-{digest}{suffix}"
    if file.is_file():
        return file
    tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
    try:
        file.parent.mkdir(parents=True, exist_ok=True)
        make(tmp)
        os.replace(tmp, file)
        prune(file, f"{name}-*{suffix}")
    except OSError:
        return None
    finally:
        tmp.unlink(missing_ok=True)
    return file


def prune(current: Path, pattern: str) -> None:
    """Remove the other files of `pattern` beside `current` that no run has written for
    STALE_DAYS: built by older code or data. A recent one is kept: another installation of
    the tool (another virtualenv, a branch's checkout) may be using it, and removing it would
    make each rebuild the other's file at every run."""
    cutoff = time.time() - STALE_DAYS * 86_400
    for old in current.parent.glob(pattern):
        try:
            if old != current and old.stat().st_mtime < cutoff:
                old.unlink(missing_ok=True)
        except OSError:
            pass


ENTRIES_MAGIC = b"check-consistency entries 1\n"  # then the index's SHA-256 and length, the index, the blob


class Entries(Mapping[str, bytes]):
    """A file of many entries of which a run reads a few: read where they lie, not whole.

    The pattern cache holds the compiled grammars of every recent version of the data (tens
    of MB) and a run needs a few MB of them: reading, checking and unmarshalling the whole file
    cost more than compiling did. The file starts with an index (key -> offset, length,
    SHA-256 of the entry) checked by its own SHA-256; the entries follow, and each is read
    (memory-mapped) and checked against its digest when looked up. A damaged index makes the
    file empty; a damaged entry is missing (None), so it is built again, never trusted.
    """

    def __init__(self, file: Path) -> None:
        self._index: dict[str, tuple[int, int, bytes]] = {}
        self._map: mmap.mmap | None = None
        self._base = 0
        try:
            with file.open("rb") as f:
                self._map = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable or empty
            return
        head = len(ENTRIES_MAGIC)
        m = self._map
        size = int.from_bytes(m[head + 32:head + 40], "big")
        raw = m[head + 40:head + 40 + size]
        if m[:head] != ENTRIES_MAGIC or len(raw) != size or hashlib.sha256(raw).digest() != m[head:head + 32]:
            self.close()
            return
        try:
            index = marshal.loads(raw)
        except (ValueError, EOFError, TypeError):  # pragma: no cover - the checksum caught it first
            index = None
        if isinstance(index, dict):
            self._index, self._base = index, head + 40 + size
        else:  # pragma: no cover - a sound checksum over something we never write
            self.close()

    def get_checked(self, key: str) -> bytes | None:
        """The entry of `key`, or None when absent or when its bytes fail their digest."""
        found = self._index.get(key)
        if found is None or self._map is None:
            return None
        try:
            offset, length, digest = found
            data = self._map[self._base + offset:self._base + offset + length]
        except (TypeError, ValueError):
            return None
        return data if len(data) == length and hashlib.sha256(data).digest() == digest else None

    def __getitem__(self, key: str) -> bytes:
        data = self.get_checked(key)
        if data is None:
            raise KeyError(key)
        return data

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)

    def close(self) -> None:
        """Let go of the file (before it is replaced: some systems refuse while it is mapped)."""
        if self._map is not None:
            self._map.close()
            self._map = None
        self._index = {}

    @staticmethod
    def write(file: Path, entries: Mapping[str, bytes]) -> None:
        """`entries` written as one indexed file, whole or not at all (see `write_checked`)."""
        index: dict[str, tuple[int, int, bytes]] = {}
        offset = 0
        for k, data in entries.items():
            index[k] = (offset, len(data), hashlib.sha256(data).digest())
            offset += len(data)
        raw = marshal.dumps(index)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as f:
                f.write(ENTRIES_MAGIC + hashlib.sha256(raw).digest() + len(raw).to_bytes(8, "big") + raw)
                for data in entries.values():
                    f.write(data)
            os.replace(tmp, file)
        finally:
            tmp.unlink(missing_ok=True)


def merge_entries(file: Path, mine: Mapping[str, bytes], limit: int, max_bytes: int) -> None:
    """Rewrite the `Entries` file with this run's entries and, before them, as many of the
    others (most recently written first) as fit in `limit` entries and `max_bytes`."""
    theirs = Entries(file)
    try:
        kept: dict[str, bytes] = {}
        room, size = limit - len(mine), max_bytes - sum(len(v) for v in mine.values())
        for k in reversed(list(theirs)):
            if room <= 0:
                break
            if k in mine:
                continue
            data = theirs.get_checked(k)
            if data is None or len(data) > size:
                continue
            kept[k] = data
            room, size = room - 1, size - len(data)
    finally:
        theirs.close()
    merged = dict(reversed(list(kept.items())))
    merged.update(mine)
    Entries.write(file, merged)


class Packed(Mapping[str, Any]):
    """A mapping whose values stay marshalled until read: a large table loaded from disk,
    of which a run reads a few entries, costs its keys only. Read-only; each value is
    decoded once."""

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._packed = packed
        self._open: dict[str, Any] = {}

    @staticmethod
    def pack(mapping: Mapping[str, Any]) -> dict[str, bytes]:
        return {k: marshal.dumps(v) for k, v in mapping.items()}

    def __getitem__(self, key: str) -> Any:
        try:
            return self._open[key]
        except KeyError:
            value = self._open[key] = marshal.loads(self._packed[key])
            return value

    def __contains__(self, key: object) -> bool:
        return key in self._packed

    def __iter__(self) -> Iterator[str]:
        return iter(self._packed)

    def __len__(self) -> int:
        return len(self._packed)


def files_pass(namespace: str, files: Sequence[Path], check: Callable[[], bool]) -> bool:
    """`check()` (does this data pass its schema?), remembered for these files' bytes: data
    that passed once is not checked again at every start until one of its files changes."""
    parts = tuple(f"{f}\0{hashlib.sha256(f.read_bytes()).hexdigest()}" for f in files)
    return bool(memo(namespace, parts, check))


def reset() -> None:
    """Forget what this process read or built (tests: the next use reads the file again)."""
    global _entries, _dirty
    _entries, _dirty = None, False
    _used.clear()
    stats.update(hits=0, misses=0)


BUCKETS_MAGIC = b"check-consistency buckets 1\n"  # then the header's SHA-256 and length, the header, the offsets, the buckets


class Damaged(Exception):
    """A bucket of a `Buckets` file failed its check: the caller rebuilds what the file held."""


class Buckets:
    """Large tables on disk of which a run reads a few keys: read bucket by bucket, not whole.

    The gazetteer holds 200,000 names, places and chains (9 MB) and an article asks for a few
    dozen: reading and checking the whole file cost more than the rest of a one-article run.
    Each key is hashed (CRC-32 of its table and itself) to one of `n` buckets; a bucket holds
    its number and its entries (marshal) after their SHA-256, and is read (memory-mapped),
    checked and decoded on the first lookup that needs it, then kept. A small header (checked
    by its own SHA-256) holds the bucket count, each table's length and one `extra` value read
    whole. A damaged header makes the file unusable (None from `open`); a damaged bucket
    raises `Damaged` when reached, so that the caller rebuilds, never trusting it.
    """

    def __init__(self, mapped: mmap.mmap, header: dict[str, Any], base: int) -> None:
        self._map = mapped
        self._n: int = header["n"]
        self.lengths: dict[str, int] = header["lengths"]
        self.extra: Any = header["extra"]
        self._offsets = base  # n + 1 offsets of 8 bytes, then the buckets
        self._open: dict[int, dict[str, dict[str, Any]]] = {}
        self.reads = 0  # buckets read and decoded: work counted by the tests

    @classmethod
    def open(cls, file: Path) -> Buckets | None:
        """The file's tables, or None when it is missing, damaged in its header or not ours."""
        try:
            with file.open("rb") as f:
                mapped = mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable or empty
            return None
        head = len(BUCKETS_MAGIC)
        size = int.from_bytes(mapped[head + 32:head + 40], "big")
        raw = mapped[head + 40:head + 40 + size]
        header: Any = None
        if mapped[:head] == BUCKETS_MAGIC and len(raw) == size and hashlib.sha256(raw).digest() == mapped[head:head + 32]:
            try:
                header = marshal.loads(raw)
            except (ValueError, EOFError, TypeError):  # pragma: no cover - the checksum caught it first
                header = None
        if not (isinstance(header, dict) and isinstance(header.get("n"), int) and header["n"] > 0
                and isinstance(header.get("lengths"), dict)):
            mapped.close()
            return None
        return cls(mapped, header, head + 40 + size)

    @staticmethod
    def bucket_of(table: str, key: str, n: int) -> int:
        return zlib.crc32(f"{table}\0{key}".encode("utf-8", "surrogatepass")) % n

    def _bucket(self, i: int) -> dict[str, dict[str, Any]]:
        found = self._open.get(i)
        if found is not None:
            return found
        m, at = self._map, self._offsets + 8 * i
        start, end = int.from_bytes(m[at:at + 8], "big"), int.from_bytes(m[at + 8:at + 16], "big")
        base = self._offsets + 8 * (self._n + 1)
        data = m[base + start:base + end]
        body = data[32:]
        if end - start < 32 or len(data) != end - start or hashlib.sha256(body).digest() != data[:32]:
            raise Damaged(i)
        try:
            number, tables = marshal.loads(body)
        except (ValueError, EOFError, TypeError) as exc:  # pragma: no cover - the checksum caught it first
            raise Damaged(i) from exc
        if number != i or not isinstance(tables, dict):
            raise Damaged(i)
        self.reads += 1
        self._open[i] = tables
        return tables

    def lookup(self, table: str, key: str) -> Any:
        """The value of `key` in `table`; KeyError when absent, `Damaged` when its bucket is."""
        return self._bucket(self.bucket_of(table, key, self._n)).get(table, {})[key]

    def items(self, table: str) -> Iterator[tuple[str, Any]]:
        """Every entry of `table`, bucket after bucket (reads the whole file: for rare uses)."""
        for i in range(self._n):
            yield from self._bucket(i).get(table, {}).items()

    @staticmethod
    def write(file: Path, tables: Mapping[str, Mapping[str, Any]], extra: Any, n: int) -> None:
        """`tables` (plain data) and `extra` written in `n` buckets, whole or not at all."""
        buckets: list[dict[str, dict[str, Any]]] = [{} for _ in range(n)]
        for table, entries in tables.items():
            for k, v in entries.items():
                buckets[Buckets.bucket_of(table, k, n)].setdefault(table, {})[k] = v
        header = marshal.dumps({"n": n, "lengths": {t: len(e) for t, e in tables.items()}, "extra": extra})
        offsets, blobs, at = [0], [], 0
        for i, bucket in enumerate(buckets):
            body = marshal.dumps((i, bucket))
            blobs.append(hashlib.sha256(body).digest() + body)
            at += 32 + len(body)
            offsets.append(at)
        file.parent.mkdir(parents=True, exist_ok=True)
        tmp = file.with_name(f"{file.name}.{os.getpid()}.tmp")
        try:
            with tmp.open("wb") as f:
                f.write(BUCKETS_MAGIC + hashlib.sha256(header).digest() + len(header).to_bytes(8, "big") + header)
                f.write(b"".join(o.to_bytes(8, "big") for o in offsets))
                for blob in blobs:
                    f.write(blob)
            os.replace(tmp, file)
        finally:
            tmp.unlink(missing_ok=True)

    def close(self) -> None:
        self._map.close()
