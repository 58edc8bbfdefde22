"""The gazetteer: names in four languages, which place lies within which, ambiguity, cost."""

from __future__ import annotations

import pytest

from consistency.extract.gazetteer import load_gazetteer


@pytest.fixture(scope="module")
def gz():
    return load_gazetteer()


@pytest.mark.parametrize(
    ("written", "lang", "name", "level", "country"),
    [
        ("Maroc", "fr", "Morocco", "country", "MA"),
        ("Marokko", "de", "Morocco", "country", "MA"),
        ("Marruecos", "es", "Morocco", "country", "MA"),
        ("Morocco", "en", "Morocco", "country", "MA"),
        ("Allemagne", "fr", "Germany", "country", "DE"),
        ("Corée du Nord", "fr", "North Korea", "country", "KP"),
        ("EE. UU.", "es", "United States", "country", "US"),
        ("Rhénanie-Palatinat", "fr", "Rheinland-Pfalz", "region", "DE"),
        ("Rheinland-Pfalz", "de", "Rheinland-Pfalz", "region", "DE"),
        ("Rhineland-Palatinate", "en", "Rheinland-Pfalz", "region", "DE"),
        ("Nordrhein-Westfalen", "de", "Nordrhein-Westfalen", "region", "DE"),
        ("Bavière", "fr", "Bayern", "region", "DE"),
        ("Île-de-France", "fr", "Île-de-France", "region", "FR"),
        ("ile de france", None, "Île-de-France", "region", "FR"),
        ("Beyrouth", "fr", "Beirut", "city", "LB"),
        ("Köln", "de", "Köln", "city", "DE"),
        ("Cologne", "en", "Köln", "city", "DE"),
        ("Múnich", "es", "Munich", "city", "DE"),
        ("Marrakech", "fr", "Marrakesh", "city", "MA"),
        ("Hawaii", "en", "Hawaii", "region", "US"),
        ("Maui", "en", "Maui County", "region", "US"),
    ],
)
def test_names_as_written_in_four_languages(gz, written, lang, name, level, country):
    place = gz.lookup(written, lang)
    assert place is not None
    assert (place.name, place.level, place.country) == (name, level, country)


@pytest.mark.parametrize(
    ("written", "lang", "name"),
    [
        ("province d'Al Haouz", "fr", "Al Haouz"),
        ("Al-Haouz", None, "Al Haouz"),
        ("provincia de Valencia", "es", "Valencia (province)"),
        ("Kreis Ahrweiler", "de", "Landkreis Ahrweiler"),
        ("Landkreis Ahrweiler", "de", "Landkreis Ahrweiler"),
        ("Kreis Euskirchen", "de", "Kreis Euskirchen"),
        ("Landkreis München", "de", "Landkreis München"),
        ("Land Rheinland-Pfalz", "de", "Rheinland-Pfalz"),
        ("state of Hawaii", "en", "Hawaii"),
        ("région Île-de-France", "fr", "Île-de-France"),
        ("Comunidad de Madrid", "es", "Comunidad de Madrid"),
    ],
)
def test_words_naming_a_subdivision_lead_to_the_subdivision(gz, written, lang, name):
    place = gz.lookup(written, lang)
    assert place is not None and place.level == "region" and place.name == name


def test_a_province_word_never_turns_a_city_into_a_province(gz):
    assert gz.lookup("province de Lyon", "fr") is None


def test_a_bare_name_shared_by_a_city_and_its_district_means_the_city(gz):
    assert gz.lookup("München", "de").level == "city"
    assert gz.lookup("Landkreis München", "de").level == "region"
    assert gz.lookup("Valencia", "es").level == "city"
    assert gz.lookup("Madrid", "es").level == "city"


def test_a_state_is_not_taken_for_a_foreign_town_of_the_same_name(gz):
    florida = gz.lookup("Florida", "en")
    assert (florida.level, florida.country) == ("region", "US")
    assert gz.relation("Miami", "Florida") == "within"


def test_common_words_are_not_taken_for_places(gz):
    assert gz.lookup("Mitte", "de") is None  # "in der Mitte"
    assert gz.lookup("Est", "fr") is None
    assert gz.lookup("département du Nord", "fr").country == "FR"
    assert gz.lookup("Der", "de") is None  # a geonames alternate name of a Hungarian city


def test_parents_run_from_nearest_to_country(gz):
    assert gz.lookup("Al Haouz").parents == ("Marrakech-Safi", "Morocco")
    assert gz.lookup("Kreis Ahrweiler").parents == ("Rheinland-Pfalz", "Germany")
    assert gz.lookup("Honolulu").parents == ("Hawaii", "United States")


