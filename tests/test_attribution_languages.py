"""Who said it, read with the document's own language (issue 10's throughput): a sentence
whose words are all of its document's language runs only that language's long word lists;
one that holds another language's reporting word runs every language's patterns, as
before. Either way the attributions are the same as with every language's patterns.
Counted, never timed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from consistency.extract import attribution
from consistency.extract.attribution import find_attributions
from consistency.extract.lexicon import load_lexicon

# Sentences in their document's language only: their own patterns are enough.
OWN = {
    "fr": ["Selon la préfecture du Var, 1 200 foyers étaient encore privés de courant mardi soir.",
           "Le ministère de l'Intérieur a affirmé que 45 personnes avaient été interpellées.",
           "« Nous avons recensé 38 blessés », a déclaré la préfecture de police."],
    "en": ["The interior ministry said 45 people had been detained overnight.",
           "According to the fire service, 1,200 homes were still without power on Tuesday.",
           "About 300 residents were evacuated, officials said on Sunday."],
    "de": ["Nach Angaben der Polizei wurden 45 Menschen vorläufig festgenommen.",
           "Das Innenministerium teilte mit, dass 1.200 Haushalte ohne Strom seien.",
           "Rund 300 Anwohner mussten ihre Häuser verlassen, teilte die Polizei mit."],
    "es": ["Según el Ministerio del Interior, 45 personas fueron detenidas durante la noche.",
           "La Guardia Civil ha informado de que 1.200 viviendas siguen sin luz.",
           "Unos 300 vecinos fueron desalojados, informó la Guardia Civil."],
}

# Another language's reporting word in the sentence: every language's patterns still run.
MIXED = {
    "en": "The toll rose to 45, selon la préfecture, as rescuers searched the valley.",
    "fr": "Le bilan s'élève à 45 morts, according to the Red Cross, dans la vallée.",
    "de": "Die Zahl stieg auf 45 Tote, según la Cruz Roja, im ganzen Tal.",
    "es": "El balance subió a 45 muertos, nach Angaben der Polizei, en todo el valle.",
}


def _used(monkeypatch: pytest.MonkeyPatch) -> list[attribution._Patterns]:
    """Records the patterns each call of find_attributions reads."""
    used: list[attribution._Patterns] = []
    original = attribution._sentence_patterns

    def recorded(text: str, start: int, end: int, lang: str | None, written_in: str | None,
                 extra_dirs: tuple[Path, ...]) -> attribution._Patterns:
        p = original(text, start, end, lang, written_in, extra_dirs)
        used.append(p)
        return p

    monkeypatch.setattr(attribution, "_sentence_patterns", recorded)
    return used


@pytest.mark.parametrize("lang", sorted(OWN))
def test_a_sentence_in_its_documents_language_runs_only_its_own_word_lists(
        lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    every = attribution.patterns(None)
    for sentence in OWN[lang]:
        expected = find_attributions(sentence, 0, len(sentence), lex)
        assert expected, sentence
        used = _used(monkeypatch)
        assert find_attributions(sentence, 0, len(sentence), lex, written_in=lang) == expected
        assert used and every not in used, sentence
        monkeypatch.undo()
    own = attribution._own_patterns(lang)
    assert own is not None
    # The other languages' prepositions are not in this language's pattern.
    others = {"fr": "selon", "en": "according", "de": "Angaben", "es": "según"}
    assert [w for code, w in others.items() if re.search(w, own[0].prep.pattern, re.IGNORECASE)] == [others[lang]]


@pytest.mark.parametrize("lang", sorted(MIXED))
def test_a_word_of_another_language_runs_every_languages_patterns(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    sentence = MIXED[lang]
    expected = find_attributions(sentence, 0, len(sentence), lex)
    assert expected, sentence  # the foreign preposition is read, as before
    used = _used(monkeypatch)
    assert find_attributions(sentence, 0, len(sentence), lex, written_in=lang) == expected
    assert used == [attribution.patterns(None)]


def test_an_auxiliary_of_another_language_counts_only_before_a_participle() -> None:
    guard = attribution._own_patterns("en")
    assert guard is not None
    # "a" is a French auxiliary and an English article: only "a annoncé" is French.
    assert guard[1].search("Officials counted a total of 45 injured.") is None
    assert guard[1].search("The ministry a annoncé 45 injured.") is not None


def test_an_unknown_language_reads_every_language_as_before(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = load_lexicon()
    sentence = OWN["en"][0]
    used = _used(monkeypatch)
    found = find_attributions(sentence, 0, len(sentence), lex, written_in="it")
    assert found and used == [attribution.patterns(None)]
