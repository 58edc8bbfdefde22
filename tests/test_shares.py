"""What a percentage is a share of: strike rates, containment, shares of customers and trains.

Every sentence is invented. A fact-checker compares a ministry's strike rate with a union's
only when both are rates of the same whole; these tests check the whole and what is counted.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from consistency.errors import InputError
from consistency.extract.languages import languages
from consistency.extract.lexicon import load_lexicon
from consistency.extract.numbers import find_numbers
from consistency.extract.shares import DATA_FILE, Share, load_share_words, read_share


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _share(lex, text: str, figure: str, lang: str, context: str | None = None) -> Share | None:
    nm = next(n for n in find_numbers(text, lang, lexicon=lex.numbers) if figure in n.text)
    assert nm.unit == "percent"
    return read_share(text, nm, (0, len(text)), lex, lang, context)


def _whole(lex, text, figure, lang):
    s = _share(lex, text, figure, lang)
    return (s.category, s.population) if s else None


# --- strike rates ---------------------------------------------------------------------------


def test_several_strike_rates_in_one_sentence_each_keep_their_own_whole(lex):
    text = ("Le rectorat recensait mardi 38,4 % de grévistes chez les professeurs des écoles "
            "et 29,7 % dans les collèges et lycées de l'académie.")
    assert _whole(lex, text, "38,4", "fr") == ("strikers", "primary_teachers")
    assert _whole(lex, text, "29,7", "fr") == ("strikers", "secondary_teachers")


@pytest.mark.parametrize(
    ("ministry", "m_fig", "union", "u_fig", "population"),
    [
        ("Selon le ministère, on comptait 33 % de grévistes chez les professeurs des écoles.", "33",
         "Le syndicat majoritaire avance le chiffre de 61 % de grévistes dans le premier degré.", "61",
         "primary_teachers"),
        ("Le ministère annonce 27,5 % de grévistes dans les collèges et lycées.", "27,5",
         "Le Snalc revendique pour sa part 58 % de grévistes dans le second degré.", "58",
         "secondary_teachers"),
        ("La direction générale compte 21,3 % de grévistes dans la fonction publique d'État.", "21,3",
         "Force ouvrière évoque 40 % de grévistes dans la seule fonction publique d'État.", "40",
         "state_civil_service"),
    ],
)
def test_ministry_and_union_wordings_name_the_same_whole(lex, ministry, m_fig, union, u_fig, population):
    assert _whole(lex, ministry, m_fig, "fr") == ("strikers", population)
    assert _whole(lex, union, u_fig, "fr") == ("strikers", population)


def test_bare_union_figure_takes_strike_from_the_clause_before_and_whole_from_its_locative(lex):
    text = ("Côté syndicats, on parle de 64 % de grévistes dans le primaire, "
            "et le Sgen-CFDT en revendique 52 % dans le second degré.")
    assert _whole(lex, text, "64", "fr") == ("strikers", "primary_teachers")
    assert _whole(lex, text, "52", "fr") == ("strikers", "secondary_teachers")


def test_list_after_a_colon_keeps_the_strike_category_and_each_civil_service(lex):
    text = ("À la mi-journée, le taux de grévistes s'établissait à 19 % dans la fonction publique : "
            "24,6 % dans la fonction publique d'État, 9,8 % dans la territoriale et 12,1 % dans l'hospitalière.")
    assert _whole(lex, text, "19", "fr") == ("strikers", "civil_service")
    assert _whole(lex, text, "24,6", "fr") == ("strikers", "state_civil_service")
    assert _whole(lex, text, "9,8", "fr") == ("strikers", "territorial_civil_service")
    assert _whole(lex, text, "12,1", "fr") == ("strikers", "hospital_civil_service")


def test_rail_strike_shares_of_workers_drivers_and_inspectors(lex):
    text = "Selon la direction, 41,2 % des cheminots sont en grève ce jeudi, dont 79 % des conducteurs et 64,5 % des contrôleurs."
    assert _whole(lex, text, "41,2", "fr") == ("strikers", "rail_workers")
    assert _whole(lex, text, "79", "fr") == ("strikers", "train_drivers")
    assert _whole(lex, text, "64,5", "fr") == ("strikers", "ticket_inspectors")
    share = _share(lex, text, "79", "fr")
    assert text[text.index("79"):share.end] == "79 % des conducteurs"


@pytest.mark.parametrize(
    ("lang", "text", "figure", "population"),
    [
        ("en", "Unions said 62% of primary school teachers walked out on Tuesday.", "62", "primary_teachers"),
        ("en", "The department put the strike rate at 31% in secondary schools.", "31", "secondary_teachers"),
        ("en", "Some 48% of teachers in primary schools were on strike, the union said.", "48", "primary_teachers"),
        ("de", "Nach Angaben der Gewerkschaft streikten 57 Prozent der Grundschullehrer.", "57", "primary_teachers"),
        ("de", "An den Grundschulen lag die Streikbeteiligung bei 35 Prozent.", "35", "primary_teachers"),
        ("de", "Bei der Bahn legten 70 Prozent der Lokführer die Arbeit nieder.", "70", "train_drivers"),
        ("es", "El 44 % de los maestros de primaria secundó la huelga, según el sindicato.", "44", "primary_teachers"),
        ("es", "La huelga tuvo un seguimiento del 39 % en secundaria, según Educación.", "39", "secondary_teachers"),
    ],
)
def test_strike_rates_in_other_languages(lex, lang, text, figure, population):
    assert _whole(lex, text, figure, lang) == ("strikers", population)


# --- shares left to the caller or not established --------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("en", "At least 1,120 pilgrims died, and 75% of them had walked for hours in the sun.", "75"),
        ("fr", "Quelque 900 agents ont cessé le travail, et 60 % d'entre eux sont en grève pour la première fois.", "60"),
        ("es", "Unos 2.000 trabajadores fueron a la huelga y el 30 % de ellos eran interinos.", "30"),
    ],
)
def test_share_of_an_earlier_count_is_left_to_the_caller(lex, lang, text, figure):
    assert _share(lex, text, figure, lang) is None


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("en", "The party won 45% of the vote in the northern district.", "45"),
        ("fr", "Les prix de l'énergie sont en hausse de 12 % depuis la grève des raffineries.", "12"),
        ("en", "Striking nurses are demanding a 15% pay rise.", "15"),
        ("fr", "Environ 55 % des cheminots sont en grève, et 30 % des usagers approuvent le mouvement.", "30"),
    ],
)
def test_percentages_that_are_not_strike_rates_are_not_read_as_ones(lex, lang, text, figure):
    assert _share(lex, text, figure, lang) is None


def test_unknown_population_keeps_the_category_without_a_whole(lex):
    text = "Selon le syndicat, 46 % des aides-soignantes sont en grève ce matin."
    share = _share(lex, text, "46", "fr")
    assert share is not None and share.category == "strikers" and share.population is None


def test_context_population_only_fills_a_bare_figure(lex):
    bare = "Le syndicat, lui, avance 37 % de grévistes."
    assert _share(lex, bare, "37", "fr", context="secondary_teachers").population == "secondary_teachers"
    named = "Le syndicat avance 37 % de grévistes chez les cheminots."
    assert _share(lex, named, "37", "fr", context="secondary_teachers").population == "rail_workers"


# --- containment, authorisations, power, trains ------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text", "figure"),
    [
        ("en", "The Ridge Creek fire was 65% contained by Sunday evening, officials said.", "65"),
        ("fr", "L'incendie de la Montagnette était maîtrisé à 70 % lundi matin.", "70"),
        ("es", "El incendio de la sierra está contenido en un 55 %, según los bomberos.", "55"),
    ],
)
def test_fire_containment(lex, lang, text, figure):
    assert _whole(lex, text, figure, lang) == ("contained", "fire")


def test_containment_of_several_fires_stated_together_has_no_whole(lex):
    text = "The two smaller fires were 40% and 75% contained respectively."
    share = _share(lex, text, "75", "en")
    assert share is not None and share.category == "contained" and share.population is None


def test_share_of_the_dead_without_authorisation(lex):
    text = "Officials said 68% of those who died had no permit to be at the site."
    assert _whole(lex, text, "68", "en") == ("unauthorised", "dead")


def test_power_restored_and_still_out_are_two_sides_of_one_share(lex):
    back = _share(lex, "El 88 % de los usuarios ha recuperado la luz este sábado.", "88", "es")
    out = _share(lex, "About 12% of customers were still without power on Saturday.", "12", "en")
    assert (back.category, back.population, back.polarity) == ("power", "customers", "positive")
    assert (out.category, out.population, out.polarity) == ("power", "customers", "negative")


def test_trains_running_and_cancelled_are_complements(lex):
    running = _share(lex, "Un TGV sur quatre circule, et seulement 5 % des TER, selon la direction régionale.", "5", "fr")
    cancelled = _share(lex, "La direction indique que 90 % des TER ont été supprimés ce vendredi.", "90", "fr")
    assert (running.category, running.population, running.polarity) == ("service", "regional_trains", "positive")
    assert (cancelled.category, cancelled.population, cancelled.polarity) == ("service", "regional_trains", "negative")


def test_coordinated_shares_share_the_verb_after_the_last(lex):
    text = "Selon la SNCF, 85 % des TGV et 70 % des TER ont été annulés ce mardi."
    first = _share(lex, text, "85", "fr")
    assert (first.category, first.population, first.polarity) == ("service", "high_speed_trains", "negative")
    assert _whole(lex, text, "70", "fr") == ("service", "regional_trains")


def test_fire_named_before_an_earlier_count_is_still_the_whole(lex):
    text = "The Ridge Creek fire had scorched 3,400 acres and was 45% contained on Monday."
    assert _whole(lex, text, "45", "en") == ("contained", "fire")


def test_ter_in_lower_case_is_not_the_regional_trains(lex):
    share = _share(lex, "Environ 40 % des ter ont été annulés.", "40", "fr")
    assert share is None or share.population is None


def test_a_count_is_not_a_share(lex):
    text = "Quelque 3 000 grévistes ont défilé dans le primaire."
    nm = find_numbers(text, "fr", lexicon=lex.numbers)[0]
    assert read_share(text, nm, (0, len(text)), lex, "fr") is None


# --- the data file ---------------------------------------------------------------------------


def test_every_population_and_measure_has_words_in_each_language():
    data = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))
    for section in ("populations", "measures"):
        for key, spec in data[section].items():
            for lang in languages():
                words = spec.get(lang) or [w for pol in ("positive", "negative") for w in (spec.get(pol) or {}).get(lang, [])]
                assert words, f"{section}.{key} has no {lang} words"


def test_unknown_key_in_a_users_file_is_an_error_naming_file_and_key(tmp_path: Path):
    (tmp_path / "populations.yaml").write_text(
        "populations:\n  nurses:\n    fr: [infirmières]\n    withn: civil_service\n", encoding="utf-8"
    )
    with pytest.raises(InputError) as err:
        load_share_words("fr", (tmp_path,))
    assert "populations.yaml" in str(err.value) and "withn" in str(err.value)


def test_users_file_adds_a_population(tmp_path: Path, lex):
    (tmp_path / "populations.yaml").write_text(
        "populations:\n  nurses:\n    within: hospital_civil_service\n    fr: [infirmières, infirmiers]\n",
        encoding="utf-8",
    )
    words = load_share_words("fr", (tmp_path,))
    text = "Le syndicat annonce 46 % de grévistes chez les infirmières."
    nm = next(n for n in find_numbers(text, "fr", lexicon=lex.numbers) if n.unit == "percent")
    share = read_share(text, nm, (0, len(text)), lex, "fr", words=words)
    assert (share.category, share.population) == ("strikers", "nurses")
