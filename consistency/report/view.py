"""What every renderer reads off a Result: lookups, orderings, origins and value groups.

Renderers must agree on what comes first and on who said what, so those decisions live
here once. Every ordering ends on an id, so the output never depends on dict or set order,
and every lookup tolerates ids that are missing (a resolved baseline finding may name a
claim the current run no longer has).
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from consistency.model import SEVERITIES as MODEL_SEVERITIES
from consistency.model import Claim, Document, Finding, Interval, Result, TimeSpan, Topic

from .values import format_figure

SEVERITIES = tuple(reversed(MODEL_SEVERITIES))  # most serious first, as reports list them
# The kinds a reader looks for first, always counted in summaries even when zero.
MAIN_KINDS = ("contradiction", "corroboration", "echo", "update", "dispute")
# Kinds whose sides disagree: drawn in red, their sides joined by "vs".
OPPOSING_KINDS = frozenset({"contradiction", "dispute"})
_PLURALS = {"echo": "echoes", "dispute": "disputes", "update": "updates"}


_RANKS = {s: i for i, s in enumerate(SEVERITIES)}


def severity_rank(severity: str) -> int:
    """error < warning < info < anything a rule invents."""
    return _RANKS.get(severity, len(SEVERITIES))


def plural(kind: str, count: int) -> str:
    """"1 echo", "2 echoes"."""
    word = kind if count == 1 else _PLURALS.get(kind, kind if kind.endswith("s") else kind + "s")
    return f"{count} {word}"


def kind_counts(findings: Iterable[Finding]) -> tuple[tuple[str, int], ...]:
    """Counts per kind: the main kinds first (zeros included), then the others by name."""
    counts = Counter(f.kind for f in findings)
    others = sorted(k for k in counts if k not in MAIN_KINDS)
    return tuple((k, counts.get(k, 0)) for k in (*MAIN_KINDS, *others))


def uses_baseline(result: Result) -> bool:
    """Whether findings were compared with a baseline (otherwise every status is "new")."""
    return bool(result.resolved) or any(f.status != "new" for f in result.findings)


@dataclass(frozen=True)
class ValueGroup:
    """Claims whose values all overlap: the sources that agree on one figure."""

    claims: tuple[Claim, ...]
    low: float  # the common range, -inf/inf when open
    high: float
    documents: int
    origins: tuple[str, ...]


@dataclass(frozen=True)
class TopicGroups:
    """A topic's figures as agreeing groups, plus the vague claims that fit several groups."""

    groups: tuple[ValueGroup, ...]
    several: tuple[Claim, ...]  # compatible with more than one group


