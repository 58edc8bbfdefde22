"""CI and command-line conventions (issue 11): gate, file selection, SARIF, outputs, stdin,
rule selection, init, completion, schemas, docs that can be copied."""

from __future__ import annotations

import io
import json
import re
import shutil
import tomllib
from pathlib import Path

import jsonschema
import pytest

from consistency.cli import main
from consistency.config import KEYS, load_settings
from consistency.corpus import load_corpus
from consistency.corpus.selection import Patterns, Selection

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SARIF_SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json").read_text(encoding="utf-8"))
RESULT_SCHEMA = ROOT / "consistency" / "report" / "result.schema.json"


def run(argv, capsys):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def article(published: str, publisher: str, title: str, body: str) -> str:
    return f"---\npublished: {published}\npublisher: {publisher}\n---\n# {title}\n\n{body}\n"


# Two sources that disagree on one toll: a finding that names both articles.
EARLY = article("2025-03-02", "Harbour Gazette", "Storm hits the coast",
                "Storm Elin killed 14 people in Brittany on Saturday, the prefecture said.")
LATE = article("2025-03-04", "Northern Courier", "Aftermath of the storm",
               "Storm Elin killed 31 people in Brittany on Saturday, the interior ministry said on Monday.")


@pytest.fixture()
def storm(tmp_path, monkeypatch):
    """A repository with two English articles; the later one is published last."""
    (tmp_path / ".git").mkdir()
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a_early.md").write_text(EARLY, encoding="utf-8")
    (folder / "b_late.md").write_text(LATE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)
    return tmp_path


# --- the gate ---------------------------------------------------------------------------


