"""Claims: a figure with what it counts, what happened, whose, where, when and who says so.

The numbers and time modules find *what* the text says; this module decides *what it is
about*, reading the figure's own sentence first, then its paragraph, then the document.
Every decision is local and explainable: a fact-checker running `check-consistency extract`
can see which words produced each field.
"""

from __future__ import annotations

import bisect
import hashlib
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

from consistency.extract.attribution import Attribution, find_attributions, is_statement_time, refers_back
from consistency.extract.lexicon import Lexicon, Match, load_lexicon
from consistency.extract.numbers import NumberMatch, find_numbers
from consistency.extract.sentences import Sentence, split_sentences
from consistency.extract.times import TimeMatch
from consistency.model import Claim, Document, TimeSpan

# Between a figure and the noun it counts: articles, adjectives, "de", "of" — no punctuation.
_LIGHT = re.compile(r"^[\s\w'’‐‑-]*$")
_DEMONSTRATIVE = re.compile(r"(?i)\b(?:ces|cette|ce|these|those|this|the|des|les|of\s+the)\b")
_SINCE = re.compile(r"(?i)^(?:depuis|since|à\s+partir\s+d[e'’]|from)\s+")
_COUNTRY_PLACES = frozenset({
    "Russia", "Ukraine", "North Korea", "South Korea", "France", "Germany", "United Kingdom", "United States",
    "Israel", "Lebanon", "Syria", "Sudan", "Poland", "Belarus", "Iran", "China",
})
# "across France", "dans toute la France": the figure is for the whole country, on purpose.
_NATIONWIDE = re.compile(r"(?:across|throughout|all\s+over|nationwide\s+in|dans\s+tout(?:e)?\s+l[ae']\s*|partout\s+en|à\s+travers\s+l[ae']\s*)\s*$", re.IGNORECASE)
MAX_NOUN_GAP_WORDS = 4
EVENT_REACH = 140  # characters around the figure an event word may be


@dataclass(frozen=True)
class _Context:
    """What the document says once, shared by all its claims."""

    doc: Document
    lexicon: Lexicon
    sentences: tuple[Sentence, ...]
    starts: tuple[int, ...]
    main_place: str | None
    publication: TimeSpan | None


def extract_claims(
    document: Document,
    lexicon: Lexicon | None = None,
    noise: Sequence[tuple[int, int]] = (),
) -> tuple[Claim, ...]:
    """Quantity and date claims of one document, in text order; `noise` spans are skipped."""
    text = document.text
    lex = (lexicon or load_lexicon()).indexed(text, document.body_start)
    sentences = tuple(s for s in split_sentences(text, document.body_start) if not _in_noise(s, noise))
    if not sentences:
        return ()
    ctx = _Context(
        doc=document,
        lexicon=lex,
        sentences=sentences,
        starts=tuple(s.start for s in sentences),
        main_place=_main_place(text, sentences, lex),
        publication=(
            TimeSpan(None, document.published, f"as of {document.published.isoformat()}", "as_of")
            if document.published
            else None
        ),
    )
    numbers = _by_sentence(ctx, find_numbers(text, document.language, document.body_start, lexicon=lex.numbers))
    times = _by_sentence(ctx, lex.times.find_times(text, document.language, document.published, document.body_start))
    claims: list[Claim] = []
    memory: dict[str, tuple[str | None, str | None]] = {}  # category -> (actor, event) last seen
    frame: TimeMatch | None = None  # a time that opens the paragraph scopes what follows
    paragraph_attr: Attribution | None = None
    last_paragraph = -1
    previous: Sentence | None = None
    for index, sent in enumerate(sentences):
        if sent.paragraph != last_paragraph:
            frame, paragraph_attr, last_paragraph = None, None, sent.paragraph
        sent_times = times.get(index, [])
        sent_numbers = numbers.get(index, [])
        attributions = find_attributions(text, sent.start, sent.end, lex) if (sent_numbers or sent_times) else []
        named = [a for a in attributions if a.origin]
        if named and previous is not None and previous.paragraph == sent.paragraph and refers_back(text, sent.start, sent.end):
            claims = [_attributed(c, named[0]) if c.sentence == (previous.start, previous.end) and not c.attributed_to else c
                      for c in claims]
        for nm in sent_numbers:
            claim = _quantity_claim(ctx, sent, nm, sent_times, frame, named, paragraph_attr, memory, claims)
            if claim is not None:
                claims.append(claim)
        claims.extend(_date_claims(ctx, sent, sent_times, sent_numbers))
        _remember_mentions(ctx, sent, memory)
        previous = sent
        if sent_times and sent_times[0].span is not None and sent_times[0].start - sent.start <= 3:
            frame = sent_times[0]
        if named:
            paragraph_attr = named[-1]
    return tuple(claims)


