"""How number extraction fares on a peer's test data (Microsoft Recognizers-Text specs).

    python benchmarks/peer_specs.py [SPECS_DIR] [--verbose]

SPECS_DIR defaults to ../shared/peer-specs next to the repository; it holds
recognizers-text/Specs/… (see PROVENANCE.md there). The data is read in place, never copied.

Only the cases that matter for news claims are scored. A whole case is skipped when it is
about something deliberately out of scope (fractions, ordinals, scientific notation,
negative numbers, spelled-out decimals, Indian digit grouping); an expected entity is
dropped from a case when we leave it out by design (a lone article "un"/"a", money, the
parts of a date or a phone number, a numbered item, an identifier such as "SCP-173", an
abbreviation we refuse as ambiguous such as "10G" or "1,2b", a decimal mark we refuse as
ambiguous such as French "4,800"). Skips are counted and printed with their reason.

A case passes when the multiset of our values equals the multiset of expected values
(to 6 significant digits): for a range we report both bounds. For ranges
(NumberRangeModel) only the bound numbers are compared, each tagged low or high, because
the French file is not consistent about open and closed bounds.

If benchmarks/peer_dates.py exists and exposes evaluate(specs_dir) -> [(label, passed,
total)], its rows are printed too. The script always ends with a table and exits 0.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from consistency.extract.numbers import NumberMatch, find_numbers  # noqa: E402

DEFAULT_SPECS = REPO.parent / "shared" / "peer-specs"
NUMBER_DIR = Path("recognizers-text") / "Specs" / "Number"
LANGS = {"French": "fr", "English": "en", "German": "de", "Spanish": "es"}

Bound = tuple[str, float]


@dataclass
class Score:
    """Pass counts of one spec file, by case class, with the skips and failures."""

    label: str
    passed: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    skipped: Counter[str] = field(default_factory=Counter)
    dropped: Counter[str] = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, klass: str, ok: bool, why: str) -> None:
        self.total[klass] += 1
        self.passed[klass] += ok
        if not ok:
            self.failures.append(f"[{klass}] {why}")

    @property
    def n_passed(self) -> int:
        return sum(self.passed.values())

    @property
    def n_total(self) -> int:
        return sum(self.total.values())


def _load(path: Path) -> list[dict[str, Any]]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _num(value: str) -> float:
    """"1234567,89", "1 234,5", "-1.2E+15", "4,8%" as a float."""
    v = value.strip().rstrip("%").replace(" ", "")
    if "," in v and "." not in v:
        v = v.replace(",", ".")
    return float(v)


def _key(x: float) -> float:
    return float(f"{x:.6g}")


def _diff(text: str, expected: Counter[Any], ours: Counter[Any]) -> str:
    return f"{text!r}: expected {sorted(expected.elements())}, got {sorted(ours.elements())}"


# --------------------------------------------------------------------------------------------
# What is out of scope, decided on the case's content only

_FRACTION_WORDS = re.compile(
    r"\b(?:demi|half|quarts?|quarters?|tiers|thirds?|moitié|cinquièmes?|fifths?|huitièmes?|eighths?"
    r"|halbe[sn]?|\w*halb|\w*drittel|\w*viertel|\w*fünftel|\w*zehntel|hälfte"
    r"|medi[oa]s?|tercios?|cuartos?|quintos?|sextos?|octavos?|novenos?|décimos?|\w+avos?|mitad"
    r"|centièmes?|hundredths?|fourths?|quatrièmes?|[a-z]+ièmes?|[a-z]+ths)\b"
    r"|[½⅓⅔¼¾⅙⅛]|\d\s*/\s*\d"
    r"|\b(?:sobre|de cada)\s+\w"
    r"|\b(?:sur|over|out of|in)\s+(?:[0-9]|un\b|une\b|one\b|deux|trois|cinq|six|vingt|cent|twenty|three|five|hundred)",
    re.IGNORECASE,
)
_ORDINAL_WORDS = re.compile(
    r"\b(?:dixième|quinzième|tenth|fifteenth|premier|first|second|erste[nrs]?|zweite[nrs]?|dritte[nrs]?"
    r"|primer[oa]?|segund[oa]|tercer[oa]?|\w+ésim[oa]s?)\b",
    re.IGNORECASE,
)
_POWER = re.compile(r"\^|\d[eE][+-]?\d|x10")
_SPELLED_DECIMAL = re.compile(
    r"\b(?:virgule|point|komma|coma|punto)\b"
    # Spanish "siete con cincuenta" (7.50): "con" between two spelled-out numbers
    r"|\b(?:\w+(?:os|as|o|e|s|n|z|l))\s+con\s+(?:un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|veinte"
    r"|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|cien|\w+cientos|quinientos)\b",
    re.IGNORECASE,
)
# "4 mille 3 cents et 21", "3 hundred and one": digits and number words mixed in one figure.
_MIXED = re.compile(
    r"\d+\s+(?:mille|thousand|cents?|hundred)\s+(?:(?:et|and)\s+)?(?:\d|un\b|one\b)"
    r"|\d+\s+(?:cents?|hundred)\s+(?:et|and)\s+\d",
    re.IGNORECASE,
)
_NEGATIVE = re.compile(r"\b(?:negative|minus|négatif|négative|soustraire|negativ|negativo|negativa)\b", re.IGNORECASE)
_AGE = re.compile(r"\b(?:âgée?s?|ans|years old|age|jahre alt|alter|años|edad)\b", re.IGNORECASE)
_INDIAN = re.compile(r"\b(?:lakhs?|crores?)\b|\d{1,2},\d{2},\d{3}", re.IGNORECASE)
# Articles, and "one" alone, which we never read as a figure ("eins" is German "one").
_ARTICLES = {"un", "une", "a", "an", "one", "ein", "eine", "einer", "einen", "einem", "eins", "una", "uno"}
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥]|US\$)\s*$")
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:USD|SEK|EUR|dollars?|euros?|yuans?|cents?|pesos?|dólar(?:es)?)\b|^\s*[$€£¥]", re.IGNORECASE
)
_MONEY_IN_TEXT = re.compile(r"\d\s*[$€£¥]|[$€£¥]\s*\d|\d\s*(?:dollars?|euros?|pesos|dólares)\b", re.IGNORECASE)
_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}")
_PHONE = re.compile(r"\+\d[\d\-/ ]{6,}")
_NUMBERED = re.compile(r"\b(?:nrs?|nos?|n°|version)\.?\s*[\d,\s]*$", re.IGNORECASE)
_IP = re.compile(r"\d+\.\d+\.\d+\.\d+")
_LONG_SCALE = re.compile(r"\btrillions?\b", re.IGNORECASE)
_IDENTIFIER = re.compile(r"[A-Za-z]-$")
# Read in the input's own case: "10M" is ten million and scored, "10m" is ten metres.
_REFUSED_ABBREVIATION = re.compile(r"^[\d.,]+\s*(?:[Gg]|[bB]|m|mil|mm)$")
_MONEY_WORD_END = re.compile(r"^[\d.,\s]+(?:cents?|dollars?|euros?)$", re.IGNORECASE)  # "322 cents"
# "4,800" in French may be 4.8 or 4800; "0,683" can only be a decimal.
_AMBIGUOUS_MARK = {
    "fr": re.compile(r"^[1-9]\d{0,2},\d{3}$"),
    "en": re.compile(r"^[1-9]\d{0,2}\.\d{3}$"),
    "de": re.compile(r"^[1-9]\d{0,2},\d{3}$"),
    "es": re.compile(r"^[1-9]\d{0,2},\d{3}$"),
}
# "100 bis 300 Milliarden": a scale written once serves both ends of a range, so we read
# 100 billion where the file expects 100 (we follow the reading a reporter means).
_SHARED_SCALE = re.compile(
    r"^\s*(?:bis|to|à|a|-|–)\s+[\d.,]+\s+(?:Milliarden|Millionen|billion|million|milliards?|millions?"
    r"|mil\s+millones|millones)\b",
    re.IGNORECASE,
)


def _case_skip(case: dict[str, Any], results: list[dict[str, Any]]) -> str | None:
    """Why a whole case is out of scope, or None."""
    text = case["Input"]
    subtypes = {r.get("Resolution", {}).get("subtype") for r in results}
    values = [str(r.get("Resolution", {}).get("value")) for r in results]
    if "power" in subtypes or _POWER.search(text):
        return "scientific notation"
    if "fraction" in subtypes or _FRACTION_WORDS.search(text):
        return "fraction"
    if _ORDINAL_WORDS.search(text):
        return "ordinal"
    if any(v.startswith("-") for v in values) or _NEGATIVE.search(text):
        return "negative number"
    if _SPELLED_DECIMAL.search(text):
        return "spelled-out decimal"
    if _INDIAN.search(text):
        return "Indian grouping (lakh, crore, 12,34,567)"
    if _MIXED.search(text):
        return "digits and number words in one figure"
    if any(_SHARED_SCALE.match(text[r.get("End", -2) + 1 :]) for r in results if r["Text"][:1].isdigit()):
        return "a scale shared by both ends of a range (we read 100 billion in '100 to 300 billion')"
    return None


def _dropped(case: dict[str, Any], r: dict[str, Any], lang: str) -> str | None:
    """Why an expected entity is left out by design, or None."""
    text, ent = case["Input"], r["Text"]
    start = r.get("Start", text.lower().find(ent.lower()))
    end = start + len(ent)
    before, after = text[:start], text[end:]
    if ent.strip().lower() in _ARTICLES:
        return "lone article"
    if _CURRENCY_BEFORE.search(before) or _CURRENCY_AFTER.search(after) or _MONEY_WORD_END.search(ent):
        return "money"
    if any(m.start() <= start < m.end() for m in _DATE.finditer(text)):
        return "part of a date"
    if any(m.start() <= start < m.end() for m in _PHONE.finditer(text)):
        return "part of a phone number"
    if any(m.start() <= start < m.end() for m in _IP.finditer(text)):
        return "part of an IP address"
    if lang == "fr" and _LONG_SCALE.search(ent):
        return "French trillion (10^18; the file reads it as 10^12)"
    if _NUMBERED.search(before):
        return "numbered item"
    if ent[:1].isdigit() and _IDENTIFIER.search(before):
        return "identifier"
    if _REFUSED_ABBREVIATION.match(text[start:end]):
        return "ambiguous abbreviation (5G, 10m)"
    if _AMBIGUOUS_MARK[lang].match(ent):
        return "ambiguous decimal mark"
    if re.fullmatch(r"0\d+", ent):
        return "leading zero (05, 007)"
    return None


def _case_class(results: list[dict[str, Any]]) -> str:
    texts = [r["Text"] for r in results]
    if not texts:
        return "no number"
    if all(re.fullmatch(r"[\d\s.,\u00a0\u202f]+", t) for t in texts):
        return "digits"
    if all(re.search(r"\d", t) for t in texts):
        return "digits + scale"
    if all(not re.search(r"\d", t) for t in texts):
        return "spelled out"
    return "mixed"


# --------------------------------------------------------------------------------------------
# Scoring


def _our_values(matches: Iterable[NumberMatch]) -> Counter[float]:
    out: Counter[float] = Counter()
    for m in matches:
        if m.qualifier == "range":
            out.update(_key(b) for b in (m.value.low, m.value.high) if b is not None)
        elif m.point is not None:
            out[_key(m.point)] += 1
    return out


def score_numbers(path: Path, lang: str) -> Score:
    score = Score(f"Number/{path.parent.name}/{path.name}")
    for case in _load(path):
        results = case.get("Results", [])
        if why := _case_skip(case, results):
            score.skipped[why] += 1
            continue
        kept = []
        for r in results:
            if why := _dropped(case, r, lang):
                score.dropped[why] += 1
            else:
                kept.append(r)
        if results and not kept:
            score.skipped["only entities left out by design"] += 1
            continue
        expected = Counter(_key(_num(str(r["Resolution"]["value"]))) for r in kept)
        ours = _our_values(find_numbers(case["Input"], lang))
        score.add(_case_class(kept), ours == expected, _diff(case["Input"], expected, ours))
    return score


_RANGE = re.compile(r"^([\[(])\s*([^,]*),\s*([^\])]*)([\])])$")


def _expected_bounds(value: str) -> list[Bound]:
    m = _RANGE.match(value.strip())
    if m is None:
        return []
    out = []
    if m.group(2).strip():
        out.append(("low", _key(_num(m.group(2)))))
    if m.group(3).strip():
        out.append(("high", _key(_num(m.group(3)))))
    return out


def _our_bounds(matches: Iterable[NumberMatch]) -> Counter[Bound]:
    """Bounds of the matches a range model reports: those with qualifier words."""
    out: Counter[Bound] = Counter()
    for m in matches:
        worded = m.qualifier != "exact" or m.number_start > m.start or m.end > m.number_end
        if not worded or m.qualifier == "vague":
            continue
        if m.value.low is not None:
            out[("low", _key(m.value.low))] += 1
        if m.value.high is not None:
            out[("high", _key(m.value.high))] += 1
    return out


def score_ranges(path: Path, lang: str) -> Score:
    score = Score(f"Number/{path.parent.name}/{path.name}")
    if lang == "fr":
        score.notes.append(
            "the French file is not consistent about open/closed bounds: only bound numbers are compared"
        )
    for case in _load(path):
        results = case.get("Results", [])
        values = [str(r["Resolution"]["value"]) for r in results]
        bounds = [b for v in values for b in _expected_bounds(v)]
        text = case["Input"]
        if _FRACTION_WORDS.search(text) or any(0 < abs(b[1]) < 1 for b in bounds):
            score.skipped["fraction"] += 1
        elif _AGE.search(text):
            score.skipped["age (not a quantity here)"] += 1
        elif _MONEY_IN_TEXT.search(text):  # as for numbers: a price is left out by design
            score.skipped["money"] += 1
        elif _ORDINAL_WORDS.search(text):
            score.skipped["ordinal"] += 1
        elif any(b[1] < 0 for b in bounds) or re.search(r"\bnegative\b", text, re.I):
            score.skipped["negative number"] += 1
        else:
            klass = "bounds" if bounds else "no range"
            ours = _our_bounds(find_numbers(text, lang))
            score.add(klass, ours == Counter(bounds), _diff(text, Counter(bounds), ours))
    return score


def score_percents(path: Path, lang: str) -> Score:
    score = Score(f"Number/{path.parent.name}/{path.name}")
    for case in _load(path):
        results = case.get("Results", [])
        values = [str(r["Resolution"].get("value")) for r in results]
        text = case["Input"]
        if any(v in ("None", "null") for v in values):
            score.skipped["no figure (\"a percentage\")"] += 1
        elif reason := _case_skip(case, results):  # the same scope as for numbers
            score.skipped[reason] += 1
        else:
            expected = Counter(_key(_num(v)) for v in values)
            found = find_numbers(text, lang)
            ours = Counter(_key(m.point) for m in found if m.unit == "percent" and m.point is not None)
            klass = "percent" if expected else "no percent"
            score.add(klass, ours == expected, _diff(text, expected, ours))
    return score


SCORERS: list[tuple[str, Callable[[Path, str], Score]]] = [
    ("NumberModel.json", score_numbers),
    ("NumberRangeModel.json", score_ranges),
    ("PercentModel.json", score_percents),
]


# --------------------------------------------------------------------------------------------
# Output


def _rate(passed: int, total: int) -> str:
    return f"{100 * passed / total:5.1f}%" if total else "    -"


def _print_score(s: Score, verbose: bool) -> None:
    print(f"\n{s.label}: {s.n_passed}/{s.n_total} passed ({_rate(s.n_passed, s.n_total).strip()})")
    for klass in sorted(s.total):
        print(f"    {klass:<16} {s.passed[klass]:>4}/{s.total[klass]:<4} {_rate(s.passed[klass], s.total[klass])}")
    if s.skipped:
        reasons = ", ".join(f"{why}: {n}" for why, n in s.skipped.most_common())
        print(f"    skipped cases: {sum(s.skipped.values())} ({reasons})")
    if s.dropped:
        reasons = ", ".join(f"{why}: {n}" for why, n in s.dropped.most_common())
        print(f"    expected entities left out by design: {reasons}")
    for note in s.notes:
        print(f"    note: {note}")
    if verbose:
        for f in s.failures:
            print(f"    FAIL {f}")


def _date_rows(specs: Path) -> list[tuple[str, int, int]]:
    """Rows of benchmarks/peer_dates.py when it exists; a failure there is reported, not raised."""
    path = Path(__file__).with_name("peer_dates.py")
    if not path.is_file():
        return []
    try:
        spec = importlib.util.spec_from_file_location("peer_dates", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["peer_dates"] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        # German and Spanish date specs too (peer_dates.py itself lists French and English).
        module.LANGUAGES = tuple(dict.fromkeys([*getattr(module, "LANGUAGES", ()), *LANGS.items()]))
        return [(str(label), int(passed), int(total)) for label, passed, total in module.evaluate(specs)]
    except Exception as exc:  # the dates benchmark is optional: say why it is missing
        print(f"\npeer_dates.py failed: {exc.__class__.__name__}: {exc}", file=sys.stderr)
        return []


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("specs_dir", nargs="?", type=Path, default=DEFAULT_SPECS)
    parser.add_argument("--verbose", action="store_true", help="print every failing case")
    args = parser.parse_args(argv)
    root = args.specs_dir / NUMBER_DIR
    if not root.is_dir():
        print(f"{root}: no such directory; give the peer-specs directory as the first argument", file=sys.stderr)
        return 2
    rows: list[tuple[str, int, int]] = []
    for folder, lang in LANGS.items():
        for name, scorer in SCORERS:
            path = root / folder / name
            if path.is_file():
                s = scorer(path, lang)
                _print_score(s, args.verbose)
                rows.append((s.label, s.n_passed, s.n_total))
    rows.extend(_date_rows(args.specs_dir))
    width = max(len(r[0]) for r in rows) if rows else 10
    print(f"\n{'file':<{width}}  passed  total   rate")
    for label, passed, total in rows:
        print(f"{label:<{width}}  {passed:>6}  {total:>5}  {_rate(passed, total)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
