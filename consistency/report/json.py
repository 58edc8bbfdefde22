"""The machine-readable result (`--format json`), as the JSON contract describes it.

Field names are the contract: tools read them, so a field is never renamed or dropped,
and an unknown value is written as null rather than left out. Fields beyond the contract
are added beside it. Lists whose order carries no meaning are sorted, so two runs on the
same articles print the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import math
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Protocol, TypeVar

from consistency.model import Claim, Document, Finding, Interval, Result, Skipped, TimeSpan, Topic

from .view import severity_rank

SCHEMA_VERSION = 1

JsonObject = dict[str, Any]
_Item = TypeVar("_Item")


class Parts(Protocol):
    """Pieces of JSON rendered by an earlier run, by a key of what they were rendered from
    (`consistency.cache.RenderedParts`): a piece whose key is known is not rendered again."""

    salt: bytes  # what the pieces depend on besides their items: the renderer's code

    def known(self, keys: Sequence[bytes]) -> Mapping[bytes, str]: ...

    def keep(self, fresh: Mapping[bytes, str]) -> None: ...


def render_json(result: Result, *, baseline_used: bool = False, parts: Parts | None = None) -> str:
    """The result as JSON (UTF-8 text, indent 2, trailing newline).

    `baseline_used` is the keyword every renderer of `RENDERERS` takes; JSON has each
    finding's baseline status in `result` already. With `parts`, the lists are rendered in
    pieces (the claims of one document, a run of documents, topics or findings) and a piece
    an earlier run rendered from equal items is taken as it was: the same bytes, without
    rendering them again."""
    claims = sorted(result.claims, key=lambda c: (c.document, c.span, c.id))
    by_document: list[list[Claim]] = []
    for claim in claims:  # sorted by document first: each document's claims are one run
        if not by_document or by_document[-1][0].document != claim.document:
            by_document.append([])
        by_document[-1].append(claim)
    payload: JsonObject = {
        "schema_version": SCHEMA_VERSION,
        "corpus": result.corpus,
        "rules": sorted(set(result.rules)),
        "documents": _list(_runs(sorted(result.documents, key=lambda d: d.id)), _document, parts),
        "claims": _list(by_document, claim_json, parts),
        "topics": _list(_runs(sorted(result.topics, key=lambda t: t.id)), _topic, parts),
        "findings": _list(_runs(_sorted_findings(result.findings)), _finding, parts),
        "skipped": [_skipped(s) for s in sorted(result.skipped, key=lambda s: (s.path, s.reason))],
        "resolved": [_finding(f) for f in _sorted_findings(result.resolved)],
    }
    return _indented(payload) + "\n"


_RUN = 64  # items of one piece, for lists that have no natural pieces


def _runs(items: Sequence[_Item]) -> list[list[_Item]]:
    return [list(items[i:i + _RUN]) for i in range(0, len(items), _RUN)]


class _Raw:
    """JSON text already rendered at its place: `_indented` writes it as it is."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text


_LIST_DEPTH = 1  # the lists of the payload are values of the top object


def _list(pieces: Sequence[Sequence[_Item]], to_json: Callable[[_Item], JsonObject], parts: Parts | None) -> Any:
    """The items of `pieces`, in order, as the list `_indented` writes at `_LIST_DEPTH`; with
    `parts`, each piece taken from it when an earlier run rendered it from equal items."""
    if parts is None or not pieces:
        return [to_json(item) for piece in pieces for item in piece]
    keys = [_piece_key(parts.salt, to_json, piece) for piece in pieces]
    known = parts.known(keys)
    fresh: dict[bytes, str] = {}
    inner = _newline(_LIST_DEPTH + 1)
    texts = []
    for key, piece in zip(keys, pieces, strict=True):
        text = known.get(key)
        if text is None:
            text = fresh[key] = ("," + inner).join(_indented(to_json(item), _LIST_DEPTH + 1) for item in piece)
        texts.append(text)
    if fresh:
        parts.keep(fresh)
    return _Raw("[" + inner + ("," + inner).join(texts) + _newline(_LIST_DEPTH) + "]")


def _piece_key(salt: bytes, to_json: Callable[[Any], JsonObject], piece: Sequence[object]) -> bytes:
    """The key of a piece: the renderer's code (`salt`), the function and what it reads of the
    items: their repr, which holds every field (a document's: the fields it writes, not its
    text)."""
    h = hashlib.blake2b(salt + b"\0" + to_json.__name__.encode(), digest_size=20)
    for item in piece:
        shown = to_json(item) if type(item) is Document else item
        h.update(b"\0" + repr(shown).encode("utf-8", "surrogatepass"))
    return h.digest()


_QUOTE = json.encoder.encode_basestring  # the C escaper `json.dumps(ensure_ascii=False)` uses
_NEWLINES = ["\n" + "  " * depth for depth in range(16)]


