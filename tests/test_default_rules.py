"""Every case of every default rule test file (rules/*.test.yaml), one test each."""

from __future__ import annotations

import importlib
import importlib.util
from pathlib import Path

import pytest

from consistency.ruleset import collect_rule_tests, default_rules_dir, load_rules, run_rule_test
from consistency.ruleset.loader import is_rule_file
from consistency.ruleset.testing import Analyse, RuleTestCase, read_test_file

RULES = default_rules_dir()
RULESET, CASES = collect_rule_tests([RULES])


def _case_id(case: RuleTestCase) -> str:
    return f"{Path(case.path).name}:{case.line}:{case.name}"


def _pipeline_analyse() -> Analyse:
    """The pipeline's analyse, or a skip while the pipeline (or a stage it imports) is not
    written yet. Any other import error fails the test."""
    if importlib.util.find_spec("consistency.pipeline") is None:
        pytest.skip("article case: consistency.pipeline does not exist yet")
    try:
        module = importlib.import_module("consistency.pipeline")
    except ModuleNotFoundError as exc:
        if not (exc.name or "").startswith("consistency."):
            raise
        pytest.skip(f"article case: the pipeline needs {exc.name}, which does not exist yet")
    analyse: Analyse | None = getattr(module, "analyse", None)
    if analyse is None:
        pytest.skip("article case: consistency.pipeline has no analyse() yet")
    return analyse


@pytest.mark.parametrize("case", CASES, ids=_case_id)
def test_rule_case(case: RuleTestCase) -> None:
    analyse = _pipeline_analyse() if case.uses_articles else None
    outcome = run_rule_test(case, RULESET, analyse)
    assert outcome.status == "passed", str(outcome)


def test_default_rules_load_and_cover_every_kind() -> None:
    ruleset = load_rules([RULES])
    assert {r.kind for r in ruleset.rules} == {
        "quantity-contradiction",
        "date-contradiction",
        "corroboration",
        "echo",
        "update",
        "attribution-dispute",
    }


def test_every_built_in_rule_file_holds_rules() -> None:
    # Where places lie is the lexicon's (extract/data/places.yaml), not a rule file's.
    with_rules = {Path(r.source).name for r in RULESET.rules}
    assert {p.name for p in RULES.iterdir() if is_rule_file(p)} - with_rules == set()
    assert RULESET.places.compatible("Kursk", "Russia") and not RULESET.places.compatible("Kursk", "Donetsk")


@pytest.mark.parametrize("rule_file", sorted({Path(r.source) for r in RULESET.rules}), ids=lambda p: p.name)
def test_every_rule_file_has_tests_that_fire_and_stay_silent(rule_file: Path) -> None:
    rules = [r for r in RULESET.rules if Path(r.source) == rule_file]
    test_file = rule_file.with_name(rule_file.stem + ".test.yaml")
    assert test_file.is_file(), f"{rule_file} has no sibling {test_file.name}"
    cases, problems = read_test_file(test_file)
    assert not problems, "\n".join(map(str, problems))
    for rule in rules:
        fires = [c for c in cases if any(e.rule == rule.id for e in c.spec.expect)]
        silent = [c for c in cases if any(e.rule == rule.id for e in c.spec.expect_not)]
        assert fires, f"no case of {test_file.name} expects rule {rule.id} to fire"
        assert silent, f"no case of {test_file.name} expects rule {rule.id} to stay silent"
        assert any(not c.uses_articles for c in fires + silent), "rule logic needs claim-based cases"


def test_article_cases_are_marked_in_their_names() -> None:
    for case in CASES:
        assert case.uses_articles == case.name.startswith("[articles"), _case_id(case)
