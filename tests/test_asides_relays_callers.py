"""Who gives a crowd figure, in three constructions (fr/en/de/es, invented sentences).

- A dashed or bracketed aside right after the counted noun, each figure with its source
  ("Les manifestants – 150 000 selon la police, 500 000 selon les organisateurs – …"): both
  figures count that noun, each its own source's.
- A news agency after a figure that a speaker of the clause gives ("la police a avancé le
  chiffre de 45 000, selon l'agence de presse X") relays it: the speaker is the source.
- A body an article names as the caller of the event ("une grève à l'appel du syndicat X")
  speaks for the organisers there: its figure never disputes theirs.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.extract.attribution import Attribution, find_attributions, is_relay
from consistency.extract.lexicon import load_lexicon
from tests.sentences import figures, findings_and_claims

HEAD = {"fr": "Vendredi 7 mars 2025", "en": "Friday 7 March 2025", "de": "Freitag, 7. März 2025", "es": "Viernes, 7 de marzo de 2025"}
ASIDES = {
    "fr": "Les manifestants – 150 000 selon la police, 500 000 selon les organisateurs – ont défilé samedi à Lisbonne.",
    "en": "The protesters – 150,000 according to police, 500,000 according to organisers – marched in Lisbon on Saturday.",
    "de": "Die Demonstranten – 150.000 laut Polizei, 500.000 laut Veranstaltern – zogen am Samstag durch Lissabon.",
    "es": "Los manifestantes –150.000 según la policía, 500.000 según los organizadores– marcharon el sábado en Lisboa.",
}


def _sources(text: str, lang: str) -> dict[float | None, tuple[str | None, str | None]]:
    return {c.value.low: (c.attributed_to, c.category) for c in figures(text, lang)}


@pytest.mark.parametrize("lang", sorted(ASIDES))
def test_dashed_aside_gives_each_source_its_figure(lang: str) -> None:
    read = _sources(ASIDES[lang], lang)
    assert read.get(150000) == ("police", "protesters"), read
    assert read.get(500000) == ("organisers", "protesters"), read


def test_bracketed_aside_counts_the_noun_before_it() -> None:
    read = _sources("Les manifestants (80 000 selon la préfecture, 200 000 selon les syndicats) ont défilé samedi à Lyon.", "fr")
    assert read.get(80000, (None, None))[1] == "protesters", read
    assert read.get(200000, (None, None))[1] == "protesters", read


@pytest.mark.parametrize("lang", sorted(ASIDES))
def test_dashed_aside_is_a_dispute(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{HEAD[lang]}\n\n{ASIDES[lang]}\n"})
    disputes = [f for f in found if f.kind == "dispute" and {claims[c].value.low for c in f.claims} == {150000, 500000}]
    assert disputes, [(f.kind, f.message) for f in found]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Samedi – 150 000 selon la police – a été une journée calme à Lisbonne."),
    ("en", "The march – 150,000 according to police – was calm."),
    ("fr", "Les manifestants – 150 000 au total – ont défilé samedi à Lisbonne."),
])
def test_aside_without_counted_noun_or_source_counts_nothing_new(lang: str, text: str) -> None:
    """No counted noun right before the aside, or no source right after the figure: the aside
    may hold anything, and the figure is not read as a count of protesters."""
    assert all(c.category not in ("protesters", "people") for c in figures(text, lang)), _sources(text, lang)


RELAYED = {
    "fr": "La police locale a cependant avancé le chiffre de 45 000 personnes, selon l'agence de presse Lusa.",
    "en": "Local police put the figure at 45,000 people, according to the Lusa news agency.",
    "de": "Die Polizei bezifferte die Zahl auf 45.000 Menschen, berichtete die Nachrichtenagentur Lusa.",
    "es": "La policía local rebajó la cifra a 45.000 personas, según la agencia Lusa.",
}


@pytest.mark.parametrize("lang", sorted(RELAYED))
def test_agency_after_the_speakers_figure_is_a_relay(lang: str) -> None:
    assert _sources(RELAYED[lang], lang).get(45000, (None,))[0] == "police", _sources(RELAYED[lang], lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("en", "Police put the figure at 45,000 people, according to Reuters."),
    ("fr", "La police a avancé le chiffre de 45 000 personnes, selon l'AFP."),
])
def test_wire_agency_is_a_relay(lang: str, text: str) -> None:
    assert _sources(text, lang).get(45000, (None,))[0] == "police", _sources(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Environ 45 000 personnes ont défilé à Braga, selon l'agence de presse Lusa."),
    ("en", "About 45,000 people marched in Braga, according to the Lusa news agency."),
])
def test_agency_alone_is_not_replaced_by_another_speaker(lang: str, text: str) -> None:
    """No speaker in the clause: the agency's figure is not given to anyone else."""
    assert _sources(text, lang).get(45000, (None,))[0] != "police"


