"""The scope words of claims come from the language packs (languages/<lang>/scope.yaml).

The patterns claims reads a figure's scope with ("envoyés en", "in the", "d'entre eux",
"since") were hand-written regular expressions with words of four languages; they are now
templates filled from the packs. Every expected value below is what the hand-written
patterns gave on these sentences (invented for this test), so a change of a pack's words
that changes what claims reads shows up here.
"""

from __future__ import annotations

import re

import pytest

from consistency.errors import RuleError
from consistency.extract import claims
from consistency.extract.languages.scope import PackPattern, PackWords, alternation, fill, scope_words
from consistency.extract.lexicon import build_lexicon

# (pattern of claims.py, how claims uses it, text, what it matched: None for no match)
PATTERN_CASES = [
    ('_LOCATIVE', 'search', 'envoyés en ', 'en '),
    ('_LOCATIVE', 'search', 'déployés dans la ', 'dans la '),
    ('_LOCATIVE', 'search', 'partis vers l’', 'vers l’'),
    ('_LOCATIVE', 'search', 'sent to the ', 'to the '),
    ('_LOCATIVE', 'search', 'troops near ', 'near '),
    ('_LOCATIVE', 'search', 'with the ', None),
    ('_LOCATIVE', 'search', 'verlegt nach ', 'nach '),
    ('_LOCATIVE', 'search', 'Soldaten in die ', 'in die '),
    ('_LOCATIVE', 'search', 'gegen die ', None),
    ('_LOCATIVE', 'search', 'enviados hacia la ', 'hacia la '),
    ('_LOCATIVE', 'search', 'llegaron a ', 'a '),
    ('_LOCATIVE', 'search', 'contra la ', None),
    ('_PLACE_PREPOSITION', 'search', 'sinistrés à ', 'à '),
    ('_PLACE_PREPOSITION', 'search', "évacués d'", None),
    ('_PLACE_PREPOSITION', 'search', 'secours dans la ', 'dans la '),
    ('_PLACE_PREPOSITION', 'search', 'killed at the ', 'at the '),
    ('_PLACE_PREPOSITION', 'search', 'shelters near ', 'near '),
    ('_PLACE_PREPOSITION', 'search', 'said on ', None),
    ('_PLACE_PREPOSITION', 'search', 'Helfer aus dem ', 'aus dem '),
    ('_PLACE_PREPOSITION', 'search', 'Pegel bei ', 'bei '),
    ('_PLACE_PREPOSITION', 'search', 'laut ', None),
    ('_PLACE_PREPOSITION', 'search', 'vecinos desde ', 'desde '),
    ('_PLACE_PREPOSITION', 'search', 'muertos en la ', 'en la '),
    ('_PLACE_PREPOSITION', 'search', 'según ', None),
    ('_ATTACHED', 'search', ' morts au ', ' au '),
    ('_ATTACHED', 'search', ' blessés pour ', None),
    ('_ATTACHED', 'search', ' dead in the ', ' in the '),
    ('_ATTACHED', 'search', ' dead by ', None),
    ('_ATTACHED', 'search', ' Tote im ', ' im '),
    ('_ATTACHED', 'search', ' Tote nach ', None),
    ('_ATTACHED', 'search', ' muertos del ', ' del '),
    ('_ATTACHED', 'search', ' muertos hacia ', None),
    ('_CLAUSE_BREAK', 'search', 'les pompiers alors que la mairie', ' alors que '),
    ('_CLAUSE_BREAK', 'search', 'les pompiers de la ville', None),
    ('_CLAUSE_BREAK', 'search', 'the army while the police', ' while '),
    ('_CLAUSE_BREAK', 'search', 'the army of the north', None),
    ('_CLAUSE_BREAK', 'search', 'die Feuerwehr während die Polizei', ' während '),
    ('_CLAUSE_BREAK', 'search', 'die Feuerwehr der Stadt', None),
    ('_CLAUSE_BREAK', 'search', 'los bomberos pero la policía', ' pero '),
    ('_CLAUSE_BREAK', 'search', 'los bomberos de la ciudad', None),
    ('_DISTRIBUTIVE', 'fullmatch', ' comme à ', ' comme à '),
    ('_DISTRIBUTIVE', 'fullmatch', ' ainsi qu’à ', ' ainsi qu’à '),
    ('_DISTRIBUTIVE', 'fullmatch', ' puis à ', None),
    ('_DISTRIBUTIVE', 'fullmatch', ', as well as in ', None),
    ('_DISTRIBUTIVE', 'fullmatch', ' as in ', ' as in '),
    ('_DISTRIBUTIVE', 'fullmatch', ' then in ', None),
    ('_DISTRIBUTIVE', 'fullmatch', ' wie im ', ' wie im '),
    ('_DISTRIBUTIVE', 'fullmatch', ' sowie in ', None),
    ('_DISTRIBUTIVE', 'fullmatch', ' como en ', ' como en '),
    ('_DISTRIBUTIVE', 'fullmatch', ' y en ', None),
    ('_SUBORDINATE', 'finditer', "le séisme qui a frappé avant que les secours n'arrivent", ['qui', 'avant que']),
    ('_SUBORDINATE', 'finditer', 'the storm which hit after the levee failed', ['which', 'after']),
    ('_SUBORDINATE', 'finditer', 'das Beben, das die Stadt traf', []),
    ('_SUBORDINATE', 'finditer', 'la riada que arrasó el pueblo', ['que']),
    ('_OF_THEM', 'match', " d'entre eux ont", " d'entre eux"),
    ('_OF_THEM', 'match', ' de celles-ci', ' de celles-ci'),
    ('_OF_THEM', 'match', ' of them were', ' of them'),
    ('_OF_THEM', 'match', ' of which', None),
    ('_OF_THEM', 'match', ' von ihnen', ' von ihnen'),
    ('_OF_THEM', 'match', ' davon sind', ' davon'),
    ('_OF_THEM', 'match', ' de ellas', ' de ellas'),
    ('_OF_THEM', 'match', ' de ellos murieron', ' de ellos'),
    ('_OF_THEM', 'match', ' des blessés', None),
    ('_DEMONSTRATIVE', 'search', ' de ces ', 'ces'),
    ('_DEMONSTRATIVE', 'search', ' de victimes ', None),
    ('_DEMONSTRATIVE', 'search', ' of those ', 'those'),
    ('_DEMONSTRATIVE', 'search', ' more ', None),
    ('_DEMONSTRATIVE', 'search', ' dieser ', None),
    ('_DEMONSTRATIVE', 'search', ' de estas ', None),
    ('_SINCE', 'match', 'depuis le 4 août', 'depuis '),
    ('_SINCE', 'match', 'à partir d’ avril', 'à partir d’ '),
    ('_SINCE', 'match', 'dès le 4 août', None),
    ('_SINCE', 'match', 'since Monday', 'since '),
    ('_SINCE', 'match', 'from May 3', 'from '),
    ('_SINCE', 'match', 'seit Montag', 'seit '),
    ('_SINCE', 'match', 'ab Montag', None),
    ('_SINCE', 'match', 'desde el lunes', 'desde '),
    ('_SINCE', 'match', 'a partir del lunes', None),
    ('_COORDINATED_END', 'match', ' à Lyon, 20 000', ' à Lyon,'),
    ('_COORDINATED_END', 'match', ' et 300', ' et'),
    ('_COORDINATED_END', 'match', ' personnes', None),
    ('_COORDINATED_END', 'match', ' in the Bronx.', ' in the Bronx.'),
    ('_COORDINATED_END', 'match', ' and 40', ' and'),
    ('_COORDINATED_END', 'match', ' people', None),
    ('_COORDINATED_END', 'match', ' im Ahrtal;', ' im Ahrtal;'),
    ('_COORDINATED_END', 'match', ' wie 2021', ' wie'),
    ('_COORDINATED_END', 'match', ' Menschen', None),
    ('_COORDINATED_END', 'match', ' en la Ribera)', ' en la Ribera)'),
    ('_COORDINATED_END', 'match', ' como en', ' como'),
    ('_COORDINATED_END', 'match', ' vecinos', None),
    ('_CAPITALISED', 'finditer', "Dans la province d'Al Haouz et à Saint-Jean-de-Luz, la région de la Loire", ['Dans', "province d'Al Haouz", 'Saint-Jean-de-Luz', 'région de la Loire']),
    ('_CAPITALISED', 'finditer', 'In the state of Hawaii and Maui County, the District of Columbia', ['In', 'state of Hawaii', 'Maui County', 'District of Columbia']),
    ('_CAPITALISED', 'finditer', 'Im Landkreis Ahrweiler und in Bad Neuenahr an der Ahr, Frankfurt am Main', ['Im Landkreis Ahrweiler', 'Bad Neuenahr', 'Ahr', 'Frankfurt am Main']),
    ('_CAPITALISED', 'finditer', 'En la Comunidad de Madrid y la provincia del Chubut, Castellón de la Plana', ['En la Comunidad de Madrid', 'provincia del Chubut', 'Castellón', 'Plana']),
]

