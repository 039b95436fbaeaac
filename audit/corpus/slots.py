"""Claims about one thing: a figure's *slot* (what it is a figure of) and the values its wording allows.

Within one story (``audit.corpus.stories``), "six members of a road repair crew were killed" and "seven
construction workers died" are both the death toll; "canceled about 2,500 flights" and "roughly 7,000 flights
were scrapped" both the airline's cancellations. A figure is read as:

- ``unit``: the figures layer's unit (a currency code, "percent", "count");
- ``predicate``: the class of the predicate it is the figure of ("killed", "died", "death toll" are ``die``),
  from the words after the figure (a passive or intransitive verb: "were killed") or before it ("canceled about
  2,500 flights", "a fee of $5.9 million"), else from the figures layer's measure; change verbs ("rose to") say
  how a measure moved, not which measure it is, and count only when nothing else is found;
- ``head``: the class of the thing counted ("members", "workers" are ``person``), from the noun group that
  follows the number, else from the measure;
- ``of``: what a share or a count is of ("90 percent of FEMA field employees");
- ``context``: the content words around the figure (and of its measure).

``same_slot`` compares classes first (units, predicates, heads, "of" groups), then, when neither a predicate nor
a head is known on both sides, the context. ``relation`` intersects the values the wordings allow (hedges and
the stated precision). Lexicon in ``audit/data/slots.json``; a dependency parse can later give the same fields.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache
from typing import Literal

from audit.data import load
from audit.model import Claim, Figure

Relation = Literal["agree", "conflict", "unclear"]

_SENTENCE = re.compile(r"[^.!?\s][^.!?\n]*[.!?]?")
_DIGIT = re.compile(r"\d")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d+(?:[,.]\d+)*|[,.;:!?]")
_NUMBER = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|trillion|bn|m|k)?\b", re.IGNORECASE)
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12, "bn": 1e9, "m": 1e6, "k": 1e3}
_CLAUSE_WORDS = frozenset(
    {"and", "but", "while", "whereas", "when", "after", "because", "although", "though"}
)
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "all"})
_OPEN_LOW = frozenset({"more_than", "at_least"})
_OPEN_HIGH = frozenset({"less_than", "at_most"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    predicates: dict[str, str]
    heads: dict[str, str]
    aspects: frozenset[str]
    hedges_below: tuple[str, ...]
    hedges_wide: tuple[str, ...]
    approx_tolerance: float
    wide_tolerance: float
    open_bound_ratio: float
    context_min: float
    words_after: int
    words_before: int
    stopwords: frozenset[str]
    auxiliaries: frozenset[str]
    number_words: frozenset[str]


def _classes(table: dict[str, list[str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, words in table.items():
        for word in words:
            out.setdefault(word, name)
    return out


@cache
def lexicon() -> Lexicon:
    """``audit/data/slots.json``, read once; the class tables inverted to ``{word: class}``."""
    raw = load("slots")
    return Lexicon(
        _classes(raw["predicates"]),
        _classes(raw["heads"]),
        frozenset(raw["aspects"]),
        tuple(raw["hedges_below"]),
        tuple(raw["hedges_wide"]),
        float(raw["approx_tolerance"]),
        float(raw["wide_tolerance"]),
        float(raw["open_bound_ratio"]),
        float(raw["context_min"]),
        int(raw["words_after"]),
        int(raw["words_before"]),
        frozenset(raw["stopwords"]),
        frozenset(raw["auxiliaries"]),
        frozenset(raw["number_words"]),
    )


@dataclass(frozen=True, slots=True)
class Slot:
    """What a figure is a figure of (see the module docstring); empty strings where unknown."""

    unit: str
    predicate: str
    head: str
    of: frozenset[str]
    context: frozenset[str]
    words: frozenset[str] = frozenset()  # the context's words as written (lower-cased), for the lexicon


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure's slot, its stated value and the interval of values its wording allows."""

    slot: Slot
    value: float
    low: float
    high: float
    label: str = ""  # the counted thing and the predicate as written ("flights canceled"), for messages

    @property
    def open(self) -> bool:
        return math.isinf(self.high) or self.low == -math.inf


