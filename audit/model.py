"""The data types of an audit: capture → source → claim → flag → result.

Every stage takes and returns these; renderers only read them. All types are frozen dataclasses so
that a stage cannot change what an earlier one produced behind its back: a stage that adds to a record
returns a new one (``dataclasses.replace``).

Offsets are always character offsets (Python ``str`` indices) into ``Source.text``, the cleaned article
text, and always absolute (not relative to a sentence).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any, Literal

SCHEMA_VERSION = "1.0"

FlagKind = Literal[
    "unsupported", "vague_attribution", "single_source_figure", "contested", "misdated", "silent_edit"
]
FLAG_KINDS: tuple[FlagKind, ...] = (
    "unsupported",
    "vague_attribution",
    "single_source_figure",
    "contested",
    "misdated",
    "silent_edit",
)
Severity = Literal["low", "medium", "high"]
SEVERITIES: tuple[Severity, ...] = ("low", "medium", "high")
ClaimType = Literal["figure", "date", "quote", "comparison", "prediction", "assertion"]
AttributionKind = Literal["direct_quote", "reported", "according_to", "vague", "none"]
Precision = Literal["day", "month", "year"]
Confidence = Literal["high", "medium", "low"]
Status = Literal["ok", "empty", "unreadable", "not_text", "too_large", "timeout", "error"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` into ``Source.text``."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True, slots=True)
class Figure:
    """A number in the text with what it measures.

    ``unit`` is a normalised unit: an ISO 4217 code for money ("USD"), "percent", "percentage_point", "count" (a
    number of things; ``measure`` says of what), a duration unit ("second", "minute", "hour", "day", "week",
    "month", "year"), "age" ("a 45-year-old", "aged 45"), "celsius" or "fahrenheit", or a physical unit (speed
    "mph", "km/h", "knot"; distance "mile", "km", "foot", "metre", "cm", "inch"; weight "tonne", "ton",
    "pound", "kg"; area "acre", "hectare", "square_mile", "square_km"). ``comparator`` says how the text
    qualifies the value: "exact", "approx" ("about", "nearly"), "more_than", "less_than", "at_least",
    "at_most", "range" (``value``..``value_max``), "ratio" ("nearly double": ``value`` is the factor) or
    "malformed" (digits that are no well-formed number, "10,0000": ``value`` is None). ``measure`` is the noun
    phrase the figure quantifies, read from the sentence's parse ("88 flood warnings" → "flood warnings").
    """

    text: str
    value: float | None
    unit: str | None
    span: Span
    comparator: str = "exact"
    value_max: float | None = None
    measure: str | None = None


@dataclass(frozen=True, slots=True)
class EventRef:
    """The event a date is attached to: the clause's main verb and the named participants."""

    verb: str | None
    participants: tuple[str, ...] = ()
    kind: str | None = None  # normalised event type: "call", "meeting", "vote", "summit", "crash"…


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date or time expression resolved to ISO 8601 with its precision.

    ``iso`` is "YYYY-MM-DD", "YYYY-MM" or "YYYY" (or None when it cannot be resolved). ``resolution``
    says how: "absolute" (fully stated), "year_from_published" (partial date, year taken from the
    publication date), "relative_to_published" ("yesterday"), "relative_to_story" ("a week later" counted from the
    story's nearest earlier date further back in the article: an unsure anchor), "relative_to_previous" ("six days
    later"), or "unresolved". ``anchor`` is the ISO date the resolution used.
    """

    text: str
    iso: str | None
    precision: Precision | None
    span: Span
    weekday: str | None = None
    resolution: str = "absolute"
    anchor: str | None = None
    relative_days: int | None = None  # for "six days later": the stated offset
    event: EventRef | None = None
    tense: str | None = None  # tense of the clause the date sits in: "past", "present", "future" or None


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a statement is attributed to, and by which words."""

    kind: AttributionKind
    speaker: str | None = None
    cue: str | None = None
    cue_span: Span | None = None
    speaker_span: Span | None = None
    role: str | None = None
    content_span: Span | None = None
    body: str | None = None  # the named body of an unnamed source ("F.B.I." in "F.B.I. officials said")


NO_ATTRIBUTION = Attribution(kind="none")


@dataclass(frozen=True, slots=True)
class Selector:
    """A W3C TextQuoteSelector: finds the claim again in the capture by its text and context."""

    exact: str
    prefix: str
    suffix: str
    type: str = "TextQuoteSelector"


@dataclass(frozen=True, slots=True)
class Evidence:
    """One thing an editor can check by eye to confirm or dismiss a flag.

    ``type`` is "span" (a passage of the same source), "claim" (another claim, usually in another
    source), "source" (a whole source, e.g. a copy) or "reference" (a row of the reference ledger,
    given in ``reference`` with its file and line).
    """

    type: Literal["span", "claim", "source", "reference"]
    note: str
    source_id: str | None = None
    claim_id: str | None = None
    span: Span | None = None
    text: str | None = None
    reference: dict[str, str] | None = None

    @classmethod
    def in_claim(cls, claim: Claim, note: str, span: Span | None, text: str | None = None) -> Evidence:
        """A passage of the claim's own source (a figure, a date, a cue): the span an editor checks by eye."""
        return cls("span", note, claim.source_id, claim.claim_id, span, text)


@dataclass(frozen=True, slots=True)
class Flag:
    """Something in a claim that needs a human, with the rule that raised it and the evidence."""

    kind: FlagKind
    rule: str
    severity: Severity
    message: str
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    claim_id: str
    source_id: str
    text: str
    span: Span
    selector: Selector
    type: ClaimType
    checkworthiness: float
    features: tuple[str, ...]
    figures: tuple[Figure, ...]
    dates: tuple[DateMention, ...]
    attribution: Attribution
    paragraph: Span
    capture_line: int | None = None
    flags: tuple[Flag, ...] = ()
    support: tuple[Evidence, ...] = ()  # what corroborates or confirms it: other sources' claims, ledger rows


@dataclass(frozen=True, slots=True)
class Candidate:
    """One value found for a metadata field, where it was found and how much to trust it."""

    value: Any
    method: str
    location: str
    confidence: Confidence = "medium"


@dataclass(frozen=True, slots=True)
class FieldEvidence:
    """The chosen value of a metadata field and every candidate considered."""

    value: Any
    method: str | None
    location: str | None
    candidates: tuple[Candidate, ...] = ()


@dataclass(frozen=True, slots=True)
class SourceWarning:
    """A note on a source an editor should know about; ``code`` is a stable snake_case id."""

    code: str
    message: str
    related: tuple[str, ...] = ()  # source_ids this warning points to


@dataclass(frozen=True, slots=True)
class Source:
    source_id: str
    path: str
    sha256: str
    media_type: str
    status: Status
    status_message: str | None = None
    warnings: tuple[SourceWarning, ...] = ()
    url: str | None = None
    site: str | None = None
    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    updated: str | None = None
    metadata_evidence: dict[str, FieldEvidence] = field(default_factory=dict)
    independence_group: str = ""
    story: str = ""  # sources reporting the same event share it (audit.corpus.stories)
    text: str = ""
    part: int = 0  # index of the article within a capture that holds several
    signals: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ToolInfo:
    name: str
    version: str


ReviewStatus = Literal["checked", "dismissed", "confirmed"]
REVIEW_STATUSES: tuple[ReviewStatus, ...] = ("checked", "dismissed", "confirmed")
ReviewState = Literal["new", "seen", "decided", "reopened"]


@dataclass(frozen=True, slots=True)
class FlagReview:
    """What the audit store knows of a flag (``audit.store``): raised before or not, and an editor's last decision.

    ``state`` is "new" (never raised before), "seen" (raised by an earlier run, undecided), "decided" (the decision
    holds: the claim's text and the flag's evidence are as they were when it was made) or "reopened" (decided once,
    but the evidence has changed since).
    """

    flag_key: str
    claim_key: str
    evidence_hash: str
    state: ReviewState
    status: ReviewStatus | None = None
    editor: str | None = None
    note: str | None = None
    decided_at: str | None = None
    rating: str | None = None


@dataclass(frozen=True, slots=True)
class FactCheckMatch:
    """An earlier fact-check (imported ClaimReview) that a claim matches in meaning, with the match's score."""

    url: str
    claim_reviewed: str
    rating: str
    author: str | None
    score: float


@dataclass(frozen=True, slots=True)
class StoreRecord:
    """The audit as the store saw it: the run's id, each flag's review by flag key, earlier fact-checks by claim id."""

    db: str
    run_id: int
    flags: dict[str, FlagReview] = field(default_factory=dict)
    fact_checks: dict[str, tuple[FactCheckMatch, ...]] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AuditResult:
    """The whole audit. ``run`` is the only part that differs between two runs on the same inputs.

    ``record`` is set when the audit was recorded in an audit store (``audit run --db``): the editors' decisions
    and earlier fact-checks the reports show. It is not part of ``audit.json``, which says what the captures say.
    """

    schema_version: str
    tool: ToolInfo
    run: dict[str, Any]
    sources: tuple[Source, ...]
    claims: tuple[Claim, ...]
    record: StoreRecord | None = field(default=None, metadata={"json": False})

    def flags(self) -> list[tuple[Claim, Flag]]:
        return [(claim, flag) for claim in self.claims for flag in claim.flags]

    def write(self, out: str | PathLike[str]) -> list[Path]:
        """Write audit.json, the parquet tables and the reports to the folder ``out``, as one set under a lock;
        returns the paths written. Raises ``audit.report.write.OutputError`` when they cannot be written (the
        previous outputs are then unchanged)."""
        from audit.report.write import write_outputs

        return write_outputs(self, Path(out))
