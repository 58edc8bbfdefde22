"""Hostile input (issue 13): never a crash, a hang, a forged line or a file left behind.

Every test here plays a user or an attacker feeding the tool something it did not expect:
a YAML bomb, a file name holding a newline or invalid UTF-8, a killed run, an unwritable
graph. Each asserts what a user would notice: the exit code, one clear line on stderr,
the files on disk.
"""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
import time
import xml.dom.minidom
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.baseline import load_baseline
from consistency.cli import main
from consistency.corpus import boilerplate_spans, load_corpus
from consistency.corpus._data import yaml_problem
from consistency.corpus.readers import read_jsonl, read_markdown, read_text
from consistency.errors import InputError
from consistency.fsutil import atomic_write_bytes, remove_stale_temporaries
from consistency.report.escape import link_target, terminal

ROOT = Path(__file__).resolve().parent.parent

ARTICLES = {
    "fr.txt": "Selon la préfecture du Rhône, 14 personnes ont été blessées samedi à Lyon.\n",
    "en.txt": "Police said 9 people were injured on Saturday in Leeds, according to officials.\n",
    "de.txt": "Nach Angaben der Polizei wurden am Samstag in Köln 11 Menschen verletzt.\n",
    "es.txt": "Según los bomberos, 7 personas resultaron heridas el sábado en Sevilla.\n",
}


def run(argv, capsys, cwd: Path, monkeypatch) -> tuple[int, str, str]:
    monkeypatch.chdir(cwd)
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture()
def articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def billion_laughs(levels: int = 9) -> str:
    lines = ['a: &a ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    names = "abcdefghijklmnop"
    for previous, name in zip(names, names[1:levels]):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


# --- YAML and JSON: bounded resources, one clear error -------------------------------------


def test_an_alias_bomb_in_rules_is_one_error_and_exit_2(tmp_path, articles, capsys, monkeypatch):
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("version: 1\n" + billion_laughs(), encoding="utf-8")
    code, _, err = run([articles, "--rules", bomb, "--no-report"], capsys, tmp_path, monkeypatch)
    assert code == 2
    assert "alias bomb" in err and "bomb.yaml" in err


@pytest.mark.slow
def test_an_alias_bomb_in_a_lexicon_is_one_error_and_exit_2(tmp_path, articles, capsys, monkeypatch):
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "categories.yaml").write_text(billion_laughs(), encoding="utf-8")
    code, _, err = run([articles, "--lexicon", lexicon, "--no-report"], capsys, tmp_path, monkeypatch)
    assert code == 2
    assert "categories.yaml" in err and "alias bomb" in err
    assert len(err.strip().splitlines()) == 1


