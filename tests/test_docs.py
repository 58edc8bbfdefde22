"""The documented examples run as written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import consistency.extract

ROOT = Path(__file__).resolve().parent.parent


def test_extract_api_examples():
    failures, tried = doctest.testmod(consistency.extract)
    assert tried > 0 and failures == 0


def test_readme_commands_exist():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make run") < readme.index("make test") < readme.index("## Using it")
    for target in ("run", "test", "golden", "bench", "peer-specs"):
        if f"make {target}" in readme:
            assert re.search(rf"^{target}:", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_documented_links_point_at_files():
    for doc in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        text = doc.read_text(encoding="utf-8")
        for target in re.findall(r"\]\(((?!https?:)[\w./-]+)[)#]", text):
            assert (doc.parent / target).exists(), f"{doc.name} links to missing {target}"
