"""The extraction cache: same results with and without it, whatever happened to its file."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import consistency.pipeline as pipeline
from consistency.cache import DB_NAME, ExtractionCache, dumps, extraction_version, loads, open_cache
from consistency.model import QUALIFIERS, Claim, Finding, Interval, TimeSpan

ROOT = Path(__file__).resolve().parent.parent

# Invented reports of one flood, in four languages, so that rules find agreements and echoes.
ARTICLES = {
    "fr_var.txt": """Crue soudaine dans le Var : le bilan s'alourdit

Publié le 12/03/2025 à 09h10

Au moins 14 personnes sont mortes dans les inondations qui ont frappé le Var mardi, selon la préfecture. Quelque 2 300 foyers restaient privés d'électricité mercredi matin.
""",
    "en_var.txt": """Floods in southern France kill 9

Published March 12, 2025

Nine people were killed in the floods that hit the Var department on Tuesday, the regional prefecture said. About 2,300 homes were still without power on Wednesday morning.
""",
    "de_var.txt": """Überschwemmungen in Südfrankreich

Veröffentlicht am 12.03.2025

Bei den Überschwemmungen im Departement Var sind am Dienstag 14 Menschen ums Leben gekommen, teilte die Präfektur mit. Rund 2300 Haushalte waren am Mittwochmorgen noch ohne Strom.
""",
    "es_var.txt": """Inundaciones en el sur de Francia

Publicado el 12/03/2025

Al menos nueve personas murieron en las inundaciones que golpearon el departamento de Var el martes, según la prefectura. Unos 2.300 hogares seguían sin electricidad el miércoles por la mañana.
""",
}


def write_corpus(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def observable(result):
    """What a user sees of a run: claims with their scope, findings with their fingerprints."""
    return (result.claims, result.findings, result.topics)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "articles")


@pytest.fixture
def uncached(corpus: Path):
    result = pipeline.check([corpus])
    assert result.findings, "the corpus must give findings for these tests to mean anything"
    return observable(result)


def forbid_extraction(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args, **kwargs):
        raise AssertionError("extracted although the cache had the claims")

    monkeypatch.setattr(pipeline, "extract_claims", fail)


# --- serialisation ---------------------------------------------------------------------------

dates = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
numbers = st.one_of(st.none(), st.integers(-10**18, 10**18), st.floats(allow_nan=False))
minutes = st.one_of(st.none(), st.integers(0, 1439))
texts = st.text(max_size=40)  # any code point, lone surrogates included
maybe_text = st.one_of(st.none(), texts)
spans = st.builds(
    TimeSpan,
    low=st.one_of(st.none(), dates),
    high=st.one_of(st.none(), dates),
    label=texts,
    kind=st.sampled_from(["point", "period", "since", "until", "as_of"]),
    low_minute=minutes,
    high_minute=minutes,
)
claims = st.builds(
    Claim,
    id=texts,
    document=texts,
    kind=st.sampled_from(["quantity", "date"]),
    span=st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)),
    quote=texts,
    line=st.integers(0, 10**6),
    value=st.one_of(st.builds(Interval, numbers, numbers), spans),
    qualifier=st.sampled_from(QUALIFIERS),
    unit=texts,
    category=maybe_text,
    event=maybe_text,
    actor=maybe_text,
    location=maybe_text,
    time=st.one_of(st.none(), spans),
    time_source=texts,
    attributed_to=maybe_text,
    attribution_quote=maybe_text,
    increment=st.booleans(),
    cumulative=st.booleans(),
    share_of=maybe_text,
    sentence=st.tuples(st.integers(0, 10**9), st.integers(0, 10**9)),
    measure=st.sampled_from(["total", "running", "increment", "difference", "part", "projection"]),
    place_level=st.one_of(st.none(), st.sampled_from(["country", "region", "city"])),
    place_source=texts,
    part_of=maybe_text,
    noun_source=texts,
)


@settings(deadline=None, max_examples=300)
@given(st.lists(claims, max_size=4).map(tuple))
@pytest.mark.slow
def test_claims_round_trip_exactly(values: tuple[Claim, ...]) -> None:
    back = loads(dumps(values))
    assert back == values
    # Equal is not enough: 1 and 1.0, or 0.0 and -0.0, are equal but print differently.
    assert repr(back) == repr(values)


@settings(deadline=None, max_examples=100)
@given(st.lists(st.builds(Finding, sides=st.lists(st.lists(texts).map(tuple)).map(tuple)), max_size=3).map(tuple))
@pytest.mark.slow
def test_findings_round_trip_exactly(values: tuple[Finding, ...]) -> None:
    assert repr(loads(dumps(values))) == repr(values)


@pytest.mark.parametrize("payload", [b"", b"{}", b"[1,2]", b'["c","Claim","x"]', b'["c","os.system"]', b"\xff\xfe"])
def test_a_payload_that_is_not_claims_is_refused(payload: bytes) -> None:
    with pytest.raises(ValueError):
        loads(payload)


# --- results with and without the cache ------------------------------------------------------


@pytest.mark.slow
def test_a_warm_run_reads_every_claim_from_the_cache(corpus, uncached, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached
    assert (cache_dir / DB_NAME).is_file()
    assert "*" in (cache_dir / ".gitignore").read_text(encoding="utf-8")  # never committed by accident
    forbid_extraction(monkeypatch)
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached


@pytest.mark.slow
def test_a_warm_run_does_not_evaluate_the_rules_again(corpus, uncached, tmp_path, monkeypatch):
    from consistency.ruleset import RuleSet

    pipeline.check([corpus], cache_dir=tmp_path / "cache")

    def fail(*args, **kwargs):
        raise AssertionError("rules evaluated although nothing they read changed")

    monkeypatch.setattr(RuleSet, "evaluate", fail)
    assert observable(pipeline.check([corpus], cache_dir=tmp_path / "cache")) == uncached


def test_an_edited_rule_file_gives_its_own_findings(corpus, tmp_path):
    rules = tmp_path / "rules"
    shutil.copytree(ROOT / "rules", rules)
    cache_dir = tmp_path / "cache"
    before = pipeline.check([corpus], rules=[rules], cache_dir=cache_dir)
    for path in rules.glob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("severity: info", "severity: warning"), encoding="utf-8")
    after = pipeline.check([corpus], rules=[rules], cache_dir=cache_dir)
    assert observable(after) == observable(pipeline.check([corpus], rules=[rules]))
    assert [f.severity for f in after.findings] != [f.severity for f in before.findings]


def test_a_changed_article_is_read_again(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    path = corpus / "en_var.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Nine people", "Eleven people"), encoding="utf-8")
    warm = pipeline.check([corpus], cache_dir=cache_dir)
    assert observable(warm) == observable(pipeline.check([corpus]))
    assert any(c.value == Interval(11, 11) for c in warm.claims if c.document == "en_var")


def test_other_lexicon_data_is_another_version(tmp_path):
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "origins.yaml").write_text("en: {}\n", encoding="utf-8")
    before = extraction_version((lexicon,))
    assert before != extraction_version(())
    (lexicon / "origins.yaml").write_text("fr: {}\n", encoding="utf-8")
    extraction_version.cache_clear()
    assert extraction_version((lexicon,)) != before


# --- damaged caches ---------------------------------------------------------------------------


def damage_garbage(db: Path) -> None:
    db.write_bytes(b"this is not a database, a sync tool mangled it\n" * 200)


def damage_truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


def damage_payload(db: Path) -> None:
    """Flip bits in stored claims behind SQLite's back: only the checksum can see it."""
    with sqlite3.connect(db) as con:
        for old, new in (('"Var"', '"Nord"'), ("14", "41"), ("corroboration", "contradiction")):
            for table in ("claims", "findings"):
                con.execute(
                    f"UPDATE {table} SET payload = CAST(replace(CAST(payload AS TEXT), ?, ?) AS BLOB)", (old, new)
                )


