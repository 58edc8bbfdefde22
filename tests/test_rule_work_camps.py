"""Rule work on a story split in two camps: many outlets give one toll, as many give another.

The findings do not grow with the coverage (one contradiction between the two camps, one
corroboration inside each), so neither should the work: judging is counted, not timed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Document
from consistency.pipeline import analyse
from consistency.ruleset import default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()])

# Invented news sentences: homes a wildfire destroyed, unattributed, in each outlet's own words
# (not a toll: two tolls of one day may be bulletins of the same count, never set against each other).
TOLL = {
    "fr": "Le feu de forêt a détruit {n} maisons mardi à Grenoble.",
    "en": "The wildfire destroyed {n} homes on Tuesday in Sheffield.",
    "de": "Der Waldbrand hat am 11. März 2025 in Bamberg {n} Häuser zerstört.",
    "es": "El incendio forestal destruyó {n} casas el martes en Huesca.",
}


def _camps(lang: str, per_camp: int) -> list[Document]:
    """`per_camp` outlets giving 40 homes and as many giving 160, each its own publisher."""
    values = [40] * per_camp + [160] * per_camp
    return [
        Document(id=f"{lang}-{k:03d}", path=f"{lang}-{k:03d}.txt", text=TOLL[lang].format(n=n), language=lang,
                 published=dt.date(2025, 3, 12), publisher=f"Gazette {k}")
        for k, n in enumerate(values)
    ]


def _work(monkeypatch: pytest.MonkeyPatch, docs: list[Document]):
    from consistency.ruleset.kinds import quantity

    count: list[int] = []
    real = quantity._judge
    monkeypatch.setattr(quantity, "_judge", lambda *a, **k: count.append(1) or real(*a, **k))
    result = analyse(docs, RULES)
    monkeypatch.undo()
    return result, len(count)


@pytest.mark.parametrize("lang", sorted(TOLL))
def test_two_camps_cost_work_linear_in_their_size(monkeypatch, lang):
    small, small_work = _work(monkeypatch, _camps(lang, 8))
    large, large_work = _work(monkeypatch, _camps(lang, 32))
    kinds = sorted(f.kind for f in large.findings)
    assert kinds == sorted(f.kind for f in small.findings)  # the same findings at four times the coverage
    assert "contradiction" in kinds
    assert 0 < large_work <= 5 * small_work  # four times the outlets, about four times the work
