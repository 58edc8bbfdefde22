"""Time the command line's start-up: `--help`, and one article end to end, process start included.

    python benchmarks/startup.py                      # median of 5 runs each, after one warm-up
    python benchmarks/startup.py --repeat 9 --article seeds/000_016b9498bfa5711a.txt
    python benchmarks/startup.py --no-table-cache     # as before the table cache (for comparison)

Each command runs in a fresh process, as a user or a pre-commit hook runs it, on a warm disk:
one run first fills the caches (tables, patterns, gazetteer, compiled bytecode), then `--repeat`
runs are timed. The wall time depends on what else the machine is doing, so the CPU time of the
process (user + system) is given too, and medians rather than means. `check` runs with
`--no-cache` so that the article is really extracted, not read back from the extraction cache.
"""

from __future__ import annotations

import argparse
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--article", type=Path, default=DEFAULT_ARTICLE)
    parser.add_argument("--no-table-cache", action="store_true", help="build the lexicon tables in every run")
    args = parser.parse_args()
    exe = shutil.which("check-consistency", path=str(Path(sys.executable).parent)) or "check-consistency"
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed package has its bytecode compiled
    if args.no_table_cache:
        env["CHECK_CONSISTENCY_NO_TABLE_CACHE"] = "1"
    with tempfile.TemporaryDirectory(prefix="startup-") as tmp:
        work = Path(tmp)
        article = work / "one.txt"
        shutil.copyfile(args.article, article)
        commands = {
            "--help": [exe, "--help"],
            "extract one.txt": [exe, "extract", str(article)],
            "one.txt (check)": [exe, str(article), "--no-report", "--no-cache", "-q"],
        }
        print("| command | wall median (s) | CPU median (s) | runs |\n|---|---:|---:|---:|")
        for name, argv in commands.items():
            run_once(argv, env, work)  # warm-up: fills the caches
            times = [run_once(argv, env, work) for _ in range(args.repeat)]
            wall = statistics.median(t[0] for t in times)
            cpu = statistics.median(t[1] for t in times)
            print(f"| `check-consistency {name}` | {wall:.2f} | {cpu:.2f} | {args.repeat} |")
    print(f"\nload average: {', '.join(f'{x:.1f}' for x in os.getloadavg())} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
