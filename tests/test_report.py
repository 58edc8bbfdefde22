"""The renderers, on a small story built by hand: four articles about North Korean troops
in Kursk, with a contradiction, a corroboration, an echo, an update, a dated event, a
skipped file and, in a second version, statuses against a baseline."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from typing import Any, Literal

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from rich.console import Console

from consistency.model import Claim, Document, Finding, Interval, Result, Skipped, TimeSpan, Topic
from consistency.report import (
    Limits,
    make_progress,
    render_github,
    render_index,
    render_json,
    render_markdown,
    render_summary,
    report_filename,
)
from consistency.report.escape import GH_DROPPED, gh_data, gh_property, link_target, md_cell, md_inline, mermaid_label, one_line
from consistency.report.json import claim_json
from consistency.report.text import render_claims_table
from consistency.report.values import format_dates, format_figure, format_number, format_time, headline_number
from consistency.report.view import View

D = dt.date

# --- the story -----------------------------------------------------------------------------

LEXPRESS = Document(
    id="003_lexpress",
    path="seeds/003_lexpress.txt",
    text=(
        "L’Express\n"
        "\n"
        "Plus de 6 000 soldats nord-coréens tués ou blessés, selon le ministère britannique de la Défense.\n"
        "\n"
        "A l’automne 2024, environ 11 000 soldats nord-coréens ont été déployés dans la région de Koursk.\n"
        "\n"
        "Selon l’état-major sud-coréen, environ 3 000 soldats supplémentaires ont été envoyés entre janvier et février 2025.\n"
    ),
    language="fr",
    published=D(2025, 6, 17),
    publisher="L’Express",
    title="Koursk, le piège mortel des soldats nord-coréens",
)
REBUILD = Document(
    id="004_reconstruction",
    path="seeds/004_reconstruction.txt",
    text=(
        "La Corée du Sud signale l'envoi de troupes.\n"
        "\n"
        "Environ 14 000 soldats déjà déployés en Ukraine depuis début 2024, selon les renseignements sud-coréens.\n"
        "Selon le ministère britannique de la Défense, plus de 6 000 soldats ont été tués ou blessés.\n"
    ),
    language="fr",
    published=D(2025, 7, 1),
    publisher=None,
)
BOURSO = Document(
    id="000_boursorama",
    path="seeds/000_boursorama.txt",
    text=(
        "Début novembre, la Corée du Sud a affirmé qu'environ 5.000 soldats nord-coréens avaient été envoyés depuis septembre.\n"
        "Pyongyang allait envoyer plusieurs milliers de démineurs militaires.\n"
        "L'incursion ukrainienne a commencé en août 2024.\n"
    ),
    language="fr",
    published=D(2025, 11, 14),
    publisher="Boursorama",
)
GUARDIAN = Document(
    id="en/guardian piece",
    path="seeds/en/guardian piece.txt",
    text=(
        "About 11,000 North Korean troops were deployed to Kursk in autumn 2024, the UK Ministry of Defence said.\n"
        "Only 8,000 North Korean soldiers were deployed in autumn 2024, Kyiv said.\n"
        "The incursion began on 6 August 2024.\n"
    ),
    language="en",
    published=D(2025, 2, 3),
    publisher="The Guardian",
    title="North Korea's | losses <script>alert(1)</script>",
)
DOCS = (LEXPRESS, REBUILD, BOURSO, GUARDIAN)

AUTUMN_FR = TimeSpan(D(2024, 9, 22), D(2024, 12, 21), "à l’automne 2024")
AUTUMN_EN = TimeSpan(D(2024, 9, 22), D(2024, 12, 21), "autumn 2024")


def claim(cid: str, doc: Document, quote: str, value: Interval | TimeSpan, **kw: object) -> Claim:
    """A claim whose span, quote and line agree with the document's text."""
    start = doc.text.index(quote)
    kind: Literal["quantity", "date"] = "date" if isinstance(value, TimeSpan) else "quantity"
    return Claim(
        id=cid,
        document=doc.id,
        kind=kind,
        span=(start, start + len(quote)),
        quote=quote,
        line=doc.line_of(start),
        value=value,
        **kw,  # type: ignore[arg-type]
    )


SOLDIERS = {"category": "soldiers", "actor": "North Korea", "location": "Kursk"}
C_KILLED = claim("c-killed", LEXPRESS, "Plus de 6 000 soldats nord-coréens tués ou blessés", Interval(6000, None),
                 qualifier="more_than", event="killed_or_wounded", attributed_to="UK Ministry of Defence", **SOLDIERS)
C_FR_11K = claim("c-fr-11k", LEXPRESS, "environ 11 000 soldats nord-coréens", Interval(10000, 12000),
                 qualifier="approx", event="deployed", time=AUTUMN_FR, time_source="clause", **SOLDIERS)
C_MORE = claim("c-more", LEXPRESS, "environ 3 000 soldats supplémentaires", Interval(2500, 3500),
               qualifier="approx", event="deployed", increment=True,
               time=TimeSpan(D(2025, 1, 1), D(2025, 2, 28), "entre janvier et février 2025"),
               attributed_to="South Korean Joint Chiefs of Staff", **SOLDIERS)
C_14K = claim("c-14k", REBUILD, "Environ 14 000 soldats", Interval(13000, 15000), qualifier="approx",
              event="deployed", cumulative=True,
              time=TimeSpan(D(2024, 1, 1), D(2025, 7, 1), "depuis début 2024", "since"),
              attributed_to="South Korean intelligence", **SOLDIERS)
C_ECHO = claim("c-echo", REBUILD, "plus de 6 000 soldats", Interval(6000, None), qualifier="more_than",
               event="killed_or_wounded", attributed_to="UK Ministry of Defence", **SOLDIERS)
C_5K = claim("c-5k", BOURSO, "environ 5.000 soldats nord-coréens", Interval(4500, 5500), qualifier="approx",
             event="deployed", time=TimeSpan(D(2025, 9, 1), D(2025, 11, 14), "depuis septembre", "since"),
             attributed_to="South Korean intelligence", **SOLDIERS)
C_SAPPERS = claim("c-sappers", BOURSO, "plusieurs milliers de démineurs militaires", Interval(2000, 9999),
                  qualifier="vague", category="sappers", event="sent", actor="North Korea")
C_AUG = claim("c-aug", BOURSO, "en août 2024", TimeSpan(D(2024, 8, 1), D(2024, 8, 31), "en août 2024"),
              event="incursion_began", actor="Ukraine")
C_EN_11K = claim("c-en-11k", GUARDIAN, "About 11,000 North Korean troops", Interval(10000, 12000),
                 qualifier="approx", event="deployed", time=AUTUMN_EN, attributed_to="UK Ministry of Defence",
                 **SOLDIERS)
C_8K = claim("c-8k", GUARDIAN, "Only 8,000 North Korean soldiers", Interval(8000, 8000), event="deployed",
             time=AUTUMN_EN, attributed_to="Ukrainian military intelligence", **SOLDIERS)
C_6AUG = claim("c-6aug", GUARDIAN, "on 6 August 2024", TimeSpan(D(2024, 8, 6), D(2024, 8, 6), "6 August 2024",
                                                               "point"), event="incursion_began", actor="Ukraine")
