"""A toll someone fears, guesses or warns of is a projection, never a count (fr/en/de/es,
invented sentences): a verb of fear before the figure ("craint", "fears", "teme",
"befürchtet") or after what it counts ("are feared dead"), a plain future or a hedge ("il y aura", "there will be", "habrá", "vielleicht"),
a verb of warning after its quote ("», avait prévenu le maire"), and the two halves of one
guess ("300, voire 3 000"). Such figures are never compared as counts, never the later figure
of an update; the count given beside them stays a count. A fall between two vague figures is
a warning, not an error."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim, Finding
from tests import sentences

DAY = dt.date(2025, 3, 12)


def measure_of(text: str, lang: str, value: float) -> str:
    return sentences.figure(text, lang, value, DAY).measure


# --- a verb of fear before the figure -----------------------------------------------------------

FEARED = {
    "fr": "La tempête Orla a fait 12 morts selon la préfecture. Le maire craint 300 morts dans les villages isolés.",
    "en": "Storm Orla has killed 12 people, officials said. The mayor fears 300 dead in the isolated villages.",
    "es": "La tormenta Orla ha dejado 12 muertos, según las autoridades. El alcalde teme 300 muertos en las aldeas aisladas.",
    "de": "Der Sturm Orla hat 12 Tote gefordert, teilten die Behörden mit. Der Bürgermeister befürchtet 300 Tote in den "
          "abgelegenen Dörfern.",
}


@pytest.mark.parametrize("lang", sorted(FEARED))
def test_a_feared_toll_is_a_projection_and_the_count_beside_it_stays_a_count(lang: str) -> None:
    assert measure_of(FEARED[lang], lang, 300) == "projection"
    count = sentences.figure(FEARED[lang], lang, 12, DAY)
    assert count.measure == "running" and count.event == "killed"


# --- a plain future, a hedge ----------------------------------------------------------------------

GUESSED = {
    "fr": ["Il y aura 300 morts dans les villages, selon le maire.",
           "Peut-être 300 personnes sont mortes dans les villages, selon le maire.",
           "« Je pense que 300 personnes sont mortes dans les villages », a dit le maire."],
    "en": ["There will be 300 dead in the villages, the mayor said.",
           "Maybe 300 people died in the villages, the mayor said.",
           '"I think 300 people died in the villages," the mayor said.'],
    "es": ["Habrá 300 muertos en las aldeas, dijo el alcalde.",
           "Quizás 300 personas murieron en las aldeas, dijo el alcalde.",
           '"Creo que 300 personas murieron en las aldeas", dijo el alcalde.'],
    "de": ["Es wird 300 Tote in den Dörfern geben, sagte der Bürgermeister.",
           "Vielleicht sind 300 Menschen in den Dörfern gestorben, sagte der Bürgermeister.",
           "„Ich glaube, 300 Menschen sind in den Dörfern gestorben“, sagte der Bürgermeister."],
}
STATED = {
    "fr": "« 300 personnes sont mortes dans les villages », a dit le maire.",
    "en": '"300 people died in the villages," the mayor said.',
    "es": '"300 personas murieron en las aldeas", dijo el alcalde.',
    "de": "„300 Menschen sind in den Dörfern gestorben“, sagte der Bürgermeister.",
}


@pytest.mark.parametrize("lang", sorted(GUESSED))
def test_a_future_or_a_hedged_toll_is_a_projection(lang: str) -> None:
    for text in GUESSED[lang]:
        assert measure_of(text, lang, 300) == "projection", text


@pytest.mark.parametrize("lang", sorted(STATED))
def test_the_same_toll_stated_plainly_is_a_count(lang: str) -> None:
    assert measure_of(STATED[lang], lang, 300) == "running"


FEARED_AFTER = {
    "fr": ("300 morts sont à craindre dans les villages, selon le maire.",
           "300 morts sont à déplorer dans les villages, selon le maire."),
    "en": ("At least 300 people are feared dead in the villages, the mayor said.",
           "At least 300 people are dead in the villages, the mayor said."),
    "de": ("300 Tote werden befürchtet, sagte der Bürgermeister.",
           "300 Tote wurden geborgen, sagte der Bürgermeister."),
}


@pytest.mark.parametrize("lang", sorted(FEARED_AFTER))
def test_a_toll_feared_after_its_noun_is_a_projection_and_a_stated_one_is_not(lang: str) -> None:
    feared, stated = FEARED_AFTER[lang]
    assert measure_of(feared, lang, 300) == "projection"
    assert measure_of(stated, lang, 300) != "projection"


# --- a verb of warning after the quote -----------------------------------------------------------

WARNED = {
    "fr": "«Au moins 300 morts» dans les villages, avait prévenu le maire dès lundi.",
    "en": '"At least 300 dead in the villages", the mayor warned on Monday.',
    "es": '"Al menos 300 muertos en las aldeas", advirtió el alcalde el lunes.',
    "de": "„Mindestens 300 Tote in den Dörfern“, warnte der Bürgermeister am Montag.",
}
OUTSIDE_THE_QUOTE = {
    "fr": "Le bilan est de 12 morts, mais «ce n'est pas fini», a averti le maire.",
    "en": 'The toll is 12 dead, but "it is not over", the mayor warned.',
    "es": 'El balance es de 12 muertos, pero "no ha terminado", advirtió el alcalde.',
    "de": "Die Bilanz liegt bei 12 Toten, aber „es ist nicht vorbei“, warnte der Bürgermeister.",
}


@pytest.mark.parametrize("lang", sorted(WARNED))
def test_a_quoted_toll_the_speaker_warns_of_is_a_projection(lang: str) -> None:
    assert measure_of(WARNED[lang], lang, 300) == "projection"


@pytest.mark.parametrize("lang", sorted(OUTSIDE_THE_QUOTE))
def test_a_count_outside_the_warning_quote_stays_a_count(lang: str) -> None:
    assert measure_of(OUTSIDE_THE_QUOTE[lang], lang, 12) == "running"


# --- the two halves of one guess -------------------------------------------------------------------

HALVES = {
    "fr": "On compte 300 morts, voire 3 000, dans les villages.",
    "en": "Officials count 300 dead, or even 3,000, in the villages.",
    "es": "Las autoridades cuentan 300 muertos, incluso 3.000, en las aldeas.",
    "de": "Die Behörden zählen 300 Tote, wenn nicht sogar 3.000, in den Dörfern.",
}
OR_MORE = {
    "fr": "La tempête a fait au moins 14 morts, voire davantage.",
    "en": "The storm killed at least 14 people, or even more.",
    "es": "La tormenta dejó al menos 14 muertos, o incluso más.",
    "de": "Der Sturm forderte mindestens 14 Tote, wenn nicht sogar mehr.",
}


@pytest.mark.parametrize("lang", sorted(HALVES))
def test_both_halves_of_one_guess_are_projections(lang: str) -> None:
    claims = sentences.figures(HALVES[lang], lang, DAY)
    assert sentences.exact(claims, 300).measure == "projection"
    assert all(c.measure == "projection" for c in claims if c.value.low == 3000)


@pytest.mark.parametrize("lang", sorted(OR_MORE))
def test_a_count_with_or_even_more_and_no_second_figure_stays_a_count(lang: str) -> None:
    assert measure_of(OR_MORE[lang], lang, 14) == "running"


# --- what a user sees ------------------------------------------------------------------------------

STORY = {
    "fr": ("La tempête Orla a fait au moins 9 morts selon la préfecture. Le maire craint 300, voire 3 000 morts.",
           "12 morts selon la préfecture, mercredi. «300 morts», avait prévenu le maire, «voire 3 000»."),
    "en": ("Storm Orla has killed at least 9 people, officials said. The mayor fears 300, or even 3,000 dead.",
           'Officials said on Wednesday that 12 people had died. "300 dead, or even 3,000", the mayor had warned.'),
    "es": ("La tormenta Orla ha dejado al menos 9 muertos, según las autoridades. El alcalde teme 300, incluso "
           "3.000 muertos.",
           'Las autoridades cifraron el miércoles en 12 los muertos. "300 muertos, incluso 3.000", advirtió el alcalde.'),
    "de": ("Der Sturm Orla hat mindestens 9 Tote gefordert, teilten die Behörden mit. Der Bürgermeister befürchtet "
           "300, wenn nicht sogar 3.000 Tote.",
           "Die Behörden meldeten am Mittwoch 12 Tote. „300 Tote, wenn nicht sogar 3.000“, warnte der Bürgermeister."),
}
DATES = {"fr": ("10 mars 2025", "12 mars 2025"), "en": ("March 10, 2025", "March 12, 2025"),
         "es": ("10 de marzo de 2025", "12 de marzo de 2025"), "de": ("10.03.2025", "12.03.2025")}


def values(found: list[Finding], claims: dict[str, Claim], kind: str) -> list[set[float | None]]:
    return [{claims[i].value.low for i in f.claims} for f in found if f.kind == kind]


@pytest.mark.parametrize("lang", sorted(STORY))
def test_feared_tolls_are_never_contradicted_nor_an_update_and_the_counts_still_are(tmp_path: Path, lang: str) -> None:
    (a, b), (day_a, day_b) = STORY[lang], DATES[lang]
    found, claims = sentences.findings_and_claims(tmp_path, {
        "a.txt": f"Tempête Orla\n{day_a}\n\n{a}\n", "b.txt": f"Tempête Orla\n{day_b}\n\n{b}\n"})
    assert not [f for f in found if f.kind in ("contradiction", "dispute")]
    updates = values(found, claims, "update")
    assert {9, 12} in updates
    assert not any(300 in v or 3000 in v for v in updates)


def test_a_fall_between_two_vague_tolls_is_a_warning_and_between_exact_ones_an_error(tmp_path: Path) -> None:
    def contradiction(first: str, second: str, where: Path) -> Finding:
        where.mkdir()
        found = sentences.findings(where, {
            "a.txt": f"Storm Orla in Harlow\nMarch 10, 2025\n\nThe death toll from Storm Orla in Harlow stands at "
                     f"{first} deaths, officials said.\n",
            "b.txt": f"Storm Orla in Harlow\nMarch 12, 2025\n\nThe death toll from Storm Orla in Harlow stands at "
                     f"{second} deaths, officials said.\n"})
        (only,) = [f for f in found if f.kind == "contradiction"]
        return only

    assert str(contradiction("several thousand", "several hundred", tmp_path / "vague").severity) == "warning"
    assert str(contradiction("3,000", "2,000", tmp_path / "exact").severity) == "error"
