"""Documents that agree: corroboration by independent voices, or one voice echoed.

Both kinds form the same groups: statements from different documents whose values
meet. A group backed by several independent origins corroborates; a group resting on
one named source is an echo, which must not be mistaken for confirmation.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterator
from dataclasses import dataclass

from pydantic import Field

from consistency.model import Claim, Interval, Severity, TimeSpan, Topic
from consistency.ruleset.clusters import Ranges, cluster
from consistency.ruleset.context import Origin
from consistency.ruleset.engine import Draft, Evaluation, Rule
from consistency.ruleset.kind import Kind
from consistency.ruleset.kinds.common import (
    ToleranceOptions,
    claims_meet,
    comparable_dates,
    comparable_quantities,
    figure_ranges,
    figure_signature,
)
from consistency.ruleset.statements import Statement, claim_order
from consistency.ruleset.values import format_value, shared_time, widen


class AgreementOptions(ToleranceOptions):
    min_documents: int = Field(2, ge=2, description="documents that must agree")
    slack_days: int = Field(0, ge=0, description="date topics: days of leeway between two dates")
    require_time_overlap: bool = Field(True, description="figures must be about overlapping times to count as agreeing")
    time_slack_days: int = Field(
        31,
        ge=0,
        description="days of leeway between the two figures' times: an article restating a figure "
        "a few days later agrees with it",
    )
    same_day_counts: bool = Field(
        False,
        description="counts that move from day to day (tolls, people missing, area burnt so far): equal counts "
        "of a day each, days apart, agree unless another figure of the same scope dated between shows the "
        "count moved; counts of periods that do not overlap are two tallies",
    )


    one_day_categories: tuple[str, ...] = Field(
        (), strict=False,
        description="what is counted at a one-day event (protesters, tractors): two counts its texts date to "
        "different days are two events, never one figure repeated",
    )


class CorroborationOptions(AgreementOptions):
    same_day_counts: bool = Field(
        True,
        description="counts that move from day to day (tolls, people missing, area burnt so far) confirm "
        "each other days apart only when no figure of the same scope dated between shows the count moved",
    )
    min_origins: int = Field(
        1, ge=1, description="independent origins needed; the message always counts them (2: independent only)"
    )


def _fits(
    a: Statement, b: Statement, rule: Rule, options: AgreementOptions, env: Evaluation, counts: Counts
) -> bool:
    """Two statements may stand in one group (values and times are checked on ranges)."""
    if a.claim.kind == "date":
        comparable = comparable_dates(a.claim, b.claim)
    else:
        if (_running_bound(a.claim, options) or _running_bound(b.claim, options)) and not _same_count_days(a.claim, b.claim):
            return False  # "mindestens 129" on Sunday confirms no toll of Monday: the count rose between
        if (_moving(a.claim, options) or _moving(b.claim, options)) and not _one_voice_repeated(a, b) \
                and not _same_count_days(a.claim, b.claim, RESTATED_DAYS) and not counts.held(a.claim, b.claim):
            return False  # "13 missing" on Friday, 16 on Sunday, 13 on Tuesday: it moved and came back
        if _days_of_one_day_events(a, b, options):
            return False  # tractors in Lyon on 5 March and on 30 March: a protest held again, another count
        if _upper_bound_only(a.claim) != _upper_bound_only(b.claim):
            return False  # "jusqu'à 20 000 morts" says how far it may go, not that 11 300 is right
        comparable = comparable_quantities(a.claim, b.claim, env, options, agreeing=True)
    return comparable and env.pair_ok(rule, a, b)


DATED_IN_TEXT = ("clause", "context")


def _days_of_one_day_events(a: Statement, b: Statement, options: AgreementOptions) -> bool:
    """Two counts of a one-day event (a march, a blockade: `one_day_categories`), each dated by
    its text to a day, on different days: protests repeated weekly or monthly at one place are
    separate events, whatever the leeway for articles restating a figure."""
    categories = options.one_day_categories
    if not categories or a.claim.category not in categories or b.claim.category not in categories:
        return False
    if not (_own_day(a, DATED_IN_TEXT) and _own_day(b, DATED_IN_TEXT)):
        return False
    return a.claim.time is not None and b.claim.time is not None and a.claim.time.low != b.claim.time.low


def _upper_bound_only(claim: Claim) -> bool:
    """A figure given only as a ceiling ("jusqu'à 20 000", "up to", "bis zu", "hasta"): it
    agrees with any smaller figure, so it confirms none."""
    value = claim.value
    return isinstance(value, Interval) and value.low is None and value.high is not None


def _running_bound(claim: Claim, options: AgreementOptions) -> bool:
    """A toll given as a lower bound ("au moins 40 morts"), people still counted ("more than
    140 people remained missing"), a march's turnout ("plus d'1 million selon la CGT"): the
    count of its own time only."""
    value = claim.value
    counted = claim.measure == "running" or (claim.measure == "total" and (
        claim.category == "people" or (claim.event or "") in options.provisional_events))
    return counted and isinstance(value, Interval) and value.high is None and value.low is not None


def _moving(claim: Claim, options: AgreementOptions) -> bool:
    """With `same_day_counts`, a count that moves from day to day (a toll, people still
    missing, the area burnt so far): days apart, it may have moved and come back (`Counts`)."""
    return options.same_day_counts and (claim.measure == "running" or (
        claim.measure == "total" and (claim.event or "") in options.provisional_events))


def _one_voice_repeated(a: Statement, b: Statement) -> bool:
    """One named source's figure in both: a bulletin repeated by later articles, whose
    message says it is one origin, not a count confirmed."""
    return a.origin.named and b.origin.named and a.origin.key == b.origin.key


RESTATED_DAYS = 2  # a figure dated only by its article may be the bulletin of a day or two before


def _count_days(claim: Claim, restated: int = 0) -> tuple[float, float]:
    """The days a running count was taken on: an article's date (or the `restated` days
    before it) for a figure dated only by it, not the weeks before it that figures are
    otherwise compared over; the last day of a count "since" or "until" a day; else its time."""
    time = claim.time
    if time is None:
        return (-math.inf, math.inf)
    if time.kind == "as_of" and time.high is not None:
        return (time.high.toordinal() - restated, time.high.toordinal())
    if restated and time.kind in ("since", "until") and time.high is not None:
        return (time.high.toordinal(), time.high.toordinal())  # "so far this year": the count of its last day
    return (-math.inf if time.low is None else time.low.toordinal(),
            math.inf if time.high is None else time.high.toordinal())


@dataclass(frozen=True)
class Counts:
    """The dated figures of a topic, to tell whether a moving count changed between two
    equal figures days apart: the same toll on 25 August and on 8 September, with no other
    figure between, was one count confirmed; "13 missing" on 11 and 14 January with 16 on
    the 12th was a count that moved and came back."""

    env: Evaluation
    options: AgreementOptions
    dated: dict[Hashable, list[tuple[tuple[float, float], Claim]]]

    @classmethod
    def of(cls, claims: list[Claim], env: Evaluation, options: AgreementOptions) -> Counts:
        dated: dict[Hashable, list[tuple[tuple[float, float], Claim]]] = {}
        for claim in claims:
            if claim.kind == "quantity" and claim.time is not None:
                dated.setdefault(_count_key(claim), []).append((_count_days(claim, RESTATED_DAYS), claim))
        return cls(env, options, dated)

    def held(self, a: Claim, b: Claim) -> bool:
        """Two counts of a day each, days apart, and no figure of the same scope (as agreeing
        figures are compared) whose value meets neither dated on or between their days: the
        count stayed. Counts of longer periods (a year, a month) apart are two tallies."""
        (a_low, a_high), (b_low, b_high) = _count_days(a, RESTATED_DAYS), _count_days(b, RESTATED_DAYS)
        if not (a_high - a_low <= RESTATED_DAYS and b_high - b_low <= RESTATED_DAYS):
            return False
        low, high = min(a_low, b_low), max(a_high, b_high)
        return not any(
            days[0] <= high and low <= days[1] and self._other_count(c, a, b)
            for days, c in self.dated.get(_count_key(a), ())
        )

    def _other_count(self, c: Claim, a: Claim, b: Claim) -> bool:
        return not claims_meet(c, a, self.options) and not claims_meet(c, b, self.options) and all(
            comparable_quantities(x, c, self.env, self.options, agreeing=True) for x in (a, b)
        )


def _count_key(claim: Claim) -> Hashable:
    """What two figures of one count share (see same_scope), places and times aside."""
    return (claim.unit, claim.category, claim.event or "", claim.actor or "")


def _same_count_days(a: Claim, b: Claim, restated: int = 0) -> bool:
    """Whether two counts may be of one day: a bound of Sunday and a toll of Monday are two
    counts (the later an update), never one confirmed."""
    (a_low, a_high), (b_low, b_high) = _count_days(a, restated), _count_days(b, restated)
    return a_low <= b_high and b_low <= a_high


def _own_day(statement: Statement, sources: tuple[str, ...] = ("clause",)) -> bool:
    """A figure its own clause (or, with `sources`, its text) dates to one day ("le 4 février,
    1,17 million de manifestants"): the count of that day, which a figure its text dates to
    another day does not restate."""
    return all(
        c.time is not None and c.time_source in sources and c.time.kind == "point"
        and c.time.low is not None and c.time.low == c.time.high
        for m in statement.members for c in m.claims
    )


def _ranges(statement: Statement, options: AgreementOptions) -> Ranges:
    """Ranges that overlap exactly when two statements agree: figures widened by their
    tolerance, dates and times pushed by their leeway in days."""
    if statement.claim.kind == "date":
        value = statement.value
        assert isinstance(value, TimeSpan)
        low = -math.inf if value.low is None else value.low.toordinal()
        high = math.inf if value.high is None else value.high.toordinal() + options.slack_days
        return (low, high, -math.inf, math.inf)
    slack = 0 if _own_day(statement) else options.time_slack_days
    low, high, t_low, t_high = figure_ranges(statement, options, slack)
    if math.isinf(high) and math.isfinite(low):
        # A rising toll given as lower bounds ("au moins 40", then "au moins 90" morts) is a
        # series of counts, not one figure confirmed: a bound agrees only with its own value.
        # So does a named source's floor: "mindestens 100.000, so die Polizei" is the police's
        # count, which the organisers' "more than 270,000" does not confirm; and any floor far
        # below a figure ("more than 100,000" and "an estimated 325,000") is another count.
        high = widen(Interval(low, low), options.relative_tolerance, options.absolute_tolerance).high or low
    return (low, high, t_low, t_high) if options.require_time_overlap else (low, high, -math.inf, math.inf)


_ORIGIN_CONDITIONS = frozenset({"independent_origins", "same_origin", "named_origins"})


def _signature(statement: Statement, rule: Rule) -> Hashable:
    """What group membership depends on besides ranges and documents (one statement per
    document settles the document conditions)."""
    claim = statement.claim
    time = statement.days if "time_overlap" in rule.when.pair else None
    voice = statement.origin.key if _ORIGIN_CONDITIONS & set(rule.when.pair) else None
    return (figure_signature(statement), claim.actor, voice, time)


def agreeing_groups(rule: Rule, topic: Topic, env: Evaluation) -> list[list[Statement]]:
    """Groups of statements, one per document, that pairwise agree; the grouping does not
    depend on the order or the names of documents (see clusters.cluster)."""
    options = rule.options
    assert isinstance(options, AgreementOptions)
    # Corroboration and echo rules usually group alike: the groups are computed once.
    # the options' grouping fields, copied without validation (already validated): a warm run
    # builds no pydantic validator
    same_grouping = AgreementOptions.model_construct(**{name: getattr(options, name) for name in AgreementOptions.model_fields})
    key = ("agreeing_groups", topic.id, rule.when, same_grouping)
    cached = env.memo.get(key)
    if cached is None:
        cached = env.memo[key] = _agreeing_groups(rule, topic, env, options)
    return [g for g in cached if len({s.claim.document for s in g}) >= options.min_documents]


def _agreeing_groups(rule: Rule, topic: Topic, env: Evaluation, options: AgreementOptions) -> list[list[Statement]]:
    claims = env.claims_of(topic, rule)
    entries = [(_ranges(s, options), s) for s in env.statements(claims)]
    counts = Counts.of(claims, env, options)
    clusters = cluster(
        entries,
        fits=lambda new, member: _fits(new, member, rule, options, env, counts),
        signature=lambda s: _signature(s, rule),
        one_per_document=True,
    )
    groups = [c.members for c in clusters if len(c.documents) >= 2]
    return sorted(groups, key=lambda g: [claim_order(s.claim) for s in g])


LISTED = 6  # sides quoted in a message; a story echoed by hundreds of articles stays readable


def _listing(group: list[Statement], env: Evaluation) -> str:
    ordered = sorted(group, key=lambda s: claim_order(s.claim))
    text = "; ".join(env.describe(s) for s in ordered[:LISTED])
    more = len(ordered) - LISTED
    return text + (f"; and {more} more document{'s' if more > 1 else ''}" if more > 0 else "")


def _agreed_value(group: list[Statement]) -> str:
    values = sorted({format_value(s.claim) for s in group})
    return " / ".join(values[:4]) + (" / …" if len(values) > 4 else "")


def _voices(group: list[Statement]) -> str:
    """The origins by name, each with how many documents repeat it when more than one does."""
    documents: dict[str, set[str]] = {}
    origins: dict[str, Origin] = {}
    for statement in group:
        documents.setdefault(statement.origin.key, set()).add(statement.claim.document)
        origins.setdefault(statement.origin.key, statement.origin)
    names = []
    for key, origin in sorted(origins.items(), key=lambda item: item[1].label):
        repeated = len(documents[key])
        names.append(f"{origin.label} ({repeated} documents)" if repeated > 1 else origin.label)
    more = len(names) - LISTED
    return ", ".join(names[:LISTED]) + (f" and {more} more" if more > 0 else "")


def _corroborations(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    options = rule.options
    assert isinstance(options, CorroborationOptions)
    for group in agreeing_groups(rule, topic, env):
        if options.require_time_overlap:
            # A figure whose time is unknown confirms nothing: "entre 60 y 90" of a 1962 flood
            # and an undated "72 muertos" are not one count given twice. (One voice repeated
            # is an echo whatever the dates.)
            group = [s for s in group if s.claim.kind == "date" or s.claim.time is not None]
            if len({s.claim.document for s in group}) < max(2, options.min_documents):
                continue
        count = len({s.origin.key for s in group})
        if count < options.min_origins:
            continue
        documents = len({s.claim.document for s in group})
        message = (
            f"{documents} documents agree on {_agreed_value(group)}{_when(group)}: {_listing(group, env)}. "
            f"{documents} documents, {count} independent origin{'s' if count > 1 else ''}: {_voices(group)}."
        )
        yield Draft("corroboration", rule.severity, tuple(s.claim for s in group), message, _distinct(group))


def _when(group: list[Statement]) -> str:
    """The shared time, for two quantities; a longer list shows each side's own time."""
    if group[0].claim.kind == "date" or len(group) != 2:
        return ""
    return f" ({shared_time(group[0].time, group[1].time)})"


def _distinct(group: list[Statement]) -> tuple[Origin, ...]:
    """One entry per voice: a further document from a known voice keeps the fingerprint."""
    return tuple(sorted({s.origin.key: s.origin for s in group}.values()))


def _written(statement: Statement) -> object:
    """The figure as the text gives it, whatever its width: "rund 1.300" and "1 300" are one
    figure repeated; "at least 80 000" and "about 100 000" are two things one voice said."""
    claim = statement.claim
    value = claim.value
    if not isinstance(value, Interval):
        return value
    if value.low is not None and value.high is not None:
        return round((value.low + value.high) / 2, 6)
    return value.low if value.low is not None else value.high


def _echoes(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    options = rule.options
    assert isinstance(options, AgreementOptions)
    for agreeing in agreeing_groups(rule, topic, env):
        origins = {s.origin.key for s in agreeing}
        if len(origins) != 1 or not agreeing[0].origin.shared:
            continue
        by_figure: dict[object, list[Statement]] = {}
        for statement in agreeing:
            by_figure.setdefault(_written(statement), []).append(statement)
        for group in by_figure.values():
            if len({s.claim.document for s in group}) >= options.min_documents:
                yield _echo(rule, group, env)


def _echo(rule: Rule, group: list[Statement], env: Evaluation) -> Draft:
    voice = group[0].origin.label
    documents = len({s.claim.document for s in group})
    message = (
        f"{documents} documents repeat {_agreed_value(group)} from one voice, {voice}: {_listing(group, env)}. "
        f"One voice repeated, not independent confirmation."
    )
    return Draft("echo", rule.severity, tuple(s.claim for s in group), message, _distinct(group))


CORROBORATION = Kind(
    name="corroboration",
    options=CorroborationOptions,
    evaluate=_corroborations,
    finding_kind="corroboration",
    default_severity=Severity.INFO,
    description="Documents agree, on the word of several independent origins.",
)

ECHO = Kind(
    name="echo",
    options=AgreementOptions,
    evaluate=_echoes,
    finding_kind="echo",
    default_severity=Severity.INFO,
    description="Documents agree because they repeat one named source.",
)
