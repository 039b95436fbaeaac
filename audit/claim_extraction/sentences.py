"""Paragraphs and sentences of a cleaned text, as exact character spans.

Paragraphs are separated by blank lines (the cleaners' contract). Sentences come from pysbd, a rule-based
segmenter that needs no model download and keeps "U.S.", "Dr.", "Feb." and decimals together; pysbd returns
strings, so each sentence is located again in its paragraph to give exact offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pysbd

from audit.model import Span

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n+")
_TERMINAL = re.compile(r"""[.!?…]["'”’»)\]]*\s*$""")


@dataclass(frozen=True, slots=True)
class Paragraph:
    span: Span
    sentences: tuple[Span, ...]
    is_heading: bool


@lru_cache(maxsize=1)
def _segmenter() -> pysbd.Segmenter:
    return pysbd.Segmenter(language="en", clean=False)


def paragraph_spans(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        spans.extend(_trimmed(text, start, match.start()))
        start = match.end()
    spans.extend(_trimmed(text, start, len(text)))
    return spans


def _trimmed(text: str, start: int, end: int) -> list[Span]:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return []
    offset = start + (len(chunk) - len(chunk.lstrip()))
    return [Span(offset, offset + len(stripped))]


def split_sentences(text: str, paragraph: Span) -> list[Span]:
    """Sentence spans inside one paragraph, trimmed of surrounding whitespace."""
    body = paragraph.slice(text)
    spans: list[Span] = []
    cursor = 0
    for sentence in _segmenter().segment(body):
        stripped = sentence.strip()
        if not stripped:
            continue
        found = body.find(stripped, cursor)
        if found < 0:  # pysbd changed the text: fall back to the rest of the paragraph as one sentence
            rest = body[cursor:].strip()
            if rest:
                found = body.find(rest, cursor)
                spans.append(Span(paragraph.start + found, paragraph.start + found + len(rest)))
            break
        spans.append(Span(paragraph.start + found, paragraph.start + found + len(stripped)))
        cursor = found + len(stripped)
    return spans


def looks_like_heading(text: str) -> bool:
    """A short line without sentence-final punctuation, or a label ending with a colon."""
    stripped = text.strip()
    words = stripped.split()
    if stripped.endswith(":") and len(words) <= 8:
        return True
    return not _TERMINAL.search(stripped) and len(words) <= 20


def paragraphs(text: str) -> list[Paragraph]:
    result = []
    for span in paragraph_spans(text):
        body = span.slice(text)
        heading = "\n" not in body and looks_like_heading(body)
        sentences = () if heading else tuple(split_sentences(text, span))
        result.append(Paragraph(span, sentences, heading))
    return result
