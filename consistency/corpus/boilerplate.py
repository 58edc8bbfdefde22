"""Which lines of a document are page noise rather than the article.

The text is never cut (spans must index the file), so noise is reported as character
ranges that extraction skips. Patterns live in `data/boilerplate.yaml`; they are joined
into one regular expression, matched at the start of each line on that line alone: a
pattern can never run past its line (a whitespace class over thousands of lines of bare numbers made
the old whole-text scan quadratic), so the time is linear in the text whatever the data.
"""

from __future__ import annotations

import functools
import re

from consistency import table_cache
from consistency.corpus import _data
from consistency.errors import InputError
from consistency.model import Document
from consistency.regex_cache import compile as rx_compile

_DATA_FILE = "consistency/corpus/data/boilerplate.yaml"
_MAX_CONTAINS_LINE = 400  # a longer line is a paragraph, whatever it mentions
_LEAD = r"^[ \t]*(?:[>»►▶•·*#→|–—-][ \t]*)*"  # bullets and arrows before the words


def _alternatives(patterns: list[str] | None, kind: str) -> str | None:
    listed = list(patterns or [])
    # Each pattern is compiled alone to name a bad one; patterns that passed are not checked
    # again on the next start (about 60 small compilations, 20 ms, on every start otherwise).
    table_cache.memo("boilerplate-checked", (kind, *map(str, listed)), lambda: _check(listed, kind))
    return "|".join(f"(?:{pattern})" for pattern in listed) or None


def _check(patterns: list[str], kind: str) -> bool:
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            message = f"{_DATA_FILE}: {kind} pattern {pattern!r} is not a valid regular expression ({exc})"
            raise InputError(message) from None
    return True


@functools.cache
def _noise() -> re.Pattern[str]:
    """The page-noise pattern, compiled on first use (not at import: `--help` never needs it)."""
    data = _data.load("boilerplate.yaml") or {}
    parts = []
    if whole := _alternatives(data.get("line"), "line"):
        parts.append(rf"(?:{whole})[ \t.!:…]*\r?$")
    if start := _alternatives(data.get("start"), "start"):
        parts.append(rf"(?:{start}).*$")
    if contains := _alternatives(data.get("contains"), "contains"):
        parts.append(rf"(?=.{{0,{_MAX_CONTAINS_LINE}}}$).*?(?:{contains}).*$")
    if not parts:
        return rx_compile(r"(?!)")
    return rx_compile(_LEAD + "(?:" + "|".join(parts) + ")", re.MULTILINE | re.IGNORECASE)


_MAX_LIST_LINE = 160  # a related-links entry is a title, not a paragraph


@functools.cache
def _list_header() -> re.Pattern[str]:
    data = _data.load("boilerplate.yaml") or {}
    headers = _alternatives(data.get("list_headers"), "list_headers")
    if headers is None:
        return rx_compile(r"(?!)")
    return rx_compile(_LEAD + rf"(?:{headers})[ \t.!:…]*(?:\(\d+\))?[ \t]*\r?$", re.MULTILINE | re.IGNORECASE)


def _link_lists(text: str) -> list[list[int]]:
    """The lines listed under a "Lire aussi"-like header: short lines up to the next
    paragraph of text (a line longer than a title) or the end."""
    out = []
    for header in _list_header().finditer(text):
        start = end = header.end()
        pos = header.end()
        while pos < len(text):
            nl = text.find("\n", pos + 1)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end].strip()
            if len(line) > _MAX_LIST_LINE:
                break
            end = line_end
            pos = line_end
            if nl < 0:
                break
        if end > start:
            out.append([header.start(), end])
    return out


def is_boilerplate_line(line: str) -> bool:
    """True when this one line (without its line break) is page noise."""
    return _noise().match(_data.plain(line)) is not None


def _noisy_lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line's noise match, each line matched on its own."""
    out = []
    match = _noise().match
    pos = 0
    for line in text.split("\n"):
        found = match(line)
        if found is not None:
            out.append((pos + found.start(), pos + found.end()))
        pos += len(line) + 1
    return out


def boilerplate_spans(document: Document) -> tuple[tuple[int, int], ...]:
    """Character ranges (start, end) of `document.text` that are page noise, sorted.

    Each range covers whole lines, without the final line break; consecutive noisy lines
    (blank lines between them allowed) form one range. Front matter, when there is any,
    is the first range.
    """
    text = document.text
    spans: list[list[int]] = []
    if document.body_start > 0:
        spans.append([0, document.body_start])
    for start, end in _noisy_lines(_data.plain(text)):
        if end > start and text[end - 1] == "\r":
            end -= 1
        if end <= start:
            continue
        if spans and not text[spans[-1][1] : start].strip():
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    for start, end in _link_lists(text):
        spans.append([start, end])
    spans.sort()
    merged: list[list[int]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    return tuple((s, e) for s, e in merged)
