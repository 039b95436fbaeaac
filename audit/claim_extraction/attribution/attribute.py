"""Attribution: who says so, for every sentence of an article, read from the dependency parse.

``attribute(text, sentences)`` returns one :class:`~audit.model.Attribution` per sentence, in order;
``attribute_all(text, sentences)`` returns every attribution of each sentence. Both parse the sentences with the
package's own pipeline (``audit.nlp``) unless the parse is given. A sentence's attributions come from:

1. Direct quotes (:mod:`~audit.claim_extraction.attribution.quote_marks`), each with the speaker of the reporting
   frame right after it (``…," Rubio explained.``) or right before it (``Lin Jian asserted, “…”``, ``which Ed
   Morrissey calls “…”``) (:mod:`~audit.claim_extraction.attribution.direct_quotes`). A quote with no speaker of its
   own continues the previous attributed quote of the paragraph; split quotes (“A,” she said. “B.”) are one
   statement; scare quotes (short, no speaker) are ignored.
2. Reporting frames (:mod:`~audit.claim_extraction.attribution.frames`): a verb of saying, showing or believing with
   its subject (or passive agent) as source and its clausal complement, or the clause it interrupts, as content;
   "according to X"; "as X reported". The source phrase (:mod:`~audit.claim_extraction.attribution.sources`) decides
   whether the attribution names someone (``reported``, ``according_to``) or nobody (``vague``; an unnamed person of
   a named body keeps the body in ``body``). Time words and quantities are never sources.
3. Vague wording no source phrase carries (:mod:`~audit.claim_extraction.attribution.vague.found`): "it is believed
   that", "amid allegations that", "people familiar with the matter", "reportedly".
4. Title Case headlines ("Trump Tells Florida Supporters …", :mod:`~audit.claim_extraction.attribution.headline`),
   where the parse of a headline is least reliable, when nothing else is found.
5. Short references resolved within the article (:mod:`~audit.claim_extraction.attribution.coref`): a lone surname to
   the full name, "he"/"she"/"they" to the one earlier speaker, "the company"/"the senator" to the one such body or
   person named before.

The primary attribution of a sentence is its first quote (unless the quote has no speaker and sits inside a
report, whose cue then wins), else its earliest attribution. First-person statements outside quotes ("we will
analyse") are the writer's own and get ``NO_ATTRIBUTION``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache

from audit.claim_extraction.attribution.coref import resolve
from audit.claim_extraction.attribution.direct_quotes import join_split_quotes, quote_attributions
from audit.claim_extraction.attribution.headline import headline_cues
from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.claim_extraction.attribution.quote_marks import Quote
from audit.claim_extraction.attribution.reports import Found, sentence_reports
from audit.claim_extraction.attribution.vague.found import vague_reports
from audit.claim_extraction.attribution.vague.lexicon import VagueLexicon
from audit.data import load
from audit.model import NO_ATTRIBUTION, Attribution, Span
from audit.nlp.parse import ParsedSentence, parse_sentences


@cache
def lexicon() -> Lexicon:
    """The cue lexicons of ``audit/data/attribution.json`` (loaded once)."""
    return Lexicon.from_json(load("attribution"))


@cache
def vague_lexicon() -> VagueLexicon:
    """The vague-sourcing patterns of ``audit/data/attribution.json`` (loaded once)."""
    return VagueLexicon.from_json(load("attribution"))


def _overlap(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _quote_hits(sentence: Span, quotes: Sequence[tuple[Quote, Attribution]]) -> list[Found]:
    """The direct quotes whose words overlap the sentence, in order."""
    return [
        Found(quote.span.start, attribution)
        for quote, attribution in quotes
        if quote.content.start < sentence.end and sentence.start < quote.content.end
    ]


def _repeats(cue: Found, kept: Sequence[Found], quote_spans: Sequence[Span]) -> bool:
    """Is a cue already told by a kept attribution or a quote of the sentence?

    Yes when its cue words lie inside a quote (speech within speech), when its cue overlaps a kept one's, or when at
    least half of its content is the content of a kept attribution (``…,” Trump said.``: the quote already carries
    it), unless that attribution's cue lies inside its content ("He thought that A, officials said").
    """
    attribution = cue.attribution
    span = attribution.cue_span
    if span is not None and any(q.start <= span.start and span.end <= q.end for q in quote_spans):
        return True
    content = attribution.content_span
    for other in kept:
        if _overlap(span, other.attribution.cue_span):
            return True
        source, verb = other.attribution.speaker_span, other.attribution.cue_span
        if (
            span is not None
            and source is not None
            and verb is not None
            and source.end <= span.start < verb.start
        ):
            return True  # "Jane Doe, *a source close to the talks*, said": the named speaker's own apposition
        inner = other.attribution.cue_span
        if content is not None and inner is not None and content.start <= inner.start < content.end:
            continue
        shared = _overlap(content, other.attribution.content_span)
        if content is not None and shared * 2 >= content.end - content.start:
            return True
    return False


def _merged(text: str, cues: list[Found]) -> list[Found]:
    """Adjacent vague cues are one: "said a spokesperson" + "who declined to be named"."""
    merged: list[Found] = []
    for cue in cues:
        previous = merged[-1] if merged else None
        span, before = cue.attribution.cue_span, previous.attribution.cue_span if previous else None
        if (
            previous is not None
            and span is not None
            and before is not None
            and cue.attribution.kind == previous.attribution.kind == "vague"
            and 0 <= span.start - before.end <= 2
        ):
            joined = Span(before.start, span.end)
            attribution = dataclasses.replace(previous.attribution, cue=joined.slice(text), cue_span=joined)
            merged[-1] = dataclasses.replace(previous, attribution=attribution)
            continue
        merged.append(cue)
    return merged


def _continued(text: str, quoted: list[Found], cues: list[Found]) -> tuple[list[Found], list[Found]]:
    """A vague cue right after a quote's vague speaker continues it ("…,” said a spokesperson *who declined to be
    named*."): one unnamed speaker, its cue extended."""
    left: list[Found] = []
    for cue in cues:
        span = cue.attribution.cue_span
        for index, hit in enumerate(quoted):
            before = hit.attribution.cue_span
            if (
                span is None
                or before is None
                or hit.attribution.kind != "vague"
                or cue.attribution.kind != "vague"
            ):
                continue
            if 0 <= span.start - before.end <= 2:
                joined = Span(before.start, span.end)
                attribution = dataclasses.replace(hit.attribution, cue=joined.slice(text), cue_span=joined)
                quoted[index] = dataclasses.replace(hit, attribution=attribution)
                break
        else:
            left.append(cue)
    return quoted, left


