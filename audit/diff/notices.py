"""Correction and update notices: what makes an edit to a page an announced one rather than a silent one.

A notice is a sentence of the newer capture holding one of ``notice_phrases`` (``audit/data/edits.json``: "Correction:",
"This article has been updated", "An earlier version of this article misstated…") that the older capture did not
already hold, or an update date in the newer page's metadata later than anything the older page showed (the page
itself says "Updated …"). A notice both captures hold announced an earlier edit, not this one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from audit.diff.align import comparable, edit_settings, units
from audit.model import Source, Span


@dataclass(frozen=True, slots=True)
class Notice:
    """A correction or update notice on the newer page: its text, and where it was found."""

    text: str
    where: str  # "text" (a sentence of the article, with its span) or "metadata" (the page's update date)
    span: Span | None = None


@cache
def _pattern() -> re.Pattern[str]:
    phrases = sorted((comparable(p) for p in edit_settings().notice_phrases), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")")


def notice_sentences(text: str) -> list[tuple[Span, str]]:
    """The sentences of ``text`` that read as a correction or update notice, with their comparable form."""
    pattern = _pattern()
    if not pattern.search(comparable(text)):  # most pages hold no notice: no need to split them
        return []
    out = []
    for span in units(text):
        key = comparable(span.slice(text))
        if pattern.search(key):
            out.append((span, key))
    return out


def new_notices(old: Source, new: Source) -> tuple[Notice, ...]:
    """The notices of the newer capture that the older one did not already show."""
    before = {key for _, key in notice_sentences(old.text)}
    found = [
        Notice(span.slice(new.text), "text", span)
        for span, key in notice_sentences(new.text)
        if key not in before
    ]
    shown_before = max(filter(None, (old.updated, old.published)), default=None)
    if new.updated and (shown_before is None or new.updated > shown_before):
        found.append(Notice(f"the page says it was updated on {new.updated}", "metadata"))
    return tuple(found)
