"""A city's name with a region word beside it names the region called after the city
(fr/en/de/es, invented sentences).

"12 killed in the Kharkiv region" is the oblast's toll, not the city's: read as the city, it
would be set against the city's own "4 killed" as a rival count of one place. The region is
labelled as readers know it ("Kharkiv Oblast", not the catalogue's "Kharkivska oblast"), holds
the city, and a city named beside its region does not hand an article's place to a third town.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract import extract_claims
from consistency.extract.gazetteer import load_gazetteer
from consistency.model import Document
from consistency.ruleset.places import Places
from tests.sentences import exact, figures, findings_and_claims

REGION = {
    "en": "Russian shelling killed 12 people in the Kharkiv region on Sunday, the governor said.",
    "fr": "Les bombardements russes ont tué 12 personnes dimanche dans la région de Kharkiv, selon le gouverneur.",
    "de": "Russische Angriffe haben am Sonntag in der Region Charkiw 12 Menschen getötet, teilte der Gouverneur mit.",
    "es": "Los bombardeos rusos mataron el domingo a 12 personas en la región de Járkov, según el gobernador.",
}
OBLAST = {
    "en": "Russian shelling killed 12 people in the Kharkiv oblast on Sunday, the governor said.",
    "fr": "Les bombardements russes ont tué 12 personnes dimanche dans l'oblast de Kharkiv, selon le gouverneur.",
    "de": "Russische Angriffe haben am Sonntag im Oblast Charkiw 12 Menschen getötet, teilte der Gouverneur mit.",
    "es": "Los bombardeos rusos mataron el domingo a 12 personas en el óblast de Járkov, según el gobernador.",
}
CITY = {
    "en": "In Kharkiv, 4 people were killed on Sunday, the mayor said.",
    "fr": "À Kharkiv, 4 personnes ont été tuées dimanche, selon le maire.",
    "de": "In Charkiw wurden am Sonntag 4 Menschen getötet, sagte der Bürgermeister.",
    "es": "En Járkov murieron el domingo 4 personas, según el alcalde.",
}
DATELINE = {"en": "Published 10 March 2025", "fr": "Publié le 10 mars 2025",
            "de": "Veröffentlicht am 10. März 2025", "es": "Publicado el 10 de marzo de 2025"}
DAY = dt.date(2025, 3, 10)


@pytest.mark.parametrize("lang", sorted(REGION))
def test_a_region_word_beside_a_city_name_places_the_figure_in_the_region(lang: str) -> None:
    for text in (REGION[lang], OBLAST[lang]):
        claim = exact(figures(text, lang, DAY), 12)
        assert (claim.location, claim.place_level) == ("Kharkiv Oblast", "region"), (text, claim.location)


@pytest.mark.parametrize("lang", sorted(CITY))
def test_the_bare_name_stays_the_city(lang: str) -> None:
    claim = exact(figures(CITY[lang], lang, DAY), 4)
    assert (claim.location, claim.place_level) == ("Kharkiv", "city")


@pytest.mark.parametrize("lang", sorted(REGION))
def test_the_region_and_the_city_are_not_one_place(tmp_path: Path, lang: str) -> None:
    """12 in the region and 4 in the city the same day: no contradiction, no dispute, no update."""
    text = f"{DATELINE[lang]}\n\n{REGION[lang]}\n\n{CITY[lang]}\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    places = {c.value.low: c.location for c in claims.values()}
    assert places.get(12) == "Kharkiv Oblast" and places.get(4) == "Kharkiv", places
    both = [f for f in found if {claims[c].value.low for c in f.claims} >= {4, 12}]
    assert [f.kind for f in both] == [], [(f.kind, f.message) for f in both]


def test_the_region_contains_the_city_named_like_it() -> None:
    g = load_gazetteer()
    city = g.lookup("Kharkiv", "en")
    assert city is not None and city.level == "city"
    region = g.region_named_after(city)
    assert region is not None and region.name == "Kharkiv Oblast"
    places = Places()
    assert "kharkiv oblast" in places.wider("Kharkiv")
    assert places.compatible("Kharkiv", "Kharkiv Oblast")
    assert not places.compatible("Kharkiv", "Kherson Oblast")


def test_no_region_is_guessed_when_a_name_fits_two() -> None:
    """Kyiv is a city subdivision of its own besides Kyivska oblast: neither is taken."""
    g = load_gazetteer()
    city = g.lookup("Kyiv", "en")
    assert city is not None
    assert g.region_named_after(city) is None if city.level == "city" else True
    assert g.lookup("région de Lyon", "fr") is None


@pytest.mark.parametrize(("lang", "text", "region"), [
    ("fr", "Les frappes ont fait 9 morts dans la région russe de Koursk, selon le gouverneur.", "Kursk Oblast"),
    ("fr", "Les frappes ont fait 9 morts dans la région occidentale de Koursk, selon le gouverneur.", "Kursk Oblast"),
    ("fr", "Les inondations ont fait 9 morts dans la province de Kherson, selon les autorités.", "Kherson Oblast"),
    ("en", "Drone strikes killed 9 people in Russia's Kursk region overnight, the governor said.", "Kursk Oblast"),
    ("en", "Shelling killed 9 civilians in Donetsk Oblast on Monday, officials said.", "Donetsk Oblast"),
    ("en", "The Kursk region's governor said 9 people were killed overnight.", "Kursk Oblast"),
    ("en", "Floods killed 9 people in the province of Kherson, officials said.", "Kherson Oblast"),
    ("de", "Im Gebiet Donezk wurden am Montag 9 Zivilisten getötet, teilte der Gouverneur mit.", "Donetsk Oblast"),
    ("de", "In der russischen Region Kursk starben 9 Menschen, teilte der Gouverneur mit.", "Kursk Oblast"),
    ("es", "Los ataques mataron a 9 civiles en la región de Jersón, según el gobernador.", "Kherson Oblast"),
    ("es", "Los ataques mataron a 9 personas en la región rusa de Kursk, según el gobernador.", "Kursk Oblast"),
])
def test_the_ways_pages_name_a_region_after_its_city(lang: str, text: str, region: str) -> None:
    claim = exact(figures(text, lang, DAY), 9)
    assert (claim.location, claim.place_level) == (region, "region"), (text, claim.location)


@pytest.mark.parametrize(("lang", "text", "city"), [
    # a district or a county is smaller than the region, or drawn otherwise
    ("fr", "Les frappes ont fait 9 morts dans le district de Kharkiv, selon le gouverneur.", "Kharkiv"),
    ("en", "Shelling killed 9 civilians in the Kharkiv district on Monday, officials said.", "Kharkiv"),
    # the region beside Kursk, not Kursk's own
    ("fr", "Les frappes ont fait 9 morts dans la région frontalière de Koursk, selon le gouverneur.", "Kursk"),
    # in France "la région de Lyon" is the area around the town: no subdivision of that name
    ("fr", "Les orages ont fait 9 blessés dans la région de Lyon, selon les pompiers.", "Lyon"),
    ("es", "Las tormentas dejaron 9 heridos en la región de Sevilla, según los bomberos.", "Sevilla"),
])
def test_other_words_beside_a_city_leave_the_city(lang: str, text: str, city: str) -> None:
    claim = exact(figures(text, lang, DAY), 9)
    assert (claim.location, claim.place_level) == (city, "city"), (text, claim.location)


def test_one_region_whatever_the_language_writes() -> None:
    """The region's one name in every language and spelling: figures of one region meet."""
    written = {
        ("fr", "Les frappes ont fait 9 morts dans l'oblast de Kharkiv, selon le gouverneur."),
        ("en", "Shelling killed 9 people in Kharkiv Oblast on Sunday, the governor said."),
        ("en", "Shelling killed 9 people in the Kharkov region on Sunday, the governor said."),
        ("de", "In der Region Charkiw wurden am Sonntag 9 Menschen getötet, sagte der Gouverneur."),
        ("es", "Los ataques mataron a 9 personas en la provincia de Járkov, según el gobernador."),
    }
    assert {exact(figures(text, lang, DAY), 9).location for lang, text in written} == {"Kharkiv Oblast"}


