"""Ratios: "nearly double the pre-war volume", "tripled since 2020", "twice as large", "three times more".

A ratio has comparator "ratio", the factor as ``value`` and no unit. The approximation ("nearly") stays in
``text`` but is not encoded in the comparator: the contract's comparator vocabulary has a single "ratio", and
consumers comparing two ratios should treat them as approximate anyway. Its measure is what it is relative to,
read from the parse (``audit.claim_extraction.figures.measures.ratio_measure``).
"""

from __future__ import annotations

import re

from audit.claim_extraction.figures.lexicon import SPACE, lexicon, qualified_start
from audit.claim_extraction.figures.located import Parses
from audit.claim_extraction.figures.measures import ratio_measure
from audit.model import Figure, Span

RATIO_FOLLOWERS = (
    "as|more|less|larger|bigger|higher|greater|smaller|lower|the|that|what|its|their|his|her|in|since|"
    "from|over|to|during|compared|than"
)
_WORDS = (
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
)
_RATIO_RE = re.compile(
    r"\b(?P<word>" + "|".join(sorted(_WORDS, key=len, reverse=True)) + r")\b(?![-‐])", re.IGNORECASE
)
_TIMES_RE = re.compile(
    rf"(?:{SPACE}+times|{SPACE}*[-‐]?fold)\b(?={SPACE}+(?:{RATIO_FOLLOWERS})\b)", re.IGNORECASE
)


def times_after(text: str, end: int) -> int | None:
    """The end of "times" or "-fold" after a number when a comparison follows ("three times more than", "3-fold
    over"); None otherwise ("three times a day" is a frequency)."""
    match = _TIMES_RE.match(text, end)
    return match.end() if match else None


def ratio_figures(text: str, parses: Parses) -> list[Figure]:
    """Ratio words in ``text``: "nearly double the pre-war volume", "tripled since", "twice as large"."""
    lex = lexicon()
    figures: list[Figure] = []
    for match in _RATIO_RE.finditer(text):
        word = match.group("word").lower()
        follower = re.match(rf"{SPACE}+(?:{RATIO_FOLLOWERS})\b|{SPACE}*(?:[.,;:—–)]|$)", text[match.end() :])
        if follower is None or (
            word == "twice" and not re.match(rf"{SPACE}+(?:as|the|that|what)\b", text[match.end() :])
        ):
            continue
        start, _ = qualified_start(text, match.start())  # the qualifier stays in the text only
        figures.append(
            Figure(
                text=text[start : match.end()],
                value=lex.ratio_words[word],
                unit=None,
                span=Span(start, match.end()),
                comparator="ratio",
                measure=ratio_measure(parses.locate(match.start(), match.end())),
            )
        )
    return figures
