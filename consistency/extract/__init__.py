"""Extraction: figures, times and claims from the text of one document.

The layers can be used on their own from Python:

    >>> from consistency.extract import find_numbers, parse_number, find_times, parse_time
    >>> parse_number("quatorze mille", "fr")
    14000.0
    >>> [m.value for m in find_numbers("environ 11 000 soldats", "fr")]
    [Interval(low=9900.0, high=12100.0)]
    >>> parse_time("au printemps 2025", "fr", None).low
    datetime.date(2025, 3, 1)

and `extract_claims(document)` assembles them into `Claim`s (see `consistency.model`).
"""

from consistency.extract.claims import explain_numbers, extract_claims
from consistency.extract.lexicon import Lexicon, build_lexicon, load_lexicon
from consistency.extract.numbers import NumberMatch, find_numbers, parse_number
from consistency.extract.times import TimeMatch, find_times, parse_date, parse_time

__all__ = [
    "Lexicon",
    "NumberMatch",
    "TimeMatch",
    "build_lexicon",
    "explain_numbers",
    "extract_claims",
    "find_numbers",
    "find_times",
    "load_lexicon",
    "parse_date",
    "parse_number",
    "parse_time",
]
