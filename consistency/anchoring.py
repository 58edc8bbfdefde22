"""Cross-document event anchoring: the day of an event one article leaves undated.

Extraction reads each document alone: a measure of the event (its damage, its magnitude)
takes the day of the event the article dates (see `claims._measured`). An article that
never dates the event ("depuis la catastrophe") leaves such a figure at the day it was
said, and it is never set against the same measure in the articles that do date it. When
the other articles of the corpus agree on the day of that event, at a place compatible
with the figure's, and the undated article appeared a few days after it, the figure is
about that day too. Only when unambiguous: one day for that event, no other dated event
the undated article speaks of, no event date of its own; otherwise nothing changes.

This runs between extraction and the graph: extraction per document stays pure, and the
result depends on the set of documents, never on their order.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, replace

from consistency.extract.amounts import load_amount_words
from consistency.extract.claims import PLANNED, STORY_DAYS
from consistency.extract.gazetteer import load_gazetteer
from consistency.extract.lexicon import Lexicon
from consistency.model import Claim, Document, TimeSpan

ANCHOR_DAYS = STORY_DAYS  # an undated article appeared at most this many days after the event
RETIMED_SOURCES = frozenset({"as_of", "context", "clause"})  # the times an event's own date replaces


@dataclass(frozen=True)
class _EventDate:
    """One article's date of one event, at one place."""

    document: str
    event: str
    place: str | None
    low: dt.date | None
    high: dt.date | None


def anchor_events(claims: Sequence[Claim], documents: Sequence[Document], lexicon: Lexicon) -> tuple[Claim, ...]:
    """The claims, with the measures of an event an article leaves undated dated by the day
    the other articles agree on (see the module docstring)."""
    words = load_amount_words(lexicon.extra_dirs)
    measures = words.event_measures - words.series_measures  # an aftershock keeps the time of day that pins it
    dates: dict[str, list[_EventDate]] = defaultdict(list)
    dated_documents: set[str] = set()
    for c in claims:
        if c.kind != "date" or not c.event or not isinstance(c.value, TimeSpan):
            continue
        if c.event.endswith(PLANNED):
            continue  # a planned time dates nothing that happened
        dated_documents.add(c.document)
        dates[c.event].append(_EventDate(c.document, c.event, c.location, c.value.low, c.value.high))
    if not dates:
        return tuple(claims)
    by_id = {d.id: d for d in documents}
    candidates = {c.document for c in claims if _retimable(c, measures) and c.document not in dated_documents}
    mentioned = {doc_id: _events_mentioned(by_id[doc_id], lexicon) for doc_id in sorted(candidates) if doc_id in by_id}
    out: list[Claim] = []
    for c in claims:
        doc = by_id.get(c.document)
        if c.document not in mentioned or doc is None or not _retimable(c, measures):
            out.append(c)
            continue
        day = _anchor_day(c, doc, mentioned[c.document], dates)
        if day is None or (c.time_source == "clause" and c.time is not None and c.time.high is not None
                           and c.time.high < day):
            out.append(c)  # "2 754 tonnes arrivées au port en 2013": a time before the event dates the figure
            continue
        out.append(replace(c, time=TimeSpan(day, day, "", "point"), time_source="context"))
    return tuple(out)


def _retimable(claim: Claim, measures: frozenset[str]) -> bool:
    """A measure of an event itself, with no event date of its own."""
    return claim.kind == "quantity" and claim.unit != "percent" and claim.category in measures \
        and claim.time_source in RETIMED_SOURCES and claim.location is not None


def _events_mentioned(doc: Document, lexicon: Lexicon) -> frozenset[str]:
    """The dated events whose nouns the article's body uses ("l'explosion", "the quake")."""
    return frozenset(m.key for m in lexicon.dated_terms.finditer(doc.text, doc.body_start, len(doc.text)))


def _anchor_day(claim: Claim, doc: Document, mentioned: frozenset[str], dates: dict[str, list[_EventDate]]
                ) -> dt.date | None:
    """The one day of the one event the article speaks of, as the other articles date it."""
    if doc.published is None or claim.location is None:
        return None
    published = doc.published
    recent: dict[str, set[dt.date]] = defaultdict(set)
    for event in sorted(mentioned):
        for d in dates.get(event, ()):
            if d.document == doc.id or d.low is None or d.low > published or not _compatible(d.place, claim.location):
                continue
            if d.low == d.high and (published - d.low).days <= ANCHOR_DAYS:
                recent[event].add(d.low)
    if len(recent) != 1:
        return None  # no dated event, or two (a quake and the fires after it): whose damage?
    event, days = next(iter(recent.items()))
    if len(days) != 1:
        return None
    day = next(iter(days))
    # every article that dates this event here, before the article appeared, gives that day
    for d in dates[event]:
        if d.document != doc.id and d.low is not None and d.low <= published and _compatible(d.place, claim.location) \
                and (d.low, d.high) != (day, day):
            return None
    return day


def _compatible(a: str | None, b: str) -> bool:
    """The same place, or one within the other ("Beirut" and "Lebanon")."""
    if a is None:
        return False
    if a.casefold() == b.casefold():
        return True
    gazetteer = load_gazetteer()
    return gazetteer.contains(a, b) is True or gazetteer.contains(b, a) is True
