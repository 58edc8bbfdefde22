"""Several corpora checked at once: one report file each, and an index page linking them."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from consistency.lazy_re import lazy_compile
from consistency.model import Result

from .escape import link_target, md_cell
from .view import MAIN_KINDS, plural, uses_baseline

_UNSAFE = lazy_compile(r"[^A-Za-z0-9._-]+")
# Names Windows refuses as files whatever the extension.
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)), *(f"LPT{i}" for i in range(1, 10))}
)
_MAX_STEM = 100


def report_filename(result: Result) -> str:
    """"<corpus name>.md" with only [A-Za-z0-9._-]: accents dropped, anything else a dash."""
    ascii_name = unicodedata.normalize("NFKD", result.corpus).encode("ascii", "ignore").decode()
    stem = _UNSAFE.sub("-", ascii_name).strip(".-_")[:_MAX_STEM].rstrip(".-_") or "report"
    if stem.split(".")[0].upper() in _RESERVED:
        stem += "-report"
    return f"{stem}.md"


def render_index(entries: Sequence[tuple[str, Result]]) -> str:
    """A table of the corpora, in the order given, with their counts and a link to each report.

    Each entry is (report file name, relative to the index; the corpus's result).
    """
    baseline = any(uses_baseline(r) for _, r in entries)
    kinds = [plural(k, 2).split(" ", 1)[1] for k in MAIN_KINDS]
    header = ["Corpus", "Articles", "Claims", "Topics", *(k.capitalize() for k in kinds)]
    header += ["New or changed", "Resolved"] if baseline else []
    header.append("Skipped")
    rows = []
    totals = [0] * (len(header) - 1)
    for filename, result in entries:
        numbers = [len(result.documents), len(result.claims), len(result.topics)]
        numbers += [sum(1 for f in result.findings if f.kind == k) for k in MAIN_KINDS]
        if baseline:
            numbers.append(sum(1 for f in result.findings if f.status in ("new", "changed")))
            numbers.append(len(result.resolved))
        numbers.append(len(result.skipped))
        totals = [t + n for t, n in zip(totals, numbers, strict=True)]
        name = md_cell(result.corpus) or md_cell(filename)
        rows.append([f"[{name}]({link_target('', filename)})", *map(str, numbers)])
    lines = [
        "# Consistency reports",
        "",
        f"{len(entries)} {'corpus' if len(entries) == 1 else 'corpora'} checked. "
        "Each report starts with its summary; this page only counts.",
        "",
        "| " + " | ".join(header) + " |",
        "| --- | " + " | ".join(["---:"] * (len(header) - 1)) + " |",
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    if len(entries) > 1:
        lines.append("| **Total** | " + " | ".join(f"**{t}**" for t in totals) + " |")
    return "\n".join(lines) + "\n"
