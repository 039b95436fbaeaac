"""Splitting a plain-text capture into its articles, where a second article visibly begins.

A capture saved from a page that lists several articles, or several pages pasted into one file, holds more
than one article. :func:`split_articles` splits it by the capture's structure, conservatively (a false split
costs more than a miss): only where a title-like line opens a header block (a date line and a byline) after
two paragraphs or more, whatever their length, so that a digest of short items splits into its items. Teasers under a
"Related" heading look like headers but do not split the capture (a separator line before them still does).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from audit.extract.text.chrome import chrome_reason
from audit.extract.text.date_lines import parse_date_line, split_byline_date
from audit.extract.text.furniture import (
    is_long_prose,
    is_prose,
    is_title_like,
    parse_byline,
    words,
)

_SENTENCE_WORDS = 5
SEPARATOR = re.compile(r"^\s*(?:[-=_~#*]\s*){8,}$|^\s*(?:[*#~•·]\s+){2,}[*#~•·]\s*$|^\f$")


@dataclass(frozen=True)
class Line:
    """A non-blank line of a text capture."""

    number: int  # 1-based line number in the capture
    text: str  # stripped


def is_sentence(text: str) -> bool:
    """A short paragraph: a sentence of five words or more, ending with its stop ("The change starts next
    week."), too short for prose but no heading either."""
    stripped = text.strip().rstrip("\"'”’)»")
    return (
        len(words(stripped)) >= _SENTENCE_WORDS
        and stripped[-1:] in ".!?"
        and (stripped[:1].isupper() or stripped[:1] in '"“‘«„(')
        and not stripped.endswith("...")
    )


def is_teaser_line(text: str) -> bool:
    """A byline or date line: under a "Related" heading, the line between a teaser's title and lead."""
    return (
        parse_byline(text) is not None
        or parse_date_line(text) is not None
        or split_byline_date(text) is not None
    )


@dataclass(frozen=True)
class _Block:
    """The date lines and bylines within five lines below a title."""

    has_date: bool
    has_byline: bool
    end: int  # the index of its last line
    texts: frozenset[str]  # its lines, to tell a header printed twice


def _header_block(lines: list[Line], start: int) -> _Block:
    has_date = has_byline = False
    last, texts = start, set[str]()
    for offset, line in enumerate(lines[start + 1 : start + 6], start=start + 1):
        if is_long_prose(line.text) or (texts and (is_prose(line.text) or is_sentence(line.text))):
            break  # the body begins (a standfirst may stand between a title and its byline)
        both = split_byline_date(line.text)  # "By A | 3 March 2020"
        date = parse_date_line(line.text) is not None or both is not None
        byline = parse_byline(line.text, bullet=True) is not None or bool(both and both[0].names)
        has_date, has_byline = has_date or date, has_byline or byline
        if date or byline:
            last = offset
            texts.add(" ".join(line.text.lower().split()))
    return _Block(has_date, has_byline, last, frozenset(texts))


def split_articles(lines: list[Line]) -> list[list[Line]]:
    """Split where a second article visibly begins (conservative: a false split costs more than a miss).

    A split needs a title-like line opening a header block: either a separator line ("-----", a form feed)
    just before it with a date or byline after it, or no separator but both a date line and a byline after
    it. It splits after two paragraphs of prose, or, when the article before opened with such a block
    too, after a paragraph of any length (a digest's items are a sentence or two each). A share bar or a
    menu line is never the title.
    """
    starts = [0]
    prose = paragraphs = 0  # since the last start: paragraphs of prose, and of any length
    block_seen = False  # whether the current part has shown a header block (a digest's first item)
    block_end = -1  # the last line of the latest header block: a line above it opens no other
    previous: frozenset[str] = frozenset()  # the latest header block's lines
    in_related = False  # under a "Related" heading, where teasers look like headers but are not articles
    for index, line in enumerate(lines):
        if is_prose(line.text) or is_sentence(line.text):
            in_related = in_related and index > 0 and is_teaser_line(lines[index - 1].text)
            prose += is_prose(line.text)
            paragraphs += 1
            continue
        reason = chrome_reason(line.text)
        in_related = in_related or reason == "related"
        if not is_title_like(line.text) or reason or index <= block_end:
            continue
        block = _header_block(lines, index)
        separated = index > 0 and bool(SEPARATOR.match(lines[index - 1].text))
        opens = (separated and (block.has_date or block.has_byline)) or (block.has_date and block.has_byline)
        if not opens or (in_related and not separated):
            continue
        repeated = block.texts <= previous  # the same byline and date again: a header printed twice
        block_end, previous = block.end, block.texts
        if not repeated and (prose >= 2 or (block_seen and paragraphs >= 1)):
            start = index
            while start - 1 > starts[-1] and chrome_reason(lines[start - 1].text) in {"menu", "breadcrumb"}:
                start -= 1
            starts.append(start)
            prose = paragraphs = 0
        block_seen = True
    bounds = [*starts, len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(bounds)]
