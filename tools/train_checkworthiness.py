"""Train the check-worthiness model on ClaimBuster folds 0-2 and export it for the package (needs scikit-learn).

    python -m tools.train_checkworthiness EVAL_DIR [--dry-run]

``EVAL_DIR`` is the evaluation folder holding ``claims/claimbuster/claimbuster_2.5xNCS.csv`` (never copied into
the repository). A sentence's fold is ``sha256(sentence_id) % 5`` (``evaluation.common.fold``): folds 0-2 are
fitted on, folds 3-4 are held out and never read here. Steps:

1. inputs, as ``audit.claim_extraction.checkworthiness_model`` scores them: tf-idf of ``word_terms`` and of
   ``char_terms`` (each with its own vocabulary of terms in at least ``MIN_DF`` sentences, sublinear tf, L2
   norm) and the named features of ``checkworthiness.feature_values`` (the hand-set rule features excepted),
   multiplied by a scale;
2. for each point of the grid (penalty ``C`` × named-feature scale), the training sentences are cut into
   ``CV_FOLDS`` folds by ``sha256("cv:" + sentence_id)``; each is scored by a model fitted on the others, with
   the hand-set rule weights of ``audit/data/checkworthiness.json`` added to the logit, as ``assess`` does;
3. the grid point with the best pooled out-of-fold F1 wins (ties: the first), and the decision threshold is
   the one maximising that out-of-fold F1;
4. the final model is fitted on all of folds 0-2; terms whose weight is below ``PRUNE`` in magnitude are
   dropped and the model is refitted on the terms kept (so the exported model is exactly a scikit-learn
   model, and the file stays small);
5. the model is written to ``audit/data/checkworthiness_model.json`` (sorted keys, rounded floats): rerunning
   rewrites it byte for byte (liblinear with a fixed seed).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy import sparse  # type: ignore[import-untyped]
from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]
from sklearn.linear_model import LogisticRegression  # type: ignore[import-untyped]

from audit.claim_extraction.checkworthiness import feature_values, rule_weights
from audit.claim_extraction.checkworthiness_model import char_terms, word_terms
from audit.claim_extraction.figures.mentions import extract_figures
from evaluation.claimbuster import TRAIN_FOLDS, load_rows
from evaluation.common import PROJECT_ROOT, fold, prf

MODEL_PATH = PROJECT_ROOT / "audit" / "data" / "checkworthiness_model.json"
CV_FOLDS = 5
MIN_DF = 2
PRUNE = 0.05  # |weight| below this: the term is dropped before the refit
PENALTIES = (2.0, 4.0, 8.0)  # liblinear's C
NAMED_SCALES = (0.3, 0.5)  # the named features' 0/1 values are multiplied by this
SEED = 0
DIGITS = 8  # decimals kept in the exported floats
Array = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Params:
    penalty: float
    named_scale: float
    vocabulary: tuple[list[str], list[str]] | None = None  # (words, chars): fixed, for the refit


@dataclass(frozen=True)
class Fitted:
    words: Any  # TfidfVectorizer
    chars: Any  # TfidfVectorizer
    classifier: Any  # LogisticRegression
    named: list[str]
    params: Params


def named_names() -> list[str]:
    """The named features the model learns: every feature but the hand-set rule features."""
    return [name for name in feature_values("") if name not in rule_weights()]


def named_and_rules(texts: Sequence[str]) -> tuple[Array, Array]:
    """Per sentence, the learned named features' values and the hand-set rule part of the logit (as ``assess``
    adds it), both from ``feature_values`` with the sentence's figures."""
    names = named_names()
    weights = rule_weights()
    named: list[list[float]] = []
    rules: list[float] = []
    for text in texts:
        values = feature_values(text, figures=extract_figures(text))
        named.append([values[name] for name in names])
        rules.append(sum(weight * values[name] for name, weight in weights.items()))
    return np.array(named, dtype=np.float64), np.array(rules, dtype=np.float64)


