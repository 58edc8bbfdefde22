"""What a figure counts, in the styles of real disaster reporting, in fr/en/de/es (invented
sentences): a building's floors are never a count of people nor a toll; identified victims are
their own event (a part of the dead), never the toll; people located, found alive or safe are
never the missing nor the dead; the head noun of "the number of injured is close to 300"
decides what it counts, not a toll named earlier."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from consistency.pipeline import check
from tests import sentences

DAY = dt.date(2025, 4, 14)
figures = functools.partial(sentences.figures, day=DAY)
figure = functools.partial(sentences.figure, day=DAY)


def values(text: str, lang: str) -> set[float | None]:
    return {c.value.low for c in figures(text, lang)}


# --- a building's floors ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("El número de muertos del derrumbe del edificio de 12 plantas en Lima sigue creciendo.", "es"),
        ("La cifra de fallecidos en la torre de 12 pisos de Bogotá no deja de aumentar.", "es"),
        ("The number of dead in the 12-storey tower in Leeds has risen again, officials said.", "en"),
        ("The death toll in the collapse of the apartment block, a tower of 12 floors, keeps rising.", "en"),
        ("Le nombre de victimes dans l'immeuble de 12 étages de Marseille continue d'augmenter.", "fr"),
        ("Le bilan de l'effondrement d'un immeuble de 12 étages à Lyon reste incertain.", "fr"),
        ("Die Zahl der Opfer im 12-stöckigen Wohnhaus in Bremen wächst weiter.", "de"),
        ("Die Zahl der Toten in dem Gebäude mit 12 Etagen in Köln ist noch unklar.", "de"),
    ],
)
def test_a_buildings_floors_are_never_a_count_of_people(text, lang):
    assert 12 not in values(text, lang)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La cifra de fallecidos en la torre de 20 pisos de Bogotá subió a 7.", "es"),
        ("The death toll from the collapse of the 20-story building in Manila rose to 7.", "en"),
        ("Le bilan de l'effondrement d'un immeuble de 20 étages à Lyon s'est alourdi à 7 morts.", "fr"),
        ("Die Zahl der Toten beim Einsturz des 20-stöckigen Gebäudes in Köln stieg auf 7.", "de"),
    ],
)
def test_the_toll_after_a_buildings_floors_is_still_read(text, lang):
    claim = figure(text, lang, 7)
    assert (claim.category, claim.event) == ("people", "killed")
    assert 20 not in values(text, lang)


def test_a_building_sized_by_its_residents_still_counts_them():
    claim = figure("En el edificio de 120 vecinos no hubo heridos, según los bomberos.", "es", 120)
    assert claim.category == "residents"


# --- identified victims ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La cifra de muertos asciende a 52. El número de víctimas mortales identificadas ascendió a 33, dijo la alcaldesa.", "es"),
        ("La cifra de muertos asciende a 52. Se ha identificado a 33 del total de fallecidos, según la fiscalía.", "es"),
        ("The death toll stands at 52. Forensic teams have identified 33 of the dead, the coroner said.", "en"),
        ("The death toll stands at 52. The number of identified victims rose to 33.", "en"),
        ("Le bilan s'établit à 52 morts. Le nombre de victimes identifiées est passé à 33.", "fr"),
        ("Le bilan s'établit à 52 morts. Les légistes ont identifié 33 des victimes, selon le parquet.", "fr"),
        ("Die Zahl der Toten liegt bei 52. Die Zahl der identifizierten Opfer stieg auf 33.", "de"),
        ("Die Zahl der Toten liegt bei 52. Bislang wurden 33 Opfer identifiziert, sagte die Polizei.", "de"),
    ],
)
def test_identified_victims_are_their_own_event_never_the_toll(text, lang):
    assert figure(text, lang, 33).event == "identified"
    assert figure(text, lang, 52).event == "killed"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Treinta de las 52 víctimas han sido identificadas, informó la fiscalía.", "es"),
        ("Thirty of the 52 dead have been identified, the coroner said.", "en"),
        ("Trente des 52 morts ont été identifiés, selon le parquet.", "fr"),
        ("30 der 52 Toten wurden bereits identifiziert, teilte die Polizei mit.", "de"),
    ],
)
def test_the_whole_of_the_identified_keeps_its_own_event(text, lang):
    claim = figure(text, lang, 52)
    assert (claim.category, claim.event) == ("people", "killed")
    assert not any(c.event == "identified" and c.value.low == 52 for c in figures(text, lang))


def test_a_whole_whose_noun_names_no_event_is_left_out_rather_than_given_the_parts_verb():
    text = "In der Nacht sind acht der 40 Bewohner des Pflegeheims gestorben, sagte die Polizei."
    assert not any(c.value.low == 40 and c.event == "killed" for c in figures(text, "de"))
    text = "Cinco de los 40 vecinos del bloque murieron en el incendio, según los bomberos."
    assert not any(c.value.low == 40 and c.event == "killed" for c in figures(text, "es"))


# --- located, found alive, safe --------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("\"Sabemos el paradero de 120 personas\", dijo el alcalde. Hay 4 fallecidos y 92 desaparecidos.", "es"),
        ("Autoridades: cuatro fallecidos, 92 desaparecidos, 120 personas halladas.", "es"),
        ("So far, 120 people have been accounted for and are safe, the mayor said, while 92 remain missing.", "en"),
        ("Officials said 92 people were missing and 120 people had been found alive.", "en"),
        ("On compte 92 disparus, et 120 personnes ont été retrouvées saines et sauves.", "fr"),
        ("La préfecture recense 92 disparus ; 120 personnes ont été localisées.", "fr"),
        ("92 Menschen werden vermisst, 120 Personen wurden wohlbehalten aufgefunden.", "de"),
        ("Es gibt 92 Vermisste, 120 Menschen wurden inzwischen lebend gefunden.", "de"),
    ],
)
def test_people_located_are_neither_the_missing_nor_the_dead(text, lang):
    located = figure(text, lang, 120)
    assert (located.category, located.event) == ("people", "located")
    if 92 in values(text, lang):
        assert figure(text, lang, 92).event == "missing"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Se desconoce el paradero de 120 personas, dijo el alcalde.", "es"),
        ("Según el alcalde, 120 personas no han sido localizadas.", "es"),
        ("The mayor said 120 people have not been accounted for.", "en"),
        ("Selon le maire, 120 personnes n'ont pas encore été localisées.", "fr"),
        ("Laut Bürgermeister wurden 120 Menschen noch nicht gefunden.", "de"),
    ],
)
def test_people_not_yet_located_stay_missing(text, lang):
    assert figure(text, lang, 120).event == "missing"


def test_people_found_dead_are_not_located():
    assert figure("Los rescatistas informaron de 6 personas halladas sin vida.", "es", 6).event == "killed"


# --- the head noun of "the number of injured" ----------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Al menos 40 personas murieron en la estampida. Además, el número de heridos ya ronda los 300, según Defensa Civil.", "es"),
        ("La estampida dejó al menos 40 muertos, y el número de heridos ronda los 300.", "es"),
        ("At least 40 people died in the crush. The number of injured is close to 300, officials said.", "en"),
        ("The crush killed at least 40 people, and the number of injured nears 300.", "en"),
        ("Au moins 40 personnes sont mortes dans la bousculade. Le nombre de blessés avoisine les 300, selon la préfecture.", "fr"),
        ("La bousculade a fait 40 morts et le nombre de blessés avoisine les 300.", "fr"),
        ("Mindestens 40 Menschen starben im Gedränge. Die Zahl der Verletzten liegt bei rund 300, sagte die Polizei.", "de"),
        ("Das Gedränge forderte 40 Tote, die Zahl der Verletzten liegt bei rund 300.", "de"),
    ],
)
def test_the_head_noun_of_the_count_decides_what_it_counts(text, lang):
    assert figure(text, lang, 300).event == "wounded"
    assert figure(text, lang, 40).event == "killed"


# --- in a corpus ---------------------------------------------------------------------------------


def test_only_the_toll_is_counted_as_the_dead_in_a_corpus(tmp_path: Path):
    """What a fact-checker sees: the floors, the identified and the people found are not
    among the figures of the dead or of the missing that the report compares."""
    for name, text in {
        "a.txt": "Derrumbe en Lima\nDiario Sur — 14 de abril de 2025\n\n"
                 "El número de muertos del derrumbe del edificio de 12 plantas en Lima sigue creciendo, dijo el alcalde este lunes. "
                 "El número de víctimas mortales identificadas ascendió este lunes a 3.\n",
        "b.txt": "Derrumbe en Lima\nLa Voz — 14 de abril de 2025\n\n"
                 "La cifra de fallecidos en el derrumbe del edificio en Lima es de 5 este lunes. "
                 "En Lima hay 40 desaparecidos y 80 personas halladas.\n",
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    claims = [c for c in check([tmp_path]).claims if c.kind == "quantity"]
    by_event: dict[str | None, set[float | None]] = {}
    for c in claims:
        by_event.setdefault(c.event, set()).add(c.value.low)
    assert by_event.get("killed") == {5}
    assert by_event.get("missing") == {40}
    assert by_event.get("identified") == {3}
    assert by_event.get("located") == {80}
