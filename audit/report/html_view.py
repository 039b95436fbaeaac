"""The HTML report's view: the ``AuditResult`` shaped into plain records the template only has to print.

One card per flag (so filters by kind and severity are exact), each with the claim's paragraph split into
segments for highlighting (the claim, and evidence spans of the same source), the evidence as lines, other
sources' claims (contesting evidence and ``Claim.support``) shown side by side with their own paragraph, and
reference-ledger rows with their source links. Every string here is plain text: escaping is the template's job.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from audit.extract.signals import SIGNAL_NAMES
from audit.flags.registry import all_rules
from audit.model import (
    FLAG_KINDS,
    AuditResult,
    Claim,
    Evidence,
    FactCheckMatch,
    Flag,
    FlagReview,
    Source,
    Span,
)
from audit.report.charts import FlagChart, Timeline, flag_chart, timeline
from audit.report.summary import SEVERITY_RANK, evidence_line, flagged_claims
from audit.store.keys import FlagIdentity, Keys
from audit.store.ratings import scale

SAFE_SCHEMES = {"http", "https", "mailto"}
SEVERITY_SYMBOL = {"high": "▲", "medium": "◆", "low": "●"}
KIND_LABEL = {
    "unsupported": "A fact stated with no source",
    "vague_attribution": "Rests on unnamed sources",
    "single_source_figure": "A figure only one independent source gives",
    "contested": "Other sources say otherwise",
    "misdated": "A date that does not fit the record or the text",
    "silent_edit": "A figure, date or quote changed between copies with no correction notice",
}


def safe_url(url: str | None) -> str | None:
    """The URL if its scheme is http, https or mailto; otherwise None (so no link is made)."""
    if not url:
        return None
    candidate = url.strip()
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in candidate) or "\\" in candidate:
        return None
    scheme = urlsplit(candidate).scheme.lower()
    return candidate if scheme in SAFE_SCHEMES else None


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    role: str  # "", "claim", "evidence" or "claim evidence"


@dataclass(frozen=True, slots=True)
class ClaimView:
    """A claim shown in its paragraph, with where it comes from."""

    claim: Claim
    source: Source
    segments: tuple[Segment, ...]
    anchor: str  # the element id to link to: the claim's first card if flagged, else its source's section


@dataclass(frozen=True, slots=True)
class EvidenceView:
    evidence: Evidence
    line: str
    other: ClaimView | None = None  # type "claim": the other source's claim, side by side
    url: str | None = None  # a ledger row's source link (http/https/mailto only)


@dataclass(frozen=True, slots=True)
class Card:
    card_id: str
    claim_anchor: str | None  # set on the claim's first card
    flag: Flag
    here: ClaimView
    evidence: tuple[EvidenceView, ...]
    sides: tuple[EvidenceView, ...]  # evidence of type "claim": contesting or related claims
    support: tuple[EvidenceView, ...]
    order: int
    identity: FlagIdentity
    review: FlagReview | None = None  # what the audit store knows of it (``audit run --db``)
    fact_checks: tuple[FactCheckMatch, ...] = ()  # earlier fact-checks the claim matches


@dataclass(frozen=True, slots=True)
class SignalRow:
    name: str
    label: str
    value: str
    detail: str
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SourceView:
    source: Source
    url: str | None
    signals: tuple[SignalRow, ...]
    flags: int


@dataclass(frozen=True, slots=True)
class StoryView:
    """The audited sources that report one story (``Source.story``), named by its first source's title."""

    story_id: str
    label: str
    sources: tuple[SourceView, ...]
    independent: int  # independence groups among them


@dataclass
class View:
    cards: list[Card] = field(default_factory=list)
    sources: list[SourceView] = field(default_factory=list)
    stories: list[StoryView] = field(default_factory=list)
    kinds: list[tuple[str, str, str]] = field(default_factory=list)  # kind, label, rules
    data: dict[str, Any] = field(default_factory=dict)
    flag_chart: FlagChart | None = None
    timeline: Timeline | None = None
    states: dict[str, int] = field(default_factory=dict)  # review state -> flags, when recorded in a store
    fact_checks: list[tuple[Claim, FactCheckMatch]] = field(default_factory=list)


def segments(text: str, paragraph: Span, marks: list[tuple[Span, str]]) -> tuple[Segment, ...]:
    """``text[paragraph]`` cut at every mark boundary, each piece labelled with the marks covering it."""
    start, end = paragraph.start, paragraph.end
    cuts = {start, end}
    inside = [
        (max(s.start, start), min(s.end, end), role) for s, role in marks if s.start < end and s.end > start
    ]
    for a, b, _ in inside:
        cuts |= {a, b}
    points = sorted(cuts)
    out = []
    for a, b in itertools.pairwise(points):
        roles = sorted({role for s, e, role in inside if s <= a and b <= e})
        if b > a:
            out.append(Segment(text[a:b], " ".join(roles)))
    return tuple(out)


def _claim_view(
    claim: Claim, source: Source, anchors: dict[str, str], extra: list[Span] | None = None
) -> ClaimView:
    marks = [(claim.span, "claim")] + [(span, "evidence") for span in extra or []]
    paragraph = Span(min(claim.paragraph.start, claim.span.start), max(claim.paragraph.end, claim.span.end))
    return ClaimView(
        claim, source, segments(source.text, paragraph, marks), anchors.get(claim.claim_id, source.source_id)
    )


def _signal_value(value: Any) -> str:
    if value is None:
        return "unknown"
    if value is True:
        return "yes"
    if value is False:
        return "no"
    if isinstance(value, float):
        return f"{value:.0%}"
    return str(value)


