"""Attribution: who says so, for every sentence of an article.

``attribute(text, sentences)`` returns one :class:`~audit.model.Attribution` per sentence, in order:

1. Direct quotes (:mod:`audit.quotes`): every sentence inside a quote gets the quote's attribution; the
   speaker is found after the quote (``…," Rubio explained.``) or before it (``Lin Jian asserted, “…”``,
   ``Klaus Weil, a professor at …, elaborated: “…”``). A quote with no speaker of its own continues the
   previous attributed quote of the same paragraph. Scare quotes (fewer than ``min_quote_words`` words and
   no speaker) are ignored.
2. Otherwise the first cue in the sentence decides, by position: "according to X" / "as X reported" /
   "a report by X notes" (``according_to``); "X said that …", "…, X noted", "X, stating that"
   (``reported``); and vague cues (``vague``): the pattern families of :mod:`audit.attribution_vague`
   (impersonal "it is believed that", evaluative passives "is widely regarded as", "considered by many",
   unnamed groups "many historians believe", hearsay nouns "amid allegations that"), the adverbs
   "reportedly"/"allegedly", fixed phrases ("people familiar with the matter") and unnamed sources
   ("Reports indicate", "Supporters argue", "according to federal officials"). A quote with no speaker
   inside reported speech takes the sentence's cue instead.
3. Short references are resolved: a lone surname to the one earlier full name ending with it ("Weil" ->
   "Klaus Weil"), "he"/"she" to the person who spoke in the previous few sentences when only one did,
   "they" to the previous group; never across an ambiguous pair (two candidates keep the short form).

Decisions, documented: an unnamed group ("Supporters argue", "critics", "Russian officials") is a vague
source, and "They contend" that refers back to one stays vague; named organisations and documents are
sources ("A report by the U.S. Council on Foreign Relations notes" -> according_to). A quote reported
second-hand ("Trump reportedly remarked, “…”") stays a direct quote of Trump: the words are attributed to
him. Opinion words alone ("appears", "may") are not attributions; first-person statements outside quotes
("we will analyse") are the author's own and get ``NO_ATTRIBUTION``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from audit.attribution_coref import resolve
from audit.attribution_source import Lexicon, NounPhrase, Tok, np_after, np_before, tokenize
from audit.attribution_vague import VagueCue, VagueLexicon, unnamed_group_after, vague_cue_at
from audit.model import NO_ATTRIBUTION, Attribution, Span
from audit.quotes import Quote, outer_quotes


@cache
def _raw_lexicon() -> dict[str, Any]:
    raw: dict[str, Any] = json.loads(
        resources.files("audit").joinpath("data/attribution.json").read_text(encoding="utf-8")
    )
    return raw


@cache
def lexicon() -> Lexicon:
    """The cue lexicons of ``audit/data/attribution.json`` (loaded once)."""
    return Lexicon.from_json(_raw_lexicon())


@cache
def vague_lexicon() -> VagueLexicon:
    """The vague-sourcing patterns of ``audit/data/attribution.json`` (loaded once)."""
    return VagueLexicon.from_json(_raw_lexicon())


@dataclass(frozen=True, slots=True)
class _Found:
    """An attribution found in a sentence, with where its cue starts (earliest cue wins)."""

    position: int
    attribution: Attribution
    phrase: NounPhrase | None = None


_END_PUNCT = ".!?;:,\"'“”‘’»« \n\t"


def _trim(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding punctuation and spaces; None when nothing is left."""
    while start < end and text[start] in _END_PUNCT:
        start += 1
    while end > start and text[end - 1] in _END_PUNCT:
        end -= 1
    return Span(start, end) if end > start else None


def _cue_span(toks: Sequence[Tok], i: int, j: int) -> tuple[str, Span]:
    span = Span(toks[i].start, toks[j].end)
    return " ".join(t.text for t in toks[i : j + 1]), span


