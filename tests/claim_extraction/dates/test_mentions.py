"""Date extraction and resolution: hand-written cases and the sample captures in raw/."""

from __future__ import annotations

import datetime as dt

import pytest

from audit.claim_extraction.dates.calendar import weekday_mismatch
from audit.claim_extraction.dates.mentions import extract_dates
from audit.model import DateMention, Span
from tests.conftest import ROOT

RAW = ROOT / "raw"


def _one(text: str, published: dt.date | None, needle: str) -> DateMention:
    found = [m for m in extract_dates(text, published) if m.text == needle]
    assert len(found) == 1, [m.text for m in extract_dates(text, published)]
    return found[0]


@pytest.mark.parametrize(
    ("text", "needle", "iso", "precision"),
    [
        ("It happened on 18 February 2025.", "18 February 2025", "2025-02-18", "day"),
        ("Posted Nov 29, 2024 by staff.", "Nov 29, 2024", "2024-11-29", "day"),
        ("He spoke on February 12, 2025 in Riyadh.", "February 12, 2025", "2025-02-12", "day"),
        ("1 April, 2025", "1 April, 2025", "2025-04-01", "day"),
        ("Mar 10, 2025 - 11:00", "Mar 10, 2025 - 11:00", "2025-03-10", "day"),
        ("Filed 2025-02-18 at noon.", "2025-02-18", "2025-02-18", "day"),
        ("Nixon went to China in 1972.", "1972", "1972", "year"),
        ("In February 2025, Putin declared a deal.", "February 2025", "2025-02", "month"),
    ],
)
def test_absolute_dates(text: str, needle: str, iso: str, precision: str) -> None:
    mention = _one(text, dt.date(2025, 4, 1), needle)
    assert (mention.iso, mention.precision, mention.resolution) == (iso, precision, "absolute")
    assert text[mention.span.start : mention.span.end] == mention.text


def test_partial_date_takes_year_from_published() -> None:
    mention = _one("The call took place on February 12.", dt.date(2025, 3, 10), "February 12")
    assert mention.iso == "2025-02-12"
    assert mention.resolution == "year_from_published"
    assert mention.anchor == "2025-03-10"


def test_partial_date_in_past_clause_goes_to_last_year() -> None:
    mention = _one("Trump met Putin on December 5.", dt.date(2025, 3, 10), "December 5")
    assert mention.iso == "2024-12-05"


def test_partial_date_without_published_uses_previous_year_or_stays_unresolved() -> None:
    text = "The treaty was signed on 3 May 2021. Talks resumed on June 9."
    assert _one(text, None, "June 9").iso == "2021-06-09"
    assert _one(text, None, "June 9").resolution == "year_from_previous"
    alone = _one("Talks resumed on June 9.", None, "June 9")
    assert (alone.iso, alone.resolution) == (None, "unresolved")
    assert _one("He said it yesterday.", None, "yesterday").iso is None


@pytest.mark.parametrize(
    ("text", "needle", "iso", "days"),
    [
        ("The minister resigned yesterday.", "yesterday", "2025-03-09", -1),
        ("Officials met last week.", "last week", "2025-03-03", -7),
        ("Prices rose 3% last month.", "last month", "2025-02", None),
        ("The deal was signed two weeks ago.", "two weeks ago", "2025-02-24", -14),
        ("Trump called Putin on Thursday.", "Thursday", "2025-03-06", None),
        ("The leaders will meet on Thursday.", "Thursday", "2025-03-13", None),
    ],
)
def test_relative_to_published(text: str, needle: str, iso: str, days: int | None) -> None:
    mention = _one(text, dt.date(2025, 3, 10), needle)  # a Monday
    assert (mention.iso, mention.resolution, mention.relative_days) == (iso, "relative_to_published", days)
    assert mention.anchor == "2025-03-10"


def test_relative_to_previous_date() -> None:
    text = "The summit opened on 4 March 2024. Six days later, the talks collapsed; the next day, both left."
    later = _one(text, dt.date(2024, 4, 1), "Six days later")
    assert (later.iso, later.resolution, later.relative_days, later.anchor) == (
        "2024-03-10",
        "relative_to_previous",
        6,
        "2024-03-04",
    )
    assert _one(text, dt.date(2024, 4, 1), "the next day").iso == "2024-03-11"


