"""The sentence around a date: where the sentences of a text end, found once per text.

``sentence_bounds`` gives the sentence (or line) around a span; abbreviations ("U.S.", "Feb.") and runs of
initials do not end one. Every date of a page asks for its sentence, so the text's sentence ends are scanned once
(``_SentenceEnds``) and each question is a binary search: a page listing ten thousand years costs one pass, not
one pass per date.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")
ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Gov|Sen"
    r"|Rep|Lt|Col|No|Inc|Corp|Co|Ltd|vs|Jr|Sr)\.)$"
)
_ABBREVIATION_REACH = 8  # longer than any word abbreviation above; a run of initials matches by its last


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``; abbreviations ("U.S.", "Feb.") do not end one.

    Defined as: the end of the last sentence end found in ``text[:start]`` (``SENTENCE_END`` searched with
    ``endpos=start``), and the first one found searching from ``end``. Both are answered from the text's sentence
    ends, found once per text (``_SentenceEnds``), so a page of many dates costs one pass, not one per date.
    """
    ends = _sentence_ends(text)
    return ends.left(start), ends.right(end)


_QUOTE_OPENERS = '"“‘('


class _SentenceEnds:
    """Every match of ``SENTENCE_END`` in a text, scanned once, with the abbreviation filter applied."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.needs: list[
            int
        ] = []  # where the match and its look-ahead end: a cut before this loses the match
        kept: list[bool] = []
        for match in SENTENCE_END.finditer(text):
            newline = match.group(0) == "\n"
            self.starts.append(match.start())
            self.ends.append(match.end())
            ahead = 0 if newline else (2 if text[match.end() : match.end() + 1] in _QUOTE_OPENERS else 1)
            self.needs.append(match.end() + ahead)
            kept.append(newline or not _abbreviation_ends(text, match.start() + 1))
        self.last_kept = [0]  # last_kept[i]: end of the last kept match among the first i
        for end, keep in zip(self.ends, kept, strict=True):
            self.last_kept.append(end if keep else self.last_kept[-1])
        self.next_kept = [len(self.starts)] * (len(self.starts) + 1)  # next_kept[i]: first kept index >= i
        for index in range(len(self.starts) - 1, -1, -1):
            self.next_kept[index] = index if kept[index] else self.next_kept[index + 1]

    def left(self, start: int) -> int:
        # matches whose look-ahead fits before the cut are found as they are in the whole text; from the first
        # that does not, the text is searched again up to the cut (a short window: that match touches the cut)
        index = bisect_right(self.needs, start)
        left = self.last_kept[index]
        if index < len(self.starts) and self.starts[index] < start:
            for match in SENTENCE_END.finditer(self.text, self.starts[index], start):
                if match.group(0) == "\n" or not _abbreviation_ends(self.text, match.start() + 1):
                    left = match.end()
        return left

    def right(self, end: int) -> int:
        index = bisect_left(self.starts, end)
        if index and self.ends[index - 1] > end:  # a match begun before ``end`` runs past it: only a line
            newline = self.text.find("\n", end, self.ends[index - 1])  # break inside it starts a match there
            if newline >= 0:
                return newline
        found = self.next_kept[index]
        if found == len(self.starts):
            return len(self.text)
        return self.starts[found] + (0 if self.text[self.starts[found]] == "\n" else 1)


@lru_cache(maxsize=4)
def _sentence_ends(text: str) -> _SentenceEnds:
    return _SentenceEnds(text)


def _abbreviation_ends(text: str, stop: int) -> bool:
    """Whether an abbreviation ends at ``stop``. The search looks back a few characters only (``\\b`` still
    sees the character before the window); searching from the text's start made every date of a long
    article cost a pass over the whole text per sentence end before it (80 s on one 200-date page)."""
    return ABBREVIATION.search(text, max(0, stop - _ABBREVIATION_REACH), stop) is not None
