"""Mermaid diagrams for a topic: who said what, and how the figures moved over time.

Node ids are generated ("d1", "c2", "o3"), never taken from the text, and every label goes
through `mermaid_label`, so an article cannot break or inject into a diagram.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from consistency.model import Claim, Topic

from .escape import mermaid_label, one_line, shorten
from .values import chart_number, format_dates, format_time
from .view import OPPOSING_KINDS, View, distinct_times, severity_rank

# Beyond this many claims a diagram is a hairball; the tables say it better.
MAX_DIAGRAM_CLAIMS = 40
MAX_CHART_BARS = 40


def diagram_nodes(claims: Sequence[Claim]) -> int:
    """How many nodes `topic_graph` draws at most for these claims: articles, figures and origins."""
    return len({c.document for c in claims}) + len(claims) + len({c.attributed_to for c in claims if c.attributed_to})


def topic_graph(view: View, topic: Topic, claims: Sequence[Claim], *, max_nodes: int | None = None) -> str | None:
    """Articles → what they say → the origins they name; findings join the figures they relate.

    A figure an article states twice (same value, time and origin) is one node. Findings
    are drawn from their sides: a disagreement (contradiction, dispute) is a thick red link
    between figures on different sides, never within one side; an update is a dotted arrow
    from the earlier count to the later; agreement is a dotted link. Two figures are joined
    once, the link naming every kind of finding between them. Figures in an error-severity
    finding get a red border. None when the topic is too big: more than MAX_DIAGRAM_CLAIMS
    claims, or more than `max_nodes` nodes.
    """
    if not claims or len(claims) > MAX_DIAGRAM_CLAIMS:
        return None
    if max_nodes is not None and diagram_nodes(claims) > max_nodes:
        return None
    lines = ["flowchart LR"]
    doc_ids: dict[str, str] = {}
    claim_ids: dict[str, str] = {}  # claim id -> node of the statement it belongs to
    origin_ids: dict[str, str] = {}
    statements = view.repeats(claims)
    for claim in claims:
        if claim.document not in doc_ids:
            doc_ids[claim.document] = f"d{len(doc_ids) + 1}"
            lines.append(f'  {doc_ids[claim.document]}["{mermaid_label(view.source_name(claim.document))}"]')
    for i, same in enumerate(statements, start=1):
        for claim in same:
            claim_ids[claim.id] = f"c{i}"
        lines.append(f'  c{i}("{mermaid_label(view.figure(same[0]), limit=32)}")')
    for claim in claims:
        if claim.attributed_to and claim.attributed_to not in origin_ids:
            origin_ids[claim.attributed_to] = f"o{len(origin_ids) + 1}"
            lines.append(f'  {origin_ids[claim.attributed_to]}{{{{"{mermaid_label(claim.attributed_to)}"}}}}')

    links = 0
    for i, same in enumerate(statements, start=1):
        lines.append(f"  {doc_ids[same[0].document]} --> c{i}")
        links += 1
    for i, same in enumerate(statements, start=1):
        if same[0].attributed_to:
            lines.append(f"  c{i} -->|says| {origin_ids[same[0].attributed_to]}")
            links += 1
    edges: dict[tuple[str, str], list[str]] = {}  # (from, to) -> kinds, in the order first met
    flagged: set[str] = set()
    for finding in view.findings_by_topic.get(topic.id, ()):
        nodes = [
            list(dict.fromkeys(claim_ids[c.id] for c in side if c.id in claim_ids))
            for side in view.finding_sides(finding)
        ]
        nodes = [side for side in nodes if side]
        for a, b in _finding_edges(finding.kind, nodes):
            pair = (a, b) if (b, a) not in edges else (b, a)
            kinds = edges.setdefault(pair, [])
            if finding.kind not in kinds:
                kinds.append(finding.kind)
        if severity_rank(finding.severity) == 0:
            flagged.update(n for side in nodes for n in side)
    opposing: list[int] = []
    for (a, b), kinds in edges.items():
        label = mermaid_label(", ".join(kinds), limit=32)
        if OPPOSING_KINDS & set(kinds):
            arrow = "---"
            opposing.append(links)
        else:
            arrow = "-.->" if kinds == ["update"] else "-.-"
        lines.append(f'  {a} {arrow}|"{label}"| {b}')
        links += 1
    if opposing:
        lines.append(f"  linkStyle {','.join(map(str, opposing))} stroke:#d1242f,stroke-width:3px")
    lines.append("  classDef article fill:#f6f8fa,stroke:#57606a")
    lines.append("  classDef origin fill:#fff8c5,stroke:#9a6700")
    lines.append("  classDef flagged stroke:#d1242f,stroke-width:3px")
    lines.append(f"  class {','.join(doc_ids.values())} article")
    if origin_ids:
        lines.append(f"  class {','.join(origin_ids.values())} origin")
    if flagged:
        lines.append(f"  class {','.join(sorted(flagged, key=lambda n: int(n[1:])))} flagged")
    return "\n".join(lines)


def _finding_edges(kind: str, sides: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """The links that show one finding, between nodes of its sides (a node is never linked
    to itself: two claims of one statement are one node)."""
    edges: list[tuple[str, str]] = []
    if kind in OPPOSING_KINDS or kind == "update":
        firsts = [side[0] for side in sides]
        pairs = zip(firsts, firsts[1:]) if kind == "update" else [
            (a, b) for i, a in enumerate(firsts) for b in firsts[i + 1 :]
        ]
        edges += [(a, b) for a, b in pairs if a != b]
        if kind == "update":  # the other figures of a side lead to its first
            edges += [(n, side[0]) for side in sides for n in side[1:]]
        return edges
    members = list(dict.fromkeys(n for side in sides for n in side))
    return [(members[0], other) for other in members[1:]]


@dataclass(frozen=True)
class Chart:
    """A bar chart of a topic's figures over time, and the figures it does not draw."""

    text: str
    left_out: tuple[tuple[Claim, str], ...]  # (claim, why it has no bar)


