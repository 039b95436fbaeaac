"""The report's charts and editors' review: both charts drawn as inline SVG with text alternatives, the store's
decisions shown on the cards, and, in headless Chromium, marks kept in local storage and exported as a decisions
file that `audit review --import` applies."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

import audit.api
from audit import cli
from audit.contract.schemas import validator
from audit.model import AuditResult
from audit.report.html import render_html
from audit.store.keys import Keys
from tests.report.devtools import Browser


@pytest.fixture(scope="module")
def recorded(
    seed_audit: tuple[AuditResult, Path], tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, Path, str]:
    """The seeds recorded twice in a store, with one flag dismissed in between; the second run's report."""
    result, _ = seed_audit
    folder = tmp_path_factory.mktemp("recorded")
    db = folder / "audits.db"
    first = audit.api.record(result, db)
    claim, flag = next((c, f) for c, f in first.flags() if f.rule == "vague_attribution.unnamed_reports")
    key = next(i.flag_key for f, i in Keys(first).flags(claim) if f is flag)
    audit.api.review(db, key, status="dismissed", note="the report is named below", editor="ana")
    second = audit.api.record(result, db)
    second.write(folder / "out")
    return db, folder / "out" / "report.html", key


def test_both_charts_have_text_alternatives(seed_audit: tuple[AuditResult, Path]) -> None:
    result, out = seed_audit
    tree = lxml.html.fromstring((out / "report.html").read_text(encoding="utf-8"))
    for name in ("flags-chart", "timeline-chart"):
        [svg] = tree.xpath(f"//svg[@class='{name}']")
        assert svg.get("role") == "img"
        labelled = svg.get("aria-labelledby").split()
        assert [tree.get_element_by_id(i).tag for i in labelled] == ["title", "desc"]
        figure = svg.getparent()
        assert figure.tag == "figure" and figure.xpath(".//details/table//tbody/tr")
    desc = tree.get_element_by_id("chart-flags-desc").text
    assert desc.startswith(f"{len(result.flags())} flags over 5 of 5 sources")
    timeline = tree.get_element_by_id("chart-timeline-desc").text
    assert re.search(
        r"\d+ dated events between 2024-\d\d-\d\d and 2025-\d\d-\d\d; 2 misdated, 1 contested", timeline
    )
    assert len(tree.xpath("//svg[@class='timeline-chart']//path[contains(@class, 'misdated')]")) == 2


def test_the_store_decision_is_shown_on_the_card(recorded: tuple[Path, Path, str]) -> None:
    _, page, key = recorded
    tree = lxml.html.fromstring(page.read_text(encoding="utf-8"))
    data = json.loads(tree.get_element_by_id("audit-data").text)
    [card] = [c for c in data["cards"] if c["key"] == key]
    assert card["review"] == {"state": "decided", "status": "dismissed", "rating": None}
    state = tree.get_element_by_id(card["id"]).xpath(".//p[contains(@class, 'state')]")[0].text_content()
    assert state.startswith("Dismissed by ana on ") and "the report is named below" in state
    assert {c["review"]["state"] for c in data["cards"] if c["key"] != key} == {"seen"}
    assert "Recorded as run 2" in tree.get_element_by_id("record-summary").text_content()


def test_a_report_without_a_store_has_no_review_state(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    tree = lxml.html.fromstring(render_html(result))
    assert not tree.xpath("//p[contains(@class, 'state')]") and not tree.xpath("//*[@id='record-summary']")
    assert len(tree.xpath("//fieldset[contains(@class, 'mark')]")) == len(result.flags())


def test_charts_render_in_chromium(recorded: tuple[Path, Path, str], tmp_path: Path) -> None:
    _, page, _ = recorded
    browser = Browser(tmp_path / "profile", 1200, 1400)
    try:
        browser.open(page)
        boxes = browser.evaluate(
            "['.flags-chart', '.timeline-chart'].map(s => {const r = document.querySelector(s)"
            ".getBoundingClientRect(); return [r.width, r.height];})"
        )
        assert all(width > 600 and height > 120 for width, height in boxes), boxes
        bars = browser.evaluate(
            "[...document.querySelectorAll('.flags-chart rect')].map(r => r.getBBox().width)"
        )
        assert len(bars) >= 10 and min(bars) > 0
        marks = browser.evaluate("document.querySelectorAll('.timeline-chart .pt').length")
        assert marks >= 5
        colour = browser.evaluate(
            "getComputedStyle(document.querySelector('.timeline-chart .misdated')).fill"
        )
        assert colour == "rgb(164, 22, 26)"  # --high: the stylesheet applied inside the SVG under the CSP
        assert not [e for e in browser.events if e.get("method") == "Runtime.exceptionThrown"]
        shot = browser.screenshot(tmp_path / "charts.png")
        assert shot.startswith(b"\x89PNG") and len(shot) > 50_000
    finally:
        browser.close()


def test_marks_are_exported_and_imported(
    recorded: tuple[Path, Path, str], seed_audit: tuple[AuditResult, Path], tmp_path: Path
) -> None:
    db, page, dismissed = recorded
    flags = sum(len(claim.flags) for claim in seed_audit[0].claims)
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    browser = Browser(tmp_path / "profile")
    try:
        browser.allow_downloads(downloads)
        browser.open(page)
        assert browser.evaluate("document.querySelector('.is-dismissed') !== null")  # the store's decision
        data = json.loads(browser.evaluate("document.getElementById('audit-data').textContent"))
        card = next(c for c in data["cards"] if c["key"] != dismissed)
        browser.evaluate(
            f"""(() => {{
              const card = document.getElementById({json.dumps(card["id"])});
              const set = (selector, value) => {{
                const element = card.querySelector(selector);
                element.value = value;
                element.dispatchEvent(new Event('change'));
              }};
              set('.mark-note', 'checked against the minutes');
              set('.mark-status', 'confirmed');
              set('.mark-rating', 'Mostly false');
              const editor = document.getElementById('review-editor');
              editor.value = 'ben';
              editor.dispatchEvent(new Event('change'));
            }})()"""
        )
        stored = json.loads(browser.evaluate(f"localStorage.getItem('audit-review:{card['key']}')"))
        assert (stored["status"], stored["rating"], stored["note"]) == (
            "confirmed",
            "Mostly false",
            "checked against the minutes",
        )
        browser.evaluate(
            "document.getElementById('filter-review').value = 'decided'; "
            "document.getElementById('filter-review').dispatchEvent(new Event('change'))"
        )
        assert (
            browser.evaluate("document.getElementById('filter-status').textContent")
            == f"2 of {flags} flags shown"
        )
        browser.evaluate("document.getElementById('export-decisions').click()")
        browser.wait_for("Browser.downloadProgress", state="completed")
    finally:
        browser.close()
    [exported] = list(downloads.iterdir())
    decisions = json.loads(exported.read_text(encoding="utf-8"))
    assert list(validator("decisions").iter_errors(decisions)) == []
    [decision] = decisions["decisions"]
    assert (decision["flag_key"], decision["editor"], decision["status"]) == (card["key"], "ben", "confirmed")
    outcome = CliRunner().invoke(cli.main, ["review", "--import", str(exported), "--db", str(db)])
    assert outcome.exit_code == 0 and "1 decision(s) applied" in outcome.output
    later = audit.api.record(
        seed_audit[0], db
    ).record  # the next audit shows the decision made in the browser
    assert later is not None
    review = later.flags[card["key"]]
    assert (review.state, review.status, review.editor, review.rating) == (
        "decided",
        "confirmed",
        "ben",
        "Mostly false",
    )
