"""The rule-file schema, version 1: strict, so that a typo is an error and not a silent default."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from consistency.lazy_re import lazy_compile
from consistency.model import SEVERITIES, Severity
from consistency.ruleset.conditions import Matcher, check_pair_names, parse_matcher

SCHEMA_VERSION = 1
__all__ = ["SCHEMA_VERSION", "SEVERITIES", "ClaimFilter", "RuleFile", "RuleSpec", "Severity", "When"]

_ID = lazy_compile(r"^[a-z0-9][a-z0-9._-]*$")


class Strict(BaseModel):
    # defer_build: validators are built when a rule file is validated, not at import (a cached
    # rule set is read back with `model_construct`, which needs none)
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, arbitrary_types_allowed=True, defer_build=True)


class ClaimFilter(Strict):
    """Which claims a rule looks at; every field given must match."""

    kind: Matcher | None = None
    unit: Matcher | None = None
    qualifier: Matcher | None = None
    category: Matcher | None = None
    event: Matcher | None = None
    actor: Matcher | None = None
    location: Matcher | None = None
    attributed_to: Matcher | None = None
    time_source: Matcher | None = None
    time_kind: Matcher | None = None
    increment: Matcher | None = None
    cumulative: Matcher | None = None
    attributed: Matcher | None = None

    @field_validator("*", mode="before")
    @classmethod
    def _parse(cls, raw: Any, info: Any) -> Matcher | None:
        if raw is None:
            raise ValueError(f"'{info.field_name}' needs a value; remove the key to accept any")
        return parse_matcher(info.field_name, raw)

    def matchers(self) -> tuple[Matcher, ...]:
        return tuple(m for m in (getattr(self, name) for name in type(self).model_fields) if m is not None)


class When(Strict):
    """Conditions: data compared as literals, never evaluated as code."""

    # defaults made without validating, so that importing the schema builds no validator
    claim: ClaimFilter = ClaimFilter.model_construct()
    pair: tuple[str, ...] = ()

    @field_validator("pair", mode="before")
    @classmethod
    def _pair(cls, raw: Any) -> tuple[str, ...]:
        if not isinstance(raw, list):
            raise ValueError("'pair' is a list of condition names, e.g. [different_documents, time_overlap]")
        return check_pair_names(raw)


class RuleSpec(Strict):
    id: str
    kind: str
    description: str = ""
    severity: Severity | None = None  # None: the kind's default
    when: When = When.model_construct()
    options: dict[str, Any] = Field(default_factory=dict)

    @field_validator("id")
    @classmethod
    def _id(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("a rule id is lowercase letters, digits, '-', '_' or '.', e.g. 'quantity-contradiction'")
        return value


class RuleFile(Strict):
    """The file's outline; each rule is then validated on its own, so that one bad
    rule does not hide the problems of the next."""

    version: int
    rules: list[dict[str, Any]] = Field(default_factory=list)
    places: dict[str, str] = Field(default_factory=dict)  # place: the wider place it lies within

    @field_validator("rules")
    @classmethod
    def _not_empty(cls, value: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not value:
            raise ValueError("the file lists no rules; add at least one under 'rules:'")
        return value

    @model_validator(mode="after")
    def _some(self) -> RuleFile:
        if not self.rules and not self.places:
            raise ValueError("the file has neither 'rules:' nor 'places:'")
        return self
