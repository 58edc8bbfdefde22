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
"""

from __future__ import annotations

import functools
import itertools
import operator
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, NamedTuple, TypeAlias

from text_to_num import text2num

from consistency.errors import InputError
from consistency.extract.datafiles import load_merged
from consistency.extract.languages import load_at_start
from consistency.model import QUALIFIERS, Interval

__all__ = [
    "NumberLexicon",
    "NumberMatch",
    "find_numbers",
    "load_number_lexicon",
    "parse_number",
]

DATA_DIR = Path(__file__).with_name("data")
NUMBER_WORDS_FILE = "number_words.yaml"
QUALIFIERS_FILE = "qualifiers.yaml"
UNITS_FILE = "units.yaml"  # currencies: their symbols, words and ISO codes (money=True)


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """One quantity of a text, with the words that qualify it."""

    start: int  # [start, end) offsets into the text passed in
    end: int
    text: str  # == text[start:end], qualifier words included ("environ 11 000")
    value: Interval  # what the words mean
    point: float | None  # the stated figure; None when there is none ("plusieurs milliers")
    qualifier: str  # one of consistency.model.QUALIFIERS
    unit: str  # "count" or "percent"
    number_start: int  # where the figure itself starts, after the qualifier words
    number_end: int  # where it ends, unit included ("40 %", "1,5 million"); the noun follows
    # "12,000 fewer", "300 de moins", "28 menos": a difference between two figures, not a count
    # or a bound of one (the claim layer decides what to do with it).
    difference: bool = False
    # ISO 4217 code ("USD", "EUR", "MAD") of a currency written right before or after the
    # figure; only find_numbers(..., money=True) returns sums of money, so by default None.
    currency: str | None = None


# --------------------------------------------------------------------------------------------
# Characters, tokens and phrases

_THOUSANDS = "[ \u00a0\u202f\u2009]"  # what groups thousands in "11 000"
_WS = r"[\s\u00a0\u202f\u2009]"
_QUOTES = "\"«»“”„‹›"
_GAP_CHARS = rf"\s\u00a0\u202f\u2009{_QUOTES}"
_GAP = rf"[{_GAP_CHARS}]+"  # between the words of a phrase
_HYPHENS = "-‐‑"
_HYPHEN_CLASS = r"\-‐‑"  # the same, escaped for [...]
_DASH_CLASS = r"\-‐‑–—"
_MAX_NUMBER_WORDS = 24  # "neuf cent quatre-vingt-dix-neuf millions neuf cent…" is 21 words
_MAX_VALUE = 1e15  # beyond, digits are an identifier or a checksum, not a count
_BEFORE_MARGIN = 48  # how far before a trigger word a figure's phrase may start
_AFTER_MARGIN = 64  # how far after it the phrase and its unit may go

# Patterns that scan a whole text open with a lookahead on their first character: the regex
# engine then skips quickly over the characters that cannot start a match.
_DIGITS = re.compile(
    rf"(?=[0-9.,])(?<![\w.,'’])(?:[0-9]{{1,3}}(?:{_THOUSANDS}[0-9]{{3}})+(?![0-9])(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,'’][0-9]+)*"
    r"|(?<![^\s(])[.,][0-9]+(?![.,]?[0-9]))"  # ".08", ",5" after a space: a decimal without its 0
)
# Runs of digit groups that are not one number: phones, ISO and dotted dates, IP addresses.
# Written to open on a plain character class (then look back at what came before it), which
# the regex engine scans for fastest: "+" then digits, or digits.
_DIGIT_RUN = re.compile(
    r"[0-9+](?<![\w.,+].)(?:(?<=\+)[0-9]+(?:[ .\-/][0-9]+)+|(?<=[0-9])[0-9]*(?:[ .\-/][0-9]+){2,})(?![\w])"
)
_ADDRESS_MARKS = ("://", "www.", "@")
_TOKEN = re.compile(r"\w+['’]?|[^\w\s]")
_QUOTE = re.compile(f"[{_QUOTES}]")
_APPOSITION = re.compile(r"[A-Z][\w.'’-]*,[ \t]*\Z")  # "John Smith, " before an age
_CLOCK_DIGITS = re.compile(rf"{_WS}*[hH]{_WS}*[0-9]{{2}}(?![0-9])")  # "11 h 30"
_ADDED_GROUPS = re.compile(rf"{_WS}+([0-9]{{1,3}}(?:{_THOUSANDS}[0-9]{{3}})+)(?![0-9.,])")
_GLUED_UNIT_BEFORE = re.compile(r"[0-9][^\W\d_]{1,3}\Z")  # "5k" just before "-20k"
_LIST_MARK = re.compile(r"[.)]\s")
_NEXT_TOKEN = re.compile(rf"{_WS}*(\w+['’]?|[^\w\s])")
_ORDINAL_DOT = re.compile(r"\.[ \u00a0][^\W\d_]")  # "17. Juni"
_GROUP_SPACE = re.compile(_THOUSANDS)
_LAST_GROUP = re.compile(r"([0-9]{3})(?:[.,]([0-9]+))?")
_SWISS = re.compile(r"([0-9']+)(?:[.,]([0-9]+))?")
_PLAIN_WORD = re.compile(r"\w+")


def _ascii_digits(s: str) -> bool:
    """Only 0-9: "²", "¹" and other digits pass str.isdigit() but int() cannot read them."""
    return s.isdigit() and s.isascii()


def _footnote(s: str) -> bool:
    """"¹", "²": a footnote mark glued to a figure, not a word of the sentence."""
    return bool(s) and not s.strip("⁰¹²³⁴⁵⁶⁷⁸⁹")


def _leading_int(s: str) -> int | None:
    """The value of a token of ASCII digits, a footnote mark allowed after them ("2000¹")."""
    digits = s.rstrip("⁰¹²³⁴⁵⁶⁷⁸⁹")
    return int(digits) if digits and _ascii_digits(digits) else None


@functools.lru_cache(maxsize=8192)
def _norm(token: str) -> str:
    """A token as the phrase tables hold it: lower case, elision spelled out (d' -> de)."""
    t = token.lower().replace("’", "'")
    if len(t) > 1 and t.endswith("'"):
        t = t[:-1] + "e"
    return t


def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_norm(t) for t in _TOKEN.findall(text) if t not in _QUOTES and t not in "'’")


def _phrase_key(text: str) -> str:
    return " ".join(_tokens(text))


def _expand(phrase: str) -> list[str]:
    """'supérieur(e)(s) à' -> its four spellings: "(x)" marks an optional part."""
    parts = re.split(r"\(([^()]*)\)", phrase)
    fixed, optional = parts[0::2], parts[1::2]
    out = []
    for keep in itertools.product((False, True), repeat=len(optional)):
        s = fixed[0]
        for k, opt, rest in zip(keep, optional, fixed[1:]):
            s += (opt if k else "") + rest
        out.append(s)
    return out


def _phrase_pattern(phrase: str) -> str:
    """Regex for a lower-case phrase: any gap between words, either apostrophe, hyphen or gap."""
    words = []
    for word in phrase.lower().split():
        piece = []
        for ch in word:
            if ch in "'’":
                piece.append("['’]")
            elif ch in _HYPHENS:
                piece.append(f"(?:[{_HYPHEN_CLASS}]|{_GAP})")
            else:
                piece.append(re.escape(ch))
        words.append("".join(piece))
    return _GAP.join(words)


