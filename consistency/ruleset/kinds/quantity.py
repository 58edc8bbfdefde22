"""Figures that disagree: contradictions, disputes between named sources, and updates.

The three kinds look at the same pairs and must not report one pair twice. The more
specific kinds (update, attribution-dispute) preempt quantity-contradiction: a pair
that a loaded update or attribution-dispute rule accounts for is reported there only.
"""

from __future__ import annotations

import bisect
import datetime as dt
import heapq
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass, fields
from dataclasses import replace as dt_replace
from functools import lru_cache

from pydantic import Field

from consistency.extract.cues import cues_for
from consistency.extract.lexicon import people_without_event
from consistency.model import Claim, Interval, Topic
from consistency.ruleset.engine import Draft, Evaluation, Rule, where
from consistency.ruleset.kind import Kind
from consistency.ruleset.kinds.common import (
    ToleranceOptions,
    claims_meet,
    comparable_quantities,
    compared,
    exact,
    in_reading_order,
    interval,
    one_voice,
    periods_allow,
    place_relation,
    tolerance_words,
    widened,
)
from consistency.ruleset.places import ASSUMED_PLACE_RATIO, ASSUMED_PLACES, PlaceKey, place_key
from consistency.ruleset.schema import Severity
from consistency.ruleset.statements import Statement, merge
from consistency.ruleset.values import (
    add,
    figures_meet,
    format_span,
    format_value,
    is_weak,
    milder,
    shared_time,
)

# --- quantity-contradiction ---------------------------------------------------------------


class ContradictionOptions(ToleranceOptions):
    vague_severity: Severity = Field(
        Severity.WARNING, description="severity when either figure is vague or one-sided (more than, up to, …)"
    )
    reconcile_with_increments: bool = Field(
        True, description="look for a reported addition that explains the gap, and say so"
    )
    reconciled_severity: Severity = Field(Severity.WARNING, description="severity when a reported addition explains the gap")
    stated_revision_severity: Severity = Field(
        Severity.WARNING,
        description="severity of a revision the text itself states (\"revised down from 88 to 61\"): known, "
        "but every article still giving the earlier figure is out of date",
    )


