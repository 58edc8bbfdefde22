"""Mermaid diagrams for a topic: who said what, and how the figures moved over time.

Node ids are generated ("d1", "c2", "o3"), never taken from the text, and every label goes
through `mermaid_label`, so an article cannot break or inject into a diagram.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from consistency.model import Claim, Topic

from .escape import mermaid_label
from .values import chart_number, format_figure, format_time
from .view import OPPOSING_KINDS, View, distinct_times, severity_rank

# Beyond this many claims a diagram is a hairball; the tables say it better.
MAX_DIAGRAM_CLAIMS = 40
MAX_CHART_BARS = 40


def diagram_nodes(claims: Sequence[Claim]) -> int:
    """How many nodes `topic_graph` draws for these claims: articles, figures and origins."""
    return len({c.document for c in claims}) + len(claims) + len({c.attributed_to for c in claims if c.attributed_to})


def topic_graph(view: View, topic: Topic, claims: Sequence[Claim], *, max_nodes: int | None = None) -> str | None:
    """Articles → their claims → the origins they name; findings join the claims they relate.

    Disagreements (contradictions, disputes) are thick red links, other findings dotted;
    claims in an error-severity finding get a red border. None when the topic is too big:
    more than MAX_DIAGRAM_CLAIMS claims, or more than `max_nodes` nodes.
    """
    if not claims or len(claims) > MAX_DIAGRAM_CLAIMS:
        return None
    if max_nodes is not None and diagram_nodes(claims) > max_nodes:
        return None
    lines = ["flowchart LR"]
    doc_ids: dict[str, str] = {}
    claim_ids: dict[str, str] = {}
    origin_ids: dict[str, str] = {}
    for claim in claims:
        if claim.document not in doc_ids:
            doc_ids[claim.document] = f"d{len(doc_ids) + 1}"
            lines.append(f'  {doc_ids[claim.document]}["{mermaid_label(view.source_name(claim.document))}"]')
    for claim in claims:
        claim_ids[claim.id] = f"c{len(claim_ids) + 1}"
        lines.append(f'  {claim_ids[claim.id]}("{mermaid_label(format_figure(claim), limit=32)}")')
    for claim in claims:
        if claim.attributed_to and claim.attributed_to not in origin_ids:
            origin_ids[claim.attributed_to] = f"o{len(origin_ids) + 1}"
            lines.append(f'  {origin_ids[claim.attributed_to]}{{{{"{mermaid_label(claim.attributed_to)}"}}}}')

    links = 0
    for claim in claims:
        lines.append(f"  {doc_ids[claim.document]} --> {claim_ids[claim.id]}")
        links += 1
    for claim in claims:
        if claim.attributed_to:
            lines.append(f"  {claim_ids[claim.id]} -->|says| {origin_ids[claim.attributed_to]}")
            links += 1
    opposing: list[int] = []
    flagged: set[str] = set()
    for finding in view.findings_by_topic.get(topic.id, ()):
        members = [claim_ids[c] for c in dict.fromkeys(finding.claims) if c in claim_ids]
        label = mermaid_label(finding.kind, limit=24)
        arrow = "---" if finding.kind in OPPOSING_KINDS else "-.-"
        for other in members[1:]:
            lines.append(f'  {members[0]} {arrow}|"{label}"| {other}')
            if finding.kind in OPPOSING_KINDS:
                opposing.append(links)
            links += 1
        if severity_rank(finding.severity) == 0:
            flagged.update(members)
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


def figures_chart(claims: Sequence[Claim], what: str) -> str | None:
    """A bar per figure, in time order, when the figures are about at least two times.

    Only totals of people or things are drawn: additions, percentages and figures without
    a stated time would put different measures on one axis.
    """
    drawable = [(claim, number) for claim in claims if (number := chart_value(claim)) is not None][:MAX_CHART_BARS]
    if distinct_times(c for c, _ in drawable) < 2:
        return None
    top = _nice_ceiling(max(n for _, n in drawable) * 1.1)
    labels = ", ".join(f'"{mermaid_label(format_time(c.time), limit=24)}"' for c, _ in drawable)
    bars = ", ".join(_plain_number(n) for _, n in drawable)
    return "\n".join(
        [
            "xychart-beta",
            f'  title "{mermaid_label("Figures over time: " + what, limit=80)}"',
            f"  x-axis [{labels}]",
            f'  y-axis "{mermaid_label(what, limit=30)}" 0 --> {_plain_number(top)}',
            f"  bar [{bars}]",
        ]
    )


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

