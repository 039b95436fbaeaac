"""The header of a text capture's article: where it lies, and what its date and byline lines are.

:mod:`audit.extract.text.article` labels each line of an article with the reason it is removed (None: kept).
The header is the run of kept lines just above the body's first paragraph; it holds the headline, the
date and byline block, a standfirst, and often the tail of the site's menu. Which of its lines is the
headline is :mod:`audit.extract.text.headline`'s question, asked of every line before the body; the date and
byline are read from the window of ``HEADER_WINDOW`` kept lines above the body (widened up to the headline),
and a date above the headline counts only when the headline's own block below it has none
(:mod:`audit.extract.text.article`).
"""

from __future__ import annotations

import re

from audit.extract.text.date_lines import (
    DateLine,
    desk_byline_date,
    is_bare_name,
    is_unreadable_date_line,
    opening_date,
    parse_date_line,
    search_date,
    split_byline_date,
    split_meta_line,
)
from audit.extract.text.furniture import (
    Byline,
    is_long_prose,
    is_prose,
    is_title_like,
    is_unnamed_byline,
    lexicon,
    parse_byline,
)
from audit.extract.text.split import Line, is_sentence

HEADER_WINDOW = 12  # kept lines above the body start that may hold the title, date and byline
_NUMERIC_DATE_START = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")  # "07/05/2022 20H06 - ..."


def byline_and_date(text: str) -> tuple[Byline, DateLine | None] | None:
    """A byline and a date on one line: "By A | March 3, 2020", "3 March 2020 by A", "A, 03.03.2020"."""
    found = split_byline_date(text) or split_meta_line(text)
    if found is None and (date_line := desk_byline_date(text)) is not None:
        return Byline((), ()), date_line  # "By Wikimedia Foundation•15 January 2020": no author
    return found


def is_date_line(text: str) -> bool:
    """A date line, readable or not."""
    return parse_date_line(text) is not None or is_unreadable_date_line(text)


def is_meta_line(text: str) -> bool:
    """A date line, a byline (with or without a date) or a desk's byline: the header's metadata block."""
    return (
        is_date_line(text)
        or parse_byline(text, bullet=True) is not None
        or byline_and_date(text) is not None
        or is_unnamed_byline(text)
    )


def gives_date(text: str) -> bool:
    """A line giving a publication date: a date line (not an update's) or a byline with a date."""
    date_line = parse_date_line(text)
    if date_line is not None:
        return not date_line.updated
    both = byline_and_date(text)
    return both is not None and both[1] is not None


def header_window(lines: list[Line], reasons: list[str | None]) -> tuple[int, int]:
    """Where the header lies: up to ``HEADER_WINDOW`` kept lines above the body's first paragraph.

    The body starts at the first long paragraph (else the second paragraph of prose, else the first; with
    no prose at all, the first sentence below a date line or byline: a digest's short item).
    """
    kept = [i for i in range(len(lines)) if reasons[i] is None]
    prose = [i for i in kept if is_prose(lines[i].text)]
    long_prose = [i for i in prose if is_long_prose(lines[i].text)]
    if long_prose:
        end = long_prose[0]
    elif len(prose) >= 2:
        end = prose[1]
    elif prose:
        end = prose[0]
    else:
        meta = next((i for i in kept if is_meta_line(lines[i].text)), len(lines))
        end = next((i for i in kept if i > meta and is_sentence(lines[i].text)), len(lines))
    above = [i for i in kept if i < end]
    start = above[-HEADER_WINDOW] if len(above) >= HEADER_WINDOW else 0
    return start, end


def is_title_like_line(text: str) -> bool:
    """A line that may be a headline: title-like, not a label ending with a colon ("Search for:") or a
    salutation ending with a comma ("Dear Sir or Madam,"), not a quote's attribution ("— Jane Doe"), not a
    labelled date ("Updated March 3, 2020 by …")."""
    text = text.strip()
    return (
        is_title_like(text)
        and text[-1:] not in ":,"
        and text[:1] not in "—–"
        and not _NUMERIC_DATE_START.match(text)
        and not _labelled_date(text)
        and opening_date(text) is None
    )


def _labelled_date(text: str) -> bool:
    """ "Updated March 3, 2020 by Editorial Staff", "Published on 3 May 2021 in News": a date line with more on it."""
    lex = lexicon()
    first = text.split()[0].lower().strip(":") if text.split() else ""
    labelled = bool(lex.date_prefix.match(text)) or first in lex.updated_prefixes
    return labelled and search_date(text) is not None


def is_name_line(text: str, following: str | None, previous: str | None) -> bool:
    """A bare name (or names) right above a date line: a byline without "By", never the headline (a
    label printed twice in a row, "Open Future / Open Future", is a section)."""
    if text == previous:
        return False
    names = [part.strip() for part in re.split(r",\s*|\s+(?:and|und|y|et|e)\s+", text)]
    return following is not None and is_date_line(following) and all(is_bare_name(n) for n in names)
