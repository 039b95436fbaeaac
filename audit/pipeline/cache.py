"""A cache of per-capture results, keyed by content hash (``audit run --cache DIR``).

Per-capture stages are pure functions of the capture's bytes, its sidecar, the path it is reported under, the
options and the code. The key hashes all five, the code as the bytes of every module and data file of the
package, so editing any rule or lexicon invalidates the cache by itself. Entries are pickles written atomically;
a corrupt or unreadable entry is a miss, never an error. Only a folder you own should be used as a cache.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import lru_cache
from pathlib import Path

from audit.ingest.discover import CaptureFile
from audit.ingest.sidecar import sidecar_candidates
from audit.pipeline.capture import SourceRecord
from audit.pipeline.config import Options
from audit.report.write import atomic_path

PACKAGE = Path(__file__).resolve().parents[1]


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    digest = hashlib.sha256()
    for path in sorted(PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in {".py", ".json", ".j2"}:
            digest.update(path.relative_to(PACKAGE).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def cache_key(capture: CaptureFile, options: Options) -> str | None:
    """The key of a capture's results, or None when the file cannot be read (let the stages report it)."""
    digest = hashlib.sha256(code_fingerprint().encode())
    digest.update(repr(options).encode())
    digest.update(capture.display_path.encode())
    try:
        digest.update(hashlib.sha256(capture.file.read_bytes()).digest())
        for sidecar in sidecar_candidates(capture.file):
            if sidecar.is_file():
                digest.update(sidecar.name.encode())
                digest.update(sidecar.read_bytes())
    except OSError:
        return None
    return digest.hexdigest()


class ResultCache:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> list[SourceRecord] | None:
        try:
            with self._path(key).open("rb") as handle:
                records = pickle.load(handle)
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            return None
        return records if isinstance(records, list) else None

    def put(self, key: str, records: list[SourceRecord]) -> None:
        if any(record.source.status in {"timeout", "error"} for record in records):
            return  # a time-out or crash may not recur: never cache it
        with atomic_path(self._path(key)) as temporary:
            temporary.write_bytes(pickle.dumps(records, protocol=pickle.HIGHEST_PROTOCOL))
