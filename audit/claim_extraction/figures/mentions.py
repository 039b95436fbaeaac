"""Figures in article text: the numbers a reader could check, with value, unit and what they measure.

``extract_figures(text, parsed)`` returns every figure in document order as a ``Figure`` with an absolute span
(``text[f.span.start:f.span.end] == f.text``). Numbers are read from the text with regular expressions and the
lexicons of ``audit/data/figures.json``: reading "€3.5m", "half a million" or "between 10 and 12" is not the
parser's job, and the tokeniser splits such numbers in ways of its own. What a number counts or measures is read
from the dependency parse of its sentence (``audit.claim_extraction.figures.measures``).

Why the parse is always used: a regex fallback for measures would be a second reader, giving other answers on the
same sentence ("The PBSA assets slid 12%" → "pbsa assets slid") and tested less than the first. So ``parsed`` is the
parse the claims stage already made (``audit.nlp.parse.parse_sentences`` over its sentences); when it is omitted,
the text is split into sentences as the claims stage splits it and parsed here, so a caller with a lone sentence
(the evaluation scripts) gets the same figures as the pipeline. Text outside every parsed sentence (a heading)
keeps its numbers, units and comparators but no counted noun and no measure.

How a figure is read (steps in ``_read_figure``):

1. A core number: a numeral ("4,000", "3.2") or a spelled-out number ("twelve", "a dozen", "half a
   million"; see ``audit.claim_extraction.figures.numbers``), with a scale word ("1.5 million") or, next to a
   currency, an abbreviation ("€3.5m", "$40bn"). Digits with a misplaced thousands separator ("10,0000") are a
   figure with value None and comparator "malformed", never the nearest well-formed number.
2. Exclusions, so that only quantities are returned (``audit.claim_extraction.figures.exclusions``): years,
   dates, times, ordinals and ranks ("21st", "No. 1", "ranked 1"), numbers in names or
   codes ("G7", "COVID-19", "Article 5", "World War 2", "Air Force One"), and "the two countries" (a small
   spelled-out count after a determiner is a reference, not a figure).
3. Unit, read to the right (``audit.claim_extraction.figures.units``): percent, currency words, durations, ages
   ("45-year-old", and "aged 45" or "Smith, 45," read to the left: unit "age"), physical quantities ("100mph" →
   "mph"); else, from the parse, a counted noun ("88 flood warnings" → unit "count"; the noun and its modifiers
   are part of the figure's text); else "count" when a scale word was used, else None. Spelled-out numbers
   without a unit are dropped ("one of the", "two of them").
4. Qualifier, read to the left: a currency prefix ("$", "US$", "€", "£") and a comparator ("about",
   "nearly" → "approx"; "more than", "over" → "more_than"; "at least", "up to", "fewer than"...); "over"
   before a duration is a period, not a comparator ("worth $1bn over five years"), unless a word of length
   comes first ("lasted over three hours", "for over a decade"). Ranges ("between 10 and 12", "10-12 people",
   "3 to 5 million", "ranging from 5 to 9 percent") give comparator "range" and ``value_max``; "from 2 to 3
   percent" after any other verb is a change, two figures.
5. Fractions in words before "of" ("two-thirds of voters", "more than half of") are percent figures
   (``audit.claim_extraction.figures.fractions``); temperatures ("1.5C", "40 degrees Fahrenheit") have unit
   "celsius" or "fahrenheit" (``audit.claim_extraction.figures.temperatures``).
6. Ratios ("nearly double", "tripled", "twice as", "three times more") give comparator "ratio" with the
   factor as ``value`` and unit None (``audit.claim_extraction.figures.ratios``).
7. The measure, from the parse (``audit.claim_extraction.figures.measures``).

Known limits: four-digit counts without a thousands separator in the year range are read as years ("the 2024
elections" is right, "1500 troops" is missed); in a change "from 2 to 3 percent" the first figure has no unit.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from audit.claim_extraction.figures.exclusions import (
    Core,
    is_excluded,
    previous_word,
    scale_abbreviation,
)
from audit.claim_extraction.figures.fractions import fraction_figures
from audit.claim_extraction.figures.lexicon import LENGTH_WORDS, SPACE, comparator_before, lexicon
from audit.claim_extraction.figures.located import Parses
from audit.claim_extraction.figures.measures import (
    count_measure,
    counted_noun,
    measure,
    ratio_measure,
)
from audit.claim_extraction.figures.numbers import (
    DIGITS_PATTERN,
    NUMERAL_PATTERN,
    SCALE_ABBREVIATIONS,
    START_WORDS,
    is_malformed,
    match_word_number,
    parse_numeral,
    scale_after,
)
from audit.claim_extraction.figures.ratios import ratio_figures, times_after
from audit.claim_extraction.figures.temperatures import temperature_figures
from audit.claim_extraction.figures.units import Unit, age_before, unit_after
from audit.claim_extraction.sentences import paragraph_spans, split_sentences
from audit.model import Figure, Span
from audit.nlp.parse import ParsedSentence, parse_sentences

_DIGITS_RE = re.compile(rf"(?<![\w.,])(?:{DIGITS_PATTERN})")
_SECOND_RE = re.compile(rf"(?:{NUMERAL_PATTERN})(?![\d,]\d)")
_WORD_START_RE = re.compile(r"\b(?:" + "|".join(sorted(START_WORDS, key=len, reverse=True)) + r")\b", re.I)


def extract_figures(text: str, parsed: Sequence[ParsedSentence] | None = None) -> list[Figure]:
    """Every figure in ``text`` in document order; ``parsed``: the parse of its sentences, made here when omitted
    (module docstring)."""
    if parsed is None:
        spans = [
            sentence for paragraph in paragraph_spans(text) for sentence in split_sentences(text, paragraph)
        ]
        parsed = parse_sentences(text, spans)
    parses = Parses(parsed)
    figures: list[Figure] = []
    for core in _cores(text):
        figure = _read_figure(text, core, parses)
        if figure is not None:
            figures.append(figure)
    figures.extend(ratio_figures(text, parses))
    figures.extend(fraction_figures(text, parses))
    figures.extend(temperature_figures(text, parses))
    figures.sort(key=lambda f: (f.span.start, -f.span.end))
    kept: list[Figure] = []
    for figure in figures:
        if kept and figure.span.start < kept[-1].span.end:
            continue  # the second number of a range, or a ratio word inside a figure already read
        kept.append(figure)
    return kept


def _cores(text: str) -> list[Core]:
    """All numerals and spelled-out numbers with their scale word, in order, not overlapping."""
    cores: list[Core] = []
    for match in _DIGITS_RE.finditer(text):
        digits = match.group(0)
        malformed = is_malformed(digits)
        value = 0.0 if malformed else parse_numeral(digits)
        end = match.end()
        scaled = scale_after(text, end)
        plain = "," not in digits and "." not in digits
        if scaled is not None:
            end, value = scaled[0], value * scaled[1]
            plain = False
        cores.append(Core(match.start(), end, value, spelled=False, plain_integer=plain, malformed=malformed))
    for match in _WORD_START_RE.finditer(text):
        read = match_word_number(text, match.start())
        if read is None:
            continue
        end, value = read
        scaled = scale_after(text, end)
        if scaled is not None and value < 1000:
            end, value = scaled[0], value * scaled[1]
        cores.append(Core(match.start(), end, value, spelled=True, plain_integer=False))
    cores.sort(key=lambda c: (c.start, -c.end))
    result: list[Core] = []
    for core in cores:
        if result and core.start < result[-1].end:
            continue
        result.append(core)
    return result


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
    match = _SECOND_RE.match(text, pos)
    if match is not None:
        value, end = parse_numeral(match.group(0)), match.end()
        glued = re.match(r"[A-Za-z/:]|\.\d", text[end : end + 2])
        if glued and not scale_abbreviation(text, end) and unit_after(text, end, None, False) is None:
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


def _range(text: str, start: int, end: int, value: float, has_scale: bool) -> tuple[int, float, float] | None:
    """A range from the number ``[start, end)``: ``(end, lower, upper)``, or None."""
    joiner = re.match(rf"{SPACE}*(?:–|—|to|and){SPACE}*|-", text[end : end + 8])
    if joiner is None:
        return None
    word = joiner.group(0).strip()
    compared = comparator_before(text, start)
    allowed = word != "and" or (compared is not None and compared[1] == "range")
    if word == "to":  # "from 2 to 3 percent" is a change, unless a verb of range comes first
        origin = re.search(rf"(?:\b(\w+){SPACE}+)?\bfrom{SPACE}+\S*$", text[max(0, start - 30) : start], re.I)
        allowed = origin is None or (origin.group(1) or "").lower() in lexicon().range_verbs
    second = _second_number(text, end + joiner.end()) if allowed else None
    if second is None:
        return None
    upper_end, upper, upper_scale = second
    lower = value * upper_scale if upper_scale > 1 and not has_scale else value
    return (upper_end, lower, upper) if upper > lower else None


def _read_figure(text: str, core: Core, parses: Parses) -> Figure | None:
    """Steps 2-4 and 7 of the module docstring for one core number."""
    lex = lexicon()
    currency = _currency_before(text, core.start)
    if is_excluded(text, core, currency is not None):
        return None
    start, end, value = core.start, core.end, core.value
    has_scale = core.value >= 1000 and not core.plain_integer and text[start:end].strip()[-1:].isalpha()
    if currency is not None:
        start = currency[0]
        if not core.spelled and not has_scale:
            abbreviation = scale_abbreviation(text, end)
            if abbreviation:
                value *= SCALE_ABBREVIATIONS[abbreviation.group(1).lower()]
                end, has_scale = abbreviation.end(), True
    comparator = "exact"
    number_start = start
    compared = comparator_before(text, start)
    value_max: float | None = None
    found_range = None if core.malformed else _range(text, start, end, value, has_scale)
    if found_range is not None:
        end, value, value_max = found_range
        comparator = "range"
    if compared is not None and (compared[1] != "range" or comparator == "range"):
        # A range keeps comparator "range" even when qualified ("almost 3 to 5 million").
        comparator = comparator if comparator == "range" else compared[1]
        number_start, start = start, min(start, compared[0])
    unit_read = unit_after(text, end, currency[1] if currency else None, has_scale)
    if unit_read is None and age_before(text, core.start, end, value) and not has_scale:
        unit_read = Unit(end, "age", dimension="age")
    unit = currency[1] if currency else None
    if unit_read is not None:
        end, unit = unit_read.end, unit_read.unit
        value *= unit_read.factor
        value_max = value_max * unit_read.factor if value_max is not None else None
    located = parses.locate(number_start, end)
    noun = None
    if unit is None:
        times_end = times_after(text, end)
        if times_end is not None:
            what = ratio_measure(parses.locate(number_start, times_end))
            return Figure(text[start:times_end], value, None, Span(start, times_end), "ratio", None, what)
        noun = counted_noun(located) if located is not None else None
        if noun is not None:
            end, unit = noun.end, "count"
        elif has_scale:
            unit = "count"
    if compared is not None and compared[2] == "over" and comparator == "more_than" and value_max is None:
        durations = {name for name, _ in lex.durations.values()}
        if unit in durations and (previous_word(text, start) or "").lower() not in LENGTH_WORDS:
            start, comparator = number_start, "exact"  # "worth $1bn over five years": during, not more than
    if core.spelled and unit is None:
        return None
    if core.spelled and unit == "count":
        previous = previous_word(text, start)
        if value < 2 or (previous is not None and previous.lower() in lex.determiners and value < 20):
            return None  # "one country", "the two countries"
    if unit is None and not _line_around(text, start, end).strip():
        return None  # a number alone on a line: counters, page furniture
    if noun is not None and located is not None:
        what = count_measure(located, noun)  # located: the number's words, before the noun joined the figure
    else:
        located = parses.locate(start, end)  # with the comparator: "to at least 5%" hangs on its preposition
        adjectival = unit_read is not None and unit_read.adjectival
        what = measure(
            located, unit, adjectival=adjectival, dimension=unit_read.dimension if unit_read else None
        )
    if core.malformed:
        return Figure(text[start:end], None, unit, Span(start, end), "malformed", None, what)
    return Figure(text[start:end], value, unit, Span(start, end), comparator, value_max, what)


def _line_around(text: str, start: int, end: int) -> str:
    """The rest of the line around ``[start, end)`` with the figure removed."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:start] + text[end:line_end]
