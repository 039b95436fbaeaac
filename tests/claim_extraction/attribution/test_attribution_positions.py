"""Cues that attribute a position, a plan or a finding to a source, beyond plain reporting verbs (issue #4).

"X called for Y", "according to a poll by Y" and similar constructions, one hand-written sentence each,
with the negative cases that must stay unattributed (actions are not statements).
"""

from __future__ import annotations

import pytest

from audit.claim_extraction.attribution.attribute import attribute_all
from audit.model import Span
from tests.claim_extraction.attribution.attribution_helpers import attributions_of as _all


@pytest.mark.parametrize(
    ("text", "speaker", "content"),
    [
        (
            "Clinton is ahead by four points, according to a poll by Quinnipiac University.",
            "Quinnipiac University",
            "Clinton is ahead by four points",
        ),
        (
            "According to a poll by Quinnipiac University, Clinton is ahead by four points.",
            "Quinnipiac University",
            "Clinton is ahead by four points",
        ),
        (
            "According to a report from the Congressional Budget Office, the deficit will grow.",
            "Congressional Budget Office",
            "the deficit will grow",
        ),
        (
            "He raised $100,000, according to a review of financial disclosures by Public Citizen.",
            "Public Citizen",
            "He raised $100,000",
        ),
    ],
)
def test_document_by_a_named_author(text: str, speaker: str, content: str) -> None:
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert found and found[0].kind == "according_to"
    assert found[0].speaker == speaker
    assert found[0].content_span is not None and found[0].content_span.slice(text) == content


def test_a_document_with_no_named_author_stays_vague() -> None:
    text = "The deficit will grow, according to a report released on Monday."
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert found and found[0].kind == "vague" and found[0].speaker is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Smith called for a ban on assault weapons.", ("Smith", "called for", "a ban on assault weapons")),
        (
            "The senator has long called for a new inquiry into the measure.",
            ("senator", "called for", "a new inquiry into the measure"),
        ),
        ("The senator called for Congress to act.", ("senator", "called for", "Congress to act")),
        ("The mayor called for an end to the strike.", ("mayor", "called for", "an end to the strike")),
    ],
)
def test_called_for_is_a_position(text: str, expected: tuple[str, str, str]) -> None:
    assert _all(text)[0] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Smith called the police.",
        "Smith called his mother on Sunday.",
        "Smith voted for the bill.",
        "Smith hired a lobbyist to press the case.",
        # "call" an election, a vote, a strike: convening it, which "called for" may also mean
        "Heath called for a general election.",
        "The union called for a strike in March.",
        "The chairman called for a vote on the motion.",
    ],
)
def test_actions_are_not_attributions(text: str) -> None:
    assert _all(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Smith wants the tax repealed by next year.",
            ("Smith", "wants", "the tax repealed by next year"),
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'repealed' is parsed as a modifier of 'tax' (acl), so 'wants' has no clausal content",
            ),
        ),
        ("Smith wants to repeal the tax.", ("Smith", "wants", "to repeal the tax")),
        ("Smith hopes the talks will resume.", ("Smith", "hopes", "the talks will resume")),
        (
            "The governor calculated that the party needed to spend early.",
            ("governor", "calculated", "the party needed to spend early"),
        ),
        pytest.param(
            "The senator made an early decision to save cash, hoping her allies would help out.",
            ("senator", "hoping", "her allies would help out"),
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'hoping' is parsed as the clausal subject of 'help', not as a participle on 'made'",
            ),
        ),
    ],
)
def test_wishes_hopes_and_calculations_are_positions(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _all(text)


@pytest.mark.parametrize(
    "text",
    [
        "What voters want is a change.",
        "This suggests that Trump wants to keep a certain distance from Putin.",
        "Women do want long-term relationships with loyal partners.",
        "The wanted man was arrested.",
        "The governor calculated the cost of the plan.",
        "The current pledges countries have made would allow the world to warm.",
    ],
)
def test_not_a_position(text: str) -> None:
    assert _all(text) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Band and his Teneo co-founder, former fundraiser Declan Kelly, declined to comment.",
            "Band and his Teneo co-founder",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: the appositive name 'Declan Kelly' is taken as the subject instead of 'Band and his Teneo co-founder'",
            ),
        ),
        pytest.param(
            "Spokesmen for Bill Clinton and the foundation declined to comment.",
            "Spokesmen for Bill Clinton and the foundation",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'the foundation' is taken as the subject; 'Spokesmen for Bill Clinton and' is lost",
            ),
        ),
    ],
)
def test_refusal_by_a_co_founder_or_a_foundation(text: str, speaker: str) -> None:
    assert _all(text) == [(speaker, "declined", "to comment")]


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        (
            "Democrats are quick to note that Republicans spent far more.",
            "Democrats are quick to note",
            "Republicans spent far more",
        ),
        (
            "The senator was careful to say that no decision had been made.",
            "say",
            "no decision had been made",
        ),
        # "the report" is a definite reference (speaker "report", resolved in the article); the cue is the verb
        ("They met an aide with whom the report says he had dinner.", "says", "he had dinner"),
    ],
)
def test_cue_after_an_eager_frame_or_a_relative_whom(text: str, cue: str, content: str) -> None:
    found = _all(text)
    assert found and found[0][1:] == (cue, content)


def test_an_eager_frame_with_an_action_is_no_cue() -> None:
    assert _all("The senator was eager to leave the room.") == []


def test_a_quote_after_wants_is_no_speech() -> None:
    text = "Jay is challenged by Gozan, who wants the 'treasure behind the door' for himself."
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert all(a.kind != "direct_quote" or a.speaker is None for a in found)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Smith, speaking at a rally in Ohio, said the election was rigged.", "Smith"),
        pytest.param(
            'Olivia Messer, writing in The Texas Observer, described a culture of "senators ogling women on the floor."',
            "Olivia Messer",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'described a culture of “…”' does not give its subject to the quote (a noun object between verb and quote)",
            ),
        ),
    ],
)
def test_participle_aside_between_source_and_verb(text: str, speaker: str) -> None:
    found = [a for a in attribute_all(text, [Span(0, len(text))])[0] if a.content_span is not None]
    assert found and found[-1].speaker == speaker and found[-1].role is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "That is close, in light of a U.N. Environment Program report released Thursday suggesting that emissions must peak.",
            ("U.N. Environment Program", "suggesting", "emissions must peak"),
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: the owner compound stops at 'U.N.': 'Environment Program' is parsed apart from it",
            ),
        ),
        (
            "Band described in the memo how he combined his work for two firms.",
            ("Band", "described", "how he combined his work for two firms"),
        ),
        ("Smith told reporters how the plan died.", ("Smith", "told", "how the plan died")),
    ],
)
def test_released_document_and_question_word_content(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in _all(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "She supports universal health care, one of his legacies, but believes the U.S. has an immigration problem.",
            [("She", "believes", "the U.S. has an immigration problem")],
        ),
        ("Smith voted for the bill, but said that it would fail.", [("Smith", "said", "it would fail")]),
        (
            "Smith denied the report, and said it was false.",
            [("Smith", "denied", "the report"), ("Smith", "said", "it was false")],
        ),
        ("Grondahl joined the band, and wrote the song which Jeff would sometimes sing.", []),
    ],
)
def test_second_predicate_of_the_subject(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert _all(text) == expected


def test_a_noun_before_a_determiner_is_not_part_of_the_source() -> None:
    # the denial's source is "the company", never "charge the company"; its content is the charge
    assert _all("The spike may be linked to his work - a charge the company denied.") == [
        ("company", "denied", "a charge")
    ]
