"""Regenerate the golden report files of the seed corpus.

    make golden            # or, from the repository root:
    python -m tests.golden.regenerate

The goldens are the Markdown and JSON reports of `seeds/`, exactly as the renderers
produce them. `CHECKSUMS` records the SHA-256 of each file as written here, and the golden
test refuses a file whose hash no longer matches: a golden is only ever changed by this
command, so a diff in review is always a real change of the output.
"""

from __future__ import annotations

import contextlib
import hashlib
import sys
from collections.abc import Mapping
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN_DIR = Path(__file__).resolve().parent
CHECKSUMS = "CHECKSUMS"
CORPUS = "seeds"  # relative to ROOT, so document paths read "seeds/…" on every machine
# The goldens live in tests/golden/, so their links reach the articles from there.
LINK_PREFIX = "../../"
EDITED = "golden file edited by hand; regenerate with make golden"
MISSING = "no golden file; generate it with make golden"
_HEADER = "# SHA-256 of each golden file, written by `make golden`. Do not edit by hand.\n"


class GoldenError(AssertionError):
    """A golden file that cannot be trusted: missing, or changed outside `make golden`."""


def render_goldens() -> dict[str, str]:
    """The seed corpus's reports, keyed by golden file name."""
    from consistency.pipeline import check
    from consistency.report import render_json, render_markdown

    with contextlib.chdir(ROOT):
        result = check([Path(CORPUS)])
    return {
        "seeds.md": render_markdown(result, link_prefix=LINK_PREFIX),
        "seeds.json": render_json(result),
    }


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def write_goldens(files: Mapping[str, str], directory: Path = GOLDEN_DIR) -> list[str]:
    """Write the files and their checksums; return the names whose content changed."""
    changed = []
    sums = []
    for name in sorted(files):
        data = files[name].encode("utf-8")
        path = directory / name
        if not path.exists() or path.read_bytes() != data:
            changed.append(name)
            path.write_bytes(data)
        sums.append(f"{sha256(data)}  {name}\n")
    (directory / CHECKSUMS).write_text(_HEADER + "".join(sums), encoding="utf-8", newline="\n")
    return changed


def read_golden(name: str, directory: Path = GOLDEN_DIR) -> str:
    """A golden file's text, once its checksum proves it was written by `make golden`."""
    path = directory / name
    sums_path = directory / CHECKSUMS
    if not path.exists() or not sums_path.exists():
        raise GoldenError(f"{path}: {MISSING}")
    sums = {}
    for line in sums_path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            digest, _, listed = line.partition("  ")
            sums[listed] = digest
    data = path.read_bytes()
    if name not in sums:
        raise GoldenError(f"{path}: {MISSING}")
    if sums[name] != sha256(data):
        raise GoldenError(f"{path}: {EDITED}")
    return data.decode("utf-8")


def main() -> int:
    try:
        files = render_goldens()
    except ImportError as error:
        print(f"cannot regenerate the goldens: the pipeline is not importable ({error})", file=sys.stderr)
        return 1
    changed = write_goldens(files)
    for name in sorted(files):
        state = "updated" if name in changed else "unchanged"
        print(f"{GOLDEN_DIR.relative_to(ROOT) / name}: {state}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
