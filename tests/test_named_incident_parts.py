"""One named incident's toll among several: a part of the story's count (fr/en/de/es, invented
sentences).

"12 deaths attributed to the Harlow fire": when a story has several fires, a figure whose own
clause names one of them counts that fire's dead only. It is a part, never set against the
whole toll. A toll of all the fires, or of "the fire" with no name, stays the story's count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consistency.model import Finding
from tests.sentences import figure, findings

# a figure tied to one named fire, in an article that names another fire too, by language
NAMED = {
    "en": ("Officials said 12 deaths were attributed to the Harlow fire. The Pinecrest fire is still burning.", 12),
    "fr": ("L'incendie de Castelroc a déjà fait 12 victimes, selon les pompiers. L'incendie de Belmont progresse.", 12),
    "de": ("Beim Lindenau-Feuer starben nach Angaben der Feuerwehr bereits 12 Menschen. Das Kornberg-Feuer wütet weiter.",
           12),
    "es": ("Los incendios dejaron 20 muertos, siendo el incendio Castaño el más letal con 12 víctimas. "
           "El incendio Robledo sigue activo.", 12),
}
# the same figure in an article about one fire only: that fire is the story's own
SOLE = {lang: (text.split(". ")[0] + ".", value) for lang, (text, value) in NAMED.items() if lang != "es"}
# the toll of all the fires, or of an unnamed fire or a body named after the noun
WHOLE = {
    "en": ("The Riverton Fire Department said 20 people had died in the fires.", 20),
    "fr": ("L'incendie a fait 20 morts, selon la préfecture.", 20),
    "de": ("Das Feuer hat 20 Menschen getötet, teilte die Polizei mit.", 20),
    "es": (NAMED["es"][0], 20),
}


@pytest.mark.parametrize("lang", sorted(NAMED))
def test_a_named_fires_toll_is_a_part(lang: str) -> None:
    text, value = NAMED[lang]
    assert figure(text, lang, value).measure == "part"


@pytest.mark.parametrize("lang", sorted(SOLE))
def test_the_only_named_fires_toll_stays_a_count(lang: str) -> None:
    text, value = SOLE[lang]
    assert figure(text, lang, value).measure in ("total", "running")


@pytest.mark.parametrize("lang", sorted(WHOLE))
def test_the_whole_toll_stays_a_count(lang: str) -> None:
    text, value = WHOLE[lang]
    assert figure(text, lang, value).measure in ("total", "running")


def test_a_named_fires_toll_is_not_set_against_the_whole(tmp_path: Path) -> None:
    found: tuple[Finding, ...] = findings(tmp_path, {
        "a.txt": "Published 10 March 2025\n\nRIVERTON — The wildfires around Riverton have killed 10 people, "
                 "officials said on Monday.\n",
        "b.txt": "Published 12 March 2025\n\nRIVERTON — Six people have lost their lives due to the Harlow Fire, "
                 "officials said on Wednesday. The Pinecrest fire is still burning.\n",
        "c.txt": "Published 13 March 2025\n\nRIVERTON — The toll of the fires rose to 16 on Thursday, officials said.\n",
    })
    assert not [f for f in found if "Six people" in f.message], [f.message for f in found]


# one named fire's burned area, its name opening the sentence before an aside, by language
AREA = {
    "en": "The Harlow fire, in the hills above the town, has burned 600 acres. The Pinecrest fire is contained.",
    "fr": "Le Harlow Fire, dans les collines de la ville, a brûlé 600 acres. Le Pinecrest Fire est maîtrisé.",
    "de": "Das Harlow-Feuer, in den Hügeln über der Stadt, hat 600 Hektar verbrannt. Das Kornberg-Feuer ist gelöscht.",
    "es": "El incendio Harlow, en las colinas de la ciudad, ha quemado 600 hectáreas. El incendio Robledo está controlado.",
}


@pytest.mark.parametrize("lang", sorted(AREA))
def test_a_named_fires_area_is_a_part(lang: str) -> None:
    assert figure(AREA[lang], lang, 600).measure == "part"


@pytest.mark.parametrize("lang", sorted(AREA))
def test_two_named_fires_together_are_no_part(lang: str) -> None:
    text = {
        "en": "The Harlow fire and the Pinecrest fire have burned 600 acres.",
        "fr": "Le Harlow Fire et le Pinecrest Fire ont brûlé 600 acres.",
        "de": "Das Harlow-Feuer und das Kornberg-Feuer haben 600 Hektar verbrannt.",
        "es": "El incendio Harlow y el incendio Robledo han quemado 600 hectáreas.",
    }[lang]
    assert figure(text + " " + AREA[lang].split(". ")[1], lang, 600).measure != "part"


# figures, then a sentence that limits them to one region, by language
LIMITED = {
    "en": ("The toll from the flood has risen to 300, with 500 people injured. "
           "These numbers are just for the Dorvan region, the worst hit.", "The toll from the flood has risen to 300. "
           "The Dorvan region was the worst hit."),
    "fr": ("Le bilan de l'inondation s'élève à 300 morts et 500 blessés. "
           "Ces chiffres ne concernent que la région de Dorvan.", "Le bilan de l'inondation s'élève à 300 morts. "
           "La région de Dorvan est la plus touchée."),
    "de": ("Die Zahl der Toten durch das Hochwasser stieg auf 300. "
           "Diese Zahlen gelten nur für die Region Dorvan.", "Die Zahl der Toten durch das Hochwasser stieg auf 300. "
           "Die Region Dorvan ist am stärksten betroffen."),
    "es": ("El balance de la inundación asciende a 300 muertos. "
           "Estas cifras corresponden solo a la región de Dorvan.", "El balance de la inundación asciende a 300 muertos. "
           "La región de Dorvan es la más afectada."),
}


@pytest.mark.parametrize("lang", sorted(LIMITED))
def test_figures_limited_by_the_next_sentence_are_a_part(lang: str) -> None:
    assert figure(LIMITED[lang][0], lang, 300).measure == "part"


@pytest.mark.parametrize("lang", sorted(LIMITED))
def test_a_region_named_next_without_a_limit_keeps_the_toll(lang: str) -> None:
    assert figure(LIMITED[lang][1], lang, 300).measure in ("total", "running")