CLAIMS = (C_KILLED, C_FR_11K, C_MORE, C_14K, C_ECHO, C_5K, C_SAPPERS, C_AUG, C_EN_11K, C_8K, C_6AUG)

T_DEPLOYED = Topic("t-deployed", ("quantity", "North Korea", "soldiers", "deployed"),
                   "North Korean soldiers deployed · Kursk · autumn 2024 – mid 2025",
                   ("c-fr-11k", "c-more", "c-14k", "c-5k", "c-en-11k", "c-8k"), "Kursk")
T_LOSSES = Topic("t-losses", ("quantity", "North Korea", "soldiers", "killed_or_wounded"),
                 "North Korean soldiers killed or wounded · Kursk", ("c-killed", "c-echo"), "Kursk")
T_SAPPERS = Topic("t-sappers", ("quantity", "North Korea", "sappers", "sent"), "North Korean sappers sent",
                  ("c-sappers",))
T_INCURSION = Topic("t-incursion", ("date", "Ukraine", "incursion_began"), "Ukrainian incursion began · Kursk",
                    ("c-aug", "c-6aug"))
TOPICS = (T_SAPPERS, T_INCURSION, T_LOSSES, T_DEPLOYED)

F_CONTRA = Finding("fp-contra", "quantity-contradiction", "contradiction", "error", "t-deployed",
                   ("c-fr-11k", "c-8k"),
                   "About 11 000 and 8 000 soldiers in autumn 2024 cannot both be right.",
                   origins=("L’Express", "Ukrainian military intelligence"))
F_CORRO = Finding("fp-corro", "quantity-corroboration", "corroboration", "info", "t-deployed",
                  ("c-fr-11k", "c-en-11k"), "Two independent origins give about 11 000 for autumn 2024.",
                  origins=("L’Express", "UK Ministry of Defence"))
F_ECHO = Finding("fp-echo", "same-origin-echo", "echo", "info", "t-losses", ("c-killed", "c-echo"),
                 "Both articles repeat the UK Ministry of Defence: one origin, not two.",
                 origins=("UK Ministry of Defence",))
F_UPDATE = Finding("fp-update", "quantity-update", "update", "warning", "t-deployed", ("c-14k", "c-en-11k"),
                   "The count rose from about 11 000 (autumn 2024) to about 14 000 (mid 2025).")
F_DATES = Finding("fp-dates", "date-corroboration", "corroboration", "info", "t-incursion", ("c-aug", "c-6aug"),
                  "6 August 2024 falls within August 2024.")
FINDINGS = (F_CORRO, F_ECHO, F_UPDATE, F_CONTRA, F_DATES)

SKIPPED = (
    Skipped("seeds/notes.pdf", "not a text article (application/pdf)"),
    Skipped("seeds/a|b.txt", "could not decode <bytes> as text"),
)


