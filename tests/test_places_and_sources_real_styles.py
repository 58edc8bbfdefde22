"""Places and sources written the way news reports write them, in fr/en/de/es (invented sentences).

A place that closes a clause ("… in the collision of two buses in Burgos") is every figure's
of the clause; a country that counts ("Poland counted seven deaths") is where the dead are,
not a source, and the countries listed after it belong to the "two each"; a country in the
German genitive ("im Süden Polens") is that country; a neighbour across a border and the two
ends of a route are not where a figure is; "…, según informó X" names the figure's source, and
a source that closes one sentence is not carried to a rival count in the next; a town whose
name a foreign city shares does not make the story foreign."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings

# --- a place that closes the clause --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        ("Once personas murieron el lunes en el choque de dos autobuses en Burgos.", "es", "Burgos"),
        ("Onze personnes sont mortes lundi dans la collision de deux cars à Nantes.", "fr", "Nantes"),
        ("Eleven people died on Monday in the collision of two buses in Burgos.", "en", "Burgos"),
        ("Elf Menschen starben am Montag beim Zusammenstoß von zwei Bussen in Bremen.", "de", "Bremen"),
    ],
)
def test_the_place_closing_the_clause_is_the_tolls_place(text: str, lang: str, town: str) -> None:
    assert figure(text, lang, 11).location == town


def test_a_place_after_the_figures_verb_is_its_own_before_the_next_figure() -> None:
    """"8 personnes interpellées à Lille et 2 000 contrôles": Lille is the arrests' place too."""
    text = "À 11 heures, 9 personnes avaient été interpellées à Lille et 2 140 contrôles effectués aux abords de la gare."
    assert figure(text, "fr", 9).location == "Lille"


def test_a_toll_closing_on_the_crash_site_is_updated_by_the_next_days_toll(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Choque en Burgos\n09/03/2026\n\nOnce personas murieron este lunes en el choque de dos autobuses en Burgos.\n",
        "b.txt": "Choque en Burgos\n11/03/2026\n\nEl balance del choque de los autobuses en Burgos asciende ya a 19 muertos y 40 heridos.\n",
    })
    updates = [f for f in found if f.kind == "update"]
    assert updates, [f.message for f in found]
    assert "11" in updates[0].message and "19" in updates[0].message


# --- per-country lists with "each" ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Poland counted seven deaths on Tuesday, Lithuania and Latvia two each.", "en"),
        ("Polen zählte am Dienstag sieben Todesopfer, Litauen und Lettland je zwei.", "de"),
        ("Polonia contabilizó siete muertos el martes, Lituania y Letonia dos cada una.", "es"),
        ("La Pologne a compté sept morts mardi, la Lituanie et la Lettonie deux chacune.", "fr"),
    ],
)
def test_the_country_that_counts_is_the_place_and_the_list_is_the_each(text: str, lang: str) -> None:
    seven = figure(text, lang, 7)
    assert seven.location == "Poland"
    assert seven.attributed_to is None  # a country that counts is where, not who
    for other in figures(text, lang):
        assert "+" not in (other.location or "")  # never "Latvia + Lithuania" for one figure


def test_one_figure_each_is_given_to_every_listed_country() -> None:
    text = "Polen meldete am Dienstag 60.000 Haushalte ohne Strom, Litauen und Lettland je 8.000."
    eight = [c for c in figures(text, "de") if c.value.low == 8000]
    assert sorted(c.location or "" for c in eight) == ["Latvia", "Lithuania"]
    assert all(c.attributed_to is None for c in eight)  # Poland did not report them
    assert figure(text, "de", 60000).location == "Poland"


# --- a country in the genitive, a neighbour across the border ------------------------------


@pytest.mark.parametrize(
    ("text", "value", "country"),
    [
        ("Das Unwetter traf vor allem Deutschland. Im Süden Polens kamen am Dienstag vier Menschen ums Leben.", 4, "Poland"),
        ("In Deutschland blieb es ruhig. Im Westen Frankreichs waren am Dienstag 90.000 Haushalte ohne Strom.", 90000, "France"),
    ],
)
def test_a_country_in_the_genitive_is_the_place(text: str, value: float, country: str) -> None:
    assert figure(text, "de", value).location == country


