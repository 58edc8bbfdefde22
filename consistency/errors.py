"""Errors the library raises on purpose, each mapped to one exit code by the CLI.

Every message is one line that names the file (and line) and says what to do.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass


class ExitCode(enum.IntEnum):
    OK = 0
    FINDINGS = 1  # a blocking finding when gating
    USAGE = 2  # bad usage, unreadable input, bad rule file
    INTERNAL = 3  # a bug: please report it


class ConsistencyError(Exception):
    """Base of the expected errors; `str()` is the one line shown to the user."""

    exit_code = ExitCode.USAGE


class UsageError(ConsistencyError):
    """Bad options or arguments."""


class InputError(ConsistencyError):
    """An input path or file the run cannot go on without."""


@dataclass(frozen=True)
class RuleProblem:
    """One problem in one rule file, located precisely."""

    path: str
    line: int | None
    column: int | None
    message: str
    source_line: str | None = None  # the offending line of the file, for display

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f":{self.line}"
            if self.column is not None:
                where += f":{self.column}"
        return f"{where}: {self.message}"


class RuleError(ConsistencyError):
    """One or more rule files are invalid; all problems are reported at once."""

    def __init__(self, problems: list[RuleProblem]) -> None:
        self.problems = problems
        first = str(problems[0]) if problems else "invalid rules"
        more = f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""
        super().__init__(first + more)

    def details(self) -> str:
        """Every problem with its source line, for stderr."""
        out = []
        for p in self.problems:
            out.append(str(p))
            if p.source_line is not None:
                out.append(f"    {p.source_line}")
                if p.column is not None:
                    out.append("    " + " " * (p.column - 1) + "^")
        return "\n".join(out)
