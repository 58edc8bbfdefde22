"""Who said it: "selon X", "X a déclaré", « … », a déclaré X, "according to X", "X said",
"nach Angaben der Polizei", "según X", "dijo X".

The words of each language (reporting verbs, auxiliaries, prepositions, pronouns…) are data in
each language pack's `attribution.yaml` (consistency/extract/languages/<lang>/); the patterns
are built from them per language on first use. The words that name the source are normalised through the origins lexicon, so that
"les renseignements sud-coréens", "NIS" and "Seoul's spy agency" are one origin.
"""

from __future__ import annotations

import contextvars
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consistency import table_cache
from consistency.corpus.metadata import known_publisher
from consistency.extract.datafiles import load_merged
from consistency.extract.gazetteer import Gazetteer, country_of_capital, load_gazetteer
from consistency.extract.languages import entity_language
from consistency.extract.languages.scope import scope_words
from consistency.extract.lexicon import Lexicon
from consistency.extract.sentences import split_sentences
from consistency.lazy_re import lazy_compile
from consistency.matching import normalise, trie
from consistency.regex_cache import compile as rx_compile  # the same patterns, from the disk cache

DATA_FILE = Path(__file__).parent / "data" / "attribution.yaml"
# Words of a source phrase: anything but punctuation that closes or opens a clause.
_NP = r"[^,.;:!?«»\"“”()\n]{2,90}?"
_PUNCT = r"[,.;:!?«»\"“”()\n]"


def load_attribution_words(extra_dirs: Sequence[Path] = ()) -> dict[str, dict[str, Any]]:
    """attribution.yaml merged with the user's file of the same name, per language."""
    data = load_merged(DATA_FILE, tuple(extra_dirs))
    return {str(lang): dict(spec) for lang, spec in data.items() if isinstance(spec, Mapping)}


def _atom(word: str) -> str:
    """One word of the data as a regex: `*` any ending, `~` one optional word, flexible spaces."""
    out = []
    tokens = word.split()
    for i, tok in enumerate(tokens):
        if tok == "~":
            out.append(r"(?:\w+\s+)?")
            continue
        body = "".join("['’ʼ]" if ch in "'’ʼ" else re.escape(ch) for ch in tok.rstrip("*"))
        if tok.endswith("*"):
            body += r"\w*"
        out.append(body + (r"\s+" if i < len(tokens) - 1 else ""))
    return "".join(out)


def _alt(words: Sequence[Any]) -> str:
    """An alternation of data words, longest first; a never-matching one when there are none.

    Kept in the table cache: writing thousands of words out as regexes was most of the cost
    of a language's patterns, which come from the pattern cache themselves."""
    items = sorted({str(w) for w in words or ()}, key=lambda w: (-len(w), w))
    if not items:
        return "(?!)"
    return str(table_cache.memo("attribution alternation", tuple(items),
                                lambda: "(?:" + "|".join(_atom(w) for w in items) + ")"))


@dataclass(frozen=True)
class _Patterns:
    """The compiled patterns of one language (or of all of them)."""

    prep: re.Pattern[str]
    post: re.Pattern[str]  # the source before a postposition: "Dem GFZ zufolge", "der Polizei zufolge"
    subj: re.Pattern[str]
    subj_apposed: re.Pattern[str]
    inv: re.Pattern[str]
    told: re.Pattern[str]
    as_clause: re.Pattern[str]
    subj_final: re.Pattern[str]
    subj_lower: re.Pattern[str]
    inv_bare: re.Pattern[str]
    pronoun: re.Pattern[str]
    any_verb: re.Pattern[str]
    that: re.Pattern[str]
    statement_time: re.Pattern[str]
    backref: re.Pattern[str]
    pronouns: frozenset[str]
    articles: re.Pattern[str]
    indefinite: re.Pattern[str]
    trailing: re.Pattern[str]
    reporting: re.Pattern[str]  # a reporting verb after a space: `subj` and `subj_apposed` need one
    told_word: re.Pattern[str]  # a word of `told` alone: without one, `told` is not searched
    told_before: re.Pattern[str]  # a word of `told` closing the text before a source: ", told Reuters" names the listener
    listener: re.Pattern[str]  # "à l'", "a la", "der": before the one a speaker talks to ("a déclaré à l'AFP X"), used with .match
    counting: re.Pattern[str]  # a counting verb right after a source ("Norway counted"), used with .match
    body: re.Pattern[str]  # a body's own name after the noun that introduces it ("le syndicat France Police")
    # Words without which a pattern cannot match: a cheap search for them first spares the
    # costly pattern most sentences (a participle-last auxiliary for `subj_final`; an
    # inverted pronoun or a pronoun after its verb for `pronoun`, whose other branch needs `reporting`).
    final_word: re.Pattern[str]
    pronoun_word: re.Pattern[str]
    relative: re.Pattern[str]  # a relative word opening a clause ("who flew to Halvik"), used with .match
    count_noun: re.Pattern[str]  # a toll or count as a source ("selon le dernier bilan officiel")
    frames: tuple[re.Pattern[str], ...]  # a known source framed by words around it ("by police estimates", "so die Polizei")
    any_frame: re.Pattern[str]  # whether one of `frames` matches: one search spares the others most sentences
    owner_before: re.Pattern[str]  # an article closing the text before a figure that stands for its noun
    owner_after: re.Pattern[str]  # "de los", "des" right after that figure, used with .match
    stop_word: re.Pattern[str]  # a word of `stops` or "and" after a source: its clause ends there, used with .match


def _words(specs: Sequence[Mapping[str, Any]], key: str) -> list[str]:
    return [str(w) for spec in specs for w in (spec.get(key) or ())]


# The long lists, which make most of each pattern's cost. Every pattern reads their words
# after a word boundary and before a non-word character or an inverted pronoun; an
# auxiliary, only before a participle or an inverted pronoun ("a-t-il"). `_own_patterns`
# relies on both.
_OWN_KEYS = ("verbs", "participles", "auxiliaries", "passive", "prepositions", "participle_last", "clause_verbs")


