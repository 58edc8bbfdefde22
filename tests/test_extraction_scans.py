"""The costly patterns of "who said it" run only where the words they need are there
(issue 10's throughput). Counted, never timed; the attributions found are checked too."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any

import pytest

from consistency.extract import attribution
from consistency.extract.attribution import find_attributions
from consistency.extract.lexicon import load_lexicon

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
