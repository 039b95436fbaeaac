"""Independence groups: sources that copy one another share a group, so copies never count as confirmation.

Ten reprints of one wire story are one source, not ten. Steps (thresholds in ``audit/data/independence.json``,
explained in ``docs/corroboration.md``):

1. words with their character offsets, for every readable source;
2. candidate pairs, never all pairs: MinHash/LSH (datasketch) over word shingles finds near-duplicates, and a
   polars join on rare content-word bigrams finds paraphrases that share structure but little exact text;
3. shared-passage alignment of each candidate pair: maximal runs of at least ``passage_min_words`` identical
   words, with the share of each text they cover;
4. copies (the shared passages cover at least ``copy_min_coverage`` of the shorter text) are merged into one
   group (union-find); the group id is the source id of its earliest-published member;
5. notes on the sources: ``copy_of`` on every member of a group, ``likely_derived`` on both sources of a pair
   that shares passages or phrasing without being a copy (groups stay apart). Each note says how much is shared
   and quotes the longest shared passages; ``compare`` gives the passages' spans to callers that want them all.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from itertools import pairwise
from typing import Any

import polars as pl
from datasketch import MinHash, MinHashLSH

from audit.data import load
from audit.model import Source, SourceWarning

_WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True)
class Settings:
    shingle_words: int
    num_perm: int
    lsh_threshold: float
    passage_min_words: int
    copy_min_coverage: float
    derived_min_coverage: float
    derived_min_bigram_containment: float
    derived_max_bigram_df: int
    derived_min_shared_bigrams: int
    min_words: int
    max_passages_shown: int
    stopwords: frozenset[str]


@cache
def settings() -> Settings:
    """The thresholds of ``audit/data/independence.json``, read once."""
    raw: dict[str, Any] = load("independence")
    fields = {k: v for k, v in raw.items() if k not in ("version", "description", "stopwords")}
    return Settings(**fields, stopwords=frozenset(raw["stopwords"]))


@dataclass(frozen=True, slots=True)
class Words:
    """A source's lowercased words and the character span of each in ``Source.text``."""

    tokens: tuple[str, ...]
    starts: tuple[int, ...]
    ends: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class Passage:
    """A run of identical words in two sources: character spans in each and its length in words."""

    start: int
    end: int
    other_start: int
    other_end: int
    words: int


@dataclass(frozen=True, slots=True)
class PairEvidence:
    """What two sources share: the passages (spans in ``a``'s and ``b``'s text) and how much of each."""

    a: str
    b: str
    passages: tuple[Passage, ...]
    coverage_a: float
    coverage_b: float
    bigram_containment: float

    @property
    def coverage(self) -> float:
        """The share of the shorter text inside shared passages."""
        return max(self.coverage_a, self.coverage_b)


def words_of(text: str) -> Words:
    matches = list(_WORD.finditer(text.lower()))
    return Words(
        tuple(m.group() for m in matches), tuple(m.start() for m in matches), tuple(m.end() for m in matches)
    )


def align(a: Words, b: Words, min_words: int) -> tuple[tuple[Passage, ...], float, float]:
    """Maximal shared runs of at least ``min_words`` words, and the share of ``a`` and ``b`` they cover.

    Linear in the two lengths for ordinary text: ``a``'s n-grams are indexed once and ``b`` is walked once,
    each match extended as far as the words agree.
    """
    if len(a.tokens) < min_words or len(b.tokens) < min_words:
        return (), 0.0, 0.0
    index: dict[tuple[str, ...], list[int]] = defaultdict(list)
    for i in range(len(a.tokens) - min_words + 1):
        index[a.tokens[i : i + min_words]].append(i)
    passages: list[Passage] = []
    covered_a: set[int] = set()
    covered_b = 0
    j = 0
    while j <= len(b.tokens) - min_words:
        best_i, best_len = -1, 0
        for i in index.get(b.tokens[j : j + min_words], ()):
            length = min_words
            while (
                i + length < len(a.tokens)
                and j + length < len(b.tokens)
                and a.tokens[i + length] == b.tokens[j + length]
            ):
                length += 1
            if length > best_len:
                best_i, best_len = i, length
        if best_len == 0:
            j += 1
            continue
        passages.append(
            Passage(
                a.starts[best_i],
                a.ends[best_i + best_len - 1],
                b.starts[j],
                b.ends[j + best_len - 1],
                best_len,
            )
        )
        covered_a.update(range(best_i, best_i + best_len))
        covered_b += best_len
        j += best_len
    return tuple(passages), len(covered_a) / len(a.tokens), covered_b / len(b.tokens)


