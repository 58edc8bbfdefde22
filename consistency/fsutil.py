"""Writing files so that readers never see half of one.

Reports and baselines are rewritten in place while editors, CI jobs or another run may
read them. Each write goes to a temporary file in the same folder, is flushed to disk,
then renamed over the target in one step: the target holds either its old content or
the new one, and a failed write leaves the old content and no temporary file behind. A
temporary file that a killed run left behind is removed by the next write of that target.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import time
from collections.abc import Sequence
from pathlib import Path

from consistency.lazy_re import lazy_compile


def atomic_write_text(path: str | os.PathLike[str], text: str, encoding: str = "utf-8") -> None:
    """Replace the file's content with `text`, written as is (line endings untouched)."""
    atomic_write_bytes(path, text.encode(encoding))


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace the file's content with `data`, creating missing parent folders."""
    atomic_write_all([(path, data)])


def atomic_write_all(files: Sequence[tuple[str | os.PathLike[str], bytes]]) -> None:
    """Replace several files, all or none as far as a failure can be foreseen.

    Every file is first written and flushed to a temporary file next to its target; only
    when all of them are on disk are they renamed, one after the other. A folder that cannot
    be written, a full disk or a target that is a folder therefore leaves every target as
    it was (a report is not replaced when the graph beside it cannot be written).
    """
    staged: list[tuple[Path, Path]] = []
    target = Path()
    try:
        for path, data in files:
            target = Path(path)
            if target.is_dir():
                raise IsADirectoryError(errno.EISDIR, "Is a directory", str(target))
            target.parent.mkdir(parents=True, exist_ok=True)
            remove_stale_temporaries(target)
            staged.append((_stage(target, data), target))
        for temporary, target in staged:
            os.replace(temporary, target)
    except OSError as exc:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        exc.filename = str(target)  # the file the user named, not its temporary
        raise
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        raise
    for folder in dict.fromkeys(target.parent for _, target in staged):
        _sync_folder(folder)


def _stage(target: Path, data: bytes) -> Path:
    """`data` written and flushed to a new temporary file beside `target`, with its mode."""
    # The process id in the name tells a later run whether the writer is still alive.
    import secrets  # on first write: `extract` and most checks write nothing

    temporary = target.with_name(f".{target.name}.{os.getpid()}-{secrets.token_hex(6)}.tmp")
    existing_mode = target.stat().st_mode & 0o7777 if target.exists() else None
    # 0o666 lets the umask decide, as for any new file; an existing file keeps its mode.
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o666)
    try:
        try:
            if existing_mode is not None:
                os.chmod(temporary, existing_mode)
            _write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    return temporary


def remove_stale_temporaries(target: Path) -> list[Path]:
    """Delete the temporary files an earlier, killed run left beside `target`.

    A temporary is stale when the process named in it is gone, or when it is older than
    an hour (another machine's run on a shared folder); one without a process id (older
    versions) when it is older than a minute. Returns what was removed.
    """
    removed: list[Path] = []
    try:
        candidates = list(target.parent.glob(f".{glob.escape(target.name)}.*.tmp"))
    except OSError:
        return removed
    now = time.time()
    for candidate in candidates:
        match = _TEMPORARY.fullmatch(candidate.name[len(target.name) + 2 :])
        if match is None:
            continue
        try:
            age = now - candidate.lstat().st_mtime
        except OSError:
            continue
        pid = int(match["pid"]) if match["pid"] else None
        if age > 3600 or (pid is None and age > 60) or (pid is not None and not _alive(pid)):
            with contextlib.suppress(OSError):
                candidate.unlink()
                removed.append(candidate)
    return removed


_TEMPORARY = lazy_compile(r"(?:(?P<pid>\d{1,10})-)?[0-9a-f]{12}\.tmp")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # someone else's process, or a system that cannot tell: keep the file
    return True


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable, where the system allows opening a folder."""
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
