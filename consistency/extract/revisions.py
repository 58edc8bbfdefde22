"""A count stated with the figure it replaces: "a été révisé de 88 à 61 morts", "was revised
down from 88 to 61", "auf 61 korrigiert, nachdem sie von 88 Todesopfern gesprochen hatten",
"disminuyó de 88 a 61".

The earlier figure is not a count of now. It is marked `superseded`: rules never compare it as
a count, so it never corroborates a later figure, and the quantity rules report the revision
from it to the current figure. The two figures are one count of one source: when the text names
what is counted only once ("from 88 to 61 because …"), the figure without a noun takes the
other's scope. Which words say so is data (cues.yaml: `revision`, `change`, `revision_from`,
`revision_to`), per language.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from consistency.extract.attribution import patterns as attribution_patterns
from consistency.extract.cues import Cues
from consistency.extract.lexicon import Match, Terms
from consistency.extract.numbers import NumberMatch
from consistency.extract.sentences import Sentence
from consistency.model import Claim, Document

VERB_REACH = 120  # characters between the verb and the earlier figure ("a été révisé dimanche de 88")
GAP = 32  # characters between the two figures of one pair ("de 88 morts à 61")
STATED_REACH = 40  # characters from a corrected figure to "as stated" ("16 people killed as stated")
COORDINATED_GAP = 60  # characters between a change's current figure and a pair coordinated with it
CORRECTED_WORDS = 3  # words between a verb of revision and the figure it brings ("korrigierte dies dann auf")
FINAL_VERB_REACH = 24  # a verb at the end of its clause, after the current figure ("auf 61 korrigiert")
OPENING_REACH = 40  # characters from a sentence's start to the end of its opening word of before
_BREAKS = frozenset(",;:.()[]«»\"–—")
COMPARED = frozenset({"total", "running"})
REPORTED = COMPARED | {"increment"}  # "Earlier, officials had reported 20 dead, but …": not an addition either


@dataclass(frozen=True)
class Revision:
    """Two figures of one sentence: the earlier one (superseded) and the current one."""

    earlier: NumberMatch
    later: NumberMatch
    stated: bool  # a verb of revision ("révisé", "corrected"), not only of change ("passé", "rose")


def find_revisions(text: str, sent: Sentence, numbers: Sequence[NumberMatch], cues: Cues) -> list[Revision]:
    """The (earlier, current) pairs of a sentence, in text order of the earlier figure."""
    if len(numbers) < 2:
        return []
    worded = _not_as_stated(text, sent, numbers, cues) + _initially_then_revised(text, sent, numbers, cues)
    if worded:
        return worded
    withdrawn = _given_then_corrected(text, sent, numbers, cues)
    if withdrawn:
        return withdrawn
    froms = [i for i, nm in enumerate(numbers) if _ends_with(cues.revision_from, text, sent.start, nm.start)]
    if not froms:
        return []  # most sentences: no figure after "de", "from", "von"
    tos = {i for i, nm in enumerate(numbers) if _ends_with(cues.revision_to, text, sent.start, nm.start)}
    out: list[Revision] = []
    used: set[int] = set()
    for i in froms:
        nx = numbers[i]
        floor = max(sent.start, numbers[i - 1].end if i else sent.start)
        if i + 1 in tos and _joined(text, nx.end, numbers[i + 1].start):
            # "révisé dimanche de 88 à 61 morts", "rose from 40 to 92": the verb before both; or
            # after both, at the end of the clause ("von 115 auf 97 nach unten korrigiert")
            ny = numbers[i + 1]
            ceiling = min(sent.end, ny.end + FINAL_VERB_REACH, numbers[i + 2].start if i + 2 < len(numbers) else sent.end)
            verb = _verb(cues, text, max(floor, nx.start - VERB_REACH), nx.start) or _final_verb(cues, text, ny.end, ceiling) \
                or _coordinated_change(cues, text, sent, numbers, i, tos)
            if verb is not None:
                out.append(Revision(nx, ny, verb.key == "revision"))
                used.update((i, i + 1))
                out.extend(_chained(text, numbers, i + 1, tos, used, verb.key == "revision"))
                continue
        if i - 1 in tos and i - 1 not in used and _joined(text, numbers[i - 1].end, nx.start):
            # "lowered the toll to 61 from 88": the current figure first
            ny = numbers[i - 1]
            lo = max(sent.start, numbers[i - 2].end if i >= 2 else sent.start, ny.start - VERB_REACH)
            verb = _verb(cues, text, lo, ny.start)
            if verb is not None:
                out.append(Revision(nx, ny, verb.key == "revision"))
                used.update((i - 1, i))
    if out or len(froms) != 1 or len(tos) != 1:
        return out
    # "auf 61 korrigiert - nachdem sie am Morgen von 88 Todesopfern gesprochen hatten": a verb of
    # revision right after the current figure, the earlier one later in the sentence.
    i, j = froms[0], next(iter(tos))
    ny = numbers[j]
    after = _ends_clause_with(cues.revision, text, ny.end, min(sent.end, ny.end + FINAL_VERB_REACH))
    if j < i and after:
        out.append(Revision(numbers[i], ny, True))
    return out


def _chained(text: str, numbers: Sequence[NumberMatch], k: int, tos: set[int], used: set[int], stated: bool
             ) -> list[Revision]:
    """"pasando de 9 a 20 y finalmente a 46", "rose from 9 to 20 and then to 46": each step
    after the pair's current figure replaces it in turn; only the last figure is a count of now."""
    out: list[Revision] = []
    while k + 1 in tos and k + 1 not in used and _step(text, numbers[k].end, numbers[k + 1].start):
        out.append(Revision(numbers[k], numbers[k + 1], stated))
        used.add(k + 1)
        k += 1
    return out


