"""Reading a file the way a hostile input folder demands: regular files only, never more than a cap.

A capture named ``.txt`` may be a FIFO (opening it would wait forever for a writer), a device (``/dev/zero``
never ends), or a file whose size reads 0 although it holds data (``/proc/self/environ``): its size on disk
cannot be trusted, so the cap is applied while reading. The file is opened without blocking and checked with
``fstat`` on the open descriptor, so what is read is what was checked.

Compressed bytes get the same cap after decompression: ``gunzip`` reads every member of a gzip stream (``cat a.gz
b.gz`` is one valid file) and stops as soon as the output would pass the cap, so a small bomb never fills memory.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

_BLOCK = 1 << 20
_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOCTTY", 0)
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


@dataclass(frozen=True, slots=True)
class Read:
    """What reading one file gave: its bytes (at most the cap), or why there are none.

    ``over``: the file holds more than the cap (``data`` is then empty; ``size`` and ``sha256`` still describe
    the whole file). ``problem``: why the file could not be read (not a regular file, no permission), phrased
    to follow the file's name.
    """

    data: bytes = b""
    sha256: str = ""
    size: int = 0
    over: bool = False
    missing: bool = False
    problem: str | None = None


def read_regular(path: Path, limit: int) -> Read:
    """The bytes of the regular file ``path``, read up to ``limit`` bytes and never beyond."""
    try:
        fd = os.open(path, _FLAGS)
    except FileNotFoundError:
        return Read(missing=True, problem="no such file")
    except OSError as error:
        return Read(problem=f"cannot be read ({error.strerror or error})")
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = next((name for test, name in _KINDS if test(mode)), "not a regular file")
            return Read(problem=f"is {kind}, not a regular file; audit reads regular files only")
        digest, chunks, size = hashlib.sha256(), [], 0
        while block := os.read(fd, _BLOCK):
            digest.update(block)
            size += len(block)
            if size <= limit:
                chunks.append(block)
            elif chunks:
                chunks.clear()  # over the cap: keep hashing (the file is regular, so it ends), keep nothing
        data = b"".join(chunks) if size <= limit else b""
        return Read(data, digest.hexdigest(), size, over=size > limit)
    except OSError as error:
        return Read(problem=f"cannot be read ({error.strerror or error})")
    finally:
        os.close(fd)


class TooLarge(Exception):
    """Bytes that decompress past the cap; the message says what grew too large."""


@dataclass(frozen=True, slots=True)
class Gunzipped:
    """Every member of a gzip stream, decompressed; ``problem`` says what stopped the reading early (None:
    read to its end), and ``data`` is what was decompressed before it."""

    data: bytes
    problem: str | None = None
    cut: bool = False  # the stream ends inside a member (a download cut short)


_PADDING = re.compile(rb"[\x00\s]*\Z")  # what may follow the last member of a gzip file


def gunzip(raw: bytes, limit: int) -> Gunzipped:
    """Decompress every member of ``raw`` (``cat a.gz b.gz`` is one valid gzip file), never holding more than
    ``limit`` decompressed bytes: ``TooLarge`` is raised as soon as the output would pass it."""
    out: list[bytes] = []
    total, position, view = 0, 0, memoryview(raw)
    while position < len(raw):
        if position and _PADDING.match(raw, position):
            break
        member = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            chunk = member.decompress(view[position:], limit - total + 1)
        except zlib.error as error:
            return Gunzipped(b"".join(out), f"gzip data is corrupt at byte {position} ({error})")
        total += len(chunk)
        if total > limit:
            raise TooLarge(f"decompresses to more than {limit:,} bytes")
        out.append(chunk)
        if not member.eof:
            return Gunzipped(b"".join(out), "the gzip stream is cut short", cut=True)
        position = len(raw) - len(member.unused_data)
    return Gunzipped(b"".join(out))
