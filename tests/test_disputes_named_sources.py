"""Two named sources an article sets side by side give different counts: a dispute, never a
contradiction nor an update (fr/en/de/es, invented sentences).

"The minister put the toll at 120. However, at least 190 died according to unofficial
records": the floor lies above the official figure, so the two do not meet. "At least 530
according to medical sources, while diplomats say 658": the floor allows 658, so nothing is
contradicted, but the two voices count differently and a fact-checker wants both named.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from tests.sentences import exact, figures, findings_and_claims

DAY = dt.date(2025, 6, 20)

ABOVE = {
    "fr": ("Publié le 15 mai 2025\n\nLe Premier ministre Oren Tash a fait état mercredi de 120 morts à Halvik. "
           "Selon des chiffres non officiels, au moins 190 personnes sont mortes.\n"),
    "en": ("Published 15 May 2025\n\nPrime Minister Oren Tash put the death toll at 120 people on Wednesday. "
           "However, at least 190 people died according to unofficial records.\n"),
    "de": ("Veröffentlicht am 15. Mai 2025\n\nRegierungschef Oren Tash sprach am Mittwoch von 120 Toten in Halvik. "
           "Laut inoffiziellen Angaben starben mindestens 190 Menschen.\n"),
    "es": ("Publicado el 15 de mayo de 2025\n\nEl ministro del Interior, Oren Tash, dijo el miércoles que murieron 120 "
           "personas. Según fuentes no oficiales, murieron al menos 190 personas.\n"),
}

BELOW = {
    "en": ("Published 20 June 2025\n\nMedical sources told reporters that at least 230 Norvalese pilgrims died in the "
           "heat in Mecca, while Arab diplomats said 310 Norvalese pilgrims died.\n"),
    "fr": ("Publié le 20 juin 2025\n\nAu moins 230 pèlerins norvalais sont morts de la chaleur à La Mecque, selon des "
           "sources médicales, tandis que selon des diplomates arabes, 310 pèlerins norvalais sont morts.\n"),
    "de": ("Veröffentlicht am 20. Juni 2025\n\nMindestens 230 norvalesische Pilger starben laut medizinischen Quellen in "
           "Mekka an der Hitze, während nach Angaben arabischer Diplomaten 310 norvalesische Pilger starben.\n"),
    "es": ("Publicado el 20 de junio de 2025\n\nAl menos 230 peregrinos norvaleses murieron por el calor en La Meca, según "
           "fuentes médicas, mientras que según diplomáticos árabes murieron 310 peregrinos norvaleses.\n"),
}


def _over(found: list, claims: dict, values: set[float]) -> list:
    return [f for f in found if {claims[c].value.low for c in f.claims} >= values]


@pytest.mark.parametrize("lang", sorted(ABOVE))
def test_a_floor_above_the_official_toll_is_a_dispute(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": ABOVE[lang]})
    both = _over(found, claims, {120, 190})
    assert [f.kind for f in both] == ["dispute"], [(f.kind, f.message) for f in found]
    assert both[0].rule == "attribution-dispute"


@pytest.mark.parametrize("lang", sorted(BELOW))
def test_a_floor_below_another_voices_figure_is_a_dispute_not_a_contradiction(tmp_path: Path, lang: str) -> None:
    found, claims = findings_and_claims(tmp_path, {"a.txt": BELOW[lang]})
    sources = {c.value.low: c.attributed_to for c in claims.values()}
    assert sources.get(230) == "medical sources" and sources.get(310) == "Arab diplomats", sources
    both = _over(found, claims, {230, 310})
    assert [f.kind for f in both] == ["dispute"], [(f.kind, f.message) for f in found]
    assert str(both[0].severity) in ("info", "Severity.INFO") or both[0].severity.name == "INFO"


def test_one_voice_giving_a_floor_and_a_figure_is_no_dispute(tmp_path: Path) -> None:
    text = ("Published 20 June 2025\n\nArab diplomats said at least 230 Norvalese pilgrims died in the heat in Mecca, "
            "and the diplomats later said the Norvalese toll stands at 310.\n")
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    assert [f.kind for f in _over(found, claims, {230, 310}) if f.kind in ("dispute", "contradiction")] == []


def test_figures_of_two_voices_in_separate_paragraphs_are_not_set_side_by_side(tmp_path: Path) -> None:
    """A floor in one paragraph and another voice's figure further down may be counts of
    different moments: only the text setting them against each other makes the dispute."""
    text = ("Published 20 June 2025\n\nMedical sources told reporters that at least 230 Norvalese pilgrims died in the "
            "heat in Mecca.\n\nThe heat was expected to ease on Friday.\n\n"
            "Arab diplomats said the Norvalese toll stands at 310.\n")
    found, claims = findings_and_claims(tmp_path, {"a.txt": text})
    assert [f.kind for f in _over(found, claims, {230, 310}) if f.kind in ("dispute", "contradiction")] == []


def test_a_floor_below_in_another_article_is_no_dispute(tmp_path: Path) -> None:
    """Across articles a floor below a later outlet's figure is an earlier, lower count, not a
    quarrel of sources."""
    a = ("Published 20 June 2025\n\nMedical sources told reporters that at least 230 Norvalese pilgrims died in the "
         "heat in Mecca.\n")
    b = "Published 20 June 2025\n\nArab diplomats said the Norvalese toll in Mecca stands at 310.\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": a, "b.txt": b})
    assert [f.kind for f in _over(found, claims, {230, 310}) if f.kind in ("dispute", "contradiction")] == []


# A country named as where the dead were is not whose they are: read as the actor, it kept a
# toll from being set against the same toll another voice gave without a nationality.
WHERE = {
    "en": ("Floods in the south of Ukraine have killed 16 people, officials said.", "Ukraine"),
    "fr": ("Les inondations dans le sud de l'Ukraine ont tué 16 personnes, selon les autorités.", "Ukraine"),
    "de": ("Die Überschwemmungen im Süden der Ukraine haben 16 Menschen getötet, teilten die Behörden mit.", "Ukraine"),
    "es": ("Las inundaciones en el sur de Ucrania han matado a 16 personas, según las autoridades.", "Ukraine"),
}
WHOSE = {
    "en": "The floods have killed 16 Ukrainians, officials said.",
    "fr": "Les inondations ont tué 16 Ukrainiens, selon les autorités.",
    "de": "Die Überschwemmungen haben 16 ukrainische Zivilisten getötet, teilten die Behörden mit.",
    "es": "Las inundaciones han matado a 16 ucranianos, según las autoridades.",
}


@pytest.mark.parametrize("lang", sorted(WHERE))
def test_a_country_named_as_the_place_is_not_the_actor(lang: str) -> None:
    text, country = WHERE[lang]
    claim = exact(figures(text, lang, DAY), 16)
    assert claim.actor is None and claim.location == country, (claim.actor, claim.location)


@pytest.mark.parametrize("lang", sorted(WHOSE))
def test_a_nationality_stays_the_actor(lang: str) -> None:
    assert exact(figures(WHOSE[lang], lang, DAY), 16).actor == "Ukraine"
