"""The sentence around a date: abbreviations and initials do not end it, and the look-back is local."""

from __future__ import annotations

import random
import re

import pytest

from audit.claim_extraction.dates.sentence_ends import ABBREVIATION, SENTENCE_END, sentence_bounds


def _reference_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The definition, searching for an abbreviation from the text's start (quadratic, but plainly right)."""

    def abbreviation(stop: int) -> bool:
        return ABBREVIATION.search(text, 0, stop) is not None

    left = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        if match.group(0) != "\n" and abbreviation(match.start() + 1):
            continue
        left = match.end()
    right = len(text)
    for match in SENTENCE_END.finditer(text, end):
        if match.group(0) != "\n" and abbreviation(match.start() + 1):
            continue
        right = match.start() + 1 if match.group(0) != "\n" else match.start()
        break
    return left, right


@pytest.mark.parametrize(
    ("text", "date", "sentence"),
    [
        ("He left. The U.S. talks on 3 May went on. Then rain.", "3 May", "The U.S. talks on 3 May went on."),
        ("Talks began. On Sept. 4 Dr. Weil spoke. Next.", "Sept. 4", "On Sept. 4 Dr. Weil spoke."),
        ("A.B.C.D.E.F.G.H.I.J. Said on 3 May. Done.", "3 May", "A.B.C.D.E.F.G.H.I.J. Said on 3 May."),
        ("The FirSt. Party met on 3 May. Done.", "3 May", "Party met on 3 May."),
    ],
)
def test_sentence_around_a_date(text: str, date: str, sentence: str) -> None:
    start = text.index(date)
    left, right = sentence_bounds(text, start, start + len(date))
    assert text[left:right] == sentence


def test_local_look_back_agrees_with_the_definition() -> None:
    pieces = ["U.S.", "Sept.", "Dr.", "St.", "FirSt.", "A.B.C.D.E.F.", "end.", "Rain!", "Why?", "\n", "Jan."]
    words = ["The", "talks", "on", "3", "May", "\u201cSo\u201d", "(In", "9"]
    rng = random.Random(7)
    for _ in range(300):
        text = " ".join(rng.choice(pieces + words) for _ in range(rng.randint(3, 30)))
        for match in re.finditer(r"\S+", text):
            assert sentence_bounds(text, *match.span()) == _reference_bounds(text, *match.span()), text
