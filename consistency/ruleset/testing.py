"""Rule test files: cases that must fire and cases that must stay silent.

A rule file `rules/x.yaml` is tested by `rules/x.test.yaml`. A case gives either claims
written out in YAML (testing rule logic without extraction) or small articles (testing
the whole pipeline), and what must and must not be found.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from consistency.errors import RuleError, RuleProblem
from consistency.model import Claim, Document, Finding, Interval, Result, TimeKind, TimeSpan, Topic
from consistency.ruleset.context import Context
from consistency.ruleset.engine import RuleSet
from consistency.ruleset.loader import is_rule_file, is_test_file, load_rules
from consistency.ruleset.schema import SCHEMA_VERSION, Severity
from consistency.ruleset.source import Located, read_yaml, validation_problems
from consistency.ruleset.values import format_interval, format_span
from consistency.topics import topic_id, topic_key

Analyse = Callable[[list[Document], RuleSet], Result]
LaxDate = Annotated[dt.date, Field(strict=False)]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class TimeSpec(_Model):
    low: LaxDate | None = None
    high: LaxDate | None = None
    label: str = ""
    kind: TimeKind = "period"

    def span(self) -> TimeSpan:
        return TimeSpan(self.low, self.high, self.label, self.kind)


def _time_shorthand(raw: Any) -> Any:
    """`2024-10-01` is that day; `[2024-09-01, 2024-11-30]` a period; a mapping is spelled out."""
    if isinstance(raw, (dt.date, str)) and not isinstance(raw, dt.datetime):
        return {"low": raw, "high": raw, "kind": "point"}
    if isinstance(raw, list):
        if len(raw) != 2:
            raise ValueError("a time list is [first day, last day]; use null for an open end")
        return {"low": raw[0], "high": raw[1]}
    return raw


class ClaimSpec(_Model):
    """A Claim written by hand; omitted fields get the defaults an extractor would leave."""

    id: str
    document: str
    value: Any
    kind: Literal["quantity", "date"] | None = None  # inferred from the value when omitted
    qualifier: str = "exact"
    unit: str | None = None
    category: str | None = None
    event: str | None = None
    actor: str | None = None
    location: str | None = None
    place_source: Literal["clause", "paragraph", "there", "nationwide", "combined", "dateline", "document", "unnamed", "near", "part", "none"] = "none"
    time: TimeSpec | None = None
    time_source: Literal["clause", "context", "as_of", "none"] | None = None
    attributed_to: str | None = None
    attribution_quote: str | None = None
    increment: bool = False
    cumulative: bool = False
    share_of: str | None = None
    rebuts: str | None = None  # id of the claim this one's source calls wrong in words
    measure: Literal["total", "running", "increment", "difference", "part", "projection", "superseded"] | None = None
    quote: str | None = None
    line: int | None = None

    @field_validator("time", mode="before")
    @classmethod
    def _time(cls, raw: Any) -> Any:
        return _time_shorthand(raw)

    @model_validator(mode="after")
    def _value(self) -> ClaimSpec:
        self.parsed_value()
        return self

    def claim_kind(self) -> Literal["quantity", "date"]:
        if self.kind is not None:
            return self.kind
        raw = self.value
        is_date = isinstance(raw, (dt.date, dict)) or (
            isinstance(raw, list) and any(isinstance(x, dt.date) for x in raw)
        )
        return "date" if is_date else "quantity"

    def parsed_value(self) -> Interval | TimeSpan:
        raw = self.value
        if self.claim_kind() == "date":
            try:
                return TimeSpec.model_validate(_time_shorthand(raw)).span()
            except ValidationError as exc:
                reason = exc.errors()[0]["msg"]
                raise ValueError(f"a date value is a day, [first, last] or a time mapping: {reason}") from None
        if _number(raw):
            return Interval(float(raw), float(raw))
        if isinstance(raw, list) and len(raw) == 2 and all(x is None or _number(x) for x in raw):
            low, high = (None if x is None else float(x) for x in raw)
            return Interval(low, high)
        raise ValueError("a figure is a number or [low, high] (null for an open bound)")

    def build(self, position: int) -> Claim:
        kind = self.claim_kind()
        value = self.parsed_value()
        unit = self.unit or ("date" if kind == "date" else "count")
        words = (_default_quote(value, unit, self.qualifier), self.category, self.event)
        quote = self.quote or " ".join(w for w in words if w)
        line = self.line if self.line is not None else position + 1
        start = position * 100
        return Claim(
            id=self.id,
            document=self.document,
            kind=kind,
            span=(start, start + len(quote)),
            quote=quote,
            line=line,
            value=value,
            qualifier=self.qualifier,
            unit=unit,
            category=self.category,
            event=self.event,
            actor=self.actor,
            location=self.location,
            place_source=self.place_source,
            time=self.time.span() if self.time else None,
            time_source=self.time_source or ("clause" if self.time else "none"),
            attributed_to=self.attributed_to,
            attribution_quote=self.attribution_quote,
            increment=self.increment,
            cumulative=self.cumulative,
            share_of=self.share_of,
            rebuts=self.rebuts,
            measure=self.measure or _measure_of(self.increment, self.cumulative, self.time.span() if self.time else None),
        )


def _measure_of(increment: bool, cumulative: bool, time: TimeSpan | None) -> str:
    """What extraction would say of a case claim that does not state its measure."""
    if increment:
        return "increment"
    if cumulative or (time is not None and time.kind == "since"):
        return "running"
    return "total"


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def _default_quote(value: Interval | TimeSpan, unit: str, qualifier: str) -> str:
    if isinstance(value, TimeSpan):
        return format_span(value)
    return format_interval(value, unit, qualifier)


class DocumentSpec(_Model):
    id: str
    publisher: str | None = None
    published: LaxDate | None = None
    published_minute: int | None = None  # minutes after midnight: orders two articles of one day
    language: str | None = None
    title: str | None = None


class ArticleSpec(DocumentSpec):
    text: str
    url: str | None = None


class ExpectSpec(_Model):
    rule: str
    kind: str | None = None
    severity: Severity | None = None
    claims: tuple[str, ...] | None = None  # exactly these representatives (any order)
    values: tuple[Any, ...] | None = None  # each must lie in one of the finding's claims
    message_contains: tuple[str, ...] = ()

    @field_validator("claims", "values", "message_contains", mode="before")
    @classmethod
    def _listify(cls, raw: Any) -> Any:
        if raw is None:
            return raw
        return tuple(raw) if isinstance(raw, list) else (raw,)


class CaseSpec(_Model):
    name: str
    rules: tuple[str, ...] | None = None  # run only these rule ids (default: every loaded rule)
    documents: tuple[DocumentSpec, ...] = ()
    claims: tuple[ClaimSpec, ...] = ()
    articles: tuple[ArticleSpec, ...] = ()
    expect: tuple[ExpectSpec, ...] = ()
    expect_not: tuple[ExpectSpec, ...] = ()

    @field_validator("rules", "documents", "claims", "articles", "expect", "expect_not", mode="before")
    @classmethod
    def _tuple(cls, raw: Any) -> Any:
        return tuple(raw) if isinstance(raw, list) else raw

    @model_validator(mode="after")
    def _shape(self) -> CaseSpec:
        if bool(self.claims) == bool(self.articles):
            raise ValueError("a case gives either 'claims:' or 'articles:' (one of them, not both)")
        if not self.expect and not self.expect_not:
            raise ValueError("a case needs 'expect:' or 'expect_not:'; a case that checks nothing cannot fail")
        ids = [c.id for c in self.claims]
        if len(ids) != len(set(ids)):
            raise ValueError("claim ids must be unique within a case")
        for exp in (*self.expect, *self.expect_not):
            if exp.claims and self.articles:
                raise ValueError("article cases name findings by values and words, not by claim ids")
            unknown = [c for c in exp.claims or () if c not in ids]
            if unknown:
                raise ValueError(f"expectation names unknown claim(s): {', '.join(unknown)}")
        return self


class RuleTestFile(_Model):
    version: int
    cases: list[dict[str, Any]]


# --- collecting ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class RuleTestCase:
    path: str
    line: int | None
    spec: CaseSpec

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def uses_articles(self) -> bool:
        return bool(self.spec.articles)

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass(frozen=True)
class RuleTestOutcome:
    """One case's result, located at the case in its test file."""

    path: str
    line: int | None
    name: str
    status: Literal["passed", "failed", "skipped"]
    problems: tuple[str, ...] = ()  # why it failed (or was skipped), line by line

    @property
    def passed(self) -> bool:
        return self.status == "passed"

    @property
    def location(self) -> str:
        return f"{self.path}:{self.line}" if self.line else self.path

    def __str__(self) -> str:
        return "\n".join([f"{self.location}: {self.status.upper()} {self.name}", *self.problems])


