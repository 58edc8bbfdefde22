"""Stable identities for findings, so that a baseline recognises them run after run.

A fingerprint hashes what a finding is about: the rule, the topic's meaning and the
voices on each side. It ignores document ids, file names and line numbers, so renaming
or reordering files, or editing other paragraphs, keeps it. A digest hashes the values
compared: same fingerprint with another digest means "the figures changed".
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence

from consistency.model import Interval, TimeSpan
from consistency.ruleset.values import round_significant

ValueKey = tuple[str, str | float | None, str | float | None]


def _hash(payload: object) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def value_key(value: Interval | TimeSpan, *, rounded: bool = False) -> ValueKey:
    """A value as plain data; `rounded` keeps two significant digits, which survives small edits."""
    if isinstance(value, TimeSpan):
        return (
            "span",
            value.low.isoformat() if value.low else None,
            value.high.isoformat() if value.high else None,
        )
    if rounded:
        return ("interval", round_significant(value.low), round_significant(value.high))
    return ("interval", value.low, value.high)


def fingerprint(
    rule_id: str,
    topic_key: Sequence[str],
    origins: Iterable[str],
    values: Iterable[ValueKey] = (),
    ordinal: int = 0,
) -> str:
    """sha256 of rule id, topic key and sorted origin names (first 16 hex digits).

    `values` (rounded) and `ordinal` are added only to tell apart findings that would
    otherwise share a fingerprint, so most fingerprints depend on nothing else.
    """
    payload: list[object] = [rule_id, list(topic_key), sorted(origins)]
    extra = sorted(values, key=repr)
    if extra:
        payload.append([list(v) for v in extra])
    if ordinal:
        payload.append(ordinal)
    return _hash(payload)


def digest(values: Iterable[Interval | TimeSpan]) -> str:
    """sha256 of the sorted values compared (first 16 hex digits)."""
    return _hash(sorted((list(value_key(v)) for v in values), key=repr))
