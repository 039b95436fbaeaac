"""Attribution: who says so, for every sentence of an article.

``attribute(text, sentences)`` returns one :class:`~audit.model.Attribution` per sentence, in order;
``attribute_all(text, sentences)`` returns every attribution of each sentence (several quotes, several
cues, contents cut between them by :mod:`audit.claim_extraction.attribution.cues`; split quotes “A,” she said, “B.”
joined into one). The primary attribution of a sentence is found so:

1. Direct quotes (:mod:`audit.claim_extraction.attribution.quote_marks`): every sentence inside a quote gets the quote's attribution; the
   speaker is found after the quote (``…," Rubio explained.``) or before it (``Lin Jian asserted, “…”``,
   ``Klaus Weil, a professor at …, elaborated: “…”``, a naming verb ``which Ed Morrissey calls “…”``;
   :mod:`audit.claim_extraction.attribution.direct_quotes`). A quote with no speaker of its own continues the
   previous attributed quote of the same paragraph (“A,” she wrote, adding, “B.” is two statements, the
   second with the cue "adding"; a continued quote needs ``min_quote_words`` words). Scare quotes (fewer than ``min_quote_words`` words and
   no speaker) are ignored.
2. Otherwise the first cue in the sentence decides, by position: "according to X" / "as X reported" /
   "a report by X notes", "according to a poll by X", "according to “Title,” a book by …", poll
   findings ("a poll by X had Clinton leading", :mod:`audit.claim_extraction.attribution.polls`) (``according_to``);
   "X said that …", "…, X noted", "X, stating that", "The data was confirmed by X", "- a charge the
   company denied", and positions, plans and beliefs ("X called for a ban" but not "called for a
   general election", "X wants", "X hopes", "X calculated that", "X are quick to note", "X made a case
   that", "X expressed alarm that", "X endorsed", "X's position is that",
   :mod:`audit.claim_extraction.attribution.possessive`) (``reported``; an action such as "voted for" is none); reporting
   verbs of Title Case headlines ("Trump Tells Supporters …", :mod:`audit.claim_extraction.attribution.headline`);
   and vague cues (``vague``): the pattern families of :mod:`audit.claim_extraction.attribution.vague.cues`
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
spokesperson ("The White House said", "an F.B.I. spokeswoman said"; "a spokeswoman at the State
Department" is the State Department, role "spokeswoman"; "a spokeswoman for Mr. Trump" is the spokeswoman,
role "Mr. Trump": :mod:`audit.claim_extraction.attribution.spokesperson`) is named, and an unnamed single
person ("an investigator", "one official", "a former aide") is vague; named organisations and documents are
sources ("A report by the U.S. Council on Foreign Relations notes" -> according_to). A quote reported
second-hand ("Trump reportedly remarked, “…”") stays a direct quote of Trump: the words are attributed to
him. Opinion words alone ("appears", "may") are not attributions; first-person statements outside quotes
("we will analyse") are the author's own and get ``NO_ATTRIBUTION``.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from audit.claim_extraction.attribution.coref import resolve
from audit.claim_extraction.attribution.cues import all_cues, first_cue
from audit.claim_extraction.attribution.direct_quotes import join_split_quotes, quote_attributions
from audit.claim_extraction.attribution.headline import headline_cues
from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.claim_extraction.attribution.quote_marks import Quote
from audit.claim_extraction.attribution.vague.lexicon import VagueLexicon
from audit.claim_extraction.attribution.verbs import Found
from audit.data import load
from audit.model import NO_ATTRIBUTION, Attribution, Span


@cache
def lexicon() -> Lexicon:
    """The cue lexicons of ``audit/data/attribution.json`` (loaded once)."""
    return Lexicon.from_json(load("attribution"))


@cache
def vague_lexicon() -> VagueLexicon:
    """The vague-sourcing patterns of ``audit/data/attribution.json`` (loaded once)."""
    return VagueLexicon.from_json(load("attribution"))


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
    if quoted:
        primary = _primary(text, sentence, quoted, lex, vlex)
    else:  # the first cue, else every headline cue ("Daughter Of Eric Garner Blasts Clinton After …")
        primary = first_cue(text, sentence, lex, vlex)
        if primary is None:
            return headline_cues(text, sentence, lex)
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
    quotes = quote_attributions(text, lex)
    found = [_primary(text, sentence, _quote_hits(sentence, quotes), lex, vlex) for sentence in sentences]
    return resolve(text, sentences, [f.attribution if f else NO_ATTRIBUTION for f in found], lex)


def attribute_all(text: str, sentences: Sequence[Span]) -> list[list[Attribution]]:
    """Every attribution found in each sentence, in order of position (an empty list for none).

    A quote that runs over several sentences appears, as the same attribution, in each of them. Short
    references are resolved over all attributions in text order (:mod:`audit.claim_extraction.attribution.coref`).
    """
    lex = lexicon()
    vlex = vague_lexicon()
    quotes = join_split_quotes(text, quote_attributions(text, lex), lex)
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
