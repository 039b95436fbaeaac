"""ClaimBuster 2.5xNCS: precision, recall and F1 of "is a check-worthy claim" on debate sentences.

Data: ``claims/claimbuster/claimbuster_2.5xNCS.csv`` in the eval folder (label 1 = check-worthy factual
sentence). Split by ``sentence_id``: the development fifth (``is_dev``) is what
``fit_checkworthiness.py`` fits on; ``run`` reports the held-out rest, the dev figures for reference (in-sample,
so optimistic) and the fit's own cross-validated dev F1 (``claimbuster.fit.cv_f1``, read from the JSON: the
honest dev estimate to set beside the held-out figure).
Each sentence is assessed with ``figures=extract_figures(sentence)`` and no dates or attribution, as the
pipeline would see a sentence whose date and attribution stages found nothing.

Run: ``python -m evaluation.claimbuster [--split dev|heldout|both]`` (``--dev`` for the development fifth).
"""

from __future__ import annotations

import csv
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from audit.claim_extraction.checkworthiness import assess, load_config
from audit.claim_extraction.figures.mentions import extract_figures
from evaluation.common import is_dev, only_split, prf, task_main

DATA_FILE = Path("claims/claimbuster/claimbuster_2.5xNCS.csv")


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
    """Held-out P/R/F1 (and dev P/R/F1 for reference) of the claim decision."""
    rows = load_rows(root)
    if rows is None:
        return {"claimbuster.status": "missing"}
    metrics: dict[str, float | int | str] = {}
    for split, selected in (
        ("heldout", [row for row in rows if not is_dev(row.sentence_id)]),
        ("dev", [row for row in rows if is_dev(row.sentence_id)]),
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
    config = load_config()
    fit = config.get("fit", {})
    if "cv_f1_at_threshold" in fit:
        metrics["claimbuster.fit.cv_f1"] = float(fit["cv_f1_at_threshold"])
        metrics["claimbuster.fit.vocabulary"] = len(config.get("word_weights", {}))
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
