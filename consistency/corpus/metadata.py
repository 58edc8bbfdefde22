"""What a page says about itself: title, publication date, outlet, address.

Declared values (Markdown front matter, JSONL fields, HTML metadata) come first; the rest
is read from the page's own first and last lines, where scraped articles carry their
by-lines, dates and scraper footers. Each line is matched by precompiled regular
expressions built from `data/metadata.yaml` and `data/publishers.yaml`; only the short
span a pattern found is handed to a date parser.

Outlet names are identifiers compared across documents, so they are normalised for
display: straight apostrophes ("L’Express" → "L'Express"), single spaces, and the
canonical spelling of `data/publishers.yaml` when the outlet is known there. Titles are
quoted from the text as written.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from functools import lru_cache
from urllib.parse import urlsplit

from consistency.corpus import _data
from consistency.corpus.boilerplate import is_boilerplate_line
from consistency.corpus.language import normalise_language

_EDGE_LINES = 15  # lines read at each end of a document
_FOOTER_LINES = 5  # the last lines, where a site's own copyright notice is
_MAX_TITLE = 250  # a longer first line is a paragraph, not a headline
_MAX_META_LINE = 150  # "Publié le 17 juin 2025 à 10h, mis à jour le 18 juin…" is short
_MAX_AUTHOR_LINE = 100
_MAX_DATE_LINE = 60  # a line that is only a date ("Le 17 juin 2025 à 10h") is short
_MAX_NAME_WORDS = 6
_MAX_NAME_CHARS = 60
_EARLIEST_YEAR = 1900
_DATE_LANGUAGES = ("en", "fr")  # always tried for worded dates, after the document's own


@dataclass(frozen=True)
class Metadata:
    """Facts about one document, any of which may be unknown."""

    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None

    def fill(self, other: Metadata) -> Metadata:
        """These values, with the unknown ones taken from `other`."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in values.items():
            if value is None:
                values[name] = getattr(other, name)
        return Metadata(**values)


# --- data -------------------------------------------------------------------------------

_META = _data.load("metadata.yaml")


def _alternatives(labels: Iterable[str]) -> str:
    """The labels as one alternation, longest first so that "published on" wins."""
    ordered = sorted({str(label) for label in labels}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, label.split())) for label in ordered)


def _label_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """`label[:] rest` at the start of a line; `rest` is what the label introduces."""
    return re.compile(rf"^(?:{_alternatives(labels)})(?!\w)\s*[:：|–—-]?\s*(?P<rest>.*)$", re.IGNORECASE)


_PUBLISHED_LINE = _label_pattern(_META["published_labels"])
_UPDATED_LINE = _label_pattern(_META["updated_labels"])
_URL_LINE = _label_pattern(_META["url_labels"])
_TAGS_LINE = _label_pattern(_META["tag_labels"])
# "Author : …", "Par Jean Dupont": a label, then a colon or a capitalised name.
_AUTHOR_LINE = re.compile(
    rf"^(?:{_alternatives(_META['author_labels'])})(?:\s*:\s*(?=\S)|\s+(?=(?-i:[A-ZÀ-Þ])))(?P<rest>.*)$", re.I
)
# Parts of one metadata line: "Par Jean Dupont - Publié le …", "By Jane Doe | Jun 17, 2025".
_SEGMENT_BREAK = re.compile(r"\s+[-|–—·•]\s+")
# "Jane Doe, CNN", "Le Figaro avec AFP": the names a by-line lists.
_BYLINE_SEPARATOR = re.compile(r"\s*(?:[,|/–—;]|\s-\s|\b(?:avec|with|and|et|pour|for)\b)\s*", re.I)
_PUBLISHER_LINES = tuple(re.compile(p, re.IGNORECASE) for p in _META["publisher_lines"])
_NOT_TITLES = frozenset(_data.fold(t) for t in _META["not_titles"])


