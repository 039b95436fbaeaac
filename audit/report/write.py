"""Write an audit to a folder: JSON, three parquet tables (``audit.report.tables``) and two reports, every file
atomically.

Each file is written to a temporary file in the same folder, flushed to disk and then renamed over the old one,
so an interrupted run leaves either the previous good file or the new one, never half of either.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

import polars as pl

from audit.model import AuditResult
from audit.report.renderers import RENDERERS
from audit.report.tables import FRAMES

OUTPUT_FILES = (*RENDERERS, *FRAMES)


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed over it only when the block finishes without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        with temporary.open("rb") as written:
            os.fsync(written.fileno())
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp makes 0600; a report is as readable as any new file
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(target: Path, text: str) -> None:
    with atomic_path(target) as temporary:
        temporary.write_text(text, encoding="utf-8")


def write_parquet(target: Path, frame: pl.DataFrame) -> None:
    with atomic_path(target) as temporary:
        frame.write_parquet(temporary, compression="zstd")


def write_outputs(result: AuditResult, out: Path) -> list[Path]:
    """Render everything first, then write each file atomically; returns the paths written."""
    rendered = {name: render(result) for name, render in RENDERERS.items()}
    frames = {name: build(result) for name, build in FRAMES.items()}
    written = []
    for name, text in rendered.items():
        write_text(out / name, text)
        written.append(out / name)
    for name, frame in frames.items():
        write_parquet(out / name, frame)
        written.append(out / name)
    return written
