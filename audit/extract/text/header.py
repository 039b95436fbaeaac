"""The header of a text capture's article: where it lies, and which of its lines is the headline.

:mod:`audit.extract.text.article` labels each line of an article with the reason it is removed (None: kept).
The header is the run of kept lines just above the body's first paragraph; it holds the headline, the
date and byline block, a standfirst, and often the tail of the site's menu. The headline is found from
the layout around it, not from a lexicon:

* a line a breadcrumb names, or a line of four words or more printed twice in the header, is the
  headline;
* otherwise the headline is the line right above the date/byline block nearest the body (a sidebar
  teaser's header further up is not this article's), or, with no such block, the line nearest the body
  (but a headline of five words or more above it when that line is a standfirst: twelve words or more,
  not in capitals);
* a line of one word, a line ending with a colon or a comma, a line with a web address or bars, and
  the items of a menu (short lines among short lines) are not headlines, except a menu's last line of
  three words or more right above the byline, or of two words or more right above the body when
  nothing else qualifies; a headline above a subtitle ("Title / Subtitle / By A / date") is taken
  over the subtitle, and a headline over the same line with a kicker glued before it;
* a date above the headline counts only when the headline's own block below it has none
  (:mod:`audit.extract.text.article`);
* when nothing qualifies the title stays None: it is never guessed from a menu.
"""

from __future__ import annotations

import re

from audit.extract.text.date_lines import (
    DateLine,
    desk_byline_date,
    is_bare_name,
    is_unreadable_date_line,
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
    normalise,
    parse_byline,
    similarity,
    url_line,
    words,
)
from audit.extract.text.split import Line

HEADER_WINDOW = 12  # kept lines above the body start that may hold the title, date and byline
_SHORT = 3  # a line of at most this many words beside another such line is a menu item
_LONG = 4  # a headline above a subtitle: both lines have at least this many words
_STANDFIRST = 12  # words of a standfirst below the headline: longer than a headline, short of a paragraph
_HEADLINE_ABOVE = 5  # words of the headline above a standfirst (a menu item or widget has fewer)
_NUMERIC_DATE_START = re.compile(r"\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b")  # "07/05/2022 20H06 - ..."
_WEB_ADDRESS = re.compile(r"https?://|\bwww\.", re.IGNORECASE)  # a print notice, not a headline
_SECTION_SEPARATOR = re.compile(r"\s\|\s")  # "Press release | Consumer Centre": a label, not a headline


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

    The body starts at the first long paragraph (else the second paragraph of prose, else the first).
    """
    kept = [i for i in range(len(lines)) if reasons[i] is None]
    prose = [i for i in kept if is_prose(lines[i].text)]
    long_prose = [i for i in prose if is_long_prose(lines[i].text)]
    if long_prose:
        end = long_prose[0]
    elif len(prose) >= 2:
        end = prose[1]
    else:
        end = prose[0] if prose else len(lines)
    above = [i for i in kept if i < end]
    start = above[-HEADER_WINDOW] if len(above) >= HEADER_WINDOW else 0
    return start, end


def _is_candidate(text: str) -> bool:
    return is_title_like_line(text) and not is_meta_line(text) and url_line(text) is None


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
    )


def _labelled_date(text: str) -> bool:
    """ "Updated March 3, 2020 by Editorial Staff", "Published on 3 May 2021 in News": a date line with more on it."""
    lex = lexicon()
    first = text.split()[0].lower().strip(":") if text.split() else ""
    labelled = bool(lex.date_prefix.match(text)) or first in lex.updated_prefixes
    return labelled and search_date(text) is not None


def _is_name_line(text: str, following: str | None, previous: str | None) -> bool:
    """A bare name (or names) right above a date line: a byline without "By", never the headline (a
    label printed twice in a row, "Open Future / Open Future", is a section)."""
    if text == previous:
        return False
    names = [part.strip() for part in re.split(r",\s*|\s+(?:and|und|y|et|e)\s+", text)]
    return following is not None and is_date_line(following) and all(is_bare_name(n) for n in names)


class _Header:
    """The header's kept lines, each with its neighbours, and which of them are metadata."""

    def __init__(self, lines: list[Line], reasons: list[str | None], start: int, end: int) -> None:
        self.kept = [i for i in range(start, end) if reasons[i] is None]
        self.texts = {i: lines[i].text for i in self.kept}
        self.after = {
            i: (self.kept[k + 1] if k + 1 < len(self.kept) else None) for k, i in enumerate(self.kept)
        }
        self.before = {i: (self.kept[k - 1] if k > 0 else None) for k, i in enumerate(self.kept)}
        self.meta = {
            i
            for i in self.kept
            if is_meta_line(self.texts[i])
            or _is_name_line(self.texts[i], self.text(self.after[i]), self.text(self.before[i]))
        }

    def text(self, index: int | None) -> str | None:
        return self.texts[index] if index is not None else None

    def n_words(self, index: int | None) -> int:
        return len(words(self.texts[index])) if index is not None else 0

    def is_short(self, index: int | None) -> bool:
        """A short title-like line that is not metadata: a menu item or a section label."""
        return (
            index is not None
            and index not in self.meta
            and is_title_like(self.texts[index])
            and self.n_words(index) <= _SHORT
        )

    def is_menu_item(self, index: int) -> bool:
        return self.is_short(index) and (
            self.is_short(self.before[index]) or self.is_short(self.after[index])
        )

    def printed_again(self, index: int) -> bool:
        """Whether the header prints the line twice (a headline above and beside the date, say)."""
        text = normalise(self.texts[index])
        return any(normalise(other) == text for i, other in self.texts.items() if i != index)


