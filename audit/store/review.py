"""Editors' decisions: who marked which flag checked, dismissed or confirmed, when, why, and how they rated the claim.

A decision is made on a flag key (``fk-…``, see ``audit.store.keys``) and on the evidence the flag had then (its
evidence hash). It holds in later audits while the claim's text (part of the key) and the evidence stay the same;
when the evidence changes the flag is *reopened*: shown again, with the old decision beside it. A rating (for the
ClaimReview export) is made on the claim: with a flag key it rates that flag's claim, or on a claim key (``ck-…``)
directly. Decisions are only ever added; the latest one for a key is the one in force.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from audit.contract.schemas import validator
from audit.model import REVIEW_STATUSES, FlagReview, ReviewState, ReviewStatus
from audit.store.errors import StoreError
from audit.store.keys import FlagIdentity
from audit.store.ratings import rating_named


def review_of(db: Database, identity: FlagIdentity) -> FlagReview:
    """The review a flag gets from the store: new, seen before, decided, or reopened (evidence changed)."""
    rows = list(
        db.query(
            "select * from decisions where flag_key = ? and status is not null order by id desc limit 1",
            [identity.flag_key],
        )
    )
    rating = claim_rating(db, identity.claim_key)
    if rows:
        row = rows[0]
        state: ReviewState = "decided" if row["evidence_hash"] == identity.evidence_hash else "reopened"
        return FlagReview(
            identity.flag_key,
            identity.claim_key,
            identity.evidence_hash,
            state,
            row["status"],
            row["editor"],
            row["note"],
            row["decided_at"],
            rating,
        )
    seen = db.table("flags").count_where("flag_key = ?", [identity.flag_key]) > 0
    return FlagReview(
        identity.flag_key,
        identity.claim_key,
        identity.evidence_hash,
        "seen" if seen else "new",
        rating=rating,
    )


def claim_rating(db: Database, claim_key: str) -> str | None:
    rows = list(
        db.query(
            "select rating from decisions where claim_key = ? and rating is not null order by id desc limit 1",
            [claim_key],
        )
    )
    return str(rows[0]["rating"]) if rows else None


@dataclass(frozen=True, slots=True)
class Decision:
    """One decision as given to ``decide``: a flag key (``fk-…``) or, for a rating alone, a claim key (``ck-…``)."""

    key: str
    editor: str
    decided_at: str
    status: ReviewStatus | None = None
    note: str | None = None
    rating: str | None = None
    evidence_hash: str | None = None  # the evidence the decision was made on; default: the flag's latest
    origin: str = "cli"


def _target(db: Database, key: str) -> tuple[str | None, str, str | None]:
    """(flag key, claim key, latest evidence hash) for a flag or claim key in the store."""
    if key.startswith("fk-"):
        rows = list(
            db.query(
                "select claim_key, evidence_hash from flags where flag_key = ? order by last_run desc, rowid desc "
                "limit 1",
                [key],
            )
        )
        if not rows:
            raise StoreError(
                f"no flag {key} in the store; record the audit that raised it (audit run … --db)"
            )
        return key, rows[0]["claim_key"], rows[0]["evidence_hash"]
    if key.startswith("ck-"):
        if not db.table("claims").count_where("claim_key = ?", [key]):
            raise StoreError(
                f"no claim {key} in the store; record the audit that found it (audit run … --db)"
            )
        return None, key, None
    raise StoreError(f"{key!r} is neither a flag key (fk-…) nor a claim key (ck-…); see `audit db search`")


def decide(db: Database, decision: Decision) -> dict[str, Any]:
    """Record one decision; returns the row written. Raises ``StoreError`` for an unknown key or a bad value."""
    flag_key, claim_key, latest = _target(db, decision.key)
    if decision.status is not None and decision.status not in REVIEW_STATUSES:
        raise StoreError(f"unknown status {decision.status!r}; choose one of {', '.join(REVIEW_STATUSES)}")
    if flag_key is None and decision.status is not None:
        raise StoreError(f"{decision.key} is a claim: give it a --rating; a --status is for a flag (fk-…)")
    if decision.status is None and decision.rating is None:
        raise StoreError("give a --status, a --rating, or both")
    rating = rating_named(decision.rating).name if decision.rating else None
    row = {
        "flag_key": flag_key,
        "claim_key": claim_key,
        "status": decision.status,
        "rating": rating,
        "note": decision.note,
        "editor": decision.editor,
        "decided_at": decision.decided_at,
        "evidence_hash": decision.evidence_hash or latest,
        "origin": decision.origin,
    }
    with db.atomic():
        row["id"] = db.table("decisions").insert(row).last_pk
    return row


@dataclass
class Imported:
    applied: list[dict[str, Any]] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one message per decision not applied, with the reason


def import_decisions(db: Database, path: Path, editor: str) -> Imported:
    """Apply a decisions file exported from ``report.html`` (``schemas/decisions.schema.json``).

    The file is validated first (``StoreError`` listing the problems). A decision already in the store (same key,
    status, rating, note, editor and time) is not added twice; one on a key the store does not hold is skipped.
    ``editor`` is used for decisions that name none.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise StoreError(f"{path}: cannot read it as JSON ({error})") from error
    problems = sorted(validator("decisions").iter_errors(data), key=lambda e: list(e.absolute_path))
    if problems:
        lines = [f"{path}: $.{'.'.join(map(str, p.absolute_path))}: {p.message}" for p in problems[:10]]
        raise StoreError("not a valid decisions file:\n" + "\n".join(lines))
    done = Imported()
    fallback = data.get("editor") or editor
    for item in data["decisions"]:
        key = item["flag_key"]
        who = item.get("editor") or fallback
        exists = db.table("decisions").count_where(
            "flag_key = ? and status is ? and rating is ? and note is ? and editor = ? and decided_at = ?",
            [key, item.get("status"), item.get("rating"), item.get("note") or None, who, item["decided_at"]],
        )
        if exists:
            done.skipped.append(f"{key}: already in the store")
            continue
        decision = Decision(
            key,
            who,
            item["decided_at"],
            item.get("status"),
            item.get("note") or None,
            item.get("rating"),
            item.get("evidence_hash"),
            f"import:{path.name}",
        )
        try:
            done.applied.append(decide(db, decision))
        except StoreError as error:
            done.skipped.append(f"{key}: {error}")
    return done
