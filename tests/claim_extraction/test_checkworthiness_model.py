"""The learned check-worthiness model: the package scores exactly as scikit-learn does, and ships small."""

from __future__ import annotations

import json
import subprocess
import sys

import numpy as np
import pytest

from audit.claim_extraction.checkworthiness import feature_values, rule_weights
from audit.claim_extraction.checkworthiness_model import (
    char_terms,
    learned_model,
    model_from_json,
    word_terms,
)
from audit.claim_extraction.figures.mentions import extract_figures
from audit.claim_extraction.sentences import paragraphs
from tests.conftest import ROOT

MODEL_FILE = ROOT / "audit" / "data" / "checkworthiness_model.json"


def _seed_sentences() -> list[str]:
    text = "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "raw").glob("*.txt")))
    return [span.slice(text) for paragraph in paragraphs(text) for span in paragraph.sentences]


def test_word_terms_normalise_numbers_and_years_and_pair_words() -> None:
    terms = word_terms("Exports rose 12% in 2024, to $3.5 billion?")
    assert terms[:6] == ["exports", "rose", "<num>", "%", "in", "<year>"]
    assert {"<s> exports", "<num> %", "in <year>", "$ <num>", "billion ?"} <= set(terms)
    assert word_terms("In 1990, 20,000") == ["in", "<year>", "<num>", "<s> in", "in <year>", "<year> <num>"]


def test_char_terms_pad_words_and_count_short_words_once() -> None:
    assert char_terms("Ab  c", (2, 3)) == [" a", "ab", "b ", " ab", "ab ", " c", "c ", " c "]


def test_char_terms_equal_scikit_learns_char_wb() -> None:
    text = pytest.importorskip("sklearn.feature_extraction.text", reason="scikit-learn is a dev dependency")
    analyzer = text.TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5)).build_analyzer()
    for sentence in _seed_sentences()[:50]:
        assert char_terms(sentence) == analyzer(sentence)


def test_package_scores_equal_scikit_learns() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is a dev dependency (training and this check only)")
    from tools.train_checkworthiness import Params, export, fit, named_and_rules, pruned, scores

    sentences = _seed_sentences()[:240]
    labels = np.array([float(any(c.isdigit() for c in s) or " said " in s) for s in sentences])
    named, _ = named_and_rules(sentences)
    for fitted in (
        fit(sentences, named, labels, Params(4.0, 0.5)),
        pruned(sentences, named, labels, Params(4.0, 0.5)),
    ):
        model = model_from_json(json.loads(json.dumps(export(fitted, 0.4, {}))))
        expected = scores(fitted, sentences, named)
        for sentence, probability in zip(sentences, expected, strict=True):
            values = feature_values(sentence, figures=extract_figures(sentence))
            assert model.probability(sentence, values) == pytest.approx(probability, abs=1e-6)
        assert model.threshold == 0.4


def test_shipped_model_is_small_sorted_and_complete() -> None:
    raw = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    assert MODEL_FILE.stat().st_size < 3_000_000
    for family in ("words", "chars"):
        assert list(raw[family]) == sorted(raw[family])
        assert raw[family] and all(idf >= 1.0 and weight != 0.0 for idf, weight in raw[family].values())
    model = learned_model()
    assert 0.0 < model.threshold < 1.0
    assert model.threshold == raw["threshold"]
    assert set(model.named) == set(feature_values("")) - set(rule_weights())
    assert raw["training"]["command"].startswith("python -m tools.train_checkworthiness")


def test_scoring_needs_no_scikit_learn() -> None:
    """The package runs where scikit-learn is absent: importing it is made to fail, scoring still works."""
    program = (
        "import sys; sys.modules['sklearn'] = None; sys.modules['scipy'] = None\n"
        "from audit.claim_extraction.checkworthiness import assess\n"
        "print(assess('Exports rose to $3 billion in 2024.').is_claim)"
    )
    done = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert done.stdout.strip() == "True"