def choose_title(
    lines: list[Line], reasons: list[str | None], start: int, end: int, crumb_titles: list[str]
) -> int | None:
    """The headline's index among the header's kept lines (None when no line qualifies)."""
    header = _Header(lines, reasons, start, end)
    texts = header.texts
    candidates = [i for i in header.kept if i not in header.meta and _is_candidate(texts[i])]
    for i in reversed(candidates):
        if any(similarity(crumb, texts[i]) >= 0.8 for crumb in crumb_titles):
            return i
    for i in candidates:
        if header.n_words(i) >= _LONG and header.printed_again(i):
            return i
    plausible = [
        i
        for i in candidates
        if header.n_words(i) >= 2
        and not _SECTION_SEPARATOR.search(texts[i])
        and not _WEB_ADDRESS.search(texts[i])
        and (not header.is_menu_item(i) or (header.after[i] in header.meta and header.n_words(i) >= _SHORT))
    ]

    def without_kicker(i: int) -> int:
        """ "Kicker Headline" below "Headline": the headline without its kicker."""
        upper = header.before[i]
        if upper in plausible and normalise(texts[i]).endswith(" " + normalise(texts[upper])):
            return upper
        return i

    def over_subtitle(i: int) -> int:
        """The headline above a subtitle: the plausible line right above ``i``, when both are long."""
        upper = header.before[i]
        if (
            upper is None
            or upper not in plausible
            or min(header.n_words(i), header.n_words(upper)) < _LONG
            or normalise(texts[i]) in normalise(texts[upper])
        ):
            return without_kicker(i)
        return upper

    above_meta = [i for i in plausible if header.after[i] in header.meta]
    if above_meta:
        return over_subtitle(([i for i in above_meta if header.n_words(i) >= _LONG] or above_meta)[-1])
    near_meta = [
        i for i in plausible if (j := header.after[i]) is not None and header.after[j] in header.meta
    ]
    long_enough = [i for i in plausible if header.n_words(i) >= _LONG]
    # Nothing else: a line of two words or more right above the body ("Home / Contact / Short Title").
    last = [i for i in candidates if header.after[i] is None and header.n_words(i) >= 2]
    chosen = (near_meta or long_enough or plausible or last)[-1:]
    if not chosen:
        return None
    if _is_standfirst(texts[chosen[0]]) and header.n_words(header.before[chosen[0]]) >= _HEADLINE_ABOVE:
        return over_subtitle(chosen[0])  # "Headline / a standfirst of a sentence or more" above the body
    return without_kicker(chosen[0])


def _is_standfirst(text: str) -> bool:
    """A standfirst under the headline: a long line (a sentence or two) not set in capitals."""
    return len(words(text)) >= _STANDFIRST and not text.isupper()
