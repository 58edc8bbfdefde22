"""What a page says about itself: title, publication and update dates with their times of
day, dateline, outlet, address.

Declared values (Markdown front matter, JSONL fields, HTML metadata) come first; the rest
is read from the page's own first and last lines, where scraped articles carry their
by-lines, dates and scraper footers. Each line is matched by precompiled regular
expressions built from `data/metadata.yaml` and `data/publishers.yaml`; only the short
span a pattern found is handed to a date parser. A date line is cut into pieces at its
separators ("Jeudi 5 décembre 2019, 06:58 — Dernière mise à jour : 14:12") so that a time
goes with its date and an update with its label; an unlabelled date counts only on a line
that says nothing else than dates, times and a few words of furniture, never in a
paragraph. The dateline opening the first paragraph ("KHERSON, Ukraine, June 7 (DPA) –")
gives a place, and a publication day when nothing else does and the header's dates give
its year.

Outlet names are identifiers compared across documents, so they are normalised for
display: straight apostrophes ("L’Express" → "L'Express"), single spaces, and the
canonical spelling of `data/publishers.yaml` when the outlet is known there. Titles are
quoted from the text as written.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, fields, replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from consistency.corpus import _data
from consistency.corpus.boilerplate import is_boilerplate_line
from consistency.corpus.language import normalise_language
from consistency.regex_cache import compile as rx_compile

_EDGE_LINES = 15  # lines read at each end of a document
_FOOTER_LINES = 5  # the last lines, where a site's own copyright notice is
_MAX_TITLE = 250  # a longer first line is a paragraph, not a headline
_MAX_META_LINE = 150  # "Publié le 17 juin 2025 à 10h, mis à jour le 18 juin…" is short
_MAX_AUTHOR_LINE = 100
_MAX_DATE_LINE = 60  # a line that is only a date ("Le 17 juin 2025 à 10h") is short
_MAX_NAME_WORDS = 6
_MAX_NAME_CHARS = 60
_EARLIEST_YEAR = 1900


@lru_cache(maxsize=1)
def _packs() -> Any:
    """The language packs (consistency/extract/languages/), imported on first use: they say
    which languages' worded dates every page is tried in, and which read 05/06 month first."""
    from consistency.extract import languages

    return languages


@dataclass(frozen=True)
class Metadata:
    """Facts about one document, any of which may be unknown."""

    title: str | None = None
    published: dt.date | None = None
    publisher: str | None = None
    url: str | None = None
    language: str | None = None
    published_minute: int | None = None  # minutes after midnight, as the page writes it
    updated: dt.date | None = None
    updated_minute: int | None = None
    dateline: str | None = None  # "Lahaina, Hawaii" of "LAHAINA, Hawaii, Aug 11 (PWS) –"

    def fill(self, other: Metadata) -> Metadata:
        """These values, with the unknown ones taken from `other`.

        A time of day belongs to its date: it is taken from `other` only when the date it
        goes with is the same there, so a declared date never gets another date's time.
        """
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        for name, value in values.items():
            if value is None and name not in _MINUTE_OF:
                values[name] = getattr(other, name)
        for minute, day in _MINUTE_OF.items():
            if values[minute] is None and values[day] is not None and values[day] == getattr(other, day):
                values[minute] = getattr(other, minute)
        return Metadata(**values)


_MINUTE_OF = {"published_minute": "published", "updated_minute": "updated"}


# --- data -------------------------------------------------------------------------------

_META = _data.load("metadata.yaml")


def _alternatives(labels: Iterable[str]) -> str:
    """The labels as one alternation, longest first so that "published on" wins; labels of one
    length alphabetically, so that every run writes the same pattern (the pattern cache's key)."""
    ordered = sorted({str(label) for label in labels}, key=lambda label: (-len(label), label))
    return "|".join(r"\s+".join(map(re.escape, label.split())) for label in ordered)


def _label_pattern(labels: Iterable[str]) -> re.Pattern[str]:
    """`label[:] rest` at the start of a line; `rest` is what the label introduces."""
    return rx_compile(rf"^(?:{_alternatives(labels)})(?!\w)\s*[:：|–—-]?\s*(?P<rest>.*)$", re.IGNORECASE)


