"""Measures: a figure with a unit (money, mass, length, area, rainfall, magnitude) and what it measures.

"10–15 milliards de dollars de dégâts" and "between $3.8 billion and $4.6 billion of damage"
can only be set against each other once both say they are damage in dollars; "une magnitude
de 6,8" and "magnitude 7" once both say they are the main shock's magnitude, not an
aftershock's. The unit is read by the lexicon (units.yaml); what is measured only from a noun
next to the figure (categories.yaml, `measure:` words), never guessed: without such a noun,
or a unit that names the measure itself ("magnitude", "de profondeur"), there is no measure.
Units are not converted (euros stay euros); rules decide what is comparable.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consistency.extract.datafiles import load_merged
from consistency.extract.lexicon import DATA_DIR, Lexicon, Match, Terms
from consistency.extract.numbers import NumberMatch
from consistency.lazy_re import lazy_compile

__all__ = ["Measure", "MeasureGrammar", "load_measure_grammar", "read_measure", "unit_code"]

MEASURES_FILE = "measures.yaml"
CATEGORIES_FILE = "categories.yaml"
_SPACES = lazy_compile(r"[ \t\u00a0\u202f\u2009]*")
_GAP_REACH = 80  # how far before a figure the noun governing it may start
SEVERAL = "~several"  # the key of a plural noun of a set ("aftershocks"): a member, not pinned down


@dataclass(frozen=True)
class Measure:
    """What a figure measures and in what."""

    unit: str  # "USD", "EUR", "MAD" (ISO 4217), "t", "km", "magnitude", "l/m2", "mm", "ha", "acre", "°C"…
    category: str  # a categories.yaml key: "damage", "insured_losses", "aid", "magnitude", "depth"…
    end: int  # where the claim's span should end: after the unit, or after the noun measured
    value_scale: float = 1.0  # a scale carried by the unit words that the number reader missed


@dataclass(frozen=True)
class MeasureGrammar:
    """The nouns of measured things and the words that tie them to a figure, compiled."""

    nouns: Terms  # measured nouns -> category
    dimensions: Mapping[str, frozenset[str]]  # category -> the unit dimensions it can be measured in
    unit_categories: Mapping[str, str]  # unit or role ("magnitude", "depth") -> category it names alone
    after: Mapping[str | None, Terms]  # language (None: any) -> words between a unit and its noun
    before: Mapping[str | None, Terms]  # language (None: any) -> words between a noun and the figure

    def links(self, table: Mapping[str | None, Terms], lang: str | None) -> Terms:
        code = lang.lower().split("-")[0].split("_")[0] if lang else None
        return table.get(code) or table[None]


def _per_language(spec: Mapping[str, Any]) -> dict[str, list[str]]:
    return {str(k): [str(w) for w in v or []] for k, v in spec.items() if isinstance(v, list) and len(str(k)) == 2}


def _tables(words: Mapping[str, Any]) -> dict[str | None, Terms]:
    """One Terms per language, and one for all of them (the language is unknown)."""
    per = _per_language(words)
    out: dict[str | None, Terms] = {lang: Terms(tuple((w, "link") for w in ws)) for lang, ws in per.items()}
    out[None] = Terms(tuple((w, "link") for ws in per.values() for w in ws))
    return out


def build_measure_grammar(categories: Mapping[str, Any], measures: Mapping[str, Any]) -> MeasureGrammar:
    nouns: list[tuple[str, str]] = [(w, SEVERAL) for ws in _per_language(measures.get("several") or {}).values() for w in ws]
    dims: dict[str, frozenset[str]] = {}
    by_unit: dict[str, str] = {}
    for key, spec in categories.items():
        block = (spec or {}).get("measure") if isinstance(spec, Mapping) else None
        if not isinstance(block, Mapping):
            continue
        dims[str(key)] = frozenset(str(d) for d in block.get("dimensions") or [])
        for unit in block.get("units") or []:
            by_unit.setdefault(str(unit), str(key))
        nouns.extend((w, str(key)) for ws in _per_language(block).values() for w in ws)
    return MeasureGrammar(
        Terms(tuple(nouns)), dims, by_unit, _tables(measures.get("after") or {}), _tables(measures.get("before") or {})
    )


@functools.lru_cache(maxsize=8)
def load_measure_grammar(extra_dirs: tuple[Path, ...] = ()) -> MeasureGrammar:
    """The built-in measure words, merged with the same-named files of `extra_dirs`."""
    return build_measure_grammar(
        load_merged(DATA_DIR / CATEGORIES_FILE, extra_dirs), load_merged(DATA_DIR / MEASURES_FILE, extra_dirs)
    )


@functools.lru_cache(maxsize=256)
def _codes(symbols: tuple[tuple[str, str], ...]) -> dict[str, str]:
    """unit key -> its short name: a currency's ISO code, else its first ASCII symbol."""
    out: dict[str, str] = {}
    for sym, key in symbols:
        if re.fullmatch("[A-Z]{3}", sym):
            out.setdefault(key, sym)
    for sym, key in symbols:
        if sym.isascii():
            out.setdefault(key, sym)
    for sym, key in symbols:
        out.setdefault(key, sym)
    return out


