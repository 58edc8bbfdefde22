"""The whole pipeline: same result whatever the order, no crash whatever the text."""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.corpus import load_corpus
from consistency.model import Document, Result
from consistency.pipeline import PARALLEL_MIN_DOCUMENTS, analyse, check
from consistency.ruleset import default_rules_dir, load_rules

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
RULES = load_rules([default_rules_dir()])
DOCS = load_corpus([SEEDS]).documents


@functools.cache
def _reference() -> Result:
    """The seeds analysed once, when a test first needs them (not at collection)."""
    return analyse(DOCS, RULES, corpus="seeds")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.permutations(range(len(DOCS))))
@pytest.mark.slow
def test_same_result_whatever_the_document_order(order):
    assert analyse([DOCS[i] for i in order], RULES, corpus="seeds") == _reference()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(max_size=300), min_size=1, max_size=4), st.sampled_from(["fr", "en", "es", None]))
def test_arbitrary_articles_never_crash_the_pipeline(texts, lang):
    docs = [Document(id=f"d{i}", path=f"d{i}.txt", text=t, language=lang, published=dt.date(2025, 1, 1)) for i, t in enumerate(texts)]
    result = analyse(docs, RULES)
    for claim in result.claims:
        assert result.document(claim.document).text[claim.span[0]:claim.span[1]] == claim.quote
    for finding in result.findings:
        assert set(finding.claims) <= {c.id for c in result.claims}


@pytest.mark.slow
def test_parallel_extraction_gives_the_same_result(monkeypatch, tmp_path):
    # Enough copies of the seeds to take the multi-process path.
    copies = PARALLEL_MIN_DOCUMENTS // len(DOCS) + 1
    for i in range(copies):
        for doc in SEEDS.glob("*.txt"):
            (tmp_path / f"{i:03d}_{doc.name}").write_bytes(doc.read_bytes())
    monkeypatch.setenv("CHECK_CONSISTENCY_WORKERS", "2")
    parallel = check([tmp_path])
    monkeypatch.setenv("CHECK_CONSISTENCY_WORKERS", "1")
    assert check([tmp_path]) == parallel