def story(**changes: object) -> Result:
    base = Result(
        corpus="seeds",
        documents=DOCS,
        claims=CLAIMS,
        topics=TOPICS,
        findings=FINDINGS,
        skipped=SKIPPED,
        rules=("quantity-contradiction", "quantity-corroboration", "same-origin-echo", "quantity-update",
               "date-corroboration"),
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


RESOLVED = Finding("fp-gone", "quantity-contradiction", "contradiction", "error", "t-vanished", ("c-gone", "c-8k"),
                   "12 000 and 8 000 cannot both be right.", status="resolved", reason="Kyiv corrected its figure")


def with_baseline() -> Result:
    return story(
        findings=(
            dataclasses.replace(F_CONTRA, status="new"),
            dataclasses.replace(F_CORRO, status="known", reason="Same estimate, checked in June"),
            dataclasses.replace(F_ECHO, status="changed"),
            dataclasses.replace(F_UPDATE, status="known"),
            dataclasses.replace(F_DATES, status="known"),
        ),
        resolved=(RESOLVED,),
    )


@pytest.fixture
def result() -> Result:
    return story()


# --- reading the Markdown back ---------------------------------------------------------------

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def parse(markdown: str) -> list[Token]:
    return MD.parse(markdown)


def plain(inline: Token) -> str:
    """What a reader sees of an inline token: its text, without markup or HTML."""
    out = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


def headings(tokens: Sequence[Token]) -> list[tuple[int, str]]:
    return [
        (int(tok.tag[1]), plain(tokens[i + 1]))
        for i, tok in enumerate(tokens)
        if tok.type == "heading_open"
    ]


def tables(tokens: Sequence[Token]) -> list[list[list[str]]]:
    """Every table as rows of cell texts, the header row first."""
    out: list[list[list[str]]] = []
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            out.append([])
        elif tok.type == "tr_open":
            out[-1].append([])
        elif tok.type == "inline" and i and tokens[i - 1].type in ("th_open", "td_open"):
            out[-1][-1].append(plain(tok))
    return out


def links(tokens: Sequence[Token]) -> list[tuple[str, str]]:
    """(href, text) of every link."""
    out = []
    for tok in tokens:
        children = tok.children or []
        for j, child in enumerate(children):
            if child.type == "link_open":
                text = []
                for nxt in children[j + 1 :]:
                    if nxt.type == "link_close":
                        break
                    text.append(nxt.content)
                out.append((str(child.attrs["href"]), "".join(text)))
    return out


def anchors(markdown: str) -> set[str]:
    return set(re.findall(r'<a id="([^"]+)"></a>', markdown))


def section(markdown: str, title: str) -> str:
    """The raw Markdown under the heading a reader sees as `title`, up to the next heading of
    the same or a higher level."""
    tokens = parse(markdown)
    found = [(int(tok.tag[1]), tok.map) for i, tok in enumerate(tokens)
             if tok.type == "heading_open" and plain(tokens[i + 1]) == title]
    assert found, f"no heading {title!r}"
    level, where = found[0]
    assert where is not None
    later = [tok.map[0] for tok in tokens if tok.type == "heading_open" and tok.map
             and tok.map[0] > where[0] and int(tok.tag[1]) <= level]
    lines = markdown.splitlines()
    return "\n".join(lines[where[0] : later[0] if later else len(lines)])


def table_of(markdown: str) -> list[list[str]]:
    found = tables(parse(markdown))
    assert found, "no table"
    return found[0]


def markdown(res: Result, **kw: Any) -> str:
    """The report with narrow no-break spaces shown as spaces, so expectations read naturally."""
    return render_markdown(res, **kw).replace("\u202f", " ")


# --- Markdown: summary and order of sections -------------------------------------------------


def test_report_opens_with_the_corpus_name_and_a_summary(result: Result) -> None:
    md = markdown(result)
    assert md.startswith("# Consistency report: seeds\n\n## Summary\n")
    summary = section(md, "Summary")
    assert "4 articles · 11 claims · 4 topics · 2 skipped inputs" in summary
    assert table_of(summary) == [
        ["Contradictions", "Corroborations", "Echoes", "Updates", "Disputes"],
        ["1", "2", "1", "1", "0"],
    ]
    assert "By severity: 1 error · 1 warning · 3 info." in summary
    assert "quantity-contradiction" in summary  # the rules that ran


def test_sections_come_in_reading_order(result: Result) -> None:
    top = [title for level, title in headings(parse(markdown(result))) if level <= 2]
    assert top == [
        "Consistency report: seeds", "Summary", "Skipped inputs", "Findings", "Topics", "Sources", "Origins",
    ]


def test_baseline_sections_come_first_when_a_baseline_was_used() -> None:
    md = markdown(with_baseline())
    top = [title for level, title in headings(parse(md)) if level <= 2]
    assert top[:4] == ["Consistency report: seeds", "Summary", "New since the baseline", "Resolved since the baseline"]
    assert "Against the baseline: 1 new · 1 changed · 3 known · 1 resolved." in section(md, "Summary")


def test_without_a_baseline_nothing_is_called_new_or_resolved(result: Result) -> None:
    md = markdown(result)
    assert "baseline" not in md.lower()
    assert table_of(section(md, "Findings"))[0] == ["#", "Severity", "Kind", "Rule", "Topic", "Sides"]


def test_new_since_the_baseline_lists_new_and_changed_findings_only() -> None:
    rows = table_of(section(markdown(with_baseline()), "New since the baseline"))
    assert rows[0] == ["#", "Status", "Severity", "Kind", "Topic", "Sides"]
    assert [(r[1], r[3]) for r in rows[1:]] == [("new", "contradiction"), ("changed", "echo")]


def test_resolved_findings_are_listed_with_their_baseline_note() -> None:
    rows = table_of(section(markdown(with_baseline()), "Resolved since the baseline"))
    assert rows[1] == [
        "🔴 error", "contradiction", "quantity-contradiction", "t-vanished",
        "12 000 and 8 000 cannot both be right.", "Kyiv corrected its figure",
    ]


def test_a_known_finding_shows_why_it_was_accepted() -> None:
    md = markdown(with_baseline())
    assert "Status: known (baseline note: Same estimate, checked in June)" in md


def test_skipped_inputs_are_listed_with_their_reason(result: Result) -> None:
    rows = table_of(section(markdown(result), "Skipped inputs"))
    assert rows == [
        ["File", "Reason"],
        ["seeds/a|b.txt", "could not decode <bytes> as text"],
        ["seeds/notes.pdf", "not a text article (application/pdf)"],
    ]


# --- Markdown: findings overview and topics ---------------------------------------------------


def test_findings_overview_is_worst_first_and_links_to_topics(result: Result) -> None:
    md = markdown(result)
    rows = table_of(section(md, "Findings"))
    assert [(r[1], r[2], r[3]) for r in rows[1:]] == [
        ("🔴 error", "contradiction", "quantity-contradiction"),
        ("🟠 warning", "update", "quantity-update"),
        ("🔵 info", "corroboration", "quantity-corroboration"),
        ("🔵 info", "echo", "same-origin-echo"),
        ("🔵 info", "corroboration", "date-corroboration"),
    ]
    assert rows[1][5] == "≈ 11 000 (L’Express) vs 8 000 (Ukrainian military intelligence)"
    assert rows[2][5] == "≈ 11 000 (UK Ministry of Defence) → ≈ 14 000 (South Korean intelligence)"
    overview_links = links(parse(section(md, "Findings")))
    targets = {href for href, text in overview_links if text.startswith("North Korean soldiers deployed")}
    assert targets == {"#topic-t-deployed"}


def test_every_internal_link_has_its_anchor() -> None:
    for res in (story(), with_baseline()):
        md = markdown(res)
        internal = {href[1:] for href, _ in links(parse(md)) if href.startswith("#")}
        assert internal and internal <= anchors(md)


def test_topics_with_findings_come_first_worst_first(result: Result) -> None:
    md = markdown(result)
    titles = [t for level, t in headings(parse(section(md, "Topics"))) if level == 3]
    assert titles == [
        "North Korean soldiers deployed · Kursk · autumn 2024 – mid 2025",  # an error
        "North Korean soldiers killed or wounded · Kursk",  # info, then by label
        "Ukrainian incursion began · Kursk",
        "North Korean sappers sent",  # no finding
    ]


def test_figures_are_grouped_by_agreement_with_their_independent_origins(result: Result) -> None:
    figures = section(section(markdown(result), T_DEPLOYED.label), "Figures")
    groups = [line for line in figures.splitlines() if line.startswith("- ")]
    assert groups == [
        "- **≈ 5 000 (4 500–5 500)**: 1 article, 1 independent origin (South Korean intelligence)",
        "- **8 000**: 1 article, 1 independent origin (Ukrainian military intelligence)",
        "- **≈ 11 000 (10 000–12 000)**: 2 articles, 2 independent origins (L’Express, UK Ministry of Defence)",
        "- **≈ 14 000 (13 000–15 000)**: 1 article, 1 independent origin (South Korean intelligence)",
        "- **≈ +3 000 (2 500–3 500)**: 1 article, 1 independent origin (South Korean Joint Chiefs of Staff)",
    ]


def test_one_origin_repeated_by_two_articles_counts_once(result: Result) -> None:
    figures = section(section(markdown(result), T_LOSSES.label), "Figures")
    assert "- **\\> 6 000**: 2 articles, 1 independent origin (UK Ministry of Defence)" in figures


def test_an_open_figure_that_fits_several_groups_is_set_apart() -> None:
    topic = dataclasses.replace(T_DEPLOYED, claims=("c-fr-11k", "c-14k", "c-killed-as-deployed"))
    open_claim = dataclasses.replace(C_KILLED, id="c-killed-as-deployed", event="deployed")
    res = story(claims=(*CLAIMS, open_claim), topics=(topic,), findings=())
    figures = section(markdown(res), "Figures")
    assert "- Fits several of the figures above: \\> 6 000 (UK Ministry of Defence)" in figures
    groups = [line for line in figures.splitlines() if line.startswith("- **")]
    assert len(groups) == 2 and all("1 article" in g for g in groups)


@pytest.mark.slow
def test_timeline_orders_figures_by_the_time_they_are_about(result: Result) -> None:
    timeline = section(section(markdown(result), T_DEPLOYED.label), "Timeline")
    times = re.findall(r"^- \*\*(.+)\*\*$", timeline, flags=re.M)
    assert times == [
        "à l’automne 2024 (22 Sep – 21 Dec 2024)",  # the three figures about autumn 2024
        "entre janvier et février 2025 (Jan – Feb 2025)",
        "depuis début 2024 (since Jan 2024, as of 1 Jul 2025)",
        "depuis septembre (since Sep 2025, as of 14 Nov 2025)",
    ]
    assert "  - ≈ 11 000 (10 000–12 000) · UK Ministry of Defence · “autumn 2024” · reported 2025-02-03 · " in timeline


def test_chart_draws_totals_in_time_order_only_where_times_differ(result: Result) -> None:
    md = markdown(result)
    charts = re.findall(r"```mermaid\nxychart-beta\n(.*?)```", md, flags=re.S)
    assert len(charts) == 1  # only the deployed topic has figures at several times
    # the addition (+3 000) is left out; 11 000 in autumn 2024, said by two articles, is one bar
    assert "bar [11000, 8000, 14000, 5000]" in charts[0]
    assert 'x-axis ["à l’automne 2024", "autumn 2024", "depuis début 2024", "depuis septembre"]' in charts[0]
    assert "xychart-beta" not in section(md, T_LOSSES.label)


def test_a_finding_quotes_both_sides_with_a_link_to_each_line(result: Result) -> None:
    md = markdown(result, link_prefix="../")
    finding = section(md, "1. Contradiction · error · rule quantity-contradiction")
    assert "**Why:** About 11 000 and 8 000 soldiers in autumn 2024 cannot both be right." in finding
    rows = table_of(finding)
    assert rows[0] == ["Side", "Figure", "When", "Quote", "Origin", "Source"]
    assert rows[1][1:] == [
        "≈ 11 000 (10 000–12 000)", "à l’automne 2024", "“environ 11 000 soldats nord-coréens”", "L’Express",
        "L’Express, line 5",
    ]
    assert rows[2][1:] == [
        "8 000", "autumn 2024", "“Only 8,000 North Korean soldiers”", "Ukrainian military intelligence",
        "The Guardian, line 2",
    ]
    assert links(parse(finding)) == [
        ("../seeds/003_lexpress.txt#L5", "L’Express, line 5"),
        ("../seeds/en/guardian%20piece.txt#L2", "The Guardian, line 2"),
    ]


def test_every_line_link_lands_on_the_quoted_words() -> None:
    by_path = {d.path: d for d in DOCS}
    claims_on = {(c.document, c.line): c.quote for c in CLAIMS}
    seen = 0
    for href, _ in links(parse(markdown(story(), link_prefix="../"))):
        m = re.fullmatch(r"\.\./(.+)#L(\d+)", href)
        if not m:
            continue
        doc = by_path[m.group(1).replace("%20", " ")]
        line = int(m.group(2))
        assert claims_on[(doc.id, line)] in doc.text.splitlines()[line - 1]
        seen += 1
    assert seen > 20


def test_topic_diagram_draws_articles_claims_origins_and_marks_contradictions(result: Result) -> None:
    graph = re.search(r"```mermaid\n(flowchart LR\n.*?)```", section(markdown(result), T_DEPLOYED.label), re.S)
    assert graph
    lines = graph.group(1).splitlines()
    assert 'd2["L’Express"]' in [line.strip() for line in lines]
    assert '  o3{{"UK Ministry of Defence"}}' in lines
    assert '  c2 ---|"contradiction"| c6' in lines
    assert "  linkStyle 11 stroke:#d1242f,stroke-width:3px" in lines  # the 12th link is the contradiction
    assert "  class c2,c6 flagged" in lines
    assert '  c2 -.-|"corroboration"| c5' in lines


def test_each_article_has_an_appendix_entry_with_its_claims_and_stance(result: Result) -> None:
    md = markdown(result, link_prefix="../")
    sources = section(md, "Sources")
    assert [t for level, t in headings(parse(sources)) if level == 3] == [
        "000_boursorama",
        "Koursk, le piège mortel des soldats nord-coréens",
        "004_reconstruction",
        "North Korea's | losses <script>alert(1)</script>",
    ]
    lexpress = section(sources, "Koursk, le piège mortel des soldats nord-coréens")
    assert "Publisher: L’Express · Published: 2025-06-17 · Language: fr" in lexpress
    assert "Takes part in 1 contradiction, 1 corroboration, 1 echo." in lexpress
    rows = table_of(lexpress)
    assert rows[0] == ["Line", "Quote", "Figure", "When", "Origin", "Topic"]
    assert [r[0] for r in rows[1:]] == ["3", "5", "7"]
    assert "Publisher: unknown" in section(sources, "004_reconstruction")


def test_each_origin_lists_what_it_said_and_who_repeated_it(result: Result) -> None:
    origins = section(markdown(result), "Origins")
    assert [t for level, t in headings(parse(origins)) if level == 3][:2] == ["UK Ministry of Defence", "Boursorama"]
    mod = section(origins, "UK Ministry of Defence")
    assert "3 claims, reported by 3 articles: 004\\_reconstruction, L’Express, The Guardian" in mod
    assert [r[0] for r in table_of(mod)[1:]] == ["> 6 000", "> 6 000", "≈ 11 000 (10 000–12 000)"]


def test_same_result_in_any_order_gives_the_same_bytes(result: Result) -> None:
    shuffled = story(
        documents=DOCS[::-1], claims=CLAIMS[::-1], topics=TOPICS[::-1], findings=FINDINGS[::-1],
        skipped=SKIPPED[::-1], rules=result.rules[::-1],
    )
    for render in (render_markdown, render_json, render_github):
        assert render(shuffled) == render(result)


def test_a_finding_naming_unknown_claims_and_topics_still_renders() -> None:
    stray = Finding("fp-stray", "odd-rule", "dispute", "info", "t-nowhere", ("c-missing",), "Odd.")
    md = markdown(story(findings=(*FINDINGS, stray)))
    rows = table_of(section(md, "Findings"))
    assert next(r for r in rows if "odd-rule" in r)[1:] == ["🔵 info", "dispute", "odd-rule", "t-nowhere", "—"]
    assert "| 1 | 2 | 1 | 1 | 1 |" in section(md, "Summary")  # the dispute is counted


def test_an_empty_run_still_says_what_happened() -> None:
    md = markdown(Result(corpus="empty", documents=(), claims=(), topics=(), findings=()))
    assert "0 articles · 0 claims · 0 topics" in md
    assert "No findings" in md
    assert [t for _, t in headings(parse(md))] == ["Consistency report: empty", "Summary"]


# --- large corpora: what repeats is capped, and the report says what it left out -------------

MONTHS_FR = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre")
SMALL = Limits(full=10, long_tables=6, rows=8, topic_findings=3, sides=5, times=4, per_time=2, listed=3,
               articles=10, origins=4, diagram_nodes=20)


def big_story(n: int = 60) -> Result:
    """`n` articles on one story: 9 figures, 12 months, 15 origins, 30 contradictions and a
    corroboration with 12 sides, so that every list of the report is longer than SMALL allows."""
    docs, deployed, killed = [], [], []
    for i in range(n):
        month, origin, figure = i % 12, f"Origin {i % 15:02}", 1000 * (1 + i % 9)
        doc = Document(
            id=f"{i:03}_site{i % 6}",
            path=f"big/{i:03}.txt",
            text=f"Titre {i}\n\nEnviron {figure} soldats déployés en {MONTHS_FR[month]} 2024, selon {origin}.\n"
                 f"Plus de {100 + i} soldats tués.\n",
            language="fr",
            published=D(2025, 1, 1) + dt.timedelta(days=i),
            publisher=f"Site {i % 6}",
        )
        docs.append(doc)
        last_day = calendar.monthrange(2024, month + 1)[1]
        when = TimeSpan(D(2024, month + 1, 1), D(2024, month + 1, last_day), f"en {MONTHS_FR[month]} 2024")
        deployed.append(claim(f"c-dep-{i:03}", doc, f"Environ {figure} soldats", Interval(figure * 0.95, figure * 1.05),
                              qualifier="approx", event="deployed", time=when, attributed_to=origin, **SOLDIERS))
        killed.append(claim(f"c-kil-{i:03}", doc, f"Plus de {100 + i} soldats", Interval(100 + i, None),
                            qualifier="more_than", event="killed_or_wounded", **SOLDIERS))
    topics = (
        Topic("t-big", ("quantity", "North Korea", "soldiers", "deployed"), "Soldiers deployed",
              tuple(c.id for c in deployed)),
        Topic("t-killed", ("quantity", "North Korea", "soldiers", "killed_or_wounded"), "Soldiers killed",
              tuple(c.id for c in killed)),
    )
    findings = [
        Finding(f"fp-c{j:02}", "quantity-contradiction", "contradiction", "error" if j < 5 else "warning", "t-big",
                tuple(c.id for c in deployed[j : j + 3]), f"Contradiction {j}.")
        for j in range(30)
    ]
    findings.append(Finding("fp-many", "quantity-corroboration", "corroboration", "info", "t-big",
                            tuple(c.id for c in deployed[0:60:5]), "Twelve articles agree."))
    findings.append(Finding("fp-killed", "same-origin-echo", "echo", "info", "t-killed",
                            (killed[0].id, killed[1].id), "One origin."))
    return Result(corpus="big", documents=tuple(docs), claims=(*deployed, *killed), topics=topics,
                  findings=tuple(findings), rules=("quantity-contradiction",))


@pytest.fixture(scope="module")
def big() -> str:
    return markdown(big_story(), limits=SMALL)


@pytest.mark.slow
def test_a_small_corpus_is_shown_in_full_whatever_the_limits(result: Result) -> None:
    tiny = Limits(long_tables=1, rows=1, topic_findings=0, sides=1, times=1, per_time=1, listed=1, articles=1,
                  origins=1, diagram_nodes=1)
    assert render_markdown(result, limits=tiny) == render_markdown(result)
    whole = markdown(big_story(), limits=dataclasses.replace(SMALL, full=60))
    assert "Abridged" not in whole and "JSON output" not in whole
    assert len(table_of(section(section(whole, "Soldiers deployed"), "Figures"))) == 61


def test_an_abridged_report_says_so_in_its_summary(big: str) -> None:
    summary = section(big, "Summary")
    assert "60 articles · 120 claims · 2 topics" in summary  # the counts cover everything
    assert "**Abridged report:** long lists stop at a fixed length" in summary
    assert "every claim and finding is in the JSON output (`--format json`)" in summary


def test_the_overview_keeps_the_worst_findings_and_counts_the_rest(big: str) -> None:
    overview = section(big, "Findings")
    rows = table_of(overview)[1:]
    assert [r[1] for r in rows] == ["🔴 error"] * 5 + ["🟠 warning"]
    assert "… and 26 more findings (24 contradictions, 1 corroboration, 1 echo): they are in the JSON output" in overview


def test_a_large_topic_shows_one_claim_per_figure(big: str) -> None:
    figures = section(section(big, "Soldiers deployed"), "Figures")
    groups = [line for line in figures.splitlines() if line.startswith("- **")]
    assert len(groups) == 8 and "- … and 1 more figure: it is in the JSON output (`--format json`)." in figures
    rows = table_of(figures)[1:]
    assert [r[0] for r in rows] == [  # one claim for each figure shown
        "≈ 1 000 (950–1 050)", "≈ 2 000 (1 900–2 100)", "≈ 3 000 (2 850–3 150)", "≈ 4 000 (3 800–4 200)",
        "≈ 5 000 (4 750–5 250)", "≈ 6 000 (5 700–6 300)", "≈ 7 000 (6 650–7 350)", "≈ 8 000 (7 600–8 400)",
    ]
    assert "One claim for each figure: 8 of 60 claims; the others are in the JSON output" in figures


def test_a_long_timeline_keeps_the_earliest_and_the_latest_times(big: str) -> None:
    timeline = section(section(big, "Soldiers deployed"), "Timeline")
    times = re.findall(r"^- \*\*(.+)\*\*$", timeline, flags=re.M)
    assert times == [
        "en janvier 2024 (Jan 2024)", "en février 2024 (Feb 2024)",
        "en novembre 2024 (Nov 2024)", "en décembre 2024 (Dec 2024)",
    ]
    assert "- … 8 other times (40 claims), from en mars 2024 (Mar 2024) to en octobre 2024 (Oct 2024)" in timeline
    entries = re.findall(r"^  - (?!…)", timeline, flags=re.M)
    more = sum(int(n) for n in re.findall(r"^  - … and (\d+) more at this time$", timeline, flags=re.M))
    assert len(entries) == 8 and len(entries) + more + 40 == 60  # every claim is shown or counted


def test_a_topic_details_its_worst_findings_and_counts_the_rest(big: str) -> None:
    findings = section(section(big, "Soldiers deployed"), "Findings")
    details = [t for level, t in headings(parse(findings)) if level == 5]
    assert details == [f"{i}. Contradiction · {'error' if i < 6 else 'warning'} · rule quantity-contradiction"
                       for i in range(1, 7)]  # the three worst, and the overview's six
    assert "… and 25 more findings in this topic (24 contradictions, 1 corroboration)" in findings


def test_a_finding_with_many_sides_lists_the_first_ones() -> None:
    md = markdown(big_story(), limits=dataclasses.replace(SMALL, long_tables=40))
    finding = section(md, "31. Corroboration · info · rule quantity-corroboration")
    assert len(table_of(finding)) == 1 + 5
    assert "… and 7 more sides: they are in the JSON output" in finding
    row = [r for r in table_of(section(md, "Findings")) if r[0] == "31"][0]
    # twelve articles, three origins: each origin once, with how many articles repeat it
    assert row[5] == ("≈ 1 000 / ≈ 7 000 / ≈ 4 000 (Origin 00, 4 articles) · ≈ 6 000 / ≈ 3 000 / ≈ 9 000 "
                      "(Origin 05, 4 articles) · ≈ 2 000 / ≈ 8 000 / ≈ 5 000 (Origin 10, 4 articles)")


def test_sources_keep_the_articles_in_the_most_findings(big: str) -> None:
    sources = section(big, "Sources")
    assert ("The 10 articles that take part in the most findings, what they claimed and where they stand. "
            "The 50 others (27 of them in findings) are in the JSON output") in sources
    titles = [t for level, t in headings(parse(sources)) if level == 3]
    # Articles 5, 10, 15, 20 and 25 take part in four findings, the others in three at most.
    assert titles == [f"{i:03}_site{i % 6}" for i in (0, 1, 2, 3, 4, 5, 10, 15, 20, 25)]


def test_origins_keep_the_most_quoted(big: str) -> None:
    origins = section(big, "Origins")
    names = [t for level, t in headings(parse(origins)) if level == 3]
    assert names == ["Site 0", "Site 1", "Site 2", "Site 3"]  # unattributed, the publishers quote most
    # Two publishers with 10 claims each and the 15 named origins with 4 each are left out.
    assert "… and 17 more origins (80 claims), each quoted less: they are in the JSON output" in origins


def test_a_topic_too_big_to_draw_says_so(big: str) -> None:
    assert "No diagram: 60 claims are too many to draw" in section(big, "Soldiers deployed")


def test_an_abridged_report_is_the_same_bytes_in_any_order() -> None:
    res = big_story()
    shuffled = dataclasses.replace(res, documents=res.documents[::-1], claims=res.claims[::-1],
                                   findings=res.findings[::-1])
    assert render_markdown(shuffled, limits=SMALL) == render_markdown(res, limits=SMALL)


@settings(max_examples=25, deadline=None)
@given(st.builds(Limits, full=st.just(0), long_tables=st.integers(0, 8), rows=st.integers(0, 12),
                 topic_findings=st.integers(0, 4), sides=st.integers(0, 6), times=st.integers(0, 6),
                 per_time=st.integers(0, 3), listed=st.integers(0, 4), articles=st.integers(0, 12),
                 origins=st.integers(0, 6), diagram_nodes=st.integers(0, 80)))
@pytest.mark.slow
def test_whatever_the_limits_links_land_and_tables_hold(limits: Limits) -> None:
    md = render_markdown(big_story(20), limits=limits)
    internal = {href[1:] for href, _ in links(parse(md)) if href.startswith("#")}
    assert internal <= anchors(md)
    for block in re.findall(r"(?:^\|.*\|$\n?)+", md, flags=re.M):
        assert len({len(re.findall(r"(?<!\\)\|", line)) for line in block.splitlines()}) == 1, block


# --- values and times as people write them ---------------------------------------------------


@pytest.mark.parametrize(
    ("claim_", "shown"),
    [
        (C_FR_11K, "≈ 11 000 (10 000–12 000)"),
        (C_KILLED, "> 6 000"),
        (C_8K, "8 000"),
        (C_5K, "≈ 5 000 (4 500–5 500)"),  # "5.000" read as five thousand because the interval says so
        (C_MORE, "≈ +3 000 (2 500–3 500)"),
        (C_SAPPERS, "plusieurs milliers de démineurs militaires (2 000–9 999)"),
        (C_AUG, "en août 2024"),
        (dataclasses.replace(C_8K, qualifier="range", value=Interval(10000, 12000)), "10 000–12 000"),
        (dataclasses.replace(C_8K, qualifier="at_least", quote="au moins 2,5 millions", value=Interval(2.5e6, None)),
         "≥ 2 500 000"),
        (dataclasses.replace(C_8K, qualifier="up_to", quote="up to 40%", unit="percent", value=Interval(None, 40)),
         "≤ 40\u00a0%"),
        (dataclasses.replace(C_8K, qualifier="approx", quote="près de 11 000", value=Interval(10000, 11000)),
         "≈ 11 000 (10 000–11 000)"),
    ],
)
def test_figures_read_as_people_write_them(claim_: Claim, shown: str) -> None:
    assert format_figure(claim_).replace("\u202f", " ") == shown


def test_the_number_is_taken_from_the_quote_only_when_the_interval_agrees() -> None:
    # "2024" is a number of the quote but not the figure: the interval rules it out.
    odd = dataclasses.replace(C_FR_11K, quote="en 2024, environ 11 000 soldats")
    assert headline_number(odd) == 11000
    unreadable = dataclasses.replace(C_FR_11K, quote="onze mille soldats")
    assert headline_number(unreadable) == 11000  # the middle of the interval


@pytest.mark.parametrize(
    ("span", "shown"),
    [
        (TimeSpan(D(2025, 6, 1), D(2025, 6, 30)), "Jun 2025"),
        (TimeSpan(D(2024, 1, 1), D(2024, 12, 31)), "2024"),
        (TimeSpan(D(2025, 1, 1), D(2025, 3, 31)), "Jan – Mar 2025"),
        (TimeSpan(D(2024, 11, 1), D(2025, 2, 28)), "Nov 2024 – Feb 2025"),
        (TimeSpan(D(2024, 1, 1), None, kind="since"), "since Jan 2024"),
        (TimeSpan(None, D(2025, 3, 31), kind="until"), "until Mar 2025"),
        (TimeSpan(D(2025, 6, 17), D(2025, 6, 17), kind="as_of"), "as of 17 Jun 2025"),
        (TimeSpan(D(2025, 6, 17), D(2025, 7, 3)), "17 Jun – 3 Jul 2025"),
        (TimeSpan(None, None), "any time"),
    ],
)
def test_dates_read_as_ranges(span: TimeSpan, shown: str) -> None:
    assert format_dates(span) == shown


def test_time_words_are_preferred_to_dates_but_not_a_bare_as_of_date() -> None:
    assert format_time(AUTUMN_FR) == "à l’automne 2024"
    assert format_time(TimeSpan(D(2025, 6, 17), D(2025, 6, 17), "as of 2025-06-17", "as_of")) == "as of 17 Jun 2025"
    assert format_time(None) == "time not stated"


def test_vague_amounts_get_no_bar_in_a_chart() -> None:
    early = dataclasses.replace(C_SAPPERS, time=AUTUMN_FR)
    late = dataclasses.replace(C_SAPPERS, id="c-sappers-2", time=TimeSpan(D(2025, 6, 1), D(2025, 6, 30)))
    topic = dataclasses.replace(T_SAPPERS, claims=(early.id, late.id))
    md = markdown(story(claims=(early, late), topics=(topic,), findings=()))
    assert "#### Timeline" in md and "xychart-beta" not in md


@given(st.integers(min_value=-(10**15), max_value=10**15))
def test_numbers_keep_every_digit_grouped_by_three(n: int) -> None:
    shown = format_number(n)
    assert shown.replace("\u202f", "").replace("−", "-") == str(n)
    assert all(len(group) == 3 for group in shown.lstrip("−").split("\u202f")[1:])


# --- escaping, one context at a time ---------------------------------------------------------

# Characters and fragments that mean something to Markdown, Mermaid or GitHub, mixed with
# any Unicode text.
HOSTILE = st.lists(
    st.one_of(
        st.sampled_from(
            list("|\\`*_[]<>#&;!-+=.():~$\"'%,{}^ \n\r\t\u2028\u00a0\x00")
            + ["&amp;", "&#35;", "<script>", "1. ", "# ", "> ", "```", "---", "[x](y)", "\\|", "#35;"]
        ),
        st.characters(codec="utf-8"),
    ),
    max_size=30,
).map("".join)


@settings(max_examples=400)
@given(HOSTILE)
@pytest.mark.slow
def test_any_text_in_a_table_cell_stays_in_its_cell(text: str) -> None:
    md = f"| A | B |\n| --- | --- |\n| {md_cell(text)} | END |\n"
    tokens = parse(md)
    assert [t.type for t in tokens if t.type.endswith("_open") and t.level == 0] == ["table_open"]
    assert tables(tokens) == [[["A", "B"], [one_line(text), "END"]]]
    for tok in tokens:
        for child in tok.children or ():
            assert child.type == "text", child.type  # no emphasis, link, code or HTML


@settings(max_examples=400)
@given(HOSTILE)
@pytest.mark.slow
def test_any_text_in_running_markdown_stays_plain_text(text: str) -> None:
    assume(one_line(text))
    for template, block in (("{}\n", "paragraph_open"), ("- {}\n", "bullet_list_open"), ("### x {}\n", "heading_open")):
        tokens = parse(template.format(md_inline(text)))
        assert [t.type for t in tokens if t.level == 0 and t.nesting == 1] == [block]
        inline = [t for t in tokens if t.type == "inline"]
        assert len(inline) == 1
        assert plain(inline[0]) == (one_line(text) if block != "heading_open" else "x " + one_line(text))
        assert all(c.type == "text" for c in inline[0].children or ())


@given(HOSTILE)
@pytest.mark.slow
def test_any_text_in_a_mermaid_label_is_inert(text: str) -> None:
    label = mermaid_label(text, limit=500)
    assert not re.search(r"[\"\n\r<>\[\]{}()|`;#%&]", re.sub(r"#\d+;", "", label))
    assert re.sub(r"#(\d+);", lambda m: chr(int(m.group(1))), label) == one_line(text)


@given(HOSTILE)
@pytest.mark.slow
def test_github_command_values_cannot_end_the_command(text: str) -> None:
    data, prop = gh_data(text), gh_property(text)
    assert "\n" not in data and "\r" not in data
    assert not set(",:\n\r") & set(prop)

    def decode(value: str) -> str:
        return re.sub(r"%([0-9A-F]{2})", lambda m: chr(int(m.group(1), 16)), value)

    shown = GH_DROPPED.sub("", text)  # escape sequences and bidi overrides are dropped, the words kept
    assert decode(data) == shown and decode(prop) == shown


@given(HOSTILE, st.integers(min_value=1, max_value=10**6))
@pytest.mark.slow
def test_file_links_survive_any_file_name(name: str, line: int) -> None:
    target = link_target("../", f"seeds/{name}.txt", line)
    tokens = parse(f"[x]({target})\n")
    assert links(tokens) == [(target, "x")]
    assert target.endswith(f"#L{line}") and " " not in target


# --- hostile articles never break the report -------------------------------------------------


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(HOSTILE, min_size=13, max_size=13))
@pytest.mark.slow
def test_hostile_text_everywhere_keeps_the_report_structure(texts: list[str]) -> None:
    t = iter(texts)
    docs = tuple(dataclasses.replace(d, title=next(t) or None) for d in DOCS[:2]) + DOCS[2:]
    docs = (dataclasses.replace(docs[0], publisher=next(t)), *docs[1:])
    claims = tuple(
        dataclasses.replace(c, quote=next(t), attributed_to=next(t) or None) if c in (C_FR_11K, C_8K) else c
        for c in CLAIMS
    )
    topics = (dataclasses.replace(T_DEPLOYED, label=next(t)), *TOPICS[:3])
    findings = (dataclasses.replace(F_CONTRA, message=next(t), rule=next(t) or "r"), *FINDINGS[:4])
    res = story(documents=docs, claims=claims, topics=topics, findings=findings,
                skipped=(Skipped(next(t), next(t)),), corpus=next(t) or "c")
    md = markdown(res, link_prefix="../")
    tokens = parse(md)

    assert [lvl for lvl, _ in headings(tokens)].count(1) == 1
    assert [title for lvl, title in headings(tokens) if lvl == 2] == [
        "Summary", "Skipped inputs", "Findings", "Topics", "Sources", "Origins",
    ]
    assert len([1 for lvl, _ in headings(tokens) if lvl == 3]) == len(TOPICS) + len(DOCS) + len(
        {View.of(res).origin(c) for c in claims}
    )
    assert not [tok for tok in tokens if tok.type == "html_block"]
    for tok in tokens:
        for child in tok.children or ():
            if child.type == "html_inline":
                assert re.fullmatch(r'<a id="[a-z0-9-]+">|</a>', child.content)
    for line_block in re.findall(r"(?:^\|.*\|$\n?)+", md, flags=re.M):
        widths = {len(re.findall(r"(?<!\\)\|", line)) for line in line_block.splitlines()}
        assert len(widths) == 1, line_block
    for fence in re.findall(r"```mermaid\n(.*?)```", md, flags=re.S):
        for line in fence.splitlines()[1:]:
            assert re.fullmatch(
                r'  (?:[doc]\d+(?:\["[^"]*"\]|\("[^"]*"\)|\{\{"[^"]*"\}\})'
                r'|[doc]\d+ (?:-->|-->\|says\||---\|"[^"]*"\||-\.->?\|"[^"]*"\|) [doc]\d+'
                r"|linkStyle [\d,]+ .*|classDef .*|class [doc\d,]+ \w+"
                r'|title "[^"]*"|x-axis \[.*\]|y-axis "[^"]*" 0 --> \d+|bar \[[\d., ]+\])',
                line,
            ), line


