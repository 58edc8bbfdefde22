"""Measures: sums of money, magnitudes, masses, depths, areas and rainfall, with what they measure."""

from __future__ import annotations

import pytest

from consistency.extract.lexicon import load_lexicon
from consistency.extract.measures import read_measure, unit_code
from consistency.extract.numbers import find_numbers


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def measures(lex, sentence: str, lang: str):
    """(figure text, low, high, unit, category, claim span) for each figure of one sentence."""
    out = []
    for nm in find_numbers(sentence, lang, money=True):
        m = read_measure(sentence, nm, (0, len(sentence)), lex, lang)
        if m is not None:
            out.append((nm.value.low, nm.value.high, m.unit, m.category, sentence[nm.start : m.end]))
    return out


# --- money -----------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "low", "high", "unit", "category"),
    [
        ("fr", "L'assureur évalue le coût des dégâts entre 2 et 4 milliards de dollars.", 2e9, 4e9, "USD", "damage"),
        ("fr", "Les crues ont provoqué 8 à 12 milliards d'euros de dégâts dans la vallée.", 8e9, 12e9, "EUR", "damage"),
        ("en", "The agency puts the damage at between $2.1 billion and $2.9 billion.", 2.1e9, 2.9e9, "USD", "damage"),
        ("en", "Analysts expect $7 billion to $9 billion in insured losses from the hurricane.", 7e9, 9e9, "USD", "insured_losses"),
        ("de", "Der Versicherer rechnet mit versicherten Schäden zwischen 2 und 3 Milliarden Euro.", 2e9, 3e9, "EUR", "insured_losses"),
        ("de", "Das Unwetter verursachte Gesamtschäden von 12 Milliarden Euro.", 12e9, 12e9, "EUR", "damage"),
        ("es", "Las pérdidas ascienden a 2.400 millones de euros, según la patronal.", 2.4e9, 2.4e9, "EUR", "damage"),
        ("en", "The governor put the cost of rebuilding at $3.75 billion.", 3.75e9, 3.75e9, "USD", "reconstruction_cost"),
        ("fr", "Le royaume consacrera une aide de 80 milliards de dirhams aux sinistrés.", 8e10, 8e10, "MAD", "aid"),
        ("es", "El Gobierno aprobó ayudas de 900 millones de euros para los afectados.", 9e8, 9e8, "EUR", "aid"),
        ("de", "Die Bürger sammelten Spenden von 45 Millionen Euro.", 4.5e7, 4.5e7, "EUR", "donations"),
        ("en", "Private donations reached $12 million within a week.", 1.2e7, 1.2e7, "USD", "donations"),
        ("fr", "La région a voté un budget de 250 millions d'euros pour les digues.", 2.5e8, 2.5e8, "EUR", "budget"),
    ],
)
def test_sum_of_money_with_what_it_pays_for(lex, lang, sentence, low, high, unit, category):
    [(lo, hi, u, cat, _)] = measures(lex, sentence, lang)
    assert (lo, hi, u, cat) == (low, high, unit, category)


def test_qualifier_kept_before_a_currency_symbol_and_a_scale_word(lex):
    [(lo, hi, unit, cat, span)] = measures(lex, "The flood caused nearly $6 billion in damage.", "en")
    assert (lo, hi, unit, cat) == (5.4e9, 6e9, "USD", "damage")
    assert span == "nearly $6 billion in damage"
    [(lo, hi, unit, cat, span)] = measures(lex, "La tempête a fait près de 6 milliards d'euros de dégâts.", "fr")
    assert (lo, hi, unit, cat) == (5.4e9, 6e9, "EUR", "damage")
    assert span == "près de 6 milliards d'euros de dégâts"


def test_insured_losses_budget_and_aid_are_not_damage(lex):
    cats = [
        measures(lex, "Insured losses reached $4 billion.", "en")[0][3],
        measures(lex, "Damage reached $4 billion.", "en")[0][3],
        measures(lex, "Emergency aid reached $4 billion.", "en")[0][3],
    ]
    assert cats == ["insured_losses", "damage", "aid"]


def test_no_measure_when_the_money_pays_for_nothing_named(lex):
    assert measures(lex, "Le nouveau stade coûtera 3 milliards d'euros.", "fr") == []
    assert measures(lex, "Relief agencies said 3 million dollars were needed.", "en") == []
    assert measures(lex, "Der Bau kostet 40 Millionen Euro.", "de") == []


def test_money_is_read_only_when_asked(lex):
    sentence = "The storm caused $5.52 billion in damage and killed 40 people."
    plain = find_numbers(sentence, "en")
    assert [m.text for m in plain] == ["40"]
    assert all(m.currency is None for m in plain)
    money = find_numbers(sentence, "en", money=True)
    assert [(m.text, m.point, m.currency) for m in money] == [("5.52 billion", 5.52e9, "USD"), ("40", 40.0, None)]


@pytest.mark.parametrize(
    ("lang", "sentence", "low", "high", "code"),
    [
        ("fr", "Le plan prévoit 120 milliards de dirhams.", 1.2e11, 1.2e11, "MAD"),
        ("de", "Die Schäden belaufen sich auf 33 Milliarden Euro.", 3.3e10, 3.3e10, "EUR"),
        ("es", "Se destinarán 3.500 millones de euros.", 3.5e9, 3.5e9, "EUR"),
        ("en", "Estimates range from 4 billion to 5 billion euros.", 4e9, 5e9, "EUR"),
        ("en", "The bill is worth £40 million.", 4e7, 4e7, "GBP"),
        ("fr", "La facture atteint 5 000 € par foyer.", 5e3, 5e3, "EUR"),
    ],
)
def test_currency_code_and_scale(lang, sentence, low, high, code):
    [m] = find_numbers(sentence, lang, money=True)
    assert (m.value.low, m.value.high, m.currency) == (low, high, code)


