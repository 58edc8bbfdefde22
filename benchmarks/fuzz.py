"""Long fuzzing runs: crashes, hangs and the worst time per kilobyte of hostile articles.

    python benchmarks/fuzz.py                      # 100 000 inputs, one process per CPU
    python benchmarks/fuzz.py --n 5000 --jobs 2 --seed 7 --hang 10

Each input is an article assembled from pieces that broke or slowed the tool before
(superscript digits, bidi overrides, NUL bytes, lone numbers, Markdown and CI syntax)
mixed with random text, read and extracted exactly as a run does: `read_text`, page noise,
`extract_claims`. A crash is any exception other than "this is not text"; a hang is an
input still running after --hang seconds (SIGALRM). Each input's cost is the CPU time of
its reading and extraction in the worker (`time.process_time`, less the fixed cost of
extracting a one-word article, measured once per worker), so pool start-up and other work
on a shared machine do not count; the worst input of 1 KB or more is timed again here, best
of three. The families of issue 13 (bare numbers, repeated lines, one long sentence of
figures, two that were quadratic: lines of fractions and page noise between figures) and
those found since (long digit runs, runs of percentages, thousands grouped by spaces) are
then timed at 16 and 64 KB for the worst ms/KB, in CPU time of this process, best of three.
The suite's bounded version is tests/test_hostile_input.py.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import sys
import time
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

PIECES = [
    "Selon la préfecture, 14 personnes ont été blessées samedi à Lyon. ",
    "Police said 9 people were injured on Saturday in Leeds. ",
    "Nach Angaben der Polizei wurden am Samstag 11 Menschen verletzt. ",
    "Según los bomberos, 7 personas resultaron heridas el sábado. ",
    "Entre 1500 et 2000¹ soldats", "Between 1500 and 2000² troops", "½", "٣", "Ⅻ", "𝟙𝟚", "1e999",
    "10^9999", "1\u00a0000", "1 000,5 %", "—", "\u202e", "\u2066", "\x00", "\x1b[2J", "\r\n", "\n\n",
    "«", "»", "::error::x", "<script>alert(1)</script>", "| --- |", "# titre", "```", "---\n",
    "9" * 400, "1\n" * 50, "Lire aussi : ", "Publié le 3 mars 2024 à 10h00", "\ufeff", "\udcff",
]
ALPHABET = "0123456789 ,.;:-–—%€$()[]{}\n\tabcdeéèàçßñüöABCDEZ¹²³⁴½¼٣٤ⅫⅣ\u00a0\u202f\u200b\u202e"


class Hang(Exception):
    pass


def _alarm(signum, frame):  # noqa: ANN001 - signal handler signature
    raise Hang()


def make_input(rng: random.Random) -> bytes:
    parts = []
    for _ in range(rng.randint(1, 24)):
        if rng.random() < 0.6:
            parts.append(rng.choice(PIECES))
        else:
            parts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 60))))
    text = "".join(parts)
    encoding = rng.choice(["utf-8", "utf-8", "utf-8", "utf-16-le", "cp1252"])
    return text.encode(encoding, "surrogatepass" if encoding == "utf-8" else "replace")


def _warm(lex):  # noqa: ANN001, ANN202 - a Lexicon
    """Compile every language's patterns first, and those of text in no known language (lines
    of bare numbers), with their percentages and sums of money: a first call is not a hang,
    and the families time reading, not compiling."""
    from consistency.corpus import boilerplate_spans
    from consistency.corpus.readers import read_text
    from consistency.extract.claims import extract_claims

    shares = "40 % des enseignants, 3 millions d'euros. 40% of teachers, $3 million."
    for piece in [*PIECES[:4], "1\n2\n", "1 %\n2 €\n$3\n", *(p + " " + shares for p in PIECES[:4])]:
        doc = read_text(piece.encode(), id="warm", path="warm.txt")
        extract_claims(doc, lex, boilerplate_spans(doc))
    return lex


def run_slice(args: tuple[int, int, int, float]) -> dict[str, object]:
    seed, start, count, hang = args
    from consistency.corpus import boilerplate_spans
    from consistency.corpus.decoding import NotText
    from consistency.corpus.readers import read_text
    from consistency.extract.claims import extract_claims
    from consistency.extract.lexicon import load_lexicon

    lex = _warm(load_lexicon())
    fixed = _extraction_cpu(b"x", lex)
    signal.signal(signal.SIGALRM, _alarm)
    crashes: list[str] = []
    hangs: list[bytes] = []
    worst, worst_raw = 0.0, b""
    for i in range(start, start + count):
        raw = make_input(random.Random(seed * 1_000_003 + i))
        began = time.process_time()
        signal.setitimer(signal.ITIMER_REAL, hang)
        try:
            doc = read_text(raw, id="fuzz", path="fuzz.txt")
            extract_claims(doc, lex, boilerplate_spans(doc))
        except NotText:
            pass
        except Hang:
            hangs.append(raw[:200])
        except Exception as exc:  # noqa: BLE001 - counting crashes is the point
            crashes.append(f"{type(exc).__name__}: {exc} on {raw[:120]!r}")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        rate = max(0.0, time.process_time() - began - fixed) * 1000 / (len(raw) / 1024)
        if len(raw) >= 1024 and rate > worst:
            worst, worst_raw = rate, raw
        if (i - start + 1) % 1000 == 0:  # a run stopped early still says how far it got
            print(f"  worker {start}: {i - start + 1} inputs, {len(crashes)} crashes, {len(hangs)} hangs,"
                  f" worst {worst:.1f} ms/KB", flush=True)
    return {"crashes": crashes, "hangs": hangs, "worst": worst, "worst_raw": worst_raw}


def _extraction_cpu(raw: bytes, lex) -> float:  # noqa: ANN001 - a Lexicon
    """CPU seconds of reading and extracting one input, best of three (NotText counts too)."""
    from consistency.corpus import boilerplate_spans
    from consistency.corpus.decoding import NotText
    from consistency.corpus.readers import read_text
    from consistency.extract.claims import extract_claims

    best = float("inf")
    for _ in range(3):
        began = time.process_time()
        try:
            doc = read_text(raw, id="fuzz", path="fuzz.txt")
            extract_claims(doc, lex, boilerplate_spans(doc))
        except NotText:
            pass
        best = min(best, time.process_time() - began)
    return best


FAMILIES = {
    "bare numbers": lambda n: "1\n" * (n // 2),
    "repeated lines": lambda n: ("Nach Angaben der Polizei wurden am Samstag in Köln 11 Menschen verletzt.\n" * (n // 70 + 1))[:n],
    "one sentence of figures": lambda n: "Die Feuerwehr zählte " + ", ".join(str(10 + i % 90) for i in range(n // 4)) + " Verletzte.\n",
    "lines of fractions": lambda n: ("1/2 3\n" * (n // 6 + 1))[:n],
    "page noise between figures": lambda n: ("Lire aussi : x\n1\n" * (n // 17 + 1))[:n],
    "long digit runs": lambda n: (("9" * 400 + "\n") * (n // 401 + 1))[:n],
    "runs of percentages": lambda n: "1 % " * (n // 4),
    "thousands grouped by spaces": lambda n: "1" + " 000" * (n // 4),
}


def families(sizes_kb: tuple[int, ...]) -> list[tuple[str, int, float]]:
    from consistency.corpus import boilerplate_spans
    from consistency.corpus.readers import read_text
    from consistency.extract.claims import extract_claims
    from consistency.extract.lexicon import load_lexicon

    lex = _warm(load_lexicon())
    out = []
    for name, make in FAMILIES.items():
        for kb in sizes_kb:
            raw = make(kb * 1024).encode("utf-8")
            best = float("inf")
            for _ in range(3):
                began = time.process_time()
                doc = read_text(raw, id="family", path="family.txt")
                extract_claims(doc, lex, boilerplate_spans(doc))
                best = min(best, time.process_time() - began)
            out.append((name, kb, best * 1000 / kb))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="fuzzed inputs")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--hang", type=float, default=10.0, help="seconds after which an input counts as a hang")
    parser.add_argument("--sizes", type=int, nargs="*", default=[16, 64], help="family sizes in KB")
    args = parser.parse_args(argv)

    began = time.perf_counter()
    per = -(-args.n // args.jobs)
    slices = [(args.seed, j * per, min(per, args.n - j * per), args.hang) for j in range(args.jobs) if j * per < args.n]
    results: list[dict[str, object]] = [{"crashes": [], "hangs": [], "worst": 0.0, "worst_raw": b""}]  # --n 0: families only
    if slices:
        with Pool(len(slices)) as pool:
            results = pool.map(run_slice, slices)
    crashes = [c for r in results for c in r["crashes"]]
    hangs = [h for r in results for h in r["hangs"]]
    worst_fuzz, worst_raw = max((r["worst"], r["worst_raw"]) for r in results)
    from consistency.extract.lexicon import load_lexicon

    retimed = _extraction_cpu(worst_raw, _warm(load_lexicon())) * 1000 / (len(worst_raw) / 1024) if worst_raw else 0.0
    measured = families(tuple(args.sizes))
    print(f"inputs run: {args.n} (seed {args.seed}) in {time.perf_counter() - began:.0f} s")
    print(f"crashes: {len(crashes)}")
    for c in crashes[:10]:
        print(f"  {c}")
    print(f"hangs (> {args.hang:g} s): {len(hangs)}")
    for h in hangs[:5]:
        print(f"  {h!r}")
    print(f"worst fuzzed input of 1 KB or more: {worst_fuzz:.1f} ms/KB (CPU in its worker), {retimed:.1f} ms/KB"
          f" timed again (CPU, best of 3), {len(worst_raw)} bytes starting {worst_raw[:160]!r}")
    print("| family | KB | ms/KB (CPU, best of 3) |\n|---|---:|---:|")
    for name, kb, rate in measured:
        print(f"| {name} | {kb} | {rate:.1f} |")
    return 1 if crashes or hangs else 0


if __name__ == "__main__":
    sys.exit(main())
