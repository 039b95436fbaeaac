"""Matching claims across sources by meaning: normalised blocking keys, then value and date comparison.

Corpus rules never compare every claim with every other. Each figure gets a *measure key* (its unit family and
the measured noun phrase, normalised: lowercase, function words dropped, plurals and synonyms folded, words
sorted, so "12 passengers were injured" and "20 people were hurt" both give ``count|injured people``), and each
dated event an *event key* per participant (event kind and surname-normalised participant: "Vladimir Putin" and
"Putin" both give ``putin``, built in :mod:`audit.corpus.events`). Polars joins rows on those keys across
independence groups; only the pairs inside a block are compared. The lexicon and tolerances are in
``audit/data/matching.json`` (see docs/corroboration.md).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Any

import polars as pl

from audit.corpus.index import Corpus
from audit.corpus.stories import Stories
from audit.data import load
from audit.model import Claim, Figure

_TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OPEN_LOW = {"more_than", "at_least"}
_OPEN_HIGH = {"less_than", "at_most"}


@dataclass(frozen=True, slots=True)
class Lexicon:
    exact_tolerance: float
    approx_tolerance: float
    date_max_gap_days: int
    min_shared_participants: int
    max_block_rows: int
    single_source_min_count: float
    checkworthy_units: frozenset[str]
    stopwords: frozenset[str]
    synonyms: dict[str, str]
    phrases: tuple[tuple[str, str], ...]
    generic_heads: frozenset[str]
    name_particles: frozenset[str]


@cache
def lexicon() -> Lexicon:
    """``audit/data/matching.json``, read once; synonyms inverted to ``{variant: canonical}``."""
    raw: dict[str, Any] = load("matching")
    synonyms: dict[str, str] = {}
    phrases: list[tuple[str, str]] = []
    for canonical, variants in raw["synonyms"].items():
        for variant in variants:
            if " " in variant:
                phrases.append((variant, canonical))
            else:
                synonyms[variant] = canonical
    return Lexicon(
        exact_tolerance=float(raw["exact_tolerance"]),
        approx_tolerance=float(raw["approx_tolerance"]),
        date_max_gap_days=int(raw["date_max_gap_days"]),
        min_shared_participants=int(raw["min_shared_participants"]),
        max_block_rows=int(raw["max_block_rows"]),
        single_source_min_count=float(raw["single_source_min_count"]),
        checkworthy_units=frozenset(raw["checkworthy_units"]),
        stopwords=frozenset(raw["measure_stopwords"]),
        synonyms=synonyms,
        phrases=tuple(sorted(phrases, key=lambda p: -len(p[0]))),
        generic_heads=frozenset(raw["generic_heads"]),
        name_particles=frozenset(raw["name_particles"]),
    )


# --- figures -------------------------------------------------------------------------------------------


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


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalise_measure(phrase: str) -> str:
    """The words of a measured noun phrase, folded so that paraphrases meet: "passengers hurt" → "injured people"."""
    lex = lexicon()
    text = phrase.lower().replace("’", "'")
    for variant, canonical in lex.phrases:
        text = re.sub(rf"\b{re.escape(variant)}\b", canonical, text)
    words = set()
    for token in _TOKEN.findall(text):
        if token in lex.stopwords or token.isdigit():
            continue
        words.add(lex.synonyms.get(token) or lex.synonyms.get(_singular(token)) or _singular(token))
    return " ".join(sorted(words))


def measure_phrase(claim: Claim, figure: Figure) -> str | None:
    """The figure's measure, else the word right after it in the sentence ("a $40 million grant" → "grant")."""
    if figure.measure:
        return figure.measure
    after = claim.text[figure.span.end - claim.span.start :]
    match = re.match(r"\s+([A-Za-z][a-z-]+)", after)
    if match and match.group(1).lower() not in lexicon().stopwords:
        return match.group(1)
    return None


def measure_key(claim: Claim, figure: Figure) -> str | None:
    """The blocking key of a check-worthy figure: unit family and normalised measure, or None."""
    if not is_checkworthy(figure):
        return None
    phrase = measure_phrase(claim, figure)
    words = normalise_measure(phrase) if phrase else ""
    if not words and figure.unit == "count":
        return None
    return f"{figure.unit}|{words}"  # money and percentages without a measure still meet on their value


