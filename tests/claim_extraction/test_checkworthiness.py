"""Check-worthiness: non-claims rejected, factual sentences accepted, types and the JSON contract."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from audit.claim_extraction.checkworthiness import (
    FEATURES,
    WORD_PREFIX,
    assess,
    cue_terms,
    feature_values,
    load_config,
)
from audit.claim_extraction.figures.mentions import extract_figures
from audit.claim_extraction.sentences import paragraphs
from audit.model import Attribution, DateMention, Span
from evaluation.fit_checkworthiness import MIN_DF, choose_vocabulary, fit_logistic, term_matrix
from tests.conftest import ROOT

RAW = ROOT / "raw"


def _seed_text() -> str:
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted(RAW.glob("*.txt")))


def _assess(sentence: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return assess(sentence, figures=extract_figures(sentence), **kwargs)  # type: ignore[arg-type]


NON_CLAIMS = [
    "Trump’s New Deal",
    "Consequences:",
    "Is the U.S. Trying to Lure Russia Away from China?",
    "The U.S. should coordinate with European allies before any sanctions are lifted.",
    "Multilateral diplomacy must remain the core approach.",
    "What's Your Reaction?",
    "Back to Top",
    "I think this is a wonderful idea.",
    # recommendations from the seeds: an obligation modal after an introductory clause is still a call to action
    "Instead of offering concessions upfront, the U.S. should use sanctions as a bargaining tool to extract "
    "verifiable commitments from Moscow.",
    "Rather than outright appeasement, the U.S. should adopt a dual-track approach toward Russia—one that engages "
    "Moscow where necessary but maintains deterrence where critical.",
    "The U.S. should coordinate with European allies to maintain a unified sanctions regime, preventing economic "
    "fragmentation that could weaken the West’s leverage.",
]

CLAIMS = [
    "China is now the largest importer of Russian crude oil, with purchases surging to $62 billion in "
    "2024—nearly double the pre-war volume.",
    "The first notable indication of a U.S. policy shift appeared on February 12, when Trump and Putin held "
    "a 90-minute phone call.",
    "The US-Russia relations reached unprecedented levels of post-Soviet tension following the full-scale "
    "invasion of Ukraine in 2022.",
    "Trump’s administration has called on European NATO members to increase their defense spending to at "
    "least 5% of GDP.",
]
KNOWN_MISS = "Trump’s strategic approach mirrors President Richard Nixon’s 1972 opening to China."


@pytest.mark.parametrize("sentence", NON_CLAIMS)
def test_non_claims_are_rejected(sentence: str) -> None:
    assert not _assess(sentence).is_claim


@pytest.mark.parametrize("sentence", CLAIMS)
def test_factual_sentences_are_accepted(sentence: str) -> None:
    assert _assess(sentence).is_claim


@pytest.mark.xfail(strict=True, reason="known miss: a year and names without a figure or past-tense verb")
def test_known_miss_historical_reference() -> None:
    assert _assess(KNOWN_MISS).is_claim


def test_seed_sentences_are_in_the_seeds() -> None:
    text = _seed_text().replace("\n", " ")
    for sentence in (*NON_CLAIMS[:3], *NON_CLAIMS[-3:], *CLAIMS[:3]):
        assert sentence[:40] in text, sentence


def test_score_range_features_and_determinism() -> None:
    result = _assess(CLAIMS[0])
    assert 0.0 <= result.score <= 1.0
    assert {"quantity", "money_or_percent", "named_entity"} <= set(result.features)
    named = [name for name in result.features if not name.startswith(WORD_PREFIX)]
    assert set(named) <= set(FEATURES)
    assert _assess(CLAIMS[0]) == result


def test_question_lowers_the_score() -> None:
    statement = _assess("The treaty was signed by 40 countries in 1997.")
    question = _assess("Was the treaty signed by 40 countries in 1997?")
    assert question.score < statement.score
    assert "question" in question.features


def test_dates_are_found_lexically_without_the_date_stage() -> None:
    assert "date" in _assess("Parliament voted on the bill in March.").features
    assert "date" not in _assess("You may leave now.").features


@pytest.mark.parametrize(
    ("sentence", "kwargs", "claim_type"),
    [
        ("Exports rose to $3 billion.", {}, "figure"),
        ("The summit took place in 2019.", {}, "date"),
        (
            "Ukraine became independent.",
            {"dates": (DateMention("1991", "1991", "year", Span(0, 4)),)},
            "date",
        ),
        ("“We will win,” the minister said.", {"attribution": Attribution("direct_quote")}, "quote"),
        ("Russia is more dependent on China than ever.", {}, "comparison"),
        ("The economy will shrink next quarter.", {}, "prediction"),
        ("The ministry issued a statement.", {}, "assertion"),
    ],
)
def test_claim_type_precedence(sentence: str, kwargs: dict[str, object], claim_type: str) -> None:
    assert _assess(sentence, **kwargs).type == claim_type


def test_config_is_versioned_and_complete() -> None:
    config = load_config()
    assert config["version"]
    assert 0.0 < config["threshold"] < 1.0
    assert set(config["features"]) | set(config["rule_features"]) == set(FEATURES)
    assert set(config["weights"]) == set(config["features"])
    json.dumps(config)  # plain JSON


def test_cue_terms_normalise_numbers_years_and_names() -> None:
    terms = cue_terms("Exports to China rose 12 percent in 2024, I think.")
    assert {"exports", "<name>", "<num>", "<year>", "percent", "<num> percent", "in <year>"} <= terms
    assert {"<s> exports", "i think", "i"} <= terms
    assert "china" not in terms and "12" not in terms and "2024" not in terms
    # a month is a date word, not a name; the first word is never a name
    assert {"march", "parliament"} <= cue_terms("Parliament voted in March.")


def test_score_is_the_sum_of_the_reported_parts() -> None:
    """Transparency: the score is rebuilt from the fired features and word cues and the JSON weights."""
    config = load_config()
    weights = {**config["weights"], **config["rule_weights"]}
    sentence = CLAIMS[0]
    result = _assess(sentence)
    values = feature_values(sentence, figures=extract_figures(sentence))
    logit = config["bias"] + sum(weights[name] * value for name, value in values.items())
    words = [name.removeprefix(WORD_PREFIX) for name in result.features if name.startswith(WORD_PREFIX)]
    assert words, "the lexical cue family should fire on a sentence with a figure"
    assert set(words) <= cue_terms(sentence)
    logit += sum(config["word_weights"][word] for word in words)
    assert result.score == pytest.approx(1 / (1 + math.exp(-logit)), abs=1e-4)
    # strongest cue first
    magnitudes = [abs(config["word_weights"][word]) for word in words]
    assert magnitudes == sorted(magnitudes, reverse=True)


def test_lexical_cues_move_the_score_both_ways() -> None:
    config = load_config()
    excluded = set(config["lexicons"]["word_cue_exclusions"])
    assert not [term for term in config["word_weights"] if excluded & set(term.split())]
    negative = [t for t, w in config["word_weights"].items() if w < -0.1]
    positive = [t for t, w in config["word_weights"].items() if w > 0.1]
    assert len(negative) >= 20 and len(positive) >= 20
    assert 100 <= len(config["word_weights"]) <= 2000


def test_seed_articles_keep_the_check_worthy_sentences_not_all() -> None:
    """On the seed captures a good share of sentences, but far from every one, is a claim."""
    text = _seed_text()
    sentences = [span.slice(text) for paragraph in paragraphs(text) for span in paragraph.sentences]
    assert len(sentences) > 200
    share = sum(_assess(line).is_claim for line in sentences) / len(sentences)
    assert 0.3 < share < 0.8, share


def test_vocabulary_choice_is_deterministic_and_needs_min_df() -> None:
    rare = frozenset({"rare"})
    terms = [frozenset({"figure", "common"})] * MIN_DF + [frozenset({"opinion", "common"})] * MIN_DF
    terms += [rare]
    labels = np.array([1.0] * MIN_DF + [0.0] * (MIN_DF + 1))
    vocabulary = choose_vocabulary(terms, labels, 10)
    assert vocabulary == choose_vocabulary(list(reversed(terms)), labels[::-1], 10)
    assert "rare" not in vocabulary
    assert vocabulary.index("figure") < vocabulary.index("common")
    matrix = term_matrix(terms, vocabulary)
    weights, _ = fit_logistic(matrix, labels, 1.0)
    fitted = dict(zip(vocabulary, weights, strict=True))
    assert fitted["figure"] > 0 > fitted["opinion"]
