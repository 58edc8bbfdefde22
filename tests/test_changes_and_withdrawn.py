"""Figures of a change and figures the text says were given on another day or withdrawn.

"de X a Y <noun>", "from X to Y <noun>", "von X auf Y", "de X à Y <nom>": both figures count
what the noun after Y names, X is the count before the change (never a count of now). A pair
coordinated with a change keeps its verb ("…, y de 40 a 75 los desaparecidos"). A figure the
sentence says was corrected ("korrigierte dies dann auf 55") is the earlier value of a revision.
"la veille", "am Vortag", "the day before", "el día anterior" date their clause, the day before
the article's. Sentences are invented, in each language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import DAY, exact, figures, findings_and_claims

# --- the pair of a change counts what the noun after its current figure names ----------------


@pytest.mark.parametrize(
    ("text", "lang", "old", "new", "category", "event"),
    [
        ("El alcalde elevó ayer de dos a cinco los fallecidos, y de 47 a 96 los desaparecidos.",
         "es", 47, 96, "people", "missing"),
        ("Selon la préfecture, le bilan est passé de 3 à 8 morts, et de 40 à 72 blessés.",
         "fr", 40, 72, "people", "wounded"),
        ("The council raised the toll from 12 to 19 dead, and from 40 to 66 injured.",
         "en", 40, 66, "people", "wounded"),
        ("Die Zahl der Toten stieg von 12 auf 19, die Zahl der Verletzten von 40 auf 66.",
         "de", 40, 66, "people", "wounded"),
        ("Die Behörden erhöhten am Dienstag die Zahl der Toten von drei auf sieben.",
         "de", 3, 7, "people", "killed"),
    ],
)
def test_a_coordinated_pair_counts_the_noun_after_its_current_figure(
        text: str, lang: str, old: float, new: float, category: str, event: str) -> None:
    claims = figures(text, lang)
    earlier, current = exact(claims, old), exact(claims, new)
    assert (earlier.category, earlier.event) == (category, event)
    assert (current.category, current.event) == (category, event)
    assert earlier.measure == "superseded"  # the count before the change, never compared as a count of now
    assert current.measure != "superseded"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Officials said the number of injured rose from 40 to 65 people.", "en"),
        ("Selon la mairie, le nombre de blessés est passé de 40 à 65 personnes.", "fr"),
    ],
)
def test_a_pair_whose_current_noun_names_no_event_counts_the_phrase_before(text: str, lang: str) -> None:
    claims = figures(text, lang)
    earlier, current = exact(claims, 40), exact(claims, 65)
    assert earlier.measure == "superseded"
    assert (current.category, current.event) == ("people", "wounded")


# --- a figure the sentence says was corrected ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Behörden hatten zunächst gemeldet, dass 93 Menschen ums Leben kamen, und korrigierten dies dann auf 55.", "de"),
        ("Police had reported 93 dead on Monday, then corrected the figure to 55.", "en"),
        ("La police avait annoncé 93 morts, avant de rectifier ce chiffre à 55.", "fr"),
        ("La policía informó de 93 muertos y luego lo corrigió a 55.", "es"),
    ],
)
def test_a_corrected_figure_is_the_earlier_value_of_a_revision(text: str, lang: str) -> None:
    claims = figures(text, lang)
    withdrawn, current = exact(claims, 93), exact(claims, 55)
    assert withdrawn.measure == "superseded"
    assert (current.category, current.event, current.measure) == ("people", "killed", "running")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La police avait annoncé 93 morts, puis a revu ce chiffre à la hausse à 120.", "fr"),
        ("Police had reported 93 dead, then corrected the number of people missing to 55.", "en"),
    ],
)
def test_a_figure_followed_by_an_upward_or_other_correction_stays_a_count(text: str, lang: str) -> None:
    assert exact(figures(text, lang), 93).measure != "superseded"


def test_the_withdrawn_figure_of_the_day_before_is_no_update(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Effondrement d'un pont\n\nLe Courrier, 11 mars 2025\n\n"
                 "Selon la police, au moins 58 personnes ont été tuées dans l'effondrement du pont.\n",
        "b.txt": "Effondrement d'un pont : le bilan s'alourdit\n\nLe Courrier, 12 mars 2025\n\n"
                 "Le bilan de l'effondrement du pont est passé à 61 morts. La veille, la police avait "
                 "annoncé 93 morts, avant de rectifier ce chiffre à 55.\n",
    })
    withdrawn = [i for i, c in claims.items() if c.kind == "quantity" and c.value.low == 93]
    assert withdrawn  # read, as the earlier value of a revision
    with_it = [f for f in found if set(withdrawn) & set(f.claims)]
    # only the revision the article states (93 → 55), never an update or a conflict with 58 or 61
    assert with_it and all(f.message.startswith("Revision 93 → 55") for f in with_it)


# --- "the day before" dates its clause --------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Am Vortag hatte die Polizei 93 Tote gemeldet.", "de"),
        ("Tags zuvor hatte die Polizei 93 Tote gemeldet.", "de"),
        ("La veille, la police avait fait état de 93 morts.", "fr"),
        ("The day before, police had reported 93 dead.", "en"),
        ("El día anterior, la policía había informado de 93 muertos.", "es"),
        ("La víspera, la policía había informado de 93 muertos.", "es"),
    ],
)
def test_the_day_before_dates_its_clause(text: str, lang: str) -> None:
    claim = exact(figures(text, lang), 93)
    assert claim.time is not None
    assert claim.time.low == claim.time.high == DAY - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La veille du scrutin, la police avait fait état de 93 interpellations.", "fr"),
        ("On the day before the vote, police had reported 93 arrests.", "en"),
        ("Am Vortag der Wahl hatte die Polizei 93 Festnahmen gemeldet.", "de"),
        ("La víspera de la marcha, la policía había informado de 93 detenidos.", "es"),
    ],
)
def test_the_eve_of_another_event_is_not_the_day_before_the_article(text: str, lang: str) -> None:
    claim = exact(figures(text, lang), 93)
    assert claim.time is None or claim.time.low != DAY - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("La veille, les secours avaient dénombré 40 blessés. Quelque 300 pompiers sont mobilisés sur place.", "fr"),
        ("Am Vortag hatten die Retter 40 Verletzte gezählt. Rund 300 Feuerwehrleute sind im Einsatz.", "de"),
        ("The day before, rescuers had counted 40 injured. Some 300 firefighters are at the scene.", "en"),
        ("El día anterior, los equipos habían contado 40 heridos. Unos 300 bomberos trabajan en la zona.", "es"),
    ],
)
def test_the_day_before_dates_only_its_own_sentence(text: str, lang: str) -> None:
    claims = figures(text, lang)
    told_back, now = exact(claims, 40), next(c for c in claims if c.quote.endswith(("pompiers", "Feuerwehrleute", "firefighters", "bomberos")))
    assert told_back.time is not None and told_back.time.low == DAY - dt.timedelta(days=1)
    assert now.time is not None and now.time.low == DAY  # the article's day, not the day before
