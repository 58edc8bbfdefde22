"""What each command does, as library functions: run the pipeline, render, write, gate.

The CLI parses options into these calls and maps the errors they raise to exit codes; tests
and scripts can call them directly. Files are always written atomically, and only after the
run has succeeded, so a failed run never leaves a half-written report or baseline behind.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from consistency.corpus.selection import Patterns, Selection, own_outputs
from consistency.errors import ExitCode, InputError, UsageError
from consistency.fsutil import atomic_write_all
from consistency.model import Result
from consistency.report import FORMATS
from consistency.report.escape import terminal  # every name printed on stderr goes through it

if TYPE_CHECKING:
    from rich.console import Console  # made by the command line; `extract` makes its own for the table

    from consistency.baseline import Baseline
    from consistency.cache import RunOutput
    from consistency.config import Settings
    from consistency.report.json import Parts

DEFAULT_CORPUS = Path("seeds")
DEFAULT_BASELINE = Path("consistency-baseline.json")
DEFAULT_MAX_BYTES = 10_000_000
NEVER_GATING = frozenset({"corroboration", "echo", "update"})  # agreements and revisions are news, not errors


@dataclass(frozen=True)
class CheckOptions:
    """A check run as the command line asked for it (None = not given, use the settings)."""

    paths: tuple[Path, ...] = ()
    format: str | None = None
    report: Path | None = None
    reports_dir: Path = Path("reports")
    write_report: bool = True
    rules: tuple[Path, ...] = ()
    lexicon: tuple[Path, ...] = ()
    baseline: Path | None = None
    fail_on: str | None = None
    exit_zero: bool | None = None
    graph: Path | None = None
    max_bytes: int | None = None  # None: the settings', else DEFAULT_MAX_BYTES
    quiet: bool = False
    each: bool = False  # check every path as its own corpus: one report each, plus an index
    formats: tuple[str, ...] = ()  # several formats in one run (overrides `format`)
    outputs: tuple[Path, ...] = ()  # the i-th output file takes the i-th format
    include: tuple[str, ...] = ()  # gitignore-style globs, relative to the current folder
    exclude: tuple[str, ...] = ()
    select: tuple[str, ...] = ()  # rule ids
    ignore: tuple[str, ...] = ()
    cache: bool | None = None  # False: --no-cache
    cache_dir: Path | None = None
    dask: str | None = None  # a Dask scheduler address


def settings_for(options: CheckOptions, cwd: Path | None = None) -> Settings:
    """pyproject settings with the command line on top."""
    from consistency.config import load_settings  # the commands that read settings; `extract` reads none

    base = load_settings(cwd or Path.cwd())
    return base.merged(
        paths=options.paths,
        rules=options.rules,
        lexicon=options.lexicon,
        baseline=options.baseline,
        fail_on=options.fail_on,
        format=options.format,
        report=options.report,
        exit_zero=options.exit_zero,
        include=options.include,
        exclude=options.exclude,
        select=options.select,
        ignore=options.ignore,
        cache=options.cache,
        cache_dir=options.cache_dir,
        dask=options.dask,
    )


def cache_dir_for(settings: Settings) -> Path | None:
    """Where this run keeps its extraction cache: None when caching is off.

    The default folder sits beside the pyproject.toml that configures the project (like
    `.ruff_cache`), else in the current folder.
    """
    if not settings.cache:
        return None
    if settings.cache_dir is not None:
        return settings.cache_dir
    from consistency.cache import default_cache_dir

    return default_cache_dir(settings.source.parent if settings.source is not None else None)


def selection_for(
    options: CheckOptions, settings: Settings, written: Sequence[Path | None], reports_dir: Path = Path("reports")
) -> Selection:
    """Which files of the folders are read: globs from the command line (relative to the current
    folder) or pyproject (relative to its folder), ignore files, never what this run writes."""
    cwd = Path.cwd()
    base = settings.source.parent if settings.source is not None else cwd

    def patterns(cli: tuple[str, ...], configured: tuple[str, ...], name: str) -> tuple[Patterns, ...]:
        if cli:
            return (Patterns.of(cwd, cli, f"--{name}"),)
        if configured:
            return (Patterns.of(base, configured, f"{settings.source}: {name}"),)
        return ()

    # The reports folder is left out even with --no-report, so that `check` and `baseline`
    # runs read the same articles and fingerprints match.
    outputs = [*written, reports_dir]
    return Selection(
        include=patterns(options.include, settings.include, "include"),
        exclude=patterns(options.exclude, settings.exclude, "exclude"),
        never=own_outputs(outputs),
    )


def _max_bytes(options: CheckOptions, settings: Settings) -> int:
    """The command line's size limit, else pyproject's, else the default (0 is a real limit)."""
    if options.max_bytes is not None:
        return options.max_bytes
    return DEFAULT_MAX_BYTES if settings.max_bytes is None else settings.max_bytes


def _formats(options: CheckOptions, settings: Settings) -> list[tuple[str, Path | None]]:
    """(format, output file or None for stdout) pairs, in the order given."""
    formats = list(options.formats) or [settings.format]
    for fmt in formats:
        if fmt not in FORMATS:
            raise UsageError(f"--format {fmt!r} is not one of {', '.join(FORMATS)}")
    if len(options.outputs) > len(formats):
        raise UsageError(
            f"{len(options.outputs)} --output files for {len(formats)} --format: give one --format per --output, in the same order"
        )
    pairs: list[tuple[str, Path | None]] = [
        (fmt, options.outputs[i] if i < len(options.outputs) else None) for i, fmt in enumerate(formats)
    ]
    to_stdout = [fmt for fmt, out in pairs if out is None and fmt != "text"]
    if len(to_stdout) > 1:
        raise UsageError(f"only one format can go to standard output ({', '.join(to_stdout)}): give --output FILE for the others")
    return pairs


def run_check(options: CheckOptions, *, stdout: TextIO, console: Console) -> ExitCode:
    """The main job: check the corpus, write the report, print the chosen format, gate."""
    from consistency.baseline import load_baseline

    if options.max_bytes is not None and options.max_bytes < 0:
        raise UsageError(f"--max-bytes {options.max_bytes}: give a size in bytes, 0 or more")
    settings = settings_for(options)
    paths = settings.paths or (DEFAULT_CORPUS,)
    baseline = load_baseline(settings.baseline) if settings.baseline else None
    max_bytes = _max_bytes(options, settings)
    if options.each:
        return _run_each(options, settings, paths, baseline, console)
    pairs = _formats(options, settings)
    selection = selection_for(
        options,
        settings,
        [settings.report, options.graph, settings.baseline, *options.outputs, getattr(settings, "cache_dir", None)],
        options.reports_dir,
    )
    cache_dir = cache_dir_for(settings)
    replay = _RunReplay.begin(cache_dir, options, settings, paths, selection, max_bytes, console)
    if replay is not None and (stored := replay.recall()) is not None:
        return replay.give_back(stored, stdout, console)
    from consistency.pipeline import check  # not imported when the last run's output is given back
    from consistency.report import make_progress, render_markdown, render_summary, report_filename

    with make_progress(console) as progress:
        result = check(
            paths,
            rules=settings.rules or None,
            lexicon_dirs=settings.lexicon,
            baseline=baseline,
            max_bytes=max_bytes,
            on_progress=progress,
            selection=selection,
            select=settings.select,
            ignore=settings.ignore,
            cache_dir=cache_dir,
            dask=settings.dask,
        )

    # Everything is rendered before anything is written: a failure leaves old files intact.
    from contextlib import nullcontext

    from consistency.cache import rendered_parts

    with rendered_parts(cache_dir, settings.lexicon) or nullcontext() as parts:  # JSON pieces of earlier runs
        rendered = [(out, _render(fmt, result, baseline is not None, parts))
                    for fmt, out in pairs if fmt != "text" or out is not None]
    markdown = None
    report_path = None
    if options.write_report and (settings.report is not None or any(fmt == "text" for fmt, _ in pairs)):
        report_path = settings.report or options.reports_dir / report_filename(result)
        markdown = render_markdown(result, link_prefix=_link_prefix(report_path))
    graph_data = None
    if options.graph is not None:
        from consistency.graph import build_graph, graph_bytes

        try:
            graph_data = graph_bytes(build_graph(result), options.graph)
        except ValueError:
            raise UsageError(f"--graph {options.graph}: use a .graphml or .json file name") from None

    # Files first: if one cannot be written, nothing has been printed as if the run succeeded,
    # and all are written together: a graph that cannot be written leaves the report as it was.
    files: list[tuple[Path, bytes]] = []
    if markdown is not None and report_path is not None:
        files.append((report_path, markdown.encode("utf-8")))
    if graph_data is not None and options.graph is not None:
        files.append((options.graph, graph_data))
    for out, text in rendered:
        if out is not None:
            files.append((out, text.encode("utf-8")))
    _write_all(files)
    printed = "".join(text for out, text in rendered if out is None)
    stdout.write(printed)
    stdout.flush()

    with console.capture() as shown:  # kept as rendered, to be shown again by an unchanged re-run
        for skipped in result.skipped:
            console.print(terminal(f"check-consistency: warning: skipped {skipped.path}: {skipped.reason}"), markup=False)
        if not options.quiet:
            render_summary(result, console)
            if report_path is not None:
                console.print(terminal(f"Report written to {report_path}"), markup=False)
        code = _gate(result, options, settings, baseline, console)
    _show(console, shown.get())
    if replay is not None:
        replay.keep(files, printed, shown.get(), code)
    return code


def _show(console: Console, text: str) -> None:
    if text:
        console.file.write(text)
        console.file.flush()


@dataclass(frozen=True)
class _RunReplay:
    """The output of the last run made from the same files (by their stat), code, rules, options
    and terminal, written and printed again without reading an article (`consistency.cache.RunOutput`).

    Anything else (a file added, touched or edited, another option, a wider terminal) is
    another key: the run goes through the pipeline, where the per-file and per-document
    caches re-read only what changed."""

    folder: Path
    lexicon: tuple[Path, ...]
    key: bytes
    newest: int  # the latest mtime/ctime of the corpus's files
    started: int

    @classmethod
    def begin(cls, folder: Path | None, options: CheckOptions, settings: Settings, paths: Sequence[Path],
              selection: Selection, max_bytes: int, console: Console) -> _RunReplay | None:
        """None when there is no cache or the corpus cannot be listed without reading it (stdin)."""
        if folder is None:
            return None
        import hashlib
        import time

        from consistency.cache import extraction_version, run_key
        from consistency.corpus.loader import corpus_stamp

        started = time.time_ns()
        stamp = corpus_stamp(paths, max_bytes=max_bytes, selection=selection)
        if stamp is None:
            return None
        baseline = b""
        if settings.baseline is not None:
            try:
                baseline = Path(settings.baseline).read_bytes()
            except OSError:
                return None
        terminal_kind = (console.size, console.color_system, console.is_terminal, console.encoding,
                         console.no_color, console.is_dumb_terminal, console.legacy_windows)
        env = sorted((k, v) for k, v in os.environ.items() if k.startswith(("CHECK_CONSISTENCY_", "GITHUB_")))
        parts = [stamp[0], repr(options), repr(settings), os.getcwd(), repr(env), repr(terminal_kind),
                 hashlib.blake2b(baseline, digest_size=20).hexdigest()]
        lexicon = tuple(Path(p) for p in settings.lexicon)
        key = run_key(extraction_version(lexicon), settings.rules, parts)
        return cls(folder, lexicon, key, stamp[1], started)

    def recall(self) -> RunOutput | None:
        from consistency.cache import open_cache

        with open_cache(self.folder, self.lexicon, verify=False) as cache:
            stored = cache.get_output(self.key)
        return stored if stored is not None and stored.trusted(self.newest) else None

    def give_back(self, stored: RunOutput, stdout: TextIO, console: Console) -> ExitCode:
        _write_all([(Path(path), data) for path, data in stored.files])
        stdout.write(stored.stdout)
        stdout.flush()
        _show(console, stored.console)
        return ExitCode(stored.code)

    def keep(self, files: Sequence[tuple[Path, bytes]], printed: str, shown: str, code: int) -> None:
        from consistency.cache import RunOutput, open_cache

        output = RunOutput(tuple((str(p), data) for p, data in files), printed, shown, int(code), self.started)
        with open_cache(self.folder, self.lexicon, verify=False) as cache:  # the run just checked the file
            cache.put_output(self.key, output)


def _render(fmt: str, result: Result, baseline_used: bool, parts: Parts | None = None) -> str:
    """One format of `consistency.report.RENDERERS` as text ("text": the summary without colours)."""
    from consistency.report import render

    return render(fmt, result, baseline_used=baseline_used, parts=parts)


def _gate(result: Result, options: CheckOptions, settings: Settings, baseline: Baseline | None, console: Console) -> ExitCode:
    """Exit 1 when gating was asked for and a blocking finding appeared.

    The default gate (a baseline, no --fail-on) is every new or changed contradiction,
    whatever its severity: the reviewer decides, not the rule's guess at how bad it is.
    `--fail-on LEVEL` narrows (or widens) it to findings at LEVEL or above; corroborations,
    echoes and updates never gate.
    """
    from consistency.baseline import gate

    explicit = settings.fail_on_given
    if baseline is None and not explicit:
        return ExitCode.OK  # a plain run reports; gating is asked for with --baseline or --fail-on
    kinds = None if explicit else ("contradiction",)
    threshold = settings.fail_on if explicit else "info"
    blocking = tuple(
        f
        for f in gate(result, fail_on=threshold, kinds=kinds, with_baseline=baseline is not None)
        if f.kind not in NEVER_GATING
    )
    if blocking and not settings.exit_zero:
        for f in blocking:
            console.print(terminal(f"check-consistency: {f.status} {f.severity} {f.kind} [{f.rule}] {f.fingerprint}: {f.message}"), markup=False)
        return ExitCode.FINDINGS
    return ExitCode.OK


def _run_each(
    options: CheckOptions, settings: Settings, paths: Sequence[Path], baseline: Baseline | None, console: Console
) -> ExitCode:
    """Several corpora, one report each in the reports folder, and an index of them."""
    from consistency.pipeline import check
    from consistency.report import render_index, render_markdown, render_summary, report_filename

    if settings.format != "text" or options.formats or options.outputs or settings.report is not None or options.graph is not None:
        raise UsageError("--each writes one report per corpus: use it without --format, --report or --graph")
    if baseline is not None:
        raise UsageError("--each checks corpora separately: gate each one with its own --baseline run instead")
    if not options.write_report:
        raise UsageError("--each writes one report per corpus: use it without --no-report")
    selection = selection_for(options, settings, [settings.baseline], options.reports_dir)
    max_bytes = _max_bytes(options, settings)
    results = [
        check([p], rules=settings.rules or None, lexicon_dirs=settings.lexicon, baseline=baseline, max_bytes=max_bytes,
              selection=selection, select=settings.select, ignore=settings.ignore, cache_dir=cache_dir_for(settings))
        for p in paths
    ]
    names = [report_filename(r) for r in results]
    if len(set(names)) != len(names) or "index.md" in names:
        raise UsageError("--each: corpora need different names, and none named 'index'; rename the folders")
    rendered = {options.reports_dir / n: render_markdown(r, link_prefix=_link_prefix(options.reports_dir / n)) for n, r in zip(names, results)}
    index = render_index(list(zip(names, results)))
    _write_all([(path, text.encode("utf-8")) for path, text in rendered.items()]
               + [(options.reports_dir / "index.md", index.encode("utf-8"))])
    codes = []
    for result in results:
        for skipped in result.skipped:
            console.print(terminal(f"check-consistency: warning: skipped {skipped.path}: {skipped.reason}"), markup=False)
        if not options.quiet:
            render_summary(result, console)
        codes.append(_gate(result, options, settings, baseline, console))
    if not options.quiet:
        console.print(terminal(f"Reports written to {options.reports_dir} (index.md lists them)"), markup=False)
    return max(codes)


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a path that cannot be written is the user's to fix (exit 2)."""
    _write_all([(path, data)])


