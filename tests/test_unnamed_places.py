"""A place the text names for a figure but no map knows (fr/en/de/es, invented sentences).

"In Oulad Zemrit, 45 people died": the figure is somewhere, not nowhere. Taken as "no place",
it would meet the country's toll of another article and make a false series; it keeps the name
as written and is set only against figures placed by the same name.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, figures, findings_and_claims

LOCAL = {
    "fr": "À Oulad Zemrit, 45 personnes sont mortes dans le séisme, selon les autorités locales.",
    "en": "In Oulad Zemrit, 45 people died in the earthquake, local authorities said.",
    "de": "Die Flut an Lahn und Dill hat mindestens 45 Menschen getötet, teilten die Behörden mit.",
    "es": "En Oulad Zemrit murieron 45 personas en el terremoto, según las autoridades locales.",
}
NATIONAL = {
    "fr": "Lundi 3 mars 2025\n\nMaroc : le séisme a fait 21 morts, selon le ministère.\n",
    "en": "Monday 3 March 2025\n\nMorocco quake: the earthquake has killed 21 people, the ministry said.\n",
    "de": "Montag, 3. März 2025\n\nDeutschland: Die Flut hat 21 Menschen getötet, teilte das Ministerium mit.\n",
    "es": "Lunes, 3 de marzo de 2025\n\nMarruecos: el terremoto ha dejado 21 muertos, según el ministerio.\n",
}
DAY_AFTER = {"fr": "Mardi 4 mars 2025", "en": "Tuesday 4 March 2025", "de": "Dienstag, 4. März 2025",
             "es": "Martes, 4 de marzo de 2025"}


@pytest.mark.parametrize("lang", sorted(LOCAL))
def test_a_figure_placed_by_an_unknown_name_is_placed_but_not_known(lang: str) -> None:
    claim = figure(LOCAL[lang], lang, 45)
    assert claim.place_source == "unnamed"
    assert claim.location is not None and claim.location.split()[0] in ("Oulad", "Lahn"), claim.location


@pytest.mark.parametrize("lang", sorted(LOCAL))
def test_two_articles_naming_the_same_unknown_place_are_compared(tmp_path: Path, lang: str) -> None:
    other = LOCAL[lang].replace("45", "60")
    day_before = NATIONAL[lang].split("\n\n")[0]
    found, claims = findings_and_claims(tmp_path, {"a.txt": f"{day_before}\n\n{LOCAL[lang]}\n",
                                                   "b.txt": f"{DAY_AFTER[lang]}\n\n{other}\n"})
    assert [f for f in found if {claims[c].value.low for c in f.claims} >= {45, 60}], [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("lang", sorted(LOCAL))
def test_it_makes_no_series_with_the_countrys_toll(tmp_path: Path, lang: str) -> None:
    later = f"{DAY_AFTER[lang]}\n\n{LOCAL[lang]}\n"
    found, claims = findings_and_claims(tmp_path, {"a.txt": NATIONAL[lang], "b.txt": later})
    assert not [f for f in found if {claims[c].value.low for c in f.claims} >= {21, 45}], \
        [(f.kind, f.message) for f in found]


@pytest.mark.parametrize("text", ["In Südfrankreich starben am Dienstag 144 Menschen.", "In Nordirak starben am Dienstag 12 Menschen."])
def test_a_compass_part_of_a_known_country_is_no_unknown_place(text: str) -> None:
    """"Südfrankreich" is the south of France, which the gazetteer knows: not an unknown town."""
    [claim] = figures(text, "de")
    assert claim.place_source != "unnamed", (claim.location, claim.place_source)
