"""Matching dated events across sources: event keys, date intervals and candidate pairs.

Dates are compared only within a story (``Source.story``): two reports of one war a month apart may both name
Israel and Hamas and an attack without meaning the same one. Each resolved date with an event kind gets an *event
key* per pair of participants (event kind and surname-normalised participants: "Vladimir Putin" and "Putin" both
give ``putin``); and, for the kinds one story rarely holds twice (a crash, an outage: ``story_event_kinds``), the
story alone, whatever the wording ("the outage that began on July 12", "the July 19 blackout"). Polars joins
rows on those keys across independence groups; only the pairs inside a block are compared, by the days between
the dates' intervals ("2025-02" is the whole of February). The name particles and the block limit are in
``audit/data/matching.json`` (read by :func:`audit.corpus.matching.lexicon`; see docs/corroboration.md).
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import polars as pl

from audit.corpus.index import Corpus
from audit.corpus.matching import lexicon
from audit.model import DateMention


def person_key(name: str) -> str:
    """A participant's surname, lowercased: "Vladimir Putin", "Putin" and "Putin’s" all give "putin"."""
    tokens = [t for t in re.split(r"\s+", name.strip().replace("’", "'")) if t]
    tokens = [re.sub(r"'s$", "", t).strip(".,").lower() for t in tokens]
    tokens = [t for t in tokens if t and t not in lexicon().name_particles]
    return tokens[-1] if tokens else ""


def date_interval(mention: DateMention) -> tuple[dt.date, dt.date] | None:
    """The first and last day a resolved date allows ("2025-02" is the whole of February)."""
    if not mention.iso:
        return None
    try:
        parts = [int(p) for p in mention.iso.split("-")]
        if len(parts) == 3:
            day = dt.date(parts[0], parts[1], parts[2])
            return day, day
        if len(parts) == 2:
            return dt.date(parts[0], parts[1], 1), dt.date(
                parts[0], parts[1], monthrange(parts[0], parts[1])[1]
            )
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None


def date_gap_days(a: DateMention, b: DateMention) -> int | None:
    """Days between two dates' intervals: 0 when they overlap (agree), None when either is unresolved."""
    ia, ib = date_interval(a), date_interval(b)
    if ia is None or ib is None:
        return None
    if ia[1] < ib[0]:
        return (ib[0] - ia[1]).days
    if ib[1] < ia[0]:
        return (ia[0] - ib[1]).days
    return 0


EVENT_KEYS_SCHEMA = pl.Schema(
    {
        "claim_id": pl.String,
        "date_index": pl.Int64,
        "group": pl.String,
        "kind": pl.String,
        "block": pl.String,
    }
)


def participants(mention: DateMention) -> tuple[str, ...]:
    """The event's participants, surname-normalised, sorted and unique."""
    names = mention.event.participants if mention.event else ()
    return tuple(sorted({k for p in names if (k := person_key(p))}))


def event_keys(corpus: Corpus) -> pl.DataFrame:
    """Blocking rows for resolved dates with an event kind, all within the source's story: every pair of
    participants (``p:story:a+b``), and for kinds of ``story_event_kinds`` the story alone (``s:story``)."""
    lex = lexicon()
    rows: list[tuple[str, int, str, str, str]] = []
    for claim in corpus.claims:
        group = corpus.group_of(claim)
        for i, mention in enumerate(claim.dates):
            if mention.event is None or not mention.event.kind or date_interval(mention) is None:
                continue
            kind = mention.event.kind
            story = corpus.story_of(claim)
            rows.extend(
                (claim.claim_id, i, group, kind, f"p:{story}:{a}+{b}")
                for a, b in combinations(participants(mention), lex.min_shared_participants)
            )
            if (
                kind in lex.story_event_kinds
                and mention.precision in lex.story_event_precisions
                and (mention.event.verb or "").lower() not in lex.reporting_verbs
            ):
                rows.append((claim.claim_id, i, group, kind, f"s:{story}"))
    return pl.DataFrame(rows, schema=EVENT_KEYS_SCHEMA, orient="row")


def event_pairs(keys: pl.DataFrame) -> pl.DataFrame:
    """Dated events of different groups with the same kind in a common block. Blocks of more than
    ``max_block_rows`` rows are too common and left out. One row per pair and direction, sorted."""
    limit = lexicon().max_block_rows
    blocks = keys.join(
        keys.group_by("kind", "block").len().filter(pl.col("len") <= limit).select("kind", "block"),
        on=["kind", "block"],
    ).select("claim_id", "date_index", "group", "kind", "block")
    return (
        blocks.join(blocks, on=["kind", "block"], suffix="_other")
        .filter(pl.col("group") != pl.col("group_other"))
        .select("claim_id", "date_index", "claim_id_other", "date_index_other")
        .unique()
        .sort("claim_id", "date_index", "claim_id_other", "date_index_other")
    )


def same_event(a: DateMention, b: DateMention) -> bool:
    """Participants do not tell the two apart: they share one, or one of the two names none."""
    mine, theirs = set(participants(a)), set(participants(b))
    return not mine or not theirs or bool(mine & theirs)


DateRef = tuple[str, int]  # (claim_id, index into Claim.dates)


@dataclass(frozen=True)
class DateComparison:
    """For each dated event another group also dates: the mentions that date it differently (``conflicting``)
    or the same (``agreeing``), and the participants both name (``shared``)."""

    conflicting: dict[DateRef, tuple[DateRef, ...]]
    agreeing: dict[DateRef, tuple[DateRef, ...]]
    shared: dict[DateRef, tuple[str, ...]]


def compare_dates(corpus: Corpus) -> DateComparison:
    """Dated events of different groups matched by their keys, compared by the days between their dates; dates
    more than ``date_max_gap_days`` apart are more likely two events and are left out."""
    max_gap = lexicon().date_max_gap_days
    conflicting: dict[DateRef, list[DateRef]] = defaultdict(list)
    agreeing: dict[DateRef, list[DateRef]] = defaultdict(list)
    shared: dict[DateRef, tuple[str, ...]] = {}
    for claim_id, index, other_id, other_index in event_pairs(event_keys(corpus)).iter_rows():
        mine = corpus.claim_by_id[claim_id].dates[index]
        theirs = corpus.claim_by_id[other_id].dates[other_index]
        gap = date_gap_days(mine, theirs)
        if gap is None or gap > max_gap or not same_event(mine, theirs):
            continue
        (agreeing if gap == 0 else conflicting)[(claim_id, index)].append((other_id, other_index))
        shared.setdefault(
            (claim_id, index), tuple(sorted(set(participants(mine)) & set(participants(theirs))))
        )
    return DateComparison(
        {k: tuple(v) for k, v in sorted(conflicting.items())},
        {k: tuple(v) for k, v in sorted(agreeing.items())},
        shared,
    )