def _write_all(files: Sequence[tuple[Path, bytes]]) -> None:
    """Write all files or none (see `atomic_write_all`); a failure names its path (exit 2)."""
    try:
        atomic_write_all(files)
    except OSError as exc:
        path = exc.filename or (files[0][0] if files else "")
        if isinstance(exc, IsADirectoryError):
            raise InputError(f"{path}: is a folder; give a file name") from None
        raise InputError(f"{path}: cannot write it ({exc.strerror or exc}); choose another path") from None


def _link_prefix(report_path: Path) -> str:
    """The way back from the report's folder to the current folder, where article paths start."""
    back = os.path.relpath(Path.cwd(), Path(report_path).resolve().parent)
    return "" if back == "." else back.replace(os.sep, "/") + "/"


def run_baseline(
    action: str,
    paths: Sequence[Path],
    *,
    baseline: Path | None,
    rules: Sequence[Path],
    lexicon: Sequence[Path],
    reason: str | None,
    force: bool,
    console: Console,
) -> ExitCode:
    """`baseline create|update|prune`: write the baseline only after the run succeeded."""
    from consistency.baseline import baseline_from_result, dump_baseline, load_baseline, prune_baseline, update_baseline
    from consistency.config import load_settings
    from consistency.pipeline import check

    settings = load_settings(Path.cwd()).merged(paths=tuple(paths), rules=tuple(rules), lexicon=tuple(lexicon), baseline=baseline)
    baseline = settings.baseline or DEFAULT_BASELINE
    if action == "create" and Path(baseline).exists() and not force:
        raise UsageError(f"{baseline}: already exists; use `baseline update`, or `baseline create --force` to replace it")
    if action != "create" and not Path(baseline).exists():
        raise InputError(f"{baseline}: baseline not found; create it with `check-consistency baseline create`")
    selection = selection_for(CheckOptions(), settings, [baseline, settings.report])
    result = check(
        settings.paths or (DEFAULT_CORPUS,),
        rules=settings.rules or None,
        lexicon_dirs=settings.lexicon,
        max_bytes=DEFAULT_MAX_BYTES if settings.max_bytes is None else settings.max_bytes,
        selection=selection,
        select=settings.select,
        ignore=settings.ignore,
    )
    if action == "create":
        reasons = {f.fingerprint: reason for f in result.findings} if reason else None
        new = baseline_from_result(result, reasons)
    elif action == "update":
        new = update_baseline(load_baseline(baseline), result)
    else:
        new = prune_baseline(load_baseline(baseline), result)
    _write(baseline, dump_baseline(new).encode("utf-8"))
    console.print(terminal(f"Baseline {baseline}: {len(new.entries)} accepted finding(s)"), markup=False)
    return ExitCode.OK


