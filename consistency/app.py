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
from typing import TextIO

from rich.console import Console

from consistency.baseline import (
    Baseline,
    baseline_from_result,
    dump_baseline,
    gate,
    load_baseline,
    prune_baseline,
    update_baseline,
)
from consistency.config import Settings, load_settings
from consistency.errors import ExitCode, InputError, UsageError
from consistency.fsutil import atomic_write_bytes
from consistency.model import Result

DEFAULT_CORPUS = Path("seeds")
DEFAULT_BASELINE = Path("consistency-baseline.json")


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
    max_bytes: int = 10_000_000
    quiet: bool = False
    each: bool = False  # check every path as its own corpus: one report each, plus an index


def settings_for(options: CheckOptions, cwd: Path | None = None) -> Settings:
    """pyproject settings with the command line on top."""
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
    )


def run_check(options: CheckOptions, *, stdout: TextIO, console: Console) -> ExitCode:
    """The main job: check the corpus, write the report, print the chosen format, gate."""
    from consistency.pipeline import check
    from consistency.report import make_progress, render_github, render_json, render_markdown, render_summary, report_filename

    settings = settings_for(options)
    paths = settings.paths or (DEFAULT_CORPUS,)
    baseline = load_baseline(settings.baseline) if settings.baseline else None
    if options.each:
        return _run_each(options, settings, paths, baseline, console)
    with make_progress(console) as progress:
        result = check(
            paths,
            rules=settings.rules or None,
            lexicon_dirs=settings.lexicon,
            baseline=baseline,
            max_bytes=options.max_bytes,
            on_progress=progress,
        )

    fmt = settings.format
    # Everything is rendered before anything is written: a failure leaves old files intact.
    markdown = None
    report_path = None
    if options.write_report and (settings.report is not None or fmt == "text"):
        report_path = settings.report or options.reports_dir / report_filename(result)
        markdown = render_markdown(result, link_prefix=_link_prefix(report_path))
    graph_data = None
    if options.graph is not None:
        from consistency.graph import build_graph, graph_bytes

        try:
            graph_data = graph_bytes(build_graph(result), options.graph)
        except ValueError:
            raise UsageError(f"--graph {options.graph}: use a .graphml or .json file name") from None

    # Files first: if one cannot be written, nothing has been printed as if the run succeeded.
    if markdown is not None and report_path is not None:
        _write(report_path, markdown.encode("utf-8"))
    if graph_data is not None and options.graph is not None:
        _write(options.graph, graph_data)
    if fmt == "json":
        stdout.write(render_json(result))
    elif fmt == "markdown":
        stdout.write(render_markdown(result))
    elif fmt == "github":
        stdout.write(render_github(result))
    stdout.flush()

    for skipped in result.skipped:
        console.print(f"check-consistency: warning: skipped {skipped.path}: {skipped.reason}", markup=False)
    if not options.quiet:
        render_summary(result, console)
        if report_path is not None:
            console.print(f"Report written to {report_path}", markup=False)

    return _gate(result, options, settings, baseline, console)


def _gate(result: Result, options: CheckOptions, settings: Settings, baseline: Baseline | None, console: Console) -> ExitCode:
    """Exit 1 when gating was asked for and a blocking finding appeared."""
    explicit = settings.fail_on_given
    if baseline is None and not explicit:
        return ExitCode.OK  # a plain run reports; gating is asked for with --baseline or --fail-on
    # The default gate is contradiction errors; an explicit --fail-on covers every kind.
    kinds = None if explicit else ("contradiction",)
    blocking = gate(result, fail_on=settings.fail_on, kinds=kinds, with_baseline=baseline is not None)
    if blocking and not settings.exit_zero:
        for f in blocking:
            console.print(f"check-consistency: {f.status} {f.severity} {f.kind} [{f.rule}] {f.fingerprint}: {f.message}", markup=False)
        return ExitCode.FINDINGS
    return ExitCode.OK


