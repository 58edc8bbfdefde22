"""Earlier earthquakes and aftershocks are other events than the main shock of the story.

A background paragraph recalling a quake of another year ("En mai 2019, un séisme de magnitude
8,0") gives that quake's magnitude: it is never set against the main shock's, and its date never
becomes the date of the story's quake. A magnitude given for "an aftershock", "a second tremor",
"another quake" is not the main shock's either, and which aftershock it is stays open: two
outlets' figures for "an aftershock" may be two different shocks, so they are not compared.
Two outlets giving different magnitudes for the same main shock on the same day still disagree.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import figures, findings, findings_and_claims

DAY = dt.date(2024, 3, 12)


def _magnitudes(text: str, lang: str) -> dict[float, tuple[str, dt.date | None]]:
    """Each magnitude read: its category and the first day of its time."""
    return {c.value.low: (c.category, c.time.low if c.time else None) for c in figures(text, lang, DAY)
            if c.category.startswith("magnitude") and c.value.low is not None}


def _article(title: str, date_line: str, body: str) -> str:
    return f"{title}\n{date_line}\n\n{body}\n"


# --- an earlier quake recalled in the background ------------------------------------------

PAST = {
    "fr": ("Un séisme de magnitude 6,2 a frappé mardi matin le nord du Chili. Au moins 12 personnes ont été tuées.\n\n"
           "En avril 2016, un séisme de magnitude 7,8 avait fait plusieurs centaines de morts dans le pays voisin."),
    "en": ("A magnitude 6.2 earthquake hit northern Chile on Tuesday morning, killing at least 12 people.\n\n"
           "In April 2016, a magnitude 7.8 earthquake killed hundreds of people in the neighbouring country."),
    "de": ("Ein Erdbeben der Stärke 6,2 hat am Dienstagmorgen den Norden Chiles erschüttert. Mindestens 12 Menschen starben.\n\n"
           "Im April 2016 hatte ein Beben der Stärke 7,8 im Nachbarland Hunderte Menschen getötet."),
    "es": ("Un sismo de magnitud 6,2 sacudió el martes por la mañana el norte de Chile y dejó al menos 12 muertos.\n\n"
           "En abril de 2016, un terremoto de magnitud 7,8 causó cientos de muertos en el país vecino."),
}


@pytest.mark.parametrize("lang", sorted(PAST))
def test_an_earlier_quake_keeps_its_own_date_and_never_dates_the_main_shock(lang: str) -> None:
    read = _magnitudes(PAST[lang], lang)
    assert read[6.2] == ("magnitude", DAY), read  # the Tuesday of the story, not April 2016
    category, day = read[7.8]
    assert day is not None and day.year == 2016, read


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Un précédent séisme de magnitude 5,1 avait frappé la même vallée."),
        ("en", "An earlier quake of magnitude 5.1 had struck the same valley."),
        ("de", "Ein früheres Beben der Stärke 5,1 hatte dasselbe Tal getroffen."),
        ("es", "Un sismo anterior de magnitud 5,1 había sacudido el mismo valle."),
    ],
)
def test_a_previous_quake_gives_no_magnitude_of_the_story(lang: str, text: str) -> None:
    assert 5.1 not in _magnitudes(text, lang)


def test_an_earlier_quake_is_not_compared_with_the_main_shock(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": _article("Séisme au Chili", "12/03/2024", PAST["fr"]),
        "b.txt": _article("Erdbeben in Chile", "12.03.2024", PAST["de"]),
        "c.txt": _article("Quake in Chile", "March 12, 2024", PAST["en"]),
    })
    contradictions = [f for f in found if f.kind == "contradiction"]
    assert not contradictions, [f.message for f in contradictions]


# --- aftershocks --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A magnitude 6.1 earthquake struck the coast on Tuesday. It was followed by a second tremor of magnitude 5.4."),
        ("en", "A magnitude 6.1 earthquake struck the coast on Tuesday and was followed by a second of magnitude 5.4."),
        ("en", "A magnitude 6.1 earthquake struck the coast on Tuesday, and another quake of magnitude 5.4 followed."),
        ("fr", "Un séisme de magnitude 6,1 a frappé la côte mardi, suivi d'une seconde secousse de magnitude 5,4."),
        ("fr", "Un séisme de magnitude 6,1 a frappé la côte mardi. Une réplique de magnitude 5,4 a suivi."),
        ("de", "Ein Erdbeben der Stärke 6,1 erschütterte am Dienstag die Küste, gefolgt von einem zweiten Beben der Stärke 5,4."),
        ("de", "Ein Erdbeben der Stärke 6,1 erschütterte am Dienstag die Küste. Es folgte ein Nachbeben der Stärke 5,4."),
        ("es", "Un sismo de magnitud 6,1 sacudió la costa el martes, seguido de un segundo temblor de magnitud 5,4."),
        ("es", "Un sismo de magnitud 6,1 sacudió la costa el martes. Le siguió una réplica de magnitud 5,4."),
    ],
)
def test_a_second_shock_is_not_the_main_shock(lang: str, text: str) -> None:
    read = _magnitudes(text, lang)
    assert read[6.1][0] == "magnitude", read
    assert read[5.4] == ("magnitude_aftershock", None), read  # which aftershock: open, so no day of its own


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "A magnitude 6.1 earthquake struck the coast on Tuesday. The strongest aftershock was a 5.4 magnitude tremor."),
        ("fr", "Un séisme de magnitude 6,1 a frappé la côte mardi. La plus forte réplique était de magnitude 5,4."),
        ("de", "Ein Erdbeben der Stärke 6,1 erschütterte am Dienstag die Küste. Das stärkste Nachbeben hatte die Stärke 5,4."),
        ("es", "Un sismo de magnitud 6,1 sacudió la costa el martes. La réplica más fuerte fue de magnitud 5,4."),
    ],
)
def test_the_strongest_aftershock_is_one_shock_and_keeps_the_day(lang: str, text: str) -> None:
    read = _magnitudes(text, lang)
    assert read[5.4] == ("magnitude_aftershock", DAY), read


def test_a_second_tremor_makes_no_contradiction_with_the_main_shock(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": _article("Quake on the coast", "March 12, 2024",
                          "A magnitude 6.1 earthquake struck the coast of Peru on Tuesday. "
                          "It was followed by a second tremor of magnitude 5.4."),
        "b.txt": _article("Séisme au Pérou", "12/03/2024",
                          "Un séisme de magnitude 6,1 a frappé mardi la côte du Pérou."),
    })
    assert not [f for f in found if f.kind == "contradiction"], [f.message for f in found]
    assert [f for f in found if f.kind == "corroboration"], [f.message for f in found]


def test_two_single_aftershocks_are_not_compared(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": _article("Sismo en Perú", "12 de marzo de 2024",
                          "Un sismo de magnitud 6,1 sacudió el martes la costa de Perú. Le siguió una réplica de magnitud 5,3."),
        "b.txt": _article("Erdbeben in Peru", "12.03.2024",
                          "Ein Erdbeben der Stärke 6,1 hat am Dienstag die Küste Perus erschüttert. "
                          "Es folgte ein Nachbeben der Stärke 5,7."),
    })
    assert not [f for f in found if f.kind == "contradiction"], [f.message for f in found]


def test_an_aftershock_pinned_by_its_time_of_day_is_compared(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": _article("Séisme au Pérou", "12/03/2024",
                          "Un séisme de magnitude 6,1 a frappé mardi la côte du Pérou. "
                          "Une réplique de magnitude 5,9 a été enregistrée mardi à 23h40."),
        "b.txt": _article("Quake in Peru", "March 12, 2024",
                          "A magnitude 6.1 earthquake struck the coast of Peru on Tuesday. "
                          "An aftershock of magnitude 5.2 was recorded at 11:40 p.m. on Tuesday."),
    })
    assert [f for f in found if f.kind == "contradiction"], [f.message for f in found]


def test_the_same_main_shock_given_two_magnitudes_still_disagrees(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": _article("Quake in Peru", "March 12, 2024",
                          "A magnitude 6.3 earthquake struck the coast of Peru on Tuesday. It was followed by an aftershock."),
        "b.txt": _article("Séisme au Pérou", "12/03/2024",
                          "Un séisme de magnitude 6,8 a frappé mardi la côte du Pérou. En mai 2019, un séisme de magnitude "
                          "8,0 avait fait deux morts."),
    })
    contradictions = [f for f in found if f.kind == "contradiction"]
    assert len(contradictions) == 1, [f.message for f in found]
    assert {claims[i].value.low for i in contradictions[0].claims} == {6.3, 6.8}
