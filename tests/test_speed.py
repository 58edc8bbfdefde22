"""Start-up and throughput guards, by counting work (never by timing: machines differ).

Start-up: importing the command line compiles none of the project's patterns, and importing
the pipeline only a few; each language's grammar compiles on first use. Throughput: nothing
is compiled again per document. Issue 13: a document over its time budget is skipped with a
warning instead of stalling the run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.cli import main
from consistency.corpus import boilerplate_spans
from consistency.extract.claims import extract_claims
from consistency.extract.lexicon import load_lexicon
from consistency.model import Document
from consistency.pipeline import analyse
from consistency.ruleset import default_rules_dir, load_rules

ROOT = Path(__file__).resolve().parent.parent

# Invented news sentences, one small article per language.
ARTICLES = {
    "fr": "Les pompiers ont évacué 1 200 habitants mardi à Valence, selon la préfecture. "
    "Au moins 14 personnes ont été blessées dans l'incendie.",
    "en": "Firefighters evacuated 1,200 residents on Tuesday in Leeds, the county council said. "
    "At least 14 people were injured in the blaze.",
    "de": "Die Feuerwehr hat am Dienstag 1200 Anwohner in Kassel in Sicherheit gebracht, teilte die Stadt mit. "
    "Mindestens 14 Menschen wurden bei dem Brand verletzt.",
    "es": "Los bomberos desalojaron el martes a 1.200 vecinos en Zaragoza, según el ayuntamiento. "
    "Al menos 14 personas resultaron heridas en el incendio.",
}

# Run in a fresh interpreter: count the patterns the project's own modules really compile
# (cache misses of the re module) while importing one module.
_COUNT = """
import os, re, re._compiler, sys
real = re._compiler.compile
package = os.path.join(os.getcwd(), "consistency") + os.sep
count = []
def counting(p, flags=0):
    f = sys._getframe(1)
    while f is not None and os.sep + "re" + os.sep in f.f_code.co_filename:
        f = f.f_back  # re.compile, re.match…: the caller is the frame below
    if f is not None and f.f_code.co_filename.startswith(package):
        count.append(f.f_code.co_filename)
    return real(p, flags)
