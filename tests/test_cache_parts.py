"""Pieces of the JSON report kept from earlier runs: after an article is changed, added or
removed, the report and JSON are byte for byte those of a run without a cache, and only the
pieces of what changed are rendered again; a damaged piece is rendered again, never used."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import replace

import pytest

import consistency.cache as cache_module
import consistency.pipeline as pipeline
from consistency.cache import DB_NAME
from consistency.report.json import render_json
from tests.test_cache_files import ARTICLES
from tests.test_cache_runs import ARGS, project, run, uncached  # noqa: F401  (the fixture)


class MemoryParts:
    """A `consistency.report.json.Parts` in a dict, counting what is rendered."""

    salt = b"test"

    def __init__(self) -> None:
        self.stored: dict[bytes, str] = {}
        self.rendered = 0

    def known(self, keys: Sequence[bytes]) -> Mapping[bytes, str]:
        return {k: self.stored[k] for k in keys if k in self.stored}

    def keep(self, fresh: Mapping[bytes, str]) -> None:
        self.rendered += len(fresh)
        self.stored.update(fresh)


@pytest.fixture
def result(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return pipeline.check([folder])


def test_pieces_give_the_bytes_of_a_whole_rendering(result):
    parts = MemoryParts()
    whole = render_json(result)
    assert render_json(result, parts=parts) == whole and parts.rendered
    parts.rendered = 0
    assert render_json(result, parts=parts) == whole and parts.rendered == 0


def test_a_changed_claim_renders_its_documents_piece_again_and_nothing_else(result):
    parts = MemoryParts()
    render_json(result, parts=parts)
    claim = result.claims[0]
    changed = replace(result, claims=(replace(claim, quote=claim.quote + " (amended)"), *result.claims[1:]))
    parts.rendered = 0
    assert render_json(changed, parts=parts) == render_json(changed)
    assert parts.rendered == 1
    assert b"(amended)" in render_json(changed, parts=parts).encode()


def test_no_claims_and_no_findings_render_as_empty_lists(result):
    empty = replace(result, claims=(), topics=(), findings=())
    assert render_json(empty, parts=MemoryParts()) == render_json(empty)


@pytest.mark.parametrize("change", ["edited", "added", "removed"])
def test_a_changed_added_or_removed_article_gives_the_bytes_of_a_run_without_cache(project, capsys, change):  # noqa: F811
    run(ARGS, capsys)
    folder = project / "articles"
    if change == "edited":
        (folder / "en_storm.txt").write_text(ARTICLES["en_storm.txt"].replace("Five people", "Eight people"),
                                             encoding="utf-8")
    elif change == "added":
        (folder / "en_copy.txt").write_text(ARTICLES["en_storm.txt"].replace("Five people", "Four people"),
                                            encoding="utf-8")
    else:
        (folder / "en_storm.txt").unlink()
    cached = run(ARGS, capsys)
    assert cached[0] == uncached(capsys)[0]
    assert cached[3:] == uncached(capsys)[3:]
    with sqlite3.connect(project / "cache" / DB_NAME) as db:
        assert db.execute("SELECT count(*) FROM parts").fetchone()[0] > 0


@pytest.mark.parametrize("damage", ["payload", "checksum", "utf-8"])
def test_a_damaged_piece_is_rendered_again(project, capsys, monkeypatch, damage):  # noqa: F811
    first = run(ARGS, capsys)
    with sqlite3.connect(project / "cache" / DB_NAME) as db:
        if damage == "utf-8":  # bytes that are not text, with a checksum made to fit
            for key, payload in db.execute("SELECT key, payload FROM parts").fetchall():
                forged = b"\xff" + payload
                db.execute("UPDATE parts SET payload = ?, checksum = ? WHERE key = ?",
                           (forged, cache_module._checksum(key, forged), key))
        else:
            db.execute(f"UPDATE parts SET {damage} = substr({damage}, 1, length({damage}) - 3) || x'000102'")
        db.execute("DELETE FROM outputs")  # the run goes through the pipeline and renders again
    again = run(ARGS, capsys)
    assert again[0] == first[0] and again[3:] == first[3:]


def test_every_field_of_a_claim_topic_or_finding_is_in_its_repr():
    """A piece is keyed by its items' repr: a field left out of it could change the JSON
    without changing the key."""
    from dataclasses import fields

    from consistency.model import Claim, Finding, Interval, TimeSpan, Topic

    for cls in (Claim, Topic, Finding, Interval, TimeSpan):
        assert all(f.repr for f in fields(cls)), cls.__name__
        assert hasattr(cls.__repr__, "__wrapped__"), cls.__name__  # made by dataclass, not written by hand
