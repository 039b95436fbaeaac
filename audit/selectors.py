"""Quote selectors: find a claim again in the capture it came from.

A claim's ``span`` indexes the cleaned ``Source.text``. Its ``selector`` is a W3C TextQuoteSelector
(https://www.w3.org/TR/annotation-model/#text-quote-selector): the exact text plus up to ``CONTEXT``
characters before and after it. When the exact text occurs in the decoded capture (always for text captures,
whose paragraphs the cleaner keeps verbatim), prefix and suffix come from the capture, so the selector finds
the claim in the original file; otherwise (HTML whose text is split by markup) they come from the cleaned text.
``CaptureLocator`` also gives the capture line of each claim, for CI annotations.
"""

from __future__ import annotations

import bisect
import re

from audit.model import Selector, Span

CONTEXT = 32
_SPACE = re.compile(r"\s+")


class CaptureLocator:
    """Finds claims, in order, in one decoded capture."""

    def __init__(self, capture: str) -> None:
        self.capture = capture
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", capture)]
        self._cursor = 0

    def find(self, hint: Selector) -> int | None:
        """Offset of ``hint.exact`` in the capture: of the occurrences after the previous find (or anywhere, if
        none), the one whose surroundings best match the hint's prefix and suffix (from the cleaned text)."""
        if not hint.exact:
            return None
        position = resolve(hint, self.capture, start=self._cursor)
        if position is None:
            position = resolve(hint, self.capture)
        if position is None:
            return None
        self._cursor = position + len(hint.exact)
        return position

    def line_of(self, offset: int) -> int:
        """1-based line number of a character offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def select(self, text: str, span: Span) -> tuple[Selector, int | None]:
        """The selector for ``text[span]`` and its 1-based line in the capture (None if not found there)."""
        hint = make_selector(text, span)
        exact = hint.exact
        position = self.find(hint)
        if position is None:
            return hint, None
        end = position + len(exact)
        selector = Selector(
            exact=exact,
            prefix=self.capture[max(0, position - CONTEXT) : position],
            suffix=self.capture[end : end + CONTEXT],
        )
        return selector, self.line_of(position)


def make_selector(text: str, span: Span) -> Selector:
    return Selector(
        exact=span.slice(text),
        prefix=text[max(0, span.start - CONTEXT) : span.start],
        suffix=text[span.end : span.end + CONTEXT],
    )


def resolve(selector: Selector, document: str, start: int = 0) -> int | None:
    """Where a selector matches in ``document`` (at or after ``start``): the occurrence of ``exact`` whose
    context fits best; the earliest among equals."""
    best: tuple[int, int] | None = None
    start = document.find(selector.exact, start)
    while start >= 0:
        end = start + len(selector.exact)
        score = _common_suffix(document[max(0, start - len(selector.prefix)) : start], selector.prefix)
        score += _common_prefix(document[end : end + len(selector.suffix)], selector.suffix)
        if best is None or score > best[0]:
            best = (score, start)
        start = document.find(selector.exact, start + 1)
    return None if best is None else best[1]


def _common_prefix(a: str, b: str) -> int:
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def _common_suffix(a: str, b: str) -> int:
    return _common_prefix(a[::-1], b[::-1])
