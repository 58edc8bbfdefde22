"""Revisions of a running count, in fr/en/de/es (invented sentences): a sentence that gives the
figure it replaces ("révisé de 115 à 97 morts", "lowered to 97 from 115", "von 115 auf 97
korrigiert", "rebajó de 115 a 97") marks the earlier figure superseded and the report shows
the revision; "de X a Y" after a verb of change is a change, never a range; two tolls of one
day from one source are ordered by their articles' publication times; a lower bound of one
day does not corroborate another day's figure."""

from __future__ import annotations

import datetime as dt
import functools

import pytest

from consistency.model import Claim, Finding
from tests import sentences

DAY = dt.date(2025, 6, 8)
figures = functools.partial(sentences.figures, day=DAY)


by_value = sentences.exact
run = sentences.findings_and_claims


def values(finding: Finding, claims: dict[str, Claim]) -> list[set[float]]:
    return [{claims[i].value.low for i in side} for side in finding.sides]  # type: ignore[union-attr]


# --- one sentence gives the figure it replaces -------------------------------------------------

REVISED = [
    ("Le bilan de l'incendie de l'entrepôt a été révisé mardi de 115 à 97 morts, a indiqué la préfecture.", "fr"),
    ("La préfecture a revu son bilan à la baisse, de 115 à 97 morts, certaines victimes ayant été comptées deux fois.", "fr"),
    ("The death toll from the warehouse fire was revised down on Tuesday from 115 to 97, officials said.", "en"),
    ("Officials lowered the death toll from the warehouse fire to 97 from 115 on Tuesday.", "en"),
    ("Die Zahl der Toten nach dem Lagerhausbrand wurde am Dienstag von 115 auf 97 nach unten korrigiert.", "de"),
    ("Die Behörden haben die Zahl der Toten auf 97 korrigiert, nachdem sie zuvor von 115 Todesopfern gesprochen hatten.", "de"),
    ("La cifra de muertos por el incendio del almacén disminuyó el martes de 115 a 97, informó la alcaldía.", "es"),
    ("Las autoridades rebajaron el martes de 115 a 97 los fallecidos por el incendio del almacén.", "es"),
]


@pytest.mark.parametrize("text,lang", REVISED)
def test_the_figure_a_revision_replaces_is_superseded_and_the_new_one_counts_the_same(text, lang):
    claims = figures(text, lang)
    old, new = by_value(claims, 115), by_value(claims, 97)
    assert old.measure == "superseded"
    assert new.measure == "running"
    assert (old.category, old.event) == (new.category, new.event) == ("people", "killed")


@pytest.mark.parametrize(
    "text,lang,old,new",
    [
        ("Le bilan est passé dans la nuit de 40 à 92 morts, selon la préfecture.", "fr", 40, 92),
        ("The death toll rose overnight from 40 to 92, the governor said.", "en", 40, 92),
        ("Die Zahl der Toten ist in der Nacht von 40 auf 92 gestiegen.", "de", 40, 92),
        ("El alcalde elevó anoche de 40 a 92 la cifra de desaparecidos.", "es", 40, 92),
    ],
)
def test_from_one_figure_to_another_after_a_verb_of_change_is_not_a_range(text, lang, old, new):
    claims = figures(text, lang)
    assert not any(c.value.low == old and c.value.high == new for c in claims)
    assert by_value(claims, old).measure == "superseded"
    assert by_value(claims, new).measure in ("running", "total")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("Entre 40 et 92 personnes ont été évacuées, selon la préfecture.", "fr"),
        ("The toll fell to between 40 and 92, officials said.", "en"),
        ("Zwischen 40 und 92 Menschen wurden verletzt.", "de"),
        ("Entre 40 y 92 personas resultaron heridas, según la alcaldía.", "es"),
    ],
)
def test_a_range_stays_a_range(text, lang):
    claims = figures(text, lang)
    assert any(c.value.low == 40 and c.value.high == 92 for c in claims)
    assert not any(c.measure == "superseded" for c in claims)


def test_two_figures_that_count_different_things_are_not_a_revision():
    claims = figures("Le bilan est passé de 12 blessés à 5 morts, selon la préfecture.", "fr")
    assert not any(c.measure == "superseded" for c in claims)


# --- what the report shows ----------------------------------------------------------------------

