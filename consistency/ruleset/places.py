"""Where places lie, so that a figure for Kursk may be compared with one for Russia but
never with one for Donetsk.

The map is the lexicon's (`within:` in `consistency/extract/data/places.yaml`, and in the
places.yaml of a `--lexicon` folder): the one source extraction reads too. Rule files may
add to it with a `places:` mapping (place: the wider place it lies within); the mappings of
all loaded files are merged, and a rule file's word on a place wins over the lexicon's.
Then the gazetteer: a province within its country, a city within its region. Names are
compared without case.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cached_property

from consistency.extract.claims import place_named
from consistency.extract.gazetteer import fold, load_gazetteer
from consistency.extract.lexicon import place_within
from consistency.model import Claim

# How a figure's place may have been found without the text naming it for that figure: the
# article's country or region ("document", "dateline"). Such a place is a guess, never enough
# to keep two figures apart (a ferry toll placed in the country of the outlet's dateline).
ASSUMED_PLACES = frozenset({"document", "dateline"})
ASSUMED_PLACE_RATIO = 5  # figures this far apart, one placed only by its article, count other things


def assumed(claim: Claim) -> bool:
    """The figure is a count whose place is only its article's, not one named for it. A
    measure at a place (rainfall at a station, a quake's magnitude) keeps even that place:
    two such figures of unknown places are more often two places than two rival readings."""
    return claim.location is not None and claim.place_source in ASSUMED_PLACES and claim.unit in COUNTED_UNITS


COUNTED_UNITS = frozenset({"count"})


def unnamed(claim: Claim) -> bool:
    """The text places the figure by a name no map knows ("an Lahn und Dill", "Ain Tagourait
    (1)"): somewhere, but where is not known, so it is the same place as no other figure's."""
    return claim.place_source == "unnamed"


SAME_NAME_SCORE = 90  # rapidfuzz ratio of two folded unknown names read as one spelled two ways


def same_unnamed(a: Claim, b: Claim) -> bool:
    """Two figures placed by the same unknown name ("à Vervins" in two articles, "El Hierro"
    and "El Hiero"): one place."""
    if not (unnamed(a) and unnamed(b)) or a.location is None or b.location is None:
        return False
    return _same_name(a.location, b.location)


@functools.lru_cache(maxsize=4096)
def _same_name(a: str, b: str) -> bool:
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    from rapidfuzz import fuzz  # imported on first use: few stories have unknown places

    return bool(fuzz.ratio(fa, fb) >= SAME_NAME_SCORE)


def near(claim: Claim) -> bool:
    """The text places the figure near a known place ("nahe Garmisch-Partenkirchen"), and the
    figure holds that place's region or country: somewhere inside it, not the whole of it."""
    return claim.place_source == "near" and claim.location is not None


def part(claim: Claim) -> bool:
    """The text gives the figure for a part of a known place ("the smallest of the Canary
    Islands", "l'une des îles"): somewhere inside that place, which part not known."""
    return claim.place_source == "part" and claim.location is not None


def compared_place(claim: Claim) -> str | None:
    """The place two figures are compared by: None (unknown, compatible with any) when it is
    only the article's."""
    return None if assumed(claim) else claim.location


PlaceKey = tuple[str | None, str]  # a place as written, and how it was found: only the article's, near, unnamed, named


def place_key(claim: Claim) -> PlaceKey:
    """What `Places.relation` reads of a claim: claims with one key relate alike to all others."""
    how = "assumed" if assumed(claim) else "near" if near(claim) else "unnamed" if unnamed(claim) else "part" if part(claim) else ""
    return (claim.location, how)


@dataclass(frozen=True)
class Places:
    within: tuple[tuple[str, str], ...] = ()  # (place, the wider place containing it), from rule files
    lexicon: tuple[tuple[str, str], ...] | None = None  # the lexicon's map; None: the built-in one

    def using(self, lexicon_within: Mapping[str, str]) -> Places:
        """These rule files' places over another lexicon's map (one a --lexicon folder extends)."""
        return Places(self.within, tuple(lexicon_within.items()))

    @cached_property
    def _parent(self) -> dict[str, str]:
        lexicon = self.lexicon if self.lexicon is not None else tuple(place_within().items())
        return {child.casefold(): parent.casefold() for child, parent in (*lexicon, *self.within)}

    @cached_property
    def _wider(self) -> dict[str, tuple[str, ...]]:
        return {}

    def wider(self, place: str) -> tuple[str, ...]:
        """The places containing `place`, nearest first (casefolded)."""
        known = self._wider.get(place)
        if known is not None:
            return known
        out: list[str] = []
        current = self._parent.get(place.casefold())
        while current is not None and current not in out:
            out.append(current)
            current = self._parent.get(current)
        # Then what the gazetteer knows: a province within its country, a city within its region.
        named = place_named(place)
        if named is not None and named.name.casefold() == place.casefold():
            # A city lies within the region named after it ("Kharkiv" in "Kharkivska oblast"),
            # which the gazetteer's data does not record for most countries.
            region = load_gazetteer().region_named_after(named) if named.level == "city" else None
            if region is not None and region.name.casefold() not in out and not set(region.parents) - set(named.parents):
                wider = [p.casefold() for p in region.parents]
                at = next((i for i, p in enumerate(out) if p in wider), len(out))
                out.insert(at, region.name.casefold())
            out.extend(p.casefold() for p in named.parents if p.casefold() not in out)
        self._wider[place] = tuple(out)
        return self._wider[place]

    @cached_property
    def _answers(self) -> dict[tuple[str, str], bool]:
        return {}

    def relation(self, a: Claim, b: Claim) -> str:
        """"same", "a_in_b", "b_in_a" or "unknown" (not nested, or only one place known).

        A place that is only the article's (`assumed`) never keeps apart two figures that
        have no place of their own: against a figure with no place, or with another article's
        place, it is read as the same place. A place named for the other figure still decides:
        nested places stay nested (a figure placed only in the article's country may be the
        whole country's, more than a city's), and a named place outside the article's country
        is another place (it may be right where the article's guess is wrong, or the reverse)."""
        if unnamed(a) or unnamed(b):
            return "same" if same_unnamed(a, b) else "unknown"
        if part(a) or part(b):
            return self._part_relation(a, b)
        if near(a) or near(b):
            return self._near_relation(a, b)
        weak_a, weak_b = assumed(a), assumed(b)
        if a.location is None or b.location is None:
            if a.location == b.location or weak_a or weak_b:
                return "same"
            return "unknown"
        fa, fb = a.location.casefold(), b.location.casefold()
        if fa == fb:
            return "same"
        if fb in self.wider(a.location):
            return "a_in_b"
        if fa in self.wider(b.location):
            return "b_in_a"
        return "same" if weak_a and weak_b else "unknown"

    def _near_relation(self, a: Claim, b: Claim) -> str:
        """A figure near a town holds the town's country: the same place as another such
        figure or a figure placed only by its article in that country; inside a figure named
        for that country; of unknown relation to one for the town or any place within."""
        if a.location is None or b.location is None:
            return "unknown"  # a figure placed nowhere is not known to be there
        if near(a) and near(b) or assumed(a) or assumed(b):
            return "same" if a.location.casefold() == b.location.casefold() else "unknown"
        inner, wider = (a.location, b.location) if near(a) else (b.location, a.location)
        if wider.casefold() == inner.casefold() or wider.casefold() in self.wider(inner):
            return "a_in_b" if near(a) else "b_in_a"
        return "unknown"

    def _part_relation(self, a: Claim, b: Claim) -> str:
        """A figure for a part of a place lies inside that place and whatever contains it; two
        parts, or a part and a figure placed by a guess or near a town, are not known to be
        one place."""
        if part(a) and part(b) or a.location is None or b.location is None:
            return "unknown"
        other = b if part(a) else a
        if assumed(other) or near(other):
            return "unknown"
        inner, wider = (a.location, b.location) if part(a) else (b.location, a.location)
        if wider.casefold() == inner.casefold() or wider.casefold() in self.wider(inner):
            return "a_in_b" if part(a) else "b_in_a"
        return "unknown"

    def guessed_same(self, a: Claim, b: Claim) -> bool:
        """Read as one place only because one figure's place is its article's guess (its place
        differs from the other's, or the other has none)."""
        if not (assumed(a) or assumed(b)):
            return False
        fa, fb = (c.location.casefold() if c.location else None for c in (a, b))
        return fa != fb and self.relation(a, b) == "same"

    def compatible_claims(self, a: Claim, b: Claim) -> bool:
        """`compatible` for two figures, a place that is only the article's counting as unknown;
        a place the text names but no map knows is compatible with none."""
        if unnamed(a) or unnamed(b):
            return same_unnamed(a, b)
        if near(a) or near(b) or part(a) or part(b):
            return self.relation(a, b) != "unknown"
        return self.compatible(compared_place(a), compared_place(b))

    def compatible(self, a: str | None, b: str | None) -> bool:
        """Same place, one inside the other, or at least one unknown. Two different places
        that the mapping does not nest are different: their figures are not compared."""
        if a is None or b is None or a == b:
            return True
        known = self._answers.get((a, b))
        if known is None:
            fa, fb = a.casefold(), b.casefold()
            known = fa == fb or fb in self.wider(fa) or fa in self.wider(fb)
            self._answers[(a, b)] = known
        return known


def find_cycle(within: Iterable[tuple[str, str]]) -> list[str] | None:
    """A chain of places that ends where it started (Kursk → Russia → Kursk), if any."""
    parent = {child.casefold(): parent.casefold() for child, parent in within}
    for start in parent:
        seen = [start]
        current = parent.get(start)
        while current is not None:
            if current == start:
                return [*seen, current]
            if current in seen:
                break
            seen.append(current)
            current = parent.get(current)
    return None
