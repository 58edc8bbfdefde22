"""GitHub workflow annotations: one line per finding, shown on the article's line in a PR.

Format: `::error file=seeds/003_….txt,line=11,title=quantity-contradiction::message`.
Values are escaped the way GitHub's own toolkit does, so a message with a newline or a
file name with a comma cannot cut the command short.
"""

from __future__ import annotations

from pathlib import Path

from consistency.model import Finding, Result, Severity

from .anchor import anchor_claims, relative_path, repository_root, shown_findings
from .escape import gh_data, gh_property, one_line
from .view import View, sort_findings, uses_baseline

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning"}  # info is a notice


def render_github(result: Result, *, root: Path | None = None, baseline_used: bool | None = None) -> str:
    """Annotations for the findings CI shows (with a baseline: new or changed contradictions),
    worst first, on the newest article's claim; "" when there are none."""
    view = View.of(result)
    root = root or repository_root()
    used = uses_baseline(result) if baseline_used is None else baseline_used  # an empty baseline is still one
    shown = shown_findings(result, sort_findings(result.findings), baseline_used=used)
    lines = [_annotation(result, view, f, root) for f in shown]
    return "".join(line + "\n" for line in lines)


def _annotation(result: Result, view: View, finding: Finding, root: Path) -> str:
    command = _COMMANDS.get(finding.severity, "notice")
    claims = view.claims_of(finding.claims)
    located = [
        (relative_path(path, root), c.line)
        for c in anchor_claims(result, finding)
        if (path := view.path(c.document)) is not None and path != "-"  # stdin has no file to annotate
    ]
    properties = []
    if located:
        path, line = located[0]
        properties += [f"file={gh_property(path)}", f"line={line}"]
    properties.append(f"title={gh_property(finding.rule)}")
    message = f"{finding.kind}: {one_line(finding.message)}"
    if claims:
        message += " [" + view.sides(finding) + "]"
    others = [f"{p}:{n}" for p, n in located[1:]]
    if others:
        message += " See also " + ", ".join(dict.fromkeys(others)) + "."
    if finding.status != "new":
        message += f" (baseline: {finding.status})"
    return f"::{command} {','.join(properties)}::{gh_data(message)}"
