"""Amounts whose noun or unit the text leaves out, and qualifiers written after a unit.

"Un rapport estime que 552 tonnes environ ont explosé": the tonnes are of the nitrate the
paragraph spoke of, and "environ" makes the figure approximate although it follows the unit.
"Les pertes pourraient atteindre 10 à 15 milliards de dollars, bien au-delà de la fourchette
de 3 à 5 milliards": the second range is the same kind of sum, in the same currency, given as
a rival estimate. Both are read only where nothing else can be meant (measures.yaml says which
words allow it); when unsure, nothing is taken, since a sum filed under the wrong heading (aid
as damage) makes a false contradiction.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency.extract.datafiles import load_merged
from consistency.extract.lexicon import DATA_DIR, Lexicon, Terms
from consistency.extract.measures import MEASURES_FILE, Measure, MeasureGrammar, load_measure_grammar, unit_code
from consistency.extract.numbers import NumberMatch
from consistency.extract.precision import StatedPrecision, approx_interval, stated_precision
from consistency.lazy_re import lazy_compile
from consistency.model import Claim, Interval

__all__ = ["AmountWords", "Related", "elided_measure", "load_amount_words", "qualified_after", "rival_amount"]

QUALIFIERS_FILE = "qualifiers.yaml"
RIVAL_REACH = 60  # characters between a measured figure and the rival phrase of the next one
RIVAL_RATIO = 50  # a rival estimate is within this factor of the amount it answers
_SPACES = lazy_compile(r"[ \t\u00a0\u202f\u2009]*")
_WORD = lazy_compile(r"[^\W\d_][\w'’-]*")
_CLAUSE_END = ",.;:)(»”\"–—/!?"


@dataclass(frozen=True)
class AmountWords:
    """The words of measures.yaml that let an amount be read without its noun or unit."""

    after_unit: Mapping[str | None, Terms]  # language -> qualifier phrases after a unit
    factors: Mapping[str, tuple[float | None, float | None]]  # qualifier -> interval factors
    elided_dimensions: frozenset[str]
    rival: Mapping[str | None, Terms]  # phrase -> "link" (another estimate) or "part" (a share of it)
    rival_gap: Mapping[str | None, frozenset[str]]
    event_measures: frozenset[str] = frozenset()  # categories that measure the event itself (its damage)
    running_measures: frozenset[str] = frozenset()  # categories that grow while the event lasts (area burned)
    series_measures: frozenset[str] = frozenset()  # categories of one of a series of like events (an aftershock)
    series_pinned: Mapping[str | None, Terms] = field(default_factory=dict)  # "the strongest aftershock": one of them
    precision: StatedPrecision | None = None  # how wide "environ" is, from how the figure is written

    def table(self, tables: Mapping[str | None, Terms], lang: str | None) -> Terms:
        return tables.get(_code(lang)) or tables[None]

    def gap(self, lang: str | None) -> frozenset[str]:
        return self.rival_gap.get(_code(lang)) or self.rival_gap[None]


def _code(lang: str | None) -> str | None:
    return lang.lower().split("-")[0].split("_")[0] if lang else None


def _terms(spec: Mapping[str, Any], *more: tuple[Mapping[str, Any], str]) -> dict[str | None, Terms]:
    """One Terms per language and one for all of them; lists map to "link" (or the key given
    with each of `more`), mappings to their values."""
    per: dict[str, list[tuple[str, str]]] = {}
    for table, key in ((spec, "link"), *more):
        for lang, words in table.items():
            if isinstance(words, Mapping):
                per.setdefault(str(lang), []).extend((str(w), str(q)) for w, q in words.items())
            elif isinstance(words, list):
                per.setdefault(str(lang), []).extend((str(w), key) for w in words)
    out: dict[str | None, Terms] = {lang: Terms(tuple(entries)) for lang, entries in per.items()}
    out[None] = Terms(tuple(e for entries in per.values() for e in entries))
    return out


def build_amount_words(measures: Mapping[str, Any], qualifiers: Mapping[str, Any]) -> AmountWords:
    gaps: dict[str | None, frozenset[str]] = {
        str(k): frozenset(str(w).casefold() for w in v or []) for k, v in (measures.get("rival_gap") or {}).items()
    }
    gaps[None] = frozenset(w for ws in gaps.values() for w in ws)
    factors: dict[str, tuple[float | None, float | None]] = {}
    for name, pair in (qualifiers.get("defaults") or {}).items():
        low, high = pair
        factors[str(name)] = (None if low is None else float(low), None if high is None else float(high))
    return AmountWords(
        _terms(measures.get("after_unit") or {}),
        factors,
        frozenset(str(d) for d in measures.get("elided_dimensions") or []),
        _terms(measures.get("rival") or {}, (measures.get("part") or {}, "part")),
        gaps,
        frozenset(str(c) for c in measures.get("event_measures") or []),
        frozenset(str(c) for c in measures.get("running_measures") or []),
        frozenset(str(c) for c in measures.get("series_measures") or []),
        _terms(measures.get("series_pinned") or {}),
        precision=stated_precision(qualifiers),
    )


@functools.lru_cache(maxsize=8)
def load_amount_words(extra_dirs: tuple[Path, ...] = ()) -> AmountWords:
    """The built-in words, merged with the same-named files of `extra_dirs`."""
    return build_amount_words(
        load_merged(DATA_DIR / MEASURES_FILE, extra_dirs), load_merged(DATA_DIR / QUALIFIERS_FILE, extra_dirs)
    )


def _skip(text: str, pos: int, end: int) -> int:
    m = _SPACES.match(text, pos, end)
    return m.end() if m else pos


def qualified_after(
    text: str, pos: int, end: int, value: Interval, qualifier: str, lang: str | None, words: AmountWords
) -> tuple[Interval, str, int] | None:
    """"552 tonnes environ": an exact figure qualified by the words right after its unit
    (ending at `pos`), with the interval they mean and where they end; None when there are none."""
    if qualifier != "exact" or value.low is None or value.low != value.high:
        return None
    found = words.table(words.after_unit, lang).at(text, _skip(text, pos, end), end)
    if found is None or found.key not in words.factors:
        return None
    low, high = words.factors[found.key]
    band = approx_interval(value.low, low, high, words.precision if found.key == "approx" else None)
    return band, found.key, found.end


def _nothing_named_after(text: str, pos: int, end: int, g: MeasureGrammar, lang: str | None) -> bool:
    """No noun can follow: the clause ends, or a lower-case word that is not a link to a noun
    ("ont explosé", "débarquées", "exploded"); a link word ("de matériel") or a capitalised
    word (a German noun, a name) may name another thing."""
    at = _skip(text, pos, end)
    if at >= end or text[at] in _CLAUSE_END:
        return True
    if g.links(g.after, lang).at(text, at, end) is not None:
        return False
    word = _WORD.match(text, at, end)
    return word is not None and word.group()[0].islower()


def elided_measure(
    text: str,
    nm: NumberMatch,
    sentence: tuple[int, int],
    reach_start: int,
    lex: Lexicon,
    lang: str | None,
    words: AmountWords,
    grammar: MeasureGrammar | None = None,
) -> Measure | None:
    """"Le volume exact de nitrate … un rapport estime que 552 tonnes environ ont explosé": a
    figure with a unit of an elided dimension, no noun after it, measures what the closest
    measured noun of that dimension before it (from `reach_start`, its paragraph) measures."""
    g = grammar or load_measure_grammar(lex.extra_dirs)
    s_lo, s_hi = sentence
    if nm.currency is not None:
        return None
    before = lex.unit_before(text, nm.number_start)
    if before is not None and before.start >= s_lo:
        return None  # "de magnitude 6,8": the unit names its own measure
    after = lex.unit_after(text, nm.number_end, s_hi)
    unit = lex.unit_info.get(after.key) if after else None
    if after is None or unit is None or unit.role or unit.dimension not in words.elided_dimensions:
        return None
    qualified = qualified_after(text, after.end, s_hi, nm.value, nm.qualifier, lang, words)
    if not _nothing_named_after(text, after.end if qualified is None else qualified[2], s_hi, g, lang):
        return None
    nouns = [m for m in g.nouns.finditer(text, reach_start, nm.start) if unit.dimension in g.dimensions.get(m.key, ())]
    if not nouns:
        return None
    return Measure(unit_code(lex, after.key), nouns[-1].key, after.end)  # the qualifier after it is the caller's


@dataclass(frozen=True)
class Related:
    """A bare figure read as the amount just before it: its unit and category, and how it relates."""

    unit: str
    category: str
    part: bool  # "dont 30 millions": a share of that amount, else another estimate of it


def rival_amount(
    text: str,
    nm: NumberMatch,
    sentence: tuple[int, int],
    previous: Claim | None,
    lex: Lexicon,
    lang: str | None,
    words: AmountWords,
    grammar: MeasureGrammar | None = None,
) -> Related | None:
    """"10 à 15 milliards de dollars, bien au-delà de la fourchette de 3 à 5 milliards": a bare
    figure set by a rival phrase against the amount just before it in the sentence is another
    estimate of that amount; "250 millions d'euros de promesses, dont 30 millions de la France"
    a part of it. None unless only the phrase, its gap words and light words (no figure, no
    measured or counted noun) lie between, and nothing that could be its own noun follows it."""
    g = grammar or load_measure_grammar(lex.extra_dirs)
    s_lo, s_hi = sentence
    if previous is None or previous.noun_source != "measure" or previous.unit in ("count", "percent"):
        return None
    if not previous.category or not isinstance(previous.value, Interval):
        return None
    if previous.span[1] > nm.start or previous.span[0] < s_lo:
        return None
    if nm.currency is not None:
        if nm.currency != previous.unit:
            return None  # "$8 billion, up from €5 billion": another currency, not compared
    elif lex.unit_after(text, nm.number_end, s_hi) is not None or lex.unit_before(text, nm.number_start) is not None:
        return None  # a unit of its own: read_measure's
    between = text[previous.span[1]:nm.start]
    if any(ch.isdigit() for ch in between):
        return None
    rivals = list(words.table(words.rival, lang).finditer(text, previous.span[1], nm.start))
    if not rivals:
        return None
    rival = rivals[-1]
    gap = words.gap(lang)
    if any(w.casefold() not in gap for w in _WORD.findall(text[rival.end:nm.start])):
        return None
    if rival.start - previous.span[1] > RIVAL_REACH:
        return None
    if g.nouns.search(text, previous.span[1], nm.start) is not None:
        return None  # "…de dégâts, contre 2 milliards d'aide": another heading
    if lex.category_terms.search(text, previous.span[1], nm.start) is not None:
        return None
    after = _skip(text, nm.end, s_hi)
    if lex.category_terms.at(text, after, s_hi) is not None or g.links(g.after, lang).at(text, after, s_hi) is not None:
        return None  # "contre 500 blessés", "contre 2 milliards d'aide": its own noun
    if not _comparable_size(nm.value, previous.value):
        return None
    return Related(previous.unit, previous.category, rival.key == "part")


def _comparable_size(a: Interval, b: Interval) -> bool:
    """Two estimates of one amount are within RIVAL_RATIO of each other ("contre 3" is not "3 milliards")."""
    x = a.high if a.high is not None else a.low
    y = b.high if b.high is not None else b.low
    if not x or not y or x <= 0 or y <= 0:
        return False
    return max(x, y) / min(x, y) <= RIVAL_RATIO
