"""Time expressions: what French and English articles write, read as closed intervals of days."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.errors import InputError
from consistency.extract.times import (
    DEFAULT,
    TimeGrammar,
    TimeMatch,
    find_times,
    parse_date,
    parse_time,
)

D = dt.date
REF = D(2025, 6, 17)  # a Tuesday: the publication date of the relative cases


def only(text: str, lang: str | None = "fr", ref: D | None = REF) -> TimeMatch:
    matches = find_times(text, lang, ref)
    assert len(matches) == 1, [m.text for m in matches]
    return matches[0]


def bounds(m: TimeMatch) -> tuple[D | None, D | None, str]:
    assert m.span is not None, m
    return m.span.low, m.span.high, m.span.kind


# --------------------------------------------------------------------------- explicit dates

DAYS = [
    ("fr", "le 26 avril 2025", D(2025, 4, 26)),
    ("fr", "26 avril 2025", D(2025, 4, 26)),
    ("fr", "1er mars 2024", D(2024, 3, 1)),
    ("fr", "14/11/2025", D(2025, 11, 14)),
    ("fr", "2025-06-17", D(2025, 6, 17)),
    ("fr", "le 3 janv. 2024", D(2024, 1, 3)),
    ("en", "April 26, 2025", D(2025, 4, 26)),
    ("en", "26 April 2025", D(2025, 4, 26)),
    ("en", "the 26th of April 2025", D(2025, 4, 26)),
    ("en", "Friday, November 14, 2025", D(2025, 11, 14)),
    ("en", "11/14/2025", D(2025, 11, 14)),  # only month first is possible
]


@pytest.mark.parametrize(("lang", "text", "day"), DAYS)
def test_a_written_day_is_one_day(lang: str, text: str, day: D) -> None:
    m = only(text, lang, None)
    assert bounds(m) == (day, day, "point")
    assert m.text == text and m.resolved and not m.weekday_mismatch


PERIODS = [
    # months and years
    ("fr", "en novembre 2025", D(2025, 11, 1), D(2025, 11, 30)),
    ("fr", "juin 2024", D(2024, 6, 1), D(2024, 6, 30)),
    ("fr", "février 2024", D(2024, 2, 1), D(2024, 2, 29)),
    ("en", "in June 2024", D(2024, 6, 1), D(2024, 6, 30)),
    ("fr", "en 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("en", "in 2024", D(2024, 1, 1), D(2024, 12, 31)),
    ("fr", "l'année 2023", D(2023, 1, 1), D(2023, 12, 31)),
    # seasons are meteorological; winter runs into the next year
    ("fr", "au printemps 2025", D(2025, 3, 1), D(2025, 5, 31)),
    ("fr", "à l'automne 2024", D(2024, 9, 1), D(2024, 11, 30)),
    ("fr", "l'été 2024", D(2024, 6, 1), D(2024, 8, 31)),
    ("fr", "l'hiver 2024-2025", D(2024, 12, 1), D(2025, 2, 28)),
    ("en", "in the summer of 2024", D(2024, 6, 1), D(2024, 8, 31)),
    ("en", "spring 2025", D(2025, 3, 1), D(2025, 5, 31)),
    ("en", "winter 2024", D(2024, 12, 1), D(2025, 2, 28)),
    # ranges cover both ends; an end without a year takes the other's
    ("fr", "entre janvier et février 2025", D(2025, 1, 1), D(2025, 2, 28)),
    ("fr", "de janvier à mars 2025", D(2025, 1, 1), D(2025, 3, 31)),
    ("fr", "de novembre à février 2025", D(2024, 11, 1), D(2025, 2, 28)),
    ("fr", "juillet-août 2025", D(2025, 7, 1), D(2025, 8, 31)),
    ("fr", "juillet ou août 2025", D(2025, 7, 1), D(2025, 8, 31)),
    ("en", "from March to May 2025", D(2025, 3, 1), D(2025, 5, 31)),
    ("en", "between August 2024 and spring 2025", D(2024, 8, 1), D(2025, 5, 31)),
    ("fr", "entre août 2024 et le printemps 2025", D(2024, 8, 1), D(2025, 5, 31)),
    ("fr", "entre fin 2024 et le printemps 2025", D(2024, 9, 1), D(2025, 5, 31)),
    ("fr", "2024-2025", D(2024, 1, 1), D(2025, 12, 31)),
    ("fr", "de 2014 à 2018", D(2014, 1, 1), D(2018, 12, 31)),
    ("fr", "du 4 au 22 janvier 1995", D(1995, 1, 4), D(1995, 1, 22)),
    ("fr", "entre le 3 et le 12 septembre 2024", D(2024, 9, 3), D(2024, 9, 12)),
    ("fr", "du 12 janvier 2016 au 22/01/2016", D(2016, 1, 12), D(2016, 1, 22)),
    ("en", "November 19-20, 2024", D(2024, 11, 19), D(2024, 11, 20)),
    # parts are thirds: of a month 1-10, 11-20, 21-end; of a year Jan-Apr, May-Aug, Sep-Dec
    ("fr", "début 2024", D(2024, 1, 1), D(2024, 4, 30)),
    ("fr", "fin 2024", D(2024, 9, 1), D(2024, 12, 31)),
    ("fr", "mi-2025", D(2025, 5, 1), D(2025, 8, 31)),
    ("fr", "fin juin 2024", D(2024, 6, 21), D(2024, 6, 30)),
    ("fr", "mi-octobre 2024", D(2024, 10, 11), D(2024, 10, 20)),
    ("fr", "début de l'année 2024", D(2024, 1, 1), D(2024, 4, 30)),
    ("fr", "à la fin de l'été 2024", D(2024, 8, 1), D(2024, 8, 31)),
    ("en", "early 2024", D(2024, 1, 1), D(2024, 4, 30)),
    ("en", "late 2024", D(2024, 9, 1), D(2024, 12, 31)),
    ("en", "mid-2025", D(2025, 5, 1), D(2025, 8, 31)),
    ("en", "the end of June 2024", D(2024, 6, 21), D(2024, 6, 30)),
    ("en", "the beginning of 2024", D(2024, 1, 1), D(2024, 4, 30)),
    ("en", "early in 2024", D(2024, 1, 1), D(2024, 4, 30)),
]


@pytest.mark.parametrize(("lang", "text", "low", "high"), PERIODS)
def test_months_years_seasons_ranges_and_parts(lang: str, text: str, low: D, high: D) -> None:
    m = only(text, lang, None)
    assert bounds(m) == (low, high, "period")
    assert m.text == text and m.resolved


OPEN = [
    ("fr", "depuis début 2024", D(2024, 1, 1), REF, "since"),
    ("fr", "depuis septembre", D(2024, 9, 1), REF, "since"),
    ("en", "since September", D(2024, 9, 1), REF, "since"),
    ("en", "since early 2024", D(2024, 1, 1), REF, "since"),
    ("fr", "à partir de juillet-août 2024", D(2024, 7, 1), REF, "since"),
    ("fr", "après 2018", D(2019, 1, 1), REF, "since"),
    ("en", "by March 2025", None, D(2025, 3, 31), "until"),
    ("fr", "jusqu'en mars 2025", None, D(2025, 3, 31), "until"),
    ("fr", "d'ici la fin de 2025", None, D(2025, 12, 31), "until"),
    ("fr", "avant 2024", None, D(2023, 12, 31), "until"),
    ("fr", "avant la fin de 2024", None, D(2024, 12, 31), "until"),
]


@pytest.mark.parametrize(("lang", "text", "low", "high", "kind"), OPEN)
def test_since_and_until_open_the_period(
    lang: str, text: str, low: D | None, high: D | None, kind: str
) -> None:
    m = only(text, lang)
    assert bounds(m) == (low, high, kind)
    assert m.text == text


def test_since_without_reference_is_open_ended() -> None:
    assert bounds(only("depuis début 2024", "fr", None)) == (D(2024, 1, 1), None, "since")


def test_since_a_later_start_is_not_closed_by_the_reference() -> None:
    assert bounds(only("à partir de juillet 2025")) == (D(2025, 7, 1), None, "since")


# --------------------------------------------------------------------------- relative dates

RELATIVE = [
    # day-months and months without a year: the latest one whose start is not after REF
    ("fr", "17 juin", D(2025, 6, 17), D(2025, 6, 17), "point"),
    ("fr", "18 juin", D(2024, 6, 18), D(2024, 6, 18), "point"),
    ("fr", "1er mars", D(2025, 3, 1), D(2025, 3, 1), "point"),
    ("fr", "fin juin", D(2024, 6, 21), D(2024, 6, 30), "period"),
    ("fr", "début juin", D(2025, 6, 1), D(2025, 6, 10), "period"),
    ("fr", "début novembre", D(2024, 11, 1), D(2024, 11, 10), "period"),
    ("fr", "mi-octobre", D(2024, 10, 11), D(2024, 10, 20), "period"),
    ("en", "the end of June", D(2024, 6, 21), D(2024, 6, 30), "period"),
    ("fr", "en mars", D(2025, 3, 1), D(2025, 3, 31), "period"),
    ("fr", "septembre dernier", D(2024, 9, 1), D(2024, 9, 30), "period"),
    ("en", "last September", D(2024, 9, 1), D(2024, 9, 30), "period"),
    ("fr", "en septembre prochain", D(2025, 9, 1), D(2025, 9, 30), "period"),
    ("fr", "cet hiver", D(2025, 12, 1), D(2026, 2, 28), "period"),
    ("fr", "l'été dernier", D(2024, 6, 1), D(2024, 8, 31), "period"),
    # words counted from the reference
    ("fr", "hier", D(2025, 6, 16), D(2025, 6, 16), "point"),
    ("en", "yesterday", D(2025, 6, 16), D(2025, 6, 16), "point"),
    ("fr", "aujourd'hui", REF, REF, "point"),
    ("en", "today", REF, REF, "point"),
    ("fr", "l'an dernier", D(2024, 1, 1), D(2024, 12, 31), "period"),
    ("en", "last year", D(2024, 1, 1), D(2024, 12, 31), "period"),
    ("fr", "le mois dernier", D(2025, 5, 1), D(2025, 5, 31), "period"),
    ("fr", "la semaine dernière", D(2025, 6, 9), D(2025, 6, 15), "period"),
    ("fr", "fin de l'année dernière", D(2024, 9, 1), D(2024, 12, 31), "period"),
    ("fr", "il y a trois ans", D(2022, 1, 1), D(2022, 12, 31), "period"),
    ("en", "three years ago", D(2022, 1, 1), D(2022, 12, 31), "period"),
    ("fr", "les trois derniers mois", D(2025, 3, 17), REF, "period"),
    ("en", "over the past three months", D(2025, 3, 17), REF, "period"),
]


@pytest.mark.parametrize(("lang", "text", "low", "high", "kind"), RELATIVE)
def test_relative_dates_take_their_year_from_the_reference(
    lang: str, text: str, low: D, high: D, kind: str
) -> None:
    m = only(text, lang)
    assert bounds(m) == (low, high, kind)
    assert not m.resolved


@pytest.mark.parametrize(
    "text", ["17 juin", "mardi", "hier", "l'an dernier", "fin juin", "depuis septembre", "cet été"]
)
def test_without_a_reference_relative_dates_are_left_out(text: str) -> None:
    assert find_times(text, "fr", None) == []


WEEKDAYS = [
    ("fr", "mardi", D(2025, 6, 17)),  # the reference itself is a Tuesday
    ("fr", "dimanche", D(2025, 6, 15)),
    ("fr", "vendredi", D(2025, 6, 13)),
    ("en", "on Tuesday", D(2025, 6, 17)),
    ("en", "Sunday", D(2025, 6, 15)),
    ("fr", "mardi dernier", D(2025, 6, 10)),
    ("fr", "mardi prochain", D(2025, 6, 24)),
    ("fr", "ce mardi 17 juin", D(2025, 6, 17)),
]


@pytest.mark.parametrize(("lang", "text", "day"), WEEKDAYS)
def test_weekdays_are_the_latest_such_day(lang: str, text: str, day: D) -> None:
    m = only(text, lang)
    assert bounds(m) == (day, day, "point")
    assert m.text == text and not m.weekday_mismatch and not m.resolved


def test_a_weekday_that_matches_the_inferred_date() -> None:
    m = only("vendredi 14 novembre", "fr", D(2025, 11, 14))
    assert bounds(m) == (D(2025, 11, 14), D(2025, 11, 14), "point")
    assert not m.weekday_mismatch and not m.resolved


@pytest.mark.parametrize(
    ("text", "ref", "day"),
    [
        ("vendredi 14 novembre 2024", None, D(2024, 11, 14)),  # a Thursday
        # no year near the reference has a Monday 14 November (a Friday in 2025: see
        # test_times_weekday_year.py): the usual year, flagged
        ("lundi 14 novembre", D(2025, 6, 17), D(2024, 11, 14)),
        ("Monday, June 17, 2025", None, D(2025, 6, 17)),
    ],
)
def test_a_weekday_that_contradicts_the_date_is_flagged_and_the_date_kept(
    text: str, ref: D | None, day: D
) -> None:
    m = only(text, None, ref)
    assert bounds(m) == (day, day, "point")
    assert m.weekday_mismatch


# --------------------------------------------------------------------------- durations

DURATIONS = [
    ("fr", "pendant près de huit mois", "P8M"),
    ("en", "for eight months", "P8M"),
    ("en", "for three weeks", "P3W"),
    ("fr", "en moins de quinze jours", "P15D"),
    ("fr", "depuis plus de trois ans", "P3Y"),
    ("fr", "pendant 48 heures", "PT48H"),
    ("fr", "pendant un an et demi", "P1.5Y"),
    ("en", "two and a half years", "P2.5Y"),
    ("fr", "vingt-quatre jours", "P24D"),
    ("fr", "sur 1 000 jours", "P1000D"),
]


@pytest.mark.parametrize(("lang", "text", "iso"), DURATIONS)
def test_durations_are_never_dates(lang: str, text: str, iso: str) -> None:
    m = only(text, lang)
    assert (m.text, m.span, m.duration) == (text, None, iso)


def test_a_duration_ago_is_both_a_duration_and_a_date() -> None:
    m = only("il y a deux semaines", "fr")
    assert m.duration == "P2W"
    assert bounds(m) == (D(2025, 6, 2), D(2025, 6, 8), "period")  # the week two weeks back


@pytest.mark.parametrize("text", ["une fois par an", "once a year", "un an après"])
def test_one_unit_without_a_preposition_is_not_a_stated_duration(text: str) -> None:
    assert find_times(text, None, REF) == []


# --------------------------------------------------------------------------- not times

NOT_TIMES = [
    ("fr", "11 000 soldats"),
    ("fr", "plus de 1 500 soldats"),
    ("fr", "article 4"),
    ("fr", "la résolution 2231 du Conseil"),
    ("fr", "Le budget 2024 prévoit"),
    ("fr", "1990 ou 2000 soldats"),
    ("fr", "à 11 000 mètres"),
    ("fr", "le score de 18:30"),
    ("fr", "Tél : +86 138-2010-2015"),
    ("fr", "Il a été nommé"),
    ("fr", "le nombre a été 2000 fois plus grand"),
    ("fr", "le printemps de Prague"),
    ("fr", "la mission sur Mars"),
    ("fr", "l'armée a 2000 chars"),
    ("en", "Theresa May said"),
    ("en", "the march on Washington"),
    ("en", "Jan Egeland said"),
    ("en", "The Sun reported"),
    ("en", "prices may fall"),
    ("en", "killed 26 in April"),
]


@pytest.mark.parametrize(("lang", "text"), NOT_TIMES)
def test_quantities_scores_and_ordinary_words_are_not_times(lang: str, text: str) -> None:
    dated = [m.text for m in find_times(text, lang, REF) if m.span is not None]
    if text == "killed 26 in April":  # the month is a time, the count is not its day
        assert dated == ["in April"]
    else:
        assert dated == []


def test_a_clock_time_next_to_a_date_is_that_day_at_that_minute() -> None:
    m = only("14/11/2025 à 11:15", "fr", None)
    assert m.text == "14/11/2025 à 11:15"
    assert m.span is not None and (m.span.low, m.span.low_minute, m.span.high_minute) == (
        D(2025, 11, 14),
        675,
        675,
    )


def test_ambiguous_numeric_dates_are_not_guessed_in_english() -> None:
    assert find_times("on 06/07/2025", "en", REF) == []
    assert bounds(only("le 06/07/2025", "fr")) == (D(2025, 7, 6), D(2025, 7, 6), "point")


def test_impossible_dates_are_not_times() -> None:
    assert find_times("le 31 avril 2025 et le 29 février 2023", "fr", REF) == []


# --------------------------------------------------------------------------- offsets and spans


def test_matches_index_the_text_and_include_their_preposition() -> None:
    text = (
        "Le ministère a indiqué vendredi 14 novembre que la région, occupée entre août 2024 et "
        "le printemps 2025, est déminée depuis septembre. A l’automne 2024, environ 11 000 "
        "soldats avaient été déployés, occupant Koursk pendant près de huit mois."
    )
    found = find_times(text, "fr", D(2025, 11, 14))
    assert [m.text for m in found] == [
        "vendredi 14 novembre",
        "entre août 2024 et le printemps 2025",
        "depuis septembre",
        "l’automne 2024",
        "pendant près de huit mois",
    ]
    for m in found:
        assert text[m.start : m.end] == m.text
        assert m.span is None or m.span.label == m.text


def test_start_and_end_limit_the_search_and_offsets_stay_absolute() -> None:
    text = "en 2023, puis en juin 2024, puis en 2025"
    start = text.index("puis")
    found = find_times(text, "fr", None, start, text.rindex(","))
    assert [(m.text, m.start) for m in found] == [("en juin 2024", text.index("en juin"))]


@pytest.mark.parametrize("lang", ["fr-FR", "FR", "fr_CA"])
def test_language_tags_are_read_by_their_language(lang: str) -> None:
    assert only("en juin 2024", lang, None).text == "en juin 2024"


def test_an_unknown_language_reads_both_and_another_only_numeric_dates() -> None:
    assert only("en juin 2024", None, None).text == "en juin 2024"
    assert only("in June 2024", None, None).text == "in June 2024"
    assert find_times("a giugno 2024", "it", None) == []
    assert only("il 2024-06-14", "it", None).text == "2024-06-14"


# --------------------------------------------------------------------------- parse_time, parse_date


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("2024", D(2024, 1, 1), D(2024, 12, 31)),  # a string that is wholly a time
        ("à l'automne 2024", D(2024, 9, 1), D(2024, 11, 30)),
        ("  entre août 2024 et le printemps 2025. ", D(2024, 8, 1), D(2025, 5, 31)),
        ("juin", D(2025, 6, 1), D(2025, 6, 30)),
    ],
)
def test_parse_time_reads_a_whole_string(text: str, low: D, high: D) -> None:
    span = parse_time(text, "fr", REF)
    assert span is not None and (span.low, span.high) == (low, high)


@pytest.mark.parametrize("text", ["en 2024 et en 2025", "le budget de juin 2024", "soldats", ""])
def test_parse_time_refuses_what_is_not_one_expression(text: str) -> None:
    assert parse_time(text, "fr", REF) is None


PUBLICATION_DATES = [
    ("fr", "14/11/2025 à 11:15", D(2025, 11, 14)),
    ("en", "Publish date : 2025-06-17 16:16:00", D(2025, 6, 17)),
    ("fr", "17 juin 2025", D(2025, 6, 17)),
    ("en", "June 17, 2025", D(2025, 6, 17)),
    (None, "2025-06-17T16:16:00Z", D(2025, 6, 17)),
    ("fr", "Mis à jour le 3 mars 2024", D(2024, 3, 3)),
    ("fr", "Publié le 3 mars 2024, modifié le 5 mars 2024", D(2024, 3, 3)),
    ("en", "Published 11/14/2025", D(2025, 11, 14)),
    ("en", "Published 14/11/2025", D(2025, 11, 14)),
    ("fr", "Publié le 05/06/2025", D(2025, 6, 5)),
    (None, "Le 02.06.2025 à 20:19", D(2025, 6, 2)),
    ("en", "Updated Tue 17 Jun 2025 10:00", D(2025, 6, 17)),
]


@pytest.mark.parametrize(("lang", "text", "day"), PUBLICATION_DATES)
def test_parse_date_reads_publication_dates(lang: str | None, text: str, day: D) -> None:
    assert parse_date(text, lang) == day


@pytest.mark.parametrize(
    ("lang", "text"),
    [("en", "Published 05/06/2025"), ("fr", "hier"), ("fr", "juin 2025"), ("fr", "")],
)
def test_parse_date_does_not_guess(lang: str, text: str) -> None:
    assert parse_date(text, lang) is None


# --------------------------------------------------------------------------- the data file


def test_a_user_lexicon_adds_a_language(tmp_path: Path) -> None:
    (tmp_path / "time_words.yaml").write_text(
        "it:\n  months: {6: [giugno]}\n  prepositions: {in: [a]}\n", encoding="utf-8"
    )
    grammar = TimeGrammar.load(tmp_path)
    found = grammar.find_times("a giugno 2024", "it", None)
    assert [(m.text, m.span.low if m.span else None) for m in found] == [
        ("a giugno 2024", D(2024, 6, 1))
    ]
    assert "it" in grammar.languages and "it" not in TimeGrammar.load().languages
    assert find_times("a giugno 2024", "it", None) == []  # the built-in grammar is unchanged


def test_a_user_lexicon_extends_a_list(tmp_path: Path) -> None:
    (tmp_path / "time_words.yaml").write_text(
        "fr:\n  relative: {yesterday: [la veille]}\n", encoding="utf-8"
    )
    grammar = TimeGrammar.load(tmp_path)
    m = grammar.find_times("la veille", "fr", REF)
    assert [bounds(x) for x in m] == [(D(2025, 6, 16), D(2025, 6, 16), "point")]
    assert bounds(grammar.find_times("hier", "fr", REF)[0])[0] == D(2025, 6, 16)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("en:\n  prepositions: {in: [on]}\n", "en.prepositions: True is not a word (quote it)"),
        ("fr:\n  seasons: {monsoon: [mousson]}\n", "fr.seasons: 'monsoon' is not one of spring"),
        ("fr:\n  months: {13: [brumaire]}\n", "fr.months: 13 is not a number 1-12"),
        ("- just a list\n", "expected a mapping of languages"),
    ],
)
def test_a_bad_user_lexicon_is_reported_in_one_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "time_words.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as error:
        TimeGrammar.load(tmp_path)
    assert str(error.value).startswith(str(path)) and message in str(error.value)
    assert "\n" not in str(error.value)


# --------------------------------------------------------------------------- properties

MONTHS_FR = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
MONTHS_EN = (
    "January February March April May June July August September October November December".split()
)
dates = st.dates(min_value=D(1900, 1, 1), max_value=D(2100, 12, 31))


def _styles(d: D) -> list[tuple[str, str]]:
    day_fr = "1er" if d.day == 1 else str(d.day)
    return [
        ("fr", f"{d.day} {MONTHS_FR[d.month - 1]} {d.year}"),
        ("fr", f"le {day_fr} {MONTHS_FR[d.month - 1]} {d.year}"),
        ("fr", d.strftime("%d/%m/%Y")),
        ("fr", d.isoformat()),
        ("en", f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"),
        ("en", f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"),
        ("en", f"{d.isoformat()}T08:30:00Z"),
    ]


@given(dates)
@pytest.mark.slow
def test_any_date_in_any_style_reads_back_to_itself(d: D) -> None:
    for lang, text in _styles(d):
        assert parse_date(text, lang) == d, text
        span = parse_time(text, lang, None)
        assert span is not None and (span.low, span.high, span.kind) == (d, d, "point"), text


@given(st.integers(1900, 2100), st.integers(1, 12))
@pytest.mark.slow
def test_the_parts_of_a_month_split_it_into_three(year: int, month: int) -> None:
    name = MONTHS_FR[month - 1]
    whole = parse_time(f"{name} {year}", "fr", None)
    parts = [parse_time(f"{p}{name} {year}", "fr", None) for p in ("début ", "mi-", "fin ")]
    assert whole is not None and all(parts)
    assert parts[0].low == whole.low and parts[2].high == whole.high  # type: ignore[union-attr]
    for before, after in zip(parts, parts[1:]):
        assert before.high + dt.timedelta(days=1) == after.low  # type: ignore[union-attr, operator]


@given(dates, dates)
def test_a_day_without_year_is_the_latest_not_after_the_reference(day: D, ref: D) -> None:
    if (day.month, day.day) == (2, 29):
        return  # not every year has it: covered by the table
    m = find_times(f"le {day.day} {MONTHS_FR[day.month - 1]}", "fr", ref)
    assert len(m) == 1 and m[0].span is not None
    found = m[0].span.low
    assert found is not None and (found.month, found.day) == (day.month, day.day)
    assert ref - dt.timedelta(days=366) < found <= ref


WORDS = [
    "en", "le", "depuis", "entre", "et", "de", "à", "au", "fin", "début", "mi-", "juin", "mars",
    "2024", "2025", "-", "ou", "l'été", "printemps", "hier", "mardi", "17", "1er", "11 000",
    "pendant", "trois", "mois", "ans", "in", "since", "by", "June", "late", "the", "end", "of",
    "14/11/2025", "2025-06-17", ",", ".", "\n", "11:15", "près de", "il y a", "ago", "winter",
    "99999", "demain", "après", "avant", "next", "last", "cet", "dernier", "prochain",
    "13h20", "vers", "7", "heures", "soir", "nuit", "matin", "at", "p.m.", "evening", "will",
    "Donnerstagabend", "um", "Uhr", "am", "Nacht", "zum", "a las", "por la tarde", "del", "al",
    "el día", "comenzará", "débutera", "midi", "noon", "23:59", "24h", "Ende", "finales",
]  # fmt: skip
for _lang in ("fr", "en", "de", "es", "xx", None):  # compile before the timed examples
    DEFAULT.grammar(_lang).find("13h20 soir", D(2025, 6, 17), 0, 10)


@settings(max_examples=300)
@given(
    st.one_of(
        st.text(max_size=300),
        st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
        st.lists(st.sampled_from(WORDS), max_size=40).map("".join),
    ),
    st.sampled_from(["fr", "en", None, "de", "es", "xx"]),
    st.one_of(st.none(), dates, st.dates()),  # any reference, even at the calendar's ends
)
@pytest.mark.slow
def test_find_times_on_any_text_returns_exact_sorted_disjoint_spans(
    text: str, lang: str | None, ref: D | None
) -> None:
    found = find_times(text, lang, ref)
    previous_end = 0
    for m in found:
        assert 0 <= previous_end <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        assert m.span is not None or m.duration is not None
        if m.span is not None and m.span.low is not None and m.span.high is not None:
            assert m.span.low <= m.span.high
        previous_end = m.end
