"""The headline of a text capture's article: the line before the body that looks most like one.

:mod:`audit.extract.text.article` labels each line with the reason it is removed (None: kept); the site's chrome
(menus, share bars, buttons) is labelled before this runs, wherever it sits. Every kept line before the body that
could be a headline is a candidate, and each is scored by what headlines look like, not by a fixed window:

* its **length**: a headline has a few words to a sentence's worth; a line of one or two words is a label;
* its **place**: right above the byline and date block (or one line above it, over a subtitle), right above the
  body, and near the body rather than far up the page; a line that opens a standfirst of twelve words or more
  yields to the headline above it;
* its **company**: a short line among short lines is a menu item; a line longer than both neighbours stands out;
* its **repetitions**: printed twice in the header, named by a breadcrumb's last item, by the page's title
  line ("Headline | Site" at the top of the capture) or by the page's URL when the capturer gives one.

The weights are ``headline`` in ``audit/data/furniture.json``. A candidate must be eligible (two words or more,
no bars or web address, and a menu item only when it stands right above the byline with three words or more);
when none is, the line of two words or more right above the body is taken; when there is none either, the title
stays None: it is never guessed from a menu. The other candidates are returned too, best first, as evidence.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from audit.data import load
from audit.extract.text.furniture import is_title_like, normalise, similarity, url_line, words
from audit.extract.text.header import is_meta_line, is_name_line, is_title_like_line
from audit.extract.text.split import Line

_SHORT = 3  # a line of at most this many words beside another such line is a menu item
_NEAR = 8  # kept lines apart: a headline printed twice in the header
_LONG = 4  # a headline above a subtitle: both lines have at least this many words
_STANDFIRST = 12  # words of a standfirst below the headline: longer than a headline, short of a paragraph
_HEADLINE_ABOVE = 5  # words of the headline above a standfirst (a menu item or widget has fewer)
_SECTION_SEPARATOR = re.compile(r"\s\|\s")  # "Press release | Consumer Centre": a label, not a headline
_WEB_ADDRESS = re.compile(r"https?://|\bwww\.", re.IGNORECASE)  # a print notice, not a headline
_ARROW = "←→<>"  # "← Older posts", "Newer post title →": pagination, not a headline
_TITLE_LINE = re.compile(r"^(?P<title>.+?)\s+(?:[|–—-]|::)\s+(?P<site>[^|–—]{2,60})$")
_SLUG_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class Hints:
    """What else names the headline: the last items of breadcrumbs, the page's title line, its URL."""

    crumbs: tuple[str, ...] = ()
    title_line: str | None = None
    url: str | None = None


@dataclass(frozen=True)
class Headline:
    """The chosen headline's index (None: no line qualifies) and every candidate's (index, score), best first."""

    index: int | None
    candidates: tuple[tuple[int, float], ...]


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    raw: dict[str, Any] = load("furniture")["headline"]
    return {key: float(value) for key, value in raw.items()}


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
            or is_name_line(self.texts[i], self.text(self.after[i]), self.text(self.before[i]))
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

    def copies(self, index: int) -> list[int]:
        """The other lines of the header that print the same text."""
        text = normalise(self.texts[index])
        return [i for i, other in self.texts.items() if i != index and normalise(other) == text]

    def printed_again(self, index: int) -> bool:
        """Whether the header prints the line twice, close together (a headline above and beside the date, say;
        a line printed three times or more is a menu's item)."""
        copies = self.copies(index)
        position = self.kept.index(index)
        near = set(self.kept[max(0, position - _NEAR) : position + _NEAR + 1])
        return len(copies) == 1 and copies[0] in near

    def labels_above_meta(self, index: int) -> bool:
        """Two short labels between the line and the byline/date block ("Headline / Section / Agency / date")."""
        below = self.after[index]
        next_below = self.after[below] if below is not None else None
        return (
            next_below is not None
            and self.is_short(below)
            and self.is_short(next_below)
            and self.above_meta(next_below)
        )

    def above_body(self, index: int) -> bool:
        """No line that could be a heading between this line and the body (a standfirst sentence may be)."""
        position = self.kept.index(index)
        return not any(is_title_like(self.texts[i]) for i in self.kept[position + 1 :])

    def above_meta(self, index: int) -> bool:
        return self.after[index] in self.meta


def title_line(lines: list[Line]) -> str | None:
    """The page's title as a browser prints it atop a capture: "Headline | Site" (or " - Site")."""
    if not lines:
        return None
    match = _TITLE_LINE.match(lines[0].text)
    return match.group("title") if match and len(words(match.group("title"))) >= 2 else None


def _slug_words(url: str) -> set[str]:
    path = url.split("//", 1)[-1].split("?", 1)[0].split("#", 1)[0]
    segments = [s for s in path.split("/")[1:] if s]
    slug = max(segments, key=len, default="")
    slug = re.sub(r"\.(?:html?|php|aspx?)$", "", slug.lower())
    return {w for w in _SLUG_WORD.findall(slug) if not w.isdigit() or len(w) < 5}


def _ascii_words(text: str) -> set[str]:
    folded = unicodedata.normalize("NFKD", text.lower()).encode("ascii", "ignore").decode()
    return set(_SLUG_WORD.findall(folded))


def _url_overlap(url: str, text: str) -> float:
    """The share of the line's words that the URL's slug spells ("/city-to-close-bridge" and the headline)."""
    slug, line = _slug_words(url), _ascii_words(text)
    return len(slug & line) / len(line) if slug and line else 0.0


