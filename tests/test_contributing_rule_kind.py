"""docs/contributing-rule-kind.md stays true: its kind, rule file and rule tests are loaded
from the page and run the way a plugin's would be."""

from __future__ import annotations

import re
import sys
from importlib import metadata
from pathlib import Path

import pytest

from consistency.model import Severity
from consistency.ruleset import build_context, load_rules, registry, run_rule_tests
from consistency.ruleset.testing import ClaimSpec

GUIDE = Path(__file__).resolve().parent.parent / "docs" / "contributing-rule-kind.md"


def _blocks(language: str) -> list[str]:
    text = GUIDE.read_text(encoding="utf-8")
    return re.findall(rf"^```{language}\n(.*?)^```", text, flags=re.S | re.M)


@pytest.fixture
def plugin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The guide's kind installed as a plugin: its module on the path, loaded through the
    entry point the guide declares, registered for this test only."""
    (code,) = _blocks("python")
    (tmp_path / "my_kinds.py").write_text(code, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "my_kinds", raising=False)
    registry.registered_kinds()  # the built-ins first, as in a run
    monkeypatch.setattr(registry, "_KINDS", dict(registry._KINDS))
    (toml,) = _blocks("toml")
    name, value = re.findall(r'^([\w-]+) = "([^"]+)"', toml, flags=re.M)[0]
    kind = registry.load_entry_point(metadata.EntryPoint(name, value, registry.ENTRY_POINT_GROUP))
    assert kind.name == name and kind.default_severity is Severity.WARNING
    rules_dir = tmp_path / "rules"
    rules_dir.mkdir()
    rule_file, test_file = _blocks("yaml")
    (rules_dir / "scale-slip.yaml").write_text(rule_file, encoding="utf-8")
    (rules_dir / "scale-slip.test.yaml").write_text(test_file, encoding="utf-8")
    return rules_dir


def test_the_guide_rule_tests_pass_with_the_guide_kind(plugin: Path) -> None:
    outcomes = run_rule_tests([plugin], analyse=None)
    assert len(outcomes) == 3
    assert [o.status for o in outcomes] == ["passed"] * 3, [str(o) for o in outcomes]


def test_the_guide_kind_reports_a_misread_scale_word(plugin: Path) -> None:
    ruleset = load_rules([plugin])
    claims = [
        ClaimSpec.model_validate(
            {"id": "a1", "document": "le-monde", "value": 1_200_000, "category": "sinistrés", "event": "evacuated"}
        ).build(0),
        ClaimSpec.model_validate(
            {"id": "b1", "document": "el-pais", "value": 1_150, "category": "sinistrés", "event": "evacuated"}
        ).build(1),
        ClaimSpec.model_validate(
            {"id": "c1", "document": "taz", "value": 1_190_000, "category": "sinistrés", "event": "evacuated"}
        ).build(2),
    ]
    findings = ruleset.evaluate(build_context(claims))
    assert sorted((f.kind, f.severity, tuple(sorted(f.claims))) for f in findings) == [
        ("scale-slip", Severity.WARNING, ("a1", "b1")),
        ("scale-slip", Severity.WARNING, ("b1", "c1")),
    ]  # 1.2 million and 1.19 million agree; each is a thousand times el-pais's 1 150
    assert "misread" in findings[0].message


def test_the_guide_kind_options_are_validated(plugin: Path, tmp_path: Path) -> None:
    from consistency.errors import RuleError

    bad = tmp_path / "bad.yaml"
    bad.write_text("version: 1\nrules:\n  - {id: s, kind: scale-slip, options: {factr: 1000}}\n", encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([bad])
    assert "Did you mean 'factor'?" in str(info.value.problems[0].message)
