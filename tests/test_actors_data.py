"""The countries of actors.yaml: names, demonyms and adjectives in fr/en/de/es find their country,
and look-alike words (Indiana, Somaliland, "Jordan" as a first name) find none."""

from __future__ import annotations

import pytest

from consistency.extract.lexicon import build_lexicon


@pytest.fixture(scope="module")
def lex():
    return build_lexicon()


@pytest.mark.parametrize(
    ("sentence", "actor", "word"),
    [
        ("Au moins 98 pèlerins indiens sont morts de chaleur.", "India", "indiens"),
        ("At least 98 Indian pilgrims died in the heat.", "India", "Indian"),
        ("Mindestens 98 indische Pilger starben in der Hitze.", "India", "indische"),
        ("Al menos 98 peregrinos indios murieron por el calor.", "India", "indios"),
        ("Trois Égyptiennes ont été libérées mardi.", "Egypt", "Égyptiennes"),
        ("Zwölf Ägypter wurden an der Grenze festgenommen.", "Egypt", "Ägypter"),
        ("Las autoridades egipcias detuvieron a 40 personas.", "Egypt", "egipcias"),
        ("Quelque 300 soldats nigériens ont quitté la base.", "Niger", "nigériens"),
        ("Some 300 Nigerian soldiers left the base.", "Nigeria", "Nigerian"),
        ("Unos 300 soldados nigerinos abandonaron la base.", "Niger", "nigerinos"),
        ("Die Vereinigten Arabischen Emirate sagten 50 Millionen zu.", "United Arab Emirates",
         "Vereinigten Arabischen Emirate"),
        ("Kinshasa a annoncé 120 morts en RDC.", "Democratic Republic of the Congo", "Kinshasa"),
        ("Die Schweizer Behörden zählten 40 Fälle.", "Switzerland", "Schweizer"),
        ("Veinte turistas neozelandeses resultaron heridos.", "New Zealand", "neozelandeses"),
        ("Six people were hurt in Northern Ireland.", "United Kingdom", "Northern Ireland"),
        ("Los marroquíes y los españoles detenidos suman 14.", "Morocco", "marroquíes"),
        ("Zwei Spanier und drei Marokkaner wurden verletzt.", "Spain", "Spanier"),
    ],
)
@pytest.mark.slow
def test_country_words_find_their_country(lex, sentence, actor, word):
    m = lex.actor_terms.search(sentence)
    assert m is not None and (m.key, m.text) == (actor, word)


@pytest.mark.parametrize(
    "sentence",
    [
        "Storms killed 4 people in Indiana.",
        "Somaliland said 12 fishermen were missing.",
        "Jordan Bardella a réuni 3 000 militants.",
        "Le règlement de Dublin concerne 20 000 demandeurs.",
        "Il boit une eau minérale.",
    ],
)
def test_look_alikes_name_no_country(lex, sentence):
    assert lex.actor_terms.search(sentence) is None


def test_every_country_has_english_and_french_adjectives(lex):
    for key, labels in lex.actor_adjectives.items():
        assert labels.get("en") and labels.get("fr"), key
