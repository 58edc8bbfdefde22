"""Sources that publish one count between them (fr/en/de/es, invented sentences).

A city's police, its prefecture, the interior ministry that adds up their figures and "the
authorities" citing them give one official count: when two articles give it differently, the
record contradicts itself. Police against organisers remain a dispute, each side with its source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.ruleset.kinds.common import ToleranceOptions, one_voice
from tests.sentences import findings_and_claims

PAGES = {
    "fr": ("Jeudi 6 mars 2025\n\nÀ Vervins, 15 000 personnes ont manifesté jeudi selon la police.\n",
           "Jeudi 6 mars 2025\n\nÀ Vervins, les autorités ont compté jeudi 11 000 manifestants.\n",
           "Jeudi 6 mars 2025\n\nÀ Vervins, 30 000 personnes ont manifesté jeudi selon les syndicats.\n"),
    "en": ("Thursday 6 March 2025\n\nIn Wakefield, 15,000 people marched on Thursday, according to police.\n",
           "Thursday 6 March 2025\n\nIn Wakefield, 11,000 people marched on Thursday, according to the authorities.\n",
           "Thursday 6 March 2025\n\nIn Wakefield, 30,000 people marched on Thursday, according to the unions.\n"),
    "de": ("Donnerstag, 6. März 2025\n\nIn Wetzlar demonstrierten am Donnerstag laut Polizei 15.000 Menschen.\n",
           "Donnerstag, 6. März 2025\n\nIn Wetzlar demonstrierten am Donnerstag nach Angaben der Behörden 11.000 Menschen.\n",
           "Donnerstag, 6. März 2025\n\nIn Wetzlar demonstrierten am Donnerstag laut Gewerkschaften 30.000 Menschen.\n"),
    "es": ("Jueves, 6 de marzo de 2025\n\nEn Linares se manifestaron el jueves 15.000 personas, según la policía.\n",
           "Jueves, 6 de marzo de 2025\n\nEn Linares se manifestaron el jueves 11.000 personas, según las autoridades.\n",
           "Jueves, 6 de marzo de 2025\n\nEn Linares se manifestaron el jueves 30.000 personas, según los sindicatos.\n"),
}


def _kinds(found: list, claims: dict, values: set[float]) -> list[str]:
    return sorted(f.kind for f in found if {claims[c].value.low for c in f.claims} == values)


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_police_against_authorities_is_a_contradiction(tmp_path: Path, lang: str) -> None:
    police, authorities, _ = PAGES[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": police, "b.txt": authorities})
    assert _kinds(found, claims, {15000, 11000}) == ["contradiction"], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(PAGES))
def test_police_against_unions_stays_a_dispute(tmp_path: Path, lang: str) -> None:
    police, _, unions = PAGES[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": police, "c.txt": unions})
    assert _kinds(found, claims, {15000, 30000}) == ["dispute"], [(f.kind, f.message) for f in found]


def test_one_voice_is_a_rule_option() -> None:
    default = ToleranceOptions()
    assert one_voice("police", "Interior Ministry", default)
    assert not one_voice("police", "unions", default)
    assert not one_voice("police", "authorities", ToleranceOptions(one_voice=()))