def _seed_subset(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir(exist_ok=True)
    for path in sorted(SEEDS.iterdir()):
        if any(path.name.startswith(n) for n in names):
            shutil.copy(path, folder / path.name)
    return folder


@pytest.mark.slow
def test_default_gate_fails_on_a_new_warning_contradiction_and_fail_on_error_narrows_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_subset(tmp_path, ["001", "002"])
    baseline = tmp_path / "baseline.json"
    assert run(["baseline", "create", folder, "--baseline", baseline], capsys)[0] == 0
    _seed_subset(tmp_path, ["003", "004"])  # 11 000 vs 14 000 soldiers: a warning, not an error
    code, out, err = run([folder, "--baseline", baseline, "--format", "json", "--no-report"], capsys)
    new = [f for f in json.loads(out)["findings"] if f["status"] == "new" and f["kind"] == "contradiction"]
    assert new and {f["severity"] for f in new} == {"warning"}
    assert code == 1
    assert new[0]["fingerprint"] in err
    code, _, _ = run([folder, "--baseline", baseline, "--fail-on", "error", "-q", "--no-report"], capsys)
    assert code == 0


def test_corroborations_echoes_and_updates_never_gate(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_subset(tmp_path, ["000", "001", "002", "003", "004"])
    code, out, _ = run([folder, "--fail-on", "info", "--format", "json", "--no-report", "--select", "corroboration",
                        "--select", "echo", "--select", "update"], capsys)
    kinds = {f["kind"] for f in json.loads(out)["findings"]}
    assert kinds and kinds <= {"corroboration", "echo", "update"}
    assert code == 0


# --- which files are read ---------------------------------------------------------------


@pytest.mark.slow
def test_a_second_run_does_not_read_the_first_runs_report(tmp_path, capsys, monkeypatch):
    shutil.copytree(SEEDS, tmp_path / "news")
    monkeypatch.chdir(tmp_path / "news")
    counts = []
    for _ in range(3):
        code, _, _ = run([".", "-q", "--format", "text", "--format", "json", "--output", "summary.txt",
                          "--output", "out.jsonl"], capsys)
        assert code == 0
        assert (tmp_path / "news" / "reports" / "news.md").is_file()
        counts.append(len(json.loads((tmp_path / "news" / "out.jsonl").read_text(encoding="utf-8"))["claims"]))
    assert counts[0] == counts[1] == counts[2]


def test_exclude_include_and_ignore_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "corpus"
    (root / "drafts").mkdir(parents=True)
    (root / "wires").mkdir()
    (root / "wires" / "de.txt").write_text("Bei dem Brand in Köln wurden am Montag 12 Menschen verletzt.\n", encoding="utf-8")
    (root / "wires" / "es.txt").write_text("El incendio de Sevilla dejó 7 heridos el lunes.\n", encoding="utf-8")
    (root / "drafts" / "fr.txt").write_text("L'incendie de Lyon a fait 3 blessés lundi, selon les pompiers.\n", encoding="utf-8")
    (root / "notes-today.md").write_text("Call the fire brigade about the 12 injured.\n", encoding="utf-8")
    (root / ".check-consistency-ignore").write_text("# not articles\n*-today.md\n", encoding="utf-8")

    def ids(selection: Selection | None = None) -> set[str]:
        return {d.id for d in load_corpus([root], selection=selection).documents}

    assert ids() == {"wires/de", "wires/es", "drafts/fr"}  # the ignore file drops the notes
    assert ids(Selection(exclude=(Patterns.of(tmp_path, ["drafts/"], "--exclude"),))) == {"wires/de", "wires/es"}
    assert ids(Selection(include=(Patterns.of(root, ["wires/**"], "--include"),))) == {"wires/de", "wires/es"}
    assert ids(Selection(exclude=(Patterns.of(tmp_path, ["*.txt", "!es.txt"], "--exclude"),))) == {"wires/es"}


@pytest.mark.slow
def test_exclude_on_the_command_line_and_in_pyproject(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_subset(tmp_path, ["001", "002", "003"])
    code, out, _ = run([folder, "--exclude", "*003_*", "--format", "json", "--no-report"], capsys)
    assert code == 0 and not any(d["id"].startswith("003") for d in json.loads(out)["documents"])
    (tmp_path / "pyproject.toml").write_text('[tool.check-consistency]\nexclude = ["articles/002_*"]\n', encoding="utf-8")
    code, out, _ = run([folder, "--format", "json", "--no-report"], capsys)
    assert {d["id"][:3] for d in json.loads(out)["documents"]} == {"001", "003"}


def test_stdin_is_one_article(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    piped = io.BytesIO("Las inundaciones dejaron 62 muertos en Valencia el martes, según la Generalitat.\n".encode())
    corpus = load_corpus(["-"], stdin=piped)
    assert [d.id for d in corpus.documents] == ["stdin"] and "62 muertos" in corpus.documents[0].text
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(LATE.encode("utf-8"))))
    code, out, _ = run(["-", "--format", "json", "--no-report"], capsys)
    assert code == 0
    assert any(c["quote"].startswith("31") for c in json.loads(out)["claims"])


# --- SARIF, annotations, outputs --------------------------------------------------------


def test_sarif_is_valid_and_anchored_on_the_newest_article(storm, capsys):
    code, out, _ = run(["articles", "--format", "sarif", "--no-report"], capsys)
    assert code == 0
    log = json.loads(out)
    jsonschema.validate(log, SARIF_SCHEMA)
    broken = json.loads(out)
    del broken["runs"][0]["results"][0]["ruleId"]
    with pytest.raises(jsonschema.ValidationError):  # the schema holds what code scanning needs
        jsonschema.validate(broken, SARIF_SCHEMA)
    results = log["runs"][0]["results"]
    assert results
    first = results[0]["locations"][0]["physicalLocation"]
    assert first["artifactLocation"]["uri"] == "articles/b_late.md"  # the article published last
    assert first["region"]["startLine"] == 7
    related = [r["physicalLocation"]["artifactLocation"]["uri"] for r in results[0]["relatedLocations"]]
    assert related == ["articles/a_early.md"]


def test_github_paths_are_repository_relative_whatever_was_typed(storm, capsys, monkeypatch):
    monkeypatch.chdir(storm / "articles")
    code, out, _ = run([storm / "articles", "--format", "github", "--no-report"], capsys)  # absolute path
    assert code == 0
    assert "file=articles/b_late.md,line=7" in out
    assert str(storm) not in out


@pytest.mark.slow
def test_with_a_baseline_only_new_contradictions_are_annotated(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = _seed_subset(tmp_path, ["001", "002"])  # no finding: an empty baseline is still a baseline
    baseline = tmp_path / "baseline.json"
    assert run(["baseline", "create", folder, "--baseline", baseline], capsys)[0] == 0
    code, out, _ = run([folder, "--baseline", baseline, "--format", "github", "--no-report", "--exit-zero"], capsys)
    assert out == ""  # known findings and agreements: nothing to look at
    _seed_subset(tmp_path, ["003", "004"])
    sarif = tmp_path / "out.sarif"
    code, out, _ = run([folder, "--baseline", baseline, "--format", "github", "--format", "sarif",
                        "--output", tmp_path / "gh.txt", "--output", sarif, "--no-report"], capsys)
    assert code == 1 and out == ""
    lines = (tmp_path / "gh.txt").read_text(encoding="utf-8").splitlines()
    assert lines and all(line.split("::", 2)[2].startswith("contradiction:") for line in lines)  # no corroboration, no echo
    log = json.loads(sarif.read_text(encoding="utf-8"))
    jsonschema.validate(log, SARIF_SCHEMA)
    assert {r["baselineState"] for r in log["runs"][0]["results"]} == {"new"}


def test_two_formats_for_stdout_is_a_usage_error(storm, capsys):
    code, _, err = run(["articles", "--format", "json", "--format", "sarif", "--no-report"], capsys)
    assert code == 2 and "--output" in err


@pytest.mark.slow
def test_html_and_jsonl_lines_are_lines_of_the_file(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "pages"
    folder.mkdir()
    page = (
        "<!doctype html>\n<html lang=\"fr\">\n<head>\n<title>Crue de la Seine</title>\n"
        "<style>\nbody { margin: 0 }\n</style>\n</head>\n<body>\n<nav>Accueil | Régions</nav>\n<article>\n"
        "<h1>Crue de la Seine</h1>\n"
        "<p>La crue a commencé dimanche soir après trois jours de pluie continue sur le bassin parisien.</p>\n\n\n"
        "<p>Selon la préfecture de police, 1 200 personnes ont été évacuées dans le Val-de-Marne lundi.</p>\n"
        "</article>\n</body>\n</html>\n"
    )
    (folder / "crue.html").write_text(page, encoding="utf-8")
    records = [
        {"id": "rhein", "published": "2025-01-08", "text": "Das Hochwasser am Rhein hat am Dienstag 4 Menschen das Leben gekostet."},
        {"id": "ebro", "published": "2025-01-09",
         "text": "La crecida del Ebro obligó a evacuar a 350 vecinos en Zaragoza el miércoles.\nLos bomberos siguen en la zona."},
    ]
    (folder / "wires.jsonl").write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    code, out, _ = run([folder, "--format", "json", "--no-report"], capsys)
    assert code == 0
    claims = json.loads(out)["claims"]
    lines = {c["quote"]: (c["document"], c["line"]) for c in claims}
    evacuated = [v for q, v in lines.items() if "1 200" in q]
    assert evacuated == [("crue", 16)]
    ebro = [v for q, v in lines.items() if "350" in q]
    assert ebro == [("ebro", 2)]
    rhein = [v for q, v in lines.items() if q.startswith("4 ")]
    assert rhein in ([], [("rhein", 1)])


# --- rules, init, completion, settings --------------------------------------------------


def test_select_and_ignore_rule_ids(storm, capsys):
    code, out, _ = run(["articles", "--format", "json", "--no-report", "--ignore", "attribution-dispute"], capsys)
    assert code == 0
    data = json.loads(out)
    assert "attribution-dispute" not in data["rules"]
    assert all(f["rule"] != "attribution-dispute" for f in data["findings"])
    code, out, _ = run(["articles", "--format", "json", "--no-report", "--select", "*-contradiction"], capsys)
    assert set(json.loads(out)["rules"]) == {"date-contradiction", "quantity-contradiction"}
    code, _, err = run(["articles", "--no-report", "--select", "quantity-contradictoin"], capsys)
    assert code == 2 and "did you mean 'quantity-contradiction'" in err


def test_init_writes_a_table_the_loader_accepts_and_never_overwrites_it(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "articles").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "newsroom"\n', encoding="utf-8")
    assert run(["init"], capsys)[0] == 0
    text = (tmp_path / "pyproject.toml").read_text(encoding="utf-8")
    assert text.startswith('[project]\nname = "newsroom"\n')
    settings = load_settings(tmp_path)
    assert settings.paths == (Path("articles"),) and settings.exclude == ("reports/",)
    code, _, err = run(["init"], capsys)
    assert code == 2 and "already" in err
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8") == text


def test_shell_completion_script(capsys, monkeypatch):
    # "bash" as the option's value, not a guess from the parent process (`make` runs /bin/sh).
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    code, out, _ = run(["--show-completion", "bash"], capsys)
    assert code == 0 and "_CHECK_CONSISTENCY_COMPLETE" in out


def test_a_nested_pyproject_without_the_table_does_not_stop_the_search(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.check-consistency]\nfail-on = "warning"\n', encoding="utf-8")
    inner = tmp_path / "tools"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "helper"\n', encoding="utf-8")
    settings = load_settings(inner)
    assert settings.fail_on == "warning" and settings.source == (tmp_path / "pyproject.toml").resolve()


def test_readme_lists_exactly_the_keys_the_loader_accepts():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    listed = re.findall(r"^\| `([a-z-]+)` \| `", readme, flags=re.MULTILINE)
    assert sorted(listed) == sorted(KEYS)


def test_the_settings_example_in_docs_ci_is_accepted(tmp_path):
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    block = re.search(r"```toml\n(\[tool\.check-consistency\]\n.*?)```", doc, re.DOTALL)
    assert block
    (tmp_path / "pyproject.toml").write_text(block.group(1), encoding="utf-8")
    table = tomllib.loads(block.group(1))["tool"]["check-consistency"]
    assert sorted(table) == sorted(KEYS)
    load_settings(tmp_path)  # raises on an unknown key or a wrong type


def test_docs_ci_can_be_copied():
    doc = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    assert "OWNER" not in doc and "v0.1.0" not in doc
    assert "timeout-minutes:" in doc and "github/codeql-action/upload-sarif" in doc
    assert '"check-consistency @ git+https://github.com/<you>/<repo>@<sha>"' in doc
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "--no-report" in hooks and "--no-cache" in hooks  # the hook writes nothing into the user's tree


@pytest.mark.slow
def test_result_json_matches_the_shipped_schema(seed_result):
    from consistency.report import render_json

    schema = json.loads(RESULT_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    data = json.loads(render_json(seed_result))
    jsonschema.validate(data, schema)
    assert data["findings"] and data["claims"]
    broken = {**data, "findings": [{**data["findings"][0], "severity": "fatal"}]}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)
