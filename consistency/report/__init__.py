"""Renderers: pure functions of one `Result`, each for one audience.

Markdown for the reader who wants to understand the story, JSON for tools, GitHub
annotations for pull requests, a short summary for the terminal. Only the terminal
renderers write, and only to the console they are given.
"""

from .github import render_github
from .index import render_index, report_filename
from .json import render_json
from .markdown import Limits, render_markdown
from .text import make_progress, render_summary

__all__ = [
    "Limits",
    "make_progress",
    "render_github",
    "render_index",
    "render_json",
    "render_markdown",
    "render_summary",
    "report_filename",
]
