"""Check-worthiness: non-claims rejected, factual sentences accepted, types and the JSON contract."""

from __future__ import annotations

import pytest

from audit.claim_extraction.checkworthiness import (
    CUES_SHOWN,
    FEATURES,
    WORD_PREFIX,
    assess,
    feature_values,
    rule_weights,
)
from audit.claim_extraction.checkworthiness_model import learned_model, sigmoid
from audit.claim_extraction.figures.mentions import extract_figures
from audit.claim_extraction.sentences import paragraphs
from audit.model import Attribution, DateMention, Span
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
    # a year and names without a figure or past-tense verb: missed by the named features alone
    "Trump’s strategic approach mirrors President Richard Nixon’s 1972 opening to China.",
]


@pytest.mark.parametrize("sentence", NON_CLAIMS)
def test_non_claims_are_rejected(sentence: str) -> None:
    assert not _assess(sentence).is_claim


@pytest.mark.parametrize("sentence", CLAIMS)
def test_factual_sentences_are_accepted(sentence: str) -> None:
    assert _assess(sentence).is_claim


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


def test_rule_weights_are_the_hand_set_non_claim_features() -> None:
    weights = rule_weights()
    assert set(weights) == {"call_to_action", "heading", "boilerplate"}
    assert all(weight < 0 for weight in weights.values())


def test_score_is_the_model_plus_the_rules_and_lists_the_strongest_words() -> None:
    """The score is the learned model's logit plus the hand-set rule weights; word cues come strongest first."""
    sentence = CLAIMS[0]
    result = _assess(sentence)
    values = feature_values(sentence, figures=extract_figures(sentence))
    logit, word_parts = learned_model().logit_parts(sentence, values)
    assert result.score == pytest.approx(sigmoid(logit), abs=1e-4)  # no rule feature fires here
    words = [name.removeprefix(WORD_PREFIX) for name in result.features if name.startswith(WORD_PREFIX)]
    assert words and len(words) <= CUES_SHOWN
    magnitudes = [abs(word_parts[word]) for word in words]
    assert magnitudes == sorted(magnitudes, reverse=True)
    assert min(magnitudes) >= max((abs(p) for w, p in word_parts.items() if w not in words), default=0.0)


def test_a_rule_feature_lowers_the_logit_by_its_weight() -> None:
    sentence = "The U.S. should coordinate with European allies before any sanctions are lifted."
    values = feature_values(sentence, figures=extract_figures(sentence))
    assert (values["call_to_action"], values["heading"], values["boilerplate"]) == (1.0, 0.0, 0.0)
    logit, _ = learned_model().logit_parts(sentence, values)
    expected = sigmoid(logit + rule_weights()["call_to_action"])
    assert _assess(sentence).score == pytest.approx(expected, abs=1e-4)


def test_seed_articles_keep_the_check_worthy_sentences_not_all() -> None:
    """On the seed captures a good share of sentences, but far from every one, is a claim."""
    text = _seed_text()
    sentences = [span.slice(text) for paragraph in paragraphs(text) for span in paragraph.sentences]
    assert len(sentences) > 200
    share = sum(_assess(line).is_claim for line in sentences) / len(sentences)
    assert 0.3 < share < 0.8, share
