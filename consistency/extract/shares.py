"""What a percentage is a share of: strike rates, containment, shares of customers or trains.

A percentage can only be compared with a percentage of the same whole. "51,15 % de grévistes
chez les professeurs des écoles" (a ministry) and "70 % de grévistes dans le primaire" (a
union) are two strike rates of one population; "42,32 % dans les collèges et lycées" is
another. This module reads, for one percentage, what it counts (`category`) and of which
whole (`population`), with every word taken from `data/populations.yaml`.

Precision first: nothing is returned unless what the share counts is established; the whole
is None when the text does not name one we know (the caller then does not compare it).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from consistency.errors import InputError
from consistency.extract.datafiles import merge, read_mapping
from consistency.extract.languages import languages
from consistency.extract.lexicon import Lexicon, Match, Terms
from consistency.extract.numbers import NumberMatch, find_numbers
from consistency.lazy_re import lazy_compile

DATA_FILE = Path(__file__).parent / "data" / "populations.yaml"
Polarity = Literal["positive", "negative"]

_WORD_SECTIONS = ("of", "locatives", "articles", "fillers", "pronouns", "respectively", "changes", "changes_after", "coordinators",
                  "other_rates")
_SECTIONS = ("populations", "measures", *_WORD_SECTIONS)
_POPULATION_FIELDS = ("within",)  # and the language codes of the packs
_MEASURE_FIELDS = ("population", "positive", "negative")
_POLARITIES: tuple[Polarity, ...] = ("positive", "negative")
# Punctuation that closes a clause: words beyond it say nothing about this share.
_CLAUSE_BREAK = lazy_compile(r"[;:()\[\]—–]|\s-\s")
_APOSTROPHES = "'’ʼ"
_SPACE = r"[\s\u00a0\u202f]"


@dataclass(frozen=True)
class Share:
    """What a percentage counts and of which whole."""

    category: str  # a key of categories.yaml ("strikers") or of populations.yaml's measures
    population: str | None  # a key of populations.yaml's populations; None: not stated
    end: int  # where the claim's span should end (the whole's words included)
    # "3 % des TER circulent" is positive, "80 % des TER annulés" negative: the caller may
    # compare one with the complement of the other. None when the words do not say.
    polarity: Polarity | None = None


class _Wholes:
    """The population words: a lexicon `Terms`, plus short capitals matched exactly.

    "TER", "TGV", "AVE" must not match "ter" or "ave"; they are matched here case included
    (lexicon.Terms lower-cases them).
    """

    def __init__(self, entries: Sequence[tuple[str, str]]) -> None:
        caps = {p: k for p, k in entries if _is_acronym(p)}
        self.terms = Terms(tuple((p, k) for p, k in entries if p not in caps))
        self.caps = caps
        alts = "|".join(re.escape(p) for p in sorted(caps, key=lambda p: (-len(p), p)))
        self.caps_rx = re.compile(rf"(?<![\w‐‑-])(?:{alts})(?![\w‐‑])") if caps else re.compile("(?!)")

    def at(self, text: str, pos: int, end: int | None = None) -> Match | None:
        m = self.caps_rx.match(text, pos, len(text) if end is None else end)
        found = self.terms.at(text, pos, end)
        if m and (found is None or m.end() > found.end):
            return Match(m.start(), m.end(), self.caps[m.group()], m.group())
        return found

    def finditer(self, text: str, start: int = 0, end: int | None = None) -> list[Match]:
        end = len(text) if end is None else end
        found = list(self.terms.finditer(text, start, end))
        found += [Match(m.start(), m.end(), self.caps[m.group()], m.group()) for m in self.caps_rx.finditer(text, start, end)]
        return sorted(found, key=lambda m: (m.start, -m.end))

    def search(self, text: str, start: int = 0, end: int | None = None) -> Match | None:
        return next(iter(self.finditer(text, start, end)), None)


def _is_acronym(phrase: str) -> bool:
    return phrase.isupper() and len(phrase) <= 5 and phrase.isalpha()


@dataclass(frozen=True)
class ShareWords:
    """populations.yaml, compiled for one language (or all of them)."""

    populations: _Wholes
    within: Mapping[str, str]  # population -> the wider one it is part of
    measures: Terms  # phrase -> "category" or "category:polarity"
    measure_population: Mapping[str, str]  # measure -> the whole named before it ("fire")
    of: re.Pattern[str]
    locatives: re.Pattern[str]
    articles: re.Pattern[str]
    fillers: re.Pattern[str]
    pronouns: re.Pattern[str]
    respectively: re.Pattern[str]
    other_rates: re.Pattern[str]  # "sondage", "ballot", "Arbeitslosenquote": a rate of something else
    changes: re.Pattern[str]  # anchored at the end of the text before a figure
    changes_after: re.Pattern[str]  # right after a figure ("10% pay rise", "10 % d'augmentation")
    coordinated: re.Pattern[str]  # all that stands between two coordinated shares (", et de ")


# --------------------------------------------------------------------------------------------
# Data


def _check(data: Mapping[str, Any], where: str, langs: Sequence[str]) -> None:
    """One populations.yaml, checked before merging: a mistyped key would silently drop words;
    `langs` are the languages that have a pack."""

    def fail(msg: str) -> None:
        raise InputError(f"{where}: {msg}; check the file (see the comments of the built-in populations.yaml)")

    def words(value: Any, what: str) -> None:
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            fail(f"{what} must be a list of words")

    def per_language(value: Any, what: str) -> None:
        if not isinstance(value, Mapping):
            fail(f"{what} must be a mapping of languages ({', '.join(langs)}) to words")
        for lang, ws in value.items():
            if lang not in langs:
                fail(f"{what}: unknown key {lang!r}; expected one of {', '.join(langs)}")
            words(ws, f"{what}.{lang}")

    for section, value in data.items():
        if section not in _SECTIONS:
            fail(f"unknown key {section!r} at the top; expected one of {', '.join(_SECTIONS)}")
        if section in _WORD_SECTIONS:
            per_language(value, section)
            continue
        if not isinstance(value, Mapping):
            fail(f"{section!r} must be a mapping of names to their words")
        allowed = (*(_POPULATION_FIELDS if section == "populations" else _MEASURE_FIELDS), *langs)
        for key, spec in value.items():
            what = f"{section}.{key}"
            if not isinstance(spec, Mapping):
                fail(f"{what} must be a mapping of languages to words")
            for name, v in spec.items():
                if name not in allowed:
                    fail(f"{what}: unknown key {name!r}; expected one of {', '.join(allowed)}")
                if name in langs:
                    words(v, f"{what}.{name}")
                elif name in _POLARITIES:
                    per_language(v, f"{what}.{name}")
                elif not (isinstance(v, str) and v.strip()):
                    fail(f"{what}: {name} must be the name of a population")


def _load(extra_dirs: Sequence[Path]) -> dict[str, Any]:
    """The built-in file merged with users' files of the same name, each checked first."""
    langs = languages(extra_dirs)
    data = read_mapping(DATA_FILE)
    _check(data, str(DATA_FILE), langs)
    for d in extra_dirs:
        candidate = Path(d) / DATA_FILE.name if Path(d).is_dir() else Path(d)
        if candidate.is_file() and candidate.name == DATA_FILE.name:
            extra = read_mapping(candidate)
            _check(extra, str(candidate), langs)
            data = merge(data, extra)
    known = set(data.get("populations") or {})
    for section, field in (("populations", "within"), ("measures", "population")):
        for key, spec in (data.get(section) or {}).items():
            ref = spec.get(field)
            if ref is not None and ref not in known:
                raise InputError(f"{DATA_FILE.name}: {section}.{key}: {field} {ref!r} is not a population of the file")
    return data