def _run_each(
    options: CheckOptions, settings: Settings, paths: Sequence[Path], baseline: Baseline | None, console: Console
) -> ExitCode:
    """Several corpora, one report each in the reports folder, and an index of them."""
    from consistency.pipeline import check
    from consistency.report import render_index, render_markdown, render_summary, report_filename

    if settings.format != "text" or settings.report is not None or options.graph is not None:
        raise UsageError("--each writes one report per corpus: use it without --format, --report or --graph")
    if baseline is not None:
        raise UsageError("--each checks corpora separately: gate each one with its own --baseline run instead")
    if not options.write_report:
        raise UsageError("--each writes one report per corpus: use it without --no-report")
    results = [
        check([p], rules=settings.rules or None, lexicon_dirs=settings.lexicon, baseline=baseline, max_bytes=options.max_bytes)
        for p in paths
    ]
    names = [report_filename(r) for r in results]
    if len(set(names)) != len(names) or "index.md" in names:
        raise UsageError("--each: corpora need different names, and none named 'index'; rename the folders")
    rendered = {options.reports_dir / n: render_markdown(r, link_prefix=_link_prefix(options.reports_dir / n)) for n, r in zip(names, results)}
    index = render_index(list(zip(names, results)))
    for path, text in rendered.items():
        _write(path, text.encode("utf-8"))
    _write(options.reports_dir / "index.md", index.encode("utf-8"))
    codes = []
    for result in results:
        for skipped in result.skipped:
            console.print(f"check-consistency: warning: skipped {skipped.path}: {skipped.reason}", markup=False)
        if not options.quiet:
            render_summary(result, console)
        codes.append(_gate(result, options, settings, baseline, console))
    if not options.quiet:
        console.print(f"Reports written to {options.reports_dir} (index.md lists them)", markup=False)
    return max(codes)


def _write(path: Path, data: bytes) -> None:
    """Write atomically; a path that cannot be written is the user's to fix (exit 2)."""
    try:
        atomic_write_bytes(path, data)
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder; give a file name") from None
    except OSError as exc:
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
    from consistency.pipeline import check

    settings = load_settings(Path.cwd()).merged(paths=tuple(paths), rules=tuple(rules), lexicon=tuple(lexicon), baseline=baseline)
    baseline = settings.baseline or DEFAULT_BASELINE
    if action == "create" and Path(baseline).exists() and not force:
        raise UsageError(f"{baseline}: already exists; use `baseline update`, or `baseline create --force` to replace it")
    if action != "create" and not Path(baseline).exists():
        raise InputError(f"{baseline}: baseline not found; create it with `check-consistency baseline create`")
    result = check(settings.paths or (DEFAULT_CORPUS,), rules=settings.rules or None, lexicon_dirs=settings.lexicon)
    if action == "create":
        reasons = {f.fingerprint: reason for f in result.findings} if reason else None
        new = baseline_from_result(result, reasons)
    elif action == "update":
        new = update_baseline(load_baseline(baseline), result)
    else:
        new = prune_baseline(load_baseline(baseline), result)
    _write(baseline, dump_baseline(new).encode("utf-8"))
    console.print(f"Baseline {baseline}: {len(new.entries)} accepted finding(s)", markup=False)
    return ExitCode.OK


def run_extract(file: Path, *, format: str, lexicon: Sequence[Path], stdout: TextIO, console: Console) -> None:
    """`extract FILE`: the claims of one article, and the figures that were left out, with why."""
    from consistency.corpus import boilerplate_spans, load_corpus
    from consistency.extract import explain_numbers
    from consistency.extract.claims import time_notes
    from consistency.extract.claims import extract_claims
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
            console.print(str(p), markup=False)
            if p.source_line is not None:
                console.print(f"    {p.source_line}", markup=False)
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


__all__ = ["CheckOptions", "run_check", "run_baseline", "run_extract", "run_rules_validate", "run_rules_test", "Result"]
