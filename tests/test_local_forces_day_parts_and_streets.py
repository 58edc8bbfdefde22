"""Local forces, parts of a day after a weekday, squares named after places, and whom a verb
counts (fr/en/de/es).

- A count by a local force named with its area ("la police du Northmoor", "Northmoor Police",
  "la Policía Local de X", "Polizeidirektion X") is that area's: a known area is the place, an
  unknown one is an unresolved name; never the article's country, so never a part of the
  national total's updates.
- A part of the day written with a weekday ("am Donnerstagvormittag", "Am Donnerstag
  Vormittag", "Freitag Abend") keeps its hours, also for the figures of the next sentence that
  take that day: a morning's count is never set against the whole day's.
- A square or a street named after a place ("place du Luxembourg", "Luxembourg Square",
  "plaza de España", "Platz der Ukraine") is not that place, even a country.
- Officers taken to hospital are not arrested; people charged are not demonstrators; a generic
  count whose clause ends with its own verb is not refined by the next clause's noun.

Sentences are invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import figure, findings_and_claims

THURSDAY = dt.date(2026, 3, 5)
TUESDAY = dt.date(2026, 8, 4)


# --- local forces ---------------------------------------------------------------------------

UNKNOWN_FORCE = {
    "fr": ("Des émeutes ont éclaté en Angleterre. La police du Northmoor a interpellé 23 personnes au total.", "Northmoor"),
    "en": ("Riots broke out across England. Northmoor Police said 23 people had been arrested.", "Northmoor"),
    "es": ("Hubo disturbios en Inglaterra. La Policía Local de Calzorrera detuvo a 23 personas.", "Calzorrera"),
    "de": ("In England kam es zu Krawallen. Die Polizeidirektion Nordmoor meldete 23 Festnahmen.", "Nordmoor"),
}


@pytest.mark.parametrize("lang", sorted(UNKNOWN_FORCE))
def test_a_local_force_of_an_unknown_area_is_not_the_country(lang: str) -> None:
    text, area = UNKNOWN_FORCE[lang]
    claim = figure(text, lang, 23, TUESDAY)
    assert (claim.location, claim.place_source) == (area, "unnamed")


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Des émeutes ont éclaté en Angleterre. La police de Manchester a interpellé 23 personnes au total."),
    ("es", "Hubo disturbios en Inglaterra. La policía de Manchester detuvo a 23 personas."),
    ("de", "In England kam es zu Krawallen. Die Polizei in Manchester nahm 23 Menschen fest."),
])
def test_a_local_force_of_a_known_town_is_that_town(lang: str, text: str) -> None:
    assert figure(text, lang, 23, TUESDAY).location == "Manchester"


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Riots broke out across England. The police said 230 people had been arrested."),
    ("en", "Riots broke out across England. Police said 230 people had been arrested."),
])
def test_the_police_alone_is_no_local_force(lang: str, text: str) -> None:
    claim = figure(text, lang, 230, TUESDAY)
    assert (claim.location, claim.place_source) == ("England", "paragraph")


def test_a_local_force_count_is_no_update_of_the_national_total(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Émeutes en Angleterre\n\nPublié le 04/08/2026\n\nLa police britannique a arrêté plus de 90 personnes "
                 "lors des émeutes. La police du Northmoor a interpellé 23 personnes au total.\n",
        "b.txt": "Arrests pass 400\n\nPublished 6 August 2026\n\nMore than 400 people have now been arrested in connection "
                 "with riots across the United Kingdom, police said.\n",
    })
    assert not [f for f in found if any(claims[c].value.low == 23 for c in f.claims)]
    assert [c.location for c in claims.values() if c.value.low == 23] == ["Northmoor"]


# --- parts of a day written with a weekday ------------------------------------------------------

@pytest.mark.parametrize(("text", "low", "high"), [
    ("Landwirte blockierten am Donnerstagvormittag Straßen in Lyon. Nach Schätzungen der Polizei waren rund 1.000 Traktoren beteiligt.", 360, 719),
    ("Am Donnerstag Vormittag waren nach Schätzungen der Polizei rund 1.000 Traktoren in Lyon.", 360, 719),
    ("Am Donnerstag Abend waren nach Schätzungen der Polizei rund 1.000 Traktoren in Lyon.", 1080, 1439),
])
def test_a_german_part_of_day_after_a_weekday_keeps_its_hours(text: str, low: int, high: int) -> None:
    time = figure(text, "de", 1000, THURSDAY).time
    assert time is not None and (time.low, time.low_minute, time.high_minute) == (THURSDAY, low, high)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les agriculteurs ont bloqué jeudi matin les rues de Lyon. Selon la police, un millier de tracteurs étaient présents."),
    ("en", "Farmers blocked streets in Lyon on Thursday morning. Police said around 1,000 tractors took part."),
])
def test_the_next_sentence_takes_the_part_of_the_day_with_the_day(lang: str, text: str) -> None:
    time = figure(text, lang, 1000, THURSDAY).time
    assert time is not None and time.low_minute == 360


def test_a_weekday_alone_is_the_whole_day() -> None:
    time = figure("Am Donnerstag waren nach Schätzungen der Polizei rund 1.000 Traktoren in Lyon.", "de", 1000, THURSDAY).time
    assert time is not None and (time.low_minute, time.high_minute) == (None, None)


def test_a_morning_count_is_no_rival_of_the_day_count(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Traktoren in Lyon\n\nVeröffentlicht am 05.03.2026\n\nLandwirte blockierten am Donnerstagvormittag Straßen "
                 "in Lyon. Nach Schätzungen der Polizei waren rund 1.000 Traktoren beteiligt.\n",
        "b.txt": "Tracteurs à Lyon\n\nPublié le 25/03/2026\n\nLe 5 mars, il y avait 1.400 tracteurs à Lyon, selon la police.\n",
    })
    assert not [f for f in found if f.kind == "contradiction" and {claims[c].value.low for c in f.claims} >= {900, 1400}]


# --- squares named after places -----------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text", "country"), [
    ("fr", "Les agriculteurs manifestent à Bruxelles. Près de 250 tracteurs étaient réunis sur la place du Luxembourg.", "Luxembourg"),
    ("en", "Farmers protested in Brussels. Some 250 tractors gathered in Luxembourg Square.", "Luxembourg"),
    ("en", "Farmers protested in Brussels. Some 250 tractors gathered in Place du Luxembourg.", "Luxembourg"),
    ("es", "Los agricultores protestaron en Madrid. Unos 250 tractores llenaron la plaza de España.", "Spain"),
    ("de", "Die Bauern protestierten in Kiew. Rund 250 Traktoren standen auf dem Platz der Ukraine.", "Ukraine"),
])
def test_a_square_named_after_a_country_is_not_the_country(lang: str, text: str, country: str) -> None:
    assert figure(text, lang, 250, TUESDAY).location != country


@pytest.mark.parametrize(("lang", "text", "country"), [
    ("fr", "Les agriculteurs manifestent. Près de 250 tracteurs étaient réunis au Luxembourg.", "Luxembourg"),
    ("en", "Farmers protested. Some 250 tractors gathered in Luxembourg.", "Luxembourg"),
    ("de", "Die Bauern protestierten. Rund 250 Traktoren standen in der Ukraine.", "Ukraine"),
])
def test_the_country_itself_is_still_the_country(lang: str, text: str, country: str) -> None:
    assert figure(text, lang, 250, TUESDAY).location == country


# --- whom a verb counts ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Farmers protested in Brussels. One person was arrested and two police officers were hospitalised."),
    ("fr", "Les agriculteurs ont manifesté à Bruxelles. Une personne a été arrêtée et deux policiers ont été hospitalisés."),
])
def test_officers_taken_to_hospital_are_not_arrested(lang: str, text: str) -> None:
    assert figure(text, lang, 2, TUESDAY).event == "hospitalised"


@pytest.mark.parametrize(("lang", "text", "value"), [
    ("fr", "Des émeutes ont éclaté en Angleterre. Au total, plus de 300 participants aux émeutes ont été inculpés.", 300),
    ("de", "In England kam es zu Krawallen. Mehr als 300 Teilnehmer der Krawalle wurden angeklagt.", 300),
    ("es", "Hubo disturbios en Inglaterra. Más de 300 participantes en los disturbios han sido imputados.", 300),
])
def test_people_charged_are_not_demonstrators(lang: str, text: str, value: int) -> None:
    assert figure(text, lang, value, TUESDAY).event == "charged"


def test_demonstrators_without_a_charge_still_demonstrate() -> None:
    text = "Des manifestations ont eu lieu en Angleterre. Plus de 3 000 participants ont défilé à Londres."
    assert figure(text, "fr", 3000, TUESDAY).event == "demonstrated"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Lors des manifestations dans tout le pays, environ 500 personnes ont été arrêtées, des dizaines de policiers ont été blessés."),
    ("en", "During protests across the country, about 500 people were arrested, dozens of police officers were injured."),
])
def test_the_next_clause_noun_does_not_refine_a_closed_count(lang: str, text: str) -> None:
    claim = figure(text, lang, 500, TUESDAY)
    assert (claim.category, claim.event) == ("people", "arrested")


def test_a_noun_in_the_same_clause_still_refines() -> None:
    text = "Environ 500 personnes, des policiers pour la plupart, ont été blessées."
    assert figure(text, "fr", 500, TUESDAY).category == "police"