# --- quantity claims -------------------------------------------------------------------


def _quantity_claim(
    ctx: _Context,
    sent: Sentence,
    nm: NumberMatch,
    sent_times: list[TimeMatch],
    frame: TimeMatch | None,
    named: list[Attribution],
    paragraph_attr: Attribution | None,
    memory: dict[str, tuple[str | None, str | None]],
    earlier: list[Claim],
) -> Claim | None:
    text, lex = ctx.doc.text, ctx.lexicon
    noun = _counted_noun(text, nm, sent, lex)
    if noun is None and nm.unit == "percent":
        noun = _pronoun_base(text, nm, earlier, ctx.doc.id)
    if noun is None:
        noun = _demonym(text, nm, lex)
    if noun is None:
        return None
    category = noun.key
    cat = lex.categories.get(category)
    if cat is not None and cat.generic:
        specific = next(
            (m for m in lex.category_terms.finditer(text, noun.end, min(sent.end, noun.end + 90))
             if not lex.categories[m.key].generic),
            None,
        )
        if specific is not None:
            category = specific.key
    end = noun.end
    actor_match = lex.actor_terms.at(text, _skip_space(text, end))
    if actor_match is not None and actor_match.end - end < 3:
        end = actor_match.end
    span = (nm.start, end)

    event = _nearest_key(
        lex.event_terms.finditer(text, max(sent.start, nm.start - EVENT_REACH), min(sent.end, end + EVENT_REACH)), span, text
    ) or (cat.event if cat else None)
    refined = lex.events[event].category if event in lex.events else None
    if refined and lex.categories.get(category) is not None and lex.categories[category].generic:
        category = refined
    alias = lex.categories.get(category)
    if alias is not None and alias.same_as:
        event = event or alias.event
        category = alias.same_as
    scope_start = max((a.clause_end for a in named if a.clause_end <= nm.start), default=sent.start)
    actor = _actor(text, nm, noun, end, sent, lex)
    # What was said of the same kind of people earlier; "people" are too generic to carry it.
    final = lex.categories.get(category)
    remembered = None if final is not None and final.generic else memory.get(category)
    if actor is None and remembered:
        actor = remembered[0]
    if actor is None:
        # The nearest name before the figure in its clause is usually who acts ("Pyongyang allait
        # envoyer plusieurs milliers de sapeurs"); else the first one after it.
        before = list(lex.actor_terms.finditer(text, scope_start, nm.start))
        # After the figure, a country named as a destination is where they went, not whose they are.
        after = next(
            (m for m in lex.actor_terms.finditer(text, end, sent.end) if not _LOCATIVE.search(text, max(0, m.start - 14), m.start)),
            None,
        )
        actor = before[-1].key if before else (after.key if after else None)
    if event is None and remembered:
        event = remembered[1]
    memory[category] = (actor or (remembered[0] if remembered else None), event or (remembered[1] if remembered else None))

    increment = _is_increment(text, nm, noun, lex)
    time, time_source = _time_for(ctx, nm, sent, sent_times, frame, scope_start, event)
    cumulative = bool(lex.cumulative_terms.search(text, sent.start, sent.end)) or (
        time is not None and time.kind == "since" and time_source == "clause"
    )
    attribution = _attribution_for(nm, named, paragraph_attr)
    share_of = None
    if nm.unit == "percent":
        share_of = _share_base(text, nm, noun, category, earlier, ctx.doc.id)
    return Claim(
        id=_claim_id(ctx.doc.id, span),
        document=ctx.doc.id,
        kind="quantity",
        span=span,
        quote=text[span[0]:span[1]],
        line=ctx.doc.line_of(span[0]),
        value=nm.value,
        qualifier=nm.qualifier,
        unit="percent" if nm.unit == "percent" else "count",
        category=category,
        event=event,
        actor=actor,
        # A region named in the sentence, else the region the article is about, else a country:
        # "déployés en Ukraine" in an article on Kursk speaks of the war, not of a place.
        location=_place(text, sent, span, lex, scope_start, specific_only=True)
        or ctx.main_place
        or _place(text, sent, span, lex, scope_start),
        time=time,
        time_source=time_source,
        attributed_to=attribution.origin if attribution else None,
        attribution_quote=attribution.text if attribution else None,
        increment=increment,
        cumulative=cumulative and not increment,
        share_of=share_of,
        sentence=(sent.start, sent.end),
    )


