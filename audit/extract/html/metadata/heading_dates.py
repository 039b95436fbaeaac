"""The date a page prints beside its headline: the date readers see as the article's.

Most articles show their date in a short line next to the main heading (``<h1>``): above it ("News |
12.12.2022"), or in the byline block under it ("Datum: 18.10.2021", "am 3. Februar 2022 um 21:17",
``<time datetime="...">Publié le 29 juin 2019</time>``); press releases open their first paragraph with
a dateline ("Karlsruhe, (12.11.2021). Traditionell ...", "WASHINGTON, May 3, 2019 /PRNewswire/ --").
Whole-page searches (htmldate with ``original_date=True``) take the oldest plausible date on the page
instead, which can be one in a sidebar or one the article cites.

:func:`heading_dates` reads, around the first heading with real text (:data:`MIN_HEADING_CHARS`; a
page without such an ``<h1>`` names its headline with ``itemprop="headline"``):

1. the :data:`BEFORE_NODES` text nodes just before it and the text within :data:`AFTER_CHARS`
   characters after it, leaving out navigation, asides, footers, comments and related-article lists, and
   before it the site's own header (a ``<header>`` or masthead that does not hold the heading: it prints
   today's date, not the article's);
2. in them, a text node that is a date and nothing else (a label such as "Published", "Veröffentlicht
   am", "Datum:" and a time allowed: :func:`audit.extract.text.date_lines.parse_date_line`), alone or joined with the
   next node (``<span>Datum:</span> <span>18.10.2021</span>``); a ``<time>`` element by the date it
   shows, else by its ``datetime`` (the shown date wins when they differ: the attribute is often the
   record's last change);
3. after the heading only, a dateline: a date within :data:`DATELINE_REACH` characters of the start of a
   text node (a paragraph's first words), after at most three capitalised words (a place), and followed
   by ")", ".", ":", "/", a dash or an agency in brackets.

A date labelled as an update ("Aktualisiert am", "Updated") is returned as ``updated``. Numeric dates are
read only when unambiguous (``YYYY-MM-DD``, ``DD.MM.YYYY``); month names in several languages come from
``audit/data/furniture.json``. A slashed date line ("3/5/2022 22:41") is read day-first or month-first
only when one reading alone is a calendar day, or when one reading alone lies within a day of a date the
page states in its structured data (``near``: JSON-LD and meta give UTC timestamps, the page the local
day); otherwise it is left unread.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date
from typing import Literal

import lxml.html

from audit.extract.html.metadata.page_dates import normalise_date
from audit.extract.text.date_lines import DateLine, parse_date_line, search_date
from audit.extract.text.furniture import lexicon
from audit.model import SourceWarning

MIN_HEADING_CHARS = 10  # a shorter <h1> is a logo or a section name, not the headline
BEFORE_NODES = 4  # text nodes read before the heading (kicker, date line above the title)
AFTER_CHARS = 400  # characters of text read after the heading (subtitle, byline block, lead)
DATELINE_REACH = 40  # a dateline's date starts this close to the start of its paragraph
TIME_ZONE_SLACK = 1  # days a <time>'s shown date and datetime attribute may differ by (a time zone)
_MAX_NODES = 400  # nodes looked at after the heading, whatever their text
_SKIP = frozenset({"script", "style", "noscript", "template", "select", "option", "nav", "aside", "footer"})
# containers whose dates are other people's or other articles': a class or id word that starts so
# (not any word containing it: page wrappers are called "has-sidebar", "elementor-widget")
_SKIP_MARKS = re.compile(r"(?:^|\s)(?:comment|kommentar|related|sidebar)", re.IGNORECASE)
# the site's own header (masthead, top bar), which often prints today's date: read before the heading only
# when the heading is inside it (an article's own <header> holds its title and date line)
_SITE_HEADER_MARKS = re.compile(
    r"(?:^|\s)(?:masthead|site-?header|top-?bar|header-?top|today|current-?date)", re.IGNORECASE
)
_DATELINE_END = re.compile(r"^\s*\)?\s*(?:[.:/|–—-]|\(\w+\))")
_SLASHED = re.compile(
    r"^(\d{1,2})/(\d{1,2})/(\d{4})(?:,?\s+\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?|[A-Z]{2,5}|Uhr|h)?)?$",
    re.IGNORECASE,
)
_PLACE = re.compile(r"^[^\W\d_a-z][\w.'’-]*(?:\s+[^\W\d_a-z][\w.'’-]*){0,2}$")  # capitalised words

Kind = Literal["published", "updated"]


@dataclass(frozen=True)
class HeadingDate:
    """A date printed beside the main heading: its day, whether it is an update, and where it was read."""

    iso: str
    kind: Kind
    location: str


def main_heading(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    """The first ``<h1>`` in the body with at least :data:`MIN_HEADING_CHARS` characters of text, else
    the first element the page marks as its headline (schema.org microdata ``itemprop="headline"``:
    some pages set their title in an ``<h2>`` or ``<h3>``)."""
    for xpath in ("//body//h1", '//body//*[@itemprop="headline"][not(self::meta)]'):
        for heading in tree.xpath(xpath):
            if len(" ".join(heading.text_content().split())) >= MIN_HEADING_CHARS:
                return heading
    return None


def _skipped(node: lxml.html.HtmlElement) -> bool:
    """True inside a script or style, navigation, an aside or footer, comments or related articles."""
    for element in (node, *node.iterancestors()):
        if not isinstance(element.tag, str):
            continue
        if element.tag in _SKIP:
            return True
        if _SKIP_MARKS.search(f"{element.get('class') or ''} {element.get('id') or ''}"):
            return True
    return False


def _in_site_header(node: lxml.html.HtmlElement, holders: frozenset[lxml.html.HtmlElement]) -> bool:
    """True inside a ``<header>`` or masthead that does not hold the heading (the site's, not the article's);
    ``holders`` are the heading's ancestors."""
    for element in (node, *node.iterancestors()):
        if element in holders:
            return False
        if not isinstance(element.tag, str):
            continue
        if element.tag == "header" or _SITE_HEADER_MARKS.search(
            f"{element.get('class') or ''} {element.get('id') or ''}"
        ):
            return True
    return False


