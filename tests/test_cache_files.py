"""A re-run does not read the articles that have not changed since the last run, and still sees
every one that has: counted (files opened), never timed."""

from __future__ import annotations

import builtins
import io
import os
import sqlite3
import time
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

import consistency.pipeline as pipeline
from consistency.cache import DB_NAME, RACY_NS, FileRecords, dumps, open_cache
from consistency.report import render_json, render_markdown

# Invented reports of one storm, in four languages; one file holds two articles (JSON Lines)
# and a line that is not an article.
ARTICLES = {
    "fr_orage.txt": """Orages dans le Gard : 3 morts

Publié le 18/09/2025 à 08h15

Trois personnes sont mortes dans les orages qui ont frappé le Gard mercredi, selon la préfecture. Environ 4 800 foyers étaient privés d'électricité jeudi matin.
""",
    "en_storm.txt": """Storms in southern France kill 5

Published September 18, 2025

Five people were killed in the storms that hit the Gard department on Wednesday, the prefecture said. About 4,800 homes were without power on Thursday morning.
""",
    "batch.jsonl": (
        '{"id": "de_unwetter", "language": "de", "published": "2025-09-18", "text": '
        '"Bei den Unwettern im Departement Gard sind am Mittwoch drei Menschen ums Leben gekommen, '
        'teilte die Präfektur mit. Rund 4800 Haushalte waren am Donnerstagmorgen ohne Strom."}\n'
        "not json at all\n"
        '{"id": "es_tormentas", "language": "es", "published": "2025-09-18", "text": '
        '"Tres personas murieron en las tormentas que golpearon el departamento de Gard el miércoles, '
        'según la prefectura. Unos 4.800 hogares seguían sin electricidad el jueves por la mañana."}\n'
    ),
}
HOUR = 3600 * 10**9


def write_corpus(folder: Path, *, age_ns: int = HOUR) -> Path:
    """The articles, last modified `age_ns` ago (0: now)."""
    folder.mkdir(parents=True, exist_ok=True)
    then = time.time_ns() - age_ns
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        if age_ns:
            os.utime(folder / name, ns=(then, then))
    return folder


def run(corpus: Path, cache: Path | None):
    return pipeline.check([corpus], cache_dir=cache)


def says(result, document: str, figure: float) -> bool:
    """Whether the result holds a figure of this document whose interval holds `figure`."""
    return any(
        c.document == document and c.kind == "quantity" and c.value.low <= figure <= c.value.high
        for c in result.claims
    )


def shown(result) -> tuple[str, str]:
    """What a user gets: the JSON result and the Markdown report, byte for byte."""
    return render_json(result), render_markdown(result)


