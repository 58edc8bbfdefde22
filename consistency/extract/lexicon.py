"""Lexicons: the words that name categories, events, actors, places and origins.

They are YAML data files in `consistency/extract/data/`, and users extend them with
`--lexicon DIR` (a file of the same name there is merged entry by entry). This module turns
them into compiled matchers once, so extraction never scans word lists in Python loops.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol, cast

from consistency import table_cache
from consistency.errors import InputError
from consistency.extract import times as time_grammar
from consistency.extract.datafiles import load_merged, merge, read_mapping
from consistency.extract.languages import builtin_packs_valid, entity_language, pack_folders
from consistency.extract.numbers import NumberLexicon, load_number_lexicon
from consistency.extract.schema import SCHEMA_FILE, lexicon_problems, pack_problems, raise_problems
from consistency.extract.times import TimeGrammar
from consistency.matching import build_trie, longest_first, normalise
from consistency.regex_cache import compile as rx_compile

DATA_DIR = Path(__file__).parent / "data"
_APOSTROPHES = "'’ʼ`"  # read as one class in lexicon regexes
_WORD = r"[\w]"


# A phrase starts and ends at word edges; one that ends on an elided article ("d'", "l'",
# "qu'") is glued to the next word ("d'aide", "l'eau") and has no edge there.
_EDGE_L, _EDGE_R = r"(?<![\w‐‑-])", r"(?:(?<=['’ʼ`])|(?![\w‐‑]))"

_WILD = "*"  # an entry ending so matches any ending of its word ("évacu*")


def _atoms(entry: str, cased: bool = False) -> tuple[list[str], str]:
    """One regex atom per character of an entry (apostrophes, spaces and hyphens are
    classes), and what follows its last one. A `cased` entry ("TER", "UN") keeps its
    capitals: it is matched case-sensitively."""
    wildcard = entry.endswith(_WILD)
    atoms: list[str] = []
    for ch in entry.rstrip(_WILD):
        if ch in _APOSTROPHES:
            atoms.append("['’ʼ`]")
        elif ch.isspace():
            if not atoms or atoms[-1] != r"\s+":
                atoms.append(r"\s+")
        elif ch == "-":
            atoms.append(r"[-‐‑]")
        else:
            atoms.append(re.escape(ch) if cased or ch.casefold() != ch.lower() else re.escape(ch.casefold()))
    return atoms, (r"[\w'’-]*" if wildcard else "")


def _trie_pattern(entries: Iterable[str], cased: bool = False) -> str:
    """One regex for many phrases, with shared prefixes factored out (`matching.trie`);
    from the disk cache of tables when these phrases were seen before (`table_cache`)."""
    phrases = sorted(set(entries))  # the trie does not depend on their order: neither does the key
    return table_cache.memo(  # type: ignore[no-any-return]
        "lexicon-trie", (str(cased), *phrases), lambda: build_trie((_atoms(p, cased) for p in phrases), atom=str)
    )


def _terms_state(entries: Iterable[tuple[str, str]]) -> tuple[list[str], list[str], str, str, dict[str, str], list[tuple[str, str]]]:
    """What `Terms` is made of: its case-insensitive and cased phrases with their trie
    patterns, its exact phrases' keys and its wildcard prefixes, longest first."""
    ci: list[str] = []
    cs: list[str] = []
    literal: dict[str, str] = {}
    prefixes: list[tuple[str, str]] = []
    # Longest first so that "tués ou blessés" is the key of its own words, not "tués".
    for phrase, key in sorted(set(entries), key=lambda e: (-len(e[0]), e)):
        target = cs if (phrase.isupper() and len(phrase) <= 5) else ci
        target.append(phrase)
        if phrase.endswith("*"):
            prefixes.append((normalise(phrase[:-1]), key))
        else:
            literal.setdefault(normalise(phrase), key)
    prefixes.sort(key=lambda p: -len(p[0]))
    return ci, cs, _trie_pattern(ci) if ci else "", _trie_pattern(cs, cased=True) if cs else "", literal, prefixes


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    text: str


SHORT_TEXT = 64  # characters: a text this short scanned whole is remembered with its matches
SHORT_TEXTS_KEPT = 4096  # per table; then forgotten all at once


