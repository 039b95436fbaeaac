"""The misdating rules on hand-built sources and claims: publication-date trust, notes, titles, ledger support."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from audit.claim_extraction.dates.mentions import extract_dates
from audit.corpus.index import Corpus
from audit.flags.misdated.ledger import MisdatedLedger
from audit.flags.misdated.office import title_uses
from audit.flags.misdated.publication import MisdatedPublication
from audit.flags.registry import run_rules
from audit.ingest.ledger import load_ledger
from audit.model import NO_ATTRIBUTION, Candidate, Claim, FieldEvidence, Selector, Source, Span
from tests.conftest import ROOT

LEDGER = load_ledger(ROOT / "raw" / "reference")


def _source(text: str, published: str | None, confidence: str = "high", method: str = "test") -> Source:
    evidence = {}
    if published:
        candidate = Candidate(published, method, "line 1", confidence)  # type: ignore[arg-type]
        evidence["published"] = FieldEvidence(published, method, "line 1", (candidate,))
    return Source(
        "src-1",
        "a.txt",
        "0" * 64,
        "text/plain",
        "ok",
        published=published,
        metadata_evidence=evidence,
        text=text,
    )


def _corpus(
    text: str, published: str | None, confidence: str = "high", reference: object = None, method: str = "test"
) -> Corpus:
    source = _source(text, published, confidence, method)
    day = dt.date.fromisoformat(published) if published else None
    dates = tuple(extract_dates(text, day))
    claim = Claim(
        "clm-1",
        "src-1",
        text,
        Span(0, len(text)),
        Selector(text, "", ""),
        "date",
        1.0,
        (),
        (),
        dates,
        NO_ATTRIBUTION,
        Span(0, len(text)),
    )
    return Corpus((source,), (claim,), reference)


def _rules(corpus: Corpus) -> list[str]:
    return sorted(flag.rule for _, flag in run_rules(corpus).flags if flag.kind == "misdated")


def test_after_publication_needs_a_trusted_publication_date() -> None:
    text = "The court handed down its verdict on May 9, the lawyer said."
    assert _rules(_corpus(text, "2023-05-02")) == ["misdated.after_publication"]
    assert _rules(_corpus(text, "2023-05-02", confidence="low")) == []
    assert _rules(_corpus(text, "2023-05-12")) == []


def test_unknown_or_low_confidence_publication_is_noted() -> None:
    text = "The court handed down its verdict on 9 May 2023, the lawyer said."
    notes = list(MisdatedPublication().source_notes(_corpus(text, None)))
    assert [n.code for _, n in notes] == ["published_unknown"]
    assert "date checks that need it were skipped" in notes[0][1].message
    low = list(MisdatedPublication().source_notes(_corpus(text, "2023-05-02", confidence="low")))
    assert [n.code for _, n in low] == ["published_low_confidence"]


def test_plans_and_bounds_are_not_events() -> None:
    assert _rules(_corpus("The hearing was scheduled for May 9, the lawyer said.", "2023-05-02")) == []
    assert _rules(_corpus("The talks were postponed until May 9, the lawyer said.", "2023-05-02")) == []


def test_plans_invitations_and_notes_after_publication_are_not_past_events() -> None:
    published = "2023-11-07"
    for text in (
        "Members asked to see the documents well ahead of a Nov. 29 meeting, the trust said.",
        "Come November 19, buyers who paid $129 will receive a controller.",
        "Correction added Nov. 18, 2023: the caption misnamed the researcher.",
        "Updated Nov. 9, 2023: the council confirmed the figures.",
        "ATTEND a two-day symposium with respected trainers, Nov. 28–29, at Riveredge.",
        "The Davis Cup finals, which are sponsored by a bank, takes place 18-24 November.",
    ):
        assert _rules(_corpus(text, published)) == [], text
    # a past event after publication is still flagged
    assert _rules(_corpus("The council approved the budget on Nov. 29, the clerk said.", published)) == [
        "misdated.after_publication"
    ]


def test_a_whole_page_guess_of_1_january_alone_is_not_trusted() -> None:
    text = "The court handed down its verdict on 30 June 1997, the lawyer said."
    assert _rules(_corpus(text, "1996-01-01", confidence="medium", method="htmldate")) == []
    assert _rules(_corpus(text, "1996-01-02", confidence="medium", method="htmldate")) == [
        "misdated.after_publication"
    ]
    assert _rules(_corpus(text, "1996-01-01", confidence="high", method="json-ld")) == [
        "misdated.after_publication"
    ]


def test_future_seen_from_the_past_is_not_a_tense_error() -> None:
    text = "Python 3.5, to be released several months later in September 2015, would be the minimum version."
    assert _rules(_corpus(text, "2020-01-13")) == []


def test_weekday_mismatch_without_publication_date() -> None:
    assert _rules(_corpus("The strike began on Tuesday, 4 July 2022, the union said.", None)) == [
        "misdated.weekday"
    ]
    assert _rules(_corpus("The strike began on Monday, 4 July 2022, the union said.", None)) == []


def test_title_right_on_the_event_date_is_not_an_error() -> None:
    dated = "President Joe Biden signed the order on 3 March 2023, according to the Treasury."
    assert _rules(_corpus(dated, "2025-03-10", reference=LEDGER)) == []
    undated = "President Joe Biden announced new aid, according to a statement."
    assert _rules(_corpus(undated, "2025-03-10", reference=LEDGER)) == ["misdated.office_term"]
    assert _rules(_corpus(undated, "2025-03-10", confidence="low", reference=LEDGER)) == []


def test_former_title_and_qualified_titles() -> None:
    former = "Former President Donald Trump met Putin, the Kremlin said."
    assert _rules(_corpus(former, "2025-03-10", reference=LEDGER)) == ["misdated.former_title"]
    assert _rules(_corpus(former, "2023-03-10", reference=LEDGER)) == []
    other_office = "Russian President Vladimir Putin and Vice President JD Vance spoke, the Kremlin said."
    corpus = _corpus(other_office, "2025-03-10", reference=LEDGER)
    assert [(u.person, u.title) for u in title_uses(corpus.claims[0], LEDGER)] == [
        ("JD Vance", "Vice President")
    ]
    assert _rules(corpus) == []


def test_a_large_ledger_finds_the_same_titles() -> None:
    """Hundreds of other office holders (a real ledger) change nothing: each person is looked for only
    where the text holds their surname, and the surname alone still counts ("President Trump")."""
    others = tuple(
        replace(
            LEDGER.roles[0], person=f"Person{i} Holder{i}", aliases=(f"Commissioner{i % 40}",), line=1000 + i
        )
        for i in range(600)
    )
    large = replace(LEDGER, roles=LEDGER.roles + others)
    text = "Former President Trump met Commissioner7 Holder7 and Vice President JD Vance, the Kremlin said."
    corpus = _corpus(text, "2025-03-10", reference=large)
    found = [(u.person, u.title, u.former) for u in title_uses(corpus.claims[0], large)]
    assert found == [
        ("Donald Trump", "President", True),
        ("Person7 Holder7", LEDGER.roles[0].title, False),
        ("JD Vance", "Vice President", False),
    ]


def test_ledger_conflict_and_support_carry_the_row() -> None:
    wrong = _corpus(
        "Trump and Putin held a phone call on 18 February 2025, the Kremlin said.",
        "2025-03-10",
        reference=LEDGER,
    )
    flags = [f for _, f in MisdatedLedger().check(wrong)]
    assert [f.rule for f in flags] == ["misdated.ledger_event"]
    row = flags[0].evidence[1].reference
    assert (
        row is not None and row["date"] == "2025-02-12" and row["file"] == "events.csv" and row["line"] == "2"
    )
    right = _corpus(
        "Trump and Putin held a phone call on 12 February 2025, the Kremlin said.",
        "2025-03-10",
        reference=LEDGER,
    )
    assert list(MisdatedLedger().check(right)) == []
    support = list(MisdatedLedger().support(right))
    assert [e.type for _, e in support] == ["reference"]


def test_ledger_conflict_names_another_event_the_date_fits() -> None:
    text = (
        "After Trump's call to Putin on 18 February 2025, the two sides held a summit in Saudi Arabia, "
        "the Kremlin said."
    )
    flags = [f for _, f in MisdatedLedger().check(_corpus(text, "2025-03-10", reference=LEDGER))]
    assert [f.rule for f in flags] == ["misdated.ledger_event"]
    assert "The date is right for the US–Russia talks in Riyadh (events.csv, line 3)" in flags[0].message
    notes = [e.note for e in flags[0].evidence]
    assert notes[-1] == "ledger, same date: US–Russia talks in Riyadh on 2025-02-18"
    alone = "Trump and Putin held a phone call on 18 February 2025, the Kremlin said."
    lone_flags = [f for _, f in MisdatedLedger().check(_corpus(alone, "2025-03-10", reference=LEDGER))]
    assert "The date is right for" not in lone_flags[0].message
    assert len(lone_flags[0].evidence) == 2
