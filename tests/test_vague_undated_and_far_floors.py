"""Two ways a loose figure used to be set against a precise one (fr/en/de/es, invented
sentences).

- A vague figure ("tens of thousands") of an article whose date is not read has no known
  time: it is set against nothing, not even at a milder severity, since nothing says it
  speaks of the same day as the precise estimate.
- A floor ("more than 100,000") agrees in logic with "an estimated 325,000" but confirms
  nothing: a corroboration needs the same count within tolerance. A floor at the other
  figure ("about 102,000") still corroborates it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests.sentences import findings_and_claims

DATED = {
    "fr": "Marche à Madrid\nLe Courrier, 6 octobre 2025\n\n",
    "en": "Big march in Madrid\nDaily Courier, October 6, 2025\n\n",
    "de": "Marsch in Madrid\nWeserbote, 06.10.2025\n\n",
    "es": "Marcha en Madrid\nEl Diario, 6 de octubre de 2025\n\n",
}
BYLINE = {  # a title and an author, no date
    "fr": "Marche à Madrid\nPar Anne Dubois\n\n",
    "en": "Big march in Madrid\nBy Ann Dale\n\n",
    "de": "Marsch in Madrid\nVon Anna Weber\n\n",
    "es": "Marcha en Madrid\nPor Ana Díaz\n\n",
}
VAGUE = {
    "fr": "Des dizaines de milliers de manifestants ont défilé à Madrid contre la hausse des loyers.",
    "en": "Tens of thousands of protesters marched in Madrid against rising rents.",
    "de": "Zehntausende Menschen demonstrierten in Madrid gegen hohe Mieten.",
    "es": "Decenas de miles de manifestantes marcharon en Madrid contra los alquileres.",
}
ESTIMATE = {  # the precise estimate, in another language than the vague figure
    "fr": "Selon le collectif Comptage citoyen, entre 180 000 et 220 000 personnes ont manifesté dimanche 5 octobre à Madrid.",
    "en": "Between 180,000 and 220,000 people marched in Madrid on Sunday, according to the Citizen Count collective.",
}
FLOOR = {
    "fr": "Plus de 100 000 personnes ont manifesté dimanche 5 octobre à Madrid.",
    "en": "More than 100,000 people marched in Madrid on Sunday against rising rents.",
    "de": "Mehr als 100.000 Menschen demonstrierten am Sonntag in Madrid gegen hohe Mieten.",
    "es": "Más de 100.000 manifestantes marcharon el domingo en Madrid contra los alquileres.",
}
FIGURE = {  # an estimate, in another language than the floor: {n} is 325 or 102 (thousands)
    "fr": "Environ {n} 000 personnes ont manifesté dimanche 5 octobre à Madrid.",
    "en": "An estimated {n},000 people marched in Madrid on Sunday against rising rents.",
}


def _other(lang: str) -> str:
    return "en" if lang != "en" else "fr"


def _between(found: list[Finding], claims: dict[str, Claim], kind: str, *lows: float) -> list[Finding]:
    return [f for f in found if f.kind == kind and {claims[c].value.low for c in f.claims} >= set(lows)]


@pytest.mark.parametrize("lang", sorted(VAGUE))
def test_a_vague_figure_of_an_undated_article_is_set_against_nothing(tmp_path: Path, lang: str) -> None:
    other = _other(lang)
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": BYLINE[lang] + VAGUE[lang] + "\n",
        "b.txt": DATED[other] + ESTIMATE[other] + "\n",
    })
    vague = [c for c in claims.values() if c.value.low == 10000]
    assert vague and all(c.time is None for c in vague), [(c.quote, c.time) for c in claims.values()]
    assert _between(found, claims, "contradiction", 10000) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(FLOOR))
def test_a_floor_far_below_an_estimate_does_not_corroborate_it(tmp_path: Path, lang: str) -> None:
    other = _other(lang)
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": DATED[lang] + FLOOR[lang] + "\n",
        "b.txt": DATED[other] + FIGURE[other].format(n=325) + "\n",
    })
    assert {c.value.low for c in claims.values()} >= {100000, 292500}, [(c.quote, c.value) for c in claims.values()]
    assert [f for f in found if f.kind in ("corroboration", "echo")] == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(FLOOR))
def test_a_floor_at_the_estimate_still_corroborates_it(tmp_path: Path, lang: str) -> None:
    other = _other(lang)
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": DATED[lang] + FLOOR[lang] + "\n",
        "b.txt": DATED[other] + FIGURE[other].format(n=102) + "\n",
    })
    assert len(_between(found, claims, "corroboration", 100000, 91800)) == 1, [(f.kind, f.message) for f in found]
