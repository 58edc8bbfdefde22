"""Running rules: from topics of claims to sorted, fingerprinted findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from pydantic import BaseModel

from consistency.matching import normalise
from consistency.model import Claim, Document, Finding, Severity, Topic
from consistency.ruleset.conditions import PAIR_PREDICATES, Matcher, PairPredicate
from consistency.ruleset.context import Context, Origin, origin_of
from consistency.ruleset.fingerprints import digest, fingerprint, value_key
from consistency.ruleset.kind import Draft, Kind
from consistency.ruleset.places import Places
from consistency.ruleset.schema import When
from consistency.ruleset.statements import Statement, claim_order, group_statements
from consistency.ruleset.values import format_span, format_value, short_quote

__all__ = ["Draft", "Evaluation", "Kind", "Rule", "RuleSet", "TopicStore", "where"]


@dataclass(frozen=True)
class Rule:
    """One loaded rule: a kind, its validated options, and the conditions narrowing it.

    `spec` is the `Kind` itself, resolved once when the rule is loaded: evaluating never
    looks a kind up by name again."""

    id: str
    kind: str  # the kind's name, as the rule file gives it
    severity: Severity
    options: BaseModel
    spec: Kind = field(repr=False, compare=False)  # repr: the run cache keys rules by repr
    when: When = When.model_construct()  # no conditions; made without building the validator
    description: str = ""
    source: str = ""  # the file it was read from
    line: int | None = None

    @cached_property
    def _matchers(self) -> tuple[Matcher, ...]:
        return self.when.claim.matchers()

    def accepts(self, claim: Claim) -> bool:
        return all(m.accepts(claim) for m in self._matchers)

    @cached_property
    def _pair_predicates(self) -> tuple[PairPredicate, ...]:
        return tuple(PAIR_PREDICATES[name] for name in self.when.pair)

    def pair_ok(self, a: Statement, b: Statement, places: Places) -> bool:
        for predicate in self._pair_predicates:
            if not predicate(a, b, places):
                return False
        return True


@dataclass(frozen=True)
class Evaluation:
    """What kinds consult while evaluating: the context, the rule set, and shared lookups."""

    context: Context
    ruleset: RuleSet
    memo: dict[Hashable, Any] = field(default_factory=dict, compare=False)  # results kinds share within a topic

    @property
    def places(self) -> Places:
        return self.ruleset.places

    def pair_ok(self, rule: Rule, a: Statement, b: Statement) -> bool:
        """The rule's pair conditions hold for these two statements."""
        return rule.pair_ok(a, b, self.places)

    @cached_property
    def _origins(self) -> dict[str, Origin]:
        copies = self.context.copies
        return {cid: origin_of(c, self.context.documents, copies) for cid, c in self.context.claims.items()}

    @cached_property
    def _increments(self) -> dict[tuple[str | None, str | None], list[Claim]]:
        index: dict[tuple[str | None, str | None], list[Claim]] = {}
        for claim in sorted(self.context.claims.values(), key=claim_order):
            if claim.increment and claim.kind == "quantity":
                index.setdefault((_fold(claim.actor), _fold(claim.category)), []).append(claim)
        return index

    def increments(self, actor: str | None, category: str | None) -> list[Claim]:
        """The "additional" figures of the corpus for this actor and category, in reading order."""
        return self._increments.get((_fold(actor), _fold(category)), [])

    def origin(self, claim: Claim) -> Origin:
        known = self._origins.get(claim.id)
        return known if known is not None else origin_of(claim, self.context.documents)

    def claim(self, claim_id: str | None) -> Claim | None:
        return self.context.claims.get(claim_id) if claim_id else None

    def document(self, doc_id: str) -> Document | None:
        return self.context.documents.get(doc_id)

    def published(self, claim: Claim) -> dt.date | None:
        document = self.document(claim.document)
        return document.published if document else None

    def claims_of(self, topic: Topic, rule: Rule) -> list[Claim]:
        """The topic's claims that pass the rule's claim conditions, in reading order."""
        found = (self.context.claims.get(cid) for cid in topic.claims)
        return sorted((c for c in found if c is not None and rule.accepts(c)), key=claim_order)

    def statements(self, claims: Iterable[Claim]) -> list[Statement]:
        """The claims merged into statements, one per thing each document says."""
        claims = list(claims)
        key = ("statements", tuple(c.id for c in claims))
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = group_statements(claims, self.origin)
        return list(found)

    def describe(self, statement: Statement) -> str:
        """One side of a finding: where, the words, the value, the time and the voice."""
        claim = statement.claim
        value = format_value(claim)
        if claim.qualifier == "approx":
            value += ", approximate"
        elif claim.qualifier == "vague":
            value += ", vague"
        parts = [value]
        if claim.kind == "quantity":
            parts.append(format_span(claim.time))
        parts.append(statement.origin.describe())
        others = len(statement.documents) - 1
        if others > 0:
            parts.append(f"also in {others} other document{'s' if others > 1 else ''}")
        return f"{where(claim)} “{short_quote(claim.quote)}” ({'; '.join(parts)})"


def _fold(text: str | None) -> str | None:
    """An actor's or category's key as every word list keys it (`matching.normalise`)."""
    return normalise(text) if text else None


def where(claim: Claim) -> str:
    return f"{claim.document} line {claim.line}"


