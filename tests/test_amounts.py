"""Amounts of money and mass: ranges, estimates of what a sum "could reach", a qualifier after the
unit, a noun left out and given earlier, and which estimates may be set against each other."""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.extract import extract_claims
from consistency.model import Claim, Document, Interval
from consistency.ruleset.kinds.common import compared


def amounts(text: str, lang: str) -> list[Claim]:
    doc = Document(id="a", path="a.txt", text=text, language=lang, published=dt.date(2025, 3, 4))
    return [c for c in extract_claims(doc) if c.kind == "quantity" and c.unit != "count"]


def summary(claims: list[Claim]) -> list[tuple[float | None, float | None, str, str | None, str]]:
    out = []
    for c in claims:
        assert isinstance(c.value, Interval)
        out.append((c.value.low, c.value.high, c.unit, c.category, c.qualifier))
    return out


# --- a noun left out after the unit, given earlier in the paragraph ------------------------------

@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Le volume exact de nitrate stocké dans l'entrepôt reste inconnu. Un rapport des pompiers "
               "estime que 480 tonnes environ ont brûlé ce jour-là.",
         (470.0, 490.0, "t", "ammonium_nitrate", "approx")),  # written to the ten: ±10 (stated_precision)
        ("en", "Officials said 1,200 tonnes of ammonium nitrate were stored in the hangar. Investigators "
               "now believe 300 tonnes or so exploded.",
         (270.0, 330.0, "t", "ammonium_nitrate", "approx")),
        ("de", "Im Lager befanden sich 900 Tonnen Ammoniumnitrat. Ermittler gehen davon aus, dass 400 Tonnen "
               "etwa explodierten.",
         (360.0, 440.00000000000006, "t", "ammonium_nitrate", "approx")),
        ("es", "En el puerto había 2.000 toneladas de nitrato de amonio; según los peritos, explotaron "
               "unas 700 toneladas.",
         (630.0, 770.0, "t", "ammonium_nitrate", "approx")),
    ],
)
def test_mass_whose_noun_is_left_out_measures_the_paragraphs_noun(lang, text, expected):
    assert summary(amounts(text, lang))[-1] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le dépôt contenait du nitrate. Les secours ont acheminé 21 tonnes de matériel."),
        ("en", "The depot held ammonium nitrate. Relief flights brought 40 tonnes of medical supplies."),
        ("de", "Im Lager befand sich Ammoniumnitrat, außerdem 200 Tonnen Dünger."),
        ("es", "El almacén guardaba nitrato de amonio. Los aviones llevaron 30 toneladas de víveres."),
    ],
)
def test_mass_of_another_thing_is_not_the_paragraphs_noun(lang, text):
    assert [c for c in amounts(text, lang) if c.category == "ammonium_nitrate"] == []


# --- a rival estimate of the same sum, its unit left out -----------------------------------------

@pytest.mark.parametrize(
    ("lang", "text", "first", "rival"),
    [
        ("fr", "Selon le maire, les dégâts pourraient atteindre 6 à 8 milliards d'euros, bien au-delà de la "
               "fourchette de 2 à 3 milliards qu'il avait avancée la veille.",
         (6e9, 8e9, "EUR", "damage", "range"), (2e9, 3e9, "EUR", "damage", "range")),
        ("en", "The mayor said damage could reach $8 billion, up from $5 billion estimated on Monday.",
         (8e9, 8e9, "USD", "damage", "exact"), (5e9, 5e9, "USD", "damage", "exact")),
        ("de", "Die Schäden könnten bis zu 5 Milliarden Euro erreichen, nach zuvor geschätzten 2 Milliarden.",
         (None, 5e9, "EUR", "damage", "up_to"), (2e9, 2e9, "EUR", "damage", "exact")),
        ("es", "Los daños podrían alcanzar los 3.000 millones de euros, frente a unos 1.200 millones "
               "estimados el lunes.",
         (3e9, 3e9, "EUR", "damage", "exact"), (1.08e9, 1.32e9, "EUR", "damage", "approx")),
    ],
)
def test_rival_estimate_takes_the_sum_it_answers(lang, text, first, rival):
    found = amounts(text, lang)
    assert summary(found) == [pytest.approx(first), pytest.approx(rival)]
    assert all(c.measure == "projection" for c in found)  # what the damage "could reach"


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Les dégâts s'élèvent à 3 milliards d'euros et l'État a débloqué 500 millions."),
        ("en", "Damage is put at $4 billion, and the government has released 600 million."),
        ("de", "Die Schäden betragen 4 Milliarden Euro, der Bund stellt 600 Millionen bereit."),
        ("es", "Los daños ascienden a 3.000 millones de euros, y el Gobierno aprobó 400 millones."),
        ("fr", "Les dégâts atteignent 3 milliards d'euros, contre 2 milliards d'aide promise."),
        ("en", "Damage reached $3 billion, compared with $900 million in pledged aid."),
    ],
)
def test_a_bare_sum_after_damage_is_not_damage(lang, text):
    found = amounts(text, lang)
    assert [c.category for c in found if c.category == "damage"] == ["damage"], summary(found)


