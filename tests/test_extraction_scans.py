"""A word table read in many windows of one article scans it once, and the costly patterns
of "who said it" run only where the words they need are there (issue 10's throughput).
Counted, never timed; each test also checks that the answers are those of a plain scan."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from consistency.extract import attribution
from consistency.extract import lexicon as lexicon_module
from consistency.extract.attribution import find_attributions
from consistency.extract.lexicon import Match, Terms, load_lexicon
from consistency.extract.sentences import split_sentences

# Invented articles: sources, institutions and places in every sentence, so that the tables
# of origins and institutions are asked about every sentence and the words before figures.
ARTICLES = {
    "fr": "Selon le ministère de la Santé, 42 personnes ont été hospitalisées à Lyon. "
          "Le ministère des Affaires étrangères a confirmé 12 rapatriements mardi.\n"
          "La préfecture du Rhône a recensé 300 sinistrés, a-t-elle précisé dans la soirée.",
    "en": "According to the health ministry, 42 people were taken to hospital in Leeds. "
          "The Foreign Ministry confirmed 12 repatriations on Tuesday.\n"
          "The county council counted 300 people affected, it said on Wednesday evening.",
    "de": "Nach Angaben des Gesundheitsministeriums wurden 42 Menschen in Kassel behandelt. "
          "Das Außenministerium bestätigte am Dienstag 12 Rückholungen.\n"
          "Der Landkreis zählte 300 Betroffene, sagte er am Mittwochabend.",
    "es": "Según el Ministerio de Sanidad, 42 personas fueron atendidas en Zaragoza. "
          "El Ministerio de Asuntos Exteriores confirmó 12 repatriaciones el martes.\n"
          "La diputación contabilizó 300 afectados, dijo ella el miércoles por la noche.",
}


def _window_scan(table: Terms, text: str, start: int, end: int) -> list[Match]:
    """What a table finds in text[start:end] scanning that window alone (the reference)."""
    found = [
        Match(m.start(), m.end(), key, m.group())
        for rx in table._regexes
        for m in rx.finditer(text, start, end)
        if (key := table.key_of(m.group())) is not None
    ]
    found.sort(key=lambda hit: (hit.start, -hit.end))
    kept: list[Match] = []
    for hit in found:
        if not kept or hit.start >= kept[-1].end:
            kept.append(hit)
    return kept


def _windows(text: str) -> Iterator[tuple[int, int]]:
    """The windows extraction asks about: sentences, and the words before each digit."""
    for sent in split_sentences(text):
        yield sent.start, sent.end
    for m in re.finditer(r"\d+", text):
        yield max(0, m.start() - 40), m.start()
        yield m.end(), min(len(text), m.end() + 40)


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_table_read_in_windows_scans_the_article_once(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "\n".join([ARTICLES[lang]] * 3)  # an article of some length, its sentences asked about twice
    lex = load_lexicon()
    table = Terms(lex.institution_terms.entries)  # a fresh table: nothing remembered yet
    scans: list[str] = []
    whole = lexicon_module._scan_whole

    def counting(rx: re.Pattern[str], t: str) -> Any:
        scans.append(t)
        return whole(rx, t)

    monkeypatch.setattr(lexicon_module, "_scan_whole", counting)
    windows = list(_windows(text)) * 2
    answers = [list(table.finditer(text, s, e)) for s, e in windows]
    assert answers == [_window_scan(table, text, s, e) for s, e in windows]
    assert any(answers), "the article names institutions"
    # One scan of the whole article per regex of the table, however many windows were asked.
    assert 1 <= len(scans) <= len(table._regexes)
    assert all(t is text for t in scans)


@pytest.mark.parametrize("lang", sorted(ARTICLES))
def test_a_window_that_cuts_a_name_reads_like_a_window_scan(lang: str) -> None:
    """A window that ends inside a name ("ministère de la Sa|nté") or starts inside one finds
    what a scan of that window finds, not the whole text's match."""
    text = ARTICLES[lang]
    lex = load_lexicon()
    names = _window_scan(lex.institution_terms, text, 0, len(text))
    assert names
    # The names, and their first and last words as names of their own ("Santé", "ministère"):
    # a window cut inside a name finds one of those where the whole text finds the name.
    parts = [(words, f"part {i}") for i, m in enumerate(names)
             for words in (m.text, m.text.split()[0], m.text.split()[-1], " ".join(m.text.split()[1:]))]
    table = Terms(tuple(parts))
    # A name with a letter after it is no name in the whole text, but it ends a window cut there.
    text = f"{text} {names[0].text}s."
    before_s = len(text) - 2
    list(table.finditer(text, 0, len(text)))  # the whole text asked once: later windows use its scan
    assert list(table.finditer(text, 0, before_s)) == _window_scan(table, text, 0, before_s)
    assert list(table.finditer(text, 0, before_s))[-1].end == before_s
    for name in names:
        for cut in range(name.start + 1, name.end):
            assert list(table.finditer(text, 0, cut)) == _window_scan(table, text, 0, cut)
            assert list(table.finditer(text, cut, len(text))) == _window_scan(table, text, cut, len(text))


