"""The Python API: the command line's functions, for notebooks and scripts.

    import audit
    result = audit.run(["raw/"])                 # the same audit as `audit run raw/ --out …`
    result.write("reports/mine")                 # audit.json, parquet tables, report.md, report.html
    outcome = audit.check(result, fail_on="misdated,contested")
    print(outcome.exit_code, len(outcome.findings))
    for claim in audit.claims("Reports indicate the plant cost $62 billion.", published="2025-03-01"):
        print(claim.text, [flag.rule for flag in claim.flags])

Every CLI command is a thin layer over one of these functions, and they take the same options with the same
defaults (``audit.pipeline.config``).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit.model import AuditResult, Candidate, Claim, FieldEvidence, ReviewStatus, Severity, Source
from audit.pipeline.config import (
    DEFAULT_JOBS,
    DEFAULT_MAX_BYTES,
    DEFAULT_ORG,
    DEFAULT_REVIEW_URL,
    DEFAULT_SEARCH_LIMIT,
    DEFAULT_TIMEOUT,
    Options,
    RunConfig,
    default_editor,
    resolve_reference,
)
from audit.report.check import CheckResult, gate, parse_kinds

if TYPE_CHECKING:
    from audit.diff.captures import CaptureDiff
    from audit.store.claimreview import ImportedReviews
    from audit.store.query import Version
    from audit.store.review import Imported


def run(
    inputs: Sequence[str | Path],
    *,
    reference: str | Path | None = None,
    no_reference: bool = False,
    jobs: int = DEFAULT_JOBS,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float = DEFAULT_TIMEOUT,
    cache: str | Path | None = None,
    report: Callable[[str], None] | None = None,
    progress: Callable[[int], Callable[[], None]] | None = None,
    client: Any = None,
) -> AuditResult:
    """Audit the captures in ``inputs`` (files or folders), as ``audit run`` does.

    ``client``: a ``distributed.Client`` (``pip install 'audit[dask]'``); the per-capture stage then runs on its
    Dask cluster instead of ``jobs`` local processes (the corpus stage stays here), as ``audit run --engine dask``.
    The workers must have audit installed and see the inputs (and ``cache``) at the same absolute paths.

    ``reference``: the ledger folder; when None, a ``reference`` folder inside the one input folder that has one is
    used (``no_reference=True`` turns that off). ``report`` receives the messages ``audit run`` prints on stderr
    (skipped files, captures that could not be audited); they are dropped when it is None.
    Raises ``audit.ingest.discover.InputError`` for a missing input and ``audit.ingest.ledger.LedgerError`` for a
    bad ledger.
    """
    from audit.pipeline.run import run_audit

    tell = report or (lambda message: None)
    named: dict[str, str] = {}  # an input named twice ("raw/ raw") is one input
    for item in inputs:
        named.setdefault(os.path.normpath(item), str(item))
    given = tuple(named.values())
    config = RunConfig(
        inputs=given,
        jobs=jobs,
        reference=resolve_reference(given, reference, no_reference, tell),
        options=Options(max_bytes=max_bytes, timeout=timeout),
        cache=str(cache) if cache is not None else None,
    )
    return run_audit(config, report=tell, progress=progress, client=client)


def check(result: AuditResult, *, fail_on: str | None = None, min_severity: Severity = "low") -> CheckResult:
    """The ``audit check`` gate on an audit: ``fail_on`` is a comma-separated list of flag kinds (None: every kind);
    ``outcome.exit_code`` is 1 when a flag of those kinds is at or above ``min_severity`` (or nothing was audited).
    Raises ``audit.report.check.CheckUsageError`` for an unknown kind."""
    return gate(result, parse_kinds(fail_on), min_severity)


def claims(text: str, *, published: str | None = None, title: str | None = None) -> list[Claim]:
    """The claims of one article's text, with the flags the per-article rules raise on it.

    ``published`` (``YYYY-MM-DD``) anchors relative dates and the misdating checks; without it they are skipped,
    as for a capture whose date is unknown. Cross-source rules need more than one source: use ``run``.
    """
    from audit.claim_extraction.assemble import extract_claims
    from audit.pipeline.capture import SourceRecord
    from audit.pipeline.run import assemble, corpus_rules

    sha256 = hashlib.sha256(text.encode("utf-8")).hexdigest()
    evidence = {}
    if published is not None:
        evidence["published"] = FieldEvidence(
            published,
            "api",
            "audit.claims(published=...)",
            (Candidate(published, "api", "argument", "high"),),
        )
    source = Source(
        source_id=f"src-{sha256[:16]}",
        path="<text>",
        sha256=sha256,
        media_type="text/plain",
        status="ok",
        title=title,
        published=published,
        metadata_evidence=evidence,
        independence_group=f"src-{sha256[:16]}",
        text=text,
    )
    record = SourceRecord(source, tuple(extract_claims(source, text, 0)))
    corpus, findings = corpus_rules([record], None)
    return list(assemble(corpus, findings, {}).claims)


# --- the lasting record: the audit store, editors' review, capture diffs, ClaimReview ---------------------------


def record(result: AuditResult, db: str | Path, *, options: Mapping[str, Any] | None = None) -> AuditResult:
    """Record an audit in the store ``db`` (created if missing), as ``audit run … --db`` does; returns the result
    with ``record`` set: the run's id, each flag's review (new, seen, decided, reopened) and earlier fact-checks
    its claims match. Re-recording the same captures adds a run and no duplicate claims or flags."""
    from audit.store.factcheck import match_run
    from audit.store.schema import open_store
    from audit.store.write import record_run

    store = open_store(db)
    recorded = record_run(store, result, options)
    return match_run(store, recorded)


def search(db: str | Path, query: str, *, limit: int = DEFAULT_SEARCH_LIMIT) -> list[dict[str, Any]]:
    """Claims in the store whose text matches ``query`` (full-text, stemmed), as ``audit db search``."""
    from audit.store.query import search as search_store
    from audit.store.schema import open_store

    return search_store(open_store(db, create=False), query, limit)


def history(db: str | Path, page: str) -> list[Version]:
    """Every capture the store holds of ``page`` (a URL, or ``sha256:…``), oldest first, with what changed from
    the one before, as ``audit db history``."""
    from audit.store.query import history as page_history
    from audit.store.schema import open_store

    return page_history(open_store(db, create=False), page)


def review(
    db: str | Path,
    key: str,
    *,
    status: ReviewStatus | None = None,
    note: str | None = None,
    rating: str | None = None,
    editor: str | None = None,
) -> dict[str, Any]:
    """Record an editor's decision on a flag (``fk-…``: ``status`` checked, dismissed or confirmed, and/or a
    ``rating`` of its claim) or a rating of a claim (``ck-…``), as ``audit review``; returns the row written.
    ``editor`` defaults to the operating system's user name. Raises ``audit.store.schema.StoreError``."""
    from audit.store.review import Decision, decide
    from audit.store.schema import open_store
    from audit.store.write import now

    decision = Decision(key, editor or default_editor(), now(), status, note, rating)
    return decide(open_store(db, create=False), decision)