def run_extract(file: Path, *, format: str, lexicon: Sequence[Path], stdout: TextIO, console: Console | None = None) -> None:
    """`extract FILE`: the claims of one article, and the figures that were left out, with why."""
    from consistency.corpus import boilerplate_spans, load_corpus
    from consistency.extract import explain_numbers
    from consistency.extract.claims import extract_claims, time_notes
    from consistency.extract.lexicon import load_lexicon
    from consistency.report.json import claim_json

    if not Path(file).is_file():
        raise InputError(f"{file}: no such file; give one article (.txt, .md, .html)")
    corpus = load_corpus([file])
    lex = load_lexicon(tuple(lexicon))
    doc = corpus.documents[0]
    noise = boilerplate_spans(doc)
    claims = extract_claims(doc, lex, noise)
    left_out = explain_numbers(doc, claims, lex, noise)
    notes = time_notes(doc, lex)
    if format == "json":
        data = {
            "document": {"id": doc.id, "path": doc.path, "language": doc.language,
                         "published": doc.published.isoformat() if doc.published else None, "publisher": doc.publisher},
            "claims": [claim_json(c) for c in claims],
            "left_out": [{"span": list(s), "quote": q, "line": doc.line_of(s[0]), "reason": r} for s, q, r in left_out],
            "notes": [{"span": list(s), "quote": q, "line": doc.line_of(s[0]), "note": n} for s, q, n in notes],
        }
        stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
        return
    from rich.console import Console

    from consistency.report.text import render_claims_table

    out = Console(file=stdout, highlight=False, soft_wrap=False, width=160)
    render_claims_table(doc, claims, left_out, out)
    for span, quote, note in notes:
        out.print(f"note: line {doc.line_of(span[0])}: “{quote}”: {note}", markup=False)


