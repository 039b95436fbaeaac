"""Fit the check-worthiness weights on the development fifth of ClaimBuster (reproducible).

L2-regularised logistic regression over the transparent features of ``audit.checkworthiness`` (numpy +
scipy L-BFGS, no scikit-learn), then the decision threshold that maximises F1 on the same development
sentences. Only ``weights``, ``bias``, ``threshold`` and ``fit`` of ``audit/data/checkworthiness.json``
are rewritten; lexicons and hand-set ``rule_weights`` are left as they are. Held-out sentences are never
read here.

Run: ``python -m audit.evaluation.fit_checkworthiness [--l2 1.0] [--dry-run]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

import numpy as np
import numpy.typing as npt
from scipy.optimize import minimize  # type: ignore[import-untyped]

from audit.checkworthiness import feature_values, load_config
from audit.evaluation.claimbuster import load_rows
from audit.evaluation.common import PROJECT_ROOT, eval_root, is_dev, prf
from audit.figures import extract_figures

CONFIG_PATH = PROJECT_ROOT / "audit" / "data" / "checkworthiness.json"
Array = npt.NDArray[np.float64]


def fit_logistic(x: Array, y: Array, l2: float) -> tuple[Array, float]:
    """Weights and bias minimising mean log-loss + ``l2``/n * ||w||² (the bias is not penalised)."""
    n, d = x.shape

    def loss(params: Array) -> tuple[float, Array]:
        w, b = params[:d], params[d]
        z = x @ w + b
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -np.mean(y * np.log(p + eps) + (1 - y) * np.log(1 - p + eps)) + l2 / n * float(w @ w)
        grad_z = (p - y) / n
        grad = np.concatenate([x.T @ grad_z + 2 * l2 / n * w, [grad_z.sum()]])
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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--l2", type=float, default=1.0)
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
    weights, bias = fit_logistic(x, y, args.l2)
    scores = 1.0 / (1.0 + np.exp(-(x @ weights + bias)))
    threshold, f1 = best_threshold(scores, y)
    config["weights"] = {name: round(float(w), 4) for name, w in zip(names, weights, strict=True)}
    config["bias"] = round(bias, 4)
    config["threshold"] = threshold
    config["fit"] = {
        "data": "ClaimBuster 2.5xNCS, development fifth (sha256(sentence_id) % 5 == 0)",
        "sentences": len(dev),
        "positives": int(y.sum()),
        "l2": args.l2,
        "dev_f1_at_threshold": round(f1, 4),
        "command": "python -m audit.evaluation.fit_checkworthiness",
    }
    print(json.dumps({k: config[k] for k in ("weights", "bias", "threshold", "fit")}, indent=2))
    if not args.dry_run:
        CONFIG_PATH.write_text(json.dumps(config, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
