"""``vague_attribution``: a claim that rests on unnamed sources ("Reports indicate", "Some experts suggest").

The attribution layer decides from the parse *that* a claim's source is unnamed (kind "vague") and where the cue is;
this rule names which sort of vagueness it is, so an editor can see at once what to ask the writer for, and leaves
alone what a careful fact-checker would not raise (the guide of the flags set, ``../shared/eval/flags/GUIDE.md``):
- an unnamed person of a named body ("F.B.I. officials said", "a senior Pentagon official") is its own rule, at low
  severity: the body is named, only the person is not; members, employees or staff of a body are not flagged;
- "allegedly" in an article whose source for the alleged act is a named legal authority (police, prosecutors, a
  court, charges) is court reporting's convention, not hearsay: not flagged;
- an unnamed source that fits no family ("a real estate agent said": a participant of the story) is not flagged;
- severity is medium at most: a vague source is a question for the writer, not hard evidence of an error.
One flag per claim.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from audit.corpus.index import Corpus
from audit.flags.rule import Rule
from audit.model import Claim, Evidence, Flag, FlagKind, Severity

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
        r"|estimates?|projections|calculations|tallies"
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
_BODY = _Class(
    "vague_attribution.unnamed_of_named_body",
    r"\b(officials?|sources?|insiders?|people familiar|person familiar|aides?|advis[eo]rs?|staffers?|diplomats?"
    r"|people (briefed|with knowledge|close)|to be (named|identified)|anonymity)\b",
    "people of a named body ('F.B.I. officials said', 'a senior Pentagon official')",
    "who in the body said it, or why they cannot be named",
    "low",
)

RULES = {c.rule: f"The claim rests on unnamed {c.label}; ask {c.ask}." for c in (*_CLASSES, _BODY)}
_LEGAL = re.compile(r"\b(allegedly|alleged)\b")
_LEGAL_SOURCES = re.compile(
    r"\b(police|prosecutors?|court|charged|charges|indictment|indicted|arrested|sheriff|district attorney|"
    r"complaint|lawsuit|jury|trial|judge)\b",
    re.IGNORECASE,
)


def classify(cue: str, body: str | None = None) -> _Class | None:
    """The family of a vague cue (its rule id, what to ask the writer for, the severity), or None: not flagged."""
    lowered = cue.lower()
    if body is not None:
        return _BODY if re.search(_BODY.pattern, lowered) else None
    for family in _CLASSES:
        if re.search(family.pattern, lowered):
            return family
    return None


def _question(corpus: Corpus, claim: Claim) -> bool:
    """Is what the vague source is said to say an open question ("whether …", "if …")?"""
    content = claim.attribution.content_span
    if content is None:
        return False
    text = corpus.source_by_id[claim.source_id].text
    words = text[max(0, content.start - 9) : content.start + 8].lower().split()
    return any(word in ("whether", "if") for word in words[:3])


def _court_reporting(corpus: Corpus, claim_source: str) -> bool:
    """Does the article name a legal authority (police, prosecutors, a court, charges)?"""
    return bool(_LEGAL_SOURCES.search(corpus.source_by_id[claim_source].text))


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    for claim in corpus.claims:
        attribution = claim.attribution
        if attribution.kind != "vague":
            continue
        cue = attribution.cue or ""
        family = classify(cue, attribution.body)
        if family is None:
            continue
        if _question(corpus, claim):
            continue  # "Some questioned whether …": a question raised, nothing asserted
        legal = family.rule == "vague_attribution.hearsay" and _LEGAL.search(cue.lower()) is not None
        if legal and _court_reporting(corpus, claim.source_id):
            continue  # "allegedly" in court reporting: the legal authority is named in the article
        evidence = [Evidence.in_claim(claim, "the unnamed-source cue", attribution.cue_span, cue or None)]
        if attribution.body:
            message = (
                f"“{cue}” names {attribution.body} but not who in it said this; ask the writer {family.ask}."
            )
        else:
            message = f"“{cue}” does not say who the source is; ask the writer {family.ask}."
        yield claim.claim_id, Flag(KIND, family.rule, family.severity, message, tuple(evidence))


class VagueAttribution(Rule):
    id = "vague_attribution"
    kind = KIND
    rules = RULES
    reads = ("claim.attribution", "claim.figures")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
