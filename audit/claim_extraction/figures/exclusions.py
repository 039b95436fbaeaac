"""Numbers that are not figures: years, dates, times, ordinals, and numbers inside names or codes.

``is_excluded`` decides from the text around a number (step 2 of ``audit.claim_extraction.figures.mentions``):

- years ("in 2024", "1972": a bare four-digit integer in 1000-2100 with no currency, percent or scale);
- dates ("February 12", "1 April") and times ("11:00", "10 a.m.");
- ordinals written with digits ("21st"); ranks ("No. 1", "number one", "ranked 1", "seeded 3"); ordinals in
  words ("third") are never read as numbers;
- numbers in names or codes: glued to letters ("G7", "COVID-19", "5G"), after a designator word ("Article 5",
  "Flight 370"), after a capitalised word that is not a function word ("World War 2", "Boeing 737"), spelled
  out with a capital inside a sentence ("Air Force One"), or inside URLs and file names.

A number glued to a unit abbreviation of ``glued_units`` ("100mph", "40km/h") is a quantity, not a code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.claim_extraction.figures.lexicon import SPACE, lexicon
from audit.claim_extraction.figures.numbers import SCALE_ABBREVIATIONS

_ABBREV_RE = re.compile(r"(" + "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True)) + r")\b", re.I)


@dataclass(frozen=True)
class Core:
    """A number before qualification: where it is, its value, and how it was written."""

    start: int
    end: int
    value: float
    spelled: bool
    plain_integer: bool  # a numeral with no separator, decimals or scale (could be a year)
    malformed: bool = False  # digits with a misplaced thousands separator ("10,0000"): the value is unknown


def scale_abbreviation(text: str, end: int) -> re.Match[str] | None:
    """An abbreviated scale right after a numeral ("m" in "€3.5m"), trusted only next to a currency."""
    return _ABBREV_RE.match(text, end)


def at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\u00a0\"'“‘([")
    return not before or before[-1] in ".!?:;\n•-–—"


def previous_word(text: str, pos: int) -> str | None:
    match = re.search(rf"([A-Za-z][\w'’.]*){SPACE}+$", text[max(0, pos - 40) : pos])
    return match.group(1) if match else None


def _glued_unit(text: str, end: int) -> bool:
    match = lexicon().unit_re.match(text, end)
    return match is not None and match.group("measure") is not None and match.group("msep") == ""


def is_excluded(text: str, core: Core, has_currency: bool) -> bool:
    """True when the number is a year, a date, a time, an ordinal or part of a name or code (module docstring)."""
    lex = lexicon()
    start, end = core.start, core.end
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    glued = not core.spelled and _glued_unit(text, end)
    if before[-1:] in ("/", "#", ":", "%", "_") or re.search(r"[A-Za-z\d][-‐–]$", before):
        return True  # "COVID-19", "F-16", the tail of "2014-2022"
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token = re.match(r"\S*", text[token_start:]).group(0)  # type: ignore[union-attr]
    if not glued and re.search(r"[_/=]|%[0-9A-F]{2}|https?:|www\.", token):
        return True  # URLs, file names, query strings
    if re.match(r"[/:]\d|\.\d|_", after):
        return True
    letters_after = not core.spelled and after[:1].isalpha() and not glued
    if letters_after and not (has_currency and scale_abbreviation(text, end)):
        return True  # "21st", "5G", "1990s"
    if lex.time_re.match(text, end) and not core.spelled:
        return True
    if core.plain_integer and not has_currency:
        low, high = lex.year_range
        if (
            low <= core.value <= high
            and len(text[start:end]) == 4
            and not re.match(rf"{SPACE}?(%|percent)", after)
        ):
            return True
    previous = previous_word(text, start)
    if previous is not None:
        bare = previous.rstrip(".").lower()
        if bare in lex.months and previous[0].isupper():
            return True
        if bare in lex.designators or previous.lower() in lex.designators or bare in lex.rank_words:
            return True  # "Article 5", "No. 1", "ranked 1": a name or a rank
        if (
            previous[0].isupper()
            and bare not in lex.function_words
            and not any(bare == phrase for phrase, _ in lex.comparators)
            and not at_sentence_start(text, start - len(previous) - 1)
            and not has_currency
        ):
            return True  # "World War 2", "Boeing 737", "Trump 47"
    month_after = re.match(rf"(?:st|nd|rd|th)?{SPACE}+(?:of{SPACE}+)?([A-Z][a-z]+)\.?", text[end : end + 20])
    if month_after and month_after.group(1).lower() in lex.months and not core.spelled:
        return True
    # "Air Force One", "the Big Three"
    return core.spelled and text[start].isupper() and not at_sentence_start(text, start)
