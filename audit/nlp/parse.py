"""Parsing sentences into plain, typed records: words with absolute character offsets, tags, lemmas and heads.

``parse_sentences(text, spans)`` parses each sentence span of ``text`` (the claims stage's own sentences) with the
shipped pipeline and returns one ``ParsedSentence`` per span. The records are frozen dataclasses that know nothing of
spaCy, so the rules reading them are plain Python, typed, and testable with hand-made parses.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from audit.model import Span
from audit.nlp.load import pipeline

BATCH_SIZE = 64


@dataclass(frozen=True, slots=True)
class Word:
    """One token: ``start``/``end`` are offsets into the article text; ``head`` indexes the same sentence."""

    i: int
    text: str
    start: int
    end: int
    lemma: str
    pos: str  # universal part of speech (PROPN, NOUN, VERB, …)
    tag: str  # Penn Treebank tag (NNP, VBD, …)
    dep: str  # universal dependency relation, with its subtype ("nsubj:pass", "obl:tmod")
    head: int
    feats: str = ""  # morphological features ("Number=Plur|Person=3")

    @property
    def relation(self) -> str:
        """The relation without its subtype ("nsubj:pass" -> "nsubj")."""
        return self.dep.split(":", 1)[0]

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class ParsedSentence:
    span: Span
    words: tuple[Word, ...]
    children: tuple[tuple[int, ...], ...]  # the dependents of each word, in order

    @classmethod
    def build(cls, span: Span, words: Sequence[Word]) -> ParsedSentence:
        children: list[list[int]] = [[] for _ in words]
        for word in words:
            if word.head != word.i:
                children[word.head].append(word.i)
        return cls(span, tuple(words), tuple(tuple(c) for c in children))

    def roots(self) -> list[Word]:
        return [w for w in self.words if w.head == w.i]

    def dependents(self, word: Word, *relations: str) -> list[Word]:
        """The word's dependents, only those of the given relations (full or base names) when any are given."""
        found = [self.words[i] for i in self.children[word.i]]
        if not relations:
            return found
        return [w for w in found if w.dep in relations or w.relation in relations]

    def subtree(self, word: Word) -> list[Word]:
        """The word and everything it governs, in sentence order."""
        seen = [word.i]
        stack = list(self.children[word.i])
        while stack:
            index = stack.pop()
            seen.append(index)
            stack.extend(self.children[index])
        return [self.words[i] for i in sorted(seen)]

    def ancestors(self, word: Word) -> Iterator[Word]:
        current = word
        while current.head != current.i:
            current = self.words[current.head]
            yield current

    def text_of(self, text: str, words: Sequence[Word]) -> str:
        """The article text from the first to the last of ``words`` (they are assumed contiguous enough)."""
        return text[words[0].start : words[-1].end] if words else ""


def parse_sentences(text: str, spans: Sequence[Span]) -> list[ParsedSentence]:
    """Each sentence span of ``text`` parsed on its own, in order."""
    nlp = pipeline()
    pieces = [text[span.start : span.end] for span in spans]
    parsed: list[ParsedSentence] = []
    for span, doc in zip(spans, nlp.pipe(pieces, batch_size=BATCH_SIZE), strict=True):
        words = [
            Word(
                i=token.i,
                text=token.text,
                start=span.start + token.idx,
                end=span.start + token.idx + len(token.text),
                lemma=token.lemma_,
                pos=token.pos_,
                tag=token.tag_,
                dep=token.dep_.lower() if token.dep_ != "ROOT" else "root",
                head=token.head.i,
                feats=str(token.morph),
            )
            for token in doc
            if not token.is_space
        ]
        parsed.append(ParsedSentence.build(span, _reindexed(words)))
    return parsed


def _reindexed(words: list[Word]) -> list[Word]:
    """Whitespace tokens dropped: indexes and heads renumbered (a head that was whitespace makes the word a root)."""
    position = {word.i: index for index, word in enumerate(words)}
    if all(word.i == index and word.head in position for index, word in enumerate(words)):
        return words
    renumbered = []
    for index, word in enumerate(words):
        head = position.get(word.head, index)
        renumbered.append(
            Word(
                index,
                word.text,
                word.start,
                word.end,
                word.lemma,
                word.pos,
                word.tag,
                word.dep,
                head,
                word.feats,
            )
        )
    return renumbered
