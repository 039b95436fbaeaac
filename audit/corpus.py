"""The corpus: every audited source and claim, as records and as polars tables for the corpus stages.

Corpus stages (independence groups, corroboration, contested, single-source, misdated) read ``Corpus`` and never
compare every claim with every other: they join and group the tables below by normalised keys.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import polars as pl

from audit.model import Claim, Source


@dataclass(frozen=True)
class Corpus:
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    reference: Any = None  # the reference ledger (``audit.reference.Ledger``) when --reference is given
    source_by_id: dict[str, Source] = field(init=False)
    claim_by_id: dict[str, Claim] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "source_by_id", {s.source_id: s for s in self.sources})
        object.__setattr__(self, "claim_by_id", {c.claim_id: c for c in self.claims})

    def group_of(self, claim: Claim) -> str:
        return self.source_by_id[claim.source_id].independence_group

    @cached_property
    def claims_table(self) -> pl.DataFrame:
        return pl.DataFrame(
            {
                "claim_id": [c.claim_id for c in self.claims],
                "source_id": [c.source_id for c in self.claims],
                "group": [self.group_of(c) for c in self.claims],
                "type": [c.type for c in self.claims],
                "attribution_kind": [c.attribution.kind for c in self.claims],
                "speaker": [c.attribution.speaker for c in self.claims],
                "n_figures": [len(c.figures) for c in self.claims],
                "n_dates": [len(c.dates) for c in self.claims],
            },
            schema={
                "claim_id": pl.String,
                "source_id": pl.String,
                "group": pl.String,
                "type": pl.String,
                "attribution_kind": pl.String,
                "speaker": pl.String,
                "n_figures": pl.Int64,
                "n_dates": pl.Int64,
            },
        )

    @cached_property
    def figures_table(self) -> pl.DataFrame:
        """One row per figure: its claim, source, independence group, value, unit and measure."""
        rows = [
            {
                "claim_id": c.claim_id,
                "source_id": c.source_id,
                "group": self.group_of(c),
                "figure_index": i,
                "text": f.text,
                "value": f.value,
                "value_max": f.value_max,
                "unit": f.unit,
                "comparator": f.comparator,
                "measure": f.measure,
            }
            for c in self.claims
            for i, f in enumerate(c.figures)
        ]
        return pl.DataFrame(rows, schema=FIGURE_SCHEMA)

    @cached_property
    def dates_table(self) -> pl.DataFrame:
        """One row per resolved date: its claim, source, group, ISO value and the event it is attached to."""
        rows = [
            {
                "claim_id": c.claim_id,
                "source_id": c.source_id,
                "group": self.group_of(c),
                "date_index": i,
                "text": d.text,
                "iso": d.iso,
                "precision": d.precision,
                "resolution": d.resolution,
                "event_kind": d.event.kind if d.event else None,
                "event_verb": d.event.verb if d.event else None,
                "participants": sorted(d.event.participants) if d.event else [],
            }
            for c in self.claims
            for i, d in enumerate(c.dates)
        ]
        return pl.DataFrame(rows, schema=DATE_SCHEMA)


FIGURE_SCHEMA = pl.Schema(
    {
        "claim_id": pl.String,
        "source_id": pl.String,
        "group": pl.String,
        "figure_index": pl.Int64,
        "text": pl.String,
        "value": pl.Float64,
        "value_max": pl.Float64,
        "unit": pl.String,
        "comparator": pl.String,
        "measure": pl.String,
    }
)
DATE_SCHEMA = pl.Schema(
    {
        "claim_id": pl.String(),
        "source_id": pl.String(),
        "group": pl.String(),
        "date_index": pl.Int64(),
        "text": pl.String(),
        "iso": pl.String(),
        "precision": pl.String(),
        "resolution": pl.String(),
        "event_kind": pl.String(),
        "event_verb": pl.String(),
        "participants": pl.List(pl.String()),
    }
)
