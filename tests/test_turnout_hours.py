"""A turnout counted at an hour of the afternoon against the whole day's count (fr/en/de/es,
invented sentences).

Marchers keep arriving until the evening: the police's "25 000 at 3 pm" below the interior
ministry's count for the whole day says nothing against it, even though the two publish one
count between them. A mid-afternoon count above the whole day's is still judged.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests.sentences import findings_and_claims

PUBLISHED = {
    "fr": "Publié le samedi 14 mars 2026 à 21h10\n\n",
    "en": "Published Saturday 14 March 2026, 21:10\n\n",
    "de": "Veröffentlicht am Samstag, 14. März 2026, 21:10 Uhr\n\n",
    "es": "Publicado el sábado 14 de marzo de 2026 a las 21:10\n\n",
}
DAY = {
    "fr": "Le ministère de l'Intérieur a recensé {day} manifestants en France ce samedi.",
    "en": "The interior ministry counted {day} protesters across France on Saturday.",
    "de": "Das Innenministerium zählte am Samstag in ganz Frankreich {day} Demonstranten.",
    "es": "El Ministerio del Interior contabilizó {day} manifestantes en Francia este sábado.",
}
HOUR = {
    "fr": "À 15 heures, la police comptait {hour} manifestants en France.",
    "en": "At 3 pm, police counted {hour} protesters across France.",
    "de": "Um 15 Uhr zählte die Polizei in ganz Frankreich {hour} Demonstranten.",
    "es": "A las 15 horas, la policía contabilizó {hour} manifestantes en Francia.",
}


def _text(lang: str, day: int, hour: int) -> str:
    sep = {"fr": " ", "en": ",", "de": ".", "es": "."}[lang]
    d, h = f"{day:,}".replace(",", sep), f"{hour:,}".replace(",", sep)
    return PUBLISHED[lang] + DAY[lang].format(day=d) + " " + HOUR[lang].format(hour=h) + "\n"


def _between(found: list[Finding], claims: dict[str, Claim], low: float, high: float) -> list[Finding]:
    return [f for f in found if f.kind in ("dispute", "contradiction")
            and {claims[c].value.low for c in f.claims} >= {low, high}]


@pytest.mark.parametrize("lang", sorted(PUBLISHED))
def test_an_afternoon_count_below_the_days_count_is_no_conflict(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": _text(lang, 50000, 25000)})
    assert {(c.value.low, c.attributed_to) for c in claims.values()} >= {(50000, "Interior Ministry"), (25000, "police")}
    assert _between(found, claims, 25000, 50000) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(PUBLISHED))
def test_an_afternoon_count_above_the_days_count_is_still_judged(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": _text(lang, 20000, 45000)})
    assert [f.kind for f in _between(found, claims, 20000, 45000)] == ["contradiction"], \
        [(f.kind, f.message) for f in found]
