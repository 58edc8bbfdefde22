"""Paragraphs and sentences, as offsets into the document text.

Claims take their time, place and source from their own sentence first, then from their
paragraph; this splitter only needs to be right about where those end, not to be a parser.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from consistency.extract.datafiles import load_merged
from consistency.lazy_re import lazy_compile

_DATA = Path(__file__).parent / "data" / "attribution.yaml"

# A sentence ends at . ! ? … (with closing quotes/brackets) followed by space and a capital,
# a digit or an opening quote; or at a line break (scraped pages put one paragraph a line).
_END = lazy_compile(r"""[.!?…]+["»”’)\]]*(?=\s+["«“(\[]?[\s\u00a0\u202f]?[A-ZÀ-ÝŒ0-9])|\n""")


@functools.lru_cache(maxsize=1)
def _abbreviations() -> re.Pattern[str]:
    """Words after which a full stop does not end a sentence ("M.", "Gov.", "z. B.", "EE. UU."),
    from the `abbreviations` of every language pack (attribution.yaml), compiled on first use."""
    words = {str(w) for spec in load_merged(_DATA).values() if isinstance(spec, dict) for w in spec.get("abbreviations") or ()}
    alternation = "|".join(re.escape(w) for w in sorted(words, key=lambda w: (-len(w), w)))
    # A single capital letter is an initial ("J. Smith"), in any language.
    return re.compile(rf"(?:(?<![\w.])(?:{alternation})|(?<!\w)[A-Z])\.$")


_TIME_DATA = Path(__file__).parent / "data" / "time_words.yaml"


_DAY_DIGITS = lazy_compile(r"(?<![\d.,])\d{1,2}$")  # the day of "4. Februar", not "2014." nor "1.4."


@functools.lru_cache(maxsize=1)
def _month_after() -> re.Pattern[str]:
    """A month name after a day's ordinal dot ("4. Februar", "1. Mai"), from the `months` of
    every language pack (time_words.yaml), compiled on first use."""
    names = {str(w) for spec in load_merged(_TIME_DATA).values() if isinstance(spec, dict)
             for words in (spec.get("months") or {}).values() for w in words if not str(w).endswith(".")}
    alternation = "|".join(re.escape(w) for w in sorted(names, key=lambda w: (-len(w), w)))
    return re.compile(rf"\s+(?:{alternation})(?!\w)")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index of the paragraph (line block) the sentence is in


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Sentences of text[start:end], trimmed of surrounding white space, empty ones dropped."""
    end = len(text) if end is None else end
    out: list[Sentence] = []
    paragraph = 0
    cursor = start
    for m in _END.finditer(text, start, end):
        if m.group() != "\n" and _abbreviations().search(text, max(start, m.start() - 12), m.start() + 1):
            continue
        if m.group() == "." and _DAY_DIGITS.search(text, max(start, m.start() - 3), m.start()) \
                and _month_after().match(text, m.end(), end):
            continue  # "Am 4. Februar hatten die Behörden …": a day's ordinal dot, not the end of a sentence
        if m.group() == "\n" and _wrapped(text, m.start(), end):
            continue  # a hard-wrapped line: the sentence goes on on the next line
        _add(text, cursor, m.end() if m.group() != "\n" else m.start(), paragraph, out)
        if m.group() == "\n":
            # A blank line or a single line break both end the paragraph in scraped text.
            if out and out[-1].paragraph == paragraph:
                paragraph += 1
        cursor = m.end()
    _add(text, cursor, end, paragraph, out)
    return out


_WRAP_MIN = 50  # a line this long that stops mid-sentence was wrapped, not ended


def _wrapped(text: str, newline: int, end: int) -> bool:
    """A line break inside a sentence: the line is long, does not end with punctuation, and
    the next line goes on in lower case ("… the toll rose to\n2,681 on Monday")."""
    line_start = text.rfind("\n", 0, newline) + 1
    if newline - line_start < _WRAP_MIN:
        return False  # a short line (lines of bare numbers): not wrapped, whatever follows
    if _first_non_space(text) >= line_start:
        return False  # the first line is a title: it ends where it ends
    line = text[line_start:newline].rstrip()
    if len(line) < _WRAP_MIN or not line or line[-1] in ".!?…:;»”\")]|":
        return False
    nxt = text[newline + 1:min(end, newline + 3)]
    return bool(nxt) and not nxt[0].isspace() and (nxt[0].islower() or nxt[0].isdigit())


@functools.lru_cache(maxsize=8)
def _first_non_space(text: str) -> int:
    """Where the text's first non-space character is, once per text (a slice of the whole text
    before each line break made lines of bare numbers quadratic)."""
    return len(text) - len(text.lstrip())


def _add(text: str, s: int, e: int, paragraph: int, out: list[Sentence]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Sentence(s, e, paragraph))
