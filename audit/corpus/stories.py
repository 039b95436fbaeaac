"""Whether two sources tell the same story, so that their figures can meaningfully be compared.

A measure key alone ("count|death", "USD|revenue") meets figures from unrelated articles: a corpus of a thousand
random pages gave thousands of "contested" pairs, nearly all nonsense. Two figures are compared (as contested or
corroborating) only when their sources are about the same story:

1. the sources' texts are similar: cosine of their TF-IDF vectors (content words of at least four letters, smooth
   IDF over the audited sources, so two-source corpora work too) at least ``contest_min_cosine`` for a
   contradiction, or the lower ``corroborate_min_cosine`` for an agreement (a different value in an unrelated story
   is the normal case; the same value is not); and
2. they share an anchor: a named entity (a capitalised word that does not open a sentence) that both sources
   mention and that stands in the paragraph of at least one of the two claims ("Millford", "Ascom").

Thresholds are in ``audit/data/stories.json``; docs/corroboration.md records how they were chosen.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import Any

from audit.corpus.index import Corpus
from audit.data import load
from audit.model import Claim

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CAPITAL = re.compile(r"\b[A-Z][\w’'-]{2,}")
_OPENERS = frozenset(".!?\"“‘'(:\n")


@dataclass(frozen=True, slots=True)
class Settings:
    contest_min_cosine: float
    corroborate_min_cosine: float
    min_word_length: int
    stopwords: frozenset[str]
    entity_skip: frozenset[str]


@cache
def settings() -> Settings:
    raw: dict[str, Any] = load("stories")
    return Settings(
        float(raw["contest_min_cosine"]),
        float(raw["corroborate_min_cosine"]),
        int(raw["min_word_length"]),
        frozenset(raw["stopwords"]),
        frozenset(raw["entity_skip"]),
    )


def named_entities(text: str) -> frozenset[str]:
    """Capitalised words that do not open a sentence or a quote (a cheap, language-agnostic proxy for names)."""
    skip = settings().entity_skip
    found = set()
    for match in _CAPITAL.finditer(text):
        before = match.start() - 1
        while before >= 0 and text[before].isspace():
            before -= 1  # the character before the word, past any space (line breaks too, as before)
        if before >= 0 and text[before] not in _OPENERS and match.group(0) not in skip:
            found.add(match.group(0))
    return frozenset(found)


class Stories:
    """Same-story tests for the sources of one corpus (vectors and entities computed once per source)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        config = settings()
        counts: dict[str, Counter[str]] = {}
        for source in corpus.sources:
            if source.status == "ok":
                words = (w.lower() for w in _WORD.findall(source.text))
                counts[source.source_id] = Counter(
                    w for w in words if len(w) >= config.min_word_length and w not in config.stopwords
                )
        documents = len(counts)
        frequency: Counter[str] = Counter(word for tf in counts.values() for word in tf)
        self.vectors: dict[str, dict[str, float]] = {}
        for source_id, tf in counts.items():
            vector = {
                w: (1 + math.log(c)) * (math.log((1 + documents) / (1 + frequency[w])) + 1)
                for w, c in tf.items()
            }
            norm = math.sqrt(sum(x * x for x in vector.values())) or 1.0
            self.vectors[source_id] = {w: x / norm for w, x in vector.items()}
        self._entities: dict[str, frozenset[str]] = {}

    def entities(self, source_id: str) -> frozenset[str]:
        if source_id not in self._entities:
            self._entities[source_id] = named_entities(self.corpus.source_by_id[source_id].text)
        return self._entities[source_id]

    def cosine(self, a: str, b: str) -> float:
        first, second = self.vectors.get(a, {}), self.vectors.get(b, {})
        if len(first) > len(second):
            first, second = second, first
        return sum(x * second.get(w, 0.0) for w, x in first.items())

    def anchors(self, a: Claim, b: Claim) -> frozenset[str]:
        """Named entities both sources mention that stand in either claim's paragraph."""
        text_a = a.paragraph.slice(self.corpus.source_by_id[a.source_id].text)
        text_b = b.paragraph.slice(self.corpus.source_by_id[b.source_id].text)
        local = named_entities(text_a) | named_entities(text_b)
        return local & self.entities(a.source_id) & self.entities(b.source_id)

    def same_story(self, a: Claim, b: Claim, min_cosine: float) -> bool:
        if a.source_id == b.source_id:
            return True
        return self.cosine(a.source_id, b.source_id) >= min_cosine and bool(self.anchors(a, b))

    def may_contest(self, a: Claim, b: Claim) -> bool:
        return self.same_story(a, b, settings().contest_min_cosine)

    def may_corroborate(self, a: Claim, b: Claim) -> bool:
        return self.same_story(a, b, settings().corroborate_min_cosine)
