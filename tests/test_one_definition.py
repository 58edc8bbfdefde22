"""One definition each: the text key and the trie every word list uses, the one place map,
the one severity scale. Every sentence here is invented for these tests."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from consistency.baseline import Baseline, BaselineEntry, dump_baseline, load_baseline
from consistency.corpus import _data
from consistency.errors import InputError
from consistency.extract.gazetteer import fold
from consistency.extract.lexicon import Terms, build_lexicon, place_level
from consistency.matching import longest_first, normalise, plain, trie
from consistency.model import Finding, Result, Severity
from consistency.report import render_json
from consistency.ruleset import default_rules_dir, load_rules
from consistency.ruleset.places import Places

# --- one key for a phrase ------------------------------------------------------------------


@pytest.mark.parametrize(
    "written,listed",
    [
        ("L’Armée  de l’air", "l'armée de l'air"),  # fr: curly apostrophe, two spaces
        ("the\u00a0Gaza Strip", "The Gaza Strip"),  # en: no-break space
        ("Kreis\u202fAhrweiler", "kreis ahrweiler"),  # de: narrow no-break space
        ("los muertos en Andaluci\u0301a", "Los muertos en Andalucía"),  # es: a decomposed accent is composed
    ],
)
def test_a_phrase_has_one_key_however_it_is_typed(written: str, listed: str) -> None:
    assert normalise(written) == normalise(listed)


def test_every_word_list_shares_that_key() -> None:
    # page metadata (corpus), the gazetteer's loose names and the lexicons agree on apostrophes
    assert _data.fold("Jusqu‘au  SOIR") == normalise("jusqu'au soir")
    assert fold("Al-Haouz") == fold("al Haouz") == fold("AL HAOUZ") == "al haouz"
    assert fold("Düsseldorf") == fold("Dusseldorf") and fold("Straße") == "strasse"
    assert plain("l’été\u00a0") == "l'été " and len(plain("l’été\u00a0")) == len("l’été\u00a0")


def test_a_lexicon_entry_matches_curly_and_straight_apostrophes_alike() -> None:
    terms = Terms((("d'aide humanitaire", "aid"), ("Gaza Strip", "Gaza"), ("Hochwasser*", "flood")))
    for text in ("Des convois d’aide humanitaire attendent.", "Des convois d'aide  humanitaire attendent."):
        assert [m.key for m in terms.finditer(text)] == ["aid"]
    assert [m.key for m in terms.finditer("Aid reached the GAZA STRIP; das Hochwassergebiet")] == ["Gaza", "flood"]


# --- one regex builder ----------------------------------------------------------------------


def test_the_trie_prefers_the_longest_spelling_and_keeps_word_edges() -> None:
    words = ["mars", "mar", "marzo"]
    rx = re.compile(trie((w, r"(?!\w)") for w in words), re.IGNORECASE)
    assert [m.group() for m in rx.finditer("el 3 de marzo, le 3 mars, martes")] == ["marzo", "mars"]
    assert trie([]) == "(?!)"  # no word: a pattern that matches nothing


def test_the_flat_alternation_tries_the_longest_phrase_first() -> None:
    rx = re.compile(longest_first(["des dizaines", "des dizaines de milliers"]))
    found = rx.search("des dizaines de milliers de manifestants")
    assert found is not None and found.group() == "des dizaines de milliers"


# --- one place map ------------------------------------------------------------------------


def test_the_rules_read_where_places_lie_from_the_lexicon() -> None:
    places = load_rules([default_rules_dir()]).places
    assert places.compatible("Bakhmut", "Ukraine")  # Bakhmut → Donetsk → Donbas → Ukraine
    assert not places.compatible("Kursk", "Donetsk")
    assert places.compatible("Moscow", "Russia")  # a place the lexicon maps without spelling it


def test_a_lexicon_folder_adds_a_place_and_where_it_lies(tmp_path: Path) -> None:
    (tmp_path / "places.yaml").write_text(
        "Nordhafen: {de: [Nordhafen], en: [Nordhafen], fr: [Nordhafen], es: [Nordhafen], within: Hamburg}\n",
        encoding="utf-8",
    )
    lexicon = build_lexicon([tmp_path])
    assert lexicon.place_keys["Nordhafen"] == "Nordhafen" and lexicon.place_within["Nordhafen"] == "Hamburg"
    assert lexicon.place_within["Kursk"] == "Russia"  # the built-in map stays
    assert not Places().compatible("Nordhafen", "Hamburg")
    assert Places().using(lexicon.place_within).compatible("Nordhafen", "Hamburg")


def test_a_rule_file_can_still_place_a_place_and_wins(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "r.yaml").write_text(
        "version: 1\nrules:\n  - {id: agree, kind: corroboration}\nplaces:\n  Nordhafen: Hamburg\n  Sumy: Kharkiv\n",
        encoding="utf-8",
    )
    places = load_rules([rules]).places
    assert places.compatible("Nordhafen", "hamburg")
    assert places.compatible("Sumy", "Kharkiv")  # the rule file's word; the lexicon says Ukraine


def test_a_misspelt_place_field_is_refused(tmp_path: Path) -> None:
    (tmp_path / "places.yaml").write_text("Nordhafen: {de: [Nordhafen], whithin: Hamburg}\n", encoding="utf-8")
    with pytest.raises(InputError, match="whithin"):
        build_lexicon([tmp_path])


def test_countries_are_countries_from_the_lexicon_alone() -> None:
    assert place_level("Turkey") == place_level("North Korea") == "country"
    assert place_level("Kursk") is None and place_level(None) is None


# --- one severity scale -------------------------------------------------------------------


def test_a_finding_carries_the_scale_and_the_json_its_name() -> None:
    finding = Finding("fp", "r", "dispute", "warning", "t", (), "Police and organisers disagree.")  # type: ignore[arg-type]
    assert finding.severity is Severity.WARNING and finding.severity > Severity.INFO
    data = json.loads(render_json(Result("c", (), (), (), (finding,))))
    assert data["findings"][0]["severity"] == "warning"
    with pytest.raises(ValueError, match="'fatal' is not a severity"):
        Finding("fp", "r", "dispute", "fatal", "t", (), "?")  # type: ignore[arg-type]


def test_a_baseline_writes_names_and_refuses_one_off_the_scale(tmp_path: Path) -> None:
    entry = BaselineEntry("fp", "r", "contradiction", Severity.ERROR, "Toll · Valencia", "d", "11 vs 14")
    text = dump_baseline(Baseline((entry,)))
    path = tmp_path / "baseline.json"
    path.write_text(text, encoding="utf-8")
    assert '"severity": "error"' in text and load_baseline(path).entries[0].severity is Severity.ERROR
    path.write_text(text.replace('"error"', '"fatal"'), encoding="utf-8")
    with pytest.raises(InputError, match="not a severity: use one of info, warning, error"):
        load_baseline(path)


# --- a --lexicon folder's places reach a whole run ----------------------------------------------


def _article(published: str, publisher: str, title: str, body: str) -> str:
    return f"---\npublished: {published}\npublisher: {publisher}\n---\n# {title}\n\n{body}\n"


@pytest.mark.slow
@pytest.mark.parametrize("within, disputed", [("Hamburg", True), ("Kiel", False)])
def test_a_place_only_the_lexicon_folder_knows_decides_a_finding_of_a_check_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], within: str, disputed: bool
) -> None:
    """31 dead in a harbour district and 14 in the whole city cannot both be true, but only
    a folder that knows the district lies in that city can say so."""
    from consistency.cli import main

    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "a.md").write_text(_article(
        "2025-03-02", "Harbour Gazette", "Storm hits the port",
        "Storm Elin killed 31 people in Nordhafen on Saturday, the prefecture said."), encoding="utf-8")
    (articles / "b.md").write_text(_article(
        "2025-03-04", "Courrier du Nord", "Après la tempête",
        "La tempête Elin a tué 14 personnes à Hambourg samedi, a indiqué lundi le ministère de l'Intérieur."),
        encoding="utf-8")
    lexicon = tmp_path / "lexicon"
    lexicon.mkdir()
    (lexicon / "places.yaml").write_text(
        f"Nordhafen: {{de: [Nordhafen], en: [Nordhafen], fr: [Nordhafen], es: [Nordhafen], within: {within}}}\n",
        encoding="utf-8")

    def run(*extra: str) -> dict[str, object]:
        main([str(articles), "--format", "json", "--no-report", *extra])
        return json.loads(capsys.readouterr().out)

    def disputes(result: dict[str, object]) -> list[str]:
        return [f["rule"] for f in result["findings"] if f["kind"] in ("dispute", "contradiction")]  # type: ignore[attr-defined, index]

    assert disputes(run()) == []  # without the folder "Nordhafen" is no place: the figures are not compared
    result = run("--lexicon", str(lexicon))
    assert {c["location"] for c in result["claims"] if c["kind"] == "quantity"} == {"Nordhafen", "Hamburg"}  # type: ignore[attr-defined, index]
    # The prefecture and the interior ministry publish one count (`one_voice`): a contradiction.
    assert disputes(result) == (["quantity-contradiction"] if disputed else [])


# --- one loader, one lexicon ----------------------------------------------------------------------


def test_every_yaml_value_is_built_by_the_one_bounded_loader() -> None:
    """Only corpus/_data.py turns YAML into values (with its size, depth and alias limits);
    the others read their files through it, or compose nodes only for line numbers."""
    package = Path(__file__).resolve().parent.parent / "consistency"
    loads = re.compile(r"\byaml\.(?:safe_|full_|unsafe_)?load(?:_all)?\(")
    users = {p.relative_to(package).as_posix() for p in package.rglob("*.py") if loads.search(p.read_text(encoding="utf-8"))}
    assert users == {"corpus/_data.py"}
    classes = [p.name for p in package.rglob("*.py") if re.search(r"^class Lexicon\b", p.read_text(encoding="utf-8"), re.M)]
    assert classes == ["lexicon.py"]


def test_a_lexicon_file_with_an_alias_bomb_is_refused(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(7))
    (tmp_path / "categories.yaml").write_text(bomb, encoding="utf-8")
    with pytest.raises(InputError, match="alias"):
        build_lexicon([tmp_path])
