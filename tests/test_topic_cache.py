"""Findings kept per topic: after one article changes, only the topics it touches are judged
again, and the findings are those of a run without a cache, whatever happened to the file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

import consistency.pipeline as pipeline
from consistency.cache import DB_NAME, topic_keys
from consistency.ruleset import RuleSet, load_rules
from tests.test_cache import ARTICLES as FLOOD

# A second, unrelated story (invented), in four languages: its topics must not be judged
# again when an article of the flood changes.
FIRE = {
    "fr_usine.txt": """Incendie dans une usine de Rouen

Publié le 03/06/2025 à 18h20

L'incendie qui a ravagé une usine de peinture à Rouen lundi a fait 6 blessés, selon les pompiers. Quelque 120 salariés ont été évacués.
""",
    "en_usine.txt": """Fire at a paint factory in Rouen

Published June 3, 2025

Six people were injured in the fire that destroyed a paint factory in Rouen on Monday, firefighters said. Some 120 workers were evacuated.
""",
    "de_usine.txt": """Brand in einer Farbenfabrik in Rouen

Veröffentlicht am 03.06.2025

Bei dem Brand in einer Farbenfabrik in Rouen sind am Montag 11 Menschen verletzt worden, teilte die Feuerwehr mit. Rund 120 Beschäftigte wurden evakuiert.
""",
    "es_usine.txt": """Incendio en una fábrica de pintura en Ruan

Publicado el 03/06/2025

Seis personas resultaron heridas en el incendio que destruyó una fábrica de pintura en Ruan el lunes, según los bomberos. Unos 120 trabajadores fueron evacuados.
""",
}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in {**FLOOD, **FIRE}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def observable(result):
    return (result.claims, result.topics, result.findings)


def count_topics(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The ids of the topics the rules judge from now on."""
    judged: list[str] = []
    original = RuleSet.evaluate_topic

    def counting(self, topic, env):
        judged.append(topic.id)
        return original(self, topic, env)

    monkeypatch.setattr(RuleSet, "evaluate_topic", counting)
    return judged


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_one_changed_article_judges_only_its_topics_again(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    first = pipeline.check([corpus], cache_dir=cache_dir)
    document = {c.id: c.document for c in first.claims}
    fire_topics = {t.id for t in first.topics if any(document[c].endswith("usine") for c in t.claims)}
    assert fire_topics and first.findings

    edit(corpus / "en_var.txt", "Nine people", "Eleven people")
    judged = count_topics(monkeypatch)
    warm = pipeline.check([corpus], cache_dir=cache_dir)
    assert judged, "the changed article's topics are judged again"
    assert not fire_topics & set(judged), "the fire's topics did not change: their findings come from the cache"
    assert len(judged) < len(warm.topics)
    monkeypatch.undo()
    assert observable(warm) == observable(pipeline.check([corpus]))


def test_a_changed_figure_changes_that_topics_findings(corpus, tmp_path):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    edit(corpus / "de_usine.txt", "11 Menschen", "6 Menschen")  # now agrees with the others
    warm = pipeline.check([corpus], cache_dir=cache_dir)
    assert observable(warm) == observable(pipeline.check([corpus]))


def test_damaged_topic_entries_never_change_the_result(corpus, tmp_path, monkeypatch):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    edit(corpus / "es_var.txt", "nueve personas", "once personas")
    uncached = observable(pipeline.check([corpus]))
    with sqlite3.connect(cache_dir / DB_NAME) as con:
        assert con.execute("SELECT count(*) FROM topics").fetchone()[0] > 0
        for old, new in (("contradiction", "corroboration"), ("Rouen", "Lille"), ("error", "info")):
            con.execute("UPDATE topics SET payload = CAST(replace(CAST(payload AS TEXT), ?, ?) AS BLOB)", (old, new))
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached
    with sqlite3.connect(cache_dir / DB_NAME) as con:  # a payload that is not findings at all
        con.execute("UPDATE topics SET payload = CAST('[\"t\", 1' AS BLOB)")
    assert observable(pipeline.check([corpus], cache_dir=cache_dir)) == uncached


def test_a_plugin_kind_keeps_only_whole_runs(corpus, monkeypatch):
    """A plugin's kind may read any claim of the corpus: its topics are not kept one by one."""
    import dataclasses

    from consistency.ruleset import Context, default_rules_dir

    rules = load_rules([default_rules_dir()])
    result = pipeline.check([corpus])
    context = Context({d.id: d for d in result.documents}, {c.id: c for c in result.claims}, result.topics)
    assert topic_keys(rules, context, {}, "v") is not None

    def plugin(rule, topic, env):
        return iter(())

    first = rules.rules[0]
    foreign = dataclasses.replace(first, spec=dataclasses.replace(first.spec, evaluate=plugin))
    assert topic_keys(RuleSet((foreign, *rules.rules[1:]), rules.places), context, {}, "v") is None
