"""A city's figure, a window's count, another occasion's figure and custody (fr/en/de/es).

- A capital after a preposition of place that opens its clause ("À Berlin,", "In Berlin,",
  "En Berlín,") is the city where people were counted, not its government: its figure is never
  set against the nation's.
- A town after "in" before a counting verb ("In Würzburg zählte die Polizei") is where the count
  was made: the figure keeps that town, never the town of the sentence before.
- A count over a window of days ("from Friday to Sunday") holds the count of one of its days: a
  smaller day is a part of it, not a rival.
- "alors qu'ils étaient 52 000 lors du 1er mai": the same count on another occasion, at the time
  named after it; with no time of its own it is never today's count.
- Placements in custody ("gardes à vue", "in Gewahrsam genommen") are not arrests.

Sentences are invented."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings_and_claims

SUNDAY = dt.date(2025, 3, 16)
WEDNESDAY = dt.date(2025, 4, 2)


def _kinds(found: list, claims: dict, values: set[float]) -> list[str]:
    return sorted(f.kind for f in found if {claims[c].value.low for c in f.claims} == values)


# --- a capital after a preposition that opens its clause --------------------------------------

CAPITAL = {
    "fr": "Dimanche, des marches ont eu lieu dans toute l'Allemagne. {prep} Berlin, plus de 30 000 personnes ont défilé selon la police.",
    "en": "Marches took place across Germany on Sunday. {prep} Berlin, more than 30,000 people marched, police said.",
    "es": "El domingo hubo marchas en toda Alemania. {prep} Berlín, más de 30.000 personas se manifestaron, según la policía.",
}


@pytest.mark.parametrize(("lang", "prep"), [("fr", "A"), ("fr", "À"), ("en", "In"), ("es", "En")])
def test_a_capital_after_a_clause_opening_preposition_is_the_city(lang: str, prep: str) -> None:
    claim = figure(CAPITAL[lang].format(prep=prep), lang, 30000, SUNDAY)
    assert (claim.location, claim.place_level) == ("Berlin", "city")


def test_a_capital_after_a_visit_still_frames_the_sentence() -> None:
    text = "Après une visite à Berlin, le ministre a annoncé que 30 000 personnes avaient manifesté dimanche en Allemagne."
    assert figure(text, "fr", 30000, SUNDAY).location == "Germany"


NATION = {
    "fr": "Dimanche 16 mars 2025\n\nAu total, plus de 400 000 personnes ont manifesté dimanche dans toute l'Allemagne, selon les organisateurs.\n",
    "en": "Sunday 16 March 2025\n\nIn all, more than 400,000 people marched across Germany on Sunday, organisers said.\n",
    "es": "Domingo, 16 de marzo de 2025\n\nEn total, más de 400.000 personas se manifestaron el domingo en toda Alemania, según los organizadores.\n",
}
BERLIN_ORGANISERS = {
    "fr": "Dimanche 16 mars 2025\n\nÀ Berlin, 60 000 personnes ont défilé dimanche selon les organisateurs.\n",
    "en": "Sunday 16 March 2025\n\nIn Berlin, 60,000 people marched on Sunday, organisers said.\n",
    "es": "Domingo, 16 de marzo de 2025\n\nEn Berlín, 60.000 personas se manifestaron el domingo, según los organizadores.\n",
}
DATED = {"fr": "Dimanche 16 mars 2025\n\n", "en": "Sunday 16 March 2025\n\n", "es": "Domingo, 16 de marzo de 2025\n\n"}


@pytest.mark.parametrize("lang", sorted(NATION))
def test_the_capitals_figure_is_never_set_against_the_nations(tmp_path: Path, lang: str) -> None:
    city = DATED[lang] + CAPITAL[lang].format(prep={"fr": "A", "en": "In", "es": "En"}[lang]) + "\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": city, "b.txt": NATION[lang]})
    assert _kinds(found, claims, {30000, 400000}) == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(NATION))
def test_the_capitals_two_sources_still_dispute(tmp_path: Path, lang: str) -> None:
    city = DATED[lang] + CAPITAL[lang].format(prep={"fr": "A", "en": "In", "es": "En"}[lang]) + "\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": city, "b.txt": BERLIN_ORGANISERS[lang]})
    assert _kinds(found, claims, {30000, 60000}) == ["dispute"], [(f.kind, f.message) for f in found]


# --- a town before a counting verb ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "town"),
    [
        ("In Hannover demonstrierten am Sonntag 9000 Menschen. In Würzburg zählte die Polizei bis zu 2500 Menschen.",
         "de", "Würzburg"),
        ("On Sunday 9,000 people marched in Manchester. In Leicester, police counted 2,500 people.", "en", "Leicester"),
        ("Dimanche, 9 000 personnes ont manifesté à Lyon. À Grenoble, la police a compté 2 500 manifestants.", "fr", "Grenoble"),
        ("El domingo se manifestaron 9.000 personas en Sevilla. En Burgos, la policía contó 2.500 manifestantes.", "es", "Burgos"),
    ],
)
def test_a_town_before_a_counting_verb_is_where_the_count_was_made(text: str, lang: str, town: str) -> None:
    assert figure(text, lang, 2500, SUNDAY).location == town


def test_two_towns_figures_are_never_compared(tmp_path: Path) -> None:
    a = "Sonntag, 16. März 2025\n\nIn Hannover demonstrierten am Sonntag laut Veranstaltern 9000 Menschen. " \
        "In Würzburg zählte die Polizei bis zu 2500 Menschen.\n"
    b = "Sonntag, 16. März 2025\n\nIn Hannover demonstrierten am Sonntag laut Polizei rund 4000 Menschen.\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": a, "b.txt": b})
    assert _kinds(found, claims, {9000, 2500}) == []
    assert _kinds(found, claims, {2500, 3600}) == []  # "rund 4000" is read from 3600
    assert _kinds(found, claims, {9000, 3600}) == ["dispute"], [(f.kind, f.message) for f in found]


# --- a window of days and one of its days ---------------------------------------------------------

WINDOW = {
    "de": "Montag, 17. März 2025\n\nVon Freitag bis Sonntag demonstrierten in Deutschland laut Innenministerium {n} Menschen.\n",
    "en": "Monday 17 March 2025\n\nFrom Friday to Sunday, {n} people marched across Germany, the interior ministry said.\n",
    "fr": ("Lundi 17 mars 2025\n\nDu vendredi au dimanche, {n} personnes ont manifesté dans toute l'Allemagne, "
           "selon le ministère de l'Intérieur.\n"),
}
DAY = {
    "de": "Sonntag, 16. März 2025\n\nAm Samstag demonstrierten in Deutschland laut Innenministerium rund 240.000 Menschen.\n",
    "en": "Sunday 16 March 2025\n\nSome 240,000 people marched across Germany on Saturday, according to the interior ministry.\n",
    "fr": "Dimanche 16 mars 2025\n\nSamedi, environ 240 000 personnes ont manifesté dans toute l'Allemagne, selon le ministère de l'Intérieur.\n",
}


def _window(lang: str, n: int) -> str:
    written = f"{n:,}".replace(",", {"de": ".", "en": ",", "fr": " "}[lang])
    return WINDOW[lang].format(n=written)


@pytest.mark.parametrize("lang", sorted(WINDOW))
def test_a_day_inside_a_window_is_a_part_of_the_windows_count(tmp_path: Path, lang: str) -> None:
    found, _ = findings_and_claims(tmp_path, {"a.txt": _window(lang, 600000), "b.txt": DAY[lang]})
    assert [f.kind for f in found if f.kind == "contradiction"] == [], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(WINDOW))
def test_a_window_smaller_than_one_of_its_days_still_contradicts(tmp_path: Path, lang: str) -> None:
    found, _ = findings_and_claims(tmp_path, {"a.txt": _window(lang, 100000), "b.txt": DAY[lang]})
    assert [f.kind for f in found if f.kind == "contradiction"] == ["contradiction"], [(f.kind, f.message) for f in found]


# --- the same count on another occasion ----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le ministre a indiqué que 70 000 policiers ont été mobilisés aujourd'hui, alors qu'ils étaient 52 000 lors du 1er mai.", "fr"),
        ("France deployed 70,000 police officers on Wednesday, compared with 52,000 on May 1.", "en"),
        ("Frankreich setzte am Mittwoch 70.000 Polizisten ein, gegenüber 52.000 am 1. Mai.", "de"),
        ("Francia desplegó el miércoles 70.000 policías, frente a los 52.000 del 1 de mayo.", "es"),
    ],
)
def test_a_figure_of_another_occasion_keeps_its_own_day(text: str, lang: str) -> None:
    other = figure(text, lang, 52000, WEDNESDAY)
    assert other.time is not None and (other.time.low, other.time.high) == (dt.date(2024, 5, 1),) * 2


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Le ministre a indiqué que 70 000 policiers ont été mobilisés mercredi, alors qu'ils étaient 52 000 lors de la "
         "précédente journée.", "fr"),
        ("Le ministre a indiqué que 70 000 policiers ont été mobilisés mercredi, alors qu'ils étaient 52 000 au dernier défilé.",
         "fr"),
    ],
)
def test_a_figure_of_another_occasion_without_its_day_has_no_time(text: str, lang: str) -> None:
    assert all(c.time is None for c in figures(text, lang, WEDNESDAY) if c.value.low == 52000)


def test_another_voice_of_the_same_day_keeps_the_day() -> None:
    text = "Mercredi, 30 000 manifestants ont défilé selon la police, ils étaient 80 000 selon la CGT."
    other = figure(text, "fr", 80000, WEDNESDAY)
    assert other.time is not None and other.time.low == WEDNESDAY


def test_another_occasions_figure_is_never_set_against_todays(tmp_path: Path) -> None:
    a = "Mercredi 2 avril 2025\n\nLe ministre de l'Intérieur a indiqué que 70 000 policiers ont été mobilisés aujourd'hui, " \
        "alors qu'ils étaient 52 000 lors du 1er mai.\n"
    b = "Mercredi 2 avril 2025\n\nQuelque 70 000 policiers et gendarmes ont été mobilisés mercredi en France, selon le ministère de l'Intérieur.\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": a, "b.txt": b})
    assert [f.kind for f in found if 52000 in {claims[c].value.low for c in f.claims}] == []


# --- custody is not arrests ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("Mercredi, le ministère a recensé 430 gardes à vue en France.", "fr", 430),
        ("Mercredi, 430 personnes ont été placées en garde à vue en France.", "fr", 430),
        ("Am Mittwoch wurden in Frankreich 430 Menschen in Gewahrsam genommen.", "de", 430),
        ("El miércoles, 430 personas quedaron bajo custodia policial en Francia.", "es", 430),
    ],
)
def test_placements_in_custody_are_not_arrests(text: str, lang: str, value: float) -> None:
    assert figure(text, lang, value, WEDNESDAY).event == "detained"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mercredi, 612 personnes ont été interpellées en France.", "fr"),
        ("Am Mittwoch wurden in Frankreich 612 Menschen festgenommen.", "de"),
        ("El miércoles fueron detenidas 612 personas en Francia.", "es"),
        ("On Wednesday, 612 people were taken into custody in France.", "en"),
    ],
)
def test_arrests_stay_arrests(text: str, lang: str) -> None:
    assert figure(text, lang, 612, WEDNESDAY).event == "arrested"


def test_custody_is_never_set_against_arrests(tmp_path: Path) -> None:
    a = "Mercredi 2 avril 2025\n\nMercredi, le ministère de l'Intérieur a recensé 430 gardes à vue en France.\n"
    b = "Jeudi 3 avril 2025\n\nSelon un bilan du ministère de l'Intérieur publié jeudi, 612 personnes ont été interpellées en France.\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": a, "b.txt": b})
    assert _kinds(found, claims, {430, 612}) == [], [(f.kind, f.message) for f in found]


def test_a_later_custody_count_still_updates(tmp_path: Path) -> None:
    a = "Mercredi 2 avril 2025\n\nMercredi, le ministère de l'Intérieur a recensé 430 gardes à vue en France.\n"
    b = "Jeudi 3 avril 2025\n\nJeudi, le ministère de l'Intérieur a recensé 520 gardes à vue en France.\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": a, "b.txt": b})
    assert _kinds(found, claims, {430, 520}) == ["update"], [(f.kind, f.message) for f in found]


# --- cities under their names in each language ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Am Sonntag demonstrierten in Nürnberg laut Polizei 15.000 Menschen.", "de"),
        ("Dimanche, 15 000 personnes ont manifesté à Nuremberg selon la police.", "fr"),
        ("On Sunday 15,000 people marched in Nuremberg, police said.", "en"),
        ("El domingo se manifestaron en Núremberg 15.000 personas, según la policía.", "es"),
    ],
)
def test_a_city_is_found_under_its_name_in_each_language(text: str, lang: str) -> None:
    claim = figure(text, lang, 15000, SUNDAY)
    assert (claim.location, claim.place_level) == ("Nuremberg", "city")


def test_a_partys_name_is_never_read_as_a_citys_other_name() -> None:
    claim = figure("Some 40 hostages are still held in Hamas tunnels, officials said.", "en", 40, SUNDAY)
    assert claim.location != "Hamm"
