"""Time expressions in German and Spanish, times of day, the future and inferred years.

Every sentence here is invented for the test, in the style of news reports.
"""

from __future__ import annotations

import datetime as dt

import pytest

from consistency.extract.times import DEFAULT, TimeGrammar, TimeMatch, find_times, parse_time

D = dt.date
THU = D(2025, 10, 16)  # a Thursday: the publication date of the relative cases


def only(text: str, lang: str | None, ref: D | None = THU) -> TimeMatch:
    matches = find_times(text, lang, ref)
    assert len(matches) == 1, [m.text for m in matches]
    return matches[0]


def days(m: TimeMatch) -> tuple[D | None, D | None, str]:
    assert m.span is not None, m
    return m.span.low, m.span.high, m.span.kind


def clock(m: TimeMatch) -> tuple[D | None, int | None, D | None, int | None]:
    assert m.span is not None, m
    return m.span.low, m.span.low_minute, m.span.high, m.span.high_minute


# --------------------------------------------------------------------------- German, Spanish

DATES = [
    ("de", "Die Flut erreichte den Ort am 15. Juli 2021.", "am 15. Juli 2021", D(2021, 7, 15), D(2021, 7, 15)),
    ("de", "Die Messe lief vom 9. bis 15. Oktober.", "vom 9. bis 15. Oktober", D(2025, 10, 9), D(2025, 10, 15)),
    ("de", "Die Schäden vom Juli 2021 sind beziffert.", "Juli 2021", D(2021, 7, 1), D(2021, 7, 31)),
    ("de", "Der Bau soll bis Ende 2026 dauern.", "bis Ende 2026", None, D(2026, 12, 31)),
    ("de", "Anfang März trafen sich die Minister.", "Anfang März", D(2025, 3, 1), D(2025, 3, 10)),
    ("de", "Mitte Sept. wurde gewählt.", "Mitte Sept.", D(2025, 9, 11), D(2025, 9, 20)),
    ("de", "Im Herbst 2024 stiegen die Preise.", "Im Herbst 2024", D(2024, 9, 1), D(2024, 11, 30)),
    ("de", "Letzte Woche kamen 40 Menschen an.", "Letzte Woche", D(2025, 10, 6), D(2025, 10, 12)),
    ("de", "Das Lager ist seit Juni 2023 voll.", "seit Juni 2023", D(2023, 6, 1), THU),
    ("de", "Der Minister sprach am Donnerstag.", "am Donnerstag", THU, THU),
    ("de", "Der Zug hielt am vergangenen Montag.", "am vergangenen Montag", D(2025, 10, 13), D(2025, 10, 13)),
    ("es", "La riada llegó el 31 de octubre de 2024.", "el 31 de octubre de 2024", D(2024, 10, 31), D(2024, 10, 31)),
    ("es", "La feria se celebró del 9 al 15 de octubre.", "del 9 al 15 de octubre", D(2025, 10, 9), D(2025, 10, 15)),
    ("es", "A principios de 2024 cerró la planta.", "A principios de 2024", D(2024, 1, 1), D(2024, 4, 30)),
    ("es", "A mediados de oct el río bajó.", "A mediados de oct", D(2025, 10, 11), D(2025, 10, 20)),
    ("es", "A finales del año pasado hubo 12 muertos.", "A finales del año pasado", D(2024, 9, 1), D(2024, 12, 31)),
    ("es", "El alcalde habló el martes pasado.", "el martes pasado", D(2025, 10, 14), D(2025, 10, 14)),
    ("es", "El ministerio lo confirmó este jueves.", "este jueves", THU, THU),
    ("es", "Las obras duraron desde julio hasta septiembre.", "desde julio hasta septiembre", D(2025, 7, 1), D(2025, 9, 30)),
    ("es", "El puente está cortado hasta diciembre de 2025.", "hasta diciembre de 2025", None, D(2025, 12, 31)),
    ("es", "La Aemet lo midió el día 2.", "el día 2", D(2025, 10, 2), D(2025, 10, 2)),
    ("es", "En el verano de 2023 ardieron 900 hectáreas.", "En el verano de 2023", D(2023, 6, 1), D(2023, 8, 31)),
]