# (word set of claims.py, word, whether it is in it)
WORD_CASES = [
    ('_FUNCTION_WORDS', 'selon', True),
    ('_FUNCTION_WORDS', 'd’après', True),
    ('_FUNCTION_WORDS', 'contre', True),
    ('_FUNCTION_WORDS', 'lors', True),
    ('_FUNCTION_WORDS', 'victimes', False),
    ('_FUNCTION_WORDS', 'according', True),
    ('_FUNCTION_WORDS', 'including', True),
    ('_FUNCTION_WORDS', 'victims', False),
    ('_FUNCTION_WORDS', 'zufolge', True),
    ('_FUNCTION_WORDS', 'laut', True),
    ('_FUNCTION_WORDS', 'Opfer', False),
    ('_FUNCTION_WORDS', 'según', True),
    ('_FUNCTION_WORDS', 'entre', True),
    ('_FUNCTION_WORDS', 'víctimas', False),
    ('_CAPITAL_FUNCTION_WORDS', 'là', True),
    ('_CAPITAL_FUNCTION_WORDS', 'même', True),
    ('_CAPITAL_FUNCTION_WORDS', 'lyon', False),
    ('_CAPITAL_FUNCTION_WORDS', 'there', True),
    ('_CAPITAL_FUNCTION_WORDS', 'these', True),
    ('_CAPITAL_FUNCTION_WORDS', 'paris', False),
    ('_CAPITAL_FUNCTION_WORDS', 'dort', True),
    ('_CAPITAL_FUNCTION_WORDS', 'sogar', True),
    ('_CAPITAL_FUNCTION_WORDS', 'dieser', True),
    ('_CAPITAL_FUNCTION_WORDS', 'bonn', False),
    ('_CAPITAL_FUNCTION_WORDS', 'allí', True),
    ('_CAPITAL_FUNCTION_WORDS', 'incluso', True),
    ('_CAPITAL_FUNCTION_WORDS', 'madrid', False),
    ('_NOT_PLACES', 'août', True),
    ('_NOT_PLACES', 'dimanche', True),
    ('_NOT_PLACES', 'photo', True),
    ('_NOT_PLACES', 'rouen', False),
    ('_NOT_PLACES', 'september', True),
    ('_NOT_PLACES', 'read', True),
    ('_NOT_PLACES', 'london', False),
    ('_NOT_PLACES', 'märz', True),
    ('_NOT_PLACES', 'sonntag', True),
    ('_NOT_PLACES', 'mehr', True),
    ('_NOT_PLACES', 'köln', False),
    ('_NOT_PLACES', 'miércoles', True),
    ('_NOT_PLACES', 'más', True),
    ('_NOT_PLACES', 'valencia', False),
    ('_NOT_PLACES', 'janv', True),  # abbreviations too: "Mar. 2" is no Morocco
    ('_CLOCK_WORDS', 'vers', True),
    ('_CLOCK_WORDS', 'heures', True),
    ('_CLOCK_WORDS', 'matin', False),
    ('_CLOCK_WORDS', 'around', True),
    ('_CLOCK_WORDS', 'evening', False),
    ('_CLOCK_WORDS', 'uhr', True),
    ('_CLOCK_WORDS', 'gegen', True),
    ('_CLOCK_WORDS', 'morgens', False),
    ('_CLOCK_WORDS', 'hacia', True),
    ('_CLOCK_WORDS', 'sobre', True),
    ('_CLOCK_WORDS', 'mañana', False),
]


