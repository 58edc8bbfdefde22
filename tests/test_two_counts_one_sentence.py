"""Sentences that carry two counts, and running tolls.

A figure set against another ("bien davantage que les 27 000 de la semaine dernière") keeps
the main figure out of the compared figure's time. A figure whose sentence goes on to bring the
toll to a new total ("…, raising the death toll to 58") is what was added, not the toll. A count
phrase is read even when another count follows its clause ("auf 14 erhöht, mehr als 200
Menschen wurden verletzt"). A toll a source reckons ("estime qu'entre 3 500 et 4 000 personnes
sont mortes") is an estimate, not the running count. "Missing presumed dead" is a toll of its
own, neither the confirmed dead nor the missing. Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import exact, figure, figures, findings_and_claims

# --- a compared figure keeps its own time ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "main"),
    [
        ("Au moins 38 000 personnes ont défilé en France, soit bien davantage que les 21 000 "
         "mobilisés la semaine dernière, selon le ministère.", "fr", 38000),
        ("Some 38,000 people marched across France, far more than the 21,000 who turned out last week, "
         "the ministry said.", "en", 38000),
        ("Rund 38.000 Menschen gingen in Frankreich auf die Straße, deutlich mehr als die 21.000 Demonstranten "
         "der vergangenen Woche.", "de", 38000),
        ("Unos 38.000 personas se manifestaron en Francia, muchos más que los 21.000 manifestantes "
         "de la semana pasada.", "es", 38000),
    ],
)
def test_the_time_of_a_compared_figure_is_not_the_main_figures(text: str, lang: str, main: float) -> None:
    claim = figure(text, lang, main)
    label = claim.time.label if claim.time is not None else ""
    assert not any(w in label.casefold() for w in ("semaine", "week", "woche", "semana")), (claim.time, claim.time_source)


# --- the figure added before the new total is an increment ----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The bodies of the last two missing miners were located on Sunday, raising the death toll "
         "of the disaster to 58.", "en"),
        ("Les corps des deux derniers mineurs disparus ont été retrouvés dimanche, portant le bilan "
         "de la catastrophe à 58 morts.", "fr"),
        ("Die Leichen der letzten zwei vermissten Bergleute wurden am Sonntag geborgen, womit die Zahl "
         "der Toten auf 58 stieg.", "de"),
        ("Los cuerpos de los dos últimos mineros desaparecidos fueron hallados el domingo, elevando "
         "la cifra de muertos a 58.", "es"),
    ],
)
def test_a_figure_that_brings_the_toll_to_a_new_total_is_an_increment(text: str, lang: str) -> None:
    claims = figures(text, lang)
    assert exact(claims, 2).measure == "increment"
    total = exact(claims, 58)
    assert (total.measure, total.event) == ("running", "killed")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Drei Menschen starben am Montag, womit die Zahl der Verletzten auf 58 stieg.", "de", 3),
        ("Tres personas murieron el lunes, elevando la cifra de heridos a 58.", "es", 3),
        ("Three people died on Monday, raising the number of injured to 58.", "en", 3),
        ("The toll rose from 40 to 58 on Monday.", "en", 58),
        ("Norway has counted 12 deaths, bringing the toll across Europe to 140.", "en", 12),
        ("A ellos se suman cuatro muertos en Teruel, lo que eleva a 96 el total de víctimas mortales.", "es", 4),
    ],
)
def test_a_figure_of_another_count_stays_a_toll(text: str, lang: str, value: float) -> None:
    assert exact(figures(text, lang), value).measure == "running"


# --- a count phrase whose clause is followed by another count -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Polizei hat die Zahl der Opfer in der Nacht auf 14 erhöht, mehr als 200 Menschen wurden verletzt.", "de"),
        ("La police a porté le bilan à 14 dans la nuit, et plus de 200 personnes ont été blessées.", "fr"),
        ("Police raised the death toll to 14 overnight, while more than 200 people were injured.", "en"),
        ("La policía elevó la cifra de víctimas a 14 durante la noche, y más de 200 personas resultaron heridas.", "es"),
    ],
)
def test_a_raised_toll_is_read_when_another_count_follows(text: str, lang: str) -> None:
    claims = figures(text, lang)
    toll = exact(claims, 14)
    assert (toll.event, toll.measure) == ("killed", "running")
    hurt = [c for c in claims if c.value.low == 200]
    assert [c.event for c in hurt] == ["wounded"]


# --- a toll a source reckons is an estimate ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le maire de Valmont estime qu'entre 3500 et 4000 personnes sont mortes dans la crue.", "fr"),
        ("The mayor of Valmont estimates that between 3,500 and 4,000 people died in the flood.", "en"),
        ("Der Bürgermeister von Valmont schätzt, dass zwischen 3500 und 4000 Menschen in der Flut starben.", "de"),
        ("El alcalde de Valmont estima que entre 3.500 y 4.000 personas murieron en la riada.", "es"),
    ],
)
def test_a_reckoned_toll_is_an_estimate_not_the_running_count(text: str, lang: str) -> None:
    claim = figure(text, lang, 3800)
    assert (claim.event, claim.measure) == ("killed", "projection")


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("La préfecture estime que 40 000 personnes ont manifesté à Lyon.", "fr", 40000),
        ("Officials said 950 people have died in the flood.", "en", 950),
    ],
)
def test_a_figure_without_a_reckoning_keeps_its_measure(text: str, lang: str, value: float) -> None:
    assert exact(figures(text, lang), value).measure in ("total", "running")


def test_an_estimate_does_not_update_the_confirmed_toll(tmp_path: Path) -> None:
    found, _ = findings_and_claims(tmp_path, {
        "a.txt": "Crue à Valmont\n\n13 septembre 2025\n\nLa crue a fait plus de 900 morts à Valmont, d'après le gouvernement.\n",
        "b.txt": "Crue à Valmont\n\n14 septembre 2025\n\nLe maire de Valmont estime qu'entre 3500 et 4000 personnes "
                 "sont mortes dans la crue.\n",
    })
    assert not [f for f in found if f.kind in ("update", "contradiction")], [(f.kind, f.title) for f in found]


# --- missing presumed dead ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police said 41 people were missing, presumed dead.", "en"),
        ("Selon la police, 41 personnes sont disparues et présumées mortes.", "fr"),
        ("Nach Angaben der Polizei sind 41 Menschen vermisst und vermutlich tot.", "de"),
        ("Según la policía, 41 personas están desaparecidas y presuntamente muertas.", "es"),
    ],
)
def test_missing_presumed_dead_is_a_toll_of_its_own(text: str, lang: str) -> None:
    claim = exact(figures(text, lang), 41)
    assert (claim.event, claim.measure) == ("presumed_dead", "running")


def test_presumed_dead_beside_the_confirmed_dead_is_no_contradiction(tmp_path: Path) -> None:
    found, _ = findings_and_claims(tmp_path, {
        "a.txt": "Fire at Arden Court\n\n17 June 2025\n\nPolice said 30 people had died in the Arden Court fire.\n",
        "b.txt": "Arden Court fire\n\n17 June 2025\n\nA total of 58 people are missing, presumed dead, after the Arden Court "
                 "fire, police said.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"], [(f.kind, f.title) for f in found]