@pytest.mark.parametrize(("lang", "sentence", "words", "low", "high"), DATES)
def test_german_and_spanish_dates(lang: str, sentence: str, words: str, low: D | None, high: D) -> None:
    dated = [m for m in find_times(sentence, lang, THU) if m.span is not None]
    assert [m.text for m in dated] == [words]
    assert (dated[0].span.low, dated[0].span.high) == (low, high)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("de", "Die Partei hat 2000 Mitglieder."),
        ("de", "Er las das Buch in 3 Stunden nicht."),
        ("de", "August Müller sagte, die Lage sei ernst."),
        ("es", "El partido tiene 2000 afiliados."),
        ("es", "Lo dijo el presidente de la Generalitat."),
        ("de", "Der Spielstand war 18:30."),
        ("en", "The vote was 18:30 against."),
    ],
)
def test_ordinary_german_and_spanish_sentences_have_no_time(lang: str, text: str) -> None:
    assert [m.text for m in find_times(text, lang, THU) if m.span is not None] == []


def test_the_languages_are_those_of_the_data_file() -> None:
    assert set(DEFAULT.languages) >= {"fr", "en", "de", "es"}


@pytest.mark.parametrize("lang", ["it", "pt-BR", "zz", "", None, "de-AT", "ES"])
def test_any_language_code_reads_without_crashing(lang: str | None) -> None:
    text = "Le 3 mars 2024 à 13h20, am Donnerstagabend, el día 2, will start on Sunday 2024-06-14."
    found = find_times(text, lang, THU)
    assert any(m.text.endswith("2024-06-14") for m in found)
    assert parse_time("2024-06-14", lang, None) is not None


def test_a_regional_code_reads_its_language() -> None:
    assert clock(only("am Freitagabend", "de-AT")) == (D(2025, 10, 10), 1080, D(2025, 10, 10), 1439)
    assert days(only("el 31 de octubre de 2024", "es-ES")) == (D(2024, 10, 31), D(2024, 10, 31), "point")


# --------------------------------------------------------------------------- times of day

CLOCKS = [
    ("fr", "Les secours sont arrivés à 7 heures.", "à 7 heures", 420, 420),
    ("fr", "Vers 7 heures, les pompiers ont évacué la rue.", "Vers 7 heures", 390, 450),
    ("fr", "Le préfet a déclaré à 18h08 que le feu était fixé.", "à 18h08", 1088, 1088),
    ("fr", "Le bilan a été publié à 13h20.", "à 13h20", 800, 800),
    ("fr", "Le cortège est parti à midi.", "à midi", 720, 720),
    ("fr", "La sirène a retenti à 8 heures du soir.", "à 8 heures du soir", 1200, 1200),
    ("en", "The bridge reopened at 3 p.m.", "at 3 p.m.", 900, 900),
    ("en", "The count was updated 8:30 a.m. local time.", "8:30 a.m. local time", 510, 510),
    ("en", "Rescuers arrived at noon.", "at noon", 720, 720),
    ("en", "The council met at midday.", "at midday", 720, 720),
    ("de", "Die Feuerwehr rückte um 15 Uhr aus.", "um 15 Uhr", 900, 900),
    ("de", "Die Polizei meldete sich gegen 9 Uhr.", "gegen 9 Uhr", 510, 570),
    ("es", "El tren salió a las 19.00.", "a las 19.00", 1140, 1140),
    ("es", "La alerta llegó a mediodía.", "a mediodía", 720, 720),
    ("es", "El agua subió a las 7 de la tarde.", "a las 7 de la tarde", 1140, 1140),
]


@pytest.mark.parametrize(("lang", "sentence", "words", "low", "high"), CLOCKS)
def test_a_clock_time_alone_is_on_the_reference_day(
    lang: str, sentence: str, words: str, low: int, high: int
) -> None:
    m = only(sentence, lang)
    assert m.text == words
    assert clock(m) == (THU, low, THU, high)
    assert not m.resolved  # the day is the publication's, not written