@pytest.mark.parametrize(("name", "method", "text", "expected"), PATTERN_CASES)
def test_a_pattern_built_from_the_packs_matches_what_the_hand_written_one_did(name, method, text, expected) -> None:
    pattern = getattr(claims, name)
    assert isinstance(pattern, PackPattern)
    if method == "finditer":
        assert [m.group() for m in pattern.finditer(text)] == expected
    else:
        found = getattr(pattern, method)(text)
        assert (found.group() if found else None) == expected


@pytest.mark.parametrize(("name", "word", "expected"), WORD_CASES)
def test_a_word_set_built_from_the_packs_holds_what_the_hand_written_one_did(name, word, expected) -> None:
    words = getattr(claims, name)
    assert isinstance(words, PackWords)
    assert (word.casefold() in words) is expected


def test_months_and_weekdays_are_not_places_from_the_time_words_of_each_pack() -> None:
    """No month list of its own: the full names of time_words.yaml, in every language."""
    for word in ("janvier", "dimanche", "october", "thursday", "dezember", "freitag", "enero", "sábado"):
        assert word in claims._NOT_PLACES
    assert "photo" in claims._NOT_PLACES and "lyon" not in claims._NOT_PLACES


def test_an_apostrophe_in_a_pack_word_matches_both_apostrophes() -> None:
    assert claims._OF_THEM.match(" d’entre elles") and claims._OF_THEM.match(" d'entre elles")
    assert "d’après" in claims._FUNCTION_WORDS and "d'après" in claims._FUNCTION_WORDS


