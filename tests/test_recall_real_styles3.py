"""Figures news reports give in ways that were missed or given the wrong scope, in fr/en/de/es
(invented sentences).

A source whose verb is left out ("… and the unions 2.2 million") counts what the reporting
clause counted; "stieg um 7 auf 117" gives the new count 117 (the 7 is a step, no count);
"hatte … noch 110 betragen", "alcanzan los 2.946", "153 killed", "plus d'1 million" are read;
"mil 37" is 1 037 and never two wrong figures; figures closed by "respectively" count the
noun of their rank; people aboard one boat are one count whether the text calls them
migrants, passengers or people; a sum of the dead and the missing is not a count of the
missing; a breakdown of the identified is not a count of the dead."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings

# --- a source whose verb is left out --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Interior Ministry counted 1.17 million protesters across the country on 4 February and the unions 2.2 million.", "en"),
        ("Die Behörden zählten am Dienstag 1,17 Millionen Demonstranten im ganzen Land, die Gewerkschaften 2,2 Millionen.", "de"),
        ("Le ministère de l'Intérieur a compté 1,17 million de manifestants dans toute la France le 4 février et les syndicats 2,2 millions.", "fr"),
        ("El Ministerio del Interior contabilizó 1,17 millones de manifestantes el 4 de febrero y los sindicatos 2,2 millones.", "es"),
    ],
)
def test_the_second_source_without_its_verb_counts_the_same_protesters(text: str, lang: str) -> None:
    second = figure(text, lang, 2_200_000)
    assert (second.category, second.event) == ("protesters", "demonstrated")
    assert second.attributed_to == "unions"
    assert figure(text, lang, 1_170_000).attributed_to != "unions"


def test_a_bare_figure_after_a_source_with_nothing_counted_before_stays_out() -> None:
    assert figures("The unions 2.2 million, the ministry said.", "en") == []


# --- the new count after a step of change ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Zahl der Todesopfer im Landkreis stieg am Mittwoch um 7 auf 117, wie die Polizei mitteilte.", "de"),
        ("The death toll in the district rose by 7 to 117 on Wednesday, police said.", "en"),
        ("La cifra de muertos en la provincia aumentó en 7 hasta 117 el miércoles, según la policía.", "es"),
    ],
)
def test_a_toll_that_rose_by_a_step_gives_the_new_toll_only(text: str, lang: str) -> None:
    claims = figures(text, lang)
    assert [(c.value.low, c.value.high, c.category, c.event) for c in claims] == [(117, 117, "people", "killed")]


def test_a_german_count_with_its_verb_last_is_read() -> None:
    toll = figure("Am Vortag hatte die Zahl der Toten im Kreis noch 110 betragen.", "de", 110)
    assert (toll.category, toll.event) == ("people", "killed")


def test_a_spanish_toll_reached_by_its_victims_is_read() -> None:
    text = "Las víctimas mortales del terremoto alcanzan los 2.946, según el último balance del Ministerio del Interior."
    toll = figure(text, "es", 2946)
    assert (toll.category, toll.event, toll.attributed_to) == ("people", "killed", "Interior Ministry")


@pytest.mark.parametrize(
    ("text", "value", "event"),
    [
        ("Crowd crush in the old town: 153 killed, 82 injured", 153, "killed"),
        ("Crowd crush in the old town: 153 killed, 82 injured", 82, "wounded"),
        ("Among the 153 killed were 26 foreigners, officials said on Sunday.", 153, "killed"),
    ],
)
def test_a_headline_toll_without_a_noun_is_read(text: str, value: int, event: str) -> None:
    c = figure(text, "en", value)
    assert (c.category, c.event, c.value.high) == ("people", event, value)


def test_a_number_in_a_road_name_is_not_a_toll() -> None:
    assert all(c.value.low != 66 for c in figures("A lorry on Route 66 killed three pedestrians on Monday.", "en"))


@pytest.mark.parametrize("text", [
    "Selon la CGT, plus d'1 million de manifestants ont défilé jeudi dans toute la France.",
    "Selon la CGT, plus d’1 million de manifestants ont défilé jeudi dans toute la France.",
])
def test_plus_d_un_million_is_at_least_a_million(text: str) -> None:
    c = figure(text, "fr", 1_000_000)
    assert (c.value.low, c.value.high, c.category) == (1_000_000, None, "protesters")


# --- "mil 37" and figures matched by rank -----------------------------------------------------


def test_mil_followed_by_digits_is_one_figure() -> None:
    claims = figures("Aumentan a mil 37 los muertos por el terremoto en el sur del país.", "es")
    assert [c.value.low for c in claims] == [1037]
    assert (claims[0].category, claims[0].event) == ("people", "killed")


def test_a_year_before_mil_is_never_multiplied() -> None:
    claims = figures("En 2023 mil personas murieron en las carreteras de la región.", "es")
    assert all(c.value.low != 2_023_000 for c in claims)


@pytest.mark.parametrize(
    ("text", "lang", "dead", "injured"),
    [
        ("El balance de muertos y heridos ascendió a mil 12 y mil 340, respectivamente, informó el ministerio.", "es", 1012, 1340),
        ("The number of dead and injured rose to 1,012 and 1,340 respectively, the ministry said.", "en", 1012, 1340),
        ("Le bilan des morts et des blessés s'élève à 1 012 et 1 340 respectivement, selon le ministère.", "fr", 1012, 1340),
        ("Die Zahl der Toten und Verletzten stieg bis Freitag auf 212 beziehungsweise 340.", "de", 212, 340),
    ],
)
def test_figures_closed_by_respectively_count_the_noun_of_their_rank(text: str, lang: str, dead: int, injured: int) -> None:
    assert figure(text, lang, dead).event == "killed"
    assert figure(text, lang, injured).event == "wounded"


def test_figures_closed_by_respectively_without_one_noun_each_say_nothing() -> None:
    claims = figures("The toll rose to 1,012 and 1,340 respectively in the two provinces.", "en")
    assert all(c.event != "killed" for c in claims if c.value.low == 1340)


# --- people aboard ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("The fishing boat was carrying 400 migrants on board, according to the International Organization for Migration.", "en", 400),
        ("According to Frontex, some 600 people were on board the trawler when it capsized.", "en", 600),
        ("Le chalutier transportait 500 migrants à bord, selon l'OIM.", "fr", 500),
        ("Nach Angaben der Behörden waren 300 Menschen an Bord des Kutters.", "de", 300),
        ("Según Salvamento Marítimo, viajaban 58 personas a bordo de la patera.", "es", 58),
    ],
)
def test_people_aboard_are_counted_as_passengers_whatever_the_noun(text: str, lang: str, value: int) -> None:
    c = figure(text, lang, value)
    assert (c.category, c.event) == ("passengers", None)


def test_children_on_board_are_not_all_those_aboard() -> None:
    assert figure("There were 40 children on board, officials said.", "en", 40).category == "children"


def test_sources_giving_other_numbers_aboard_one_boat_are_a_dispute(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Shipwreck off the coast\n15/06/2023\n\nThe fishing boat that sank on Wednesday was carrying 400 migrants on board, "
                 "according to the International Organization for Migration.\n",
        "b.txt": "Shipwreck off the coast\n15/06/2023\n\nAccording to Frontex, some 600 people were on board the trawler when it "
                 "capsized on Wednesday.\n",
    })
    disputes = [f for f in found if f.kind == "dispute"]
    assert disputes, [f.message for f in found]
    assert "Frontex" in disputes[0].message and "400" in disputes[0].message


# --- sums and breakdowns that are not tolls ---------------------------------------------------


def test_a_total_of_dead_and_missing_is_not_a_count_of_the_missing() -> None:
    text = "Si se confirmara la muerte de los 9 desaparecidos, la riada se habría cobrado un total de 105 vidas."
    assert figure(text, "es", 105).event != "missing"
    assert figure(text, "es", 9).event == "missing"


def test_a_breakdown_of_the_identified_is_not_a_count_of_the_dead() -> None:
    text = ("De las 96 víctimas mortales registradas, 80 han sido identificadas: 52 mediante huellas dactilares, "
            "25 por ADN y 3 por otros medios.")
    claims = figures(text, "es")
    assert figure(text, "es", 80).event == "identified"
    assert not [c for c in claims if c.value.low in (52, 25, 3) and c.event == "killed"]


def test_a_news_agency_named_after_a_town_is_not_the_place() -> None:
    text = "At least three Chinese nationals were among those killed, Xinhua news agency reported, citing the embassy."
    c = figure(text, "en", 3)
    assert c.location is None
    assert c.measure == "part"  # some of the dead, never the toll


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Crash : 67 Allemands à bord selon les premières informations.", "fr"),
        ("Crash: 67 Germans on board, the airline said.", "en"),
        ("Accidente: 67 alemanes a bordo, según la aerolínea.", "es"),
    ],
)
def test_nationals_aboard_are_a_part_of_those_aboard_not_all_of_them(text: str, lang: str) -> None:
    """"67 Allemands à bord" are the Germans among the passengers: never set against the 144 aboard."""
    [claim] = [c for c in figures(text, lang) if c.value.low == 67]
    assert claim.category != "passengers" and claim.actor == "Germany", (claim.category, claim.actor)