def _shown_date(element: lxml.html.HtmlElement) -> DateLine | None:
    """The date an element shows readers, as a date line ("Updated 3 May 2024", "16. Oktober 2019")."""
    return parse_date_line(" ".join(element.text_content().split()))


def _time_date(element: lxml.html.HtmlElement) -> tuple[str, Kind] | None:
    """A ``<time>``'s date: the one it shows when that parses, else its ``datetime`` attribute."""
    shown = _shown_date(element)
    if shown is not None:
        return shown.iso, "updated" if shown.updated else "published"
    iso = normalise_date(str(element.get("datetime") or ""))
    return (iso, "published") if iso else None


def time_element_day(element: lxml.html.HtmlElement) -> str | None:
    """The day a ``<time>`` elsewhere on the page stands for: its ``datetime`` attribute, unless the date it
    shows is more than :data:`TIME_ZONE_SLACK` days away (then the shown one, which readers see).

    A day's difference is a time zone (a UTC timestamp of a late-evening local date); a larger one means
    the attribute records something else, often the last edit. The raw attribute is returned when it is
    kept (the caller normalises it); None when the element has no ``datetime``.
    """
    attribute = element.get("datetime")
    if attribute is None:
        return None
    stated = normalise_date(str(attribute))
    shown = _shown_date(element)
    if stated is None or shown is None:
        return str(attribute)
    apart = abs((date.fromisoformat(shown.iso) - date.fromisoformat(stated)).days)
    return shown.iso if apart > TIME_ZONE_SLACK else str(attribute)


def _slashed_date(line: str, near: Collection[str]) -> str | None:
    """The day of a line that is only a slashed date ("3/5/2022 22:41"), when a single reading fits.

    Day-first and month-first are both tried; a reading that is no calendar day drops out, and when
    both remain the one within a day of a ``near`` date (the structured data's) is taken, if only one is.
    """
    match = _SLASHED.match(lexicon().date_prefix.sub("", line, count=1).strip())
    if match is None:
        return None
    first, second, year = (int(group) for group in match.groups())
    readings: set[date] = set()
    for day, month in ((first, second), (second, first)):
        try:
            readings.add(date(year, month, day))
        except ValueError:
            continue
    if len(readings) > 1:
        stated = [date.fromisoformat(iso) for iso in near]
        readings = {r for r in readings if any(abs((r - s).days) <= 1 for s in stated)}
    return readings.pop().isoformat() if len(readings) == 1 else None


def _line_date(text: str, following: str | None, near: Collection[str] = ()) -> tuple[str, Kind] | None:
    """The date a text node states on its own, or together with the next node (label + value)."""
    line = " ".join(text.split())
    found = parse_date_line(line) if line else None
    if found is None and following is not None and len(line) <= 30:
        found = parse_date_line(f"{line} {' '.join(following.split())}")
    if found is None:
        slashed = _slashed_date(line, near) if line else None
        return (slashed, "published") if slashed else None
    return found.iso, "updated" if found.updated else "published"


