"""The command line: parse options, call one library function, map errors to exit codes.

Nothing here decides anything about articles or claims; it only translates between the
shell and `consistency.pipeline`, and `main` is the one place where errors become exit codes.

The two runs people make most, `check-consistency PATHS… [OPTIONS]` and `extract FILE`, are
parsed here without typer when every word of the command line is one this parser knows
well: typer checks each value with pydantic, and importing both cost more than reading one
article. Anything else (help, completion, a misspelt option, a bad value) goes to typer
(`consistency.cli_typer`), so its help and error messages are the only ones.
"""

from __future__ import annotations

import functools
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

from consistency import __version__
from consistency.errors import ConsistencyError, ExitCode, RuleError, UsageError
from consistency.model import SEVERITIES
from consistency.report import RENDERERS

if TYPE_CHECKING:
    from rich.console import Console

DEFAULT_CORPUS = "seeds"
SUBCOMMANDS = ("check", "extract", "rules", "baseline", "init")


@functools.cache
def stderr() -> Console:
    """The terminal for messages and summaries, made on first use: rich's import is a third of
    what `--help` would otherwise cost, and help and usage need none of it."""
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


# The --format choices and their help: the renderers' table, in its order.
Format = Enum("Format", [(name, name) for name in RENDERERS], type=str)  # type: ignore[misc]
FORMAT_HELP = "; ".join(f"{name}: {renderer.summary}" for name, renderer in RENDERERS.items())


# The --fail-on choices: the names of the model's one Severity scale, least serious first.
Severity = Enum("Severity", [(name, name) for name in SEVERITIES], type=str)  # type: ignore[misc]


def run_check_command(
    *,
    paths: list[Path] | None = None,
    format: list[Any] | None = None,
    output: list[Path] | None = None,
    include: list[str] | None = None,
    exclude: list[str] | None = None,
    select: list[str] | None = None,
    ignore: list[str] | None = None,
    report: Path | None = None,
    reports_dir: Path = Path("reports"),
    no_report: bool = False,
    rules: list[Path] | None = None,
    lexicon: list[Path] | None = None,
    baseline: Path | None = None,
    fail_on: Any | None = None,
    exit_zero: bool | None = None,
    graph: Path | None = None,
    max_bytes: int | None = None,
    quiet: bool = False,
    each: bool = False,
    version: bool = False,
    no_cache: bool = False,
    cache_dir: Path | None = None,
    dask: str | None = None,
) -> int:
    """The default command, once its options are parsed (by typer or by `_parse_check`)."""
    if version:
        print(f"check-consistency {__version__}")
        return 0
    from consistency.app import CheckOptions, run_check

    code = run_check(
        CheckOptions(
            paths=tuple(paths or ()),
            format=format[0].value if format else None,
            formats=tuple(f.value for f in format or ()),
            outputs=tuple(output or ()),
            include=tuple(include or ()),
            exclude=tuple(exclude or ()),
            select=tuple(select or ()),
            ignore=tuple(ignore or ()),
            report=report,
            reports_dir=reports_dir,
            write_report=not no_report,
            rules=tuple(rules or ()),
            lexicon=tuple(lexicon or ()),
            baseline=baseline,
            fail_on=fail_on.value if fail_on else None,
            exit_zero=exit_zero,
            graph=graph,
            max_bytes=max_bytes,
            quiet=quiet,
            each=each,
            cache=False if no_cache else None,
            cache_dir=cache_dir,
            dask=dask,
        ),
        stdout=sys.stdout,
        console=stderr(),
    )
    return int(code)


def run_extract_command(file: Path, format: str = "text", lexicon: list[Path] | None = None) -> int:
    """`extract FILE`, once its options are parsed."""
    from consistency.app import run_extract

    if format not in ("text", "json"):
        raise UsageError(f"--format {format!r} is not one of text, json")
    run_extract(file, format=format, lexicon=tuple(lexicon or ()), stdout=sys.stdout)  # prints no message
    return 0


# What the parser without typer knows: each option's parameter and how its value is read
# ("flag": no value; a type: one value; in a list: repeatable). Short forms map to long ones.
_CHECK_OPTIONS: dict[str, tuple[str, object, bool]] = {
    "--format": ("format", Format, True),
    "--output": ("output", Path, True),
    "--include": ("include", str, True),
    "--exclude": ("exclude", str, True),
    "--select": ("select", str, True),
    "--ignore": ("ignore", str, True),
    "--report": ("report", Path, False),
    "--reports-dir": ("reports_dir", Path, False),
    "--no-report": ("no_report", "flag", False),
    "--rules": ("rules", Path, True),
    "--lexicon": ("lexicon", Path, True),
    "--baseline": ("baseline", Path, False),
    "--fail-on": ("fail_on", Severity, False),
    "--exit-zero": ("exit_zero", "flag", False),
    "--graph": ("graph", Path, False),
    "--max-bytes": ("max_bytes", int, False),
    "--quiet": ("quiet", "flag", False),
    "--each": ("each", "flag", False),
    "--version": ("version", "flag", False),
    "--no-cache": ("no_cache", "flag", False),
    "--cache-dir": ("cache_dir", Path, False),
    "--dask": ("dask", str, False),
}
_EXTRACT_OPTIONS: dict[str, tuple[str, object, bool]] = {
    "--format": ("format", str, False),
    "--lexicon": ("lexicon", Path, True),
}
_SHORT = {"-f": "--format", "-o": "--output", "-q": "--quiet"}