@dataclass(frozen=True)
class View:
    """A Result with the lookups and orderings the renderers share."""

    result: Result
    documents: dict[str, Document] = field(repr=False)
    claims: dict[str, Claim] = field(repr=False)
    topics: dict[str, Topic] = field(repr=False)
    findings_by_topic: dict[str, tuple[Finding, ...]] = field(repr=False)
    findings_by_claim: dict[str, tuple[Finding, ...]] = field(repr=False)
    claims_by_document: dict[str, tuple[Claim, ...]] = field(repr=False)
    baseline: bool  # whether findings were compared with a baseline
    _figures: dict[tuple[object, ...], str] = field(default_factory=dict, repr=False)

    @classmethod
    def of(cls, result: Result) -> View:
        by_topic: dict[str, list[Finding]] = defaultdict(list)
        by_claim: dict[str, list[Finding]] = defaultdict(list)
        by_document: dict[str, list[Claim]] = defaultdict(list)
        for claim in result.claims:
            by_document[claim.document].append(claim)
        for finding in sort_findings(result.findings):
            by_topic[finding.topic].append(finding)
            for claim_id in dict.fromkeys(finding.claims):
                by_claim[claim_id].append(finding)
        return cls(
            result=result,
            documents={d.id: d for d in result.documents},
            claims={c.id: c for c in result.claims},
            topics={t.id: t for t in result.topics},
            findings_by_topic={k: tuple(v) for k, v in by_topic.items()},
            findings_by_claim={k: tuple(v) for k, v in by_claim.items()},
            claims_by_document={
                k: tuple(sorted(v, key=lambda c: (c.span, c.id))) for k, v in by_document.items()
            },
            baseline=uses_baseline(result),
        )

    # --- who and where ---------------------------------------------------------------

    def origin(self, claim: Claim) -> str:
        """Who a claim comes from: the origin it names, else its publisher, else its article."""
        if claim.attributed_to:
            return claim.attributed_to
        doc = self.documents.get(claim.document)
        return (doc.publisher if doc and doc.publisher else None) or claim.document

    def source_name(self, doc_id: str) -> str:
        """A short name for an article: its publisher, else its id."""
        doc = self.documents.get(doc_id)
        return doc.publisher if doc and doc.publisher else doc_id

    def path(self, doc_id: str) -> str | None:
        doc = self.documents.get(doc_id)
        return doc.path if doc else None

    def claims_of(self, ids: Iterable[str]) -> tuple[Claim, ...]:
        """The claims that exist among `ids`, in the given order, without repeats."""
        return tuple(self.claims[i] for i in dict.fromkeys(ids) if i in self.claims)

    def figure(self, claim: Claim, *, short: bool = False) -> str:
        """`format_figure`, computed once for all the claims that state the same thing the same
        way: a claim appears in several sections, and many articles repeat one figure."""
        value = claim.value
        key = (type(value), value, claim.qualifier, claim.unit, claim.increment, claim.quote, short)
        found = self._figures.get(key)
        if found is None:
            found = self._figures[key] = format_figure(claim, short=short)
        return found

    def side(self, claim: Claim) -> str:
        """One side of a finding in a few words: "≈ 11 000 (UK Ministry of Defence)"."""
        return f"{self.figure(claim, short=True)} ({self.origin(claim)})"

    def sides(self, finding: Finding, *, limit: int | None = None) -> str:
        """All sides of a finding; an update reads in time order, a disagreement with "vs".

        With a `limit`, the sides beyond it are counted ("… and 12 more") rather than listed.
        """
        claims = self.finding_claims(finding)
        if not claims:
            return "—"
        joiner = {"update": " → "}.get(finding.kind, " vs " if finding.kind in OPPOSING_KINDS else " · ")
        shown = claims if limit is None else claims[:limit]
        text = joiner.join(self.side(c) for c in shown)
        return text if len(shown) == len(claims) else f"{text} … and {len(claims) - len(shown)} more"

    def finding_claims(self, finding: Finding) -> tuple[Claim, ...]:
        """A finding's claims as the rule gave them; an update's in time order."""
        claims = self.claims_of(finding.claims)
        return tuple(sorted(claims, key=time_key)) if finding.kind == "update" else claims

    # --- orderings -------------------------------------------------------------------

    def topic_order(self) -> tuple[Topic, ...]:
        """Topics with findings first (worst severity, then most findings), then the others."""

        def key(topic: Topic) -> tuple[int, int, int, str, str]:
            findings = self.findings_by_topic.get(topic.id, ())
            if findings:
                worst = min(severity_rank(f.severity) for f in findings)
                return (0, worst, -len(findings), topic.label, topic.id)
            return (1, 0, -len(topic.claims), topic.label, topic.id)

        return tuple(sorted(self.result.topics, key=key))

    def documents_in_order(self) -> tuple[Document, ...]:
        return tuple(sorted(self.result.documents, key=lambda d: d.id))

    def claims_in_order(self, claims: Iterable[Claim]) -> tuple[Claim, ...]:
        """Claims as they appear: by article, then position in the text."""
        return tuple(sorted(claims, key=lambda c: (c.document, c.span, c.id)))

    def topic_claims(self, topic: Topic) -> tuple[Claim, ...]:
        return self.claims_in_order(self.claims_of(topic.claims))

    def origins(self) -> tuple[tuple[str, tuple[Claim, ...]], ...]:
        """Every origin with its claims, the most quoted first."""
        by_origin: dict[str, list[Claim]] = defaultdict(list)
        for claim in self.result.claims:
            by_origin[self.origin(claim)].append(claim)
        ordered = sorted(by_origin.items(), key=lambda kv: (-len(kv[1]), kv[0].casefold(), kv[0]))
        return tuple((name, self.claims_in_order(claims)) for name, claims in ordered)

    def stance(self, doc_id: str) -> tuple[tuple[str, int], ...]:
        """How many findings of each kind an article's claims take part in."""
        seen: dict[str, Finding] = {}
        for claim in self.claims_by_document.get(doc_id, ()):
            for finding in self.findings_by_claim.get(claim.id, ()):
                seen[finding.fingerprint] = finding
        return tuple((k, n) for k, n in kind_counts(seen.values()) if n)

    # --- figures -------------------------------------------------------------------------

    def value_groups(self, claims: Sequence[Claim]) -> TopicGroups:
        """Group claims whose values overlap, each group a set of sources that agree.

        Within a group every pair of values overlaps. Precise values are grouped first;
        an open or vague value ("> 6 000", "plusieurs milliers") then joins the one group
        it fits, or is set apart when it fits several, since it does not say which one it
        supports. Additions and percentages are never grouped with totals.
        """
        partitions: dict[tuple[str, str, bool], list[Claim]] = defaultdict(list)
        for claim in claims:
            partitions[(claim.kind, claim.unit, claim.increment)].append(claim)
        groups: list[ValueGroup] = []
        several: list[Claim] = []
        for key in sorted(partitions, key=lambda k: (k[0], k[1] != "count", k[2], k[1])):
            part_groups, part_several = self._group(partitions[key])
            groups.extend(part_groups)
            several.extend(part_several)
        return TopicGroups(tuple(groups), self.claims_in_order(several))

    def _group(self, claims: list[Claim]) -> tuple[list[ValueGroup], list[Claim]]:
        bounds = {id(c): _bounds(c) for c in claims}
        precise = [c for c in claims if _is_precise(c, bounds[id(c)])]
        loose = [c for c in claims if not _is_precise(c, bounds[id(c)])]
        members: list[list[Claim]] = []
        common: list[tuple[float, float]] = []
        for claim in sorted(precise, key=lambda c: (*bounds[id(c)], c.document, c.span, c.id)):
            low, high = bounds[id(claim)]
            if common and low <= common[-1][1] and high >= common[-1][0]:
                members[-1].append(claim)
                common[-1] = (max(low, common[-1][0]), min(high, common[-1][1]))
            else:
                members.append([claim])
                common.append((low, high))
        several: list[Claim] = []
        for claim in sorted(loose, key=lambda c: (*bounds[id(c)], c.document, c.span, c.id)):
            low, high = bounds[id(claim)]
            fits = [i for i, (lo, hi) in enumerate(common) if low <= hi and high >= lo]
            if len(fits) == 1:
                i = fits[0]
                members[i].append(claim)
                common[i] = (max(low, common[i][0]), min(high, common[i][1]))
            elif not fits:
                members.append([claim])
                common.append((low, high))
            else:
                several.append(claim)
        groups = [
            ValueGroup(
                claims=self.claims_in_order(group),
                low=lo,
                high=hi,
                documents=len({c.document for c in group}),
                origins=tuple(sorted({self.origin(c) for c in group}, key=lambda o: (o.casefold(), o))),
            )
            for group, (lo, hi) in zip(members, common, strict=True)
        ]
        groups.sort(key=lambda g: (g.low, g.high, g.claims[0].id))
        return groups, several

    def timeline(self, claims: Sequence[Claim]) -> tuple[Claim, ...]:
        """Claims in the order of the time they are about; those without a time last."""
        return tuple(sorted(claims, key=lambda c: (*time_key(c), c.document, c.span, c.id)))


