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
from collections.abc import Callable, Sequence
from pathlib import Path

from audit.model import AuditResult, Candidate, Claim, FieldEvidence, Severity, Source
from audit.pipeline.config import (
    DEFAULT_JOBS,
    DEFAULT_MAX_BYTES,
    DEFAULT_TIMEOUT,
    Options,
    RunConfig,
    resolve_reference,
)
from audit.report.check import CheckResult, gate, parse_kinds


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
) -> AuditResult:
    """Audit the captures in ``inputs`` (files or folders), as ``audit run`` does.

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
    return run_audit(config, report=tell, progress=progress)


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
