"""Poll findings: "a poll by St. Pete Polls had Clinton leading", "the forecast gives Clinton an 87 percent
chance" attribute a standing in the race to the poll, though "has" and "gives" report nothing elsewhere.

The verb ("has", "had", "gives", "gave", "puts", "put", "shows") must have a poll as its subject (head
``poll``, ``survey``, ``forecast``, ``model``, ``average``, ``polling`` and plurals, as the source noun
phrase of :func:`audit.claim_extraction.attribution.source_phrase.np_before` finds it) and an object that states a standing: a
word such as "leading", "ahead", "lead", "edge" or "chance" before the clause ends (and before a
comma). In a Title Case headline (:mod:`audit.claim_extraction.attribution.headline`) "New Poll Gives Clinton A Lead" too. "The poll has a margin
of error of three points" is no finding. The source is the poll's owner when it is named ("a poll by
Quinnipiac University", according_to), else the unnamed poll (vague). Deterministic.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from audit.claim_extraction.attribution.content import trim
from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, is_possessive
from audit.claim_extraction.attribution.source_phrase import np_before
from audit.claim_extraction.attribution.verbs import Found, cue_span_of, from_phrase
from audit.model import Span

POLL_VERBS = frozenset({"has", "had", "gives", "gave", "give", "puts", "put", "shows", "showed", "show"})
POLLS = frozenset(
    {"poll", "polls", "survey", "surveys", "forecast", "forecasts", "model", "models", "average", "polling"}
)
STANDING = frozenset({"leading", "lead", "ahead", "edge", "advantage", "chance", "trailing", "tied"})
_CLAUSE_END = frozenset({".", ";", "!", "?", "—"})


def standing_end(toks: Sequence[Tok], k: int) -> int | None:
    """The last token of an object from ``k`` that states a standing ("Clinton leading Trump by 48% to
    42%"), up to the end of the clause; None when no standing word comes before a comma or the end."""
    seen = False
    end = k
    while end < len(toks) and toks[end].text not in _CLAUSE_END:
        if toks[end].low in STANDING:
            seen = True
        if toks[end].text == "," and not seen:
            return None
        end += 1
    return end - 1 if seen and end > k else None


def poll_cue(text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon) -> Found | None:
    """The poll finding whose verb is token ``i`` ("… poll had Clinton leading …"), or None."""
    if toks[i].low not in POLL_VERBS or toks[i].cap or i + 1 >= len(toks):
        return None
    phrase = np_before(toks, i, lex)
    if (
        phrase is None
        or phrase.kind not in {"org", "vague"}
        or not any(toks[k].low in POLLS for k in range(phrase.first, phrase.last + 1))
    ):
        return None
    end = standing_end(toks, i + 1)
    if end is None:
        return None
    content = trim(text, toks[i + 1].start, toks[end].end)
    cue, cue_span = cue_span_of(toks, i, i)
    owner = _owner(toks, phrase.first, phrase.last) if phrase.kind == "vague" else None
    if owner is not None:  # "a poll by St. Pete Polls, a … firm, had", "HuffPost’s forecast gives"
        phrase = dataclasses.replace(
            phrase, kind="org", speaker=text[owner.start : owner.end], speaker_span=owner
        )
    return Found(
        min(toks[i].start, phrase.start),
        from_phrase(text, phrase, "according_to", cue, cue_span, content),
        phrase,
    )


def _owner(toks: Sequence[Tok], first: int, last: int) -> Span | None:
    """The named owner of an unnamed poll phrase: the capitalised words after its "by" ("a poll by St.
    Pete Polls"), or a capitalised possessive just before it ("HuffPost’s presidential forecast")."""
    for k in range(first, last):
        if toks[k].low == "by" and toks[k + 1].cap:
            end = k + 1
            while end + 1 <= last and (toks[end + 1].cap or toks[end + 1].text == "."):
                end += 1
            return Span(toks[k + 1].start, toks[end].end)
    before = toks[first - 1] if first > 0 else None
    if before is not None and before.cap and is_possessive(before.text):
        return Span(before.start, before.end - 2)
    return None
