"""The editor's HTML report: contested claims side by side, a strict CSP, and no captured payload ever runs.

The browser tests open the report in headless Chromium (Debian's ``chromium`` package; ``.ci/run`` installs it)
and skip with a reason when it is not on PATH.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest

from audit.model import NO_ATTRIBUTION, AuditResult, Claim, Evidence, Flag, Selector, Source, Span, ToolInfo
from audit.pipeline.config import RunConfig
from audit.pipeline.run import run_audit
from audit.report.html import render_html
from audit.report.html_view import safe_url
from audit.report.write import write_outputs

MARK = "PWNED"
SCRIPT = f"<script>document.title='{MARK}';document.documentElement.setAttribute('data-pwned','1')</script>"
IMG = f"<img src=x onerror=\"document.title='{MARK}'\">"
SVG = f"<svg onload=\"document.title='{MARK}'\"></svg>"
JS_URL = f"javascript:document.title='{MARK}'"
# any SVG but the report's own charts
FOREIGN_SVG = "//svg[not(@class='flags-chart' or @class='timeline-chart')]"

TEXT_CAPTURE = f"""Council {SCRIPT} spends {IMG} millions

May 14, 2024

By Dana {SVG} Whitfield

The city council voted on Tuesday to approve the transit budget {SCRIPT} after a long debate.

Reports indicate that the mayor's office spent more than $3 million on consultants {IMG} last year.

