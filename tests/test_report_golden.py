"""The seed corpus's Markdown and JSON reports, byte for byte against tests/golden/.

A failure here means the output changed. If the change is intended, run `make golden`
and review the diff of tests/golden/ like any other change.
"""

from __future__ import annotations

import difflib
import importlib.util
import re
from pathlib import Path
from types import ModuleType

import pytest


def _golden_module() -> ModuleType:
    """tests/golden/regenerate.py, loaded by path so it works whatever pytest's import mode."""
    path = Path(__file__).resolve().parent / "golden" / "regenerate.py"
    spec = importlib.util.spec_from_file_location("golden_regenerate", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


golden = _golden_module()


@pytest.fixture(scope="module")
def rendered() -> dict[str, str]:
    try:
        import consistency.pipeline  # noqa: F401
    except ImportError as error:
        pytest.skip(f"consistency.pipeline.check is not available yet ({error})")
    files: dict[str, str] = golden.render_goldens()
    return files


def _compare(name: str, actual: str) -> None:
    expected = golden.read_golden(name)
    if actual != expected:
        diff = "".join(
            list(
                difflib.unified_diff(
                    expected.splitlines(keepends=True),
                    actual.splitlines(keepends=True),
                    f"tests/golden/{name}",
                    "rendered now",
                )
            )[:80]
        )
        pytest.fail(f"{name} differs from the golden file; if intended, run make golden and review:\n{diff}")


def test_markdown_report_matches_golden(rendered: dict[str, str]) -> None:
    _compare("seeds.md", rendered["seeds.md"])


def test_json_matches_golden(rendered: dict[str, str]) -> None:
    _compare("seeds.json", rendered["seeds.json"])


def test_seed_report_is_well_formed(rendered: dict[str, str]) -> None:
    """Whatever the pipeline finds, the report's links, anchors and tables hold together."""
    md = rendered["seeds.md"]
    anchors = set(re.findall(r'<a id="([^"]+)"></a>', md))
    internal = set(re.findall(r"\]\(#([^)]+)\)", md))
    assert internal <= anchors
    for block in re.findall(r"(?:^\|.*\|$\n?)+", md, flags=re.M):
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}) == 1, block
    for path, line in re.findall(r"\]\(\.\./\.\./([^)#]+)#L(\d+)\)", md):
        lines = (golden.ROOT / path).read_text(encoding="utf-8").splitlines()
        assert 1 <= int(line) <= len(lines), (path, line)


def test_rendering_the_seeds_twice_gives_the_same_bytes(rendered: dict[str, str]) -> None:
    assert golden.render_goldens() == rendered


def test_a_golden_edited_by_hand_is_refused(tmp_path: Path) -> None:
    golden.write_goldens({"seeds.md": "# Consistency report: seeds\n"}, tmp_path)
    assert golden.read_golden("seeds.md", tmp_path) == "# Consistency report: seeds\n"
    (tmp_path / "seeds.md").write_text("# Consistency report: seeds (fixed)\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="golden file edited by hand; regenerate with make golden"):
        golden.read_golden("seeds.md", tmp_path)


def test_a_missing_golden_says_how_to_create_it(tmp_path: Path) -> None:
    golden.write_goldens({"seeds.md": "x\n"}, tmp_path)
    with pytest.raises(AssertionError, match="make golden"):
        golden.read_golden("seeds.json", tmp_path)


def test_regenerating_reports_only_what_changed(tmp_path: Path) -> None:
    assert golden.write_goldens({"a.md": "1\n", "b.json": "{}\n"}, tmp_path) == ["a.md", "b.json"]
    assert golden.write_goldens({"a.md": "1\n", "b.json": "{ }\n"}, tmp_path) == ["b.json"]
    assert golden.read_golden("b.json", tmp_path) == "{ }\n"