def _dateline(text: str) -> str | None:
    """The date of a dateline opening ``text`` ("Karlsruhe, (12.11.2021). ...", "BERLIN, May 3, 2019 --")."""
    line = " ".join(text.split())
    found = search_date(line[: DATELINE_REACH + 40], with_tail=True)
    if found is None or found[0] > DATELINE_REACH:
        return None
    start, end, iso = found
    place = line[:start].strip(" ,(")
    if place and not _PLACE.match(place):
        return None
    return iso if _DATELINE_END.match(line[end:]) else None


def _texts(
    nodes: list[object], heading: lxml.html.HtmlElement | None = None
) -> list[tuple[str, lxml.html.HtmlElement | None]]:
    """(text, enclosing ``<time>``) of the non-blank text nodes, outside scripts and styles (and, given the
    ``heading`` they precede, outside the site's header: :func:`_in_site_header`)."""
    texts: list[tuple[str, lxml.html.HtmlElement | None]] = []

    holders = frozenset(heading.iterancestors()) if heading is not None else None

    def skipped(element: lxml.html.HtmlElement) -> bool:
        return _skipped(element) or (holders is not None and _in_site_header(element, holders))

    for node in nodes:
        if isinstance(node, lxml.html.HtmlElement) and node.tag == "time" and node.get("datetime"):
            if not node.text_content().strip() and not skipped(node):
                texts.append(("", node))  # a <time> that shows nothing: its datetime only
            continue
        if not isinstance(node, str) or not node.strip():
            continue
        parent = node.getparent()  # type: ignore[attr-defined]
        if parent is None:
            continue
        holder = parent.getparent() if node.is_tail else parent  # type: ignore[attr-defined]
        if holder is None or skipped(holder):
            continue
        time = next((a for a in holder.iterancestors("time")), None) if holder.tag != "time" else holder
        texts.append((str(node), time))
    return texts


def _scan(
    texts: list[tuple[str, lxml.html.HtmlElement | None]], where: str, datelines: bool, near: Collection[str]
) -> Iterator[HeadingDate]:
    seen_times: set[int] = set()
    chars = 0
    for index, (text, time) in enumerate(texts):
        if chars > AFTER_CHARS:
            return
        if time is not None:
            if id(time) not in seen_times:
                seen_times.add(id(time))
                found = _time_date(time)
                if found:
                    yield HeadingDate(found[0], found[1], f"<time> {where} the main heading")
            continue
        following = texts[index + 1][0] if index + 1 < len(texts) and texts[index + 1][1] is None else None
        line = _line_date(text, following, near)
        if line:
            yield HeadingDate(line[0], line[1], f"date line {where} the main heading")
        elif datelines and (iso := _dateline(text)):
            yield HeadingDate(iso, "published", f"dateline {where} the main heading")
        chars += len(" ".join(text.split()))


def heading_dates(tree: lxml.html.HtmlElement, near: Collection[str] = ()) -> list[HeadingDate]:
    """The dates printed beside the page's main heading: nearest first, those after it before those above.

    ``near``: the days (``YYYY-MM-DD``) the page's structured data gives as its publication date, used
    only to choose between the two readings of a slashed date (see :func:`_slashed_date`).
    """
    heading = main_heading(tree)
    if heading is None:
        return []
    after = _texts(heading.xpath(f"following::node()[position() <= {_MAX_NODES}]"))
    preceding = heading.xpath("preceding::text()[normalize-space()][position() <= 12]")
    before = _texts(preceding, heading)[-BEFORE_NODES:]
    found = list(_scan(after, "after", datelines=True, near=near))
    found += list(_scan(before, "before", datelines=False, near=near))
    return found


def site_header_note(tree: lxml.html.HtmlElement, guess: str) -> SourceWarning | None:
    """A ``site_header_date`` warning when a whole-page ``guess`` is a day the site's header prints."""
    if guess not in site_header_dates(tree):
        return None
    return SourceWarning(
        code="site_header_date",
        message=f"htmldate's guess {guess} is the date printed in the site's header (the day the page was "
        "loaded), not the article's; it is not used.",
    )


def site_header_dates(tree: lxml.html.HtmlElement) -> frozenset[str]:
    """The days printed as date lines in the site's header above the main heading (:func:`_in_site_header`).

    A masthead prints the day the page was loaded ("Wednesday, December 2, 2026"), not the article's:
    a whole-page search that returns one of these days has read the masthead.
    """
    heading = main_heading(tree)
    if heading is None:
        return frozenset()
    holders = frozenset(heading.iterancestors())
    days: set[str] = set()
    for node in heading.xpath("preceding::text()[normalize-space()][position() <= 60]"):
        parent = node.getparent()
        holder = parent.getparent() if node.is_tail else parent
        if holder is not None and (line := parse_date_line(str(node))) and _in_site_header(holder, holders):
            days.add(line.iso)
    return frozenset(days)
