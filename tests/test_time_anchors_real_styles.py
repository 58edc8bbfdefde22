"""Time anchors of tolls as news reports write them, in fr/en/de/es (invented sentences): a time
of day opening the next clause ("…dans la nuit, au matin, le bilan atteint 42") dates the
figures after it, not the earlier time; a date right after a general name of the story's
disaster ("the victims of the disaster on March 10") says which disaster, never when the toll
was counted; a lower bound of one day ("at least 88") never corroborates the toll of a later day."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sentences import DAY, figure, findings

# --- a time of day opening its own clause ----------------------------------------------------

MORNING_STARTS = 6 * 60  # minutes: a morning figure is never dated in the night before it


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le premier bilan des secours faisait état de 30 morts dans la nuit, au matin, le bilan atteint 42 morts.", "fr"),
        ("Les pompiers comptaient 30 morts dans la nuit. Au matin, le bilan atteint 42 morts.", "fr"),
        ("Rescuers first counted 30 dead during the night. In the morning, the toll reached 42.", "en"),
        ("In der Nacht meldeten die Retter zunächst 30 Tote, am Morgen stieg die Zahl der Toten auf 42.", "de"),
        ("Durante la noche los servicios de rescate contaron 30 muertos, por la mañana, el balance llegó a 42 muertos.", "es"),
    ],
)
def test_a_time_of_day_opening_the_next_clause_dates_the_figure_after_it(text, lang):
    night = figure(text, lang, 30)
    morning = figure(text, lang, 42)
    assert morning.time is not None and morning.time.low_minute is not None
    assert morning.time.low_minute >= MORNING_STARTS, morning.time.label
    assert night.time != morning.time


def test_the_morning_toll_is_not_set_against_an_hour_as_an_older_night_figure(tmp_path):
    found = findings(tmp_path, {
        "a.txt": "Bousculade à Sorel : le bilan s'alourdit\nLe Courrier — Publié le mercredi 12 mars 2025 à 07h15\n\n"
                 "Alors que les secours annonçaient 30 morts dans la nuit, au matin, le bilan atteint presque 60 victimes.\n",
        "b.txt": "Sorel : 58 morts\nRadio Ouest — Publié le 12/03/2025 à 11:48\n\n"
                 "« A 9h30 le bilan est passé à 45 morts, et à 10h30 à 58 morts », a indiqué le préfet.\n",
    })
    assert not [f for f in found if f.kind == "contradiction"], [f.message for f in found]


# --- a date that names the story's disaster ------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Parmi les 95 victimes de la catastrophe du 10 mars figurent douze enfants, selon la préfecture.", "fr"),
        ("Among the 95 victims of the disaster on March 10 were twelve children, police said.", "en"),
        ("Unter den 95 Todesopfern der Stadion-Katastrophe am 10. März sind zwölf Kinder, teilte die Polizei mit.", "de"),
        ("Entre las 95 víctimas de la tragedia del 10 de marzo hay doce niños, según la policía.", "es"),
    ],
)
def test_the_date_of_the_disaster_after_the_toll_does_not_date_the_toll(text, lang):
    toll = figure(text, lang, 95)
    assert toll.time is not None and toll.time.low == DAY, toll.time  # as of the article, not March 10


@pytest.mark.parametrize(
    "text,lang,day",
    [
        ("The toll of the disaster rose to 95 on Tuesday, police said.", "en", dt.date(2025, 3, 11)),
        ("Die Zahl der Toten der Katastrophe stieg am Dienstag auf 95.", "de", dt.date(2025, 3, 11)),
        ("The 95 people killed in the 1987 disaster were never all identified.", "en", dt.date(1987, 1, 1)),
    ],
)
def test_a_date_of_the_count_or_of_an_old_disaster_still_dates_the_toll(text, lang, day):
    toll = figure(text, lang, 95)
    assert toll.time is not None and toll.time.low == day, toll.time


# --- a lower bound of one day and the toll of the next -----------------------------------------


@pytest.mark.parametrize(
    "first,second",
    [
        (("Lumbria : au moins 88 morts\nLe Courrier — 9 mars 2025\n\n"
          "Au moins 88 personnes ont été tuées dans la bousculade du stade de Lumbria, selon la police.\n"),
         ("Lumbria : le bilan passe à 90 morts\nRadio Ouest — 10 mars 2025\n\n"
          "Le bilan de la bousculade du stade de Lumbria est passé à 90 morts, selon le gouvernement régional.\n")),
        (("Massenpanik in Lumbria: mindestens 88 Tote\nRheinpost — 9. März 2025\n\n"
          "Bei der Massenpanik im Stadion von Lumbria sind nach Angaben der Polizei mindestens 88 Menschen ums Leben gekommen.\n"),
         ("Lumbria: Zahl der Toten steigt auf 90\nNordkurier — 10. März 2025\n\n"
          "Nach der Massenpanik im Stadion von Lumbria ist die Zahl der Toten nach Angaben der Regionalregierung auf 90 gestiegen.\n")),
        (("Lumbria stampede: at least 88 dead\nCoast Herald — March 9, 2025\n\n"
          "At least 88 people were killed in the stampede at the Lumbria stadium, police said.\n"),
         ("Lumbria toll rises to 90\nValley Times — March 10, 2025\n\n"
          "The death toll from the stampede at the Lumbria stadium has risen to 90, the regional government said.\n")),
        (("Lumbria: al menos 88 muertos\nDiario del Sur — 9 de marzo de 2025\n\n"
          "Al menos 88 personas murieron en la avalancha del estadio de Lumbria, según la policía.\n"),
         ("Lumbria: el balance sube a 90 muertos\nLa Voz — 10 de marzo de 2025\n\n"
          "El balance de la avalancha del estadio de Lumbria ha subido a 90 muertos, según el gobierno regional.\n")),
    ],
)
def test_a_lower_bound_of_one_day_never_corroborates_the_toll_of_the_next(tmp_path, first, second):
    found = findings(tmp_path, {"a.txt": first, "b.txt": second})
    assert not [f for f in found if f.kind == "corroboration"], [f.message for f in found]


@pytest.mark.parametrize(
    "first,second",
    [
        (("Ferry capsizes off Marlow Island\nCoast Herald — March 5, 2025\n\n"
          "The ferry capsized off Marlow Island on Wednesday and 290 people were missing, the coast guard said.\n"),
         ("Hopes fade for the Marlow ferry\nValley Times — March 12, 2025\n\n"
          "A week after the ferry capsized off Marlow Island, more than 140 people remained missing on Wednesday, the coast guard said.\n")),
        (("Naufragio frente a la isla de Marlow\nDiario del Sur — 5 de marzo de 2025\n\n"
          "El ferri naufragó el miércoles frente a la isla de Marlow y 290 personas seguían desaparecidas, según los guardacostas.\n"),
         ("Se apagan las esperanzas en Marlow\nLa Voz — 12 de marzo de 2025\n\n"
          "Una semana después del naufragio frente a la isla de Marlow, más de 140 personas seguían desaparecidas el miércoles, según los guardacostas.\n")),
    ],
)
def test_people_still_missing_a_week_later_do_not_corroborate_the_first_count(tmp_path, first, second):
    found = findings(tmp_path, {"a.txt": first, "b.txt": second})
    assert not [f for f in found if f.kind == "corroboration"], [f.message for f in found]
