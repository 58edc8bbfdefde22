"""Tolls given by verbs and number frames: the counted noun named before a verb that brings the
figure ("the death toll … stood at", "rose above"), a figure standing as the subject of what
happened to it ("Some 205 were confirmed killed", "42 are missing"), a change whose verb is
far from its two figures and the pairs coordinated with it, and a count given again later the
same day with its own hour. Sentences are invented, in each language."""

from __future__ import annotations

import pytest

from tests.sentences import exact, figure, figures

# --- the toll named before the verb that brings the figure -----------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("The death toll announced by some ten countries stood at 1,119 on Sunday.", "en", 1119),
        ("The death toll in three provinces rose to 40, the civil defence said.", "en", 40),
        ("Die Zahl der Toten in drei Provinzen liegt bei 41, teilte die Polizei mit.", "de", 41),
        ("Le bilan s'établit à 74, selon la préfecture.", "fr", 74),
        ("El total nacional de fallecidos se sitúa en 220, según el ministerio.", "es", 220),
        ("Die Gesamtzahl der Toten liegt inzwischen bei 63.", "de", 63),
    ],
)
def test_toll_named_before_the_verb_counts_the_dead(text: str, lang: str, value: float) -> None:
    claim = exact(figures(text, lang), value)
    assert (claim.category, claim.event, claim.measure) == ("people", "killed", "running")


def test_a_figure_qualifying_the_toll_is_not_its_value() -> None:
    claims = figures("The death toll announced by some ten countries stood at 1,119 on Sunday.", "en")
    assert not [c for c in claims if c.value.low == 10 and c.event == "killed"]


def test_a_toll_given_by_a_value_word_keeps_that_figure() -> None:
    # "of 12": the figure after the toll is its value, the later one is not read through it
    claims = figures("The toll of 12 rose to 15.", "en")
    assert [c.value.low for c in claims if c.event == "killed"][0] == 12


@pytest.mark.parametrize(
    ("text", "lang", "low"),
    [
        ("The death toll rose above 20,000 on Wednesday, officials said.", "en", 20000),
        ("Die Zahl der Toten stieg über 200.", "de", 200),
        ("Le nombre de morts a dépassé les 2 000 mardi.", "fr", 2000),
        ("El número de muertos subió por encima de 220.", "es", 220),
    ],
)
def test_rose_above_is_a_lower_bound_of_the_toll(text: str, lang: str, low: float) -> None:
    claim = figure(text, lang, low)
    assert (claim.event, claim.value.low, claim.value.high) == ("killed", low, None)


def test_rose_nearly_is_not_read_as_the_toll() -> None:
    # "rose nearly 200": by 200 or to 200? Nothing rather than a wrong toll.
    assert not figures("The death toll rose nearly 200 on Wednesday.", "en")


def test_rose_above_takes_its_own_source_and_day() -> None:
    claim = figure("The death toll rose above 20,000 on Wednesday, officials said.", "en", 20000)
    assert claim.attributed_to == "officials"
    assert claim.time is not None and claim.time.label == "on Wednesday"


# --- a figure as the subject of what happened to it ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "event"),
    [
        ("Some 205 were confirmed killed in the attack on the market.", "en", 205, "killed"),
        ("At least 42 are missing after the flood, police said.", "en", 42, "missing"),
        ("42 missing after the flood, police said.", "en", 42, "missing"),
        ("The storm killed 12 and 42 are still missing.", "en", 42, "missing"),
        ("42 sind noch vermisst, teilte die Polizei mit.", "de", 42, "missing"),
        ("Nach Angaben der Polizei wurden 12 getötet.", "de", 12, "killed"),
        ("Bei dem Unglück starben 19 Menschen, weit mehr als 300 wurden verletzt.", "de", 300, "wounded"),
        ("12 fueron asesinados en el ataque, según la policía.", "es", 12, "killed"),
        ("42 siguen desaparecidos tras la riada.", "es", 42, "missing"),
        ("Au moins 42 disparus après la crue, selon la préfecture.", "fr", 42, "missing"),
    ],
)
def test_a_figure_as_subject_counts_people(text: str, lang: str, value: float, event: str) -> None:
    claim = figure(text, lang, value)
    assert (claim.category, claim.event) == ("people", event)


@pytest.mark.parametrize(
    "text",
    [
        "Police recovered 42 missing documents from the office.",
        "Of the 40 paintings, 3 were missing.",
    ],
)
def test_missing_things_are_not_missing_people(text: str) -> None:
    assert not [c for c in figures(text, "en") if c.event == "missing" and c.category == "people"]


def test_missing_aircraft_count_aircraft() -> None:
    claim = figure("Rescuers were still searching for 3 missing aircraft.", "en", 3)
    assert claim.category != "people"


