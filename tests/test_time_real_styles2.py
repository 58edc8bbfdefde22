"""Times of real news styles that made false findings, in fr/en/de/es (invented sentences): a
count from a page dated without an hour is "sometime that day", never simultaneous with an
hour-stamped count of that day; the date of an earlier event named without its noun ("que la
anterior, la del 14 de febrero") or the day of a count whose clause names the event ("12 more
victims in the collapse on Friday") is not the event's date; a figure set against an earlier
event lends that event's day to no later figure of the speaker."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.corpus import boilerplate_spans
from consistency.extract import extract_claims
from consistency.model import Claim, Document
from tests.sentences import findings, findings_and_claims

PUBLISHED = dt.date(2025, 3, 15)


def event_dates(text: str, lang: str) -> list[Claim]:
    """The date claims (an event and its day) of `text`, published on `PUBLISHED`."""
    d = Document(id="a", path="a.txt", text=text, language=lang, published=PUBLISHED)
    return [c for c in extract_claims(d, noise=boilerplate_spans(d)) if c.kind == "date"]


# --- a page dated without an hour against an hour-stamped count of that day --------------------

MORNING = {
    "es": "Primeros detenidos en la huelga del transporte\n21 marzo, 2025 - {hour}\n\n"
          "Un total de 40 personas han sido detenidas en distintos puntos de España en relación con la huelga, "
          "según la Dirección General de la Policía.\n",
    "fr": "Grève des routiers : premières interpellations\nLe Courrier — Publié le 21/03/2025 à {hour}\n\n"
          "Au total, 40 personnes ont été interpellées en France depuis le début de la grève, selon la police nationale.\n",
    "en": "Strike: first arrests\nMarch 21, 2025 {hour}\n\n"
          "A total of 40 people have been arrested across Britain in connection with the strike, according to police.\n",
    "de": "Streik: erste Festnahmen\n21.03.2025, {hour} Uhr\n\n"
          "Insgesamt 40 Menschen wurden nach Angaben der Polizei in Deutschland im Zusammenhang mit dem Streik festgenommen.\n",
}
HOURS = {"es": ("08:40", "23:50"), "fr": ("08h40", "23h50"), "en": ("8:40 a.m.", "11:50 p.m."), "de": ("08:40", "23:50")}
DAY_WITHOUT_HOUR = {
    "es": "La huelga del transporte se salda con 96 detenidos\nPor L. Ortega · España · 21-03-2025\n\n"
          "Según el Ministerio del Interior, los detenidos en España han ascendido a 96 personas a lo largo de la huelga.\n",
    "fr": "Grève des routiers : 96 interpellations\nRadio Ouest — 21 mars 2025\n\n"
          "Selon le ministère de l'Intérieur, 96 personnes ont été interpellées en France pendant la grève.\n",
    "en": "Strike ends with 96 arrests\nMarch 21, 2025\n\n"
          "The Home Office said 96 people had been arrested across Britain during the strike.\n",
    "de": "Streik endet mit 96 Festnahmen\n21.03.2025\n\n"
          "Nach Angaben des Innenministeriums wurden in Deutschland während des Streiks 96 Menschen festgenommen.\n",
}


@pytest.mark.parametrize("lang", ["es", "fr", "en", "de"])
def test_a_morning_count_and_a_higher_count_of_a_page_without_hour_are_an_update(tmp_path, lang):
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": MORNING[lang].format(hour=HOURS[lang][0]),
        "b.txt": DAY_WITHOUT_HOUR[lang],
    })
    assert not [f for f in found if f.kind == "dispute"], [f.message for f in found]
    updates = [f for f in found if f.kind == "update"]
    assert len(updates) == 1, [f.message for f in found]
    earlier, later = updates[0].sides
    assert {claims[c].value.low for c in earlier} == {40}
    assert {claims[c].value.low for c in later} == {96}


def test_a_lower_count_of_a_page_without_hour_may_be_the_earlier_one_and_is_no_dispute(tmp_path):
    late = MORNING["es"].format(hour="13:10").replace("40 personas", "120 personas")
    found = findings(tmp_path, {"a.txt": late, "b.txt": DAY_WITHOUT_HOUR["es"]})
    assert not [f for f in found if f.kind in ("dispute", "contradiction")], [f.message for f in found]


def test_a_count_given_near_midnight_is_still_set_against_another_of_that_day(tmp_path):
    found = findings(tmp_path, {
        "a.txt": MORNING["es"].format(hour=HOURS["es"][1]),
        "b.txt": DAY_WITHOUT_HOUR["es"],
    })
    kinds = {f.kind for f in found}
    assert "update" not in kinds and kinds & {"dispute", "contradiction"}, [f.message for f in found]


# --- night and morning tolls of one day from two authorities -----------------------------------

NIGHT_AND_MORNING = {
    "fr": ("Bousculade au stade de Vela : au moins 80 morts\nL'Écho du Sud — Publié le dimanche 6 avril 2025 à 03h10\n\n"
           "Dans la nuit, le gouvernement a fait état de 80 morts dans la bousculade du stade de Vela, au Portugal.\n",
           "Vela : le bilan passe à 131 morts\nRadio Ouest — Publié le 06/04/2025 à 11h20\n\n"
           "Selon la police, le bilan de la bousculade du stade de Vela s'établissait à 131 morts à 10h30, au Portugal.\n"),
    "en": ("Stadium crush in Vela kills at least 80\nApril 6, 2025 3:10 a.m.\n\n"
           "During the night, the government said 80 people had been killed in the crush at Vela stadium in Portugal.\n",
           "Vela stadium crush: toll rises to 131\nApril 6, 2025 11:20 a.m.\n\n"
           "Police said at 10:30 a.m. that the toll from the crush at Vela stadium in Portugal stood at 131 dead.\n"),
    "de": ("Massenpanik im Stadion von Vela: mindestens 80 Tote\n06.04.2025, 03:10 Uhr\n\n"
           "In der Nacht meldete die Regierung 80 Tote bei der Massenpanik im Stadion von Vela in Portugal.\n",
           "Vela: Zahl der Toten steigt auf 131\n06.04.2025, 11:20 Uhr\n\n"
           "Um 10.30 Uhr lag die Zahl der Toten der Massenpanik im Stadion von Vela in Portugal nach Angaben der Polizei bei 131.\n"),
}


@pytest.mark.parametrize("lang", ["fr", "en", "de"])
def test_a_night_toll_and_a_higher_morning_toll_of_two_authorities_are_an_update(tmp_path, lang):
    night, morning = NIGHT_AND_MORNING[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": night, "b.txt": morning})
    assert not [f for f in found if f.kind in ("dispute", "contradiction")], [f.message for f in found]
    updates = [f for f in found if f.kind == "update"]
    assert len(updates) == 1, [f.message for f in found]
    assert {claims[c].value.low for c in updates[0].sides[-1]} == {131}


# --- the date of an earlier event named without its noun ---------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Los sindicatos aseguran que la jornada de huelga ha tenido más seguimiento que la anterior, la del 14 de febrero.", "es"),
        ("Pour les syndicats, la grève a été plus suivie que la précédente, celle du 14 février.", "fr"),
        ("Union leaders said the strike was more widely followed than the previous one, on February 14.", "en"),
        ("Die Gewerkschaften sagen, der Streik sei stärker befolgt worden als der vorige am 14. Februar.", "de"),
    ],
)
def test_the_day_of_the_previous_event_does_not_date_the_story_event(text, lang):
    assert [c for c in event_dates(text, lang) if c.value.low == dt.date(2025, 2, 14)] == []


# --- an event noun in a count's clause -------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Los bomberos recuperaron a 12 víctimas más en el derrumbe del edificio de Vallecas, el viernes por la tarde, "
         "según la alcaldesa.", "es"),
        ("Les secours ont retrouvé 12 victimes de plus dans l'effondrement de l'immeuble, vendredi après-midi, selon la préfète.", "fr"),
        ("Rescuers recovered 12 more victims in the collapse of the tower, on Friday afternoon, the mayor said.", "en"),
        ("Die Retter bargen zwölf weitere Opfer nach dem Einsturz des Hochhauses, am Freitagnachmittag, sagte die Bürgermeisterin.", "de"),
        ("Die Zahl der Toten nach dem Einsturz des Hochhauses stieg am Freitag auf 31.", "de"),
    ],
)
def test_the_day_of_a_count_is_not_the_date_of_the_event_its_clause_names(text, lang):
    assert [c for c in event_dates(text, lang) if c.event == "collapse"] == []


@pytest.mark.parametrize(
    "text,lang,day",
    [
        ("Twelve people died when the tower collapsed on Thursday night.", "en", dt.date(2025, 3, 13)),
        ("Doce personas murieron cuando el edificio se derrumbó el jueves por la noche.", "es", dt.date(2025, 3, 13)),
        ("Douze personnes sont mortes lorsque l'immeuble s'est effondré jeudi soir.", "fr", dt.date(2025, 3, 13)),
        ("The collapse on Thursday killed twelve people.", "en", dt.date(2025, 3, 13)),
        ("El derrumbe del jueves dejó 12 muertos.", "es", dt.date(2025, 3, 13)),
        ("Le bilan de l'effondrement du pont autoroutier mardi à Sorel (Vosges) est monté à 40 morts.", "fr", dt.date(2025, 3, 11)),
        ("Pour rappel, une section de 80 mètres du pont s'est effondrée mardi vers 11h30, dans une zone industrielle.", "fr",
         dt.date(2025, 3, 11)),
    ],
)
def test_the_event_dated_in_its_own_clause_keeps_its_date(text, lang, day):
    dated = [c for c in event_dates(text, lang) if c.event == "collapse"]
    assert [c.value.low for c in dated] == [day], [(c.quote, c.value) for c in dated]


# --- a figure set against an earlier event -----------------------------------------------------


def test_the_day_of_the_compared_strike_is_not_carried_to_the_next_figure(tmp_path):
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "La huelga del metal termina con manifestaciones\nMadrid 21 MAR 2025 - 23:40 CET\n\n"
                 "Según el Ministerio del Interior, se han producido 70 detenciones en España, frente a las 110 "
                 "registradas durante el paro del 14 de febrero. Hay 35 heridos.\n",
    })
    wounded = [c for c in claims.values() if c.value.low == 35]
    assert len(wounded) == 1, [(c.quote, c.value) for c in claims.values()]
    assert wounded[0].time is not None and wounded[0].time.low == dt.date(2025, 3, 21), wounded[0].time
