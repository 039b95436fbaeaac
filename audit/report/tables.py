"""The parquet tables of an audit: one row per source, claim and flag (polars), for analysis outside the reports."""

from __future__ import annotations

import json
from collections.abc import Callable

import polars as pl

from audit.contract.jsonable import to_jsonable
from audit.model import AuditResult


def _json(value: object) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False, sort_keys=False)


def sources_frame(result: AuditResult) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "source_id": s.source_id,
                "path": s.path,
                "sha256": s.sha256,
                "media_type": s.media_type,
                "status": s.status,
                "status_message": s.status_message,
                "url": s.url,
                "site": s.site,
                "title": s.title,
                "authors": list(s.authors),
                "published": s.published,
                "updated": s.updated,
                "independence_group": s.independence_group,
                "story": s.story,
                "warnings": _json(s.warnings),
                "metadata_evidence": _json(s.metadata_evidence),
                "text": s.text,
            }
            for s in result.sources
        ],
        schema={
            "source_id": pl.String,
            "path": pl.String,
            "sha256": pl.String,
            "media_type": pl.String,
            "status": pl.String,
            "status_message": pl.String,
            "url": pl.String,
            "site": pl.String,
            "title": pl.String,
            "authors": pl.List(pl.String),
            "published": pl.String,
            "updated": pl.String,
            "independence_group": pl.String,
            "story": pl.String,
            "warnings": pl.String,
            "metadata_evidence": pl.String,
            "text": pl.String,
        },
    )


def claims_frame(result: AuditResult) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "claim_id": c.claim_id,
                "source_id": c.source_id,
                "text": c.text,
                "start": c.span.start,
                "end": c.span.end,
                "type": c.type,
                "checkworthiness": c.checkworthiness,
                "attribution_kind": c.attribution.kind,
                "speaker": c.attribution.speaker,
                "capture_line": c.capture_line,
                "n_flags": len(c.flags),
                "figures": _json(c.figures),
                "dates": _json(c.dates),
                "selector": _json(c.selector),
            }
            for c in result.claims
        ],
        schema={
            "claim_id": pl.String,
            "source_id": pl.String,
            "text": pl.String,
            "start": pl.Int64,
            "end": pl.Int64,
            "type": pl.String,
            "checkworthiness": pl.Float64,
            "attribution_kind": pl.String,
            "speaker": pl.String,
            "capture_line": pl.Int64,
            "n_flags": pl.Int64,
            "figures": pl.String,
            "dates": pl.String,
            "selector": pl.String,
        },
    )


def flags_frame(result: AuditResult) -> pl.DataFrame:
    return pl.DataFrame(
        [
            {
                "claim_id": claim.claim_id,
                "source_id": claim.source_id,
                "kind": flag.kind,
                "rule": flag.rule,
                "severity": flag.severity,
                "message": flag.message,
                "evidence": _json(flag.evidence),
            }
            for claim, flag in result.flags()
        ],
        schema={
            "claim_id": pl.String,
            "source_id": pl.String,
            "kind": pl.String,
            "rule": pl.String,
            "severity": pl.String,
            "message": pl.String,
            "evidence": pl.String,
        },
    )


FRAMES: dict[str, Callable[[AuditResult], pl.DataFrame]] = {
    "sources.parquet": sources_frame,
    "claims.parquet": claims_frame,
    "flags.parquet": flags_frame,
}
