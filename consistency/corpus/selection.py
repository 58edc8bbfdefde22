"""Which of the files found under a folder are read: include/exclude globs, ignore files,
and never the tool's own outputs.

Patterns use gitignore syntax (through `pathspec`), each relative to the folder it belongs
to: the current folder for `--include`/`--exclude`, the pyproject.toml's folder for its
settings, the ignore file's folder for `.check-consistency-ignore`. A second run must read
the same articles as the first, so the reports, SARIF, graph and baseline a run writes are
never read back, wherever they are.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from consistency.errors import InputError

if TYPE_CHECKING:
    import pathspec  # imported by the first pattern: most runs give none

IGNORE_FILE = ".check-consistency-ignore"


@dataclass(frozen=True)
class Patterns:
    """Gitignore-style patterns, relative to `base` (an absolute folder)."""

    base: str
    lines: tuple[str, ...]
    spec: pathspec.GitIgnoreSpec = field(repr=False, compare=False)

    @classmethod
    def of(cls, base: str | os.PathLike[str], lines: Iterable[str], origin: str) -> Patterns:
        import pathspec

        lines = tuple(lines)
        try:
            spec = pathspec.GitIgnoreSpec.from_lines(lines)
        except (ValueError, TypeError) as exc:  # pathspec's own word for a malformed pattern
            raise InputError(f"{origin}: a pattern cannot be read ({exc}); use gitignore syntax") from None
        for line in lines:
            # pathspec drops a pattern it cannot read ("[!") as it drops a comment: the run
            # would then silently read nothing, or everything
            if line.strip() and not line.lstrip().startswith("#"):
                if all(p.include is None for p in pathspec.GitIgnoreSpec.from_lines([line]).patterns):
                    raise InputError(f"{origin}: the pattern {line!r} cannot be read; use gitignore syntax")
        return cls(os.path.abspath(base), lines, spec)

    def matches(self, location: str, is_dir: bool = False) -> bool | None:
        """True/False when `location` lies under `base`; None when these patterns do not apply."""
        relative = os.path.relpath(os.path.abspath(location), self.base)
        if relative == "." or relative.split(os.sep, 1)[0] == "..":
            return None
        relative = relative.replace(os.sep, "/") + ("/" if is_dir else "")
        return self.spec.match_file(relative)


@dataclass(frozen=True)
class Selection:
    """What a folder walk keeps. The default keeps every file (hidden ones aside)."""

    include: tuple[Patterns, ...] = ()  # when any: a file must match one of them
    exclude: tuple[Patterns, ...] = ()
    never: frozenset[str] = frozenset()  # real paths of files and folders the run writes
    ignore_files: bool = True  # read `.check-consistency-ignore` in the folders walked

    def skips_folder(self, location: str) -> bool:
        """A folder whose files are all left out (its own output folder, an excluded folder)."""
        if os.path.realpath(location) in self.never:
            return True
        return any(p.matches(location, is_dir=True) for p in self.exclude)

    def keeps(self, location: str, extra_exclude: Sequence[Patterns] = (), real: str | None = None) -> bool:
        """Whether a file found in a folder is read (`real`: its real path, when known)."""
        if self.never and (real or os.path.realpath(location)) in self.never:
            return False
        if any(p.matches(location) for p in (*self.exclude, *extra_exclude)):
            return False
        if self.include:
            return any(p.matches(location) for p in self.include)
        return True


def ignore_file_patterns(folder: str) -> Patterns | None:
    """The patterns of `folder/.check-consistency-ignore`, if that file exists."""
    path = os.path.join(folder, IGNORE_FILE)
    if not os.path.isfile(path):
        return None
    try:
        with open(path, encoding="utf-8") as handle:
            lines = handle.read().splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot be read ({exc}); save it as UTF-8 text") from None
    return Patterns.of(folder, lines, path)


def own_outputs(paths: Iterable[str | os.PathLike[str] | None]) -> frozenset[str]:
    """Real paths of what a run writes, to leave out of what it reads."""
    return frozenset(os.path.realpath(p) for p in paths if p is not None)
