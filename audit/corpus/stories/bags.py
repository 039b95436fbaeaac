"""Sparse TF-IDF bags of keys (content words, name keys), with general-language frequencies as an IDF prior.

Rows are L2-normalised, so the dot product of two rows is their cosine. The IDF of a corpus of five pages says
little ("Trump" would be as rare as "Ramaswamy"), so general English word frequencies from the ``wordfreq``
package (its code is Apache-2.0, its data CC-BY-SA 4.0: the package is a dependency, its table is not copied)
are added as ``background_documents`` pseudo-documents: a word of frequency f counts as found in
``background_documents * (1 - exp(-f * background_length))`` of them. Columns are numbered in sorted key order,
so the result never depends on input order beyond the rows.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
import scipy.sparse as sp
from wordfreq import get_frequency_dict


@dataclass(frozen=True, slots=True)
class Prior:
    """General word frequencies and how many pseudo-documents of how many words they stand for."""

    frequency: Mapping[str, float]
    documents: int
    length: int


@cache
def general_frequencies(language: str, wordlist: str) -> Mapping[str, float]:
    """wordfreq's frequency table (``small`` is its ~29k commonest words; rarer words count as 0)."""
    table: dict[str, float] = get_frequency_dict(language, wordlist)
    return table


def _background_df(keys: Sequence[str], prior: Prior) -> dict[str, int]:
    """Pseudo document frequencies: a name key ``w:trump`` uses "trump", ``n:joan rivers`` its rarest word's."""
    out: dict[str, int] = {}
    for key in keys:
        word = key[2:] if key[:2] in ("w:", "n:") else key
        f = min((prior.frequency.get(w, 0.0) for w in word.split()), default=0.0)
        out[key] = round(prior.documents * (1.0 - math.exp(-f * prior.length)))
    return out


def weighted_bags(
    documents: Sequence[Sequence[str]], prior: Prior | None = None, *, binary: bool = False
) -> sp.csr_matrix:
    """L2-normalised TF-IDF rows: tf ``1 + log(count)`` (or 1 when ``binary``), idf ``log((1 + N) / (1 + df)) + 1``
    with N and df counting the prior's pseudo-documents too."""
    counts = [Counter(doc) for doc in documents]
    df_counter: Counter[str] = Counter()
    for count in counts:
        df_counter.update(count.keys())
    keys = sorted(df_counter)
    extra = _background_df(keys, prior) if prior is not None else {}
    n = len(documents) + (prior.documents if prior is not None else 0)
    vocabulary = {key: i for i, key in enumerate(keys)}
    df = np.array([df_counter[k] + extra.get(k, 0) for k in keys], dtype=np.float64)
    idf = np.log((1.0 + n) / (1.0 + df)) + 1.0
    indptr = [0]
    indices: list[int] = []
    data: list[float] = []
    for count in counts:
        for column, c in sorted((vocabulary[k], c) for k, c in count.items()):
            indices.append(column)
            data.append((1.0 if binary else 1.0 + math.log(c)) * float(idf[column]))
        indptr.append(len(indices))
    matrix = sp.csr_matrix(
        (
            np.array(data, dtype=np.float64),
            np.array(indices, dtype=np.int64),
            np.array(indptr, dtype=np.int64),
        ),
        shape=(len(documents), len(keys)),
    )
    return l2_normalised(matrix)


def l2_normalised(matrix: sp.csr_matrix) -> sp.csr_matrix:
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sp.csr_matrix(sp.diags(1.0 / norms) @ matrix)


def pair_cosines(
    matrix: sp.csr_matrix, left: np.ndarray, right: np.ndarray, chunk: int = 50_000
) -> np.ndarray:
    """The cosine of rows ``left[k]`` and ``right[k]`` for each k (rows already L2-normalised)."""
    out = np.empty(len(left), dtype=np.float64)
    for start in range(0, len(left), chunk):
        a = matrix[left[start : start + chunk]]
        b = matrix[right[start : start + chunk]]
        out[start : start + chunk] = np.asarray(a.multiply(b).sum(axis=1)).ravel()
    return out
