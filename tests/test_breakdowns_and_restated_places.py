"""Three ways a figure used to speak of more than it says.

A list that splits one count by kind of people ("128 men, 8 women and 14 minors") gives parts
of that count, never its total. "A further five deaths" are more deaths that may be added, not
the toll. A second voice's figure for a count ("(police cut the figure to 44,000)") and a figure
after a fronted source ("Nach Angaben der Polizei versammelten sich in Turin …") keep the place
of the count they speak of, never the article's country. Sentences are invented."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import exact, figures, findings, findings_and_claims

BREAKDOWNS = [
    ("Ce mercredi, un chalutier a accosté au port, où ont débarqué 128 hommes, 8 femmes et 14 mineurs.", "fr"),
    ("On Wednesday a trawler reached the port with 128 men, 8 women and 14 minors on board.", "en"),
    ("Am Mittwoch erreichte ein Fischkutter den Hafen mit 128 Männern, 8 Frauen und 14 Kindern an Bord.", "de"),
    ("Este miércoles llegó al puerto un pesquero del que desembarcaron 128 hombres, 8 mujeres y 14 menores.", "es"),
]


@pytest.mark.parametrize(("text", "lang"), BREAKDOWNS)
def test_items_of_a_breakdown_by_kind_of_people_are_parts(text: str, lang: str) -> None:
    claims = figures(text, lang)
    assert exact(claims, 128).measure == "part"
    assert exact(claims, 8).measure == "part"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ce mercredi, 128 hommes ont débarqué au port.", "fr"),
        ("On Wednesday 128 men came ashore at the port.", "en"),
        ("Am Mittwoch gingen 128 Männer im Hafen an Land.", "de"),
        ("Este miércoles desembarcaron 128 hombres en el puerto.", "es"),
    ],
)
def test_a_lone_kind_of_people_is_still_a_count(text: str, lang: str) -> None:
    assert exact(figures(text, lang), 128).measure != "part"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ce mercredi, 128 hommes et 8 bateaux sont arrivés au port.", "fr"),
        ("On Wednesday 128 men and 8 boats reached the port.", "en"),
    ],
)
def test_a_list_with_another_thing_is_no_breakdown(text: str, lang: str) -> None:
    assert exact(figures(text, lang), 128).measure != "part"


def test_the_total_after_a_breakdown_counts_people_not_its_last_item() -> None:
    text = "On Wednesday a trawler reached the port with 141 men, four women and 5 minors, for a total of 150 people."
    assert exact(figures(text, "en"), 150).category == "people"


def test_one_item_of_a_breakdown_contradicts_no_total(tmp_path: Path) -> None:
    out = findings(tmp_path, {
        "a.txt": "Un chalutier arrive au port\n\n5 juin 2024\n\nCe mercredi, un chalutier a accosté avec environ 150 personnes à bord.\n",
        "b.txt": "Un chalutier arrive au port\n\n5 juin 2024\n\n" + BREAKDOWNS[0][0] + "\n",
    })
    assert not [f for f in out if f.kind in ("contradiction", "corroboration")], [f.message for f in out]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Officials were investigating whether a further five deaths were linked to the storms.", "en"),
        ("Officials said another five deaths may be linked to the storms.", "en"),
        ("Les autorités cherchent à savoir si trois autres décès sont liés aux intempéries.", "fr"),
        ("Las autoridades investigan si otras dos muertes están relacionadas con las lluvias.", "es"),
        ("Die Behörden prüfen, ob zwei weitere Todesfälle mit dem Unwetter zusammenhängen.", "de"),
    ],
)
def test_further_deaths_are_no_toll(text: str, lang: str) -> None:
    claims = figures(text, lang)
    assert claims and all(c.measure not in ("total", "running") for c in claims), [(c.quote, c.measure) for c in claims]


def test_further_deaths_give_no_update_of_the_toll(tmp_path: Path) -> None:
    out, claims = findings_and_claims(tmp_path, {
        "a.txt": "Floods in Chile\n\nMarch 3, 2025\n\nAt least 41 people have died in the floods in Chile, officials said on Sunday. "
                 "Officials were investigating whether a further five deaths were linked to the storms.\n",
        "b.txt": "Floods in Chile\n\nMarch 7, 2025\n\nAt least 60 people have died in the floods in Chile, officials said.\n",
    })
    five = {i for i, c in claims.items() if c.value.low == 5}
    assert not [f for f in out if set(f.claims) & five], [f.message for f in out]


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Italia vive una huelga general. En Turín, los organizadores dijeron que marcharon 60.000 personas "
         "(aunque la policía redujo la cifra a 44.000).", "es", 44000),
        ("Italien erlebt einen Generalstreik. Nach Angaben der Polizei versammelten sich allein in Turin etwa 50.000 Demonstranten.",
         "de", 50000),
        ("Italien erlebt einen Generalstreik. Laut Polizei demonstrierten in Turin 50.000 Menschen.", "de", 50000),
    ],
)
def test_a_city_figure_keeps_its_city(text: str, lang: str, value: float) -> None:
    claim = next(c for c in figures(text, lang) if c.value.low is not None and c.value.low <= value <= (c.value.high or value))
    assert claim.location == "Turin"


def test_a_second_voice_naming_the_country_keeps_the_country() -> None:
    text = ("Huelga en Portugal. En Lisboa, los organizadores contaron 200.000 manifestantes este viernes "
            "(la policía redujo la cifra a 300.000 en todo el país).")
    assert exact(figures(text, "es"), 300000).location == "Portugal"


def test_a_city_police_figure_is_no_rival_of_a_national_one(tmp_path: Path) -> None:
    out, claims = findings_and_claims(tmp_path, {
        "a.txt": "Italia vive una huelga general\n\n7 de marzo de 2025\n\nItalia vive este viernes una huelga general. "
                 "En Turín, los organizadores dijeron que marcharon 60.000 personas (aunque la policía redujo la cifra a 44.000).\n",
        "b.txt": "Italy strike\n\n7 March 2025\n\nPolice said 400,000 protesters demonstrated across Italy on Friday.\n",
    })
    national = {i for i, c in claims.items() if c.value.low == 400000}
    assert national  # the national figure is read …
    assert not [f for f in out if set(f.claims) & national], [f.message for f in out]  # … and set against no city figure
