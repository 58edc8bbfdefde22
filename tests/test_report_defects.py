"""Report defects a journalist saw (issue 11), each pinned by a test on a story built by hand.

Every sentence here is invented for these tests. Each test states what a reader would
notice if the defect came back: a doubled row, "vs" between agreeing figures, a file name
where the article has a title, a red link inside one side, a chart hiding bars, an update
chain going back in time, a terminal summary longer than a screen, a graph file networkx
cannot read.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

import networkx as nx
import pytest
from rich.console import Console

from consistency.extract.lexicon import load_lexicon
from consistency.graph import build_graph, graph_bytes, topic_label
from consistency.model import Claim, Document, Finding, Interval, Result, TimeSpan, Topic
from consistency.report import render_markdown, render_summary
from consistency.report.mermaid import figures_chart, topic_graph
from consistency.report.view import View

D = dt.date
SPAIN = ("quantity", "?", "people", "killed")


def doc(doc_id: str, text: str, *, publisher: str | None = None, title: str | None = None,
        language: str = "en", published: dt.date | None = None) -> Document:
    return Document(id=doc_id, path=f"news/{doc_id}.txt", text=text, language=language,
                    publisher=publisher, title=title, published=published)


def claim(cid: str, document: Document, quote: str, value: float, *, nth: int = 0,
          time: TimeSpan | None = None, origin: str | None = None, qualifier: str = "exact") -> Claim:
    """A claim on the `nth` occurrence of `quote` in the document's text."""
    start = -1
    for _ in range(nth + 1):
        start = document.text.index(quote, start + 1)
    kind: Literal["quantity"] = "quantity"
    return Claim(id=cid, document=document.id, kind=kind, span=(start, start + len(quote)), quote=quote,
                 line=document.line_of(start), value=Interval(value, value), qualifier=qualifier,
                 category="people", event="killed", time=time, attributed_to=origin, time_source="clause")


def day(d: dt.date, label: str) -> TimeSpan:
    return TimeSpan(d, d, label, "point")


def result(documents: Sequence[Document], claims: Sequence[Claim], findings: Sequence[Finding] = (),
           label: str = "People killed") -> Result:
    topic = Topic("t-1", SPAIN, label, tuple(c.id for c in claims))
    return Result(corpus="test", documents=tuple(documents), claims=tuple(claims), topics=(topic,),
                  findings=tuple(findings), rules=("r",))


def finding(fp: str, kind: str, claims: Sequence[Claim], sides: Sequence[Sequence[Claim]] = (),
            message: str = "Why.", severity: str = "warning", origins: Sequence[str] = ()) -> Finding:
    return Finding(fp, f"rule-{kind}", kind, severity, "t-1", tuple(c.id for c in claims), message,
                   origins=tuple(origins), sides=tuple(tuple(c.id for c in side) for side in sides))


def md(res: Result) -> str:
    return render_markdown(res).replace("\u202f", " ")


