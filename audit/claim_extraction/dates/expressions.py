"""Finding date and time expressions in text: the patterns and which of their overlapping matches win.

Absolute dates ("18 February 2025", "Nov 29, 2024", "2025-02-18", "in 1972"), partial ones ("February
12", "in August"), relative expressions ("yesterday", "last month", "on Thursday", "two weeks ago", "the
next day") and quarters are matched here; :mod:`audit.claim_extraction.dates.mentions` resolves them. Numbers that are counts
("4,000 jobs", "2000 troops") are not years, and a bare "May" is the month only after a word such as "in"
or "last". The lexicon (month and weekday names, number words, count nouns) is in
``audit/data/dates.json``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import cache

from audit.data import settings


@dataclass(frozen=True, slots=True)
class DatesLexicon:
    """Month and weekday names, number words and the rest of ``audit/data/dates.json``."""

    months: dict[str, int]
    weekdays: dict[str, int]
    number_words: dict[str, int]
    day_parts: list[str]
    year_blockers: list[str]


@cache
def lexicon() -> DatesLexicon:
    """``audit/data/dates.json``, read once: month and weekday names, number words, count nouns."""
    return settings("dates", DatesLexicon)


def _alternation(words: list[str]) -> str:
    return "|".join(sorted((w.capitalize() for w in words), key=len, reverse=True))


@cache
def _patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, pattern) in priority order; a longer match wins over a shorter overlapping one."""
    lex = lexicon()
    month_any = rf"(?P<mon>(?:{_alternation(list(lex.months))})\b\.?)"
    full = {name.lower() for name in calendar.month_name if name}
    month_full = rf"(?P<mon>(?:{_alternation([m for m in lex.months if m in full])})\b"
    month_full += rf"|(?:{_alternation([m for m in lex.months if m not in full])})\.)"
    weekday = rf"(?P<wd>{_alternation([w for w in lex.weekdays if len(w) > 4])})\b"
    day = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?![\d:])"
    year = r"(?P<year>1[5-9]\d\d|20\d\d)(?![\d\w])"
    time = r"(?:\s*(?:-|–|—|,|at)?\s*\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)?"
    numbers = "|".join(sorted(lex.number_words, key=len, reverse=True))
    parts = "|".join(lex.day_parts)
    flags = re.IGNORECASE
    return [
        (
            "iso",
            re.compile(
                r"(?<![\w%/.-])(?P<year>\d{4})-(?P<m>\d{2})-(?P<day>\d{2})(?:T\d{2}:\d{2}(?::\d{2})?)?(?![\w%-])"
            ),
        ),
        (
            "dmy",
            re.compile(
                rf"(?:{weekday},?\s+)?(?:(?P<the>[Tt]he)\s+)?\b{day}(?:\s+of)?\s+{month_any}(?:,?\s+{year})?{time}"
            ),
        ),
        ("mdy", re.compile(rf"(?:{weekday},?\s+)?\b{month_any}\s+{day}(?:,?\s+{year})?{time}")),
        ("my", re.compile(rf"\b{month_any}(?:\s+of)?,?\s+{year}")),
        ("month", re.compile(rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?)\s+)?\b{month_full}")),
        ("year", re.compile(rf"(?<![\w$£€/])(?<!\d[.,]){year}(?![.,]\d|%|-\w|\s*per\s?cent)")),
        ("day_word", re.compile(rf"\b(?P<w>today|tonight|yesterday|tomorrow)\b(?:\s+(?:{parts})\b)?", flags)),
        ("day_part", re.compile(rf"\b(?P<w>this|last)\s+(?P<part>{parts})\b", flags)),
        (
            "unit_rel",
            re.compile(
                r"\b(?P<rel>last|this|next|the previous|the following)\s+(?P<unit>week|month|year)\b", flags
            ),
        ),
        (
            "offset",
            re.compile(
                rf"\b(?P<n>\d+|{numbers})\s+(?P<unit>day|week|month|year)s?\s+"
                r"(?P<dir>ago|earlier|later|before(?=[,.;])|after(?=[,.;])|from now)\b",
                flags,
            ),
        ),
        (
            "next_day",
            re.compile(
                r"\b(?:the\s+)?(?P<w>next|following|previous|preceding)\s+day\b|\bthe\s+day\s+(?P<w2>before|after)\b(?!\s+\w+day)",
                flags,
            ),
        ),
        (
            "weekday",
            re.compile(
                rf"(?:\b(?P<rel>[Ll]ast|[Nn]ext|[Tt]his(?: past| coming)?)\s+)?{weekday}(?:\s+(?:{parts})\b)?"
            ),
        ),
        (
            "quarter",
            re.compile(
                r"\b(?:the\s+)?(?:first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+(?:quarter|half)\b", flags
            ),
        ),
    ]


_MAY_CONTEXT = re.compile(
    r"(?:\b(?:in|since|until|till|by|from|through|during|of|before|after|early|late|mid|last|next|this)[\s-]+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class ExpressionMatch:
    """One date expression found in the text: its pattern kind, span and named groups."""

    kind: str
    start: int
    end: int
    groups: dict[str, str | None]


def find_expressions(text: str) -> list[ExpressionMatch]:
    """The date expressions of ``text`` in document order, overlaps resolved (earliest, then longest, then
    the pattern listed first)."""
    blockers = set(lexicon().year_blockers)
    found: list[tuple[int, int, int, ExpressionMatch]] = []
    for priority, (kind, pattern) in enumerate(_patterns()):
        for match in pattern.finditer(text):
            groups = match.groupdict()
            modal = kind == "month" and (groups["mon"] or "").startswith("May") and not groups["rel"]
            if modal and not _MAY_CONTEXT.search(text, max(0, match.start() - 12), match.start()):
                continue  # the modal verb "May", not the month
            if kind == "year":
                following = re.match(r"\s+([A-Za-z]+)", text[match.end() : match.end() + 20])
                if following and following.group(1).lower() in blockers:
                    continue  # "2000 troops" is a count
            end = match.end()
            while end > match.start() and text[end - 1].isspace():
                end -= 1
            found.append(
                (
                    match.start(),
                    -(end - match.start()),
                    priority,
                    ExpressionMatch(kind, match.start(), end, groups),
                )
            )
    chosen: list[ExpressionMatch] = []
    for _, _, _, candidate in sorted(found, key=lambda item: (item[0], item[1], item[2])):
        if chosen and candidate.start < chosen[-1].end:
            continue
        chosen.append(candidate)
    return chosen
