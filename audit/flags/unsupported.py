"""``unsupported``: a figure stated as fact with no source anywhere in its sentence or paragraph.

Deliberately conservative (fewer, correct flags): only claims carrying a money amount, a percentage or a count
are considered; hedged or prescriptive sentences ("may", "could", "should") are analysis, not facts; and any
attribution in the claim or in another claim of its paragraph, or a citation cue in the paragraph ("according
to", "a report", "data from", a link), counts as support.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator

from audit.corpus.index import Corpus
from audit.flags.rule import Rule
from audit.model import Claim, Evidence, Flag, FlagKind, Severity, Span

KIND: FlagKind = "unsupported"
RULES = {
    "unsupported.uncited_figure": "A money amount, percentage or count is stated as fact, and neither its "
    "sentence nor its paragraph names a source for it.",
}

_FACT_UNITS = {"percent", "count"}
_HEDGE = re.compile(r"\b(may|might|could|would|should|must|perhaps|possibly|likely|if)\b", re.IGNORECASE)
_CITATION = re.compile(
    r"according to|\breport(s|ed)?\b|\bstud(y|ies)\b|\bsurvey\b|\bdata (from|by)\b|\bfigures (from|by)\b"
    r"|\bsaid\b|\bsays\b|\btold\b|\bstated\b|\bestimates?\b|\bcensus\b|https?://|\bsource:",
    re.IGNORECASE,
)


def _is_fact_figure(unit: str | None) -> bool:
    return unit is not None and (unit in _FACT_UNITS or (len(unit) == 3 and unit.isupper()))


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    by_paragraph: dict[tuple[str, Span], list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        by_paragraph[(claim.source_id, claim.paragraph)].append(claim)
    for claim in corpus.claims:
        figures = [f for f in claim.figures if _is_fact_figure(f.unit)]
        if not figures or claim.attribution.kind != "none" or _HEDGE.search(claim.text):
            continue
        neighbours = by_paragraph[(claim.source_id, claim.paragraph)]
        if any(other.attribution.kind != "none" for other in neighbours):
            continue
        paragraph = claim.paragraph.slice(corpus.source_by_id[claim.source_id].text)
        if _CITATION.search(paragraph):
            continue
        shown = ", ".join(f"“{f.text}”" for f in figures)
        severity: Severity = "medium" if any(f.unit != "count" for f in figures) else "low"
        evidence = (
            *(Evidence.in_claim(claim, "figure stated without a source", f.span, f.text) for f in figures),
            Evidence.in_claim(claim, "the paragraph, which cites no source", claim.paragraph),
        )
        message = (
            f"{shown} is stated as fact with no source in its sentence or paragraph; ask where it comes from."
        )
        yield claim.claim_id, Flag(KIND, "unsupported.uncited_figure", severity, message, evidence)


class Unsupported(Rule):
    id = "unsupported"
    kind = KIND
    rules = RULES
    reads = ("claim.attribution", "claim.figures", "claim.paragraph", "claim.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
