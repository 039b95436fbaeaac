"""What the misdating rules share: how far to trust a publication date, and what a date mention dates.

The rules in ``audit/flags/misdated_*.py`` compare dates with the publication date, with each other and with the
reference ledger. Two questions come up in all of them and are answered here once:

1. *Can the publication date be used?* Only a day-precision date whose chosen metadata candidate is not of low
   confidence (a copyright-footer year, an htmldate guess, an htmldate day of 1 January that nothing else on the
   page states: a year padded to a day): a flag must never rest on a guess alone.
2. *Does this mention date an event?* "since 12 March", "until May 9", "was scheduled for May 9" state a date
   that is not when something happened; the rules skip them.

Lexicon and thresholds: ``audit/data/misdating.json``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from audit.data import settings
from audit.model import Claim, DateMention, Source

DEPENDS_ON_PUBLISHED = ("year_from_published", "relative_to_published")
UNSURE_ANCHORS = ("relative_to_story",)  # no misdated flag rests on an anchor the dates layer is unsure of


@dataclass(frozen=True, slots=True)
class MisdatingLexicon:
    """Cue words and windows of the misdating rules (``audit/data/misdating.json``)."""

    not_event_date_words: list[str]
    after_publication_skip_words: list[str]
    plan_cues: list[str]
    reported_future_cues: list[str]
    former_words: list[str]
    then_words: list[str]
    tense_min_days_past: int
    relative_max_gap_chars: int
    plan_window_chars: int
    partial_max_days_after: int
    plan_cues_after: list[str]
    plan_after_chars: int
    other_year_cues: list[str]
    other_year_window_chars: int


@cache
def lexicon() -> MisdatingLexicon:
    return settings("misdating", MisdatingLexicon)


@dataclass(frozen=True, slots=True)
class Publication:
    """The publication date of a source as the misdating rules see it."""

    day: dt.date | None
    confidence: str | None
    method: str | None

    @property
    def usable(self) -> bool:
        """Known to the day and not a low-confidence guess: rules that need it may raise flags."""
        return self.day is not None and self.confidence != "low"


def publication(source: Source) -> Publication:
    """The source's publication date with the confidence of the metadata candidate it was chosen from."""
    value = source.published
    day = None
    if value and len(value) == 10:
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            day = None
    evidence = source.metadata_evidence.get("published")
    if day is None or evidence is None:
        return Publication(day, None, None)
    chosen = [
        c
        for c in evidence.candidates
        if str(c.value)[:10] == value and c.method == evidence.method and c.location == evidence.location
    ] or [c for c in evidence.candidates if str(c.value)[:10] == value]
    confidence = max((c.confidence for c in chosen), key=("low", "medium", "high").index, default="medium")
    # a whole-page guess on 1 January, with nothing else for that day: a year padded out
    if (day.month, day.day) == (1, 1) and all(c.method == "htmldate" for c in chosen):
        confidence = "low"
    return Publication(day, confidence, evidence.method)


def interval(mention: DateMention) -> tuple[dt.date, dt.date] | None:
    """The first and last day a resolved mention covers ("2025-02" → 1 to 28 February)."""
    if mention.iso is None or mention.precision is None:
        return None
    if mention.precision == "day":
        day = dt.date.fromisoformat(mention.iso)
        return day, day
    if mention.precision == "month":
        first = dt.date.fromisoformat(mention.iso + "-01")
        following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
        return first, following - dt.timedelta(days=1)
    year = int(mention.iso[:4])
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z]+(?:-[a-z]+)?", text.lower())


def _has_cue(window: str, cues: list[str]) -> bool:
    lowered = " " + " ".join(_words(window)) + " "
    return any(f" {cue} " in lowered for cue in cues)


_RANGE_ENDS = frozenset({"through", "thru", "to", "until", "till", "and"})


def dates_an_event(mention: DateMention, text: str, words_key: str = "not_event_date_words") -> bool:
    """False for a date that bounds or qualifies something ("since 2022", "until May 9", "2023 or 2024").

    ``words_key`` names the lexicon list of words that, just before a date, make it a bound; the after-publication
    rule uses a narrower list, because "since", "as of" or "through" a date after publication is an error too.
    """
    before = _words(text[max(0, mention.span.start - 20) : mention.span.start])
    last_two = " ".join(before[-2:])
    words = set(getattr(lexicon(), words_key))
    if before and (before[-1] in words or last_two in words):
        return False
    # "free from Nov. 13 through the end of the year": the start of a period, not the date of an event
    after = _words(text[mention.span.end : mention.span.end + 40])
    return not (before and before[-1] == "from" and any(w in _RANGE_ENDS for w in after[:4]))


def planned(mention: DateMention, text: str, claim: Claim) -> bool:
    """A plan, deadline or forecast cue before the date in the same claim ("was scheduled for May 9", "will buy
    … through Nov. 17"), or a deadline cue just after it ("set Nov. 10 as the deadline")."""
    lex = lexicon()
    start = max(claim.span.start, mention.span.start - int(lex.plan_window_chars))
    end = min(claim.span.end, mention.span.end + int(lex.plan_after_chars))
    return _has_cue(text[start : mention.span.start], lex.plan_cues) or _has_cue(
        text[mention.span.end : end], lex.plan_cues_after
    )


def reported_future(claim: Claim) -> bool:
    """A reporting verb or forecast in the claim: a future tense may be reported speech from the past."""
    return _has_cue(claim.text, lexicon().reported_future_cues)


def other_year(mention: DateMention, text: str, claim: Claim) -> bool:
    """Just before the date the claim speaks of another year ("the year-ago quarter ended Oct. 31"): a partial
    date may be in that year."""
    start = max(claim.span.start, mention.span.start - int(lexicon().other_year_window_chars))
    return _has_cue(text[start : mention.span.start], lexicon().other_year_cues)


def event_mentions(claim: Claim, text: str) -> list[DateMention]:
    """The claim's resolved mentions that date an event (not bounds, plans or ranges)."""
    return [
        m
        for m in claim.dates
        if m.iso is not None and m.resolution not in UNSURE_ANCHORS and dates_an_event(m, text)
    ]


def describe(mention: DateMention) -> str:
    """How a message names a mention: the words and, when they differ, the date they resolve to."""
    if mention.iso and mention.iso != mention.text:
        return f"“{mention.text}” ({mention.iso})"
    return f"“{mention.text}”"
