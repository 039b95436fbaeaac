"""The measure rules on hand-made parses: the same answer whichever of two plausible attachments the parser picks.

These parses are written by hand, so the tests need no model and pin the rules, not one model's output.
"""

from __future__ import annotations

from audit.claim_extraction.figures.located import Parses
from audit.claim_extraction.figures.measures import count_measure, counted_noun, measure
from audit.model import Span
from audit.nlp.parse import ParsedSentence, Word

Token = tuple[str, str, str, str, int]  # text, pos, tag, dep, head


def _parse(tokens: list[Token]) -> tuple[str, ParsedSentence]:
    """The sentence (tokens joined by spaces) and its parse."""
    text = " ".join(t[0] for t in tokens)
    words, cursor = [], 0
    for i, (word, pos, tag, dep, head) in enumerate(tokens):
        words.append(Word(i, word, cursor, cursor + len(word), word.lower(), pos, tag, dep, head))
        cursor += len(word) + 1
    return text, ParsedSentence.build(Span(0, len(text)), words)


def _measure_of(tokens: list[Token], figure: str, unit: str) -> str | None:
    text, sentence = _parse(tokens)
    start = text.index(figure)
    return measure(Parses([sentence]).locate(start, start + len(figure)), unit)


_MADE = [
    ("China", "PROPN", "NNP", "nsubj", 1),
    ("made", "VERB", "VBD", "root", 1),
    ("$", "SYM", "$", "obj", 1),
]
_AMOUNT = [
    ("62", "NUM", "CD", "compound", 4),
    ("billion", "NUM", "CD", "nummod", 2),
    ("in", "ADP", "IN", "case", 6),
]


def test_a_money_complement_is_found_whichever_word_it_hangs_on() -> None:
    on_the_verb = [*_MADE, *_AMOUNT, ("purchases", "NOUN", "NNS", "obl", 1), (".", "PUNCT", ".", "punct", 1)]
    on_the_amount = [
        *_MADE,
        *_AMOUNT,
        ("purchases", "NOUN", "NNS", "nmod", 2),
        (".", "PUNCT", ".", "punct", 1),
    ]
    assert _measure_of(on_the_verb, "$ 62 billion", "USD") == "purchases"
    assert _measure_of(on_the_amount, "$ 62 billion", "USD") == "purchases"


def test_a_counted_noun_is_found_when_the_number_hangs_on_the_verb() -> None:
    tokens = [
        ("There", "PRON", "EX", "expl", 1),
        ("were", "VERB", "VBD", "root", 1),
        ("88", "NUM", "CD", "obj", 1),  # a mis-parse: the number as the verb's object
        ("flood", "NOUN", "NN", "compound", 4),
        ("warnings", "NOUN", "NNS", "nsubj", 1),
    ]
    text, sentence = _parse(tokens)
    located = Parses([sentence]).locate(text.index("88"), text.index("88") + 2)
    assert located is not None
    noun = counted_noun(located)
    assert noun is not None and noun.text == "warnings"
    assert count_measure(located, noun) == "flood warnings"


def test_an_adjectival_passive_joins_the_count_as_a_passive_does() -> None:
    passive = [
        ("12", "NUM", "CD", "nummod", 1),
        ("passengers", "NOUN", "NNS", "nsubj:pass", 3),
        ("were", "AUX", "VBD", "aux:pass", 3),
        ("injured", "VERB", "VBN", "root", 3),
    ]
    adjectival = [
        ("12", "NUM", "CD", "nummod", 1),
        ("passengers", "NOUN", "NNS", "nsubj", 3),
        ("were", "AUX", "VBD", "cop", 3),
        ("injured", "ADJ", "JJ", "root", 3),
    ]
    for tokens in (passive, adjectival):
        _, sentence = _parse(tokens)
        located = Parses([sentence]).locate(0, 2)
        assert located is not None
        noun = counted_noun(located)
        assert noun is not None
        assert count_measure(located, noun) == "passengers injured"


def test_a_verb_taken_for_a_modifier_is_not_part_of_the_measure() -> None:
    tokens = [
        ("The", "DET", "DT", "det", 1),
        ("city", "NOUN", "NN", "nsubj", 3),
        ("raised", "VERB", "VBN", "amod", 3),  # a mis-parse: the verb as a modifier of its object
        ("fares", "NOUN", "NNS", "root", 3),
        ("by", "ADP", "IN", "case", 6),
        ("5", "NUM", "CD", "nummod", 6),
        ("%", "SYM", "NN", "nmod", 3),
    ]
    assert _measure_of(tokens, "5 %", "percent") == "fares"


def test_a_figure_hung_on_a_reporting_verb_takes_nothing_from_it() -> None:
    tokens = [
        ("Officials", "NOUN", "NNS", "nsubj", 1),
        ("said", "VERB", "VBD", "root", 1),
        ("$", "SYM", "$", "ccomp", 1),  # a mis-parse: the amount as the clause that was said
        ("5", "NUM", "CD", "compound", 4),
        ("million", "NUM", "CD", "nummod", 2),
    ]
    assert _measure_of(tokens, "$ 5 million", "USD") is None


def test_without_a_parse_there_is_no_measure() -> None:
    assert measure(None, "percent") is None
    assert Parses([]).locate(0, 3) is None
