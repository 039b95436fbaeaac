"""Direct quotes and their speakers: the source just after a quote (``…," Rubio explained.``), just
before it (``Lin Jian asserted, “…”``, ``which Ed Morrissey calls “…”``), continued quotes of the same
paragraph, and split quotes joined into one statement (``“A,” she said. “B.”``).

Split from :mod:`audit.claim_extraction.attribution.attribute`, which combines these with the sentence cues.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, tokenize
from audit.claim_extraction.attribution.quote_marks import Quote, outer_quotes
from audit.claim_extraction.attribution.reports import Found, sentence_reports
from audit.claim_extraction.attribution.sources import classify
from audit.model import Attribution, Span
from audit.nlp.parse import ParsedSentence

_SPLIT_GAP = 120  # characters between the two parts of a split quote (“A,” she said. “B.”)
_GAP_WORDS = 4  # words a naming or participle cue may have between it and the quote ("calling the plan “…”")
_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "this", "that"})


def _sentence_at(parsed: Sequence[ParsedSentence], position: int) -> int | None:
    for index, sentence in enumerate(parsed):
        if sentence.span.start <= position < sentence.span.end:
            return index
    return None


def _only_punctuation(gap: str) -> bool:
    """Nothing but punctuation, or a determiner of the source ("…,” *the* senator said")."""
    return not re.sub(r"[\s,:;—–\-()]+|\b(?:the|a|an)\b", "", gap, flags=re.IGNORECASE)


def _after(text: str, quote: Quote, reports: Sequence[Found]) -> Found | None:
    """The report right after a quote: ``…," Rubio explained.`` / ``…," said Trump.`` / ``…," X, an aide, told``.

    Not after a quote that ends its sentence with a full stop (``…."  He said the …``): what follows is a new
    sentence, not the quote's attribution."""
    if quote.content.end > quote.content.start and text[quote.content.end - 1] == ".":
        return None
    for found in reports:
        cue = found.attribution.cue_span
        if cue is None or cue.start < quote.span.end:
            continue
        start = min(found.position, cue.start)
        return found if start >= quote.span.end and _only_punctuation(text[quote.span.end : start]) else None
    return None


def _before(text: str, quote: Quote, reports: Sequence[Found]) -> Found | None:
    """The report right before a quote: ``Lin Jian asserted, “`` / ``Weil, a professor …, elaborated: “`` /
    ``which Ed Morrissey calls “`` / ``…, calling the material “``."""
    for found in reversed(reports):
        cue = found.attribution.cue_span
        if cue is None or cue.end > quote.span.start:
            continue
        gap = text[cue.end : quote.span.start]
        if _only_punctuation(gap):
            return found
        words = gap.split()
        if len(words) <= _GAP_WORDS and not any(mark in gap for mark in '“”".'):
            if len(words) == 1 and words[0].lower().strip(",") in _OBJECT_PRONOUNS:
                return found
            if found.attribution.cue and found.attribution.cue.lower().endswith("ing"):
                return found
        return None
    return None


def _mistagged_before(text: str, quote: Quote, sentence: ParsedSentence, lex: Lexicon) -> Found | None:
    """``A report by X notes, “…”`` with "notes" tagged as a noun: a speech form right before the quote, and the
    subject phrase before it (the first noun phrase whose head lies outside the words before the verb)."""
    before = [w for w in sentence.words if w.end <= quote.span.start]
    while before and before[-1].pos == "PUNCT":
        before.pop()
    if (
        not before
        or before[-1].lower not in lex.speech_verbs | lex.document_verbs
        or before[-1].pos in ("VERB", "AUX")
    ):
        return None
    verb = before[-1]
    words = before[:-1]
    indexes = {w.i for w in words}
    for word in words:
        if word.pos in ("NOUN", "PROPN", "PRON") and (word.head not in indexes or word.head == word.i):
            source = classify(sentence, word, text, lex)
            if source is None or source.kind == "first":
                return None
            cue = Span(verb.start, verb.end)
            if source.kind in ("unnamed", "body"):
                span = Span(source.span.start, verb.end)
                vague = Attribution(kind="vague", cue=span.slice(text), cue_span=span, body=source.body)
                return Found(source.span.start, vague, source)
            named = Attribution(
                kind="direct_quote",
                speaker=source.text,
                cue=verb.text,
                cue_span=cue,
                speaker_span=source.span,
                role=source.role,
            )
            return Found(source.span.start, named, source)
    return None


def _quote_speaker(
    text: str, quote: Quote, parsed: Sequence[ParsedSentence], lex: Lexicon
) -> Attribution | None:
    """The speaker of a quote from the report just after it, else just before it (a name beats a pronoun)."""
    found: Found | None = None
    end_index = _sentence_at(parsed, max(quote.span.end - 1, quote.span.start))
    if end_index is not None:
        found = _after(text, quote, sentence_reports(parsed[end_index], text, lex))
    if found is None or (found.source is not None and found.source.kind in ("pronoun",)):
        start_index = _sentence_at(parsed, quote.span.start)
        if start_index is not None:
            before = _before(text, quote, sentence_reports(parsed[start_index], text, lex, naming=True))
            if before is None and found is None:
                before = _mistagged_before(text, quote, parsed[start_index], lex)
            if before is not None and (found is None or (before.source and before.source.kind == "named")):
                found = before
    if found is None:
        return None
    attribution = found.attribution
    if attribution.kind == "vague":
        return dataclasses.replace(attribution, content_span=quote.content)
    return dataclasses.replace(attribution, kind="direct_quote", content_span=quote.content)


_ACCORDING_TO_END = re.compile(r"\baccording to\s*$", re.IGNORECASE)


def _title_after_according_to(text: str, quote: Quote) -> bool:
    """Is a quote right after "according to" a title (capitalised, up to eight words), not speech?"""
    title = quote.content.slice(text).split()
    return (
        0 < len(title) <= 8
        and title[0][:1].isupper()
        and _ACCORDING_TO_END.search(text[max(0, quote.span.start - 20) : quote.span.start]) is not None
    )


def _noun_modifier(quote: Quote, parsed: Sequence[ParsedSentence]) -> bool:
    """A quote that modifies a noun after it ("declared a “no-limits” partnership"): a scare quote, not speech."""
    index = _sentence_at(parsed, quote.content.start)
    if index is None:
        return False
    sentence = parsed[index]
    inside = {w.i for w in sentence.words if quote.content.start <= w.start and w.end <= quote.content.end}
    tops = [sentence.words[i] for i in inside if sentence.words[i].head not in inside]
    tops = [w for w in tops if w.pos != "PUNCT"]
    return bool(tops) and all(
        w.head != w.i
        and sentence.words[w.head].pos in ("NOUN", "PROPN")
        and sentence.words[w.head].start >= quote.span.end
        and w.relation in ("compound", "amod", "nmod", "nummod", "det")
        for w in tops
    )


def quote_attributions(
    text: str, parsed: Sequence[ParsedSentence], lex: Lexicon
) -> list[tuple[Quote, Attribution]]:
    """Every quote that is direct speech, with its attribution (continued quotes inherit the speaker)."""
    result: list[tuple[Quote, Attribution]] = []
    for quote in outer_quotes(text):
        if _title_after_according_to(text, quote):
            continue  # "according to “Man of the World,” a book by …": the cue's source
        found = _quote_speaker(text, quote, parsed, lex)
        inherited = found is None
        if found is None and result:
            prev_quote, prev = result[-1]
            between = text[prev_quote.span.end : quote.span.start]
            if prev.speaker is not None and "\n\n" not in between and len(between) < 400:
                found = Attribution(
                    kind="direct_quote",
                    speaker=prev.speaker,
                    cue=prev.cue,
                    cue_span=prev.cue_span,
                    speaker_span=prev.speaker_span,
                    role=prev.role,
                    content_span=quote.content,
                )
        words = len(quote.content.slice(text).split())
        if found is None and words >= lex.min_quote_words:
            found = Attribution(kind="direct_quote", content_span=quote.content)
        speech = (  # a short quote with a speech verb of its own (a continued one needs its words)
            found is not None
            and not inherited
            and found.speaker is not None
            and (found.cue or "").lower() in lex.speech_verbs - lex.stance_verbs
            and not _noun_modifier(quote, parsed)
        )
        if found is not None and (words >= lex.min_quote_words or speech):  # short: a true speech verb
            result.append((quote, found))
    return result


def join_split_quotes(
    text: str, quotes: Sequence[tuple[Quote, Attribution]], lex: Lexicon
) -> list[tuple[Quote, Attribution]]:
    """Split quotes joined into one attribution: ``“A,” she said. “B.”`` is one statement of hers.

    A quote that continues the previous one (same speaker and cue, inherited) with that cue between the
    two, less than ``_SPLIT_GAP`` characters apart, shares one attribution whose content runs from the
    start of A to the end of B (an :class:`~audit.model.Attribution` has one content span, so the cue
    words in between are inside it). Chains join too: ``“A,” she said. “B.” “C.”`` stays one while each
    gap holds the cue or is short.
    """
    result = list(quotes)
    for k in range(1, len(result)):
        (prev_quote, prev), (quote, attribution) = result[k - 1], result[k]
        cue = prev.cue_span
        gap = tokenize(text, Span(prev_quote.span.end, quote.span.start))
        second = [
            tok for tok in gap if tok.low in lex.participle_cues and (cue is None or tok.start > cue.end)
        ]
        if second and attribution.speaker == prev.speaker and attribution.cue_span == cue:
            # “A,” she wrote, adding, “B.”: a second statement with its own cue, not a split quote
            result[k] = (quote, dataclasses.replace(attribution, cue=second[0].text, cue_span=second[0].span))
            continue
        if (
            "\n" in text[prev_quote.span.end : quote.span.start]
            or cue is None
            or attribution.cue_span != cue
            or attribution.speaker != prev.speaker
            or prev.content_span is None
            or attribution.content_span is None
            or quote.span.start - prev_quote.span.end > _SPLIT_GAP
            or cue.end <= prev.content_span.start
        ):
            continue
        joined = dataclasses.replace(
            prev, content_span=Span(prev.content_span.start, attribution.content_span.end)
        )
        for j in range(k - 1, -1, -1):  # every quote that shares the earlier attribution takes the joined one
            if result[j][1] is not prev:
                break
            result[j] = (result[j][0], joined)
        result[k] = (quote, joined)
    return result
