"""Main-text extraction on the Zyte article-extraction benchmark (``eval/extraction``, 181 pages).

Metric (the benchmark's own, see its README): ``\\w+`` tokens, shingles of 4 tokens as multisets; per
page TP/FP/FN are normalised by their sum; precision and recall are averaged over pages, F1 from the
averages; a bootstrap standard deviation of F1 over pages (1,000 resamples, fixed seed).

Figures are reported for the held-out pages (``is_dev`` false), the development fifth and all pages,
with milliseconds per page (median) for parsing plus extraction.

Run: ``python -m evaluation.extraction [--split dev|heldout|all]``.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from audit.extract.html.article import main_text
from audit.extract.html.dom import parse_html
from evaluation.common import eval_root, is_dev

_TOKEN = re.compile(r"\w+")
BOOTSTRAP_SAMPLES = 1000


def shingles(text: str, size: int = 4) -> Counter[tuple[str, ...]]:
    """Multiset of token shingles; a text shorter than ``size`` tokens is one shingle."""
    tokens = _TOKEN.findall(text)
    if len(tokens) < size:
        return Counter([tuple(tokens)]) if tokens else Counter()
    return Counter(tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1))


def page_scores(prediction: str, gold: str) -> tuple[float | None, float | None]:
    """Per-page (precision, recall); None where the benchmark leaves the page out of that average.

    Precision counts only on pages with TP+FP > 0 and recall on pages with TP+FN > 0 (normalised
    counts); both are 1 when FP = FN = 0.
    """
    pred, ref = shingles(prediction), shingles(gold)
    tp = sum((pred & ref).values())
    fp = sum(pred.values()) - tp
    fn = sum(ref.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return None, None
    perfect = fp == 0 and fn == 0
    precision = (1.0 if perfect else tp / (tp + fp)) if tp + fp > 0 else None
    recall = (1.0 if perfect else tp / (tp + fn)) if tp + fn > 0 else None
    return precision, recall


def aggregate(scores: list[tuple[float | None, float | None]]) -> tuple[float, float, float]:
    """Mean precision, mean recall and F1 of the means."""
    precisions = [p for p, _ in scores if p is not None]
    recalls = [r for _, r in scores if r is not None]
    precision = statistics.fmean(precisions) if precisions else 0.0
    recall = statistics.fmean(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def bootstrap_f1_std(scores: list[tuple[float | None, float | None]], seed: int = 0) -> float:
    """Standard deviation of F1 over page resamples."""
    if len(scores) < 2:
        return 0.0
    rng = random.Random(seed)
    values = [aggregate(rng.choices(scores, k=len(scores)))[2] for _ in range(BOOTSTRAP_SAMPLES)]
    return statistics.pstdev(values)


def run(root: Path, split: str = "both") -> dict[str, float | int | str]:
    """Score :func:`audit.extract.html.article.main_text` on the benchmark; ``split`` is dev, heldout, all or both."""
    folder = root / "extraction"
    gold_path = folder / "ground-truth.json"
    if not gold_path.is_file():
        return {}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    wanted = {"dev": (True,), "heldout": (False,), "all": (True, False), "both": (True, False)}[split]
    by_split: dict[str, list[tuple[float | None, float | None]]] = {"heldout": [], "dev": [], "all": []}
    timings: list[float] = []
    for doc_id in sorted(gold):
        dev = is_dev(doc_id)
        if dev not in wanted:
            continue
        html = gzip.decompress((folder / "html" / f"{doc_id}.html.gz").read_bytes()).decode(
            "utf-8", "replace"
        )
        started = time.perf_counter()
        parsed = parse_html(html)
        text = main_text(parsed.tree, url=gold[doc_id].get("url")) if parsed.tree is not None else ""
        timings.append((time.perf_counter() - started) * 1000)
        score = page_scores(text, gold[doc_id]["articleBody"])
        by_split["dev" if dev else "heldout"].append(score)
        by_split["all"].append(score)
    metrics: dict[str, float | int | str] = {}
    for name, scores in by_split.items():
        if not scores:
            continue
        precision, recall, f1 = aggregate(scores)
        metrics[f"extraction.{name}.pages"] = len(scores)
        metrics[f"extraction.{name}.precision"] = round(precision, 4)
        metrics[f"extraction.{name}.recall"] = round(recall, 4)
        metrics[f"extraction.{name}.f1"] = round(f1, 4)
        metrics[f"extraction.{name}.f1_bootstrap_std"] = round(bootstrap_f1_std(scores), 4)
    if timings:
        metrics["extraction.ms_per_page_median"] = round(statistics.median(timings), 1)
        metrics["extraction.ms_per_page_mean"] = round(statistics.fmean(timings), 1)
    return metrics


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--split", choices=["dev", "heldout", "all", "both"], default="both")
    args = parser.parse_args(argv)
    root = eval_root()
    if root is None:
        print("{}")
        return 0
    json.dump(run(root, args.split), sys.stdout, indent=2, sort_keys=True)
    print()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
