"""Two voices set side by side in one article are not a toll that rose (fr/en/de/es, invented
sentences).

"The minister put the toll at 120 on Wednesday; unofficial records give at least 190": the
second figure has no day of its own, so it is not known to be later. Reporting it as an
update would tell a reader the toll rose when two sources disagree.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import findings_and_claims

TEXT = {
    "fr": ("Publié le 15 mai 2025\n\nLe Premier ministre Oren Tash a fait état mercredi de 120 morts à Halvik. "
           "Selon des chiffres non officiels, au moins 190 personnes sont mortes.\n"),
    "en": ("Published 15 May 2025\n\nPrime Minister Oren Tash put the death toll in Halvik at 120 people on Wednesday. "
           "However, at least 190 people died according to unofficial records.\n"),
    "de": ("Veröffentlicht am 15. Mai 2025\n\nRegierungschef Oren Tash sprach am Mittwoch von 120 Toten in Halvik. "
           "Laut inoffiziellen Angaben starben mindestens 190 Menschen.\n"),
    "es": ("Publicado el 15 de mayo de 2025\n\nEl primer ministro Oren Tash cifró el miércoles en 120 los muertos en "
           "Halvik. Según fuentes no oficiales, murieron al menos 190 personas.\n"),
}


@pytest.mark.parametrize("lang", sorted(TEXT))
def test_an_undated_figure_of_another_voice_is_no_later_toll(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": TEXT[lang]})
    values = {c.value.low for c in claims.values()}
    assert {120, 190} <= values, [(c.text, c.value, c.attributed_to) for c in claims.values()]
    both = [f for f in found if {claims[c].value.low for c in f.claims} >= {120, 190}]
    assert [f.kind for f in both if f.kind in ("update", "revision")] == [], [(f.kind, f.message) for f in found]
