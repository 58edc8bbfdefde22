"""Each step of reading figures and times is a module that can be read and tested alone,
and the public import paths still work. Every sentence here is invented for these tests."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.errors import InputError
from consistency.extract import find_numbers as public_find_numbers
from consistency.extract import find_times as public_find_times
from consistency.extract.number_digits import _read_digits, _Spelling
from consistency.extract.number_figures import NumberMatch
from consistency.extract.numbers import NumberMatch as PublicNumberMatch
from consistency.extract.numbers import find_numbers, load_number_lexicon, parse_number
from consistency.extract.time_calendar import _Cal, _resolve, _weekday_year
from consistency.extract.time_lexicon import TimeWords
from consistency.extract.time_patterns import _Patterns
from consistency.extract.times import TimeGrammar, TimeMatch, find_times, parse_date, parse_time


def test_public_paths_are_unchanged() -> None:
    assert PublicNumberMatch is NumberMatch
    assert public_find_numbers is find_numbers and public_find_times is find_times
    assert callable(load_number_lexicon) and callable(parse_number) and callable(parse_date)
    assert TimeGrammar.load().find_times("en mars 2021", "fr", None)[0].span is not None
    assert isinstance(find_times("le 3 mars 2021", "fr", None)[0], TimeMatch)
    assert parse_time("im März 2021", "de", dt.date(2021, 6, 1)) is not None


@pytest.mark.parametrize(
    ("token", "conv", "value"),
    [("11 000", "comma", 11000.0), ("11.000", "comma", 11000.0), ("1,5", "comma", 1.5), ("11,000", "point", 11000.0)],
)
def test_digits_step_reads_a_figure_with_the_decimal_mark(token: str, conv: str, value: float) -> None:
    reading = _read_digits(token, conv, False)
    assert isinstance(reading, tuple) and reading[0] == value


def test_spelling_step_reads_glued_german_words_with_swiss_and_ascii_spellings() -> None:
    spelling = _Spelling("de", {}, frozenset({"und"}), frozenset(), {"fuenf": "fünf", "dreissig": "dreißig"}, True)
    assert spelling.value("dreihundertfuenfunddreissig") == 335


def test_calendar_step_gives_the_year_a_weekday_fits() -> None:
    tuesday = _Cal("day", month=12, day=10, weekday=2)
    fixed = _weekday_year(tuesday, [dt.date(2019, 12, 6)])
    assert fixed is not None and fixed.year == 2019
    span = _resolve(fixed, dt.date(2019, 12, 6))
    assert span is not None and (span.low, span.resolved) == (dt.date(2019, 12, 10), False)
    assert _weekday_year(_Cal("day", month=12, day=10, weekday=5), [dt.date(2019, 12, 6)]) == _Cal(
        "day", month=12, day=10, weekday=5
    )  # no Friday 10 December within a year: unchanged


def test_lexicon_and_pattern_steps_stand_alone() -> None:
    lex = TimeWords.from_sections([("test", {"months": {3: ["marzo"]}, "possessive": ["'s"]})])
    pats = _Patterns(lex)
    assert pats.core.search("llegó en marzo de 2021") is not None
    assert pats.possessive.match("'s quake") is not None
    with pytest.raises(InputError):
        TimeWords.from_sections([("test", {"months": {13: ["nope"]}})])
