"""A bound quoted on its own ("the toll "climbed past 80"", "el balance "superó los 80"") once
stopped a whole run: the words before the figure were read without checking there were any.
Every language's form is read without error, and the story around it is still judged."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figures, findings

_QUOTED = {
    "en": 'Rescuers said the toll "climbed past 80" on Friday as the river fell.',
    "es": 'Los socorristas dijeron que el balance "superó los 80" el viernes.',
    "fr": "Les secouristes ont dit que le bilan « a dépassé les 80 » vendredi.",
    "de": "Die Retter sagten, die Zahl der Toten sei „auf über 80 gestiegen“.",
}


@pytest.mark.parametrize("lang", sorted(_QUOTED))
def test_a_quoted_bound_is_read_without_error(lang: str) -> None:
    for claim in figures(_QUOTED[lang], lang):
        assert claim.value.low is None or claim.value.low >= 80  # never a figure below the bound


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_story_with_a_quoted_bound_is_judged(tmp_path: Path, lang: str) -> None:
    found = findings(tmp_path, {
        f"a_{lang}.txt": f"Flood toll rises in Oltenia\nDanube Daily, 3 May 2025\n\n{_QUOTED[lang]}\n",
        "b_en.txt": "Oltenia floods\nRiver Post, 4 May 2025\n\nAt least 85 people died in the floods in Oltenia, officials said on "
                    "Saturday.\n\nAt least 85 people died in the floods in Oltenia, the regional council said on Saturday.\n",
    })
    assert all(f.kind != "contradiction" for f in found)
