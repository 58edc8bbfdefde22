"""Baseline files and CI gating, on results built by hand."""

from __future__ import annotations

import functools
import importlib.util
import json
import os
import sys
import tempfile
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.baseline import (
    Baseline,
    BaselineEntry,
    apply_baseline,
    baseline_from_result,
    dump_baseline,
    gate,
    load_baseline,
    prune_baseline,
    save_baseline,
    update_baseline,
)
from consistency.errors import InputError, UsageError
from consistency.model import Finding, Result, Topic

ROOT = Path(__file__).resolve().parent.parent


def finding(
    fp: str,
    *,
    digest: str = "d1",
    kind: str = "contradiction",
    severity: str = "error",
    topic: str = "t-soldiers",
    message: str = "11 000 vs 14 000 North Korean soldiers deployed",
) -> Finding:
    return Finding(
        fingerprint=fp,
        rule="quantity-contradiction" if kind == "contradiction" else f"quantity-{kind}",
        kind=kind,
        severity=severity,
        topic=topic,
        claims=("c-1", "c-2"),
        message=message,
        digest=digest,
    )


def result(*findings: Finding) -> Result:
    topics = (
        Topic(
            id="t-soldiers",
            key=("quantity", "North Korea", "soldiers", "deployed"),
            label="North Korean soldiers deployed · Kursk",
            claims=("c-1", "c-2"),
        ),
    )
    return Result(
        corpus="seeds", documents=(), claims=(), topics=topics, findings=tuple(findings)
    )


# --- file round trip ------------------------------------------------------------------------


def test_round_trip_is_equal_sorted_and_byte_stable(tmp_path: Path) -> None:
    run = result(finding("fp-b"), finding("fp-a", digest="d2"), finding("fp-c", severity="warning"))
    baseline = baseline_from_result(run, reasons={"fp-a": "accepted: two different dates"})
    path = tmp_path / "consistency-baseline.json"

    save_baseline(path, baseline)
    first = path.read_bytes()
    loaded = load_baseline(path)
    save_baseline(path, loaded)

    assert loaded == baseline
    assert path.read_bytes() == first
    data = json.loads(first)
    assert data["schema_version"] == 1
    assert [f["fingerprint"] for f in data["findings"]] == ["fp-a", "fp-b", "fp-c"]
    assert data["findings"][0]["reason"] == "accepted: two different dates"
    assert data["findings"][0]["topic"] == "North Korean soldiers deployed · Kursk"
    assert first.endswith(b"}\n")


def test_file_is_readable_and_has_no_timestamp(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    save_baseline(path, baseline_from_result(result(finding("fp-a", message="Corée du Nord"))))
    text = path.read_text(encoding="utf-8")
    assert "Corée du Nord" in text  # not \u00e9 escapes: a reviewer reads this file
    assert text.startswith("{\n  ")
    for word in ("time", "date", "created", "generated"):
        assert word not in json.loads(text)
        assert all(word not in key for key in json.loads(text)["findings"][0])


_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.builds(
            BaselineEntry,
            fingerprint=_text,
            rule=_text,
            kind=_text,
            severity=st.sampled_from(["info", "warning", "error"]),
            topic_label=_text,
            digest=_text,
            summary=_text,
            reason=st.none() | _text,
        ),
        unique_by=lambda e: e.fingerprint,
        max_size=8,
    )
)
@pytest.mark.slow
def test_any_baseline_survives_save_and_load(entries: list[BaselineEntry]) -> None:
    baseline = Baseline(tuple(entries))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "b.json"
        save_baseline(path, baseline)
        assert load_baseline(path) == baseline
        assert path.read_text(encoding="utf-8") == dump_baseline(Baseline(tuple(reversed(entries))))


def test_failing_save_leaves_the_old_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "b.json"
    save_baseline(path, baseline_from_result(result(finding("fp-old"))))
    before = path.read_bytes()

    def broken_replace(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_baseline(path, baseline_from_result(result(finding("fp-new"), finding("fp-other"))))

    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["b.json"]


# --- malformed files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        ('{"schema_version": 1, "findings": [', "not valid JSON"),
        ("[]", "JSON object"),
        ('{"findings": []}', "schema_version"),
        ('{"schema_version": 2, "findings": []}', "schema_version 2"),
        ('{"schema_version": true, "findings": []}', "schema_version True"),
        ('{"schema_version": 1, "findings": {}}', "'findings' must be a list"),
        ('{"schema_version": 1, "findings": [{"fingerprint": "x"}]}', "lacks 'rule'"),
        (
            '{"schema_version": 1, "findings": [{"fingerprint": "x", "rule": "r", "kind": "k",'
            ' "severity": "error", "topic": "t", "digest": "d", "summary": "s", "reson": "ok"}]}',
            "did you mean 'reason'",
        ),
        (
            '{"schema_version": 1, "findings": [{"fingerprint": 3, "rule": "r", "kind": "k",'
            ' "severity": "error", "topic": "t", "digest": "d", "summary": "s"}]}',
            "fingerprint must be a string",
        ),
    ],
)
def test_malformed_baseline_is_one_line_naming_the_file(
    tmp_path: Path, content: str, says: str
) -> None:
    path = tmp_path / "consistency-baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as err:
        load_baseline(path)
    message = str(err.value)
    assert message.startswith(str(path))
    assert says in message
    assert "\n" not in message


