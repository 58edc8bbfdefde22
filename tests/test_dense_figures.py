"""Dense figures cost work per figure, not per figure and its surroundings (issue 13): lines
of figures alone skip the scope work, the words before figures come from one scan of the
text, and spans are looked up by bisection. Work is counted, never timed; what a user reads
is checked unchanged."""

from __future__ import annotations

import random

import pytest

from consistency.corpus import boilerplate_spans
from consistency.corpus.readers import read_text
from consistency.extract import claims as claims_module
from consistency.extract import number_text
from consistency.extract.claims import _Noise, extract_claims
from consistency.extract.lexicon import load_lexicon
from consistency.extract.number_filters import _Spans
from consistency.extract.number_text import _norms, _TokenIndex, _tokens_before
from consistency.extract.sentences import Sentence

# A count in prose, a rival figure given by its source on a line of its own, then lines of
# figures alone (a table pasted without its headings).
LISTS = {
    "fr": "La préfecture a compté 21 000 manifestants à Lyon samedi.\n35 000, selon la CGT.\n",
    "en": "Police counted 21,000 protesters in Leeds on Saturday.\n35,000, according to the union.\n",
    "de": "Die Polizei zählte am Samstag in Köln 21.000 Demonstranten.\n35.000, so die Gewerkschaft.\n",
    "es": "La policía contó 21.000 manifestantes en Valencia el sábado.\n35.000, según el sindicato.\n",
}
BARE_LINES = "12\n13\n14, 15\n(16)\n17 - 18\n"


def _claims_and_scope_work(text: str, lang: str, monkeypatch: pytest.MonkeyPatch) -> tuple[list[tuple[str, str | None]], int]:
    calls: list[int] = []
    quantity_claim = claims_module._quantity_claim

    def counting(ctx, state, sent, nm, *rest):  # type: ignore[no-untyped-def]
        calls.append(nm.start)
        return quantity_claim(ctx, state, sent, nm, *rest)

    monkeypatch.setattr(claims_module, "_quantity_claim", counting)
    doc = read_text(text.encode(), id=f"list-{lang}", path=f"list-{lang}.txt")
    found = extract_claims(doc, load_lexicon(), boilerplate_spans(doc))
    return [(c.quote, c.category) for c in found if c.kind == "quantity"], len(calls)


@pytest.mark.parametrize("lang", sorted(LISTS))
def test_lines_of_figures_alone_are_not_read_for_a_scope(lang, monkeypatch):
    claims, work = _claims_and_scope_work(LISTS[lang], lang, monkeypatch)
    assert len(claims) == 2 and {category for _, category in claims} == {"protesters"}
    assert work == 2  # the count and its rival, each read once
    padded, padded_work = _claims_and_scope_work(LISTS[lang] + BARE_LINES * 20, lang, monkeypatch)
    assert padded == claims  # the lines of figures give no claim and change none
    assert padded_work == work  # and none of their figures is read for what it counts


@pytest.mark.parametrize("lang", sorted(LISTS))
def test_only_lines_of_figures_and_marks_alone_are_passed_over(lang, monkeypatch):
    _, work = _claims_and_scope_work(LISTS[lang] + "40\n", lang, monkeypatch)
    assert work == 2  # "40" alone: passed over
    _, work = _claims_and_scope_work(LISTS[lang] + "40 %\n", lang, monkeypatch)
    assert work == 3  # a percentage sign may be what a figure is: read as usual
    _, work = _claims_and_scope_work(LISTS[lang] + "40 $\n", lang, monkeypatch)
    assert work == 3  # so may a currency


def test_words_before_figures_from_one_scan_are_the_same_as_from_windows():
    rng = random.Random(13)
    pieces = ["1", "12", " ", "\n", "l'", "d’", "abc", "_x", "é", "«", "»", '"', ",", ".", "-", "²", "Ab", "1 000", "n°"]
    compared = 0
    for _ in range(300):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 120)))
        index = _TokenIndex(text, rng.choice([0, rng.randint(0, len(text))]), len(text))
        for pos in range(len(text) + 1):
            read = index.before(pos)
            if read is None:
                continue  # left to the window reading
            expected = _tokens_before(text, pos, 0)
            assert [(m.start(), m.group()) for m in read[0]] == [(m.start(), m.group()) for m in expected]
            assert read[1] == _norms(expected)
            compared += 1
    assert compared > 5000


def test_lines_of_bare_numbers_scan_their_tokens_once(monkeypatch):
    scans: list[int] = []
    tokens_before = number_text._tokens_before

    def counting(text, pos, floor, count=7):  # type: ignore[no-untyped-def]
        scans.append(pos)
        return tokens_before(text, pos, floor, count)

    monkeypatch.setattr("consistency.extract.number_figures._tokens_before", counting)
    lex = load_lexicon()
    for n in (2000, 4000):
        scans.clear()
        doc = read_text(("1\n" * n).encode(), id="bare", path="bare.txt")
        assert extract_claims(doc, lex, boilerplate_spans(doc)) == ()
        assert len(scans) <= 100  # one window per figure before, n of them; now the first few only


def test_a_position_inside_spans_is_found_by_bisection_as_by_a_scan():
    rng = random.Random(7)
    for _ in range(500):
        spans = [(a, a + rng.randint(0, 12)) for a in (rng.randint(0, 60) for _ in range(rng.randint(0, 8)))]
        index = _Spans(spans)
        noise = _Noise(spans)
        for pos in range(-1, 75):
            assert index.holds(pos) == any(a <= pos < b for a, b in spans)
            for length in (0, 1, 5):
                sent = Sentence(pos, pos + length, 0)
                assert noise.holds(sent) == any(a <= sent.start and sent.end <= b for a, b in spans)