def _attributed(claim: Claim, attribution: Attribution) -> Claim:
    return replace(claim, attributed_to=attribution.origin, attribution_quote=attribution.text)


def _remember_mentions(ctx: _Context, sent: Sentence, memory: dict[str, tuple[str | None, str | None]]) -> None:
    """Who and what a category is about when the text names it without a figure.

    "Pyongyang allait envoyer … des ouvriers de l'armée nord-coréenne" tells that later
    "cinq mille personnes … d'ouvriers" are North Korean workers being sent.
    """
    text, lex = ctx.doc.text, ctx.lexicon
    for noun in lex.category_terms.finditer(text, sent.start, sent.end):
        actor_m = lex.actor_terms.search(text, noun.end, min(sent.end, noun.end + 32))
        actor = actor_m.key if actor_m and _LIGHT.match(text[noun.end:actor_m.start]) else None
        event = _nearest_key(lex.event_terms.finditer(text, sent.start, sent.end), (noun.start, noun.end), text)
        old_actor, old_event = memory.get(noun.key, (None, None))
        memory[noun.key] = (old_actor or actor, old_event or event)


_OF_THEM = re.compile(r"\s*(?:of\s+(?:them|those|these)|d['’]entre\s+(?:eux|elles)|de\s+ceux-ci|de\s+celles-ci)\b", re.IGNORECASE)


def _pronoun_base(text: str, nm: NumberMatch, earlier: list[Claim], doc_id: str) -> Match | None:
    """"Nearly 40% of them": a share of the figure just before, counting what it counts."""
    m = _OF_THEM.match(text, nm.number_end)
    if m is None:
        return None
    for claim in reversed(earlier):
        if claim.document == doc_id and claim.kind == "quantity" and claim.unit == "count" and claim.category:
            return Match(m.start() + len(m.group()) - len(m.group().lstrip()), m.end(), claim.category, m.group().strip())
    return None


_LOCATIVE = re.compile(r"(?<!\w)(?:en|à|au|aux|dans|vers|pour|in|to|into|towards|near|from|across)\s+(?:la\s+|le\s+|les\s+|l['’]|the\s+)?$", re.IGNORECASE)


def _demonym(text: str, nm: NumberMatch, lex: Lexicon) -> Match | None:
    """"30 000 Palestiniens", "11,000 North Koreans": people of a nation, counted as people."""
    actor = lex.actor_terms.at(text, _skip_space(text, nm.number_end))
    if actor is None or actor.start - nm.number_end > 2 or not actor.text[:1].isupper():
        return None
    if not actor.text.rstrip("’'").endswith(("s", "x")):
        return None  # "Ukraine", "Israel": a country named after a figure is not what it counts
    return Match(actor.start, actor.end, "people", actor.text)


def _counted_noun(text: str, nm: NumberMatch, sent: Sentence, lex: Lexicon) -> Match | None:
    """The noun a figure counts: the first category word right after it, through light words."""
    limit = min(sent.end, nm.number_end + 70)
    for m in lex.category_terms.finditer(text, nm.number_end, limit):
        gap = text[nm.number_end:m.start]
        if not _LIGHT.match(gap) or len(gap.split()) > MAX_NOUN_GAP_WORDS or any(c.isdigit() for c in gap):
            return None
        return m
    return None


def _actor(text: str, nm: NumberMatch, noun: Match, end: int, sent: Sentence, lex: Lexicon) -> str | None:
    """Whose people: an adjective or name inside the noun phrase ("soldats nord-coréens", "North Korean troops")."""
    lo = nm.number_end
    hi = min(sent.end, end + 2)
    m = lex.actor_terms.search(text, lo, hi)
    if m is not None:
        return m.key
    # Through light words and a coordinated figure: "5 000 ouvriers militaires et 1 000 sapeurs nord-coréens".
    # Only an adjective there ("nord-coréens"), not a country the verb names ("envoyés en Russie").
    m = lex.actor_terms.search(text, noun.end, min(sent.end, noun.end + 50))
    if m is not None and m.text[:1].islower() and _LIGHT.match(text[noun.end:m.start]):
        return m.key
    return None


