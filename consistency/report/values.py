"""Figures and times as a reader expects to see them.

A claim's interval is what the rules compare, but nobody writes "[10000, 12000]": the
report shows "≈ 11 000 (10 000–12 000)", "> 6 000" or "autumn 2024". The number a reader
recognises is taken from the claim's own quote when it agrees with the interval, so the
report repeats the article rather than a number the tool reconstructed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import math
import re

from consistency.lazy_re import lazy_compile
from consistency.model import MONTH_ABBREVIATIONS, Claim, Interval, TimeSpan, month_label

from .escape import one_line, shorten

# Narrow no-break space: the typographic thousands separator, which also keeps a number
# from being split across lines in a table. A percent sign follows a no-break space.
THOUSANDS = "\u202f"
PERCENT = "\u00a0%"

_SYMBOLS = {
    "approx": "≈ ",
    "more_than": "> ",
    "at_least": "≥ ",
    "less_than": "< ",
    "up_to": "≤ ",
}
# A number as written in a quote: "11 000", "11,000", "5.000", "2.5"; blanks only group
# thousands, so "en 2024, 11 000" holds two numbers.
_WRITTEN_NUMBER = lazy_compile(
    r"\d{1,3}(?:[\u00a0\u2009\u202f ']\d{3})+(?!\d)(?:[.,]\d+)?|\d+(?:[.,]\d+)*"
)
_GROUP_BLANKS = lazy_compile(r"[\u00a0\u2009\u202f ']")


def format_number(value: float) -> str:
    """11000 -> "11 000" (narrow no-break spaces), 2.5 -> "2.5"."""
    if math.isnan(value):
        return "?"
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    sign = "−" if value < 0 else ""
    value = abs(value)
    whole = round(value)
    if abs(value - whole) < 1e-9:
        return sign + f"{whole:,}".replace(",", THOUSANDS)
    integer, _, decimals = f"{value:.2f}".rstrip("0").partition(".")
    return sign + f"{int(integer):,}".replace(",", THOUSANDS) + "." + decimals


def format_interval(interval: Interval, unit: str = "count") -> str:
    """The bounds only: "10 000–12 000", "≥ 6 000", "11 000"."""
    low, high = _finite(interval.low), _finite(interval.high)
    suffix = PERCENT if unit == "percent" else ""
    if low is None and high is None:
        return "any value"
    if high is None:
        assert low is not None
        return f"≥ {format_number(low)}{suffix}"
    if low is None:
        return f"≤ {format_number(high)}{suffix}"
    if low == high:
        return format_number(low) + suffix
    return f"{format_number(low)}–{format_number(high)}{suffix}"


def headline_number(claim: Claim) -> float | None:
    """The one number a reader would quote for a quantity claim, or None when there is none.

    "environ 11 000" is 11 000 (not the middle of its interval, which need not be
    symmetric); "plus de 6 000" is 6 000; a range or a vague amount has no single number.
    """
    if not isinstance(claim.value, Interval):
        return None
    low, high = _finite(claim.value.low), _finite(claim.value.high)
    if claim.qualifier in ("range", "vague"):
        return None
    if claim.qualifier in ("more_than", "at_least"):
        return _written_near(claim.quote, low, high, low) if low is not None else None
    if claim.qualifier in ("less_than", "up_to"):
        return _written_near(claim.quote, low, high, high) if high is not None else None
    if low is not None and low == high:
        return low
    if low is None or high is None:
        return None
    return _written_near(claim.quote, low, high, (low + high) / 2)


def chart_number(claim: Claim) -> float | None:
    """The number a bar chart can draw: the headline number, else the middle of a range.

    A vague amount ("plusieurs milliers") has no bar: the middle of its interval is a
    number nobody wrote.
    """
    number = headline_number(claim)
    if number is not None or not isinstance(claim.value, Interval) or claim.qualifier == "vague":
        return number
    low, high = _finite(claim.value.low), _finite(claim.value.high)
    return (low + high) / 2 if low is not None and high is not None else None


def format_figure(claim: Claim, *, short: bool = False) -> str:
    """A claim's value as people write it: "≈ 11 000 (10 000–12 000)", "> 6 000", "Jun 2025".

    `short` leaves out the bounds of an approximate figure ("≈ 11 000"), for places where
    the figure is followed by its origin in brackets.
    """
    if isinstance(claim.value, TimeSpan):
        return format_time(claim.value)
    bounds = format_interval(claim.value, claim.unit)
    plus = "+" if claim.increment else ""
    if claim.qualifier == "vague":
        if short:
            return f"{shorten(one_line(claim.quote), 28)} ({plus}{bounds})"
        return f"{shorten(one_line(claim.quote), 60)} ({plus}{bounds})"
    number = headline_number(claim)
    if number is None:
        return plus + bounds
    suffix = PERCENT if claim.unit == "percent" else ""
    figure = f"{_SYMBOLS.get(claim.qualifier, '')}{plus}{format_number(number)}{suffix}"
    if claim.qualifier == "approx" and not claim.value.is_point and not short:
        figure += f" ({bounds})"
    return figure


def format_time(span: TimeSpan | None) -> str:
    """The words of the text when known ("à l'automne 2024"), else a readable range of dates."""
    if span is None:
        return "time not stated"
    if span.label.strip() and span.kind != "as_of":  # an "as of" label is a bare ISO date
        return one_line(span.label)
    return format_dates(span)


def format_dates(span: TimeSpan) -> str:
    """"Jun 2025", "2024", "Jan – Mar 2025", "since Jan 2024", "17 Jun – 3 Jul 2025"."""
    low, high = span.low, span.high
    if low is None and high is None:
        return "any time"
    if span.kind == "as_of":
        return "as of " + _day(low or high)  # type: ignore[arg-type]
    if high is None or (span.kind == "since" and low is not None):
        assert low is not None
        since = "since " + (month_label(low) if low.day == 1 else _day(low))
        return f"{since}, as of {_day(high)}" if high is not None else since
    if low is None or span.kind == "until":
        return "until " + (month_label(high) if _is_month_end(high) else _day(high))
    if low == high:
        return _day(low)
    if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31):
        return str(low.year) if low.year == high.year else f"{low.year} – {high.year}"
    if low.day == 1 and _is_month_end(high):
        if (low.year, low.month) == (high.year, high.month):
            return month_label(low)
        if low.year == high.year:
            return f"{MONTH_ABBREVIATIONS[low.month - 1]} – {month_label(high)}"
        return f"{month_label(low)} – {month_label(high)}"
    if low.year == high.year:
        return f"{low.day} {MONTH_ABBREVIATIONS[low.month - 1]} – {_day(high)}"
    return f"{_day(low)} – {_day(high)}"


def format_date(day: dt.date | None) -> str:
    """ISO date, or an em dash when unknown."""
    return day.isoformat() if day else "—"


def _day(day: dt.date) -> str:
    return f"{day.day} {MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


def _is_month_end(day: dt.date) -> bool:
    return day.day == calendar.monthrange(day.year, day.month)[1]


def _finite(x: float | None) -> float | None:
    return None if x is None or math.isnan(x) or math.isinf(x) else float(x)


def _written_near(quote: str, low: float | None, high: float | None, default: float) -> float:
    """The number written in the quote that fits the interval best, else `default`.

    "5.000" may be five thousand or five; both readings are tried and the interval decides,
    so an ambiguous separator never shows a number the claim does not mean.
    """
    span = max(abs(low or 0.0), abs(high or 0.0), 1.0)
    slack = span * 0.05 + 1.0
    lo = -math.inf if low is None else low - slack
    hi = math.inf if high is None else high + slack
    best: float | None = None
    for match in _WRITTEN_NUMBER.finditer(quote):
        for reading in _readings(match.group(0)):
            if lo <= reading <= hi and (best is None or abs(reading - default) < abs(best - default)):
                best = reading
    return default if best is None else best


def _readings(written: str) -> tuple[float, ...]:
    """Every way to read a written number: separators as thousands, or the last as decimal."""
    compact = _GROUP_BLANKS.sub("", written)
    digits = re.sub(r"[.,]", "", compact)
    readings = [float(digits)] if digits else []
    last = max(compact.rfind("."), compact.rfind(","))
    if last > 0:
        whole = re.sub(r"[.,]", "", compact[:last])
        readings.append(float(f"{whole}.{compact[last + 1:]}"))
    return tuple(readings)