def test_pledged_aid_insured_and_economic_losses_are_not_damage():
    text = ("The assessment puts damage at $4 billion. Economic losses are estimated at $3 billion. "
            "Insured losses are put at $1.2 billion. Donors pledged aid of $300 million.")
    assert [c.category for c in amounts(text, "en")] == ["damage", "economic_losses", "insured_losses", "aid"]
    text = "Les pertes économiques sont estimées à 2 milliards d'euros, les dégâts à 5 milliards d'euros."
    assert [c.category for c in amounts(text, "fr")] == ["economic_losses", "damage"]


def test_different_currency_is_no_rival():
    text = "The mayor said damage could reach $8 billion, up from €5 billion estimated on Monday."
    assert [c.unit for c in amounts(text, "en") if c.category == "damage"] == ["USD"]


# --- which estimates are compared ----------------------------------------------------------------

def test_projected_amount_is_compared_but_not_a_projected_count():
    [damage] = amounts("Les dégâts pourraient atteindre 10 milliards de dollars.", "fr")
    assert damage.measure == "projection" and compared(damage)
    doc = Document(id="b", path="b.txt", text="The death toll could reach 1,000 people, officials warned.",
                   language="en", published=dt.date(2025, 3, 4))
    tolls = [c for c in extract_claims(doc) if c.kind == "quantity"]
    assert tolls and not any(compared(c) for c in tolls if c.measure == "projection")


def _findings(tmp_path, articles: dict[str, str]):
    from consistency.pipeline import check

    for name, body in articles.items():
        (tmp_path / f"{name}.txt").write_text(body, encoding="utf-8")
    result = check([tmp_path])
    by_id = {c.id: c for c in result.claims}
    return [(f.kind, {by_id[i].category for i in f.claims}) for f in result.findings]


_MAYOR = ("Storm damage in Norland could reach $12 billion\n\nPublished: 2025-03-05\n\n"
          "After the storm that hit Norland on March 3, the mayor of Port Elin said the damage could reach "
          "between $10 billion and $12 billion in Norland.\n")
_BANK = ("Bank assesses Norland storm damage\n\nPublished: 2025-03-20\n\n"
         "The storm that hit Norland on March 3 caused between $3 billion and $4 billion of damage, "
         "the World Bank said in an assessment of Norland on Thursday.\n")
_AID = ("Donors pledge aid to Norland\n\nPublished: 2025-03-20\n\n"
        "After the storm that hit Norland on March 3, donors pledged aid of $3 billion to Norland, "
        "the World Bank said on Thursday.\n")


def test_projected_damage_disputes_a_lower_assessment(tmp_path):
    found = _findings(tmp_path, {"mayor": _MAYOR, "bank": _BANK})
    kinds = [kind for kind, categories in found if categories == {"damage"}]
    assert kinds and set(kinds) <= {"contradiction", "dispute"}


def test_pledged_aid_is_never_set_against_damage(tmp_path):
    found = _findings(tmp_path, {"mayor": _MAYOR, "aid": _AID})
    assert [kind for kind, _ in found if kind in ("contradiction", "dispute")] == []


