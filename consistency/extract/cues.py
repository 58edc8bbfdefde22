"""The words around a figure that decide its scope, per language (data/cues.yaml).

Claims need to know whether a figure is a part of the total before it ("dont 65 000 à
Paris"), a projection ("could reach"), a difference ("12,000 fewer"), for the whole country
("nationwide"), or counts what an earlier phrase named ("the death toll rose to 115"). Those
words differ by language, so they are data; this module only compiles them, once per
language, on first use.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from consistency.errors import InputError
from consistency.extract.datafiles import load_merged
from consistency.extract.lexicon import Terms

DATA_FILE = Path(__file__).with_name("data") / "cues.yaml"
SECTIONS = (
    "value_prepositions",
    "value_adverbs",
    "part_before",
    "part_after",
    "severe_after",
    "lives_after",
    "lives_cost",
    "part_opener",
    "projection",
    "indirect_mood",
    "indirect_frame",
    "conditional",
    "difference_after",
    "nationwide",
    "there",
    "region_back",
    "region_subject",
    "source_after",
    "clitic_back",
    "scheduled",
    "nationwide_before",
    "capital",
    "locative_before",
    "gap_stops",
    "not_counted_before",
    "capacity",
    "estimate_before",
    "projection_after",
    "guess_between",
    "subgroup_after",
    "member_after_name",
    "member_before_name",
    "limited_back",
    "death_sites",
    "since",
    "increment_before",
    "change_by",
    "respectively",
    "listing_before",
    "subperiod_after",
    "count_anaphor",
    "relative_count",
    "partitive",
    "overall",
    "elided_article",
    "elided_after",
    "negated_before",
    "several_places",
    "unnamed_area",
    "part_of_place",
    "then_back",
    "day_back",
    "day_after",
    "before_this",
    "rest_after",
    "rest_where",
    "recovered_before",
    "today",
    "revision",
    "change",
    "revision_from",
    "revision_to",
    "revision_not",
    "revision_stated",
    "revision_earlier",
    "revision_opening",
    "aboard_before",
    "revision_up",
    "compared_to",
    "victim_verbs",
    "state_copulas",
    "subject_copulas",
    "subject_pronouns",
    "figure_infinitive",
    "state_ends",
    "storeys_after",
    "building_before",
    "recalled_before",
    "recalled_after",
    "event_site_before",
    "later_than_event",
    "recall_compared",
    "rebuttal_object",
    "rebuttal",
    "disaster_nouns",
    "people_kinds",
    "kind_joins",
    "negation",
    "negation_none",
    "carrying_before",
    "gathering_subject",
    "gathering_toll",
    "covered_back",
)


@dataclass(frozen=True)
class Cues:
    """The cue words of one language (of all languages when the language is unknown)."""

    count_phrases: Terms  # key "toll" (counts the dead) or "count" (counts the noun after it)
    beyond: Terms  # key: the wider area ("Europe", "World") a figure covers
    state_after: Terms  # key: the state the counted are in now ("were inside", "siguen hospitalizados"), an event of events.yaml
    state_before: Terms  # the same, said before the figure ("befanden sich 420 Bergleute", "han sido identificados 24")
    state_fronted: Terms  # the same, said by a phrase that opens the sentence ("With these identifications, 24 victims")
    value_prepositions: Terms
    value_adverbs: Terms  # "now", "désormais", "inzwischen", "ya": between the value word and the figure
    part_before: Terms
    part_after: Terms
    severe_after: Terms  # "11 davon schwer", "25 de ellos graves", "dont 3 grièvement": the critically injured among the injured
    lives_after: Terms  # "das Leben": right after what is counted, the lives a verb of `lives_cost` took
    lives_cost: Terms  # "kosteten": earlier in the clause ("kosteten die Stürme sechs Menschen das Leben")
    part_opener: Terms
    projection: Terms
    indirect_mood: Terms  # "würden": a projection word that is also the mood of reported speech
    indirect_frame: Terms  # "heißt es", "teilte", ", so die": a frame of reported speech
    conditional: Terms  # "wenn", "falls", "sollte": a condition, so the mood is a forecast
    difference_after: Terms
    nationwide: Terms
    there: Terms
    region_back: Terms
    region_subject: Terms  # "the county", "el condado": a place named before, referred to by its kind
    source_after: Terms
    clitic_back: Terms
    scheduled: Terms
    nationwide_before: Terms
    capital: Terms
    locative_before: Terms
    gap_stops: Terms
    not_counted_before: Terms
    capacity: Terms
    estimate_before: Terms  # "estime que", "estimates that", "schätzt, dass", "estima que": a toll one source reckons
    projection_after: Terms  # "», avait prévenu", "\", warned": a quoted figure given as a warning, not a count
    guess_between: Terms  # "voire", "or even", "incluso", "wenn nicht": between the two figures of one guess
    subgroup_after: Terms
    member_after_name: Terms  # "fire", "-Feuer": after a proper name, one named incident of several ("the Eaton fire")
    limited_back: Terms  # "These numbers are just for", "Ces chiffres ne concernent que": opening a sentence, limits the figures before
    member_before_name: Terms  # "incendie de", "incendio": before a proper name, the same ("l'incendie de Palisades")
    death_sites: Terms  # "in their homes", "à leur domicile", "in Kellern", "en garajes": the dead of some places only
    since: Terms
    increment_before: Terms
    respectively: Terms  # "respectively", "respectivamente": figures matched to nouns by rank
    change_by: Terms  # "um", "by", "en": before the step of a change ("stieg um 7 auf 117")
    listing_before: Terms
    subperiod_after: Terms
    count_anaphor: Terms
    relative_count: Terms
    partitive: Terms
    overall: Terms
    elided_article: Terms
    elided_after: Terms
    negated_before: Terms
    several_places: Terms
    unnamed_area: Terms
    part_of_place: Terms  # "the smallest of the", "l'une des", "una de las", "eine der": right before a place, a part of it
    then_back: Terms
    day_back: Terms  # "Celle-ci", "the latter", "Diese hatte", "Esta había": the day the sentence before closed on
    day_after: Terms  # "le lendemain", "the next day", "am Folgetag", "al día siguiente": the day after one the story told
    before_this: Terms  # "avant ce", "before this", "vor diesem", "antes de este": before an event noun, a time before the story's event
    rest_after: Terms  # "the rest", "les autres", "alle weiteren", "el resto": the remainder of a toll elsewhere
    rest_where: Terms  # "in", "à", "auf", "en": where a part and the rest died
    recovered_before: Terms  # "the remains of", "les corps de", "die Leichen von", "los restos de": a batch recovered
    today: Terms  # "today", "aujourd'hui", "heute", "hoy"
    revision: Terms  # "révisé", "revised down", "nach unten korrigiert", "rebajó": a count corrected
    revision_up: Terms  # "revised up", "revu à la hausse", "nach oben korrigiert", "al alza": corrected upwards
    change: Terms  # "passé", "rose", "stieg", "elevó": a count that moved from one figure to another
    revision_from: Terms  # "de", "from", "von", "de": before the figure that was replaced
    revision_to: Terms  # "à", "to", "auf", "a": before the figure that replaced it
    revision_not: Terms  # "et non", "not", "nicht", "y no": before a figure the text corrects
    revision_stated: Terms  # "comme indiqué", "as stated", "wie zunächst", "como se indicó": after it
    revision_earlier: Terms  # "initialement", "initially", "zunächst", "inicialmente": before a figure later revised
    revision_opening: Terms  # "Un peu plus tôt", "Earlier", "Zuvor", "Anteriormente": opening a report of a replaced figure
    aboard_before: Terms  # "avec", "carrying", "mit", "con": right before a count of passengers, those aboard
    compared_to: Terms  # "contre", "compared with", "gegenüber", "frente a": before a figure set against another
    victim_verbs: Terms
    state_copulas: Terms  # "were", "confirmed", "sind", "fueron": between a bare figure and what happened to those it counts
    subject_copulas: Terms  # "étaient", "numbered", "waren", "eran": between the counted subject and its figure ("Les manifestants étaient 450 000")
    subject_pronouns: Terms  # "ils", "elles": a subject before such a copula, counted by the verb after the figure
    figure_infinitive: Terms  # "à": after the figure, before the verb that says what those counted did ("ils étaient 37 000 à défiler")
    state_ends: Terms  # "after", "in", "since": may follow "42 missing" without being a noun it qualifies ("missing documents")
    storeys_after: Terms  # "12 étages", "12-story", "12-stöckig", "12 plantas": a building's floors, never a count
    building_before: Terms  # "edificio de", "immeuble de": a figure right after it sizes the building
    recalled_before: Terms  # "la anterior huelga", "the previous strike": right before an event noun, an earlier event
    recalled_after: Terms  # "la huelga anterior", "la grève précédente": right after an event noun, the same
    event_site_before: Terms  # "the site of", "sur les lieux du", "am Ort des", "en el lugar del": the event noun names a place
    later_than_event: Terms  # "after", "après", "nach", "tras": a time before them and an event noun is later than the event
    recall_compared: Terms  # "than", "que en", "als beim", "cette fois": a figure set against the earlier event is the current one's
    rebuttal_object: Terms  # "diese Zahl", "that figure", "ce chiffre", "esa cifra": a figure just given, referred to
    rebuttal: Terms  # "zu hoch", "inflated", "exagéré", "exagerada": said of it, it is disputed
    disaster_nouns: Terms  # "catastrophe", "disaster", "Katastrophe", "tragedia": a general name of the story's event
    people_kinds: Terms  # "hommes", "women", "Minderjährige", "menores": a kind of people a breakdown splits a count by
    kind_joins: Terms  # "et", "and", "und", "y": what joins the last two items of such a breakdown
    negation: Terms  # "not", "pas", "nicht", "no": before what happened, those counted are not in that state
    negation_none: Terms  # "no hubo", "there were no", "es gab keine": no people of another kind, not a denied state
    carrying_before: Terms  # "carrying", "transportait", "llevaba": a vessel's load of people, those aboard
    gathering_subject: Terms  # "la manifestation", "the march", "die Kundgebung", "la marcha": one protest as a subject
    gathering_toll: Terms  # "a fait", "left", "forderte", "dejó": that protest's verb before its toll
    covered_back: Terms  # "las cifras cubren", "these figures cover": a sentence giving the period of the figures before it


_GROUPED = ("count_phrases", "beyond", "state_after", "state_before", "state_fronted")  # sections whose words are grouped by a key


def _check(data: Mapping[str, Any], where: str) -> None:
    """Every problem at once: unknown sections and entries that are not word lists."""
    problems = []
    for section, spec in data.items():
        if section not in _GROUPED and section not in SECTIONS:
            problems.append(f"unknown section {section!r} (known: {', '.join(_GROUPED)}, {', '.join(SECTIONS)})")
            continue
        grouped = section in _GROUPED and isinstance(spec, Mapping)
        groups = spec.items() if grouped else [(section, spec)]
        for name, langs in groups:
            if not isinstance(langs, Mapping):
                problems.append(f"{name}: expected one word list per language (fr: [...], en: [...])")
                continue
            for lang, words in langs.items():
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words):
                    problems.append(f"{name}.{lang}: expected a list of words")
    if problems:
        raise InputError(f"{where}: " + "; ".join(problems))


@functools.lru_cache(maxsize=4)
def _data(extra_dirs: tuple[Path, ...]) -> Mapping[str, Any]:
    data = load_merged(DATA_FILE, extra_dirs)
    _check(data, str(DATA_FILE))
    return data


def _words(spec: Mapping[str, Any], lang: str | None) -> list[str]:
    if lang and lang in spec:
        return [str(w) for w in spec.get(lang) or ()]
    return [str(w) for words in spec.values() for w in words or ()]


@functools.lru_cache(maxsize=16)
def cues_for(lang: str | None, extra_dirs: tuple[Path, ...] = ()) -> Cues:
    """The cues of a language; an unknown language gets every language's words."""
    data = _data(extra_dirs)
    phrases = data.get("count_phrases") or {}
    counted = tuple((w, str(key)) for key, spec in phrases.items() for w in _words(spec or {}, lang))
    tables = {name: Terms(tuple((w, name) for w in _words(data.get(name) or {}, lang))) for name in SECTIONS}
    wider = data.get("beyond") or {}
    beyond = tuple((w, str(key)) for key, spec in wider.items() for w in _words(spec or {}, lang))
    states = {name: Terms(tuple((w, str(key)) for key, spec in (data.get(name) or {}).items() for w in _words(spec or {}, lang)))
              for name in ("state_after", "state_before", "state_fronted")}
    return Cues(count_phrases=Terms(counted), beyond=Terms(beyond), **states, **tables)
