"""The rule engine's structure: one topic key, one severity scale, kinds loaded like plugins,
and no import cycle inside consistency/ruleset."""

from __future__ import annotations

import ast
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from consistency.graph import build_topics
from consistency.model import SEVERITIES, Claim, Interval, Result, Severity, TimeSpan
from consistency.report import render_json
from consistency.ruleset import build_context, default_rules_dir, load_rules, registry
from consistency.ruleset.kind import Kind

ROOT = Path(__file__).resolve().parent.parent
RULESET = ROOT / "consistency" / "ruleset"


# --- topic keys ------------------------------------------------------------------------------


def _claim(cid: str, doc: str, **kw: object) -> Claim:
    base: dict[str, object] = dict(
        id=cid, document=doc, kind="quantity", value=Interval(100, 100), unit="persons", qualifier="exact",
        quote="100", span=(0, 3), line=1,
    )
    base.update(kw)
    return Claim(**base)  # type: ignore[arg-type]


def _date(cid: str, doc: str, day: str, **kw: object) -> Claim:
    d = dt.date.fromisoformat(day)
    return _claim(cid, doc, kind="date", value=TimeSpan(d, d), unit="date", quote=day, **kw)


CLAIMS = [
    # "L'incursion ukrainienne dans la région de Koursk a commencé le 6 août" / "began on 7 August"
    _date("a1", "a", "2024-08-06", event="incursion", actor="Ukraine", location="Kursk"),
    _date("b1", "b", "2024-08-07", event="incursion", actor="Ukraine", location="Kursk"),
    # Another actor's incursion at the same place is another topic, in rule tests as in runs.
    _date("c1", "c", "2024-03-12", event="incursion", actor="Russian Volunteer Corps", location="Kursk"),
    _claim("d1", "d", category="soldiers", event="deployed", actor="North Korea", value=Interval(11000, 11000)),
    _claim("e1", "e", category="soldiers", event="deployed", value=Interval(12000, 12000)),
]


def test_rule_tests_group_claims_into_the_topics_of_a_real_run() -> None:
    run = {(t.id, t.key, frozenset(t.claims)) for t in build_topics(CLAIMS)}
    rule_test = {(t.id, t.key, frozenset(t.claims)) for t in build_context(CLAIMS).topics}
    assert rule_test == run
    keys = {t.key for t in build_context(CLAIMS).topics}
    assert ("date", "incursion", "Ukraine", "Kursk") in keys
    assert ("date", "incursion", "Russian Volunteer Corps", "Kursk") in keys


def test_graph_and_rule_tests_use_the_one_topic_key() -> None:
    import consistency.graph as graph
    import consistency.ruleset.testing as testing
    import consistency.topics as topics

    assert graph.topic_key is topics.topic_key and testing.topic_key is topics.topic_key
    assert graph.topic_id is topics.topic_id


# --- severity --------------------------------------------------------------------------------


def test_severity_is_one_ordered_scale_written_by_name() -> None:
    assert Severity.ERROR > Severity.WARNING > Severity.INFO
    assert SEVERITIES == ("info", "warning", "error")
    assert [Severity.parse(name) for name in SEVERITIES] == sorted(Severity)
    assert f"{Severity.WARNING}" == str(Severity.WARNING) == "warning"
    assert Severity.of("fatal") is None
    with pytest.raises(ValueError, match="'fatal' is not a severity"):
        Severity.parse("fatal")


