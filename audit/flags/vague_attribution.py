"""``vague_attribution``: a claim that rests on unnamed sources ("Reports indicate", "Some experts suggest").

The attribution layer decides *that* a claim's source is unnamed (kind "vague") and where the cue is; this rule
names which sort of vagueness it is, so an editor can see at once what to ask the writer for.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from audit.corpus.index import Corpus
from audit.flags.rule import Rule
from audit.model import Evidence, Flag, FlagKind, Severity

KIND: FlagKind = "vague_attribution"


@dataclass(frozen=True, slots=True)
class _Class:
    rule: str
    pattern: str  # over the lower-cased cue
    label: str
    ask: str  # what the editor should ask the writer for
    severity: Severity


# First match wins: the more specific families come first; an unnamed group ("considered by many",
# "there are linguists who believe") is asked for by name before the impersonal family catches its passive.
_CLASSES: tuple[_Class, ...] = (
    _Class(
        "vague_attribution.hearsay",
        r"\b(reportedly|allegedly|purportedly|supposedly|rumou?red|rumou?rs?|said to|reputed|purported)\b",
        "hearsay ('reportedly', 'allegedly', 'rumours were that')",
        "who reported or alleged it",
        "medium",
    ),
    _Class(
        "vague_attribution.unnamed_reports",
        r"\b(reports?|reported|reporting|media|studies|study|research|analysis|analyses|surveys?|polls?"
        r"|records|disclosures|filings|documents|data|figures|statistics|evidence|findings|stories|legends"
        r"|tales|claims|accounts|opinions)\b",
        "reports or studies ('reports indicate', 'analysis suggests', 'records show')",
        "which report, by whom, and when",
        "medium",
    ),
    _Class(
        "vague_attribution.unnamed_officials",
        r"\b(officials?|sources?|insiders?|people familiar|person|aides?|advis[eo]rs?|staffers?|diplomats?|spokes\w*"
        r"|people (briefed|with knowledge|close)|to be (named|identified)|anonymity)\b",
        "officials or sources ('people familiar with the matter')",
        "who the officials or sources are, or why they cannot be named",
        "medium",
    ),
    _Class(
        "vague_attribution.unnamed_experts",
        r"\b(experts?|analysts?|observers?|critics?|scholars?|commentators?|economists?|supporters?|opponents?"
        r"|historians?|scientists?|linguists?|writers?|reviewers?|researchers?|fans|followers|people|groups"
        r"|members|voters|respondents|percent|women|men|democrats|republicans|leaders|some|many|most|several"
        r"|various|numerous|others|they)\b",
        "experts or groups ('some experts suggest', 'critics argue', 'considered by many')",
        "which experts or groups, by name",
        "medium",
    ),
    _Class(
        "vague_attribution.impersonal",
        r"\bit (is|was|has been|had been|could be|can be|may be|might be|would be|will be)\b"
        r"|\b(is|are|was|were|been|be|being)\b|\bthere (is|are|was|were|has been|have been)\b"
        r"|\b(seen|viewed|regarded|considered|described|thought|believed|deemed|understood|reputation)\b"
        r"|\b(common|frequent|popular|widespread|prevailing|conventional|received) \w+",
        "impersonal or agentless sourcing ('it is understood', 'is widely seen as', 'was highly praised',"
        " 'a common criticism')",
        "who holds that view: who understands, sees, praises or criticises it",
        "low",
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


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        attribution = claim.attribution
        if attribution.kind != "vague":
            continue
        cue = attribution.cue or ""
        family = classify(cue)
        rule, ask = family.rule, family.ask
        evidence = [Evidence.in_claim(claim, "the unnamed-source cue", attribution.cue_span, cue or None)]
        severity: Severity = "high" if claim.figures and family.severity == "medium" else family.severity
        message = (
            f"“{cue}” does not say who the source is; ask the writer {ask}."
            if cue
            else f"The claim rests on an unnamed source; ask the writer {ask}."
        )
        yield claim.claim_id, Flag(KIND, rule, severity, message, tuple(evidence))


class VagueAttribution(Rule):
    id = "vague_attribution"
    kind = KIND
    rules = RULES
    reads = ("claim.attribution", "claim.figures")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
