"""The pipeline: corpus → extract → graph → ruleset, returning one Result.

This is the library's front door: the CLI, the benchmark and rule tests all call `check`
or `analyse`, so every way of running the tool goes through the same stages.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from consistency.baseline import Baseline, apply_baseline
from consistency.corpus import boilerplate_spans, load_corpus
from consistency.extract.claims import extract_claims
from consistency.extract.lexicon import Lexicon, load_lexicon
from consistency.graph import build_topics, infer_actors, unify_origins
from consistency.model import Claim, Document, Result, Skipped
from consistency.ruleset import Context, RuleSet, default_rules_dir, load_rules

Progress = Callable[[int, int], None]

# Extraction is independent per document: large corpora are split over worker processes.
PARALLEL_MIN_DOCUMENTS = 400
_CHUNK = 64
_job: tuple[Sequence[Document], Lexicon] | None = None  # what forked workers read


def workers() -> int:
    """How many processes extraction may use (CHECK_CONSISTENCY_WORKERS overrides)."""
    wanted = os.environ.get("CHECK_CONSISTENCY_WORKERS")
    if wanted and wanted.isdigit():
        return max(1, int(wanted))
    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def _extract_range(bounds: tuple[int, int]) -> list[tuple[Claim, ...]]:
    assert _job is not None
    docs, lex = _job
    return [extract_claims(d, lex, boilerplate_spans(d)) for d in docs[bounds[0]:bounds[1]]]


def _extract_all(docs: Sequence[Document], lex: Lexicon, on_progress: Progress | None) -> list[tuple[Claim, ...]]:
    """Claims per document, in document order, whatever the number of processes."""
    global _job
    n = workers()
    if n < 2 or len(docs) < PARALLEL_MIN_DOCUMENTS:
        out = []
        for i, doc in enumerate(docs, 1):
            out.append(extract_claims(doc, lex, boilerplate_spans(doc)))
            if on_progress:
                on_progress(i, len(docs))
        return out
    _job = (docs, lex)  # forked workers inherit it: documents are never pickled
    try:
        ranges = [(i, min(i + _CHUNK, len(docs))) for i in range(0, len(docs), _CHUNK)]
        out = []
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork")) as pool:
            for chunk in pool.map(_extract_range, ranges):
                out.extend(chunk)
                if on_progress:
                    on_progress(len(out), len(docs))
        return out
    finally:
        _job = None


def analyse(
    documents: Sequence[Document],
    ruleset: RuleSet,
    *,
    lexicon: Lexicon | None = None,
    corpus: str = "corpus",
    skipped: Sequence[Skipped] = (),
    on_progress: Progress | None = None,
) -> Result:
    """Claims, topics and findings for documents already read."""
    lex = lexicon or load_lexicon()
    docs = tuple(sorted(documents, key=lambda d: d.id))
    claims = [c for per_doc in _extract_all(docs, lex, on_progress) for c in per_doc]
    known_origins = lex.origin_kinds.keys()
    all_claims = infer_actors(unify_origins(claims, known_origins))
    topics = build_topics(all_claims, lex)
    context = Context(
        documents={d.id: d for d in docs},
        claims={c.id: c for c in all_claims},
        topics=topics,
    )
    findings = ruleset.evaluate(context)
    return Result(
        corpus=corpus,
        documents=docs,
        claims=tuple(all_claims),
        topics=topics,
        findings=tuple(findings),
        skipped=tuple(skipped),  # in the corpus order (natural: a.jsonl:2 before a.jsonl:10)
        rules=tuple(sorted(r.id for r in ruleset.rules)),
    )


def check(
    paths: Sequence[str | os.PathLike[str]],
    *,
    rules: Sequence[str | os.PathLike[str]] | None = None,
    lexicon_dirs: Sequence[str | os.PathLike[str]] = (),
    baseline: Baseline | None = None,
    max_bytes: int = 10_000_000,
    on_progress: Progress | None = None,
) -> Result:
    """Read the articles under `paths`, apply the rules, compare with a baseline if given."""
    ruleset = load_rules([Path(p) for p in rules] if rules else [default_rules_dir()])
    lexicon = load_lexicon(tuple(Path(p) for p in lexicon_dirs))
    corpus = load_corpus(paths, max_bytes=max_bytes)
    result = analyse(
        corpus.documents,
        ruleset,
        lexicon=lexicon,
        corpus=corpus.name,
        skipped=corpus.skipped,
        on_progress=on_progress,
    )
    if baseline is not None:
        result = apply_baseline(result, baseline)
    return result
