"""What the steps of reading figures hand to each other: a candidate figure (`_Figure`), a
qualifier (`_Qual`), the text window (`_Text`), and the result (`NumberMatch`).
"""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from consistency.extract.number_text import (
    _ADDRESS_MARKS,
    _FAR,
    _HYPHENS,
    _WS,
    _alternation,
    _norms,
    _TokenIndex,
    _tokens_before,
    _Words,
)
from consistency.model import Interval


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One quantity of a text, with the words that qualify it."""

    start: int  # [start, end) offsets into the text passed in
    end: int
    text: str  # == text[start:end], qualifier words included ("environ 11 000")
    value: Interval  # what the words mean
    point: float | None  # the stated figure; None when there is none ("plusieurs milliers")
    qualifier: str  # one of consistency.model.QUALIFIERS
    unit: str  # "count" or "percent"
    number_start: int  # where the figure itself starts, after the qualifier words
    number_end: int  # where it ends, unit included ("40 %", "1,5 million"); the noun follows
    # "12,000 fewer", "300 de moins", "28 menos": a difference between two figures, not a count
    # or a bound of one (the claim layer decides what to do with it).
    difference: bool = False
    # ISO 4217 code ("USD", "EUR", "MAD") of a currency written right before or after the
    # figure; only find_numbers(..., money=True) returns sums of money, so by default None.
    currency: str | None = None


@dataclass(frozen=True)
class _Qual:
    """A qualifier and the factors of the stated figure that bound its interval (None: open)."""

    name: str
    low: float | None
    high: float | None


class _Figure(NamedTuple):
    """A candidate figure, before its surroundings are judged (a tuple: many are made per text)."""

    start: int
    end: int  # with its unit words ("1,5 million", "40 %")
    core_end: int  # end of the digits or number words themselves
    value: float | None
    low: float | None  # the figure's own interval when it is not a point (vague, rounded)
    high: float | None
    kind: str  # digits | words | rounded | vague | share | ratio | void (words to skip, e.g. "3 billion")
    unit: str = "count"
    lead: float = 0.0  # "12" of "12 000" or of "12 millions", for "10 à 12 000"
    scale: float = 1.0  # 1 when the figure has neither a scale word nor digit groups
    bare: bool = False  # digits alone: could be a year, a day, an hour or an age
    tail_start: int = -1  # where a glued unit starts ("10k", "40%"): letters there are fine
    needs_qualifier: bool = False  # "half" alone is a share only after "more than", "nearly"…


DENSE_AFTER = 64  # figures read before the words before them may come from one scan of the text
DENSE_SPACING = 32  # characters per figure, at most, for that scan to pay


class _Text:
    """The text, its lower-case twin (same offsets) and the window to read."""

    __slots__ = ("raw", "low", "lo", "hi", "_before", "money_read", "_index")

    def __init__(self, raw: str, low: str, lo: int, hi: int) -> None:
        self.raw, self.low, self.lo, self.hi = raw, low, lo, hi
        self._before: dict[int, _Words] = {}
        self.money_read = False  # a currency changed how a figure was qualified or joined (see `find_numbers`)
        self._index: _TokenIndex | None = None

    def before(self, pos: int, floor: int = 0) -> _Words:
        """The few words before pos (not before floor), computed once per position."""
        found = self._before.get(pos)
        if found is None:
            index = self._index
            if index is None and len(self._before) >= DENSE_AFTER and len(self._before) * DENSE_SPACING >= pos - self.lo:
                # Figures every few characters so far: one scan of the text serves them all.
                index = self._index = _TokenIndex(self.raw, max(0, self.lo - _FAR - 8), self.hi)
            read = index.before(pos) if index is not None else None
            if read is None:
                toks = _tokens_before(self.raw, pos, 0)
                read = (toks, _norms(toks))
            found = self._before[pos] = read
        toks, norms = found
        if not floor or not toks or toks[0].start() >= floor:
            return found
        keep = len(toks)  # from the end: tokens are in text order, and few are kept
        while keep and toks[keep - 1].start() >= floor:
            keep -= 1
        return toks[keep:], norms[keep:]


_START, _END = operator.itemgetter(0), operator.itemgetter(1)  # of a _Figure

# What a trigger word asks to look for around it.
_DIGIT, _WORDS, _ROUNDED, _VAGUE, _SHARE, _RATIO = 1, 2, 4, 8, 16, 32


class _CompoundRoutes(dict[str, int]):
    """Routes of a language that glues number words: a trigger not in the table is a glued word."""

    def get(self, key: str, default: int = 0) -> int:  # type: ignore[override]
        found = dict.get(self, key)
        if found is not None:
            return found
        return default if key[:1] in "0123456789" else _WORDS | _ROUNDED | _VAGUE | _SHARE | _RATIO


def _words_after(words: Sequence[str], glued: bool = False) -> re.Pattern[str] | None:
    """A pattern for one of `words` right after a figure (after a space unless `glued`)."""
    if not words:
        return None
    return re.compile(rf"{_WS}{'*' if glued else '+'}(?:{_alternation(words)})(?![\w])", re.IGNORECASE)


def _first_chars(phrases: Iterable[str]) -> str | None:
    """A character class of the first characters of `phrases`; None when one may start with a gap."""
    chars: set[str] = set()
    for phrase in phrases:
        first = phrase[:1]
        if not first or first in _HYPHENS or first.isspace():
            return None
        chars.update("'’" if first in "'’" else first)
    return "".join(sorted(re.escape(c) for c in chars))


def _addresses(t: _Text) -> list[tuple[int, int]]:
    """Web and e-mail addresses: the whole run of non-space characters around "://", "www." or "@"."""
    spans = []
    for mark in _ADDRESS_MARKS:
        pos = t.raw.find(mark, t.lo, t.hi)
        while pos >= 0:
            s, e = pos, pos
            while s > t.lo and not t.raw[s - 1].isspace():
                s -= 1
            while e < t.hi and not t.raw[e].isspace():
                e += 1
            spans.append((s, e))
            pos = t.raw.find(mark, e, t.hi)
    return spans


@dataclass(frozen=True)
class _Share:
    percent: float
    alone: bool  # needs no "de/of" after it ("la moitié")
    bare: bool  # needs no determiner before it ("half the troops")