def _step(text: str, end: int, start: int) -> bool:
    """Only a noun and a few words ("y finalmente", "puis", ", then") between two steps of a chain."""
    gap = text[end:start]
    return len(gap) <= GAP and not any(ch.isdigit() or ch in ";:.()[]" for ch in gap) and len(gap.split()) <= 4


def _coordinated_change(cues: Cues, text: str, sent: Sentence, numbers: Sequence[NumberMatch], i: int,
                        tos: set[int]) -> Match | None:
    """"elevó de una a tres los fallecidos, y de 64 a 118 los desaparecidos", "stieg von 12 auf
    19, die der Verletzten von 40 auf 65": a pair coordinated with a change just before it, its
    verb left out, is a change too. Only right after the current figure of that change, with
    neither a figure nor the end of a clause between."""
    if i == 0 or i - 1 not in tos:
        return None
    before, nx = numbers[i - 1], numbers[i]
    gap = text[before.end:nx.start]
    if len(gap) > COORDINATED_GAP or any(ch.isdigit() or ch in ".;:()[]" for ch in gap):
        return None
    return _verb(cues, text, max(sent.start, before.start - VERB_REACH), before.start)


def _given_then_corrected(text: str, sent: Sentence, numbers: Sequence[NumberMatch], cues: Cues) -> list[Revision]:
    """"hatte bekannt gegeben, dass 93 Menschen ums Leben kamen, und korrigierte dies dann auf
    55", "had reported 93 dead, then corrected the figure to 55": a figure, then a verb of
    revision (never of mere change, nor upwards) and, a few words on, the figure that replaced
    it. Only two figures next to each other, the verb between them in the same sentence."""
    out: list[Revision] = []
    for i in range(len(numbers) - 1):
        nx, ny = numbers[i], numbers[i + 1]
        if ny.start - nx.end > VERB_REACH or not _ends_with(cues.revision_to, text, nx.end, ny.start):
            continue
        verb = next((m for m in cues.revision.finditer(text, nx.end, ny.start)
                     if not any(ch in ".;:()" for ch in text[nx.end:m.start])), None)
        if verb is None or len(text[verb.end:ny.start].split()) > CORRECTED_WORDS:
            continue  # "corrected the number of injured to 55": maybe another count
        if next(iter(cues.revision_up.finditer(text, nx.end, ny.end)), None) is not None:
            continue  # "nach oben korrigiert": a higher figure, an update
        rest = text[ny.end:sent.end].lstrip()
        if rest and rest[0] not in ".,;:)!?":
            continue  # "a révisé sa loi à 55 ans": the figure names something else than the count
        out.append(Revision(nx, ny, True))
    return out