def _compile(specs: Sequence[Mapping[str, Any]], every: Sequence[Mapping[str, Any]] | None = None) -> _Patterns:
    """The patterns of `specs`; with `every`, the lists of `_OWN_KEYS` come from `specs` and
    all the others (articles, pronouns, told…) from `every`."""
    own, specs = specs, specs if every is None else every  # `specs` below: every language's

    def w(key: str) -> list[str]:
        return _words(own if key in _OWN_KEYS else specs, key)

    verbs, parts, aux = _alt(w("verbs")), _alt(w("participles")), _alt(w("auxiliaries"))
    passive = _alt(w("passive"))
    preps = _alt(w("prepositions"))
    # "a affirmé", "a été annoncé", "has said", "ha informado"; or a verb on its own: "said", "dijo".
    reporting = rf"(?:{aux}\s+(?:{passive}\s+)?{parts}|{verbs})"
    ci = re.IGNORECASE
    stops = _alt(w("stops"))
    owner = [s.get("figure_owner") or {} for s in specs]
    backref_det = _alt(w_det := [str(x) for s in specs for x in ((s.get("back_reference") or {}).get("determiners") or ())])
    backref_noun = _alt([str(x) for s in specs for x in ((s.get("back_reference") or {}).get("nouns") or ())])
    del w_det

    def post_spec(key: str) -> list[str]:
        return [str(x) for spec in specs for x in ((spec.get("postpositions") or {}).get(key) or ())]

    return _Patterns(
        # Source after a preposition: "selon X", "according to X", "según ha informado X".
        prep=rx_compile(
            rf"(?<!\w)(?:{preps})\s+(?:{aux}\s+{parts}\s+)?(?P<x>{_NP})"
            rf"(?=\s*(?:{_PUNCT}|$|\s(?:{stops})(?!\w)|\s\d))",
            ci,
        ),
        # Source before a postposition: "Dem Zentrum für Geoforschung zufolge". German writes
        # every noun with a capital, so the name is capitalised words and the joiners between them;
        # a lowercase word ("ereignete sich dem GFZ zufolge") ends it.
        post=rx_compile(
            rf"(?<!\w)(?P<x>(?:(?i:{_alt(w('articles'))})\s+)?[A-ZÀ-ÝŒ][\w'’-]*"
            rf"(?:\s+(?:[A-ZÀ-ÝŒ][\w'’-]*|{_alt(post_spec('joiners'))}))*?)\s+(?i:{_alt(post_spec('words'))})(?!\w)"
        ),
        # Source before the verb: "La Corée du Sud a affirmé", "the ministry said", "Die Polizei teilte mit".
        subj=rx_compile(
            rf"(?P<x>(?:[A-ZÀ-ÝŒ]|(?i:{_alt(w('articles'))})(?:\s|(?<=['’]))){_NP})"
            rf"(?:,\s*(?i:{_alt(w('pronouns'))})\s*,)?,?\s+"  # "La CGT, elle, en revendique"
            rf"(?:(?i:{_alt(w('relatives'))})\s+)?(?:(?i:{_alt(w('clitics'))})\s+)?(?i:{reporting})(?!\w)"
        ),
        # The same with a description between commas: "Le cabinet Occurrence, mandaté par
        # plusieurs médias, n'a compté que 40 500": read only where the plain form finds nothing.
        # A relative clause may hold commas of its own ("X, who heads the Department of
        # Business, Economic Development and Tourism, later said"); an adverb may follow it.
        subj_apposed=rx_compile(
            rf"(?P<x>(?:[A-ZÀ-ÝŒ]|(?i:{_alt(w('articles'))})(?:\s|(?<=['’]))){_NP}),\s*"
            rf"(?:[^,.;:!?«»\"“”()\n\d]{{3,60}}|(?i:{_alt(w('relatives'))})\s[^.;:!?«»\"“”()\n\d]{{3,120}}?),\s+"
            rf"(?:(?i:{_alt(w('trailing'))})\s+)?(?:(?i:{_alt(w('clitics'))})\s+)?(?i:{reporting})(?!\w)"
        ),
        # Source after the verb, after a quote or comma: "», a déclaré le ministre", ", sagte X".
        inv=rx_compile(rf"(?:[,»”\"]\s*)(?:{reporting}|{preps})\s+(?P<x>{_NP})(?=\s*{_PUNCT}|$)", ci),
        # A participle at the end of its clause: "Die Kreisverwaltung hatte am Abend rund
        # 1.300 Vermisste gemeldet" (languages whose perfect puts the participle last).
        subj_final=rx_compile(
            rf"(?P<x>(?:[A-ZÀ-ÝŒ]|(?i:{_alt(w('articles'))})(?:\s|(?<=['’]))){_NP})"
            rf"\s+(?i:{_alt(w('participle_last'))})\s(?:[^,.;:!?«»\"“”()\n]|(?<=\d)[.,](?=\d)){{1,100}}?\s(?i:{parts})(?!\w)"
        ),
        # A common noun closing the sentence after a comma: "… left 31 missing, officials said on
        # Saturday", "…, la police a précisé". Kept only when it names a known origin.
        subj_lower=rx_compile(
            rf"(?<=,)\s+(?P<x>[^\W\d_][^,.;:!?«»\"“”()\n\d]{{1,60}}?)\s+(?i:{reporting})(?!\w)"
        ),
        # The verb before its subject after a fronted phrase: "Medienberichten zufolge zählten die
        # Veranstalter rund 90.000", or its auxiliary with the participle last: "Am 4. Februar
        # hatten die Behörden 1,17 Millionen gezählt". Kept only when it names a known origin.
        inv_bare=rx_compile(
            rf"(?<!\w)(?i:{_alt([v for v in w('verbs') if v not in w('told')])}"
            rf"|{_alt(w('participle_last'))}(?=[^.;:!?\n]{{1,160}}?\s{parts}(?!\w)))\s+(?P<x>(?i:{_alt(w('articles'))})\s+[^\W\d_][\w'’-]*(?:\s+[A-ZÀ-ÝŒ][\w'’-]*)?)(?!\w)"
        ),
        # "X told Reuters": the listener is not the source.
        told=rx_compile(rf"(?P<x>{_NP})\s+(?:{_alt(w('told'))})\s+\w+", ci),
        # "wie die Polizei mitteilte"
        as_clause=rx_compile(rf"(?<!\w)(?:{_alt(w('as_clause'))})\s+(?P<x>{_NP})\s+(?:{_alt(w('clause_verbs'))})(?!\w)", ci),
        # "he said", "a-t-il précisé", "précise-t-elle", "sagte er", "dijo él"
        pronoun=rx_compile(
            rf"(?<!\w)(?:(?P<x>{_alt(w('pronouns'))})\s+{reporting}(?!\w)"
            rf"|(?:{aux}|{verbs})(?P<y>{_alt(w('inverted_pronouns'))})(?!\w)"
            rf"|{verbs}\s+(?P<z>{_alt(w('pronoun_after_verb'))})(?!\w))",
            ci,
        ),
        # Only asked whether there is one: a trie finds one where the alternation does, at less cost.
        any_verb=rx_compile(rf"(?<!\w){_word_trie(w('verbs') + w('participles') + w('prepositions') + w('clause_verbs') + post_spec('words'))}", ci),
        that=rx_compile(rf"(?<!\w){_alt(w('subordinators'))}(?!\w)", ci),
        # A time right after a reporting verb dates the statement, not the facts:
        # "a indiqué vendredi", "said on Tuesday", "sagte am Freitag", "dijo el viernes".
        statement_time=rx_compile(rf"(?<!\w){reporting}(?:\s+{_alt(w('statement_time'))})?\s*$", ci),
        backref=rx_compile(rf"^\W*{backref_det}\s+{backref_noun}(?!\w)", ci),
        pronouns=frozenset(p.casefold() for p in w("pronouns")),
        articles=rx_compile(rf"^{_alt(w('articles'))}(?:\s+|(?<=['’]))", ci),
        indefinite=rx_compile(rf"{_alt(w('indefinites'))}\s", ci),  # used with .match(text, pos)
        trailing=rx_compile(rf"(?:\s+{_alt(w('trailing'))})+$", ci),
        reporting=rx_compile(rf"(?<=\s)(?:{reporting})(?!\w)", ci),
        told_word=rx_compile(_alt(w("told")), ci),
        told_before=rx_compile(rf"(?<!\w){_alt(w('told'))}\s+$", ci),
        listener=rx_compile(rf"{_alt(w('listeners'))}(?:\s+|(?<=['’]))(?:{_alt(w('articles'))}(?:\s+|(?<=['’])))?", ci),
        counting=rx_compile(rf"\s+{_alt(w('counting_verbs'))}(?!\w)", ci),
        body=rx_compile(rf"(?<!\w)(?i:{_alt(w('bodies'))})\s+(?P<x>[A-ZÀ-ÝŒ][\w'’-]*(?:\s+[A-ZÀ-ÝŒ][\w'’-]*)+)"),
        final_word=rx_compile(rf"\s{_alt(w('participle_last'))}\s", ci),
        pronoun_word=rx_compile(
            rf"{_alt(w('inverted_pronouns'))}(?!\w)|(?<=\s){_alt(w('pronoun_after_verb'))}(?!\w)", ci
        ),
        relative=rx_compile(rf"\s*{_alt(w('relatives'))}\s", ci),
        count_noun=rx_compile(rf"(?<!\w){backref_noun}(?!\w)", ci),
        frames=tuple(rx_compile(_frame(f), ci) for f in sorted(set(w("source_frames")))),
        owner_before=rx_compile(rf"(?<!\w){_alt([str(x) for o in owner for x in o.get('before') or ()])}\s+$", ci),
        owner_after=rx_compile(rf"\s+{_alt([str(x) for o in owner for x in o.get('after') or ()])}(?:\s+|(?<=['’]))", ci),
        stop_word=rx_compile(rf"\s+(?:{stops}|{_alt(scope_words('conjunctions.and'))})(?!\w)", ci),
        any_frame=rx_compile("|".join(_frame(f).replace("(?P<x>", "(?:") for f in sorted(set(w("source_frames")))) or "(?!)", ci),
    )


