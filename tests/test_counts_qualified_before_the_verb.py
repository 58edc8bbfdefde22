"""A count phrase ("the running count of deaths", "le décompte des morts", "el recuento de
muertos") qualified by words holding a figure of their own ("announced by some ten
countries") still names the figure its verb brings ("stood at 1,119"): the qualifying figure
is not the count, and two articles giving one source's count of one day differently
contradict each other. Sentences are invented, in each language where the construction exists."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import exact, figures, findings_and_claims

QUALIFIED = {
    "en": "On Friday the running count of deaths announced by some ten countries stood at 1,119, Reuters said.",
    "fr": "Vendredi, le décompte des morts annoncés par une dizaine de pays s'établissait à 1 119, selon Reuters.",
    "es": "El viernes, el recuento de muertos anunciados por una decena de países se situaba en 1.119, según Reuters.",
}


@pytest.mark.parametrize("lang", sorted(QUALIFIED))
def test_the_qualified_count_names_the_figure_its_verb_brings(lang: str) -> None:
    claims = figures(QUALIFIED[lang], lang)
    claim = exact(claims, 1119)
    assert (claim.category, claim.event, claim.measure) == ("people", "killed", "running")
    assert not [c for c in claims if c.event == "killed" and c.value.low == 10]


STORY = {
    "en": ("Heat on the pilgrimage\n\nPublished 21 June 2024\n\nThe heat killed many pilgrims near Mecca this week. "
           "Adding up national announcements, Reuters counted 1,126 deaths by Friday.\n",
           "Pilgrims die in the heat\n\nPublished 22 June 2024\n\nThe heat killed many pilgrims near Mecca this week. "),
    "fr": ("Chaleur sur le pèlerinage\n\nPublié le 21 juin 2024\n\nLa chaleur a tué de nombreux pèlerins près de "
           "La Mecque cette semaine. En additionnant les annonces nationales, Reuters a compté 1 126 morts jusqu'à vendredi.\n",
           "Des pèlerins meurent de chaleur\n\nPublié le 22 juin 2024\n\nLa chaleur a tué de nombreux pèlerins près de "
           "La Mecque cette semaine. "),
    "es": ("Calor en la peregrinación\n\n21 de junio de 2024\n\nEl calor mató a muchos peregrinos cerca de La Meca "
           "esta semana. Sumando los anuncios nacionales, Reuters contabilizó 1.126 muertos hasta el viernes.\n",
           "Peregrinos mueren por el calor\n\n22 de junio de 2024\n\nEl calor mató a muchos peregrinos cerca de La Meca "
           "esta semana. "),
}

SATURDAY = {
    "en": "On Saturday the running count of deaths announced by some ten countries stood at 1,301, Reuters said.",
    "fr": "Samedi, le décompte des morts annoncés par une dizaine de pays s'établissait à 1 301, selon Reuters.",
    "es": "El sábado, el recuento de muertos anunciados por una decena de países se situaba en 1.301, según Reuters.",
}


def _kinds(tmp_path: Path, lang: str, second: str) -> list[tuple[str, frozenset[float]]]:
    first, head = STORY[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": first, "b.txt": head + second + "\n"})
    return [(f.kind, frozenset(float(claims[i].value.low or 0) for i in f.claims if i in claims)) for f in found]


@pytest.mark.parametrize("lang", sorted(STORY))
def test_one_source_s_count_of_one_day_given_twice_differently_contradicts(tmp_path: Path, lang: str) -> None:
    assert ("contradiction", frozenset({1126.0, 1119.0})) in _kinds(tmp_path, lang, QUALIFIED[lang])


@pytest.mark.parametrize("lang", sorted(STORY))
def test_the_next_day_s_higher_count_is_no_contradiction(tmp_path: Path, lang: str) -> None:
    kinds = _kinds(tmp_path, lang, SATURDAY[lang])
    assert not [k for k, _ in kinds if k == "contradiction"], kinds


EVACUATED = {
    "en": "On Friday the running count of people evacuated by some ten countries stood at 1,119, Reuters said.",
    "fr": "Vendredi, le décompte des personnes évacuées par une dizaine de pays s'établissait à 1 119, selon Reuters.",
    "es": "El viernes, el recuento de personas evacuadas por una decena de países se situaba en 1.119, según Reuters.",
}


@pytest.mark.parametrize("lang", sorted(STORY))
def test_a_qualified_count_of_something_else_is_not_set_against_the_dead(tmp_path: Path, lang: str) -> None:
    kinds = _kinds(tmp_path, lang, EVACUATED[lang])
    assert not [k for k, _ in kinds if k == "contradiction"], kinds
