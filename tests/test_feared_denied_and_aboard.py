"""Three ways a figure beside a toll is not the toll (fr/en/de/es, invented sentences):
a toll feared in a headline ("Dozens feared dead", "Dutzende Tote … befürchtet", "gehen …
von über 200 Toten aus") is a projection; a figure whose verb is denied ("cannot be
identified", "n'ont pas encore été identifiés", "noch nicht identifiziert") counts those NOT in
that state and is left out; people travelling on a vessel ("viajaban", "were travelling",
"carrying") are those aboard, never the dead, even in a story of a shipwreck."""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests import sentences

# --- a toll feared in a headline ------------------------------------------------------------------

FEARED = {
    "fr": ("Naufrage au large de Tarvo : on craint des centaines de morts.",
           "Naufrage au large de Tarvo : des centaines de morts."),
    "en": ("Dozens feared dead after the ferry sank off Tarvo.",
           "Dozens dead after the ferry sank off Tarvo."),
    "es": ("Naufragio frente a Tarvo: se teme que haya cientos de muertos.",
           "Naufragio frente a Tarvo: cientos de muertos."),
    "de": ("Dutzende Tote bei Fährunglück vor Tarvo befürchtet",
           "Dutzende Tote bei Fährunglück vor Tarvo geborgen"),
}
FEARED_MORE = {
    "en": ("Dozens are feared dead after the ferry sank.", "Dozens are dead after the ferry sank."),
    "de": ("Die Behörden gehen nach dem Unglück von mehr als 200 Toten aus.",
           "Die Behörden meldeten nach dem Unglück mehr als 200 Tote."),
}


def only_claim(text: str, lang: str) -> Claim:
    (claim,) = sentences.figures(text, lang)
    return claim


@pytest.mark.parametrize("lang", sorted(FEARED))
def test_a_toll_feared_in_a_headline_is_a_projection_and_a_plain_one_a_count(lang: str) -> None:
    feared, stated = FEARED[lang]
    assert only_claim(feared, lang).measure == "projection"
    plain = only_claim(stated, lang)
    assert plain.measure == "running" and plain.event == "killed"


@pytest.mark.parametrize("lang", sorted(FEARED_MORE))
def test_a_toll_feared_after_a_copula_or_assumed_is_a_projection(lang: str) -> None:
    feared, stated = FEARED_MORE[lang]
    assert only_claim(feared, lang).measure == "projection"
    assert only_claim(stated, lang).measure == "running"


def test_a_verb_of_going_in_another_clause_is_no_estimate() -> None:
    claim = only_claim("Nach dem Unglück gehen die Retter weiter, 12 Menschen starben.", "de")
    assert claim.measure == "running" and claim.event == "killed"


# --- a denied state -------------------------------------------------------------------------------

DENIED = {
    "fr": ("Selon la préfecture, 61 corps n'ont pas encore été identifiés.",
           "Selon la préfecture, 35 corps ont été identifiés."),
    "en": ("Officials said 61 bodies cannot be identified yet.",
           "Officials said 35 bodies have been identified."),
    "es": ("Según la prefectura, 61 cuerpos todavía no han podido ser identificados.",
           "Según la prefectura, 35 cuerpos han sido identificados."),
    "de": ("Nach Angaben der Präfektur konnten 61 Leichen noch nicht identifiziert werden.",
           "Nach Angaben der Präfektur wurden 35 Leichen identifiziert."),
}
DENIED_BEFORE = {
    "es": "Todavía no se han identificado 61 cuerpos.",
    "en": "Officials have not identified 61 of the bodies.",
}
NEGATIVE_STATE = {
    "fr": "Au moins 40 personnes n'ont pas encore été localisées.",
    "en": "At least 40 people have not yet been located.",
}


NONE_OF_OTHERS = {
    "fr": "Dans l'immeuble de 120 habitants, il n'y a pas eu de blessés.",
    "en": "In the building of 120 residents there were no injured.",
    "es": "En el edificio de 120 vecinos no hubo heridos.",
    "de": "Im Haus mit 120 Bewohnern gab es keine Verletzten.",
}


