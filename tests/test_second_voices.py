"""A second voice that answers the first in one sentence keeps its own figure: a figure owned
by a source named right after it ("frente a los 30.000 de los organizadores"), a bare figure
of a voice named after the first figure ("mientras que los organizadores estiman que fueron
90.000"), and a counting group named after a common noun ("el grupo independiente 'Registro
de Concentraciones'"). Invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La policía cifró en 8.000 los manifestantes del miércoles en Sevilla, frente a los 30.000 de los "
         "organizadores.", "es"),
        ("La police a compté 8 000 manifestants mercredi à Lyon, contre les 30 000 des organisateurs.", "fr"),
    ],
)
def test_a_figure_owned_by_the_source_right_after_it(text: str, lang: str) -> None:
    assert figure(text, lang, 8000).attributed_to == "police"
    owned = figure(text, lang, 30000)
    assert owned.attributed_to == "organisers"
    assert owned.category == "protesters"


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Los 48 de los agentes heridos el miércoles en Sevilla fueron atendidos en el hospital.", "es", 48),
        ("Les 300 des policiers blessés mercredi à Lyon ont été soignés à l'hôpital.", "fr", 300),
    ],
)
def test_some_of_a_group_is_not_owned_by_it(text: str, lang: str, value: float) -> None:
    assert figure(text, lang, value).attributed_to is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La policía contó ayer 20.000 manifestantes en Sevilla, mientras que los organizadores estiman que "
         "fueron 90.000.", "es"),
        ("Police counted 20,000 protesters in Lyon on Saturday, while the organisers estimated that there were "
         "90,000.", "en"),
    ],
)
def test_a_second_voice_gives_its_own_figure_of_the_same_count(text: str, lang: str) -> None:
    first, second = figure(text, lang, 20000), figure(text, lang, 90000)
    assert (first.attributed_to, second.attributed_to) == ("police", "organisers")
    assert second.category == first.category
    assert second.time == first.time


def test_a_bare_figure_after_another_clause_is_not_a_second_count() -> None:
    text = "Police counted 20,000 protesters in Lyon on Saturday, and the mayor said 40 were arrested."
    assert [c.value.low for c in figures(text, "en") if c.category == "protesters"] == [20000]


@pytest.mark.parametrize(
    ("text", "lang", "value", "origin"),
    [
        ("El presidente Tomás Rivera dijo que en la plaza de Sevilla había ayer solo unas 20.000 personas, "
         "mientras que el grupo independiente 'Registro de Concentraciones' estima que fueron 90.000.", "es", 90000,
         "Registro de Concentraciones"),
        ("While the government said 20,000 people took part in the rally in Lyon on Saturday, independent "
         "monitoring group the Public Count Archive estimated that as many as 90,000 people were present.", "en",
         90000, "Public Count Archive"),
    ],
)
def test_a_counting_group_named_after_a_common_noun(text: str, lang: str, value: float, origin: str) -> None:
    assert figure(text, lang, value).attributed_to == origin


def test_a_common_noun_alone_names_no_group() -> None:
    text = "La policía contó ayer 20.000 manifestantes en Sevilla, mientras que el grupo de vecinos estima que fueron 90.000."
    assert [c.attributed_to for c in figures(text, "es") if c.value.low == 90000] in ([], [None])


def test_the_owned_figure_makes_a_dispute(tmp_path: Path) -> None:
    found = findings(tmp_path, {"a_es.txt": "Marcha en Sevilla\nEl Correo, 12 de febrero de 2025\n\n"
                                            "La policía cifró en 8.000 los manifestantes del miércoles en Sevilla, "
                                            "frente a los 30.000 de los organizadores.\n"})
    assert sorted(f.kind for f in found if f.kind in ("dispute", "contradiction")) == ["dispute"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Nach Angaben des Archivs der öffentlichen Versammlungen protestierten am Samstag etwa 50.000 Menschen in "
         "Belgrad.", "de"),
        ("Selon les archives des rassemblements publics, environ 50 000 personnes ont manifesté samedi à Belgrade.", "fr"),
        ("Según el Archivo de Reuniones Públicas, unas 50.000 personas se manifestaron el sábado en Belgrado.", "es"),
        ("About 50,000 people rallied in Belgrade on Saturday, according to the Public Meeting Archive.", "en"),
    ],
)
def test_a_counting_group_is_one_voice_in_every_language(text: str, lang: str) -> None:
    assert figure(text, lang, 50000).attributed_to == "Public Gatherings Archive"
