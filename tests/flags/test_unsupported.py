"""unsupported: figures stated as fact without a source are flagged; descriptive quantities never are."""

from __future__ import annotations

import dataclasses

import pytest

from audit.corpus.index import Corpus
from audit.flags.unsupported import Unsupported
from tests.claim_extraction.figures.figures_helpers import figures_of, requires_model
from tests.corpus.corpus_records import claim, source

pytestmark = requires_model


def _flagged(sentence: str) -> list[str]:
    """The figures the rule flags in ``sentence``, read by the real figure reader, as a one-claim article."""
    article = source("article.txt", sentence)
    found = dataclasses.replace(claim(article, sentence), figures=tuple(figures_of(sentence)))
    corpus = Corpus((article,), (found,))
    return [
        e.text or ""
        for _, flag in Unsupported().check(corpus)
        for e in flag.evidence
        if e.note.startswith("figure")
    ]


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("The PBSA assets slid 12%.", ["12%"]),
        ("China made $62 billion in purchases.", ["$62 billion"]),
    ],
)
def test_an_uncited_percentage_or_amount_is_flagged(sentence: str, flagged: list[str]) -> None:
    assert _flagged(sentence) == flagged


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting took an hour and a half.",
        "The Fed cut rates by a half-point.",
        "The car stopped for three seconds.",
        "The match lasted 90 minutes.",
        "A 45-year-old man was arrested.",
        "The man, aged 45, was arrested.",
        "John Smith, 45, was arrested on Monday.",
        "She finished third in the race.",
        "He was ranked No. 1 in the world.",
        "The No. 1 seed lost in the first round.",
        "Winds reached 100mph on Tuesday.",
        "The fire burned 5,000 acres.",
    ],
)
def test_descriptive_quantities_raise_no_flag(sentence: str) -> None:
    assert _flagged(sentence) == []


def test_a_malformed_number_is_still_a_figure_stated_without_a_source() -> None:
    """The value is unknown, but the sentence still states a share without saying whose figure it is."""
    assert _flagged("The jobless rate was 3,5 percent.") == ["3,5 percent"]


def _records(sentence: str) -> list[str]:
    """The rules the unsupported check raises on ``sentence`` as a one-claim article."""
    article = source("article.txt", sentence)
    return [flag.rule for _, flag in Unsupported().check(Corpus((article,), (claim(article, sentence),)))]


@pytest.mark.parametrize(
    "sentence",
    [
        "It was by far the longest strike ever for film and television actors.",
        "She was the first woman to lead the court.",
        "Venipuncture is the world's most common clinical procedure.",
    ],
)
def test_an_uncited_record_is_flagged(sentence: str) -> None:
    assert _records(sentence) == ["unsupported.uncited_record"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The governor's office did not respond to The Hill's request for comment.",
        "Oregon's forest service closed the trail.",
        "This isn't the first time Arnault has given to the arts in France.",
        "It was not the longest strike ever.",
        "Trump's most distinctive belief is that everything involves a transaction.",
    ],
)
def test_words_that_only_look_like_records_and_denied_records_are_not_flagged(sentence: str) -> None:
    assert _records(sentence) == []
