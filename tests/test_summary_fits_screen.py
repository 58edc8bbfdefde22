"""The terminal summary holds as many findings as fit on one screen, whatever the screen.

The table is laid out only for row counts that can fit (a table of n rows takes at least
n + FRAME_LINES lines); these tests check that the count chosen is still the largest that
fits, against laying the table out for every count, on short and tall screens, narrow and
wide, with rows of one line and rows that wrap over several.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from rich.text import Text

from consistency.report.text import AFTER_TABLE, MAX_ROWS, MIN_ROWS, _fitting, _table


def _rows(n: int, long_every: int) -> list[list[Text]]:
    """`n` rows; every `long_every`-th has sides long enough to wrap on a narrow screen."""
    rows = []
    for i in range(n):
        sides = f"{1000 + i} (Agency {i}) vs {2000 + i} (Ministry of the Interior of a far country)"
        if long_every and i % long_every == 0:
            sides = " vs ".join(f"{3000 + k} (Regional office number {k})" for k in range(3))
        rows.append([Text("warning"), Text("contradiction"), Text(f"Flood victims · Region {i} · 2024"), Text(sides)])
    return rows


def _largest_fitting(console: Console, rows: list[list[Text]], baseline: bool) -> int:
    """Every row count laid out, the largest that fits: what the summary must choose."""
    budget = (console.size.height or 25) - AFTER_TABLE
    for n in range(len(rows), MIN_ROWS, -1):
        if len(console.render_lines(_table(rows[:n], baseline), pad=False)) <= budget:
            return n
    return min(MIN_ROWS, len(rows))


@pytest.mark.parametrize("height", [6, 9, 12, 16, 20, 25, 30, 40, 68])
@pytest.mark.parametrize("width", [60, 100, 200])
@pytest.mark.parametrize("long_every", [0, 1, 3])
def test_the_summary_holds_the_most_findings_that_fit(height: int, width: int, long_every: int) -> None:
    console = Console(file=io.StringIO(), width=width, height=height, color_system=None)
    rows = _rows(MAX_ROWS, long_every)
    assert _fitting(console, rows, False) == _largest_fitting(console, rows, False)


@pytest.mark.parametrize("n", [1, 3, 5, 12])
def test_few_findings_all_shown_when_they_fit(n: int) -> None:
    console = Console(file=io.StringIO(), width=200, height=40, color_system=None)
    assert _fitting(console, _rows(n, 0), False) == n


def test_a_short_screen_still_shows_the_fewest_rows() -> None:
    console = Console(file=io.StringIO(), width=80, height=8, color_system=None)
    assert _fitting(console, _rows(MAX_ROWS, 1), False) == MIN_ROWS
