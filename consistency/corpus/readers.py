"""One reader per article format, from bytes to Documents.

Plain text and Markdown keep the whole decoded file as `Document.text`, so that offsets
and line numbers are those of the file. HTML is the exception: its text is the article
trafilatura extracted; offsets refer to that text, line numbers to the page's lines.

`READERS` at the end is the one list of input formats: the loader, its messages and the
docs read it, so a new format is one function plus one table line (see
docs/contributing-input-format.md).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from typing import Any, Protocol

from consistency.corpus import _data
from consistency.corpus.decoding import NotText, decode
from consistency.corpus.language import detect_language, normalise_language
from consistency.corpus.metadata import Metadata, date_value, from_mapping, publisher_for_url, publisher_name, sniff
from consistency.corpus.source_lines import html_source_lines, jsonl_source_lines
from consistency.errors import InputError
from consistency.lazy_re import lazy_compile
from consistency.model import Document, Skipped

_FRONT_MATTER = lazy_compile(r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE)
_HTML_LANG = lazy_compile(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3}(?:[-_][A-Za-z]+)?)", re.IGNORECASE)


def line_starts(text: str) -> tuple[int, ...]:
    """Offsets where each line begins (what `Document` would compute, found faster)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i >= 0:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return tuple(starts)


def build(id: str, path: str, text: str, *, body_start: int = 0, declared: Metadata | None = None) -> Document:
    """A Document: declared metadata first, then what the page states about itself."""
    declared = declared or Metadata()
    language = declared.language or detect_language(text[body_start:])
    meta = declared.fill(sniff(text, body_start, language))
    return Document(
        id=id,
        path=path,
        text=text,
        language=language,
        published=meta.published,
        published_minute=meta.published_minute,
        updated=meta.updated,
        updated_minute=meta.updated_minute,
        dateline=meta.dateline,
        publisher=meta.publisher,
        url=meta.url,
        title=meta.title,
        body_start=body_start,
        line_starts=line_starts(text),
    )


def read_text(raw: bytes, *, id: str, path: str) -> Document:
    """A plain-text article; its first line is the title unless it names the outlet."""
    return build(id, path, decode(raw))


def read_markdown(raw: bytes, *, id: str, path: str) -> Document:
    """A Markdown article; YAML front matter, if any, declares its metadata.

    Front matter that is not valid YAML still ends where its closing `---` is, so it is
    never read as the article; its values are then ignored.
    """
    text = decode(raw)
    match = _FRONT_MATTER.match(text)
    if match is None:
        return build(id, path, text)
    try:
        values = _data.load_yaml(match["yaml"], path)
    except (_data.yaml_error(), ValueError, TypeError, RecursionError, InputError):
        values = None  # "published: 2024-13-45" and the like: the values are ignored
    declared = from_mapping(values) if isinstance(values, dict) else Metadata()
    if not text[match.end() :].strip():
        raise NotText("no article text after the front matter")
    return build(id, path, text, body_start=match.end(), declared=declared)


def read_html(raw: bytes, *, id: str, path: str) -> Document:
    """The main text of a web page, as trafilatura extracts it (without menus and ads).

    `Document.text` is the extracted text, so offsets refer to it; `Document.line_of` gives
    lines of the HTML file (see `source_lines`), where annotations and links point.
    """
    html = decode(raw)
    import trafilatura  # slow to import: only when there is a page to read

    try:
        extracted = trafilatura.bare_extraction(
            html,
            with_metadata=True,
            include_comments=False,
            favor_precision=True,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as exc:  # the parser's own failure on a broken page
        raise NotText(f"the page could not be parsed as HTML ({type(exc).__name__})") from None
    if extracted is None:
        raise NotText("no article text found in the page")
    values: dict[str, Any] = extracted if isinstance(extracted, dict) else extracted.as_dict()
    text = values.get("text") or ""
    if not text.strip():
        raise NotText("no article text found in the page")
    url = values.get("url") or None
    declared = Metadata(
        title=values.get("title") or None,
        published=date_value(values.get("date"), None),
        publisher=publisher_name(values.get("sitename")) or publisher_for_url(url),
        url=url,
    )
    document = build(id, path, text, declared=declared)
    document = replace(document, source_lines=html_source_lines(html, text))  # lines of the page, for links
    if document.language is None and (declared_lang := _HTML_LANG.search(html[:5000])):
        # The page's own declaration is often a site-wide template value: a last resort.
        return replace(document, language=normalise_language(declared_lang.group(1)))
    return document


def read_jsonl(raw: bytes, *, id: str, path: str) -> tuple[list[tuple[int, Document]], list[Skipped]]:
    """Articles of a JSON Lines file, one object per line with at least a "text".

    Returns (line number, Document) pairs. Each record's id is its "id" field, else
    `<file id>#<line number>`; its path is the file's. A line that is not a usable record
    is reported as skipped (`path:line`) and the other lines are still read.
    """
    records: list[tuple[int, Document]] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(decode(raw).split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}:{number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            skipped.append(Skipped(where, f"line {number} is not valid JSON ({exc.msg}); the other lines were read"))
            continue
        except (RecursionError, ValueError):  # nested thousands deep, or an integer of thousands of digits
            skipped.append(Skipped(where, f"line {number} is nested too deep or holds too long a number; the other lines were read"))
            continue
        if not isinstance(record, dict):
            skipped.append(Skipped(where, f"line {number} is not a JSON object; the other lines were read"))
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            skipped.append(Skipped(where, f'line {number} has no "text" to read; the other lines were read'))
            continue
        own_id = record.get("id")
        if isinstance(own_id, bool) or not isinstance(own_id, (str, int)) or not str(own_id).strip():
            own_id = None
        document_id = str(own_id).strip() if own_id is not None else f"{id}#{number}"
        document = build(document_id, path, text, declared=from_mapping(record))
        records.append((number, replace(document, source_lines=jsonl_source_lines(number, text))))
    return records, skipped


class ReadOne(Protocol):
    """A format that holds one article per file."""

    def __call__(self, raw: bytes, *, id: str, path: str) -> Document: ...


Records = tuple[list[tuple[int, Document]], list[Skipped]]  # (line, Document) pairs, lines skipped


class ReadMany(Protocol):
    """A format that holds several articles per file; a bad record is skipped, not fatal."""

    def __call__(self, raw: bytes, *, id: str, path: str) -> Records: ...


@dataclass(frozen=True)
class Reader:
    """One input format: its file extensions (lower case, the first one named in messages)
    and either `one` (an article per file) or `many` (several per file, read line by line)."""

    extensions: tuple[str, ...]
    one: ReadOne | None = None
    many: ReadMany | None = None

    def __post_init__(self) -> None:
        if (self.one is None) == (self.many is None):
            raise ValueError("a Reader reads one article per file or many, not both and not neither")


# name → reader. Files without an extension ("") are read as plain text.
READERS: dict[str, Reader] = {
    "text": Reader((".txt", ".text", ""), one=read_text),
    "markdown": Reader((".md", ".markdown"), one=read_markdown),
    "html": Reader((".html", ".htm"), one=read_html),
    "jsonl": Reader((".jsonl", ".ndjson"), many=read_jsonl),
}


def reader_for(suffix: str) -> tuple[str, Reader] | None:
    """The format and reader of a file extension ("" for none), or None if no reader takes it."""
    suffix = suffix.lower()
    for name, reader in READERS.items():
        if suffix in reader.extensions:
            return name, reader
    return None


def expected() -> str:
    """The formats named in messages: ".txt, .md, .html or .jsonl"."""
    names = [reader.extensions[0] for reader in READERS.values()]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} or {names[-1]}"
