"""A source before "zufolge", ages in a list of names, a place phrase before its verb and names
written with a non-breaking hyphen (issue 8): each is read so that two figures are compared
only when they speak of the same count, from the right source, in the right place."""

from __future__ import annotations

from pathlib import Path

from tests.sentences import exact, figure, figures, findings


# "Dem X zufolge", "der Polizei zufolge": the source stands before the word.
def test_postposed_source_is_read_with_an_unknown_name() -> None:
    claim = figure("Dem Zentrum für Seismologie (ZFS) zufolge lag das Beben in einer Tiefe von elf Kilometern.", "de", 11)
    assert claim.attributed_to == "Zentrum für Seismologie"


def test_postposed_known_source_is_normalised() -> None:
    claim = figure("Der Polizei zufolge kamen am Samstag rund 4.000 Menschen zu der Kundgebung.", "de", 4000)
    assert claim.attributed_to == "police"


def test_postposed_source_after_a_verb_keeps_only_the_name() -> None:
    claim = figure("Das Beben ereignete sich dem Zentrum für Seismologie zufolge in 14 Kilometern Tiefe.", "de", 14)
    assert claim.attributed_to == "Zentrum für Seismologie"


def test_two_agencies_dispute_rather_than_contradict(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_de.txt": "Erdbeben in Chile\nTalbote, 3. April 2024\n\nEin Beben der Stärke 6,1 erschütterte die Region Atacama. "
                    "Dem Zentrum für Seismologie (ZFS) zufolge ereignete es sich in einer Tiefe von 15 Kilometern.\n",
        "b_fr.txt": "Séisme au Chili\nLe Courrier, 3 avril 2024\n\nUn séisme de magnitude 6,1 a frappé la région d'Atacama. "
                    "L'épicentre se situait à neuf kilomètres de profondeur, selon l'US Geological Survey.\n",
    })
    assert [f.kind for f in found if f.kind == "contradiction"] == []


def test_no_postposition_no_source() -> None:
    claim = figure("Das Beben ereignete sich in einer Tiefe von 16 Kilometern.", "de", 16)
    assert claim.attributed_to is None


# Ages after names in a list: "Ann Roe, 8; Tom Lee, 9" are no counts of the dead.
def test_ages_in_a_list_of_names_are_not_counts() -> None:
    claims = figures("The toll rose to 41, officials said. Among the dead were Ann Roe, 8; Tom Lee, 9; "
                     "and Ruth Day, 7, who were at a summer camp.", "en")
    assert [c.value.low for c in claims] == [41]


def test_toll_beside_a_list_of_ages_still_updates(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_en.txt": "Flood toll rises\nRiver News, May 4, 2024\n\nThe death toll in the Ohio flash flood has risen to 33, "
                    "officials said on Friday.\nAt least three of the dead, Ann Roe, 7; Tom Lee, 9; and Ruth Day, 6, were campers.\n",
        "b_en.txt": "Ohio flood: 48 dead\nValley Post, May 5, 2024\n\nAt least 48 people have died in the Ohio flash flood, "
                    "officials said on Saturday.\n",
    })
    values = {v for f in found if f.kind == "update" for v in f.message.split() if v.isdigit()}
    assert "7" not in values and "9" not in values
    assert any(f.kind == "update" for f in found)


def test_a_count_after_a_semicolon_without_a_name_is_kept() -> None:
    claims = figures("The storm destroyed 40 homes; 12 people were injured.", "en")
    assert sorted(c.value.low for c in claims) == [12, 40]


# A place phrase before its verb says where, never who: "Besonders in der Provinz X bestätigten Behörden".
def test_place_phrase_before_the_verb_is_no_source() -> None:
    claim = figure("Besonders in der betroffenen Provinz Valencia bestätigten Behörden allein 61 Todesfälle.", "de", 61)
    assert claim.attributed_to is None or "Provinz" not in claim.attributed_to
    assert claim.location is not None and "Valencia" in claim.location


def test_named_source_before_the_verb_is_still_read() -> None:
    claim = figure("Die Regierung in Madrid bestätigte am Montag 73 Todesfälle.", "de", 73)
    assert claim.attributed_to is not None and "government" in claim.attributed_to


def test_place_phrase_in_english_is_no_source() -> None:
    claim = figure("In the province of Valencia alone, the regional council confirmed 61 deaths.", "en", 61)
    assert claim.attributed_to is None or "Valencia" not in claim.attributed_to


# A name written with a non-breaking hyphen is the same name.
def test_name_with_non_breaking_hyphen_is_not_its_last_part() -> None:
    text = "L'incendie d'un bar de Saint\u2011Nevada a fait 40 morts, selon la police."
    assert exact(figures(text, "fr"), 40).location != "Nevada"


