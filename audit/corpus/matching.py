"""Matching figures across sources by meaning: within one story, the same slot, then the values compared.

Corpus rules never compare every figure with every other. A check-worthy figure is compared only with the figures
of other independence groups in the same story (``Source.story``) and with the same unit: one block per (story,
unit), so the work grows with the size of stories, not of the corpus. Inside a block two figures are about one
thing when their slots match (``audit.corpus.slots.same_slot``: "six members of a road repair crew were killed"
and "7 construction workers died"), and then they agree (some value fits both wordings) or conflict (none does).
A block of more than ``max_block_rows`` figures is too common to compare. Settings are in
``audit/data/matching.json`` (see docs/corroboration.md).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.corpus.index import Corpus
from audit.corpus.slots import Reading, read, relation, same_slot
from audit.data import load
from audit.model import Claim, Figure


@dataclass(frozen=True, slots=True)
class Lexicon:
    date_max_gap_days: int
    min_shared_participants: int
    max_block_rows: int
    single_source_min_count: float
    several_sources: int
    silence_min_evidence: float
    checkworthy_units: frozenset[str]
    name_particles: frozenset[str]
    story_event_kinds: frozenset[str]
    story_event_precisions: frozenset[str]
    reporting_verbs: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """``audit/data/matching.json``, read once."""
    raw: dict[str, Any] = load("matching")
    return Lexicon(
        date_max_gap_days=int(raw["date_max_gap_days"]),
        min_shared_participants=int(raw["min_shared_participants"]),
        max_block_rows=int(raw["max_block_rows"]),
        single_source_min_count=float(raw["single_source_min_count"]),
        several_sources=int(raw["several_sources"]),
        silence_min_evidence=float(raw["silence_min_evidence"]),
        checkworthy_units=frozenset(raw["checkworthy_units"]),
        name_particles=frozenset(raw["name_particles"]),
        story_event_kinds=frozenset(raw["story_event_kinds"]),
        story_event_precisions=frozenset(raw["story_event_precisions"]),
        reporting_verbs=frozenset(raw["reporting_verbs"]),
    )


def is_money(unit: str | None) -> bool:
    return unit is not None and len(unit) == 3 and unit.isalpha() and unit.isupper()


def is_checkworthy(figure: Figure) -> bool:
    """Money, percentages and counts of a named thing; never durations, years, bare numbers or ratios."""
    if figure.value is None or figure.comparator == "ratio" or figure.unit is None:
        return False
    if is_money(figure.unit):
        return True
    if figure.unit == "count":
        return bool(figure.measure)
    return figure.unit in lexicon().checkworthy_units


def measure_phrase(claim: Claim, figure: Figure) -> str | None:
    """The figure's measure, else the word right after it in the sentence ("a $40 million grant" → "grant")."""
    if figure.measure:
        return figure.measure
    after = claim.text[figure.span.end - claim.span.start :]
    match = re.match(r"\s+([A-Za-z][a-z-]+)", after)
    return match.group(1) if match else None


FigureRef = tuple[str, int]  # (claim_id, index into Claim.figures)


@dataclass(frozen=True)
class FigureComparison:
    """For each check-worthy figure: how it reads, and the figures of other groups on its story that agree with
    or contradict it. ``matched`` holds every figure that met a figure of the same slot in another group (agreeing,
    conflicting or neither: "more than 10" and "5,000"); ``too_common`` the figures of blocks over the size limit
    (never compared)."""

    readings: dict[FigureRef, Reading]
    agreeing: dict[FigureRef, tuple[FigureRef, ...]]
    conflicting: dict[FigureRef, tuple[FigureRef, ...]]
    matched: frozenset[FigureRef]
    too_common: frozenset[FigureRef]


_last: tuple[Corpus, FigureComparison] | None = None


def compare_figures(corpus: Corpus) -> FigureComparison:
    """Compare figures blocked by (story, unit) (cached for the last corpus, which both figure rules read)."""
    global _last
    if _last is not None and _last[0] is corpus:
        return _last[1]
    readings: dict[FigureRef, Reading] = {}
    blocks: dict[tuple[str, str], list[FigureRef]] = defaultdict(list)
    for claim in corpus.claims:
        story = corpus.story_of(claim)
        for index, figure in enumerate(claim.figures):
            if is_checkworthy(figure):
                readings[(claim.claim_id, index)] = read(claim, figure)
                blocks[(story, figure.unit or "")].append((claim.claim_id, index))
    agreeing: dict[FigureRef, list[FigureRef]] = defaultdict(list)
    conflicting: dict[FigureRef, list[FigureRef]] = defaultdict(list)
    too_common: set[FigureRef] = set()
    matched: set[FigureRef] = set()
    limit = lexicon().max_block_rows
    for _, refs in sorted(blocks.items()):
        if len(refs) > limit:
            too_common.update(refs)
            continue
        groups = [corpus.group_of(corpus.claim_by_id[ref[0]]) for ref in refs]
        for i, mine in enumerate(refs):
            for j in range(i + 1, len(refs)):
                theirs = refs[j]
                if groups[i] == groups[j] or not same_slot(readings[mine].slot, readings[theirs].slot):
                    continue
                matched.update((mine, theirs))
                found = relation(readings[mine], readings[theirs])
                if found != "unclear":
                    target = agreeing if found == "agree" else conflicting
                    target[mine].append(theirs)
                    target[theirs].append(mine)
    result = FigureComparison(
        readings,
        {k: tuple(sorted(v)) for k, v in agreeing.items()},
        {k: tuple(sorted(v)) for k, v in conflicting.items()},
        frozenset(matched),
        frozenset(too_common),
    )
    _last = (corpus, result)
    return result
