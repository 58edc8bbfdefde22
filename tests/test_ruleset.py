"""The rule engine: rule-file errors a user sees, conditions, kinds, fingerprints, rule tests."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import Field

from consistency.errors import RuleError, RuleProblem
from consistency.model import Claim, Document, Finding, Interval, Severity, TimeSpan
from consistency.ruleset import (
    SEVERITIES,
    Context,
    Draft,
    Kind,
    build_context,
    default_rules_dir,
    digest,
    fingerprint,
    load_rules,
    run_rule_tests,
    validate_rules,
)
from consistency.ruleset import registry as registry_module
from consistency.ruleset.kinds.common import Options

AUTUMN = TimeSpan(dt.date(2024, 9, 1), dt.date(2024, 11, 30), "autumn 2024")
SPRING = TimeSpan(dt.date(2025, 3, 1), dt.date(2025, 5, 31), "spring 2025")


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


def problems_of(*paths: Path) -> list[RuleProblem]:
    with pytest.raises(RuleError) as info:
        load_rules(list(paths))
    return info.value.problems


def only(problems: list[RuleProblem]) -> RuleProblem:
    assert len(problems) == 1, "\n".join(map(str, problems))
    return problems[0]


VALID = """
version: 1
rules:
  - id: contradiction
    kind: quantity-contradiction
    options:
      relative_tolerance: 0.05
