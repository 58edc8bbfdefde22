"""Reading the lexicon data files, built-in and the user's, the same way everywhere.

Every lexicon (words of categories, events, places, sources, numbers, time) is a YAML
mapping; a user's file of the same name in a `--lexicon` folder is merged over it.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import Any

from consistency.corpus._data import load_yaml, yaml_error
from consistency.errors import InputError


def read_mapping(path: Path, *, what: str = "a mapping", check_words: bool = True) -> dict[str, Any]:
    """A YAML file whose top level is a mapping; a one-line InputError naming file and line otherwise.

    `check_words=False` leaves word checks to a caller that reports them more precisely.
    """
    try:
        data = load_yaml(Path(path).read_text(encoding="utf-8"), str(path), cache=True)  # size, depth, alias limits
    except yaml_error() as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise InputError(f"{where}: not valid YAML ({getattr(exc, 'problem', None) or type(exc).__name__}); fix the file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read the lexicon file ({exc})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected {what} at the top of the file")
    if check_words:
        _check_strings(data, str(path))
    return data


def _check_strings(node: Any, where: str) -> None:
    """YAML reads unquoted on/off/yes/no as booleans: say so rather than match the word "True"."""
    if isinstance(node, dict):
        words, children = list(node), list(node.values())
    elif isinstance(node, list):
        words, children = node, node
    else:
        return
    for w in words:
        if isinstance(w, bool):
            raise InputError(f"{where}: an entry was read as the boolean {w}; put the word in quotes")
    for child in children:
        _check_strings(child, where)


def merge(base: Any, extra: Any) -> Any:
    """Extra lexicon data over the built-in: mappings merged, lists joined, scalars replaced."""
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            out[k] = merge(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [v for v in extra if v not in base]
    return extra


def load_merged(builtin: Path, extra_dirs: tuple[Path, ...] | list[Path] = (), *, user_files: bool = True) -> dict[str, Any]:
    """A built-in data file merged with what the language packs add to it (built-in, then
    the user's: see consistency/extract/languages/), then with the file of the same name in
    each extra folder (unless `user_files` is false: the caller checks and merges those).

    Built-in files alone come from the table cache, keyed by their bytes and every pack file's:
    a start then neither re-reads, re-checks nor copies the packs' words (23 files per article)."""
    from consistency import table_cache

    if not extra_dirs and table_cache.enabled():
        try:
            parts = (str(builtin), hashlib.sha256(Path(builtin).read_bytes()).hexdigest(), _packs_digest())
        except OSError:
            return _merged(builtin, extra_dirs, user_files)  # worded by read_mapping
        return dict(table_cache.memo("merged", parts, lambda: _merged(builtin, extra_dirs, user_files)))
    return _merged(builtin, extra_dirs, user_files)


@functools.cache
def _packs_digest() -> str:
    """The bytes of every file of the built-in language packs (and their layout and schema)."""
    from consistency.extract.languages import PACKS_DIR

    digest = hashlib.sha256()
    for f in sorted(PACKS_DIR.rglob("*.yaml")):
        digest.update(f"{f.relative_to(PACKS_DIR)}\0".encode())
        digest.update(hashlib.sha256(f.read_bytes()).digest())
    return digest.hexdigest()


def _merged(builtin: Path, extra_dirs: tuple[Path, ...] | list[Path], user_files: bool) -> dict[str, Any]:
    from consistency.extract.languages import contributions, is_pack  # the packs read this module

    data: dict[str, Any] = merge(read_mapping(builtin), contributions(builtin.name, tuple(extra_dirs)))
    for d in extra_dirs if user_files else ():
        if is_pack(Path(d)):
            continue  # its files are a language's, read above
        candidate = Path(d) / builtin.name if Path(d).is_dir() else Path(d)
        if candidate.is_file() and candidate.name == builtin.name:
            data = merge(data, read_mapping(candidate))
    return data
