"""Language packs: a language is a folder of data (consistency/extract/languages/<code>/).

A user adds a language with `--lexicon DIR` and no Python; a mistyped key in a pack or an
entity lexicon is refused with its file, line and the key it was probably meant to be.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from consistency.errors import InputError, RuleError
from consistency.extract.claims import extract_claims
from consistency.extract.languages import PACKS_DIR, languages, pack, pack_folders
from consistency.extract.lexicon import build_lexicon
from consistency.extract.numbers import find_numbers, load_number_lexicon
from consistency.extract.times import TimeGrammar
from consistency.model import Document

ROOT = Path(__file__).resolve().parent.parent

# A minimal Italian pack, as docs/languages.md tells a user to write it.
ITALIAN = {
    "pack.yaml": "language: it\nname: Italiano\ndecimal_mark: comma\ndate_order: DMY\n",
    "numbers.yaml": (
        "words: [uno, una, due, tre, quattro, cinque, sei, sette, otto, nove, dieci, cento, mille, mila,\n"
        "        milione, milioni]\n"
        "joiners: [e]\n"
        "articles: [un, una]\n"
        "scales: {mille: 1.0e+3, mila: 1.0e+3, milione: 1.0e+6, milioni: 1.0e+6}\n"
        "not_alone: [un, una, milione, milioni]\n"
        "percent: ['%', 'per cento']\n"
        "not_quantities:\n"
        "  before_year: [nel, dal, 'fino al']\n"
    ),
    "qualifiers.yaml": (
        "before:\n  circa: approx\n  'più di': more_than\n  almeno: at_least\n  'fino a': up_to\n"
        "ranges:\n  tra: [e]\n"
    ),
    "time_words.yaml": (
        "months: {1: [gennaio], 2: [febbraio], 3: [marzo], 4: [aprile], 5: [maggio], 6: [giugno],\n"
        "         7: [luglio], 8: [agosto], 9: [settembre], 10: [ottobre], 11: [novembre], 12: [dicembre]}\n"
    ),
    "attribution.yaml": "prepositions: [secondo]\nverbs: [ha detto, ha dichiarato]\n",
}


def write_pack(folder: Path, files: dict[str, str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def figures(text: str, lang: str, lexicon=None) -> list[tuple[float | None, float | None, float | None, str]]:
    return [(m.point, m.value.low, m.value.high, m.qualifier) for m in find_numbers(text, lang, lexicon=lexicon)]


def test_built_in_packs_are_the_four_languages_and_valid() -> None:
    assert set(languages()) >= {"fr", "en", "de", "es"}
    assert pack("de").decimal_mark == "comma" and pack("en").date_order == "MDY"


def test_an_italian_pack_in_a_temporary_folder_reads_figures_without_python(tmp_path) -> None:
    it = write_pack(tmp_path / "it", ITALIAN)
    assert {p.suffix for p in it.iterdir()} == {".yaml"}  # the whole language is data
    lex = load_number_lexicon(it)
    assert figures("Circa 11.000 soldati sono stati inviati al confine.", "it", lex) == [(11000, 9900, 12100, "approx")]
    assert figures("Più di 1.300 persone sono state evacuate.", "it", lex) == [(1300, 1300, None, "more_than")]
    assert figures("Almeno tre milioni di metri cubi d'acqua.", "it", lex) == [(3e6, 3e6, None, "at_least")]
    assert figures("Tra 200 e 300 case sono state allagate.", "it", lex)[0][1:3] == (200, 300)
    assert figures("Nel 2023 i vigili del fuoco erano 40.", "it", lex) == [(40, 40, 40, "exact")]  # 2023 is a year
    # Without the pack, "1,5" cannot be told from "1.5"-style English digits and no word is read.
    assert figures("Almeno tre milioni di metri cubi d'acqua.", "it") == []
    span = TimeGrammar.load(it).parse_time("14 luglio 2023", "it", dt.date(2023, 7, 20))
    assert span is not None and (span.low, span.high) == (dt.date(2023, 7, 14), dt.date(2023, 7, 14))


@pytest.mark.slow
def test_a_lexicon_folder_holding_a_pack_and_entity_words_reads_italian_claims(tmp_path) -> None:
    write_pack(tmp_path / "it", ITALIAN)
    (tmp_path / "categories.yaml").write_text("soldiers:\n  it: [soldati]\n", encoding="utf-8")
    lex = build_lexicon((tmp_path,))
    text = "Secondo il ministero, circa 11.000 soldati sono stati inviati al confine."
    doc = Document(id="a", path="a.txt", text=text, language="it", published=dt.date(2024, 3, 2))
    claims = [c for c in extract_claims(doc, lex) if c.kind == "quantity"]
    assert [(c.category, c.value.low, c.value.high) for c in claims] == [("soldiers", 9900, 12100)]


@pytest.mark.slow
def test_an_italian_figure_is_read_with_its_source_and_place_from_the_users_folder(tmp_path) -> None:
    """"Secondo" is only in the user's pack: the source is read from it, the place with it."""
    text = "Secondo la Protezione civile, circa 1.300 soldati sono stati inviati a Bologna dopo l'alluvione."
    doc = Document(id="a", path="a.txt", text=text, language="it", published=dt.date(2024, 5, 20))

    def read(folder: Path, attribution: str) -> list[tuple[object, ...]]:
        write_pack(folder / "it", {**ITALIAN, "attribution.yaml": attribution})
        (folder / "categories.yaml").write_text("soldiers:\n  it: [soldati]\n", encoding="utf-8")
        (folder / "origins.yaml").write_text(
            "origins:\n  Protezione Civile:\n    kind: agency\n    aliases: [Protezione civile]\n", encoding="utf-8")
        claims = [c for c in extract_claims(doc, build_lexicon((folder,))) if c.kind == "quantity"]
        return [(c.category, c.value.low, c.value.high, c.attributed_to, c.location, c.place_source) for c in claims]

    assert read(tmp_path / "with", ITALIAN["attribution.yaml"]) == [
        ("soldiers", 1200, 1400, "Protezione Civile", "Bologna", "clause")]
    # Without the pack's "secondo" the same sentence names no source.
    assert read(tmp_path / "without", "verbs: [ha detto]\n") == [("soldiers", 1200, 1400, None, "Bologna", "clause")]


