"""A count that moves (people missing, a toll) repeated days apart: the same figure confirms
itself unless the story holds another count of it dated between, which shows it moved and
came back. Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import findings_and_claims

# (first, between, last): the first and last give the same count days apart, the middle another.
_STORIES = {
    "fr": ("Vendredi 10 janvier 2025", "Douze personnes sont toujours portées disparues à Nîmes après les crues.",
           "Dimanche 12 janvier 2025", "Quinze personnes sont toujours portées disparues à Nîmes après les crues.",
           "Mardi 14 janvier 2025", "Douze personnes sont toujours portées disparues à Nîmes après les crues."),
    "en": ("Friday, January 10, 2025", "Twelve people are still missing in Tulsa after the floods.",
           "Sunday, January 12, 2025", "Fifteen people are still missing in Tulsa after the floods.",
           "Tuesday, January 14, 2025", "Twelve people are still missing in Tulsa after the floods."),
    "de": ("Freitag, 10. Januar 2025", "Zwölf Menschen werden in Passau nach dem Hochwasser noch vermisst.",
           "Sonntag, 12. Januar 2025", "Fünfzehn Menschen werden in Passau nach dem Hochwasser noch vermisst.",
           "Dienstag, 14. Januar 2025", "Zwölf Menschen werden in Passau nach dem Hochwasser noch vermisst."),
    "es": ("Viernes, 10 de enero de 2025", "Doce personas siguen desaparecidas en Alzira tras las inundaciones.",
           "Domingo, 12 de enero de 2025", "Quince personas siguen desaparecidas en Alzira tras las inundaciones.",
           "Martes, 14 de enero de 2025", "Doce personas siguen desaparecidas en Alzira tras las inundaciones."),
}


def _article(day: str, text: str) -> str:
    return f"Crues\n\n{day}\n\n{text}\n"


def _corroborated(tmp_path: Path, articles: dict[str, str]) -> list[set[object]]:
    """The values of each corroboration found."""
    found, claims = findings_and_claims(tmp_path, articles)
    return [{claims[c].value.low for c in f.claims} for f in found if f.kind == "corroboration"]


@pytest.mark.parametrize("lang", sorted(_STORIES))
def test_the_same_missing_count_days_apart_corroborates_when_nothing_moved_between(tmp_path: Path, lang: str) -> None:
    d1, first, _, _, d3, last = _STORIES[lang]
    groups = _corroborated(tmp_path, {"a.txt": _article(d1, first), "c.txt": _article(d3, last)})
    assert {12} in groups, groups


@pytest.mark.parametrize("lang", sorted(_STORIES))
def test_the_same_missing_count_with_another_count_between_does_not_corroborate(tmp_path: Path, lang: str) -> None:
    d1, first, d2, between, d3, last = _STORIES[lang]
    groups = _corroborated(tmp_path, {
        "a.txt": _article(d1, first), "b.txt": _article(d2, between), "c.txt": _article(d3, last)})
    assert {12} not in groups, groups


_YEARS = {
    "fr": ("En 2023, 40 personnes sont mortes noyées à Nîmes.", "En 2024, 40 personnes sont mortes noyées à Nîmes."),
    "en": ("In 2023, 40 people drowned in Tulsa.", "In 2024, 40 people drowned in Tulsa."),
    "de": ("Im Jahr 2023 sind in Passau 40 Menschen ertrunken.", "Im Jahr 2024 sind in Passau 40 Menschen ertrunken."),
    "es": ("En 2023, 40 personas murieron ahogadas en Alzira.", "En 2024, 40 personas murieron ahogadas en Alzira."),
}


@pytest.mark.parametrize("lang", sorted(_YEARS))
def test_equal_tolls_of_two_years_are_two_tallies_not_one_count_confirmed(tmp_path: Path, lang: str) -> None:
    first, second = _YEARS[lang]
    groups = _corroborated(tmp_path, {
        "a.txt": _article("Mardi 14 janvier 2025", first), "b.txt": _article("Mardi 14 janvier 2025", second)})
    assert {40} not in groups, groups
