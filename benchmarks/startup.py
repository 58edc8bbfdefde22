"""Time the command line's start-up: `--help`, and one article end to end, process start included.

    python benchmarks/startup.py                      # 5 runs each after one warm-up: best and median
    python benchmarks/startup.py --repeat 9 --article seeds/000_016b9498bfa5711a.txt
    python benchmarks/startup.py --stages             # also: where one article's time goes, stage by stage
    python benchmarks/startup.py --frozen             # a copy of the package, immune to edits meanwhile
    python benchmarks/startup.py --no-table-cache     # as before the table cache (for comparison)

Each command runs in a fresh process, as a user or a pre-commit hook runs it, on a warm disk:
one run first fills the caches (tables, patterns, gazetteer, compiled bytecode), then `--repeat`
runs are timed. The wall time depends on what else the machine is doing, so the CPU time of the
process (user + system) is given too, best and median. `check` runs with `--no-cache` so that
the article is really extracted, not read back from the extraction cache. The table cache is
keyed by the package's code: in a working tree that others are editing, `--frozen` runs a copy
of the package taken at the start, so that every run finds the caches the warm-up filled.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_ARTICLE = ROOT / "seeds" / "000_016b9498bfa5711a.txt"
# An invented brief too short for its stop words alone: its language is asked of py3langid's model.
BRIEF = "Stromausfall in Magdeburg\n\nRund 2400 Haushalte waren am Dienstag in Magdeburg ohne Strom.\n"

# One article's stages timed inside one process (CPU seconds), in the order `extract` runs them.
_STAGES = r"""
import json, sys, time
from pathlib import Path
laps = {}
def lap(name, _last=[0.0]):  # process time counts from the process start
    now = time.process_time()
    laps[name] = now - _last[0]
    _last[0] = now
lap("interpreter (until here)")
import consistency.cli  # `extract FILE` and `check PATHS` are parsed without typer (and its pydantic)
lap("import consistency.cli")
import consistency.app
lap("import the extraction stack (app, corpus, extract)")
import rich.console
import consistency.report.json, consistency.report.text
lap("import rich and the renderers")
from consistency.corpus import boilerplate_spans, load_corpus
from consistency.extract import explain_numbers
from consistency.extract.claims import extract_claims, time_notes
from consistency.extract.gazetteer import load_gazetteer
from consistency.extract.lexicon import load_lexicon
corpus = load_corpus([Path(sys.argv[1])])
lap("read the article")
lex = load_lexicon(())
lap("load the lexicon")
gazetteer = load_gazetteer()
lap("open the gazetteer")
doc = corpus.documents[0]
noise = boilerplate_spans(doc)
claims = extract_claims(doc, lex, noise)
explain_numbers(doc, claims, lex, noise)
time_notes(doc, lex)
lap("extract (gazetteer lookups included)")
store = getattr(gazetteer._names, "_store", None)
print(json.dumps({"laps": laps, "claims": len(claims), "gazetteer_buckets": getattr(store, "reads", None),
                  "typer": "typer" in sys.modules, "pydantic": "pydantic" in sys.modules}))
"""


def run_once(argv: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """Wall and CPU seconds of one process running `argv`."""
    started = time.perf_counter()
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - started
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(argv)} failed with exit code {proc.returncode}")
    return wall, usage.ru_utime + usage.ru_stime


def stages(python: list[str], article: Path, env: dict[str, str], cwd: Path, repeat: int) -> None:
    """The median CPU time of each stage of one article, over `repeat` processes."""
    runs = []
    for _ in range(repeat + 1):  # the first fills the caches
        out = subprocess.run([*python, "-c", _STAGES, str(article)], cwd=cwd, env=env, capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout))
    runs = runs[1:]
    print("\n| stage of one article (in one process) | CPU median (ms) | CPU best (ms) |\n|---|---:|---:|")
    for name in runs[0]["laps"]:
        values = [r["laps"][name] * 1000 for r in runs]
        print(f"| {name} | {statistics.median(values):.0f} | {min(values):.0f} |")
    totals = [sum(r["laps"].values()) * 1000 for r in runs]
    print(f"| **total** | {statistics.median(totals):.0f} | {min(totals):.0f} |")
    print(f"\n{runs[0]['claims']} claims; gazetteer buckets read: {runs[0]['gazetteer_buckets']}; "
          f"typer imported: {runs[0]['typer']}, pydantic imported: {runs[0]['pydantic']}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--stages", action="store_true", help="also time each stage of one article")
    parser.add_argument("--frozen", action="store_true", help="run a copy of the package taken at the start")
    parser.add_argument("--no-table-cache", action="store_true", help="build the lexicon tables in every run")
    args = parser.parse_args()
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    if args.no_table_cache:
        env["CHECK_CONSISTENCY_NO_TABLE_CACHE"] = "1"
    with tempfile.TemporaryDirectory(prefix="startup-") as tmp:
        work = Path(tmp)
        article = work / "one.txt"
        shutil.copyfile(args.article, article)
        (work / "brief.txt").write_text(BRIEF, encoding="utf-8")
        if args.frozen:
            frozen = work / "frozen"
            shutil.copytree(ROOT / "consistency", frozen / "consistency", ignore=shutil.ignore_patterns("__pycache__"))
            shutil.copytree(ROOT / "rules", frozen / "rules")
            env["PYTHONPATH"] = str(frozen)
            exe = [sys.executable, "-c", "from consistency.cli import entry; entry()"]
        else:
            exe = [shutil.which("check-consistency", path=str(Path(sys.executable).parent)) or "check-consistency"]
        python = [sys.executable]
        commands = {
            "python -c pass": [*python, "-c", "pass"],
            "--help": [*exe, "--help"],
            "extract one.txt": [*exe, "extract", str(article)],
            "one.txt (check)": [*exe, str(article), "--no-report", "--no-cache", "-q"],
            "extract brief.txt (language model)": [*exe, "extract", str(work / "brief.txt")],
        }
        print("| command | CPU best (s) | CPU median (s) | wall median (s) | runs |\n|---|---:|---:|---:|---:|")
        for name, argv in commands.items():
            run_once(argv, env, work)  # warm-up: fills the caches
            times = [run_once(argv, env, work) for _ in range(args.repeat)]
            wall = statistics.median(t[0] for t in times)
            cpu = [t[1] for t in times]
            label = name if name.startswith("python") else f"check-consistency {name}"
            print(f"| `{label}` | {min(cpu):.2f} | {statistics.median(cpu):.2f} | {wall:.2f} | {args.repeat} |")
        if args.stages:
            stages(python, article, env, work, args.repeat)
    print(f"\nload average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
