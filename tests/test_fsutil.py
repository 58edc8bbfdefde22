"""Atomic writes: a reader sees the old file or the new one, never a broken one."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency import fsutil
from consistency.fsutil import atomic_write_bytes, atomic_write_text


def test_writes_a_new_file_and_creates_missing_folders(tmp_path: Path) -> None:
    target = tmp_path / "reports" / "2025" / "report.md"
    atomic_write_text(target, "# Report\n")
    assert target.read_text(encoding="utf-8") == "# Report\n"
    assert os.listdir(target.parent) == ["report.md"]


def test_replaces_existing_content_and_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "baseline.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    atomic_write_bytes(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


def test_text_is_written_as_given_without_newline_translation(tmp_path: Path) -> None:
    target = tmp_path / "crlf.txt"
    atomic_write_text(target, "é\r\nline\n", encoding="cp1252")
    assert target.read_bytes() == b"\xe9\r\nline\n"


def test_a_failure_mid_write_leaves_the_old_content_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("previous report", encoding="utf-8")
    real_write = os.write

    def write_half_then_fail(fd: int, data: bytes | memoryview) -> int:
        real_write(fd, bytes(data[: len(data) // 2]))
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fsutil.os, "write", write_half_then_fail)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_text(target, "a much longer new report " * 100)
    monkeypatch.undo()

    assert target.read_text(encoding="utf-8") == "previous report"
    assert os.listdir(tmp_path) == ["report.md"]


def test_a_failed_rename_leaves_the_old_content_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.md"
    target.write_text("previous report", encoding="utf-8")

    def refuse(src: str, dst: str) -> None:
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(fsutil.os, "replace", refuse)
    with pytest.raises(PermissionError):
        atomic_write_text(target, "new report")
    monkeypatch.undo()

    assert target.read_text(encoding="utf-8") == "previous report"
    assert os.listdir(tmp_path) == ["report.md"]


_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)))  # encodable as UTF-8


@settings(deadline=None)  # file writes on a slow disk or a busy CI runner: no time limit
@given(_TEXT, _TEXT)
@pytest.mark.slow
def test_the_file_holds_exactly_the_last_text_written(first: str, second: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / "out.txt"
        atomic_write_text(target, first)
        atomic_write_text(target, second)
        assert target.read_bytes() == second.encode("utf-8")
        assert os.listdir(folder) == ["out.txt"]
