"""``vague_attribution``: a claim that rests on unnamed sources ("Reports indicate", "Some experts suggest").

The attribution layer decides *that* a claim's source is unnamed (kind "vague") and where the cue is; this rule
names which sort of vagueness it is, so an editor can see at once what to ask the writer for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from audit.corpus import Corpus
from audit.model import Evidence, Flag, FlagKind, Severity

KIND: FlagKind = "vague_attribution"


@dataclass(frozen=True, slots=True)
class _Class:
    rule: str
    pattern: str  # over the lower-cased cue
    label: str
    ask: str  # what the editor should ask the writer for
    severity: Severity


# First match wins: the more specific families come first.
_CLASSES: tuple[_Class, ...] = (
    _Class(
        "vague_attribution.hearsay",
        r"\b(reportedly|allegedly|purportedly|supposedly|rumou?red|said to)\b",
        "hearsay ('reportedly', 'allegedly')",
        "who reported or alleged it",
        "medium",
    ),
    _Class(
        "vague_attribution.unnamed_reports",
        r"\b(reports?|reported|reporting|media|studies|study|research|analysis|analyses|surveys?|polls?)\b",
        "reports or studies ('reports indicate', 'analysis suggests')",
        "which report, by whom, and when",
        "medium",
    ),
    _Class(
        "vague_attribution.unnamed_officials",
        r"\b(officials?|sources?|insiders?|people familiar|person familiar|aides?|diplomats?|spokes\w*)\b",
        "officials or sources ('people familiar with the matter')",
        "who the officials or sources are, or why they cannot be named",
        "medium",
    ),
    _Class(
        "vague_attribution.impersonal",
        r"\bit (is|was|has been) \w+|\b(is|are|was|were|been|be) (widely |often |generally |commonly )?"
        r"(seen|viewed|regarded|considered|described|thought|believed|deemed|understood)\b"
        r"|\bthere (is|was) an? (general |widespread |common )?(belief|sense|consensus|perception|view)\b",
        "impersonal sourcing ('it is understood', 'is widely seen as')",
        "who understands, sees or believes it",
        "low",
    ),
    _Class(
        "vague_attribution.unnamed_experts",
        r"\b(experts?|analysts?|observers?|critics?|scholars?|commentators?|economists?|supporters?|opponents?"
        r"|leaders|some|many|others|they)\b",
        "experts or groups ('some experts suggest', 'critics argue')",
        "which experts or groups, by name",
        "medium",
    ),
)
_FALLBACK = _Class("vague_attribution.unnamed_source", "", "sources", "who the source is", "medium")

RULES = {c.rule: f"The claim rests on unnamed {c.label}; ask {c.ask}." for c in (*_CLASSES, _FALLBACK)}


def classify(cue: str) -> _Class:
    """The family of a vague cue: its rule id, what to ask the writer for, and the base severity."""
    lowered = cue.lower()
    for family in _CLASSES:
        if re.search(family.pattern, lowered):
            return family
    return _FALLBACK


def check(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        attribution = claim.attribution
        if attribution.kind != "vague":
            continue
        cue = attribution.cue or ""
        family = classify(cue)
        rule, ask = family.rule, family.ask
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
        severity: Severity = "high" if claim.figures and family.severity == "medium" else family.severity
        message = (
            f"“{cue}” does not say who the source is; ask the writer {ask}."
            if cue
            else f"The claim rests on an unnamed source; ask the writer {ask}."
        )
        yield claim.claim_id, Flag(KIND, rule, severity, message, tuple(evidence))
