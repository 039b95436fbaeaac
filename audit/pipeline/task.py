"""One capture's task in a worker (the local pool's or a Dask worker's), and the status rows of one that failed.

This module and what it imports are all a worker loads: the per-capture stages and the cache, never the corpus
stage, the rules or the renderers (a worker that imported them would pay for scipy, polars and wordfreq).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.ingest.discover import CaptureFile, media_type_for
from audit.pipeline.cache import Outcome, ResultCache, audit_cached
from audit.pipeline.capture import failed_source
from audit.pipeline.config import Options


@dataclass(frozen=True, slots=True)
class Task:
    capture: CaptureFile
    options: Options
    cache: str | None


def run_task(task: Task) -> Outcome:
    """In a worker: one capture, read, cached and audited there, under its time limit."""
    return audit_cached(task.capture, task.options, ResultCache(Path(task.cache)) if task.cache else None)


def warm_worker() -> None:
    """Load the parsing model once per worker, before its first capture's deadline starts."""
    from audit.nlp.load import pipeline

    pipeline()


def on_timeout(task: Task) -> Outcome:
    """The status row of a capture stopped at its time limit."""
    return Outcome(
        [
            failed_source(
                task.capture,
                "",
                media_type_for(task.capture.file.name),
                "timeout",
                f"{task.capture.display_path}: took longer than {task.options.timeout:g} s and was "
                "stopped; raise --timeout if the capture is legitimately huge",
            )
        ]
    )


def on_error(task: Task, trace: str) -> Outcome:
    """The status row of a capture whose stage raised or whose worker died (``trace``: what happened)."""
    last = trace.strip().splitlines()[-1] if trace.strip() else "unknown error"
    return Outcome(
        [
            failed_source(
                task.capture,
                "",
                media_type_for(task.capture.file.name),
                "error",
                f"{task.capture.display_path}: internal error ({last}); please report it with this capture",
            )
        ]
    )