def unit_code(lex: Lexicon, key: str) -> str:
    """How a unit key of units.yaml is written in a Measure: "us_dollar" -> "USD", "tonne" -> "t"."""
    unit = lex.unit_info.get(key)
    codes = _codes(tuple(lex.unit_symbols.items()))
    if unit is not None and unit.dimension == "currency":
        code = codes.get(key, "")
        return code if re.fullmatch("[A-Z]{3}", code) else key
    return codes.get(key, key)


def _skip(text: str, pos: int, end: int) -> int:
    m = _SPACES.match(text, pos, end)
    return m.end() if m else pos


def _bridged(text: str, start: int, stop: int, bridges: Terms) -> bool:
    """Only bridge words and spaces in text[start:stop] ("sont estimés à", "put at")."""
    pos = _skip(text, start, stop)
    while pos < stop:
        b = bridges.at(text, pos, stop)
        if b is None:
            return False
        pos = _skip(text, b.end, stop)
    return True


def _noun_after(text: str, pos: int, end: int, g: MeasureGrammar, lang: str | None) -> Match | None:
    """The measured noun right after a unit, through one link word ("de dégâts", "in damage")."""
    at = _skip(text, pos, end)
    if at == pos and at < end and text[at].isalnum():
        return None
    found = g.nouns.at(text, at, end)
    if found is None and (link := g.links(g.after, lang).at(text, at, end)) is not None:
        found = g.nouns.at(text, _skip(text, link.end, end), end)
    return found


def _noun_before(text: str, lo: int, start: int, stop: int, g: MeasureGrammar, lang: str | None) -> Match | None:
    """The closest measured noun before the figure, tied to it only by bridge words."""
    found = None
    for m in g.nouns.finditer(text, max(lo, start - _GAP_REACH), start):
        found = m
    if found is not None and _bridged(text, found.end, stop, g.links(g.before, lang)):
        return found
    return None


def _fits(g: MeasureGrammar, m: Match | None, dimension: str) -> str | None:
    if m is None or dimension not in g.dimensions.get(m.key, ()):
        return None
    return m.key


