"""Date lines: a line that is a calendar date and nothing else, and dates written inside a line.

Text captures and page headings state the publication date on a line of its own ("Published: 3 March
2020", "Tuesday, January 13, 2020 / 1:39 PM"), or beside the byline ("By Jane Doe | March 3, 2020").
:func:`parse_date_line` reads a whole line as one date, :func:`search_date` finds the first date written
anywhere in a text and :func:`split_byline_date` reads a byline and a date on one line. Month and weekday
names and the date prefixes are in ``audit/data/furniture.json`` (read by :func:`audit.furniture.lexicon`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from audit.furniture import TRIM, Byline, Lexicon, lexicon, normalise, parse_byline

_SUFFIX = r"(?:\s+[/|·•]\s+[^\n]{0,40})?"  # "January 13, 2020 / 1:39 PM / Updated 2 minutes ago"
_TIME = (
    r"(?:\s*(?:[-–—,|@·•/]|at|um|à|a las|às|alle)?\s*\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:[A-Z]{2,5}|[+-]\d{2}:?\d{2}|UTC|GMT|Uhr|h)?)?"
)


@dataclass(frozen=True)
class DateLine:
    """A line that is a date and nothing else (plus a prefix such as "Published" and a time)."""

    iso: str
    updated: bool
    prefix: str


def parse_date_line(line: str) -> DateLine | None:
    """Parse a whole line as one calendar date; None if the line says anything more than a date."""
    lex = lexicon()
    text = line.strip().strip("|·•()[]").rstrip(".")
    prefix_match = lex.date_prefix.match(text)
    prefix = ""
    if prefix_match and prefix_match.end() < len(text):
        prefix = normalise(prefix_match.group(0))
        text = text[prefix_match.end() :]
    text = re.sub(
        rf"^(?:{'|'.join(sorted(lex.weekdays, key=len, reverse=True))})\.?,?\s+", "", text, flags=re.I
    )
    iso = _parse_date(text.strip(), lex)
    if iso is None:
        return None
    return DateLine(iso=iso, updated=prefix in lex.updated_prefixes, prefix=prefix)


@lru_cache(maxsize=1)
def _date_forms() -> tuple[re.Pattern[str], ...]:
    """The date patterns (day-month-year, month-day-year, ISO, dotted), each with time and suffix."""
    lex = lexicon()
    month_names = "|".join(re.escape(m) for m in sorted(lex.months, key=len, reverse=True))
    forms = (
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?(?P<m>{month_names})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})",
        rf"(?P<m>{month_names})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T[\d:.]+Z?)?",
        r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})",
        r"(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})",  # day-first with dots: unambiguous in use
    )
    return tuple(re.compile(rf"\b{form}" + _TIME + _SUFFIX, re.IGNORECASE) for form in forms)


def _iso(match: re.Match[str], lex: Lexicon) -> str | None:
    month_text = match.group("m")
    month = int(month_text) if month_text.isdigit() else lex.months[month_text.lower()]
    try:
        return date(int(match.group("y")), month, int(match.group("d"))).isoformat()
    except ValueError:
        return None


def _parse_date(text: str, lex: Lexicon) -> str | None:
    for pattern in _date_forms():
        match = pattern.fullmatch(text)
        if match:
            return _iso(match, lex)
    return None


def search_date(text: str) -> tuple[int, int, str] | None:
    """The first calendar date written anywhere in ``text``: (start, end, ``YYYY-MM-DD``), or None."""
    lex = lexicon()
    best: tuple[int, int, str] | None = None
    for pattern in _date_forms():
        for match in pattern.finditer(text):
            iso = _iso(match, lex)
            if iso is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), match.end(), iso)
                break
    return best


def split_byline_date(line: str) -> tuple[Byline, DateLine] | None:
    """A byline and a date on one line ("By Jane Doe | March 3, 2020", "By J. Doe Feb 8, 2020 5 min read")."""
    lex = lexicon()
    if not lex.byline.match(line.strip()):
        return None
    for pattern in _date_forms():
        match = pattern.search(line)
        if not match:
            continue
        iso = _iso(match, lex)
        left = line[: match.start()].strip(TRIM + ",")
        left = re.sub(r"\s*(?:on|am|le|el|em|,)$", "", left, flags=re.IGNORECASE).strip(TRIM + ",")
        byline = parse_byline(left)
        if iso and byline is not None:
            return byline, DateLine(iso=iso, updated=False, prefix="")
    return None