def _is_increment(text: str, nm: NumberMatch, noun: Match, lex: Lexicon) -> bool:
    """"3 000 soldats supplémentaires", "3,000 more troops", "another 3,000": an addition."""
    if lex.increment_terms.search(text, nm.number_end, noun.start):
        return True
    after = _skip_space(text, noun.end)
    # one optional adjective ("soldats nord-coréens supplémentaires")
    nxt = lex.increment_terms.at(text, after)
    if nxt is None:
        word = re.match(r"[\w‐‑'’-]+\s+", text[after:after + 40])
        if word:
            nxt = lex.increment_terms.at(text, after + word.end())
    if nxt is not None and nxt.key == "increment":
        return True
    before = text[max(0, nm.start - 12):nm.start].lower()
    return bool(re.search(r"(?:another|encore)\s+$", before))


def _time_for(
    ctx: _Context,
    nm: NumberMatch,
    sent: Sentence,
    sent_times: list[TimeMatch],
    frame: TimeMatch | None,
    scope_start: int,
    event: str | None,
) -> tuple[TimeSpan | None, str]:
    """Own clause first, then a time that opens the paragraph, then the publication date.

    A time that dates the statement ("a annoncé mardi") or that belongs to another dated
    event between it and the figure ("…Koursk, occupée entre août 2024 et…") is not the
    figure's time.
    """
    text = ctx.doc.text
    candidates = []
    for t in sent_times:
        if t.span is None or t.start < scope_start or is_statement_time(text, t.start):
            continue
        lo, hi = (nm.end, t.start) if t.start >= nm.end else (t.end, nm.start)
        if any(m.key != event for m in ctx.lexicon.dated_terms.finditer(text, lo, hi)):
            continue
        candidates.append(t)
    if candidates:
        best = min(candidates, key=lambda t: _distance((t.start, t.end), (nm.start, nm.end)))
        span = best.span
        if span.kind in ("point", "period") and _SINCE_EVENT.search(text, max(sent.start, best.start - 48), best.start):
            # "since the war began on October 7": a running count from that day.
            high = ctx.doc.published if ctx.doc.published and span.low and ctx.doc.published >= span.low else None
            span = TimeSpan(span.low, high, span.label, "since")
        return span, "clause"
    if frame is not None and frame.span is not None:
        return frame.span, "context"
    if ctx.publication is not None:
        return ctx.publication, "as_of"
    return None, "none"


def _attribution_for(nm: NumberMatch, named: list[Attribution], paragraph_attr: Attribution | None) -> Attribution | None:
    if named:
        return min(named, key=lambda a: _distance((a.start, a.end), (nm.start, nm.end)))
    return paragraph_attr


def _share_base(text: str, nm: NumberMatch, noun: Match, category: str, earlier: list[Claim], doc_id: str) -> str | None:
    """"plus de la moitié de ces troupes": the figure "ces troupes" refers back to."""
    if not _DEMONSTRATIVE.search(text, nm.number_end, noun.start) and not _OF_THEM.match(text, nm.number_end):
        return None
    for claim in reversed(earlier):
        if claim.document == doc_id and claim.unit == "count" and claim.category == category:
            return claim.id
    return None


# --- date claims -----------------------------------------------------------------------


def _date_claims(ctx: _Context, sent: Sentence, sent_times: list[TimeMatch], sent_numbers: list[NumberMatch]) -> list[Claim]:
    """A time tied to a dated event in its sentence: "l'incursion de l'Ukraine en août 2024"."""
    text, lex = ctx.doc.text, ctx.lexicon
    out = []
    triggers = list(lex.dated_terms.finditer(text, sent.start, sent.end))
    if not triggers:
        return out
    for tm in sent_times:
        if tm.span is None or tm.span.kind == "as_of" or is_statement_time(text, tm.start):
            continue
        trigger = min(triggers, key=lambda m: _distance((m.start, m.end), (tm.start, tm.end)))
        if _distance((trigger.start, trigger.end), (tm.start, tm.end)) > 90:
            continue
        value = tm.span
        if value.kind == "since":
            # "déployés depuis début 2024": the event started in early 2024.
            inner = _SINCE.sub("", tm.text)
            started = ctx.lexicon.times.parse_time(inner, ctx.doc.language, ctx.doc.published) if inner != tm.text else None
            if started is None or started.low is None:
                continue
            value = TimeSpan(started.low, started.high, tm.text, "period")
        elif value.kind == "until":
            continue
        lo, hi = min(trigger.start, tm.start), max(trigger.end, tm.end)
        actor = _clause_actor(text, sent, trigger, lex)
        out.append(
            Claim(
                id=_claim_id(ctx.doc.id, (lo, hi)),
                document=ctx.doc.id,
                kind="date",
                span=(lo, hi),
                quote=text[lo:hi],
                line=ctx.doc.line_of(lo),
                value=value,
                qualifier="exact",
                unit="date",
                category=None,
                event=trigger.key,
                actor=actor,
                location=_place(text, sent, (lo, hi), lex, sent.start, specific_only=True) or ctx.main_place,
                time=value,
                time_source="clause",
                attributed_to=None,
                sentence=(sent.start, sent.end),
            )
        )
    return out


