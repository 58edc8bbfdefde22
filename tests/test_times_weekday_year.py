"""A weekday written with a day and month fixes the year; a possessive date names an event.

Every sentence here is invented for these tests.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.extract.times import find_times

D = dt.date


def _spans(text: str, lang: str, ref: dt.date | None) -> list[tuple[str, object, object, str, bool]]:
    return [
        (m.text, m.span.low, m.span.high, m.span.kind, m.resolved)
        for m in find_times(text, lang, ref)
        if m.span is not None
    ]


@pytest.mark.parametrize(
    ("lang", "text", "ref", "day"),
    [
        # published on Friday 6 December 2019, no future verb: still the Tuesday four days later
        ("fr", "Mardi 10 décembre, les cheminots ont rejoint le mouvement.", D(2019, 12, 6), D(2019, 12, 10)),
        ("en", "On Tuesday, December 10, the rail workers joined the strike.", D(2019, 12, 6), D(2019, 12, 10)),
        ("de", "Am Dienstag, 10. Dezember, schlossen sich die Bahnarbeiter an.", D(2019, 12, 6), D(2019, 12, 10)),
        ("es", "El martes 10 de diciembre se sumaron los ferroviarios.", D(2019, 12, 6), D(2019, 12, 10)),
        # published later: the past Tuesday, not the next one
        ("fr", "Mardi 10 décembre, 600 manifestants ont défilé.", D(2020, 2, 3), D(2019, 12, 10)),
        ("es", "El martes 10 de diciembre desfilaron 600 personas.", D(2020, 2, 3), D(2019, 12, 10)),
    ],
)
def test_weekday_fixes_the_year_near_the_publication_date(
    lang: str, text: str, ref: dt.date, day: dt.date
) -> None:
    (found,) = [s for s in _spans(text, lang, ref) if s[3] == "point"]
    assert found[1:3] == (day, day)
    assert found[4] is False  # the year was inferred, not written


@pytest.mark.parametrize(
    ("lang", "text", "day"),
    [
        ("en", "Updated January 21, 2025. Voters went to the polls on Sunday, January 19.", D(2025, 1, 19)),
        ("fr", "Le 5 décembre 2019, la grève a commencé. Mardi 10 décembre, 800 000 personnes ont défilé.", D(2019, 12, 10)),
        ("de", "Am 3. Oktober 2023 begann die Suche. Am Sonntag, 15. Oktober, wurden 40 Menschen geborgen.", D(2023, 10, 15)),
        ("es", "El 2 de marzo de 2024 empezaron las lluvias. El jueves 7 de marzo murieron 12 personas.", D(2024, 3, 7)),
    ],
)
def test_without_publication_date_the_weekday_takes_the_year_of_the_article_dates(
    lang: str, text: str, day: dt.date
) -> None:
    spans = _spans(text, lang, None)
    assert (day, day) in [s[1:3] for s in spans]


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Voters went to the polls on Sunday, January 19."),  # no date to anchor it
        # two full dates eleven years apart, each fitting another Tuesday 10 December
        ("fr", "Après le 5 décembre 2013 et le 5 décembre 2024, mardi 10 décembre, nouvelle grève."),
        # the weekday does not fit 10 December near 2019
        ("de", "Am 6. Dezember 2019 hieß es: Am Freitag, 10. Dezember, wird gestreikt."),
    ],
)
def test_weekday_without_a_fitting_year_is_left_out(lang: str, text: str) -> None:
    assert all(s[1] is None or s[1].month != 12 or s[1].day != 10 for s in _spans(text, lang, None))


def test_weekday_that_does_not_fit_keeps_the_old_reading_and_is_flagged() -> None:
    (m,) = find_times("Vendredi 10 décembre, 800 manifestants.", "fr", D(2019, 12, 6))
    assert m.weekday_mismatch


@pytest.mark.parametrize(
    "text",
    [
        "Dozens of people were killed by Friday's earthquake.",
        "Hundreds were displaced by Friday’s floods in the valley.",
    ],
)
def test_possessive_date_is_the_day_of_an_event_not_a_deadline(text: str) -> None:
    (found,) = _spans(text, "en", D(2023, 2, 8))
    assert found[0] == "Friday"
    assert found[1:4] == (D(2023, 2, 3), D(2023, 2, 3), "point")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "The ceasefire will hold until Friday."),
        ("en", "Aid must reach the valley by Friday."),
        ("de", "Die Waffenruhe gilt bis Freitag."),
        ("es", "La tregua durará hasta el viernes."),
        ("fr", "La trêve durera jusqu'à vendredi."),
    ],
)
def test_deadline_without_possessive_is_still_until(lang: str, text: str) -> None:
    (found,) = _spans(text, lang, D(2023, 2, 8))
    assert found[3] == "until"
    assert found[1] is None and found[2] is not None and found[2].isoweekday() == 5
