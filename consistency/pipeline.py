"""The pipeline: corpus → extract → graph → ruleset, returning one Result.

This is the library's front door: the CLI, the benchmark and rule tests all call `check`
or `analyse`, so every way of running the tool goes through the same stages.
"""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from consistency.anchoring import anchor_events
from consistency.baseline import Baseline, apply_baseline
from consistency.corpus import boilerplate_spans, load_corpus
from consistency.corpus.selection import Selection
from consistency.errors import UsageError
from consistency.extract.claims import extract_claims
from consistency.extract.lexicon import Lexicon, load_lexicon
from consistency.graph import build_topics, infer_actors, unify_origins
from consistency.model import Claim, Document, Finding, Result, Skipped
from consistency.ruleset import Context, RuleSet, default_rules_dir, load_rules
from consistency.ruleset.pick import pick_rules

if TYPE_CHECKING:
    from consistency.cache import ExtractionCache
    from consistency.distributed import Cluster

Progress = Callable[[int, int], None]

# Extraction is independent per document: large corpora are split over worker processes.
PARALLEL_MIN_DOCUMENTS = 400
_CHUNK = 64
_job: tuple[Sequence[Document], Lexicon, float | None] | None = None  # what forked workers read

# A document whose extraction takes longer than this many seconds is skipped with a warning
# rather than stalling the run (CHECK_CONSISTENCY_TIME_BUDGET overrides; 0 turns it off).
# Generous: a long real article takes well under a second once the patterns are compiled.
DEFAULT_TIME_BUDGET = 20.0


def time_budget() -> float | None:
    """Seconds one document's extraction may take (None: no limit).

    A value that is not a number of seconds is an error, not the default: a user who set a
    budget must not believe it holds.
    """
    wanted = os.environ.get("CHECK_CONSISTENCY_TIME_BUDGET")
    try:
        budget = float(wanted) if wanted else DEFAULT_TIME_BUDGET
    except ValueError:
        budget = -1.0
    if not budget >= 0:  # negative or nan
        raise UsageError(
            f"CHECK_CONSISTENCY_TIME_BUDGET={wanted!r} is not a number of seconds;"
            " set it to seconds per document (0 for no limit) or unset it"
        )
    return budget if 0 < budget < float("inf") else None  # 0, inf: no limit


class _OverBudget(BaseException):
    """Raised inside a document's extraction when its time budget runs out.

    A BaseException, like KeyboardInterrupt: an `except Exception` in extraction code must
    not swallow it and go on to return a half-read document's claims.
    """


def _on_alarm(signum: int, frame: object) -> None:
    raise _OverBudget


def _budgeted(doc: Document, lex: Lexicon, budget: float | None) -> tuple[Claim, ...] | None:
    """The document's claims, or None when extraction ran out of time.

    A timer signal interrupts the extraction (in the main thread of this process, which is
    where the CLI and the forked workers run it); elsewhere (another thread, no SIGALRM)
    the budget is not enforced. A budget that runs out just as extraction ends still skips
    the document: the outcome never depends on a half-finished extraction.
    """
    if budget is None or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        return extract_claims(doc, lex, boilerplate_spans(doc))
    warm(lex, [doc.language])  # compiling the language's patterns is not the document's time
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    try:
        signal.setitimer(signal.ITIMER_REAL, budget)
        try:
            return extract_claims(doc, lex, boilerplate_spans(doc))
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _OverBudget:
        return None
    finally:
        signal.signal(signal.SIGALRM, previous)


def _over_budget(doc: Document, budget: float | None) -> Skipped:
    return Skipped(doc.path, f"extraction took more than {budget:g} s (CHECK_CONSISTENCY_TIME_BUDGET); not checked")


def workers() -> int:
    """How many processes extraction may use (CHECK_CONSISTENCY_WORKERS overrides)."""
    wanted = os.environ.get("CHECK_CONSISTENCY_WORKERS")
    if wanted and wanted.isdigit():
        return max(1, int(wanted))
    import multiprocessing  # here, not at import: a run of a few documents never forks

    if "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return max(1, min(4, os.cpu_count() or 1))


def die_with_parent(parent: int) -> None:
    """Make this worker end when the process that started it does.

    A killed main process would otherwise leave its workers running, reparented, holding
    its output pipes open: whatever captures the output then waits forever. Linux kills
    the worker itself (PR_SET_PDEATHSIG); elsewhere a thread checks the parent each second.
    """
    import signal
    import threading

    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if armed:
        return

    def watch() -> None:
        import time

        while os.getppid() == parent:
            time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _extract_range(bounds: tuple[int, int]) -> list[tuple[Claim, ...] | None]:
    assert _job is not None
    docs, lex, budget = _job
    return [_budgeted(d, lex, budget) for d in docs[bounds[0]:bounds[1]]]