def run_rules_validate(directory: Path | None, *, console: Console, stdout: TextIO) -> ExitCode:
    from consistency.ruleset import default_rules_dir, load_rules, validate_rules

    target = [directory] if directory else [default_rules_dir()]
    problems = validate_rules(target)
    if problems:
        for p in problems:
            console.print(terminal(str(p)), markup=False)
            if p.source_line is not None:
                console.print(terminal(f"    {p.source_line}"), markup=False)
        console.print(f"{len(problems)} problem(s) found", markup=False)
        return ExitCode.USAGE
    ruleset = load_rules(target)
    stdout.write(f"{len(ruleset.rules)} rule(s) valid in {', '.join(str(t) for t in target)}\n")
    return ExitCode.OK


def run_rules_test(directory: Path | None, *, console: Console, stdout: TextIO) -> ExitCode:
    from consistency.pipeline import analyse
    from consistency.ruleset import default_rules_dir, run_rule_tests

    target = [directory] if directory else [default_rules_dir()]
    outcomes = run_rule_tests(target, analyse)
    failed = [o for o in outcomes if not o.passed]
    for o in outcomes:
        stdout.write(f"{'PASS' if o.passed else 'FAIL'} {o.location} {o.name}\n")
        if not o.passed:
            for line in o.problems:
                stdout.write(f"    {line}\n")
    stdout.write(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed\n")
    return ExitCode.FINDINGS if failed else ExitCode.OK


STARTER = """
[tool.check-consistency]
# Settings for check-consistency; the command line wins. Keys: see the README.
paths = [{paths}]
baseline = "consistency-baseline.json"   # create it with: check-consistency baseline create
exclude = ["reports/"]                  # gitignore syntax; also read: .check-consistency-ignore
# fail-on = "error"                     # default with a baseline: every new contradiction
# format = "github"                     # {formats}
"""


def run_init(paths: Sequence[Path], *, console: Console, cwd: Path | None = None) -> ExitCode:
    """`init`: append a starter `[tool.check-consistency]` to ./pyproject.toml (created if
    missing); never overwrite a table that is already there."""
    import tomllib

    folder = cwd or Path.cwd()
    pyproject = folder / "pyproject.toml"
    existing = ""
    if pyproject.exists():
        try:
            existing = pyproject.read_text(encoding="utf-8")
            data = tomllib.loads(existing)
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise UsageError(f"{pyproject}: cannot be read as TOML ({exc}); fix it before `init`") from None
        tool = data.get("tool")
        if isinstance(tool, dict) and "check-consistency" in tool:
            raise UsageError(f"{pyproject}: already has [tool.check-consistency]; edit it there")
    if not paths:
        guessed = [name for name in ("articles", "corpus", "seeds") if (folder / name).is_dir()]
        paths = tuple(Path(n) for n in guessed[:1]) or (Path("articles"),)
    listed = ", ".join(json.dumps(Path(p).as_posix()) for p in paths)
    separator = "" if not existing or existing.endswith("\n\n") else ("\n" if existing.endswith("\n") else "\n\n")
    text = existing + separator + STARTER.format(paths=listed, formats=" | ".join(FORMATS)).lstrip("\n" if not existing else "")
    _write(pyproject, text.encode("utf-8"))
    console.print(terminal(f"Wrote [tool.check-consistency] to {pyproject}"), markup=False)
    return ExitCode.OK


__all__ = ["CheckOptions", "run_init", "run_check", "run_baseline", "run_extract", "run_rules_validate", "run_rules_test", "Result"]
