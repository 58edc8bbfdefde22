"""Who gave a figure, as news articles write it (fr/en/de/es, invented sentences).

One source under two spellings ("Yıldırım" / "Yildirim", "Mr Yildiz" / "Taner Yıldız", "la
préfecture" / "la préfecture de police") is one voice: its figure repeated by two articles is
an echo, never a corroboration by "2 independent origins". A figure "according to unofficial
records" has a source of its own, which can dispute the official toll; "X estime que" gives the
figure to X; in "218 según Ferrolia y 247 según la Delegación del Gobierno" each figure takes
the source right after it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.extract.attribution import office_titles
from consistency.graph import _people
from tests.sentences import figure, findings_and_claims


def _kinds_on(found: list, claims: dict, value: float) -> list[str]:
    return [f.kind for f in found if any(claims[c].value.low == value for c in f.claims)]


# --- one person, spelled with and without the letters of their language -----------------

SPELLINGS = {
    "en": ("Transport Minister Emre Yıldırım said 212 passengers had been rescued from the ferry on Sunday.",
           "Transport Minister Emre Yildirim said 212 passengers had been rescued from the ferry on Sunday."),
    "fr": ("Le ministre des Transports Paweł Nowak a déclaré dimanche que 212 passagers avaient été secourus.",
           "Le ministre des Transports Pawel Nowak a déclaré dimanche que 212 passagers avaient été secourus."),
    "de": ("Verkehrsminister Jørgen Strauß sagte am Sonntag, 212 Passagiere seien gerettet worden.",
           "Verkehrsminister Jorgen Strauss sagte am Sonntag, 212 Passagiere seien gerettet worden."),
    "es": ("El ministro de Transportes Şükrü Çelik afirmó el domingo que 212 pasajeros fueron rescatados.",
           "El ministro de Transportes Sukru Celik afirmó el domingo que 212 pasajeros fueron rescatados."),
}
DATELINE = {"en": "3 August 2025", "fr": "3 août 2025", "de": "3. August 2025", "es": "3 de agosto de 2025"}


@pytest.mark.parametrize("lang", sorted(SPELLINGS))
def test_one_person_under_two_spellings_is_an_echo(tmp_path: Path, lang: str) -> None:
    first, second = SPELLINGS[lang]
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": f"Ferry fire\n\n{DATELINE[lang]}\n\n{first}\n",
        "b.txt": f"Ferry fire\n\n{DATELINE[lang]}\n\n{second}\n",
    })
    kinds = _kinds_on(found, claims, 212)
    assert "echo" in kinds and "corroboration" not in kinds, [(f.kind, f.message) for f in found]


def test_surname_alone_is_the_person_named_in_full(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Mine fire\n\n14 May 2025\n\nEnergy Minister Taner Yıldız said on Wednesday that 301 miners had died.\n",
        "b.txt": "Mine fire\n\n14 May 2025\n\nMr Yildiz said on Wednesday that 301 miners had died.\n",
    })
    kinds = _kinds_on(found, claims, 301)
    assert "echo" in kinds and "corroboration" not in kinds, [(f.kind, f.message) for f in found]


def test_surname_is_folded_only_to_one_person() -> None:
    titles = office_titles()
    one = _people(["Taner Yıldız", "Mr Yildiz", "Yildiz"], titles)
    assert one == {"Mr Yildiz": "Taner Yıldız", "Yildiz": "Taner Yıldız"}
    # two people of one surname named in full: the surname alone is neither of them
    two = _people(["Taner Yıldız", "Ayla Yildiz", "Yildiz"], titles)
    assert "Yildiz" not in two and "Ayla Yildiz" not in two and "Taner Yıldız" not in two


def test_two_people_of_one_surname_stay_two_voices(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Mine fire\n\n14 May 2025\n\nEnergy Minister Taner Yıldız said on Wednesday that 301 miners had died.\n",
        "b.txt": "Mine fire\n\n14 May 2025\n\nUnion leader Ayla Yildiz said on Wednesday that 301 miners had died.\n",
    })
    kinds = _kinds_on(found, claims, 301)
    assert "corroboration" in kinds and "echo" not in kinds, [(f.kind, f.message) for f in found]


# --- one office under a long and a short name ----------------------------------------------


def test_prefecture_and_police_prefecture_are_one_voice(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Manifestation à Paris\n\nPublié le 11/01/2025\n\nAu total, 31 personnes ont été interpellées dans la capitale, selon la préfecture de police.\n",
        "b.txt": "Heurts à Paris\n\npublié le 11/01/2025\n\nLa situation s'est tendue dans la capitale. Selon la préfecture, 31 personnes ont été interpellées.\n",
    })
    kinds = _kinds_on(found, claims, 31)
    assert "echo" in kinds and "corroboration" not in kinds, [(f.kind, f.message) for f in found]
    assert {claims[c].attributed_to for f in found for c in f.claims if claims[c].value.low == 31} == {"police"}


def test_a_named_prefecture_stays_its_own_voice(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Manifestation à Lille\n\nPublié le 11/01/2025\n\nAu total, 31 personnes ont été interpellées à Lille, selon la préfecture de police.\n",
        "b.txt": "Heurts à Lille\n\npublié le 11/01/2025\n\nSelon la préfecture du Nord, 31 personnes ont été interpellées à Lille.\n",
    })
    voices = {claims[c].attributed_to for f in found for c in f.claims if claims[c].value.low == 31}
    assert "police" in voices and "prefecture" in voices, [(f.kind, f.message) for f in found]


# --- unofficial counts: a source of their own ---------------------------------------------

UNOFFICIAL = {
    "en": "The prime minister put the toll at 120 on Wednesday. However, at least 190 people died according to unofficial records.",
    "fr": "Le Premier ministre a annoncé mercredi 120 morts. Au moins 190 personnes ont toutefois péri selon un bilan non officiel.",
    "de": "Der Ministerpräsident sprach am Mittwoch von 120 Toten. Laut inoffiziellen Angaben kamen mindestens 190 Menschen ums Leben.",
    "es": "El primer ministro anunció el miércoles 120 muertos. Al menos 190 personas murieron según fuentes no oficiales.",
}


@pytest.mark.parametrize("lang", sorted(UNOFFICIAL))
def test_unofficial_count_does_not_take_the_previous_speaker(lang: str) -> None:
    claim = figure(f"Flood\n\n{UNOFFICIAL[lang]}\n", lang, 190)
    assert claim.attributed_to == "unofficial figures"


def test_unofficial_count_disputes_the_official_toll(tmp_path: Path) -> None:
    found, claims = findings_and_claims(tmp_path, {
        "a.txt": "Dam burst in Halvik\n\n15 May 2025\n\nThe dam burst in Halvik has killed 120 people, Prime Minister Oren Tash said.\n",
        "b.txt": "Halvik toll disputed\n\n15 May 2025\n\nThe dam burst in Halvik has killed at least 190 people according to unofficial records.\n",
    })
    disputes = [f for f in found if f.kind == "dispute"]
    assert disputes, [(f.kind, f.message) for f in found]
    assert {claims[c].attributed_to for c in disputes[0].claims} == {"Oren Tash", "unofficial figures"}


def test_place_in_an_aside_is_not_the_source() -> None:
    text = "Dam burst\n\nPrime Minister Oren Tash, who flew to Halvik on Wednesday, put the death toll at 120 people.\n"
    assert figure(text, "en", 120).attributed_to == "Prime Minister Oren Tash"


# --- "X estime que": the estimate is X's --------------------------------------------------

ESTIMATES = {
    "fr": ("Le maire de Tazrit estime que 3500 personnes sont mortes dans la crue.", "maire de Tazrit"),
    "en": ("The mayor of Tazrit estimates that 3,500 people died in the flood.", "mayor of Tazrit"),
    "de": ("Der Bürgermeister von Tazrit schätzt, dass 3500 Menschen in der Flut starben.", "Bürgermeister von Tazrit"),
    "es": ("El alcalde de Tazrit estima que 3500 personas murieron en la riada.", "alcalde de Tazrit"),
}


@pytest.mark.parametrize("lang", sorted(ESTIMATES))
def test_who_estimates_is_the_source(lang: str) -> None:
    sentence, origin = ESTIMATES[lang]
    assert figure(f"Flood\n\n{sentence}\n", lang, 3500).attributed_to == origin


def test_an_unnamed_own_source_is_not_the_speaker_before() -> None:
    text = ("Crue\n\nLe maire de Tazrit estime que 3500 personnes sont mortes dans la crue. "
            "950 personnes sont mortes, selon le dernier bilan officiel.\n")
    assert figure(text, "fr", 3500).attributed_to == "maire de Tazrit"
    assert figure(text, "fr", 950).attributed_to is None


def test_an_office_of_nothing_named_is_no_source() -> None:
    text = "Flood\n\nThe governor of the province estimates that 3,500 people died in the flood.\n"
    assert figure(text, "en", 3500).attributed_to is None


# --- two figures, two sources, one sentence -----------------------------------------------


def test_each_figure_takes_the_source_right_after_it() -> None:
    text = "Descarrilamiento\n\nEn el tren viajaban 218 pasajeros según Ferrolia y 247 según la Delegación del Gobierno.\n"
    assert figure(text, "es", 218).attributed_to == "Ferrolia"
    assert figure(text, "es", 247).attributed_to == "Government Delegation"


def test_company_that_opens_the_sentence_keeps_its_figure() -> None:
    text = ("Descarrilamiento\n\nSegún informó Ferrolia en una primera nota, en el tren viajaban 162 viajeros "
            "además de la tripulación (181, según la Delegación del Gobierno).\n")
    assert figure(text, "es", 162).attributed_to == "Ferrolia"
    assert figure(text, "es", 181).attributed_to == "Government Delegation"


@pytest.mark.parametrize("lang,text", [
    ("fr", "Naufrage\n\nLe ferry transportait 218 passagers selon la compagnie Varlys et 247 selon la préfecture.\n"),
    ("en", "Shipwreck\n\nThe ferry carried 218 passengers according to Varlys and 247 according to the police.\n"),
])
def test_two_sources_two_figures_other_languages(lang: str, text: str) -> None:
    assert figure(text, lang, 218).attributed_to == "Varlys"
    assert figure(text, lang, 247).attributed_to not in (None, "Varlys")


def test_the_body_named_before_keeps_its_figure() -> None:
    text = ("Grève\n\nLe ministère de l'Intérieur a compté 40 000 manifestants jeudi. "
            "Dans la capitale, 6 500 personnes ont défilé, selon le ministère.\n")
    assert figure(text, "fr", 6500).attributed_to == figure(text, "fr", 40000).attributed_to == "Interior Ministry"
