"""Quotation marks paired into quote spans, in every common style.

Why a module of its own: pairing quote marks is the one hard part of finding direct speech. Curly
double quotes (“…”), straight double quotes ("…"), guillemets («…», »…«), low-high German quotes („…“),
PTB quotes (``…''), and single quotes (‘…’ or '…') when they are used as quote marks rather than as
apostrophes ("Trump’s", "allies’"). Quotes nest ("…'Russia hoax'…"), and a quote may run over several
paragraphs when the next paragraph re-opens it without the previous one closing (the news convention).

The result is deterministic: quotes in order of their opening mark, each with its depth (0 = outermost).
"""

from __future__ import annotations

from dataclasses import dataclass

from audit.model import Span

# opening mark -> the closing marks that may end it
_PAIRS: dict[str, tuple[str, ...]] = {
    "“": ("”", "“"),  # “…” (English) and “…“ (rare typo)
    "„": ("“", "”"),
    "«": ("»",),
    "»": ("«",),
    '"': ('"',),
    "``": ("''", '"'),
    "‘": ("’",),
    "'": ("'", "’"),
}
_OPEN_BOUNDARY = set(" \t\n([{—–-/“‘\"'«„:;,")


@dataclass(frozen=True, slots=True)
class Quote:
    """One paired quotation: ``span`` includes the marks, ``content`` is the text between them."""

    span: Span
    content: Span
    depth: int
    mark: str


@dataclass(slots=True)
class _Open:
    mark: str
    pos: int  # index of the first character of the opening mark
    after: int  # index just after the opening mark
    depth: int


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _can_open(text: str, i: int, width: int) -> bool:
    """A mark opens when it is preceded by a boundary and followed by something to quote."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before in _OPEN_BOUNDARY or before.isspace()) and not after.isspace()


def _can_close(text: str, i: int, width: int) -> bool:
    """A mark closes when it follows text and is not inside a word (so "Trump’s" is an apostrophe)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return not before.isspace() and not _is_word(after)


def _paragraph_reopens(text: str, i: int, mark: str) -> int | None:
    """At a line break at ``i``: the index after ``mark`` when the next paragraph re-opens it, else None."""
    j = i
    while j < len(text) and text[j].isspace():
        j += 1
    if text.startswith(mark, j):
        return j + len(mark)
    return None


def find_quotes(text: str) -> list[Quote]:
    """Every paired quote in ``text``, outermost and nested, ordered by opening position."""
    stack: list[_Open] = []
    found: list[Quote] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        # line break = paragraph break: unclosed quotes end here unless the next paragraph re-opens the
        # outermost one (the news convention for a quote running over several paragraphs)
        if ch == "\n":
            if stack:
                resume = _paragraph_reopens(text, i, stack[0].mark)
                if resume is not None:
                    del stack[1:]
                    i = resume
                    continue
                stack.clear()
            i += 1
            continue
        mark = "``" if text.startswith("``", i) else ("''" if text.startswith("''", i) else ch)
        width = len(mark)
        closable = [k for k, entry in enumerate(stack) if mark in _PAIRS[entry.mark]]
        if closable and _can_close(text, i, width):
            k = closable[-1]
            entry = stack[k]
            if i > entry.after:
                found.append(Quote(Span(entry.pos, i + width), Span(entry.after, i), entry.depth, entry.mark))
            del stack[k:]
            i += width
            continue
        if mark in _PAIRS and _can_open(text, i, width):
            if mark in ("'", "‘") and i > 0 and _is_word(text[i - 1]):
                i += width
                continue
            stack.append(_Open(mark, i, i + width, len(stack)))
        i += width
    found.sort(key=lambda q: (q.span.start, -q.span.end))
    return found


def outer_quotes(text: str) -> list[Quote]:
    """Only the outermost quotes (depth 0)."""
    return [quote for quote in find_quotes(text) if quote.depth == 0]
