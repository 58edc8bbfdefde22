"""What is not a quantity: years, dates, clock times, ages, ordinals, references, prices,
addresses and phone numbers that only look like figures.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence

from consistency.extract.number_digits import _read_digits
from consistency.extract.number_figures import _addresses, _Figure, _Text
from consistency.extract.number_tables import _Tables  # the tables each step reads
from consistency.extract.number_text import (
    _APPOSITION,
    _CLOCK_DIGITS,
    _DIGIT_RUN,
    _DIGITS,
    _GLUED_UNIT_BEFORE,
    _HYPHENS,
    _LIST_MARK,
    _ORDINAL_DOT,
    _ascii_digits,
    _footnote,
    _leading_int,
    _norm,
    _Tok,
    _tokens_after,
    _Words,
)


class _Spans:
    """Spans that may overlap, sorted by start with the furthest end reached so far: whether a
    position lies in one is a bisection, not a scan of them all (16 KB of "1/2 3" lines hold
    one per figure, and scanning them for each figure grew with the square of the text)."""

    __slots__ = ("starts", "reach")

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach: list[int] = []
        far = -1
        for _, b in ordered:
            far = b if b > far else far
            self.reach.append(far)

    def holds(self, pos: int) -> bool:
        """Whether some span has start <= pos < end."""
        i = bisect.bisect_right(self.starts, pos)
        return i > 0 and self.reach[i - 1] > pos


class _NotQuantity(_Tables):
    """Judging candidates by their surroundings (a part of the number grammar)."""

    def is_quantity(
        self, t: _Text, f: _Figure, blocked: _Spans, money: bool = False
    ) -> bool:
        """Whether a candidate is a quantity; `money`: sums of money are (their currency is read later)."""
        text, kind = t.raw, f.kind
        if kind == "void":
            return False
        if blocked.holds(f.start):
            return False
        if kind == "share" or kind == "ratio":
            return True
        if not money and self.currency_after_re.match(text, f.end):
            return False  # "5 €", "3 millions de dollars"
        if kind == "vague":
            return True
        if kind == "digits" and not self._digits_stand_alone(t, f):
            return False
        if kind == "rounded":
            return True
        if self.furniture_re is not None and self.furniture_re.match(text, f.end):
            return False  # "12 partages"
        if f.bare and self.street_after_re is not None and self.street_after_re.match(text, f.end):
            return False  # "au 63 rue d'Aubagne", "les 12 et 14 rue de Paris", "10 Downing Street"
        before = t.before(f.start)
        toks, norms = before
        if f.bare and norms and self.street_before and norms[-1].endswith(self.street_before):
            return False  # "Hauptstraße 12"
        if norms and norms[-1] in self.reference_ends and (
            self.references.ending(norms) or (not money and self.currency_before.ending(norms))
        ):
            return False  # "article 4", "n° 12", "$3"
        if len(norms) > 2 and norms[-1] in _HYPHENS and _ascii_digits(norms[-2]):
            if self.references.ending(norms[:-2]):
                return False  # the "123" of "loi n° 2024-123"
        if f.bare and self.words and self._after_name(t, f, toks):
            return False  # "Boeing 737", "selon France 24"
        if len(norms) >= 2 and norms[-1] in self.decimal_words and norms[-2] in self.words:
            return False  # the "cinco" of "dos coma cinco": a spelled decimal part, not a figure
        if f.kind == "words" and self.decimal_after_re is not None and (m := self.decimal_after_re.match(text, f.end)):
            following = text[m.end() : m.end() + 40].split(None, 1)
            word = following[0].strip(".,;:").lower() if following else ""
            if word[:1].isdigit() or word in self.words:
                return False  # the "dos" of "dos coma cinco": 2 is not 2.5
        if f.unit == "percent":
            return True
        value = f.value if f.value is not None else -1.0
        plain = f.bare or (f.kind == "words" and value == int(value))
        if plain and 0 <= value <= 130 and self._is_time_or_age(t, f, before, value):
            return False
        if plain and toks:
            at = -2 if len(norms) > 1 and norms[-1] == "." else -1
            raw, norm = toks[at].group(), norms[at]
            month = norm in self.months_ci or raw in self.months_cs
            weekday = norm in self.weekdays_ci or raw in self.weekdays_cs
            if (month or weekday) and (value <= 31 or (month and 1000 <= value <= 2100 and f.end - f.start == 4)) \
                    and not (weekday and not month and self._word_follows(t, f)):
                return False  # "juin 2024", "June 17", "Sept. 11", "vendredi 14"; not "am Dienstag 120 Vermisste"
            if norm in self.decade_before and (value < 100 or 1000 <= value <= 2100):
                return False  # "les années 90"
        if f.bare and 1000 <= value <= 2100 and f.end - f.start == 4:
            return self._count_not_year(t, f, before)
        return True

    def only_as_money(self, t: _Text, f: _Figure) -> bool:
        """Whether a quantity of `is_quantity(..., money=True)` is one only as a sum of money
        (a currency right after it, or right before its digits or words). The two readings
        differ by these two checks alone, so each candidate is judged once for both."""
        if f.kind == "share" or f.kind == "ratio":
            return False
        if self.currency_after_re.match(t.raw, f.end):
            return True
        if f.kind != "digits" and f.kind != "words":
            return False
        norms = t.before(f.start)[1]
        return bool(norms) and norms[-1] in self.reference_ends and self.currency_before.ending(norms) is not None

    def _digits_stand_alone(self, t: _Text, f: _Figure) -> bool:
        """Digits glued to letters, slashes or colons are identifiers, dates or times."""
        text, s, e = t.raw, f.start, f.core_end
        before = (text[s - 2 : s] if s > 1 else text[:s]).rjust(2)  # blanks before the start of the text
        c2, c1 = before[0], before[1]
        if c1 in _HYPHENS and c2.isalpha() and not _GLUED_UNIT_BEFORE.search(text, max(0, s - 8), s - 1):
            return False  # "F-16", "Covid-19", "mi-2024" (but "5k-20k" is a range)
        if c1 in "°#№" or (c1 in "/:" and _ascii_digits(c2)):
            return False
        following = text[e : e + 2].ljust(2)  # blanks after the end of the text
        after, after2 = following[0], following[1]
        if after.isalpha() and f.tail_start != e:
            return False  # "29km", "1er", "3rd", "5G", "1990s", "11h15"
        if f.end > e and text[f.end : f.end + 1].isalpha():
            return False  # "10kg": a unit, not the "k" of thousands
        if after == "°" or (after in "/:" and _ascii_digits(after2)):
            return False  # "25°C", "24/7", "11:15"
        if after in _HYPHENS and after2.isalpha():
            return False  # "25-year-old", "5-star"
        if c1 == "[" and after == "]":
            return False  # a footnote
        if f.bare and text[s] == "0" and e - s > 1:
            return False  # "05", "007": a count is never written with a leading zero
        if f.bare and after in ".)":
            line_start = text.rfind("\n", 0, s) + 1
            if not text[line_start:s].strip(" \t-•*") and _LIST_MARK.match(text, e):
                return False  # "1. ", "2) " numbering a list
            if not self.words and (f.value or 0) <= 31 and _ORDINAL_DOT.match(text, e):
                return False  # "am 17. Juni": a date in a language we have no months for
            if self.ordinal_dot and after == "." and self._ordinal(t, f):
                return False  # "am 17. Juli", "zum 3. Mal"
        if self.day_month_re is not None and f.bare and f.value is not None and 1 <= f.value <= 31:
            if self.day_month_re.match(text, e):
                return False  # "17 juin", "17-18 June"
        return True

    def _ordinal(self, t: _Text, f: _Figure) -> bool:
        """After "N.": a month ("17. Juli", "17. bis 19. Juli") or a noun counted in order ("3. Mal")."""
        e = f.core_end
        if (rng := self.ordinal_range_re.match(t.raw, e, t.hi)) is not None:
            e = rng.end() - 2  # on the dot of the second day
            while t.raw[e] != ".":
                e -= 1
        if not _ORDINAL_DOT.match(t.raw, e):
            return False
        nxt = _tokens_after(t.raw, e + 1, t.hi, 1)
        word = nxt[0].group() if nxt else ""
        if word in self.months_cs or _norm(word) in self.months_ci:
            return (f.value or 0) <= 31
        return _norm(word) in self.ordinal_nouns

    def _word_follows(self, t: _Text, f: _Figure) -> bool:
        """"On Friday 25 people were hurt", "am Freitag 25 Menschen": after a weekday, a figure
        followed by a word other than a month counts that word; "vendredi 14 juillet",
        "Friday 14," and "Freitag, 14." are days."""
        if f.end >= t.hi or not t.raw[f.end].isspace():
            return False
        nxt = _tokens_after(t.raw, f.end, t.hi, 1)
        word = nxt[0].group() if nxt else ""
        return word[:1].isalpha() and word not in self.months_cs and _norm(word) not in self.months_ci

    def _after_name(self, t: _Text, f: _Figure, before: Sequence[_Tok]) -> bool:
        """A bare number right after a capitalised word inside a sentence names something."""
        if not before or not before[-1].group()[:1].isupper() or before[-1].end() != f.start - 1:
            return False
        if len(before) < 2 or before[-2].group() in ".!?«»\"“”(":
            return False  # "Les 27 pays": the capital only starts the sentence
        if "\n" in t.raw[before[-2].end() : before[-1].start()]:
            return False  # the capital starts a line (a heading, a list item)
        nxt = t.raw[f.core_end : f.core_end + 2]
        if self.nouns_capitalised:  # "am Abend 300 Tote": every noun has a capital
            return not nxt[:1].isalpha() and not (nxt[:1] == " " and nxt[1:2].isalpha())
        return not nxt[:1].isalpha() and not (nxt[:1] == " " and nxt[1:2].islower())

    def _is_time_or_age(self, t: _Text, f: _Figure, before: _Words, value: float) -> bool:
        text, e = t.raw, f.core_end
        norms = before[1]
        if f.bare and value <= 24:
            if _CLOCK_DIGITS.match(text, e):
                return True  # "11 h 30"
            if self.clock_suffix_re is not None and self.clock_suffix_re.match(text, e):
                return True  # "3 p.m."
            clock_word = self.clock_words_re is not None and self.clock_words_re.match(text, e)
            if clock_word and self.clock_before.ending(norms):
                return True  # "à 11 heures"
        if self.age_before.ending(norms):
            return True  # "âgé de 25 ans", "aged 25"
        if self.age_years_re is not None and self.age_years_re.match(text, e):
            return True  # "25 years old"
        if self.age_unit_re is not None and (ans := self.age_unit_re.match(text, e)):
            if len(norms) >= 2 and norms[-1] in self.age_links and (
                norms[-2] in self.age_nouns or (len(norms) >= 3 and norms[-3] in self.articles)
            ):
                return True  # "un soldat de 19 ans", "un sauveteur de 34 ans": never a count
            prev_char = text[: f.start].rstrip()[-1:]
            next_char = text[ans.end() :].lstrip()[:1]
            if prev_char and next_char and prev_char in ",(" and next_char in ",)":
                return True  # "Jean Dupont, 45 ans, a …"
        if self.age_after_name and f.bare and value <= 120 and text[e : e + 1] in (",", ";"):
            if _APPOSITION.search(text, max(0, f.start - 40), f.start):
                return True  # "John Smith, 45, said"; a list of names: "Ann Roe, 8; Tom Lee, 9"
        return False

    def _count_not_year(self, t: _Text, f: _Figure, before: _Words) -> bool:
        """A bare 1000–2100 is a year unless a counted word follows and no time word precedes.

        English also puts years before nouns ("the 2024 election"), so there a bare number from
        1900 on is a count only after a qualifier ("more than 2000 troops").
        """
        toks, norms = before
        if self.before_year.ending(norms):
            return False
        q = self.before.ending(norms)
        qual = q[0].name if q and q[0] is not None else None
        if qual in ("more_than", "at_least", "less_than", "exact"):
            return True  # "plus de 1500", "above 1000": years are not compared that way
        nxt = [k for k in _tokens_after(t.raw, f.end, len(t.raw), 4) if not _footnote(k.group())][:3]
        joined = self.range_joins
        if len(nxt) >= 2 and _norm(nxt[0].group()) in joined and (other := _leading_int(nxt[1].group())) is not None:
            if not 1000 <= other <= 2100:
                return True  # "de 1000 à 5000": 5000 is no year, so neither is 1000
            nxt = nxt[2:]  # "de 1500 à 2000 soldats": the word after the range decides
        partner_count = False  # the first figure of the range is a count even where years come before nouns
        if len(toks) >= 2 and norms[-1] in joined and (other := _leading_int(toks[-2].group())) is not None:
            if not 1000 <= other <= 2100:
                return True  # "de 500 à 1500"
            partner_count = other < 1900
        if not nxt or not self._counted_word(nxt[0]):
            return False
        if self.years_before_nouns and (f.value or 0) >= 1900:
            return qual is not None or partner_count  # "about 2000 troops", "between 1500 and 2000 troops", but "the 2024 election"
        return True

    def _counted_word(self, tok: _Tok) -> bool:
        """Could be what a figure counts: a lower-case word, not a function or time word."""
        first = tok.group()[0]
        if not (first.isalpha() and (first.islower() or self.nouns_capitalised)):
            return False
        norm = _norm(tok.group())
        return norm not in self.not_counted and norm not in self.months_ci

    def blocked(self, t: _Text) -> _Spans:
        """Spans that hold digits but no quantity: web addresses, phone numbers, dates, IP addresses.

        One scan of the whole text finds the same runs as a scan of each window would: a run is
        all digits but for single marks, so it lies well inside the window of its digits.
        """
        spans = [] if t.raw.find("@", t.lo, t.hi) < 0 and t.raw.find("://", t.lo, t.hi) < 0 else _addresses(t)
        for m in _DIGIT_RUN.finditer(t.raw, t.lo, t.hi):
            run = m.group()
            if "-" not in run and "/" not in run and "+" not in run and _DIGITS.fullmatch(run):
                if isinstance(_read_digits(run, self.conv, False), tuple):
                    continue  # "1 234 567" is one number
            spans.append(m.span())
        return _Spans(spans)
