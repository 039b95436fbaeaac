"""Attribution: who says so, for every sentence of an article.

``attribute(text, sentences)`` returns one :class:`~audit.model.Attribution` per sentence, in order;
``attribute_all(text, sentences)`` returns every attribution of each sentence (several quotes, several
cues, contents cut between them by :mod:`audit.attribution_cues`; split quotes “A,” she said, “B.”
joined into one). The primary attribution of a sentence is found so:

1. Direct quotes (:mod:`audit.quotes`): every sentence inside a quote gets the quote's attribution; the
   speaker is found after the quote (``…," Rubio explained.``) or before it (``Lin Jian asserted, “…”``,
   ``Klaus Weil, a professor at …, elaborated: “…”``). A quote with no speaker of its own continues the
   previous attributed quote of the same paragraph (“A,” she wrote, adding, “B.” is two statements, the
   second with the cue "adding"; a continued quote needs ``min_quote_words`` words). Scare quotes (fewer than ``min_quote_words`` words and
   no speaker) are ignored.
2. Otherwise the first cue in the sentence decides, by position: "according to X" / "as X reported" /
   "a report by X notes", "according to a poll by X", "according to “Title,” a book by …", poll
   findings ("a poll by X had Clinton leading", :mod:`audit.attribution_polls`) (``according_to``);
   "X said that …", "…, X noted", "X, stating that", "The data was confirmed by X", "- a charge the
   company denied", and positions, plans and beliefs ("X called for a ban" but not "called for a
   general election", "X wants", "X hopes", "X calculated that", "X are quick to note", "X made a case
   that", "X expressed alarm that", "X endorsed", "X's position is that",
   :mod:`audit.attribution_possessive`) (``reported``; an action such as "voted for" is none); reporting
   verbs of Title Case headlines ("Trump Tells Supporters …", :mod:`audit.attribution_headline`);
   and vague cues (``vague``): the pattern families of :mod:`audit.attribution_vague`
   (impersonal "it is believed that", evaluative passives "is widely regarded as", "considered by many",
   unnamed groups "many historians believe", hearsay nouns "amid allegations that"), the adverbs
   "reportedly"/"allegedly", fixed phrases ("people familiar with the matter") and unnamed sources
   ("Reports indicate", "Supporters argue", "according to federal officials"). A quote with no speaker
   inside reported speech takes the sentence's cue instead.
3. Short references are resolved: a lone surname to the one earlier full name ending with it ("Weil" ->
   "Klaus Weil"), "he"/"she" to the person who spoke in the previous few sentences when only one did
   (or, of several, the one who spoke alone in the sentence just before; never against "Mr."/"Ms."),
   "they" to the previous group, "the company"/"the senator" to the one body or person of that kind
   named in the window ("the investigator" after "an investigator" stays unnamed, vague); never across
   an ambiguous pair (two candidates keep the short form).

Decisions, documented: an unnamed group ("Supporters argue", "critics", "Russian officials") is a vague
source, and "They contend" that refers back to one stays vague; so are unnamed officials and sources of a
named body ("senior White House officials said", "a State Department official said", "a spokesperson who
declined to be named said", "according to a person familiar with the talks"), while the body itself or its
spokesperson ("The White House said", "an F.B.I. spokeswoman said") is named, and an unnamed single
person ("an investigator", "one official", "a former aide") is vague; named organisations and documents are
sources ("A report by the U.S. Council on Foreign Relations notes" -> according_to). A quote reported
second-hand ("Trump reportedly remarked, “…”") stays a direct quote of Trump: the words are attributed to
him. Opinion words alone ("appears", "may") are not attributions; first-person statements outside quotes
("we will analyse") are the author's own and get ``NO_ATTRIBUTION``.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from typing import Any

from audit.attribution_coref import resolve
from audit.attribution_cues import all_cues, first_cue
from audit.attribution_headline import headline_cues
from audit.attribution_lexicon import Lexicon, Tok, tokenize
from audit.attribution_source import NounPhrase, np_before
from audit.attribution_source_after import np_after
from audit.attribution_vague_lexicon import VagueLexicon
from audit.attribution_verbs import Found, from_phrase, participle_subject
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


# --- direct quotes ---------------------------------------------------------------------------------


_SPLIT_GAP = 120  # characters between the two parts of a split quote (“A,” she said. “B.”)
# a sentence end, but not the dot of a title before a name ("Ms. McCaskill said")
_TITLE_DOTS = "".join(
    rf"(?<!\b{title})"
    for title in ("Mr", "Ms", "Mrs", "Dr", "Sen", "Rep", "Gov", "Gen", "Prof", "St", "Jr", "Lt")
)
_SENTENCE_END = re.compile(rf"{_TITLE_DOTS}(?<=[a-z0-9)”\"’])[.!?](?=\s|$)|\n")


def _quote_tail(text: str, quote: Quote, lex: Lexicon) -> tuple[NounPhrase, Tok] | None:
    """The source just after a quote: ``…," Rubio explained.`` / ``…," said Trump.``

    Not after a quote that ends its sentence with a full stop (``…."  He said the …``): what follows
    is a new sentence, not the quote's attribution."""
    if quote.content.end > quote.content.start and text[quote.content.end - 1] == ".":
        return None
    tail_end = len(text)
    stop = _SENTENCE_END.search(text, quote.span.end)
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


def _quote_attributions(text: str, lex: Lexicon) -> list[tuple[Quote, Attribution]]:
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


def _join_split_quotes(
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


def _prefer_cue(text: str, sentence: Span, quoted: Found, lex: Lexicon, vlex: VagueLexicon) -> Found:
    """A quote with no speaker inside reported speech ("41 percent say the remarks are “unacceptable”")
    belongs to that report: the sentence's own cue wins when its content covers the quote."""
    cue = first_cue(text, sentence, lex, vlex)
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


def _quote_hits(sentence: Span, quotes: Sequence[tuple[Quote, Attribution]]) -> list[Found]:
    """The direct quotes whose words overlap the sentence, in order."""
    return [
        Found(quote.span.start, attribution)
        for quote, attribution in quotes
        if quote.content.start < sentence.end and sentence.start < quote.content.end
    ]


def _primary(
    text: str, sentence: Span, quoted: Sequence[Found], lex: Lexicon, vlex: VagueLexicon
) -> Found | None:
    """The sentence's one attribution: its first quote (or the cue whose report holds it), else its first cue."""
    if not quoted:
        found = first_cue(text, sentence, lex, vlex)
        return found if found is not None else next(iter(headline_cues(text, sentence, lex)), None)
    hit = quoted[0]
    if hit.attribution.speaker is None and hit.attribution.content_span is not None:
        hit = _prefer_cue(text, sentence, hit, lex, vlex)
    return hit


def _overlap(a: Span | None, b: Span | None) -> int:
    if a is None or b is None:
        return 0
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def _repeats(cue: Found, kept: Sequence[Found], quote_spans: Sequence[Span]) -> bool:
    """Is a sentence cue already told by a kept attribution or a quote of the sentence?

    Yes when its cue words lie inside a quote (speech within speech), or when at least half of its
    content is the content of a kept attribution
    (``…,” Trump said.``: the quote already carries it), unless that attribution's cue lies inside its
    content ("He also thought that A, officials said": the officials report his thought).
    """
    attribution = cue.attribution
    span = attribution.cue_span
    if span is not None and any(q.start <= span.start and span.end <= q.end for q in quote_spans):
        return True
    content = attribution.content_span
    for other in kept:
        inner = other.attribution.cue_span
        if content is not None and inner is not None and content.start <= inner.start < content.end:
            continue  # "He thought that A, officials said": a report inside this one's content
        shared = _overlap(content, other.attribution.content_span)
        if content is not None and shared * 2 >= content.end - content.start:
            return True
    return False


def _sentence_all(
    text: str,
    sentence: Span,
    quotes: Sequence[tuple[Quote, Attribution]],
    lex: Lexicon,
    vlex: VagueLexicon,
) -> list[Found]:
    """Every attribution of one sentence: its primary, the other quotes, then the other cues, in order."""
    quoted = _quote_hits(sentence, quotes)
    headlines = [] if quoted else headline_cues(text, sentence, lex)
    if headlines and first_cue(text, sentence, lex, vlex) is None:
        return headlines  # "Daughter Of Eric Garner Blasts Clinton After WikiLeaks Reveals …"
    primary = _primary(text, sentence, quoted, lex, vlex)
    if primary is None:
        return []
    cues = all_cues(text, sentence, lex, vlex)
    if not quoted or primary is not quoted[0]:  # a cue: its version whose content stops at the next cue
        first = primary
        primary = next((c for c in cues if c.attribution.cue_span == first.attribution.cue_span), first)
    kept = [primary]  # the first quote is the primary, or inside the primary's report
    kept += [hit for hit in quoted[1:] if all(hit.attribution is not k.attribution for k in kept)]
    quote_spans = [
        quote.span
        for quote, _ in quotes
        if quote.span.start < sentence.end and sentence.start < quote.span.end
    ]
    for cue in cues:
        if cue.attribution.cue_span != primary.attribution.cue_span and not _repeats(cue, kept, quote_spans):
            kept.append(cue)
    return sorted(kept, key=lambda hit: hit.position)


# --- the public interface --------------------------------------------------------------------------


def attribute(text: str, sentences: Sequence[Span]) -> list[Attribution]:
    """One attribution per sentence (``NO_ATTRIBUTION`` when nothing attributes it), offsets into ``text``.

    The sentence's first direct quote wins (unless it has no speaker and sits inside a report whose cue
    then wins), else its earliest cue; :func:`attribute_all` gives every attribution of the sentence.
    """
    lex = lexicon()
    vlex = vague_lexicon()
    quotes = _quote_attributions(text, lex)
    found = [_primary(text, sentence, _quote_hits(sentence, quotes), lex, vlex) for sentence in sentences]
    return resolve(text, sentences, [f.attribution if f else NO_ATTRIBUTION for f in found], lex)


def attribute_all(text: str, sentences: Sequence[Span]) -> list[list[Attribution]]:
    """Every attribution found in each sentence, in order of position (an empty list for none).

    A quote that runs over several sentences appears, as the same attribution, in each of them. Short
    references are resolved over all attributions in text order (:mod:`audit.attribution_coref`).
    """
    lex = lexicon()
    vlex = vague_lexicon()
    quotes = _join_split_quotes(text, _quote_attributions(text, lex), lex)
    flat: list[Attribution] = []
    sentence_of: list[int] = []
    for index, sentence in enumerate(sentences):
        for hit in _sentence_all(text, sentence, quotes, lex, vlex):
            flat.append(hit.attribution)
            sentence_of.append(index)
    resolved = resolve(text, sentences, flat, lex, sentence_of)
    result: list[list[Attribution]] = [[] for _ in sentences]
    for index, attribution in zip(sentence_of, resolved, strict=True):
        result[index].append(attribution)
    return result