def find_test_files(paths: Iterable[Path]) -> tuple[list[Path], list[Path]]:
    """(rule paths to load, test files to run): a folder brings its tests, a rule file its
    sibling test, a test file its sibling rule file."""
    rule_paths: list[Path] = []
    tests: list[Path] = []
    for path in (Path(p) for p in paths):
        if path.is_dir():
            rule_paths.append(path)
            tests.extend(sorted(p for p in path.iterdir() if p.is_file() and is_test_file(p)))
        elif is_test_file(path):
            tests.append(path)
            sibling = _sibling_rule_file(path)
            if sibling is not None:
                rule_paths.append(sibling)
        else:
            rule_paths.append(path)
            sibling = path.with_name(path.name[: -len(path.suffix)] + ".test" + path.suffix)
            if sibling.is_file():
                tests.append(sibling)
    return _unique(rule_paths), _unique(tests)


def _sibling_rule_file(test: Path) -> Path | None:
    stem = test.name.rsplit(".test.", 1)[0]
    for suffix in (".yaml", ".yml"):
        candidate = test.with_name(stem + suffix)
        if candidate.is_file() and is_rule_file(candidate):
            return candidate
    return None


def _unique(paths: list[Path]) -> list[Path]:
    seen: set[Path] = set()
    out = []
    for p in paths:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)
    return out