PARTS = [
    ("fr", "Au petit matin, les habitants sont sortis.", "Au petit matin", 300, 480),
    ("fr", "Le matin, la pluie a cessé.", "Le matin", 360, 719),
    ("fr", "Le convoi est reparti en fin de matinée.", "en fin de matinée", 600, 720),
    ("fr", "L'après-midi, le vent a tourné.", "L'après-midi", 720, 1079),
    ("fr", "Le soir, le quartier était bouclé.", "Le soir", 1080, 1439),
    ("fr", "Dans la nuit, deux répliques ont été ressenties.", "Dans la nuit", 0, 359),
    ("en", "In the morning, the roads were closed.", "In the morning", 360, 719),
    ("en", "Late morning, the army arrived.", "Late morning", 600, 720),
    ("en", "Shelling continued in the afternoon.", "in the afternoon", 720, 1079),
    ("en", "In the evening, crowds gathered.", "In the evening", 1080, 1439),
    ("en", "Two more bodies were found overnight.", "overnight", 0, 359),
    ("de", "Am Morgen lag der Pegel bei 5 Metern.", "Am Morgen", 360, 719),
    ("de", "Morgens war die Straße gesperrt.", "Morgens", 360, 719),
    ("de", "Am Nachmittag trat der Krisenstab zusammen.", "Am Nachmittag", 720, 1079),
    ("de", "Am Abend meldete die Polizei 30 Tote.", "Am Abend", 1080, 1439),
    ("de", "In der Nacht stieg das Wasser.", "In der Nacht", 0, 359),
    ("es", "Por la mañana, el río se desbordó.", "Por la mañana", 360, 719),
    ("es", "Por la tarde, llegaron los bomberos.", "Por la tarde", 720, 1079),
    ("es", "Por la noche, el barrio quedó a oscuras.", "Por la noche", 1080, 1439),
    ("es", "De madrugada, la presa cedió.", "De madrugada", 0, 359),
]


@pytest.mark.parametrize(("lang", "sentence", "words", "low", "high"), PARTS)
def test_a_part_of_day_alone_is_on_the_reference_day_only_with_one(
    lang: str, sentence: str, words: str, low: int, high: int
) -> None:
    assert clock(only(sentence, lang)) == (THU, low, THU, high)
    assert only(sentence, lang).text == words
    assert find_times(sentence, lang, None) == []  # no reference day: nothing is guessed


ON_A_DAY = [
    ("fr", "Mercredi soir, le bilan est passé à 40 morts.", "Mercredi soir", D(2025, 10, 15), 1080, D(2025, 10, 15), 1439),
    ("fr", "Le quartier a été évacué samedi en fin de matinée.", "samedi en fin de matinée", D(2025, 10, 11), 600, D(2025, 10, 11), 720),
    ("fr", "Le ministre a parlé jeudi soir.", "jeudi soir", THU, 1080, THU, 1439),
    ("fr", "Les blessés sont arrivés le matin du 7 octobre.", "le matin du 7 octobre", D(2025, 10, 7), 360, D(2025, 10, 7), 719),
    ("fr", "L'alerte a été levée mardi à 13h20.", "mardi à 13h20", D(2025, 10, 14), 800, D(2025, 10, 14), 800),
    ("en", "The toll rose to 56 on Wednesday evening.", "on Wednesday evening", D(2025, 10, 15), 1080, D(2025, 10, 15), 1439),
    ("en", "The ministry updated the figure late on Wednesday.", "late on Wednesday", D(2025, 10, 15), 1080, D(2025, 10, 15), 1439),
    ("en", "The strike hit the port early on Monday.", "early on Monday", D(2025, 10, 13), 0, D(2025, 10, 13), 479),
    ("en", "Police counted 12 arrests on Friday morning.", "on Friday morning", D(2025, 10, 10), 360, D(2025, 10, 10), 719),
    ("en", "The levee broke on Tuesday at 3 p.m.", "on Tuesday at 3 p.m.", D(2025, 10, 14), 900, D(2025, 10, 14), 900),
    ("de", "Am Donnerstagabend zählte die Polizei 30 Tote.", "Am Donnerstagabend", THU, 1080, THU, 1439),
    ("de", "Freitagnachmittag kam der Kanzler.", "Freitagnachmittag", D(2025, 10, 10), 720, D(2025, 10, 10), 1079),
    ("de", "Samstagmorgen fuhren die Züge wieder.", "Samstagmorgen", D(2025, 10, 11), 360, D(2025, 10, 11), 719),
    ("de", "Freitagmittag lag die Zahl bei 98.", "Freitagmittag", D(2025, 10, 10), 660, D(2025, 10, 10), 839),
    ("de", "Das Wasser kam in der Nacht zum Mittwoch.", "in der Nacht zum Mittwoch", D(2025, 10, 14), 1080, D(2025, 10, 15), 359),
    ("es", "La noche del miércoles cayeron 300 litros.", "La noche del miércoles", D(2025, 10, 15), 1080, D(2025, 10, 15), 1439),
    ("es", "El agua llegó el sábado por la tarde.", "el sábado por la tarde", D(2025, 10, 11), 720, D(2025, 10, 11), 1079),
]


