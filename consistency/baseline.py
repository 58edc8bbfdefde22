"""Compare a run with a committed baseline of accepted findings, and decide what fails CI.

A baseline lets a newsroom adopt the tool on an existing archive: the findings it already
knows about are written once to a JSON file that is reviewed and committed, and from then on
only what is new (or whose compared values moved) makes a run fail. Findings are matched by
their `fingerprint`, which is built from the rule, the topic's meaning and the origins, so
it survives re-ordering and unrelated edits; the `digest` tells whether the values compared
are still the same.

File format (sorted keys, entries sorted by fingerprint, no timestamps, so diffs stay small):

    {
      "findings": [
        {"digest": "…", "fingerprint": "…", "kind": "contradiction",
         "reason": "accepted: the two figures are for different dates",
         "rule": "quantity-contradiction", "severity": "error",
         "summary": "…", "topic": "North Korean soldiers deployed · Kursk"}
      ],
      "schema_version": 1
    }
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, replace
from os import PathLike
from pathlib import Path
from typing import Any

from consistency.errors import InputError, UsageError
from consistency.fsutil import atomic_write_text
from consistency.model import SEVERITIES as MODEL_SEVERITIES
from consistency.model import Finding, Result, Severity

SCHEMA_VERSION = 1

SEVERITIES = MODEL_SEVERITIES
"""Severity levels from least to most serious; `fail_on` picks a threshold among them."""

GATING_STATUSES = frozenset({"new", "changed"})
"""Statuses that fail a run against a baseline.

"changed" is included: the finding was accepted for other values, and a fact-checker has
to look again at what the sources now say before accepting it anew (`baseline update`).
"""

_REQUIRED_KEYS = ("fingerprint", "rule", "kind", "severity", "topic", "digest", "summary")
_KNOWN_KEYS = (*_REQUIRED_KEYS, "reason")


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding, as committed: enough to recognise it and to explain it."""

    fingerprint: str
    rule: str
    kind: str
    severity: Severity  # written by name ("error")
    topic_label: str
    digest: str
    summary: str
    reason: str | None = None

    def __post_init__(self) -> None:
        if not isinstance(self.severity, Severity):  # a name ("error") is read into the scale
            object.__setattr__(self, "severity", Severity.parse(self.severity))

    def to_json(self) -> dict[str, str | None]:
        return {
            "digest": self.digest,
            "fingerprint": self.fingerprint,
            "kind": self.kind,
            "reason": self.reason,
            "rule": self.rule,
            "severity": self.severity.label,
            "summary": self.summary,
            "topic": self.topic_label,
        }


@dataclass(frozen=True)
class Baseline:
    """The accepted findings, sorted by fingerprint so that saving is deterministic."""

    entries: tuple[BaselineEntry, ...] = ()

    def __post_init__(self) -> None:
        ordered = tuple(sorted(self.entries, key=lambda e: e.fingerprint))
        for before, after in zip(ordered, ordered[1:]):
            if before.fingerprint == after.fingerprint:
                raise ValueError(f"duplicate baseline fingerprint {before.fingerprint!r}")
        object.__setattr__(self, "entries", ordered)

    def by_fingerprint(self) -> dict[str, BaselineEntry]:
        return {e.fingerprint: e for e in self.entries}


# --- reading and writing -------------------------------------------------------------------


