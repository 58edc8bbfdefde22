"""A toll that "passed" a figure is above it (fr/en/de/es, invented sentences).

"Le bilan dépasse les 1 000 morts" says more than 1 000, not 1 000: read as exact, it would
contradict the 1 081 another article adds up."""

from __future__ import annotations

import pytest

from tests.sentences import figure


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le bilan dépasse les 1 000 morts, selon un décompte de l'agence.", "fr"),
        ("Le bilan a franchi la barre des 1 000 morts mardi.", "fr"),
        ("The death toll has topped 1,000 people, an agency tally shows.", "en"),
        ("The toll passed the 1,000 mark on Tuesday as rescuers reached more villages.", "en"),
        ("Die Zahl der Toten übersteigt 1.000 Menschen.", "de"),
        ("El balance supera los 1.000 muertos, según un recuento de la agencia.", "es"),
    ],
)
def test_a_passed_figure_is_a_lower_bound(text: str, lang: str) -> None:
    claim = figure(text, lang, 1000)
    assert (claim.value.low, claim.value.high, claim.qualifier) == (1000, None, "more_than")


def test_a_plain_toll_stays_exact() -> None:
    claim = figure("Le bilan s'élève à 1 000 morts.", "fr", 1000)
    assert (claim.value.low, claim.value.high) == (1000, 1000)
