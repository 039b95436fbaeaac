"""Numbers written as numerals or spelled out in words, parsed to a float.

Why a module of its own: figures in news prose are written both ways ("4,000 jobs", "twelve officers",
"a dozen", "half a million", "1.5 million", "€3.5m"), and the figure extractor (``audit.claim_extraction.figures.mentions``) should
not care which. This module only reads numbers; deciding whether a number is a figure (and not a year, a
date or part of a name) is the extractor's job.

Spelled-out numbers are read by a small left-to-right state machine over the word tokens
(``match_word_number``) rather than one regular expression, because the grammar is easy to say and hard to
write as a regex: "one hundred and twenty" is one number, but "between ten and twelve" is two; "twenty-five"
is one number, but "two three" is not. The machine consumes the longest prefix that is a well-formed number
and stops before the first token that cannot continue it.

Value 1 on its own ("one", "a") is returned by the parser; callers decide whether it is worth reporting.
"""

from __future__ import annotations

import re
from typing import Final

ONES: Final[dict[str, int]] = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
}
TEENS: Final[dict[str, int]] = {
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS: Final[dict[str, int]] = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
#: Multipliers written as words after a number ("1.5 million", "two thousand").
SCALE_WORDS: Final[dict[str, float]] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Abbreviated multipliers written straight after a numeral ("€3.5m", "$40bn", "5k"); only trusted next to a
#: currency, since "3.5m" alone may be metres.
SCALE_ABBREVIATIONS: Final[dict[str, float]] = {
    "k": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "tn": 1e12,
    "trn": 1e12,
}

_SIMPLE: Final[dict[str, int]] = {**ONES, **TEENS}
#: Words that can start a spelled-out number (lowercase).
START_WORDS: Final[frozenset[str]] = frozenset({*ONES, *TEENS, *TENS, "a", "an", "half", "hundred", "dozen"})

#: A numeral: "4,000", "62", "3.2", "1,250.5". Thousands separators must be well formed.
NUMERAL_PATTERN: Final[str] = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
#: Digits with commas, well formed or not: "4,000" but also "10,0000" and "3,5", which ``is_malformed`` tells apart.
DIGITS_PATTERN: Final[str] = r"\d+(?:,\d+)+(?:\.\d+)?|\d+(?:\.\d+)?"
_NUMERAL_RE: Final[re.Pattern[str]] = re.compile(NUMERAL_PATTERN)
_TOKEN_RE: Final[re.Pattern[str]] = re.compile(r"[A-Za-z]+")
_SEPARATOR_RE: Final[re.Pattern[str]] = re.compile(r"[ \t]*-[ \t]*|[ \t]+")
_SCALE_AFTER_RE: Final[re.Pattern[str]] = re.compile(
    r"[ \t]+(" + "|".join(SCALE_WORDS) + r")\b(?![-‐]\w)", re.IGNORECASE
)


def parse_numeral(text: str) -> float:
    """The value of a numeral such as "4,000" or "3.2" (raises ValueError for anything else)."""
    if not _NUMERAL_RE.fullmatch(text):
        raise ValueError(f"not a numeral: {text!r}")
    return float(text.replace(",", ""))


def is_malformed(digits: str) -> bool:
    """Digits with a comma group that is not three digits ("10,0000", "1,00", "3,5"): a typo or a decimal
    comma, whose value cannot be known, so it must never be read as the nearest well-formed number."""
    return "," in digits and not _NUMERAL_RE.fullmatch(digits)


def scale_after(text: str, pos: int) -> tuple[int, float] | None:
    """A scale word starting at ``pos`` (after spaces): ``(end, multiplier)`` for " million", else None."""
    match = _SCALE_AFTER_RE.match(text, pos)
    if match is None:
        return None
    return match.end(), SCALE_WORDS[match.group(1).lower()]


def _tokens(text: str, pos: int) -> list[tuple[str, int, int]]:
    """Up to eight word tokens from ``pos`` joined by spaces or hyphens: ``(lowercase word, start, end)``."""
    tokens: list[tuple[str, int, int]] = []
    cursor = pos
    while len(tokens) < 8:
        match = _TOKEN_RE.match(text, cursor)
        if match is None:
            break
        tokens.append((match.group(0).lower(), match.start(), match.end()))
        sep = _SEPARATOR_RE.match(text, match.end())
        if sep is None:
            break
        cursor = sep.end()
    return tokens


def match_word_number(text: str, pos: int) -> tuple[int, float] | None:
    """Read a spelled-out number starting exactly at ``pos``: ``(end, value)`` or None.

    Handles "six", "twenty-five", "one hundred and twenty", "two thousand", "a dozen", "two dozen",
    "a million", "half a million", "three million". The caller must check the word boundary before
    ``pos``; the end returned always falls on a word boundary.
    """
    if pos > 0 and text[pos - 1].isalnum():
        return None
    tokens = _tokens(text, pos)
    if not tokens:
        return None
    first = tokens[0][0]
    index = 0
    total = 0.0
    group = 0.0
    end = -1
    last_scale = float("inf")

    if first in ("a", "an"):
        # "a dozen", "a hundred", "a million": the article stands for one.
        if len(tokens) < 2 or tokens[1][0] not in ("dozen", "hundred", *SCALE_WORDS):
            return None
        group, index = 1.0, 1
    elif first == "half":
        # "half a million" / "half a billion"; "half" alone is a ratio, not a count.
        if len(tokens) >= 3 and tokens[1][0] == "a" and tokens[2][0] in SCALE_WORDS:
            value = 0.5 * SCALE_WORDS[tokens[2][0]]
            return _finish(text, tokens[2][2], value)
        return None

    previous = "start" if index == 0 else "article"
    while index < len(tokens):
        word, _start, word_end = tokens[index]
        if word in _SIMPLE:
            if previous not in ("start", "tens", "hundred", "scale", "and"):
                break
            if previous == "tens" and word in TEENS:
                break
            group += _SIMPLE[word]
            previous = "ones"
        elif word in TENS:
            if previous not in ("start", "hundred", "scale", "and"):
                break
            group += TENS[word]
            previous = "tens"
        elif word == "hundred":
            if previous not in ("ones", "article") or group >= 10:
                break
            group = (group or 1.0) * 100
            previous = "hundred"
        elif word == "dozen":
            if previous not in ("ones", "article"):
                break
            group = (group or 1.0) * 12
            previous = "dozen"
        elif word in SCALE_WORDS:
            scale = SCALE_WORDS[word]
            if previous in ("start", "and", "scale") or scale >= last_scale:
                break
            total += (group or 1.0) * scale
            group = 0.0
            last_scale = scale
            previous = "scale"
        elif word == "and":
            # Only "hundred and twenty" / "thousand and five"; never "ten and twelve".
            following = tokens[index + 1][0] if index + 1 < len(tokens) else ""
            if previous not in ("hundred", "scale") or following not in (*_SIMPLE, *TENS):
                break
            previous = "and"
            index += 1
            continue
        else:
            break
        end = word_end
        index += 1
    if end < 0:
        return None
    return _finish(text, end, total + group)


def _finish(text: str, end: int, value: float) -> tuple[int, float] | None:
    """Reject a match that runs into more letters (e.g. "one" in "oneself")."""
    if end < len(text) and text[end].isalpha():
        return None
    return end, value