def _from_phrase(
    text: str, phrase: NounPhrase, kind: str, cue: str, cue_span: Span, content: Span | None
) -> Attribution:
    if phrase.kind == "vague":
        if phrase.start < cue_span.start:  # the cue is the unnamed source with its verb: "Reports indicate"
            cue_span = Span(phrase.start, cue_span.end)
            cue = cue_span.slice(text)
        return Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content)
    final = "according_to" if phrase.document and kind != "direct_quote" else kind
    return Attribution(
        kind=final,  # type: ignore[arg-type]
        speaker=phrase.speaker,
        cue=cue,
        cue_span=cue_span,
        speaker_span=phrase.speaker_span,
        role=phrase.role,
        content_span=content,
    )


def _match_phrase(toks: Sequence[Tok], i: int, phrases: dict[int, frozenset[tuple[str, ...]]]) -> int:
    """Length (in tokens) of the longest lexicon phrase starting at token ``i``; 0 when none."""
    for length in sorted(phrases, reverse=True):
        words = tuple(t.low for t in toks[i : i + length])
        if len(words) == length and words in phrases[length]:
            return length
    return 0


def _content_after(text: str, toks: Sequence[Tok], j: int, sentence: Span) -> Span | None:
    """The reported content after the cue ending at token ``j``: skips "that", ":" and ","."""
    k = j + 1
    while k < len(toks) and toks[k].low in {"that", ":", ",", "—"}:
        k += 1
    if k >= len(toks):
        return None
    return _trim(text, toks[k].start, sentence.end)


def _sentence_cues(text: str, sentence: Span, lex: Lexicon, vlex: VagueLexicon) -> _Found | None:
    """The earliest attribution cue of a sentence outside quotes (step 2 of the module docstring)."""
    toks = tokenize(text, sentence)
    for i, tok in enumerate(toks):
        low = tok.low
        # according to X / as reported by X
        length = _match_phrase(toks, i, lex.according_to)
        if length:
            group_end = unnamed_group_after(toks, i + length, vlex)
            if group_end is not None:  # "according to federal law enforcement officials": unnamed
                cue, cue_span = _cue_span(toks, i, group_end)
                if i <= 1:
                    content = _trim(
                        text,
                        toks[group_end + 1].start if group_end + 1 < len(toks) else sentence.end,
                        sentence.end,
                    )
                else:
                    content = _trim(text, sentence.start, tok.start)
                return _Found(
                    tok.start, Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content)
                )
            phrase = np_after(toks, i + length, lex)
            if phrase is not None:
                cue, cue_span = _cue_span(toks, i, i + length - 1)
                end_np = phrase.last + 1
                if i <= 1:  # "According to X, content."
                    content = _trim(
                        text, toks[end_np].start if end_np < len(toks) else sentence.end, sentence.end
                    )
                else:  # "content, according to X."
                    content = _trim(text, sentence.start, tok.start)
                kind = "according_to" if phrase.kind != "vague" else "vague"
                return _Found(tok.start, _from_phrase(text, phrase, kind, cue, cue_span, content), phrase)
        # vague-sourcing patterns (audit.attribution_vague) before the fixed phrases: fuller cue spans
        vague = vague_cue_at(toks, i, vlex, lex)
        if vague is not None:
            return _vague_found(text, toks, vague, sentence)
        # fixed vague phrases: "it is believed", "people familiar with the matter"
        length = _match_phrase(toks, i, lex.vague_phrases)
        if length:
            cue, cue_span = _cue_span(toks, i, i + length - 1)
            content = _content_after(text, toks, i + length - 1, sentence) or _trim(
                text, sentence.start, sentence.end
            )
            return _Found(
                tok.start, Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content)
            )
        if low in lex.vague_adverbs:
            content = _trim(text, sentence.start, sentence.end)
            return _Found(
                tok.start, Attribution(kind="vague", cue=tok.text, cue_span=tok.span, content_span=content)
            )
        # "as X reported": according_to
        if low in lex.as_forms and i + 1 < len(toks):
            phrase = np_after(toks, i + 1, lex)
            if (
                phrase is not None
                and phrase.last + 1 < len(toks)
                and lex.cue_verb(toks, phrase.last + 1, True)
            ):
                verb = phrase.last + 1
                cue, cue_span = _cue_span(toks, i, verb)
                content = _content_after(text, toks, verb, sentence)
                return _Found(
                    tok.start, _from_phrase(text, phrase, "according_to", cue, cue_span, content), phrase
                )
        # participle after a comma: "Rubio addressed this notion …, stating that …"
        if (
            low in lex.participle_cues
            and i > 0
            and (toks[i - 1].text == "," or toks[i - 1].low in lex.document_nouns)
        ):
            phrase = np_after(toks, _subject_start(toks, i, lex), lex)
            if phrase is not None and phrase.kind != "thing":
                content = _content_after(text, toks, i, sentence)
                return _Found(
                    tok.start, _from_phrase(text, phrase, "reported", tok.text, tok.span, content), phrase
                )
        found = _verb_cue(text, toks, i, sentence, lex)
        if found is not None:
            return found
    return None