@pytest.mark.parametrize(("lang", "sentence", "words", "low", "low_min", "high", "high_min"), ON_A_DAY)
def test_a_time_of_day_with_a_day_is_on_that_day(
    lang: str, sentence: str, words: str, low: D, low_min: int, high: D, high_min: int
) -> None:
    m = only(sentence, lang)
    assert m.text == words
    assert clock(m) == (low, low_min, high, high_min)


def test_a_night_between_two_days_runs_from_the_evening_to_the_morning() -> None:
    m = only("Le feu a repris dans la nuit de jeudi à vendredi.", "fr", D(2025, 10, 17))
    assert m.text == "dans la nuit de jeudi à vendredi"
    assert clock(m) == (THU, 1080, D(2025, 10, 17), 359)


def test_a_night_tied_to_one_day_covers_the_night_after_it_too() -> None:
    m = only("Les tirs ont repris dans la nuit de jeudi.", "fr")
    assert clock(m) == (THU, 0, D(2025, 10, 17), 359)


def test_a_time_of_day_with_a_written_date_needs_no_reference() -> None:
    m = only("Le séisme a frappé le 8 septembre 2023 à 23h11.", "fr", None)
    assert clock(m) == (D(2023, 9, 8), 1391, D(2023, 9, 8), 1391) and m.resolved


def test_two_counts_of_one_day_are_told_apart_by_their_times() -> None:
    fri = D(2025, 10, 17)
    morning = only("Am Donnerstagmorgen", "de", fri).span
    evening = only("am Donnerstagabend", "de", fri).span
    night = only("in der Nacht zum Freitag", "de", fri).span
    assert morning is not None and evening is not None and night is not None
    assert not morning.overlaps(evening)
    assert evening.overlaps(night)  # Thursday evening runs into the night to Friday


def test_bis_with_a_compound_closes_the_period() -> None:
    m = only("Bis Donnerstagabend wurden 30 Tote gezählt.", "de")
    assert m.span is not None
    assert (m.span.low, m.span.high, m.span.kind, m.span.high_minute) == (None, THU, "until", 1439)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "Le convoi a roulé pendant 7 heures."),
        ("en", "The hearing lasted 3 hours."),
        ("fr", "Le Midi libre a publié le chiffre."),
        ("en", "Late fees rose."),
        ("de", "Die Zahl der Opfer stieg auf 15."),
    ],
)
def test_durations_and_ordinary_words_are_no_time_of_day(lang: str, text: str) -> None:
    assert [m for m in find_times(text, lang, THU) if m.span is not None and m.span.has_time_of_day] == []


# --------------------------------------------------------------------------- the future

FUTURE = [
    ("fr", "La trêve débutera dimanche, selon le médiateur.", D(2025, 10, 19)),
    ("fr", "Le ministre doit présenter mercredi prochain son plan.", D(2025, 10, 22)),
    ("fr", "La réunion, prévue le 20 janvier, portera sur l'aide.", D(2026, 1, 20)),
    ("fr", "Le sommet aura lieu le 3 mars à Genève.", D(2026, 3, 3)),
    ("en", "The hostages will be freed on Saturday, officials said.", D(2025, 10, 18)),
    ("en", "The envoy is due to visit on Monday.", D(2025, 10, 20)),
    ("en", "The truce is to start on Sunday.", D(2025, 10, 19)),
    ("en", "Talks are scheduled for Jan. 20 in Doha.", D(2026, 1, 20)),
    ("de", "Die Waffenruhe wird am Sonntag beginnen.", D(2025, 10, 19)),
    ("de", "Der Gipfel wird am 3. März in Berlin stattfinden.", D(2026, 3, 3)),
    ("de", "Die Ministerin wird am Donnerstag sprechen.", THU),  # today is still ahead
    ("es", "La tregua comenzará el domingo.", D(2025, 10, 19)),
    ("es", "La cumbre será el 20 de enero en Madrid.", D(2026, 1, 20)),
    ("es", "El juicio está previsto para el próximo lunes.", D(2025, 10, 20)),
]


