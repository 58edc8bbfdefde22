"""Qualifiers and ranges: the words around a figure ("environ", "more than", "o más") and
two figures read as one range ("entre 10 et 12"), as intervals.
"""

from __future__ import annotations

from collections.abc import Sequence

from consistency.extract.number_digits import _clean
from consistency.extract.number_figures import NumberMatch, _Figure, _Qual, _Text
from consistency.extract.number_tables import _Tables  # the tables each step reads
from consistency.extract.number_text import (
    _NEXT_TOKEN,
    _ascii_digits,
    _leading_int,
    _norm,
    _norms,
    _phrase_key,
    _Tok,
    _tokens_after,
)
from consistency.extract.precision import approx_interval
from consistency.model import Interval

CHANGE_REACH = 4  # words between a verb of change and "de X à Y" ("passé dans la nuit de", "elevó ayer de")
# Before "from X to Y" (never "between X and Y"), with no mark between: "raised the toll on
# Tuesday from 3 to 7", "elevaron el martes el balance de 3 a 8".
FROM_CHANGE_REACH = 7


class _Qualifying(_Tables):
    """Turning quantities into intervals (a part of the number grammar)."""

    def assemble(self, t: _Text, figs: Sequence[_Figure], money: bool = False) -> list[NumberMatch]:
        out: list[NumberMatch] = []
        cursor = t.lo
        i = 0
        while i < len(figs):
            f = figs[i]
            if f.start < cursor:
                i += 1
                continue
            if i + 1 < len(figs) and (rng := self._range(t, f, figs[i + 1], cursor, money)) is not None:
                out.append(rng)
                cursor = rng.end
                i += 2
                continue
            if (m := self._single(t, f, cursor, money)) is not None:
                out.append(m)
                cursor = m.end
            i += 1
        return out

    def _single(self, t: _Text, f: _Figure, floor: int, money: bool = False) -> NumberMatch | None:
        start, end = f.start, f.end
        qual: _Qual | None = None
        if f.kind != "vague":
            toks, norms = t.before(f.start, floor)
            if money and (sym := self.currency_before.ending(norms)) is not None:
                t.money_read = True
                toks, norms = toks[: sym[1]], norms[: sym[1]]  # "nearly $6 billion": the qualifier is before "$"
            found = self.before.ending(norms)
            if found is not None and found[0] is not None and found[1] == 0 and self._stepped(t, toks[0].start()):
                found = None  # "aumentó en 7 hasta 117": "hasta" leads from the step to the new count
            if found is not None and found[0] is not None and not self._compared_to(t, f, norms, found[1]):
                qual, start = found[0], toks[found[1]].start()
            if f.kind in ("digits", "words", "rounded") and (post := self._after(t, f.end)) is not None:
                qual, end = post
        difference = f.kind in ("digits", "words") and qual is None and self._difference(t, f.end)
        if f.needs_qualifier and (qual is None or qual.name == "exact"):
            return None
        point = f.value
        if f.kind == "vague":
            value, name = Interval(f.low, f.high), "vague"
        elif qual is None or qual.name == "exact":
            name = "approx" if f.kind == "rounded" else "exact"
            value = Interval(f.low, f.high) if f.kind == "rounded" else Interval(point, point)
        else:
            assert point is not None
            name, lf, hf = qual.name, qual.low, qual.high
            if f.kind == "rounded" and name == "approx":  # "environ une centaine": the wider spread
                lf = min(lf if lf is not None else 1.0, 1 - self.spread)
                hf = max(hf if hf is not None else 1.0, 1 + self.spread)
            high = point * hf if hf is not None else 100.0 if f.kind in ("share", "ratio") else None
            value = Interval(_clean(point * lf) if lf is not None else None, _clean(high))
            if name == "approx" and f.kind in ("digits", "words"):  # "about 270" is not "environ 3 000" (precision.py)
                band = approx_interval(point, lf, hf, self.precision)
                value = Interval(_clean(band.low), _clean(band.high))
        return NumberMatch(start, end, t.raw[start:end], value, point, name, f.unit, f.start, f.end, difference)

    def _stepped(self, t: _Text, pos: int) -> bool:
        """The words before pos end on a step of change and its figure ("aumentó en 7")."""
        if not self.change_steps:
            return False
        _toks, full = t.before(pos)
        return len(full) >= 3 and _leading_int(full[-1]) is not None and full[-2] in self.change_steps \
            and self._after_change(t, _toks[-2].start(), 0)

    def _difference(self, t: _Text, pos: int) -> bool:
        """"12,000 fewer", "300 de moins", "28 menos": the figure is a difference, not a count."""
        peek = _NEXT_TOKEN.match(t.raw, pos, t.hi)
        if peek is None or _norm(peek.group(1)) not in self.difference.firsts:
            return False  # most figures
        toks = _tokens_after(t.raw, pos, t.hi, self.difference.longest)
        return self.difference.starting(_norms(toks)) is not None

    def _compared_to(self, t: _Text, f: _Figure, norms: Sequence[str], first: int) -> bool:
        """"12,000 fewer than 50,000": "fewer than" says how far apart two figures are, not a bound of 50,000."""
        if norms[first] not in self.difference.firsts:
            return False
        full_toks, full = t.before(f.start)
        k = len(full) - (len(norms) - first) - 1
        if k >= 0 and "\n" in t.raw[full_toks[k].end():full_toks[k + 1].start()]:
            return False  # "16/04/2025 ⏎ Más de 40 muertos": the figure before ends another line
        return k >= 0 and (_leading_int(full[k]) is not None or full[k] in self.words)

    def _after_change(self, t: _Text, pos: int, intro_words: int, first: bool = True, reach: int = CHANGE_REACH) -> bool:
        """A verb of change or revision up to CHANGE_REACH words before the range's first word
        ("révisé dimanche de 40 à 92", "revised on Sunday from 40 to 92"): the two figures are
        the count before and after, never a range. A joining word or a figure in between ends
        the search: "fell to between 10 and 12" is a range, the new figure."""
        toks, full = t.before(pos)  # not floored: the verb may come before an earlier figure
        last = len(full) - intro_words - 1
        for k in range(last, max(-1, last - reach), -1):
            word = full[k]
            if word in self.changes:
                return True
            if last - k >= CHANGE_REACH and not word.isalpha():
                return False  # farther than the usual reach, only through words
            if word in self.range_joins or _leading_int(word) is not None:
                return first and self._after_change_pair(t, toks, full, k)
        return False

    def _after_change_pair(self, t: _Text, toks: Sequence[_Tok], full: Sequence[str], k: int) -> bool:
        """"elevó ayer de una a cuatro las víctimas, y de 99 a 159 los desaparecidos": a pair
        coordinated with a change right before it is a change too. Only when the earlier pair is
        itself "de X a Y" after a verb of change, with at most nouns and a comma in between."""
        j = next((i for i in range(k, -1, -1) if _leading_int(full[i]) is not None or full[i] in self.words), None)
        if j is None or k - j > CHANGE_REACH + 1 or any(not w.isalpha() and w != "," for w in full[j + 1 : k]):
            return False
        _btoks, before = t.before(toks[j].start())
        if len(before) < 3 or before[-1] not in self.range_joins:
            return False
        if _leading_int(before[-2]) is None and before[-2] not in self.words:
            return False
        a_start = _btoks[-2].start()
        _atoks, head = t.before(a_start)
        intro = self.range_intro.ending(head)
        far = FROM_CHANGE_REACH if before[-1] in self.range_bare else CHANGE_REACH
        return intro is not None and before[-1] in intro[0] and self._after_change(t, a_start, len(head) - intro[1], first=False, reach=far)

    def _after(self, t: _Text, pos: int) -> tuple[_Qual, int] | None:
        peek = _NEXT_TOKEN.match(t.raw, pos, t.hi)
        if peek is None or _norm(peek.group(1)) not in self.after.firsts:
            return None  # most figures: no qualifier after them
        toks = _tokens_after(t.raw, pos, t.hi, self.after.longest or 1)
        found = self.after.starting(_norms(toks)) if toks else None
        if found is None:
            return None
        qual, k = found
        if toks[0].group() == "+":
            if toks[0].start() != pos or _ascii_digits(t.raw[pos + 1 : pos + 2]):
                return None  # "1 000 + 500" is a sum, "1,000+" is "at least"
        elif not t.raw[pos : toks[0].start()].isspace():
            return None
        nxt = _NEXT_TOKEN.match(t.raw, toks[k - 1].end(), t.hi)
        if nxt is not None and (_ascii_digits(nxt.group(1)[0]) or _norm(nxt.group(1)) in self.after_blocked_by):
            return None  # "moins de 10 et plus de 40": "et plus" belongs to what follows
        return qual, toks[k - 1].end()

    def _range(self, t: _Text, a: _Figure, b: _Figure, floor: int, money: bool = False) -> NumberMatch | None:
        if a.kind not in ("digits", "words") or b.kind not in ("digits", "words"):
            return None
        if a.value is None or b.value is None or b.start - a.end > 12:
            return None
        joint = t.raw[a.end : b.start]
        if money and (cur := self.currency_prefix_re.search(joint)) is not None:
            t.money_read = True
            joint = joint[: cur.start()] + " "  # "$10 billion to $15 billion"
        conn = _phrase_key(joint) or joint.strip()
        if not conn:
            return None
        toks, norms = t.before(a.start, floor)
        if money and (sym := self.currency_before.ending(norms)) is not None:
            t.money_read = True
            toks, norms = toks[: sym[1]], norms[: sym[1]]  # "between $10 billion and…"
        qual = self.before.ending(norms)
        if qual is not None and qual[0] is not None and qual[0].name != "approx":
            return None  # "plus de 10 à 12" is not a range
        start, allowed = a.start, self.range_bare
        if norms and norms[-1] in self.change_steps and self._after_change(t, a.start, 1):
            return None  # "rose by 7 to 117": the step of a change, then the new count
        if (intro := self.range_intro.ending(norms)) is not None:
            first = intro[1]
            far = FROM_CHANGE_REACH if conn in intro[0] and conn in self.range_bare else CHANGE_REACH
            if self._after_change(t, a.start, len(norms) - first, reach=far):
                return None  # "passé de 200 à 300", "elevó ayer de 40 a 92": a change between two figures
            if conn in intro[0]:
                allowed, start = intro[0], toks[first].start()
                q2 = self.before.ending(norms[:first])
                if q2 is not None and q2[0] is not None and q2[0].name == "approx":
                    start = toks[q2[1]].start()  # "environ entre 10 et 12"
        elif qual is not None and qual[0] is not None:
            start = toks[qual[1]].start()  # "environ 10 à 12 000"
        if conn not in allowed:
            return None
        low, high = a.value, b.value
        if (a.scale == 1 or a.scale < b.scale >= 1e6) and b.scale > 1 and low < b.lead:
            low *= b.scale  # "10 à 12 000", "10–12,000", "2 à 3 millions", "3.000 y 5.000 millones"
        if not low < high:
            return None  # a score or a change ("3-1", "5 à 3"), not a range
        unit = "percent" if "percent" in (a.unit, b.unit) else "count"
        return NumberMatch(start, b.end, t.raw[start : b.end], Interval(low, high), low, "range", unit, a.start, b.end)
