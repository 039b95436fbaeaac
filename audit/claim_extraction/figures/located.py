"""A figure's place in the parse: the parsed sentence holding it and its words, found by character offset.

``Parses`` indexes the parsed sentences of one text (``audit.nlp.parse.parse_sentences``) so the figure readers, which
work on character spans, can reach the words of a figure; ``Located.top`` is the word of the figure the others hang
on, from which ``audit.claim_extraction.figures.measures`` reads what the figure measures.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass

from audit.nlp.parse import ParsedSentence, Word


@dataclass(frozen=True, slots=True)
class Located:
    """A figure's place in the parse: its sentence and the words of its text, in order."""

    sentence: ParsedSentence
    words: tuple[Word, ...]

    @property
    def ids(self) -> frozenset[int]:
        return frozenset(w.i for w in self.words)

    @property
    def top(self) -> Word:
        """The figure's word the others hang on (the head outside the figure); the widest if there are several."""
        ids = self.ids
        tops = [w for w in self.words if w.head == w.i or w.head not in ids]
        inside = {w.i: sum(1 for x in self.sentence.subtree(w) if x.i in ids) for w in tops}
        return max(tops, key=lambda w: (inside[w.i], w.i))


class Parses:
    """The parsed sentences of one text, looked up by character offset."""

    def __init__(self, parsed: Sequence[ParsedSentence]) -> None:
        self._sentences = sorted(parsed, key=lambda s: s.span.start)
        self._starts = [s.span.start for s in self._sentences]

    def locate(self, start: int, end: int) -> Located | None:
        """The sentence holding ``start`` and its words overlapping ``[start, end)``; None when unparsed."""
        index = bisect.bisect_right(self._starts, start) - 1
        if index < 0 or start >= self._sentences[index].span.end:
            return None
        sentence = self._sentences[index]
        words = tuple(w for w in sentence.words if w.start < end and w.end > start)
        return Located(sentence, words) if words else None