def _minhash_candidates(words: dict[str, Words], config: Settings) -> set[tuple[str, str]]:
    """Pairs whose word-shingle sets LSH puts in a common bucket (estimated Jaccard near the threshold)."""
    lsh = MinHashLSH(threshold=config.lsh_threshold, num_perm=config.num_perm)
    hashes: dict[str, MinHash] = {}
    n = config.shingle_words
    for source_id in sorted(words):
        tokens = words[source_id].tokens
        shingles = {" ".join(tokens[i : i + n]).encode() for i in range(len(tokens) - n + 1)}
        minhash = MinHash(num_perm=config.num_perm, seed=1)
        minhash.update_batch(sorted(shingles))
        hashes[source_id] = minhash
        lsh.insert(source_id, minhash)
    pairs: set[tuple[str, str]] = set()
    for source_id, minhash in hashes.items():
        for other in lsh.query(minhash):
            if other != source_id:
                pairs.add((min(source_id, other), max(source_id, other)))
    return pairs


def _content_bigrams(tokens: Sequence[str], stopwords: frozenset[str]) -> set[str]:
    content = [t for t in tokens if len(t) > 2 and t not in stopwords and not t.isdigit()]
    return {f"{x} {y}" for x, y in pairwise(content)}


def _bigram_candidates(words: dict[str, Words], config: Settings) -> dict[tuple[str, str], float]:
    """Containment of content-word bigrams between sources, by a polars join on the rarer bigrams.

    Bigrams that more than ``derived_max_bigram_df`` sources use are dropped before the join, so its size stays
    near-linear in the corpus; the containment is shared bigrams over the smaller source's bigram count. Short
    texts on one event share names by nature, so a pair also needs ``derived_min_shared_bigrams`` shared bigrams.
    """
    rows_source: list[str] = []
    rows_bigram: list[str] = []
    sizes: dict[str, int] = {}
    for source_id in sorted(words):
        bigrams = _content_bigrams(words[source_id].tokens, config.stopwords)
        sizes[source_id] = len(bigrams)
        rows_source.extend([source_id] * len(bigrams))
        rows_bigram.extend(sorted(bigrams))
    table = pl.DataFrame(
        {"source": rows_source, "bigram": rows_bigram}, schema={"source": pl.String, "bigram": pl.String}
    )
    rare = table.join(
        table.group_by("bigram").len().filter(pl.col("len") <= config.derived_max_bigram_df).select("bigram"),
        on="bigram",
    )
    shared = (
        rare.join(rare, on="bigram", suffix="_b")
        .filter(pl.col("source") < pl.col("source_b"))
        .group_by("source", "source_b")
        .len()
    )
    result: dict[tuple[str, str], float] = {}
    for a, b, count in shared.iter_rows():
        smaller = min(sizes[a], sizes[b])
        containment = count / smaller if smaller else 0.0
        if (
            containment >= config.derived_min_bigram_containment
            and count >= config.derived_min_shared_bigrams
        ):
            result[(a, b)] = containment
    return result


def compare(sources: Sequence[Source], config: Settings | None = None) -> list[PairEvidence]:
    """Every candidate pair of sources with what they share, sorted by source ids."""
    config = config or settings()
    words = {
        s.source_id: w
        for s in sources
        if s.status == "ok" and len((w := words_of(s.text)).tokens) >= config.min_words
    }
    lsh_pairs = _minhash_candidates(words, config)
    bigram_pairs = _bigram_candidates(words, config)
    evidence: list[PairEvidence] = []
    for a, b in sorted(lsh_pairs | set(bigram_pairs)):
        passages, coverage_a, coverage_b = align(words[a], words[b], config.passage_min_words)
        evidence.append(PairEvidence(a, b, passages, coverage_a, coverage_b, bigram_pairs.get((a, b), 0.0)))
    return evidence


