"""Publication dates, times of day, updates and datelines, as news pages write them."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.corpus import read_document
from consistency.model import Document

BODY = {
    "fr": (
        "Les secours ont poursuivi leurs recherches toute la nuit dans les quartiers inondés, "
        "selon la préfecture, qui a ouvert trois centres d'accueil pour les habitants évacués. "
        "Le maire a demandé aux riverains de ne pas revenir chez eux avant la fin de la semaine.\n"
    ),
    "en": (
        "Rescue teams worked through the night in the flooded districts, the regional authority said, "
        "and three shelters were opened for residents who had to leave their homes. The mayor asked "
        "people not to return before the end of the week while engineers inspect the bridges.\n"
    ),
    "de": (
        "Die Rettungskräfte haben die ganze Nacht in den überfluteten Stadtteilen gesucht, teilte die "
        "Kreisverwaltung mit, die drei Notunterkünfte für die evakuierten Bewohner eingerichtet hat. "
        "Der Bürgermeister bat die Anwohner, nicht vor dem Ende der Woche in ihre Häuser zurückzukehren.\n"
    ),
    "es": (
        "Los equipos de rescate trabajaron durante toda la noche en los barrios inundados, según la "
        "delegación del Gobierno, que ha abierto tres albergues para los vecinos desalojados. El alcalde "
        "pidió a los residentes que no vuelvan a sus casas antes del final de la semana.\n"
    ),
}
TITLE = {
    "fr": "Inondations : les secours mobilisés toute la nuit",
    "en": "Floods: rescue teams work through the night",
    "de": "Hochwasser: Rettungskräfte die ganze Nacht im Einsatz",
    "es": "Inundaciones: los equipos de rescate trabajan toda la noche",
}


def _page(lang: str, header: str, first_paragraph: str = "", name: str = "article.txt") -> Document:
    text = TITLE[lang] + "\n" + header + "\n\n" + first_paragraph + BODY[lang] + "\n" + BODY[lang] * 2
    return read_document(text.encode("utf-8"), id=Path(name).stem, path=name, suffix=Path(name).suffix)


def _at(hour: int, minute: int) -> int:
    return hour * 60 + minute


def _stamps(document: Document) -> tuple[object, ...]:
    return (document.published, document.published_minute, document.updated, document.updated_minute)


D = dt.date


@pytest.mark.parametrize(
    "lang, header, expected",
    [
        # a date sharing its line with page furniture
        ("fr", "Mardi 14 mars 2023 · mis à jour à 17h26", (D(2023, 3, 14), None, D(2023, 3, 14), _at(17, 26))),
        (
            "fr",
            "Vendredi 6 octobre 2023, 07:41 — Dernière mise à jour : 16:03",
            (D(2023, 10, 6), _at(7, 41), D(2023, 10, 6), _at(16, 3)),
        ),
        ("fr", "Lundi 11 septembre 2023 · 10:12", (D(2023, 9, 11), _at(10, 12), None, None)),
        ("fr", "Mercredi 11 décembre 2019 – 20:31", (D(2019, 12, 11), _at(20, 31), None, None)),
        ("fr", "5 août 2021", (D(2021, 8, 5), None, None, None)),
        ("en", "Thursday, September 14, 2023 | 8:05 AM", (D(2023, 9, 14), _at(8, 5), None, None)),
        ("en", "Saturday, March 2, 2024 | Live blog closed", (D(2024, 3, 2), None, None, None)),
        ("en", "Sun, Oct 15, 2023, 4:27 PM HST", (D(2023, 10, 15), _at(16, 27), None, None)),
        ("en", "July 2, 2024 · 11:20", (D(2024, 7, 2), _at(11, 20), None, None)),
        ("en", "Tuesday 2 July 2024 · 17:45 CEST", (D(2024, 7, 2), _at(17, 45), None, None)),
        ("en", "18.06.2023, 11:20 | World", (D(2023, 6, 18), _at(11, 20), None, None)),
        ("de", "Sonntag, 18. Juli 2021 · 12:09", (D(2021, 7, 18), _at(12, 9), None, None)),
        ("de", "Donnerstag, 22. Juli 2021", (D(2021, 7, 22), None, None, None)),
        ("de", "13.10.2023, 10:35 Uhr", (D(2023, 10, 13), _at(10, 35), None, None)),
        ("de", "11.02.2022, 15:05 Uhr | Lesezeit: 4 Min.", (D(2022, 2, 11), _at(15, 5), None, None)),
        ("es", "Miércoles, 6 de noviembre de 2024, 18:55", (D(2024, 11, 6), _at(18, 55), None, None)),
        ("es", "16/12/2024 - 09:12h", (D(2024, 12, 16), _at(9, 12), None, None)),
        # label lines
        (
            "fr",
            "Publié le 12/10/2023 à 14h10, mis à jour à 16h55",
            (D(2023, 10, 12), _at(14, 10), D(2023, 10, 12), _at(16, 55)),
        ),
        (
            "fr",
            "Publié le 03/04/2022 à 09h05 · Mis à jour le 04/04/2022 à 11h30",
            (D(2022, 4, 3), _at(9, 5), D(2022, 4, 4), _at(11, 30)),
        ),
        ("fr", "Mis en ligne le dimanche 23 juin 2024 à 19h40", (D(2024, 6, 23), _at(19, 40), None, None)),
        ("fr", "Casablanca, le 16/10/2023 - 09:20 | Lecture : 4 min", (D(2023, 10, 16), _at(9, 20), None, None)),
        (
            "fr",
            "07.02.2020, 09:25 | Mis à jour 07.02.2020, 11:48",
            (D(2020, 2, 7), _at(9, 25), D(2020, 2, 7), _at(11, 48)),
        ),
        ("fr", "Par Claire Dupont, publié le 12 mars 2024 à 9h", (D(2024, 3, 12), _at(9, 0), None, None)),
        (
            "en",
            "Posted Sept. 3, 2023 · 7:10 p.m. HST | Updated Sept. 4, 2023 · 9:25 a.m. HST",
            (D(2023, 9, 3), _at(19, 10), D(2023, 9, 4), _at(9, 25)),
        ),
        # an update without a publication date: the day is kept, not the time
        ("en", "Updated Oct. 2, 2023, 5:52 p.m. ET", (D(2023, 10, 2), None, D(2023, 10, 2), _at(17, 52))),
        ("en", "Published: 2024-07-19 22:15 GMT", (D(2024, 7, 19), _at(22, 15), None, None)),
        ("en", "Published: 2023-10-05", (D(2023, 10, 5), None, None, None)),
        ("en", "By Mark Ellison | Mar 3, 2025 12:15 PM ET", (D(2025, 3, 3), _at(12, 15), None, None)),
        ("en", "By Mark Ellison | Mar 3, 2025 12:05 a.m. ET", (D(2025, 3, 3), _at(0, 5), None, None)),
        ("de", "Veröffentlicht am 14.08.2021 um 06:47 Uhr", (D(2021, 8, 14), _at(6, 47), None, None)),
        (
            "es",
            "Publicado: 04/12/2024 10:21 · Actualizado: 04/12/2024 14:02",
            (D(2024, 12, 4), _at(10, 21), D(2024, 12, 4), _at(14, 2)),
        ),
        ("es", "Publicado 04/12/2024 · Actualizado 14:05", (D(2024, 12, 4), None, D(2024, 12, 4), _at(14, 5))),
        # unknown rather than wrong
        ("en", "Posted 05/06/2025 · 9:30 a.m.", (None, None, None, None)),
    ],
)
def test_publication_line(lang: str, header: str, expected: tuple[object, ...]) -> None:
    document = _page(lang, header)
    assert document.language == lang
    assert _stamps(document) == expected
    assert document.title == TITLE[lang]


def test_update_time_alone_on_the_next_line_is_on_the_date_above() -> None:
    document = _page("fr", "Jeudi 7 mars 2024\nMis à jour à 18h20")
    assert _stamps(document) == (D(2024, 3, 7), None, D(2024, 3, 7), _at(18, 20))


@pytest.mark.parametrize(
    "lang, header, opening, dateline, published",
    [
        ("en", "", "TRIPOLI, Libya, Sept 13 (Reuters) — ", "Tripoli, Libya", None),
        ("en", "Published: 2023-09-14", "TRIPOLI, Libya, Sept 13 (Reuters) — ", "Tripoli, Libya", D(2023, 9, 14)),
        ("en", "", "HILO, Hawaii, Aug 12 (PWS) – ", "Hilo, Hawaii", None),
        (
            "en",
            "Updated Aug. 14, 2023, 9:00 a.m. HST",
            "HILO, Hawaii, Aug 12 (PWS) – ",
            "Hilo, Hawaii",
            D(2023, 8, 12),
        ),
        ("en", "Updated Jan. 2, 2024", "KYIV, Dec 31 (Meridian) - ", "Kyiv", D(2023, 12, 31)),
        ("en", "", "ODESA, Ukraine, June 9 (DPA) – ", "Odesa, Ukraine", None),
        ("en", "", "AMMAN, Jordan — ", "Amman, Jordan", None),
        ("en", "", "NEW DELHI — ", "New Delhi", None),
        ("fr", "", "LYON — ", "Lyon", None),
        ("fr", "Vendredi 8 mars 2024 · 09:10", "RENNES, 7 mars (AFP) - ", "Rennes", D(2024, 3, 8)),
        ("es", "Actualizado: 05/11/2024 10:00", "Alzira, 4 nov (EFE).- ", "Alzira", D(2024, 11, 4)),
        ("de", "", "Trier/Bitburg (wap) – ", "Trier/Bitburg", None),
        ("de", "", "Bad Münstereifel/Euskirchen – ", "Bad Münstereifel/Euskirchen", None),
        ("de", "", "Mainz – ", "Mainz", None),
        # section names and people open paragraphs too: not places
        ("fr", "", "INTERNATIONAL — ", None, None),
        ("fr", "", "Emmanuel Macron – qui était attendu – a annulé. ", None, None),
        ("en", "", "Friday — ", None, None),
    ],
)
def test_dateline(lang: str, header: str, opening: str, dateline: str | None, published: dt.date | None) -> None:
    document = _page(lang, header or "", opening)
    assert document.dateline == dateline
    assert document.published == published


def test_a_dateline_is_only_read_at_the_start_of_the_article() -> None:
    text = TITLE["en"] + "\n\n" + BODY["en"] + "\n" + BODY["en"] + "\nBOSTON — " + BODY["en"] * 2
    document = read_document(text.encode(), id="a", path="a.txt")
    assert document.dateline is None


def test_declared_date_keeps_its_own_time() -> None:
    header = "---\npublished: 2025-03-03\n---\n" + TITLE["fr"] + "\nPublié le 04/03/2025 à 10h\n\n"
    other_day = header + BODY["fr"] * 3
    document = read_document(other_day.encode(), id="a", path="a.md", suffix=".md")
    assert (document.published, document.published_minute) == (D(2025, 3, 3), None)
    same_day = other_day.replace("2025-03-03", "2025-03-04")
    document = read_document(same_day.encode(), id="a", path="a.md", suffix=".md")
    assert (document.published, document.published_minute) == (D(2025, 3, 4), _at(10, 0))


def test_declared_date_time_gives_the_minute() -> None:
    text = "---\npublished: 2025-03-04 16:16:00\nupdated: 2025-03-05T08:02:00Z\n---\n" + BODY["en"] * 3
    document = read_document(text.encode(), id="a", path="a.md", suffix=".md")
    assert _stamps(document) == (D(2025, 3, 4), _at(16, 16), D(2025, 3, 5), _at(8, 2))