def _place(header: _Header, index: int, competing: list[int]) -> float:
    """How far up the line sits: each competing line of four words or more nearer the body, and each kept line,
    cost; for a line right above a byline/date block, only other such blocks nearer the body cost much (a video
    widget or a gallery may sit between an article's header and its text)."""
    w = _weights()
    below = len(header.kept) - header.kept.index(index) - 1
    if header.above_meta(index):
        blocks = sum(j > index and header.above_meta(j) for j in competing)
        return w["other_block"] * blocks + max(w["meta_distance"] * below, w["max_meta_distance"])
    rank = sum(j > index for j in competing)
    return max(w["rank"] * rank + w["distance"] * below, w["max_distance"])


def _score(header: _Header, index: int, hints: Hints) -> float:
    w = _weights()
    text = header.texts[index]
    n = header.n_words(index)
    score = (
        w["one_word"] if n == 1 else w["two_words"] if n == 2 else w["three_words"] if n == 3 else w["long"]
    )
    if n > w["max_words"]:
        score += w["too_long"]
    if header.above_meta(index):
        score += w["above_meta"]
    elif (below := header.after[index]) is not None and header.above_meta(below):
        score += w["near_meta"]
    elif header.labels_above_meta(index):
        score += w["labels_above_meta"]  # "Headline / Section / Agency / date"
    if header.above_body(index):
        score += w["above_body"]
    if header.is_menu_item(index) and not header.above_meta(index):
        score += w["menu_item"]
    neighbours = [header.n_words(j) for j in (header.before[index], header.after[index]) if j is not None]
    if neighbours and n > max(neighbours) and n >= 2 * max(neighbours) and not header.above_meta(index):
        score += w["stands_out"]
    if n >= _LONG and header.printed_again(index):
        score += w["printed_twice"]
    elif len(header.copies(index)) >= 2:
        score += w["repeated"]  # a site's line printed in every menu
    if text.isupper() and n <= _SHORT:
        score += w["capitals_label"]
    if any(similarity(crumb, text) >= 0.8 for crumb in hints.crumbs):
        score += w["breadcrumb"]
    if hints.title_line is not None and normalise(hints.title_line) == normalise(text):
        score += w["title_line"]
    if hints.url is not None:
        score += w["url"] * max(0.0, _url_overlap(hints.url, text) - 0.25) / 0.75
    return score


def choose_headline(
    lines: list[Line], reasons: list[str | None], start: int, end: int, hints: Hints = Hints()
) -> Headline:
    """The headline's index among the kept lines in ``[start, end)`` (the body starts at ``end``)."""
    header = _Header(lines, reasons, start, end)
    texts = header.texts
    candidates = [
        i
        for i in header.kept
        if i not in header.meta
        and is_title_like_line(texts[i])
        and url_line(texts[i]) is None
        and not _WEB_ADDRESS.search(texts[i])
        and texts[i][:1] not in _ARROW
        and texts[i][-1:] not in _ARROW
    ]
    confirmed = {
        i
        for i in candidates
        if any(similarity(crumb, texts[i]) >= 0.8 for crumb in hints.crumbs)
        or (hints.title_line is not None and normalise(hints.title_line) == normalise(texts[i]))
    }
    eligible = [
        i
        for i in candidates
        if i in confirmed
        or (
            header.n_words(i) >= 2
            and not _SECTION_SEPARATOR.search(texts[i])
            and (not header.is_menu_item(i) or (header.above_meta(i) and header.n_words(i) >= _SHORT))
        )
    ]
    competing = [i for i in eligible if header.n_words(i) >= _LONG]
    scored = sorted(
        ((i, round(_score(header, i, hints) + _place(header, i, competing), 3)) for i in eligible),
        key=lambda pair: (-pair[1], -pair[0]),
    )
    if scored:
        return Headline(
            _without_kicker(header, _over_subtitle(header, scored[0][0], eligible), eligible), tuple(scored)
        )
    # Nothing else: a line of two words or more right above the body ("Home / Contact / Short Title").
    last = [i for i in candidates if header.after[i] is None and header.n_words(i) >= 2]
    return Headline(last[-1] if last else None, tuple((i, 0.0) for i in last))


def _over_subtitle(header: _Header, index: int, eligible: list[int]) -> int:
    """The headline above a subtitle or a standfirst: "Headline / Subtitle / By A" or "Headline / Standfirst / Body",
    when both lines are long."""
    upper = header.before[index]
    if (
        upper is None
        or upper not in eligible
        or normalise(header.texts[index]) in normalise(header.texts[upper])
    ):
        return index
    if header.above_meta(index) and min(header.n_words(index), header.n_words(upper)) >= _LONG:
        return upper
    if _is_standfirst(header.texts[index]) and header.n_words(upper) >= _HEADLINE_ABOVE:
        return upper
    return index


def _without_kicker(header: _Header, index: int, eligible: list[int]) -> int:
    """ "Kicker Headline" below "Headline": the headline without its kicker."""
    upper = header.before[index]
    texts = header.texts
    if upper in eligible and normalise(texts[index]).endswith(" " + normalise(texts[upper])):
        return upper
    return index


def _is_standfirst(text: str) -> bool:
    """A standfirst under the headline: a long line (a sentence or two) not set in capitals."""
    return len(words(text)) >= _STANDFIRST and not text.isupper()
