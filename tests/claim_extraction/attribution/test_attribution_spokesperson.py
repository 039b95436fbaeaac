"""A spokesperson named by whom they speak for: a person's spokesperson is the speaker, with the person
as affiliation (role); a body's spokesperson gives the body as speaker, the spokesperson noun as role."""

from __future__ import annotations

import pytest

from audit.claim_extraction.attribution.attribute import attribute_all
from audit.model import Attribution, Span


def _first(text: str) -> Attribution:
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        ("A spokeswoman for Mr. Trump said the talks would resume.", "spokeswoman", "Mr. Trump"),
        ("The talks would resume, said a spokesman for Senator Smith.", "spokesman", "Senator Smith"),
        ("According to a spokeswoman for Ms. Lopez, the talks would resume.", "spokeswoman", "Ms. Lopez"),
        ("“We will be back,” a spokeswoman for Mr. Trump said.", "spokeswoman", "Mr. Trump"),
    ],
)
def test_a_persons_spokesperson_speaks_with_the_person_as_affiliation(
    text: str, speaker: str, role: str
) -> None:
    found = _first(text)
    assert found.kind != "vague"
    assert (found.speaker, found.role) == (speaker, role)
    assert found.speaker_span is not None and found.speaker_span.slice(text) == speaker


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "A spokeswoman at the State Department said the talks would resume.",
            "State Department",
            "spokeswoman",
        ),
        ("A spokesman for the Trump campaign said the talks would resume.", "Trump campaign", "spokesman"),
        ("A spokesman for Google said the talks would resume.", "Google", "spokesman"),
    ],
)
def test_a_bodys_spokesperson_gives_the_body_with_the_role(text: str, speaker: str, role: str) -> None:
    found = _first(text)
    assert found.kind == "reported"
    assert (found.speaker, found.role) == (speaker, role)


@pytest.mark.parametrize(
    ("text", "speaker", "role"),
    [
        (
            "Jane Doe, a spokeswoman for the State Department, said the talks would resume.",
            "Jane Doe",
            "a spokeswoman for the State Department",
        ),
        ("A Dow spokeswoman said the talks would resume.", "Dow spokeswoman", None),
    ],
)
def test_a_named_spokesperson_or_a_body_in_front_is_unchanged(
    text: str, speaker: str, role: str | None
) -> None:
    found = _first(text)
    assert (found.speaker, found.role) == (speaker, role)


def test_a_spokesperson_of_an_unnamed_body_is_left_to_the_other_rules() -> None:
    text = "A spokeswoman for the company said the talks would resume."
    # the body is a definite reference ("the company"), resolved against the article by coref; she is its role
    found = _first(text)
    assert (found.speaker, found.role) == ("company", "spokeswoman")
