"""Scope decisions that span lines and sentences: hard-wrapped text, a speaker's day carried
over, several places given one figure, and a toll that falls."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.extract.claims import extract_claims
from consistency.model import Claim, Document


def claims(text: str, lang: str, published: dt.date) -> list[Claim]:
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=published)
    return [c for c in extract_claims(doc) if c.kind == "quantity"]


def figure(cs: list[Claim], value: float) -> Claim:
    found = [c for c in cs if c.value.low == value]  # type: ignore[union-attr]
    assert found, [c.quote for c in cs]
    return found[0]


@pytest.mark.parametrize(
    "text,lang,value,day",
    [
        ("Titre\n\nLe ministère de l'Intérieur a indiqué vendredi que le bilan des inondations s'élevait\n"
         "désormais à 212 morts dans la province.\n", "fr", 212, dt.date(2024, 11, 8)),
        ("Headline\n\nThe interior ministry said on Friday that the death toll from the floods had risen\n"
         "to 212 in the province, up from 207.\n", "en", 212, dt.date(2024, 11, 8)),
        ("Titel\n\nDas Innenministerium teilte am Freitag mit, die Zahl der Toten sei inzwischen weiter\n"
         "auf 212 gestiegen, wie ein Sprecher sagte.\n", "de", 212, dt.date(2024, 11, 8)),
        ("Titular\n\nEl Ministerio del Interior informó el viernes de que la cifra de muertos ha ascendido\n"
         "a 212 en la provincia, según el último balance.\n", "es", 212, dt.date(2024, 11, 8)),
    ],
)
def test_a_hard_wrapped_sentence_keeps_its_figure_with_its_time(text, lang, value, day):
    c = figure(claims(text, lang, dt.date(2024, 11, 10)), value)
    assert c.time is not None and c.time.low == day and c.time_source == "clause"


def test_a_title_is_not_joined_to_the_line_under_it():
    text = "Inondations : le bilan grimpe à 212 morts dans la région de Valence\nmis à jour le 10/11/2024\n"
    cs = claims(text, "fr", dt.date(2024, 11, 10))
    assert all(c.sentence[1] <= text.index("\n") for c in cs)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Pedro Sánchez a annoncé samedi l'envoi de 5 000 soldats. Pedro Sánchez a chiffré à 4 800 les sauvetages réalisés.", "fr"),
        ("Pedro Sánchez said on Saturday that 5,000 more soldiers would go. Pedro Sánchez put the rescues at 4,800.", "en"),
    ],
)
def test_a_speakers_day_carries_to_his_next_sentence(text, lang):
    cs = claims(text, lang, dt.date(2024, 11, 6))
    saturday = dt.date(2024, 11, 2)
    assert all(c.time is not None and c.time.low == saturday for c in cs if c.attributed_to), [
        (c.quote, c.time, c.attributed_to) for c in cs
    ]


@pytest.mark.parametrize(
    "text,lang,places",
    [
        ("Les autorités ont compté 13 000 manifestants à Lille comme à Rouen.", "fr", {"Lille", "Rouen"}),
        ("Police counted 13,000 protesters in Leeds as in Bristol.", "en", {"Leeds", "Bristol"}),
    ],
)
def test_one_figure_for_several_places_is_a_figure_for_each(text, lang, places):
    cs = claims(text, lang, dt.date(2019, 12, 6))
    assert {c.location for c in cs if c.value.low == 13000} == places  # type: ignore[union-attr]
