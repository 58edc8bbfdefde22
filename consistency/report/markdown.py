"""The Markdown report: the way to understand a pile of articles on one story.

Reading order: the summary (counts, what changed since the baseline, what was skipped),
an overview table of findings, then one section per topic (its figures grouped by
agreement, how they moved over time, each finding with both sides quoted and linked to
the line of the article, a diagram), then an appendix per article and per origin.

Every piece of article text goes through `escape`, so a quote can never break a table or
add a heading, and every ordering is explicit, so the same Result always gives the same
bytes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from consistency.model import Claim, Finding, Result, Topic

from .escape import link_target, md_cell, md_inline
from .mermaid import figures_chart, topic_graph
from .values import format_date, format_dates, format_time
from .view import (
    SEVERITIES,
    View,
    distinct_times,
    kind_counts,
    plural,
    severity_rank,
    sort_findings,
    time_key,
)

_SEVERITY_ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}
_ANCHOR_UNSAFE = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class _Context:
    view: View
    link_prefix: str
    numbers: dict[str, int]  # finding fingerprint -> its number in the overview
    anchors: dict[tuple[str, str], str]  # ("topic" | "finding" | "doc", id) -> anchor
    topic_order: tuple[Topic, ...]
    topics_of_claim: dict[str, tuple[str, ...]]  # claim id -> ids of its topics, in report order


def render_markdown(result: Result, *, link_prefix: str = "") -> str:
    """The full report. `link_prefix` is prepended to article paths in links ("../" when the
    report is written in `reports/` and paths are relative to the repository root)."""
    view = View.of(result)
    topic_order = view.topic_order()
    findings = _overview_order(view, topic_order)
    topics_of_claim: dict[str, list[str]] = {}
    for topic in topic_order:
        for claim_id in dict.fromkeys(topic.claims):
            topics_of_claim.setdefault(claim_id, []).append(topic.id)
    ctx = _Context(
        view=view,
        link_prefix=link_prefix,
        numbers={f.fingerprint: i for i, f in enumerate(findings, start=1)},
        anchors=_anchors(result),
        topic_order=topic_order,
        topics_of_claim={k: tuple(v) for k, v in topics_of_claim.items()},
    )
    blocks: list[str] = [f"# Consistency report: {md_inline(result.corpus) or 'corpus'}"]
    blocks += _summary(ctx)
    if view.baseline:
        blocks += _baseline(ctx, findings)
    if result.skipped:
        blocks += _skipped(result)
    blocks += _overview(ctx, findings)
    blocks += _topics(ctx)
    blocks += _sources(ctx)
    blocks += _origins(ctx)
    return "\n\n".join(b.rstrip("\n") for b in blocks if b) + "\n"


# --- summary -------------------------------------------------------------------------------


def _summary(ctx: _Context) -> list[str]:
    view = ctx.view
    result = view.result
    facts = [
        _count(len(result.documents), "article"),
        _count(len(result.claims), "claim"),
        _count(len(result.topics), "topic"),
    ]
    if result.skipped:
        facts.append(_count(len(result.skipped), "skipped input"))
    counts = kind_counts(result.findings)
    table = _table(
        [_kinds_title(k) for k, _ in counts],
        [[str(n) for _, n in counts]],
        align=["right"] * len(counts),
    )
    blocks = ["## Summary", " · ".join(facts), table]
    if result.findings:
        by_severity = [
            _severity_count(s, sum(1 for f in result.findings if f.severity == s))
            for s in (*SEVERITIES, *sorted({f.severity for f in result.findings} - set(SEVERITIES)))
        ]
        blocks.append("By severity: " + " · ".join(c for c in by_severity if c) + ".")
    else:
        blocks.append("No findings: the rules found no contradiction, corroboration or update to report.")
    if view.baseline:
        statuses = [
            f"{sum(1 for f in result.findings if f.status == s)} {s}" for s in ("new", "changed", "known")
        ]
        statuses.append(f"{len(result.resolved)} resolved")
        blocks.append("Against the baseline: " + " · ".join(statuses) + ".")
    if result.rules:
        blocks.append("Rules applied: " + ", ".join(md_inline(r) for r in sorted(set(result.rules))) + ".")
    return blocks


def _baseline(ctx: _Context, findings: Sequence[Finding]) -> list[str]:
    fresh = [f for f in findings if f.status in ("new", "changed")]
    blocks = ["## New since the baseline"]
    if fresh:
        blocks.append(
            _table(
                ["#", "Status", "Severity", "Kind", "Topic", "Sides"],
                [
                    [
                        _finding_ref(ctx, f),
                        md_cell(f.status),
                        _severity(f.severity),
                        md_cell(f.kind),
                        _topic_ref(ctx, f.topic),
                        md_cell(ctx.view.sides(f)),
                    ]
                    for f in fresh
                ],
            )
        )
    else:
        blocks.append("Nothing new: every finding was already in the baseline.")
    resolved = ctx.view.result.resolved
    if resolved:
        blocks.append("## Resolved since the baseline")
        blocks.append("These findings were in the baseline and are no longer produced.")
        blocks.append(
            _table(
                ["Severity", "Kind", "Rule", "Topic", "Why it was reported", "Baseline note"],
                [
                    [
                        _severity(f.severity),
                        md_cell(f.kind),
                        md_cell(f.rule),
                        _topic_ref(ctx, f.topic),
                        md_cell(f.message),
                        md_cell(f.reason or "—"),
                    ]
                    for f in sort_findings(resolved)
                ],
            )
        )
    return blocks


def _skipped(result: Result) -> list[str]:
    skipped = sorted(result.skipped, key=lambda s: (s.path, s.reason))
    return [
        "## Skipped inputs",
        "These files were not read; their claims are missing from this report.",
        _table(["File", "Reason"], [[md_cell(s.path), md_cell(s.reason)] for s in skipped]),
    ]


def _overview(ctx: _Context, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    baseline = ctx.view.baseline
    header = ["#", "Severity", "Kind", "Rule", "Topic", "Sides"] + (["Status"] if baseline else [])
    rows = []
    for f in findings:
        row = [
            _finding_ref(ctx, f),
            _severity(f.severity),
            md_cell(f.kind),
            md_cell(f.rule),
            _topic_ref(ctx, f.topic),
            md_cell(ctx.view.sides(f)),
        ]
        rows.append(row + ([md_cell(f.status)] if baseline else []))
    return ["## Findings", _table(header, rows)]


# --- topics --------------------------------------------------------------------------------


def _topics(ctx: _Context) -> list[str]:
    topics = ctx.topic_order
    if not topics:
        return []
    blocks = [
        "## Topics",
        "Each topic gathers the claims about one thing (who, what, where). Under *Figures*, claims "
        "whose values overlap are grouped: each group is a figure the sources agree on, with how "
        "many independent origins back it. An origin is the source an article names, else the "
        "article's publisher. In the diagrams, articles (grey) lead to the figures they give and to "
        "the origins they name (yellow); red links join figures that disagree, dotted links show "
        "the other findings.",
    ]
    for topic in topics:
        blocks += _topic(ctx, topic)
    return blocks


def _topic(ctx: _Context, topic: Topic) -> list[str]:
    view = ctx.view
    claims = view.topic_claims(topic)
    findings = view.findings_by_topic.get(topic.id, ())
    anchor = ctx.anchors[("topic", topic.id)]
    origins = {view.origin(c) for c in claims}
    facts = [
        f"{_count(len(claims), 'claim')} in {_count(len({c.document for c in claims}), 'article')}",
        _count(len(origins), "independent origin"),
    ]
    if findings:
        facts.append(", ".join(plural(k, n) for k, n in kind_counts(findings) if n))
    blocks = [f'### <a id="{anchor}"></a>{md_inline(_topic_label(topic))}', " · ".join(facts)]
    if claims:
        blocks += _figures(ctx, claims)
        blocks += _timeline(ctx, topic, claims)
    if findings:
        blocks.append("#### Findings")
        for finding in findings:
            blocks += _finding(ctx, finding)
    graph = topic_graph(view, topic, claims)
    if graph:
        blocks.append("#### Who said what")
        blocks.append(f"```mermaid\n{graph}\n```")
    return blocks


def _figures(ctx: _Context, claims: Sequence[Claim]) -> list[str]:
    view = ctx.view
    grouping = view.value_groups(claims)
    lines = []
    for group in grouping.groups:
        figures = sorted({view.figure(c) for c in group.claims})
        head = figures[0] if len(figures) == 1 else " / ".join(figures)
        lines.append(
            f"- **{md_inline(head)}**: {_count(group.documents, 'article')}, "
            f"{_count(len(group.origins), 'independent origin')} ({md_inline(', '.join(group.origins))})"
        )
    if grouping.several:
        fits = ", ".join(view.side(c) for c in grouping.several)
        lines.append(f"- Fits several of the figures above: {md_inline(fits)}")
    rows = []
    ordered = [c for g in grouping.groups for c in g.claims] + list(grouping.several)
    for claim in ordered:
        rows.append(
            [
                md_cell(view.figure(claim)),
                _when_cell(claim),
                _quote_cell(claim),
                md_cell(view.origin(claim)),
                _source_link(ctx, claim),
            ]
        )
    return [
        "#### Figures",
        "\n".join(lines),
        _table(["Figure", "When", "Quote", "Origin", "Source"], rows),
    ]


def _timeline(ctx: _Context, topic: Topic, claims: Sequence[Claim]) -> list[str]:
    if distinct_times(claims) < 2:
        return []
    view = ctx.view
    lines: list[str] = []
    current: tuple[object, ...] | None = None
    heading = ""
    for claim in view.timeline(claims):
        key = time_key(claim)
        if key != current:
            current, heading = key, format_time(claim.time)
            lines.append(f"- **{md_inline(_when(claim))}**")
        doc = view.documents.get(claim.document)
        parts = [view.figure(claim), view.origin(claim)]
        if format_time(claim.time) != heading:  # same dates, other words ("autumn 2024")
            parts.append(f"“{format_time(claim.time)}”")
        if doc and doc.published:
            parts.append(f"reported {format_date(doc.published)}")
        lines.append(f"  - {md_inline(' · '.join(parts))} · {_source_link(ctx, claim)}")
    blocks = ["#### Timeline", "\n".join(lines)]
    chart = figures_chart(view.timeline(claims), _measure(topic, claims))
    if chart:
        blocks.append(f"```mermaid\n{chart}\n```")
    return blocks


def _finding(ctx: _Context, finding: Finding) -> list[str]:
    view = ctx.view
    number = ctx.numbers.get(finding.fingerprint)
    anchor = ctx.anchors[("finding", finding.fingerprint)]
    title = f"{number}. " if number is not None else ""
    title += f"{_kind_title(finding.kind)} · {finding.severity} · rule {finding.rule}"
    blocks = [f'##### <a id="{anchor}"></a>{md_inline(title)}', f"**Why:** {md_inline(finding.message)}"]
    notes = []
    if view.baseline:
        status = f"Status: {finding.status}"
        if finding.reason:
            status += f" (baseline note: {finding.reason})"
        notes.append(md_inline(status))
    if finding.origins:
        notes.append(md_inline(f"Independent origins: {', '.join(finding.origins)}"))
    if notes:
        blocks.append(" · ".join(notes))
    claims = view.finding_claims(finding)
    rows = [
        [
            str(i),
            md_cell(view.figure(c)),
            _when_cell(c),
            _quote_cell(c),
            md_cell(view.origin(c)),
            _source_link(ctx, c),
        ]
        for i, c in enumerate(claims, start=1)
    ]
    if rows:
        blocks.append(_table(["Side", "Figure", "When", "Quote", "Origin", "Source"], rows))
    return blocks


# --- appendices ----------------------------------------------------------------------------


def _sources(ctx: _Context) -> list[str]:
    view = ctx.view
    documents = view.documents_in_order()
    if not documents:
        return []
    blocks = ["## Sources", "Each article, what it claimed and where it stands."]
    for doc in documents:
        anchor = ctx.anchors[("doc", doc.id)]
        title = doc.title or doc.id
        details = [
            f"File: [{md_inline(doc.path)}]({link_target(ctx.link_prefix, doc.path)})",
            f"Publisher: {md_inline(doc.publisher or 'unknown')}",
            f"Published: {format_date(doc.published)}",
            f"Language: {md_inline(doc.language or 'unknown')}",
        ]
        if doc.url:
            details.append(f"URL: {md_inline(doc.url)}")
        stance = view.stance(doc.id)
        standing = (
            "Takes part in " + ", ".join(plural(k, n) for k, n in stance) + "."
            if stance
            else "Takes part in no finding."
        )
        blocks += [f'### <a id="{anchor}"></a>{md_inline(title)}', " · ".join(details), standing]
        claims = view.claims_by_document.get(doc.id, ())
        if not claims:
            blocks.append("No figures or dates were found in this article.")
            continue
        rows = [
            [
                _line_link(ctx, c),
                _quote_cell(c),
                md_cell(view.figure(c)),
                _when_cell(c),
                md_cell(view.origin(c)),
                _claim_topic_ref(ctx, c),
            ]
            for c in claims
        ]
        blocks.append(_table(["Line", "Quote", "Figure", "When", "Origin", "Topic"], rows))
    return blocks


def _origins(ctx: _Context) -> list[str]:
    view = ctx.view
    origins = view.origins()
    if not origins:
        return []
    blocks = [
        "## Origins",
        "Who the figures come from: the source an article names, else the article's publisher.",
    ]
    for name, claims in origins:
        articles = sorted({view.source_name(c.document) for c in claims}, key=lambda s: (s.casefold(), s))
        blocks.append(f"### {md_inline(name)}")
        reported = _count(len({c.document for c in claims}), "article")
        blocks.append(f"{_count(len(claims), 'claim')}, reported by {reported}: {md_inline(', '.join(articles))}")
        rows = [
            [
                md_cell(view.figure(c)),
                _when_cell(c),
                _quote_cell(c),
                _source_link(ctx, c),
                _claim_topic_ref(ctx, c),
            ]
            for c in claims
        ]
        blocks.append(_table(["Figure", "When", "Quote", "Source", "Topic"], rows))
    return blocks


# --- pieces --------------------------------------------------------------------------------


def _overview_order(view: View, topic_order: Sequence[Topic]) -> tuple[Finding, ...]:
    """Worst first; among equals, in the order the topics are shown."""
    rank = {t.id: i for i, t in enumerate(topic_order)}
    return tuple(
        sorted(
            sort_findings(view.result.findings),
            key=lambda f: (
                severity_rank(f.severity),
                rank.get(f.topic, len(rank)),
            ),
        )
    )


def _anchors(result: Result) -> dict[tuple[str, str], str]:
    """Anchors made only of [a-z0-9-], unique, derived from ids in sorted order."""
    anchors: dict[tuple[str, str], str] = {}
    used: set[str] = set()
    groups: list[tuple[str, str, Iterable[str]]] = [
        ("topic", "topic-", sorted(t.id for t in result.topics)),
        ("finding", "finding-", sorted({f.fingerprint for f in result.findings})),
        ("doc", "source-", sorted(d.id for d in result.documents)),
    ]
    for kind, prefix, ids in groups:
        for ident in ids:
            if (kind, ident) in anchors:
                continue
            base = prefix + (_ANCHOR_UNSAFE.sub("-", ident.lower()).strip("-")[:40] or "x")
            anchor, n = base, 2
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            used.add(anchor)
            anchors[(kind, ident)] = anchor
    return anchors


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], align: Sequence[str] | None = None) -> str:
    """A GFM table from cells that are already escaped Markdown."""
    rules = {"right": "---:", "center": ":---:"}
    delimiter = [rules.get(a, "---") for a in (align or [""] * len(header))]
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join(delimiter) + " |"]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def _source_link(ctx: _Context, claim: Claim) -> str:
    name = md_inline(f"{ctx.view.source_name(claim.document)}, line {claim.line}")
    path = ctx.view.path(claim.document)
    return f"[{name}]({link_target(ctx.link_prefix, path, claim.line)})" if path else name


def _line_link(ctx: _Context, claim: Claim) -> str:
    path = ctx.view.path(claim.document)
    return f"[{claim.line}]({link_target(ctx.link_prefix, path, claim.line)})" if path else str(claim.line)


def _when_cell(claim: Claim) -> str:
    """The time a claim is about; a date claim's own date is already its figure."""
    if claim.kind == "date" and (claim.time is None or claim.time == claim.value):
        return "—"
    return md_cell(format_time(claim.time))


