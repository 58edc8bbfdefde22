"""Lines of the file for text that was extracted from it (HTML pages, JSON Lines records).

A fact-checker follows an annotation or a report link to a line of the file in the
repository, not of the text trafilatura extracted. Each extracted line is looked up in the
page's visible text, in order; a line that cannot be found takes the line of the last one
found before it (never a line further down than the text allows).
"""

from __future__ import annotations

import html
import re

from consistency.lazy_re import lazy_compile

_SKIPPED = lazy_compile(r"<(script|style|template|noscript)\b.*?</\1\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL)
_KEY_CHARS = 48  # enough words to tell one paragraph from another


def jsonl_source_lines(line: int, text: str) -> tuple[int, ...]:
    """Every line of a record's text is on the record's line of the file."""
    return (line,) * (text.count("\n") + 1)


def html_source_lines(page: str, text: str) -> tuple[int, ...]:
    """For each line of `text` (extracted from `page`), the 1-based line of `page` it comes from."""
    visible, lines = _visible(page)
    result: list[int] = []
    cursor = 0
    last = 1
    for raw in text.split("\n"):
        key = _normal(raw)[:_KEY_CHARS]
        found = visible.find(key, cursor) if key else -1
        if found < 0 and key:
            found = visible.find(key)  # trafilatura may move a title or a caption
        if found >= 0:
            last = lines[found]
            cursor = found + len(key) if found >= cursor else cursor
        result.append(last)
    return tuple(result)


def _visible(page: str) -> tuple[str, list[int]]:
    """The page's text without tags, entities decoded, blanks collapsed; and each character's line."""
    chars: list[str] = []
    lines: list[int] = []
    line = 1
    position = 0

    def add(segment: str, start_line: int) -> None:
        current = start_line
        for number, piece in enumerate(segment.split("\n")):
            if number:
                current += 1
                _space(chars, lines, current)
            for ch in html.unescape(piece):
                if ch.isspace():
                    _space(chars, lines, current)
                else:
                    chars.append(ch)
                    lines.append(current)

    for match in _SKIPPED.finditer(page):
        add(page[position : match.start()], line)
        line += page.count("\n", position, match.end())
        _space(chars, lines, line)  # a tag separates words
        position = match.end()
    add(page[position:], line)
    return "".join(chars), lines


def _space(chars: list[str], lines: list[int], line: int) -> None:
    if chars and chars[-1] != " ":
        chars.append(" ")
        lines.append(line)


def _normal(text: str) -> str:
    return " ".join(text.split())
