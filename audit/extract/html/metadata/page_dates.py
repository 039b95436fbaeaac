"""Normalising the dates pages state about themselves to ``YYYY-MM-DD``.

Metadata dates come as ISO 8601 timestamps ("2019-11-18T23:30:00-05:00"), as RFC 2822 strings, in
words ("November 18, 2019", "18. November 2019") or in a URL path ("/2019/11/18/"). The calendar day is
the one written (the publisher's local day): converting to UTC would move late-evening articles to
the next day.

:func:`htmldate_guess` wraps htmldate's whole-page search (``original_date=True``, extensive search)
so that it never fetches anything and never reports a bare copyright-footer year as a date.
"""

from __future__ import annotations

import copy
import re
from datetime import date, datetime

import lxml.html
from dateutil import parser as dateutil_parser  # type: ignore[import-untyped]
from htmldate import find_date

MIN_YEAR = 1990
MAX_YEAR = 2100

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[T\s_])")
_COMPACT = re.compile(r"^\s*(\d{4})(\d{2})(\d{2})(?:$|[T\s])")
_DOTTED = re.compile(r"^\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\b")
_SLASHED_ISO = re.compile(r"^\s*(\d{4})/(\d{1,2})/(\d{1,2})\b")
_URL_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})[/_-](\d{1,2})[/_-](\d{1,2})(?!\d)")
_URL_COMPACT = re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/")
_COPYRIGHT = re.compile(r"(?:©|&copy;|\(c\)|copyright)\s*(?:\d{4}\s*[-–]\s*)?((?:19|20)\d{2})", re.IGNORECASE)


def _valid(year: int, month: int, day: int) -> str | None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def normalise_date(text: str) -> str | None:
    """``YYYY-MM-DD`` for a stated date, or None when it has no full calendar day or is implausible."""
    if not text or len(text) > 80:
        return None
    for pattern in (_ISO, _COMPACT, _SLASHED_ISO):
        match = pattern.match(text)
        if match:
            return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    match = _DOTTED.match(text)
    if match:
        return _valid(int(match.group(3)), int(match.group(2)), int(match.group(1)))
    if not re.search(r"\b\d{4}\b", text) or not re.search(r"[A-Za-z]", text):
        return None  # a bare number or a date without a year: not a full day
    try:
        # Two different defaults: a day that depends on the default was never stated. The time zone is
        # ignored: only the written day counts (and an unknown "EST" would warn on stderr).
        first = dateutil_parser.parse(text, fuzzy=True, ignoretz=True, default=datetime(2000, 1, 1))
        second = dateutil_parser.parse(text, fuzzy=True, ignoretz=True, default=datetime(2001, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if first.date() != second.date():
        return None
    return _valid(first.year, first.month, first.day)


def url_date(url: str) -> str | None:
    """The day written in a URL path ("/2019/11/18/", "2019-11-18", "/20191118/"), if any."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url, flags=re.IGNORECASE)
    for pattern in (_URL_DAY, _URL_COMPACT):
        match = pattern.search(path)
        if match:
            return _valid(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    return None


def _fetchable(html: str) -> bool:
    """True when htmldate would take ``html`` for a URL and download it (it must never be given one)."""
    return html.startswith("http") and " " not in html


def htmldate_guess(
    html: str | None, tree: lxml.html.HtmlElement | None, url: str | None = None
) -> str | None:
    """htmldate's guess at the original publication day, or None.

    htmldate gets the decoded page itself when there is one, so that it parses it with its own parser
    and repairs (as in the htmldate baseline), and the parsed ``tree`` otherwise (a copy: htmldate
    prunes what it gets). A string htmldate would take for a URL is never passed; ``url`` is only read
    for a date in its path. A guess of 1 January of a year that the page's footer gives as its
    copyright year is refused: that is the footer, not the article.
    """
    source: str | lxml.html.HtmlElement
    if html and not _fetchable(html.lstrip()):
        source = html
    elif tree is not None:
        source = copy.deepcopy(tree)
    else:
        return None
    try:
        found = find_date(source, extensive_search=True, original_date=True, url=url)
    except (ValueError, TypeError, RecursionError, AttributeError):
        return None
    if not found:
        return None
    if found.endswith("-01-01") and tree is not None:
        footer = " ".join(tree.xpath("//footer//text()")) + " ".join(tree.xpath("//body//text()")[-80:])
        if any(m.group(1) == found[:4] for m in _COPYRIGHT.finditer(footer)):
            return None
    return str(found)
