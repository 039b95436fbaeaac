"""The whole audit in one place, as numbered steps.

1. discover the captures under the inputs (sorted, so output order never depends on the file system);
2. per capture, in a process pool with a wall-clock limit: ingest → decode → clean → metadata → claims
   (``audit.pipeline.capture``), cached by content hash;
3. corpus stages on polars tables: independence groups, then the flag rules (``audit.flags``);
4. attach flags to claims and credibility signals to sources (``audit.extract.signals``), and assemble the
   ``AuditResult`` (the only non-deterministic part is ``run``).
Renderers and writers (``audit.report.write``) read the result and nothing else.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from audit import __version__
from audit.corpus.independence import assign_groups
from audit.corpus.index import Corpus
from audit.extract.signals import attach_signals
from audit.flags.registry import run_rules
from audit.ingest.discover import CaptureFile, discover, media_type_for
from audit.model import SCHEMA_VERSION, AuditResult, Claim, Evidence, Flag, Source, SourceWarning, ToolInfo
from audit.pipeline.cache import ResultCache, cache_key
from audit.pipeline.capture import Options, SourceRecord, failed_source, process_capture
from audit.pipeline.workers import Pool


@dataclass(frozen=True, slots=True)
class RunConfig:
    inputs: tuple[str, ...]
    jobs: int = 0  # 0: all cores
    reference: str | None = None
    options: Options = field(default_factory=Options)
    cache: str | None = None  # folder of cached per-capture results (``audit.pipeline.cache``)


Reporter = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class _Task:
    capture: CaptureFile
    options: Options


def _run_task(task: _Task) -> list[SourceRecord]:
    return process_capture(task.capture, task.options)


# Warnings about an input file the user can fix, told on stderr as well as kept in the source
_USER_FIXES = frozenset({"sidecar_invalid", "warc_damaged"})


def run_audit(
    config: RunConfig,
    *,
    report: Reporter = lambda message: None,
    progress: Callable[[int], Callable[[], None]] | None = None,
) -> AuditResult:
    started = time.time()
    monotonic = time.monotonic()
    # 1. discover
    captures, skipped = discover(config.inputs)
    ledger_dir = Path(config.reference).resolve() if config.reference else None
    for path in skipped:
        if ledger_dir is not None and ledger_dir in Path(path).resolve().parents:
            continue  # the reference ledger may live beside the captures: it is input, not noise
        report(
            f"{path}: skipped, not a capture (audit reads .html, .htm, .txt, their .gz, .warc and .warc.gz)"
        )
    reference = None
    if config.reference:
        from audit.ingest.ledger import load_ledger

        reference = load_ledger(Path(config.reference))
    # 2. per-capture stages in parallel
    jobs = config.jobs or os.cpu_count() or 1
    tasks = [_Task(capture, config.options) for capture in captures]
    tick = progress(len(tasks)) if progress else (lambda: None)

    def on_timeout(task: _Task) -> list[SourceRecord]:
        return [
            failed_source(
                task.capture,
                "",
                media_type_for(task.capture.file.name),
                "timeout",
                f"{task.capture.display_path}: took longer than {task.options.timeout:g} s and was "
                "stopped; raise --timeout if the capture is legitimately huge",
            )
        ]

    def on_error(task: _Task, trace: str) -> list[SourceRecord]:
        last = trace.strip().splitlines()[-1] if trace.strip() else "unknown error"
        return [
            failed_source(
                task.capture,
                "",
                media_type_for(task.capture.file.name),
                "error",
                f"{task.capture.display_path}: internal error ({last}); please report it with this capture",
            )
        ]

    cache = ResultCache(Path(config.cache)) if config.cache else None
    keys = [cache_key(task.capture, task.options) if cache else None for task in tasks]
    cached = [cache.get(key) if cache and key else None for key in keys]
    misses = [index for index, hit in enumerate(cached) if hit is None]
    for _ in range(len(tasks) - len(misses)):
        tick()
    fresh = Pool(_run_task, jobs, config.options.timeout).map(
        [tasks[i] for i in misses], on_timeout, on_error, tick
    )
    for index, batch in zip(misses, fresh, strict=True):
        cached[index] = batch
        key = keys[index]
        if cache and key:
            cache.put(key, batch)
    records = [record for batch in cached if batch is not None for record in batch]
    told: set[str] = set()
    for record in records:
        if record.source.status != "ok":
            report(record.source.status_message or f"{record.source.path}: {record.source.status}")
        for warning in record.source.warnings:  # a file the user must fix (sidecar, archive): say so once
            if warning.code in _USER_FIXES and warning.message not in told:
                told.add(warning.message)
                report(warning.message)
    sources = tuple(record.source for record in records)
    claims = tuple(claim for record in records for claim in record.claims)
    # 3. corpus stages: independence groups, then the flag rules
    corpus = Corpus(assign_groups(sources), claims, reference)
    findings = run_rules(corpus)
    # 4. attach flags, support, source notes and credibility signals; assemble the result
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
    run = {
        "started_at": dt.datetime.fromtimestamp(started, dt.UTC).isoformat(timespec="seconds"),
        "duration_seconds": round(time.monotonic() - monotonic, 3),
        "host": platform.node(),
        "jobs": jobs,
        "inputs": list(config.inputs),
        "reference": config.reference,
        "skipped": skipped,
        "cached": len(tasks) - len(misses),
    }
    return AuditResult(SCHEMA_VERSION, ToolInfo("audit", __version__), run, final_sources, final_claims)


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