def _vectorizer(analyzer: Any, vocabulary: list[str] | None) -> Any:
    return TfidfVectorizer(
        analyzer=analyzer, min_df=1 if vocabulary else MIN_DF, sublinear_tf=True, vocabulary=vocabulary
    )


def _design(fitted: Fitted, texts: Sequence[str], named: Array) -> Any:
    blocks = [fitted.words.transform(texts), fitted.chars.transform(texts)]
    return sparse.hstack([*blocks, sparse.csr_matrix(named * fitted.params.named_scale)]).tocsr()


def fit(texts: Sequence[str], named: Array, labels: Array, params: Params) -> Fitted:
    """A scikit-learn model on these sentences (``named``: their named-feature rows, ``named_and_rules``)."""
    words_vocabulary, chars_vocabulary = params.vocabulary or (None, None)
    words = _vectorizer(word_terms, words_vocabulary).fit(texts)
    chars = _vectorizer(char_terms, chars_vocabulary).fit(texts)
    classifier = LogisticRegression(C=params.penalty, solver="liblinear", random_state=SEED, max_iter=1000)
    fitted = Fitted(words, chars, classifier, named_names(), params)
    classifier.fit(_design(fitted, texts, named), labels)
    return fitted


def pruned(texts: Sequence[str], named: Array, labels: Array, params: Params) -> Fitted:
    """Fit, drop the terms with a weight below ``PRUNE``, refit on the terms kept."""
    first = fit(texts, named, labels, params)
    weights = first.classifier.coef_[0]
    word_names = list(first.words.get_feature_names_out())
    char_names = list(first.chars.get_feature_names_out())
    keep_words = sorted(t for t, w in zip(word_names, weights, strict=False) if abs(w) >= PRUNE)
    char_weights = weights[len(word_names) : len(word_names) + len(char_names)]
    keep_chars = sorted(t for t, w in zip(char_names, char_weights, strict=True) if abs(w) >= PRUNE)
    kept = Params(params.penalty, params.named_scale, (keep_words, keep_chars))
    return fit(texts, named, labels, kept)


def scores(fitted: Fitted, texts: Sequence[str], named: Array) -> Array:
    """scikit-learn's probability of "check-worthy" for each sentence (no rule part)."""
    probabilities: Array = fitted.classifier.predict_proba(_design(fitted, texts, named))[:, 1]
    return probabilities


def best_threshold(probabilities: Array, labels: Array) -> tuple[float, float]:
    """The threshold (on a 0.01 grid) with the highest F1, and that F1."""
    best = (0.5, -1.0)
    for threshold in np.arange(0.05, 0.96, 0.01):
        predicted = probabilities >= threshold
        tp = int(np.sum(predicted & (labels == 1)))
        fp = int(np.sum(predicted & (labels == 0)))
        fn = int(np.sum(~predicted & (labels == 1)))
        f1 = prf(tp, fp, fn)[2]
        if f1 > best[1] + 1e-9:
            best = (round(float(threshold), 2), f1)
    return best


def out_of_fold(
    texts: Sequence[str], named: Array, labels: Array, cv: Array, params: Params, rules: Array
) -> tuple[Array, Array]:
    """Out-of-fold probabilities without and with the rule part of the logit."""
    plain = np.zeros(len(texts), dtype=np.float64)
    for part in range(CV_FOLDS):
        train = np.flatnonzero(cv != part)
        test = np.flatnonzero(cv == part)
        fitted = pruned([texts[i] for i in train], named[train], labels[train], params)
        plain[test] = scores(fitted, [texts[i] for i in test], named[test])
    logits = np.log(plain / (1.0 - plain)) + rules
    return plain, 1.0 / (1.0 + np.exp(-logits))