# --- how sums are written: ranges, scale words, bridges ------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "Les dégâts sont estimés entre 10 et 15 milliards de dollars.", (10e9, 15e9, "USD", "range")),
        ("fr", "Les dégâts se chiffrent à 3,5 Mds€.", (3.5e9, 3.5e9, "EUR", "exact")),
        ("fr", "Le coût des dégâts est évalué à 3,5 milliards d'euros environ.", (3.15e9, 3.85e9, "EUR", "approx")),
        ("en", "Damage is estimated at between $3 and $5 billion.", (3e9, 5e9, "USD", "range")),
        ("en", "The blast caused $3bn-$5bn of damage.", (3e9, 5e9, "USD", "range")),
        ("de", "Der Gesamtschaden wird auf 4,5 Mrd. Euro geschätzt.", (4.5e9, 4.5e9, "EUR", "exact")),
        ("de", "Die Schäden belaufen sich auf zwischen 2 und 3 Mrd. Euro.", (2e9, 3e9, "EUR", "range")),
        ("es", "Los daños se estiman entre 3.000 y 5.000 millones de dólares.", (3e9, 5e9, "USD", "range")),
        ("es", "La explosión causó daños por valor de 4.000 millones de dólares.", (4e9, 4e9, "USD", "exact")),
        ("es", "Los daños podrían alcanzar de 2 a 3 mil millones de euros.", (2e9, 3e9, "EUR", "range")),
    ],
)
def test_damage_in_the_forms_news_write_it(lang, text, expected):
    [(low, high, unit, category, qualifier)] = summary(amounts(text, lang))
    assert (low, high, unit, qualifier) == pytest.approx(expected) and category == "damage"


# --- a share of a sum ----------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "La conférence a réuni des promesses de dons d'environ 400 millions d'euros, dont 50 millions "
               "apportés par l'Allemagne."),
        ("en", "Donors made pledges of aid of $400 million, including $50 million from Germany."),
        ("de", "Die Geberkonferenz brachte Zusagen von 400 Millionen Euro, davon 50 Millionen aus Frankreich."),
        ("es", "La conferencia reunió promesas de ayuda de 400 millones de euros, de los cuales 50 millones "
               "aportados por Francia."),
    ],
)
def test_one_donors_share_is_a_part_of_the_total_never_compared(lang, text):
    whole, share = amounts(text, lang)
    assert (share.category, share.unit, share.measure, share.part_of) == (whole.category, whole.unit, "part", whole.id)
    assert compared(whole) and not compared(share)


# --- the time of a sum ---------------------------------------------------------------------------

def test_a_sum_of_the_event_takes_its_day_but_later_aid_and_earlier_cargo_keep_theirs():
    text = ("L'explosion du 4 août dans le port a fait 3 milliards d'euros de dégâts, a déclaré mercredi le maire. "
            "La région apportera 200 millions d'euros d'aide en 2026. Le navire avait débarqué 900 tonnes de "
            "nitrate d'ammonium en 2019.")
    doc = Document(id="a", path="a.txt", text=text, language="fr", published=dt.date(2025, 8, 6))
    times = {c.category: (c.time.low, c.time.high) for c in extract_claims(doc)
             if c.kind == "quantity" and c.time is not None}
    assert times["damage"] == (dt.date(2025, 8, 4), dt.date(2025, 8, 4))
    assert times["aid"][0].year == 2026
    assert times["ammonium_nitrate"][0].year == 2019


_INSURERS = ("Insurers count the cost of the Norland storm\n\nPublished: 2025-03-20\n\n"
             "The storm that hit Norland on March 3 caused insured losses of $1 billion in Norland, "
             "the Insurance Council said on Thursday.\n")


def test_insured_losses_are_never_set_against_total_damage(tmp_path):
    found = _findings(tmp_path, {"bank": _BANK, "insurers": _INSURERS})
    assert [kind for kind, _ in found if kind in ("contradiction", "dispute")] == []


_FORECAST = ("Reinsurer sees Norland storm bill near $10 billion\n\nPublished: 2025-03-20\n\n"
             "After the storm that hit Norland on March 3, the reinsurer said damage could reach nearly "
             "$5 billion in Norland.\n")


def test_a_forecast_close_to_an_assessment_is_no_contradiction(tmp_path):
    found = _findings(tmp_path, {"forecast": _FORECAST, "bank": _BANK})  # nearly 5 (forecast) and 3 to 4 (assessed)
    assert [kind for kind, _ in found if kind in ("contradiction", "dispute")] == []
