"""Quote selectors: find a claim again in the capture it came from.

A claim's ``span`` indexes the cleaned ``Source.text``. Its ``selector`` is a W3C TextQuoteSelector
(https://www.w3.org/TR/annotation-model/#text-quote-selector): the exact text plus up to ``CONTEXT``
characters before and after it, computed against the *document* a reader of the capture would match it in:

- a text capture is its own document: the cleaner keeps paragraphs verbatim, so the exact text occurs in the
  decoded capture and prefix and suffix come from there;
- an HTML capture's document is its text content (``audit.claim_extraction.locate.html_text``: tags removed, character references
  decoded, scripts and styles dropped, whitespace collapsed), what a browser matches a TextQuoteSelector
  against; the claim is found there with whitespace matched loosely, and ``exact`` is the text content's
  reading of it (the claim text, re-spaced where the cleaner re-spaced it).

Either way ``resolve(selector, locator.document)`` finds the claim again. When it cannot be found (the cleaner
changed more than whitespace), prefix and suffix come from the cleaned text. ``CaptureLocator`` also gives the
1-based line of the claim in the decoded capture (for HTML, the raw line where the match starts), for CI
annotations.
"""

from __future__ import annotations

import bisect
import re

from audit.claim_extraction.locate.html_text import (
    HtmlTextMap,
    common_prefix,
    common_suffix,
    find_quote,
    find_start,
)
from audit.model import Selector, Span

CONTEXT = 32
_SPACE = re.compile(r"\s+")


class CaptureLocator:
    """Finds claims, in order, in one decoded capture of the given media type."""

    def __init__(self, capture: str, media_type: str = "text/plain") -> None:
        self.capture = capture
        self.media_type = media_type
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", capture)]
        self._cursor = 0
        self._html: HtmlTextMap | None = None

    @property
    def document(self) -> str:
        """The text the selectors resolve against: the capture, or an HTML capture's text content (built once,
        on first use)."""
        if self.media_type != "text/html":
            return self.capture
        if self._html is None:
            self._html = HtmlTextMap(self.capture)
        return self._html.text

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
        if self.media_type == "text/html":
            return self._select_html(hint)
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

    def _select_html(self, hint: Selector) -> tuple[Selector, int | None]:
        document = self.document
        found = find_quote(document, hint.exact, hint.prefix, hint.suffix, self._cursor)
        if found is None:
            found = find_quote(document, hint.exact, hint.prefix, hint.suffix)
        if self._html is None:
            return hint, None
        if found is None:
            # the cleaner changed the sentence beyond whitespace: the selector keeps the cleaned text's
            # context, and the line is where the longest leading part of the claim is found, if any
            lead = find_start(document, hint.exact, hint.prefix, self._cursor)
            if lead is None:
                lead = find_start(document, hint.exact, hint.prefix)
            if lead is None:
                return hint, None
            self._cursor = lead
            return hint, self.line_of(self._html.raw_offset(lead))
        start, end = found
        self._cursor = end
        selector = Selector(
            exact=document[start:end],
            prefix=document[max(0, start - CONTEXT) : start],
            suffix=document[end : end + CONTEXT],
        )
        return selector, self.line_of(self._html.raw_offset(start))


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
        score = common_suffix(document[max(0, start - len(selector.prefix)) : start], selector.prefix)
        score += common_prefix(document[end : end + len(selector.suffix)], selector.suffix)
        if best is None or score > best[0]:
            best = (score, start)
        start = document.find(selector.exact, start + 1)
    return None if best is None else best[1]
