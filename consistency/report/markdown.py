"""The Markdown report: the way to understand a pile of articles on one story.

Reading order: the summary (counts, what changed since the baseline, what was skipped),
an overview table of findings, then one section per topic (its figures grouped by
agreement, how they moved over time, each finding with both sides quoted and linked to
the line of the article, a diagram), then an appendix per article and per origin.

Every piece of article text goes through `escape`, so a quote can never break a table or
add a heading, and every ordering is explicit, so the same Result always gives the same
bytes.

A report on a few dozen articles shows everything. On thousands, what repeats per item (a
topic's claims, its timeline, its findings, the appendices) would make a file of megabytes
that nobody reads and GitHub will not display, so each of those stops at a size set in
`Limits`, keeps the most telling part (the worst findings, one claim per figure, the earliest
and latest times) and says what it left out. The counts are always complete, and the JSON
output has it all.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, fields

from consistency.lazy_re import lazy_compile
from consistency.model import Claim, Finding, Result, Severity, Topic

from .escape import link_target, md_cell, md_inline
from .mermaid import MAX_DIAGRAM_CLAIMS, chart_value, diagram_nodes, figures_chart, topic_graph
from .values import format_date, format_dates, format_time
from .view import (
    View,
    distinct_times,
    kind_counts,
    plural,
    severity_rank,
    sort_findings,
    time_key,
)

_SEVERITY_ICONS = {Severity.ERROR: "🔴", Severity.WARNING: "🟠", Severity.INFO: "🔵"}
_ANCHOR_UNSAFE = lazy_compile(r"[^a-z0-9]+")
_IN_JSON = "in the JSON output (`--format json`)"


@dataclass(frozen=True)
class Limits:
    """How much of what repeats a large corpus's report shows; below every limit nothing is left out."""

    full: int = 50  # a corpus of at most this many articles gets the full report, whatever its size
    long_tables: int = 50  # rows of the findings overview, new and resolved findings, skipped inputs
    rows: int = 20  # rows of one item's table: a topic's claims, an article's, an origin's
    topic_findings: int = 3  # findings detailed under a topic (the worst; also any in the overview)
    sides: int = 6  # sides of one finding, in its table or in a cell
    times: int = 10  # times in an abridged timeline: the earliest half and the latest half
    per_time: int = 2  # figures under one time of an abridged timeline
    listed: int = 8  # names listed in one sentence (origins, articles, claims that fit several figures)
    articles: int = 30  # articles with a section in Sources: those in the most findings
    origins: int = 15  # origins with a section in Origins: the most quoted
    diagram_nodes: int = 60  # articles, figures and origins in one diagram


LIMITS = Limits()
_UNLIMITED = Limits(**{f.name: 10**12 for f in fields(Limits)})  # more than any corpus holds


@dataclass(frozen=True)
class _Context:
    view: View
    link_prefix: str
    limits: Limits
    numbers: dict[str, int]  # finding fingerprint -> its number in the overview
    anchors: dict[tuple[str, str], str]  # ("topic" | "finding" | "doc", id) -> anchor
    topic_order: tuple[Topic, ...]
    topics_of_claim: dict[str, tuple[str, ...]]  # claim id -> ids of its topics, in report order
    detailed: frozenset[str]  # fingerprints of the findings shown in full under their topic
    cut: list[str] = field(default_factory=list)  # filled while rendering: the parts that were shortened


def render_markdown(result: Result, *, link_prefix: str = "", limits: Limits = LIMITS, baseline_used: bool = False) -> str:
    """The report. `link_prefix` is prepended to article paths in links ("../" when the report
    is written in `reports/` and paths are relative to the repository root); `limits` applies
    to corpora of more than `limits.full` articles (see docs/report.md). `baseline_used` is
    the keyword every renderer of `RENDERERS` takes; the report reads the baseline from `result`."""
    if len(result.documents) <= limits.full:
        limits = _UNLIMITED
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
        limits=limits,
        numbers={f.fingerprint: i for i, f in enumerate(findings, start=1)},
        anchors=_anchors(result),
        topic_order=topic_order,
        topics_of_claim={k: tuple(v) for k, v in topics_of_claim.items()},
        detailed=frozenset(
            [f.fingerprint for f in findings[: limits.long_tables]]
            + [
                f.fingerprint
                for topic in topic_order
                for f in view.findings_by_topic.get(topic.id, ())[: limits.topic_findings]
            ]
        ),
    )
    body: list[str] = []
    if view.baseline:
        body += _baseline(ctx, findings)
    if result.skipped:
        body += _skipped(ctx)
    body += _overview(ctx, findings)
    body += _topics(ctx)
    body += _sources(ctx)
    body += _origins(ctx)
    blocks = [f"# Consistency report: {md_inline(result.corpus) or 'corpus'}", *_summary(ctx), *body]
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
            _severity_count(s, sum(1 for f in result.findings if f.severity is s))
            for s in sorted(Severity, reverse=True)
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
    if ctx.cut:
        blocks.append(
            f"**Abridged report:** long lists stop at a fixed length ({', '.join(dict.fromkeys(ctx.cut))}) "
            f"and each says what it leaves out. The counts above cover everything, and every claim and "
            f"finding is {_IN_JSON}."
        )
    return blocks