def test_currency_without_a_code_is_still_left_out():
    assert [m.text for m in find_numbers("He paid 500 roubles for 3 tickets.", "en", money=True)] == ["3"]


# --- earthquakes -----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "value"),
    [
        ("fr", "Le séisme, d'une magnitude de 6,9, a été ressenti jusqu'à Rabat.", 6.9),
        ("en", "The quake struck at magnitude 7 shortly after midnight.", 7.0),
        ("de", "Das Erdbeben der Stärke 5,8 erschütterte die Küste.", 5.8),
        ("es", "El terremoto de magnitud 6,1 sacudió la provincia.", 6.1),
        ("en", "The tremor measured 6.4 on the Richter scale.", 6.4),
    ],
)
def test_magnitude_of_the_main_shock(lex, lang, sentence, value):
    [(lo, hi, unit, cat, _)] = measures(lex, sentence, lang)
    assert (lo, unit, cat) == (value, "magnitude", "magnitude")


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("fr", "Le séisme de magnitude 6,9 a été suivi d'une réplique de magnitude 4,7.",
         [(6.9, "magnitude"), (4.7, "magnitude_aftershock")]),
        ("en", "A magnitude 4.6 aftershock rattled the valley on Sunday.", [(4.6, "magnitude_aftershock")]),
        ("en", "The aftershock, which had a magnitude of 4.6, cracked walls.", [(4.6, "magnitude_aftershock")]),
        ("de", "Ein Nachbeben der Stärke 4,2 folgte am Abend.", [(4.2, "magnitude_aftershock")]),
        ("es", "Una réplica de magnitud 4,4 se registró por la tarde.", [(4.4, "magnitude_aftershock")]),
    ],
)
def test_aftershock_magnitude_is_its_own_category(lex, lang, sentence, expected):
    assert [(lo, cat) for lo, _, _, cat, _ in measures(lex, sentence, lang)] == expected


def test_depth_of_the_hypocentre(lex):
    [(lo, _, unit, cat, span)] = measures(lex, "L'épicentre se situait à 26 kilomètres de profondeur.", "fr")
    assert (lo, unit, cat, span) == (26.0, "km", "depth", "26 kilomètres de profondeur")
    [(lo, _, unit, cat, _)] = measures(lex, "El foco se situó a una profundidad de 12 kilómetros.", "es")
    assert (lo, unit, cat) == (12.0, "km", "depth")


def test_a_range_mixing_a_magnitude_and_a_distance_is_no_measure(lex):
    sentence = "Le choc principal, de magnitude 6,8 à 18 kilomètres du village, a tout détruit."
    assert all(cat != "magnitude" or lo == hi for lo, hi, _, cat, _ in measures(lex, sentence, "fr"))


# --- masses, areas, rainfall, temperature -------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "sentence", "value", "unit", "category"),
    [
        ("fr", "L'entrepôt contenait 1 900 tonnes de nitrate d'ammonium.", 1900.0, "t", "ammonium_nitrate"),
        ("en", "The blast came from 320 tonnes of ammonium nitrate.", 320.0, "t", "ammonium_nitrate"),
        ("de", "Im Lager befanden sich 600 Tonnen Ammoniumnitrat.", 600.0, "t", "ammonium_nitrate"),
        ("es", "Estallaron 450 toneladas de nitrato de amonio.", 450.0, "t", "ammonium_nitrate"),
        ("es", "En Algemesí cayeron 512,6 litros por metro cuadrado.", 512.6, "l/m2", "rainfall"),
        ("de", "In Hagen fielen 180 Liter pro Quadratmeter Regen.", 180.0, "l/m2", "rainfall"),
        ("fr", "Il est tombé 300 mm de pluie en une nuit.", 300.0, "mm", "rainfall"),
        ("en", "The blaze burned 3,400 acres in two days.", 3400.0, "acre", "area_burned"),
        ("fr", "L'incendie a laissé 1 200 hectares brûlés.", 1200.0, "ha", "area_burned"),
        ("fr", "Le thermomètre a atteint 46 degrés Celsius à Marrakech.", 46.0, "°C", "temperature"),
    ],
)
def test_measures_of_mass_area_rain_and_heat(lex, lang, sentence, value, unit, category):
    [(lo, _, u, cat, _)] = measures(lex, sentence, lang)
    assert (lo, u, cat) == (value, unit, category)


def test_no_measure_when_the_measured_noun_is_unknown(lex):
    assert measures(lex, "The convoy carried 40 tonnes of flour.", "en") == []
    assert measures(lex, "Le cortège a parcouru 12 kilomètres.", "fr") == []
    assert measures(lex, "Der Stau war 20 Kilometer lang.", "de") == []
    assert measures(lex, "La finca tiene 300 hectáreas de olivos.", "es") == []


def test_unit_codes(lex):
    assert [unit_code(lex, k) for k in ("us_dollar", "euro", "moroccan_dirham", "tonne", "hectare", "magnitude")] == [
        "USD", "EUR", "MAD", "t", "ha", "magnitude",
    ]
