"""Lexicons: the words that name categories, events, actors, places and origins.

They are YAML data files in `consistency/extract/data/`, and users extend them with
`--lexicon DIR` (a file of the same name there is merged entry by entry). This module turns
them into compiled matchers once, so extraction never scans word lists in Python loops.
"""

from __future__ import annotations

import bisect
import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from rapidfuzz import fuzz, process

from consistency.errors import InputError
from consistency.extract.datafiles import load_merged
from consistency.extract.numbers import NumberLexicon, load_number_lexicon
from consistency.extract.times import DEFAULT as DEFAULT_TIMES
from consistency.extract.times import TimeGrammar

DATA_DIR = Path(__file__).parent / "data"
_APOSTROPHES = "'’ʼ`"
_WORD = r"[\w]"


def normalise(text: str) -> str:
    """Case-folded, apostrophes unified, spaces collapsed: the key words are looked up by."""
    text = unicodedata.normalize("NFC", text).casefold()
    for a in _APOSTROPHES[1:]:
        text = text.replace(a, "'")
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


_END, _WILD = "", "*"


def _atoms(entry: str) -> list[str]:
    """One regex atom per character of an entry: apostrophes, spaces and hyphens are classes."""
    wildcard = entry.endswith("*")
    atoms = []
    for ch in entry.rstrip("*"):
        if ch in _APOSTROPHES:
            atoms.append("['’ʼ`]")
        elif ch.isspace():
            if not atoms or atoms[-1] != r"\s+":
                atoms.append(r"\s+")
        elif ch == "-":
            atoms.append(r"[-‐‑]")
        else:
            atoms.append(re.escape(ch.casefold()) if ch.casefold() == ch.lower() else re.escape(ch))
    atoms.append(_WILD if wildcard else _END)
    return atoms


def _trie_pattern(entries: Iterable[str]) -> str:
    """One regex for many phrases, with shared prefixes factored out.

    A flat alternation of hundreds of phrases makes the regex engine try each one at every
    position of the text; a trie tries only the branches that match so far, which is what
    keeps a lexicon scan cheap however long the lexicon grows.
    """
    trie: dict = {}
    for entry in entries:
        node = trie
        for atom in _atoms(entry):
            node = node.setdefault(atom, {})

    def emit(node: dict) -> str:
        branches = [atom + emit(child) for atom, child in sorted(node.items()) if atom not in (_END, _WILD)]
        if _WILD in node:
            branches.append(r"[\w'’-]*")
        elif _END in node:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    key: str
    text: str


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
    _phrases: tuple[tuple[str, ...], tuple[str, ...]] = field(init=False, repr=False, compare=False, default=((), ()))

    def __post_init__(self) -> None:
        ci: list[str] = []
        cs: list[str] = []
        literal: dict[str, str] = {}
        prefixes: list[tuple[str, str]] = []
        # Longest first so that "tués ou blessés" is the key of its own words, not "tués".
        for phrase, key in sorted(set(self.entries), key=lambda e: (-len(e[0]), e)):
            target = cs if (phrase.isupper() and len(phrase) <= 5) else ci
            target.append(phrase)
            if phrase.endswith("*"):
                prefixes.append((normalise(phrase[:-1]), key))
            else:
                literal.setdefault(normalise(phrase), key)
        regexes = []
        edge_l, edge_r = r"(?<![\w‐‑-])", r"(?![\w‐‑])"
        if ci:
            regexes.append(re.compile(edge_l + "(?:" + _trie_pattern(ci) + ")" + edge_r, re.IGNORECASE))
        if cs:
            regexes.append(re.compile(edge_l + "(?:" + _trie_pattern(cs) + ")" + edge_r))
        prefixes.sort(key=lambda p: -len(p[0]))
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
        found: list[Match] = []
        for rx in self._regexes:
            for m in rx.finditer(text, start, end):
                key = self.key_of(m.group())
                if key is not None:
                    found.append(Match(m.start(), m.end(), key, m.group()))
        if len(self._regexes) > 1:
            found.sort(key=lambda m: (m.start, -m.end))
            kept: list[Match] = []
            for m in found:
                if not kept or m.start >= kept[-1].end:
                    kept.append(m)
            found = kept
        return iter(found)

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        return next(self.finditer(text, start, end), None)

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


