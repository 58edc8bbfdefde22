"""The command line's parser: typer's apps, their options and help.

Imported only when a command needs typer: `--help`, a usage error, the tools' subcommands,
completion. The common runs (`check-consistency PATHS…`, `extract FILE`) are parsed by
`consistency.cli` without it, into the same calls (`tests/test_cli_fast.py` compares them).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from consistency.cli import FORMAT_HELP, Format, Severity, run_check_command, run_extract_command, stderr

if TYPE_CHECKING:
    from typer._click import Command  # what typer.main.get_command returns (typer's own click)

PathsArg = Annotated[list[Path] | None, typer.Argument(help="Files or folders of articles (default: seeds/).", show_default=False)]
RulesOpt = Annotated[list[Path] | None, typer.Option("--rules", help="Rule files or folders (default: the built-in rules/).")]
LexiconOpt = Annotated[list[Path] | None, typer.Option("--lexicon", help="Folders of extra lexicon YAML files.")]
BaselineOpt = Annotated[Path | None, typer.Option("--baseline", help="A baseline JSON file of accepted findings.")]

check_app = typer.Typer(add_completion=True, pretty_exceptions_enable=False, rich_markup_mode=None)
tools_app = typer.Typer(add_completion=False, pretty_exceptions_enable=False, rich_markup_mode=None, no_args_is_help=True)
rules_app = typer.Typer(help="Validate and test rule files.", no_args_is_help=True)
baseline_app = typer.Typer(help="Create, update and prune a baseline of accepted findings.", no_args_is_help=True)
tools_app.add_typer(rules_app, name="rules")
tools_app.add_typer(baseline_app, name="baseline")


@check_app.command(
    epilog="Other commands: check-consistency extract FILE | rules validate|test [DIR] | "
    "baseline create|update|prune [PATHS] --baseline FILE"
)
def check(
    paths: PathsArg = None,
    format: Annotated[
        list[Format] | None,
        typer.Option("--format", "-f", help=f"{FORMAT_HELP}. Repeat for several, each with its --output."),
    ] = None,
    output: Annotated[
        list[Path] | None, typer.Option("--output", "-o", help="Write the i-th --format to this file instead of stdout (repeatable).")
    ] = None,
    include: Annotated[list[str] | None, typer.Option("--include", help="Only read files matching this glob (gitignore syntax; repeatable).")] = None,
    exclude: Annotated[list[str] | None, typer.Option("--exclude", help="Never read files matching this glob (gitignore syntax; repeatable).")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help="Run only this rule id (repeatable; 'quantity-*' for a prefix).")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help="Do not run this rule id (repeatable; 'quantity-*' for a prefix).")] = None,
    report: Annotated[Path | None, typer.Option("--report", help="Write the Markdown report to this file.")] = None,
    reports_dir: Annotated[Path, typer.Option("--reports-dir", help="Folder for reports when --report is not given.")] = Path("reports"),
    no_report: Annotated[bool, typer.Option("--no-report", help="Do not write a Markdown report.")] = False,
    rules: RulesOpt = None,
    lexicon: LexiconOpt = None,
    baseline: BaselineOpt = None,
    fail_on: Annotated[Severity | None, typer.Option("--fail-on", help="Exit 1 on findings at or above this severity.")] = None,
    exit_zero: Annotated[bool | None, typer.Option("--exit-zero", help="Always exit 0 when the run succeeds.")] = None,
    graph: Annotated[Path | None, typer.Option("--graph", help="Write the topic graph (.graphml or .json).")] = None,
    max_bytes: Annotated[int | None, typer.Option("--max-bytes", help="Skip files larger than this (default: 10000000).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No summary on stderr.")] = False,
    each: Annotated[bool, typer.Option("--each", help="Check each path as its own corpus: a report each and reports/index.md.")] = False,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Neither read nor write the extraction cache.")] = False,
    cache_dir: Annotated[Path | None, typer.Option("--cache-dir", help="Cache folder (default: .check-consistency-cache).")] = None,
    dask: Annotated[str | None, typer.Option("--dask", help="Dask scheduler address: extract and evaluate on that cluster.")] = None,
) -> None:
    """Check articles for contradictions and corroborations between sources."""
    raise typer.Exit(run_check_command(
        paths=paths,
        format=format,
        output=output,
        include=include,
        exclude=exclude,
        select=select,
        ignore=ignore,
        report=report,
        reports_dir=reports_dir,
        no_report=no_report,
        rules=rules,
        lexicon=lexicon,
        baseline=baseline,
        fail_on=fail_on,
        exit_zero=exit_zero,
        graph=graph,
        max_bytes=max_bytes,
        quiet=quiet,
        each=each,
        version=version,
        no_cache=no_cache,
        cache_dir=cache_dir,
        dask=dask,
    ))


@tools_app.command("check", help="Same as check-consistency [PATHS] [OPTIONS].", context_settings={"allow_extra_args": True, "ignore_unknown_options": True})
def check_alias(ctx: typer.Context) -> None:
    raise typer.Exit(_run_check_app(list(ctx.args)))


@tools_app.command("extract")
def extract(
    file: Annotated[Path, typer.Argument(help="One article.")],
    format: Annotated[str, typer.Option("--format", "-f", help="text or json.")] = "text",
    lexicon: LexiconOpt = None,
) -> None:
    """Show what was extracted from one article, and why other figures were not."""
    run_extract_command(file, format, lexicon)


@tools_app.command("init")
def init(
    paths: Annotated[list[Path] | None, typer.Argument(help="Folders of articles to check (default: guessed).", show_default=False)] = None,
) -> None:
    """Write a starter [tool.check-consistency] table into ./pyproject.toml."""
    from consistency.app import run_init

    raise typer.Exit(int(run_init(tuple(paths or ()), console=stderr())))


@rules_app.command("validate")
def rules_validate(directory: Annotated[Path | None, typer.Argument(help="Rule files or folder (default: built-in).")] = None) -> None:
    """Check rule files against the schema; report every problem at once."""
    from consistency.app import run_rules_validate

    raise typer.Exit(int(run_rules_validate(directory, console=stderr(), stdout=sys.stdout)))


@rules_app.command("test")
def rules_test(directory: Annotated[Path | None, typer.Argument(help="Rule files or folder (default: built-in).")] = None) -> None:
    """Run the test cases next to each rule file (<rule>.test.yaml)."""
    from consistency.app import run_rules_test

    raise typer.Exit(int(run_rules_test(directory, console=stderr(), stdout=sys.stdout)))


def _baseline_command(action: str) -> Callable[..., None]:
    def command(
        paths: PathsArg = None,
        baseline: Annotated[
            Path | None, typer.Option("--baseline", help="The baseline JSON file (default: from pyproject, else consistency-baseline.json).")
        ] = None,
        rules: RulesOpt = None,
        lexicon: LexiconOpt = None,
        reason: Annotated[str | None, typer.Option("--reason", help="Why these findings are accepted.")] = None,
        force: Annotated[bool, typer.Option("--force", help="create: overwrite an existing baseline.")] = False,
    ) -> None:
        from consistency.app import run_baseline

        raise typer.Exit(int(run_baseline(action, tuple(paths or ()), baseline=baseline, rules=tuple(rules or ()),
                                          lexicon=tuple(lexicon or ()), reason=reason, force=force, console=stderr())))

    command.__doc__ = {
        "create": "Accept every current finding: write a new baseline.",
        "update": "Add new findings to the baseline and refresh changed ones, keeping reasons.",
        "prune": "Drop baseline entries that are no longer found.",
    }[action]
    return command


for _action in ("create", "update", "prune"):
    baseline_app.command(_action)(_baseline_command(_action))


def _run_check_app(argv: list[str]) -> int:
    return _invoke(typer.main.get_command(check_app), argv)


def _invoke(command: Command, argv: list[str]) -> int:
    """Run a click command without its own exit handling, so `main` maps every error."""
    try:
        rv = command.main(args=argv, prog_name="check-consistency", standalone_mode=False)
        return int(rv or 0)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except SystemExit as exc:  # --show-completion and --install-completion end this way
        return exc.code if isinstance(exc.code, int) else 0




def run_tools(argv: list[str]) -> int:
    """A subcommand (`extract`, `rules`, `baseline`, `init`, `check`), parsed by typer."""
    return _invoke(typer.main.get_command(tools_app), argv)
