"""The subject before a reporting verb: a verb phrase is never a speaker ("recalls her editor"), and
coordinated names stay together ("Exxon Mobil and Chevron reported")."""

from __future__ import annotations

import pytest

from audit.claim_extraction.attribution.attribute import attribute_all
from audit.claim_extraction.sentences import split_sentences
from audit.model import Span
from tests.claim_extraction.attribution.attribution_helpers import attributions_of


@pytest.mark.parametrize(
    "text",
    [
        "Ms. Mason recalls her editor telling her that the story was dead.",
        "Mr. Ortiz remembers his lawyer saying that the deal was off.",
        "Dr. Reyes recalls their agent telling her that the tour was cancelled.",
    ],
)
def test_a_verb_phrase_is_never_a_speaker(text: str) -> None:
    speakers = [speaker for speaker, _, _ in attributions_of(text) if speaker is not None]
    assert not [s for s in speakers if {"recalls", "remembers"} & set(s.split())], speakers


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Exxon Mobil and Chevron reported higher profits.", "Exxon Mobil and Chevron"),
        ("Smith and Jones said the plan had failed.", "Smith and Jones"),
        ("The plan had failed, said Senator Smith and Senator Jones.", "Senator Smith and Senator Jones"),
    ],
)
def test_coordinated_names_stay_one_speaker(text: str, speaker: str) -> None:
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert [(a.speaker, a.role) for a in found] == [(speaker, None)]


def _speakers(text: str) -> list[str | None]:
    found = attribute_all(text, split_sentences(text, Span(0, len(text))))
    return [a.speaker for sentence in found for a in sentence]


def test_pronouns_after_coordinated_names_still_resolve() -> None:
    assert _speakers("Exxon Mobil and Chevron reported higher profits. They said demand was strong.") == [
        "Exxon Mobil and Chevron",
        "Exxon Mobil and Chevron",
    ]
    assert _speakers("Mr. Smith and Ms. Jones said the plan had failed. She added that it was dead.") == [
        "Mr. Smith and Ms. Jones",
        "Ms. Jones",
    ]
    assert _speakers("Smith and Jones said the plan had failed. He added that it was dead.") == [
        "Smith and Jones",
        "He",  # either of them: an ambiguous pair keeps the pronoun
    ]


def test_an_ampersand_inside_a_name_keeps_the_name_whole() -> None:
    assert _speakers("Johnson & Johnson said the vaccine works.") == ["Johnson & Johnson"]
    assert _speakers("Procter & Gamble reported higher sales.") == ["Procter & Gamble"]
    assert _speakers("Johnson & Johnson and Pfizer said the vaccine works.") == [
        "Johnson & Johnson and Pfizer"
    ]
    # the speaker is written as the text writes it, without spaces the text does not have
    assert _speakers("Texas A&M said the study was flawed.") == ["Texas A&M"]
    assert _speakers("AT&T said the outage was over.") == ["AT&T"]
