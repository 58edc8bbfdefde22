"""What rules look at: documents, claims, topics, and the voice behind each claim."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

from consistency.model import Claim, Document, Topic

# "copy": a figure without a source in a text that other documents copy word for word (or that
# copies theirs, see consistency.copies): the voice is the first of those texts.
OriginSource = Literal["attribution", "publisher", "document", "copy"]


@dataclass(frozen=True)
class Context:
    """The claims of a corpus, already grouped into topics."""

    documents: Mapping[str, Document]
    claims: Mapping[str, Claim]
    topics: Sequence[Topic]

    @cached_property
    def copies(self) -> dict[str, str]:
        """Each document that is one text with others -> the first of them. Only documents
        that repeat another's unsourced figure in the same words are read (consistency.copies)."""
        from consistency.copies import copy_groups, sharing_figures

        docs = self.documents
        return copy_groups(docs[d] for d in sorted(sharing_figures(self.claims.values())) if d in docs)


@dataclass(frozen=True, order=True)
class Origin:
    """The voice behind a claim: who said it, else who published it, else the document.

    Two claims are independent when their origins differ. A document without publisher
    stands for itself, so two such documents count as two voices, unless one copies the
    other's text. A named source on another's side (origins.yaml `side`) is that voice.
    """

    name: str
    source: OriginSource

    @cached_property
    def key(self) -> str:
        """Identity for independence: names compared without case."""
        if self.source in ("document", "copy"):
            return f"{self.source}:{self.name}"
        if self.source == "attribution":
            return _side(self.name.casefold())
        return self.name.casefold()

    @property
    def named(self) -> bool:
        """True when the text names who gave the figure."""
        return self.source == "attribution"

    @property
    def shared(self) -> bool:
        """True when several documents may carry this one voice: a named source, or one text
        copied word for word; its figures repeated are an echo."""
        return self.source in ("attribution", "copy")

    @property
    def stable(self) -> str:
        """The name a fingerprint uses: never a document id, which changes on rename."""
        return {"document": "unattributed", "copy": "copied text"}.get(self.source, self.name)

    @property
    def label(self) -> str:
        if self.source in ("document", "copy"):
            return f"{self.name} (unattributed)"  # reports show the document's name for its id
        return self.name

    def describe(self) -> str:
        """How messages introduce the voice."""
        if self.source == "attribution":
            return f"according to {self.name}"
        if self.source == "publisher":
            return f"unattributed, published by {self.name}"
        if self.source == "copy":
            return "unattributed, in a text copied from another article"
        return "unattributed"


def _side(name: str) -> str:
    """The voice a named source speaks with: "fridays for future" is the organisers' side."""
    from consistency.extract.attribution import origin_sides  # read when a claim is attributed

    return origin_sides().get(name, name).casefold()


def origin_of(claim: Claim, documents: Mapping[str, Document], copies: Mapping[str, str] | None = None) -> Origin:
    """Who said it, else who published it, else the document; a figure without a source in a
    copied text is the first text's (`copies`, from consistency.copies.copy_groups)."""
    if claim.attributed_to:
        return Origin(claim.attributed_to, "attribution")
    first = copies.get(claim.document) if copies else None
    if first is not None:
        original = documents.get(first)
        return Origin(original.publisher or original.id if original is not None else first, "copy")
    document = documents.get(claim.document)
    if document is not None and document.publisher:
        return Origin(document.publisher, "publisher")
    return Origin(claim.document, "document")
