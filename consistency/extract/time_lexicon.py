"""Time words of each language, read into one table per language (or per set of languages).

The first step of reading times (see `consistency.extract.times`): the `time_words.yaml` of
each language pack becomes a `TimeWords`, checked as it is read, so that a mistyped meaning
stops the run with the file and key rather than silently matching nothing.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from consistency.errors import InputError
from consistency.extract.datafiles import load_merged, merge, read_mapping
from consistency.extract.languages import is_pack

DATA_FILE = Path(__file__).parent / "data" / "time_words.yaml"

SEASONS = ("spring", "summer", "autumn", "winter")
PARTS = ("early", "mid", "late")  # thirds of a unit
SHIFTS = {"this": 0, "last": -1, "next": 1}
RELATIVE = (
    "today",
    "yesterday",
    "day_before_yesterday",
    "day_before",  # "la veille", "am Vortag": the day before the article's, as "yesterday"
    "tomorrow",
    "this_week",
    "last_week",
    "next_week",
    "this_month",
    "last_month",
    "next_month",
    "this_year",
    "last_year",
    "next_year",
    "year_to_date",  # "so far this year", "seit Jahresbeginn": from 1 January up to the article's day
)
ROLES = ("in", "since", "until", "before", "after", "ago", "for")
UNITS = ("D", "W", "M", "Y", "H")
# Parts of a day, as minutes after midnight (inclusive). "night" and "night_before" reach
# into the day before when they are tied to a day (see `_with_day_part`).
DAY_PARTS: dict[str, tuple[int, int]] = {
    "early_hours": (0, 479),  # "early on Monday", "in the early hours of"
    "night": (0, 359),  # "dans la nuit", "overnight", "in der Nacht", "de madrugada"
    "night_before": (0, 359),  # "in der Nacht zum Freitag": the night that ends on that day
    "early_morning": (300, 480),  # "au petit matin"
    "morning": (360, 719),
    "late_morning": (600, 720),  # "en fin de matinée"
    "midday": (660, 839),  # "Freitagmittag"
    "afternoon": (720, 1079),
    "evening": (1080, 1439),  # "le soir", "late on Wednesday", "por la noche"
}


@functools.lru_cache(maxsize=8192)
def _key(words: str) -> str:
    """The lookup form of words as written: lower case, one space, one apostrophe, one hyphen."""
    text = words.lower().replace("’", "'").replace("‐", "-").replace("‑", "-")
    return " ".join(text.split())


@dataclass(frozen=True)
class TimeWords:
    """The time words of one language, or of several when the language is unknown.

    Each mapping goes from a spelling (as in the data file) to what it means.
    """

    months: Mapping[str, int] = field(default_factory=dict)
    weekdays: Mapping[str, int] = field(default_factory=dict)
    weekday_abbreviations: Mapping[str, int] = field(default_factory=dict)
    seasons: Mapping[str, int] = field(default_factory=dict)  # index into SEASONS
    parts: Mapping[str, int] = field(default_factory=dict)  # index into PARTS
    period_words: Mapping[str, str] = field(default_factory=dict)  # -> "year" | "month" | "week"
    modifiers_before: Mapping[str, str] = field(default_factory=dict)  # -> "this" | "last" | "next"
    modifiers_after: Mapping[str, str] = field(default_factory=dict)
    relative: Mapping[str, str] = field(default_factory=dict)  # -> one of RELATIVE
    prepositions: Mapping[str, frozenset[str]] = field(default_factory=dict)  # -> roles
    ranges: Mapping[str, frozenset[str]] = field(default_factory=dict)  # opener -> closers
    units: Mapping[str, str] = field(default_factory=dict)  # -> one of UNITS
    numbers: Mapping[str, int] = field(default_factory=dict)
    ordinal_suffixes: frozenset[str] = frozenset()
    of: frozenset[str] = frozenset()
    day_before_of: frozenset[str] = frozenset()  # "la veille du scrutin": the day before an event, not the article's
    articles: frozenset[str] = frozenset()
    year_words: frozenset[str] = frozenset()
    free_joins: frozenset[str] = frozenset()
    number_joiners: frozenset[str] = frozenset()
    qualifiers: frozenset[str] = frozenset()
    past_before: frozenset[str] = frozenset()
    past_after: frozenset[str] = frozenset()
    half: frozenset[str] = frozenset()
    ago_after: frozenset[str] = frozenset()
    needs_context: frozenset[str] = frozenset()  # keys of words that are also ordinary words
    future_words: frozenset[str] = frozenset()  # "will", "débutera": the clause is about the future
    future_endings: frozenset[str] = frozenset()  # "-ará": a verb ending that marks the future
    day_parts: Mapping[str, str] = field(default_factory=dict)  # -> one of DAY_PARTS; may stand alone
    day_parts_attached: Mapping[str, str] = field(default_factory=dict)  # only next to a day
    day_part_suffixes: Mapping[str, str] = field(default_factory=dict)  # "Donnerstag|abend"
    day_count: Mapping[str, int] = field(default_factory=dict)  # "seventh day", "siebten Tag" -> 7
    clock_before: frozenset[str] = frozenset()  # "à", "at", "um", "a las": a number is an hour
    clock_about: frozenset[str] = frozenset()  # "vers", "around": the hour give or take
    clock_bare: frozenset[str] = frozenset()  # "a las": a number alone after it is an hour
    clock_hours: frozenset[str] = frozenset()  # "heures", "h", "Uhr", "o'clock"
    clock_am: frozenset[str] = frozenset()
    clock_pm: frozenset[str] = frozenset()
    clock_noon: frozenset[str] = frozenset()
    clock_midnight: frozenset[str] = frozenset()
    day_words: frozenset[str] = frozenset()  # "el día 2": a day of the month alone
    possessive: frozenset[str] = frozenset()  # "Friday's earthquake": the time names an event
    compared_since: frozenset[str] = frozenset()  # "the most since 2011": a record's start, not the count's time
    cased: frozenset[str] = frozenset()  # spellings that only count capitalized ("May")
    month_first: bool = False
    numeric_order: str = "dmy"  # or "ambiguous"

    @classmethod
    def from_sections(cls, sections: Iterable[tuple[str, Mapping[str, Any]]]) -> TimeWords:
        """Read the sections of one or more languages into one lexicon.

        Each section comes with where it was read ("time_words.yaml: fr"), for error messages.
        """
        acc: dict[str, Any] = {name: {} for name in _MAPPINGS}
        acc.update({name: set() for name in _SETS})
        acc.update(numbers={}, ranges={}, prepositions={}, cased=set(), month_first=False)
        orders: set[str] = set()
        for where, sec in sections:
            cased = {
                w.lower() for w in _as_words(where, "capitalized_only", sec.get("capitalized_only"))
            }
            acc["month_first"] |= bool(sec.get("month_first", False))
            orders.add(str(sec.get("numeric_order", "dmy")))
            for name, (path, meanings) in _MAPPINGS.items():
                table = _dig(sec, path) or {}
                for meaning, words in table.items():
                    value = _meaning(where, name, meaning, meanings)
                    for word in _as_words(where, name, words):
                        acc[name][word] = value
                        if word.lower() in cased:
                            acc["cased"].add(word)
            for name, path in _SETS.items():
                acc[name].update(_as_words(where, name, _dig(sec, path)))
            for role, words in (sec.get("prepositions") or {}).items():
                _meaning(where, "prepositions", role, ROLES)
                for word in _as_words(where, "prepositions", words):
                    acc["prepositions"].setdefault(_key(word), set()).add(role)
            for opener, closers in (sec.get("ranges") or {}).items():
                (opener,) = _as_words(where, "ranges", [opener])
                acc["prepositions"].setdefault(_key(opener), set()).add("range")
                acc["ranges"].setdefault(_key(opener), set()).update(
                    _key(c) for c in _as_words(where, "ranges", closers)
                )
            for word, value in (sec.get("numbers") or {}).items():
                (word,) = _as_words(where, "numbers", [word])
                if not isinstance(value, int):
                    raise InputError(f"{where}.numbers.{word}: {value!r} is not a number")
                acc["numbers"][word] = value
        fields: dict[str, Any] = {name: dict(acc[name]) for name in _MAPPINGS}
        fields.update({name: frozenset(acc[name]) for name in _SETS})
        return cls(
            **fields,
            numbers=acc["numbers"],
            prepositions={k: frozenset(v) for k, v in acc["prepositions"].items()},
            ranges={k: frozenset(v) for k, v in acc["ranges"].items()},
            cased=frozenset(acc["cased"]),
            month_first=acc["month_first"],
            numeric_order="dmy" if orders <= {"dmy"} else "ambiguous",
        )


# mapping name -> (where it is in a language section, the meanings allowed or None for ints)
_MAPPINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...] | None]] = {
    "months": (("months",), None),
    "weekdays": (("weekdays",), None),
    "weekday_abbreviations": (("weekday_abbreviations",), None),
    "seasons": (("seasons",), SEASONS),
    "parts": (("parts",), PARTS),
    "period_words": (("period_words",), ("year", "month", "week")),
    "modifiers_before": (("modifiers_before",), tuple(SHIFTS)),
    "modifiers_after": (("modifiers_after",), tuple(SHIFTS)),
    "relative": (("relative",), RELATIVE),
    "units": (("durations", "units"), UNITS),
    "day_parts": (("day_parts",), tuple(DAY_PARTS)),
    "day_parts_attached": (("day_parts_attached",), tuple(DAY_PARTS)),
    "day_part_suffixes": (("day_part_suffixes",), tuple(DAY_PARTS)),
    "day_count": (("day_count",), None),
}
_SETS: dict[str, tuple[str, ...]] = {
    "ordinal_suffixes": ("ordinal_suffixes",),
    "of": ("of",),
    "day_before_of": ("day_before_of",),
    "articles": ("articles",),
    "year_words": ("year_words",),
    "free_joins": ("free_joins",),
    "number_joiners": ("number_joiners",),
    "qualifiers": ("durations", "qualifiers"),
    "past_before": ("durations", "past_before"),
    "past_after": ("durations", "past_after"),
    "half": ("durations", "half"),
    "ago_after": ("durations", "ago_after"),
    "needs_context": ("needs_context",),
    "future_words": ("future", "words"),
    "future_endings": ("future", "endings"),
    "clock_before": ("clock", "before"),
    "clock_about": ("clock", "about"),
    "clock_bare": ("clock", "bare"),
    "clock_hours": ("clock", "hours"),
    "clock_am": ("clock", "am"),
    "clock_pm": ("clock", "pm"),
    "clock_noon": ("clock", "noon"),
    "clock_midnight": ("clock", "midnight"),
    "day_words": ("day_words",),
    "possessive": ("possessive",),
    "compared_since": ("compared_since",),
}


def _dig(section: Mapping[str, Any], path: tuple[str, ...]) -> Any:
    value: Any = section
    for name in path:
        value = (value or {}).get(name)
    return value


def _as_words(where: str, name: str, value: Any) -> list[str]:
    """The entries of a list, which must be strings (YAML reads a bare `on` as true)."""
    items = (
        list(value) if isinstance(value, (list, tuple, set)) else [] if value is None else [value]
    )
    for item in items:
        if not isinstance(item, str) or not item.strip():
            raise InputError(f"{where}.{name}: {item!r} is not a word (quote it)")
    return items


def _meaning(where: str, name: str, meaning: Any, allowed: tuple[str, ...] | None) -> Any:
    """The value a data-file key stands for, or a one-line error naming the bad key."""
    if allowed is None:
        limit = {"months": 12, "day_count": 31}.get(name, 7)
        if isinstance(meaning, int) and 1 <= meaning <= limit:
            return meaning
        raise InputError(f"{where}.{name}: {meaning!r} is not a number 1-{limit}")
    if meaning not in allowed:
        raise InputError(f"{where}.{name}: {meaning!r} is not one of {', '.join(allowed)}")
    if name in ("seasons", "parts"):
        return allowed.index(meaning)
    return meaning


def load_time_words(*extra: Path) -> dict[str, Any]:
    """The built-in time words, with `time_words.yaml` of each extra directory (or file) merged."""
    data = load_merged(DATA_FILE, tuple(extra), user_files=False)  # built-in and user packs
    for path in extra:
        file = path / DATA_FILE.name if path.is_dir() else path
        if not file.is_file() or is_pack(path):
            continue
        more = read_mapping(file, what="a mapping of languages", check_words=False)
        for lang, section in more.items():
            if not isinstance(section, dict):
                raise InputError(f"{file}: {lang}: expected a mapping of word lists")
            TimeWords.from_sections([(f"{file}: {lang}", section)])  # report errors with the file
        data = merge(data, more)
    return data