def _value(kind: object, word: str) -> object | None:
    """One option's value as typer would give it, or None when typer should judge it."""
    if not word or word.startswith("-"):
        return None  # a missing value, or one typer may read otherwise
    if kind is Path:
        return Path(word)
    if kind is int:
        return int(word) if word.isascii() and word.isdigit() else None
    if isinstance(kind, type) and issubclass(kind, Enum):
        return kind(word) if word in kind.__members__ else None
    return word


def _parse(argv: list[str], options: dict[str, tuple[str, object, bool]],
           short: dict[str, str]) -> tuple[dict[str, Any], list[Path]] | None:
    """Options and positional paths, or None for anything typer should parse (and word)."""
    found: dict[str, Any] = {}
    positional: list[Path] = []
    words = iter(argv)
    for word in words:
        if not word.startswith("-"):
            positional.append(Path(word))
            continue
        spec = options.get(short.get(word, word))
        if spec is None:
            return None  # --help, --, --opt=value, -qf, a misspelt option…
        param, kind, repeatable = spec
        if kind == "flag":
            if param in found:
                return None
            found[param] = True
            continue
        value = _value(kind, next(words, ""))
        if value is None or (param in found and not repeatable):
            return None
        if repeatable:
            found.setdefault(param, []).append(value)
        else:
            found[param] = value
    return found, positional


def _fast(argv: list[str]) -> int | None:
    """Run the command without typer when its parse is certain, else None."""
    if os.environ.get("_CHECK_CONSISTENCY_COMPLETE"):
        return None  # shell completion asks typer
    if argv and argv[0] == "extract":
        parsed = _parse(argv[1:], _EXTRACT_OPTIONS, {"-f": "--format"})
        if parsed is None or len(parsed[1]) != 1:
            return None
        return run_extract_command(parsed[1][0], **parsed[0])
    if argv and argv[0] in SUBCOMMANDS:
        return None
    parsed = _parse(argv, _CHECK_OPTIONS, _SHORT)
    if parsed is None:
        return None
    params, paths = parsed
    return run_check_command(paths=paths or None, **params)


def _run(argv: list[str]) -> int:
    try:
        code = _fast(argv)
    except (EOFError, KeyboardInterrupt) as exc:  # as click ends a command it runs
        print(file=sys.stderr)
        raise KeyboardInterrupt from exc
    if code is not None:
        return code
    from consistency import cli_typer

    if argv and argv[0] in SUBCOMMANDS:
        return cli_typer.run_tools(argv)
    return cli_typer._run_check_app(argv)


def __getattr__(name: str) -> Any:
    """typer's apps, for those who import them from here (made on first use)."""
    if name in ("check_app", "tools_app", "rules_app", "baseline_app"):
        from consistency import cli_typer

        return getattr(cli_typer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def terminal(text: str) -> str:
    """Names and messages made safe for one stderr line (imported on use: the report
    package is slow to import, and most runs never print an error)."""
    from consistency.report.escape import terminal as escape

    return escape(text)


def _parser_error(exc: Exception) -> ExitCode | None:
    """typer's own exceptions, when typer ran: an interruption or bad options."""
    if "typer.exceptions" not in sys.modules:
        return None
    from typer.exceptions import Abort, TyperException

    if isinstance(exc, Abort):
        stderr().print("check-consistency: interrupted", markup=False)
        return ExitCode.USAGE
    if isinstance(exc, TyperException):  # bad options or arguments, as the parser words them
        stderr().print(terminal(f"check-consistency: error: {exc.format_message()} (see check-consistency --help)"), markup=False)
        return ExitCode.USAGE
    return None


def main(argv: list[str] | None = None) -> int:
    """Entry point: every error ends here as one line on stderr and an exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        code: int = _run(argv)
    except RuleError as exc:
        # Every problem with its line and a caret, then one line that sums up.
        stderr().print("\n".join(terminal(line) for line in exc.details().split("\n")), markup=False)
        n = len(exc.problems)
        stderr().print(f"check-consistency: error: {n} problem{'s' if n != 1 else ''} in rule files; fix them and run again", markup=False)
        code = ExitCode.USAGE
    except ConsistencyError as exc:
        stderr().print(terminal(f"check-consistency: error: {exc}"), markup=False)
        code = exc.exit_code
    except KeyboardInterrupt:
        stderr().print("check-consistency: interrupted", markup=False)
        code = ExitCode.USAGE
    except Exception as exc:  # a bug: say so in one line, keep the traceback for debugging on request
        parser = _parser_error(exc)
        if parser is not None:
            code = parser
        else:
            if os.environ.get("CHECK_CONSISTENCY_DEBUG"):
                raise
            stderr().print(
                f"check-consistency: internal error: {type(exc).__name__}: {terminal(str(exc))} "
                "(please report it; set CHECK_CONSISTENCY_DEBUG=1 for the traceback)",
                markup=False,
            )
            code = ExitCode.INTERNAL
    sys.stdout.flush()
    return int(code)


def entry() -> None:
    sys.exit(main())