def _quote_cell(claim: Claim) -> str:
    return f"“{md_cell(claim.quote)}”"


def _finding_ref(ctx: _Context, finding: Finding) -> str:
    number = ctx.numbers.get(finding.fingerprint, 0)
    return f"[{number}](#{ctx.anchors[('finding', finding.fingerprint)]})"


def _topic_ref(ctx: _Context, topic_id: str) -> str:
    topic = ctx.view.topics.get(topic_id)
    if topic is None:
        return md_cell(topic_id)
    return f"[{md_cell(_topic_label(topic))}](#{ctx.anchors[('topic', topic_id)]})"


def _claim_topic_ref(ctx: _Context, claim: Claim) -> str:
    return ", ".join(_topic_ref(ctx, t) for t in ctx.topics_of_claim.get(claim.id, ())) or "—"


def _topic_label(topic: Topic) -> str:
    return topic.label.strip() or " · ".join(p for p in topic.key if p) or topic.id


def _measure(topic: Topic, claims: Sequence[Claim]) -> str:
    """What a topic's figures count, for a chart axis: "soldiers deployed"."""
    words = [w for w in (claims[0].category, claims[0].event) if w] if claims else []
    return " ".join(w.replace("_", " ") for w in words) or _topic_label(topic)


def _when(claim: Claim) -> str:
    """A timeline heading: the words of the text, with the dates they stand for."""
    span = claim.time
    if span is None:
        return "time not stated"
    words, dates = format_time(span), format_dates(span)
    return words if words == dates else f"{words} ({dates})"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _kind_title(kind: str) -> str:
    """"contradiction" -> "Contradiction", for a finding's heading (escaped by the caller)."""
    return kind[:1].upper() + kind[1:]


def _kinds_title(kind: str) -> str:
    """"echo" -> "Echoes", for a column of counts."""
    return md_cell(_kind_title(plural(kind, 2).split(" ", 1)[1]))


def _severity(severity: str) -> str:
    icon = _SEVERITY_ICONS.get(severity)
    return f"{icon} {md_cell(severity)}" if icon else md_cell(severity)


def _severity_count(severity: str, n: int) -> str:
    if not n:
        return ""
    return f"{n} {md_inline(severity)}" if severity == "info" or n == 1 else f"{n} {md_inline(severity)}s"
