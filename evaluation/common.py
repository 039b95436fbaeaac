"""Shared helpers for the evaluation tasks: where the data is and how it is split."""

from __future__ import annotations

import argparse
import hashlib
import json
import os
from collections.abc import Callable, Sequence
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]


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


def fold(doc_id: str) -> int:
    """The fifth a document falls in: ``sha256(id) % 5`` (0 is the development fifth)."""
    return int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 5


def is_dev(doc_id: str) -> bool:
    """The development fifth (``sha256(id) % 5 == 0``): for tuning. Everything else is held out."""
    return fold(doc_id) == 0


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def split_parser(doc: str | None, splits: tuple[str, ...] = ("dev", "heldout")) -> argparse.ArgumentParser:
    """The command line every task shares: ``--split`` (``--dev`` is short for ``--split dev``).

    The default is the held-out part; unknown options are an error, so a mistyped flag never prints
    held-out figures to someone who asked for the development fifth.
    """
    parser = argparse.ArgumentParser(description=doc.splitlines()[0] if doc else None)
    default = "heldout" if "heldout" in splits else splits[-1]
    parser.add_argument(
        "--split", choices=splits, default=default, help=f"which part to score (default {default})"
    )
    parser.add_argument("--dev", dest="split", action="store_const", const="dev", help="same as --split dev")
    return parser


def only_split(metrics: dict[str, float | int | str], split: str) -> dict[str, float | int | str]:
    """The metrics of one part: keys naming another part (``.dev.``, ``.heldout.``, ``.all.``) are left out."""
    if split == "both":
        return metrics
    others = [f".{part}." for part in ("dev", "heldout", "all") if part != split]
    return {key: value for key, value in metrics.items() if not any(other in f"{key}." for other in others)}


def task_main(
    doc: str | None,
    argv: Sequence[str] | None,
    task: str,
    folder: str,
    run: Callable[[Path, str], dict[str, float | int | str]],
    splits: tuple[str, ...] = ("dev", "heldout"),
) -> int:
    """A task's command line: parse ``--split``, skip cleanly when ``folder`` is missing, print the metrics."""
    split = split_parser(doc, splits).parse_args(None if argv is None else list(argv)).split
    root = eval_root()
    if root is None or not (root / folder).is_dir():
        print(json.dumps({f"{task}.skipped": "no eval data"}))
        return 0
    print(json.dumps(run(root, split), indent=2))
    return 0
