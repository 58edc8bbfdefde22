"""Where extraction's time goes: words per CPU-second and the costliest functions.

    python benchmarks/profile_extract.py                       # 200 realistic generated articles
    python benchmarks/profile_extract.py --n 400 --top 40
    python benchmarks/profile_extract.py --dir seeds --pipeline # these articles, whole pipeline

Extraction is timed in CPU seconds of this process (`time.process_time`), not wall time, so
the figure holds on a shared machine. Patterns, the lexicon and the gazetteer are loaded and
compiled before the clock starts (a fresh process pays that once; `startup.py` measures it).
Everything runs in one process, so profiles are complete. The profile itself (cProfile) slows
the code down: take throughput from a run without `--profile`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from generate_corpus import REALISTIC, generate  # noqa: E402

from consistency.corpus import load_corpus  # noqa: E402
from consistency.extract.claims import extract_claims  # noqa: E402
from consistency.extract.lexicon import load_lexicon  # noqa: E402
from consistency.model import Document  # noqa: E402
from consistency.pipeline import analyse, warm  # noqa: E402
from consistency.ruleset import default_rules_dir, load_rules  # noqa: E402


def documents(folders: Sequence[Path], n: int, seed: int) -> list[Document]:
    """The articles to time: the folders', or `n` generated ones of realistic length."""
    if folders:
        return list(load_corpus(folders).documents)
    out = Path(tempfile.mkdtemp(prefix="profile-corpus-"))
    generate(n, out, seed=seed, words=REALISTIC)
    return list(load_corpus([out]).documents)


def words(docs: Sequence[Document]) -> int:
    """Words of the articles' text, as the benchmark counts them (whitespace-separated)."""
    return sum(len(d.text.split()) for d in docs)


def run(docs: Sequence[Document], pipeline: bool) -> float:
    """CPU seconds to extract (or, with `pipeline`, fully analyse) the documents in this process."""
    lex = load_lexicon(())
    warm(lex, [d.language for d in docs])
    if pipeline:
        ruleset = load_rules([default_rules_dir()])
        os.environ["CHECK_CONSISTENCY_WORKERS"] = "1"  # one process: its CPU time is all the work
        start = time.process_time()
        analyse(docs, ruleset, lexicon=lex, corpus="profile", skipped=(), budget=None)
        return time.process_time() - start
    start = time.process_time()
    for doc in docs:
        extract_claims(doc, lex)
    return time.process_time() - start


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dir", type=Path, nargs="*", default=[], help="folders of articles (default: generated)")
    parser.add_argument("--n", type=int, default=200, help="generated articles (default 200)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pipeline", action="store_true", help="time the whole analysis, not extraction")
    parser.add_argument("--profile", action="store_true", help="print the costliest functions")
    parser.add_argument("--top", type=int, default=30, help="functions to print with --profile")
    parser.add_argument("--sort", default="tottime", help="pstats sort key (tottime, cumulative)")
    args = parser.parse_args(argv)
    docs = documents(args.dir, args.n, args.seed)
    n_words = words(docs)
    if args.profile:
        prof = cProfile.Profile(time.process_time)  # CPU, not wall: the machine may be shared
        prof.enable()
        cpu = run(docs, args.pipeline)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats(args.sort).print_stats(args.top)
        print(buf.getvalue())
    else:
        cpu = run(docs, args.pipeline)
    what = "whole pipeline" if args.pipeline else "extraction"
    print(f"{what}: {len(docs)} articles, {n_words} words, {cpu:.2f} s CPU, "
          f"{n_words / cpu:,.0f} words per CPU-second, {len(docs) / cpu:.1f} articles per CPU-second")


if __name__ == "__main__":
    main()