@dataclass(frozen=True)
class Terms:
    """A table of phrases mapped to keys, compiled into one regex.

    All-capital short entries ("NIS", "AP") are matched case-sensitively so that ordinary
    words do not trigger them.
    """

    entries: tuple[tuple[str, str], ...]  # (phrase, key)
    _regexes: tuple[re.Pattern[str], ...] = field(init=False, repr=False, compare=False)
    _literal: Mapping[str, str] = field(init=False, repr=False, compare=False)
    _prefixes: tuple[tuple[str, str], ...] = field(init=False, repr=False, compare=False)
    _keys: dict[str, str | None] = field(init=False, repr=False, compare=False, default_factory=dict)
    _short: dict[str, tuple[Match, ...]] = field(init=False, repr=False, compare=False, default_factory=dict)
    _phrases: tuple[tuple[str, ...], tuple[str, ...]] = field(init=False, repr=False, compare=False, default=((), ()))

    def __post_init__(self) -> None:
        # What the entries make is plain data kept in the table cache: sorting and
        # normalising every phrase of every table again was a tenth of a one-article run.
        entries = sorted(set(self.entries))
        ci, cs, ci_pattern, cs_pattern, literal, prefixes = table_cache.memo(
            "lexicon-terms", (repr(entries),), lambda: _terms_state(entries)
        )
        regexes = []
        edge_l, edge_r = _EDGE_L, _EDGE_R
        if ci:
            regexes.append(rx_compile(edge_l + "(?:" + ci_pattern + ")" + edge_r, re.IGNORECASE))
        if cs:
            regexes.append(rx_compile(edge_l + "(?:" + cs_pattern + ")" + edge_r))
        object.__setattr__(self, "_phrases", (tuple(ci), tuple(cs)))
        object.__setattr__(self, "_regexes", tuple(regexes))
        object.__setattr__(self, "_literal", literal)
        object.__setattr__(self, "_prefixes", tuple(prefixes))

    def key_of(self, matched: str) -> str | None:
        try:
            return self._keys[matched]
        except KeyError:
            key = self._keys[matched] = self._key_of(matched)
            return key

    def _key_of(self, matched: str) -> str | None:
        norm = normalise(matched)
        if norm in self._literal:
            return self._literal[norm]
        for prefix, key in self._prefixes:
            if norm.startswith(prefix):
                return key
        return None

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        """Non-overlapping matches in text[start:end], in order of position."""
        end = len(text) if end is None else end
        if start == 0 and end == len(text) <= SHORT_TEXT:
            # a name or a few words asked about on their own ("an origin's name?"): the same
            # ones come back sentence after sentence, and the answer depends on them alone
            known = self._short.get(text)
            if known is None:
                if len(self._short) >= SHORT_TEXTS_KEPT:
                    self._short.clear()
                known = self._short[text] = tuple(self._finditer(text, 0, end))
            return iter(known)
        return iter(self._finditer(text, start, end))

    def _finditer(self, text: str, start: int, end: int) -> list[Match]:
        if len(self._regexes) == 1:  # most tables: one regex, its matches already in order and apart
            key_of = self.key_of
            return [Match(m.start(), m.end(), key, m.group())
                    for m in self._regexes[0].finditer(text, start, end) if (key := key_of(m.group())) is not None]
        found: list[Match] = []
        for rx in self._regexes:
            for m in rx.finditer(text, start, end):
                key = self.key_of(m.group())
                if key is not None:
                    found.append(Match(m.start(), m.end(), key, m.group()))
        if len(self._regexes) > 1:
            found.sort(key=lambda hit: (hit.start, -hit.end))
            kept: list[Match] = []
            for hit in found:
                if not kept or hit.start >= kept[-1].end:
                    kept.append(hit)
            found = kept
        return found

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        """The first of `finditer`'s matches, found without scanning the rest of the span: each
        regex stops at its first match with a key, and the earliest (longest at a tie) wins,
        as `finditer` would order them. Asked tens of times per sentence."""
        end = len(text) if end is None else end
        if start == 0 and end == len(text) <= SHORT_TEXT:
            return next(self.finditer(text, start, end), None)  # remembered with its matches
        best: Match | None = None
        for rx in self._regexes:
            for m in rx.finditer(text, start, end):
                key = self.key_of(m.group())
                if key is None:
                    continue
                if best is None or (m.start(), -m.end()) < (best.start, -best.end):
                    best = Match(m.start(), m.end(), key, m.group())
                break
        return best

    def at(self, text: str, pos: int, end: int | None = None) -> Match | None:
        """The match that starts exactly at `pos`, if any."""
        end = len(text) if end is None else end
        best = None
        for rx in self._regexes:
            m = rx.match(text, pos, end)
            if m and (best is None or m.end() > best.end()):
                best = m
        if best is None:
            return None
        key = self.key_of(best.group())
        return Match(best.start(), best.end(), key, best.group()) if key else None




