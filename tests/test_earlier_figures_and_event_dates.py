"""Earlier figures and event dates (fr/en/de/es, invented sentences): a figure a word of before
gives ("hatte zuvor 11 Tote gemeldet", "Dans un premier temps, le bilan atteignait 64", "the
previous toll") was replaced, and the same source's earlier and later figures are never a
dispute; "initially put at 64, corrected to 61" keeps 61 current whatever follows the clause;
a date inside the phrase naming the event ("las tormentas registradas … del 2 de marzo") dates
the event, not the count, so the count never falls to a later, lower figure."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests import sentences

figures = sentences.figures
run = sentences.findings_and_claims


@pytest.mark.parametrize("text,lang", [
    ("Der Sheriff des Landkreises hatte zuvor 11 Todesfälle gemeldet.", "de"),
    ("The county sheriff had earlier reported 11 deaths.", "en"),
    ("Dans un premier temps, le nombre de morts atteignait 11.", "fr"),
    ("Le précédent bilan faisait état de 11 morts.", "fr"),
    ("The previous toll, given by the sheriff, stood at 11 dead.", "en"),
    ("En un primer momento, las autoridades informaron de 11 muertos.", "es"),
])
def test_a_figure_given_as_earlier_is_superseded(text: str, lang: str):
    assert sentences.figure(text, lang, 11).measure == "superseded"


@pytest.mark.parametrize("text,lang", [
    ("Officials said earlier that 11 people had died in the floods.", "en"),
    ("Der Sheriff meldete am Montag 11 Todesfälle.", "de"),
    ("Le nombre de morts atteignait 11 dimanche soir.", "fr"),
])
def test_a_figure_of_now_stays_a_count(text: str, lang: str):
    assert sentences.figure(text, lang, 11).measure != "superseded"


@pytest.mark.parametrize("text,lang", [
    ("Le bilan des blessés, initialement porté à 64, a été rectifié à 61 après vérification : trois patients "
     "avaient été comptés par erreur.", "fr"),
    ("Le bilan des blessés, initialement porté à 64, a été rectifié à 61 après vérification.", "fr"),
])
def test_the_corrected_figure_is_current_whatever_follows(text: str, lang: str):
    claims = figures(text, lang)
    assert sentences.exact(claims, 64).measure == "superseded"
    assert sentences.exact(claims, 61).measure in ("running", "total")


SAME_SHERIFF = [
    ("de", "Sturzflut in Idaho\n6. Mai 2024\n\nBei einer Sturzflut in Idaho sind mindestens 30 Menschen ums Leben "
     "gekommen, sagte der Sheriff. Der Sheriff hatte zuvor 11 Todesfälle gemeldet."),
    ("fr", "Crue dans l'Idaho\n6 mai 2024\n\nLa crue dans l'Idaho a fait 30 morts, selon le shérif. Dans un premier "
     "temps, le bilan du shérif atteignait 11 morts."),
]


@pytest.mark.parametrize("lang,text", SAME_SHERIFF)
def test_an_earlier_figure_of_the_same_source_is_no_dispute(tmp_path: Path, lang: str, text: str):
    findings, claims = run(tmp_path, {"a.txt": text})
    assert not [f for f in findings if f.kind in ("dispute", "contradiction")], [(f.kind, f.message) for f in findings]


def test_a_real_rise_still_updates(tmp_path: Path):
    findings, _ = run(tmp_path, {
        "a.txt": "Storms in Portugal\nMarch 10, 2024\n\nThe storms in Portugal have killed 40 people, officials said.",
        "b.txt": "Storms in Portugal\nMarch 12, 2024\n\nThe storms in Portugal have killed 64 people, officials said.",
    })
    assert any(f.kind == "update" for f in findings), [(f.kind, f.message) for f in findings]


EVENT_PHRASES = [
    ("es", "El número de personas fallecidas por las tormentas registradas en Portugal durante el fin de semana "
     "del 2 de marzo ascendió a 58, informaron las autoridades."),
    ("fr", "Le nombre de morts dans les tempêtes du week-end du 2 mars au Portugal s'est élevé à 58, selon les "
     "autorités."),
    ("en", "The death toll from the March 2 storms in Portugal has risen to 58, officials said."),
]


@pytest.mark.parametrize("lang,text", EVENT_PHRASES)
def test_a_date_naming_the_event_does_not_date_the_count(lang: str, text: str):
    claim = sentences.figure(text, lang, 58, day=dt.date(2024, 3, 12))
    assert claim.time is not None and claim.time.low == dt.date(2024, 3, 12), claim.time


def test_an_event_dated_count_never_falls_to_a_later_lower_figure(tmp_path: Path):
    findings, _ = run(tmp_path, {
        "a.txt": "Storm toll in Portugal\nMarch 10, 2024\n\nThe death toll has risen to 31 in the storms that hit "
                 "Portugal, officials said on Sunday.",
        "b.txt": "Tormentas en Portugal\n12 de marzo de 2024\n\n" + EVENT_PHRASES[0][1],
    })
    assert not [f for f in findings if f.kind == "contradiction"], [(f.kind, f.message) for f in findings]


def test_a_count_dated_by_its_report_keeps_its_day():
    text = ("Tras las tormentas que azotaron toda la costa norte de Portugal, las autoridades informaron el domingo "
            "10 de marzo de 58 muertos.")
    claim = sentences.figure(text, "es", 58, day=dt.date(2024, 3, 12))
    assert claim.time is not None and claim.time.low == dt.date(2024, 3, 10), claim.time


# --- a county the reading cannot place leaves the figure unplaced ---------------------------

COUNTY_PARTS = [
    ("fr", "Crues au Texas\n6 mai 2024\n\nAu moins 46 personnes sont mortes dans les crues au Texas, selon les autorités. "
     "Le bilan dans le comté de Kerr s'est alourdi à 38 morts, a précisé le shérif."),
    ("es", "Crecidas en Texas\n6 de mayo de 2024\n\nLas crecidas en Texas han dejado 46 muertos, según las autoridades. "
     "En el condado de Kerr se contabilizan 38 muertos, según el sheriff."),
    ("en", "Texas floods\nMay 6, 2024\n\nAt least 46 people have died in the Texas floods, officials said. In Kerr County "
     "alone, 38 people have died, the sheriff said."),
    ("de", "Flut in Texas\n6. Mai 2024\n\nBei der Flut in Texas sind mindestens 46 Menschen gestorben, teilten die Behörden "
     "mit. Im Landkreis Kerr starben nach Angaben des Sheriffs 38 Menschen."),
]


@pytest.mark.parametrize("lang,text", COUNTY_PARTS)
def test_a_county_figure_is_never_the_state_figure(tmp_path: Path, lang: str, text: str):
    findings, claims = run(tmp_path, {"a.txt": text})
    county = [c for c in claims.values() if c.kind == "quantity" and c.value.low == 38]
    assert county and all(c.location != "Texas" for c in county), [(c.quote, c.location) for c in county]
    assert not [f for f in findings if f.kind in ("dispute", "contradiction")], [(f.kind, f.message) for f in findings]


def test_two_sources_disagreeing_on_one_day_still_show(tmp_path: Path):
    findings, _ = run(tmp_path, {
        "a.txt": "Flut in Idaho\n6. Mai 2024\n\nBei der Sturzflut in Idaho sind nach Angaben der Polizei 30 Menschen "
                 "gestorben. Die Feuerwehr sprach dagegen von 45 Toten.",
    })
    assert any(f.kind in ("dispute", "contradiction") for f in findings), [(f.kind, f.message) for f in findings]
