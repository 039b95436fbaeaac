"""Two captures of one article compared: what changed, and which changes are silent edits.

``diff_sources(old, new, old_claims, new_claims)``:
1. align the sentences (``audit.diff.align``): unchanged, removed, added, edited;
2. for every edited sentence, the figures, dates, names and quotes that changed (``audit.diff.changes``);
3. the correction or update notices the newer page added (``audit.diff.notices``);
4. a ``silent_edit`` flag for each edited sentence whose figure, date or quote changed while the newer page shows
   no notice: on the newer capture's claim for that sentence when there is one, with the changed values' spans
   and the older sentence as evidence.
Names that change are reported, never flagged (a name is often only spelled out or shortened).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.corpus.independence import source_label
from audit.diff.align import Change, align
from audit.diff.changes import Edit, Side, sentence_edits
from audit.diff.notices import Notice, new_notices
from audit.model import Claim, Evidence, Flag, FlagKind, Severity, Source, Span

KIND: FlagKind = "silent_edit"
RULES = {
    "silent_edit.figure": "A figure of a sentence changed between two captures of one article (or between copies "
    "of one origin) and the newer page shows no correction or update notice.",
    "silent_edit.date": "A date of a sentence changed between two captures of one article (or between copies of "
    "one origin) and the newer page shows no correction or update notice.",
    "silent_edit.quote": "A quotation of a sentence changed between two captures of one article (or between "
    "copies of one origin) and the newer page shows no correction or update notice.",
}
_SEVERITY: dict[str, Severity] = {"figure": "high", "quote": "high", "date": "medium"}
_WHAT = {"figure": "figure", "date": "date", "quote": "quotation"}


@dataclass(frozen=True, slots=True)
class SentenceDiff:
    change: Change
    old_span: Span | None
    new_span: Span | None
    old_text: str | None
    new_text: str | None
    similarity: float
    edits: tuple[Edit, ...] = ()
    old_claim_id: str | None = None
    new_claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class SourceDiff:
    old: Source
    new: Source
    sentences: tuple[SentenceDiff, ...]
    notices: tuple[Notice, ...]
    flags: tuple[tuple[str | None, Flag], ...]  # (claim id in the newer capture, or None; flag)

    def count(self, change: Change) -> int:
        return sum(1 for s in self.sentences if s.change == change)


def _claim_at(claims: Sequence[Claim], span: Span | None) -> str | None:
    if span is None:
        return None
    for claim in claims:
        if claim.span.start < span.end and span.start < claim.span.end:
            return claim.claim_id
    return None


def _when(source: Source) -> str | None:
    captured = source.metadata_evidence.get("captured_at")
    value = (captured.value if captured is not None else None) or source.published
    return str(value) if value else None


def label(source: Source) -> str:
    """How a capture is named in a message: its site, title or file name, and when it was captured or published."""
    when = _when(source)
    name = source_label(source)
    return f"{name} ({when})" if when else name


def _quoted(values: Sequence[str]) -> str:
    return ", ".join(f"“{v}”" for v in values)


def silent_edit_flag(old: Source, new: Source, sentence: SentenceDiff, edit: Edit) -> Flag:
    what = _WHAT[edit.field]
    if edit.old and edit.new:
        change = f"{_quoted(edit.old)} became {_quoted(edit.new)}"
    elif edit.old:
        change = f"the {what} {_quoted(edit.old)} was taken out"
    else:
        change = f"the {what} {_quoted(edit.new)} was put in"
    message = (
        f"Silently edited: {change} since {label(old)}, and the page shows no correction or update notice; "
        "ask the publisher which version is right and why the change is not noted."
    )
    evidence = [
        Evidence("span", f"the {what} as it reads now", new.source_id, sentence.new_claim_id, span, value)
        for span, value in zip(edit.new_spans, edit.new, strict=True)
    ]
    evidence.append(
        Evidence(
            "claim" if sentence.old_claim_id else "source",
            f"the sentence as it read earlier ({_when(old)})"
            if _when(old)
            else "the sentence as it read earlier",
            old.source_id,
            sentence.old_claim_id,
            sentence.old_span,
            sentence.old_text,
        )
    )
    return Flag(KIND, f"silent_edit.{edit.field}", _SEVERITY[edit.field], message, tuple(evidence))


def diff_sources(
    old: Source, new: Source, old_claims: Sequence[Claim] = (), new_claims: Sequence[Claim] = ()
) -> SourceDiff:
    """What changed from ``old`` to ``new`` (two captures of one article, or two copies of one origin)."""
    # 1. sentences aligned
    pairings = align(old.text, new.text)
    # 2. what changed inside each edited sentence
    before, after = Side(old, old_claims), Side(new, new_claims)
    sentences = []
    for pairing in pairings:
        edits: tuple[Edit, ...] = ()
        if pairing.change == "edited" and pairing.old and pairing.new:
            edits = sentence_edits(before, pairing.old, after, pairing.new)
        sentences.append(
            SentenceDiff(
                pairing.change,
                pairing.old,
                pairing.new,
                pairing.old.slice(old.text) if pairing.old else None,
                pairing.new.slice(new.text) if pairing.new else None,
                pairing.similarity,
                edits,
                _claim_at(old_claims, pairing.old),
                _claim_at(new_claims, pairing.new),
            )
        )
    # 3. notices the newer page added
    notices = new_notices(old, new)
    # 4. silent edits: figure, date or quote changes with no notice
    flags: list[tuple[str | None, Flag]] = []
    if not notices:
        for sentence in sentences:
            for edit in sentence.edits:
                if edit.field in _SEVERITY:
                    flags.append((sentence.new_claim_id, silent_edit_flag(old, new, sentence, edit)))
    return SourceDiff(old, new, tuple(sentences), notices, tuple(flags))