def test_agency_of_another_kind_is_no_relay() -> None:
    assert is_relay(Attribution(0, 1, None, "l'agence de presse Lusa", 1))
    assert is_relay(Attribution(0, 1, "Lusa", "la agencia Lusa", 1))
    assert is_relay(Attribution(0, 1, "Reuters", "Reuters", 1))
    assert not is_relay(Attribution(0, 1, None, "l'agence régionale de santé", 1))
    assert not is_relay(Attribution(0, 1, "South Korean intelligence", "South Korea's spy agency", 1))
    assert not is_relay(Attribution(0, 1, "police", "la police", 1))


CALLED = {
    "fr": ("Le Portugal est paralysé vendredi par une grève générale à l'appel du syndicat FNTU.",
           "À Lisbonne, la FNTU a revendiqué 90 000 manifestants vendredi.",
           "À Lisbonne, 240 000 personnes ont manifesté vendredi selon les organisateurs."),
    "en": ("Portugal was brought to a halt on Friday by a general strike called by the FNTU union.",
           "In Lisbon, the FNTU said 90,000 protesters marched on Friday.",
           "In Lisbon, 240,000 people marched on Friday, according to organisers."),
    "de": ("Portugal stand am Freitag still, bei einem Generalstreik auf Aufruf der Gewerkschaft FNTU.",
           "In Lissabon demonstrierten am Freitag nach Angaben der FNTU 90.000 Menschen.",
           "In Lissabon demonstrierten am Freitag laut Veranstaltern 240.000 Menschen."),
    "es": ("Portugal vive este viernes una huelga general convocada por el sindicato FNTU.",
           "En Lisboa, la FNTU aseguró que marcharon 90.000 personas el viernes.",
           "En Lisboa marcharon 240.000 personas el viernes, según los organizadores."),
}


def _disputes(tmp_path: Path, lang: str, caller_line: bool) -> list[str]:
    called, union, organisers = CALLED[lang]
    first = f"{HEAD[lang]}\n\n{called + ' ' if caller_line else ''}{union}\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": first, "b.txt": f"{HEAD[lang]}\n\n{organisers}\n"})
    return [f.kind for f in found if {claims[c].value.low for c in f.claims} == {90000, 240000}]


@pytest.mark.parametrize("lang", sorted(CALLED))
def test_the_caller_speaks_for_the_organisers(tmp_path: Path, lang: str) -> None:
    assert "dispute" not in _disputes(tmp_path, lang, caller_line=True)


@pytest.mark.parametrize("lang", sorted(CALLED))
def test_caller_claim_is_read_as_the_organisers(lang: str) -> None:
    called, union, _ = CALLED[lang]
    assert _sources(f"{HEAD[lang]}\n\n{called} {union}\n", lang).get(90000, (None,))[0] == "organisers"


@pytest.mark.parametrize("lang", sorted(CALLED))
def test_a_body_not_named_as_caller_keeps_its_name(lang: str) -> None:
    _, union, _ = CALLED[lang]
    assert _sources(f"{HEAD[lang]}\n\n{union}\n", lang).get(90000, (None,))[0] == "FNTU"


def test_the_caller_against_the_police_stays_a_dispute(tmp_path: Path) -> None:
    called, union, _ = CALLED["fr"]
    police = "À Lisbonne, 60 000 personnes ont manifesté vendredi selon la police."
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{HEAD['fr']}\n\n{called} {union}\n",
                                                   "b.txt": f"{HEAD['fr']}\n\n{police}\n"})
    assert any(f.kind == "dispute" and {claims[c].value.low for c in f.claims} == {90000, 60000} for f in found), \
        [(f.kind, f.message) for f in found]



@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Les personnes – 80 000 selon la police, 300 000 selon les organisateurs – réunies samedi à Lyon, ont défilé."),
    ("en", "The people – 80,000 according to police, 300,000 according to organisers – gathered in Leeds, marched."),
    ("de", "Die Menschen – 80.000 laut Polizei, 300.000 nach Angaben der Veranstalter – versammelten sich in Jena."),
    ("es", "Las personas – 80.000 según la policía, 300.000 según los organizadores – reunidas en Jaén, marcharon."),
])
def test_a_dash_closes_the_source_of_the_aside(lang: str, text: str) -> None:
    """The clause after the closing dash is not part of the last source's name."""
    last = find_attributions(text, 0, len(text), load_lexicon(), lang)[-1]
    assert last.origin == "organisers" and "–" not in last.text and "réunies" not in last.text, last
