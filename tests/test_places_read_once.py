"""A sentence's places are read once and asked for again: first to find what the article is
about, then for each figure with the sources and the article's country known. A name inside a
club's name and a country named only as the neighbour across a border stay left out at every
asking: never the article's place, never a figure's.
"""

from __future__ import annotations

import pytest

from consistency.extract import extract_claims
from consistency.model import Document
from tests.sentences import DAY, figures

CLUB = {
    "en": "Stadium crush\n\nFans of Real Madrid were among 85 people hurt on Saturday, the police said. "
          "Real Madrid said 12 of them were children.",
    "fr": "Bousculade\n\nDes supporters du Real Madrid figurent parmi les 85 blessés samedi, selon la police. "
          "Le Real Madrid a indiqué que 12 d'entre eux étaient des enfants.",
    "es": "Avalancha en un estadio\n\nSeguidores del Real Madrid figuran entre los 85 heridos del sábado, según la "
          "policía. El Real Madrid dijo que 12 de ellos eran niños.",
}

BORDER = {
    "en": "Floods\n\nNear the border with Poland, 300 residents were evacuated on Monday, the police said. "
          "Near the border with Poland, 40 homes were flooded, according to the mayor.",
    "fr": "Inondations\n\nPrès de la frontière avec la Pologne, 300 habitants ont été évacués lundi, selon la police. "
          "Près de la frontière avec la Pologne, 40 maisons ont été inondées, a indiqué le maire.",
    "de": "Hochwasser\n\nNahe der Grenze zu Polen wurden am Montag 300 Anwohner evakuiert, teilte die Polizei mit. "
          "Nahe der Grenze zu Polen wurden laut dem Bürgermeister 40 Häuser überflutet.",
    "es": "Inundaciones\n\nCerca de la frontera con Polonia, 300 vecinos fueron evacuados el lunes, según la policía. "
          "Cerca de la frontera con Polonia, 40 casas quedaron inundadas, según el alcalde.",
}


@pytest.mark.parametrize("lang", sorted(CLUB))
def test_a_club_named_after_a_city_places_no_figure(lang: str) -> None:
    claims = figures(CLUB[lang], lang)
    assert {c.value.low for c in claims} == {85, 12}
    assert all(c.location != "Madrid" for c in claims), [(c.quote, c.location) for c in claims]


@pytest.mark.parametrize("lang", sorted(BORDER))
def test_the_country_across_the_border_places_no_figure(lang: str) -> None:
    claims = figures(BORDER[lang], lang)
    assert {c.value.low for c in claims} == {300, 40}
    assert all(c.location != "Poland" for c in claims), [(c.quote, c.location) for c in claims]


@pytest.mark.parametrize("text, lang", [(t, lang) for texts in (CLUB, BORDER) for lang, t in texts.items()])
def test_reading_an_article_again_gives_the_same_claims(text: str, lang: str) -> None:
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=DAY)
    assert extract_claims(doc) == extract_claims(doc)
