"""Quantities in news text: the figure, the words that qualify it, and the interval they mean.

"environ 11 000 soldats" and "more than 10,000 troops" can only be compared once both are
intervals, so every figure is read together with its qualifier ("près de", "up to",
"plusieurs milliers", "plus de la moitié"). Whatever only looks like a figure (a year, a
date, a clock time, an age, a price, an identifier, a numbered item) is left out: a false
figure becomes a false contradiction, and that costs a fact-checker an hour.

How it works: one fast scan finds where figures may be (digits, number words, words such
as "milliers" or "moitié"); around those places a few precompiled patterns read candidate
figures; candidates whose surroundings say they are not quantities are dropped; the rest
are joined into ranges and given their qualifiers. The vocabulary is data
(data/number_words.yaml, data/qualifiers.yaml and each language pack's numbers.yaml and
qualifiers.yaml, see docs/languages.md); docs/extraction-scope.md says what is in
scope and why.

Each step is a module that can be read and tested alone: `number_tables` (tables built
once per language), `number_candidates`, `number_filters` (what is not a quantity),
`number_qualifiers` (qualifiers and ranges), `number_digits` (digits and spelling), on the
text primitives of `number_text` and the values of `number_figures`. This module holds
the vocabulary, the grammar that joins the steps, and the public functions.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from consistency.errors import InputError
from consistency.extract.datafiles import load_merged, read_mapping
from consistency.extract.number_candidates import _Candidates
from consistency.extract.number_digits import _clean, _read_digits
from consistency.extract.number_figures import NumberMatch, _Text
from consistency.extract.number_filters import _NotQuantity, _Spans
from consistency.extract.number_qualifiers import _Qualifying
from consistency.extract.number_tables import QUALIFIERS_FILE
from consistency.extract.number_text import _DIGITS, _MAX_VALUE, _lowered

__all__ = [
    "NumberLexicon",
    "NumberMatch",
    "find_numbers",
    "load_number_lexicon",
    "parse_number",
]

DATA_DIR = Path(__file__).with_name("data")
NUMBER_WORDS_FILE = "number_words.yaml"
UNITS_FILE = "units.yaml"  # currencies: their symbols, words and ISO codes (money=True)


# --------------------------------------------------------------------------------------------
# The vocabulary


@dataclass(frozen=True)
class NumberLexicon:
    """Both data files, merged; the patterns compiled from them are cached per language."""

    words: Mapping[str, Any]
    qualifiers: Mapping[str, Any]
    units: Mapping[str, Any] = field(default_factory=dict)
    _grammars: dict[tuple[tuple[str, ...], str, bool], _Grammar] = field(
        default_factory=dict, compare=False, repr=False
    )
    _by_tag: dict[str | None, _Grammar] = field(default_factory=dict, compare=False, repr=False)

    def grammar(self, lang: str | None) -> _Grammar:
        """The grammar for a language tag; looked up once per tag, as every article asks for it."""
        found = self._by_tag.get(lang)
        if found is None:
            found = self._by_tag[lang] = self._grammar(lang)
        return found

    def _grammar(self, lang: str | None) -> _Grammar:
        code = lang.lower().replace("_", "-").split("-")[0] if lang else None
        spelled = {k for k, v in self.words.items() if isinstance(v, dict) and v.get("words")}
        seps = self.words.get("separators", {})
        if code is None:
            langs = tuple(k for k in self.words.get("when_unknown", ()) if k in spelled)
            conv = "neutral"
        else:
            langs = (code,) if code in spelled else ()
            conv = (
                "comma"
                if code in seps.get("decimal_comma", ())
                else "point"
                if code in seps.get("decimal_point", ())
                else "neutral"
            )
        # An unknown language reads only some languages' number words, but every language's
        # qualifiers: "mindestens 11" stays "at least 11" rather than becoming exactly 11.
        key = (langs, conv, code is None)
        if key not in self._grammars:
            self._grammars[key] = _Grammar(self, langs, conv, every_qualifier=code is None)
        return self._grammars[key]


def load_number_lexicon(*extra_dirs: Path) -> NumberLexicon:
    """The built-in vocabulary, merged with the same-named files of `extra_dirs` if present."""
    builtin = load_merged(DATA_DIR / NUMBER_WORDS_FILE, ())
    for d in extra_dirs:
        path = Path(d) / NUMBER_WORDS_FILE
        if not path.is_file():
            continue
        for key, value in read_mapping(path, check_words=False).items():
            if isinstance(builtin.get(key), dict) and not isinstance(value, dict):
                # a language or table given as a plain value would be dropped without a word
                raise InputError(f"{path}: '{key}' holds {type(value).__name__}, not a mapping like the built-in "
                                 f"{NUMBER_WORDS_FILE}; give its words as keys")
    return NumberLexicon(
        load_merged(DATA_DIR / NUMBER_WORDS_FILE, extra_dirs),
        load_merged(DATA_DIR / QUALIFIERS_FILE, extra_dirs),
        load_merged(DATA_DIR / UNITS_FILE, extra_dirs),
    )


# --------------------------------------------------------------------------------------------
# The grammar of one language (or of French and English together when it is unknown)


class _Grammar(_Candidates, _NotQuantity, _Qualifying):
    """Every pattern and table for a set of spelled languages and a decimal mark.

    Its steps are modules of their own: `number_tables` (tables built once per language),
    `number_candidates` (candidates), `number_filters` (what is not a quantity),
    `number_qualifiers` (qualifiers and ranges), `number_digits` (digits and spelling).
    """

    def parse(self, s: str) -> float | None:
        s = s.strip()
        if not s:
            return None
        t = _Text(s, _lowered(s), 0, len(s))
        if m := _DIGITS.match(s):
            scale, end = self._units(t, m.end())
            reading = _read_digits(m.group(), self.conv, end > m.end())
            if scale is None or not isinstance(reading, tuple):
                return None
            value = reading[0] * scale
            if end > m.end() and self.half_re is not None and (h := self.half_re.match(t.low, end)):
                value, end = value + 0.5 * scale, h.end()
            return _clean(value) if end == len(s) and value <= _MAX_VALUE else None
        if self.words_re is not None and self.words_re.fullmatch(t.low):
            return self._spelled(t.low)
        for fig in self._rounded_figures(t, 0, len(s)):
            if fig.start == 0 and fig.end == len(s):
                return fig.value
        return None


# Each language's patterns compile on its first use (`NumberLexicon.grammar`), not at import:
# `--help` and a French article never pay for German; `consistency.pipeline.warm` compiles the
# corpus's languages once before extraction forks its workers.
@functools.cache
def _default() -> NumberLexicon:
    """The built-in vocabulary, read on first use (also as `numbers._DEFAULT`), not at import."""
    return load_number_lexicon()


def __getattr__(name: str) -> NumberLexicon:
    if name == "_DEFAULT":
        return _default()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def find_numbers(
    text: str,
    lang: str | None,
    start: int = 0,
    end: int | None = None,
    *,
    lexicon: NumberLexicon | None = None,
    money: bool = False,
    unread: Sequence[tuple[int, int]] = (),
) -> list[NumberMatch]:
    """All quantities in text[start:end] (offsets stay relative to `text`), sorted by start, non-overlapping.

    Sums of money are left out unless `money` is true: then a figure with a currency of
    units.yaml right before or after it ("$5.52 billion", "120 milliards de dirhams") is kept,
    its scale applied, with `currency` set to the ISO code; one whose currency has no code
    there ("500 roubles") is still left out.

    `lang` is an ISO 639-1 code: a language with a pack (consistency/extract/languages/) has
    its own words; None tries those marked `read_when_unknown`; any
    other language gets digits only, read with its decimal mark.

    `unread` spans are ones the caller will not read (figures amid lines of figures alone):
    candidates starting there are dropped before they are judged, the cost of bare numbers.
    """
    g = (lexicon or _default()).grammar(lang)
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, start)
    if lo >= hi:
        return []
    t = _Text(text, _lowered(text), lo, hi)
    windows = g.windows(t)
    blocked = g.blocked(t)
    candidates = g.figures(t, windows)
    if unread:
        skipped = _Spans(unread)
        candidates = [f for f in candidates if not skipped.holds(f.start)]
    if not money:
        return g.assemble(t, [f for f in candidates if g.is_quantity(t, f, blocked)])
    figs = [f for f in candidates if g.is_quantity(t, f, blocked, True)]
    found = g.assemble(t, figs, True)
    plain_figs = [f for f in figs if not g.only_as_money(t, f)]
    if len(plain_figs) == len(figs) and not t.money_read:
        plain = {(m.number_start, m.end) for m in found}  # no currency changed anything: the same reading
    else:
        plain = {(m.number_start, m.end) for m in g.assemble(t, plain_figs)}
    out = []
    for m in found:
        code = g.currency_of(text, m)
        if code is not None:
            out.append(replace(m, currency=code))
        elif (m.number_start, m.end) in plain:
            out.append(m)  # a quantity the default reading keeps too
    return out


def parse_number(s: str, lang: str | None, *, lexicon: NumberLexicon | None = None) -> float | None:
    """The value of a string that is wholly one number ("11 000", "1,5 million", "quatorze mille"); None otherwise."""
    return (lexicon or _default()).grammar(lang).parse(s)
