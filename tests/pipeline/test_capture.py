"""Per-capture stages through the pipeline: WARC files, sidecars, time limits, multi-article captures."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from audit.pipeline.config import Options, RunConfig
from audit.pipeline.run import run_audit

ARTICLE = (
    "<html><head><title>Rail strike ends</title></head><body><article><h1>Rail strike ends</h1>"
    "<p>By Maria Lopez</p>"
    "<p>The national rail strike ended on Tuesday after unions accepted a 6% pay rise, the transport ministry said"
    " in a statement. About 40,000 workers had walked out for five days, cancelling 12,000 trains.</p>"
    "<p>Reports indicate that the deal was brokered by the prime minister's office late on Monday night.</p>"
    "</article></body></html>"
)


def _warc(path: Path, gzipped: bool = True) -> None:
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=gzipped)
    for url in ("https://news.example.org/2024/06/rail-strike", "https://other.example.net/rail"):
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        body = io.BytesIO(
            ARTICLE.replace("Maria Lopez", "Maria Lopez" if "news" in url else "Tom Berg").encode()
        )
        writer.write_record(writer.create_warc_record(url, "response", payload=body, http_headers=http))
    path.write_bytes(buffer.getvalue())


def test_a_damaged_warc_is_audited_as_far_as_it_reads_and_the_user_is_told(tmp_path: Path) -> None:
    _warc(tmp_path / "whole.warc.gz")
    data = (tmp_path / "whole.warc.gz").read_bytes()
    (tmp_path / "whole.warc.gz").unlink()
    (tmp_path / "cut.warc.gz").write_bytes(data[: len(data) - 60])
    (tmp_path / "junk.warc").write_bytes(b"WARC/1.0\r\nnot an archive\r\n")
    messages: list[str] = []
    sources = run_audit(RunConfig((str(tmp_path),), jobs=1), report=messages.append).sources
    by_status = {s.path.rsplit("/", 1)[-1]: s.status for s in sources}
    assert by_status == {"cut.warc.gz": "ok", "junk.warc": "unreadable"}
    cut = [s for s in sources if s.path.endswith("cut.warc.gz")]
    assert cut and all(
        [w.code for w in c.warnings if w.code == "warc_damaged"] == ["warc_damaged"] for c in cut
    )
    assert any("junk.warc: not a readable WARC file" in m for m in messages)
    assert (
        sum("cut.warc.gz" in m and "download the archive again to audit it whole" in m for m in messages) == 1
    )


def test_warc_gives_one_source_per_html_response(tmp_path: Path) -> None:
    _warc(tmp_path / "crawl.warc.gz")
    result = run_audit(RunConfig((str(tmp_path),), jobs=1))
    assert [s.status for s in result.sources] == ["ok", "ok"]
    assert [s.url for s in result.sources] == [
        "https://news.example.org/2024/06/rail-strike",
        "https://other.example.net/rail",
    ]
    first, second = result.sources
    assert second.source_id == first.source_id + "-1"
    assert first.metadata_evidence["url"].method == "warc"
    assert "captured_at" in first.metadata_evidence
    assert "Reports indicate" in first.text
    assert any(f.kind == "vague_attribution" for c, f in result.flags() if c.source_id == first.source_id)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_claims_point_at_lines_of_the_archive(tmp_path: Path, name: str) -> None:
    _warc(tmp_path / name, gzipped=name.endswith(".gz"))
    result = run_audit(RunConfig((str(tmp_path),), jobs=1))
    archive = (tmp_path / name).read_bytes()
    lines = (gzip.decompress(archive) if name.endswith(".gz") else archive).decode("utf-8").splitlines()
    claims = [c for c in result.claims if c.source_id == result.sources[1].source_id]
    assert claims and all(c.capture_line is not None for c in claims)
    for claim in claims:  # the second record's claims are found on their line of the archive, not of its page
        assert claim.text[:30] in lines[claim.capture_line - 1]
    assert min(c.capture_line or 0 for c in claims) > 20


def test_sidecar_values_win_and_are_recorded(tmp_path: Path) -> None:
    (tmp_path / "strike.html").write_text(ARTICLE, encoding="utf-8")
    sidecar = {"url": "https://news.example.org/rail", "published": "2024-06-04", "site": "Example News"}
    (tmp_path / "strike.meta.json").write_text(json.dumps(sidecar), encoding="utf-8")
    (source,) = run_audit(RunConfig((str(tmp_path),), jobs=1)).sources
    assert (source.url, source.published, source.site) == (sidecar["url"], "2024-06-04", "Example News")
    evidence = source.metadata_evidence["published"]
    assert (
        evidence.method == "sidecar"
        and evidence.location == f"{tmp_path.as_posix()}/strike.meta.json: published"
    )


def test_invalid_sidecar_is_a_warning_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "strike.html").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "strike.html.meta.json").write_text('{"published": "June 4"}', encoding="utf-8")
    messages: list[str] = []
    (source,) = run_audit(RunConfig((str(tmp_path),), jobs=1), report=messages.append).sources
    assert source.status == "ok"
    assert [w.code for w in source.warnings if w.code == "sidecar_invalid"] == ["sidecar_invalid"]
    # the user is told on stderr too, naming the sidecar and the schema to fix it against
    assert (
        len(messages) == 1 and "strike.html.meta.json" in messages[0] and "sidecar.schema.json" in messages[0]
    )


def test_slow_capture_times_out_and_the_run_goes_on(tmp_path: Path) -> None:
    (tmp_path / "a_good.txt").write_text(
        "The council approved a budget of $3 million on Monday, its clerk said.\n"
    )
    huge = (
        "<html><body>" + "<div><p>Paragraph of filler text number one.</p></div>" * 60000 + "</body></html>"
    )
    (tmp_path / "b_huge.html").write_text(huge)
    # The huge page takes minutes to clean; 5 s leaves the one-line capture ample room on a loaded machine.
    options = Options(max_bytes=50_000_000, timeout=5.0)
    result = run_audit(RunConfig((str(tmp_path),), jobs=1, options=options))
    statuses = {Path(s.path).name: s.status for s in result.sources}
    assert statuses == {"a_good.txt": "ok", "b_huge.html": "timeout"}
    slow = next(s for s in result.sources if s.status == "timeout")
    assert "b_huge.html: took longer than 5 s" in (slow.status_message or "")


def test_capture_with_two_articles_gives_two_sources(tmp_path: Path) -> None:
    text = (
        "Council backs new park\n\nMay 2, 2024\n\nBy Ann Lee\n\n"
        "The council voted 7 to 2 on Wednesday to build a new park on the old rail yard.\n\n"
        "The park will cost $4 million and open in the spring of 2026, the council's budget office said.\n\n"
        "* * *\n\n"
        "School year to start earlier\n\nMay 3, 2024\n\nBy Omar Diaz\n\n"
        "Schools will open on August 12 this year, a week earlier than usual, the district said.\n\n"
        "About 30,000 pupils are affected by the change, according to the district.\n"
    )
    (tmp_path / "two.txt").write_text(text, encoding="utf-8")
    result = run_audit(RunConfig((str(tmp_path),), jobs=1))
    assert [(s.title, s.published, list(s.authors)) for s in result.sources] == [
        ("Council backs new park", "2024-05-02", ["Ann Lee"]),
        ("School year to start earlier", "2024-05-03", ["Omar Diaz"]),
    ]
    assert len({s.source_id for s in result.sources}) == 2


def test_cache_reuses_results_and_notices_changes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.html").write_text(ARTICLE, encoding="utf-8")
    (corpus / "b.txt").write_text("The council approved a budget of $3 million on Monday, its clerk said.\n")
    config = RunConfig((str(corpus),), jobs=1, cache=str(tmp_path / "cache"))
    first = run_audit(config)
    second = run_audit(config)
    assert first.run["cached"] == 0 and second.run["cached"] == 2
    assert first.sources == second.sources and first.claims == second.claims
    (corpus / "b.txt").write_text("Reports indicate the council approved a budget of $4 million on Monday.\n")
    third = run_audit(config)
    assert third.run["cached"] == 1
    assert any(f.kind == "vague_attribution" for _, f in third.flags())


def test_malformed_link_urls_do_not_break_a_capture(tmp_path: Path) -> None:
    page = ARTICLE.replace(
        "</article>",
        '</article><a href="http://[ccpa-preferences]/">Do not sell</a>'
        '<link rel="canonical" href="http://[ccpa-preferences]/a">',
    )
    (tmp_path / "page.html").write_text(page, encoding="utf-8")
    (source,) = run_audit(RunConfig((str(tmp_path),), jobs=1)).sources
    assert source.status == "ok", source.status_message
