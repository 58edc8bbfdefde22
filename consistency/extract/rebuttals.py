"""A figure given against another source's, in words: "Die Kreisverwaltung hatte 1.300
Vermisste gemeldet. Der Minister hält diese Zahl für zu hoch und spricht von 60", "the
ministry called that figure inflated and put the toll at 60", "juge ce chiffre exagéré",
"considera exagerada esa cifra".

Two counts of different days are otherwise never a dispute: a fall may be people found, a
rise an update. When the text says that one source holds the other's figure wrong, the two
are one disagreement, whatever their days: the later figure is marked as rebutting the
earlier (`Claim.rebuts`), and the dispute rule reports them. Which words say so is data
(cues.yaml: `rebuttal_object`, `rebuttal`), per language.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from consistency.extract.cues import Cues
from consistency.extract.sentences import Sentence
from consistency.model import Claim

REBUTTAL_GAP = 40  # characters between "diese Zahl" and "zu hoch" ("hält diese Zahl für deutlich zu hoch")
COMPARED = frozenset({"total", "running"})


def link_rebuttals(text: str, sentences: Sequence[Sentence], claims: Sequence[Claim], cues: Cues) -> list[Claim]:
    """The claims, with a figure a source gives against the one it disputes marked `rebuts`.

    The disputed figure is the last count before the words of dispute, in their sentence or
    the one before; the rebutting one the first count after them, in their sentence or the
    next, of the same paragraph. Both must count the same thing, both must be given by a
    named source, and not the same one; otherwise nothing is marked."""
    out = list(claims)
    index_of = {c.id: i for i, c in enumerate(out)}
    for n, sent in enumerate(sentences):
        cue = _cue(text, sent, cues)
        if cue is None:
            continue
        start, end = cue
        before = [s for s in sentences[max(0, n - 1):n + 1] if s.paragraph == sent.paragraph]
        after = [s for s in sentences[n:n + 2] if s.paragraph == sent.paragraph]
        earlier = [c for c in out if _counted(c) and c.span[1] <= start and any(c.sentence == (s.start, s.end) for s in before)]
        later = [c for c in out if _counted(c) and c.span[0] >= end and any(c.sentence == (s.start, s.end) for s in after)]
        if not earlier or not later:
            continue
        disputed = max(earlier, key=lambda c: c.span[0])
        rebutting = min(later, key=lambda c: c.span[0])
        if (rebutting.category, rebutting.event) != (disputed.category, disputed.event):
            continue
        if not disputed.attributed_to or not rebutting.attributed_to or disputed.attributed_to == rebutting.attributed_to:
            continue
        out[index_of[rebutting.id]] = replace(rebutting, rebuts=disputed.id)
    return out


def _cue(text: str, sent: Sentence, cues: Cues) -> tuple[int, int] | None:
    """Where a sentence says a figure just given is wrong: "diese Zahl … zu hoch",
    "exagerada esa cifra" (either order, close together)."""
    objects = list(cues.rebuttal_object.finditer(text, sent.start, sent.end))
    if not objects:
        return None  # most sentences
    words = list(cues.rebuttal.finditer(text, sent.start, sent.end))
    for o in objects:
        for w in words:
            gap = w.start - o.end if w.start >= o.end else o.start - w.end
            if 0 <= gap <= REBUTTAL_GAP and not any(ch in ".;:!?" for ch in text[min(o.end, w.end):max(o.start, w.start)]):
                return min(o.start, w.start), max(o.end, w.end)
    return None


def _counted(claim: Claim) -> bool:
    return claim.kind == "quantity" and claim.measure in COMPARED and claim.category is not None
