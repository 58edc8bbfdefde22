"""Places and publication lines written the way news pages write them, in fr/en/de/es
(invented sentences, towns and outlets).

A province the gazetteer does not know ("Oulad Zemrit (2)"), a river ("an Lahn und Dill") or a
town after "in" that no list has is not the country's: the figure's place is then unknown, so
that a town's figure never becomes a false national series. A place after "south of", "near",
"cerca de" is a landmark, not the figure's place. A publication line whose outlet starts with a
digit ("12 minutes, …"), has two words ("Oberlander Nachrichten, …") or comes after the date
("17/06/2023 exemple-info.net") gives the page's date."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.corpus import load_corpus
from tests.sentences import figure, findings

# --- a name the gazetteer does not know is not the country ------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("El terremoto en Marruecos deja 310 muertos. Según el Ministerio del Interior, la provincia más afectada es "
         "Taroudant, con 140 fallecidos, seguida de Azilal (3) y Oulad Zemrit (2).", "es", 2),
        ("Le séisme au Maroc a fait 300 morts. Selon le ministère, Taroudant compte 121 morts, Azilal (4) et "
         "Oulad Zemrit (2).", "fr", 2),
        ("Die Flut in Deutschland hat viele Opfer gefordert. Das Hochwasser an Lahn und Dill hat mindestens 45 "
         "Menschen das Leben gekostet.", "de", 45),
        ("Floods have hit Germany hard this week. In Oberwinkelbach, 12 people died on Tuesday, police said.", "en", 12),
    ],
)
def test_a_figure_placed_by_an_unknown_name_is_not_the_countrys(text: str, lang: str, value: int) -> None:
    claim = figure(text, lang, value)
    # placed, but by a name no map knows: set against no figure placed elsewhere
    assert claim.place_source == "unnamed" and claim.location not in ("Morocco", "Germany"), (claim.location, claim.place_source)


def test_the_known_provinces_of_the_same_list_keep_their_place() -> None:
    text = ("El terremoto en Marruecos deja 310 muertos. Según el Ministerio del Interior, la provincia más afectada es "
            "Taroudant, con 140 fallecidos, seguida de Azilal (3) y Oulad Zemrit (2).")
    assert figure(text, "es", 140).location == "Taroudant"
    assert figure(text, "es", 3).location == "Azilal"
    assert figure(text, "es", 310).location == "Morocco"


def test_an_unknown_provinces_one_death_hides_no_national_update(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Ya son 310 muertos por el terremoto en Marruecos\n\nDiario Costa, 4 de mayo de 2025\n\n"
                 "Según el Ministerio del Interior, la provincia más afectada es Taroudant, con 140 fallecidos, "
                 "seguida de Azilal (3) y Oulad Zemrit (1).\n",
        "b.txt": "El número de muertos por el terremoto asciende a 655\n\nDiario Costa, 6 de mayo de 2025\n\n"
                 "El terremoto que sacudió Marruecos el viernes dejó 655 muertos, según el Ministerio del Interior.\n",
    })
    updates = [f.message for f in found if f.kind == "update"]
    assert any("310" in m and "655" in m for m in updates), updates
    assert not any("“1”" in m for m in updates), updates


# --- a landmark is not the figure's place ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Nine people died in a village near Lyon on Sunday, the prefecture said.", "en", 9),
        ("Neuf personnes sont mortes dimanche dans un village près de Lyon, selon la préfecture.", "fr", 9),
        ("Neun Menschen starben am Sonntag in einem Dorf nahe Lyon, teilte die Präfektur mit.", "de", 9),
        ("Nueve personas murieron el domingo en un pueblo cerca de Lyon, según la prefectura.", "es", 9),
    ],
)
def test_a_town_after_near_is_not_where_the_figure_is(text: str, lang: str, value: int) -> None:
    assert figure(text, lang, value).location != "Lyon"


def test_the_province_described_by_a_landmark_keeps_its_figure() -> None:
    text = "La provincia más afectada es Chichaoua -al oeste de Marrakech y cercana al epicentro-, donde se registran ya 730 fallecidos."
    assert figure(text, "es", 730).location == "Chichaoua"


def test_south_of_a_country_is_still_that_country() -> None:
    text = "Au moins 61 personnes se sont noyées mercredi dans un naufrage au sud-ouest de la Grèce, selon les garde-côtes."
    assert figure(text, "fr", 61).location == "Greece"


def test_a_provinces_toll_beside_a_city_is_no_update_of_the_citys(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "El terremoto deja 300 muertos en Marruecos\n\nDiario Costa, 2 de febrero de 2025\n\n"
                 "Según el Ministerio del Interior, el terremoto dejó 300 muertos, de ellos 9 muertos en la prefectura de Marrakech.\n",
        "b.txt": "Las cifras de fallecidos tras el terremoto van en aumento\n\nDiario Costa, 5 de febrero de 2025\n\n"
                 "La provincia más afectada es Chichaoua -al oeste de Marrakech y cercana al epicentro-, donde se "
                 "registran ya 730 fallecidos, indicó el Ministerio del Interior.\n",
    })
    assert not [f.message for f in found if f.kind == "update" and "730" in f.message and "“9" in f.message]


# --- publication lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "lang", "day"),
    [
        ("12 minutes, 14 juin 2023", "fr", dt.date(2023, 6, 14)),
        ("Canal 9, 9 de septiembre de 2023", "es", dt.date(2023, 9, 9)),
        ("Oberlander Nachrichten, 16.07.2021", "de", dt.date(2021, 7, 16)),
        ("Oberlander Volksbote, 16. Juli 2021", "de", dt.date(2021, 7, 16)),
        ("17/06/2023 exemple-info.net", "fr", dt.date(2023, 6, 17)),
        ("Valley Courier, March 3, 2024", "en", dt.date(2024, 3, 3)),
    ],
)
def test_a_publication_line_gives_the_pages_date(tmp_path: Path, line: str, lang: str, day: dt.date) -> None:
    body = {
        "fr": "Le naufrage a fait au moins 40 morts mercredi, selon les garde-côtes.",
        "es": "El naufragio dejó al menos 40 muertos el miércoles, según los guardacostas.",
        "de": "Das Unglück hat am Mittwoch mindestens 40 Menschen das Leben gekostet, sagte die Polizei.",
        "en": "The shipwreck killed at least 40 people on Wednesday, the coast guard said.",
    }[lang]
    (tmp_path / "a.txt").write_text(f"Un titre inventé\n\n{line}\n\n{body}\n", encoding="utf-8")
    (doc,) = load_corpus([tmp_path]).documents
    assert doc.published == day


def test_two_pages_dated_by_their_publication_lines_are_compared(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a.txt": "Naufrage au large de la Grèce\n\n12 minutes, 14 juin 2023\n\n"
                 "Le naufrage a fait au moins 61 morts mercredi au large de la Grèce, selon les garde-côtes grecs.\n",
        "b.txt": "Naufrage : le bilan s'alourdit\n\n16/06/2023 exemple-info.net\n\n"
                 "Le bilan du naufrage au large de la Grèce s'élève désormais à 78 morts, selon les garde-côtes grecs.\n",
    })
    updates = [f.message for f in found if f.kind == "update"]
    assert any("61" in m and "78" in m for m in updates), [f.message for f in found]
