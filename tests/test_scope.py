"""A figure's scope as a fact-checker reads it: its own time, its own place, what it counts,
how it counts (total, increment, part, projection…) and who gives it, in fr/en/de/es.

Each behaviour is one table with one row per language. Rows marked xfail (strict) state a
target that extraction does not reach yet; the reason says what is read instead.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.corpus import boilerplate_spans
from consistency.extract import extract_claims
from consistency.model import Document


def doc(text: str, lang: str = "en", published: dt.date | None = dt.date(2025, 6, 17), id: str = "a") -> Document:
    return Document(id=id, path=f"{id}.txt", text=text, language=lang, published=published)


def figures(text: str, lang: str, published: dt.date) -> list:
    """The quantity claims of a text, read as the pipeline reads it (page noise skipped)."""
    d = doc(text, lang, published)
    return [c for c in extract_claims(d, noise=boilerplate_spans(d)) if c.kind == "quantity"]


def figure(text: str, lang: str, published: dt.date, value: float):
    found = [c for c in figures(text, lang, published) if c.value.low == value]
    assert len(found) == 1, (value, [(c.quote, c.value.low) for c in figures(text, lang, published)])
    return found[0]


def xfail(reason: str):
    return pytest.mark.xfail(reason=reason, strict=True)


def day(c) -> dt.date:
    return c.time.low


# --- 1. time -----------------------------------------------------------------------------

MON_10_MARCH_2025 = dt.date(2025, 3, 10)


@pytest.mark.parametrize(
    "text,lang,value,place,when",
    [
        ("La préfecture a annoncé mercredi que 1 450 personnes avaient été évacuées à Valence.",
         "fr", 1450, "Valencia", dt.date(2025, 3, 5)),
        ("The county coroner said on Friday that 57 people had died in Marseille.",
         "en", 57, "Marseille", dt.date(2025, 3, 7)),
        ("Der Landrat sagte am Freitag, 38 Menschen seien im Kreis Ahrweiler gestorben.",
         "de", 38, "Landkreis Ahrweiler", dt.date(2025, 3, 7)),
        ("El Gobierno informó el viernes de que 93 personas murieron en Valencia.",
         "es", 93, "Valencia", dt.date(2025, 3, 7)),
    ],
)
def test_the_reporting_verbs_day_dates_the_count(text, lang, value, place, when):
    c = figure(text, lang, MON_10_MARCH_2025, value)
    assert (c.location, day(c), c.time.high, c.time_source) == (place, when, when, "clause")


@pytest.mark.parametrize(
    "text,lang,published,value",
    [
        ("Le bilan du séisme du 8 septembre s'élève désormais à 2 946 morts.", "fr", dt.date(2023, 9, 12), 2946),
        ("The floods that struck on Oct. 29 have now killed 223 people in Valencia.", "en", dt.date(2024, 11, 5), 223),
        ("Die Flut vom 14. Juli hat im Kreis Ahrweiler inzwischen 134 Menschen getötet.", "de", dt.date(2021, 7, 20), 134),
        ("La dana del 29 de octubre ha dejado ya 219 muertos en Valencia.", "es", dt.date(2024, 11, 5), 219),
    ],
)
def test_the_date_of_the_event_is_not_the_time_of_the_count(text, lang, published, value):
    c = figure(text, lang, published, value)
    assert c.event == "killed"
    assert (day(c), c.time.high, c.time_source) == (published, published, "as_of")


@pytest.mark.parametrize(
    "text,lang,published,value,when,minutes",
    [
        ("Samedi en fin de matinée, les secours dénombraient 1 041 morts.", "fr",
         dt.date(2023, 9, 10), 1041, dt.date(2023, 9, 9), (600, 720)),
        ("By 3 p.m., officials counted 1,041 dead in Marrakesh.", "en",
         dt.date(2023, 9, 10), 1041, dt.date(2023, 9, 10), (900, 900)),
        ("Am Donnerstagabend meldete das Lagezentrum 44 Tote im Kreis Ahrweiler.", "de",
         dt.date(2021, 7, 17), 44, dt.date(2021, 7, 15), (1080, 1439)),
        ("A mediodía, las autoridades contabilizaban 155 muertos en Valencia.", "es",
         dt.date(2024, 11, 1), 155, dt.date(2024, 11, 1), (720, 720)),
    ],
)
def test_a_time_of_day_gives_minutes(text, lang, published, value, when, minutes):
    c = figure(text, lang, published, value)
    assert day(c) == when and c.time_source == "clause"
    assert (c.time.low_minute, c.time.high_minute) == minutes


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Les pompiers ont secouru 312 habitants à Marseille.", "fr"),
        ("Firefighters rescued 312 residents in Marseille.", "en"),
        ("Die Feuerwehr rettete im Kreis Ahrweiler 312 Anwohner.", "de"),
        ("Los bomberos rescataron a 312 vecinos en Valencia.", "es"),
    ],
)
def test_without_any_time_a_figure_is_as_of_publication(text, lang):
    published = dt.date(2024, 11, 2)
    c = figure(text, lang, published, 312)
    assert c.time is not None and c.time.high == published
    assert (c.time.kind, c.time_source) == ("as_of", "as_of")


SECOND_FIGURE_MISSING = xfail(
    "the second, noun-less figure of the comparison ('contre 806 000 jeudi dernier') yields no "
    "claim: only the first figure is extracted, with its own day"
)


@pytest.mark.parametrize(
    "text,lang,first,second",
    [
        pytest.param("Selon la préfecture, 18 500 manifestants ont défilé mardi, contre 27 000 jeudi dernier.",
                     "fr", 18500, 27000, marks=SECOND_FIGURE_MISSING),
        pytest.param("Police counted 48,000 protesters on Tuesday, against 92,000 last Thursday.",
                     "en", 48000, 92000, marks=SECOND_FIGURE_MISSING),
        pytest.param("Die Polizei zählte am Dienstag 12.000 Demonstranten, nach 30.000 am vergangenen Donnerstag.",
                     "de", 12000, 30000, marks=SECOND_FIGURE_MISSING),
        pytest.param("La policía contó 15.000 manifestantes el martes, frente a 40.000 el jueves pasado.",
                     "es", 15000, 40000, marks=SECOND_FIGURE_MISSING),
    ],
)
def test_two_figures_of_one_sentence_keep_their_own_day(text, lang, first, second):
    published = dt.date(2023, 3, 8)  # a Wednesday: Tuesday is the 7th, last Thursday the 2nd
    a = figure(text, lang, published, first)
    b = figure(text, lang, published, second)
    assert (a.category, b.category) == ("protesters", "protesters")
    assert (day(a), day(b)) == (dt.date(2023, 3, 7), dt.date(2023, 3, 2))


# --- 3. places ---------------------------------------------------------------------------

QUAKE_DAY = dt.date(2023, 9, 12)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le séisme a durement frappé Marrakech. Marrakech pleure ses morts. À Taroudant, 271 personnes sont mortes.", "fr"),
        ("The quake hit Marrakesh hard. Marrakesh mourns its dead. In Taroudant, 271 people died.", "en"),
        ("Das Beben traf Marrakesch schwer. Marrakesch trauert. In Taroudant starben 271 Menschen.", "de"),
        ("El terremoto golpeó Marrakech. Marrakech llora a sus muertos. En Taroudant murieron 271 personas.", "es"),
    ],
)
def test_the_clauses_place_beats_the_articles(text, lang):
    c = figure(text, lang, QUAKE_DAY, 271)
    assert (c.location, c.place_source, c.event) == ("Taroudant", "clause", "killed")


BRACKETED_PLACE = xfail(
    "the place before a bracketed figure ('devant Taroudant (271 morts)') is not given to it: "
    "271 is read in Morocco (place_source 'document')"
)


@pytest.mark.parametrize(
    "text,lang",
    [
        pytest.param("La province d'Al Haouz compte 394 morts, devant Taroudant (271 morts).", "fr",
                     marks=BRACKETED_PLACE),
        pytest.param("Al Haouz province recorded 394 deaths, ahead of Taroudant (271 deaths).", "en",
                     marks=xfail("'Al Haouz province' is not recognised in English: 394 is read in Morocco "
                                 "(document), and 271 too")),
        pytest.param("Die Provinz Al Haouz zählt 394 Tote, vor Taroudant (271 Tote).", "de", marks=BRACKETED_PLACE),
        pytest.param("La provincia de Al Hauz registra 394 muertos, por delante de Taroudant (271 muertos).", "es",
                     marks=BRACKETED_PLACE),
    ],
)
def test_a_place_nearer_another_figure_belongs_to_that_figure(text, lang):
    haouz = figure(text, lang, QUAKE_DAY, 394)
    taroudant = figure(text, lang, QUAKE_DAY, 271)
    assert haouz.location == "Al Haouz"
    assert taroudant.location == "Taroudant"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Le séisme a frappé Marrakech vendredi soir. Là, 18 morts ont été recensés.", "fr"),
        ("The quake hit Marrakesh on Friday night. There, 18 people were killed.", "en"),
        ("Das Beben traf am Freitagabend Marrakesch. Dort kamen 18 Menschen ums Leben.", "de"),
        ("El terremoto sacudió Marrakech el viernes por la noche. Allí murieron 18 personas.", "es"),
    ],
)
def test_there_takes_the_place_of_the_sentence_before(text, lang):
    c = figure(text, lang, QUAKE_DAY, 18)
    assert (c.location, c.place_source, c.event) == ("Marrakesh", "there", "killed")
    # "vendredi soir" dates the quake, not the count made afterwards
    assert c.time_source == "as_of" and day(c) == QUAKE_DAY


@pytest.mark.parametrize(
    "text,lang,city,first,second,origins",
    [
        ("Grève contre la réforme des retraites.\n\nToulouse. 21 000 manifestants selon la préfecture, "
         "35 000 selon la CGT.\n\nMarseille. 16 000 manifestants selon la police, 245 000 selon les syndicats.",
         "fr", "Marseille", 16000, 245000, ("police", "unions")),
        ("Pension strike.\n\nLyon: 21,000 protesters according to police, 35,000 according to unions.",
         "en", "Lyon", 21000, 35000, ("police", "unions")),
        ("Streik gegen die Rentenreform.\n\nHamburg. 12.000 Demonstranten laut Polizei, 30.000 laut den Gewerkschaften.",
         "de", "Hamburg", 12000, 30000, ("police", "unions")),
        ("Huelga general.\n\nBarcelona. 15.000 manifestantes según la policía, 40.000 según los sindicatos.",
         "es", "Barcelona", 15000, 40000, ("police", "unions")),
    ],
)
def test_a_list_line_puts_both_figures_in_its_city_with_their_sources(text, lang, city, first, second, origins):
    published = dt.date(2023, 3, 8)
    a = figure(text, lang, published, first)
    b = figure(text, lang, published, second)
    assert (a.location, b.location) == (city, city)
    assert (a.category, b.category) == ("protesters", "protesters")
    assert (a.attributed_to, b.attributed_to) == origins
    assert b.noun_source != "noun"  # the second figure's noun is elided


@pytest.mark.parametrize(
    "text,lang,country",
    [
        ("Grève en France contre la réforme.\nLe ministère a compté 1,28 million de manifestants dans toute la France.",
         "fr", "France"),
        pytest.param("Strikes in France against the pension reform.\nPolice counted 1.28 million protesters nationwide.",
                     "en", "France",
                     marks=xfail("'nationwide' after a lead naming France gives no place (location None, "
                                 "place_source 'none'): the article's home country is not found")),
        pytest.param("Streik in Deutschland: Die Gewerkschaften riefen zum Protest auf.\n"
                     "Bundesweit gingen nach Angaben der Polizei 250.000 Demonstranten auf die Straße.",
                     "de", "Germany",
                     marks=xfail("'Bundesweit' gives no place (location None): the article's home country "
                                 "Deutschland is not found")),
        pytest.param("Huelga general en España contra la reforma.\n"
                     "En toda España, 400.000 manifestantes salieron a la calle, según los sindicatos.",
                     "es", "Spain",
                     marks=xfail("'En toda España' gives no place (location None, place_source 'none')")),
    ],
)
def test_nationwide_gives_the_country(text, lang, country):
    c = [c for c in figures(text, lang, dt.date(2023, 3, 8)) if c.category == "protesters"]
    assert len(c) == 1
    assert (c[0].location, c[0].place_level, c[0].place_source) == (country, "country", "nationwide")


@pytest.mark.parametrize(
    "text,lang,value,places",
    [
        ("Les inondations ont fait 36 morts à Valence et Albacete.", "fr", 36, "Albacete + Valencia"),
        ("The floods killed 36 people in Valencia and Albacete.", "en", 36, "Albacete + Valencia"),
        ("Die Flut tötete in Rheinland-Pfalz und Nordrhein-Westfalen 180 Menschen.", "de", 180,
         "Nordrhein-Westfalen + Rheinland-Pfalz"),
        ("La dana dejó 36 muertos en Valencia y Albacete.", "es", 36, "Albacete + Valencia"),
    ],
)
def test_two_places_joined_by_and_are_one_combined_scope(text, lang, value, places):
    c = figure(text, lang, dt.date(2024, 11, 2), value)
    assert (c.location, c.place_source) == (places, "combined")


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Les inondations ont ravagé l'Allemagne. La Belgique aussi est touchée : 12 personnes y sont mortes.", "fr", 12),
        ("The floods devastated Germany. In Belgium, 12 people have died.", "en", 12),
        ("Die Flut in Deutschland ist verheerend. Auch Belgien ist schwer getroffen: "
         "Dort sind sechs Menschen ums Leben gekommen.", "de", 6),
        ("Las inundaciones devastaron Alemania. En Bélgica murieron 12 personas.", "es", 12),
    ],
)
def test_another_country_named_for_the_figure_wins_over_the_articles(text, lang, value):
    c = figure(text, lang, dt.date(2021, 7, 16), value)
    assert (c.location, c.place_level, c.event) == ("Belgium", "country", "killed")


COUNTRY_UNREAD = "{name} is not read as a place (location None, place_source 'none')"


@pytest.mark.parametrize(
    "text,lang",
    [
        pytest.param("Au Maroc, 2 960 personnes sont mortes.", "fr", marks=xfail(COUNTRY_UNREAD.format(name="'Maroc'"))),
        pytest.param("In Morocco, 2,960 people have died.", "en", marks=xfail(COUNTRY_UNREAD.format(name="'Morocco'"))),
        pytest.param("In Marokko sind 2960 Menschen gestorben.", "de", marks=xfail(COUNTRY_UNREAD.format(name="'Marokko'"))),
        pytest.param("En Marruecos han muerto 2.960 personas.", "es",
                     marks=xfail(COUNTRY_UNREAD.format(name="'Marruecos'"))),
    ],
)
def test_the_country_of_the_clause_is_the_place(text, lang):
    c = figure(text, lang, QUAKE_DAY, 2960)
    assert (c.location, c.place_level, c.place_source) == ("Morocco", "country", "clause")


# --- 4. elided counted nouns --------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value,place",
    [
        ("À Valence, le bilan des inondations a été porté à 158.", "fr", 158, "Valencia"),
        ("In Valencia, the death toll rose to 158.", "en", 158, "Valencia"),
        ("Im Kreis Ahrweiler stieg die Zahl der Toten auf 28.", "de", 28, "Landkreis Ahrweiler"),
        ("La cifra de muertos por la dana sube a 158 en Valencia.", "es", 158, "Valencia"),
    ],
)
def test_a_toll_phrase_says_the_bare_figure_counts_the_dead(text, lang, value, place):
    c = figure(text, lang, dt.date(2024, 11, 1), value)
    assert (c.category, c.event, c.measure) == ("people", "killed", "running")
    assert c.location == place and c.noun_source != "noun"


def test_french_en_counts_what_was_counted_before():
    text = "Les secours ont d'abord recensé 296 morts à Marrakech. Le ministère en annonçait ensuite 632."
    c = figure(text, "fr", QUAKE_DAY, 632)
    assert (c.category, c.event) == ("people", "killed") and c.noun_source == "clitic"


@pytest.mark.parametrize(
    "text,lang,first,second",
    [
        pytest.param("Les autorités ont recensé 1 591 morts à Marrakech et 809 à Taroudant.", "fr", 1591, 809),
        ("Officials put the toll in Marrakesh at 1,591 and in Taroudant at 809.", "en", 1591, 809),
        pytest.param("Die Behörden bezifferten die Zahl der Toten in Marrakesch auf 1591 und in Taroudant auf 809.",
                     "de", 1591, 809),
        pytest.param("Las autoridades cifraron los muertos en Marrakech en 1.591 y en Taroudant en 809.",
                     "es", 1591, 809),
    ],
)
def test_a_toll_given_place_by_place_counts_the_dead_in_each(text, lang, first, second):
    a = figure(text, lang, QUAKE_DAY, first)
    b = figure(text, lang, QUAKE_DAY, second)
    assert (a.event, b.event) == ("killed", "killed")
    assert (a.location, b.location) == ("Marrakesh", "Taroudant")
