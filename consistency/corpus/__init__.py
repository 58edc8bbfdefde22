"""The corpus stage: which files are articles, their exact text, language, date and outlet.

    corpus = load_corpus(["seeds"])
    for document in corpus.documents: ...
    for skipped in corpus.skipped: print(skipped.path, skipped.reason)

`boilerplate_spans(document)` tells extraction which parts of a text are page noise.
"""

from __future__ import annotations

from consistency.corpus.boilerplate import boilerplate_spans
from consistency.corpus.language import detect_language
from consistency.corpus.loader import Corpus, documents_from_jsonl, load_corpus, read_document
from consistency.corpus.metadata import parse_date

__all__ = [
    "Corpus",
    "boilerplate_spans",
    "detect_language",
    "documents_from_jsonl",
    "load_corpus",
    "parse_date",
    "read_document",
]
