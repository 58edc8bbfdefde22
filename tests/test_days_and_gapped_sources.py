"""Figures of other days and sources whose verb is left out (fr/en/de/es, invented sentences).

Two figures whose own clauses date them to two different days are two counts: they never
corroborate each other, however close their values. "X counted 1.17 million on 4 February and
the unions 2.2 million": the unions' figure is theirs, and of the same day.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import exact, figures, findings_and_claims

OTHER_DAYS = {
    "fr": ("Publié le 10 mars 2025\n\nLe 4 février, les autorités avaient compté 1,17 million de manifestants.\n",
           "Publié le 12 mars 2025\n\nLe 20 février, il y avait eu 1,2 million de manifestants selon la CGT.\n"),
    "en": ("Published 10 March 2025\n\nOn 4 February, the authorities counted 1.17 million protesters.\n",
           "Published 12 March 2025\n\nOn 20 February, 1.2 million protesters marched, according to the unions.\n"),
    "de": ("Veröffentlicht am 10. März 2025\n\nDie Behörden sprachen von 1,17 Millionen Demonstranten am 4. Februar.\n",
           "Veröffentlicht am 12. März 2025\n\nAm 20. Februar demonstrierten laut Gewerkschaften 1,2 Millionen Menschen.\n"),
    "es": ("Publicado el 10 de marzo de 2025\n\nEl 4 de febrero, las autoridades contaron 1,17 millones de manifestantes.\n",
           "Publicado el 12 de marzo de 2025\n\nEl 20 de febrero se manifestaron 1,2 millones de personas, según los sindicatos.\n"),
}


@pytest.mark.parametrize("lang", sorted(OTHER_DAYS))
def test_counts_of_two_stated_days_do_not_corroborate(tmp_path: Path, lang: str) -> None:
    first, second = OTHER_DAYS[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": first, "b.txt": second})
    values = {1170000, 1200000}
    assert not [f for f in found if f.kind in ("corroboration", "echo")
                and {claims[c].value.low for c in f.claims} >= values], [(f.kind, f.message) for f in found]


def test_a_restatement_without_its_own_day_still_corroborates(tmp_path: Path) -> None:
    """A later article giving the figure with no day of its own restates it."""
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Published 5 February 2025\n\nOn 4 February, the authorities counted 1.17 million protesters.\n",
        "b.txt": "Published 12 February 2025\n\nThe authorities have counted 1.17 million protesters, the ministry said.\n",
    })
    assert [f for f in found if f.kind in ("corroboration", "echo")], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize(
    "text,lang,source",
    [
        ("Les autorités avaient compté le 4 février 1,17 million de manifestants et les syndicats 2,2 millions.", "fr", "unions"),
        ("Les autorités avaient compté le 4 février 1,17 million de manifestants, les syndicats 2,2 millions.", "fr", "unions"),
        ("Las autoridades cifraron el 4 de febrero en 1,17 millones los manifestantes y los sindicatos en 2,2 millones.", "es", "unions"),
        ("Las autoridades informaron el 4 de febrero de 1,17 millones de manifestantes, los sindicatos de 2,2 millones.", "es", "unions"),
    ],
)
def test_a_source_whose_verb_is_left_out_gives_its_figure_that_day(text: str, lang: str, source: str) -> None:
    claims = figures(text, lang)
    theirs = exact(claims, 2200000)
    assert theirs.attributed_to == source
    assert exact(claims, 1170000).attributed_to == "authorities"
    assert theirs.time is not None and theirs.time.low is not None and (theirs.time.low.month, theirs.time.low.day) == (2, 4)


@pytest.mark.parametrize(
    "text,lang",
    [
        ("At the height of the crisis last Thursday, officials had said about 1,300 people were unaccounted for.", "en"),
        ("Jeudi dernier, 1 300 personnes étaient portées disparues.", "fr"),
        ("Am vergangenen Donnerstag galten 1.300 Menschen als vermisst.", "de"),
        ("El jueves pasado, 1.300 personas seguían desaparecidas.", "es"),
    ],
)
def test_last_weekday_written_the_day_after_is_the_week_before(text: str, lang: str) -> None:
    """Written on Friday 14 March 2025, "last Thursday" is 6 March: the day before is "yesterday"."""
    import datetime as dt

    claim = [c for c in figures(text, lang, dt.date(2025, 3, 14)) if c.value.low is not None and 1200 <= c.value.low <= 1300][0]
    assert claim.time is not None and claim.time.low == dt.date(2025, 3, 6), claim.time


@pytest.mark.parametrize(
    "text,value,source",
    [
        ("Am 4. Februar hatten die Behörden 1,17 Millionen Demonstranten gezählt.", 1170000, "authorities"),
        ("Bis zum Abend hatte die Polizei 30 Festnahmen gemeldet.", 30, "police"),
    ],
)
def test_a_german_source_between_its_auxiliary_and_the_participle_last(text: str, value: float, source: str) -> None:
    """"hatten die Behörden … gezählt": the subject stands after the auxiliary, the verb at the end."""
    assert exact(figures(text, "de"), value).attributed_to == source


@pytest.mark.parametrize(
    "first,second",
    [
        ("Mardi 7 mars 2023\n\nMardi, 3,5 millions de personnes ont manifesté selon la CGT.\n",
         "Samedi 11 mars 2023\n\nCe samedi, plus d'1 million de personnes ont manifesté selon la CGT.\n"),
        ("Mardi 7 mars 2023\n\nLa mobilisation de mardi a été massive. La CGT a compté 3,5 millions de manifestants.\n",
         "Samedi 11 mars 2023\n\nLa mobilisation de samedi a faibli. La CGT a compté plus d'1 million de manifestants.\n"),
        ("Tuesday 7 March 2023\n\nOn Tuesday, 3.5 million people marched, according to the CGT union.\n",
         "Saturday 11 March 2023\n\nOn Saturday, more than 1 million people marched, according to the CGT union.\n"),
    ],
)
def test_a_turnout_given_as_a_lower_bound_confirms_no_other_days_turnout(tmp_path: Path, first: str, second: str) -> None:
    """"More than 1 million" on Saturday is that day's march, not a repeat of Tuesday's 3.5 million."""
    found, claims = findings_and_claims(tmp_path, {"a.txt": first, "b.txt": second})
    assert not [f for f in found if f.kind in ("corroboration", "echo")
                and {claims[c].value.low for c in f.claims} >= {1000000, 3500000}], [(f.kind, f.message) for f in found]