# --- JSON: the contract ----------------------------------------------------------------------

Fields = dict[str, type | tuple[type, ...]]
CONTRACT: dict[str, Fields] = {
    "document": {"id": str, "path": str, "language": (str, type(None)), "published": (str, type(None)),
                 "publisher": (str, type(None))},
    "claim": {"id": str, "document": str, "span": list, "quote": str, "kind": str, "value": dict,
              "category": (str, type(None)), "event": (str, type(None)), "actor": (str, type(None)),
              "location": (str, type(None)), "time": (dict, type(None)), "attributed_to": (str, type(None))},
    "topic": {"id": str, "label": str, "claims": list},
    "finding": {"fingerprint": str, "rule": str, "kind": str, "severity": str, "status": str, "topic": str,
                "claims": list, "message": str},
}


def _follows(obj: dict[str, object], contract: Fields) -> None:
    for name, kind in contract.items():
        assert name in obj, f"{name} missing (unknown values are null, never left out)"
        assert isinstance(obj[name], kind), (name, obj[name])


def test_json_follows_the_contract(result: Result) -> None:
    data = json.loads(render_json(with_baseline()))
    assert data["schema_version"] == 1
    assert {"documents", "claims", "topics", "findings", "skipped", "resolved"} <= data.keys()
    for doc in data["documents"]:
        _follows(doc, CONTRACT["document"])
    for c in data["claims"]:
        _follows(c, CONTRACT["claim"])
        text = {d.id: d.text for d in DOCS}[c["document"]]
        assert text[c["span"][0] : c["span"][1]] == c["quote"]
        bounds = {type(v) for v in c["value"].values()}
        assert bounds <= ({int, float, type(None)} if c["kind"] == "quantity" else {str, type(None)})
    for t in data["topics"]:
        _follows(t, CONTRACT["topic"])
    for f in (*data["findings"], *data["resolved"]):
        _follows(f, CONTRACT["finding"])
    assert data["resolved"][0]["status"] == "resolved"
    assert data["skipped"] == [
        {"path": "seeds/a|b.txt", "reason": "could not decode <bytes> as text"},
        {"path": "seeds/notes.pdf", "reason": "not a text article (application/pdf)"},
    ]


