"""Measures, times and events as real news words them, in fr/en/de/es (invented sentences):
an expected final toll is a projection, never the next bulletin, while "the toll is now 31"
is one; German reported speech in the Konjunktiv ("würden … behandelt, heißt es") reports a
count; a toll given as "at least N" one day and higher the next is an update; a date in
brackets after a weekday ("am Sonntag (09.03.)") dates an undated page and keeps the clause
whole; captives freed are a release, hostages still held are no arrests; an aside listing
nationals breaks the count before it down; the length of a collapsed section is a measure
of the collapse."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.corpus import boilerplate_spans
from consistency.extract import extract_claims
from consistency.model import Claim, Document
from consistency.pipeline import check
from tests import sentences

DAY = dt.date(2025, 3, 12)  # a Wednesday


def by_value(claims: list[Claim], value: float) -> Claim:
    found = [c for c in claims if c.value.low is not None and c.value.low <= value <= (c.value.high or value)]
    assert len(found) == 1, (value, [(c.quote, c.value, c.measure, c.category, c.event) for c in claims])
    return found[0]


def run(tmp_path: Path, articles: dict[str, str]) -> dict[str, list[set[float | None]]]:
    """The values each finding of `articles` sets side by side, by kind of finding."""
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = check([tmp_path])
    claims = {c.id: c for c in result.claims}
    out: dict[str, list[set[float | None]]] = {}
    for f in result.findings:
        out.setdefault(f.kind, []).append({claims[i].value.low for i in f.claims if claims[i].kind == "quantity"})
    return out


# --- an expected final toll --------------------------------------------------------------------

FINAL_TOLL = {
    "fr": ("Le bilan confirmé du glissement de terrain de Bréval s'élève désormais à 23 morts. Le bilan final attendu, "
           "d'environ 150 morts, ferait de cette catastrophe la pire de la région.", "Neuf personnes sont mortes lundi "
           "dans le glissement de terrain de Bréval."),
    "en": ("The confirmed death toll in the Harlow landslide is now 23. The expected final death toll of around 150 "
           "would make it the region's worst disaster.", "Nine people died on Monday in the Harlow landslide."),
    "de": ("Die bestätigte Zahl der Toten beim Erdrutsch von Lindau liegt inzwischen bei 23. Die voraussichtliche "
           "endgültige Zahl von rund 150 Toten würde das Unglück zum schlimmsten der Region machen.",
           "Neun Menschen starben am Montag beim Erdrutsch von Lindau."),
    "es": ("El balance confirmado del deslizamiento de Tordesa asciende ya a 23 muertos. El balance final previsto, "
           "de unos 150 muertos, convertiría la catástrofe en la peor de la región.",
           "Nueve personas murieron el lunes en el deslizamiento de Tordesa."),
}


@pytest.mark.parametrize("lang", sorted(FINAL_TOLL))
def test_an_expected_final_toll_is_a_projection_and_the_toll_now_is_a_running_count(lang):
    later, _ = FINAL_TOLL[lang]
    claims = sentences.figures(later, lang, DAY)
    now, final = by_value(claims, 23), by_value(claims, 150)
    assert final.measure == "projection"
    assert now.measure == "running" and now.event == "killed"


@pytest.mark.parametrize("lang", sorted(FINAL_TOLL))
def test_the_update_goes_to_the_toll_now_never_to_the_expected_final_toll(tmp_path: Path, lang):
    later, earlier = FINAL_TOLL[lang]
    found = run(tmp_path, {"a.txt": f"Glissement\n10 mars 2025\n\n{earlier}\n",
                           "b.txt": f"Glissement\n13 mars 2025\n\n{later}\n"})
    updates = found.get("update", [])
    assert not any(150 in v or 135 in v for v in updates)
    assert {9, 23} in updates


def test_the_toll_now_without_a_noun_is_read_in_english():
    claim = sentences.figure("The confirmed death toll in the Harlow landslide is now 23.", "en", 23, DAY)
    assert (claim.category, claim.event, claim.measure) == ("people", "killed", "running")


# --- German reported speech ---------------------------------------------------------------------

def test_the_konjunktiv_after_heisst_es_reports_a_count_of_the_wounded(tmp_path: Path):
    text = "Insgesamt würden 18 Menschen mit Verletzungen behandelt, heißt es von der Feuerwehr."
    claim = sentences.figure(text, "de", 18, DAY)
    assert claim.measure != "projection"
    assert claim.event == "wounded"
    found = run(tmp_path, {
        "a.txt": f"Zugunglück bei Gera\n12.03.2025\n\n{text}\n",
        "b.txt": "Zugunglück bei Gera\n12.03.2025\n\nBei dem Zugunglück bei Gera wurden 18 Menschen verletzt, teilte die Feuerwehr mit.\n",
    })
    assert {18} in found.get("corroboration", [])


def test_a_konjunktiv_under_a_condition_stays_a_forecast():
    text = "Sollte der Deich brechen, würden 4000 Menschen obdachlos, sagte der Landrat."
    assert sentences.figure(text, "de", 4000, DAY).measure == "projection"


def test_a_konjunktiv_without_a_frame_of_speech_stays_a_forecast():
    assert sentences.figure("Im schlimmsten Fall würden 300 Menschen sterben.", "de", 300, DAY).measure == "projection"


# --- "at least N", then more ----------------------------------------------------------------------

AT_LEAST = {
    "fr": ("Au moins 7 personnes sont mortes en Europe à cause de la tempête Orla.", "Au moins 15 personnes sont mortes en Europe à cause de la tempête Orla."),
    "en": ("At least 7 people have died across Europe in storm Orla.", "At least 15 people have died across Europe in storm Orla."),
    "de": ("Mindestens 7 Menschen starben europaweit durch den Sturm Orla.", "Mindestens 15 Menschen starben europaweit durch den Sturm Orla."),
    "es": ("Al menos 7 personas murieron en Europa por la tormenta Orla.", "Al menos 15 personas murieron en Europa por la tormenta Orla."),
}
DATES = {"fr": ("3 novembre 2025", "4 novembre 2025"), "en": ("November 3, 2025", "November 4, 2025"),
         "de": ("03.11.2025", "04.11.2025"), "es": ("3 de noviembre de 2025", "4 de noviembre de 2025")}


@pytest.mark.parametrize("lang", sorted(AT_LEAST))
def test_at_least_one_day_and_more_the_next_is_an_update(tmp_path: Path, lang):
    (first, second), (d1, d2) = AT_LEAST[lang], DATES[lang]
    found = run(tmp_path, {"a.txt": f"Orla\n{d1}\n\n{first}\n", "b.txt": f"Orla\n{d2}\n\n{second}\n"})
    assert found.get("update") == [{7, 15}]
    assert not found.get("contradiction")


def test_a_lower_floor_the_next_day_is_no_update(tmp_path: Path):
    found = run(tmp_path, {"a.txt": f"Orla\nNovember 3, 2025\n\n{AT_LEAST['en'][1]}\n",
                           "b.txt": f"Orla\nNovember 4, 2025\n\n{AT_LEAST['en'][0]}\n"})
    assert not found.get("update")


def test_an_approximate_figure_then_a_close_one_is_no_update(tmp_path: Path):
    found = run(tmp_path, {
        "a.txt": "Orla\nNovember 3, 2025\n\nAbout 20 people have died across Europe in storm Orla.\n",
        "b.txt": "Orla\nNovember 4, 2025\n\n21 people have died across Europe in storm Orla.\n",
    })
    assert not found.get("update")


# --- a date in brackets after a weekday -----------------------------------------------------------

def undated(text: str, lang: str) -> list[Claim]:
    d = Document(id="a", path="a.txt", text=text, language=lang, published=None)
    return [c for c in extract_claims(d, noise=boilerplate_spans(d)) if c.kind == "quantity"]


def test_a_bracketed_date_keeps_the_clause_and_dates_an_undated_page():
    claims = undated("Zugunglück bei Gera\n\nMindestens vier Menschen sind am Sonntag (09.03.) bei einem "
                     "Zugunglück bei Gera ums Leben gekommen, heißt es von der Polizei.\n", "de")
    claim = by_value(claims, 4)
    assert (claim.category, claim.event) == ("people", "killed")
    assert claim.time is not None and claim.time.low == claim.time.high == dt.date(2025, 3, 9)
    assert not any(c.value.low == 9 for c in claims)  # the bracketed day is no count


def test_a_bracketed_date_that_is_not_that_weekday_in_recent_years_dates_nothing():
    claims = undated("Zugunglück bei Gera\n\nMindestens vier Menschen sind am Sonntag (31.02.) bei einem "
                     "Zugunglück bei Gera ums Leben gekommen.\n", "de")
    assert all(c.time is None or c.time.low != dt.date(2025, 3, 3) for c in claims)


# --- captives freed, hostages held ----------------------------------------------------------------

FREED = [
    ("Officials said 27 women and children detained in army prisons had also been freed.", "en", 27),
    ("The militia released 6 Peruvians who had been held in the enclave since the raid.", "en", 6),
    ("Selon les autorités, 27 femmes et enfants détenus dans des prisons militaires ont également été libérés.", "fr", 27),
    ("Según las autoridades, 27 mujeres y niños detenidos en cárceles militares también fueron liberados.", "es", 27),
]


@pytest.mark.parametrize("text,lang,value", FREED)
def test_captives_freed_are_a_release_not_arrests(text, lang, value):
    assert sentences.figure(text, lang, value, DAY).event == "released"


HELD = [
    ("The group said 11 Peruvians who have been detained in the enclave are in good health.", "en", 11),
    ("Another 40 hostages are still being held in the enclave.", "en", 40),
    ("Selon l'armée, 40 otages sont toujours retenus dans l'enclave.", "fr", 40),
    ("Nach Angaben der Armee werden 40 Geiseln weiterhin festgehalten.", "de", 40),
    ("Según el ejército, 40 rehenes siguen retenidos en el enclave.", "es", 40),
]


@pytest.mark.parametrize("text,lang,value", HELD)
def test_hostages_still_held_are_not_arrests(text, lang, value):
    assert sentences.figure(text, lang, value, DAY).event == "held"


def test_arrests_stay_arrests():
    assert sentences.figure("Police said 35 people have been detained in connection with the riots.", "en", 35, DAY).event == "arrested"
    assert sentences.figure("Police said 12 people were arrested and later released.", "en", 12, DAY).event == "arrested"
    assert sentences.figure("Selon la préfecture, 9 personnes ont été interpellées puis relâchées.", "fr", 9, DAY).event == "arrested"


# --- an aside listing nationals -------------------------------------------------------------------

ASIDE = [
    ("A total of 19 hostages — 8 Peruvians, 9 Kenyans and two Fijians — were handed over on Friday.", "en"),
    ("Au total, 19 otages (8 Péruviens, 9 Kényans et deux Fidjiens) ont été libérés vendredi.", "fr"),
]


@pytest.mark.parametrize("text,lang", ASIDE)
def test_nationals_listed_in_an_aside_are_parts_of_the_count_before_it(text, lang):
    claims = sentences.figures(text, lang, DAY)
    whole = by_value(claims, 19)
    assert whole.actor is None
    for value in (8, 9):
        member = by_value(claims, value)
        assert member.measure == "part" and member.part_of == whole.id
        assert member.actor is not None


# --- the length of a collapsed section --------------------------------------------------------------

LENGTHS = {
    "fr": ("Une section de 60 mètres du viaduc s'est effondrée mardi à Brenne.", "Un tronçon de 150 m du viaduc s'est effondré mardi à Brenne."),
    "es": ("Un tramo de 60 metros del viaducto se derrumbó el martes en Brenne.", "Una sección de 150 metros del viaducto se derrumbó el martes en Brenne."),
    "de": ("Ein 60 Meter langer Abschnitt des Viadukts ist am Dienstag in Dresden eingestürzt.",
           "Ein 150 Meter langer Abschnitt des Viadukts ist am Dienstag in Dresden eingestürzt."),
}
PUBLISHED = {"fr": "12 mars 2025", "es": "12 de marzo de 2025", "de": "12.03.2025"}


@pytest.mark.parametrize("lang", sorted(LENGTHS))
def test_two_lengths_of_the_collapsed_section_contradict(tmp_path: Path, lang):
    first, second = LENGTHS[lang]
    claim = sentences.figure(first, lang, 60, DAY)
    assert claim.category == "section_length"
    found = run(tmp_path, {"a.txt": f"Viaduc\n{PUBLISHED[lang]}\n\n{first}\n",
                           "b.txt": f"Viaduc\n{PUBLISHED[lang]}\n\n{second}\n"})
    assert found.get("contradiction") == [{60, 150}]


def test_a_section_that_did_not_collapse_is_not_measured():
    claims = sentences.figures("Après l'effondrement, un tronçon de 300 m de l'autoroute a été fermé mardi.", "fr", DAY)
    assert not any(c.category == "section_length" for c in claims)
