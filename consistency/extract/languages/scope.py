"""The packs' `scope.yaml` words as patterns and word sets, built on first use.

Claims read a figure's scope with small words: the prepositions that make a name a place
("à Lyon", "in Kherson"), the words that end a clause, those that are never a counted noun.
They differ by language, so they are data (`<lang>/scope.yaml`); claims.py keeps only the
shape of each pattern, a template whose `{key}` slots this module fills with the words of
every pack (a figure's scope is read the same way whatever the article's language):

- `{place.prepositions}`: the words of that key, longest first, as `(?:à|au|…)`; the words
  of a phrase are joined by any space ("alors que"), an apostrophe matches ' and ’;
- `{place.articles+}`: the same, each word followed by spaces unless it ends with an
  apostrophe (`(?:la\\s+|l['’])`), for the articles between a preposition and a name.

A key no pack fills is a pattern that never matches. A user's packs (`--lexicon`) add their
words while claims reads with their lexicon (`reading_packs`): the patterns are built per set
of folders, so two lexicons in one process never see each other's words.
"""

from __future__ import annotations

import functools
import re
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from consistency.extract.datafiles import read_mapping
from consistency.extract.languages import contributions, pack_folders
from consistency.lazy_re import lazy_compile

SCOPE_FILE = "scope.yaml"
CUES_FILE = "cues.yaml"  # its words can fill a slot too: {cues.since}
_SLOT = lazy_compile(r"\{([a-z_]+(?:\.[a-z_]+){0,2})(\+?)\}")
_APOSTROPHES = "'’"


# The user's folders whose packs claims is reading with now (none: the built-in packs only).
_READING: ContextVar[tuple[Path, ...]] = ContextVar("scope_pack_dirs", default=())


@functools.lru_cache(maxsize=32)
def _user_packs(extra_dirs: tuple[Path, ...]) -> tuple[Path, ...]:
    """The folders among these that are or hold packs (the others change no scope word, and
    reading with none keeps the built-in patterns, compiled once)."""
    builtin = len(pack_folders())
    return tuple(d for d in extra_dirs if pack_folders([d])[builtin:])


@contextmanager
def reading_packs(extra_dirs: Sequence[Path]) -> Iterator[None]:
    """Within this block the patterns and word sets also hold the words of these folders' packs."""
    token = _READING.set(_user_packs(tuple(Path(d) for d in extra_dirs)))
    try:
        yield
    finally:
        _READING.reset(token)


@functools.lru_cache(maxsize=8)
def _scope_words(extra_dirs: tuple[Path, ...] = ()) -> Mapping[str, tuple[str, ...]]:
    """key ("place.articles", "cues.since") -> the words of every pack, built-in then the
    user's, in pack order, once each; a key starting with "cues." is one of cues.yaml, the
    others scope.yaml's."""
    found: dict[str, list[str]] = {}
    for folder in pack_folders(extra_dirs):
        for file_name, prefix in ((SCOPE_FILE, ""), (CUES_FILE, "cues.")):
            path = folder / file_name
            if not path.is_file():
                continue
            for key, value in read_mapping(path).items():
                groups = value.items() if isinstance(value, Mapping) else [(None, value)]
                for sub, words in groups:
                    name = prefix + (f"{key}.{sub}" if sub else str(key))
                    found.setdefault(name, []).extend(str(w) for w in words or ())
    return {key: tuple(dict.fromkeys(words)) for key, words in found.items()}


def scope_words(key: str, extra_dirs: tuple[Path, ...] | None = None) -> tuple[str, ...]:
    """The words of one scope.yaml key in every pack ("function_words", "place.articles"),
    with those of the user's packs being read (`reading_packs`) unless folders are given."""
    return _scope_words(_READING.get() if extra_dirs is None else extra_dirs).get(key, ())


def _atom(word: str, trailing_space: bool) -> str:
    tokens = word.split()
    body = r"\s+".join("".join(f"[{_APOSTROPHES}]" if ch in _APOSTROPHES else re.escape(ch) for ch in tok) for tok in tokens)
    return body + r"\s+" if trailing_space and not word.endswith(tuple(_APOSTROPHES)) else body


def alternation(words: tuple[str, ...], trailing_space: bool = False) -> str:
    """The words as one group, longest first (never matching when there are none)."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(_atom(w, trailing_space) for w in items) + ")" if items else "(?!)"


def fill(template: str, extra_dirs: tuple[Path, ...] | None = None) -> str:
    """The template with each `{key}` / `{key+}` slot replaced by the packs' words."""
    return _SLOT.sub(lambda m: alternation(scope_words(m.group(1), extra_dirs), m.group(2) == "+"), template)


@functools.lru_cache(maxsize=256)
def _compiled(template: str, flags: int, extra_dirs: tuple[Path, ...]) -> re.Pattern[str]:
    """Through the on-disk pattern cache: filled with every pack's words, these are long."""
    from consistency import regex_cache

    return regex_cache.compile(fill(template, extra_dirs), flags)


@dataclass(frozen=True)
class PackPattern:
    """A regular expression whose slots are filled from the packs the first time it is used."""

    template: str
    flags: int = 0

    @functools.cached_property
    def _builtin(self) -> re.Pattern[str]:
        return _compiled(self.template, self.flags, ())

    @property
    def regex(self) -> re.Pattern[str]:
        """Compiled with the built-in packs and the user's being read."""
        dirs = _READING.get()
        return _compiled(self.template, self.flags, dirs) if dirs else self._builtin

    def search(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.search(text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.match(text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[str] | None:
        return self.regex.fullmatch(text, pos, endpos)

    def finditer(self, text: str, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.regex.finditer(text, pos, endpos)

    def sub(self, repl: str, text: str, count: int = 0) -> str:
        return self.regex.sub(repl, text, count)


def _variants(word: str) -> tuple[str, ...]:
    """A word casefolded, with each apostrophe as ' and as ’ ("d'après", "d’après")."""
    w = word.casefold()
    return tuple(dict.fromkeys(w.replace("’", "'").replace("'", a) for a in _APOSTROPHES))


@functools.lru_cache(maxsize=8)
def _calendar_names(extra_dirs: tuple[Path, ...] = ()) -> frozenset[str]:
    """Every spelling of each month and weekday in time_words.yaml, abbreviations without their
    full stop too: "Mar. 2" is March, never Morocco ("MAR"), "ago." August, never Angola."""
    names: set[str] = set()
    for spec in contributions("time_words.yaml", extra_dirs).values():
        if not isinstance(spec, Mapping):
            continue
        for table in ("months", "weekdays"):
            for spellings in (spec.get(table) or {}).values():
                names.update(str(s).casefold().rstrip(".") for s in spellings or ())
    return frozenset(names)


@dataclass(frozen=True)
class PackWords:
    """A set of words of the packs (casefolded), read the first time it is asked."""

    key: str
    calendar: bool = False  # with the names of the months and weekdays

    @functools.cached_property
    def _builtin(self) -> frozenset[str]:
        return _word_set(self.key, self.calendar, ())

    @property
    def words(self) -> frozenset[str]:
        """The built-in packs' words, and the user's being read."""
        dirs = _READING.get()
        return _word_set(self.key, self.calendar, dirs) if dirs else self._builtin

    def __contains__(self, word: object) -> bool:
        return word in self.words


@functools.lru_cache(maxsize=256)
def _word_set(key: str, calendar: bool, extra_dirs: tuple[Path, ...]) -> frozenset[str]:
    own = {v for w in scope_words(key, extra_dirs) for v in _variants(w)}
    return frozenset(own | (_calendar_names(extra_dirs) if calendar else set()))
