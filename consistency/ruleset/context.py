"""What rules look at: documents, claims, topics, and the voice behind each claim."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from consistency.model import Claim, Document, Topic

OriginSource = Literal["attribution", "publisher", "document"]


@dataclass(frozen=True)
class Context:
    """The claims of a corpus, already grouped into topics."""

    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    topics: Sequence[Topic]


@dataclass(frozen=True, order=True)
class Origin:
    """The voice behind a claim: who said it, else who published it, else the document.

    Two claims are independent when their origins differ. A document without publisher
    stands for itself, so two such documents count as two voices.
    """

    name: str
    source: OriginSource

    @cached_property
    def key(self) -> str:
        """Identity for independence: names compared without case."""
        if self.source == "document":
            return "document:" + self.name
        return self.name.casefold()

    @property
    def named(self) -> bool:
        """True when the text names who gave the figure."""
        return self.source == "attribution"

    @property
    def stable(self) -> str:
        """The name a fingerprint uses: never a document id, which changes on rename."""
        return "unattributed" if self.source == "document" else self.name

    @property
    def label(self) -> str:
        if self.source == "document":
            return f"{self.name} (unattributed)"
        return self.name

    def describe(self) -> str:
        """How messages introduce the voice."""
        if self.source == "attribution":
            return f"according to {self.name}"
        if self.source == "publisher":
            return f"unattributed, published by {self.name}"
        return "unattributed"


def origin_of(claim: Claim, documents: Mapping[str, Document]) -> Origin:
    if claim.attributed_to:
        return Origin(claim.attributed_to, "attribution")
    document = documents.get(claim.document)
    if document is not None and document.publisher:
        return Origin(document.publisher, "publisher")
    return Origin(claim.document, "document")