def export(fitted: Fitted, threshold: float, training: dict[str, Any]) -> dict[str, Any]:
    """The JSON object ``checkworthiness_model.model_from_json`` reads."""
    weights = fitted.classifier.coef_[0]
    word_names = list(fitted.words.get_feature_names_out())
    char_names = list(fitted.chars.get_feature_names_out())
    n_words, n_chars = len(word_names), len(char_names)

    def family(names: list[str], idf: Array, offset: int) -> dict[str, list[float]]:
        return {
            term: [round(float(idf[i]), DIGITS), round(float(weights[offset + i]), DIGITS)]
            for i, term in enumerate(names)
        }

    named = weights[n_words + n_chars :] * fitted.params.named_scale
    return {
        "version": "3",
        "description": "Learned check-worthiness model (audit.claim_extraction.checkworthiness_model): tf-idf "
        "of words and character n-grams plus named features, logistic regression trained on ClaimBuster "
        "folds 0-2 by tools/train_checkworthiness.py. Do not edit by hand.",
        "bias": round(float(fitted.classifier.intercept_[0]), DIGITS),
        "threshold": threshold,
        "named_features": {
            name: round(float(w), DIGITS) for name, w in zip(fitted.named, named, strict=True)
        },
        "words": family(word_names, fitted.words.idf_, 0),
        "chars": family(char_names, fitted.chars.idf_, n_words),
        "training": training,
    }


def model_text(model: dict[str, Any]) -> str:
    """The file's text: sorted keys, one line per term (``"term": [idf, weight]``), so a retrain diffs readably."""
    text = json.dumps(model, indent=1, sort_keys=True, ensure_ascii=False)
    return re.sub(r"\[\n\s*([^\[\]{}\n]+),\n\s*([^\[\]{}\n]+)\n\s*\]", r"[\1, \2]", text) + "\n"


def cv_fold(sentence_id: str) -> int:
    return int(hashlib.sha256(f"cv:{sentence_id}".encode()).hexdigest(), 16) % CV_FOLDS


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("eval_dir", type=Path, help="the evaluation folder (holds claims/claimbuster/)")
    parser.add_argument("--dry-run", action="store_true", help="print the cross-validation, write nothing")
    parser.add_argument(
        "--out", type=Path, default=MODEL_PATH, help="where to write the model (default: the package's)"
    )
    args = parser.parse_args(argv)
    rows = load_rows(args.eval_dir)
    if rows is None:
        print(f"no ClaimBuster data under {args.eval_dir}", file=sys.stderr)
        return 1
    train = [row for row in rows if fold(row.sentence_id) in TRAIN_FOLDS]
    texts = [row.text for row in train]
    labels = np.array([row.label for row in train], dtype=np.float64)
    named, rules = named_and_rules(texts)
    cv = np.array([cv_fold(row.sentence_id) for row in train])
    grid: list[dict[str, float]] = []
    for penalty in PENALTIES:
        for scale in NAMED_SCALES:
            plain, ruled = out_of_fold(texts, named, labels, cv, Params(penalty, scale), rules)
            threshold, f1 = best_threshold(ruled, labels)
            point = {"C": penalty, "named_scale": scale, "threshold": threshold, "cv_f1": round(f1, 4)}
            point["cv_f1_without_rules"] = round(best_threshold(plain, labels)[1], 4)
            grid.append(point)
            print(json.dumps(point), file=sys.stderr, flush=True)
    chosen = max(grid, key=lambda point: point["cv_f1"])  # max keeps the first of equals
    final = pruned(texts, named, labels, Params(chosen["C"], chosen["named_scale"]))
    training = {
        "data": "ClaimBuster 2.5xNCS, folds 0-2 (sha256(sentence_id) % 5 in {0, 1, 2})",
        "sentences": len(train),
        "positives": int(labels.sum()),
        "command": "python -m tools.train_checkworthiness EVAL_DIR",
        "min_df": MIN_DF,
        "prune": PRUNE,
        "cv_folds": CV_FOLDS,
        "cv_f1": chosen["cv_f1"],
        "grid": grid,
        "terms": {"words": len(final.words.vocabulary_), "chars": len(final.chars.vocabulary_)},
    }
    model = export(final, chosen["threshold"], training)
    print(json.dumps(training, indent=2))
    if not args.dry_run:
        args.out.write_text(model_text(model), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
