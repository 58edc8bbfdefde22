"""What a topic's stored findings depend on in its articles' text: the sentences of its
claims, nothing else (`consistency.cache.topic_keys`). An article edited elsewhere (a
paragraph added, a typo fixed) has its topics read back; an edit of the words before a
figure judges its topic again; and the findings are always those of a run without a cache."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import consistency.pipeline as pipeline
from consistency.model import Document, Result, Topic
from consistency.ruleset import Context, default_rules_dir, load_rules
from consistency.ruleset.engine import Evaluation
from tests.test_cache import ARTICLES as FLOOD
from tests.test_topic_cache import count_topics, edit

# Invented: a toll given, then brought down in the next article's words, in each language
# (each of another day: the languages' statements stay apart).
LOWERED = {
    "fr_a.txt": "Glissement de terrain à Chamonix\n\nPublié le 12/03/2025 à 09h10\n\n"
                "Le glissement de terrain survenu mardi à Chamonix a fait 14 morts, selon la préfecture.\n\n"
                "Les secours ont travaillé toute la nuit sous la pluie.\n",
    "fr_b.txt": "Chamonix : le bilan revu\n\nPublié le 12/03/2025 à 17h40\n\n"
                "Le bilan du glissement de terrain survenu mardi à Chamonix a été ramené à 11 morts, selon la préfecture.\n\n"
                "Les habitants d'un hameau voisin ont été relogés dans un gymnase.\n",
    "en_a.txt": "Landslide in Chamonix\n\nPublished March 12, 2025\n\n"
                "The landslide that struck Chamonix on Monday killed 14 people, the prefecture said.\n\n"
                "Rescue teams worked through the night in heavy rain.\n",
    "en_b.txt": "Chamonix toll revised\n\nPublished March 12, 2025\n\n"
                "The toll of the landslide that struck Chamonix on Monday was revised down to 11 dead, the prefecture said.\n\n"
                "Residents of a nearby hamlet were moved to a school gym.\n",
    "de_a.txt": "Erdrutsch in Chamonix\n\nVeröffentlicht am 12.03.2025\n\n"
                "Bei dem Erdrutsch in Chamonix sind am Sonntag 14 Menschen getötet worden, teilte die Präfektur mit.\n\n"
                "Die Helfer arbeiteten die ganze Nacht im Regen.\n",
    "de_b.txt": "Chamonix: Bilanz korrigiert\n\nVeröffentlicht am 12.03.2025\n\n"
                "Die Zahl der Toten des Erdrutsches in Chamonix vom Sonntag wurde nach unten korrigiert auf 11 Tote, teilte die Präfektur mit.\n\n"
                "Bewohner eines nahen Weilers wurden in einer Turnhalle untergebracht.\n",
    "es_a.txt": "Deslizamiento en Chamonix\n\nPublicado el 12/03/2025\n\n"
                "El deslizamiento de tierra del sábado en Chamonix causó 14 muertos, según la prefectura.\n\n"
                "Los equipos de rescate trabajaron toda la noche bajo la lluvia.\n",
    "es_b.txt": "Chamonix: balance revisado\n\nPublicado el 12/03/2025\n\n"
                "El balance del deslizamiento de tierra del sábado en Chamonix fue rebajado a 11 muertos, según la prefectura.\n\n"
                "Los vecinos de una aldea cercana fueron alojados en un gimnasio.\n",
}
# Words before each second article's figure that bring the toll down, and neutral words instead.
LOWERING = {"fr": ("a été ramené à", "a été établi à"), "en": ("was revised down to", "was put at"),
            "de": ("wurde nach unten korrigiert auf", "wurde beziffert auf"),
            "es": ("fue rebajado a", "fue cifrado en")}
ADDED = {"fr": "Un numéro d'appel a été ouvert pour les familles.", "en": "A helpline was opened for families.",
         "de": "Für Angehörige wurde eine Hotline eingerichtet.", "es": "Se abrió una línea telefónica para las familias."}


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in {**FLOOD, **LOWERED}.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def one_language(folder: Path, language: str) -> Path:
    """The corpus without the lowered tolls of the other languages."""
    for name in LOWERED:
        if not name.startswith(f"{language}_"):
            (folder / name).unlink()
    return folder


def observable(result: Result) -> tuple[object, ...]:
    return (result.claims, result.topics, result.findings)


def _kept(text: str, spans: list[tuple[int, int]]) -> str:
    """The text with every character outside `spans` but line breaks replaced by "x"."""
    keep = [False] * len(text)
    for start, end in spans:
        keep[start:end] = [True] * (end - start)
    return "".join(ch if keep[i] or ch == "\n" else "x" for i, ch in enumerate(text))


def _blanked(context: Context, topic: Topic) -> Context:
    """The context with each text reduced to the sentences of the topic's claims (and of the
    claims they are shares of), offsets kept; which texts copy which is kept as it was."""
    wanted = [context.claims[c] for c in topic.claims]
    wanted += [context.claims[c.share_of] for c in wanted if c.share_of in context.claims]
    spans: dict[str, list[tuple[int, int]]] = {}
    for claim in wanted:
        spans.setdefault(claim.document, []).append(claim.sentence)
    documents: dict[str, Document] = {
        doc_id: replace(doc, text=_kept(doc.text, spans.get(doc_id, [])), line_starts=doc.line_starts)
        for doc_id, doc in context.documents.items()
    }
    blanked = Context(documents=documents, claims=context.claims, topics=context.topics)
    blanked.__dict__["copies"] = context.copies  # keyed on its own (`topic_keys`)
    return blanked


def test_rules_read_of_a_text_only_the_sentences_of_the_topics_claims(corpus):
    result = pipeline.check([corpus])
    rules = load_rules([default_rules_dir()])
    context = Context(documents={d.id: d for d in result.documents}, claims={c.id: c for c in result.claims},
                      topics=result.topics)
    assert any("lowered" in f.message for f in result.findings), "the corpus must exercise the words before a figure"
    assert all(c.sentence[0] <= c.span[0] <= c.span[1] <= c.sentence[1] for c in result.claims)
    for topic in result.topics:
        whole = rules.evaluate_topic(topic, Evaluation(context, rules))
        reduced = rules.evaluate_topic(topic, Evaluation(_blanked(context, topic), rules))
        assert reduced == whole, topic.label


def test_the_words_before_a_figure_are_read(corpus):
    """The check above can fail: the sentence of a figure is read (its words of lowering)."""
    before = pipeline.check([corpus])
    for language, (lowering, neutral) in LOWERING.items():
        edit(corpus / f"{language}_b.txt", lowering, neutral)
    after = pipeline.check([corpus])
    lowered = [f for f in before.findings if "lowered" in f.message]
    assert {f.topic for f in lowered} and not [f for f in after.findings if "lowered" in f.message]


@pytest.mark.parametrize("language", sorted(LOWERING))
def test_an_article_edited_outside_its_figures_sentences_judges_no_topic_again(corpus, tmp_path, monkeypatch, language):
    cache_dir = tmp_path / "cache"
    pipeline.check([corpus], cache_dir=cache_dir)
    path = corpus / f"{language}_b.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\n" + ADDED[language] + "\n", encoding="utf-8")
    judged = count_topics(monkeypatch)
    warm = pipeline.check([corpus], cache_dir=cache_dir)
    assert judged == []
    monkeypatch.undo()
    assert observable(warm) == observable(pipeline.check([corpus]))


@pytest.mark.parametrize("language", sorted(LOWERING))
def test_an_edit_of_the_words_before_a_figure_judges_its_topic_again(corpus, tmp_path, monkeypatch, language):
    corpus = one_language(corpus, language)
    cache_dir = tmp_path / "cache"
    first = pipeline.check([corpus], cache_dir=cache_dir)
    edit(corpus / f"{language}_b.txt", *LOWERING[language])
    judged = count_topics(monkeypatch)
    warm = pipeline.check([corpus], cache_dir=cache_dir)
    documents = {c.id: c.document for c in warm.claims}
    assert judged and all(any(documents[c] == f"{language}_b" for c in t.claims) for t in warm.topics if t.id in judged)
    monkeypatch.undo()
    cold = pipeline.check([corpus])
    assert observable(warm) == observable(cold)
    def lowered(result: Result) -> bool:
        return any("lowered" in f.message and f"{language}_b line" in f.message for f in result.findings)

    assert lowered(first) and not lowered(warm)
