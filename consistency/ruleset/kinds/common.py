"""What the built-in kinds share: tolerance options and "may these two be compared?"."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from consistency.model import Claim, Interval
from consistency.ruleset.engine import Evaluation
from consistency.ruleset.statements import Statement, claim_order
from consistency.ruleset.values import format_number, widen


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ToleranceOptions(Options):
    relative_tolerance: float = Field(
        0.05, ge=0, le=1, description="each figure is widened by this share of its magnitude before comparing"
    )
    absolute_tolerance: float = Field(0.0, ge=0, description="…or by this many units, whichever is larger")
    widen_approximate: bool = Field(
        False,
        description="also widen figures the text gives as approximate, ranges or vague; by default only "
        "exact figures are widened, since the others already arrive as intervals",
    )


def exact(claim: Claim, options: ToleranceOptions) -> bool:
    """Whether the tolerance applies to this figure (see ToleranceOptions.widen_approximate)."""
    return options.widen_approximate or claim.qualifier == "exact"


def widened(claim: Claim, options: ToleranceOptions) -> Interval:
    value = interval(claim)
    if not exact(claim, options):
        return value
    return widen(value, options.relative_tolerance, options.absolute_tolerance)


def claims_meet(a: Claim, b: Claim, options: ToleranceOptions) -> bool:
    """The two figures can both be true, each widened by the tolerance where it applies."""
    return widened(a, options).overlaps(widened(b, options))


def tolerance_words(options: ToleranceOptions) -> str:
    rel = f"{format_number(round(options.relative_tolerance * 100, 2))}%"
    if options.absolute_tolerance and options.relative_tolerance:
        return f"within {rel} or {format_number(options.absolute_tolerance)}"
    if options.absolute_tolerance:
        return f"within {format_number(options.absolute_tolerance)}"
    return f"within {rel}" if options.relative_tolerance else "exactly"


def comparable_quantities(a: Claim, b: Claim, env: Evaluation, options: ToleranceOptions) -> bool:
    """Two figures measure the same thing: same unit, both totals or both additions,
    and percentages only when they are shares of bases that agree."""
    if a.kind != "quantity" or b.kind != "quantity":
        return False
    if not isinstance(a.value, Interval) or not isinstance(b.value, Interval):
        return False
    if a.unit != b.unit or a.increment != b.increment:
        return False
    if a.unit == "percent":
        return _same_base(a, b, env, options)
    return True


def _same_base(a: Claim, b: Claim, env: Evaluation, options: ToleranceOptions) -> bool:
    if a.share_of is None or b.share_of is None:
        return False
    if a.share_of == b.share_of:
        return True
    base_a, base_b = env.claim(a.share_of), env.claim(b.share_of)
    if base_a is None or base_b is None:
        return False
    same_thing = (base_a.actor, base_a.category, base_a.event, base_a.unit) == (
        base_b.actor,
        base_b.category,
        base_b.event,
        base_b.unit,
    )
    if not same_thing or not all(isinstance(c.value, Interval) for c in (base_a, base_b)):
        return False
    return claims_meet(base_a, base_b, options)


def comparable_dates(a: Claim, b: Claim) -> bool:
    """Two dates of the same event: same actor when both are known, both first or both
    additional occurrences ("3 000 more were sent in January" is another event)."""
    if a.kind != "date" or b.kind != "date" or a.increment != b.increment:
        return False
    if a.actor and b.actor and a.actor.casefold() != b.actor.casefold():
        return False
    return True


def in_reading_order(a: Statement, b: Statement) -> tuple[Statement, Statement]:
    return (a, b) if claim_order(a.claim) <= claim_order(b.claim) else (b, a)


def interval(claim: Claim) -> Interval:
    assert isinstance(claim.value, Interval)
    return claim.value