def import_decisions(db: str | Path, path: str | Path, *, editor: str | None = None) -> Imported:
    """Apply a decisions file exported from report.html, as ``audit review --import``."""
    from audit.store.review import import_decisions as apply_file
    from audit.store.schema import open_store

    return apply_file(open_store(db, create=False), Path(path), editor or default_editor())


def diff_captures(
    old: str | Path, new: str | Path, *, part: int = 0, max_bytes: int = DEFAULT_MAX_BYTES
) -> CaptureDiff:
    """What changed between two captures of one article, as ``audit diff OLD NEW`` (``part``: which article of a
    capture that holds several). Raises ``audit.ingest.discover.InputError`` for a file that cannot be audited."""
    from audit.diff.captures import diff_files
    from audit.ingest.discover import InputError

    diffs = diff_files(Path(old), Path(new), Options(max_bytes=max_bytes))
    if part >= len(diffs):
        raise InputError(f"the captures hold {len(diffs)} article(s) to compare; --part {part} is not one")
    return diffs[part]


def diff_stored(
    db: str | Path, page: str, *, old_run: int | None = None, new_run: int | None = None
) -> CaptureDiff:
    """What changed between two captures of ``page`` in the store (those the runs given audited, else the last
    two), as ``audit diff --db DB --url PAGE``."""
    from audit.diff.captures import CaptureDiff
    from audit.diff.compare import diff_sources
    from audit.store.query import captures_to_compare
    from audit.store.schema import open_store

    old, new = captures_to_compare(open_store(db, create=False), page, old_run, new_run)
    return CaptureDiff(diff_sources(old, new), None)


def export_claimreview(
    db: str | Path, *, org: str | None = None, url: str | None = None
) -> list[dict[str, Any]]:
    """schema.org ClaimReview JSON-LD for every claim an editor rated, as ``audit export claimreview``
    (``org``: the fact-checking organisation's name; ``url``: the address the fact-checks are published at)."""
    from audit.store.claimreview import export_reviews
    from audit.store.schema import open_store

    return export_reviews(open_store(db, create=False), org or DEFAULT_ORG, url or DEFAULT_REVIEW_URL)


def import_claimreview(db: str | Path, path: str | Path) -> ImportedReviews:
    """Read earlier fact-checks (ClaimReview JSON-LD: one object, a list, or a page's ``@graph``) into the store's
    reference, as ``audit import claimreview``, and match the claims already in the store against the new ones
    (later recorded audits are matched as they are recorded)."""
    from audit.store.claimreview import import_reviews
    from audit.store.factcheck import match_stored
    from audit.store.schema import open_store

    store = open_store(db)
    imported = import_reviews(store, Path(path))
    imported.matched = match_stored(store, imported.ids)
    return imported
