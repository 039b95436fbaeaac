"""The whole audit in one place, as numbered steps, each a function.

1. ``discover_captures``: the captures under the inputs (sorted, so output order never depends on the file system),
   and the reference ledger;
2. ``audit_captures``: per capture, in a process pool with a wall-clock limit (or on a Dask cluster:
   ``audit.pipeline.dask_engine``): ingest → decode → clean → metadata → claims (``audit.pipeline.capture``), cached
   by content hash (the worker reads the capture, looks it up and stores its result: ``audit.pipeline.cache``);
3. ``corpus_rules``: corpus stages on the records: independence groups, stories, then the flag rules
   (``audit.flags``);
4. ``assemble``: flags attached to claims and credibility signals to sources (``audit.extract.signals``), into the
   ``AuditResult`` (the only non-deterministic part is ``run``).
Renderers and writers (``audit.report``) read the result and nothing else.
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import platform
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audit import __version__
from audit.ingest.discover import CaptureFile, discover
from audit.ingest.ledger import Ledger
from audit.model import SCHEMA_VERSION, AuditResult, Claim, Evidence, Flag, Source, SourceWarning, ToolInfo
from audit.pipeline.capture import SourceRecord
from audit.pipeline.config import RunConfig
from audit.pipeline.task import Task, on_error, on_timeout, run_task, warm_worker
from audit.pipeline.workers import Pool

if TYPE_CHECKING:
    from audit.corpus.index import Corpus
    from audit.flags.registry import Findings

Reporter = Callable[[str], None]
Progress = Callable[[int], Callable[[], None]]

# The corpus stage's modules (scipy through datasketch, polars, wordfreq: seconds to import), imported on first use
# and, during a run, in a thread while the workers start and work (``_warm_corpus_stage``)
_CORPUS_STAGE = (
    "audit.corpus.independence",
    "audit.corpus.stories.assign",
    "audit.flags.registry",
    "audit.extract.signals",
)

# Warnings about an input file the user can fix, told on stderr as well as kept in the source
_USER_FIXES = frozenset({"sidecar_invalid", "warc_damaged"})


@dataclass(frozen=True, slots=True)
class Discovered:
    captures: list[CaptureFile]
    skipped: list[str]
    reference: Ledger | None


@dataclass(frozen=True, slots=True)
class Audited:
    records: list[SourceRecord]
    cached: int  # captures answered from the cache


def run_audit(
    config: RunConfig,
    *,
    report: Reporter = lambda message: None,
    progress: Progress | None = None,
    client: Any = None,
) -> AuditResult:
    """The whole audit; with ``client`` (a ``distributed.Client``) the per-capture stage runs on its cluster."""
    started = time.time()
    monotonic = time.monotonic()
    # 1. discover
    found = discover_captures(config, report)
    # 2. per-capture stages in parallel: the local pool, or a Dask cluster
    warming = _warm_corpus_stage()
    audited = audit_captures(found.captures, config, report, progress, client)
    warming.join()
    # 3. corpus stages: independence groups, stories, then the flag rules
    corpus, findings = corpus_rules(audited.records, found.reference)
    # 4. attach flags, support, source notes and credibility signals; assemble the result
    run = {
        "started_at": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="seconds"),
        "duration_seconds": round(time.monotonic() - monotonic, 3),
        "host": platform.node(),
        **_engine(config, client),
        "inputs": list(config.inputs),
        "reference": config.reference,
        "skipped": found.skipped,
        "cached": audited.cached,
    }
    return assemble(corpus, findings, run)


def discover_captures(config: RunConfig, report: Reporter) -> Discovered:
    """Step 1: the capture files under the inputs, the files skipped (told on ``report``) and the ledger."""
    captures, skipped = discover(config.inputs)
    ledger_dir = Path(config.reference).resolve() if config.reference else None
    for path in skipped:
        if ledger_dir is not None and ledger_dir in Path(path).resolve().parents:
            continue  # the reference ledger may live beside the captures: it is input, not noise
        report(f"{path}: skipped, {_why_skipped(path)}")
    reference = None
    if config.reference:
        from audit.ingest.ledger import load_ledger

        reference = load_ledger(Path(config.reference))
    return Discovered(captures, skipped, reference)


def audit_captures(
    captures: Sequence[CaptureFile],
    config: RunConfig,
    report: Reporter,
    progress: Progress | None = None,
    client: Any = None,
) -> Audited:
    """Step 2: every capture through the per-capture stages in the worker pool (each worker asks the cache first),
    or on the Dask cluster of ``client``."""
    tick = progress(len(captures)) if progress else (lambda: None)
    if client is None:
        tasks = [Task(capture, config.options, config.cache) for capture in captures]
        outcomes = Pool(run_task, _jobs(config), config.options.timeout, warm_worker).map(
            tasks, on_timeout, on_error, tick
        )
    else:
        from audit.pipeline.dask_engine import DaskPool

        # workers have other working folders: they get absolute paths (reported paths stay as found)
        cache = str(Path(config.cache).absolute()) if config.cache else None
        tasks = [
            Task(replace(capture, file=capture.file.absolute()), config.options, cache)
            for capture in captures
        ]
        outcomes = DaskPool(run_task, client, config.options.timeout).map(tasks, on_timeout, on_error, tick)
    records = [record for outcome in outcomes for record in outcome.records]
    for note in dict.fromkeys(note for outcome in outcomes for note in outcome.notes):
        report(note)  # cache entries that could not be used, a cache folder that cannot be written
    _tell(records, report)
    return Audited(records, sum(outcome.cached for outcome in outcomes))


def corpus_rules(records: Sequence[SourceRecord], reference: Ledger | None) -> tuple[Corpus, Findings]:
    """Step 3: independence groups and stories over every source, then every flag rule over the corpus."""
    from audit.corpus.independence import assign_groups
    from audit.corpus.index import Corpus
    from audit.corpus.stories.assign import stories_and_links
    from audit.flags.registry import run_rules

    sources = tuple(record.source for record in records)
    claims = tuple(claim for record in records for claim in record.claims)
    storied, links = stories_and_links(assign_groups(sources), claims)
    corpus = Corpus(storied, claims, reference, links)
    return corpus, run_rules(corpus)


def assemble(corpus: Corpus, findings: Findings, run: dict[str, Any]) -> AuditResult:
    """Step 4: findings attached to their claims and sources, signals computed, the result built."""
    from audit.extract.signals import attach_signals

    flags: dict[str, list[Flag]] = defaultdict(list)
    for claim_id, flag in findings.flags:
        flags[claim_id].append(flag)
    support: dict[str, list[Evidence]] = defaultdict(list)
    for claim_id, evidence in findings.support:
        support[claim_id].append(evidence)
    notes: dict[str, list[SourceWarning]] = defaultdict(list)
    for source_id, note in findings.notes:
        notes[source_id].append(note)
    final_sources = tuple(_with_notes(source, notes.get(source.source_id, [])) for source in corpus.sources)
    final_claims = tuple(
        _with_findings(claim, flags.get(claim.claim_id, []), support.get(claim.claim_id, []))
        for claim in corpus.claims
    )
    final_sources = attach_signals(final_sources, final_claims)
    return AuditResult(SCHEMA_VERSION, ToolInfo("audit", __version__), run, final_sources, final_claims)


_DOCUMENTS = {
    ".pdf": "a PDF document: audit reads web pages; convert it to text (e.g. `pdftotext FILE FILE.txt`) to audit it",
    ".docx": "a word-processor document: save it as plain text (.txt) or as a web page (.html) to audit it",
    ".doc": "a word-processor document: save it as plain text (.txt) or as a web page (.html) to audit it",
    ".odt": "a word-processor document: save it as plain text (.txt) or as a web page (.html) to audit it",
    ".rtf": "a word-processor document: save it as plain text (.txt) or as a web page (.html) to audit it",
}


def _why_skipped(path: str) -> str:
    if path.endswith("/"):
        return "an audit's output folder (never read as input)"
    suffix = Path(path).suffix.lower()
    return _DOCUMENTS.get(
        suffix, "not a capture (audit reads .html, .htm, .txt, their .gz, .warc and .warc.gz)"
    )


def _warm_corpus_stage() -> threading.Thread:
    """Import the corpus stage's modules in a thread: the parent mostly waits on its workers meanwhile."""

    def warm() -> None:
        for module in _CORPUS_STAGE:
            importlib.import_module(module)

    thread = threading.Thread(target=warm, name="audit-warm-corpus", daemon=True)
    thread.start()
    return thread