def test_rules_nested_thousands_deep_exit_2(tmp_path, articles, capsys, monkeypatch):
    deep = tmp_path / "deep.yaml"
    deep.write_text("version: 1\nrules: " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    code, _, err = run([articles, "--rules", deep, "--no-report"], capsys, tmp_path, monkeypatch)
    assert code == 2
    assert "nested more than" in err


def test_a_self_referring_alias_is_refused():
    assert "refers to a value that contains it" in yaml_problem("a: &x [1, *x]\n")
    assert yaml_problem("base: &b {count: 3}\nother: *b\n") is None  # ordinary aliases still work


@pytest.mark.parametrize(
    "content",
    [
        '{"schema_version": 1, "findings": ' + "[" * 20000 + "]" * 20000 + "}",
        '{"schema_version": 1, "findings": [], "n": ' + "7" * 5000 + "}",
    ],
    ids=["nested", "5000-digit"],
)
def test_a_malformed_baseline_is_one_error(tmp_path, content):
    path = tmp_path / "baseline.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="nested too deep or holds too long a number"):
        load_baseline(path)


def test_a_deeply_nested_jsonl_line_is_skipped_and_the_others_read():
    good = json.dumps({"id": "lyon", "text": ARTICLES["fr.txt"]})
    bad = '{"text": "x", "extra": ' + "[" * 20000 + "]" * 20000 + "}"
    records, skipped = read_jsonl(f"{good}\n{bad}\n".encode(), id="feed", path="feed.jsonl")
    assert [doc.id for _, doc in records] == ["lyon"]
    assert [s.path for s in skipped] == ["feed.jsonl:2"]


def test_front_matter_alias_bomb_is_ignored_not_expanded():
    raw = ("---\n" + billion_laughs() + "---\n" + ARTICLES["en.txt"]).encode()
    doc = read_markdown(raw, id="leeds", path="leeds.md")
    assert doc.text[doc.body_start :] == ARTICLES["en.txt"]  # the front matter is never the article


# --- file names are data --------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_skipped_with_a_warning(tmp_path, articles, capsys, monkeypatch):
    with open(os.fsencode(articles) + b"/bilan-s\xe9isme.txt", "wb") as handle:
        handle.write(ARTICLES["fr.txt"].encode("latin-1", "replace"))
    code, _, err = run(["articles", "--no-report"], capsys, tmp_path, monkeypatch)
    assert code == 0
    assert "skipped articles/bilan-s\\xe9isme.txt: file name is not valid UTF-8" in err


def test_a_file_name_cannot_forge_a_ci_annotation_or_a_terminal_escape(tmp_path, articles, capsys, monkeypatch):
    (articles / "note\n::error file=app.py,line=1::forged\x1b[2J.txt").write_bytes(b"")
    code, _, err = run([articles, "--no-report"], capsys, tmp_path, monkeypatch)
    assert code == 0
    assert not any(line.startswith("::") for line in err.splitlines())
    assert "\x1b" not in err
    assert "note\\n::error" in err  # the name is still recognisable


def test_terminal_escaping_neutralises_controls_and_bidi():
    assert terminal("a\nb\r\x1b[31m\u202eexe.txt") == "a\\nb\\r\\x1b[31m\\u202eexe.txt"
    assert terminal("Köln – 11 verletzt") == "Köln – 11 verletzt"


@pytest.mark.parametrize(
    ("prefix", "path", "expected"),
    [
        ("", "javascript:alert(1)", "./javascript:alert%281%29#L3"),
        ("../", "/srv/articles/séisme.txt", "file:///srv/articles/s%C3%A9isme.txt#L3"),
        ("../", "articles/fr.txt", "../articles/fr.txt#L3"),
    ],
)
def test_report_links_are_files_never_scripts(prefix, path, expected):
    assert link_target(prefix, path, 3) == expected


def test_absolute_input_paths_give_file_links_in_the_report(tmp_path, articles, capsys, monkeypatch):
    report = tmp_path / "out" / "report.md"
    code, _, _ = run([articles.resolve(), "--report", report], capsys, tmp_path, monkeypatch)
    assert code == 0
    text = report.read_text(encoding="utf-8")
    assert "..//" not in text
    assert "](file://" + str(articles.resolve()) in text


def test_a_control_character_in_a_title_keeps_the_graphml_valid(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a\x01b.md").write_text(
        "---\ntitle: \"Bilan\\x07 du \\u202eséisme\"\n---\n" + ARTICLES["fr.txt"], encoding="utf-8"
    )
    (folder / "es.txt").write_text(ARTICLES["es.txt"], encoding="utf-8")
    graph = tmp_path / "graph.graphml"
    code, _, _ = run([folder, "--no-report", "--graph", graph], capsys, tmp_path, monkeypatch)
    assert code == 0
    xml.dom.minidom.parseString(graph.read_bytes())  # raises on invalid XML
    assert "\u202e" not in graph.read_text(encoding="utf-8")


# --- nothing left behind --------------------------------------------------------------------


def test_a_failed_graph_write_leaves_the_report_untouched(tmp_path, articles, capsys, monkeypatch):
    report = tmp_path / "report.md"
    report.write_text("previous report\n", encoding="utf-8")
    graph = tmp_path / "graph.graphml"
    graph.mkdir()  # a folder where the graph should go: it cannot be written
    code, _, err = run([articles, "--report", report, "--graph", graph], capsys, tmp_path, monkeypatch)
    assert code == 2
    assert "graph.graphml: is a folder" in err
    assert report.read_text(encoding="utf-8") == "previous report\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_stale_temporaries_of_a_killed_run_are_removed(tmp_path):
    target = tmp_path / "report.md"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    stale = tmp_path / f".report.md.{int(dead.stdout)}-0123456789ab.tmp"
    live = tmp_path / f".report.md.{os.getppid()}-ba9876543210.tmp"  # a writer still running
    old = tmp_path / ".report.md.0123456789ab.tmp"  # older versions named it without a pid
    for p in (stale, live, old):
        p.write_text("half a report", encoding="utf-8")
    an_hour_ago = time.time() - 3700
    os.utime(old, (an_hour_ago, an_hour_ago))
    atomic_write_bytes(target, b"# Report\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report.md", live.name])
    assert remove_stale_temporaries(target) == []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="workers are forked only where fork exists")