def _in(spec: Mapping[str, Any], langs: Iterable[str]) -> Iterable[str]:
    for lang in langs:
        yield from (str(w) for w in spec.get(lang) or [])


def _phrases(words: Iterable[str]) -> str:
    """One alternation of function words, longest first; spaces and apostrophes as classes."""
    alts = []
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        atoms = []
        for ch in w:
            if ch in _APOSTROPHES:
                atoms.append(f"[{_APOSTROPHES}]")
            elif ch.isspace():
                atoms.append(_SPACE + "+")
            else:
                atoms.append(re.escape(ch))
        alts.append("".join(atoms))
    return "(?:" + "|".join(alts) + ")" if alts else "(?!)"


def _leading(words: Iterable[str]) -> re.Pattern[str]:
    """Function words at a position, with the space after them ("des ", "de l'")."""
    return re.compile(rf"(?<!\w)(?:{_phrases(words)})(?:(?<=[{_APOSTROPHES}])|{_SPACE}+)", re.IGNORECASE)


def _trailing(words: Iterable[str]) -> re.Pattern[str]:
    """Function words that end a text, before a figure ("en hausse de ")."""
    return re.compile(rf"(?<![\w-])(?:{_phrases(words)}){_SPACE}*\Z", re.IGNORECASE)


@functools.lru_cache(maxsize=16)
def load_share_words(lang: str | None = None, extra_dirs: tuple[Path, ...] = ()) -> ShareWords:
    """The words of one language (all of them when `lang` is None or not one of ours)."""
    data = _load(extra_dirs)
    known = languages(extra_dirs)
    langs = (lang,) if lang in known else known
    pops = data.get("populations") or {}
    meas = data.get("measures") or {}
    measures: list[tuple[str, str]] = []
    for key, spec in meas.items():
        measures.extend((w, str(key)) for w in _in(spec, langs))
        for pol in _POLARITIES:
            measures.extend((w, f"{key}:{pol}") for w in _in(spec.get(pol) or {}, langs))
    section = {name: [w for w in _in(data.get(name) or {}, langs)] for name in _WORD_SECTIONS}
    bare = re.compile(rf"(?<![\w-])(?:{_phrases(section['respectively'])})(?!\w)", re.IGNORECASE)
    return ShareWords(
        populations=_Wholes([(w, str(k)) for k, spec in pops.items() for w in _in(spec, langs)]),
        within={str(k): str(v["within"]) for k, v in pops.items() if v.get("within")},
        measures=Terms(tuple(measures)),
        measure_population={str(k): str(v["population"]) for k, v in meas.items() if v.get("population")},
        of=_leading(section["of"]),
        locatives=_leading(section["locatives"]),
        articles=_leading(section["articles"]),
        fillers=_leading(section["fillers"]),
        pronouns=re.compile(rf"(?<!\w)(?:{_phrases(section['pronouns'])})(?!\w)", re.IGNORECASE),
        respectively=bare,
        other_rates=re.compile(rf"(?<![\w-])(?:{_phrases(section['other_rates'])})(?!\w)", re.IGNORECASE),
        changes=_trailing(section["changes"]),
        coordinated=re.compile(
            rf"{_SPACE}*,?{_SPACE}*{_phrases(section['coordinators'])}(?:{_SPACE}+{_phrases(section['of'])})?{_SPACE}*",
            re.IGNORECASE,
        ),
        changes_after=re.compile(rf"{_SPACE}*(?:{_phrases(section['changes_after'])})(?!\w)", re.IGNORECASE),
    )