def _scanner(tables: Mapping[str, Terms]) -> re.Pattern[str]:
    """One regex that finds, at each place where any table matches, every table's match there.

    Scanning a text costs the same per character whatever the lexicon; doing it once for
    all the tables extraction consults, instead of once per table, is what keeps it cheap.
    """
    ci_all = sorted({p for t in tables.values() for p in t._phrases[0]})
    cs_all = sorted({p for t in tables.values() for p in t._phrases[1]})
    gate = [_trie_pattern(ci_all)] if ci_all else []
    if cs_all:
        gate.append("(?-i:" + _trie_pattern(cs_all, cased=True) + ")")
    looks = []
    for name, t in tables.items():
        alts = [_trie_pattern(t._phrases[0])] if t._phrases[0] else []
        if t._phrases[1]:
            alts.append("(?-i:" + _trie_pattern(t._phrases[1], cased=True) + ")")
        if alts:
            looks.append(f"(?=(?P<{name}>{'|'.join(alts)}){_EDGE_R})?")
    return rx_compile(_EDGE_L + "(?=(?:" + "|".join(gate) + ")" + _EDGE_R + ")" + "".join(looks), re.IGNORECASE)


class IndexedTerms:
    """A table's matches over one whole text, found in one pass.

    Extraction asks many small questions per sentence ("an actor between here and there?");
    answering them from one scan by bisection instead of one regex call each is what keeps
    it fast. Other texts fall through to the table itself.
    """

    def __init__(self, terms: Terms, text: str, matches: Sequence[Match]) -> None:
        self.terms = terms
        self.text = text
        self.matches = tuple(matches)
        self.starts = [m.start for m in self.matches]
        self.ends = [m.end for m in self.matches]
        # Matches that neither overlap nor are empty end in the order they start: those inside
        # a span are then one slice, found by two bisections (`finditer`).
        self._apart = all(m.start < m.end for m in self.matches) and all(
            a.end <= b.start for a, b in zip(self.matches, self.matches[1:]))

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        if text is not self.text:
            return self.terms.finditer(text, start, end)
        end = len(text) if end is None else end
        i = bisect.bisect_left(self.starts, start)
        if self._apart:
            return iter(self.matches[i:max(i, bisect.bisect_right(self.ends, end))])
        out = []
        while i < len(self.matches) and self.matches[i].start < end:
            if self.matches[i].end <= end:
                out.append(self.matches[i])
            i += 1
        return iter(out)

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        """The first match of `finditer`, without collecting the others."""
        if text is not self.text:
            return self.terms.search(text, start, end)
        end = len(text) if end is None else end
        matches = self.matches
        for i in range(bisect.bisect_left(self.starts, start), len(matches)):
            if matches[i].start >= end:
                break
            if matches[i].end <= end:
                return matches[i]
        return None

    def at(self, text: str, pos: int, end: int | None = None) -> Match | None:
        if text is not self.text:
            return self.terms.at(text, pos, end)
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.matches) and self.matches[i].start == pos and (end is None or self.matches[i].end <= end):
            return self.matches[i]
        return None

    def key_of(self, matched: str) -> str | None:
        return self.terms.key_of(matched)


class TermTable(Protocol):
    """What extraction asks of a table: `Terms` itself, or its `IndexedTerms` over one text
    (the tables of `_INDEXED` hold the latter after `Lexicon.indexed`)."""

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]: ...
    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None: ...
    def at(self, text: str, pos: int, end: int | None = None) -> Match | None: ...
    def key_of(self, matched: str) -> str | None: ...


_INDEXED = ("category_terms", "event_terms", "dated_terms", "actor_terms", "place_terms", "cumulative_terms")


@dataclass(frozen=True)
class Category:
    key: str
    labels: Mapping[str, str]
    generic: bool = False
    event: str | None = None
    same_as: str | None = None  # counted under this category ("morts" -> people, killed)
    counts: str = "people"  # or things, places, events, documents: "personnes" never becomes "maisons"
    stands_for: tuple[str, ...] = ()  # "850 names on the list of missing persons": the people the names are of


@dataclass(frozen=True)
class Event:
    key: str
    growing: bool = False
    category: str | None = None  # what generic people are when this happens to them


@dataclass(frozen=True)
class Unit:
    """A unit of measure (units.yaml): figures of different dimensions are never compared."""

    key: str
    dimension: str  # currency, mass, length, area, …
    labels: Mapping[str, str]
    factor: float | None = None  # in the dimension's base unit (km -> 1000 m); None: do not convert
    role: str | None = None  # "depth": words that give a length a role, not a unit of their own

    def label(self, lang: str | None = None) -> str:
        """Its name in `lang`, else in the entity language (layout.yaml), else its key."""
        return self.labels.get(lang or entity_language()) or self.labels.get(entity_language()) or self.key


