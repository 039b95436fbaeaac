"""Units the reader names: physical quantities with a normalised unit, ages, and malformed numbers."""

from __future__ import annotations

import pytest

from tests.claim_extraction.figures.figures_helpers import figures_of, one_figure, requires_model

pytestmark = requires_model


@pytest.mark.parametrize(
    ("sentence", "text", "value", "unit", "measure"),
    [
        ("Winds reached 100mph on Tuesday.", "100mph", 100, "mph", "speed"),
        ("Winds reached 100 mph on Tuesday.", "100 mph", 100, "mph", "speed"),
        ("Winds reached 100-mph on the coast.", "100-mph", 100, "mph", "speed"),
        ("Gusts hit 160km/h overnight.", "160km/h", 160, "km/h", "speed"),
        ("Gusts hit 160 kph overnight.", "160 kph", 160, "km/h", "speed"),
        ("The ship travelled at 20 knots.", "20 knots", 20, "knot", "speed"),
        ("The border is 300 miles long.", "300 miles", 300, "mile", "distance"),
        ("The convoy drove 40 kilometres.", "40 kilometres", 40, "km", "distance"),
        ("The wall is 30 feet high.", "30 feet", 30, "foot", "distance"),
        ("The fire burned 5,000 acres.", "5,000 acres", 5000, "acre", "area"),
        ("The reserve covers 1,200 hectares.", "1,200 hectares", 1200, "hectare", "area"),
        ("The lake covers 40 square miles.", "40 square miles", 40, "square_mile", "area"),
        ("The truck carried 20 tonnes.", "20 tonnes", 20, "tonne", "weight"),
        ("The parcel weighed 12kg.", "12kg", 12, "kg", "weight"),
    ],
)
def test_physical_quantities(sentence: str, text: str, value: float, unit: str, measure: str) -> None:
    figure = one_figure(sentence)
    assert (figure.text, figure.value, figure.unit, figure.measure) == (text, value, unit, measure)


def test_a_physical_quantity_of_something_measures_that_thing() -> None:
    figure = one_figure("The truck carried 20 tonnes of grain.")
    assert (figure.unit, figure.measure) == ("tonne", "grain")


def test_pounds_weigh_only_when_unscaled_and_of_something() -> None:
    assert one_figure("Police seized 300 pounds of cocaine.").unit == "pound"
    assert one_figure("The fund raised 40 million pounds.").unit == "GBP"


def test_a_bare_m_is_never_a_unit() -> None:
    """ "100m" may be metres or millions: it is not read (the duration after it is)."""
    assert [(f.text, f.unit) for f in figures_of("He ran the 100m in ten seconds.")] == [
        ("ten seconds", "second")
    ]


@pytest.mark.parametrize(
    ("sentence", "text", "measure"),
    [
        ("A 45-year-old man was arrested.", "45-year-old", "man"),
        ("The 26-year-old striker scored twice.", "26-year-old", "striker"),
        ("The bridge is 100 years old.", "100 years old", "age"),
        ("The man, aged 45, was arrested.", "45", "age"),
        ("John Smith, 45, was arrested on Monday.", "45", "age"),
    ],
)
def test_ages_have_unit_age(sentence: str, text: str, measure: str) -> None:
    figure = one_figure(sentence)
    assert (figure.text, figure.unit, figure.measure) == (text, "age", measure)


def test_a_duration_is_not_an_age() -> None:
    figure = one_figure("The talks lasted five years.")
    assert (figure.unit, figure.value) == ("year", 5)


@pytest.mark.parametrize(
    ("sentence", "text", "unit"),
    [
        ("The crowd of 10,0000 people cheered.", "10,0000 people", "count"),
        ("Sales reached $1,00 million.", "$1,00 million", "USD"),
        ("The rate was 3,5 percent.", "3,5 percent", "percent"),
    ],
)
def test_a_malformed_number_has_no_value(sentence: str, text: str, unit: str) -> None:
    figure = one_figure(sentence)
    assert (figure.text, figure.value, figure.unit, figure.comparator) == (text, None, unit, "malformed")
    assert figure.value_max is None


def test_a_malformed_number_is_never_read_as_a_nearby_well_formed_one() -> None:
    assert all(f.value != 10_000 for f in figures_of("About 10,0000 people marched."))
    assert [f.value for f in figures_of("About 10,000 people marched.")] == [10_000]