def part(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


# --- the topic label ------------------------------------------------------------------------


def test_killed_or_wounded_reads_once_in_a_topic_label() -> None:
    label = topic_label(("quantity", "North Korea", "soldiers", "killed_or_wounded"), None, None, load_lexicon())
    assert label.endswith("killed or wounded")
    assert "or or" not in label


# --- one statement, one row -----------------------------------------------------------------

# A Spanish article gives the toll twice on one line: in the lead and in a direct quote.
LEVANTE = doc(
    "01_levante",
    "La DANA deja 62 muertos en la provincia.\n"
    "El Gobierno cifró el miércoles en 62 los fallecidos: «hay 62 víctimas mortales», dijo el delegado.\n",
    title="La DANA deja 62 muertos en la provincia", language="es", published=D(2024, 10, 30),
)
PRENSA = doc(
    "02_prensa",
    "Al menos 70 muertos, según el recuento del jueves.\n",
    publisher="Diario del Turia", language="es", published=D(2024, 10, 31),
)
WED = day(D(2024, 10, 30), "el miércoles")
THU = day(D(2024, 10, 31), "el jueves")


def repeated_story() -> Result:
    first = claim("c-a", LEVANTE, "62 los fallecidos", 62, time=WED, origin="Gobierno")
    again = claim("c-b", LEVANTE, "62 víctimas mortales", 62, time=WED, origin="Gobierno")
    later = claim("c-c", PRENSA, "70 muertos", 70, time=THU)
    return result([LEVANTE, PRENSA], [first, again, later], [finding("f1", "update", [first, again, later],
                                                                    sides=[[first, again], [later]])])


def test_a_figure_said_twice_on_one_line_is_one_row_in_figures_and_timeline() -> None:
    report = md(repeated_story())
    figures = part(report, "#### Figures", "#### Timeline")
    rows = [line for line in figures.splitlines() if line.startswith("| 62")]
    assert len(rows) == 1
    assert "“62 los fallecidos” · “62 víctimas mortales”" in rows[0]
    timeline = part(report, "#### Timeline", "#### Findings")
    assert timeline.count("  - 62 ·") == 1


def test_an_update_reads_once_per_count_in_time_order() -> None:
    report = md(repeated_story())
    overview = part(report, "## Findings", "## Topics")
    row = next(line for line in overview.splitlines() if "update" in line)
    assert row.split(" | ")[-1] == "62 (Gobierno) → 70 (Diario del Turia) |"


def test_an_update_without_sides_reads_in_time_order_without_repeats() -> None:
    # German: a first toll of 3 000 evacuated, then 4 000, given by two papers each, listed out of order.
    a = doc("a", "Rund 4 000 Menschen wurden am Freitag evakuiert.\n", publisher="Kurier", language="de")
    b = doc("b", "Rund 3 000 Menschen wurden am Mittwoch evakuiert.\n", publisher="Bote", language="de")
    c = doc("c", "Am Freitag waren es rund 4 000 Menschen.\n", publisher="Kurier", language="de")
    d = doc("d", "Schon am Mittwoch rund 3 000 Menschen.\n", publisher="Bote", language="de")
    fri, wed = day(D(2021, 7, 16), "am Freitag"), day(D(2021, 7, 14), "am Mittwoch")
    claims = [claim("c1", a, "4 000 Menschen", 4000, time=fri, qualifier="approx"),
              claim("c2", b, "3 000 Menschen", 3000, time=wed, qualifier="approx"),
              claim("c3", c, "4 000 Menschen", 4000, time=fri, qualifier="approx"),
              claim("c4", d, "3 000 Menschen", 3000, time=wed, qualifier="approx")]
    view = View.of(result([a, b, c, d], claims, [finding("u", "update", claims)]))
    text = view.sides(view.result.findings[0]).replace("\u202f", " ")
    assert text == "≈ 3 000 (Bote, 2 articles) → ≈ 4 000 (Kurier, 2 articles)"


# --- sides ----------------------------------------------------------------------------------

HERALD = doc("h", "Officials said 11,000 troops were deployed by the autumn.\n", publisher="The Herald")
POST = doc("p", "About 11,000 troops, officials said, had been deployed by the autumn.\n", publisher="The Post")
GAZETTE = doc("g", "Some 14,000 troops had been deployed by the autumn, the agency said.\n", publisher="Gazette")
AUTUMN = TimeSpan(D(2024, 9, 1), D(2024, 11, 30), "by the autumn")


def contradiction_story(with_sides: bool = True) -> tuple[Result, list[Claim]]:
    claims = [claim("h1", HERALD, "11,000 troops", 11000, time=AUTUMN, origin="officials"),
              claim("p1", POST, "11,000 troops", 11000, time=AUTUMN, origin="officials"),
              claim("g1", GAZETTE, "14,000 troops", 14000, time=AUTUMN, origin="the agency")]
    sides = [claims[:2], claims[2:]] if with_sides else []
    found = [finding("c", "contradiction", claims, sides=sides),
             finding("e", "echo", claims[:2], sides=[claims[:2]], severity="info")]
    return result([HERALD, POST, GAZETTE], claims, found), claims


def test_sides_name_each_origin_once_and_vs_only_separates_sides() -> None:
    res, _ = contradiction_story()
    view = View.of(res)
    contradiction, echo = sorted(res.findings, key=lambda f: f.kind)
    assert view.sides(contradiction).replace("\u202f", " ") == "11 000 (officials, 2 articles) vs 14 000 (the agency)"
    assert view.sides(echo).replace("\u202f", " ") == "11 000 (officials, 2 articles)"


def test_without_sides_a_contradiction_never_puts_vs_between_equal_figures() -> None:
    res, _ = contradiction_story(with_sides=False)
    view = View.of(res)
    text = view.sides(next(f for f in res.findings if f.kind == "contradiction")).replace("\u202f", " ")
    assert text == "11 000 (officials, 2 articles) vs 14 000 (the agency)"


def test_finding_table_numbers_rows_by_side() -> None:
    res, _ = contradiction_story()
    report = md(res)
    table = part(report, "Contradiction · warning", "#####")
    sides = [line.split("|")[1].strip() for line in table.splitlines() if re.match(r"\| \d", line)]
    assert sides == ["1", "1", "2"]


def test_mermaid_draws_red_links_only_between_sides_and_each_pair_once() -> None:
    res, claims = contradiction_story()
    view = View.of(res)
    graph = topic_graph(view, res.topics[0], view.topic_claims(res.topics[0]))
    assert graph is not None
    links = re.findall(r"^  (c\d) (---|-\.-|-\.->)\|\"([^\"]*)\"\| (c\d)$", graph, flags=re.M)
    red = [(a, b) for a, arrow, _, b in links if arrow == "---"]
    nodes = dict(re.findall(r'^  (c\d)\("([^"]*)"\)$', graph, flags=re.M))
    assert red and all(nodes[a] != nodes[b] for a, b in red)  # never 11 000 --- 11 000
    pairs = [frozenset((a, b)) for a, _, _, b in links]
    assert len(pairs) == len(set(pairs))


# --- naming articles ------------------------------------------------------------------------


def test_an_article_without_publisher_is_named_by_its_title_not_its_file_stem() -> None:
    # French: the file stem is meaningless to a reader; the headline is not.
    stem = "004_e8910b7fb3cd4dda"
    lemonde = doc(stem, "Environ 800 personnes ont été évacuées mardi.\n", language="fr",
                  title="Crue de la Loire : 800 évacués")
    other = doc("x", "Quelque 1 200 personnes ont été évacuées mardi.\n", language="fr", publisher="Ouest Matin")
    tue = day(D(2025, 1, 28), "mardi")
    claims = [claim("a", lemonde, "800 personnes", 800, time=tue), claim("b", other, "1 200 personnes", 1200, time=tue)]
    message = f"{stem} line 1 “800 personnes” (800; unattributed) and x line 1 “1 200 personnes” disagree."
    res = result([lemonde, other], claims, [finding("f", "contradiction", claims, [claims[:1], claims[1:]],
                                                    message=message, origins=[f"{stem} (unattributed)", "Ouest Matin"])])
    report = md(res)
    assert "[Crue de la Loire : 800 évacués, line 1](" in report
    assert "**Why:** Crue de la Loire : 800 évacués line 1" in report
    assert "Independent origins: Crue de la Loire : 800 évacués (unattributed), Ouest Matin" in report
    assert f"{stem}, line" not in report and f"**Why:** {stem}" not in report


def test_two_articles_with_the_same_title_stay_apart() -> None:
    a = doc("live_1", "12 000 marchers on Saturday.\n", title="LIVE")
    b = doc("live_2", "15 000 marchers on Saturday.\n", title="LIVE")
    view = View.of(result([a, b], []))
    assert {view.source_name("live_1"), view.source_name("live_2")} == {"LIVE (live_1)", "LIVE (live_2)"}


# --- the figures-over-time chart ------------------------------------------------------------


def test_chart_gives_every_bar_its_own_label_and_says_what_it_leaves_out() -> None:
    # English: three papers on one evening give two different tolls; one paper gives no time.
    a = doc("a", "By Thursday evening, 95 people had died.\n", publisher="Wire")
    b = doc("b", "By Thursday evening, 92 people had died.\n", publisher="Courier")
    c = doc("c", "By Thursday evening, 95 people had died, officials said.\n", publisher="Ledger")
    e = doc("e", "On Friday the toll reached 158 people.\n", publisher="Wire")
    f = doc("f", "The toll stands at 160 people.\n", publisher="Courier")
    thu, fri = day(D(2024, 10, 31), "By Thursday evening"), day(D(2024, 11, 1), "On Friday")
    claims = [claim("a1", a, "95 people", 95, time=thu), claim("b1", b, "92 people", 92, time=thu),
              claim("c1", c, "95 people", 95, time=thu), claim("e1", e, "158 people", 158, time=fri),
              claim("f1", f, "160 people", 160)]
    chart = figures_chart(claims, "people killed")
    assert chart is not None
    labels = re.findall(r'"([^"]*)"', re.search(r"x-axis \[(.*)\]", chart.text).group(1))  # type: ignore[union-attr]
    bars = re.search(r"bar \[(.*)\]", chart.text).group(1).split(", ")  # type: ignore[union-attr]
    assert len(labels) == len(set(labels)) == len(bars) == 3  # 95 said twice is one bar
    assert bars == ["95", "92", "158"]
    assert [c.id for c, _ in chart.left_out] == ["f1"]
    report = md(result([a, b, c, e, f], claims))
    assert "Not in the chart: 160 (Courier): no time stated." in report


# --- terminal summary -----------------------------------------------------------------------


@pytest.mark.slow
def test_terminal_summary_fits_one_screen_and_counts_the_rest() -> None:
    documents, claims, findings = [], [], []
    for i in range(200):
        d = doc(f"d{i:03}", f"Police counted {1000 + i} marchers on Saturday.\n", publisher=f"Paper {i}")
        documents.append(d)
        claims.append(claim(f"c{i:03}", d, f"{1000 + i} marchers", 1000 + i, time=day(D(2025, 3, 8), "Saturday"),
                            origin=f"Source {i}"))
    for j in range(0, 200, 4):
        group = claims[j : j + 4]
        findings.append(finding(f"f{j:03}", "contradiction", group, sides=[[c] for c in group]))
    out = io.StringIO()
    console = Console(file=out, width=100, height=30, color_system=None)
    render_summary(result(documents, claims, findings), console)
    lines = out.getvalue().splitlines()
    assert len(lines) <= 30 - 1  # room left for "Report written to …"
    assert re.search(r"… and (\d+) more findings \(\1 contradictions\) in the report\.", out.getvalue())


# --- graph files ----------------------------------------------------------------------------


def test_graph_json_is_read_by_networkx_defaults_with_numbers_as_numbers(tmp_path: Path) -> None:
    res, _ = contradiction_story()
    data = graph_bytes(build_graph(res), Path("graph.json"))
    graph = nx.node_link_graph(json.loads(data))  # no edges="links" needed
    node = graph.nodes["claim:g1"]
    assert node["low"] == 14000 and isinstance(node["low"], float)
    assert graph.number_of_edges() > 0
    graphml = tmp_path / "g.graphml"
    graphml.write_bytes(graph_bytes(build_graph(res), graphml))
    assert nx.read_graphml(graphml).nodes["claim:g1"]["high"] == 14000.0


# --- an echo is reported instead of a corroboration -------------------------------------------

ONE_VOICE = {
    "en": (
        "Harbour Times\n\nPublished 12 March 2025\n\nThe Interior Ministry said on Tuesday that 1,200 people "
        "had been evacuated from the flooded valley.\n",
        "Valley Post\n\nPublished 13 March 2025\n\nOn Tuesday, 1,200 people were evacuated from the flooded "
        "valley, the Interior Ministry said.\n",
    ),
    "de": (
        "Rhein-Kurier\n\nVeröffentlicht am 12.03.2025\n\nAm Dienstag wurden nach Angaben des Innenministeriums "
        "1.200 Menschen aus dem überfluteten Tal evakuiert.\n",
        "Eifel-Bote\n\nVeröffentlicht am 13.03.2025\n\nDas Innenministerium teilte mit, am Dienstag seien "
        "1.200 Menschen aus dem überfluteten Tal evakuiert worden.\n",
    ),
}


@pytest.mark.parametrize("language", sorted(ONE_VOICE))
def test_one_ministry_repeated_by_two_papers_is_an_echo_and_not_also_a_corroboration(
    tmp_path: Path, language: str
) -> None:
    from consistency.pipeline import check

    for name, text in zip(("a.txt", "b.txt"), ONE_VOICE[language], strict=True):
        (tmp_path / name).write_text(text, encoding="utf-8")
    res = check([tmp_path])
    kinds = sorted(f.kind for f in res.findings)
    assert kinds == ["echo"]
    report = md(res)
    assert "| Corroborations |" in report and "\n| 0 | 0 | 1 | 0 | 0 |" in report


def test_articles_of_a_large_finding_are_named_in_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    # A toll repeated by 40 outlets: the message names every article, and no pattern is built
    # per article (one per article and finding made large reports grow with their product).
    docs = [doc("a", "Floods killed 120 people on Tuesday.\n", publisher="Le Courrier")]
    docs += [doc(f"a_{k}", "The floods killed 120 people on Tuesday.\n", publisher=f"Gazette {k}") for k in range(40)]
    tue = day(D(2025, 3, 11), "Tuesday")
    claims = [claim(f"c{k}", d, "120 people", 120, time=tue) for k, d in enumerate(docs)]
    message = "; ".join(f"{d.id} line 1 “120 people”" for d in reversed(docs)) + "; see archive/a line 2."
    res = result(docs, claims, [finding("f", "corroboration", claims, [claims], message=message,
                                        origins=["a (unattributed)", "a_7 (unattributed)"])])
    view = View.of(res)

    def refused(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pattern built while naming articles")

    monkeypatch.setattr(re, "sub", refused)
    monkeypatch.setattr(re, "compile", refused)
    named = view.message(res.findings[0])
    labels = view.origin_labels(res.findings[0])
    monkeypatch.undo()
    assert named.startswith("Gazette 39 line 1 “120 people”; Gazette 38 line 1")
    assert "Gazette 1 line 1 “120 people”; Gazette 0 line 1 “120 people”; Le Courrier line 1" in named
    assert named.endswith("see archive/a line 2.")  # a path ending in an id is not that article
    assert labels == ("Le Courrier (unattributed)", "Gazette 7 (unattributed)")
