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

from consistency.corpus.boilerplate import is_boilerplate_line
from consistency.lazy_re import lazy_compile
from consistency.model import SEVERITIES as MODEL_SEVERITIES
from consistency.model import Claim, Document, Finding, Interval, Result, Severity, TimeSpan, Topic

from .escape import one_line, shorten
from .values import format_figure

SEVERITIES = tuple(reversed(MODEL_SEVERITIES))  # most serious first, as reports list them
# The kinds a reader looks for first, always counted in summaries even when zero.
MAIN_KINDS = ("contradiction", "corroboration", "echo", "update", "dispute")
# Kinds whose sides disagree: drawn in red, their sides joined by "vs".
OPPOSING_KINDS = frozenset({"contradiction", "dispute"})
_PLURALS = {"echo": "echoes", "dispute": "disputes", "update": "updates"}
# An article without a publisher is named by its title, cut to this length; by its file
# name only when it has neither.
TITLE_NAME = 40
_TITLE_PARTS = lazy_compile(r"\s+[|›»—·]\s+")  # "Masthead | Section › Subsection"
FIGURES_PER_ORIGIN = 3  # figures one origin gives on one side of a finding, in a few words


def severity_rank(severity: Severity | str) -> int:
    """A sort key, most serious first: error < warning < info < any other name
    (the model's one Severity scale, read from the top)."""
    found = Severity.of(severity)
    return max(Severity) - found if found is not None else len(Severity)


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
    names: dict[str, str] = field(default_factory=dict, repr=False)  # document id -> how the report names it
    _figures: dict[tuple[object, ...], str] = field(default_factory=dict, repr=False)
    _figure_of: dict[tuple[str, bool], tuple[Claim, str]] = field(default_factory=dict, repr=False)

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
            names=document_names(result.documents),
        )

    # --- who and where ---------------------------------------------------------------

    def origin(self, claim: Claim) -> str:
        """Who a claim comes from: the origin it names, else its article (see `source_name`)."""
        return claim.attributed_to or self.source_name(claim.document)

    def source_name(self, doc_id: str) -> str:
        """A short name for an article: its publisher, else its title, else its id."""
        return self.names.get(doc_id, doc_id)

    def message(self, finding: Finding) -> str:
        """A finding's message with articles named as the report names them.

        Rules name an article by its id ("004_e8910b7fb3cd4dda line 10"); a reader knows it
        by its publisher or title. Only an id followed by " line N" or " (unattributed)" is
        replaced, so a figure or word that happens to equal an id is left alone.
        """
        return self._renamed(finding.message, self._finding_documents(finding))

    def origin_labels(self, finding: Finding) -> tuple[str, ...]:
        """The finding's independent origins, articles named as in `message`."""
        names = self._names_of(self._finding_documents(finding))  # once, not once per origin
        return tuple(self._renamed(o, names) for o in finding.origins)

    def _finding_documents(self, finding: Finding) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.document for c in self.claims_of(finding.claims)))

    def _names_of(self, doc_ids: Iterable[str]) -> dict[str, str]:
        """The documents among `doc_ids` shown under another name than their id."""
        return {d: n for d in doc_ids if (n := self.names.get(d, d)) != d}

    def _renamed(self, text: str, doc_ids: Iterable[str] | dict[str, str]) -> str:
        """One pass over the text, whatever the number of documents: each place followed by
        " line N" or " (unattributed)" is checked for an id ending there, longest first
        ("a_1" before "a"). (A pattern per document, compiled per finding, made a report of
        thousands of findings over thousands of articles grow with their product.) `doc_ids`
        may be what `_names_of` made of them."""
        names = doc_ids if isinstance(doc_ids, dict) else self._names_of(doc_ids)
        if not names:
            return text
        lengths = sorted({len(d) for d in names}, reverse=True)
        out: list[str] = []
        last = 0
        for mark in _ID_END.finditer(text):
            end = mark.start()
            for length in lengths:
                start = end - length
                if start < last:
                    continue
                name = names.get(text[start:end])
                if name is not None and not (start and _ID_BEFORE.match(text, start - 1)):
                    out.append(text[last:start])
                    out.append(name)
                    last = end
                    break
        out.append(text[last:])
        return "".join(out)

    def path(self, doc_id: str) -> str | None:
        doc = self.documents.get(doc_id)
        return doc.path if doc else None

    def claims_of(self, ids: Iterable[str]) -> tuple[Claim, ...]:
        """The claims that exist among `ids`, in the given order, without repeats."""
        return tuple(self.claims[i] for i in dict.fromkeys(ids) if i in self.claims)

    def figure(self, claim: Claim, *, short: bool = False) -> str:
        """`format_figure`, computed once for all the claims that state the same thing the same
        way: a claim appears in several sections, and many articles repeat one figure. The same
        claim asked again is found by its id (hashing its value and quote cost more than the rest
        of a warm run's report)."""
        known = self._figure_of.get((claim.id, short))
        if known is not None and known[0] is claim:
            return known[1]
        value = claim.value
        key = (type(value), value, claim.qualifier, claim.unit, claim.increment, claim.quote, short)
        found = self._figures.get(key)
        if found is None:
            found = self._figures[key] = format_figure(claim, short=short)
        self._figure_of[(claim.id, short)] = (claim, found)
        return found

    def side(self, claim: Claim) -> str:
        """One side of a finding in a few words: "≈ 11 000 (UK Ministry of Defence)"."""
        return f"{self.figure(claim, short=True)} ({self.origin(claim)})"

    def sides(self, finding: Finding, *, limit: int | None = None) -> str:
        """The sides of a finding in a few words, as `finding.sides` places the claims.

        Sides are joined by "vs" (a disagreement) or "→" (an update, earlier to later);
        within a side, each origin is named once with its figures: "11 000 / ≈ 11 000
        (L'Express) vs 14 000 (Le Monde)", "1 000 (Sergei Shoigu, 2 articles)". With a
        `limit`, the entries beyond it are counted ("… and 12 more") rather than listed.
        """
        sides = self.side_entries(finding)
        if not sides:
            return "—"
        joiner = {"update": " → "}.get(finding.kind, " vs " if finding.kind in OPPOSING_KINDS else " · ")
        total = sum(len(entries) for entries in sides)
        quota = [len(entries) for entries in sides]
        if limit is not None and total > limit:
            # each side first shows one entry (a position left out would mislead), then the
            # rest of the budget goes to the sides in order
            quota = [1 if i < limit else 0 for i in range(len(sides))]
            remaining = limit - sum(quota)
            for i, entries in enumerate(sides):
                if quota[i] and remaining > 0:
                    extra = min(len(entries) - 1, remaining)
                    quota[i] += extra
                    remaining -= extra
        texts = [" · ".join(entries[:n]) for entries, n in zip(sides, quota, strict=True) if n]
        shown = sum(quota)
        text = joiner.join(texts)
        return text if shown == total else f"{text} … and {total - shown} more"

    def side_entries(self, finding: Finding) -> list[list[str]]:
        """The entries `sides` shows, side by side (one per origin)."""
        return [self._side_entries(side) for side in self.finding_sides(finding)]

    def _side_entries(self, claims: Sequence[Claim]) -> list[str]:
        """One entry per origin: its distinct figures, and how many articles repeat them."""
        figures: dict[str, list[str]] = {}
        documents: dict[str, set[str]] = defaultdict(set)
        for claim in claims:
            origin = self.origin(claim)
            shown = figures.setdefault(origin, [])
            figure = self.figure(claim, short=True)
            if figure not in shown:
                shown.append(figure)
            documents[origin].add(claim.document)
        entries = []
        for origin, shown in figures.items():
            n = len(documents[origin])
            listed = " / ".join(shown[:FIGURES_PER_ORIGIN]) + (" / …" if len(shown) > FIGURES_PER_ORIGIN else "")
            entries.append(f"{listed} ({origin}{f', {n} articles' if n > 1 else ''})")
        return entries

    def finding_sides(self, finding: Finding) -> tuple[tuple[Claim, ...], ...]:
        """The claims of each side, as the rule placed them (see docs/result-json.md, "sides").

        An update's sides read from the earlier count to the later, each in time order.
        When the rule did not say where claims stand, a disagreement is split by figure (so
        "vs" never joins two equal figures) and anything else is one side.
        """
        claims = self.claims_of(finding.claims)
        placed = [self.claims_of(side) for side in finding.sides]
        sides = [side for side in placed if side]
        covered = {c.id for side in sides for c in side}
        rest = tuple(c for c in claims if c.id not in covered)
        if len(sides) < 2 and finding.kind in OPPOSING_KINDS:
            by_figure: dict[str, list[Claim]] = {}
            for claim in (*[c for side in sides for c in side], *rest):
                by_figure.setdefault(self.figure(claim), []).append(claim)
            sides, rest = [tuple(group) for group in by_figure.values()], ()
        elif rest:
            sides.append(rest)
        if finding.kind == "update":
            sides = [tuple(sorted(side, key=time_key)) for side in sides]
            if len(sides) == 1:  # no sides given: each count in time order, repeats merged
                steps: list[list[Claim]] = []
                for claim in sides[0]:
                    if steps and self.figure(steps[-1][-1]) == self.figure(claim):
                        steps[-1].append(claim)
                    else:
                        steps.append([claim])
                return tuple(tuple(step) for step in steps)
        return tuple(sides)

    def finding_claims(self, finding: Finding) -> tuple[Claim, ...]:
        """A finding's claims side by side, as `finding_sides` orders them."""
        return tuple(c for side in self.finding_sides(finding) for c in side)

    def repeats(self, claims: Iterable[Claim]) -> tuple[tuple[Claim, ...], ...]:
        """Claims grouped when one article states the same figure, for the same time, from
        the same origin more than once ("5 000 ouvriers" … "« Cinq mille personnes »"): a
        reader sees one row per thing said, not one per wording. Order of first appearance."""
        groups: dict[tuple[object, ...], list[Claim]] = {}
        for claim in claims:
            time = claim.time
            when = (time.low, time.high, time.low_minute, time.high_minute) if time else None
            key = (claim.document, claim.kind, self.figure(claim), when, self.origin(claim))
            groups.setdefault(key, []).append(claim)
        return tuple(tuple(group) for group in groups.values())

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