_EDGE_L, _EDGE_R = r"(?<![\w‐‑-])", r"(?![\w‐‑])"


def _scanner(tables: Mapping[str, Terms]) -> re.Pattern[str]:
    """One regex that finds, at each place where any table matches, every table's match there.

    Scanning a text costs the same per character whatever the lexicon; doing it once for
    all the tables extraction consults, instead of once per table, is what keeps it cheap.
    """
    ci_all = sorted({p for t in tables.values() for p in t._phrases[0]})
    cs_all = sorted({p for t in tables.values() for p in t._phrases[1]})
    gate = [_trie_pattern(ci_all)] if ci_all else []
    if cs_all:
        gate.append("(?-i:" + _trie_pattern(cs_all) + ")")
    looks = []
    for name, t in tables.items():
        alts = [_trie_pattern(t._phrases[0])] if t._phrases[0] else []
        if t._phrases[1]:
            alts.append("(?-i:" + _trie_pattern(t._phrases[1]) + ")")
        if alts:
            looks.append(f"(?=(?P<{name}>{'|'.join(alts)}){_EDGE_R})?")
    return re.compile(_EDGE_L + "(?=(?:" + "|".join(gate) + ")" + _EDGE_R + ")" + "".join(looks), re.IGNORECASE)


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

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> Iterator[Match]:
        if text is not self.text:
            return self.terms.finditer(text, start, end)
        end = len(text) if end is None else end
        i = bisect.bisect_left(self.starts, start)
        out = []
        while i < len(self.matches) and self.matches[i].start < end:
            if self.matches[i].end <= end:
                out.append(self.matches[i])
            i += 1
        return iter(out)

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        return next(self.finditer(text, start, end), None)

    def at(self, text: str, pos: int, end: int | None = None) -> Match | None:
        if text is not self.text:
            return self.terms.at(text, pos, end)
        i = bisect.bisect_left(self.starts, pos)
        if i < len(self.matches) and self.matches[i].start == pos and (end is None or self.matches[i].end <= end):
            return self.matches[i]
        return None

    def key_of(self, matched: str) -> str | None:
        return self.terms.key_of(matched)


_INDEXED = ("category_terms", "event_terms", "dated_terms", "actor_terms", "place_terms", "cumulative_terms")


@dataclass(frozen=True)
class Category:
    key: str
    labels: Mapping[str, str]
    generic: bool = False
    event: str | None = None
    same_as: str | None = None  # counted under this category ("morts" -> people, killed)


@dataclass(frozen=True)
class Event:
    key: str
    growing: bool = False
    category: str | None = None  # what generic people are when this happens to them