class Opens:
    """Counts the files of a folder opened by the process."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
        self.folder = str(folder)
        self.paths: list[str] = []
        real = builtins.open

        def counting(file: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(file, (str, os.PathLike)) and os.fspath(file).startswith(self.folder):
                self.paths.append(os.path.basename(os.fspath(file)))
            return real(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", counting)
        monkeypatch.setattr(io, "open", counting)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "articles")


def test_a_warm_run_reads_no_unchanged_article_and_gives_the_same_result(corpus, tmp_path, monkeypatch):
    plain = run(corpus, None)
    uncached = shown(plain)
    first = shown(run(corpus, tmp_path / "cache"))
    opens = Opens(monkeypatch, corpus)
    again = run(corpus, tmp_path / "cache")
    assert opens.paths == []  # not one article opened
    assert shown(again) == first == uncached
    assert again.skipped == plain.skipped and len(again.skipped) == 1  # the line that is not an article
    assert {d.id for d in again.documents} >= {"fr_orage", "en_storm", "de_unwetter", "es_tormentas"}


def test_an_edited_article_is_read_again_and_only_it(corpus, tmp_path, monkeypatch):
    run(corpus, tmp_path / "cache")
    path = corpus / "en_storm.txt"
    path.write_text(ARTICLES["en_storm.txt"].replace("About 4,800 homes", "About 16,800 homes"), encoding="utf-8")
    opens = Opens(monkeypatch, corpus)
    edited = run(corpus, tmp_path / "cache")
    assert opens.paths == ["en_storm.txt"]
    assert shown(edited) == shown(run(corpus, None))
    assert says(edited, "en_storm", 16800)


@pytest.mark.parametrize("age_ns", [0, HOUR], ids=["racy: modified just before the run", "modified long before"])
def test_an_article_edited_with_its_size_and_mtime_given_back_is_still_seen(tmp_path, monkeypatch, age_ns):
    """`touch -d` after an edit of the same length: the racy rule (a file modified within
    RACY_NS of the run is checked byte for byte) and the ctime both catch it."""
    corpus = write_corpus(tmp_path / "articles", age_ns=age_ns)
    path = corpus / "fr_orage.txt"
    before = run(corpus, tmp_path / "cache")
    assert says(before, "fr_orage", 4800)
    old = os.stat(path)
    path.write_bytes(path.read_bytes().replace(b"4 800", b"9 800"))  # same size
    os.utime(path, ns=(old.st_atime_ns, old.st_mtime_ns))
    now = os.stat(path)
    assert (now.st_size, now.st_mtime_ns, now.st_ino) == (old.st_size, old.st_mtime_ns, old.st_ino)
    after = run(corpus, tmp_path / "cache")
    assert says(after, "fr_orage", 9800)
    assert not says(after, "fr_orage", 4800)
    assert shown(after) == shown(run(corpus, None))


def _stat(size: int, mtime_ns: int) -> Any:
    return SimpleNamespace(st_size=size, st_mtime_ns=mtime_ns, st_ctime_ns=mtime_ns, st_ino=7, st_dev=1, st_mode=0o100644)


def test_a_record_is_trusted_unread_only_when_the_file_is_older_than_the_racy_window(tmp_path):
    cache = open_cache(tmp_path / "cache")
    written = FileRecords(cache)
    read = ((("a",), pipeline.Document(id="a", path="a.txt", text="Huit blessés à Nîmes.", language="fr")),), ()
    old = _stat(21, written.started - 10 * RACY_NS)
    racy = _stat(21, written.started - RACY_NS // 2)
    written.remember("old", old, b"x" * 21, read)
    written.remember("racy", racy, b"x" * 21, read)
    assert written.save()
    later = FileRecords(cache)
    assert later.recall("old", old) == read
    assert later.recall("racy", racy) is None  # must be read: it may have changed within its mtime tick
    assert later.recall("old", _stat(22, old.st_mtime_ns)) is None  # another size
    assert later.recall_bytes("racy", racy, b"x" * 21) == read  # same bytes: not parsed again
    assert later.recall_bytes("racy", racy, b"y" * 21) is None
    assert (later.unread, later.unparsed) == (1, 1)
    cache.close()


def test_a_touched_article_is_read_but_not_parsed_again(corpus, tmp_path, monkeypatch):
    first = shown(run(corpus, tmp_path / "cache"))
    then = time.time_ns() - HOUR // 2
    os.utime(corpus / "fr_orage.txt", ns=(then, then))  # same bytes, another mtime
    parsed: list[str] = []
    import consistency.corpus.loader as loader

    real = loader._parse
    monkeypatch.setattr(loader, "_parse", lambda raw, file, *a: parsed.append(file.shown) or real(raw, file, *a))
    opens = Opens(monkeypatch, corpus)
    assert shown(run(corpus, tmp_path / "cache")) == first
    assert opens.paths == ["fr_orage.txt"] and parsed == []
    opens.paths.clear()
    assert shown(run(corpus, tmp_path / "cache")) == first
    assert opens.paths == []  # its new stat was recorded


@pytest.mark.parametrize("damage", ["payload bytes", "payload of another shape", "whole file"])
def test_a_damaged_file_record_never_changes_a_result(corpus, tmp_path, damage):
    expected = shown(run(corpus, None))
    run(corpus, tmp_path / "cache")
    db_path = tmp_path / "cache" / DB_NAME
    if damage == "whole file":
        db_path.write_bytes(b"\0garbage" * 512)
    else:
        db = sqlite3.connect(db_path)
        if damage == "payload bytes":
            db.execute("UPDATE files SET payload = replace(payload, X'34', X'39')")  # every "4" a "9"
        else:  # a well-formed payload with its checksum made right, but not what a file gives
            from consistency.cache import _checksum, _file_checked

            for key, stat, digest, seen in db.execute("SELECT key, stat, digest, seen FROM files").fetchall():
                payload = dumps(("not", "a file"))
                db.execute("UPDATE files SET payload = ?, checksum = ? WHERE key = ?",
                           (payload, _checksum(_file_checked(key, stat, digest, seen), payload), key))
        db.commit()
        db.close()
    assert shown(run(corpus, tmp_path / "cache")) == expected
    assert shown(run(corpus, tmp_path / "cache")) == expected  # and rebuilt
