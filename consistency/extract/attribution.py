"""Who said it: "selon X", "X a déclaré", « … », a déclaré X, "according to X", "X said".

The words that name the source are normalised through the origins lexicon, so that
"les renseignements sud-coréens", "NIS" and "Seoul's spy agency" are one origin.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from consistency.extract.lexicon import Lexicon

_VERBS_FR = (
    r"affirm\w*|annonc\w*|déclar\w*|indiqu\w*|estim\w*|rapport\w*|confirm\w*|révél\w*|assur\w*|"
    r"signal\w*|précis\w*|soulign\w*|reconn\w*|avert\w*|expliqu\w*|fait\s+savoir|ajout\w*|"
    r"dénonc\w*|démenti\w*|publi\w*|évalu\w*|chiffr\w*|recens\w*|compt\w*"
)
_VERBS_EN = (
    r"said|says|say|told|reported|reports|estimated|estimates|announced|announces|confirmed|"
    r"stated|claimed|claims|revealed|added|noted|wrote|warned|assessed|counted|put\s+the\s+(?:figure|number|toll)"
)
_AUX_FR = r"(?:a|ont|avait|avaient|aurait|auraient|avait\s+déjà|a\s+déjà|vient\s+d['’]|viennent\s+d['’])\s+(?:été\s+)?"
_AUX_EN = r"(?:has\s+|have\s+|had\s+)?"
_NP = r"[^,.;:!?«»\"“”()\n]{2,90}?"

# Source named after a preposition: "selon X", "d'après X", "according to X", "cité par X".
_PREP = re.compile(
    r"(?<!\w)(?:selon|d['’]après|de\s+source|cités?\s+par|citées?\s+par|citant|en\s+citant|"
    r"according\s+to|citing|quoted\s+by|reported\s+by|révélée?s?\s+(?:\w+\s+)?par|"
    r"annoncée?s?\s+(?:\w+\s+)?par|rapportée?s?\s+(?:\w+\s+)?par|publiée?s?\s+(?:\w+\s+)?par)\s+"
    rf"(?P<x>{_NP})(?=\s*(?:[,.;:!?«»\"“”()\n]|$|\s(?:qui|que|qu['’]|which|who|that|a|ont|have|has|,)\s))",
    re.IGNORECASE,
)
# Source before the verb: "La Corée du Sud a affirmé", "Moscou a annoncé", "the ministry said".
_SUBJ = re.compile(
    rf"(?P<x>(?:[A-ZÀ-ÝŒ]|[Ll]es?\s|[Ll]a\s|[Ll]['’]|[Tt]he\s|[Aa]n?\s|[Uu]ne?\s){_NP}),?\s+"
    rf"(?:{_AUX_FR}(?:{_VERBS_FR})|{_AUX_EN}(?:{_VERBS_EN})|(?:signale|affirme|annonce|estime|indique|rapporte|confirme|assure|déclare))\b"
)
# Source after the verb, after a quote: "», a déclaré le ministre", "…," said the ministry.
_INV = re.compile(
    rf"(?:[,»”\"]\s*)(?:{_AUX_FR}(?:{_VERBS_FR})|(?:{_VERBS_EN})|(?:selon|d['’]après))\s+(?P<x>{_NP})(?=\s*[,.;:!?«»\"“”()\n]|$)",
    re.IGNORECASE,
)
_ANY_VERB = re.compile(rf"(?<!\w)(?:{_VERBS_FR}|{_VERBS_EN}|signale|affirme|annonce|estime|indique|rapporte|confirme|assure|déclare)(?!\w)", re.IGNORECASE)
_TOLD = re.compile(rf"(?P<x>{_NP})\s+told\s+(?:Reuters|AFP|the\s+\w+|\w+)", re.IGNORECASE)
_THAT = re.compile(r"(?<!\w)(?:que|qu['’]|that)(?!\w)", re.IGNORECASE)
# A time right after a reporting verb dates the statement, not the facts:
# "a indiqué vendredi 14 novembre", "révélé dimanche", "said on Tuesday".
_STATEMENT_TIME = re.compile(
    rf"(?:{_AUX_FR}(?:{_VERBS_FR})|(?:{_VERBS_EN})(?:\s+on)?|(?:{_VERBS_FR}))\s*(?:ce|cet|cette|le|this|last)?\s*$",
    re.IGNORECASE,
)
# "Un chiffre révélé par…", "This figure was given by…": the source of the figure just before.
_BACKREF = re.compile(
    r"^\W*(?:un|ce|le|ces|les|cet|ce\s+dernier)\s+(?:chiffre|bilan|nombre|décompte|estimation|total)s?\b|"
    r"^\W*(?:the|this|that|these)\s+(?:figure|toll|number|estimate|count|tally)s?\b",
    re.IGNORECASE,
)


def is_statement_time(text: str, start: int) -> bool:
    """True when the time at `start` follows a reporting verb: it dates a statement."""
    return bool(_STATEMENT_TIME.search(text[max(0, start - 40):start]))


def refers_back(text: str, start: int, end: int) -> bool:
    """True when a sentence opens by pointing at the figure before it ("Un chiffre, révélé…")."""
    return bool(_BACKREF.match(text[start:end]))


@dataclass(frozen=True)
class Attribution:
    start: int  # span of the words naming the source
    end: int
    origin: str | None  # normalised origin, None when the source is anonymous
    text: str
    clause_end: int  # where the reporting clause ends ("… a affirmé qu'" → after "qu'"), for scoping times


def find_attributions(text: str, start: int, end: int, lexicon: Lexicon) -> list[Attribution]:
    """Attributions in one sentence, in order of position."""
    found: list[Attribution] = []
    # The verb-anchored patterns are costly; most sentences have no reporting verb at all.
    patterns = (_PREP, _SUBJ, _INV, _TOLD) if _ANY_VERB.search(text, start, end) else (_PREP,)
    for rx in patterns:
        for m in rx.finditer(text, start, end):
            s, e = m.span("x")
            origin = normalise_origin(text, s, e, lexicon)
            if origin is None and not lexicon.anonymous_terms.search(text, s, e):
                continue
            clause_end = m.end()
            that = _THAT.match(text, _skip_space(text, m.end(), end), end)
            if that:
                clause_end = that.end()
            found.append(Attribution(s, e, origin, text[s:e], clause_end))
    found.sort(key=lambda a: (a.start, a.end))
    kept: list[Attribution] = []
    for a in found:
        if kept and a.start < kept[-1].end:
            if kept[-1].origin is None and a.origin is not None:
                kept[-1] = a
            continue
        kept.append(a)
    return kept


def _skip_space(text: str, pos: int, end: int) -> int:
    while pos < end and text[pos].isspace():
        pos += 1
    return pos


def normalise_origin(text: str, start: int, end: int, lexicon: Lexicon) -> str | None:
    """The origin named in text[start:end]: a known origin, else a named actor, else None."""
    best = None
    for m in lexicon.origin_terms.finditer(text, start, end):
        if best is None or (m.end - m.start) > (best.end - best.start):
            best = m
    if best is not None:
        return best.key
    actor = lexicon.actor_terms.search(text, start, end)
    institution = None
    if actor is not None:
        # The country may sit inside the name: "ministère [ukrainien] de la Défense".
        without = " ".join((text[start:actor.start] + " " + text[actor.end:end]).split())
        institution = lexicon.institution_terms.search(without)
    if actor is not None and institution is not None:
        # "le ministère ukrainien de la Défense", "Ukraine's defence ministry"
        return f"{lexicon.actor_adjective(actor.key, 'en')} {institution.key}"
    if lexicon.anonymous_terms.search(text, start, end):
        return None
    if actor is not None:
        words = text[start:end].split()
        # "la Corée du Sud", "Moscou": the country speaks; "un diplomate russe" is not Russia.
        if len(words) <= 4 and not re.match(r"(?i)(?:un|une|des|a|an|some|one)\s", text[start:end]):
            return actor.key
        return None
    raw = _strip_article(text[start:end].strip(" ,'’\""))
    # An unknown but named source: a proper noun ("John Smith", "Institute for the Study of War"),
    # not a common noun that opens a sentence ("Le ministère").
    words = [w for w in re.split(r"\s+", raw) if w]
    if words and words[0][:1].isupper() and sum(w[:1].isupper() for w in words) >= max(1, (len(words) + 1) // 2) and len(words) <= 8:
        return raw
    return None


def _strip_article(raw: str) -> str:
    return re.sub(r"^(?:le|la|les|l['’]|the)\s*", "", raw, flags=re.IGNORECASE).strip()
