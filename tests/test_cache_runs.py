"""An unchanged corpus gives back the last run's report, output, summary and exit code without
reading an article or running the pipeline; any change to a file, an option or the stored
output goes through the pipeline again and gives what a run without the cache gives.
Counted (pipeline runs, files opened), never timed."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import consistency.cache as cache_module
import consistency.pipeline as pipeline
from consistency.cache import DB_NAME, RunOutput, _output_bytes, _output_of
from consistency.cli import main
from consistency.model import Severity
from consistency.report.json import _indented
from consistency.report.markdown import _ANCHOR_UNSAFE, _anchors
from tests.test_cache_files import ARTICLES, HOUR, Opens, write_corpus

ROOT = Path(__file__).resolve().parent.parent


class Runs:
    """Counts the runs that went through the pipeline."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.count = 0
        real = pipeline.check

        def counting(*args, **kwargs):
            self.count += 1
            return real(*args, **kwargs)

        monkeypatch.setattr(pipeline, "check", counting)


@pytest.fixture
def project(tmp_path, monkeypatch):
    # Files written by a test are seconds old: trusted by their stat at once, as files a user
    # has not touched for a while are (RACY_NS is tested on its own below).
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    write_corpus(tmp_path / "articles")
    monkeypatch.chdir(tmp_path)
    return tmp_path


ARGS = ["articles", "--report", "out/report.md", "--format", "json", "--output", "out/result.json",
        "--cache-dir", "cache"]


def run(argv, capsys):
    """Exit code, stdout, stderr and the two files written."""
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err, Path("out/report.md").read_bytes(), Path("out/result.json").read_bytes()


def uncached(capsys):
    return run([*ARGS[:-2], "--no-cache"], capsys)


def test_an_unchanged_corpus_gives_back_the_last_output_without_reading_an_article(project, capsys, monkeypatch):
    first = run(ARGS, capsys)
    runs = Runs(monkeypatch)
    opens = Opens(monkeypatch, project / "articles")
    (project / "out" / "report.md").unlink()  # written again, from the cache
    again = run(ARGS, capsys)
    assert runs.count == 0 and opens.paths == []
    assert again == first
    code, _, err, report, result = uncached(capsys)
    assert (code, report, result) == (again[0], again[3], again[4])
    assert "warning: skipped" in err and "warning: skipped" in again[2]  # the JSON line that is not an article
    figures = {c["document"] for c in json.loads(again[4])["claims"]}
    assert {"fr_orage", "en_storm", "de_unwetter", "es_tormentas"} <= figures


def test_the_gate_and_its_messages_are_given_back(project, capsys, monkeypatch):
    argv = [*ARGS, "--fail-on", "info"]
    first = run(argv, capsys)
    runs = Runs(monkeypatch)
    again = run(argv, capsys)
    assert runs.count == 0
    assert again[:3] == first[:3]
    assert "corroboration" in again[2] and "Report written to out/report.md" in again[2]  # the summary
    assert run([*argv, "--quiet"], capsys)[2].count("\n") < again[2].count("\n")  # another option: its own run
    assert runs.count == 1


@pytest.mark.parametrize("language,name,old,new,figure", [
    ("fr", "fr_orage.txt", "Trois personnes", "Sept personnes", 7),
    ("en", "en_storm.txt", "Five people", "Eight people", 8),
    ("de", "batch.jsonl", "drei Menschen", "neun Menschen", 9),
    ("es", "batch.jsonl", "Tres personas", "Seis personas", 6),
])
def test_an_edited_article_goes_through_the_pipeline(project, capsys, monkeypatch, language, name, old, new, figure):
    run(ARGS, capsys)
    path = project / "articles" / name
    path.write_text(ARTICLES[name].replace(old, new), encoding="utf-8")
    runs = Runs(monkeypatch)
    edited = run(ARGS, capsys)
    assert runs.count == 1
    assert edited[3:] == uncached(capsys)[3:]
    said = [c for c in json.loads(edited[4])["claims"] if c["document"].startswith(language) and c["kind"] == "quantity"]
    assert any(c["value"]["low"] <= figure <= c["value"]["high"] for c in said)
    runs.count = 0
    assert run(ARGS, capsys) == edited and runs.count == 0  # and the next re-run is given back


def test_a_touched_article_a_new_file_or_another_option_is_another_run(project, capsys, monkeypatch):
    run(ARGS, capsys)
    runs = Runs(monkeypatch)
    now = time.time_ns()
    os.utime(project / "articles" / "en_storm.txt", ns=(now, now))  # same bytes, new stat
    touched = run(ARGS, capsys)
    assert runs.count == 1 and touched[3:] == uncached(capsys)[3:]
    runs.count = 0
    (project / "articles" / "en_copy.txt").write_text(ARTICLES["en_storm.txt"], encoding="utf-8")
    run(ARGS, capsys)
    assert runs.count == 1
    runs.count = 0
    run([*ARGS, "--select", "quantity-*"], capsys)
    assert runs.count == 1


@pytest.mark.parametrize("damage", ["payload", "checksum", "header", "file"])
def test_a_damaged_stored_output_is_never_given_back(project, capsys, monkeypatch, damage):
    first = run(ARGS, capsys)
    db_path = project / "cache" / DB_NAME
    if damage == "file":
        db_path.write_bytes(b"this is not a database, a sync tool wrote it" * 100)
    else:
        with sqlite3.connect(db_path) as db:
            column = "payload" if damage != "checksum" else "checksum"
            if damage == "header":  # a header that is valid JSON of another shape, checksum made to fit
                key, payload = db.execute("SELECT key, payload FROM outputs").fetchone()
                forged = b'{"files": 3}' + payload[payload.index(b"\n"):]
                db.execute("UPDATE outputs SET payload = ?, checksum = ?",
                           (forged, cache_module._checksum(key, forged)))
            else:
                db.execute(f"UPDATE outputs SET {column} = substr({column}, 1, length({column}) - 3) || x'000102'")
    runs = Runs(monkeypatch)
    again = run(ARGS, capsys)
    assert runs.count == 1
    assert again[0] == first[0] and again[3:] == first[3:]


