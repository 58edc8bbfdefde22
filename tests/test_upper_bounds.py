"""A figure given only as a ceiling confirms no smaller figure (fr/en/de/es, invented sentences).

"Up to 20,000 dead" says how far a toll may go, not that the 11,300 of another outlet is
right: the two never stand in one corroboration, while two outlets giving the same toll do.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import findings_and_claims

DATED = {
    "fr": "Publié le 18 septembre 2026\n\n",
    "en": "Published 18 September 2026\n\n",
    "de": "Veröffentlicht am 18. September 2026\n\n",
    "es": "Publicado el 18 de septiembre de 2026\n\n",
}
CEILING = {
    "fr": "Selon le maire de Portvale, les inondations ont fait jusqu'à 20 000 morts.",
    "en": "According to the mayor of Portvale, the floods killed up to 20,000 people.",
    "de": "Nach Angaben des Bürgermeisters von Portvale starben bis zu 20.000 Menschen.",
    "es": "Según el alcalde de Portvale, las inundaciones causaron hasta 20.000 muertos.",
}
TOLL = {
    "fr": "Selon la Croix-Rouge, les inondations ont fait 11 300 morts.",
    "en": "According to the Red Cross, the floods killed 11,300 people.",
    "de": "Nach Angaben des Roten Kreuzes starben 11.300 Menschen.",
    "es": "Según la Cruz Roja, las inundaciones causaron 11.300 muertos.",
}
TOLL_AGAIN = {
    "fr": "Selon l'ONU, les inondations ont fait 11 300 morts.",
    "en": "According to the United Nations, the floods killed 11,300 people.",
    "de": "Nach Angaben der Vereinten Nationen starben 11.300 Menschen.",
    "es": "Según la ONU, las inundaciones causaron 11.300 muertos.",
}


@pytest.mark.parametrize("lang", sorted(DATED))
def test_a_ceiling_confirms_no_smaller_toll(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": DATED[lang] + CEILING[lang] + "\n",
        "b.txt": DATED[lang] + TOLL[lang] + "\n",
        "c.txt": DATED[lang] + TOLL_AGAIN[lang] + "\n",
    })
    ceiling = [c for c in claims.values() if c.value.low is None and c.value.high == 20000]
    assert len(ceiling) == 1, [(c.text, c.value) for c in claims.values()]
    agreeing = [f for f in found if f.kind == "corroboration"]
    assert agreeing, [(f.kind, f.message) for f in found]  # the two outlets giving 11 300 agree
    assert all(ceiling[0].id not in f.claims for f in agreeing), [f.message for f in agreeing]