def _frame(frame: str) -> str:
    """A frame of the data ("by {} estimates", "so {}") as a regex: the source stands at `{}`,
    up to the words after it, else up to punctuation."""
    before, _, after = frame.partition("{}")
    head = _atom(before.strip()) + r"\s+" if before.strip() else ""
    tail = rf"\s*{_atom(after.strip())}(?!\w)" if after.strip() else rf"(?=\s*(?:{_PUNCT}|$))"
    if after[:1] in "'’" and after.strip():
        tail = _atom(after.strip()) + r"(?!\w)"  # "by the organisers' count": the possessive is glued to the name
    return rf"(?<!\w){head}(?P<x>{_NP}){tail}"


@functools.lru_cache(maxsize=32)  # every language, alone and with a user's folder, without eviction
def patterns(lang: str | None = None, extra_dirs: tuple[Path, ...] = ()) -> _Patterns:
    """The patterns of one language, or of all of them when the language is unknown; built once."""
    words = load_attribution_words(extra_dirs)
    langs = [lang] if lang in words else list(words)
    return _compile([words[code] for code in langs])


@functools.lru_cache(maxsize=8)
def _own_patterns(lang: str, extra_dirs: tuple[Path, ...] = ()) -> tuple[_Patterns, re.Pattern[str]] | None:
    """For a text in `lang` read with every language's patterns: the same patterns with only
    `lang`'s words in the long lists (`_OWN_KEYS`), and a search for the other languages'
    words of those lists where a pattern could read them. Where that search finds nothing,
    the other words cannot take part in any match, so both give the same matches, and the
    shorter alternations cost a fraction. None for a language without words."""
    words = load_attribution_words(extra_dirs)
    if lang not in words:
        return None
    every = list(words.values())
    union = functools.partial(_words, every)
    inverted = _alt(union("inverted_pronouns"))
    tails = {"auxiliaries": rf"(?:\s+(?:{_alt(union('passive'))}\s+)?{_alt(union('participles'))}|{inverted})",
             "verbs": rf"(?:{inverted})?"}  # "précise-t-elle"
    foreign = [_guard_entry(word, tails.get(key, ""))
               for key in _OWN_KEYS for word in set(union(key)) - set(_words([words[lang]], key))]
    return _compile([words[lang]], every), rx_compile(rf"(?<!\w){trie(foreign, _guard_char)}", re.IGNORECASE)


def _guard_entry(word: str, tail: str) -> tuple[list[str], str]:
    """A word of the data as a trie entry: the letters of its first word, then the rest of
    `_atom(word)`, `tail` and a word edge (a trie of them matches where their alternation does)."""
    first, *rest = word.split()
    if first == "~":
        return [], _atom(word) + tail + r"(?!\w)"
    ending = (r"\w*" if first.endswith("*") else "") + (r"\s+" + _atom(" ".join(rest)) if rest else "")
    return list(first.rstrip("*")), ending + tail + r"(?!\w)"


def _word_trie(words: Sequence[str], tail: str = "") -> str:
    """The words of the data, each followed by `tail` and a word edge, as one trie: it
    matches where the alternation of their `_atom`s does (to ask whether there is one)."""
    return trie([_guard_entry(word, tail) for word in set(words)], _guard_char)


def _guard_char(ch: str) -> str:
    return "['’ʼ]" if ch in "'’ʼ" else re.escape(ch)


def _sentence_patterns(text: str, start: int, end: int, lang: str | None, written_in: str | None,
                       extra_dirs: tuple[Path, ...]) -> _Patterns:
    """`patterns(lang)`; for a sentence of a text written in `written_in` but read as of any
    language (`lang` None), the same answers from that language's own long lists when the
    sentence holds no other language's word of them."""
    if lang is None and written_in is not None:
        own = _own_patterns(written_in, extra_dirs)
        if own is not None and own[1].search(text[start:end]) is None:
            return own[0]
    return patterns(lang, extra_dirs)


def is_statement_time(text: str, start: int, lang: str | None = None) -> bool:
    """True when the time at `start` follows a reporting verb: it dates a statement."""
    return bool(patterns(lang).statement_time.search(text[max(0, start - 48):start]))


def figure_owner(text: str, start: int, end: int, lexicon: Lexicon, lang: str | None = None) -> Attribution | None:
    """The source that owns a figure standing for its noun, named right after it: "frente a
    los 30.000 de los organizadores", "contre les 30 000 des organisateurs". Only a known
    origin closing its clause: "los 48 de los agentes heridos" counts some of the agents."""
    p = patterns(lang, lexicon.extra_dirs)
    if p.owner_before.search(text, max(0, start - 8), start) is None:
        return None
    after = p.owner_after.match(text, end)
    source = lexicon.origin_terms.at(text, after.end()) if after is not None else None
    if source is None or not _closes_clause(text, source.end, p):
        return None
    return Attribution(source.start, source.end, source.key, source.text, source.end)


def _closes_clause(text: str, pos: int, p: _Patterns) -> bool:
    """Punctuation, the end of the text or a stop word ("qui", "que") right after `pos`."""
    rest = text[pos:pos + 24]
    return not rest.strip() or rest.lstrip()[0] in ",.;:!?»\"”)" or p.stop_word.match(rest) is not None


def counts_own(text: str, end: int, lang: str | None = None) -> bool:
    """True when a counting verb follows the source ending at `end` ("Norway counted five
    deaths", "Norwegen zählte"): a country that counts gives where the dead are, not a voice."""
    return patterns(lang).counting.match(text, end) is not None


def refers_back(text: str, start: int, end: int, lang: str | None = None) -> bool:
    """True when a sentence opens by pointing at the figure before it ("Un chiffre, révélé…")."""
    return bool(patterns(lang).backref.match(text[start:end]))


@dataclass(frozen=True)
class Attribution:
    start: int  # span of the words naming the source
    end: int
    origin: str | None  # normalised origin, None when the source is anonymous
    text: str
    clause_end: int  # where the reporting clause ends ("… a affirmé qu'" → after "qu'"), for scoping times
    # unnamed, but a source of its own ("selon le dernier bilan officiel", "according to sources"),
    # not a body named before ("selon le ministère"): the speaker before is not this figure's
    own: bool = False