def _signal_rows(source: Source) -> tuple[SignalRow, ...]:
    rows = []
    for name in SIGNAL_NAMES:
        signal = source.signals.get(name)
        if not isinstance(signal, dict):
            continue
        rows.append(
            SignalRow(
                name,
                name.replace("_", " "),
                _signal_value(signal.get("value")),
                str(signal.get("detail", "")),
                tuple(str(item) for item in signal.get("items", [])),
            )
        )
    return tuple(rows)


def stories(sources: list[SourceView]) -> list[StoryView]:
    """The sources grouped by story, stories with more sources first (then in order of first appearance)."""
    grouped: dict[str, list[SourceView]] = {}
    for view in sources:
        grouped.setdefault(view.source.story or view.source.source_id, []).append(view)
    found = []
    for story_id, members in grouped.items():
        first = next(
            (m.source for m in members if "story-" + m.source.source_id.removeprefix("src-") == story_id),
            None,
        )
        label = (first or members[0].source).title or (first or members[0].source).path
        groups = len({m.source.independence_group for m in members})
        found.append(StoryView(story_id, label, tuple(members), groups))
    return sorted(found, key=lambda story: -len(story.sources))


def build_view(result: AuditResult) -> View:
    sources = {s.source_id: s for s in result.sources}
    claims = {c.claim_id: c for c in result.claims}
    audited = [s for s in result.sources if s.status == "ok"]
    ordered: list[tuple[Claim, Flag]] = []
    for source in audited:
        for claim in flagged_claims(result, source):
            for flag in sorted(
                claim.flags, key=lambda f: (SEVERITY_RANK[f.severity], f.kind, f.rule, f.message)
            ):
                ordered.append((claim, flag))
    anchors: dict[str, str] = {}
    for claim, _ in ordered:
        anchors.setdefault(claim.claim_id, f"claim-{claim.claim_id}")
    view = View()
    seen: set[str] = set()
    keys = Keys(result)
    record = result.record
    identities = {
        (claim.claim_id, id(flag)): identity
        for claim in result.claims
        for flag, identity in keys.flags(claim)
    }

    def other(evidence: Evidence, own: str) -> EvidenceView:
        target = claims.get(evidence.claim_id or "")
        side = None
        if target is not None and target.claim_id != own and target.source_id in sources:
            side = _claim_view(target, sources[target.source_id], anchors)
        url = safe_url((evidence.reference or {}).get("source")) if evidence.type == "reference" else None
        return EvidenceView(evidence, evidence_line(evidence, result), side, url)

    for position, (claim, flag) in enumerate(ordered):
        source = sources[claim.source_id]
        own = [
            e.span
            for e in flag.evidence
            if e.type == "span" and e.span is not None and e.source_id in (None, claim.source_id)
        ]
        evidence = tuple(other(e, claim.claim_id) for e in flag.evidence)
        first = claim.claim_id not in seen
        seen.add(claim.claim_id)
        identity = identities[(claim.claim_id, id(flag))]
        view.cards.append(
            Card(
                card_id=f"flag-{position}",
                claim_anchor=anchors[claim.claim_id] if first else None,
                flag=flag,
                here=_claim_view(claim, source, anchors, own),
                evidence=tuple(e for e in evidence if e.other is None),
                sides=tuple(e for e in evidence if e.other is not None),
                support=tuple(other(e, claim.claim_id) for e in claim.support),
                order=position,
                identity=identity,
                review=record.flags.get(identity.flag_key) if record else None,
                fact_checks=record.fact_checks.get(claim.claim_id, ()) if record else (),
            )
        )
    counts: dict[str, int] = {}
    for claim, _ in ordered:
        counts[claim.source_id] = counts.get(claim.source_id, 0) + 1
    view.sources = [
        SourceView(s, safe_url(s.url), _signal_rows(s), counts.get(s.source_id, 0)) for s in audited
    ]
    view.stories = stories(view.sources)
    rules = all_rules()
    view.kinds = [
        (kind, KIND_LABEL[kind], ", ".join(sorted(r for r, (k, _) in rules.items() if k == kind)))
        for kind in FLAG_KINDS
    ]
    view.flag_chart = flag_chart(result)
    view.timeline = timeline(result)
    if record is not None:
        for review in record.flags.values():
            view.states[review.state] = view.states.get(review.state, 0) + 1
        view.fact_checks = [(claims[i], m) for i, found in sorted(record.fact_checks.items()) for m in found]
    view.data = {
        "cards": [
            {
                "id": card.card_id,
                "kind": card.flag.kind,
                "severity": card.flag.severity,
                "rank": SEVERITY_RANK[card.flag.severity],
                "source": card.here.source.source_id,
                "position": card.order,
                "document": [card.here.source.path, card.here.claim.span.start, card.flag.rule],
                "key": card.identity.flag_key,
                "claim_key": card.identity.claim_key,
                "evidence": card.identity.evidence_hash,
                "rule": card.flag.rule,
                "claim": card.here.claim.text,
                "review": _review_data(card.review),
            }
            for card in view.cards
        ],
        "report": {
            "tool_version": result.tool.version,
            "schema_version": result.schema_version,
            "run_id": record.run_id if record else None,
        },
        "ratings": [rating.name for rating in scale().ratings],
    }
    return view


def _review_data(review: FlagReview | None) -> dict[str, Any] | None:
    if review is None:
        return None
    return {"state": review.state, "status": review.status, "rating": review.rating}
