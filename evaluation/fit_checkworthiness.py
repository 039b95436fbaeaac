"""Fit the check-worthiness weights on the development fifth of ClaimBuster (reproducible).

L2-regularised logistic regression (numpy + scipy L-BFGS, no scikit-learn) over two families of inputs:
the transparent features of ``audit.claim_extraction.checkworthiness`` (penalty ``--l2``) and the lexical cue terms
(``cue_terms``; own penalty, each 0/1 column scaled by its naive-Bayes log-count ratio, ``log_count_ratio``;
the JSON stores the resulting weight of the plain 0/1 indicator, so ``assess`` just adds it up). Held-out sentences are never read here. Steps:

1. the development sentences are cut into ``FOLDS`` folds by ``sha256("cv:" + sentence_id)``;
2. for every (vocabulary size, word penalty) of the grid, each fold is scored by a model fitted on the other
   folds, whose vocabulary is chosen on those other folds only (terms in at least ``MIN_DF`` sentences,
   ranked by |smoothed log-odds of label 1| × sqrt(document frequency), ties by the term);
3. the simplest grid point (smaller vocabulary, then stronger penalty) whose pooled out-of-fold F1 is within
   ``CV_TOLERANCE`` of the best wins,
   and its decision threshold is the one maximising that out-of-fold F1, so the threshold is never chosen
   on sentences the weights were fitted on;
4. the final model is fitted on the whole development fifth with the winning settings; terms whose rounded
   weight is 0 are dropped.

Only ``weights``, ``word_weights``, ``bias``, ``threshold`` and ``fit`` of ``audit/data/checkworthiness.json``
are rewritten; lexicons and hand-set ``rule_weights`` are left as they are. Rerunning rewrites the file byte
for byte.

Run: ``python -m evaluation.fit_checkworthiness [--l2 1.0] [--dry-run]``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import sys
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize  # type: ignore[import-untyped]

from audit.claim_extraction.checkworthiness import cue_terms, feature_values, load_config
from audit.claim_extraction.figures.mentions import extract_figures
from evaluation.claimbuster import load_rows
from evaluation.common import PROJECT_ROOT, eval_root, is_dev, prf

CONFIG_PATH = PROJECT_ROOT / "audit" / "data" / "checkworthiness.json"
FOLDS = 5
MIN_DF = 3
VOCABULARY_SIZES = (500, 1000, 2000)
WORD_PENALTIES = (1.0, 3.0, 10.0)
CV_TOLERANCE = 0.0025  # grid points this close to the best CV F1 count as equal (prefer the simpler)
Array = npt.NDArray[np.float64]


def fit_logistic(x: Array, y: Array, l2: float | Array) -> tuple[Array, float]:
    """Weights and bias minimising mean log-loss + sum(l2 * w²)/n (``l2`` per column or one for all;
    the bias is not penalised)."""
    n, d = x.shape
    penalty = np.broadcast_to(np.asarray(l2, dtype=np.float64), (d,))

    def loss(params: Array) -> tuple[float, Array]:
        w, b = params[:d], params[d]
        z = np.clip(x @ w + b, -30.0, 30.0)
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + float(penalty @ (w * w)) / n
        grad_z = (p - y) / n
        grad = np.concatenate([x.T @ grad_z + 2 * penalty * w / n, [grad_z.sum()]])
        return float(value), grad

    result = minimize(loss, np.zeros(d + 1), jac=True, method="L-BFGS-B")
    params: Array = result.x
    return params[:d], float(params[d])


def best_threshold(scores: Array, y: Array) -> tuple[float, float]:
    """The threshold (on a 0.01 grid) with the highest F1, and that F1."""
    best = (0.5, -1.0)
    for threshold in np.arange(0.05, 0.96, 0.01):
        predicted = scores >= threshold
        tp = int(np.sum(predicted & (y == 1)))
        fp = int(np.sum(predicted & (y == 0)))
        fn = int(np.sum(~predicted & (y == 1)))
        f1 = prf(tp, fp, fn)[2]
        if f1 > best[1] + 1e-9:
            best = (round(float(threshold), 2), f1)
    return best


def choose_vocabulary(
    terms: Sequence[frozenset[str]], y: Array, size: int, excluded: frozenset[str] = frozenset()
) -> list[str]:
    """The ``size`` terms that best separate the labels (in at least ``MIN_DF`` sentences).

    A term containing an ``excluded`` word is never chosen: obligation modals ("should", "must") make a
    call to action, which is a non-claim by definition and decided by rule, whatever debates suggest.
    """
    df: Counter[str] = Counter(term for sentence in terms for term in sentence)
    positive: Counter[str] = Counter(
        term for sentence, label in zip(terms, y, strict=True) if label == 1 for term in sentence
    )
    n_pos = float(np.sum(y == 1))
    n_neg = float(len(y)) - n_pos

    def strength(term: str) -> float:
        rate_pos = (positive[term] + 1) / (n_pos + 2)
        rate_neg = (df[term] - positive[term] + 1) / (n_neg + 2)
        return abs(math.log(rate_pos / rate_neg)) * math.sqrt(df[term])

    candidates = sorted(
        (term for term, count in df.items() if count >= MIN_DF and excluded.isdisjoint(term.split())),
        key=lambda t: (-strength(t), t),
    )
    return candidates[:size]


def term_matrix(terms: Sequence[frozenset[str]], vocabulary: Sequence[str]) -> Array:
    index = {term: column for column, term in enumerate(vocabulary)}
    matrix = np.zeros((len(terms), len(vocabulary)), dtype=np.float64)
    for row, sentence in enumerate(terms):
        for term in sentence:
            if term in index:
                matrix[row, index[term]] = 1.0
    return matrix


def log_count_ratio(matrix: Array, y: Array) -> Array:
    """Per term, log of (share among label-1 term occurrences) / (share among label-0 ones), add-one smoothed.

    The lexical columns are multiplied by this before the logistic fit (the NBSVM recipe of Wang and
    Manning, 2012): the penalty then shrinks each word towards its naive-Bayes evidence rather than
    towards zero, which is what a small training set needs.
    """
    positive = 1.0 + matrix[y == 1].sum(axis=0)
    negative = 1.0 + matrix[y == 0].sum(axis=0)
    ratio: Array = np.log((positive / positive.sum()) / (negative / negative.sum()))
    return ratio


def _fit_combined(
    x: Array, terms: Sequence[frozenset[str]], y: Array, size: int, l2: float, l2_words: float
) -> tuple[list[str], Array, float]:
    """Vocabulary, weights (transparent features, then one EFFECTIVE weight per word) and bias."""
    excluded = frozenset(load_config()["lexicons"]["word_cue_exclusions"])
    vocabulary = choose_vocabulary(terms, y, size, excluded)
    words = term_matrix(terms, vocabulary)
    ratio = log_count_ratio(words, y)
    design = np.hstack([x, words * ratio])
    penalty = np.concatenate([np.full(x.shape[1], l2), np.full(len(vocabulary), l2_words)])
    weights, bias = fit_logistic(design, y, penalty)
    weights[x.shape[1] :] *= ratio  # the weight of the 0/1 indicator, as ``assess`` applies it
    return vocabulary, weights, bias


def cross_validate(
    x: Array, terms: Sequence[frozenset[str]], y: Array, folds: Array, size: int, l2: float, l2_words: float
) -> Array:
    """Out-of-fold scores: each fold scored by a model (vocabulary included) fitted on the others."""
    scores = np.zeros(len(y), dtype=np.float64)
    for fold in range(FOLDS):
        train = [int(i) for i in np.flatnonzero(folds != fold)]
        test = [int(i) for i in np.flatnonzero(folds == fold)]
        vocabulary, weights, bias = _fit_combined(
            x[train], [terms[i] for i in train], y[train], size, l2, l2_words
        )
        design = np.hstack([x[test], term_matrix([terms[i] for i in test], vocabulary)])
        scores[test] = 1.0 / (1.0 + np.exp(-(design @ weights + bias)))
    return scores


def cv_fold(sentence_id: str) -> int:
    return int(hashlib.sha256(f"cv:{sentence_id}".encode()).hexdigest(), 16) % FOLDS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0, help="penalty of the transparent features")
    parser.add_argument("--dry-run", action="store_true", help="print the fit, do not write the JSON")
    args = parser.parse_args(argv)
    root = eval_root()
    rows = load_rows(root) if root is not None else None
    if rows is None:
        print("no ClaimBuster data; nothing fitted", file=sys.stderr)
        return 0
    config: dict[str, Any] = load_config()
    names: list[str] = list(config["features"])
    dev = [row for row in rows if is_dev(row.sentence_id)]
    x = np.array(
        [
            [feature_values(row.text, figures=extract_figures(row.text))[name] for name in names]
            for row in dev
        ],
        dtype=np.float64,
    )
    y = np.array([row.label for row in dev], dtype=np.float64)
    terms = [cue_terms(row.text) for row in dev]
    folds = np.array([cv_fold(row.sentence_id) for row in dev])
    # 1-3. the grid, scored by pooled out-of-fold F1
    grid: list[dict[str, float]] = []
    for size in VOCABULARY_SIZES:
        for l2_words in sorted(WORD_PENALTIES, reverse=True):
            threshold, f1 = best_threshold(cross_validate(x, terms, y, folds, size, args.l2, l2_words), y)
            grid.append(
                {"vocabulary": size, "l2_words": l2_words, "threshold": threshold, "cv_f1": round(f1, 4)}
            )
            print(json.dumps(grid[-1]), file=sys.stderr)
    best_f1 = max(point["cv_f1"] for point in grid)
    # the first near-best point: the smallest vocabulary, then the strongest penalty
    chosen = next(point for point in grid if point["cv_f1"] >= best_f1 - CV_TOLERANCE)
    size, l2_words = int(chosen["vocabulary"]), chosen["l2_words"]
    # 4. the final fit on the whole development fifth
    vocabulary, weights, bias = _fit_combined(x, terms, y, size, args.l2, l2_words)
    dense, words = weights[: len(names)], weights[len(names) :]
    config["weights"] = {name: round(float(w), 4) for name, w in zip(names, dense, strict=True)}
    config["word_weights"] = {
        term: round(float(w), 4)
        for term, w in sorted(zip(vocabulary, words, strict=True))
        if round(float(w), 4) != 0.0
    }
    config["bias"] = round(bias, 4)
    config["threshold"] = chosen["threshold"]
    config["fit"] = {
        "data": "ClaimBuster 2.5xNCS, development fifth (sha256(sentence_id) % 5 == 0)",
        "sentences": len(dev),
        "positives": int(y.sum()),
        "l2": args.l2,
        "l2_words": l2_words,
        "vocabulary": size,
        "min_df": MIN_DF,
        "cv_folds": FOLDS,
        "cv_f1_at_threshold": chosen["cv_f1"],
        "grid": grid,
        "command": "python -m evaluation.fit_checkworthiness",
    }
    summary = {k: config[k] for k in ("weights", "bias", "threshold", "fit")}
    print(json.dumps(summary, indent=2))
    if not args.dry_run:
        CONFIG_PATH.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