@pytest.mark.parametrize("lang", sorted(NONE_OF_OTHERS))
def test_no_people_of_another_kind_leaves_the_figure_counted(lang: str) -> None:
    assert only_claim(NONE_OF_OTHERS[lang], lang).value.low == 120


@pytest.mark.parametrize("lang", sorted(DENIED))
def test_a_figure_whose_state_is_denied_is_left_out_and_an_affirmed_one_kept(lang: str) -> None:
    denied, affirmed = DENIED[lang]
    assert sentences.figures(denied, lang) == []
    claim = only_claim(affirmed, lang)
    assert claim.event == "identified" and claim.value.low == 35


@pytest.mark.parametrize("lang", sorted(DENIED_BEFORE))
def test_a_denied_verb_before_the_figure_leaves_it_out(lang: str) -> None:
    assert not [c for c in sentences.figures(DENIED_BEFORE[lang], lang) if c.event == "identified"]


PART_OF_THE_DEAD = {
    "en": ("Officials put the toll at 154 dead, 25 of whom have yet to be identified.",
           "The toll is 52. Of the 52 dead, 30 have not been identified."),
    "fr": ("Le bilan est de 154 morts, dont 25 n'ont pas encore été identifiés.",
           "Le bilan est de 52 morts. Parmi eux, 30 n'ont pas été identifiés."),
}


@pytest.mark.parametrize("lang", sorted(PART_OF_THE_DEAD))
def test_a_part_of_the_dead_not_yet_identified_is_still_dead_and_never_identified(lang: str) -> None:
    whose, bare = PART_OF_THE_DEAD[lang]
    claims = sentences.figures(whose, lang)
    assert all(c.event != "identified" for c in claims)
    part = [c for c in claims if c.value.low == 25]
    assert all(c.measure == "part" and c.event == "killed" for c in part)
    assert all(c.event != "identified" for c in sentences.figures(bare, lang))


@pytest.mark.parametrize("lang", sorted(NEGATIVE_STATE))
def test_a_state_said_with_a_negation_of_its_own_is_kept(lang: str) -> None:
    assert only_claim(NEGATIVE_STATE[lang], lang).event == "missing"


# --- people aboard ---------------------------------------------------------------------------------

ABOARD = {
    "fr": ["Au moins 33 migrants sont morts dans le naufrage. Dans le bateau voyageaient au moins 350 migrants.",
           "Au moins 33 migrants sont morts dans le naufrage. Le bateau transportait au moins 350 migrants."],
    "en": ["At least 33 migrants died in the shipwreck. Some 350 migrants were travelling on the boat.",
           "At least 33 migrants died in the shipwreck. The boat was carrying some 350 migrants."],
    "es": ["Al menos 33 migrantes murieron en el naufragio. En el barco viajaban al menos 350 migrantes.",
           "Al menos 33 migrantes murieron en el naufragio. El pesquero llevaba al menos 350 migrantes."],
    "de": ["Mindestens 33 Migranten starben bei dem Unglück. Auf dem Boot reisten etwa 350 Migranten.",
           "Mindestens 33 Migranten starben bei dem Unglück. Das Boot transportierte etwa 350 Migranten."],
}
ABOARD_AND_DEAD = {
    "fr": "Les 350 migrants qui voyageaient dans le bateau sont morts.",
    "en": "The 350 migrants travelling on the boat died.",
    "es": "Los 350 migrantes que viajaban en el barco murieron.",
    "de": "Die 350 Migranten, die auf dem Boot reisten, starben.",
}


@pytest.mark.parametrize("lang", sorted(ABOARD))
def test_people_travelling_on_a_vessel_are_those_aboard_and_the_dead_stay_dead(lang: str) -> None:
    for text in ABOARD[lang]:
        claims = sentences.figures(text, lang)
        aboard = [c for c in claims if c.value.low is not None and c.value.low >= 340]
        assert aboard and all(c.category == "passengers" and c.event is None for c in aboard), text
        assert any(c.value.low == 33 and c.event == "killed" for c in claims), text


@pytest.mark.parametrize("lang", sorted(ABOARD_AND_DEAD))
def test_people_aboard_whose_clause_says_they_died_are_dead(lang: str) -> None:
    assert only_claim(ABOARD_AND_DEAD[lang], lang).event == "killed"


