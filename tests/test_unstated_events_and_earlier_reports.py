"""Figures compared only when it is known what they count (fr/en/de/es, invented sentences):
people whose noun names no event ("passagers", "Fahrgäste") and whose sentence names none are
never set against another figure ("180 brought to safety" and "260 on board" are two counts);
a figure that an opening "Earlier," reports was replaced and is no count of now; each middle
step of "from 9 to 20 and then to 46" was replaced too; a second source's lower toll followed
by "and more than 250 injured" is a toll, not an addition."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests import sentences

figures = sentences.figures
run = sentences.findings_and_claims


def _values(finding: Finding, claims: dict[str, Claim]) -> set[float | None]:
    return {claims[i].value.low for i in finding.claims}  # type: ignore[union-attr]


def _compared(findings: list[Finding], claims: dict[str, Claim], category: str) -> list[Finding]:
    """The findings that set a figure of `category` against another (not corroborations)."""
    return [f for f in findings if f.kind != "corroboration" and any(claims[i].category == category for i in f.claims)]


# --- people of no known event are compared with nothing -------------------------------------

EVACUATED_VS_ABOARD = [
    ("Zugunglück bei Passau\n14.05.2025\n\nBei dem Zusammenstoß zweier Züge bei Passau starben am Dienstag "
     "mindestens neun Menschen. Etwa 180 Passagiere seien mit Bussen sicher in die "
     "Nachbarstadt gebracht worden, sagte ein Sprecher der Polizei.",
     "Zugunglück in Bayern\n15.05.2025\n\nBei dem Zugunglück bei Passau kamen am Dienstag mindestens neun "
     "Menschen ums Leben. Der Regionalzug mit rund 260 Fahrgästen stieß frontal mit einem Güterzug zusammen."),
    ("Rail crash near Leeds\nMay 14, 2025\n\nAt least nine people were killed when two trains collided near Leeds "
     "on Tuesday. About 180 passengers were taken to a nearby town by coach, a police spokesman said.",
     "Leeds train crash\nMay 15, 2025\n\nAt least nine people died near Leeds on Tuesday when a regional train "
     "carrying some 260 passengers hit a freight train."),
    ("Collision ferroviaire près de Nantes\nPublié le 14 mai 2025\n\nAu moins neuf personnes sont mortes mardi "
     "près de Nantes. Environ 180 passagers ont été conduits en car dans une ville voisine, selon la préfecture.",
     "Accident de train près de Nantes\nPublié le 15 mai 2025\n\nAu moins neuf personnes sont mortes mardi "
     "près de Nantes dans la collision d'un TER, qui transportait quelque 260 passagers, avec un train de fret."),
    ("Choque de trenes cerca de Zaragoza\n14 de mayo de 2025\n\nAl menos nueve personas murieron el martes cerca "
     "de Zaragoza. Unos 180 pasajeros fueron llevados en autobús a una localidad cercana, según la policía.",
     "Accidente ferroviario en Zaragoza\n15 de mayo de 2025\n\nAl menos nueve personas murieron el martes cerca "
     "de Zaragoza cuando un tren regional con unos 260 pasajeros chocó con un tren de mercancías."),
]


@pytest.mark.parametrize("first,second", EVACUATED_VS_ABOARD)
def test_passengers_whose_event_is_not_said_are_never_set_against_each_other(tmp_path: Path, first: str, second: str):
    findings, claims = run(tmp_path, {"a.txt": first, "b.txt": second})
    assert not _compared(findings, claims, "passengers"), [(f.kind, f.message) for f in findings]


@pytest.mark.parametrize("first,second", [
    ("Bahn\n14.05.2025\n\nMindestens 180 Passagiere wurden am Mittwoch in Passau evakuiert.",
     "Bahn\n16.05.2025\n\nMindestens 260 Passagiere wurden in Passau evakuiert, teilte die Polizei am Freitag mit."),
    ("Rail\nMay 14, 2025\n\nAt least 180 passengers were evacuated in Leeds on Wednesday.",
     "Rail\nMay 16, 2025\n\nAt least 260 passengers were evacuated in Leeds, police said on Friday."),
    ("Train\nPublié le 14 mai 2025\n\nAu moins 180 passagers ont été évacués mercredi à Nantes.",
     "Train\nPublié le 16 mai 2025\n\nAu moins 260 passagers ont été évacués à Nantes, a indiqué la police vendredi."),
    ("Tren\n14 de mayo de 2025\n\nAl menos 180 pasajeros fueron evacuados el miércoles en Zaragoza.",
     "Tren\n16 de mayo de 2025\n\nAl menos 260 pasajeros fueron evacuados en Zaragoza, informó la policía el viernes."),
])
def test_passengers_of_one_stated_event_are_still_compared(tmp_path: Path, first: str, second: str):
    findings, claims = run(tmp_path, {"a.txt": first, "b.txt": second})
    assert [f.kind for f in _compared(findings, claims, "passengers")] == ["update"], [f.message for f in findings]


@pytest.mark.parametrize("first,second", [
    ("Grève à Rennes\nPublié le 14 mai 2025\n\nSelon la police, 12 000 manifestants ont défilé mardi à Rennes.",
     "Manifestation à Rennes\nPublié le 14 mai 2025\n\nLes syndicats ont compté 30 000 manifestants mardi à Rennes."),
    ("Protest in Bristol\nMay 14, 2025\n\nPolice said 12,000 protesters marched in Bristol on Tuesday.",
     "Bristol march\nMay 14, 2025\n\nOrganisers counted 30,000 protesters in Bristol on Tuesday."),
])
def test_a_noun_that_names_its_event_is_still_compared(tmp_path: Path, first: str, second: str):
    findings, claims = run(tmp_path, {"a.txt": first, "b.txt": second})
    assert _compared(findings, claims, "protesters"), [(f.kind, f.message) for f in findings]


# --- a figure reported "earlier" was replaced -----------------------------------------------

EARLIER = [
    ("Un peu plus tôt, les autorités faisaient état de 20 morts et 35 blessés.", "fr"),
    ("Plus tôt dans la soirée, la préfecture avait annoncé 20 morts et 35 blessés.", "fr"),
    ("Earlier, officials had reported 20 dead and 35 injured.", "en"),
    ("Earlier on Sunday, the ministry said 20 people had died and 35 were injured.", "en"),
    ("Zuvor hatten die Behörden 20 Tote und 35 Verletzte gemeldet.", "de"),
    ("Anteriormente, las autoridades habían informado de 20 muertos y 35 heridos.", "es"),
]


@pytest.mark.parametrize("text,lang", EARLIER)
def test_figures_an_opening_earlier_reports_are_superseded_and_undated(text: str, lang: str):
    claims = figures(text, lang)
    assert sorted(c.value.low for c in claims) == [20, 35]  # type: ignore[union-attr]
    assert {c.measure for c in claims} == {"superseded"}
    assert all(c.time is None for c in claims)


@pytest.mark.parametrize("text,lang", [
    ("Earlier this week, 20 people were killed in a separate attack near the border.", "en"),
    ("Plus tôt dans la journée, 20 personnes ont été tuées dans une autre attaque près de la frontière.", "fr"),
    ("Zuvor waren bei einem anderen Anschlag 20 Menschen getötet worden.", "de"),
    ("Anteriormente, 20 personas murieron en otro ataque cerca de la frontera.", "es"),
])
def test_an_earlier_event_without_a_report_keeps_its_figure(text: str, lang: str):
    claim = sentences.figure(text, lang, 20)
    assert claim.measure != "superseded"


@pytest.mark.parametrize("text,lang", [
    ("Earlier, officials had reported 20 dead, but the toll has since risen to 46.", "en"),
    ("Plus tôt, la préfecture avait annoncé 20 morts, mais le bilan s'est depuis alourdi à 46 morts.", "fr"),
])
def test_the_current_figure_after_an_earlier_report_stays_a_count(text: str, lang: str):
    claims = figures(text, lang)
    assert sentences.exact(claims, 20).measure == "superseded"
    assert sentences.exact(claims, 46).measure == "running"


def test_an_earlier_figure_neither_corroborates_nor_starts_an_update(tmp_path: Path):
    findings, claims = run(tmp_path, {
        "a.txt": "Effondrement à Lille\nPublié le 20 mai 2025\n\nAu moins 46 personnes sont mortes dans "
                 "l'effondrement d'une tribune du stade de Lille. Un peu plus tôt, les autorités faisaient état de 20 morts.",
        "b.txt": "Lille stand collapse\nMay 20, 2025\n\nAt least 46 people were killed when a stand collapsed at a stadium "
                 "in Lille. Earlier, officials had reported 20 dead.",
        "c.txt": "Lille collapse toll rises\nMay 21, 2025\n\nThe death toll from the stand collapse at a stadium in "
                 "Lille has risen to 51, officials said on Wednesday.",
    })
    assert not any(20 in _values(f, claims) for f in findings), [(f.kind, f.message) for f in findings]
    assert any(f.kind == "update" and _values(f, claims) >= {46, 51} for f in findings), [(f.kind, f.message) for f in findings]


# --- each middle step of a chain was replaced -------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("El número de fallecidos aumentó rápidamente pasando de 9 a 20 y finalmente a 46.", "es"),
    ("The death toll rose from 9 to 20 and then to 46 during the night.", "en"),
    ("Le bilan est passé de 9 à 20 puis à 46 morts au cours de la nuit.", "fr"),
    ("Die Zahl der Toten stieg in der Nacht von 9 auf 20 und schließlich auf 46.", "de"),
])
def test_every_step_of_a_chain_but_the_last_is_superseded(text: str, lang: str):
    claims = figures(text, lang)
    assert [(c.value.low, c.measure) for c in claims] == [(9, "superseded"), (20, "superseded"), (46, "running")]


@pytest.mark.parametrize("text,lang", [
    ("Le bilan est passé de 3 à 8 morts et de 40 à 72 blessés.", "fr"),
    ("The toll rose from 3 to 8 dead and from 40 to 72 injured.", "en"),
])
def test_two_coordinated_changes_are_no_chain(text: str, lang: str):
    claims = figures(text, lang)
    assert sentences.exact(claims, 8).measure == "running"
    assert sentences.exact(claims, 72).measure == "running"


# --- a second source's lower toll is no addition ------------------------------------------------

@pytest.mark.parametrize("text,lang", [
    ("Der Sender Radio Nord sprach von mindestens elf Toten und mehr als 250 Verletzten.", "de"),
    ("The ministry confirmed at least 11 deaths and more than 250 injuries on Sunday.", "en"),
    ("La radio habló de al menos 11 muertos y más de 250 heridos.", "es"),
    ("La radio a parlé d'au moins 11 morts et plus de 250 blessés.", "fr"),
])
def test_a_toll_followed_by_more_than_another_count_is_a_toll(text: str, lang: str):
    claim = sentences.figure(text, lang, 11)
    assert (claim.event, claim.measure) == ("killed", "running")


@pytest.mark.parametrize("text,lang,value", [
    ("Le ministre a annoncé l'envoi de 3 000 soldats supplémentaires.", "fr", 3000),
    ("The ministry sent 3,000 more troops to the border.", "en", 3000),
    ("El gobierno enviará 5.000 militares más a la zona.", "es", 5000),
    ("Mindestens 85 weitere Personen wurden verletzt.", "de", 85),
])
def test_an_addition_is_still_an_increment(text: str, lang: str, value: int):
    assert sentences.figure(text, lang, value).measure == "increment"


def test_two_sources_tolls_of_one_day_are_a_dispute_not_an_addition(tmp_path: Path):
    findings, claims = run(tmp_path, {
        "a.txt": "Sturm in Galicien\n15.12.2024\n\nDer Sender Radio Nord berichtete von mindestens 14 Toten in Galicien. "
                 "Der Sender Radio Sur sprach von mindestens elf Toten und mehr als 250 Verletzten in Galicien.",
    })
    killed = [f for f in findings if any(claims[i].event == "killed" for i in f.claims)]
    assert any(f.kind == "dispute" and _values(f, claims) == {11, 14} for f in killed), [(f.kind, f.message) for f in findings]


# --- what the counted are: brought to safety, aboard, or a source's people ----------------------

@pytest.mark.parametrize("text,lang", [
    ("Etwa 180 Passagiere seien mit Bussen sicher nach Regensburg gebracht worden, sagte ein Sprecher.", "de"),
    ("Rund 180 Passagiere konnten in Sicherheit gebracht werden.", "de"),
    ("About 180 passengers were taken safely to York by coach, the governor said.", "en"),
    ("About 180 passengers were brought to safety, the governor said.", "en"),
])
def test_people_brought_to_safety_are_evacuated(text: str, lang: str):
    claim = sentences.figure(text, lang, 180)
    assert (claim.category, claim.event) == ("passengers", "evacuated")


@pytest.mark.parametrize("text,lang", [
    ("Rund 250 Passagiere konnten in Sicherheit gebracht werden. Örtliche Medien berichteten, an Bord des Zuges "
     "seien rund 350 Menschen gewesen.", "de"),
    ("About 250 passengers were evacuated. Local media said about 350 people had been on board the train.", "en"),
])
def test_people_said_to_be_aboard_do_not_take_the_event_of_the_count_before(text: str, lang: str):
    claim = sentences.figure(text, lang, 350)
    assert (claim.category, claim.event) == ("passengers", None)


@pytest.mark.parametrize("text,lang", [
    ("Alle 126 an Bord kamen ums Leben.", "de"),
    ("All 126 people on board were killed.", "en"),
])
def test_people_aboard_whose_clause_says_what_happened_keep_that_event(text: str, lang: str):
    assert sentences.figure(text, lang, 126).event == "killed"


@pytest.mark.parametrize("text,lang", [
    ("« Sur les 85 blessés, 53 personnes restent hospitalisées », a précisé le porte-parole des pompiers.", "fr"),
    ("Sur les 85 blessés, 53 personnes restent hospitalisées, a précisé le porte-parole des pompiers.", "fr"),
    ("\"Of the 85 injured, 53 people remain in hospital,\" a spokesman for the firefighters said.", "en"),
])
def test_people_are_not_renamed_after_the_words_of_their_source(text: str, lang: str):
    assert sentences.figure(text, lang, 53).category == "people"


@pytest.mark.parametrize("text,lang,category", [
    ("5 000 personnes, réunies dans une division d'ouvriers, ont été envoyées en renfort.", "fr", "workers"),
    ("Some 5,000 people, mostly construction workers, were sent to the region.", "en", "workers"),
])
def test_a_specific_noun_in_the_figures_own_phrase_still_names_them(text: str, lang: str, category: str):
    assert sentences.figure(text, lang, 5000).category == category


@pytest.mark.parametrize("text,lang", [
    ("Der Regionalzug mit rund 260 Fahrgästen stieß frontal mit einem Güterzug zusammen.", "de"),
    ("A regional train carrying some 260 passengers hit a freight train.", "en"),
    ("Le TER, qui transportait quelque 260 passagers, a percuté un train de fret.", "fr"),
    ("Un tren regional con unos 260 pasajeros chocó con un tren de mercancías.", "es"),
])
def test_passengers_a_vehicle_carries_are_those_aboard(tmp_path: Path, text: str, lang: str):
    head = {"de": "Bahn\n14.05.2025\n\n", "en": "Rail\nMay 14, 2025\n\n", "fr": "Train\nPublié le 14 mai 2025\n\n",
            "es": "Tren\n14 de mayo de 2025\n\n"}[lang]
    aboard = {"de": "An Bord des Zuges waren nach Angaben der Bahn 300 Passagiere.",
              "en": "The rail operator said 300 passengers were on board the train.",
              "fr": "Selon l'opérateur, 300 passagers se trouvaient à bord du train.",
              "es": "Según la operadora, 300 pasajeros iban a bordo del tren."}[lang]
    findings, claims = run(tmp_path, {"a.txt": head + text, "b.txt": head + aboard})
    assert _compared(findings, claims, "passengers"), [(f.kind, f.message) for f in findings]


@pytest.mark.parametrize("text,lang,category", [
    ("A rally with 300 people was held in the square.", "en", "people"),
    ("About 180 passengers were put up in a nearby hotel.", "en", "passengers"),
])
def test_a_count_nothing_puts_aboard_is_not_those_aboard(text: str, lang: str, category: str):
    claim = sentences.figure(text, lang, 300 if "300" in text else 180)
    assert (claim.category, claim.noun_source) == (category, "noun")
