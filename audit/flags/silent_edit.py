"""``silent_edit``: copies of one origin that differ in a figure, a date or a quote, with no notice of the change.

Copies (one independence group, ``audit.corpus.independence``) count as one source and never contest each other,
so without this rule a copy in which "$200 million" became "$250 million" would pass unnoticed. Each copy is
compared with the group's earliest member (by capture time, else publication date, else path) through
``audit.diff.compare``, the same comparison ``audit diff`` makes between two captures of a page: an edited sentence
whose figure, date or quote changed raises ``silent_edit.figure``, ``.date`` or ``.quote`` on the later copy's claim,
unless the later page shows a correction or update notice the earlier one did not. The copies stay one group.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.corpus.index import Corpus
from audit.diff.compare import KIND, RULES, diff_sources
from audit.flags.rule import Rule
from audit.model import Claim, Flag, Source


def _order(source: Source) -> tuple[str, str, str]:
    captured = source.metadata_evidence.get("captured_at")
    when = str(captured.value) if captured is not None and captured.value else None
    return (when or source.published or "~", source.published or "~", source.path)


class SilentEdit(Rule):
    id = "silent_edit"
    kind = KIND
    rules = RULES
    reads = ("source.independence_group", "source.text", "source.updated", "claim.span", "claim.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        groups: dict[str, list[Source]] = defaultdict(list)
        for source in corpus.sources:
            if source.status == "ok" and source.text:
                groups[source.independence_group].append(source)
        claims: dict[str, list[Claim]] = defaultdict(list)
        for claim in corpus.claims:
            claims[claim.source_id].append(claim)
        for members in groups.values():
            if len(members) < 2:
                continue
            first, *later = sorted(members, key=_order)
            for copy in later:
                found = diff_sources(first, copy, claims[first.source_id], claims[copy.source_id])
                for claim_id, flag in found.flags:
                    if claim_id is not None:
                        yield claim_id, flag