def test_duplicate_fingerprints_are_rejected(tmp_path: Path) -> None:
    entry = {"fingerprint": "x", "rule": "r", "kind": "k", "severity": "error", "topic": "t",
             "digest": "d", "summary": "s"}  # fmt: skip
    path = tmp_path / "b.json"
    path.write_text(json.dumps({"schema_version": 1, "findings": [entry, entry]}), encoding="utf-8")
    with pytest.raises(InputError, match="appears twice"):
        load_baseline(path)


def test_missing_baseline_says_how_to_create_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="baseline create"):
        load_baseline(tmp_path / "nope.json")


def test_hand_written_reason_is_optional(tmp_path: Path) -> None:
    path = tmp_path / "b.json"
    entry = {"fingerprint": "x", "rule": "r", "kind": "k", "severity": "error", "topic": "t",
             "digest": "d", "summary": "s"}  # fmt: skip
    path.write_text(json.dumps({"schema_version": 1, "findings": [entry]}), encoding="utf-8")
    assert load_baseline(path).entries[0].reason is None


# --- statuses ------------------------------------------------------------------------------


def test_statuses_new_known_changed_resolved() -> None:
    accepted = baseline_from_result(
        result(finding("fp-known"), finding("fp-moved"), finding("fp-gone", message="gone  now")),
        reasons={"fp-known": "different dates", "fp-moved": "different places"},
    )
    run = result(finding("fp-known"), finding("fp-moved", digest="d9"), finding("fp-fresh"))

    marked = apply_baseline(run, accepted)

    status = {f.fingerprint: f.status for f in marked.findings}
    assert status == {"fp-known": "known", "fp-moved": "changed", "fp-fresh": "new"}
    reasons = {f.fingerprint: f.reason for f in marked.findings}
    assert reasons == {
        "fp-known": "different dates",
        "fp-moved": "different places",
        "fp-fresh": None,
    }
    assert [(f.fingerprint, f.status, f.message) for f in marked.resolved] == [
        ("fp-gone", "resolved", "gone now")
    ]
    assert run.findings[0].status == "new"  # the input result is untouched


def test_update_adds_new_refreshes_changed_and_keeps_reasons_and_resolved() -> None:
    accepted = baseline_from_result(
        result(finding("fp-moved"), finding("fp-gone")),
        reasons={"fp-moved": "accepted: different dates", "fp-gone": "old story"},
    )
    run = result(finding("fp-moved", digest="d9", message="11 000 vs 15 000"), finding("fp-fresh"))

    updated = update_baseline(accepted, run)

    by_fp = updated.by_fingerprint()
    assert sorted(by_fp) == ["fp-fresh", "fp-gone", "fp-moved"]
    assert by_fp["fp-moved"].digest == "d9"
    assert by_fp["fp-moved"].summary == "11 000 vs 15 000"
    assert by_fp["fp-moved"].reason == "accepted: different dates"
    assert by_fp["fp-gone"].reason == "old story"
    assert by_fp["fp-fresh"].reason is None
    assert {f.status for f in apply_baseline(run, updated).findings} == {"known"}


def test_prune_drops_what_is_no_longer_produced() -> None:
    accepted = baseline_from_result(
        result(finding("fp-stays"), finding("fp-gone")), reasons={"fp-stays": "why"}
    )
    pruned = prune_baseline(accepted, result(finding("fp-stays", digest="d9")))
    kept = [(e.fingerprint, e.digest, e.reason) for e in pruned.entries]
    assert kept == [("fp-stays", "d1", "why")]
    assert apply_baseline(result(finding("fp-stays")), pruned).resolved == ()


def test_baseline_from_a_marked_result_keeps_its_reasons() -> None:
    accepted = baseline_from_result(result(finding("fp-a")), reasons={"fp-a": "why"})
    again = baseline_from_result(apply_baseline(result(finding("fp-a")), accepted))
    assert again == accepted


_runs = st.dictionaries(st.sampled_from("abcdefgh"), st.sampled_from(["d1", "d2"]), max_size=8)


@given(accepted=_runs, produced=_runs)
@pytest.mark.slow
def test_statuses_follow_fingerprints_and_digests(
    accepted: dict[str, str], produced: dict[str, str]
) -> None:
    baseline = baseline_from_result(result(*(finding(fp, digest=d) for fp, d in accepted.items())))
    run = result(*(finding(fp, digest=d) for fp, d in produced.items()))

    marked = apply_baseline(run, baseline)

    for f in marked.findings:
        expected = (
            "new"
            if f.fingerprint not in accepted
            else "known"
            if accepted[f.fingerprint] == f.digest
            else "changed"
        )
        assert f.status == expected
    assert {f.fingerprint for f in marked.resolved} == set(accepted) - set(produced)
    updated = update_baseline(baseline, run)
    assert {f.status for f in apply_baseline(run, updated).findings} <= {"known"}
    assert {e.fingerprint for e in updated.entries} == set(accepted) | set(produced)
    assert {e.fingerprint for e in prune_baseline(baseline, run).entries} == set(accepted) & set(
        produced
    )
    assert gate(apply_baseline(run, updated), fail_on="info", kinds=None, with_baseline=True) == ()


