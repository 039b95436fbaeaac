"""Stories: which sources report the same event, as clusters, each source's ``story`` id.

Steps (settings in ``audit/data/stories.json``, the method and its measurement in docs/corroboration.md and
docs/quality.md):

1. per text, a TF-IDF bag of content words and one of name keys (``audit.corpus.stories.text``, with general
   English word frequencies as an IDF prior: ``audit.corpus.stories.bags``);
2. candidate pairs from one sparse product over each text's heaviest rare keys, never all pairs
   (``audit.corpus.stories.candidates``);
3. each candidate pair's evidence: the word cosine, halved when the two share few names (name-key cosine under
   ``names_gate``: the same topic, not the same participants), and 0 outside the time window: publication dates
   more than ``max_days_apart`` days apart, unless the texts' own day-precision dates come that close;
4. stories: average linkage over the evidence at ``text_link`` (a chain of weak links is no story), then a text
   left alone joins the one story it has ``attach_links`` pair-test links to (``audit.corpus.stories.linkage``);
5. each story is named ``story-`` + the id (without ``src-``) of its earliest-published member (then the lowest id),
   so the same inputs give the same ids.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache

import numpy as np
import scipy.sparse as sp

from audit.corpus.stories.bags import Prior, general_frequencies, pair_cosines, weighted_bags
from audit.corpus.stories.candidates import candidate_pairs
from audit.corpus.stories.linkage import attach_singletons, average_linkage
from audit.corpus.stories.text import NameFinder, capitalises_nouns, default_finder, name_keys, terms
from audit.data import settings as data_settings
from audit.model import Claim, Source


@dataclass(frozen=True, slots=True)
class Settings:
    text_link: float
    names_gate: float
    gate_factor: float
    max_days_apart: int
    attach_links: int
    common_min_df: int
    background_documents: int
    background_length: int
    background_language: str
    background_wordlist: str
    top_keys: int
    max_df_ratio: float
    max_df_floor: int
    per_document: int
    min_candidate: float


@cache
def settings() -> Settings:
    """The settings of ``audit/data/stories.json``, read once."""
    return data_settings("stories", Settings)


@dataclass(frozen=True, slots=True)
class Document:
    """What the story test reads of one source: its text, publication day and the days its text dates."""

    text: str
    published: dt.date | None = None
    event_days: tuple[dt.date, ...] = ()


@dataclass(frozen=True, slots=True)
class Pairs:
    """The scored candidate pairs ``(left[k], right[k])`` with their signals."""

    left: np.ndarray
    right: np.ndarray
    words: np.ndarray  # cosine of the content-word bags
    names: np.ndarray  # cosine of the name-key bags
    in_window: np.ndarray  # publication dates (or the texts' own dates) close enough, or unknown
    config: Settings = field(repr=False)

    @property
    def evidence(self) -> np.ndarray:
        """The graded evidence of each pair: the word cosine, gated by names and the time window."""
        gated = np.where(
            self.names >= self.config.names_gate, self.words, self.config.gate_factor * self.words
        )
        return np.where(self.in_window, gated, 0.0)

    @property
    def linked(self) -> np.ndarray:
        """The pair test: evidence at least ``text_link``."""
        result: np.ndarray = self.evidence >= self.config.text_link
        return result


def _bags(documents: Sequence[Document], config: Settings, finder: NameFinder | None) -> list[sp.csr_matrix]:
    texts = [d.text for d in documents]
    find = finder or default_finder(texts, config.common_min_df)
    prior = Prior(
        general_frequencies(config.background_language, config.background_wordlist),
        config.background_documents,
        config.background_length,
    )
    words = [terms(text) for text in texts]
    names = [[] if capitalises_nouns(text) else name_keys(find(text)) for text in texts]
    return [weighted_bags(words, prior), weighted_bags(names, prior)]


def _close_days(a: tuple[dt.date, ...], b: tuple[dt.date, ...], limit: int) -> bool:
    """Some day of ``a`` and some day of ``b`` lie at most ``limit`` days apart (both sorted)."""
    if not a or not b:
        return False
    days = np.array([d.toordinal() for d in b])
    for day in a:
        i = int(np.searchsorted(days, day.toordinal()))
        near = [days[j] for j in (i - 1, i) if 0 <= j < len(days)]
        if any(abs(int(x) - day.toordinal()) <= limit for x in near):
            return True
    return False


def _window(documents: Sequence[Document], left: np.ndarray, right: np.ndarray, limit: int) -> np.ndarray:
    inside = np.ones(len(left), dtype=bool)
    for k, (i, j) in enumerate(zip(left.tolist(), right.tolist(), strict=True)):
        a, b = documents[i], documents[j]
        if a.published is None or b.published is None or abs((a.published - b.published).days) <= limit:
            continue
        inside[k] = _close_days(a.event_days, b.event_days, limit)
    return inside


def score_pairs(
    documents: Sequence[Document], config: Settings | None = None, finder: NameFinder | None = None
) -> Pairs:
    """The candidate pairs of ``documents`` with their signals (steps 1-3)."""
    config = config or settings()
    words, names = _bags(documents, config, finder)
    left, right = candidate_pairs(
        [words, names],
        top_keys=config.top_keys,
        max_df=max(config.max_df_floor, int(config.max_df_ratio * len(documents))),
        min_score=config.min_candidate,
        per_document=config.per_document,
    )
    return Pairs(
        left,
        right,
        pair_cosines(words, left, right),
        pair_cosines(names, left, right),
        _window(documents, left, right, config.max_days_apart),
        config,
    )


def story_labels(
    documents: Sequence[Document], config: Settings | None = None, finder: NameFinder | None = None
) -> list[int]:
    """A story label per document (the smallest index among its story's members)."""
    config = config or settings()
    if not documents:
        return []
    pairs = score_pairs(documents, config, finder)
    return _cluster(len(documents), pairs, config)


def _cluster(n: int, pairs: Pairs, config: Settings) -> list[int]:
    labels = average_linkage(n, pairs.left, pairs.right, pairs.evidence, config.text_link)
    if config.attach_links > 0:
        labels = attach_singletons(labels, pairs.left, pairs.right, pairs.linked, config.attach_links)
    return labels


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None
    except ValueError:
        return None


def documents_of(sources: Sequence[Source], claims: Sequence[Claim]) -> list[Document]:
    """A ``Document`` per source: its text, its publication day and the day-precision dates of its claims."""
    days: dict[str, set[dt.date]] = defaultdict(set)
    for claim in claims:
        for mention in claim.dates:
            day = _day(mention.iso) if mention.precision == "day" else None
            if day is not None:
                days[claim.source_id].add(day)
    return [Document(s.text, _day(s.published), tuple(sorted(days.get(s.source_id, ())))) for s in sources]


def _story_name(members: Sequence[Source]) -> str:
    first = min(members, key=lambda s: (s.published is None, s.published or "", s.source_id))
    return "story-" + first.source_id.removeprefix("src-")


def stories_and_links(
    sources: Sequence[Source], claims: Sequence[Claim], finder: NameFinder | None = None
) -> tuple[tuple[Source, ...], dict[tuple[str, str], float]]:
    """The sources with their ``story`` set (sources not audited, or without text, are each their own story), and
    the evidence of every scored pair of sources, keyed by the two source ids in order."""
    readable = [s for s in sources if s.status == "ok" and s.text.strip()]
    documents = documents_of(readable, claims)
    config = settings()
    links: dict[tuple[str, str], float] = {}
    labels: list[int] = []
    if documents:
        pairs = score_pairs(documents, config, finder)
        labels = _cluster(len(documents), pairs, config)
        for i, j, evidence in zip(
            pairs.left.tolist(), pairs.right.tolist(), pairs.evidence.tolist(), strict=True
        ):
            a, b = readable[i].source_id, readable[j].source_id
            links[(min(a, b), max(a, b))] = evidence
    members: dict[int, list[Source]] = defaultdict(list)
    for source, label in zip(readable, labels, strict=True):
        members[label].append(source)
    story_of = {s.source_id: _story_name(group) for group in members.values() for s in group}
    storied = tuple(replace(s, story=story_of.get(s.source_id) or _story_name([s])) for s in sources)
    return storied, links


def assign_stories(
    sources: Sequence[Source], claims: Sequence[Claim], finder: NameFinder | None = None
) -> tuple[Source, ...]:
    """The sources with their ``story`` set; sources not audited (or without text) are each their own story."""
    return stories_and_links(sources, claims, finder)[0]