def _primary(quoted: Sequence[Found], cues: Sequence[Found]) -> Found | None:
    """The sentence's one attribution: its first quote (or the report that holds a speakerless quote), else its
    first cue."""
    if not quoted:
        return cues[0] if cues else None
    hit = quoted[0]
    quote = hit.attribution.content_span
    if hit.attribution.speaker is None and quote is not None:
        for cue in cues:
            content, cue_span = cue.attribution.content_span, cue.attribution.cue_span
            if content is None or cue_span is None or quote.start <= cue_span.start < quote.end:
                continue
            if content.start <= quote.start and quote.end <= content.end + 1:
                return cue  # "41 percent say the remarks are “unacceptable”": the report holds the quote
    return hit


def _sentence_all(
    text: str,
    sentence: Span,
    parsed: ParsedSentence,
    quotes: Sequence[tuple[Quote, Attribution]],
    lex: Lexicon,
    vlex: VagueLexicon,
) -> tuple[list[Found], Found | None]:
    """Every attribution of one sentence in order of position, and its primary one."""
    quoted = _quote_hits(sentence, quotes)
    quote_spans = [q.span for q, _ in quotes if q.span.start < sentence.end and sentence.start < q.span.end]
    cues: list[Found] = []
    reports = [f for f in sentence_reports(parsed, text, lex) if f.attribution.content_span is not None]
    reports = [f for f in reports if not f.hedged]
    for found in [*reports, *vague_reports(text, sentence, lex, vlex)]:
        if not _repeats(found, [*quoted, *cues], quote_spans):
            cues.append(found)
    cues = _merged(text, sorted(cues, key=lambda found: found.position))
    quoted, cues = _continued(text, quoted, cues)
    if not quoted and not cues:
        cues = headline_cues(text, sentence, lex)
    primary = _primary(quoted, cues)
    kept = list(quoted)
    kept += [cue for cue in cues if cue is primary or not any(cue is k for k in kept)]
    return sorted(kept, key=lambda found: found.position), primary


def _parsed(
    text: str, sentences: Sequence[Span], parsed: Sequence[ParsedSentence] | None
) -> list[ParsedSentence]:
    return list(parsed) if parsed is not None else parse_sentences(text, sentences)


# --- the public interface --------------------------------------------------------------------------


def attribute(
    text: str, sentences: Sequence[Span], parsed: Sequence[ParsedSentence] | None = None
) -> list[Attribution]:
    """One attribution per sentence (``NO_ATTRIBUTION`` when nothing attributes it), offsets into ``text``."""
    lex = lexicon()
    vlex = vague_lexicon()
    parses = _parsed(text, sentences, parsed)
    quotes = quote_attributions(text, parses, lex)
    primaries = [
        _sentence_all(text, sentence, parse, quotes, lex, vlex)[1]
        for sentence, parse in zip(sentences, parses, strict=True)
    ]
    return resolve(text, sentences, [f.attribution if f else NO_ATTRIBUTION for f in primaries], lex)


def attribute_all(
    text: str, sentences: Sequence[Span], parsed: Sequence[ParsedSentence] | None = None
) -> list[list[Attribution]]:
    """Every attribution found in each sentence, in order of position (an empty list for none).

    A quote that runs over several sentences appears, as the same attribution, in each of them. Short references
    are resolved over all attributions in text order (:mod:`audit.claim_extraction.attribution.coref`).
    """
    lex = lexicon()
    vlex = vague_lexicon()
    parses = _parsed(text, sentences, parsed)
    quotes = join_split_quotes(text, quote_attributions(text, parses, lex), lex)
    flat: list[Attribution] = []
    sentence_of: list[int] = []
    for index, (sentence, parse) in enumerate(zip(sentences, parses, strict=True)):
        for hit in _sentence_all(text, sentence, parse, quotes, lex, vlex)[0]:
            flat.append(hit.attribution)
            sentence_of.append(index)
    resolved = resolve(text, sentences, flat, lex, sentence_of)
    result: list[list[Attribution]] = [[] for _ in sentences]
    for index, attribution in zip(sentence_of, resolved, strict=True):
        result[index].append(attribution)
    return result
