"""Who gave a figure and what a figure without a noun counts, in styles of wire copy: a source
bound to a later figure, a source after an adverb ("given earlier in the day by"), a German
participle at the end of its clause, ", officials said", a place in front of a reporting verb,
"killed 16", "on Friday 25 people" (fr/en/de/es, invented sentences)."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest

from consistency.model import Claim
from consistency.pipeline import check
from tests import sentences

DAY = dt.date(2025, 3, 18)
figures = functools.partial(sentences.figures, day=DAY)


def by_value(claims: list[Claim]) -> dict[float, Claim]:
    return {c.value.low: c for c in claims if c.value.low is not None}


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The diplomats said at least 70 pilgrims had died, more than the official figure of 44 given by Cairo.", "en"),
        ("Les diplomates ont affirmé qu'au moins 70 pèlerins étaient morts, plus que le bilan officiel de 44 publié par Le Caire.", "fr"),
        ("Die Diplomaten sagten, mindestens 70 Pilger seien gestorben, mehr als die offizielle Zahl von 44 laut Kairo.", "de"),
        ("Los diplomáticos dijeron que al menos 70 peregrinos murieron, más que la cifra oficial de 44 según El Cairo.", "es"),
    ],
)
def test_a_source_bound_to_a_later_figure_is_not_the_first_figures(text, lang):
    got = by_value(figures(text, lang))
    assert got[70].attributed_to == "diplomats"
    assert got[44].attributed_to != "diplomats"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The figure of 44 dead given earlier in the day by Cairo was disputed.", "en"),
        ("Le bilan de 44 morts annoncé plus tôt dans la journée par Le Caire a été confirmé.", "fr"),
    ],
)
def test_a_source_after_an_adverb_of_time_is_still_the_source(text, lang):
    assert by_value(figures(text, lang))[44].attributed_to == "Egypt"


@pytest.mark.parametrize(
    "text,origin",
    [
        ("Die Polizei hatte am Abend rund 1.300 Festnahmen gemeldet.", "police"),
        ("Das Rote Kreuz hat am Freitag 25 Verletzte gezählt.", "Red Cross"),
    ],
)
def test_a_german_participle_at_the_end_of_its_clause_names_the_source(text, origin):
    (claim,) = figures(text, "de")
    assert claim.attributed_to == origin


def test_a_sentence_without_a_reporting_verb_after_its_figure_has_no_source():
    (claim,) = figures("Der Bürgermeister hat gestern die Schule besucht, wo 12 Kinder verletzt wurden.", "de")
    assert claim.attributed_to is None


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Floods in the valley have now killed 16 people, officials said on Saturday.", "en"),
        ("La crue a fait 16 morts dans la vallée, les autorités ont précisé samedi.", "fr"),
        ("Die Flut hat 16 Menschen im Tal getötet, die Behörden teilten am Samstag mit.", "de"),
        ("La riada dejó 16 muertos en el valle, las autoridades informaron el sábado.", "es"),
    ],
)
def test_a_common_noun_source_after_a_comma_is_read(text, lang):
    (claim,) = figures(text, lang)
    assert claim.attributed_to in ("officials", "authorities")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Im Radio sprach er am Freitag von 80 Vermissten.", "de"),
        ("In Radio Sud il a parlé vendredi de 80 disparus.", "fr"),
    ],
)
def test_where_something_was_said_is_not_who_said_it(text, lang):
    (claim,) = figures(text, lang)
    assert claim.attributed_to is None


@pytest.mark.parametrize(
    "text,lang",
    [
        ("On Friday 25 people were injured in the blast.", "en"),
        ("Am Freitag 25 Menschen verletzt, meldet die Polizei.", "de"),
        ("Le vendredi 25 personnes ont été blessées dans l'explosion.", "fr"),
        ("El viernes 25 personas resultaron heridas en la explosión.", "es"),
    ],
)
def test_a_figure_after_a_weekday_with_its_noun_is_a_count_not_a_day(text, lang):
    (claim,) = figures(text, lang)
    assert claim.value.low == 25 and claim.event == "wounded"


def test_a_weekday_and_a_day_of_the_month_stay_a_date():
    assert figures("Le vendredi 14 juillet, le défilé a eu lieu.", "fr") == []
    assert figures("Am Freitag, 14. Juli, fand die Parade statt.", "de") == []


@pytest.mark.parametrize(
    "text,lang,killed,wounded",
    [
        ("The blast killed 16 and injured 31 on Saturday.", "en", 16, None),
        ("L'explosion a tué 12 et blessé 40, selon la police.", "fr", 12, 40),
        ("La explosión mató a 9 e hirió a 33, según la policía.", "es", 9, 33),
        ("Der Anschlag tötete 14, wie die Polizei mitteilte.", "de", 14, None),
    ],
)
def test_a_figure_after_a_verb_whose_object_is_people_counts_them(text, lang, killed, wounded):
    got = by_value(figures(text, lang))
    assert got[killed].event == "killed" and got[killed].category == "people"
    if wounded is not None:
        assert got[wounded].event == "wounded"
    for claim in got.values():
        assert not (claim.value.low == killed and claim.event == "wounded"), "killed is not injured"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Authorities say 59 people drowned in the flooded district.", "en"),
        ("Selon les autorités, 59 personnes se sont noyées dans le district inondé.", "fr"),
        ("Laut den Behörden sind 59 Menschen in dem überfluteten Bezirk ertrunken.", "de"),
        ("Según las autoridades, 59 personas murieron ahogadas en el distrito inundado.", "es"),
    ],
)
def test_drowned_is_a_toll(text, lang):
    (claim,) = figures(text, lang)
    assert claim.event == "killed"


def test_two_sources_on_one_day_are_a_dispute_when_one_gives_a_lower_bound_above_the_other(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Published June 18, 2025\n\nThe diplomats also said at least 60 Tunisians had died, more than the official "
        "figure of 41 given earlier in the day by Tunis.\n",
        encoding="utf-8",
    )
    disputes = [f for f in check([tmp_path]).findings if f.kind in ("dispute", "contradiction")]
    assert len(disputes) == 1 and set(disputes[0].origins) == {"diplomats", "Tunisia"}


@pytest.mark.parametrize(
    "dateline,caption",
    [
        ("NAPLES, Florida, Sept 14 (WIRE) – ", "PHOTO: Flood water on Gulf Shore Drive on Sept. 12, 2024. (WIRE/File)"),
        ("TAMPA, Florida, Sept. 14 — ", "Rescuers wade through a street in Tampa on Sept. 12, 2024."),
    ],
)
def test_a_dateline_without_a_year_takes_the_year_of_a_full_date_in_the_article(tmp_path: Path, dateline, caption):
    (tmp_path / "a.txt").write_text(
        f"Storm floods the coast\n\n{dateline}At least 12 people were killed by the storm, officials said.\n\n{caption}\n",
        encoding="utf-8",
    )
    (doc,) = check([tmp_path]).documents
    assert doc.published == dt.date(2024, 9, 14)


def test_another_figure_for_the_same_count_takes_that_counts_time(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Published August 12, 2024\n\nPort director Ana Silva said about 8,000 visitors had left the island by Monday evening. "
        "Rui Costa, who heads the tourism office, later said the real number was probably closer to 3,000.\n",
        encoding="utf-8",
    )
    result = check([tmp_path])
    times = {c.value.low: c.time for c in result.claims if c.kind == "quantity"}
    assert times[2700.0] == times[7200.0] and times[2700.0] is not None
    assert any(f.kind in ("dispute", "contradiction") for f in result.findings)


def test_a_capital_after_a_place_preposition_is_where_it_happened():
    (claim,) = figures("Le bilan de l'explosion du port de Beyrouth atteint 171 morts.", "fr")
    assert claim.location == "Beirut"
    # set before the clause, it is at least the country the article is about
    (claim,) = figures("Une semaine après l'explosion qui a ravagé le port de Beyrouth, le bilan atteint 171 morts.", "fr")
    assert claim.location in ("Beirut", "Lebanon")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Après une visite à Pyongyang, le ministre a annoncé l'arrivée de 4 000 ouvriers dans la région de Koursk.", "fr"),
        ("After a visit to Pyongyang, the minister announced the arrival of 4,000 workers in the Kursk region.", "en"),
    ],
)
def test_a_capital_in_a_phrase_set_before_the_clause_is_where_the_speaker_was(text, lang):
    (claim,) = figures(text, lang)
    assert claim.location != "Pyongyang"


def test_crowd_counts_in_german_keep_each_side_its_source():
    text = ("Die Polizei ging von mindestens 12.000 Demonstrierenden aus, der Veranstalter sprach von 45.000. "
            "Laut Polizeiangaben hatten sich etwa 15.000 Menschen auf dem Marktplatz versammelt. "
            "Medienberichten zufolge zählten die Veranstalter rund 45.000 Menschen, die Polizei 12.000 bis 15.000.")
    got = {(c.value.low, c.value.high): c for c in figures(text, "de")}
    assert got[(12000.0, None)].attributed_to == "police"
    assert got[(45000.0, 45000.0)].attributed_to == "organisers"
    assert got[(13500.0, 16500.0)].attributed_to == "police" and got[(13500.0, 16500.0)].event == "demonstrated"
    assert got[(40500.0, 49500.0)].attributed_to == "organisers"
    assert got[(12000.0, 15000.0)].attributed_to == "police"


@pytest.mark.parametrize(
    "text,lang,origin",
    [
        ("Bei dem Unfall seien zudem 140 Menschen verletzt worden, teilte die Polizei mit.", "de", "police"),
        ("Actualmente, declaró que según los datos de la Oficina de Salud de Tamale fueron 64 personas las fallecidas.",
         "es", "Oficina de Salud de Tamale"),
        ("Belgium, where the two valleys took the brunt of the flooding, has counted 36 deaths.", "en", "Belgium"),
        ("In Tamale wurden 61 Menschen getötet, sagte der Innenminister am Sonntag.", "de", "Interior Ministry"),
    ],
)
def test_a_clause_an_adverb_or_a_time_is_not_part_of_a_source(text, lang, origin):
    (claim,) = figures(text, lang)
    assert claim.attributed_to == origin


def test_a_story_filed_from_a_neighbouring_capital_is_about_where_its_places_are(tmp_path: Path):
    (tmp_path / "a.txt").write_text(
        "Flood in Kherson\n\nMOSCOW, June 18 (WIRE) – Floods in the Kherson region have killed 14 people, officials said. "
        "Water covered villages near Kherson and Mykolaiv, and the Dnipro kept rising past Kherson.\n",
        encoding="utf-8",
    )
    (claim,) = [c for c in check([tmp_path]).claims if c.kind == "quantity"]
    assert claim.location != "Russian Federation"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Belgium, where the Vesdre and Ourthe valleys took the brunt of the flooding, has counted 36 deaths.", "en"),
        ("La Belgique, où les vallées de la Vesdre et de l'Ourthe ont été les plus touchées, a recensé 36 morts.", "fr"),
    ],
)
def test_a_country_that_counts_with_no_other_place_counts_its_own(text, lang):
    (claim,) = figures(text, lang)
    assert claim.attributed_to == "Belgium" and claim.location == "Belgium"


def test_a_countrys_count_of_its_citizens_abroad_is_not_placed_at_home():
    text = "At least 60 Tunisians had died, more than the official figure of 41 given earlier in the day by Tunis."
    for claim in figures(text, "en"):
        assert claim.location != "Tunisia"


@pytest.mark.parametrize(
    "morning,evening",
    [
        ("Publié le 12/03/2025 à 08h40\n\nLa police a fait état de 21 interpellations lors des heurts de la nuit.\n",
         "Publié le 12/03/2025 à 23h50\n\nLe ministère de l'Intérieur a fait état de 97 interpellations lors des heurts.\n"),
        ("Published March 12, 2025, 8:40 a.m.\n\nPolice said 21 people had been arrested in the clashes.\n",
         "Published March 12, 2025, 11:50 p.m.\n\nThe Interior Ministry said 97 people had been arrested in the clashes.\n"),
    ],
)
def test_two_voices_hours_apart_on_a_count_that_grows_are_an_update(tmp_path: Path, morning, evening):
    (tmp_path / "a.txt").write_text(morning, encoding="utf-8")
    (tmp_path / "b.txt").write_text(evening, encoding="utf-8")
    kinds = [f.kind for f in check([tmp_path]).findings]
    assert "dispute" not in kinds and "contradiction" not in kinds


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Los sindicatos cifraron el seguimiento de la huelga general en el 68,4 %, mientras la patronal lo situó en el 9 %.", "es"),
        ("Les syndicats ont chiffré la participation à la grève à 68,4 %, le patronat à 9 %.", "fr"),
        ("Unions said participation in the strike reached 68.4%, while employers said it was 9%.", "en"),
        ("Die Gewerkschaften bezifferten die Streikbeteiligung auf 68,4 Prozent, die Arbeitgeber sprachen von 9 Prozent.", "de"),
    ],
)
def test_a_strike_rate_named_before_its_figure_is_read_with_each_sides_source(text, lang):
    got = by_value(figures(text, lang))
    assert got[68.4].category == "strikers" and got[9.0].category == "strikers"
    assert got[9.0].attributed_to == "employers"
    assert got[68.4].attributed_to != "employers"


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Turnout was 58.3% at 5 p.m., the electoral commission said.", "en"),
        ("Le taux de participation s'élevait à 58,3 % à 17 heures.", "fr"),
        ("Die Wahlbeteiligung lag um 17 Uhr bei 58,3 Prozent.", "de"),
        ("La participación fue del 58,3 % a las cinco de la tarde.", "es"),
    ],
)
def test_a_turnout_is_a_share_of_voters(text, lang):
    (claim,) = figures(text, lang)
    assert claim.category == "voters" and claim.value.low == 58.3


def test_a_turnout_that_is_a_count_is_not_a_share_of_voters():
    assert all(c.category != "voters" for c in figures("Turnout at the march was 5,000, organisers said.", "en"))


@pytest.mark.parametrize(
    "text,lang",
    [
        ("L'avion, qui assurait un vol de Lisbonne à Hambourg, s'est écrasé avec 132 personnes à bord.", "fr"),
        ("The ferry, sailing from Lisbon to Hamburg with 132 people on board, capsized.", "en"),
        ("Die Maschine war auf dem Flug von Lissabon nach Hamburg, an Bord waren 132 Menschen.", "de"),
        ("El avión, que cubría la ruta de Lisboa a Hamburgo, se estrelló con 132 personas a bordo.", "es"),
    ],
)
def test_the_ends_of_a_trip_are_not_the_place_of_its_figures(text, lang):
    (claim,) = figures(text, lang)
    assert claim.location not in ("Lisbon", "Hamburg")


def test_a_city_after_a_place_preposition_without_a_route_is_still_a_place():
    (claim,) = figures("À Hambourg, 132 personnes ont manifesté samedi.", "fr")
    assert claim.location == "Hamburg"
