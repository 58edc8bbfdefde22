"""The shortcuts that spare extraction work give the same readings as the full searches.

Each shortcut skips a costly search when a cheap check shows it cannot match: the words
before a figure read from a short window, a unit word before a figure looked for only when
the text there can end one, the patterns of a source before its verb only with a reporting
verb in the sentence. These tests compare each with the full search it replaces.
"""

from __future__ import annotations

import re

import pytest

from consistency.extract.attribution import find_attributions, patterns
from consistency.extract.lexicon import load_lexicon
from consistency.extract.number_text import _QUOTES, _TOKEN, _tokens_before

SENTENCES = [
    "Selon la préfecture, 1 240, 1 310, 1 385 et 1 402 personnes ont défilé samedi à Rennes.",
    "Police counted 12, 14, 15, 19 and 23 arrests in Bristol on Saturday night.",
    "Die Feuerwehr zählte 3, 4, 7, 9, 12 und 15 Einsätze am Sonntag in Trier.",
    "Los bomberos contabilizaron «12», «15», «18» y «21» rescates el lunes en Murcia.",
    "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n",
    "« 4 » « 5 » « 6 » « 7 » « 8 » « 9 » « 10 » « 11 »",
]


def _full_tokens_before(text: str, pos: int, floor: int, count: int = 7) -> list[re.Match[str]]:
    """The tokens before `pos` as read from the whole 56-character window (the reading the
    short window stands in for)."""
    lo = max(floor, pos - 56)
    toks = list(_TOKEN.finditer(text, lo, pos))
    if toks and lo > floor and text[lo - 1].isalnum() and toks[0].start() == lo:
        del toks[0]
    if not any(ch in _QUOTES for ch in text[lo:pos]):
        return toks[-count:]
    return [m for m in toks[-count - 2 :] if m.group() not in _QUOTES][-count:]


@pytest.mark.parametrize("text", SENTENCES)
def test_words_before_each_figure_are_read_the_same_from_a_short_window(text: str) -> None:
    for pos in range(len(text) + 1):
        short = [(m.start(), m.group()) for m in _tokens_before(text, pos, 0)]
        full = [(m.start(), m.group()) for m in _full_tokens_before(text, pos, 0)]
        assert short == full, (text, pos)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Un séisme de magnitude 6,8 a frappé la région.", "magnitude"),
        ("Ein Beben der Stärke 5,9 erschütterte die Region.", "magnitude"),
        ("A magnitude-7.1 quake struck off the coast.", "magnitude"),
        ("Un terremoto de magnitud 6,2 sacudió la costa.", "magnitude"),
        ("The council pledged $5 million for repairs.", "us_dollar"),
        ("Les dégâts sont estimés à € 40 millions.", "euro"),
    ],
)
def test_a_unit_word_or_symbol_before_a_figure_is_still_found(text: str, unit: str) -> None:
    lex = load_lexicon()
    pos = next(i for i, ch in enumerate(text) if ch.isdigit())
    found = lex.unit_before(text, pos)
    assert found is not None and found.key == unit


@pytest.mark.parametrize(
    "text",
    [
        "Les pompiers ont secouru 40 personnes, 12 à Nîmes et 28 à Alès.",
        "Rescuers reached 40 people in 3 villages overnight.",
        "Die Helfer erreichten 40 Menschen in 3 Dörfern.",
        "Los equipos rescataron a 40 personas en 3 pueblos.",
    ],
)
def test_no_unit_before_a_plain_count(text: str) -> None:
    lex = load_lexicon()
    assert all(lex.unit_before(text, i) is None for i, ch in enumerate(text) if ch.isdigit())


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Dover council leader Jane Smith told reporters on Monday that 30 homes were flooded.",
         "Dover council leader Jane Smith"),
        ("The Environment Agency said 30 homes were flooded in Kent.", "Environment Agency"),
        ("La préfecture du Gard a annoncé que 30 maisons ont été inondées.", "prefecture"),
        ("Die Polizei teilte mit, dass 30 Häuser in Passau überflutet wurden.", "police"),
        ("El Ayuntamiento de Lorca ha informado de que 30 casas se inundaron.", "Ayuntamiento de Lorca"),
    ],
)
def test_a_source_before_its_verb_is_still_found(text: str, origin: str) -> None:
    found = find_attributions(text, 0, len(text), load_lexicon())
    assert [a.origin for a in found] == [origin]


@pytest.mark.parametrize(
    "text",
    [
        "Nach Angaben der Feuerwehr wurden am Montag in Passau 30 Häuser überflutet.",
        "Selon les pompiers, 30 maisons ont été inondées lundi dans le Gard.",
        "According to firefighters, 30 homes were flooded on Monday in Kent.",
        "Según los bomberos, 30 casas se inundaron el lunes en Lorca.",
    ],
)
def test_without_a_reporting_verb_the_source_patterns_find_nothing_either(text: str) -> None:
    """The gate is exact: where it finds no reporting verb (or no "told"), the patterns it
    spares would have found nothing."""
    p = patterns(None)
    if p.reporting.search(text) is None:
        assert p.subj.search(text) is None and p.subj_apposed.search(text) is None
    if p.told_word.search(text) is None:
        assert p.told.search(text) is None
    assert find_attributions(text, 0, len(text), load_lexicon())  # the preposition still names the source
