"""A crowd estimate given as a bound by a named side ("bis zu 15.000 nach Angaben der
Veranstalter", "more than 4,200, police said") is that side's estimate: far from the other
side's figure for the same crowd on the same day, the two sides disagree, although the bound
allows the other figure. A dispute, never a contradiction; close figures, other days, one
voice or an unnamed figure say nothing. Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Finding
from tests.sentences import findings


def _kinds(found: tuple[Finding, ...]) -> list[str]:
    return sorted(f.kind for f in found if f.kind in ("dispute", "contradiction"))


def _article(title: str, outlet: str, body: str) -> str:
    return f"{title}\n{outlet}\n\n{body}\n"


@pytest.mark.parametrize(
    "body",
    [
        ("Deutsche Post, 12.02.2025", "Am Mittwoch zogen Landwirte durch München. Die Polizei sprach von 4200 "
         "Teilnehmern, die Veranstalter berichteten von bis zu 15.000 Menschen."),
        ("The Courier, February 12, 2025", "Farmers marched through Munich on Wednesday. Police counted 4,200 "
         "demonstrators, while the organisers said as many as 15,000 people took part."),
        ("El Correo, 12 de febrero de 2025", "Según la policía, 4.200 personas se manifestaron el miércoles en Múnich, "
         "mientras que los organizadores hablaron de hasta 15.000 manifestantes."),
    ],
)
def test_a_bound_far_from_the_other_side_in_one_article_is_a_dispute(tmp_path: Path, body: tuple[str, str]) -> None:
    found = findings(tmp_path, {"a.txt": _article("Farmers", *body)})
    assert _kinds(found) == ["dispute"]


def test_bounds_of_two_sides_in_articles_of_three_languages_are_a_dispute(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_en.txt": _article("Farmers", "The Courier, February 12, 2025",
                             "More than 4,200 people demonstrated in Munich on Wednesday, police said."),
        "b_es.txt": _article("Agricultores", "El Correo, 12 de febrero de 2025",
                             "Hasta 15.000 personas se manifestaron el miércoles en Múnich, según los organizadores."),
        "c_fr.txt": _article("Agriculteurs", "Le Courrier, 12 février 2025",
                             "Jusqu'à 15 000 personnes ont manifesté mercredi à Munich, selon les organisateurs."),
    })
    assert _kinds(found) == ["dispute"]
    dispute = next(f for f in found if f.kind == "dispute")
    assert "police" in dispute.message and "organisers" in dispute.message


@pytest.mark.parametrize(
    "other",
    [
        # close to the bound: the two sides may well agree
        "Hasta 5.000 personas se manifestaron el miércoles en Múnich, según los organizadores.",
        # another day: another march
        "Hasta 15.000 personas se manifestaron el sábado en Múnich, según los organizadores.",
        # no named side: nothing says who disagrees with the police
        "Hasta 15.000 personas se manifestaron el miércoles en Múnich.",
        # the police and the authorities publish one count: their bound and figure meet
        "Hasta 15.000 personas se manifestaron el miércoles en Múnich, según las autoridades.",
    ],
)
def test_close_figures_other_days_and_one_voice_say_nothing(tmp_path: Path, other: str) -> None:
    found = findings(tmp_path, {
        "a_en.txt": _article("Farmers", "The Courier, February 12, 2025",
                             "More than 4,200 people demonstrated in Munich on Wednesday, police said."),
        "b_es.txt": _article("Agricultores", "El Correo, 12 de febrero de 2025", other),
    })
    assert _kinds(found) == []


def test_a_toll_given_as_a_bound_is_no_estimate_of_a_crowd(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_en.txt": _article("Floods", "The Courier, February 12, 2025",
                             "At least 12 people were killed in the floods in Munich on Wednesday, police said."),
        "b_fr.txt": _article("Inondations", "Le Courrier, 12 février 2025",
                             "Jusqu'à 40 personnes ont été tuées mercredi dans les inondations à Munich, "
                             "selon une ONG."),
    })
    assert _kinds(found) == []
