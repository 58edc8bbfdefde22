"""Per-language specs as data (tests/specs/<lang>/*.yaml): one test case per entry.

A language's readers are checked by cases anyone can add without writing Python, the way
Recognizers-Text keeps its Specs; see tests/specs/README.md for the format.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
import yaml

from consistency.extract.numbers import find_numbers
from consistency.extract.times import parse_time

SPECS = Path(__file__).parent / "specs"
_NUMBER_FIELDS = {"value", "low", "high", "qualifier"}


def _cases() -> list[Any]:
    out = []
    for path in sorted(SPECS.glob("*/*.yaml")):
        lang, kind = path.parent.name, path.stem
        for i, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            marks = [pytest.mark.xfail(reason=str(case["xfail"]), strict=True)] if case.get("xfail") else []
            out.append(pytest.param(lang, kind, case, id=f"{lang}-{kind}-{i + 1}", marks=marks))
    return out


def _figure(m: Any) -> dict[str, Any]:
    return {"value": m.point, "low": m.value.low, "high": m.value.high, "qualifier": m.qualifier}


def _date(value: Any) -> dt.date | None:
    return value if value is None or isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def test_every_language_has_specs_of_every_kind() -> None:
    from consistency.extract.languages import languages

    for lang in languages():
        assert {p.stem for p in (SPECS / lang).glob("*.yaml")} >= {"numbers", "ranges", "times"}, lang


@pytest.mark.parametrize(("lang", "kind", "case"), _cases())
def test_spec(lang: str, kind: str, case: dict[str, Any]) -> None:
    text = case["text"]
    if kind in ("numbers", "ranges"):
        found = [_figure(m) for m in find_numbers(text, lang)]
        expected = case["numbers"]
        assert len(found) == len(expected), f"{text!r}: read {found}"
        for got, want in zip(found, expected):
            assert set(want) <= _NUMBER_FIELDS, f"unknown field in {want}"
            assert {k: got[k] for k in want} == want, f"{text!r}: read {got}"
    elif kind == "times":
        span = parse_time(text, lang, _date(case["reference"]))
        assert span is not None, f"{text!r}: no time read"
        assert (span.low, span.high) == (_date(case["low"]), _date(case["high"])), f"{text!r}: read {span}"
    else:
        pytest.fail(f"unknown spec kind {kind!r} (tests/specs/{lang}/{kind}.yaml)")