def find_attributions(
    text: str, start: int, end: int, lexicon: Lexicon, lang: str | None = None, *, resolve_pronouns: bool = True,
    written_in: str | None = None,
) -> list[Attribution]:
    """Attributions in one sentence, in order of position.

    A pronoun ("he said", "a-t-il précisé") speaks for the source named last in the
    sentences of the paragraph before it; with none, its origin is None. `written_in`, the
    document's language, changes no answer: with `lang` None it spares the other languages'
    patterns where they cannot match.
    """
    p = _sentence_patterns(text, start, end, lang, written_in, lexicon.extra_dirs)
    found: list[Attribution] = []
    # The verb-anchored patterns are costly; most sentences have no reporting word at all.
    # A frame ("by police estimates") needs none, and names a known source or nothing.
    verbal = p.any_verb.search(text, start, end) is not None
    framed = p.any_frame.search(text, start, end) is not None
    if not verbal and not framed:
        return []
    # "El Centro de Integración de Datos (CID) ha elevado": an acronym in brackets is part of
    # the name; blanked so that the source's patterns read through it (offsets unchanged).
    sentence = _ACRONYM.sub(lambda m: " " * len(m.group()), text[start:end]) if "(" in text[start:end] else text[start:end]
    # A source before its verb needs a reporting verb, "X told Y" the word "told": a cheap
    # search for those words first spares the costly patterns most sentences.
    reporting = p.reporting.search(sentence) is not None
    for rx in (*((p.prep, p.post, p.subj, p.inv, p.told, p.as_clause, p.subj_final, p.subj_lower, p.inv_bare) if verbal else ()), *(p.frames if framed else ())):
        if (rx in (p.subj, p.subj_lower) and not reporting) or (rx is p.told and p.told_word.search(sentence) is None) \
                or (rx is p.subj_final and p.final_word.search(sentence) is None):
            continue
        for m in rx.finditer(sentence):
            s, e = m.span("x")
            s, e = _trim(text, s + start, e + start, p)
            if rx is p.prep:
                e = _whole_known_name(text, s, _before_next_figure(text, s, e), end, lexicon)
            if rx is p.inv and p.told_before.search(text, m.start() + start, s):
                continue  # "…, told Reuters": the listener, not who spoke
            s, e = _without_listener(text, s, e, lexicon, p)
            if rx in (p.subj, p.subj_final):
                s = _after_clause_break(text, s, e)
            if e <= s:
                continue
            if text[s:e].casefold() in p.pronouns:
                continue  # the pronoun pattern below resolves it
            if rx is not p.prep and _STANDALONE_DIGIT.search(text, s, e):
                continue  # "Bei dem Unglück seien 150 Menschen verletzt worden, teilte …": a clause, not a name
            if rx is not p.prep and text[max(start, s - 12):s].rstrip()[-1:].isdigit():
                continue  # "nach 117 Toten am Vortag, teilte die Polizei mit": the figure's noun, not who spoke
            known = lexicon.origin_terms.search(text, s, e) is not None
            if rx is p.subj and text[e:e + 1] == "," and not known and (" " not in text[s:e] or len(text[s:e].split()) > 4):
                # "Actualmente, declaró": a fronted adverb; "Belgium, where the valleys took the
                # brunt of the flooding, has counted": a clause. Neither is who spoke.
                continue
            if rx is p.subj and text[e:e + 1] == "," and _in_relative_clause(text, start, s, p):
                continue  # "X, who flew to Halvik on Wednesday, put the toll at": the place ends the aside
            if rx in (p.subj, p.subj_final) and not known and _place_phrase(text, s, e):
                continue  # "Besonders in der Provinz Malaga bestätigten Behörden": where, not who
            if (rx in (p.subj_lower, p.inv_bare) or rx in p.frames) and not known:
                continue  # a common noun or a name after a verb, or in a frame: only a known origin is read there
            if rx in p.frames and not any(t.end == e for t in lexicon.origin_terms.finditer(text, s, e)):
                continue  # "so groß, wie die Polizei erwartet hatte": the source closes its frame ("so die Schätzung der Polizei")
            origin = normalise_origin(text, s, e, lexicon, lang)
            if origin is None and rx not in (p.prep, p.post) and not lexicon.anonymous_terms.search(text, s, e):
                continue  # "selon le ministère" is kept, unnamed: the figure has its own source
            own = origin is None and rx in (p.prep, p.post) and (lexicon.anonymous_terms.search(text, s, e) is not None
                                                      or p.count_noun.search(text, s, e) is not None)
            found.append(Attribution(s, e, origin, text[s:e], _clause_end(text, m.end() + start, end, p), own))
    for m in p.subj_apposed.finditer(sentence) if verbal and reporting and sentence.count(",") >= 2 else ():
        s, e = _trim(text, m.start("x") + start, m.end("x") + start, p)
        clause = (m.start() + start, m.end() + start)
        if e <= s or any(a.start < clause[1] and clause[0] < a.end for a in found):
            continue
        origin = normalise_origin(text, s, e, lexicon, lang)
        if origin is not None:
            found.append(Attribution(s, e, origin, text[s:e], _clause_end(text, clause[1], end, p)))
    # `pronoun` needs a reporting verb after its pronoun, or a pronoun word of its own.
    if resolve_pronouns and verbal and (reporting or p.pronoun_word.search(text, start, end) is not None):
        for m in p.pronoun.finditer(text, start, end):
            group = next(g for g in ("x", "y", "z") if m.group(g))
            s, e = m.span(group)
            subject = _opening_name(text, start, s, p)
            if subject is not None:
                # "Innenminister Roger Lewentz hält diese Zahl für zu hoch: Im WDR sprach er von 40":
                # the pronoun is the name that opens its own sentence, not an earlier speaker.
                origin = normalise_origin(text, subject[0], subject[1], lexicon, lang)
            else:
                origin = _previous_speaker(text, start, lexicon, lang, written_in)
            found.append(Attribution(s, e, origin, text[s:e], _clause_end(text, m.end(), end, p)))
    found.sort(key=lambda a: (a.start, a.end))
    kept: list[Attribution] = []
    for a in found:
        if kept and a.start < kept[-1].end:
            if kept[-1].origin is None and a.origin is not None:
                kept[-1] = a
            continue
        kept.append(a)
    return kept


def _without_listener(text: str, s: int, e: int, lexicon: Lexicon, p: _Patterns) -> tuple[int, int]:
    """The source phrase without the news agency its speaker talks to: "a déclaré à l'AFP Ana
    Torres", "dijo a EFE el ministro" (the speaker follows the listener), "sagte Ana Torres der
    Nachrichtenagentur dpa" (the listener follows the speaker). The agency only passes the
    words on; who spoke is the source. Another listener ("au ministre") is left in place."""
    for m in re.finditer(r"(?<!\w)\w", text[s:e]):
        pos = s + m.start()
        opener = p.listener.match(text, pos, e)
        agency = lexicon.origin_terms.at(text, opener.end(), e) if opener is not None else None
        if opener is None or agency is None or not _is_agency(text, agency.start, agency.end, agency.key, lexicon):
            continue
        rest = agency.end
        while rest < e and (text[rest].isspace() or text[rest] == ","):
            rest += 1
        if rest < e or pos == s:
            return rest, e  # the speaker follows ("a déclaré jeudi à l'AFP Rida Moussaoui")
        return s, len(text[:pos].rstrip())  # the speaker came first ("sagte X der dpa")
    return s, e


def _is_agency(text: str, start: int, end: int, origin: str, lexicon: Lexicon) -> bool:
    """A news agency (origins.yaml `relay`, or named with an agency word)."""
    known, relays = _origin_flags(lexicon.extra_dirs)
    if origin.casefold() in relays:
        return True
    return origin.casefold() not in known and _relay_words(lexicon.extra_dirs).search(text, start, end) is not None


def _after_clause_break(text: str, s: int, e: int) -> int:
    """"… los asistentes a la protesta mientras que los organizadores afirman": a subject that
    runs over a clause break ("mientras que", "while", "tandis que") starts after it; the words
    before belong to the clause before. Not "and", which joins two voices ("police and unions")."""
    joins = {w.casefold() for w in scope_words("conjunctions.and")}
    breaks = [w for w in scope_words("clause_breaks") if w.casefold() not in joins]
    if not breaks:
        return s
    ends = [m.end() for m in _break_words(tuple(breaks)).finditer(text, s, e)]
    return _skip_space(text, ends[-1], e) if ends else s


@functools.lru_cache(maxsize=8)
def _break_words(breaks: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){_alt(breaks)}(?!\w)", re.IGNORECASE)


_STANDALONE_DIGIT = lazy_compile(r"(?<![\w-])\d(?!\d{3}\b)")  # "150 Menschen", not "G7", "COVID-19" nor "creada en 2008"
# "(CID) constituido", "(KNCHR, por sus siglas en inglés) ha cifrado", not "PARIS (Reuters) -":
# an acronym, with at most a gloss of words after a comma, between a name and a lowercase word.
_ACRONYM = lazy_compile(r"(?<=\w)\s\([A-ZÀ-Ý][\w&-]{1,9}(?:,\s*[^\W\d_][^()\d\n]{0,40})?\)(?=\s+[^\W\d_A-ZÀ-Ý])")


def _before_next_figure(text: str, s: int, e: int) -> int:
    """"218 según Ferrolia y 247 según…": the "and" before the next figure joins the figures,
    it is no part of the source's name."""
    head, _, last = text[s:e].rpartition(" ")
    if head and last.casefold() in {w.casefold() for w in scope_words("conjunctions.and")} \
            and text[e:e + 2].strip()[:1].isdigit():
        return s + len(head.rstrip())
    return e


