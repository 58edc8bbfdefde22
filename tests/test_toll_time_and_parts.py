"""The time and the part of a toll, in fr/en/de/es (invented sentences): a date that names
the event ("the March 9 collapse") never dates the count; "today" in a photo caption is the
caption's day; a site's share of the dead ("18 on the bridge itself, the rest in hospital") is
a part; bodies recovered are an increment, never the toll; "la mort de", "the death of",
"der Tod von", "la muerte de" say that people were killed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.pipeline import check
from tests.sentences import figure, figures

DAY = dt.date(2025, 3, 12)


def run(tmp_path: Path, articles: dict[str, str]):
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return check([tmp_path])


def findings(tmp_path: Path, articles: dict[str, str]):
    return run(tmp_path, articles).findings


# --- a date that names the event -----------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Parmi les 37 victimes de l'effondrement du pont du 9 mars figurent cinq enfants, a précisé la mairie.", "fr"),
        ("Among the 37 people killed in the March 9 bridge collapse were five children, the mayor said.", "en"),
        ("Unter den 37 Todesopfern des Brückeneinsturzes am 9. März sind fünf Kinder, teilte die Stadt mit.", "de"),
        ("Entre las 37 víctimas del derrumbe del puente del 9 de marzo hay cinco niños, informó la alcaldía.", "es"),
    ],
)
def test_a_date_of_the_event_after_the_toll_does_not_date_the_toll(text, lang):
    claim = figure(text, lang, 37)
    assert claim.event == "killed"
    assert claim.time is not None and claim.time.low == DAY  # as of the article, not the day of the collapse


@pytest.mark.parametrize(
    "text,lang,day",
    [
        ("The toll of the March 9 bridge collapse rose to 37 on Tuesday, the mayor said.", "en", 11),
        ("The death toll stood at 37 on Tuesday after Sunday's collapse.", "en", 11),
        ("Le bilan de l'effondrement du pont a atteint 37 morts mardi.", "fr", 11),
        ("Die Zahl der Toten stieg am Dienstag auf 37.", "de", 11),
    ],
)
def test_the_toll_keeps_the_time_of_its_own_clause(text, lang, day):
    claim = figure(text, lang, 37)
    assert claim.time is not None and claim.time.low == dt.date(2025, 3, day)


def test_a_toll_among_the_victims_of_a_dated_collapse_is_no_earlier_count(tmp_path):
    found = findings(tmp_path, {
        "a.txt": "Bridge collapse: toll first put at 45\nDaily Courier — March 11, 2025\n\n"
                 "On Monday morning the mayor reported 45 dead; in the evening the toll was corrected to 37.\n",
        "b.txt": "Children among the victims\nEvening Ledger — March 12, 2025\n\n"
                 "Among the 37 people killed in the March 9 bridge collapse were five children, police said.\n",
    })
    assert not [f for f in found if f.kind in ("update", "dispute", "contradiction") and "March 9" in f.message]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Some 145 people remain unaccounted for after a building partially collapsed in Quito last week.", "en"),
        ("Quelque 145 personnes restent introuvables après l'effondrement partiel d'un immeuble à Quito la semaine dernière.", "fr"),
        ("145 Menschen werden noch vermisst, nachdem ein Wohnhaus in Quito vergangene Woche teilweise eingestürzt war.", "de"),
        ("Unas 145 personas siguen desaparecidas después de que un edificio se derrumbó parcialmente en Quito la semana pasada.", "es"),
    ],
)
def test_the_missing_after_a_collapse_last_week_are_counted_now(text, lang):
    claim = next(c for c in figures(text, lang) if c.event == "missing")
    assert claim.time is not None and claim.time.low == DAY


def test_the_toll_of_a_past_disaster_named_by_its_year_stays_in_that_year():
    claim = figure("The toll now exceeds the 93 people who were killed in a 2017 collapse in the same street.", "en", 93)
    assert claim.time is not None and claim.time.low == dt.date(2017, 1, 1)


# --- "today" in a photo caption --------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Rescuers search the rubble of the collapsed market on March 9, 2025 in Accra. Officials say the death toll rose to 18 today.", "en"),
        ("Des secouristes fouillent les décombres du marché effondré le 9 mars 2025 à Accra. Le bilan s'élève aujourd'hui à 18 morts.", "fr"),
        ("Helfer durchsuchen am 9. März 2025 in Accra die Trümmer des eingestürzten Marktes. Die Zahl der Toten stieg heute auf 18.", "de"),
        ("Rescatistas buscan entre los escombros del mercado derrumbado el 9 de marzo de 2025 en Accra. La cifra de muertos se eleva hoy a 18.", "es"),
    ],
)
def test_today_in_a_dated_caption_is_the_caption_day(text, lang):
    claim = figure(text, lang, 18)
    assert claim.time is not None and (claim.time.low, claim.time.high) == (dt.date(2025, 3, 9), dt.date(2025, 3, 9))


@pytest.mark.parametrize(
    "text",
    [
        "Officials say the death toll rose to 18 today.",
        "The market collapsed on March 9. Officials say the death toll rose to 18 today.",  # no caption: no year
    ],
)
def test_today_without_a_caption_is_the_day_of_the_article(text):
    claim = figure(text, "en", 18)
    assert claim.time is not None and claim.time.low == DAY


# --- a site's share of the toll ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Dix-huit personnes sont mortes sur le pont même, les autres à l'hôpital, a précisé mardi le préfet.", "fr"),
        ("Eighteen people died on the bridge itself and the rest in hospital, the governor said on Tuesday.", "en"),
        ("18 Menschen seien auf der Brücke gestorben, alle weiteren im Krankenhaus, sagte der Gouverneur am Dienstag.", "de"),
        ("Dieciocho personas murieron en el propio puente y el resto en hospitales, precisó el martes el gobernador.", "es"),
    ],
)
def test_the_dead_of_one_site_with_the_rest_elsewhere_are_a_part(text, lang):
    claim = figure(text, lang, 18)
    assert (claim.event, claim.measure) == ("killed", "part")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Eighteen people died in the collapse and the rest were rescued, the governor said on Tuesday.", "en"),
        ("Dix-huit personnes sont mortes, les autres ont été secourues, a précisé mardi le préfet.", "fr"),
    ],
)
def test_the_rest_without_another_site_leaves_the_toll_whole(text, lang):
    assert figure(text, lang, 18).measure == "running"


def test_a_sites_share_is_not_set_against_the_toll(tmp_path):
    found = findings(tmp_path, {
        "a.txt": "Effondrement d'un marché au Ghana : 52 morts\nLe Quotidien — Publié le mardi 11 mars 2025 à 18h10\n\n"
                 "Le bilan de l'effondrement du marché de Kumasi s'élève à 52 morts, a indiqué mardi la ministre de l'Intérieur Ama Owusu.\n",
        "b.txt": "Drame de Kumasi\nLa Dépêche — Publié le mardi 11 mars 2025 à 19h40\n\n"
                 "Dix-huit personnes sont mortes dans la halle même, les autres à l'hôpital, a précisé mardi le chef de la police locale Yaw Darko.\n",
    })
    assert not [f for f in found if f.kind in ("dispute", "contradiction", "update")]


# --- bodies recovered -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Firefighters recovered the remains of 9 victims from the rubble on Tuesday.", "en"),
        ("Mardi, les pompiers ont retrouvé les corps de 9 victimes sous les décombres.", "fr"),
        ("Am Dienstag bargen die Helfer die Leichen von 9 Opfern aus den Trümmern.", "de"),
        ("Los bomberos recuperaron el martes los restos de 9 víctimas entre los escombros.", "es"),
        ("Recuperan los restos de 9 víctimas del mercado derrumbado en Accra", "es"),
    ],
)
def test_remains_recovered_are_an_increment_not_the_toll(text, lang):
    assert figure(text, lang, 9).measure == "increment"


def test_remains_recovered_in_a_headline_are_not_a_later_toll(tmp_path):
    result = run(tmp_path, {
        "a.txt": "Recuperan los restos de 9 víctimas del mercado derrumbado en Accra\nDiario Sur — 12 de marzo de 2025\n\n"
                 "La cifra de muertos se eleva a 41.\n",
        "b.txt": "Derrumbe de un mercado en Accra\nLa Tarde — 10 de marzo de 2025\n\n"
                 "La cifra de muertos por el derrumbe del mercado de Accra asciende a 5, informó la alcaldía.\n",
    })
    nine = {c.id for c in result.claims if c.value.low == 9}
    assert nine
    assert not [f for f in result.findings if nine & set(f.claims)]  # not an update 5 → 9


# --- death idioms -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("L'explosion a causé la mort de 23 personnes dans la mine.", "fr"),
        ("Le coup de grisou a provoqué le décès de 23 personnes.", "fr"),
        ("Le décès de 23 personnes a été confirmé mardi par la préfecture.", "fr"),
        ("La catastrophe a coûté la vie à 23 personnes.", "fr"),
        ("The explosion tore through the mine, killing 23 workers.", "en"),
        ("The blast led to the death of 23 people, officials said.", "en"),
        ("Die Explosion verursachte den Tod von 23 Menschen.", "de"),
        ("Das Land trauert nach dem Tod von 23 Menschen in der Grube.", "de"),
        ("La explosión causó el fallecimiento de 23 personas.", "es"),
        ("El país llora la muerte de 23 personas en la mina.", "es"),
    ],
)
def test_death_idioms_mean_killed(text, lang):
    claim = figure(text, lang, 23)
    assert (claim.event, claim.measure) == ("killed", "running")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le pays est en deuil après la mort de 23 personnes, dont 4 enfants.", "fr"),
        ("The country mourns the death of 23 people, including 4 children.", "en"),
        ("Das Land trauert nach dem Tod von 23 Menschen, darunter 4 Kinder.", "de"),
        ("El país llora la muerte de 23 personas, entre ellas 4 niños.", "es"),
    ],
)
def test_a_part_after_a_death_idiom_died_too(text, lang):
    assert figure(text, lang, 23).event == "killed"
    assert figure(text, lang, 4).event == "killed"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Les gendarmes ont tiré des gaz lacrymogènes après la mort de deux policiers.", "fr"),
        ("Police fired tear gas after the death of two officers.", "en"),
    ],
)
def test_firing_tear_gas_is_not_what_happened_to_the_dead(text, lang):
    assert figure(text, lang, 2).event == "killed"
