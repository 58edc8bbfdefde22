"""The lexicon data in four languages: what a figure counts, what happened, and its unit.

Each sentence is invented; each test asks the loaded lexicon (built-in data files) the
question extraction asks, and checks the answer a fact-checker would rely on.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.errors import InputError
from consistency.extract.lexicon import build_lexicon, load_lexicon


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _after_figure(text: str, figure: str) -> int:
    return text.index(figure) + len(figure)


# --- what is counted ----------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "category", "event"),
    [
        # fr
        ("Selon la préfecture, 14 personnes sont toujours portées disparues et 9 blessés dans un état grave.", "injured_critical", "critically_wounded"),
        ("La gendarmerie a procédé à 38 interpellations en marge du cortège.", "arrested", "arrested"),
        ("Au total, 2 400 sinistrés ont été relogés dans des gymnases.", "affected", "affected"),
        ("Les pompiers ont secouru 65 personnes, dont 40 secourus par hélicoptère.", "firefighters", None),
        # en
        ("Rescuers said 212 people were still unaccounted for on Sunday.", "missing", "missing"),
        ("Forensic teams said the number of identified victims had reached 57.", "identified", "identified"),
        ("About 3,100 evacuees spent the night in school gyms.", "evacuated", "evacuated"),
        # de
        ("Nach der Flut gelten noch 1.300 Vermisste als nicht gefunden.", "missing", "missing"),
        ("Die Polizei meldete 17 Schwerverletzte und 60 Leichtverletzte.", "injured_critical", "critically_wounded"),
        ("Am Vormittag waren rund 4.000 Streikende vor dem Rathaus.", "strikers", "struck"),
        # es
        ("La Guardia Civil practicó 23 detenidos durante la noche.", "arrested", "arrested"),
        ("Los servicios de emergencia contabilizan 1.250 rescatados desde el martes.", "rescued", "rescued"),
        ("Han sido enterrados 48 de los 90 fallecidos en el cementerio municipal.", "buried", "buried"),
    ],
)
def test_noun_maps_to_category_and_event(lex, sentence, category, event):
    found = [lex.category_terms.key_of(m.text) for m in lex.category_terms.finditer(sentence)]
    assert category in found, found
    cat = lex.categories[category]
    assert cat.event == event


def test_people_tolls_are_filed_as_people_with_an_event(lex):
    # "1.300 Vermisste" is compared with "1 300 personnes portées disparues": people, missing.
    for key in ("dead", "injured", "injured_critical", "missing", "evacuated", "rescued", "buried", "identified", "arrested", "affected", "homeless"):
        assert lex.categories[key].same_as == "people", key
        assert lex.categories[key].event in lex.events, key


def test_each_language_finds_its_toll_word(lex):
    cases = {
        "fr": ("Le dernier bilan fait état de 2 946 morts.", "dead"),
        "en": ("The ministry reported 2,946 fatalities overnight.", "dead"),
        "de": ("Die Behörden zählen inzwischen 134 Todesopfer.", "dead"),
        "es": ("El balance oficial asciende a 222 fallecidos.", "dead"),
    }
    for lang, (sentence, key) in cases.items():
        m = lex.category_terms.search(sentence)
        assert m is not None and m.key == key, lang


def test_hostages_and_prisoners_are_two_categories(lex):
    for sentence, expected in [
        ("Le Hamas doit libérer 33 otages contre 1 900 prisonniers palestiniens.", ["hostages", "prisoners"]),
        ("The deal would free 33 hostages in exchange for 1,900 Palestinian prisoners.", ["hostages", "prisoners"]),
        ("Im Gegenzug für 33 Geiseln sollen 1.900 Häftlinge freikommen.", ["hostages", "prisoners"]),
        ("El acuerdo prevé liberar 33 rehenes a cambio de 1.900 presos palestinos.", ["hostages", "prisoners"]),
    ]:
        keys = [m.key for m in lex.category_terms.finditer(sentence) if m.key in ("hostages", "prisoners")]
        assert keys == expected, sentence


def test_population_is_not_a_toll(lex):
    for sentence in ("Ce village de 1 200 habitants a été rayé de la carte.", "Die Gemeinde mit 3.000 Einwohnern liegt im Tal.",
                     "El municipio, de 25.000 habitantes, sigue sin luz.", "The town of 9,000 residents lost power."):
        m = lex.category_terms.search(sentence)
        assert m is not None and m.key == "residents", sentence
        assert lex.categories["residents"].event is None
        assert lex.categories["residents"].same_as is None


def test_counts_of_places_gatherings_and_things_are_not_people(lex):
    cases = [
        ("Des rassemblements ont eu lieu dans 70 villes.", "cities", "places"),
        ("Die Gewerkschaft zählte 250 Kundgebungen im ganzen Land.", "demonstrations", "events"),
        ("La riada arrastró 120.000 vehículos y dañó 3.000 viviendas.", "vehicles", "things"),
        ("Insurers have received 83,000 compensation claims.", "claims", "documents"),
        ("El registro abrió 78 expedientes de desaparición.", "missing_cases", "documents"),
    ]
    for sentence, key, counts in cases:
        assert key in [m.key for m in lex.category_terms.finditer(sentence)], sentence
        assert lex.categories[key].counts == counts
    assert lex.categories["protesters"].counts == "people"


def test_every_category_has_words_and_labels_in_four_languages(lex):
    for key, cat in lex.categories.items():
        assert {"fr", "en", "de", "es"} <= set(cat.labels), key
    assert lex.category_label("hostages", "de") == "Geiseln"
    assert lex.category_label("strikers", "es") == "huelguistas"


# --- what happened ------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Quelque 400 personnes ont été secourues par les sauveteurs.", "rescued"),
        ("Mehr als 700 Menschen wurden aus den Fluten gerettet.", "rescued"),
        ("Sixty-two hostages were freed on Sunday.", "released"),
        ("Unos 90 presos fueron excarcelados el lunes.", "released"),
        ("Plus de 2 000 bâtiments ont été détruits.", "destroyed"),
        ("Rund 9.000 Häuser wurden beschädigt.", "damaged"),
        ("Die Polizei hat 12 Personen festgenommen.", "arrested"),
        ("Unas 1.500 personas se manifestaron frente al ayuntamiento.", "demonstrated"),
        ("Un tiers des enseignants étaient en grève jeudi.", "struck"),
    ],
)
def test_event_words(lex, sentence, event):
    assert event in [m.key for m in lex.event_terms.finditer(sentence)], sentence


def test_running_counts(lex):
    assert lex.events["killed"].growing and lex.events["buried"].growing and lex.events["arrested"].growing
    # Missing people are found, the critically injured recover: those counts may fall.
    assert not lex.events["missing"].growing
    assert not lex.events["critically_wounded"].growing
    assert lex.events["struck"].category == "strikers"


@pytest.mark.parametrize(
    ("sentence", "event"),
    [
        ("Le séisme de vendredi soir a frappé le Haut Atlas.", "earthquake"),
        ("Una fuerte réplica sacudió la zona el domingo.", "aftershock"),
        ("Das Nachbeben am Montag war deutlich schwächer.", "aftershock"),
        ("Las lluvias de la dana del 29 de octubre arrasaron la comarca.", "flood"),
        ("Das Hochwasser vom 14. Juli zerstörte ganze Straßenzüge.", "flood"),
        ("La huelga general del jueves paralizó el transporte.", "strike"),
        ("Der Warnstreik am Dienstag legte den Nahverkehr lahm.", "strike"),
        ("The wildfire that began on August 8 destroyed the town.", "fire"),
        ("L'explosion du 4 août a soufflé le port.", "explosion"),
        ("The cabinet's approval came late on Friday.", "approval"),
        ("Die Freilassung der Geiseln begann am Sonntag.", "release"),
        ("Les deux camps sont parvenus à un accord mercredi.", "agreement"),
        ("The air strike on Tuesday hit a school.", "attack"),
    ],
)
def test_dated_event_words(lex, sentence, event):
    assert [m.key for m in lex.dated_terms.finditer(sentence)][:1] == [event], sentence


def test_aftershock_is_not_the_earthquake(lex):
    assert lex.dated_terms.search("une réplique de magnitude 4,5").key == "aftershock"
    assert lex.dated_terms.search("the aftershock on Sunday").key == "aftershock"
    assert lex.dated_terms.search("the earthquake on Friday").key == "earthquake"


def test_increment_and_cumulative_in_german_and_spanish(lex):
    assert lex.increment_terms.search("Es wurden 200 weitere Soldaten entsandt.") is not None
    assert lex.increment_terms.search("Llegaron 300 efectivos adicionales.") is not None
    assert lex.cumulative_terms.search("Bislang wurden 134 Tote geborgen.") is not None
    assert lex.cumulative_terms.search("Hasta el momento se han contabilizado 222 fallecidos.") is not None


# --- units of measure ---------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "figure", "unit", "dimension"),
    [
        ("Le port stockait 2 750 tonnes de nitrate d'ammonium.", "2 750", "tonne", "mass"),
        ("Im Hafen lagerten 2.750 Tonnen Ammoniumnitrat.", "2.750", "tonne", "mass"),
        ("La zone sinistrée s'étend sur 120 km le long du fleuve.", "120", "kilometre", "length"),
        ("The fire burned 2,170 acres near the coast.", "2,170", "acre", "area"),
        ("Il faudra 3 milliards d’euros pour reconstruire.", "3 milliards", "euro", "currency"),
        ("El Gobierno aprobó 10.600 millones de euros en ayudas.", "10.600 millones", "euro", "currency"),
        ("Der Bund stellt 8,2 Milliarden Euro bereit.", "8,2 Milliarden", "euro", "currency"),
        ("L'État versera 80 000 dirhams par foyer.", "80 000", "moroccan_dirham", "currency"),
        ("En Chiva cayeron 491 litros por metro cuadrado en ocho horas.", "491", "litre_per_square_metre", "precipitation"),
        ("An der Messstation fielen 148 Liter pro Quadratmeter.", "148", "litre_per_square_metre", "precipitation"),
        ("Il est tombé 120 l/m² en une nuit.", "120", "litre_per_square_metre", "precipitation"),
        ("It was 47°C in the shade at Mecca.", "47", "celsius", "temperature"),
        ("Die Temperatur stieg auf 49 Grad.", "49", "celsius", "temperature"),
        ("A 6.8-magnitude quake struck the region.", "6.8", "magnitude", "magnitude"),
        ("The blast zone covered 10km around the port.", "10", "kilometre", "length"),
    ],
)
def test_unit_after_a_figure(lex, text, figure, unit, dimension):
    m = lex.unit_after(text, _after_figure(text, figure))
    assert m is not None and m.key == unit, text
    assert lex.unit_info[unit].dimension == dimension


def test_no_unit_where_there_is_none(lex):
    for text, figure in [
        ("Le 15 de chaque mois, 200 personnes sont venues.", "200"),
        ("El 29 de octubre murieron 224 personas.", "29"),
        ("Au moins 2 millions de personnes ont été touchées.", "2 millions"),
        ("The 10 men were released.", "10"),
    ]:
        assert lex.unit_after(text, _after_figure(text, figure)) is None, text


def test_spanish_grados_is_not_read_as_celsius(lex):
    # "un terremoto de 6,8 grados" is a magnitude: an unsure unit is left unread.
    text = "Un terremoto de 6,8 grados sacudió la provincia."
    assert lex.unit_after(text, _after_figure(text, "6,8")) is None


@pytest.mark.parametrize(
    ("text", "figure", "unit"),
    [
        ("Un séisme de magnitude 6,8 a frappé le Maroc.", "6,8", "magnitude"),
        ("Ein Erdbeben der Stärke 5,9 erschütterte die Region.", "5,9", "magnitude"),
        ("Un terremoto de magnitud 6,2 sacudió la costa.", "6,2", "magnitude"),
        ("The quake had a magnitude of 7.1, officials said.", "7.1", "magnitude"),
        ("Reconstruction will cost $5.5 billion.", "5.5", "us_dollar"),
        ("The fund has raised £40 million.", "40", "pound_sterling"),
    ],
)
def test_measure_named_before_a_figure(lex, text, figure, unit):
    m = lex.unit_before(text, text.index(figure))
    assert m is not None and m.key == unit, text
    assert lex.measure_before.search(text) is not None or unit in ("us_dollar", "pound_sterling")


def test_depth_is_a_role_of_a_length(lex):
    for text in ("L'épicentre se situait à 18 km de profondeur.", "El hipocentro se localizó a 10 kilómetros de profundidad.",
                 "The quake struck 18.5 km deep.", "Das Beben ereignete sich in 10 Kilometern Tiefe."):
        assert lex.unit_roles.search(text) is not None and lex.unit_roles.search(text).key == "depth", text
    assert lex.unit_info["depth"].role == "depth" and lex.unit_info["depth"].dimension == "length"
    assert "depth" not in {lex.units.key_of(p) for p, _ in lex.units.entries}


def test_unit_labels_per_language(lex):
    assert lex.unit_label("tonne", "de") == "Tonnen"
    assert lex.unit_label("litre_per_square_metre", "es") == "litros por metro cuadrado"
    assert lex.unit_info["kilometre"].factor == 1000
    assert lex.unit_info["ton"].factor is None  # short or long: never converted


# --- user units files ---------------------------------------------------------------------

@pytest.mark.slow
def test_unknown_unit_field_is_reported_with_file_and_key(tmp_path: Path):
    bad = tmp_path / "units.yaml"
    bad.write_text("units:\n  rupee:\n    dimension: currency\n    symbol: [INR]\n", encoding="utf-8")
    with pytest.raises(InputError) as err:
        build_lexicon((tmp_path,))
    assert str(bad) in str(err.value) and "'symbol'" in str(err.value) and "'rupee'" in str(err.value)


@pytest.mark.slow
def test_unknown_dimension_and_top_key_are_reported(tmp_path: Path):
    (tmp_path / "units.yaml").write_text("units:\n  league:\n    dimension: lenght\n", encoding="utf-8")
    with pytest.raises(InputError, match="lenght"):
        build_lexicon((tmp_path,))
    (tmp_path / "units.yaml").write_text("unit:\n  league:\n    dimension: length\n", encoding="utf-8")
    with pytest.raises(InputError, match="'unit'"):
        build_lexicon((tmp_path,))


@pytest.mark.slow
def test_user_unit_without_dimension_is_reported(tmp_path: Path):
    path = tmp_path / "units.yaml"
    path.write_text("units:\n  rupee:\n    words: {en: [rupees]}\n", encoding="utf-8")
    with pytest.raises(InputError, match="no dimension") as err:
        build_lexicon((tmp_path,))
    assert str(path) in str(err.value)


@pytest.mark.slow
def test_user_units_file_extends_a_built_in_unit(tmp_path: Path):
    (tmp_path / "units.yaml").write_text(
        "units:\n  euro:\n    words: {fr: [eurodollars]}\n  rupee:\n    dimension: currency\n"
        "    label: {en: rupees}\n    symbols: [INR]\n    words: {en: [rupees]}\n",
        encoding="utf-8",
    )
    lex = build_lexicon((tmp_path,))
    text = "Le coût atteint 40 eurodollars, soit 3 500 rupees ou 3 500 INR."
    assert lex.unit_after(text, _after_figure(text, "40")).key == "euro"
    assert lex.unit_after(text, _after_figure(text, "3 500")).key == "rupee"
    assert lex.unit_after(text, _after_figure(text, "ou 3 500")).key == "rupee"
    assert lex.unit_info["euro"].dimension == "currency"
