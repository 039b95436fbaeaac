"""The subject before a reporting verb: a verb phrase is never a speaker ("recalls her editor"), and
coordinated names stay together ("Exxon Mobil and Chevron reported")."""

from __future__ import annotations

import pytest

from tests.attribution_helpers import attributions_of


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
