"""Temperatures: "1.5C", "2 °C", "40 degrees Fahrenheit", "about 3 degrees C".

A temperature is returned with unit "celsius" or "fahrenheit" as written (no conversion: two sources that
state the same warming in different scales are rare, and a converted value would not match the text). A
number glued to "C" or "F" ("1.5C") counts only when the sentence speaks of temperature or warming, since
"5C" is also a grade, a seat or a model name. A comparator before it is read as for other figures.
"""

from __future__ import annotations

import re

from audit.claim_extraction.figures.lexicon import SPACE, qualified_start
from audit.claim_extraction.figures.measures import left_subject
from audit.model import Figure, Span

_SCALES = {"c": "celsius", "celsius": "celsius", "centigrade": "celsius", "f": "fahrenheit"}
_SCALES |= {"fahrenheit": "fahrenheit"}
_TEMPERATURE = re.compile(
    rf"(?<![\w.,])(?P<number>[-−]?\d+(?:\.\d+)?)(?:(?P<marked>{SPACE}?°{SPACE}?|{SPACE}+degrees?{SPACE}+)"
    rf"(?P<scale>celsius|centigrade|fahrenheit|c|f)|(?P<glued>c|f))\b",
    re.IGNORECASE,
)
_CONTEXT = re.compile(r"\b(?:temperature|warm|heat|hott|cool|cold|climate|degree|thermometer)", re.I)


def temperature_figures(text: str) -> list[Figure]:
    """Every temperature in ``text`` (see the module docstring)."""
    figures: list[Figure] = []
    for match in _TEMPERATURE.finditer(text):
        if match.group("glued") and not _CONTEXT.search(_sentence_around(text, match.start())):
            continue
        scale = (match.group("scale") or match.group("glued")).lower()
        if match.group("glued") and match.group("glued") not in "CF":
            continue  # "1.5c" in lower case is no temperature
        start, comparator = qualified_start(text, match.start())
        figures.append(
            Figure(
                text=text[start : match.end()],
                value=float(match.group("number").replace("−", "-")),
                unit=_SCALES[scale],
                span=Span(start, match.end()),
                comparator=comparator,
                measure=left_subject(text, start),
            )
        )
    return figures


def _sentence_around(text: str, pos: int) -> str:
    start = max(text.rfind(".", 0, max(0, pos - 1)), text.rfind("\n", 0, pos)) + 1
    end = min(i for i in (text.find(". ", pos), text.find("\n", pos), len(text)) if i >= 0)
    return text[start:end]