def test_a_province_lies_within_its_country(gz):
    assert gz.relation("province d'Al Haouz", "Maroc") == "within"
    assert gz.contains("Marruecos", "Al Haouz") is True
    assert gz.relation("Alemania", "Kreis Ahrweiler") == "contains"


def test_a_city_lies_within_its_country(gz):
    assert gz.contains("Morocco", "Marrakech") is True
    assert gz.contains("Liban", "Beyrouth") is True


def test_two_countries_are_disjoint(gz):
    assert gz.relation("France", "Allemagne") == "disjoint"
    assert gz.contains("Marokko", "Spanien") is False


def test_a_city_and_a_province_of_other_countries_are_disjoint(gz):
    assert gz.relation("Beyrouth", "province d'Al Haouz") == "disjoint"
    assert gz.relation("Kreis Ahrweiler", "Bayern") == "disjoint"


def test_without_evidence_the_relation_stays_unknown(gz):
    # two cities of one country: geonames does not say they cannot overlap
    assert gz.relation("Lyon", "Marseille") == "unknown"
    # a French city and its region: no city-to-region link in the data
    assert gz.relation("Lyon", "Auvergne-Rhône-Alpes") == "unknown"
    assert gz.contains("Nowhereland", "Paris") is None
    assert gz.relation("Taiwan", "China") == "unknown"


def test_a_territory_lies_within_its_sovereign(gz):
    assert gz.relation("Guadeloupe", "France") == "within"


def test_ambiguous_names_keep_every_reading(gz):
    readings = {(p.level, p.country) for p in gz.candidates("Valencia")}
    assert {("city", "ES"), ("city", "VE"), ("region", "ES")} <= readings
    assert gz.lookup("Valencia").country == "ES" and gz.lookup("Valencia").level == "city"
    assert gz.lookup("Georgia").level == "country"
    assert gz.lookup("Georgia", hint="United States").name == "Georgia (state)"


def test_an_exonym_of_one_language_is_not_read_in_another(gz):
    assert gz.lookup("Valence", "fr").country == "ES"  # most populous reading
    assert gz.lookup("Valence", "fr", hint="France").country == "FR"
    assert gz.lookup("Valence", "en").country == "FR"


def test_an_ambiguous_name_near_its_country_is_read_there(gz):
    assert gz.relation("Valence", "Espagne", "fr") == "within"
    assert gz.relation("Valence", "France", "fr") == "within"


def test_a_city_is_not_the_same_place_as_its_namesake_province(gz):
    # a death toll for the city must not be compared as if it were the province's
    assert gz.relation("Valencia", "Valencia (province)") != "same"
    assert gz.relation("Valencia", "provincia de Valencia", "es") != "same"
    assert gz.relation("Valencia", "Valencia") == "same"


def test_canonical_names_round_trip(gz):
    province = gz.lookup("provincia de Valencia", "es")
    assert gz.relation(province.name, "Spain") == "within"
    assert gz.get(province.name) == province


def test_a_lookup_is_a_bounded_number_of_dict_accesses(gz):
    gz.work = 0
    gz.lookup("Rheinland-Pfalz")
    assert gz.work == 1
    gz.work = 0
    gz.lookup("comunidad autónoma de Inventada del Norte", "es")
    assert gz.work <= 1 + 2 * 4 * 2
    gz.relation("Kreis Ahrweiler", "Rheinland-Pfalz")
    assert gz.work <= 2 * 9 + 2


def test_the_gazetteer_is_built_once(gz):
    assert load_gazetteer() is gz


@pytest.mark.slow
def test_the_cache_file_is_rebuilt_when_damaged_and_then_reused(tmp_path, monkeypatch):
    from consistency.extract import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    path = gazetteer._cache_path(gazetteer.DATA_FILE)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not a gazetteer")
    built = gazetteer.cached_gazetteer()
    assert path.read_bytes() != b"not a gazetteer"
    calls = []
    monkeypatch.setattr(gazetteer, "build_gazetteer", lambda *a: calls.append(a))
    loaded = gazetteer.cached_gazetteer()
    assert calls == []
    for name, lang in (("Kreis Ahrweiler", "de"), ("Valence", "fr"), ("Marruecos", "es")):
        assert loaded.lookup(name, lang) == built.lookup(name, lang)
    assert loaded.relation("Al Haouz", "Maroc") == "within"
