"""Time expressions: where a text says when, as closed intervals of days (and minutes).

Two articles disagree only if they speak of the same time, so every figure needs the
period it is about ("à l'automne 2024", "depuis début 2024", "entre août 2024 et le
printemps 2025"). This module reads those expressions with regular expressions built, when
it is imported, from the `time_words.yaml` of each language pack (months, seasons,
weekdays, part words, prepositions; see docs/languages.md; users extend them).

How a text is read:

1. one regular expression per language finds *units*: a day ("26 avril 2025",
   "14/11/2025"), a month, a season, a year, a part of one ("fin juin", "mid-2025"), a
   weekday, a relative word ("hier", "last year"), or a duration ("huit mois");
2. the words just before a unit say what it means: a preposition ("depuis" opens the
   period, "by" closes it), an article, a modifier ("cet été", "last September");
3. two units joined by the words of a range ("entre … et", "from … to", "juillet-août")
   become one period covering both;
4. a unit without a year takes it from the reference date (the publication date): the most
   recent such day, month or season whose start is not after the reference, since news
   reports the past; in a clause about the future ("la trêve débutera dimanche", "will be
   freed on Saturday", "comenzará el domingo": the `future` words of the data file) the
   next one instead. Without a reference it is left out, never guessed;
5. a time of day ("à 13h20", "at 3 p.m.", "um 15 Uhr", "le soir", "Donnerstagabend") goes
   into the minutes of the day written next to it ("mercredi soir", "la noche del
   miércoles"); alone, it is on the reference day, and without a reference it is left out.

The languages are the sections of the data file; any other language code reads ISO and
numeric dates only, and no language code makes it fail.

A bare number is never a date: a year alone counts only after a preposition or inside a
larger expression, so "11 000 soldats" or "article 4" never become times.

Each step can be read and tested alone: `time_lexicon` builds the tables of each language
(once), `time_patterns` the regular expressions that find units (step 1) and times of day,
`time_calendar` the days a unit means against the reference date (step 4); this module
reads the words around units, joins ranges and times of day (steps 2, 3, 5) and holds the
public functions.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TypeVar

from text_to_num import text2num

from consistency.extract.languages import date_order
from consistency.extract.time_calendar import (
    _ANCHORED,
    _PIVOT,
    _ago,
    _back,
    _bounds,
    _Cal,
    _Duration,
    _full_dates,
    _iso_duration,
    _modified,
    _month_end,
    _next_day,
    _Read,
    _recent_weekday_year,
    _resolve,
    _resolve_range,
    _Span,
    _Unit,
    _weekday_year,
)
from consistency.extract.time_lexicon import (
    DATA_FILE,  # re-exported: the steps are modules of their own
    DAY_PARTS,
    PARTS,
    SEASONS,
    SHIFTS,
    TimeWords,
    _key,
    load_time_words,
)
from consistency.extract.time_patterns import _DayPatterns, _Patterns
from consistency.extract.time_zones import read_zone
from consistency.matching import longest_first
from consistency.model import TimeKind, TimeSpan
from consistency.regex_cache import compile as rx_compile

__all__ = [
    "DATA_FILE",
    "TimeWords",
    "TimeGrammar",
    "TimeMatch",
    "find_times",
    "load_time_words",
    "parse_date",
    "parse_time",
]

T = TypeVar("T")

_EVENING_START = 1080


def _today() -> dt.date:
    """The day of the run: how recent a year is, for a page with no date (tests replace it)."""
    return dt.date.today()

_ABOUT_MINUTES = 30  # "vers 7 heures": half an hour either side


@dataclass(frozen=True)
class TimeMatch:
    """One time expression of a text, with the period it names."""

    start: int  # [start, end) offsets into the text passed in; text[start:end] == self.text
    end: int
    text: str  # the words, including the preposition/part words ("depuis début 2024")
    span: TimeSpan | None  # None for a pure duration
    duration: str | None = None  # ISO 8601 duration: "pendant près de huit mois" -> "P8M"
    weekday_mismatch: bool = False  # "vendredi 14 novembre" when that day is not a Friday
    resolved: bool = True  # False when the year was inferred from the reference date
    # The zone of a time of day ("heure locale", "GMT": "local" or an IANA name) and the same
    # instant in another zone ("(0630 GMT)": minutes, IANA name), when the text gives them.
    zone: str | None = None
    equivalent: tuple[int, str] | None = None
    on_reference_day: bool = False  # a time of day alone ("à 8h30"), put on the publication day
    # The period opens after what the words name ("après 2018", "after the 2014"): when a noun
    # follows ("after the 2014 riots"), the year names an earlier episode, not the period.
    after: bool = False

# --------------------------------------------------------------------------- reading


@dataclass(frozen=True)
class _Context:
    """The words just before a unit."""

    start: int  # where the preposition begins (or the article, or the unit)
    words_start: int  # where the article or modifier begins (or the unit)
    prep: str | None = None
    roles: frozenset[str] = frozenset()
    modifier: str | None = None  # "this" | "last" | "next", written before the unit
    article: bool = False


_LEFT_WINDOW = 40  # characters before a unit where its preposition, article and modifier are
_GAP_MAX = 24  # the longest text between the two ends of a range ("  jusqu'au début de la ")
_DATE_ROLES = frozenset({"in", "since", "until", "before", "after"})
_SINCE = frozenset({"since"})  # a unit read "so far" ("so far this year") counts from its start
_EVE = frozenset({"day_before", "day_before_yesterday"})  # "l'avant-veille du scrutin": before another day
_FUTURE_WINDOW = 80  # characters before a date where a future verb makes it the next one
_CLAUSE_END = re.compile(r"[.;!?](?=\s)|\n")
_DAY_GAP_MAX = 8  # the longest text between a day and its time ("mercredi, dans ")


@dataclass(frozen=True)
class _DayTime:
    """A time of day as written: minutes after midnight, and whether it needs a day next to it."""

    start: int
    end: int
    low: int
    high: int
    part: str | None  # a key of DAY_PARTS, or "clock"
    attached: bool  # "soir", "late": a time only next to a day
    weekday: int | None = None  # "Donnerstagabend": the day is in the word
    zone: str | None = None  # see TimeMatch
    equivalent: tuple[int, str] | None = None


def _with_day_part(text: str, d: TimeMatch, t: _DayTime, start: int, end: int) -> TimeMatch | None:
    """The day `d` at the time `t`; None when `d` is not one day (or, at night, two)."""
    span = d.span
    if span is None or span.low is None or span.high is None or span.has_time_of_day:
        return None
    if span.kind not in ("point", "period") or d.duration is not None:
        return None
    days = (span.high - span.low).days
    day = span.low
    low: dt.date | None = day
    high: dt.date | None = span.high
    low_min, high_min = t.low, t.high
    if days == 1 and t.part == "night":  # "dans la nuit de jeudi à vendredi"
        low_min, high_min = _EVENING_START, DAY_PARTS["night"][1]
    elif days != 0:
        return None
    elif t.part == "night":  # "dans la nuit de jeudi": after midnight, or the night after
        high = _next_day(day, 1)
    elif t.part == "night_before":  # "in der Nacht zum Freitag"
        low, low_min = _next_day(day, -1), _EVENING_START
    if low is None or high is None:
        return None
    label = text[start:end]
    return TimeMatch(
        start,
        end,
        label,
        TimeSpan(low, high, label, span.kind, low_min, high_min),
        weekday_mismatch=d.weekday_mismatch,
        resolved=d.resolved,
        zone=t.zone,
        equivalent=t.equivalent,
    )
_COMPARED_WINDOW = 40  # characters before "since" searched for a superlative ("largest number of people")
_CLAUSE_MARKS = (",", ";", ":", ".", "!", "?", "(", ")", "–", "—")
_DURATION_ROLES = frozenset({"in", "since", "until", "for", "ago", "before", "after"})
_NEXT_WORD = re.compile(r"\s+([^\W\d]+['’]?)")  # the word after a time phrase ("la veille du")
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")


def _alone(ref: dt.date, t: _DayTime, label: str) -> TimeSpan:
    """A time of day with no day next to it, on the reference day; "last night", "anoche"
    is the night that ended on it, from the evening before."""
    if t.part == "night_before":
        return TimeSpan(_next_day(ref, -1), ref, label, "point", _EVENING_START, t.high)
    return TimeSpan(ref, ref, label, "point", t.low, t.high)


def _table(mapping: Mapping[str, T]) -> dict[str, T]:
    return {_key(k): v for k, v in mapping.items()}


class _Grammar:
    """The time expressions of one lexicon: patterns, word tables and the reading rules."""

    def __init__(self, lex: TimeWords, langs: tuple[str, ...] = ()) -> None:
        self.lex = lex
        self.langs = langs  # the data file's languages this grammar reads, for text2num
        self.pats = _Patterns(lex)
        self.months = _table(lex.months)
        self.weekdays = _table({**lex.weekday_abbreviations, **lex.weekdays})
        self.seasons = _table(lex.seasons)
        self.parts = _table(lex.parts)
        self.period_words = _table(lex.period_words)
        self.mod_before = _table(lex.modifiers_before)
        self.mod_after = _table(lex.modifiers_after)
        self.relative = _table(lex.relative)
        self.day_before_of = {_key(w) for w in lex.day_before_of}
        self.units = _table(lex.units)
        self.numbers = _table(lex.numbers)
        self.needs_context = {_key(w) for w in lex.needs_context}
        self.free_joins = {_key(w) for w in lex.free_joins}
        self.day_parts = _table(lex.day_parts)
        self.day_parts_attached = _table(lex.day_parts_attached)
        self.clock_about = {_key(w) for w in lex.clock_about}
        self.clock_bare = {_key(w) for w in lex.clock_bare}
        self.day_count = _table(lex.day_count)
        self._readers: dict[str, Callable[[re.Match[str], str], _Read]] = {
            "iso": self._read_iso,
            "num": self._read_numeric,
            "dr": self._read_day_range,
            "mdr": self._read_day_range,
            "day": self._read_day,
            "md": self._read_day,
            "dom": self._read_day_of_month,
            "part": self._read_part,
            "rel": self._read_relative,
            "mon": self._read_month,
            "sea": self._read_season,
            "wd": self._read_weekday,
            "yr": self._read_year,
            "dur": self._read_duration,
        }

    # -- units

    def _month(self, words: str) -> int | None:
        k = _key(words)
        return self.months.get(k, self.months.get(k.rstrip(".")))

    def _shift(self, modifier: str | None) -> int:
        """-1, 0 or +1 for a modifier written after its unit ("dernier", "prochain")."""
        return SHIFTS[self.mod_after[_key(modifier)]] if modifier else 0

    def _weekday(self, words: str | None) -> int | None:
        return None if words is None else self.weekdays.get(_key(words).rstrip("."))

    def _day(
        self, day: str, month: str, year: str | None, weekday: str | None = None
    ) -> _Cal | None:
        m = self._month(month)
        d = int(day)
        if m is None or not 1 <= d <= 31:
            return None
        y = int(year) if year else None
        if y is not None and _bounds(_Cal("day", month=m, day=d), y) is None:
            return None
        if y is None and d > _month_end(2000, m).day:  # 2000 is a leap year: 29 février exists
            return None
        return _Cal("day", year=y, month=m, day=d, weekday=self._weekday(weekday))

    def _numeric(self, a: str, b: str, year: str, sep: str, weekday: str | None) -> _Cal | None:
        if len(year) == 2 and sep != "/":
            return None
        first, second = int(a), int(b)
        if first > 12 >= second:
            day, month = first, second
        elif second > 12 >= first:
            day, month = second, first  # month first, as US pages write
        elif first == second or self.lex.numeric_order == "dmy" or sep == ".":
            day, month = first, second  # dots are a day-first habit ("02.06.2025")
        else:
            return None  # 05/06/2025 in English: 5 June or May 6
        y = int(year) if len(year) == 4 else int(year) + (2000 if int(year) < _PIVOT else 1900)
        if not 1 <= month <= 12 or _bounds(_Cal("day", month=month, day=day), y) is None:
            return None
        return _Cal("day", year=y, month=month, day=day, weekday=self._weekday(weekday))

    def _unit_cal(self, m: re.Match[str]) -> _Cal | None:
        """A unit as the sub-pattern reads it: what a part word applies to."""
        if m["rel"]:
            grain, shift = _ANCHORED[self.relative[_key(m["rel"])]]
            return _Cal(grain, shift=shift, anchored=True)
        if m["m"]:
            month = self._month(m["m"])
            shift = self._shift(m["mod"])
            year = int(m["my"]) if m["my"] else None
            return _Cal("month", year=year, month=month, shift=shift)
        if m["s"]:
            read = self._season(m["s"], m["sy"], m["y2"], m["smod"])
            return read if isinstance(read, _Cal) else None
        if m["yy"]:
            return _Cal("year", year=int(m["yy"]))
        if m["pw"]:
            shift = self._shift(m["pmod"])
            return _Cal(self.period_words[_key(m["pw"])], shift=shift, anchored=True)
        return None

    def _season(self, word: str, year: str | None, year2: str | None, mod: str | None) -> _Read:
        """A season, or two for "l'été 2024-2025"; but "l'hiver 2024-2025" is one winter."""
        season = self.seasons[_key(word)]
        shift = self._shift(mod)
        needs = 0 if mod else 2 if not year else 1 if _key(word) in self.needs_context else 0
        cal = _Cal(
            "season",
            year=int(year) if year else None,
            season=season,
            shift=shift,
            needs_context=needs,
        )
        if not year2 or cal.year is None:
            return cal
        y2 = int(year2) if len(year2) == 4 else cal.year // 100 * 100 + int(year2)
        if season == SEASONS.index("winter") and y2 == cal.year + 1:
            return cal
        if y2 <= cal.year:
            return None
        return cal, replace(cal, year=y2)

    def _number(self, words: str) -> tuple[float, int] | None:
        """The value of a number and where it starts in `words`.

        Digits or number words; compounds ("vingt-quatre", "vingt et un", "twenty-four") are
        read by text2num. In "deux et trois ans" only "trois" is the number of years.
        """
        if words[0].isdigit():
            return float(re.sub(r"\s", "", words).replace(",", ".")), 0
        for token in re.finditer(r"[^\s\-‐‑]+", words):
            k = _key(words[token.start() :])
            if k in self.numbers:
                return float(self.numbers[k]), token.start()
            for lang in self.langs:
                try:
                    return float(text2num(k, lang)), token.start()
                except (ValueError, KeyError, IndexError):  # also "unsupported language"
                    continue
        return None

    def _read(self, m: re.Match[str]) -> _Unit | None:
        """One match of the main pattern, or None when it names no real date (31 avril)."""
        kind = m.lastgroup or ""
        read = self._readers[kind](m, kind)
        if read is None:
            return None
        if isinstance(read, _Unit):
            return read
        if isinstance(read, tuple):
            return _Unit(m.start(), m.end(), read[0], read[1])
        return _Unit(m.start(), m.end(), read)

    def _read_iso(self, m: re.Match[str], kind: str) -> _Read:
        year, month, day = int(m["iso_y"]), int(m["iso_m"]), int(m["iso_d"])
        cal = _Cal("day", year=year, month=month, day=day)
        return cal if 1 <= month <= 12 and _bounds(cal, year) else None

    def _read_numeric(self, m: re.Match[str], kind: str) -> _Read:
        return self._numeric(m["num_a"], m["num_b"], m["num_y"], m["num_sep"], m["num_wd"])

    def _read_day_range(self, m: re.Match[str], kind: str) -> _Read:
        """ "du 4 au 22 janvier", "November 19-20": two days of one month."""
        first = self._day(m[kind + "_a"], m[kind + "_m"], m[kind + "_y"])
        last = self._day(m[kind + "_b"], m[kind + "_m"], m[kind + "_y"])
        if first is None or last is None or (first.day or 0) >= (last.day or 0):
            return None
        return first, last

    def _read_day(self, m: re.Match[str], kind: str) -> _Read:
        return self._day(m[kind + "_d"], m[kind + "_m"], m[kind + "_y"], m[kind + "_wd"])

    def _read_day_of_month(self, m: re.Match[str], kind: str) -> _Read:
        day = int(m["dom_d"])
        return _Cal("dom", day=day) if 1 <= day <= 31 else None

    def _read_part(self, m: re.Match[str], kind: str) -> _Read:
        target = self.pats.unit.fullmatch(m["part_t"])
        cal = self._unit_cal(target) if target else None
        if cal is None or cal.grain == "day":
            return None
        return replace(cal, third=self.parts[_key(m["part_w"])])

    def _read_relative(self, m: re.Match[str], kind: str) -> _Read:
        meaning = self.relative[_key(m["rel_w"])]
        if meaning in _EVE and self._of_an_event(m.string, m.end("rel_w")):
            return None  # "la veille du scrutin", "the day before the vote": which day is not said here
        grain, shift = _ANCHORED[meaning]
        return _Cal(grain, shift=shift, anchored=True, to_date=meaning == "year_to_date")

    def day_before(self, words: str) -> bool:
        """Whether the words of a time end on "the day before" ("am Vortag", "la veille"): a day
        told from the article's, not the day it reports on."""
        return any(meaning == "day_before" and (key == spelled or key.endswith(" " + spelled))
                   for key in (_key(words),) for spelled, meaning in self.relative.items())

    def _of_an_event(self, text: str, end: int) -> bool:
        """A word right after "the day before" that ties it to something else than the article's day."""
        nxt = _NEXT_WORD.match(text, end)
        return nxt is not None and _key(nxt.group(1)) in self.day_before_of

    def _read_month(self, m: re.Match[str], kind: str) -> _Read:
        year = int(m["mon_my"]) if m["mon_my"] else None
        alone = year is None and not m["mon_mod"]
        needs = 2 if alone and _key(m["mon_m"]) in self.needs_context else 0
        month = self._month(m["mon_m"])
        return _Cal(
            "month", year=year, month=month, shift=self._shift(m["mon_mod"]), needs_context=needs
        )

    def _read_season(self, m: re.Match[str], kind: str) -> _Read:
        return self._season(m["sea_s"], m["sea_sy"], m["sea_y2"], m["sea_smod"])

    def _read_weekday(self, m: re.Match[str], kind: str) -> _Read:
        weekday = self._weekday(m["wd_w"])
        if m["wd_d"]:
            day, month = int(m["wd_d"]), int(m["wd_m"])
            if not (1 <= month <= 12 and 1 <= day <= _month_end(2000, month).day):
                return None
            return _Cal("day", month=month, day=day, weekday=weekday)  # "Samstag (14.06.)": a day of a year to infer
        return _Cal("weekday", weekday=weekday, shift=self._shift(m["wd_mod"]))

    def _read_year(self, m: re.Match[str], kind: str) -> _Read:
        year = int(m["yr_y"])
        if not (m["yr_y2"] or m["yr_y2s"]):
            return _Cal("year", year=year, needs_context=0 if m["yr_w"] else 2)
        last = int(m["yr_y2"]) if m["yr_y2"] else year // 100 * 100 + int(m["yr_y2s"])
        if not year < last <= year + (50 if m["yr_y2"] else 10):  # "2015-32" is no range
            return None
        return _Cal("year", year=year), _Cal("year", year=last)

    def _read_duration(self, m: re.Match[str], kind: str) -> _Read:
        number = self._number(m["dur_n"])
        if number is None:
            return None
        amount, skipped = number
        if m["dur_h1"] or m["dur_h2"]:
            amount += 0.5
        past, ago = bool(m["dur_pb"] or m["dur_pa"]), bool(m["dur_ago"])
        bare = not (m["dur_q"] or past or ago) or skipped > 0
        duration = _Duration(amount, self.units[_key(m["dur_u"])], ago, past, bare)
        start = m.start("dur_n") + skipped if skipped else m.start()
        return _Unit(start, m.end(), duration=duration)

    # -- context and composition

    def _context(self, text: str, unit: _Unit, lo: int) -> _Context:
        window_start = max(lo, unit.start - _LEFT_WINDOW)
        m = self.pats.left.search(text, window_start, unit.start)
        if m is None or m.start() == unit.start:
            return _Context(unit.start, unit.start)
        prep = _key(m["prep"]) if m["prep"] else None
        words = [m.start(g) for g in ("art", "lmod") if m[g]]
        return _Context(
            start=m.start(),
            words_start=min(words) if words else unit.start,
            prep=prep,
            roles=self.lex.prepositions.get(prep, frozenset()) if prep else frozenset(),
            modifier=self.mod_before.get(_key(m["lmod"])) if m["lmod"] else None,
            article=bool(m["art"]),
        )

    def find(
        self, text: str, ref: dt.date | None, start: int, end: int, gate: bool = True
    ) -> list[TimeMatch]:
        units = [u for m in self.pats.core.finditer(text, start, end) if (u := self._read(m))]
        anchors = [ref] if ref is not None else _full_dates(units)
        if anchors:
            units = [
                replace(u, cal=_weekday_year(u.cal, anchors), last=_weekday_year(u.last, anchors))
                for u in units
            ]
        else:  # a page with no date: "Sunday, January 19" when one recent year fits
            today = _today()
            units = [replace(u, cal=_recent_weekday_year(u.cal, today), last=_recent_weekday_year(u.last, today))
                     for u in units]
        contexts, lo = [], start
        for u in units:
            contexts.append(self._context(text, u, lo))
            lo = u.end
        out: list[TimeMatch] = []
        i = 0
        while i < len(units):
            if i + 1 < len(units):
                joined = self._range(text, units[i], contexts[i], units[i + 1], ref)
                if joined:
                    out.append(joined)
                    i += 2
                    continue
            single = self._single(text, units[i], contexts[i], ref, gate)
            if single:
                out.append(single)
            i += 1
        if self.tells_time_of_day:
            out = self._times_of_day(text, out, ref, start, end)
        return out

    # -- the future

    @functools.cached_property
    def day(self) -> _DayPatterns:
        return _DayPatterns(self.lex)

    @functools.cached_property
    def tells_time_of_day(self) -> bool:
        lex = self.lex
        return bool(lex.day_parts or lex.day_parts_attached or lex.clock_before or lex.clock_am)

    def _future(self, text: str, at: int) -> bool:
        """Whether the clause before `at` speaks of the future ("la trêve débutera dimanche",
        "is due to visit on Monday"): then a date without a year is the next one, not the last."""
        if not (self.lex.future_words or self.lex.future_endings):
            return False
        lo = max(0, at - _FUTURE_WINDOW)
        for m in _CLAUSE_END.finditer(text, lo, at):
            lo = m.end()
        return self.day.future.search(text, lo, at) is not None

    def _forward(self, text: str, cal: _Cal, at: int, ref: dt.date | None) -> _Cal:
        """The unit, marked future when its year or week is inferred in a future clause."""
        open_ = cal.year is None and not cal.anchored and cal.shift == 0 and not cal.current
        if ref is None or not open_ or cal.grain not in ("day", "month", "season", "weekday", "dom"):
            return cal
        return replace(cal, future=True) if self._future(text, at) else cal

    # -- times of day

    def _read_day_time(self, m: re.Match[str]) -> _DayTime | None:
        lex = self.lex
        if m["clock"]:
            hw, mi, ap, cb = m["hw"] or m["hw2"], m["mi"] or m["mi2"], m["ap"], m["cb"]
            glued = bool(m["hw"] and m["mi"] and not m["hsp"])  # "13h20"
            bare = bool(cb) and _key(cb) in self.clock_bare  # "a las 7"
            if not (cb or ap or glued or (m["mi2"] and m["hw2"])) or not (hw or mi or ap or bare):
                return None  # "18:30" alone may be a score; "7 heures" a duration
            hour, minute = int(m["h"]), int(mi) if mi else 0
            if ap:
                if not 1 <= hour <= 12:
                    return None
                pm = _key(ap) in {_key(w) for w in lex.clock_pm}
                hour = hour % 12 + (12 if pm else 0)
            elif hour > 23:
                return None
            clock = self._clock(m.start(), m.end(), hour * 60 + minute, cb)
            zone = read_zone(m.string, m.end(), self.langs[0] if len(self.langs) == 1 else None)
            if zone is None:
                return clock
            return replace(clock, end=zone.end, zone=zone.zone, equivalent=zone.equivalent)
        if m["noon"]:
            noon = _key(m["nw"]) in {_key(w) for w in lex.clock_noon}
            return self._clock(m.start(), m.end(), 720 if noon else 0, m["nb"])
        if m["cpd"]:
            weekday, part = self.day.compounds[_key(m["cpd"])]
            return _DayTime(m.start(), m.end(), *DAY_PARTS[part], part, True, weekday)
        k = _key(m["part"])
        if k in self.day_parts:
            part = self.day_parts[k]
            return _DayTime(m.start(), m.end(), *DAY_PARTS[part], part, False)
        part = self.day_parts_attached[k]
        return _DayTime(m.start(), m.end(), *DAY_PARTS[part], part, True)

    def _clock(self, start: int, end: int, minute: int, before: str | None) -> _DayTime:
        if before and _key(before) in self.clock_about:
            low, high = max(0, minute - _ABOUT_MINUTES), min(1439, minute + _ABOUT_MINUTES)
            return _DayTime(start, end, low, high, "clock", False)
        return _DayTime(start, end, minute, minute, "clock", False)

    def _times_of_day(
        self, text: str, dates: list[TimeMatch], ref: dt.date | None, start: int, end: int
    ) -> list[TimeMatch]:
        """Dates with the time of day written next to them ("mercredi soir", "Wednesday at
        3 p.m.", "la noche del miércoles"); a time of day alone is on the reference day."""
        found = [t for m in self.day.core.finditer(text, start, end) if (t := self._read_day_time(m))]
        if not found:
            return dates
        found = self._clock_with_part(text, found)
        out = list(dates)
        covered = -1  # the end of the last clock's zone words: "(7h30 à Paris)" is not a time of its own
        for t in found:
            if t.start < covered:
                continue
            if t.zone is not None or t.equivalent is not None:
                covered = t.end
                # "(2330 GMT Sunday)": the day of the other zone, not a date of its own
                out = [d for d in out if not (t.start < d.start and d.end <= t.end)]
            overlapping = [d for d in out if d.start < t.end and t.start < d.end]
            if any(d.duration is None for d in overlapping):
                continue  # words of a date ("late 2024", "fin de matinée" inside a range)
            out = [d for d in out if d.duration is None or d not in overlapping]
            merged = self._on_day(text, t, out, ref)
            if merged is not None:
                host, match = merged
                if host is not None:
                    out.remove(host)
                out.append(match)
            elif not t.attached and ref is not None \
                    and all(d.on_reference_day for d in self._next_to(text, t, out)):
                # alone, or after another time of day ("dans la nuit, au matin"): on the
                # reference day; next to a period ("du 8 au 10 mars à 18h"), on no day we can tell
                label = text[t.start : t.end]
                span = _alone(ref, t, label)
                out.append(TimeMatch(t.start, t.end, label, span, resolved=False, zone=t.zone, equivalent=t.equivalent,
                                      on_reference_day=True))
        return sorted(out, key=lambda m: m.start)

    def _clock_with_part(self, text: str, found: list[_DayTime]) -> list[_DayTime]:
        """ "a las 7 de la tarde", "8 heures du matin": one time, afternoon hours after noon."""
        out: list[_DayTime] = []
        for t in found:
            prev = out[-1] if out else None
            if (
                prev is not None
                and prev.part == "clock"
                and t.part not in ("clock", None)
                and t.weekday is None
                and t.start - prev.end <= _DAY_GAP_MAX
                and self.day.gap.fullmatch(text, prev.end, t.start)
            ):
                low, high = prev.low, prev.high
                late = t.part in ("afternoon", "evening")
                if late and high < 720:  # "7 de la tarde" is 19:00
                    low, high = low + 720, high + 720
                if not (low >= 720 if late else high < (480 if t.part in ("night", "early_hours") else 720)):
                    out.append(t)  # "à 20 heures le matin": not one time; keep both
                    continue
                out[-1] = _DayTime(prev.start, t.end, low, high, "clock", False)
                continue
            out.append(t)
        return out

    def _next_to(self, text: str, t: _DayTime, out: list[TimeMatch]) -> list[TimeMatch]:
        """The times written just before `t`, then those just after it."""
        gap = self.day.gap
        before = [
            d
            for d in out
            if d.end <= t.start
            and t.start - d.end <= _DAY_GAP_MAX
            and gap.fullmatch(text, d.end, t.start)
        ]
        after = [
            d
            for d in out
            if t.end <= d.start
            and d.start - t.end <= _DAY_GAP_MAX
            and gap.fullmatch(text, t.end, d.start)
        ]
        return before + after

    def _on_day(
        self, text: str, t: _DayTime, out: list[TimeMatch], ref: dt.date | None
    ) -> tuple[TimeMatch | None, TimeMatch] | None:
        """The match of the day `t` is on, with `t` in its minutes; the day's old match."""
        if t.weekday is not None:  # "Donnerstagabend"
            ctx = self._context(text, _Unit(t.start, t.end), 0)
            cal = _modified(_Cal("weekday", weekday=t.weekday), ctx.modifier)
            cal = self._forward(text, cal, ctx.start, ref)
            span = _resolve(cal, ref)
            if span is None:
                return None
            roles = ctx.roles & _DATE_ROLES
            lo = ctx.start if roles else ctx.words_start
            label = text[lo : t.end]
            day = TimeMatch(lo, t.end, label, TimeSpan(span.low, span.high, label, "point"), resolved=False)
            merged = _with_day_part(text, day, t, lo, t.end)
            if merged is None or merged.span is None:
                return None
            s = merged.span
            if roles & {"until", "before"}:  # "bis Donnerstagabend"
                s = TimeSpan(None, s.high, label, "until", None, s.high_minute)
            elif roles & {"since", "after"}:  # "seit Freitagmittag"
                high = ref if ref is not None and s.low is not None and ref >= s.low else None
                s = TimeSpan(s.low, high, label, "since", s.low_minute, None)
            return None, replace(merged, span=s)
        for d in self._next_to(text, t, out):
            merged = _with_day_part(text, d, t, min(d.start, t.start), max(d.end, t.end))
            if merged is not None:
                return d, merged
        return None

    def _range(
        self, text: str, a: _Unit, ctx: _Context, b: _Unit, ref: dt.date | None
    ) -> TimeMatch | None:
        if a.cal is None or b.cal is None or a.last or b.last or b.start - a.end > _GAP_MAX:
            return None
        gap = self.pats.gap.fullmatch(text, a.end, b.start)
        if gap is None:
            return None
        join = _key(gap["join"])
        opened = "range" in ctx.roles and join in self.lex.ranges.get(ctx.prep or "", ())
        free = (
            join in self.free_joins
            and a.cal.grain == b.cal.grain
            and a.cal.grain in ("day", "month", "season")
        )
        if not (opened or free):
            return None
        first, last = _modified(a.cal, ctx.modifier), b.cal
        forward = self._forward(text, first, ctx.start, ref)
        if forward.future:
            first, last = forward, replace(last, future=True)
        span = _resolve_range(first, last, ref)
        if span is None:
            return None
        roles = frozenset() if opened else self._roles(text, ctx, b.end)
        if "since" in roles and self._compared(text, ctx.start):
            return None
        start = ctx.start if opened or roles else ctx.words_start
        return self._match(text, start, b.end, span, "period", roles, ref)

    def _single(
        self, text: str, u: _Unit, ctx: _Context, ref: dt.date | None, gate: bool
    ) -> TimeMatch | None:
        if u.duration is not None:
            return self._duration(text, u, u.duration, ctx, ref, gate)
        assert u.cal is not None
        cal = self._forward(text, _modified(u.cal, ctx.modifier), ctx.start, ref)
        roles = self._roles(text, ctx, u.end) | (_SINCE if cal.to_date else frozenset())
        if "since" in roles and self._compared(text, ctx.start):
            return None
        said_when = bool(roles) or ctx.modifier is not None or u.last is not None
        if gate and not said_when and cal.needs_context > (1 if ctx.article else 0):
            return None  # "juin" alone is a month; "Mars" needs "en"; "été 2024" needs "l'"
        span = _resolve_range(cal, u.last, ref) if u.last else _resolve(cal, ref)
        if span is None:
            return None
        if u.last is None and cal.grain == "weekday" and ctx.modifier is None and not cal.future \
                and ref is not None and span.low == ref:
            span = self._counted_weekday(text, span, u.start)
            if span is None:
                return None
        point = u.last is None and cal.grain in ("day", "weekday", "dom")
        opened = u.last is not None and "range" in ctx.roles
        start = ctx.start if roles or opened else ctx.words_start
        kind: TimeKind = "point" if point else "period"
        return self._match(text, start, u.end, span, kind, roles, ref, cal.third)

    def _counted_weekday(self, text: str, span: _Span, at: int) -> _Span | None:
        """"The search marked its seventh day on Wednesday. The collapse occurred Thursday", in
        a Thursday's article: a story that counts the days since its event puts that weekday a
        week before the publication, when the count (from its own weekday, else from the
        publication) lands there. A count that does not land there leaves the day unknown rather
        than wrong; the weekday of the count's own sentence, or a story that counts no days,
        keeps the publication day."""
        if not self.day_count:
            return span
        week_back = span.low - dt.timedelta(days=7)
        fits: list[bool] = []
        for m in self._day_count_re.finditer(text):
            n = self.day_count.get(_key(m[0]))
            if n is None:
                continue
            lo = max(text.rfind(".", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
            stops = [k for k in (text.find(".", m.end()), text.find("\n", m.end())) if k >= 0]
            hi = min(stops) if stops else len(text)
            if lo <= at < hi:
                return span  # "police arrested 40 on Thursday, the seventh day of protests": the count's own day
            anchor = span.low
            for w in self._weekday_re.finditer(text, lo, hi):
                wd = self.weekdays.get(_key(w[0]).rstrip("."))
                if wd is not None:
                    anchor = span.low - dt.timedelta(days=(span.low.isoweekday() - wd) % 7)
            fits.append(week_back in (anchor - dt.timedelta(days=n - 1), anchor - dt.timedelta(days=n)))
        if not fits:
            return span
        if not all(fits):
            return None
        return span._replace(low=week_back, high=week_back)

    @functools.cached_property
    def _day_count_re(self) -> re.Pattern[str]:
        return rx_compile(r"(?<!\w)(?:" + longest_first(self.lex.day_count) + r")(?!\w)", re.IGNORECASE)

    @functools.cached_property
    def _weekday_re(self) -> re.Pattern[str]:
        return rx_compile(r"(?<!\w)(?:" + longest_first(self.lex.weekdays) + r")(?!\w)", re.IGNORECASE)

    def _roles(self, text: str, ctx: _Context, end: int) -> frozenset[str]:
        """What the preposition does to a date; a possessive after it ("killed by Friday's
        earthquake") makes the date the day of an event, so "by" there is no deadline."""
        roles = ctx.roles & _DATE_ROLES
        if "until" in roles and self.pats.possessive.match(text, end):
            return roles - {"until"}
        return roles

    def _compared(self, text: str, at: int) -> bool:
        """"The boat with the most people since 2011", "le plus … depuis 2006": after a
        superlative in its clause, "since" opens the span a record is measured over. It dates
        nothing the sentence counts, so it is no time of the figure."""
        window = text[max(0, at - _COMPARED_WINDOW) : at]
        cut = max(window.rfind(mark) for mark in _CLAUSE_MARKS)
        return self.pats.compared.search(window, cut + 1) is not None

    def _duration(
        self, text: str, u: _Unit, d: _Duration, ctx: _Context, ref: dt.date | None, gate: bool
    ) -> TimeMatch | None:
        roles = ctx.roles & _DURATION_ROLES
        if gate and d.bare and not roles and d.amount < 2:
            return None  # "once a year", "un an après": a word, not a stated duration
        span: TimeSpan | None = None
        resolved = True
        label_start = ctx.start if roles else ctx.words_start
        label = text[label_start : u.end]
        if ref is not None and (d.ago or "ago" in roles):
            b = _ago(d, ref)
            if b:
                kind: TimeKind = "point" if b[0] == b[1] else "period"
                span, resolved = TimeSpan(b[0], b[1], label=label, kind=kind), False
        elif ref is not None and d.past and float(d.amount).is_integer():
            first = _back(ref, int(d.amount), d.unit)
            if first is not None:
                span, resolved = TimeSpan(first, ref, label=label, kind="period"), False
        return TimeMatch(
            label_start, u.end, label, span, _iso_duration(d.amount, d.unit), resolved=resolved
        )

    def _match(
        self,
        text: str,
        start: int,
        end: int,
        span: _Span,
        kind: TimeKind,
        roles: frozenset[str],
        ref: dt.date | None,
        third: int | None = None,
    ) -> TimeMatch:
        """The match, with the period opened or closed by its preposition.

        "avant 2024" ends on 31 December 2023, but "avant la fin de 2024" on 31 December 2024;
        "après 2018" starts on 1 January 2019, but "après le début de mars" on 1 March.
        """
        low: dt.date | None = span.low
        high: dt.date | None = span.high
        if "since" in roles or "after" in roles:
            if "after" in roles and third != PARTS.index("early"):
                low = _next_day(span.high, 1)
            high = ref if ref is not None and low is not None and ref >= low else None
            kind = "since"
        elif "until" in roles or "before" in roles:
            if "before" in roles and third != PARTS.index("late"):
                high = _next_day(span.low, -1)
            low, kind = None, "until"
        label = text[start:end]
        return TimeMatch(
            start,
            end,
            label,
            TimeSpan(low, high, label=label, kind=kind),
            weekday_mismatch=span.mismatch,
            resolved=span.resolved,
            after="after" in roles and "since" not in roles,
        )

# --------------------------------------------------------------------------- public API


def _lang_key(lang: str | None) -> str | None:
    if not lang:
        return None
    return re.split(r"[-_]", lang.strip().lower(), maxsplit=1)[0] or None


class TimeGrammar:
    """Time expressions for every language of a lexicon; one per set of lexicon files.

    The module functions use the built-in lexicon; build one with `TimeGrammar.load(dir)`
    to add a user's `time_words.yaml`.
    """

    def __init__(self, data: Mapping[str, Any]) -> None:
        self.data = {str(k): v for k, v in data.items() if isinstance(v, dict)}
        self._grammars: dict[str | None, _Grammar] = {}

    @classmethod
    def load(cls, *extra: Path) -> TimeGrammar:
        return cls(load_time_words(*extra))

    def grammar(self, lang: str | None) -> _Grammar:
        """The grammar of a language; an unknown language (None) reads every language's words."""
        key = _lang_key(lang)
        if key is not None and key not in self.data:
            key = "?" + key  # no words: ISO and numeric dates only
        grammar = self._grammars.get(key)
        if grammar is None:
            if key is None:
                sections = list(self.data.items())
            else:
                sections = [(key, self.data[key])] if key in self.data else []
            langs = tuple(name for name, _ in sections)
            grammar = self._grammars[key] = _Grammar(TimeWords.from_sections(sections), langs)
        return grammar

    def find_times(
        self,
        text: str,
        lang: str | None,
        reference: dt.date | None,
        start: int = 0,
        end: int | None = None,
    ) -> list[TimeMatch]:
        """Time expressions in text[start:end], sorted, non-overlapping; resolved against
        `reference` (the publication date)."""
        end = len(text) if end is None else min(end, len(text))
        start = max(0, start)
        if start >= end:
            return []
        return self.grammar(lang).find(text, reference, start, end)

    def future_between(self, text: str, lang: str | None, start: int, end: int) -> bool:
        """Whether text[start:end] speaks of the future ("will come into effect", "débutera")."""
        grammar = self.grammar(lang)
        if not (grammar.lex.future_words or grammar.lex.future_endings):
            return False
        return grammar.day.future.search(text, start, end) is not None

    def parse_time(self, text: str, lang: str | None, reference: dt.date | None) -> TimeSpan | None:
        """The span of a string that is wholly one time expression."""
        stripped = text.strip().rstrip(".,;:!?")
        lead = len(text) - len(text.lstrip())
        matches = self.grammar(lang).find(text, reference, lead, lead + len(stripped), gate=False)
        if len(matches) != 1:
            return None
        m = matches[0]
        if m.start != lead or m.end != lead + len(stripped):
            return None
        return m.span

    def parse_date(self, text: str, lang: str | None = None) -> dt.date | None:
        """A publication date as pages write it ("14/11/2025 à 11:15", "June 17, 2025")."""
        text = " ".join(text.split())
        for m in self.find_times(text, lang, None):
            if m.span is not None and m.span.kind == "point" and m.resolved:
                return m.span.low
        if _NUMERIC_DATE.search(text) or len(text) > 80 or not text:
            return None  # an ambiguous numeric date stays unknown rather than guessed
        return _dateparser_date(text, _lang_key(lang), tuple(self.data))

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages with words: those with a section in the data files."""
        return tuple(self.data)


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str, lang: str | None, known: tuple[str, ...] = ()) -> dt.date | None:
    """The slow fallback, on a short string only, for forms the regexes do not know."""
    import dateparser  # only when needed: slow to import

    settings = {
        "PARSERS": ["custom-formats", "absolute-time"],  # never "hier" or "2 days ago"
        "REQUIRE_PARTS": ["day", "month", "year"],
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": date_order(lang),
    }
    try:
        found = dateparser.parse(
            text, languages=[lang] if lang else list(known) or None, settings=settings
        )
    except (ValueError, TypeError, OverflowError, KeyError, LookupError):
        return None
    return found.date() if found else None


# Each language's grammar compiles on its first use, not at import (see numbers.py's _DEFAULT).
@functools.cache
def _default() -> TimeGrammar:
    """The built-in grammar, its words read on first use (also as `times.DEFAULT`), not at import."""
    return TimeGrammar.load()


def __getattr__(name: str) -> TimeGrammar:
    if name == "DEFAULT":
        return _default()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_times(
    text: str,
    lang: str | None,
    reference: dt.date | None,
    start: int = 0,
    end: int | None = None,
) -> list[TimeMatch]:
    """Time expressions in text[start:end], sorted, non-overlapping; resolved against
    `reference` (the publication date)."""
    return _default().find_times(text, lang, reference, start, end)


def parse_time(text: str, lang: str | None, reference: dt.date | None) -> TimeSpan | None:
    """The span of a string that is wholly one time expression."""
    return _default().parse_time(text, lang, reference)


def parse_date(text: str, lang: str | None = None) -> dt.date | None:
    """A publication date as pages write it: "14/11/2025 à 11:15", "Publish date : 2025-06-17
    16:16:00", "17 juin 2025", "June 17, 2025", "2025-06-17T16:16:00Z", "Mis à jour le 3 mars
    2024". Day first in French; in English a numeric date is read only when unambiguous."""
    return _default().parse_date(text, lang)


def so_far(time: TimeSpan, day: dt.date | None) -> TimeSpan:
    """A running count over a period that holds the article's day ("In diesem Jahr sind bisher
    120 …", "this month, 40 so far"): the count cannot reach past that day, so it runs from the
    period's start up to it, as "since the start of the year" does."""
    if day is None or time.kind != "period" or time.low is None or time.high is None:
        return time
    if not time.low <= day < time.high:
        return time
    return replace(time, high=day, kind="since", high_minute=None)
