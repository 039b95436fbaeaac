"""Stories from a sparse graph of pair evidence: average linkage, so a chain of weak links makes no story.

Two groups merge only while the mean of their cross-pair evidence, counting every pair never scored as 0, is at
least ``threshold``. A chain A-B-C-D with links between neighbours only scores 1/4 between {A, B} and {C, D} and
stays split, while a clique merges; a topic (ten rumours about one product) splits into its stories when they
are tighter inside than across. Work is O(E log E) for E scored pairs (neighbour maps merged small into large);
ties break on the smaller indices, so the result is deterministic.
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence

import numpy as np


def average_linkage(
    n: int, left: np.ndarray, right: np.ndarray, scores: np.ndarray, threshold: float
) -> list[int]:
    """A cluster label per node: the smallest node index in its cluster. ``scores`` lie in [0, 1]."""
    size = [1] * n
    links: list[dict[int, float]] = [{} for _ in range(n)]
    for a, b, score in zip(left.tolist(), right.tolist(), scores.tolist(), strict=True):
        if a != b and score > 0:
            links[a][b] = links[a].get(b, 0.0) + score
            links[b][a] = links[b].get(a, 0.0) + score
    alive = [True] * n
    version = [0] * n
    heap = [
        (-total, a, b, 0, 0)
        for a in range(n)
        for b, total in links[a].items()
        if a < b and total >= threshold
    ]
    heapq.heapify(heap)
    members: list[list[int]] = [[i] for i in range(n)]
    while heap:
        _, a, b, version_a, version_b = heapq.heappop(heap)
        if not (alive[a] and alive[b]) or version[a] != version_a or version[b] != version_b:
            continue
        keep, gone = (a, b) if size[a] >= size[b] else (b, a)
        alive[gone] = False
        for other, total in links[gone].items():
            if other != keep:
                links[keep][other] = links[keep].get(other, 0.0) + total
                theirs = links[other]
                theirs[keep] = theirs.get(keep, 0.0) + theirs.pop(gone)
        links[keep].pop(gone, None)
        links[gone] = {}
        size[keep] += size[gone]
        members[keep].extend(members[gone])
        members[gone] = []
        version[keep] += 1
        for other, total in links[keep].items():
            if total / (size[keep] * size[other]) >= threshold:
                x, y = min(keep, other), max(keep, other)
                heapq.heappush(heap, (-total / (size[keep] * size[other]), x, y, version[x], version[y]))
    label = list(range(n))
    for root in range(n):
        if alive[root] and members[root]:
            smallest = min(members[root])
            for node in members[root]:
                label[node] = smallest
    return label


def attach_singletons(
    labels: Sequence[int], left: np.ndarray, right: np.ndarray, links: np.ndarray, min_links: int
) -> list[int]:
    """A node the linkage left alone joins the one cluster it has at least ``min_links`` pair-test links to (and
    more than to any other cluster). One hop only, decided on the labels before any attachment: an attached node
    attracts nothing, so no chain forms, and the order of the pairs does not matter."""
    size = Counter(labels)
    votes: dict[int, Counter[int]] = {}
    for a, b in zip(left[links].tolist(), right[links].tolist(), strict=True):
        for lone, other in ((a, b), (b, a)):
            if size[labels[lone]] == 1 and size[labels[other]] > 1:
                votes.setdefault(lone, Counter())[labels[other]] += 1
    out = list(labels)
    for lone, counter in votes.items():
        ranked = sorted(counter.items(), key=lambda item: (-item[1], item[0]))
        if ranked[0][1] >= min_links and (len(ranked) == 1 or ranked[1][1] < ranked[0][1]):
            out[lone] = ranked[0][0]
    return out