KILLED_WRITER = """
import os, signal, sqlite3, sys
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
db.execute("UPDATE outputs SET payload = x'00', checksum = x'00'")
db.execute("INSERT INTO outputs VALUES (x'01', x'02', x'03', 99)")
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_a_run_killed_while_storing_an_output_leaves_the_last_one(project, capsys, monkeypatch):
    first = run(ARGS, capsys)
    child = subprocess.run([sys.executable, "-c", KILLED_WRITER, str(project / "cache" / DB_NAME)], check=False)
    assert child.returncode == -signal.SIGKILL
    runs = Runs(monkeypatch)
    assert run(ARGS, capsys) == first  # the half-written transaction was rolled back
    assert runs.count == 0


def test_files_modified_just_before_a_run_are_not_trusted_by_their_stat(tmp_path, capsys, monkeypatch):
    """An edit within the same mtime tick as the run that read the file would not show in its
    stat: such a run's output is not given back (git's "racily clean" entries)."""
    write_corpus(tmp_path / "articles", age_ns=HOUR)  # its ctime is now
    monkeypatch.chdir(tmp_path)
    first = run(ARGS, capsys)
    runs = Runs(monkeypatch)
    assert run(ARGS, capsys)[3:] == first[3:]
    assert runs.count == 1


def test_a_stored_output_reads_back_exactly_and_refuses_other_bytes():
    output = RunOutput((("out/report.md", "# Rapport\n\u00e9\n".encode()), ("r.json", b"{}")), "{}\n",
                       "\x1b[1mFindings\x1b[0m\n", 1, time.time_ns())
    payload = _output_bytes(output)
    assert _output_of(payload) == output
    assert _output_of(payload[:-1]) is None
    assert _output_of(payload + b"x") is None
    assert _output_of(b"no header at all") is None
    assert not output.trusted(output.started) and output.trusted(output.started - cache_module.RACY_NS - 1)


# --- what a run that is not given back writes, as fast as it can: the same bytes ------------------

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False)
    | st.text() | st.sampled_from([Severity.ERROR, -0.0, 1e16, 5e-324, "\u2028\x00\x1f\"\\\u00e9"]),
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
    | st.dictionaries(st.text(max_size=5) | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.booleans() | st.none(),
                      inner, max_size=4),
    max_leaves=30,
)


@settings(max_examples=300, deadline=None)
@given(JSON_VALUES)
def test_the_json_report_is_written_byte_for_byte_as_json_writes_it(value):
    assert _indented(value) == json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)


@pytest.mark.parametrize("bad", [float("nan"), [1, {"x": float("inf")}], {"x": {1, 2}}, {(1, 2): 3}])
def test_the_json_report_refuses_what_json_refuses(bad):
    with pytest.raises((ValueError, TypeError)):
        json.dumps(bad, ensure_ascii=False, indent=2, allow_nan=False)
    with pytest.raises((ValueError, TypeError)):
        _indented(bad)


def naive_anchors(groups):
    """The report's anchors as first written: every clash tried again from "-2" up."""
    anchors, used = {}, set()
    for kind, prefix, ids in groups:
        for ident in ids:
            base = prefix + (_ANCHOR_UNSAFE.sub("-", ident.lower()).strip("-")[:40] or "x")
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            anchors[(kind, ident)] = anchor
    return anchors


def test_report_anchors_of_ids_sharing_a_long_prefix_are_those_of_the_first_way():
    """Outlets name their files alike ("reportage-special-inondations-...-1", "-2"…): anchors cut
    at 40 characters clash; each clash resumes where the last one for that prefix stopped."""
    long = "reportage-special-inondations-dans-le-gard-"
    docs = sorted({f"{long}{i}" for i in range(300)} | {"a", "a-2", "a!", "A", "", "a-3-2"} | {f"{long[:40]}-{i}" for i in range(5)})
    topics = ["quantity|dead|gard", "quantity|dead|gard!"]
    result = SimpleNamespace(topics=[SimpleNamespace(id=t) for t in topics], findings=[],
                             documents=[SimpleNamespace(id=d) for d in docs])
    got = _anchors(result)
    assert got == naive_anchors([("topic", "topic-", sorted(topics)), ("finding", "finding-", []),
                                 ("doc", "source-", docs)])
    assert len(set(got.values())) == len(got)


def test_an_article_reached_through_a_link_is_seen_when_its_target_changes(project, capsys, monkeypatch):
    elsewhere = project / "elsewhere"
    elsewhere.mkdir()
    target = elsewhere / "en_extra.txt"
    target.write_text(ARTICLES["en_storm.txt"].replace("Five people", "Four people"), encoding="utf-8")
    (project / "articles" / "en_extra.txt").symlink_to(target)
    first = run(ARGS, capsys)
    runs = Runs(monkeypatch)
    assert run(ARGS, capsys) == first and runs.count == 0
    target.write_text(ARTICLES["en_storm.txt"].replace("Five people", "Twelve people"), encoding="utf-8")
    edited = run(ARGS, capsys)
    assert runs.count == 1
    said = [c for c in json.loads(edited[4])["claims"] if c["document"] == "en_extra" and c["kind"] == "quantity"]
    assert any(c["value"]["low"] <= 12 <= c["value"]["high"] for c in said)
    assert not any(c["value"]["low"] <= 4 <= c["value"]["high"] for c in said)