def load_baseline(path: str | PathLike[str]) -> Baseline:
    """Read a baseline file; every problem is one line naming the file and what to do."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError(
            f"{where}: baseline file not found; create it with "
            f"`check-consistency baseline create <paths> --baseline {where}`"
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        why = getattr(exc, "strerror", None) or exc
        raise InputError(f"{where}: cannot read the baseline ({why}); check the file") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{where}:{exc.lineno}:{exc.colno}: the baseline is not valid JSON ({exc.msg}); "
            "fix it or recreate it with `check-consistency baseline create`"
        ) from None
    except (RecursionError, ValueError):  # nested thousands deep, or an integer of thousands of digits
        raise InputError(
            f"{where}: the baseline is nested too deep or holds too long a number; "
            "recreate it with `check-consistency baseline create`"
        ) from None
    return _parse(data, where)


def _parse(data: Any, where: str) -> Baseline:
    def bad(what: str) -> InputError:
        return InputError(
            f"{where}: {what}; fix the file or recreate it with `check-consistency baseline create`"
        )

    if not isinstance(data, dict):
        raise bad("the baseline must be a JSON object with 'schema_version' and 'findings'")
    version = data.get("schema_version")
    if type(version) is not int or version != SCHEMA_VERSION:  # true == 1 in Python, not here
        if version is None:
            raise bad("'schema_version' is missing")
        raise InputError(
            f"{where}: baseline schema_version {version!r} is not supported "
            f"(this version of check-consistency reads {SCHEMA_VERSION}); "
            "recreate it with `check-consistency baseline create`"
        )
    unknown = sorted(set(data) - {"schema_version", "findings"})
    if unknown:
        raise bad(f"unknown top-level key {unknown[0]!r}")
    findings = data.get("findings")
    if not isinstance(findings, list):
        raise bad("'findings' must be a list")
    entries = [_parse_entry(item, i, bad) for i, item in enumerate(findings)]
    seen: set[str] = set()
    for entry in entries:
        if entry.fingerprint in seen:
            raise bad(f"fingerprint {entry.fingerprint!r} appears twice")
        seen.add(entry.fingerprint)
    return Baseline(tuple(entries))


def _parse_entry(item: Any, index: int, bad: Callable[[str], InputError]) -> BaselineEntry:
    where = f"findings[{index}]"
    if not isinstance(item, dict):
        raise bad(f"{where} must be an object")
    for key in item:
        if key not in _KNOWN_KEYS:
            close = difflib.get_close_matches(str(key), _KNOWN_KEYS, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else ""
            raise bad(f"{where} has an unknown key {key!r}{hint}")
    for key in _REQUIRED_KEYS:
        if key not in item:
            raise bad(f"{where} lacks {key!r}")
        if not isinstance(item[key], str):
            raise bad(f"{where}.{key} must be a string")
    reason = item.get("reason")
    if reason is not None and not isinstance(reason, str):
        raise bad(f"{where}.reason must be a string or null")
    severity = Severity.of(item["severity"])
    if severity is None:
        raise bad(f"{where}.severity {item['severity']!r} is not a severity: use one of {', '.join(SEVERITIES)}")
    return BaselineEntry(
        fingerprint=item["fingerprint"],
        rule=item["rule"],
        kind=item["kind"],
        severity=severity,
        topic_label=item["topic"],
        digest=item["digest"],
        summary=item["summary"],
        reason=reason,
    )


def dump_baseline(baseline: Baseline) -> str:
    """The exact text `save_baseline` writes: same baseline, same bytes."""
    data = {
        "findings": [e.to_json() for e in baseline.entries],
        "schema_version": SCHEMA_VERSION,
    }
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def save_baseline(path: str | PathLike[str], baseline: Baseline) -> None:
    """Write atomically: an interrupted save never leaves a half-written committed file."""
    atomic_write_text(Path(path), dump_baseline(baseline))


# --- from a run to a baseline and back -----------------------------------------------------


def baseline_from_result(result: Result, reasons: Mapping[str, str] | None = None) -> Baseline:
    """Accept every finding of a run; `reasons` (by fingerprint) win over a finding's own."""
    labels = _topic_labels(result)
    reasons = reasons or {}
    entries: dict[str, BaselineEntry] = {}
    for finding in result.findings:
        if finding.fingerprint in entries:
            continue  # the same finding twice: the first one stands for both
        entry = _entry(finding, labels)
        reason = reasons.get(finding.fingerprint, finding.reason)
        entries[finding.fingerprint] = replace(entry, reason=reason)
    return Baseline(tuple(entries.values()))


