"""The lexicon's tables answer a span's first match, and a pre-matched text's span, without
collecting every match: the answers must be those of scanning the whole span."""

from __future__ import annotations

import pytest

from consistency.extract.lexicon import IndexedTerms, Match, Terms, load_lexicon

TEXTS = [
    "Selon la préfecture, 12 000 manifestants ont défilé à Lyon, 40 000 selon les syndicats.",
    "According to police, 3,000 protesters marched in Leeds; the organisers spoke of 9,000.",
    "Laut Polizei demonstrierten in Köln 5.000 Menschen, die Veranstalter sprachen von 20.000.",
    "Según la policía, 8.000 personas se manifestaron en Sevilla; los sindicatos hablaron de 30.000.",
]
TABLES = ("place_terms", "origin_terms", "category_terms", "event_terms", "actor_terms")


def _first_by_scanning(table: Terms, text: str, start: int, end: int) -> Match | None:
    return next(iter(table.finditer(text, start, end)), None)


def _spans(text: str) -> list[tuple[int, int]]:
    cuts = sorted({0, len(text), *(i for i, ch in enumerate(text) if ch in " ,;.")})
    return [(a, b) for a in cuts[::3] for b in cuts if b > a]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name", TABLES)
def test_first_match_of_a_span_is_the_first_of_all_its_matches(text: str, name: str) -> None:
    table = getattr(load_lexicon(), name)
    found = 0
    for start, end in _spans(text):
        first = table.search(text, start, end)
        assert first == _first_by_scanning(table, text, start, end)
        found += first is not None
    if name == "origin_terms":
        assert found  # every sentence names a source: the check compared real answers


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("name", TABLES[::2])
def test_a_pre_matched_text_gives_the_spans_matches_of_a_scan(text: str, name: str) -> None:
    lexicon = load_lexicon()
    indexed = getattr(lexicon.indexed(text), name)
    assert isinstance(indexed, IndexedTerms)
    for start, end in _spans(text):
        expected = [m for m in indexed.matches if start <= m.start and m.end <= end]
        assert list(indexed.finditer(text, start, end)) == expected
        assert indexed.search(text, start, end) == (expected[0] if expected else None)


def test_overlapping_matches_are_still_read_one_by_one() -> None:
    text = "Les sapeurs de Lyon"
    terms = load_lexicon().place_terms
    assert isinstance(terms, Terms)
    overlapping = IndexedTerms(terms, text, [Match(4, 11, "a", "sapeurs"), Match(8, 14, "b", "eurs d"), Match(15, 19, "c", "Lyon")])
    assert [m.key for m in overlapping.finditer(text, 0, len(text))] == ["a", "b", "c"]
    assert [m.key for m in overlapping.finditer(text, 5, 19)] == ["b", "c"]
    assert overlapping.search(text, 0, 12) == Match(4, 11, "a", "sapeurs")
