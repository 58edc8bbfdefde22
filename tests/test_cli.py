"""The command line as users and CI jobs meet it: exit codes, streams, files, errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"

NEW_CONTRADICTION = """Pyongyang a déployé 30 000 soldats nord-coréens dans la région de Koursk à l'automne 2024, selon le Pentagone.
"""


def run(argv, capsys, cwd=None, monkeypatch=None):
    if cwd is not None:
        monkeypatch.chdir(cwd)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def corpus(tmp_path):
    target = tmp_path / "articles"
    shutil.copytree(SEEDS, target)
    return target


@pytest.mark.slow
def test_plain_run_on_seeds_exits_0_and_writes_report(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copytree(SEEDS, tmp_path / "seeds")
    code, out, err = run([], capsys)
    assert code == 0
    report = tmp_path / "reports" / "seeds.md"
    assert report.is_file()
    assert "contradiction" in report.read_text(encoding="utf-8").lower()
    assert out == ""  # the text format writes its summary on stderr
    assert "contradiction" in err.lower()


@pytest.mark.slow
def test_json_goes_to_stdout_and_nothing_else(corpus, capsys):
    code, out, err = run([corpus, "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert data["schema_version"] == 1
    assert {d["id"] for d in data["documents"]} == {p.stem for p in SEEDS.glob("*.txt")}
    for claim in data["claims"]:
        doc = next(d for d in data["documents"] if d["id"] == claim["document"])
        text = (ROOT / "seeds" / Path(doc["path"]).name).read_text(encoding="utf-8")
        assert text[claim["span"][0]:claim["span"][1]] == claim["quote"]


@pytest.mark.slow
def test_same_bytes_whatever_the_file_order(tmp_path, capsys, monkeypatch):
    a, b = tmp_path / "a" / "seeds", tmp_path / "b" / "seeds"
    a.mkdir(parents=True)
    b.mkdir(parents=True)
    files = sorted(SEEDS.glob("*.txt"))
    for f in files:
        shutil.copy(f, a / f.name)
    for f in reversed(files):
        shutil.copy(f, b / f.name)
    outs, reports = [], []
    for d in (a, b):
        monkeypatch.chdir(d.parent)
        code, out, _ = run(["seeds", "--format", "json"], capsys)
        assert code == 0
        outs.append(out)
        assert run(["seeds", "-q"], capsys)[0] == 0
        reports.append((d.parent / "reports" / "seeds.md").read_bytes())
    assert outs[0] == outs[1]
    assert reports[0] == reports[1]


def test_missing_path_is_one_line_and_exit_2(tmp_path, capsys):
    code, out, err = run([tmp_path / "nope"], capsys)
    assert code == 2
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err


def test_empty_folder_is_exit_2(tmp_path, capsys):
    (tmp_path / "empty").mkdir()
    code, _, err = run([tmp_path / "empty"], capsys)
    assert code == 2 and "empty" in err and err.count("\n") == 1


def test_unknown_option_and_format_are_exit_2(corpus, capsys):
    code, _, err = run([corpus, "--frobnicate"], capsys)
    assert code == 2 and "frobnicate" in err and "Traceback" not in err
    code, _, err = run([corpus, "--format", "pdf"], capsys)
    assert code == 2 and "pdf" in err


@pytest.mark.slow
def test_binary_and_empty_files_are_skipped_and_listed(corpus, capsys, tmp_path):
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    report = tmp_path / "report.md"
    code, out, err = run([corpus, "--report", report], capsys)
    assert code == 0
    assert "image.txt" in err and "empty.txt" in err
    text = report.read_text(encoding="utf-8")
    assert "image.txt" in text and "empty.txt" in text


def test_bad_rule_file_is_exit_2_naming_file_and_line(corpus, capsys, tmp_path):
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("version: 1\nrules:\n  - id: x\n    kind: quantity-contradiction\n    severty: error\n", encoding="utf-8")
    code, _, err = run([corpus, "--rules", rules], capsys)
    assert code == 2
    first = err.splitlines()[0]
    assert "bad.yaml:5" in first and "severty" in first
    assert "Traceback" not in err


@pytest.mark.slow
def test_graph_is_written_as_graphml_and_json(corpus, capsys, tmp_path):
    import networkx as nx

    for name in ("g.graphml", "g.json"):
        code, _, _ = run([corpus, "--graph", tmp_path / name, "-q", "--no-report"], capsys)
        assert code == 0
    g = nx.read_graphml(tmp_path / "g.graphml")
    types = {d["type"] for _, d in g.nodes(data=True)}
    assert types == {"document", "claim", "origin", "topic"}
    data = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert any(n["type"] == "topic" and "·" in n["label"] for n in data["nodes"])


@pytest.mark.slow
def test_baseline_gates_only_new_contradictions(corpus, capsys, tmp_path):
    baseline = tmp_path / "baseline.json"
    code, _, _ = run(["baseline", "create", corpus, "--baseline", baseline], capsys)
    assert code == 0 and baseline.is_file()
    first = json.loads(baseline.read_text(encoding="utf-8"))

    code, out, _ = run([corpus, "--baseline", baseline, "--format", "json"], capsys)
    assert code == 0
    assert {f["status"] for f in json.loads(out)["findings"]} == {"known"}

    # Reordered and renamed files: same fingerprints, still nothing new.
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    for i, f in enumerate(sorted(corpus.glob("*.txt"), reverse=True)):
        shutil.copy(f, renamed / f"z{i}_{f.name}")
    code, out, _ = run([renamed, "--baseline", baseline, "--format", "json"], capsys)
    assert code == 0
    assert {f["fingerprint"] for f in json.loads(out)["findings"]} == {e["fingerprint"] for e in first["findings"]}

    # A new article with a new contradiction fails the run and is named.
    (corpus / "005_new.txt").write_text(NEW_CONTRADICTION, encoding="utf-8")
    code, out, err = run([corpus, "--baseline", baseline, "--format", "json"], capsys)
    assert code == 1
    new = [f for f in json.loads(out)["findings"] if f["status"] == "new" and f["kind"] == "contradiction"]
    assert new and any("30" in f["message"] for f in new)
    assert new[0]["fingerprint"] in err

    assert run([corpus, "--baseline", baseline, "--exit-zero", "-q", "--no-report"], capsys)[0] == 0
    assert run(["baseline", "update", corpus, "--baseline", baseline], capsys)[0] == 0
    assert run([corpus, "--baseline", baseline, "-q", "--no-report"], capsys)[0] == 0


@pytest.mark.slow
def test_baseline_is_not_overwritten_by_a_failed_run(corpus, capsys, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert run(["baseline", "create", corpus, "--baseline", baseline], capsys)[0] == 0
    before = baseline.read_bytes()
    code, _, _ = run(["baseline", "update", tmp_path / "missing", "--baseline", baseline], capsys)
    assert code == 2
    assert baseline.read_bytes() == before


@pytest.mark.slow
def test_fail_on_without_baseline_gates_every_finding(corpus, capsys):
    code, _, _ = run([corpus, "--fail-on", "warning", "-q", "--no-report"], capsys)
    assert code == 1
    code, _, _ = run([corpus, "--fail-on", "warning", "--exit-zero", "-q", "--no-report"], capsys)
    assert code == 0


@pytest.mark.slow
def test_github_annotations(corpus, capsys):
    code, out, _ = run([corpus, "--format", "github"], capsys)
    assert code == 0
    assert any(line.startswith(("::error file=", "::warning file=")) for line in out.splitlines())


def test_extract_shows_claims_and_left_out_figures(capsys):
    code, out, _ = run(["extract", SEEDS / "003_9904597a1dd22de6.txt", "--format", "json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert any(c["quote"].startswith("environ 11 000") for c in data["claims"])
    assert any("2025" in x["quote"] or "huit" in x["quote"] for x in data["left_out"]) or data["left_out"] == []
    code, out, _ = run(["extract", SEEDS / "003_9904597a1dd22de6.txt"], capsys)
    assert code == 0 and "11 000" in out


@pytest.mark.slow
def test_rules_validate_and_test_builtin(capsys):
    code, out, _ = run(["rules", "validate"], capsys)
    assert code == 0 and "valid" in out
    code, out, _ = run(["rules", "test"], capsys)
    assert code == 0 and " 0 failed" in out


@pytest.mark.slow
def test_console_script_runs_as_a_program(tmp_path):
    exe = Path(sys.executable).with_name("check-consistency")
    proc = subprocess.run([str(exe), str(SEEDS), "--format", "json"], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"]
    proc = subprocess.run([str(exe), str(tmp_path / "missing")], capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr


@pytest.mark.slow
def test_each_corpus_gets_a_report_and_an_index(tmp_path, capsys, monkeypatch):
    for name, files in (("kursk", ["000", "001"]), ("deployment", ["003", "004"])):
        (tmp_path / name).mkdir()
        for f in SEEDS.glob("*.txt"):
            if f.name[:3] in files:
                shutil.copy(f, tmp_path / name / f.name)
    monkeypatch.chdir(tmp_path)
    code, out, _ = run(["kursk", "deployment", "--each", "-q"], capsys)
    assert code == 0 and out == ""
    index = (tmp_path / "reports" / "index.md").read_text(encoding="utf-8")
    assert "[kursk](kursk.md)" in index and "[deployment](deployment.md)" in index
    assert (tmp_path / "reports" / "kursk.md").is_file() and (tmp_path / "reports" / "deployment.md").is_file()
    code, _, err = run(["kursk", "deployment", "--each", "--format", "json"], capsys)
    assert code == 2 and "--each" in err


@pytest.mark.slow
def test_settings_in_pyproject_are_used(tmp_path, capsys, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "articles")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.check-consistency]\npaths = ["articles"]\nbaseline = "ci/baseline.json"\nformat = "json"\n', encoding="utf-8"
    )
    (tmp_path / "ci").mkdir()
    monkeypatch.chdir(tmp_path)
    assert run(["baseline", "create"], capsys)[0] == 0
    assert (tmp_path / "ci" / "baseline.json").is_file()
    code, out, _ = run([], capsys)
    assert code == 0
    assert {f["status"] for f in json.loads(out)["findings"]} == {"known"}
    (tmp_path / "pyproject.toml").write_text('[tool.check-consistency]\nfail-onn = "error"\n', encoding="utf-8")
    code, _, err = run([], capsys)
    assert code == 2 and "fail-on" in err and "pyproject.toml" in err


def test_a_report_that_cannot_be_written_is_exit_2_and_prints_nothing(corpus, capsys, tmp_path):
    code, out, err = run([corpus, "--report", tmp_path, "--format", "json"], capsys)
    assert code == 2 and out == "" and str(tmp_path) in err and "Traceback" not in err


@pytest.mark.slow
def test_fail_on_in_pyproject_gates_and_no_report_wins(tmp_path, capsys, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    (tmp_path / "pyproject.toml").write_text(
        '[tool.check-consistency]\nfail-on = "warning"\nreport = "out/report.md"\n', encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    code, _, _ = run(["--no-report", "-q"], capsys)
    assert code == 1 and not (tmp_path / "out").exists()
    code, _, _ = run(["-q"], capsys)
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "(../seeds/003_9904597a1dd22de6.txt#L" in report  # links work from the report's folder
