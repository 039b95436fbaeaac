"""``misdated.relative_offset``: a relative date and the absolute date stated with it disagree.

"The summit opened on 3 May. Six days later, on 12 May, …": "six days later" gives 9 May, the text says 12 May.
The dates layer resolves the relative expression from the date before it (``relative_to_previous``, or from the
publication date for "two days ago": ``relative_to_published``) and keeps the stated offset
(``DateMention.relative_days``); this rule compares it with a calendar date that follows it directly ("six days
later, on 12 May", "yesterday (May 3)"), separated by nothing but punctuation and "on". Only such a juxtaposition
is checked: a later date in another clause may well be another event.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from audit.corpus.index import Corpus
from audit.flags.misdated.context import lexicon, publication
from audit.flags.rule import Rule
from audit.model import DateMention, Evidence, Flag, FlagKind

KIND: FlagKind = "misdated"
RULES = {
    "misdated.relative_offset": "A relative date (“six days later”) contradicts the calendar date stated with it.",
}

_JOINER = re.compile(r"^[\s,;:(\[–—-]*(?:on|in|that is|i\.e\.|namely)?[\s,(\[–—-]*$", re.IGNORECASE)


def _pairs(dates: tuple[DateMention, ...], text: str) -> Iterator[tuple[DateMention, DateMention]]:
    gap = int(lexicon().relative_max_gap_chars)
    for relative, stated in pairwise(dates):
        if relative.relative_days is None or relative.iso is None or relative.precision != "day":
            continue
        if stated.resolution not in ("absolute", "year_from_published") or stated.precision != "day":
            continue
        between = text[relative.span.end : stated.span.start]
        if len(between) <= gap and _JOINER.match(between):
            yield relative, stated


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        source = corpus.source_by_id[claim.source_id]
        usable = publication(source).usable
        for relative, stated in _pairs(claim.dates, source.text):
            if relative.iso == stated.iso:
                continue
            if relative.resolution == "relative_to_story":
                continue  # anchored to a date far back in the article: too unsure to flag
            from_published = relative.resolution == "relative_to_published"
            if (from_published or stated.resolution == "year_from_published") and not usable:
                continue
            anchor = "the publication date" if from_published else "the date stated before it"
            message = (
                f"“{relative.text}” counts from {anchor} ({relative.anchor}) to {relative.iso}, but the text "
                f"dates it “{stated.text}” ({stated.iso})."
            )
            evidence = tuple(
                Evidence.in_claim(claim, note, mention.span, mention.text)
                for mention, note in (
                    (relative, f"the relative date, counted from {relative.anchor}"),
                    (stated, "the calendar date stated with it"),
                )
            )
            yield claim.claim_id, Flag(KIND, "misdated.relative_offset", "medium", message, evidence)


class MisdatedRelative(Rule):
    id = "misdated.relative"
    kind = KIND
    rules = RULES
    reads = ("claim.dates", "source.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
