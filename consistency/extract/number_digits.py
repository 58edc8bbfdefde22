"""Digits and spelling: the value of one figure as written ("11 000", "1,5", "einhundert").

Digits are read with the decimal mark of the language (or refused when ambiguous); number
words are read by text2num, with the scales and aliases of the packs it lacks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from text_to_num import text2num

from consistency.extract.number_text import (
    _GROUP_SPACE,
    _HYPHEN_CLASS,
    _LAST_GROUP,
    _SWISS,
    _WS,
    _ascii_digits,
)


def _clean(x: float | None) -> float | None:
    """11000 * 1.1 is 12100.000000000002: keep the digits a reader would write."""
    if x is None:
        return None
    if x % 1 == 0 and -1e12 < x < 1e12:
        return x  # already as written (and most figures are whole)
    return float(f"{x:.12g}")


def _valid_groups(groups: Sequence[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and groups[0][0] != "0" and all(len(g) == 3 for g in groups[1:])


_UNREADABLE = "unreadable"  # "4,800" in French: 4.8 or 4800? The text cannot tell.


def _read_digits(token: str, conv: str, decimal_hint: bool) -> tuple[float, float, float] | str | None:
    """(value, lead, scale) of a digit token, _UNREADABLE if its separator is ambiguous, None if invalid.

    `conv` is the language's decimal mark: "comma" (fr), "point" (en) or "neutral" (either,
    and a lone mark followed by three digits groups thousands). `decimal_hint`: a scale word
    or a percent sign follows, so "1,500 million" has a decimal part. `lead` and `scale` split
    the value as a reader does for "10 à 12 000": 12 thousand.
    """
    if len(token) > 32:
        return None  # an identifier or a run of digit groups, not a figure
    if _ascii_digits(token):  # most figures: no separator at all
        v = float(token)
        return v, v, 1.0
    t = token.replace("’", "'")
    if t[0] in ".,":
        if conv != "neutral" and (conv == "comma") != (t[0] == ","):
            return None  # ",5" in English, ".5" in French: not a decimal mark there
        v = float("0." + t[1:])
        return v, v, 1.0
    if _GROUP_SPACE.search(t):
        parts = _GROUP_SPACE.split(t)
        last = _LAST_GROUP.fullmatch(parts[-1])
        if last is None or not _valid_groups(parts[:-1] + [last.group(1)]):
            return None
        digits = "".join(parts[:-1]) + last.group(1)
        value = float(digits + "." + last.group(2)) if last.group(2) else float(digits)
        return value, float(parts[0]), 1000.0 ** (len(parts) - 1)
    if "'" in t:  # Swiss grouping: "11'000"
        swiss = _SWISS.fullmatch(t)
        if swiss is None or not _valid_groups(groups := swiss.group(1).split("'")):
            return None
        value = float("".join(groups) + ("." + swiss.group(2) if swiss.group(2) else ""))
        return value, float(groups[0]), 1000.0 ** (len(groups) - 1)
    commas, dots = t.count(","), t.count(".")
    if not commas and not dots:
        v = float(t)
        return v, v, 1.0
    if commas and dots:  # "1,234.5" or "1.234,5": the last mark is the decimal one
        dec_mark = "," if t.rfind(",") > t.rfind(".") else "."
        if t.count(dec_mark) != 1:
            return None
        int_part, dec = t.split(dec_mark)
        groups = int_part.split("." if dec_mark == "," else ",")
        if not _valid_groups(groups):
            return None
        return float("".join(groups) + "." + dec), float(groups[0]), 1000.0 ** (len(groups) - 1)
    mark = "," if commas else "."
    groups = t.split(mark)
    if len(groups) > 2:  # "1.234.567", "1,234,567": only thousands repeat
        if not _valid_groups(groups):
            return None
        return float("".join(groups)), float(groups[0]), 1000.0 ** (len(groups) - 1)
    a, b = groups
    decimal_mark = conv != "neutral" and (conv == "comma") == (mark == ",")
    grouping_mark = conv != "neutral" and not decimal_mark  # "3.500 millones", "1,500 million"
    if len(b) == 3 and _valid_groups(groups) and (grouping_mark or not decimal_hint):
        if decimal_mark:
            return _UNREADABLE  # the language's decimal mark with three decimals
        return float(a + b), float(a), 1000.0
    v = float(a + "." + b)
    return v, v, 1.0


def _text2num(words: str, lang: str) -> float | None:
    try:
        return float(text2num(words, lang))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Spelling:
    """What reading number words of one language needs besides text2num."""

    lang: str
    big: Mapping[str, float]  # scales composed here (text2num lacks some: "billion" in French)
    joiners: frozenset[str]  # "et", "and"
    articles: frozenset[str]  # "a hundred", "un million": 1 before a scale
    aliases: Mapping[str, str]  # spellings text2num does not know ("naught")
    glued: bool = False  # words are glued into one ("fuenfhundert"): aliases apply inside them

    def value(self, words: str) -> float | None:
        norm = re.sub(rf"{_WS}*[{_HYPHEN_CLASS}]{_WS}*", "-", words.lower())
        tokens = [self.aliases.get(t, t) for t in re.sub(rf"{_WS}+", " ", norm).strip().split(" ")]
        if self.glued and self.aliases:
            tokens = [self._unglued(t) for t in tokens]
        if tokens and tokens[0] in self.articles and len(tokens) > 1:
            tokens = tokens[1:]  # "a hundred" is "hundred"
        if not any(p in self.big for t in tokens for p in t.split("-")):
            return _text2num(" ".join(tokens), self.lang)
        total, last_scale, chunk = 0.0, float("inf"), []
        for tok in [p for t in tokens for p in t.split("-")] + [""]:
            if tok and tok not in self.big:
                chunk.append(tok)
                continue
            while chunk and chunk[0] in self.joiners:
                chunk.pop(0)
            while chunk and chunk[-1] in self.joiners:
                chunk.pop()
            if not tok:  # the end: what is left is below the last scale
                rest = _text2num(" ".join(chunk), self.lang) if chunk else 0.0
                return None if rest is None or rest >= last_scale else total + rest
            scale = self.big[tok]
            if scale >= last_scale:
                return None
            single = len(chunk) == 1 and chunk[0] in self.articles
            mult = 1.0 if not chunk or single else _text2num(" ".join(chunk), self.lang)
            if not mult:
                return None
            total += mult * scale
            last_scale, chunk = scale, []
        return None

    def _unglued(self, token: str) -> str:
        """A glued word with each alias inside it replaced, longest first: "zweihundertfuenf"
        is "zweihundertfünf" (Swiss "dreissig" and ASCII "fuenf" are what pages write)."""
        for alias in sorted(self.aliases, key=len, reverse=True):
            if alias in token:
                token = token.replace(alias, self.aliases[alias])
        return token
