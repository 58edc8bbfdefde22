"""Extraction reads each sentence's places once and asks the gazetteer once per name, with
the same claims as when it read them afresh each time (issue 10: throughput)."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from consistency.extract import claims
from consistency.extract.claims import extract_claims
from consistency.extract.gazetteer import Gazetteer
from consistency.extract.lexicon import SHORT_TEXT, SHORT_TEXTS_KEPT, load_lexicon
from consistency.model import Document


def _doc(text: str, lang: str) -> Document:
    return Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2025, 3, 12))


def _figures(text: str, lang: str) -> list[tuple[float | None, str | None, str | None]]:
    return [(c.value.low, c.location, c.place_source) for c in extract_claims(_doc(text, lang))
            if c.kind == "quantity" and c.value is not None]


# A source named with its town, then the town as the figure's place: the paragraph's opening
# sentence is read for its places without its sources first, then with them. A local force
# ("la police de Marseille") counts in its own town, never the country.
SOURCE_TOWN = {
    "fr": ("Selon la police de Marseille, 40 personnes ont été évacuées mardi.\n\n"
           "À Marseille, 60 personnes ont été évacuées mercredi, selon la préfecture.", "France", "Marseille"),
    "en": ("According to police in Manchester, 40 people were evacuated on Tuesday.\n\n"
           "In Manchester, 60 people were evacuated on Wednesday, officials said.", "United Kingdom", "Manchester"),
    "de": ("Nach Angaben der Polizei in Köln wurden am Dienstag 40 Menschen evakuiert.\n\n"
           "In Köln wurden am Mittwoch 60 Menschen evakuiert, teilte die Stadt mit.", "Germany", "Köln"),
    "es": ("Según la policía de Sevilla, 40 personas fueron evacuadas el martes.\n\n"
           "En Sevilla, 60 personas fueron evacuadas el miércoles, según el ayuntamiento.", "Spain", "Sevilla"),
}


@pytest.mark.parametrize("lang", sorted(SOURCE_TOWN))
def test_a_town_in_a_sources_name_stays_out_of_the_figures_place_though_read_before(lang):
    text, country, town = SOURCE_TOWN[lang]
    assert country not in {place for _, place, _ in _figures(text, lang)}
    assert _figures(text, lang) == [(40.0, town, "clause"), (60.0, town, "clause")]


REPEATED = {
    "fr": ("À Grenoble, {n} personnes ont été évacuées {d}, selon la préfecture de l'Isère.", "Grenoble",
           ["lundi", "mardi", "mercredi", "jeudi", "vendredi"]),
    "en": ("In Manchester, {n} people were evacuated on {d}, officials said.", "Manchester",
           ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]),
    "de": ("In Dresden wurden am {d} {n} Menschen in Notunterkünften untergebracht, teilte die Stadt mit.", "Dresden",
           ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag"]),
    "es": ("En Zaragoza, {n} personas fueron evacuadas el {d}, según el ayuntamiento.", "Zaragoza",
           ["lunes", "martes", "miércoles", "jueves", "viernes"]),
}


@pytest.mark.parametrize("lang", sorted(REPEATED))
def test_a_town_named_in_every_sentence_is_looked_up_once(lang, monkeypatch):
    template, town, days = REPEATED[lang]
    text = " ".join(template.format(n=n, d=d) for n, d in zip((40, 55, 70, 90, 120), days))
    asked: Counter[str] = Counter()
    strongly_named = Gazetteer.strongly_named

    def counting(self: Gazetteer, name: str, lang: str | None = None) -> bool:
        asked[name] += 1
        return strongly_named(self, name, lang)

    monkeypatch.setattr(Gazetteer, "strongly_named", counting)
    claims._strongly_named.cache_clear()
    claims._marks_region.cache_clear()
    found = _figures(text, lang)
    assert [(low, place) for low, place, _ in found] == [(40.0, town), (55.0, town), (70.0, town), (90.0, town), (120.0, town)]
    assert asked[town] == 1  # five sentences name it


def test_a_short_text_is_scanned_once_and_answered_alike_each_time():
    terms = load_lexicon().origin_terms
    names = ["Ministère de l'Intérieur", "the Interior Ministry", "Innenministerium", "Ministerio del Interior", "Dresden"]
    first = [list(terms.finditer(name)) for name in names]
    scanned = [terms._finditer(name, 0, len(name)) for name in names]
    assert first == scanned
    assert any(first)  # some of them are known origins
    assert [list(terms.finditer(name)) for name in names] == first
    assert all(name in terms._short for name in names)
    # inside a longer text (not remembered), the same matches at their offsets
    lead = "x" * SHORT_TEXT + " "
    for name, found in zip(names, first):
        longer = list(terms.finditer(lead + name))
        assert [(m.start - len(lead), m.end - len(lead), m.key) for m in longer] == [(m.start, m.end, m.key) for m in found]


def test_short_texts_remembered_are_bounded():
    terms = load_lexicon().origin_terms
    for i in range(SHORT_TEXTS_KEPT + 10):
        terms.search(f"Nom {i}")
    assert len(terms._short) <= SHORT_TEXTS_KEPT
