"""Credibility signals: each computed from what the capture shows, in the schema and in the docs."""

from __future__ import annotations

import json
from pathlib import Path

from audit.contract.schemas import load_schema, validator
from audit.extract.capture_view import CaptureView, Link, capture_view
from audit.extract.signals import SIGNAL_NAMES, compute_signals
from audit.ingest.discover import CaptureFile
from audit.model import (
    NO_ATTRIBUTION,
    Attribution,
    Claim,
    FieldEvidence,
    Figure,
    Selector,
    Source,
    SourceWarning,
    Span,
)
from tests.conftest import ROOT

DOCS = ROOT / "docs"

TEXT = (
    "The city spent $3 million on consultants, according to the finance department. "
    "Sources say the deal was secret. The budget grew by 12% in 2023. "
    "Details are at https://www.example.gov/budget.pdf and https://blog.example.com/post."
)


def _source(**changes: object) -> Source:
    fields: dict[str, object] = {
        "source_id": "src-0123456789abcdef",
        "path": "raw/a.txt",
        "sha256": "0" * 64,
        "media_type": "text/plain",
        "status": "ok",
        "title": "City spends 3 million on consultants",
        "authors": ("Dana Whitfield",),
        "published": "2024-05-14",
        "text": TEXT,
        "metadata_evidence": {
            "authors": FieldEvidence(["Dana Whitfield"], "text:byline", "line 5"),
            "published": FieldEvidence("2024-05-14", "text:dateline", "line 3"),
            "title": FieldEvidence("City spends 3 million on consultants", "text:title-line", "line 2"),
        },
    }
    fields.update(changes)
    return Source(**fields)  # type: ignore[arg-type]


def _claim(n: int, sentence: str, attribution: Attribution = NO_ATTRIBUTION, figures: int = 0) -> Claim:
    start = TEXT.index(sentence)
    span = Span(start, start + len(sentence))
    figs = tuple(Figure("3", 3.0, "USD", span) for _ in range(figures))
    return Claim(
        f"clm-{n:016x}", "src-0123456789abcdef", sentence, span, Selector(sentence, "", ""), "figure", 0.9,
        (), figs, (), attribution, span, n,
    )  # fmt: skip


CLAIMS = (
    _claim(
        1,
        "The city spent $3 million on consultants, according to the finance department.",
        Attribution("according_to", speaker="the finance department", cue="according to"),
        figures=1,
    ),
    _claim(2, "Sources say the deal was secret.", Attribution("vague", cue="Sources say")),
    _claim(3, "The budget grew by 12% in 2023.", figures=1),
)

MENU = CaptureView(
    lines=("Home", "About us", "Opinion", "City spends 3 million on consultants", "Advertisement", "Contact"),
    inspected=True,
)


def test_every_signal_has_the_same_shape_and_validates() -> None:
    signals = compute_signals(_source(), CLAIMS, MENU)
    assert tuple(signals) == SIGNAL_NAMES
    for signal in signals.values():
        assert set(signal) == {"value", "detail", "items"} and signal["detail"]
        assert len(set(signal["items"])) == len(signal["items"])
    schema = load_schema("source")["properties"]["signals"]
    errors = list(validator("source").evolve(schema=schema).iter_errors(signals))
    assert not errors, errors


def test_metadata_and_attribution_signals() -> None:
    signals = compute_signals(_source(), CLAIMS, MENU)
    assert signals["byline"]["value"] is True and "line 5" in signals["byline"]["detail"]
    assert (
        signals["publication_date"]["value"] == "2024-05-14"
        and "text:dateline" in signals["publication_date"]["detail"]
    )
    assert signals["updated_date"]["value"] is None
    assert signals["attributed_claims"]["value"] == round(2 / 3, 3)
    assert signals["named_sources"]["value"] == 1 and signals["named_sources"]["items"] == [
        "the finance department (1)"
    ]
    assert signals["unnamed_sources"]["value"] == 1
    assert signals["figures_cited"]["value"] == 0.5
    assert signals["primary_links"]["items"] == ["https://www.example.gov/budget.pdf"]
    assert signals["headline_numbers"]["value"] is True
    assert signals["clickbait_headline"]["value"] is False


