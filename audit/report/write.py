"""Write an audit to a folder: JSON, three parquet tables (``audit.report.tables``) and two reports, as a set.

The files are written to a staging folder inside ``--out`` and flushed to disk; the staging folder is then renamed
to ``.audit-pending`` (the commit point: from then on the new set is complete on disk) and its files are moved over
the old ones. A run killed before the commit point leaves the previous outputs untouched; one killed during the
moves leaves ``.audit-pending``, which the next run into the folder finishes moving before anything else. A full
disk or a folder that cannot be written raises ``OutputError`` (one line naming the folder and the fix) and
changes nothing.

A lock file (``.audit.lock``) keeps two runs from writing one folder at once: the second is refused at once,
before it does any work. A marker file (``.audit-output``) tells a later run that the folder is an audit's
output, so it is never read back as input.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from filelock import FileLock, Timeout

from audit.ingest.discover import OUTPUT_MARKER
from audit.model import AuditResult

# The renderers' files, then the tables' (``audit.report.renderers.RENDERERS``, ``audit.report.tables.FRAMES``),
# named here so that a worker importing ``atomic_path`` does not import the renderers, the rules and polars.
OUTPUT_FILES = (
    "audit.json",
    "report.md",
    "report.html",
    "sources.parquet",
    "claims.parquet",
    "flags.parquet",
)
LOCK_FILE = ".audit.lock"
PENDING = ".audit-pending"
_STAGING_PREFIX = ".audit-staging-"
_HELD: set[Path] = set()  # output folders this process holds the lock of (the lock is re-entrant)


class OutputError(Exception):
    """The outputs cannot be written (another run holds the folder, no space, no permission): one line to show."""


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """A temporary path beside ``target``; renamed over it only when the block finishes without error."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(handle)
    temporary = Path(name)
    try:
        yield temporary
        _fsync(temporary)
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


@contextlib.contextmanager
def output_lock(out: Path) -> Iterator[None]:
    """Hold ``out`` for this process for the block: create it, mark it as an output folder, take its lock and
    finish any set of outputs a killed run left half moved. Raises ``OutputError`` when another run holds the
    lock or the folder cannot be written, before any work is done."""
    key = out.resolve()
    if key in _HELD:
        yield
        return
    lock = FileLock(out / LOCK_FILE, timeout=0)
    try:
        out.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except Timeout as error:
        raise OutputError(
            f"{out}: another audit run is writing to this folder (lock {out / LOCK_FILE}); wait for it to "
            "finish or choose another --out"
        ) from error
    except OSError as error:
        raise OutputError(_cannot(out, error)) from error
    _HELD.add(key)
    try:
        try:
            marker = out / OUTPUT_MARKER
            if not marker.exists():
                marker.write_text("audit outputs: `audit run` never reads this folder as input\n", "utf-8")
            _recover(out)
        except OSError as error:
            raise OutputError(_cannot(out, error)) from error
        yield
    finally:
        _HELD.discard(key)
        lock.release()


def _cannot(out: Path, error: OSError) -> str:
    where = f" ({error.filename})" if error.filename and str(error.filename) != str(out) else ""
    return (
        f"{out}: cannot write the outputs: {error.strerror or error}{where}; the previous outputs are "
        "unchanged: free some space, fix the folder's permissions or choose another --out"
    )


def write_outputs(result: AuditResult, out: Path) -> list[Path]:
    """Render everything first, then write the set (see the module's docstring); returns the paths written."""
    from audit.report.renderers import RENDERERS
    from audit.report.tables import FRAMES

    rendered = {name: render(result) for name, render in RENDERERS.items()}
    frames = {name: build(result) for name, build in FRAMES.items()}
    with output_lock(out):
        staging = Path(tempfile.mkdtemp(prefix=_STAGING_PREFIX, dir=out))
        try:
            for name, text in rendered.items():
                (staging / name).write_text(text, encoding="utf-8")
            for name, frame in frames.items():
                frame.write_parquet(staging / name, compression="zstd")
            for path in staging.iterdir():
                _fsync(path)
                os.chmod(path, 0o666 & ~_umask())
            _fsync(staging)
            os.replace(staging, out / PENDING)  # the commit point: the whole new set is on disk
        except OSError as error:
            shutil.rmtree(staging, ignore_errors=True)
            raise OutputError(_cannot(out, error)) from error
        try:
            _recover(out)
        except OSError as error:
            raise OutputError(
                f"{out}: the new outputs are complete in {out / PENDING} but could not be moved in "
                f"({error.strerror or error}); run again to finish"
            ) from error
    return [out / name for name in (*rendered, *frames)]


def _recover(out: Path) -> None:
    """Move a committed set of outputs (``.audit-pending``) into place; drop abandoned staging folders."""
    pending = out / PENDING
    if pending.is_dir():
        for path in sorted(pending.iterdir()):
            os.replace(path, out / path.name)
        pending.rmdir()
        _fsync(out)
    for stale in out.glob(_STAGING_PREFIX + "*"):
        shutil.rmtree(stale, ignore_errors=True)


def _fsync(path: Path) -> None:
    """Flush a file, or a folder's entries, to disk (folders cannot be opened so on every system: skipped)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
