"""Reading the corpus stage's YAML data files, once, at import."""

from __future__ import annotations

from importlib import resources
from typing import Any

import yaml

YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C loader when PyYAML has it

# Curly quotes and non-breaking spaces, made plain one character for one, so that offsets
# into the plain text are offsets into the original.
_PLAIN = {"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'", "\u00a0": " ", "\u202f": " "}


def load(name: str) -> Any:
    """The parsed content of `consistency/corpus/data/<name>`."""
    text = resources.files("consistency.corpus").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.load(text, Loader=YAML_LOADER)


def plain(text: str) -> str:
    """The text with straight apostrophes and plain spaces, the same length as before."""
    if text.isascii():
        return text
    for fancy, simple in _PLAIN.items():
        if fancy in text:
            text = text.replace(fancy, simple)  # much faster than str.translate
    return text


def fold(text: str) -> str:
    """A comparison key for names: apostrophes, case and spacing do not matter."""
    return " ".join(plain(text).casefold().split())