def collect_rule_tests(paths: Sequence[Path]) -> tuple[RuleSet, list[RuleTestCase]]:
    """The rules to test and every case of their test files; raises RuleError on bad files."""
    rule_paths, tests = find_test_files(paths)
    ruleset = load_rules(rule_paths)
    problems: list[RuleProblem] = []
    cases: list[RuleTestCase] = []
    for test in tests:
        found, found_problems = read_test_file(test)
        cases.extend(found)
        problems.extend(found_problems)
    if problems:
        raise RuleError(problems)
    return ruleset, cases


def read_test_file(path: Path) -> tuple[list[RuleTestCase], list[RuleProblem]]:
    located, problems = read_yaml(path)
    if located is None or problems:
        return [], problems
    data = located.data
    if not isinstance(data, dict):
        return [], [located.problem((), "a rule test file is a mapping with 'version: 1' and a 'cases:' list")]
    if "version" in data and (type(data["version"]) is not int or data["version"] != SCHEMA_VERSION):
        return [], [located.problem(("version",), f"unsupported version {data['version']!r}: use {SCHEMA_VERSION}")]
    try:
        outline = RuleTestFile.model_validate(data)
    except ValidationError as exc:
        return [], validation_problems(located, exc, RuleTestFile)
    cases = []
    for index, raw in enumerate(outline.cases):
        case, case_problems = _read_case(located, index, raw)
        problems.extend(case_problems)
        if case is not None:
            cases.append(case)
    if not cases and not problems:
        problems.append(located.problem(("cases",), "the file lists no cases"))
    return cases, problems


def _read_case(located: Located, index: int, raw: dict[str, Any]) -> tuple[RuleTestCase | None, list[RuleProblem]]:
    loc = ("cases", index)
    name = f" in case '{raw['name']}'" if isinstance(raw.get("name"), str) else f" in case #{index + 1}"
    try:
        spec = CaseSpec.model_validate(raw)
    except ValidationError as exc:
        return None, validation_problems(located, exc, CaseSpec, prefix=loc, where=name)
    mark = located.values.get(loc)
    return RuleTestCase(located.path, mark.line if mark else None, spec), []


# --- building inputs from a case ---------------------------------------------------------------


def build_context(claims: Sequence[Claim], documents: Iterable[Document] = ()) -> Context:
    """A Context from claims alone: one topic per key, documents made up where missing.
    Keys and ids are those of a real run (`consistency.topics`), so a case groups claims
    as the pipeline would."""
    docs: dict[str, Document] = {d.id: d for d in documents}
    for claim in claims:
        docs.setdefault(claim.document, Document(id=claim.document, path=claim.document, text=""))
    by_key: dict[tuple[str, ...], list[str]] = {}
    for claim in claims:
        by_key.setdefault(topic_key(claim), []).append(claim.id)
    topics = [
        Topic(id=topic_id(key), key=key, label=" / ".join(key), claims=tuple(ids))
        for key, ids in sorted(by_key.items())
    ]
    return Context(documents=docs, claims={c.id: c for c in claims}, topics=topics)


