"""GitHub workflow annotations: one line per finding, shown on the article's line in a PR.

Format: `::error file=seeds/003_….txt,line=11,title=quantity-contradiction::message`.
Values are escaped the way GitHub's own toolkit does, so a message with a newline or a
file name with a comma cannot cut the command short.
"""

from __future__ import annotations

from consistency.model import Finding, Result

from .escape import gh_data, gh_property, one_line
from .view import View, sort_findings

_COMMANDS = {"error": "error", "warning": "warning"}  # anything else is a notice


def render_github(result: Result) -> str:
    """Annotations for the current findings, worst first; "" when there are none."""
    view = View.of(result)
    lines = [_annotation(view, f) for f in sort_findings(result.findings)]
    return "".join(line + "\n" for line in lines)


def _annotation(view: View, finding: Finding) -> str:
    command = _COMMANDS.get(finding.severity, "notice")
    claims = view.claims_of(finding.claims)
    located = [
        (path.replace("\\", "/"), c.line) for c in claims if (path := view.path(c.document)) is not None
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
