"""Two voices' tolls of one day, no hour to order them: the higher one told only in articles
of a later day is the toll that went on rising, not a dispute between the voices ("Some 40
killed", said the minister that day; "75 dead", said the governor in the next day's paper).
The other way round (a lower figure only in the later articles) still disputes.
Sentences are invented, in each language."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import findings

STORY = {
    "en": ("Landslide in Varnel\n\nPublished 10 March 2025\n\n",
           "Published 11 March 2025\n\n",
           "A landslide buried part of Varnel on Monday. Some {a} people were killed on Monday, minister Tom Eliot said.\n",
           "A landslide buried part of Varnel on Monday. On Monday, {b} people were killed, governor Ana Rees said.\n"),
    "fr": ("Glissement de terrain à Varnel\n\nPublié le 10 mars 2025\n\n",
           "Publié le 11 mars 2025\n\n",
           "Un glissement de terrain a enseveli Varnel lundi. Lundi, {a} personnes ont été tuées, selon le ministre Paul Morel.\n",
           "Un glissement de terrain a enseveli Varnel lundi. Lundi, {b} personnes ont été tuées, selon la gouverneure Anne Roux.\n"),
    "de": ("Erdrutsch in Varnel\n\n10. März 2025\n\n",
           "11. März 2025\n\n",
           "Ein Erdrutsch hat am Montag Teile von Varnel verschüttet. Am Montag wurden {a} Menschen getötet, sagte Minister Jan Vogt.\n",
           "Ein Erdrutsch hat am Montag Teile von Varnel verschüttet. Am Montag wurden {b} Menschen getötet, sagte Gouverneurin Eva Lenz.\n"),
    "es": ("Alud en Varnel\n\n10 de marzo de 2025\n\n",
           "11 de marzo de 2025\n\n",
           "Un alud sepultó parte de Varnel el lunes. El lunes murieron {a} personas, según el ministro Luis Soto.\n",
           "Un alud sepultó parte de Varnel el lunes. El lunes murieron {b} personas, según la gobernadora Ana Ruiz.\n"),
}


def _run(tmp_path: Path, lang: str, first: int, second: int) -> list[str]:
    head, next_day, said_first, said_next = STORY[lang]
    out = findings(tmp_path, {
        "a.txt": head + said_first.format(a=first),
        "b.txt": head.split("\n\n")[0] + "\n\n" + next_day + said_next.format(b=second),
    })
    return [f.kind for f in out]


@pytest.mark.parametrize("lang", sorted(STORY))
def test_a_higher_toll_told_the_next_day_is_no_dispute(tmp_path: Path, lang: str) -> None:
    kinds = _run(tmp_path, lang, 40, 75)
    assert "dispute" not in kinds and "contradiction" not in kinds, kinds


@pytest.mark.parametrize("lang", sorted(STORY))
def test_a_lower_toll_told_the_next_day_still_disputes(tmp_path: Path, lang: str) -> None:
    kinds = _run(tmp_path, lang, 75, 40)
    assert "dispute" in kinds or "contradiction" in kinds, kinds
