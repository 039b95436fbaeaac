"""Builders of Source and Claim records for the corpus-rule tests (no pipeline run needed)."""

from __future__ import annotations

import hashlib

from audit.model import (
    NO_ATTRIBUTION,
    Attribution,
    Claim,
    DateMention,
    EventRef,
    Figure,
    Precision,
    Selector,
    Source,
    Span,
)


def source(name: str, text: str = "", *, group: str = "", site: str | None = None, story: str = "") -> Source:
    digest = hashlib.sha256(name.encode()).hexdigest()
    source_id = "src-" + digest[:16]
    return Source(
        source_id=source_id,
        path=f"captures/{name}",
        sha256=digest,
        media_type="text/plain",
        status="ok",
        site=site or name,
        independence_group=group or source_id,
        story=story,
        text=text,
    )


def claim(
    owner: Source,
    text: str,
    *,
    figures: tuple[tuple[str, float, str, str | None, str], ...] = (),
    dates: tuple[tuple[str, str, Precision, str, tuple[str, ...]], ...] = (),
    speaker: str | None = None,
) -> Claim:
    """A claim whose figures are ``(text, value, unit, measure, comparator)`` and dates ``(text, iso,
    precision, event kind, participants)``, each located in ``text``."""
    span = Span(0, len(text))
    figs = tuple(
        Figure(t, v, u, Span(text.index(t), text.index(t) + len(t)), comparator=c, measure=m)
        for t, v, u, m, c in figures
    )
    ds = tuple(
        DateMention(
            t, iso, p, Span(text.index(t), text.index(t) + len(t)), event=EventRef("held", parts, kind)
        )
        for t, iso, p, kind, parts in dates
    )
    attribution = Attribution("reported", speaker=speaker, cue="said") if speaker else NO_ATTRIBUTION
    digest = hashlib.sha256(f"{owner.source_id}:{text}".encode()).hexdigest()
    return Claim(
        claim_id="clm-" + digest[:16],
        source_id=owner.source_id,
        text=text,
        span=span,
        selector=Selector(text, "", ""),
        type="figure" if figs else "date",
        checkworthiness=0.9,
        features=(),
        figures=figs,
        dates=ds,
        attribution=attribution,
        paragraph=span,
    )
