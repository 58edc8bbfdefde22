"""Extraction does each piece of work once: counted, never timed (issue 13's "linear time,
guarded"; issue 10's throughput). Each test also checks what a user reads is unchanged."""

from __future__ import annotations

import pytest

from consistency.corpus import boilerplate_spans
from consistency.corpus.readers import read_text
from consistency.extract import claims as claims_module
from consistency.extract.claims import extract_claims
from consistency.extract.lexicon import load_lexicon
from consistency.extract.number_candidates import _Candidates
from consistency.extract.number_filters import _NotQuantity
from consistency.extract.numbers import find_numbers
from consistency.extract.sentences import split_sentences

# Sums of money next to counts: each figure is read once, whether it is money or not.
MONEY_AND_COUNTS = {
    "fr": ("Les dégâts sont estimés à 3 milliards d'euros et près de 1 200 maisons ont été détruites.",
           [("EUR", 2.7e9, 3.3e9), (None, 1100.0, 1200.0)]),  # "près de 1 200": ±1 hundred below (stated_precision)
    "en": ("Damage was put at between $10 billion and $15 billion, and about 1,200 homes were destroyed.",
           [("USD", 1e10, 1.5e10), (None, 1100.0, 1300.0)]),
    "de": ("Der Schaden wird auf 2,5 Milliarden Euro geschätzt; mehr als 800 Häuser wurden zerstört.",
           [("EUR", 2.5e9, 2.5e9), (None, 800.0, None)]),
    "es": ("Los daños ascienden a 400 millones de euros y unas 3.000 viviendas quedaron destruidas.",
           [("EUR", 4e8, 4e8), (None, 2700.0, 3300.0)]),
}


@pytest.mark.parametrize("lang", sorted(MONEY_AND_COUNTS))
def test_reading_money_judges_each_candidate_figure_once(lang, monkeypatch):
    text, expected = MONEY_AND_COUNTS[lang]
    candidates: list[int] = []
    judged: list[int] = []
    figures, is_quantity = _Candidates.figures, _NotQuantity.is_quantity

    def counting_figures(self, t, windows):  # type: ignore[no-untyped-def]
        found = figures(self, t, windows)
        candidates.append(len(found))
        return found

    def counting_is_quantity(self, t, f, blocked, money=False):  # type: ignore[no-untyped-def]
        judged.append(f.start)
        return is_quantity(self, t, f, blocked, money)

    monkeypatch.setattr(_Candidates, "figures", counting_figures)
    monkeypatch.setattr(_NotQuantity, "is_quantity", counting_is_quantity)
    found = find_numbers(text, lang, money=True)
    assert [(m.currency, m.value.low, m.value.high) for m in found] == expected
    assert candidates and len(judged) == sum(candidates)  # not once for money and once more without
    # The plain reading still leaves the sums of money out and keeps the counts as they were.
    plain = find_numbers(text, lang)
    assert [(m.value.low, m.value.high) for m in plain] == [(low, high) for cur, low, high in expected if cur is None]


# Several sentences naming places, with figures and dates: the places of each sentence are
# looked up once, though the reading asks for them when it weighs the article's main place,
# opens a paragraph, reads the sentence's figures and its dates.
PLACES = {
    "fr": "À Lyon, 14 personnes ont été blessées samedi, selon la préfecture. À Grenoble, 3 autres ont été "
          "hospitalisées dimanche.\n\nLa police de Lyon a interpellé 12 personnes lundi.",
    "en": "In Leeds, 9 people were injured on Saturday, police said. In Bradford, 4 more were taken to "
          "hospital on Sunday.\n\nPolice in Leeds arrested 12 people on Monday.",
    "de": "In Köln wurden am Samstag nach Angaben der Polizei 11 Menschen verletzt. In Bonn kamen am Sonntag "
          "2 weitere Menschen ins Krankenhaus.\n\nDie Polizei in Köln nahm am Montag 12 Menschen fest.",
    "es": "En Valencia, 7 personas resultaron heridas el sábado, según los bomberos. En Alicante, otras 3 "
          "fueron hospitalizadas el domingo.\n\nLa policía de Valencia detuvo a 12 personas el lunes.",
}


@pytest.mark.parametrize("lang", sorted(PLACES))
def test_the_places_of_a_sentence_are_looked_up_once(lang, monkeypatch):
    doc = read_text(PLACES[lang].encode(), id=f"places-{lang}", path=f"places-{lang}.txt")
    lex = load_lexicon()
    reference = extract_claims(doc, lex, boilerplate_spans(doc))
    looked_up: list[tuple[int, int]] = []
    named_places = claims_module._named_places

    def counting(ctx, sent):  # type: ignore[no-untyped-def]
        looked_up.append((sent.start, sent.end))
        return named_places(ctx, sent)

    monkeypatch.setattr(claims_module, "_named_places", counting)
    again = extract_claims(doc, lex, boilerplate_spans(doc))
    assert again == reference
    assert looked_up and len(looked_up) == len(set(looked_up))  # each sentence once
    assert any(c.location for c in again if c.kind == "quantity")  # and the figures still have their places


# A title after blank lines, then hard-wrapped lines: only a line of the body that stops
# mid-sentence goes on on the next line, whatever the blank lines before the title.
WRAPPED = {
    "fr": "Inondations : le bilan s'alourdit",
    "en": "Floods: the toll rises",
    "de": "Hochwasser: die Zahl der Toten steigt",
    "es": "Inundaciones: sube el balance",
}
BODY = {
    "fr": "Selon les secours, le nombre de personnes évacuées dans la vallée est passé à\n2 300 dimanche soir.",
    "en": "According to rescuers, the number of people evacuated from the valley rose to\n2,300 on Sunday evening.",
    "de": "Nach Angaben der Retter stieg die Zahl der aus dem Tal evakuierten Menschen auf\n2.300 am Sonntagabend.",
    "es": "Según los equipos de rescate, el número de personas evacuadas del valle subió a\n2.300 el domingo por la noche.",
}


@pytest.mark.parametrize("lang", sorted(WRAPPED))
@pytest.mark.parametrize("blank", ["", "\n\n", "  \n\t\n"])
def test_a_hard_wrapped_line_goes_on_and_a_title_ends(lang, blank):
    title = WRAPPED[lang] + " et la suite en minuscules sur la ligne suivante, assez longue pour compter"
    text = f"{blank}{title}\nsuite du titre\n\n{BODY[lang]}"
    parts = [text[s.start:s.end] for s in split_sentences(text)]
    assert parts[0] == title  # the first line is a title: it ends where it ends, however long
    assert parts[-1] == BODY[lang]  # the body's wrapped line goes on on the next line