@pytest.mark.slow
def test_workers_die_with_their_parent(tmp_path):
    script = textwrap.dedent(
        """
        import os, sys, time
        from consistency.pipeline import die_with_parent
        parent = os.getpid()
        child = os.fork()
        if child == 0:
            die_with_parent(parent)
            time.sleep(60)
            os._exit(0)
        print(child, flush=True)
        time.sleep(0.5)
        os.kill(os.getpid(), 9)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=30)
    child = int(proc.stdout.split()[0])
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and _running(child):
        time.sleep(0.1)
    assert not _running(child)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/status")
    return not (status.exists() and "zombie" in status.read_text())


# --- malformed options and encodings ----------------------------------------------------------


def test_a_negative_max_bytes_is_refused(tmp_path, articles, capsys, monkeypatch):
    code, _, err = run([articles, "--max-bytes", "-1", "--no-report"], capsys, tmp_path, monkeypatch)
    assert code == 2 and "--max-bytes -1" in err


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("name", sorted(ARTICLES))
def test_utf16_without_a_byte_order_mark_is_read(tmp_path, codec, name):
    path = tmp_path / name
    path.write_bytes(ARTICLES[name].encode(codec))
    corpus = load_corpus([path])
    assert corpus.documents[0].text == ARTICLES[name] and corpus.skipped == ()


def test_binary_with_nul_bytes_is_still_skipped(tmp_path):
    (tmp_path / "photo.txt").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "en.txt").write_text(ARTICLES["en.txt"], encoding="utf-8")
    corpus = load_corpus([tmp_path])
    assert [s.reason for s in corpus.skipped] == ["binary file (contains NUL bytes), not text"]


# --- linear time ------------------------------------------------------------------------------


FAMILIES = {
    "bare numbers": lambda n: "1\n" * (n // 2),
    "repeated lines": lambda n: (ARTICLES["de.txt"] * (n // len(ARTICLES["de.txt"]) + 1))[:n],
    "one sentence of figures": lambda n: "Die Feuerwehr zählte " + ", ".join(str(10 + i % 90) for i in range(n // 4)) + " Verletzte.\n",
    "runs of percentages": lambda n: "1 % " * (n // 4),
    "thousands grouped by spaces": lambda n: "1" + " 000" * (n // 4),
}


def _best_time(work, text: str, repeat: int = 5) -> float:
    """The least CPU time of a few runs (garbage collection paused): the work, not the noise."""
    best = float("inf")
    gc.disable()
    try:
        for _ in range(repeat):
            start = time.process_time()
            work(text)
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


def _noise(text: str) -> object:
    return boilerplate_spans(read_text(text.encode("utf-8"), id="x", path="x.txt"))


# CPU-time ratios still move on a loaded machine: these run on demand (`make bench` sets the
# variable); the suite guards linearity by counting work (tests/test_scope.py, test_speed.py).
TIMING = pytest.mark.skipif(not os.environ.get("CHECK_CONSISTENCY_TIMING"),
                            reason="CPU-time comparison: set CHECK_CONSISTENCY_TIMING=1 to run it")


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.slow
@TIMING
def test_doubling_the_input_at_most_roughly_doubles_reading_time(family):
    """Reading and page-noise detection: two sizes compared in one run, no absolute limit."""
    make = FAMILIES[family]
    _noise(make(2000))  # warm caches
    small, large = _best_time(_noise, make(16_000), 7), _best_time(_noise, make(32_000), 7)
    assert large <= 3.0 * small + 0.005, f"{family}: {small * 1000:.1f} ms then {large * 1000:.1f} ms"


def _extract(text: str) -> object:
    from consistency.extract.claims import extract_claims
    from consistency.extract.lexicon import load_lexicon

    doc = read_text(text.encode("utf-8"), id="x", path="x.txt")
    return extract_claims(doc, load_lexicon(), boilerplate_spans(doc))


@pytest.mark.parametrize("family", sorted(FAMILIES))
@pytest.mark.slow
@TIMING
def test_doubling_the_input_at_most_roughly_doubles_extraction_time(family):
    """The whole extraction of one article, 2 KB then 4 KB, in one run: no absolute limit."""
    make = FAMILIES[family]
    _extract(make(1000))  # warm caches and compiled patterns
    small, large = _best_time(_extract, make(2_000), 3), _best_time(_extract, make(4_000), 3)
    assert large <= 2.6 * small + 0.01, f"{family}: {small * 1000:.0f} ms then {large * 1000:.0f} ms"


# --- fuzzing ----------------------------------------------------------------------------------


PIECES = st.sampled_from(
    [*ARTICLES.values(), "Entre 1500 et 2000¹ soldats", "½", "٣", "Ⅻ", "1e999", "10^9999", "—", "\u202e", "\x00",
     "\r\n", "\n\n", "«", "»", "::error::x", "<script>", "| --- |", "# titre", "```", "𝟙𝟚", "1\u00a0000", "1 000,5 %"]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), min_size=1, max_size=12))
@pytest.mark.slow
def test_fuzzed_articles_never_crash_extraction(parts):
    from consistency.extract.claims import extract_claims
    from consistency.extract.lexicon import load_lexicon

    raw = "".join(parts).encode("utf-8", "surrogatepass")
    try:
        doc = read_text(raw, id="fuzz", path="fuzz.txt")
    except Exception as exc:  # only NotText: the file is skipped with a reason
        assert type(exc).__name__ == "NotText"
        return
    for claim in extract_claims(doc, load_lexicon(), boilerplate_spans(doc)):
        assert doc.text[claim.span[0] : claim.span[1]] == claim.quote


def _bad_inputs():  # the benchmark's cases, imported from the file (benchmarks/ is no package)
    import importlib.util

    spec = importlib.util.spec_from_file_location("bad_inputs", ROOT / "benchmarks" / "bad_inputs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bad_inputs"] = module
    spec.loader.exec_module(module)
    return module


BAD_SAMPLE = [
    ("article", "empty.txt"), ("article", "nul.txt"), ("article", "utf-16-le without BOM"),
    ("article", "larger than --max-bytes"), ("jsonl", "line nested 100,000 deep"), ("jsonl", "invalid line"),
    ("name", "not UTF-8 file name"), ("name", "newline"), ("name", "named pipe"), ("path", "missing path"),
    ("rules", "alias bomb"), ("rules", "python tag"), ("rules", "unknown kind"), ("lexicon", "categories alias bomb"),
    ("baseline", "5,000-digit number"), ("pyproject", "TOML syntax error"), ("option", "--max-bytes -1"),
    ("option", "unknown option"), ("output", "--output inside a file"), ("command", "extract a binary file"),
    ("option", "--include bad glob"), ("env", "time budget not a number"), ("env", "time budget negative"),
]


@pytest.mark.parametrize(("group", "name"), BAD_SAMPLE)
def test_a_bad_input_is_one_line_and_exit_2_or_a_skip(group, name):
    bad = _bad_inputs()
    case = next(c for c in bad.cases() if (c.group, c.name) == (group, name))
    outcome = bad.run_case(case)
    assert outcome.ok, f"{group} / {name}: exit {outcome.code}, {outcome.why}: {outcome.line}"


def _count_calls(monkeypatch, owner, name):
    calls = []
    real = getattr(owner, name)
    monkeypatch.setattr(owner, name, lambda *a, **k: calls.append(1) or real(*a, **k))
    return calls


@pytest.mark.parametrize("sentence", [
    "Selon la préfecture, 14 personnes ont été blessées samedi à Lyon.",
    "Police said 9 people were injured on Saturday in Leeds.",
    "Nach Angaben der Polizei wurden am Samstag in Köln 11 Menschen verletzt.",
    "Según los bomberos, 7 personas resultaron heridas el sábado en Sevilla.",
])
def test_lines_of_bare_numbers_are_not_judged_one_by_one_and_claims_stay(monkeypatch, sentence):
    """Between two news sentences, 400 lines of bare numbers: the figures amid them are not
    judged (their work does not grow with them), and the sentences' claims are the same."""
    from consistency.extract import claims as claims_module
    from consistency.extract.lexicon import load_lexicon
    from consistency.extract.number_filters import _NotQuantity

    lex = load_lexicon()
    text = sentence + "\n" + "12\n" * 400 + sentence + "\n"
    doc = read_text(text.encode(), id="bare", path="bare.txt")
    judged = _count_calls(monkeypatch, _NotQuantity, "is_quantity")
    found = claims_module.extract_claims(doc, lex, boilerplate_spans(doc))
    assert len(judged) < 20
    monkeypatch.setattr(claims_module, "_amid_wordless", lambda *a: [])
    assert claims_module.extract_claims(doc, lex, boilerplate_spans(doc)) == found
    values = [c.value.low for c in found if c.kind == "quantity"]
    assert len(values) == 2 and values[0] == values[1]  # one claim for each sentence, none from the digits


@pytest.mark.parametrize(("lang", "sentence"), [
    ("fr", "Selon le rectorat, " + ", ".join(f"{i} %" for i in range(10, 90)) + " des enseignants étaient en grève."),
    ("en", "The union said " + ", ".join(f"{i}%" for i in range(10, 90)) + " of teachers were on strike."),
    ("de", "Laut Gewerkschaft streikten " + ", ".join(f"{i} %" for i in range(10, 90)) + " der Lehrer."),
    ("es", "Según el sindicato, " + ", ".join(f"{i} %" for i in range(10, 90)) + " de los docentes secundaron la huelga."),
])
def test_a_sentence_of_percentages_reads_its_figures_once(monkeypatch, lang, sentence):
    """Eighty percentages in one sentence: what each is a share of is read from the
    sentence's figures found once, not once per percentage (that grew with their square)."""
    from consistency.extract import shares
    from consistency.extract.claims import extract_claims
    from consistency.extract.lexicon import load_lexicon

    lex = load_lexicon()
    doc = read_text((sentence + "\n").encode(), id=f"pct-{lang}", path=f"pct-{lang}.txt")
    found = _count_calls(monkeypatch, shares, "find_numbers")
    claims = extract_claims(doc, lex, boilerplate_spans(doc))
    assert 1 <= len(found) <= 3
    assert sum(c.unit == "percent" for c in claims if c.kind == "quantity") <= 80


@pytest.mark.parametrize("pattern", ["[!", "[", "/"])
def test_a_glob_that_cannot_be_read_is_one_error_naming_the_option(tmp_path, articles, capsys, monkeypatch, pattern):
    """pathspec drops such a pattern silently: the run then read no article at all."""
    code, _, err = run(["articles", "--include", pattern, "--no-report", "--no-cache"], capsys, tmp_path, monkeypatch)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "--include" in lines[0] and repr(pattern) in lines[0]


@pytest.mark.parametrize("value", ["soon", "-5", "nan", "20s"])
def test_a_wrong_time_budget_is_one_error_naming_the_variable(tmp_path, articles, capsys, monkeypatch, value):
    """A budget that is no number of seconds is refused, not replaced by the default unseen."""
    monkeypatch.setenv("CHECK_CONSISTENCY_TIME_BUDGET", value)
    code, _, err = run(["articles", "--no-report", "--no-cache"], capsys, tmp_path, monkeypatch)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "CHECK_CONSISTENCY_TIME_BUDGET" in lines[0]


@pytest.mark.parametrize(("lang", "sentence", "expected"), [
    ("fr", "Il y a 1 000 jours, la digue a cédé au nord de la ville.", "Il y a 1 000 jours"),
    ("en", "The dam gave way 2 500 years ago, the survey found.", "2 500 years ago"),
    ("de", "Vor 2 500 Jahren brach der Damm an dieser Stelle.", "Vor 2 500 Jahren"),
    ("es", "Hace 10 000 años el río cambió de curso, según el estudio.", "Hace 10 000 años"),
])
def test_durations_in_thousands_grouped_by_spaces_are_still_read(lang, sentence, expected):
    import datetime as dt

    from consistency.extract.times import find_times

    found = [sentence[m.start : m.end] for m in find_times(sentence, lang, dt.date(2024, 3, 1))]
    assert expected in found


def test_a_run_of_thousands_grouped_by_spaces_is_read_in_linear_time():
    """Each group of "1 000 000 …" started a new duration reading that ran to the end of the
    run: 4 times the groups took 16 times the CPU. Two sizes in one run, a generous factor."""
    import datetime as dt

    from consistency.extract.times import find_times

    def read(text: str) -> object:
        return find_times(text, "fr", dt.date(2024, 3, 1))

    read("1 000 000")  # compiled patterns
    small, large = _best_time(read, "1" + " 000" * 1000, 3), _best_time(read, "1" + " 000" * 4000, 3)
    assert large <= 8 * small + 0.02, f"{small * 1000:.0f} ms then {large * 1000:.0f} ms"


@pytest.mark.parametrize("unit", [" %", "%", " % "])
def test_the_figures_of_a_long_run_of_bare_percentages_are_not_judged_one_by_one(monkeypatch, unit):
    """"1 % 1 % …" is read in pieces of one long sentence with no word: the pieces amid
    others are not judged, so twice the run is not twice the work (it cost 40 ms a KB)."""
    from consistency.extract import claims as claims_module
    from consistency.extract.lexicon import load_lexicon
    from consistency.extract.number_filters import _NotQuantity

    lex = load_lexicon()
    counts = []
    for n in (2000, 4000):
        doc = read_text((("1" + unit + " ") * n).encode(), id="pct", path="pct.txt")
        judged = _count_calls(monkeypatch, _NotQuantity, "is_quantity")
        assert claims_module.extract_claims(doc, lex, boilerplate_spans(doc)) == ()
        counts.append(len(judged))
        monkeypatch.undo()
    assert counts[1] < 1.5 * counts[0], counts  # the first and last pieces only (it was 2 times)
