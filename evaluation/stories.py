"""The same-story test measured on FNC-1: bodies related to one claim are one story.

FNC-1's competition test set pairs headlines (Emergent claims) with article bodies from many outlets. The stories
are the connected components of the headline-body graph of the related pairs; bodies of different components are
different stories. A component is development when ``sha256(str(smallest body id)) % 5 == 0`` (``is_dev``); the
rest is held out. Each part's bodies are audited as one corpus (no publication dates: FNC-1 has none) through
``audit.corpus.stories.assign.story_labels``, and scored pairwise over all body pairs of the part:

- ``precision``/``recall``: two bodies are predicted same-story when they share a story (after clustering);
- ``pair_precision``/``pair_recall``: the pair test alone (a pair never scored counts as "no").

Run: ``python -m evaluation.stories [--split dev|heldout|both]``. The method was chosen in a research prototype
after a look at an earlier version's held-out errors (docs/quality.md): these held-out figures are optimistic.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from audit.corpus.stories.assign import Document, score_pairs, settings, story_labels
from evaluation.common import is_dev, only_split, prf, task_main

FOLDER = Path("claims") / "fnc1"


def components(folder: Path) -> list[tuple[int, ...]]:
    """The bodies of each connected component of the headline-body graph, sorted, by smallest body id."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    with (folder / "fnc1_competition_test_related_stances.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            a, b = find("h:" + row["Headline"]), find("b:" + row["Body ID"])
            if a != b:
                parent[a] = b
    groups: dict[str, list[int]] = defaultdict(list)
    for node in list(parent):
        if node.startswith("b:"):
            groups[find(node)].append(int(node[2:]))
    return sorted((tuple(sorted(bodies)) for bodies in groups.values()), key=lambda bodies: bodies[0])


def bodies(folder: Path) -> dict[int, str]:
    with (folder / "fnc1_competition_test_bodies_related.csv").open(encoding="utf-8", newline="") as handle:
        return {int(row["Body ID"]): row["articleBody"] for row in csv.DictReader(handle)}


def pairwise(labels: Sequence[int], truth: Sequence[int]) -> tuple[int, int, int]:
    """True positive, false positive and false negative pairs of a clustering against the true clusters."""

    def pairs(count: int) -> int:
        return count * (count - 1) // 2

    tp = sum(pairs(c) for c in Counter(zip(labels, truth, strict=True)).values())
    fp = sum(pairs(c) for c in Counter(labels).values()) - tp
    fn = sum(pairs(c) for c in Counter(truth).values()) - tp
    return tp, fp, fn


def _score(texts: list[str], truth: list[int], prefix: str) -> dict[str, float | int | str]:
    documents = [Document(text) for text in texts]
    labels = story_labels(documents)
    tp, fp, fn = pairwise(labels, truth)
    precision, recall, _ = prf(tp, fp, fn)
    pairs = score_pairs(documents)
    linked = pairs.linked
    same = [truth[i] == truth[j] for i, j in zip(pairs.left.tolist(), pairs.right.tolist(), strict=True)]
    pair_tp = sum(1 for s, link in zip(same, linked.tolist(), strict=True) if s and link)
    pair_fp = int(linked.sum()) - pair_tp
    pair_precision, pair_recall, _ = prf(pair_tp, pair_fp, tp + fn - pair_tp)
    return {
        prefix + "bodies": len(texts),
        prefix + "stories": len(set(truth)),
        prefix + "same_story_pairs": tp + fn,
        prefix + "precision": round(precision, 4),
        prefix + "recall": round(recall, 4),
        prefix + "pair_precision": round(pair_precision, 4),
        prefix + "pair_recall": round(pair_recall, 4),
        prefix + "candidate_recall": round(sum(same) / (tp + fn), 4) if tp + fn else 0.0,
    }


def run(root: Path, split: str = "both") -> dict[str, float | int | str]:
    """Pairwise same-story precision and recall on the development and the held-out components."""
    folder = root / FOLDER
    text_of = bodies(folder)
    parts: dict[str, tuple[list[str], list[int]]] = {"dev": ([], []), "heldout": ([], [])}
    for number, members in enumerate(components(folder)):
        texts, truth = parts["dev" if is_dev(str(members[0])) else "heldout"]
        for body in members:
            texts.append(text_of[body])
            truth.append(number)
    metrics: dict[str, float | int | str] = {
        "stories.note": f"FNC-1 components, pairwise over all body pairs of the part; text_link "
        f"{settings().text_link}; held-out figures are post hoc (docs/quality.md)",
    }
    for name, (texts, truth) in parts.items():
        if split in (name, "both"):
            metrics.update(_score(texts, truth, f"stories.{name}."))
    return metrics


def main(argv: Sequence[str] | None = None) -> int:
    return task_main(
        __doc__,
        argv,
        "stories",
        str(FOLDER),
        lambda root, split: only_split(run(root, split), split),
        ("dev", "heldout", "both"),
    )


if __name__ == "__main__":
    raise SystemExit(main())