_NO_TERMS = Terms(())
_SPACES = " \t\u00a0\u202f"


def _may_end(text: str, lo: int, last: int, end_char: str, ends: frozenset[str] | None) -> bool:
    """Whether a measure word can end at text[last - 1] (after "-" or ":" too, as in
    "magnitude-7.1"): matched without case, so an ASCII character is compared lowered and
    any other one is left to the pattern."""
    if ends is None or not end_char.isascii():
        return True
    if end_char and end_char in "-:":
        last -= 1
        while last > lo and text[last - 1] in _SPACES:
            last -= 1
        end_char = text[last - 1] if last > lo else ""
        if not end_char.isascii():
            return True
    return bool(end_char) and end_char.lower() in ends


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction needs to know about words, compiled."""

    categories: Mapping[str, Category]
    category_terms: TermTable
    events: Mapping[str, Event]
    event_terms: TermTable
    dated_terms: TermTable
    dated_labels: Mapping[str, str]  # dated event -> how reports name it ("deployment")
    increment_terms: Terms
    cumulative_terms: TermTable
    actor_terms: TermTable
    actor_adjectives: Mapping[str, Mapping[str, str]]
    place_terms: TermTable
    place_names: tuple[str, ...]  # every spelling, for fuzzy matching
    place_keys: Mapping[str, str]  # spelling -> place
    origin_terms: Terms
    origin_kinds: Mapping[str, str]
    anonymous_terms: Terms
    institution_terms: Terms  # "ministère de la Défense" -> "Ministry of Defence", with a country
    numbers: NumberLexicon  # number words and qualifiers (numbers.py's own data files)
    times: TimeGrammar  # time words (times.py's own data file)
    # Units of measure (units.yaml). `units` matches unit words and symbols after a figure
    # (spaced: "120 kilomètres", "5 000 tonnes", "40 km²"); `unit_after` also reads glued
    # symbols ("10km", "5€") and "millions DE dollars". `measure_before` matches words naming
    # a measure before its figure ("de magnitude 6,8"); `unit_roles` words giving a length a
    # role after it ("10 km de profondeur" -> depth).
    units: Terms = _NO_TERMS
    unit_info: Mapping[str, Unit] = field(default_factory=dict)
    measure_before: Terms = _NO_TERMS
    unit_roles: Terms = _NO_TERMS
    unit_symbols: Mapping[str, str] = field(default_factory=dict)  # exact symbol after digits -> unit
    unit_prefixes: Mapping[str, str] = field(default_factory=dict)  # exact symbol before digits -> unit
    unit_links: tuple[str, ...] = ()  # "de", "d'": between a scale word and its unit
    extra_dirs: tuple[Path, ...] = ()  # the user's folders (--lexicon): their packs' words are read too
    # Where places lie and what they are (places.yaml `within:` and `level:`): the one map
    # extraction and the rules' `compatible_locations` both read, before the gazetteer.
    place_within: Mapping[str, str] = field(default_factory=dict)  # place -> the wider place it lies in
    place_levels: Mapping[str, str] = field(default_factory=dict)  # place -> country, region or city

    def unit_after(self, text: str, pos: int, end: int | None = None) -> Match | None:
        """The unit right after a figure ending at `pos`: glued, spaced or hyphenated.

        "10km", "10 km", "6.8-magnitude", "5 €", "3 millions de dollars" (the link word is
        only skipped before a unit word). Symbols match exactly, case included; words do not.
        """
        end = len(text) if end is None else end
        rx = self._unit_regexes
        m = rx["gap"].match(text, pos, end)
        at = m.end() if m else pos
        for name in ("symbol", "word"):
            found = rx[name].match(text, at, end)
            if found:
                key = self.unit_symbols.get(found.group()) if name == "symbol" else self.units.key_of(found.group())
                if key:
                    return Match(found.start(), found.end(), key, found.group())
        link = rx["link"].match(text, at, end)
        if link:
            found = rx["word"].match(text, link.end(), end)
            key = self.units.key_of(found.group()) if found else None
            if found and key:
                return Match(found.start(), found.end(), key, found.group())
        return None

    def unit_before(self, text: str, pos: int, reach: int = 40) -> Match | None:
        """A currency symbol or a measure word right before a figure starting at `pos`.

        "$5", "£ 40", "de magnitude 6,8", "Stärke 5,9", "magnitude-7.1".
        """
        lo = max(0, pos - reach)
        rx = self._unit_regexes
        prefix_ends, before_ends = self._unit_ends
        last = pos
        while last > lo and text[last - 1] in _SPACES:
            last -= 1
        end_char = text[last - 1] if last > lo else ""
        m = rx["prefix"].search(text, lo, pos) if end_char in prefix_ends else None
        if m:
            key = self.unit_prefixes.get(m.group(1))
            if key:
                return Match(m.start(1), m.end(1), key, m.group(1))
        m = rx["before"].search(text, lo, pos) if _may_end(text, lo, last, end_char, before_ends) else None
        if m:
            key = self.measure_before.key_of(m.group(1))
            if key:
                return Match(m.start(1), m.end(1), key, m.group(1))
        return None

    @functools.cached_property
    def _unit_ends(self) -> tuple[frozenset[str], frozenset[str] | None]:
        """The characters a unit prefix and a measure word before a figure end with: most
        figures follow none, and `unit_before` then skips a search of its whole reach
        (None: an entry ends otherwise than with an ASCII letter, always search)."""
        prefixes = frozenset(p[-1] for p in self.unit_prefixes if p)
        lasts = [p[-1:] for p, _ in self.measure_before.entries]
        if not all(ch.isascii() and ch.isalpha() for ch in lasts):
            return prefixes, None
        return prefixes, frozenset(ch.lower() for ch in lasts)

    @functools.cached_property
    def _unit_regexes(self) -> dict[str, re.Pattern[str]]:
        never = rx_compile(r"(?!)")

        alt = longest_first

        phrases = [p for p, _ in self.units.entries]
        befores = [p for p, _ in self.measure_before.entries]
        return {
            "gap": rx_compile(rf"[{_SPACES}]+|[-‐‑](?=[^\W\d_])"),
            "symbol": rx_compile(rf"(?:{alt(self.unit_symbols)})(?!\w)") if self.unit_symbols else never,
            "word": rx_compile(rf"(?:{_trie_pattern(phrases)})(?![\w‐‑])", re.IGNORECASE) if phrases else never,
            "link": rx_compile(rf"(?:{_trie_pattern(self.unit_links)})(?:(?<=['’ʼ`])|[{_SPACES}]+)", re.IGNORECASE)
            if self.unit_links else never,
            "prefix": rx_compile(rf"(?<!\w)({alt(self.unit_prefixes)})[{_SPACES}]*\Z") if self.unit_prefixes else never,
            "before": rx_compile(rf"(?<![\w‐‑-])({_trie_pattern(befores)})(?:[{_SPACES}]+|[{_SPACES}]*[-‐‑:][{_SPACES}]*)\Z", re.IGNORECASE)
            if befores else never,
        }

    def unit_label(self, key: str | None, lang: str | None = None) -> str:
        unit = self.unit_info.get(key) if key else None
        return unit.label(lang) if unit else (key or "")

    def indexed(self, text: str, start: int = 0) -> Lexicon:
        """This lexicon with the tables extraction scans most, pre-matched over `text` in one pass."""
        tables = {name: getattr(self, name) for name in _INDEXED}
        found: dict[str, list[Match]] = {name: [] for name in _INDEXED}
        ends = dict.fromkeys(_INDEXED, -1)
        names = tuple(name for name in _INDEXED if name in self._scanner.groupindex)  # the tables with phrases
        for m in self._scanner.finditer(text, start):
            at = m.start()
            # one tuple of the groups per match, not a dict: this loop runs at every hit of the text
            values = cast("tuple[str | None, ...]", m.group(*names) if len(names) > 1 else (m.group(*names),))
            for name, value in zip(names, values):
                if value is None or at < ends[name]:
                    continue
                key = tables[name].key_of(value)
                if key is not None:
                    found[name].append(Match(at, at + len(value), key, value))
                    ends[name] = at + len(value)
        indexed = {name: IndexedTerms(tables[name], text, found[name]) for name in _INDEXED}
        out = replace(
            self,
            category_terms=indexed["category_terms"],
            event_terms=indexed["event_terms"],
            dated_terms=indexed["dated_terms"],
            actor_terms=indexed["actor_terms"],
            place_terms=indexed["place_terms"],
            cumulative_terms=indexed["cumulative_terms"],
        )
        # The unit tables are the same objects: hand over their compiled regexes rather than
        # compiling them again for every document (`replace` starts with an empty cache).
        out.__dict__["_unit_regexes"] = self._unit_regexes
        return out

    def warm(self) -> None:
        """Compile the patterns every document needs now (before workers fork), not on first use."""
        self._scanner  # noqa: B018  (cached properties: reading them compiles them)
        self._unit_regexes  # noqa: B018

    @functools.cached_property
    def _scanner(self) -> re.Pattern[str]:
        return _scanner({name: getattr(self, name) for name in _INDEXED})

    def category_label(self, key: str | None, lang: str | None = None) -> str:
        """What a category is called in `lang`, else in the entity language (layout.yaml)."""
        if key is None:
            return "figures"
        cat = self.categories.get(key)
        if cat is None:
            return key
        return cat.labels.get(lang or entity_language()) or cat.labels.get(entity_language()) or key

    def actor_adjective(self, actor: str | None, lang: str | None = None) -> str | None:
        """"North Korean" for North Korea in `lang` (by default the entity language)."""
        if actor is None:
            return None
        return self.actor_adjectives.get(actor, {}).get(lang or entity_language(), actor)

    def fuzzy_place(self, word: str) -> str | None:
        """A place for a capitalised word spelled differently from the lexicon (Kourks → Kursk)."""
        if len(word) < 5:
            return None
        from rapidfuzz import fuzz, process  # imported on first use: most runs never get here

        best = process.extractOne(word, self.place_names, scorer=fuzz.ratio, score_cutoff=84)
        return self.place_keys[best[0]] if best else None


LEXICON_FILES = (
    "categories.yaml", "events.yaml", "actors.yaml", "places.yaml", "origins.yaml",
    "number_words.yaml", "qualifiers.yaml", "time_words.yaml", "units.yaml",
)
_TABLES_OF_ENTRIES = ("categories.yaml", "actors.yaml", "places.yaml")


_ENTITY_FILES = ("categories.yaml", "events.yaml", "actors.yaml", "places.yaml", "origins.yaml")


def check_lexicon_dirs(extra_dirs: Sequence[Path]) -> None:
    """A mistyped --lexicon folder, file name or key would silently change nothing: refuse it.

    A folder is a language pack (pack.yaml), holds packs, or holds lexicon files named like
    the built-in ones. Every problem of every pack and entity lexicon, built-in and the
    user's, is reported at once (schema.py), with its file and line.
    """
    for d in extra_dirs:
        path = Path(d)
        if not path.is_dir():
            raise InputError(f"{path}: lexicon folder not found; give a folder holding files such as categories.yaml, or a language pack")
        if pack_folders([path])[len(pack_folders()):]:
            continue
        names = {p.name for p in path.glob("*.yaml")}
        if not names & set(LEXICON_FILES):
            raise InputError(
                f"{path}: no lexicon file in it; name files after the built-in ones ({', '.join(LEXICON_FILES)}) "
                "or make it a language pack (see docs/languages.md)"
            )
    builtin_files = [DATA_DIR / n for n in _ENTITY_FILES]
    user_files = [Path(d) / n for d in extra_dirs for n in _ENTITY_FILES if (Path(d) / n).is_file()]
    # The same problems, in the same order, as checking everything; the built-in files are
    # checked again only when their bytes (or the schema's) changed.
    lexicons_valid = table_cache.files_pass(
        "builtin-lexicons-valid", [SCHEMA_FILE, *builtin_files], lambda: not lexicon_problems(builtin_files)
    )
    packs = pack_folders(extra_dirs)
    raise_problems([
        *pack_problems(packs[len(pack_folders()):] if builtin_packs_valid() else packs),
        *lexicon_problems(user_files if lexicons_valid else builtin_files + user_files),
    ])


def _load(name: str, extra_dirs: Sequence[Path]) -> dict[str, Any]:
    data = load_merged(DATA_DIR / name, tuple(extra_dirs))
    if name in _TABLES_OF_ENTRIES:
        for key, spec in data.items():
            if not isinstance(spec, Mapping):
                raise InputError(
                    f"{name}: entry {key!r} must be a mapping of languages to word lists "
                    f"(e.g. {key}: {{fr: [...], en: [...]}}); check your --lexicon files"
                )
    return data


def _words(spec: Mapping[str, Any]) -> Iterable[str]:
    """Every word of an entry, whatever the language."""
    for lang, words in spec.items():
        if isinstance(words, list) and len(lang) == 2:
            yield from (str(w) for w in words)


def _terms(table: Mapping[str, Any]) -> Terms:
    return Terms(tuple((w, str(key)) for key, spec in table.items() for w in _words(spec or {})))


_UNIT_FIELDS = ("dimension", "label", "factor", "symbols", "prefixes", "words", "before", "role")
_UNIT_SECTIONS = ("units", "links")
DIMENSIONS = (
    "currency", "mass", "length", "area", "volume", "precipitation", "temperature", "magnitude", "speed",
)


def _check_units(data: Mapping[str, Any], where: str) -> None:
    """One units.yaml file, checked before merging so that an error names the file it is in.

    A mistyped field ("symbol:", "dimention:") would silently drop a unit: refuse it.
    """

    def fail(msg: str) -> None:
        raise InputError(f"{where}: {msg}; check the file (see the comments of the built-in units.yaml)")

    def is_lang(lang: Any) -> bool:
        return isinstance(lang, str) and len(lang) == 2 and lang.isalpha() and lang.islower()

    def word_list(value: Any, what: str) -> None:
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            fail(f"{what} must be a list of words")

    def per_language(value: Any, what: str, check: Any) -> None:
        if not isinstance(value, Mapping):
            fail(f"{what} must be a mapping of languages (fr, en, de, es…) to words")
        for lang, words in value.items():
            if not is_lang(lang):
                fail(f"{what}: unknown language {lang!r}; use two-letter codes such as fr, en, de, es")
            check(words, f"{what}.{lang}")

    for section in data:
        if section not in _UNIT_SECTIONS:
            fail(f"unknown key {section!r} at the top; expected one of {', '.join(_UNIT_SECTIONS)}")
    if "links" in data:
        per_language(data["links"], "links", word_list)
    units = data.get("units") or {}
    if not isinstance(units, Mapping):
        fail("'units' must be a mapping of unit names to their description")
    for key, spec in units.items():
        what = f"unit {key!r}"
        if not isinstance(spec, Mapping):
            fail(f"{what} must be a mapping with dimension, label, symbols, words…")
        for name, value in spec.items():
            if name not in _UNIT_FIELDS:
                fail(f"{what}: unknown key {name!r}; expected one of {', '.join(_UNIT_FIELDS)}")
            if name == "dimension" and value not in DIMENSIONS:
                fail(f"{what}: unknown dimension {value!r}; expected one of {', '.join(DIMENSIONS)}")
            elif name == "factor" and (isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0):
                fail(f"{what}: factor must be a positive number")
            elif name == "role" and not (isinstance(value, str) and value.strip()):
                fail(f"{what}: role must be a word such as depth")
            elif name in ("symbols", "prefixes"):
                word_list(value, f"{what}: {name}")
            elif name in ("words", "before"):
                per_language(value, f"{what}: {name}", word_list)
            elif name == "label":
                per_language(value, f"{what}: label", lambda v, w: v if isinstance(v, str) else fail(f"{w} must be a word"))


def _load_units(extra_dirs: Sequence[Path]) -> dict[str, Any]:
    """units.yaml, built-in and the user's, each checked strictly, then merged."""
    builtin = DATA_DIR / "units.yaml"
    data = read_mapping(builtin)
    _check_units(data, str(builtin))
    origin = dict.fromkeys(data.get("units") or {}, str(builtin))  # unit -> the file that named it first
    for d in extra_dirs:
        candidate = Path(d) / builtin.name if Path(d).is_dir() else Path(d)
        if candidate.is_file() and candidate.name == builtin.name:
            extra = read_mapping(candidate)
            _check_units(extra, str(candidate))
            for key in extra.get("units") or {}:
                origin.setdefault(key, str(candidate))
            data = merge(data, extra)
    for key, spec in (data.get("units") or {}).items():
        if not spec.get("dimension"):
            raise InputError(f"{origin[key]}: unit {key!r} has no dimension; give one of {', '.join(DIMENSIONS)}")
    return data


