"""Fractions of a whole stated in words: "two-thirds of voters", "half of all households", "a quarter of".
Not a part of a period or place ("the first half of the year", "the northern third of the country").

A fraction is a share, so it is returned as a percent figure (``value`` 66.67 for "two-thirds"), which lets
"two-thirds of voters" in one source meet "67% of voters" in another. Only a fraction followed by "of" counts:
"half an hour", "cut in half" and "the third quarter" are not shares. A comparator before it is read as for
numerals ("more than half of" → "more_than"), and the measure is the "of" complement ("voters"), read from the
parse like a percentage's.
"""

from __future__ import annotations

import re

from audit.claim_extraction.figures.lexicon import SPACE, qualified_start
from audit.claim_extraction.figures.located import Parses
from audit.claim_extraction.figures.measures import measure
from audit.model import Figure, Span

_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5}
_DENOMINATORS |= {"fifths": 5, "tenth": 10, "tenths": 10}
_PART_WORDS = frozenset(
    {"first", "second", "final", "last", "latter", "former", "other", "top", "bottom", "upper", "lower"}
    | {"back", "front", "western", "eastern", "northern", "southern", "early", "late", "opening", "closing"}
)
_NUMERATORS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "nine": 9}
_FRACTION = re.compile(
    rf"\b(?:(?P<numerator>a|one|two|three|four|nine)(?:-|{SPACE}+))?(?P<denominator>"
    + "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
    + rf")(?={SPACE}+of\b)",
    re.IGNORECASE,
)


def fraction_figures(text: str, parses: Parses) -> list[Figure]:
    """Every fraction followed by "of" in ``text``, as a percent figure."""
    figures: list[Figure] = []
    for match in _FRACTION.finditer(text):
        denominator = _DENOMINATORS[match.group("denominator").lower()]
        word = match.group("numerator")
        numerator = _NUMERATORS[word.lower()] if word else 1
        if word is None and denominator != 2:
            continue  # "third of" alone is an ordinal ("the third of March"); "half of" needs no numerator
        if numerator >= denominator:
            continue
        before = re.search(r"(\w+)\W*$", text[max(0, match.start() - 40) : match.start()])
        if before and before.group(1).lower() in _PART_WORDS:
            continue  # "the first half of the year", "the northern third of the country": a part, not a share
        plural = match.group("denominator").lower().endswith("s")
        if (numerator > 1) != plural and denominator != 2:
            continue  # "two third of", "a thirds of": not a fraction as written
        start, comparator = qualified_start(text, match.start())
        value = round(100 * numerator / denominator, 2)
        figures.append(
            Figure(
                text=text[start : match.end()],
                value=value,
                unit="percent",
                span=Span(start, match.end()),
                comparator=comparator,
                measure=measure(parses.locate(match.start(), match.end()), "percent"),
            )
        )
    return figures