re._compiler.compile = counting
import {module}
print(len(count), "consistency.pipeline" in sys.modules, "consistency.extract.times" in sys.modules)
"""


def _import_cost(module: str) -> tuple[int, bool, bool]:
    out = subprocess.run([sys.executable, "-c", _COUNT.format(module=module)], cwd=ROOT, capture_output=True,
                         text=True, check=True).stdout.split()
    return int(out[0]), out[1] == "True", out[2] == "True"


@pytest.mark.slow
def test_importing_the_command_line_compiles_nothing_and_leaves_the_pipeline_alone():
    compiled, pipeline, times = _import_cost("consistency.cli")
    assert compiled == 0
    assert not pipeline and not times  # --help, --version and usage errors never pay for extraction


@pytest.mark.slow
def test_help_imports_neither_rich_nor_the_yaml_loader():
    # rich's console was a third of what `--help` cost; it is imported when a message is printed.
    code = "import sys; from consistency.cli import main; main(['--help']); print(sorted({m.split('.')[0] for m in sys.modules}))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    loaded = out.splitlines()[-1]
    assert "'typer'" in loaded  # the line read is the module list
    assert "'rich'" not in loaded and "'yaml'" not in loaded and "'pydantic'" not in loaded


@pytest.mark.slow
def test_importing_the_pipeline_compiles_only_a_few_small_patterns():
    # Before: ~290 of the project's patterns (every language's number and time grammar, the
    # page-noise pattern) were compiled at import, whatever the articles' language.
    compiled, _, _ = _import_cost("consistency.pipeline")
    assert compiled <= 100


@pytest.mark.slow
def test_a_grammar_compiles_on_first_use_of_its_language():
    code = (
        "from consistency.extract import numbers, times\n"
        "print(len(numbers._DEFAULT._by_tag), len(times.DEFAULT._grammars))\n"
        "times.find_times('Le 3 mars 2024, à Lyon.', 'fr', None)\n"
        "numbers.find_numbers('Plus de 300 soldats.', 'fr')\n"
        "print(sorted(times.DEFAULT._grammars), sorted(numbers._DEFAULT._by_tag))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    before, after = out.splitlines()
    assert before == "0 0"
    assert after == "['fr'] ['fr']"  # German, Spanish and English were not compiled for a French text


def _document(lang: str, n: int = 0) -> Document:
    return Document(id=f"{lang}-{n}", path=f"articles/{lang}-{n}.txt", text=ARTICLES[lang], language=lang,
                    published=dt.date(2025, 3, 4))


def test_no_pattern_is_compiled_again_for_each_document(monkeypatch):
    lex = load_lexicon()
    docs = [_document(lang) for lang in ARTICLES]
    first = [extract_claims(d, lex, boilerplate_spans(d)) for d in docs]  # first use of each language
    calls = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    again = [extract_claims(d, lex, boilerplate_spans(d)) for d in docs]
    assert calls == []  # the unit patterns used to be rebuilt for every document
    assert again == first
    assert all(first)  # each article has figures: the loop above did real work


RULES = load_rules([default_rules_dir()])


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_document_over_its_time_budget_is_skipped_not_checked(lang):
    doc = _document(lang)
    slow = analyse([doc], RULES, budget=1e-6)  # a budget no extraction can meet
    assert slow.documents == () and slow.claims == ()
    assert [s.path for s in slow.skipped] == [doc.path]
    assert "took more than" in slow.skipped[0].reason
    normal = analyse([doc], RULES, budget=600.0)
    assert normal.skipped == () and normal.claims  # a generous budget changes nothing
    assert analyse([doc], RULES, budget=None) == normal


def test_the_time_budget_is_set_by_environment_and_named_in_one_warning(tmp_path, capsys, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    for lang, text in ARTICLES.items():
        (folder / f"{lang}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("CHECK_CONSISTENCY_TIME_BUDGET", "0.000001")
    code = main([str(folder), "--format", "json", "--no-report", "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 0
    warnings = [line for line in err.splitlines() if "took more than" in line]
    assert len(warnings) == 4 and all(line.startswith("check-consistency: warning: skipped ") for line in warnings)
    assert {Path(line.split("skipped ")[1].split(":")[0]).name for line in warnings} == {f"{lang}.txt" for lang in ARTICLES}
    assert json.loads(out)["claims"] == []


@pytest.mark.slow
def test_a_check_never_imports_the_rule_tests():
    # `check-consistency test` builds pydantic models of its own; a check of articles never
    # runs rule tests, so it no longer pays for them (the package imported them on every run).
    code = ("import sys, consistency.ruleset as r; before = 'consistency.ruleset.testing' in sys.modules; "
            "from consistency.cli import main\ntry: main([sys.argv[1], '--no-report', '--no-cache', '-q'])\n"
            "except SystemExit: pass\nafter = 'consistency.ruleset.testing' in sys.modules; r.build_context; "
            "print(before, after, 'consistency.ruleset.testing' in sys.modules)")
    article = ROOT / "seeds" / "000_016b9498bfa5711a.txt"
    out = subprocess.run([sys.executable, "-c", code, str(article)], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out == ["False", "False", "True"]  # and still there for those who ask for it


# --- The disk cache of large patterns ---------------------------------------------------------


@pytest.mark.slow
def test_a_large_pattern_from_the_disk_cache_is_the_pattern_re_compiles(tmp_path, monkeypatch):
    from consistency import regex_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_used", {})
    words = [f"mot{i}ière" for i in range(600)] + ["Kreis Ahrweiler", "comunidad valenciana"]
    pattern = r"(?<!\w)(?P<w>" + "|".join(words) + r")(?:\s+(?P<n>\d+))?"
    text = "Dans le Kreis Ahrweiler 12 et mot599ière 3, puis COMUNIDAD VALENCIANA."
    expected = [(m.span(), m.groupdict()) for m in re.compile(pattern, re.IGNORECASE).finditer(text)]
    first = regex_cache.compile(pattern, re.IGNORECASE)
    regex_cache.save()
    monkeypatch.setattr(regex_cache, "_entries", None)  # as a new process: read from the file
    monkeypatch.setattr(regex_cache, "_used", {})
    monkeypatch.setattr(regex_cache._parser, "parse", lambda *a: pytest.fail("parsed again"))
    again = regex_cache.compile(pattern, re.IGNORECASE)
    assert [(m.span(), m.groupdict()) for m in again.finditer(text)] == expected
    assert [(m.span(), m.groupdict()) for m in first.finditer(text)] == expected
    assert len(expected) == 3 and again.groupindex == {"w": 1, "n": 2}


def test_a_damaged_pattern_cache_is_ignored(tmp_path, monkeypatch):
    import marshal

    from consistency import regex_cache, table_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_used", {})
    pattern = "(?:" + "|".join(f"jour{i}" for i in range(400)) + ")"
    regex_cache.compile(pattern)
    regex_cache.save()
    path = regex_cache._path()
    entries = table_cache.Entries(path)
    ((key, data),) = entries.items()
    entries.close()
    raw, flags, groups, index = marshal.loads(data)
    table_cache.Entries.write(path, {key: marshal.dumps((b"\xff" * len(raw), flags, groups, index))})
    monkeypatch.setattr(regex_cache, "_entries", None)  # as a new process: read from the file
    monkeypatch.setattr(regex_cache, "_used", {})
    assert regex_cache.compile(pattern).fullmatch("jour399")  # code the engine refuses: compiled again
    # One flipped byte inside the code: the engine might accept it and match something else;
    # the entry's checksum catches it first.
    table_cache.Entries.write(path, {key: data})
    good = path.read_bytes()
    broken = bytearray(good)
    broken[-len(data) // 2] ^= 0x01
    path.write_bytes(bytes(broken))
    assert table_cache.Entries(path).get_checked(key) is None
    assert key in table_cache.Entries(path)  # the index is sound: only that entry is refused
    for damaged in (bytes(broken), good[: len(good) // 2], b"not a cache", b""):
        path.write_bytes(damaged)
        monkeypatch.setattr(regex_cache, "_entries", None)
        monkeypatch.setattr(regex_cache, "_used", {})
        compiled = regex_cache.compile(pattern)
        assert compiled.fullmatch("jour7") and not compiled.fullmatch("jour")


def test_a_start_reads_only_the_cached_patterns_it_compiles(tmp_path, monkeypatch):
    # The file keeps the patterns of every recent version of the data (tens of MB): a run
    # checks and decodes the entries it asks for, never the whole file.
    from consistency import regex_cache, table_cache

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(regex_cache, "_entries", None)
    monkeypatch.setattr(regex_cache, "_used", {})
    patterns = ["(?:" + "|".join(f"mot{k}x{i}" for i in range(300)) + ")" for k in range(40)]
    for pattern in patterns:
        regex_cache.compile(pattern)
    regex_cache.save()
    monkeypatch.setattr(regex_cache, "_entries", None)  # as a new process
    monkeypatch.setattr(regex_cache, "_used", {})
    read = []
    real = table_cache.Entries.get_checked
    monkeypatch.setattr(table_cache.Entries, "get_checked", lambda self, key: read.append(key) or real(self, key))
    monkeypatch.setattr(regex_cache._parser, "parse", lambda *a: pytest.fail("parsed again"))
    assert regex_cache.compile(patterns[7]).fullmatch("mot7x299")
    assert regex_cache.compile(patterns[8]).fullmatch("mot8x0")
    assert len(read) == 2 and len(regex_cache._load()) == 40


def test_the_pattern_cache_keeps_this_runs_patterns_and_the_most_recent_others_within_its_size(tmp_path):
    # A run reads the entries it needs, not the whole file; the file keeps every entry of the
    # run that writes it and, after them, the most recent others that fit.
    from consistency import table_cache

    path = tmp_path / "entries.marshal"
    table_cache.Entries.write(path, {f"old{i}": bytes([i]) * 100 for i in range(10)})
    table_cache.merge_entries(path, {"mine": b"m" * 300}, limit=100, max_bytes=650)
    kept = table_cache.Entries(path)
    assert list(kept) == ["old7", "old8", "old9", "mine"]  # the three most recent others fit beside it
    assert kept["mine"] == b"m" * 300 and kept["old9"] == bytes([9]) * 100
    kept.close()
    table_cache.merge_entries(path, {"new": b"n"}, limit=2, max_bytes=10_000)
    assert list(table_cache.Entries(path)) == ["mine", "new"]


# --- The disk cache of tables (lexicon tries, number and time tries, parsed data files) -------

# Run in a fresh interpreter with its own cache folder: count the data files parsed and the
# tries built while building the lexicon and reading one article of each language, and print
# a digest of what was found, to compare runs.
_TABLES = """
import hashlib, json, sys, yaml
parsed, built = [], []
real_load = yaml.load
yaml.load = lambda *a, **k: parsed.append(1) or real_load(*a, **k)
from consistency import matching
real_trie = matching.build_trie
matching.build_trie = lambda *a, **k: built.append(1) or real_trie(*a, **k)
from consistency.extract.lexicon import build_lexicon
from consistency.extract.numbers import find_numbers
from consistency.extract.times import find_times
articles = json.loads(sys.argv[1])
lex = build_lexicon()
found = [lex._scanner.pattern]
for lang, text in sorted(articles.items()):
    found.append(repr(find_numbers(text, lang)))
    found.append(repr(find_times(text, lang, None)))
    indexed = lex.indexed(text)
    found.append(repr([(name, getattr(indexed, name).matches) for name in ("category_terms", "place_terms")]))
