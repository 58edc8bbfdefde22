"""Findings a fact-checker must see across articles: an event one article leaves undated.

One article dates the explosion; another, two days later, only speaks of "the explosion"
and gives a damage estimate. The estimate is about the event, so it is set against the
dated article's, but only when the corpus leaves no doubt about which event and which day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Claim, Document, Result
from consistency.pipeline import analyse
from consistency.ruleset import default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()])
EVENT_DAY = dt.date(2024, 3, 11)

DATED = (
    "Port blast in Rotterdam\n\n"
    "An explosion ripped through a chemical warehouse at the port of Rotterdam on March 11, the port "
    "authority said. The blast caused damage of about $40 million to quays and cranes, the port "
    "authority said on Tuesday.\n"
)
UNDATED = {
    "fr": "Rotterdam sous le choc\n\nÀ Rotterdam, les habitants déblaient les gravats deux jours après "
          "l'explosion. Le bourgmestre a estimé mercredi que les dégâts pourraient atteindre 400 millions "
          "de dollars.\n",
    "de": "Rotterdam nach der Explosion\n\nIn Rotterdam räumen die Bewohner nach der Explosion auf. Der "
          "Bürgermeister sagte am Mittwoch, die Schäden könnten 400 Millionen Dollar erreichen.\n",
    "es": "Rotterdam tras la explosión\n\nTras la explosión, los vecinos de Rotterdam limpian los escombros. "
          "El alcalde calculó el miércoles que los daños podrían alcanzar los 400 millones de dólares.\n",
    "en": "Rotterdam counts the cost\n\nResidents of Rotterdam cleared debris after the explosion. The mayor "
          "said on Wednesday that the damage could reach $400 million.\n",
}


def _doc(doc_id: str, text: str, lang: str, published: dt.date) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", text=text, language=lang, published=published)


def _damage(result: Result, doc_id: str) -> Claim:
    found = [c for c in result.claims if c.document == doc_id and c.category == "damage"]
    assert len(found) == 1, found
    return found[0]


def _set_against(result: Result, a: Claim, b: Claim) -> bool:
    return any({a.id, b.id} <= set(f.claims) and f.kind in ("contradiction", "dispute") for f in result.findings)


@pytest.mark.parametrize("lang", sorted(UNDATED))
def test_an_undated_article_s_damage_estimate_takes_the_day_the_others_give_the_event(lang):
    result = analyse([_doc("a", DATED, "en", dt.date(2024, 3, 12)),
                      _doc("b", UNDATED[lang], lang, dt.date(2024, 3, 14))], RULES)
    undated, dated = _damage(result, "b"), _damage(result, "a")
    assert undated.time is not None and (undated.time.low, undated.time.high) == (EVENT_DAY, EVENT_DAY)
    assert _set_against(result, undated, dated)  # $400 million could-reach against about $40 million


def test_alone_the_undated_estimate_keeps_the_day_it_was_given():
    result = analyse([_doc("b", UNDATED["en"], "en", dt.date(2024, 3, 14))], RULES)
    undated = _damage(result, "b")
    assert undated.time is not None and undated.time.low == dt.date(2024, 3, 13)  # "on Wednesday": when it was said


def test_articles_that_disagree_on_the_day_anchor_nothing():
    other_day = DATED.replace("on March 11", "on March 10").replace("Tuesday", "Monday")
    result = analyse([_doc("a", DATED, "en", dt.date(2024, 3, 12)),
                      _doc("c", other_day, "en", dt.date(2024, 3, 12)),
                      _doc("b", UNDATED["es"], "es", dt.date(2024, 3, 14))], RULES)
    undated = _damage(result, "b")
    assert undated.time is not None and undated.time.low not in (EVENT_DAY, dt.date(2024, 3, 10))
    assert not any(undated.id in f.claims for f in result.findings if f.kind == "contradiction")


def test_an_article_published_long_after_the_event_is_not_anchored():
    result = analyse([_doc("a", DATED, "en", dt.date(2024, 3, 12)),
                      _doc("b", UNDATED["fr"].replace("deux jours après", "après"), "fr", dt.date(2024, 3, 28))], RULES)
    undated = _damage(result, "b")
    assert undated.time is not None and undated.time.low != EVENT_DAY
    assert not _set_against(result, undated, _damage(result, "a"))


def test_an_explosion_elsewhere_does_not_date_this_one():
    elsewhere = DATED.replace("Rotterdam", "Hamburg")
    result = analyse([_doc("a", elsewhere, "en", dt.date(2024, 3, 12)),
                      _doc("b", UNDATED["de"], "de", dt.date(2024, 3, 14))], RULES)
    undated = _damage(result, "b")
    assert undated.time is not None and undated.time.low != EVENT_DAY
    assert not _set_against(result, undated, _damage(result, "a"))


def test_two_dated_events_the_undated_article_speaks_of_anchor_nothing():
    fire = ("Warehouse fire in Rotterdam\n\nThe blaze broke out at a warehouse in Rotterdam on March 12, "
            "firefighters said.\n")
    undated_text = UNDATED["en"].replace("after the explosion.", "after the explosion and the fire.")
    result = analyse([_doc("a", DATED, "en", dt.date(2024, 3, 12)),
                      _doc("f", fire, "en", dt.date(2024, 3, 13)),
                      _doc("b", undated_text, "en", dt.date(2024, 3, 14))], RULES)
    assert [c for c in result.claims if c.document == "f" and c.kind == "date" and c.event == "fire"]
    undated = _damage(result, "b")
    assert undated.time is not None and undated.time.low != EVENT_DAY


def test_the_anchoring_does_not_depend_on_the_order_of_the_articles():
    docs = [_doc("a", DATED, "en", dt.date(2024, 3, 12)), _doc("b", UNDATED["fr"], "fr", dt.date(2024, 3, 14)),
            _doc("c", UNDATED["es"], "es", dt.date(2024, 3, 13))]
    assert analyse(docs, RULES) == analyse(docs[::-1], RULES)


# --- a source that says another's figure is wrong ----------------------------------------

REBUTTED = {
    "en": "Flooding in the valley\n\nThe police had reported about 900 people missing on Monday evening. The "
          "interior ministry called that figure inflated and said on Tuesday that 70 people were still missing.\n",
    "de": "Hochwasser im Tal\n\nDie Polizei hatte am Montagabend rund 900 Vermisste gemeldet. Das "
          "Innenministerium hält diese Zahl für deutlich zu hoch und sprach am Dienstag von 70 Vermissten.\n",
    "fr": "Inondations dans la vallée\n\nLa police avait fait état lundi soir d'environ 900 disparus. Le "
          "ministère de l'Intérieur juge ce chiffre exagéré et a évoqué mardi 70 disparus.\n",
    "es": "Inundaciones en el valle\n\nLa policía había informado el lunes por la noche de unos 900 desaparecidos. "
          "El Ministerio del Interior considera exagerada esa cifra y habló el martes de 70 desaparecidos.\n",
}
WITHOUT_REBUTTAL = {
    "en": ("called that figure inflated and ", ""),
    "de": ("hält diese Zahl für deutlich zu hoch und ", ""),
    "fr": ("juge ce chiffre exagéré et ", ""),
    "es": ("considera exagerada esa cifra y ", ""),
}


def _missing_disputes(text: str, lang: str) -> list[tuple[float | None, ...]]:
    result = analyse([_doc("a", text, lang, dt.date(2024, 5, 8))], RULES)
    by_id = {c.id: c for c in result.claims}
    return [tuple(sorted(getattr(by_id[cid].value, "high", None) or 0 for cid in f.claims))
            for f in result.findings if f.kind == "dispute"]


@pytest.mark.parametrize("lang", sorted(REBUTTED))
def test_a_source_calling_another_s_count_too_high_is_a_dispute_across_days(lang):
    assert _missing_disputes(REBUTTED[lang], lang) == [(70, 990)]  # "about 900" read as 810–990


@pytest.mark.parametrize("lang", sorted(REBUTTED))
def test_a_lower_count_the_next_day_without_words_of_dispute_is_no_dispute(lang):
    old, new = WITHOUT_REBUTTAL[lang]
    assert old in REBUTTED[lang]
    assert _missing_disputes(REBUTTED[lang].replace(old, new), lang) == []  # people may have been found


def test_a_source_that_calls_its_own_count_too_high_disputes_nothing():
    text = ("Flooding in the valley\n\nThe police had reported about 900 people missing on Monday evening. "
            "The police later called that figure inflated and said on Tuesday that 70 people were still missing.\n")
    assert _missing_disputes(text, "en") == []


def test_words_of_dispute_about_another_kind_of_figure_link_nothing():
    text = ("Flooding in the valley\n\nThe police had reported about 900 people missing on Monday evening. "
            "The interior ministry called that figure inflated and said on Tuesday that 70 homes were destroyed.\n")
    result = analyse([_doc("a", text, "en", dt.date(2024, 5, 8))], RULES)
    assert not any(c.rebuts for c in result.claims)
    assert not [f for f in result.findings if f.kind == "dispute"]
