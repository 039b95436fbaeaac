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