def _alternation(phrases: Iterable[str]) -> str:
    """Longest first, so that "des dizaines de milliers" wins over "des dizaines"."""
    unique = sorted({p.lower() for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(_phrase_pattern(p) for p in unique)


def _word_alternation(words: Iterable[str]) -> str:
    """_alternation() of single plain words, factored by prefix when it can be: the same matches
    with the same preference for the longest, but the engine no longer tries every word in turn."""
    unique = {w.lower() for w in words if w}
    if not unique or not all(_PLAIN_WORD.fullmatch(w) for w in unique):
        return _alternation(unique)
    return _trie(unique)


def _scanner(pattern: str, firsts: str | None) -> re.Pattern[str]:
    """Compile a pattern that scans whole windows, opening with a lookahead on its first character."""
    return re.compile(f"(?=[{firsts}]){pattern}" if firsts else pattern)


def _trie(words: Iterable[str]) -> str:
    """A regex alternation factored by prefix: much faster to scan than a flat one."""
    root: dict[str, Any] = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alts = [re.escape(ch) + emit(child) for ch, child in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(root) or "(?!)"


# A word or mark of the text is the match of _TOKEN itself: .group() is its text, .start() and
# .end() its offsets. Wrapping thousands of them in objects of our own would cost more than
# reading them.
_Tok: TypeAlias = "re.Match[str]"


# A few tokens and their lookup forms (_norm), computed once for all the checks that read them.
_Words: TypeAlias = "tuple[list[_Tok], tuple[str, ...]]"


def _norms(toks: Iterable[_Tok]) -> tuple[str, ...]:
    return tuple(map(_norm, map(re.Match.group, toks)))


def _tokens_before(text: str, pos: int, floor: int, count: int = 7) -> list[_Tok]:
    lo = pos - 56 if pos - 56 > floor else floor
    toks = list(_TOKEN.finditer(text, lo, pos))
    if toks and lo > floor and text[lo - 1].isalnum() and toks[0].start() == lo:
        del toks[0]  # the slice cut a word in two
    if _QUOTE.search(text, lo, pos) is None:
        return toks[-count:]  # the usual case: no quote mark to leave out
    return [m for m in toks[-count - 2 :] if m.group() not in _QUOTES][-count:]


def _tokens_after(text: str, pos: int, ceiling: int, count: int = 4) -> list[_Tok]:
    out = []
    for m in _TOKEN.finditer(text, pos, min(ceiling, pos + 60)):
        if m.group() not in _QUOTES:
            out.append(m)
            if len(out) == count:
                break
    return out


class _Phrases:
    """Phrases looked up on the words just before or just after a figure."""

    def __init__(self, entries: Iterable[tuple[str, Any]]) -> None:
        self.table: dict[tuple[str, ...], Any] = {}
        for phrase, value in entries:
            for spelling in _expand(phrase):
                key = _tokens(spelling)
                if key:
                    self.table[key] = value
        self.longest = max((len(k) for k in self.table), default=0)
        self.firsts = {k[0] for k in self.table}
        # The lengths of the phrases that end (or start) with a word, longest first: a lookup
        # tries only those instead of every length up to the longest phrase.
        self._ending: dict[str, tuple[int, ...]] = _lengths_by(self.table, -1)
        self._starting: dict[str, tuple[int, ...]] = _lengths_by(self.table, 0)
        self.ends = frozenset(self._ending)  # the words a phrase can end with

    def ending(self, norms: Sequence[str]) -> tuple[Any, int] | None:
        """The longest phrase that ends the words: (its value, index of its first word)."""
        if not norms or (lengths := self._ending.get(norms[-1])) is None:
            return None
        n = len(norms)
        for k in lengths:
            if k <= n and (key := tuple(norms[n - k :])) in self.table:
                return self.table[key], n - k
        return None

    def starting(self, norms: Sequence[str]) -> tuple[Any, int] | None:
        """The longest phrase that starts the words: (its value, its number of words)."""
        if not norms or (lengths := self._starting.get(norms[0])) is None:
            return None
        for k in lengths:
            if k <= len(norms) and (key := tuple(norms[:k])) in self.table:
                return self.table[key], k
        return None


def _lengths_by(table: Mapping[tuple[str, ...], Any], end: int) -> dict[str, tuple[int, ...]]:
    lengths: dict[str, set[int]] = {}
    for key in table:
        lengths.setdefault(key[end], set()).add(len(key))
    return {word: tuple(sorted(ks, reverse=True)) for word, ks in lengths.items()}


@functools.lru_cache(maxsize=8)
def _lowered(text: str) -> str:
    """text.lower() with the same offsets (a few letters, like "İ", lower to two characters)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


# --------------------------------------------------------------------------------------------
# The vocabulary


@dataclass(frozen=True)
class NumberLexicon:
    """Both data files, merged; the patterns compiled from them are cached per language."""

    words: Mapping[str, Any]
    qualifiers: Mapping[str, Any]
    units: Mapping[str, Any] = field(default_factory=dict)
    _grammars: dict[tuple[tuple[str, ...], str], _Grammar] = field(
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
        key = (langs, conv)
        if key not in self._grammars:
            self._grammars[key] = _Grammar(self, langs, conv)
        return self._grammars[key]


def load_number_lexicon(*extra_dirs: Path) -> NumberLexicon:
    """The built-in vocabulary, merged with the same-named files of `extra_dirs` if present."""
    return NumberLexicon(
        load_merged(DATA_DIR / NUMBER_WORDS_FILE, extra_dirs),
        load_merged(DATA_DIR / QUALIFIERS_FILE, extra_dirs),
        load_merged(DATA_DIR / UNITS_FILE, extra_dirs),
    )


# --------------------------------------------------------------------------------------------
# Reading one figure


def _clean(x: float | None) -> float | None:
    """11000 * 1.1 is 12100.000000000002: keep the digits a reader would write."""
    if x is None:
        return None
    if x % 1 == 0 and -1e12 < x < 1e12:
        return x  # already as written (and most figures are whole)
    return float(f"{x:.12g}")


def _valid_groups(groups: Sequence[str]) -> bool:
    return 1 <= len(groups[0]) <= 3 and groups[0][0] != "0" and all(len(g) == 3 for g in groups[1:])


_UNREADABLE = "unreadable"  # "4,800" in French: 4.8 or 4800? The text cannot tell.


def _read_digits(token: str, conv: str, decimal_hint: bool) -> tuple[float, float, float] | str | None:
    """(value, lead, scale) of a digit token, _UNREADABLE if its separator is ambiguous, None if invalid.

    `conv` is the language's decimal mark: "comma" (fr), "point" (en) or "neutral" (either,
    and a lone mark followed by three digits groups thousands). `decimal_hint`: a scale word
    or a percent sign follows, so "1,500 million" has a decimal part. `lead` and `scale` split
    the value as a reader does for "10 à 12 000": 12 thousand.
    """
    if len(token) > 32:
        return None  # an identifier or a run of digit groups, not a figure
    if _ascii_digits(token):  # most figures: no separator at all
        v = float(token)
        return v, v, 1.0
    t = token.replace("’", "'")
    if t[0] in ".,":
        if conv != "neutral" and (conv == "comma") != (t[0] == ","):
            return None  # ",5" in English, ".5" in French: not a decimal mark there
        v = float("0." + t[1:])
        return v, v, 1.0
    if _GROUP_SPACE.search(t):
        parts = _GROUP_SPACE.split(t)
        last = _LAST_GROUP.fullmatch(parts[-1])
        if last is None or not _valid_groups(parts[:-1] + [last.group(1)]):
            return None
        digits = "".join(parts[:-1]) + last.group(1)
        value = float(digits + "." + last.group(2)) if last.group(2) else float(digits)
        return value, float(parts[0]), 1000.0 ** (len(parts) - 1)
    if "'" in t:  # Swiss grouping: "11'000"
        swiss = _SWISS.fullmatch(t)
        if swiss is None or not _valid_groups(groups := swiss.group(1).split("'")):
            return None
        value = float("".join(groups) + ("." + swiss.group(2) if swiss.group(2) else ""))
        return value, float(groups[0]), 1000.0 ** (len(groups) - 1)
    commas, dots = t.count(","), t.count(".")
    if not commas and not dots:
        v = float(t)
        return v, v, 1.0
    if commas and dots:  # "1,234.5" or "1.234,5": the last mark is the decimal one
        dec_mark = "," if t.rfind(",") > t.rfind(".") else "."
        if t.count(dec_mark) != 1:
            return None
        int_part, dec = t.split(dec_mark)
        groups = int_part.split("." if dec_mark == "," else ",")
        if not _valid_groups(groups):
            return None
        return float("".join(groups) + "." + dec), float(groups[0]), 1000.0 ** (len(groups) - 1)
    mark = "," if commas else "."
    groups = t.split(mark)
    if len(groups) > 2:  # "1.234.567", "1,234,567": only thousands repeat
        if not _valid_groups(groups):
            return None
        return float("".join(groups)), float(groups[0]), 1000.0 ** (len(groups) - 1)
    a, b = groups
    decimal_mark = conv != "neutral" and (conv == "comma") == (mark == ",")
    grouping_mark = conv != "neutral" and not decimal_mark  # "3.500 millones", "1,500 million"
    if len(b) == 3 and _valid_groups(groups) and (grouping_mark or not decimal_hint):
        if decimal_mark:
            return _UNREADABLE  # the language's decimal mark with three decimals
        return float(a + b), float(a), 1000.0
    v = float(a + "." + b)
    return v, v, 1.0


def _text2num(words: str, lang: str) -> float | None:
    try:
        return float(text2num(words, lang))
    except ValueError:
        return None


@dataclass(frozen=True)
class _Spelling:
    """What reading number words of one language needs besides text2num."""

    lang: str
    big: Mapping[str, float]  # scales composed here (text2num lacks some: "billion" in French)
    joiners: frozenset[str]  # "et", "and"
    articles: frozenset[str]  # "a hundred", "un million": 1 before a scale
    aliases: Mapping[str, str]  # spellings text2num does not know ("naught")

    def value(self, words: str) -> float | None:
        norm = re.sub(rf"{_WS}*[{_HYPHEN_CLASS}]{_WS}*", "-", words.lower())
        tokens = [self.aliases.get(t, t) for t in re.sub(rf"{_WS}+", " ", norm).strip().split(" ")]
        if tokens and tokens[0] in self.articles and len(tokens) > 1:
            tokens = tokens[1:]  # "a hundred" is "hundred"
        if not any(p in self.big for t in tokens for p in t.split("-")):
            return _text2num(" ".join(tokens), self.lang)
        total, last_scale, chunk = 0.0, float("inf"), []
        for tok in [p for t in tokens for p in t.split("-")] + [""]:
            if tok and tok not in self.big:
                chunk.append(tok)
                continue
            while chunk and chunk[0] in self.joiners:
                chunk.pop(0)
            while chunk and chunk[-1] in self.joiners:
                chunk.pop()
            if not tok:  # the end: what is left is below the last scale
                rest = _text2num(" ".join(chunk), self.lang) if chunk else 0.0
                return None if rest is None or rest >= last_scale else total + rest
            scale = self.big[tok]
            if scale >= last_scale:
                return None
            single = len(chunk) == 1 and chunk[0] in self.articles
            mult = 1.0 if not chunk or single else _text2num(" ".join(chunk), self.lang)
            if not mult:
                return None
            total += mult * scale
            last_scale, chunk = scale, []
        return None


@dataclass(frozen=True)
class _Qual:
    """A qualifier and the factors of the stated figure that bound its interval (None: open)."""

    name: str
    low: float | None
    high: float | None


class _Figure(NamedTuple):
    """A candidate figure, before its surroundings are judged (a tuple: many are made per text)."""

    start: int
    end: int  # with its unit words ("1,5 million", "40 %")
    core_end: int  # end of the digits or number words themselves
    value: float | None
    low: float | None  # the figure's own interval when it is not a point (vague, rounded)
    high: float | None
    kind: str  # digits | words | rounded | vague | share | ratio | void (words to skip, e.g. "3 billion")
    unit: str = "count"
    lead: float = 0.0  # "12" of "12 000" or of "12 millions", for "10 à 12 000"
    scale: float = 1.0  # 1 when the figure has neither a scale word nor digit groups
    bare: bool = False  # digits alone: could be a year, a day, an hour or an age
    tail_start: int = -1  # where a glued unit starts ("10k", "40%"): letters there are fine
    needs_qualifier: bool = False  # "half" alone is a share only after "more than", "nearly"…


class _Text:
    """The text, its lower-case twin (same offsets) and the window to read."""

    __slots__ = ("raw", "low", "lo", "hi", "_before")

    def __init__(self, raw: str, low: str, lo: int, hi: int) -> None:
        self.raw, self.low, self.lo, self.hi = raw, low, lo, hi
        self._before: dict[int, _Words] = {}

    def before(self, pos: int, floor: int = 0) -> _Words:
        """The few words before pos (not before floor), computed once per position."""
        found = self._before.get(pos)
        if found is None:
            toks = _tokens_before(self.raw, pos, 0)
            found = self._before[pos] = (toks, _norms(toks))
        toks, norms = found
        if not floor or not toks or toks[0].start() >= floor:
            return found
        keep = next((i for i, k in enumerate(toks) if k.start() >= floor), len(toks))
        return toks[keep:], norms[keep:]


_START, _END = operator.itemgetter(0), operator.itemgetter(1)  # of a _Figure

# What a trigger word asks to look for around it.
_DIGIT, _WORDS, _ROUNDED, _VAGUE, _SHARE, _RATIO = 1, 2, 4, 8, 16, 32


class _CompoundRoutes(dict[str, int]):
    """Routes of a language that glues number words: a trigger not in the table is a glued word."""

    def get(self, key: str, default: int = 0) -> int:  # type: ignore[override]
        found = dict.get(self, key)
        if found is not None:
            return found
        return default if key[:1] in "0123456789" else _WORDS | _ROUNDED | _VAGUE | _SHARE | _RATIO


def _words_after(words: Sequence[str], glued: bool = False) -> re.Pattern[str] | None:
    """A pattern for one of `words` right after a figure (after a space unless `glued`)."""
    if not words:
        return None
    return re.compile(rf"{_WS}{'*' if glued else '+'}(?:{_alternation(words)})(?![\w])", re.IGNORECASE)


def _first_chars(phrases: Iterable[str]) -> str | None:
    """A character class of the first characters of `phrases`; None when one may start with a gap."""
    chars: set[str] = set()
    for phrase in phrases:
        first = phrase[:1]
        if not first or first in _HYPHENS or first.isspace():
            return None
        chars.update("'’" if first in "'’" else first)
    return "".join(sorted(re.escape(c) for c in chars))


def _addresses(t: _Text) -> list[tuple[int, int]]:
    """Web and e-mail addresses: the whole run of non-space characters around "://", "www." or "@"."""
    spans = []
    for mark in _ADDRESS_MARKS:
        pos = t.raw.find(mark, t.lo, t.hi)
        while pos >= 0:
            s, e = pos, pos
            while s > t.lo and not t.raw[s - 1].isspace():
                s -= 1
            while e < t.hi and not t.raw[e].isspace():
                e += 1
            spans.append((s, e))
            pos = t.raw.find(mark, e, t.hi)
    return spans


# --------------------------------------------------------------------------------------------
# The grammar of one language (or of French and English together when it is unknown)


class _Grammar:
    """Every pattern and table for a set of spelled languages and a decimal mark."""

    def __init__(self, lex: NumberLexicon, langs: tuple[str, ...], conv: str) -> None:
        self.langs = langs
        self.conv = conv
        self._per = [lex.words.get(lang, {}) for lang in langs]
        self._Q = lex.qualifiers
        self._NQ = lex.words.get("not_quantities", {})
        self.spread = float(self._Q.get("rounded_spread", 0.2))
        self._build_spelled(lex.words)
        self._build_units(lex.words)
        self._build_phrases()
        self._build_qualifiers()
        self._build_context()
        self._build_money(lex.units)
        self._spelled_cache: dict[str, float | None] = {}
        self.routes: dict[str, int] = {}
        for words, route in (
            (self.words, _WORDS | _RATIO),
            (self.collective, _ROUNDED),
            (self._fixed_words, _ROUNDED),
            (self._vague_words, _VAGUE),
            (self.shares, _SHARE),
        ):
            for w in words:
                if w not in self.articles and w not in self.not_counted:
                    self.routes[w] = self.routes.get(w, 0) | route
        # Digits a few marks apart ("14/11/2025", "11 000") are one trigger: their windows would
        # be merged anyway, and a date or a grouped figure then costs one step instead of three.
        first = "".join(sorted({re.escape(w[0]) for w in self.routes}))
        digits = rf"[0-9]+(?:[^\w{first}]{{1,3}}[0-9]+)*"
        spelled = rf"\b{_trie(self.routes)}\b"
        if self.compound:  # "einhundert", "einundzwanzig", "dreitausend": the word may go on
            glue = "|".join(re.escape(j) for j in sorted(self.joiners)) or "(?!)"
            spelled = rf"\b(?:{_trie(self.articles)}(?:{glue})?)?{_trie(self.routes)}"
        self.trigger_re = re.compile(rf"(?=[0-9{first}])(?:{digits}|{spelled})" if self.routes else digits)

    # -- building ------------------------------------------------------------------------------

    def _each(self, section: Mapping[str, Any], key: str) -> list[Any]:
        """Entries of section[key] for our languages (and "any")."""
        sub = section.get(key, {}) or {}
        return [x for lang in ("any", *self.langs) for x in (sub.get(lang) or [])]

    def _merged(self, key: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for lw in self._per:
            out.update(lw.get(key) or {})
        return out

    def _listed(self, key: str) -> list[Any]:
        return [x for lw in self._per for x in (lw.get(key) or [])]

    def _build_spelled(self, W: Mapping[str, Any]) -> None:
        self.words = {w.lower() for w in self._listed("words")}
        self.compound = any(lw.get("compound") for lw in self._per)
        self.joiners = {w.lower() for w in self._listed("joiners")}
        self.not_alone = {w.lower() for w in self._listed("not_alone")}
        self.hundreds = {w.lower() for w in self._listed("hundreds")}
        self.homographs = {k.lower(): {_norm(x) for x in v} for k, v in self._merged("homographs").items()}
        self.scales: dict[str, float | None] = {}  # None: the languages disagree ("billion")
        for lw in self._per:
            for word, value in (lw.get("scales") or {}).items():
                old = self.scales.get(word.lower(), float(value))
                self.scales[word.lower()] = float(value) if old == float(value) else None
        for word in list(self.scales):  # "billions" is as ambiguous as "billion"
            singular = word.rstrip("s")
            if singular != word and singular in self.scales and self.scales[singular] != self.scales[word]:
                self.scales[word] = self.scales[singular] = None
        self.big = {w: v for w, v in self.scales.items() if v is not None and v >= 1e5}
        self.articles = {w.lower() for w in self._listed("articles")}
        self.spellings = [
            _Spelling(
                lang,
                self.big,
                frozenset(j.lower() for j in lw.get("joiners", [])),
                frozenset(a.lower() for a in lw.get("articles", [])),
                {k.lower(): v.lower() for k, v in (lw.get("aliases") or {}).items()},
            )
            for lang, lw in zip(self.langs, self._per)
        ]
        self.unknown_scales = tuple(s.lower() for s in W.get("unknown_language_scales", []))
        if not self.words:
            self.words_re: re.Pattern[str] | None = None
            self.word_token_re = re.compile("(?!)")
            return
        unit = rf"(?:{_word_alternation(self.words)})(?![\w])"
        if self.compound:  # "einhunderteinunddreißig": number words glued, "und" glued between them
            word = _word_alternation(self.words)
            glue = "|".join(re.escape(j) for j in sorted(self.joiners)) or "(?!)"
            unit = rf"(?:{word})(?:(?:{glue})?(?:{word}))*(?![\w])"
        if extra := self.articles - self.words:  # "a hundred", "an estimated…" is no figure
            scale_words = _word_alternation([*self.scales, *self.hundreds])
            unit = rf"(?:(?:{_word_alternation(extra)})(?={_WS}+(?:{scale_words})(?![\w]))|{unit})"
        joiner = "|".join(re.escape(j) for j in sorted(self.joiners)) or "(?!)"
        join = rf"(?:{_WS}*[{_HYPHEN_CLASS}]{_WS}*|{_WS}+(?:(?:{joiner}){_WS}+)?)"
        self.words_re = _scanner(
            rf"(?<![\w{_HYPHEN_CLASS}])(?:{unit})(?:{join}(?:{unit}))*", _first_chars(self.words | extra)
        )
        self.word_token_re = re.compile(unit)

    def _build_units(self, W: Mapping[str, Any]) -> None:
        abbr = W.get("abbreviations", {})
        self.glued = {k: float(v) for k, v in (abbr.get("glued") or {}).items()}
        spaced = [a for a in abbr.get("spaced", []) if a in self.glued]
        scale_alt = _alternation(self.scales)
        self.scale_words_re = re.compile(rf"{_WS}*(?:{scale_alt})(?![\w])") if scale_alt else None
        glued_alt = "|".join(re.escape(a) for a in sorted(self.glued, key=len, reverse=True)) or "(?!)"
        spaced_alt = "|".join(re.escape(a) for a in sorted(spaced, key=len, reverse=True)) or "(?!)"
        self.abbr_re = re.compile(rf"(?:(?P<g>{glued_alt})(?![\w])|{_WS}+(?P<s>{spaced_alt})(?![\w.]))")
        half = self._listed("half")
        self.half_re = re.compile(rf"{_WS}+(?:{_alternation(half)})(?![\w])") if half else None
        words_pc = [p for p in self._listed("percent") if p != "%"]
        pc_alt = rf"{_WS}?%"
        if words_pc:
            pc_alt += rf"|{_WS}+(?:{_alternation(words_pc)})(?![\w])"
        points = _alternation(self._listed("percent_points")) or "(?!)"
        self.percent_re = re.compile(rf"(?:{pc_alt})(?!{_WS}+(?:{points})(?![\w]))")
        # What a scale, an abbreviation or a percent sign can start with: when the next
        # character is none of them, the three patterns above need not be tried.
        starts = _first_chars([*self.scales, *self.glued, *(a.lower() for a in self.glued), *words_pc, "%"])
        self.unit_hint_re = re.compile(rf"{_WS}*[{starts}]") if starts is not None else None

    def _build_phrases(self) -> None:
        number = rf"[0-9]+(?:[.,][0-9]+)?|{_word_alternation(self.words | self.articles)}"
        number_firsts = _first_chars([*"0123456789", *self.words, *self.articles])
        self.collective = {k.lower(): float(v) for k, v in self._merged("collective").items()}
        self.collective_needs_of = {w.lower() for w in self._listed("collective_needs_of")}
        self.collective_of = {k.lower(): float(v) for k, v in self._merged("collective_of").items()}
        self.collective_re = None
        if self.collective:
            of_scale = _word_alternation(self.collective_of)
            of_word = _alternation(w for w in self._listed("share_of") if not w.endswith("'")) or "(?!)"
            self.collective_re = _scanner(
                rf"(?<![\w-])(?P<det>{number})(?![\w]){_GAP}(?P<noun>{_word_alternation(self.collective)})(?![\w-])"
                + (rf"(?:{_WS}+(?:{of_word}){_WS}+(?P<of>{of_scale})(?![\w]))?" if of_scale else ""),
                number_firsts,
            )
        of_words = self._listed("share_of")
        of_alt = "|".join(
            rf"{_WS}*{re.escape(w[:-1])}['’]" if w.endswith("'") else rf"{_WS}+{re.escape(w)}(?![\w])"
            for w in of_words
        )
        self.of_re = re.compile(f"(?:{of_alt})" if of_alt else "(?!)", re.IGNORECASE)
        fixed = self._merged("fixed")
        self.fixed = {_phrase_key(k): float(v) for k, v in fixed.items()}
        self.fixed_re = (
            _scanner(rf"(?<![\w-])(?:{_alternation(fixed)})(?![\w-])", _first_chars(p.lower() for p in fixed))
            if fixed
            else None
        )

        self.shares: dict[str, _Share] = {}
        for noun, spec in self._merged("shares").items():
            spec = spec if isinstance(spec, dict) else {"percent": spec}
            top, _, bottom = str(spec["percent"]).partition("/")  # "100/3" for a third
            percent = float(top) / float(bottom or 1)
            self.shares[noun.lower()] = _Share(percent, bool(spec.get("alone")), bool(spec.get("bare")))
        dets = self._merged("share_determiners")
        self.share_dets = {_phrase_key(k): float(v) for k, v in dets.items()}
        self.share_of = _Phrases((p, True) for p in self._listed("share_of"))
        self.share_not_of = {_norm(w) for w in self._listed("share_not_of")}
        self.share_bare_before = {_norm(w) for w in self._listed("share_bare_before")}
        self.share_not_after = {_norm(w) for w in self._listed("share_not_after")}
        self.share_re = None
        if self.shares:
            bare_nouns = [n for n, s in self.shares.items() if s.bare]
            self.share_re = _scanner(
                rf"(?<![\w-])(?:(?P<det>{_alternation(dets)})(?:{_GAP}|[{_HYPHEN_CLASS}])"
                rf"(?P<noun>{_alternation(self.shares)})|(?P<bare>{_alternation(bare_nouns) or '(?!)'}))(?![\w-])",
                _first_chars([*(d.lower() for d in dets), *bare_nouns]),
            )

        ratio = self._listed("ratio")
        each = _alternation(self._listed("ratio_each")) or "(?!)"
        self.ratio_seps = tuple(f" {w.lower()} " for w in ratio)
        self.ratio_sep_re = re.compile("|".join(map(re.escape, self.ratio_seps))) if self.ratio_seps else None
        self.ratio_with_noun = {
            _phrase_key(p) for lw in self._per if lw.get("ratio_with_noun") for p in lw.get("ratio", [])
        }
        self.ratio_re = self.ratio_tail_re = None
        if ratio and self.words:
            num = rf"(?:[0-9]{{1,4}}|{_word_alternation(self.words)})"
            word = r"[^\W\d_][\w'’-]*"
            tail = rf"(?P<sep>{_alternation(ratio)})(?:{_WS}+(?:{each}))?{_GAP}(?P<b>{num})(?![\w-])"
            self.ratio_re = _scanner(
                rf"(?<![\w-])(?P<a>{num})(?:{_GAP}(?P<mid>(?:{word}{_GAP}){{0,2}}?{word}))??{_GAP}{tail}",
                _first_chars([*"0123456789", *self.words]),
            )
            # Every ratio ends with this ("sur trois"): a window without it has none, and this is
            # much cheaper to look for than the whole pattern.
            self.ratio_tail_re = re.compile(tail)

        vague = {p: v for lang in self.langs for p, v in (self._Q.get("vague", {}).get(lang) or {}).items()}
        self.vague = {_phrase_key(p): (float(v[0]), float(v[1])) for p, v in vague.items()}
        self.vague_re = (
            _scanner(rf"(?<![\w-])(?:{_alternation(vague)})(?![\w-])", _first_chars(p.lower() for p in vague))
            if vague
            else None
        )
        # A vague or fixed phrase always ends with its magnitude word ("des milliers", "half a
        # million"): that word alone is enough to find the phrase.
        self._vague_words = {_tokens(p)[-1] for p in vague}
        self._fixed_words = {_tokens(p)[-1] for p in fixed}

    def _build_qualifiers(self) -> None:
        defaults = {k: tuple(v) for k, v in self._Q.get("defaults", {}).items()}

        def qual(spec: Any) -> _Qual:
            spec = spec if isinstance(spec, dict) else {"qualifier": spec}
            name = spec["qualifier"]
            if name not in QUALIFIERS:
                raise InputError(f"{QUALIFIERS_FILE}: unknown qualifier {name!r}; use one of {', '.join(QUALIFIERS)}")
            low, high = defaults.get(name, (1.0, 1.0))
            low, high = spec.get("low", low), spec.get("high", high)
            return _Qual(name, None if low is None else float(low), None if high is None else float(high))

        def table(key: str) -> list[tuple[str, _Qual]]:
            by_lang = self._Q.get(key, {})
            return [(p, qual(s)) for lang in ("any", *self.langs) for p, s in (by_lang.get(lang) or {}).items()]

        self.before = _Phrases([*table("before"), *((p, None) for p in self._each(self._Q, "not_before"))])
        self.after = _Phrases(table("after"))
        self.after_blocked_by = {_norm(w) for w in self._each(self._Q, "after_blocked_by")}
        self.difference = _Phrases((p, True) for p in self._each(self._Q, "differences"))
        ranges = [self._Q.get("ranges", {}).get(lang) or {} for lang in ("any", *self.langs)]
        self.range_intro = _Phrases(
            (p, frozenset(_phrase_key(c) or c for c in conns)) for r in ranges for p, conns in r.items() if p != "bare"
        )
        self.range_bare = frozenset(_phrase_key(c) or c for r in ranges for c in r.get("bare", []))
        # Every word that joins the two figures of a range ("et", "and", "und", "y", "à", "bis").
        self.range_joins = self.range_bare | frozenset(
            _phrase_key(c) or c for r in ranges for k, conns in r.items() if k != "bare" for c in conns
        )
        self.changes = {_norm(w) for w in self._each(self._Q, "changes")}

    def _build_context(self) -> None:
        nq = self._NQ
        cased = set(nq.get("cased", []))  # their months need the capital: "20 may have died"

        def calendar(key: str, with_case: bool) -> list[str]:
            return [w for lang in self.langs if (lang in cased) == with_case for w in nq.get(key, {}).get(lang, [])]

        self.months_ci = {_norm(m) for m in calendar("months", False)}
        self.months_cs = set(calendar("months", True))
        self.weekdays_ci = {_norm(d) for d in calendar("weekdays", False)}
        self.weekdays_cs = set(calendar("weekdays", True))
        months = ([rf"(?i:{_alternation(self.months_ci)})"] if self.months_ci else []) + (
            ["|".join(re.escape(m) for m in sorted(self.months_cs, key=len, reverse=True))] if self.months_cs else []
        )
        day_range = _alternation(self._each(nq, "day_range")) or "(?!)"
        day_of = _alternation(self._each(nq, "day_month_of"))
        of = rf"(?:{_WS}+(?:{day_of}))?" if day_of else ""  # "17 de julio"
        self.day_month_re = (
            re.compile(
                rf"(?:{_WS}*(?:[{_DASH_CLASS}]|(?i:{day_range})){_WS}*[0-9]{{1,2}}(?:er|st|nd|rd|th)?)?"
                rf"{of}{_WS}+(?:{'|'.join(months)})(?![\w])"
            )
            if months
            else None
        )
        # "17. Juli", "17. bis 19. Juli", "zum 3. Mal": a figure and a dot, then a month or one of these.
        self.ordinal_dot = any(lw.get("ordinal_dot") for lw in self._per)
        self.ordinal_nouns = {_norm(w) for w in self._each(nq, "ordinal_nouns")}
        self.ordinal_range_re = re.compile(
            rf"\.{_WS}*(?:[{_DASH_CLASS}]|(?i:{day_range})){_WS}*[0-9]{{1,2}}\.{_WS}"
        )
        self.before_year = _Phrases((p, True) for p in self._each(nq, "before_year"))
        self.not_counted = {_norm(w) for w in self._each(nq, "not_counted")}
        self.references = _Phrases((p, True) for p in self._each(nq, "references"))
        self.currency_before = _Phrases((p, True) for p in nq.get("currency_before", []))
        self.reference_ends = self.references.ends | self.currency_before.ends
        cur_any = nq.get("currency_after", {}).get("any", [])
        cur_words = [w for lang in self.langs for w in nq.get("currency_after", {}).get(lang, [])]
        self.currency_words = {w.lower() for w in cur_words}
        symbols = "".join(re.escape(c) for c in cur_any if len(c) == 1)
        codes = "|".join(re.escape(c) for c in cur_any if len(c) > 1)
        cur = [rf"{_WS}*[{symbols}]"] if symbols else []
        if codes:
            cur.append(rf"{_WS}+(?:{codes})(?![\w])")
        if cur_words:
            of = "|".join(_phrase_pattern(w) for w in self._listed("share_of")) or "(?!)"
            cur.append(rf"{_WS}+(?:(?:{of}){_WS}*)?(?:{_alternation(cur_words)})(?![\w])")
        self.currency_after_re = re.compile("|".join(cur) or "(?!)", re.IGNORECASE)
        self.furniture_re = _words_after(self._each(nq, "page_furniture"))
        self.age_before = _Phrases((p, True) for p in self._each(nq, "age_before"))
        age_years = self._each(nq, "age_years")
        self.age_years_re = (
            re.compile(rf"(?:{_WS}+|[{_HYPHEN_CLASS}])(?:{_alternation(age_years)})(?![\w])", re.IGNORECASE)
            if age_years
            else None
        )
        self.age_nouns = {_norm(w) for w in self._each(nq, "age_nouns")}
        self.age_unit_re = _words_after(self._listed("age_unit"))
        self.age_links = {_norm(w) for w in self._listed("age_link")}
        self.decimal_words = {_norm(w) for w in self._listed("decimal_words")}
        self.decimal_after_re = _words_after(self._listed("decimal_words"))
        self.age_after_name = any(lw.get("age_after_name") for lw in self._per)
        self.years_before_nouns = any(lw.get("years_before_nouns") for lw in self._per)
        self.nouns_capitalised = any(lw.get("nouns_capitalised") for lw in self._per)
        self.clock_before = _Phrases((p, True) for p in self._each(nq, "clock_before"))
        self.clock_words_re = _words_after(self._each(nq, "clock_words"))
        self.clock_suffix_re = _words_after(self._each(nq, "clock_suffixes"), glued=True)
        self.time_nouns = {_norm(w) for w in self._each(nq, "time_nouns")}
        self.decade_before = {_norm(w) for w in self._each(nq, "decade_before")}

    def _build_money(self, data: Mapping[str, Any]) -> None:
        """Currencies of units.yaml by symbol and word, to their ISO code (its 3-capital symbol)."""
        by_symbol: dict[str, str] = {}
        by_prefix: dict[str, str] = {}
        by_word: dict[str, str] = {}
        for spec in (data.get("units") or {}).values():
            if not isinstance(spec, Mapping) or spec.get("dimension") != "currency":
                continue
            symbols = [str(x) for x in spec.get("symbols") or []]
            code = next((x for x in symbols if re.fullmatch("[A-Z]{3}", x)), None)
            if code is None:
                continue
            for x in symbols:
                by_symbol.setdefault(x, code)
            for x in spec.get("prefixes") or []:
                by_prefix.setdefault(str(x), code)
            for words in (spec.get("words") or {}).values():
                for w in words or []:
                    by_word.setdefault(str(w).casefold(), code)
        self.money_symbols, self.money_prefixes, self.money_words = by_symbol, by_prefix, by_word
        links = [str(w) for ws in (data.get("links") or {}).values() for w in ws or []]

        def alt(xs: Iterable[str]) -> str:
            return "|".join(re.escape(x) for x in sorted(xs, key=lambda x: (-len(x), x))) or "(?!)"

        link = "|".join(
            re.escape(w) + ("" if w[-1] in "'’" else f"{_WS}+") for w in sorted(links, key=len, reverse=True)
        )
        link = link.replace("'", "['’]") if link else "(?!)"
        self.currency_after_code_re = re.compile(
            rf"{_WS}*(?P<s>{alt(by_symbol)})(?!\w)|{_WS}+(?:(?i:{link}))?(?P<w>(?i:{alt(by_word)}))(?![\w])"
        )
        self.currency_prefix_re = re.compile(rf"(?<![\w$])(?P<p>{alt(by_prefix)}){_WS}*\Z")

    def currency_of(self, text: str, m: NumberMatch) -> str | None:
        """The ISO code of the currency written right after or right before a figure."""
        if (after := self.currency_after_code_re.match(text, m.number_end)) is not None:
            if after.group("s"):
                return self.money_symbols.get(after.group("s"))
            return self.money_words.get(after.group("w").casefold())
        if (before := self.currency_prefix_re.search(text, max(0, m.number_start - 6), m.number_start)) is not None:
            return self.money_prefixes.get(before.group("p"))
        return None

    # -- candidates ----------------------------------------------------------------------------

    def figures(self, t: _Text, windows: Sequence[tuple[int, int, int]]) -> list[_Figure]:
        """Candidate figures near each trigger word; of overlapping ones, the first and longest."""
        found: list[_Figure] = []
        for rs, re_, route in windows:
            if route & _DIGIT:
                found.extend(self._digit_figures(t, rs, re_))
            if route & _WORDS:
                found.extend(self._word_figures(t, rs, re_))
            if route & _ROUNDED:
                found.extend(self._rounded_figures(t, rs, re_))
            if route & _VAGUE:
                found.extend(self._vague_figures(t, rs, re_))
            if route & _SHARE:
                found.extend(self._share_figures(t, rs, re_))
            if route & _RATIO and self._may_hold_ratio(t, rs, re_):
                found.extend(self._ratio_figures(t, rs, re_))
        found.sort(key=_END, reverse=True)  # two stable sorts: by start, then the longest first
        found.sort(key=_START)
        out: list[_Figure] = []
        last_end = t.lo
        for f in found:
            if f.start >= last_end:
                out.append(f)
                last_end = f.end
        return out

    def _may_hold_ratio(self, t: _Text, rs: int, re_: int) -> bool:
        return (
            self.ratio_tail_re is not None
            and self.ratio_sep_re is not None
            and self.ratio_sep_re.search(t.low, rs, re_) is not None
            and self.ratio_tail_re.search(t.low, rs, re_) is not None
        )

    def windows(self, t: _Text) -> list[tuple[int, int, int]]:
        """Where figures may be: (start, end, what to look for) around each trigger word."""
        spans: list[tuple[int, int, int]] = []
        lo, hi, routes = t.lo, t.hi, self.routes
        if self.compound:  # "einhunderte…" is in no table: a glued number word may be anything
            routes = _CompoundRoutes(routes)
        start = end = route = -1
        for m in self.trigger_re.finditer(t.low, lo, hi):
            s, e = m.span()
            s = s - _BEFORE_MARGIN if s - _BEFORE_MARGIN > lo else lo
            e = e + _AFTER_MARGIN if e + _AFTER_MARGIN < hi else hi
            if s <= end:  # overlaps the window being built: widen it
                if e > end:
                    end = e
                route |= routes.get(m[0], _DIGIT | _RATIO)
            else:
                if end >= 0:
                    spans.append((start, end, route))
                start, end, route = s, e, routes.get(m[0], _DIGIT | _RATIO)
        if end >= 0:
            spans.append((start, end, route))
        return spans

    def _units(self, t: _Text, pos: int) -> tuple[float | None, int]:
        """A scale word or abbreviation at pos: (its value, or None when ambiguous; where it ends)."""
        if self.scale_words_re is not None and (m := self.scale_words_re.match(t.low, pos, t.hi)):
            return self.scales.get(m.group().strip(" \u00a0\u202f\u2009\t\n")), m.end()
        if m := self.abbr_re.match(t.raw, pos, t.hi):
            return self.glued[m.group("g") or m.group("s")], m.end()
        return 1.0, pos

    def _digit_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        hint, low, hi = self.unit_hint_re, t.low, t.hi
        for m in _DIGITS.finditer(t.raw, rs, re_):
            s, e = m.span()
            token = m.group()
            if hint is not None and hint.match(low, e, hi) is None:  # most figures: a plain number
                if not self.words and self._unknown_scale_follows(t, e):
                    continue  # "1,5 Millionen": a scale word we cannot read
                if _ascii_digits(token) and e - s <= 12:  # "2024", "11000": read as they are
                    value = float(token)
                    yield _Figure(s, e, e, value, None, None, "digits", "count", value, 1.0, True)
                    continue
                reading = _read_digits(token, self.conv, False)
                if not isinstance(reading, tuple) or reading[0] > _MAX_VALUE:
                    continue
                value, lead, group_scale = reading
                yield _Figure(s, e, e, _clean(value), None, None, "digits", "count", lead, group_scale, _ascii_digits(token))
                continue
            scale, end = self._units(t, e)
            if scale is None:  # "billion" in an unknown language: 10^9 or 10^12
                yield _Figure(s, end, end, None, None, None, "void")
                continue
            pc = None if end > e else self.percent_re.match(t.low, e, t.hi)
            reading = _read_digits(token, self.conv, end > e or pc is not None)
            if not isinstance(reading, tuple):
                continue
            value, lead, group_scale = reading
            if value > _MAX_VALUE:
                continue
            if end > e:
                lead, group_scale = value, scale
                value *= scale
                if self.half_re is not None and (h := self.half_re.match(t.low, end, t.hi)):
                    value, end = value + 0.5 * scale, h.end()  # "3 millions et demi"
                elif scale >= 1e6 and (add := _ADDED_GROUPS.match(t.raw, end, t.hi)):
                    extra = _read_digits(add.group(1), self.conv, False)
                    if isinstance(extra, tuple) and extra[0] < scale:
                        value, end = value + extra[0], add.end()  # "2 millions 500 000"
                pc = self.percent_re.match(t.low, end, t.hi)
            elif not self.words and self._unknown_scale_follows(t, e):
                continue  # "1,5 Millionen": a scale word we cannot read
            tail = e if end > e else -1
            if pc is not None:
                end = pc.end()
                tail = e
            bare = end == e and _ascii_digits(token)
            yield _Figure(
                s, end, e, _clean(value), None, None, "digits", "percent" if pc else "count",
                lead, group_scale, bare, tail,
            )

    def _unknown_scale_follows(self, t: _Text, pos: int) -> bool:
        nxt = _tokens_after(t.low, pos, t.hi, 1)
        return bool(nxt) and nxt[0].start() - pos <= 1 and _norm(nxt[0].group()).startswith(self.unknown_scales)

    def _word_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.words_re is None:
            return
        for m in self.words_re.finditer(t.low, rs, re_):
            toks = list(self.word_token_re.finditer(t.low, m.start(), m.end()))
            if any(self.scales.get(k.group(), 0.0) is None for k in toks):  # "billion", language unknown
                yield _Figure(m.start(), m.end(), m.end(), None, None, None, "void")
                continue
            i = 0
            while i < len(toks):  # the longest readable run of words, then the next one
                best: tuple[int, float] | None = None
                for j in range(i + 1, min(len(toks), i + _MAX_NUMBER_WORDS) + 1):
                    value = self._spelled(t.low[toks[i].start() : toks[j - 1].end()])
                    if value is not None:
                        best = (j, value)
                    elif j - (best[0] if best else i) >= 3:
                        break  # "vingt vingt vingt…": no longer run will read either
                if best is None:
                    i += 1
                    continue
                j, value = best
                s, e = toks[i].start(), toks[j - 1].end()
                fig = self._word_figure(t, s, e, value, [k.group() for k in toks[i:j]])
                if fig is not None:
                    yield fig
                i = j

    def _spelled(self, words: str) -> float | None:
        """The value of number words (cached: text2num is slow and the same words come back)."""
        cache = self._spelled_cache
        if words not in cache:
            if len(cache) >= 8192:
                cache.clear()
            cache[words] = self._read_spelled(words)
        return cache[words]

    def _read_spelled(self, words: str) -> float | None:
        for spelling in self.spellings:
            v = spelling.value(words)
            if v is not None:
                return v
        return None

    def _word_figure(self, t: _Text, s: int, e: int, value: float, words: Sequence[str]) -> _Figure | None:
        if words[0] in self.scales or words[0] in self.currency_words:
            before = t.before(s)[0]
            if before and _ascii_digits(before[-1].group()[-1]) and before[-1].end() == s - 1:
                return None  # "322 cents", "3 cent un": the unit of the digits before, not a figure
        if len(words) == 1:
            w = words[0]
            if w in self.not_alone:
                return None  # "un", "une": articles; "millions" without a multiplier
            if w in self.homographs:
                norms = t.before(s)[1]
                nxt = t.raw[e : e + 40].lstrip()[:1]
                if not nxt or nxt in ".,;:!?)" or (norms and norms[-1] in self.homographs[w]):
                    return None  # "un char neuf.", "rien de neuf"
        last = self.scales.get(words[-1]) or (100.0 if words[-1] in self.hundreds else 1.0)
        lead, scale, end = value / last, last, e
        if last > 1 and self.half_re is not None and (h := self.half_re.match(t.low, e, t.hi)):
            value, end = value + 0.5 * last, h.end()  # "un million et demi"
        unit, tail = "count", -1
        if pc := self.percent_re.match(t.low, end, t.hi):
            unit, tail, end = "percent", e, pc.end()
        return _Figure(s, end, e, value, None, None, "words", unit, lead, scale, False, tail)

    def _rounded_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.fixed_re is not None:
            for m in self.fixed_re.finditer(t.low, rs, re_):
                if (v := self.fixed.get(_phrase_key(m.group()))) is not None:
                    yield self._rounded(m.start(), m.end(), v)
        if self.collective_re is None:
            return
        for m in self.collective_re.finditer(t.low, rs, re_):
            noun = m.group("noun")
            if noun in self.collective_needs_of and not self.of_re.match(t.low, m.end("noun")):
                continue  # "une quarantaine" alone is a quarantine
            det = m.group("det")
            if det in self.articles:
                mult: float | None = 1.0
            elif _ascii_digits(det[0]):
                reading = _read_digits(det, self.conv, True)
                mult = reading[0] if isinstance(reading, tuple) else None
            else:
                mult = self._spelled(det)
            if not mult:
                continue
            value = mult * self.collective[noun]
            if m.groupdict().get("of"):
                value *= self.collective_of[m.group("of")]  # "une dizaine de milliers"
            yield self._rounded(m.start(), m.end(), value)

    def _rounded(self, start: int, end: int, value: float) -> _Figure:
        low, high = _clean(value * (1 - self.spread)), _clean(value * (1 + self.spread))
        return _Figure(start, end, end, value, low, high, "rounded")

    def _vague_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.vague_re is None:
            return
        for m in self.vague_re.finditer(t.low, rs, re_):
            if (bounds := self.vague.get(_phrase_key(m.group()))) is not None:
                yield _Figure(m.start(), m.end(), m.end(), None, bounds[0], bounds[1], "vague")

    def _share_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.share_re is None:
            return
        for m in self.share_re.finditer(t.low, rs, re_):
            spec = self.shares[m.group("noun") or m.group("bare")]
            after = _norms(_tokens_after(t.raw, m.end(), len(t.raw), 4))
            of = self.share_of.starting(after)
            if of is not None and len(after) > of[1] and after[of[1]] in self.share_not_of:
                continue  # "un quart d'heure"
            needs_qualifier = False
            if m.group("bare") is not None:
                prev = t.before(m.start())[1]
                if prev and prev[-1] in self.share_not_after:
                    continue  # "the first half of 2024"
                mult = 1.0
                if not (of or (after and after[0] in self.share_bare_before)):
                    needs_qualifier = True  # "more than half were killed"
            else:
                mult = self.share_dets.get(_phrase_key(m.group("det")), 0.0)
                if not spec.alone and of is None:
                    continue  # "un tiers" (a third party), "a third time"
            value = _clean(mult * spec.percent) or 0.0
            if 0 < value <= 100:
                yield _Figure(
                    m.start(), m.end(), m.end(), value, None, None, "share", "percent", value,
                    needs_qualifier=needs_qualifier,
                )

    def _ratio_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.ratio_re is None:
            return
        for m in self.ratio_re.finditer(t.low, rs, re_):
            a, b = self._small(m.group("a")), self._small(m.group("b"))
            if a is None or b is None or not (1 <= a <= 10 and a < b and 2 <= b <= 1000):
                continue  # "6 000 sur 11 000" are two counts, "12 in six boxes" too
            after = _tokens_after(t.raw, m.end(), len(t.raw), 1)
            if after and _norm(after[0].group()) in self.time_nouns:
                continue  # "3 sur 10 jours"
            if m.group("mid"):
                if _phrase_key(m.group("sep")) not in self.ratio_with_noun:
                    continue
                if any(w in self.words for w in re.findall(r"\w+", m.group("mid"))):
                    continue
                if after and after[0].group()[0].isalpha() and _norm(after[0].group()) not in self.not_counted:
                    continue  # "une attaque sur deux fronts"
            value = _clean(100.0 * a / b) or 0.0
            yield _Figure(m.start(), m.end(), m.end(), value, None, None, "ratio", "percent", value)

    def _small(self, s: str) -> float | None:
        if _ascii_digits(s[0]):
            return float(s)
        return 1.0 if s in self.articles else self._spelled(s)

    # -- is it a quantity? ---------------------------------------------------------------------

    def is_quantity(
        self, t: _Text, f: _Figure, blocked: Sequence[tuple[int, int]], money: bool = False
    ) -> bool:
        """Whether a candidate is a quantity; `money`: sums of money are (their currency is read later)."""
        text, kind = t.raw, f.kind
        if kind == "void":
            return False
        for a, b in blocked:
            if a <= f.start < b:
                return False
        if kind == "share" or kind == "ratio":
            return True
        if not money and self.currency_after_re.match(text, f.end):
            return False  # "5 €", "3 millions de dollars"
        if kind == "vague":
            return True
        if kind == "digits" and not self._digits_stand_alone(t, f):
            return False
        if kind == "rounded":
            return True
        if self.furniture_re is not None and self.furniture_re.match(text, f.end):
            return False  # "12 partages"
        before = t.before(f.start)
        toks, norms = before
        if norms and norms[-1] in self.reference_ends and (
            self.references.ending(norms) or (not money and self.currency_before.ending(norms))
        ):
            return False  # "article 4", "n° 12", "$3"
        if len(norms) > 2 and norms[-1] in _HYPHENS and _ascii_digits(norms[-2]):
            if self.references.ending(norms[:-2]):
                return False  # the "123" of "loi n° 2024-123"
        if f.bare and self.words and self._after_name(t, f, toks):
            return False  # "Boeing 737", "selon France 24"
        if len(norms) >= 2 and norms[-1] in self.decimal_words and norms[-2] in self.words:
            return False  # the "cinco" of "dos coma cinco": a spelled decimal part, not a figure
        if f.kind == "words" and self.decimal_after_re is not None and (m := self.decimal_after_re.match(text, f.end)):
            following = text[m.end() : m.end() + 40].split(None, 1)
            word = following[0].strip(".,;:").lower() if following else ""
            if word[:1].isdigit() or word in self.words:
                return False  # the "dos" of "dos coma cinco": 2 is not 2.5
        if f.unit == "percent":
            return True
        value = f.value if f.value is not None else -1.0
        plain = f.bare or (f.kind == "words" and value == int(value))
        if plain and 0 <= value <= 130 and self._is_time_or_age(t, f, before, value):
            return False
        if plain and toks:
            at = -2 if len(norms) > 1 and norms[-1] == "." else -1
            raw, norm = toks[at].group(), norms[at]
            if norm in self.months_ci or raw in self.months_cs or norm in self.weekdays_ci or raw in self.weekdays_cs:
                return False  # "juin 2024", "June 17", "Sept. 11", "vendredi 14"
            if norm in self.decade_before and (value < 100 or 1000 <= value <= 2100):
                return False  # "les années 90"
        if f.bare and 1000 <= value <= 2100 and f.end - f.start == 4:
            return self._count_not_year(t, f, before)
        return True

    def _digits_stand_alone(self, t: _Text, f: _Figure) -> bool:
        """Digits glued to letters, slashes or colons are identifiers, dates or times."""
        text, s, e = t.raw, f.start, f.core_end
        c2, c1 = (text[s - 2 : s] if s > 1 else text[:s]).rjust(2)  # blanks before the start of the text
        if c1 in _HYPHENS and c2.isalpha() and not _GLUED_UNIT_BEFORE.search(text, max(0, s - 8), s - 1):
            return False  # "F-16", "Covid-19", "mi-2024" (but "5k-20k" is a range)
        if c1 in "°#№" or (c1 in "/:" and _ascii_digits(c2)):
            return False
        after, after2 = text[e : e + 2].ljust(2)  # blanks after the end of the text
        if after.isalpha() and f.tail_start != e:
            return False  # "29km", "1er", "3rd", "5G", "1990s", "11h15"
        if f.end > e and text[f.end : f.end + 1].isalpha():
            return False  # "10kg": a unit, not the "k" of thousands
        if after == "°" or (after in "/:" and _ascii_digits(after2)):
            return False  # "25°C", "24/7", "11:15"
        if after in _HYPHENS and after2.isalpha():
            return False  # "25-year-old", "5-star"
        if c1 == "[" and after == "]":
            return False  # a footnote
        if f.bare and text[s] == "0" and e - s > 1:
            return False  # "05", "007": a count is never written with a leading zero
        if f.bare and after in ".)":
            line_start = text.rfind("\n", 0, s) + 1
            if not text[line_start:s].strip(" \t-•*") and _LIST_MARK.match(text, e):
                return False  # "1. ", "2) " numbering a list
            if not self.words and (f.value or 0) <= 31 and _ORDINAL_DOT.match(text, e):
                return False  # "am 17. Juni": a date in a language we have no months for
            if self.ordinal_dot and after == "." and self._ordinal(t, f):
                return False  # "am 17. Juli", "zum 3. Mal"
        if self.day_month_re is not None and f.bare and f.value is not None and 1 <= f.value <= 31:
            if self.day_month_re.match(text, e):
                return False  # "17 juin", "17-18 June"
        return True

    def _ordinal(self, t: _Text, f: _Figure) -> bool:
        """After "N.": a month ("17. Juli", "17. bis 19. Juli") or a noun counted in order ("3. Mal")."""
        e = f.core_end
        if (rng := self.ordinal_range_re.match(t.raw, e, t.hi)) is not None:
            e = rng.end() - 2  # on the dot of the second day
            while t.raw[e] != ".":
                e -= 1
        if not _ORDINAL_DOT.match(t.raw, e):
            return False
        nxt = _tokens_after(t.raw, e + 1, t.hi, 1)
        word = nxt[0].group() if nxt else ""
        if word in self.months_cs or _norm(word) in self.months_ci:
            return (f.value or 0) <= 31
        return _norm(word) in self.ordinal_nouns

    def _after_name(self, t: _Text, f: _Figure, before: Sequence[_Tok]) -> bool:
        """A bare number right after a capitalised word inside a sentence names something."""
        if not before or not before[-1].group()[:1].isupper() or before[-1].end() != f.start - 1:
            return False
        if len(before) < 2 or before[-2].group() in ".!?«»\"“”(":
            return False  # "Les 27 pays": the capital only starts the sentence
        if "\n" in t.raw[before[-2].end() : before[-1].start()]:
            return False  # the capital starts a line (a heading, a list item)
        nxt = t.raw[f.core_end : f.core_end + 2]
        if self.nouns_capitalised:  # "am Abend 300 Tote": every noun has a capital
            return not nxt[:1].isalpha() and not (nxt[:1] == " " and nxt[1:2].isalpha())
        return not nxt[:1].isalpha() and not (nxt[:1] == " " and nxt[1:2].islower())

    def _is_time_or_age(self, t: _Text, f: _Figure, before: _Words, value: float) -> bool:
        text, e = t.raw, f.core_end
        norms = before[1]
        if f.bare and value <= 24:
            if _CLOCK_DIGITS.match(text, e):
                return True  # "11 h 30"
            if self.clock_suffix_re is not None and self.clock_suffix_re.match(text, e):
                return True  # "3 p.m."
            clock_word = self.clock_words_re is not None and self.clock_words_re.match(text, e)
            if clock_word and self.clock_before.ending(norms):
                return True  # "à 11 heures"
        if self.age_before.ending(norms):
            return True  # "âgé de 25 ans", "aged 25"
        if self.age_years_re is not None and self.age_years_re.match(text, e):
            return True  # "25 years old"
        if self.age_unit_re is not None and (ans := self.age_unit_re.match(text, e)):
            if len(norms) >= 2 and norms[-1] in self.age_links and (
                norms[-2] in self.age_nouns or (len(norms) >= 3 and norms[-3] in self.articles)
            ):
                return True  # "un soldat de 19 ans", "un sauveteur de 34 ans": never a count
            prev_char = text[: f.start].rstrip()[-1:]
            next_char = text[ans.end() :].lstrip()[:1]
            if prev_char and next_char and prev_char in ",(" and next_char in ",)":
                return True  # "Jean Dupont, 45 ans, a …"
        if self.age_after_name and f.bare and value <= 120 and text[e : e + 1] == ",":
            if _APPOSITION.search(text, max(0, f.start - 40), f.start):
                return True  # "John Smith, 45, said"
        return False

    def _count_not_year(self, t: _Text, f: _Figure, before: _Words) -> bool:
        """A bare 1000–2100 is a year unless a counted word follows and no time word precedes.

        English also puts years before nouns ("the 2024 election"), so there a bare number from
        1900 on is a count only after a qualifier ("more than 2000 troops").
        """
        toks, norms = before
        if self.before_year.ending(norms):
            return False
        q = self.before.ending(norms)
        qual = q[0].name if q and q[0] is not None else None
        if qual in ("more_than", "at_least", "less_than", "exact"):
            return True  # "plus de 1500", "above 1000": years are not compared that way
        nxt = [k for k in _tokens_after(t.raw, f.end, len(t.raw), 4) if not _footnote(k.group())][:3]
        joined = self.range_joins
        if len(nxt) >= 2 and _norm(nxt[0].group()) in joined and (other := _leading_int(nxt[1].group())) is not None:
            if not 1000 <= other <= 2100:
                return True  # "de 1000 à 5000": 5000 is no year, so neither is 1000
            nxt = nxt[2:]  # "de 1500 à 2000 soldats": the word after the range decides
        partner_count = False  # the first figure of the range is a count even where years come before nouns
        if len(toks) >= 2 and norms[-1] in joined and (other := _leading_int(toks[-2].group())) is not None:
            if not 1000 <= other <= 2100:
                return True  # "de 500 à 1500"
            partner_count = other < 1900
        if not nxt or not self._counted_word(nxt[0]):
            return False
        if self.years_before_nouns and (f.value or 0) >= 1900:
            return qual is not None or partner_count  # "about 2000 troops", "between 1500 and 2000 troops", but "the 2024 election"
        return True

    def _counted_word(self, tok: _Tok) -> bool:
        """Could be what a figure counts: a lower-case word, not a function or time word."""
        first = tok.group()[0]
        if not (first.isalpha() and (first.islower() or self.nouns_capitalised)):
            return False
        norm = _norm(tok.group())
        return norm not in self.not_counted and norm not in self.months_ci

    # -- qualifiers and ranges -----------------------------------------------------------------

    def assemble(self, t: _Text, figs: Sequence[_Figure], money: bool = False) -> list[NumberMatch]:
        out: list[NumberMatch] = []
        cursor = t.lo
        i = 0
        while i < len(figs):
            f = figs[i]
            if f.start < cursor:
                i += 1
                continue
            if i + 1 < len(figs) and (rng := self._range(t, f, figs[i + 1], cursor, money)) is not None:
                out.append(rng)
                cursor = rng.end
                i += 2
                continue
            if (m := self._single(t, f, cursor, money)) is not None:
                out.append(m)
                cursor = m.end
            i += 1
        return out

    def _single(self, t: _Text, f: _Figure, floor: int, money: bool = False) -> NumberMatch | None:
        start, end = f.start, f.end
        qual: _Qual | None = None
        if f.kind != "vague":
            toks, norms = t.before(f.start, floor)
            if money and (sym := self.currency_before.ending(norms)) is not None:
                toks, norms = toks[: sym[1]], norms[: sym[1]]  # "nearly $6 billion": the qualifier is before "$"
            found = self.before.ending(norms)
            if found is not None and found[0] is not None and not self._compared_to(t, f, norms, found[1]):
                qual, start = found[0], toks[found[1]].start()
            if f.kind in ("digits", "words", "rounded") and (post := self._after(t, f.end)) is not None:
                qual, end = post
        difference = f.kind in ("digits", "words") and qual is None and self._difference(t, f.end)
        if f.needs_qualifier and (qual is None or qual.name == "exact"):
            return None
        point = f.value
        if f.kind == "vague":
            value, name = Interval(f.low, f.high), "vague"
        elif qual is None or qual.name == "exact":
            name = "approx" if f.kind == "rounded" else "exact"
            value = Interval(f.low, f.high) if f.kind == "rounded" else Interval(point, point)
        else:
            assert point is not None
            name, lf, hf = qual.name, qual.low, qual.high
            if f.kind == "rounded" and name == "approx":  # "environ une centaine": the wider spread
                lf = min(lf if lf is not None else 1.0, 1 - self.spread)
                hf = max(hf if hf is not None else 1.0, 1 + self.spread)
            high = point * hf if hf is not None else 100.0 if f.kind in ("share", "ratio") else None
            value = Interval(_clean(point * lf) if lf is not None else None, _clean(high))
        return NumberMatch(start, end, t.raw[start:end], value, point, name, f.unit, f.start, f.end, difference)

    def _difference(self, t: _Text, pos: int) -> bool:
        """"12,000 fewer", "300 de moins", "28 menos": the figure is a difference, not a count."""
        peek = _NEXT_TOKEN.match(t.raw, pos, t.hi)
        if peek is None or _norm(peek.group(1)) not in self.difference.firsts:
            return False  # most figures
        toks = _tokens_after(t.raw, pos, t.hi, self.difference.longest)
        return self.difference.starting(_norms(toks)) is not None

    def _compared_to(self, t: _Text, f: _Figure, norms: Sequence[str], first: int) -> bool:
        """"12,000 fewer than 50,000": "fewer than" says how far apart two figures are, not a bound of 50,000."""
        if norms[first] not in self.difference.firsts:
            return False
        full_toks, full = t.before(f.start)
        k = len(full) - (len(norms) - first) - 1
        return k >= 0 and (_leading_int(full[k]) is not None or full[k] in self.words)

    def _after(self, t: _Text, pos: int) -> tuple[_Qual, int] | None:
        peek = _NEXT_TOKEN.match(t.raw, pos, t.hi)
        if peek is None or _norm(peek.group(1)) not in self.after.firsts:
            return None  # most figures: no qualifier after them
        toks = _tokens_after(t.raw, pos, t.hi, self.after.longest or 1)
        found = self.after.starting(_norms(toks)) if toks else None
        if found is None:
            return None
        qual, k = found
        if toks[0].group() == "+":
            if toks[0].start() != pos or _ascii_digits(t.raw[pos + 1 : pos + 2]):
                return None  # "1 000 + 500" is a sum, "1,000+" is "at least"
        elif not t.raw[pos : toks[0].start()].isspace():
            return None
        nxt = _NEXT_TOKEN.match(t.raw, toks[k - 1].end(), t.hi)
        if nxt is not None and (_ascii_digits(nxt.group(1)[0]) or _norm(nxt.group(1)) in self.after_blocked_by):
            return None  # "moins de 10 et plus de 40": "et plus" belongs to what follows
        return qual, toks[k - 1].end()

    def _range(self, t: _Text, a: _Figure, b: _Figure, floor: int, money: bool = False) -> NumberMatch | None:
        if a.kind not in ("digits", "words") or b.kind not in ("digits", "words"):
            return None
        if a.value is None or b.value is None or b.start - a.end > 12:
            return None
        joint = t.raw[a.end : b.start]
        if money and (cur := self.currency_prefix_re.search(joint)) is not None:
            joint = joint[: cur.start()] + " "  # "$10 billion to $15 billion"
        conn = _phrase_key(joint) or joint.strip()
        if not conn:
            return None
        toks, norms = t.before(a.start, floor)
        if money and (sym := self.currency_before.ending(norms)) is not None:
            toks, norms = toks[: sym[1]], norms[: sym[1]]  # "between $10 billion and…"
        qual = self.before.ending(norms)
        if qual is not None and qual[0] is not None and qual[0].name != "approx":
            return None  # "plus de 10 à 12" is not a range
        start, allowed = a.start, self.range_bare
        if (intro := self.range_intro.ending(norms)) is not None:
            first = intro[1]
            if first > 0 and norms[first - 1] in self.changes:
                return None  # "passé de 200 à 300": a change between two figures
            if conn in intro[0]:
                allowed, start = intro[0], toks[first].start()
                q2 = self.before.ending(norms[:first])
                if q2 is not None and q2[0] is not None and q2[0].name == "approx":
                    start = toks[q2[1]].start()  # "environ entre 10 et 12"
        elif qual is not None and qual[0] is not None:
            start = toks[qual[1]].start()  # "environ 10 à 12 000"
        if conn not in allowed:
            return None
        low, high = a.value, b.value
        if a.scale == 1 and b.scale > 1 and low < b.lead:
            low *= b.scale  # "10 à 12 000", "10–12,000", "2 à 3 millions"
        if not low < high:
            return None  # a score or a change ("3-1", "5 à 3"), not a range
        unit = "percent" if "percent" in (a.unit, b.unit) else "count"
        return NumberMatch(start, b.end, t.raw[start : b.end], Interval(low, high), low, "range", unit, a.start, b.end)

    # -- the rest --------------------------------------------------------------------------------

    def blocked(self, t: _Text) -> list[tuple[int, int]]:
        """Spans that hold digits but no quantity: web addresses, phone numbers, dates, IP addresses.

        One scan of the whole text finds the same runs as a scan of each window would: a run is
        all digits but for single marks, so it lies well inside the window of its digits.
        """
        spans = [] if t.raw.find("@", t.lo, t.hi) < 0 and t.raw.find("://", t.lo, t.hi) < 0 else _addresses(t)
        for m in _DIGIT_RUN.finditer(t.raw, t.lo, t.hi):
            run = m.group()
            if "-" not in run and "/" not in run and "+" not in run and _DIGITS.fullmatch(run):
                if isinstance(_read_digits(run, self.conv, False), tuple):
                    continue  # "1 234 567" is one number
            spans.append(m.span())
        return spans

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


@dataclass(frozen=True)
class _Share:
    percent: float
    alone: bool  # needs no "de/of" after it ("la moitié")
    bare: bool  # needs no determiner before it ("half the troops")


_DEFAULT = load_number_lexicon()
for _lang in (*load_at_start(), None):
    _DEFAULT.grammar(_lang)  # compile the patterns at import, not on the first article


def find_numbers(
    text: str,
    lang: str | None,
    start: int = 0,
    end: int | None = None,
    *,
    lexicon: NumberLexicon | None = None,
    money: bool = False,
) -> list[NumberMatch]:
    """All quantities in text[start:end] (offsets stay relative to `text`), sorted by start, non-overlapping.

    Sums of money are left out unless `money` is true: then a figure with a currency of
    units.yaml right before or after it ("$5.52 billion", "120 milliards de dirhams") is kept,
    its scale applied, with `currency` set to the ISO code; one whose currency has no code
    there ("500 roubles") is still left out.

    `lang` is an ISO 639-1 code: a language with a pack (consistency/extract/languages/) has
    its own words; None tries those marked `read_when_unknown`; any
    other language gets digits only, read with its decimal mark.
    """
    g = (lexicon or _DEFAULT).grammar(lang)
    hi = len(text) if end is None else max(0, min(end, len(text)))
    lo = max(0, start)
    if lo >= hi:
        return []
    t = _Text(text, _lowered(text), lo, hi)
    windows = g.windows(t)
    blocked = g.blocked(t)
    if not money:
        return g.assemble(t, [f for f in g.figures(t, windows) if g.is_quantity(t, f, blocked)])
    figs = g.figures(t, windows)
    found = g.assemble(t, [f for f in figs if g.is_quantity(t, f, blocked, True)], True)
    plain = {(m.number_start, m.end) for m in g.assemble(t, [f for f in figs if g.is_quantity(t, f, blocked)])}
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
    return (lexicon or _DEFAULT).grammar(lang).parse(s)