NOUN_BEFORE_NAME = 3  # lowercase words a common noun may take before the name it introduces
LINK_WORD = 3  # "de", "of", "des": words this short link a name to what precedes it, no noun nor adjective


def _name_after_noun(words: list[str]) -> list[str]:
    """The quoted or capitalised name after a noun and its adjectives ("grupo independiente
    'Registro de Concentraciones'"), when it runs to the end: two capitalised words at least.
    Not after a preposition ("ministro de Transportes Tomas Veiga": an office, then a person)."""
    quotes = "'’\"“”«»‘"
    for k, word in enumerate(words[:NOUN_BEFORE_NAME + 1]):
        if word.lstrip(quotes)[:1].isupper():
            name = [w.strip(quotes) for w in words[k:]]
            lead_ok = 1 < k and all(w.islower() and w.isalpha() and len(w) > LINK_WORD for w in words[:k])
            return name if lead_ok and sum(w[:1].isupper() for w in name) >= 2 else []
    return []


def _in_name_run(raw: str, verb: re.Match[str]) -> bool:
    """A capitalised word next to another one ("Public Meeting Archive", read with every
    language's words, holds the French "publi*"): part of a name, not a verb of a clause."""
    if not verb.group()[:1].isupper():
        return False
    before, after = raw[:verb.start()].split()[-1:], raw[verb.end():].split()[:1]
    return any(w[:1].isupper() for w in (*before, *after))


KNOWN_NAME_REACH = 60  # characters a known origin's name may run past where a stop word cut it


def _whole_known_name(text: str, s: int, e: int, end: int, lexicon: Lexicon) -> int:
    """"nach Angaben des Archivs der öffentlichen Versammlungen": a stop word ("der") cut the
    source, but a known origin's name runs on past it; the source ends where that name does."""
    for m in lexicon.origin_terms.finditer(text, s, min(end, e + KNOWN_NAME_REACH)):
        if m.start < e < m.end:
            return m.end
    return e


def _in_relative_clause(text: str, start: int, pos: int, p: _Patterns) -> bool:
    """True when the words between the last comma (or the sentence's start) and `pos` open a
    relative clause: what stands at `pos` ends an aside, it is not the sentence's subject."""
    lead = text[max(start, text.rfind(",", start, pos) + 1):pos]
    return bool(lead.strip()) and p.relative.match(lead) is not None


def _clause_end(text: str, pos: int, end: int, p: _Patterns) -> int:
    that = p.that.match(text, _skip_space(text, pos, end), end)
    return that.end() if that else pos


def _trim(text: str, s: int, e: int, p: _Patterns) -> tuple[int, int]:
    """Without surrounding spaces and quotes, nor words that follow a name ("X later said")."""
    while s < e and text[s] in " \t'’\"":
        s += 1
    while e > s and text[e - 1] in " \t'’\"":
        e -= 1
    tail = p.trailing.search(text, s, e)
    if tail and tail.end() == e and tail.start() > s:
        e = tail.start()
    return s, e


def _opening_name(text: str, start: int, end: int, p: _Patterns) -> tuple[int, int] | None:
    """The span of two or more capitalised words that open a sentence without an article
    ("Innenminister Roger Lewentz hält …"): a named subject; None for "Die Zahl", "Am Freitag"."""
    words = list(re.finditer(r"[^\W\d_][\w'’-]*", text[start:end]))
    run: list[re.Match[str]] = []
    for w in words:
        if not w.group()[:1].isupper() or w.group().casefold() in p.pronouns \
                or (run and not text[start + run[-1].end():start + w.start()].isspace()):
            break
        run.append(w)
    if len(run) < 2 or p.articles.match(run[0].group() + " ") or run[0].start() > 1:
        return None
    return start + run[0].start(), start + run[-1].end()


def _previous_speaker(text: str, start: int, lexicon: Lexicon, lang: str | None, written_in: str | None = None) -> str | None:
    """The origin named last in the sentences of this paragraph before `start`."""
    paragraph = text.rfind("\n", 0, start) + 1
    for sent in reversed(split_sentences(text, paragraph, start)):
        named = [a for a in find_attributions(text, sent.start, sent.end, lexicon, lang, resolve_pronouns=False,
                                              written_in=written_in) if a.origin]
        if named:
            return named[-1].origin
    return None


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def normalise_origin(text: str, start: int, end: int, lexicon: Lexicon, lang: str | None = None) -> str | None:
    """The origin named in text[start:end]: a known origin, else a named actor, else a proper name.

    Never a pronoun, a bare place, a date, an outlet or a piece of sentence: None then.
    """
    p = patterns(lang, lexicon.extra_dirs)
    best = None
    known = list(lexicon.origin_terms.finditer(text, start, end))
    body = p.body.search(text, start, end)
    if body is not None and any(body.start("x") <= m.start < body.end("x") for m in known) \
            and not any(m.start == body.start("x") and m.end >= body.end("x") for m in known):
        return body.group("x")  # "le syndicat France Police": a union named after the police is not the police
    if _two_voices(text, known):
        return None  # "selon les autorités et la CGT": two voices, and which figure is whose is not said
    for m in known:
        if best is None or (m.end - m.start) > (best.end - best.start):
            best = m
    actor = lexicon.actor_terms.search(text, start, end)
    institution = None
    if actor is not None:
        # The country may sit inside the name: "ministère [ukrainien] de la Défense".
        without = " ".join((text[start:actor.start] + " " + text[actor.end:end]).split())
        institution = lexicon.institution_terms.search(without)
    qualified = (
        f"{lexicon.actor_adjective(actor.key, entity_language())} {institution.key}" if actor is not None and institution is not None else None
    )
    if best is not None:
        # "the Russian Interior Ministry" is not the Interior Ministry of the story's country.
        generic = lexicon.institution_terms.at(best.text, 0)
        if qualified and generic is not None and generic.end == len(best.text) and not _inside(actor, best):
            return qualified
        if actor is None and generic is not None and generic.end == len(best.text):
            # "les autorités locales" in an article whose one named government is Indonesia's:
            # one voice, not two (a rising count between them is an update, not a dispute).
            national = _national_voices(text, lexicon).get(generic.key, ())
            if len(national) == 1:
                return next(iter(national))
        return best.key
    if qualified:
        # "le ministère ukrainien de la Défense", "Ukraine's defence ministry"
        return qualified
    role = _bare_role(text, start, end, p, lexicon.extra_dirs)
    if role is not None:
        return role  # "el mandatario habló de 19 muertos": the office speaks, not the body named before
    if lexicon.anonymous_terms.search(text, start, end):
        return None
    if actor is not None:
        rest = p.articles.sub("", (text[start:actor.start] + " " + text[actor.end:end]).strip() + " ").strip(" 's’")
        # "la Corée du Sud", "Moscou": the country speaks; "un diplomate russe",
        # "Israel's justice ministry" are not the country, nor is "à Paris" where it happened.
        if not rest:
            return None if _after_preposition(text, start) else actor.key
        return None
    return _proper_name(text, start, end, lexicon, p, lang)


_VOICE_PUNCT = lazy_compile(r"[.,;:!?()«»\"“”\n]")
_voices_memo: tuple[str, Lexicon, dict[str, frozenset[str]]] | None = None


