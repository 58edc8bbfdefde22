"""What a figure counts when the story names a sub-group, another event or another crowd:
people of one nationality among the dead (a part, never the toll, never a place), evacuees
allowed back home (not the evacuated), mourners (not the dead), the area a fire burned, and
an expected final toll (a projection). Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings

# --- nationalities ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value", "actor"),
    [
        ("Im Bus saßen nach Angaben des Veranstalters 41 Italiener und 17 Österreicher.", "de", 41, "Italy"),
        ("Im Bus saßen nach Angaben des Veranstalters 41 Italiener und 17 Österreicher.", "de", 17, "Austria"),
        ("En el autocar viajaban 23 italianos, según la empresa.", "es", 23, "Italy"),
        ("The coach was carrying 44 Italian citizens, the operator said.", "en", 44, "Italy"),
        ("Le car transportait 44 ressortissants italiens, selon la compagnie.", "fr", 44, "Italy"),
    ],
)
def test_a_nationality_counts_people_of_that_nation(text: str, lang: str, value: float, actor: str) -> None:
    claim = figure(text, lang, value)
    assert claim.category == "people"
    assert claim.actor == actor
    assert claim.noun_source == "demonym"
    assert claim.location is None  # a nationality is whose, never where


@pytest.mark.parametrize(
    ("text", "lang", "value", "actor"),
    [
        ("Der Unfall forderte 53 Tote. Mindestens 19 Opfer waren Franzosen.", "de", 19, "France"),
        ("El accidente causó 53 muertos. Al menos 19 víctimas eran francesas.", "es", 19, "France"),
        ("The crash killed 53 people. At least 19 victims were French, officials said.", "en", 19, "France"),
        ("L'accident a fait 53 morts. Au moins 19 victimes étaient belges.", "fr", 19, "Belgium"),
    ],
)
def test_a_nationality_said_of_the_victims_is_a_part(text: str, lang: str, value: float, actor: str) -> None:
    part = figure(text, lang, value)
    assert (part.measure, part.actor, part.event) == ("part", actor, "killed")
    toll = figure(text, lang, 53)
    assert toll.measure == "running" and toll.actor is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Selon Rome, 27 passagers portaient des noms de famille italiens.", "fr"),
        ("According to Rome, 27 passengers had Italian surnames.", "en"),
        ("Según Roma, 27 pasajeros tenían apellidos italianos.", "es"),
        ("27 Passagiere waren Italiener, teilte die Regierung in Rom mit.", "de"),
    ],
)
def test_passengers_with_a_nations_surnames_are_a_part(text: str, lang: str) -> None:
    claim = figure(text, lang, 27)
    assert (claim.category, claim.measure, claim.actor) == ("passengers", "part", "Italy")


def test_surnames_of_some_passengers_never_contradict_all_the_passengers(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Crash\n12/03/2025\n\nSelon Rome, 27 passagers portaient des noms de famille italiens.\n",
        "b.txt": "Crash\n12/03/2025\n\nL'appareil transportait 139 passagers.\n",
    })
    assert not [f for f in found if f.kind in ("contradiction", "update")], [f.message for f in found]


def test_a_capitalised_adjective_before_an_unknown_noun_counts_no_people() -> None:
    """"3 Russian freighters": an English adjective is capitalised too; a noun after it says
    the figure does not count people, even when the noun is not a known one."""
    assert figures("The navy escorted 3 Russian freighters overnight.", "en") == []
    assert figure("The navy escorted 3 Russians overnight.", "en", 3).category == "people"


@pytest.mark.parametrize(
    ("lang", "first", "second"),
    [
        ("es", "El autobús se salió de la carretera el martes, con 53 muertos, y llevaba a 23 italianos, según la empresa.",
         "El accidente del martes causó 53 muertos. Al menos 19 víctimas eran francesas, según el Gobierno."),
        ("de", "Der Bus kam am Dienstag von der Straße ab, 53 Tote wurden geborgen. Unter den Opfern sind 23 Italiener.",
         "Bei dem Unfall am Dienstag gab es 53 Tote. Mindestens 19 Opfer waren Franzosen, teilte die Polizei mit."),
    ],
)
def test_the_toll_is_corroborated_beside_nationalities(tmp_path: Path, lang: str, first: str, second: str) -> None:
    """A nationality named in one article gives neither article's toll that nationality: the
    two tolls agree, and no nationality is set against the toll."""
    found = findings(tmp_path, {"a.txt": f"Unfall\n12.03.2025\n\n{first}\n", "b.txt": f"Unfall\n13.03.2025\n\n{second}\n"})
    agreeing = [f for f in found if f.kind == "corroboration"]
    assert any("agree on 53 " in f.message for f in agreeing), [f.message for f in found]
    assert not [f for f in found if f.kind in ("contradiction", "update")], [f.message for f in found]


# --- returned home, not evacuated --------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Los vecinos de una veintena de aldeas ya han podido regresar a sus casas.", "es", 20),
        ("Residents of 14 villages have been allowed to return home.", "en", 14),
        ("Les habitants de 14 villages ont pu regagner leur domicile samedi.", "fr", 14),
        ("Die Bewohner von 14 Dörfern durften am Samstag zurückkehren.", "de", 14),
    ],
)
def test_returning_home_is_its_own_event(text: str, lang: str, value: float) -> None:
    claim = figure(text, lang, value)
    assert claim.event == "returned"


def test_villages_back_home_do_not_contradict_the_evacuated(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Incendio\n12/03/2025\n\nLas llamas obligaron a desalojar 31 aldeas de la comarca.\n",
        "b.txt": "Incendio\n12/03/2025\n\nLos vecinos de una veintena de aldeas ya han podido regresar a sus casas.\n",
    })
    assert not [f for f in found if f.kind in ("contradiction", "update")], [f.message for f in found]


# --- mourners, not the dead ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Mehr als 2.000 Menschen haben in Linz Abschied von den Opfern genommen.", "de", 2000),
        ("Unas 2.000 personas despidieron a las víctimas en la catedral.", "es", 2000),
        ("About 2,000 people paid their respects at the cathedral on Sunday.", "en", 2000),
        ("Près de 2 000 personnes se sont recueillies devant la mairie dimanche.", "fr", 2000),
    ],
)
def test_mourners_are_not_the_dead(text: str, lang: str, value: float) -> None:
    claim = figure(text, lang, value)
    assert claim.event == "mourned"
    assert claim.event != "killed"


# --- area burned, expected toll ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("El fuego de la sierra ha carbonizado un total de 8.350 hectáreas.", "es", 8350),
        ("El incendio quemó 8.350 hectáreas en tres días.", "es", 8350),
        ("L'incendie a ravagé 2 400 hectares de garrigue.", "fr", 2400),
        ("The blaze has burned 5,600 acres since Tuesday.", "en", 5600),
    ],
)
def test_a_fire_verb_gives_the_area_burned(text: str, lang: str, value: float) -> None:
    assert figure(text, lang, value).category == "area_burned"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Officials counted 20 dead. The expected final death toll of around 340 was given by the army.", "en"),
        ("Bislang wurden 20 Tote gezählt. Die Behörden erwarten eine Zahl von rund 340 Toten.", "de"),
    ],
)
def test_an_expected_final_toll_is_a_projection(text: str, lang: str) -> None:
    assert figure(text, lang, 340).measure == "projection"
    assert figure(text, lang, 20).measure == "running"
