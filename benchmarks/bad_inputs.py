"""Bad inputs: every one ends in a skip with one warning or in one error line, never a crash.

    python benchmarks/bad_inputs.py            # all cases, 4 at a time
    python benchmarks/bad_inputs.py --jobs 1 --only baseline

Each case builds its files in a temporary folder (unreadable, binary, empty, huge and
wrongly encoded articles, bad file names, malformed or hostile rules, lexicons, baselines,
pyproject settings, bad options, outputs that cannot be written…) and runs the CLI there.
A case passes when the run exits 0 or 1 with one warning line naming the file it skipped,
or exits 2 with exactly one `check-consistency: error:` line naming the file, option or
line at fault; never 3, never a traceback, and no temporary file is left behind. The table
and the total are printed; the exit status is 1 when a case fails. The suite's sample is
tests/test_hostile_input.py.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Selon la préfecture, 14 personnes ont été blessées samedi à Lyon.\n"
OTHER = "Selon les pompiers, 16 personnes ont été blessées samedi à Lyon.\n"
RULE = """rules:
  - id: quantity-mismatch-local
    kind: quantity-contradiction
    severity: warning
    message: "{a} and {b} differ"
"""
BOMB = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
    for i in range(9)
)
DEEP_YAML = "a: " + "[" * 5000 + "]" * 5000 + "\n"
DEEP_JSON = "[" * 100_000 + "]" * 100_000
_ENTRY = "import sys; from consistency.cli import main; sys.exit(main())"


@dataclass(frozen=True)
class Case:
    """One bad input: the files to write (bytes by relative path, None for a folder), the
    arguments after `check-consistency`, what should happen and the name the message must show."""

    group: str
    name: str
    files: dict[str, bytes | None]
    args: list[str]
    expect: str  # "skip": exit 0/1 and a warning naming `shows`; "error": exit 2 naming it; "ok": 0/1 and no error
    shows: str = ""
    env: dict[str, str] = field(default_factory=dict)
    prepare: Callable[[Path], None] | None = None


def _article(**extra: bytes | None) -> dict[str, bytes | None]:
    """A folder with one good article (so that a run has something to read) and the extras."""
    return {"in/ok.txt": ARTICLE.encode(), "in/other.txt": OTHER.encode(), **extra}


def _skip(name: str, data: bytes, shows: str | None = None) -> Case:
    return Case("article", name, _article(**{f"in/{name}": data}), ["in"], "skip", shows or name)


def cases() -> list[Case]:  # noqa: PLR0915 - one list, read top to bottom
    out: list[Case] = []
    add = out.append
    # Articles a run skips with a warning
    add(_skip("empty.txt", b""))
    add(_skip("blank.txt", b" \n\t\n  \n"))
    add(_skip("random.txt", bytes(range(256)) * 8))
    add(_skip("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64))
    add(_skip("nul.txt", ARTICLE.encode() + b"\x00\x00" + ARTICLE.encode()))
    add(_skip("gzip.txt", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(range(200))))
    add(_skip("zip.md", b"PK\x03\x04" + bytes(range(100)) * 3))
    add(_skip("elf.html", b"\x7fELF\x02\x01\x01" + b"\x00" * 200))
    add(Case("article", "utf-16-le without BOM", _article(**{"in/u16le.txt": ARTICLE.encode("utf-16-le")}), ["in"], "ok"))
    add(Case("article", "utf-16-be without BOM", _article(**{"in/u16be.txt": ARTICLE.encode("utf-16-be")}), ["in"], "ok"))
    add(Case("article", "utf-16 with BOM", _article(**{"in/u16.txt": ARTICLE.encode("utf-16")}), ["in"], "ok"))
    add(Case("article", "utf-32", _article(**{"in/u32.txt": ARTICLE.encode("utf-32")}), ["in"], "ok"))
    add(Case("article", "cp1252", _article(**{"in/cp.txt": ARTICLE.encode("cp1252")}), ["in"], "ok"))
    add(Case("article", "invalid UTF-8 bytes", _article(**{"in/bad8.txt": b"Selon la pr\xe9fecture \xff\xfe\xc3(, 14 morts.\n"}), ["in"], "ok"))
    add(Case("article", "encoded surrogates", _article(**{"in/sur.txt": b"14 morts \xed\xa0\x80 samedi.\n"}), ["in"], "ok"))
    add(Case("article", "control characters", _article(**{"in/ctl.txt": b"14 morts\x1b[2J\x07\x08 samedi \x0b\x0c.\n"}), ["in"], "ok"))
    add(Case("article", "bidi overrides", _article(**{"in/bidi.txt": "14 \u202emorts\u202c samedi \u2066x\u2069.\n".encode()}), ["in"], "ok"))
    add(Case("article", "one 600 KB line", _article(**{"in/line.txt": b"1 " * 300_000}), ["in"], "ok"))
    add(Case("article", "larger than --max-bytes", _article(**{"in/huge.txt": ARTICLE.encode() * 100}), ["in", "--max-bytes", "1000"], "skip", "huge.txt"))
    add(Case("article", "html garbage", _article(**{"in/g.html": b"<html><<<>>><body <p <<script>x</scr<ipt>&#xFFFFFFFF;&bogus;</"}), ["in"], "ok"))
    add(_skip("tags-only.html", b"<html><head></head><body><div></div></body></html>"))
    add(Case("article", "html nested 20,000 deep", _article(**{"in/deep.html": b"<div>" * 20_000 + ARTICLE.encode() + b"</div>" * 20_000}), ["in"], "ok"))
    add(Case("article", "html script only", _article(**{"in/s.html": b"<script>" + b"var x=1;" * 500 + b"</script>"}), ["in"], "ok"))
    add(Case("article", "markdown broken front matter", _article(**{"in/fm.md": b"---\ntitle: [unclosed\n---\n" + ARTICLE.encode()}), ["in"], "ok"))
    add(Case("article", "markdown alias-bomb front matter", _article(**{"in/bomb.md": b"---\n" + BOMB.encode() + b"---\n" + ARTICLE.encode()}), ["in"], "ok"))
    add(Case("article", "json not jsonl", _article(**{"in/x.json": b"{\"text\": "}), ["in"], "ok"))
    jsonl = {
        "invalid line": b'{"text": "' + ARTICLE.strip().encode() + b'"}\n{not json\n',
        "line nested 100,000 deep": b'{"text": "' + ARTICLE.strip().encode() + b'"}\n' + DEEP_JSON.encode() + b"\n",
        "line is a number": b"42\n",
        "line without text": b'{"title": "x"}\n',
        "text not a string": b'{"text": [1, 2, {"a": null}]}\n',
        "NUL in a line": b'{"text": "14 morts\\u0000 samedi"}\n\x00\x00\n',
        "1 MB line": b'{"text": "' + b"1 " * 500_000 + b'"}\n',
        "5,000-digit number": b'{"text": "x", "n": ' + b"9" * 5000 + b"}\n",
        "cp1252 bytes": b'{"text": "pr\xe9fecture 14 morts"}\n',
        "only blank lines": b"\n\n\n",
    }
    for label, data in jsonl.items():
        add(Case("jsonl", label, _article(**{"in/a.jsonl": data}), ["in"], "ok"))
    # File and folder names
    add(Case("name", "not UTF-8 file name", _article(), ["in"], "skip", "in/caf\\xe9.txt", prepare=_latin1_name))
    add(Case("name", "not UTF-8 folder name", _article(), ["in"], "skip", "in/d\\xff", prepare=_latin1_folder))
    for label, fname in {"newline": "a\nb.txt", "escape": "a\x1b[2Jb.txt", "bidi override": "a\u202eb.txt", "tab": "a\tb.txt",
                         "CI command": "::error file=x::y.txt", "markdown link": "[x](javascript:alert(1)).txt",
                         "255 characters": "n" * 251 + ".txt", "leading dash": "-rf.txt"}.items():
        add(Case("name", label, _article(**{f"in/{fname}": ARTICLE.encode()}), ["in"], "ok"))
    add(Case("name", "dangling symlink", _article(), ["in"], "ok", prepare=lambda d: os.symlink(d / "nowhere.txt", d / "in" / "dangling.txt")))
    add(Case("name", "symlink loop", _article(), ["in"], "ok", prepare=lambda d: os.symlink(d / "in" / "loop.txt", d / "in" / "loop.txt")))
    add(Case("name", "folder link to itself", _article(), ["in"], "ok", prepare=lambda d: os.symlink(d / "in", d / "in" / "self")))
    add(Case("name", "named pipe", _article(), ["in"], "ok", prepare=lambda d: os.mkfifo(d / "in" / "pipe.txt")))
    add(Case("name", "folder named like an article", _article(**{"in/dir.txt": None}), ["in"], "ok"))
    # Paths on the command line
    add(Case("path", "missing path", _article(), ["in/missing.txt"], "error", "missing.txt"))
    add(Case("path", "missing folder", {}, ["nowhere"], "error", "nowhere"))
    add(Case("path", "empty folder", {"in": None}, ["in"], "ok"))
    add(Case("path", "only skipped files", {"in/e.txt": b""}, ["in"], "ok"))
    add(Case("path", "named pipe given", {}, ["pipe.txt"], "ok", prepare=lambda d: os.mkfifo(d / "pipe.txt")))
    add(Case("path", "/dev/null", {}, ["/dev/null"], "ok"))
    add(Case("path", "absolute path", _article(), ["ABS/in"], "ok"))
    # Rules
    rules = {
        "empty": b"",
        "syntax error": b"rules:\n  - id: x\n   kind: [\n",
        "alias bomb": BOMB.encode(),
        "nested 5,000 deep": DEEP_YAML.encode(),
        "over 5 MB": b"# " + b"x" * (6 * 1024 * 1024) + b"\n",
        "binary": bytes(range(256)),
        "utf-16 without BOM": RULE.encode("utf-16-le"),
        "a list of numbers": b"- 1\n- 2\n",
        "unknown kind": RULE.replace("quantity-contradiction", "frobnicate").encode(),
        "no id": RULE.replace("  - id: quantity-mismatch-local\n    kind", "  - kind").encode(),
        "bad severity": RULE.replace("severity: warning", "severity: apocalyptic").encode(),
        "python tag": b"rules: !!python/object/apply:os.system ['echo pwned']\n",
        "tab indentation": b"rules:\n\t- id: x\n",
        "duplicate ids": (RULE + RULE.replace("rules:\n", "")).encode(),
        "5,000-digit number": RULE.replace("severity: warning", "severity: warning\n    tolerance: " + "9" * 5000).encode(),
        "NUL bytes": b"rules:\x00\n",
    }
    for label, data in rules.items():
        add(Case("rules", label, {**_article(), "r.yaml": data}, ["in", "--rules", "r.yaml"], "error", "r.yaml"))
    add(Case("rules", "missing file", _article(), ["in", "--rules", "nope.yaml"], "error", "nope.yaml"))
    add(Case("rules", "folder with no rule file", {**_article(), "rdir": None}, ["in", "--rules", "rdir"], "error", "rdir"))
    # Lexicons
    lexicons = {
        "categories syntax error": ("categories.yaml", b"fr:\n  morts: [\n"),
        "categories alias bomb": ("categories.yaml", BOMB.encode()),
        "categories nested 5,000 deep": ("categories.yaml", DEEP_YAML.encode()),
        "categories over 5 MB": ("categories.yaml", b"# " + b"x" * (6 * 1024 * 1024) + b"\n"),
        "categories binary": ("categories.yaml", bytes(range(256))),
        "categories a list": ("categories.yaml", b"- 1\n- 2\n"),
        "places bad within": ("places.yaml", b"places:\n  Lyon:\n    within: [[[1]]]\n"),
        "number words garbage": ("number_words.yaml", b"fr: 12\n"),
        "python tag": ("origins.yaml", b"x: !!python/object/apply:os.system ['echo pwned']\n"),
        "utf-16 without BOM": ("categories.yaml", b"fr:\n  morts: deaths\n".decode().encode("utf-16-le")),
    }
    for label, (fname, data) in lexicons.items():
        add(Case("lexicon", label, {**_article(), f"lex/{fname}": data}, ["in", "--lexicon", "lex"], "error", fname))
    add(Case("lexicon", "missing folder", _article(), ["in", "--lexicon", "nolex"], "error", "nolex"))
    add(Case("lexicon", "a file, not a folder", {**_article(), "lex.yaml": b"fr: {}\n"}, ["in", "--lexicon", "lex.yaml"], "error", "lex.yaml"))
    add(Case("lexicon", "empty folder", {**_article(), "lex": None}, ["in", "--lexicon", "lex"], "ok"))
    # Baselines
    baselines = {
        "empty": b"",
        "not JSON": b"{nope",
        "nested 100,000 deep": DEEP_JSON.encode(),
        "5,000-digit number": b'{"version": ' + b"9" * 5000 + b"}",
        "a list": b"[1, 2, 3]",
        "binary": bytes(range(256)),
        "utf-16 without BOM": json.dumps({"findings": []}).encode("utf-16-le"),
        "bad severity": json.dumps({"version": 1, "findings": [{"id": "x", "severity": "apocalyptic"}]}).encode(),
        "findings not a list": json.dumps({"version": 1, "findings": "all"}).encode(),
    }
    for label, data in baselines.items():
        add(Case("baseline", label, {**_article(), "base.json": data}, ["in", "--baseline", "base.json"], "error", "base.json"))
    add(Case("baseline", "a folder", {**_article(), "base.json": None}, ["in", "--baseline", "base.json"], "error", "base.json"))
    # Settings in pyproject.toml
    pyprojects = {
        "TOML syntax error": b"[tool.check-consistency\nfail-on = \n",
        "unknown key": b'[tool.check-consistency]\nfrobnicate = true\n',
        "fail-on a number": b"[tool.check-consistency]\nfail-on = 5\n",
        "fail-on unknown": b'[tool.check-consistency]\nfail-on = "apocalyptic"\n',
        "max-bytes negative": b"[tool.check-consistency]\nmax-bytes = -1\n",
        "rules missing": b'[tool.check-consistency]\nrules = ["nope.yaml"]\n',
        "binary": bytes(range(256)),
        "section not a table": b'[tool]\ncheck-consistency = "yes"\n',
    }
    for label, data in pyprojects.items():
        # a rules file it names that is missing: the error names that file (not pyproject.toml)
        shows = "nope.yaml" if label == "rules missing" else "pyproject.toml"
        add(Case("pyproject", label, {**_article(), "pyproject.toml": data}, ["in"], "error", shows))
    # Options
    options = {
        "unknown option": (["in", "--frobnicate"], "--frobnicate"),
        "--max-bytes -1": (["in", "--max-bytes", "-1"], "--max-bytes"),
        "--max-bytes not a number": (["in", "--max-bytes", "lots"], "--max-bytes"),
        "--fail-on unknown": (["in", "--fail-on", "apocalyptic"], "--fail-on"),
        "--format unknown": (["in", "--format", "xml"], "--format"),
        "--select unknown rule": (["in", "--select", "no-such-rule"], "no-such-rule"),
        "--include bad glob": (["in", "--include", "[!"], "["),
        "more --output than --format": (["in", "--format", "json", "--output", "a.json", "--output", "b.json"], "--output"),
        "--graph unknown extension": (["in", "--graph", "g.xyz"], "g.xyz"),
    }
    for label, (args, shows) in options.items():
        add(Case("option", label, _article(), args, "error", shows))
    # Outputs that cannot be written
    outputs = {
        "--output inside a file": (["in", "--format", "json", "--output", "in/ok.txt/out.json"], "out.json"),
        "--output is a folder": (["in", "--format", "json", "--output", "outdir"], "outdir"),
        "--report inside a file": (["in", "--report", "in/ok.txt/r.md"], "r.md"),
        "--report is a folder": (["in", "--report", "outdir"], "outdir"),
        "--reports-dir is a file": (["in", "--reports-dir", "in/ok.txt"], "ok.txt"),
        "--graph inside a file": (["in", "--graph", "in/ok.txt/g.graphml"], "g.graphml"),
        "--graph is a folder": (["in", "--graph", "outdir.graphml"], "outdir.graphml"),
    }
    for label, (args, shows) in outputs.items():
        add(Case("output", label, {**_article(), "outdir": None, "outdir.graphml": None}, args, "error", shows))
    add(Case("output", "read-only output folder", {**_article(), "ro": None}, ["in", "--report", "ro/r.md"], "error", "r.md",
             prepare=_read_only))
    # Other commands and the environment
    add(Case("command", "extract a missing file", {}, ["extract", "nope.txt"], "error", "nope.txt"))
    add(Case("command", "extract a binary file", {"bin.txt": bytes(range(256))}, ["extract", "bin.txt"], "error", "bin.txt"))
    add(Case("command", "extract an empty file", {"e.txt": b""}, ["extract", "e.txt"], "error", "e.txt"))
    add(Case("command", "rules validate a missing folder", {}, ["rules", "validate", "nope"], "error", "nope"))
    add(Case("command", "rules validate an alias bomb", {"rd/r.yaml": BOMB.encode()}, ["rules", "validate", "rd"], "error", "r.yaml"))
    add(Case("command", "rules test a missing folder", {}, ["rules", "test", "nope"], "error", "nope"))
    # a time budget that is no number of seconds is one error naming the variable, not the default
    add(Case("env", "time budget not a number", _article(), ["in"], "error", "CHECK_CONSISTENCY_TIME_BUDGET",
         env={"CHECK_CONSISTENCY_TIME_BUDGET": "soon"}))
    add(Case("env", "time budget negative", _article(), ["in"], "error", "CHECK_CONSISTENCY_TIME_BUDGET",
         env={"CHECK_CONSISTENCY_TIME_BUDGET": "-5"}))
    return out


def _latin1_name(d: Path) -> None:
    with open(bytes(d) + b"/in/caf\xe9.txt", "wb") as f:
        f.write(ARTICLE.encode())


def _latin1_folder(d: Path) -> None:
    os.mkdir(bytes(d) + b"/in/d\xff")
    with open(bytes(d) + b"/in/d\xff/a.txt", "wb") as f:
        f.write(ARTICLE.encode())


def _read_only(d: Path) -> None:
    """A folder nobody may write to; root writes anyway, so there it is a file in the way."""
    os.chmod(d / "ro", 0o555)
    if os.geteuid() == 0:
        os.rmdir(d / "ro")
        (d / "ro").write_bytes(b"")


@dataclass(frozen=True)
class Outcome:
    case: Case
    code: int
    ok: bool
    why: str
    line: str


def _escaped(name: str) -> set[str]:
    """How a name may appear on stderr: as is, or with control characters escaped."""
    shown = name.encode("unicode_escape").decode("ascii")
    return {name, shown, name.replace("\n", "\\n")}


def run_case(case: Case, timeout: float = 120.0) -> Outcome:
    with tempfile.TemporaryDirectory(prefix="bad-input-") as tmp:
        d = Path(tmp)
        for rel, data in case.files.items():
            p = d / rel
            if data is None:
                p.mkdir(parents=True, exist_ok=True)
            else:
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_bytes(data)
        if case.prepare is not None:
            case.prepare(d)
        args = [a.replace("ABS/", str(d) + "/") for a in case.args]
        if args[:1] not in (["extract"], ["rules"]) and "--report" not in args and "--reports-dir" not in args:
            args = [*args, "--no-report"]
        env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "400", **case.env}
        try:
            proc = subprocess.run([sys.executable, "-c", _ENTRY, *args], cwd=d, env=env,
                                  capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired:
            return Outcome(case, -1, False, f"no answer in {timeout:g} s", "")
        finally:
            if (d / "ro").exists():
                os.chmod(d / "ro", 0o755)
        err = proc.stderr.decode("utf-8", "replace")
        lines = [ln for ln in err.splitlines() if ln.strip()]
        left = [str(p.relative_to(d)) for p in d.rglob("*") if p.name.endswith(".tmp") or ".tmp" in p.name.split(".")[-2:]]
        return _judge(case, proc.returncode, lines, left)


def _judge(case: Case, code: int, lines: list[str], left: list[str]) -> Outcome:
    errors = [ln for ln in lines if ln.startswith("check-consistency: error:")]
    if case.args[:1] == ["rules"] and not errors:  # `rules validate|test` print one "file:line: problem" line each
        errors = [ln for ln in lines if not ln.startswith((" ", "check-consistency: warning:"))
                  and not re.fullmatch(r"\d+ problem\(s\) found", ln)]  # their count, last: no error of its own
    warnings = [ln for ln in lines if ln.startswith("check-consistency: warning:")]
    first = (errors or warnings or lines or [""])[0]
    names = _escaped(case.shows)
    if code == 3 or any("Traceback" in ln for ln in lines):
        return Outcome(case, code, False, "crash (exit 3 or a traceback)", first)
    if left:
        return Outcome(case, code, False, f"temporary file left: {left[0]}", first)
    if code == 2:
        if len(errors) != 1:
            return Outcome(case, code, False, f"{len(errors)} error lines", first)
        if case.shows and not any(n in "\n".join(lines) for n in names):
            return Outcome(case, code, False, f"error not naming {case.shows!r}", errors[0])
        return Outcome(case, code, True, "error", errors[0])
    if code in (0, 1):
        if errors:
            return Outcome(case, code, False, "an error line, yet not exit 2", errors[0])
        if case.expect == "error":
            return Outcome(case, code, False, f"exit {code}, expected an error naming {case.shows!r}", first)
        if case.expect == "skip":
            naming = [w for w in warnings if any(n in w for n in names)]
            if not naming:
                return Outcome(case, code, False, f"no warning naming {case.shows!r}", first)
            return Outcome(case, code, True, "skipped", naming[0])
        return Outcome(case, code, True, "read" if not warnings else "read, with warnings", first)
    return Outcome(case, code, False, f"exit {code}", first)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("--only", help="run only the cases of this group")
    args = parser.parse_args(argv)
    todo = [c for c in cases() if args.only in (None, c.group)]
    with ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(run_case, todo))
    print("| group | case | exit | result | first line |\n|---|---|---:|---|---|")
    for o in outcomes:
        shown = o.line.replace("|", "\\|")[:110]
        print(f"| {o.case.group} | {o.case.name} | {o.code} | {'ok' if o.ok else 'FAIL: ' + o.why} | {shown} |")
    passed = sum(o.ok for o in outcomes)
    print(f"\nbad inputs: {passed}/{len(outcomes)} one line and exit 2 or a skip, never a crash")
    return 0 if passed == len(outcomes) else 1


if __name__ == "__main__":
    sys.exit(main())