def _national_voices(text: str, lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """The one country-qualified institution an article names, by institution ("les autorités
    indonésiennes", "Indonesia's health ministry"), when that country is the one the article
    names most: the voice a bare "authorities" stands for. Read once per article (the last
    one is kept)."""
    global _voices_memo
    memo = _voices_memo
    if memo is not None and memo[0] is text and memo[1] is lexicon:
        return memo[2]
    found: dict[str, set[str]] = {}
    mains: set[str] = set()
    actors = list(lexicon.actor_terms.finditer(text))
    # The country the article names most: a foreign government sending help is another voice.
    ranked = Counter(a.key for a in actors).most_common(2)
    main = ranked[0][0] if ranked and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]) else None
    for a in actors:
        before = _VOICE_PUNCT.split(text[max(0, a.start - 40):a.start])[-1].split()[-3:]
        after = _VOICE_PUNCT.split(text[a.end:a.end + 40])[0].split()[:4]
        head = " ".join(before)
        phrase, slot = f"{head} {' '.join(after)}", len(head)
        for m in lexicon.institution_terms.finditer(phrase):
            if m.start - 4 <= slot <= m.end + 1:  # "autorités [indonésiennes]", "[Indonesia]'s health ministry"
                voice = f"{lexicon.actor_adjective(a.key, entity_language())} {m.key}"
                found.setdefault(m.key, set()).add(voice)
                if a.key == main:
                    mains.add(voice)
    # one country's institution named, and that country the article's: else no voice is sure
    voices = {k: frozenset(v) for k, v in found.items() if len(v) == 1 and v <= mains}
    _voices_memo = (text, lexicon, voices)
    return voices


def _after_time_words(words: list[str], lexicon: Lexicon, lang: str | None) -> list[str]:
    """The words after an opening time or place ("On Sunday the mayor", "Bis
    Donnerstagabend", "In Hessen"): a time or a place after a preposition never starts a name."""
    tw = lexicon.times.grammar(lang).lex
    openers = {w.casefold() for w in tw.prepositions}
    i = 0
    while i < len(words) and words[i].casefold().strip(",.") in openers:
        i += 1
    if i == len(words):
        return words
    rest, whole = " ".join(words[i:]), " ".join(words)
    for phrase in (whole, rest):  # "In March" needs its preposition; "Donnerstagabend" does not
        time = next(iter(lexicon.times.find_times(phrase, lang, _ANY_DAY)), None)
        if time is not None and time.start == 0:
            return phrase[time.end:].split()
    if i and (getattr(lexicon.place_terms, "terms", lexicon.place_terms).at(rest, 0) is not None
              or load_gazetteer().lookup(rest, lang) is not None):
        return []  # "In Hessen gab es 31 Tote"
    if i and words[i][:1].isupper():
        return []  # "Im WDR sprach er": where it was said, not who ("von der Leyen" goes on lowercase)
    return words


_ANY_DAY = dt.date(2000, 1, 3)  # times are only located here, never resolved


@functools.lru_cache(maxsize=8)
def _roles(extra_dirs: tuple[Path, ...] = ()) -> dict[str, str]:
    """attribution.yaml `roles`: each bare office, case-folded, to the role it names ("head of state")."""
    out: dict[str, str] = {}
    for spec in load_attribution_words(extra_dirs).values():
        for role, words in (spec.get("roles") or {}).items():
            out.update({" ".join(str(w).casefold().replace("’", "'").split()): str(role).replace("_", " ") for w in words or ()})
    return out


def _bare_role(text: str, start: int, end: int, p: _Patterns, extra_dirs: tuple[Path, ...]) -> str | None:
    """The role a bare office names ("the president", "le chef de l'État", "der Präsident"),
    with no name nor country to it: a voice of its own. None for anything else."""
    words = text[start:end].strip(" ,'’\"").split()
    for k in range(len(words)):
        # "en la víspera el presidente habló": a time before the subject, not a complement of it
        if k and (not p.articles.match(words[k] + " ") or (len(words[k - 1]) <= LINK_WORD and words[k - 1].islower())):
            continue
        phrase = p.articles.sub("", " ".join(words[k:]) + " ").strip()
        role = _roles(extra_dirs).get(" ".join(phrase.casefold().replace("’", "'").split()))
        if role is not None:
            return role
    return None


def _two_voices(text: str, known: Sequence[Any]) -> bool:
    """Two known origins joined by "and" ("les autorités et la CGT"), not a title and a name
    ("le secrétaire du Conseil de sécurité, Sergueï Choïgou")."""
    joins = {w.casefold() for w in scope_words("coordinated_place.joins")}
    for a, b in zip(known, known[1:]):
        between = re.findall(r"[\w'’]+", text[a.end:b.start])
        if a.key != b.key and between and len(between) <= 3 and between[0].casefold() in joins:
            return True
    return False


def _after_preposition(text: str, start: int) -> bool:
    """"… dont 25 000 à Paris, a rapporté la CGT": a place after a preposition is where, not who."""
    before = re.findall(r"[\w'’]+", text[max(0, start - 12):start])
    openers = {w.casefold().rstrip("'’") for w in scope_words("place.prepositions")}
    return bool(before) and before[-1].casefold().rstrip("'’") in openers


def _place_phrase(text: str, s: int, e: int) -> bool:
    """A phrase that opens on a preposition of place, after at most one adverb ("Besonders
    in der Provinz X", "Im Kreis Y"): it says where the figure is, it never names who spoke."""
    words = re.findall(r"[\w'’]+", text[s:e])[:2]
    openers = {w.casefold().rstrip("'’") for w in scope_words("place.prepositions")}
    return any(w.casefold().rstrip("'’") in openers for w in words)


def _capital_speaking(raw: str, gazetteer: Gazetteer, lang: str | None) -> str | None:
    """The country whose capital speaks ("given by Amman", "Moscou affirme"): in news a
    capital named as a source is its government; any other bare place is not a source."""
    place = gazetteer.lookup(raw, lang)
    return country_of_capital(place) if place is not None else None


def _inside(actor: Any, match: Any) -> bool:
    return bool(match.start <= actor.start and actor.end <= match.end)


def _leading_name(words: list[str]) -> list[str]:
    """The capitalised words that open a phrase, with short lowercase words between them
    ("Centro de Integración de Datos")."""
    run: list[str] = []
    for i, w in enumerate(words):
        if w[:1].isupper():
            run.append(w)
        elif run and len(w) <= 3 and w.islower() and i + 1 < len(words) and words[i + 1][:1].isupper():
            run.append(w)
        else:
            break
    if len(run) == 1 and sum(ch.isupper() for ch in run[0]) >= 2:
        return run  # "Snes-FSU", "AEMET": one word, but a name
    return run if sum(w[:1].isupper() for w in run) >= 2 else []


TIME_LEAD = 12  # characters before a source's span where a time's preposition may stand ("am Abend")