def _not_as_stated(text: str, sent: Sentence, numbers: Sequence[NumberMatch], cues: Cues) -> list[Revision]:
    """"14 morts, et non 16 comme indiqué la veille", "14 dead, not 16 as stated": the figure
    after the negation is the one corrected, the figure right before it the current one. The
    negation alone is not enough ("14 dead, not 16 injured"): a word saying it was stated must
    follow the corrected figure."""
    out: list[Revision] = []
    for i in range(1, len(numbers)):
        nx, ny = numbers[i], numbers[i - 1]
        gap = text[ny.end:nx.start]
        if len(gap) > GAP or any(ch.isdigit() for ch in gap) or not _ends_with(cues.revision_not, text, ny.end, nx.start):
            continue
        stop = min(sent.end, nx.end + STATED_REACH, numbers[i + 1].start if i + 1 < len(numbers) else sent.end)
        if any(ch.isdigit() for ch in text[nx.end:stop]):
            continue
        if next(iter(cues.revision_stated.finditer(text, nx.end, stop)), None) is not None:
            out.append(Revision(nx, ny, True))
    return out


def _initially_then_revised(text: str, sent: Sentence, numbers: Sequence[NumberMatch], cues: Cues) -> list[Revision]:
    """"It was initially reported that 212 people had been rescued, but this was revised down to
    150", "zunächst war von 212 Geretteten die Rede, dann wurde auf 150 korrigiert": the first
    figure, after a word saying it came first, is replaced by the figure a verb of revision
    (never of mere change: "initially 12, it rose to 15" are two true counts) brings in."""
    numbers = _first_clause_pair(text, numbers)
    if len(numbers) != 2:
        return []  # more figures: which one was revised is not certain
    nx, ny = numbers
    if next(iter(cues.revision_earlier.finditer(text, sent.start, nx.start)), None) is None:
        return []
    if not _ends_with(cues.revision_to, text, nx.end, ny.start):
        return []
    before = next((m for m in cues.revision.finditer(text, max(nx.end, ny.start - VERB_REACH), ny.start)
                   if not any(ch in ".;" for ch in text[m.end:ny.start])), None)
    if before is None and not _ends_clause_with(cues.revision, text, ny.end, min(sent.end, ny.end + FINAL_VERB_REACH)):
        return []
    return [Revision(nx, ny, True)]


def _first_clause_pair(text: str, numbers: Sequence[NumberMatch]) -> Sequence[NumberMatch]:
    """"initialement porté à 64, a été rectifié à 61 : trois patients …": figures after a ";" or
    ":" that closes the clause of the first two belong to another statement, not to the revision."""
    if len(numbers) > 2 and any(ch in ";:" for ch in text[numbers[1].end:numbers[2].start]) \
            and not any(ch in ";:" for ch in text[numbers[0].end:numbers[1].start]):
        return numbers[:2]
    return numbers


def said_then_revised(text: str, sent: Sentence, numbers: Sequence[NumberMatch], cues: Cues) -> NumberMatch | None:
    """"Officials initially said 140 people were injured before later lowering the total",
    "Zunächst war von 140 Verletzten die Rede, später wurde die Zahl nach unten korrigiert":
    the one figure of the sentence, after a word saying it came first and before a verb of
    revision, was replaced by a figure the sentence does not give. Not a count corrected
    upwards, nor a mere change ("initially 12, it rose to 15")."""
    if len(numbers) != 1:
        return None  # two figures: a pair (find_revisions); more: which one was revised is not certain
    nm = numbers[0]
    if next(iter(cues.revision_earlier.finditer(text, sent.start, nm.start)), None) is None:
        return None
    if next(iter(cues.revision.finditer(text, nm.end, sent.end)), None) is None:
        return None
    if next(iter(cues.revision_up.finditer(text, sent.start, sent.end)), None) is not None:
        return None  # "revu à la hausse": a later figure is higher, an update
    return nm