_PUBLISHED_LINE = _label_pattern(_META["published_labels"])
_UPDATED_LINE = _label_pattern(_META["updated_labels"])
_URL_LINE = _label_pattern(_META["url_labels"])
_TAGS_LINE = _label_pattern(_META["tag_labels"])
# "Author : …", "Par Jean Dupont": a label, then a colon or a capitalised name.
_AUTHOR_LINE = rx_compile(
    rf"^(?:{_alternatives(_META['author_labels'])})(?:\s*:\s*(?=\S)|\s+(?=(?-i:[A-ZÀ-Þ])))(?P<rest>.*)$", re.I
)
# Parts of one metadata line: "Par Jean Dupont - Publié le …", "By Jane Doe | Jun 17, 2025".
_SEGMENT_BREAK = rx_compile(r"\s+[-|–—·•]\s+")
# "Jane Doe, CNN", "Le Figaro avec AFP": the names a by-line lists.
_BYLINE_SEPARATOR = rx_compile(r"\s*(?:[,|/–—;]|\s-\s|\b(?:avec|with|and|et|pour|for)\b)\s*", re.I)
_PUBLISHER_LINES = tuple(rx_compile(p, re.IGNORECASE) for p in _META["publisher_lines"])
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

# "PARIS (AFP) - …", "(Reuters) —", "SEOUL, Oct. 31 (Yonhap) --", "MADRID, 3 mar (EFE).-",
# "Berlin (dpa/bb) -": an agency dispatch; a place and a day may come before the agency, and
# its regional desk after it.
_DATELINE = rx_compile(
    r"^(?:[^\W\d_][\w'.,/ -]{0,40}?\s*)?\((?P<agency>"
    + "|".join(re.escape(n) for n in sorted(_AGENCY_NAMES, key=len, reverse=True))
    + r")(?:/[^\W\d_]{1,10})?\)\s*\.?\s*[-–—:]",
    re.IGNORECASE,
)
# "© Reuters", "Copyright © 2025 The Harbour Times. All rights reserved."
_CREDIT = rx_compile(
    r"^(?:copyright\b\s*)?(?:©|\(c\)|copyright\b)\s*(?:\d{4}(?:\s*-\s*\d{4})?\s*)?(?P<name>[^.|,;/(]+)", re.I
)
_URL = rx_compile(r"https?://[^\s<>\"')\]]+")

_DATE_SPAN = rx_compile(
    r"""(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)
      | (?<![\d/.])\d{1,2}[/.]\d{1,2}[/.](?:\d{4}|\d{2})(?![\d/])
      | (?<![\d/.-])\d{1,2}-\d{1,2}-\d{4}(?![\d/-])
      | (?<!\d)\d{1,2}(?:er|st|nd|rd|th|º|°)?\.?\s+(?:de\s+)?[^\W\d_]{3,12}\.?,?\s+(?:de\s+)?\d{4}(?!\d)
      | (?<![^\W\d_])[^\W\d_]{3,12}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}(?!\d)""",
    re.VERBOSE | re.IGNORECASE,
)
_ISO_DATE = rx_compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC_DATE = rx_compile(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})|(\d{1,2})-(\d{1,2})-(\d{4})")  # "14-11-2012" too
_WORD = rx_compile(r"[^\W\d_]+(?:\.(?=\s|$))?")
# Where one piece of a date line ends and a label starts: "Publié le … à 13h20, mis à jour
# à 15h05", "Par Claire Dupont, publié le …", "… à 15h02 Mis à jour le …".
_LABEL_BREAK = rx_compile(
    rf"(?:[,;]\s*|(?<=[\dhH.])\s+(?=(?:{_alternatives(_META['updated_labels'])})(?!\w)))"
    rf"(?=(?:{_alternatives([*_META['published_labels'], *_META['updated_labels']])})(?!\w))",
    re.IGNORECASE,
)


def _clock_words(words: Iterable[str]) -> str:
    """"a.m." also as "a.m", "am", "AM": the dots are optional."""
    return "|".join(re.escape(str(w)).replace(r"\.", r"\.?") for w in sorted(words, key=len, reverse=True))