def test_a_short_phrase_looked_up_again_is_not_scanned_again(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    table = Terms(lex.origin_terms.entries)
    phrases = ["ministère de la Santé", "health ministry", "Gesundheitsministerium", "Ministerio de Sanidad", "Lyon"]
    first = [table.search(p) for p in phrases]
    scanned: list[str] = []
    raw = Terms._raw

    def counting(self: Terms, text: str, start: int, end: int) -> Any:
        scanned.append(text)
        return raw(self, text, start, end)

    monkeypatch.setattr(Terms, "_raw", counting)
    assert [table.search(p) for p in phrases] == first
    assert scanned == []
    assert [m is not None for m in first] == [True, True, True, True, False]


# Sentences with a figure and a word of attribution; the pronoun ones must still be read.
SAID = {
    "fr": [("Selon la préfecture, 300 foyers sont privés d'électricité.", False),
           ("Quelque 300 foyers sont privés d'électricité, a-t-il précisé.", True)],
    "en": [("According to the utility, 300 homes are without power.", False),
           ("Some 300 homes are without power, he said.", True)],
    "de": [("Nach Angaben des Versorgers sind 300 Haushalte ohne Strom.", False),
           ("Rund 300 Haushalte sind ohne Strom, sagte er.", True)],
    "es": [("Según la compañía eléctrica, 300 hogares siguen sin luz.", False),
           ("Unos 300 hogares siguen sin luz, dijo él.", True)],
}


@pytest.mark.parametrize("lang", sorted(SAID))
def test_the_pronoun_pattern_runs_only_where_a_pronoun_can_speak(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    runs: list[str] = []

    class Counted:
        def __init__(self, rx: re.Pattern[str]) -> None:
            self.rx = rx

        def finditer(self, text: str, *bounds: int) -> Iterator[re.Match[str]]:
            runs.append(text[bounds[0]:bounds[1]] if bounds else text)
            return self.rx.finditer(text, *bounds)

    original = attribution.patterns

    def counted_patterns(lang: str | None = None, extra_dirs: tuple[Any, ...] = ()) -> Any:
        p = original(lang, extra_dirs)
        return dataclasses.replace(p, pronoun=Counted(p.pronoun))  # type: ignore[arg-type]

    monkeypatch.setattr(attribution, "patterns", counted_patterns)
    for sentence, by_pronoun in SAID[lang]:
        runs.clear()
        found = find_attributions(sentence, 0, len(sentence), lex, lang)
        assert found, sentence  # "selon la préfecture" and "a-t-il précisé" are both attributions
        assert (runs == [sentence]) is by_pronoun
        assert any(a.text.casefold().split("-")[-1] in ("il", "he", "er", "él") for a in found) is by_pronoun  # "-t-il"
