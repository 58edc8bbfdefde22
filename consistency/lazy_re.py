"""Module-level regular expressions compiled on first use, not at import.

Importing the package used to compile about a hundred patterns before anything ran, and most
commands use a few of them: `--help` none, one article only those of its language and stages.
`lazy_compile` takes the place of `re.compile` on a module-level line and gives an object used
the same way (`.search`, `.sub`, `.pattern`…). Its first call compiles the pattern (through the
on-disk pattern cache when `cached=True`, as `regex_cache.compile` does) and binds the compiled
pattern's own methods on the object: later calls cost what the compiled pattern's do.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, AnyStr, Generic

_BOUND = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class LazyPattern(Generic[AnyStr]):
    """A pattern compiled the first time one of its methods is called."""

    def __init__(self, pattern: AnyStr, flags: int | re.RegexFlag, cached: bool) -> None:
        self.pattern: AnyStr = pattern
        self._flags = int(flags)
        self._cached = cached

    def compiled(self) -> re.Pattern[AnyStr]:
        """The compiled pattern; its methods replace this object's from now on."""
        found: re.Pattern[AnyStr]
        if self._cached and isinstance(self.pattern, str):
            from consistency import regex_cache  # the disk cache only for what is used

            found = regex_cache.compile(self.pattern, self._flags)
        else:
            found = re.compile(self.pattern, self._flags)
        vars(self).update({name: getattr(found, name) for name in _BOUND})
        vars(self)["compiled"] = lambda: found
        return found

    @property
    def flags(self) -> int:
        return self.compiled().flags

    @property
    def groups(self) -> int:
        return self.compiled().groups

    @property
    def groupindex(self) -> Any:
        return self.compiled().groupindex

    def search(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[AnyStr] | None:
        return self.compiled().search(string, pos, endpos)

    def match(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[AnyStr] | None:
        return self.compiled().match(string, pos, endpos)

    def fullmatch(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> re.Match[AnyStr] | None:
        return self.compiled().fullmatch(string, pos, endpos)

    def finditer(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> Iterator[re.Match[AnyStr]]:
        return self.compiled().finditer(string, pos, endpos)

    def findall(self, string: AnyStr, pos: int = 0, endpos: int = sys.maxsize) -> list[Any]:
        return self.compiled().findall(string, pos, endpos)

    def sub(self, repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr], string: AnyStr, count: int = 0) -> AnyStr:
        return self.compiled().sub(repl, string, count)

    def subn(self, repl: AnyStr | Callable[[re.Match[AnyStr]], AnyStr], string: AnyStr,
             count: int = 0) -> tuple[AnyStr, int]:
        return self.compiled().subn(repl, string, count)

    def split(self, string: AnyStr, maxsplit: int = 0) -> list[AnyStr | Any]:
        return self.compiled().split(string, maxsplit)

    def __repr__(self) -> str:
        return f"lazy_compile({self.pattern!r})"


def lazy_compile(pattern: AnyStr, flags: int | re.RegexFlag = 0, *, cached: bool = False) -> LazyPattern[AnyStr]:
    """`re.compile(pattern, flags)` (or `regex_cache.compile` when `cached`), on first use."""
    return LazyPattern(pattern, flags, cached)


def lazy_cached_compile(pattern: str, flags: int | re.RegexFlag = 0) -> LazyPattern[str]:
    """`regex_cache.compile(pattern, flags)` on first use: for patterns every article runs."""
    return LazyPattern(pattern, flags, True)
