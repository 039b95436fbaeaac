"""Shared helpers for the evaluation tasks: where the data is and how it is split."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


def eval_root() -> Path | None:
    """The public eval folder: ``$AUDIT_EVAL_DIR``, or ``../shared/eval`` beside the project; None if absent."""
    env = os.environ.get("AUDIT_EVAL_DIR")
    candidates = [Path(env)] if env else []
    # beside the project: from a source checkout, and from the working directory when the package is installed
    candidates += [PROJECT_ROOT.parent / "shared" / "eval", Path.cwd().parent / "shared" / "eval"]
    for candidate in candidates:
        if candidate.is_dir():
            return candidate
    return None


def is_dev(doc_id: str) -> bool:
    """The development fifth (``sha256(id) % 5 == 0``): for tuning. Everything else is held out."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 5 == 0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
