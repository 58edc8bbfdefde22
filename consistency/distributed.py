"""Extraction and rule evaluation on a Dask distributed cluster (`--dask ADDRESS`).

Past one machine, the two costly stages are split into tasks: extraction by batches of
documents, rule evaluation by batches of topics. Both are pure functions of their inputs,
and each batch of topics is evaluated against the whole corpus (rules look up claims of
other topics, e.g. "additional" troops), so the findings, their order and their fingerprints
are those of a local run. The corpus is read on the machine that runs the command.

Workers need the same version of check-consistency installed as the client; extra lexicon
folders travel with the lexicon, they need not exist on the workers.

Dask is an optional extra: `pip install 'check-consistency[dask]'`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from consistency.errors import UsageError
from consistency.model import Claim, Document, Finding, Topic

if TYPE_CHECKING:  # only for types: the core modules are imported where they are used
    from consistency.extract.lexicon import Lexicon
    from consistency.ruleset import Context, RuleSet

_DOCUMENTS_PER_TASK = 32
_TASKS_PER_WORKER = 4  # topic batches per worker: big topics do not leave workers idle


def _extract_batch(documents: Sequence[Document], lexicon: Lexicon) -> list[tuple[Claim, ...]]:
    from consistency.corpus import boilerplate_spans
    from consistency.extract.claims import extract_claims

    return [extract_claims(d, lexicon, boilerplate_spans(d)) for d in documents]


def _evaluate_batch(ruleset: RuleSet, context: Context, topic_ids: Sequence[str]) -> tuple[Finding, ...]:
    from consistency.ruleset import Context

    wanted = set(topic_ids)
    part = Context(
        documents=context.documents,
        claims=context.claims,
        topics=tuple(t for t in context.topics if t.id in wanted),
    )
    return ruleset.evaluate(part)


@dataclass
class Cluster:
    """A connection to a Dask scheduler, and what the run sends it."""

    client: Any
    owned: bool = True  # close the client when done (False when the caller gave one)

    def workers(self) -> int:
        return max(1, len(self.client.scheduler_info(n_workers=-1).get("workers", {})))

    def extract(self, documents: Sequence[Document], lexicon: Lexicon) -> list[tuple[Claim, ...]]:
        """Claims per document, in the order of `documents`."""
        if not documents:
            return []
        lex = self.client.scatter(lexicon, broadcast=True, hash=False)
        batches = [documents[i:i + _DOCUMENTS_PER_TASK] for i in range(0, len(documents), _DOCUMENTS_PER_TASK)]
        futures = self.client.map(_extract_batch, batches, lexicon=lex, pure=False)
        out: list[tuple[Claim, ...]] = []
        for batch in self.client.gather(futures):
            out.extend(batch)
        return out

    def evaluate(self, ruleset: RuleSet, context: Context) -> tuple[Finding, ...]:
        """The findings of `ruleset.evaluate(context)`, computed by topic batches on the cluster."""
        from consistency.ruleset.engine import _finding_order

        topics: Sequence[Topic] = context.topics
        if not topics:
            return ruleset.evaluate(context)
        n = min(len(topics), self.workers() * _TASKS_PER_WORKER)
        batches: list[list[str]] = [[] for _ in range(n)]
        # Largest topics first, dealt round-robin: each batch gets a share of the big ones.
        for i, topic in enumerate(sorted(topics, key=lambda t: (-len(t.claims), t.id))):
            batches[i % n].append(topic.id)
        shared_rules = self.client.scatter(ruleset, broadcast=True, hash=False)
        shared_context = self.client.scatter(context, broadcast=True, hash=False)
        futures = self.client.map(_evaluate_batch, [shared_rules] * n, [shared_context] * n, batches, pure=False)
        findings = [f for batch in self.client.gather(futures) for f in batch]
        return tuple(sorted(findings, key=_finding_order))

    def close(self) -> None:
        if self.owned:
            self.client.close()


def connect(address: str | Any) -> Cluster:
    """A Cluster for a scheduler address ("tcp://host:8786") or an existing dask Client."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            "--dask needs Dask: pip install 'check-consistency[dask]' (on the workers too)"
        ) from None
    if isinstance(address, Client):
        return Cluster(address, owned=False)
    try:
        client = Client(address, timeout="20s")  # type: ignore[no-untyped-call]  # distributed's __init__ is unannotated
    except (OSError, TimeoutError, ValueError) as exc:
        raise UsageError(f"--dask {address}: cannot reach the Dask scheduler ({exc})") from None
    return Cluster(client)