def test_figures_and_durations_are_not_dates() -> None:
    text = "China bought $62 billion in 2024, 4,000 jobs were cut, 2000 troops moved, after a 90-minute call."
    mentions = extract_dates(text, dt.date(2025, 3, 10))
    assert [(m.text, m.iso) for m in mentions] == [("2024", "2024")]


def test_modal_may_is_not_a_month() -> None:
    assert extract_dates("May the talks succeed. It may rain.", dt.date(2025, 3, 10)) == []
    assert _one("The vote was held in May.", dt.date(2025, 8, 1), "May").iso == "2025-05"


def test_stated_weekday_is_kept_and_checked() -> None:
    right = _one("On Tuesday, 4 July 2023 the plant closed.", None, "Tuesday, 4 July 2023")
    assert (right.weekday, right.iso, weekday_mismatch(right)) == ("Tuesday", "2023-07-04", None)
    wrong = _one("On Tuesday, 4 July 2022 the plant closed.", None, "Tuesday, 4 July 2022")
    assert wrong.iso == "2022-07-04"  # kept as stated, not "corrected"
    assert weekday_mismatch(wrong) == "Monday"
    plain = DateMention(text="2022", iso="2022", precision="year", span=Span(0, 4))
    assert weekday_mismatch(plain) is None


def test_tense_of_the_clause() -> None:
    pub = dt.date(2025, 3, 10)
    assert _one("Trump will meet Putin on March 20.", pub, "March 20").tense == "future"
    assert _one("The summit is scheduled to open on March 20.", pub, "March 20").tense == "future"
    assert _one("Trump and Putin met on March 2.", pub, "March 2").tense == "past"


def test_event_of_a_call_in_both_phrasings() -> None:
    first = _one(
        "In the aftermath of Trump's call to Putin on 18 February 2025, talks began.",
        None,
        "18 February 2025",
    )
    second = _one(
        "A shift appeared on February 12, when Trump and Putin held a 90-minute phone call.",
        dt.date(2025, 3, 10),
        "February 12",
    )
    for mention in (first, second):
        assert mention.event is not None
        assert mention.event.kind == "call"
        assert {"Trump", "Putin"} <= set(mention.event.participants)
    assert second.event is not None and second.event.verb == "held"
    assert second.tense == "past"


def test_document_order_and_spans_on_all_samples() -> None:
    for path in sorted(RAW.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        mentions = extract_dates(text, dt.date(2025, 4, 1))
        starts = [m.span.start for m in mentions]
        assert starts == sorted(starts)
        for mention in mentions:
            assert text[mention.span.start : mention.span.end] == mention.text


def test_seed_002() -> None:
    text = (RAW / "002_f83c12297b1fc013.txt").read_text(encoding="utf-8")
    mentions = {m.text: m for m in extract_dates(text, dt.date(2025, 4, 1))}
    assert mentions["18 February 2025"].iso == "2025-02-18"
    assert mentions["18 February 2025"].event is not None
    assert mentions["18 February 2025"].event.kind == "call"
    assert (mentions["the 28 March"].iso, mentions["the 28 March"].resolution) == (
        "2025-03-28",
        "year_from_published",
    )
    assert mentions["1 April, 2025"].iso == "2025-04-01"
    assert mentions["February 2025"].iso == "2025-02"
    assert {"2021", "2022", "2014"} <= {m.iso for m in mentions.values()}


def test_seed_004() -> None:
    text = (RAW / "004_320301acf8a13b0e.txt").read_text(encoding="utf-8")
    mentions = extract_dates(text, dt.date(2025, 3, 10))
    by_text = {m.text: m for m in mentions}
    call = by_text["February 12"]
    assert (call.iso, call.resolution, call.anchor) == ("2025-02-12", "year_from_published", "2025-03-10")
    assert call.event is not None and call.event.kind == "call"
    assert {"Trump", "Putin"} <= set(call.event.participants)
    interview = by_text["February 25"]
    assert interview.iso == "2025-02-25"
    assert interview.event is not None and interview.event.kind == "interview"
    assert "1972" in {m.iso for m in mentions}
    assert not any(m.text.startswith("90") for m in mentions)
