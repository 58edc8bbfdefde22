"""Where a finding is shown in CI: on the claim that is new, with a repository-relative path.

A contradiction is brought by the article that was just added, not by the one it contradicts:
annotating the old, unchanged file hides the finding from the pull request's diff. Without
git history the newest article is the one published last (ties: the last by id, as
newsrooms number files in order of arrival). Paths are made relative to the repository
root, as GitHub and SARIF viewers need, whatever way they were typed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path, PurePath

from consistency.model import Claim, Document, Finding, Result

GATING_KINDS = frozenset({"contradiction"})  # corroborations, echoes and updates never gate
SHOWN_STATUSES = frozenset({"new", "changed"})


def repository_root(cwd: Path | None = None) -> Path:
    """GitHub's checkout when running in Actions, else the nearest folder with `.git`, else cwd."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if workspace and os.path.isdir(workspace):
        return Path(workspace).resolve()
    here = (cwd or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def relative_path(path: str, root: Path) -> str:
    """`path` relative to `root` with "/" separators; as given when it lies outside the root."""
    if path == "-":
        return path
    full = Path(path).resolve()
    try:
        return full.relative_to(root).as_posix()
    except ValueError:
        return PurePath(path).as_posix()


def anchor_claims(result: Result, finding: Finding) -> tuple[Claim, ...]:
    """The finding's claims that have a document, the one to annotate first."""
    claims = [c for c in _claims(result, finding.claims)]
    documents = {d.id: d for d in result.documents}
    located = [c for c in claims if c.document in documents]
    if not located:
        return ()
    newest = max(located, key=lambda c: _newness(documents[c.document]))
    rest = [c for c in located if c is not newest]
    return (newest, *rest)


def shown_findings(result: Result, findings: Sequence[Finding], *, baseline_used: bool) -> tuple[Finding, ...]:
    """What CI shows: everything without a baseline; with one, only new or changed
    contradictions (known findings were reviewed, and agreements need no review)."""
    if not baseline_used:
        return tuple(findings)
    return tuple(f for f in findings if f.status in SHOWN_STATUSES and f.kind in GATING_KINDS)


def _newness(doc: Document) -> tuple[int, str, int, str]:
    published = doc.published.isoformat() if doc.published else ""
    return (1 if doc.published else 0, published, doc.published_minute or 0, doc.id)


def _claims(result: Result, ids: Iterable[str]) -> Iterable[Claim]:
    index = {c.id: c for c in result.claims}
    for claim_id in dict.fromkeys(ids):
        if claim_id in index:
            yield index[claim_id]