def test_json_schema_and_docs_list_the_model_severities() -> None:
    schema = json.loads((ROOT / "consistency" / "report" / "result.schema.json").read_text(encoding="utf-8"))
    found = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if isinstance(node.get("severity"), dict) and "enum" in node["severity"]:
                found.append(node["severity"]["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert found and all(enum == list(SEVERITIES) for enum in found)


def test_every_ranking_of_severities_follows_the_model() -> None:
    from consistency.baseline import _finding_rank, _severity_rank
    from consistency.report.view import severity_rank
    from consistency.ruleset.values import milder

    worst_first = sorted(SEVERITIES, key=severity_rank)
    assert worst_first == ["error", "warning", "info"]
    assert sorted(SEVERITIES, key=_severity_rank) == list(SEVERITIES)
    assert _finding_rank("invented-by-a-plugin") > _finding_rank("error")  # never slips through a gate
    assert milder("error", "warning") is Severity.WARNING and milder(Severity.INFO, "error") is Severity.INFO


def test_findings_carry_the_severity_scale_and_sort_worst_first() -> None:
    ruleset = load_rules([default_rules_dir()])
    claims = [
        _claim(f"{d}1", d, category="soldiers", event="deployed", actor="North Korea", value=Interval(v, v),
               time=TimeSpan(dt.date(2024, 11, 1), dt.date(2024, 11, 30)))
        for d, v in (("a", 11000), ("b", 14000), ("c", 14000))
    ]
    findings = ruleset.evaluate(build_context(claims))
    assert findings and all(type(f.severity) is Severity for f in findings)
    ranks = [f.severity for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    result = Result(corpus="t", documents=(), claims=tuple(claims), topics=(), findings=findings)
    written = {f["severity"] for f in json.loads(render_json(result))["findings"]}
    assert written and written <= set(SEVERITIES)  # the JSON keeps the names


def test_a_rule_file_severity_is_read_into_the_model_scale(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_text(
        "version: 1\nrules:\n  - {id: agree, kind: corroboration, severity: warning}\n"
        "  - {id: plain, kind: echo}\n",
        encoding="utf-8",
    )
    rules = {r.id: r for r in load_rules([path]).rules}
    assert rules["agree"].severity is Severity.WARNING
    assert rules["plain"].severity is Severity.INFO  # the kind's default, INFO, is not lost as "falsy"


# --- rule kinds ------------------------------------------------------------------------------


def test_built_in_kinds_are_resolved_once_when_rules_load() -> None:
    ruleset = load_rules([default_rules_dir()])
    kinds = registry.registered_kinds()
    for rule in ruleset.rules:
        assert rule.spec is kinds[rule.kind]
    assert {name for name, _ in registry.BUILTIN_KINDS} <= set(kinds)


def test_built_in_kinds_load_through_the_plugin_path() -> None:
    for entry in registry.builtin_entry_points():
        kind = entry.load()
        assert isinstance(kind, Kind) and kind.name == entry.name
        assert registry.load_entry_point(entry) is kind


def test_a_misspelt_default_severity_is_refused_when_the_kind_is_defined() -> None:
    from pydantic import BaseModel

    with pytest.raises(ValueError, match="not a severity"):
        Kind("x", BaseModel, lambda rule, topic, env: (), "x", "fatal")  # type: ignore[arg-type]


def _imports(path: Path, module: str) -> set[str]:
    """Modules `path` imports when it runs: imports under `if TYPE_CHECKING:` are for the type
    checker only (postponed annotations) and never execute."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: set[str] = set()

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                parts = parts[: len(parts) - node.level + 1]
                base = ".".join(parts + ([base] if base else []))
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # `from pkg import submodule`
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _ruleset_graph() -> dict[str, set[str]]:
    modules = {}
    for path in sorted(RULESET.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        modules[name] = path
    # A package naming its own submodules (`from pkg import sub` in pkg/__init__) is no cycle.
    return {name: (_imports(path, name) & set(modules)) - {name} for name, path in modules.items()}


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                return stack[stack.index(nxt):] + [nxt]
            if nxt not in state:
                found = visit(nxt)
                if found:
                    return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if node not in state:
            found = visit(node)
            if found:
                return found
    return None


def test_the_ruleset_import_graph_has_no_cycle() -> None:
    graph = _ruleset_graph()
    assert "consistency.ruleset.engine" in graph and "consistency.ruleset.kinds.quantity" in graph
    assert "consistency.ruleset.engine" in graph["consistency.ruleset.kinds.quantity"]  # the walk sees imports
    assert _cycle(graph) is None, " → ".join(_cycle(graph) or [])


def test_the_cycle_check_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert _cycle({"a": {"b"}, "b": set()}) is None


@pytest.mark.slow
def test_the_engine_imports_without_any_kind() -> None:
    code = (
        "import sys, consistency.ruleset.engine, consistency.ruleset.registry\n"
        "print(sorted(m for m in sys.modules if m.startswith('consistency.ruleset.kinds.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert out.stdout.strip() == "[]"


def test_the_cli_offers_the_model_severities_for_fail_on() -> None:
    from consistency.cli import Severity as Choice

    assert [c.value for c in Choice] == list(SEVERITIES)
