"""Past episodes and times inside relative clauses (fr/en/de/es, invented sentences): a figure
of an episode named with a past year ("after the 2011 riots", "après les émeutes de 2005",
"nach den Krawallen von 2011", "tras los disturbios de 2011") is that episode's, dated by its
year, never the current story's count; a count made since an event began keeps that start; a
time inside a relative clause that closes before the figure ("el movimiento, que … durante el
verano, causó …, desafiando … 80 mil policías") dates that clause, not the figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests import sentences

DAY = dt.date(2026, 9, 14)
run = sentences.findings_and_claims

PAST_EPISODES = [
    ("en", "After the 2011 riots, police made 3,100 arrests, a government report found.", 2011),
    ("en", "After the August 2011 riots, police made 3,100 arrests.", 2011),
    ("en", "After the 2013 floods, 3,100 people were evacuated from the valley.", 2013),
    ("fr", "Après les émeutes de 2005, la police avait procédé à 3 100 interpellations.", 2005),
    ("de", "Nach den Krawallen von 2011 nahm die Polizei 3100 Menschen fest.", 2011),
    ("es", "Tras los disturbios de 2011, la policía detuvo a 3.100 personas.", 2011),
    ("es", "Después de los disturbios de 2011 hubo 3.100 detenidos.", 2011),
]


@pytest.mark.parametrize("lang,text,year", PAST_EPISODES)
def test_a_figure_of_a_past_episode_is_dated_by_its_year(lang: str, text: str, year: int):
    claim = sentences.figure(text, lang, 3100, day=DAY)
    assert claim.time is not None, claim
    assert (claim.time.low, claim.time.high) == (dt.date(year, 1, 1), dt.date(year, 12, 31)), claim.time


COUNTED_FROM_THE_START = [
    ("en", "Since the riots began on 2 September, police have made 700 arrests."),
    ("en", "Police have made 700 arrests since the riots began on 2 September."),
    ("en", "Since the riots, which began on 2 September, police have made 700 arrests."),
    ("fr", "Depuis le début des émeutes le 2 septembre, la police a procédé à 700 interpellations."),
    ("fr", "Depuis les émeutes, qui ont commencé le 2 septembre, la police a procédé à 700 interpellations."),
    ("de", "Seit Beginn der Krawalle am 2. September hat die Polizei 700 Menschen festgenommen."),
    ("de", "Seit den Krawallen, die am 2. September begannen, hat die Polizei 700 Menschen festgenommen."),
    ("es", "Desde el inicio de los disturbios el 2 de septiembre, la policía ha detenido a 700 personas."),
    ("es", "Desde los disturbios, que comenzaron el 2 de septiembre, la policía ha detenido a 700 personas."),
]


@pytest.mark.parametrize("lang,text", COUNTED_FROM_THE_START)
def test_a_count_since_an_event_began_runs_from_that_day(lang: str, text: str):
    claim = sentences.figure(text, lang, 700, day=DAY)
    assert claim.time is not None and claim.time.kind == "since", claim.time
    assert claim.time.low == dt.date(2026, 9, 2), claim.time


def test_a_count_since_a_past_episode_runs_from_its_year():
    claim = sentences.figure("Since the 2011 riots, police have made 4,000 arrests.", "en", 4000, day=DAY)
    assert claim.time is not None and claim.time.low == dt.date(2011, 1, 1), claim.time


def test_the_past_episode_is_never_set_against_this_story(tmp_path: Path):
    findings, _ = run(tmp_path, {
        "a.txt": "Unrest in Norbridge\nPublished 12 September 2026\n\nPolice have made 640 arrests since the unrest "
                 "began in Norbridge on 2 September, the police council said.",
        "b.txt": "Unrest in Norbridge\nPublished 14 September 2026\n\nAccording to the police council, 690 people have "
                 "been arrested over the unrest in Norbridge.\n\nAfter the 2011 riots, police made 3,100 arrests, "
                 "according to a Home Office report.",
        "c.txt": "Troubles à Norbridge\nPublié le 14 septembre 2026\n\nSelon le conseil des chefs de police, 690 "
                 "personnes ont été interpellées depuis le début des troubles à Norbridge. Après les émeutes de 2011, "
                 "la police avait procédé à 3 100 interpellations.",
    })
    assert not [f for f in findings if f.kind == "contradiction"], [(f.kind, f.message) for f in findings]


CLOSED_RELATIVES = [
    ("es", "El movimiento de protesta, que comenzó en línea y ganó impulso durante el verano causó focos de "
           "interrupción, desafiando un despliegue de 80 mil policías."),
    ("es", "La plataforma, que nació el 10 de septiembre, reunió a 80.000 manifestantes en todo el país."),
    ("fr", "Le mouvement, qui a pris de l'ampleur pendant l'été, a provoqué des perturbations, face à 80 000 "
           "policiers déployés."),
    ("fr", "La plateforme, que les syndicats avaient lancée le 10 septembre, a réuni 80 000 manifestants."),
    ("en", "The movement, which began online during the summer, caused disruption, defying 80,000 police officers."),
    ("de", "Die Bewegung, die im Sommer im Internet entstand, legte Teile des Landes lahm, trotz 80.000 Polizisten "
           "im Einsatz."),
]


@pytest.mark.parametrize("lang,text", CLOSED_RELATIVES)
def test_a_time_inside_a_closed_relative_clause_does_not_date_the_figure(lang: str, text: str):
    claim = sentences.figure(text, lang, 80000, day=DAY)
    assert claim.time_source != "clause", (claim.time, claim.time_source)


OWN_CLAUSE_TIMES = [
    ("es", "Durante el verano, 80.000 policías fueron desplegados en todo el país.", "verano"),
    ("es", "La policía dijo que durante el verano fueron desplegados 80.000 agentes.", "verano"),
    ("fr", "Samedi, 80 000 manifestants ont défilé dans tout le pays.", "Samedi"),
    ("fr", "La CGT, qui revendiquait samedi 80 000 manifestants, dénonce les chiffres de la police.", "samedi"),
    ("en", "On Saturday, 80,000 people marched across the country.", "Saturday"),
    ("de", "Am Samstag demonstrierten 80.000 Menschen im ganzen Land.", "Samstag"),
]


@pytest.mark.parametrize("lang,text,word", OWN_CLAUSE_TIMES)
def test_a_time_of_the_figures_own_clause_still_dates_it(lang: str, text: str, word: str):
    claim = sentences.figure(text, lang, 80000, day=DAY)
    assert claim.time is not None and word in claim.time.label, claim.time


def test_the_relative_clause_time_sets_no_contradiction(tmp_path: Path):
    findings, _ = run(tmp_path, {
        "a.txt": "Mobilisation nationale\nPublié le 10 septembre 2026\n\nLe 14 juillet, le ministre avait annoncé "
                 "65 000 policiers déployés dans tout le pays.",
        "b.txt": "Movilización en Francia\nPublicado el 10 de septiembre de 2026\n\nEl movimiento de protesta, que "
                 "comenzó en línea y ganó impulso durante el verano causó focos de interrupción en Francia, "
                 "desafiando un despliegue de 80 mil policías.",
    })
    assert not [f for f in findings if f.kind == "contradiction"], [(f.kind, f.message) for f in findings]
