"""Calendar arithmetic: the days a unit as written means, given a reference date.

The third step of reading times (see `consistency.extract.times`): a unit as written
(`_Cal`: "fin juin", "mardi 10 décembre", "last year") becomes the first and last day it
means, its missing year taken from the reference (the publication date) or, for a weekday
written with its day, from the year in which that day falls on that weekday.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import NamedTuple, ParamSpec, TypeVar

from consistency.extract.time_lexicon import SEASONS, SHIFTS

_SEASON_FIRST_MONTH = (3, 6, 9, 12)  # meteorological seasons; winter runs into the next year
_PIVOT = 30  # a two-digit year below it is in the 2000s ("14/11/25"), else the 1900s ("08/05/45")
_YEARS_BACK = 8  # how far back a year is searched for a day-month such as "29 février"
# How far from its anchor a weekday's day may be ("mardi 10 décembre"): a day and month
# fall on the same weekday at least five years apart, so one year at most fits.
_WEEKDAY_WINDOW = 366


@dataclass(frozen=True)
class _Cal:
    """A calendar unit as written; what is missing comes from the reference date."""

    grain: str  # "day" | "month" | "season" | "year" | "week" | "weekday"
    year: int | None = None
    month: int | None = None
    day: int | None = None
    season: int | None = None
    weekday: int | None = None  # written with a day ("vendredi 14 novembre"), or alone
    third: int | None = None  # index into PARTS
    shift: int = 0  # -1 "dernier"/"last", +1 "prochain"/"next"
    current: bool = False  # "ce", "this": the one of the reference's year ("cet hiver", "this May")
    anchored: bool = False  # counted from the reference: "hier", "last year", "fin du mois"
    needs_context: int = 0  # 2: a time only after a preposition or a modifier ("en mars",
    # "en 2024"); 1: an article is enough ("l'été 2024", not "a été 2000 fois")
    future: bool = False  # in a clause about the future ("débutera dimanche"): resolve forward
    year_inferred: bool = False  # the year was chosen for the weekday written with the day
    to_date: bool = False  # "so far this year": from the unit's start up to the reference, as "since"


@dataclass(frozen=True)
class _Duration:
    amount: float
    unit: str  # one of UNITS
    ago: bool = False  # "three years ago"
    past: bool = False  # "les trois derniers mois", "the past three months"
    bare: bool = False  # nothing around the number says it is a time


@dataclass(frozen=True)
class _Unit:
    """One match of the main pattern, read."""

    start: int
    end: int
    cal: _Cal | None = None
    last: _Cal | None = None  # the end of a range written as one unit ("du 4 au 22 janvier")
    duration: _Duration | None = None


_Read = _Cal | tuple[_Cal, _Cal] | _Unit | None  # what one match says
T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")


class _Span(NamedTuple):
    low: dt.date
    high: dt.date
    resolved: bool
    mismatch: bool = False


_ANCHORED = {
    "today": ("day", 0),
    "yesterday": ("day", -1),
    "day_before_yesterday": ("day", -2),
    "day_before": ("day", -1),
    "tomorrow": ("day", 1),
    **{
        f"{name}_{grain}": (grain, shift)
        for name, shift in SHIFTS.items()
        for grain in ("week", "month", "year")
    },
    "year_to_date": ("year", 0),
}


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + month // 12, month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    return dt.date(year, month, min(day.day, _month_end(year, month).day))


def _third(
    low: dt.date, high: dt.date, third: int | None, grain: str
) -> tuple[dt.date, dt.date] | None:
    """Early, mid or late: the first, middle or last third of the unit."""
    if third is None:
        return low, high
    if grain == "month":  # 1-10, 11-20, 21-end
        first = low.replace(day=(1, 11, 21)[third])
        return first, (low.replace(day=10), low.replace(day=20), high)[third]
    if grain in ("year", "season"):  # whole months: Jan-Apr, May-Aug, Sep-Dec; a month of a season
        size = (12 if grain == "year" else 3) // 3
        first = _add_months(low, third * size)
        last = _add_months(first, size - 1)
        return first, _month_end(last.year, last.month)
    if grain == "week":  # Mon-Tue, Wed-Thu, Fri-Sun
        first = low + dt.timedelta(days=(0, 2, 4)[third])
        return first, (low + dt.timedelta(days=(1, 3, 6)[third]))
    return None


def _bounds(cal: _Cal, year: int) -> tuple[dt.date, dt.date] | None:
    try:
        if cal.grain == "day":
            assert cal.month is not None and cal.day is not None
            day = dt.date(year, cal.month, cal.day)
            return day, day
        if cal.grain == "month":
            assert cal.month is not None
            low, high = dt.date(year, cal.month, 1), _month_end(year, cal.month)
        elif cal.grain == "season":
            assert cal.season is not None
            low = dt.date(year, _SEASON_FIRST_MONTH[cal.season], 1)
            last = _add_months(low, 2)
            high = _month_end(last.year, last.month)
        elif cal.grain == "year":
            low, high = dt.date(year, 1, 1), dt.date(year, 12, 31)
        else:
            return None
    except (ValueError, OverflowError):
        return None
    return _third(low, high, cal.third, cal.grain)


def _anchored(cal: _Cal, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    if cal.grain == "day":
        day = ref + dt.timedelta(days=cal.shift)
        return day, day
    if cal.grain == "week":
        monday = ref - dt.timedelta(days=ref.isoweekday() - 1) + dt.timedelta(weeks=cal.shift)
        low, high = monday, monday + dt.timedelta(days=6)
    elif cal.grain == "month":
        low = _add_months(ref.replace(day=1), cal.shift)
        high = _month_end(low.year, low.month)
    elif cal.grain == "year":
        low, high = dt.date(ref.year + cal.shift, 1, 1), dt.date(ref.year + cal.shift, 12, 31)
    else:
        return None
    return _third(low, high, cal.third, cal.grain)


def _infer_year(cal: _Cal, ref: dt.date) -> int | None:
    """The year of a unit written without one: the most recent whose start is not after `ref`
    ("dernier": the most recent that ended before it; "prochain": the first that starts after)."""
    if cal.current:
        winter = cal.grain == "season" and cal.season == SEASONS.index("winter")
        return ref.year - 1 if winter and ref.month <= 2 else ref.year
    if cal.future and cal.shift == 0:  # "will start on March 3": the first not yet over
        for year in range(ref.year - 1, ref.year + _YEARS_BACK):
            b = _bounds(cal, year)
            if b and b[1] >= ref:
                return year
        return None
    if cal.shift > 0:
        for year in range(ref.year - 1, ref.year + _YEARS_BACK):
            b = _bounds(cal, year)
            if b and b[0] > ref:
                return year
        return None
    for year in range(ref.year, ref.year - _YEARS_BACK, -1):
        b = _bounds(cal, year)
        if b and (b[0] <= ref if cal.shift == 0 else b[1] < ref):
            return year
    return None


def _weekday_year(cal: _Cal | None, anchors: list[dt.date]) -> _Cal | None:
    """ "mardi 10 décembre" without a year: the year in which 10 December is a Tuesday,
    at most `_WEEKDAY_WINDOW` days from an anchor (the publication date, else the article's
    full dates); the unit unchanged when no year or two years fit."""
    if cal is None or cal.grain != "day" or cal.year is not None or cal.weekday is None:
        return cal
    assert cal.month is not None and cal.day is not None
    best: set[int] = set()
    for anchor in anchors:
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                day = dt.date(year, cal.month, cal.day)
            except (ValueError, OverflowError):
                continue
            if day.isoweekday() == cal.weekday and abs((day - anchor).days) <= _WEEKDAY_WINDOW:
                best.add(year)
    if len(best) != 1:
        return cal  # none, or anchors years apart that each fit one: not guessed
    return replace(cal, year=next(iter(best)), year_inferred=True)


RECENT_YEARS = 4  # an undated page's "Sunday, January 19" is of the last years this many back


def _recent_weekday_year(cal: _Cal | None, today: dt.date) -> _Cal | None:
    """ "Sunday, January 19" on a page with no date at all: the year when only one of the
    recent years (this one and `RECENT_YEARS` before it) has that day on that weekday, and
    that day is not after `today`; the unit unchanged otherwise."""
    if cal is None or cal.grain != "day" or cal.year is not None or cal.weekday is None:
        return cal
    assert cal.month is not None and cal.day is not None
    fits = set()
    for year in range(today.year - RECENT_YEARS, today.year + 1):
        try:
            day = dt.date(year, cal.month, cal.day)
        except ValueError:
            continue
        if day.isoweekday() == cal.weekday and day <= today:
            fits.add(year)
    if len(fits) != 1:
        return cal
    return replace(cal, year=fits.pop(), year_inferred=True)


def _full_dates(units: Iterable[_Unit]) -> list[dt.date]:
    """The days written with their year ("6 décembre 2019", "2019-12-06")."""
    out: list[dt.date] = []
    for u in units:
        for cal in (u.cal, u.last):
            if cal and cal.grain == "day" and cal.year is not None and not cal.year_inferred:
                assert cal.month is not None and cal.day is not None
                out.append(dt.date(cal.year, cal.month, cal.day))
    return out


def _weekday_near(ref: dt.date, weekday: int, shift: int, future: bool = False) -> dt.date:
    if future and shift == 0:  # "la trêve débutera dimanche": this day or the next one
        return ref + dt.timedelta(days=(weekday - ref.isoweekday()) % 7)
    if shift > 0:
        return ref + dt.timedelta(days=(weekday - ref.isoweekday() - 1) % 7 + 1)
    if shift < 0:
        # "last Thursday" written on a Friday: news says "yesterday" or "on Thursday" for the day
        # before, so "last" names the week before's.
        back = (ref.isoweekday() - weekday - 1) % 7 + 1
        return ref - dt.timedelta(days=back + 7 if back == 1 else back)
    return ref - dt.timedelta(days=(ref.isoweekday() - weekday) % 7)


def _in_calendar(fn: Callable[P, R | None]) -> Callable[P, R | None]:
    """None instead of an error for dates outside years 1-9999 ("il y a 5000 ans")."""

    @functools.wraps(fn)
    def guarded(*args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return fn(*args, **kwargs)
        except (ValueError, OverflowError):
            return None

    return guarded


@_in_calendar
def _resolve(cal: _Cal, ref: dt.date | None) -> _Span | None:
    if cal.grain == "dom":  # "el día 2": in the reference's month, or the one before (after)
        if ref is None or cal.day is None:
            return None
        month = ref.replace(day=1)
        for _ in range(3):
            if cal.day <= _month_end(month.year, month.month).day:
                day = month.replace(day=cal.day)
                if day >= ref if cal.future else day <= ref:
                    return _Span(day, day, False)
            month = _add_months(month, 1 if cal.future else -1)
        return None
    if cal.anchored or cal.grain == "weekday":
        if ref is None:
            return None
        if cal.grain == "weekday":
            assert cal.weekday is not None
            day = _weekday_near(ref, cal.weekday, cal.shift, cal.future)
            return _Span(day, day, False)
        b = _anchored(cal, ref)
        return _Span(*b, False) if b else None
    resolved = cal.year is not None and not cal.year_inferred
    year = cal.year if cal.year is not None else (_infer_year(cal, ref) if ref else None)
    if year is None:
        return None
    b = _bounds(cal, year)
    if b is None:
        return None
    mismatch = cal.grain == "day" and cal.weekday is not None and b[0].isoweekday() != cal.weekday
    return _Span(b[0], b[1], resolved, mismatch)


def _modified(cal: _Cal, modifier: str | None) -> _Cal:
    """A unit with the modifier written before it: "cet été", "last September", "next Friday"."""
    if modifier is None or cal.year is not None or cal.anchored:
        return cal
    if modifier == "this":
        return replace(cal, current=cal.grain != "weekday")  # "ce mardi": the latest Tuesday
    return replace(cal, shift=SHIFTS[modifier])


def _dated(cal: _Cal) -> bool:
    """Whether the unit is a day, month or season that a year completes."""
    return cal.grain in ("day", "month", "season") and not cal.anchored


@_in_calendar
def _resolve_range(first: _Cal, last: _Cal, ref: dt.date | None) -> _Span | None:
    """Both ends of a range; an end without a year takes the other's ("de janvier à mars 2025")."""
    inferred = False
    if _dated(first) and _dated(last) and first.year is None and last.year is None:
        year = _infer_year(first, ref) if ref else None
        if year is None:
            return None
        first, inferred = replace(first, year=year), True
    if _dated(first) and first.year is None and last.year is not None:
        first = replace(first, year=last.year)
        a, b = _bounds(first, last.year), _bounds(last, last.year)
        if a and b and a[0] > b[0]:
            first = replace(first, year=last.year - 1)
    elif _dated(last) and last.year is None and first.year is not None:
        last = replace(last, year=first.year)
        a, b = _bounds(first, first.year), _bounds(last, first.year)
        if a and b and b[1] < a[0]:
            last = replace(last, year=first.year + 1)
    a_span, b_span = _resolve(first, ref), _resolve(last, ref)
    if a_span is not None and last.grain == "weekday" and last.weekday is not None:
        day = a_span.low + dt.timedelta(days=(last.weekday - a_span.low.isoweekday()) % 7)
        b_span = _Span(day, day, False)  # "du lundi au vendredi": the Friday after that Monday
    if a_span is None or b_span is None or a_span.low > b_span.high:
        return None
    return _Span(
        a_span.low,
        b_span.high,
        a_span.resolved and b_span.resolved and not inferred,
        a_span.mismatch or b_span.mismatch,
    )


def _iso_duration(amount: float, unit: str) -> str:
    number = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return f"PT{number}H" if unit == "H" else f"P{number}{unit}"


@_in_calendar
def _next_day(day: dt.date, days: int) -> dt.date | None:
    return day + dt.timedelta(days=days)


@_in_calendar
def _back(ref: dt.date, amount: int, unit: str) -> dt.date | None:
    if unit == "Y":
        return _add_months(ref, -12 * amount)
    if unit == "M":
        return _add_months(ref, -amount)
    days = {"W": 7 * amount, "D": amount, "H": -(-amount // 24)}[unit]
    return ref - dt.timedelta(days=days)


@_in_calendar
def _ago(d: _Duration, ref: dt.date) -> tuple[dt.date, dt.date] | None:
    """ "il y a trois ans": the day, week, month or year that many units before the reference."""
    if not float(d.amount).is_integer():
        return None
    day = _back(ref, int(d.amount), d.unit)
    if day is None:
        return None
    grain = {"Y": "year", "M": "month", "W": "week", "D": "day", "H": "day"}[d.unit]
    return _anchored(_Cal(grain, anchored=True), day)