@pytest.mark.parametrize(("lang", "sentence", "day"), FUTURE)
def test_a_day_in_a_future_clause_is_the_next_one(lang: str, sentence: str, day: D) -> None:
    dated = [m for m in find_times(sentence, lang, THU) if m.span is not None]
    assert len(dated) == 1, [m.text for m in dated]
    assert days(dated[0])[:2] == (day, day)


PAST = [
    ("fr", "La trêve a débuté dimanche.", D(2025, 10, 12)),
    ("fr", "La réunion s'est tenue le 20 janvier.", D(2025, 1, 20)),
    ("en", "The hostages were freed on Saturday.", D(2025, 10, 11)),
    ("en", "Talks opened on Jan. 20 in Doha.", D(2025, 1, 20)),
    ("de", "Die Waffenruhe begann am Sonntag.", D(2025, 10, 12)),
    ("es", "La tregua comenzó el domingo.", D(2025, 10, 12)),
    ("es", "La cumbre fue el 20 de enero.", D(2025, 1, 20)),
    ("en", "Flights were cancelled due to the storm on Monday.", D(2025, 10, 13)),
    ("de", "Er soll am Sonntag zwei Menschen verletzt haben.", D(2025, 10, 12)),  # "allegedly"
    # a future verb in the sentence before does not reach this one
    ("en", "Talks will resume. The envoy arrived on Sunday.", D(2025, 10, 12)),
]


@pytest.mark.parametrize(("lang", "sentence", "day"), PAST)
def test_a_day_in_a_past_clause_stays_the_last_one(lang: str, sentence: str, day: D) -> None:
    dated = [m for m in find_times(sentence, lang, THU) if m.span is not None]
    assert [days(m)[:2] for m in dated] == [(day, day)]


def test_a_future_time_of_day_is_on_the_next_day() -> None:
    m = only("Die Waffenruhe wird am Sonntagabend beginnen.", "de")
    assert clock(m) == (D(2025, 10, 19), 1080, D(2025, 10, 19), 1439)


# --------------------------------------------------------------------------- inferred years


@pytest.mark.parametrize(
    ("lang", "text", "ref", "day"),
    [
        ("fr", "le 31 oct", D(2024, 10, 31), D(2024, 10, 31)),  # the publication day itself
        ("es", "el 31 oct", D(2024, 10, 31), D(2024, 10, 31)),
        ("en", "on Dec 31", D(2025, 1, 2), D(2024, 12, 31)),  # last year's, two days before
        ("de", "am 31. Dez.", D(2025, 1, 2), D(2024, 12, 31)),
        ("es", "el 31 de diciembre", D(2025, 1, 2), D(2024, 12, 31)),
        ("fr", "le 3 janvier", D(2024, 12, 30), D(2024, 1, 3)),  # backward by default
    ],
)
def test_a_day_without_a_year_is_the_latest_up_to_the_reference(
    lang: str, text: str, ref: D, day: D
) -> None:
    m = only(text, lang, ref)
    assert days(m) == (day, day, "point") and not m.resolved


def test_a_day_without_a_year_in_a_future_clause_is_the_next_one() -> None:
    m = only("The talks will open on Jan. 3", "en", D(2024, 12, 30))
    assert days(m)[:2] == (D(2025, 1, 3), D(2025, 1, 3))


def test_a_user_lexicon_adds_future_words(tmp_path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "time_words.yaml").write_text(
        "en:\n  future:\n    words: [is poised to]\n", encoding="utf-8"
    )
    grammar = TimeGrammar.load(tmp_path)
    sentence = "The army is poised to enter on Sunday."
    assert days(grammar.find_times(sentence, "en", THU)[0])[0] == D(2025, 10, 19)
    assert days(find_times(sentence, "en", THU)[0])[0] == D(2025, 10, 12)


def test_a_clock_time_next_to_several_days_is_on_no_day() -> None:
    found = find_times("Les grèves ont eu lieu du 8 au 10 mars à 18 heures.", "fr", THU)
    assert [(m.text, m.span.has_time_of_day if m.span else None) for m in found] == [
        ("du 8 au 10 mars", False)
    ]
