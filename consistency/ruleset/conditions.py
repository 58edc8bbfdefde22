"""Rule conditions: a small vocabulary of data, never code.

`when.claim` filters the claims a rule looks at, field by field; `when.pair` names
predicates that every two compared statements must satisfy. Nothing here evaluates
text: a condition value is compared as a literal, and unknown names are load errors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from consistency.model import QUALIFIERS, Claim
from consistency.ruleset.places import Places
from consistency.ruleset.source import did_you_mean
from consistency.ruleset.statements import Statement
from consistency.ruleset.values import times_overlap


@dataclass(frozen=True)
class ClaimField:
    """A claim attribute that conditions may test."""

    read: Callable[[Claim], Any]
    choices: tuple[str, ...] | None = None  # None: free text
    boolean: bool = False


CLAIM_FIELDS: Mapping[str, ClaimField] = {
    "kind": ClaimField(lambda c: c.kind, ("quantity", "date")),
    "unit": ClaimField(lambda c: c.unit, ("count", "percent", "date")),
    "qualifier": ClaimField(lambda c: c.qualifier, QUALIFIERS),
    "category": ClaimField(lambda c: c.category),
    "event": ClaimField(lambda c: c.event),
    "actor": ClaimField(lambda c: c.actor),
    "location": ClaimField(lambda c: c.location),
    "attributed_to": ClaimField(lambda c: c.attributed_to),
    "time_source": ClaimField(lambda c: c.time_source, ("clause", "context", "as_of", "none")),
    "time_kind": ClaimField(lambda c: c.time.kind if c.time else None, ("point", "period", "since", "until", "as_of")),
    "increment": ClaimField(lambda c: c.increment, boolean=True),
    "cumulative": ClaimField(lambda c: c.cumulative, boolean=True),
    "attributed": ClaimField(lambda c: c.attributed_to is not None, boolean=True),
}


@dataclass(frozen=True)
class Matcher:
    """One field test: the value must be one of `include` (if given) and none of `exclude`."""

    field: str
    include: frozenset[Any] | None = None
    exclude: frozenset[Any] = frozenset()

    def accepts(self, claim: Claim) -> bool:
        value = _normal(CLAIM_FIELDS[self.field].read(claim))
        if self.include is not None and value not in self.include:
            return False
        return value not in self.exclude


def _normal(value: Any) -> Any:
    return value.casefold() if isinstance(value, str) else value


def parse_matcher(name: str, raw: Any) -> Matcher:
    """Build a Matcher from the YAML forms: `x`, `[x, y]`, `{in: [...]}`, `{not: x | [...]}`.

    Raises ValueError with what is allowed, which the loader turns into a located problem.
    """
    spec = CLAIM_FIELDS[name]
    if spec.boolean:
        if not isinstance(raw, bool):
            raise ValueError(f"'{name}' takes true or false")
        return Matcher(name, include=frozenset({raw}))
    if isinstance(raw, dict):
        unknown = [k for k in raw if k not in ("in", "not")]
        if unknown:
            hint = did_you_mean(str(unknown[0]), ["in", "not"])
            raise ValueError(f"unknown test '{unknown[0]}' for '{name}'.{hint} Allowed: in, not")
        if not raw:
            raise ValueError(f"'{name}' needs 'in:' or 'not:'")
        include = _words(name, raw["in"]) if "in" in raw else None
        exclude = _words(name, raw["not"]) if "not" in raw else frozenset()
        return Matcher(name, include, exclude)
    return Matcher(name, include=_words(name, raw))


def _words(name: str, raw: Any) -> frozenset[Any]:
    items = raw if isinstance(raw, list) else [raw]
    if not items:
        raise ValueError(f"'{name}' needs at least one value")
    spec = CLAIM_FIELDS[name]
    out = set()
    for item in items:
        if not isinstance(item, str):
            raise ValueError(f"'{name}' takes text values, a list of them, or in:/not: lists")
        if spec.choices is not None and item not in spec.choices:
            hint = did_you_mean(item, spec.choices)
            raise ValueError(f"unknown {name} '{item}'.{hint} Allowed: {', '.join(spec.choices)}")
        out.add(_normal(item))
    return frozenset(out)


# --- pair predicates ----------------------------------------------------------------------


PairPredicate = Callable[[Statement, Statement, Places], bool]

PAIR_PREDICATES: Mapping[str, PairPredicate] = {
    "different_documents": lambda a, b, _: not (a.documents & b.documents),
    "same_document": lambda a, b, _: a.claim.document == b.claim.document,
    "time_overlap": lambda a, b, _: times_overlap(a.time, b.time),
    "independent_origins": lambda a, b, _: a.origin.key != b.origin.key,
    "same_origin": lambda a, b, _: a.origin.key == b.origin.key,
    "named_origins": lambda a, b, _: a.origin.named and b.origin.named,
    "compatible_locations": lambda a, b, places: places.compatible_claims(a.claim, b.claim),
}


def check_pair_names(names: list[Any]) -> tuple[str, ...]:
    for name in names:
        if not isinstance(name, str) or name not in PAIR_PREDICATES:
            hint = did_you_mean(str(name), list(PAIR_PREDICATES))
            raise ValueError(f"unknown pair condition '{name}'.{hint} Allowed: {', '.join(PAIR_PREDICATES)}")
    return tuple(names)
