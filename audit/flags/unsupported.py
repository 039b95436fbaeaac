"""``unsupported``: a specific, checkable fact stated with no source that covers it.

Two families, each deliberately conservative (fewer, correct flags; the guide of the flags set,
``../shared/eval/flags/GUIDE.md``, is the yardstick):
- ``unsupported.uncited_record``: a record, ranking or first ("the first sitting president to …", "the longest strike
  ever", "for the first time since 1960", "the world's largest trading nation"); a proper name's superlative ("Trump's most
  distinctive belief", "Washington's highest court") describes or judges more often than it claims a record;
- ``unsupported.uncited_figure``: a statistic: a percentage or a money amount. Plain counts ("2,800 employees",
  "some 375,000 people" without power) are how news describes an event or an organisation, and the labelled real
  articles show careful fact-checkers do not raise them: not flagged.
A fact is covered, and not flagged, when its sentence attributes it (the fact lies inside the content of the
sentence's attribution, or the sentence cites a document, journal or body). A statistic is also covered when its
paragraph or the paragraph before names a source (a named report, statement or quote: "SPH on Tuesday reported …"
covers the results that follow; "police said" covers the incident narrative) or a citation ("according to", "a study
published in", "data from"); a record needs its own sentence's source. Never flagged: hedged, planned or hoped-for statements ("may", "a goal of 60 percent", "will"); descriptive
quantities (durations, ages, distances, sizes and other measures, small counts: "two recalls", "five surgeries");
market moves ("the stock added 2%"), which are public record; anything in a direct quote (the speaker is the source).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence

from audit.corpus.index import Corpus
from audit.flags.rule import Rule
from audit.model import Claim, Evidence, Figure, Flag, FlagKind, Span

KIND: FlagKind = "unsupported"
RULES = {
    "unsupported.uncited_figure": "A percentage or money amount is stated as fact, and neither its sentence, nor "
    "its paragraph, nor the paragraph before names a source for it.",
    "unsupported.uncited_record": "A record, ranking or first ('the longest ever', 'the first woman to') is stated "
    "as fact, and its sentence names no source for it.",
}
_NAMED = frozenset({"direct_quote", "reported", "according_to"})
_HEDGE = re.compile(
    r"\b(may|might|could|would|should|must|perhaps|possibly|likely|if|will|goal|target|aim|aims|plan|plans|"
    r"planned|expected to|projected|forecast|hope|hopes|hoped|wants?|proposed?|would)\b",
    re.IGNORECASE,
)
_CITATION = re.compile(
    r"according to|\b(report|study|studies|survey|poll|census|statistics|data|figures|records|filings|journal|"
    r"analysis|estimates?|review|audit)\b|\b(published|released|compiled|found|showed|shows)\b|https?://|\bsource:",
    re.IGNORECASE,
)
_MARKET = re.compile(
    r"\b(stock|stocks|shares?|index|indices|dow|nasdaq|s&p|ftse|dax|nikkei|bond|bonds|yields?|futures|"
    r"stake|ownership|shareholders?|valuation)\b",
    re.IGNORECASE,
)
# a superlative in -est, not one of the common words that only end like one ("The Hill's request", "a forest")
_SUPERLATIVE = (
    r"(?!(?:request|interest|forest|protest|contest|test|arrest|suggest|invest|harvest|guest|west|midwest|northwest|"
    r"southwest|rest|unrest|chest|quest|conquest|digest|priest|inquest|behest|bequest|honest|modest|manifest|pest|"
    r"nest|crest|attest|detest|ingest|infest|jest|earnest|tempest)s?\b)\w+est"
)
_NEGATED = re.compile(r"(?:\bnot|\bnever|n['’]t|\bno)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_RECORD = re.compile(
    r"\b(?:the|its|their|his|her)\s+first\b(?:\s+[\w-]+){0,5}?\s+(?:to|since|in\s+(?:history|decades|\d+\s+years))\b"
    r"|\bfor the first time (?:since|in|ever)\b|\bthe first time\b.{0,80}?\bsince\s+\d{4}\b|\bfirst-ever\b"
    r"|\bthe only (?:one|\w+) of (?:the\s+)?\d+\b"
    r"|\b(?:"
    + _SUPERLATIVE
    + r"|most\s+\w+|least\s+\w+)\b(?:\s+[\w-]+){0,4}?\s+(?:ever|in history|on record|of all time|"
    r"since\s+(?:\d{4}|records began|the\s+\w+)|in\s+(?:\d+|decades|a\s+century|a\s+generation|\w+\s+years))\b"
    r"|\bthe (?:country|nation|world|state|city|region|continent)['’]s\s+(?:"
    + _SUPERLATIVE
    + r"|most\s+\w+)\b"
    r"|\brecord[\s-](?:high|low|number|level|levels|year|breaking)\b|\ball-time\s+(?:high|low)\b",
)
_QUOTE_MARKS = '“”"«»'
_DESCRIPTIVE_UNITS = frozenset(
    {
        "second",
        "minute",
        "hour",
        "day",
        "week",
        "month",
        "year",
        "decade",
        "century",
        "age",
        "celsius",
        "fahrenheit",
    }
)


def _is_statistic(figure: Figure) -> bool:
    unit = figure.unit
    if (
        unit is None
        or unit in _DESCRIPTIVE_UNITS
        or (figure.value is None and figure.comparator != "malformed")
    ):
        return False
    return unit in ("percent", "percentage_point") or (len(unit) == 3 and unit.isupper())


def _in_quote(claim: Claim) -> bool:
    return claim.attribution.kind == "direct_quote" or any(mark in claim.text for mark in _QUOTE_MARKS)


def _covered_by_own(claim: Claim, span: Span) -> bool:
    """The claim's own attribution covers the fact: the fact lies inside what it attributes."""
    attribution = claim.attribution
    if attribution.kind == "none":
        return False
    content = attribution.content_span
    if content is None:
        return attribution.kind in _NAMED
    return content.start <= span.start and span.end <= content.end


