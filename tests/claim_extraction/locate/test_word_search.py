"""The squashed-text search finds exactly what the loose-whitespace regular expression finds."""

from __future__ import annotations

import random
import re

from audit.claim_extraction.locate.html_text import find_quote
from audit.claim_extraction.locate.word_search import GAP_CLASS, occurrences, splits_cleanly


def _by_regex(text: str, words: list[str], start: int) -> list[tuple[int, int]]:
    pattern = re.compile((GAP_CLASS + "*").join(re.escape(word) for word in words))
    return [match.span() for match in pattern.finditer(text, start)]


def test_gaps_between_words_match_and_gaps_inside_do_not() -> None:
    text = "The  coun\u00adcil met.\nThe council\u200b met. Thecouncil met. The coun cil met."
    found = list(occurrences(text, ["The", "council", "met."]))
    assert [text[a:b] for a, b in found] == ["The council\u200b met.", "Thecouncil met."]


def test_the_start_bound_is_an_offset_of_the_text() -> None:
    text = "ab cd | ab cd"
    assert list(occurrences(text, ["ab", "cd"], 1)) == [(8, 13)]
    assert list(occurrences(text, ["ab", "cd"], 5)) == [(8, 13)]
    assert list(occurrences(text, ["ab", "cd"], 13)) == []


def test_agrees_with_the_regular_expression_on_random_texts() -> None:
    rng = random.Random(11)
    alphabet = ["a", "b", "ab", "ba", " ", "  ", "\n", "|", "\u00ad", "\u200b", "\ufeff", "\u00a0", ".", "x"]
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        words = [
            "".join(rng.choice("abx.") for _ in range(rng.randint(1, 3))) for _ in range(rng.randint(1, 3))
        ]
        start = rng.randint(0, len(text))
        assert splits_cleanly(words)
        assert list(occurrences(text, words, start)) == _by_regex(text, words, start), (text, words, start)


def test_a_word_holding_a_gap_character_still_found_by_find_quote() -> None:
    text = "Prices rose in the infor\u00admation sector, data show."
    assert not splits_cleanly(["infor\u00admation"])
    found = find_quote(text, "the infor\u00admation sector")
    assert found is not None and text[found[0] : found[1]] == "the infor\u00admation sector"
