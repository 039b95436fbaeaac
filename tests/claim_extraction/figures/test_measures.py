"""What a figure measures, read from the parse: the noun phrase it quantifies, never a verb fragment."""

from __future__ import annotations

import pytest

from audit.claim_extraction.figures.mentions import extract_figures
from audit.model import Span
from audit.nlp.parse import parse_sentences
from tests.claim_extraction.figures.figures_helpers import figures_of, one_figure, requires_model

pytestmark = requires_model


@pytest.mark.parametrize(
    ("sentence", "text", "unit", "measure"),
    [
        ("There were 88 flood warnings in place.", "88 flood warnings", "count", "flood warnings"),
        ("The plant added 4,000 new jobs.", "4,000 new jobs", "count", "new jobs"),
        ("Twelve officers were there.", "Twelve officers", "count", "officers"),
        ("The port employs 4,000 dock workers.", "4,000 dock workers", "count", "dock workers"),
    ],
)
def test_a_count_measures_the_noun_its_number_modifies(
    sentence: str, text: str, unit: str, measure: str
) -> None:
    figure = one_figure(sentence)
    assert (figure.text, figure.unit, figure.measure) == (text, unit, measure)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("Yesterday 12 passengers were injured in the crash.", "passengers injured"),
        ("Emergency services said 20 people were hurt on the train.", "people hurt"),
        (
            "A train derailed on Wednesday, and 12 passengers were injured, the operator said.",
            "passengers injured",
        ),
        ("Between 10 and 12 people died.", "people died"),
    ],
)
def test_a_count_keeps_the_passive_or_outcome_verb_it_is_the_subject_of(sentence: str, measure: str) -> None:
    assert one_figure(sentence).measure == measure


def test_an_active_verb_after_a_count_is_not_part_of_its_measure() -> None:
    assert one_figure("About 300 troops left the base.").measure == "troops"


@pytest.mark.parametrize(
    ("sentence", "text", "measure"),
    [
        ("The PBSA assets slid 12%.", "12%", "pbsa assets"),
        ("It is 5% of GDP.", "5%", "gdp"),
        ("Unemployment fell to 3.5% in May.", "3.5%", "unemployment"),
        (
            "They must raise their defense spending to at least 5% of GDP.",
            "at least 5%",
            "defense spending / gdp",
        ),
        ("The company's revenue rose 8 percent.", "8 percent", "company revenue"),
        ("Half of voters backed the plan.", "Half", "voters"),
        ("The city raised fares by 5%, angering riders.", "5%", "fares"),
        ("Prices are expected to rise 5% next year.", "5%", "prices"),
    ],
)
def test_a_percentage_measures_its_of_complement_or_what_it_is_of(
    sentence: str, text: str, measure: str
) -> None:
    figure = one_figure(sentence)
    assert (figure.text, figure.unit, figure.measure) == (text, "percent", measure)


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("China made $62 billion in purchases.", "purchases"),
        ("Purchases surged to $62 billion.", "purchases"),
        ("Chinese purchases surged to $62 billion.", "chinese purchases"),
        ("With purchases surging to $62 billion in 2024.", "purchases"),
        ("The project cost $1.2 trillion in debt.", "debt"),
        ("A $40 million grant was awarded.", "grant"),
    ],
)
def test_money_measures_its_complement_or_the_subject_of_its_clause(sentence: str, measure: str) -> None:
    figure = one_figure(sentence)
    assert (figure.unit, figure.measure) == ("USD", measure)


def test_a_range_from_a_verb_of_range_is_one_figure() -> None:
    figure = one_figure("The study shows rates ranging from 5 to 9 percent.")
    assert (figure.text, figure.value, figure.value_max, figure.comparator) == (
        "5 to 9 percent",
        5,
        9,
        "range",
    )
    assert (figure.unit, figure.measure) == ("percent", "rates")


def test_from_to_after_a_verb_of_change_stays_two_figures() -> None:
    first, second = figures_of("Inflation rose from 2 to 3 percent.")
    assert (first.text, second.text, second.unit, second.measure) == (
        "2",
        "3 percent",
        "percent",
        "inflation",
    )


def test_a_pronoun_is_no_measure() -> None:
    assert one_figure("They spent $5 million.").measure is None


@pytest.mark.parametrize(
    ("sentence", "measure"),
    [
        ("The leaders held a 90-minute phone call.", "phone call"),
        ("Imports are nearly double the pre-war volume.", "pre-war volume"),
        ("The city has a population of 2.3 million.", "population"),
    ],
)
def test_adjectival_figures_ratios_and_bare_scaled_numbers(sentence: str, measure: str) -> None:
    assert one_figure(sentence).measure == measure


def test_a_measure_is_never_a_verb_fragment() -> None:
    sentences = [
        "The PBSA assets slid 12%.",
        "The study shows rates ranging from 5 to 9 percent.",
        "China made $62 billion in purchases.",
        "The plant added 4,000 new jobs.",
    ]
    for sentence in sentences:
        for figure in figures_of(sentence):
            assert figure.measure is not None
            assert not {"slid", "shows", "ranging", "made", "added"} & set(figure.measure.split()), figure


def test_text_outside_the_parse_keeps_its_numbers_but_no_measure() -> None:
    text = "Assets slid 12% in May\n\nThe PBSA assets slid 12%."
    body = Span(text.index("The"), len(text))
    heading, sentence = extract_figures(text, parse_sentences(text, [body]))
    assert (heading.text, heading.unit, heading.measure) == ("12%", "percent", None)
    assert sentence.measure == "pbsa assets"


def test_without_a_parse_the_text_is_parsed_as_the_claims_stage_would() -> None:
    text = "There were 88 flood warnings in place. The PBSA assets slid 12%."
    parsed = parse_sentences(text, [Span(0, 38), Span(39, len(text))])
    assert extract_figures(text) == extract_figures(text, parsed)
    assert [f.measure for f in extract_figures(text)] == ["flood warnings", "pbsa assets"]
