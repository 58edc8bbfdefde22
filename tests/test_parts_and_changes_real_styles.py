"""Parts and changes as news write them, in fr/en/de/es (invented sentences): the dead of one
site "and the rest in hospital" are a part of the toll; passengers "bearing Italian surnames"
are a part of those aboard, of that nationality; "raised from 2 to 6 the dead, and from 30 to
85 the missing" is two changes, never a range 30–85 of the missing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings

# --- a site's share, the rest elsewhere ------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Bei der Panik starben 58 Menschen. Zwölf Menschen starben innerhalb der Halle und der Rest im Krankenhaus, sagte der Polizeisprecher.", "de"),
        ("Bei der Panik starben 58 Menschen. 12 Menschen starben außerhalb der Halle, die übrigen in Kliniken, sagte der Polizeisprecher.", "de"),
        ("Twelve people died inside the hall and the rest in hospital, the police spokesman said.", "en"),
        ("Twelve people died within the arena and the rest in hospital, the police spokesman said.", "en"),
        ("Douze personnes sont mortes à l'intérieur de la salle et le reste à l'hôpital, selon la police.", "fr"),
        ("Doce personas murieron dentro del recinto y el resto en el hospital, según la policía.", "es"),
        ("Doce personas murieron fuera del recinto y el resto en el hospital, según la policía.", "es"),
    ],
)
def test_the_dead_of_one_site_then_the_rest_elsewhere_are_a_part(text, lang):
    claim = figure(text, lang, 12)
    assert (claim.event, claim.measure) == ("killed", "part")


def test_the_rest_without_another_site_leaves_the_toll_whole():
    claim = figure("Bei der Panik starben 58 Menschen. Zwölf Menschen starben in der Halle, der Rest wurde gerettet.", "de", 12)
    assert claim.measure != "part"


def test_a_sites_share_is_not_set_against_the_toll(tmp_path: Path):
    found = findings(tmp_path, {
        "a.txt": "Massenpanik in Graz\nGrazer Tagblatt — 11. März 2025\n\n"
                 "Bei der Massenpanik in der Grazer Stadthalle starben nach Angaben der Polizei 58 Menschen.\n",
        "b.txt": "Panik in Graz\nSteirische Rundschau — 11. März 2025\n\n"
                 "Zwölf Menschen starben innerhalb der Grazer Stadthalle und der Rest im Krankenhaus, sagte die Polizei.\n",
    })
    assert not [f for f in found if f.kind in ("contradiction", "dispute", "update") and "58" in f.message and "12" in f.message]


# --- a qualifier after the counted noun ------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Selon la préfecture, 17 passagers portant des noms de famille italiens se trouvaient dans le car.", "fr"),
        ("According to officials, 17 passengers bearing Italian surnames were on the coach.", "en"),
        ("According to officials, 17 passengers with Italian surnames were on the coach.", "en"),
        ("Nach Angaben der Polizei saßen 17 Passagiere mit italienischen Nachnamen im Bus.", "de"),
        ("Según la policía, en el autobús viajaban 17 pasajeros con apellidos italianos.", "es"),
        ('Le préfet avait indiqué que "17 passagers portaient des noms de famille italiens".', "fr"),
        ('The prefect had said that "17 passengers had Italian surnames".', "en"),
    ],
)
def test_passengers_of_a_nationality_named_after_the_noun_are_a_part(text, lang):
    claim = figure(text, lang, 17)
    assert (claim.measure, claim.actor) == ("part", "Italy")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("About 200 protesters with police escorts marched through the centre on Saturday.", "en"),
        ("Some 400 soldiers with French equipment were deployed on Saturday.", "en"),
    ],
)
def test_with_and_no_names_after_it_is_no_nationality(text, lang):
    claim = figures(text, lang)
    assert all(c.measure != "part" for c in claim)


def test_passengers_of_one_nationality_do_not_contradict_those_aboard(tmp_path: Path):
    found = findings(tmp_path, {
        "a.txt": "Accident d'un car en Savoie\nLe Dauphin — Publié le mardi 11 mars 2025 à 12h10\n\n"
                 "Le car, qui reliait Turin à Lyon, s'est renversé mardi matin en Savoie. Il transportait 52 passagers.\n",
        "b.txt": "Car renversé en Savoie\nLa Gazette — Publié le mardi 11 mars 2025 à 18h40\n\n"
                 "Le car s'est renversé mardi matin en Savoie avec 52 passagers à bord. Selon le préfet, "
                 "\"il y a 17 passagers portant des noms de famille italiens\".\n",
    })
    assert not [f for f in found if f.kind == "contradiction" and "17" in f.message]


# --- "from X to Y" after a verb of change ----------------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("El gobernador elevó ayer de dos a seis los fallecidos, y de 30 a 85 los desaparecidos.", "es"),
        ("Le préfet a relevé lundi de deux à six les morts, et de 30 à 85 les disparus.", "fr"),
    ],
)
def test_a_second_change_after_a_first_is_not_a_range(text, lang):
    claims = figures(text, lang)
    assert not [c for c in claims if c.value.low == 30 and c.value.high == 85]
    assert [c for c in claims if c.value.low == c.value.high == 85]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Entre 30 y 85 personas siguen desaparecidas, según el gobernador.", "es"),
        ("Les secours recherchent de 30 à 85 personnes, selon le préfet.", "fr"),
    ],
)
def test_a_range_without_a_change_stays_a_range(text, lang):
    claim = figure(text, lang, 50)
    assert (claim.value.low, claim.value.high) == (30, 85)
