"""The scale curve: 1 000, 10 000 (and 100 000) articles, cold and warm, as a table and a chart.

    python benchmarks/scale.py                      # 1 000 and 10 000 realistic articles
    python benchmarks/scale.py --max 100000         # and 100 000
    python benchmarks/scale.py --short              # articles of about 140 words instead

    python benchmarks/scale.py --short --sizes 10000 --runs warm "1 changed" --workdir /tmp/scale
                                                    # keep corpus and cache; fill once, re-run warm

Each size is generated once (seed 0), then checked in fresh processes with the command a user
types (`check-consistency CORPUS --report … --format json --output …`): cold (`--no-cache`),
filling a cache, warm (nothing changed: the last run's output is given back) and with one
article changed. The table gives wall and CPU time (the process and its workers: what a busy
machine changes least), articles/s, words/s and peak RSS; the curve is written as a small
self-contained SVG (`benchmarks/scale.svg`, hand-written: no plotting library) and the
figures, dated, into `benchmarks/scale.json` (realistic and short articles in sections of
their own), so the chart can be redrawn (`--redraw`) without running again. Issue 10's
targets are checked at the end, each said met or not met.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate_corpus import REALISTIC, generate  # noqa: E402  (sibling scripts, not a package)
from run import Measure, machine, table  # noqa: E402

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SIZES = (1_000, 10_000, 100_000)
RUNS = ("cold", "cache fill", "warm", "1 changed")
COLOURS = {"cold": "#c0392b", "cache fill": "#e67e22", "warm": "#2471a3", "1 changed": "#239b56"}

# Issue 10's targets, on 2 cores.
WORDS_PER_S_COLD = 150_000
WARM_10K_S = 2.0
CHANGED_10K_S = 3.0
RATIO_100K = 11.0
PEAK_BYTES = 2 * 2**30


def _words(corpus: Path) -> int:
    """Words of the articles as the tool reads them (outside any timing)."""
    from consistency.corpus import load_corpus

    return sum(len(d.text.split()) for d in load_corpus([corpus]).documents)


def _command_run(n: int, files: int, name: str, corpus: Path, out: Path, cache_dir: Path | None, code: Path,
                 words: int) -> Measure:
    """One run of the command a user types (report and JSON written, as `run.py`'s child does),
    in a fresh process: wall time from outside, CPU of it and its workers from rusage."""
    argv = [str(corpus), "--report", str(out / "report.md"), "--format", "json", "--output",
            str(out / "result.json"), "--quiet"]
    argv += ["--cache-dir", str(cache_dir)] if cache_dir is not None else ["--no-cache"]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (str(code), os.environ.get("PYTHONPATH"))))}
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", "from consistency.cli import entry; entry()", *argv],
                                cwd=out, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)  # this run's own CPU and peak memory, its workers included
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            sys.stderr.write(errors.read().decode("utf-8", "replace"))
            raise SystemExit(f"check-consistency failed on {n} articles (exit {proc.returncode}); see above")
    result = json.loads((out / "result.json").read_text(encoding="utf-8"))
    scale = 1 if sys.platform == "darwin" else 1024  # ru_maxrss: bytes on macOS, KiB on Linux
    return Measure(articles=n, files=files, run=name, wall_s=wall, import_s=0.0, check_s=0.0, render_s=0.0,
                   cpu_s=usage.ru_utime + usage.ru_stime,
                   peak_bytes=usage.ru_maxrss * scale, documents=len(result["documents"]), claims=len(result["claims"]),
                   topics=len(result["topics"]), findings=len(result["findings"]), words=words)


def measure(n: int, seed: int, workdir: Path, words: tuple[int, int] | None, runs: Sequence[str],
            code: Path = ROOT) -> list[Measure]:
    """The runs asked for, in the order of RUNS, on one generated corpus, each as the command
    `check-consistency CORPUS --report … --format json --output …` in a fresh process; "warm"
    and "1 changed" read the cache the "cache fill" run wrote, so asking for them runs "cache
    fill" too unless `workdir` already holds its cache. A corpus already in `workdir/corpus`
    is kept (its cache stays valid); a new one is left 2 s before the first run, as files are
    that a user re-checks (younger ones are read again, see docs/scale.md)."""
    workdir = workdir.resolve()  # documents are named by their path: a kept corpus is always given the same one
    folder = workdir / "corpus"
    if not (folder.is_dir() and any(folder.iterdir())):
        generate(n, folder, seed, words)
        time.sleep(2.1)
    corpus = folder
    files = sum(1 for p in corpus.iterdir() if p.is_file())
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    cache_dir = workdir / "cache"
    filled = (cache_dir / "extraction.sqlite3").is_file()
    wanted = set(runs) | ({"cache fill"} if {"warm", "1 changed"} & set(runs) and not filled else set())
    counted = _words(corpus)
    measures = []
    for run in (r for r in RUNS if r in wanted):
        if run == "1 changed":
            changed = min(p for p in corpus.iterdir() if p.suffix == ".txt")
            changed.write_text(changed.read_text(encoding="utf-8") + "\nOne more line, read again.\n", encoding="utf-8")
        measures.append(_command_run(n, files, run, corpus, out, None if run == "cold" else cache_dir, code, counted))
        print(table(measures[-1:]), file=sys.stderr, flush=True)  # progress: a size can take long
    return measures


def targets(measures: Sequence[Measure]) -> list[str]:
    """One line per target of issue 10 these measures can speak to: met, or not, with the figure."""
    by = {(m.articles, m.run): m for m in measures}
    lines = []

    def line(ok: bool, what: str) -> None:
        lines.append(f"- {'met' if ok else 'NOT met'}: {what}")

    for (n, run), m in sorted(by.items()):
        if run in ("cold", "cache fill"):
            line(m.words_rate >= WORDS_PER_S_COLD,
                 f"{n:,} articles {run} at {m.words_rate:,.0f} words/s (target ≥ {WORDS_PER_S_COLD:,})")
        line(m.peak_bytes <= PEAK_BYTES, f"{n:,} articles {run}: peak RSS {m.peak_bytes / 2**20:,.0f} MiB (target ≤ 2 GiB)")
    if (10_000, "warm") in by:
        m = by[10_000, "warm"]
        line(m.wall_s <= WARM_10K_S, f"unchanged 10,000 re-run in {m.wall_s:.2f} s (target ≤ {WARM_10K_S:g} s)")
    if (10_000, "1 changed") in by:
        m = by[10_000, "1 changed"]
        line(m.wall_s <= CHANGED_10K_S, f"one changed among 10,000 in {m.wall_s:.2f} s (target ≤ {CHANGED_10K_S:g} s)")
    first = next((r for r in ("cold", "cache fill") if (10_000, r) in by and (100_000, r) in by), None)
    if first is not None:
        ratio = by[100_000, first].wall_s / by[10_000, first].wall_s
        line(ratio <= RATIO_100K, f"100,000 cold took {ratio:.1f}× the 10,000 time (target ≤ {RATIO_100K:g}×)")
    return lines


def svg(measures: Sequence[Measure], title: str) -> str:
    """Wall time against corpus size, both on log scales, one line per kind of run, and the
    line of a linear run through the first cold point for comparison."""
    width, height, left, right, top, bottom = 560, 340, 64, 150, 36, 48
    runs = [r for r in RUNS if any(m.run == r for m in measures)]
    points = [(m.articles, m.wall_s) for m in measures if m.run in runs and m.wall_s > 0]
    if not points:
        raise SystemExit("nothing to draw")
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    x0, x1 = math.floor(math.log10(min(xs))), math.ceil(math.log10(max(xs)))
    x1 = max(x1, x0 + 1)
    y0, y1 = math.floor(math.log10(min(ys))), math.ceil(math.log10(max(ys)))
    y1 = max(y1, y0 + 1)

    def px(x: float) -> float:
        return left + (math.log10(x) - x0) / (x1 - x0) * (width - left - right)

    def py(y: float) -> float:
        return height - bottom - (math.log10(y) - y0) / (y1 - y0) * (height - top - bottom)

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">',
        f'<rect width="{width}" height="{height}" fill="white"/>',
        f'<text x="{left}" y="20" font-size="13">{_escape(title)}</text>',
    ]
    for e in range(x0, x1 + 1):
        x = px(10**e)
        out.append(f'<line x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{height - bottom}" stroke="#ddd"/>')
        out.append(f'<text x="{x:.1f}" y="{height - bottom + 16}" text-anchor="middle">{10**e:,}</text>')
    for e in range(y0, y1 + 1):
        y = py(10**e)
        out.append(f'<line x1="{left}" y1="{y:.1f}" x2="{width - right}" y2="{y:.1f}" stroke="#ddd"/>')
        out.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{10.0**e:g} s</text>')
    out.append(f'<text x="{(left + width - right) / 2:.0f}" y="{height - 10}" text-anchor="middle">articles</text>')
    cold = sorted((m.articles, m.wall_s) for m in measures if m.run == "cold") or sorted(
        (m.articles, m.wall_s) for m in measures if m.run == "cache fill")
    if cold:
        n0, t0 = cold[0]
        a, b = n0, min(10**x1, n0 * 10 ** (y1 - math.log10(t0)))
        out.append(f'<line x1="{px(a):.1f}" y1="{py(t0):.1f}" x2="{px(b):.1f}" y2="{py(t0 * b / a):.1f}" '
                   f'stroke="#999" stroke-dasharray="4 3"/>')
    for k, run in enumerate(runs):
        line = sorted((m.articles, m.wall_s) for m in measures if m.run == run and m.wall_s > 0)
        colour = COLOURS.get(run, "black")
        path = " ".join(f"{px(x):.1f},{py(y):.1f}" for x, y in line)
        out.append(f'<polyline points="{path}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for x, y in line:
            out.append(f'<circle cx="{px(x):.1f}" cy="{py(y):.1f}" r="3" fill="{colour}">'
                       f"<title>{run}, {x:,} articles: {y:.2f} s</title></circle>")
        ly = top + 14 + 18 * k
        out.append(f'<line x1="{width - right + 12}" y1="{ly - 4}" x2="{width - right + 32}" y2="{ly - 4}" '
                   f'stroke="{colour}" stroke-width="2"/>')
        out.append(f'<text x="{width - right + 38}" y="{ly}">{_escape(run)}</text>')
    ly = top + 14 + 18 * len(runs)
    out.append(f'<line x1="{width - right + 12}" y1="{ly - 4}" x2="{width - right + 32}" y2="{ly - 4}" '
               f'stroke="#999" stroke-dasharray="4 3"/>')
    out.append(f'<text x="{width - right + 38}" y="{ly}">linear</text>')
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _section(short: bool) -> str:
    """Where a run's figures go in the JSON: realistic and short articles are kept side by side."""
    return "short_measures" if short else "measures"


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--max", type=int, default=10_000, help="largest size: 1000, 10000 or 100000 (default 10000)")
    parser.add_argument("--short", action="store_true", help="articles of about 140 words (default: 350-600)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--out", type=Path, help="the chart (default scale.svg, scale-short.svg with --short)")
    parser.add_argument("--figures", type=Path, default=HERE / "scale.json",
                        help="the figures, one section for realistic and one for short articles (default scale.json)")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS),
                        help="which runs (default all; 'cache fill' is a cold run that also writes the cache)")
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes to run instead of 1000, 10000 up to --max")
    parser.add_argument("--workdir", type=Path,
                        help="keep each size's corpus and cache in DIR/SIZE and reuse them: warm runs without a new fill")
    parser.add_argument("--code", type=Path, default=ROOT, help="the checkout to run (default: this one)")
    parser.add_argument("--redraw", action="store_true", help="draw the chart from the saved figures, run nothing")
    args = parser.parse_args(argv)
    figures = args.figures
    chart = args.out or HERE / ("scale-short.svg" if args.short else "scale.svg")
    section = _section(args.short)
    title = f"check-consistency, {'short' if args.short else '350-600-word'} articles, 2 cores"
    saved = json.loads(figures.read_text(encoding="utf-8")) if figures.is_file() else {}
    if args.redraw:
        measures = [Measure(**{k: v for k, v in m.items() if k != "date"}) for m in saved.get(section, [])]
        title = saved.get(f"{section}_title", saved.get("title", title)) if args.short else saved.get("title", title)
    else:
        measures = []
        for n in args.sizes or [s for s in SIZES if s <= args.max]:
            workdir = args.workdir / str(n) if args.workdir else Path(tempfile.mkdtemp(prefix=f"check-consistency-scale-{n}-"))
            workdir.mkdir(parents=True, exist_ok=True)
            try:
                measures.extend(measure(n, args.seed, workdir, None if args.short else REALISTIC, args.runs, args.code))
            finally:
                if not args.workdir:
                    shutil.rmtree(workdir, ignore_errors=True)
        # New figures replace those of the same size and run; the others are kept, with their dates.
        today = dt.date.today().isoformat()
        fresh = {(m.articles, m.run): {**asdict(m), "date": today} for m in measures}
        kept = [m for m in saved.get(section, []) if (m["articles"], m["run"]) not in fresh]
        saved[section] = sorted([*kept, *fresh.values()], key=lambda m: (m["articles"], RUNS.index(m["run"])))
        saved["title" if not args.short else f"{section}_title"] = title
        saved["machine"] = machine()
        figures.write_text(json.dumps(saved, indent=1) + "\n", encoding="utf-8")
        measures = [Measure(**{k: v for k, v in m.items() if k != "date"}) for m in saved[section]]
    chart.write_text(svg(measures, title), encoding="utf-8")
    print(f"Machine: {machine()}\n")
    print(table(measures))
    print("\nTargets of issue 10:")
    print("\n".join(targets(measures)))
    print(f"\nchart: {chart}")


if __name__ == "__main__":
    main()
