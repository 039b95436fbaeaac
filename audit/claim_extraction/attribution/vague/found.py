"""Vague-sourcing cues that are not a source phrase: impersonal and hearsay wording, fixed phrases and adverbs.

The reporting frames of the parse find "Experts say" and "officials said" (an unnamed subject). What no subject
carries is found here, by the pattern families of :mod:`audit.claim_extraction.attribution.vague.cues` ("it is
believed that", "is widely regarded as", "amid allegations that", "there are reports that"), the fixed phrases of
``vague_phrases`` ("people familiar with the matter") and the adverbs ("reportedly", "allegedly"). The content is
the reported clause when the cue opens one, else the sentence.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, tokenize
from audit.claim_extraction.attribution.reports import Found
from audit.claim_extraction.attribution.vague.cues import vague_cue_at
from audit.claim_extraction.attribution.vague.lexicon import VagueLexicon
from audit.model import Attribution, Span

_END_PUNCT = ".!?;:,\"'“”‘’»« \n\t"


def trim(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding punctuation and spaces; None when nothing is left."""
    while start < end and text[start] in _END_PUNCT:
        start += 1
    while end > start and text[end - 1] in _END_PUNCT:
        end -= 1
    return Span(start, end) if end > start else None


def _phrase_length(toks: Sequence[Tok], i: int, phrases: dict[int, frozenset[tuple[str, ...]]]) -> int:
    """Length (in tokens) of the longest lexicon phrase starting at token ``i``; 0 when none."""
    for length in sorted(phrases, reverse=True):
        if i + length <= len(toks) and tuple(t.low for t in toks[i : i + length]) in phrases[length]:
            return length
    return 0


def vague_reports(text: str, sentence: Span, lex: Lexicon, vlex: VagueLexicon) -> list[Found]:
    """Every vague cue of a sentence that no source phrase carries, in order."""
    toks = tokenize(text, sentence)
    found: list[Found] = []
    i = 0
    while i < len(toks):
        vague = vague_cue_at(toks, i, vlex, lex)
        if vague is not None:
            cue = Span(toks[vague.first].start, toks[vague.last].end)
            start = toks[vague.content_from].start if vague.content_from is not None else sentence.start
            content = trim(text, start, sentence.end)
            attribution = Attribution(kind="vague", cue=cue.slice(text), cue_span=cue, content_span=content)
            found.append(Found(cue.start, attribution))
            i = vague.last + 1
            continue
        length = _phrase_length(toks, i, lex.vague_phrases)
        if length:
            cue = Span(toks[i].start, toks[i + length - 1].end)
            content = trim(text, sentence.start, sentence.end)
            attribution = Attribution(kind="vague", cue=cue.slice(text), cue_span=cue, content_span=content)
            found.append(Found(cue.start, attribution))
            i += length
            continue
        if toks[i].low in lex.vague_adverbs:
            content = trim(text, sentence.start, sentence.end)
            cue = toks[i].span
            found.append(
                Found(
                    cue.start, Attribution(kind="vague", cue=toks[i].text, cue_span=cue, content_span=content)
                )
            )
        i += 1
    return found
