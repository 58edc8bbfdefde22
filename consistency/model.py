"""The data model shared by every stage.

Everything here is a frozen dataclass: stages hand values to each other and never
mutate what they received, which is what makes runs reproducible and order-free.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import math
from dataclasses import dataclass, field
from typing import Any, Literal

Date = dt.date
MONTH_ABBREVIATIONS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def month_label(day: Date) -> str:
    """"Sep 2024": how topic labels and reports name a month, one spelling everywhere."""
    return f"{MONTH_ABBREVIATIONS[day.month - 1]} {day.year}"


class Severity(enum.IntEnum):
    """How serious a finding is: the one scale everywhere, ordered so that `ERROR > WARNING`
    (as pytest's `ExitCode`). Findings, JSON output and baselines carry its lowercase name
    ("warning"), so that files stay readable and stable if a level is ever added."""

    INFO = 1  # from 1: every severity is truthy, so `a or b` never drops INFO
    WARNING = 2
    ERROR = 3

    @property
    def label(self) -> str:
        """The name rule files, findings, JSON and the CLI use: "info", "warning", "error"."""
        return self.name.lower()

    def __str__(self) -> str:
        return self.label

    def __format__(self, spec: str) -> str:  # f"{severity}" is its name, not its number
        return format(self.label, spec)

    @classmethod
    def of(cls, name: object) -> Severity | None:
        """The severity called `name`, or None for any other value (a plugin's own word)."""
        if isinstance(name, cls):
            return name
        return _SEVERITY_NAMES.get(name) if isinstance(name, str) else None

    @classmethod
    def parse(cls, name: object) -> Severity:
        """The severity called `name`; ValueError naming the valid ones otherwise."""
        found = cls.of(name)
        if found is None:
            raise ValueError(f"{name!r} is not a severity: use one of {', '.join(SEVERITIES)}")
        return found

    @classmethod
    def __get_pydantic_core_schema__(cls, source: object, handler: object) -> Any:
        """Rule files and kind options give a severity by name, and are written back by name."""
        from pydantic_core import core_schema

        def validate(raw: object) -> Severity:
            found = cls.of(raw)
            if found is None:
                names = [f"'{name}'" for name in SEVERITIES]
                raise ValueError(f"Input should be {', '.join(names[:-1])} or {names[-1]}")
            return found

        return core_schema.no_info_plain_validator_function(
            validate, serialization=core_schema.plain_serializer_function_ser_schema(str)
        )

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: object, handler: object) -> dict[str, Any]:
        return {"type": "string", "enum": list(SEVERITIES)}


_SEVERITY_NAMES = {s.label: s for s in Severity}
SEVERITIES = tuple(s.label for s in Severity)  # names from least to most serious

QUALIFIERS = (
    "exact",  # "11 000"
    "approx",  # "environ", "about", "près de", "quelque"
    "more_than",  # "plus de", "more than", "over"
    "at_least",  # "au moins", "at least"
    "less_than",  # "moins de", "fewer than"
    "up_to",  # "jusqu'à", "up to", "at most"
    "range",  # "entre 10 000 et 12 000", "10,000-12,000"
    "vague",  # "plusieurs milliers", "des centaines", "dozens"
)


@dataclass(frozen=True, order=True)
class Interval:
    """A numeric value as the text states it: bounds are inclusive, None is unbounded."""

    low: float | None
    high: float | None

    def overlaps(self, other: Interval, tolerance: float = 0.0) -> bool:
        """True when the two intervals meet once each is widened by `tolerance` (absolute)."""
        lo_a = -float("inf") if self.low is None else self.low - tolerance
        hi_a = float("inf") if self.high is None else self.high + tolerance
        lo_b = -float("inf") if other.low is None else other.low
        hi_b = float("inf") if other.high is None else other.high
        return lo_a <= hi_b and lo_b <= hi_a

    def gap(self, other: Interval) -> float:
        """Distance between the intervals (0 when they overlap)."""
        if self.overlaps(other):
            return 0.0
        if self.high is not None and other.low is not None and self.high < other.low:
            return other.low - self.high
        assert other.high is not None and self.low is not None
        return self.low - other.high

    @property
    def is_point(self) -> bool:
        return self.low is not None and self.low == self.high

    def to_json(self) -> dict[str, float | int | None]:
        return {"low": _num(self.low), "high": _num(self.high)}


def _num(x: float | None) -> float | int | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() else round(x, 6)


# How a figure counts: "total" (a count at a time), "running" (a toll that only rises as it is
# updated), "increment" ("3 000 additional troops"), "difference" ("12,000 fewer"), "part"
# (a part of the total just before: "dont 205 dans un état critique"), "projection" ("could
# reach"), "superseded" (the earlier figure a text says was replaced: the 88 of "révisé de 88
# à 61"). Only totals and running counts are set against each other.
MEASURES = ("total", "running", "increment", "difference", "part", "projection", "superseded")

TimeKind = Literal["point", "period", "since", "until", "as_of"]


@dataclass(frozen=True, order=True)
class TimeSpan:
    """The time a statement is about, as a closed interval of days (None = open)."""

    low: Date | None
    high: Date | None
    label: str = ""  # the words of the text ("à l'automne 2024") or "as of 2025-06-17"
    kind: TimeKind = "period"
    # A time of day, when the text gives one ("vers 7 heures", "late on Wednesday",
    # "am Donnerstagabend"): minutes after midnight on `low` and on `high` (inclusive).
    # None means the whole day. Two counts of one day are told apart only by these.
    low_minute: int | None = None
    high_minute: int | None = None

    def overlaps(self, other: TimeSpan, slack_days: int = 0) -> bool:
        lo_a = self.low or Date.min
        hi_a = self.high or Date.max
        lo_b = other.low or Date.min
        hi_b = other.high or Date.max
        slack = dt.timedelta(days=slack_days)
        try:
            if not (lo_a - slack <= hi_b and lo_b - slack <= hi_a):
                return False
        except OverflowError:
            return True
        if slack_days:
            return True
        a, b = self.minutes(), other.minutes()
        return a[0] <= b[1] and b[0] <= a[1]

    def minutes(self) -> tuple[float, float]:
        """The span as minutes on one scale (days × 1440 + time of day); open ends are infinite."""
        low = -math.inf if self.low is None else self.low.toordinal() * 1440 + (self.low_minute or 0)
        high = (
            math.inf
            if self.high is None
            else self.high.toordinal() * 1440 + (1439 if self.high_minute is None else self.high_minute)
        )
        return low, high

    @property
    def has_time_of_day(self) -> bool:
        return self.low_minute is not None or self.high_minute is not None

    def to_json(self) -> dict[str, str | None]:
        return {
            "low": self.low.isoformat() if self.low else None,
            "high": self.high.isoformat() if self.high else None,
        }


@dataclass(frozen=True)
class Document:
    """One article, with its text exactly as decoded so that spans index into it."""

    id: str  # path relative to the corpus root, without extension, "/" separators
    path: str  # as the user can open it, e.g. "seeds/003_….txt"
    text: str
    language: str | None = None  # ISO 639-1
    published: Date | None = None
    publisher: str | None = None
    url: str | None = None
    title: str | None = None
    # The time of day of the publication line ("Publié le 09/09/2023 à 13h20"), minutes after
    # midnight as written, and the last update ("mis à jour à 15h05"): a figure with no time
    # of its own is the state of things at the last of these.
    published_minute: int | None = None
    updated: Date | None = None
    updated_minute: int | None = None
    # The place of a dateline ("LAHAINA, Hawaii, Aug 11 (PWS) –" → "Lahaina, Hawaii"): where
    # the report was filed, the default place of what it says.
    dateline: str | None = None
    body_start: int = 0  # where the article body begins (after front matter); spans still index `text`
    line_starts: tuple[int, ...] = field(default=(), repr=False, compare=False)
    # For each line of `text`, its line in the file read (HTML, JSON Lines): what annotations
    # and links point at. Empty when `text` is the file's own text.
    source_lines: tuple[int, ...] = field(default=(), repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.line_starts:
            starts = [0]
            starts.extend(i + 1 for i, ch in enumerate(self.text) if ch == "\n")
            object.__setattr__(self, "line_starts", tuple(starts))

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset, in the file the document was read from."""
        line = bisect.bisect_right(self.line_starts, offset)
        if self.source_lines and 0 < line <= len(self.source_lines):
            return self.source_lines[line - 1]
        return line


@dataclass(frozen=True)
class Skipped:
    """An input that was not read, and why; reported, never silently dropped."""

    path: str
    reason: str


@dataclass(frozen=True)
class Claim:
    """One statement of a document: a figure (quantity) or the date of an event (date)."""

    id: str
    document: str
    kind: Literal["quantity", "date"]
    span: tuple[int, int]
    quote: str
    line: int
    value: Interval | TimeSpan  # Interval for a quantity, TimeSpan for a date claim
    qualifier: str = "exact"  # one of QUALIFIERS (quantities); "exact"/"approx" for dates
    unit: str = "count"  # "count", "percent", "date", or a unit of measure ("EUR", "t", "km", "magnitude")
    category: str | None = None  # what is counted, normalised ("soldiers", "sappers", …)
    event: str | None = None  # what happened ("deployed", "killed_or_wounded", …)
    actor: str | None = None  # whose people / who acted ("North Korea")
    location: str | None = None
    time: TimeSpan | None = None
    time_source: str = "none"  # "clause", "context", "dateline", "as_of" (publication) or "none"
    attributed_to: str | None = None  # normalised origin ("UK Ministry of Defence")
    attribution_quote: str | None = None  # the words that named it
    increment: bool = False  # "3 000 soldats supplémentaires": an addition, not a total
    cumulative: bool = False  # "au total", "so far", "depuis": a running count
    share_of: str | None = None  # for a percentage/share: the claim id of its base figure
    sentence: tuple[int, int] = (0, 0)  # the sentence the claim was read from
    # The scope, as comparison sees it (see MEASURES). A figure is set against another only
    # when both are totals or running counts of the same thing, place and time.
    measure: str = "total"  # one of MEASURES
    place_level: str | None = None  # "country", "region", "city" or None when unknown
    place_source: str = "none"  # "clause", "paragraph", "there", "nationwide", "dateline", "document", "unnamed", "near", "part", "none"
    part_of: str | None = None  # the claim id of the whole a part belongs to ("dont 205 …")
    noun_source: str = "noun"  # how what is counted was found: "noun", or the cue of an elided noun
    # The claim id of a figure of another source that this one is given against, in words
    # ("hält diese Zahl für zu hoch … sprach von 60"): a stated dispute, whatever their days.
    rebuts: str | None = None

    def __post_init__(self) -> None:
        # Claims made with the older flags only ("increment", "cumulative") get the measure they mean.
        if self.measure == "total" and self.increment:
            object.__setattr__(self, "measure", "increment")
        elif self.measure == "total" and self.cumulative:
            object.__setattr__(self, "measure", "running")

    def scope(self) -> dict[str, object]:
        """What the claim is about, as the comparison sees it, for the JSON and the report."""
        return {
            "measure": self.measure,
            "unit": self.unit,
            "category": self.category,
            "event": self.event,
            "actor": self.actor,
            "place": self.location,
            "place_level": self.place_level,
            "place_from": self.place_source,
            "time": self.time.to_json() if self.time else None,
            "time_from": self.time_source,
            "origin": self.attributed_to,
            "part_of": self.part_of,
            "counted_from": self.noun_source,
        }


@dataclass(frozen=True)
class Topic:
    """Claims about the same thing: same actor, category and event (or same dated event)."""

    id: str
    key: tuple[str, ...]  # the meaning, language-independent: ("quantity", actor, category, event)
    label: str
    claims: tuple[str, ...]
    location: str | None = None
    time: TimeSpan | None = None  # the union of the claims' times, for the label


@dataclass(frozen=True)
class Finding:
    """What a rule concluded about claims of one topic."""

    fingerprint: str
    rule: str
    kind: str  # "contradiction", "corroboration", "echo", "update", …
    severity: Severity  # JSON, baselines and reports write its name ("error"); a name is accepted here
    topic: str
    claims: tuple[str, ...]
    message: str  # the plain-language why
    status: str = "new"  # against a baseline: new, known, changed, resolved
    origins: tuple[str, ...] = ()  # the independent origins behind the claims, sorted
    reason: str | None = None  # a baseline's reason for accepting it
    digest: str = ""  # hash of the values compared: same fingerprint, other digest = "changed"
    sides: tuple[tuple[str, ...], ...] = ()  # claim ids of each position; one list when they agree

    def __post_init__(self) -> None:
        # Comparisons and orderings use the scale, never the spelling: a name ("warning"), or
        # the number a cache kept, is read into it once here; anything else is refused.
        if not isinstance(self.severity, Severity):
            raw: object = self.severity
            object.__setattr__(self, "severity", Severity(raw) if type(raw) is int else Severity.parse(raw))


@dataclass(frozen=True)
class Result:
    """Everything a run produced: the one object every renderer reads."""

    corpus: str  # a name for the corpus ("seeds")
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    topics: tuple[Topic, ...]
    findings: tuple[Finding, ...]
    skipped: tuple[Skipped, ...] = ()
    rules: tuple[str, ...] = ()  # ids of the rules that ran
    resolved: tuple[Finding, ...] = ()  # baseline findings no longer produced

    def claim(self, claim_id: str) -> Claim:
        return self._index("claims")[claim_id]  # type: ignore[return-value]

    def document(self, doc_id: str) -> Document:
        return self._index("documents")[doc_id]  # type: ignore[return-value]

    def topic(self, topic_id: str) -> Topic:
        return self._index("topics")[topic_id]  # type: ignore[return-value]

    def _index(self, field_name: str) -> dict[str, Claim | Document | Topic]:
        """Lookups by id, built once: renderers ask for every claim's document and topic."""
        key = "_by_id_" + field_name
        index = self.__dict__.get(key)
        if index is None:
            index = {item.id: item for item in getattr(self, field_name)}
            object.__setattr__(self, key, index)
        return index
