"""Language packs: everything that is particular to one language, as a folder of data.

A pack is a folder named after its ISO 639-1 code (`fr/`, `de/`…) holding `pack.yaml` (the
language's name, decimal mark, date order…) and the files named in `layout.yaml`: number
words and qualifiers, time words, reporting verbs and prepositions of attribution,
abbreviations. Each pack file is written for its own language only; this loader puts the
language back where the built-in data files of `consistency/extract/data/` keep it, so the
modules that read those files need not know packs exist. Built-in packs sit next to this
file; a `--lexicon DIR` that is a pack, or holds packs, adds or extends languages.

This is the only Python that knows which languages there are: the others ask it.
"""

from __future__ import annotations

import copy
import functools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consistency.extract.datafiles import merge, read_mapping

PACKS_DIR = Path(__file__).parent
PACK_FILE = "pack.yaml"
LAYOUT_FILE = PACKS_DIR / "layout.yaml"
SCHEMA_FILE = PACKS_DIR / "schema.yaml"


@dataclass(frozen=True)
class Pack:
    """What `pack.yaml` says about one language."""

    code: str  # ISO 639-1, the folder's name
    folder: Path
    name: str = ""
    decimal_mark: str | None = None  # "comma" (11.000,5) or "point" (11,000.5); None: neutral
    date_order: str = "DMY"  # how an ambiguous numeric date is read (dateparser's DATE_ORDER)
    capitalised_months: bool = False  # months and weekdays only with their capital ("May")
    load_at_start: bool = False  # compiled at import rather than on the first article
    read_when_unknown: bool = False  # its words are tried when a text's language is unknown
    page_dates: bool = False  # worded dates of any page are tried in it ("June 17, 2025")
    stop_words: tuple[str, ...] = ()  # frequent words that tell a text is in this language


def is_pack(folder: Path) -> bool:
    return (Path(folder) / PACK_FILE).is_file()


def pack_folders(extra_dirs: Iterable[Path] = ()) -> tuple[Path, ...]:
    """The built-in pack folders, then those of each extra folder (itself a pack, or holding packs)."""
    order = [str(c) for c in layout().get("order") or ()]
    found = sorted((d for d in PACKS_DIR.iterdir() if d.is_dir() and is_pack(d)),
                   key=lambda d: (order.index(d.name) if d.name in order else len(order), d.name))
    for d in extra_dirs:
        d = Path(d)
        if not d.is_dir():
            continue
        found.extend([d] if is_pack(d) else [s for s in sorted(d.iterdir()) if s.is_dir() and is_pack(s)])
    return tuple(found)


@functools.lru_cache(maxsize=1)
def layout() -> dict[str, Any]:
    """layout.yaml: data file -> its pack file and where the language sits in it."""
    return read_mapping(LAYOUT_FILE)


def builtin_packs_valid() -> bool:
    """Whether the built-in packs pass their schema: checked when their files change, not at
    every start (the table cache remembers it for their bytes and the schema's)."""
    from consistency import table_cache
    from consistency.extract.schema import pack_problems

    files = [SCHEMA_FILE, *(f for folder in pack_folders() for f in sorted(folder.glob("*.yaml")))]
    return table_cache.files_pass("builtin-packs-valid", files, lambda: not pack_problems(pack_folders()))


@functools.lru_cache(maxsize=32)
def _packs(extra_dirs: tuple[Path, ...]) -> tuple[Pack, ...]:
    from consistency.extract.schema import check_pack_folders

    folders = pack_folders(extra_dirs)
    # every problem of every pack at once, or nothing (the built-in packs' only when their bytes changed)
    check_pack_folders(folders[len(pack_folders()):] if builtin_packs_valid() else folders)
    by_code: dict[str, Pack] = {}
    for folder in folders:
        meta = read_mapping(folder / PACK_FILE)
        code = str(meta.get("language") or folder.name)
        fields: dict[str, Any] = {k: tuple(str(w) for w in v) if isinstance(v, list) else v
                                  for k, v in meta.items() if k in Pack.__dataclass_fields__ and k not in ("code", "folder")}
        if code in by_code:  # a user's pack of a built-in language: its settings win
            fields = {**{k: getattr(by_code[code], k) for k in Pack.__dataclass_fields__ if k not in ("code", "folder")}, **fields}
        by_code[code] = Pack(code=code, folder=folder, **fields)
    return tuple(by_code.values())


