"""One protest's toll, dates of "since" clauses, "des Landes" (fr/en/de/es, invented sentences).

A toll whose subject is one protest ("la manifestation a fait six morts") is that protest's
share of the unrest's running toll: set against a national toll of weeks it told the reader the
toll "rose", which no one had said. A time inside a "since" clause about another event ("the
second strike since the president took office in March") dated the strike, and two strikes
months apart were said to agree on March. "Teile des Landes" (of the country) was read as the
French département Landes. A period given in the sentence after the figures ("Las cifras cubren
del 1 de marzo al 10 de marzo") is the period they were counted over.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract import extract_claims
from consistency.model import Claim, Document
from tests.sentences import figure, findings_and_claims

ONE_PROTEST = {
    "fr": "La manifestation contre la réforme fiscale a fait au moins huit morts et une trentaine de blessés à Corvana, selon les ONG.",
    "en": "The march against the fuel tax on Tuesday left at least eight dead and some thirty injured in Corvana, according to NGOs.",
    "de": "Die Kundgebung gegen die Steuerreform forderte in Corvana nach Angaben von Hilfsorganisationen mindestens acht Tote und rund dreißig Verletzte.",
    "es": "La marcha contra el impuesto al combustible dejó al menos ocho muertos y una treintena de heridos en Corvana, según las ONG.",
}

MANY_PROTESTS = {
    "fr": "Les manifestations contre la réforme fiscale ont fait au moins huit morts à Corvana, selon les ONG.",
    "en": "The protests against the fuel tax have left at least eight dead in Corvana, according to NGOs.",
    "de": "Die Proteste gegen die Steuerreform forderten in Corvana mindestens acht Tote, teilte die Polizei mit.",
    "es": "Las protestas contra el impuesto al combustible dejaron al menos ocho muertos en Corvana, según las ONG.",
}


@pytest.mark.parametrize("lang", sorted(ONE_PROTEST))
def test_one_protests_toll_is_a_part_of_the_unrests(lang: str) -> None:
    dead = figure(ONE_PROTEST[lang], lang, 8)
    assert (dead.event, dead.measure) == ("killed", "part")
    assert figure(ONE_PROTEST[lang], lang, 30).measure == "part"


@pytest.mark.parametrize("lang", sorted(MANY_PROTESTS))
def test_the_toll_of_the_protests_is_still_the_running_toll(lang: str) -> None:
    dead = figure(MANY_PROTESTS[lang], lang, 8)
    assert (dead.event, dead.measure) == ("killed", "running")


def test_a_figure_in_words_after_a_german_source_is_read() -> None:
    text = "Die Proteste forderten nach Angaben von Hilfsorganisationen mindestens acht Tote."
    assert figure(text, "de", 8).event == "killed"


def _update_values(tmp_path: Path, first: str, later: str) -> list[set[float | None]]:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": f"Unruhen in Corvana\nLe Matin · 12 mars 2025\n\n{first}\n",
        "b.txt": f"Protestas en Corvana\nDiario Sur · 20 de marzo de 2025\n\n{later}\n",
    })
    return [{claims[c].value.low for c in f.claims} for f in found if f.kind == "update"]


NATIONAL = ("La Comisión de Derechos Humanos ha cifrado este lunes en 47 los muertos por la represión "
            "en las protestas en Corvana desde el 1 de marzo.")


def test_one_protests_toll_is_no_step_of_the_national_toll(tmp_path: Path) -> None:
    assert _update_values(tmp_path, ONE_PROTEST["fr"], NATIONAL) == []


def test_a_running_toll_that_rises_is_still_an_update(tmp_path: Path) -> None:
    first = "Les manifestations ont fait au moins huit morts à Corvana depuis le 1er mars, selon la Commission des droits de l'homme."
    assert {8.0, 47.0} in _update_values(tmp_path, first, NATIONAL)


SINCE_OFFICE = {
    "en": ("Unions shut down the ports on Tuesday in the second general strike since President Ana Ruiz took office in March.",
           dt.date(2025, 9, 4)),
    "es": ("Es el segundo paro general convocado por los sindicatos desde que Ana Ruiz asumiera la presidencia en marzo.",
           dt.date(2025, 9, 3)),
    "de": ("Es war der erste Generalstreik seit Amtsübernahme der Präsidentin Ana Ruiz Mitte März.", dt.date(2025, 6, 12)),
    "fr": ("C'est la deuxième grève générale depuis l'arrivée au pouvoir de la présidente Ana Ruiz en mars.", dt.date(2025, 9, 3)),
}


def _dates(text: str, lang: str, day: dt.date) -> list[Claim]:
    d = Document(id="a", path="a.txt", text=f"Titre\n\n{text}\n", language=lang, published=day)
    return [c for c in extract_claims(d) if c.kind == "date"]


@pytest.mark.parametrize("lang", sorted(SINCE_OFFICE))
def test_the_day_of_taking_office_is_not_the_strikes(lang: str) -> None:
    text, day = SINCE_OFFICE[lang]
    assert not [c for c in _dates(text, lang, day) if c.value.low is not None and c.value.low.month == 3]


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "The general strike of 2 September paralysed the ports."),
    ("es", "El paro general del 2 de septiembre paralizó los puertos."),
    ("de", "Der Generalstreik vom 2. September legte die Häfen lahm."),
    ("fr", "La grève générale du 2 septembre a paralysé les ports."),
])
def test_a_strike_dated_in_its_own_clause_keeps_its_date(lang: str, text: str) -> None:
    dates = _dates(text, lang, dt.date(2025, 9, 3))
    assert [(c.event, c.value.low) for c in dates] == [("strike", dt.date(2025, 9, 2))]


def test_the_second_strike_since_taking_office_keeps_its_own_day() -> None:
    text, day = SINCE_OFFICE["en"]
    assert [c.value.low for c in _dates(text, "en", day)] == [dt.date(2025, 9, 2)]


def test_the_country_in_the_genitive_is_no_department() -> None:
    text = "Streik\n\nDie Gewerkschaften legten große Teile des Landes lahm. Dabei wurden 30 Menschen festgenommen."
    assert figure(text, "de", 30).location is None


def test_the_department_named_as_such_is_still_a_place() -> None:
    text = "Waldbrand\n\nIm Département Landes wurden 30 Menschen evakuiert."
    assert figure(text, "de", 30).location == "Landes"


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "La comisión ha cifrado este lunes en 47 los muertos en Corvana. Las cifras cubren del 1 de marzo al 10 de marzo."),
    ("fr", "La commission a recensé lundi 47 morts à Corvana. Ce bilan couvre la période du 1er mars au 10 mars."),
    ("de", "Die Kommission zählte am Montag 47 Tote in Corvana. Die Zahlen umfassen den Zeitraum vom 1. März bis 10. März."),
    ("en", "The commission counted 47 dead in Corvana on Monday. These figures cover the period from 1 March to 10 March."),
])
def test_the_period_given_after_the_figures_is_theirs(lang: str, text: str) -> None:
    told = figure(f"Titre\n\n{text}", lang, 47).time
    assert told is not None and (told.kind, told.low, told.high) == ("since", dt.date(2025, 3, 1), dt.date(2025, 3, 10))


def test_a_period_of_another_sentence_is_not_the_figures() -> None:
    text = "Titre\n\nThe commission counted 47 dead in Corvana on Monday. Protests continued from 1 March to 10 March."
    told = figure(text, "en", 47).time
    assert told is not None and told.low == told.high == dt.date(2025, 3, 10)
