"""How text is compared with word lists: one key for a phrase, one regex for many phrases.

Every word list of the tool (the entity lexicons, number and time words, page metadata, the
gazetteer's names) is looked up through `normalise` and scanned for through `trie` or
`longest_first`, so that a spelling that matches in one place matches in all of them, and a
fix to how apostrophes or spaces are read is made once. This module sits below the corpus
and extract stages and imports neither.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from consistency import table_cache

APOSTROPHES = "'’‘ʼ´`"  # the straight one first: the others are read as it
_PLAIN = {fancy: "'" for fancy in APOSTROPHES[1:]} | {"\u00a0": " ", "\u202f": " "}
# Loose keys: hyphens, dashes, apostrophes and the punctuation of names are spaces, and the
# letters that have no accent to strip are spelled out.
_LOOSE = str.maketrans(
    {c: " " for c in "-‐‑–—'’ʼ`´.,/()"} | {"ß": "ss", "ø": "o", "ł": "l", "đ": "d", "ı": "i", "æ": "ae", "œ": "oe"}
)


def plain(text: str) -> str:
    """The text with straight apostrophes and plain spaces, the same length as before (so
    that offsets found in it are offsets in the text)."""
    if text.isascii():
        return text
    for fancy, simple in _PLAIN.items():
        if fancy in text:
            text = text.replace(fancy, simple)  # much faster than str.translate
    return text


def normalise(text: str, *, loose: bool = False) -> str:
    """The key a phrase is looked up by: composed (NFC), case-folded, apostrophes straight,
    spaces single.

    `loose` also drops accents, hyphens, apostrophes and dots, for names written many ways
    ("Al-Haouz", "al Haouz" and "AL HAOUZ" are one key).
    """
    if not text.isascii():
        text = plain(unicodedata.normalize("NFC", text))
    text = text.casefold()
    if loose:
        text = text.translate(_LOOSE)
        if not text.isascii():
            text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(text.split())


NEVER = "(?!)"  # a pattern that matches nothing: the alternation of no words

@dataclass
class _Node:
    children: dict[str, _Node] = field(default_factory=dict)
    ends: list[str] = field(default_factory=list)  # what follows the entries that stop here


def trie(entries: Iterable[tuple[Sequence[str], str]], atom: Callable[[str], str] = re.escape) -> str:
    """`build_trie`, from the disk cache of tables (`table_cache`) when these entries were
    seen before: building the tries of every word list is most of a short run's start-up.

    Only an `atom` defined at the top of a module is a cache key (by name, the code being
    part of the cache's own key); a closure or lambda is built every time. Such an atom must
    depend on code only, never on data read at run time, which its name does not capture.
    """
    name = f"{getattr(atom, '__module__', None)}.{getattr(atom, '__qualname__', '<?>')}"
    if "<" in name or getattr(atom, "__closure__", None):
        return build_trie(entries, atom)
    listed = [(keys if isinstance(keys, str) else tuple(keys), ending) for keys, ending in entries]
    # The trie is the same whatever the order of its entries (word lists often come from sets,
    # whose order changes from one process to the next): the key is the sorted entries.
    key = "\n".join(sorted({repr(entry) for entry in listed}))
    return table_cache.memo("trie", (name, key), lambda: build_trie(listed, atom))  # type: ignore[no-any-return]


def build_trie(entries: Iterable[tuple[Sequence[str], str]], atom: Callable[[str], str] = re.escape) -> str:
    """One regex for many entries, with shared prefixes factored out.

    Each entry is a sequence of keys (characters, or whatever the caller reads as one step)
    and the pattern that must follow its last key ("" for none, `(?!\\w)` for a word edge).
    `atom` turns a key into its pattern. At each step the longer entries are tried first,
    so that the longest spelling wins. A flat alternation of hundreds of phrases makes the
    regex engine try each one at every position of the text; a trie tries only the branches
    that match so far, which is what keeps a scan cheap however long the list grows.
    """
    root = _Node()
    for keys, ending in entries:
        node = root
        for key in keys:
            node = node.children.setdefault(key, _Node())
        if ending not in node.ends:
            node.ends.append(ending)
    if not root.children and not root.ends:
        return NEVER

    def emit(node: _Node) -> str:
        branches = [atom(key) + emit(child) for key, child in sorted(node.children.items(), key=lambda kv: kv[0])]
        branches.extend(sorted(node.ends, key=lambda e: (e == "", e)))  # stopping bare is the last resort
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(root)


def longest_first(phrases: Iterable[str], pattern: Callable[[str], str] = re.escape) -> str:
    """A flat alternation of `phrases`, longest first so that the longest one that matches
    wins ("des dizaines de milliers" over "des dizaines"): for patterns a trie cannot
    factor (a phrase whose parts are themselves alternatives)."""
    return "|".join(pattern(p) for p in sorted(set(phrases), key=lambda p: (-len(p), p)))