def time_key(claim: Claim) -> tuple[int, dt.date, dt.date]:
    """Sort key on the time a claim is about (for a date claim, the date itself).

    Spans sort by their end: "since January 2024" said in mid-2025 is the count as of
    mid-2025, so it belongs after "autumn 2024"; an open end sorts last.
    """
    span = claim.value if isinstance(claim.value, TimeSpan) and claim.time is None else claim.time
    if span is None:
        return (1, dt.date.max, dt.date.max)
    return (0, span.high or dt.date.max, span.low or dt.date.min)


def distinct_times(claims: Iterable[Claim]) -> int:
    """How many different times the claims are about (claims without a time not counted)."""
    return len({(c.time.low, c.time.high) for c in claims if c.time is not None})


def _bounds(claim: Claim) -> tuple[float, float]:
    value = claim.value
    if isinstance(value, Interval):
        low = -math.inf if value.low is None or math.isnan(value.low) else value.low
        high = math.inf if value.high is None or math.isnan(value.high) else value.high
        return (low, high)
    low_day, high_day = value.low, value.high
    return (
        -math.inf if low_day is None else float(low_day.toordinal()),
        math.inf if high_day is None else float(high_day.toordinal()),
    )


def _is_precise(claim: Claim, bounds: tuple[float, float]) -> bool:
    low, high = bounds
    return claim.qualifier != "vague" and math.isfinite(low) and math.isfinite(high)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Worst first; then by kind, rule and fingerprint so the order is stable."""
    return tuple(
        sorted(findings, key=lambda f: (severity_rank(f.severity), f.kind, f.rule, f.topic, f.fingerprint))
    )