def _outlet_tables() -> tuple[dict[str, str], dict[str, str], list[str]]:
    """(folded name or alias → name to show, domain → name, spellings of agencies)."""
    canonical: dict[str, str] = {}
    by_domain: dict[str, str] = {}
    agencies: list[str] = []
    for entry in _data.load("publishers.yaml")["publishers"]:
        name = str(entry["name"])
        for spelling in [name, *(entry.get("aliases") or [])]:
            canonical[_data.fold(str(spelling))] = name
            if entry.get("agency"):
                agencies.append(str(spelling))
        for domain in entry.get("domains") or []:
            by_domain[str(domain).lower()] = name
    return canonical, by_domain, agencies


_CANONICAL, _BY_DOMAIN, _AGENCY_NAMES = _outlet_tables()

# "PARIS (AFP) - …", "(Reuters) —": an agency dispatch.
_DATELINE = re.compile(
    r"^(?:[^\W\d_][\w'. -]{0,40}?\s*)?\((?P<agency>"
    + "|".join(re.escape(n) for n in sorted(_AGENCY_NAMES, key=len, reverse=True))
    + r")\)\s*[-–—:]",
    re.IGNORECASE,
)
# "© Reuters", "Copyright © 2025 The Harbour Times. All rights reserved."
_CREDIT = re.compile(
    r"^(?:copyright\b\s*)?(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?P<name>[^.|,;/(]+)", re.I
)
_URL = re.compile(r"https?://[^\s<>\"')\]]+")

