"""Unnamed single persons are vague sources, like unnamed groups (issue #4).

"said an investigator", "“…,” an investigator said", "an internal company fraud investigator, who
expressed alarm that …" name nobody: kind "vague", no speaker. A name or a named body in the phrase
("a Dow spokeswoman", "Jane Doe, an investigator,") keeps the source named. Hand-written sentences only.
"""

from __future__ import annotations

import pytest

from audit.attribution import attribute_all
from audit.model import Attribution, Span


def _first(text: str) -> Attribution:
    found = attribute_all(text, [Span(0, len(text))])[0]
    assert found, text
    return found[0]


@pytest.mark.parametrize(
    "text",
    [
        "The plan failed, said an investigator.",
        "“The plan is a disaster for all of us,” an investigator said.",
        "The plan failed, said a former aide.",
        "The audit alarmed an internal company fraud investigator, who wrote that it may be linked.",
        "The audit alarmed an internal company fraud investigator, who expressed alarm that it was linked.",
        "A spokeswoman said the plan was dead.",
    ],
)
def test_unnamed_single_person_is_vague(text: str) -> None:
    found = _first(text)
    assert found.kind == "vague", text
    assert found.speaker is None


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Jane Doe, an investigator, said the car was red.", "Jane Doe"),
        ("A Dow spokeswoman said the plan was dead.", "Dow spokeswoman"),
        ("Protests came from a Republican senator, who said that it may be linked.", "Republican senator"),
    ],
)
def test_named_person_or_body_stays_named(text: str, speaker: str) -> None:
    found = _first(text)
    assert found.kind == "reported", text
    assert found.speaker == speaker