def reported_before(text: str, sent: Sentence, numbers: Sequence[NumberMatch], cues: Cues, lang: str | None) -> int | None:
    """"Un peu plus tôt, les autorités faisaient état de 20 morts", "Earlier, officials had
    reported 20 dead", "Zuvor hatten die Behörden 20 Tote gemeldet": a sentence opened by a
    word of before that reports figures gives figures the article's own count has replaced.
    Where those figures end: the first break of the clause (";", ":"), a comma after the first
    of them, or a word of change or of today ("…, but the toll has since risen to 46"), whose
    figures are current. None without a verb of reporting: "Earlier
    this week, 20 people were killed" may be another event, and stays as it is."""
    opening = next((m for m in cues.revision_opening.finditer(text, sent.start, min(sent.end, sent.start + OPENING_REACH))
                    if _opens_clause(text, sent, m, numbers, lang)), None)
    if opening is None:
        return None
    first = next((n for n in numbers if n.start >= opening.end), None)
    if first is None:
        return None
    end = next((k for k in range(opening.end, sent.end) if text[k] in ";:" or (text[k] == "," and k >= first.end)), sent.end)
    for terms in (cues.change, cues.revision, cues.today):
        later = next(iter(terms.finditer(text, opening.end, end)), None)
        end = later.start if later is not None else end
    if attribution_patterns(lang).any_verb.search(text, opening.end, sent.end) is None \
            and cues.count_phrases.search(text, opening.end, first.start) is None:
        return None  # neither "faisaient état de" nor "le nombre de blessés atteignait"
    return end


def _dated_inside(text: str, sent: Sentence, claims: Sequence[Claim], before: int, cues: Cues) -> bool:
    """The word of before stands inside the sentence ("A day earlier the ministry had reported",
    "Tags zuvor hatte …") and the figures it covers are dated by their own clause: that word
    dates them, it does not say they were replaced."""
    opening = next(iter(cues.revision_opening.finditer(text, sent.start, min(sent.end, sent.start + OPENING_REACH))), None)
    if opening is None or not text[sent.start:opening.start].strip(" \t\n\"'«“„—–-"):
        return False
    return any(c.span[0] < before and c.time_source == "clause" for c in claims)


def _opens_clause(text: str, sent: Sentence, m: Match, numbers: Sequence[NumberMatch], lang: str | None) -> bool:
    """The word of before opens the sentence, or stands in its first clause before any figure
    ("Der Sheriff hatte zuvor 11 Todesfälle gemeldet", "The sheriff had earlier reported 11")."""
    head = text[sent.start:m.start]
    if not head.strip(" \t\n\"'«“„—–-"):
        return True
    if any(ch in ",;:()" for ch in head) or any(sent.start <= n.start < m.end for n in numbers):
        return False
    if text[m.end:m.end + 1] in ",;:":
        return False  # "A week earlier, on Sept. 8, …": a fronted time of its own, not a word inside the clause
    return attribution_patterns(lang).any_verb.search(head) is None  # not "officials said earlier that …"


