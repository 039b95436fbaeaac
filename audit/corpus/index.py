"""The corpus: every audited source and claim, with lookups by id, for the corpus stages.

Corpus stages (independence groups, stories, corroboration, contested, single-source, misdated) read ``Corpus``
and never compare every claim with every other: they block claims by story and unit (``audit.corpus.matching``)
or join polars tables of normalised keys (``audit.corpus.events``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from audit.model import Claim, Source


@dataclass(frozen=True)
class Corpus:
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    reference: Any = None  # the reference ledger (``audit.ingest.ledger.Ledger``) when --reference is given
    # the same-story evidence of scored source pairs (``audit.corpus.stories``), keyed by the two ids in order
    story_links: dict[tuple[str, str], float] | None = None
    source_by_id: dict[str, Source] = field(init=False)
    claim_by_id: dict[str, Claim] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_by_id", {s.source_id: s for s in self.sources})
        object.__setattr__(self, "claim_by_id", {c.claim_id: c for c in self.claims})

    def group_of(self, claim: Claim) -> str:
        return self.source_by_id[claim.source_id].independence_group

    def story_link(self, a: str, b: str) -> float | None:
        """The same-story evidence between two sources (0 for a pair never scored); None when not measured."""
        if self.story_links is None:
            return None
        return self.story_links.get((min(a, b), max(a, b)), 0.0)

    def story_of(self, claim: Claim) -> str:
        """The claim's source's story (its own source id when stories were not assigned)."""
        source = self.source_by_id[claim.source_id]
        return source.story or source.source_id
