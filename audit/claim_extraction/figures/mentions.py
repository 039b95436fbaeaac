"""Figures in article text: the numbers a reader could check, with value, unit and what they measure.

``extract_figures(text)`` returns every figure in document order as a ``Figure`` with an absolute span
(``text[f.span.start:f.span.end] == f.text``). The lexicons (currencies, comparators, duration units, the
words that mark a name or a date) live in ``audit/data/figures.json``.

How a figure is read (steps in ``_read_figure``):

1. A core number: a numeral ("4,000", "3.2") or a spelled-out number ("twelve", "a dozen", "half a
   million"; see ``audit.claim_extraction.figures.numbers``), with a scale word ("1.5 million") or, next to a currency, an
   abbreviation ("€3.5m", "$40bn").
2. Exclusions, so that only quantities are returned: years ("in 2024", "1972": a bare four-digit integer in
   1000-2100 with no currency, percent or scale), dates ("February 12", "1 April"), times ("11:00",
   "10 a.m."), ordinals ("21st"), numbers inside names or codes ("G7", "COVID-19", "Article 5", "World
   War 2", "Air Force One": a number glued to letters, after a designator word such as "Article", or
   after a capitalised word that is not a function word), and "the two countries" (a small spelled-out
   count after a determiner is a reference, not a figure).
3. Unit, read to the right: percent ("%", "percent", "per cent"; "percentage points" gives unit
   "percentage_point"), currency words ("40 million dollars"), a duration ("five days", "90-minute";
   decades and centuries are converted to years), a count noun ("4,000 jobs", "six members", "20
   people"; the noun is part of the figure's text), else "count" when a scale word was used, else None.
   Spelled-out numbers without a unit are dropped ("one of the", "two of them").
4. Qualifier, read to the left: a currency prefix ("$", "US$", "€", "£") and a comparator ("about",
   "nearly" → "approx"; "more than", "over" → "more_than"; "at least", "up to", "fewer than"...); "over"
   before a duration is a period, not a comparator ("worth $1bn over five years"), unless a word of length
   comes first ("lasted over three hours", "for over a decade"). Ranges
   ("between 10 and 12", "10-12 people", "3 to 5 million") give comparator "range" and ``value_max``.
5. Fractions in words before "of" ("two-thirds of voters", "more than half of") are percent figures
   (``audit.claim_extraction.figures.fractions``); temperatures ("1.5C", "40 degrees Fahrenheit") have unit "celsius" or
   "fahrenheit" (``audit.claim_extraction.figures.temperatures``).
6. Ratios ("nearly double", "tripled", "twice as", "three times more") give comparator "ratio" with the
   factor as ``value`` and unit None. The approximation ("nearly") stays in ``text`` but is not encoded in
   the comparator: the contract's comparator vocabulary has a single "ratio", and consumers comparing two
   ratios should treat them as approximate anyway.

Measure normalisation (``Figure.measure``): lowercase words with determiners, possessives and function
words stripped, so that two sources stating the same measure produce the same string where the wording
allows. Rules, by unit:

- count: the counted noun phrase plus a passive participle if one follows ("12 passengers were injured"
  → "passengers injured"; "4,000 new jobs" → "new jobs").
- percent: the "of" complement ("5% of GDP" → "gdp"); when the clause also names a subject just before
  the figure ("increase their defense spending to at least 5% of GDP") it is prefixed with " / ":
  "defense spending / gdp".
- currency and others: the subject just before the figure, skipping a change verb and a preposition
  ("purchases surging to $62 billion" → "purchases"), else an "of/in/for" complement after it ("$1.2
  trillion in debt" → "debt").
- adjectival durations: the noun after ("90-minute phone call" → "phone call").
- ratios: what the ratio is relative to ("nearly double the pre-war volume" → "pre-war volume").

Known limits: no part-of-speech tagging, so measures are heuristic noun phrases; four-digit counts without
a thousands separator in the year range are read as years ("the 2024 elections" is right, "1500 troops" is
missed); "from 10 to 12 percent" gives two figures and the first has no unit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from audit.claim_extraction.figures.fractions import fraction_figures
from audit.claim_extraction.figures.lexicon import (
    LENGTH_WORDS,
    RATIO_FOLLOWERS,
    SPACE,
    comparator_before,
    lexicon,
    qualified_start,
)
from audit.claim_extraction.figures.measures import count_noun, left_subject, line_around, ratio_measure
from audit.claim_extraction.figures.measures import measure as measure_of
from audit.claim_extraction.figures.numbers import (
    NUMERAL_PATTERN,
    SCALE_ABBREVIATIONS,
    START_WORDS,
    match_word_number,
    parse_numeral,
    scale_after,
)
from audit.claim_extraction.figures.temperatures import temperature_figures
from audit.model import Figure, Span


@dataclass(frozen=True)
class _Core:
    """A number before qualification: where it is, its value, and whether it was written in words."""

    start: int
    end: int
    value: float
    spelled: bool
    plain_integer: bool  # a numeral with no separator, decimals or scale (could be a year)


_NUMERAL_RE = re.compile(rf"(?<![\w.,])(?:{NUMERAL_PATTERN})")
_WORD_START_RE = re.compile(r"\b(?:" + "|".join(sorted(START_WORDS, key=len, reverse=True)) + r")\b", re.I)
_ABBREV_RE = re.compile(r"(" + "|".join(sorted(SCALE_ABBREVIATIONS, key=len, reverse=True)) + r")\b", re.I)


def extract_figures(text: str) -> list[Figure]:
    """Every figure in ``text`` in document order (see the module docstring for what counts)."""
    figures: list[Figure] = []
    for core in _cores(text):
        figure = _read_figure(text, core)
        if figure is not None:
            figures.append(figure)
    figures.extend(_ratios(text))
    figures.extend(fraction_figures(text))
    figures.extend(temperature_figures(text))
    figures.sort(key=lambda f: (f.span.start, -f.span.end))
    kept: list[Figure] = []
    for figure in figures:
        if kept and figure.span.start < kept[-1].span.end:
            continue  # the second number of a range, or a ratio word inside a figure already read
        kept.append(figure)
    return kept


def _cores(text: str) -> list[_Core]:
    """All numerals and spelled-out numbers with their scale word, in order, not overlapping."""
    cores: list[_Core] = []
    for match in _NUMERAL_RE.finditer(text):
        value = parse_numeral(match.group(0))
        end = match.end()
        scaled = scale_after(text, end)
        plain = "," not in match.group(0) and "." not in match.group(0)
        if scaled is not None:
            end, value = scaled[0], value * scaled[1]
            plain = False
        cores.append(_Core(match.start(), end, value, spelled=False, plain_integer=plain))
    for match in _WORD_START_RE.finditer(text):
        read = match_word_number(text, match.start())
        if read is None:
            continue
        end, value = read
        scaled = scale_after(text, end)
        if scaled is not None and value < 1000:
            end, value = scaled[0], value * scaled[1]
        cores.append(_Core(match.start(), end, value, spelled=True, plain_integer=False))
    cores.sort(key=lambda c: (c.start, -c.end))
    result: list[_Core] = []
    for core in cores:
        if result and core.start < result[-1].end:
            continue
        result.append(core)
    return result


def _at_sentence_start(text: str, pos: int) -> bool:
    before = text[:pos].rstrip(" \t\u00a0\"'“‘([")
    return not before or before[-1] in ".!?:;\n•-–—"


def _previous_word(text: str, pos: int) -> str | None:
    match = re.search(rf"([A-Za-z][\w'’.]*){SPACE}+$", text[max(0, pos - 40) : pos])
    return match.group(1) if match else None


def _is_excluded(text: str, core: _Core, has_currency: bool) -> bool:
    """Step 2: years, dates, times, ordinals and numbers that are part of a name or code."""
    lex = lexicon()
    start, end = core.start, core.end
    before = text[max(0, start - 2) : start]
    after = text[end : end + 2]
    if before[-1:] in ("/", "#", ":", "%", "_") or re.search(r"[A-Za-z\d][-‐–]$", before):
        return True  # "COVID-19", "F-16", the tail of "2014-2022"
    token_start = max(text.rfind(" ", 0, start), text.rfind("\n", 0, start)) + 1
    token = re.match(r"\S*", text[token_start:]).group(0)  # type: ignore[union-attr]
    if re.search(r"[_/=]|%[0-9A-F]{2}|https?:|www\.", token):
        return True  # URLs, file names, query strings
    if re.match(r"[/:]\d|\.\d|_", after):
        return True
    if not core.spelled and after[:1].isalpha():
        abbreviation = _ABBREV_RE.match(text, end)
        if not (has_currency and abbreviation):
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
    previous = _previous_word(text, start)
    if previous is not None:
        bare = previous.rstrip(".").lower()
        if bare in lex.months and previous[0].isupper():
            return True
        if bare in lex.designators or previous.lower() in lex.designators:
            return True
        if (
            previous[0].isupper()
            and bare not in lex.function_words
            and not any(bare == phrase for phrase, _ in lex.comparators)
            and not _at_sentence_start(text, start - len(previous) - 1)
            and not has_currency
        ):
            return True  # "World War 2", "Boeing 737", "Trump 47"
    month_after = re.match(rf"(?:st|nd|rd|th)?{SPACE}+(?:of{SPACE}+)?([A-Z][a-z]+)\.?", text[end : end + 20])
    if month_after and month_after.group(1).lower() in lex.months and not core.spelled:
        return True
    # "Air Force One", "the Big Three"
    return core.spelled and text[start].isupper() and not _at_sentence_start(text, start)


def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    """A currency prefix ending at ``start`` (one space allowed): ``(prefix start, ISO code)``."""
    for prefix, code in lexicon().currency_prefixes:
        for gap in ("", " "):
            begin = start - len(prefix) - len(gap)
            if begin < 0 or text[begin:start] != prefix + gap:
                continue
            if prefix[0].isalpha() and begin > 0 and text[begin - 1].isalnum():
                continue
            if prefix[-1].isalpha() and not gap:
                continue
            return begin, code
    return None


def _second_number(text: str, pos: int) -> tuple[int, float, float] | None:
    """The upper bound of a range starting at ``pos``: ``(end, value, scale factor or 1.0)``."""
    if pos < len(text) and text[pos] in "$€£¥":
        pos += 1
    match = re.compile(NUMERAL_PATTERN).match(text, pos)
    if match is not None:
        value, end = parse_numeral(match.group(0)), match.end()
        if re.match(r"[A-Za-z/:]|\.\d", text[end : end + 2]) and not _ABBREV_RE.match(text, end):
            return None
    else:
        read = match_word_number(text, pos)
        if read is None:
            return None
        end, value = read
    scaled = scale_after(text, end)
    if scaled is not None:
        return scaled[0], value * scaled[1], scaled[1]
    return end, value, 1.0


def _read_figure(text: str, core: _Core) -> Figure | None:
    """Steps 2-4 of the module docstring for one core number."""
    lex = lexicon()
    currency = _currency_before(text, core.start)
    if _is_excluded(text, core, currency is not None):
        return None
    start, end, value = core.start, core.end, core.value
    unit: str | None = None
    has_scale = core.value >= 1000 and not core.plain_integer and text[start:end].strip()[-1:].isalpha()
    if currency is not None:
        start, unit = currency
        if not core.spelled and not has_scale:
            abbreviation = _ABBREV_RE.match(text, end)
            if abbreviation:
                value *= SCALE_ABBREVIATIONS[abbreviation.group(1).lower()]
                end, has_scale = abbreviation.end(), True
    comparator = "exact"
    number_start = start
    compared = comparator_before(text, start)
    value_max: float | None = None
    # Ranges: "between 10 and 12", "10-12", "10–12", "3 to 5 million".
    joiner = re.match(rf"{SPACE}*(?:–|—|to|and){SPACE}*|-", text[end : end + 8])
    if joiner is not None:
        word = joiner.group(0).strip()
        allowed = word != "and" or (compared is not None and compared[1] == "range")
        if word == "to":
            allowed = not re.search(rf"\bfrom{SPACE}+\S*$", text[max(0, start - 12) : start], re.I)
        second = _second_number(text, end + joiner.end()) if allowed else None
        if second is not None:
            upper_end, upper, upper_scale = second
            lower = value * upper_scale if upper_scale > 1 and not has_scale else value
            if upper > lower:
                value = lower
                value_max, end, comparator = upper, upper_end, "range"
    if compared is not None and (compared[1] != "range" or comparator == "range"):
        # A range keeps comparator "range" even when qualified ("almost 3 to 5 million").
        comparator = comparator if comparator == "range" else compared[1]
        number_start, start = start, min(start, compared[0])
    measure: str | None = None
    unit_match = lex.unit_re.match(text, end)
    adjectival = False
    if unit_match is not None:
        if unit_match.group("pct"):
            unit = "percent"
        elif unit_match.group("word"):
            word = unit_match.group("word").lower()
            if word in lex.percent_words:
                unit = lex.percent_words[word]
            elif unit is None:
                unit = lex.currency_words[word]
        elif unit_match.group("dur") and unit is None:
            duration_unit, factor = lex.durations[unit_match.group("dur").lower()]
            unit = duration_unit
            value *= factor
            value_max = value_max * factor if value_max is not None else None
            adjectival = "-" in unit_match.group("sep") or "‐" in unit_match.group("sep")
        if unit is not None:
            end = unit_match.end()
    if unit is None:
        counted = count_noun(text, end)
        if counted is not None:
            if counted[2] == "ratio":
                return Figure(
                    text=text[start : counted[0]],
                    value=value,
                    unit=None,
                    span=Span(start, counted[0]),
                    comparator="ratio",
                    measure=ratio_measure(text, counted[0]),
                )
            end, measure, unit = counted[0], counted[1], "count"
        elif has_scale:
            unit = "count"
    if compared is not None and compared[2] == "over" and comparator == "more_than" and value_max is None:
        durations = {name for name, _ in lex.durations.values()}
        if unit in durations and (_previous_word(text, start) or "").lower() not in LENGTH_WORDS:
            start, comparator = number_start, "exact"  # "worth $1bn over five years": during, not more than
    if core.spelled and unit is None:
        return None
    if core.spelled and unit == "count":
        previous = _previous_word(text, start)
        if value < 2 or (previous is not None and previous.lower() in lex.determiners and value < 20):
            return None  # "one country", "the two countries"
    if unit is None and not line_around(text, start, end).strip():
        return None  # a number alone on a line: counters, page furniture
    if measure is None:
        measure = measure_of(text, start, end, unit, adjectival)
    return Figure(
        text=text[start:end],
        value=value,
        unit=unit,
        span=Span(start, end),
        comparator=comparator,
        value_max=value_max,
        measure=measure,
    )


_RATIO_RE = re.compile(
    r"\b(?P<word>"
    + "|".join(
        sorted(
            [
                "double",
                "doubled",
                "doubling",
                "twice",
                "triple",
                "tripled",
                "tripling",
                "treble",
                "trebled",
                "quadruple",
                "quadrupled",
                "halved",
            ],
            key=len,
            reverse=True,
        )
    )
    + r")\b(?![-‐])",
    re.IGNORECASE,
)


def _ratios(text: str) -> list[Figure]:
    """Step 6: "nearly double the pre-war volume", "tripled since", "twice as large"."""
    lex = lexicon()
    figures: list[Figure] = []
    for match in _RATIO_RE.finditer(text):
        word = match.group("word").lower()
        follower = re.match(rf"{SPACE}+(?:{RATIO_FOLLOWERS})\b|{SPACE}*(?:[.,;:—–)]|$)", text[match.end() :])
        if follower is None or (
            word == "twice" and not re.match(rf"{SPACE}+(?:as|the|that|what)\b", text[match.end() :])
        ):
            continue
        start, _ = qualified_start(text, match.start())  # the qualifier stays in the text only (docstring)
        figures.append(
            Figure(
                text=text[start : match.end()],
                value=lex.ratio_words[word],
                unit=None,
                span=Span(start, match.end()),
                comparator="ratio",
                measure=ratio_measure(text, match.end()) or left_subject(text, start),
            )
        )
    return figures
