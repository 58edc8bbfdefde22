"""`--select` / `--ignore`: which rules run, by id, as ruff and Semgrep users expect.

An id that names no rule stops the run (exit 2) rather than silently selecting nothing:
a typo in CI must not turn the check off.
"""

from __future__ import annotations

import difflib
import fnmatch
from collections.abc import Sequence

from consistency.errors import UsageError
from consistency.ruleset.engine import RuleSet


def pick_rules(ruleset: RuleSet, select: Sequence[str] = (), ignore: Sequence[str] = ()) -> RuleSet:
    """The rules `select` names (all when empty) minus those `ignore` names.

    An id may end in `*` to name every rule it starts ("quantity-*").
    """
    if not select and not ignore:
        return ruleset
    ids = ruleset.ids
    chosen = _matching(ids, select, "--select") if select else set(ids)
    chosen -= _matching(ids, ignore, "--ignore")
    return ruleset.select(chosen)


def _matching(ids: Sequence[str], patterns: Sequence[str], option: str) -> set[str]:
    found: set[str] = set()
    for pattern in patterns:
        hits = {i for i in ids if fnmatch.fnmatchcase(i, pattern)} if "*" in pattern else ({pattern} & set(ids))
        if not hits:
            close = difflib.get_close_matches(pattern, ids, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise UsageError(f"{option} {pattern!r} names no rule{hint} (rules: {', '.join(sorted(ids))})")
        found |= hits
    return found