def _proper_name(text: str, start: int, end: int, lexicon: Lexicon, p: _Patterns, lang: str | None = None) -> str | None:
    """An unknown but named source: a proper noun ("John Smith", "Institute for the Study of War"),
    not a common noun that opens a sentence ("Le ministère"), a place, a date or an outlet."""
    if p.indefinite.match(text, start, end):
        return None
    # "am Abend nannte er": a time whose preposition lies before the span is no name either
    opening = lexicon.times.find_times(text, lang, _ANY_DAY, max(0, start - TIME_LEAD), min(end, start + TIME_LEAD))
    start = max([start, *(t.end for t in opening if t.start < start < t.end)])
    if start >= end:
        return None
    times = lexicon.times.find_times(text, lang, _ANY_DAY, start, end)  # any day: "am Sonntag" is found, never resolved
    if times:
        end = min(end, times[0].start)  # "A Saudi official on Friday": the time is not the name
    full = text[start:end].strip(" ,'’\"")
    if known_publisher(full) is not None:
        return None  # "Le Monde": an outlet reports; it is not where a figure comes from
    raw = p.articles.sub("", full).strip()
    if (only := p.articles.match(raw + " ")) is not None and only.end() == len(raw) + 1:
        return None  # "Die bestätigte Zahl": an article before a participle read as a verb is no name
    adverb = p.trailing.search(f" {raw}")
    if adverb is not None and adverb.start() == 0:
        return None  # "Später sagte Weber": an adverb that may follow a name is no name itself
    raw = p.trailing.sub("", raw).strip()
    words = _after_time_words([w for w in raw.split() if w], lexicon, lang)
    raw = " ".join(words)
    if not words or raw.casefold() in p.pronouns or any(not _in_name_run(raw, m) for m in p.any_verb.finditer(raw)):
        return None
    if p.articles.match(full) and not words[0][:1].isupper() and len(words) >= 2 and words[1][:1].isupper():
        words = words[1:]  # "le cabinet Occurrence", "the charity Oxfam": a common noun, then the name
        raw = " ".join(words)
    elif p.articles.match(full) and not is_title(words[0], office_titles(lexicon.extra_dirs)) \
            and (named := _name_after_noun(words)):
        words = named  # "el grupo independiente 'Registro de Concentraciones'": a noun and its adjective, then the name
        raw = " ".join(words)
    if not words[0][:1].isupper():
        if len(words) >= 3 and all(w[:1].isupper() for w in words[-2:]) and is_title(words[0], office_titles(lexicon.extra_dirs)) \
                and all(_office_word(w) for w in words[1:]):
            return raw  # "le ministre des Transports Jane Roe": an office, then the person
        if _office_of_named(words, office_titles(lexicon.extra_dirs)):
            # "le maire de Tazrit estime que": the one holder of a named place's office, or the
            # person named right after it ("la alcaldesa de Miami-Dade, Jane Roe, quien…").
            return _apposed_name(text, end, p) or raw
        return None
    digits = any(ch.isdigit() for ch in raw)
    ends_lower = len(words) > 1 and words[-1][:1].islower()  # a name does not end on a common word
    if digits or ends_lower or len(words) > 8 or sum(w[:1].isupper() for w in words) < max(1, (len(words) + 1) // 2):
        # "Centro de Integración de Datos (CID) constituido tras la dana": the name is the
        # capitalised run that opens the phrase; what follows describes it.
        words = _leading_name(words) or _name_before_complement(words)
        if not words:
            return None
        raw = " ".join(words)
    if sum(w[:1].isupper() for w in words) < 2 and re.search(rf"(?<!\w){re.escape(words[0].lower())}(?!\w)", text):
        return None  # "Adding figures", "Esa": a common word, capitalised because it opens the sentence
    gazetteer = load_gazetteer()
    capital = _capital_speaking(raw, gazetteer, lang) if not _after_preposition(text, start) else None
    if capital is not None:
        return lexicon.actor_terms.key_of(capital) or capital
    place = getattr(lexicon.place_terms, "terms", lexicon.place_terms).search(raw)  # raw is a new string
    if place is not None and place.start == 0 and place.end == len(raw):
        return None  # "Cologne said": a bare place is not a source
    if gazetteer.lookup(raw, lang) is not None and gazetteer.strongly_named(raw, lang):
        return None  # "Al Haouz", "Taroudant": places the gazetteer knows, not sources
    if known_publisher(raw) is not None:
        return None  # an outlet reports; it is not where a figure comes from
    if len(words) == 1:
        return _named_in_full(text, start, raw, lexicon, lang) or raw
    return raw


def _office_of_named(words: Sequence[str], titles: frozenset[str]) -> bool:
    """An office and the named place or body it is of ("maire de Tazrit", "mayor of Tazrit",
    "alcalde de Varnel"): one holder, who speaks for the figure. Not "the governor of the
    province", whose complement names nothing."""
    if len(words) < 3 or len(words) > 6 or not is_title(words[0], titles):
        return False
    links = 1
    while links < len(words) and words[links].islower() and len(words[links]) <= 3:
        links += 1  # "de", "de la", "of", "von", "del"
    rest = words[links:]
    return 1 <= links - 1 <= 2 and bool(rest) and all(_office_word(w) and w.split("'")[-1].split("’")[-1][:1].isupper() for w in rest)


_APPOSED = lazy_compile(r",\s+((?:[A-ZÀ-Ý][\w'’-]+\s+){1,3}[A-ZÀ-Ý][\w'’-]+)(?=\s*[,.;:)]|\s*$)")


def _apposed_name(text: str, end: int, p: _Patterns) -> str | None:
    """The person named between commas right after an office, else None."""
    m = _APPOSED.match(text, end)
    if m is None:
        return None
    after = text[m.end():m.end() + 30]
    if after[:1] == "," and not after[1:].strip()[:1].isdigit() and p.relative.match(after[1:]) is None \
            and not p.reporting.search(" " + after[1:]):
        return None  # "…, Derna, Benghazi, …": a list, not a name in apposition
    return m.group(1)


def _name_before_complement(words: Sequence[str]) -> list[str]:
    """"Renfe en una primera nota de prensa", "Oxfam in a statement": one capitalised word
    followed by a complement opened by a preposition is that name."""
    openers = {w.casefold() for w in scope_words("place.prepositions")}
    if len(words) >= 3 and words[0][:1].isupper() and words[0].isalpha() and words[1].casefold() in openers:
        return [words[0]]
    return []


def _office_word(word: str) -> bool:
    """A word of an office's complement or of a name: capitalised ("Transports", "l'Intérieur"),
    or a short linking word ("des", "de la"); never "en una entrevista con el canal"."""
    bare = word.split("'")[-1].split("’")[-1]
    return bare[:1].isupper() or len(word) <= 3


FULL_NAME_LOOKBACK = 5  # earlier mentions of a surname read to find the person's full name
_NAME_BEFORE = lazy_compile(r"(?:[A-ZÀ-Ý][\w'’.-]*[ \u00a0]){1,3}$")


def _named_in_full(text: str, start: int, surname: str, lexicon: Lexicon, lang: str | None) -> str | None:
    """"Cava said" after "Daniella Levine Cava": the person the article named in full before,
    as that mention's source reads ("the mayor Daniella Levine Cava"), else the full name."""
    if _looking_back.get():
        return None  # the earlier mention's own source is read without looking further back
    token = _looking_back.set(True)
    try:
        return _full_name_before(text, start, surname, lexicon, lang)
    finally:
        _looking_back.reset(token)


_looking_back: contextvars.ContextVar[bool] = contextvars.ContextVar("looking_back", default=False)


def _full_name_before(text: str, start: int, surname: str, lexicon: Lexicon, lang: str | None) -> str | None:
    pos, tries = start, 0
    function_words = {w.casefold() for w in scope_words("capital_function_words")}
    while tries < FULL_NAME_LOOKBACK and (pos := text.rfind(surname, 0, pos)) > 0:
        end = pos + len(surname)
        if text[pos - 1] not in " \u00a0" or text[end:end + 1].isalnum():
            continue
        tries += 1
        run = _NAME_BEFORE.search(text, max(0, pos - 60), pos)
        if run is None:
            continue
        names = run.group().split()
        while names and names[0].casefold() in function_words:
            names = names[1:]  # "Selon Daniella Levine Cava": the preposition is no name
        if not names:
            continue
        name_start = pos - len(" ".join(names)) - 1
        paragraph, paragraph_end = text.rfind("\n", 0, pos) + 1, text.find("\n", pos)
        for sent in split_sentences(text, paragraph, len(text) if paragraph_end < 0 else paragraph_end):
            if sent.start <= pos < sent.end:
                for a in find_attributions(text, sent.start, sent.end, lexicon, lang, resolve_pronouns=False):
                    if a.start <= pos < a.end and a.origin and a.origin != surname:
                        return a.origin
        found = _proper_name(text, name_start, end, lexicon, patterns(lang, lexicon.extra_dirs), lang)
        if found is not None and found != surname and found.endswith(surname):
            return found
    return None


# --- short forms of an origin --------------------------------------------------------------


@dataclass(frozen=True)
class ShortForm:
    """An origin whose bare name, in a story that names another origin in full, is that one."""

    aliases: tuple[str, ...]  # the origin's own names, to tell a bare mention from a qualified one
    stands_for: Mapping[str, tuple[str, ...]]  # the longer origin -> the phrases that name it in full


@functools.lru_cache(maxsize=8)
def origin_short_forms(extra_dirs: tuple[Path, ...] = ()) -> dict[str, ShortForm]:
    """origins.yaml `short_for`, by origin: "préfecture" stands for "préfecture de police"."""
    data = load_merged(DATA_FILE.with_name("origins.yaml"), extra_dirs).get("origins") or {}
    out = {}
    for key, spec in data.items():
        short = (spec or {}).get("short_for") or {}
        if short:
            out[str(key)] = ShortForm(
                tuple(str(a) for a in [key, *(spec.get("aliases") or ())]),
                {str(k): tuple(str(w) for w in v or ()) for k, v in short.items()},
            )
    return out


@functools.lru_cache(maxsize=8)
def origin_sides(extra_dirs: tuple[Path, ...] = ()) -> dict[str, str]:
    """origins.yaml `side`, by origin, case-folded: "Fridays for Future" speaks on the organisers'
    side, so the two are one side when figures are set against or beside each other."""
    data = load_merged(DATA_FILE.with_name("origins.yaml"), extra_dirs).get("origins") or {}
    return {str(key).casefold(): str(spec["side"]) for key, spec in data.items() if isinstance(spec, Mapping) and spec.get("side")}


@functools.lru_cache(maxsize=8)
def _origin_flags(extra_dirs: tuple[Path, ...] = ()) -> tuple[frozenset[str], frozenset[str]]:
    """The known origins and, among them, the relays (origins.yaml `relay`), case-folded."""
    data = load_merged(DATA_FILE.with_name("origins.yaml"), extra_dirs).get("origins") or {}
    known = frozenset(str(key).casefold() for key in data)
    relays = frozenset(str(key).casefold() for key, spec in data.items() if isinstance(spec, Mapping) and spec.get("relay"))
    return known, relays


@functools.lru_cache(maxsize=8)
def _relay_words(extra_dirs: tuple[Path, ...] = ()) -> re.Pattern[str]:
    """The words that name a news agency (attribution.yaml `relays`, `relays_before_name`)."""
    specs = list(load_attribution_words(extra_dirs).values())
    parts = []
    if _words(specs, "relays"):
        parts.append(rf"(?<!\w)(?i:{_alt(_words(specs, 'relays'))})(?!\w)")
    if _words(specs, "relays_before_name"):
        parts.append(rf"(?<!\w)(?i:{_alt(_words(specs, 'relays_before_name'))})\s+[A-ZÀ-ÝŒ]")
    return re.compile("|".join(parts) or "(?!)")


def is_relay(attribution: Attribution, extra_dirs: tuple[Path, ...] = ()) -> bool:
    """A news agency that passes on another source's figure ("according to Reuters", "selon
    l'agence de presse X"); a known origin of another kind ("South Korea's spy agency") is not."""
    known, relays = _origin_flags(extra_dirs)
    origin = (attribution.origin or "").casefold()
    if origin in relays:
        return True
    if origin in known:
        return False
    return _relay_words(extra_dirs).search(attribution.text) is not None


@functools.lru_cache(maxsize=8)
def _caller_frames(lang: str | None, extra_dirs: tuple[Path, ...] = ()) -> tuple[re.Pattern[str], ...]:
    """The language's frames around the body that called the event (attribution.yaml `callers`)."""
    words = load_attribution_words(extra_dirs)
    specs = [words[lang]] if lang in words else list(words.values())
    return tuple(re.compile(_frame(f), re.IGNORECASE) for f in sorted(set(_words(specs, "callers"))))


@functools.lru_cache(maxsize=8)
def _caller_origin(extra_dirs: tuple[Path, ...] = ()) -> tuple[str | None, frozenset[str]]:
    """The origin a caller speaks for (origins.yaml `caller`), and the government origins, which
    never organise a march ("organisé par la préfecture" is no organisers' count)."""
    data = load_merged(DATA_FILE.with_name("origins.yaml"), extra_dirs).get("origins") or {}
    specs = [(str(key), spec) for key, spec in data.items() if isinstance(spec, Mapping)]
    caller = next((key for key, spec in specs if spec.get("caller")), None)
    return caller, frozenset(key for key, spec in specs if spec.get("kind") in ("government", "military", "intelligence"))


_callers_memo: tuple[str, Lexicon, str | None, frozenset[str]] | None = None
_BODY_WORD = lazy_compile(r"([^\W\d_]+)\s+(?=[A-ZÀ-ÝŒ])")  # "syndicat FNTU": the noun before a body's name


@functools.lru_cache(maxsize=8)
def _body_nouns(extra_dirs: tuple[Path, ...] = ()) -> frozenset[str]:
    """The nouns that introduce a body's own name, in every language (attribution.yaml `bodies`)."""
    return frozenset(w.casefold() for w in _words(list(load_attribution_words(extra_dirs).values()), "bodies"))


def _callers(text: str, lexicon: Lexicon, lang: str | None) -> frozenset[str]:
    """The origins an article names as the event's caller; read once per article."""
    global _callers_memo
    memo = _callers_memo
    if memo is not None and memo[0] is text and memo[1] is lexicon and memo[2] == lang:
        return memo[3]
    found = set()
    for rx in _caller_frames(lang, lexicon.extra_dirs):
        for m in rx.finditer(text):
            start = m.start("x")
            body = _BODY_WORD.match(text, start, m.end("x"))
            if body is not None and body.group(1).casefold() in _body_nouns(lexicon.extra_dirs):
                start = body.end()  # "à l'appel du syndicat X": the body is X
            origin = normalise_origin(text, start, m.end("x"), lexicon, lang)
            if origin is not None:
                found.add(_bare_body(origin, lexicon))
    callers = frozenset(found)
    _callers_memo = (text, lexicon, lang, callers)
    return callers


def organisers_voice(origin: str, text: str, lexicon: Lexicon, lang: str | None = None) -> str | None:
    """"Una huelga convocada por el sindicato X. … X aseguró que marcharon 90.000": the body the
    article names as the caller speaks for the organisers (origins.yaml `caller`), so its figure
    never disputes theirs. None when the article names it so nowhere."""
    caller, official = _caller_origin(lexicon.extra_dirs)
    if caller is None or origin == caller or origin in official or _bare_body(origin, lexicon) not in _callers(text, lexicon, lang):
        return None
    return caller


def _bare_body(name: str, lexicon: Lexicon) -> str:
    """"Gewerkschaft FNTU" -> "FNTU": a body's name without the noun that introduces it."""
    body = _BODY_WORD.match(name)
    return name[body.end():] if body is not None and body.group(1).casefold() in _body_nouns(lexicon.extra_dirs) else name


def bare_mention(quote: str, aliases: Sequence[str], extra_dirs: tuple[Path, ...] = ()) -> bool:
    """"la préfecture", "the prefecture": one of the aliases, with an article at most."""
    bare = patterns(None, extra_dirs).articles.sub("", quote.strip(" ,.;:'’\"-")).strip()
    return normalise(bare) in {normalise(a) for a in aliases}


# --- offices before names ------------------------------------------------------------------

NAME_PARTICLES = frozenset({"de", "del", "della", "di", "da", "do", "dos", "van", "von", "der", "la", "le", "bin", "ben", "al"})


@functools.lru_cache(maxsize=8)
def office_titles(extra_dirs: tuple[Path, ...] = ()) -> frozenset[str]:
    """Offices written before a person's name, in every language pack (attribution.yaml `titles`)."""
    return frozenset(str(w).casefold() for spec in load_attribution_words(extra_dirs).values() for w in spec.get("titles") or ())


COMPOUND_TITLE = 6  # an office this long also ends a compound word: "Verkehrsminister", "Polizeisprecher"


def is_title(word: str, titles: frozenset[str]) -> bool:
    w = word.casefold().strip(".,")
    return w in titles or any(len(t) >= COMPOUND_TITLE and w.endswith(t) for t in titles)


def name_after_title(name: str, titles: frozenset[str]) -> str | None:
    """"Prime Minister Jane Roe" -> "Jane Roe": the capitalised name that closes the phrase when
    an office stands right before it. None when there is no office, or the rest is one word."""
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        if is_title(words[i], titles):
            rest = words[i + 1:]
            if len(rest) >= 2 and rest[0][:1].isupper() and rest[-1][:1].isupper() and all(
                w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in rest
            ) and not any(is_title(w, titles) for w in rest):
                return " ".join(rest)
            return None
    return None