@dataclass(frozen=True)
class Lexicon:
    """Everything extraction needs to know about words, compiled."""

    categories: Mapping[str, Category]
    category_terms: Terms
    events: Mapping[str, Event]
    event_terms: Terms
    dated_terms: Terms
    dated_labels: Mapping[str, str]  # dated event -> how reports name it ("deployment")
    increment_terms: Terms
    cumulative_terms: Terms
    actor_terms: Terms
    actor_adjectives: Mapping[str, Mapping[str, str]]
    place_terms: Terms
    place_names: tuple[str, ...]  # every spelling, for fuzzy matching
    place_keys: Mapping[str, str]  # spelling -> place
    origin_terms: Terms
    origin_kinds: Mapping[str, str]
    anonymous_terms: Terms
    institution_terms: Terms  # "ministère de la Défense" -> "Ministry of Defence", with a country
    numbers: NumberLexicon  # number words and qualifiers (numbers.py's own data files)
    times: TimeGrammar  # time words (times.py's own data file)

    def indexed(self, text: str, start: int = 0) -> Lexicon:
        """This lexicon with the tables extraction scans most, pre-matched over `text` in one pass."""
        tables = {name: getattr(self, name) for name in _INDEXED}
        found: dict[str, list[Match]] = {name: [] for name in _INDEXED}
        ends = dict.fromkeys(_INDEXED, -1)
        for m in self._scanner.finditer(text, start):
            for name, value in m.groupdict().items():
                if value is None or m.start() < ends[name]:
                    continue
                key = tables[name].key_of(value)
                if key is not None:
                    found[name].append(Match(m.start(), m.start() + len(value), key, value))
                    ends[name] = m.start() + len(value)
        return replace(self, **{name: IndexedTerms(tables[name], text, found[name]) for name in _INDEXED})

    @functools.cached_property
    def _scanner(self) -> re.Pattern[str]:
        return _scanner({name: getattr(self, name) for name in _INDEXED})

    def category_label(self, key: str | None, lang: str = "en") -> str:
        if key is None:
            return "figures"
        cat = self.categories.get(key)
        if cat is None:
            return key
        return cat.labels.get(lang) or cat.labels.get("en") or key

    def actor_adjective(self, actor: str | None, lang: str = "en") -> str | None:
        if actor is None:
            return None
        return self.actor_adjectives.get(actor, {}).get(lang, actor)

    def fuzzy_place(self, word: str) -> str | None:
        """A place for a capitalised word spelled differently from the lexicon (Kourks → Kursk)."""
        if len(word) < 5:
            return None
        best = process.extractOne(word, self.place_names, scorer=fuzz.ratio, score_cutoff=84)
        return self.place_keys[best[0]] if best else None


LEXICON_FILES = (
    "categories.yaml", "events.yaml", "actors.yaml", "places.yaml", "origins.yaml",
    "number_words.yaml", "qualifiers.yaml", "time_words.yaml",
)
_TABLES_OF_ENTRIES = ("categories.yaml", "actors.yaml", "places.yaml")


def check_lexicon_dirs(extra_dirs: Sequence[Path]) -> None:
    """A mistyped --lexicon folder or file name would silently change nothing: refuse it."""
    for d in extra_dirs:
        path = Path(d)
        if not path.is_dir():
            raise InputError(f"{path}: lexicon folder not found; give a folder holding files such as categories.yaml")
        names = {p.name for p in path.glob("*.yaml")}
        if not names & set(LEXICON_FILES):
            raise InputError(f"{path}: no lexicon file in it; name files after the built-in ones: {', '.join(LEXICON_FILES)}")


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


def build_lexicon(extra_dirs: Sequence[Path] = ()) -> Lexicon:
    """Compile the built-in lexicons merged with the user's."""
    check_lexicon_dirs(extra_dirs)
    cats = _load("categories.yaml", extra_dirs)
    ev = _load("events.yaml", extra_dirs)
    actors = _load("actors.yaml", extra_dirs)
    places = _load("places.yaml", extra_dirs)
    origins = _load("origins.yaml", extra_dirs)

    categories = {
        k: Category(k, dict(v.get("label") or {}), bool(v.get("generic")), v.get("event"), v.get("same_as"))
        for k, v in cats.items()
    }
    qty_events = ev.get("quantity") or {}
    events = {k: Event(k, bool((v or {}).get("growing")), (v or {}).get("category")) for k, v in qty_events.items()}
    place_keys: dict[str, str] = {}
    for key, spec in places.items():
        for w in _words(spec or {}):
            place_keys.setdefault(w, str(key))
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
        origin_terms=origin_terms,
        origin_kinds={k: str((v or {}).get("kind", "")) for k, v in origin_table.items()},
        anonymous_terms=Terms(tuple((w, "anonymous") for w in _words(anon))),
        institution_terms=Terms(
            tuple((str(a), str(k)) for k, v in (origins.get("institutions") or {}).items() for a in (v or []))
        ),
        numbers=load_number_lexicon(*extra_dirs),
        times=TimeGrammar.load(*extra_dirs) if extra_dirs else DEFAULT_TIMES,
    )


@functools.lru_cache(maxsize=8)
def load_lexicon(extra_dirs: tuple[Path, ...] = ()) -> Lexicon:
    """The lexicon for these user folders, compiled once per process."""
    return build_lexicon(extra_dirs)