def revised(
    doc: Document,
    sent: Sentence,
    numbers: Sequence[NumberMatch],
    claims: list[Claim],
    cues: Cues,
    claim_id: Callable[[str, tuple[int, int]], str],
) -> list[Claim]:
    """The sentence's claims with each earlier figure of a revision marked `superseded`, and
    the figure of a pair that named nothing given the other's scope. Pairs whose figures count
    different things are left as they were."""
    before = reported_before(doc.text, sent, numbers, cues, doc.language)
    if before is not None and _dated_inside(doc.text, sent, claims, before, cues):
        before = None  # "Tags zuvor hatte die Polizei 93 Tote gemeldet": a count of that day, as it is
    if before is not None:
        # replaced, but neither when nor in which direction: never the start of a revision
        return [replace(c, measure="superseded", time=None, time_source="none") if c.measure in REPORTED
                and c.span[0] < before else c for c in claims]
    pairs = find_revisions(doc.text, sent, numbers, cues)
    if not pairs:
        alone = said_then_revised(doc.text, sent, numbers, cues)
        return [replace(c, measure="superseded") if alone is not None and c.span[0] == alone.start
                and c.measure in COMPARED else c for c in claims]
    out = list(claims)
    dated: Claim | None = None  # the current figure of the change before, when its clause dates it
    for pair in pairs:
        cx = next((c for c in out if c.span[0] == pair.earlier.start), None)
        cy = next((c for c in out if c.span[0] == pair.later.start), None)
        if pair.earlier.unit != pair.later.unit:
            continue
        if cx is not None and cy is not None:
            cx, cy = _one_count(out, cx, cy)
            if (cx.category, cx.event, cx.actor, cx.unit) != (cy.category, cy.event, cy.actor, cy.unit) \
                    or cy.measure not in COMPARED or cx.measure not in COMPARED:
                continue  # "de 3 blessés à 5 morts": not one count
            if cx.span[1] > pair.later.start:
                # "from three to seven dead": the earlier figure's noun is the current one's
                cx = _trimmed(doc, out, cx, pair.earlier)
            out[out.index(cx)] = replace(cx, measure="superseded")
        elif cx is not None and cx.measure in COMPARED:
            cy = _like(doc, cx, pair.later, claim_id, cx.measure)
            out.append(cy)
            out[out.index(cx)] = replace(cx, measure="superseded")
        elif cy is not None and cy.measure in COMPARED:
            cx = _like(doc, cy, pair.earlier, claim_id, "superseded")
            out.append(cx)
        else:
            continue
        if cy.time_source != "clause":
            # "raised the toll on Tuesday from three to seven dead", "de 3 à 8 morts et de 40 à 72
            # blessés": the day of the change, or of the change it is coordinated with
            day = cx if cx.time_source == "clause" else dated if _coordinated(doc.text, dated, pair) else None
            if day is not None and day.time is not None:
                cy = _dated(out, cy, day)
        if cy.time_source == "clause":
            dated = cy
    return sorted(out, key=lambda c: c.span)


def _trimmed(doc: Document, out: list[Claim], claim: Claim, nm: NumberMatch) -> Claim:
    """`claim` quoting its own figure only."""
    new = replace(claim, span=(nm.start, nm.end), quote=doc.text[nm.start:nm.end])
    out[out.index(claim)] = new
    return new


def _dated(out: list[Claim], claim: Claim, day: Claim) -> Claim:
    """`claim` at the time its clause gives `day`."""
    new = replace(claim, time=day.time, time_source=day.time_source)
    out[out.index(claim)] = new
    return new


def _coordinated(text: str, dated: Claim | None, pair: Revision) -> bool:
    """"de 3 à 8 morts et de 40 à 72 blessés": this pair follows the current figure of a change,
    with neither a figure nor the end of a clause between."""
    if dated is None or dated.span[1] > pair.earlier.start:
        return False
    gap = text[dated.span[1]:pair.earlier.start]
    return len(gap) <= COORDINATED_GAP and not any(ch.isdigit() or ch in ".;:()[]" for ch in gap)


def _one_count(out: list[Claim], cx: Claim, cy: Claim) -> tuple[Claim, Claim]:
    """The two figures of a pair count one thing. "de 64 a 118 los desaparecidos": the earlier
    figure has no noun of its own (it borrowed the clause before's), so it counts what the noun
    after the current one names. "the number of injured rose from 40 to 65 people": the current
    figure's noun names no event, the count phrase before the pair does."""
    if cx.noun_source != "noun" and cy.noun_source == "noun" and (cx.category, cx.event) != (cy.category, cy.event) \
            and not (cy.event is None and cx.category == cy.category):
        new = _counting(cx, cy)
        out[out.index(cx)] = new
        return new, cy
    if cx.noun_source != "noun" and cy.event is None and cx.event is not None and cx.category == cy.category \
            and cx.actor == cy.actor:
        new = _counting(cy, cx)
        out[out.index(cy)] = new
        return cx, new
    return cx, cy


def _counting(claim: Claim, model: Claim) -> Claim:
    """`claim` counting what `model` counts, at its own place and time."""
    return replace(claim, category=model.category, event=model.event, actor=model.actor, noun_source=model.noun_source,
                   cumulative=model.cumulative, measure=claim.measure if claim.measure in COMPARED else model.measure,
                   part_of=None, share_of=None)


def _like(doc: Document, model: Claim, nm: NumberMatch, claim_id: Callable[[str, tuple[int, int]], str],
          measure: str) -> Claim:
    """The other figure of a pair, counting what `model` counts."""
    span = (nm.start, nm.end)
    return replace(model, id=claim_id(doc.id, span), span=span, quote=doc.text[nm.start:nm.end],
                   line=doc.line_of(nm.start), value=nm.value, qualifier=nm.qualifier, measure=measure,
                   part_of=None, share_of=None)


