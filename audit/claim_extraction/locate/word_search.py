"""Occurrences of a quote's words in a text, whitespace and invisible characters between words matched loosely.

``audit.claim_extraction.locate.html_text.find_quote`` looks for a claim's words in a page's text content with any run of "gap"
characters (whitespace, soft hyphens, zero-width characters, table-cell bars) allowed between two words, and
none inside a word. Compiling that as a regular expression cost about 20 ms per forty-word claim, more than all
the other work of locating it. Here the text is squashed once (its gap characters removed, with a map from the
squashed text back to the text), the quote's words are joined and found with ``str.find``, and a hit counts
only when no word of the quote is split by a gap in the text. The hits are those the regular expression finds,
in the same order (``tests/test_quote_search.py`` checks them against it).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

GAP_CLASS = r"[\s|\u00ad\u200b-\u200f\u2060\ufeff]"  # the characters allowed between two words of a quote
_GAP_CHAR = re.compile(GAP_CLASS)
_SOLID = re.compile(GAP_CLASS.replace("[", "[^", 1) + "+")  # a run of characters that are not gap characters


@dataclass(frozen=True, slots=True)
class _Squashed:
    """A text without its gap characters: ``text``, and for each solid run where it starts in both texts."""

    text: str
    squashed_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def run(self, position: int) -> int:
        """The solid run that squashed ``position`` falls in."""
        return bisect.bisect_right(self.squashed_starts, position) - 1

    def original(self, position: int) -> int:
        """Where squashed ``position`` is in the original text."""
        run = self.run(position)
        return self.original_starts[run] + position - self.squashed_starts[run]

    def first_at_or_after(self, start: int) -> int:
        """The first squashed position whose original position is at least ``start``."""
        run = bisect.bisect_right(self.original_starts, start) - 1
        if run < 0:
            return 0
        end = self.squashed_starts[run + 1] if run + 1 < len(self.squashed_starts) else len(self.text)
        inside = self.squashed_starts[run] + start - self.original_starts[run]
        return min(inside, end)


@lru_cache(maxsize=4)
def _squashed(text: str) -> _Squashed:
    pieces: list[str] = []
    squashed_starts: list[int] = []
    original_starts: list[int] = []
    length = 0
    for match in _SOLID.finditer(text):
        squashed_starts.append(length)
        original_starts.append(match.start())
        pieces.append(match.group(0))
        length += match.end() - match.start()
    return _Squashed("".join(pieces), tuple(squashed_starts), tuple(original_starts))


def splits_cleanly(words: Sequence[str]) -> bool:
    """Whether no word holds a gap character itself (then :func:`occurrences` applies)."""
    return all(word and _GAP_CHAR.search(word) is None for word in words)


def occurrences(text: str, words: Sequence[str], start: int = 0) -> Iterator[tuple[int, int]]:
    """(start, end) in ``text`` of each non-overlapping occurrence of ``words`` at or after ``start``, gaps
    allowed between words and not inside them, leftmost first. ``words`` must pass :func:`splits_cleanly`."""
    squashed = _squashed(text)
    needle = "".join(words)
    lengths = [len(word) for word in words]
    position = squashed.first_at_or_after(start)
    while (position := squashed.text.find(needle, position)) >= 0:
        offset, whole = position, True
        for length in lengths:
            if squashed.run(offset) != squashed.run(offset + length - 1):
                whole = False  # a gap inside this word in the text: no occurrence here
                break
            offset += length
        if whole:
            yield squashed.original(position), squashed.original(position + len(needle) - 1) + 1
            position += len(needle)
        else:
            position += 1