def is_copy(pair: PairEvidence, config: Settings) -> bool:
    return pair.coverage >= config.copy_min_coverage


def is_derived(pair: PairEvidence, config: Settings) -> bool:
    return not is_copy(pair, config) and (
        pair.coverage >= config.derived_min_coverage
        or pair.bigram_containment >= config.derived_min_bigram_containment
    )


def source_label(source: Source) -> str:
    """How messages name a source: its site, else its title (shortened), else its file name."""
    if source.site:
        return source.site
    if source.title:
        title = source.title if len(source.title) <= 60 else source.title[:57].rstrip() + "…"
        return f"“{title}”"
    return source.path.rstrip("/").rsplit("/", 1)[-1] or source.source_id  # PurePosixPath(...).name, cheaper


def _groups(sources: Sequence[Source], copies: Iterable[PairEvidence]) -> dict[str, str]:
    """Union-find over copy pairs; each group is named by its earliest-published member (then lowest id)."""
    parent = {s.source_id: s.source_id for s in sources}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pair in copies:
        ra, rb = find(pair.a), find(pair.b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    members: dict[str, list[Source]] = defaultdict(list)
    for source in sources:
        members[find(source.source_id)].append(source)
    group_of: dict[str, str] = {}
    for group in members.values():
        first = min(group, key=lambda s: (s.published is None, s.published or "", s.source_id))
        for source in group:
            group_of[source.source_id] = first.source_id
    return group_of


def _percent(x: float) -> str:
    return f"{round(100 * x)}%"


def _shared_text(source: Source, passages: Sequence[tuple[int, int]], limit: int) -> str:
    longest = sorted(passages, key=lambda p: (p[0] - p[1], p[0]))[:limit]
    shown = []
    for start, end in sorted(longest):
        snippet = source.text[start:end]
        shown.append(f"“{snippet[:80]}…”" if len(snippet) > 80 else f"“{snippet}”")
    return "; ".join(shown)


def assign_groups(sources: Sequence[Source]) -> tuple[Source, ...]:
    """Sources with their independence group and their copy and derivation notes (with the shared passages)."""
    config = settings()
    by_id = {s.source_id: s for s in sources}
    pairs = compare(sources, config)
    copies = [p for p in pairs if is_copy(p, config)]
    group_of = _groups(sources, copies)
    notes: dict[str, list[SourceWarning]] = defaultdict(list)
    for pair in pairs:
        copy = is_copy(pair, config)
        if not copy and not is_derived(pair, config):
            continue
        for this, other, own_cover, flip in (
            (pair.a, pair.b, pair.coverage_a, False),
            (pair.b, pair.a, pair.coverage_b, True),
        ):
            spans = [(p.other_start, p.other_end) if flip else (p.start, p.end) for p in pair.passages]
            label = source_label(by_id[other])
            if copy:
                message = (
                    f"Copy of {label}: {_percent(own_cover)} of this text is in {len(pair.passages)} passage(s) "
                    f"shared with it, so the two count as one independent source"
                )
                examples = _shared_text(by_id[this], spans, config.max_passages_shown)
                notes[this].append(SourceWarning("copy_of", f"{message}; e.g. {examples}.", (other,)))
            else:
                how = (
                    f"{_percent(own_cover)} of this text in {len(pair.passages)} shared passage(s)"
                    if pair.passages
                    else "no passage copied word for word"
                )
                shown = f" (e.g. {_shared_text(by_id[this], spans, 1)})" if spans else ""
                message = (
                    f"Likely derived from (or a source of) {label}: they share "
                    f"{_percent(pair.bigram_containment)} of their distinctive word pairs and {how}{shown}; still "
                    "counted as independent, check before treating them as separate confirmations."
                )
                notes[this].append(SourceWarning("likely_derived", message, (other,)))
    result = []
    for source in sources:
        updated = replace(source, independence_group=group_of[source.source_id])
        if notes.get(source.source_id):
            ordered = sorted(notes[source.source_id], key=lambda n: (n.code, n.related, n.message))
            updated = replace(updated, warnings=source.warnings + tuple(ordered))
        result.append(updated)
    return tuple(result)
