"""Place, recalled events and the width of approximate words, in four languages.

A figure's place is where the thing counted happened, not where a speaker or a press room
was, and not a town whose name a street or a valley borrows. A figure of an earlier event
recalled for comparison ("la anterior huelga", "the 2017 fire") is never set against the
story's own count. "about 270" is not "environ 3 000": how wide an approximate word makes a
figure follows how precisely the figure is written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract.precision import StatedPrecision, approx_interval, last_digit_unit
from tests.sentences import figure, figures, findings

DAY = dt.date(2025, 3, 14)


def _values(text: str, lang: str) -> list[float | None]:
    return [c.value.low for c in figures(text, lang, DAY)]


# --- tolerance of approximate words -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "low", "high"),
    [
        ("About 270 people were killed in the blast, officials said.", "en", 270, 260, 280),
        ("Some 187 people were injured in the collision.", "en", 187, 183, 191),
        ("Environ 270 personnes ont été tuées dans l'explosion.", "fr", 270, 260, 280),
        ("Rund 187 Menschen wurden bei dem Unglück verletzt.", "de", 187, 183, 191),
        ("Unas 270 personas murieron en la explosión.", "es", 270, 260, 280),
    ],
)
def test_an_approximate_word_on_a_precise_figure_keeps_it_narrow(text: str, lang: str, value: float, low: float, high: float) -> None:
    claim = figure(text, lang, value, DAY)
    assert claim.qualifier == "approx"
    assert (claim.value.low, claim.value.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "lang", "value", "low", "high"),
    [
        ("Environ 3 000 soldats ont été déployés.", "fr", 3000, 2700, 3300),
        ("About 300,000 people were evacuated.", "en", 300000, 270000, 330000),
        ("Rund 3000 Menschen wurden evakuiert.", "de", 3000, 2700, 3300),
    ],
)
def test_a_round_figure_keeps_a_wide_band(text: str, lang: str, value: float, low: float, high: float) -> None:
    claim = figure(text, lang, value, DAY)
    assert (claim.value.low, claim.value.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "lang", "value", "low"),
    [
        ("El fuego ha calcinado casi 31.500 hectáreas, según la Junta.", "es", 31500, 30870),
        ("Presque 31 500 personnes ont manifesté samedi.", "fr", 31500, 30870),
        ("Nearly 3,000 homes were damaged.", "en", 3000, 2700),
        ("Fast 187 Menschen wurden verletzt.", "de", 187, 183),
    ],
)
def test_nearly_stays_just_below(text: str, lang: str, value: float, low: float) -> None:
    claim = figure(text, lang, value, DAY)
    assert claim.value.high == value  # never above
    assert claim.value.low == low


def test_some_2750_still_meets_nearly_3000() -> None:
    """The round "nearly 3,000" keeps its 10 % band down to 2,700, so it still meets "some
    2,750" (2,695–2,805): two reports of one cargo, not a contradiction."""
    some = figure("Some 2,750 tonnes of ammonium nitrate were stored in the warehouse.", "en", 2750, DAY)
    nearly = figure("Nearly 3,000 tonnes of ammonium nitrate were stored in the warehouse.", "en", 3000, DAY)
    assert some.value.overlaps(nearly.value)


def test_about_270_and_295_no_longer_agree(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Ferry disaster\n14/03/2025\n\nAbout 270 people died when the ferry sank off the coast, the coastguard said.\n",
        "b.txt": "Ferry disaster toll\n14/03/2025\n\n295 people died when the ferry sank off the coast, the navy said.\n",
    })
    assert not any(f.kind == "corroboration" for f in found), [f.message for f in found]


def test_the_band_is_data_not_a_constant() -> None:
    """Without the `stated_precision` section, the qualifier's factors apply as they are."""
    blanket = approx_interval(270, 0.9, 1.1, None)
    assert (blanket.low, blanket.high) == (243, 297)
    wide = StatedPrecision(floor=0.05, digit_units=1)
    assert approx_interval(270, 0.9, 1.1, wide).low == 256  # ±5 % of 270, rounded outward
    assert last_digit_unit(6.8) == 0.1 and last_digit_unit(3000) == 1000 and last_digit_unit(187) == 1