def test_menu_lines_of_a_text_capture() -> None:
    signals = compute_signals(_source(), CLAIMS, MENU)
    assert signals["about_link"]["value"] is True and signals["about_link"]["items"] == ["line 2: “About us”"]
    assert signals["contact_link"]["value"] is True
    assert signals["corrections_link"]["value"] is False
    assert signals["ad_labels"]["value"] == 1
    assert signals["opinion_label"]["value"] is True  # "Opinion" sits two lines above the title line


def test_nothing_inspected_is_unknown_not_absent() -> None:
    signals = compute_signals(_source(), CLAIMS, CaptureView())
    assert signals["about_link"]["value"] is None and signals["ad_labels"]["value"] is None


def test_html_links_and_sections(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<!DOCTYPE html><html><head><meta property='article:section' content='Analysis'></head><body>"
        "<a href='/about-us'>Who we are</a><a href='https://x.org/corrections'>Fixes</a>"
        "<a href='javascript:alert(1)'>Ethics</a><a href='https://www.sec.gov/file.htm'>filing</a>"
        "<p>Sponsored</p><p>Body text.</p><script>var a = 'Advertisement';</script></body></html>",
        encoding="utf-8",
    )
    view = capture_view(CaptureFile(page, "page.html"), 1_000_000)
    assert view.html and Link("filing", "https://www.sec.gov/file.htm") in view.links
    signals = compute_signals(_source(media_type="text/html"), CLAIMS, view)
    assert signals["about_link"]["value"] is True
    assert signals["corrections_link"]["value"] is True
    assert signals["ethics_link"]["value"] is True  # the link text says Ethics, whatever its target
    assert signals["opinion_label"]["items"] == ["page section “Analysis”"]
    assert signals["ad_labels"]["value"] == 1  # script text is not page text
    assert "https://www.sec.gov/file.htm" in signals["primary_links"]["items"]


def test_clickbait_and_unsupported_headline_numbers() -> None:
    source = _source(title="You won't believe these 7 reasons the budget SHOCKED EVERYONE!")
    signals = compute_signals(source, CLAIMS, MENU)
    assert signals["clickbait_headline"]["value"] is True
    assert len(signals["clickbait_headline"]["items"]) >= 3
    assert signals["headline_numbers"]["value"] is False
    question = compute_signals(_source(title="Is the budget too big?"), CLAIMS, MENU)
    assert question["clickbait_headline"]["value"] is False
    assert question["clickbait_headline"]["items"] == ["question headline (weak cue alone)"]


def test_copy_relations_and_cleaning_warnings() -> None:
    warnings = (
        SourceWarning(
            "likely_derived", "Shares most of its text with another source.", ("src-fedcba9876543210",)
        ),
        SourceWarning("title_variants", "The capture gives the title differently."),
    )
    signals = compute_signals(_source(warnings=warnings), CLAIMS, MENU)
    assert signals["derived_from"]["value"] is True
    assert signals["derived_from"]["items"] == ["likely_derived: src-fedcba9876543210"]
    assert signals["cleaning_warnings"]["value"] == 1


def test_every_signal_is_documented() -> None:
    docs = (DOCS / "signals.md").read_text(encoding="utf-8")
    schema = load_schema("source")["properties"]["signals"]["properties"]
    assert set(schema) == set(SIGNAL_NAMES)
    for name in SIGNAL_NAMES:
        assert f"`{name}`" in docs, name
        assert schema[name]["description"], name


def test_seed_sources_carry_valid_signals(seed_audit: tuple[object, Path]) -> None:
    _, out = seed_audit
    data = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    for source in data["sources"]:
        if source["status"] == "ok":
            assert list(source["signals"]) == list(SIGNAL_NAMES)
