"""Figures for an island no map knows, or for a part of a known region (fr/en/de/es, invented sentences).

"On the small island of Tarvena" names a place even if the gazetteer lacks it: the figure is
there, not nowhere, so it is never set against a figure with no place of its own. "The smallest
of the Canary Islands" is a part of the archipelago: a figure for it may be smaller than the
archipelago's, never larger.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Finding
from tests.sentences import figure, findings_and_claims

HEADER = {"fr": "Mardi 4 mars 2025", "en": "Tuesday 4 March 2025", "de": "Dienstag, 4. März 2025",
          "es": "Martes, 4 de marzo de 2025"}
ISLAND = {  # {n} migrants on an island the gazetteer does not know
    "fr": "Depuis janvier, {n} migrants sont arrivés sur la petite île de Tarvena, selon les garde-côtes.",
    "en": "Since January, {n} migrants have arrived on the small island of Tarvena, the coast guard said.",
    "de": "Seit Januar wurden {n} Migranten auf der kleinen Insel Tarvena gerettet, teilte die Küstenwache mit.",
    "es": "Desde enero han llegado {n} migrantes a la pequeña isla de Tarvena, según los guardacostas.",
}
NOWHERE = {  # {n} migrants, no place said
    "fr": "Depuis janvier, {n} migrants sont arrivés, selon les garde-côtes.",
    "en": "Since January, {n} migrants have arrived, the coast guard said.",
    "de": "Seit Januar wurden {n} Migranten gerettet, teilte die Küstenwache mit.",
    "es": "Desde enero han llegado {n} migrantes, según los guardacostas.",
}
WHOLE = {  # {n} migrants in the whole archipelago
    "fr": "Depuis janvier, {n} migrants sont arrivés aux îles Canaries, selon le ministère de l'Intérieur.",
    "en": "Since January, {n} migrants have arrived in the Canary Islands, the Interior Ministry said.",
    "de": "Seit Januar wurden {n} Migranten auf den Kanarischen Inseln gerettet, teilte das Innenministerium mit.",
    "es": "Desde enero han llegado {n} migrantes a las islas Canarias, según el Ministerio del Interior.",
}
SMALLEST = {  # {n} migrants on one island of the archipelago
    "fr": "Depuis janvier, {n} migrants sont arrivés sur la plus petite des îles Canaries, selon le ministère de l'Intérieur.",
    "en": "Since January, {n} migrants have arrived on the smallest of the Canary Islands, the Interior Ministry said.",
    "de": "Seit Januar wurden {n} Migranten auf der kleinsten der Kanarischen Inseln gerettet, teilte das Innenministerium mit.",
    "es": "Desde enero han llegado {n} migrantes a la más pequeña de las islas Canarias, según el Ministerio del Interior.",
}
ONE_OF = {  # {n} migrants on another, unnamed island of the archipelago
    "fr": "Depuis janvier, {n} migrants sont arrivés sur l'une des îles Canaries, selon le ministère de l'Intérieur.",
    "en": "Since January, {n} migrants have arrived on one of the Canary Islands, the Interior Ministry said.",
    "de": "Seit Januar wurden {n} Migranten auf einer der Kanarischen Inseln gerettet, teilte das Innenministerium mit.",
    "es": "Desde enero han llegado {n} migrantes a una de las islas Canarias, según el Ministerio del Interior.",
}
LANGS = sorted(ISLAND)


def _number(lang: str, n: int) -> str:
    return f"{n:,}".replace(",", {"en": ",", "fr": " ", "de": ".", "es": "."}[lang])


def _contradictions(tmp_path: Path, lang: str, first: str, second: str) -> list[Finding]:
    """The contradictions between two articles of the same day, one sentence each."""
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{HEADER[lang]}\n\n{first}\n",
                                                   "b.txt": f"{HEADER[lang]}\n\n{second}\n"})
    return [f for f in found if f.kind == "contradiction" and len({claims[c].document for c in f.claims}) == 2]


@pytest.mark.parametrize("lang", LANGS)
def test_an_island_no_map_knows_places_the_figure_by_its_name(lang: str) -> None:
    claim = figure(ISLAND[lang].format(n=_number(lang, 3000)), lang, 3000)
    assert (claim.location, claim.place_source) == ("Tarvena", "unnamed")


@pytest.mark.parametrize("lang", LANGS)
def test_the_smallest_of_an_archipelago_is_a_part_of_it(lang: str) -> None:
    claim = figure(SMALLEST[lang].format(n=_number(lang, 3000)), lang, 3000)
    assert (claim.location, claim.place_source) == ("Canarias", "part")


@pytest.mark.parametrize("lang", LANGS)
def test_the_archipelago_is_a_region_of_its_country(lang: str) -> None:
    claim = figure(WHOLE[lang].format(n=_number(lang, 9500)), lang, 9500)
    assert (claim.location, claim.place_level) == ("Canarias", "region")


@pytest.mark.parametrize(("name", "region"), [("Sicily", "Sicilia"), ("Corsica", "Corse"), ("Crete", "Kríti")])
def test_english_names_of_island_regions_resolve(name: str, region: str) -> None:
    claim = figure(f"Since January, 900 migrants have arrived in {name}, the Interior Ministry said.", "en", 900)
    assert (claim.location, claim.place_source) == (region, "clause")


@pytest.mark.parametrize("lang", LANGS)
def test_an_island_figure_is_not_set_against_a_placeless_one(tmp_path: Path, lang: str) -> None:
    island, nowhere = ISLAND[lang].format(n=_number(lang, 3000)), NOWHERE[lang].format(n=_number(lang, 9500))
    assert not _contradictions(tmp_path, lang, island, nowhere)


@pytest.mark.parametrize("lang", LANGS)
def test_two_articles_on_the_same_island_still_disagree(tmp_path: Path, lang: str) -> None:
    first, second = ISLAND[lang].format(n=_number(lang, 3000)), ISLAND[lang].format(n=_number(lang, 9500))
    assert _contradictions(tmp_path, lang, first, second)


@pytest.mark.parametrize("lang", LANGS)
def test_a_part_may_be_smaller_than_the_whole(tmp_path: Path, lang: str) -> None:
    part, whole = SMALLEST[lang].format(n=_number(lang, 3000)), WHOLE[lang].format(n=_number(lang, 9500))
    assert not _contradictions(tmp_path, lang, part, whole)


@pytest.mark.parametrize("lang", LANGS)
def test_a_part_larger_than_the_whole_is_a_contradiction(tmp_path: Path, lang: str) -> None:
    part, whole = SMALLEST[lang].format(n=_number(lang, 9500)), WHOLE[lang].format(n=_number(lang, 3000))
    assert _contradictions(tmp_path, lang, part, whole)


@pytest.mark.parametrize("lang", LANGS)
def test_two_parts_of_one_archipelago_are_not_one_place(tmp_path: Path, lang: str) -> None:
    smallest, other = SMALLEST[lang].format(n=_number(lang, 3000)), ONE_OF[lang].format(n=_number(lang, 9500))
    assert not _contradictions(tmp_path, lang, smallest, other)


IN_COUNTRY = {  # an island no map knows, said to be in a country the map knows
    "fr": "Lundi, 400 migrants sont arrivés sur l'île de Tarvena, en Grèce, selon les garde-côtes.",
    "en": "On Monday, 400 migrants arrived on the island of Tarvena in Greece, the coast guard said.",
    "de": "Am Montag wurden 400 Migranten auf der Insel Tarvena in Griechenland gerettet, teilte die Küstenwache mit.",
    "es": "El lunes llegaron 400 migrantes a la isla de Tarvena, en Grecia, según los guardacostas.",
}


@pytest.mark.parametrize("lang", LANGS)
def test_an_unknown_island_of_a_known_country_is_a_part_of_it(lang: str) -> None:
    claim = figure(IN_COUNTRY[lang], lang, 400)
    assert (claim.location, claim.place_source) == ("Greece", "part")


def test_a_name_before_its_kind_places_the_figure() -> None:
    claim = figure("Since January, 3,000 migrants have arrived on Tarvena island, the coast guard said.", "en", 3000)
    assert (claim.location, claim.place_source) == ("Tarvena", "unnamed")


def test_the_same_island_spelled_two_ways_is_one_place(tmp_path: Path) -> None:
    first = ISLAND["en"].format(n="3,000")
    second = ISLAND["en"].format(n="9,500").replace("Tarvena", "Tarvenna")
    assert _contradictions(tmp_path, "en", first, second)
