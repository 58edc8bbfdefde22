"""Documents that are one text: an article copied word for word by another site (a scraper,
a syndicated page). A figure the copy gives without a source is the first text's figure
again, one voice, not a second origin that corroborates it.

The test reads the text, not the names: word shingles (runs of `SHINGLE` words) of each
document, within its lines, hashed into one index. Each shingle belongs to the first document (earliest
published, then by id) that holds it; a later document counts how many of its shingles
belong to each earlier one. Two documents are one text when the shorter is mostly the other's
(`NEAR` of its shingles): a page that takes another's opening paragraphs with a few words
changed, or two outlets running one wire story. An article that quotes a paragraph of another
is not a copy. The cost grows with the words of the corpus, never with its pairs of documents.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter
from collections.abc import Iterable

from consistency.lazy_re import lazy_compile
from consistency.model import Claim, Document

SHINGLE = 6  # words per shingle: a run this long rarely repeats by chance in two articles
SAMPLE = 4  # in a long text, one shingle in SAMPLE is kept, chosen by its first word (the same in every text)
MIN_SHINGLES = 20  # a text with fewer kept shingles keeps them all; a text with fewer than this in all is not judged
NEAR = 0.6  # share of the shorter text's shingles the other holds for the two to be one text

_WORD = lazy_compile(r"[^\W_]+")


def copy_groups(documents: Iterable[Document]) -> dict[str, str]:
    """Each document that is one text with others -> the first of them (earliest published,
    then by id). Documents copied by none are left out."""
    ordered = sorted(documents, key=_order)
    index: dict[tuple[bool, int], int] = {}  # (sampled, shingle hash) -> first document holding it
    sizes: list[int] = []
    parent = list(range(len(ordered)))
    kept: dict[str, bool] = {}
    for i, document in enumerate(ordered):
        sampled, shingles = _shingles(document.text, kept)
        sizes.append(len(shingles))
        if len(shingles) < MIN_SHINGLES and not sampled:
            continue
        shared: Counter[int] = Counter()
        for shingle in shingles:
            first = index.setdefault((sampled, shingle), i)
            if first != i:
                shared[first] += 1
        for other, count in shared.items():
            if count >= NEAR * min(len(shingles), sizes[other]):
                parent[_root(parent, i)] = _root(parent, other)
    groups: dict[int, list[int]] = {}
    for i in range(len(ordered)):
        groups.setdefault(_root(parent, i), []).append(i)
    return {ordered[i].id: ordered[min(members)].id for members in groups.values() if len(members) > 1 for i in members}


def sharing_figures(claims: Iterable[Claim]) -> set[str]:
    """The documents with a figure without a source that another document writes in the same
    words: only their texts can be copies that change an origin, so only they are read."""
    first: dict[tuple[str, str], str] = {}
    found: set[str] = set()
    for claim in claims:
        if claim.attributed_to:
            continue
        seen = first.setdefault((claim.kind, claim.quote.casefold()), claim.document)
        if seen != claim.document:
            found.update((seen, claim.document))
    return found


def _order(document: Document) -> tuple[dt.date, str]:
    return (document.published or dt.date.max, document.id)


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i


def _shingles(text: str, kept: dict[str, bool]) -> tuple[bool, set[int]]:
    """Whether the text is long enough to be sampled, and the hashes of its shingles. A long
    text keeps the shingles whose first word is kept (`kept` memoises that per word), so two
    copies keep the same ones; a short text keeps all of them, and is matched only with texts
    as short."""
    lines = [_WORD.findall(line) for line in text.casefold().splitlines()]
    for word in {w for words in lines for w in words}.difference(kept):
        kept[word] = zlib.crc32(word.encode("utf-8", "surrogatepass")) % SAMPLE == 0
    # a shingle never spans two lines: a date line restyled changes no other
    every = [tuple(words[i:i + SHINGLE]) for words in lines for i in range(len(words) - SHINGLE + 1)]
    chosen = [shingle for shingle in every if kept[shingle[0]]]
    sampled = len(chosen) >= MIN_SHINGLES
    return sampled, {hash(shingle) for shingle in (chosen if sampled else every)}
