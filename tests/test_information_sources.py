"""Sources named through their information ("according to information from the fire service",
"según la información proporcionada por la empresa", "selon les informations des pompiers") and
the fire service as a voice of its own (issue 8): two services' counts of one day then
dispute, never contradict as if one unnamed voice had given both."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.sentences import figure, findings

_INFORMATION = {
    "en": ("The two trains carried 318 passengers, according to information from the police.", 318, "police"),
    "fr": ("Les deux trains transportaient 318 passagers, selon les informations de la police.", 318, "police"),
    "es": ("En los dos trenes viajaban 318 pasajeros, según información de la policía.", 318, "police"),
    "de": ("In den beiden Zügen reisten 318 Fahrgäste, nach Angaben der Polizei.", 318, "police"),
}


@pytest.mark.parametrize("lang", sorted(_INFORMATION))
def test_a_source_named_through_its_information(lang: str) -> None:
    sentence, value, source = _INFORMATION[lang]
    assert figure(sentence, lang, value).attributed_to == source


_PROVIDED = {
    "en": "In total, 276 passengers were on board, according to information provided by the rail company Morava Rail.",
    "fr": "Au total, 276 passagers étaient à bord, selon les informations fournies par la compagnie Morava Rail.",
    "es": "En total, viajaban en ambos trenes 276 pasajeros, según la información proporcionada por la empresa Morava Rail.",
}


@pytest.mark.parametrize("lang", sorted(_PROVIDED))
def test_information_provided_by_a_company(lang: str) -> None:
    assert figure(_PROVIDED[lang], lang, 276).attributed_to == "Morava Rail"


_FIRE_SERVICE = {
    "en": ("About 120 residents were evacuated, according to the fire service.", 120),
    "fr": ("Environ 120 habitants ont été évacués, selon les pompiers.", 120),
    "es": ("Unos 120 vecinos fueron desalojados, según los bomberos.", 120),
    "de": ("Rund 120 Anwohner wurden in Sicherheit gebracht, teilte die Feuerwehr mit.", 120),
}


@pytest.mark.parametrize("lang", sorted(_FIRE_SERVICE))
def test_the_fire_service_is_a_source(lang: str) -> None:
    sentence, value = _FIRE_SERVICE[lang]
    assert figure(sentence, lang, value).attributed_to == "fire service"


def test_firefighters_counted_are_still_a_count_with_their_own_source() -> None:
    claim = figure("Quelque 450 pompiers ont été mobilisés dans la nuit, selon la préfecture.", "fr", 450)
    assert (claim.category, claim.attributed_to) == ("firefighters", "prefecture")


def test_two_services_counts_dispute_and_never_contradict(tmp_path: Path) -> None:
    found = findings(tmp_path, {
        "a_es.txt": "Choque de trenes en el norte\nDiario del Valle, 2 de marzo de 2026\n\nEn los dos trenes viajaban 350 pasajeros y "
                    "20 empleados, de acuerdo con información de los bomberos.\n",
        "b_es.txt": "Choque de trenes: la empresa da su balance\nEl Correo del Sur, 2 de marzo de 2026\n\nEn total, viajaban en "
                    "ambos trenes 343 pasajeros, según la información proporcionada por la empresa Morava Rail.\n",
    })
    kinds = sorted(f.kind for f in found)
    assert "contradiction" not in kinds
    assert "dispute" in kinds
