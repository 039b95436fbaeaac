"""Vague and implicit sourcing (issue #4) on hand-written sentences: each construction that counts, each
look-alike that must not, and the flag that carries the cue."""

from __future__ import annotations

import pytest

from audit.claim_extraction.attribution.attribute import attribute
from audit.flags.vague_attribution import classify
from audit.model import Attribution, Span


def _one(text: str) -> Attribution:
    return attribute(text, [Span(0, len(text))])[0]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        # agentless praise and blame, and deleted sources of a usage
        ("The second album was highly acclaimed in the music press.", "was highly acclaimed"),
        ("The new bridge has been widely criticised for its cost.", "has been widely criticised"),
        ("The old mill has been called the heart of the village.", "has been called"),
        ("The tower was dubbed the pencil by its neighbours.", "was dubbed"),
        (
            "The creed is almost universally recognised as the oldest in the region.",
            "is almost universally recognised as",
        ),
        ("The lake bed is interpreted to be the remains of a crater.", "is interpreted to"),
        ("The poem has been noted as an influence on later writers.", "has been noted as"),
        ("It was later recognized that the two methods are equivalent.", "It was later recognized"),
        ("Sometimes the hound is referred to as the ghost dog.", "is referred to as"),
        ("Long regarded as the best pianist in town, she retired early.", "Long regarded as"),
        ("Praised for its clarity, the manual became a standard.", "Praised"),
        ("Chapters deemed too violent for children were removed.", "deemed"),
        # unnamed groups as agents, a few words after the participle
        (
            "Such theories, viewed sceptically by some physicists, remain popular.",
            "viewed sceptically by some physicists",
        ),
        (
            "The band was embraced with real warmth by various punk scenes and disowned by others.",
            "embraced with real warmth by various punk scenes",
        ),
        (
            "The decision was criticised by Canadian groups both for its timing and its cost.",
            "was criticised by Canadian groups",
        ),
        (
            "The cases were described by federal officials who asked not to be identified.",
            "were described by federal officials",
        ),
        # unnamed, counted, singular or generic groups as subjects
        (
            "There are modern historians who believe that the fort is older.",
            "There are modern historians who believe",
        ),
        ("There are those who argue that the tax is unfair.", "There are those who argue"),
        ("One music writer even suggested that the band split up.", "One music writer even suggested"),
        pytest.param(
            "More than 10 women have accused the coach of bullying.",
            "More than 10 women have accused",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: an accusation with a noun object ('accused the coach of bullying') is no reporting frame, and the counted group is not found as vague",
            ),
        ),
        (
            "Former senior officials in both parties, though, say the plan failed.",
            "Former senior officials in both parties, though, say",
        ),
        ("Moreover, Democrats say they spent their money wisely.", "Democrats say"),
        ("Today many villagers deny that the flood happened.", "many villagers deny"),
        pytest.param(
            "Some worry that the children will copy the game.",
            "Some worry",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'worry' is tagged a noun (root) with 'Some' as its determiner, so there is no verb to frame",
            ),
        ),
        ("Most scholars now accept that the letter is genuine.", "Most scholars now accept"),
        ("According to most Catholic writers, the relic is false.", "According to most Catholic writers"),
        # evidence without a source, hearsay and opinions held by nobody named
        pytest.param(
            "Reports vary, but he was born in the north.",
            "Reports vary",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'vary' is no reporting verb and has no clausal content; only the old word pattern found 'Reports vary'",
            ),
        ),
        ("Stories tell of a giant dog that roams the marsh.", "Stories tell"),
        ("Research suggests that the drug is safe.", "Research suggests"),
        ("Evidence indicates that the wall is Roman.", "Evidence indicates"),
        ("Claims allege that the party misused public money.", "Claims allege"),
        pytest.param(
            "The firm lobbied on taxes, lobbying disclosures show.",
            "lobbying disclosures show",
            marks=pytest.mark.xfail(
                strict=True,
                reason="parse-based attribution: 'lobbying' is parsed as a verb with 'disclosures' its object and 'show' its complement, so 'show' has no subject",
            ),
        ),
        ("Rumours were that the mayor had resigned.", "Rumours were that"),
        ("A common criticism of the plan was its cost.", "common criticism"),
        ("The club has a reputation for rough play.", "has a reputation for"),
    ],
)
def test_vague_constructions(text: str, cue: str) -> None:
    a = _one(text)
    assert a.kind == "vague", (text, a)
    assert a.speaker is None
    assert a.cue == cue
    assert a.cue_span is not None and a.cue_span.slice(text) == cue
    assert a.content_span is not None and a.content_span.slice(text)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("There are modern historians who believe that the fort is older.", "the fort is older"),
        ("Rumours were that the mayor had resigned.", "the mayor had resigned"),
        ("The common view is that the war was lost.", "the war was lost"),
    ],
)
def test_vague_content_after_that(text: str, content: str) -> None:
    a = _one(text)
    assert a.content_span is not None and a.content_span.slice(text) == content


@pytest.mark.parametrize(
    "text",
    [
        # plain hedges
        "The fort is probably older than the church.",
        "The tablet may be a later copy.",
        "The plan appears to have failed.",
        "Possibly the king never came.",
        # peacock words and reputational adjectives
        "The legendary singer played the best concert of the year.",
        "The island is noted for its annual festival.",
        "It is one of the most important sites in the region.",
        # ordinary passives, naming and non-attributive uses of the same verbs
        "The church was built in 1900.",
        "The decision was made in August.",
        "He was condemned to death in 1793.",
        "He had been called up for service in 1940.",
        "The river is called the Thames.",
        'Said Jones, "We will win the cup."',
        "The format is supported by many browsers.",
        "The congress is supported by those communities and members who want a voice.",
        "Roman Catholics called those texts deuterocanonical.",
        "The party adopted the plan by a large majority.",
        # quantities of people, with no reporting verb
        "The flood drove many people out of their homes.",
        "There he met some people who later became famous.",
        "More than 10 women attended the meeting.",
        "Forty students enrolled in the course.",
        # named sources
        "The plan was criticised by Senator Jones.",
        "The theory was viewed sceptically by Einstein.",
        "A report by the Council on Foreign Relations notes that trade fell.",
        "He had a reputation.",
    ],
)
def test_not_vague(text: str) -> None:
    assert _one(text).kind != "vague", (text, _one(text))


@pytest.mark.parametrize(
    ("cue", "rule"),
    [
        ("was highly acclaimed", "vague_attribution.impersonal"),
        ("has a reputation for", "vague_attribution.impersonal"),
        ("viewed sceptically by some physicists", "vague_attribution.unnamed_experts"),
        ("There are modern historians who believe", "vague_attribution.unnamed_experts"),
        ("One music writer even suggested", "vague_attribution.unnamed_experts"),
        ("lobbying disclosures show", "vague_attribution.unnamed_reports"),
        ("Stories tell", "vague_attribution.unnamed_reports"),
        ("Rumours were that", "vague_attribution.hearsay"),
        ("were described by federal officials", "vague_attribution.unnamed_officials"),
    ],
)
def test_flag_family_of_new_cues(cue: str, rule: str) -> None:
    assert classify(cue).rule == rule
