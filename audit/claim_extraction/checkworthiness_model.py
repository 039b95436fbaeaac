"""The learned check-worthiness model: a logistic regression over words, character n-grams and named features.

The model is trained by ``python -m tools.train_checkworthiness EVAL_DIR`` (scikit-learn, a development
dependency) on folds 0-2 of ClaimBuster and exported to ``audit/data/checkworthiness_model.json``; this module
scores with that file alone, so scikit-learn is never needed at run time. The scoring is scikit-learn's, step for
step (a test checks both agree to 1e-6):

1. two term families, each a ``TfidfVectorizer`` with the analyzer below: ``word_terms`` (lower-cased words,
   numbers as ``<num>`` or ``<year>``, and adjacent pairs, ``<s>`` marking the start) and ``char_terms``
   (character n-grams inside word boundaries, scikit-learn's ``char_wb``);
2. per family, each known term's value is ``(1 + ln count) * idf`` and the family's vector is scaled to unit
   length (``sublinear_tf``, L2 norm; terms outside the exported vocabulary count for nothing);
3. the named features of ``checkworthiness.feature_values`` (a figure, a past-tense verb, a comparison ...) enter
   with one weight each (the exported weight already includes the scale they were trained at);
4. the logit is the sum of the families' dot products with their weights, the named features' part and the bias.

The decision threshold is in the model file, chosen by cross-validation inside folds 0-2.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.data import load

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|\d[\d,.]*|[$%€£?!]")
_YEAR_RE = re.compile(r"(?:1[6-9]\d\d|20\d\d)s?")
_SPACES_RE = re.compile(r"\s\s+")
CHAR_NGRAMS = (2, 5)  # the n-gram lengths of ``char_terms`` (the trainer uses the same)


def word_terms(sentence: str) -> list[str]:
    """Normalised words and adjacent word pairs, in order (a term repeats when its words repeat)."""
    words: list[str] = []
    for token in _WORD_RE.findall(sentence):
        lower = token.lower().replace("’", "'")
        if lower[0].isdigit():
            lower = "<year>" if _YEAR_RE.fullmatch(token.rstrip(",.")) else "<num>"
        words.append(lower)
    pairs = [f"{first} {second}" for first, second in zip(["<s>", *words], words, strict=False)]
    return words + pairs


def char_terms(sentence: str, ngrams: tuple[int, int] = CHAR_NGRAMS) -> list[str]:
    """Character n-grams of each lower-cased word padded with a space (scikit-learn's ``char_wb`` analyzer)."""
    low, high = ngrams
    found: list[str] = []
    for word in _SPACES_RE.sub(" ", sentence.lower()).split():
        padded = f" {word} "
        for n in range(low, high + 1):
            offset = 0
            found.append(padded[offset : offset + n])
            while offset + n < len(padded):
                offset += 1
                found.append(padded[offset : offset + n])
            if offset == 0:  # a word shorter than n counts once
                break
    return found


@dataclass(frozen=True)
class TermFamily:
    """One tf-idf family: per known term its inverse document frequency and its weight."""

    idf: Mapping[str, float]
    weight: Mapping[str, float]

    def contributions(self, terms: Iterable[str]) -> dict[str, float]:
        """Each known term's share of the logit (sublinear tf × idf, L2-normalised over the family, × weight)."""
        values = {
            term: (1.0 + math.log(count)) * self.idf[term]
            for term, count in Counter(terms).items()
            if term in self.idf
        }
        norm = math.sqrt(sum(value * value for value in values.values()))
        if norm == 0.0:
            return {}
        return {term: value / norm * self.weight[term] for term, value in values.items()}


@dataclass(frozen=True)
class LearnedModel:
    """The exported model: two term families, named-feature weights, bias and decision threshold."""

    words: TermFamily
    chars: TermFamily
    named: Mapping[str, float]
    bias: float
    threshold: float
    version: str

    def logit_parts(self, sentence: str, named_values: Mapping[str, float]) -> tuple[float, dict[str, float]]:
        """The logit, and each word term's contribution to it (for the reader: why the score is what it is)."""
        word_parts = self.words.contributions(word_terms(sentence))
        char_part = sum(self.chars.contributions(char_terms(sentence)).values())
        named_part = sum(weight * named_values[name] for name, weight in self.named.items())
        return self.bias + sum(word_parts.values()) + char_part + named_part, word_parts

    def probability(self, sentence: str, named_values: Mapping[str, float]) -> float:
        logit, _ = self.logit_parts(sentence, named_values)
        return sigmoid(logit)


def sigmoid(logit: float) -> float:
    if logit >= 0:
        return 1.0 / (1.0 + math.exp(-logit))
    exp = math.exp(logit)
    return exp / (1.0 + exp)


def _family(raw: Mapping[str, list[float]]) -> TermFamily:
    return TermFamily(
        idf={term: float(pair[0]) for term, pair in raw.items()},
        weight={term: float(pair[1]) for term, pair in raw.items()},
    )


def model_from_json(raw: Mapping[str, Any]) -> LearnedModel:
    """A model from the exported JSON object (``{"words": {term: [idf, weight]}, "chars": ..., ...}``)."""
    return LearnedModel(
        words=_family(raw["words"]),
        chars=_family(raw["chars"]),
        named={name: float(weight) for name, weight in raw["named_features"].items()},
        bias=float(raw["bias"]),
        threshold=float(raw["threshold"]),
        version=str(raw["version"]),
    )


@cache
def learned_model() -> LearnedModel:
    """The shipped model, ``audit/data/checkworthiness_model.json``, read once per process."""
    return model_from_json(load("checkworthiness_model"))
