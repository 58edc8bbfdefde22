"""Who said it and when the event happened, as a fact-checker reads them (fr/en/de/es,
invented sentences).

A time in a clause about the site of an event ("rescuers were at the site of the earthquake
on Thursday") dates the presence there, not the event. A plural subject with its say-verb
("the officials claim that…") is the figure's source. A news agency a speaker talks to ("a
déclaré à l'AFP Ana Torres", "told Reuters") passes the words on: the speaker is the source.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.extract import extract_claims
from consistency.model import Claim, Document, TimeSpan
from tests.sentences import figure, findings, findings_and_claims

DAY = dt.date(2025, 3, 14)  # a Friday


def dates(text: str, lang: str) -> list[Claim]:
    d = Document(id="a", path="a.txt", text=text, language=lang, published=DAY)
    return [c for c in extract_claims(d) if c.kind == "date"]


def days(text: str, lang: str) -> set[dt.date | None]:
    return {c.value.low for c in dates(text, lang) if isinstance(c.value, TimeSpan)}


TUESDAY, THURSDAY = dt.date(2025, 3, 11), dt.date(2025, 3, 13)

AT_THE_SITE = {
    "en": "Twelve rescue teams were at the site of the earthquake on Thursday, the civil defence said.",
    "fr": "Une douzaine d'équipes de secours étaient présentes jeudi sur les lieux du séisme, a indiqué la protection civile.",
    "de": "Zwölf Rettungsteams waren am Donnerstag am Ort des Erdbebens im Einsatz, teilte der Zivilschutz mit.",
    "es": "Doce equipos de rescate estaban el jueves en el lugar del terremoto, informó la defensa civil.",
}

AT_THE_FUNERAL = {
    "en": "Hundreds attended the funeral of the victims of the earthquake on Thursday in Varno.",
    "fr": "Des centaines de personnes ont assisté jeudi aux obsèques des victimes du séisme à Varno.",
    "de": "Hunderte nahmen am Donnerstag an der Trauerfeier für die Opfer des Erdbebens in Varno teil.",
    "es": "Cientos de personas asistieron el jueves al funeral de las víctimas del terremoto en Varno.",
}

STRUCK = {
    "en": "The earthquake struck the Varno region on Tuesday.",
    "fr": "Le séisme a frappé mardi la région de Varno.",
    "de": "Das Erdbeben erschütterte am Dienstag die Region Varno.",
    "es": "El terremoto sacudió el martes la región de Varno.",
}


@pytest.mark.parametrize("lang", sorted(AT_THE_SITE))
def test_a_day_at_the_site_of_the_event_is_not_its_date(lang: str) -> None:
    assert THURSDAY not in days(AT_THE_SITE[lang], lang)


@pytest.mark.parametrize("lang", sorted(AT_THE_FUNERAL))
def test_the_day_of_the_victims_funeral_is_not_the_event_date(lang: str) -> None:
    assert THURSDAY not in days(AT_THE_FUNERAL[lang], lang)


@pytest.mark.parametrize("lang", sorted(STRUCK))
def test_the_verb_of_the_event_still_dates_it(lang: str) -> None:
    assert TUESDAY in days(STRUCK[lang], lang)


def test_a_day_inside_the_site_phrase_still_dates_the_event() -> None:
    assert TUESDAY in days("Rescuers reached the site of Tuesday's earthquake in Varno.", "en")


@pytest.mark.parametrize("lang", sorted(STRUCK))
def test_rescuers_on_site_later_give_no_date_contradiction(tmp_path: Path, lang: str) -> None:
    found = findings(tmp_path, {"a.txt": f"Published 12 March 2025\n\n{STRUCK[lang]}\n",
                                "b.txt": f"Published 14 March 2025\n\n{AT_THE_SITE[lang]}\n"})
    assert not [f for f in found if f.rule == "date-contradiction"], [(f.rule, f.message) for f in found]


# --- plural speakers --------------------------------------------------------------------

PLURAL_SPEAKERS = {
    "fr": ("En Norvalie, les responsables du gouvernement affirment que quelque 3 000 personnes ont été blessées.", 3000),
    "es": ("En Norvalia, los funcionarios del gobierno afirman que unas 3.000 personas resultaron heridas.", 3000),
    "de": ("Die Behörden sagen, dass rund 3.000 Menschen verletzt wurden.", 3000),
    "en": ("Government officials claim that some 3,000 people were injured in Norvalia.", 3000),
}


@pytest.mark.parametrize("lang", sorted(PLURAL_SPEAKERS))
def test_a_plural_subject_and_its_say_verb_give_the_source(lang: str) -> None:
    text, value = PLURAL_SPEAKERS[lang]
    assert figure(text, lang, value).attributed_to is not None


# --- the agency spoken to is not the speaker ---------------------------------------------

TOLD_AN_AGENCY = {
    "fr": "« Jusqu'ici, environ 80 personnes ont perdu la vie », a déclaré à l'AFP Ana Torres, responsable de la protection civile.",
    "es": "«Hasta ahora han muerto unas 80 personas», dijo a EFE Ana Torres, responsable de la defensa civil.",
    "de": "„Bisher sind etwa 80 Menschen ums Leben gekommen“, sagte Ana Torres der Nachrichtenagentur dpa.",
    "en": "\"So far about 80 people have died,\" Ana Torres, head of civil defence, told Reuters.",
}

AGENCY_SPEAKS = {
    "fr": "Environ 80 personnes ont perdu la vie, a rapporté l'AFP.",
    "es": "Unas 80 personas murieron, informó la agencia EFE.",
    "de": "Etwa 80 Menschen kamen ums Leben, meldete die Nachrichtenagentur dpa.",
    "en": "About 80 people died, Reuters reported.",
}


@pytest.mark.parametrize("lang", sorted(TOLD_AN_AGENCY))
def test_the_speaker_not_the_agency_spoken_to_is_the_source(lang: str) -> None:
    assert figure(TOLD_AN_AGENCY[lang], lang, 80).attributed_to == "Ana Torres"


@pytest.mark.parametrize("lang", sorted(AGENCY_SPEAKS))
def test_an_agency_that_reports_is_still_the_source(lang: str) -> None:
    assert figure(AGENCY_SPEAKS[lang], lang, 80).attributed_to is not None


def test_a_day_before_the_agency_spoken_to_keeps_the_speaker() -> None:
    text = "« Le bilan est de plus de 80 morts », a déclaré jeudi à l'AFP Ana Torres, porte-parole de la protection civile."
    assert figure(text, "fr", 80).attributed_to == "Ana Torres"


def test_a_listener_that_is_no_agency_stays_out_of_the_cut() -> None:
    text = "Environ 80 personnes sont mortes, a déclaré au ministre le préfet de Varno."
    assert figure(text, "fr", 80).attributed_to != "AFP"


DISPUTE = {
    "fr": ("Publié le 15 mai 2025\n\nLe ministre de l'Intérieur Oren Tash a fait état mercredi de 120 morts à Halvik. "
           "« Au moins 190 personnes sont mortes à Halvik », a déclaré à l'AFP Ana Torres, de la Croix-Rouge.\n"),
    "en": ("Published 15 May 2025\n\nPrime Minister Oren Tash put the death toll at 120 people on Wednesday. "
           "However, at least 190 people died, Ana Torres, head of the Red Cross, told Reuters.\n"),
}


@pytest.mark.parametrize("lang", sorted(DISPUTE))
def test_two_named_speakers_still_dispute_through_an_agency(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": DISPUTE[lang]})
    disputes = [f for f in found if f.rule == "attribution-dispute"]
    assert disputes, [(f.rule, f.message) for f in found]
    sources = {claims[c].attributed_to for f in disputes for c in f.claims}
    assert len(sources) == 2 and None not in sources and not sources & {"AFP", "Reuters"}
