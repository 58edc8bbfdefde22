"""Topics: which claims are about the same thing, and the graph that shows it.

Claims are grouped by a key built from their meaning (actor, category, event; place for
dated events). Grouping is a dictionary lookup per claim, so the cost grows linearly with
the corpus: no claim is ever compared with every other one. Names that the lexicons do not
know (an unknown think tank spelled two ways) are merged with rapidfuzz inside blocks that
share a first word, again never across the whole corpus.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from consistency.extract.attribution import NAME_PARTICLES, bare_mention, is_title, name_after_title, office_titles, origin_short_forms
from consistency.extract.lexicon import Lexicon, load_lexicon
from consistency.lazy_re import lazy_compile
from consistency.matching import normalise
from consistency.model import Claim, Result, TimeSpan, Topic, month_label
from consistency.topics import UNKNOWN, topic_id, topic_key
from consistency.topics import block_key as _block

if TYPE_CHECKING:
    import networkx as nx

ALIAS_SCORE = 90  # rapidfuzz token_sort_ratio above which two unknown names are one


def infer_actors(claims: Sequence[Claim]) -> tuple[Claim, ...]:
    """Actors for claims that name none: the one actor their block speaks of, if only one.

    "14 000 soldats déployés" in a block where every other claim is about North Korean
    soldiers is about them too; in a block with several actors it stays unknown.
    """
    actors: dict[tuple[str, ...], set[str]] = defaultdict(set)
    places: dict[tuple[str, ...], set[str | None]] = defaultdict(set)
    for c in claims:
        # A part or a nationality names whose share it is ("36 of the victims were Spanish",
        # "58 Portugiesen"): the others of the block (the whole toll) are not that actor's.
        if c.actor and c.measure != "part" and c.noun_source != "demonym":
            actors[_block(c)].add(c.actor)
            places[_block(c)].add(c.location)
    out = []
    for c in claims:
        known = actors.get(_block(c), set()) if not c.actor else set()
        # Six missing in Belgium say nothing of the missing of a German district: a claim placed
        # elsewhere than every claim that names the actor is not theirs.
        elsewhere = c.location is not None and c.location not in places.get(_block(c), set())
        out.append(replace(c, actor=next(iter(known))) if len(known) == 1 and not elsewhere else c)
    return tuple(out)


def merge_aliases(names: Iterable[str]) -> dict[str, str]:
    """Map each name to one spelling for the names that are the same source written differently.

    Blocking: only names sharing their first significant word are compared.
    """
    blocks: dict[str, list[str]] = defaultdict(list)
    for name in sorted(set(names)):
        # Loose keys: "Yıldırım" and "Yildirim", "Erdoğan" and "Erdogan" are one spelling.
        words = [w for w in normalise(name, loose=True).split() if len(w) > 2 and w not in _STOP]
        blocks[words[0] if words else normalise(name, loose=True)].append(name)
    mapping: dict[str, str] = {}
    if any(len(members) > 1 for members in blocks.values()):
        from rapidfuzz import fuzz  # only when two names can be compared: most single-article runs never do
    for members in blocks.values():
        clusters: list[list[str]] = []
        for name in members:
            for cluster in clusters:
                if fuzz.token_sort_ratio(normalise(name, loose=True), normalise(cluster[0], loose=True)) >= ALIAS_SCORE:
                    cluster.append(name)
                    break
            else:
                clusters.append([name])
        for cluster in clusters:
            canonical = min(cluster, key=lambda n: (len(n), n))
            for name in cluster:
                mapping[name] = canonical
    return mapping


_STOP = {"the", "les", "des", "del", "der", "die", "von", "and"}


def _people(raw: Sequence[str], titles: frozenset[str]) -> dict[str, str]:
    """Each name given with an office mapped to the person: "Transport Minister Jane Roe" and
    "Jane Roe" are one source, and so is "el presidente del Gobierno Jane Roe" when the article
    set also names "Jane Roe" alone."""
    names = set(raw)
    mapping = {n: bare for n in names if (bare := name_after_title(n, titles)) is not None}
    bare_names = sorted({n for n in names if len(n.split()) >= 2 and n not in mapping} | set(mapping.values()))
    by_last = defaultdict(list)
    for b in bare_names:
        by_last[normalise(b.split()[-1], loose=True)].append(b)
    for n in names - set(mapping):
        words = n.split()
        found = by_last.get(normalise(words[-1], loose=True), [])
        for b in found:
            size = len(b.split())
            if b != n and _loose(words[-size:]) == _loose(b.split()) and any(is_title(w, titles) for w in words[:-size]):
                mapping[n] = b
                break
        else:
            own = [w for w in words if not is_title(w, titles)]
            # "Yildiz", "Mr Yıldız" after "Taner Yıldız": a surname alone is the one person the
            # story names in full with it; with two such people ("Ali Yildiz", "Taner Yildiz"), neither.
            full = [b for b in found if b != n and _person_name(b) and not any(is_title(w, titles) for w in b.split())]
            if len(own) == 1 and len({_loose(b.split()) for b in full}) == 1:
                mapping[n] = min(full)
    return mapping


def _loose(words: Sequence[str]) -> tuple[str, ...]:
    return tuple(normalise(w, loose=True) for w in words)


PERSON_WORDS = 4  # the longest name read as a person's ("Recep Tayyip Erdoğan", "Daniella Levine Cava")


def _person_name(name: str) -> bool:
    """Two to four capitalised words, with particles between them: a person's name, not a body's."""
    words = name.split()
    return 2 <= len(words) <= PERSON_WORDS and words[0][:1].isupper() and words[-1][:1].isupper() \
        and all(w[:1].isupper() or w.casefold() in NAME_PARTICLES for w in words)


def _short_forms(claims: Sequence[Claim], extra_dirs: tuple[Path, ...]) -> Sequence[Claim]:
    """"la préfecture" in a story whose articles name the préfecture de police is that office
    (origins.yaml `short_for`): one voice, not two. Only when every mention of the short form
    is bare ("la préfecture", not "la préfecture du Nord"), and the long form is named."""
    forms = origin_short_forms(extra_dirs)
    if not forms or not any(c.attributed_to in forms for c in claims):
        return claims
    mapping: dict[str, str] = {}
    for short, spec in forms.items():
        quotes = [c.attribution_quote or "" for c in claims if c.attributed_to == short]
        if not quotes or not all(bare_mention(q, spec.aliases, extra_dirs) for q in quotes):
            continue
        for long, phrases in spec.stands_for.items():
            keys = [normalise(ph) for ph in phrases]
            if any(c.attributed_to == long and any(k in normalise(c.attribution_quote or "") for k in keys) for c in claims):
                mapping[short] = long
                break
    if not mapping:
        return claims
    return [replace(c, attributed_to=mapping[c.attributed_to]) if c.attributed_to in mapping else c for c in claims]


def unify_origins(claims: Sequence[Claim], known: Iterable[str], extra_dirs: tuple[Path, ...] = ()) -> tuple[Claim, ...]:
    """Claims with unknown origins spelled differently given one spelling; a person named with
    and without an office is one origin."""
    known_set = set(known)
    claims = _short_forms(claims, extra_dirs)
    raw = [c.attributed_to for c in claims if c.attributed_to and c.attributed_to not in known_set]
    if not raw:
        return tuple(claims)
    people = _people(raw, office_titles(extra_dirs))
    if people:
        claims = [replace(c, attributed_to=people[c.attributed_to]) if c.attributed_to in people else c for c in claims]
        raw = [people.get(r, r) for r in raw]
    mapping = merge_aliases(raw)
    return tuple(
        replace(c, attributed_to=mapping.get(c.attributed_to, c.attributed_to)) if c.attributed_to in mapping else c
        for c in claims
    )


def build_topics(claims: Sequence[Claim], lexicon: Lexicon | None = None, lang: str | None = None) -> tuple[Topic, ...]:
    """Group claims by topic key; topics are sorted by id and their claims by document and offset.
    Labels are in `lang`, by default the entity language (languages/layout.yaml)."""
    lex = lexicon or load_lexicon()
    groups: dict[tuple[str, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        groups[topic_key(claim)].append(claim)
    topics = []
    for key, members in groups.items():
        members.sort(key=lambda c: (c.document, c.span))
        location = _most_common(c.location for c in members)
        time = _union(c.time for c in members if c.time is not None and c.time.kind != "as_of")
        topics.append(
            Topic(
                id=topic_id(key),
                key=key,
                label=topic_label(key, location, time, lex, lang),
                claims=tuple(c.id for c in members),
                location=location,
                time=time,
            )
        )
    topics.sort(key=lambda t: t.id)
    return tuple(topics)


def topic_label(key: Sequence[str], location: str | None, time: TimeSpan | None, lex: Lexicon, lang: str | None = None) -> str:
    """"North Korean soldiers deployed · Kursk · Sep 2024 – Jun 2025"."""
    if key[0] == "date":
        _, event, actor, _place = key
        head = f"Date of the {lex.dated_labels.get(event, event.replace('_', ' '))}"
        if actor != UNKNOWN:
            head += f" ({lex.actor_adjective(actor, lang) or actor})"
    else:
        _, actor, category, event = key
        parts = []
        if actor != UNKNOWN:
            parts.append(lex.actor_adjective(actor, lang) or actor)
        parts.append(lex.category_label(None if category == UNKNOWN else category, lang))
        if event != UNKNOWN:
            parts.append(event_words(event))
        head = " ".join(parts)
        head = head[:1].upper() + head[1:]
    bits = [head]
    if location:
        bits.append(location)
    if time is not None:
        bits.append(period_label(time))
    return " · ".join(bits)


def event_words(event: str) -> str:
    """An event key as words: "killed_or_wounded" -> "killed or wounded" (the key already
    holds its "or"; replacing each "_" with " or " once gave "killed or or or wounded")."""
    return " ".join(w for w in event.split("_") if w)


def period_label(span: TimeSpan) -> str:
    """A topic label's compact range: "Sep 2024 – Jun 2025", "since Jan 2024", "2024" (a
    finding's message shows the article's own words instead: `ruleset.values.format_span`)."""
    lo, hi = span.low, span.high
    if lo and hi:
        if lo.month == 1 and lo.day == 1 and hi.month == 12 and hi.day == 31:
            return str(lo.year) if lo.year == hi.year else f"{lo.year} – {hi.year}"
        if lo == hi:
            return lo.isoformat()
        a, b = month_label(lo), month_label(hi)
        return a if a == b else f"{a} – {b}"
    if lo:
        return f"since {month_label(lo)}"
    if hi:
        return f"until {month_label(hi)}"
    return "undated"


def _union(spans: Iterable[TimeSpan]) -> TimeSpan | None:
    spans = list(spans)
    if not spans:
        return None
    lows = [s.low for s in spans]
    highs = [s.high for s in spans]
    low = None if any(x is None for x in lows) else min(lows)  # type: ignore[type-var]
    high = None if any(x is None for x in highs) else max(highs)  # type: ignore[type-var]
    return TimeSpan(low, high, "", "period")


def _most_common(values: Iterable[str | None]) -> str | None:
    counts = Counter(v for v in values if v)
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


# --- the inspectable graph -------------------------------------------------------------


def origin_of(claim: Claim, result: Result) -> str:
    """The voice behind a claim: its named source, else the outlet, else the document."""
    if claim.attributed_to:
        return claim.attributed_to
    doc = result.document(claim.document)
    return doc.publisher or doc.id


def build_graph(result: Result) -> nx.MultiDiGraph:
    """Documents, origins, claims, topics and findings as one graph (GraphML-safe attributes)."""
    import networkx as nx  # only runs that write a graph pay for importing it
    g = nx.MultiDiGraph(name=result.corpus)
    for doc in result.documents:
        g.add_node(f"document:{doc.id}", type="document", label=doc.title or doc.id, path=doc.path,
                   published=doc.published.isoformat() if doc.published else "", publisher=doc.publisher or "")
    for topic in result.topics:
        g.add_node(f"topic:{topic.id}", type="topic", label=topic.label, key=" | ".join(topic.key))
    for claim in result.claims:
        cid = f"claim:{claim.id}"
        g.add_node(cid, type="claim", label=claim.quote, kind=claim.kind, line=claim.line,
                   category=claim.category or "", event=claim.event or "", actor=claim.actor or "",
                   location=claim.location or "", qualifier=claim.qualifier, unit=claim.unit,
                   **_value_attributes(claim))
        g.add_edge(f"document:{claim.document}", cid, type="states")
        origin = origin_of(claim, result)
        if not g.has_node(f"origin:{origin}"):
            g.add_node(f"origin:{origin}", type="origin", label=origin)
        g.add_edge(cid, f"origin:{origin}", type="attributed_to")
    for topic in result.topics:
        for cid in topic.claims:
            g.add_edge(f"claim:{cid}", f"topic:{topic.id}", type="about")
    for finding in result.findings:
        ids = list(finding.claims)
        for a, b in zip(ids, ids[1:]):
            g.add_edge(f"claim:{a}", f"claim:{b}", type=finding.kind, rule=finding.rule,
                       severity=finding.severity.label, fingerprint=finding.fingerprint)
    return g


def _value_attributes(claim: Claim) -> dict[str, float | str]:
    """A claim's bounds for the graph: numbers as numbers (`low`, `high`), dates as ISO days
    (`low_date`, `high_date`), an open bound left out (GraphML has no null). One name keeps
    one type, so GraphML declares it once and tools can sort and filter on it."""
    value = claim.value.to_json()
    names = ("low_date", "high_date") if claim.kind == "date" else ("low", "high")
    out: dict[str, float | str] = {}
    for name, bound in zip(names, (value["low"], value["high"]), strict=True):
        if bound is not None:
            out[name] = bound if claim.kind == "date" else float(bound)
    return out


# Characters XML 1.0 forbids (a control character in a title would make the file unreadable)
# and the bidi embeddings, overrides and isolates that make a label display as something else.
_XML_UNSAFE = lazy_compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")


def _xml_safe(value: object) -> object:
    return _XML_UNSAFE.sub("\ufffd", value) if isinstance(value, str) else value


def _xml_safe_graph(graph: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy whose ids and string attributes hold only characters XML can carry."""
    import networkx as nx
    safe = nx.MultiDiGraph(**{k: _xml_safe(v) for k, v in graph.graph.items()})
    for node, attrs in graph.nodes(data=True):
        safe.add_node(_xml_safe(node), **{k: _xml_safe(v) for k, v in attrs.items()})
    for a, b, attrs in graph.edges(data=True):
        safe.add_edge(_xml_safe(a), _xml_safe(b), **{k: _xml_safe(v) for k, v in attrs.items()})
    return safe


def graph_bytes(graph: nx.MultiDiGraph, path: Path) -> bytes:
    """The graph serialised for `path`: GraphML for .graphml/.xml, node-link JSON for .json."""
    import networkx as nx
    suffix = path.suffix.lower()
    if suffix in (".graphml", ".xml"):
        return "\n".join(nx.generate_graphml(_xml_safe_graph(graph))).encode("utf-8") + b"\n"
    if suffix == ".json":
        data = nx.node_link_data(graph, edges="edges")  # what nx.node_link_graph reads by default
        return (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    raise ValueError(f"unknown graph format {suffix!r}")
