"""Measure the whole pipeline, cold, on synthetic corpora of growing size.

    python benchmarks/run.py                 # 1 000 and 10 000 articles
    python benchmarks/run.py --n 500 5000 --stages --keep
    python benchmarks/run.py --n 1000 --realistic --cache --startup

For each size, a corpus is generated into a temporary folder (see generate_corpus.py), then a
fresh Python process imports `consistency.pipeline`, runs `check([folder])` and renders the
Markdown and JSON reports. Wall time is taken around that process, so interpreter start-up
and imports count, as they do for a user. The child reports its own peak memory (ru_maxrss).
With --cache the same corpus is then run with an extraction cache: once to fill it, once
unchanged (warm), once with one article changed. --realistic writes articles of 350-600 words
instead of about 140; rates are given in words/s as well as articles/s. --startup times one
article end to end through the command line. --package DIR runs the `consistency` package of
another folder (a copy taken before a change), so that two versions are timed side by side.
The result is printed as a Markdown table to paste into benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import REALISTIC, generate  # noqa: E402  (a sibling script, not a package)

ROOT = Path(__file__).resolve().parent.parent

# Runs in the child. With --stages, the functions and the public methods of the classes that
# `consistency.pipeline` takes from other modules of the package (data classes of the model
# aside) get a timer before `check` runs; the rest of `check` shows as "(pipeline)".
CHILD = r"""
import json, resource, sys, time
started = time.perf_counter()
from pathlib import Path
corpus, out, stages = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3] == "1"
cache_dir = sys.argv[4] if len(sys.argv) > 4 and sys.argv[4] else None
import consistency.pipeline as pipeline
from consistency.fsutil import atomic_write_text
from consistency.report import render_json, render_markdown
imported = time.perf_counter()

timings = {}
if stages:
    import inspect, pydoc

    depth = 0  # only the outermost timed call counts, so nested stages are not counted twice

    def timing(name, fn, *args, **kwargs):
        global depth
        if depth:
            return fn(*args, **kwargs)
        depth += 1
        t = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            depth -= 1
            timings[name] = timings.get(name, 0.0) + time.perf_counter() - t

    class Timed:  # a timed stage function that pickles as the original, for worker pools
        def __init__(self, name, fn):
            self.name, self.fn = name, fn

        def __call__(self, *args, **kwargs):
            return timing(self.name, self.fn, *args, **kwargs)

        def __reduce__(self):
            return pydoc.locate, (f"{self.fn.__module__}.{self.fn.__qualname__}",)

    def timed_method(name, fn):
        return lambda *args, **kwargs: timing(name, fn, *args, **kwargs)

    model = "consistency.model"  # data, not stages
    for name, value in list(vars(pipeline).items()):
        module = getattr(value, "__module__", "") or ""
        if not module.startswith("consistency.") or module in (pipeline.__name__, model):
            continue
        if inspect.isfunction(value):
            setattr(pipeline, name, Timed(name, value))
        elif inspect.isclass(value):  # e.g. RuleSet.evaluate
            for attr, member in list(vars(value).items()):
                if inspect.isfunction(member) and not attr.startswith("_"):
                    setattr(value, attr, timed_method(f"{name}.{attr}", member))

result = pipeline.check([corpus], cache_dir=cache_dir)
checked = time.perf_counter()
markdown, as_json = render_markdown(result), render_json(result)
atomic_write_text(out / "report.md", markdown)
atomic_write_text(out / "result.json", as_json)
rendered = time.perf_counter()

scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss is bytes on macOS, KiB on Linux
usage = (resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN))
peak = max(u.ru_maxrss for u in usage)  # this process, or its largest finished worker
if stages:
    timings["(pipeline)"] = (checked - imported) - sum(timings.values())
