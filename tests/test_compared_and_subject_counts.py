"""Two ways real pages give a count without a noun after the figure.

- An earlier figure set against the current one ("rose to 114, up from 111 a day earlier",
  "contre 41 deux jours plus tôt", "frente a los 158 del día anterior"): the same count at the
  time named right after it. Without a time of its own, it has no time, so it is never
  set against today's count.
- The counted subject before a copula ("Les manifestants étaient 450 000", "Protesters
  numbered about 40,000", "Die Teilnehmer waren 20.000", "Los manifestantes eran 450.000"),
  and "ils étaient 37 000 à défiler".

Sentences are invented, in each language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings

FRIDAY = dt.date(2025, 3, 14)

# --- an earlier figure of the same count, with its own time -------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "current", "earlier"),
    [
        ("The death toll from the fire in Corvale rose to 64 on Friday, up from 58 a day earlier, officials said.",
         "en", 64, 58),
        ("Au moins 420 pèlerins sont morts à Dalmène, contre 37 deux jours plus tôt, selon des diplomates.", "fr", 420, 37),
        ("El número de fallecidos por la riada en Orbeta asciende a 96, frente a los 71 del día anterior.", "es", 96, 71),
        ("Die Zahl der Toten in Kesselbrunn ist auf 88 gestiegen, gegenüber 69 am Vortag, teilte die Polizei mit.",
         "de", 88, 69),
    ],
)
def test_an_earlier_figure_set_against_the_count_is_that_count_a_day_or_two_before(
    text: str, lang: str, current: float, earlier: float
) -> None:
    now, before = figure(text, lang, current, FRIDAY), figure(text, lang, earlier, FRIDAY)
    assert (before.category, before.event, before.location) == (now.category, now.event, now.location)
    assert before.time is not None and before.time.low is not None and before.time.low < FRIDAY
    assert before.time_source == "clause"


@pytest.mark.parametrize(
    ("text", "lang", "earlier"),
    [
        ("The death toll from the fire in Corvale rose to 64, up from 58, officials said.", "en", 58),
        ("Au moins 420 pèlerins sont morts à Dalmène, contre 37, selon des diplomates.", "fr", 37),
        ("El número de fallecidos en Orbeta asciende a 96, frente a los 71.", "es", 71),
    ],
)
def test_an_earlier_figure_without_its_time_has_no_time(text: str, lang: str, earlier: float) -> None:
    # When it was counted is not said: it must not stand for today's toll.
    assert all(c.time is None for c in figures(text, lang, FRIDAY) if c.value.low == earlier)


def test_a_noun_right_after_the_earlier_figure_is_another_count() -> None:
    claims = figures("The toll rose to 64 on Friday, up from 58 injured a day earlier.", "en", FRIDAY)
    assert not [c for c in claims if c.value.low == 58 and c.event == "killed"]


def test_the_figure_noun_after_a_number_is_not_who_spoke() -> None:
    claim = figure("Die Zahl der Toten ist auf 88 gestiegen, nach 69 Toten am Vortag, teilte die Polizei mit.",
                   "de", 69, FRIDAY)
    assert claim.attributed_to == "police"


def test_a_toll_and_the_day_before_it_are_an_update_not_a_contradiction(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "thursday.txt": "Fire in Corvale: 58 dead\nPublished Thursday, March 13, 2025\n\n"
                        "The fire in Corvale has killed 58 people, officials said on Thursday.\n",
        "friday.txt": "Fire in Corvale: toll rises\nPublished Friday, March 14, 2025\n\n"
                      "The death toll from the fire in Corvale rose to 64 on Friday, up from 58 a day earlier, "
                      "officials said.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"]


# --- the counted subject before its copula -------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "category"),
    [
        ("Les manifestants étaient 45 000 ce jeudi à Varenne selon la préfecture.", "fr", 45000, "protesters"),
        ("Protesters numbered about 40,000 in Castlebury on Saturday, police said.", "en", 40000, "protesters"),
        ("Die Teilnehmer waren 20.000 am Samstag in Lindenau, so die Polizei.", "de", 20000, "protesters"),
        ("Los manifestantes eran 45.000 el jueves en Varela, según la Delegación del Gobierno.", "es", 45000,
         "protesters"),
        ("Les grévistes étaient 12 000 à la Régie selon la direction.", "fr", 12000, "strikers"),
    ],
)
def test_the_subject_before_its_copula_says_what_is_counted(text: str, lang: str, value: float, category: str) -> None:
    assert figure(text, lang, value).category == category


def test_they_were_so_many_to_march_counts_marchers() -> None:
    claim = figure("À Varenne, ils étaient 37 000 à défiler selon la préfecture.", "fr", 37000)
    assert (claim.category, claim.event) == ("protesters", "demonstrated")


def test_they_were_so_many_takes_the_count_just_given() -> None:
    text = "Les manifestants étaient 45 000 ce jeudi à Varenne selon la préfecture. Ils étaient 130 000 selon les syndicats."
    claim = figure(text, "fr", 130000)
    assert claim.category == "protesters"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Les manifestants sont 3 000 de plus que la semaine dernière.", "fr", 3000),  # a difference
        ("Ils étaient 12 à avoir signé la lettre.", "fr", 12),  # no count before, no verb of what they did
        ("The protesters numbered 40,000 signatures on the petition.", "en", 40000),  # a noun after it counts
    ],
)
def test_not_a_count_of_the_subject(text: str, lang: str, value: float) -> None:
    assert not [c for c in figures(text, lang) if c.value.low == value and c.category == "protesters"]


def test_police_and_unions_counting_the_subject_are_a_dispute(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Mobilisation à Varenne\nPublié le jeudi 13 mars 2025 à 19h02\n\n"
                 "Les manifestants étaient 45 000 ce jeudi à Varenne selon la préfecture. "
                 "Ils étaient 130 000 selon les syndicats.\n",
    })
    assert [f for f in found if f.kind == "dispute"]
    assert not [f for f in found if f.kind == "contradiction"]