# --------------------------------------------------------------------------------------------
# Reading one percentage


@dataclass(frozen=True)
class _After:
    """The words right after a percentage: a counted noun, its whole, a locative."""

    category: str | None
    population: str | None
    end: int
    unknown: bool = False  # "des infirmières": a whole is named, but not one we know
    pronoun: bool = False  # "of them": the whole is an earlier figure, the caller's business


def _skip(rx: re.Pattern[str], text: str, pos: int, end: int) -> int:
    m = rx.match(text, pos, end)
    return m.end() if m else pos


def _spaces(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos] in " \t\u00a0\u202f":
        pos += 1
    return pos


def _whole_at(text: str, pos: int, end: int, w: ShareWords) -> tuple[str, int] | None:
    """A population at `pos`, after optional articles and fillers ("la seule fonction publique")."""
    for _ in range(3):
        nxt = _skip(w.fillers, text, _skip(w.articles, text, pos, end), end)
        if nxt == pos:
            break
        pos = nxt
    m = w.populations.at(text, pos, end)
    return (m.key, m.end) if m else None


def _narrower(w: ShareWords, inner: str, outer: str) -> bool:
    seen = set()
    while inner in w.within and inner not in seen:
        seen.add(inner)
        inner = w.within[inner]
        if inner == outer:
            return True
    return False


def _kin(w: ShareWords, a: str | None, b: str | None) -> bool:
    """Two wholes of one family (primary and secondary teachers; rail workers and drivers).

    What an earlier share of the sentence counts carries over only within a family: "55 %
    des cheminots sont en grève, et 30 % des usagers approuvent" is not a strike rate of users.
    """
    if a is None or b is None:
        return True

    def root(p: str) -> str:
        seen = set()
        while p in w.within and p not in seen:
            seen.add(p)
            p = w.within[p]
        return p

    return root(a) == root(b)


