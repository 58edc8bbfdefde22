"""Short briefs and wire copy: a title and one sentence still get their language, a figure of a
text whose language is unknown keeps its qualifier, and the date lines agencies and small
sites write ("SEOUL, Oct. 31 (Yonhap) --", "site, 2023-03-02") give the publication day,
or none when the year cannot be established.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.corpus.language import detect_language
from consistency.corpus.readers import read_text
from consistency.extract.numbers import find_numbers
from consistency.model import Document
from tests.sentences import figures


def _doc(text: str) -> Document:
    """The document the tool reads from a plain-text file holding `text`."""
    return read_text(text.encode("utf-8"), id="a", path="a.txt")


# --- the language of a short brief -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Sturm auf Kreta\n04.02.2025\n\nDer Sturm Lena forderte mindestens 9 Tote auf Kreta.", "de"),
        ("Brand in Kiel\n\nEs gab mindestens sieben Verletzte.", "de"),
        ("Temporal en Murcia\n04/02/2025\n\nEl temporal dejó al menos 9 muertos.", "es"),
        ("Tormenta en Murcia\n\nHay al menos 9 muertos tras la tormenta.", "es"),
        ("Tempête en Corse\n04/02/2025\n\nLa tempête a fait 9 morts.", "fr"),
        ("Gale hits Orkney\n\nAt least 9 dead in the gale.", "en"),
    ],
)
def test_a_title_and_one_sentence_get_their_language(text: str, lang: str) -> None:
    assert detect_language(text) == lang
    assert _doc(text).language == lang


@pytest.mark.parametrize(
    "text",
    [
        "Tempesta sulla Sardegna\n04/02/2025\n\nLa tempesta ha causato almeno 9 morti nell'isola.",  # Italian
        "Tempestade nos Açores\n04/02/2025\n\nA tempestade causou pelo menos 9 mortos nas ilhas.",  # Portuguese
        "Storm op Texel\n04-02-2025\n\nDe storm eiste minstens 9 doden op het eiland.",  # Dutch
        "Tempesta a Menorca\n\nLa tempesta ha deixat almenys 9 morts a l'illa.",  # Catalan
    ],
)
def test_a_short_brief_in_a_language_without_a_pack_is_not_given_one(text: str) -> None:
    assert detect_language(text) not in {"fr", "en", "de", "es"}


def test_a_few_words_without_any_frequent_word_get_no_language() -> None:
    assert detect_language("Lena: 9 Tote") is None
    assert detect_language("Xaver wütet") is None


# --- figures of a text whose language is unknown ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("Lena: mindestens 9 Tote", "at_least"),
        ("Lena: mehr als 9 Tote", "more_than"),
        ("Lena: etwa 90 Verletzte", "approx"),
        ("Lena: al menos 9 muertos", "at_least"),
        ("Lena: más de 9 muertos", "more_than"),
        ("Lena: au moins 9 morts", "at_least"),
        ("Lena: at least 9 dead", "at_least"),
    ],
)
def test_an_unknown_language_keeps_every_language_s_qualifiers(text: str, qualifier: str) -> None:
    (found,) = find_numbers(text, None)
    assert found.qualifier == qualifier


@pytest.mark.parametrize("text", ["Lena: 9 Tote", "Lena: 9 muertos", "Lena: 9 dead"])
def test_an_unknown_language_leaves_a_bare_figure_exact(text: str) -> None:
    (found,) = find_numbers(text, None)
    assert (found.qualifier, found.value.low, found.value.high) == ("exact", 9, 9)


def test_a_short_german_brief_keeps_at_least_from_start_to_claim() -> None:
    doc = _doc("Sturm auf Kreta\n04.02.2025\n\nDer Sturm Lena forderte mindestens 9 Tote auf Kreta.")
    (claim,) = figures(doc.text, doc.language or "")
    assert doc.published == dt.date(2025, 2, 4)
    assert (claim.qualifier, claim.value.low, claim.value.high) == ("at_least", 9, None)


# --- wire date lines --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "published", "publisher", "dateline"),
    [
        # a day and a month, and a full date elsewhere in the article gives the year
        ("Toll rises\nOSLO, Feb. 4 (Reuters) -- The gale that struck the coast has killed nine people, officials "
         "said.\nThe warning was issued on Feb. 3, 2025.\n", dt.date(2025, 2, 4), "Reuters", "Oslo"),
        # its own year
        ("Toll rises\nOSLO, Feb. 4, 2025 (AP) — The gale that struck the coast has killed nine people, officials "
         "said.\n", dt.date(2025, 2, 4), "AP", "Oslo"),
        ("Temporal\nMURCIA, 4 feb. 2025 (EFE).- Las lluvias que cayeron sobre la costa dejaron al menos nueve "
         "muertos.\n", dt.date(2025, 2, 4), "EFE", "Murcia"),
        # no year anywhere: the day stays unknown rather than guessed
        ("Toll rises\nOSLO, Feb. 4 (Reuters) -- The gale that struck the coast has killed nine people, officials "
         "said on Tuesday.\n", None, "Reuters", "Oslo"),
        ("Temporal\nMURCIA, 4 Feb (EFE).- Las lluvias que cayeron sobre la costa dejaron al menos nueve muertos "
         "en la región.\n", None, "EFE", "Murcia"),
        # no day at all
        ("Sturm\nKiel (dpa) - Der Sturm, der über die Küste zog, hat mindestens neun Menschen das Leben "
         "gekostet.\n", None, "dpa", "Kiel"),
        ("Tempête\nRENNES (AFP) - La tempête qui a frappé la côte a fait au moins neuf morts, selon la "
         "préfecture.\n", None, "AFP", "Rennes"),
    ],
)
def test_agency_datelines_give_the_agency_the_place_and_the_day_when_it_is_certain(
    text: str, published: dt.date | None, publisher: str, dateline: str
) -> None:
    doc = _doc(text)
    assert (doc.published, doc.publisher, doc.dateline) == (published, publisher, dateline)


def test_a_dateline_is_not_dated_before_the_dates_the_article_tells_of() -> None:
    """An earlier event's full date is a year the dispatch cannot be from: "Feb. 4" after
    "June 3, 2024" is not 4 February 2024, and 2025 is too far from it to be sure."""
    doc = _doc("Toll rises\nOSLO, Feb. 4 (Reuters) — The gale that struck the coast has killed nine people, "
               "officials said.\nThe last such gale, on June 3, 2024, killed two.\n")
    assert doc.dateline == "Oslo"
    assert doc.published is None


@pytest.mark.parametrize(
    ("line", "published"),
    [
        ("thecoastalherald, 2025-02-04", dt.date(2025, 2, 4)),
        ("thecoastalherald.gr, 14/02/2025", dt.date(2025, 2, 14)),  # day first: 14 is no month
        ("Coast News, 4 février 2025", dt.date(2025, 2, 4)),
        ("the Coastal Herald, February 4, 2025", dt.date(2025, 2, 4)),
        ("Regard sur la Côte, 4 février 2025", dt.date(2025, 2, 4)),
        ("The Coastal Daily News (AP), February 4, 2025", dt.date(2025, 2, 4)),
        ("Küstenbote (dpa), 04.02.2025", dt.date(2025, 2, 4)),
    ],
)
def test_a_site_name_then_a_date_is_the_publication_date(line: str, published: dt.date) -> None:
    doc = _doc(f"Gale toll rises to nine\n{line}\n\nThe gale that struck the coast has killed nine people, officials said.\n")
    assert doc.published == published


@pytest.mark.parametrize(
    "line",
    [
        "officials, 2025-02-04 and 2025-02-05 brought new figures",
        "Selon la préfecture, le 4 février 2025",
        "Laut der Polizei des Landes, am 04.02.2025 gegen Mittag",
        "Según los bomberos de la costa, el 4 de febrero de 2025",
    ],
)
def test_a_sentence_that_starts_with_words_and_a_date_is_not_a_date_line(line: str) -> None:
    doc = _doc(f"Gale toll rises to nine\n{line}\n\nThe gale killed nine.\n")
    assert doc.published is None


@pytest.mark.parametrize(
    ("paragraph", "publisher", "dateline"),
    [
        ("Kiel (dpa/lno) - Der Sturm, der über die Küste zog, hat mindestens neun Menschen das Leben gekostet.",
         "dpa", "Kiel"),
        ("MURCIA.- Las lluvias que cayeron sobre la costa dejaron al menos nueve muertos en la región.", None, "Murcia"),
    ],
)
def test_a_regional_desk_and_a_dot_before_the_dash_are_read(paragraph: str, publisher: str | None, dateline: str) -> None:
    doc = _doc(f"Sturm\n{paragraph}\n")
    assert (doc.publisher, doc.dateline) == (publisher, dateline)
