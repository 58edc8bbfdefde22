"""Claim recall: the nouns, events and measure words reporters use, in four languages.

Each sentence is invented, news-style. A figure whose noun the lexicons did not know was
silently dropped (no claim, nothing to compare); a figure filed under the wrong heading makes
a false contradiction. Each test checks one or the other, through `extract_claims`.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.extract import extract_claims
from consistency.extract.lexicon import Terms
from consistency.model import Document


def claims(text: str, lang: str) -> list:
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2025, 3, 12))
    return [c for c in extract_claims(doc) if c.kind == "quantity"]


def claim_of(text: str, lang: str, figure: str):
    """The one quantity claim whose quote holds `figure`."""
    found = [c for c in claims(text, lang) if figure in c.quote]
    assert len(found) == 1, (figure, [(c.quote, c.category) for c in claims(text, lang)])
    return found[0]


# --- counted nouns the lexicon did not know -----------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "figure", "category", "event"),
    [
        # settlements, hamlets, douars are places, flooded ones included
        ("en", "The regional governor said 24 settlements had been flooded by Wednesday night.", "24 settlements", "cities", "flooded"),
        ("fr", "Selon la préfecture, 37 douars restaient coupés du monde samedi.", "37 douars", "cities", None),
        ("de", "Nach Angaben des Landkreises wurden 14 Siedlungen am Montag überflutet.", "14 Siedlungen", "cities", "flooded"),
        ("es", "Protección Civil confirmó que 9 aldeas quedaron inundadas tras la crecida.", "9 aldeas", "cities", "flooded"),
        # households and families
        ("en", "About 82,000 households in the valley were left without drinking water on Tuesday.", "About 82,000 households", "households", None),
        ("fr", "Près de 4 500 foyers ont dû être relogés après la tempête, selon la mairie.", "4 500 foyers", "households", None),
        ("de", "Rund 3.000 Haushalte waren am Abend noch ohne Trinkwasser.", "3.000 Haushalte", "households", None),
        ("es", "Unas 1.200 familias pasaron la noche en pabellones deportivos.", "1.200 familias", "households", None),
        # police checks are events, not people
        ("fr", "À midi, la préfecture faisait état de 1 845 contrôles préventifs dans la capitale.", "1 845 contrôles", "checks", None),
        ("de", "Die Bundespolizei führte am Wochenende 2.300 Kontrollen an den Grenzübergängen durch.", "2.300 Kontrollen", "checks", None),
        ("es", "La Policía Nacional realizó 4.100 controles de identidad durante la jornada.", "4.100 controles", "checks", None),
        ("en", "Officers carried out 950 identity checks around the stations, police said.", "950 identity checks", "checks", None),
        # firms and trucks
        ("en", "The ministry revoked the licences of 22 travel agencies on Saturday.", "22 travel agencies", "companies", None),
        ("fr", "Le ministère a retiré leur licence à 12 agences de voyages mardi.", "12 agences de voyages", "companies", None),
        ("de", "Nach dem Unglück mussten 15 Reisebüros in der Stadt schließen.", "15 Reisebüros", "companies", None),
        ("es", "Unas 40 empresas del polígono perdieron toda su maquinaria.", "40 empresas", "companies", None),
        ("en", "Officials said 250 aid trucks a day would be allowed through the crossing.", "250 aid trucks", "trucks", None),
        ("fr", "Quelque 180 camions d'aide ont franchi le poste-frontière dimanche.", "180 camions d'aide", "trucks", None),
        # people the lexicon did not name
        ("en", "Ireland said it was sending 45 search and rescue specialists with six dogs.", "45 search and rescue specialists", "rescuers", "sent"),
        ("es", "El Gobierno envió 70 especialistas en rescate a la zona del derrumbe.", "70 especialistas en rescate", "rescuers", "sent"),
        ("fr", "Les secours ont recensé 87 morts et plus de 1 200 blessées dans la ville.", "plus de 1 200 blessées", "people", "wounded"),
        ("en", "Hospitals in the province reported 3,150 injuries by Saturday evening.", "3,150 injuries", "people", "wounded"),
        ("de", "Die Fähre hatte 340 Passagiere an Bord, als sie auf Grund lief.", "340 Passagiere", "passengers", None),
        ("es", "La embarcación transportaba a 57 migrantes cuando volcó frente a la costa.", "57 migrantes", "migrants", None),
        ("en", "Some 2,600 apartments were damaged by the blast, the municipality said.", "Some 2,600 apartments", "apartments", "damaged"),
        # Spanish past tenses of what happened to people
        ("es", "La Guardia Civil detuvo a 14 personas por saqueos durante la noche.", "14 personas", "people", "arrested"),
        ("es", "Los bomberos rescataron a 230 personas atrapadas en sus casas.", "230 personas", "people", "rescued"),
        ("es", "Defensa desplegó 1.500 militares en la provincia el lunes.", "1.500 militares", "soldiers", "deployed"),
        # transit lines are neither trains nor people
        ("fr", "Jeudi matin, 9 lignes de métro étaient totalement fermées, selon la régie.", "9 lignes de métro", "transit_lines", None),
        ("en", "By 8 a.m., seven Tube lines were suspended, the operator said.", "seven Tube lines", "transit_lines", None),
        ("de", "Wegen des Warnstreiks fielen am Morgen 12 Buslinien komplett aus.", "12 Buslinien", "transit_lines", None),
        ("es", "La huelga paralizó 5 líneas de metro durante la mañana.", "5 líneas de metro", "transit_lines", None),
        # people left without a home, in the words reporters use
        ("fr", "Le maire estime que 12 000 personnes se retrouvent sans logement après l'explosion.", "12 000 personnes", "people", "homeless"),
        ("en", "Officials said 8,400 people lost their homes in the fire.", "8,400 people", "people", "homeless"),
        ("es", "Más de 2.000 personas se quedaron sin casa tras el terremoto, según el alcalde.", "2.000 personas", "people", "homeless"),
        ("de", "Nach dem Beben sind 3.500 Menschen ohne Dach über dem Kopf.", "3.500 Menschen", "people", "homeless"),
    ],
)
def test_counted_noun_is_read(lang, sentence, figure, category, event):
    c = claim_of(sentence, lang, figure)
    assert c.category == category
    assert c.event == event


@pytest.mark.parametrize(
    ("lang", "sentence", "figure"),
    [
        ("en", "The administration said it had evacuated 6,300 people from flooded areas overnight.", "6,300 people"),
        ("fr", "La préfecture a évacué 2 100 personnes des zones inondées dans la nuit.", "2 100 personnes"),
        ("es", "Los bomberos evacuaron a 900 personas de las calles inundadas del barrio.", "900 personas"),
    ],
)
def test_flooded_areas_do_not_make_people_flooded(lang, sentence, figure):
    # "flooded areas" says where the evacuation happened: the people were evacuated.
    c = claim_of(sentence, lang, figure)
    assert c.event == "evacuated"


def test_people_are_not_filed_as_places_or_things():
    # "personnes" stays people: a generic count is never refined into settlements or households.
    c = claim_of("Dans les 12 villages touchés, 3 400 personnes ont été évacuées, dont 800 familles.", "fr", "3 400 personnes")
    assert c.category == "people"
    assert c.event == "evacuated"


# --- measures: sums of money, temperatures --------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "figure", "unit", "category"),
    [
        # an elided article glued to its noun ("d'aide") now links a sum to what it is
        ("fr", "L'Allemagne versera 40 millions d'euros d'aide humanitaire au Soudan.", "40 millions", "EUR", "aid"),
        ("fr", "La conférence a permis de réunir des promesses d'aide d'urgence d'environ 310 millions d'euros.", "environ 310 millions", "EUR", "pledges"),
        ("fr", "Selon le gouverneur, les pertes pourraient atteindre 8 milliards de dollars.", "8 milliards", "USD", "damage"),
        ("fr", "Le plan est doté d'un budget prévisionnel de 45 milliards de dirhams sur cinq ans.", "45 milliards", "MAD", "budget"),
        ("fr", "L'ONU évalue les besoins d'urgence à 120 millions de dollars.", "120 millions", "USD", "needs"),
        ("en", "The World Food Programme has appealed for $42 million to feed the displaced.", "42 million", "USD", "needs"),
        ("en", "County officials put the figure at an estimated $210 million needed to rebuild the harbour.", "210 million", "USD", "reconstruction_cost"),
        ("es", "La Cruz Roja calcula las necesidades urgentes en 25 millones de euros.", "25 millones", "EUR", "needs"),
        ("de", "Der Finanzbedarf beträgt nach Angaben der Caritas rund 60 Millionen Euro.", None, None, None),
        ("de", "Der Finanzbedarf beträgt rund 60 Millionen Euro.", "60 Millionen", "EUR", "needs"),
        ("fr", "Lundi, le mercure a atteint 48,6 °C à l'ombre dans la vallée.", "48,6 °C", "°C", "temperature"),
        ("es", "El mercurio alcanzó 44,1 °C en el aeropuerto el domingo.", "44,1 °C", "°C", "temperature"),
    ],
)
def test_measure_is_read(lang, sentence, figure, unit, category):
    if figure is None:  # a source between the noun and the sum: the noun is not tied to it
        assert not any(c.category == "needs" for c in claims(sentence, lang))
        return
    found = [c for c in claims(sentence, lang) if figure in c.quote]
    assert found, (figure, [(c.quote, c.category) for c in claims(sentence, lang)])
    assert (found[0].unit, found[0].category) == (unit, category)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # money set aside "for" something is not what it costs: no reconstruction cost is guessed
        ("en", "The government set aside $300 million for reconstruction on Friday."),
        ("fr", "Le gouvernement a débloqué 300 millions d'euros pour la reconstruction vendredi."),
        ("es", "El Gobierno aprobó 300 millones de euros para la reconstrucción el viernes."),
    ],
)
def test_money_for_a_purpose_is_not_its_cost(lang, sentence):
    assert not any(c.category == "reconstruction_cost" for c in claims(sentence, lang))


def test_an_appeal_is_not_damage():
    # An agency's $15 million appeal and a governor's damage estimate are two headings.
    text = ("The health agency appealed for $15 million on Thursday. "
            "The governor said the damage could reach $9 billion.")
    cats = {c.category for c in claims(text, "en") if c.unit == "USD"}
    assert cats == {"needs", "damage"}


# --- lexicon matching ---------------------------------------------------------------------

def test_phrase_ending_on_an_elided_article_matches_before_a_word():
    terms = Terms((("d'", "link"), ("l'", "link"), ("aide", "aid")))
    text = "d'aide et l'aide"
    assert [(m.text, m.key) for m in terms.finditer(text)] == [("d'", "link"), ("aide", "aid"), ("l'", "link"), ("aide", "aid")]
    # a word still needs its own right edge: "aide" does not match inside "aides"
    assert [m.text for m in terms.finditer("aides")] == []


# --- crowds, farmers and their tractors --------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "figure", "category", "event"),
    [
        # people at a march are protesters, whatever the reporter calls them
        ("fr", "Selon la préfecture, 18 000 participants ont défilé samedi à Rennes.", "18 000 participants", "protesters", "demonstrated"),
        ("en", "The rally in Bristol drew some 6,500 participants on Saturday.", "6,500 participants", "protesters", "demonstrated"),
        ("de", "Die Polizei zählte am Samstag in Kiel rund 7000 Teilnehmer.", "7000 Teilnehmer", "protesters", "demonstrated"),
        ("de", "Die Gewerkschaft sprach von 15.000 Teilnehmenden in Erfurt.", "15.000 Teilnehmenden", "protesters", "demonstrated"),
        ("es", "La marcha reunió a unos 25.000 participantes en Zaragoza, según la policía.", "25.000 participantes", "protesters", "demonstrated"),
        ("es", "La concentración contó con 4.000 asistentes frente al Ayuntamiento de Burgos.", "4.000 asistentes", "protesters", "demonstrated"),
        # the crowd named before the figure
        ("en", "Police put the crowd at 9,000, a figure the union disputed.", "9,000", "protesters", "demonstrated"),
        ("en", "Organisers put attendance at 12,000 by mid-afternoon.", "12,000", "protesters", "demonstrated"),
        # farmers are a group of people of their own
        ("fr", "Quelque 1 500 agriculteurs ont bloqué l'autoroute près de Toulouse.", "1 500 agriculteurs", "farmers", None),
        ("en", "About 3,000 farmers gathered outside the parliament in Cardiff.", "3,000 farmers", "farmers", "demonstrated"),
        ("de", "Mehr als 2000 Landwirte protestierten am Dienstag in Magdeburg.", "2000 Landwirte", "farmers", "demonstrated"),
        ("de", "Rund 800 Bauern blockierten die Zufahrt zum Zentrallager.", "800 Bauern", "farmers", None),
        ("es", "Unos 2.500 agricultores cortaron la carretera en Lleida.", "2.500 agricultores", "farmers", None),
        # tractors are counted apart from other vehicles
        ("fr", "Plus de 600 tracteurs ont convergé vers la préfecture de Caen.", "600 tracteurs", "tractors", None),
        ("en", "Police counted 1,100 tractors on the ring road on Monday morning.", "1,100 tractors", "tractors", None),
        ("de", "Die Polizei zählte in Schwerin 950 Traktoren.", "950 Traktoren", "tractors", None),
        ("de", "Etwa 400 Trecker rollten am Morgen durch Oldenburg.", "400 Trecker", "tractors", None),
        ("es", "Más de 700 tractores colapsaron el centro de Logroño.", "700 tractores", "tractors", None),
    ],
)
def test_crowd_and_protest_nouns_are_read(lang, sentence, figure, category, event):
    c = claim_of(sentence, lang, figure)
    assert c.category == category
    assert c.event == event


@pytest.mark.parametrize(
    "sentence",
    [
        "A crowd gathered at 10 Downing Street on Monday evening.",
        "Attendance at 2,000 schools fell sharply on the first day of the strike.",
    ],
)
def test_a_crowd_word_alone_does_not_name_the_next_figure(sentence):
    # Only "put the crowd at", "attendance was estimated at"… give a crowd its figure.
    assert not [c for c in claims(sentence, "en") if c.category == "protesters"]


def test_participants_and_protesters_are_one_count():
    # Two sides of one march: the rules compare them only if they are filed under one heading.
    police = claim_of("Selon la police, 9 000 manifestants ont défilé à Lille.", "fr", "9 000")
    unions = claim_of("Selon les syndicats, 30 000 participants ont défilé à Lille.", "fr", "30 000")
    assert (police.category, police.event) == (unions.category, unions.event)


def test_tractors_are_not_the_farmers_who_drive_them():
    found = {c.quote: c.category for c in claims(
        "Die Veranstalter sprachen von 6000 Landwirten und 2400 Traktoren in Hannover.", "de")}
    assert found == {"6000 Landwirten": "farmers", "2400 Traktoren": "tractors"}


def test_machines_alone_are_not_counted():
    # "Maschinen" names tractors only in context: a bare count of machines is left out.
    assert claims("Die Polizei zählte am Mittag 3500 Maschinen in der Innenstadt.", "de") == []


# --- idioms of a toll -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "figure"),
    [
        ("fr", "L'effondrement du pont a coûté la vie à 14 personnes, selon le parquet.", "14 personnes"),
        ("en", "The landslide claimed the lives of 27 people in the hill villages.", "27 people"),
        ("de", "Der Sturm hat in der Region 31 Menschen das Leben gekostet.", "31 Menschen"),
        ("de", "Die Lawine forderte den Tod von 9 Menschen.", "9 Menschen"),
        ("es", "El incendio se cobró la vida de 17 personas en la sierra.", "17 personas"),
        ("es", "La crecida del río cobró 23 vidas en la comarca.", "23 vidas"),
        ("es", "El derrumbe costó la vida a 8 personas, según Protección Civil.", "8 personas"),
    ],
)
def test_toll_idiom_counts_the_dead(lang, sentence, figure):
    c = claim_of(sentence, lang, figure)
    assert (c.category, c.event) == ("people", "killed")


@pytest.mark.parametrize(
    ("lang", "sentence", "figure", "event"),
    [
        # lives saved are no toll
        ("es", "Según el hospital, el nuevo protocolo salvó 120 vidas el año pasado.", "120 vidas", "rescued"),
        ("en", "Lifeguards saved 14 people at the beach on Sunday.", "14 people", "rescued"),
    ],
)
def test_lives_saved_are_not_a_toll(lang, sentence, figure, event):
    c = claim_of(sentence, lang, figure)
    assert c.event == event


# --- half a million ---------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "figure"),
    [
        ("de", "Die Organisatoren sprachen von einer halben Million Menschen in Berlin.", "einer halben Million"),
        ("de", "Eine halbe Million Menschen gingen nach Angaben der Gewerkschaften auf die Straße.", "Eine halbe Million"),
        ("fr", "La CGT revendiquait un demi-million de manifestants à Paris.", "un demi-million"),
        ("es", "Los sindicatos cifraron en medio millón de personas la asistencia en Madrid.", "medio millón"),
        ("en", "Organisers said half a million people marched in London.", "half a million"),
    ],
)
def test_half_a_million_is_read(lang, sentence, figure):
    c = claim_of(sentence, lang, figure)
    assert c.value.low <= 500_000 <= c.value.high


# --- figures in brackets after nationalities ---------------------------------------------------

def test_bracketed_figures_after_nationalities_do_not_take_the_previous_event():
    # "des Syriens (41)" breaks survivors down by nationality: it is no count of the missing
    # named in the sentence before, and a French "en" ("en majorité") is no clitic for it.
    text = ("Les autorités craignent que des centaines d'autres ne soient portées disparues. "
            "Les survivants sont en majorité des Soudanais (41), des Érythréens (22), ainsi que 7 Somaliens.")
    found = claims(text, "fr")
    assert not [c for c in found if c.quote in ("41", "22")]
    assert not [c for c in found if c.event == "missing" and c.quote != "des centaines d'autres ne soient portées disparues"]


def test_half_a_million_in_words_keeps_its_own_source():
    # A figure in words ends the source before it: each side of the dispute keeps its origin.
    text = "La manifestación reunió a 45.000 personas según la policía y cerca de medio millón según los sindicatos."
    found = {c.quote: c.attributed_to for c in claims(text, "es")}
    assert found == {"45.000 personas": "police", "cerca de medio millón": "unions"}
