"""Unnamed officials and sources are vague sources, whatever organisation they belong to (issue #4).

"F.B.I. officials said", "senior White House officials said", "a State Department official said",
"a spokesperson who declined to be named said" and "according to a person familiar with the talks" all
name nobody: each is kind "vague" with no speaker, and its content is what follows the verb.
Hand-written sentences only.
"""

from __future__ import annotations

import pytest

from audit.claim_extraction.attribution.attribute import attribute_all
from audit.flags.vague_attribution import classify
from audit.model import Attribution, Span


def _first(text: str) -> Attribution:
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert found, text
    return found[0]


def _content(text: str, attribution: Attribution) -> str | None:
    return attribution.content_span.slice(text) if attribution.content_span else None


@pytest.mark.parametrize(
    "text",
    [
        "F.B.I. officials said the review would take weeks.",
        "Senior White House officials said the review would take weeks.",
        "Justice Department officials said the review would take weeks.",
        "European Union officials said the review would take weeks.",
        "A State Department official said the review would take weeks.",
        "The review would take weeks, White House officials said.",
        "The review would take weeks, said senior White House officials.",
        "The review would take weeks, according to State Department officials.",
        "The review would take weeks, according to a person familiar with the talks.",
    ],
)
def test_unnamed_officials_of_a_named_body_are_vague(text: str) -> None:
    attribution = _first(text)
    assert attribution.kind == "vague"
    assert attribution.speaker is None
    assert _content(text, attribution) in {"the review would take weeks", "The review would take weeks"}


@pytest.mark.parametrize(
    ("text", "content"),
    [
        (
            "A spokesperson who declined to be named said the company would appeal.",
            "the company would appeal",
        ),
        ("A source close to the campaign said the rally was cancelled.", "the rally was cancelled"),
        ("A person familiar with the talks said they had stalled.", "they had stalled"),
        (
            "A State Department official, speaking on condition of anonymity, said the talks had stalled.",
            "the talks had stalled",
        ),
        ("The talks had stalled, a person familiar with the talks said.", "The talks had stalled"),
    ],
)
def test_anonymity_phrase_takes_its_verb_and_the_content_after_it(text: str, content: str) -> None:
    attribution = _first(text)
    assert attribution.kind == "vague"
    assert _content(text, attribution) == content
    assert attribution.cue is not None and attribution.cue.endswith("said")


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The Justice Department and senior F.B.I. officials agreed that the case was weak.",
            "Justice",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: the parser makes 'Justice Department' a compound inside 'F.B.I. officials', so the named body is lost and the whole is vague",
            ),
        ),
        ("An F.B.I. spokeswoman said the review would take weeks.", "F.B.I."),
        ("The White House said the review would take weeks.", "White House"),
    ],
)
def test_a_named_body_or_its_spokesperson_stays_named(text: str, speaker: str) -> None:
    attribution = _first(text)
    assert attribution.kind == "reported"
    assert attribution.speaker is not None and speaker in attribution.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Democrats called for an investigation of the memo.",
        pytest.param(
            "The Democrats said the request was political.",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: with 'The', 'Democrats' (PROPN) is read as a named body, not an unnamed party group",
            ),
        ),
        "The request was political, Republicans said.",
    ],
)
def test_party_members_are_an_unnamed_group_on_every_path(text: str) -> None:
    attribution = _first(text)
    assert attribution.kind == "vague" and attribution.speaker is None


def test_group_cue_after_its_content_takes_the_words_before_it() -> None:
    text = "The request was political, many experts believe."
    assert _content(text, _first(text)) == "The request was political"


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        (
            '"We will not back down from this fight," said a spokesperson who declined to be named.',
            "said a spokesperson who declined to be named",
        ),
        (
            "The plan is dead, said a spokesperson who declined to be named.",
            "said a spokesperson who declined to be named",
        ),
        (
            '"We will not back down from this fight," said a person familiar with the talks.',
            "said a person familiar with the talks",
        ),
        ("The plan is dead, said people familiar with the matter.", "said people"),
        ('A spokesperson who declined to be named said, "We will not back down from this fight."', None),
    ],
)
def test_unnamed_source_after_its_verb_or_before_a_quote_is_vague(text: str, cue: str | None) -> None:
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert len(found) == 1
    assert found[0].kind == "vague" and found[0].speaker is None
    if cue is not None:
        assert found[0].cue == cue


def test_an_object_after_a_participle_is_no_source() -> None:
    text = "His administration signaled a shift, urging NATO members to increase their defense spending."
    assert attribute_all(text, [Span(0, len(text))])[0] == []


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("A senior adviser to the president said the deal was close.", "the deal was close"),
        ("The deal was close, two people briefed on the talks said.", "The deal was close"),
        ("Officials with knowledge of the plan say it will fail.", "it will fail"),
    ],
)
def test_unnamed_source_with_a_post_modifier(text: str, content: str) -> None:
    attribution = _first(text)
    assert attribution.kind == "vague" and attribution.speaker is None
    assert _content(text, attribution) == content


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Smith, who was briefed on the talks, said the deal was close.", "Smith"),
        ("Jake Sullivan, a senior adviser to the president, said the deal was close.", "Jake Sullivan"),
    ],
)
def test_a_named_source_with_a_post_modifier_stays_named(text: str, speaker: str) -> None:
    assert _first(text).speaker == speaker


def test_an_object_with_a_post_modifier_is_no_subject() -> None:
    text = "The president met two people briefed on the talks and said the deal was close."
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert all(a.kind != "vague" for a in found)


@pytest.mark.parametrize(
    "cue",
    [
        "A senior adviser to the president said",
        "said a person",
        "two people briefed on the talks said",
        "Senior White House officials said",
        "who declined to be named said",
    ],
)
def test_unnamed_officials_get_the_officials_flag(cue: str) -> None:
    assert classify(cue).rule == "vague_attribution.unnamed_officials"


@pytest.mark.parametrize(
    "text",
    [
        "Officials at the Pentagon said the plan was sound.",
        "An official at the State Department said the plan was sound.",
        "A source at Google said the deal was close.",
        "A member of Congress said the plan was sound.",
        "The plan was sound, an official at the Pentagon said.",
        "\u201cThe plan is sound,\u201d said an official at the Pentagon.",
    ],
)
def test_an_unnamed_member_of_a_named_body_is_vague(text: str) -> None:
    found = [a for a in attribute_all(text, [Span(0, len(text))])[0] if a.kind != "none"]
    assert [(a.kind, a.speaker) for a in found] == [("vague", None)]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("John Smith, an official at the State Department, said the plan was sound.", "John Smith"),
        ("Jane Doe, a source close to the talks, said the deal was close.", "Jane Doe"),
    ],
)
def test_a_named_person_with_such_a_role_stays_named(text: str, speaker: str) -> None:
    found = [a for a in attribute_all(text, [Span(0, len(text))])[0] if a.kind != "none"]
    assert [(a.kind, a.speaker) for a in found] == [("reported", speaker)]
    assert found[0].content_span is not None
    assert found[0].content_span.slice(text).startswith(("the plan", "the deal"))
