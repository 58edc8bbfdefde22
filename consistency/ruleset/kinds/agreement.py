"""Documents that agree: corroboration by independent voices, or one voice echoed.

Both kinds form the same groups: statements from different documents whose values
meet. A group backed by several independent origins corroborates; a group resting on
one named source is an echo, which must not be mistaken for confirmation.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import Field

from consistency.model import TimeSpan, Topic
from consistency.ruleset.context import Origin
from consistency.ruleset.engine import Draft, Evaluation, Rule
from consistency.ruleset.kinds.common import ToleranceOptions, comparable_dates, comparable_quantities, widened
from consistency.ruleset.registry import Kind, register_kind
from consistency.ruleset.statements import Statement, claim_order, content_order
from consistency.ruleset.values import format_value, shared_time


class AgreementOptions(ToleranceOptions):
    min_documents: int = Field(2, ge=2, description="documents that must agree")
    slack_days: int = Field(0, ge=0, description="date topics: days of leeway between two dates")
    require_time_overlap: bool = Field(
        True, description="figures must be about overlapping times to count as agreeing"
    )
    time_slack_days: int = Field(
        31, ge=0, description="days of leeway between the two figures' times: an article restating a figure "
        "a few days later agrees with it"
    )


class CorroborationOptions(AgreementOptions):
    min_origins: int = Field(2, ge=1, description="independent origins needed (1 also reports single-voice groups)")


def _agree(a: Statement, b: Statement, options: AgreementOptions, env: Evaluation) -> bool:
    """Two statements may stand in one group: same kind of thing; values and times are
    checked on the group's common ranges (see _Group)."""
    if a.claim.kind == "date":
        return comparable_dates(a.claim, b.claim)
    return comparable_quantities(a.claim, b.claim, env, options)


def _ranges(statement: Statement, options: AgreementOptions) -> tuple[float, float, float, float]:
    """(value low, value high, time low, time high), widened so that two statements agree
    exactly when their ranges overlap: figures by their tolerance, dates and times by
    their leeway in days (added to the end of each range)."""
    if statement.claim.kind == "date":
        value = statement.value
        assert isinstance(value, TimeSpan)
        low = -math.inf if value.low is None else value.low.toordinal()
        high = math.inf if value.high is None else value.high.toordinal() + options.slack_days
        return (low, high, -math.inf, math.inf)
    wide = widened(statement.claim, options)
    low = -math.inf if wide.low is None else wide.low
    high = math.inf if wide.high is None else wide.high
    if not options.require_time_overlap:
        return (low, high, -math.inf, math.inf)
    t_low, t_high = statement.days
    return (low, high, t_low, t_high + options.time_slack_days)


@dataclass
class _Group:
    """Statements that agree pairwise. On a line, ranges that overlap pairwise share a
    common part, so a newcomer is checked against that part instead of every member."""

    members: list[Statement]
    documents: set[str]
    ranges: tuple[float, float, float, float]

    def admits(self, ranges: tuple[float, float, float, float]) -> bool:
        v_low, v_high, t_low, t_high = self.ranges
        return max(v_low, ranges[0]) <= min(v_high, ranges[1]) and max(t_low, ranges[2]) <= min(t_high, ranges[3])

    def add(self, statement: Statement, ranges: tuple[float, float, float, float]) -> None:
        self.members.append(statement)
        self.documents.add(statement.claim.document)
        v_low, v_high, t_low, t_high = self.ranges
        self.ranges = (max(v_low, ranges[0]), min(v_high, ranges[1]), max(t_low, ranges[2]), min(t_high, ranges[3]))