def test_slots_are_filled_longest_first_and_articles_keep_their_space() -> None:
    assert alternation(("de", "de la", "d'"), trailing_space=True) == r"(?:de\s+la\s+|d['’]|de\s+)"
    assert alternation(()) == "(?!)"  # a key no pack fills never matches
    assert re.fullmatch(fill(r"(?:{cues.since}|{since_also})\s+\d+"), "à partir de 12")  # cues.yaml fills slots too
    assert fill("[0-9]{2,3}") == "[0-9]{2,3}"  # a quantifier is not a slot


def test_every_scope_key_has_words_in_the_built_in_packs() -> None:
    for key in ("locative.prepositions", "place.prepositions", "place.attached", "clause_breaks", "of_them",
                "cues.since", "since_also", "function_words", "capital_function_words", "region_names.words", "name_links"):
        assert scope_words(key), key


def test_a_mistyped_scope_key_in_a_users_pack_is_refused_with_a_suggestion(tmp_path) -> None:
    it = tmp_path / "it"
    it.mkdir()
    (it / "pack.yaml").write_text("language: it\n", encoding="utf-8")
    (it / "scope.yaml").write_text("locative:\n  prepostions: [a, in]\nof_them: [di loro]\n", encoding="utf-8")
    with pytest.raises(RuleError) as err:
        build_lexicon((tmp_path,))
    assert "did you mean 'prepositions'" in " ".join(p.message for p in err.value.problems)
