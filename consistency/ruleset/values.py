"""Arithmetic and wording for the values rules compare.

Figures are intervals and dates are spans, so "do these agree?" is a question about
overlap once each side is widened by a tolerance. The wording helpers live here too,
so that every kind describes values, times and quotes the same way.
"""

from __future__ import annotations

import datetime as dt
import math

from consistency.lazy_re import lazy_compile
from consistency.model import Claim, Interval, Severity, TimeSpan

_YEAR = lazy_compile(r"\b\d{4}\b")  # a label without a year ("on Saturday") also gets its dates
WEAK_QUALIFIERS = frozenset({"vague", "more_than", "at_least", "less_than", "up_to"})


def tolerance(value: Interval, relative: float, absolute: float) -> float:
    """How far a figure may move and still mean the same: the larger of both tolerances."""
    bounds = [abs(b) for b in (value.low, value.high) if b is not None]
    magnitude = max(bounds) if bounds else 0.0
    return max(absolute, relative * magnitude)


def widen(value: Interval, relative: float, absolute: float) -> Interval:
    slack = tolerance(value, relative, absolute)
    low = None if value.low is None else value.low - slack
    high = None if value.high is None else value.high + slack
    return Interval(low, high)


def figures_meet(
    a: Interval, b: Interval, relative: float, absolute: float, *, a_exact: bool = True, b_exact: bool = True
) -> bool:
    """True when the two figures can both be true once each is widened by its tolerance.

    The tolerance stands for the rounding of a figure stated as exact ("11 000"). A figure
    the text already gives as approximate, a range or vague arrives as an interval that
    carries its own uncertainty, so it is not widened a second time (`*_exact=False`).
    """
    wide_a = widen(a, relative, absolute) if a_exact else a
    wide_b = widen(b, relative, absolute) if b_exact else b
    return wide_a.overlaps(wide_b)


def add(a: Interval, b: Interval) -> Interval:
    """Interval sum: what a total becomes once an increment is added to it."""
    low = None if a.low is None or b.low is None else a.low + b.low
    high = None if a.high is None or b.high is None else a.high + b.high
    return Interval(low, high)


def is_open(value: Interval) -> bool:
    return value.low is None or value.high is None


def is_weak(claim: Claim) -> bool:
    """A vague or one-sided figure, or an amount given as what it could reach: a conflict
    with it is less certain."""
    if claim.qualifier in WEAK_QUALIFIERS or claim.measure == "projection":
        return True
    return isinstance(claim.value, Interval) and is_open(claim.value)


def milder(severity: Severity | str, other: Severity | str) -> Severity:
    """The lower of two severities: a weaker case never raises a rule's severity."""
    return min(Severity.parse(severity), Severity.parse(other))


AS_OF_DAYS = 31  # a figure given "as of" a day describes the month up to that day


def reference_time(claim: Claim) -> TimeSpan | None:
    """The time a figure is compared at (None for a date claim). A figure "as of" a day —
    what the extractor gives a figure without a time of its own: as of publication —
    describes the weeks up to that day, not all of the past: troops present in June say
    nothing about the autumn before."""
    if claim.kind == "date":
        return None  # a date claim's value is its time; there is no other to compare
    time = claim.time
    if time is not None and time.kind == "as_of" and time.high is not None:
        return TimeSpan(time.high - dt.timedelta(days=AS_OF_DAYS), time.high, time.label, "as_of")
    return time


def times_overlap(a: TimeSpan | None, b: TimeSpan | None, slack_days: int = 0) -> bool:
    """Unknown times are open: they overlap everything."""
    if a is None or b is None:
        return True
    return a.overlaps(b, slack_days)


def span_days(span: TimeSpan) -> float:
    if span.low is None or span.high is None:
        return math.inf
    return (span.high - span.low).days + 1


def contains(outer: TimeSpan, inner: TimeSpan) -> bool:
    lo_out = outer.low or dt.date.min
    hi_out = outer.high or dt.date.max
    lo_in = inner.low or dt.date.min
    hi_in = inner.high or dt.date.max
    return lo_out <= lo_in and hi_in <= hi_out


def round_significant(x: float | None, digits: int = 2) -> float | None:
    """Rounded so that small edits of a figure keep the same identity."""
    if x is None or x == 0 or not math.isfinite(x):
        return x
    return round(x, digits - 1 - int(math.floor(math.log10(abs(x)))))


# --- wording ---------------------------------------------------------------------------


def format_number(x: float) -> str:
    if float(x).is_integer():
        return f"{int(x):,}".replace(",", " ")
    return f"{x:,.2f}".rstrip("0").rstrip(".").replace(",", " ")


_OPEN_WORDS = {"more_than": "more than", "at_least": "at least", "less_than": "less than", "up_to": "up to"}


def format_interval(value: Interval, unit: str = "count", qualifier: str = "exact") -> str:
    suffix = "%" if unit == "percent" else ""
    if value.low is None and value.high is None:
        return "any value"
    if value.low is None:
        assert value.high is not None
        word = _OPEN_WORDS.get(qualifier, "at most") if qualifier in ("less_than", "up_to") else "at most"
        return f"{word} {format_number(value.high)}{suffix}"
    if value.high is None:
        word = _OPEN_WORDS.get(qualifier, "at least") if qualifier in ("more_than", "at_least") else "at least"
        return f"{word} {format_number(value.low)}{suffix}"
    if value.low == value.high:
        return f"{format_number(value.low)}{suffix}"
    return f"{format_number(value.low)}–{format_number(value.high)}{suffix}"


def format_span(span: TimeSpan | None) -> str:
    """The words of the text when there are some, else the dates."""
    if span is None:
        return "time unknown"
    if span.label:
        if _YEAR.search(span.label) or (span.low is None and span.high is None):
            return span.label
        return f"{span.label} ({format_span(TimeSpan(span.low, span.high, '', span.kind))})"
    if span.low is None and span.high is None:
        return "any time"
    if span.kind == "as_of" and span.high is not None:
        return f"as of {span.high.isoformat()}"
    if span.low is None:
        assert span.high is not None
        return f"until {span.high.isoformat()}"
    if span.high is None or span.kind == "since":
        return f"since {span.low.isoformat()}"
    if span.low == span.high:
        return span.low.isoformat()
    return f"{span.low.isoformat()} to {span.high.isoformat()}"


def format_value(claim: Claim) -> str:
    if isinstance(claim.value, TimeSpan):
        return format_span(claim.value)
    return format_interval(claim.value, claim.unit, claim.qualifier)


def shared_time(a: TimeSpan | None, b: TimeSpan | None) -> str:
    """Why two times are the same time, in words: "both describe autumn 2024"."""
    if a is None and b is None:
        return "neither gives a time"
    if a is None or b is None:
        known = a or b
        return f"one side gives no time, the other {format_span(known)}"
    if contains(a, b):
        return f"both describe {format_span(b)}"
    if contains(b, a):
        return f"both describe {format_span(a)}"
    return f"their times overlap ({format_span(a)}; {format_span(b)})"


def short_quote(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[: limit - 1].rstrip() + "…"
