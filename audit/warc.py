"""Reading HTML pages out of WARC files (web archives), gzip-compressed or not.

One :class:`WarcPage` per ``response`` record whose HTTP payload is HTML, in file order. Other records
(requests, metadata, revisits, images, ...) are skipped. The payload is the HTTP body after transfer and
content decoding (chunked, gzip), still as bytes: decoding to text is the pipeline's job.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

_HTML_TYPES = ("text/html", "application/xhtml+xml")


@dataclass(frozen=True)
class WarcPage:
    """One archived HTML response: its target URL, capture date (WARC-Date), record id and body."""

    url: str
    date: str | None
    record_id: str
    payload: bytes
    content_type: str | None


def _is_html(content_type: str | None, payload: bytes) -> bool:
    """HTML by its declared type, or (no type given) by the start of the body."""
    if content_type:
        return content_type.split(";", 1)[0].strip().lower() in _HTML_TYPES
    head = payload[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def iter_warc_pages(data: bytes) -> Iterator[WarcPage]:
    """Every HTML response record of a WARC (``.warc`` or ``.warc.gz`` bytes), in order.

    A truncated or corrupt archive yields the records read before the damage and then stops.
    """
    stream = io.BytesIO(data)
    try:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response":
                continue
            headers = record.rec_headers
            content_type = record.http_headers.get_header("Content-Type") if record.http_headers else None
            payload = record.content_stream().read()
            if not _is_html(content_type, payload):
                continue
            yield WarcPage(
                url=headers.get_header("WARC-Target-URI") or "",
                date=headers.get_header("WARC-Date"),
                record_id=headers.get_header("WARC-Record-ID") or "",
                payload=payload,
                content_type=content_type,
            )
    except (ArchiveLoadFailed, EOFError, OSError, ValueError):
        return
