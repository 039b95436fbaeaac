"""``single_source_figure``: a check-worthy figure that only one independence group states.

Copies repeat a figure without confirming it, so a figure stated by one source and its copies is still
single-sourced; an attributed figure ("the ministry said…") is too, when no other group states it. Only
check-worthy figures are considered (money, percentages, counts of a named thing: ``matching.is_checkworthy``),
never durations, years or ratios. Nothing is flagged when the audit has fewer than two independence groups (there
is nothing to compare with), when another group contradicts the figure (that is ``contested``), or when its measure
is too common to compare, nor small counts (under ``single_source_min_count``, "two shelters"), nor a figure
whose source no other independence group's text is about (cosine under ``corroborate_min_cosine``: an audit of
unrelated pages would otherwise flag every figure); the same-story sources that do not state it are the
evidence. Severity is low when the claim names its source, else medium.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.corpus.independence import source_label
from audit.corpus.index import Corpus
from audit.corpus.matching import compare_figures, lexicon, measure_phrase
from audit.corpus.stories import Stories
from audit.corpus.stories import settings as story_settings
from audit.flags.rule import Rule
from audit.model import Claim, Evidence, Flag, FlagKind, Severity, Source

KIND: FlagKind = "single_source_figure"
RULES = {
    "single_source_figure.one_group": "A money amount, percentage or count of a named thing is stated by only one "
    "independent source (and its copies) in the audit.",
}
_NAMED = {"direct_quote", "reported", "according_to"}


_MAX_PEERS_SHOWN = 5  # same-story sources listed as evidence (the message counts them all)


class _Peers:
    """For each source, one source of every other independence group that tells the same story (text cosine at
    least ``corroborate_min_cosine``, as for corroboration: :mod:`audit.corpus.stories`)."""

    def __init__(self, corpus: Corpus, members: dict[str, list[Source]]) -> None:
        self.stories = Stories(corpus)
        self.members = members
        self.minimum = story_settings().corroborate_min_cosine
        self.found: dict[str, list[Source]] = {}

    def of(self, source: Source) -> list[Source]:
        if source.source_id not in self.found:
            peers = []
            for group, sources in sorted(self.members.items()):
                if group == source.independence_group:
                    continue
                # (cosine, id, -position): the first of equals wins, as max(key=...) picks it; no Source compared
                score, _, first = max(
                    (self.stories.cosine(source.source_id, s.source_id), s.source_id, -n)
                    for n, s in enumerate(sources)
                )
                best = sources[-first]
                if score >= self.minimum:
                    peers.append(best)
            self.found[source.source_id] = peers
        return self.found[source.source_id]


def _cites(claim: Claim) -> str:
    """What the claim says of its source, to follow "It": "cites the ministry", "names no source for it"."""
    attribution = claim.attribution
    if attribution.kind in _NAMED and attribution.speaker:
        return f"cites {attribution.speaker}"
    if attribution.kind == "vague":
        return "cites only unnamed sources"
    return "names no source for it"


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    members: dict[str, list[Source]] = defaultdict(list)
    for source in corpus.sources:
        if source.status == "ok":
            members[source.independence_group].append(source)
    if len(members) < 2:
        return
    comparison = compare_figures(corpus)
    min_count = lexicon().single_source_min_count
    peers = _Peers(corpus, members)
    for (claim_id, index), key in sorted(comparison.keys.items()):
        ref = (claim_id, index)
        if ref in comparison.agreeing or ref in comparison.conflicting or ref in comparison.too_common:
            continue
        claim = corpus.claim_by_id[claim_id]
        figure = claim.figures[index]
        if figure.unit == "count" and (figure.value or 0) < min_count:
            continue
        source = corpus.source_by_id[claim.source_id]
        on_story = peers.of(source)
        if not on_story:
            continue  # no other independent source tells this story: its silence says nothing
        copies = sorted(
            (s for s in members.get(source.independence_group, []) if s.source_id != source.source_id),
            key=lambda s: s.source_id,
        )
        also = f" (and its {len(copies)} cop{'y' if len(copies) == 1 else 'ies'})" if copies else ""
        measure = measure_phrase(claim, figure) or key.split("|", 1)[1]
        told = f"{len(on_story)} other independent source{'s' if len(on_story) != 1 else ''}"
        message = (
            f"Only {source_label(source)}{also} states “{figure.text}” ({measure}); {told} on the same story "
            f"do{'es' if len(on_story) == 1 else ''} not. It {_cites(claim)}."
        )
        named = claim.attribution.kind in _NAMED and claim.attribution.speaker
        severity: Severity = "low" if named else "medium"
        evidence = (
            Evidence.in_claim(
                claim, "the figure no other independent source states", figure.span, figure.text
            ),
            *(
                Evidence(
                    type="source",
                    note=f"copy of this source in its group {source.independence_group}: {source_label(copy)}",
                    source_id=copy.source_id,
                )
                for copy in copies
            ),
            *(
                Evidence(
                    type="source",
                    note=f"tells the same story without this figure: {source_label(peer)}",
                    source_id=peer.source_id,
                )
                for peer in on_story[:_MAX_PEERS_SHOWN]
            ),
        )
        yield claim_id, Flag(KIND, "single_source_figure.one_group", severity, message, evidence)


class SingleSource(Rule):
    id = "single_source_figure"
    kind = KIND
    rules = RULES
    reads = ("claim.attribution", "claim.figures", "source.independence_group", "source.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
