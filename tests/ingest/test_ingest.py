from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from audit.ingest.decode import decode
from audit.ingest.discover import CaptureFile, InputError, discover, read_capture


def capture(tmp_path: Path, name: str, data: bytes) -> CaptureFile:
    path = tmp_path / name
    path.write_bytes(data)
    return CaptureFile(path, name)


@pytest.mark.parametrize(
    ("name", "data", "status"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t \n", "empty"),
        ("nul.txt", b"\x00" * 64, "empty"),
        ("comments.html", b"<!-- nothing -->\n<!-- here -->", "empty"),
        ("photo.html", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not_text"),
        ("random.txt", bytes(range(256)) * 8, "not_text"),
        ("page.txt", b"A sentence of article text.", "ok"),
    ],
)
def test_status_of_hostile_bytes(tmp_path: Path, name: str, data: bytes, status: str) -> None:
    raw = read_capture(capture(tmp_path, name, data))
    assert raw.status == status
    if status != "ok":
        assert raw.message is not None and raw.message.startswith(name + ":")


def test_byte_cap_applies_before_reading(tmp_path: Path) -> None:
    raw = read_capture(capture(tmp_path, "big.html", b"<p>x</p>" * 1000), max_bytes=1000)
    assert raw.status == "too_large"
    assert "--max-bytes" in (raw.message or "")
    assert len(raw.sha256) == 64


def test_gzip_is_read_and_bombs_are_refused(tmp_path: Path) -> None:
    ok = read_capture(capture(tmp_path, "a.txt.gz", gzip.compress(b"Plain text of an article.")))
    assert ok.status == "ok" and ok.data == b"Plain text of an article."
    bomb = read_capture(capture(tmp_path, "b.html.gz", gzip.compress(b" " * 2_000_000)), max_bytes=100_000)
    assert bomb.status == "too_large"
    broken = read_capture(capture(tmp_path, "c.txt.gz", b"\x1f\x8b\x08\x00 not really gzip"))
    assert broken.status == "unreadable"


def test_discover_walks_folders_and_skips_non_captures(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("<p>x</p>")
    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "a.meta.json").write_text("{}")
    (tmp_path / "notes.csv").write_text("x")
    (tmp_path / ".hidden.txt").write_text("x")
    found, skipped = discover([tmp_path])
    assert [c.file.name for c in found] == ["a.txt", "b.html"]
    assert [Path(s).name for s in skipped] == ["notes.csv"]
    with pytest.raises(InputError, match="no such file"):
        discover([tmp_path / "missing"])


def test_decode_utf16_without_bom() -> None:
    decoded = decode("Hello, world: an article.".encode("utf-16-le"), "text/plain")
    assert decoded.text == "Hello, world: an article."
    assert decoded.encoding.value == "utf-16-le"
    assert decoded.encoding.method == "utf-16-pattern"


def test_decode_meta_charset_that_contradicts_the_bytes() -> None:
    html = '<html><head><meta charset="iso-8859-1"></head><body>Zürich – “quoted”</body></html>'
    decoded = decode(html.encode("utf-8"), "text/html")
    assert "Zürich – “quoted”" in decoded.text
    assert decoded.encoding.value == "utf-8"
    assert [w.code for w in decoded.warnings] == ["encoding_conflict"]
    assert any(c.method == "meta-charset" for c in decoded.encoding.candidates)


def test_decode_undecodable_bytes_never_crash() -> None:
    decoded = decode(b"caf\xe9 \xff\xfe\xfd text", "text/plain")
    assert "caf" in decoded.text
    assert decoded.encoding.method in {"charset-normalizer", "utf-8-replace"}


def test_a_declared_charset_that_fails_gives_one_conflict_warning() -> None:
    body = "Le café coûte 3 euros à Paris, selon le maire, qui a présenté le budget de l'été dernier. " * 5
    html = f'<html><head><meta charset="utf-8"><title>Café</title></head><body><p>{body}</p></body></html>'
    decoded = decode(html.encode("latin-1"), "text/html")
    assert "café coûte" in decoded.text
    assert [w.code for w in decoded.warnings] == ["encoding_conflict"]
    assert "decoded as" in decoded.warnings[0].message