def is_generic(key: str) -> bool:
    """A key whose measure is only a generic head ("people"): too vague to say two sources contradict."""
    words = key.split("|", 1)[1].split()
    return all(word in lexicon().generic_heads for word in words)


def is_specific(key: str) -> bool:
    """Specific enough to contradict: not a generic head, and for counts more than the counted noun alone
    ("injured people", not "pages" or "miles", which a story counts of many different things)."""
    unit, words = key.split("|", 1)
    return not is_generic(key) and (unit != "count" or len(words.split()) >= 2)


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure allows, with the documented tolerance for exact and approximate figures."""
    lex = lexicon()
    value = float(figure.value or 0.0)
    if figure.comparator == "range" and figure.value_max is not None:
        return value, float(figure.value_max)
    if figure.comparator in _OPEN_LOW:
        return value, math.inf
    if figure.comparator in _OPEN_HIGH:
        return -math.inf, value
    tolerance = lex.approx_tolerance if figure.comparator == "approx" else lex.exact_tolerance
    spread = abs(value) * tolerance
    return value - spread, value + spread


def agree(a: Figure, b: Figure) -> bool:
    """Both state the same number: the stated values are within the wider of the two tolerances."""
    lex = lexicon()
    if a.comparator == "range" or b.comparator == "range":
        return (
            a.comparator == b.comparator
            and _close(a.value, b.value, lex.exact_tolerance)
            and _close(a.value_max, b.value_max, lex.exact_tolerance)
        )
    loose = "approx" in (a.comparator, b.comparator)
    return _close(a.value, b.value, lex.approx_tolerance if loose else lex.exact_tolerance)


def _close(x: float | None, y: float | None, tolerance: float) -> bool:
    if x is None or y is None:
        return False
    return abs(x - y) <= tolerance * max(abs(x), abs(y)) + 1e-9


def conflict(a: Figure, b: Figure) -> bool:
    """No value satisfies both figures ("12 passengers" against "20 people"; "more than 10" fits "12")."""
    lo_a, hi_a = interval(a)
    lo_b, hi_b = interval(b)
    return hi_a < lo_b or hi_b < lo_a


FIGURE_KEYS_SCHEMA = pl.Schema(
    {
        "claim_id": pl.String,
        "figure_index": pl.Int64,
        "source_id": pl.String,
        "group": pl.String,
        "key": pl.String,
        "unit": pl.String,
        "word": pl.String,
    }
)


def figure_keys(corpus: Corpus) -> pl.DataFrame:
    """One row per (check-worthy figure, word of its measure key or its value word); linear in the claims."""
    rows = [
        (claim.claim_id, i, claim.source_id, corpus.group_of(claim), key, key.split("|", 1)[0], word)
        for claim in corpus.claims
        for i, figure in enumerate(claim.figures)
        if (key := measure_key(claim, figure)) is not None
        for word in [*key.split("|", 1)[1].split(), value_word(figure)]
    ]
    return pl.DataFrame(rows, schema=FIGURE_KEYS_SCHEMA, orient="row")


def value_word(figure: Figure) -> str:
    """A word for the value (two significant digits): a figure without a measure probes with it for its peers."""
    return f"#{float(figure.value or 0.0):.2g}"


def _with_df(keys: pl.DataFrame) -> pl.DataFrame:
    return keys.join(keys.group_by("unit", "word").len().rename({"len": "df"}), on=["unit", "word"])


def _probes(keys: pl.DataFrame) -> pl.DataFrame:
    """One row per figure: the rarest word of its measure (its value word when it has no measure)."""
    return (
        _with_df(keys)
        .filter(~pl.col("word").str.starts_with("#") | (pl.col("key").str.ends_with("|")))
        .sort("claim_id", "figure_index", "df", "word")
        .group_by("claim_id", "figure_index", maintain_order=True)
        .first()
    )


def figure_pairs(keys: pl.DataFrame) -> pl.DataFrame:
    """Candidate pairs of figures in different independence groups, each pair once per direction found.

    A pair can nest (one measure's words all in the other's) only if the smaller measure's rarest word is in the
    larger one, so each figure probes with its rarest word against every figure's words: one probe row per
    figure keeps the join near-linear. Blocks (unit, word) of more than ``max_block_rows`` figures are too
    common to compare and are left out; the caller keeps the pairs whose measures nest.
    """
    limit = lexicon().max_block_rows
    probes = (
        _probes(keys)
        .filter(pl.col("df") <= limit)
        .select("claim_id", "figure_index", "group", "key", "unit", "word")
    )
    targets = keys.select("claim_id", "figure_index", "group", "key", "unit", "word")
    return (
        probes.join(targets, on=["unit", "word"], suffix="_other")
        .filter(pl.col("group") != pl.col("group_other"))
        .select("claim_id", "figure_index", "key", "claim_id_other", "figure_index_other", "key_other")
        .unique()
        .sort("claim_id", "figure_index", "claim_id_other", "figure_index_other")
    )


def uncomparable(keys: pl.DataFrame) -> set[tuple[str, int]]:
    """Figures whose rarest word is in a block over the size limit: too common to compare at all."""
    over = _probes(keys).filter(pl.col("df") > lexicon().max_block_rows)
    return {(c, i) for c, i in over.select("claim_id", "figure_index").iter_rows()}


def nested(key: str, other: str) -> bool:
    """Same unit, and one measure's words are all in the other's ("homes" nests in "homes damaged")."""
    unit, words = key.split("|", 1)
    other_unit, other_words = other.split("|", 1)
    a, b = set(words.split()), set(other_words.split())
    return unit == other_unit and (a <= b or b <= a)


# --- compared pairs, shared by the corpus rules ------------------------------------------------------------

FigureRef = tuple[str, int]  # (claim_id, index into Claim.figures)


@dataclass(frozen=True)
class FigureComparison:
    """For each check-worthy figure: its key, and the figures of other groups that agree with or contradict it.

    ``too_common`` holds the figures that could not be compared (every block of their key is over the limit)."""

    keys: dict[FigureRef, str]
    agreeing: dict[FigureRef, tuple[FigureRef, ...]]
    conflicting: dict[FigureRef, tuple[FigureRef, ...]]
    too_common: frozenset[FigureRef]


_last: tuple[Corpus, FigureComparison] | None = None


def compare_figures(corpus: Corpus) -> FigureComparison:
    """Compare figures blocked by measure key (cached for the last corpus, which both figure rules read)."""
    global _last
    if _last is not None and _last[0] is corpus:
        return _last[1]
    keys_table = figure_keys(corpus)
    keys = {(c, i): k for c, i, _s, _g, k, _u, _w in keys_table.iter_rows()}
    agreeing: dict[FigureRef, list[FigureRef]] = {}
    conflicting: dict[FigureRef, list[FigureRef]] = {}
    seen: set[tuple[FigureRef, FigureRef]] = set()
    stories = Stories(corpus)
    for claim_id, index, key, other_id, other_index, other_key in figure_pairs(keys_table).iter_rows():
        mine_ref, their_ref = (claim_id, index), (other_id, other_index)
        if (mine_ref, their_ref) in seen or not nested(key, other_key):
            continue
        seen.update({(mine_ref, their_ref), (their_ref, mine_ref)})
        first, second = corpus.claim_by_id[claim_id], corpus.claim_by_id[other_id]
        mine, theirs = first.figures[index], second.figures[other_index]
        # the same measure in two unrelated stories is neither a confirmation nor a contradiction
        if agree(mine, theirs) and stories.may_corroborate(first, second):
            target = agreeing
        elif (
            conflict(mine, theirs)
            and is_specific(key)
            and is_specific(other_key)
            and stories.may_contest(first, second)
        ):
            target = conflicting
        else:
            continue
        target.setdefault(mine_ref, []).append(their_ref)
        target.setdefault(their_ref, []).append(mine_ref)
    result = FigureComparison(
        keys,
        {k: tuple(sorted(v)) for k, v in agreeing.items()},
        {k: tuple(sorted(v)) for k, v in conflicting.items()},
        frozenset(uncomparable(keys_table)),
    )
    _last = (corpus, result)
    return result
