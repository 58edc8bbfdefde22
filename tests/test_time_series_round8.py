"""Times and running counts: a year after a coordinated group of figures dates the whole group,
figures recalled from before the story's event ("Avant ce naufrage") or from "at the time" are
never today's counts, a reporting clause's day dates the statement and not the event, two
counts of one day with no order stated are not set against each other, and a toll the text
says was lowered is a revision. Sentences are invented, in each language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.corpus import boilerplate_spans
from consistency.extract import extract_claims
from consistency.model import Claim, Document
from tests.sentences import exact, figures, findings

DAY = dt.date(2023, 10, 13)


def _year(claim: Claim) -> int | None:
    if claim.time is None or claim.time_source == "as_of" or claim.time.low is None:
        return None
    return claim.time.low.year


# --- a time after a coordinated group dates every figure of the group ---------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La gendarmerie a recensé cinq morts et deux blessés en 2021, après six morts et neuf blessés en 2020.", "fr"),
        ("The coastguard recorded five deaths and two injuries in 2021, after six deaths and nine injuries in 2020.", "en"),
        ("Die Polizei zählte fünf Tote und zwei Verletzte im Jahr 2021, nach sechs Toten und neun Verletzten im Jahr 2020.", "de"),
        ("La Guardia Civil contabilizó cinco muertos y dos heridos en 2021, tras seis muertos y nueve heridos en 2020.", "es"),
    ],
)
def test_a_year_after_a_coordinated_pair_dates_both_figures(text: str, lang: str) -> None:
    claims = figures(text, lang, DAY)
    assert [(c.value.low, _year(c)) for c in claims] == [(5, 2021), (2, 2021), (6, 2020), (9, 2020)]


def test_a_day_after_the_next_clause_still_belongs_to_that_clause() -> None:
    claims = figures("Le bilan s'élève à 12 morts et 40 blessés, et dimanche à 15 morts.", "fr", DAY)
    assert exact(claims, 12).time_source == "as_of"
    assert exact(claims, 15).time_source == "clause"


# --- "before this disaster": the figures of before the story's event ---------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Avant ce naufrage, le bilan humain s'élevait à deux morts et cinq disparus en 2023, après quatre morts et un disparu en 2022.", "fr"),
        ("Before this disaster, the toll stood at two dead and five missing in 2023, after four dead and three missing in 2022.", "en"),
        ("Vor diesem Unglück lag die Bilanz bei zwei Toten und fünf Vermissten im Jahr 2023, nach vier Toten und drei Vermissten im Jahr 2022.", "de"),
        ("Antes de este naufragio, el balance era de dos muertos y cinco desaparecidos en 2023, tras cuatro muertos y tres desaparecidos en 2022.", "es"),
    ],
)
def test_figures_before_this_disaster_are_not_counts_of_today(text: str, lang: str) -> None:
    claims = figures(text, lang, DAY)
    this_year = [c for c in claims if c.value.low in (2, 5)]
    assert this_year and all(c.time is None for c in this_year)
    assert _year(exact(claims, 4)) == 2022  # an earlier year keeps its year


def test_a_toll_before_this_wreck_is_not_a_running_count_that_went_down(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Calais : 14 migrants morts dans un naufrage\n\n12/10/2023\n\n"
                 "Le bilan s'établit à 14 morts et un rescapé.\n"
                 "La préfecture a indiqué jeudi soir que le bilan du naufrage survenu au large de Calais s'élevait à 14 morts.\n",
        "b.txt": "Naufrage au large de Calais : que sait-on ?\n\n13/10/2023\n\n"
                 "Avant ce naufrage, le bilan humain s'élevait à deux morts et cinq disparus en 2023, "
                 "après quatre morts et un disparu en 2022.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"]


# --- "at the time": the time referred to, never the article's day ------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Bei der großen Klimademo am 20. September in Köln waren nach Angaben der Veranstalter 90 000 Menschen dabei, "
         "die Polizei sprach seinerzeit von knapp 40 000.", "de", 36000),
        ("Lors de la grande marche du 20 septembre à Lyon, les organisateurs avaient compté 90 000 personnes, "
         "la police parlait à l'époque de 40 000 manifestants.", "fr", 40000),
        ("En la gran marcha del 20 de septiembre en Sevilla participaron 90.000 personas según los organizadores, "
         "la policía habló en su momento de 40.000 manifestantes.", "es", 40000),
    ],
)
def test_a_figure_given_at_the_time_takes_the_day_the_sentence_named(text: str, lang: str, value: float) -> None:
    claim = next(c for c in figures(text, lang, DAY) if c.value.low == value)
    assert claim.time is not None and claim.time.low == dt.date(2023, 9, 20)


def test_a_figure_given_at_the_time_of_an_unnamed_day_has_no_time() -> None:
    claims = figures("At the big march in Leeds, organisers counted 90,000 people; police at the time spoke of 40,000 protesters.", "en", DAY)
    assert exact(claims, 40000).time is None
    assert exact(claims, 90000).time_source == "as_of"  # its own clause does not look back


# --- a reporting clause's day dates the statement, not the event --------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Deux corps ont été retrouvés dans les décombres de l'immeuble qui s'est effondré lundi dans le quartier de Vaise, "
         "à Lyon, a annoncé la procureure ce vendredi 17 mars.", "fr"),
        ("Two bodies were found in the rubble of the building that collapsed on Monday in the Vaise district, "
         "the prosecutor said on Friday.", "en"),
        ("Zwei Leichen wurden in den Trümmern des Hauses gefunden, das am Montag in Köln eingestürzt war, "
         "sagte die Staatsanwältin am Freitag.", "de"),
        ("Dos cuerpos fueron hallados entre los escombros del edificio que se derrumbó el lunes en el barrio de Triana, "
         "en Sevilla, anunció la fiscal este viernes.", "es"),
    ],
)
def test_one_collapse_gets_one_day_not_the_day_it_was_announced(text: str, lang: str) -> None:
    d = Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2023, 3, 17))
    dates = [c for c in extract_claims(d, noise=boilerplate_spans(d)) if c.kind == "date" and c.event == "collapse"]
    assert [(c.value.low, c.value.high) for c in dates] == [(dt.date(2023, 3, 13), dt.date(2023, 3, 13))]


# --- two counts of one day, no order stated: nothing; a stated lowering: a revision ---------------


def test_two_and_three_buildings_the_same_day_without_order_is_no_contradiction(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Roubaix : deux immeubles s'effondrent\n\nLundi 6 février 2023\n\n"
                 "Deux immeubles se sont effondrés lundi matin dans le centre de Roubaix.\n",
        "b.txt": "Roubaix : ce que l'on sait\n\n07/02/2023\n\n"
                 "Ce lundi 6 février, trois immeubles se sont effondrés dans le centre de Roubaix.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"]


def test_a_larger_toll_the_same_evening_is_an_update(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Roubaix : deux morts\n\nLundi 6 février 2023\n\nDeux personnes sont mortes lundi matin dans le centre de Roubaix.\n",
        "b.txt": "Roubaix : trois morts\n\nLundi 6 février 2023\n\nLundi soir, le bilan est de trois morts dans le centre de Roubaix.\n",
    })
    assert [f.kind for f in found if f.kind in ("update", "contradiction")] == ["update"]


_LOWERED = {
    "fr": ("En début de soirée, la préfète a fait état de 19 morts dans le naufrage au large de Dieppe.",
           "Le bilan du naufrage au large de Dieppe a été revu à la baisse lundi soir et ramené à 16 morts, selon le ministère."),
    "en": ("In the early evening the governor spoke of 19 dead in the shipwreck off Dover.",
           "Late on Monday the death toll of the shipwreck off Dover was revised down to 16 dead, the ministry said."),
    "de": ("Am frühen Abend sprach die Präfektin von 19 Toten beim Schiffsunglück vor Rostock.",
           "Die Zahl der Toten des Schiffsunglücks vor Rostock wurde am Montagabend nach unten korrigiert auf 16 Tote, teilte das Ministerium mit."),
    "es": ("A primera hora de la tarde, la delegada habló de 19 muertos en el naufragio frente a Almería.",
           "El balance del naufragio frente a Almería fue rebajado el lunes por la noche a 16 muertos, según el ministerio."),
}


@pytest.mark.parametrize("lang", sorted(_LOWERED))
def test_a_toll_lowered_the_same_evening_is_reported_as_a_revision(tmp_path: Path, lang: str) -> None:
    early, late = _LOWERED[lang]
    found = findings(tmp_path, {
        "a.txt": f"Dieppe\n\n15/05/2023\n\n{early}\n",
        "b.txt": f"Dieppe\n\n15/05/2023\n\n{late}\n",
    })
    revisions = [f for f in found if f.kind == "contradiction"]
    assert len(revisions) == 1 and revisions[0].message.startswith("Revision 19 → 16"), [f.message for f in found]


def test_a_lower_toll_the_same_day_without_words_of_lowering_is_not_reported(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Dieppe\n\n15/05/2023\n\nDans l'après-midi, 19 migrants sont morts au large de Dieppe lors du chavirage de leur bateau.\n",
        "b.txt": "Dieppe\n\n15/05/2023\n\nLundi, 16 migrants ont perdu la vie au large de Dieppe quand leur bateau a chaviré.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"]
