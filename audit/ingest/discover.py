"""Ingest: find capture files, read their bytes safely, and decide whether they hold text at all.

Nothing here parses HTML or guesses metadata. A file that cannot be audited is not an exception: it becomes a
``RawCapture`` with a ``status`` other than "ok" and a message that names the file and the fix, so one broken
capture never sinks a run.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.ingest.decode import utf16_without_bom
from audit.ingest.safe_read import TooLarge, gunzip, read_regular
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
OUTPUT_MARKER = ".audit-output"  # written into every --out folder, so a later run never reads it as input


class InputError(Exception):
    """An input path the user gave does not exist or holds no capture: a usage error (exit code 2)."""


@dataclass(frozen=True, slots=True)
class CaptureFile:
    """A capture on disk and the path to report for it (as found under the input the user named)."""

    file: Path
    display_path: str
    # why the file must not be read (a link out of the input folders), said after its path
    refusal: str | None = None


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
    (other suffixes, sidecars, hidden files); an audit's own output folder found inside an input is passed over
    too, shown with a trailing ``/``. An input named twice is read once. A symbolic link is followed only when
    it points inside one of the input folders; any other comes back with a ``refusal`` (see ``CaptureFile``).
    Raises ``InputError`` for a path that does not exist.
    """
    found: dict[str, CaptureFile] = {}
    skipped: set[str] = set()
    roots = _roots(inputs)
    for given in dict.fromkeys(Path(item) for item in inputs):
        if not given.exists() and not given.is_symlink():
            raise InputError(
                f"{given}: no such file or folder; check the path (captures are files or folders)"
            )
        if not given.is_dir():  # a file, a link to one, or a special file the reader will refuse
            display = _display(given)
            found.setdefault(display, _capture(given, display, roots))
            continue
        for dirpath, dirnames, filenames in os.walk(given):
            folder = Path(dirpath)
            if is_output_folder(folder):
                skipped.add(_display(folder) + "/")
                dirnames.clear()
                continue
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            for name in sorted(filenames):
                path = folder / name
                display = _display(path)
                if name.startswith(".") or name.lower().endswith(SIDECAR_SUFFIX):
                    continue
                if is_capture_name(name):
                    found.setdefault(display, _capture(path, display, roots))
                else:
                    skipped.add(display)
    return [found[key] for key in sorted(found)], sorted(skipped)


def is_output_folder(folder: Path) -> bool:
    """Whether ``folder`` holds an audit's outputs (its marker, or an ``audit.json`` beside a ``report.html``)."""
    return (folder / OUTPUT_MARKER).exists() or (
        (folder / "audit.json").is_file() and (folder / "report.html").is_file()
    )


def _roots(inputs: Sequence[str | Path]) -> list[Path]:
    """The folders a symbolic link may point into: each input folder, and the folder of each input file."""
    roots = []
    for item in inputs:
        path = Path(item)
        roots.append(path.resolve() if path.is_dir() else path.absolute().parent.resolve())
    return roots


def _capture(path: Path, display: str, roots: Sequence[Path]) -> CaptureFile:
    if not path.is_symlink():
        return CaptureFile(path, display)
    target = path.resolve()
    if any(target == root or root in target.parents for root in roots):
        return CaptureFile(path, display)
    return CaptureFile(
        path,
        display,
        f"is a symbolic link to {target}, outside the input folders: not followed; copy the file into an "
        "input folder (or name it) to audit it",
    )


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
    """Read and decompress one capture, enforcing the byte cap while reading and while decompressing.

    Only regular files are read (a FIFO or a device named ``.txt`` is refused), never more than ``max_bytes``
    of them and never more than ``max_bytes`` once decompressed. ``.warc.gz`` bytes stay compressed here: the
    WARC reader decompresses them under the same cap.
    """
    display = capture.display_path
    media_type = media_type_for(capture.file.name)

    def failed(status: Status, message: str, digest: str = "") -> RawCapture:
        return RawCapture(display, digest, b"", status, f"{display}: {message}", media_type)

    if capture.refusal:
        return failed("unreadable", capture.refusal)
    read = read_regular(capture.file, max_bytes)
    if read.problem is not None:
        fix = "; check its permissions" if "cannot be read" in read.problem else ""
        return failed("unreadable", read.problem + fix)
    if read.over:
        return failed(
            "too_large",
            f"{read.size:,} bytes is over the {max_bytes:,}-byte cap; "
            "raise it with --max-bytes if this capture really is an article",
            read.sha256,
        )
    data = read.data
    if capture.file.name.lower().endswith(".gz") and media_type != "application/warc":
        try:
            unpacked = gunzip(data, max_bytes)
        except TooLarge:
            return failed(
                "too_large",
                f"decompresses to more than {max_bytes:,} bytes; raise --max-bytes if this is really one article",
                read.sha256,
            )
        if unpacked.problem is not None:
            return failed(
                "unreadable",
                f"is not a valid gzip file ({unpacked.problem}); re-save it or drop the .gz suffix",
                read.sha256,
            )
        data = unpacked.data
    status, message = classify_bytes(data, media_type)
    if status != "ok":
        return RawCapture(display, read.sha256, b"", status, f"{display}: {message}", media_type)
    return RawCapture(display, read.sha256, data, "ok", None, media_type)


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
        kind = next((name for magic, name in _KNOWN_BINARY if data.startswith(magic)), None)
        if kind is not None:
            return "not_text", kind
        return (
            "not_text",
            "the file is binary, not text or HTML; remove it from the input or save the page as HTML",
        )
    return "ok", ""


_KNOWN_BINARY = (
    (
        b"%PDF",
        "the file is binary (a PDF document); convert it to text (e.g. `pdftotext`) and save it as .txt",
    ),
    (
        b"PK\x03\x04",
        "the file is binary (a ZIP archive: a .docx, .odt or .epub document?); save the document as plain text "
        "(.txt) or as a web page (.html)",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "the file is binary (an old Office document, .doc); save it as plain text (.txt) or as a web page (.html)",
    ),
    (b"\x89PNG", "the file is binary (an image), not text or HTML; save the page itself as HTML"),
    (b"\xff\xd8\xff", "the file is binary (an image), not text or HTML; save the page itself as HTML"),
    (b"GIF8", "the file is binary (an image), not text or HTML; save the page itself as HTML"),
)


_MAGIC = (
    b"%PDF",
    b"\x89PNG",
    b"\xff\xd8\xff",
    b"GIF8",
    b"PK\x03\x04",
    b"\xd0\xcf\x11\xe0",
    b"\x1f\x8b",
    b"\x7fELF",
    b"BZh",
)


def _looks_binary(data: bytes) -> bool:
    if data.startswith(_MAGIC):
        return True
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf")) or utf16_without_bom(head) is not None:
        return False
    controls = sum(1 for byte in head if byte < 9 or 13 < byte < 32)
    return controls / max(len(head), 1) > 0.05
