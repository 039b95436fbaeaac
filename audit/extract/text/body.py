"""The body of a text capture's article: link lists, and the main run of prose among the kept lines.

:mod:`audit.extract.text.article` labels each line of an article with the reason it is removed (None: kept);
the two steps here run last, on what is still kept: runs of short lines are link lists (menus, footers,
other headlines), and only the best-scoring run of prose, with the article's standfirst, is kept.
"""

from __future__ import annotations

from audit.extract.text.furniture import is_prose, words
from audit.extract.text.split import Line, is_sentence

_LIST_RUN = 5  # this many short lines in a row are a link list (menus, footers, other headlines)
_FURNITURE_COST = 12  # body selection: what a notice (or a related list, at most) costs a run
# The removed lines that separate the article from other text (a related heading, a notice), not those
# found inside an article (captions, ads, share bars).
_RUN_BREAKERS = frozenset(
    {"related", "cookie", "newsletter", "comment_form", "affiliate", "copyright", "login"}
)
_SHORT_LINE_COST = 4  # body selection: a short line costs as much as this many words of prose earn


def label_link_lists(lines: list[Line], reasons: list[str | None]) -> None:
    """Runs of ``_LIST_RUN`` or more short kept lines without sentence punctuation: menus and link lists."""
    run: list[int] = []
    for index in [*range(len(lines)), -1]:
        text = lines[index].text if index >= 0 else ""
        short = (
            index >= 0
            and reasons[index] is None
            and len(words(text)) <= 10
            and not is_prose(text)
            and text[-1:] not in ".!?:;"
        )
        if short:
            run.append(index)
            continue
        if index >= 0 and reasons[index] is not None and run:
            continue  # furniture inside a run does not break it
        if len(run) >= _LIST_RUN:
            for i in run:
                reasons[i] = "link-list"
        run = []


def label_outside_body(
    lines: list[Line], reasons: list[str | None], header_start: int, header_end: int
) -> None:
    """Keep the best-scoring run of kept lines (prose earns its words, a short line costs); drop the rest.

    A removed notice (cookies, newsletter, comment form, copyright) or related list between two runs
    of prose costs too: it marks where the article ends and other text begins. Prose of the header
    window (a standfirst) is kept, and so are the short sentences right after the run (a closing line of
    a few words) or, in an article without prose, right after the header (a digest's short item).
    """
    kept = [i for i in range(len(lines)) if reasons[i] is None or reasons[i] in _RUN_BREAKERS]
    best, best_span, total, first, block_cost = 0, (0, -1), 0, 0, 0
    for position, index in enumerate(kept):
        text = lines[index].text
        if reasons[index] is not None:  # a related list costs like its short lines, a notice at once
            line_cost = _SHORT_LINE_COST if reasons[index] == "related" else _FURNITURE_COST
            score = -min(line_cost, _FURNITURE_COST - block_cost)
            block_cost -= score
        else:
            block_cost = 0
            score = len(words(text)) if is_prose(text) else -_SHORT_LINE_COST
        if total <= 0:
            total, first = 0, position
        total += score
        if total > best:
            best, best_span = total, (first, position)
    first, last = best_span
    if best == 0:  # no prose at all: a short item's text is the sentences right below its header
        first = last = next((p for p, i in enumerate(kept) if i >= header_end), len(kept))
        last -= 1
    while (
        last + 1 < len(kept) and reasons[kept[last + 1]] is None and is_sentence(lines[kept[last + 1]].text)
    ):
        last += 1  # a short closing paragraph ("The change starts next week.")
    body = set(kept[first : last + 1])
    for index in (i for i in kept if reasons[i] is None):
        in_header = header_start <= index < header_end and is_prose(lines[index].text)
        if index not in body and not in_header:
            reasons[index] = "boilerplate"
