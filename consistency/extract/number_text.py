"""Characters, tokens and phrases: the text primitives every step of reading figures uses.

The separators and marks of figures, the words just before and after a position, phrases
as token tuples, and tries of words compiled into one regular expression.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, TypeAlias

from consistency.lazy_re import lazy_cached_compile
from consistency.matching import longest_first, trie
from consistency.regex_cache import compile as rx_compile

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
# A figure after an elided one-letter word ("plus d'1 million") is read; after any other
# apostrophe ("'90s", "rock'n'roll") it is not.
_DIGITS = lazy_cached_compile(
    rf"(?=[0-9.,])(?<![\w.,])(?:(?<!['’])|(?<=(?<![\w'’])[^\W\d_]['’]))(?:[0-9]{{1,3}}(?:{_THOUSANDS}[0-9]{{3}})+(?![0-9])(?:[.,][0-9]+)?"
    r"|[0-9]+(?:[.,'’][0-9]+)*"
    r"|(?<![^\s(])[.,][0-9]+(?![.,]?[0-9]))"  # ".08", ",5" after a space: a decimal without its 0
)
# Runs of digit groups that are not one number: phones, ISO and dotted dates, IP addresses.
# Written to open on a plain character class (then look back at what came before it), which
# the regex engine scans for fastest: "+" then digits, or digits.
_DIGIT_RUN = lazy_cached_compile(
    r"[0-9+](?<![\w.,+].)(?:(?<=\+)[0-9]+(?:[ .\-/][0-9]+)+|(?<=[0-9])[0-9]*(?:[ .\-/][0-9]+){2,})(?![\w])"
)
_ADDRESS_MARKS = ("://", "www.", "@")
_TOKEN = lazy_cached_compile(r"\w+['’]?|[^\w\s]")
_QUOTE = lazy_cached_compile(f"[{_QUOTES}]")
_APPOSITION = lazy_cached_compile(r"[A-Z][\w.'’-]*,[ \t]*\Z")  # "John Smith, " before an age
_CLOCK_DIGITS = lazy_cached_compile(rf"{_WS}*[hH]{_WS}*[0-9]{{2}}(?![0-9])")  # "11 h 30"
_ADDED_GROUPS = lazy_cached_compile(rf"{_WS}+([0-9]{{1,3}}(?:{_THOUSANDS}[0-9]{{3}})+)(?![0-9.,])")
# "mil 37", "2 mil 500": the units written in digits after a spelled thousand (never a list,
# "mil, 37", nor the start of a longer figure, "mil 500 000").
_ADDED_UNITS = lazy_cached_compile(rf"{_THOUSANDS}([0-9]{{1,3}})(?![.,'’]?[0-9])(?![\w-])(?!{_THOUSANDS}[0-9])")
_YEAR_LIKE = lazy_cached_compile(r"(?:1[89]|20)[0-9]{2}")  # "2023" before "mil personas" is a year
_GLUED_UNIT_BEFORE = lazy_cached_compile(r"[0-9][^\W\d_]{1,3}\Z")  # "5k" just before "-20k"
_LIST_MARK = lazy_cached_compile(r"[.)]\s")
_NEXT_TOKEN = lazy_cached_compile(rf"{_WS}*(\w+['’]?|[^\w\s])")
_ORDINAL_DOT = lazy_cached_compile(r"\.[ \u00a0][^\W\d_]")  # "17. Juni"
_GROUP_SPACE = lazy_cached_compile(_THOUSANDS)
_LAST_GROUP = lazy_cached_compile(r"([0-9]{3})(?:[.,]([0-9]+))?")
_SWISS = lazy_cached_compile(r"([0-9']+)(?:[.,]([0-9]+))?")
_PLAIN_WORD = lazy_cached_compile(r"\w+")


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


@functools.lru_cache(maxsize=4096)
def _phrase_key(text: str) -> str:
    """The tokens of a phrase as the tables hold them, joined (cached: the gaps between two
    figures and the phrases of a text come back again and again)."""
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
    return longest_first((p.lower() for p in phrases if p), _phrase_pattern)


def _word_alternation(words: Iterable[str]) -> str:
    """_alternation() of single plain words, factored by prefix when it can be: the same matches
    with the same preference for the longest, but the engine no longer tries every word in turn."""
    unique = {w.lower() for w in words if w}
    if not unique or not all(_PLAIN_WORD.fullmatch(w) for w in unique):
        return _alternation(unique)
    return _trie(unique)


def _scanner(pattern: str, firsts: str | None) -> re.Pattern[str]:
    """Compile a pattern that scans whole windows, opening with a lookahead on its first character."""
    return rx_compile(f"(?=[{firsts}]){pattern}" if firsts else pattern)


def _trie(words: Iterable[str]) -> str:
    """A regex alternation factored by prefix: much faster to scan than a flat one (`matching.trie`)."""
    return trie((word, "") for word in words if word)


# A word or mark of the text is the match of _TOKEN itself: .group() is its text, .start() and
# .end() its offsets. Wrapping thousands of them in objects of our own would cost more than
# reading them.
_Tok: TypeAlias = "re.Match[str]"


# A few tokens and their lookup forms (_norm), computed once for all the checks that read them.
_Words: TypeAlias = "tuple[list[_Tok], tuple[str, ...]]"


def _norms(toks: Iterable[_Tok]) -> tuple[str, ...]:
    return tuple(map(_norm, map(re.Match.group, toks)))


_NEAR = 20  # characters: among figures and marks ("1, 2, 3", lines of bare numbers) enough for the tokens


def _tokens_before(text: str, pos: int, floor: int, count: int = 7) -> list[_Tok]:
    if pos - _NEAR > floor:
        # Dense text first: the tokenizer reads the same tokens from any start once past the
        # first (which may be cut), so enough tokens in a short window are the same last ones.
        near = list(_TOKEN.finditer(text, pos - _NEAR, pos))
        if len(near) > count + 2:
            if _QUOTE.search(text, pos - _NEAR, pos) is None:
                return near[-count:]
            return [m for m in near[-count - 2 :] if m.group() not in _QUOTES][-count:]
    lo = pos - _FAR if pos - _FAR > floor else floor
    toks = list(_TOKEN.finditer(text, lo, pos))
    if toks and lo > floor and text[lo - 1].isalnum() and toks[0].start() == lo:
        del toks[0]  # the slice cut a word in two
    if _QUOTE.search(text, lo, pos) is None:
        return toks[-count:]  # the usual case: no quote mark to leave out
    return [m for m in toks[-count - 2 :] if m.group() not in _QUOTES][-count:]


_FAR = 56  # characters: the window `_tokens_before` reads when the near one holds too few tokens


class _TokenIndex:
    """Every token of a stretch of text and its lookup form, from one scan: where figures are
    dense (lines of bare numbers, a long list of figures) the words before each figure are then
    a bisection away instead of a fresh scan of a window. `before` gives exactly what
    `_tokens_before` gives (with `_norms` of it), or None where a window would cut a token
    otherwise than the one scan did."""

    __slots__ = ("text", "synced", "toks", "norms", "starts", "ends")

    def __init__(self, text: str, lo: int, hi: int) -> None:
        self.text = text
        self.toks = list(_TOKEN.finditer(text, lo, hi))
        self.norms = [_norm(m.group()) for m in self.toks]
        self.starts = [m.start() for m in self.toks]
        self.ends = [m.end() for m in self.toks]
        # Past its first token (which may be cut), a scan is in step with one from any earlier start.
        self.synced = self.ends[0] if lo > 0 and self.toks else lo

    def before(self, pos: int, count: int = 7) -> tuple[list[_Tok], tuple[str, ...]] | None:
        text = self.text
        if pos <= 0 or pos > len(text):
            return None
        last = text[pos - 1]
        if last.isalnum() or last == "_":
            return None  # a word may run on past pos: a window ending there cuts it
        j = bisect.bisect_right(self.ends, pos)  # the tokens that end by pos
        if pos - _NEAR > 0:
            lo = pos - _NEAR
            if lo < self.synced:
                return None
            k = bisect.bisect_left(self.starts, lo)
            cut = 1 if k > 0 and self.ends[k - 1] > lo else 0
            if cut + max(0, j - k) > count + 2:
                return self._last(j - count - 2, j, count, _QUOTE.search(text, lo, pos) is not None)
        lo = pos - _FAR if pos - _FAR > 0 else 0
        if lo < self.synced:
            return None
        k = bisect.bisect_left(self.starts, lo)
        if k > 0 and self.ends[k - 1] > lo:  # the window starts inside a token
            if not text[lo - 1].isalnum():
                return None  # the window keeps that token's end: read it the usual way
        elif k < j and lo > 0 and text[lo - 1].isalnum() and self.starts[k] == lo:
            k += 1  # the window drops a first token glued to a word before it
        return self._last(max(k, j - count - 2), max(k, j), count, _QUOTE.search(text, lo, pos) is not None)

    def _last(self, a: int, j: int, count: int, quoted: bool) -> tuple[list[_Tok], tuple[str, ...]]:
        """The last `count` tokens of toks[a:j] (a holds two more), quote marks left out."""
        if not quoted:
            b = max(a, j - count)
            return self.toks[b:j], tuple(self.norms[b:j])
        toks = [m for m in self.toks[a:j] if m.group() not in _QUOTES][-count:]
        return toks, _norms(toks)


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
