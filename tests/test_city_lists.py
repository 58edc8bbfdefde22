"""City list lines: "Toulouse : 10 000 selon la CGT, 2 000 selon la police".

A round-up of a protest day often ends on one line per city, each with two sources' counts
and no counted noun. Each figure is the city's (the line's head), whatever the article's
country, counts what the national count before the list counts, and keeps its own source:
the two figures of a line are a dispute, and a city's figure is never set against the
national one."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from consistency.model import Claim, Interval
from tests.sentences import figures, findings_and_claims

DAY = dt.date(2026, 3, 12)

ROUND_UPS = {
    "fr": (
        "Le ministère de l'Intérieur a compté 380 000 manifestants en France jeudi, la CGT en revendique un million. "
        "Voici les chiffres dans les principales villes.\n"
        "Toulouse : 12 000 selon la CGT, 3 000 selon la police.\n"
        "Lille : 14 000 selon la CGT (5 500 selon la police).\n"
        "Brest : 9 000 selon la police, 7 400 selon les organisateurs.\n"
        "Dijon : 6 000 selon la police, 6 000 aussi selon l'intersyndicale.\n",
        {12000: ("Toulouse", "CGT union"), 3000: ("Toulouse", "police"), 14000: ("Lille", "CGT union"),
         5500: ("Lille", "police"), 9000: ("Brest", "police"), 7400: ("Brest", "organisers")},
    ),
    "en": (
        "The Interior Ministry counted 380,000 protesters across France on Thursday, while the CGT union claimed one million. "
        "Here are the figures in the main cities.\n"
        "Toulouse: 12,000 according to the CGT, 3,000 according to the police.\n"
        "Lille: 14,000 according to the CGT (5,500 according to the police).\n"
        "Brest: 9,000 according to police, 7,400 according to organisers.\n",
        {12000: ("Toulouse", "CGT union"), 3000: ("Toulouse", "police"), 14000: ("Lille", "CGT union"),
         5500: ("Lille", "police"), 9000: ("Brest", "police"), 7400: ("Brest", "organisers")},
    ),
    "de": (
        "Bundesweit gingen am Donnerstag nach Angaben der Veranstalter 240.000 Demonstranten auf die Straße. "
        "Die Zahlen aus einzelnen Städten:\n"
        "Hamburg: 18.000 laut Polizei, 45.000 laut Veranstaltern.\n"
        "Köln: 7.000 laut Polizei (16.000 laut Veranstaltern).\n"
        "Leipzig: 4.500 laut Polizei, 9.500 laut Veranstaltern.\n",
        {18000: ("Hamburg", "police"), 45000: ("Hamburg", "organisers"), 7000: ("Köln", "police"),
         16000: ("Köln", "organisers"), 4500: ("Leipzig", "police"), 9500: ("Leipzig", "organisers")},
    ),
    "es": (
        "El Gobierno cifró en 260.000 los manifestantes que salieron el jueves a la calle en toda España. "
        "Las cifras en las principales ciudades:\n"
        "Madrid: 22.000 según la policía, 90.000 según los sindicatos.\n"
        "Valencia: 11.000 según la policía (35.000 según los organizadores).\n"
        "Sevilla: 7.000 según la policía, 18.000 según CCOO.\n",
        {22000: ("Madrid", "police"), 90000: ("Madrid", "unions"), 11000: ("Valencia", "police"),
         35000: ("Valencia", "organisers"), 7000: ("Sevilla", "police"), 18000: ("Sevilla", "CCOO")},
    ),
}


def _low(claim: Claim) -> float | None:
    return claim.value.low if isinstance(claim.value, Interval) else None


def _by_value(claims: list[Claim]) -> dict[float | None, Claim]:
    out = {}
    for c in claims:
        assert isinstance(c.value, Interval)
        out[c.value.low] = c
    return out


@pytest.mark.parametrize("lang", sorted(ROUND_UPS))
def test_each_figure_of_a_city_line_is_that_citys_with_its_own_source(lang: str) -> None:
    text, expected = ROUND_UPS[lang]
    read = _by_value(figures(text, lang, DAY))
    national = next(c for c in read.values() if c.location not in {place for place, _ in expected.values()})
    for value, (city, source) in expected.items():
        assert value in read, (value, list(read))
        claim = read[value]
        assert claim.location == city, (value, claim.location)
        assert claim.place_source == "clause"
        assert claim.attributed_to == source, (value, claim.attributed_to)
        assert claim.category == national.category == "protesters"


@pytest.mark.parametrize("lang", sorted(ROUND_UPS))
def test_the_two_sources_of_a_line_dispute_and_no_city_is_set_against_the_nation(tmp_path: Path, lang: str) -> None:
    text, expected = ROUND_UPS[lang]
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"Manifestations\n\nPublié le 12 mars 2026\n\n{text}"})
    pairs = []
    for f in found:
        places = {claims[i].location for i in f.claims if i in claims}
        assert len(places) == 1, (f.kind, places)  # one city, or the nation: never both
        pairs.append((f.kind, places.pop(), frozenset(_low(claims[i]) for i in f.claims)))
    first_city = expected[next(iter(expected))][0]
    line = frozenset(v for v, (city, _) in expected.items() if city == first_city)
    assert ("dispute", first_city, line) in pairs, pairs


def test_a_second_source_giving_the_same_figure_is_read_with_its_own_source() -> None:
    text = ROUND_UPS["fr"][0]
    dijon = [c for c in figures(text, "fr", DAY) if c.location == "Dijon"]
    assert sorted(f"{c.value.low:g} {c.attributed_to}" for c in dijon if isinstance(c.value, Interval)) == [
        "6000 police", "6000 unions"]


def test_a_line_that_does_not_open_on_a_city_takes_no_city() -> None:
    text = ("Le ministère de l'Intérieur a compté 380 000 manifestants en France jeudi.\n"
            "Bilan : 12 000 selon la CGT, 3 000 selon la police.\n")
    for claim in figures(text, "fr", DAY):
        assert claim.location in (None, "France"), (claim.quote, claim.location)


def test_a_city_line_far_smaller_than_a_count_of_something_else_is_not_borrowed() -> None:
    # Twelve arrests, then a city line: its figures are not arrests, and are left uncounted.
    text = ("La police a procédé à 12 interpellations jeudi.\n"
            "Toulouse : 12 000 selon la CGT, 3 000 selon la police.\n")
    read = _by_value(figures(text, "fr", DAY))
    assert 12000 not in read and 3000 not in read, [(c.quote, c.category) for c in read.values()]


def test_a_headline_topic_before_a_colon_is_not_a_town() -> None:
    # "Wetter" is also a town of the Ruhr; the line gives no source, so it is no city line.
    text = "Wetter: Mindestens 14 Menschen sterben bei Sturm im Westen.\n"
    for claim in figures(text, "de", DAY):
        assert claim.location != "Wetter", claim.quote
