"""WARC reading: HTML responses come out in order, other records are skipped, gzip or not."""

from __future__ import annotations

import gzip
import io

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from audit.ingest.warc import WarcPage, iter_warc_pages, read_warc

PAGE = b"<html><head><title>A</title></head><body><p>Hello archive.</p></body></html>"


def _warc(gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))

    def response(url: str, content_type: str, body: bytes) -> None:
        http = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
        writer.write_record(record)

    response("https://example.org/a", "text/html; charset=utf-8", PAGE)
    response("https://example.org/logo.png", "image/png", b"\x89PNG....")
    request = writer.create_warc_record(
        "https://example.org/b",
        "request",
        payload=io.BytesIO(b"GET /b HTTP/1.1\r\nHost: example.org\r\n\r\n"),
    )
    writer.write_record(request)
    response("https://example.org/b", "application/xhtml+xml", b"<html><body><p>Second.</p></body></html>")
    return buffer.getvalue()


@pytest.mark.parametrize("gzipped", [True, False])
def test_html_responses_in_order(gzipped: bool) -> None:
    pages = list(iter_warc_pages(_warc(gzipped)))
    assert [p.url for p in pages] == ["https://example.org/a", "https://example.org/b"]
    first = pages[0]
    assert isinstance(first, WarcPage)
    assert first.payload == PAGE
    assert first.content_type == "text/html; charset=utf-8"
    assert first.record_id.startswith("<urn:uuid:")
    assert first.date is not None and first.date[:2] == "20"


def test_gzip_is_really_compressed() -> None:
    data = _warc(True)
    assert data[:2] == b"\x1f\x8b"
    assert gzip.decompress(data).startswith(b"WARC/1.")


def test_truncated_archive_yields_what_was_read() -> None:
    data = _warc(False)
    cut = data.index(b"https://example.org/logo.png") + 200
    pages = list(iter_warc_pages(data[:cut]))
    assert [p.url for p in pages][:1] == ["https://example.org/a"]


@pytest.mark.parametrize("gzipped", [True, False])
def test_an_archive_cut_short_says_so(gzipped: bool) -> None:
    data = _warc(gzipped)
    assert read_warc(data).damage is None
    read = read_warc(data[: len(data) - 40])  # the last record loses its end: a partial download
    assert read.damage is not None and "ends inside a record" in read.damage
    assert read.pages and read.pages[0].url == "https://example.org/a"


@pytest.mark.parametrize("gzipped", [True, False])
def test_whitespace_after_the_last_record_is_no_damage(gzipped: bool) -> None:
    read = read_warc(_warc(gzipped) + b"\r\n" * 5000)  # longer than any look-ahead window
    assert read.damage is None
    assert [page.url for page in read.pages] == ["https://example.org/a", "https://example.org/b"]
    assert all(page.payload_line is not None for page in read.pages)


def test_garbage_gives_nothing() -> None:
    assert list(iter_warc_pages(b"this is not a warc file at all")) == []
    assert list(iter_warc_pages(b"")) == []
    assert read_warc(b"WARC/1.0\r\nthis is not a warc\r\n").damage == "no WARC record at byte 0"


@pytest.mark.parametrize("gzipped", [True, False])
def test_payload_line_counts_lines_of_the_uncompressed_archive(gzipped: bool) -> None:
    data = _warc(gzipped)
    lines = (gzip.decompress(data) if gzipped else data).split(b"\n")
    pages = list(iter_warc_pages(data))
    assert all(p.payload_line is not None for p in pages)
    for page in pages:
        assert page.payload_line is not None
        assert lines[page.payload_line].startswith(page.payload.split(b"\n")[0])


def test_chunked_payload_has_no_line() -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=False)
    headers = [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")]
    http = StatusAndHeaders("200 OK", headers, protocol="HTTP/1.1")
    body = b"<html><body><p>Chunked.</p></body></html>"
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    record = writer.create_warc_record(
        "https://example.org/c", "response", payload=io.BytesIO(chunked), http_headers=http
    )
    writer.write_record(record)
    (page,) = iter_warc_pages(buffer.getvalue())
    assert page.payload == body
    assert page.payload_line is None
