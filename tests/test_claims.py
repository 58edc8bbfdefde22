"""Claims as a fact-checker reads them: what is counted, what happened, whose, when, who says so."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consistency.extract import extract_claims
from consistency.model import Document


def doc(text: str, lang: str = "en", published: dt.date | None = dt.date(2025, 6, 17), id: str = "a") -> Document:
    return Document(id=id, path=f"{id}.txt", text=text, language=lang, published=published)


def only(claims, **fields):
    found = [c for c in claims if all(getattr(c, k) == v for k, v in fields.items())]
    assert len(found) == 1, (fields, claims)
    return found[0]


def test_english_claim_has_every_field():
    text = (
        "According to the UK Ministry of Defence, more than 6,000 North Korean soldiers have been "
        "killed or wounded in Kursk since October 2024."
    )
    c = only(extract_claims(doc(text)), kind="quantity")
    assert c.quote == "more than 6,000 North Korean soldiers"
    assert (c.value.low, c.value.high, c.qualifier) == (6000, None, "more_than")
    assert (c.category, c.event, c.actor, c.location) == ("soldiers", "killed_or_wounded", "North Korea", "Kursk")
    assert c.attributed_to == "UK Ministry of Defence"
    assert c.time.low == dt.date(2024, 10, 1) and c.time.kind == "since"
    assert c.cumulative and not c.increment


def test_french_quote_with_speaker_after_it():
    text = "« Cinq mille ouvriers arriveront à Koursk », a déclaré Sergueï Choïgou mardi."
    c = only(extract_claims(doc(text, "fr")), kind="quantity")
    assert (c.value.low, c.category, c.location, c.attributed_to) == (5000, "workers", "Kursk", "Sergei Shoigu")


@pytest.mark.parametrize(
    "text,lang",
    [
        ("North Korea sent 3,000 additional troops to Russia in January 2025.", "en"),
        ("Pyongyang a envoyé 3 000 soldats supplémentaires en Russie en janvier 2025.", "fr"),
        ("Another 3,000 North Korean troops were sent to Russia in January 2025.", "en"),
    ],
)
def test_increments_are_marked(text, lang):
    c = only(extract_claims(doc(text, lang)), kind="quantity")
    assert c.increment and c.value.low == 3000 and c.event == "sent"


def test_a_share_points_to_the_figure_it_is_a_share_of():
    text = (
        "A l'automne 2024, environ 11 000 soldats nord-coréens ont été déployés à Koursk. "
        "Plus de la moitié de ces troupes ont été tuées ou blessées."
    )
    claims = extract_claims(doc(text, "fr"))
    total = only(claims, unit="count")
    share = only(claims, unit="percent")
    assert share.share_of == total.id
    assert share.event == "killed_or_wounded" and total.event == "deployed"


def test_time_of_the_statement_is_not_the_time_of_the_fact():
    text = "Début novembre, la Corée du Sud a affirmé qu'environ 5.000 soldats nord-coréens avaient été envoyés en Russie depuis septembre."
    c = only(extract_claims(doc(text, "fr", dt.date(2025, 11, 14))), kind="quantity")
    assert c.time.low == dt.date(2025, 9, 1) and c.time.kind == "since"
    assert c.attributed_to == "South Korea"


def test_without_a_time_a_claim_is_as_of_publication():
    c = only(extract_claims(doc("Russia has deployed 50,000 soldiers near Kursk.")), kind="quantity")
    assert c.time.kind == "as_of" and c.time.high == dt.date(2025, 6, 17) and c.time_source == "as_of"


def test_years_dates_and_page_noise_are_not_claims():
    text = (
        "Published 17 June 2025 at 10:15.\n"
        "In 2024, the treaty was signed under article 4.\n"
        "Subscribe for $2 a month. 1,234 shares.\n"
    )
    assert [c for c in extract_claims(doc(text)) if c.kind == "quantity"] == []


def test_killed_or_wounded_is_its_own_event():
    text = "Officials said 1,000 soldiers were killed and 2,000 soldiers were wounded, while 500 soldiers were killed or wounded later."
    events = sorted(c.event for c in extract_claims(doc(text)) if c.kind == "quantity")
    assert events == ["killed", "killed_or_wounded", "wounded"]


def test_dated_event_is_a_claim():
    text = "L'incursion surprise de l'Ukraine en août 2024 a visé la région de Koursk."
    c = only(extract_claims(doc(text, "fr")), kind="date")
    assert c.event == "incursion" and c.value.low == dt.date(2024, 8, 1) and c.value.high == dt.date(2024, 8, 31)


def test_other_languages_do_not_crash():
    text = "Nach Angaben des Ministeriums wurden 11.000 Soldaten nach Kursk verlegt, sagte der Sprecher am Montag."
    claims = extract_claims(doc(text, "de"))
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.text(alphabet=st.sampled_from(list("0123456789 ,.;:-–'’«»\"\n\u00a0\u202fabcdeéèàklmnoprstuvxy")) | st.characters(), max_size=400),
    st.sampled_from(["fr", "en", "de", None]),
)
@pytest.mark.slow
def test_no_text_makes_extraction_crash_and_spans_are_exact(text, lang):
    for c in extract_claims(doc(text, lang)):
        assert text[c.span[0]:c.span[1]] == c.quote
        assert 0 <= c.span[0] < c.span[1] <= len(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "environ 11 000 soldats nord-coréens ont été déployés à Koursk à l'automne 2024",
    "selon Séoul, 14 000 soldats nord-coréens ont été déployés depuis début 2024",
    "plus de 6 000 soldats tués ou blessés",
    "3 000 soldats supplémentaires ont été envoyés en janvier 2025",
    "Cinq mille ouvriers",
    "Le 19 juin 2024, un traité a été signé",
]), min_size=1, max_size=6))
@pytest.mark.slow
def test_claims_in_generated_french_keep_their_spans(sentences):
    text = ". ".join(sentences) + "."
    claims = extract_claims(doc(text, "fr"))
    assert claims
    for c in claims:
        assert text[c.span[0]:c.span[1]] == c.quote


@pytest.mark.parametrize(
    "text,lang,origin",
    [
        ("John Smith, a Pentagon spokesman, said 300 soldiers were killed.", "en", "Pentagon"),
        ("Le ministère ukrainien de la Défense affirme que 1 200 soldats russes ont été tués.", "fr", "Ukrainian Ministry of Defence"),
        ("Ukraine's defence ministry said 1,200 Russian soldiers were killed.", "en", "Ukrainian Ministry of Defence"),
        ("Selon le ministère russe de la Défense, 1 200 soldats ukrainiens ont été tués.", "fr", "Russian Ministry of Defence"),
        ("At least 3,000 civilians were killed, according to Seoul's spy agency.", "en", "South Korean intelligence"),
        ("D'après les renseignements sud-coréens, 3 000 soldats ont été envoyés.", "fr", "South Korean intelligence"),
        ("The Institute for the Study of War estimated that 3,000 soldiers were killed.", "en", "Institute for the Study of War"),
        ("Selon certaines informations, 3 000 soldats ont été envoyés.", "fr", None),
        ("Le ministère a indiqué que 300 manifestants ont été arrêtés.", "fr", None),
    ],
)
def test_who_said_it(text, lang, origin):
    c = only(extract_claims(doc(text, lang)), kind="quantity")
    assert c.attributed_to == origin


def test_a_share_of_them_counts_what_the_figure_before_counts():
    text = (
        "About 11,000 North Korean troops were deployed to Kursk in autumn 2024. "
        "Nearly 40% of them have been killed or wounded, British intelligence said."
    )
    claims = extract_claims(doc(text))
    total = only(claims, kind="quantity", unit="count")
    share = only(claims, unit="percent")
    assert share.quote == "Nearly 40% of them"
    assert (share.share_of, share.category, share.event) == (total.id, "soldiers", "killed_or_wounded")
    assert (share.value.low, share.value.high) == (36, 40)


@pytest.mark.slow
def test_user_lexicon_adds_words_and_bad_folders_are_refused(tmp_path):
    from consistency.errors import InputError
    from consistency.extract.lexicon import build_lexicon

    (tmp_path / "categories.yaml").write_text("soldiers:\n  fr: [grognards]\n", encoding="utf-8")
    lex = build_lexicon((tmp_path,))
    c = only(extract_claims(doc("Napoléon a perdu 5 000 grognards en Russie.", "fr"), lex), kind="quantity")
    assert c.category == "soldiers" and c.actor is None  # Russia is where they died, not whose they were
    with pytest.raises(InputError, match="lexicon folder not found"):
        build_lexicon((tmp_path / "missing",))
    (tmp_path / "categories.yaml").write_text("soldiers: [a, b]\n", encoding="utf-8")
    with pytest.raises(InputError, match="must be a mapping"):
        build_lexicon((tmp_path,))
