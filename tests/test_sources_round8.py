"""Sources and copies (fr/en/de/es, invented sentences).

The organisers are one voice under every word and inflection, and a named group that
organises the march speaks on their side; a relative clause ("que la organización elevaba a
410.000") and a frame after the figure ("so die Schätzung der Polizei") name the figure's
own source; a page copied word for word from another is one origin with it, an echo.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.copies import copy_groups
from consistency.model import Claim, Document, Finding
from tests.sentences import figure, findings_and_claims

# --- the organisers under several words --------------------------------------------------

ORGANISER_WORDS = {
    "de": ["Die Organisatorinnen sprachen am Abend von 42.000 Demonstrierenden in Halvik.",
           "Nach Angaben der Veranstalter zogen 42.000 Menschen durch Halvik.",
           "Laut den Veranstaltern zogen 42.000 Menschen durch Halvik.",
           "Die Organisatoren sprachen von 42.000 Teilnehmern in Halvik."],
    "fr": ["Les organisateurs ont annoncé 42 000 manifestants à Valbourg.",
           "Les organisatrices parlent de 42 000 manifestants à Valbourg."],
    "en": ["The organisers said 42,000 protesters marched in Halvik.",
           "The organizers spoke of 42,000 protesters in Halvik."],
    "es": ["Según los organizadores, 42.000 personas se manifestaron en Valdeluz.",
           "Según la organización, 42.000 personas se manifestaron en Valdeluz."],
}


@pytest.mark.parametrize("lang,sentence", [(lang, s) for lang, group in sorted(ORGANISER_WORDS.items()) for s in group])
def test_every_word_for_the_organisers_is_one_origin(lang: str, sentence: str) -> None:
    assert figure(sentence, lang, 42000).attributed_to == "organisers"


SIDES = {
    "de": ("Freitag, 15. März 2024\n\nIn Halvik demonstrierten am Freitag nach Angaben von Fridays for Future 14.000 Menschen.\n",
           "Freitag, 15. März 2024\n\nIn Halvik demonstrierten am Freitag nach Angaben der Organisatorinnen 3.500 Menschen.\n",
           "Freitag, 15. März 2024\n\nIn Halvik demonstrierten am Freitag nach Angaben der Polizei 3.500 Menschen.\n"),
    "fr": ("Vendredi 15 mars 2024\n\nÀ Valbourg, 14 000 personnes ont défilé vendredi selon Fridays for Future.\n",
           "Vendredi 15 mars 2024\n\nÀ Valbourg, 3 500 personnes ont défilé vendredi selon les organisatrices.\n",
           "Vendredi 15 mars 2024\n\nÀ Valbourg, 3 500 personnes ont défilé vendredi selon la police.\n"),
    "en": ("Friday 15 March 2024\n\nIn Halvik, 14,000 people marched on Friday, according to Fridays for Future.\n",
           "Friday 15 March 2024\n\nIn Halvik, 3,500 people marched on Friday, according to the organisers.\n",
           "Friday 15 March 2024\n\nIn Halvik, 3,500 people marched on Friday, according to police.\n"),
    "es": ("Viernes, 15 de marzo de 2024\n\nEn Valdeluz se manifestaron el viernes 14.000 personas, según Fridays for Future.\n",
           "Viernes, 15 de marzo de 2024\n\nEn Valdeluz se manifestaron el viernes 3.500 personas, según los organizadores.\n",
           "Viernes, 15 de marzo de 2024\n\nEn Valdeluz se manifestaron el viernes 3.500 personas, según la policía.\n"),
}


def _between(found: list[Finding], claims: dict[str, Claim], values: set[float]) -> list[str]:
    return sorted(f.kind for f in found if {claims[c].value.low for c in f.claims} == values)


@pytest.mark.parametrize("lang", sorted(SIDES))
def test_a_named_organiser_group_never_disputes_the_organisers(tmp_path: Path, lang: str) -> None:
    group, organisers, _ = SIDES[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": group, "b.txt": organisers})
    assert "dispute" not in _between(found, claims, {14000, 3500}), [(f.kind, f.message) for f in found]
    assert any(c.attributed_to == "Fridays for Future" for c in claims.values())  # still named as itself


@pytest.mark.parametrize("lang", sorted(SIDES))
def test_the_named_group_still_disputes_the_police(tmp_path: Path, lang: str) -> None:
    group, _, police = SIDES[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": group, "c.txt": police})
    assert _between(found, claims, {14000, 3500}) == ["dispute"], [(f.kind, f.message) for f in found]


# --- the source of a relative clause, and a source after its figure -----------------------

RELATIVES = {
    "es": "Unas 9.000 personas, según datos de la Delegación del Gobierno –que la organización elevaba a 25.000– marcharon por Valdeluz.",
    "fr": "Quelque 9 000 personnes selon la préfecture, que les organisateurs portent à 25 000, ont défilé à Valbourg.",
    "en": "About 9,000 people according to police, which organisers put at 25,000, marched through Halvik.",
    "de": "Rund 9.000 Menschen laut Polizei, die die Veranstalter auf 25.000 bezifferten, zogen durch Halvik.",
}


@pytest.mark.parametrize("lang", sorted(RELATIVES))
def test_the_subject_of_a_relative_clause_gives_its_figure(lang: str) -> None:
    assert figure(RELATIVES[lang], lang, 25000).attributed_to == "organisers"
    assert figure(RELATIVES[lang], lang, 9000).attributed_to != "organisers"


def test_desde_names_the_source_and_superan_keeps_its_floor() -> None:
    text = ("Desde la Delegación del Gobierno se cifra la asistencia en 90.000 personas y desde la organización "
            "se hablan de cifras que superan el medio millón de manifestantes en Valdeluz.")
    half = figure(text, "es", 500000)
    assert half.attributed_to == "organisers"
    assert (half.value.low, half.value.high) == (500000, None)
    assert figure(text, "es", 90000).attributed_to == "Government Delegation"


AFTER_FIGURE = {
    "de": "Mindestens 60.000 Menschen, so die Schätzung der Polizei, nahmen am Freitag in Halvik teil. Die Organisatorinnen sprachen von 150.000 Demonstrierenden.",
    "fr": "Au moins 60 000 personnes, selon l'estimation de la police, ont défilé vendredi à Valbourg. Les organisatrices parlent de 150 000 manifestants.",
    "en": "At least 60,000 people, by police estimates, marched in Halvik on Friday. The organisers spoke of 150,000 protesters.",
    "es": "Al menos 60.000 personas, según la estimación de la policía, marcharon el viernes en Valdeluz. Los organizadores hablaron de 150.000 manifestantes.",
}


@pytest.mark.parametrize("lang", sorted(AFTER_FIGURE))
def test_a_source_after_its_figure_is_its_own(lang: str) -> None:
    assert figure(AFTER_FIGURE[lang], lang, 60000).attributed_to == "police"
    assert figure(AFTER_FIGURE[lang], lang, 150000).attributed_to == "organisers"


def test_a_frame_names_only_a_known_source() -> None:
    # "so" opens many German sentences: only a known source after it is read as one.
    assert figure("So viele wie nie: 60.000 Menschen zogen am Freitag durch Halvik.", "de", 60000).attributed_to is None
    assert figure("Three people were killed by police in Halvik on Friday.", "en", 3).attributed_to is None
    # a known source inside the frame, but not closing it, is not the frame's source
    assert figure("Die Demo war so groß wie die Polizei erwartet hatte: 20.000 Menschen zogen am Freitag durch Halvik.",
                  "de", 20000).attributed_to is None


# --- copies -------------------------------------------------------------------------------

COPIED = {
    "en": ("Crush at a festival: two fans still in hospital",
           "Two festival-goers are still in hospital three days after the crush at the Lakeside festival in Halvik which left five music fans dead. The city council has opened an inquiry into the crowd barriers at the main stage."),
    "fr": ("Bousculade dans un festival : deux spectateurs toujours hospitalisés",
           "Deux festivaliers sont toujours hospitalisés trois jours après la bousculade du festival des Rives à Valbourg, qui a fait cinq morts parmi les spectateurs. La mairie a ouvert une enquête sur les barrières installées devant la grande scène."),
    "de": ("Gedränge bei Festival: zwei Besucher weiter im Krankenhaus",
           "Bei dem Gedränge beim Uferfestival in Halvik starben am Sonntag fünf Menschen, zwei Festivalbesucher liegen drei Tage später weiter im Krankenhaus. Die Stadt hat eine Untersuchung zu den Absperrungen vor der Hauptbühne eingeleitet."),
    "es": ("Avalancha en un festival: dos asistentes siguen hospitalizados",
           "Dos asistentes siguen hospitalizados tres días después de la avalancha en el festival de la Ribera en Valdeluz, que dejó cinco fans muertos. El ayuntamiento ha abierto una investigación sobre las vallas instaladas ante el escenario principal."),
}
DATES = {"en": ("Tuesday 14 May 2024", "2024-05-14"), "fr": ("Mardi 14 mai 2024", "14/05/2024"),
         "de": ("Dienstag, 14. Mai 2024", "14.05.2024"), "es": ("Martes, 14 de mayo de 2024", "14/05/2024")}


@pytest.mark.parametrize("lang", sorted(COPIED))
def test_a_page_copied_word_for_word_is_an_echo_not_a_corroboration(tmp_path: Path, lang: str) -> None:
    title, body = COPIED[lang]
    first, second = DATES[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{title}\n\n{first}\n\n{body}\n",
                                                   "b.txt": f"{title}\n\n{second}\n\n{body}\n"})
    fives = [f for f in found if {claims[c].value.low for c in f.claims} == {5}]
    assert [f.kind for f in fives] == ["echo"], [(f.kind, f.message) for f in found]
    assert not any(f.kind == "corroboration" for f in found), [(f.kind, f.message) for f in found]


def test_two_articles_written_apart_still_corroborate(tmp_path: Path) -> None:
    a = ("Festival crush in Halvik\n\n2024-05-14\n\nFive music fans died in the crush at the Lakeside festival in Halvik, "
         "where two festival-goers are still being treated in hospital.\n")
    b = ("Halvik mourns its festival dead\n\n2024-05-14\n\nThe crush at the Lakeside festival in Halvik left five music fans dead; "
         "the city has declared a day of mourning and opened an inquiry.\n")
    found, claims = findings_and_claims(tmp_path, {"a.txt": a, "b.txt": b})
    assert [f.kind for f in found if {claims[c].value.low for c in f.claims} == {5}] == ["corroboration"], \
        [(f.kind, f.message) for f in found]


def _doc(doc_id: str, text: str, day: int = 14) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, language="en", published=dt.date(2024, 5, day))


def test_copies_are_grouped_under_the_first_text_and_quotes_are_not_copies() -> None:
    story = " ".join(f"Paragraph {i} of the Halvik story tells what the rescuers found on day {i}." for i in range(30))
    other = " ".join(f"Another article on a storm in Valbourg reports damage to roof number {i} today." for i in range(30))
    own = " ".join(f"An editorial asks why warning {i} about the Halvik dam went unheeded for years." for i in range(30))
    quoting = story[:400] + " " + own  # quotes the story's opening, then goes its own way
    docs = [_doc("late-copy", story, 15), _doc("original", story, 14), _doc("other", other), _doc("quoting", quoting)]
    assert copy_groups(docs) == {"original": "original", "late-copy": "original"}
    assert copy_groups(docs[::-1]) == copy_groups(docs)  # the set decides, not the order