print(json.dumps({
    "import_s": imported - started,
    "check_s": checked - imported,
    "render_s": rendered - checked,
    "peak_bytes": peak * scale,
    "cpu_s": sum(u.ru_utime + u.ru_stime for u in usage),  # this process and its workers: load-independent
    "documents": len(result.documents),
    "words": sum(len(d.text.split()) for d in result.documents),
    "claims": len(result.claims),
    "topics": len(result.topics),
    "findings": len(result.findings),
    "stages": timings,
}))
"""


@dataclass(frozen=True)
class Measure:
    """One cold run: wall time seen from outside, the rest as the child reported it."""

    articles: int
    files: int
    run: str  # "cold" (no cache), "cache fill", "warm" (unchanged), "1 changed"
    wall_s: float
    import_s: float
    check_s: float
    render_s: float
    peak_bytes: int
    documents: int
    claims: int
    topics: int
    findings: int
    words: int = 0
    stages: dict[str, float] = field(default_factory=dict)
    cpu_s: float = 0.0  # CPU of the run and its workers: what a busy machine does not change

    @property
    def rate(self) -> float:
        return self.articles / self.wall_s if self.wall_s else float("inf")

    @property
    def words_rate(self) -> float:
        return self.words / self.wall_s if self.wall_s else float("inf")


def measure(n: int, seed: int, workdir: Path, stages: bool, words: tuple[int, int] | None = None, cache: bool = False,
            package: Path = ROOT) -> list[Measure]:
    """A cold run; with `cache`, then a run filling the cache, an unchanged re-run and one with one article changed."""
    corpus = generate(n, workdir / "corpus", seed, words)
    files = sum(1 for p in corpus.iterdir() if p.is_file())
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    runs = [("cold", "")]
    if cache:
        cache_dir = str(workdir / "cache")
        runs += [("cache fill", cache_dir), ("warm", cache_dir), ("1 changed", cache_dir)]
    measures = []
    for name, cache_dir in runs:
        if name == "1 changed":
            changed = min(p for p in corpus.iterdir() if p.suffix == ".txt")
            changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line, read again.\n", encoding="utf-8")
        measures.append(_child(n, files, name, corpus, out, stages, cache_dir, package))
    return measures


def _child(n: int, files: int, name: str, corpus: Path, out: Path, stages: bool, cache_dir: str,
           package: Path = ROOT) -> Measure:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, (str(package), env.get("PYTHONPATH"))))
    started = time.perf_counter()
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(corpus), str(out), "1" if stages else "0", cache_dir],
        cwd=package,  # `python -c` puts its working folder first on the path
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    wall = time.perf_counter() - started
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"the pipeline failed on {n} articles (exit {proc.returncode}); see above")
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    return Measure(articles=n, files=files, run=name, wall_s=wall, **report)


def _command() -> list[str]:
    script = Path(sys.executable).parent / "check-consistency"
    return [str(script)] if script.exists() else [sys.executable, "-c", "from consistency.cli import entry; entry()"]


def _best(argv: Sequence[str], cwd: Path, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        started = time.perf_counter()
        subprocess.run([*_command(), *argv], cwd=cwd, capture_output=True, check=False)
        best = min(best, time.perf_counter() - started)
    return best


def startup(workdir: Path, repeat: int = 5) -> float:
    """Best wall time of `check-consistency one-article.txt` as a user runs it (process start included)."""
    article = workdir / "one.txt"
    generate(1, workdir / "one", 0)
    article.write_text(next((workdir / "one").iterdir()).read_text(encoding="utf-8"), encoding="utf-8")
    return _best([str(article), "--no-report", "--no-cache", "--format", "json"], workdir, repeat)


def help_time(workdir: Path, repeat: int = 5) -> float:
    """Best wall time of `check-consistency --help` (it never imports the pipeline)."""
    return _best(["--help"], workdir, repeat)


def machine() -> str:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {cores} cores usable, Python {platform.python_version()}, {platform.system()}"


def table(measures: Sequence[Measure]) -> str:
    rows = [
        "| articles | run | words | wall (s) | CPU (s) | articles/s | words/s | words/CPU-s | import (s) | check (s) "
        "| render (s) | peak RSS (MiB) | documents | claims | topics | findings |",
        "|---:|:---" + "|---:" * 14 + "|",
    ]
    for m in measures:
        cells = (
            m.articles, m.run, m.words, f"{m.wall_s:.2f}", f"{m.cpu_s:.2f}", f"{m.rate:.0f}", f"{m.words_rate:,.0f}",
            f"{m.words / m.cpu_s:,.0f}" if m.cpu_s else "", f"{m.import_s:.2f}",
            f"{m.check_s:.2f}", f"{m.render_s:.2f}", f"{m.peak_bytes / 2**20:.0f}",
            m.documents, m.claims, m.topics, m.findings,
        )  # fmt: skip
        rows.append("| " + " | ".join(map(str, cells)) + " |")
    return "\n".join(rows)


def stage_table(measures: Sequence[Measure]) -> str:
    names: list[str] = []
    for m in measures:
        names.extend(k for k in m.stages if k not in names)
    rows = ["| stage | " + " | ".join(f"{m.articles} articles, {m.run} (s)" for m in measures) + " |"]
    rows.append("|---|" + "---:|" * len(measures))
    for name in names:
        cells = (f"{m.stages[name]:.3f}" if name in m.stages else "" for m in measures)
        rows.append(f"| `{name}` | " + " | ".join(cells) + " |")
    return "\n".join(rows)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, nargs="+", default=[1000, 10000], help="corpus sizes")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--keep", action="store_true", help="keep corpora and reports, print where")
    parser.add_argument("--stages", action="store_true", help="also time each stage function")
    parser.add_argument("--realistic", action="store_true", help="articles of 350-600 words (default: ~140)")
    parser.add_argument("--cache", action="store_true", help="also time cache fill, warm re-run and one changed article")
    parser.add_argument("--startup", action="store_true", help="also time one article end to end")
    parser.add_argument("--package", type=Path, default=ROOT,
                        help="folder holding the `consistency` package to run (default: this checkout)")
    args = parser.parse_args(argv)
    words = REALISTIC if args.realistic else None

    measures = []
    for n in args.n:
        workdir = Path(tempfile.mkdtemp(prefix=f"check-consistency-bench-{n}-"))
        try:
            measures.extend(measure(n, args.seed, workdir, args.stages, words, args.cache, args.package.resolve()))
        finally:
            if args.keep:
                print(f"kept {workdir}", file=sys.stderr)
            else:
                shutil.rmtree(workdir, ignore_errors=True)

    print(f"Machine: {machine()}\n")
    if args.startup:
        workdir = Path(tempfile.mkdtemp(prefix="check-consistency-bench-one-"))
        try:
            print(f"check-consistency --help (best of 5): {help_time(workdir):.2f} s")
            print(f"One article end to end (best of 5): {startup(workdir):.2f} s\n")
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    print(table(measures))
    if args.stages:
        print()
        print(stage_table(measures))


if __name__ == "__main__":
    main()