def _contradictions(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """One finding per pair of distinct statements of the same scope whose figures do not
    meet at the same time, and per downward revision of a running count. Every pair is
    judged on its own two figures, so a figure in between never hides a conflict."""
    options = rule.options
    assert isinstance(options, ContradictionOptions)
    disputes = [r for r in env.ruleset.rules if r.kind == "attribution-dispute"]

    accepted: dict[tuple[int, str], bool] = {}  # a statement is in many verdicts: its claim is tested once

    def accepts(k: int, claim: Claim) -> bool:
        found = accepted.get((k, claim.id))
        if found is None:
            found = accepted[k, claim.id] = disputes[k].accepts(claim)
        return found

    def disputed(v: Verdict) -> bool:
        """Two named sources that a loaded dispute rule reports instead."""
        return v.between_sources and any(
            accepts(k, v.first.claim) and accepts(k, v.second.claim) and r.pair_ok(v.first, v.second, env.places)
            for k, r in enumerate(disputes)
        )

    found = verdicts(rule, topic, env, options)
    # One finding per fall from one agreeing group to another, not per pair of articles: a
    # series repeated by hundreds of outlets would otherwise make findings grow with its square.
    revisions = [v for v in found if v.kind == "revision"]
    for earlier, later in _sides_of(revisions, rule, env, options, directed=True):
        yield _revision(rule, options, Verdict("revision", earlier, later), env)
    sourced = _sourced_apart(rule, topic, env, options)
    conflicts = [v for v in found if v.kind == "conflict" and not disputed(v) and not sourced(v)]
    for lower, upper in _sides_of(conflicts, rule, env, options):
        a, b = in_reading_order(lower, upper)
        yield _contradiction(rule, options, a, b, env)


def _sourced_apart(rule: Rule, topic: Topic, env: Evaluation, options: ToleranceOptions) -> Callable[[Verdict], bool]:
    """Whether an article of the topic gives both figures of a conflict, each with its own named
    source ("7.5 according to the USGS and 7.6 according to the national agency"): both values
    are right for their sources, so the same figures given without one in other articles are
    those sources' figures, set apart by the dispute rule, never a contradiction. Two outlets'
    figures that no article sets side by side with their sources still contradict each other."""
    by_doc: dict[str, list[Claim]] = {}
    for c in env.claims_of(topic, rule):
        if c.kind == "quantity" and c.attributed_to and compared(c):
            by_doc.setdefault(c.document, []).append(c)
    pairs = [(x, y) for found in by_doc.values() for x in found for y in found
             if x.attributed_to != y.attributed_to and _scope_key(x) is not None and _scope_key(x) == _scope_key(y)
             and not claims_meet(x, y, options)]

    def sourced(v: Verdict) -> bool:
        a, b = v.first.claim, v.second.claim
        if a.attributed_to and b.attributed_to:
            return False  # two named sources: the dispute rule's, or a contradiction
        return any(_scope_key(x) == _scope_key(a) == _scope_key(b) and claims_meet(x, a, options)
                   and claims_meet(y, b, options) and not claims_meet(x, b, options) for x, y in pairs)

    return sourced


def _sides_of(
    conflicts: list[Verdict], rule: Rule, env: Evaluation, options: ToleranceOptions, *, directed: bool = False
) -> list[tuple[Statement, Statement]]:
    """Conflicting pairs gathered into one finding per pair of agreeing groups: many articles
    repeating 11 000 against many repeating 14 000 make one finding. A group is a set of
    statements that agree pairwise (never a chain), so every member of one side conflicts
    with some member of the other. Sides are (lower, upper), or with `directed` (first,
    second) as each verdict orders them (earlier, later)."""
    members = sorted({id(s): s for v in conflicts for s in (v.first, v.second)}.values(), key=lambda s: s.order)
    facts = {id(s): (_bounds(s.claim, options), s.claim.location or "", s.documents) for s in members}
    cliques: list[list[Statement]] = []
    # Each clique's highest low bound, lowest high bound and places: figures meet every member
    # exactly when they meet these bounds (intervals), so only a clique of several places
    # reads its members one by one. A figure without bounds (NaN) meets nothing.
    spans: list[tuple[float, float, set[str]]] = []
    for statement in members:
        mine = facts[id(statement)]
        (low, high), place = mine[0], mine[1]
        for k, clique in enumerate(cliques):
            top, bottom, places = spans[k]
            if not (low <= bottom and top <= high):
                continue
            if (len(places) == 1 and place in places) or all(_facts_agree(mine, facts[id(o)]) for o in clique):
                clique.append(statement)
                spans[k] = (max(top, low), min(bottom, high), places | {place})
                break
        else:
            cliques.append([statement])
            spans.append((low, high, {place}) if not (math.isnan(low) or math.isnan(high)) else (math.nan, math.nan, {place}))
    where = {id(s): i for i, clique in enumerate(cliques) for s in clique}
    pairs: dict[tuple[int, int], tuple[set[int], set[int]]] = {}
    for v in conflicts:
        i, j = where[id(v.first)], where[id(v.second)]
        lo, hi = (i, j) if directed or _lowest(cliques[i][0].claim) <= _lowest(cliques[j][0].claim) else (j, i)
        first, second = (v.first, v.second) if lo == i else (v.second, v.first)
        side = pairs.setdefault((lo, hi), (set(), set()))
        side[0].add(id(first))
        side[1].add(id(second))
    out = []
    for (lo, hi), (ids_lo, ids_hi) in sorted(pairs.items()):
        low_side = [s for s in cliques[lo] if id(s) in ids_lo]
        high_side = [s for s in cliques[hi] if id(s) in ids_hi]
        out.append((merge(low_side), merge(high_side)))
    return out


def _facts_agree(a: tuple[tuple[float, float], str, frozenset[str]], b: tuple[tuple[float, float], str, frozenset[str]]
                 ) -> bool:
    """Two statements that may stand on one side: their figures meet, at one place (or they are
    one article's heading and body). Read from what `_sides_of` computes once per statement:
    widened bounds, place, documents."""
    (low_a, high_a), (low_b, high_b) = a[0], b[0]
    if not (low_a <= high_b and low_b <= high_a):
        return False
    return a[1] == b[1] or a[2] == b[2]


@dataclass(frozen=True)
class Verdict:
    """How two statements of one scope relate: "conflict" (same time, figures apart),
    "update" (a running count rose later), "revision" (a running count fell later, or a
    text says a figure replaced a larger one: "revised down from 88 to 61"), "apart" (two named
    sources an article sets side by side give different counts that may still meet, a floor
    below the other figure, or of which one has no day of its own: a dispute, never a
    contradiction)."""

    kind: str
    first: Statement  # the earlier (or lower) statement
    second: Statement
    between_sources: bool = False  # two different named sources disagree


def verdicts(rule: Rule, topic: Topic, env: Evaluation, options: ToleranceOptions) -> list[Verdict]:
    """Every pair of distinct figures of the topic, judged (see Verdict). Statements that say
    the same thing in many documents are judged once, with the others standing behind them.

    Rules whose conditions and judging options are the same (quantity-contradiction and
    update, by default) share one judgement of the topic instead of each redoing it."""
    key = ("verdicts", topic.key, topic.id, repr(rule.when), _judging(options))
    found = env.memo.get(key)
    if found is None:
        found = env.memo[key] = _verdicts(rule, topic, env, options)
    return list(found)


def _judging(options: ToleranceOptions) -> tuple[object, ...]:
    """Every option `_judge` reads: two rules with equal tuples judge every pair alike."""
    growing = options.growing_events if isinstance(options, UpdateOptions) else GROWING_EVENTS
    return (options.relative_tolerance, options.absolute_tolerance, options.tolerance, options.widen_approximate,
            options.projection_tolerance, options.provisional_events, options.accumulating_events, tuple(growing),
            options.one_voice)


def _reps(rule: Rule, topic: Topic, env: Evaluation) -> list[Statement]:
    """The rule's statements of the topic, those saying the same thing merged, in order."""
    claims = [c for c in env.claims_of(topic, rule) if c.kind == "quantity" and compared(c)]
    groups: dict[tuple[object, ...], list[Statement]] = {}
    for statement in env.statements(claims):
        groups.setdefault(_signature(statement), []).append(statement)
    return sorted((merge(g) for g in groups.values()), key=lambda s: s.order)


def _content(statement: Statement) -> tuple[object, ...]:
    """What a statement is made of (its claims, voice and the statements it stands for): two
    statements with equal contents are judged alike."""
    return (tuple(c.id for c in statement.claims), statement.origin, tuple(_content(o) for o in statement.others))


def _verdicts(rule: Rule, topic: Topic, env: Evaluation, options: ToleranceOptions) -> list[Verdict]:
    reps = _reps(rule, topic, env)
    # A rule whose claim conditions only narrow another's (attribution-dispute leaves out
    # vague figures) and that judges pairs alike (same pair conditions and judging options)
    # reads that rule's judgement of its own statements instead of judging them again: every
    # verdict depends only on the two statements, the pair conditions and the options.
    shared = ("pair-verdicts", topic.key, topic.id, rule.when.pair, _judging(options))
    stored = env.memo.get(shared)
    if stored is None:
        wider = [r for r in env.ruleset.rules if r.kind in _JUDGING_KINDS and r.when.pair == rule.when.pair
                 and isinstance(r.options, ToleranceOptions) and _judging(r.options) == _judging(options)]
        base = max(wider, key=lambda r: len(env.claims_of(topic, r)), default=rule)
        base_reps = reps if base is rule else _reps(base, topic, env)
        judged, found = _pair_verdicts(base, base_reps, env, options)
        stored = env.memo[shared] = (base_reps, {_content(r): r for r in base_reps}, judged)
        if base is rule:
            return [*found, *_stated_revisions(rule, topic, env, options, reps)]
    base_reps, by_content, judged = stored
    # The wider rule's statements where they are the same, so that its verdicts apply to them.
    reps = [by_content.get(_content(r), r) for r in reps]
    out = _pair_verdicts(rule, reps, env, options, judged)[1]
    out.extend(_stated_revisions(rule, topic, env, options, reps))
    return out


_JUDGING_KINDS = frozenset({"quantity-contradiction", "attribution-dispute", "update"})


def _pair_verdicts(rule: Rule, reps: list[Statement], env: Evaluation, options: ToleranceOptions,
                   judged: _Judged | None = None) -> tuple[_Judged, list[Verdict]]:
    """The verdicts of the pairs of `reps`, in pair order, and the same as a `_Judged`. A pair of
    two statements a wider rule has judged (`judged`) is not judged again."""
    # Only statements of one scope can be judged (same_scope: same category, event, actor and
    # unit, at places that are the same or nested): pair each with the later statements of
    # its scope at a related place whose figure it does not meet, in the order of before.
    # Figures of times that do not meet, unless both are running counts, are never judged:
    # `_judge` finds nothing in them, and they were half the pairs of a large story.
    growing = [_is_growing(r.claim, options) for r in reps]
    moments = [_moment_of(r.claim, env, False) for r in reps]
    known, before = judged if judged is not None else (frozenset(), {})
    by_ids: dict[tuple[int, int], Verdict] = {}
    out: list[Verdict] = []
    # Statements of one judging class give the same verdicts against the statements of another
    # (sharing no document, and one voice or two alike): each pair of classes is judged once,
    # so two camps of many outlets cost one judgement, not one per pair of outlets.
    classes: list[object] = []
    by_classes: dict[tuple[object, object, bool], tuple[Verdict | None, Statement]] = {}
    for i, j in _scope_pairs(reps, env, options):
        if not (growing[i] and growing[j]):
            (low_i, high_i), (low_j, high_j) = moments[i], moments[j]
            if not (low_i <= high_j and low_j <= high_i):
                continue
        a, b = reps[i], reps[j]
        if id(a) in known and id(b) in known:
            verdict = before.get((id(a), id(b)))
        elif a.documents & b.documents:
            verdict = _judge(rule, a, b, env, options)  # one document's statements: judged on their own
        else:
            if not classes:
                classes = [_judging_class(r, env, options, rule) for r in reps]
            pair = (classes[i], classes[j], a.origin.key == b.origin.key)
            seen = by_classes.get(pair)
            if seen is None:
                verdict = _judge(rule, a, b, env, options)
                by_classes[pair] = (verdict, a)
            else:
                verdict = _as_verdict_of(seen[0], seen[1], a, b)
        if verdict is not None:
            by_ids[id(a), id(b)] = verdict
            out.append(verdict)
    return (frozenset(id(r) for r in reps), by_ids), out


def _judging_class(statement: Statement, env: Evaluation, options: ToleranceOptions, rule: Rule) -> object:
    """What `_judge` and pair conditions read of a statement, besides its documents (a pair
    sharing one is judged on its own) and its voice (whether two are the same is part of the
    pair's key, a named one is part of the claim): statements of equal classes are judged
    alike. Everything of the claim but where it was read; its article's date and its
    documents' hours only where they are read (a count "since" a day, up to its article's
    date; two bulletins of one day ordered by their hours). Its time only where it is read
    beyond the times meeting, which pairs are judged only when they do (`_pair_verdicts`): a
    running count, a provisional or accumulating event, a rule asking for time_overlap. A
    figure without bounds (NaN) is never equal to itself, so it stays in a class of its own.
    Whatever `_judge` comes to read of a statement must be read here too (words of lowering, `_lowered`, included)
    (`test_rule_work_classes.py` compares with judging every pair)."""
    claim = statement.claim
    time = claim.time
    growing = _is_growing(claim, options)
    provisional = (claim.event or "") in options.provisional_events
    timed = growing or provisional or claim.event in options.accumulating_events or "time_overlap" in rule.when.pair
    facts = tuple(getattr(claim, name) if timed or name != "time" else time is None for name in _JUDGED_FIELDS)
    published = env.published(claim) if time is not None and time.kind == "since" and time.high is None else None
    clocks = frozenset(_document_clock(env, d) for d in statement.documents) if growing or provisional else None
    key = (facts, claim.attribution_quote is not None, published, clocks, statement.time if timed else None,
           statement.origin.named, _lowered(claim, env) if growing else None,
           _published_days(statement, env) if claim.measure == "running" else None)
    try:
        hash(key)
    except TypeError:
        return statement  # unhashable: a class of its own
    return key if key == key else statement


def _document_clock(env: Evaluation, doc_id: str) -> tuple[object, ...]:
    """The dates and minutes of a document that `_clock` reads."""
    doc = env.document(doc_id)
    if doc is None:
        return (None,)
    return (doc.published, doc.published_minute, doc.updated, doc.updated_minute)


# Every field of a claim but where it was read (id, document, span, quote, line, sentence) and the
# words that named its source (only whether there are any is read).
_JUDGED_FIELDS = tuple(f.name for f in fields(Claim)
                       if f.name not in {"id", "document", "span", "quote", "line", "sentence", "attribution_quote"})


def _as_verdict_of(verdict: Verdict | None, first: Statement, a: Statement, b: Statement) -> Verdict | None:
    """The verdict judged on a pair of the classes of (a, b), whose first statement was
    `first` (the one of a's class), set on a and b: the same kind, in the same order."""
    if verdict is None:
        return None
    if verdict.first is first:
        return Verdict(verdict.kind, a, b, verdict.between_sources)
    return Verdict(verdict.kind, b, a, verdict.between_sources)


# The statements judged (by id) and the verdicts of their pairs that found something (by the
# ids of the two statements, in pair order): every other pair of them was judged to say nothing.
_Judged = tuple[frozenset[int], dict[tuple[int, int], "Verdict"]]


def _stated_revisions(rule: Rule, topic: Topic, env: Evaluation, options: ToleranceOptions, reps: list[Statement]
                      ) -> list[Verdict]:
    """"Le bilan a été révisé de 88 à 61 morts": the text gives the figure it replaces
    (measure `superseded`, see extract/revisions.py). A fall of a toll is a revision from it to
    the current figure of its sentence; a rise says nothing more than the current figure."""
    superseded = [c for c in env.claims_of(topic, rule) if c.kind == "quantity" and c.measure == "superseded"]
    if not superseded:
        return []  # most topics
    rep_of = {c.id: r for r in reps for m in r.members for c in m.claims}
    growing = _growing(tuple(options.growing_events if isinstance(options, UpdateOptions) else GROWING_EVENTS))
    out = []
    for old in superseded:
        key = _scope_key(old)
        current = [r.claim for r in reps if r.claim.document == old.document and r.claim.sentence == old.sentence
                   and r.claim.measure == "running" and _scope_key(r.claim) == key]
        if key is None:
            continue
        if not current:
            if any(c.id != old.id and c.document == old.document and c.sentence == old.sentence
                   for c in env.claims_of(topic, rule)):
                continue  # the pair's current figure is of a count that may go down: a change
            if old.time is None and old.time_source == "none":
                continue  # "Earlier, officials had reported 20 dead": replaced, but neither when nor which way
            # "Officials initially said 140 were injured before later lowering the total": the
            # figure that replaced it is the first lower one given after it.
            replacing = _lowered_to(old, key, reps, env, options)
            if replacing is None:
                continue
            new = replacing
        else:
            new = min(current, key=lambda c: abs(c.span[0] - old.span[0]))
            if (old.event or "") not in growing and not new.cumulative:
                continue  # "fell from 12 to 10" of a count that may go down: a change, not a correction
        later = rep_of.get(new.id)
        if later is None or _lowest(new) >= _lowest(old) or claims_meet(old, new, options):
            continue  # a rise ("passé de 40 à 92"), or the same figure
        earlier = env.statements([old])[0]
        own = [Verdict("revision", earlier, later)] if env.pair_ok(rule, earlier, later) else []
        # Other articles that give the replaced figure stand on its side: before the revision
        # they were right, after it they are out of date; either way a checker must see them.
        # Without them, an article that states its own revision ("lowered from 61 to 38")
        # leaves nothing to find: the withdrawn figure is never set against its replacement.
        standing = _standing_by(old, new, later, key, reps, env, options, rule)
        if standing or not later.documents <= {old.document}:
            out.extend([*own, *standing])
    return out


def _standing_by(old: Claim, new: Claim, later: Statement, key: tuple[object, ...], reps: list[Statement],
                 env: Evaluation, options: ToleranceOptions, rule: Rule) -> list[Verdict]:
    """The revisions from other articles' statements that still give the replaced figure to
    its replacement: they stand on the withdrawn figure's side."""
    out = []
    end = _moment(new, env)[1]
    for other in reps:
        if other.documents & later.documents or other.claim.measure != new.measure or _scope_key(other.claim) != key:
            continue
        if not claims_meet(other.claim, old, options) or claims_meet(other.claim, new, options):
            continue
        if abs(_moment(other.claim, env)[1] - end) > SERIES_DAYS * 1440:
            continue
        if comparable_quantities(other.claim, new, env, options) and env.pair_ok(rule, other, later) \
                and place_relation(other.claim, new, env) == "same":
            out.append(Verdict("revision", other, later))
    return out


def _lowered_to(old: Claim, key: tuple[object, ...], reps: list[Statement], env: Evaluation,
                options: ToleranceOptions) -> Claim | None:
    """The figure a lowering the text states without its new value brought in: of the same
    count and place, lower, given at or after the replaced figure's time (within a series),
    the first such. None when nothing lower came after: the text does not say by how much."""
    start = _moment(old, env)[0]
    found = [r.claim for r in reps if r.claim.measure in ("running", "total") and _scope_key(r.claim) == key
             and _lowest(r.claim) < _lowest(old) and not claims_meet(old, r.claim, options)
             and start <= _moment(r.claim, env)[0] <= start + SERIES_DAYS * 1440
             # compared as the count it was, not as a withdrawn figure
             and comparable_quantities(dt_replace(old, measure=r.claim.measure), r.claim, env, options)
             and place_relation(old, r.claim, env) == "same"]
    return min(found, key=lambda c: (_moment(c, env)[1], c.document, c.span[0]), default=None)


def _scope_key(claim: Claim) -> tuple[object, ...] | None:
    """What same_scope requires two claims to share, places aside; None: comparable with nothing.
    People whose noun names no event ("250 passengers", "300 residents") and whose sentence
    names none either are of no known event: "250 brought to safety" and "350 on board" are
    two counts, and which is which cannot be told, so neither is set against another figure.
    Those the sentence puts aboard ("600 people were on board", "a bus with 48 passengers")
    are one known count."""
    if not isinstance(claim.value, Interval) or not claim.category:
        return None
    if not claim.event and claim.noun_source != "noun_aboard" and claim.category in people_without_event():
        return None
    return (claim.unit, claim.category, claim.event or "", claim.actor or "")


def _scope_pairs(reps: list[Statement], env: Evaluation, options: ToleranceOptions | None = None
                 ) -> Iterator[tuple[int, int]]:
    """(i, j), i < j, in increasing order: the pairs of statements that same_scope may accept,
    and with `options` only those whose widened figures do not meet (`_judge` finds nothing
    in figures that meet: they neither conflict nor update each other).

    Places are compared once per pair of distinct place keys (place_relation depends on
    nothing but the place and whether it is only the article's, `place_key`), and the
    figures of one scope and place are indexed by their bounds, so the work
    grows with the pairs that can be judged apart, not with the square of a topic.
    """
    by_scope: dict[tuple[object, ...], dict[PlaceKey, list[int]]] = {}
    for i, a in enumerate(reps):
        key = _scope_key(a.claim)
        if key is not None:
            by_scope.setdefault(key, {}).setdefault(place_key(a.claim), []).append(i)
    related: dict[PlaceKey, list[PlaceKey]] = {}
    rep_of: dict[PlaceKey, Claim] = {}
    for places in by_scope.values():
        for place, members in places.items():
            rep_of.setdefault(place, reps[members[0]].claim)
    for places in by_scope.values():
        for place in places:
            if place not in related:
                related[place] = [other for other in rep_of
                                  if place_relation(rep_of[place], rep_of[other], env) != "unknown"]
    bounds = [_bounds(r.claim, options) for r in reps] if options is not None else []
    indexes: dict[int, _ValueIndex] = {}
    estimates = [options is not None and _estimate_bound(r.claim, options) for r in reps]
    for i, a in enumerate(reps):
        key = _scope_key(a.claim)
        if key is None:
            continue
        places = by_scope[key]
        lists = [places[p] for p in related[place_key(a.claim)] if p in places]
        if options is None:
            later = [m[bisect.bisect_right(m, i):] for m in lists]
            for j in heapq.merge(*later):
                yield i, j
            continue
        found: set[int] = set()
        floor = bounds[i][1] == math.inf and _is_growing(a.claim, options)
        for m in lists:
            index = indexes.get(id(m))
            if index is None:
                index = indexes[id(m)] = _ValueIndex(m, bounds)
            found.update(j for j in index.apart(bounds[i]) if j > i)
            # A running toll given as a floor ("at least 11") meets every higher figure, but
            # may be followed by one on a later day (`_past_floor`): those pairs are judged too.
            found.update(j for j in (m if floor else index.floors) if j > i and _is_growing(reps[j].claim, options))
            # A bound given for a total ("bis zu 30.000") meets every figure on its side, but two
            # sources' estimates may still be far apart (`_bounded_estimates_apart`): judged too.
            if estimates[i]:
                found.update(j for j in m if j > i)
            else:
                found.update(j for j in index.open if j > i and estimates[j])
        for j in sorted(found):
            yield i, j


def _bounds(claim: Claim, options: ToleranceOptions) -> tuple[float, float]:
    """The widened figure as numbers, open ends infinite: what claims_meet compares."""
    wide = widened(claim, options)
    return (-math.inf if wide.low is None else wide.low, math.inf if wide.high is None else wide.high)


class _ValueIndex:
    """Statements of one scope and place sorted by their widened bounds: those wholly above a
    figure are a suffix of one order, those wholly below a prefix of the other."""

    def __init__(self, members: list[int], bounds: list[tuple[float, float]]) -> None:
        plain = [i for i in members if not any(math.isnan(x) for x in bounds[i])]
        self.odd = [i for i in members if any(math.isnan(x) for x in bounds[i])]  # meets nothing: always apart
        self.by_low = sorted(plain, key=lambda i: bounds[i][0])
        self.lows = [bounds[i][0] for i in self.by_low]
        self.by_high = sorted(plain, key=lambda i: bounds[i][1])
        self.highs = [bounds[i][1] for i in self.by_high]
        self.members = members
        self.floors = [i for i in plain if bounds[i][1] == math.inf]  # "at least": open upwards
        self.open = [i for i in plain if math.inf in (-bounds[i][0], bounds[i][1])]  # "up to", "more than"

    def apart(self, bound: tuple[float, float]) -> Iterator[int]:
        low, high = bound
        if math.isnan(low) or math.isnan(high):
            yield from self.members
            return
        yield from self.by_low[bisect.bisect_right(self.lows, high):]
        yield from self.by_high[:bisect.bisect_left(self.highs, low)]
        yield from self.odd


def _signature(statement: Statement) -> tuple[object, ...]:
    c = statement.claim
    value = interval(c)
    when = _moment(c)  # the kind of moment, not the article's date, groups statements
    return (value.low, value.high, c.qualifier, c.location or "", statement.origin.key, c.measure, when)


def _moment(claim: Claim, env: Evaluation | None = None) -> tuple[float, float]:
    """The claim's time on one scale of minutes. A figure dated only by its article covers
    the whole day of the article (it may have been counted any time that day); a running
    count "since" a date is counted up to its end, else up to the article's date."""
    time = claim.time
    if time is None:
        return (-math.inf, math.inf)
    if claim.time_source == "as_of" or time.kind == "as_of":
        day = time.high or time.low
        if day is None:
            return (-math.inf, math.inf)
        return dt_replace(time, low=day, high=day, low_minute=None, high_minute=None).minutes()
    if time.kind == "until" and claim.measure == "running" and time.high is not None:
        # "bis zum Montag 2900 Todesopfer": a count up to Monday is the count as of Monday.
        return dt_replace(time, low=time.high, high=time.high, low_minute=None, high_minute=None).minutes()
    if time.kind == "since" and claim.measure == "running" and env is not None:
        end = time.high or env.published(claim)
        if end is not None:
            return dt_replace(time, low=end, high=end, low_minute=None, high_minute=None).minutes()
    return time.minutes()


SERIES_DAYS = 180  # running counts further apart than this are not one series
MOMENT_DAYS = 8  # a count "as of" a time: a day or a few, not a season or a year


def _past_floor(a: Claim, b: Claim, ta: tuple[float, float], tb: tuple[float, float]) -> bool:
    """"Mindestens 11 Tote" one day, "mindestens 19" (or "19") the next: the figures meet, since
    "at least 11" allows 19, but a toll given as a floor and given higher later is the count
    going on. Only for an earlier figure open upwards: "about 20" then "21" is no step."""
    earlier, later = (a, b) if ta[1] < tb[0] else (b, a)
    return interval(earlier).high is None and _lowest(later) > _lowest(earlier)


def _moment_like(span: tuple[float, float]) -> bool:
    return math.isfinite(span[1]) and (not math.isfinite(span[0]) or span[1] - span[0] <= MOMENT_DAYS * 1440)


def _single_day(span: tuple[float, float]) -> bool:
    return math.isfinite(span[0]) and math.isfinite(span[1]) and span[1] - span[0] < 1440


def _whole_day(claim: Claim) -> bool:
    return claim.time is None or claim.time_source == "as_of" or not claim.time.has_time_of_day


def _judge(rule: Rule, a: Statement, b: Statement, env: Evaluation, options: ToleranceOptions) -> Verdict | None:
    ca, cb = a.claim, b.claim
    named = a.origin.named and b.origin.named and a.origin.key != b.origin.key
    # One document against itself is a story told in steps, never a conflict; but two counts
    # it dates itself at different moments ("296 morts" in the night, "au moins 820" by noon)
    # show a toll that rose.
    steps = a.documents == b.documents and len(a.documents) == 1 and not named
    if steps and not (_dated_in_text(ca) and _dated_in_text(cb)):
        return None
    if not comparable_quantities(ca, cb, env, options) or not env.pair_ok(rule, a, b):
        return None
    if (_unresolved(ca) and b.origin.named) or (_unresolved(cb) and a.origin.named):
        return None  # "selon le ministère" against a named source: the same voice or another? unknown
    if (ca.time is None or cb.time is None) and not _undated_article(a, b, env):
        return None  # a figure whose time is unknown is not set against anything, vague or not
    growing = _is_growing(ca, options) and _is_growing(cb, options)
    ta, tb = _moment_of(ca, env, growing), _moment_of(cb, env, growing)
    (low_a, high_a), (low_b, high_b) = _bounds_of(ca, options, env), _bounds_of(cb, options, env)
    meet = low_a <= high_b and low_b <= high_a  # claims_meet, from bounds read once per claim
    overlap = ta[0] <= tb[1] and tb[0] <= ta[1]
    if not overlap:
        if not growing or (meet and not _past_floor(ca, cb, ta, tb)) or place_relation(ca, cb, env) != "same":
            return None  # counts of other times: only a running count says something over time
        if not (_moment_like(ta) and _moment_like(tb)) or abs(ta[1] - tb[1]) > SERIES_DAYS * 1440:
            return None  # a count for a whole year, or years apart: another event, not the next bulletin
        earlier, later = (a, b) if ta[1] < tb[0] else (b, a)
        if named and a.documents == b.documents and later.claim.time_source == "as_of" \
                and _dated_in_text(earlier.claim):
            # One article sets another voice's undated figure beside a dated one: not known to be
            # later. Right beside it and apart ("put the toll at 120. However, at least 190 died
            # according to unofficial records"), the two voices disagree on the same toll.
            if meet or not _side_by_side(ca, cb) or one_voice(a.origin.key, b.origin.key, options):
                return None
            lower, upper = (a, b) if _lowest(ca) <= _lowest(cb) else (b, a)
            return Verdict("apart", lower, upper, between_sources=True)
        if _lowest(later.claim) >= _lowest(earlier.claim):
            return Verdict("update", earlier, later)
        if steps or not (ca.cumulative and cb.cumulative):
            return None  # a smaller figure later, but not both said to be the running toll: maybe another period
        return Verdict("revision", earlier, later)
    if meet and named and not one_voice(a.origin.key, b.origin.key, options) and periods_allow(ca, cb, options) \
            and ((_growing_floor(ca, cb, options) and _floor_below(ca, cb, options) and _side_by_side(ca, cb))
                 or _bounded_estimates_apart(ca, cb, ta, tb, options)):
        # "at least 530 according to medical sources, while diplomats say 658": the floor allows
        # the higher figure; "8500 selon la police", "bis zu 30.000" according to the organisers:
        # a bound is its side's estimate of one crowd. The figures meet, the two voices disagree.
        lower, upper = (a, b) if _lowest(ca) <= _lowest(cb) else (b, a)
        return Verdict("apart", lower, upper, between_sources=True)
    if steps or meet or not periods_allow(ca, cb, options):
        return None  # agreeing, or a larger count for a longer period of an event that adds up
    if _within_running_count(ca, cb, env) or _within_running_count(cb, ca, env):
        return None  # "150 migrants on Tuesday" against "about 4,000 since the start of the year": a part of it
    if _counted_so_far(ca, cb, env) or _counted_so_far(cb, ca, env):
        return None  # "114 526 migrants en 2023" told in September: that year so far, not a rival of November's count
    if _assumed_place_apart(ca, cb):
        return None  # one figure placed only by its article, an order of magnitude off: likely another place
    provisional = (ca.event or "") in options.provisional_events and (cb.event or "") in options.provisional_events
    until = any(c.time is not None and c.time.kind == "until" for c in (ca, cb))  # "by the end of February": not a bulletin of the day
    if growing and _single_day(ta) and _single_day(tb) and not until and (fall := _stated_fall(a, b, env)) is not None:
        return fall  # "le bilan a été ramené à 27 morts" after the 31 of that day: a revision
    if _single_day(ta) and _single_day(tb) and (_whole_day(ca) or _whole_day(cb)) and (growing or provisional) and not until:
        # Two tolls of one day, at least one without its hour: a later bulletin or a conflict?
        # Only two different named sources are known to disagree; one source's two tolls are
        # two bulletins, in the order of their hours or of their articles' publication times.
        if not named:
            return _bulletins(a, b, env) if growing else None
        if growing:
            # Two voices hours apart on a count that only grows ("21 arrests" at 08:40, "97"
            # near midnight): a higher later figure is the count going on, not a dispute.
            bulletin = _bulletins(a, b, env, any_source=True)
            if bulletin is not None and bulletin.kind == "update":
                return bulletin
            sometime = _sometime_that_day(a, b, env)
            if sometime is not None:
                return sometime[0]
            if not (ca.rebuts or cb.rebuts) and not one_voice(a.origin.key, b.origin.key, options) \
                    and _higher_told_later(a, b, env):
                return None  # two voices' tolls of one day, the higher only in later articles: it grew meanwhile
    if growing and _single_day(ta) and _single_day(tb) and (_part_of_day(ca) or _part_of_day(cb)) and not until:
        return None  # "au matin, presque 60" and "45 à 9h30": which came first is not said
    if not named and not until and _single_day(ta) and _single_day(tb) and _told_next_day_higher(a, b, ta, env):
        return None  # "deux immeubles" that morning, "trois" in the next day's account of it: the day went on
    if _stamped_against_the_day(ca, cb, ta, tb):
        return None  # "à 15 heures, 25 000", "last night around 600" and the day's count: the day went on
    lower, upper = (a, b) if _lowest(ca) <= _lowest(cb) else (b, a)
    # Sources that publish one count between them (`one_voice`) contradict the record when
    # they disagree; other named sources stage a dispute, each side reported with its source.
    return Verdict("conflict", lower, upper, between_sources=named and not one_voice(a.origin.key, b.origin.key, options))


SIDE_BY_SIDE_GAP = 1  # characters between two sentences of one paragraph (". "); a paragraph break is two


def _side_by_side(a: Claim, b: Claim) -> bool:
    """Two figures of one article in one sentence or in two that follow each other in one
    paragraph: the text sets them against each other. Farther apart, an undated figure may be
    a later count, or a count of something else the paragraph went on to."""
    if a.document != b.document:
        return False
    first, second = sorted((a.sentence, b.sentence))
    return first == second or 0 <= second[0] - first[1] <= SIDE_BY_SIDE_GAP


def _growing_floor(a: Claim, b: Claim, options: ToleranceOptions) -> bool:
    """One of the two is a running toll given as a floor ("at least 530 dead"): only such a
    floor is read side by side as a rival count; a total's bound is read as an estimate
    (`_bounded_estimates_apart`)."""
    return any(_is_growing(c, options) and interval(c).high is None for c in (a, b))


def _floor_below(a: Claim, b: Claim, options: ToleranceOptions) -> bool:
    """One figure is only a floor ("at least 530") whose bound stays below the other's lowest
    reading, beyond the tolerance: the figures meet, yet the two counts differ."""
    floor, other = (a, b) if _lowest(a) <= _lowest(b) else (b, a)
    low = interval(floor).low
    if low is None or interval(floor).high is not None or floor.qualifier == "vague" or other.qualifier == "vague":
        return False
    margin = max(options.absolute_tolerance, options.relative_tolerance * _lowest(other))
    return _lowest(other) - low > margin


def _stamped_against_the_day(ca: Claim, cb: Claim, ta: tuple[float, float], tb: tuple[float, float]) -> bool:
    """Two figures of one day, one stamped with its hour or a part of the day ("bis 10.00 Uhr",
    "last night", "el lunes por la mañana"), the other given for the whole day: nothing says
    they are counts of the same moment (people, boats, tractors arrive and leave all day), so
    a lower stamped figure says nothing against the day's, whatever is counted. Higher than
    the day's, it is still judged: a day's count cannot be below one of its own moments."""
    if not (_single_day(ta) and _single_day(tb)) or _whole_day(ca) == _whole_day(cb):
        return False
    stamped, day = (cb, ca) if _whole_day(ca) else (ca, cb)
    high = interval(stamped).high
    return high is not None and high < _lowest(day)


ONE_SIDED = frozenset({"up_to", "more_than", "at_least", "less_than"})
ESTIMATES_APART_RATIO = 2.0  # one side's estimate at least this many times the other's: far apart


def _bounded_estimates_apart(a: Claim, b: Claim, ta: tuple[float, float], tb: tuple[float, float],
                             options: ToleranceOptions) -> bool:
    """Two estimates of one total on one day, at least one given as a bound ("bis zu 30.000",
    "more than 8,500", "jusqu'à", "hasta"): a source's bound is its estimate, so read at their
    figures the two are far apart although the bound allows the other's. Never a count that
    adds up or grows over the day (a toll "at least 11" then "up to 40" is the count going on),
    never a vague figure, and only when each is dated on one day."""
    if not (_estimate_bound(a, options) or _estimate_bound(b, options)):
        return False
    if any(c.qualifier == "vague" or not _total(c, options) for c in (a, b)):
        return False
    if not (_single_day(ta) and _single_day(tb)):
        return False
    (low_a, high_a), (low_b, high_b) = _estimate(a), _estimate(b)
    return high_a * ESTIMATES_APART_RATIO <= low_b or high_b * ESTIMATES_APART_RATIO <= low_a


def _total(claim: Claim, options: ToleranceOptions) -> bool:
    """A total of one moment (a crowd, a fleet), not a count that adds up over time."""
    return claim.measure == "total" and (claim.event or "") not in options.accumulating_events


def _estimate_bound(claim: Claim, options: ToleranceOptions) -> bool:
    """A total given as a bound ("up to", "more than"): maybe a source's estimate."""
    return claim.qualifier in ONE_SIDED and _total(claim, options)


def _estimate(claim: Claim) -> tuple[float, float]:
    """The figure a source gives: a bound read at its value, any other figure as its interval."""
    value = interval(claim)
    point = value.low if value.low is not None else value.high
    low = value.low if value.low is not None and claim.qualifier not in ONE_SIDED else point
    high = value.high if value.high is not None and claim.qualifier not in ONE_SIDED else point
    return (math.nan, math.nan) if low is None or high is None else (low, high)


PART_OF_DAY_MINUTES = 120  # a time of day this wide ("in the morning") holds many bulletins


def _part_of_day(claim: Claim) -> bool:
    """A figure dated by a part of the day ("au matin", "am Abend"), not by its hour."""
    time = claim.time
    return time is not None and time.low_minute is not None and time.high_minute is not None \
        and time.high_minute - time.low_minute >= PART_OF_DAY_MINUTES


PUBLISHED_GAP_MINUTES = 60  # articles of one day this far apart give two bulletins, in that order


def _bulletins(a: Statement, b: Statement, env: Evaluation, any_source: bool = False) -> Verdict | None:
    """Two tolls of one day from one named source, in two articles: the later one (by the
    figure's own hour, else by its article's publication or update time) is the later
    bulletin, an update if higher, a revision if lower. Unordered, nothing is said."""
    if not (any_source or (a.origin.named and a.origin.key == b.origin.key)) or a.documents & b.documents:
        return None
    ka, kb = _clock(a, env), _clock(b, env)
    if ka is None or kb is None:
        return None
    if ka[1] + PUBLISHED_GAP_MINUTES <= kb[0]:
        earlier, later = a, b
    elif kb[1] + PUBLISHED_GAP_MINUTES <= ka[0]:
        earlier, later = b, a
    else:
        return None
    if _lowest(later.claim) >= _lowest(earlier.claim):
        return Verdict("update", earlier, later)
    if not (earlier.claim.cumulative and later.claim.cumulative):
        return None  # a smaller figure later, but not both said to be the running toll
    return Verdict("revision", earlier, later)


def _told_next_day_higher(a: Statement, b: Statement, day: tuple[float, float], env: Evaluation) -> bool:
    """Two running counts of one day (events.yaml says they only grow), no hour to order them:
    the higher one told only by articles of a later day, the lower only by articles of that
    day. The later account knows how the day ended ("deux immeubles" that morning, "trois" by
    the evening): not a conflict. Articles of one day are judged as before."""
    if a.claim.measure != "running" or b.claim.measure != "running":
        return False
    lower, upper = (a, b) if _lowest(a.claim) < _lowest(b.claim) else (b, a)
    that_day = _published_days(upper, env)
    told = _published_days(lower, env)
    if not that_day or not told:
        return False
    if not math.isfinite(day[0]):
        return False
    counted = dt.date.fromordinal(int(day[0] // 1440))
    return all(d is not None and d > counted for d in that_day) and all(d is not None and d <= counted for d in told)


def _higher_told_later(a: Statement, b: Statement, env: Evaluation) -> bool:
    """Two voices' tolls of one day with no hour to order them, the higher one only in articles
    that appeared after every article of the lower ("Some 205 killed" on the day, 245 in the
    next morning's paper): the toll went on rising, not a dispute between the voices."""
    lower, upper = (a, b) if _lowest(a.claim) < _lowest(b.claim) else (b, a)
    later, earlier = _published_days(upper, env), _published_days(lower, env)
    if not later or not earlier or None in later or None in earlier:
        return False
    return min(d for d in later if d is not None) > max(d for d in earlier if d is not None)


def _published_days(statement: Statement, env: Evaluation) -> frozenset[dt.date | None]:
    """The days the statement's articles appeared (their last update, else their publication)."""
    days: set[dt.date | None] = set()
    for doc_id in statement.documents:
        doc = env.document(doc_id)
        days.add(None if doc is None else doc.updated or doc.published)
    return frozenset(days)


LOWERED_REACH = 60  # characters before a figure where "ramené à", "revised down to", "nach unten korrigiert auf" may bring it


def _stated_fall(a: Statement, b: Statement, env: Evaluation) -> Verdict | None:
    """Two tolls of one day, the lower one brought by words of lowering in its own clause ("le
    bilan a été ramené à 27 morts", "the toll was revised down to 27", "auf 27 nach unten
    korrigiert", "rebajado a 27"): the text says it came after a higher figure, so the higher
    one of that day is the earlier, now withdrawn. A revision, whatever the hours say."""
    lower, upper = (a, b) if _lowest(a.claim) < _lowest(b.claim) else (b, a)
    if not _lowered(lower.claim, env) or _lowered(upper.claim, env):
        return None
    if not (lower.claim.cumulative or lower.claim.measure == "running") or upper.claim.measure != "running":
        return None
    return Verdict("revision", upper, lower)


def _lowered(claim: Claim, env: Evaluation) -> bool:
    """The words right before the figure, in its sentence, say it lowers the count (cues.yaml
    `revision`, not `revision_up`), with no other figure between."""
    doc = env.document(claim.document)
    if doc is None:
        return False
    key = ("lowered", claim.id)
    found = env.memo.get(key)
    if found is None:
        cues = cues_for(doc.language)
        start = max(claim.sentence[0], claim.span[0] - LOWERED_REACH)
        words = [m for m in cues.revision.finditer(doc.text, start, claim.span[0])
                 if not any(ch.isdigit() for ch in doc.text[m.end:claim.span[0]])]
        up = cues.revision_up.search(doc.text, start, claim.span[0])
        found = env.memo[key] = bool(words) and up is None
    return bool(found)


EVENING_MINUTE = 18 * 60  # a toll given from 18:00 may be the day's last, as an undated page's may


def _sometime_that_day(a: Statement, b: Statement, env: Evaluation) -> tuple[Verdict | None] | None:
    """One toll given before the evening with its hour ("32 detenidos", 08:40) and one from a
    page dated without an hour ("155 detenidos", that day): the second was given sometime that
    day, not at the same moment. Higher, it is the later bulletin (an update); lower, it may
    be the earlier one, and nothing is said. None: the usual reading (both hours known or both
    unknown, or an evening toll); else the one verdict, maybe None."""
    if a.documents & b.documents:
        return None
    ka, kb = _clock(a, env), _clock(b, env)
    if (ka is None) == (kb is None):
        return None
    stamped, undated = (a, b) if ka is not None else (b, a)
    clock = ka if ka is not None else kb
    assert clock is not None
    if clock[1] >= EVENING_MINUTE:
        return None  # given in the evening: maybe the day's last toll, like the undated one
    if _lowest(undated.claim) < _lowest(stamped.claim):
        return (None,)
    return (Verdict("update", stamped, undated),)


def _clock(statement: Statement, env: Evaluation) -> tuple[int, int] | None:
    """Minutes of the day a toll was given: its own hour, else the last time its article was
    published or updated on the toll's day (every document of the statement, so that an
    agreeing repeat does not blur the order); None when unknown."""
    claim = statement.claim
    time = claim.time
    if time is not None and time.has_time_of_day and claim.time_source != "as_of" and time.low == time.high:
        return (time.low_minute or 0, 1439 if time.high_minute is None else time.high_minute)
    day = (time.high or time.low) if time is not None else None
    minutes = []
    for doc_id in statement.documents:
        doc = env.document(doc_id)
        if doc is None:
            return None
        last = max(((d, m) for d, m in ((doc.published, doc.published_minute), (doc.updated, doc.updated_minute))
                    if d is not None and m is not None), default=None)
        if last is None or (day is not None and last[0] != day):
            return None
        minutes.append(last[1])
    return (min(minutes), max(minutes)) if minutes else None


def _moment_of(claim: Claim, env: Evaluation, growing: bool) -> tuple[float, float]:
    """`_moment`, computed once per claim and run: a claim is judged against many others."""
    key = ("moment", claim.id, growing)
    found = env.memo.get(key)
    if found is None:
        found = env.memo[key] = _moment(claim, env) if growing else _moment(claim)
    return found


def _bounds_of(claim: Claim, options: ToleranceOptions, env: Evaluation) -> tuple[float, float]:
    """`_bounds`, computed once per claim and set of options in a run."""
    key = ("bounds", id(options), claim.id)
    found = env.memo.get(key)
    if found is None:
        found = env.memo[key] = _bounds(claim, options)
    return found


def _within_running_count(part: Claim, whole: Claim, env: Evaluation) -> bool:
    """A running count "since" a day adds up everything it counts up to its end (or its
    article's day): a figure of a shorter time inside that period, not itself a running
    count, is a part of it ("150 migrants on Tuesday", "about 4,000 since the start of the
    year"). Only a part larger than the whole is impossible."""
    span, told = whole.time, part.time
    if whole.measure != "running" or span is None or span.kind != "since" or span.low is None:
        return False
    if told is None or part.measure == "running" or part.cumulative:
        return False
    first, last = told.low or told.high, told.high or told.low
    end = span.high or env.published(whole)
    if first is None or last is None or end is None or not span.low <= first <= last <= end \
            or (first, last) == (span.low, end):
        return False
    top = interval(whole).high
    return top is None or _lowest(part) <= top


def _day_within_tally(day: Claim, tally: Statement) -> bool:
    """A count its text gives for one day ("cuatro agentes heridos este sábado"), not said to
    be a running total, set before a running total ("104 officers injured so far", in a title
    or its body): the day's count is a part of the tally, not the tally's earlier value."""
    told = day.time
    if told is None or day.cumulative or told.kind != "point" or told.low is None or told.low != told.high \
            or day.time_source not in ("clause", "context") or told.has_time_of_day:
        return False  # "plus de 4 000 blessés mercredi matin": a bulletin taken at an hour, not a day's count
    return any(_tally_of_days(c, told.low) for m in tally.members for c in m.claims)


def _tally_of_days(claim: Claim, day: dt.date) -> bool:
    """A running total ("so far", "au total", "depuis") or a count since a day before `day`,
    counted up to a later day: the same day's later toll of a disaster is the next bulletin."""
    span = claim.time
    if span is None or span.high is None or span.high <= day:
        return False
    return claim.cumulative or (span.kind == "since" and span.low is not None and span.low < day)


def _counted_so_far(claim: Claim, other: Claim, env: Evaluation) -> bool:
    """The figure is for a period not over when its article appeared ("114 526 migrants en
    2023", published in September): the count so far, as of that day, not the period's total.
    Against a figure of another day it is no rival count, whatever the two values."""
    day = _so_far_day(claim, env)
    if day is None:
        return False
    told = other.time
    return (_so_far_day(other, env) or (told.high if told is not None and told.low == told.high else None)) != day


def _so_far_day(claim: Claim, env: Evaluation) -> dt.date | None:
    """The day a figure for a period its article's day falls within was counted: that day."""
    time, published = claim.time, env.published(claim)
    if time is None or published is None or time.low is None or time.high is None or time.low == time.high \
            or claim.time_source == "as_of" or not time.low <= published < time.high:
        return None
    return published


def _dated_in_text(claim: Claim) -> bool:
    """The text itself says when the figure was counted (not only the article's date)."""
    return claim.time is not None and claim.time_source in ("clause", "context") and claim.time.kind != "as_of"


def _unresolved(claim: Claim) -> bool:
    """The text gives the figure's own source, but not one the tool can name."""
    return claim.attributed_to is None and claim.attribution_quote is not None




def _set_side_by_side(a: Claim, b: Claim) -> bool:
    """Two figures of one sentence from two named voices: the sentence sets them against each
    other as rival counts of one thing, whatever their ratio."""
    return a.document == b.document and a.sentence == b.sentence != (0, 0) \
        and a.attributed_to is not None and b.attributed_to is not None and a.attributed_to != b.attributed_to


def _assumed_place_apart(a: Claim, b: Claim) -> bool:
    """"23 000 sous le point de comptage" in an article about Paris and the nation: placed
    only by its article's country, a figure many times smaller or larger than the other is
    more likely about another place (a city, a region) than a rival count of the same one."""
    if a.unit == "percent":
        return False  # a rate is not split by place the way a count is
    if a.place_source not in ASSUMED_PLACES and b.place_source not in ASSUMED_PLACES:
        return False
    if _set_side_by_side(a, b):
        return False  # "170 000 selon la police, un million selon les organisateurs": one crowd by construction
    low, high = sorted((_lowest(a), _lowest(b)))
    return low > 0 and high >= ASSUMED_PLACE_RATIO * low


def _undated_article(a: Statement, b: Statement, env: Evaluation) -> bool:
    """Two figures of one article that carries no date at all, neither dated by its own words:
    both stand for the article's present ("Russian authorities say 59 drowned", "health
    workers say 200 to 300 died"), as they would on the day of a dated article. Only two
    different named sources get this far in one article (`_judge`); across articles an
    unknown time still matches nothing. The time being a reading of the article, the place
    must not be one too: one of the two is placed by its own words ("in the town of X"), not
    only by the article's country (two sides' tolls "on the territory they control")."""
    if a.documents != b.documents or len(a.documents) != 1:
        return False
    if any(c.time is not None or c.time_source != "none" for c in (a.claim, b.claim)):
        return False
    if all(c.place_source in ASSUMED_PLACES or c.place_source == "none" for c in (a.claim, b.claim)):
        return False
    doc = env.document(a.claim.document)
    return doc is not None and doc.published is None and doc.updated is None


def _is_growing(claim: Claim, options: ToleranceOptions) -> bool:
    # Only UpdateOptions has the field; asking a model without it goes through pydantic's slow
    # attribute-error path, once per pair of statements.
    growing = options.growing_events if isinstance(options, UpdateOptions) else GROWING_EVENTS
    return claim.measure == "running" and (
        (claim.event or "") in _growing(tuple(growing)) or (claim.unit != "count" and claim.cumulative))


def _revision(rule: Rule, options: ContradictionOptions, verdict: Verdict, env: Evaluation) -> Draft:
    earlier, later = verdict.first, verdict.second
    stated = [c for m in earlier.members for c in m.claims if c.measure == "superseded"]
    severity = _weighed(rule, options, earlier.claim, later.claim)  # a fall between vague figures is less certain
    if stated and stated[0].sentence != later.claim.sentence:
        severity = milder(severity, options.stated_revision_severity)
        message = (
            f"Revision {format_value(stated[0])} → {format_value(later.claim)}: {where(stated[0])} says "
            f"{format_value(stated[0])} was later lowered or corrected, and {env.describe(later)} is the first "
            f"lower figure given after it. The earlier figure is withdrawn: an article still giving it after "
            f"the revision is out of date."
        )
    elif stated:
        severity = milder(severity, options.stated_revision_severity)
        message = (
            f"Revision {format_value(stated[0])} → {format_value(later.claim)}: {env.describe(later)} gives "
            f"{format_value(later.claim)} and says it replaces {format_value(stated[0])} ({where(stated[0])}). "
            f"The earlier figure is withdrawn: an article still giving it after the revision is out of date."
        )
    elif _lowered(later.claim, env) and not _lowered(earlier.claim, env):
        severity = milder(severity, options.stated_revision_severity)
        message = (
            f"Revision {format_value(earlier.claim)} → {format_value(later.claim)}: {env.describe(later)} says the "
            f"count was lowered to {format_value(later.claim)}, after {env.describe(earlier)} gave "
            f"{format_value(earlier.claim)}. The earlier figure is withdrawn: an article still giving it after "
            f"the revision is out of date."
        )
    else:
        message = (
            f"A running count went down: {env.describe(later)} gives {format_value(later.claim)}, after "
            f"{env.describe(earlier)} gave {format_value(earlier.claim)}. A toll that is only ever added to "
            f"cannot fall: either the later figure corrects the earlier one (a revision to check and explain) "
            f"or one of them is wrong."
        )
    return Draft("contradiction", severity, _claims(earlier, later), message, (earlier.origin, later.origin),
                 (earlier.claim, later.claim), sides=_sides(earlier, later))


def _sides(*statements: Statement) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(c.id for m in s.members for c in m.claims) for s in statements)


def _weighed(rule: Rule, options: ContradictionOptions | DisputeOptions, *claims: Claim) -> Severity:
    """The rule's severity, milder when a side is a vague figure ("several thousand")."""
    return milder(rule.severity, options.vague_severity) if any(is_weak(c) for c in claims) else rule.severity


def _contradiction(rule: Rule, options: ContradictionOptions, a: Statement, b: Statement, env: Evaluation) -> Draft:
    severity = _weighed(rule, options, a.claim, b.claim)
    message = (
        f"{env.describe(a)} and {env.describe(b)} cannot both be true: intervals "
        f"{format_value(a.claim)} and {format_value(b.claim)} "
        f"do not meet ({tolerance_words(options)}); {shared_time(a.time, b.time)}."
    )
    places = {c.location for c in (a.claim, b.claim) if c.location}
    if len({p.casefold() for p in places}) > 1:
        message += f" Note the places differ: {' / '.join(sorted(places))}."
    if options.reconcile_with_increments:
        increment = _explaining_increment(a, b, options, env)
        if increment is not None:
            severity = milder(severity, options.reconciled_severity)
            what = increment.category or "units"
            message += (
                f" The difference matches the {format_value(increment)} additional {what} "
                f"reported in {where(increment)} ({format_span(increment.time)})."
            )
    return Draft("contradiction", severity, _claims(a, b), message, (a.origin, b.origin), (a.claim, b.claim),
                 sides=_sides(a, b))


def _claims(*sides: Statement) -> tuple[Claim, ...]:
    """The claims a finding shows: every claim of each statement of each side (an article's
    title and body giving the figure are both quoted)."""
    return tuple(c for side in sides for m in side.members for c in m.claims)


def _lowest(claim: Claim) -> float:
    low = interval(claim).low
    return -math.inf if low is None else low


def _explaining_increment(a: Statement, b: Statement, options: ToleranceOptions, env: Evaluation) -> Claim | None:
    """An addition of the same actor and category with low + addition ≈ high, reported
    between the lower figure's time and the higher one's."""
    low, high = sorted((a.claim, b.claim), key=_lowest)
    for increment in env.increments(low.actor, low.category):
        if increment.unit != low.unit or increment.id in (low.id, high.id):
            continue
        when = increment.time
        if when is not None and low.time is not None and when.high and low.time.low and when.high < low.time.low:
            continue
        if when is not None and high.time is not None and when.low and high.time.high and when.low > high.time.high:
            continue
        total = add(interval(low), interval(increment))
        both_exact = exact(low, options) and exact(increment, options)
        rel, absolute = options.relative_tolerance, options.absolute_tolerance
        if figures_meet(total, interval(high), rel, absolute, a_exact=both_exact, b_exact=exact(high, options)):
            return increment
    return None


QUANTITY_CONTRADICTION = Kind(
    name="quantity-contradiction",
    options=ContradictionOptions,
    evaluate=_contradictions,
    finding_kind="contradiction",
    default_severity=Severity.ERROR,
    topics=frozenset({"quantity"}),
    description="Two documents give figures for the same thing at overlapping times that cannot both be true.",
)


# --- attribution-dispute --------------------------------------------------------------------


class DisputeOptions(ToleranceOptions):
    vague_severity: Severity = Field(Severity.INFO, description="severity when either figure is vague or one-sided")


def _disputes(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """Two different named sources whose figures for the same thing, at the same time, do
    not meet: one finding per pair of voices and figures, however many articles repeat them."""
    options = rule.options
    assert isinstance(options, DisputeOptions)
    conflicts = [v for v in verdicts(rule, topic, env, options) if v.kind == "conflict" and v.between_sources]
    shown: set[frozenset[str]] = set()
    for lower, upper in _sides_of(conflicts, rule, env, options):
        a, b = in_reading_order(lower, upper)
        severity = _weighed(rule, options, a.claim, b.claim)
        message = (
            f"Sources disagree: {a.origin.name} gives {format_value(a.claim)} "
            f"({env.describe(a)}) while {b.origin.name} gives {format_value(b.claim)} "
            f"({env.describe(b)}); the figures do not meet ({tolerance_words(options)}); "
            f"{shared_time(a.time, b.time)}. Each side is reported with its source."
        )
        shown.update(frozenset({x.id, y.id}) for x in _claims(a) for y in _claims(b))
        yield Draft("dispute", severity, _claims(a, b), message, (a.origin, b.origin), (a.claim, b.claim),
                    sides=_sides(a, b))
    yield from _side_by_side_disputes(rule, topic, env, options, shown)
    yield from _stated_disputes(rule, topic, env, options, shown)


def _side_by_side_disputes(rule: Rule, topic: Topic, env: Evaluation, options: DisputeOptions,
                           shown: set[frozenset[str]]) -> Iterator[Draft]:
    """Two voices one article sets side by side whose counts differ though they may meet ("at
    least 530 according to medical sources, while diplomats say 658"), or of which one has no
    day of its own (`Verdict` "apart"): one finding per pair, at the one-sided severity when a
    figure is a floor."""
    for verdict in verdicts(rule, topic, env, options):
        if verdict.kind != "apart":
            continue
        a, b = in_reading_order(verdict.first, verdict.second)
        ids = {frozenset({x.id, y.id}) for x in _claims(a) for y in _claims(b)}
        if ids & shown:
            continue
        shown.update(ids)
        severity = _weighed(rule, options, a.claim, b.claim)
        one_article = bool(a.documents & b.documents)
        message = (
            f"Sources disagree{', side by side' if one_article else ''}: {a.origin.name} gives "
            f"{format_value(a.claim)} ({env.describe(a)}) while {b.origin.name} gives {format_value(b.claim)} "
            f"({env.describe(b)}) for the same count; {shared_time(a.time, b.time)}. "
            + ("The article sets the two counts against each other: each side is reported with its source."
               if one_article else "A bound is its source's estimate: the figures meet only in logic, and are far "
               "apart. Each side is reported with its source.")
        )
        yield Draft("dispute", severity, _claims(a, b), message, (a.origin, b.origin), (a.claim, b.claim),
                    sides=_sides(a, b))


def _stated_disputes(rule: Rule, topic: Topic, env: Evaluation, options: DisputeOptions,
                     shown: set[frozenset[str]]) -> Iterator[Draft]:
    """A source the text says holds another's figure wrong ("hält diese Zahl für zu hoch",
    see extract/rebuttals.py): a dispute whatever the days of the two figures, when they
    do not meet. Not a fall or a rise between bulletins: the article says they disagree."""
    claims = {c.id: c for c in env.claims_of(topic, rule)}
    for rebutting in claims.values():
        disputed = claims.get(rebutting.rebuts) if rebutting.rebuts else None
        if disputed is None or frozenset({disputed.id, rebutting.id}) in shown or claims_meet(disputed, rebutting, options):
            continue
        a, b = env.statements([disputed])[0], env.statements([rebutting])[0]
        if a.origin == b.origin or not env.pair_ok(rule, a, b):
            continue
        severity = _weighed(rule, options, disputed, rebutting)
        message = (
            f"Sources disagree, in words: {b.origin.name} holds the figure of {a.origin.name} wrong. "
            f"{a.origin.name} gives {format_value(disputed)} ({env.describe(a)}) while {b.origin.name} gives "
            f"{format_value(rebutting)} ({env.describe(b)}); the figures do not meet ({tolerance_words(options)}). "
            f"Each side is reported with its source."
        )
        yield Draft("dispute", severity, (disputed, rebutting), message, (a.origin, b.origin), (disputed, rebutting),
                    sides=_sides(a, b))


ATTRIBUTION_DISPUTE = Kind(
    name="attribution-dispute",
    options=DisputeOptions,
    evaluate=_disputes,
    finding_kind="dispute",
    default_severity=Severity.WARNING,
    topics=frozenset({"quantity"}),
    description="Two named sources give figures that stay apart (police versus organisers).",
)


# --- update ---------------------------------------------------------------------------------

GROWING_EVENTS = (
    "killed",
    "wounded",
    "injured",
    "killed_or_wounded",
    "missing",
    "captured",
    "arrested",
    "detained",
    "displaced",
    "evacuated",
    "deployed",
)
RUNNING_TIME_KINDS = frozenset({"since", "until", "as_of"})


class UpdateOptions(ToleranceOptions):
    growing_events: tuple[str, ...] = Field(
        GROWING_EVENTS, strict=False, description="events whose running counts only grow over time"
    )
    min_days_apart: int = Field(1, ge=1, description="how many days apart the two counts' end points must be")
    day_count_events: tuple[str, ...] = Field(
        (), strict=False,
        description="events counted day by day in a running tally (arrests, officers injured in unrest): a count "
        "its text gives for one day is a part of a later running total, not the total's earlier value",
    )


@lru_cache(maxsize=64)
def _growing(events: tuple[str, ...]) -> frozenset[str]:
    return frozenset(e.casefold() for e in events)


def _running(claim: Claim, options: UpdateOptions) -> bool:
    growing = _growing(options.growing_events)
    if claim.kind != "quantity" or claim.increment or not claim.event or claim.event.casefold() not in growing:
        return False
    return claim.cumulative or (claim.time is not None and claim.time.kind in RUNNING_TIME_KINDS)


def _end(claim: Claim, env: Evaluation) -> dt.date | None:
    """The moment a running count is counted up to: its time's end, else the publication date."""
    if claim.time is not None and claim.time.high is not None:
        return claim.time.high
    return env.published(claim)


def _updates(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    """One finding per step of a growing count: each figure is set against the latest smaller
    one before it, so a series read by hundreds of articles is a short chain."""
    options = rule.options
    assert isinstance(options, UpdateOptions)
    daily = _growing(tuple(options.day_count_events))
    steps = [v for v in verdicts(rule, topic, env, options) if v.kind == "update" and not _restated(v.first, v.second)
             and not ((v.first.claim.event or "").casefold() in daily and _day_within_tally(v.first.claim, v.second))]
    latest: dict[int, Verdict] = {}
    for v in steps:
        key = id(v.second)
        known = latest.get(key)
        if known is None or _moment(v.first.claim, env)[1] > _moment(known.first.claim, env)[1]:
            latest[key] = v
    # Steps between the same two agreeing groups (many outlets repeating one bulletin, then the
    # next) are one finding listing every article on each side, not one per article.
    grouped = [Verdict("update", e, la) for e, la in _sides_of(list(latest.values()), rule, env, options, directed=True)]
    for v in sorted(grouped, key=lambda v: (_moment(v.second.claim, env), v.second.order)):
        end_early = _end(v.first.claim, env)
        end_late = _end(v.second.claim, env)
        if end_early is None or end_late is None:
            continue
        yield _update(rule, env, v.first, v.second, end_early, end_late)


def _restated(earlier: Statement, later: Statement) -> bool:
    """The later side repeats a figure the earlier side already gave ("741 arrests", then "at
    least 741" and "near 750" the next day), as written, not widened by tolerance: the count
    did not move, so there is no update."""
    before = [interval(c) for m in earlier.members for c in m.claims]
    after = [interval(c) for m in later.members for c in m.claims]
    return any((_within(x, y) or _within(y, x)) and not (x.high is None and (y.low or 0) > (x.low or 0))
               for x in before for y in after)


def _within(inner: Interval, outer: Interval) -> bool:
    """`inner` lies inside `outer`: "741" in "near 750"; "almost 1,000" is not in "more than 1,000"."""
    low = -math.inf if inner.low is None else inner.low
    high = math.inf if inner.high is None else inner.high
    return (outer.low is None or outer.low <= low) and (outer.high is None or high <= outer.high)


def _update(
    rule: Rule, env: Evaluation, earlier: Statement, later: Statement, end_early: dt.date, end_late: dt.date
) -> Draft:
    message = (
        f"{env.describe(later)} counts {format_value(later.claim)} up to "
        f"{end_late.isoformat()}, after {env.describe(earlier)} counted "
        f"{format_value(earlier.claim)} up to {end_early.isoformat()}: "
        f"a later figure, not a conflict."
    )
    if end_early == end_late:
        message += " Both are of one day: the later one is the later bulletin of the same source (by the hour it was given or published)."
    return Draft(
        "update",
        rule.severity,
        _claims(earlier, later),
        message,
        (earlier.origin, later.origin),
        (earlier.claim, later.claim),
        sides=_sides(earlier, later),
    )


UPDATE = Kind(
    name="update",
    options=UpdateOptions,
    evaluate=_updates,
    finding_kind="update",
    default_severity=Severity.INFO,
    topics=frozenset({"quantity"}),
    description="A running count of a growing event, counted up to a later date, is larger.",
)