def damage_pages(db: Path) -> None:
    data = bytearray(db.read_bytes())
    for i in range(4096, len(data), 97):  # every page after the header gets noise
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("damage", [damage_garbage, damage_truncate, damage_payload, damage_pages])
@pytest.mark.slow
def test_a_damaged_cache_never_changes_the_result(damage, corpus, uncached, tmp_path):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    damage(cache_dir / DB_NAME)
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached
    # ...and the cache is whole again for the next run.
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached
    with sqlite3.connect(cache_dir / DB_NAME) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == len(ARTICLES)


def test_a_cache_folder_that_cannot_be_written_is_skipped(corpus, uncached, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be", encoding="utf-8")
    assert observable(pipeline.check([corpus], cache_dir=blocker / "cache")) == uncached


KILLED_WRITER = textwrap.dedent(
    """
    import sys, time
    import consistency.cache as cache
    from consistency.pipeline import check

    real = cache.dumps
    written = []

    def slow(values):  # the run stops in the middle of its write transaction
        written.append(1)
        if len(written) == 2:
            print("writing", flush=True)
            time.sleep(60)
        return real(values)

    cache.dumps = slow
    check([sys.argv[1]], cache_dir=sys.argv[2])
    """
)


@pytest.mark.slow
def test_a_run_killed_while_writing_the_cache_changes_nothing(corpus, uncached, tmp_path):
    cache_dir = tmp_path / "cache"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_WRITER, str(corpus), str(cache_dir)],
        stdout=subprocess.PIPE,
        env=env,
        cwd=tmp_path,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == b"writing"
        child.send_signal(signal.SIGKILL)
    finally:
        child.wait(timeout=60)
    assert (cache_dir / DB_NAME).exists()
    with sqlite3.connect(cache_dir / DB_NAME) as con:  # the open transaction was rolled back
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached


def test_entries_of_another_version_are_never_read(corpus, uncached, tmp_path):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    with sqlite3.connect(cache_dir / DB_NAME) as con:
        con.execute("UPDATE claims SET version = 'an older release'")
    with ExtractionCache(cache_dir, "an older release") as old:
        assert old.get_many([b"no such key"]) == {}
    with open_cache(cache_dir) as current:
        assert current.get_many([bytes(20)]) == {}
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached


@pytest.mark.slow
def test_a_cache_locked_by_another_run_is_left_alone(corpus, uncached, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    monkeypatch.setattr(ExtractionCache, "LOCK_TIMEOUT", 0.2)
    inode = (cache_dir / DB_NAME).stat().st_ino
    other = sqlite3.connect(cache_dir / DB_NAME, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")  # another run in the middle of its write
    try:
        assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert (cache_dir / DB_NAME).stat().st_ino == inode  # its file was not taken for damage
    with sqlite3.connect(cache_dir / DB_NAME) as con:
        assert con.execute("SELECT count(*) FROM claims").fetchone()[0] == len(ARTICLES)
