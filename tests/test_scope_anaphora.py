"""Figures that name what they count by pointing back ("the figure", "ce chiffre",
"bezifferte sie", "esa cifra"), and sources named the ways news reports name them (a
capital for its government, a name with a long description, an opening time that is not
a name), in fr/en/de/es.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.sentences import figure, figures

DAY = dt.date(2025, 3, 12)


@pytest.mark.parametrize(
    "text,lang,first,second,category,event",
    [
        ("La préfecture a recensé 12 000 manifestants à Nantes mardi. La CGT jugeait ce chiffre "
         "sous-évalué et l'estimait à 30 000.", "fr", 12000, 30000, "protesters", None),
        ("The port authority said 9,000 visitors had left the island on Tuesday. The tourism board "
         "said the real number was closer to 4,000.", "en", 9000, 4000, "visitors", None),
        ("Die Behörden meldeten am Dienstag 120 Vermisste im Kreis. Der Innenminister bezifferte "
         "sie am Dienstag auf 80.", "de", 120, 80, "people", "missing"),
        ("Las autoridades contaban 120 desaparecidos en la comarca el martes. El delegado del "
         "Gobierno rebajó esa cifra el martes a 80.", "es", 120, 80, "people", "missing"),
    ],
)
def test_a_figure_that_points_back_counts_what_was_just_counted(text, lang, first, second, category, event):
    before, after = figure(text, lang, first), figure(text, lang, second)
    assert after.category == before.category
    assert category in (after.category, after.event) or after.category == category
    if event is not None:
        assert after.event == before.event == event


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Le chiffre de la préfecture, 4 000, a été contesté.", "fr", 4000),  # no preposition of value
        ("This figure does not include the 300 people evacuated by boat.", "en", 300),
        ("Die Behörden meldeten 14 Tote. Diese Zahl umfasst 3 Kinder.", "de", 3),
    ],
)
def test_a_pointing_phrase_without_a_value_preposition_names_nothing(text, lang, value):
    found = [c for c in figures(text, lang) if c.value.low == value]
    assert all(c.noun_source != "anaphor" for c in found)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Les secours ont dénombré 40 morts lundi. Mardi, 200 maisons ont été inspectées. "
         "Le préfet a ensuite porté ce bilan à 12.", "fr"),
        ("The death toll in the province rose to 40 on Monday. Separately, the mayor put the "
         "figure at 12.", "en"),
    ],
)
def test_the_count_named_last_is_the_one_pointed_at(text, lang):
    twelve = figure(text, lang, 12)
    assert twelve.event == "killed"


def test_the_phrase_of_a_count_inside_a_pointing_phrase_wins():
    # "the official figure of 41": "figure of" is a count phrase, the same count as the 60.
    text = "Diplomats said at least 60 Jordanians had died, more than the official figure of 41 given by Amman."
    forty_one, sixty = figure(text, "en", 41), figure(text, "en", 60)
    assert (forty_one.category, forty_one.event) == (sixty.category, sixty.event) == ("people", "killed")


@pytest.mark.parametrize(
    "text,lang,value,low,high",
    [
        ("Le maire a dit que le vrai nombre était plus proche de 4 000 personnes.", "fr", 4000, 3600, 4400),
        ("The mayor said the real number was closer to 4,000 people.", "en", 4000, 3600, 4400),
        ("Der Bürgermeister sagte, die Zahl liege eher bei 4000 Menschen.", "de", 4000, 3600, 4400),
        ("El alcalde dijo que la cifra real está más cerca de 4.000 personas.", "es", 4000, 3600, 4400),
    ],
)
def test_closer_to_is_an_approximation(text, lang, value, low, high):
    c = figure(text, lang, value)
    assert (c.value.low, c.value.high) == (low, high)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Polizei meldete am Dienstag 120 Vermisste im Kreis.", "de"),
        ("Las autoridades contaban el lunes 120 desaparecidos en la comarca.", "es"),
        ("La préfecture comptait jeudi 120 disparus dans la vallée.", "fr"),
    ],
)
def test_a_count_after_a_weekday_is_not_a_day_of_the_month(text, lang):
    assert figure(text, lang, 120).event == "missing"


@pytest.mark.parametrize(
    "text,lang,origin",
    [
        ("Moscou affirme que 300 soldats ont été tués dans l'attaque.", "fr", "Russia"),
        ("Diplomats said 50 pilgrims had died, more than the official figure of 35 given by Amman.", "en", "Jordan"),
        ("Kiew teilte mit, 30 Soldaten seien getötet worden.", "de", "Ukraine"),
        ("Según Washington, 20 soldados murieron en el ataque.", "es", "United States"),
    ],
)
def test_a_capital_named_as_a_source_is_its_government(text, lang, origin):
    assert origin in {c.attributed_to for c in figures(text, lang)}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Cologne said 40 people died in the floods.", "en"),
        ("Lyon a compté 40 morts.", "fr"),
    ],
)
def test_another_city_named_as_a_source_is_not_one(text, lang):
    assert all(c.attributed_to is None for c in figures(text, lang))


@pytest.mark.parametrize(
    "text,lang,origin",
    [
        ("Mary Kanoa, who heads the Department of Commerce, Industry and Tourism, later said 4,000 "
         "visitors had left.", "en", "Mary Kanoa"),
        ("Marie Lenoir, qui dirige le service des routes, de l'eau et des ponts, a affirmé que 4 000 "
         "foyers étaient privés d'eau.", "fr", "Marie Lenoir"),
    ],
)
def test_a_source_described_by_a_long_relative_clause(text, lang, origin):
    assert {c.attributed_to for c in figures(text, lang)} == {origin}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("On Sunday the mayor said 700 homes had been destroyed.", "en"),
        ("In March the agency said 700 homes had been destroyed.", "en"),
        ("Am Sonntag sagte der Bürgermeister, 700 Häuser seien zerstört.", "de"),
    ],
)
def test_an_opening_time_is_never_a_source(text, lang):
    assert all(c.attributed_to is None for c in figures(text, lang))


@pytest.mark.parametrize(
    "text,lang,first,second,origin",
    [
        ("Quelque 40 000 personnes selon la préfecture, que les syndicats portent à 95 000, ont défilé à Lyon.",
         "fr", 40000, 95000, "unions"),
        ("About 8,000 protesters, a figure which organisers put at 20,000, marched in Leeds.",
         "en", 8000, 20000, "organisers"),
        ("Unas 40.000 personas, según la Delegación del Gobierno, que los sindicatos elevan a las 95.000, "
         "recorrieron Zaragoza.", "es", 40000, 95000, "unions"),
    ],
)
def test_a_relative_clause_gives_the_same_count_from_its_own_source(text, lang, first, second, origin):
    a, b = figure(text, lang, first), figure(text, lang, second)
    assert (b.category, b.event) == (a.category, a.event)
    assert b.attributed_to == origin != a.attributed_to


def test_a_relative_clause_that_counts_something_else_is_not_the_same_count():
    text = "About 8,000 protesters, which included 300 children, marched in Leeds."
    assert figure(text, "en", 300).category != "protesters"


@pytest.mark.parametrize(
    "text,lang,sides",
    [
        ("Zur Kundgebung kamen laut Polizei 6000 Menschen, laut Gewerkschaften 15.000 Menschen.", "de",
         {6000: "police", 15000: "unions"}),
        ("Au rassemblement sont venues selon la police 6 000 personnes, selon les syndicats 15 000 personnes.", "fr",
         {6000: "police", 15000: "unions"}),
    ],
)
def test_a_source_right_before_a_figure_is_its_own(text, lang, sides):
    for value, origin in sides.items():
        assert figure(text, lang, value).attributed_to == origin


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Bis Donnerstagabend zählten die Behörden 52 Todesopfer. In Hessen gab es 31 Tote.", "de"),
        ("Die Zahl der Toten stieg auf 12. Das teilte die Polizei am Donnerstag mit. Danach stieg sie auf 27.", "de"),
    ],
)
def test_a_time_a_place_or_a_demonstrative_is_never_a_source(text, lang):
    # "zählten die Behörden" names the authorities; "Bis Donnerstagabend", "In Hessen", "Das" name no one.
    assert {c.attributed_to for c in figures(text, lang)} <= {None, "authorities", "police"}


def test_a_place_after_a_preposition_places_the_figure():
    assert figure("In Hessen gab es 31 Tote.", "de", 31).location == "Hessen"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Police said they had identified seven of the victims of the floods.", "en"),
        ("La police a identifié sept des victimes des inondations.", "fr"),
        ("Die Polizei hat sieben der Opfer identifiziert.", "de"),
        ("La policía ha identificado a siete de las víctimas de la riada.", "es"),
    ],
)
def test_some_of_the_victims_are_a_part_not_a_toll(text, lang):
    assert figure(text, lang, 7).measure == "part"


@pytest.mark.parametrize(
    "text",
    [
        "Unas 40.000 personas, que los sindicatos elevan a las 95.000, recorrieron Zaragoza.",
        "La manifestación reunió a 6.000 personas a las 12 horas.",
    ],
)
def test_a_figure_with_thousands_is_never_a_clock_time(text):
    thousands = [c for c in figures(text, "es") if (c.value.low or 0) >= 1000]
    assert thousands and all(c.time is None or not c.time.has_time_of_day or "95" not in (c.time.label or "")
                             for c in thousands)


# --- times and places a figure takes from its neighbours ----------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("La marche à Nantes a réuni quelque 9 000 manifestants selon la préfecture. Ce lundi, la grève des "
         "éboueurs se poursuit.", "fr"),
        ("The march drew some 9,000 protesters, police said. This Wednesday, the cleaners' strike goes on.", "en"),
        ("La marcha reunió a unas 9.000 personas, según la policía. Este miércoles, la huelga de limpieza seguirá.", "es"),
    ],
)
def test_a_day_named_after_a_turnout_is_not_its_day(text, lang):
    c = figure(text, lang, 9000)
    assert c.time_source == "as_of"


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("El número de víctimas de las lluvias que azotaron Murcia el pasado 29 de octubre ha ascendido a 140, "
         "con 133 muertes en la región.", "es", 133),
        ("The number of victims of the storm that hit the coast on March 3 has risen to 140, with 133 deaths "
         "in the county.", "en", 133),
    ],
)
def test_a_time_before_another_figure_is_not_this_ones(text, lang, value):
    c = figure(text, lang, value)
    assert c.time_source == "as_of"


@pytest.mark.parametrize(
    "text,lang,value,place",
    [
        ("La cifra subió a 140, con 133 muertes en la provincia de Murcia, y las otras víctimas en Almería y Jaén.",
         "es", 133, "Región de Murcia"),
        ("The toll rose to 140, with 133 deaths in Murcia, and the other victims in Almería and Jaén.",
         "en", 133, "Región de Murcia"),
    ],
)
def test_a_place_of_another_noun_phrase_is_not_the_figures(text, lang, value, place):
    assert figure(text, lang, value).location != "Almería + Jaén"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Die Zahl der Toten im Kreis Euskirchen stieg auf 12. Damit stieg die Zahl der Todesopfer auf insgesamt 31.", "de"),
        ("Le bilan dans le Finistère est passé à 12. Au total, 31 personnes sont mortes dans les intempéries.", "fr"),
        ("The toll in Galway rose to 12. In total, 31 people died in the storms.", "en"),
        ("La cifra de muertos en la provincia de Jaén subió a 12. En total, 31 personas murieron en el temporal.", "es"),
    ],
)
def test_a_total_over_places_does_not_take_the_place_of_a_part(text, lang):
    part, total = figure(text, lang, 12), figure(text, lang, 31)
    assert total.location != part.location


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("The death toll from the storm reached 48 on Monday, officials said.", "en", 48),
        ("Die Landesregierung hatte die Zahl der Toten zuvor mit 27 angegeben.", "de", 27),
        ("Le bilan des inondations a atteint 48 morts lundi.", "fr", 48),
        ("La cifra de muertos alcanzó 48 el lunes.", "es", 48),
    ],
)
def test_a_toll_that_reaches_a_figure_counts_the_dead(text, lang, value):
    assert figure(text, lang, value).event == "killed"


@pytest.mark.parametrize(
    "text,lang,first,second",
    [
        ("À Rennes, la préfecture a compté 12 000 manifestants, contre les 30 000 annoncés par la CGT.", "fr", 12000, 30000),
        ("In Leeds, police counted 12,000 protesters, against the 30,000 claimed by the unions.", "en", 12000, 30000),
        ("El presidente anunció el envío de 4.000 militares más, que se suman a los 1.500 ya desplegados.", "es", 4000, 1500),
    ],
)
def test_a_figure_after_an_article_with_its_noun_left_out(text, lang, first, second):
    a, b = figure(text, lang, first), figure(text, lang, second)
    assert b.category == a.category
    assert b.measure != "increment"


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Les secours ont compté 300 morts, puis les 40 ingénieurs de la centrale ont été évacués.", "fr", 40),
        ("Rescuers counted 300 dead, and the 40 engineers of the plant were evacuated.", "en", 40),
    ],
)
def test_a_figure_after_an_article_with_its_own_noun_keeps_it(text, lang, value):
    assert all(c.event != "killed" for c in figures(text, lang) if c.value.low == value)


@pytest.mark.parametrize(
    "text,lang,value,year",
    [
        ("The toll now exceeds the 93 people who were killed in a 2017 flood in the same valley.", "en", 93, 2017),
        ("Le bilan dépasse déjà celui du séisme de 2004, qui avait fait 628 morts.", "fr", 628, 2004),
        ("Die Zahl übertrifft bereits die Flut von 2002, bei der 21 Menschen starben.", "de", 21, 2002),
        ("El temporal solo queda por detrás de la riada de Sagunto de 1962, que causó entre 60 y 90 fallecimientos.",
         "es", 60, 1962),
    ],
)
def test_a_figure_of_a_past_event_named_by_its_year_is_dated_that_year(text, lang, value, year):
    c = figure(text, lang, value)
    assert c.time is not None and c.time.low is not None and c.time.low.year == year


def test_an_undated_figure_corroborates_nothing(tmp_path):
    from consistency.pipeline import check

    (tmp_path / "a.txt").write_text("Publicado: 31/10/2024\n\nLa riada de Sagunto de 1962 causó 72 fallecimientos.\n",
                                    encoding="utf-8")
    (tmp_path / "b.txt").write_text("De la última cifra confirmada, de 72 muertos, 70 se localizaron en la costa.\n",
                                    encoding="utf-8")
    assert [f for f in check([tmp_path]).findings if f.kind in ("corroboration", "echo")] == []