def _after(text: str, nm: NumberMatch, limit: int, lex: Lexicon, w: ShareWords) -> _After:
    """"de grévistes", "des cheminots", "chez les professeurs des écoles", in that order."""
    pos = _spaces(text, nm.end, limit)
    category = None
    population = None
    end = nm.end
    # A counted noun that is itself a share's category: "de grévistes", "Streikende".
    at = _skip(w.of, text, pos, limit)
    noun = lex.category_terms.at(text, at, limit)
    if noun is not None and w.measures.key_of(noun.text) == noun.key:
        category, end = noun.key, noun.end
        pos = _spaces(text, noun.end, limit)
    else:
        of = w.of.match(text, pos, limit)
        if of is not None:
            whole = _whole_at(text, of.end(), limit, w)
            if whole is not None:
                population, end = whole
                pos = _spaces(text, end, limit)
            elif w.pronouns.match(text, _skip(w.articles, text, of.end(), limit), limit):
                return _After(None, None, nm.end, pronoun=True)
            elif re.match(r"[^\W\d_]", text[of.end():of.end() + 1]):
                return _After(None, None, nm.end, unknown=True)
    loc = w.locatives.match(text, pos, limit)
    if loc is not None:
        whole = _whole_at(text, loc.end(), limit, w)
        if whole is not None and (population is None or _narrower(w, whole[0], population)):
            population, end = whole
    return _After(category, population, end)


def _region_before(text: str, lo: int, pos: int) -> int:
    """Where the clause holding the figure at `pos` starts, no earlier than `lo`."""
    last = lo
    for m in _CLAUSE_BREAK.finditer(text, lo, pos):
        last = m.end()
    return last


def _region_after(text: str, pos: int, hi: int) -> int:
    m = _CLAUSE_BREAK.search(text, pos, hi)
    return m.start() if m else hi


def _measure(text: str, lo: int, hi: int, nm: NumberMatch, w: ShareWords) -> tuple[str, Polarity | None, int] | None:
    """The measure word of the clause nearest to the figure: (category, polarity, start)."""
    best = None
    for m in w.measures.finditer(text, lo, hi):
        distance = m.start - nm.end if m.start >= nm.end else nm.start - m.end
        if best is None or distance < best[0]:
            best = (distance, m)
    if best is None:
        return None
    key, _, pol = best[1].key.partition(":")
    return key, (pol or None), best[1].start  # type: ignore[return-value]


def _next_measure(
    text: str, numbers: Sequence[NumberMatch], i: int, s_hi: int, lex: Lexicon, w: ShareWords
) -> tuple[str, Polarity | None, int] | None:
    """What the percentage `numbers[i]` counts by its own words after it (no look back)."""
    nm = numbers[i]
    limit = numbers[i + 1].start if i + 1 < len(numbers) else s_hi
    after = _after(text, nm, limit, lex, w)
    if after.pronoun or after.unknown:
        return None
    if after.category is not None:
        return after.category, None, nm.end
    return _measure(text, after.end, _region_after(text, after.end, limit), nm, w)


def _located_before(text: str, lo: int, hi: int, w: ShareWords) -> tuple[str, int] | None:
    """The last "chez les conducteurs", "An den Grundschulen" in text[lo:hi]."""
    found = None
    for m in w.populations.finditer(text, lo, hi):
        head = text[lo:m.start]
        for rx in (w.fillers, w.articles):
            head = re.sub(rf"(?:{rx.pattern})\Z", "", head, flags=re.IGNORECASE)
        if re.search(rf"(?<!\w)(?:{w.locatives.pattern})\Z", head, re.IGNORECASE):
            found = (m.key, m.start)
    return found


