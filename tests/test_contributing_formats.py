"""docs/contributing-output-format.md and docs/contributing-input-format.md stay true: their
code and table lines are taken from the pages, added to the tables, and used the way a user
would use a built-in format. Also: the tables are the one list of formats that the command
line, the settings and the README name."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import types
from pathlib import Path

import pytest
from rich.console import Console

from consistency import report
from consistency.app import CheckOptions, run_check
from consistency.config import load_settings
from consistency.corpus import readers
from consistency.corpus.loader import load_corpus, read_document
from consistency.errors import InputError, UsageError

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_GUIDE = ROOT / "docs" / "contributing-output-format.md"
INPUT_GUIDE = ROOT / "docs" / "contributing-input-format.md"

# Invented reports of one earthquake that disagree on the toll.
FRENCH = """Séisme dans le nord du Chili : 14 morts à Antofagasta

Publié le 5 mars 2025

Un séisme de magnitude 6,9 a frappé mardi 4 mars 2025 la région d'Antofagasta. Le tremblement
de terre a fait 14 morts, selon le ministère de l'Intérieur chilien, et plusieurs centaines de
blessés ont été pris en charge dans les hôpitaux de la ville.
"""
ENGLISH = """Earthquake kills 41 in northern Chile

Published March 5, 2025

A magnitude 6.9 earthquake struck the Antofagasta region on Tuesday, March 4, 2025. The quake
killed 41 people, Chile's interior ministry said, and hundreds of injured people were taken to
the city's hospitals.
"""


def _blocks(guide: Path, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", guide.read_text(encoding="utf-8"), flags=re.S | re.M)


def _module(name: str, code: str, monkeypatch: pytest.MonkeyPatch) -> types.ModuleType:
    module = types.ModuleType(name)
    exec(compile(code, f"<{name}>", "exec"), module.__dict__)
    monkeypatch.setitem(sys.modules, name, module)
    return module


def _table_line(code: str) -> tuple[str, str]:
    """The name and the expression of a guide's table line (`"csv": Renderer(...),`)."""
    match = re.fullmatch(r'\s*"(\w+)": (.+),\s*', code, flags=re.S)
    assert match, code
    return match[1], match[2]


@pytest.fixture
def csv_format(monkeypatch: pytest.MonkeyPatch) -> str:
    """The output guide's module and table line, added as the guide says."""
    module_code, line = _blocks(OUTPUT_GUIDE, "python")
    name, expression = _table_line(line)
    renderer = eval(expression, {"Renderer": report.Renderer})
    _module(renderer.target.partition(":")[0], module_code, monkeypatch)
    monkeypatch.setitem(report.RENDERERS, name, renderer)
    return name


@pytest.fixture
def json_reader(monkeypatch: pytest.MonkeyPatch) -> str:
    """The input guide's function and table line, added as the guide says."""
    function_code, line = _blocks(INPUT_GUIDE, "python")
    module = _module("guide_json_reader", function_code, monkeypatch)
    name, expression = _table_line(line)
    monkeypatch.setitem(readers.READERS, name, eval(expression, {"Reader": readers.Reader, **module.__dict__}))
    return name


def _articles(folder: Path) -> Path:
    folder.mkdir()
    (folder / "la-nacion-fr.txt").write_text(FRENCH, encoding="utf-8")
    (folder / "wire-en.txt").write_text(ENGLISH, encoding="utf-8")
    return folder


def test_the_guide_csv_format_writes_one_row_per_finding(csv_format: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    articles = _articles(tmp_path / "articles")
    options = CheckOptions(
        paths=(articles,),
        formats=(csv_format, "json"),
        outputs=(tmp_path / "findings.csv", tmp_path / "result.json"),
        write_report=False,
        quiet=True,
        cache=False,
    )
    run_check(options, stdout=io.StringIO(), console=Console(file=io.StringIO()))
    rows = list(csv.DictReader((tmp_path / "findings.csv").open(encoding="utf-8", newline="")))
    findings = json.loads((tmp_path / "result.json").read_text(encoding="utf-8"))["findings"]
    assert findings, "the two tolls (14 and 41 dead) should give at least one finding"
    assert [(r["kind"], r["message"]) for r in rows] == [(f["kind"], f["message"]) for f in findings]
    assert "status" not in rows[0]  # no baseline: the guide leaves the column out


def test_the_guide_csv_format_is_a_choice_everywhere(csv_format: str, tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(f'[tool.check-consistency]\nformat = "{csv_format}"\n', encoding="utf-8")
    assert load_settings(tmp_path).format == csv_format
    (tmp_path / "pyproject.toml").write_text('[tool.check-consistency]\nformat = "xlsx"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=rf"is not one of text, markdown, json, github, sarif, {csv_format}"):
        load_settings(tmp_path)


def test_an_unknown_output_format_is_refused_with_the_table_s_names(tmp_path: Path) -> None:
    options = CheckOptions(paths=(tmp_path,), formats=("csv",), write_report=False, quiet=True)
    with pytest.raises(UsageError, match="'csv' is not one of text, markdown, json, github, sarif"):
        run_check(options, stdout=io.StringIO(), console=Console(file=io.StringIO()))


def test_the_guide_json_reader_reads_articles_beside_the_others(json_reader: str, tmp_path: Path) -> None:
    articles = _articles(tmp_path / "articles")
    record = {
        "title": "Terremoto en el norte de Chile",
        "text": "Un terremoto de magnitud 6,9 sacudió el martes la región de Antofagasta y dejó 17 muertos, según el Gobierno chileno.",
        "published": "2025-03-05",
        "publisher": "Diario del Norte",
        "language": "es",
    }
    (articles / "diario-es.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (articles / "empty.json").write_text('{"title": "Sin texto"}', encoding="utf-8")
    corpus = load_corpus([articles])
    assert [d.id for d in corpus.documents] == ["diario-es", "la-nacion-fr", "wire-en"]
    spanish = corpus.documents[0]
    assert spanish.text == record["text"]
    assert (str(spanish.published), spanish.publisher, spanish.language) == ("2025-03-05", "Diario del Norte", "es")
    assert [(s.path.rsplit("/", 1)[-1], s.reason) for s in corpus.skipped] == [("empty.json", 'no "text" to read in the JSON object')]


def test_messages_name_the_readers_formats(json_reader: str) -> None:
    with pytest.raises(InputError, match=r"expected \.txt, \.md, \.html, \.jsonl or \.json$"):
        read_document(b"x", id="a", path="a.pdf", suffix=".pdf")


def test_without_the_guide_a_json_file_is_not_an_article(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"not an article format \(\.json\): expected \.txt, \.md, \.html or \.jsonl$"):
        read_document('{"text": "Deux blessés."}'.encode(), id="a", path="a.json", suffix=".json")


def test_a_reader_reads_one_article_per_file_or_many() -> None:
    with pytest.raises(ValueError):
        readers.Reader((".x",))


def test_the_readme_lists_exactly_the_tables_formats() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `format` |"))
    assert re.findall(r"`(\w+)`", row.split("|")[3]) == list(report.FORMATS)
    inputs = readme[readme.index("Inputs:") :].split("\n\n")[0]
    for reader in readers.READERS.values():
        assert f"`{reader.extensions[0]}`" in inputs


def test_the_command_line_offers_the_tables_formats() -> None:
    from consistency.cli import FORMAT_HELP, Format

    assert [f.value for f in Format] == list(report.FORMATS)
    for name, renderer in report.RENDERERS.items():
        assert f"{name}: {renderer.summary}" in FORMAT_HELP
