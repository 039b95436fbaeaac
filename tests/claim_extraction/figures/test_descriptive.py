"""Quantities that describe rather than claim: halves, durations, ages and ranks are no figures to source."""

from __future__ import annotations

import pytest

from tests.claim_extraction.figures.figures_helpers import figures_of, one_figure, requires_model

pytestmark = requires_model

_SOURCED_UNITS = {"percent", "count"}


def _sourced(sentence: str) -> list[str]:
    """The figures of ``sentence`` that the unsupported rule would ask a source for (percent, count, money)."""
    return [
        f.text
        for f in figures_of(sentence)
        if f.unit in _SOURCED_UNITS or (f.unit is not None and len(f.unit) == 3 and f.unit.isupper())
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting took an hour and a half.",
        "The Fed cut rates by a half-point.",
        "He waited half an hour.",
        "Prices were cut in half.",
    ],
)
def test_a_half_is_no_figure(sentence: str) -> None:
    assert figures_of(sentence) == []


def test_half_of_a_group_stays_a_share() -> None:
    figure = one_figure("Half of voters backed the plan.")
    assert (figure.value, figure.unit, figure.measure) == (50.0, "percent", "voters")


@pytest.mark.parametrize(
    ("sentence", "unit", "value"),
    [
        ("The car stopped for three seconds.", "second", 3),
        ("The match lasted 90 minutes.", "minute", 90),
        ("The siege went on for two decades.", "year", 20),
    ],
)
def test_durations_have_duration_units(sentence: str, unit: str, value: float) -> None:
    figure = one_figure(sentence)
    assert (figure.unit, figure.value) == (unit, value)


@pytest.mark.parametrize(
    "sentence",
    [
        "A 45-year-old man was arrested.",
        "The man, aged 45, was arrested.",
        "John Smith, 45, was arrested on Monday.",
        "A woman in her 30s, aged 34, was hurt.",
    ],
)
def test_ages_are_ages(sentence: str) -> None:
    assert [f.unit for f in figures_of(sentence) if f.text[:1].isdigit()] == ["age"]


@pytest.mark.parametrize(
    "sentence",
    [
        "She finished third in the race.",
        "He was ranked No. 1 in the world.",
        "He is ranked 1 in the world.",
        "The No. 1 seed lost in the first round.",
        "The world number one withdrew.",
        "She finished 3rd in the 10,000 metres final.",
        "It was his second win and the team's fifth title.",
    ],
)
def test_ordinal_positions_are_never_figures(sentence: str) -> None:
    assert [f for f in figures_of(sentence) if f.unit not in ("metre",)] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The meeting took an hour and a half.",
        "The car stopped for three seconds.",
        "The match lasted 90 minutes.",
        "A 45-year-old man was arrested.",
        "The man, aged 45, was arrested.",
        "John Smith, 45, was arrested on Monday.",
        "She finished third in the race.",
        "He was ranked No. 1 in the world.",
        "Winds reached 100mph on Tuesday.",
    ],
)
def test_descriptive_quantities_are_not_figures_to_source(sentence: str) -> None:
    assert _sourced(sentence) == []