# --- a change far from its verb, and pairs coordinated with it --------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "old", "new", "day"),
    [
        ("Authorities raised the toll on Tuesday from three to seven dead.", "en", 3, 7, "on Tuesday"),
        ("Le bilan a été relevé mardi de 3 à 8 morts.", "fr", 3, 8, "mardi"),
        ("Die Behörden korrigierten die Zahl am Abend von 12 auf 15 Tote.", "de", 12, 15, "am Abend"),
        ("Las autoridades elevaron el martes el balance de 3 a 8 muertos.", "es", 3, 8, "el martes"),
    ],
)
def test_a_change_is_not_a_range(text: str, lang: str, old: float, new: float, day: str) -> None:
    claims = figures(text, lang)
    assert not [c for c in claims if c.value.low != c.value.high]  # never "3–7"
    assert exact(claims, old).measure == "superseded"
    current = exact(claims, new)
    assert (current.event, current.measure) == ("killed", "running")
    assert current.time is not None and current.time.label == day


@pytest.mark.parametrize(
    ("text", "lang", "day"),
    [
        ("Le bilan a été relevé mardi de 3 à 8 morts et de 40 à 72 blessés.", "fr", "mardi"),
        ("Die Behörden korrigierten die Zahl am Abend von 3 auf 8 Tote und von 40 auf 72 Verletzte.", "de", "am Abend"),
        ("Las autoridades elevaron el martes el balance de 3 a 8 muertos y de 40 a 72 heridos.", "es", "el martes"),
    ],
)
def test_a_coordinated_pair_is_a_change_of_its_own_noun_on_the_same_day(text: str, lang: str, day: str) -> None:
    claims = figures(text, lang)
    assert exact(claims, 40).measure == "superseded"
    injured = exact(claims, 72)
    assert (injured.event, injured.measure) == ("wounded", "running")
    assert injured.time is not None and injured.time.label == day
    assert exact(claims, 8).event == "killed"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Entre 3 et 8 morts selon les estimations.", "fr"),
        ("Il y aurait 3 à 8 morts selon les estimations.", "fr"),
        ("Between 3 and 8 people died on Tuesday, officials said.", "en"),
        ("Entre 3 y 8 muertos, según las estimaciones.", "es"),
    ],
)
def test_a_range_without_a_verb_of_change_stays_a_range(text: str, lang: str) -> None:
    claim = figure(text, lang, 5)
    assert (claim.value.low, claim.value.high) == (3, 8)


# --- a count given again later the same day ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("More than 60 were missing in the morning, police said, but only 21 in the afternoon.", "en"),
        ("Selon la préfecture, plus de 60 disparus dans la matinée, puis 21 dans l'après-midi.", "fr"),
        ("Mehr als 60 Menschen wurden am Morgen vermisst, nur noch 21 am Nachmittag.", "de"),
        ("Más de 60 personas seguían desaparecidas por la mañana, y solo 21 por la tarde.", "es"),
    ],
)
def test_a_count_revised_within_the_day_is_two_counts_at_two_hours(text: str, lang: str) -> None:
    claims = figures(text, lang)
    morning, afternoon = figure(text, lang, 60), exact(claims, 21)
    assert morning.event == afternoon.event == "missing"
    assert morning.time is not None and afternoon.time is not None
    assert morning.time.low == afternoon.time.low
    assert morning.time.low_minute is not None and afternoon.time.low_minute is not None
    assert afternoon.time.low_minute > morning.time.low_minute
    assert not [c for c in claims if c.value.low == 81]  # never summed


def test_batches_of_an_event_at_two_hours_are_not_read_as_one_count() -> None:
    # evacuations in the morning and in the afternoon may add up: the later figure is left out
    claims = figures("Some 60 people were evacuated in the morning and 21 in the afternoon.", "en")
    assert [c.quote for c in claims] == ["Some 60 people"]


def test_the_qualifier_of_a_subject_figure_stays_its_own() -> None:
    claims = figures("Some 205 were confirmed killed and 363 had been rescued, the minister said.", "en")
    assert exact(claims, 363).qualifier == "exact"


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("The death toll from the landslide had climbed past 60 people on Monday, officials said.", 60),
        ("By evening the death toll had risen past 60 people, the governor said.", 60),
    ],
)
def test_a_toll_gone_past_a_figure_is_a_lower_bound(text: str, low: float) -> None:
    claim = figure(text, "en", low)
    assert claim.value.low == low and claim.value.high is None and claim.event == "killed"


def test_the_past_years_are_no_lower_bound() -> None:
    claims = figures("Over the past 60 years, 12 people died on this road.", "en")
    assert [c.value.high for c in claims if c.value.low == 12] == [12]