_DATE_SPAN = re.compile(
    r"""(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)
      | (?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/])
      | (?<!\d)\d{1,2}(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?\d{4}(?!\d)
      | (?<![^\W\d_])[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)""",
    re.VERBOSE | re.IGNORECASE,
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = re.compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})")
# What may surround a date on a line that states only the date.
_DATE_LINE_EXTRA = re.compile(r"\d{1,2}\s*[:hH]\s*\d{2}|\d{1,2}\s*[hH]\b|[^\w\s]|\b[ap]\.?m\b\.?", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")


# --- dates ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def parse_date(span: str, lang: str | None = None) -> dt.date | None:
    """The calendar day a short span states ("17 juin 2025", "14/11/2025"), or None.

    The one place this stage turns words into dates. Numeric forms are read here: day
    first, except that an English page's "05/06/2025" could be either and stays unknown.
    Worded forms go to the extraction stage's time reader, then to dateparser (limited to
    the document's language, English and French) for what that reader does not know, such
    as an English date on a French page. A day, a month and a year are always required.
    """
    span = span.strip()
    if m := _ISO_DATE.fullmatch(span):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC_DATE.fullmatch(span):
        first, second, year = int(m[1]), int(m[2]), int(m[3])
        year += 2000 if year < 100 else 0
        if first <= 12 < second:  # 06/17/2025 can only be month first
            return _valid(year, first, second)
        if lang == "en" and second <= 12 and first != second:
            return None  # British or American: a wrong month is worse than no date
        return _valid(year, second, first)
    # Imported here: the time reader compiles its grammars on import, which numeric-only
    # corpora never need.
    from consistency.extract.times import parse_date as read_time_words

    found = read_time_words(span, lang)
    if found is not None:
        return _valid(found.year, found.month, found.day)
    return _dateparser_date(span, lang)


def _dateparser_date(span: str, lang: str | None) -> dt.date | None:
    languages = list(dict.fromkeys([lang, *_DATE_LANGUAGES] if lang else _DATE_LANGUAGES))
    try:
        import dateparser

        parsed = dateparser.parse(
            span,
            languages=languages,
            settings={"DATE_ORDER": "DMY", "REQUIRE_PARTS": ["day", "month", "year"]},
        )
    except Exception:  # an unsupported language code, or a span dateparser trips on
        return None
    return None if parsed is None else _valid(parsed.year, parsed.month, parsed.day)


def _valid(year: int, month: int, day: int) -> dt.date | None:
    if not _EARLIEST_YEAR <= year <= dt.date.today().year + 1:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_date(text: str, lang: str | None) -> dt.date | None:
    """The first date stated in a short piece of text (a line's rest after its label)."""
    for match in _DATE_SPAN.finditer(text):
        if (day := parse_date(match.group(0), lang)) is not None:
            return day
    return None


def _date_only_line(line: str, lang: str | None) -> dt.date | None:
    """The date of a line that says nothing else ("Le 17 juin 2025 à 10h", "14/11/2025")."""
    if len(line) > _MAX_DATE_LINE or not (match := _DATE_SPAN.search(line)):
        return None
    rest = _DATE_LINE_EXTRA.sub(" ", line[: match.start()] + " " + line[match.end() :])
    words = _WORD.findall(rest)
    if len(words) > 3 or any(len(w) > 9 for w in words) or re.search(r"\d", rest):
        return None
    return parse_date(match.group(0), lang)


# --- outlets ----------------------------------------------------------------------------


def publisher_name(name: object) -> str | None:
    """An outlet name for display, or None when the text is not plausibly a name."""
    if not isinstance(name, str):
        return None
    cleaned = " ".join(_data.plain(name).split()).strip(" .,;:|–—-«»\"'")
    if not cleaned:
        return None
    if known := _CANONICAL.get(_data.fold(cleaned)):
        return known
    if (
        len(cleaned) > _MAX_NAME_CHARS
        or len(cleaned.split()) > _MAX_NAME_WORDS
        or not (cleaned[0].isupper() or cleaned[0].isdigit())
        or "://" in cleaned
    ):
        return None
    return cleaned


def known_publisher(name: str) -> str | None:
    """The canonical name when `name` is an outlet of `data/publishers.yaml`."""
    return _CANONICAL.get(_data.fold(name))


def publisher_for_url(url: str | None) -> str | None:
    """The outlet a web address belongs to, from the domain table; None when unknown."""
    if not url:
        return None
    try:
        host = (urlsplit(url.strip()).hostname or "").lower()
    except ValueError:
        return None
    host = host.removeprefix("www.")
    while host.count(".") >= 1:
        if host in _BY_DOMAIN:
            return _BY_DOMAIN[host]
        host = host.split(".", 1)[1]
    return None


# --- declared metadata --------------------------------------------------------------------


def from_mapping(values: Mapping[str, object]) -> Metadata:
    """Metadata declared as fields (front matter, a JSONL record), under their usual names."""

    def first(*keys: str) -> object:
        for key in keys:
            if values.get(key) not in (None, ""):
                return values[key]
        return None

    language = normalise_language(first("language", "lang"))
    url = first("url", "link", "canonical_url")
    url = url.strip() if isinstance(url, str) else None
    publisher = first("publisher", "source", "site", "sitename", "site_name")
    if isinstance(publisher, str) and _URL.fullmatch(publisher.strip()):
        url = url or publisher.strip()
        publisher = None
    title = first("title")
    return Metadata(
        title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
        published=date_value(first("published", "date", "published_at", "publication_date"), language),
        publisher=publisher_name(publisher) or publisher_for_url(url),
        url=url or None,
        language=language,
    )


def date_value(value: object, lang: str | None) -> dt.date | None:
    """A declared date: a YAML date or datetime, or a string stating one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        return find_date(value, lang) or parse_date(value.strip()[:_MAX_DATE_LINE], lang)
    return None


# --- metadata stated in the page ----------------------------------------------------------


def sniff(text: str, start: int, lang: str | None) -> Metadata:
    """Title, date, outlet and address stated in the first and last lines after `start`."""
    originals = [line.strip() for line in text[start:].splitlines()]
    originals = [line for line in originals if line]
    if not originals:
        return Metadata()
    head_count = min(_EDGE_LINES, len(originals))
    edge = list(range(head_count)) + list(range(max(head_count, len(originals) - _EDGE_LINES), len(originals)))
    plain_lines = {i: _data.plain(originals[i]) for i in edge}

    published: dt.date | None = None
    updated: dt.date | None = None
    date_line: dt.date | None = None
    url: str | None = None
    outlets: list[tuple[int, str]] = []  # (rank, name): the lowest rank wins
    tags: list[str] = []
    metadata_lines: set[int] = set()

    for i in edge:
        line = plain_lines[i]
        if i < head_count and (m := _DATELINE.match(line)):  # "PARIS (AFP) - " opens a paragraph
            outlets.append((3, publisher_name(m["agency"]) or m["agency"]))
        if len(line) > _MAX_META_LINE:  # a paragraph, whatever its first words
            continue
        # "Par Jean Dupont - Publié le 17 juin 2025", "By Jane Doe | Jun 17, 2025 3:04 PM ET"
        segments = _SEGMENT_BREAK.split(line)
        by_line = _AUTHOR_LINE.match(segments[0]) if len(segments[0]) <= _MAX_AUTHOR_LINE else None
        if by_line:
            names = _BYLINE_SEPARATOR.split(by_line["rest"])
            outlets.extend((2, known) for name in names if (known := known_publisher(name)))
            metadata_lines.add(i)
        for segment in segments:
            if (m := _PUBLISHED_LINE.match(segment)) and (day := find_date(m["rest"], lang)):
                published = published or day
                metadata_lines.add(i)
            elif (m := _UPDATED_LINE.match(segment)) and (day := find_date(m["rest"], lang)):
                updated = updated or day
                metadata_lines.add(i)
        if (m := _URL_LINE.match(line)) and (found := _URL.search(m["rest"])):
            url = url or found.group(0)
            metadata_lines.add(i)
        if m := _TAGS_LINE.match(line):
            tags.extend(t for t in re.split(r"[,;|]", m["rest"]) if t.strip())
            metadata_lines.add(i)
        if m := _publisher_line(line):
            outlets.append((0, publisher_name(m["publisher"]) or ""))
            if m.groupdict().get("date"):
                published = published or parse_date(m["date"], lang)
            metadata_lines.add(i)
        if m := _CREDIT.match(line):
            # A copyright line in the footer names the site; elsewhere it may be a photo
            # credit, so only a known outlet is taken.
            in_footer = i >= max(1, len(originals) - _FOOTER_LINES)
            if in_footer or known_publisher(m["name"]):
                outlets.append((2, publisher_name(m["name"]) or ""))
            metadata_lines.add(i)
        # A line that states only a date, or a by-line's part that does.
        for candidate in segments[1:] if by_line else [] if i in metadata_lines else [line]:
            if date_line is None and (day := _date_only_line(candidate, lang)):
                date_line = day
                metadata_lines.add(i)

    # The first line is the outlet when it is a known one, or when the tags repeat it.
    first_line = plain_lines[0]
    repeated = any(_data.fold(t) == _data.fold(first_line) for t in tags)
    if (known_publisher(first_line) or repeated) and (name := publisher_name(first_line)):
        outlets.append((0, name))
        metadata_lines.add(0)
    outlets.extend((0, known) for tag in tags if (known := known_publisher(tag)))
    if by_url := publisher_for_url(url):
        outlets.append((1, by_url))

    outlets = [(rank, name) for rank, name in outlets if name]
    return Metadata(
        title=_title(originals, plain_lines, range(head_count), metadata_lines),
        published=published or date_line or updated,
        publisher=min(outlets, key=lambda o: o[0])[1] if outlets else None,
        url=url,
    )


def _publisher_line(line: str) -> re.Match[str] | None:
    for pattern in _PUBLISHER_LINES:
        if m := pattern.match(line):
            return m
    return None


def _title(originals: list[str], plain_lines: dict[int, str], head: range, skip: set[int]) -> str | None:
    """The first line that is not page furniture, when it reads like a headline."""
    for i in head:
        if i in skip or is_boilerplate_line(plain_lines[i]):
            continue
        title = originals[i].lstrip("#").strip()
        if not title or len(title) > _MAX_TITLE or _data.fold(title).rstrip(" :") in _NOT_TITLES:
            return None
        return title
    return None
