"""The figure lexicons of ``audit/data/figures.json``, compiled once, and the regex pieces figures are read with."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.claim_extraction.figures.numbers import START_WORDS
from audit.data import load

WORD = r"[A-Za-z][\w'’.-]*"
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
    comparators: tuple[tuple[str, str], ...]  # longest first
    ratio_words: dict[str, float]
    irregular_plurals: frozenset[str]
    not_plural: frozenset[str]
    participles: frozenset[str]
    function_words: frozenset[str]
    designators: frozenset[str]
    months: frozenset[str]
    determiners: frozenset[str]
    year_range: tuple[int, int]
    change_verbs: frozenset[str]
    time_re: re.Pattern[str]
    unit_re: re.Pattern[str]


@cache
def lexicon() -> Lexicon:
    """The lexicons of ``audit/data/figures.json``, compiled once."""
    raw: dict[str, Any] = load("figures")
    durations = {key: (value[0], float(value[1])) for key, value in raw["duration_units"].items()}
    unit_words = sorted(
        [*raw["percent_words"], *raw["currency_words"]],
        key=len,
        reverse=True,
    )
    unit_alternatives = "|".join(re.escape(word) for word in unit_words if word != "%")
    duration_alternatives = "|".join(
        sorted((re.escape(word) for word in durations if word != "centuries"), key=len, reverse=True)
    )
    unit_re = re.compile(
        rf"(?P<pct>{SPACE}?%)"
        rf"|{SPACE}+(?P<word>{unit_alternatives})\b"
        rf"|(?P<sep>{SPACE}+|{SPACE}*[-‐]{SPACE}*)(?P<dur>{duration_alternatives}|centuries)(?P<plural>s)?\b"
        r"(?P<adj>[-‐](?:long|old))?",
        re.IGNORECASE,
    )
    time_alternatives = "|".join(re.escape(word) for word in raw["time_suffixes"])
    return Lexicon(
        currency_prefixes=tuple(sorted(raw["currency_prefixes"].items(), key=lambda kv: -len(kv[0]))),
        currency_words={k.lower(): v for k, v in raw["currency_words"].items()},
        percent_words={k.lower(): v for k, v in raw["percent_words"].items()},
        durations=durations,
        comparators=tuple(sorted(raw["comparators"].items(), key=lambda kv: -len(kv[0]))),
        ratio_words={k: float(v) for k, v in raw["ratio_words"].items()},
        irregular_plurals=frozenset(raw["irregular_plurals"]),
        not_plural=frozenset(raw["not_plural_nouns"]),
        participles=frozenset(raw["participle_words"]),
        function_words=frozenset(raw["function_words"]),
        designators=frozenset(raw["name_designators"]),
        months=frozenset(raw["months"]),
        determiners=frozenset(raw["small_number_determiners"]),
        year_range=(int(raw["year_range"][0]), int(raw["year_range"][1])),
        change_verbs=frozenset(raw["change_verbs"]),
        time_re=re.compile(rf"{SPACE}*(?:{time_alternatives})(?![A-Za-z])", re.IGNORECASE),
        unit_re=unit_re,
    )


RATIO_FOLLOWERS = (
    "as|more|less|larger|bigger|higher|greater|smaller|lower|the|that|what|its|their|his|her|in|since|"
    "from|over|to|during|compared|than"
)
NUMBER_WORDS = frozenset([*START_WORDS, "thousand", "million", "billion", "trillion", "percent", "cent"])
CLAUSE_BREAK_RE = re.compile(r"[,;:—–()\[\]\"“”\n]|[.!?]\s")


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
