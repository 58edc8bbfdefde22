"""Two figures of one article that carries no date (fr/en/de/es, invented sentences).

An article without a publication line still speaks of one present: two named sources it
sets side by side for the same count and place, neither with a day of its own, disagree as
they would in a dated article. Across articles an unknown time still matches nothing, and a
figure placed only by the article's country is not enough to compare.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests.sentences import findings_and_claims

HEAD = {
    "fr": "Le bilan des inondations reste contesté\n\n",
    "en": "Flood toll still disputed\n\n",
    "de": "Streit um die Zahl der Flutopfer\n\n",
    "es": "La cifra de víctimas sigue en disputa\n\n",
}
MINISTRY = {
    "fr": "Le ministère de l'Intérieur affirme que 40 personnes se sont noyées dans les inondations à Valence.",
    "en": "The interior ministry says 40 people drowned in the floods in Valencia.",
    "de": "Das Innenministerium meldet 40 Tote in Passau.",
    "es": "El Ministerio del Interior afirma que 40 personas murieron ahogadas en las inundaciones en Valencia.",
}
RED_CROSS = {
    "fr": "Selon la Croix-Rouge, entre 150 et 200 personnes sont mortes à Valence.",
    "en": "According to the Red Cross, between 150 and 200 people died in Valencia.",
    "de": "In Passau starben nach Angaben des Roten Kreuzes zwischen 150 und 200 Menschen.",
    "es": "Según la Cruz Roja, entre 150 y 200 personas murieron en Valencia.",
}
DATED = {
    "fr": "Publié le 3 novembre 2024\n\n",
    "en": "Published 3 November 2024\n\n",
    "de": "Veröffentlicht am 3. November 2024\n\n",
    "es": "Publicado el 3 de noviembre de 2024\n\n",
}


def _between(found: list[Finding], claims: dict[str, Claim], low: float, high: float) -> list[Finding]:
    """Findings that set the figure `low` against the one starting at `high`."""
    return [f for f in found if f.kind in ("dispute", "contradiction")
            and {claims[c].value.low for c in f.claims} >= {low, high}]


@pytest.mark.parametrize("lang", sorted(HEAD))
def test_two_sources_of_one_undated_article_disagree(tmp_path: Path, lang: str) -> None:
    text = HEAD[lang] + MINISTRY[lang] + " " + RED_CROSS[lang] + "\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    hits = _between(found, claims, 40, 150)
    assert [f.kind for f in hits] == ["dispute"], [(f.kind, f.message) for f in found]
    assert "Red Cross" in hits[0].message and "Interior Ministry" in hits[0].message


@pytest.mark.parametrize("lang", sorted(HEAD))
def test_the_same_pair_in_a_dated_article_is_judged_alike(tmp_path: Path, lang: str) -> None:
    text = HEAD[lang] + DATED[lang] + MINISTRY[lang] + " " + RED_CROSS[lang] + "\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    assert [f.kind for f in _between(found, claims, 40, 150)] == ["dispute"], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(HEAD))
def test_undated_figures_of_two_articles_are_not_compared(tmp_path: Path, lang: str) -> None:
    """Two undated pages may be months apart: an unknown time matches nothing across them."""
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": HEAD[lang] + MINISTRY[lang] + "\n",
        "b.txt": HEAD[lang] + RED_CROSS[lang] + "\n",
    })
    assert not _between(found, claims, 40, 150), [(f.kind, f.message) for f in found]


PLACED_BY_ARTICLE = {
    "fr": ("Crue meurtrière en Espagne\n\nLe ministère de l'Intérieur affirme que 40 personnes sont mortes dans les "
           "zones qu'il contrôle. Selon la Croix-Rouge, 150 personnes sont mortes dans les autres zones.\n"),
    "en": ("Deadly flood in Spain\n\nThe interior ministry says 40 people died in the areas it controls. "
           "According to the Red Cross, 150 people died in the other areas.\n"),
    "de": ("Tödliches Hochwasser in Spanien\n\nDas Innenministerium meldet 40 Tote in den Gebieten unter seiner "
           "Kontrolle. Nach Angaben des Roten Kreuzes starben in den übrigen Gebieten 150 Menschen.\n"),
    "es": ("Inundación mortal en España\n\nEl Ministerio del Interior afirma que 40 personas murieron en las zonas "
           "que controla. Según la Cruz Roja, 150 personas murieron en las demás zonas.\n"),
}


@pytest.mark.parametrize("lang", sorted(PLACED_BY_ARTICLE))
def test_undated_figures_placed_only_by_the_article_are_not_compared(tmp_path: Path, lang: str) -> None:
    """Neither time nor place read in the figures' own words: two areas' tolls, maybe."""
    found, claims = findings_and_claims(tmp_path, {"a.txt": PLACED_BY_ARTICLE[lang]})
    assert not _between(found, claims, 40, 150), [(f.kind, f.message) for f in found]


def test_one_source_twice_in_an_undated_article_is_a_story_in_steps(tmp_path: Path) -> None:
    """"40 dead … the ministry now counts 150": one voice's two figures in one article are
    told in steps, not set against each other."""
    text = (HEAD["en"] + "The interior ministry says 40 people drowned in the floods in Valencia. "
            "The interior ministry now says 150 people died in Valencia.\n")
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    assert not _between(found, claims, 40, 150), [(f.kind, f.message) for f in found]