# --- gating ------------------------------------------------------------------------------


def _mixed_run() -> Result:
    return result(
        finding("c-err"),
        finding("c-warn", severity="warning"),
        finding("c-info", severity="info"),
        finding("corr", kind="corroboration", severity="info"),
        finding("upd", kind="update", severity="warning"),
    )


def test_without_baseline_contradiction_errors_fail_by_default() -> None:
    assert [f.fingerprint for f in gate(_mixed_run(), with_baseline=False)] == ["c-err"]


@pytest.mark.parametrize(
    ("fail_on", "kinds", "expected"),
    [
        ("error", ("contradiction",), ["c-err"]),
        ("warning", ("contradiction",), ["c-err", "c-warn"]),
        ("info", ("contradiction",), ["c-err", "c-warn", "c-info"]),
        ("warning", None, ["c-err", "c-warn", "upd"]),
        ("info", ("corroboration", "update"), ["corr", "upd"]),
        ("info", "update", ["upd"]),
        ("error", (), []),
    ],
)
def test_fail_on_and_kinds(
    fail_on: str, kinds: tuple[str, ...] | str | None, expected: list[str]
) -> None:
    gated = gate(_mixed_run(), fail_on=fail_on, kinds=kinds, with_baseline=False)
    assert [f.fingerprint for f in gated] == expected


def test_with_baseline_only_new_and_changed_fail() -> None:
    accepted = baseline_from_result(result(finding("known"), finding("moved"), finding("gone")))
    run = apply_baseline(
        result(finding("known"), finding("moved", digest="d2"), finding("fresh")), accepted
    )
    assert [f.fingerprint for f in gate(run, with_baseline=True)] == ["moved", "fresh"]
    # the same run judged without its baseline fails on every contradiction error
    assert len(gate(run, with_baseline=False)) == 3


def test_accepted_baseline_makes_the_same_run_pass() -> None:
    run = _mixed_run()
    marked = apply_baseline(run, baseline_from_result(run))
    assert gate(marked, fail_on="info", kinds=None, with_baseline=True) == ()


def test_unknown_fail_on_level_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="did you mean 'warning'"):
        gate(_mixed_run(), fail_on="warn", with_baseline=False)


# --- benchmark corpus generator (benchmarks/generate_corpus.py) ------------------------------


@functools.cache
def _generator() -> ModuleType:
    """The generator is a script, not part of the package: load it from its file."""
    spec = importlib.util.spec_from_file_location(
        "generate_corpus", ROOT / "benchmarks" / "generate_corpus.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while it loads
    spec.loader.exec_module(module)
    return module


def _snapshot(folder: Path) -> dict[str, bytes]:
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    return {str(p.relative_to(folder)): p.read_bytes() for p in files}


def _count_articles(folder: Path) -> Counter[str]:
    counts: Counter[str] = Counter()
    for p in folder.rglob("*"):
        if p.suffix == ".jsonl":
            counts["jsonl"] += sum(1 for line in p.read_text(encoding="utf-8").splitlines() if line)
        elif p.suffix in (".txt", ".md"):
            counts[p.suffix[1:]] += 1
    return counts


@pytest.mark.slow
def test_generator_is_deterministic_and_mixes_formats_and_languages(tmp_path: Path) -> None:
    generate = _generator().generate
    generate(120, tmp_path / "a", seed=7)
    generate(120, tmp_path / "b", seed=7)
    generate(120, tmp_path / "c", seed=8)

    assert _snapshot(tmp_path / "a") == _snapshot(tmp_path / "b")
    assert _snapshot(tmp_path / "a") != _snapshot(tmp_path / "c")
    counts = _count_articles(tmp_path / "a")
    assert sum(counts.values()) == 120
    assert all(counts[fmt] > 0 for fmt in ("txt", "md", "jsonl"))

    texts = [b.decode("utf-8") for b in _snapshot(tmp_path / "a").values()]
    assert any("selon" in t.lower() for t in texts)
    assert any("according to" in t.lower() for t in texts)
    for batch in (tmp_path / "a").glob("*.jsonl"):
        for line in batch.read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            assert record["text"] and record["language"] in ("fr", "en")


def test_generator_writes_exactly_n_for_small_n(tmp_path: Path) -> None:
    generate = _generator().generate
    for n in (0, 1, 3, 17):
        out = tmp_path / str(n)
        generate(n, out, seed=1)
        assert sum(_count_articles(out).values()) == n

