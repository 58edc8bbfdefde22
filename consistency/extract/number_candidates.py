"""Candidates: where a text may hold a figure, and the figures read there (digits, number
words, rounded counts, vague amounts, shares, ratios), before their surroundings are judged.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from consistency.extract.number_digits import _clean, _read_digits
from consistency.extract.number_figures import (
    _DIGIT,
    _END,
    _RATIO,
    _ROUNDED,
    _SHARE,
    _START,
    _VAGUE,
    _WORDS,
    _CompoundRoutes,
    _Figure,
    _Text,
)
from consistency.extract.number_tables import _Tables  # the tables each step reads
from consistency.extract.number_text import (
    _ADDED_GROUPS,
    _ADDED_UNITS,
    _AFTER_MARGIN,
    _BEFORE_MARGIN,
    _DIGITS,
    _MAX_NUMBER_WORDS,
    _MAX_VALUE,
    _YEAR_LIKE,
    _ascii_digits,
    _norm,
    _norms,
    _phrase_key,
    _tokens_after,
)


class _Candidates(_Tables):
    """Finding candidate figures (a part of the number grammar; tables come from `_Tables`)."""

    def figures(self, t: _Text, windows: Sequence[tuple[int, int, int]]) -> list[_Figure]:
        """Candidate figures near each trigger word; of overlapping ones, the first and longest."""
        found: list[_Figure] = []
        for rs, re_, route in windows:
            if route & _DIGIT:
                found.extend(self._digit_figures(t, rs, re_))
            if route & _WORDS:
                found.extend(self._word_figures(t, rs, re_))
            if route & _ROUNDED:
                found.extend(self._rounded_figures(t, rs, re_))
            if route & _VAGUE:
                found.extend(self._vague_figures(t, rs, re_))
            if route & _SHARE:
                found.extend(self._share_figures(t, rs, re_))
            if route & _RATIO and self._may_hold_ratio(t, rs, re_):
                found.extend(self._ratio_figures(t, rs, re_))
        found.sort(key=_END, reverse=True)  # two stable sorts: by start, then the longest first
        found.sort(key=_START)
        out: list[_Figure] = []
        last_end = t.lo
        for f in found:
            if f.start >= last_end:
                out.append(f)
                last_end = f.end
        return out

    def _may_hold_ratio(self, t: _Text, rs: int, re_: int) -> bool:
        return (
            self.ratio_tail_re is not None
            and self.ratio_sep_re is not None
            and self.ratio_sep_re.search(t.low, rs, re_) is not None
            and self.ratio_tail_re.search(t.low, rs, re_) is not None
        )

    def windows(self, t: _Text) -> list[tuple[int, int, int]]:
        """Where figures may be: (start, end, what to look for) around each trigger word."""
        spans: list[tuple[int, int, int]] = []
        lo, hi, routes = t.lo, t.hi, self.routes
        if self.compound:  # "einhunderte…" is in no table: a glued number word may be anything
            routes = _CompoundRoutes(routes)
        start = end = route = -1
        for m in self.trigger_re.finditer(t.low, lo, hi):
            s, e = m.span()
            s = s - _BEFORE_MARGIN if s - _BEFORE_MARGIN > lo else lo
            e = e + _AFTER_MARGIN if e + _AFTER_MARGIN < hi else hi
            if s <= end:  # overlaps the window being built: widen it
                if e > end:
                    end = e
                route |= routes.get(m[0], _DIGIT | _RATIO)
            else:
                if end >= 0:
                    spans.append((start, end, route))
                start, end, route = s, e, routes.get(m[0], _DIGIT | _RATIO)
        if end >= 0:
            spans.append((start, end, route))
        return spans

    def _units(self, t: _Text, pos: int) -> tuple[float | None, int]:
        """A scale word or abbreviation at pos: (its value, or None when ambiguous; where it ends)."""
        if self.scale_words_re is not None and (m := self.scale_words_re.match(t.low, pos, t.hi)):
            return self.scales.get(m.group().strip(" \u00a0\u202f\u2009\t\n")), m.end()
        if m := self.abbr_re.match(t.raw, pos, t.hi):
            return self.glued[m.group("g") or m.group("s")], m.end()
        return 1.0, pos

    def _digit_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        hint, low, hi = self.unit_hint_re, t.low, t.hi
        for m in _DIGITS.finditer(t.raw, rs, re_):
            s, e = m.span()
            token = m.group()
            if hint is not None and hint.match(low, e, hi) is None:  # most figures: a plain number
                if not self.words and self._unknown_scale_follows(t, e):
                    continue  # "1,5 Millionen": a scale word we cannot read
                if _ascii_digits(token) and e - s <= 12:  # "2024", "11000": read as they are
                    value = float(token)
                    yield _Figure(s, e, e, value, None, None, "digits", "count", value, 1.0, True)
                    continue
                reading = _read_digits(token, self.conv, False)
                if not isinstance(reading, tuple) or reading[0] > _MAX_VALUE:
                    continue
                value, lead, group_scale = reading
                yield _Figure(s, e, e, _clean(value), None, None, "digits", "count", lead, group_scale, _ascii_digits(token))
                continue
            scale, end = self._units(t, e)
            if scale == 1e3 and _YEAR_LIKE.fullmatch(token):
                scale, end = 1.0, e  # "En 2023 mil personas": a year, then a thousand people
            if scale is None:  # "billion" in an unknown language: 10^9 or 10^12
                yield _Figure(s, end, end, None, None, None, "void")
                continue
            pc = None if end > e else self.percent_re.match(t.low, e, t.hi)
            reading = _read_digits(token, self.conv, end > e or pc is not None)
            if not isinstance(reading, tuple):
                continue
            value, lead, group_scale = reading
            if value > _MAX_VALUE:
                continue
            if end > e:
                lead, group_scale = value, scale
                value *= scale
                if self.half_re is not None and (h := self.half_re.match(t.low, end, t.hi)):
                    value, end = value + 0.5 * scale, h.end()  # "3 millions et demi"
                elif scale >= 1e6 and (add := _ADDED_GROUPS.match(t.raw, end, t.hi)):
                    extra = _read_digits(add.group(1), self.conv, False)
                    if isinstance(extra, tuple) and extra[0] < scale:
                        value, end = value + extra[0], add.end()  # "2 millions 500 000"
                elif scale == 1e3 and (units := _ADDED_UNITS.match(t.raw, end, t.hi)):
                    value, end = value + float(units.group(1)), units.end()  # "2 mil 500"
                pc = self.percent_re.match(t.low, end, t.hi)
            elif not self.words and self._unknown_scale_follows(t, e):
                continue  # "1,5 Millionen": a scale word we cannot read
            tail = e if end > e else -1
            if pc is not None:
                end = pc.end()
                tail = e
            bare = end == e and _ascii_digits(token)
            yield _Figure(
                s, end, e, _clean(value), None, None, "digits", "percent" if pc else "count",
                lead, group_scale, bare, tail,
            )

    def _unknown_scale_follows(self, t: _Text, pos: int) -> bool:
        nxt = _tokens_after(t.low, pos, t.hi, 1)
        return bool(nxt) and nxt[0].start() - pos <= 1 and _norm(nxt[0].group()).startswith(self.unknown_scales)

    def _word_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.words_re is None:
            return
        for m in self.words_re.finditer(t.low, rs, re_):
            toks = list(self.word_token_re.finditer(t.low, m.start(), m.end()))
            if any(self.scales.get(k.group(), 0.0) is None for k in toks):  # "billion", language unknown
                yield _Figure(m.start(), m.end(), m.end(), None, None, None, "void")
                continue
            i = 0
            while i < len(toks):  # the longest readable run of words, then the next one
                best: tuple[int, float] | None = None
                for j in range(i + 1, min(len(toks), i + _MAX_NUMBER_WORDS) + 1):
                    value = self._spelled(t.low[toks[i].start() : toks[j - 1].end()])
                    if value is not None:
                        best = (j, value)
                    elif j - (best[0] if best else i) >= 3:
                        break  # "vingt vingt vingt…": no longer run will read either
                if best is None:
                    i += 1
                    continue
                j, value = best
                s, e = toks[i].start(), toks[j - 1].end()
                fig = self._word_figure(t, s, e, value, [k.group() for k in toks[i:j]])
                if fig is not None:
                    yield fig
                i = j

    def _spelled(self, words: str) -> float | None:
        """The value of number words (cached: text2num is slow and the same words come back)."""
        cache = self._spelled_cache
        if words not in cache:
            if len(cache) >= 8192:
                cache.clear()
            cache[words] = self._read_spelled(words)
        return cache[words]

    def _read_spelled(self, words: str) -> float | None:
        for spelling in self.spellings:
            v = spelling.value(words)
            if v is not None:
                return v
        return None

    def _word_figure(self, t: _Text, s: int, e: int, value: float, words: Sequence[str]) -> _Figure | None:
        if words[0] in self.scales or words[0] in self.currency_words:
            before = t.before(s)[0]
            if before and _ascii_digits(before[-1].group()[-1]) and before[-1].end() == s - 1 \
                    and not _YEAR_LIKE.fullmatch(before[-1].group()):
                return None  # "322 cents", "3 cent un": the unit of the digits before, not a figure
        if len(words) == 1:
            w = words[0]
            if w in self.not_alone:
                return None  # "un", "une": articles; "millions" without a multiplier
            if w in self.homographs:
                norms = t.before(s)[1]
                nxt = t.raw[e : e + 40].lstrip()[:1]
                if not nxt or nxt in ".,;:!?)" or (norms and norms[-1] in self.homographs[w]):
                    return None  # "un char neuf.", "rien de neuf"
        last = self.scales.get(words[-1]) or (100.0 if words[-1] in self.hundreds else 1.0)
        lead, scale, end = value / last, last, e
        if last > 1 and self.half_re is not None and (h := self.half_re.match(t.low, e, t.hi)):
            value, end = value + 0.5 * last, h.end()  # "un million et demi"
        elif last == 1e3 and (units := _ADDED_UNITS.match(t.raw, e, t.hi)):
            value, end = value + float(units.group(1)), units.end()  # "mil 37 muertos": 1 037
        unit, tail = "count", -1
        if pc := self.percent_re.match(t.low, end, t.hi):
            unit, tail, end = "percent", e, pc.end()
        return _Figure(s, end, e, value, None, None, "words", unit, lead, scale, False, tail)

    def _rounded_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.fixed_re is not None:
            for m in self.fixed_re.finditer(t.low, rs, re_):
                if (v := self.fixed.get(_phrase_key(m.group()))) is not None:
                    yield self._rounded(m.start(), m.end(), v)
        if self.collective_re is None:
            return
        for m in self.collective_re.finditer(t.low, rs, re_):
            noun = m.group("noun")
            if noun in self.collective_needs_of and not self.of_re.match(t.low, m.end("noun")):
                continue  # "une quarantaine" alone is a quarantine
            det = m.group("det")
            if det in self.articles:
                mult: float | None = 1.0
            elif _ascii_digits(det[0]):
                reading = _read_digits(det, self.conv, True)
                mult = reading[0] if isinstance(reading, tuple) else None
            else:
                mult = self._spelled(det)
            if not mult:
                continue
            value = mult * self.collective[noun]
            if m.groupdict().get("of"):
                value *= self.collective_of[m.group("of")]  # "une dizaine de milliers"
            yield self._rounded(m.start(), m.end(), value)

    def _rounded(self, start: int, end: int, value: float) -> _Figure:
        low, high = _clean(value * (1 - self.spread)), _clean(value * (1 + self.spread))
        return _Figure(start, end, end, value, low, high, "rounded")

    def _vague_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.vague_re is None:
            return
        for m in self.vague_re.finditer(t.low, rs, re_):
            if (bounds := self.vague.get(_phrase_key(m.group()))) is not None:
                yield _Figure(m.start(), m.end(), m.end(), None, bounds[0], bounds[1], "vague")

    def _share_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.share_re is None:
            return
        for m in self.share_re.finditer(t.low, rs, re_):
            spec = self.shares[m.group("noun") or m.group("bare")]
            after = _norms(_tokens_after(t.raw, m.end(), len(t.raw), 4))
            of = self.share_of.starting(after)
            if of is not None and len(after) > of[1] and after[of[1]] in self.share_not_of:
                continue  # "un quart d'heure"
            needs_qualifier = False
            if m.group("bare") is not None:
                prev = t.before(m.start())[1]
                if prev and prev[-1] in self.share_not_after:
                    continue  # "the first half of 2024"
                mult = 1.0
                if not (of or (after and after[0] in self.share_bare_before)):
                    needs_qualifier = True  # "more than half were killed"
            else:
                mult = self.share_dets.get(_phrase_key(m.group("det")), 0.0)
                if not spec.alone and of is None:
                    continue  # "un tiers" (a third party), "a third time"
            value = _clean(mult * spec.percent) or 0.0
            if 0 < value <= 100:
                yield _Figure(
                    m.start(), m.end(), m.end(), value, None, None, "share", "percent", value,
                    needs_qualifier=needs_qualifier,
                )

    def _ratio_figures(self, t: _Text, rs: int, re_: int) -> Iterator[_Figure]:
        if self.ratio_re is None:
            return
        for m in self.ratio_re.finditer(t.low, rs, re_):
            a, b = self._small(m.group("a")), self._small(m.group("b"))
            if a is None or b is None or not (1 <= a <= 10 and a < b and 2 <= b <= 1000):
                continue  # "6 000 sur 11 000" are two counts, "12 in six boxes" too
            after = _tokens_after(t.raw, m.end(), len(t.raw), 1)
            if after and _norm(after[0].group()) in self.time_nouns:
                continue  # "3 sur 10 jours"
            if m.group("mid"):
                if _phrase_key(m.group("sep")) not in self.ratio_with_noun:
                    continue
                if any(w in self.words for w in re.findall(r"\w+", m.group("mid"))):
                    continue
                if after and after[0].group()[0].isalpha() and _norm(after[0].group()) not in self.not_counted:
                    continue  # "une attaque sur deux fronts"
            value = _clean(100.0 * a / b) or 0.0
            yield _Figure(m.start(), m.end(), m.end(), value, None, None, "ratio", "percent", value)

    def _small(self, s: str) -> float | None:
        if _ascii_digits(s[0]):
            return float(s)
        return 1.0 if s in self.articles else self._spelled(s)