def test_known_name_with_non_breaking_hyphen_resolves() -> None:
    for text, lang in (("Les inondations ont fait 12 morts à Clermont\u2011Ferrand, selon la préfecture.", "fr"),
                       ("The storm killed 12 people in Winston\u2011Salem, officials said.", "en")):
        plain = exact(figures(text.replace("\u2011", "-"), lang), 12)
        hyphened = exact(figures(text, lang), 12)
        assert plain.location is not None and hyphened.location == plain.location


# A phrase opening the sentence that points back at identifications: the identified dead, not the toll.
def test_identified_so_far_is_not_the_toll() -> None:
    cases = (("With these identifications, a total of 17 victims have now been confirmed.", "en"),
             ("Avec ces identifications, 17 victimes ont désormais été confirmées.", "fr"),
             ("Mit diesen Identifizierungen sind nun insgesamt 17 Opfer bestätigt.", "de"),
             ("Con estas identificaciones, ya son 17 las víctimas confirmadas.", "es"))
    for text, lang in cases:
        assert figure(text, lang, 17).event != "killed", (lang, text)


def test_toll_after_identifications_stays_the_toll() -> None:
    cases = (("With these identifications, the death toll rose to 43.", "en"),
             ("Avec ces identifications, le bilan s'élève à 43 morts.", "fr"))
    for text, lang in cases:
        assert figure(text, lang, 43).event == "killed", (lang, text)


def test_identified_victims_do_not_contradict_the_toll(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_en.txt": "Club fire: 35 dead\nLake Wire, February 3, 2025\n\nThe nightclub fire in Lausanne killed 35 people, police said.\n",
        "b_en.txt": "More victims identified\nLake Wire, February 4, 2025\n\nPolice in Lausanne said on Tuesday that more victims "
                    "had been formally identified. With these identifications, a total of 14 victims have now been confirmed.\n",
    })
    assert [f.kind for f in found if f.kind in ("contradiction", "update")] == []


# A list by nation splits one count: each item is a part of it.
def test_nationality_list_items_are_parts() -> None:
    cases = (("Parmi les blessés, les autorités dénombrent 57 Suisses, 9 Italiens et 4 Belges.", "fr", 57),
             ("The injured include 57 Swiss citizens, 9 French nationals and 4 Italians, police said.", "en", 57),
             ("Unter den Verletzten zählen die Behörden 57 Schweizer, 9 Italiener und 4 Belgier.", "de", 57),
             ("Entre los heridos hay 57 suizos, 9 italianos y 4 belgas.", "es", 57))
    for text, lang, value in cases:
        claims = [c for c in figures(text, lang) if c.value.low == value]
        assert all(c.measure == "part" for c in claims), (lang, [(c.quote, c.measure) for c in claims])


def test_one_nation_alone_is_not_made_a_part() -> None:
    claim = figure("Some 300 Britons were evacuated from the island on Sunday.", "en", 300)
    assert claim.measure != "part"


def test_nationality_breakdown_does_not_update_the_wounded(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_fr.txt": "Incendie à Lausanne\nLe Matin du Lac, 2 février 2025\n\nL'incendie d'une discothèque de Lausanne a fait "
                    "88 blessés, selon la police. Pour les nationalités, les autorités dénombrent 61 Suisses, 8 Italiens et 5 Belges.\n",
        "b_fr.txt": "Lausanne : le bilan revu\nRadio Léman, 4 février 2025\n\nLe nombre de blessés dans l'incendie de la "
                    "discothèque de Lausanne s'élève à 96, selon la police.\n",
    })
    compared = [f for f in found if f.kind in ("update", "contradiction")]
    assert all("61" not in f.message for f in compared)


# The deaths of one kind of people ("48 décès d'adultes") are a part of the toll, never the toll.
def test_deaths_of_one_kind_of_people_are_a_part() -> None:
    cases = (("En plus des 46 décès d'adultes à Lyon, 20 enfants sont morts.", "fr"),
             ("Se registraron 46 muertes de adultos en la ciudad.", "es"),
             ("Police said 46 deaths of adults were recorded in the town.", "en"),
             ("Es gab 46 Todesfälle unter den Erwachsenen.", "de"))
    for text, lang in cases:
        assert figure(text, lang, 46).measure == "part", (lang, text)


def test_deaths_without_a_kind_stay_the_toll() -> None:
    cases = (("L'incendie a fait 46 morts, selon la police.", "fr"),
             ("The fire killed 46 people, police said.", "en"))
    for text, lang in cases:
        assert figure(text, lang, 46).measure != "part", (lang, text)
