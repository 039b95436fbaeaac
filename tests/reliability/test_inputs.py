"""Reliability, inputs (docs/reliability.md, "Inputs"): regular files only, links kept inside the input folders,
every cap applied while reading and after decompression."""

from __future__ import annotations

import gzip
import io
import os
import time
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from audit.contract.jsonable import to_jsonable
from audit.ingest.safe_read import read_regular
from tests.reliability.captures import ARTICLE, audit, capture_folder

SECRET = "SECRET_TOKEN=hunter2-do-not-leak"
fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")


def _leaks(result: object) -> bool:
    return "hunter2" in str(to_jsonable(result))


def test_a_link_out_of_the_input_folders_is_not_followed(tmp_path: Path) -> None:
    secret = tmp_path / "outside" / "env.txt"
    secret.parent.mkdir()
    secret.write_text(f"Environment\n\n{SECRET}\n" * 3)
    captures = capture_folder(tmp_path / "in")
    (captures / "env.txt").symlink_to(secret)
    (captures / "passwd.html").symlink_to("/etc/passwd")
    result, messages = audit(captures)
    statuses = {Path(s.path).name: s.status for s in result.sources}
    assert statuses == {"env.txt": "unreadable", "passwd.html": "unreadable", "strike.txt": "ok"}
    assert not _leaks(result) and "root:" not in str(to_jsonable(result))
    assert any("env.txt: is a symbolic link to" in m and "outside the input folders" in m for m in messages)


def test_a_link_inside_the_input_folder_is_followed(tmp_path: Path) -> None:
    captures = capture_folder(tmp_path / "in")
    (captures / "sub").mkdir()
    (captures / "sub" / "alias.txt").symlink_to(captures / "strike.txt")
    result, _ = audit(captures)
    assert [s.status for s in result.sources] == ["ok", "ok"]


def test_proc_environ_through_a_link_named_as_an_input_is_refused(tmp_path: Path) -> None:
    if not Path("/proc/self/environ").exists():
        pytest.skip("no /proc on this system")
    (tmp_path / "env.txt").symlink_to("/proc/self/environ")
    os.environ["AUDIT_TEST_SECRET"] = "hunter2"
    try:
        result, _ = audit(tmp_path / "env.txt")
    finally:
        del os.environ["AUDIT_TEST_SECRET"]
    assert [s.status for s in result.sources] == ["unreadable"] and not _leaks(result)


@fifo
@pytest.mark.timeout(120)
@pytest.mark.parametrize("cached", [False, True], ids=["no-cache", "cache"])
def test_a_fifo_named_txt_is_refused_at_once(tmp_path: Path, cached: bool) -> None:
    captures = capture_folder(tmp_path / "in")
    os.mkfifo(captures / "pipe.txt")
    started = time.monotonic()
    result, messages = audit(captures, cache=tmp_path / "cache" if cached else None, timeout=60)
    assert time.monotonic() - started < 50, "the FIFO was waited on"
    by_name = {Path(s.path).name: s for s in result.sources}
    assert by_name["pipe.txt"].status == "unreadable" and by_name["strike.txt"].status == "ok"
    assert any("pipe.txt: is a FIFO (named pipe), not a regular file" in m for m in messages), messages


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_is_refused_and_a_file_whose_size_reads_zero_is_capped() -> None:
    zero = read_regular(Path("/dev/zero"), 1000)
    assert zero.problem is not None and "character device" in zero.problem and zero.data == b""
    if Path("/proc/self/status").exists():  # its size reads 0: only the read itself can apply the cap
        assert Path("/proc/self/status").stat().st_size == 0
        status = read_regular(Path("/proc/self/status"), 10)
        assert status.over and status.data == b""


def _warc(records: list[tuple[bytes, list[tuple[str, str]]]], gzipped: bool) -> bytes:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for number, (body, headers) in enumerate(records):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            f"https://example.org/{number}", "response", payload=io.BytesIO(body), http_headers=http
        )
        writer.write_record(record)
    return buffer.getvalue()


def test_a_warc_gz_bomb_is_too_large_without_filling_memory(tmp_path: Path) -> None:
    page = b"<html><body><p>" + b" " * 40_000_000 + b"</p></body></html>"
    (tmp_path / "bomb.warc.gz").write_bytes(_warc([(page, [])], gzipped=True))
    assert (tmp_path / "bomb.warc.gz").stat().st_size < 200_000
    result, messages = audit(tmp_path, max_bytes=1_000_000)
    assert [s.status for s in result.sources] == ["too_large"]
    assert any("decompresses to more than 1,000,000 bytes" in m for m in messages), messages


def test_a_content_encoding_bomb_inside_a_warc_is_too_large(tmp_path: Path) -> None:
    body = gzip.compress(b"<html><body><p>" + b" " * 40_000_000 + b"</p></body></html>")
    (tmp_path / "encoded.warc").write_bytes(_warc([(body, [("Content-Encoding", "gzip")])], gzipped=False))
    assert (tmp_path / "encoded.warc").stat().st_size < 200_000
    result, messages = audit(tmp_path, max_bytes=1_000_000)
    assert [s.status for s in result.sources] == ["too_large"], messages


def test_every_member_of_a_multi_member_gzip_is_read(tmp_path: Path) -> None:
    half = len(ARTICLE) // 2
    cut = ARTICLE.index("\n\n", half)
    (tmp_path / "joined.txt.gz").write_bytes(
        gzip.compress(ARTICLE[:cut].encode()) + gzip.compress(ARTICLE[cut:].encode())
    )
    result, _ = audit(tmp_path)
    (source,) = result.sources
    assert source.status == "ok" and "brokered by the prime minister" in source.text