"""


# --- rule-file problems -----------------------------------------------------------------------


def test_unknown_key_names_line_column_and_suggests_the_right_one(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.replace("    options:", "    optoins:"))
    problem = only(problems_of(path))
    assert (problem.path, problem.line, problem.column) == (str(path), 5, 5)
    assert "unknown key 'optoins'" in problem.message
    assert "Did you mean 'options'?" in problem.message
    assert "id, kind, description, severity, when, options" in problem.message
    assert problem.source_line == "    optoins:"


def test_wrong_type_is_located_at_the_value(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.replace("0.05", "five percent"))
    problem = only(problems_of(path))
    assert (problem.line, problem.column) == (6, 27)
    assert "relative_tolerance" in problem.message and "valid number" in problem.message
    assert problem.source_line == "      relative_tolerance: five percent"


def test_unknown_kind_lists_the_known_kinds(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.replace("kind: quantity-contradiction", "kind: quantity-contradictoin"))
    problem = only(problems_of(path))
    assert (problem.line, problem.column) == (4, 11)
    assert "unknown rule kind 'quantity-contradictoin'" in problem.message
    assert "Did you mean 'quantity-contradiction'?" in problem.message
    assert "corroboration" in problem.message


def test_unknown_option_of_a_kind_suggests_the_option(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.replace("relative_tolerance", "relative_tolerence"))
    problem = only(problems_of(path))
    assert (problem.line, problem.column) == (6, 7)
    assert "unknown option 'relative_tolerence'" in problem.message
    assert "Did you mean 'relative_tolerance'?" in problem.message
    assert "vague_severity" in problem.message


def test_option_out_of_range_is_refused(tmp_path: Path) -> None:
    problem = only(problems_of(write(tmp_path, "r.yaml", VALID.replace("0.05", "-1"))))
    assert problem.line == 6 and "greater than or equal to 0" in problem.message


def test_bad_severity_lists_the_allowed_ones(tmp_path: Path) -> None:
    text = VALID.replace("    options:", "    severity: fatal\n    options:")
    problem = only(problems_of(write(tmp_path, "r.yaml", text)))
    assert problem.line == 5 and "'info', 'warning' or 'error'" in problem.message


def test_duplicate_rule_ids_across_files(tmp_path: Path) -> None:
    first = write(tmp_path, "a.yaml", VALID)
    second = write(tmp_path, "b.yaml", VALID)
    problem = only(problems_of(first, second))
    assert problem.path == str(second) and (problem.line, problem.column) == (3, 9)
    assert f"already used at {first}:3" in problem.message


def test_unsupported_version(tmp_path: Path) -> None:
    problem = only(problems_of(write(tmp_path, "r.yaml", VALID.replace("version: 1", "version: 2"))))
    assert (problem.line, problem.column) == (1, 10)
    assert "unsupported version 2" in problem.message and "version 1" in problem.message


def test_missing_version(tmp_path: Path) -> None:
    problem = only(problems_of(write(tmp_path, "r.yaml", VALID.replace("version: 1\n", ""))))
    assert "missing required key 'version'" in problem.message and problem.line == 1


def test_yaml_syntax_error_has_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.replace("kind: quantity-contradiction", "kind: [quantity"))
    problem = only(problems_of(path))
    assert problem.line is not None and problem.line >= 4
    assert "YAML syntax error" in problem.message


def test_empty_file_is_a_problem_not_a_traceback(tmp_path: Path) -> None:
    problem = only(problems_of(write(tmp_path, "r.yaml", "\n")))
    assert "empty" in problem.message


def test_file_that_is_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "r.yaml"
    path.write_bytes(VALID.encode("utf-8") + "# café\n".encode("latin-1"))
    problem = only(problems_of(path))
    assert "not valid UTF-8" in problem.message and problem.line == 8


def test_a_file_without_rules_and_a_folder_without_rule_files(tmp_path: Path) -> None:
    problem = only(problems_of(write(tmp_path, "r.yaml", "version: 1\nrules: []\n")))
    assert problem.line == 2 and "no rules" in problem.message
    empty = tmp_path / "empty"
    empty.mkdir()
    assert "no rules found" in only(problems_of(empty)).message


def test_duplicate_yaml_key(tmp_path: Path) -> None:
    text = VALID.replace("    options:", "    kind: echo\n    options:")
    problem = only(problems_of(write(tmp_path, "r.yaml", text)))
    assert problem.line == 5 and "given twice" in problem.message


def test_every_problem_of_every_file_at_once(tmp_path: Path) -> None:
    bad_key = write(tmp_path, "a.yaml", VALID.replace("    options:", "    optoins:"))
    bad_kind = write(
        tmp_path,
        "b.yaml",
        """
        version: 1
        rules:
          - id: one
            kind: nonsense
          - id: two
            kind: echo
            options: {min_documents: many}
        """,
    )
    broken = write(tmp_path, "c.yaml", "version: 1\nrules: [\n")
    problems = problems_of(tmp_path)
    where = {(Path(p.path).name, p.line) for p in problems}
    assert {("a.yaml", 5), ("b.yaml", 4), ("b.yaml", 7)} <= where
    assert any(Path(p.path).name == "c.yaml" for p in problems)
    assert len(problems) == 4
    assert validate_rules([bad_key, bad_kind, broken]) == problems_of(bad_key, bad_kind, broken)


def test_error_details_show_the_source_line_and_a_caret(tmp_path: Path) -> None:
    path = write(tmp_path, "r.yaml", VALID.replace("    options:", "    optoins:"))
    with pytest.raises(RuleError) as info:
        load_rules([path])
    assert info.value.details().splitlines()[1:] == ["        optoins:", "        ^"]
    assert str(info.value).startswith(f"{path}:5:5: unknown key 'optoins'")


def test_valid_rules_have_no_problems_and_the_default_rules_are_valid(tmp_path: Path) -> None:
    assert validate_rules([write(tmp_path, "r.yaml", VALID)]) == []
    assert validate_rules([default_rules_dir()]) == []


def test_test_files_are_not_rule_files(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", VALID)
    write(tmp_path, "r.test.yaml", "version: 1\ncases: []\n")
    assert load_rules([tmp_path]).ids == ("contradiction",)
    assert "rule test file" in only(problems_of(tmp_path / "r.test.yaml")).message


def test_places_are_merged_across_files_and_checked(tmp_path: Path) -> None:
    write(tmp_path, "r.yaml", VALID)
    write(tmp_path, "places.yaml", "version: 1\nplaces:\n  Kursk: Russia\n")
    ruleset = load_rules([tmp_path])
    assert ruleset.places.compatible("Kursk", "russia") and not ruleset.places.compatible("Kursk", "Donetsk")
    clash = write(tmp_path, "more.yaml", "version: 1\nplaces:\n  Kursk: Ukraine\n")
    problem = only(problems_of(tmp_path / "r.yaml", tmp_path / "places.yaml", clash))
    assert (problem.path, problem.line) == (str(clash), 3) and "already placed within 'Russia'" in problem.message
    circle = write(tmp_path, "circle.yaml", "version: 1\nplaces:\n  Russia: Kursk\n")
    assert "within each other" in only(problems_of(tmp_path / "r.yaml", tmp_path / "places.yaml", circle)).message


# --- conditions --------------------------------------------------------------------------------


def claim(
    cid: str,
    document: str,
    value: float | tuple[float | None, float | None],
    *,
    time: TimeSpan | None = AUTUMN,
    line: int = 1,
    **fields: Any,
) -> Claim:
    low, high = value if isinstance(value, tuple) else (value, value)
    defaults: dict[str, Any] = {
        "actor": "North Korea",
        "category": "soldiers",
        "event": "deployed",
        "time_source": "clause",
    }
    defaults.update(fields)
    return Claim(
        id=cid,
        document=document,
        kind="quantity",
        span=(line * 100, line * 100 + 20),
        quote=f"{value} soldiers",
        line=line,
        value=Interval(low, high),
        time=time,
        **defaults,
    )


def rules_from(tmp_path: Path, text: str) -> Any:
    return load_rules([write(tmp_path, "rules.yaml", text)])


def test_a_condition_written_as_python_is_refused(tmp_path: Path) -> None:
    text = """
    version: 1
    rules:
      - id: c
        kind: quantity-contradiction
        when: "claim.value > 1000 and __import__('os').system('exit 1') == 0"
    """
    problem = only(problems_of(write(tmp_path, "r.yaml", text)))
    assert problem.line == 5 and "valid dictionary" in problem.message


def test_condition_values_are_literals_never_code(tmp_path: Path) -> None:
    marker = tmp_path / "executed"
    code = f"__import__('pathlib').Path({str(marker)!r}).touch()"
    ruleset = rules_from(
        tmp_path,
        f"""
        version: 1
        rules:
          - id: c
            kind: quantity-contradiction
            when:
              claim:
                category: "{code}"
        """,
    )
    context = build_context([claim("a1", "a", 11000), claim("b1", "b", 14000)])
    assert ruleset.evaluate(context) == ()
    literal = build_context([claim("a1", "a", 11000, category=code), claim("b1", "b", 14000, category=code)])
    assert len(ruleset.evaluate(literal)) == 1
    assert not marker.exists()


def test_claim_filters_narrow_what_a_rule_sees(tmp_path: Path) -> None:
    ruleset = rules_from(
        tmp_path,
        """
        version: 1
        rules:
          - id: exact-only
            kind: quantity-contradiction
            when:
              claim:
                qualifier: {not: [vague, more_than]}
                category: [soldiers, sappers]
        """,
    )
    exact = build_context([claim("a1", "a", 11000), claim("b1", "b", 14000)])
    vague = build_context([claim("a1", "a", (2000, 9000), qualifier="vague"), claim("b1", "b", 14000)])
    workers = build_context([claim("a1", "a", 11000, category="workers"), claim("b1", "b", 14000, category="workers")])
    assert len(ruleset.evaluate(exact)) == 1
    assert ruleset.evaluate(vague) == ()
    assert ruleset.evaluate(workers) == ()


def test_pair_conditions_narrow_compared_pairs(tmp_path: Path) -> None:
    ruleset = rules_from(
        tmp_path,
        """
        version: 1
        rules:
          - id: named-only
            kind: quantity-contradiction
            when: {pair: [named_origins]}
        """,
    )
    unnamed = build_context([claim("a1", "a", 11000), claim("b1", "b", 14000)])
    named = build_context(
        [claim("a1", "a", 11000, attributed_to="Seoul"), claim("b1", "b", 14000, attributed_to="Seoul")]
    )
    assert ruleset.evaluate(unnamed) == ()
    assert len(ruleset.evaluate(named)) == 1


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("{claim: {qualifer: exact}}", "unknown key 'qualifer'"),
        ("{claim: {qualifier: exakt}}", "unknown qualifier 'exakt'. Did you mean 'exact'?"),
        ("{claim: {increment: maybe}}", "'increment' takes true or false"),
        ("{claim: {unit: {inn: [count]}}}", "unknown test 'inn' for 'unit'. Did you mean 'in'?"),
        ("{pair: [diferent_documents]}", "unknown pair condition 'diferent_documents'. Did you mean"),
        ("{pair: different_documents}", "'pair' is a list of condition names"),
    ],
)
def test_condition_names_and_values_are_checked_on_load(tmp_path: Path, when: str, expected: str) -> None:
    text = f"version: 1\nrules:\n  - id: c\n    kind: quantity-contradiction\n    when: {when}\n"
    problem = only(problems_of(write(tmp_path, "r.yaml", text)))
    assert expected in problem.message and problem.line == 5


# --- kinds on hand-built claims ----------------------------------------------------------------


@pytest.fixture(scope="module")
def defaults() -> Any:
    return load_rules([default_rules_dir()])


def by_rule(findings: tuple[Finding, ...], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


def test_contradiction_message_names_both_sides(defaults: Any) -> None:
    docs = [Document(id="lemonde", path="lemonde.txt", text="", publisher="Le Monde")]
    context = build_context(
        [claim("a1", "lemonde", 11000, line=7), claim("b1", "kyiv", 14000, line=3, attributed_to="Kyiv")], docs
    )
    (finding,) = by_rule(defaults.evaluate(context), "quantity-contradiction")
    assert (finding.kind, finding.severity, finding.claims) == ("contradiction", Severity.ERROR, ("b1", "a1"))
    assert finding.origins == ("Kyiv", "Le Monde")
    for words in (
        "lemonde line 7",
        "kyiv line 3",
        "11000 soldiers",
        "intervals 14 000 and 11 000 do not meet",
        "both describe autumn 2024",
        "according to Kyiv",
        "published by Le Monde",
    ):
        assert words in finding.message
    assert re.fullmatch(r"[0-9a-f]{16}", finding.fingerprint) and re.fullmatch(r"[0-9a-f]{16}", finding.digest)


def test_tolerance_widens_exact_figures_only_unless_asked(tmp_path: Path, defaults: Any) -> None:
    near = build_context([claim("a1", "a", (10000, 12000), qualifier="approx"), claim("b1", "b", 12000)])
    assert by_rule(defaults.evaluate(near), "quantity-contradiction") == []  # the bound itself meets
    precise = build_context([claim("a1", "a", (10000, 12000), qualifier="approx"), claim("b1", "b", 12500)])
    assert len(by_rule(defaults.evaluate(precise), "quantity-contradiction")) == 1  # "12 500" is 12 450–12 550
    relative = rules_from(
        tmp_path,
        "version: 1\nrules:\n  - {id: r, kind: quantity-contradiction, options: {tolerance: relative}}\n",
    )
    assert relative.evaluate(precise) == ()  # 12 500 - 5% meets 12 000
    approx = build_context(
        [claim("a1", "a", (10000, 12000), qualifier="approx"), claim("b1", "b", (12300, 13700), qualifier="approx")]
    )
    assert len(by_rule(defaults.evaluate(approx), "quantity-contradiction")) == 1
    lenient = rules_from(
        tmp_path,
        "version: 1\nrules:\n  - {id: c, kind: quantity-contradiction, options: {widen_approximate: true}}\n",
    )
    assert lenient.evaluate(approx) == ()


def test_each_kind_fires_and_stays_silent(defaults: Any) -> None:
    shoigu: dict[str, Any] = {"attributed_to": "Sergei Shoigu", "category": "workers", "event": "sent"}
    echo = build_context([claim("a1", "a", 5000, **shoigu), claim("b1", "b", 5000, **shoigu)])
    one_voice = {f.kind: f for f in defaults.evaluate(echo)}
    assert set(one_voice) == {"echo"}  # reported instead of a corroboration of the same claims
    assert "2 documents repeat 5 000 from one voice, Sergei Shoigu" in one_voice["echo"].message

    independent = build_context(
        [claim("a1", "a", 5000, **shoigu), claim("b1", "b", 5000, **{**shoigu, "attributed_to": "KCNA"})]
    )
    assert {f.kind for f in defaults.evaluate(independent)} == {"corroboration"}

    running: dict[str, Any] = {
        "event": "killed",
        "cumulative": True,
        "time": TimeSpan(dt.date(2024, 10, 1), None, kind="since"),
    }
    published = [
        Document(id="a", path="a.txt", text="", published=dt.date(2025, 1, 15)),
        Document(id="b", path="b.txt", text="", published=dt.date(2025, 6, 15)),
    ]
    update = build_context([claim("a1", "a", 2000, **running), claim("b1", "b", 4700, **running)], published)
    assert {f.kind for f in defaults.evaluate(update)} == {"update"}
    shrink = build_context([claim("a1", "a", 4700, **running), claim("b1", "b", 2000, **running)], published)
    assert {f.kind for f in defaults.evaluate(shrink)} == {"contradiction"}

    dispute = build_context(
        [claim("p", "a", 12000, attributed_to="police"), claim("o", "a", 50000, attributed_to="organisers")]
    )
    assert {(f.kind, f.severity) for f in defaults.evaluate(dispute)} == {("dispute", Severity.WARNING)}

    apart_in_time = build_context([claim("a1", "a", 11000), claim("b1", "b", 14000, time=SPRING)])
    assert defaults.evaluate(apart_in_time) == ()


def test_corroboration_can_require_independent_origins(tmp_path: Path) -> None:
    strict = rules_from(tmp_path, "version: 1\nrules:\n  - {id: c, kind: corroboration, options: {min_origins: 2}}\n")
    shoigu: dict[str, Any] = {"attributed_to": "Sergei Shoigu", "category": "workers", "event": "sent"}
    one_voice = build_context([claim("a1", "a", 5000, **shoigu), claim("b1", "b", 5000, **shoigu)])
    assert strict.evaluate(one_voice) == ()
    two_voices = build_context(
        [claim("a1", "a", 5000, **shoigu), claim("b1", "b", 5000, **{**shoigu, "attributed_to": "KCNA"})]
    )
    (finding,) = strict.evaluate(two_voices)
    assert "2 documents, 2 independent origins: KCNA, Sergei Shoigu" in finding.message


def test_date_contradiction(defaults: Any) -> None:
    def date(cid: str, doc: str, low: dt.date, high: dt.date, label: str) -> Claim:
        span = TimeSpan(low, high, label)
        return Claim(cid, doc, "date", (0, 10), label, 1, span, unit="date", event="incursion", location="Kursk")

    early = date("a1", "a", dt.date(2024, 1, 1), dt.date(2024, 3, 31), "early 2024")
    autumn = date("b1", "b", dt.date(2024, 9, 22), dt.date(2024, 12, 21), "autumn 2024")
    october = date("c1", "c", dt.date(2024, 10, 1), dt.date(2024, 10, 31), "October 2024")
    findings = defaults.evaluate(build_context([early, autumn, october]))
    (contradiction,) = by_rule(findings, "date-contradiction")  # one finding: early 2024 against the other two
    assert contradiction.claims == ("a1", "b1", "c1")
    assert "early 2024 (2024-01-01 to 2024-03-31)" in contradiction.message
    assert "also in 1 other document" in contradiction.message
    assert [f.claims for f in by_rule(findings, "corroboration")] == [("b1", "c1")]


def test_findings_are_sorted_by_severity_then_kind() -> None:
    ruleset = load_rules([default_rules_dir()])
    claims = [
        claim("a1", "a", 11000),
        claim("b1", "b", 14000),
        claim("c1", "c", 14000),
        claim("d1", "d", (20000, None), qualifier="more_than"),
    ]
    findings = ruleset.evaluate(build_context(claims))
    ranks = [f.severity for f in findings]
    assert ranks == sorted(ranks, reverse=True)
    assert {f.severity.label for f in findings} == set(SEVERITIES) == {"error", "warning", "info"}


# --- fingerprints ------------------------------------------------------------------------------


def test_fingerprint_recipe() -> None:
    key = ("quantity", "North Korea", "soldiers", "deployed")
    fp = fingerprint("quantity-contradiction", key, ["Le Monde", "Kyiv"])
    assert re.fullmatch(r"[0-9a-f]{16}", fp)
    assert fp == fingerprint("quantity-contradiction", key, ["Kyiv", "Le Monde"])
    assert fp != fingerprint("quantity-contradiction", key, ["Kyiv", "Le Figaro"])
    assert fp != fingerprint("quantity-contradiction", ("quantity", "North Korea", "soldiers", "killed"), ["Kyiv"])
    assert digest([Interval(1, 2), Interval(3, 3)]) == digest([Interval(3, 3), Interval(1, 2)])
    assert digest([Interval(1, 2)]) != digest([Interval(1, 3)])


def test_findings_sharing_origins_get_distinct_fingerprints(defaults: Any) -> None:
    claims = [claim("a1", "a", 11000), claim("b1", "b", 14000), claim("c1", "c", 20000)]
    contradictions = by_rule(defaults.evaluate(build_context(claims)), "quantity-contradiction")
    assert len(contradictions) == 3
    assert len({f.fingerprint for f in contradictions}) == 3


def test_fingerprint_survives_edits_elsewhere_and_a_changed_value_changes_the_digest(defaults: Any) -> None:
    before = by_rule(
        defaults.evaluate(build_context([claim("a1", "a", 11000), claim("b1", "b", 14000)])), "quantity-contradiction"
    )
    moved = build_context([claim("a1", "a", 11000, line=40), claim("b1", "b", 14000, line=2)])
    edited = build_context([claim("a1", "a", 11000), claim("b1", "b", 15000)])
    (first,) = before
    (after_move,) = by_rule(defaults.evaluate(moved), "quantity-contradiction")
    (after_edit,) = by_rule(defaults.evaluate(edited), "quantity-contradiction")
    assert after_move.fingerprint == first.fingerprint and after_move.digest == first.digest
    assert after_edit.fingerprint == first.fingerprint and after_edit.digest != first.digest


VALUES: list[Any] = [2000, 4700, 5000, 11000, 11300, 14000, (10000, 12000), (6000, None)]
ORIGINS = [None, None, "UK Ministry of Defence", "South Korean intelligence", "Sergei Shoigu"]
TIMES = [AUTUMN, SPRING, TimeSpan(dt.date(2024, 1, 1), dt.date(2025, 6, 17), "since early 2024", "since"), None]
EVENTS = ["deployed", "killed_or_wounded"]


@st.composite
def corpora(draw: st.DrawFn) -> tuple[list[Document], list[Claim]]:
    n_docs = draw(st.integers(2, 5))
    publishers = [draw(st.sampled_from([None, "Le Monde", "L'Express", "Reuters"])) for _ in range(n_docs)]
    docs = [Document(id=f"doc{i}", path=f"doc{i}.txt", text="", publisher=p) for i, p in enumerate(publishers)]
    claims = []
    for i in range(draw(st.integers(1, 9))):
        doc = draw(st.integers(0, n_docs - 1))
        value = draw(st.sampled_from(VALUES))
        claims.append(
            claim(
                f"doc{doc}-c{i}",
                f"doc{doc}",
                value,
                line=draw(st.integers(1, 30)),
                time=draw(st.sampled_from(TIMES)),
                event=draw(st.sampled_from(EVENTS)),
                attributed_to=draw(st.sampled_from(ORIGINS)),
                qualifier="more_than" if isinstance(value, tuple) and value[1] is None else "exact",
                cumulative=draw(st.booleans()),
                increment=draw(st.sampled_from([False, False, False, True])),
            )
        )
    return docs, claims


def _shuffled(context: Context, rnd: Any) -> Context:
    topics = [dataclasses.replace(t, claims=tuple(rnd.sample(t.claims, len(t.claims)))) for t in context.topics]
    claims = list(context.claims.items())
    documents = list(context.documents.items())
    rnd.shuffle(topics)
    rnd.shuffle(claims)
    rnd.shuffle(documents)
    return Context(documents=dict(documents), claims=dict(claims), topics=topics)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora(), rnd=st.randoms(use_true_random=False))
@pytest.mark.slow
def test_shuffled_input_gives_identical_findings(defaults: Any, corpus: Any, rnd: Any) -> None:
    docs, claims = corpus
    context = build_context(claims, docs)
    assert defaults.evaluate(_shuffled(context, rnd)) == defaults.evaluate(context)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(corpus=corpora(), rnd=st.randoms(use_true_random=False))
@pytest.mark.slow
def test_renamed_documents_keep_every_fingerprint(defaults: Any, corpus: Any, rnd: Any) -> None:
    docs, claims = corpus
    names = [f"renamed/{n}" for n in rnd.sample(range(100), len(docs))]
    rename = {d.id: new for d, new in zip(docs, names, strict=True)}
    renamed_docs = [dataclasses.replace(d, id=rename[d.id], path=rename[d.id] + ".txt") for d in docs]
    renamed_claims = [
        dataclasses.replace(c, id=rename[c.document] + c.id.split("-")[1], document=rename[c.document]) for c in claims
    ]

    def identity(findings: tuple[Finding, ...]) -> list[tuple[str, ...]]:
        return sorted((f.fingerprint, f.rule, f.kind, f.severity, f.digest) for f in findings)

    original = defaults.evaluate(build_context(claims, docs))
    renamed = defaults.evaluate(build_context(renamed_claims, renamed_docs))
    assert identity(renamed) == identity(original)
    assert len({f.fingerprint for f in original}) == len(original)


# --- kinds registered like plugins ---------------------------------------------------------------


class SpreadOptions(Options):
    max_ratio: float = Field(2.0, gt=1)


def _spread(rule: Any, topic: Any, env: Any) -> Any:
    claims = env.claims_of(topic, rule)
    values = [c.value.high for c in claims if isinstance(c.value, Interval) and c.value.high]
    if len(values) > 1 and max(values) / min(values) > rule.options.max_ratio:
        origins = tuple(env.origin(c) for c in claims)
        yield Draft(
            "spread", rule.severity, tuple(claims), f"figures range over more than x{rule.options.max_ratio}", origins
        )


def test_a_kind_registered_from_outside_works_like_a_built_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(registry_module, "_KINDS", dict(registry_module._KINDS))
    registry_module.register_kind(
        Kind("wide-spread", SpreadOptions, _spread, "spread", "warning", frozenset({"quantity"}))
    )
    ruleset = rules_from(tmp_path, "version: 1\nrules:\n  - {id: spread, kind: wide-spread, options: {max_ratio: 3}}\n")
    (finding,) = ruleset.evaluate(build_context([claim("a1", "a", 2000), claim("b1", "b", 14000)]))
    assert (finding.rule, finding.kind, finding.severity) == ("spread", "spread", Severity.WARNING)
    bad = write(tmp_path, "bad.yaml", "version: 1\nrules:\n  - {id: s, kind: wide-spread, options: {max_ratoi: 3}}\n")
    assert "Did you mean 'max_ratio'?" in only(problems_of(bad)).message
    with pytest.raises(ValueError, match="already registered"):
        registry_module.register_kind(Kind("echo", SpreadOptions, _spread, "spread", "info"))


# --- rule test files ------------------------------------------------------------------------------


def test_rule_tests_report_each_case_with_file_and_line(tmp_path: Path) -> None:
    write(tmp_path, "c.yaml", VALID)
    test_file = write(
        tmp_path,
        "c.test.yaml",
        """
        version: 1
        cases:
          - name: fires
            claims:
              - {id: a1, document: a, value: 11000, category: soldiers, event: deployed, time: [2024-09-01, 2024-11-30]}
              - {id: b1, document: b, value: 14000, category: soldiers, event: deployed, time: [2024-09-01, 2024-11-30]}
            expect:
              - {rule: contradiction, claims: [a1, b1], values: [11000, 14000]}
          - name: wrongly expected silent
            claims:
              - {id: a1, document: a, value: 11000, category: soldiers, event: deployed, time: [2024-09-01, 2024-11-30]}
              - {id: b1, document: b, value: 14000, category: soldiers, event: deployed, time: [2024-09-01, 2024-11-30]}
            expect_not:
              - {rule: contradiction}
          - name: needs the pipeline
            articles:
              - {id: x, text: "11 000 soldiers were deployed."}
            expect:
              - {rule: contradiction}
        """,
    )
    outcomes = run_rule_tests([tmp_path], analyse=None)
    assert [(o.name, o.status, o.line) for o in outcomes] == [
        ("fires", "passed", 3),
        ("wrongly expected silent", "failed", 9),
        ("needs the pipeline", "skipped", 15),
    ]
    assert outcomes[1].location == f"{test_file}:9"
    assert any("found, but must not be: rule=contradiction" in p for p in outcomes[1].problems)


def test_rule_test_files_are_validated_too(tmp_path: Path) -> None:
    write(tmp_path, "c.yaml", VALID)
    write(
        tmp_path,
        "c.test.yaml",
        """
        version: 1
        cases:
          - name: no expectation
            claims: [{id: a1, document: a, value: 1}]
          - name: typo
            claims: [{id: a1, document: a, value: 1}]
            expect: [{rule: contradiction, mesage_contains: x}]
        """,
    )
    with pytest.raises(RuleError) as info:
        run_rule_tests([tmp_path], analyse=None)
    lines = sorted((p.line, p.message) for p in info.value.problems)
    assert lines[0][0] == 3 and "cannot fail" in lines[0][1]
    assert lines[1][0] == 7 and "Did you mean 'message_contains'?" in lines[1][1]


# --- the guide ------------------------------------------------------------------------------------


def test_the_rule_guide_documents_every_kind_option_and_condition() -> None:
    from consistency.ruleset import registered_kinds
    from consistency.ruleset.conditions import CLAIM_FIELDS, PAIR_PREDICATES

    guide = (Path(__file__).resolve().parent.parent / "docs" / "rules.md").read_text(encoding="utf-8")
    names = [*CLAIM_FIELDS, *PAIR_PREDICATES]
    for name, kind in registered_kinds().items():
        assert f"### `{name}`" in guide
        names.extend(kind.options.model_fields)
    missing = [n for n in names if f"`{n}`" not in guide]
    assert not missing, f"docs/rules.md does not mention: {missing}"
