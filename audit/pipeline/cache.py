"""A cache of per-capture results, keyed by content hash (``audit run --cache DIR``).

Per-capture stages are pure functions of the capture's bytes, its sidecar, the path it is reported under, the
options and the code. The key hashes all five, the code as the package version and the bytes of every module and
data file of the package, so editing any rule or lexicon invalidates the cache by itself.

An entry is data, never code: one header line (format, key and the SHA-256 of the body) and the records as JSON,
decoded back field by field (``audit.model.from_jsonable``). An entry that is corrupt, truncated, written for
another key or by another format is a miss: it is recomputed and the caller is told. Each capture's entry is
written by the worker as soon as the capture is done, so a run that is killed resumes where it stopped. A cache
folder that cannot be written costs the speed-up, never the audit.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from audit import __version__
from audit.contract.jsonable import RecordError, from_jsonable, to_jsonable
from audit.ingest.discover import CaptureFile, RawCapture, read_capture
from audit.ingest.safe_read import read_regular
from audit.ingest.sidecar import SIDECAR_MAX_BYTES, sidecar_candidates
from audit.pipeline.capture import SourceRecord, process_raw
from audit.pipeline.config import Options
from audit.report.write import atomic_path

PACKAGE = Path(__file__).resolve().parents[1]
FORMAT = "audit-cache/2"  # the entry layout; part of the key and of each entry's header


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    digest = hashlib.sha256(f"{FORMAT} {__version__}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".j2"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(raw: RawCapture, capture: CaptureFile, options: Options) -> str:
    """The key of a capture's results: the code, the options, the path, the capture's hash and its sidecars."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr(options).encode())
    digest.update(capture.display_path.encode())
    digest.update(raw.status.encode())
    digest.update(raw.sha256.encode())
    for sidecar in sidecar_candidates(capture.file):
        read = read_regular(sidecar, SIDECAR_MAX_BYTES)
        if read.missing:
            continue
        digest.update(sidecar.name.encode())
        digest.update(read.data if read.problem is None else read.problem.encode())
    return digest.hexdigest()


@dataclass(frozen=True, slots=True)
class Outcome:
    """One capture's records, whether they came from the cache, and what the user should hear about the cache."""

    records: list[SourceRecord]
    cached: bool = False
    notes: tuple[str, ...] = ()


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> tuple[list[SourceRecord] | None, str | None]:
        """The records stored for ``key`` (None: a miss) and, for an entry that cannot be used, why."""
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None, None
        except OSError as error:
            return None, f"{path}: cache entry unreadable ({error.strerror}); recomputed"
        try:
            return _decode(data, key), None
        except (ValueError, RecursionError) as error:  # RecordError and JSONDecodeError are ValueErrors
            return None, f"{path}: cache entry ignored ({_short(str(error))}); recomputed"

    def put(self, key: str, records: list[SourceRecord]) -> None:
        """Store ``records``; raises ``OSError`` when the folder cannot be written."""
        if any(record.source.status in {"timeout", "error"} for record in records):
            return  # a time-out or crash may not recur: never cache it
        body = json.dumps(
            [to_jsonable(record) for record in records], ensure_ascii=False, separators=(",", ":")
        ).encode("utf-8")
        header = json.dumps({"format": FORMAT, "key": key, "sha256": hashlib.sha256(body).hexdigest()})
        with atomic_path(self._path(key)) as temporary:
            temporary.write_bytes(header.encode("ascii") + b"\n" + body)


def _decode(data: bytes, key: str) -> list[SourceRecord]:
    head, newline, body = data.partition(b"\n")
    if not newline:
        raise ValueError("no header line")
    header = json.loads(head)
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise ValueError("written by another version of audit")
    if header.get("key") != key:
        raise ValueError("written for another capture")
    if header.get("sha256") != hashlib.sha256(body).hexdigest():
        raise ValueError("its content does not match its hash: corrupt or edited")
    items = json.loads(body)
    if not isinstance(items, list):
        raise RecordError("$: expected a list of records")
    return [from_jsonable(SourceRecord, item, f"$[{i}]") for i, item in enumerate(items)]


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def audit_cached(capture: CaptureFile, options: Options, cache: ResultCache | None) -> Outcome:
    """One capture through the per-capture stages, answered from ``cache`` when it holds a good entry.

    Runs in a worker: every read of the capture and of its sidecar happens here, under the time limit.
    """
    raw = read_capture(capture, options.max_bytes)
    if cache is None:
        return Outcome(process_raw(raw, capture, options))
    key = cache_key(raw, capture, options)
    records, problem = cache.get(key)
    if records is not None:
        return Outcome(records, cached=True)
    records = process_raw(raw, capture, options)
    notes: tuple[str, ...] = (problem,) if problem else ()
    try:
        cache.put(key, records)
    except OSError as error:
        notes += (
            f"{cache.folder}: cannot write the cache ({error.strerror or error}); the audit goes on without it",
        )
    return Outcome(records, notes=notes)
