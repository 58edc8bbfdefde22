"""The common command lines are parsed without typer, into exactly the calls typer makes.

`consistency.cli` reads `check-consistency PATHS… [OPTIONS]` and `extract FILE [OPTIONS]` itself
when it knows every word, and hands anything else to typer (help, completion, errors), so that
typer's help and messages stay the only ones. These tests run each command line both ways and
compare what reaches `consistency.app`, and count what a run imports.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import consistency.app
from consistency import cli

ROOT = Path(__file__).resolve().parent.parent


def _calls(monkeypatch: pytest.MonkeyPatch, argv: list[str], *, fast: bool) -> tuple[int, list[tuple[str, object]], bool]:
    """What `main(argv)` asks of the library, with or without the parser that skips typer."""
    calls: list[tuple[str, object]] = []
    monkeypatch.setattr(consistency.app, "run_check", lambda options, **kw: calls.append(("check", options)) or 0)
    monkeypatch.setattr(consistency.app, "run_extract",
                        lambda file, **kw: calls.append(("extract", (file, kw["format"], kw["lexicon"]))))
    real = cli._fast
    answers: list[int | None] = []
    monkeypatch.setattr(cli, "_fast", lambda argv: answers.append(real(argv) if fast else None) or answers[-1])
    code = cli.main(argv)
    monkeypatch.undo()
    return code, calls, bool(answers) and answers[0] is not None


COMMON = [
    [],
    ["seeds"],
    ["seeds/", "articles/a.txt", "--no-report", "--no-cache", "-q"],
    ["one-article-folder", "--no-report"],
    ["articles", "--format", "json", "-f", "sarif", "-o", "out.json", "--output", "out.sarif"],
    ["--rules", "rules", "--rules", "more", "--lexicon", "lex", "articles", "--baseline", "b.json"],
    ["articles", "--fail-on", "warning", "--exit-zero", "--graph", "g.graphml", "--max-bytes", "5000"],
    ["--include", "*.md", "--exclude", "drafts/", "--select", "quantity-*", "--ignore", "echo", "x"],
    ["a", "--report", "r.md", "--reports-dir", "out", "--each", "--cache-dir", "c", "--dask", "tcp://h:8786"],
    ["--max-bytes", "007", "a"],
    ["--version"],
    ["extract", "seeds/000_016b9498bfa5711a.txt"],
    ["extract", "one.txt", "--format", "json", "--lexicon", "lex", "--lexicon", "lex2"],
    ["extract", "-f", "json", "one.txt"],
    ["extract", "one.txt", "--format", "yaml"],  # refused by the command itself, same message both ways
]


@pytest.mark.parametrize("argv", COMMON, ids=[" ".join(a) or "(none)" for a in COMMON])
def test_a_common_command_line_reaches_the_library_exactly_as_through_typer(monkeypatch, capsys, argv):
    typer_code, typer_calls, _ = _calls(monkeypatch, argv, fast=False)
    typer_out = capsys.readouterr()
    fast_code, fast_calls, without_typer = _calls(monkeypatch, argv, fast=True)
    assert (fast_code, fast_calls) == (typer_code, typer_calls)
    assert typer_calls or argv[-1] in ("--version", "yaml")  # the library was called
    assert capsys.readouterr() == typer_out
    assert without_typer or argv[-1] == "yaml"  # parsed without typer (a refused --format raises)


UNCERTAIN = [
    ["--help"],
    ["extract", "--help"],
    ["--format", "JSON", "a"],  # typer's message for a choice it refuses
    ["--fail-on", "fatal", "a"],
    ["--max-bytes", "ten", "a"],
    ["--max-bytes", "-1", "a"],
    ["--bogus", "a"],
    ["--format=json", "a"],
    ["-qf", "json", "a"],
    ["--report", "a.md", "--report", "b.md"],
    ["--quiet", "--quiet"],
    ["--report"],
    ["--", "-odd-name.txt"],
    ["extract"],
    ["extract", "a.txt", "b.txt"],
    ["extract", "a.txt", "--no-report"],
    ["rules", "validate"],
    ["check", "a", "-q"],
]


@pytest.mark.parametrize("argv", UNCERTAIN, ids=[" ".join(a) for a in UNCERTAIN])
def test_anything_the_fast_parser_is_unsure_of_goes_to_typer(argv):
    assert cli._fast(list(argv)) is None


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--fail-on", "fatal", "a"], "Invalid value for '--fail-on'"),
        (["--bogus", "a"], "No such option: --bogus"),
        (["extract"], "Missing argument 'file'"),
    ],
)
def test_a_bad_command_line_is_worded_by_typer_and_exits_2(capsys, argv, message):
    assert cli.main(argv) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("check-consistency: error:") and "(see check-consistency --help)" in err


_RUN = """
import contextlib, io, json, sys
from consistency.cli import main
with contextlib.redirect_stdout(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps([code, sorted({m.split(".")[0] for m in sys.modules})]))
"""

# Invented articles, one per language, of the kind one checks before publishing.
_ARTICLES = {
    "fr": "Crue de la Vilaine\n\nAu moins 340 habitants ont été évacués jeudi à Redon, selon la préfecture. "
          "Les pompiers ont mené 85 interventions dans la nuit.\n",
    "en": "River floods in Yorkshire\n\nAt least 340 residents were evacuated on Thursday in Selby, the council said. "
          "Firefighters carried out 85 rescues overnight.\n",
    "de": "Hochwasser an der Mosel\n\nMindestens 340 Anwohner wurden am Donnerstag in Trier in Sicherheit gebracht, "
          "teilte die Stadt mit. Die Feuerwehr rückte in der Nacht 85 Mal aus.\n",
    "es": "Crecida del Ebro\n\nAl menos 340 vecinos fueron evacuados el jueves en Tudela, según el ayuntamiento. "
          "Los bomberos realizaron 85 intervenciones durante la noche.\n",
}


@pytest.mark.slow
@pytest.mark.parametrize("lang", sorted(_ARTICLES))
def test_one_article_is_checked_and_extracted_without_typer(tmp_path, lang):
    article = tmp_path / f"{lang}.txt"
    article.write_text(_ARTICLES[lang], encoding="utf-8")
    # The rules' options are pydantic models: a check imports pydantic for them, never typer.
    for argv, unused in ((["extract", str(article)], {"typer", "click", "pydantic", "pydantic_core"}),
                         (["extract", str(article), "-f", "json"], {"typer", "click", "pydantic", "rich"}),
                         ([str(article), "--no-report", "--no-cache", "-q"], {"typer", "click"})):
        out = subprocess.run([sys.executable, "-c", _RUN, *argv], cwd=tmp_path, capture_output=True, text=True,
                             check=True, env={"PYTHONPATH": str(ROOT), "PATH": ""})
        code, modules = json.loads(out.stdout.splitlines()[-1])
        assert code == 0, out.stderr
        assert "consistency" in modules and unused.isdisjoint(modules), (argv, unused & set(modules))