def packs(extra_dirs: Sequence[Path] = ()) -> tuple[Pack, ...]:
    """Every language pack, built-in and the user's, checked."""
    return _packs(tuple(Path(d) for d in extra_dirs))


def languages(extra_dirs: Sequence[Path] = ()) -> tuple[str, ...]:
    """The codes of the languages that have a pack."""
    return tuple(p.code for p in packs(extra_dirs))


def pack(code: str | None, extra_dirs: Sequence[Path] = ()) -> Pack | None:
    return next((p for p in packs(extra_dirs) if p.code == code), None)


def load_at_start() -> tuple[str, ...]:
    """The built-in languages whose grammars are compiled at import."""
    return tuple(p.code for p in packs() if p.load_at_start)


def page_date_languages() -> tuple[str, ...]:
    """Languages whose worded dates are tried on every page, after the page's own."""
    return tuple(p.code for p in packs() if p.page_dates)


def stop_words() -> dict[str, tuple[str, ...]]:
    """Each built-in language's stop words (pack.yaml), for telling a text's language cheaply."""
    return {p.code: p.stop_words for p in packs() if p.stop_words}


def date_order(code: str | None) -> str:
    """How an ambiguous numeric date is read in this language (DMY when unknown)."""
    p = pack(code)
    return p.date_order if p else "DMY"


def entity_language() -> str:
    """The language entity keys are written in: names built from keys use its adjectives."""
    return str(layout().get("entity_language") or "")


def _folder_files(extra_dirs: tuple[Path, ...]) -> tuple[tuple[str, Path], ...]:
    """(language, folder) of every pack folder, in merge order."""
    out = []
    for folder in pack_folders(extra_dirs):
        meta = read_mapping(folder / PACK_FILE)
        out.append((str(meta.get("language") or folder.name), folder))
    return tuple(out)


def _place(section: Mapping[str, Any], lang: str, by_concept: Mapping[str, int]) -> dict[str, Any]:
    """One pack file's content, with its language put back where the data file keeps it."""
    out: dict[str, Any] = {}
    for key, value in section.items():
        depth = by_concept.get(key, by_concept.get("*", 0))
        if depth == 1:
            out[key] = {lang: value}
        elif depth == 2 and isinstance(value, Mapping):
            out[key] = {sub: {lang: v} for sub, v in value.items()}
        else:
            out.setdefault(lang, {})[key] = value
    return out


def _meta_contributions(data_file: str, all_packs: Sequence[Pack]) -> dict[str, Any]:
    """What pack.yaml settings add to a data file (decimal marks, capitalised months…)."""
    if data_file != "number_words.yaml":
        return {}
    out: dict[str, Any] = {"separators": {"decimal_comma": [], "decimal_point": []},
                           "not_quantities": {"cased": []}, "when_unknown": []}
    for p in all_packs:
        if p.decimal_mark in ("comma", "point"):
            out["separators"][f"decimal_{p.decimal_mark}"].append(p.code)
        if p.capitalised_months:
            out["not_quantities"]["cased"].append(p.code)
        if p.read_when_unknown:
            out["when_unknown"].append(p.code)
    return out


@functools.lru_cache(maxsize=64)
def _contributions(data_file: str, extra_dirs: tuple[Path, ...]) -> dict[str, Any]:
    spec = layout().get(data_file)
    spec = spec if isinstance(spec, Mapping) else None
    all_packs = _packs(extra_dirs)
    data = _meta_contributions(data_file, all_packs)
    if not spec:
        return data
    by_concept = dict(spec.get("by_concept") or {})
    for lang, folder in _folder_files(extra_dirs):
        path = folder / str(spec["file"])
        if path.is_file():
            data = merge(data, _place(read_mapping(path), lang, by_concept))
    return data


def contributions(data_file: str, extra_dirs: Sequence[Path] = ()) -> dict[str, Any]:
    """What the packs add to the built-in data file of this name, shaped like it."""
    return copy.deepcopy(_contributions(data_file, tuple(Path(d) for d in extra_dirs)))
