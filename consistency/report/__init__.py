"""Renderers: pure functions of one `Result`, each for one audience.

Markdown for the reader who wants to understand the story, JSON for tools, GitHub
annotations for pull requests, a short summary for the terminal. Only the terminal
renderers write, and only to the console they are given.

`RENDERERS` is the one list of `--format` choices: the CLI, the `format` key of
pyproject.toml and `app.run_check` all read it, so a new output format is one module with a
`render(result, *, baseline_used) -> str` function plus one line here (see
docs/contributing-output-format.md). Renderer modules are imported only when used, so that
reading the table (for `--help` or config validation) costs nothing at start-up.
"""

from __future__ import annotations

import importlib
from collections.abc import KeysView
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from consistency.model import Result

    from .github import render_github
    from .index import render_index, report_filename
    from .json import Parts, render_json
    from .markdown import Limits, render_markdown
    from .text import make_progress, render_summary


class Render(Protocol):
    """What every output format provides: the whole result as one text."""

    def __call__(self, result: Result, *, baseline_used: bool) -> str: ...


@dataclass(frozen=True)
class Renderer:
    """One `--format` choice: where its function is, and one line for `--help` and docs."""

    target: str  # "module:function", imported on first use
    summary: str

    def load(self) -> Render:
        module, _, name = self.target.partition(":")
        render: Render = getattr(importlib.import_module(module), name)
        return render


# name → renderer, in the order --help lists them; the first one is the default.
RENDERERS: dict[str, Renderer] = {
    "text": Renderer("consistency.report.text:render_plain", "the terminal summary (on stderr unless --output)"),
    "markdown": Renderer("consistency.report.markdown:render_markdown", "the full report, for people"),
    "json": Renderer("consistency.report.json:render_json", "every document, claim, topic and finding, for tools"),
    "github": Renderer("consistency.report.github:render_github", "GitHub Actions annotations, for pull requests"),
    "sarif": Renderer("consistency.report.sarif:render_sarif", "SARIF 2.1.0, for code-scanning uploads"),
}
FORMATS: KeysView[str] = RENDERERS.keys()  # live: a line added to RENDERERS is a format everywhere


def render(format: str, result: Result, *, baseline_used: bool = False, parts: Parts | None = None) -> str:
    """`result` in one of the RENDERERS formats (KeyError for an unknown one). `parts`: pieces
    of JSON kept from earlier runs (`consistency.cache.RenderedParts`), for the JSON renderer;
    the text is the same with or without them."""
    renderer = RENDERERS[format].load()
    if parts is not None and format == "json":
        from .json import render_json

        return render_json(result, baseline_used=baseline_used, parts=parts)
    return renderer(result, baseline_used=baseline_used)


# The functions this package has always exported, imported on first access (PEP 562).
_LAZY: dict[str, str] = {
    "Limits": "markdown",
    "make_progress": "text",
    "render_github": "github",
    "render_index": "index",
    "render_json": "json",
    "render_markdown": "markdown",
    "render_summary": "text",
    "report_filename": "index",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "FORMATS",
    "RENDERERS",
    "Limits",
    "Render",
    "Renderer",
    "make_progress",
    "render",
    "render_github",
    "render_index",
    "render_json",
    "render_markdown",
    "render_summary",
    "report_filename",
]
