"""Topic keys: which claims are about the same thing, decided in one place.

The graph stage groups a run's claims by these keys and the rule tests group their claims
by the same keys, so that a rule test sees the topics a real run would. This module sits
below both (it imports only the model).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from consistency.model import Claim

UNKNOWN = "?"  # a part of the key the claim does not say


def topic_key(claim: Claim) -> tuple[str, ...]:
    """The meaning a claim is about, independent of language and wording:
    ("quantity", actor, category, event) or ("date", event, actor, place)."""
    who = claim.actor or UNKNOWN
    if claim.kind == "date":
        return ("date", claim.event or UNKNOWN, who, claim.location or UNKNOWN)
    return ("quantity", who, claim.category or UNKNOWN, claim.event or UNKNOWN)


def block_key(claim: Claim) -> tuple[str, ...]:
    """What must match for two claims to be comparable at all, before looking at actors."""
    if claim.kind == "date":
        return ("date", claim.event or UNKNOWN, claim.location or UNKNOWN)
    return ("quantity", claim.category or UNKNOWN, claim.event or UNKNOWN)


def topic_id(key: Sequence[str]) -> str:
    """A short stable id for a key, the same in every run."""
    return "t-" + hashlib.sha1("\0".join(key).encode()).hexdigest()[:10]