@pytest.mark.slow
def test_the_scope_words_of_a_users_pack_reach_claims_and_only_its_lexicon(tmp_path) -> None:
    """"di loro" ("of them") is only in the user's scope.yaml: with it the share counts the
    soldiers just counted; a lexicon without that folder never reads it, before or after."""
    text = "Circa 2.000 soldati sono arrivati a Bologna. Il 40% di loro resterà in città fino a giugno."
    doc = Document(id="a", path="a.txt", text=text, language="it", published=dt.date(2024, 5, 20))

    def read(folder: Path, scope: str | None) -> list[tuple[object, ...]]:
        write_pack(folder / "it", {**ITALIAN, **({"scope.yaml": scope} if scope else {})})
        (folder / "categories.yaml").write_text("soldiers:\n  it: [soldati]\n", encoding="utf-8")
        claims = [c for c in extract_claims(doc, build_lexicon((folder,))) if c.kind == "quantity"]
        return [(c.category, c.unit, c.value.low) for c in claims]

    soldiers = ("soldiers", "count", 1800)
    assert read(tmp_path / "before", None) == [soldiers]
    assert read(tmp_path / "with", "of_them: [di loro, tra loro]\nclause_breaks: [mentre]\n") == [
        soldiers, ("soldiers", "percent", 40)]
    assert read(tmp_path / "after", None) == [soldiers]  # the user's words stay with their lexicon


@pytest.mark.slow
def test_the_cues_of_a_users_pack_reach_claims(tmp_path) -> None:
    """"in tutto il paese" ("nationwide") is only in the user's cues.yaml: with it the figure
    is the country's own, not one placed by its article."""
    text = "Il governo di Roma ha inviato 2.000 soldati a Bologna. In tutto il paese sono stati schierati 9.000 soldati."
    doc = Document(id="a", path="a.txt", text=text, language="it", published=dt.date(2024, 5, 20))

    def read(folder: Path, cues: str | None) -> list[tuple[object, ...]]:
        write_pack(folder / "it", {**ITALIAN, **({"cues.yaml": cues} if cues else {})})
        (folder / "categories.yaml").write_text("soldiers:\n  it: [soldati]\n", encoding="utf-8")
        claims = [c for c in extract_claims(doc, build_lexicon((folder,))) if c.kind == "quantity"]
        return [(c.value.low, c.location, c.place_source) for c in claims]

    assert read(tmp_path / "without", None)[1] == (9000, "Italy", "document")
    assert read(tmp_path / "with", 'nationwide: ["in tutto il paese"]\n') == [
        (2000, "Bologna", "clause"), (9000, "Italy", "nationwide")]


