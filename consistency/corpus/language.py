"""Which language a document is written in (ISO 639-1), cheaply when it is obvious.

Most articles are French or English: counting their frequent words settles those in
microseconds. Only when that count is not conclusive is py3langid loaded (it takes most
of a second, once) and asked. When it is not sure, the answer is None rather than a guess.

A short brief (a title and one sentence) is too short for either alone: the model spreads
its belief over close languages (German 0.2, Danish 0.1…) and one or two stop words prove
little. There the two must agree: the model's first choice is a language whose stop words
outnumber every other's.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Any

from consistency.lazy_re import lazy_compile

_SAMPLE_CHARS = 3000  # the start of the body says enough
_MODEL_SAMPLE_CHARS = 1500  # the model's cost grows with the text; this is plenty
_WORD = lazy_compile(r"[^\W\d_]+")

# The stop-word guess is kept when enough of the words are that language's and few are
# any other's; the thresholds hold for a paragraph or more of running text.
_MIN_WORDS = 20
_MIN_SHARE = 0.15
_MIN_LEAD = 4.0

# py3langid: below this much text, or this probability, the answer is None.
_MIN_MODEL_LETTERS = 40
_MIN_MODEL_PROBABILITY = 0.6
# A short text: the model's first choice is taken, however unsure, if its stop words agree.
_MIN_AGREED_LETTERS = 20


@lru_cache(maxsize=1)
def _stop_words() -> dict[str, str]:
    """word → language, for the words that belong to exactly one language (the packs'
    `stop_words`, read on the first text: see consistency/extract/languages/)."""
    from consistency.extract.languages import stop_words  # the packs know the languages

    owners: dict[str, set[str]] = {}
    for lang, words in stop_words().items():
        for word in words:
            owners.setdefault(str(word).casefold(), set()).add(str(lang))
    return {word: langs.pop() for word, langs in owners.items() if len(langs) == 1}


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when it cannot be told."""
    sample = text[:_SAMPLE_CHARS]
    words = _WORD.findall(sample.casefold())
    stop = _stop_words()
    counts = Counter(stop[w] for w in words if w in stop)
    if counts and len(words) >= _MIN_WORDS:
        ranked = counts.most_common(2)
        best, hits = ranked[0]
        runner_up = ranked[1][1] if len(ranked) > 1 else 0
        if hits >= _MIN_SHARE * len(words) and hits >= _MIN_LEAD * runner_up:
            return best
    return _model_guess(sample[:_MODEL_SAMPLE_CHARS], counts)


def normalise_language(value: object) -> str | None:
    """A declared language ("fr", "fr-FR", "en_GB") as ISO 639-1, or None if not one."""
    if not isinstance(value, str):
        return None
    code = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    return code if len(code) == 2 and code.isascii() and code.isalpha() else None


def _model_guess(sample: str, stop_counts: Counter[str]) -> str | None:
    """The model's answer when it is sure, or when its first choice is what the stop words say."""
    letters = sum(ch.isalpha() for ch in sample)
    if letters < _MIN_AGREED_LETTERS or (letters < _MIN_MODEL_LETTERS and not stop_counts):
        return None
    lang, probability = _identifier().classify(sample)
    if probability >= _MIN_MODEL_PROBABILITY and letters >= _MIN_MODEL_LETTERS:
        return normalise_language(lang)
    return normalise_language(lang) if _agreed(str(lang), stop_counts) else None


def _agreed(lang: str, stop_counts: Counter[str]) -> bool:
    """The stop words name the model's first choice ahead of every other language: two weak
    signals that agree (the model's doubt is often between dialects of that language)."""
    ours = stop_counts.get(lang, 0)
    return ours > max((n for code, n in stop_counts.items() if code != lang), default=0)


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from consistency.corpus.language_model import identifier  # decompressed once per machine

    return identifier()
