"""Escaping, one helper per context a piece of article text can land in.

Quotes, titles and publisher names come from arbitrary web pages. Each helper below makes
such text inert in one context (a Markdown table cell, running Markdown text, a Mermaid
label, a link target, a GitHub workflow command) while keeping it readable: the reader
must see exactly the words of the article, and nothing the article contains may add a
column, a heading, a link, an HTML tag or a diagram node.
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import quote

from consistency.lazy_re import lazy_compile

# Line breaks of every flavour (CommonMark only knows \n and \r, but other renderers and
# editors honour the Unicode ones) and runs of blanks collapse to one space: a quote is
# shown on one line, so it can never end a table row or start a new block.
_BLANKS = lazy_compile(r"[\t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029 ]+")
# Other control characters carry no meaning for a reader and confuse some renderers; the
# bidirectional embeddings, overrides and isolates can make a file name or quote display
# as something else than it is ("Trojan source"); lone surrogates (undecodable file names)
# cannot even be encoded. All are removed from what the reports show.
_CONTROLS = lazy_compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# For a terminal or a CI log: the same characters and every line break, shown escaped
# (`\n`, `\x1b`, `\u202e`) rather than dropped, so a name stays recognisable but can
# neither start a new line (a forged `::error` annotation) nor move the cursor.
_UNPRINTABLE = lazy_compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# A link target that begins with a scheme ("javascript:", "data:") is not a path.
_SCHEME = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
# Characters that start inline Markdown (emphasis, code, links, HTML, math on GitHub,
# strikethrough) or a table cell boundary. `#` is included because a heading's closing
# sequence would otherwise eat a trailing "#".
_INLINE_SPECIALS = lazy_compile(r"([\\`*_\[\]|~$#])")
# Outside the specials above, only entities (`&amp;`) and tags/autolinks (`<x>`) remain;
# a `>` only matters at the start of a line (a quote), which `md_inline` handles.
_ENTITY_START = lazy_compile(r"&(?=#?[0-9A-Za-z]+;)")
# Markers that turn the start of a line into a block: a heading, a quote, a list item,
# a setext underline, a thematic break or a fence (the others are escaped everywhere).
_BLOCK_START = lazy_compile(r"^(?:([>+=-])|(\d{1,9})([.)]))")
# Mermaid: ASCII punctuation other than a harmless few becomes an entity code (`#35;`),
# which Mermaid turns back into the character when drawing; letters, digits and
# non-ASCII characters ("≈", "é", narrow spaces) stay as they are.
_MERMAID_UNSAFE = r"[^A-Za-z0-9 _.,:'/+=?!\-\u00a0-\U0010ffff]"


@lru_cache(maxsize=1)
def _mermaid_unsafe() -> re.Pattern[str]:
    """Compiled when a diagram is first drawn: its range up to U+10FFFF is the costliest pattern
    of the report modules to compile, and `app` imports this module for every command."""
    return re.compile(_MERMAID_UNSAFE)


# GitHub workflow commands, per actions/toolkit: data escapes %, CR, LF; properties
# additionally escape the separators ':' and ','.
_GH_DATA = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_GH_PROPERTY = {**_GH_DATA, ":": "%3A", ",": "%2C"}
# Before that, what a log viewer would act on (escape sequences, bidi overrides, other
# controls) is dropped: an annotation shows the words, not a terminal effect.
GH_DROPPED = lazy_compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
# Characters left as they are in a link target; everything else is percent-encoded so
# that spaces, parentheses and angle brackets in file names cannot end the link early.
_PATH_SAFE = "/!$'*+,;=:@-._~"
_PREFIX_SAFE = _PATH_SAFE + "?#%&"


def one_line(text: str) -> str:
    """The text on a single line, blanks collapsed and control characters removed."""
    return _BLANKS.sub(" ", _CONTROLS.sub("", text)).strip()


def terminal(text: str) -> str:
    """Text for one line on stderr or in a CI log: control, bidi and line-break characters
    escaped visibly, so a file name or title cannot forge a line or an escape sequence."""
    return _UNPRINTABLE.sub(_visible, text)


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if match.group(0) == "\n":
        return "\\n"
    if match.group(0) == "\r":
        return "\\r"
    if match.group(0) == "\t":
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def _escape_inline(text: str) -> str:
    text = _INLINE_SPECIALS.sub(r"\\\1", one_line(text))
    text = _ENTITY_START.sub("&amp;", text)
    return text.replace("<", "&lt;")


# Origins, publishers and topic labels recur on every row: escaping each once is enough.
@lru_cache(maxsize=8192)
def md_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, pipes escaped, no markup of its own."""
    return _escape_inline(text)


@lru_cache(maxsize=8192)
def md_inline(text: str) -> str:
    """Text for running Markdown (paragraphs, list items, headings), which may start a line.

    On top of the cell escaping, a leading block marker ("1.", "-", ">", "=") is escaped so
    that the text cannot become a list, a quote or a heading underline where it is placed.
    """
    escaped = _escape_inline(text)
    return _BLOCK_START.sub(
        lambda m: "\\" + m.group(1) if m.group(1) else m.group(2) + "\\" + m.group(3),
        escaped,
        count=1,
    )


def mermaid_label(text: str, *, limit: int = 48) -> str:
    """Text for a quoted Mermaid label: shortened, one line, no quote or bracket left raw."""
    return _mermaid_unsafe().sub(lambda m: f"#{ord(m.group(0))};", shorten(one_line(text), limit))


def shorten(text: str, limit: int) -> str:
    """At most `limit` characters, cut at a word boundary with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.") + "…"


def link_target(prefix: str, path: str, line: int | None = None) -> str:
    """A link to a file (and line) that survives spaces and brackets in its name.

    `prefix` is where the file's path is relative to, seen from the report ("../" for a
    report written in `reports/`); Windows separators become "/". An absolute path is
    linked as a `file:` URL (the prefix would glue it to ".."), and a relative path that
    looks like a URL scheme ("javascript:alert(1)") gets "./" so it stays a file.
    """
    path = _CONTROLS.sub("", path.replace("\\", "/"))
    if path.startswith("/") or re.match(r"^[A-Za-z]:/", path):
        target = "file://" + quote(path if path.startswith("/") else "/" + path, safe=_PATH_SAFE)
    else:
        target = quote(prefix.replace("\\", "/"), safe=_PREFIX_SAFE) + quote(path, safe=_PATH_SAFE)
        if _SCHEME.match(target):
            target = "./" + target
    return f"{target}#L{line}" if line is not None else target


def gh_data(text: str) -> str:
    """The message part of a GitHub workflow command (control and bidi characters removed)."""
    return "".join(_GH_DATA.get(ch, ch) for ch in GH_DROPPED.sub("", text))


def gh_property(text: str) -> str:
    """A property value (file, title) of a GitHub workflow command (control and bidi characters removed)."""
    return "".join(_GH_PROPERTY.get(ch, ch) for ch in GH_DROPPED.sub("", text))