def figures_chart(claims: Sequence[Claim], what: str) -> Chart | None:
    """A bar per figure, in time order, when the figures are about at least two times.

    Only totals of people or things are drawn: additions, percentages and figures without
    a stated time would put different measures on one axis. The same figure for the same
    time is one bar; every bar has its own x label (Mermaid draws bars with one label in
    one place, hiding all but one), and the figures left out are returned with the reason.
    """
    bars: dict[tuple[object, ...], tuple[Claim, float]] = {}
    left_out: list[tuple[Claim, str]] = []
    for claim in claims:
        number = chart_value(claim)
        if number is None:
            why = _no_bar(claim)
            if why:
                left_out.append((claim, why))
            continue
        time = claim.time
        assert time is not None
        bars.setdefault((time.low, time.high, time.low_minute, time.high_minute, number), (claim, number))
    drawable = list(bars.values())
    if len(drawable) > MAX_CHART_BARS:
        left_out += [(c, f"beyond the first {MAX_CHART_BARS} bars") for c, _ in drawable[MAX_CHART_BARS:]]
        drawable = drawable[:MAX_CHART_BARS]
    if distinct_times(c for c, _ in drawable) < 2:
        return None
    top = _nice_ceiling(max(n for _, n in drawable) * 1.1)
    labels = ", ".join(f'"{label}"' for label in _bar_labels([c for c, _ in drawable]))
    values = ", ".join(_plain_number(n) for _, n in drawable)
    text = "\n".join(
        [
            "xychart-beta",
            f'  title "{mermaid_label("Figures over time: " + what, limit=80)}"',
            f"  x-axis [{labels}]",
            f'  y-axis "{mermaid_label(what, limit=30)}" 0 --> {_plain_number(top)}',
            f"  bar [{values}]",
        ]
    )
    return Chart(text, tuple(left_out))


def _bar_labels(claims: Sequence[Claim]) -> list[str]:
    """One distinct label per bar: the time in the words of the text, with its dates when two
    times share words ("dimanche"), numbered when one time has several figures."""
    words = [format_time(c.time) for c in claims]
    times = {w: {(c.time.low, c.time.high) for c, x in zip(claims, words, strict=True) if x == w and c.time} for w in words}
    base = [
        w if len(times[w]) == 1 or c.time is None else f"{w} ({format_dates(c.time)})"
        for c, w in zip(claims, words, strict=True)
    ]
    base = [shorten(one_line(b), 24) for b in base]
    total = {b: base.count(b) for b in base}
    seen: dict[str, int] = {}
    labels = []
    for b in base:
        seen[b] = seen.get(b, 0) + 1
        labels.append(mermaid_label(b if total[b] == 1 else f"{b} ({seen[b]})", limit=32))
    return labels


def _no_bar(claim: Claim) -> str | None:
    """Why a total of a topic's chart has no bar; None for what is not a total at all."""
    if claim.kind != "quantity" or claim.unit != "count" or claim.increment:
        return None
    if claim.time is None:
        return "no time stated"
    return "no single number"


def chart_value(claim: Claim) -> float | None:
    """The height of a claim's bar in `figures_chart`, None when it gets no bar."""
    if claim.kind != "quantity" or claim.unit != "count" or claim.increment or claim.time is None:
        return None
    return chart_number(claim)


def _nice_ceiling(value: float) -> float:
    """The next round number above `value` (1, 2 or 5 times a power of ten)."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _plain_number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.6g}"

