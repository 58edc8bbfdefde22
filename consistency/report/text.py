"""What a run prints on the terminal: a short summary, a progress bar on long runs, and
the claims of one article for `extract`.

Both go to the console they are given (standard error in the CLI), never to standard
output, which belongs to `--format json`. Article text is handed to rich as `Text`, never
as markup, so a quote containing "[bold]" is printed as written.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table
from rich.text import Text

from consistency.model import Claim, Document, Result, Severity

from .escape import terminal
from .values import THOUSANDS, format_figure, format_time
from .view import View, kind_counts, plural, sort_findings, uses_baseline

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID  # imported by the first long run's bar

ProgressCallback = Callable[[int, int], None]

# Below this many files a run is over before a bar would be worth drawing.
LONG_RUN = 50
# The terminal gets the worst findings, as many as fit on one screen; the report has them
# all. AFTER_TABLE lines are kept for what is printed below the table (what was left out,
# the counts, where the report was written).
MAX_ROWS = 20
MIN_ROWS = 3
AFTER_TABLE = 4
FRAME_LINES = 5  # a table's lines besides its rows: title, top border, header, separator, bottom border
SIDES_SHOWN = 3  # entries of a finding's sides in one cell; the rest are counted
_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def render_summary(result: Result, console: Console) -> None:
    """A table of the worst findings (new ones first against a baseline) and one line of
    counts; skipped inputs are only counted, the caller warns about each one.

    The table holds what fits on one screen of the console (at least MIN_ROWS findings, at
    most MAX_ROWS), each finding's sides cut to SIDES_SHOWN entries, and says how many
    findings it leaves out, by kind: on 2,000 articles the summary stays a screen long."""
    view = View.of(result)
    baseline = view.baseline
    findings = sort_findings(result.findings)
    if baseline:  # what is new or changed is what the user has to look at
        findings = tuple(sorted(findings, key=lambda f: f.status not in ("new", "changed")))
    if findings:
        rows: list[list[Text]] = []
        for f in findings[:MAX_ROWS]:
            topic = view.topics.get(f.topic)
            row = [
                Text(f.severity.label, style=_STYLES.get(f.severity, "")),
                Text(f.kind),
                Text(terminal(topic.label if topic else f.topic)),  # names from articles: no escape sequences
                Text(terminal(_unbroken(view.sides(f, limit=SIDES_SHOWN)))),
            ]
            if baseline:
                row.append(Text(f.status, style="bold" if f.status in ("new", "changed") else "dim"))
            rows.append(row)
        shown = _fitting(console, rows, baseline)
        console.print(_table(rows[:shown], baseline))
        rest = findings[shown:]
        if rest:
            kinds = ", ".join(plural(k, n) for k, n in kind_counts(rest) if n)
            console.print(Text(f"… and {len(rest)} more findings ({kinds}) in the report."), highlight=False)
    console.print(Text(summary_line(result)), highlight=False)


def _table(rows: Sequence[Sequence[Text]], baseline: bool) -> Table:
    table = Table(title="Findings", title_justify="left", show_lines=False, expand=False)
    for column in ("Severity", "Kind", "Topic", "Sides") + (("Status",) if baseline else ()):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*row)
    return table


def _fitting(console: Console, rows: Sequence[Sequence[Text]], baseline: bool) -> int:
    """How many of `rows` the table can hold and still fit on the screen with the lines
    printed after it, measured as rich lays it out at the console's width. A table of n rows
    takes at least n + FRAME_LINES lines, so no n above the budget less the frame is laid out:
    on a long run the table is drawn a few times, not once per row."""
    budget = (console.size.height or 25) - AFTER_TABLE
    for n in range(min(len(rows), budget - FRAME_LINES), MIN_ROWS, -1):
        if len(console.render_lines(_table(rows[:n], baseline), pad=False)) <= budget:
            return n
    return min(MIN_ROWS, len(rows))


def render_plain(result: Result, *, baseline_used: bool = False) -> str:
    """The summary as `--format text --output FILE` writes it: no colours, 100 columns."""
    buffer = io.StringIO()
    render_summary(result, Console(file=buffer, highlight=False, soft_wrap=True, no_color=True, width=100))
    return buffer.getvalue()


def summary_line(result: Result) -> str:
    """"5 articles · 12 claims · 4 topics · 2 contradictions · …", plus baseline and skips."""

    def count(n: int, noun: str) -> str:
        return f"{n} {noun}" if n == 1 else f"{n} {noun}s"

    parts = [
        count(len(result.documents), "article"),
        count(len(result.claims), "claim"),
        count(len(result.topics), "topic"),
    ]
    parts += [plural(kind, n) for kind, n in kind_counts(result.findings)]
    if uses_baseline(result):
        parts.append(f"{sum(1 for f in result.findings if f.status in ('new', 'changed'))} new or changed")
        parts.append(f"{len(result.resolved)} resolved")
    if result.skipped:
        parts.append(f"{len(result.skipped)} skipped")
    return " · ".join(parts)


def _unbroken(text: str) -> str:
    """Figures with commas for thousands: a terminal wraps at any space, even a narrow one,
    and "6" at the end of a line with "000" on the next misreads badly."""
    return text.replace(THOUSANDS, ",")


@contextmanager
def make_progress(console: Console, *, threshold: int = LONG_RUN) -> Iterator[ProgressCallback]:
    """A callback `(done, total)` that draws a progress bar on long runs in a terminal.

    The bar only appears once a call reports more than `threshold` files and the console
    is a terminal, so short runs, pipes and CI logs stay clean; it vanishes when done.
    """
    interactive = console.is_terminal
    progress: Progress | None = None
    task: TaskID | None = None

    def update(done: int, total: int) -> None:
        nonlocal progress, task
        if progress is None:
            if not interactive or total <= threshold:
                return
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            progress = Progress(
                TextColumn("Checking articles"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=console,
                transient=True,
            )
            progress.start()
            task = progress.add_task("check", total=total)
        assert task is not None
        progress.update(task, completed=done, total=total)

    try:
        yield update
    finally:
        if progress is not None:
            progress.stop()


def render_claims_table(
    document: Document,
    claims: Sequence[Claim],
    left_out: Sequence[tuple[tuple[int, int], str, str]],
    console: Console,
) -> None:
    """One article's claims, then the figures that were not taken as claims and why.

    This is what a user reads to understand why a number was, or was not, compared.
    """
    title = document.title or document.id
    console.print(Text(terminal(f"{document.path} · {title}"), style="bold"), highlight=False)
    table = Table(title=f"{len(claims)} claim(s)", title_justify="left")
    for column in ("Line", "Quote", "Figure", "What", "Actor", "Place", "When", "Origin"):
        table.add_column(column, overflow="fold")
    for claim in sorted(claims, key=lambda c: (c.span, c.id)):
        what = " ".join(w.replace("_", " ") for w in (claim.category, claim.event) if w)
        table.add_row(
            Text(str(claim.line)),
            Text(claim.quote),
            Text(_unbroken(format_figure(claim))),
            Text(what or "—"),
            Text(claim.actor or "—"),
            Text(claim.location or "—"),
            Text(format_time(claim.time)),
            Text(claim.attributed_to or "—"),
        )
    console.print(table)
    if left_out:
        skipped = Table(title=f"{len(left_out)} figure(s) left out", title_justify="left")
        for column in ("Line", "Figure", "Why"):
            skipped.add_column(column, overflow="fold")
        for span, quote, reason in sorted(left_out, key=lambda item: item[0]):
            skipped.add_row(Text(str(document.line_of(span[0]))), Text(quote), Text(reason))
        console.print(skipped)
