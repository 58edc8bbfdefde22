"""What a figure counts when the text says how badly people were hurt, gives a unit, an age or
an idiom, in fr/en/de/es (invented sentences): the seriously injured are the critically
wounded, never all the wounded; an area is never people; an age is never a count; a toll said
as lives lost is the dead; the dead stay dead beside the missing; rescuers mobilised are not
protesters."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from tests import sentences

DAY = dt.date(2025, 5, 6)
figures = functools.partial(sentences.figures, day=DAY)
figure = functools.partial(sentences.figure, day=DAY)
findings = sentences.findings


def values(text: str, lang: str) -> set[float | None]:
    return {c.value.low for c in figures(text, lang)}


# --- severity ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Au moins 9 personnes sont mortes et 23 ont été grièvement blessées mardi dans l'incendie d'un hôtel à Nantes.", "fr"),
        ("Neuf passagers ont péri et 23 personnes ont été gravement blessées lors du déraillement près de Dijon.", "fr"),
        ("At least 9 people died and 23 were seriously injured on Tuesday when a hotel caught fire in Bristol.", "en"),
        ("Mindestens neun Menschen starben, 23 wurden am Dienstag schwer verletzt, als ein Hotel in Kiel brannte.", "de"),
        ("Neun Menschen kamen ums Leben, 23 Menschen wurden lebensgefährlich verletzt, teilte die Polizei in Kiel mit.", "de"),
        ("Al menos 9 personas murieron y 23 resultaron gravemente heridas este martes en el incendio de un hotel en Cádiz.", "es"),
        ("Nueve personas murieron y 23 personas resultaron heridas de gravedad en el incendio de un hotel en Cádiz.", "es"),
    ],
)
def test_the_seriously_injured_are_the_critically_wounded(text: str, lang: str) -> None:
    claim = figure(text, lang, 23)
    assert (claim.category, claim.event) == ("people", "critically_wounded")


@pytest.mark.parametrize(
    ("text", "lang", "whole"),
    [
        ("L'explosion a fait 70 blessés, dont 12 grièvement, selon les pompiers de Rouen.", "fr", 70),
        ("The blast injured 70 people, 12 of them seriously, firefighters in Hull said.", "en", 70),
        ("Rund 70 Menschen wurden bei der Explosion verletzt, 12 davon schwer und 58 leicht.", "de", 70),
        ("La explosión dejó 3 muertos y 70 heridos, 12 de ellos graves, según los bomberos de Vigo.", "es", 70),
    ],
)
def test_a_severity_after_a_part_of_the_injured_is_critically_wounded(text: str, lang: str, whole: float) -> None:
    assert figure(text, lang, whole).event == "wounded"
    part = figure(text, lang, 12)
    assert (part.event, part.measure) == ("critically_wounded", "part")
    assert 58 not in values(text, lang)  # the lightly hurt are not compared with anything


def test_graves_after_the_dead_is_never_a_toll() -> None:
    text = "El derrumbe dejó 30 muertos, 6 de ellos graves según una fuente sin confirmar."
    assert all(c.event != "killed" for c in figures(text, "es") if c.value.low == 6)


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("fr", "Au moins 9 personnes sont mortes et 23 ont été grièvement blessées mardi dans l'incendie d'un hôtel à Nantes.",
         "L'incendie de l'hôtel de Nantes a fait 9 morts et 80 blessés, selon la préfecture."),
        ("de", "Mindestens neun Menschen starben, 23 wurden am Dienstag schwer verletzt, als ein Hotel in Kiel brannte.",
         "Der Brand des Hotels in Kiel forderte neun Tote und 80 Verletzte, teilte die Polizei mit."),
        ("es", "Al menos 9 personas murieron y 23 resultaron gravemente heridas este martes en el incendio de un hotel en Cádiz.",
         "El incendio del hotel de Cádiz deja 9 muertos y 80 heridos, según la Junta."),
    ],
)
def test_the_seriously_injured_are_not_updated_by_all_the_injured(tmp_path: Path, lang: str, first: str, second: str) -> None:
    dates = {"fr": ("6 mai 2025", "8 mai 2025"), "de": ("06.05.2025", "08.05.2025"), "es": ("6 de mayo de 2025", "8 de mayo de 2025")}[lang]
    found = findings(tmp_path, {"a.txt": f"Incendie\n{dates[0]}\n\n{first}\n", "b.txt": f"Incendie\n{dates[1]}\n\n{second}\n"})
    wrong = [f for f in found if f.kind in ("update", "contradiction", "dispute") and "23" in f.message]
    assert not wrong, [f.message for f in found]


# --- units: an area is never people ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La colada del volcán de Montaña Gris suma ya 310 hectáreas afectadas por la lava.", "es"),
        ("Der Ausbruch am Grauberg hat inzwischen 310 Hektar betroffene Fläche hinterlassen.", "de"),
        ("La coulée du volcan du Mont Gris a déjà 310 hectares touchés.", "fr"),
        ("The eruption at Grey Mountain has left 310 hectares affected so far.", "en"),
    ],
)
def test_an_area_is_never_people(text: str, lang: str) -> None:
    claim = figure(text, lang, 310)
    assert claim.category == "area_affected"
    assert claim.unit == "ha"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("La lava cubre 95 hectáreas de terreno en la ladera oeste.", "es", 95),
        ("Más de 640 hectáreas quedaron cubiertas por la lava durante la noche.", "es", 640),
    ],
)
def test_land_covered_by_lava_is_an_area(text: str, lang: str, value: float) -> None:
    claim = figure(text, lang, value)
    assert (claim.category, claim.unit) == ("area_affected", "ha")


def test_hectares_affected_do_not_contradict_people_affected(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Volcán\n06/05/2025\n\nLa colada del volcán de Montaña Gris suma ya 310 hectáreas afectadas por la lava.\n",
        "b.txt": "Volcán\n06/05/2025\n\nLa erupción de Montaña Gris ha obligado a evacuar a 2.700 personas y hay 650 personas afectadas.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"], [f.message for f in found]


def test_the_evacuated_are_counted_after_their_noun() -> None:
    claim = figure("Según el cabildo, los evacuados ascendían el lunes a más de 2.700 en toda la isla.", "es", 2700)
    assert (claim.category, claim.event) == ("people", "evacuated")


# --- ages ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Al menos 14 personas murieron en el descarrilamiento. Entre los fallecidos está el maquinista, de 44 años.", "es"),
        ("Au moins 14 personnes sont mortes. Parmi les victimes figure le conducteur, âgé de 44 ans.", "fr"),
        ("At least 14 people died. Among the dead is the driver, a 44-year-old from Derby.", "en"),
        ("Mindestens 14 Menschen starben. Unter den Toten ist auch der 44-jährige Lokführer.", "de"),
    ],
)
def test_an_age_is_never_a_count(text: str, lang: str) -> None:
    assert 44 not in values(text, lang)
    assert figure(text, lang, 14).event == "killed"


# --- idioms of death -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Allein in Sachsen kosteten die Unwetter am Dienstag mindestens acht Menschen das Leben.", "de"),
        ("Mindestens acht Menschen haben in Sachsen bei den Unwettern ihr Leben verloren.", "de"),
        ("Al menos ocho personas han perdido la vida en las inundaciones de Murcia.", "es"),
        ("Au moins huit personnes ont perdu la vie dans les inondations du Gard.", "fr"),
        ("At least eight people lost their lives in the floods in Cumbria.", "en"),
    ],
)
def test_lives_lost_are_the_dead(text: str, lang: str) -> None:
    assert figure(text, lang, 8).event == "killed"


def test_a_life_saved_is_not_a_death() -> None:
    claim = figure("Die Feuerwehr in Sachsen rettete am Dienstag acht Menschen das Leben.", "de", 8)
    assert claim.event != "killed"


# --- the dead beside the missing, the mobilised beside protesters --------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("L'effondrement du viaduc a fait 27 morts et plusieurs disparus, selon la préfecture.", "fr"),
        ("The collapse of the viaduct left 27 dead and several missing, officials said.", "en"),
    ],
)
def test_the_dead_stay_dead_beside_the_missing(text: str, lang: str) -> None:
    assert figure(text, lang, 27).event == "killed"


def test_people_mobilised_for_a_rescue_are_not_protesters() -> None:
    text = "Au total, avec les gendarmes et la Protection civile, quelque 600 personnes ont été mobilisées sur le chantier."
    claim = figure(text, "fr", 600)
    assert claim.category != "protesters"
    assert claim.event != "demonstrated"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Von den 240 Reisenden, die im Zug gesessen haben sollen, kamen mindestens vier ums Leben.", "de"),
        ("Of the 240 passengers said to be on board, at least four died.", "en"),
    ],
)
def test_a_part_of_a_counted_whole_keeps_its_event(text: str, lang: str) -> None:
    part = figure(text, lang, 4)
    assert (part.event, part.measure) == ("killed", "part")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Selon les pompiers, 18 véhicules se trouvaient sur le viaduc lors de l'effondrement qui a tué 43 personnes.", "fr"),
        ("El balance es de 43 muertos, y 18 vehículos fueron retirados de los escombros.", "es"),
    ],
)
def test_things_counted_beside_a_toll_are_never_killed(text: str, lang: str) -> None:
    assert figure(text, lang, 18).event not in ("killed", "wounded")
    assert figure(text, lang, 43).event == "killed"