def test_json_values_read_as_the_contract_shows_them(result: Result) -> None:
    data = json.loads(render_json(result))
    claims = {c["id"]: c for c in data["claims"]}
    assert claims["c-fr-11k"]["value"] == {"low": 10000, "high": 12000}
    assert claims["c-killed"]["value"] == {"low": 6000, "high": None}
    assert claims["c-aug"]["value"]["low"] == "2024-08-01" and claims["c-aug"]["value"]["high"] == "2024-08-31"
    assert claims["c-fr-11k"]["time"]["low"] == "2024-09-22"
    assert claims["c-killed"]["time"] is None and claims["c-sappers"]["attributed_to"] is None
    assert claims["c-more"]["increment"] is True and claims["c-fr-11k"]["line"] == 5
    publishers = {d["id"]: d["publisher"] for d in data["documents"]}
    assert publishers["004_reconstruction"] is None


def test_json_is_stable_text(result: Result) -> None:
    text = render_json(result)
    assert text.endswith("}\n") and text.startswith('{\n  "schema_version": 1,')
    assert "L’Express" in text  # not \u2019
    assert [d["id"] for d in json.loads(text)["documents"]] == sorted(d.id for d in DOCS)


def test_json_never_writes_infinity() -> None:
    unbounded = dataclasses.replace(C_KILLED, value=Interval(6000, float("inf")))
    data = json.loads(render_json(story(claims=(unbounded,))))
    assert data["claims"][0]["value"] == {"low": 6000, "high": None}


