"""Temperatures: "1.5C", "2 °C", "40 degrees Fahrenheit", "about 3 degrees C".

A temperature is returned with unit "celsius" or "fahrenheit" as written (no conversion: two sources that
state the same warming in different scales are rare, and a converted value would not match the text). A
number glued to "C" or "F" ("1.5C") counts only when the sentence speaks of temperature or warming, since
"5C" is also a grade, a seat or a model name. A comparator before it is read as for other figures; the measure
is what the temperature is of, read from the parse ("Temperatures rose by 1.5C" → "temperatures").
"""

from __future__ import annotations

import re

from audit.claim_extraction.figures.lexicon import SPACE, qualified_start
from audit.claim_extraction.figures.located import Parses
from audit.claim_extraction.figures.measures import measure
from audit.model import Figure, Span

_SCALES = {"c": "celsius", "celsius": "celsius", "centigrade": "celsius", "f": "fahrenheit"}
_SCALES |= {"fahrenheit": "fahrenheit"}
_TEMPERATURE = re.compile(
    rf"(?<![\w.,])(?P<number>[-−]?\d+(?:\.\d+)?)(?:(?P<marked>{SPACE}?°{SPACE}?|{SPACE}+degrees?{SPACE}+)"
    rf"(?P<scale>celsius|centigrade|fahrenheit|c|f)|(?P<glued>c|f))\b",
    re.IGNORECASE,
)
_CONTEXT = re.compile(r"\b(?:temperature|warm|heat|hott|cool|cold|climate|degree|thermometer)", re.I)


def temperature_figures(text: str, parses: Parses) -> list[Figure]:
    """Every temperature in ``text`` (see the module docstring)."""
    figures: list[Figure] = []
    for match in _TEMPERATURE.finditer(text):
        if match.group("glued") and not _CONTEXT.search(_sentence_around(text, match.start())):
            continue
        scale = (match.group("scale") or match.group("glued")).lower()
        if match.group("glued") and match.group("glued") not in "CF":
            continue  # "1.5c" in lower case is no temperature
        start, comparator = qualified_start(text, match.start())
        unit = _SCALES[scale]
        figures.append(
            Figure(
                text=text[start : match.end()],
                value=float(match.group("number").replace("−", "-")),
                unit=unit,
                span=Span(start, match.end()),
                comparator=comparator,
                measure=measure(parses.locate(match.start(), match.end()), unit),
            )
        )
    return figures


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(".", 0, max(0, pos - 1)), text.rfind("\n", 0, pos)) + 1
    end = min(i for i in (text.find(". ", pos), text.find("\n", pos), len(text)) if i >= 0)
    return text[start:end]
