"""Slots: what a figure is a figure of, and whether two wordings allow a common value."""

from __future__ import annotations

import math

import pytest

from audit.corpus.slots import Reading, interval, read, relation, same_slot, sentence_on_slot
from audit.model import Figure, Span
from tests.corpus.corpus_records import claim, source

OWNER = source("s.txt")


def reading(text: str, figure: str, value: float, unit: str = "count", comparator: str = "exact") -> Reading:
    made = claim(OWNER, text, figures=((figure, value, unit, None, comparator),))
    return read(made, made.figures[0])


DEATHS = reading("Six members of a road repair crew were killed in the collapse.", "Six members", 6)
TOLL = reading("Officials said 11 construction workers died.", "11 construction workers", 11)


def test_the_same_toll_in_other_words_is_one_slot() -> None:
    assert (DEATHS.slot.predicate, DEATHS.slot.head, DEATHS.slot.of) == (
        "die",
        "person",
        {"road", "repair", "crew"},
    )
    assert (TOLL.slot.predicate, TOLL.slot.head) == ("die", "person")
    assert same_slot(DEATHS.slot, TOLL.slot) and relation(DEATHS, TOLL) == "conflict"
    assert DEATHS.label == "members killed"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        (
            ("Delta canceled about 2,500 flights on Monday.", "about 2,500 flights", 2500, "count", "approx"),
            (
                "Roughly 7,000 flights were scrapped, stranding travelers.",
                "Roughly 7,000 flights",
                7000,
                "count",
                "approx",
            ),
            True,
        ),
        (
            (
                "About 90 percent of FEMA field employees were deployed.",
                "About 90 percent",
                90,
                "percent",
                "approx",
            ),
            ("As many as 90 percent have teleworked.", "As many as 90 percent", 90, "percent", "at_most"),
            False,
        ),
        (
            ("The storm injured 40 people and killed 12.", "40 people", 40, "count", "exact"),
            ("At least 12 people died in the storm.", "At least 12 people", 12, "count", "at_least"),
            False,
        ),
        (
            ("The firm hired 500 workers in March.", "500 workers", 500, "count", "exact"),
            ("Some 500 workers were laid off in March.", "Some 500 workers", 500, "count", "approx"),
            False,
        ),
        (
            (
                "The hospital agreed to pay $12.4 million to the family of a patient who died.",
                "$12.4 million",
                12.4e6,
                "USD",
                "exact",
            ),
            (
                "The hospital will pay close to $12.5 million.",
                "close to $12.5 million",
                12.5e6,
                "USD",
                "approx",
            ),
            True,
        ),
        (
            ("12 people were injured.", "12 people", 12, "count", "exact"),
            ("12% of voters were injured.", "12%", 12, "percent", "exact"),
            False,
        ),
    ],
)
def test_slots(
    first: tuple[str, str, float, str, str], second: tuple[str, str, float, str, str], same: bool
) -> None:
    assert same_slot(reading(*first).slot, reading(*second).slot) is same


def test_values_compatible_within_the_stated_precision() -> None:
    fee = reading("It paid a $5.9 million fee.", "$5.9 million", 5.9e6, "USD")
    almost = reading("It paid almost $6 million.", "almost $6 million", 6e6, "USD", "approx")
    assert interval_of(fee) == pytest.approx((5.85e6, 5.95e6))
    assert interval_of(almost) == pytest.approx((4.9e6, 6.5e6))
    assert relation(fee, almost) == "agree"
    estimated = reading(
        "It killed an estimated 25 million people.", "an estimated 25 million people", 25e6, "count", "approx"
    )
    more = reading(
        "More than 50 million deaths followed.", "More than 50 million deaths", 50e6, "count", "more_than"
    )
    assert relation(estimated, more) == "conflict" and math.isinf(more.high)
    plenty = reading("More than 10 homes burned.", "More than 10 homes", 10, "count", "more_than")
    many = reading("It burned 5,000 homes.", "5,000 homes", 5000)
    assert relation(plenty, many) == "unclear"  # fits, but says nothing of the number
    assert relation(reading("It burned 12 homes.", "12 homes", 12), plenty) == "agree"
    seven = reading("It added $7 trillion in debt.", "$7 trillion", 7e12, "USD")
    eight = reading("It added $8 trillion in debt.", "$8 trillion", 8e12, "USD")
    assert relation(seven, eight) == "unclear"  # 7 ± 0.5 and 8 ± 0.5 meet only at 7.5


def interval_of(found: Reading) -> tuple[float, float]:
    return found.low, found.high


def test_interval_of_ranges_and_ceilings() -> None:
    span = Span(0, 8)
    assert interval(Figure("20 to 30", 20, "count", span, "range", 30)) == (20, 30)
    assert interval(Figure("up to 30", 30, "count", span, "at_most")) == (-math.inf, 30)
    assert interval(Figure("7,000", 7000, "count", span)) == (6500, 7500)
    assert interval(Figure("six", 6, "count", span)) == (6, 6)


def test_a_sentence_on_the_slot_without_a_number() -> None:
    fee = reading("The company paid a $5.9 million fee for the trademark.", "$5.9 million", 5.9e6, "USD").slot
    text = "Talks went on. The company paid a fee for the trademark, it said. It paid 3 dollars for coffee."
    found = sentence_on_slot(text, fee)
    assert (
        found is not None
        and text[found[0] : found[1]] == "The company paid a fee for the trademark, it said."
    )
    assert sentence_on_slot("It paid 3 dollars for the trademark.", fee) is None  # a number: not silent on it
    rose = reading("Spending rose to 5% of GDP.", "5%", 5, "percent").slot
    assert rose.predicate == "raise" and sentence_on_slot("Spending rose again this year.", rose) is None