print(len(parsed), len(built), hashlib.sha256("\\n".join(found).encode()).hexdigest())
"""


def _table_run(cache: Path, **env: str) -> tuple[int, int, str]:
    environ = {k: v for k, v in os.environ.items() if k != "CHECK_CONSISTENCY_NO_TABLE_CACHE"}
    out = subprocess.run([sys.executable, "-c", _TABLES, json.dumps(ARTICLES)], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=environ | {"XDG_CACHE_HOME": str(cache)} | env).stdout.split()
    return int(out[0]), int(out[1]), out[2]


@pytest.mark.slow
def test_a_second_start_parses_no_data_file_and_builds_no_trie(tmp_path):
    parsed, built, cold = _table_run(tmp_path)
    assert parsed > 20 and built > 20  # the first run on a machine builds everything
    parsed, built, warm = _table_run(tmp_path)
    assert (parsed, built) == (0, 0)
    assert warm == cold  # the same patterns, figures, dates and matches
    _, _, fresh = _table_run(tmp_path, CHECK_CONSISTENCY_NO_TABLE_CACHE="1")
    assert fresh == cold


@pytest.mark.slow
@pytest.mark.parametrize("damage", ["flip", "truncate", "empty"])
def test_a_damaged_table_cache_is_detected_rebuilt_and_rewritten(tmp_path, damage):
    from consistency import table_cache

    _, _, cold = _table_run(tmp_path)
    (path,) = (tmp_path / "check-consistency").glob("tables-*.marshal")
    data = path.read_bytes()
    if damage == "flip":  # one bit in the middle of a string: still valid marshal, wrong words
        broken = bytearray(data)
        broken[len(data) // 2] ^= 0x20
        path.write_bytes(bytes(broken))
    elif damage == "truncate":  # a run killed while writing without the atomic rename
        path.write_bytes(data[: len(data) // 3])
    else:
        path.write_bytes(b"")
    assert table_cache.read_checked(path) is None
    parsed, built, again = _table_run(tmp_path)
    assert parsed > 20 and built > 20 and again == cold  # nothing read from the damaged file
    assert isinstance(table_cache.read_checked(path), dict)  # and a sound one written in its place
    assert _table_run(tmp_path)[:2] == (0, 0)


def test_data_file_errors_and_limits_are_not_cached(tmp_path, monkeypatch):
    from consistency import table_cache
    from consistency.corpus._data import load_yaml
    from consistency.errors import InputError

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(table_cache.DISABLE, raising=False)
    table_cache.reset()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg"))
    for _ in range(2):  # refused each time, never stored as a value
        with pytest.raises(InputError, match="alias bomb"):
            load_yaml(bomb, "bomb.yaml", cache=True)
    text = "orages:\n  fr: [orage, grêle]\n  de: [Gewitter]\n"
    first = load_yaml(text, "weather.yaml", cache=True)
    first["orages"]["fr"].append("changed by a caller")
    assert load_yaml(text, "weather.yaml", cache=True) == {"orages": {"fr": ["orage", "grêle"], "de": ["Gewitter"]}}
    assert table_cache.stats["hits"] == 1 and len(table_cache._entries or {}) == 1  # the bomb was never stored
    table_cache.reset()


def test_a_packed_table_decodes_only_what_is_read():
    from consistency import table_cache

    names = {"valence": [("ES-V", 2, frozenset({"fr"}))], "valencia": [("ES-V", 2, frozenset())], "leeds": [("GB-LDS", 1, frozenset())]}
    packed = table_cache.Packed(table_cache.Packed.pack(names))
    assert packed.get("leeds") == names["leeds"] and packed.get("lyon", ()) == ()
    assert list(packed._open) == ["leeds"]  # the other entries are still bytes
    assert dict(packed) == names and len(packed) == 3


# --- Rule evaluation: pairs within a scope, not across the whole topic ------------------------

FLOOD = {
    "fr": "Les inondations ont fait {n} morts à {place} le 14 mars 2025, selon la préfecture.",
    "en": "The floods killed {n} people in {place} on March 14, 2025, rescuers said.",
    "de": "Beim Hochwasser in {place} sind am 14. März 2025 {n} Menschen ums Leben gekommen, teilte die Polizei mit.",
    "es": "Las inundaciones causaron {n} muertos en {place} el 14 de marzo de 2025, según la Guardia Civil.",
}
TOWNS = ["Lyon", "Leeds", "Kassel", "Zaragoza", "Nantes", "Bristol"]


def _flood_corpus() -> list[Document]:
    docs = []
    for k, town in enumerate(TOWNS):
        for lang, sentence in FLOOD.items():
            n = (20 + 7 * k) * (2 if lang in ("de", "es") else 1)  # two figures per town, far apart
            docs.append(Document(id=f"{town}-{lang}", path=f"{town}-{lang}.txt", text=sentence.format(n=n, place=town),
                                 language=lang, published=dt.date(2025, 3, 15)))
    return docs


@pytest.mark.slow
def test_quantity_rules_judge_only_pairs_of_one_scope_with_the_same_findings(monkeypatch):
    from consistency.ruleset.kinds import quantity

    docs = _flood_corpus()
    judged = []
    real_judge = quantity._judge
    monkeypatch.setattr(quantity, "_judge", lambda *a, **k: judged.append(1) or real_judge(*a, **k))
    scoped = analyse(docs, RULES)
    scoped_work = len(judged)
    judged.clear()
    every_pair = lambda reps, env, options=None: ((i, j) for i in range(len(reps)) for j in range(i + 1, len(reps)))  # noqa: E731
    monkeypatch.setattr(quantity, "_scope_pairs", every_pair)
    monkeypatch.setattr(quantity, "verdicts", quantity._verdicts)  # and every rule judges on its own
    brute = analyse(docs, RULES)
    assert scoped.findings == brute.findings and scoped.claims == brute.claims
    assert any(f.kind == "dispute" for f in scoped.findings)  # two named sources disagree in each town
    assert scoped_work * 2 < len(judged)  # towns far apart were set against each other before


@pytest.mark.parametrize(("value", "expected"), [(None, 20.0), ("5", 5.0), ("0", None), ("inf", None)])
def test_the_time_budget_setting(monkeypatch, value, expected):
    from consistency.pipeline import time_budget

    if value is None:
        monkeypatch.delenv("CHECK_CONSISTENCY_TIME_BUDGET", raising=False)
    else:
        monkeypatch.setenv("CHECK_CONSISTENCY_TIME_BUDGET", value)
    assert time_budget() == expected