Officials who declined to be named say the contract {SVG} was signed in secret, see {JS_URL}.
"""

HTML_CAPTURE = f"""<!DOCTYPE html>
<html><head>
<title>Budget &lt;script&gt;document.title='{MARK}'&lt;/script&gt; &lt;img src=x onerror=alert(1)&gt;</title>
<meta name="author" content="Ana &lt;img src=x onerror=&quot;document.title='{MARK}'&quot;&gt; Ruiz">
<meta property="og:url" content="{JS_URL}">
<meta property="og:site_name" content="&lt;svg onload=alert(1)&gt;">
</head><body>
<nav><a href="{JS_URL}">About</a> <a href="javascript:alert(1)">Contact</a></nav>
<article>
<h1>Budget &lt;script&gt;document.title='{MARK}'&lt;/script&gt;</h1>
<p>By Ana Ruiz</p>
<p>Reports indicate that the city spent more than $3 million on consultants &lt;img src=x onerror="document.title='{MARK}'"&gt; last year,
according to nobody in particular, and people familiar with the matter say it grew by 40% &lt;svg onload=alert(1)&gt;.</p>
<p>Some experts suggest the contract, described at <a href="{JS_URL}">this link</a>, was never put to a vote.</p>
<p>The council meets again on 3 June 2024 to discuss the transit budget and the new bus routes for the city.</p>
</article></body></html>
"""

SIDECAR = {
    "url": JS_URL,
    "title": f"Sidecar {SCRIPT} {IMG}",
    "authors": [f"Eve {SVG}"],
    "site": f'<a href="{JS_URL}">site</a>',
}


def _chromium() -> str:
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.skip(
            "chromium is not on PATH: install Debian's chromium package (.ci/run does) to run browser tests"
        )
    return path


def _browser(page: Path, profile: Path, *extra: str) -> str:
    command = [
        _chromium(),
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        f"--user-data-dir={profile}",
        *extra,
        page.as_uri(),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditResult, Path]:
    captures = tmp_path_factory.mktemp("hostile")
    (captures / "text_payload.txt").write_text(TEXT_CAPTURE, encoding="utf-8")
    (captures / "html_payload.html").write_text(HTML_CAPTURE, encoding="utf-8")
    (captures / "sidecar_payload.txt").write_text(TEXT_CAPTURE, encoding="utf-8")
    (captures / "sidecar_payload.meta.json").write_text(json.dumps(SIDECAR), encoding="utf-8")
    out = tmp_path_factory.mktemp("hostile_out")
    result = run_audit(RunConfig((str(captures),), jobs=1))
    write_outputs(result, out)
    return result, out / "report.html"


def test_payloads_reach_the_report_as_text(hostile_report: tuple[AuditResult, Path]) -> None:
    result, page = hostile_report
    assert sum(1 for s in result.sources if s.status == "ok") == 3
    assert result.flags(), "the hostile captures should raise flags, so their text is rendered"
    html = page.read_text(encoding="utf-8")
    assert "&lt;script&gt;" in html and "onerror=" in html  # shown, escaped
    tree = lxml.html.fromstring(html)
    scripts = tree.xpath("//script")
    assert len(scripts) == 2 and scripts[0].get("type") == "application/json"
    assert not tree.xpath(f"//img | {FOREIGN_SVG} | //iframe | //object | //embed")
    assert len(tree.xpath("//svg")) == 2  # our two charts, whose text comes from the captures, as text
    for element in tree.iter():
        assert not [name for name in element.attrib if name.lower().startswith("on")], element.tag
    for href in tree.xpath("//a/@href"):
        assert href.startswith("#") or safe_url(href) == href, href


def test_no_payload_runs_in_chromium(hostile_report: tuple[AuditResult, Path], tmp_path: Path) -> None:
    _, page = hostile_report
    dom = _browser(page, tmp_path / "profile", "--virtual-time-budget=3000", "--dump-dom")
    tree = lxml.html.fromstring(dom)
    assert tree.findtext(".//title") == "Audit report"
    assert tree.get("data-pwned") is None and not tree.xpath("//*[@data-pwned]")
    assert not tree.xpath(f"//img | {FOREIGN_SVG} | //iframe")
    # our own script did run (so scripts were live and the CSP hash matched), and only ours
    status = tree.xpath("string(//*[@id='filter-status'])")
    assert re.fullmatch(r"\d+ of \d+ flags shown", status), status


def test_csp_comes_first_and_pins_the_inline_assets(hostile_report: tuple[AuditResult, Path]) -> None:
    _, page = hostile_report
    html = page.read_text(encoding="utf-8")
    head = html[html.index("<head>") + len("<head>") :].lstrip()
    assert head.startswith('<meta http-equiv="Content-Security-Policy"')
    tree = lxml.html.fromstring(html)
    csp = tree.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    for text in (tree.xpath("//script[not(@type)]")[0].text, tree.xpath("//style")[0].text):
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()
        assert f"'sha256-{digest}'" in csp


def _source(source_id: str, path: str, text: str, title: str) -> Source:
    return Source(
        source_id, path, "a" * 64, "text/plain", "ok", title=title, published="2025-03-10", text=text
    )


def _claim(claim_id: str, source: Source, sentence: str, flags: tuple[Flag, ...] = ()) -> Claim:
    start = source.text.index(sentence)
    span = Span(start, start + len(sentence))
    return Claim(
        claim_id, source.source_id, sentence, span, Selector(sentence, "", ""), "date", 0.9, (), (), (),
        NO_ATTRIBUTION, Span(0, len(source.text)), 1, flags,
    )  # fmt: skip


def test_contested_claims_side_by_side() -> None:
    one = _source(
        "src-1111111111111111", "raw/one.txt", "Trump and Putin spoke by phone on 12 February.", "One"
    )
    two = _source(
        "src-2222222222222222", "raw/two.txt", "The call between them took place on 14 February.", "Two"
    )
    other = _claim("clm-2222222222222222", two, "The call between them took place on 14 February.")
    flag = Flag(
        "contested",
        "contested.event_date",
        "high",
        "Another source dates this call differently.",
        (Evidence("claim", "the other source's date", two.source_id, other.claim_id),),
    )
    mine = _claim("clm-1111111111111111", one, "Trump and Putin spoke by phone on 12 February.", (flag,))
    result = AuditResult("1.0", ToolInfo("audit", "0"), {}, (one, two), (mine, other))
    tree = lxml.html.fromstring(render_html(result))
    sides = tree.xpath("//div[@class='sides']/div[@class='side']")
    assert len(sides) == 2
    assert "12 February" in sides[0].text_content() and "14 February" in sides[1].text_content()
    assert sides[1].xpath(".//a/@href") == [f"#{two.source_id}"]
    assert tree.xpath(f"//section[@id='{two.source_id}']")


@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("https://example.org/a", True),
        ("mailto:desk@example.org", True),
        ("javascript:alert(1)", False),
        (" JaVaScRiPt:alert(1)", False),
        ("java\tscript:alert(1)", False),
        ("data:text/html,<script>", False),
        ("vbscript:x", False),
    ],
)
def test_safe_url(url: str, allowed: bool) -> None:
    assert (safe_url(url) is not None) is allowed


def test_seed_report_screenshot(seed_audit: tuple[AuditResult, Path], tmp_path: Path) -> None:
    _, out = seed_audit
    shot = tmp_path / "seeds.png"
    _browser(out / "report.html", tmp_path / "profile", "--window-size=1280,2000", f"--screenshot={shot}")
    assert shot.is_file() and shot.stat().st_size > 50_000


def test_each_flag_card_says_who_the_claim_is_attributed_to(seed_audit: tuple[AuditResult, Path]) -> None:
    _, out = seed_audit
    html = (out / "report.html").read_text(encoding="utf-8")
    assert "attributed to an unnamed source" in html  # vague attributions, in words
    assert "the writer&#39;s own statement" in html or "the writer's own statement" in html
    assert "attributed to none" not in html and "attributed to vague" not in html
