"""Dates of an event and magnitudes of agencies, in fr/en/de/es (invented sentences).

- A time followed by "after/après/nach/tras" and the event noun ("as of 8 a.m. on Tuesday,
  after a series of earthquakes") is later than the event: the count's day, never its date.
- An event noun with its own magnitude well below the article's largest ("a 4.8-magnitude
  earthquake hit … on Thursday" in an article on a 6.9 quake) is a smaller shock of the
  series: its day is not the main shock's date. Two agencies' values (7.5, 7.6) stay one shock.
- Two values an article gives each with its agency ("6.8 according to the USGS and 6.9
  according to the EMSC") are a dispute; the same values given without a source elsewhere are
  those agencies' figures, never a contradiction. Without such an article they still contradict.
- A revision stated in one sentence ("lowered the number from 61 to 38") is no finding unless
  another article still gives the replaced figure.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract.claims import extract_claims
from consistency.model import Claim, Document
from tests.sentences import findings, findings_and_claims

DAY = dt.date(2025, 3, 6)  # a Thursday


def _dates(text: str, lang: str, day: dt.date = DAY) -> list[Claim]:
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=day)
    return [c for c in extract_claims(doc) if c.kind == "date"]


def _days(text: str, lang: str) -> set[dt.date | None]:
    return {c.value.low for c in _dates(text, lang)}  # type: ignore[union-attr]


# --- a time after the event ---------------------------------------------------------------------

LATER = [
    ("The death toll rose to 52 as of 8 a.m. local time on Wednesday, after a series of earthquakes struck "
     "the island, officials said.", "en"),
    ("The toll stood at 70 on Wednesday after the earthquake, rescuers said.", "en"),
    ("Le bilan est monté à 70 morts mercredi à 8 heures, après une série de séismes, selon les autorités.", "fr"),
    ("Die Zahl der Toten stieg am Mittwoch nach dem Erdbeben auf 70, teilten die Behörden mit.", "de"),
    ("La cifra de muertos subió a 70 el miércoles, tras el terremoto, según las autoridades.", "es"),
]


@pytest.mark.parametrize(("text", "lang"), LATER)
def test_a_time_before_after_and_the_event_noun_never_dates_the_event(text: str, lang: str) -> None:
    assert dt.date(2025, 3, 5) not in _days(text, lang)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("On Wednesday, an earthquake struck the island, killing 70 people.", "en"),
        ("Mercredi, un séisme a frappé l'île, faisant 70 morts.", "fr"),
        ("Am Mittwoch erschütterte ein Erdbeben die Insel.", "de"),
        ("El miércoles, un terremoto sacudió la isla y dejó 70 muertos.", "es"),
    ],
)
def test_a_time_that_opens_the_event_clause_still_dates_it(text: str, lang: str) -> None:
    assert dt.date(2025, 3, 5) in _days(text, lang)


def test_the_event_date_after_the_noun_is_kept_beside_a_later_time() -> None:
    text = "Le bilan est monté à 70 morts mercredi à 8 heures, après une série de séismes qui a frappé l'île dimanche."
    assert _days(text, "fr") == {dt.date(2025, 3, 2)}


# --- a smaller shock of the series ----------------------------------------------------------------

SMALLER = {
    "en": ("A 6.9-magnitude earthquake struck the island on Sunday, killing dozens.",
           "The institute said a 4.8-magnitude earthquake hit the island at 6:40 a.m. on Thursday."),
    "fr": ("Dimanche, un séisme de magnitude 6,9 a frappé l'île, faisant des dizaines de morts.",
           "Jeudi à 6h40, un séisme de magnitude 4,8 a secoué l'île, selon l'institut."),
    "de": ("Am Sonntag erschütterte ein Erdbeben der Stärke 6,9 die Insel.",
           "Am Donnerstag um 6.40 Uhr erschütterte ein Erdbeben der Stärke 4,8 die Insel."),
    "es": ("El domingo, un terremoto de magnitud 6,9 sacudió la isla y dejó decenas de muertos.",
           "El jueves a las 6.40, un sismo de magnitud 4,8 sacudió la isla, según el instituto."),
}


@pytest.mark.parametrize("lang", sorted(SMALLER))
def test_a_smaller_shock_on_another_day_never_dates_the_main_shock(lang: str) -> None:
    main, smaller = SMALLER[lang]
    days = _days(f"{smaller}\n\n{main}", lang)
    assert dt.date(2025, 3, 6) not in days
    assert dt.date(2025, 3, 2) in days


@pytest.mark.parametrize("lang", sorted(SMALLER))
def test_the_only_shock_of_an_article_keeps_its_date(lang: str) -> None:
    _, smaller = SMALLER[lang]
    assert dt.date(2025, 3, 6) in _days(smaller, lang)


def test_two_agencies_magnitudes_are_one_shock_and_keep_its_date() -> None:
    text = ("A 7.5-magnitude earthquake struck the island on Thursday, the USGS said.\n\n"
            "The Japan Meteorological Agency put the magnitude at 7.6.")
    assert dt.date(2025, 3, 6) in _days(text, "en")


# --- magnitudes of two agencies -------------------------------------------------------------------

BOTH = {
    "fr": "Le séisme de dimanche en Crète était de magnitude 6,8 selon l'USGS et de magnitude 6,9 selon le CSEM.",
    "en": "The quake that hit Crete on Sunday had a magnitude of 6.8, according to the USGS, and a magnitude of 6.9, "
          "according to the EMSC.",
    "es": "El sismo del domingo en Creta tuvo una magnitud de 6,8 según el USGS y una magnitud de 6,9 según el CSEM.",
}
LOWER = "Crete quake\nIsland Wire, March 4, 2025\n\nThe 6.8-magnitude earthquake that struck Crete on Sunday was followed by hundreds of aftershocks.\n"
HIGHER = "Crete quake kills dozens\nAegean Daily, March 3, 2025\n\nA 6.9 magnitude earthquake struck Crete on Sunday, killing dozens.\n"
LOWER_FR = ("Crète : des centaines de répliques\nLa Gazette, publié le 4 mars 2025\n\n"
            "Le séisme de magnitude 6,8 qui a frappé la Crète dimanche a été suivi de centaines de répliques.\n")


@pytest.mark.parametrize("lang", sorted(BOTH))
def test_values_an_article_gives_with_their_agencies_are_a_dispute_not_a_contradiction(tmp_path: Path, lang: str) -> None:
    found = findings(tmp_path, {"1.txt": f"Crete quake\nLe Courrier, March 3, 2025\n\n{BOTH[lang]}\n",
                                "2.txt": LOWER_FR, "3.txt": HIGHER})
    assert not [f for f in found if f.rule == "quantity-contradiction"], [f.message for f in found]
    assert [f for f in found if f.rule == "attribution-dispute"]


def test_two_outlets_unsourced_magnitudes_still_contradict(tmp_path: Path) -> None:
    found = findings(tmp_path, {"2.txt": LOWER_FR, "3.txt": HIGHER})
    assert [f for f in found if f.rule == "quantity-contradiction"]


# --- a revision stated in one sentence ------------------------------------------------------------

REVISED = {
    "en": "On Oct. 18, the county announced an error in the death toll and lowered the number from 61 to 38.",
    "fr": "Le 18 octobre, la préfecture a annoncé une erreur et a abaissé le bilan de 61 à 38 morts.",
    "de": "Am 18. Oktober korrigierte der Landkreis die Zahl der Toten von 61 auf 38 nach unten.",
    "es": "El 18 de octubre, el condado anunció un error y rebajó la cifra de muertos de 61 a 38.",
}


@pytest.mark.parametrize("lang", sorted(REVISED))
def test_a_revision_stated_in_one_sentence_alone_is_no_finding(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"1.txt": f"Storm toll corrected\nOctober 20, 2025\n\n{REVISED[lang]}\n"})
    assert any(c.measure == "superseded" and c.value.low == 61 for c in claims.values())
    assert not [f for f in found if f.kind == "contradiction"], [f.message for f in found]