def document_names(documents: Iterable[Document]) -> dict[str, str]:
    """How the report names each article: its publisher, else its title (shortened), else
    its id. Two articles that would get the same name are told apart by their ids, so a
    name always leads back to one file. A title that is page noise (a cookie banner) is no
    name."""
    publishers: dict[str, str] = {}
    titles: dict[str, str] = {}
    for doc in documents:
        title = one_line(doc.title or "").strip()
        if doc.publisher and doc.publisher.strip():
            publishers[doc.id] = one_line(doc.publisher).strip()  # one outlet, one name
        elif title and not is_boilerplate_line(title):
            if len(title) > TITLE_NAME:  # a masthead with its sections: the masthead
                title = _TITLE_PARTS.split(title)[0].strip() or title
            titles[doc.id] = shorten(title, TITLE_NAME)
    taken = Counter([*titles.values(), *publishers.values()])
    names = {doc_id: name if taken[name] == 1 else f"{name} ({doc_id})" for doc_id, name in titles.items()}
    return {**names, **publishers}


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


# Where a document id may end in a message ("… line 12", "… (unattributed)"), and what may not
# stand just before one (so "x/a line 2" is not document "a").
_ID_END = lazy_compile(r"(?= line \d| \(unattributed\))")
_ID_BEFORE = lazy_compile(r"[\w/.-]")

