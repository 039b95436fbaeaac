"""The header of a text capture's article: where it lies, and which of its lines is the headline.

:mod:`audit.text_capture` labels each line of an article with the reason it is removed (None: kept).
The header is the run of kept lines just above the body's first paragraph; it holds the headline, the
date and byline block, a standfirst, and often the tail of the site's menu. The headline is found from
the layout around it, not from a lexicon:

* a line a breadcrumb names, or a line printed again elsewhere in the article, is the headline;
* otherwise the headline is the line right above the date/byline block nearest the body (a sidebar
  teaser's header further up is not this article's), or, with no such block, the line nearest the body;
* a line of one word, a line ending with a colon, and the items of a menu (short lines among short
  lines) are not headlines; a headline above a subtitle ("Title / Subtitle / By A / date") is taken
  over the subtitle;
* when nothing qualifies the title stays None: it is never guessed from a menu.
"""

from __future__ import annotations

import re

from audit import date_lines as dl
from audit import furniture as fu
from audit.text_split import Line

HEADER_WINDOW = 12  # kept lines above the body start that may hold the title, date and byline
_SHORT = 3  # a line of at most this many words beside another such line is a menu item
_LONG = 4  # a headline above a subtitle: both lines have at least this many words
_SECTION_SEPARATOR = re.compile(r"\s\|\s")  # "Press release | Consumer Centre": a label, not a headline


def byline_and_date(text: str) -> tuple[fu.Byline, dl.DateLine | None] | None:
    """A byline and a date on one line: "By A | March 3, 2020", "3 March 2020 by A", "A, 03.03.2020"."""
    return dl.split_byline_date(text) or dl.split_meta_line(text)


def is_date_line(text: str) -> bool:
    """A date line, readable or not."""
    return dl.parse_date_line(text) is not None or dl.is_unreadable_date_line(text)


def is_meta_line(text: str) -> bool:
    """A date line, a byline (with or without a date) or a desk's byline: the header's metadata block."""
    return (
        is_date_line(text)
        or fu.parse_byline(text, bullet=True) is not None
        or byline_and_date(text) is not None
        or fu.is_unnamed_byline(text)
    )


def header_window(lines: list[Line], reasons: list[str | None]) -> tuple[int, int]:
    """Where the header lies: up to ``HEADER_WINDOW`` kept lines above the body's first paragraph.

    The body starts at the first long paragraph (else the second paragraph of prose, else the first).
    """
    kept = [i for i in range(len(lines)) if reasons[i] is None]
    prose = [i for i in kept if fu.is_prose(lines[i].text)]
    long_prose = [i for i in prose if fu.is_long_prose(lines[i].text)]
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
    return is_title_like_line(text) and not is_meta_line(text) and fu.url_line(text) is None


def is_title_like_line(text: str) -> bool:
    """A line that may be a headline: title-like, not a label ending with a colon ("Search for:") or a
    salutation ending with a comma ("Dear Sir or Madam,"), not a quote's attribution ("— Jane Doe")."""
    text = text.strip()
    return fu.is_title_like(text) and text[-1:] not in ":," and text[:1] not in "—–"


def _is_name_line(text: str, following: str | None) -> bool:
    """A bare name (or names) right above a date line: a byline without "By", never the headline."""
    names = [part.strip() for part in re.split(r",\s*|\s+(?:and|und|y|et|e)\s+", text)]
    return following is not None and is_date_line(following) and all(dl.is_bare_name(n) for n in names)


def _printed_again(texts: dict[int, str], index: int) -> bool:
    """Whether the header prints the line twice (a headline above and beside the date, say)."""
    text = fu.normalise(texts[index])
    return any(fu.normalise(other) == text for i, other in texts.items() if i != index)


def choose_title(
    lines: list[Line], reasons: list[str | None], start: int, end: int, crumb_titles: list[str]
) -> int | None:
    """The headline's index among the header's kept lines (None when no line qualifies)."""
    kept = [i for i in range(start, end) if reasons[i] is None]
    texts = {i: lines[i].text for i in kept}
    after = {i: (kept[k + 1] if k + 1 < len(kept) else None) for k, i in enumerate(kept)}
    before = {i: (kept[k - 1] if k > 0 else None) for k, i in enumerate(kept)}

    def following(i: int) -> str | None:
        j = after[i]
        return texts[j] if j is not None else None

    meta = {i for i in kept if is_meta_line(texts[i]) or _is_name_line(texts[i], following(i))}
    candidates = [i for i in kept if i not in meta and _is_candidate(texts[i])]
    for i in reversed(candidates):
        if any(fu.similarity(crumb, texts[i]) >= 0.8 for crumb in crumb_titles):
            return i
    for i in candidates:
        if len(fu.words(texts[i])) >= _LONG and _printed_again(texts, i):
            return i

    def n_words(i: int | None) -> int:
        return len(fu.words(texts[i])) if i is not None and i in texts else 0

    def short_neighbour(j: int | None) -> bool:
        return j is not None and j not in meta and fu.is_title_like(texts[j]) and n_words(j) <= _SHORT

    plausible = [
        i
        for i in candidates
        if n_words(i) >= 2
        and not (n_words(i) <= _SHORT and (short_neighbour(before[i]) or short_neighbour(after[i])))
    ]

    def over_subtitle(i: int) -> int:
        """The headline above a subtitle: the plausible line right above ``i``, when both are long."""
        upper = before[i]
        if (
            upper is None
            or upper not in plausible
            or n_words(i) < _LONG
            or n_words(upper) < _LONG
            or _SECTION_SEPARATOR.search(texts[upper])
            or fu.normalise(texts[i]) in fu.normalise(texts[upper])
        ):
            return i
        return upper

    above_meta = [i for i in plausible if after[i] in meta]
    if above_meta:
        return over_subtitle(([i for i in above_meta if n_words(i) >= _LONG] or above_meta)[-1])
    near_meta = [i for i in plausible if (j := after[i]) is not None and after[j] in meta]
    if near_meta:
        return near_meta[-1]
    long_enough = [i for i in plausible if n_words(i) >= _LONG]
    if long_enough:
        return long_enough[-1]
    return plausible[-1] if plausible else None
