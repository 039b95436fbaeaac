"""The contract every flag rule keeps: a ``Rule`` reads the corpus and *yields* findings as data, never raises.

A rule family (one module) defines one ``Rule`` subclass with:
- ``id``: the family's stable id (``"misdated.weekday"``, ``"vague_attribution"``);
- ``kind``: the flag kind it raises (one of ``audit.model.FLAG_KINDS``);
- ``rules``: ``{rule_id: description}`` for every stable dotted rule id it can raise (documented in
  ``docs/flags.md``, which a test keeps in step);
- ``reads``: what it reads, as dotted paths into the data types (``"claim.attribution"``, ``"source.published"``,
  ``"reference.events"``), so ``audit.flags.registry.reads_table`` can say who depends on what, as spaCy's pipeline
  analysis does for its components;
- ``check(corpus)``: the flags, as ``(claim_id, Flag)``;
- optionally ``support(corpus)``: what corroborates or confirms a claim, as ``(claim_id, Evidence)`` (shown in the
  reports, never a flag), and ``source_notes(corpus)``: notes on a whole source, as ``(source_id, SourceWarning)``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import ClassVar

from audit.corpus.index import Corpus
from audit.model import Evidence, Flag, FlagKind, SourceWarning


class Rule:
    """A flag rule family. Subclasses set the class attributes and implement ``check``."""

    id: ClassVar[str]
    kind: ClassVar[FlagKind]
    rules: ClassVar[Mapping[str, str]]
    reads: ClassVar[tuple[str, ...]]

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        """The flags this family raises on the corpus, each with the id of the claim it belongs to."""
        raise NotImplementedError

    def support(self, corpus: Corpus) -> Iterator[tuple[str, Evidence]]:
        """What corroborates or confirms a claim (none by default)."""
        return iter(())

    def source_notes(self, corpus: Corpus) -> Iterator[tuple[str, SourceWarning]]:
        """Notes on whole sources, e.g. "publication date unknown: date checks skipped" (none by default)."""
        return iter(())
