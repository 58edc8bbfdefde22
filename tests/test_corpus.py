"""The corpus stage: what a fact-checker's folder of articles becomes."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistency.corpus import (
    boilerplate_spans,
    detect_language,
    documents_from_jsonl,
    load_corpus,
    loader,
    parse_date,
    read_document,
)
from consistency.errors import InputError
from consistency.model import Document

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "corpus"
SEEDS = REPO / "seeds"

FRENCH_BODY = (
    "Le gouvernement a annoncé mardi une aide de 50 millions d'euros pour les agriculteurs "
    "touchés par la sécheresse, qui sera versée avant la fin du mois de juin selon le ministère.\n"
)
ENGLISH_BODY = (
    "The government said on Tuesday it would give 50 million dollars to farmers hit by the "
    "drought, to be paid before the end of June according to the ministry of agriculture.\n"
)


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    return path


def _doc(text: str, name: str = "article.txt") -> Document:
    return read_document(text.encode("utf-8"), id=Path(name).stem, path=name, suffix=Path(name).suffix)


# --- the seed corpus ----------------------------------------------------------------------


@pytest.fixture
def seeds(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(REPO)
    return load_corpus(["seeds"])


def test_seed_corpus_has_five_french_documents_named_after_their_files(seeds) -> None:
    assert seeds.name == "seeds"
    assert seeds.skipped == ()
    assert [d.id for d in seeds.documents] == sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert len(seeds.documents) == 5
    assert {d.language for d in seeds.documents} == {"fr"}
    by_id = {d.id: d for d in seeds.documents}
    assert by_id["003_9904597a1dd22de6"].path == "seeds/003_9904597a1dd22de6.txt"


def test_seed_dates_and_publishers_are_read_from_the_page(seeds) -> None:
    by_id = {d.id[:3]: d for d in seeds.documents}
    assert by_id["000"].published == dt.date(2025, 11, 14)
    assert by_id["000"].publisher == "Boursorama"
    assert by_id["003"].published == dt.date(2025, 6, 17)
    assert by_id["003"].publisher == "L'Express"
    assert by_id["003"].url.startswith("https://www.lexpress.fr/monde/asie/guerre-en-ukraine-koursk")
    assert by_id["002"].publisher == "Business AM"  # "Suivez également Business AM sur Google Actualités"
    # Nothing on the page states a date or an outlet: nothing is invented.
    assert by_id["001"].published is None and by_id["001"].publisher is None
    assert by_id["004"].published is None and by_id["004"].publisher is None


def test_seed_titles_skip_the_outlet_line_and_are_not_paragraphs(seeds) -> None:
    by_id = {d.id[:3]: d for d in seeds.documents}
    assert by_id["000"].title.startswith("Guerre en Ukraine : Moscou utilise des Nord-Coréens")
    assert by_id["003"].title == "Guerre en Ukraine\u00a0: Koursk, le piège mortel des soldats nord-coréens"
    assert by_id["001"].title is None  # its first line is a 300-character paragraph
    assert by_id["002"].title is None  # "Principaux renseignements" is a heading, not a title


def test_seed_texts_are_the_files_exactly(seeds) -> None:
    for document in seeds.documents:
        raw = (REPO / document.path).read_bytes()
        assert document.text == raw.decode("utf-8")
        assert document.body_start == 0


def test_seed_boilerplate_covers_cookie_banners_and_scraper_footers(seeds) -> None:
    by_id = {d.id[:3]: d for d in seeds.documents}

    def noisy(document: Document, words: str) -> bool:
        at = document.text.index(words)
        return any(s <= at < e for s, e in boilerplate_spans(document))

    cookies = by_id["001"]
    assert noisy(cookies, "Ce contenu est bloqué car vous n’avez pas accepté les cookies")
    assert noisy(cookies, "Gérer mes choix")
    assert noisy(cookies, "J’accepte tous les cookies")
    assert not noisy(cookies, "« Cinq mille personnes, réunies au sein d’une division d’ouvriers")
    assert noisy(by_id["003"], "Publish date : 2025-06-17")
    assert noisy(by_id["003"], "Source link : https://www.lexpress.fr")
    assert not noisy(by_id["003"], "environ 11 000 soldats nord-coréens")
    assert noisy(by_id["000"], "information fournie par Boursorama")
    assert noisy(by_id["002"], "abonnez-vous ici!")
    assert noisy(by_id["004"], "Image for La Corée du Sud")
    assert noisy(by_id["004"], "Vous aimerez peut-être aussi")


def test_boilerplate_spans_are_whole_lines_merged_across_blank_lines() -> None:
    document = _doc("Titre\n\nLire aussi : autre chose\r\n\r\nJ’accepte\r\nUn vrai paragraphe de 12 000 mots.\n")
    spans = boilerplate_spans(document)
    assert len(spans) == 1
    start, end = spans[0]
    assert document.text[start:end] == "Lire aussi : autre chose\r\n\r\nJ’accepte"


# --- formats ------------------------------------------------------------------------------


def test_html_page_gives_the_article_without_navigation_ads_or_cookie_banner() -> None:
    corpus = load_corpus([FIXTURES / "html"])
    (page,) = corpus.documents
    assert page.id == "port-strike"
    assert "About 2,400 dockworkers returned to work on Monday" in page.text
    assert "It was the longest stoppage at the port since 1998." in page.text
    for noise in ("Save 50% on cruises", "Accept all cookies", "Subscribe for $1", "Ferry prices", "Win a trip"):
        assert noise not in page.text
    assert page.title == "Dockworkers end three-week strike at Northport"
    assert page.published == dt.date(2025, 3, 4)
    assert page.publisher == "The Harbour Times"
    assert page.url == "https://www.harbourtimes.example/business/2025/03/04/dockworkers-end-strike"
    assert page.language == "en"


def test_html_page_with_no_article_text_is_skipped() -> None:
    with pytest.raises(InputError, match="menu.html: no article text"):
        read_document(b"<html><body><nav></nav></body></html>", id="menu", path="menu.html", suffix=".html")


def test_markdown_front_matter_is_honoured_and_the_text_is_the_whole_file() -> None:
    path = FIXTURES / "markdown" / "front-matter.md"
    (document,) = load_corpus([path]).documents
    assert document.text == path.read_text(encoding="utf-8")
    assert document.text[document.body_start :].startswith("# Inondations : 1 200 habitants")
    assert document.text[: document.body_start].startswith("---\ntitle:")
    assert document.title == "Inondations : 1 200 habitants évacués dans la vallée de la Sarre"
    assert document.published == dt.date(2025, 2, 3)
    assert document.publisher == "Le Républicain Lorrain"
    assert document.url == "https://www.republicain-lorrain.example/faits-divers/inondations-sarre"
    assert document.language == "fr"
    assert boilerplate_spans(document)[0] == (0, document.body_start)


@pytest.mark.slow
def test_markdown_front_matter_language_wins_over_detection() -> None:
    document = _doc("---\nlanguage: de-CH\npublished: 3 mars 2025\n---\n" + FRENCH_BODY * 3, "a.md")
    assert document.language == "de"
    assert document.published == dt.date(2025, 3, 3)


def test_markdown_with_broken_front_matter_still_starts_the_body_after_it() -> None:
    document = _doc("---\ntitle: [unclosed\n---\n# Headline\n\n" + FRENCH_BODY, "a.md")
    assert document.text[document.body_start :].startswith("# Headline")
    assert document.title == "Headline"


def test_jsonl_reads_each_record_and_reports_malformed_lines_by_number() -> None:
    corpus = load_corpus([FIXTURES / "jsonl"])
    by_id = {d.id: d for d in corpus.documents}
    assert sorted(by_id) == ["5", "batch#2", "wire-001"]
    wire = by_id["wire-001"]
    assert wire.text.startswith("Quake hits southern coast\nA magnitude 6.1 earthquake")
    assert (wire.published, wire.publisher, wire.title, wire.language) == (
        dt.date(2025, 5, 6),
        "Reuters",
        "Quake hits southern coast",
        "en",
    )
    assert by_id["batch#2"].published == dt.date(2025, 5, 6)  # "6 mai 2025"
    assert by_id["batch#2"].language == "fr"
    assert all(d.path.endswith("jsonl/batch.jsonl") for d in corpus.documents)
    skipped = {s.path.rsplit("/", 1)[-1]: s.reason for s in corpus.skipped}
    assert set(skipped) == {"batch.jsonl:3", "batch.jsonl:4", "batch.jsonl:5"}
    assert "line 3 is not valid JSON" in skipped["batch.jsonl:3"]
    assert 'no "text"' in skipped["batch.jsonl:4"]


def test_documents_from_jsonl_returns_documents_and_bad_lines() -> None:
    raw = b'{"text": "' + ENGLISH_BODY.strip().encode() + b'"}\n{oops\n'
    documents, skipped = documents_from_jsonl(raw, id="wire", path="wire.jsonl")
    assert [d.id for d in documents] == ["wire#1"]
    assert [s.path for s in skipped] == ["wire.jsonl:2"]


def test_files_without_extension_are_read_as_text(tmp_path: Path) -> None:
    _write(tmp_path, "article", "Titre\n\n" + FRENCH_BODY)
    (document,) = load_corpus([tmp_path]).documents
    assert document.id == "article"
    assert document.title == "Titre"


def test_other_formats_are_skipped_with_a_reason(tmp_path: Path) -> None:
    _write(tmp_path, "article.txt", FRENCH_BODY)
    _write(tmp_path, "scan.pdf", b"%PDF-1.7\n\x00\x01")
    _write(tmp_path, "photo.JPG", b"\xff\xd8\xff\xe0")
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["article"]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert reasons.keys() == {"scan.pdf", "photo.JPG"}
    assert "not an article format (.pdf)" in reasons["scan.pdf"]
    assert "expected .txt, .md, .html or .jsonl" in reasons["photo.JPG"]


# --- encodings and exact text -----------------------------------------------------------------


def test_windows_1252_text_is_decoded_not_rejected() -> None:
    text = "L’armée a déployé 3 000 soldats près de la frontière, selon le ministère.\n"
    document = read_document(text.encode("cp1252"), id="a", path="a.txt")
    assert document.text == text
    assert document.language == "fr"


def test_latin_1_text_is_decoded() -> None:
    text = "Le député a été réélu à Besançon avec 52 % des voix exprimées.\n"
    assert read_document(text.encode("latin-1"), id="a", path="a.txt").text == text


def test_utf8_byte_order_mark_is_dropped() -> None:
    document = read_document(b"\xef\xbb\xbfTitre\n\n" + FRENCH_BODY.encode("utf-8"), id="a", path="a.txt")
    assert document.text == "Titre\n\n" + FRENCH_BODY
    assert document.title == "Titre"


def test_crlf_line_endings_are_kept_and_lines_are_counted_right() -> None:
    text = "Titre\r\n\r\n" + FRENCH_BODY.replace("\n", "\r\n") + "Deuxième paragraphe.\r\n"
    document = read_document(text.encode("utf-8"), id="a", path="a.txt")
    assert document.text == text
    assert document.line_of(document.text.index("Deuxième")) == 4
    assert document.title == "Titre"


def test_mostly_utf8_file_with_one_damaged_byte_stays_utf8() -> None:
    raw = ("Éric Dupont a été élu à Orléans. " * 5).encode("utf-8") + b"\xff fin.\n"
    document = read_document(raw, id="a", path="a.txt")
    assert document.text.startswith("Éric Dupont a été élu à Orléans.")
    assert "\ufffd" in document.text


def test_cyrillic_single_byte_text_is_not_misread_as_western() -> None:
    text = "Министерство обороны сообщило в понедельник о новых учениях на севере страны.\n" * 3
    document = read_document(text.encode("cp1251"), id="ru", path="ru.txt")
    assert document.text == text


@settings(max_examples=150)
@given(
    st.text(
        alphabet=st.characters(exclude_categories=("Cs", "Cc"), include_characters="\n\r\t"),
        min_size=1,
    ).filter(lambda t: t.strip()),
    st.booleans(),
)
@pytest.mark.slow
def test_document_text_is_the_decoded_file_exactly(text: str, with_bom: bool) -> None:
    raw = ("\ufeff" if with_bom else "").encode("utf-8") + text.encode("utf-8")
    document = read_document(raw, id="a", path="a.txt")
    assert document.text == text
    assert document.line_starts == Document(id="a", path="a.txt", text=text).line_starts
    for start, end in boilerplate_spans(document):
        assert 0 <= start < end <= len(text)


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(st.binary(max_size=300), st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))),
    st.sampled_from([".txt", ".md", ".html", ""]),
)
@pytest.mark.slow
def test_any_bytes_give_a_document_or_an_input_error_never_a_crash(raw: bytes, suffix: str) -> None:
    try:
        document = read_document(raw, id="a", path="a" + suffix, suffix=suffix)
    except InputError as error:
        assert str(error).startswith("a" + suffix + ": ") and "\n" not in str(error)
    else:
        assert document.text.strip()
        assert document.language is None or len(document.language) == 2


def test_binary_empty_and_oversized_files_are_skipped_with_one_line_reasons(tmp_path: Path) -> None:
    _write(tmp_path, "good.txt", FRENCH_BODY)
    _write(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    _write(tmp_path, "noise", bytes([1, 2, 3, 4, 5, 6, 7, 8]) * 20 + b"text")
    _write(tmp_path, "empty.txt", b"")
    _write(tmp_path, "blank.md", b" \n\t\r\n")
    _write(tmp_path, "huge.txt", "Un article.\n" * 200)
    corpus = load_corpus([tmp_path], max_bytes=1000)
    assert [d.id for d in corpus.documents] == ["good"]
    reasons = {Path(s.path).name: s.reason for s in corpus.skipped}
    assert [Path(s.path).name for s in corpus.skipped] == sorted(reasons)
    assert "binary" in reasons["image.txt"]
    assert "binary" in reasons["noise"]
    assert "empty" in reasons["empty.txt"]
    assert "empty" in reasons["blank.md"]
    assert reasons["huge.txt"] == "larger than 1 kB: split it or raise --max-bytes"
    assert all("\n" not in reason for reason in reasons.values())


def test_default_size_limit_is_stated_in_megabytes(tmp_path: Path) -> None:
    _write(tmp_path, "good.txt", FRENCH_BODY)
    _write(tmp_path, "big.txt", b"a" * 10_000_001)
    corpus = load_corpus([tmp_path])
    assert [s.reason for s in corpus.skipped] == ["larger than 10 MB: split it or raise --max-bytes"]


def test_unreadable_file_is_skipped_with_a_reason(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "good.txt", FRENCH_BODY)
    _write(tmp_path, "locked.txt", FRENCH_BODY)
    real_open = open

    def guarded_open(file, *args, **kwargs):
        if str(file).endswith("locked.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(loader, "open", guarded_open, raising=False)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["good"]
    (skipped,) = corpus.skipped
    assert skipped.path.endswith("locked.txt")
    assert "Permission denied" in skipped.reason and "permissions" in skipped.reason


def test_read_document_rejects_binary_bytes_naming_the_path() -> None:
    with pytest.raises(InputError, match=r"^scan\.txt: binary"):
        read_document(b"\x00\x01\x02binary", id="scan", path="scan.txt")


# --- paths, ids, order ----------------------------------------------------------------------


def test_missing_path_raises_input_error_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-folder"
    with pytest.raises(InputError, match="no-such-folder: no such file or folder"):
        load_corpus([missing])


def test_empty_folder_raises_input_error_naming_it(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match=r"no articles found in .*empty: expected \.txt, \.md, \.html or \.jsonl"):
        load_corpus([tmp_path / "empty"])


def test_folder_of_unreadable_files_says_why_nothing_was_read(tmp_path: Path) -> None:
    _write(tmp_path, "scan.pdf", b"%PDF")
    with pytest.raises(InputError, match=r"no articles found .*scan\.pdf: not an article format"):
        load_corpus([tmp_path])


def test_hidden_files_and_folders_are_ignored(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", FRENCH_BODY)
    _write(tmp_path, ".draft.txt", FRENCH_BODY)
    _write(tmp_path, ".git/notes.txt", FRENCH_BODY)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a"]
    assert corpus.skipped == ()


def test_ids_are_relative_paths_without_extension_and_paths_are_openable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _write(tmp_path, "corpus/2025/june/a.txt", FRENCH_BODY)
    _write(tmp_path, "corpus/b.md", FRENCH_BODY)
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus(["corpus/"])
    assert corpus.name == "corpus"
    assert [(d.id, d.path) for d in corpus.documents] == [
        ("2025/june/a", "corpus/2025/june/a.txt"),
        ("b", "corpus/b.md"),
    ]
    for document in corpus.documents:
        assert Path(document.path).read_text(encoding="utf-8") == document.text


def test_a_single_file_is_named_after_its_stem(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _write(tmp_path, "news/story.txt", FRENCH_BODY)
    monkeypatch.chdir(tmp_path)
    corpus = load_corpus(["news/story.txt"])
    assert corpus.name == "story"
    assert [(d.id, d.path) for d in corpus.documents] == [("story", "news/story.txt")]


def test_colliding_ids_keep_both_files_with_their_extension(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", FRENCH_BODY)
    _write(tmp_path, "a.md", ENGLISH_BODY)
    _write(tmp_path, "b.txt", FRENCH_BODY)
    corpus = load_corpus([tmp_path])
    assert [d.id for d in corpus.documents] == ["a.md", "a.txt", "b"]
    assert {d.id: d.language for d in corpus.documents} == {"a.md": "en", "a.txt": "fr", "b": "fr"}


def test_same_file_names_in_two_given_folders_get_distinct_ids(tmp_path: Path) -> None:
    _write(tmp_path, "one/a.txt", FRENCH_BODY)
    _write(tmp_path, "two/a.txt", ENGLISH_BODY)
    forward = load_corpus([tmp_path / "one", tmp_path / "two"])
    backward = load_corpus([tmp_path / "two", tmp_path / "one"])
    assert forward == backward
    assert len({d.id for d in forward.documents}) == 2
    assert forward.name == "one+two"


def test_the_same_file_given_twice_is_read_once(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", FRENCH_BODY)
    corpus = load_corpus([tmp_path, tmp_path / "a.txt"])
    assert len(corpus.documents) == 1


_NAMES = st.lists(
    st.text(alphabet="abcdefghij0123456789_-", min_size=1, max_size=8),
    min_size=1,
    max_size=6,
    unique=True,
)


@settings(max_examples=25, deadline=None)
@given(_NAMES, st.randoms(use_true_random=False))
@pytest.mark.slow
def test_corpus_does_not_depend_on_the_order_files_are_written_or_listed(names: list[str], rng) -> None:
    contents = {
        f"{name}{ext}": (FRENCH_BODY if i % 2 else ENGLISH_BODY) + f"Document {name}.\n"
        for i, name in enumerate(names)
        for ext in (".txt", ".md")[: 1 + i % 2]  # some names exist as both .txt and .md
    }
    contents["sub/x.txt"] = FRENCH_BODY
    contents["bad.bin"] = "binary"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder) / "corpus"
        for name, text in contents.items():
            _write(root, name, text)
        written_in_order = load_corpus([root])
        shutil.rmtree(root)
        shuffled = list(contents.items())
        rng.shuffle(shuffled)
        for name, text in shuffled:
            _write(root, name, text)
        assert load_corpus([root]) == written_in_order

        listed = sorted(root.iterdir())
        reordered = listed[:]
        rng.shuffle(reordered)
        assert load_corpus(listed) == load_corpus(reordered)
        assert len(written_in_order.documents) == len(contents) - 1


def test_progress_is_reported_after_each_file(tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.pdf"):
        _write(tmp_path, name, FRENCH_BODY)
    calls: list[tuple[int, int]] = []
    load_corpus([tmp_path], on_progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


# --- language ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name, expected", [("de.txt", "de"), ("es.txt", "es")])
def test_german_and_spanish_articles_are_read_and_identified(name: str, expected: str) -> None:
    (document,) = load_corpus([FIXTURES / "languages" / name]).documents
    assert document.language in (expected, None)
    assert document.title is not None


def test_language_of_short_or_meaningless_text_is_unknown_not_guessed() -> None:
    assert detect_language("Ukraine") is None
    assert detect_language("12 000 / 14 000 — 5 %") is None
    assert detect_language(ENGLISH_BODY * 2) == "en"
    assert detect_language(FRENCH_BODY * 2) == "fr"


@pytest.mark.slow
def test_reading_french_text_loads_neither_the_language_model_nor_the_html_parser() -> None:
    code = (
        "import sys; from consistency.corpus import load_corpus; load_corpus(['seeds']);"
        "print('py3langid' in sys.modules, 'trafilatura' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


# --- dates, outlets, titles stated by the page --------------------------------------------------


@pytest.mark.parametrize(
    "header, footer, published, publisher",
    [
        (
            "information fournie par Boursorama avec Media Services 14/11/2025 à 11:15",
            "",
            dt.date(2025, 11, 14),
            "Boursorama",
        ),
        ("Publié le 17 juin 2025 à 10h, mis à jour le 18 juin 2025 à 12h", "", dt.date(2025, 6, 17), None),
        ("Mis à jour le 18 juin 2025 à 12h", "", dt.date(2025, 6, 18), None),
        ("Published: June 17, 2025", "", dt.date(2025, 6, 17), None),
        ("Updated 3:04 PM EST, Mon June 16, 2025", "", dt.date(2025, 6, 16), None),
        ("Par Jean Dupont", "Publish date : 2025-06-17 16:16:00", dt.date(2025, 6, 17), None),
        ("Le 17/06/2025 à 10:15", "", dt.date(2025, 6, 17), None),
        ("Le 17.06.2025 à 10:15", "", dt.date(2025, 6, 17), None),
        ("Par Jean Dupont - Publié le 17 juin 2025 à 11:42", "", dt.date(2025, 6, 17), None),
        ("Mis à jour le 1 oct. 2025 à 19h07", "", dt.date(2025, 10, 1), None),
        ("", "© Reuters", None, "Reuters"),
        ("", "Copyright © 2025 The Harbour Times. All rights reserved.", None, "The Harbour Times"),
        ("", "Copyright for syndicated content belongs to the linked Source.", None, None),
        ("", "Source link : https://edition.cnn.com/2025/06/17/world/drought", None, "CNN"),
        ("", "Source link : https://unknown-site.example/a", None, None),
        ("", "Suivez également Business AM sur Google Actualités", None, "Business AM"),
    ],
)
def test_page_metadata_lines(header: str, footer: str, published: dt.date | None, publisher: str | None) -> None:
    document = _doc("Sécheresse : une aide de 50 millions\n" + header + "\n\n" + FRENCH_BODY * 3 + "\n" + footer + "\n")
    assert document.published == published
    assert document.publisher == publisher
    assert document.title == "Sécheresse : une aide de 50 millions"
    for line in (header, footer):
        if line:
            at = document.text.index(line)
            assert any(s <= at < e for s, e in boilerplate_spans(document)), f"{line!r} is not page noise"


@pytest.mark.parametrize(
    "header, published",
    [
        ("By Jane Doe | Jul 29, 2025 3:04 PM ET", dt.date(2025, 7, 29)),
        ("Posted 07/29/2025", dt.date(2025, 7, 29)),
        ("Posted 01/10/2025", None),  # January 10 or 1 October: unknown rather than wrong
        ("Updated: 2025-07-29T11:42:00Z", dt.date(2025, 7, 29)),
        ("29 July 2025", dt.date(2025, 7, 29)),
    ],
)
def test_english_page_dates(header: str, published: dt.date | None) -> None:
    document = _doc("Drought aid\n" + header + "\n\n" + ENGLISH_BODY * 3)
    assert document.language == "en"
    assert document.published == published
    assert document.title == "Drought aid"
    at = document.text.index(header)
    assert any(s <= at < e for s, e in boilerplate_spans(document)), "the date line is page metadata, not a claim"


def test_agency_dateline_names_the_outlet_when_nothing_else_does() -> None:
    assert _doc("Titre\n\nPARIS (AFP) - " + FRENCH_BODY).publisher == "AFP"
    photo_caption = _doc("Titre\n\n" + FRENCH_BODY + "Le président à Paris, le 3 mai. (AFP)\n" + FRENCH_BODY)
    assert photo_caption.publisher is None


def test_known_outlet_in_a_by_line_names_the_publisher() -> None:
    assert _doc("Drought aid\nBy Jane Doe, CNN\n\n" + ENGLISH_BODY).publisher == "CNN"
    assert _doc("Sécheresse\nPar Le Figaro avec AFP\n\n" + FRENCH_BODY).publisher == "Le Figaro"
    assert _doc("Sécheresse\nPar Jean Dupont\n\n" + FRENCH_BODY).publisher is None


def test_outlet_first_line_is_the_publisher_not_the_title() -> None:
    known = _doc("L’Express\n\nGuerre : le bilan\n\n" + FRENCH_BODY)
    assert (known.publisher, known.title) == ("L'Express", "Guerre : le bilan")
    repeated_in_tags = _doc("Le Petit Écho\n\nSécheresse : une aide\n\n" + FRENCH_BODY + "\nTags : Le Petit Écho\n")
    assert (repeated_in_tags.publisher, repeated_in_tags.title) == ("Le Petit Écho", "Sécheresse : une aide")
    unknown = _doc("Le Petit Écho\n\nSécheresse : une aide\n\n" + FRENCH_BODY)
    assert (unknown.publisher, unknown.title) == (None, "Le Petit Écho")


def test_dates_in_the_article_body_are_not_taken_as_the_publication_date() -> None:
    document = _doc("Titre\n\n" + FRENCH_BODY + "Le 19 juin 2024, les deux pays ont signé un accord.\n")
    assert document.published is None


@pytest.mark.parametrize(
    "span, lang, expected",
    [
        ("14/11/2025", "fr", dt.date(2025, 11, 14)),
        ("06/17/2025", "en", dt.date(2025, 6, 17)),
        ("05/06/2025", "fr", dt.date(2025, 6, 5)),
        ("05/06/2025", "en", None),  # 5 June or May 6: unknown rather than wrong
        ("2025-06-17", None, dt.date(2025, 6, 17)),
        ("1er juin 2025", "fr", dt.date(2025, 6, 1)),
        ("17 de junio de 2025", "es", dt.date(2025, 6, 17)),
        ("June 17, 2025", "fr", dt.date(2025, 6, 17)),
        ("juin 2025", "fr", None),  # no day: not a publication date
        ("31/02/2025", "fr", None),
        ("17/06/1066", "fr", None),
    ],
)
def test_parse_date(span: str, lang: str | None, expected: dt.date | None) -> None:
    assert parse_date(span, lang) == expected


# --- speed ------------------------------------------------------------------------------------


@pytest.mark.slow
def test_reading_many_small_files_does_the_work_once_per_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Work is counted, not timed (benchmarks/ time it): one language guess per article."""
    import consistency.corpus.readers as readers

    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    for i in range(500):
        _write(tmp_path, f"{i:04d}.txt", texts[i % len(texts)].replace("2025", str(2000 + i % 25)))
    calls = {"n": 0}
    original = readers.detect_language

    def counting(text: str) -> str | None:
        calls["n"] += 1
        return original(text)

    monkeypatch.setattr(readers, "detect_language", counting)
    corpus = load_corpus([tmp_path])
    assert len(corpus.documents) == 500
    assert calls["n"] <= 500