def _vague_found(text: str, toks: Sequence[Tok], vague: VagueCue, sentence: Span) -> _Found:
    """The attribution of a vague-sourcing cue; content after "that" or else the whole sentence."""
    cue, cue_span = _cue_span(toks, vague.first, vague.last)
    start = toks[vague.content_from].start if vague.content_from is not None else sentence.start
    content = _trim(text, start, sentence.end)
    return _Found(
        toks[vague.first].start,
        Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content),
    )


def _subject_start(toks: Sequence[Tok], limit: int, lex: Lexicon) -> int:
    """Where the sentence subject starts: after an opening adverbial ("Upon Trump’s reelection, …")."""
    if toks and toks[0].low in lex.adverbial_openers:
        for k in range(1, limit):
            if toks[k].text == ",":
                return k + 1
    return 0


def _verb_cue(text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon) -> _Found | None:
    """A reporting verb at token ``i`` with its source before it ("X said") or after it ("said X")."""
    tok = toks[i]
    low = tok.low
    if not lex.cue_verb(toks, i, document=True):
        return None
    is_speech = low in lex.speech_verbs
    if i > 0 and toks[i - 1].low in {"to", "the", "a", "an", "his", "her", "their", "its", "this", "that"}:
        return None  # "to say", "the report", "a statement": not a reporting verb here
    phrase = np_before(toks, i, lex)
    if phrase is None and i > 0 and toks[i - 1].text in {",", "”", '"', "’"}:
        after = np_after(toks, i + 1, lex)  # "…, said Trump."
        if after is not None and after.kind in {"person", "org", "vague"} and after.last >= len(toks) - 2:
            phrase = after
    if phrase is None or phrase.kind in {"thing", "first"}:
        return None
    if not is_speech and not (phrase.document or phrase.kind in {"vague", "org"}):
        return None  # "show", "reveal", "find" only with documents, organisations or unnamed sources
    following = toks[i + 1].low if i + 1 < len(toks) else "."
    if (
        low in lex.needs_that
        and phrase.kind != "vague"
        and following not in lex.that_words
        and following != "."
    ):
        return None  # "maintain dialogue", "found a way": not reporting anything
    if low in lex.weak_verbs and phrase.kind not in {"person", "vague", "pronoun", "group", "org"}:
        return None
    after_verb = _content_after(text, toks, i, sentence)
    if phrase.first > i or after_verb is None or (i + 1 < len(toks) and toks[i + 1].text in {".", "!", "?"}):
        content = _trim(text, sentence.start, toks[min(phrase.first, i)].start)  # "content, X said."
    else:
        content = after_verb
    if content is None:
        return None
    return _Found(
        min(tok.start, phrase.start),
        _from_phrase(text, phrase, "reported", tok.text, tok.span, content),
        phrase,
    )


# --- direct quotes ---------------------------------------------------------------------------------


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)”\"’])[.!?](?=\s|$)|\n")


def _quote_tail(text: str, quote: Quote, lex: Lexicon) -> tuple[NounPhrase, Tok] | None:
    """The source just after a quote: ``…," Rubio explained.`` / ``…," said Trump.``"""
    tail_end = len(text)
    stop = _SENTENCE_END.search(text, quote.span.end)
    if stop is not None:
        tail_end = stop.start()
    tail = tokenize(text, Span(quote.span.end, min(tail_end, quote.span.end + 250)))
    for i, tok in enumerate(tail[:14]):
        if lex.cue_verb(tail, i):
            phrase = np_before(tail, i, lex)
            if phrase is not None and phrase.first > 1:
                phrase = None  # the source must follow the quote directly
            if phrase is None and i <= 1:
                phrase = np_after(tail, i + 1, lex)
            if phrase is not None and phrase.kind not in {"thing", "first"}:
                return phrase, tok
            break
    return None


