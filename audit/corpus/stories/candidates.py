"""Candidate pairs of texts without comparing every pair: an inverted index in sparse-matrix form.

Each text keeps its ``top_keys`` heaviest keys among those found in at most ``max_df`` texts, so one sparse
product costs the sum of df² over the kept keys, not n². Each text then keeps its ``per_document`` best partners
scoring at least ``min_score``. Deterministic: ties break on the partner's index.
"""

from __future__ import annotations

import numpy as np
import scipy.sparse as sp


def prune_rows(matrix: sp.csr_matrix, top_keys: int, max_df: int) -> sp.csr_matrix:
    """Each row's ``top_keys`` largest entries among columns found in at most ``max_df`` rows."""
    allowed = np.bincount(matrix.indices, minlength=matrix.shape[1]) <= max_df
    indptr = [0]
    indices: list[np.ndarray] = []
    data: list[np.ndarray] = []
    for row in range(matrix.shape[0]):
        lo, hi = matrix.indptr[row], matrix.indptr[row + 1]
        columns, values = matrix.indices[lo:hi], matrix.data[lo:hi]
        keep = allowed[columns]
        columns, values = columns[keep], values[keep]
        if len(columns) > top_keys:
            order = np.sort(np.lexsort((columns, -values))[:top_keys])
            columns, values = columns[order], values[order]
        indices.append(columns)
        data.append(values)
        indptr.append(indptr[-1] + len(columns))
    return sp.csr_matrix(
        (
            np.concatenate(data) if data else np.empty(0),
            np.concatenate(indices) if indices else np.empty(0, dtype=np.int64),
            np.array(indptr),
        ),
        shape=matrix.shape,
    )


def candidate_pairs(
    matrices: list[sp.csr_matrix],
    *,
    top_keys: int,
    max_df: int,
    min_score: float,
    per_document: int,
    block: int = 2000,
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs ``(i, j)``, ``i < j``, sharing heavy, not-too-common keys in any of ``matrices`` (same rows).

    The summed pruned products are the candidate score; a pair is kept when it scores at least ``min_score`` and
    is among the ``per_document`` best of either text. Sorted by ``(i, j)``.
    """
    n = matrices[0].shape[0]
    stacked = sp.hstack([prune_rows(m, top_keys, max_df) for m in matrices], format="csr")
    transposed = sp.csr_matrix(stacked.T)
    left: list[np.ndarray] = []
    right: list[np.ndarray] = []
    for start in range(0, n, block):
        product = sp.csr_matrix(stacked[start : start + block] @ transposed)
        product.sum_duplicates()
        for offset in range(product.shape[0]):
            row = start + offset
            lo, hi = product.indptr[offset], product.indptr[offset + 1]
            columns, values = product.indices[lo:hi], product.data[lo:hi]
            keep = (columns != row) & (values >= min_score)
            columns, values = columns[keep], values[keep]
            if len(columns) > per_document:
                columns = columns[np.lexsort((columns, -values))[:per_document]]
            left.append(np.full(len(columns), row, dtype=np.int64))
            right.append(columns.astype(np.int64))
    if not left or not sum(len(a) for a in left):
        return np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64)
    a, b = np.concatenate(left), np.concatenate(right)
    pairs = np.unique(np.stack([np.minimum(a, b), np.maximum(a, b)], axis=1), axis=0)
    return pairs[:, 0], pairs[:, 1]
