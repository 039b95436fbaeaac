"""A site's chrome in a text capture, recognised by what a line is made of, wherever it sits.

The exact lines and patterns of :mod:`audit.extract.text.furniture` know the common buttons one by one; a
page's navigation bar and share bar are also recognisable from their make-up alone:

* a **menu** line: three or more short items set apart by wide gaps or tabs ("News  Politics  Business  Sports"), or three or more words all of them navigation words ("Home News Sport Contact");
* a **share** line: widget words (share verbs and platforms) with nothing but the small words around them
  ("Share on Facebook  Share on X  Email this story", "Twittern", "Pin it").

The word lists are ``menu_words``, ``widget_words`` and ``widget_fillers`` in ``audit/data/furniture.json``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from audit.data import load
from audit.extract.text.furniture import furniture_reason, words

_ITEM_SPLIT = re.compile(r"\t+|\s{2,}")  # items set apart by bars are furniture.is_menu_bar's
_MENU_ITEMS = 3  # items of a menu line
_MENU_ITEM_WORDS = 3  # words of one menu item
_SHARE_MAX_WORDS = 16


@lru_cache(maxsize=1)
def _lists() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    raw = load("furniture")
    return frozenset(raw["menu_words"]), frozenset(raw["widget_words"]), frozenset(raw["widget_fillers"])


def _tokens(text: str) -> list[str]:
    return [token.lower() for token in re.findall(r"[^\W\d_][\w'’-]*", text)]


def is_menu_line(line: str) -> bool:
    """A navigation bar on one line: short items set apart by gaps or bars, or navigation words only."""
    text = line.strip()
    if text[-1:] in ".!?" or not text:
        return False
    items = [item.strip() for item in _ITEM_SPLIT.split(text) if item.strip()]
    if len(items) >= _MENU_ITEMS and all(
        1 <= len(words(item)) <= _MENU_ITEM_WORDS and item[:1].isupper() for item in items
    ):
        return True
    menu_words = _lists()[0]
    tokens = [token for token in _tokens(text) if token not in {"and", "&"}]
    return len(tokens) >= _MENU_ITEMS and all(token in menu_words for token in tokens)


def is_share_line(line: str) -> bool:
    """A share bar: widget words ("Share", "Facebook", "Email", "Twittern") and only the small words between."""
    text = line.strip()
    if text[-1:] in ".!?":
        return False
    _, widget_words, fillers = _lists()
    tokens = _tokens(text)
    if not tokens or len(tokens) > _SHARE_MAX_WORDS:
        return False
    widgets = sum(token in widget_words for token in tokens)
    return (
        widgets >= 1 and widgets * 2 >= len(tokens) and all(t in widget_words or t in fillers for t in tokens)
    )


def chrome_reason(line: str) -> str | None:
    """The furniture a line is, from the lexicon's lines and patterns or from its make-up (None: not furniture)."""
    reason = furniture_reason(line)
    if reason is not None:
        return reason
    if is_share_line(line):
        return "share"
    if is_menu_line(line):
        return "menu"
    return None