def _baseline(ctx: _Context, findings: Sequence[Finding]) -> list[str]:
    limit = ctx.limits.long_tables
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
                        _sides_cell(ctx, f),
                    ]
                    for f in fresh[:limit]
                ],
            )
        )
        blocks.append(_more_findings(ctx, fresh[limit:], "new or changed finding"))
    else:
        blocks.append("Nothing new: every finding was already in the baseline.")
    resolved = sort_findings(ctx.view.result.resolved)
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
                    for f in resolved[:limit]
                ],
            )
        )
        blocks.append(_more_findings(ctx, resolved[limit:], "resolved finding"))
    return blocks


def _skipped(ctx: _Context) -> list[str]:
    skipped = sorted(ctx.view.result.skipped, key=lambda s: (s.path, s.reason))
    shown = skipped[: ctx.limits.long_tables]
    return [
        "## Skipped inputs",
        "These files were not read; their claims are missing from this report.",
        _table(["File", "Reason"], [[md_cell(s.path), md_cell(s.reason)] for s in shown]),
        _more(ctx, len(skipped) - len(shown), "skipped input"),
    ]


def _overview(ctx: _Context, findings: Sequence[Finding]) -> list[str]:
    if not findings:
        return []
    baseline = ctx.view.baseline
    header = ["#", "Severity", "Kind", "Rule", "Topic", "Sides"] + (["Status"] if baseline else [])
    rows = []
    shown = findings[: ctx.limits.long_tables]
    for f in shown:
        row = [
            _finding_ref(ctx, f),
            _severity(f.severity),
            md_cell(f.kind),
            md_cell(f.rule),
            _topic_ref(ctx, f.topic),
            _sides_cell(ctx, f),
        ]
        rows.append(row + ([md_cell(f.status)] if baseline else []))
    return ["## Findings", _table(header, rows), _more_findings(ctx, findings[len(shown) :], "finding")]


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
        "article itself (its publisher, else its title). In the diagrams, articles (grey) lead to "
        "the figures they give and to the origins they name (yellow); red links join figures on "
        "opposite sides of a disagreement, dotted links show the other findings (an arrow goes "
        "from an earlier count to its update).",
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
        shown = [f for f in findings if f.fingerprint in ctx.detailed]
        for finding in shown:
            blocks += _finding(ctx, finding)
        rest = [f for f in findings if f.fingerprint not in ctx.detailed]
        blocks.append(_more_findings(ctx, rest, "finding", " in this topic"))
    graph = topic_graph(view, topic, claims, max_nodes=ctx.limits.diagram_nodes)
    if graph:
        blocks.append("#### Who said what")
        blocks.append(f"```mermaid\n{graph}\n```")
    elif len(claims) > MAX_DIAGRAM_CLAIMS or diagram_nodes(claims) > ctx.limits.diagram_nodes:
        blocks.append("#### Who said what")
        too_many = _count(len(claims), "claim")
        blocks.append(f"No diagram: {too_many} are too many to draw; the tables above say it better.")
    return blocks


