"""The pipeline: corpus → extract → graph → ruleset, returning one Result.

This is the library's front door: the CLI, the benchmark and rule tests all call `check`
or `analyse`, so every way of running the tool goes through the same stages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from consistency.baseline import Baseline, apply_baseline
from consistency.corpus import boilerplate_spans, load_corpus
from consistency.extract.claims import extract_claims
from consistency.extract.lexicon import Lexicon, load_lexicon
from consistency.graph import build_topics, infer_actors, unify_origins
from consistency.model import Document, Result, Skipped
from consistency.ruleset import Context, RuleSet, default_rules_dir, load_rules

Progress = Callable[[int, int], None]


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
    claims = []
    for i, doc in enumerate(docs, 1):
        claims.extend(extract_claims(doc, lex, boilerplate_spans(doc)))
        if on_progress:
            on_progress(i, len(docs))
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
        skipped=tuple(sorted(skipped, key=lambda s: s.path)),
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
