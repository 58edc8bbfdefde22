"""What a figure counts when the noun is not right after it: those aboard a ship or plane and
what happened to them, a part of a whole that is a figure too ("60 of the 251 people"), the
count a phrase names before the figure ("the number of those saved was"), miners trapped
underground and those who got out, and a German nationality after the noun with the verb
first. Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings

# --- aboard ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "event"),
    [
        ("By dawn on Sunday, 187 aboard the cargo ship had been rescued, with four confirmed dead.", "en", 187, "rescued"),
        ("Selon la préfecture, 87 à bord du chalutier ont été secourus.", "fr", 87, "rescued"),
        ("Alle 54 an Bord kamen ums Leben, teilte die Fluggesellschaft mit.", "de", 54, "killed"),
        ("Los 87 a bordo del pesquero fueron rescatados, según Salvamento Marítimo.", "es", 87, "rescued"),
    ],
)
def test_those_aboard_are_people_the_clause_says_what_of(text: str, lang: str, value: float, event: str) -> None:
    claim = figure(text, lang, value)
    assert (claim.category, claim.event) == ("people", event)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The trawler sank overnight with 23 aboard.", "en"),
        ("Le chalutier a coulé dans la nuit avec 23 personnes à bord et 6 à bord du canot.", "fr"),
    ],
)
def test_aboard_without_a_verb_is_left_out(text: str, lang: str) -> None:
    assert not [c for c in figures(text, lang) if c.value.low in (23, 6) and c.noun_source == "aboard"]


def test_crew_aboard_are_not_passengers() -> None:
    claim = figure("Quatre membres d'équipage étaient également à bord du ferry.", "fr", 4)
    assert claim.category == "crew"
    assert claim.category != "passengers"


# --- a part of a whole that is a figure --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "category", "event"),
    [
        ("That left 60 of the 251 people on the vessel unaccounted for.", "en", 60, "people", "missing"),
        ("Selon la préfecture, 40 des 96 passagers ont été secourus.", "fr", 40, "passengers", "rescued"),
        ("Nach Angaben der Reederei wurden 31 der 96 Passagiere gerettet.", "de", 31, "passengers", "rescued"),
        ("Según la naviera, 31 de los 96 pasajeros fueron rescatados.", "es", 31, "passengers", "rescued"),
    ],
)
def test_n_of_the_m_is_a_part_with_its_clauses_event(text: str, lang: str, value: float, category: str, event: str) -> None:
    part = figure(text, lang, value)
    assert (part.category, part.event, part.measure) == (category, event, "part")


def test_n_of_the_m_with_nothing_said_of_them_is_left_out() -> None:
    claims = figures("Officials said 40 of the 96 people come from the town.", "en")
    assert not [c for c in claims if c.value.low == 40]


# --- the count named before the figure -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The number of those saved was 190, the navy said on Tuesday.", "en"),
        ("Le nombre de personnes secourues s'élève désormais à 190.", "fr"),
        ("Die Zahl der Geretteten liegt inzwischen bei 190, teilte die Küstenwache mit.", "de"),
        ("El número de rescatados es de 190, según Salvamento Marítimo.", "es"),
    ],
)
def test_the_number_of_those_saved_counts_the_rescued(text: str, lang: str) -> None:
    claim = figure(text, lang, 190)
    assert (claim.category, claim.event) == ("people", "rescued")


# --- trapped, and those who got out ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Twelve miners remain trapped in the shaft, the operator said.", "en"),
        ("Douze mineurs bloqués depuis mardi attendent les secours.", "fr"),
        ("Selon l'exploitant, douze mineurs sont bloqués au fond du puits.", "fr"),
        ("Nach dem Einsturz im Schacht sind zwölf Bergleute eingeschlossen.", "de"),
        ("Doce mineros permanecen atrapados en el pozo, según la empresa.", "es"),
    ],
)
def test_miners_trapped_underground(text: str, lang: str) -> None:
    claim = figure(text, lang, 12)
    assert (claim.category, claim.event) == ("workers", "trapped")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Firefighters rescued 23 people trapped in the basement.", "en", 23),
        ("Los bomberos rescataron a 230 personas atrapadas en sus casas.", "es", 230),
    ],
)
def test_the_trapped_who_were_rescued_are_rescued(text: str, lang: str, value: float) -> None:
    assert figure(text, lang, value).event == "rescued"


def test_french_minors_stay_children() -> None:
    claim = figure("Parmi les migrants débarqués, 14 mineurs non accompagnés ont été pris en charge.", "fr", 14)
    assert claim.category == "children"


def test_those_buried_by_a_collapse_are_the_trapped() -> None:
    claim = figure("Die Suche nach den neun Verschütteten geht weiter.", "de", 9)
    assert (claim.category, claim.event) == ("people", "trapped")


def test_included_is_not_trapped() -> None:
    claim = figure("Insgesamt 120 Menschen, Kinder eingeschlossen, wurden evakuiert.", "de", 120)
    assert claim.event == "evacuated"


def test_those_who_got_out_by_themselves_are_safe_and_the_whole_is_not_trapped() -> None:
    text = ("Nach einem Gebirgsschlag sind neun Bergleute eingeschlossen. "
            "Von den 30 Kumpeln unter Tage konnten sich 21 selbst retten.")
    out = figure(text, "de", 21)
    assert (out.event, out.measure) == ("rescued", "part")
    assert figure(text, "de", 30).event is None  # all who were underground, not the trapped


# --- German nationality after the noun, verb first --------------------------------------------------


def test_german_nationality_after_the_noun_is_a_part() -> None:
    text = "Bei dem Unglück starben 40 Menschen. Nach Angaben des Außenministeriums waren 14 Passagiere Italiener."
    part = figure(text, "de", 14)
    assert (part.actor, part.measure) == ("Italy", "part")
    assert part.location is None


def test_a_lower_case_adjective_after_the_noun_is_not_said_of_a_part() -> None:
    claim = figure("En el autobús eran 14 pasajeros italianos, según la empresa.", "es", 14)
    assert claim.measure != "part"


# --- across documents ----------------------------------------------------------------------------


def test_miners_underground_do_not_contradict_the_trapped(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Grubenunglück\n12.05.2025\n\nNach einem Gebirgsschlag im Schacht bei Kattowitz sind neun Bergleute eingeschlossen.\n",
        "b.txt": "Grubenunglück\n12.05.2025\n\nNach einem Gebirgsschlag im Schacht bei Kattowitz sind neun Bergleute eingeschlossen. "
                 "Von den 30 Kumpeln unter Tage konnten sich 21 selbst retten.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"]


def test_two_counts_of_the_trapped_disagree(tmp_path: Path) -> None:
    said = "miners were trapped on Monday after a tunnel collapsed near Katowice, the operator said."
    found = findings(tmp_path, {
        "a.txt": f"Mine collapse\nMay 12, 2025\n\nNine {said}\n",
        "b.txt": f"Mine collapse\nMay 12, 2025\n\nFifteen {said}\n",
    })
    assert [f for f in found if f.kind in ("contradiction", "dispute")]
    assert figure(f"Nine {said}", "en", 9).event == "trapped"  # not what the collapse destroyed