def _figures(ctx: _Context, claims: Sequence[Claim]) -> list[str]:
    view = ctx.view
    limits = ctx.limits
    grouping = view.value_groups(claims)
    lines = []
    for group in grouping.groups[: limits.rows]:
        head = _listing(ctx, sorted({view.figure(c) for c in group.claims}), "figure", " / ")
        origins = _listing(ctx, group.origins, "origin")
        lines.append(
            f"- **{md_inline(head)}**: {_count(group.documents, 'article')}, "
            f"{_count(len(group.origins), 'independent origin')} ({md_inline(origins)})"
        )
    if len(grouping.groups) > limits.rows:
        lines.append("- " + _more(ctx, len(grouping.groups) - limits.rows, "figure"))
    if grouping.several:
        fits = _listing(ctx, [view.side(c) for c in grouping.several], "claim")
        lines.append(f"- Fits several of the figures above: {md_inline(fits)}")
    ordered = view.repeats([c for g in grouping.groups for c in g.claims] + list(grouping.several))
    note = ""
    if len(ordered) > limits.rows:  # one claim per figure, the first in the articles' order
        ordered = tuple((g.claims[0],) for g in grouping.groups[: limits.rows])
        ctx.cut.append("claims")
        note = f"One claim for each figure: {len(ordered)} of {len(claims)} claims; the others are {_IN_JSON}."
    rows = [
        [
            md_cell(view.figure(same[0])),
            _when_cell(same[0]),
            _quote_cell(*same),
            md_cell(view.origin(same[0])),
            _source_link(ctx, *same),
        ]
        for same in ordered
    ]
    return [
        "#### Figures",
        "\n".join(lines),
        _table(["Figure", "When", "Quote", "Origin", "Source"], rows),
        note,
    ]


def _timeline(ctx: _Context, topic: Topic, claims: Sequence[Claim]) -> list[str]:
    if distinct_times(claims) < 2:
        return []
    view = ctx.view
    limits = ctx.limits
    ordered = view.timeline(claims)
    times: list[list[Claim]] = []  # the claims of each time, in time order
    for claim in ordered:
        if times and time_key(times[-1][0]) == time_key(claim):
            times[-1].append(claim)
        else:
            times.append([claim])
    abridged = len(ordered) > limits.rows
    if abridged:
        ctx.cut.append("times")
    first = limits.times - limits.times // 2
    last = limits.times // 2
    skipped_from = first if abridged and len(times) > limits.times else len(times)
    skipped_to = len(times) - last if skipped_from < len(times) else len(times)
    lines: list[str] = []
    charted: list[Claim] = []
    for i, same_time in enumerate(times):
        if skipped_from <= i < skipped_to:
            if i == skipped_from:
                between = times[skipped_from:skipped_to]
                n_claims = sum(len(t) for t in between)
                lines.append(
                    f"- … {_count(len(between), 'other time')} ({_count(n_claims, 'claim')}), from "
                    f"{md_inline(_when(between[0][0]))} to {md_inline(_when(between[-1][0]))}: they are {_IN_JSON}"
                )
            continue
        heading = format_time(same_time[0].time)
        lines.append(f"- **{md_inline(_when(same_time[0]))}**")
        said = view.repeats(same_time)
        shown = said[: limits.per_time] if abridged else said
        for same in shown:
            lines.append(f"  - {_timeline_entry(ctx, same, heading)}")
        if len(shown) < len(said):
            lines.append(f"  - … and {len(said) - len(shown)} more at this time")
        charted.extend(
            [same[0] for same in shown] if not abridged else [c for c in same_time if chart_value(c) is not None][:1]
        )
    blocks = ["#### Timeline", "\n".join(lines)]
    chart = figures_chart(charted, _measure(topic, claims))
    if chart:
        blocks.append(f"```mermaid\n{chart.text}\n```")
        if chart.left_out:
            blocks.append(_chart_note(ctx, chart.left_out))
    return blocks


def _chart_note(ctx: _Context, left_out: Sequence[tuple[Claim, str]]) -> str:
    """What the chart above does not draw, and why, so that no figure vanishes silently."""
    view = ctx.view
    entries = [f"{view.side(claim)}: {why}" for claim, why in left_out]
    return md_inline(f"Not in the chart: {_listing(ctx, entries, 'figure', '; ')}.")


def _timeline_entry(ctx: _Context, same: Sequence[Claim], heading: str) -> str:
    view = ctx.view
    claim = same[0]
    doc = view.documents.get(claim.document)
    parts = [view.figure(claim), view.origin(claim)]
    when = format_time(claim.time)
    if when != heading:  # same dates, other words ("autumn 2024")
        parts.append(f"“{when}”")
    if doc and doc.published:
        parts.append(f"reported {format_date(doc.published)}")
    return f"{md_inline(' · '.join(parts))} · {_source_link(ctx, *same)}"