def _read(
    text: str,
    nm: NumberMatch,
    numbers: Sequence[NumberMatch],
    sentence: tuple[int, int],
    lex: Lexicon,
    w: ShareWords,
    memo: dict[int, tuple[Share | None, int]],
) -> tuple[Share | None, int]:
    """The share of one percentage of the sentence, and where its own words end."""
    if nm.start in memo:
        return memo[nm.start]
    s_lo, s_hi = sentence
    if nm.unit != "percent":
        memo[nm.start] = (None, nm.end)
        return memo[nm.start]
    index = bisect.bisect_left(numbers, nm.start, key=_start_of)  # sorted by start, and nm among them
    following = numbers[index + 1] if index + 1 < len(numbers) else None
    limit = following.start if following is not None else s_hi
    after = _after(text, nm, limit, lex, w)
    result: tuple[Share | None, int] = (None, after.end)
    memo[nm.start] = result
    # The clause of this figure starts after the words of the figure before it; what an
    # earlier percentage of the sentence counts carries over ("et 42,32 % dans les collèges").
    lo, prev_share = s_lo, None
    for i in range(index - 1, -1, -1):
        share, share_end = _read(text, numbers[i], numbers, sentence, lex, w, memo)
        if i == index - 1:
            lo = max(share_end, numbers[i].end)
        if numbers[i].unit == "percent":
            prev_share = share
            break
    if (after.pronoun or nm.difference
            or w.changes.search(text, max(lo, nm.start - 40), nm.start)
            or w.changes_after.match(text, nm.end, limit)):
        return result
    clause_lo = _region_before(text, lo, nm.start)
    clause_hi = _region_after(text, after.end, limit)
    if w.other_rates.search(text, s_lo, s_hi):
        return result  # "selon un sondage, 60 % des enseignants soutiennent la grève": a poll, not a strike rate

    category, polarity = after.category, None
    if category is None:
        found = _measure(text, clause_lo, clause_hi, nm, w)
        if found is not None and found[2] < nm.start and index > 0 and numbers[index - 1].unit == "percent" \
                and not _kin(w, prev_share.population if prev_share else None, after.population):
            # "55 % des cheminots sont en grève, et 30 % des usagers approuvent": the verb
            # between two percentages is the first one's.
            return result
        if found is None and following is not None and following.unit == "percent" \
                and w.coordinated.fullmatch(text, after.end, following.start):
            # "90 % des TGV et 80 % des TER ont été annulés": the verb after the second is both's.
            found = _next_measure(text, numbers, index + 1, s_hi, lex, w)
        if found is not None:
            category, polarity = found[0], found[1]
        elif prev_share is not None and not after.unknown and _kin(w, prev_share.population, after.population):
            # "… 70 % de grévistes dans le primaire, et le Snes-FSU en revendique 75 % dans le
            # second degré", "26 % … : 32,82 % dans la fonction publique d'État, 13,76 % …".
            category, polarity = prev_share.category, prev_share.polarity
    if category is None:
        return result

    population = after.population
    if population is None and not after.unknown:
        before = _located_before(text, clause_lo, nm.start, w)
        if before is not None:
            population = before[0]
        elif category in w.measure_population:
            # "The Lahaina fire was 80% contained": the whole is named before the figure.
            own = w.measure_population[category]
            first = not any(n.unit == "percent" for n in numbers[:index])
            subject_lo = _region_before(text, s_lo, nm.start) if first else clause_lo
            if any(m.key == own for m in w.populations.finditer(text, subject_lo, nm.start)):
                population = own
    elif population is not None and not after.unknown:
        before = _located_before(text, clause_lo, nm.start, w)
        if before is not None and _narrower(w, before[0], population):
            population = before[0]  # "Dans le primaire, 40 % des enseignants …"
    if w.respectively.search(text, s_lo, s_hi):
        population = None  # "80% and 85% contained respectively": whose is whose is not read
    result = (Share(category, population, after.end, polarity), after.end)
    memo[nm.start] = result
    return result


def _carried(
    text: str, nm: NumberMatch, numbers: Sequence[NumberMatch], sentence: tuple[int, int], lex: Lexicon, w: ShareWords,
    carried: Share,
) -> Share | None:
    """"Le Snes-FSU revendique 75 % dans le second degré", after "42,32 % de grévistes dans le
    second degré selon le ministère": a percentage put in a whole of the family of the share
    just read (after "dans", "in", "bei"), in a sentence that names no measure, no counted noun
    and no other rate, counts what that share counts. "75 % des enseignants approuvent" is
    not read: a whole after "des", "of" is the subject of a verb we do not know."""
    s_lo, s_hi = sentence
    if carried.population is None or nm.difference or w.measures.search(text, s_lo, s_hi) is not None \
            or lex.category_terms.search(text, s_lo, s_hi) is not None or w.other_rates.search(text, s_lo, s_hi) \
            or w.respectively.search(text, s_lo, s_hi):
        return None
    index = bisect.bisect_left(numbers, nm.start, key=_start_of)
    limit = numbers[index + 1].start if index + 1 < len(numbers) else s_hi
    if w.changes.search(text, max(s_lo, nm.start - 40), nm.start) or w.changes_after.match(text, nm.end, limit):
        return None
    pos = _spaces(text, nm.end, limit)
    if w.of.match(text, pos, limit) is not None and w.locatives.match(text, pos, limit) is None:
        return None  # "75 % des enseignants …": of whom, doing what, is not said in words we know
    after = _after(text, nm, limit, lex, w)
    if after.pronoun or after.unknown:
        return None
    population = after.population
    if population is None:
        before = _located_before(text, _region_before(text, s_lo, nm.start), nm.start, w)
        population = before[0] if before is not None else None
    if population is None or not _kin(w, population, carried.population):
        return None
    return Share(carried.category, population, after.end, carried.polarity)


