"""``misdated`` against the publication date: events reported as past but dated after it, future tense for dates
long gone.

- ``misdated.after_publication``: a past-tense clause dates its event after the article's own publication date
  ("published 2023-05-02 … the verdict handed down on May 9"). Plans, deadlines and bounds ("was scheduled for
  May 9", "until May 9") are not events and are skipped.
- ``misdated.tense``: a future-tense clause ("will meet on 3 March 2024") for a stated date more than
  ``tense_min_days_past`` days before publication; skipped when the claim reports someone's forecast ("said …
  will"), which may be quoted from the past.

Both need a publication date known to the day and not of low confidence (``audit.flags.misdated.context.publication``);
otherwise the source gets a note saying the checks were skipped, and no flag is raised.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from audit.corpus.index import Corpus
from audit.flags.misdated.context import (
    UNSURE_ANCHORS,
    dates_an_event,
    describe,
    interval,
    lexicon,
    other_year,
    planned,
    publication,
    reported_future,
)
from audit.flags.rule import Rule
from audit.model import Claim, DateMention, Evidence, Flag, FlagKind, Severity, SourceWarning

KIND: FlagKind = "misdated"
RULES = {
    "misdated.after_publication": "An event reported as having happened is dated after the article was published.",
    "misdated.tense": "A date long past at publication is described in the future tense.",
}


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        source = corpus.source_by_id[claim.source_id]
        pub = publication(source)
        if not pub.usable or pub.day is None:
            continue
        for mention in claim.dates:
            bounds = interval(mention)
            if bounds is None or mention.precision == "year" or mention.resolution == "relative_to_published":
                continue
            if mention.resolution in UNSURE_ANCHORS:
                continue
            yield from _after_publication(claim, source.text, mention, bounds, pub.day, pub.method)
            yield from _tense(claim, source.text, mention, bounds, pub.day, pub.method)


def _published_evidence(claim: Claim, day: dt.date, method: str | None) -> Evidence:
    return Evidence(
        type="source",
        note=f"the article's publication date ({method or 'metadata'})",
        source_id=claim.source_id,
        text=day.isoformat(),
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
    if not dates_an_event(mention, text, "after_publication_skip_words"):
        return
    days = (bounds[0] - published).days
    if mention.resolution == "year_from_published" and (
        mention.precision != "day" or days > int(lexicon().partial_max_days_after)
    ):
        return  # "in February", "Jan. 31" in a past clause: last year's is as likely as a misdating
    if mention.resolution == "year_from_published" and other_year(mention, text, claim):
        return  # "the year-ago quarter ended Oct. 31": the claim itself says another year is meant
    severity: Severity = "medium"  # the publication date disagrees; which is wrong is for the editor to see
    message = (
        f"{describe(mention)} is reported as past but falls {days} day{'s' if days != 1 else ''} after the "
        f"article's publication date, {published.isoformat()}."
    )
    evidence = (
        Evidence.in_claim(claim, "the date, in a past-tense clause", mention.span, mention.text),
        _published_evidence(claim, published, method),
    )
    yield claim.claim_id, Flag(KIND, "misdated.after_publication", severity, message, evidence)


def _tense(
    claim: Claim,
    text: str,
    mention: DateMention,
    bounds: tuple[dt.date, dt.date],
    published: dt.date,
    method: str | None,
) -> Iterator[tuple[str, Flag]]:
    if mention.tense != "future" or mention.resolution != "absolute" or reported_future(claim):
        return
    if not dates_an_event(mention, text):
        return
    days = (published - bounds[1]).days
    if days <= int(lexicon().tense_min_days_past):
        return
    message = (
        f"{describe(mention)} is described in the future tense, but it was {days} days in the past when the "
        f"article was published on {published.isoformat()}."
    )
    evidence = (
        Evidence.in_claim(claim, "the date, in a future-tense clause", mention.span, mention.text),
        _published_evidence(claim, published, method),
    )
    yield claim.claim_id, Flag(KIND, "misdated.tense", "medium", message, evidence)


def _source_notes(corpus: Corpus) -> Iterator[tuple[str, SourceWarning]]:
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


class MisdatedPublication(Rule):
    id = "misdated.publication"
    kind = KIND
    rules = RULES
    reads = ("claim.dates", "source.published", "source.metadata_evidence", "source.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)

    def source_notes(self, corpus: Corpus) -> Iterator[tuple[str, SourceWarning]]:
        return _source_notes(corpus)