def test_a_mistyped_key_is_refused_with_file_line_and_suggestion(tmp_path) -> None:
    files = dict(ITALIAN)
    files["numbers.yaml"] = files["numbers.yaml"].replace("joiners:", "joinres:")
    files["qualifiers.yaml"] = "befor:\n  circa: approx\n"
    it = write_pack(tmp_path / "it", files)
    (tmp_path / "places.yaml").write_text("Roma:\n  it: [Roma]\n  wrods: [Rome]\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        build_lexicon((tmp_path,))
    problems = err.value.problems
    assert isinstance(err.value, InputError)  # exit code 2, like every bad input file
    found = {(Path(p.path).name, p.line): p.message for p in problems}
    assert "did you mean 'joiners'" in found[("numbers.yaml", 3)]
    assert "did you mean 'before'" in found[("qualifiers.yaml", 1)]
    assert "unknown key 'wrods'" in found[("places.yaml", 3)]
    assert len(problems) == 3  # every problem at once, not the first one only
    assert str(it / "numbers.yaml") in err.value.details()


@pytest.mark.slow
def test_a_wrong_value_and_an_unknown_pack_file_are_refused(tmp_path) -> None:
    files = dict(ITALIAN)
    files["pack.yaml"] = "language: it\ndecimal_mark: coma\n"
    files["number_words.yaml"] = "words: [uno]\n"
    write_pack(tmp_path / "it", files)
    with pytest.raises(RuleError) as err:
        build_lexicon((tmp_path / "it",))
    messages = " | ".join(p.message for p in err.value.problems)
    assert "did you mean 'comma'" in messages
    assert "not a language pack file; did you mean 'numbers.yaml'" in messages


def test_the_cli_exits_2_and_lists_every_problem(tmp_path, capsys) -> None:
    from consistency.cli import main

    files = dict(ITALIAN)
    files["numbers.yaml"] = files["numbers.yaml"].replace("scales:", "scale:")
    write_pack(tmp_path / "lex" / "it", files)
    (tmp_path / "lex" / "categories.yaml").write_text("soldiers:\n  lable: {it: soldati}\n", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Circa 11.000 soldati.\n", encoding="utf-8")
    code = main(["extract", str(tmp_path / "a.txt"), "--lexicon", str(tmp_path / "lex")])
    err = capsys.readouterr().err
    assert code == 2
    assert "numbers.yaml:5" in err and "did you mean 'scales'" in err
    assert "categories.yaml:2" in err and "did you mean 'label'" in err


def test_only_the_pack_loader_names_languages() -> None:
    """numbers.py, times.py, metadata.py… ask the packs; no `("fr", "en")` nor `lang="en"` in their code."""
    code = re.compile(r"""(?:==?\s*|\(\s*|,\s*)["'](?:fr|en|de|es)["']\s*[,)]?""")
    for rel in ("extract/numbers.py", "extract/times.py", "extract/attribution.py", "extract/sentences.py",
                "extract/datafiles.py", "extract/languages/__init__.py", "extract/languages/scope.py",
                "extract/claims.py", "extract/shares.py", "corpus/language.py", "corpus/metadata.py",
                "extract/gazetteer.py", "extract/lexicon.py", "graph.py"):
        lines = (ROOT / "consistency" / rel).read_text(encoding="utf-8").splitlines()
        named = [ln for ln in lines if code.search(ln.split("#")[0]) and not ln.strip().startswith(("#", '"', "`"))]
        assert named == [], rel


def test_stop_words_come_from_the_packs_and_still_tell_french_from_english() -> None:
    from consistency.corpus.language import detect_language
    from consistency.extract.languages import stop_words

    assert not (ROOT / "consistency" / "corpus" / "data" / "stopwords.yaml").exists()
    assert {"selon", "dans"} <= set(stop_words()["fr"]) and {"the", "which"} <= set(stop_words()["en"])
    fr = "Selon les pompiers, les habitants de la vallée ont été évacués dans la nuit et la route est coupée depuis mardi."
    en = "According to the fire service, the residents of the valley were evacuated overnight and the road has been closed since Tuesday."
    assert (detect_language(fr), detect_language(en)) == ("fr", "en")


def test_user_packs_are_found_in_a_folder_of_packs_or_as_the_folder(tmp_path) -> None:
    write_pack(tmp_path / "it", ITALIAN)
    builtin = len(pack_folders())
    assert pack_folders([tmp_path])[builtin:] == (tmp_path / "it",)
    assert pack_folders([tmp_path / "it"])[builtin:] == (tmp_path / "it",)
    assert all(p.parent == PACKS_DIR for p in pack_folders()[:builtin])


def test_a_user_pack_of_a_built_in_language_extends_it(tmp_path) -> None:
    de = write_pack(tmp_path / "de", {"pack.yaml": "language: de\n", "qualifiers.yaml": "before:\n  gegen: approx\n"})
    text = "Gegen 500 Menschen harrten in der Turnhalle aus."
    assert figures(text, "de") == [(500, 500, 500, "exact")]
    assert figures(text, "de", load_number_lexicon(de)) == [(500, 450, 550, "approx")]
    # The built-in German words are still there.
    assert figures("Mehr als 1.300 Menschen", "de", load_number_lexicon(de)) == [(1300, 1300, None, "more_than")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Les secours ont reçu plus de 900 alertes dans la nuit.", "fr"),
        ("Emergency services logged more than 900 alerts overnight.", "en"),
        ("Die Leitstelle zählte in der Nacht mehr als 900 Notrufe.", "de"),
        ("El 112 recibió más de 900 avisos durante la noche.", "es"),
    ],
)
@pytest.mark.slow
def test_calls_to_emergency_services_are_counted_as_alerts(text: str, lang: str) -> None:
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2024, 10, 30))
    claims = [c for c in extract_claims(doc, build_lexicon()) if c.kind == "quantity"]
    assert [(c.category, c.value.low) for c in claims] == [("alerts", 900)]
