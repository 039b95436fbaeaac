"""The unit written with a number: percent, money, durations, ages and physical quantities.

``unit_after(text, end, currency, scaled)`` reads the unit right after a number (``audit/data/figures.json``):

- "%", "percent", "per cent" → "percent"; "percentage points" → "percentage_point";
- currency words ("40 million dollars") → the ISO 4217 code; "pounds" is money unless an unscaled number of pounds
  "of" something is weighed ("300 pounds of cocaine" → "pound");
- durations ("five days", "a 90-minute call"; decades and centuries in years);
- ages: "45-year-old", "45 years old" → unit "age" (so an age never reads as a duration to source);
- physical quantities, with a normalised unit and the dimension they measure: speed ("100mph", "100 mph",
  "100-mph", "20 knots" → "mph", "km/h", "knot"), distance ("mile", "km", "foot", "metre"), weight ("tonne",
  "ton", "pound", "kg") and area ("acre", "hectare", "square_mile", "square_km"). Only the abbreviations of
  ``glued_units`` may be written straight after the digits ("100mph", "5km"); a bare "m" is never read, since
  "3.5m" is as often millions as metres.

Ages are also read before a number ("aged 45", "at age 45") and in a listed person's description ("John Smith,
45, was arrested"): ``age_before``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.claim_extraction.figures.lexicon import SPACE, lexicon

_WEIGHED = re.compile(rf"{SPACE}+of\b", re.IGNORECASE)
_NAME_COMMA = re.compile(rf"[A-Z][\w'’.-]*,{SPACE}*$")
_AFTER_LISTED_AGE = re.compile(rf"{SPACE}*(?:[,;)]|\.(?:\s|$))")
_MAX_AGE = 120


@dataclass(frozen=True, slots=True)
class Unit:
    end: int  # where the unit's text ends
    unit: str
    factor: float = 1.0  # decades and centuries are read in years
    adjectival: bool = False  # "90-minute", "100-mile", "45-year-old": the figure modifies a noun after it
    dimension: str | None = None  # what a physical quantity or an age measures: "speed", "age"…


def unit_after(text: str, end: int, currency: str | None, scaled: bool) -> Unit | None:
    """The unit written right after a number ending at ``end`` (module docstring); None when there is none.

    ``currency`` is the currency already read before the number ("$40 million dollars" keeps it); ``scaled`` says a
    scale word was read ("40 million pounds" is money).
    """
    lex = lexicon()
    match = lex.unit_re.match(text, end)
    if match is None:
        return None
    if match.group("pct"):
        return Unit(match.end(), "percent")
    word = (match.group("word") or "").lower()
    if word in lex.percent_words:
        return Unit(match.end(), lex.percent_words[word])
    if word:
        weighed = word in ("pounds", "pound") and not scaled and _WEIGHED.match(text, match.end())
        if currency is None and weighed:
            return Unit(match.end(), "pound", dimension="weight")
        return Unit(match.end(), currency or lex.currency_words[word])
    if currency is not None:
        return None
    if match.group("dur"):
        if match.group("age"):
            return Unit(match.end(), "age", adjectival="-" in match.group("age"), dimension="age")
        unit, factor = lex.durations[match.group("dur").lower()]
        adjectival = any(mark in match.group("sep") for mark in "-‐")
        return Unit(match.end(), unit, factor=factor, adjectival=adjectival)
    unit, dimension = lex.measurements[match.group("measure").lower()]
    adjectival = any(mark in match.group("msep") for mark in "-‐")
    return Unit(match.end(), unit, adjectival=adjectival, dimension=dimension)


def age_before(text: str, start: int, end: int, value: float) -> bool:
    """A number that is an age by what precedes it: "aged 45", "at age 45", "John Smith, 45, was arrested"."""
    previous = re.search(rf"([A-Za-z]+){SPACE}+$", text[max(0, start - 20) : start])
    if previous is not None and previous.group(1).lower() in lexicon().age_words:
        return True
    return (
        value.is_integer()
        and 0 < value <= _MAX_AGE
        and _NAME_COMMA.search(text[max(0, start - 40) : start]) is not None
        and _AFTER_LISTED_AGE.match(text, end) is not None
    )
