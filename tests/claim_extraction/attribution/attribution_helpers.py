"""Shared helper of the attribution tests: every attribution of one sentence as plain tuples."""

from __future__ import annotations

from audit.claim_extraction.attribution.attribute import attribute_all
from audit.model import Span


def attributions_of(text: str) -> list[tuple[str | None, str | None, str | None]]:
    """(speaker, cue, content) of every attribution of ``text``, taken as one sentence."""
    found = attribute_all(text, [Span(0, len(text))])[0]
    return [
        (a.speaker, a.cue, a.content_span.slice(text) if a.content_span else None)
        for a in found
        if a.kind != "none"
    ]
