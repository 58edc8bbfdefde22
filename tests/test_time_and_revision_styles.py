"""Time and revision wordings of real news, in fr/en/de/es (invented sentences): a count
corrected in passing ("14 morts, et non 16 comme indiqué la veille") or after an initial
report ("initially reported 212 … revised down to 150") marks the replaced figure superseded
and the report shows the revision; "the police had expected 12,000" is a projection, never a
count; a past weekday equal to the publication's in a story that counts the days since its
event is the previous week's; publication lines with a dotted hour or a dashed date are read;
the area a fire burned is a running quantity whose later, lower official figure is shown as a
revision, and the area of an older fire is dated by that fire."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from consistency.corpus import read_document
from consistency.extract import extract_claims
from consistency.model import Claim, Document
from tests import sentences

DAY = dt.date(2025, 3, 12)  # a Wednesday
figures = functools.partial(sentences.figures, day=DAY)


by_value = sentences.exact
run = sentences.findings_and_claims


# --- "Y, not X as stated" ---------------------------------------------------------------------

NOT_AS_STATED = [
    ("L'accident de car près de Millau a fait 14 morts, et non 16 comme indiqué la veille, selon la préfecture.", "fr"),
    ("The coach crash near Dayton killed 14 people, not 16 as stated on Tuesday, police said.", "en"),
    ("Bei dem Busunglück bei Passau kamen 14 Menschen ums Leben, nicht 16, wie zunächst mitgeteilt, sagte die Polizei.", "de"),
    ("El accidente del autocar cerca de Jaén causó 14 muertos, y no 16 como se indicó ayer, según la Guardia Civil.", "es"),
]


@pytest.mark.parametrize("text,lang", NOT_AS_STATED)
def test_a_figure_corrected_in_passing_is_superseded_and_the_current_one_keeps_its_own_day(text, lang):
    claims = figures(text, lang)
    old, new = by_value(claims, 16), by_value(claims, 14)
    assert old.measure == "superseded"
    assert new.measure in ("running", "total")
    assert (old.category, old.event) == (new.category, new.event) == ("people", "killed")
    # "as stated on Tuesday", "como se indicó ayer": the day the wrong figure was given, not the count's
    assert new.time is not None and new.time.high == DAY


def test_a_negation_without_a_statement_supersedes_nothing():
    claims = figures("The coach crash near Dayton killed 14 people and injured 30, not 31 of the passengers.", "en")
    assert not any(c.measure == "superseded" for c in claims)


# --- "initially reported X … revised down to Y" ----------------------------------------------

INITIALLY = [
    ("Les secours avaient initialement annoncé que 212 personnes avaient été secourues, mais ce chiffre a été "
     "révisé à la baisse à 150.", "fr"),
    ("It was initially reported that 212 people had been rescued, but the coast guard said the figure had been "
     "revised down to 150.", "en"),
    ("Zunächst war von 212 geretteten Menschen die Rede, später wurde die Zahl auf 150 korrigiert.", "de"),
    ("Inicialmente se informó de que 212 personas habían sido rescatadas, pero Salvamento Marítimo rebajó después "
     "la cifra a 150.", "es"),
]


@pytest.mark.parametrize("text,lang", INITIALLY)
def test_an_initial_figure_revised_later_in_the_sentence_is_superseded(text, lang):
    claims = figures(text, lang)
    old, new = by_value(claims, 212), by_value(claims, 150)
    assert old.measure == "superseded"
    assert new.measure == "running"
    assert (new.category, new.event) == (old.category, old.event) == ("people", "rescued")


def test_an_initial_figure_that_rose_is_not_superseded():
    claims = figures("Initially 12 people were reported injured, but the number rose to 15 by the evening.", "en")
    assert not any(c.measure == "superseded" for c in claims)


def test_a_same_day_revision_down_is_reported_against_the_morning_article(tmp_path):
    findings, claims = run(tmp_path, {
        "1.txt": "Ferry fire off Malta\nMay 9, 2025 10:05 AM\n\n"
                 "A total of 212 people were known to have been rescued from the burning ferry off Malta, the coast guard said.\n",
        "2.txt": "Ferry fire: rescue figure corrected\nMay 9, 2025 6:20 PM\n\n"
                 "It was initially reported that a total of 212 people had been rescued from the ferry off Malta, but the "
                 "ministry said this had now been revised down to 150.\n",
    })
    revisions = [f for f in findings if f.kind == "contradiction" and "Revision 212 → 150" in f.message]
    assert len(revisions) == 1, [(f.kind, f.message) for f in findings]
    assert {claims[i].document for i in revisions[0].sides[0]} == {"1", "2"}
    assert not any(f.kind == "corroboration" for f in findings)


# --- forecasts are not counts -------------------------------------------------------------------

FORECASTS = [
    ("Im Vorfeld war die Polizei von etwa 12.000 Teilnehmern ausgegangen.", "de"),
    ("Ursprünglich hatte die Polizei mit rund 12.000 Teilnehmenden gerechnet.", "de"),
    ("Police had expected around 12,000 protesters before the march.", "en"),
    ("La préfecture tablait sur environ 12 000 manifestants avant le départ du cortège.", "fr"),
    ("La Delegación del Gobierno esperaba unos 12.000 manifestantes antes de la marcha.", "es"),
]


@pytest.mark.parametrize("text,lang", FORECASTS)
def test_what_the_police_expected_is_a_projection(text, lang):
    claims = [c for c in figures(text, lang) if c.value.low is not None and 10_000 <= c.value.low <= 13_000]
    assert claims and all(c.measure == "projection" for c in claims), [(c.quote, c.measure) for c in claims]


def test_a_forecast_repeated_by_two_articles_is_not_an_echo_of_a_count(tmp_path):
    findings, claims = run(tmp_path, {
        "1.txt": "Demo in Erfurt\n14.01.2025, 18:00 Uhr\n\nLaut Polizei hatten sich etwa 40.000 Menschen in Erfurt "
                 "versammelt. Ursprünglich war die Polizei von etwa 12.000 Teilnehmern ausgegangen.\n",
        "2.txt": "Großdemo in Erfurt\n14.01.2025, 19:10 Uhr\n\nDie Polizei zählte in Erfurt rund 40.000 Demonstrierende. "
                 "Im Vorfeld war die Polizei von etwa 12.000 Teilnehmenden ausgegangen.\n",
    })
    assert not any(claims[i].value.low == 10_800 for f in findings for i in f.claims), [f.message for f in findings]


# --- a weekday a week back ----------------------------------------------------------------------

COUNTED_DAYS = [
    ("en", "Thursday, May 15, 2025", "The search marked its seventh day on Wednesday. "
                                     "The partial collapse of the tower occurred around 2 a.m. Thursday."),
    ("fr", "Jeudi 15 mai 2025", "Les recherches sont entrées mercredi dans leur septième jour. "
                                "L'effondrement de l'immeuble s'est produit jeudi vers 2 heures du matin."),
    ("de", "Donnerstag, 15.05.2025", "Die Suche ging am Mittwoch in den siebten Tag. "
                                     "Der Einsturz des Hochhauses ereignete sich am Donnerstag gegen 2 Uhr morgens."),
    ("es", "Jueves, 15 de mayo de 2025", "La búsqueda cumplió el miércoles su séptimo día. "
                                         "El derrumbe del edificio se produjo el jueves hacia las 2 de la madrugada."),
]


def _dates(lang: str, header: str, body: str) -> list[Claim]:
    text = "Building collapse\n" + header + "\n\n" + body + "\n"
    doc = read_document(text.encode("utf-8"), id="a", path="a.txt", suffix=".txt")
    doc = Document(id=doc.id, path=doc.path, text=doc.text, language=lang, published=doc.published)
    assert doc.published == dt.date(2025, 5, 15)
    return [c for c in extract_claims(doc) if c.kind == "date"]


@pytest.mark.parametrize("lang,header,body", COUNTED_DAYS)
def test_a_past_weekday_of_the_publication_in_a_story_counting_days_is_a_week_back(lang, header, body):
    dates = _dates(lang, header, body)
    assert dates, "the collapse's date is read"
    assert all(c.value.low == dt.date(2025, 5, 8) for c in dates), [(c.quote, c.value) for c in dates]  # type: ignore[union-attr]


def test_a_weekday_of_the_publication_without_a_count_of_days_is_the_publication_day():
    dates = _dates("en", "Thursday, May 15, 2025", "The partial collapse of the tower occurred around 2 a.m. Thursday.")
    assert [c.value.low for c in dates] == [dt.date(2025, 5, 15)]  # type: ignore[union-attr]


def test_a_count_of_days_that_does_not_fit_a_week_back_leaves_the_day_unknown():
    dates = _dates("en", "Thursday, May 15, 2025", "The search entered its third day on Wednesday. "
                                                   "The partial collapse of the tower occurred around 2 a.m. Thursday.")
    assert not any(c.value.low in (dt.date(2025, 5, 15), dt.date(2025, 5, 8)) for c in dates)  # type: ignore[union-attr]


# --- publication lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "header,day,minute",
    [
        ("24.04.2025, 16.31 Uhr", dt.date(2025, 4, 24), 16 * 60 + 31),
        ("Por L. Ortega / M. Sanz · España · 14-11-2012", dt.date(2012, 11, 14), None),
    ],
)
def test_publication_lines_with_a_dotted_hour_or_a_dashed_date(header, day, minute):
    text = "Brand in Lagerhalle\n" + header + "\n\nBei dem Brand in einer Lagerhalle in Bremen starben drei Menschen.\n"
    doc = read_document(text.encode("utf-8"), id="a", path="a.txt", suffix=".txt")
    assert (doc.published, doc.published_minute) == (day, minute)


def test_a_dotted_hour_is_not_a_figure_of_the_article():
    text = "Brand in Lagerhalle\n24.04.2025, 16.31 Uhr\n\nBei dem Brand in einer Lagerhalle in Bremen starben drei Menschen.\n"
    doc = read_document(text.encode("utf-8"), id="a", path="a.txt", suffix=".txt")
    assert not any(c.value.low == 16.31 for c in extract_claims(doc) if c.kind == "quantity")  # type: ignore[union-attr]


# --- area burned ---------------------------------------------------------------------------------

FIRE = {
    "es": ("El incendio de Tábara, el mayor del verano\n21/07/2025\n\n"
           "El incendio forestal de Tábara (Zamora) sigue activo, con 35.100 hectáreas calcinadas según la estimación por "
           "satélite.\n",
           "El incendio de Tábara, extinguido\n1 de septiembre de 2025 - 12:30h\n\n"
           "Los servicios de extinción dan por apagado el incendio de Tábara (Zamora), con casi 33.000 hectáreas "
           "calcinadas, según el último parte de la Junta.\n"),
    "en": ("Wildfire near Redding grows\nJuly 21, 2025\n\n"
           "The wildfire near Redding, California, has burned 35,100 hectares so far, according to satellite estimates.\n",
           "Redding wildfire contained\nSeptember 1, 2025\n\n"
           "The wildfire near Redding, California, is now contained and has burned almost 33,000 hectares, "
           "according to the final state report.\n"),
}


@pytest.mark.parametrize("lang", sorted(FIRE))
def test_a_later_lower_official_area_burned_is_shown_as_a_revision(tmp_path, lang):
    first, last = FIRE[lang]
    findings, claims = run(tmp_path, {"1.txt": first, "2.txt": last})
    areas = [c for c in claims.values() if c.category == "area_burned"]
    assert areas and all(c.measure == "running" for c in areas), [(c.quote, c.measure) for c in areas]
    went_down = [f for f in findings if f.kind == "contradiction" and any(claims[i].value.low == 35_100 for i in f.claims)]
    assert len(went_down) == 1, [(f.kind, f.message) for f in findings]
    assert "went down" in went_down[0].message


def test_the_area_of_an_older_fire_is_dated_by_that_fire_and_not_compared(tmp_path):
    findings, claims = run(tmp_path, {
        "1.txt": "El incendio de Tábara, el mayor\n21/07/2025\n\n"
                 "El incendio de Tábara (Zamora) suma 35.100 hectáreas calcinadas, por encima de las 30.200 "
                 "que arrasó el incendio de la Sierra de la Culebra (Zamora) en 2022.\n",
        "2.txt": "El incendio de Tábara, extinguido\n1 de septiembre de 2025\n\n"
                 "Los servicios de extinción dan por apagado el incendio de Tábara (Zamora), con casi 33.000 "
                 "hectáreas calcinadas.\n",
    })
    older = [c for c in claims.values() if c.value.low == 30_200]
    assert len(older) == 1 and older[0].time is not None and older[0].time.low == dt.date(2022, 1, 1)
    assert not any(any(claims[i].value.low == 30_200 for i in f.claims) for f in findings if f.kind == "contradiction")


# --- a figure set against another event's ---------------------------------------------------------

COMPARED = [
    ("Interior contabiliza 142 detenciones en toda España, frente a las 196 del paro del 29 de marzo.", "es"),
    ("Police made 142 arrests across the country, compared with 196 during the strike on March 29.", "en"),
    ("La police a procédé à 142 interpellations en France, contre 196 lors de la grève du 29 mars.", "fr"),
    ("Die Polizei nahm bundesweit 142 Menschen fest, gegenüber 196 beim Streik am 29. März.", "de"),
]


@pytest.mark.parametrize("text,lang", COMPARED)
def test_the_date_of_a_figure_set_against_the_count_is_never_the_counts(text, lang):
    day = dt.date(2025, 11, 14)
    claims = sentences.figures(text, lang, day=day)
    current = by_value(claims, 142)
    assert current.time is not None and current.time.low != dt.date(2025, 3, 29), current.time


SET_AGAINST = [
    ("fr", "On compte 90 interpellations, contre les 130 recensées lors de la grève du 29 septembre 2024."),
    ("es", "Se han producido 90 detenciones, frente a las 130 registradas durante el paro del 29 de septiembre."),
    ("es", "Se han producido 90 detenciones, frente a las 130 registradas el 29 de septiembre de 2024."),
]


@pytest.mark.parametrize(("lang", "text"), SET_AGAINST)
def test_a_figure_set_against_the_count_takes_the_day_of_its_own_event(lang: str, text: str) -> None:
    claims = figures(text, lang)
    current, earlier = by_value(claims, 90), by_value(claims, 130)
    assert current.time is not None and current.time.low == DAY
    assert earlier.time is not None and earlier.time.low == dt.date(2024, 9, 29)


def test_the_count_of_an_earlier_strike_is_no_dispute_with_the_days_final_count(tmp_path: Path) -> None:
    findings, claims = run(tmp_path, {
        "a.txt": "Huelga general\nMadrid 12 MAR 2025 - 23:40 CET\n\nSegún el Ministerio del Interior, se han "
                 "producido 90 detenciones en España, frente a las 130 registradas durante el paro del 29 de "
                 "septiembre.\n",
        "b.txt": "Balance de la huelga\n12 marzo, 2025 - 23:55\n\nLa Dirección General de la Policía contabiliza "
                 "101 detenidos en toda España a lo largo de la jornada.\n",
    })
    earlier = next(c for c in claims.values() if c.value.low == 130)
    assert earlier.time is not None and earlier.time.low == dt.date(2024, 9, 29)
    assert not [f for f in findings if f.kind in ("dispute", "contradiction") and earlier.id in f.claims], findings