def _ends_with(terms: Terms, text: str, lo: int, pos: int) -> bool:
    """A word of `terms` right before pos (spaces aside)."""
    head = text[max(lo, pos - 12):pos]
    stripped = head.rstrip()
    if not stripped or len(stripped) == len(head) and not stripped.endswith(("'", "’")):
        return False  # "de88": not a word before the figure, except an elided "d'"
    base = pos - len(head)
    return any(m.end == base + len(stripped) for m in terms.finditer(text, base, base + len(stripped)))


def _joined(text: str, end: int, start: int) -> bool:
    """Only a noun and the preposition between two figures: "88 morts à", "88 to"."""
    gap = text[end:start]
    return len(gap) <= GAP and not any(ch.isdigit() or ch in _BREAKS for ch in gap) and len(gap.split()) <= 4


def _verb(cues: Cues, text: str, lo: int, hi: int) -> Match | None:
    """The last verb of revision or change in text[lo:hi], not behind a clause break (a comma
    may open the pair itself: "a revu son bilan à la baisse, de 115 à 97 morts")."""
    found: Match | None = None
    head = text[lo:hi].rstrip()
    opened = head.rsplit(None, 1)[0].rstrip() if len(head.split()) > 1 else head
    comma = lo + len(opened) - 1 if opened.endswith(",") else -1
    for terms in (cues.revision, cues.change):
        for m in terms.finditer(text, lo, hi):
            if any(ch in _BREAKS for k, ch in enumerate(text[m.end:hi], m.end) if k != comma):
                continue
            if found is None or m.start > found.start:
                found = m
    return found


def _final_verb(cues: Cues, text: str, lo: int, hi: int) -> Match | None:
    """A verb of revision or change closing the clause after the pair ("auf 97 gestiegen")."""
    for terms in (cues.revision, cues.change):
        for m in terms.finditer(text, lo, hi):
            if not any(ch in _BREAKS for ch in text[lo:m.start]):
                return m
    return None


def _ends_clause_with(terms: Terms, text: str, lo: int, hi: int) -> bool:
    """A word of `terms` after a figure and before the clause ends ("61 korrigiert -")."""
    for m in terms.finditer(text, lo, hi):
        return not any(ch in _BREAKS for ch in text[lo:m.start])
    return False


TOTAL_REACH = 160  # characters from a figure to the new total its clause brings ("…, raising the death toll to 58")


def added_to_total(text: str, sent: Sentence, numbers: Sequence[NumberMatch], nm: NumberMatch,
                   cues: Cues) -> tuple[int, int] | None:
    """"The bodies of the last two miners were found, raising the death toll to 58", "deux corps
    retrouvés, portant le bilan à 58", "…, womit die Zahl der Toten auf 58 stieg", "…, elevando
    la cifra a 58": the figure is what was added, the sentence gives the count it brought. A verb
    of change after a comma, then "to" and the next figure; never a "from 40 to 58" pair. Gives
    the words of that clause, where the caller checks they name the same count."""
    if any(n.end <= nm.start for n in numbers):
        return None  # "5 000 soldats qui s'ajoutent aux 2 500 déjà déployés, portant le total à 7 500": a breakdown
    later = next((n for n in numbers if n.start >= nm.end), None)
    if later is None or later.start - nm.end > TOTAL_REACH or _ends_with(cues.revision_from, text, sent.start, nm.start):
        return None
    if not _ends_with(cues.revision_to, text, nm.end, later.start):
        return None
    comma = text.find(",", nm.end, later.start)
    if comma < 0 or any(ch in ";:()[]" for ch in text[nm.end:later.start]):
        return None  # "rose to 58": one clause, the figure is not an increment
    for terms in (cues.change, cues.revision_up):
        if any(m.start > comma for m in terms.finditer(text, comma, later.start)):
            return comma, later.start
    if _final_verb(cues, text, later.end, min(sent.end, later.end + FINAL_VERB_REACH)) is None:
        return None
    return comma, later.start
