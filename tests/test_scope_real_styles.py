"""Styles met in real multi-day coverage that must not produce a finding a fact-checker would
reject: a rising toll given as lower bounds, a count "up to Monday", a figure the text rejects,
a total with a part in one country, a figure for several places or an unnamed area, rates of
different parts of a whole (fr/en/de/es, invented sentences)."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from consistency.extract import extract_claims
from consistency.model import Document
from tests import sentences

DAY = dt.date(2025, 3, 18)
figures = functools.partial(sentences.figures, day=DAY)
findings = sentences.findings


@pytest.mark.parametrize(
    "line,sentence",
    [
        ("Publié le {d}/03/2025", "Au moins {n} personnes ont été tuées dans le glissement de terrain au nord du Pérou."),
        ("March {d}, 2025", "More than {n} people were killed in the landslide in northern Peru."),
        ("{d}.03.2025", "Bei dem Erdrutsch im Norden Perus sind mehr als {n} Menschen ums Leben gekommen."),
        ("Publicado: {d}/03/2025", "Al menos {n} personas murieron en el deslizamiento de tierra en el norte de Perú."),
    ],
)
def test_a_toll_given_as_rising_lower_bounds_is_not_one_figure_confirmed(tmp_path, line, sentence):
    articles = {f"{d}.txt": f"{line.format(d=d)}\n\n{sentence.format(n=n)}\n" for d, n in ((12, 30), (13, 70), (15, 150))}
    assert [f.kind for f in findings(tmp_path, articles) if f.kind in ("corroboration", "echo", "contradiction")] == []


@pytest.mark.parametrize(
    "first,second",
    [
        ("Publié le 10/09/2025\n\nAu Maroc, près de 1 300 corps ont été retrouvés, selon les autorités.\n",
         "Publié le 16/09/2025\n\nJusqu'à lundi, environ 2 900 corps avaient été retrouvés au Maroc, selon les autorités.\n"),
        ("10.09.2025\n\nDie Behörden zählten am Mittwochmorgen 1300 Tote in Marokko.\n",
         "16.09.2025\n\nBehördenangaben zufolge wurden in Marokko bis zum Montag etwa 2900 Todesopfer geborgen.\n"),
    ],
)
def test_a_count_up_to_a_later_day_does_not_contradict_an_earlier_one(tmp_path, first, second):
    assert [f for f in findings(tmp_path, {"a.txt": first, "b.txt": second}) if f.kind == "contradiction"] == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The police said the death toll in the bridge collapse is 142 and not 155.", "en"),
        ("Le bilan de l'effondrement du pont est de 142 morts et non de 155, selon la police.", "fr"),
        ("El balance del derrumbe del puente es de 142 muertos y no de 155, según la policía.", "es"),
    ],
)
def test_a_figure_the_text_rejects_is_not_a_claim(text, lang):
    assert [c.value.low for c in figures(text, lang)] == [142]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le nouveau bilan porte le bilan global du cyclone à au moins 1 240 morts, dont 870 au Mozambique.", "fr"),
        ("The cyclone killed more than 1,240 people, including 870 in Mozambique, officials said.", "en"),
        ("El ciclón ha dejado más de 1.240 muertos, de ellos 870 en Mozambique.", "es"),
    ],
)
def test_a_total_is_not_placed_where_its_part_is(text, lang):
    total = next(c for c in figures(text, lang) if c.value.low == 1240)
    assert total.location != "Mozambique"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Un séisme a frappé l'Iran et l'Irak voisin, faisant près de 200 morts dans les deux pays.", "fr"),
        ("An earthquake struck Iran and neighbouring Iraq, killing nearly 200 people in the two countries.", "en"),
        ("Ein Erdbeben traf Iran und den Irak; in beiden Ländern starben fast 200 Menschen.", "de"),
        ("Un terremoto sacudió Irán e Irak y dejó casi 200 muertos en ambos países.", "es"),
    ],
)
def test_a_figure_for_several_places_has_no_single_place(text, lang):
    assert all(c.location is None for c in figures(text, lang) if c.value.high == 200)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Dans les zones tenues par les rebelles, au moins 310 personnes ont été tuées en Syrie.", "fr"),
        ("In rebel-held areas of Syria, at least 310 people were killed.", "en"),
        ("En las zonas controladas por los rebeldes en Siria, al menos 310 personas murieron.", "es"),
    ],
)
def test_a_figure_for_an_unnamed_area_is_not_the_countrys(text, lang):
    assert all(c.location != "Syria" for c in figures(text, lang) if c.value.low == 310)


def test_rates_of_different_parts_of_a_whole_are_not_compared(tmp_path):
    a = ("Grève dans l'Éducation\nPublié le 13/03/2025 à 12h00\n\nSelon le ministère, 24 % de grévistes dans les "
         "écoles, 29 % dans les collèges, 18 % dans les lycées généraux et 12 % dans les lycées professionnels.\n")
    b = ("Grève dans l'Éducation\nPublié le 13/03/2025 à 13h00\n\nLe syndicat SNES-FSU annonce 48 % de grévistes "
         "dans les collèges et lycées.\n")
    assert [f for f in findings(tmp_path, {"a.txt": a, "b.txt": b}) if f.kind in ("contradiction", "dispute")] == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Plus de 900 personnes sont mortes dans le séisme qui a secoué mardi le sud du pays, selon les bilans "
         "officiels publiés jeudi soir.", "fr"),
        ("More than 900 people died in the earthquake that struck the south on Tuesday, according to official "
         "figures released on Thursday evening.", "en"),
    ],
)
def test_an_event_has_one_date_per_mention_the_nearest(text, lang):
    d = Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2025, 9, 12))
    dates = [c for c in extract_claims(d) if c.kind == "date" and c.event == "earthquake"]
    assert [c.value.low for c in dates] == [dt.date(2025, 9, 9)]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("En parallèle, entre 95 000 et 160 000 manifestants ont défilé, selon les chiffres annoncés par les "
         "autorités et la CGT.", "fr"),
        ("Between 95,000 and 160,000 people marched, according to figures from the authorities and the CGT union.", "en"),
    ],
)
def test_a_range_given_by_two_sources_has_no_single_source(text, lang):
    assert all(c.attributed_to is None for c in figures(text, lang))


def test_a_source_does_not_carry_to_another_countrys_toll():
    text = ("Le bilan en Iran s'est élevé à 180 morts, a annoncé lundi le ministère iranien de la Santé. "
            "Le bilan provisoire irakien fait état de 40 morts.")
    forty = next(c for c in figures(text, "fr") if c.value.low == 40)
    assert forty.attributed_to is None


def test_a_city_after_a_preposition_is_where_not_who():
    text = "Les cortèges ont réuni 150 000 personnes, dont 25 000 à Paris, a rapporté le syndicat."
    assert all(c.attributed_to != "France" for c in figures(text, "fr"))


@pytest.mark.parametrize(
    "text,lang,value,year",
    [
        ("Jeudi, 35 % des enseignants du primaire étaient en grève. Le record reste celui du 12 mars 2018. "
         "Le taux de grévistes avait alors été de 48 % dans le primaire.", "fr", 48, 2018),
        ("On Thursday 35% of primary teachers were on strike. The record dates from March 12, 2018. At the time, "
         "48% of primary teachers walked out.", "en", 48, 2018),
        ("Am Donnerstag streikten 35 Prozent der Grundschullehrer. Der Rekord stammt vom 12. März 2018. Damals "
         "streikten 48 Prozent der Grundschullehrer.", "de", 48, 2018),
        ("Le record reste celui du 5 décembre 2019. Le taux de grévistes avait alors été de 48 % dans le primaire, "
         "du jamais vu depuis 2003.", "fr", 48, 2019),
    ],
)
def test_a_figure_said_of_then_takes_the_time_named_before(text, lang, value, year):
    c = next(c for c in figures(text, lang) if c.value.low == value)
    assert c.time is not None and c.time.low is not None and c.time.low.year == year


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Au moins 12 personnes ont été tuées et 85 autres blessées dans la province.", "fr", 85),
        ("At least 12 people were killed and 85 others injured in the province.", "en", 85),
        ("Al menos 12 personas murieron y otras 85 resultaron heridas en la provincia.", "es", 85),
    ],
)
def test_others_of_another_event_are_not_an_increment(text, lang, value):
    assert next(c for c in figures(text, lang) if c.value.low == value).measure != "increment"


def test_a_source_after_its_figures_with_a_listener():
    text = "Les manifestations ont réuni 150 000 personnes, dont 25 000 à Paris, a rapporté la CGT à l'AFP."
    assert {c.attributed_to for c in figures(text, "fr")} == {"CGT union"}


def test_a_toll_and_its_revision_in_one_sentence_keep_their_own_days():
    d = Document(id="a", path="a.txt", language="en", published=dt.date(2023, 6, 5),
                 text="Initially, on June 3, the state government stated the death toll as 288 but on Sunday the "
                      "death toll was revised to 275.")
    days = {c.value.low: c.time.low for c in extract_claims(d) if c.kind == "quantity" and c.time is not None}
    assert days == {288: dt.date(2023, 6, 3), 275: dt.date(2023, 6, 4)}
