"""Rule work on a large topic: statements that say the same thing are judged as one class.

A story covered by many outlets, each its own publisher, repeats a few figures: the judging
work must grow with the outlets, not with their pairs, and the findings must be exactly those
of judging every pair. Work is counted (calls of the judgement), never timed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Document, Result
from consistency.pipeline import analyse
from consistency.report.json import render_json
from consistency.ruleset import default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()])

# Invented news sentences: buildings a storm damaged, in each outlet's own words, unattributed.
STORM = {
    "fr": "La tempête a endommagé {n} bâtiments mercredi à Rennes.",
    "en": "The storm damaged {n} buildings on Wednesday in Leeds.",
    "de": "Der Sturm hat am 12. März 2025 in Kassel {n} Gebäude beschädigt.",
    "es": "La tormenta dejó {n} edificios dañados el miércoles en Zaragoza.",
}
FIGURES = (30, 120, 480)  # three camps whose figures are far apart from each other


def _coverage(lang: str, outlets: int) -> list[Document]:
    """`outlets` articles, each of its own publisher, giving one of three figures in turn."""
    return [
        Document(id=f"{lang}-{k:04d}", path=f"{lang}-{k:04d}.txt", text=STORM[lang].format(n=FIGURES[k % 3]),
                 language=lang, published=dt.date(2025, 3, 13), publisher=f"Courrier {k}")
        for k in range(outlets)
    ]


def _run(monkeypatch: pytest.MonkeyPatch, docs: list[Document], *, pairwise: bool = False) -> tuple[Result, int]:
    """The result and how many pairs of statements were judged; `pairwise`: every pair judged
    on its own, as before statements were judged by class."""
    from consistency.ruleset.kinds import quantity

    count: list[int] = []
    real = quantity._judge
    monkeypatch.setattr(quantity, "_judge", lambda *a, **k: count.append(1) or real(*a, **k))
    if pairwise:
        monkeypatch.setattr(quantity, "_judging_class", lambda statement, env, options, rule: statement)
    result = analyse(docs, RULES)
    monkeypatch.undo()
    return result, len(count)


def _findings_json(result: Result) -> str:
    return render_json(Result(corpus=result.corpus, documents=result.documents, claims=result.claims,
                              topics=result.topics, findings=result.findings, skipped=(), rules=result.rules))


@pytest.mark.parametrize("lang", sorted(STORM))
def test_judging_work_grows_with_the_outlets_not_their_pairs(monkeypatch, lang):
    small, small_work = _run(monkeypatch, _coverage(lang, 24))
    large, large_work = _run(monkeypatch, _coverage(lang, 96))
    contradictions = [f for f in large.findings if f.kind == "contradiction"]
    assert len(contradictions) == 3  # one per pair of camps, every outlet on its side
    assert sorted(len(side) for f in contradictions for side in f.sides) == [32, 32, 32, 32, 32, 32]
    assert sorted(f.kind for f in large.findings) == sorted(f.kind for f in small.findings)
    assert 0 < large_work <= small_work + 4  # judged once per pair of camps, whatever the coverage
    _, pairwise_work = _run(monkeypatch, _coverage(lang, 96), pairwise=True)
    assert pairwise_work >= 3 * 32 * 32  # what judging pair by pair cost: every outlet against every other camp


@pytest.mark.parametrize("lang", sorted(STORM))
def test_judging_by_class_finds_exactly_what_judging_every_pair_finds(monkeypatch, lang):
    docs = _coverage(lang, 30)
    # One outlet republishes another's article: a pair sharing a document is judged on its own.
    docs.append(Document(id=f"{lang}-copy", path=f"{lang}-copy.txt", text=docs[1].text, language=lang,
                         published=dt.date(2025, 3, 13), publisher="Courrier 1"))
    grouped, grouped_work = _run(monkeypatch, docs)
    pairwise, pairwise_work = _run(monkeypatch, docs, pairwise=True)
    assert grouped.findings
    assert _findings_json(grouped) == _findings_json(pairwise)
    assert grouped_work < pairwise_work
