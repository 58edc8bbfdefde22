"""Quantities as a fact-checker reads them: the figure, its qualifier, its interval, and what is not one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.errors import InputError
from consistency.extract.numbers import NumberMatch, find_numbers, load_number_lexicon, parse_number
from consistency.model import QUALIFIERS, Interval

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
NBSP, NNBSP = "\u00a0", "\u202f"


def only(text: str, lang: str | None) -> NumberMatch:
    """The single quantity of a text (and its offsets are consistent)."""
    found = find_numbers(text, lang)
    assert len(found) == 1, found
    m = found[0]
    assert text[m.start : m.end] == m.text
    return m


def figures(text: str, lang: str | None) -> list[str]:
    return [m.text for m in find_numbers(text, lang)]


# --------------------------------------------------------------------------------------------
# Digits


@pytest.mark.parametrize(
    ("lang", "text", "figure", "value"),
    [
        ("fr", "Il y a 11 000 soldats.", "11 000", 11000),
        ("fr", f"Il y a 11{NBSP}000 soldats.", f"11{NBSP}000", 11000),
        ("fr", f"Il y a 11{NNBSP}000 soldats.", f"11{NNBSP}000", 11000),
        ("fr", "Il y a 1 414 021 100 habitants.", "1 414 021 100", 1414021100),
        ("fr", "environ 5.000 soldats", "5.000", 5000),
        ("fr", "11.000 soldats", "11.000", 11000),
        ("fr", "1.234.567 habitants", "1.234.567", 1234567),
        ("fr", "une hausse de 1,5 point", "1,5", 1.5),
        ("fr", "1 234 567,89 euros de budget sont 1 234 567,89 unités", "1 234 567,89", 1234567.89),
        ("fr", "11'000 soldats suisses", "11'000", 11000),
        ("en", "11,000 troops", "11,000", 11000),
        ("en", "1,234,567 people", "1,234,567", 1234567),
        ("en", "2.5 people on average", "2.5", 2.5),
        ("en", "1,234.5 tonnes", "1,234.5", 1234.5),
        (None, "11,000 troops", "11,000", 11000),
        (None, "5.000 soldats", "5.000", 5000),
        (None, "1,5 soldats", "1,5", 1.5),
        ("de", "rund 5.000 Soldaten", "5.000", 5000),
    ],
)
def test_digits_with_every_real_separator(lang: str | None, text: str, figure: str, value: float) -> None:
    m = find_numbers(text, lang)[-1]
    assert (text[m.number_start : m.number_end], m.point) == (figure, value)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "about 5.000 soldiers"),  # 5 or 5000? an English writer would mean 5.000 = 5
        ("fr", "environ 4,800 soldats"),  # 4,8 or 4800? the French decimal mark with 3 decimals
    ],
)
def test_a_lone_three_digit_group_after_the_decimal_mark_is_too_ambiguous_to_read(lang: str, text: str) -> None:
    assert find_numbers(text, lang) == []


def test_the_ambiguous_group_reads_as_a_decimal_before_a_scale_or_percent() -> None:
    assert only("4,800 % de hausse", "fr").point == 4.8
    assert only("a 1.500 million budget line", "en").point == 1_500_000


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "1,5 million de personnes", 1_500_000),
        ("fr", "2 millions de réfugiés", 2_000_000),
        ("fr", "1,2 milliard d'habitants", 1_200_000_000),
        ("fr", "10 mille soldats", 10_000),
        ("fr", "3 millions et demi d'habitants", 3_500_000),
        ("fr", "2 millions 500 000 habitants", 2_500_000),
        ("fr", "1 billion de cellules", 10**12),
        ("en", "2.3 million people", 2_300_000),
        ("en", "3 billion people", 3_000_000_000),
        ("en", "10k runners", 10_000),
        ("en", "a 3bn population", 3_000_000_000),
        ("en", "20M subscribers", 20_000_000),
    ],
)
def test_scale_words_and_abbreviations_multiply_the_figure(lang: str, text: str, value: float) -> None:
    assert only(text, lang).point == value


def test_billion_is_not_read_when_the_language_is_unknown() -> None:
    # 10^9 in English, 10^12 in French: no figure beats a wrong one.
    assert find_numbers("3 billion people", None) == []
    assert find_numbers("trois billions de cellules", None) == []


def test_an_unknown_scale_word_in_another_language_drops_the_figure() -> None:
    # Italian has no words of its own in the data files: "milioni" cannot be read.
    assert figures("1,5 milioni di persone e 2.000 soldati", "it") == ["2.000"]


# --------------------------------------------------------------------------------------------
# Spelled-out numbers


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "Cinq mille personnes", 5000),
        ("fr", "quatorze mille soldats", 14000),
        ("fr", "deux cents soldats", 200),
        ("fr", "vingt et un morts", 21),
        ("fr", "quatre-vingt-dix-neuf blessés", 99),
        ("fr", "soixante et onze villages", 71),
        ("fr", "un million deux cent mille habitants", 1_200_000),
        ("fr", "un million et demi de réfugiés", 1_500_000),
        ("fr", "cent soldats", 100),
        ("en", "eleven thousand troops", 11000),
        ("en", "twenty-one people", 21),
        ("en", "a hundred men", 100),
        ("en", "one hundred and six villages", 106),
        ("en", "twenty-one trillion and three hundred grains of sand", 21_000_000_000_300),
        (None, "quinze soldats", 15),
        (None, "fifteen soldiers", 15),
    ],
)
def test_spelled_out_numbers(lang: str | None, text: str, value: float) -> None:
    assert only(text, lang).point == value


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "un homme et une femme"),
        ("en", "a man and an officer; one of them"),
        ("en", "That one is really good"),
        ("fr", "un char neuf, rien de neuf"),
        ("fr", "des millions"),  # vague, tested below: no spelled "millions" figure on its own
    ],
)
def test_articles_and_adjectives_are_not_figures(lang: str, text: str) -> None:
    assert all(m.qualifier == "vague" for m in find_numbers(text, lang))


def test_neuf_is_a_figure_before_a_noun() -> None:
    assert only("neuf soldats", "fr").point == 9


# --------------------------------------------------------------------------------------------
# Rounded counts and vague magnitudes


@pytest.mark.parametrize(
    ("lang", "text", "point", "low", "high"),
    [
        ("fr", "une dizaine de morts", 10, 8, 12),
        ("fr", "une centaine de blessés", 100, 80, 120),
        ("fr", "un millier de soldats", 1000, 800, 1200),
        ("fr", "une vingtaine de journalistes", 20, 16, 24),
        ("fr", "trois centaines de mines", 300, 240, 360),
        ("fr", "une dizaine de milliers de personnes", 10000, 8000, 12000),
        ("fr", "un demi-million de réfugiés", 500000, 400000, 600000),
        ("en", "a dozen soldiers", 12, 9.6, 14.4),
        ("en", "half a million people", 500000, 400000, 600000),
    ],
)
def test_rounded_counts_are_approximate(lang: str, text: str, point: float, low: float, high: float) -> None:
    m = only(text, lang)
    assert (m.qualifier, m.point, m.value) == ("approx", point, Interval(low, high))


def test_a_quarantine_is_not_forty() -> None:
    assert find_numbers("placés en quarantaine, une quarantaine stricte", "fr") == []
    assert only("une quarantaine de soldats", "fr").point == 40


@pytest.mark.parametrize(
    ("lang", "text", "low", "high"),
    [
        ("fr", "plusieurs milliers de démineurs", 2000, 9999),
        ("fr", "des milliers de réfugiés", 1000, 99999),
        ("fr", "plusieurs centaines de blessés", 200, 999),
        ("fr", "des centaines de mines", 100, 999),
        ("fr", "plusieurs dizaines de morts", 20, 99),
        ("fr", "des dizaines de milliers de personnes", 10000, 99999),
        ('fr', 'des "centaines" de mines', 100, 999),
        ("fr", "des « milliers » de soldats", 1000, 99999),
        ("en", "thousands of troops", 1000, 99999),
        ("en", "several thousand troops", 2000, 9999),
        ("en", "tens of thousands of people", 10000, 99999),
        ("en", "hundreds of people", 100, 999),
        ("en", "dozens of wounded", 20, 99),
        ("en", "scores of civilians", 40, 999),
    ],
)
def test_vague_magnitudes(lang: str, text: str, low: float, high: float) -> None:
    m = only(text, lang)
    assert (m.qualifier, m.point, m.value) == ("vague", None, Interval(low, high))


# --------------------------------------------------------------------------------------------
# Qualifiers


@pytest.mark.parametrize(
    ("lang", "text", "qualifier", "low", "high"),
    [
        ("fr", "environ 11 000 soldats", "approx", 9900, 12100),
        ("fr", "quelque 11 000 soldats", "approx", 9900, 12100),
        ("fr", "approximativement 300 soldats", "approx", 270, 330),
        ("fr", "près de 11 000 soldats", "approx", 9900, 11000),
        ("fr", "près d'un millier de soldats", "approx", 800, 1200),
        ("fr", "plus de 6 000 soldats", "more_than", 6000, None),
        ("fr", "plus d'un millier de soldats", "more_than", 1000, None),
        ("fr", "au moins 20 morts", "at_least", 20, None),
        ("fr", "pas moins de 20 morts", "at_least", 20, None),
        ("fr", "jusqu'à 700 travailleurs", "up_to", None, 700),
        ("fr", "jusqu’à 700 travailleurs", "up_to", None, 700),
        ("fr", "au plus 30 soldats", "up_to", None, 30),
        ("fr", "moins de 10 morts", "less_than", None, 10),
        ("fr", "Moins d’un millier de pandas", "less_than", None, 1000),
        ("fr", "supérieures à 150 unités", "more_than", 150, None),
        ("fr", "1 000 soldats environ", "exact", 1000, 1000),  # the qualifier must touch the figure
        ("fr", "500 ou plus", "at_least", 500, None),
        ("en", "about 11,000 troops", "approx", 9900, 12100),
        ("en", "an estimated 5,000 troops", "approx", 4500, 5500),
        ("en", "some 11,000 troops", "approx", 9900, 12100),
        ("en", "nearly 300 troops", "approx", 270, 300),
        ("en", "almost 40 people", "approx", 36, 40),
        ("en", "more than 500 troops", "more_than", 500, None),
        ("en", "over 300 people", "more_than", 300, None),
        ("en", "upwards of 1,000 people", "more_than", 1000, None),
        ("en", "at least 20 people", "at_least", 20, None),
        ("en", "up to 700 workers", "up_to", None, 700),
        ("en", "at most 30 people", "up_to", None, 30),
        ("en", "fewer than 10 people", "less_than", None, 10),
        ("en", "under 18 people", "less_than", None, 18),
        ("en", "500 or more people", "at_least", 500, None),
        ("en", "1,000+ people", "at_least", 1000, None),
        ("en", "200 or so people", "approx", 180, 220),
    ],
)
def test_qualifiers_become_intervals(
    lang: str, text: str, qualifier: str, low: float | None, high: float | None
) -> None:
    m = only(text, lang)
    assert (m.qualifier, m.value) == (qualifier, Interval(low, high))
    assert m.qualifier in QUALIFIERS


def test_the_match_covers_the_qualifier_words_and_the_figure_after_them() -> None:
    text = "Début novembre, la Corée du Sud a affirmé qu'environ 5.000 soldats avaient été envoyés."
    m = only(text, "fr")
    assert m.text == "environ 5.000"
    assert text[m.number_start : m.number_end] == "5.000"
    assert text[m.number_end :].startswith(" soldats")


def test_in_addition_to_is_not_more_than() -> None:
    m = only("en plus de « 1 000 sapeurs »", "fr")
    assert (m.qualifier, m.value, m.text) == ("exact", Interval(1000, 1000), "1 000")


def test_a_qualifier_after_one_figure_does_not_steal_the_next_ones() -> None:
    found = find_numbers("moins de 10 et plus de 40", "fr")
    assert [(m.qualifier, m.value) for m in found] == [
        ("less_than", Interval(None, 10)),
        ("more_than", Interval(40, None)),
    ]


# --------------------------------------------------------------------------------------------
# Ranges


@pytest.mark.parametrize(
    ("lang", "text", "match", "low", "high"),
    [
        ("fr", "entre 10 000 et 12 000 soldats", "entre 10 000 et 12 000", 10000, 12000),
        ("fr", "de 10 000 à 12 000 soldats", "de 10 000 à 12 000", 10000, 12000),
        ("fr", "10 000 à 12 000 soldats", "10 000 à 12 000", 10000, 12000),
        ("fr", "10 à 12 000 soldats", "10 à 12 000", 10000, 12000),
        ("fr", "2 à 3 millions de personnes", "2 à 3 millions", 2_000_000, 3_000_000),
        ("fr", "environ 10 000 à 12 000 soldats", "environ 10 000 à 12 000", 10000, 12000),
        ("fr", "de 1500 à 2000 soldats", "de 1500 à 2000", 1500, 2000),
        ("fr", "entre deux et trois cents soldats", "entre deux et trois cents", 200, 300),
        ("fr", "40 à 45 % des votes", "40 à 45 %", 40, 45),
        ("en", "between 10,000 and 12,000 troops", "between 10,000 and 12,000", 10000, 12000),
        ("en", "from 10,000 to 12,000 troops", "from 10,000 to 12,000", 10000, 12000),
        ("en", "10,000-12,000 troops", "10,000-12,000", 10000, 12000),
        ("en", "10–12,000 troops", "10–12,000", 10000, 12000),
        ("en", "5k-20k runners", "5k-20k", 5000, 20000),
    ],
)
def test_ranges(lang: str, text: str, match: str, low: float, high: float) -> None:
    m = only(text, lang)
    assert (m.text, m.qualifier, m.value, m.point) == (match, "range", Interval(low, high), low)


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("fr", "Le nombre est passé de 200 à 300 en 2008", [200, 300]),  # a change, two figures
        ("en", "Casualties rose from 300 to 3,000", [300, 3000]),
        ("en", "The vote was 52 to 48", [52, 48]),  # not low to high: a score
        ("fr", "entre 2022 et 2024", []),  # years
    ],
)
def test_what_only_looks_like_a_range(lang: str, text: str, values: list[float]) -> None:
    found = find_numbers(text, lang)
    assert [m.point for m in found] == values
    assert all(m.qualifier == "exact" for m in found)


# --------------------------------------------------------------------------------------------
# Percentages and shares


@pytest.mark.parametrize(
    ("lang", "text", "qualifier", "low", "high"),
    [
        ("fr", "40 % des soldats", "exact", 40, 40),
        ("fr", f"40{NNBSP}% des soldats", "exact", 40, 40),
        ("fr", "40% des soldats", "exact", 40, 40),
        ("fr", "40 pour cent des soldats", "exact", 40, 40),
        ("fr", "vingt pour cent des soldats", "exact", 20, 20),
        ("fr", "près de 40 % des soldats", "approx", 36, 40),
        ("fr", "plus de la moitié de ces troupes", "more_than", 50, 100),
        ("fr", "la moitié des soldats", "exact", 50, 50),
        ("fr", "un tiers des soldats", "exact", 100 / 3, 100 / 3),
        ("fr", "les deux tiers des soldats", "exact", 200 / 3, 200 / 3),
        ("fr", "un quart des soldats", "exact", 25, 25),
        ("fr", "un Français sur trois", "exact", 100 / 3, 100 / 3),
        ("fr", "8 sur 10", "exact", 80, 80),
        ("en", "40 percent of the troops", "exact", 40, 40),
        ("en", "nearly 40% of the troops", "approx", 36, 40),
        ("en", "half of the troops", "exact", 50, 50),
        ("en", "half the troops", "exact", 50, 50),
        ("en", "more than half were killed", "more_than", 50, 100),
        ("en", "a third of the troops", "exact", 100 / 3, 100 / 3),
        ("en", "two-thirds of them", "exact", 200 / 3, 200 / 3),
        ("en", "a quarter of the men", "exact", 25, 25),
        ("en", "one in five Americans", "exact", 20, 20),
    ],
)
def test_percentages_and_shares(lang: str, text: str, qualifier: str, low: float, high: float) -> None:
    m = only(text, lang)
    assert (m.unit, m.qualifier) == ("percent", qualifier)
    assert m.value.low == pytest.approx(low, rel=1e-6) and m.value.high == pytest.approx(high, rel=1e-6)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "un quart d'heure"),
        ("fr", "un quart de siècle"),
        ("fr", "les quarts de finale"),
        ("fr", "un tiers payant"),
        ("fr", "à moitié vide"),
        ("en", "in the first half of 2024"),
        ("en", "half an hour"),
        ("en", "a third time"),
    ],
)
def test_words_of_shares_that_are_not_shares(lang: str, text: str) -> None:
    assert all(m.unit == "count" for m in find_numbers(text, lang))
    assert not any(m.unit == "percent" for m in find_numbers(text, lang))


def test_percentage_points_are_not_a_share() -> None:
    assert all(m.unit == "count" for m in find_numbers("down 2 percentage points", "en"))


def test_a_ratio_needs_a_small_first_figure() -> None:
    assert [m.point for m in find_numbers("6 000 sur 11 000", "fr")] == [6000, 11000]
    assert [m.point for m in find_numbers("12 in six boxes", "en")] == [12, 6]
    assert [m.unit for m in find_numbers("une attaque sur deux fronts", "fr")] == ["count"]


# --------------------------------------------------------------------------------------------
# What is not a quantity


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "en 2024"),
        ("fr", "2024"),
        ("en", "in 2025"),
        ("en", "the 1990s"),
        ("fr", "les années 90"),
        ("fr", "14/11/2025"),
        ("fr", "2025-06-17"),
        ("fr", "14.11.2025"),
        ("fr", "17 juin"),
        ("fr", "le 26 avril 2025"),
        ("fr", "vendredi 14 novembre"),
        ("fr", "du 17 au 20 juin"),
        ("en", "June 17"),
        ("en", "Sept. 11"),
        ("en", "17-18 June"),
        ("fr", "11:15"),
        ("fr", "11h15"),
        ("fr", "16:16:00"),
        ("fr", "à 18 h 05"),
        ("fr", "à 11 heures"),
        ("en", "at 3 p.m."),
        ("fr", "tél. 01 23 45 67 89"),
        ("fr", "+33 6 12 34 56 78"),
        ("en", "+1-222-2222/2222"),
        ("fr", "article 4"),
        ("fr", "n° 12"),
        ("fr", "la loi n° 2024-123"),
        ("en", "No. 10"),
        ("fr", "1. Les soldats"),
        ("fr", "âgé de 25 ans"),
        ("fr", "un soldat de 19 ans"),
        ("fr", "Jean Dupont, 45 ans, a été tué"),
        ("en", "a 25-year-old soldier"),
        ("en", "aged 25"),
        ("en", "25 years old"),
        ("en", "John Smith, 45, said"),
        ("fr", "le 1er juin, la 2e fois"),
        ("en", "the 3rd time, the 21st century"),
        ("fr", "la deuxième fois"),
        ("fr", "5 €"),
        ("fr", "3 euros"),
        ("fr", "3 millions d'euros"),
        ("en", "$3"),
        ("en", "5 dollars"),
        ("en", "$3 billion"),
        ("fr", "Abonnez-vous pour 1 € le premier mois"),
        ("fr", "192.168.1.2"),
        ("fr", "https://www.lexpress.fr/monde/asie/guerre-BRV5MC7CAJ/123456"),
        ("fr", "écrire à jean.dupont2024@example.com"),
        ("fr", "BRV5MC7CAJCPTOGG4QMEFH2X3A"),
        ("fr", "29km, 180ml, 10kg"),
        ("en", "F-16, Covid-19, Su-25, KN-23, mi-2024"),
        ("en", "the G7 and 5G"),
        ("fr", "12 commentaires, 3 partages"),
        ("en", "the 2024 election"),
        ("fr", "à bord du Boeing 737."),
        ("fr", "selon France 24."),
        ("fr", "25°C"),
        ("fr", "24/7"),
        ("fr", "la note [12]"),
    ],
)
def test_not_quantities(lang: str, text: str) -> None:
    assert find_numbers(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("fr", "1500 soldats", 1500),  # a bare 4-digit number followed by what it counts
        ("fr", "2000 soldats ont été envoyés", 2000),
        ("fr", "plus de 1500 soldats", 1500),
        ("fr", "supérieur à 1000 et inférieur à 1500", 1000),
        ("en", "1500 soldiers", 1500),
        ("en", "more than 2000 troops", 2000),
        ("en", "20 may have died", 20),  # "may" without its capital is no month
        ("fr", "depuis plus de trois ans", 3),  # a duration is a quantity; an age is not
        ("fr", "condamné à 15 ans de prison", 15),
    ],
)
def test_counts_that_look_like_years_dates_or_ages(lang: str, text: str, value: float) -> None:
    assert find_numbers(text, lang)[0].point == value


def test_a_bare_year_like_number_before_a_noun_is_still_a_year_in_english() -> None:
    # English puts years before nouns; only a qualifier makes 1900–2100 a count there.
    assert find_numbers("2000 soldiers", "en") == []
    assert find_numbers("en 1500", "fr") == []


# --------------------------------------------------------------------------------------------
# The API's contract


def test_offsets_stay_relative_to_the_whole_text_when_a_window_is_given() -> None:
    text = "Intro: 3 000 soldats. Puis environ 5 000 soldats. Enfin 7 000 soldats."
    lo = text.index("Puis")
    hi = text.index("Enfin")
    found = find_numbers(text, "fr", lo, hi)
    assert [m.text for m in found] == ["environ 5 000"]
    assert text[found[0].start : found[0].end] == "environ 5 000"
    assert find_numbers(text, "fr", hi, hi) == []


def test_a_qualifier_outside_the_window_is_not_taken() -> None:
    text = "plus de 500 soldats"
    m = only(text, "fr")
    assert m.qualifier == "more_than"
    windowed = find_numbers(text, "fr", text.index("500"))
    assert [(w.text, w.start) for w in windowed] == [("500", text.index("500"))]


def test_a_seed_article_gives_its_figures_and_nothing_else() -> None:
    text = (SEEDS / "003_9904597a1dd22de6.txt").read_text(encoding="utf-8")
    found = [(m.text, m.qualifier) for m in find_numbers(text, "fr")]
    assert found == [
        ("Plus de 6 000", "more_than"),
        ("11 000", "exact"),
        ("environ 11 000", "approx"),
        ("plus de la moitié", "more_than"),
        ("près de huit", "approx"),
        ("environ 3 000", "approx"),
        ("5 000", "exact"),
        ("1 000", "exact"),
        ("Cinq mille", "exact"),
        ("1 000", "exact"),
    ]


@pytest.mark.parametrize(
    ("s", "lang", "value"),
    [
        ("11 000", "fr", 11000),
        (f"11{NBSP}000", "fr", 11000),
        ("1,5 million", "fr", 1_500_000),
        ("quatorze mille", "fr", 14000),
        ("un millier", "fr", 1000),
        ("2.3 million", "en", 2_300_000),
        ("eleven thousand", "en", 11000),
        ("one", "en", 1),
        ("2024", "fr", 2024),
        ("5.000", "fr", 5000),
        ("5.000", "en", None),
        ("environ 11 000", "fr", None),
        ("11 000 soldats", "fr", None),
        ("40 %", "fr", None),
        ("soldats", "fr", None),
        ("", "fr", None),
    ],
)
def test_parse_number(s: str, lang: str, value: float | None) -> None:
    assert parse_number(s, lang) == value


def test_the_vocabulary_can_be_extended_with_a_data_file(tmp_path: Path) -> None:
    (tmp_path / "qualifiers.yaml").write_text(
        'before:\n  fr:\n    "pas loin de": {qualifier: approx, low: 0.8, high: 1.0}\n', encoding="utf-8"
    )
    (tmp_path / "number_words.yaml").write_text("fr:\n  collective: {huitaine: 8}\n", encoding="utf-8")
    lexicon = load_number_lexicon(tmp_path)
    m = find_numbers("pas loin de 100 soldats et une huitaine de morts", "fr", lexicon=lexicon)
    assert [(x.qualifier, x.value) for x in m] == [("approx", Interval(80, 100)), ("approx", Interval(6.4, 9.6))]


def test_a_language_is_added_with_data_files_only(tmp_path: Path) -> None:
    (tmp_path / "number_words.yaml").write_text(
        "es:\n"
        "  words: [uno, una, dos, tres, cinco, diez, veinte, cien, mil, millón, millones]\n"
        "  joiners: [y]\n"
        "  articles: [un, una]\n"
        "  scales: {mil: 1000, millón: 1.0e+6, millones: 1.0e+6}\n"
        "  not_alone: [un, una, uno, millón, millones]\n",
        encoding="utf-8",
    )
    (tmp_path / "qualifiers.yaml").write_text(
        'before:\n  es:\n    "más de": more_than\n    unos: approx\n', encoding="utf-8"
    )
    lexicon = load_number_lexicon(tmp_path)
    text = "Más de cinco mil soldados, unos 3.000 civiles y 1,5 millones de personas."
    found = [(m.text, m.qualifier, m.point) for m in find_numbers(text, "es", lexicon=lexicon)]
    assert found == [
        ("Más de cinco mil", "more_than", 5000),
        ("unos 3.000", "approx", 3000),
        ("1,5 millones", "exact", 1_500_000),
    ]


def test_a_yaml_boolean_in_the_vocabulary_is_reported(tmp_path: Path) -> None:
    (tmp_path / "number_words.yaml").write_text(
        "not_quantities:\n  not_counted:\n    en: [on, off]\n", encoding="utf-8"
    )
    with pytest.raises(InputError, match="quotes"):
        load_number_lexicon(tmp_path)


# --------------------------------------------------------------------------------------------
# Properties

FR_UNITS = "zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize".split()
FR_TENS = {2: "vingt", 3: "trente", 4: "quarante", 5: "cinquante", 6: "soixante"}
EN_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen"
).split()
EN_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}


def fr_below_100(n: int) -> str:
    if n < 17:
        return FR_UNITS[n]
    if n < 20:
        return "dix-" + FR_UNITS[n - 10]
    if n < 70:
        tens, unit = divmod(n, 10)
        return FR_TENS[tens] + ("" if unit == 0 else " et un" if unit == 1 else "-" + FR_UNITS[unit])
    if n < 80:
        return "soixante et onze" if n == 71 else "soixante-" + fr_below_100(n - 60)
    return "quatre-vingts" if n == 80 else "quatre-vingt-" + fr_below_100(n - 80)


def fr_below_1000(n: int, before_mille: bool = False) -> str:
    hundreds, rest = divmod(n, 100)
    tail = "quatre-vingt" if before_mille and rest == 80 else fr_below_100(rest)
    if hundreds == 0:
        return tail
    head = "cent" if hundreds == 1 else FR_UNITS[hundreds] + " cent"
    if rest == 0:
        return head + ("s" if hundreds > 1 and not before_mille else "")
    return f"{head} {tail}"


def fr_words(n: int) -> str:
    """French spelling of n (traditional rules: "quatre-vingts", "deux cents", "mille" invariable)."""
    if n == 0:
        return "zéro"
    parts = []
    for value, one, many in ((10**9, "un milliard", "milliards"), (10**6, "un million", "millions")):
        q, n = divmod(n, value)
        if q:
            parts.append(one if q == 1 else f"{fr_below_1000(q)} {many}")
    q, n = divmod(n, 1000)
    if q:
        parts.append("mille" if q == 1 else fr_below_1000(q, before_mille=True) + " mille")
    if n:
        parts.append(fr_below_1000(n))
    return " ".join(parts)


def en_below_1000(n: int, with_and: bool) -> str:
    hundreds, rest = divmod(n, 100)
    out = [f"{EN_UNITS[hundreds]} hundred"] if hundreds else []
    if rest:
        if hundreds and with_and:
            out.append("and")
        tens, unit = divmod(rest, 10)
        out.append(EN_UNITS[rest] if rest < 20 else EN_TENS[tens] + (f"-{EN_UNITS[unit]}" if unit else ""))
    return " ".join(out)


def en_words(n: int, with_and: bool = False) -> str:
    """English spelling of n, British ("one hundred and six") or American."""
    if n == 0:
        return "zero"
    parts = []
    for value, name in ((10**9, "billion"), (10**6, "million"), (1000, "thousand")):
        q, n = divmod(n, value)
        if q:
            parts.append(f"{en_below_1000(q, with_and)} {name}")
    if n:
        parts.append(en_below_1000(n, with_and))
    return " ".join(parts)


def grouped(n: int, sep: str) -> str:
    return f"{n:,}".replace(",", sep)


STYLES: dict[str, tuple[tuple[str | None, ...], object]] = {
    "plain": (("fr", "en", None, "de"), str),
    "space": (("fr", "en", None), lambda n: grouped(n, " ")),
    "nbsp": (("fr", "en", None), lambda n: grouped(n, NBSP)),
    "nnbsp": (("fr", "en", None), lambda n: grouped(n, NNBSP)),
    "dot thousands": (("fr", None, "de"), lambda n: grouped(n, ".")),
    "comma thousands": (("en", None), lambda n: grouped(n, ",")),
    "spelled fr": (("fr", None), fr_words),
    "spelled en": (("en", None), en_words),
    "spelled en with and": (("en", None), lambda n: en_words(n, True)),
}


@settings(max_examples=300, deadline=None)
@given(n=st.integers(0, 10**9), style=st.sampled_from(sorted(STYLES)), data=st.data())
@pytest.mark.slow
def test_any_integer_in_any_supported_style_parses_back(n: int, style: str, data: st.DataObject) -> None:
    langs, fmt = STYLES[style]
    lang = data.draw(st.sampled_from(langs))
    written = fmt(n)  # type: ignore[operator]
    assert parse_number(written, lang) == n, written


@settings(max_examples=200, deadline=None)
@given(n=st.integers(1000, 10**9), sep=st.sampled_from([" ", NBSP, NNBSP, "."]))
def test_a_grouped_count_in_a_french_sentence_is_found_with_its_value(n: int, sep: str) -> None:
    text = f"Selon Séoul, {grouped(n, sep)} soldats ont été déployés."
    m = only(text, "fr")
    assert (m.point, m.qualifier, m.unit) == (n, "exact", "count")


@settings(max_examples=200, deadline=None)
@given(n=st.integers(2, 10**9), lang=st.sampled_from(["fr", "en"]))
@pytest.mark.slow
def test_a_spelled_count_in_a_sentence_is_found_with_its_value(n: int, lang: str) -> None:
    if lang == "fr":
        text = f"Selon Séoul, {fr_words(n)} soldats ont été déployés."
    else:
        text = f"Seoul said {en_words(n)} troops were sent."
    m = only(text, lang)
    assert (m.point, m.qualifier, m.unit) == (n, "exact", "count")


def check_invariants(text: str, found: list[NumberMatch], lo: int = 0, hi: int | None = None) -> None:
    hi = len(text) if hi is None else hi
    last_end = lo
    for m in found:
        assert lo <= m.start < m.end <= hi
        assert m.start >= last_end  # sorted, non-overlapping
        assert text[m.start : m.end] == m.text
        assert m.start <= m.number_start < m.number_end <= m.end
        assert m.qualifier in QUALIFIERS and m.unit in ("count", "percent")
        assert m.value.low is None or m.value.high is None or m.value.low <= m.value.high
        last_end = m.end


LANGS = st.sampled_from(["fr", "en", None, "de"])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.text(), lang=LANGS)
@pytest.mark.slow
def test_find_numbers_never_fails_on_any_text(text: str, lang: str | None) -> None:
    check_invariants(text, find_numbers(text, lang))


PIECES = [
    "11", "000", "1", "5", "2024", "1500", "0", "12", " ", " ", NBSP, NNBSP, ".", ",", "-", "–", "/", ":",
    "%", "'", "’", "«", "»", '"', "(", ")", "+", "€", "$", "\n", "k", "M", "h", "er", "e", "soldats",
    "troops", "de", "d'", "à", "et", "and", "to", "entre", "between", "plus", "more", "than", "environ",
    "about", "près", "moins", "up", "jusqu'à", "la", "moitié", "half", "of", "un", "une", "a", "one", "deux",
    "vingt", "cent", "mille", "million", "millions", "milliard", "thousand", "hundred", "des", "milliers",
    "centaines", "dizaine", "plusieurs", "thousands", "dozens", "sur", "in", "tiers", "quart", "juin", "June",
    "en", "ans", "years", "old", "article", "n°", "ou", "or", "pour", "percent", "cent", "demi", "et demi",
    "http://", "www.", "@",
]


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(st.sampled_from(PIECES), max_size=40),
    lang=LANGS,
    cut=st.tuples(st.integers(0, 200), st.integers(0, 200)),
)
@pytest.mark.slow
def test_find_numbers_keeps_its_contract_on_number_like_text(
    pieces: list[str], lang: str | None, cut: tuple[int, int]
) -> None:
    text = "".join(pieces)
    check_invariants(text, find_numbers(text, lang))
    lo, hi = sorted(cut)
    hi = min(hi, len(text))
    lo = min(lo, hi)
    check_invariants(text, find_numbers(text, lang, lo, hi), lo, hi)
