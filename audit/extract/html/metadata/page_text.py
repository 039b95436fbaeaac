"""The body text of a page three ways, from one walk: as readers see it, with hidden elements too, and
as readers see it outside teaser cards (:mod:`audit.extract.html.metadata.teasers`), where a byline is the article's."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import lxml.html
from lxml import etree

from audit.extract.html.metadata.bylines import is_hidden

_NOT_TEXT = frozenset(["script", "style", "noscript"])


class BodyTexts(NamedTuple):
    """Whitespace-squashed body texts (no scripts, styles or head)."""

    shown: str  # what readers see
    every: str  # hidden elements included
    outside_cards: str  # what readers see outside teaser cards


def _squash(parts: list[str]) -> str:
    return " ".join(" ".join(parts).split())


def body_texts(tree: lxml.html.HtmlElement, cards: Iterable[lxml.html.HtmlElement] = ()) -> BodyTexts:
    """The page's body texts (see :class:`BodyTexts`); ``cards`` are the teaser blocks to leave out of
    ``outside_cards``."""
    card_set = set(cards)
    shown: list[str] = []
    every: list[str] = []
    outside: list[str] = []
    hidden: list[lxml.html.HtmlElement] = []  # the hidden elements we are inside, innermost last
    inside: list[lxml.html.HtmlElement] = []  # the cards we are inside
    for body in tree.xpath("//body")[:1]:
        walker = etree.iterwalk(body, events=("start", "end"))
        for event, element in walker:
            if event == "end":
                if hidden and hidden[-1] is element:
                    hidden.pop()
                if inside and inside[-1] is element:
                    inside.pop()
                if element is not body:
                    every.append(element.tail or "")
                    if not hidden:
                        shown.append(element.tail or "")
                        if not inside:
                            outside.append(element.tail or "")
            elif isinstance(element.tag, str) and element.tag not in _NOT_TEXT:
                if is_hidden(element):
                    hidden.append(element)
                if element in card_set:
                    inside.append(element)
                every.append(element.text or "")
                if not hidden:
                    shown.append(element.text or "")
                    if not inside:
                        outside.append(element.text or "")
            else:  # a comment, a script: only its tail is text
                walker.skip_subtree()
    return BodyTexts(_squash(shown), _squash(every), _squash(outside))
