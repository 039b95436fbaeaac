"""Claims: the check-worthy sentences of one source, with their figures, dates and attribution.

Steps, for one cleaned text:
1. paragraphs and sentences with exact spans (``sentences``); headings are never claims;
2. figures, dates and attributions over the whole text (so quotes spanning sentences and relative dates
   resolve in context);
3. each sentence scored by ``checkworthiness.assess``; a sentence is a claim when it is check-worthy, when it
   quotes or reports a named speaker (whether they said it is itself checkable), or when it rests on an unnamed
   source (those must reach the vague-attribution rule), but never when it is a question;
4. ids, selectors and capture lines (``audit.claim_extraction.locate.selectors``: against the capture, or an HTML capture's text
   content).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import Generic, TypeVar

from audit.claim_extraction.attribution.attribute import attribute
from audit.claim_extraction.checkworthiness import assess
from audit.claim_extraction.dates.mentions import extract_dates
from audit.claim_extraction.figures.mentions import extract_figures
from audit.claim_extraction.locate.selectors import CaptureLocator
from audit.claim_extraction.sentences import paragraphs
from audit.model import Claim, DateMention, Figure, Source, Span
from audit.nlp.parse import parse_sentences

Item = TypeVar("Item", Figure, DateMention)
_BULLET = re.compile(r"^(?:[-–—•*·▪]\s+|\d{1,2}[.)]\s+)")
_LABEL = re.compile(r"^[A-Z][\w’'\- ]{2,60}:\s+(?=[A-Z“\"])")


def claim_id(source_id: str, span: Span) -> str:
    digest = hashlib.sha256(f"{source_id}:{span.start}:{span.end}".encode()).hexdigest()
    return "clm-" + digest[:16]


def publication_date(source: Source) -> dt.date | None:
    """The publication date when known to the day; partial or missing dates give None (never a guess)."""
    if source.published and len(source.published) == 10:
        try:
            return dt.date.fromisoformat(source.published)
        except ValueError:
            return None
    return None


def _content_span(text: str, span: Span) -> Span:
    """Drop a list bullet and a leading label ("- Economic Competition: ...") from a sentence span."""
    start = span.start
    body = text[start : span.end]
    bullet = _BULLET.match(body)
    if bullet:
        start += bullet.end()
        body = text[start : span.end]
    label = _LABEL.match(body)
    if label and len(body) - label.end() > 20:
        start += label.end()
    return Span(start, span.end)


def extract_claims(source: Source, capture: str, line_offset: int | None = 0) -> list[Claim]:
    text = source.text
    if not text.strip():
        return []
    # 1. paragraphs and sentences
    paras = paragraphs(text)
    sentence_spans = [s for p in paras for s in p.sentences]
    paragraph_of = {s: p.span for p in paras for s in p.sentences}
    # 2. the parse of every sentence (without a leading "Label:" of a list item); figures, dates, attributions
    bodies = [_content_span(text, sentence) for sentence in sentence_spans]
    parsed = parse_sentences(text, bodies)
    figures = extract_figures(text, parsed)
    dates = extract_dates(text, publication_date(source))
    attributions = attribute(text, bodies, parsed)
    locator = CaptureLocator(capture, source.media_type)
    figures_in, dates_in = _ByStart[Figure](figures), _ByStart[DateMention](dates)
    claims: list[Claim] = []
    for sentence, span, attribution in zip(sentence_spans, bodies, attributions, strict=True):
        body = span.slice(text)
        if body.rstrip("”\"’' ").endswith("?"):
            continue
        figs, ds = figures_in.within(span), dates_in.within(span)
        # 3. check-worthiness
        verdict = assess(body, figures=figs, dates=ds, attribution=attribution)
        attributed = attribution.kind == "direct_quote" or (
            attribution.kind in {"reported", "according_to"} and attribution.speaker is not None
        )
        if not (verdict.is_claim or attributed or attribution.kind == "vague"):
            continue
        # 4. ids, selectors, capture lines
        selector, line = locator.select(text, span)
        line = None if line is None or line_offset is None else line + line_offset
        claims.append(
            Claim(
                claim_id=claim_id(source.source_id, span),
                source_id=source.source_id,
                text=body,
                span=span,
                selector=selector,
                type=verdict.type,
                checkworthiness=round(verdict.score, 4),
                features=verdict.features,
                figures=figs,
                dates=ds,
                attribution=attribution,
                paragraph=paragraph_of[sentence],
                capture_line=line,
            )
        )
    return claims


class _ByStart(Generic[Item]):
    """Figures or dates found by position: those inside a sentence in a logarithmic look-up, not a scan of the
    whole text's (a page listing ten thousand years would make that scan quadratic)."""

    def __init__(self, items: Sequence[Item]) -> None:
        self.order = sorted(range(len(items)), key=lambda i: items[i].span.start)
        self.starts = [items[i].span.start for i in self.order]
        self.items: Sequence[Item] = items

    def within(self, span: Span) -> tuple[Item, ...]:
        found = self.order[bisect_left(self.starts, span.start) : bisect_left(self.starts, span.end)]
        return tuple(self.items[i] for i in sorted(found) if self.items[i].span.end <= span.end)
