"""Rule evaluation grows with what it finds, not with the square of a story's coverage.

Many outlets repeating one toll and one outlet giving another: the quantity rules set the
outlier against each of the others, and never the agreeing outlets against one another
(figures that meet can neither conflict nor update each other). Work is counted, not timed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Document
from consistency.pipeline import analyse
from consistency.ruleset import default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()])

# Invented news sentences: a flood's toll, unattributed, in each outlet's own words.
TOLL = {
    "fr": "Les inondations ont fait {n} morts mardi à Nantes, d'après le dernier bilan.",
    "en": "The floods killed {n} people on Tuesday in Bristol, the latest toll shows.",
    "de": "Beim Hochwasser in Kassel sind am 11. März 2025 {n} Menschen ums Leben gekommen, so die letzte Bilanz.",
    "es": "Las inundaciones causaron {n} muertos el martes en Zaragoza, según el último balance.",
}


def _coverage(lang: str, outlets: int) -> list[Document]:
    """`outlets` articles giving 120 dead, each from its own publisher, and one giving 480."""
    values = [120] * outlets + [480]
    return [
        Document(id=f"{lang}-{k:02d}", path=f"{lang}-{k:02d}.txt", text=TOLL[lang].format(n=n), language=lang,
                 published=dt.date(2025, 3, 12), publisher=f"Courrier {k}")
        for k, n in enumerate(values)
    ]


def _judged(monkeypatch: pytest.MonkeyPatch, docs: list[Document], brute: bool = False, rules=RULES):
    from consistency.ruleset.kinds import quantity

    count = []
    real = quantity._judge
    monkeypatch.setattr(quantity, "_judge", lambda *a, **k: count.append(1) or real(*a, **k))
    if brute:  # every pair of the topic, every rule on its own: what evaluation used to do
        monkeypatch.setattr(quantity, "_scope_pairs",
                            lambda reps, env, options=None: ((i, j) for i in range(len(reps))
                                                             for j in range(i + 1, len(reps))))
        monkeypatch.setattr(quantity, "verdicts", quantity._verdicts)
        monkeypatch.setattr(quantity, "_judging_class", lambda statement, env, options, rule: statement)
    result = analyse(docs, rules)
    monkeypatch.undo()
    return result, len(count)


@pytest.mark.parametrize("lang", sorted(TOLL))
def test_agreeing_outlets_are_not_set_against_each_other(monkeypatch, lang):
    small, small_work = _judged(monkeypatch, _coverage(lang, 6))
    large, large_work = _judged(monkeypatch, _coverage(lang, 12))
    brute_small, brute_small_work = _judged(monkeypatch, _coverage(lang, 6), brute=True)
    brute_large, brute_large_work = _judged(monkeypatch, _coverage(lang, 12), brute=True)
    assert small.findings == brute_small.findings and large.findings == brute_large.findings
    assert any(f.kind == "corroboration" for f in large.findings)  # the twelve agree
    assert len([c for c in large.claims if c.kind == "quantity"]) == 13  # every toll was read
    assert 0 < large_work <= 2 * small_work  # twice the outlets, at most twice the work
    assert brute_large_work > 3 * brute_small_work  # every pair: about four times


def test_rules_judging_alike_share_one_judgement(monkeypatch):
    """quantity-contradiction and update read the same verdicts: loading update costs no judging."""
    docs = [d for lang in sorted(TOLL) for d in _coverage(lang, 3)]
    both, both_work = _judged(monkeypatch, docs)
    without, without_work = _judged(monkeypatch, docs, rules=RULES.select(set(RULES.ids) - {"update"}))
    assert both_work == without_work > 0
    assert [f for f in both.findings if f.kind != "update"] == list(without.findings)


# Invented sentences: two named sources counting one march, each repeated by several outlets.
MARCH = {
    "fr": "Mardi à Lyon, {n} personnes ont manifesté contre la réforme, {who}.",
    "en": "On Tuesday in Leeds, {n} people marched against the reform, {who}.",
    "de": "Am 11. März 2025 haben in Kassel {n} Menschen gegen die Reform demonstriert, {who}.",
    "es": "El martes en Zaragoza, {n} personas se manifestaron contra la reforma, {who}.",
}
VOICES = {
    "fr": ("selon la préfecture", "selon les syndicats"),
    "en": ("according to the police", "according to the unions"),
    "de": ("teilte die Polizei mit", "teilten die Gewerkschaften mit"),
    "es": ("según la policía", "según los sindicatos"),
}


def _march(lang: str, outlets: int) -> list[Document]:
    police, unions = VOICES[lang]
    texts = [MARCH[lang].format(n="12 000" if lang == "fr" else "12.000" if lang in ("de", "es") else "12,000",
                                who=police)] * outlets
    texts += [MARCH[lang].format(n="45 000" if lang == "fr" else "45.000" if lang in ("de", "es") else "45,000",
                                 who=unions)] * outlets
    return [
        Document(id=f"{lang}-{k:02d}", path=f"{lang}-{k:02d}.txt", text=text, language=lang,
                 published=dt.date(2025, 3, 12), publisher=f"Courrier {k}")
        for k, text in enumerate(texts)
    ]


@pytest.mark.parametrize("lang", sorted(MARCH))
def test_a_dispute_rule_reads_the_judgement_of_the_contradiction_rule(monkeypatch, lang):
    """attribution-dispute judges the same pairs as quantity-contradiction (it only leaves out
    vague figures): loading it costs no judging of its own, and it still reports the dispute."""
    docs = _march(lang, 3)
    both, both_work = _judged(monkeypatch, docs)
    without, without_work = _judged(monkeypatch, docs, rules=RULES.select(set(RULES.ids) - {"attribution-dispute"}))
    alone, alone_work = _judged(monkeypatch, docs, rules=RULES.select({"attribution-dispute"}))
    assert both_work == without_work > 0  # was twice: each rule judged every pair
    assert alone_work == without_work  # on its own, it judges them itself
    disputes = [f for f in both.findings if f.kind == "dispute"]
    assert len(disputes) == 1 and disputes == [f for f in alone.findings if f.kind == "dispute"]
    assert {len(side) for side in disputes[0].sides} == {3}  # every outlet on its voice's side
