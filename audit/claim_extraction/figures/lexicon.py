"""The figure lexicons of ``audit/data/figures.json``, compiled once, and the regex pieces figures are read with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.data import load

SPACE = r"[ \t\u00a0]"  # a space inside a phrase (no line breaks)


# before "over <duration>", words that make it a length ("lasted over three hours"), not a period ("over two days")
LENGTH_WORDS = frozenset(
    {
        "for",
        "of",
        "in",
        "after",
        "last",
        "lasts",
        "lasted",
        "lasting",
        "took",
        "takes",
        "take",
        "taken",
        "taking",
    }
    | {"spent", "spend", "spends", "spending", "waited", "wait", "served", "serving", "than", "ago"}
)


@dataclass(frozen=True)
class Lexicon:
    currency_prefixes: tuple[tuple[str, str], ...]  # longest first
    currency_words: dict[str, str]
    percent_words: dict[str, str]
    durations: dict[str, tuple[str, float]]
    measurements: dict[str, tuple[str, str]]  # "km/h" → ("km/h", "speed"): normalised unit, what it measures
    comparators: tuple[tuple[str, str], ...]  # longest first
    ratio_words: dict[str, float]
    function_words: frozenset[str]
    designators: frozenset[str]
    months: frozenset[str]
    determiners: frozenset[str]
    year_range: tuple[int, int]
    age_words: frozenset[str]
    rank_words: frozenset[str]
    range_verbs: frozenset[str]
    count_verbs: frozenset[str]
    not_measured: frozenset[str]
    time_re: re.Pattern[str]
    unit_re: re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@cache
def lexicon() -> Lexicon:
    """The lexicons of ``audit/data/figures.json``, compiled once."""
    raw: dict[str, Any] = load("figures")
    durations = {key: (value[0], float(value[1])) for key, value in raw["duration_units"].items()}
    measurements = {
        variant.lower(): (unit, dimension)
        for dimension, variants in raw["measurement_units"].items()
        for variant, unit in variants.items()
    }
    unit_alternatives = _alternatives(
        [w for w in [*raw["percent_words"], *raw["currency_words"]] if w != "%"]
    )
    duration_alternatives = _alternatives([word for word in durations if word != "centuries"])
    unit_re = re.compile(
        rf"(?P<pct>{SPACE}?%)"
        rf"|{SPACE}+(?P<word>{unit_alternatives})\b"
        rf"|(?P<sep>{SPACE}+|{SPACE}*[-‐]{SPACE}*)(?P<dur>{duration_alternatives}|centuries)(?P<plural>s)?\b"
        rf"(?:(?P<age>[-‐]olds?\b|{SPACE}+old\b)|(?P<adj>[-‐]long\b))?"
        rf"|(?P<msep>{SPACE}+|{SPACE}*[-‐]{SPACE}*|(?=(?:{_alternatives(raw['glued_units'])})(?![\w/])))"
        rf"(?P<measure>{_alternatives(list(measurements))})(?![\w/])",
        re.IGNORECASE,
    )
    time_alternatives = "|".join(re.escape(word) for word in raw["time_suffixes"])
    return Lexicon(
        currency_prefixes=tuple(sorted(raw["currency_prefixes"].items(), key=lambda kv: -len(kv[0]))),
        currency_words={k.lower(): v for k, v in raw["currency_words"].items()},
        percent_words={k.lower(): v for k, v in raw["percent_words"].items()},
        durations=durations,
        comparators=tuple(sorted(raw["comparators"].items(), key=lambda kv: -len(kv[0]))),
        measurements=measurements,
        ratio_words={k: float(v) for k, v in raw["ratio_words"].items()},
        function_words=frozenset(raw["function_words"]),
        designators=frozenset(raw["name_designators"]),
        months=frozenset(raw["months"]),
        determiners=frozenset(raw["small_number_determiners"]),
        year_range=(int(raw["year_range"][0]), int(raw["year_range"][1])),
        age_words=frozenset(raw["age_words"]),
        rank_words=frozenset(raw["rank_words"]),
        range_verbs=frozenset(raw["range_verbs"]),
        count_verbs=frozenset(raw["count_verbs"]),
        not_measured=frozenset(raw["not_measured_nouns"]),
        time_re=re.compile(rf"{SPACE}*(?:{time_alternatives})(?![A-Za-z])", re.IGNORECASE),
        unit_re=unit_re,
    )


def comparator_before(text: str, start: int) -> tuple[int, str, str] | None:
    """A comparator phrase right before ``start``: ``(phrase start, comparator, phrase)``."""
    window = text[max(0, start - 30) : start]
    for phrase, comparator in lexicon().comparators:
        pattern = (re.escape(phrase) if phrase == "~" else r"\b" + re.escape(phrase)) + rf"{SPACE}*$"
        match = re.search(pattern, window, re.IGNORECASE)
        if match and (phrase == "~" or window[match.end(0) - 1 : match.end(0)].isspace() or match.end() == 0):
            return start - (len(window) - match.start()), comparator, phrase.lower()
    return None


QUALIFIERS = frozenset(
    {"approx", "more_than", "less_than", "at_least", "at_most"}
)  # not "range", not "ratio"


def qualified_start(text: str, start: int) -> tuple[int, str]:
    """Where a figure starting at ``start`` really starts, with its comparator: a qualifier right before it
    ("nearly two-thirds", "below 2 °C") is part of it; else ``(start, "exact")``."""
    found = comparator_before(text, start)
    if found is not None and found[1] in QUALIFIERS:
        return found[0], found[1]
    return start, "exact"
