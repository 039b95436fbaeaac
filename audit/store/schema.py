"""The audit store's tables: one SQLite file, made with sqlite-utils, that opens in Datasette as it is.

Every table is documented in ``docs/store.md``. ``open_store`` creates what is missing (so an old store gains new
tables) and never drops anything. Columns holding lists or objects hold JSON text. Times are UTC ISO 8601.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlite_utils import Database

from audit.store.errors import StoreError

STORE_VERSION = "1"

# name -> (columns, primary key, not-null columns)
TABLES: dict[str, tuple[dict[str, type], str | tuple[str, ...], tuple[str, ...]]] = {
    "runs": (
        {
            "id": int,
            "recorded_at": str,
            "started_at": str,
            "tool_version": str,
            "schema_version": str,
            "inputs": str,
            "options": str,
            "host": str,
            "sources": int,
            "claims": int,
            "flags": int,
            "new_flags": int,
        },
        "id",
        ("recorded_at", "tool_version"),
    ),
    "sources": (
        {
            "source_id": str,
            "sha256": str,
            "part": int,
            "page": str,
            "url": str,
            "captured_at": str,
            "path": str,
            "media_type": str,
            "status": str,
            "status_message": str,
            "title": str,
            "site": str,
            "authors": str,
            "published": str,
            "updated": str,
            "metadata": str,
            "warnings": str,
            "signals": str,
            "text": str,
            "first_run": int,
            "last_run": int,
        },
        "source_id",
        ("sha256", "page", "status"),
    ),
    "run_sources": (
        {"run_id": int, "source_id": str, "path": str, "independence_group": str},
        ("run_id", "source_id"),
        (),
    ),
    "claims": (
        {
            "version_id": str,
            "claim_key": str,
            "source_id": str,
            "page": str,
            "text": str,
            "type": str,
            "checkworthiness": float,
            "span_start": int,
            "span_end": int,
            "capture_line": int,
            "figures": str,
            "dates": str,
            "attribution": str,
            "previous_version": str,
            "first_run": int,
            "last_run": int,
        },
        "version_id",
        ("claim_key", "source_id", "page", "text"),
    ),
    "flags": (
        {
            "flag_id": str,
            "flag_key": str,
            "claim_key": str,
            "version_id": str,
            "kind": str,
            "rule": str,
            "severity": str,
            "message": str,
            "evidence_hash": str,
            "first_run": int,
            "last_run": int,
        },
        "flag_id",
        ("flag_key", "claim_key", "version_id", "kind", "rule", "severity", "evidence_hash"),
    ),
    "flag_evidence": (
        {
            "flag_id": str,
            "position": int,
            "type": str,
            "note": str,
            "source_id": str,
            "claim_id": str,
            "claim_key": str,
            "span_start": int,
            "span_end": int,
            "text": str,
            "reference": str,
        },
        ("flag_id", "position"),
        ("type", "note"),
    ),
    "decisions": (
        {
            "id": int,
            "flag_key": str,
            "claim_key": str,
            "status": str,
            "rating": str,
            "note": str,
            "editor": str,
            "decided_at": str,
            "evidence_hash": str,
            "origin": str,
        },
        "id",
        ("claim_key", "editor", "decided_at", "origin"),
    ),
    "fact_checks": (
        {
            "id": str,
            "url": str,
            "claim_reviewed": str,
            "rating_value": float,
            "best_rating": float,
            "worst_rating": float,
            "rating": str,
            "author": str,
            "author_url": str,
            "date_published": str,
            "claim_author": str,
            "claim_date": str,
            "appearances": str,
            "origin": str,
            "imported_at": str,
            "data": str,
        },
        "id",
        ("url", "claim_reviewed", "rating", "origin", "imported_at"),
    ),
    "claim_fact_checks": (
        {"version_id": str, "fact_check_id": str, "score": float, "method": str, "run_id": int},
        ("version_id", "fact_check_id"),
        ("score", "method"),
    ),
    "meta": ({"key": str, "value": str}, "key", ()),
}

FOREIGN_KEYS: dict[str, list[tuple[str, str, str]]] = {
    "run_sources": [("run_id", "runs", "id"), ("source_id", "sources", "source_id")],
    "claims": [("source_id", "sources", "source_id")],
    "flags": [("version_id", "claims", "version_id")],
    "flag_evidence": [("flag_id", "flags", "flag_id")],
    "claim_fact_checks": [("version_id", "claims", "version_id"), ("fact_check_id", "fact_checks", "id")],
}

INDEXES: dict[str, list[list[str]]] = {
    "sources": [["page"], ["sha256"]],
    "claims": [["claim_key"], ["page"], ["source_id"]],
    "flags": [["flag_key"], ["claim_key"], ["kind"], ["rule"]],
    "decisions": [["flag_key"], ["claim_key"]],
}

VIEWS = {
    # the decision in force for each flag key: the latest one with a status (a rating alone decides nothing)
    "latest_decisions": """
        select d.* from decisions d
        where d.status is not null
          and d.id = (select max(id) from decisions e where e.flag_key = d.flag_key and e.status is not null)
    """,
    # the rating in force for each claim key: the latest one
    "latest_ratings": """
        select d.* from decisions d
        where d.rating is not null
          and d.id = (select max(id) from decisions e where e.claim_key = d.claim_key and e.rating is not null)
    """,
    # every flag version with the page, the claim's text and the decision in force on its key
    "flag_review": """
        select f.flag_key, f.kind, f.rule, f.severity, f.message, c.page, c.text as claim, f.first_run, f.last_run,
               d.status, d.editor, d.note, d.decided_at,
               case when d.id is null then 'open'
                    when d.evidence_hash = f.evidence_hash then 'decided'
                    else 'reopened' end as review
        from flags f join claims c on c.version_id = f.version_id
        left join latest_decisions d on d.flag_key = f.flag_key
    """,
}


def open_store(path: str | Path, *, create: bool = True) -> Database:
    """The store at ``path``, with every table, index, view and the claims' full-text index in place."""
    target = Path(path)
    if not create and not target.exists():
        raise StoreError(
            f"{target}: no audit store here; record an audit first with `audit run … --db {target}`"
        )
    if target.is_dir():
        raise StoreError(f"{target} is a folder; give the store's file, e.g. {target / 'audits.db'}")
    try:
        db = Database(target)
        db.execute("pragma foreign_keys = on")
        db.table_names()
    except sqlite3.DatabaseError as error:
        raise StoreError(f"{target}: not an audit store ({error}); give another --db file") from error
    for name, (columns, pk, not_null) in TABLES.items():
        db.table(name).create(
            columns,
            pk=pk,
            not_null=list(not_null),
            foreign_keys=FOREIGN_KEYS.get(name, []),
            if_not_exists=True,
        )
    for name, indexes in INDEXES.items():
        for index in indexes:
            db.table(name).create_index(index, if_not_exists=True)
    for name, sql in VIEWS.items():
        db.create_view(name, sql, replace=True)
    if "claims_fts" not in db.table_names():
        db.table("claims").enable_fts(["text"], create_triggers=True, tokenize="porter")
    db.table("meta").upsert({"key": "store_version", "value": STORE_VERSION}, pk="key")
    return db