# --- recalled events ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police arrested 40 people by noon, the ministry said. During the previous general strike, "
         "held in September, police had arrested 55 people by the same hour.", "en"),
        ("La police a procédé à 40 interpellations à la mi-journée. Lors de la précédente grève, en septembre, "
         "55 personnes avaient été interpellées à la même heure.", "fr"),
        ("Die Polizei nahm bis zum Mittag 40 Menschen fest. Beim vorigen Generalstreik im September waren "
         "zur selben Zeit 55 Menschen festgenommen worden.", "de"),
        ("La policía ha detenido a 40 personas hasta mediodía. En la huelga anterior, en septiembre, "
         "fueron detenidas 55 personas a la misma hora.", "es"),
    ],
)
def test_a_figure_of_the_previous_strike_is_not_the_story_count(text: str, lang: str) -> None:
    values = _values(text, lang)
    assert 40 in values
    assert 55 not in values


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police arrested 40 people, more than during the previous strike.", "en"),
        ("La police a interpellé 40 personnes, soit plus que lors de la précédente grève.", "fr"),
        ("Die Polizei nahm 40 Menschen fest, mehr als beim vorigen Streik.", "de"),
        ("La policía detuvo a 40 personas, más que en la anterior huelga.", "es"),
    ],
)
def test_a_figure_set_against_the_previous_event_is_kept(text: str, lang: str) -> None:
    assert 40 in _values(text, lang)


def test_a_toll_revised_from_the_previous_bulletin_is_no_recalled_event() -> None:
    """"le précédent bilan": a toll, not an event; its figure is still read."""
    values = _values("Le précédent bilan faisait état de 30 morts dans l'incendie.", "fr")
    assert 30 in values


def test_a_figure_of_a_fire_of_a_past_year_is_dated_by_that_year(tmp_path: Path) -> None:
    text = ("The fire has burned 35,100 hectares, more than the 34,290 hectares scorched by the fire "
            "that hit the coast in 2017.")
    old = figure(text, "en", 34290, DAY)
    assert old.time is not None and old.time.high == dt.date(2017, 12, 31)
    now = figure(text, "en", 35100, DAY)
    assert now.time is not None and now.time.high is not None and now.time.high.year == 2025


def test_the_recalled_strike_has_no_dispute_with_the_current_one(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Huelga general\n14/03/2025\n\nLa huelga se ha saldado con 40 detenciones, según Interior. "
                 "En la anterior huelga general, celebrada en septiembre, el número de detenidos a la misma hora era de 55.\n",
        "b.txt": "Huelga general\n14/03/2025\n\nSegún Interior, se han producido 40 detenciones durante la huelga.\n",
    })
    assert not any(f.kind in ("dispute", "contradiction") for f in found), [f.message for f in found]


# --- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("The plane crashed in the mountains, killing 126 people, an airline executive said in Lisbon.", "en", 126),
        ("L'avion s'est écrasé dans les montagnes, faisant 126 morts, a déclaré un dirigeant de la compagnie à Lisbonne.", "fr", 126),
        ("Bei dem Absturz kamen 126 Menschen ums Leben, hieß es auf einer Pressekonferenz in Köln.", "de", 126),
        ("El avión se estrelló en las montañas con 126 muertos, informó en rueda de prensa en Lisboa la aerolínea.", "es", 126),
    ],
)
def test_the_speakers_town_is_not_the_place_of_the_toll(text: str, lang: str, value: float) -> None:
    claim = figure(text, lang, value, DAY)
    assert claim.location not in ("Lisbon", "Cologne", "Köln", "Portugal", "Germany")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("At least 36 of the victims were Spanish, Madrid said.", "en"),
        ("Au moins 36 victimes étaient espagnoles, selon Madrid.", "fr"),
    ],
)
def test_a_capital_speaking_is_not_a_place(text: str, lang: str) -> None:
    claim = figure(text, lang, 36, DAY)
    assert claim.location != "Madrid"


def test_the_ends_of_a_flight_are_no_place() -> None:
    claim = figure("L'avion, qui reliait Lisbonne à Hambourg, transportait 63 passagers.", "fr", 63, DAY)
    assert claim.location not in ("Lisbon", "Hamburg")


@pytest.mark.parametrize(
    ("text", "lang", "value", "wrong"),
    [
        ("Las llamas obligaron a desalojar 32 localidades del valle del Tera, según la Junta.", "es", 32, "Téra"),
        ("En el paseo de Gràcia se concentraron 2.000 personas.", "es", 2000, "Gràcia"),
        ("Rue de Rivoli, 150 manifestants se sont rassemblés samedi.", "fr", 150, "Rivoli"),
    ],
)
def test_a_street_or_valley_is_not_the_town_it_is_named_after(text: str, lang: str, value: float, wrong: str) -> None:
    claim = figure(text, lang, value, DAY)
    assert claim.location != wrong


def test_a_town_after_a_plain_preposition_is_still_a_place() -> None:
    claim = figure("À Lyon, 20 000 personnes ont manifesté samedi.", "fr", 20000, DAY)
    assert claim.location == "Lyon"
