"""Time words read as what they say: a count "so far this year" runs from 1 January up to the
article's day (never that day alone, never the whole year); "in der Nacht auf Sonntag" and
"last night" are the night that ends on a day, from the evening before; "l'avant-veille" is two
days before the article's day. Findings follow: a year-to-date count is not set against a count
of one day, and two of them told days apart are the count going on. Sentences are invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim
from tests.sentences import figures, findings

DAY = dt.date(2024, 6, 12)  # a Wednesday
NEW_YEAR = dt.date(2024, 1, 1)


def _only(text: str, lang: str) -> Claim:
    claims = figures(text, lang, DAY)
    assert len(claims) == 1, [(c.quote, c.time) for c in claims]
    return claims[0]


def _span(claim: Claim) -> tuple[dt.date | None, dt.date | None, str]:
    assert claim.time is not None and claim.time_source != "as_of", (claim.quote, claim.time, claim.time_source)
    return claim.time.low, claim.time.high, claim.time.kind


# --- year to date ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("So far this year, 140 people have drowned in Colorado.", "en"),
        ("This year so far, 140 people have drowned in Colorado.", "en"),
        ("Year to date, 140 people have drowned in Colorado.", "en"),
        ("So far in 2024, 140 people have drowned in Colorado.", "en"),
        ("Seit Jahresbeginn sind in Bayern 140 Menschen ertrunken.", "de"),
        ("Im laufenden Jahr sind in Bayern bereits 140 Menschen ertrunken.", "de"),
        ("In diesem Jahr sind in Bayern bisher 140 Menschen ertrunken.", "de"),
        ("En lo que va de año, 140 personas han muerto ahogadas en Asturias.", "es"),
        ("En lo que va del año, 140 personas han muerto ahogadas en Asturias.", "es"),
        ("En lo que va de 2024, 140 personas han muerto ahogadas en Asturias.", "es"),
        ("Depuis le début de l'année, 140 personnes sont mortes noyées en Savoie.", "fr"),
        ("Cette année, 140 personnes sont mortes noyées en Savoie jusqu'à présent.", "fr"),
    ],
)
def test_a_count_so_far_this_year_runs_from_new_year_to_the_article_day(text: str, lang: str) -> None:
    assert _span(_only(text, lang)) == (NEW_YEAR, DAY, "since")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("This year, 140 people drowned in Colorado.", "en"),
        ("Cette année, 140 personnes sont mortes noyées en Savoie.", "fr"),
    ],
)
def test_this_year_without_so_far_keeps_the_year(text: str, lang: str) -> None:
    assert _span(_only(text, lang)) == (NEW_YEAR, dt.date(2024, 12, 31), "period")


_YTD = {
    "fr": "Depuis le début de l'année, {n} migrants sont morts en Italie{s}.",
    "en": "So far this year, {n} migrants have died in Italy{s}.",
    "de": "Seit Jahresbeginn sind {s}{n} Migranten in Italien gestorben.",
    "es": "En lo que va de año han muerto {n} migrantes en Italia{s}.",
}
_ONE_DAY = {
    "fr": "Lundi, {n} migrants sont morts en Italie.",
    "en": "On Monday, {n} migrants died in Italy.",
    "de": "Am Montag sind {n} Migranten in Italien gestorben.",
    "es": "El lunes murieron {n} migrantes en Italia.",
}
_SOURCES = {
    "fr": (", selon l'OIM", ", selon le HCR"),
    "en": (", according to the IOM", ", according to the UNHCR"),
    "de": ("laut IOM ", "laut UNHCR "),
    "es": (", según la OIM", ", según ACNUR"),
}


def _page(day: str, body: str) -> str:
    return f"Migrants\n\n{day}\n\n{body}\n"


@pytest.mark.parametrize("lang", ["fr", "en", "de", "es"])
def test_a_year_to_date_count_is_no_rival_of_one_day(tmp_path: Path, lang: str) -> None:
    found = findings(tmp_path, {
        "a.txt": _page("2024-06-10", _YTD[lang].format(n=420, s="")),
        "b.txt": _page("2024-06-10", _ONE_DAY[lang].format(n=40)),
    })
    assert not [f for f in found if f.kind in ("contradiction", "dispute")]


@pytest.mark.parametrize("lang", ["fr", "en", "de", "es"])
def test_year_to_date_counts_told_a_week_apart_are_an_update(tmp_path: Path, lang: str) -> None:
    found = findings(tmp_path, {
        "a.txt": _page("2024-06-03", _YTD[lang].format(n=380, s="")),
        "b.txt": _page("2024-06-10", _YTD[lang].format(n=420, s="")),
    })
    assert [f.kind for f in found] == ["update"]


@pytest.mark.parametrize("lang", ["fr", "en", "de", "es"])
def test_year_to_date_counts_of_one_day_that_disagree_are_reported(tmp_path: Path, lang: str) -> None:
    first, second = _SOURCES[lang]
    found = findings(tmp_path, {
        "a.txt": _page("2024-06-10", _YTD[lang].format(n=250, s=first)),
        "b.txt": _page("2024-06-10", _YTD[lang].format(n=420, s=second)),
    })
    assert [f.kind for f in found] == ["dispute"]


# --- nights and the days before ----------------------------------------------------------------

SATURDAY_EVENING = (dt.date(2024, 6, 8), dt.date(2024, 6, 9), 18 * 60, 359)


def _night(claim: Claim) -> tuple[dt.date | None, dt.date | None, int | None, int | None]:
    assert claim.time is not None and claim.time_source == "clause", (claim.quote, claim.time)
    return claim.time.low, claim.time.high, claim.time.low_minute, claim.time.high_minute


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("In der Nacht auf Sonntag wurden in Köln zwölf Menschen verletzt.", "de"),
        ("In der Nacht von Samstag auf Sonntag wurden in Köln zwölf Menschen verletzt.", "de"),
        ("In der Nacht zum Sonntag wurden in Köln zwölf Menschen verletzt.", "de"),
        ("Dans la nuit de samedi à dimanche, douze personnes ont été blessées à Lyon.", "fr"),
    ],
)
def test_the_night_to_sunday_starts_on_saturday_evening(text: str, lang: str) -> None:
    assert _night(_only(text, lang)) == SATURDAY_EVENING


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Last night, twelve people were injured in Leeds.", "en"),
        ("Anoche, doce personas resultaron heridas en Sevilla.", "es"),
        ("In der vergangenen Nacht wurden in Köln zwölf Menschen verletzt.", "de"),
        ("La nuit dernière, douze personnes ont été blessées à Lyon.", "fr"),
    ],
)
def test_last_night_starts_on_the_evening_before_the_article(text: str, lang: str) -> None:
    assert _night(_only(text, lang)) == (dt.date(2024, 6, 11), DAY, 18 * 60, 359)


def test_a_night_alone_stays_the_small_hours_of_the_article_day() -> None:
    assert _night(_only("Dans la nuit, douze personnes ont été blessées à Lyon.", "fr")) == (DAY, DAY, 0, 359)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'avant-veille, douze personnes avaient été blessées à Lyon.", "fr"),
        ("Am Vorvortag waren in Köln zwölf Menschen verletzt worden.", "de"),
        ("La antevíspera, doce personas resultaron heridas en Sevilla.", "es"),
        ("Two days earlier, twelve people had been injured in Leeds.", "en"),
    ],
)
def test_two_days_before_is_two_days_before_the_article(text: str, lang: str) -> None:
    two_days = dt.date(2024, 6, 10)
    assert _span(_only(text, lang)) == (two_days, two_days, "point")


def test_two_days_before_another_event_is_not_dated_from_the_article() -> None:
    claim = _only("L'avant-veille du scrutin, douze personnes ont été blessées à Lyon.", "fr")
    assert claim.time is None or claim.time.low != dt.date(2024, 6, 10)


# --- "the next day": the day after one the story told, never the article's ---------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le glissement de terrain a eu lieu le 8 juin. Le lendemain, 40 personnes ont été évacuées à Nice.", "fr"),
        ("The landslide struck on June 8. The next day, 40 people were evacuated in Leeds.", "en"),
        ("Der Erdrutsch ereignete sich am 8. Juni. Am Folgetag wurden in Köln 40 Menschen evakuiert.", "de"),
        ("El deslizamiento ocurrió el 8 de junio. Al día siguiente, 40 personas fueron evacuadas en Sevilla.", "es"),
    ],
)
def test_the_next_day_follows_the_day_the_story_named(text: str, lang: str) -> None:
    nine = dt.date(2024, 6, 9)
    assert _span(_only(text, lang)) == (nine, nine, "point")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le lendemain, 40 personnes ont été évacuées à Nice.", "fr"),
        ("Al día siguiente, 40 personas fueron evacuadas en Sevilla.", "es"),
    ],
)
def test_the_next_day_of_no_named_day_is_not_the_article_day(text: str, lang: str) -> None:
    assert _only(text, lang).time is None
