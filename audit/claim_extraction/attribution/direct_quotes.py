"""Direct quotes and their speakers: the source just after a quote (``…," Rubio explained.``), just
before it (``Lin Jian asserted, “…”``, ``which Ed Morrissey calls “…”``), continued quotes of the same
paragraph, and split quotes joined into one statement (``“A,” she said. “B.”``).

Split from :mod:`audit.claim_extraction.attribution.attribute`, which combines these with the sentence cues.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, tokenize
from audit.claim_extraction.attribution.quote_marks import Quote, outer_quotes
from audit.claim_extraction.attribution.source_after import np_after
from audit.claim_extraction.attribution.source_phrase import NounPhrase, np_before
from audit.claim_extraction.attribution.verbs import from_phrase, participle_subject
from audit.model import Attribution, Span

_SPLIT_GAP = 120  # characters between the two parts of a split quote (“A,” she said. “B.”)
# a sentence end, but not the dot of a title before a name ("Ms. McCaskill said")
_TITLE_DOTS = "".join(
    rf"(?<!\b{title})"
    for title in ("Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Prof", "St", "Jr", "Lt")
)
SENTENCE_END = re.compile(rf"{_TITLE_DOTS}(?<=[a-z0-9)”\"’])[.!?](?=\s|$)|\n")


def _quote_tail(text: str, quote: Quote, lex: Lexicon) -> tuple[NounPhrase, Tok] | None:
    """The source just after a quote: ``…," Rubio explained.`` / ``…," said Trump.``

    Not after a quote that ends its sentence with a full stop (``…."  He said the …``): what follows
    is a new sentence, not the quote's attribution."""
    if quote.content.end > quote.content.start and text[quote.content.end - 1] == ".":
        return None
    tail_end = len(text)
    stop = SENTENCE_END.search(text, quote.span.end)
    if stop is not None:
        tail_end = stop.start()
    tail = tokenize(text, Span(quote.span.end, min(tail_end, quote.span.end + 250)))
    for i, tok in enumerate(tail[:32]):  # room for an appositive: “…,” X, part of the team …, told
        if lex.cue_verb(tail, i) and tok.low not in lex.main_clause_verbs:
            phrase = np_before(tail, i, lex)
            if phrase is not None and phrase.first > 1:
                phrase = None  # the source must follow the quote directly
            if phrase is None and i <= 1:
                phrase = np_after(tail, i + 1, lex)
            if phrase is not None and phrase.kind not in {"thing", "first"}:
                return phrase, tok
            break
    return None


_OBJECT_PRONOUNS = frozenset({"it", "them", "him", "her", "this", "that"})
_RELATIVES = frozenset({"which", "what", "that", "whom"})


def _naming_head(head: Sequence[Tok], lex: Lexicon) -> tuple[NounPhrase, Tok] | None:
    """The subject of a naming verb just before a quote, directly or after one object pronoun: "which
    Ed Morrissey *calls* “…”", "Trump *called it* “…”" (the description is the subject's words)."""
    i = len(head) - 1
    if i >= 1 and head[i].low in _OBJECT_PRONOUNS:
        i -= 1
    if i < 1 or head[i].low not in lex.naming_verbs:
        return None
    relative = max((k for k in range(max(0, i - 7), i) if head[k].low in _RELATIVES), default=None)
    if relative is not None:  # "which Ed Morrissey calls": the subject opens the relative clause
        head = head[relative + 1 :]
        i -= relative + 1
    phrase = np_before(head, i, lex)
    if phrase is None or phrase.kind not in {"person", "org", "pronoun"}:
        return None
    return phrase, head[i]


def _quote_head(text: str, quote: Quote, lex: Lexicon) -> tuple[NounPhrase, Tok] | None:
    """The source just before a quote: ``Lin Jian asserted, “`` / ``Weil, a professor …, elaborated: “``."""
    line_start = text.rfind("\n", 0, quote.span.start) + 1
    head_start = max(line_start, quote.span.start - 400)
    previous = [m.end() for m in SENTENCE_END.finditer(text, head_start, quote.span.start)]
    if previous:
        head_start = previous[-1]
    head = tokenize(text, Span(head_start, quote.span.start))
    named = _naming_head(head, lex)
    if named is not None:
        return named
    for back in range(1, min(7, len(head)) + 1):
        i = len(head) - back
        subject = participle_subject(head, i, lex)  # "…, calling the material “…”"
        if subject is not None and subject.kind not in {"first", "vague"}:
            return subject, head[i]
        if lex.cue_verb(head, i, document=True) and head[i].low not in lex.main_clause_verbs:
            phrase = np_before(head, i, lex)  # not "who wants the 'treasure behind the door'"
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
    return from_phrase(text, phrase, "direct_quote", tok.text, tok.span, quote.content)


_ACCORDING_TO_END = re.compile(r"\baccording to\s*$", re.IGNORECASE)


def _title_after_according_to(text: str, quote: Quote) -> bool:
    """Is a quote right after "according to" a title (capitalised, up to eight words), not speech?"""
    title = quote.content.slice(text).split()
    return (
        0 < len(title) <= 8
        and title[0][:1].isupper()
        and _ACCORDING_TO_END.search(text[max(0, quote.span.start - 20) : quote.span.start]) is not None
    )


def quote_attributions(text: str, lex: Lexicon) -> list[tuple[Quote, Attribution]]:
    """Every quote that is direct speech, with its attribution (continued quotes inherit the speaker)."""
    result: list[tuple[Quote, Attribution]] = []
    for quote in outer_quotes(text):
        if _title_after_according_to(text, quote):
            continue  # "according to “Man of the World,” a book by …": the cue's source
        found = _quote_speaker(text, quote, lex)
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