_SUBORDINATE = re.compile(r"(?i)(?<!\w)(?:avant\s+que|après\s+que|alors\s+que|qui|que|qu['’]|before|after|while|which|who|that)(?!\w)")


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


def _place(
    text: str, sent: Sentence, span: tuple[int, int], lex: Lexicon, scope_start: int, specific_only: bool = False
) -> str | None:
    """The place the sentence gives: a region beats the country around it, after beats before."""
    places = list(lex.place_terms.finditer(text, scope_start, sent.end))
    if not places:
        # A place the lexicons do not know, named the way places are: "à Lyon", "in Mariupol".
        for m in _UNKNOWN_PLACE.finditer(text, scope_start, sent.end):
            name = m.group(1)
            if name.casefold() not in _NOT_PLACES and not lex.actor_terms.terms.search(name) and not lex.origin_terms.search(name):
                return name
    if not places:
        for word in re.finditer(r"\b[A-ZÀ-Ý][\w-]{4,}", text[scope_start:sent.end]):
            if scope_start + word.start() == sent.start:
                continue
            found = lex.fuzzy_place(word.group())
            if found:
                return found
        return None
    specific = [p for p in places if p.key not in _COUNTRY_PLACES or _NATIONWIDE.search(text, max(0, p.start - 24), p.start)]
    if specific_only and not specific:
        return None
    pool = specific or places
    after = [p for p in pool if p.start >= span[1]]
    return min(after or pool, key=lambda p: _distance((p.start, p.end), span)).key


_UNKNOWN_PLACE = re.compile(r"(?<!\w)(?:in|at|near|à|près\s+de|dans\s+la\s+ville\s+de)\s+([A-ZÀ-Ý][\w'’-]+(?:[\s-][A-ZÀ-Ý][\w'’-]+)?)")
_NOT_PLACES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday the this that these his her their its "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "lundi mardi mercredi jeudi vendredi samedi dimanche".split()
)


def _main_place(text: str, sentences: Sequence[Sentence], lex: Lexicon) -> str | None:
    """The place the article is about: its most named region (countries only when no region)."""
    counts: Counter[str] = Counter()
    for s in sentences:
        counts.update(m.key for m in lex.place_terms.finditer(text, s.start, s.end))
    specific = Counter({k: v for k, v in counts.items() if k not in _COUNTRY_PLACES})
    pick = specific or counts
    if not pick:
        return None
    return sorted(pick.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


_SINCE_EVENT = re.compile(r"(?<!\w)(?:since|depuis)\s+(?:the\s+|le\s+|la\s+|l['’])?[^\d,.;:()]{2,40}?\s*$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s(?:and|et|while|whereas|but|mais|alors\s+que|tandis\s+que|or|ou)\s", re.IGNORECASE)
CLAUSE_PENALTY = 80  # an event across a clause break belongs to another figure first


def _nearest_key(matches, span: tuple[int, int], text: str | None = None) -> str | None:
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


def _by_sentence(ctx: _Context, items):
    grouped: dict[int, list] = {}
    for item in items:
        i = bisect.bisect_right(ctx.starts, item.start) - 1
        if i >= 0 and item.start < ctx.sentences[i].end:
            grouped.setdefault(i, []).append(item)
    return grouped


def _in_noise(sent: Sentence, noise: Sequence[tuple[int, int]]) -> bool:
    return any(s <= sent.start and sent.end <= e for s, e in noise)


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
    out = []
    for nm in find_numbers(text, document.language, document.body_start, lexicon=lex.numbers):
        if nm.start in taken:
            continue
        i = bisect.bisect_right(starts, nm.start) - 1
        sent = sentences[i] if i >= 0 else Sentence(nm.start, nm.end, 0)
        if _in_noise(sent, noise):
            reason = "in page boilerplate (banner, footer, share bar)"
        elif _counted_noun(text, nm, sent, lex) is None:
            reason = "no counted noun right after it (add the noun to categories.yaml if it should count)"
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
