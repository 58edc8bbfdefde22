"""A toll repeated by many outlets makes one finding per change, not one per pair of articles.

Four outlets give one running toll on one day and four others another toll three days
later: a fall is one contradiction and a rise one update, each listing every article on
its side, instead of one finding per pair of articles (sixteen for a fall), which made
the findings of a large corpus grow with the square of its coverage.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.model import Document, Result
from consistency.pipeline import analyse
from consistency.ruleset import default_rules_dir, load_rules

RULES = load_rules([default_rules_dir()])

# Invented news sentences: a flood's running toll, as each language's outlets might give it.
TOLL = {
    "fr": "Le bilan des inondations à Nantes s'élève à {n} morts au {d} mars, selon la préfecture.",
    "en": "The death toll from the floods in Bristol stood at {n} on March {d}, the council said.",
    "de": "Bis zum {d}. März kamen beim Hochwasser in Kassel insgesamt {n} Menschen ums Leben, teilte die Stadt mit.",
    "es": "El balance de muertos de las inundaciones en Zaragoza asciende a {n} a {d} de marzo, según el ayuntamiento.",
}
OUTLETS = 4


def _run(lang: str, first: tuple[int, int], then: tuple[int, int]) -> Result:
    """OUTLETS articles giving `first` (toll, day of March), as many giving `then`."""
    docs = [
        Document(id=f"{lang}-{day}-{k}", path=f"{lang}-{day}-{k}.txt", text=TOLL[lang].format(n=n, d=day),
                 language=lang, published=dt.date(2025, 3, day), publisher=f"Courrier {day} {k}")
        for k in range(OUTLETS)
        for n, day in (first, then)
    ]
    return analyse(docs, RULES)


def _texts(result: Result, ids: tuple[str, ...]) -> set[str]:
    claims = {c.id: c for c in result.claims}
    return {claims[i].document.split("-")[1] for i in ids}  # the day of each article on this side


@pytest.mark.parametrize("lang", sorted(TOLL))
def test_a_fall_is_one_finding_with_every_article_on_its_side(lang):
    result = _run(lang, (480, 11), (120, 14))
    falls = [f for f in result.findings if f.kind == "contradiction"]
    assert len(falls) == 1  # one per pair of articles would be 16
    (fall,) = falls
    assert [len(side) for side in fall.sides] == [OUTLETS, OUTLETS]
    assert [_texts(result, side) for side in fall.sides] == [{"11"}, {"14"}]  # earlier, then later
    assert "went down" in fall.message


@pytest.mark.parametrize("lang", sorted(TOLL))
def test_a_rise_is_one_update(lang):
    result = _run(lang, (120, 11), (480, 14))
    rises = [f for f in result.findings if f.kind == "update"]
    assert len(rises) == 1
    (rise,) = rises
    assert _texts(result, rise.sides[0]) == {"11"} and _texts(result, rise.sides[-1]) == {"14"}
    assert len(rise.sides[-1]) == OUTLETS  # every later article is listed
    assert not [f for f in result.findings if f.kind == "contradiction"]