_CLOCK = _META["clock"]
_AM, _PM = _clock_words(_CLOCK["am"]), _clock_words(_CLOCK["pm"])
_AFTER_WORDS = _alternatives(_CLOCK["after"])  # "16.31 Uhr": a dotted time only before one of these
# "13h20", "6:41 p.m.", "07:58 Uhr", "16.31 Uhr", "T11:42:00Z", "à 10h": a time of day, never part of a
# date ("18.06.2023") or of a longer number.
_TIME = rx_compile(
    rf"""(?<![\d:.,/])(?P<hour>[01]?\d|2[0-3])
         (?:\s?(?::|[hH]|\.(?=[0-5]\d\s*(?:{_AFTER_WORDS})(?!\w)))\s?(?P<minute>[0-5]\d)(?::[0-5]\d)?(?!\d)
            |\s?[hH](?!\w))
         (?:\s*(?:(?P<am>{_AM})|(?P<pm>{_PM}))(?!\w))?""",
    re.VERBOSE | re.IGNORECASE,
)
_AFTER_TIME = frozenset(_data.fold(str(w)) for w in _CLOCK["after"])
_TIME_ZONE = rx_compile(r"[A-Z]{1,4}T|UTC|ET|PT|CT|MT|Z")  # "GMT", "CEST", "HST", "ET"
# "Casablanca, le 16/10/2023": the place a date line opens with is not an extra word.
# "Rabat, le", "Helmstedter Nachrichten,", "20 minutes,", "Canal 6,": a place or an outlet before the date;
# "heraldnews, 2023-03-02", "Regard sur l'Est, 17 mars 2025", "Plano Informativo (EFE), 29 de junio de
# 2025": an outlet of up to four words, its agency after it, when the date is all that follows.
_PLACE_BEFORE_DATE = rx_compile(
    r"^\s*(?:(?-i:[A-ZÀ-ÖØ-Þ])[\w'-]+(?:\s+(?-i:[A-ZÀ-ÖØ-Þ])[\w'-]+)?(?:\s+\d{1,3})?|\d{1,3}\s+[^\W\d_]+),(?=\s)"
    r"|^\s*[^\W\d_][\w'’.&-]*(?:\s+[\w'’.&-]+){0,3}(?:\s*\([^()\d]{1,30}\))?,(?=\s*$)"
)
_SITE_AFTER_DATE = rx_compile(r"\s(?:www\.)?[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}\s*$")  # "15/06/2023 infomigrants.net"
_DIGIT = rx_compile(r"\d")
_MAX_FURNITURE_WORDS = 4  # "Lecture : 3 min", "Live blog closed", "World"
_MAX_FURNITURE_CHARS = 40
_YEARLESS_WINDOW = 183  # days: a dateline's day is within half a year of the page's date