_LAST_SENTENCE: list[tuple[str, Lexicon, ShareWords, str | None, tuple[int, int], list[NumberMatch],
                          dict[int, tuple[Share | None, int]]]] = []


def _start_of(nm: NumberMatch) -> int:
    return nm.start


def _sentence_figures(
    text: str, lang: str | None, sentence: tuple[int, int], lex: Lexicon, w: ShareWords
) -> tuple[list[NumberMatch], dict[int, tuple[Share | None, int]]]:
    """The figures of the sentence read_share was last asked about, with the shares read so
    far: a sentence of N percentages asks N times, and reading its figures and every earlier
    share again each time grew with N squared ("1 % 1 % …" took seconds a kilobyte)."""
    if _LAST_SENTENCE:
        last = _LAST_SENTENCE[0]
        if last[0] is text and last[1] is lex and last[2] is w and last[3] == lang and last[4] == sentence:
            return last[5], last[6]
    numbers = list(find_numbers(text, lang, sentence[0], sentence[1], lexicon=lex.numbers))
    memo: dict[int, tuple[Share | None, int]] = {}
    _LAST_SENTENCE[:] = [(text, lex, w, lang, sentence, numbers, memo)]
    return numbers, memo


def read_share(
    text: str,
    nm: NumberMatch,
    sentence: tuple[int, int],
    lex: Lexicon,
    lang: str | None,
    context_population: str | None = None,
    *,
    words: ShareWords | None = None,
    carried: Share | None = None,
    carried_alone: bool = True,
) -> Share | None:
    """What the percentage `nm` of `text[sentence[0]:sentence[1]]` is a share of, or None.

    None when it is not a percentage, when what it counts is not established, or when its
    whole is an earlier figure ("40 % of them": the caller reads that). `context_population`
    (the whole the caller knows the passage is about) is used only for a bare percentage in
    a sentence that names no whole of its own. `carried` is the share the passage read just
    before: a sentence that names no measure counts what it counts, when it names a whole of
    the same family ("Le Snes-FSU revendique 75 % dans le second degré"); a share of the same
    measure that names no whole is of that one's whole, when it was the one share of its
    sentence (`carried_alone`: "dont 77,3 % des conducteurs et 55,4 % des contrôleurs" leaves
    the whole of the next sentence's "55,6 %" unknown).
    """
    if nm.unit != "percent":
        return None
    w = words or load_share_words(lang)
    s_lo, s_hi = sentence
    numbers, memo = _sentence_figures(text, lang, sentence, lex, w)
    at = bisect.bisect_left(numbers, nm.start, key=_start_of)
    if at == len(numbers) or numbers[at].start != nm.start:
        numbers, memo = sorted([*numbers, nm], key=lambda n: n.start), {}
    elif numbers[at] != nm:
        memo = {}  # read as another figure here: its shares are not those of the sentence's own
    share, _ = _read(text, nm, numbers, sentence, lex, w, memo)
    if share is None and carried is not None:
        return _carried(text, nm, numbers, sentence, lex, w, carried)
    if share is None:
        return None
    if share.population is None and carried is not None and carried_alone and carried.category == share.category:
        context_population = context_population or carried.population  # "sprach von einer Streikbeteiligung von 25 Prozent"
    if (share.population is None and context_population is not None
            and not _after(text, nm, s_hi, lex, w).unknown
            and w.populations.search(text, s_lo, s_hi) is None
            and not w.respectively.search(text, s_lo, s_hi)):
        return Share(share.category, context_population, share.end, share.polarity)
    return share