def _unit_tables(data: Mapping[str, Any]) -> dict[str, Any]:
    """The Lexicon fields of units.yaml."""
    units = data.get("units") or {}
    info = {
        str(k): Unit(str(k), str(v["dimension"]), dict(v.get("label") or {}),
                     float(v["factor"]) if v.get("factor") is not None else None, v.get("role"))
        for k, v in units.items()
    }
    words: list[tuple[str, str]] = []
    roles: list[tuple[str, str]] = []
    before: list[tuple[str, str]] = []
    symbols: dict[str, str] = {}
    prefixes: dict[str, str] = {}
    for k, v in units.items():
        after = [(w, str(k)) for w in _words(v.get("words") or {})]
        if v.get("role"):
            roles.extend(after)
            continue
        words.extend(after)
        for sym in v.get("symbols") or []:
            symbols.setdefault(str(sym), str(k))
            # Spaced symbols of more than one letter are words too ("40 km", "5 000 t" is not:
            # one letter is read only exactly, by Lexicon.unit_after).
            if len(sym) > 1 or not sym.isalpha():
                words.append((str(sym), str(k)))
        for sym in v.get("prefixes") or []:
            prefixes.setdefault(str(sym), str(k))
    for k, v in units.items():
        before.extend((w, str(k)) for w in _words(v.get("before") or {}))
    links = tuple(dict.fromkeys(str(w) for w in _words(data.get("links") or {})))
    return {
        "units": Terms(tuple(words)),
        "unit_info": info,
        "measure_before": Terms(tuple(before)),
        "unit_roles": Terms(tuple(roles)),
        "unit_symbols": symbols,
        "unit_prefixes": prefixes,
        "unit_links": links,
    }


