"""The rule engine: YAML rules that say where sources contradict, corroborate, echo or update.

    ruleset = load_rules([default_rules_dir()])
    findings = ruleset.evaluate(Context(documents=..., claims=..., topics=...))

Rule files and their schema are described in docs/rules.md.
"""

from typing import TYPE_CHECKING, Any

from consistency.ruleset.context import Context, Origin, origin_of
from consistency.ruleset.engine import Evaluation, Rule, RuleSet
from consistency.ruleset.fingerprints import digest, fingerprint
from consistency.ruleset.kind import Draft, Kind
from consistency.ruleset.loader import default_rules_dir, load_rules, validate_rules
from consistency.ruleset.registry import get_kind, register_kind, registered_kinds
from consistency.ruleset.schema import SEVERITIES, Severity
from consistency.ruleset.statements import Statement

if TYPE_CHECKING:
    from consistency.ruleset.testing import (
        RuleTestCase,
        RuleTestOutcome,
        build_context,
        collect_rule_tests,
        run_rule_test,
        run_rule_tests,
    )

# Rule tests (`check-consistency test`) build pydantic models of their own: a check never runs
# them, so `consistency.ruleset.testing` is imported when one of its names is first asked for.
_TESTING = frozenset({"RuleTestCase", "RuleTestOutcome", "build_context", "collect_rule_tests", "run_rule_test",
                      "run_rule_tests"})


def __getattr__(name: str) -> Any:
    if name in _TESTING:
        from consistency.ruleset import testing

        return getattr(testing, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "SEVERITIES",
    "Context",
    "Draft",
    "Evaluation",
    "Kind",
    "Origin",
    "Rule",
    "RuleSet",
    "RuleTestCase",
    "RuleTestOutcome",
    "Severity",
    "Statement",
    "build_context",
    "collect_rule_tests",
    "default_rules_dir",
    "digest",
    "fingerprint",
    "get_kind",
    "load_rules",
    "origin_of",
    "register_kind",
    "registered_kinds",
    "run_rule_test",
    "run_rule_tests",
    "validate_rules",
]
