"""A figure counted at an hour or in a part of a day against the whole day's figure
(fr/en/de/es, invented sentences).

"By 9 a.m. police had counted 300 tractors" or "last night around 500 migrants arrived" is a
count taken while the day went on; the day's "more than 3,000" or "nearly 2,000" is not known
to be a count of the same moment, whatever is counted and whatever the verb. The lower stamped
figure is no contradiction. The same figures given for the whole day still are, and a
stamped figure above the day's count is still judged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim, Finding, Interval
from tests.sentences import figure, findings_and_claims

PUBLISHED = {
    "fr": "Publié le mercredi 4 juin 2025 à 21h10\n\n",
    "en": "Published Wednesday 4 June 2025, 21:10\n\n",
    "de": "Veröffentlicht am Mittwoch, 4. Juni 2025, 21:10 Uhr\n\n",
    "es": "Publicado el miércoles 4 de junio de 2025 a las 21:10\n\n",
}
# (a count at an hour of the morning, the day's count) of tractors, by language
TRACTORS = {
    "de": ("Die Polizei zählte bis 9.00 Uhr {n} Traktoren in Hamburg.",
           "Mehr als 3.000 Traktoren blockierten {day} Hamburg, teilte die Polizei mit.", "am Mittwoch"),
    "en": ("By 9 a.m., police had counted {n} tractors in Hamburg.",
           "More than 3,000 tractors blocked Hamburg {day}, police said.", "on Wednesday"),
    "fr": ("Vers 9 heures, la police comptait {n} tracteurs à Hambourg.",
           "Plus de 3 000 tracteurs ont bloqué Hambourg {day}, selon la police.", "mercredi"),
    "es": ("Hasta las 9 de la mañana, la policía contó {n} tractores en Hamburgo.",
           "Más de 3.000 tractores bloquearon Hamburgo {day}, según la policía.", "el miércoles"),
}
# (arrivals of last night, the day's arrivals) by language
NIGHT = {
    "en": ("Last night around {n} migrants arrived in Valencia.",
           "Nearly 2,000 migrants arrived in Valencia on Wednesday.", "On Wednesday"),
    "es": ("Anoche llegaron unos {n} migrantes a Valencia.",
           "Casi 2.000 migrantes llegaron a Valencia el miércoles.", "El miércoles"),
    "fr": ("La nuit dernière, environ {n} migrants sont arrivés à Valence.",
           "Près de 2 000 migrants sont arrivés à Valence mercredi.", "Mercredi,"),
}
NIGHT_WORDS = {
    "en": ("Last night around 500 migrants arrived in Valencia.", "Last night"),
    "de": ("Letzte Nacht erreichten rund 500 Migranten den Hafen von Valencia.", "Letzte Nacht"),
    "de_past": ("In der vergangenen Nacht erreichten rund 500 Migranten Valencia.", "In der vergangenen Nacht"),
    "es": ("Anoche llegaron unos 500 migrantes a Valencia.", "Anoche"),
    "fr": ("La nuit dernière, environ 500 migrants sont arrivés à Valence.", "La nuit dernière"),
}


def _conflicts(found: list[Finding], claims: dict[str, Claim], low: float) -> list[Finding]:
    return [f for f in found if f.kind in ("contradiction", "dispute")
            and any(claims[c].value.low == low for c in f.claims)]


def _articles(lang: str, stamped: str, day: str) -> dict[str, str]:
    return {"a.txt": PUBLISHED[lang] + stamped + "\n", "b.txt": PUBLISHED[lang] + day + "\n"}


@pytest.mark.parametrize("lang", sorted(TRACTORS))
def test_a_morning_count_below_the_days_count_is_no_contradiction(tmp_path: Path, lang: str) -> None:
    stamped, day, when = TRACTORS[lang]
    found, claims = findings_and_claims(tmp_path, _articles(lang, stamped.format(n=300), day.format(day=when)))
    assert any(c.value.low == 300 and c.time is not None and c.time.has_time_of_day for c in claims.values())
    assert _conflicts(found, claims, 300) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(TRACTORS))
def test_the_same_figure_for_the_whole_day_is_still_a_contradiction(tmp_path: Path, lang: str) -> None:
    _, day, when = TRACTORS[lang]
    whole = day.replace("Mehr als 3.000", "300").replace("More than 3,000", "300") \
        .replace("Plus de 3 000", "300").replace("Más de 3.000", "300").format(day=when)
    found, claims = findings_and_claims(tmp_path, _articles(lang, whole, day.format(day=when)))
    assert [f.kind for f in _conflicts(found, claims, 300)] == ["contradiction"], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(NIGHT))
def test_last_nights_arrivals_below_the_days_are_no_contradiction(tmp_path: Path, lang: str) -> None:
    stamped, day, _ = NIGHT[lang]
    found, claims = findings_and_claims(tmp_path, _articles(lang, stamped.format(n=500), day))
    assert _conflicts(found, claims, 450) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(NIGHT))
def test_last_nights_arrivals_above_the_days_are_still_judged(tmp_path: Path, lang: str) -> None:
    stamped, day, _ = NIGHT[lang]
    high = {"en": "5,000", "es": "5.000", "fr": "5 000"}[lang]
    found, claims = findings_and_claims(tmp_path, _articles(lang, stamped.format(n=high), day))
    assert [f.kind for f in _conflicts(found, claims, 4500)] == ["contradiction"], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(NIGHT))
def test_the_days_arrivals_given_twice_apart_are_still_a_contradiction(tmp_path: Path, lang: str) -> None:
    stamped, day, on_the_day = NIGHT[lang]
    night_word = NIGHT_WORDS[lang][1]
    whole = stamped.format(n=500).replace(night_word + (", " if lang == "fr" else " "), on_the_day + " ")
    found, claims = findings_and_claims(tmp_path, _articles(lang, whole, day))
    assert [f.kind for f in _conflicts(found, claims, 450)] == ["contradiction"], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("key", sorted(NIGHT_WORDS))
def test_last_night_is_a_part_of_the_day(key: str) -> None:
    text, words = NIGHT_WORDS[key]
    claim = figure(text, key[:2], 500)
    assert claim.time is not None and claim.time.label == words
    assert claim.time.has_time_of_day


# A headline that rounds the body's count of an hour (title, date line, body), by language
HEADLINE = {
    "de": ("Rund 560 Traktoren am Hafen von Hamburg\nWeserbote, 04.06.2025\n\n"
           "Die Polizei zählte bis 9.00 Uhr {n} Traktoren in Hamburg.\n"),
    "en": ("About 560 tractors at the port of Hamburg\nDaily Courier, June 4, 2025\n\n"
           "By 9 a.m., police had counted {n} tractors in Hamburg.\n"),
    "fr": ("Environ 560 tracteurs sur le port de Hambourg\nLe Courrier, 4 juin 2025\n\n"
           "Vers 9 heures, la police comptait {n} tracteurs à Hambourg.\n"),
    "es": ("Unos 560 tractores en el puerto de Hamburgo\nEl Diario, 4 de junio de 2025\n\n"
           "Hasta las 9 de la mañana, la policía contó {n} tractores en Hamburgo.\n"),
}


def _headline(claims: dict[str, Claim]) -> Claim:
    found = [c for c in claims.values() if isinstance(c.value, Interval) and c.value.low is not None
             and c.value.high is not None and c.value.low < 560 < c.value.high]
    assert len(found) == 1, [(c.quote, c.value) for c in claims.values()]
    return found[0]


@pytest.mark.parametrize("lang", sorted(HEADLINE))
def test_a_headline_rounding_the_bodys_count_of_an_hour_is_that_hours_count(tmp_path: Path, lang: str) -> None:
    _, day, when = TRACTORS[lang]
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": HEADLINE[lang].format(n=566), "b.txt": PUBLISHED[lang] + day.format(day=when) + "\n"})
    headline = _headline(claims)
    assert headline.time is not None and headline.time.has_time_of_day, headline.time
    assert isinstance(headline.value, Interval) and headline.value.low is not None
    assert _conflicts(found, claims, headline.value.low) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(HEADLINE))
def test_a_headline_the_body_does_not_repeat_keeps_the_articles_day(tmp_path: Path, lang: str) -> None:
    _, claims = findings_and_claims(tmp_path, {"a.txt": HEADLINE[lang].format(n=300)})
    headline = _headline(claims)
    assert headline.time is not None and not headline.time.has_time_of_day, headline.time


MORNING_ARRIVALS = {  # (the first arrivals, in the morning; the day's arrivals)
    "en": ("Hundreds of farmers arrived in Hamburg on Wednesday morning.",
           "Thousands of farmers arrived in Hamburg on Wednesday."),
    "es": ("Cientos de agricultores llegaron a Hamburgo el miércoles por la mañana.",
           "Miles de agricultores llegaron a Hamburgo el miércoles."),
    "fr": ("Des centaines d'agriculteurs sont arrivés à Hambourg mercredi matin.",
           "Des milliers d'agriculteurs sont arrivés à Hambourg mercredi."),
}


@pytest.mark.parametrize("lang", sorted(MORNING_ARRIVALS))
def test_the_mornings_first_arrivals_are_no_contradiction_of_the_days(tmp_path: Path, lang: str) -> None:
    morning, day = MORNING_ARRIVALS[lang]
    found, claims = findings_and_claims(tmp_path, _articles(lang, morning, day))
    assert {c.value.low for c in claims.values()} >= {100, 1000}, [(c.quote, c.value) for c in claims.values()]
    assert _conflicts(found, claims, 100) == [], [(f.kind, f.message) for f in found]