def _quote_head(text: str, quote: Quote, lex: Lexicon) -> tuple[NounPhrase, Tok] | None:
    """The source just before a quote: ``Lin Jian asserted, “`` / ``Weil, a professor …, elaborated: “``."""
    line_start = text.rfind("\n", 0, quote.span.start) + 1
    head_start = max(line_start, quote.span.start - 400)
    previous = [m.end() for m in _SENTENCE_END.finditer(text, head_start, quote.span.start)]
    if previous:
        head_start = previous[-1]
    head = tokenize(text, Span(head_start, quote.span.start))
    for back in range(1, min(7, len(head)) + 1):
        i = len(head) - back
        if lex.cue_verb(head, i, document=True):
            phrase = np_before(head, i, lex)
            if phrase is not None and phrase.kind not in {"thing", "first"}:
                return phrase, head[i]
    return None


def _quote_speaker(text: str, quote: Quote, lex: Lexicon) -> Attribution | None:
    """The speaker of a quote from the words just after it, else just before it (a name beats a pronoun)."""
    tail = _quote_tail(text, quote, lex)
    if tail is None or tail[0].kind in {"pronoun", "group"}:
        head = _quote_head(text, quote, lex)
        if head is not None and (tail is None or head[0].kind not in {"pronoun", "group"}):
            tail = head
    if tail is None:
        return None
    phrase, tok = tail
    return _from_phrase(text, phrase, "direct_quote", tok.text, tok.span, quote.content)


def _quote_attributions(text: str, lex: Lexicon) -> list[tuple[Quote, Attribution]]:
    """Every quote that is direct speech, with its attribution (continued quotes inherit the speaker)."""
    result: list[tuple[Quote, Attribution]] = []
    for quote in outer_quotes(text):
        found = _quote_speaker(text, quote, lex)
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
        if found is not None and (words >= lex.min_quote_words or found.speaker is not None):
            result.append((quote, found))
    return result


def _prefer_cue(text: str, sentence: Span, quoted: _Found, lex: Lexicon, vlex: VagueLexicon) -> _Found:
    """A quote with no speaker inside reported speech ("41 percent say the remarks are “unacceptable”")
    belongs to that report: the sentence's own cue wins when its content covers the quote."""
    cue = _sentence_cues(text, sentence, lex, vlex)
    quote = quoted.attribution.content_span
    if cue is None or quote is None:
        return quoted
    content, cue_span = cue.attribution.content_span, cue.attribution.cue_span
    if content is None or cue_span is None or quote.start <= cue_span.start < quote.end:
        return quoted  # the cue sits inside the quoted words
    if content.start <= quote.start and quote.end <= content.end + 1:
        return cue
    return quoted


# --- the public interface --------------------------------------------------------------------------


def attribute(text: str, sentences: Sequence[Span]) -> list[Attribution]:
    """One attribution per sentence (``NO_ATTRIBUTION`` when nothing attributes it), offsets into ``text``."""
    lex = lexicon()
    vlex = vague_lexicon()
    quotes = _quote_attributions(text, lex)
    found: list[_Found | None] = []
    for sentence in sentences:
        hit: _Found | None = None
        for quote, attribution in quotes:
            if quote.content.start < sentence.end and sentence.start < quote.content.end:
                hit = _Found(quote.span.start, attribution)
                break
        if hit is None:
            hit = _sentence_cues(text, sentence, lex, vlex)
        elif hit.attribution.speaker is None and hit.attribution.content_span is not None:
            hit = _prefer_cue(text, sentence, hit, lex, vlex)
        found.append(hit)

    return resolve(text, sentences, [f.attribution if f else NO_ATTRIBUTION for f in found], lex)