@pytest.mark.parametrize(
    ("text", "lang", "neighbour"),
    [
        ("Bei einem Busunglück nahe Cottbus an der Grenze zu Polen sind am Dienstag zwei Menschen gestorben.", "de", "Poland"),
        ("Two people were injured on Tuesday near the border with Slovenia when a coach overturned.", "en", "Slovenia"),
        ("Dos personas resultaron heridas el martes cerca de la frontera con Portugal al volcar un autocar.", "es", "Portugal"),
        ("Deux personnes ont été blessées mardi près de la frontière avec la Belgique dans la chute d'un car.", "fr", "Belgium"),
    ],
)
def test_the_neighbour_across_the_border_is_not_the_place(text: str, lang: str, neighbour: str) -> None:
    assert figure(text, lang, 2).location != neighbour


# --- the two ends of a route ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "ends"),
    [
        ("Un autobús con 48 viajeros que cubría la ruta Burgos–Logroño volcó el lunes.", "es", {"Burgos", "Logroño"}),
        ("Ein Zug mit 48 Fahrgästen auf der Strecke Hannover–Bremen entgleiste am Montag.", "de", {"Hannover", "Bremen"}),
        ("A train carrying 48 passengers on the Bristol–Exeter line derailed on Monday.", "en", {"Bristol", "Exeter"}),
        ("Un train transportant 48 voyageurs sur la ligne Nantes-Rennes a déraillé lundi.", "fr", {"Nantes", "Rennes"}),
    ],
)
def test_the_ends_of_a_route_are_not_the_place(text: str, lang: str, ends: set[str]) -> None:
    assert figure(text, lang, 48).location not in ends


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El avión que volaba entre Lisboa y Hamburgo con 180 pasajeros aterrizó de emergencia.", "es"),
        ("The plane flying between Lisbon and Hamburg with 180 passengers made an emergency landing.", "en"),
        ("Das Flugzeug, das zwischen Lissabon und Hamburg mit 180 Passagieren unterwegs war, musste notlanden.", "de"),
        ("L'avion qui volait entre Lisbonne et Hambourg avec 180 passagers a dû se poser en urgence.", "fr"),
    ],
)
def test_the_two_towns_a_trip_runs_between_are_not_the_place(text: str, lang: str) -> None:
    assert figure(text, lang, 180).location is None


def test_the_place_after_a_route_is_the_place() -> None:
    text = "Un autobús con 48 viajeros que cubría la ruta Burgos–Logroño volcó el lunes en Soria, según informó Alsa."
    bus = figure(text, "es", 48)
    assert (bus.location, bus.attributed_to) == ("Soria", "Alsa")


# --- sources at the end of the sentence, and not beyond it ---------------------------------


def test_two_operators_giving_two_passenger_counts_are_a_dispute(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Vuelca un autobús en Soria\n09/03/2026\n\nUn autobús con 48 viajeros volcó el lunes en Soria, según informó Alsa.\n",
        "b.txt": "Vuelca un autobús en Soria\n09/03/2026\n\nEl autobús, con 56 viajeros a bordo, volcó el lunes en Soria, según ha informado la DGT.\n",
    })
    disputes = [f for f in found if f.kind == "dispute"]
    assert disputes and "Alsa" in disputes[0].message, [f.message for f in found]


@pytest.mark.parametrize(
    ("text", "lang", "first", "second"),
    [
        ("More than 300 people have died, according to the Health Ministry. Some 40 people have died in the neighbouring province.",
         "en", 300, 40),
        ("Plus de 300 personnes sont mortes, selon le ministère de la Santé. Une quarantaine de personnes sont mortes dans la province voisine.",
         "fr", 300, 40),
    ],
)
def test_a_source_closing_a_sentence_is_not_carried_to_the_next_count(text: str, lang: str, first: float, second: float) -> None:
    assert figure(text, lang, first).attributed_to == "Health Ministry"
    assert figure(text, lang, second).attributed_to is None


def test_the_article_opening_a_sentence_is_no_source() -> None:
    """"Die bestätigte Zahl": a participle that is also a reporting verb does not make "Die" a speaker."""
    assert figure("Die bestätigte Zahl der Toten beim Fährunglück liegt inzwischen bei 31.", "de", 31).attributed_to is None


# --- a town that shares its name with a foreign city ---------------------------------------


def test_a_namesake_town_does_not_make_the_story_foreign() -> None:
    text = ("El volcán sigue activo en Canarias. La lava ha destruido 320 viviendas en El Paso. "
            "Otras 20 personas resultaron heridas leves.")
    assert figure(text, "es", 20).location != "United States"