# --- dates ------------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def parse_date(span: str, lang: str | None = None) -> dt.date | None:
    """The calendar day a short span states ("17 juin 2025", "14/11/2025"), or None.

    The one place this stage turns words into dates. Numeric forms are read here: day
    first, except that an English page's "05/06/2025" could be either and stays unknown
    (a dotted "05.06.2025" is day first everywhere, and "18/06/2025" can only be).
    Worded forms go to the extraction stage's time reader, then to dateparser (limited to
    the document's language, English and French) for what that reader does not know, such
    as an English date on a French page. A day, a month and a year are always required.
    """
    span = span.strip()
    if m := _ISO_DATE.fullmatch(span):
        return _valid(int(m[1]), int(m[2]), int(m[3]))
    if m := _NUMERIC_DATE.fullmatch(span):
        first, second, year = (int(m[1]), int(m[2]), int(m[3])) if m[1] else (int(m[4]), int(m[5]), int(m[6]))
        year += 2000 if year < 100 else 0
        if first <= 12 < second:  # 06/17/2025 can only be month first
            return _valid(year, first, second)
        dotted = "." in span  # 18.06.2023: day first in every language
        if _packs().date_order(lang) == "MDY" and not dotted and first <= 12 and second <= 12 and first != second:
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
    always = _packs().page_date_languages()  # tried after the document's own
    languages = list(dict.fromkeys([lang, *always] if lang else always))
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
    published = first("published", "date", "published_at", "publication_date")
    updated = first("updated", "modified", "updated_at", "date_modified", "last_modified")
    return Metadata(
        title=" ".join(title.split()) if isinstance(title, str) and title.strip() else None,
        published=date_value(published, language),
        published_minute=minute_value(published),
        updated=date_value(updated, language),
        updated_minute=minute_value(updated),
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


def minute_value(value: object) -> int | None:
    """The time of day of a declared date-time (a YAML datetime, "2025-06-17T16:16:00Z")."""
    if isinstance(value, dt.datetime):
        return value.hour * 60 + value.minute
    if isinstance(value, str) and (day := _ISO_DATE.match(value.strip())):
        if found := _TIME.match(value.strip(), day.end() + 1):
            return _minute(found)
    return None


# --- metadata stated in the page ----------------------------------------------------------


def sniff(text: str, start: int, lang: str | None) -> Metadata:
    """Title, dates, times, dateline, outlet and address stated in the first and last lines."""
    originals = [line.strip() for line in text[start:].splitlines()]
    originals = [line for line in originals if line]
    if not originals:
        return Metadata()
    head_count = min(_EDGE_LINES, len(originals))
    edge = list(range(head_count)) + list(range(max(head_count, len(originals) - _EDGE_LINES), len(originals)))
    plain_lines = {i: _data.plain(originals[i]) for i in edge}

    stamps: dict[str, _Stamp] = {}  # "published", "updated", "plain": the first of each kind
    header_days: list[dt.date] = []  # full dates of the header, for a dateline without a year
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
        if (m := _URL_LINE.match(line)) and (found := _URL.search(m["rest"])):
            url = url or found.group(0)
            metadata_lines.add(i)
        if m := _TAGS_LINE.match(line):
            tags.extend(t for t in re.split(r"[,;|]", m["rest"]) if t.strip())
            metadata_lines.add(i)
        if m := _publisher_line(line):
            outlets.append((0, publisher_name(m["publisher"]) or ""))
            if m.groupdict().get("date") and (day := parse_date(m["date"], lang)):
                after = _TIME.search(line, m.end("date"))
                stamps.setdefault("published", _Stamp("published", day, _minute(after) if after else None))
            metadata_lines.add(i)
        if m := _CREDIT.match(line):
            # A copyright line in the footer names the site; elsewhere it may be a photo
            # credit, so only a known outlet is taken.
            in_footer = i >= max(1, len(originals) - _FOOTER_LINES)
            if in_footer or known_publisher(m["name"]):
                outlets.append((2, publisher_name(m["name"]) or ""))
            metadata_lines.add(i)
        # Dates and times: labelled ones anywhere; unlabelled ones on a line that is only
        # dates and page furniture, or in a by-line's other parts.
        previous = header_days[-1] if header_days and i < head_count else None
        line_stamps = _line_stamps(segments, lang, by_line is not None, i in metadata_lines, previous)
        for stamp in line_stamps:
            stamps.setdefault(stamp.kind, stamp)
            if i < head_count:
                header_days.append(stamp.day)
        if line_stamps:
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

    title_at = _title_line(originals, plain_lines, range(head_count), metadata_lines)
    after_title = range(0 if title_at is None else title_at + 1, head_count)
    dateline = _first_dateline(
        plain_lines[i] for i in after_title if i not in metadata_lines and len(plain_lines[i]) >= _MIN_PARAGRAPH
    )
    updated = stamps.get("updated")
    published = stamps.get("published") or stamps.get("plain")
    if published is None and dateline is not None and dateline.month is not None and dateline.day is not None:
        # "ATHENS, March 2, 2023 (AP) —" gives the day; "CAIRO, June 22 –" the day and month, in
        # the year of the header's dates, or else of the body's; without either it stays unknown.
        if day := _dateline_day(dateline, header_days, lambda: _body_days(text[start:], lang)):
            published = _Stamp("plain", day, None)
    if published is None and updated is not None:
        published = _Stamp("updated", updated.day, None)  # a date, but not a time, of publication

    outlets = [(rank, name) for rank, name in outlets if name]
    return Metadata(
        title=_title(originals, title_at),
        published=published.day if published else None,
        published_minute=published.minute if published else None,
        updated=updated.day if updated else None,
        updated_minute=updated.minute if updated else None,
        dateline=dateline.place if dateline else None,
        publisher=min(outlets, key=lambda o: o[0])[1] if outlets else None,
        url=url,
    )


# --- dates and times of day on a page's own lines ------------------------------------------


@dataclass(frozen=True)
class _Stamp:
    """A date a line states, of what kind, with its time of day when one is written."""

    kind: str  # "published", "updated", or "plain" (a date line without a label)
    day: dt.date
    minute: int | None


@dataclass(frozen=True)
class _Piece:
    """What one part of a date line says: "Publié le 09/09/2023 à 13h20", "· 09:47", "World"."""

    label: str | None  # "published", "updated" or None
    day: dt.date | None
    minute: int | None
    only_date: bool  # nothing else than the date, the time and a few short words
    furniture: bool  # a few words without a date or time ("Lecture : 3 min", "World")


def _line_stamps(
    segments: list[str], lang: str | None, by_line: bool, other_metadata: bool, previous: dt.date | None
) -> list[_Stamp]:
    """The dates and times one short line states, in order.

    A time alone ("· 09:47", "| 7:12 AM") is the time of the date before it on the line; an
    update time alone ("mis à jour à 15h05") is on the day of the last date read in the
    header. Unlabelled dates count only when the whole line is dates, times and furniture.
    """
    if not any(_DIGIT.search(segment) for segment in segments):
        return []  # no date and no time: most lines, read no further
    texts = [piece for segment in segments for piece in _LABEL_BREAK.split(segment) if piece.strip()]
    pieces = [_piece(text, lang) for text in texts]
    labelled = any(p.label and (p.day or p.minute is not None) for p in pieces)
    byline_pieces = 1 if by_line else 0
    others = pieces[byline_pieces:]
    plain_allowed = (labelled or by_line or not other_metadata) and all(
        p.label or p.only_date or p.furniture for p in others
    )
    stamps: list[_Stamp] = []
    last: int | None = None  # index in `stamps` of the last dated one still without a time
    for piece in others:
        if piece.day is not None and (piece.label or (plain_allowed and piece.only_date)):
            stamps.append(_Stamp(piece.label or "plain", piece.day, piece.minute))
            last = len(stamps) - 1 if piece.minute is None else None
        elif piece.day is None and piece.minute is not None:
            if piece.label == "updated" and (day := stamps[-1].day if stamps else previous):
                stamps.append(_Stamp("updated", day, piece.minute))
            elif piece.label is None and piece.only_date and last is not None:
                stamps[last] = replace(stamps[last], minute=piece.minute)
            last = None
    return stamps


def _piece(text: str, lang: str | None) -> _Piece:
    label = None
    rest = text.strip()
    for kind, pattern in (("published", _PUBLISHED_LINE), ("updated", _UPDATED_LINE)):
        if m := pattern.match(rest):
            label, rest = kind, m["rest"]
            break
    day, date_span = None, (0, 0)
    for match in _DATE_SPAN.finditer(rest):
        if (day := parse_date(match.group(0), lang)) is not None:
            date_span = match.span()
            break
    minute, time_span = None, (0, 0)
    for match in _TIME.finditer(rest):
        if match.end() <= date_span[0] or match.start() >= date_span[1]:
            minute, time_span = _minute(match), match.span()
            break
    leftover = rest
    for begin, end in sorted((date_span, time_span), reverse=True):
        leftover = leftover[:begin] + " " + leftover[end:]
    only_date = (day is not None or minute is not None) and len(text) <= _MAX_DATE_LINE
    if only_date:  # and nothing else than a few short words: "Rabat, le", "Jeudi", "à"
        leftover = _SITE_AFTER_DATE.sub(" ", _PLACE_BEFORE_DATE.sub(" ", leftover))
        words = [w for w in _WORD.findall(leftover) if not _date_furniture(w)]
        only_date = len(words) <= 3 and all(len(w) <= 9 for w in words) and not re.search(r"\d", leftover)
    furniture = (
        day is None
        and minute is None
        and len(text) <= _MAX_FURNITURE_CHARS
        and len(text.split()) <= _MAX_FURNITURE_WORDS
    )
    return _Piece(label, day, minute, only_date, furniture)


def _minute(match: re.Match[str]) -> int:
    """Minutes after midnight of a time `_TIME` found; a 12-hour time needs its "a.m."/"p.m."."""
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    if (match["am"] or match["pm"]) and 1 <= hour <= 12:
        hour = hour % 12 + (12 if match["pm"] else 0)
    return hour * 60 + minute


def _date_furniture(word: str) -> bool:
    """A word that may stand next to a date without the line saying more: a weekday, a time zone."""
    folded = _data.fold(word).rstrip(".")
    return (
        folded in _date_tables().weekdays
        or folded in _AFTER_TIME
        or _TIME_ZONE.fullmatch(word.rstrip(".")) is not None
    )


@dataclass(frozen=True)
class _DateTables:
    weekdays: frozenset[str]  # folded, without a final dot
    months: dict[str, int]  # folded month word, without a final dot → month


@lru_cache(maxsize=1)
def _date_tables() -> _DateTables:
    """Weekdays and months of every language, from the time words and `date_words`.

    Read on first use, from the time words of the language packs, and only when a page
    has a date line: a corpus of dated files never needs them.
    """
    from consistency.extract.datafiles import load_merged

    sources: list[Mapping[str, Any]] = []

    time_words = Path(__file__).resolve().parent.parent / "extract" / "data" / "time_words.yaml"
    loaded = load_merged(time_words)  # with every language pack's time words
    sources.extend(section for section in loaded.values() if isinstance(section, Mapping))
    sources.extend((_META.get("date_words") or {}).values())
    weekdays: set[str] = set()
    months: dict[str, int] = {}
    clashing: set[str] = set()
    for section in sources:
        for key in ("weekdays", "weekday_abbreviations"):
            value = section.get(key) or []
            for words in value.values() if isinstance(value, Mapping) else [value]:
                weekdays.update(_data.fold(str(w)).rstrip(".") for w in words)
        for number, words in (section.get("months") or {}).items():
            for word in words:
                folded = _data.fold(str(word)).rstrip(".")
                if months.setdefault(folded, int(number)) != int(number):
                    clashing.add(folded)
    return _DateTables(frozenset(weekdays), {w: n for w, n in months.items() if w not in clashing})


def _body_days(text: str, lang: str | None) -> list[dt.date]:
    """Full dates stated anywhere in the text ("PHOTO: … on Aug. 9, 2023"), the latest first: with
    no dated header, they give a dateline without a year ("LAHAINA, Hawaii, Aug 11 –") its year."""
    days = {day for m in _DATE_SPAN.finditer(text[:_BODY_DATES_REACH]) if (day := parse_date(m.group(0), lang)) is not None}
    return sorted(days, reverse=True)


_BODY_DATES_REACH = 20_000  # characters read for full dates: an article, not a whole dump


def _dateline_day(dateline: _Dateline, header_days: list[dt.date], body_days: Callable[[], list[dt.date]]) -> dt.date | None:
    """The day a dateline gives: its own year, else the header's, else one the body's dates imply."""
    if dateline.month is None or dateline.day is None:
        return None
    if dateline.year is not None:
        return _valid(dateline.year, dateline.month, dateline.day)
    if header_days:
        return _near(dateline.month, dateline.day, header_days)
    # The body's dates mostly tell what happened before: "Oct. 31" after "March 3, 2021" is
    # not in 2020, and a year that would put the dispatch before them is no answer.
    return _near(dateline.month, dateline.day, body_days(), not_before=True)


def _near(month: int, day: int, header_days: list[dt.date], *, not_before: bool = False) -> dt.date | None:
    """The day nearest to the first full date given, when it is within half a year of it (and,
    with `not_before`, not earlier than it)."""
    if not header_days:
        return None
    reference = header_days[0]
    best: dt.date | None = None
    for year in (reference.year - 1, reference.year, reference.year + 1):
        candidate = _valid(year, month, day)
        if candidate is None or (not_before and candidate < reference):
            continue
        if best is None or abs(candidate - reference) < abs(best - reference):
            best = candidate
    return best if best and abs(best - reference).days <= _YEARLESS_WINDOW else None


# --- datelines --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Dateline:
    place: str
    month: int | None = None  # the day and month it gives
    day: int | None = None
    year: int | None = None  # when it gives one too ("March 2, 2023")


_DATELINE_DATA = _META["datelines"]
_NOT_PLACES = frozenset(_data.fold(str(w)) for w in _DATELINE_DATA["not_places"])
_DATELINE_PARAGRAPHS = 2  # long lines read for a dateline: the first paragraph, or a standfirst before it
_MIN_PARAGRAPH = 60  # a shorter line is a heading or furniture, not the first paragraph


@lru_cache(maxsize=1)
def _dateline_pattern() -> re.Pattern[str]:
    upper = r"(?-i:[A-ZÀ-ÖØ-Þ])"
    word = rf"{upper}[\w']*(?:-[\w']+)*\.?"
    connector = _alternatives(_DATELINE_DATA["connectors"])
    name = rf"{word}(?:(?:\s+(?:(?-i:{connector})\s+)?|/){word}){{0,3}}"
    months = _alternatives(sorted(_date_tables().months, key=len, reverse=True))
    day_month = rf"(?:(?P<m1>{months})\.?\s+(?P<d1>\d{{1,2}})|(?P<d2>\d{{1,2}})\.?\s+(?P<m2>{months})\.?)(?!\w)"
    year = r"(?:,?\s+(?P<year>\d{4})(?!\d))?"  # "March 2, 2023", "3 mar. 2023"
    dash = r"(?:[–—]|--?)"  # "--" where a page has no long dash
    return rx_compile(
        rf"""^(?P<place>{name})(?:,\s+(?P<region>{name}))?(?:,?\s+(?i:{day_month}){year})?
             \s*(?:\((?P<agency>[^()\n\d]{{1,30}})\))?\s*(?:{dash}|\.\s?{dash})\s+(?=\S)""",
        re.VERBOSE,
    )


def _first_dateline(paragraphs: Iterable[str]) -> _Dateline | None:
    """The dateline opening the first paragraph: "DERNA, Libya, Sept 13 (Reuters) —"."""
    for line in itertools.islice(paragraphs, _DATELINE_PARAGRAPHS):
        if (m := _dateline_pattern().match(line)) and not is_boilerplate_line(line) and (found := _dateline(m)):
            return found
    return None


def _dateline(m: re.Match[str]) -> _Dateline | None:
    place, region = m["place"], m["region"]
    month_word, day = (m["m1"], m["d1"]) if m["m1"] else (m["m2"], m["d2"])
    tables = _date_tables()
    words = [w for part in (place, region) if part for w in re.split(r"[\s/]+", part)]
    if any(_data.fold(w).rstrip(".") in tables.weekdays or _data.fold(w).rstrip(".") in tables.months for w in words):
        return None  # "Friday —", "June —": not a place
    if _data.fold(place) in _NOT_PLACES or (region and _data.fold(region) in _NOT_PLACES):
        return None
    # Without a region, a date or an agency, only a place in capitals ("BERLIN —"), a single
    # name ("München –") or names joined by "/" ("Koblenz/Düsseldorf –") read as a dateline:
    # "Emmanuel Macron – …" opens a sentence, not a dispatch.
    if not (region or month_word or m["agency"]) and not (
        place.isupper() or "/" in place or len(place.split()) == 1
    ):
        return None
    if place.endswith(".") and len(place) > 4 and place[:-1].isupper():
        place = place[:-1]  # "ATENAS.-": the dot opens the dash, it is no abbreviation
    shown = ", ".join(_capitalised(part) for part in (place, region) if part)
    if not month_word:
        return _Dateline(shown)
    month = tables.months.get(_data.fold(month_word).rstrip("."))
    if month is None or not 1 <= int(day) <= 31:
        return _Dateline(shown)
    return _Dateline(shown, month, int(day), int(m["year"]) if m["year"] else None)


def _capitalised(name: str) -> str:
    """"LAHAINA" → "Lahaina"; a name already in mixed case is kept as written."""
    return name.title() if name.isupper() else name


def _publisher_line(line: str) -> re.Match[str] | None:
    for pattern in _PUBLISHER_LINES:
        if m := pattern.match(line):
            return m
    return None


def _title_line(originals: list[str], plain_lines: dict[int, str], head: range, skip: set[int]) -> int | None:
    """The first line that is not page furniture, when it reads like a headline."""
    for i in head:
        if i in skip or is_boilerplate_line(plain_lines[i]):
            continue
        title = originals[i].lstrip("#").strip()
        if not title or len(title) > _MAX_TITLE or _data.fold(title).rstrip(" :") in _NOT_TITLES:
            return None
        return i
    return None


def _title(originals: list[str], at: int | None) -> str | None:
    return None if at is None else originals[at].lstrip("#").strip()
