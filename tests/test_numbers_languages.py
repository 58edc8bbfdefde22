"""German and Spanish figures read as well as French and English ones, and three number bugs."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.extract.numbers import NumberMatch, find_numbers


def read(text: str, lang: str) -> list[tuple[str, float | None, float | None, str]]:
    return [(m.text, m.value.low, m.value.high, m.qualifier) for m in find_numbers(text, lang)]


def only(text: str, lang: str) -> NumberMatch:
    found = find_numbers(text, lang)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------------------------------------
# Digits, scales, spelled-out numbers


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("de", "Die Armee schickte 11.000 Soldaten an die Grenze.", 11000),
        ("de", "Die Armee schickte 11 000 Soldaten an die Grenze.", 11000),
        ("de", "Das Amt zählte bis Freitag 83.437 Anträge.", 83437),
        ("de", "Der Plan kostet 29,2 Milliarden, sagte die Ministerin.", 29.2e9),
        ("de", "Rund 1,5 Millionen Menschen sind auf der Flucht.", 1.5e6),
        ("de", "Der Fonds umfasst 3 Mrd. für den Wiederaufbau.", 3e9),
        ("de", "Die Stadt meldete zwölf Verletzte.", 12),
        ("de", "Es kamen einhunderteinunddreißig Helfer.", 131),
        ("de", "Zwei Millionen dreihunderttausend Wähler blieben zu Hause.", 2.3e6),
        ("es", "La provincia registró 4,2 millones de votantes.", 4.2e6),
        ("es", "El plan prevé 3.500 millones para hospitales.", 3.5e9),
        ("es", "Llegaron veintiséis camiones con ayuda.", 26),
        ("es", "Desfilaron cinco mil soldados por la avenida.", 5000),
        ("es", "El censo cuenta cuatro mil millones de registros.", 4e9),
        ("es", "Hay 2 mil millones de dosis en reserva.", 2e9),
    ],
)
def test_german_and_spanish_figures_are_read(lang: str, text: str, value: float) -> None:
    assert only(text, lang).point == value


@pytest.mark.parametrize(
    ("lang", "text", "low", "high", "qualifier"),
    [
        ("de", "Mehr als 300 Feuerwehrleute waren im Einsatz.", 300, None, "more_than"),
        ("de", "Über 40 Dörfer sind ohne Strom.", 40, None, "more_than"),
        ("de", "Mindestens 12 Menschen starben.", 12, None, "at_least"),
        ("de", "Etwa 2.000 Menschen demonstrierten.", 1800, 2200, "approx"),
        ("de", "Knapp 500 Häuser wurden beschädigt.", 450, 500, "approx"),
        ("de", "Gut 100 Polizisten sicherten den Platz.", 100, 110, "approx"),
        ("de", "Bis zu 80 Busse fallen aus.", None, 80, "up_to"),
        ("de", "Weniger als 20 Läden öffneten.", None, 20, "less_than"),
        ("de", "Zwischen 200 und 300 Helfer kamen.", 200, 300, "range"),
        ("de", "Von 15 bis 20 Schiffe liefen aus.", 15, 20, "range"),
        ("es", "Más de 300 bomberos trabajaron toda la noche.", 300, None, "more_than"),
        ("es", "Al menos 12 personas murieron.", 12, None, "at_least"),
        ("es", "Por lo menos 12 personas murieron.", 12, None, "at_least"),
        ("es", "Unas 2.000 personas marcharon.", 1800, 2200, "approx"),
        ("es", "Cerca de 500 casas quedaron dañadas.", 450, 500, "approx"),
        ("es", "Casi 500 casas quedaron dañadas.", 450, 500, "approx"),
        ("es", "Hasta 80 autobuses no circulan.", None, 80, "up_to"),
        ("es", "Menos de 20 tiendas abrieron.", None, 20, "less_than"),
        ("es", "Entre 200 y 300 voluntarios acudieron.", 200, 300, "range"),
        ("es", "Más de un millar de vecinos protestaron.", 1000, None, "more_than"),
    ],
)
def test_german_and_spanish_qualifiers_give_intervals(
    lang: str, text: str, low: float | None, high: float | None, qualifier: str
) -> None:
    m = only(text, lang)
    assert (m.value.low, m.value.high, m.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize(
    ("lang", "text", "low", "high"),
    [
        ("de", "Hunderte Menschen warteten vor dem Rathaus.", 100, 999),
        ("de", "Tausende flohen über die Brücke.", 1000, 99999),
        ("de", "Dutzende Fahrzeuge brannten.", 20, 99),
        ("es", "Decenas de vecinos salieron a la calle.", 10, 99),
        ("es", "Miles de personas huyeron.", 1000, 99999),
        ("es", "Cientos de coches quedaron atrapados.", 100, 999),
        ("es", "Medio centenar de agentes rodearon el edificio.", 40, 60),
        ("es", "Un millar de familias fueron evacuadas.", 800, 1200),
    ],
)
def test_collective_and_vague_words(lang: str, text: str, low: float, high: float) -> None:
    m = only(text, lang)
    assert (m.value.low, m.value.high) == (low, high)


def test_percent_in_german_and_spanish() -> None:
    de = only("Die Wahlbeteiligung lag bei 61,5 Prozent.", "de")
    es = only("La participación fue del 61,5 por ciento.", "es")
    assert (de.unit, de.point, es.unit, es.point) == ("percent", 61.5, "percent", 61.5)


# --------------------------------------------------------------------------------------------
# What is not a quantity


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Am 17. Juli trat der Rat zusammen."),
        ("de", "Vom 17. bis 19. Juli bleibt die Brücke gesperrt."),
        ("de", "Der Verein stieg zum 3. Mal ab."),
        ("de", "Im Jahr 2021 begann der Umbau."),
        ("de", "Seit 2014 wird dort gebaut."),
        ("de", "Die Sitzung beginnt um 11 Uhr."),
        ("de", "Das Ticket kostet 40 Euro."),
        ("de", "Der Mann ist 88 Jahre alt."),
        ("de", "Der 19-Jährige wurde festgenommen."),
        ("de", "Der Beitrag wurde 120 Mal geteilt."),
        ("de", "Unter dem Text stehen 45 Kommentare."),
        ("de", "Am Freitag, 14. März, schloss die Schule."),
        ("es", "El 17 de julio se reunió el consejo."),
        ("es", "Los días 17 y 18 de julio habrá cortes."),
        ("es", "En 2024 empezaron las obras."),
        ("es", "Desde 2014 no llovía tanto."),
        ("es", "La sesión empieza a las 11 horas."),
        ("es", "La entrada cuesta 40 euros."),
        ("es", "El billete cuesta 12 dólares."),
        ("es", "Un hombre de 88 años resultó herido."),
        ("es", "La noticia tiene 45 comentarios."),
        ("es", "Según el artículo 14 de la ley, no procede."),
    ],
)
def test_dates_times_ages_money_and_furniture_are_no_figures(lang: str, text: str) -> None:
    assert find_numbers(text, lang) == []


# --------------------------------------------------------------------------------------------
# Four-digit counts are not years


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("de", "Nach dem Beben gibt es 1300 Vermisste.", 1300),
        ("de", "Nach dem Beben gibt es 1.300 Vermisste.", 1300),
        ("fr", "Le séisme a fait 2012 morts selon la protection civile.", 2012),
        ("fr", "L'état-major a envoyé 1500 soldats en renfort.", 1500),
        ("es", "El terremoto dejó 1300 desaparecidos.", 1300),
    ],
)
def test_a_four_digit_count_before_its_noun_is_read(lang: str, text: str, value: float) -> None:
    assert only(text, lang).point == value


def test_a_capitalised_noun_before_a_german_figure_does_not_make_it_a_name() -> None:
    assert only("Die Behörden meldeten am Abend 300 Tote.", "de").point == 300


# --------------------------------------------------------------------------------------------
# Superscripts


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Entre 1500 et 2000¹ soldats ont franchi la frontière."),
        ("en", "Between 1500 and 2000² troops crossed the border."),
        ("de", "Zwischen 1500 und 2000³ Soldaten überquerten die Grenze."),
        ("es", "Entre 1500 y 2000¹ soldados cruzaron la frontera."),
    ],
)
def test_a_footnote_mark_after_a_figure_keeps_the_range(lang: str, text: str) -> None:
    m = only(text, lang)
    assert (m.qualifier, m.value.low, m.value.high) == ("range", 1500, 2000)


_ALPHABET = st.sampled_from(
    list("0123456789 .,'-–%¹²³⁴⁵⁶⁷⁸⁹⁰½⅓\u00a0\u202f\n()€$")
    + ["mehr als ", "über ", "Millionen", "Mrd.", "zwölf", "einhundert", "und ", "bis ", "Juli", ". ",
       "más de ", "millones", "mil", "veintiséis", "y ", "de ", "entre ", "por ciento", "Prozent",
       "plus de ", "milliers", "fewer", "than ", "less ", "menos", "weniger"]
)


@settings(deadline=None, max_examples=150)
@given(text=st.lists(_ALPHABET, max_size=30).map("".join), lang=st.sampled_from(["fr", "en", "de", "es", None]))
@pytest.mark.slow
def test_find_numbers_never_raises(text: str, lang: str | None) -> None:
    for m in find_numbers(text, lang):
        assert text[m.start : m.end] == m.text


@settings(deadline=None, max_examples=100)
@given(text=st.text(max_size=60), lang=st.sampled_from(["fr", "en", "de", "es"]))
def test_find_numbers_never_raises_on_any_text(text: str, lang: str) -> None:
    find_numbers(text, lang)


# --------------------------------------------------------------------------------------------
# Differences


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("en", "The camp now holds 12,000 fewer refugees than in May.", "12,000"),
        ("en", "Officials counted 184 more deaths overnight.", "184"),
        ("en", "Hospitals reported 34 more than on Friday.", "34"),
        ("fr", "On compte 300 de moins que la semaine dernière.", "300"),
        ("de", "Die Klinik meldete 28 weniger als am Vortag.", "28"),
        ("es", "El hospital registró 28 menos que ayer.", "28"),
    ],
)
def test_a_difference_is_flagged_and_is_no_bound(lang: str, text: str, figure: str) -> None:
    m = next(m for m in find_numbers(text, lang) if m.text == figure)
    assert m.difference and m.qualifier == "exact" and m.value.low == m.value.high


def test_fewer_than_after_a_figure_does_not_bound_the_next_one() -> None:
    found = find_numbers("The camp holds 12,000 fewer than the 50,000 planned, and fewer than 9,000 tents.", "en")
    assert [(m.text, m.qualifier, m.difference) for m in found] == [
        ("12,000", "exact", True),
        ("50,000", "exact", False),
        ("fewer than 9,000", "less_than", False),
    ]


def test_a_plain_count_is_no_difference() -> None:
    assert not only("Die Polizei nahm 40 Personen fest.", "de").difference
    assert not only("La policía detuvo a 40 personas.", "es").difference