@dataclass(frozen=True)
class RuleSet:
    """The loaded rules; `evaluate` is a pure function of the context."""

    rules: tuple[Rule, ...]
    places: Places = Places()  # where places lie, from the rule files' `places:`

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(r.id for r in self.rules)

    def select(self, ids: Iterable[str]) -> RuleSet:
        wanted = set(ids)
        return RuleSet(tuple(r for r in self.rules if r.id in wanted), self.places)

    def evaluate(self, context: Context, store: TopicStore | None = None) -> tuple[Finding, ...]:
        """The findings of every topic, sorted. With `store`, a topic whose findings it
        holds is not evaluated again, and the findings of the others are given to it."""
        env = Evaluation(context, self)
        topics = sorted(context.topics, key=lambda t: (t.key, t.id))
        known = store.known(topics) if store is not None else {}
        findings: list[Finding] = []
        fresh: dict[str, tuple[Finding, ...]] = {}
        for topic in topics:
            found = known.get(topic.id)
            if found is None:
                found = fresh[topic.id] = self.evaluate_topic(topic, env)
            findings.extend(found)
        if store is not None:
            store.keep(fresh)
        return tuple(sorted(findings, key=_finding_order))

    def evaluate_topic(self, topic: Topic, env: Evaluation) -> tuple[Finding, ...]:
        """One topic's findings, unsorted: what a topic says depends on the topic only
        (and on the claims its rules look up, see `cache.topic_keys`)."""
        findings: list[Finding] = []
        for rule in self.rules:
            spec = rule.spec
            if not topic.key or topic.key[0] not in spec.topics:
                continue
            drafts = list(spec.evaluate(rule, topic, env))
            findings.extend(_identify(rule, topic, drafts))
        # What kinds shared about this topic (its judged pairs, its statements) is not read
        # for the next one: kept for the whole run, it held a large corpus's pairs at once.
        env.memo.clear()
        return tuple(_without_superseded(findings))  # a finding supersedes only one of its topic


class TopicStore(Protocol):
    """Findings of topics kept from an earlier run (see `consistency.cache.TopicFindings`)."""

    def known(self, topics: Sequence[Topic]) -> Mapping[str, tuple[Finding, ...]]:
        """The stored findings of these topics, by topic id; a topic not there is evaluated."""
        ...

    def keep(self, findings: Mapping[str, tuple[Finding, ...]]) -> None:
        """Store the findings just evaluated, by topic id."""
        ...


# A finding of the key kind says more about the same claims than one of the value kinds:
# agreement resting on one voice is an echo, reported instead of a corroboration (README).
SUPERSEDES = {"echo": frozenset({"corroboration"})}


def _without_superseded(findings: list[Finding]) -> list[Finding]:
    """Drop a finding when a more specific kind reports exactly the same claims of its topic."""
    specific = {
        (f.topic, frozenset(f.claims), weaker)
        for f in findings
        for weaker in SUPERSEDES.get(f.kind, ())
    }
    return [f for f in findings if (f.topic, frozenset(f.claims), f.kind) not in specific]


def _finding_order(f: Finding) -> tuple[int, str, str, str]:
    """Most serious first; a severity a plugin invents ranks with info."""
    return (-(Severity.of(f.severity) or Severity.INFO), f.kind, f.topic, f.fingerprint)


def _identify(rule: Rule, topic: Topic, drafts: list[Draft]) -> list[Finding]:
    """Fingerprint each draft; tell apart those sharing origins by their rounded values."""
    base = [fingerprint(rule.id, topic.key, (o.stable for o in d.origins)) for d in drafts]
    counts: dict[str, int] = {}
    for fp in base:
        counts[fp] = counts.get(fp, 0) + 1
    prints = list(base)
    for fp in {fp for fp, n in counts.items() if n > 1}:
        clashing = sorted(
            (i for i, b in enumerate(base) if b == fp),
            key=lambda i: (repr(_rounded(drafts[i])), sorted(c.quote for c in drafts[i].claims)),
        )
        seen: dict[str, int] = {}
        for i in clashing:
            values = _rounded(drafts[i])
            candidate = fingerprint(rule.id, topic.key, (o.stable for o in drafts[i].origins), values)
            seen[candidate] = seen.get(candidate, 0) + 1
            ordinal = seen[candidate] - 1
            prints[i] = (
                fingerprint(rule.id, topic.key, (o.stable for o in drafts[i].origins), values, ordinal)
                if ordinal
                else candidate
            )
    return [_finding(rule, topic, d, fp) for d, fp in zip(drafts, prints, strict=True)]


def _rounded(draft: Draft) -> list[tuple[str, str | float | None, str | float | None]]:
    return sorted((value_key(v, rounded=True) for v in draft.values), key=repr)


def _finding(rule: Rule, topic: Topic, draft: Draft, fp: str) -> Finding:
    claims = sorted(draft.claims, key=claim_order)
    shown = {c.id for c in claims}
    sides = tuple(tuple(cid for cid in side if cid in shown) for side in draft.sides) if draft.sides else ()
    placed = {cid for side in sides for cid in side}
    if not sides or placed != shown:
        sides = tuple(side for side in sides if side) + ((tuple(c.id for c in claims if c.id not in placed),) if shown - placed else ())
    return Finding(
        fingerprint=fp,
        rule=rule.id,
        kind=draft.kind,
        severity=Severity.parse(draft.severity),  # JSON and baselines write its name
        topic=topic.id,
        claims=tuple(c.id for c in claims),
        message=draft.message,
        origins=tuple(sorted({o.label for o in draft.origins})),
        digest=digest(draft.values),
        sides=tuple(s for s in sides if s),
    )
