"""What state a figure counts: people there at the time, still there, still in hospital,
identified, bodies counted somewhere.

"512 workers were inside the mine at the time of the explosion" are neither killed nor trapped;
"88 heridos siguen hospitalizados" are the injured still in hospital, a count that falls, not
the injured; "51 fallecidos ya han sido identificados" are the identified dead, not the toll.
Bodies recovered from a site and bodies in a mortuary are not one count. The state is read
from cues.yaml `state_after` / `state_before`. Sentences are invented, in each language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim
from tests.sentences import exact, figures, findings_and_claims


def _holding(claims: list[Claim], value: float) -> Claim:
    """The one claim whose interval holds `value`, or whose lower bound it is ("at least 41")."""
    found = [c for c in claims if c.value.low is not None
             and (c.value.low == value or c.value.high is not None and c.value.low <= value <= c.value.high)]
    assert len(found) == 1, (value, [(c.quote, c.value, c.event) for c in claims])
    return found[0]


# --- people there at the time of the event, and those still there -----------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "event"),
    [
        ("The minister said 430 workers were inside the mine at the time of the blast.", "en", 430, "present"),
        ("Le ministre a indiqué que 430 ouvriers se trouvaient au fond au moment du coup de grisou.", "fr", 430, "present"),
        ("Zum Zeitpunkt des Unglücks befanden sich 430 Bergleute unter Tage, sagte der Minister.", "de", 430, "present"),
        ("Según el ministro, 430 mineros se encontraban en el interior de la mina en el momento del derrumbe.", "es", 430, "present"),
        ("Rescuers said about 75 miners were still inside the pit on Friday.", "en", 75, "remaining"),
        ("Une soixantaine d'ouvriers sont toujours au fond, selon la préfecture.", "fr", 60, "remaining"),
        ("Etwa 75 Bergleute sind noch unter Tage, sagte ein Sprecher der Grube.", "de", 75, "remaining"),
        ("Unos 75 mineros siguen dentro, según los equipos de rescate.", "es", 75, "remaining"),
    ],
)
def test_people_there_are_neither_killed_nor_trapped(text: str, lang: str, value: float, event: str) -> None:
    lead = {"en": "A blast at a coal mine killed at least 41 miners on Tuesday. ",
            "fr": "Un coup de grisou a tué au moins 41 ouvriers mardi. ",
            "de": "Bei einem Grubenunglück sind am Dienstag mindestens 41 Bergleute ums Leben gekommen. ",
            "es": "Una explosión en una mina mató el martes a al menos 41 mineros. "}[lang]
    claims = figures(lead + text, lang)
    assert _holding(claims, value).event == event
    assert _holding(claims, 41).event == "killed"  # the toll of the sentence before keeps its event


def test_those_aboard_are_not_the_dead_of_the_sentence_before() -> None:
    claims = figures("The ferry sank on Friday, killing at least 31 passengers. "
                     "The coastguard said 420 people were on board at the time.", "en")
    assert exact(claims, 420).event is None
    assert _holding(claims, 31).event == "killed"


def test_a_part_of_the_dead_said_with_the_verb_of_presence_stays_a_part_of_the_dead() -> None:
    claims = figures("Bei dem Brand starben 40 Menschen. Unter den Toten befanden sich zwölf Kinder.", "de")
    assert exact(claims, 12).event != "present"


# --- those still in hospital ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Some 57 injured passengers were still in hospital on Saturday, nine of them in critical condition.", "en"),
        ("Au total, 57 blessés sont toujours hospitalisés, dont 9 dans un état grave.", "fr"),
        ("57 Verletzte liegen noch im Krankenhaus, neun davon schwer.", "de"),
        ("Un total de 57 heridos permanecen ingresados, nueve de ellos en estado grave.", "es"),
        ("Siguen hospitalizados 57 heridos, nueve de ellos en estado grave.", "es"),
    ],
)
def test_the_injured_still_in_hospital_are_a_count_of_their_own(text: str, lang: str) -> None:
    claims = figures(text, lang)
    still = _holding(claims, 57)
    assert still.event == "hospitalised"
    assert still.measure == "total"  # it falls as they leave: never a running toll
    critical = exact(claims, 9)
    assert (critical.event, critical.measure, critical.part_of) == ("critically_wounded", "part", still.id)


# --- the identified dead ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Police said 24 victims have so far been identified.", "en"),
        ("Quelque 24 victimes ont été identifiées par les médecins légistes.", "fr"),
        ("24 Tote wurden bereits identifiziert.", "de"),
        ("Un total de 24 fallecidos ya han sido identificados, según el juzgado.", "es"),
        ("Ya han sido identificados 24 fallecidos.", "es"),
    ],
)
def test_the_identified_dead_are_not_the_toll(text: str, lang: str) -> None:
    assert _holding(figures(text, lang), 24).event == "identified"


# --- bodies counted at one place or stage -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Six bodies have been recovered from the wreck, while 14 bodies were taken to the morgue.", "en"),
        ("Six corps ont été sortis des décombres et 14 corps se trouvent à la morgue.", "fr"),
        ("Sechs Leichen wurden aus den Trümmern geborgen, 14 Leichen liegen in der Gerichtsmedizin.", "de"),
        ("Seis cadáveres han sido rescatados de los escombros y 14 cuerpos están en el depósito.", "es"),
    ],
)
def test_bodies_without_a_state_are_a_part_never_a_count_to_compare(text: str, lang: str) -> None:
    for claim in figures(text, lang):
        if claim.category == "bodies" and claim.event is None:
            assert claim.measure == "part"


def _dated(day: dt.date, head: str, body: str) -> str:
    return f"{head}\n\n{day.day} May 2025\n\n{body}\n"


def test_bodies_found_at_two_places_make_no_contradiction(tmp_path: Path) -> None:
    day = dt.date(2025, 5, 20)
    found, _claims = findings_and_claims(tmp_path, {
        "a.txt": _dated(day, "Hotel fire in Brackton", "At least 19 people died in the fire at the Lyle Hotel in Brackton, "
                        "police said on Tuesday.\n\nThree bodies have been recovered from the burnt-out building."),
        "b.txt": _dated(day, "Lyle Hotel fire: 19 dead", "The Lyle Hotel fire in Brackton killed at least 19 people, police "
                        "said on Tuesday.\n\nA coroner said 11 bodies were in the mortuary."),
    })
    assert not [f for f in found if f.kind == "contradiction"]


# --- the false findings are gone --------------------------------------------------------------


def test_presence_and_those_still_inside_make_no_dispute(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Blast at Kellow pit\n\n9 October 2025\n\nAn explosion at a coal mine in Kellow killed at least 52 "
                 "miners on Thursday, officials said.\n\nEnergy Minister Tom Rask said 430 workers were inside the mine "
                 "at the time of the explosion and 240 of them had been rescued.\n\nPremier Ada Holm said an estimated "
                 "75 miners were still inside the mine.\n",
        "b.txt": "Kellow toll rises to 88\n\n10 October 2025\n\nThe death toll from the explosion at the Kellow coal mine "
                 "has risen to 88, Energy Minister Tom Rask said on Friday.\n\nRask said 430 people were inside the mine "
                 "at the time of the blast.\n",
    })
    conflicts = [f for f in found if f.kind in ("contradiction", "dispute")]
    assert not conflicts
    killed = {c.value.low for c in claims.values() if c.event == "killed"}
    assert 430 not in killed and 75 not in killed


def test_those_still_in_hospital_do_not_corroborate_the_injured(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Descarrila un tren en Morante\n\n12/04/2025\n\nAl menos 25 muertos y un centenar de heridos es el "
                 "balance provisional del descarrilamiento de un tren en Morante, según los testigos.\n",
        "b.txt": "Se elevan a 33 los muertos en Morante\n\n13/04/2025\n\nLas víctimas mortales del descarrilamiento de "
                 "Morante se elevan a 33. 93 heridos siguen hospitalizados, 15 de ellos en estado crítico.\n",
    })
    still = next(c for c in claims.values() if c.value.low == 93)
    assert still.event == "hospitalised"
    assert not [f for f in found if still.id in f.claims]


def test_the_identified_dead_are_no_update_of_the_toll(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Incendio en Villaseca\n\n16/04/2025\n\nEl incendio de una nave en Villaseca ha causado 30 muertos.\n",
        "b.txt": "Se elevan a 47 los muertos en Villaseca\n\n17/04/2025\n\nLa cifra de muertos del incendio de "
                 "Villaseca se eleva a 47. Un total de 38 fallecidos ya han sido identificados este jueves, según el juzgado.\n",
    })
    identified = next(c for c in claims.values() if c.value.low == 38)
    assert identified.event == "identified"
    assert not [f for f in found if f.kind == "update" and identified.id in f.claims]


# --- a qualifier that opens the first line after a date line ---------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Incendio en Arbosa\n\n16/04/2025\n\nMás de 40 muertos y decenas de heridos es el balance del incendio.", "es"),
        ("Fire in Arbosa\n\n16/04/2025\n\nMore than 40 dead and dozens injured is the toll of the fire.", "en"),
    ],
)
def test_a_qualifier_after_a_date_line_is_kept(text: str, lang: str) -> None:
    dead = next(c for c in figures(text, lang) if c.event == "killed")
    assert (dead.value.low, dead.value.high, dead.qualifier) == (40, None, "more_than")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Six days after the sinking, at least 78 bodies have been recovered from the sea.", "en"),
        ("Six jours après le naufrage, au moins 78 cadavres ont été repêchés.", "fr"),
        ("Sechs Tage nach dem Untergang wurden mindestens 78 Leichen geborgen.", "de"),
        ("Anoche sacaron 78 cuerpos de los escombros.", "es"),
    ],
)
def test_bodies_taken_out_of_the_site_are_a_count_of_their_own(text: str, lang: str) -> None:
    bodies = _holding(figures(text, lang), 78)
    assert (bodies.category, bodies.event) == ("bodies", "recovered")
    assert bodies.measure == "running"  # bodies recovered only add up


def test_bodies_in_a_mortuary_do_not_take_the_state_of_the_bodies_before() -> None:
    claims = figures("Six bodies have been recovered from the wreck. Four bodies are in the mortuary.", "en")
    assert _holding(claims, 6).event == "recovered"
    assert (_holding(claims, 4).event, _holding(claims, 4).measure) == (None, "part")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The fate of an estimated 120 miners remained unclear, officials said.", "en"),
        ("Le sort des 120 mineurs restait inconnu jeudi soir.", "fr"),
        ("Das Schicksal der 120 Bergleute war am Abend noch unklar.", "de"),
        ("Se desconoce la suerte de los 120 mineros atrapados.", "es"),
    ],
)
def test_those_whose_fate_is_unknown_are_not_counted_as_dead(text: str, lang: str) -> None:
    lead = {"en": "The blast killed at least 41 miners. ", "fr": "Le coup de grisou a tué au moins 41 ouvriers. ",
            "de": "Bei dem Unglück starben mindestens 41 Bergleute. ", "es": "La explosión mató a al menos 41 mineros. "}[lang]
    claims = figures(lead + text, lang)
    assert not [c for c in claims if c.value.low is not None and 110 <= c.value.low <= 130 and c.event == "killed"]