def case_documents(spec: CaseSpec) -> list[Document]:
    if spec.articles:
        return [
            Document(
                id=a.id,
                path=f"{a.id}.txt",
                text=a.text,
                language=a.language,
                published=a.published,
                publisher=a.publisher,
                title=a.title,
                url=a.url,
            )
            for a in spec.articles
        ]
    return [
        Document(id=d.id, path=d.id, text="", language=d.language, published=d.published, publisher=d.publisher,
                 published_minute=d.published_minute)
        for d in spec.documents
    ]


# --- running ------------------------------------------------------------------------------------


def run_rule_tests(paths: Sequence[Path], analyse: Analyse | None) -> list[RuleTestOutcome]:
    """Run every case of the test files of `paths`; article cases need `analyse`
    (the pipeline) and are skipped without it."""
    ruleset, cases = collect_rule_tests(paths)
    return [run_rule_test(case, ruleset, analyse) for case in cases]


def run_rule_test(case: RuleTestCase, ruleset: RuleSet, analyse: Analyse | None) -> RuleTestOutcome:
    spec = case.spec
    wanted = set(spec.rules) if spec.rules is not None else set(ruleset.ids)
    missing = sorted((wanted | {e.rule for e in (*spec.expect, *spec.expect_not)}) - set(ruleset.ids))
    if missing:
        return _outcome(case, "failed", f"rule(s) not loaded: {', '.join(missing)}; test the whole rules folder")
    selected = ruleset.select(wanted)
    if spec.articles:
        if analyse is None:
            return _outcome(case, "skipped", "article case: needs the extraction pipeline")
        result = analyse(case_documents(spec), selected)
        findings, claims = result.findings, {c.id: c for c in result.claims}
    else:
        built = [c.build(i) for i, c in enumerate(spec.claims)]
        context = build_context(built, case_documents(spec))
        findings, claims = selected.evaluate(context), dict(context.claims)
    failures = []
    for exp in spec.expect:
        if not any(matches(f, exp, claims) for f in findings):
            failures.append(f"expected, not found: {describe_expectation(exp)}")
    for exp in spec.expect_not:
        hits = [f for f in findings if matches(f, exp, claims)]
        if hits:
            failures.append(f"found, but must not be: {describe_expectation(exp)}: {_summary(hits[0])}")
    if not failures:
        return _outcome(case, "passed")
    produced = [f"  - {_summary(f)}" for f in findings] or ["  (no findings)"]
    return _outcome(case, "failed", *failures, "findings:", *produced)


def _outcome(case: RuleTestCase, status: Literal["passed", "failed", "skipped"], *problems: str) -> RuleTestOutcome:
    return RuleTestOutcome(case.path, case.line, case.name, status, tuple(problems))


def _summary(f: Finding) -> str:
    return f"{f.rule} {f.kind} {f.severity} [{', '.join(f.claims)}]: {f.message}"


def describe_expectation(exp: ExpectSpec) -> str:
    parts = [f"rule={exp.rule}"]
    for name in ("kind", "severity", "claims", "values", "message_contains"):
        value = getattr(exp, name)
        if value:
            parts.append(f"{name}={value}")
    return " ".join(parts)


def matches(finding: Finding, exp: ExpectSpec, claims: Mapping[str, Claim]) -> bool:
    if finding.rule != exp.rule:
        return False
    if exp.kind is not None and finding.kind != exp.kind:
        return False
    if exp.severity is not None and Severity.of(finding.severity) is not exp.severity:
        return False
    if exp.claims is not None and set(exp.claims) != set(finding.claims):
        return False
    if not all(text in finding.message for text in exp.message_contains):
        return False
    if exp.values is not None:
        values = [claims[c].value for c in finding.claims if c in claims]
        return all(any(_value_matches(v, want) for v in values) for want in exp.values)
    return True


def _value_matches(value: Interval | TimeSpan, want: Any) -> bool:
    if isinstance(value, Interval) and _number(want):
        low = -float("inf") if value.low is None else value.low
        high = float("inf") if value.high is None else value.high
        return bool(low <= want <= high)
    if isinstance(value, TimeSpan) and isinstance(want, (dt.date, str)):
        try:
            day = want if isinstance(want, dt.date) else dt.date.fromisoformat(want)
        except ValueError:
            return False
        return value.overlaps(TimeSpan(day, day))
    return False
