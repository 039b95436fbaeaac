"""``audit diff OLD NEW`` on two capture files: each read through the per-capture stages, then compared.

A capture that holds several articles is compared part by part, in order. Whether the two would be grouped as one
origin (``audit.corpus.independence``) is said beside the diff: an edited copy still is, and its edit is reported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from audit.corpus.independence import assign_groups
from audit.diff.compare import SourceDiff, diff_sources
from audit.ingest.discover import CaptureFile, InputError
from audit.pipeline.capture import SourceRecord, process_capture
from audit.pipeline.config import Options


@dataclass(frozen=True, slots=True)
class CaptureDiff:
    """One article's diff and whether its two captures would be grouped as one origin (None: not tested)."""

    diff: SourceDiff
    same_origin: bool | None


def same_origin(old: SourceRecord, new: SourceRecord) -> bool:
    if old.source.sha256 == new.source.sha256 and old.source.part == new.source.part:
        return True
    grouped = assign_groups((old.source, new.source))
    return grouped[0].independence_group == grouped[1].independence_group


def _read(path: Path, options: Options) -> list[SourceRecord]:
    if not path.is_file():
        raise InputError(f"{path}: no such capture file")
    records = process_capture(CaptureFile(path, str(path)), options)
    bad = [r.source for r in records if r.source.status != "ok"]
    if bad or not records:
        message = bad[0].status_message if bad else None
        raise InputError(message or f"{path}: could not be audited")
    return records


def diff_records(old: list[SourceRecord], new: list[SourceRecord]) -> list[CaptureDiff]:
    """The articles of two captures compared in order (an article either capture lacks is not compared)."""
    return [
        CaptureDiff(diff_sources(a.source, b.source, a.claims, b.claims), same_origin(a, b))
        for a, b in zip(old, new, strict=False)
    ]


def diff_files(old: Path, new: Path, options: Options | None = None) -> list[CaptureDiff]:
    """Two capture files compared, article by article. Raises ``InputError`` for a missing or unreadable file."""
    chosen = options or Options()
    return diff_records(_read(old, chosen), _read(new, chosen))