def apply_baseline(result: Result, baseline: Baseline) -> Result:
    """Mark each finding new / known / changed, and list accepted findings no longer produced."""
    accepted = baseline.by_fingerprint()
    findings = []
    produced: set[str] = set()
    for finding in result.findings:
        produced.add(finding.fingerprint)
        entry = accepted.get(finding.fingerprint)
        if entry is None:
            findings.append(replace(finding, status="new", reason=None))
        else:
            status = "known" if entry.digest == finding.digest else "changed"
            findings.append(replace(finding, status=status, reason=entry.reason))
    resolved = tuple(
        _resolved_finding(entry) for entry in baseline.entries if entry.fingerprint not in produced
    )
    return replace(result, findings=tuple(findings), resolved=resolved)


def update_baseline(baseline: Baseline, result: Result) -> Baseline:
    """Accept what is new and the new values of what changed; keep reasons and resolved entries.

    Resolved entries stay so that a finding that comes back (an article restored, a rule
    re-enabled) is still known; `prune_baseline` is the explicit way to forget them.
    """
    labels = _topic_labels(result)
    entries = baseline.by_fingerprint()
    for finding in result.findings:
        old = entries.get(finding.fingerprint)
        if old is None:
            entries[finding.fingerprint] = _entry(finding, labels)
        elif old.digest != finding.digest:
            entries[finding.fingerprint] = replace(_entry(finding, labels), reason=old.reason)
    return Baseline(tuple(entries.values()))


def prune_baseline(baseline: Baseline, result: Result) -> Baseline:
    """Forget accepted findings the run no longer produces."""
    produced = {f.fingerprint for f in result.findings}
    return Baseline(tuple(e for e in baseline.entries if e.fingerprint in produced))


def _topic_labels(result: Result) -> dict[str, str]:
    return {t.id: t.label for t in result.topics}


def _entry(finding: Finding, labels: Mapping[str, str]) -> BaselineEntry:
    return BaselineEntry(
        fingerprint=finding.fingerprint,
        rule=finding.rule,
        kind=finding.kind,
        severity=finding.severity,
        topic_label=labels.get(finding.topic, finding.topic),
        digest=finding.digest,
        summary=" ".join(finding.message.split()),
        reason=finding.reason,
    )


def _resolved_finding(entry: BaselineEntry) -> Finding:
    """A baseline entry the run did not produce; its topic is the label, it has no claims."""
    return Finding(
        fingerprint=entry.fingerprint,
        rule=entry.rule,
        kind=entry.kind,
        severity=entry.severity,
        topic=entry.topic_label,
        claims=(),
        message=entry.summary,
        status="resolved",
        reason=entry.reason,
        digest=entry.digest,
    )


# --- gating --------------------------------------------------------------------------------


def gate(
    result: Result,
    *,
    fail_on: Severity | str = Severity.ERROR,
    kinds: Collection[str] | None = ("contradiction",),
    with_baseline: bool,
) -> tuple[Finding, ...]:
    """The findings that make a CI run fail (empty: the run passes).

    Without a baseline every finding counts; with one, only those whose status is in
    `GATING_STATUSES`. A finding counts when its severity is `fail_on` or worse and its kind
    is in `kinds` (None: any kind). Resolved findings never fail a run.
    """
    threshold = _severity_rank(fail_on)
    wanted: frozenset[str] | None
    if kinds is None:
        wanted = None
    elif isinstance(kinds, str):
        wanted = frozenset({kinds})  # a bare "contradiction" is one kind, not eleven letters
    else:
        wanted = frozenset(kinds)
    return tuple(
        f
        for f in result.findings
        if (not with_baseline or f.status in GATING_STATUSES)
        and _finding_rank(f.severity) >= threshold
        and (wanted is None or f.kind in wanted)
    )


def _severity_rank(level: Severity | str) -> int:
    found = Severity.of(level)
    if found is None:
        close = difflib.get_close_matches(str(level), SEVERITIES, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(f"--fail-on {level!r} is not a severity: use one of {', '.join(SEVERITIES)}{hint}")
    return int(found)


def _finding_rank(severity: Severity | str) -> int:
    """An unknown severity counts as the worst: a finding we cannot rank must not slip through."""
    found = Severity.of(severity)
    return int(found) if found is not None else max(Severity) + 1

