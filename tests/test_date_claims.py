"""Dates of events as a fact-checker compares them: the hour of a planned truce with its time
zone, the night a deal was concluded, the day a statement reported it, and which event a date
belongs to (planned start, actual start, agreement)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract import extract_claims
from consistency.extract import times as times_module
from consistency.extract.time_zones import read_zone, read_zone_unit, utc_offset, zone_unit
from consistency.model import Claim, Document, TimeSpan
from consistency.pipeline import check


def doc(text: str, lang: str, published: dt.date | None, minute: int | None = None) -> Document:
    return Document(id="a", path="a.txt", text=text, language=lang, published=published, published_minute=minute)


def dates(text: str, lang: str, published: dt.date | None = dt.date(2025, 3, 4), minute: int | None = None) -> list[Claim]:
    return [c for c in extract_claims(doc(text, lang, published, minute)) if c.kind == "date"]


def span(claim: Claim) -> TimeSpan:
    assert isinstance(claim.value, TimeSpan)
    return claim.value


# --- zones --------------------------------------------------------------------------------


def test_local_time_with_its_paris_equivalent_gives_the_offset() -> None:
    text = "à 9h heure locale (8h à Paris), la trêve"
    zone = read_zone(text, len("à 9h"), "fr")
    assert zone is not None and zone.zone == "local" and zone.equivalent == (480, "Europe/Paris")
    assert text[: zone.end] == "à 9h heure locale (8h à Paris)"
    # winter in Paris is UTC+01:00, so 9h local is UTC+02:00; Paris summer time is UTC+02:00
    assert utc_offset(zone.zone, zone.equivalent, dt.date(2025, 3, 3), 540) == 120
    assert utc_offset(zone.zone, zone.equivalent, dt.date(2025, 7, 3), 540) == 180


def test_a_gmt_equivalent_across_midnight_gives_the_offset() -> None:
    text = "shortly after 1:15 a.m. local time (2315 GMT Tuesday), the convoy"
    zone = read_zone(text, len("shortly after 1:15 a.m."), "en")
    assert zone is not None and zone.equivalent == (23 * 60 + 15, "UTC")
    assert utc_offset(zone.zone, zone.equivalent, dt.date(2025, 3, 5), 75) == 120


def test_a_word_after_a_clock_is_no_zone_unless_it_names_one() -> None:
    assert read_zone("à 9h et à 11h", len("à 9h"), "fr") is None  # "et" is not Eastern Time
    assert read_zone("at 9 a.m. local officials said", len("at 9 a.m."), "en") is not None
    assert read_zone("at 9 a.m., officials said", len("at 9 a.m."), "en") is None


def test_zone_units_read_back() -> None:
    assert zone_unit("local", 120) == "local time UTC+02:00"
    assert zone_unit(None, None) == "local time"
    assert zone_unit("UTC", 0) == "UTC+00:00"
    assert read_zone_unit("local time UTC+02:00") == (True, 120)
    assert read_zone_unit("UTC-05:00") == (False, -300)
    assert read_zone_unit("date") is None


# --- hours of planned and actual events ------------------------------------------------------

PLANNED_HOURS = [
    ("fr", "La trêve à Goma était prévue lundi 3 mars à 9h heure locale (8h à Paris).", 540, "local time UTC+02:00"),
    ("en", "The truce in Goma was scheduled to begin at 9 a.m. (0700 GMT) on Monday.", 540, "local time UTC+02:00"),
    ("de", "Die Waffenruhe in Goma sollte am Montag um 9 Uhr Ortszeit (8 Uhr MEZ) beginnen.", 540, "local time UTC+02:00"),
    ("es", "El alto el fuego en Goma debía comenzar el lunes a las 9.00 hora local (7.00 GMT).", 540, "local time UTC+02:00"),
]


@pytest.mark.parametrize(("lang", "text", "minute", "unit"), PLANNED_HOURS)
def test_a_planned_start_keeps_its_hour_and_zone(lang: str, text: str, minute: int, unit: str) -> None:
    (claim,) = dates(text, lang)
    assert claim.event == "ceasefire_planned"
    assert span(claim).low == span(claim).high == dt.date(2025, 3, 3)  # the Monday before publication
    assert span(claim).low_minute == minute and claim.unit == unit
    assert claim.actor is None  # a truce is between parties: compared whoever the clause names


def test_planned_and_actual_start_in_one_sentence_are_two_events() -> None:
    text = ("Prévue à 9h heure locale (8h à Paris), la trêve à Goma n'est entrée en "
            "vigueur qu'à 12h30 (11h30 à Paris).")
    found = {c.event: span(c) for c in dates(text, "fr", dt.date(2025, 3, 3), minute=21 * 60)}
    assert set(found) == {"ceasefire_planned", "ceasefire"}
    assert (found["ceasefire_planned"].low_minute, found["ceasefire"].low_minute) == (540, 750)


def test_a_later_hour_takes_the_day_written_earlier_in_the_sentence() -> None:
    text = "The truce in Goma was due to start at 9 a.m. on Monday but only took effect at 12:30 p.m."
    found = {c.event: span(c) for c in dates(text, "en", dt.date(2025, 3, 5))}
    assert found["ceasefire"].low == dt.date(2025, 3, 3) and found["ceasefire"].low_minute == 750


def test_an_hour_alone_does_not_date_a_past_disaster() -> None:
    text = "À 18h05, heure exacte de l'explosion, une minute de silence a été observée sur le port."
    assert dates(text, "fr", dt.date(2025, 3, 6), minute=21 * 60) == []


def test_an_hour_alone_before_publication_dates_a_truce_that_day() -> None:
    text = "Prévue à 9h heure locale, la trêve à Goma a tenu."
    (claim,) = dates(text, "fr", dt.date(2025, 3, 6), minute=20 * 60)
    assert span(claim).low == dt.date(2025, 3, 6) and span(claim).low_minute == 540
    assert dates(text, "fr", dt.date(2025, 3, 6), minute=7 * 60) == []  # published before 9h: perhaps tomorrow's


def test_an_undated_page_gets_the_one_recent_year_of_its_weekday(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(times_module, "_today", lambda: dt.date(2026, 6, 1))
    text = "The truce in Goma will come into effect at 9 p.m. local time on Monday, March 3."
    (claim,) = dates(text, "en", None)
    assert span(claim).low == dt.date(2025, 3, 3) and span(claim).low_minute == 21 * 60
    assert claim.unit == "local time"


def test_an_undated_page_whose_weekday_fits_no_recent_year_gets_no_date(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(times_module, "_today", lambda: dt.date(2026, 6, 1))
    text = "The truce in Goma will come into effect at 9 p.m. local time on Wednesday, March 3."  # 2021: too old
    assert dates(text, "en", None) == []


# --- agreements and statements ---------------------------------------------------------------

ANNOUNCED = [
    ("en", "The two sides have agreed to a truce in Goma, the mediators announced on Wednesday."),
    ("fr", "Le Qatar a annoncé mercredi que les deux camps ont conclu une trêve à Goma."),
    ("es", "Catar anunció el miércoles que las partes han acordado una tregua en Goma."),
]


@pytest.mark.parametrize(("lang", "text"), ANNOUNCED)
def test_a_deal_announced_on_a_day_was_reached_by_then(lang: str, text: str) -> None:
    claims = [c for c in dates(text, lang, dt.date(2025, 3, 6)) if c.event == "agreement"]
    assert len(claims) == 1
    value = span(claims[0])
    assert value.kind == "until" and value.low is None and value.high == dt.date(2025, 3, 5)


def test_a_hoped_for_deal_is_not_dated_by_the_statement() -> None:
    text = "A truce deal in Goma could be reached by Friday, the mediators said on Wednesday."
    assert [c for c in dates(text, "en", dt.date(2025, 3, 6)) if c.event == "agreement"] == []


def test_a_statement_day_is_not_the_day_of_the_event_it_announces() -> None:
    text = "Le médiateur a annoncé mercredi que la trêve à Goma débutera dimanche."
    (claim,) = dates(text, "fr", dt.date(2025, 3, 5))
    assert claim.event == "ceasefire_planned" and span(claim).low == dt.date(2025, 3, 9)


def test_the_night_of_thursday_to_friday_dates_a_deal() -> None:
    text = "Selon le gouvernement, l'accord a été conclu dans la nuit de jeudi à vendredi à Goma."
    (claim,) = dates(text, "fr", dt.date(2025, 3, 7))
    value = span(claim)
    assert claim.event == "agreement"
    assert (value.low, value.high) == (dt.date(2025, 3, 6), dt.date(2025, 3, 7))
    assert value.low_minute == 18 * 60


def test_a_how_long_is_not_a_date() -> None:
    text = "The first phase of the truce in Goma would last 30 days."
    assert dates(text, "en", dt.date(2025, 3, 6)) == []


# --- findings ------------------------------------------------------------------------------


def _run(tmp_path: Path, articles: dict[str, str]) -> list[tuple[str, str]]:
    for name, text in articles.items():
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    result = check([tmp_path])
    by_id = {c.id: c for c in result.claims}
    return [(f.kind, f.message) for f in result.findings
            if f.kind == "contradiction" and any(by_id[c].kind == "date" for c in f.claims if c in by_id)]


MORNING_FR = ("Trêve à Goma\n\nPublié le 03/03/2025 à 21h10\n\n"
              "Prévue à 9h heure locale (8h à Paris), la trêve à Goma a été respectée par les deux camps.\n")
MORNING_EN = ("Goma truce\n\nPublished: 2025-03-04 08:00 GMT\n\n"
              "The truce in Goma had been scheduled to begin at 9 a.m. (0700 GMT) on Monday, and it held.\n")
EVENING_EN = ("Goma truce\n\nPublished: 2025-03-02 10:00 GMT\n\n"
              "The truce in Goma will come into effect at 9 p.m. local time on Monday, March 3, mediators said.\n")


def test_hours_twelve_apart_for_the_same_planned_start_contradict(tmp_path: Path) -> None:
    found = _run(tmp_path, {"a_fr": MORNING_FR, "b_en": EVENING_EN})
    assert len(found) == 1
    assert "times that do not meet" in found[0][1]


def test_the_same_instant_in_two_zones_agrees(tmp_path: Path) -> None:
    assert _run(tmp_path, {"a_fr": MORNING_FR, "b_en": MORNING_EN}) == []


def test_a_deal_finalised_after_it_was_announced_is_disputed(tmp_path: Path) -> None:
    announced = ("Goma deal\n\nPublished: 2025-03-05 22:00 GMT\n\n"
                 "The two sides have agreed to a truce in Goma, the mediators announced on Wednesday.\n")
    finalised = ("Accord à Goma\n\nPublié le 07/03/2025 à 15h00\n\n"
                 "Pour le gouvernement, c'est vendredi que l'accord a été finalisé à Goma.\n")
    found = _run(tmp_path, {"a_en": announced, "b_fr": finalised})
    assert len(found) == 1 and "agreement" in found[0][1]