def test_claim_json_is_the_contracts_claim() -> None:
    _follows(claim_json(C_FR_11K), CONTRACT["claim"])


# --- GitHub annotations ----------------------------------------------------------------------

ANNOTATION = re.compile(r"::(error|warning|notice) file=([^,:]+),line=(\d+),title=([^,:]+)::(.+)")


def test_one_annotation_per_finding_on_the_first_sides_line(result: Result) -> None:
    lines = render_github(result).splitlines()
    assert len(lines) == len(FINDINGS)
    parsed = [ANNOTATION.fullmatch(line) for line in lines]
    assert all(parsed)
    first = parsed[0]
    assert first is not None
    assert first.groups()[:4] == ("error", "seeds/003_lexpress.txt", "5", "quantity-contradiction")
    assert "About 11 000 and 8 000 soldiers in autumn 2024 cannot both be right." in first.group(5)
    assert "seeds/en/guardian piece.txt:2" in first.group(5)  # where the other side is
    assert [m.group(1) for m in parsed if m] == ["error", "warning", "notice", "notice", "notice"]


def test_annotations_escape_what_would_end_the_command() -> None:
    doc = dataclasses.replace(LEXPRESS, path="seeds/a,b:c.txt")
    finding = dataclasses.replace(F_CONTRA, message="100% sure\nsecond line", rule="rule:one,two")
    out = render_github(story(documents=(doc, *DOCS[1:]), findings=(finding,)))
    assert out.count("\n") == 1
    assert out.startswith("::error file=seeds/a%2Cb%3Ac.txt,line=5,title=rule%3Aone%2Ctwo::")
    assert "100%25 sure second line" in out