def test_regions_are_labelled_as_readers_know_them() -> None:
    g = load_gazetteer()
    for catalogue, label in (("Kurskaya oblast'", "Kursk Oblast"), ("Kharkivska oblast", "Kharkiv Oblast"),
                             ("Belgorodskaya oblast'", "Belgorod Oblast"), ("Luhanska oblast", "Luhansk Oblast")):
        region = g.lookup(catalogue)
        assert region is not None and (region.name, region.level) == (label, "region")
        assert g.lookup(label) == region


def test_the_city_lies_in_its_region_and_the_region_in_its_country() -> None:
    g = load_gazetteer()
    assert g.relation("Kursk", "Kursk Oblast") == "within"
    assert g.relation("Kursk Oblast", "Russia") == "within"
    assert g.relation("Kursk", "Belgorod Oblast") == "disjoint"  # two regions of one partition
    assert "kursk oblast" in Places().wider("Kursk")


def test_a_town_named_like_a_region_elsewhere_is_not_in_it() -> None:
    """Amursk lies far from Amurskaya oblast': only a division's largest city names its region."""
    g = load_gazetteer()
    town = g.lookup("Amursk", "en")
    assert town is not None and town.level == "city"
    assert g.city_region(town) is None and g.region_named_after(town) is None
    assert g.relation("Amursk", "Amurskaya oblast'") != "within"


ARTICLE = {
    "fr": ("Publié le 10 mars 2025\n\nLa région de Koursk reste sous le feu. {far}\n\nÀ Koursk, les sirènes ont retenti. "
           "Dans la région de Koursk, les écoles ont fermé. {far}\n\nÀ Koursk, les trains sont arrêtés. "
           "L'incursion ukrainienne a commencé en août 2024. {far}\n"),
    "en": ("Published 10 March 2025\n\nThe Kursk region remains under fire. {far}\n\nIn Kursk, sirens sounded. "
           "In the Kursk region, schools closed. {far}\n\nIn Kursk, trains stopped. "
           "The Ukrainian incursion began in August 2024. {far}\n"),
}
FAR = {"fr": "À Vladivostok, le port a rouvert.", "en": "In Vladivostok, the port reopened."}


@pytest.mark.parametrize("lang", sorted(ARTICLE))
def test_a_city_and_its_region_vote_together_for_the_articles_place(lang: str) -> None:
    """The region and its city, named twice each, outweigh a far town named three times: an
    event dated without a place of its own is the article's, in the region, not the far town's."""
    text = ARTICLE[lang].format(far=FAR[lang])
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=DAY)
    [claim] = [c for c in extract_claims(doc) if c.kind == "date" and c.event == "incursion"]
    assert (claim.location, claim.place_source) == ("Kursk Oblast", "document"), claim.location