def _jobs(config: RunConfig) -> int:
    return config.jobs or os.cpu_count() or 1


def _engine(config: RunConfig, client: Any) -> dict[str, Any]:
    """What ran the per-capture stage, for the ``run`` object: local worker processes, or a Dask cluster."""
    if client is None:
        return {"jobs": _jobs(config)}
    from audit.pipeline.dask_engine import cluster_threads

    return {"jobs": cluster_threads(client), "engine": "dask", "scheduler": str(client.scheduler.address)}


def _tell(records: Sequence[SourceRecord], report: Reporter) -> None:
    """Each capture that could not be audited, and each input file the user must fix, said once on ``report``."""
    told: set[str] = set()
    for record in records:
        if record.source.status != "ok":
            report(record.source.status_message or f"{record.source.path}: {record.source.status}")
        for warning in record.source.warnings:
            if warning.code in _USER_FIXES and warning.message not in told:
                told.add(warning.message)
                report(warning.message)


def _with_findings(claim: Claim, flags: Sequence[Flag], support: Sequence[Evidence]) -> Claim:
    if not flags and not support:
        return claim
    ordered = sorted(flags, key=lambda f: (f.kind, f.rule, f.message))
    return replace(claim, flags=tuple(ordered), support=tuple(support))


def _with_notes(source: Source, notes: Sequence[SourceWarning]) -> Source:
    if not notes:
        return source
    known = set(source.warnings)
    return replace(source, warnings=source.warnings + tuple(n for n in notes if n not in known))