def agreeing_groups(rule: Rule, topic: Topic, env: Evaluation) -> list[list[Statement]]:
    """Groups of statements, one per document, that pairwise agree. Statements are taken
    in value order (then by content), so the grouping does not depend on the order or
    the names of documents; a group whose values all lie below the next statement's can
    take no more and is closed."""
    options = rule.options
    assert isinstance(options, AgreementOptions)
    entries = [(_ranges(s, options), s) for s in env.statements(env.claims_of(topic, rule))]
    entries.sort(key=lambda e: (e[0][0], content_order(e[1].claim), e[1].origin.stable, claim_order(e[1].claim)))
    open_groups: list[_Group] = []
    done: list[_Group] = []
    for ranges, statement in entries:
        still_open = []
        for group in open_groups:
            (done if group.ranges[1] < ranges[0] else still_open).append(group)
        open_groups = still_open
        for group in open_groups:
            if statement.claim.document in group.documents or not group.admits(ranges):
                continue
            if all(_agree(statement, m, options, env) and env.pair_ok(rule, statement, m) for m in group.members):
                group.add(statement, ranges)
                break
        else:
            open_groups.append(_Group([statement], {statement.claim.document}, ranges))
    groups = [g.members for g in (*done, *open_groups) if len(g.documents) >= options.min_documents]
    return sorted(groups, key=lambda g: [claim_order(s.claim) for s in g])


LISTED = 6  # sides quoted in a message; a story echoed by hundreds of articles stays readable


def _listing(group: list[Statement], env: Evaluation) -> str:
    ordered = sorted(group, key=lambda s: claim_order(s.claim))
    text = "; ".join(env.describe(s) for s in ordered[:LISTED])
    more = len(ordered) - LISTED
    return text + (f"; and {more} more document{'s' if more > 1 else ''}" if more > 0 else "")


def _agreed_value(group: list[Statement]) -> str:
    values = sorted({format_value(s.claim) for s in group})
    return " / ".join(values)


def _corroborations(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    options = rule.options
    assert isinstance(options, CorroborationOptions)
    for group in agreeing_groups(rule, topic, env):
        origins = {s.origin.key: s.origin for s in group}
        if len(origins) < options.min_origins:
            continue
        documents = len({s.claim.document for s in group})
        names = ", ".join(_voice(o, group) for o in sorted(origins.values(), key=lambda o: o.label))
        count = len(origins)
        when = _when(group)
        message = (
            f"{documents} documents agree on {_agreed_value(group)}{when}: {_listing(group, env)}. "
            f"{documents} documents, {count} independent origin{'s' if count > 1 else ''}: {names}."
        )
        yield Draft(
            "corroboration",
            rule.severity,
            tuple(s.claim for s in group),
            message,
            _distinct(group),
        )


def _voice(origin: Origin, group: list[Statement]) -> str:
    """An origin's name, with how many documents repeat it when more than one does."""
    repeated = len({s.claim.document for s in group if s.origin.key == origin.key})
    return f"{origin.label} ({repeated} documents)" if repeated > 1 else origin.label


def _when(group: list[Statement]) -> str:
    """The shared time, for two quantities; a longer list shows each side's own time."""
    if group[0].claim.kind == "date" or len(group) != 2:
        return ""
    return f" ({shared_time(group[0].time, group[1].time)})"


def _distinct(group: list[Statement]) -> tuple[Origin, ...]:
    """One entry per voice: a further document from a known voice keeps the fingerprint."""
    return tuple(sorted({s.origin.key: s.origin for s in group}.values()))


def _echoes(rule: Rule, topic: Topic, env: Evaluation) -> Iterator[Draft]:
    for group in agreeing_groups(rule, topic, env):
        origins = {s.origin.key for s in group}
        if len(origins) != 1 or not group[0].origin.named:
            continue
        voice = group[0].origin.name
        documents = len({s.claim.document for s in group})
        message = (
            f"{documents} documents repeat {_agreed_value(group)} from one voice, {voice}: {_listing(group, env)}. "
            f"One voice repeated, not independent confirmation."
        )
        yield Draft("echo", rule.severity, tuple(s.claim for s in group), message, _distinct(group))


CORROBORATION = register_kind(
    Kind(
        name="corroboration",
        options=CorroborationOptions,
        evaluate=_corroborations,
        finding_kind="corroboration",
        default_severity="info",
        description="Documents agree, on the word of several independent origins.",
    )
)

ECHO = register_kind(
    Kind(
        name="echo",
        options=AgreementOptions,
        evaluate=_echoes,
        finding_kind="echo",
        default_severity="info",
        description="Documents agree because they repeat one named source.",
    )
)
