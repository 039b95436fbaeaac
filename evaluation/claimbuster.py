"""ClaimBuster 2.5xNCS: precision, recall and F1 of "is a check-worthy claim" on debate sentences.

Data: ``claims/claimbuster/claimbuster_2.5xNCS.csv`` in the eval folder (label 1 = check-worthy factual
sentence). Split by ``sentence_id`` into fifths (``evaluation.common.fold``): the learned model is trained on folds
0-2 (``TRAIN_FOLDS``, by ``python -m tools.train_checkworthiness``); ``run`` reports folds 3-4 as the held-out
figure (``claimbuster.heldout.*``), the training folds for reference (``claimbuster.dev.*``: in-sample, so
optimistic) and the training's own cross-validated F1 inside folds 0-2 (``claimbuster.fit.cv_f1``, read from the
model file: the honest estimate to set beside the held-out figure).
Each sentence is assessed with ``figures=extract_figures(sentence)`` and no dates or attribution, as the
pipeline would see a sentence whose date and attribution stages found nothing (the training saw the same).

Run: ``python -m evaluation.claimbuster [--split dev|heldout|both]`` (``--dev`` for folds 0-2).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.claim_extraction.checkworthiness import assess
from audit.claim_extraction.figures.mentions import extract_figures
from audit.data import load
from evaluation.common import fold, only_split, prf, task_main

DATA_FILE = Path("claims/claimbuster/claimbuster_2.5xNCS.csv")
TRAIN_FOLDS = frozenset({0, 1, 2})  # the model is trained on these fifths; 3 and 4 are held out


@dataclass(frozen=True)
class Row:
    sentence_id: str
    label: int
    text: str


def load_rows(root: Path) -> list[Row] | None:
    """All rows of the ClaimBuster file, or None when it is not in ``root``."""
    path = root / DATA_FILE
    if not path.is_file():
        return None
    with path.open(encoding="utf-8", newline="") as handle:
        return [Row(row["sentence_id"], int(row["label"]), row["text"]) for row in csv.DictReader(handle)]


def _score(rows: list[Row]) -> tuple[int, int, int, int]:
    tp = fp = fn = tn = 0
    for row in rows:
        predicted = assess(row.text, figures=extract_figures(row.text)).is_claim
        if predicted and row.label:
            tp += 1
        elif predicted:
            fp += 1
        elif row.label:
            fn += 1
        else:
            tn += 1
    return tp, fp, fn, tn


def run(root: Path) -> dict[str, float | int | str]:
    """Held-out P/R/F1 (folds 3-4), and the training folds' P/R/F1 for reference, of the claim decision."""
    rows = load_rows(root)
    if rows is None:
        return {"claimbuster.status": "missing"}
    metrics: dict[str, float | int | str] = {}
    for split, selected in (
        ("heldout", [row for row in rows if fold(row.sentence_id) not in TRAIN_FOLDS]),
        ("dev", [row for row in rows if fold(row.sentence_id) in TRAIN_FOLDS]),
    ):
        started = time.perf_counter()
        tp, fp, fn, tn = _score(selected)
        precision, recall, f1 = prf(tp, fp, fn)
        prefix = f"claimbuster.{split}"
        metrics[f"{prefix}.sentences"] = len(selected)
        metrics[f"{prefix}.precision"] = round(precision, 4)
        metrics[f"{prefix}.recall"] = round(recall, 4)
        metrics[f"{prefix}.f1"] = round(f1, 4)
        metrics[f"{prefix}.accuracy"] = round((tp + tn) / len(selected), 4) if selected else 0.0
        metrics[f"{prefix}.ms_per_sentence"] = round(
            1000 * (time.perf_counter() - started) / len(selected), 3
        )
    training = load("checkworthiness_model")["training"]
    metrics["claimbuster.fit.cv_f1"] = float(training["cv_f1"])
    metrics["claimbuster.fit.terms"] = sum(int(count) for count in training["terms"].values())
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    return task_main(
        __doc__,
        argv,
        "claimbuster",
        "claims/claimbuster",
        lambda root, split: only_split(run(root), split),
        ("dev", "heldout", "both"),
    )


if __name__ == "__main__":
    raise SystemExit(main())
