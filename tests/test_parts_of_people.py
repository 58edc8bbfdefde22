"""Some of the people of a toll: "23 migrants décédés, dont quatre femmes" counts four of the
23, not a toll of four. A generic word for people ("femmes", "women", "Frauen", "mujeres")
after a part word names a part of the count before it, whatever that count's own noun.
Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import exact, figures, findings_and_claims


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le naufrage a fait 19 victimes parmi les migrants : 19 migrants décédés, dont trois femmes et un enfant.", "fr"),
        ("The boat capsized on Tuesday, and 19 migrants died, including three women.", "en"),
        ("Bei dem Bootsunglück starben 19 Migranten, darunter drei Frauen.", "de"),
        ("En el naufragio murieron 19 migrantes, entre ellos tres mujeres.", "es"),
    ],
)
def test_women_among_the_dead_are_a_part(text: str, lang: str) -> None:
    claims = figures(text, lang)
    whole = [c for c in claims if c.value.low == 19 and c.measure != "part"][-1]
    part = exact(claims, 3)
    assert part.measure == "part" and part.part_of == whole.id


def test_the_women_among_the_dead_are_no_update_of_the_toll(tmp_path: Path) -> None:
    lead = "Naufrage au large de Calais\n\n{day} mars 2023\n\n"
    out, claims = findings_and_claims(tmp_path, {
        "a.txt": lead.format(day="8") + "Le naufrage de mercredi a fait 19 morts : 19 migrants décédés, dont trois femmes.\n",
        "b.txt": lead.format(day="9") + "Le bilan du naufrage de mercredi s'élève à 21 migrants décédés, selon la préfecture.\n",
    })
    three = [i for i, c in claims.items() if c.value.low == 3]
    assert three  # the part is read …
    assert not [f for f in out if set(f.claims) & set(three)], [f.message for f in out]  # … and set against nothing