def test_no_findings_no_annotations() -> None:
    assert render_github(story(findings=())) == ""


# --- terminal --------------------------------------------------------------------------------


def _console(**kw: object) -> tuple[Console, io.StringIO]:
    out = io.StringIO()
    return Console(file=out, width=200, color_system=None, **kw), out  # type: ignore[arg-type]


def test_summary_shows_findings_and_one_line_of_counts(result: Result) -> None:
    console, out = _console()
    render_summary(result, console)
    text = out.getvalue()
    assert "Severity" in text and "Sides" in text
    assert "≈ 11,000 (L’Express) vs 8,000 (Ukrainian military intelligence)" in text
    assert text.rstrip().endswith(
        "4 articles · 11 claims · 4 topics · 1 contradiction · 2 corroborations · 1 echo · 1 update · "
        "0 disputes · 2 skipped"
    )
    assert "#" not in text and "**" not in text  # no Markdown


def test_summary_prints_article_text_literally() -> None:
    finding = dataclasses.replace(F_CONTRA, kind="[bold]contradiction[/bold]")
    console, out = _console()
    render_summary(story(findings=(finding,)), console)
    assert "[bold]contradiction[/bold]" in out.getvalue()


def test_summary_keeps_to_the_worst_findings() -> None:
    many = tuple(dataclasses.replace(F_CORRO, fingerprint=f"fp-{i:03}") for i in range(30))
    console, out = _console(height=68)  # room for MAX_ROWS rows
    render_summary(story(findings=(F_CONTRA, *many)), console)
    text = out.getvalue()
    assert "… and 11 more findings (11 corroborations) in the report." in text
    assert text.index("error") < text.index("info")


