"""Tables built once per language: the words, scales, qualifiers and context of the packs,
compiled into the patterns the other steps use (`_Tables`, a part of the number grammar).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from consistency.errors import InputError
from consistency.extract.number_digits import _Spelling
from consistency.extract.number_figures import (
    _RATIO,
    _ROUNDED,
    _SHARE,
    _VAGUE,
    _WORDS,
    NumberMatch,
    _first_chars,
    _Qual,
    _Share,
    _words_after,
)
from consistency.extract.number_text import (
    _DASH_CLASS,
    _GAP,
    _HYPHEN_CLASS,
    _WS,
    _alternation,
    _norm,
    _phrase_key,
    _phrase_pattern,
    _Phrases,
    _scanner,
    _tokens,
    _trie,
    _word_alternation,
)
from consistency.extract.precision import stated_precision
from consistency.model import QUALIFIERS
from consistency.regex_cache import compile as rx_compile

if TYPE_CHECKING:
    from consistency.extract.numbers import NumberLexicon

QUALIFIERS_FILE = "qualifiers.yaml"  # named in errors; numbers.py loads it


class _Tables:
    """The tables and patterns of one set of languages and a decimal mark, built once."""

    def __init__(self, lex: NumberLexicon, langs: tuple[str, ...], conv: str, *, every_qualifier: bool = False) -> None:
        self.langs = langs
        self.every_qualifier = every_qualifier  # the language is unknown: qualifiers of them all
        self.conv = conv
        self._per = [lex.words.get(lang, {}) for lang in langs]
        self._Q = lex.qualifiers
        self._NQ = lex.words.get("not_quantities", {})
        self.spread = float(self._Q.get("rounded_spread", 0.2))
        self.precision = stated_precision(self._Q)  # how wide "about" is, from how the figure is written
        self._build_spelled(lex.words)
        self._build_units(lex.words)
        self._build_phrases()
        self._build_qualifiers()
        self._build_context()
        self._build_money(lex.units)
        self._spelled_cache: dict[str, float | None] = {}
        self.routes: dict[str, int] = {}
        for words, route in (
            (self.words, _WORDS | _RATIO),
            (self.collective, _ROUNDED),
            (self._fixed_words, _ROUNDED),
            (self._vague_words, _VAGUE),
            (self.shares, _SHARE),
        ):
            for w in words:
                if w not in self.articles and w not in self.not_counted:
                    self.routes[w] = self.routes.get(w, 0) | route
        # Digits a few marks apart ("14/11/2025", "11 000") are one trigger: their windows would
        # be merged anyway, and a date or a grouped figure then costs one step instead of three.
        first = "".join(sorted({re.escape(w[0]) for w in self.routes}))
        digits = rf"[0-9]+(?:[^\w{first}]{{1,3}}[0-9]+)*"
        spelled = rf"\b{_trie(self.routes)}\b"
        if self.compound:  # "einhundert", "einundzwanzig", "dreitausend": the word may go on
            glue = "|".join(re.escape(j) for j in sorted(self.joiners)) or "(?!)"
            spelled = rf"\b(?:{_trie(self.articles)}(?:{glue})?)?{_trie(self.routes)}"
        self.trigger_re = rx_compile(rf"(?=[0-9{first}])(?:{digits}|{spelled})" if self.routes else digits)

    def _each(self, section: Mapping[str, Any], key: str) -> list[Any]:
        """Entries of section[key] for our languages (and "any")."""
        sub = section.get(key, {}) or {}
        return [x for lang in ("any", *self.langs) for x in (sub.get(lang) or [])]

    def _merged(self, key: str) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for lw in self._per:
            out.update(lw.get(key) or {})
        return out

    def _listed(self, key: str) -> list[Any]:
        return [x for lw in self._per for x in (lw.get(key) or [])]

    def _build_spelled(self, W: Mapping[str, Any]) -> None:
        self.words = {w.lower() for w in self._listed("words")}
        self.compound = any(lw.get("compound") for lw in self._per)
        self.joiners = {w.lower() for w in self._listed("joiners")}
        self.not_alone = {w.lower() for w in self._listed("not_alone")}
        self.hundreds = {w.lower() for w in self._listed("hundreds")}
        self.homographs = {k.lower(): {_norm(x) for x in v} for k, v in self._merged("homographs").items()}
        self.scales: dict[str, float | None] = {}  # None: the languages disagree ("billion")
        for lw in self._per:
            for word, value in (lw.get("scales") or {}).items():
                old = self.scales.get(word.lower(), float(value))
                self.scales[word.lower()] = float(value) if old == float(value) else None
        for word in list(self.scales):  # "billions" is as ambiguous as "billion"
            singular = word.rstrip("s")
            if singular != word and singular in self.scales and self.scales[singular] != self.scales[word]:
                self.scales[word] = self.scales[singular] = None
        self.big = {w: v for w, v in self.scales.items() if v is not None and v >= 1e5}
        self.articles = {w.lower() for w in self._listed("articles")}
        self.spellings = [
            _Spelling(
                lang,
                self.big,
                frozenset(j.lower() for j in lw.get("joiners", [])),
                frozenset(a.lower() for a in lw.get("articles", [])),
                {k.lower(): v.lower() for k, v in (lw.get("aliases") or {}).items()},
                bool(lw.get("compound")),
            )
            for lang, lw in zip(self.langs, self._per)
        ]
        self.unknown_scales = tuple(s.lower() for s in W.get("unknown_language_scales", []))
        if not self.words:
            self.words_re: re.Pattern[str] | None = None
            self.word_token_re = rx_compile("(?!)")
            return
        unit = rf"(?:{_word_alternation(self.words)})(?![\w])"
        if self.compound:  # "einhunderteinunddreißig": number words glued, "und" glued between them
            word = _word_alternation(self.words)
            glue = "|".join(re.escape(j) for j in sorted(self.joiners)) or "(?!)"
            unit = rf"(?:{word})(?:(?:{glue})?(?:{word}))*(?![\w])"
        if extra := self.articles - self.words:  # "a hundred", "an estimated…" is no figure
            scale_words = _word_alternation([*self.scales, *self.hundreds])
            unit = rf"(?:(?:{_word_alternation(extra)})(?={_WS}+(?:{scale_words})(?![\w]))|{unit})"
        joiner = "|".join(re.escape(j) for j in sorted(self.joiners)) or "(?!)"
        join = rf"(?:{_WS}*[{_HYPHEN_CLASS}]{_WS}*|{_WS}+(?:(?:{joiner}){_WS}+)?)"
        self.words_re = _scanner(
            rf"(?<![\w{_HYPHEN_CLASS}])(?:{unit})(?:{join}(?:{unit}))*", _first_chars(self.words | extra)
        )
        self.word_token_re = rx_compile(unit)

    def _build_units(self, W: Mapping[str, Any]) -> None:
        abbr = W.get("abbreviations", {})
        self.glued = {k: float(v) for k, v in (abbr.get("glued") or {}).items()}
        spaced = [a for a in abbr.get("spaced", []) if a in self.glued]
        scale_alt = _alternation(self.scales)
        self.scale_words_re = rx_compile(rf"{_WS}*(?:{scale_alt})(?![\w])") if scale_alt else None
        glued_alt = "|".join(re.escape(a) for a in sorted(self.glued, key=len, reverse=True)) or "(?!)"
        spaced_alt = "|".join(re.escape(a) for a in sorted(spaced, key=len, reverse=True)) or "(?!)"
        self.abbr_re = rx_compile(rf"(?:(?P<g>{glued_alt})(?![\w])|{_WS}+(?P<s>{spaced_alt})(?![\w.]))")
        half = self._listed("half")
        self.half_re = rx_compile(rf"{_WS}+(?:{_alternation(half)})(?![\w])") if half else None
        words_pc = [p for p in self._listed("percent") if p != "%"]
        pc_alt = rf"{_WS}?%"
        if words_pc:
            pc_alt += rf"|{_WS}+(?:{_alternation(words_pc)})(?![\w])"
        points = _alternation(self._listed("percent_points")) or "(?!)"
        self.percent_re = rx_compile(rf"(?:{pc_alt})(?!{_WS}+(?:{points})(?![\w]))")
        # What a scale, an abbreviation or a percent sign can start with: when the next
        # character is none of them, the three patterns above need not be tried.
        starts = _first_chars([*self.scales, *self.glued, *(a.lower() for a in self.glued), *words_pc, "%"])
        self.unit_hint_re = rx_compile(rf"{_WS}*[{starts}]") if starts is not None else None

    def _build_phrases(self) -> None:
        number = rf"[0-9]+(?:[.,][0-9]+)?|{_word_alternation(self.words | self.articles)}"
        number_firsts = _first_chars([*"0123456789", *self.words, *self.articles])
        self.collective = {k.lower(): float(v) for k, v in self._merged("collective").items()}
        self.collective_needs_of = {w.lower() for w in self._listed("collective_needs_of")}
        self.collective_of = {k.lower(): float(v) for k, v in self._merged("collective_of").items()}
        self.collective_re = None
        if self.collective:
            of_scale = _word_alternation(self.collective_of)
            of_word = _alternation(w for w in self._listed("share_of") if not w.endswith("'")) or "(?!)"
            self.collective_re = _scanner(
                rf"(?<![\w-])(?P<det>{number})(?![\w]){_GAP}(?P<noun>{_word_alternation(self.collective)})(?![\w-])"
                + (rf"(?:{_WS}+(?:{of_word}){_WS}+(?P<of>{of_scale})(?![\w]))?" if of_scale else ""),
                number_firsts,
            )
        of_words = self._listed("share_of")
        of_alt = "|".join(
            rf"{_WS}*{re.escape(w[:-1])}['’]" if w.endswith("'") else rf"{_WS}+{re.escape(w)}(?![\w])"
            for w in of_words
        )
        self.of_re = rx_compile(f"(?:{of_alt})" if of_alt else "(?!)", re.IGNORECASE)
        fixed = self._merged("fixed")
        self.fixed = {_phrase_key(k): float(v) for k, v in fixed.items()}
        self.fixed_re = (
            _scanner(rf"(?<![\w-])(?:{_alternation(fixed)})(?![\w-])", _first_chars(p.lower() for p in fixed))
            if fixed
            else None
        )

        self.shares: dict[str, _Share] = {}
        for noun, spec in self._merged("shares").items():
            spec = spec if isinstance(spec, dict) else {"percent": spec}
            top, _, bottom = str(spec["percent"]).partition("/")  # "100/3" for a third
            percent = float(top) / float(bottom or 1)
            self.shares[noun.lower()] = _Share(percent, bool(spec.get("alone")), bool(spec.get("bare")))
        dets = self._merged("share_determiners")
        self.share_dets = {_phrase_key(k): float(v) for k, v in dets.items()}
        self.share_of = _Phrases((p, True) for p in self._listed("share_of"))
        self.share_not_of = {_norm(w) for w in self._listed("share_not_of")}
        self.share_bare_before = {_norm(w) for w in self._listed("share_bare_before")}
        self.share_not_after = {_norm(w) for w in self._listed("share_not_after")}
        self.share_re = None
        if self.shares:
            bare_nouns = [n for n, s in self.shares.items() if s.bare]
            self.share_re = _scanner(
                rf"(?<![\w-])(?:(?P<det>{_alternation(dets)})(?:{_GAP}|[{_HYPHEN_CLASS}])"
                rf"(?P<noun>{_alternation(self.shares)})|(?P<bare>{_alternation(bare_nouns) or '(?!)'}))(?![\w-])",
                _first_chars([*(d.lower() for d in dets), *bare_nouns]),
            )

        ratio = self._listed("ratio")
        each = _alternation(self._listed("ratio_each")) or "(?!)"
        self.ratio_seps = tuple(f" {w.lower()} " for w in ratio)
        self.ratio_sep_re = rx_compile("|".join(map(re.escape, self.ratio_seps))) if self.ratio_seps else None
        self.ratio_with_noun = {
            _phrase_key(p) for lw in self._per if lw.get("ratio_with_noun") for p in lw.get("ratio", [])
        }
        self.ratio_re = self.ratio_tail_re = None
        if ratio and self.words:
            num = rf"(?:[0-9]{{1,4}}|{_word_alternation(self.words)})"
            word = r"[^\W\d_][\w'’-]*"
            tail = rf"(?P<sep>{_alternation(ratio)})(?:{_WS}+(?:{each}))?{_GAP}(?P<b>{num})(?![\w-])"
            self.ratio_re = _scanner(
                rf"(?<![\w-])(?P<a>{num})(?:{_GAP}(?P<mid>(?:{word}{_GAP}){{0,2}}?{word}))??{_GAP}{tail}",
                _first_chars([*"0123456789", *self.words]),
            )
            # Every ratio ends with this ("sur trois"): a window without it has none, and this is
            # much cheaper to look for than the whole pattern.
            self.ratio_tail_re = rx_compile(tail)

        vague = {p: v for lang in self.langs for p, v in (self._Q.get("vague", {}).get(lang) or {}).items()}
        self.vague = {_phrase_key(p): (float(v[0]), float(v[1])) for p, v in vague.items()}
        self.vague_re = (
            _scanner(rf"(?<![\w-])(?:{_alternation(vague)})(?![\w-])", _first_chars(p.lower() for p in vague))
            if vague
            else None
        )
        # A vague or fixed phrase always ends with its magnitude word ("des milliers", "half a
        # million"): that word alone is enough to find the phrase.
        self._vague_words = {_tokens(p)[-1] for p in vague}
        self._fixed_words = {_tokens(p)[-1] for p in fixed}

    def _build_qualifiers(self) -> None:
        defaults = {k: tuple(v) for k, v in self._Q.get("defaults", {}).items()}

        def qual(spec: Any) -> _Qual:
            spec = spec if isinstance(spec, dict) else {"qualifier": spec}
            name = spec["qualifier"]
            if name not in QUALIFIERS:
                raise InputError(f"{QUALIFIERS_FILE}: unknown qualifier {name!r}; use one of {', '.join(QUALIFIERS)}")
            low, high = defaults.get(name, (1.0, 1.0))
            low, high = spec.get("low", low), spec.get("high", high)
            return _Qual(name, None if low is None else float(low), None if high is None else float(high))

        def table(key: str) -> list[tuple[str, _Qual]]:
            by_lang = self._Q.get(key, {})
            langs = tuple(by_lang) if self.every_qualifier else ("any", *self.langs)
            return [(p, qual(s)) for lang in langs for p, s in (by_lang.get(lang) or {}).items()]

        not_before = self._Q.get("not_before", {}) or {}
        blocked = [p for lang in not_before for p in (not_before.get(lang) or [])] if self.every_qualifier \
            else self._each(self._Q, "not_before")
        self.before = _Phrases([*table("before"), *((p, None) for p in blocked)])
        self.after = _Phrases(table("after"))
        self.after_blocked_by = {_norm(w) for w in self._each(self._Q, "after_blocked_by")}
        self.difference = _Phrases((p, True) for p in self._each(self._Q, "differences"))
        ranges = [self._Q.get("ranges", {}).get(lang) or {} for lang in ("any", *self.langs)]
        self.range_intro = _Phrases(
            (p, frozenset(_phrase_key(c) or c for c in conns)) for r in ranges for p, conns in r.items() if p != "bare"
        )
        self.range_bare = frozenset(_phrase_key(c) or c for r in ranges for c in r.get("bare", []))
        # Every word that joins the two figures of a range ("et", "and", "und", "y", "à", "bis").
        self.range_joins = self.range_bare | frozenset(
            _phrase_key(c) or c for r in ranges for k, conns in r.items() if k != "bare" for c in conns
        )
        self.changes = {_norm(w) for w in self._each(self._Q, "changes")}
        self.change_steps = {_norm(w) for w in self._each(self._Q, "change_steps")}

    def _build_context(self) -> None:
        nq = self._NQ
        cased = set(nq.get("cased", []))  # their months need the capital: "20 may have died"

        def calendar(key: str, with_case: bool) -> list[str]:
            return [w for lang in self.langs if (lang in cased) == with_case for w in nq.get(key, {}).get(lang, [])]

        self.months_ci = {_norm(m) for m in calendar("months", False)}
        self.months_cs = set(calendar("months", True))
        self.weekdays_ci = {_norm(d) for d in calendar("weekdays", False)}
        self.weekdays_cs = set(calendar("weekdays", True))
        months = ([rf"(?i:{_alternation(self.months_ci)})"] if self.months_ci else []) + (
            ["|".join(re.escape(m) for m in sorted(self.months_cs, key=lambda m: (-len(m), m)))] if self.months_cs else []
        )
        day_range = _alternation(self._each(nq, "day_range")) or "(?!)"
        day_of = _alternation(self._each(nq, "day_month_of"))
        of = rf"(?:{_WS}+(?:{day_of}))?" if day_of else ""  # "17 de julio"
        self.day_month_re = (
            rx_compile(
                rf"(?:{_WS}*(?:[{_DASH_CLASS}]|(?i:{day_range})){_WS}*[0-9]{{1,2}}(?:er|st|nd|rd|th)?)?"
                rf"{of}{_WS}+(?:{'|'.join(months)})(?![\w])"
            )
            if months
            else None
        )
        # "17. Juli", "17. bis 19. Juli", "zum 3. Mal": a figure and a dot, then a month or one of these.
        self.ordinal_dot = any(lw.get("ordinal_dot") for lw in self._per)
        self.ordinal_nouns = {_norm(w) for w in self._each(nq, "ordinal_nouns")}
        self.ordinal_range_re = rx_compile(
            rf"\.{_WS}*(?:[{_DASH_CLASS}]|(?i:{day_range})){_WS}*[0-9]{{1,2}}\.{_WS}"
        )
        self.before_year = _Phrases((p, True) for p in self._each(nq, "before_year"))
        self.not_counted = {_norm(w) for w in self._each(nq, "not_counted")}
        self.references = _Phrases((p, True) for p in self._each(nq, "references"))
        self.currency_before = _Phrases((p, True) for p in nq.get("currency_before", []))
        self.reference_ends = self.references.ends | self.currency_before.ends
        cur_any = nq.get("currency_after", {}).get("any", [])
        cur_words = [w for lang in self.langs for w in nq.get("currency_after", {}).get(lang, [])]
        self.currency_words = {w.lower() for w in cur_words}
        symbols = "".join(re.escape(c) for c in cur_any if len(c) == 1)
        codes = "|".join(re.escape(c) for c in cur_any if len(c) > 1)
        cur = [rf"{_WS}*[{symbols}]"] if symbols else []
        if codes:
            cur.append(rf"{_WS}+(?:{codes})(?![\w])")
        if cur_words:
            of = "|".join(_phrase_pattern(w) for w in self._listed("share_of")) or "(?!)"
            cur.append(rf"{_WS}+(?:(?:{of}){_WS}*)?(?:{_alternation(cur_words)})(?![\w])")
        self.currency_after_re = rx_compile("|".join(cur) or "(?!)", re.IGNORECASE)
        self.furniture_re = _words_after(self._each(nq, "page_furniture"))
        self.street_after_re = self._street_after(nq)
        self.street_before = tuple(_norm(w) for w in self._each(nq, "street_before"))
        self.age_before = _Phrases((p, True) for p in self._each(nq, "age_before"))
        age_years = self._each(nq, "age_years")
        self.age_years_re = (
            rx_compile(rf"(?:{_WS}+|[{_HYPHEN_CLASS}])(?:{_alternation(age_years)})(?![\w])", re.IGNORECASE)
            if age_years
            else None
        )
        self.age_nouns = {_norm(w) for w in self._each(nq, "age_nouns")}
        self.age_unit_re = _words_after(self._listed("age_unit"))
        self.age_links = {_norm(w) for w in self._listed("age_link")}
        self.decimal_words = {_norm(w) for w in self._listed("decimal_words")}
        self.decimal_after_re = _words_after(self._listed("decimal_words"))
        self.age_after_name = any(lw.get("age_after_name") for lw in self._per)
        self.years_before_nouns = any(lw.get("years_before_nouns") for lw in self._per)
        self.nouns_capitalised = any(lw.get("nouns_capitalised") for lw in self._per)
        self.clock_before = _Phrases((p, True) for p in self._each(nq, "clock_before"))
        self.clock_words_re = _words_after(self._each(nq, "clock_words"))
        self.clock_suffix_re = _words_after(self._each(nq, "clock_suffixes"), glued=True)
        self.time_nouns = {_norm(w) for w in self._each(nq, "time_nouns")}
        self.decade_before = {_norm(w) for w in self._each(nq, "decade_before")}

    def _street_after(self, nq: Mapping[str, Any]) -> re.Pattern[str] | None:
        """A house number: the figure, perhaps more numbers joined to it ("12 et 14", "63 et au
        65"), then a street noun ("rue", "de la calle") or capitalised words and a street noun
        ("Downing Street"). Such a figure counts nothing."""
        nouns, named = self._each(nq, "street_after"), self._each(nq, "street_after_name")
        if not nouns and not named:
            return None
        links = _alternation(self._each(nq, "street_links"))
        link = rf"(?:{_WS}+(?i:{links}))?" if links else ""
        joiners = _alternation(self._listed("joiners")) or "(?!)"
        more = rf"(?:{_WS}*(?:,|&|[{_DASH_CLASS}]|(?i:{joiners})(?![\w])){link}{_WS}*[0-9]{{1,4}}(?![\w]))*"
        tails = []
        if nouns:
            tails.append(rf"(?i:{_alternation(nouns)})(?![\w])")
        if named:
            tails.append(rf"(?:[A-Z][\w'’.-]*{_WS}+){{1,3}}(?i:{_alternation(named)})(?![\w])")
        return rx_compile(rf"{more}{_WS}+(?:{'|'.join(tails)})")

    def _build_money(self, data: Mapping[str, Any]) -> None:
        """Currencies of units.yaml by symbol and word, to their ISO code (its 3-capital symbol)."""
        by_symbol: dict[str, str] = {}
        by_prefix: dict[str, str] = {}
        by_word: dict[str, str] = {}
        for spec in (data.get("units") or {}).values():
            if not isinstance(spec, Mapping) or spec.get("dimension") != "currency":
                continue
            symbols = [str(x) for x in spec.get("symbols") or []]
            code = next((x for x in symbols if re.fullmatch("[A-Z]{3}", x)), None)
            if code is None:
                continue
            for x in symbols:
                by_symbol.setdefault(x, code)
            for x in spec.get("prefixes") or []:
                by_prefix.setdefault(str(x), code)
            for words in (spec.get("words") or {}).values():
                for w in words or []:
                    by_word.setdefault(str(w).casefold(), code)
        self.money_symbols, self.money_prefixes, self.money_words = by_symbol, by_prefix, by_word
        links = [str(w) for ws in (data.get("links") or {}).values() for w in ws or []]

        def alt(xs: Iterable[str]) -> str:
            return "|".join(re.escape(x) for x in sorted(xs, key=lambda x: (-len(x), x))) or "(?!)"

        link = "|".join(
            re.escape(w) + ("" if w[-1] in "'’" else f"{_WS}+") for w in sorted(links, key=len, reverse=True)
        )
        link = link.replace("'", "['’]") if link else "(?!)"
        self.currency_after_code_re = rx_compile(
            rf"{_WS}*(?P<s>{alt(by_symbol)})(?!\w)|{_WS}+(?:(?i:{link}))?(?P<w>(?i:{alt(by_word)}))(?![\w])"
        )
        self.currency_prefix_re = rx_compile(rf"(?<![\w$])(?P<p>{alt(by_prefix)}){_WS}*\Z")

    def currency_of(self, text: str, m: NumberMatch) -> str | None:
        """The ISO code of the currency written right after or right before a figure."""
        if (after := self.currency_after_code_re.match(text, m.number_end)) is not None:
            if after.group("s"):
                return self.money_symbols.get(after.group("s"))
            return self.money_words.get(after.group("w").casefold())
        if (before := self.currency_prefix_re.search(text, max(0, m.number_start - 6), m.number_start)) is not None:
            return self.money_prefixes.get(before.group("p"))
        return None
