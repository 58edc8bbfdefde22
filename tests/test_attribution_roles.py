"""Who speaks when a bare office speaks, and disputes a sentence sets side by side (fr/en/de/es,
invented sentences).

"The Tarvena rights commission put the toll at 44. The president spoke of 21 dead": the
president is a voice of his own, not the commission named in the sentence before, so a change
from 21 to 44 is two voices, never one count moving. A pronoun still speaks for the speaker
named before it. "90 000 selon la police, un million selon les organisateurs": one sentence sets
the two counts against each other, so they are one crowd whatever their ratio.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import findings_and_claims

HEAD = "head of state"

BARE_OFFICE = {
    "en": "The Tarvena Rights Commission put the death toll at 44 on Monday. The president spoke of 21 dead in an interview.",
    "es": "La Comisión de Derechos de Tarvena cifró el lunes en 44 los muertos. Sin embargo, la víspera el mandatario habló de 21 muertos.",
    "fr": "La Commission Tarvena des Droits a annoncé lundi 44 morts. Le chef de l'État a parlé de 21 morts.",
    "de": "Die Tarvena-Menschenrechtskommission meldete am Montag 44 Tote. Der Präsident sprach von 21 Toten.",
}

PRONOUN = {
    "en": "The Tarvena Rights Commission put the death toll at 44 on Monday. On Tuesday it spoke of 51 dead.",
    "es": "La Comisión de Derechos de Tarvena cifró el lunes en 44 los muertos. El martes, dijo ella, eran 51 muertos.",
    "fr": "La Commission Tarvena des Droits a annoncé lundi 44 morts. Mardi, a-t-elle précisé, on comptait 51 morts.",
    "de": "Die Tarvena-Menschenrechtskommission meldete am Montag 44 Tote. Am Dienstag sprach sie von 51 Toten.",
}

DATELINES = {"en": "Published 20 March 2025", "es": "Publicado el 20 de marzo de 2025",
             "fr": "Publié le 20 mars 2025", "de": "Veröffentlicht am 20. März 2025"}


def _sources(tmp_path: Path, lang: str, body: str) -> dict[float, str | None]:
    _, claims = findings_and_claims(tmp_path, {"a.txt": f"{DATELINES[lang]}\n\n{body}\n"})
    return {c.value.low: c.attributed_to for c in claims.values() if c.value.low is not None}


@pytest.mark.parametrize("lang", sorted(BARE_OFFICE))
def test_a_bare_office_is_its_own_voice_not_the_body_before(tmp_path: Path, lang: str) -> None:
    sources = _sources(tmp_path, lang, BARE_OFFICE[lang])
    assert sources.get(21) == HEAD, sources
    assert sources.get(44) not in (None, HEAD), sources


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_pronoun_keeps_the_speaker_named_before(tmp_path: Path, lang: str) -> None:
    sources = _sources(tmp_path, lang, PRONOUN[lang])
    assert sources.get(51) is not None and sources.get(51) == sources.get(44), sources


ACRONYM = {
    "es": "La Comisión Nacional de Derechos Humanos (CNDH, por sus siglas en inglés) ha cifrado este lunes en 39 los muertos.",
    "en": "The National Rights Board (NRB, for its initials in Tarvenese) has put the toll at 39 dead.",
    "fr": "La Commission Nationale des Droits (CND, selon son acronyme anglais) a annoncé 39 morts.",
}


@pytest.mark.parametrize("lang", sorted(ACRONYM))
def test_a_bracketed_acronym_with_its_gloss_keeps_the_source(tmp_path: Path, lang: str) -> None:
    sources = _sources(tmp_path, lang, ACRONYM[lang])
    assert sources.get(39) is not None and "(" not in (sources.get(39) or ""), sources


def test_a_short_delegation_and_a_second_voice_after_while_are_two_voices(tmp_path: Path) -> None:
    body = ("La Delegación ha cifrado en unas 170.000 personas los asistentes a la protesta de Varnel mientras que "
            "los organizadores afirman que se han congregado casi medio millón.")
    sources = _sources(tmp_path, "es", body)
    assert sources.get(153000) == "Government Delegation" or "Government Delegation" in sources.values(), sources
    assert sorted(v for v in sources.values() if v) == ["Government Delegation", "organisers"], sources


SIDE_BY_SIDE = {
    "fr": "Selon la police, quelque 90 000 personnes ont manifesté ; les organisateurs l'ont estimé à un million.",
    "es": ("La Delegación del Gobierno ha cifrado en unas 90.000 personas los asistentes a la manifestación mientras que "
           "los organizadores afirman que se han congregado casi un millón de personas."),
    "en": "Police put the number of protesters at around 90,000, although organisers claimed it was closer to a million.",
}


@pytest.mark.parametrize("lang", sorted(SIDE_BY_SIDE))
def test_two_voices_far_apart_in_one_sentence_are_a_dispute(tmp_path: Path, lang: str) -> None:
    text = f"{DATELINES[lang]}\n\n{SIDE_BY_SIDE[lang]}\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    disputes = [f for f in found if f.kind == "dispute" and {claims[c].value.low for c in f.claims} >= {81000}]
    assert disputes, [(f.kind, f.message) for f in found]


def test_two_articles_far_apart_with_only_an_assumed_place_stay_apart(tmp_path: Path) -> None:
    docs = {"a.txt": "Grève en Espagne\nPublié le 14 mai 2025\n\nSelon la police, 20 000 personnes ont manifesté mercredi.\n",
            "b.txt": "Grève en Espagne\nPublié le 14 mai 2025\n\nSelon les organisateurs, 500 000 personnes ont manifesté mercredi.\n"}
    found, claims = findings_and_claims(tmp_path, docs)
    both = [f for f in found if {claims[c].value.low for c in f.claims} >= {20000, 500000}]
    assert not both, [(f.kind, f.message) for f in both]
