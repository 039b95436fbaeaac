"""Splitting a plain-text capture into its articles, where a second article visibly begins.

A capture saved from a page that lists several articles, or several pages pasted into one file, holds more
than one article. :func:`split_articles` splits it conservatively (a false split costs more than a miss): only
where a title-like line opens a header block (a date line, a byline) after a body of prose. Teasers under a
"Related" heading look like headers but do not split the capture (a separator line before them still does).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from audit.extract.text.date_lines import parse_date_line, split_byline_date
from audit.extract.text.furniture import (
    furniture_reason,
    is_long_prose,
    is_prose,
    is_title_like,
    parse_byline,
)

SEPARATOR = re.compile(r"^\s*(?:[-=_~#*]\s*){8,}$|^\s*(?:[*#~•·]\s+){2,}[*#~•·]\s*$|^\f$")


@dataclass(frozen=True)
class Line:
    """A non-blank line of a text capture."""

    number: int  # 1-based line number in the capture
    text: str  # stripped


def is_teaser_line(text: str) -> bool:
    """A byline or date line: under a "Related" heading, the line between a teaser's title and lead."""
    return (
        parse_byline(text) is not None
        or parse_date_line(text) is not None
        or split_byline_date(text) is not None
    )


def _header_block(lines: list[Line], start: int) -> tuple[bool, bool]:
    """Whether a title at ``start`` is followed, within five lines, by a date line and by a byline."""
    has_date = has_byline = False
    for line in lines[start + 1 : start + 6]:
        if is_long_prose(line.text):
            break
        has_date = has_date or parse_date_line(line.text) is not None
        has_byline = has_byline or parse_byline(line.text, bullet=True) is not None
    return has_date, has_byline


def split_articles(lines: list[Line]) -> list[list[Line]]:
    """Split where a second article visibly begins (conservative: a false split costs more than a miss).

    A split needs a title-like line opening a header block, after a body of at least two paragraphs,
    and either a separator line ("-----", a form feed) just before it with a date or byline after it,
    or no separator but both a date line and a byline after it.
    """
    starts = [0]
    prose_since = 0
    in_related = False  # under a "Related" heading, where teasers look like headers but are not articles
    for index, line in enumerate(lines):
        if is_prose(line.text):
            in_related = in_related and index > 0 and is_teaser_line(lines[index - 1].text)
            prose_since += 1
            continue
        in_related = in_related or furniture_reason(line.text) == "related"
        if prose_since < 2 or not is_title_like(line.text) or furniture_reason(line.text):
            continue
        has_date, has_byline = _header_block(lines, index)
        separated = index > 0 and bool(SEPARATOR.match(lines[index - 1].text))
        if in_related and not separated:
            continue
        if (separated and (has_date or has_byline)) or (has_date and has_byline):
            start = index
            while start - 1 > starts[-1] and furniture_reason(lines[start - 1].text) in {
                "menu",
                "breadcrumb",
            }:
                start -= 1
            starts.append(start)
            prose_since = 0
    bounds = [*starts, len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(bounds)]
