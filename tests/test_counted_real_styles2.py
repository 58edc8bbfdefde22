"""What a figure counts, in the styles of real reporting, in fr/en/de/es (invented sentences):
a bare figure after an arrest count is not an arrest count when it is of another order (and its
own source is the one named right after it); the dead found in homes and garages are a part of
the toll; a percentage of the dead is a share, never a count; a figure after each town of a
list of towns is never a count of towns; foreigners among the dead are their own count."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from tests import sentences

DAY = dt.date(2025, 4, 5)
figures = functools.partial(sentences.figures, day=DAY)
figure = functools.partial(sentences.figure, day=DAY)


# --- a bare figure after a count of another kind ------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,small,big",
    [
        ("A Lyon, 18 personnes ont été interpellées samedi. "
         "A Lyon, les chiffrages font le grand écart entre 52.000 selon les syndicats et 9.000 pour la préfecture.",
         "fr", 52000, 9000),
        ("In Leeds, 14 people were arrested on Saturday. "
         "In Leeds, estimates ranged widely, from 48,000 according to the unions to 8,000 according to the police.",
         "en", 48000, 8000),
        ("In Bremen wurden am Samstag 16 Personen festgenommen. "
         "In Bremen gehen die Schätzungen weit auseinander: 45.000 laut den Gewerkschaften, 7.000 laut Polizei.",
         "de", 45000, 7000),
        ("En Sevilla, 15 personas fueron detenidas el sábado. "
         "En Sevilla, las cifras van de 60.000 según los sindicatos a 11.000 según la policía.",
         "es", 60000, 11000),
    ],
)
def test_a_bare_figure_of_another_order_is_not_an_arrest_count(text, lang, small, big):
    claims = figures(text, lang)
    arrested = {c.value.low for c in claims if c.event == "arrested"}
    assert small not in arrested and big not in arrested
    assert len(arrested) == 1


def test_a_bare_figure_of_the_same_order_still_counts_the_marchers_of_the_line_before():
    claims = figures("A Paris, 80.000 manifestants ont défilé selon la préfecture. "
                     "A Lyon, 21.000 selon la préfecture.", "fr")
    lyon = sentences.exact(claims, 21000)
    assert lyon.category == "protesters"


def test_the_source_right_after_a_bare_figure_is_its_own():
    text = "A Lyon, on a compté samedi 52.000 manifestants selon les syndicats et 9.000 pour la préfecture."
    assert figure(text, "fr", 52000).attributed_to == "unions"
    assert figure(text, "fr", 9000).attributed_to == "prefecture"


def test_no_update_from_arrests_to_marchers(tmp_path: Path):
    found, claims = sentences.findings_and_claims(tmp_path, {
        "a.txt": "Grève des dockers : premier bilan à Lyon\n\nPublié le 3 avril 2025\n\n"
                 "La journée d'action a rassemblé jeudi plusieurs milliers de personnes. "
                 "A Lyon, 12 personnes ont été interpellées jeudi.\n",
        "b.txt": "Grève des dockers : la mobilisation grossit à Lyon\n\nPublié le 5 avril 2025\n\n"
                 "La deuxième journée d'action a rassemblé samedi des milliers de personnes. "
                 "A Lyon, 18 personnes ont été interpellées.\n\n"
                 "A Lyon, les chiffrages font le grand écart entre 52.000 selon les syndicats et 9.000 pour la préfecture.\n",
    })
    compared = {claims[i].value.low for f in found for i in f.claims}
    assert not {52000, 9000} & compared, [f.message for f in found]
    assert [f.kind for f in found] == ["update"]  # 12 → 18 arrested in Lyon


# --- the dead of some places ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Un centenar de víctimas de la riada fallecieron en casas y garajes.", "es", 100),
        ("Une centaine de victimes de la crue sont mortes à leur domicile, selon l'étude.", "fr", 100),
        ("Some 90 victims of the flood died in their homes, the study found.", "en", 90),
        ("Rund 90 Opfer der Flut starben in Kellern und Garagen, so die Studie.", "de", 90),
    ],
)
def test_the_dead_of_homes_and_garages_are_a_part_of_the_toll(text, lang, value):
    claim = figure(text, lang, value)
    assert (claim.category, claim.event) == ("people", "killed")
    assert claim.measure == "part"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La riada dejó 140 muertos, muchos de ellos en sus casas.", "es"),
        ("The flood killed 140 people, many of them at home.", "en"),
    ],
)
def test_the_toll_with_an_aside_on_homes_is_still_the_toll(text, lang):
    assert figure(text, lang, 140).measure in ("total", "running")


def test_no_corroboration_between_the_toll_and_the_dead_found_at_home(tmp_path: Path):
    found = sentences.findings(tmp_path, {
        "a.txt": "Ascienden a 88 los muertos por la riada en Murcia\n\nLa Gaceta del Segura - 6 de marzo de 2025\n\n"
                 "La riada en Murcia ha dejado un saldo de 88 víctimas mortales.\n",
        "b.txt": "Un centenar de víctimas de la riada fallecieron en casas y garajes\n\nLa Gaceta del Segura - 2 de abril de 2025\n\n"
                 "El informe estudia a las víctimas de la riada de Murcia.\n",
    })
    assert [f.kind for f in found] == []


# --- a percentage of the dead --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Tres municipios concentran casi el 50% de muertes por la riada.", "es", 50),
        ("Trois communes concentrent près de 50 % des morts de la crue.", "fr", 50),
        ("Three towns account for almost 50% of deaths in the flood.", "en", 50),
        ("Drei Gemeinden verzeichnen fast 50 Prozent der Toten der Flut.", "de", 50),
    ],
)
def test_a_percentage_of_the_dead_is_never_a_count(text, lang, value):
    for claim in figures(text, lang):
        if claim.value.low == value:
            assert claim.unit == "percent"
            assert claim.measure not in ("total", "running")


# --- a figure after each town of a list of towns ------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,values",
    [
        ("Casi la mitad de los 130 fallecidos por la riada se concentran en tres municipios: "
         "Alcantarilla (31), Molina de Segura (20) y Lorca (12).", "es", (31, 20, 12)),
        ("Près de la moitié des 130 morts se concentrent dans trois communes : Tarbes (31), Lourdes (20) et Pau (12).",
         "fr", (31, 20, 12)),
        ("Nearly half of the 130 dead were in three towns: Leeds (31), York (20) and Hull (12).", "en", (31, 20, 12)),
        ("Fast die Hälfte der 130 Toten stammt aus drei Gemeinden: Bonn (31), Trier (20) und Mainz (12).",
         "de", (31, 20, 12)),
    ],
)
def test_a_figure_after_each_listed_town_is_never_a_count_of_towns(text, lang, values):
    claims = figures(text, lang)
    for value in values:
        for claim in claims:
            if claim.value.low == value:
                assert claim.category != "cities"
                assert claim.event in (None, "killed")


# --- foreigners among the dead -------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The number of foreigners killed rose to 12, according to the fire service.", "en"),
        ("Le nombre d'étrangers tués est passé à 12, selon les pompiers.", "fr"),
        ("Die Zahl der getöteten Ausländer stieg auf 12, so die Feuerwehr.", "de"),
        ("El número de extranjeros fallecidos ascendió a 12, según los bomberos.", "es"),
    ],
)
def test_foreigners_killed_are_their_own_count(text, lang):
    claim = figure(text, lang, 12)
    assert claim.category == "foreigners"
    assert claim.event == "killed"


def test_foreigners_killed_are_not_an_update_of_the_toll(tmp_path: Path):
    found = sentences.findings(tmp_path, {
        "a.txt": "Stadium crush in Lima\n\nDaily Courier, March 9, 2025\n\n"
                 "At least 64 people were killed in the crush in Lima, officials said.\n",
        "b.txt": "Stadium crush in Lima\n\nDaily Courier, March 10, 2025\n\n"
                 "The number of foreigners killed in the crush in Lima rose to 12, according to the fire service.\n",
    })
    assert [f.kind for f in found] == []


# --- a toll named by its disaster, and two verbs for two figures ----------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The death toll from the crowd crush in Lima on March 8 has climbed to 64, according to broadcaster TVP.", "en"),
        ("Le bilan de la bousculade de la foule à Lima est passé à 64, selon la télévision.", "fr"),
        ("Die Zahl der Toten nach dem Gedränge der Menschenmenge in Lima stieg auf 64.", "de"),
        ("El balance de la avalancha de la multitud en Lima asciende a 64, según la televisión.", "es"),
    ],
)
def test_a_toll_named_after_a_crowd_counts_the_dead_not_the_crowd(text, lang):
    claim = figure(text, lang, 64)
    assert (claim.category, claim.event) == ("people", "killed")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("A crowd of young fans surged into a narrow stand, killing at least 64 people and injuring 41 others.", "en"),
        ("La foule s'est engouffrée dans la tribune, tuant au moins 64 personnes et blessant 41 autres.", "fr"),
        ("Die Menge drängte in die Tribüne und tötete mindestens 64 Menschen und verletzte 41 weitere.", "de"),
        ("La multitud se precipitó en la grada, matando al menos a 64 personas e hiriendo a otras 41.", "es"),
    ],
)
def test_the_verb_of_the_next_figure_is_not_this_ones(text, lang):
    claim = figure(text, lang, 64)
    assert (claim.category, claim.event) == ("people", "killed")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The blast left 64 people dead and 41 injured.", "en"),
        ("L'explosion a fait 64 morts et 41 blessés.", "fr"),
    ],
)
def test_a_figure_and_its_own_verb_are_still_read(text, lang):
    assert figure(text, lang, 41).event == "wounded"
    assert figure(text, lang, 64).event == "killed"
