"""Time expressions measured against the date specs of Microsoft Recognizers-Text.

    python benchmarks/peer_dates.py [SPECS_DIR]     # default: ../shared/peer-specs

Reads `recognizers-text/Specs/DateTime/{French,English}/DatePeriodParser.json` and the
date and date-range cases of `DateTimeModel.json` (never copied into this repository), runs
`find_times` on each case's input with the case's reference date, takes our match that
overlaps the expected text, and compares its first and last day with upstream's past
resolution. Cases where upstream finds nothing check the other way: we must not give a date.

Upstream writes an exclusive end ("juin 2016" is 2016-06-01 to 2016-07-01); we write the
last day (2016-06-30). For a single unit, the expected last day is therefore the day before
upstream's end. For a range, upstream's end is where the last named unit *starts* ("du 4 au
22" ends 22, "2014-2018" ends 2018-01-01, "de 2007 à la fin de 2008" ends 2009-01-01), so
the last day we give must be that day, the day before it, or the end of the month or year
that begins on it.

Only cases in the forms the extractor claims are selected (days, months, years, seasons,
ranges, parts, open periods, weekdays, relative words): weeks, quarters, decades, holidays,
spelled-out years, offsets ("dans 3 jours", "past 3 weeks"), numeric month-year forms and
two-digit years are skipped, each with its reason, and so are cases without a reference
date whose year is not written. The printed rows say how many were selected and skipped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from consistency.extract.times import TimeMatch, find_times  # noqa: E402

DEFAULT_SPECS = ROOT.parent / "shared" / "peer-specs"
LANGUAGES = (("French", "fr"), ("English", "en"))

# Forms out of scope, tested on the expected text (lower case), in this order.
_MONTHS = (
    r"janv|févr|fevr|mars|avr|mai|juin|juil|août|aout|sept|oct|nov|déc|dec|jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep"
)
_SPELLED = (
    r"\b(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente"
    r"|cent|mille|one|two|three|four|five|seven|eight|nine|ten|twelve|twenty|thirty|hundred"
    r"|thousand|nineteen|couple|few|quelques|premier|deuxième|troisième|first|second|third|fourth"
    r"|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+tieth)\b"
)
_RELATIVE = re.compile(
    r"aujourd|hier|demain|today|yesterday|tomorrow|prochain|dernier|suivant|précédent|\bnext\b"
    r"|\blast\b|\bthis\b|\bce\b|\bcet\b|\bcette\b|lundi|mardi|mercredi|jeudi|vendredi|samedi"
    r"|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
)
SKIP: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern))
    for reason, pattern in (
        ("weeks and weekends", r"semaine|week|w/c|fortnight|quinzaine"),
        (
            "quarters and halves",
            r"trimestre|quart\b|quarter|\bq[1-4]\b|\bh[12]\b|\d{4}\s*-?h[12]\b",
        ),
        (
            "decades and centuries",
            r"décenni|decade|siècle|century|\d0\s*'?s\b|\bannées\s|ties\b|tens\b",
        ),
        (
            "holidays",
            r"pâques|noël|easter|christmas|nouvel an|new year|indépendance|independence"
            r"|journée|saint|noir|black|terre|earth|travailleur|thanksgiving|halloween|\beid\b",
        ),
        (
            "fiscal and school years",
            r"exercice|scolaire|calendaire|fiscal|school|calendar|\b[cfs]y\b|\b[cfs]y\d",
        ),
        ("spelled-out numbers", _SPELLED),
        (
            "offsets from a date",
            r"\b\d+\s*(?:jours?|mois|ans?|années?|days?|months?|years?)\b|\bdans\b"
            r"|within|hence|\bin the future|dans le futur|lendemain|\d+e jour|day of",
        ),
        (
            "rest of, same, earlier, later",
            r"\breste\b|\brest\b|même|same|that|plus tôt|plus tard" r"|earlier|later|\btard\b",
        ),
        ("now", r"maintenant|\bnow\b|à ce jour|to date|till date|current date|\botd\b|\beoy\b"),
        ("the day before, the day after", r"the day (?:before|after)\b"),
        (
            "comparisons",
            r"[<>=]|supérieure?|greater|\bplus\b|or later|ou plus tard|et après|and after",
        ),
        (
            "two-digit years and spaced numbers",
            rf"(?:{_MONTHS})\w*\.?\s+(?:of\s+)?'?\d\d$"
            r"|^\d{1,2}\s+\d{1,2}\s+\d{2,4}$|\d[/.]\d\d$|^\d{8}$",
        ),
        ("numeric ranges", r"\d[/.]\d{1,2}\s*-\s*\d|\d{4}-\d{1,2}-\d{4}"),
        (
            "French month before day",
            rf"^(?:entre\s+)?(?:{_MONTHS})\w*\.?\s+(?:entre\s+)?\d{{1,2}}\b(?!\d)",
        ),
        (
            "numeric month-year",
            r"^(?:le\s+|mois\s+de\s+)?\d{1,2}\s*[/.,-]\s*\d{4}$"
            r"|^\d{4}\s*[/.,-]\s*\d{1,2}$|^\d{4}\s*,?\s*[a-z]+\.?$|\d-[a-z]"
            r"|\b\d{4}-\d\d\b(?!-)|[a-z]\.\d",
        ),
        ("numeric day-month without year", r"(?<![\d/.-])\d{1,2}[/.-]\d{1,2}(?![\d/.-]|[/.-]\d)"),
        ("words inside numeric dates", r"\d[/-][a-zé]|[a-zé][/-]\d"),
        (
            "the month, the year, my week",
            r"^(?:la |le |l'|the |my |ma |mon |du |de )?"
            r"(?:journée|jour|mois|année|an|month|year|day)\.?$",
        ),
    )
)


@dataclass(frozen=True)
class Case:
    """One expected date expression of an upstream spec."""

    lang: str
    input: str
    text: str
    start: int
    end: int  # exclusive
    reference: dt.date | None
    timex: str
    low: dt.date | None
    end_date: dt.date | None  # upstream's end, exclusive for a unit or a range end's start
    single_day: bool


def _date(value: object) -> dt.date | None:
    if not isinstance(value, str) or not re.match(r"\d{4}-\d\d-\d\d", value):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _reference(case: dict) -> dt.date | None:
    return _date((case.get("Context") or {}).get("ReferenceDateTime"))


def _load(path: Path) -> list[dict]:
    return json.loads(path.read_text(encoding="utf-8-sig"))


def _single_results(path: Path) -> Iterator[tuple[dict, dict | None]]:
    """Each case with its one expected result, or None for a case that expects no date;
    cases with several results are left out (the script compares one span per input)."""
    for raw in _load(path):
        results = raw.get("Results") or []
        if not results:
            yield raw, None
        elif len(results) == 1:
            yield raw, results[0]


def parser_cases(path: Path, lang: str) -> Iterator[Case | str]:
    """DatePeriodParser.json: one Case per expected period, or the input of a no-date case."""
    for raw, r in _single_results(path):
        if r is None:
            yield raw["Input"]
            continue
        value = r.get("Value") or {}
        past = value.get("PastResolution") or {}
        start = int(r.get("Start", 0))
        end = start + int(r.get("Length", len(r["Text"])))
        yield Case(
            lang, raw["Input"], r["Text"].strip(), start, end,
            _reference(raw), str(value.get("Timex", "")), _date(past.get("startDate")),
            _date(past.get("endDate")), False,
        )  # fmt: skip


def model_cases(path: Path, lang: str) -> Iterator[Case | str]:
    """DateTimeModel.json: the date and date-range cases (past resolution when there are two)."""
    for raw, r in _single_results(path):
        if r is None:
            yield raw["Input"]
            continue
        kind = r.get("TypeName") or r.get("Typename") or ""
        if kind not in ("datetimeV2.date", "datetimeV2.daterange"):
            continue
        values = (r.get("Resolution") or {}).get("values") or [{}]
        v = values[0]
        start = int(r.get("Start", r.get("start", 0)))
        if kind == "datetimeV2.date":
            low = end = _date(v.get("value"))
        else:
            low, end = _date(v.get("start")), _date(v.get("end"))
        yield Case(
            lang, raw["Input"], r["Text"].strip(), start, int(r.get("End", start)) + 1,
            _reference(raw), str(v.get("timex", "")), low, end, kind == "datetimeV2.date",
        )  # fmt: skip


def skip_reason(case: Case) -> str | None:
    """Why a case is not one of the forms the extractor claims, or None to select it."""
    if case.low is None and case.end_date is None:
        return "no resolution upstream"
    text = case.text.lower()
    for reason, pattern in SKIP:
        if pattern.search(text):
            return reason
    months = re.search(rf"\b(?:{_MONTHS})", text)
    if re.search(r"(?<![\d/.-])\d{1,2}(?![\d/.-])", text) and not months:
        return "day of an unnamed month"
    if case.reference is None and (
        "X" in case.timex or not re.search(r"\d{4}", text) or _RELATIVE.search(text)
    ):
        return "no reference date"
    return None


def _ours(case: Case) -> TimeMatch | None:
    """Our match overlapping the expected text the most."""
    best, overlap = None, 0
    for m in find_times(case.input, case.lang, case.reference):
        o = min(m.end, case.end) - max(m.start, case.start)
        if o > overlap and m.span is not None:
            best, overlap = m, o
    return best


def _last_days(case: Case) -> set[dt.date]:
    """The last days that agree with upstream's end (see the module docstring)."""
    end = case.end_date
    if end is None:
        return set()
    if case.single_day:
        return {end}
    if not case.timex.startswith("("):
        return {end - dt.timedelta(days=1)}
    days = {end, end - dt.timedelta(days=1)}
    if end.day == 1:
        nxt = (end.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        days.add(nxt - dt.timedelta(days=1))
        if end.month == 1:
            days.add(end.replace(month=12, day=31))
    return days


def passes(case: Case) -> bool:
    m = _ours(case)
    if m is None or m.span is None:
        return False
    span = m.span
    if case.end_date is None:  # open end upstream: "depuis août", "après 2018"
        return span.kind == "since" and span.low == case.low
    if case.low is None:  # open start: "avant 2019"
        return span.kind == "until" and span.high is not None and span.high in _last_days(case)
    return span.low == case.low and span.high in _last_days(case)


def no_date(text: str, lang: str) -> bool:
    """A case where upstream finds nothing: we must not find a dated span either."""
    return not any(m.span is not None for m in find_times(text, lang, dt.date(2016, 11, 7)))


def evaluate(specs_dir: Path) -> list[tuple[str, int, int]]:
    """(label, passed, total) per spec file and language, plus the no-date cases."""
    base = specs_dir / "recognizers-text" / "Specs" / "DateTime"
    rows: list[tuple[str, int, int]] = []
    for folder, lang in LANGUAGES:
        negatives: list[str] = []
        for name, reader in (("DatePeriodParser", parser_cases), ("DateTimeModel", model_cases)):
            path = base / folder / f"{name}.json"
            if not path.is_file():
                continue
            selected, skipped = [], 0
            for item in reader(path, lang):
                if isinstance(item, str):
                    negatives.append(item)
                elif skip_reason(item) is None:
                    selected.append(item)
                else:
                    skipped += 1
            passed = sum(passes(c) for c in selected)
            rows.append((f"{lang} {name} dates ({skipped} skipped)", passed, len(selected)))
        if negatives:
            rows.append(
                (
                    f"{lang} no date expected",
                    sum(no_date(t, lang) for t in negatives),
                    len(negatives),
                )
            )
    return rows


def _report(specs_dir: Path, verbose: bool) -> None:
    reasons: Counter[str] = Counter()
    for folder, lang in LANGUAGES:
        for name, reader in (("DatePeriodParser", parser_cases), ("DateTimeModel", model_cases)):
            path = specs_dir / "recognizers-text" / "Specs" / "DateTime" / folder / f"{name}.json"
            for item in reader(path, lang) if path.is_file() else ():
                if isinstance(item, str):
                    if verbose and not no_date(item, lang):
                        found = [m.text for m in find_times(item, lang, dt.date(2016, 11, 7))]
                        print(f"  extra  {lang} {item!r}: {found}")
                    continue
                reason = skip_reason(item)
                if reason:
                    reasons[reason] += 1
                elif verbose and not passes(item):
                    m = _ours(item)
                    got = (m.text, m.span.low, m.span.high, m.span.kind) if m and m.span else None
                    want = (item.low, sorted(_last_days(item)))
                    print(
                        f"  FAIL   {lang} {item.text!r} ref={item.reference} want={want} got={got}"
                    )
    print("skipped, by reason:")
    for reason, n in reasons.most_common():
        print(f"  {n:4d}  {reason}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    args = [a for a in argv if a != "-v"]
    specs_dir = Path(args[0]) if args else DEFAULT_SPECS
    if not (specs_dir / "recognizers-text").is_dir():
        print(f"{specs_dir}: no recognizers-text specs there", file=sys.stderr)
        return 2
    rows = evaluate(specs_dir)
    width = max(len(label) for label, _, _ in rows)
    for label, passed, total in rows:
        rate = f"{100 * passed / total:5.1f}%" if total else "    -"
        print(f"{label:<{width}}  {passed:4d}/{total:<4d} {rate}")
    passed, total = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(f"{'all':<{width}}  {passed:4d}/{total:<4d} {100 * passed / max(total, 1):5.1f}%")
    _report(specs_dir, verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
