"""Which shock a magnitude belongs to: a noun naming any shock does not make it the main one.

"The strongest aftershock was a 6.7 magnitude tremor" is the aftershock's magnitude, and a
magnitude given for one of several aftershocks ("two aftershocks, one of magnitude 4.9 and
another of 6.7") is not pinned to any one of them: comparing it would make a false finding.
"""

from __future__ import annotations

import pytest

from consistency.extract.lexicon import load_lexicon
from consistency.extract.measures import read_measure
from consistency.extract.numbers import find_numbers


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _measures(lex, sentence: str, lang: str) -> list[tuple[float, str]]:
    out = []
    for nm in find_numbers(sentence, lang, money=True):
        if (m := read_measure(sentence, nm, (0, len(sentence)), lex, lang)) is not None:
            out.append((nm.value.low, m.category))
    return out


@pytest.mark.parametrize(
    ("lang", "sentence", "value"),
    [
        ("en", "The largest aftershock was a 5.9 magnitude tremor felt in the hills.", 5.9),
        ("en", "The biggest aftershock so far was a magnitude 5.2 tremor.", 5.2),
        ("fr", "La plus forte réplique, une secousse de magnitude 5,3, a suivi dans l'heure.", 5.3),
        ("de", "Das stärkste Nachbeben war ein Erdstoß der Stärke 5,1.", 5.1),
        ("es", "La réplica más fuerte fue un temblor de magnitud 5,6 por la noche.", 5.6),
    ],
)
def test_a_shock_noun_after_an_aftershock_keeps_the_aftershock(lex, lang, sentence, value):
    assert _measures(lex, sentence, lang) == [(value, "magnitude_aftershock")]


@pytest.mark.parametrize(
    ("lang", "sentence", "value"),
    [
        ("en", "A magnitude 6.2 tremor shook the coastal towns before dawn.", 6.2),
        ("fr", "Une secousse de magnitude 6,1 a frappé la vallée dans la nuit.", 6.1),
        ("de", "Ein Erdstoß der Stärke 5,8 erschütterte die Küste.", 5.8),
        ("es", "Un temblor de magnitud 6,3 sacudió la provincia de madrugada.", 6.3),
        ("en", "The earthquake, a 6.9 magnitude tremor, flattened the old town.", 6.9),
    ],
)
def test_a_shock_noun_alone_is_still_the_shock_of_the_story(lex, lang, sentence, value):
    assert _measures(lex, sentence, lang) == [(value, "magnitude")]


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "Two aftershocks followed, one with a magnitude of 4.8 and another of magnitude 5.5."),
        ("en", "Several aftershocks of magnitude 4.1 were recorded overnight."),
        ("fr", "Trois répliques ont suivi, dont une de magnitude 5,2."),
        ("es", "Se registraron cinco réplicas, una de ellas de magnitud 5,4."),
    ],
)
def test_one_of_several_aftershocks_measures_nothing(lex, lang, sentence):
    assert _measures(lex, sentence, lang) == []


def test_main_shock_next_to_several_aftershocks_is_kept(lex):
    sentence = "Since the magnitude 7.1 earthquake, dozens of aftershocks have shaken the region."
    assert _measures(lex, sentence, "en") == [(7.1, "magnitude")]
    sentence = "Depuis le séisme de magnitude 6,6, des dizaines de répliques ont été ressenties."
    assert _measures(lex, sentence, "fr") == [(6.6, "magnitude")]
