"""``single_source_figure``: a check-worthy figure that only one independence group on its story states.

Copies repeat a figure without confirming it, so a figure stated by one source and its copies is still
single-sourced; an attributed figure ("the ministry said…") is too. Silence means something only from sources
that could have given the figure: those on the same story (``Source.story``) and linked to the figure's source
itself, not only through the story's other members (a story cluster can hold sources on neighbouring events of one
topic: a week of war reports). A figure is flagged when

1. another independent source on its story, directly linked to the figure's source (pair evidence at least the
   pair test's ``text_link``), reports on the same slot without a figure ("the company paid a fee for the
   trademark", against "$5.9 million"; ``audit.corpus.slots.sentence_on_slot``): that sentence is the evidence; or
2. at least ``several_sources`` independent sources, counting its own, are close on the story (pair evidence at
   least ``silence_min_evidence``) and none of the others gives a figure for the slot: they are the evidence.

Nothing is flagged when another group gives a figure for the same slot (agreeing: ``support``; contradicting:
``contested``; or neither, "more than 10" against "5,000"), when the figure's block is too common to compare,
for small counts (under ``single_source_min_count``, "two shelters"), nor for durations, years or ratios (only
money, percentages and counts of a named thing are check-worthy). Severity is low when the claim names its
source, else medium.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from audit.corpus.independence import source_label
from audit.corpus.index import Corpus
from audit.corpus.matching import FigureRef, compare_figures, lexicon, measure_phrase
from audit.corpus.slots import Slot, sentence_on_slot
from audit.corpus.stories.assign import settings as story_settings
from audit.flags.rule import Rule
from audit.model import Claim, Evidence, Flag, FlagKind, Severity, Source, Span

KIND: FlagKind = "single_source_figure"
RULES = {
    "single_source_figure.one_group": "A money amount, percentage or count of a named thing is stated by only one "
    "independent source (and its copies) on its story, while another source on the story reports on the same "
    "thing without it, or several do and none gives it.",
}
_NAMED = {"direct_quote", "reported", "according_to"}
_MAX_PEERS_SHOWN = 5  # same-story sources listed as evidence (the message counts them all)


def _cites(claim: Claim) -> str:
    """What the claim says of its source, to follow "It": "cites the ministry", "names no source for it"."""
    attribution = claim.attribution
    if attribution.kind in _NAMED and attribution.speaker:
        return f"cites {attribution.speaker}"
    if attribution.kind == "vague":
        return "cites only unnamed sources"
    return "names no source for it"


class _Story:
    """The independence groups of each story, each with its sources (sorted by id)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.groups: dict[str, dict[str, list[Source]]] = defaultdict(lambda: defaultdict(list))
        for source in sorted(corpus.sources, key=lambda s: s.source_id):
            if source.status == "ok":
                self.groups[source.story or source.source_id][source.independence_group].append(source)

    def _linked(self, source: Source, other: Source, minimum: float) -> bool:
        link = self.corpus.story_link(source.source_id, other.source_id)
        return link is None or link >= minimum

    def peers(self, source: Source, minimum: float) -> list[list[Source]]:
        """The other independence groups on the source's story, each as its sources whose same-story evidence
        with ``source`` is at least ``minimum`` (all of them when the evidence was not measured)."""
        groups = self.groups.get(source.story or source.source_id, {})
        found = []
        for group, members in sorted(groups.items()):
            close = [m for m in members if self._linked(source, m, minimum)]
            if group != source.independence_group and close:
                found.append(close)
        return found

    def copies(self, source: Source) -> list[Source]:
        groups = self.groups.get(source.story or source.source_id, {})
        return [s for s in groups.get(source.independence_group, []) if s.source_id != source.source_id]


def _silent(peers: list[list[Source]], slot: Slot) -> list[tuple[Source, Span]]:
    """For each peer group, its first source with a sentence on the slot but no figure, and that sentence."""
    found = []
    for members in peers:
        for peer in members:
            sentence = sentence_on_slot(peer.text, slot)
            if sentence is not None:
                found.append((peer, Span(*sentence)))
                break
    return found


def _flag(corpus: Corpus, ref: FigureRef, stories: _Story) -> Flag | None:
    comparison = compare_figures(corpus)
    claim = corpus.claim_by_id[ref[0]]
    figure = claim.figures[ref[1]]
    if figure.unit == "count" and (figure.value or 0) < lexicon().single_source_min_count:
        return None
    source = corpus.source_by_id[claim.source_id]
    slot = comparison.readings[ref].slot
    silent = _silent(stories.peers(source, story_settings().text_link), slot)
    peers = stories.peers(source, lexicon().silence_min_evidence)
    if not silent and len(peers) + 1 < lexicon().several_sources:
        return None  # too few sources close on the story, none reporting on this: their silence says nothing
    copies = stories.copies(source)
    also = f" (and its {len(copies)} cop{'y' if len(copies) == 1 else 'ies'})" if copies else ""
    measure = measure_phrase(claim, figure) or comparison.readings[ref].label
    told = f"{len(peers)} other independent source{'s' if len(peers) != 1 else ''} on the same story"
    if silent:
        names = ", ".join(source_label(peer) for peer, _ in silent)
        why = f"{names} report{'s' if len(silent) == 1 else ''} on it without a figure ({told})"
    else:
        why = f"{told} give{'s' if len(peers) == 1 else ''} no figure for it"
    message = (
        f"Only {source_label(source)}{also} states “{figure.text}” ({measure}); {why}. It {_cites(claim)}."
    )
    named = claim.attribution.kind in _NAMED and claim.attribution.speaker
    severity: Severity = "low" if named else "medium"
    shown = {peer.source_id for peer, _ in silent}
    evidence = (
        Evidence.in_claim(claim, "the figure no other independent source states", figure.span, figure.text),
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
                note=f"reports on the same thing without a figure: {source_label(peer)}",
                source_id=peer.source_id,
                span=span,
                text=span.slice(peer.text),
            )
            for peer, span in silent
        ),
        *(
            Evidence(
                type="source",
                note=f"tells the same story without this figure: {source_label(members[0])}",
                source_id=members[0].source_id,
            )
            for members in peers[:_MAX_PEERS_SHOWN]
            if members[0].source_id not in shown
        ),
    )
    return Flag(KIND, "single_source_figure.one_group", severity, message, evidence)


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    comparison = compare_figures(corpus)
    skip = comparison.matched | comparison.too_common
    stories = _Story(corpus)
    for ref in sorted(comparison.readings):
        if ref not in skip and (flag := _flag(corpus, ref, stories)) is not None:
            yield ref[0], flag


class SingleSource(Rule):
    id = "single_source_figure"
    kind = KIND
    rules = RULES
    reads = (
        "claim.attribution",
        "claim.figures",
        "claim.text",
        "source.independence_group",
        "source.story",
        "source.text",
    )

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)
