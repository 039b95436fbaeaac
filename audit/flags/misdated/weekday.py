"""``misdated.weekday``: the weekday stated with a date is not the weekday of that date.

"Tuesday, 4 July 2022" when 4 July 2022 was a Monday: one of the two is wrong, and an editor can check which in
seconds. The dates layer keeps the stated weekday (``DateMention.weekday``) and ``audit.claim_extraction.dates.calendar.weekday_mismatch``
gives the real one.

A date stated with its year is checked as written. A date whose year was taken from the publication date ("Tuesday,
July 4") is checked only when the publication date is usable and the weekday is wrong in the years either side
too: otherwise the weekday may simply say which year was meant.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from audit.claim_extraction.dates.calendar import weekday_mismatch, weekday_name
from audit.corpus.index import Corpus
from audit.flags.misdated.context import publication
from audit.flags.rule import Rule
from audit.model import DateMention, Evidence, Flag, FlagKind, Severity

KIND: FlagKind = "misdated"
RULES = {"misdated.weekday": "The weekday stated with a date is not the weekday of that date."}


def _fits_another_year(mention: DateMention) -> bool:
    assert mention.iso is not None and mention.weekday is not None
    day = dt.date.fromisoformat(mention.iso)
    for year in (day.year - 1, day.year + 1):
        try:
            other = day.replace(year=year)
        except ValueError:  # 29 February
            continue
        if weekday_name(other).lower() == mention.weekday.lower():
            return True
    return False


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        source = corpus.source_by_id[claim.source_id]
        for mention in claim.dates:
            real = weekday_mismatch(mention)
            if real is None:
                continue
            if mention.resolution != "absolute":
                if mention.resolution != "year_from_published" or not publication(source).usable:
                    continue
                if _fits_another_year(mention):
                    continue
            message = (
                f"“{mention.text}” says {mention.weekday}, but {mention.iso} was a {real}: check which of the "
                "two is right."
            )
            evidence = (
                Evidence.in_claim(
                    claim,
                    f"the stated weekday and date ({mention.iso} is a {real})",
                    mention.span,
                    mention.text,
                ),
            )
            # a weekday that contradicts a fully stated date is hard evidence; with an inferred year, less so
            severity: Severity = "high" if mention.resolution == "absolute" else "medium"
            yield claim.claim_id, Flag(KIND, "misdated.weekday", severity, message, evidence)


class MisdatedWeekday(Rule):
    id = "misdated.weekday"
    kind = KIND
    rules = RULES
    reads = ("claim.dates", "source.published")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
