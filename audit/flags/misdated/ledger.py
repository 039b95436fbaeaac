"""``misdated.ledger_event``: a claim dates an event of the reference ledger differently from the ledger.

A date mention refers to a ledger event when the claim names at least two of the event's participants (all of
them when it has fewer) and the event is the one the date is attached to: the mention's event kind from the dates
layer ("call" for "Trump's call to Putin" and "held a 90-minute phone call") is one of the event's keywords, or,
when the dates layer found no kind, one of the keywords stands in the date's own clause ("in the White House on
the 28 March"). Matching is by surname and keyword, never by exact phrasing.

When a matching event falls within the mention's date the claim is confirmed (``support``: the ledger row as
``reference`` evidence); when none does, the nearest matching event is the conflict, with its row and source as
evidence. Bounds and plans ("since 2022", "until May 9") and year-only dates are never compared.

When another source dates the same event differently (``contested.event_date``) and the ledger confirms that
source, the ledger decides: a mention the ledger could not match by itself (it names too few of the event's
participants: "the outage that began on July 12") is flagged as well, with the confirming source as evidence.

A conflicting date that is right for another ledger event the same claim also mentions (by one of its keywords:
"Trump's call to Putin on 18 February 2025, the US and Russia held a summit in Saudi Arabia") is said in the message
and given as evidence, so the editor sees at once which event the date may belong to.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from audit.corpus.events import compare_dates
from audit.corpus.independence import source_label
from audit.corpus.index import Corpus
from audit.flags.misdated.context import DEPENDS_ON_PUBLISHED, describe, event_mentions, interval, publication
from audit.flags.rule import Rule
from audit.ingest.ledger import Ledger, LedgerEvent
from audit.model import Claim, DateMention, Evidence, Flag, FlagKind, Severity

KIND: FlagKind = "misdated"
RULES = {
    "misdated.ledger_event": "A claim dates an event of the reference ledger differently from the ledger."
}

_CLAUSE_BREAK = re.compile(r"[,;:.!?()\n—–]")


@dataclass(frozen=True, slots=True)
class Match:
    claim: Claim
    mention: DateMention
    event: LedgerEvent
    agrees: bool


def _names(participant: str) -> list[str]:
    """The forms a participant takes in text: the full name and, for a multi-word name, its last word."""
    words = participant.split()
    forms = [participant]
    if len(words) > 1 and len(words[-1]) >= 4 and words[-1][0].isupper():
        forms.append(words[-1])
    return forms


@lru_cache(maxsize=4096)
def _name_form(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(form)}\w{{0,2}}(?!\w)")


@lru_cache(maxsize=4096)
def _keyword_form(keyword: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(keyword)}(?:s|es|ed)?(?!\w)")


def _named(participant: str, text: str) -> bool:
    # a form absent as a substring cannot match: most of a large ledger is ruled out without a regex
    return any(form in text and _name_form(form).search(text) for form in _names(participant))


def _keyword_in(keyword: str, text: str) -> bool:
    needle, haystack = keyword.lower(), text.lower()
    return needle in haystack and _keyword_form(needle).search(haystack) is not None


def _clause(text: str, mention: DateMention, low: int, high: int) -> str:
    left = max((m.end() for m in _CLAUSE_BREAK.finditer(text, low, mention.span.start)), default=low)
    right = next((m.start() for m in _CLAUSE_BREAK.finditer(text, mention.span.end, high)), high)
    return text[left:right]


def _refers(event: LedgerEvent, claim: Claim, mention: DateMention, text: str) -> bool:
    named = sum(1 for p in event.participants if _named(p, claim.text))
    if named < min(2, len(event.participants)):
        return False
    kind = mention.event.kind if mention.event else None
    if kind:
        return any(_keyword_in(kind, keyword) or keyword.lower() == kind for keyword in event.keywords)
    clause = _clause(text, mention, claim.span.start, claim.span.end)
    return any(_keyword_in(keyword, clause) for keyword in event.keywords)


def matches(corpus: Corpus) -> Iterator[Match]:
    """Every (claim, mention) that refers to a ledger event, with the event it is compared to."""
    ledger = corpus.reference
    if not isinstance(ledger, Ledger) or not ledger.events:
        return
    for claim in corpus.claims:
        source = corpus.source_by_id[claim.source_id]
        usable = publication(source).usable
        for mention in event_mentions(claim, source.text):
            bounds = interval(mention)
            if bounds is None or mention.precision == "year":
                continue
            if mention.resolution in DEPENDS_ON_PUBLISHED and not usable:
                continue
            events = [e for e in ledger.events if _refers(e, claim, mention, source.text)]
            if not events:
                continue
            agreeing = [e for e in events if bounds[0] <= e.date <= bounds[1]]
            if agreeing:
                yield Match(claim, mention, agreeing[0], True)
            else:
                nearest = min(events, key=lambda e: (abs((e.date - bounds[0]).days), e.event_id))
                yield Match(claim, mention, nearest, False)


def _index(claim: Claim, mention: DateMention) -> int:
    return next(i for i, m in enumerate(claim.dates) if m is mention)


def ledger_confirmed(corpus: Corpus) -> dict[tuple[str, int], LedgerEvent]:
    """The date mentions the ledger confirms, as (claim id, index into ``Claim.dates``), with the event."""
    return {(m.claim.claim_id, _index(m.claim, m.mention)): m.event for m in matches(corpus) if m.agrees}


def _against_confirmed(corpus: Corpus) -> Iterator[tuple[Claim, DateMention, LedgerEvent, Claim]]:
    """Dates that another source dates differently (``contested.event_date``) where the ledger confirms the other
    source and says nothing of this mention itself (it names too few of the event's participants): the ledger
    decides, this one is misdated. With the claim of the confirmed side."""
    confirmed = ledger_confirmed(corpus)
    if not confirmed:
        return
    matched = {(m.claim.claim_id, _index(m.claim, m.mention)) for m in matches(corpus)}
    for ref, others in compare_dates(corpus).conflicting.items():
        if ref in matched:
            continue
        claim = corpus.claim_by_id[ref[0]]
        mention = claim.dates[ref[1]]
        bounds = interval(mention)
        for other in others:
            event = confirmed.get(other)
            if event is not None and bounds is not None and not bounds[0] <= event.date <= bounds[1]:
                yield claim, mention, event, corpus.claim_by_id[other[0]]
                break


def _row_evidence(event: LedgerEvent, note: str) -> Evidence:
    return Evidence(type="reference", note=note, text=event.source, reference=event.evidence_row())


def _same_date_events(corpus: Corpus, match: Match) -> list[LedgerEvent]:
    """Other ledger events on the mention's date that the claim also mentions by a keyword."""
    ledger = corpus.reference
    bounds = interval(match.mention)
    if not isinstance(ledger, Ledger) or bounds is None:
        return []
    return [
        event
        for event in ledger.events
        if event is not match.event
        and bounds[0] <= event.date <= bounds[1]
        and any(_keyword_in(keyword, match.claim.text) for keyword in event.keywords)
    ]


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for match in matches(corpus):
        if match.agrees:
            continue
        claim, mention, event = match.claim, match.mention, match.event
        message = (
            f"{describe(mention)} dates the {event.name}, which the reference ledger has on "
            f"{event.date.isoformat()} ({event.file}, line {event.line})."
        )
        others = _same_date_events(corpus, match)
        if others:
            named = "; ".join(f"the {other.name} ({other.file}, line {other.line})" for other in others)
            message += (
                f" The date is right for {named}, which the same sentence also mentions: "
                "check which event it belongs to."
            )
        severity: Severity = "high" if mention.resolution == "absolute" else "medium"
        evidence = (
            Evidence.in_claim(claim, "the date the claim gives the event", mention.span, mention.text),
            _row_evidence(event, f"ledger: {event.name} on {event.date.isoformat()}"),
            *(
                _row_evidence(other, f"ledger, same date: {other.name} on {other.date.isoformat()}")
                for other in others
            ),
        )
        yield claim.claim_id, Flag(KIND, "misdated.ledger_event", severity, message, evidence)


def _decided_flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim, mention, event, other in _against_confirmed(corpus):
        label = source_label(corpus.source_by_id[other.source_id])
        message = (
            f"{describe(mention)} dates the {event.name}, which the reference ledger has on "
            f"{event.date.isoformat()} ({event.file}, line {event.line}), as {label} does."
        )
        severity: Severity = "high" if mention.resolution == "absolute" else "medium"
        evidence = (
            Evidence.in_claim(claim, "the date the claim gives the event", mention.span, mention.text),
            _row_evidence(event, f"ledger: {event.name} on {event.date.isoformat()}"),
            Evidence(
                type="claim",
                note=f"{label} dates it as the ledger does",
                source_id=other.source_id,
                claim_id=other.claim_id,
                text=other.text,
            ),
        )
        yield claim.claim_id, Flag(KIND, "misdated.ledger_event", severity, message, evidence)


def _support(corpus: Corpus) -> Iterator[tuple[str, Evidence]]:
    """Claims whose date agrees with the ledger: the row that confirms them."""
    for match in matches(corpus):
        if match.agrees:
            note = f"confirmed by the reference ledger: {match.event.name} on {match.event.date.isoformat()}"
            yield match.claim.claim_id, _row_evidence(match.event, note)


class MisdatedLedger(Rule):
    id = "misdated.ledger"
    kind = KIND
    rules = RULES
    reads = (
        "claim.dates",
        "claim.text",
        "source.independence_group",
        "source.story",
        "source.text",
        "reference.events",
    )

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        yield from _flags(corpus)
        yield from _decided_flags(corpus)

    def support(self, corpus: Corpus) -> Iterator[tuple[str, Evidence]]:
        return _support(corpus)