def stem(word: str) -> str:
    """A crude stem, enough to meet plurals and tenses ("cancelled", "cancels" → "cancell", "cancel")."""
    word = word.lower()
    for suffix in ("ing", "ed", "es", "s", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def word_class(word: str, table: dict[str, str]) -> str | None:
    """The class of ``word`` in ``table`` (trying it without a plural or tense ending too), else None."""
    w = word.lower()
    if w in table:
        return table[w]
    for suffix in ("s", "es", "ed", "d", "ing"):
        if w.endswith(suffix) and w[: -len(suffix)] in table:
            return table[w[: -len(suffix)]]
    return None


def _is_number(token: str) -> bool:
    return token[0].isdigit() or token.lower() in lexicon().number_words or token in "$£€¥%"


def _noun_group(tokens: list[str], lex: Lexicon) -> list[str]:
    group: list[str] = []
    for token in tokens:
        low = token.lower()
        if not token[0].isalpha() or low in lex.stopwords or low in lex.auxiliaries:
            break
        if group and word_class(low, lex.predicates) is not None and word_class(low, lex.heads) is None:
            break
        group.append(low)
    return group


def _nearest(tokens: list[str], reach: int, lex: Lexicon) -> tuple[int, str, str, tuple[str, str]]:
    """Walking ``tokens`` away from the figure to the clause's end: the content words passed before a predicate
    class (``reach`` when none), the class and its word, and the first change verb met (a last resort)."""
    aspect = ("", "")
    seen = 0  # content words passed: articles, auxiliaries and commas do not count
    for token in tokens:
        low = token.lower()
        if token in ",.;:!?" or low in _CLAUSE_WORDS or seen >= reach:
            break
        found = word_class(token, lex.predicates)
        if found in lex.aspects:
            aspect = aspect if aspect[0] else (found or "", low)
        elif found is not None:
            return seen, found, low, aspect
        seen += token[0].isalnum() and low not in lex.stopwords and low not in lex.auxiliaries
    return reach, "", "", aspect


def _predicate(after: list[str], before: list[str], lex: Lexicon) -> tuple[str, str]:
    """The predicate class nearest the figure, after it ("were killed") or before it ("canceled about 2,500
    flights"; after wins a tie), and the word that gave it; a change verb ("rose to") only as a last resort."""
    distance_after, found_after, word_after, aspect_after = _nearest(after, lex.words_after, lex)
    distance_before, found_before, word_before, aspect_before = _nearest(
        list(reversed(before)), lex.words_before, lex
    )
    if found_after and (not found_before or distance_after <= distance_before):
        return found_after, word_after
    if found_before:
        return found_before, word_before
    return aspect_after if aspect_after[0] else aspect_before


def _groups(figure: Figure, after: list[str], lex: Lexicon) -> tuple[list[str], list[str], list[str]]:
    """The noun group the number counts, the "of" group, and the words after both."""
    inside = _TOKEN.findall(figure.text)
    while inside and not _is_number(inside[0]):
        inside = inside[1:]  # the hedge ("about", "more than")
    after_number = [t for t in inside if not _is_number(t)]
    group = _noun_group(after_number, lex) or _noun_group(
        after, lex
    )  # the figures layer's noun, else the next
    rest = after if after_number else after[len(group) :]
    of: list[str] = []
    if rest and rest[0].lower() == "of":
        skip = 1
        while skip < len(rest) and rest[skip].lower() in _ARTICLES:
            skip += 1
        of = _noun_group(rest[skip:], lex)
        rest = rest[skip + len(of) :]
        if figure.unit == "percent" and of:
            group = of
    return group, of, rest


def read(claim: Claim, figure: Figure) -> Reading:
    """The slot and the values of one figure of ``claim`` (offsets are absolute, as everywhere)."""
    lex = lexicon()
    start, end = figure.span.start - claim.span.start, figure.span.end - claim.span.start
    after, before = _TOKEN.findall(claim.text[end:]), _TOKEN.findall(claim.text[:start])
    group, of, rest = _groups(figure, after, lex)
    measure = [w.lower() for w in _TOKEN.findall(figure.measure or "") if w[0].isalpha()]
    head_word = group[-1] if group else ""
    predicate, verb = "", ""
    if head_word and word_class(head_word, lex.predicates) and not word_class(head_word, lex.heads):
        predicate, verb, head_word = word_class(head_word, lex.predicates) or "", head_word, ""  # "30 deaths"
    if not predicate:
        predicate, verb = _predicate(rest, before, lex)
    if not predicate or predicate in lex.aspects:
        found = next(((c, w) for w in measure if (c := word_class(w, lex.predicates))), None)
        predicate, verb = found or (predicate, verb)
    head = (word_class(head_word, lex.heads) or stem(head_word)) if head_word else ""
    if not head:
        head = next((c for w in measure if (c := word_class(w, lex.heads))), "")
    skip = lex.stopwords | lex.auxiliaries | lex.number_words
    words = {
        t.lower() for t in [*before[-8:], *after[:8], *measure] if t[0].isalpha() and t.lower() not in skip
    }
    context = frozenset(stem(w) for w in words)
    slot = Slot(figure.unit or "", predicate, head, frozenset(stem(w) for w in of), context, frozenset(words))
    low, high = interval(figure)
    label = " ".join(w for w in (head_word, verb) if w) or figure.unit or ""
    return Reading(slot, float(figure.value or 0.0), low, high, label)


def _slack(figure: Figure) -> float:
    """Half a unit of the last stated digit: "$5.9 million" ±0.05 million, "$6 million" ±0.5 million, "7,000" ±500;
    a number written as a word ("six") or under 100 without decimals is exact."""
    match = _NUMBER.search(figure.text)
    if match is None:
        return 0.0
    digits = match.group(1).replace(",", "")
    scale = _SCALES.get((match.group(2) or "").lower(), 1.0)
    if "." in digits:
        return 0.5 * 10.0 ** -len(digits.split(".")[1]) * scale
    if scale > 1:
        return 0.5 * scale
    zeros = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10.0**zeros if zeros and float(digits) >= 100 else 0.0


def interval(figure: Figure) -> tuple[float, float]:
    """The values a figure's wording allows: its comparator and hedge, widened by the stated precision."""
    lex = lexicon()
    value = float(figure.value or 0.0)
    slack = _slack(figure)
    lead = figure.text.lower()
    if figure.comparator == "range" and figure.value_max is not None:
        return value - slack, float(figure.value_max) + slack
    if figure.comparator in _OPEN_LOW:
        return value, math.inf
    if figure.comparator in _OPEN_HIGH:
        return -math.inf, value
    if figure.comparator == "approx":
        if lead.startswith(lex.hedges_below):
            return value * (1 - lex.approx_tolerance) - slack, value + slack
        spread = lex.wide_tolerance if lead.startswith(lex.hedges_wide) else lex.approx_tolerance
        return value * (1 - spread) - slack, value * (1 + spread) + slack
    return value - slack, value + slack


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def same_slot(a: Slot, b: Slot) -> bool:
    """Same measure of the same thing: units equal; predicate classes, heads and "of" groups do not differ where
    both are known; and, unless both predicates are known (and not mere change verbs), the contexts overlap: a
    head alone says little ("people" are what most counts count: "1,400 people" killed, "2.3 million people" who
    live in a place). When only one side has a predicate, the other's clause must hold a word of its class."""
    lex = lexicon()
    if a.unit != b.unit:
        return False
    if a.predicate and b.predicate and a.predicate != b.predicate:
        return False
    if a.head and b.head and a.head != b.head:
        return False
    if a.of and b.of and not a.of & b.of:
        return False
    known = [p for p in (a.predicate, b.predicate) if p and p not in lex.aspects]
    if len(known) == 2:
        return True  # the same predicate class (a different one returned above)
    if len(known) == 1:  # only one side says what happened: the other must say it too, in other words
        other = b if a.predicate in known else a
        return any(word_class(word, lex.predicates) == known[0] for word in other.words)
    return _jaccard(a.context, b.context) >= lex.context_min


def relation(a: Reading, b: Reading) -> Relation:
    """``conflict`` when no value fits both wordings; ``agree`` when some does (for an open-ended figure, "more
    than 50 million", only when the stated values lie within ``open_bound_ratio``); else ``unclear``."""
    if max(a.low, b.low) > min(a.high, b.high):
        return "conflict"
    if max(a.low, b.low) == min(a.high, b.high) and a.low != a.high and b.low != b.high:
        return "unclear"  # they meet only at a rounding bound: "$7 trillion" and "$8 trillion" at 7.5
    if a.open or b.open:
        small, large = sorted((abs(a.value), abs(b.value)))
        return "agree" if small > 0 and large / small <= lexicon().open_bound_ratio else "unclear"
    return "agree"


def sentence_on_slot(text: str, slot: Slot) -> tuple[int, int] | None:
    """The first sentence of ``text`` that reports on ``slot`` without a number: it has a word of the slot's
    predicate class and one of its head (or, with no head known, a context word besides the predicate) and no
    digit ("the company paid a fee for the trademark" for the fee). None when the slot is too vague to say
    (no predicate class, or a change verb only)."""
    lex = lexicon()
    if not slot.predicate or slot.predicate in lex.aspects or slot.predicate not in lex.predicates.values():
        return None
    for match in _SENTENCE.finditer(text):
        sentence = match.group(0)
        words = [w.lower() for w in _TOKEN.findall(sentence) if w[0].isalpha()]
        if _DIGIT.search(sentence) or any(w in lex.number_words and w != "one" for w in words):
            continue
        if not any(word_class(w, lex.predicates) == slot.predicate for w in words):
            continue
        stems = {stem(w) for w in words if word_class(w, lex.predicates) is None}
        if slot.head:
            found = any(word_class(w, lex.heads) == slot.head or stem(w) == slot.head for w in words)
        else:
            found = bool(stems & (slot.context | slot.of))
        if found:
            return match.start(), match.end()
    return None