def _finding(ctx: _Context, finding: Finding) -> list[str]:
    view = ctx.view
    number = ctx.numbers.get(finding.fingerprint)
    anchor = ctx.anchors[("finding", finding.fingerprint)]
    title = f"{number}. " if number is not None else ""
    title += f"{_kind_title(finding.kind)} · {finding.severity} · rule {finding.rule}"
    blocks = [f'##### <a id="{anchor}"></a>{md_inline(title)}', f"**Why:** {md_inline(view.message(finding))}"]
    notes = []
    if view.baseline:
        status = f"Status: {finding.status}"
        if finding.reason:
            status += f" (baseline note: {finding.reason})"
        notes.append(md_inline(status))
    if finding.origins:
        notes.append(md_inline(f"Independent origins: {_listing(ctx, view.origin_labels(finding), 'origin')}"))
    if notes:
        blocks.append(" · ".join(notes))
    said = [(i, same) for i, side in enumerate(view.finding_sides(finding), start=1) for same in view.repeats(side)]
    rows = [
        [
            str(i),
            md_cell(view.figure(same[0])),
            _when_cell(same[0]),
            _quote_cell(*same),
            md_cell(view.origin(same[0])),
            _source_link(ctx, *same),
        ]
        for i, same in said[: ctx.limits.sides]
    ]
    if rows:
        blocks.append(_table(["Side", "Figure", "When", "Quote", "Origin", "Source"], rows))
    blocks.append(_more(ctx, len(said) - len(rows), "side"))
    return blocks


# --- appendices ----------------------------------------------------------------------------


def _sources(ctx: _Context) -> list[str]:
    view = ctx.view
    documents = view.documents_in_order()
    if not documents:
        return []
    blocks = ["## Sources", "Each article, what it claimed and where it stands."]
    if len(documents) > ctx.limits.articles:  # only articles in findings, those in the most
        count = _findings_per_article(view)
        ranked = sorted((d for d in documents if count.get(d.id)), key=lambda d: (-count[d.id], d.id))
        shown = {d.id for d in ranked[: ctx.limits.articles]}
        in_findings = len(ranked) - len(shown)
        ctx.cut.append("articles")
        blocks[-1] = (
            f"The {len(shown)} articles that take part in the most findings, what they claimed and where "
            f"they stand. The {len(documents) - len(shown)} others ({in_findings} of them in findings) are "
            f"{_IN_JSON}."
            if len(shown) > 1
            else f"The one article that takes part in a finding, what it claimed and where it stands. The "
            f"{len(documents) - 1} others are {_IN_JSON}."
            if shown
            else f"No article takes part in a finding; the {len(documents)} articles are {_IN_JSON}."
        )
        documents = tuple(d for d in documents if d.id in shown)
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
            for c in claims[: ctx.limits.rows]
        ]
        blocks.append(_table(["Line", "Quote", "Figure", "When", "Origin", "Topic"], rows))
        blocks.append(_more(ctx, len(claims) - len(rows), "claim"))
    return blocks


def _findings_per_article(view: View) -> dict[str, int]:
    """How many findings each article's claims take part in."""
    seen: dict[str, set[str]] = {}
    for finding in view.result.findings:
        for claim_id in finding.claims:
            claim = view.claims.get(claim_id)
            if claim is not None:
                seen.setdefault(claim.document, set()).add(finding.fingerprint)
    return {doc_id: len(fingerprints) for doc_id, fingerprints in seen.items()}


def _origins(ctx: _Context) -> list[str]:
    view = ctx.view
    origins = view.origins()
    if not origins:
        return []
    blocks = [
        "## Origins",
        "Who the figures come from: the source an article names, else the article itself (its "
        "publisher, else its title).",
    ]
    limit = ctx.limits.origins
    for name, claims in origins[:limit]:
        articles = sorted({view.source_name(c.document) for c in claims}, key=lambda s: (s.casefold(), s))
        blocks.append(f"### {md_inline(name)}")
        reported = _count(len({c.document for c in claims}), "article")
        listed = _listing(ctx, articles, "article")
        blocks.append(f"{_count(len(claims), 'claim')}, reported by {reported}: {md_inline(listed)}")
        rows = [
            [
                md_cell(view.figure(c)),
                _when_cell(c),
                _quote_cell(c),
                _source_link(ctx, c),
                _claim_topic_ref(ctx, c),
            ]
            for c in claims[: ctx.limits.rows]
        ]
        blocks.append(_table(["Figure", "When", "Quote", "Source", "Topic"], rows))
        blocks.append(_more(ctx, len(claims) - len(rows), "claim"))
    if len(origins) > limit:
        rest = origins[limit:]
        blocks.append(
            _more(ctx, len(rest), "origin", f" ({_count(sum(len(c) for _, c in rest), 'claim')}), each quoted less")
        )
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
    tried: dict[str, int] = {}  # base → the next suffix to try: every lower one is taken (linear, not quadratic, in a clash)
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
            n = tried.get(base, 2)
            anchor = base if n == 2 else f"{base}-{n - 1}"  # where the last search for this base stopped
            while anchor in used:
                anchor, n = f"{base}-{n}", n + 1
            tried[base] = n
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


