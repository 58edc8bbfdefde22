"""Recap paragraphs and counts lowered later, in fr/en/de/es (invented sentences).

A time right after a figure's source dates that figure ("2,1 millions selon l'intersyndicale
le 29 avril"), not the day the paragraph opened on. A sentence opening on a pronoun that
stands for the day the sentence before closed on ("… la journée du 29 avril. Celle-ci avait
rassemblé …") takes that day. A German day with its ordinal dot ("Am 29. April hatten …") does
not end the sentence. A figure the text says was lowered afterwards ("initially said 140 …
before later lowering the total") is withdrawn: the first lower figure given after it is
reported as a revision."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from consistency.model import Claim
from tests import sentences

DAY = dt.date(2025, 5, 17)
figures = functools.partial(sentences.figures, day=DAY)
by_value = sentences.exact
run = sentences.findings_and_claims
PEAK = dt.date(2025, 4, 29)
EARLIER = dt.date(2025, 4, 8)


def day_of(claim: Claim) -> dt.date | None:
    return claim.time.low if claim.time is not None else None


# --- a time right after a figure's source ------------------------------------------------------

RECAPS = [
    ("Le 8 avril, la police avait compté 700.000 manifestants. En trois semaines, la mobilisation a reculé, "
     "après 950.000 manifestants selon la police et 2,1 millions selon l'intersyndicale le 29 avril.", "fr"),
    ("On April 8, the police had counted 700,000 marchers. Turnout has fallen since the peak of 950,000 marchers "
     "according to the police and 2.1 million according to the unions on April 29.", "en"),
    ("Am 8. April hatte die Polizei 700.000 Demonstranten gezählt. Der Höhepunkt lag bei 950.000 Demonstranten "
     "laut Polizei und 2,1 Millionen laut den Gewerkschaften am 29. April.", "de"),
    ("El 8 de abril, la policía había contado 700.000 manifestantes. La movilización ha bajado desde el máximo de "
     "950.000 manifestantes según la policía y 2,1 millones según los sindicatos el 29 de abril.", "es"),
]


@pytest.mark.parametrize("text,lang", RECAPS)
def test_a_day_right_after_a_figures_source_dates_that_figure_and_the_one_before(text, lang):
    claims = figures(text, lang)
    assert day_of(by_value(claims, 700_000)) == EARLIER
    assert day_of(by_value(claims, 950_000)) == PEAK
    unions = by_value(claims, 2_100_000)
    assert day_of(unions) == PEAK  # not the day the paragraph opened on
    assert unions.attributed_to == "unions"


def test_a_source_set_off_by_a_comma_does_not_take_the_next_clauses_day():
    claims = figures("La police a compté 950.000 manifestants, selon la préfecture, et la CGT 2,1 millions le 29 avril.", "fr")
    assert day_of(by_value(claims, 950_000)) != PEAK


# --- a pronoun standing for the day just named -------------------------------------------------

PRONOUNS = [
    ("C'est moins que la journée du 29 avril. Celle-ci avait rassemblé 950.000 manifestants selon la police, "
     "2,1 millions selon l'intersyndicale.", "fr"),
    ("That is fewer than the rally of April 29. That one had drawn 950,000 marchers according to the police.", "en"),
    ("Das ist weniger als beim Protesttag am 29. April. Dieser hatte 950.000 Demonstranten laut Polizei angezogen.", "de"),
    ("Es menos que la jornada del 29 de abril. Esta había reunido 950.000 manifestantes según la policía.", "es"),
]


@pytest.mark.parametrize("text,lang", PRONOUNS)
def test_a_sentence_opening_on_a_pronoun_for_the_day_just_named_takes_that_day(text, lang):
    claims = figures(text, lang)
    assert day_of(by_value(claims, 950_000)) == PEAK
    assert all(day_of(c) == PEAK for c in claims if c.kind == "quantity")


def test_this_one_set_against_an_earlier_day_is_the_current_event_not_that_day():
    claims = figures("The storm was stronger than the one of April 29. This one killed 31 people in the valley.", "en")
    assert day_of(by_value(claims, 31)) != PEAK


def test_a_pronoun_after_a_sentence_that_does_not_close_on_a_day_takes_no_day():
    claims = figures("La CGT a réuni ses militants le 29 avril à Lyon. Celle-ci revendique 610.000 adhérents.", "fr")
    assert all(day_of(c) != PEAK for c in claims if c.kind == "quantity" and c.value.low == 610_000)  # type: ignore[union-attr]


# --- a German day with its ordinal dot ----------------------------------------------------------

def test_a_german_day_opening_a_sentence_before_an_inverted_verb_dates_its_figure():
    claims = figures("Am Donnerstag zählte die Polizei 500.000 Demonstranten. "
                     "Am 29. April hatten die Behörden 950.000 Demonstranten gezählt.", "de")
    assert day_of(by_value(claims, 500_000)) == dt.date(2025, 5, 15)  # not the next sentence's day
    assert day_of(by_value(claims, 950_000)) == PEAK


def test_a_german_day_in_mid_sentence_keeps_the_sentence_whole():
    claims = figures("Die Polizei zählte am 29. April laut eigenen Angaben 950.000 Demonstranten.", "de")
    found = by_value(claims, 950_000)
    assert day_of(found) == PEAK
    assert found.attributed_to == "police"


# --- a count lowered later ----------------------------------------------------------------------

LOWERED = [
    ("Officials initially said 140 people were injured as of Saturday night before later lowering the total.", "en"),
    ("Les autorités avaient d'abord fait état de 140 blessés samedi soir, avant de revoir ce chiffre à la baisse.", "fr"),
    ("Die Behörden hatten zunächst von 140 Verletzten gesprochen, die Zahl wurde später nach unten korrigiert.", "de"),
    ("Las autoridades informaron inicialmente de 140 heridos el sábado por la noche, cifra que luego rebajaron.", "es"),
]


@pytest.mark.parametrize("text,lang", LOWERED)
def test_a_figure_the_text_says_was_lowered_later_is_withdrawn(text, lang):
    assert by_value(figures(text, lang), 140).measure == "superseded"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Les autorités avaient d'abord fait état de 140 blessés samedi soir, un chiffre depuis revu à la hausse.", "fr"),
        ("Officials said 140 people were injured on Saturday and later lowered the barriers around the site.", "en"),
        ("Die Behörden hatten 140 Verletzte gemeldet, die Zahl wurde später nach oben korrigiert.", "de"),
    ],
)
def test_a_figure_raised_later_or_never_said_to_come_first_stays_a_count(text, lang):
    assert by_value(figures(text, lang), 140).measure != "superseded"


LOWERED_STORIES = {
    "en": ("Stand collapse in Leeds: 140 injured\nMorning Star — November 2, 2025, 8:00 a.m.\n\n"
           "The collapse of a stand at the stadium in Leeds injured 140 people, the city council said.\n",
           "Leeds stand collapse: injured count revised\nEvening Post — November 3, 2025, 6:00 p.m.\n\n"
           "The city council initially said 140 people were injured in Leeds on Saturday night before later lowering "
           "the total.\n\nOn Sunday, the city council counted 75 people injured in Leeds.\n"),
    "fr": ("Effondrement d'une tribune à Rouen : 140 blessés\nLe Matin — Publié le dimanche 2 novembre 2025 à 08h00\n\n"
           "L'effondrement d'une tribune du stade de Rouen a fait 140 blessés, selon la préfecture.\n",
           "Rouen : le bilan des blessés revu\nLe Soir — Publié le lundi 3 novembre 2025 à 18h00\n\n"
           "La préfecture avait d'abord fait état de 140 blessés à Rouen samedi soir, avant de revoir ce chiffre à la "
           "baisse.\n\n"
           "Dimanche, la préfecture comptait 75 blessés à Rouen.\n"),
    "de": ("Unwetter im Kreis Euskirchen: Hunderte vermisst\nMorgenblatt — 16.07.2025, 08:00 Uhr\n\n"
           "Nach dem Unwetter im Kreis Euskirchen werden nach Angaben der Kreisverwaltung rund 1.300 Menschen vermisst.\n",
           "Kreis Euskirchen: weniger Vermisste\nAbendblatt — 18.07.2025, 18:00 Uhr\n\n"
           "Die Kreisverwaltung hatte zunächst von 1.300 Vermissten im Kreis Euskirchen gesprochen, die Zahl wurde "
           "später nach unten korrigiert.\n\nAm Freitag galten im Kreis Euskirchen noch 170 Menschen als vermisst, "
           "teilte die Kreisverwaltung mit.\n"),
    "es": ("Derrumbe de una grada en Albacete: 140 heridos\nDiario Norte — 2 de noviembre de 2025 · 08:00\n\n"
           "El derrumbe de una grada del estadio de Albacete dejó 140 heridos, según la Delegación del Gobierno.\n",
           "Albacete rebaja la cifra de heridos\nLa Noche — 3 de noviembre de 2025 · 18:00\n\n"
           "La Delegación del Gobierno informó inicialmente de 140 heridos en Albacete el sábado por la noche, cifra "
           "que luego rebajó.\n\nEl domingo, la Delegación del Gobierno contabilizaba 75 heridos en Albacete.\n"),
}


@pytest.mark.parametrize("lang", sorted(LOWERED_STORIES))
def test_the_first_lower_figure_after_a_stated_lowering_is_reported_as_a_revision(tmp_path, lang):
    first, second = LOWERED_STORIES[lang]
    findings, claims = run(tmp_path, {"1.txt": first, "2.txt": second})
    old, new = (1300, 170) if lang == "de" else (140, 75)
    revisions = [f for f in findings if f.kind == "contradiction" and f"Revision {old:,} → {new}".replace(",", " ") in f.message]
    assert len(revisions) == 1, [(f.kind, f.message) for f in findings]
    sides = [{claims[i].value.low for i in side} for side in revisions[0].sides]  # type: ignore[union-attr]
    assert min(sides[0]) >= (1200 if lang == "de" else 140) and sides[1] == {new}
    assert {claims[i].document for i in revisions[0].sides[0]} == {"1", "2"}  # the first article stands with the old figure
    assert revisions[0].severity.name == "WARNING"
    assert "lowered" in revisions[0].message


def test_a_lower_figure_without_words_of_lowering_is_no_stated_revision(tmp_path):
    first, second = LOWERED_STORIES["fr"]
    second = second.replace("avant de revoir ce chiffre à la baisse", "selon un premier décompte")
    findings, _ = run(tmp_path, {"1.txt": first, "2.txt": second})
    assert not [f for f in findings if "Revision 140 → 75" in f.message]
