"""A day's count inside a running count "since" a day, and the "since" of a record
(fr/en/de/es, invented sentences).

"120 migrants on Monday" and "about 5,000 since the start of the year": a running count adds
up all it counts over its period, so the day's figure is a part of it, never a rival count;
only a day's figure larger than the running count is impossible. "The most since 2009" after
a superlative opens the span a record is measured over: it dates nothing the sentence counts.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests.sentences import figure, findings_and_claims

PUBLISHED = {
    "fr": "Publié le vendredi 13 juin 2025\n\n",
    "en": "Published Friday 13 June 2025\n\n",
    "de": "Veröffentlicht am Freitag, 13. Juni 2025\n\n",
    "es": "Publicado el viernes 13 de junio de 2025\n\n",
}
# (a day's arrivals, the running count since the start of the year) on an island, by language
DAY_AND_YEAR = {
    "en": ("On Monday a fishing boat carrying {n} migrants reached Pantelleria.",
           "Since the start of the year about {total} migrants have arrived on Pantelleria."),
    "fr": ("Lundi, un bateau de pêche transportant {n} migrants a accosté à Pantelleria.",
           "Depuis le début de l'année, environ {total} migrants sont arrivés à Pantelleria."),
    "de": ("Am Montag erreichte ein Fischerboot mit {n} Migranten Pantelleria.",
           "Seit Januar sind rund {total} Migranten auf Pantelleria angekommen."),
    "es": ("El lunes, un pesquero con {n} migrantes llegó a Pantelleria.",
           "Desde enero han llegado unos {total} migrantes a Pantelleria."),
}
THOUSANDS = {"en": "5,000", "fr": "5 000", "de": "5.000", "es": "5.000"}
# a boat's arrival, then "the most since 2009" (or the record's own words), by language
RECORD = {
    "en": "A boat reached Pantelleria with 230 people on Monday, the boat with the largest number of people since 2009.",
    "fr": "Un bateau avec 230 personnes à bord est arrivé lundi, le bateau avec le plus grand nombre de personnes depuis 2009.",
    "de": "Ein Boot mit 230 Menschen an Bord erreichte am Montag Pantelleria, das Boot mit den meisten Insassen seit 2009.",
    "es": "Una embarcación con 230 personas llegó el lunes a Pantelleria, la embarcación con el mayor número de ocupantes desde 2009.",
}
# a running count since a year without any superlative: the year is its time
SINCE = {
    "en": ("More than 3,000 migrants have arrived on Pantelleria since 2019.", 3000),
    "fr": ("Plus de 3 000 migrants sont arrivés à Pantelleria depuis 2019.", 3000),
    "de": ("Mehr als 3.000 Migranten sind seit 2019 auf Pantelleria angekommen.", 3000),
    "es": ("Más de 3.000 migrantes han llegado a Pantelleria desde 2019.", 3000),
}


def _conflicts(found: list[Finding], claims: dict[str, Claim], low: float) -> list[Finding]:
    return [f for f in found if f.kind in ("contradiction", "dispute")
            and any(claims[c].value.low == low for c in f.claims)]


def _articles(lang: str, day: str, year: str) -> dict[str, str]:
    return {"a.txt": PUBLISHED[lang] + day + "\n", "b.txt": PUBLISHED[lang] + year + "\n"}


@pytest.mark.parametrize("lang", sorted(DAY_AND_YEAR))
def test_a_days_count_inside_a_running_count_is_no_contradiction(tmp_path: Path, lang: str) -> None:
    day, year = DAY_AND_YEAR[lang]
    found, claims = findings_and_claims(tmp_path, _articles(lang, day.format(n=120), year.format(total=THOUSANDS[lang])))
    assert any(c.value.low == 120 for c in claims.values())
    assert any(c.measure == "running" and c.time is not None and c.time.kind == "since" for c in claims.values())
    assert _conflicts(found, claims, 120) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(RECORD))
def test_since_after_a_superlative_is_no_time_of_the_figure(lang: str) -> None:
    claim = figure(PUBLISHED[lang] + RECORD[lang], lang, 230)
    assert claim.time is None or claim.time.kind != "since", claim.time


@pytest.mark.parametrize("lang", sorted(SINCE))
def test_since_without_a_superlative_still_dates_the_count(lang: str) -> None:
    text, value = SINCE[lang]
    claim = figure(PUBLISHED[lang] + text, lang, value)
    assert claim.time is not None and claim.time.kind == "since" and claim.time.low is not None
    assert claim.time.low.year == 2019


@pytest.mark.parametrize("lang", sorted(RECORD))
def test_two_boats_weeks_apart_are_not_set_against_each_other(tmp_path: Path, lang: str) -> None:
    first = {"en": "A boat reached Pantelleria with 180 people on board.",
             "fr": "Un bateau avec 180 personnes à bord est arrivé à Pantelleria.",
             "de": "Ein Boot mit 180 Menschen an Bord erreichte Pantelleria.",
             "es": "Una embarcación con 180 personas llegó a Pantelleria."}[lang]
    earlier = PUBLISHED[lang].replace("13", "2")
    found, claims = findings_and_claims(tmp_path, {"a.txt": earlier + first + "\n", "b.txt": PUBLISHED[lang] + RECORD[lang] + "\n"})
    assert _conflicts(found, claims, 180) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Desde el comienzo del año han llegado unos 6.000 migrantes.", "es"),
        ("Desde principios de año han llegado unos 6.000 migrantes.", "es"),
        ("Seit Beginn des Jahres kamen rund 6000 Migranten an.", "de"),
        ("Environ 6 000 migrants sont arrivés depuis le début de l'année.", "fr"),
        ("About 6,000 migrants have arrived since the start of the year.", "en"),
    ],
)
def test_since_the_start_of_the_year_is_a_running_period_not_today(text: str, lang: str) -> None:
    claim = figure(text, lang, 6000, dt.date(2023, 10, 4))
    assert claim.time is not None and claim.time.kind == "since" and claim.time.low == dt.date(2023, 1, 1)
