"""What changed inside one edited sentence: its figures, dates, names and quotes.

Figures and dates are the claim's when the sentence is a claim (found in the whole text by the claim extractors, so
"May 9" resolves against the article's date as in an audit), else those found in the sentence alone, compared by their normalised value (a figure's value, unit, comparator and upper
bound; a date's ISO value, or its text when unresolved), so "$200 million" and "$200m" are the same figure and
"$200 million" → "$250 million" is a change. Names are capitalised runs of words that do not open the sentence;
quotes are passages of at least two words between quotation marks, compared in their comparable form.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from audit.claim_extraction.assemble import publication_date
from audit.claim_extraction.dates.mentions import extract_dates
from audit.claim_extraction.figures.mentions import extract_figures
from audit.diff.align import comparable, edit_settings
from audit.model import Claim, DateMention, Figure, Source, Span

Field = Literal["figure", "date", "name", "quote"]
FIELDS: tuple[Field, ...] = ("figure", "date", "name", "quote")

_QUOTED = re.compile(r"[“\"«„]([^“”\"«»„]{3,}?)[”\"»“]")
_NAME = re.compile(r"\b[A-Z][\w’'.-]*(?:\s+(?:of|de|al|von|van|bin)?\s*[A-Z][\w’'.-]*)*")


@dataclass(frozen=True, slots=True)
class Edit:
    """One field of a sentence that changed: what the old sentence said and what the new one says instead."""

    field: Field
    old: tuple[str, ...]
    new: tuple[str, ...]
    old_spans: tuple[Span, ...] = ()
    new_spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Found:
    key: str  # what is compared
    text: str  # what is shown
    span: Span


def _inside(span: Span, outer: Span) -> bool:
    return outer.start <= span.start and span.end <= outer.end


def _figure_key(figure: Figure) -> str:
    if figure.value is None:
        return comparable(figure.text)
    upper = "" if figure.value_max is None else f"..{figure.value_max:g}"
    return f"{figure.value:g}{upper} {figure.unit or ''} {figure.comparator}"


def figures_in(figures: Sequence[Figure], sentence: Span) -> list[Found]:
    return [Found(_figure_key(f), f.text, f.span) for f in figures if _inside(f.span, sentence)]


def dates_in(dates: Sequence[DateMention], sentence: Span) -> list[Found]:
    return [Found(d.iso or comparable(d.text), d.text, d.span) for d in dates if _inside(d.span, sentence)]


def quotes_in(text: str, sentence: Span) -> list[Found]:
    body = sentence.slice(text)
    out = []
    for match in _QUOTED.finditer(body):
        inner = match.group(1).strip()
        if len(inner.split()) >= 2:
            start = sentence.start + match.start(1)
            out.append(Found(comparable(inner), inner, Span(start, start + len(match.group(1)))))
    return out


def names_in(text: str, sentence: Span) -> list[Found]:
    body = sentence.slice(text)
    stop = set(edit_settings().name_stopwords)
    out = []
    for match in _NAME.finditer(body):
        words = match.group(0).rstrip(".'’-").split()
        while words and words[0].casefold().strip(".'’") in stop:
            words = words[1:]
        if not words or (match.start() == 0 and len(words) == 1):
            continue  # the sentence's first word is capitalised anyway
        name = " ".join(words)
        start = sentence.start + match.start() + match.group(0).find(words[0])
        out.append(Found(comparable(name), name, Span(start, start + len(name))))
    return out


def compare(field: Field, old: list[Found], new: list[Found]) -> Edit | None:
    """What the old sentence had that the new one does not, and the other way; None when they agree."""
    old_keys = [f.key for f in old]
    new_keys = [f.key for f in new]
    gone = [f for f in old if f.key not in new_keys]
    came = [f for f in new if f.key not in old_keys]
    if not gone and not came:
        return None
    return Edit(
        field,
        tuple(f.text for f in gone),
        tuple(f.text for f in came),
        tuple(f.span for f in gone),
        tuple(f.span for f in came),
    )


class Side:
    """One capture's text, with the figures and dates of a sentence: those of its claim when it has one (resolved in
    the article's context by the claim extractors), else those the extractors find in the sentence alone."""

    def __init__(self, source: Source, claims: Sequence[Claim] = ()) -> None:
        self.text = source.text
        self.published = publication_date(source)
        self.claims = claims

    def _claim(self, sentence: Span) -> Claim | None:
        return next(
            (c for c in self.claims if c.span.start < sentence.end and sentence.start < c.span.end), None
        )

    def figures(self, sentence: Span) -> list[Figure]:
        claim = self._claim(sentence)
        if claim is not None:
            return [f for f in claim.figures if _inside(f.span, sentence)]
        found = extract_figures(sentence.slice(self.text))
        return [replace(f, span=_shift(f.span, sentence.start)) for f in found]

    def dates(self, sentence: Span) -> list[DateMention]:
        claim = self._claim(sentence)
        if claim is not None:
            return [d for d in claim.dates if _inside(d.span, sentence)]
        found = extract_dates(sentence.slice(self.text), self.published)
        return [replace(d, span=_shift(d.span, sentence.start)) for d in found]


def _shift(span: Span, offset: int) -> Span:
    return Span(span.start + offset, span.end + offset)


def sentence_edits(old: Side, old_span: Span, new: Side, new_span: Span) -> tuple[Edit, ...]:
    """The figures, dates, names and quotes that differ between an old sentence and its edited version."""
    found: tuple[tuple[Field, list[Found], list[Found]], ...] = (
        ("figure", figures_in(old.figures(old_span), old_span), figures_in(new.figures(new_span), new_span)),
        ("date", dates_in(old.dates(old_span), old_span), dates_in(new.dates(new_span), new_span)),
        ("name", names_in(old.text, old_span), names_in(new.text, new_span)),
        ("quote", quotes_in(old.text, old_span), quotes_in(new.text, new_span)),
    )
    edits = []
    for field, before, after in found:
        edit = compare(field, before, after)
        if edit is not None:
            edits.append(edit)
    return tuple(edits)
