"""From the paths a user gives to a Corpus: finding files, naming them, reading them.

Nothing here depends on the order files are found in: documents are sorted by id,
skipped files by path, and id clashes are settled by rules that only look at the files
themselves. A file that cannot be read is listed with its reason, never a traceback.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import PurePath, PurePosixPath
from stat import S_ISLNK
from typing import BinaryIO, Protocol

from consistency.corpus.decoding import NotText
from consistency.corpus.readers import Reader, expected, read_jsonl, read_text, reader_for
from consistency.corpus.selection import Patterns, Selection, ignore_file_patterns
from consistency.errors import InputError
from consistency.model import Document, Skipped

STDIN = "-"  # the path that stands for standard input

# What reading one file gave: its documents with their candidate ids, and what was skipped.
FileRead = tuple[tuple[tuple[tuple[str, ...], Document], ...], tuple[Skipped, ...]]


class FileMemo(Protocol):
    """What files gave when last read (`consistency.cache.FileRecords`): an unchanged file is
    neither read nor parsed again. `key` names the file and everything its documents' ids and
    paths are made of."""

    def recall(self, key: str, stat: os.stat_result) -> FileRead | None: ...

    def recall_bytes(self, key: str, stat: os.stat_result, raw: bytes) -> FileRead | None: ...

    def remember(self, key: str, stat: os.stat_result, raw: bytes, read: FileRead) -> None: ...

@dataclass(frozen=True)
class Corpus:
    """The articles of a run, and the files that were not read with why."""

    name: str  # for reports: the folder name ("seeds"), or the file stem for a single file
    documents: tuple[Document, ...]  # sorted by id
    skipped: tuple[Skipped, ...]  # sorted by path


@dataclass(frozen=True)
class _File:
    """A file found under a given path."""

    location: str  # where to open it
    shown: str  # the path as given, joined with the path under it, "/" separators
    relative: PurePosixPath  # under its corpus root: what the id is made of


def read_document(raw: bytes, *, id: str, path: str, suffix: str = ".txt") -> Document:
    """One document from bytes, read as the format `suffix` names.

    Raises InputError (naming `path`) when the bytes are not an article's text.
    """
    found = reader_for(suffix)
    if found is None:
        raise InputError(f"{path}: not an article format ({suffix}): expected {expected()}")
    if found[1].one is None:
        raise InputError(f"{path}: a {suffix} file holds several articles: read it with documents_from_jsonl")
    try:
        return found[1].one(raw, id=id, path=path)
    except NotText as reason:
        raise InputError(f"{path}: {reason}") from None


def documents_from_jsonl(raw: bytes, *, id: str, path: str) -> tuple[tuple[Document, ...], tuple[Skipped, ...]]:
    """The articles of a JSON Lines file, and its lines that could not be read.

    Raises InputError (naming `path`) when the file is not text at all.
    """
    try:
        records, skipped = read_jsonl(raw, id=id, path=path)
    except NotText as reason:
        raise InputError(f"{path}: {reason}") from None
    return tuple(doc for _, doc in records), tuple(skipped)


def load_corpus(
    paths: Sequence[str | os.PathLike[str]],
    *,
    max_bytes: int = 10_000_000,
    on_progress: Callable[[int, int], None] | None = None,
    selection: Selection | None = None,
    stdin: BinaryIO | None = None,
    memo: FileMemo | None = None,
) -> Corpus:
    """Read every article under the paths (files or folders, recursively; hidden files/dirs ignored).

    In folders, `selection` decides which files are read (globs, ignore files, the run's own
    outputs); a file named on the command line is always read, as ruff and git do. The path
    `-` is one plain-text article read from `stdin` (default: the process's standard input).
    With a `memo`, a file whose stat is as recorded is not read again (see `FileMemo`).

    Raises InputError when a path does not exist or when no article is found at all.
    """
    if not paths:
        raise InputError("no input given: pass a folder or files of articles")
    given = [os.fspath(p) for p in paths]
    files: dict[str, _File] = {}
    skipped: list[Skipped] = []
    for path in given:
        for found in _find(path, skipped, selection or Selection()):
            key = os.path.realpath(found.location)
            if key not in files or found.shown < files[key].shown:  # the same file given twice
                files[key] = found
    ordered = sorted(files.values(), key=lambda f: f.shown)

    read: list[tuple[tuple[str, ...], Document]] = []  # candidate ids, most natural first
    for done, file in enumerate(ordered, start=1):
        if file.location == STDIN:
            read.extend(_read_stdin(stdin if stdin is not None else sys.stdin.buffer, max_bytes, skipped))
        else:
            read.extend(_read(file, max_bytes, skipped, memo))
        if on_progress is not None:
            on_progress(done, len(ordered))

    ids = _unique_ids([candidates for candidates, _ in read])
    documents = [doc if new == doc.id else replace(doc, id=new) for new, (_, doc) in zip(ids, read, strict=True)]
    if not documents:
        where = ", ".join(given)
        why = f" ({len(skipped)} skipped, e.g. {skipped[0].path}: {skipped[0].reason})" if skipped else ""
        raise InputError(f"no articles found in {where}: expected {expected()} files{why}")
    return Corpus(
        name=_corpus_name(given),
        documents=tuple(sorted(documents, key=lambda d: d.id)),
        skipped=tuple(sorted(skipped, key=lambda s: _natural(s.path))),
    )


def corpus_stamp(
    paths: Sequence[str | os.PathLike[str]], *, max_bytes: int = 10_000_000, selection: Selection | None = None
) -> tuple[str, int] | None:
    """The corpus as `load_corpus` would find it, without reading a file: a hash of each file's
    names and stat (size, mtime and ctime in ns, inode, device, mode) and of what the walk
    skipped, and the latest mtime or ctime among the files, for telling a file changed since
    (see `consistency.cache.RunOutput.trusted`). None when a path is standard input, is
    missing or cannot be listed: the run reads the corpus, and says why when it must."""
    given = [os.fspath(p) for p in paths]
    if not given or STDIN in given or not all(os.path.lexists(p) for p in given):
        return None
    files: dict[str, tuple[_File, os.stat_result]] = {}
    skipped: list[Skipped] = []
    folders: dict[str, str] = {}  # folder → its real path: one realpath per folder, not per file
    for path in given:
        for found in _find(path, skipped, selection or Selection()):
            try:
                stat = os.lstat(found.location)
                if S_ISLNK(stat.st_mode):
                    key, stat = os.path.realpath(found.location), os.stat(found.location)
                else:  # not a link: its real path is its real folder's, and its stat is that of lstat
                    folder, name = os.path.split(found.location)
                    real = folders.get(folder)
                    if real is None:
                        real = folders[folder] = os.path.realpath(folder)
                    key = os.path.join(real, name)
            except OSError:
                return None
            if key not in files or found.shown < files[key][0].shown:
                files[key] = (found, stat)
    h = hashlib.blake2b(f"max_bytes {max_bytes}\0".encode(), digest_size=20)
    newest = 0
    for real, (file, stat) in sorted(files.items(), key=lambda item: item[1][0].shown):
        newest = max(newest, stat.st_mtime_ns, stat.st_ctime_ns)
        h.update(
            f"{real}\0{file.shown}\0{file.relative.as_posix()}\0{stat.st_size}:{stat.st_mtime_ns}:"
            f"{stat.st_ctime_ns}:{stat.st_ino}:{stat.st_dev}:{stat.st_mode}\0".encode("utf-8", "surrogatepass")
        )
    for skip in sorted(skipped, key=lambda s: (s.path, s.reason)):
        h.update(f"skipped {skip.path}\0{skip.reason}\0".encode("utf-8", "surrogatepass"))
    return h.hexdigest(), newest


def _find(path: str, skipped: list[Skipped], selection: Selection) -> list[_File]:
    """The files a given path stands for; a missing path stops the run."""
    if path == STDIN:
        return [_File(STDIN, STDIN, PurePosixPath("stdin"))]
    shown_root = PurePath(path).as_posix()
    if not _is_utf8(shown_root):
        skipped.append(Skipped(_readable(shown_root), "its name is not valid UTF-8: rename it"))
        return []
    if os.path.isfile(path):
        return [_File(path, shown_root, PurePosixPath(PurePath(path).name))]
    if os.path.isdir(path):
        return _walk(path, PurePosixPath(shown_root), skipped, selection)
    if os.path.lexists(path):
        skipped.append(Skipped(shown_root, "not a regular file or folder (a broken link?)"))
        return []
    raise InputError(f"{path}: no such file or folder: check the path")


def _walk(root: str, shown_root: PurePosixPath, skipped: list[Skipped], selection: Selection) -> list[_File]:
    found: list[_File] = []
    seen_dirs: set[str] = set()
    ignored: dict[str, tuple[Patterns, ...]] = {}  # folder → the ignore files that apply in it
    inherited = _ancestor_ignore_files(root) if selection.ignore_files else ()

    def unreadable(error: OSError) -> None:
        where = PurePosixPath(shown_root, PurePath(os.path.relpath(error.filename, root)).as_posix())
        skipped.append(Skipped(where.as_posix(), f"folder cannot be read ({error.strerror}): check its permissions"))

    for folder, dirs, names in os.walk(root, onerror=unreadable, followlinks=True):
        real = os.path.realpath(folder)
        if real in seen_dirs:  # a link back up the tree
            dirs[:] = []
            continue
        seen_dirs.add(real)
        parent = ignored.get(os.path.dirname(os.path.normpath(folder)), inherited)
        own = ignore_file_patterns(folder) if selection.ignore_files else None
        patterns = (*parent, own) if own is not None else parent
        ignored[os.path.normpath(folder)] = patterns
        for d in dirs:
            if not _is_utf8(d) and not d.startswith("."):
                where = PurePosixPath(shown_root, PurePath(os.path.relpath(folder, root)).as_posix(), d)
                skipped.append(Skipped(_readable(where.as_posix()), "folder name is not valid UTF-8: rename it"))
        dirs[:] = sorted(
            d for d in dirs
            if not d.startswith(".") and _is_utf8(d)
            and not selection.skips_folder(os.path.join(folder, d))
            and not any(p.matches(os.path.join(folder, d), is_dir=True) for p in patterns)
        )
        relative_folder = PurePath(os.path.relpath(folder, root)).as_posix()
        for name in sorted(names):
            if name.startswith("."):
                continue
            relative = PurePosixPath(relative_folder, name)
            location = os.path.join(folder, name)
            if not _is_utf8(name):  # ids, links and reports are UTF-8 text: skip it, say so
                skipped.append(Skipped(_readable((shown_root / relative).as_posix()), "file name is not valid UTF-8: rename it"))
                continue
            if not selection.keeps(location, patterns, real=os.path.join(real, name)):
                continue
            if not os.path.isfile(location):
                skipped.append(Skipped((shown_root / relative).as_posix(), "not a regular file (a broken link?)"))
                continue
            found.append(_File(location, (shown_root / relative).as_posix(), relative))
    return found


def _is_utf8(name: str) -> bool:
    """False for a name the system gave with undecodable bytes (kept as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _readable(name: str) -> str:
    """A name with undecodable bytes shown as `\\xff` escapes, printable anywhere."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _read_stdin(stream: BinaryIO, max_bytes: int, skipped: list[Skipped]) -> list[tuple[tuple[str, ...], Document]]:
    """One plain-text article piped in (`cat article.txt | check-consistency -`)."""
    raw = stream.read(max_bytes + 1)
    if len(raw) > max_bytes:
        skipped.append(Skipped(STDIN, f"larger than {_size(max_bytes)}: split it or raise --max-bytes"))
        return []
    try:
        document = read_text(raw, id="stdin", path=STDIN)
    except NotText as reason:
        skipped.append(Skipped(STDIN, str(reason)))
        return []
    return [(("stdin",), document)]


def _ancestor_ignore_files(root: str) -> tuple[Patterns, ...]:
    """Ignore files above a walked folder, up to the current folder (the repository root,
    where a user keeps one for the whole project); none when the folder is not inside it."""
    cwd = os.path.abspath(os.getcwd())
    here = os.path.abspath(root)
    if os.path.commonpath([cwd, here]) != cwd or here == cwd:
        return ()
    chain: list[Patterns] = []
    folder = os.path.dirname(here)
    while True:
        found = ignore_file_patterns(folder)
        if found is not None:
            chain.append(found)
        if folder == cwd or os.path.dirname(folder) == folder:
            break
        folder = os.path.dirname(folder)
    return tuple(reversed(chain))


def _read(
    file: _File, max_bytes: int, skipped: list[Skipped], memo: FileMemo | None = None
) -> list[tuple[tuple[str, ...], Document]]:
    """The documents of one file with their candidate ids, or a reason in `skipped`."""
    suffix = file.relative.suffix.lower()
    found = reader_for(suffix)
    if found is None:
        skipped.append(Skipped(file.shown, f"not an article format ({suffix}): expected {expected()}"))
        return []
    key = f"{os.path.realpath(file.location)}\0{file.shown}\0{file.relative.as_posix()}"
    try:
        stat = os.stat(file.location)
        if stat.st_size > max_bytes:
            skipped.append(Skipped(file.shown, f"larger than {_size(max_bytes)}: split it or raise --max-bytes"))
            return []
        known = memo.recall(key, stat) if memo is not None else None
        if known is not None:
            skipped.extend(known[1])
            return list(known[0])
        with open(file.location, "rb") as handle:
            raw = handle.read()
    except OSError as error:
        advice = ": check its permissions" if isinstance(error, PermissionError) else ""
        skipped.append(Skipped(file.shown, f"cannot be read ({error.strerror or error}){advice}"))
        return []
    if memo is not None and (known := memo.recall_bytes(key, stat, raw)) is not None:
        skipped.extend(known[1])
        return list(known[0])
    documents, bad = _parse(raw, file, suffix, found[1])
    skipped.extend(bad)
    if memo is not None:
        memo.remember(key, stat, raw, (tuple(documents), tuple(bad)))
    return documents


def _parse(
    raw: bytes, file: _File, suffix: str, reader: Reader
) -> tuple[list[tuple[tuple[str, ...], Document]], list[Skipped]]:
    """The documents of a file's bytes with their candidate ids, and what was skipped."""
    stem = file.relative.with_suffix("").as_posix() if suffix else file.relative.as_posix()
    try:
        if reader.many is not None:
            records, bad_lines = reader.many(raw, id=stem, path=file.shown)
            return [(_record_ids(doc, stem, file, line), doc) for line, doc in records], list(bad_lines)
        assert reader.one is not None  # a Reader has `one` or `many`
        document = reader.one(raw, id=stem, path=file.shown)
    except NotText as reason:
        return [], [Skipped(file.shown, str(reason))]
    return [((stem, file.relative.as_posix(), file.shown), document)], []


def _record_ids(doc: Document, stem: str, file: _File, line: int) -> tuple[str, ...]:
    own = (doc.id,) if doc.id != f"{stem}#{line}" else ()
    return (*own, f"{stem}#{line}", f"{file.shown}#{line}")


def _unique_ids(candidates: list[tuple[str, ...]]) -> list[str]:
    """One id per document: the most natural candidate that no other document also takes.

    Clashing documents move on to their next, more specific candidate (an id keeping the
    extension, then the full path) until none clash; what still clashes gets `~2`, `~3`…
    in path order. Only the candidates matter, never the order they come in.
    """
    level = [0] * len(candidates)
    while True:
        ids = [c[min(lv, len(c) - 1)] for c, lv in zip(candidates, level)]
        counts = Counter(ids)
        moved = False
        for i, current in enumerate(ids):
            if counts[current] > 1 and level[i] < len(candidates[i]) - 1:
                level[i] += 1
                moved = True
        if not moved:
            break
    clashing: dict[str, list[int]] = {}
    for i, current in enumerate(ids):
        if counts[current] > 1:
            clashing.setdefault(current, []).append(i)
    for current, indices in clashing.items():
        for rank, i in enumerate(sorted(indices, key=lambda j: candidates[j]), start=1):
            ids[i] = current if rank == 1 else f"{current}~{rank}"
    return ids


def _corpus_name(given: list[str]) -> str:
    names = set()
    for path in given:
        if path == STDIN:
            names.add("stdin")
            continue
        pure = PurePath(os.path.abspath(path))
        names.add(pure.stem if os.path.isfile(path) else (pure.name or "corpus"))
    return "+".join(sorted(names))


def _size(limit: int) -> str:
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if limit >= factor:
            return f"{limit / factor:g} {unit}"
    return f"{limit} bytes"


def _natural(path: str) -> tuple[object, ...]:
    """Sort key where "a.jsonl:10" comes after "a.jsonl:9"."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", path))
