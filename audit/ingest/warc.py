"""Reading HTML pages out of WARC files (web archives), gzip-compressed or not.

One :class:`WarcPage` per ``response`` record whose HTTP payload is HTML, in file order. Other records
(requests, metadata, revisits, images, ...) are skipped. The payload is the HTTP body after transfer and
content decoding (chunked, gzip), still as bytes: decoding to text is the pipeline's job.

``payload_line`` is the number of lines before the payload in the uncompressed WARC (what ``zcat`` shows of a
``.warc.gz``), so a line of the page plus it is a line of the archive. It is None when the payload is not stored
as it is served (chunked or compressed transfer).

A ``.warc.gz`` is gunzipped first, every member, under the byte cap (``audit.ingest.safe_read.gunzip``); the
payloads are then read under what is left of it, so neither a gzip bomb nor a gzip ``Content-Encoding`` bomb
can grow past ``--max-bytes``.
"""

from __future__ import annotations

import dataclasses
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from audit.ingest.safe_read import TooLarge, gunzip
from audit.pipeline.config import DEFAULT_MAX_BYTES

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ONLY_SPACE = re.compile(rb"\s*\Z")  # what may follow the last record
_CUT_SHORT = "the archive ends inside a record (a partial download?)"


@dataclass(frozen=True)
class WarcPage:
    """One archived HTML response: its target URL, capture date (WARC-Date), record id and body."""

    url: str
    date: str | None
    record_id: str
    payload: bytes
    content_type: str | None
    payload_line: int | None = None


def _is_html(content_type: str | None, payload: bytes) -> bool:
    """HTML by its declared type, or (no type given) by the start of the body."""
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


@dataclass(frozen=True)
class WarcRead:
    """The HTML pages of an archive, and what stopped the reading early (None: read to its end)."""

    pages: tuple[WarcPage, ...]
    damage: str | None = None


def read_warc(data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> WarcRead:
    """Every HTML response record of a WARC (``.warc`` or ``.warc.gz`` bytes), in order.

    A truncated or corrupt archive gives the records read before the damage, and ``damage`` says what
    stopped the reading (warcio's message), so the caller can tell the user the archive is incomplete.
    ``max_bytes`` caps what decompression may produce: the archive once gunzipped (every member), and the
    HTML payloads once their ``Content-Encoding`` is undone, together; past it ``TooLarge`` is raised.
    """
    gz_damage: str | None = None
    if data[:2] == b"\x1f\x8b":
        unpacked = gunzip(data, max_bytes)
        data = unpacked.data
        gz_damage = _CUT_SHORT if unpacked.cut else unpacked.problem
    stream = io.BytesIO(data)
    found: list[tuple[int, WarcPage]] = []
    damage: str | None = None
    ended = False
    budget = max_bytes  # decoded payload bytes still allowed
    records = ArchiveIterator(stream)
    try:
        seen = 0
        for record in records:
            seen += 1
            if record.rec_type is None:  # warcio's reading of bytes that are no WARC record
                offset = records.get_record_offset()
                if isinstance(offset, int) and _ONLY_SPACE.match(data, offset):
                    ended = True  # blank lines after the last record: the end is judged below
                    break
                damage = f"no WARC record at byte {offset}"
                break
            if record.rec_type != "response":
                continue
            headers = record.rec_headers
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
            if content_type and not _is_html(content_type, b""):
                continue  # not a page: its body is never read
            payload = record.content_stream().read(budget + 1)
            if len(payload) > budget:
                raise TooLarge(f"its HTML records decompress to more than {max_bytes:,} bytes")
            if not _is_html(content_type, payload):
                continue
            budget -= len(payload)
            page = WarcPage(
                url=headers.get_header("WARC-Target-URI") or "",
                date=headers.get_header("WARC-Date"),
                record_id=headers.get_header("WARC-Record-ID") or "",
                payload=payload,
                content_type=content_type,
            )
            found.append((records.get_record_offset(), page))
        else:
            ended = seen > 0  # warcio read to the end: whether that end is whole is judged below
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as error:
        damage = " ".join(str(error).split()) or type(error).__name__
    payloads = {offset: page.payload for offset, page in found}
    lines = _payload_lines(data, payloads)
    if ended and _plain_cut_short(data, records):
        damage = _CUT_SHORT
    if gz_damage is not None:
        damage = gz_damage
    pages = tuple(dataclasses.replace(page, payload_line=lines.get(offset)) for offset, page in found)
    return WarcRead(pages, damage)


def _plain_cut_short(data: bytes, records: ArchiveIterator) -> bool:
    """Whether an uncompressed archive stops inside its last record (a download cut short): warcio then
    drops the partial record, or returns its payload short, without a word."""
    offset, length = records.get_record_offset(), records.get_record_length()
    if not isinstance(offset, int) or not isinstance(length, int):
        return False
    if data[offset + length :].strip():
        return True  # bytes after the last whole record: a partial record warcio dropped
    head_end = data.find(b"\r\n\r\n", offset)
    declared = re.search(rb"(?im)^content-length:\s*(\d+)", data[offset:head_end]) if head_end >= 0 else None
    return bool(declared and head_end + 4 + int(declared.group(1)) > len(data))


def iter_warc_pages(data: bytes) -> Iterator[WarcPage]:
    """The HTML pages of :func:`read_warc`, without the damage report."""
    yield from read_warc(data).pages


def _payload_start(buffer: bytes, record: int, payload: bytes) -> int | None:
    """Where in ``buffer`` the HTTP body of the record starting at ``record`` begins, if stored as served."""
    warc_end = buffer.find(b"\r\n\r\n", record)
    http_end = buffer.find(b"\r\n\r\n", warc_end + 4) if warc_end >= 0 else -1
    if http_end < 0:
        return None
    start = http_end + 4
    head = payload[:256]
    return start if buffer[start : start + len(head)] == head else None


def _payload_lines(data: bytes, payloads: dict[int, bytes]) -> dict[int, int]:
    """For each record offset of an uncompressed WARC, the number of lines before its payload."""
    result: dict[int, int] = {}
    counted, lines = 0, 0  # newlines in data[:counted], advanced record by record
    for offset in sorted(payloads):
        start = _payload_start(data, offset, payloads[offset])
        if start is not None:
            lines += data.count(b"\n", counted, start)
            counted = start
            result[offset] = lines
    return result
