"""``misdated`` against the publication date: events reported as past but dated after it, future tense for dates
long gone.

- ``misdated.after_publication``: a past-tense clause dates its event after the article's own publication date
  ("published 2023-05-02 … the verdict handed down on May 9"). Plans, deadlines and bounds ("was scheduled for
  May 9", "until May 9") are not events and are skipped.
- ``misdated.tense``: a future-tense clause ("will meet on 3 March 2024") for a stated date more than
  ``tense_min_days_past`` days before publication; skipped when the claim reports someone's forecast ("said …
  will"), which may be quoted from the past.

Both need a publication date known to the day and not of low confidence (``audit.misdating.publication``);
otherwise the source gets a note saying the checks were skipped, and no flag is raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from audit.corpus import Corpus
from audit.misdating import (
    DEPENDS_ON_PUBLISHED,
    describe,
    event_mentions,
    interval,
    lexicon,
    planned,
    publication,
    reported_future,
)
from audit.model import Claim, DateMention, Evidence, Flag, FlagKind, Severity, SourceWarning

KIND: FlagKind = "misdated"
RULES = {
    "misdated.after_publication": "An event reported as having happened is dated after the article was published.",
    "misdated.tense": "A date long past at publication is described in the future tense.",
}


def check(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        source = corpus.source_by_id[claim.source_id]
        pub = publication(source)
        if not pub.usable or pub.day is None:
            continue
        for mention in event_mentions(claim, source.text):
            bounds = interval(mention)
            if bounds is None or mention.precision == "year" or mention.resolution == "relative_to_published":
                continue
            yield from _after_publication(claim, source.text, mention, bounds, pub.day, pub.method)
            yield from _tense(claim, mention, bounds, pub.day, pub.method)


def _published_evidence(claim: Claim, day: dt.date, method: str | None) -> Evidence:
    return Evidence(
        type="source",
        note=f"the article's publication date ({method or 'metadata'})",
        source_id=claim.source_id,
        text=day.isoformat(),
    )


def _mention_evidence(claim: Claim, mention: DateMention, note: str) -> Evidence:
    return Evidence(
        type="span",
        note=note,
        source_id=claim.source_id,
        claim_id=claim.claim_id,
        span=mention.span,
        text=mention.text,
    )


def _after_publication(
    claim: Claim,
    text: str,
    mention: DateMention,
    bounds: tuple[dt.date, dt.date],
    published: dt.date,
    method: str | None,
) -> Iterator[tuple[str, Flag]]:
    if mention.tense != "past" or bounds[0] <= published or planned(mention, text, claim):
        return
    days = (bounds[0] - published).days
    severity: Severity = "medium" if mention.resolution in DEPENDS_ON_PUBLISHED else "high"
    message = (
        f"{describe(mention)} is reported as past but falls {days} day{'s' if days != 1 else ''} after the "
        f"article's publication date, {published.isoformat()}."
    )
    evidence = (
        _mention_evidence(claim, mention, "the date, in a past-tense clause"),
        _published_evidence(claim, published, method),
    )
    yield claim.claim_id, Flag(KIND, "misdated.after_publication", severity, message, evidence)


def _tense(
    claim: Claim,
    mention: DateMention,
    bounds: tuple[dt.date, dt.date],
    published: dt.date,
    method: str | None,
) -> Iterator[tuple[str, Flag]]:
    if mention.tense != "future" or mention.resolution != "absolute" or reported_future(claim):
        return
    days = (published - bounds[1]).days
    if days <= int(lexicon()["tense_min_days_past"]):
        return
    message = (
        f"{describe(mention)} is described in the future tense, but it was {days} days in the past when the "
        f"article was published on {published.isoformat()}."
    )
    evidence = (
        _mention_evidence(claim, mention, "the date, in a future-tense clause"),
        _published_evidence(claim, published, method),
    )
    yield claim.claim_id, Flag(KIND, "misdated.tense", "medium", message, evidence)


def source_notes(corpus: Corpus) -> Iterator[tuple[str, SourceWarning]]:
    """Say when the date checks that need the publication date were skipped, and why."""
    dated = {claim.source_id for claim in corpus.claims if claim.dates}
    for source in corpus.sources:
        if source.status != "ok" or source.source_id not in dated:
            continue
        pub = publication(source)
        if pub.day is None:
            yield (
                source.source_id,
                SourceWarning(
                    "published_unknown",
                    "publication date unknown: date checks that need it were skipped",
                ),
            )
        elif not pub.usable:
            yield (
                source.source_id,
                SourceWarning(
                    "published_low_confidence",
                    f"publication date {pub.day.isoformat()} is a low-confidence guess ({pub.method}): date checks "
                    "that need it raise no flags",
                ),
            )
