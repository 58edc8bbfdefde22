"""Earlier episodes, repeated protests, one day's count inside a tally (fr/en/de/es, invented sentences).

A protest held again weeks later at the same place is another count, not a confirmation; a
figure the text gives for last year ("last year, when 16,000 were counted") is last year's;
a count for one day is a part of a later running total, not its earlier value; and a figure
repeated the next day is no update.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import figure, findings_and_claims

# Tractors at one place on a Thursday (5 March 2026), then on a Monday 25 days later.
FIRST = {
    "fr": "Jeudi 5 mars 2026\n\nLes agriculteurs ont bloqué Vierzon jeudi. Selon la police, 1 000 tracteurs étaient présents.\n",
    "en": "Thursday 5 March 2026\n\nFarmers blocked Vierzon on Thursday. Police said 1,000 tractors took part.\n",
    "de": "Donnerstag, 5. März 2026\n\nLandwirte blockierten am Donnerstag Vierzon. Laut Polizei waren 1.000 Traktoren beteiligt.\n",
    "es": "Jueves, 5 de marzo de 2026\n\nLos agricultores bloquearon Vierzon el jueves. Según la policía, participaron 1.000 tractores.\n",
}
AGAIN = {
    "fr": "Lundi 30 mars 2026\n\nLes agriculteurs sont revenus lundi à Vierzon. Selon la police, 980 tracteurs étaient présents.\n",
    "en": "Monday 30 March 2026\n\nFarmers returned to Vierzon on Monday. Police said 980 tractors took part.\n",
    "de": "Montag, 30. März 2026\n\nLandwirte kehrten am Montag nach Vierzon zurück. Laut Polizei waren 980 Traktoren beteiligt.\n",
    "es": "Lunes, 30 de marzo de 2026\n\nLos agricultores volvieron el lunes a Vierzon. Según la policía, participaron 980 tractores.\n",
}
# The Thursday's protest told again on the Saturday, by the unions: the same day's count.
RETOLD = {
    "fr": "Samedi 7 mars 2026\n\nLes agriculteurs ont bloqué Vierzon jeudi. Selon les syndicats, 980 tracteurs étaient présents.\n",
    "en": "Saturday 7 March 2026\n\nFarmers blocked Vierzon on Thursday. The unions said 980 tractors took part.\n",
    "de": "Samstag, 7. März 2026\n\nLandwirte blockierten am Donnerstag Vierzon. Laut Gewerkschaften waren 980 Traktoren beteiligt.\n",
    "es": "Sábado, 7 de marzo de 2026\n\nLos agricultores bloquearon Vierzon el jueves. Según los sindicatos, participaron 980 tractores.\n",
}


def _kinds(found: list, claims: dict, values: set[float]) -> list[str]:
    return sorted(f.kind for f in found if {claims[c].value.low for c in f.claims} == values)


@pytest.mark.parametrize("lang", sorted(FIRST))
def test_a_protest_held_again_weeks_later_confirms_nothing(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": FIRST[lang], "b.txt": AGAIN[lang]})
    assert _kinds(found, claims, {1000, 980}) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(FIRST))
def test_the_same_protest_told_again_later_is_confirmed(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": FIRST[lang], "b.txt": RETOLD[lang]})
    assert _kinds(found, claims, {1000, 980}) == ["corroboration"], [(f.kind, f.message) for f in found]


LAST_YEAR = {
    "fr": "Dimanche, 22 000 personnes ont défilé à Séville. La marche a réuni 6 000 manifestants de plus que l'an dernier, quand 16 000 personnes avaient été comptées.",
    "en": "On Sunday 22,000 people marched in Seville. The march drew 6,000 marchers more than last year, when 16,000 people were counted.",
    "de": "Am Sonntag demonstrierten 22.000 Menschen in Sevilla. Der Marsch zählte 6.000 Teilnehmer mehr als im Vorjahr, als 16.000 Menschen gezählt wurden.",
    "es": "El domingo se manifestaron 22.000 personas en Sevilla. La marcha ha sumado 6.000 asistentes más que el año pasado, cuando se contabilizaron 16.000 personas.",
}


@pytest.mark.parametrize("lang", sorted(LAST_YEAR))
def test_a_figure_of_last_year_when_is_last_years(lang: str) -> None:
    day = dt.date(2026, 3, 9)
    earlier = figure(LAST_YEAR[lang], lang, 16000, day)
    assert earlier.time is not None and earlier.time.low == dt.date(2025, 1, 1) and earlier.time.high == dt.date(2025, 12, 31)
    today = figure(LAST_YEAR[lang], lang, 22000, day)
    assert today.time is not None and today.time.low == today.time.high == dt.date(2026, 3, 8)


# Four officers hurt on one Saturday (1 August 2026), then a running total a week later.
DAY = {
    "fr": "Samedi 1er août 2026\n\nÀ Dunmore, quatre policiers ont été blessés samedi lors des émeutes.\n",
    "en": "Saturday 1 August 2026\n\nIn Dunmore, four police officers were injured on Saturday in the riots.\n",
    "de": "Samstag, 1. August 2026\n\nIn Dunmore wurden am Samstag bei den Krawallen vier Polizisten verletzt.\n",
    "es": "Sábado, 1 de agosto de 2026\n\nEn Dunmore, cuatro agentes de policía resultaron heridos este sábado en los disturbios.\n",
}
TALLY = {
    "fr": "Samedi 8 août 2026\n\nÀ Dunmore, 85 policiers ont été blessés au total depuis le début des émeutes.\n",
    "en": "Saturday 8 August 2026\n\nIn Dunmore, 85 police officers have been injured so far in the riots.\n",
    "de": "Samstag, 8. August 2026\n\nIn Dunmore wurden seit Beginn der Krawalle insgesamt 85 Polizisten verletzt.\n",
    "es": "Sábado, 8 de agosto de 2026\n\nEn Dunmore, 85 agentes de policía han resultado heridos en total desde el inicio de los disturbios.\n",
}
# A running total on the Saturday: the tally's earlier value, which rose.
SO_FAR = {
    "fr": "Samedi 1er août 2026\n\nÀ Dunmore, 40 policiers ont été blessés au total depuis le début des émeutes.\n",
    "en": "Saturday 1 August 2026\n\nIn Dunmore, 40 police officers have been injured so far in the riots.\n",
    "de": "Samstag, 1. August 2026\n\nIn Dunmore wurden seit Beginn der Krawalle insgesamt 40 Polizisten verletzt.\n",
    "es": "Sábado, 1 de agosto de 2026\n\nEn Dunmore, 40 agentes de policía han resultado heridos en total desde el inicio de los disturbios.\n",
}


@pytest.mark.parametrize("lang", sorted(DAY))
def test_one_days_count_is_no_step_of_a_later_tally(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": DAY[lang], "b.txt": TALLY[lang]})
    assert _kinds(found, claims, {4, 85}) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(DAY))
def test_an_earlier_tally_is_updated(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": SO_FAR[lang], "b.txt": TALLY[lang]})
    assert _kinds(found, claims, {40, 85}) == ["update"], [(f.kind, f.message) for f in found]


# A tally given on 9 August, repeated on 10 August, then a higher one on 11 August.
REPEATED = {
    "en": ("Sunday 9 August 2026\n\nAcross Norland, more than 700 people have been arrested so far, police said. "
           "The exact tally is 741 arrests so far.\n",
           "Monday 10 August 2026\n\nAcross Norland, at least 741 people have been arrested so far.\n",
           "Tuesday 11 August 2026\n\nAcross Norland, 779 people have been arrested so far, police said.\n"),
}


@pytest.mark.parametrize("lang", sorted(REPEATED))
def test_a_figure_repeated_the_next_day_is_no_update(tmp_path: Path, lang: str) -> None:
    first, again, higher = REPEATED[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": first, "b.txt": again})
    assert [f for f in found if f.kind == "update"] == [], [(f.kind, f.message) for f in found]
    found, claims = findings_and_claims(tmp_path, {"c.txt": higher})
    assert any(f.kind == "update" and 779 in {claims[c].value.low for c in f.claims} for f in found), \
        [(f.kind, f.message) for f in found]
