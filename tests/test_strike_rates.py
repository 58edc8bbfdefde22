"""Strike rates by sector and source: "42 % de grévistes dans le second degré selon le
ministère", then "Le Snes-FSU revendique 70 % dans le second degré".

A rate is a share of strikers of one population (primary or secondary teachers, rail
workers, the civil service); its sector is part of its scope. Two sources' rates for one
sector and day are a dispute; rates of two sectors are never compared; a rate "à 18 h" is a
rate at that hour. A rate of something else (a poll, a ballot, unemployment, an election)
is never read as a strike rate."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim, Interval
from tests.sentences import figures, findings_and_claims

DAY = dt.date(2026, 3, 12)


def _low(claim: Claim) -> float | None:
    return claim.value.low if isinstance(claim.value, Interval) else None


def _rates(text: str, lang: str) -> dict[float | None, Claim]:
    out = {}
    for c in figures(text, lang, DAY):
        assert isinstance(c.value, Interval)
        if c.unit == "percent":
            out[c.value.low] = c
    return out


# The ministry's rate, then a union's for the same sector in a sentence of its own that
# names neither strike nor strikers.
TWO_SOURCES = {
    "fr": ("Le ministère de l'Éducation nationale annonce 38,4 % de grévistes dans le second degré jeudi. "
           "Le Snes-FSU revendique 70 % dans le second degré.", 38.4, 70.0, "secondary_teachers",
           "Education Ministry", "Snes-FSU"),
    "en": ("Teachers walked out on Thursday. Turnout among teachers was 36%, according to the Department for Education. "
           "The NEU said 71% of teachers had joined the strike.", 36.0, 71.0, "teachers", "Education Ministry", "NEU"),
    "de": ("Beim Warnstreik am Donnerstag lag die Streikbeteiligung bei den Lehrkräften bei 62 Prozent, teilte die GEW mit. "
           "Das Kultusministerium sprach von einer Streikbeteiligung von 23 Prozent.", 62.0, 23.0, "teachers",
           "GEW", "Education Ministry"),
    "es": ("Entre los docentes, la huelga del jueves tuvo un seguimiento del 78 % según CCOO, del 14 % según el Gobierno.",
           78.0, 14.0, "teachers", "CCOO", "government"),
}


@pytest.mark.parametrize("lang", sorted(TWO_SOURCES))
def test_two_sources_rates_for_one_sector_are_strike_rates_of_that_sector(lang: str) -> None:
    text, first, second, population, first_source, second_source = TWO_SOURCES[lang]
    rates = _rates(text, lang)
    for value, source in ((first, first_source), (second, second_source)):
        assert value in rates, (value, list(rates))
        assert rates[value].category == "strikers"
        assert rates[value].share_of == f"population:{population}"
        assert rates[value].attributed_to == source


@pytest.mark.parametrize("lang", sorted(TWO_SOURCES))
def test_two_sources_rates_for_one_sector_are_a_dispute(tmp_path: Path, lang: str) -> None:
    text, first, second, *_ = TWO_SOURCES[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"Grève\n\nPublié le 12 mars 2026\n\n{text}\n"})
    disputes = [frozenset(_low(claims[i]) for i in f.claims) for f in found if f.kind == "dispute"]
    assert frozenset({first, second}) in disputes, [(f.kind, f.claims) for f in found]


def test_rates_of_two_sectors_are_never_compared(tmp_path: Path) -> None:
    text = ("Le ministère de l'Éducation nationale annonce 38,4 % de grévistes dans le second degré jeudi. "
            "Le SNUipp-FSU évoque 65 % dans le premier degré.")
    rates = _rates(text, "fr")
    assert rates[38.4].share_of == "population:secondary_teachers"
    assert rates[65.0].share_of == "population:primary_teachers"
    assert rates[65.0].category == "strikers"
    found, _ = findings_and_claims(tmp_path, {"a.txt": f"Grève\n\nPublié le 12 mars 2026\n\n{text}\n"})
    assert not found, [(f.kind, f.claims) for f in found]


def test_an_hour_stamped_rate_is_the_rate_at_that_hour() -> None:
    text = ("Dans la fonction publique, le taux de grévistes atteint 31,5 % dans la fonction publique d'État "
            "à 18 h jeudi, selon le gouvernement.")
    rate = _rates(text, "fr")[31.5]
    assert rate.share_of == "population:state_civil_service"
    assert rate.time is not None and rate.time.low_minute == 18 * 60


def test_rail_workers_rate_with_its_source() -> None:
    text = "À la SNCF, 48,2 % des cheminots sont en grève jeudi selon la CGT-Cheminots."
    rate = _rates(text, "fr")[48.2]
    assert (rate.category, rate.share_of) == ("strikers", "population:rail_workers")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le ministère annonce 30 % de grévistes dans le premier degré jeudi. "
               "Selon un sondage, 61 % des enseignants soutiennent la grève. "
               "Dans le secondaire, le taux de chômage des contractuels atteint 8 %."),
        ("en", "Teachers walked out on Thursday; 35% of primary teachers were on strike, the union said. "
               "Turnout among teachers in the union ballot was 53%. In secondary schools, 44% backed the strike in a survey."),
        ("de", "Die Streikbeteiligung bei den Lehrkräften lag am Donnerstag bei 40 Prozent, teilte die GEW mit. "
               "Bei der Urabstimmung hatten 91 Prozent der Lehrkräfte für den Streik gestimmt. Die Wahlbeteiligung lag bei 61 Prozent."),
        ("es", "La huelga tuvo un seguimiento del 45 % entre los docentes según CCOO. "
               "Según una encuesta, el 72 % de los profesores apoya la huelga. En secundaria, la participación electoral fue del 58 %."),
    ],
)
def test_a_poll_a_ballot_an_election_or_unemployment_is_not_a_strike_rate(lang: str, text: str) -> None:
    rates = _rates(text, lang)
    strike = [v for v, c in rates.items() if c.category == "strikers"]
    assert strike == [{"fr": 30.0, "en": 35.0, "de": 40.0, "es": 45.0}[lang]], [(c.quote, c.category) for c in rates.values()]


def test_an_opinion_of_a_sector_after_a_strike_rate_is_not_a_strike_rate() -> None:
    text = ("Le ministère annonce 30 % de grévistes dans le premier degré jeudi. "
            "Au sein du primaire, 75 % des enseignants approuvent la réforme.")
    rates = _rates(text, "fr")
    assert 75.0 not in rates or rates[75.0].category != "strikers"


def test_a_bare_rate_after_a_breakdown_does_not_take_the_last_part_as_its_whole() -> None:
    # The sentence before gives three wholes: "55 %" that follows may be any of them.
    text = ("Mardi, 21,5 % des cheminots étaient en grève, dont 70,1 % des conducteurs et 50,2 % des contrôleurs. "
            "Jeudi, plus d'un cheminot sur deux, 52 %, avait cessé le travail.")
    rates = _rates(text, "fr")
    assert 52.0 not in rates or rates[52.0].share_of != "population:ticket_inspectors"