def read_measure(
    text: str,
    nm: NumberMatch,
    sentence: tuple[int, int],
    lex: Lexicon,
    lang: str | None,
    *,
    grammar: MeasureGrammar | None = None,
) -> Measure | None:
    """The unit and what is measured for one figure of a sentence; None unless both are stated.

    A sum of money needs `nm.currency` (find_numbers(..., money=True)) or a currency written
    next to it; a range whose two ends name different units ("de magnitude 6,8 à 18 km") is
    none. The category comes from a noun after the unit ("3 milliards de dollars de dégâts"),
    from a noun governing the figure before it ("les dégâts sont estimés à 3 milliards"), or
    from a unit that names it alone ("magnitude 7", "18 km de profondeur").
    """
    g = grammar or load_measure_grammar()
    s_lo, s_hi = sentence
    after = lex.unit_after(text, nm.number_end, s_hi)
    before = lex.unit_before(text, nm.number_start)
    if before is not None and before.start < s_lo:
        before = None
    info = lex.unit_info
    a_unit = info.get(after.key) if after else None
    b_unit = info.get(before.key) if before else None
    role: str | None = None
    end = nm.number_end
    if nm.currency is not None:
        key = None
        if a_unit is not None and a_unit.dimension == "currency":
            end = after.end  # type: ignore[union-attr]
        elif a_unit is not None or (b_unit is not None and b_unit.dimension != "currency"):
            return None  # "$5 km": two units
        unit, dimension = nm.currency, "currency"
    else:
        if a_unit is not None and b_unit is not None and a_unit.key != b_unit.key:
            if b_unit.role is None or b_unit.dimension != a_unit.dimension:
                return None  # "de magnitude 6,8 à 18 km": the range mixes two measures
        if a_unit is not None:
            key, end = a_unit.key, after.end  # type: ignore[union-attr]
            if b_unit is not None and b_unit.role:
                role = b_unit.role  # "à une profondeur de 18 km"
        elif b_unit is not None and b_unit.role is None:
            key = b_unit.key  # "de magnitude 6,8", "$5" (prefix)
        else:
            return None  # a count, or a role with no unit ("profondeur de 10")
        unit_info = info[key]
        dimension = unit_info.dimension
        if dimension == "currency":
            return None  # a sum of money the number reader was not asked for
        unit = unit_code(lex, key)
        if role is None and (r := lex.unit_roles.at(text, _skip(text, end, s_hi), s_hi)) is not None:
            role, end = info[r.key].role, r.end  # "18 kilomètres de profondeur", "10 km deep"
    if role is not None:
        category = g.unit_categories.get(role)
        return Measure(unit, category, end) if category else None
    noun = _noun_after(text, end, s_hi, g, lang)
    if (category := _fits(g, noun, dimension)) is not None:
        return Measure(unit, category, noun.end)  # type: ignore[union-attr]
    stop = nm.start if before is None else min(nm.start, before.start)
    prior = _noun_before(text, s_lo, nm.start, stop, g, lang)
    if (category := _fits(g, prior, dimension)) is not None:
        return Measure(unit, category, end)
    if key is not None and (category := g.unit_categories.get(key)) is not None:
        return _by_unit(text, nm, s_lo, s_hi, g, dimension, category, unit, end)
    return None


def _by_unit(
    text: str, nm: NumberMatch, s_lo: int, s_hi: int, g: MeasureGrammar,
    dimension: str, category: str, unit: str, end: int,
) -> Measure | None:
    """A unit that names its measure ("magnitude 7"): unless the sentence says whose it is.

    "Le séisme a été suivi, quelques heures plus tard, d'une réplique, de magnitude 4,9": the
    closest tremor noun before the figure decides; one of another category elsewhere in the
    sentence, with none before, leaves it unsure, so no measure. A plural noun of a set before
    it ("deux répliques, l'une de magnitude 4,9") makes it one member of the set: no measure.
    """
    dims = g.dimensions
    others = [m for m in g.nouns.finditer(text, s_lo, s_hi) if m.key == SEVERAL or dimension in dims.get(m.key, ())]
    prior = [m for m in others if m.end <= nm.start]
    if prior:
        return None if prior[-1].key == SEVERAL else Measure(unit, prior[-1].key, end)
    if any(m.key != category for m in others):
        return None
    return Measure(unit, category, end)


def read_measures(
    text: str, numbers: Iterable[NumberMatch], sentences: Sequence[tuple[int, int]], lex: Lexicon, lang: str | None
) -> list[tuple[NumberMatch, Measure]]:
    """Every figure of `numbers` that is a measure, with it (a convenience for tests and callers)."""
    out = []
    for nm in numbers:
        sent = next((s for s in sentences if s[0] <= nm.start < s[1]), (0, len(text)))
        if (m := read_measure(text, nm, sent, lex, lang)) is not None:
            out.append((nm, m))
    return out
