"""How wide an approximate word makes a figure, from how precisely the figure is written.

"about 270" and "some 187" are written to the ten and to the unit: the writer knows the
figure to within a few units, and "about" only hedges it; "environ 3 000" and "about
300,000" are round, and "about" there may hide thousands. A blanket ±10 % lets "about 270"
agree with 295. The band is therefore the qualifier's own factors (qualifiers.yaml
`defaults` or the phrase's `low`/`high`), narrowed to the wider of a share of the figure
(`floor`) and a number of units of its last non-zero digit (`digit_units`), the
`stated_precision` section of qualifiers.yaml; a figure whose last non-zero digit is above
`finest_round` (the thousands, by default) is round and keeps the factors. Without that section the factors apply as
they are. A band is only ever narrowed, never widened, and a one-sided word ("nearly",
"presque", "casi", "fast": just below) stays one-sided.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from consistency.model import Interval


@dataclass(frozen=True)
class StatedPrecision:
    """The `stated_precision` section of qualifiers.yaml."""

    floor: float  # the band is never narrower than this share of the figure
    digit_units: float  # ...nor than this many units of the figure's last non-zero digit
    finest_round: float = 100.0  # a figure whose last non-zero digit is above this unit is round: factors as they are


def stated_precision(qualifiers: Mapping[str, Any]) -> StatedPrecision | None:
    """The option as written in qualifiers.yaml, or None when it is absent (blanket factors)."""
    spec = qualifiers.get("stated_precision")
    if not isinstance(spec, Mapping):
        return None
    return StatedPrecision(float(spec.get("floor", 0.0)), float(spec.get("digit_units", 1.0)),
                           float(spec.get("finest_round", 100.0)))


MAX_DECIMALS = 6  # a figure read from text never has more decimals than this


def last_digit_unit(point: float) -> float:
    """The unit of the last non-zero digit of a figure as written: 270 → 10, 187 → 1,
    3 000 → 1 000, 6.8 → 0.1, 0 → 0."""
    magnitude = abs(point)
    if magnitude == 0 or not math.isfinite(magnitude):
        return 0.0
    scaled = round(magnitude * 10**MAX_DECIMALS)
    unit = 10.0**-MAX_DECIMALS
    while scaled % 10 == 0:
        scaled //= 10
        unit *= 10
    return round(unit, MAX_DECIMALS)


def approx_interval(
    point: float, low_factor: float | None, high_factor: float | None, precision: StatedPrecision | None
) -> Interval:
    """The interval an approximate word gives `point`: its factors, narrowed to the precision
    the figure is written with. An open side (None) stays open."""
    low = None if low_factor is None else point * low_factor
    high = None if high_factor is None else point * high_factor
    unit = last_digit_unit(point)
    if precision is None or point <= 0 or unit > precision.finest_round:
        return Interval(low, high)  # "environ 3 000", "about 11,000", "3,5 milliards": round, the factors stand
    band = max(precision.floor * point, precision.digit_units * unit)
    if float(point).is_integer():
        band = float(math.ceil(band - 1e-9))  # a whole figure keeps whole bounds: "some 187" is 183–191
    if low is not None and point - low > band:
        low = point - band
    if high is not None and high - point > band:
        high = point + band
    return Interval(low, high)