def test_summary_with_a_baseline_counts_what_is_new(result: Result) -> None:
    console, out = _console()
    render_summary(with_baseline(), console)
    text = out.getvalue()
    assert "2 new or changed · 1 resolved" in text
    rows = [line for line in text.splitlines() if line.startswith("│ ") and line[2:3].strip()]
    assert [row.split("│")[5].strip() for row in rows] == ["new", "changed", "known", "known", "known"]


def test_progress_bar_only_on_long_runs_in_a_terminal() -> None:
    console, out = _console(force_terminal=True)
    with make_progress(console) as progress:
        for done in range(1, 11):
            progress(done, 10)
    assert out.getvalue() == ""
    with make_progress(console) as progress:
        for done in range(1, 201):
            progress(done, 200)
    assert "Checking articles" in out.getvalue()


def test_progress_never_draws_in_a_pipe() -> None:
    console, out = _console(force_terminal=False)
    with make_progress(console) as progress:
        for done in range(1, 501):
            progress(done, 500)
    assert out.getvalue() == ""


def test_claims_table_shows_an_articles_claims_and_what_was_left_out() -> None:
    console, out = _console()
    left_out = [((0, 9), "2024", "no counted noun right after it")]
    render_claims_table(LEXPRESS, (C_FR_11K, C_KILLED), left_out, console)
    text = out.getvalue()
    assert "environ 11 000 soldats nord-coréens" in text and "≈ 11,000 (10,000–12,000)" in text
    assert "no counted noun right after it" in text and "2 claim(s)" in text


# --- several corpora -------------------------------------------------------------------------


def test_index_links_each_report_with_its_counts() -> None:
    entries = [("seeds.md", story()), ("other-news.md", story(corpus="other | news", findings=()))]
    rows = table_of(render_index(entries))
    assert rows[0][:5] == ["Corpus", "Articles", "Claims", "Topics", "Contradictions"]
    assert rows[1][:5] == ["seeds", "4", "11", "4", "1"]
    assert rows[2][0] == "other | news" and rows[2][4] == "0"
    assert rows[3][0] == "Total" and rows[3][1] == "8"
    assert [href for href, _ in links(parse(render_index(entries)))] == ["seeds.md", "other-news.md"]


@pytest.mark.parametrize(
    ("corpus", "name"),
    [("seeds", "seeds.md"), ("Écosse / 2024 news", "Ecosse-2024-news.md"), ("..", "report.md"),
     ("con", "con-report.md"), ("a:b*c?", "a-b-c.md")],
)
def test_report_file_names_are_safe(corpus: str, name: str) -> None:
    assert report_filename(story(corpus=corpus)) == name


@given(st.text())
def test_any_corpus_name_gives_a_safe_file_name(corpus: str) -> None:
    name = report_filename(story(corpus=corpus))
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*\.md", name) and len(name) <= 103
