"""Time zones of a time of day, and the words that make a dated event planned.

An hour with a day is a point in time only with its zone: "8h30 heure locale (7h30 à Paris)"
and "8:30 a.m. (0630 GMT)" are one instant, "8:30 p.m. local time" another. This module reads
the zone words written right after a clock ("heure locale", "GMT", "à Paris") and the
equivalent in another zone given in brackets, from `data/time_points.yaml`, and gives the
UTC offset of the written time once its day is known (summer time follows the date).

A date claim keeps the time as written (the local one first) and says its zone in its unit
(`zone_unit`, read back by the rules with `read_zone_unit`): "local time", "local time
UTC+02:00" when the text also gives the offset, "UTC+00:00" for a time written only in a
named zone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from consistency.extract.datafiles import read_mapping
from consistency.extract.time_lexicon import DATA_FILE
from consistency.lazy_re import lazy_compile
from consistency.matching import longest_first

DATA = DATA_FILE.parent / "time_points.yaml"
LOCAL = "local"
DAY = 1440


@dataclass(frozen=True)
class Zone:
    """The zone words after a clock: where they end, the zone ("local" or an IANA name), and
    the same instant written in another zone (minutes after midnight, IANA name)."""

    end: int
    zone: str | None
    equivalent: tuple[int, str] | None = None


@dataclass(frozen=True)
class TimePoints:
    """The data of `time_points.yaml`, compiled."""

    zones: dict[str, str]  # casefolded zone words -> IANA name
    cased: frozenset[str]  # zone words in capitals ("ET", "TU"), matched only so: never "et", "tu"
    local: dict[str, frozenset[str]]  # language -> "heure locale", …
    planned: dict[str, re.Pattern[str]]
    unsure: dict[str, re.Pattern[str]]
    agreed: dict[str, re.Pattern[str]]
    announced: frozenset[str]
    shared: frozenset[str]
    timed: frozenset[str]


def _words_rx(words: list[str]) -> re.Pattern[str]:
    if not words:
        return re.compile(r"(?!x)x")
    return re.compile(rf"(?<!\w)(?:{longest_first(words)})(?!\w)", re.IGNORECASE)


@functools.cache
def points() -> TimePoints:
    data = read_mapping(DATA)
    zones = {str(w).casefold(): str(name) for name, words in (data.get("zones") or {}).items() for w in words or []}
    local = {str(lang): frozenset(str(w).casefold() for w in words or []) for lang, words in (data.get("local") or {}).items()}
    planned = {str(lang): _words_rx([str(w) for w in words or []]) for lang, words in (data.get("planned") or {}).items()}
    unsure = {str(lang): _words_rx([str(w) for w in words or []]) for lang, words in (data.get("unsure") or {}).items()}
    agreed = {str(lang): _words_rx([str(w) for w in words or []]) for lang, words in (data.get("agreed") or {}).items()}
    cased = frozenset(str(w) for words in (data.get("zones") or {}).values() for w in words or [] if str(w).isupper())
    return TimePoints(
        zones,
        cased,
        local,
        planned,
        unsure,
        agreed,
        frozenset(str(e) for e in data.get("announced") or []),
        frozenset(str(e) for e in data.get("shared") or []),
        frozenset(str(e) for e in data.get("timed") or []),
    )


@functools.cache
def _zone_rx(lang: str | None) -> re.Pattern[str]:
    p = points()
    locals_ = p.local.get(lang or "", frozenset()) if lang else frozenset().union(*p.local.values())
    names = {w for w in p.zones if w not in {c.casefold() for c in p.cased}}  # "heure de Paris": any case
    words = longest_first(sorted({*names, *locals_}))
    cased = longest_first(sorted(p.cased))
    alternatives = f"(?:{words})|(?-i:{cased})" if cased else words
    return re.compile(rf"[ \t\u00a0]*\(?(?P<w>{alternatives})\)?(?!\w)", re.IGNORECASE)


# "(0630 GMT)", "(7h30 à Paris)", "(2330 GMT Sunday)", "(12.30 Uhr MEZ)": the same instant elsewhere.
_EQUIVALENT = lazy_compile(
    r"[ \t\u00a0]*\((?P<h>[012]?\d)(?:[h:.]?(?P<m>[0-5]\d))?(?:[ \u00a0]*(?P<hw>h|Uhr|hrs|horas?|heures?))?[ \u00a0]*"
    r"(?P<ap>[ap]\.?m\.?)?[ \u00a0]*(?P<w>[^()\d]{1,30}?)[ \u00a0]*\)",
    re.IGNORECASE,
)


def read_zone(text: str, at: int, lang: str | None, clock_digits: bool = True) -> Zone | None:
    """The zone words right after a clock ending at `at`; None when there are none."""
    if not clock_digits:
        return None
    p = points()
    end, zone = at, None
    m = _zone_rx(lang).match(text, at)
    if m is not None and (m.group(0).count("(") == m.group(0).count(")")):
        word = m["w"].casefold()
        zone = p.zones.get(word, LOCAL)
        end = m.end()
    equivalent = None
    e = _EQUIVALENT.match(text, end)
    if e is not None:
        words = e["w"].split()
        other = p.zones.get(" ".join(words).casefold()) or p.zones.get(" ".join(words[:-1]).casefold())  # "GMT Sunday"
        hour, minute = int(e["h"]), int(e["m"] or 0)
        if e["ap"]:
            hour = hour % 12 + (12 if e["ap"].casefold().startswith("p") else 0)
        if other is not None and hour < 24 and (e["m"] or e["ap"] or e["hw"] or len(e["h"]) == 2):
            equivalent = (hour * 60 + minute, other)
            end = e.end()
    if zone is None and equivalent is None:
        return None
    return Zone(end, zone, equivalent)


def offset_of(zone: str, day: dt.date, minute: int) -> int | None:
    """Minutes east of UTC of an IANA zone at a local time of `day`."""
    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    moment = dt.datetime.combine(day, dt.time(minute // 60 % 24, minute % 60), tzinfo=tz)
    delta = moment.utcoffset()
    return None if delta is None else int(delta.total_seconds() // 60)


def utc_offset(zone: str | None, equivalent: tuple[int, str] | None, day: dt.date, minute: int) -> int | None:
    """The offset of a time written at `minute` of `day` in `zone`: from the zone itself, or
    from the same instant given in another zone ("8:30 a.m. (0630 GMT)" is UTC+02:00)."""
    if zone and zone != LOCAL:
        return offset_of(zone, day, minute)
    if equivalent is None:
        return None
    other_minute, other = equivalent
    other_offset = offset_of(other, day, other_minute)
    if other_offset is None:
        return None
    offset = (minute - other_minute + other_offset) % DAY
    if offset > DAY // 2:
        offset -= DAY
    return offset if -14 * 60 <= offset <= 14 * 60 and offset % 15 == 0 else None


def zone_unit(zone: str | None, offset: int | None) -> str:
    """The unit of a date claim with a time of day (see the module docstring)."""
    local = zone in (None, LOCAL)
    if offset is None:
        return "local time" if local else "date"
    sign = "+" if offset >= 0 else "-"
    name = f"UTC{sign}{abs(offset) // 60:02d}:{abs(offset) % 60:02d}"
    return f"local time {name}" if local else name


_UNIT = lazy_compile(r"(?P<local>local time)?\s*(?:UTC(?P<sign>[+-])(?P<h>\d\d):(?P<m>\d\d))?")


def read_zone_unit(unit: str) -> tuple[bool, int | None] | None:
    """(local, offset) of a unit written by `zone_unit`; None for any other unit."""
    m = _UNIT.fullmatch(unit.strip())
    if m is None or not (m["local"] or m["sign"]):
        return None
    offset = None
    if m["sign"]:
        offset = (int(m["h"]) * 60 + int(m["m"])) * (1 if m["sign"] == "+" else -1)
    return bool(m["local"]), offset


def planned(text: str, start: int, end: int, lang: str | None) -> bool:
    """Whether text[start:end] makes a dated event planned ("prévue", "scheduled to")."""
    rx = points().planned.get(lang or "")
    return rx is not None and rx.search(text, start, end) is not None


def unsure(text: str, start: int, end: int, lang: str | None) -> bool:
    """Whether text[start:end] holds a modal or a condition ("could", "pourrait", "si")."""
    rx = points().unsure.get(lang or "")
    return rx is not None and rx.search(text, start, end) is not None


def agreed(text: str, start: int, end: int, lang: str | None) -> re.Match[str] | None:
    """Words of text[start:end] that report an agreement ("have agreed", "ont conclu")."""
    rx = points().agreed.get(lang or "")
    return None if rx is None else rx.search(text, start, end)
