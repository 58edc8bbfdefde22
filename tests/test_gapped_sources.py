"""A second voice whose verb is left out ("the ministry spoke of 40,000, observers of 120,000"):
the second figure is that voice's, named or not, never the first voice's. Invented sentences."""

from __future__ import annotations

import pytest

from tests.sentences import figure


@pytest.mark.parametrize(
    ("text", "lang", "first", "second"),
    [
        ("Am Samstag sprach das Innenministerium von 30.000 Demonstranten, Beobachter von 95.000.", "de", 30000, 95000),
        ("Samedi, le ministère de l'Intérieur a parlé de 30 000 manifestants, les observateurs de 95 000.", "fr", 30000, 95000),
        ("El sábado el Ministerio del Interior habló de 30.000 manifestantes; los observadores, de 95.000.", "es", 30000,
         95000),
    ],
)
def test_an_unnamed_second_voice_keeps_its_figure(text: str, lang: str, first: float, second: float) -> None:
    assert figure(text, lang, first).attributed_to == "Interior Ministry"
    assert figure(text, lang, second).attributed_to is None


@pytest.mark.parametrize(
    ("text", "lang", "second", "origin"),
    [
        ("La préfecture a compté 33 000 personnes, l'intersyndicale 100 000.", "fr", 100000, "unions"),
        ("Die Polizei sprach von 8.000 Teilnehmern, die Veranstalter von 25.000.", "de", 25000, "organisers"),
    ],
)
def test_a_named_second_voice_keeps_its_figure(text: str, lang: str, second: float, origin: str) -> None:
    assert figure(text, lang, second).attributed_to == origin
