"""Parts of a town, and a town abroad named just before a figure (fr/en/de/es, invented sentences).

A count limited to one quarter ("im Stadtteil Kreuzberg", "dans le quartier de Brooklyn",
"in and around the Brooklyn neighborhood") is that quarter's, never the whole city's: set
against the city's toll it made a false dispute or update. A town right after a reporting verb
is where the speaker was, but not when the counted noun stands between them ("Police said
seven people died in Queens"). A figure with no place of its own, after a sentence (or a
clause) naming a town in another country than the article's, may be that town's: the
article's country is then no safe guess, and the figure stays unplaced.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, findings


@pytest.mark.parametrize(("lang", "text", "part", "other"), [
    ("de", "Brände in Berlin\n\nIn Berlin starben 16 Menschen. Laut der Polizei wurden fünf Tote in und um den "
           "Stadtteil Kreuzberg gefunden und elf in Spandau.", "Kreuzberg", "Spandau"),
    ("en", "Fires in New York\n\nIn New York, 16 people died. Police found five dead in and around the neighborhood "
           "of Brooklyn and eleven in Queens.", "Brooklyn", "Queens"),
    ("fr", "Incendies à New York\n\nÀ New York, 16 personnes sont mortes. La police a trouvé cinq morts dans le "
           "quartier de Brooklyn et onze à Newark.", "Brooklyn", "Newark"),
    ("es", "Incendios en Madrid\n\nEn Madrid murieron 16 personas. La policía halló cinco muertos en el barrio de "
           "Vallecas y once en Getafe.", "Vallecas", "Getafe"),
])
def test_a_count_in_a_part_of_the_town_is_that_parts(lang: str, text: str, part: str, other: str) -> None:
    assert figure(text, lang, 5).location == part
    assert figure(text, lang, 11).location == other
    assert figure(text, lang, 16).location != part


@pytest.mark.parametrize(("lang", "text", "place"), [
    ("en", "Fires in New York\n\nPolice said seven people died in Queens.", "Queens"),
    ("en", "Fires in California\n\nOfficials said seven people died in the Altadena neighborhood.", "Altadena"),
])
def test_a_town_after_the_counted_noun_is_where_they_were_counted(lang: str, text: str, place: str) -> None:
    assert figure(text, lang, 7).location == place


def test_a_town_right_after_the_reporting_verb_is_still_where_it_was_said() -> None:
    text = "Plane crash in Portugal\n\nAn airline executive said in Lisbon that 7 passengers were hurt."
    assert figure(text, "en", 7).location != "Lisbon"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Séisme en Birmanie\n\nLe séisme a frappé la Birmanie vendredi. Les secousses ont été ressenties jusqu'à "
           "Bangkok, la capitale thaïlandaise, où une tour en chantier s'est effondrée. Au moins 3 ouvriers sont morts."),
    ("en", "Earthquake in Myanmar\n\nThe quake struck Myanmar on Friday. It was also felt in Bangkok, where a tower "
           "under construction collapsed. At least 3 workers died."),
    ("de", "Erdbeben in Myanmar\n\nDas Beben erschütterte Myanmar am Freitag. Es war auch in Bangkok zu spüren, wo ein "
           "Hochhaus einstürzte. Mindestens 3 Arbeiter starben."),
    ("es", "Terremoto en Birmania\n\nEl sismo sacudió Birmania el viernes. Se sintió hasta en Bangkok, donde se "
           "derrumbó una torre en obras. Al menos 3 obreros murieron."),
])
def test_a_figure_after_a_town_abroad_is_not_the_articles_country(lang: str, text: str) -> None:
    assert figure(text, lang, 3).location != "Myanmar"


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Séisme en Birmanie\n\nLe séisme a frappé la Birmanie vendredi. Les secousses ont été ressenties à "
           "Mandalay. Au moins 144 personnes sont mortes."),
    ("en", "Earthquake in Myanmar\n\nThe quake struck Myanmar on Friday. It was felt in Mandalay. At least 144 people died."),
    ("de", "Erdbeben in Myanmar\n\nDas Beben erschütterte Myanmar am Freitag. Es war in Mandalay zu spüren. "
           "Mindestens 144 Menschen starben."),
    ("es", "Terremoto en Birmania\n\nEl sismo sacudió Birmania el viernes. Se sintió en Mandalay. "
           "Al menos 144 personas murieron."),
])
def test_a_figure_after_a_town_of_the_country_keeps_its_place(lang: str, text: str) -> None:
    assert figure(text, lang, 144).location in ("Myanmar", "Mandalay")


CITY = ("Fires in New York\nDaily Courier — March 11, 2025\n\n"
        "The fires in New York have killed 16 people, the fire department said.\n")


@pytest.mark.parametrize(("lang", "part"), [
    ("de", "Brände in New York\nStand: 11.03.2025\n\nLaut der Feuerwehr wurden fünf Tote im Stadtteil Brooklyn gefunden.\n"),
    ("fr", "Incendies à New York\n11 mars 2025\n\nCinq personnes sont mortes dans le quartier de Brooklyn, selon les pompiers.\n"),
    ("es", "Incendios en Nueva York\n11 de marzo de 2025\n\nCinco personas murieron en el barrio de Brooklyn, según los bomberos.\n"),
    ("en", "Fires in New York\nMarch 12, 2025\n\nThe fire department said five people died in and around the Brooklyn neighborhood.\n"),
])
def test_a_parts_count_never_disputes_or_updates_the_citys(tmp_path: Path, lang: str, part: str) -> None:
    found = findings(tmp_path, {"a.txt": CITY, f"b_{lang}.txt": part})
    assert not [f for f in found if f.kind in ("dispute", "update", "contradiction")]


def test_the_citys_toll_still_updates(tmp_path: Path) -> None:
    later = ("Fires in New York\nEvening Ledger — March 13, 2025\n\n"
             "The fires in New York have now killed 24 people, the fire department said.\n")
    found = findings(tmp_path, {"a.txt": CITY, "b.txt": later})
    assert [f for f in found if f.kind == "update"]