def _indented(value: Any, at: int = 0) -> str:
    """`json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False)`, byte for byte, faster:
    with an indent, `json` falls back to its pure-Python encoder, one generator per value,
    which took most of a large report's rendering. Same types, same checks, same errors.
    `at`: the depth the value sits at in a larger text (`_list`); `_Raw` text is written as is."""
    chunks: list[str] = []
    add = chunks.append
    quote = _QUOTE
    keys: dict[str, str] = {}  # field names repeat on every object: quoted once

    def scalar(v: Any) -> str | None:
        kind = type(v)  # the usual exact types first; subclasses (IntEnum…) as `json` takes them
        if kind is str:
            return quote(v)
        if kind is int:
            return int.__repr__(v)
        if v is None:
            return "null"
        if v is True:
            return "true"
        if v is False:
            return "false"
        if kind is float or isinstance(v, float):
            if v != v or v in (math.inf, -math.inf):
                raise ValueError(f"Out of range float values are not JSON compliant: {v!r}")
            return float.__repr__(v)
        if isinstance(v, str):
            return quote(v)
        if isinstance(v, int):
            return int.__repr__(v)
        return None

    def key_text(k: Any) -> str:
        if isinstance(k, str):
            return quote(k)
        if k is None or isinstance(k, (int, float)):  # bool is an int
            text = scalar(k)
            assert text is not None
            return quote(text)
        raise TypeError(f"keys must be str, int, float, bool or None, not {type(k).__name__}")

    def write(v: Any, depth: int) -> None:
        if type(v) is _Raw:
            add(v.text)
            return
        if isinstance(v, dict):
            if not v:
                add("{}")
                return
            inner = _newline(depth + 1)
            separator = "{" + inner
            for k, item in v.items():
                name = keys.get(k) if type(k) is str else None
                if name is None:
                    name = key_text(k)
                    if type(k) is str:
                        keys[k] = name
                kind = type(item)
                if kind is str:
                    add(f"{separator}{name}: {quote(item)}")
                elif kind is int:
                    add(f"{separator}{name}: {int.__repr__(item)}")
                else:
                    text = scalar(item)
                    if text is not None:
                        add(f"{separator}{name}: {text}")
                    else:
                        add(f"{separator}{name}: ")
                        write(item, depth + 1)
                separator = "," + inner
            add(_newline(depth) + "}")
            return
        if isinstance(v, (list, tuple)):
            if not v:
                add("[]")
                return
            inner = _newline(depth + 1)
            separator = "[" + inner
            for item in v:
                text = scalar(item)
                if text is not None:
                    add(separator + text)
                else:
                    add(separator)
                    write(item, depth + 1)
                separator = "," + inner
            add(_newline(depth) + "]")
            return
        text = scalar(v)
        if text is None:
            raise TypeError(f"Object of type {type(v).__name__} is not JSON serializable")
        add(text)

    write(value, at)
    return "".join(chunks)


def _newline(depth: int) -> str:
    return _NEWLINES[depth] if depth < len(_NEWLINES) else "\n" + "  " * depth


def _document(doc: Document) -> JsonObject:
    return {
        "id": doc.id,
        "path": doc.path,
        "language": doc.language,
        "published": doc.published.isoformat() if doc.published else None,
        "publisher": doc.publisher,
        "title": doc.title,
        "url": doc.url,
    }


def claim_json(claim: Claim) -> JsonObject:
    """One claim as the contract writes it (also used by `extract --format json`)."""
    return {
        "id": claim.id,
        "document": claim.document,
        "span": [claim.span[0], claim.span[1]],
        "quote": claim.quote,
        "kind": claim.kind,
        "value": _value(claim.value),
        "category": claim.category,
        "event": claim.event,
        "actor": claim.actor,
        "location": claim.location,
        "time": _time(claim.time),
        "attributed_to": claim.attributed_to,
        "scope": _scope(claim),
        # beyond the contract
        "line": claim.line,
        "qualifier": claim.qualifier,
        "unit": claim.unit,
        "increment": claim.increment,
        "cumulative": claim.cumulative,
        "time_source": claim.time_source,
        "attribution_quote": claim.attribution_quote,
        "share_of": claim.share_of,
    }


def _scope(claim: Claim) -> JsonObject:
    """What the claim is about as comparison sees it (docs/result-json.md, "scope")."""
    scope = claim.scope()
    time = claim.time
    if time is not None:
        scope["time"] = {**_time(time), "low_minute": time.low_minute, "high_minute": time.high_minute}  # type: ignore[dict-item]
    return scope


def _topic(topic: Topic) -> JsonObject:
    return {
        "id": topic.id,
        "label": topic.label,
        "claims": list(topic.claims),
        "key": list(topic.key),
        "location": topic.location,
        "time": _time(topic.time),
    }


def _finding(finding: Finding) -> JsonObject:
    return {
        "fingerprint": finding.fingerprint,
        "rule": finding.rule,
        "kind": finding.kind,
        "severity": finding.severity.label,
        "status": finding.status,
        "topic": finding.topic,
        "claims": list(finding.claims),
        "sides": [list(side) for side in finding.sides] or [list(finding.claims)],
        "message": finding.message,
        "origins": list(finding.origins),
        "reason": finding.reason,
        "digest": finding.digest or None,
    }


def _skipped(skipped: Skipped) -> JsonObject:
    return {"path": skipped.path, "reason": skipped.reason}


def _value(value: Interval | TimeSpan) -> JsonObject:
    if isinstance(value, TimeSpan):
        return _time(value) or {"low": None, "high": None}
    return {"low": _number(value.low), "high": _number(value.high)}


def _time(span: TimeSpan | None) -> JsonObject | None:
    if span is None:
        return None
    return {
        "low": span.low.isoformat() if span.low else None,
        "high": span.high.isoformat() if span.high else None,
        "label": span.label or None,
        "kind": span.kind,
    }


def _number(x: float | None) -> float | int | None:
    """Whole numbers as integers; an infinite or undefined bound is unbounded (null)."""
    if x is None or math.isnan(x) or math.isinf(x):
        return None
    return int(x) if float(x).is_integer() else round(float(x), 6)


def _sorted_findings(findings: tuple[Finding, ...]) -> list[Finding]:
    return sorted(findings, key=lambda f: (severity_rank(f.severity), f.rule, f.topic, f.fingerprint))
