"""Answers from the store: full-text search on claims, a page's history, and the captures of a page to compare.

``search`` runs an FTS5 query over every claim version's text (words, stemmed: "62 billion" finds "$62 billion";
the query's words are quoted, so punctuation is harmless) and returns one row per claim key, its latest version
first. ``history`` lists a page's captures in the order the store first saw them, each with its runs and the
number of claims and flags, and what changed from the capture before (``audit.diff``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

from audit.diff.captures import CaptureDiff
from audit.diff.compare import diff_sources
from audit.model import FieldEvidence, Source
from audit.store.errors import StoreError


def search(db: Database, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Claims whose text matches ``query``, best match first, one row per claim key (its latest version)."""
    if not query.strip():
        raise StoreError("give some words to search for")
    rows = db.table("claims").search(query, limit=limit * 5, quote=True, include_rank=True)
    out: dict[str, dict[str, Any]] = {}
    for row in rows:
        key = row["claim_key"]
        if key in out and out[key]["last_run"] >= row["last_run"]:
            continue
        out[key] = row
    found = []
    for row in list(out.values())[:limit]:
        flags = list(
            db.query(
                "select flag_key, kind, rule, severity, review, status, editor from flag_review "
                "where flag_key in (select flag_key from flags where version_id = ?) group by flag_key",
                [row["version_id"]],
            )
        )
        found.append(
            {
                "claim_key": row["claim_key"],
                "version_id": row["version_id"],
                "page": row["page"],
                "text": row["text"],
                "first_run": row["first_run"],
                "last_run": row["last_run"],
                "flags": flags,
            }
        )
    return found


def source_from_row(row: dict[str, Any]) -> Source:
    """A ``Source`` rebuilt from its stored row (metadata evidence without its candidates)."""
    metadata = {
        name: FieldEvidence(value.get("value"), value.get("method"), value.get("location"))
        for name, value in json.loads(row.get("metadata") or "{}").items()
    }
    return Source(
        source_id=row["source_id"],
        path=row["path"] or "",
        sha256=row["sha256"],
        media_type=row["media_type"] or "text/plain",
        status=row["status"],
        url=row["url"],
        site=row["site"],
        title=row["title"],
        authors=tuple(json.loads(row.get("authors") or "[]")),
        published=row["published"],
        updated=row["updated"],
        metadata_evidence=metadata,
        independence_group=row["source_id"],
        text=row["text"] or "",
        part=row["part"] or 0,
    )


def _versions(db: Database, page: str) -> list[dict[str, Any]]:
    rows = list(db.query("select * from sources where page = ? order by first_run, rowid", [page]))
    if not rows:
        raise StoreError(f"no capture of {page} in the store; `audit db search` finds claims and their pages")
    return rows


@dataclass(frozen=True, slots=True)
class Version:
    source: Source
    runs: tuple[tuple[int, str], ...]  # (run id, recorded at)
    claims: int
    flags: int
    change: CaptureDiff | None  # from the capture before it


def history(db: Database, page: str) -> list[Version]:
    """Every capture of ``page`` (a URL, or ``sha256:…`` for a capture without one), oldest first."""
    out: list[Version] = []
    previous: Source | None = None
    for row in _versions(db, page):
        source = source_from_row(row)
        runs = tuple(
            (int(r["id"]), str(r["recorded_at"]))
            for r in db.query(
                "select r.id, r.recorded_at from runs r join run_sources s on s.run_id = r.id "
                "where s.source_id = ? order by r.id",
                [source.source_id],
            )
        )
        claims = db.table("claims").count_where("source_id = ?", [source.source_id])
        flags = db.execute(
            "select count(*) from flags f join claims c on c.version_id = f.version_id where c.source_id = ?",
            [source.source_id],
        ).fetchone()[0]
        change = None
        if previous is not None and previous.status == "ok" and source.status == "ok":
            change = CaptureDiff(diff_sources(previous, source), True)
        out.append(Version(source, runs, claims, int(flags), change))
        previous = source
    return out


def captures_to_compare(
    db: Database, page: str, old_run: int | None, new_run: int | None
) -> tuple[Source, Source]:
    """Two captures of ``page``: those the runs given saw, else the last two the store holds."""
    versions = [source_from_row(row) for row in _versions(db, page)]

    def seen_in(run: int) -> Source:
        rows = list(db.query("select source_id from run_sources where run_id = ?", [run]))
        ids = {r["source_id"] for r in rows}
        for source in versions:
            if source.source_id in ids:
                return source
        raise StoreError(f"run {run} did not audit a capture of {page}")

    if old_run is not None or new_run is not None:
        if old_run is None or new_run is None:
            raise StoreError("give both --old-run and --new-run, or neither")
        return seen_in(old_run), seen_in(new_run)
    if len(versions) < 2:
        raise StoreError(f"the store holds one capture of {page}; there is nothing to compare it with yet")
    return versions[-2], versions[-1]
