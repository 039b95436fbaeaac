"""Which sentences of an article stayed, went, arrived or were edited between two captures.

1. units: the sentences of each cleaned text (a heading counts as one unit), with exact spans;
2. a longest-common-subsequence alignment (``difflib``) on their comparable form (``comparable``: Unicode-normalised,
   case-folded, quotes, dashes and whitespace made uniform), so a sentence that is the same but for curly quotes
   or spacing is unchanged;
3. inside each stretch that differs, an old and a new sentence are one sentence *edited* when they keep at least
   ``edit_min_similarity`` of their words (``audit/data/edits.json``), paired in order, best first; the rest were
   removed or added.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from audit.claim_extraction.sentences import paragraphs
from audit.data import settings
from audit.model import Span

Change = Literal["unchanged", "added", "removed", "edited"]

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'", "‚": "'"})
_DASHES = re.compile(r"[‐‑‒–—―]")
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+(?:[.,']\w+)*|[^\w\s]")


@dataclass(frozen=True, slots=True)
class Settings:
    edit_min_similarity: float
    notice_phrases: tuple[str, ...]
    name_stopwords: tuple[str, ...]


@cache
def edit_settings() -> Settings:
    """The thresholds and word lists of ``audit/data/edits.json``, read once."""
    return settings("edits", Settings)


def comparable(text: str) -> str:
    """``text`` in the form two captures are compared in: NFKC, case-folded, quotes, dashes and spaces uniform."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    text = _DASHES.sub("-", text)
    return _SPACE.sub(" ", text).strip().casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(comparable(text))


def similarity(a: str, b: str) -> float:
    """The share of words two sentences keep in common, in order (difflib's ratio on word lists)."""
    return difflib.SequenceMatcher(None, words(a), words(b), autojunk=False).ratio()


@dataclass(frozen=True, slots=True)
class Pairing:
    """One unit of the alignment: an old sentence, a new one, or both (unchanged or edited)."""

    change: Change
    old: Span | None
    new: Span | None
    similarity: float


def units(text: str) -> list[Span]:
    """The sentences of a cleaned text in order; a heading paragraph is one unit."""
    return list(_units(text))


@lru_cache(maxsize=32)
def _units(text: str) -> tuple[Span, ...]:
    """(Cached: a text is split once however many copies it is compared with.)"""
    out: list[Span] = []
    for paragraph in paragraphs(text):
        out.extend(paragraph.sentences or (paragraph.span,))
    return tuple(out)


def align(old_text: str, new_text: str) -> list[Pairing]:
    """Every sentence of both texts, in the new text's order, as unchanged, edited, removed or added."""
    old_units, new_units = units(old_text), units(new_text)
    old_keys = [comparable(s.slice(old_text)) for s in old_units]
    new_keys = [comparable(s.slice(new_text)) for s in new_units]
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    out: list[Pairing] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            out.extend(
                Pairing("unchanged", old_units[i], new_units[j], 1.0)
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
            )
            continue
        out.extend(
            _pair_block(
                [(s, old_keys[i1 + n]) for n, s in enumerate(old_units[i1:i2])],
                [(s, new_keys[j1 + n]) for n, s in enumerate(new_units[j1:j2])],
            )
        )
    return out


def _pair_block(old: list[tuple[Span, str]], new: list[tuple[Span, str]]) -> list[Pairing]:
    """Edited pairs inside one differing stretch (in order, most similar first), the rest removed or added."""
    minimum = edit_settings().edit_min_similarity
    old_words = [_WORD.findall(key) for _, key in old]
    new_words = [_WORD.findall(key) for _, key in new]
    old_bags = [Counter(w) for w in old_words]
    new_bags = [Counter(w) for w in new_words]
    scored = []
    for i, a in enumerate(old_words):
        for j, b in enumerate(new_words):
            # difflib's ratio is at most 2·|shared words| / (|a| + |b|): skip pairs that cannot reach the minimum
            if 2 * (old_bags[i] & new_bags[j]).total() < minimum * (len(a) + len(b)) - 1e-9:
                continue
            ratio = difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()
            if ratio >= minimum:
                scored.append((-ratio, i, j))
    scored.sort()
    pairs: dict[int, tuple[int, float]] = {}
    for negative, i, j in scored:
        if i in pairs or any(jj == j for jj, _ in pairs.values()):
            continue
        # keep the order: no crossing with an earlier pairing
        if any((ii < i) != (jj < j) for ii, (jj, _) in pairs.items()):
            continue
        pairs[i] = (j, -negative)
    out: list[Pairing] = []
    paired_new = {j: i for i, (j, _) in pairs.items()}
    next_old = 0
    for j, (span, _) in enumerate(new):
        if j in paired_new:
            i = paired_new[j]
            out.extend(Pairing("removed", old[k][0], None, 0.0) for k in range(next_old, i))
            out.append(Pairing("edited", old[i][0], span, round(pairs[i][1], 3)))
            next_old = i + 1
        else:
            out.append(Pairing("added", None, span, 0.0))
    out.extend(Pairing("removed", old[k][0], None, 0.0) for k in range(next_old, len(old)))
    return out
