"""Ingest: find capture files, read their bytes safely, and decide whether they hold text at all.

Nothing here parses HTML or guesses metadata. A file that cannot be audited is not an exception: it becomes a
``RawCapture`` with a ``status`` other than "ok" and a message that names the file and the fix, so one broken
capture never sinks a run.
"""

from __future__ import annotations

import hashlib
import os
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.ingest.decode import utf16_without_bom
from audit.model import Status
from audit.pipeline.config import DEFAULT_MAX_BYTES

TEXT_SUFFIXES = (".html", ".htm", ".txt")
WARC_SUFFIXES = (".warc", ".warc.gz")
CAPTURE_SUFFIXES = (
    *TEXT_SUFFIXES,
    *(suffix + ".gz" for suffix in TEXT_SUFFIXES),
    *WARC_SUFFIXES,
)
SIDECAR_SUFFIX = ".meta.json"


class InputError(Exception):
    """An input path the user gave does not exist or holds no capture: a usage error (exit code 2)."""


@dataclass(frozen=True, slots=True)
class CaptureFile:
    """A capture on disk and the path to report for it (as found under the input the user named)."""

    file: Path
    display_path: str


@dataclass(frozen=True, slots=True)
class RawCapture:
    """The bytes of one capture (decompressed), or why there are none."""

    display_path: str
    sha256: str
    data: bytes
    status: Status
    message: str | None
    media_type: str


def is_capture_name(name: str) -> bool:
    lower = name.lower()
    return lower.endswith(CAPTURE_SUFFIXES) and not lower.endswith(SIDECAR_SUFFIX)


def discover(inputs: Sequence[str | Path]) -> tuple[list[CaptureFile], list[str]]:
    """Every capture under ``inputs`` (files, or folders walked recursively), sorted by display path.

    Returns the captures and the display paths of files that were passed over because they are not captures
    (other suffixes, sidecars, hidden files). Raises ``InputError`` for a path that does not exist.
    """
    found: dict[str, CaptureFile] = {}
    skipped: list[str] = []
    for given in inputs:
        root = Path(given)
        if not root.exists():
            raise InputError(
                f"{given}: no such file or folder; check the path (captures are files or folders)"
            )
        if root.is_file():
            display = _display(Path(given))
            found.setdefault(display, CaptureFile(root, display))
            continue
        for dirpath, dirnames, filenames in os.walk(root):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = Path(dirpath) / name
                display = _display(path)
                if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIX):
                    continue
                if is_capture_name(name):
                    found.setdefault(display, CaptureFile(path, display))
                else:
                    skipped.append(display)
    return [found[key] for key in sorted(found)], sorted(skipped)


def _display(path: Path) -> str:
    return Path(os.path.normpath(path)).as_posix()


def media_type_for(name: str) -> str:
    lower = name.lower().removesuffix(".gz")
    if lower.endswith(".warc"):
        return "application/warc"
    if lower.endswith((".html", ".htm")):
        return "text/html"
    return "text/plain"


def read_capture(capture: CaptureFile, max_bytes: int = DEFAULT_MAX_BYTES) -> RawCapture:
    """Read and decompress one capture, enforcing the byte cap before any parsing."""
    display = capture.display_path
    media_type = media_type_for(capture.file.name)

    def failed(status: Status, message: str, data: bytes = b"", digest: str = "") -> RawCapture:
        digest = digest or hashlib.sha256(data).hexdigest()
        return RawCapture(display, digest, b"", status, f"{display}: {message}", media_type)

    try:
        size = capture.file.stat().st_size
        if size > max_bytes:
            return failed(
                "too_large",
                f"{size:,} bytes is over the {max_bytes:,}-byte cap; "
                "raise it with --max-bytes if this capture really is an article",
                digest=_sha256_file(capture.file),
            )
        raw = capture.file.read_bytes()
    except OSError as error:
        return failed("unreadable", f"cannot read the file ({error.strerror}); check its permissions")
    digest = hashlib.sha256(raw).hexdigest()
    data = raw
    if capture.file.name.lower().endswith(".gz") and media_type != "application/warc":
        try:
            data = _gunzip_capped(raw, max_bytes)
        except _TooLarge:
            return failed(
                "too_large",
                f"decompresses to more than {max_bytes:,} bytes; raise --max-bytes if this is really one article",
                digest=digest,
            )
        except (OSError, EOFError, zlib.error) as error:
            return failed(
                "unreadable",
                f"is not a valid gzip file ({error}); re-save it or drop the .gz suffix",
                digest=digest,
            )
    status, message = classify_bytes(data, media_type)
    if status != "ok":
        return RawCapture(display, digest, b"", status, f"{display}: {message}", media_type)
    return RawCapture(display, digest, data, "ok", None, media_type)


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class _TooLarge(Exception):
    pass


def _gunzip_capped(raw: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing to inflate past ``max_bytes`` (a gzip bomb must not fill memory)."""
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = decompressor.decompress(raw, max_bytes + 1)
    if len(out) > max_bytes or decompressor.unconsumed_tail:
        raise _TooLarge
    if not decompressor.eof:
        raise EOFError("truncated gzip stream")
    return out


_COMMENT = re.compile(rb"<!--.*?-->", re.DOTALL)


def classify_bytes(data: bytes, media_type: str) -> tuple[Status, str]:
    """Whether ``data`` is worth decoding: ("ok", "") or a status and the reason with the fix."""
    if not data:
        return "empty", "the file is empty; re-capture the page"
    if media_type == "application/warc":
        return "ok", ""
    stripped = data.replace(b"\x00", b"").strip()
    if not stripped:
        return "empty", "the file holds only whitespace or NUL bytes; re-capture the page"
    if media_type == "text/html" and not _COMMENT.sub(b"", stripped).strip():
        return "empty", "the file holds only HTML comments; re-capture the page"
    if _looks_binary(data):
        return (
            "not_text",
            "the file is binary, not text or HTML; remove it from the input or save the page as HTML",
        )
    return "ok", ""


_MAGIC = (b"%PDF", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"PK\x03\x04", b"\x1f\x8b", b"\x7fELF", b"BZh")


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or utf16_without_bom(head) is not None:
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls / max(len(head), 1) > 0.05
