"""Recording an audit in the store: the run, its sources, claims (by claim key), flags and their evidence.

Steps, in one transaction:
1. the run (inputs, options, tool version, times);
2. each source by its id (the capture's hash), kept once however often it is audited;
3. each claim version (claim key + source): an existing one only has ``last_run`` moved on; a new one is linked to
   the version it replaces: the same claim key's latest version from another capture, or else, when the page had an
   earlier capture, the sentence that capture had before it was edited (``audit.diff.align``);
4. each flag version (flag key + claim version + evidence hash) and its evidence, with the review it gets from
   the decisions already in the store (``audit.store.review.review_of``), computed before this run is written;
5. claims that match an earlier fact-check (``audit.store.factcheck``), kept as evidence.
Re-running on the same captures adds a run and nothing else.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from sqlite_utils import Database

from audit.contract.jsonable import to_jsonable
from audit.diff.align import align
from audit.model import AuditResult, Claim, Flag, FlagReview, Source, StoreRecord
from audit.store.keys import FlagIdentity, Keys, version_id
from audit.store.review import review_of


def now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


def _json(value: Any) -> str:
    return json.dumps(to_jsonable(value), ensure_ascii=False)


def _source_row(source: Source, page: str, run_id: int) -> dict[str, Any]:
    captured = source.metadata_evidence.get("captured_at")
    return {
        "source_id": source.source_id,
        "sha256": source.sha256,
        "part": source.part,
        "page": page,
        "url": source.url,
        "captured_at": captured.value if captured is not None else None,
        "path": source.path,
        "media_type": source.media_type,
        "status": source.status,
        "status_message": source.status_message,
        "title": source.title,
        "site": source.site,
        "authors": _json(source.authors),
        "published": source.published,
        "updated": source.updated,
        "metadata": _json(source.metadata_evidence),
        "warnings": _json(source.warnings),
        "signals": _json(source.signals),
        "text": source.text,
        "first_run": run_id,
        "last_run": run_id,
    }


def _claim_row(claim: Claim, key: str, page: str, previous: str | None, run_id: int) -> dict[str, Any]:
    return {
        "version_id": version_id(key, claim.source_id),
        "claim_key": key,
        "source_id": claim.source_id,
        "page": page,
        "text": claim.text,
        "type": claim.type,
        "checkworthiness": claim.checkworthiness,
        "span_start": claim.span.start,
        "span_end": claim.span.end,
        "capture_line": claim.capture_line,
        "figures": _json(claim.figures),
        "dates": _json(claim.dates),
        "attribution": _json(claim.attribution),
        "previous_version": previous,
        "first_run": run_id,
        "last_run": run_id,
    }


def _edited_predecessors(db: Database, source: Source, page: str, claims: list[Claim]) -> dict[str, str]:
    """For a new capture of a page the store has seen: each claim's version in the page's previous capture, by
    claim id, when the alignment of the two texts pairs their sentences (unchanged or edited)."""
    earlier = list(
        db.query(
            "select source_id, text from sources where page = ? and source_id != ? and status = 'ok' "
            "order by last_run desc, first_run desc limit 1",
            [page, source.source_id],
        )
    )
    if not earlier or not claims:
        return {}
    old_id, old_text = earlier[0]["source_id"], earlier[0]["text"] or ""
    old_claims = list(
        db.query("select version_id, span_start, span_end from claims where source_id = ?", [old_id])
    )
    found: dict[str, str] = {}
    for pairing in align(old_text, source.text):
        if pairing.old is None or pairing.new is None:
            continue
        new_claim = next(
            (c for c in claims if c.span.start < pairing.new.end and pairing.new.start < c.span.end), None
        )
        old_claim = next(
            (
                c
                for c in old_claims
                if c["span_start"] < pairing.old.end and pairing.old.start < c["span_end"]
            ),
            None,
        )
        if new_claim is not None and old_claim is not None:
            found[new_claim.claim_id] = old_claim["version_id"]
    return found


def _previous(db: Database, key: str, source_id: str) -> str | None:
    rows = list(
        db.query(
            "select version_id from claims where claim_key = ? and source_id != ? order by last_run desc limit 1",
            [key, source_id],
        )
    )
    return str(rows[0]["version_id"]) if rows else None


def record_run(db: Database, result: AuditResult, options: Mapping[str, Any] | None = None) -> AuditResult:
    """Record ``result`` in the store ``db``; returns it with ``record`` set (the run id, each flag's review)."""
    keys = Keys(result)
    reviews: dict[str, FlagReview] = {}
    with db.atomic():
        # 1. the run
        run = result.run
        run_id = int(
            db.table("runs")  # type: ignore[arg-type]
            .insert(
                {
                    "recorded_at": now(),
                    "started_at": run.get("started_at"),
                    "tool_version": result.tool.version,
                    "schema_version": result.schema_version,
                    "inputs": _json(run.get("inputs", [])),
                    "options": _json(dict(options or {})),
                    "host": run.get("host"),
                    "sources": len(result.sources),
                    "claims": len(result.claims),
                    "flags": len(result.flags()),
                },
            )
            .last_pk
        )
        # 2. sources, once each
        sources = db.table("sources")
        for source in result.sources:
            page = keys.pages[source.source_id]
            sources.insert(_source_row(source, page, run_id), ignore=True)
            db.execute("update sources set last_run = ? where source_id = ?", [run_id, source.source_id])
            db.table("run_sources").insert(
                {
                    "run_id": run_id,
                    "source_id": source.source_id,
                    "path": source.path,
                    "independence_group": source.independence_group,
                },
                ignore=True,
            )
        # 3. claim versions
        by_source: dict[str, list[Claim]] = {}
        for claim in result.claims:
            by_source.setdefault(claim.source_id, []).append(claim)
        for source_id, claims in by_source.items():
            source = keys.sources[source_id]
            page = keys.pages[source_id]
            edited = None
            for claim in claims:
                key = keys.claims[claim.claim_id]
                version = version_id(key, source_id)
                if db.table("claims").count_where("version_id = ?", [version]):
                    db.execute("update claims set last_run = ? where version_id = ?", [run_id, version])
                    continue
                previous = _previous(db, key, source_id)
                if previous is None:
                    if edited is None:
                        edited = _edited_predecessors(db, source, page, claims)
                    previous = edited.get(claim.claim_id)
                db.table("claims").insert(_claim_row(claim, key, page, previous, run_id))
        # 4. flag versions and their evidence, each with the review it has from earlier runs and decisions
        new_flags = 0
        for claim in result.claims:
            version = version_id(keys.claims[claim.claim_id], claim.source_id)
            for flag, identity in keys.flags(claim):
                review = review_of(db, identity)
                reviews[identity.flag_key] = review
                new_flags += review.state == "new"
                _write_flag(db, version, flag, identity, keys, run_id)
        db.execute("update runs set new_flags = ? where id = ?", [new_flags, run_id])
    record = StoreRecord(str(db.conn.execute("pragma database_list").fetchone()[2]), run_id, reviews)
    return replace(result, record=record)


def _write_flag(
    db: Database, version: str, flag: Flag, identity: FlagIdentity, keys: Keys, run_id: int
) -> None:
    flag_id = identity.version(version)
    if db.table("flags").count_where("flag_id = ?", [flag_id]):
        db.execute("update flags set last_run = ? where flag_id = ?", [run_id, flag_id])
        return
    db.table("flags").insert(
        {
            "flag_id": flag_id,
            "flag_key": identity.flag_key,
            "claim_key": identity.claim_key,
            "version_id": version,
            "kind": flag.kind,
            "rule": flag.rule,
            "severity": flag.severity,
            "message": flag.message,
            "evidence_hash": identity.evidence_hash,
            "first_run": run_id,
            "last_run": run_id,
        }
    )
    db.table("flag_evidence").insert_all(
        {
            "flag_id": flag_id,
            "position": position,
            "type": evidence.type,
            "note": evidence.note,
            "source_id": evidence.source_id,
            "claim_id": evidence.claim_id,
            "claim_key": keys.claims.get(evidence.claim_id or ""),
            "span_start": evidence.span.start if evidence.span else None,
            "span_end": evidence.span.end if evidence.span else None,
            "text": evidence.text,
            "reference": _json(evidence.reference) if evidence.reference else None,
        }
        for position, evidence in enumerate(flag.evidence)
    )
