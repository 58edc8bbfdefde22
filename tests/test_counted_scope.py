"""What a figure counts, in fr/en/de/es (invented sentences): people unaccounted for however
it is said, a list of names of missing people counted as the missing, visitors who left apart
from those stranded or evacuated, and soldiers already deployed apart from an announced
reinforcement and from the total once it is in (an increment is never set against a total)."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.pipeline import check
from tests.sentences import figure, findings

DAY = dt.date(2025, 3, 12)


# --- people unaccounted for --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("On Monday the governor said more than 900 people were still unaccounted for.", "en", 900),
        ("Police said on Monday that roughly 700 people had not yet been reached.", "en", 700),
        ("Lundi, 45 personnes étaient toujours portées disparues, selon la préfecture.", "fr", 45),
        ("Lundi, la préfecture restait sans nouvelles de 45 personnes, toujours injoignables.", "fr", 45),
        ("Am Montag galten nach Angaben der Polizei noch 45 Menschen als vermisst.", "de", 45),
        ("Am Montag waren nach Angaben der Polizei noch 45 Menschen nicht erreichbar.", "de", 45),
        ("El lunes, la delegada del Gobierno dijo que 45 personas siguen sin localizar en la comarca.", "es", 45),
        ("Protección Civil mantiene el lunes a 45 personas sin localizar.", "es", 45),
    ],
)
def test_people_unaccounted_for_are_counted_as_missing(text, lang, value):
    claim = figure(text, lang, value)
    assert (claim.category, claim.event) == ("people", "missing")


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("On Sunday the mayor said 640 names remained on the list of missing persons.", "en", 640),
        ("The county published on Thursday a list of 310 names of people unaccounted for.", "en", 310),
        ("La préfecture tenait jeudi une liste de 300 noms de personnes portées disparues.", "fr", 300),
        ("Die Polizei führte am Dienstag eine Liste mit 300 Namen von Vermissten.", "de", 300),
        ("La lista de la Guardia Civil contenía el martes 300 nombres de desaparecidos.", "es", 300),
    ],
)
def test_a_list_of_names_of_missing_people_counts_the_missing(text, lang, value):
    claim = figure(text, lang, value)
    assert (claim.category, claim.event) == ("people", "missing")


@pytest.mark.parametrize(
    "text,lang,value",
    [
        ("Police released 50 names of victims on Friday.", "en", 50),
        ("The FBI list held 640 names on Tuesday.", "en", 640),
        ("La mairie a publié vendredi 50 noms de victimes.", "fr", 50),
        ("Die Behörden veröffentlichten am Freitag 50 Namen von Kindern, die vermisst werden.", "de", 50),
    ],
)
def test_names_that_do_not_say_they_are_of_the_missing_stay_names(text, lang, value):
    claim = figure(text, lang, value)
    assert claim.category == "names"
    assert claim.event != "missing" or claim.category != "people"


def test_the_mayors_list_and_the_governors_count_of_the_missing_are_compared(tmp_path):
    a = ("Fire: hundreds still missing\nPublished March 10, 2025\n\nOn Sunday, Mayor Tom Reyes said 620 names "
         "remained on the list of missing persons. The same day, Governor Ann Holt told reporters that more than "
         "1,000 people were still unaccounted for.\n")
    found = [f for f in findings(tmp_path, {"a.txt": a}) if f.kind in ("contradiction", "dispute")]
    assert len(found) == 1
    assert "620" in found[0].message.replace("\u202f", "").replace(" ", "")


# --- visitors who left, stranded, evacuated ----------------------------------------------------


@pytest.mark.parametrize(
    "text,lang,left,stranded",
    [
        ("State officials said about 11,000 visitors had flown out of the island by Tuesday, while 2,000 tourists "
         "were still stranded at the airport.", "en", 11000, 2000),
        ("Selon la préfecture, 8 000 touristes ont quitté l'île depuis lundi et 1 500 vacanciers sont toujours "
         "bloqués sur place.", "fr", 8000, 1500),
        ("Nach Angaben des Landratsamts sind 8000 Urlauber abgereist, 1500 Touristen sitzen noch fest.", "de", 8000, 1500),
        ("Según el Cabildo, 8.000 turistas han salido de la isla desde el lunes y 1.500 visitantes siguen varados "
         "en el aeropuerto.", "es", 8000, 1500),
    ],
)
def test_visitors_who_left_are_not_those_stranded(text, lang, left, stranded):
    gone, stuck = figure(text, lang, left), figure(text, lang, stranded)
    assert (gone.category, gone.event) == ("visitors", "left")
    assert (stuck.category, stuck.event) == ("visitors", "stranded")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Officials said 3,000 tourists were evacuated from the coast on Monday.", "en"),
        ("Lundi, 3 000 touristes ont été évacués du littoral.", "fr"),
        ("Am Montag wurden 3000 Touristen von der Küste evakuiert.", "de"),
        ("El lunes, 3.000 turistas fueron evacuados de la costa.", "es"),
    ],
)
def test_evacuated_visitors_are_not_visitors_who_left(text, lang):
    assert figure(text, lang, 3000).event == "evacuated"


def test_visitors_who_left_and_visitors_stranded_are_not_set_against_each_other(tmp_path):
    a = ("Island fire\nPublished March 11, 2025\n\nOn Tuesday, the transport director said about 9,000 visitors "
         "had flown out of the island.\n")
    b = ("Island fire\nPublished March 11, 2025\n\nOn Tuesday, the tourism office said 2,000 tourists were still "
         "stranded at the airport.\n")
    assert [f for f in findings(tmp_path, {"a.txt": a, "b.txt": b}) if f.kind in ("contradiction", "dispute")] == []


# --- soldiers already deployed, additional, in total -------------------------------------------


@pytest.mark.parametrize(
    "text,lang",
    [
        ("On Saturday the prime minister ordered 5,000 more soldiers to the region, in addition to the 2,500 "
         "troops already there. With the reinforcement, 7,500 soldiers will be deployed in total.", "en"),
        ("Samedi, le Premier ministre a annoncé l'envoi de 5 000 militaires supplémentaires, qui s'ajoutent aux "
         "2 500 déjà déployés, portant le total à 7 500 soldats.", "fr"),
        ("Am Samstag kündigte der Kanzler weitere 5000 Soldaten an, zusätzlich zu den 2500 Soldaten, die bereits "
         "im Einsatz sind. Insgesamt sind damit 7500 Soldaten im Einsatz.", "de"),
        ("El sábado, el presidente anunció el envío de 5.000 militares más, que se suman a los 2.500 ya "
         "desplegados, con lo que el total de soldados llega a 7.500.", "es"),
    ],
)
def test_troops_already_deployed_are_apart_from_the_reinforcement_and_the_new_total(text, lang):
    added, there, total = figure(text, lang, 5000), figure(text, lang, 2500), figure(text, lang, 7500)
    assert added.measure == "increment"
    assert (there.category, there.event, there.measure) == ("soldiers", "deployed", "total")
    assert total.category == "soldiers" and total.measure == "projection"  # the total once the reinforcement is in


def test_the_total_an_addition_joins_is_not_the_addition_restated():
    claim = figure("El presidente anunció el sábado el envío de 4.000 militares más, que se suman a los 2.600 ya "
                   "desplegados en la provincia.", "es", 2600)
    assert claim.measure == "total" and claim.event == "deployed"
    assert claim.noun_source != "relative"  # not "8.000 personas, que los sindicatos elevan a 20.000"


def test_an_event_word_right_after_a_figure_is_not_the_next_figures():
    text = ("On Saturday the prime minister said the 2,000 troops already in the area had carried out 3,100 "
            "rescues.")
    assert figure(text, "en", 2000).event == "deployed"
    assert figure(text, "en", 3100).event is None


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Samedi, le ministre a indiqué que les 1 800 soldats déjà sur place avaient évacué 600 habitants.", "fr"),
        ("Am Samstag sagte der Minister, die 1800 Soldaten, die bereits vor Ort sind, hätten geholfen.", "de"),
        ("El sábado, el ministro dijo que los 1.800 soldados ya en la zona habían ayudado a los vecinos.", "es"),
    ],
)
def test_troops_already_there_are_deployed(text, lang):
    assert figure(text, lang, 1800).event == "deployed"


def test_two_reports_of_the_troops_already_deployed_disagree(tmp_path):
    a = ("Floods: army reinforcements\nPublished March 16, 2025\n\nOn Saturday, Prime Minister Ana Ruiz said the "
         "2,000 troops already in the area had carried out 3,100 rescues, and ordered 4,000 more soldiers to the "
         "region.\n")
    b = ("Más soldados para la costa\nPublicado: 16/03/2025\n\nLa presidenta del Gobierno, Ana Ruiz, anunció el "
         "sábado el envío de 4.000 militares más, que se suman a los 2.600 ya desplegados.\n")
    for name, text in {"a.txt": a, "b.txt": b}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = check([tmp_path])
    found = [f for f in result.findings if f.kind in ("contradiction", "dispute")]
    assert len(found) == 1
    quotes = {c.id: c.quote for c in result.claims}
    assert sorted(quotes[i] for i in found[0].claims) == ["2,000 troops", "2.600"]  # the reinforcements are not compared


def test_a_new_total_after_a_reinforcement_is_not_set_against_the_troops_there_before(tmp_path):
    a = ("Floods: army reinforcements\nPublished March 16, 2025\n\nOn Saturday, Prime Minister Ana Ruiz said "
         "2,600 troops were deployed in the province.\n")
    b = ("Más soldados para la costa\nPublicado: 16/03/2025\n\nLa presidenta del Gobierno, Ana Ruiz, anunció el "
         "sábado el envío de 4.000 militares más, que se suman a los 2.600 ya desplegados en la provincia. Con el "
         "refuerzo, el total de soldados desplegados llega el sábado a 6.600.\n")
    assert [f for f in findings(tmp_path, {"a.txt": a, "b.txt": b}) if f.kind in ("contradiction", "dispute")] == []


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The toll stood at 15 on Monday. On Tuesday, officials reported 5 more deaths, bringing the death toll to 20.", "en"),
        ("Le bilan était de 15 morts lundi. Mardi, la préfecture a annoncé 5 morts supplémentaires, portant le bilan à 20 morts.", "fr"),
    ],
)
def test_a_toll_after_new_deaths_is_the_toll_now_not_a_projection(text, lang):
    assert figure(text, lang, 20).measure == "running"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Russian-installed officials said on Sunday that 59 people drowned in the territory they control.", "en"),
        ("Dimanche, 59 personnes se sont noyées dans la zone occupée, selon les autorités.", "fr"),
        ("Am Sonntag sind nach Behördenangaben 59 Menschen in der Region ertrunken.", "de"),
        ("El domingo, 59 personas murieron ahogadas en la zona, según las autoridades.", "es"),
    ],
)
def test_people_who_drowned_are_counted_as_killed(text, lang):
    claim = figure(text, lang, 59)
    assert (claim.category, claim.event) == ("people", "killed")