def build_lexicon(extra_dirs: Sequence[Path] = ()) -> Lexicon:
    """Compile the built-in lexicons merged with the user's."""
    check_lexicon_dirs(extra_dirs)
    cats = _load("categories.yaml", extra_dirs)
    ev = _load("events.yaml", extra_dirs)
    actors = _load("actors.yaml", extra_dirs)
    places = _load("places.yaml", extra_dirs)
    origins = _load("origins.yaml", extra_dirs)

    categories = {
        k: Category(k, dict(v.get("label") or {}), bool(v.get("generic")), v.get("event"), v.get("same_as"),
                    str(v.get("counts") or "people"), tuple(v.get("stands_for") or ()))
        for k, v in cats.items()
    }
    qty_events = ev.get("quantity") or {}
    events = {k: Event(k, bool((v or {}).get("growing")), (v or {}).get("category")) for k, v in qty_events.items()}
    place_keys: dict[str, str] = {}
    for key, spec in places.items():
        for w in _words(spec or {}):
            place_keys.setdefault(w, str(key))
    within, levels = _place_map(places)
    origin_table = origins.get("origins") or {}
    origin_terms = Terms(
        tuple((str(a), str(k)) for k, v in origin_table.items() for a in [k, *(v or {}).get("aliases", [])])
    )
    anon = origins.get("anonymous") or {}
    return Lexicon(
        categories=categories,
        category_terms=_terms(cats),
        events=events,
        event_terms=_terms(qty_events),
        dated_terms=_terms(ev.get("dated") or {}),
        dated_labels={k: str((v or {}).get("label") or k.replace("_", " ")) for k, v in (ev.get("dated") or {}).items()},
        increment_terms=Terms(tuple((w, "increment") for w in _words(ev.get("increment") or {}))),
        cumulative_terms=Terms(tuple((w, "cumulative") for w in _words(ev.get("cumulative") or {}))),
        actor_terms=_terms(actors),
        actor_adjectives={k: dict((v or {}).get("adjective") or {}) for k, v in actors.items()},
        place_terms=_terms(places),
        place_names=tuple(sorted(place_keys)),
        place_keys=place_keys,
        place_within=within,
        place_levels=levels,
        origin_terms=origin_terms,
        origin_kinds={k: str((v or {}).get("kind", "")) for k, v in origin_table.items()},
        anonymous_terms=Terms(tuple((w, "anonymous") for w in _words(anon))),
        institution_terms=Terms(
            tuple((str(a), str(k)) for k, v in (origins.get("institutions") or {}).items() for a in (v or []))
        ),
        numbers=load_number_lexicon(*extra_dirs),
        times=TimeGrammar.load(*extra_dirs) if extra_dirs else time_grammar.DEFAULT,  # read on first use
        **_unit_tables(_load_units(extra_dirs)),
        extra_dirs=tuple(Path(d) for d in extra_dirs),
    )


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_dirs: tuple[Path, ...] = ()) -> Lexicon:
    """The lexicon for these user folders, compiled once per process."""
    return build_lexicon(extra_dirs)