def warm(lex: Lexicon, languages: Sequence[str | None]) -> None:
    """Compile what extraction of these languages needs, once, before workers fork.

    Patterns compile per language on first use; compiled here, every forked worker
    inherits them instead of compiling them again.
    """
    from consistency.extract.cues import cues_for
    from consistency.extract.gazetteer import load_gazetteer

    lex.warm()
    load_gazetteer()
    lex.times.grammar(None)  # names of sources are read with every language's dates
    for lang in dict.fromkeys(languages):
        lex.numbers.grammar(lang)
        lex.times.grammar(lang)
        cues_for(lang)


def _extract_all(
    docs: Sequence[Document],
    lex: Lexicon,
    on_progress: Progress | None,
    cache: ExtractionCache | None = None,
    cluster: Cluster | None = None,
    budget: float | None = None,
    keys_out: list[bytes] | None = None,
) -> list[tuple[Claim, ...] | None]:
    """Claims per document, in document order: from the cache when it has them, else extracted
    (None: a document over its time budget, never cached). With a cache, each document's
    cache key is appended to `keys_out`."""
    if cache is None:
        return [*cluster.extract(docs, lex)] if cluster is not None else _extract_fresh(docs, lex, on_progress, budget)
    from consistency.cache import hits_and_misses

    keys, cached = hits_and_misses(cache, docs)
    if keys_out is not None:
        keys_out.extend(keys)
    todo = [i for i, key in enumerate(keys) if key not in cached]
    missing = [docs[i] for i in todo]
    fresh: list[tuple[Claim, ...] | None]
    if cluster is not None:
        fresh = [*cluster.extract(missing, lex)]
    else:
        fresh = _extract_fresh(missing, lex, on_progress, budget)
    if fresh:
        cache.put_many((keys[i], claims) for i, claims in zip(todo, fresh, strict=True) if claims is not None)
    found = dict(zip(todo, fresh, strict=True))
    if on_progress:
        on_progress(len(docs), len(docs))
    return [found[i] if i in found else cached[key] for i, key in enumerate(keys)]


def _extract_fresh(
    docs: Sequence[Document], lex: Lexicon, on_progress: Progress | None, budget: float | None = None
) -> list[tuple[Claim, ...] | None]:
    """Claims per document, in document order, whatever the number of processes."""
    global _job
    n = workers() if len(docs) >= PARALLEL_MIN_DOCUMENTS else 1
    if n < 2:
        out: list[tuple[Claim, ...] | None] = []
        for i, doc in enumerate(docs, 1):
            out.append(_budgeted(doc, lex, budget))
            if on_progress:
                on_progress(i, len(docs))
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    warm(lex, [d.language for d in docs])
    _job = (docs, lex, budget)  # forked workers inherit it: documents are never pickled
    try:
        ranges = [(i, min(i + _CHUNK, len(docs))) for i in range(0, len(docs), _CHUNK)]
        out = []
        with ProcessPoolExecutor(max_workers=n, mp_context=multiprocessing.get_context("fork"),
                                 initializer=die_with_parent, initargs=(os.getpid(),)) as pool:
            for chunk in pool.map(_extract_range, ranges):
                out.extend(chunk)
                if on_progress:
                    on_progress(len(out), len(docs))
        return out
    finally:
        _job = None


def _evaluate(
    ruleset: RuleSet,
    context: Context,
    docs: Sequence[Document],
    cache: ExtractionCache | None,
    cluster: Cluster | None,
    document_keys: Sequence[bytes] = (),
) -> tuple[Finding, ...]:
    """Findings of the rules: from the cache when nothing they read has changed, else each
    topic's from the cache when nothing its rules read has changed (`cache.topic_keys`)."""
    key = None
    store = None
    if cache is not None:
        from consistency.cache import TopicFindings, findings_key, topic_keys

        key = findings_key(ruleset, docs, cache.version, document_keys or None)
        found = cache.get_findings(key)
        if found is not None:
            return found
        if cluster is None and len(document_keys) == len(docs):
            by_topic = topic_keys(ruleset, context, {d.id: k for d, k in zip(docs, document_keys, strict=True)},
                                  cache.version)
            store = TopicFindings(cache, by_topic) if by_topic is not None else None
    if cluster is not None:
        findings = tuple(cluster.evaluate(ruleset, context))
    else:
        findings = tuple(ruleset.evaluate(context, store))
    if cache is not None and key is not None:
        cache.put_findings(key, findings)
    return findings


