"""The record's commands (``audit db``, ``audit review``, ``audit export``, ``audit import``), registered by
``audit.cli``: each a thin layer over a function of ``audit.api``. A store problem (no store, unknown key, bad
file) is a usage error (exit 2) whose message says what to do.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

import click

from audit.model import REVIEW_STATUSES, ReviewStatus, Source, StoreRecord
from audit.pipeline.config import DEFAULT_SEARCH_LIMIT
from audit.store.errors import StoreError

_DB = click.option(
    "--db",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The audit store (SQLite) that `audit run … --db` wrote.",
)
_FORMAT = click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)


@contextmanager
def _store_errors() -> Iterator[None]:
    try:
        yield
    except StoreError as error:
        raise click.UsageError(str(error)) from error


def record_line(record: StoreRecord) -> str:
    """The summary ``audit run --db`` prints: how many flags are new, seen before, decided or reopened."""
    states = [review.state for review in record.flags.values()]
    dismissed = sum(1 for r in record.flags.values() if r.state == "decided" and r.status == "dismissed")
    matched = sum(len(m) for m in record.fact_checks.values())
    return (
        f"recorded as run {record.run_id} in {record.db}: {states.count('new')} new flags, "
        f"{states.count('seen')} seen before, {states.count('decided')} decided ({dismissed} dismissed), "
        f"{states.count('reopened')} reopened (evidence changed since the decision)"
        + (f"; {matched} match(es) with earlier fact-checks" if matched else "")
    )


def _captured(source: Source) -> Any:
    found = source.metadata_evidence.get("captured_at")
    return found.value if found is not None else None


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group("db")
def db_group() -> None:
    """Look things up in an audit store: search claims, a page's history."""


@db_group.command("search")
@click.argument("query")
@_DB
@click.option("--limit", type=click.IntRange(min=1), default=DEFAULT_SEARCH_LIMIT, show_default=True)
@_FORMAT
def db_search(query: str, db: Path, limit: int, fmt: str) -> None:
    """Claims whose text matches QUERY (full-text, stemmed), with their flags and the decisions on them."""
    from audit import api

    with _store_errors():
        rows = api.search(db, query, limit=limit)
    if fmt == "json":
        _echo_json(rows)
        return
    for row in rows:
        click.echo(f"{row['claim_key']}  {row['page']}  (runs {row['first_run']}–{row['last_run']})")
        click.echo(f"  “{row['text']}”")
        for flag in row["flags"]:
            decided = f"{flag['status']} by {flag['editor']}" if flag["status"] else "undecided"
            click.echo(
                f"  {flag['flag_key']}  {flag['rule']} ({flag['severity']}): {flag['review']}, {decided}"
            )
    click.echo(f"{len(rows)} claim(s)", err=True)


@db_group.command("history")
@click.argument("page")
@_DB
@_FORMAT
def db_history(page: str, db: Path, fmt: str) -> None:
    """Every capture of PAGE (a URL, or sha256:… for a capture without one) the store holds, oldest first, and
    what changed from each to the next."""
    from audit import api
    from audit.diff.report import diff_data

    with _store_errors():
        versions = api.history(db, page)
    rows = [
        {
            "source_id": v.source.source_id,
            "sha256": v.source.sha256,
            "captured_at": _captured(v.source),
            "title": v.source.title,
            "runs": [{"run_id": run, "recorded_at": when} for run, when in v.runs],
            "claims": v.claims,
            "flags": v.flags,
            "change": diff_data(v.change.diff, True)["summary"] if v.change else None,
        }
        for v in versions
    ]
    if fmt == "json":
        _echo_json(rows)
        return
    for row in rows:
        runs = ", ".join(str(r["run_id"]) for r in row["runs"])
        click.echo(
            f"{row['source_id']}  sha256 {row['sha256'][:16]}  runs {runs}: {row['claims']} claims, {row['flags']} flags"
        )
        change = row["change"]
        if change:
            click.echo(
                f"  since the capture before: {change['edited']} edited, {change['added']} added, "
                f"{change['removed']} removed sentences, {change['silent_edits']} silent edit(s)"
            )


@click.command()
@click.argument("key", required=False)
@_DB
@click.option("--status", type=click.Choice(list(REVIEW_STATUSES)), help="The decision on the flag.")
@click.option("--note", help="Why: what was checked, and against what.")
@click.option(
    "--rating", help="Rate the claim for the ClaimReview export (e.g. False, Mostly true; see docs/store.md)."
)
@click.option("--editor", help="Who decides (default: the operating system's user name).")
@click.option(
    "--import",
    "import_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Apply the decisions file report.html exported (Export decisions) instead of one KEY.",
)
def review(
    key: str | None,
    db: Path,
    status: str | None,
    note: str | None,
    rating: str | None,
    editor: str | None,
    import_file: Path | None,
) -> None:
    """Record an editor's decision on flag KEY (fk-…; `audit db search` and report.html show keys): checked,
    dismissed or confirmed, with a note; or rate a claim (fk-… or ck-…) with --rating.

    A dismissed flag stays dismissed in later audits until the claim's text or the flag's evidence changes.
    """
    from audit import api

    with _store_errors():
        if import_file is not None:
            if key is not None:
                raise click.UsageError("give a KEY or --import FILE, not both")
            done = api.import_decisions(db, import_file, editor=editor)
            for message in done.skipped:
                click.echo(f"skipped {message}", err=True)
            click.echo(f"{len(done.applied)} decision(s) applied, {len(done.skipped)} skipped", err=True)
            return
        if key is None:
            raise click.UsageError("give the KEY of a flag (fk-…) or claim (ck-…), or --import FILE")
        row = api.review(
            db, key, status=cast(ReviewStatus | None, status), note=note, rating=rating, editor=editor
        )
    what = ", ".join(filter(None, [row["status"], row["rating"] and f"rated {row['rating']}"]))
    click.echo(f"{key}: {what} by {row['editor']} at {row['decided_at']}", err=True)


@click.group("export")
def export_group() -> None:
    """Export from an audit store."""


@export_group.command("claimreview")
@_DB
@click.option("--org", help="The fact-checking organisation, the reviews' author.")
@click.option(
    "--url", help="Where the fact-checks are published (each review's url is it with the claim key)."
)
@click.option(
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write to this file instead of standard output.",
)
def export_claimreview(db: Path, org: str | None, url: str | None, output: Path | None) -> None:
    """schema.org ClaimReview JSON-LD (a list) for every claim an editor rated with `audit review --rating`."""
    from audit import api

    with _store_errors():
        reviews = api.export_claimreview(db, org=org, url=url)
    if url is None:
        click.echo(
            "no --url: the reviews point at a placeholder address; give the page you publish them on",
            err=True,
        )
    text = json.dumps(reviews, ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        from audit.report.write import write_text

        write_text(output, text)
    click.echo(f"{len(reviews)} ClaimReview(s)", err=True)


@click.group("import")
def import_group() -> None:
    """Import into an audit store."""


@import_group.command("claimreview")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@_DB
def import_claimreview(file: Path, db: Path) -> None:
    """Keep the ClaimReviews of FILE (JSON-LD) as earlier fact-checks; claims that match one in meaning and numbers
    carry it as evidence (now, and in audits recorded later)."""
    from audit import api

    with _store_errors():
        done = api.import_claimreview(db, file)
    for message in done.skipped:
        click.echo(f"skipped: {message}", err=True)
    click.echo(
        f"{done.added} fact-check(s) added, {done.known} already known; {done.matched} stored claim(s) match them",
        err=True,
    )