ARTICLES = {
    "fr": ("Incendie d'un entrepôt : 115 morts selon la préfecture\nLe Matin — Publié le mardi 10 juin 2025 à 07h30\n\n"
           "Le bilan de l'incendie de l'entrepôt de Tarbes s'établit à 115 morts, a annoncé la préfecture.\n",
           "Tarbes : le bilan de l'incendie revu à la baisse\nLe Soir — Publié le mardi 10 juin 2025 à 18h15\n\n"
           "Le bilan de l'incendie de l'entrepôt de Tarbes a été révisé mardi de 115 à 97 morts, des victimes ayant "
           "été comptées deux fois, a indiqué la préfecture.\n"),
    "en": ("Warehouse fire kills 115\nMorning Star — June 10, 2025, 7:30 a.m.\n\n"
           "The death toll from the warehouse fire in Leeds rose to 115, the city council said on Tuesday.\n",
           "Leeds fire toll revised down\nEvening Post — June 10, 2025, 6:15 p.m.\n\n"
           "The death toll from the warehouse fire in Leeds was revised down on Tuesday from 115 to 97 because some "
           "victims had been counted twice, the city council said.\n"),
    "de": ("Lagerhausbrand: 115 Tote\nMorgenblatt — 10.06.2025, 07:30 Uhr\n\n"
           "Beim Brand eines Lagerhauses in Kassel sind nach Angaben der Stadt 115 Menschen ums Leben gekommen.\n",
           "Kassel korrigiert Totenzahl\nAbendblatt — 10.06.2025, 18:15 Uhr\n\n"
           "Die Zahl der Toten nach dem Brand des Lagerhauses in Kassel wurde am Dienstag von 115 auf 97 nach unten "
           "korrigiert, weil einige Opfer doppelt gezählt worden waren.\n"),
    "es": ("Incendio en un almacén: 115 muertos\nDiario Norte — 10 de junio de 2025 · 07:30\n\n"
           "La cifra de muertos por el incendio del almacén de Murcia subió a 115, informó el martes el ayuntamiento.\n",
           "Murcia rebaja la cifra de muertos del incendio\nLa Noche — 10 de junio de 2025 · 18:15\n\n"
           "La cifra de muertos por el incendio del almacén de Murcia disminuyó el martes de 115 a 97, porque algunas "
           "víctimas se contaron dos veces, informó el ayuntamiento.\n"),
}


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_stated_revision_is_reported_with_the_articles_that_gave_the_earlier_figure(tmp_path, lang):
    morning, evening = ARTICLES[lang]
    findings, claims = run(tmp_path, {"1.txt": morning, "2.txt": evening})
    revisions = [f for f in findings if f.kind == "contradiction" and "Revision 115 → 97" in f.message]
    assert len(revisions) == 1, [(f.kind, f.message) for f in findings]
    assert values(revisions[0], claims) == [{115}, {97}]
    assert {claims[i].document for i in revisions[0].sides[0]} == {"1", "2"}  # the morning article stands with 115
    assert revisions[0].severity.name == "WARNING"
    assert not any(f.kind == "corroboration" and any(claims[i].value.low == 115 for i in f.claims) for f in findings)


def test_a_rise_stated_in_one_sentence_is_not_a_revision(tmp_path):
    findings, _ = run(tmp_path, {"1.txt": "Incendie à Tarbes\nLe Soir — Publié le mardi 10 juin 2025 à 18h15\n\n"
                                           "Le bilan de l'incendie de Tarbes est passé mardi de 40 à 92 morts, selon la préfecture.\n"})
    assert not [f for f in findings if f.kind == "contradiction"]


# --- one source, one day: the publication times order the two tolls ----------------------------

SAME_DAY = {
    "fr": ("Le bilan de l'incendie de l'entrepôt de Tarbes s'établit à {n} morts, a annoncé la préfecture des "
           "Hautes-Pyrénées.", "Le Matin — Publié le mardi 10 juin 2025 à {t}"),
    "en": ("The death toll from the warehouse fire in Leeds stands at {n}, Leeds City Council said.",
           "Morning Star — June 10, 2025, {t}"),
}
CLOCK = {"fr": ("07h30", "18h15"), "en": ("7:30 a.m.", "6:15 p.m.")}


@pytest.mark.parametrize("lang", sorted(SAME_DAY))
@pytest.mark.parametrize("first,second,kind", [(115, 97, "contradiction"), (97, 115, "update")])
def test_one_sources_two_tolls_of_one_day_follow_the_publication_times(tmp_path, lang, first, second, kind):
    body, line = SAME_DAY[lang]
    early, late = CLOCK[lang]
    findings, claims = run(tmp_path, {
        "1.txt": f"Incendie\n{line.format(t=early)}\n\n{body.format(n=first)}\n",
        "2.txt": f"Incendie\n{line.format(t=late)}\n\n{body.format(n=second)}\n",
    })
    found = [f for f in findings if f.kind in ("contradiction", "update")]
    assert [f.kind for f in found] == [kind], [(f.kind, f.message) for f in findings]
    assert values(found[0], claims) == [{first}, {second}]  # earlier side first
    if kind == "contradiction":
        assert "A running count went down" in found[0].message
    else:
        assert "later bulletin of the same source" in found[0].message


def test_tolls_of_one_day_without_publication_hours_stay_unordered(tmp_path):
    body = "Le bilan de l'incendie de l'entrepôt de Tarbes s'établit à {n} morts, a annoncé la préfecture des Hautes-Pyrénées."
    findings, _ = run(tmp_path, {
        "1.txt": f"Incendie\nLe Matin — Publié le mardi 10 juin 2025\n\n{body.format(n=115)}\n",
        "2.txt": f"Incendie\nLe Soir — Publié le mardi 10 juin 2025\n\n{body.format(n=97)}\n",
    })
    assert not [f for f in findings if f.kind in ("contradiction", "update")]


# --- a lower bound of one day ---------------------------------------------------------------------


def test_a_lower_bound_of_one_day_does_not_corroborate_the_next_days_toll(tmp_path):
    findings, claims = run(tmp_path, {
        "1.txt": "Stadionunglück in Malang\nTagesbote — 08.06.2025, 10:00 Uhr\n\n"
                 "Bei dem Unglück im Stadion von Malang sind am Sonntag mindestens 129 Menschen ums Leben gekommen.\n",
        "2.txt": "Stadionunglück in Malang\nAbendpost — 09.06.2025, 11:00 Uhr\n\n"
                 "Die Zahl der Toten nach dem Unglück im Stadion von Malang ist am Montag auf 131 gestiegen.\n",
    })
    assert not [f for f in findings if f.kind == "corroboration"], [(f.kind, f.message) for f in findings]
