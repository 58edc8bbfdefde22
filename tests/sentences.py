"""Reading invented sentences as the tool would: the claims of one short text, or the findings
of a few articles. One definition for the scope tests of every language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from consistency.corpus import boilerplate_spans
from consistency.extract import extract_claims
from consistency.model import Claim, Document, Finding
from consistency.pipeline import check

DAY = dt.date(2025, 3, 12)  # the publication day of a text given without one


def figures(text: str, lang: str, day: dt.date = DAY) -> list[Claim]:
    """The quantity claims of `text`, published on `day`."""
    d = Document(id="a", path="a.txt", text=text, language=lang, published=day)
    return [c for c in extract_claims(d, noise=boilerplate_spans(d)) if c.kind == "quantity"]


def figure(text: str, lang: str, value: float, day: dt.date = DAY) -> Claim:
    """The one claim whose value is (or whose range holds) `value`; fails with every claim read otherwise."""
    claims = figures(text, lang, day)
    found = [c for c in claims if c.value.low == value or (c.value.low or 0) <= value <= (c.value.high or 0)]
    assert len(found) == 1, (value, [(c.quote, c.value.low, c.category, c.event) for c in claims])
    return found[0]


def findings(tmp_path: Path, articles: dict[str, str]) -> tuple[Finding, ...]:
    """The findings of `articles` (file name -> text) written to `tmp_path`."""
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    return check([tmp_path]).findings


def exact(claims: list[Claim], value: float) -> Claim:
    """The one claim whose value is exactly `value`; fails with every claim read otherwise."""
    found = [c for c in claims if c.value.low == value and c.value.high == value]
    assert len(found) == 1, (value, [(c.quote, c.value, c.measure, c.category, c.event) for c in claims])
    return found[0]


def findings_and_claims(tmp_path: Path, articles: dict[str, str]) -> tuple[list[Finding], dict[str, Claim]]:
    """The findings of `articles` written to `tmp_path`, and their claims by id."""
    for name, text in articles.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = check([tmp_path])
    return list(result.findings), {c.id: c for c in result.claims}
