"""``contested``: independent sources give different values for the same measure, or different dates for the same
event. Both sides are flagged, and each flag's evidence names the other claims and their sources.

Matching is by meaning (``audit.corpus.matching``, ``audit.corpus.events``): figures meet on their measure key (unit
family and normalised measured noun phrase), dated events on their kind and surname-normalised participants.
Copies within one independence group never contest or corroborate each other. Figures contradict only when no value
satisfies both (tolerances and comparators: "more than 10" fits "12"); dates only when their days, months or years
cannot overlap and lie at most ``date_max_gap_days`` apart (further apart they are more likely two events).
Measures that are only a generic head ("people") are not compared. ``support`` yields, for figures that another
group states with the same value, the corroborating claims.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from audit.corpus.events import compare_dates, person_key
from audit.corpus.independence import source_label
from audit.corpus.index import Corpus
from audit.corpus.matching import FigureRef, compare_figures, measure_phrase
from audit.flags.misdated.ledger import ledger_confirmed
from audit.flags.rule import Rule
from audit.model import Claim, DateMention, Evidence, Flag, FlagKind

KIND: FlagKind = "contested"
RULES = {
    "contested.figure": "Independent sources on the same story give values for the same thing (the same measure "
    "of the same event) that cannot both be true.",
    "contested.event_date": "Independent sources on the same story give different dates for the same event (the "
    "same kind and participants, or the same one-off event: a crash, an outage).",
}


def _label(corpus: Corpus, claim_id: str) -> str:
    return source_label(corpus.source_by_id[corpus.claim_by_id[claim_id].source_id])


def _labels(corpus: Corpus, claim_ids: Sequence[str]) -> str:
    names = sorted({_label(corpus, c) for c in claim_ids})
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _figure_evidence(corpus: Corpus, ref: FigureRef, note: str) -> Evidence:
    claim = corpus.claim_by_id[ref[0]]
    figure = claim.figures[ref[1]]
    return Evidence(
        type="claim",
        note=note,
        source_id=claim.source_id,
        claim_id=claim.claim_id,
        span=figure.span,
        text=claim.text,
    )


def _figure_flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    comparison = compare_figures(corpus)
    for ref, others in sorted(comparison.conflicting.items()):
        claim = corpus.claim_by_id[ref[0]]
        figure = claim.figures[ref[1]]
        agreeing = comparison.agreeing.get(ref, ())
        values = sorted({f"“{corpus.claim_by_id[c].figures[i].text}”" for c, i in others})
        measure = measure_phrase(claim, figure) or comparison.readings[ref].label
        message = (
            f"{_label(corpus, claim.claim_id)} gives “{figure.text}” for {measure}; "
            f"{_labels(corpus, [c for c, _ in others])} give{'s' if len({c for c, _ in others}) == 1 else ''} "
            f"{', '.join(values)}"
        )
        if agreeing:
            message += f" ({_labels(corpus, [c for c, _ in agreeing])} agrees with the first)"
        evidence = (
            Evidence.in_claim(claim, "the contested figure", figure.span, figure.text),
            *(
                _figure_evidence(
                    corpus,
                    other,
                    f"{_label(corpus, other[0])} gives “{corpus.claim_by_id[other[0]].figures[other[1]].text}”",
                )
                for other in others
            ),
            *(
                _figure_evidence(
                    corpus,
                    other,
                    f"{_label(corpus, other[0])} agrees: “{corpus.claim_by_id[other[0]].figures[other[1]].text}”",
                )
                for other in agreeing
            ),
        )
        yield claim.claim_id, Flag(KIND, "contested.figure", "medium", message + ".", evidence)


def _event_name(mention: DateMention, shared: Sequence[str]) -> str:
    names: list[str] = []
    for participant in mention.event.participants if mention.event else ():
        key = person_key(participant)
        if key in shared and key not in {person_key(n) for n in names}:
            names.append(participant.split()[-1].removesuffix("’s").removesuffix("'s"))
    kind = mention.event.kind if mention.event else "event"
    return f"the {'–'.join(names)} {kind}" if names else f"the {kind}"


def _date_flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    dates = compare_dates(corpus)
    conflicts, agreements = dates.conflicting, dates.agreeing
    confirmed = ledger_confirmed(corpus)
    for ref, others in sorted(conflicts.items()):
        claim: Claim = corpus.claim_by_id[ref[0]]
        mention = claim.dates[ref[1]]
        event = _event_name(mention, list(dates.shared[ref]))
        other_dates = sorted({corpus.claim_by_id[c].dates[i].iso or "" for c, i in others})
        message = (
            f"{_label(corpus, claim.claim_id)} dates {event} {mention.iso}; "
            f"{_labels(corpus, [c for c, _ in others])} date{'s' if len({c for c, _ in others}) == 1 else ''} it "
            f"{' or '.join(other_dates)}"
        )
        agreeing = agreements.get(ref, ())
        if agreeing:
            message += f" ({_labels(corpus, [c for c, _ in agreeing])} agrees with the first)"
        decided = [confirmed[side] for side in (ref, *others) if side in confirmed]
        if decided:
            row = decided[0]
            message += (
                f"; the reference ledger has the {row.name} on {row.date.isoformat()} ({row.file}, line {row.line}), "
                f"so {'this date is right' if ref in confirmed else 'this date is misdated'}"
            )
        evidence = (
            Evidence.in_claim(claim, f"the date given for {event}", mention.span, mention.text),
            *(
                Evidence(
                    type="claim",
                    note=f"{_label(corpus, c)} dates it {corpus.claim_by_id[c].dates[i].iso} (“{corpus.claim_by_id[c].dates[i].text}”)",
                    source_id=corpus.claim_by_id[c].source_id,
                    claim_id=c,
                    span=corpus.claim_by_id[c].dates[i].span,
                    text=corpus.claim_by_id[c].text,
                )
                for c, i in sorted(others)
            ),
            *(
                Evidence(
                    type="claim",
                    note=f"{_label(corpus, c)} agrees: {corpus.claim_by_id[c].dates[i].iso} (“{corpus.claim_by_id[c].dates[i].text}”)",
                    source_id=corpus.claim_by_id[c].source_id,
                    claim_id=c,
                    span=corpus.claim_by_id[c].dates[i].span,
                    text=corpus.claim_by_id[c].text,
                )
                for c, i in sorted(agreeing)
            ),
        )
        yield claim.claim_id, Flag(KIND, "contested.event_date", "medium", message + ".", evidence)


def _flags(corpus: Corpus) -> Iterator[tuple[str, Flag]]:
    yield from _figure_flags(corpus)
    yield from _date_flags(corpus)


def _support(corpus: Corpus) -> Iterator[tuple[str, Evidence]]:
    """Claims of other independence groups that state the same figure (one per other claim)."""
    comparison = compare_figures(corpus)
    for (claim_id, index), others in sorted(comparison.agreeing.items()):
        figure = corpus.claim_by_id[claim_id].figures[index]
        seen: set[str] = set()
        for other in others:
            if other[0] in seen:
                continue
            seen.add(other[0])
            other_figure = corpus.claim_by_id[other[0]].figures[other[1]]
            yield (
                claim_id,
                _figure_evidence(
                    corpus,
                    other,
                    f"{_label(corpus, other[0])} also states “{other_figure.text}” (corroborates “{figure.text}”)",
                ),
            )


class Contested(Rule):
    id = "contested"
    kind = KIND
    rules = RULES
    reads = ("claim.figures", "claim.dates", "claim.text", "source.independence_group", "source.text")

    def check(self, corpus: Corpus) -> Iterator[tuple[str, Flag]]:
        return _flags(corpus)

    def support(self, corpus: Corpus) -> Iterator[tuple[str, Evidence]]:
        return _support(corpus)
