"""Rule work on a large topic of many distinct figures: conflicts found by a sweep, not pair by pair.

Hundreds of outlets each give their own figure (no two alike), in four camps far apart from
each other: every outlet conflicts with every outlet of the other camps, yet the findings are
one per pair of camps. Statements of one frame (all but the figure alike), place and time are
set against each other group by group (`quantity._Band`), so the work grows with the outlets,
not with their pairs. Work is counted (pairs listed, pairs judged, groups looked into), never
timed, and the findings are those of judging every pair, byte for byte.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Document, Result
from consistency.pipeline import analyse
from consistency.report.json import render_json
from consistency.ruleset import default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()])

# Invented news sentences: homes a flood left under water, each outlet's own estimate, unattributed.
FLOOD = {
    "fr": "La crue a inondé environ {n} logements jeudi à Tours.",
    "en": "The flood left about {n} homes under water on Thursday in York.",
    "de": "Das Hochwasser hat am 13. März 2025 in Passau etwa {n} Wohnungen überflutet.",
    "es": "La riada inundó unas {n} viviendas el jueves en Logroño.",
}
CAMPS = (10_000, 40_000, 160_000, 640_000)  # a wide range; within a camp every estimate meets every other


def _written(lang: str, value: int) -> str:
    plain = f"{value:,}"
    return {"fr": plain.replace(",", "\u202f"), "en": plain}.get(lang, plain.replace(",", "."))


def _coverage(lang: str, outlets: int) -> list[Document]:
    """`outlets` articles, each of its own publisher and with its own figure, camp by camp in turn."""
    docs = []
    for k in range(outlets):
        camp = CAMPS[k % len(CAMPS)]
        value = camp + (camp // 5000) * (k // len(CAMPS))  # distinct, at most 2.5% above the camp's figure
        docs.append(Document(id=f"{lang}-{k:04d}", path=f"{lang}-{k:04d}.txt",
                             text=FLOOD[lang].format(n=_written(lang, value)), language=lang,
                             published=dt.date(2025, 3, 13), publisher=f"Outlet {k}"))
    return docs


def _run(monkeypatch: pytest.MonkeyPatch, docs: list[Document], *, pairwise: bool = False) -> tuple[Result, dict[str, int]]:
    """The result and its rule work: pairs listed for judging, pairs judged, groups of the band
    looked into. `pairwise`: every pair listed and judged on its own, as before the sweep."""
    from consistency.ruleset.kinds import quantity

    work = {"listed": 0, "judged": 0, "groups": 0}

    def counted(name: str, real):
        def call(*a, **k):
            work[name] += 1
            return real(*a, **k)
        return call

    real_pairs = quantity._scope_pairs

    def listed(*a, **k):
        for pair in real_pairs(*a, **k):
            work["listed"] += 1
            yield pair

    monkeypatch.setattr(quantity, "_scope_pairs", listed)
    monkeypatch.setattr(quantity, "_judge", counted("judged", quantity._judge))
    monkeypatch.setattr(quantity._Band, "_hit", counted("groups", quantity._Band._hit))
    if pairwise:
        monkeypatch.setattr(quantity, "_frames", lambda rule, reps, env, options: [None] * len(reps))
        monkeypatch.setattr(quantity, "_judging_class", lambda statement, env, options, rule: statement)
    result = analyse(docs, RULES)
    monkeypatch.undo()
    return result, work


def _findings_json(result: Result) -> str:
    return render_json(Result(corpus=result.corpus, documents=result.documents, claims=result.claims,
                              topics=result.topics, findings=result.findings, skipped=(), rules=result.rules))


@pytest.mark.parametrize("lang", sorted(FLOOD))
def test_sweep_work_grows_with_the_outlets_not_their_pairs(monkeypatch, lang):
    small, small_work = _run(monkeypatch, _coverage(lang, 100))
    large, large_work = _run(monkeypatch, _coverage(lang, 400))
    assert len({c.value for c in large.claims if c.kind == "quantity"}) == 400  # every outlet its own figure
    contradictions = [f for f in large.findings if f.kind == "contradiction"]
    assert len(contradictions) == 6  # one per pair of camps, whatever the coverage
    assert sorted(len(side) for f in contradictions for side in f.sides) == [100] * 12  # every outlet on its side
    assert sorted(f.kind for f in large.findings) == sorted(f.kind for f in small.findings)
    assert large_work["judged"] <= small_work["judged"] + 2  # one judgement per pair of frames
    # Four times the outlets, about four times the work (pair by pair it would be sixteen).
    assert 0 < sum(large_work.values()) <= 5 * sum(small_work.values())


@pytest.mark.parametrize("lang", sorted(FLOOD))
def test_the_sweep_finds_exactly_what_judging_every_pair_finds(monkeypatch, lang):
    docs = _coverage(lang, 48)
    # One outlet republishes another's article, and one article gives two camps' figures: pairs
    # sharing a document are judged on their own.
    docs.append(Document(id=f"{lang}-copy", path=f"{lang}-copy.txt", text=docs[1].text, language=lang,
                         published=dt.date(2025, 3, 13), publisher="Outlet 1"))
    docs.append(Document(id=f"{lang}-both", path=f"{lang}-both.txt", text=docs[2].text + " " + docs[3].text,
                         language=lang, published=dt.date(2025, 3, 13), publisher="Outlet 900"))
    swept, swept_work = _run(monkeypatch, docs)
    pairwise, pairwise_work = _run(monkeypatch, docs, pairwise=True)
    assert any(f.kind == "contradiction" for f in swept.findings)
    assert _findings_json(swept) == _findings_json(pairwise)
    assert swept_work["groups"] > 0 and pairwise_work["groups"] == 0
    assert swept_work["listed"] + swept_work["judged"] < pairwise_work["listed"] + pairwise_work["judged"]
    assert pairwise_work["judged"] >= 3 * 12 * 12  # what judging pair by pair cost
