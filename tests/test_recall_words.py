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
        ("en", "Some 2,600 apartments were damaged by the blast, the municipality said.", "Some 2,600 apartments", "buildings", "damaged"),
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
