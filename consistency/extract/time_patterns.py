"""Regular expressions of time expressions, built once per lexicon.

The second step of reading times (see `consistency.extract.times`): where a text may name a
day, month, season, year, part, weekday, relative day or duration (`_Patterns`), and times
of day and future markers (`_DayPatterns`). Case-sensitive patterns list each word in the
cases a text writes it; a shared-prefix trie keeps a miss cheap.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from consistency.extract.time_lexicon import TimeWords, _key
from consistency.matching import trie
from consistency.regex_cache import compile as rx_compile

_SP = r"[^\S\n]+"  # spaces inside an expression: never across a line break
_S = r"[^\S\n]*"
_DASH = r"[-‐‑–]"
_NEVER = r"(?!)"


def _char(ch: str) -> str:
    if ch == " ":
        return _SP
    if ch in "'’":
        return "['’]"
    if ch in "-‐‑":
        return "[-‐‑]"
    return re.escape(ch)


def _trie(words: Iterable[str]) -> str:
    """One group matching any of `words`, factored by shared prefixes so a miss costs little
    (`matching.trie`).

    A word ending in a letter or digit must end at a word boundary ("mai" never matches the
    start of "maire"); one ending in "'", "." or "-" runs into what follows ("d'août").
    """
    spelled = (" ".join(word.replace("’", "'").split()) for word in words)
    return trie(((word, r"(?!\w)" if word[-1].isalnum() else "") for word in spelled if word), atom=_char)


def _words(words: Iterable[str], cased: frozenset[str] = frozenset()) -> str:
    """A group for lexicon entries, in the cases a text writes them.

    Patterns are case-sensitive (about twice as fast as ignoring case), so each entry is
    listed as written, capitalized, in title case and in capitals; a cased entry ("May")
    is never matched in lower case.
    """
    variants: set[str] = set()
    for word in words:
        base = word if word in cased else word.lower()
        title = " ".join(w[:1].upper() + w[1:] for w in base.split(" "))
        variants.update({base, base[:1].upper() + base[1:], title, base.upper()})
        variants.update({word, word[:1].upper() + word[1:]})  # German nouns: "letzte Woche"
    return _trie(variants)


def _g(prefix: str | None, name: str, body: str) -> str:
    """A named group when building the main pattern, a plain group inside a sub-pattern."""
    return f"(?P<{prefix}{name}>{body})" if prefix is not None else f"(?:{body})"


_YEAR = r"(?:1[89]|2[01])\d\d"
_YEAR_END = r"(?![\w%°€$£]|[.,]\d)"
_Y2 = r"\d{4}|\d\d"  # the second year of "2024-2025" or "2024-25"


class _Patterns:
    """The regular expressions of one lexicon, compiled once."""

    def __init__(self, lex: TimeWords) -> None:
        c = lex.cased
        month = _words(lex.months, c)  # an abbreviation's dot is taken only before what follows
        self.weekday = _words(lex.weekdays, c)
        weekday_any = _words({**lex.weekdays, **lex.weekday_abbreviations}, c) + r"\.?"
        season = _words(lex.seasons)
        art = _words(lex.articles)
        of = _words(lex.of)
        ordinal = _words(lex.ordinal_suffixes)
        year_word = _words(lex.year_words)
        mod_after = _words(lex.modifiers_after)
        closers = {w for cs in lex.ranges.values() for w in cs}
        day_join = _words(closers | {"-", "–"})

        def year(p: str | None, name: str = "y") -> str:
            return _g(p, name, _YEAR) + _YEAR_END

        def year_tail(p: str | None, name: str = "y") -> str:
            glue = rf"(?:{of}{_S}(?:{art}{_S})?(?:{year_word}{_SP})?)?"
            return rf"\.?(?:{_S},{_S}|{_SP}){glue}{year(p, name)}"

        def day_num(p: str | None, name: str, first: bool = True) -> str:
            """A day of the month; the first number of an expression must not continue another."""
            guard = r"(?<![/.,:-])" if first else ""
            return guard + _g(p, name, r"[0-3]?\d") + rf"(?:{ordinal}|(?![\w:]|[.,]\d))"

        def months(p: str | None) -> str:
            """ "juin", "juin 2024", "novembre de l'année 2016", "septembre dernier"."""
            tail = rf"{year_tail(p, 'my')}|{_SP}{_g(p, 'mod', mod_after)}"
            return rf"{_g(p, 'm', month)}(?:{tail})?"

        def seasons(p: str | None) -> str:
            """ "été", "l'été 2024", "summer of 2024", "hiver 2024-2025", "l'été dernier";
            not "le printemps de Prague"."""
            glue = rf"{_SP}(?:{of}{_S}(?:{art}{_S})?(?:{year_word}{_SP})?)?"
            with_year = rf"{glue}{year(p, 'sy')}(?:{_S}[-–/]{_S}{_g(p, 'y2', _Y2)}(?!\d))?"
            return (
                rf"{_g(p, 's', season)}"
                rf"(?:{with_year}|{_SP}{_g(p, 'smod', mod_after)}|(?!{_SP}{of}))"
            )

        def unit(p: str | None) -> str:
            """A month, season, year or period word: what a part word applies to."""
            years = rf"(?:{_g(p, 'yw', year_word)}{_SP}(?:{of}{_S})?)?{year(p, 'yy')}"
            periods = (
                rf"{_g(p, 'pw', _words(lex.period_words))}(?:{_SP}{_g(p, 'pmod', mod_after)})?"
            )
            relative = _g(p, "rel", _words(lex.relative))
            return f"(?:{relative}|{months(p)}|{seasons(p)}|{years}|{periods})"

        self.unit = rx_compile(unit(""))

        number_word = _words(lex.numbers)
        joiner = rf"(?:{_DASH}|{_SP})(?:{_words(lex.number_joiners)}(?:{_DASH}|{_SP}))?"
        # A group of thousands never starts a number inside a run of them ("1 000 000 …"): from
        # each group the run would be read again to its end, quadratic on a page of such runs.
        number = (
            r"(?<!(?<!\d)\d[  \u202f])(?<!(?<!\d)\d\d[  \u202f])(?<!(?<!\d)\d\d\d[  \u202f])"
            r"\d{1,3}(?:[  \u202f]\d{3})+(?!\d)|\d+(?:[.,]\d+)?"
            rf"|{number_word}(?:{joiner}{number_word}){{0,3}}"
        )
        half = _words(lex.half)
        alternatives = {
            "iso": (
                r"(?<![/.-])(?P<iso_y>\d{4})(?P<iso_sep>[-/.])(?P<iso_m>[01]?\d)(?P=iso_sep)"
                r"(?P<iso_d>[0-3]?\d)(?:T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?"
                r"(?![\w/]|[-.]\d)"
            ),
            "num": (
                rf"(?:(?P<num_wd>{weekday_any}),?{_SP})?(?<![/.-])(?P<num_a>[0-3]?\d)"
                r"(?P<num_sep>[/.-])(?P<num_b>[0-3]?\d)(?P=num_sep)(?P<num_y>\d{4}|\d\d)"
                r"(?![\w/]|[-.,]\d)"
            ),
            "dr": (
                rf"{day_num('dr_', 'a')}{_S}{day_join}{_S}(?:{art}{_S})?"
                rf"{day_num('dr_', 'b', first=False)}{_SP}(?:{of}{_S})?(?P<dr_m>{month})"
                rf"(?:{year_tail('dr_')})?"
            ),
            "mdr": (
                rf"(?P<mdr_m>{month})\.?{_SP}{day_num('mdr_', 'a')}{_S}{day_join}{_S}"
                rf"{day_num('mdr_', 'b', first=False)}(?:{year_tail('mdr_')})?"
                if lex.month_first
                else _NEVER
            ),
            "day": (
                rf"(?:(?P<day_wd>{weekday_any}),?{_SP}(?:{art}{_SP})?)?{day_num('day_', 'd')}"
                rf"{_SP}(?:{of}{_SP})?(?P<day_m>{month})(?:{year_tail('day_')})?"
            ),
            "md": (
                rf"(?:(?P<md_wd>{weekday_any}),?{_SP})?(?P<md_m>{month})\.?{_SP}(?:{art}{_SP})?"
                rf"{day_num('md_', 'd')}(?:{year_tail('md_')})?"
                if lex.month_first
                else _NEVER
            ),
            "dom": (  # "el día 2": a day of the month named alone
                rf"(?P<dom_w>{_words(lex.day_words)}){_SP}{day_num('dom_', 'd')}"
                rf"(?!{_SP}(?:{of}{_SP})?{month})"
            ),
            "part": (
                rf"(?P<part_w>{_words(lex.parts)})(?:{_S}{_DASH}{_S}|{_SP})"
                rf"(?:{of}{_S})?(?:{art}{_S})?(?P<part_t>{unit(None)})"
            ),
            "rel": rf"(?P<rel_w>{_words(lex.relative)})",
            "mon": months("mon_"),
            "sea": seasons("sea_"),
            "wd": (  # "am Samstag (14.06.)": the day and month in brackets, as German news writes them
                rf"(?P<wd_w>{self.weekday})(?:{_SP}(?P<wd_mod>{mod_after}))?"
                r"(?:[^\S\n]*\((?P<wd_d>[0-3]?\d)\.(?P<wd_m>[01]?\d)\.?\))?"
            ),
            "yr": (
                rf"(?:(?P<yr_w>{year_word}){_SP}(?:{of}{_S})?)?(?<![/.,-])(?P<yr_y>{_YEAR})"
                rf"(?:[-–](?P<yr_y2s>\d\d)|{_S}[-–]{_S}(?P<yr_y2>{_YEAR}))?{_YEAR_END}(?![-/]\d)"
            ),
            "dur": (
                rf"(?:(?P<dur_pb>{_words(lex.past_before)}){_SP})?"
                rf"(?:(?P<dur_q>{_words(lex.qualifiers)}){_SP})?(?P<dur_n>{number})"
                rf"(?:{_SP}(?P<dur_h1>{half}))?{_SP}(?:(?P<dur_pa>{_words(lex.past_after)}){_SP})?"
                rf"(?P<dur_u>{_words(lex.units)})(?:{_SP}(?P<dur_h2>{half}))?"
                rf"(?:{_SP}(?P<dur_ago>{_words(lex.ago_after)}))?"
            ),
        }
        body = "|".join(f"(?P<{name}>{alt})" for name, alt in alternatives.items())
        first_words = [
            *lex.months, *lex.weekdays, *lex.weekday_abbreviations, *lex.seasons, *lex.parts,
            *lex.relative, *lex.year_words, *lex.past_before, *lex.qualifiers, *lex.numbers,
            *lex.day_words,
        ]  # fmt: skip
        # The lookahead lets most words fail after a character or two, before any alternative.
        self.core = rx_compile(rf"(?<!\w)(?=\d|{_words(first_words, c)})(?:{body})")
        self.left = rx_compile(
            rf"(?<!\w)(?:(?P<prep>{_words(lex.prepositions)}){_S})?(?:(?P<art>{art}){_S})?"
            rf"(?:(?P<lmod>{_words(lex.modifiers_before)}){_S})?\Z"
        )
        self.gap = rx_compile(
            rf"{_S}(?P<join>{_words(closers | lex.free_joins)}){_S}(?:(?P<art>{art}){_S})?"
            rf"(?:(?P<lmod>{_words(lex.modifiers_before)}){_S})?"
        )
        self.possessive = rx_compile(_words(lex.possessive))
        self.compared = rx_compile(rf"(?<!\w){_words(lex.compared_since)}(?!\w)")


def _any_case(words: Iterable[str]) -> str:
    """A group for short words that run into what follows ("13h20"): longest first (then
    alphabetically, so that the pattern is the same in every run), any case."""
    items = sorted({" ".join(w.split()) for w in words if w.strip()}, key=lambda w: (-len(w), w))
    if not items:
        return _NEVER
    return "(?i:" + "|".join("".join(_char(ch) for ch in w) for w in items) + ")"


class _DayPatterns:
    """Times of day ("à 13h20", "at 3 p.m.", "le soir", "Donnerstagabend") and future markers.

    Compiled on first use, so that importing the module costs no more than the dates do.
    """

    def __init__(self, lex: TimeWords) -> None:
        c = lex.cased
        before = _words(lex.clock_before | lex.clock_about)
        hours = _any_case(lex.clock_hours)
        ampm = _words(lex.clock_am | lex.clock_pm)
        self.compounds = {
            _key(day + suffix): (number, part)
            for day, number in lex.weekdays.items()
            for suffix, part in lex.day_part_suffixes.items()
        }
        clock = (
            rf"(?:(?P<cb>{before}){_S})?(?<![\w.,:/])(?P<h>[012]?\d)(?!\d|[.,]\d{{3}})(?:"  # not "a las 95.000"
            rf"(?P<hsp>{_S})(?P<hw>{hours})(?:{_S}(?P<mi>[0-5]\d)(?!\d))?(?!\w)"
            rf"|[:.](?P<mi2>[0-5]\d)(?![\d]|[.,]\d)(?:{_S}(?P<hw2>{hours})(?!\w))?"
            rf")?(?:{_S}(?P<ap>{ampm}))?"
        )
        alternatives = [
            rf"(?P<clock>{clock})",
            rf"(?P<noon>(?:(?P<nb>{before}){_S})(?P<nw>{_words(lex.clock_noon | lex.clock_midnight)}))",
            rf"(?P<cpd>{_words(self.compounds)})",
            # one group, so that the longest wins: "late morning" over "late"
            rf"(?P<part>{_words({**lex.day_parts_attached, **lex.day_parts})})",
        ]
        first = [*lex.clock_before, *lex.clock_about, *self.compounds, *lex.day_parts]
        first += [*lex.day_parts_attached]
        # As for dates, the lookahead lets most words fail before any alternative is tried.
        self.core = rx_compile(
            rf"(?<!\w)(?=\d|{_words(first, c)})(?:" + "|".join(alternatives) + ")"
        )
        self.gap = rx_compile(
            rf"{_S},?{_S}(?:(?:{_words(lex.of)}|{_words(lex.articles)}){_S})*", re.UNICODE
        )
        endings = _trie(lex.future_endings) if lex.future_endings else _NEVER
        self.future = rx_compile(
            rf"(?<!\w)(?:{_words(lex.future_words, c)}|\w+{endings})"
        )