def _more(ctx: _Context, n: int, noun: str, detail: str = "") -> str:
    """"… and 3 more claims: they are in the JSON output (…)", noted for the summary; "" for none."""
    if n <= 0:
        return ""
    nouns = noun if n == 1 else _plural_noun(noun)
    ctx.cut.append(_plural_noun(noun))
    return f"… and {n} more {nouns}{detail}: {'it is' if n == 1 else 'they are'} {_IN_JSON}."


def _more_findings(ctx: _Context, rest: Sequence[Finding], noun: str, where: str = "") -> str:
    """What a list of findings left out, by kind."""
    if not rest:
        return ""
    kinds = ", ".join(plural(k, n) for k, n in kind_counts(rest) if n)
    return _more(ctx, len(rest), noun, f"{where} ({kinds})")


def _listing(ctx: _Context, names: Sequence[str], noun: str, joiner: str = ", ") -> str:
    """Names joined, the first `limits.listed` of them and how many more."""
    limit = ctx.limits.listed
    if len(names) <= limit:
        return joiner.join(names)
    ctx.cut.append(_plural_noun(noun))
    shown = joiner.join(names[:limit])
    return f"{shown} and {len(names) - limit} more" if shown else _count(len(names), noun)


def _sides_cell(ctx: _Context, finding: Finding) -> str:
    limit = ctx.limits.sides
    if sum(len(entries) for entries in ctx.view.side_entries(finding)) > limit:
        ctx.cut.append("sides")
    return md_cell(ctx.view.sides(finding, limit=limit))


def _plural_noun(noun: str) -> str:
    return noun if noun.endswith("s") else noun + "s"


def _source_link(ctx: _Context, claim: Claim, *same: Claim) -> str:
    """"[Le Monde, line 12](…#L12)"; a statement repeated in one article gives every line,
    linking to the first."""
    lines = sorted({claim.line, *(c.line for c in same)})
    where = f"line {lines[0]}" if len(lines) == 1 else f"lines {', '.join(map(str, lines))}"
    name = md_inline(f"{ctx.view.source_name(claim.document)}, {where}")
    path = ctx.view.path(claim.document)
    return f"[{name}]({link_target(ctx.link_prefix, path, lines[0])})" if path else name


def _line_link(ctx: _Context, claim: Claim) -> str:
    path = ctx.view.path(claim.document)
    return f"[{claim.line}]({link_target(ctx.link_prefix, path, claim.line)})" if path else str(claim.line)


def _when_cell(claim: Claim) -> str:
    """The time a claim is about; a date claim's own date is already its figure."""
    if claim.kind == "date" and (claim.time is None or claim.time == claim.value):
        return "—"
    return md_cell(format_time(claim.time))


def _quote_cell(*claims: Claim) -> str:
    """The words of the text; one statement written several ways shows each wording once."""
    quotes = dict.fromkeys(c.quote for c in claims)
    return " · ".join(f"“{md_cell(q)}”" for q in quotes)


def _finding_ref(ctx: _Context, finding: Finding) -> str:
    """The finding's number, a link to its details when its topic shows them."""
    number = ctx.numbers.get(finding.fingerprint, 0)
    if finding.fingerprint not in ctx.detailed:
        return str(number)
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


def _severity(severity: Severity) -> str:
    return f"{_SEVERITY_ICONS[severity]} {md_cell(severity.label)}"


def _severity_count(severity: Severity, n: int) -> str:
    if not n:
        return ""
    name = md_inline(severity.label)
    return f"{n} {name}" if severity is Severity.INFO or n == 1 else f"{n} {name}s"