def _place_map(places: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """places.yaml's `within:` and `level:` of each place."""
    within = {str(k): str(v["within"]) for k, v in places.items() if (v or {}).get("within")}
    levels = {str(k): str(v["level"]) for k, v in places.items() if (v or {}).get("level")}
    return within, levels


@functools.lru_cache(maxsize=1)
def _builtin_places() -> tuple[dict[str, str], dict[str, str]]:
    return _place_map(_load("places.yaml", ()))


def place_level(place: str | None) -> str | None:
    """"country", "region" or "city" when the built-in places.yaml says what `place` is
    (read alone: asking it never compiles a whole lexicon)."""
    return _builtin_places()[1].get(place) if place else None


def place_within() -> Mapping[str, str]:
    """Where the built-in places.yaml says each place lies (place -> wider place)."""
    return _builtin_places()[0]


@functools.lru_cache(maxsize=1)
def people_without_event() -> frozenset[str]:
    """The built-in categories of people whose noun says nothing of what happened to them
    ("passagers", "residents", "Fahrgäste"): unlike "manifestants" or "morts", a count of them
    is of one event only when its sentence names it (read alone, as place_within)."""
    cats = _load("categories.yaml", ())
    return frozenset(str(k) for k, v in cats.items() if isinstance(v, Mapping) and not v.get("event")
                     and not v.get("same_as") and v.get("counts", "people") == "people")
