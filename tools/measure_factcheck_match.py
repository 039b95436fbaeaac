"""Measure the fact-check match on the hand-made pairs of ``tests/store/factcheck_pairs.json``.

    python -m tools.measure_factcheck_match

Prints a Markdown table (for docs/store.md): for each pair, the WordLlama cosine the match uses, a character 3–5-gram
TF-IDF cosine for comparison (the other offline option: it scores shared spelling, not meaning), whether the numbers
agree, and whether the pair is matched; then recall and false matches at the configured threshold.
"""

from __future__ import annotations

import collections
import json
import math
import re
from pathlib import Path

from audit.store.factcheck import agrees, embed, facts_of
from audit.store.ratings import scale

_SPACE = re.compile(r"\s+")
PAIRS = Path(__file__).resolve().parent.parent / "tests" / "store" / "factcheck_pairs.json"


def _grams(text: str) -> collections.Counter[str]:
    padded = " " + _SPACE.sub(" ", text.lower()) + " "
    return collections.Counter(padded[i : i + n] for n in (3, 4, 5) for i in range(len(padded) - n + 1))


def tfidf_cosines(pairs: list[tuple[str, str]]) -> list[float]:
    documents = [_grams(text) for pair in pairs for text in pair]
    frequency = collections.Counter(gram for document in documents for gram in document)
    total = len(documents)

    def vector(counts: collections.Counter[str]) -> dict[str, float]:
        return {g: n * math.log((total + 1) / (frequency[g] + 1) + 1) for g, n in counts.items()}

    out = []
    for a, b in pairs:
        va, vb = vector(_grams(a)), vector(_grams(b))
        dot = sum(value * vb.get(gram, 0.0) for gram, value in va.items())
        norm = math.sqrt(sum(v * v for v in va.values()) * sum(v * v for v in vb.values()))
        out.append(dot / norm if norm else 0.0)
    return out


def main() -> None:
    pairs = json.loads(PAIRS.read_text(encoding="utf-8"))["pairs"]
    texts = [(p["fact_check"], p["claim"]) for p in pairs]
    left, right = embed([a for a, _ in texts]), embed([b for _, b in texts])
    meaning = [float(left[i] @ right[i]) for i in range(len(texts))]
    spelling = tfidf_cosines(texts)
    minimum = scale().match_min_similarity
    print(
        "| same claim? | fact-check | article sentence | WordLlama | char TF-IDF | numbers agree | matched |"
    )
    print("|---|---|---|---:|---:|---|---|")
    caught = false = 0
    for pair, score, tfidf in zip(pairs, meaning, spelling, strict=True):
        numbers = agrees(facts_of(pair["fact_check"]), facts_of(pair["claim"]))
        matched = score >= minimum and numbers
        caught += matched and pair["same"]
        false += matched and not pair["same"]
        print(
            f"| {'yes' if pair['same'] else 'no'} | {pair['fact_check']} | {pair['claim']} | {score:.3f} | "
            f"{tfidf:.3f} | {'yes' if numbers else 'no'} | {'**yes**' if matched else 'no'} |"
        )
    positives = sum(1 for p in pairs if p["same"])
    print(
        f"\nAt {minimum}: {caught} of {positives} same-claim pairs matched, {false} of {len(pairs) - positives} others."
    )


if __name__ == "__main__":
    main()