def analyse(
    documents: Sequence[Document],
    ruleset: RuleSet,
    *,
    lexicon: Lexicon | None = None,
    corpus: str = "corpus",
    skipped: Sequence[Skipped] = (),
    on_progress: Progress | None = None,
    cache: ExtractionCache | None = None,
    cluster: Cluster | None = None,
    budget: float | None = DEFAULT_TIME_BUDGET,
) -> Result:
    """Claims, topics and findings for documents already read.

    `cache` must have been opened for `lexicon` (see `consistency.cache.open_cache`);
    `cluster` runs extraction and rule evaluation on Dask (see `consistency.distributed`).
    A document whose extraction takes more than `budget` seconds is skipped (None: no limit;
    not enforced on a cluster).
    """
    lex = lexicon or load_lexicon()
    docs = tuple(sorted(documents, key=lambda d: d.id))
    keys: list[bytes] = []
    extracted = _extract_all(docs, lex, on_progress, cache, cluster, budget, keys)
    late = [_over_budget(d, budget) for d, per_doc in zip(docs, extracted, strict=True) if per_doc is None]
    if late:
        if keys:
            keys = [k for k, per_doc in zip(keys, extracted, strict=True) if per_doc is not None]
        docs = tuple(d for d, per_doc in zip(docs, extracted, strict=True) if per_doc is not None)
        extracted = [per_doc for per_doc in extracted if per_doc is not None]
    claims = [c for per_doc in extracted if per_doc is not None for c in per_doc]
    known_origins = lex.origin_kinds.keys()
    all_claims = anchor_events(infer_actors(unify_origins(claims, known_origins, tuple(lex.extra_dirs))), docs, lex)
    topics = build_topics(all_claims, lex)
    context = Context(
        documents={d.id: d for d in docs},
        claims={c.id: c for c in all_claims},
        topics=topics,
    )
    findings = _evaluate(ruleset, context, docs, cache, cluster, keys)
    return Result(
        corpus=corpus,
        documents=docs,
        claims=tuple(all_claims),
        topics=topics,
        findings=tuple(findings),
        skipped=(*skipped, *late),  # in the corpus order (natural: a.jsonl:2 before a.jsonl:10), then over budget
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
    selection: Selection | None = None,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
    cache_dir: str | os.PathLike[str] | None = None,
    dask: object | None = None,
) -> Result:
    """Read the articles under `paths`, apply the rules, compare with a baseline if given.

    `selection` decides which files of the folders are read; `select`/`ignore` are rule ids.
    `cache_dir` keeps each document's claims for the next run (None: no cache); `dask` is
    a scheduler address (or a dask Client) to extract and evaluate on (None: this machine).
    The result is the same with or without either.
    """
    ruleset = pick_rules(load_rules([Path(p) for p in rules] if rules else [default_rules_dir()]), select, ignore)
    lexicon = load_lexicon(tuple(Path(p) for p in lexicon_dirs))
    if lexicon_dirs:  # a --lexicon folder's places.yaml places places for the rules too
        ruleset = RuleSet(ruleset.rules, ruleset.places.using(lexicon.place_within))
    cache = cluster = None
    try:
        if cache_dir is not None:
            from consistency.cache import FileRecords, open_cache

            cache = open_cache(Path(cache_dir), [Path(p) for p in lexicon_dirs])
            memo = FileRecords(cache)  # an unchanged file is not read again
            corpus = load_corpus(paths, max_bytes=max_bytes, selection=selection, memo=memo)
            memo.save()
        else:
            corpus = load_corpus(paths, max_bytes=max_bytes, selection=selection)
        if dask is not None:
            from consistency.distributed import connect

            cluster = connect(dask)
        result = analyse(
            corpus.documents,
            ruleset,
            lexicon=lexicon,
            corpus=corpus.name,
            skipped=corpus.skipped,
            on_progress=on_progress,
            cache=cache,
            cluster=cluster,
            budget=time_budget(),
        )
    finally:
        if cache is not None:
            cache.close()
        if cluster is not None:
            cluster.close()
    if baseline is not None:
        result = apply_baseline(result, baseline)
    return result
