"""Figures: values, units, comparators, measures and what must not be read as a figure."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.claim_extraction.figures.mentions import extract_figures
from audit.claim_extraction.figures.numbers import match_word_number
from audit.model import Figure
from tests.claim_extraction.figures.figures_helpers import requires_model
from tests.conftest import ROOT

pytestmark = requires_model  # extract_figures parses the text when it is given no parse

RAW = ROOT / "raw"


def _seed(prefix: str) -> str:
    (path,) = sorted(RAW.glob(f"{prefix}_*.txt"))
    return path.read_text(encoding="utf-8")


def _one(text: str) -> Figure:
    figures = extract_figures(text)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(
    ("phrase", "value"),
    [
        ("six", 6),
        ("twelve", 12),
        ("twenty-five", 25),
        ("one hundred and twenty", 120),
        ("a dozen", 12),
        ("two dozen", 24),
        ("half a million", 500_000),
        ("two thousand five hundred", 2500),
    ],
)
def test_spelled_out_numbers(phrase: str, value: float) -> None:
    assert match_word_number(phrase + " people", 0) == (len(phrase), value)


def test_and_between_two_numbers_is_not_one_number() -> None:
    assert match_word_number("ten and twelve", 0) == (3, 10)
    assert match_word_number("oneself", 0) is None


@pytest.mark.parametrize(
    ("text", "figure_text", "value", "unit"),
    [
        ("Sales reached $62 billion last year.", "$62 billion", 62e9, "USD"),
        ("It cost €3.5m to build.", "€3.5m", 3.5e6, "EUR"),
        ("They raised £40 million for it.", "£40 million", 40e6, "GBP"),
        ("Debt hit US$1.2 trillion.", "US$1.2 trillion", 1.2e12, "USD"),
        ("He gave 40 million dollars to charity.", "40 million dollars", 40e6, "USD"),
        ("Growth was 3 percent.", "3 percent", 3, "percent"),
        ("Inflation was 3.2 per cent.", "3.2 per cent", 3.2, "percent"),
        ("The plant added 4,000 jobs.", "4,000 jobs", 4000, "count"),
        ("Twelve officers were there.", "Twelve officers", 12, "count"),
        ("About twenty people came.", "About twenty people", 20, "count"),
        ("The talks lasted five days.", "five days", 5, "day"),
        ("The war went on for two years.", "two years", 2, "year"),
        ("They held a 90-minute call.", "90-minute", 90, "minute"),
        ("It took a decade.", None, None, None),
        ("A dozen ministers resigned.", "A dozen ministers", 12, "count"),
        ("Some 1.5 million people fled.", "Some 1.5 million people", 1.5e6, "count"),
    ],
)
def test_values_and_units(text: str, figure_text: str | None, value: float | None, unit: str | None) -> None:
    figures = extract_figures(text)
    if figure_text is None:
        assert figures == []
        return
    (figure,) = figures
    assert figure.text == figure_text
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit
    assert text[figure.span.start : figure.span.end] == figure.text


@pytest.mark.parametrize(
    ("text", "comparator", "value", "value_max"),
    [
        ("Between 10 and 12 people died.", "range", 10, 12),
        ("There were 10-12 people.", "range", 10, 12),
        ("It affects 3 to 5 million voters.", "range", 3e6, 5e6),
        ("About 300 troops left.", "approx", 300, None),
        ("Nearly 40 percent agreed.", "approx", 40, None),
        ("More than 1,000 civilians fled.", "more_than", 1000, None),
        ("At least 5% of GDP.", "at_least", 5, None),
        ("Fewer than 20 ships sailed.", "less_than", 20, None),
        ("Up to 5,000 soldiers.", "at_most", 5000, None),
    ],
)
def test_comparators(text: str, comparator: str, value: float, value_max: float | None) -> None:
    figure = _one(text)
    assert figure.comparator == comparator
    assert figure.value == pytest.approx(value)
    assert figure.value_max == value_max


def test_ratio_keeps_the_approximation_in_the_text() -> None:
    figure = _one("Imports are nearly double the pre-war volume.")
    assert (figure.text, figure.comparator, figure.value, figure.unit) == ("nearly double", "ratio", 2, None)
    assert figure.measure == "pre-war volume"


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("Yesterday 12 passengers were injured in the crash.", "passengers injured"),
        ("With purchases surging to $62 billion in 2024.", "purchases"),
        ("They must raise their defense spending to at least 5% of GDP.", "defense spending / gdp"),
        ("It is 5% of GDP.", "gdp"),
        ("The leaders held a 90-minute phone call.", "phone call"),
    ],
)
def test_measures(text: str, measure: str) -> None:
    assert _one(text).measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "It happened in 2024.",
        "Nixon went to China in 1972.",
        "They met on 12 February.",
        "They met on February 12 at 11:00.",
        "Since World War II and World War 2 the G7 and G20 met.",
        "He invoked Article 5 of the treaty.",
        "In the 21st century, COVID-19 spread.",
        "Air Force One landed.",
        "The two countries signed.",
        "One of them left.",
        "See https://example.org/img_2024-05-16_2.jpg for details.",
        "Flight 370 vanished.",
    ],
)
def test_not_figures(text: str) -> None:
    assert extract_figures(text) == []


def test_seed_004_figures() -> None:
    text = _seed("004")
    by_text = {figure.text: figure for figure in extract_figures(text)}
    assert {"$62 billion", "90-minute", "nearly double"} <= set(by_text)
    assert by_text["$62 billion"].value == 62e9 and by_text["$62 billion"].unit == "USD"
    assert by_text["90-minute"].unit == "minute"
    assert by_text["nearly double"].comparator == "ratio"
    # "February 12", "February 25", "2022", "1972", "2016" and "Mar 10, 2025 - 11:00" are dates, not figures.
    assert not any(figure.value in (12, 25, 2022, 1972, 2016, 10, 11) for figure in by_text.values())


def test_seed_000_figures() -> None:
    figures = extract_figures(_seed("000"))
    gdp = [figure for figure in figures if figure.unit == "percent"]
    assert len(gdp) == 1
    assert gdp[0].value == 5 and gdp[0].comparator == "at_least"
    assert gdp[0].measure is not None and gdp[0].measure.endswith("gdp")


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_spans_are_absolute_and_ordered(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    figures = extract_figures(text)
    for figure in figures:
        assert text[figure.span.start : figure.span.end] == figure.text
    starts = [figure.span.start for figure in figures]
    assert starts == sorted(starts)
    assert extract_figures(text) == figures  # deterministic


@pytest.mark.parametrize(
    ("text", "figure", "value", "comparator", "measure"),
    [
        ("Two-thirds of voters backed the plan.", "Two-thirds", 66.67, "exact", None),
        ("More than half of the households lost power.", "More than half", 50.0, "more_than", None),
        ("Nearly three-quarters of respondents agreed.", "Nearly three-quarters", 75.0, "approx", None),
        ("Only a fifth of the funds were spent.", "a fifth", 20.0, "exact", None),
    ],
)
def test_fractions_in_words_are_shares(
    text: str, figure: str, value: float, comparator: str, measure: str | None
) -> None:
    [found] = extract_figures(text)
    assert (found.text, found.value, found.unit, found.comparator) == (figure, value, "percent", comparator)
    assert found.span.slice(text) == figure
    if measure is not None:
        assert found.measure == measure


@pytest.mark.parametrize(
    "text",
    [
        "It took half an hour.",
        "Sales fell in the third quarter of the year.",
        "Sales rose in the first half of the year.",
        "He was born on the third of March.",
        "The northern third of the country flooded.",
    ],
)
def test_fraction_words_that_are_no_share(text: str) -> None:
    assert [f for f in extract_figures(text) if f.unit == "percent"] == []


@pytest.mark.parametrize(
    ("text", "figure", "comparator"),
    [
        ("The deal is worth $1.2bn over five years.", "five years", "exact"),
        ("It happened over two days.", "two days", "exact"),
        ("The talks lasted over three hours.", "over three hours", "more_than"),
        ("He has lived there for over five years.", "over five years", "more_than"),
        ("Over 500 people came.", "Over 500 people", "more_than"),
    ],
)
def test_over_before_a_duration_is_a_period_unless_it_measures_a_length(
    text: str, figure: str, comparator: str
) -> None:
    found = [f for f in extract_figures(text) if f.text == figure]
    assert [f.comparator for f in found] == [comparator]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "comparator"),
    [
        ("Temperatures rose by 1.5C since 1900.", "1.5C", 1.5, "celsius", "exact"),
        ("It was 40 degrees Fahrenheit in the shade.", "40 degrees Fahrenheit", 40.0, "fahrenheit", "exact"),
        ("Global warming must stay below 2 °C, scientists say.", "below 2 °C", 2.0, "celsius", "less_than"),
        ("Limit warming to about 1.5 degrees C.", "about 1.5 degrees C", 1.5, "celsius", "approx"),
    ],
)
def test_temperatures(text: str, figure: str, value: float, unit: str, comparator: str) -> None:
    [found] = extract_figures(text)
    assert (found.text, found.value, found.unit, found.comparator) == (figure, value, unit, comparator)


def test_a_number_glued_to_c_needs_a_temperature_context() -> None:
    assert extract_figures("The Boeing 737 and seat 5C were inspected.") == []
