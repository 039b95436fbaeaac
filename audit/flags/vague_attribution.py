"""``vague_attribution``: a claim that rests on unnamed sources ("Reports indicate", "Some experts suggest").

The attribution layer decides *that* a claim's source is unnamed (kind "vague") and where the cue is; this rule
names which sort of vagueness it is, so an editor can see at once what to ask the writer for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from audit.corpus import Corpus
from audit.model import Evidence, Flag, FlagKind, Severity

KIND: FlagKind = "vague_attribution"

# (rule id, pattern over the lower-cased cue, what the editor should ask for); first match wins.
_CLASSES: tuple[tuple[str, str, str], ...] = (
    (
        "vague_attribution.unnamed_reports",
        r"\b(reports?|reporting|media|studies|research)\b",
        "which report, by whom, and when",
    ),
    (
        "vague_attribution.unnamed_officials",
        r"\b(officials?|sources?|insiders?|people familiar|aides?|diplomats?|person familiar)\b",
        "who the officials or sources are, or why they cannot be named",
    ),
    (
        "vague_attribution.unnamed_experts",
        r"\b(experts?|analysts?|observers?|critics?|scholars?|commentators?|economists?|supporters?|opponents?"
        r"|some|many|others|they)\b",
        "which experts or groups, by name",
    ),
    (
        "vague_attribution.hearsay",
        r"\b(reportedly|allegedly|purportedly|rumou?red|said to)\b",
        "who reported or alleged it",
    ),
    (
        "vague_attribution.impersonal",
        r"\bit (is|was|has been) (understood|believed|said|thought|reported|claimed)\b",
        "who understands or believes it",
    ),
)
_FALLBACK = ("vague_attribution.unnamed_source", "", "who the source is")

RULES = {
    rule: f"The claim rests on unnamed {label}; ask {ask}."
    for rule, label, ask in (
        ("vague_attribution.unnamed_reports", "reports or studies", _CLASSES[0][2]),
        ("vague_attribution.unnamed_officials", "officials or sources", _CLASSES[1][2]),
        ("vague_attribution.unnamed_experts", "experts or groups", _CLASSES[2][2]),
        ("vague_attribution.hearsay", "hearsay ('reportedly', 'allegedly')", _CLASSES[3][2]),
        ("vague_attribution.impersonal", "impersonal sourcing ('it is understood')", _CLASSES[4][2]),
        ("vague_attribution.unnamed_source", "sources", _FALLBACK[2]),
    )
}


def classify(cue: str) -> tuple[str, str]:
    """The rule id for a vague cue and what to ask the writer for."""
    lowered = cue.lower()
    for rule, pattern, ask in _CLASSES:
        if re.search(pattern, lowered):
            return rule, ask
    return _FALLBACK[0], _FALLBACK[2]


def check(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        attribution = claim.attribution
        if attribution.kind != "vague":
            continue
        cue = attribution.cue or ""
        rule, ask = classify(cue)
        evidence = [
            Evidence(
                type="span",
                note="the unnamed-source cue",
                source_id=claim.source_id,
                claim_id=claim.claim_id,
                span=attribution.cue_span,
                text=cue or None,
            )
        ]
        severity: Severity = "high" if claim.figures else "medium"
        message = (
            f"“{cue}” does not say who the source is; ask the writer {ask}."
            if cue
            else f"The claim rests on an unnamed source; ask the writer {ask}."
        )
        yield claim.claim_id, Flag(KIND, rule, severity, message, tuple(evidence))
