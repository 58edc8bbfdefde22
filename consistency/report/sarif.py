"""SARIF 2.1.0 (`--format sarif`): findings for GitHub code scanning and other SARIF viewers.

One run, one result per finding shown in CI (see `anchor.shown_findings`), located on the
claim of the newest article with a repository-relative path; the other claims are related
locations. `partialFingerprints` carries the finding's fingerprint, so code scanning keeps
one alert per finding across commits, as the baseline does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

from consistency import __version__
from consistency.model import Claim, Finding, Result, Severity

from .anchor import anchor_claims, relative_path, repository_root, shown_findings
from .escape import one_line
from .view import View, sort_findings, uses_baseline

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/check-consistency/check-consistency"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning"}  # info: "note"
_BASELINE_STATES = {"new": "new", "changed": "updated", "known": "unchanged", "resolved": "absent"}


def render_sarif(result: Result, *, root: Path | None = None, baseline_used: bool | None = None) -> str:
    """The result as a SARIF 2.1.0 log (UTF-8 JSON text, indent 2, trailing newline)."""
    root = root or repository_root()
    view = View.of(result)
    baseline_used = uses_baseline(result) if baseline_used is None else baseline_used  # an empty baseline is still one
    findings = shown_findings(result, sort_findings(result.findings), baseline_used=baseline_used)
    rule_ids = sorted(set(result.rules) | {f.rule for f in findings})
    index = {rule: i for i, rule in enumerate(rule_ids)}
    results = [_result(result, view, f, index, root, baseline_used) for f in findings]
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "check-consistency",
                        "version": __version__,
                        "informationUri": INFORMATION_URI,
                        "rules": [_rule(rule) for rule in rule_ids],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


def _rule(rule: str) -> dict[str, Any]:
    return {"id": rule, "name": rule, "shortDescription": {"text": f"check-consistency rule {rule}"}}


def _result(
    result: Result, view: View, finding: Finding, index: dict[str, int], root: Path, baseline_used: bool
) -> dict[str, Any]:
    claims = tuple(c for c in anchor_claims(result, finding) if view.path(c.document) not in (None, "-"))  # stdin: no file
    message = f"{finding.kind}: {one_line(finding.message)}"
    if finding.claims:
        message += " [" + view.sides(finding) + "]"
    entry: dict[str, Any] = {
        "ruleId": finding.rule,
        "ruleIndex": index[finding.rule],
        "level": _LEVELS.get(finding.severity, "note"),
        "message": {"text": message},
        "partialFingerprints": {"checkConsistency/v1": finding.fingerprint},
        "properties": {"kind": finding.kind, "severity": finding.severity.label, "topic": finding.topic, "status": finding.status},
    }
    if claims:
        entry["locations"] = [_location(view, claims[0], root)]
        related = [_location(view, c, root, number) for number, c in enumerate(claims[1:], start=1)]
        if related:
            entry["relatedLocations"] = related
    if baseline_used:
        entry["baselineState"] = _BASELINE_STATES.get(finding.status, "new")
    return entry


def _location(view: View, claim: Claim, root: Path, number: int | None = None) -> dict[str, Any]:
    path = relative_path(view.path(claim.document) or "", root)
    location: dict[str, Any] = {
        "physicalLocation": {
            "artifactLocation": {"uri": quote(path, safe="/")},
            "region": {"startLine": max(1, claim.line), "snippet": {"text": claim.quote}},
        }
    }
    if number is not None:
        location["id"] = number
        location["message"] = {"text": f"{view.side(claim)}: “{one_line(claim.quote)}”"}
    return location