def _paragraphs(corpus: Corpus) -> dict[str, list[Span]]:
    """Each source's paragraph spans in order (from its claims' paragraphs)."""
    spans: dict[str, set[Span]] = defaultdict(set)
    for claim in corpus.claims:
        spans[claim.source_id].add(claim.paragraph)
    return {source: sorted(found, key=lambda span: span.start) for source, found in spans.items()}


def _passage_sourced(
    claim: Claim, corpus: Corpus, neighbours: dict[tuple[str, Span], list[Claim]], paragraphs: Sequence[Span]
) -> bool:
    """The claim's paragraph or the one before names a source or cites a document."""
    text = corpus.source_by_id[claim.source_id].text
    index = paragraphs.index(claim.paragraph) if claim.paragraph in paragraphs else 0
    for paragraph in paragraphs[max(0, index - 1) : index + 1]:
        others = neighbours[(claim.source_id, paragraph)]
        if any(o.attribution.kind in _NAMED and o.attribution.speaker for o in others if o is not claim):
            return True
        if _CITATION.search(paragraph.slice(text)):
            return True
    return False


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    neighbours: dict[tuple[str, Span], list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        neighbours[(claim.source_id, claim.paragraph)].append(claim)
    paragraphs = _paragraphs(corpus)
    for claim in corpus.claims:
        if _in_quote(claim) or _HEDGE.search(claim.text) or claim.text.rstrip().endswith("?"):
            continue
        record = _RECORD.search(claim.text)
        if record is not None and _NEGATED.search(claim.text[: record.start()]):
            record = None  # "this isn't the first time …" denies the record
        figures = [f for f in claim.figures if _is_statistic(f) and not _covered_by_own(claim, f.span)]
        if figures and _MARKET.search(claim.text):
            figures = []
        record_span = (
            Span(claim.span.start + record.start(), claim.span.start + record.end())
            if record is not None
            else None
        )
        if record_span is not None and _covered_by_own(claim, record_span):
            record_span = None
        if not figures and record_span is None:
            continue
        if _CITATION.search(claim.text):
            continue
        if record_span is None and _passage_sourced(claim, corpus, neighbours, paragraphs[claim.source_id]):
            continue  # a statistic may rest on the passage's source; a record needs its own
        if record_span is not None:
            shown = record_span.slice(corpus.source_by_id[claim.source_id].text)
            evidence = (
                Evidence.in_claim(claim, "a record or first stated without a source", record_span, shown),
                Evidence.in_claim(claim, "the paragraph, which cites no source", claim.paragraph),
            )
            message = (
                f"“{shown}” is a record stated as fact with no source nearby; ask how it was established."
            )
            yield claim.claim_id, Flag(KIND, "unsupported.uncited_record", "medium", message, evidence)
            continue
        shown = ", ".join(f"“{f.text}”" for f in figures)
        noun = "is a figure" if len(figures) == 1 else "are figures"
        cited = tuple(
            Evidence.in_claim(claim, "figure stated without a source", f.span, f.text) for f in figures
        )
        paragraph = Evidence.in_claim(claim, "the paragraph, which cites no source", claim.paragraph)
        message = f"{shown} {noun} stated as fact with no source nearby; ask where it comes from."
        yield claim.claim_id, Flag(KIND, "unsupported.uncited_figure", "medium", message, (*cited, paragraph))


class Unsupported(Rule):
    id = "unsupported"
    kind = KIND
    rules = RULES
    reads = ("claim.attribution", "claim.figures", "claim.paragraph", "claim.text", "source.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