def test_a_figure_that_raises_the_number_aboard_is_aboard_too() -> None:
    text = ("Al menos 33 migrantes murieron en el naufragio. En el barco viajaban al menos 350 migrantes. "
            "Otros medios elevan este número a 600.")
    raised = sentences.exact(sentences.figures(text, "es"), 600)
    assert raised.category == "passengers" and raised.event is None


# --- what a user sees ------------------------------------------------------------------------------

DAYS = {"fr": ("10 mars 2025", "11 mars 2025"), "en": ("March 10, 2025", "March 11, 2025"),
        "es": ("10 de marzo de 2025", "11 de marzo de 2025"), "de": ("10.03.2025", "11.03.2025")}
STORY = {
    "fr": ("Au moins 31 migrants sont morts lundi dans le naufrage d'un bateau au large de Tarvo.",
           "Naufrage au large de Tarvo : on craint des centaines de morts. Selon certains médias, le bateau "
           "transportait 600 migrants. Au moins 33 migrants sont morts."),
    "en": ("At least 31 migrants died on Monday when a boat sank off Tarvo.",
           "Hundreds feared dead after boat sinks off Tarvo. Some 600 migrants were travelling on the boat. "
           "At least 33 migrants died."),
    "es": ("Al menos 31 migrantes murieron el lunes en el naufragio de un barco frente a Tarvo.",
           "Naufragio frente a Tarvo: se teme que haya cientos de muertos. En el barco viajaban 600 migrantes. "
           "Al menos 33 migrantes murieron."),
    "de": ("Mindestens 31 Migranten starben am Montag beim Untergang eines Bootes vor Tarvo.",
           "Hunderte Tote bei Bootsunglück vor Tarvo befürchtet. Auf dem Boot reisten 600 Migranten. "
           "Mindestens 33 Migranten starben."),
}


def values(found: list[Finding], claims: dict[str, Claim], kind: str) -> list[set[float | None]]:
    return [{claims[i].value.low for i in f.claims} for f in found if f.kind == kind]


@pytest.mark.parametrize("lang", sorted(STORY))
def test_neither_a_feared_toll_nor_those_aboard_update_the_count_of_the_dead(tmp_path: Path, lang: str) -> None:
    (a, b), (day_a, day_b) = STORY[lang], DAYS[lang]
    found, claims = sentences.findings_and_claims(tmp_path, {
        "a.txt": f"Tarvo\n{day_a}\n\n{a}\n", "b.txt": f"Tarvo\n{day_b}\n\n{b}\n"})
    assert not [f for f in found if f.kind in ("contradiction", "dispute")]
    updates = values(found, claims, "update")
    assert {31, 33} in updates
    assert not any(100 in v or 600 in v for v in updates)


DENIED_STORY = {
    "fr": ("Selon la préfecture, 35 corps ont été identifiés après l'incendie de Tarvo.",
           "Selon les pompiers, 61 corps n'ont pas encore été identifiés après l'incendie de Tarvo."),
    "en": ("Officials said 35 bodies have been identified after the fire in Tarvo.",
           "Firefighters said 61 bodies cannot be identified yet after the fire in Tarvo."),
    "es": ("Según la prefectura, 35 cuerpos han sido identificados tras el incendio de Tarvo.",
           "Según los bomberos, 61 cuerpos no han podido ser identificados tras el incendio de Tarvo."),
    "de": ("Nach Angaben der Präfektur wurden 35 Leichen nach dem Brand in Tarvo identifiziert.",
           "Nach Angaben der Feuerwehr konnten 61 Leichen nach dem Brand in Tarvo noch nicht identifiziert werden."),
}


@pytest.mark.parametrize("lang", sorted(DENIED_STORY))
def test_the_bodies_not_identified_are_not_set_against_those_identified(tmp_path: Path, lang: str) -> None:
    a, b = DENIED_STORY[lang]
    day = DAYS[lang][0]
    found, claims = sentences.findings_and_claims(tmp_path, {
        "a.txt": f"Tarvo\n{day}\n\n{a}\n", "b.txt": f"Tarvo\n{day}\n\n{b}\n"})
    assert not any(61 in v for kind in ("contradiction", "dispute", "update", "corroboration")
                   for v in values(found, claims, kind))
