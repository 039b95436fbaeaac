"""Attribution cues in a sentence, outside direct quotes: who says so, by which words, about what.

``cue_at`` looks for a cue starting at one token; ``first_cue`` is the earliest cue of a sentence (the
sentence's primary attribution, as :func:`audit.claim_extraction.attribution.attribute.attribute` reports it); ``all_cues`` is
every cue of a sentence, in order, with the contents cut so that two attributions of one sentence do
not claim the same words:

- a content that runs on past the start of a later attribution ends there ("X said A, and Y said B":
  X's content is "A"), unless the later attribution sits inside it at its very beginning, which is
  nesting ("X said that Y believes Z": X's content is "Y believes Z");
- a content that is taken from before the cue ("A, Y said") starts after the previous attribution;
- a second reporting verb coordinated with the first ("X denied A and said that B", "They concede A,
  but say B") is an attribution of the same source, and the first content ends before "and"/"but".

A reporting verb with its source ("X said", "said X", "X declined to comment") is found by
:mod:`audit.claim_extraction.attribution.verbs`; the according-to, vague, "as X reported" and participle cues here.

Why a module of its own: finding cues needs only one sentence's tokens and the lexicons; putting
quotes, sentences and coreference together is :mod:`audit.claim_extraction.attribution.attribute`'s job. Deterministic.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from audit.claim_extraction.attribution.content import (
    content_after,
    leads_elsewhere,
    listener_pronoun,
    match_phrase,
    nothing_reported,
    that_ahead,
    trim,
)
from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, tokenize
from audit.claim_extraction.attribution.polls import poll_cue
from audit.claim_extraction.attribution.possessive import possessive_position
from audit.claim_extraction.attribution.source_after import np_after
from audit.claim_extraction.attribution.source_phrase import NounPhrase
from audit.claim_extraction.attribution.vague.cues import vague_cue_at
from audit.claim_extraction.attribution.vague.groups import unnamed_group_after
from audit.claim_extraction.attribution.vague.lexicon import VagueCue, VagueLexicon
from audit.claim_extraction.attribution.verbs import (
    BEFORE_SOURCE,
    Found,
    cue_span_of,
    from_phrase,
    participle_subject,
    refusal,
    verb_cue,
)
from audit.model import Attribution, Span


def _opens(toks: Sequence[Tok], i: int, lex: Lexicon) -> bool:
    """Does a cue at token ``i`` open its sentence, after at most a short adverbial ("In all, …")?"""
    return (
        i <= 1
        or (
            i <= 6  # "In all,", "By Sept. 30,", "In the first week,"
            and toks[i - 1].text == ","
            and toks[0].low in lex.adverbial_openers
            and all(t.text != "," for t in toks[: i - 1])
        )
    )


_OPENING = frozenset({"“", '"'})
_CLOSING = frozenset({"”", '"'})


def quoted_title(toks: Sequence[Tok], k: int) -> NounPhrase | None:
    """A quoted title from token ``k`` on, the source of "according to “Man of the World,” a book by …":
    up to eight words in quotes, the first capitalised. The title is the named source (a document)."""
    if k >= len(toks) or toks[k].text not in _OPENING:
        return None
    for j in range(k + 2, min(len(toks), k + 11)):
        if toks[j].text in _CLOSING:
            words = [t for t in toks[k + 1 : j] if t.text[0].isalnum()]
            if not words or not words[0].cap:
                return None
            span = Span(words[0].start, words[-1].end)
            title = " ".join(t.text for t in toks[k + 1 : j]).replace(" ,", "").rstrip(",")
            return NounPhrase(k, j, toks[k].start, toks[j].end, "org", title, span, None, True)
    return None


def cue_at(
    text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon, vlex: VagueLexicon
) -> Found | None:
    """The attribution whose cue starts at token ``i`` of a sentence outside quotes, or None.

    Tried in this order at each token: "according to X" (an unnamed group after it is vague), the
    vague-sourcing families of :mod:`audit.claim_extraction.attribution.vague.cues`, fixed vague phrases, vague adverbs,
    "as X reported", a participle cue after a comma ("…, stating that"), and a reporting verb with its
    source before or after it.
    """
    tok = toks[i]
    low = tok.low
    # according to X / as reported by X
    length = match_phrase(toks, i, lex.according_to)
    if length:
        owned = np_after(toks, i + length, lex)
        named_document = owned is not None and owned.document and owned.kind in {"person", "org"}
        group_end = None if named_document else unnamed_group_after(toks, i + length, vlex)
        if group_end is not None:  # "according to federal law enforcement officials": unnamed
            cue, cue_span = cue_span_of(toks, i, group_end)
            if _opens(toks, i, lex):
                content = trim(
                    text,
                    toks[group_end + 1].start if group_end + 1 < len(toks) else sentence.end,
                    sentence.end,
                )
            else:
                content = trim(text, sentence.start, tok.start)
            return Found(
                tok.start, Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content)
            )
        phrase = owned or quoted_title(toks, i + length)
        if phrase is not None:
            cue, cue_span = cue_span_of(toks, i, i + length - 1)
            end_np = phrase.last + 1
            if _opens(toks, i, lex):  # "According to X, content." / "In all, according to X, content."
                content = trim(text, toks[end_np].start if end_np < len(toks) else sentence.end, sentence.end)
                if phrase.role and content is not None and phrase.role in content.slice(text):
                    phrase = dataclasses.replace(phrase, role=None)  # ", the committee had spent": content
            else:  # "content, according to X."
                content = trim(text, sentence.start, tok.start)
            kind = "according_to" if phrase.kind != "vague" else "vague"
            return Found(tok.start, from_phrase(text, phrase, kind, cue, cue_span, content), phrase)
    # vague-sourcing patterns (audit.claim_extraction.attribution.vague.cues) before the fixed phrases: fuller cue spans
    vague = vague_cue_at(toks, i, vlex, lex)
    if vague is not None:
        return _vague_found(text, toks, vague, sentence, lex)
    # fixed vague phrases: "it is believed", "people familiar with the matter"
    length = match_phrase(toks, i, lex.vague_phrases)
    if length and i > 0 and lex.cue_verb(toks, i - 1):
        length = 0  # "…, said a person familiar with the talks": the verb's source, found at the verb
    if length and i > 1 and toks[i - 1].text == "," and toks[i - 2].cap:
        length = 0  # "Jane Doe, a source close to the talks, said": her role; the verb names her
    if length:
        verb = _verb_after_phrase(toks, i + length, lex)
        _, cue_span = cue_span_of(toks, i, i + length - 1 if verb is None else verb)
        cue = cue_span.slice(text)
        after = i + length if verb is None else verb + 1
        if nothing_reported(toks, after, lex):  # "…, an official familiar with the matter said Sunday."
            comma = max((k for k in range(i) if toks[k].text == ","), default=None)
            content = trim(text, sentence.start, toks[comma].start) if comma is not None else None
        else:
            content = content_after(text, toks, after - 1, sentence, lex)
        if content is None:
            content = trim(text, sentence.start, sentence.end)
        return Found(tok.start, Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content))
    if low in lex.vague_adverbs:
        content = trim(text, sentence.start, sentence.end)
        return Found(
            tok.start, Attribution(kind="vague", cue=tok.text, cue_span=tok.span, content_span=content)
        )
    # "as X reported": according_to
    if low in lex.as_forms and i + 1 < len(toks):
        phrase = np_after(toks, i + 1, lex)
        if phrase is not None and phrase.last + 1 < len(toks) and lex.cue_verb(toks, phrase.last + 1, True):
            verb = phrase.last + 1
            cue, cue_span = cue_span_of(toks, i, verb)
            content = content_after(text, toks, verb, sentence, lex)
            return Found(tok.start, from_phrase(text, phrase, "according_to", cue, cue_span, content), phrase)
    # participle after a comma: "Rubio addressed this notion …, stating that …"
    phrase = participle_subject(toks, i, lex)
    if phrase is not None:
        content = content_after(text, toks, lex.cue_end(toks, i), sentence, lex)
        # no phrase kept: the subject lies before an earlier cue's content, and the participle's
        # own words start at the participle ("X urged A, saying B": X's content ends at "saying")
        return Found(tok.start, from_phrase(text, phrase, "reported", tok.text, tok.span, content))
    if low in lex.refusal_verbs:
        return refusal(text, toks, i, sentence, lex)
    return (
        verb_cue(text, toks, i, sentence, lex)
        or poll_cue(text, toks, i, sentence, lex)
        or possessive_position(text, toks, i, sentence, lex)
    )


_PHRASE_GAP = 6  # words between a fixed vague phrase and its verb ("a source close to the campaign said")


def _verb_after_phrase(toks: Sequence[Tok], k: int, lex: Lexicon) -> int | None:
    """The reporting verb of a fixed vague phrase, within a few words after it: "a person familiar with
    the talks *said*", "an official, speaking on condition of anonymity, *said*"; the content follows
    the verb, not the phrase. None when a clause ends, a second comma comes, or no verb is near."""
    commas = 0
    for j in range(k, min(k + _PHRASE_GAP + 1, len(toks))):
        tok = toks[j]
        if lex.cue_verb(toks, j):
            return j
        if tok.text == ",":
            commas += 1
            if commas > 1 or j > k:
                return None  # only the comma that closes an aside ("…anonymity, said")
        elif not tok.text[0].isalnum() or tok.low in lex.clause_openers:
            return None
    return None


def _vague_found(text: str, toks: Sequence[Tok], vague: VagueCue, sentence: Span, lex: Lexicon) -> Found:
    """The attribution of a vague-sourcing cue; content after "that" or else the whole sentence."""
    _, cue_span = cue_span_of(toks, vague.first, vague.last)
    cue = cue_span.slice(text)  # as written: "officials in both parties, though, say"
    content_from = vague.content_from
    if content_from == vague.last + 1 and listener_pronoun(toks, vague.last, lex):
        content_from += 1  # "Officials tell me they'd be in jail": the listener is not reported
    start = toks[content_from].start if content_from is not None else sentence.start
    content = trim(text, start, sentence.end)
    before = vague.first - 1
    if (
        vague.content_from is None
        and before > 0
        and toks[before].text in BEFORE_SOURCE
        and nothing_reported(toks, vague.last + 1, lex)
    ):  # "The request was political, Republicans said.": the content is before the cue
        content = trim(text, sentence.start, toks[before].start)
    return Found(
        toks[vague.first].start,
        Attribution(kind="vague", cue=cue, cue_span=cue_span, content_span=content),
    )


_TRAILING_LINK = re.compile(r"[\s,;]+(?:and|but|or|while|whereas|although|though)$")


def _resume(toks: Sequence[Tok], i: int, found: Found) -> int:
    """The token to scan from after a cue found at token ``i``: past its cue and a source after it."""
    end = found.attribution.cue_span.end if found.attribution.cue_span else toks[i].end
    if found.phrase is not None and found.phrase.start >= toks[i].start:
        end = max(end, found.phrase.end)
    k = i + 1
    while k < len(toks) and toks[k].start < end:
        k += 1
    return k


_COORDINATORS = frozenset({"and", "but"})


def _coordinated(
    text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon, previous: Found
) -> Found | None:
    """A second reporting verb that shares the previous cue's subject: "X denied A *and said* B",
    "They acknowledge A, *but say* B" (adverbs may stand between: "and later told reporters that").

    Only after a verb cue of the same sentence, and only when the second verb reports something
    after it; the content of the first cue then ends at the "and"/"but" (:func:`all_cues`)."""
    attribution = previous.attribution
    cue = attribution.cue_span
    if attribution.kind not in {"reported", "vague"} or cue is None or not lex.cue_verb(toks, i):
        return None
    if toks[i].low in lex.participle_cues and toks[i - 1].text == ",":
        return None  # "…, saying": a participle cue of its own
    j = i - 1
    while j > 0 and lex.adverb(toks[j]):
        j -= 1
    if j <= 0 or toks[j].low not in _COORDINATORS or toks[j].start <= cue.end:
        return None
    last_cue_word = re.findall(r"\w+", attribution.cue or "")
    if not last_cue_word or last_cue_word[-1].lower() not in lex.speech_verbs | lex.document_verbs:
        return None  # only after a reporting verb, not after "according to X" or a vague phrase
    if leads_elsewhere(toks, lex.cue_end(toks, i), lex):
        return None
    # "X said the firm fired workers and told them …" may coordinate inside X's content: only a comma
    # before the coordinator, or a "that" after the second verb when the first had none, says it is X's
    that_here = (i + 1 < len(toks) and toks[i + 1].low == "that") or that_ahead(toks, i, lex) is not None
    first_that = text[cue.end : cue.end + 6].split()[:1] == ["that"]
    if toks[j - 1].text != "," and not (that_here and not first_that):
        return None
    end = lex.cue_end(toks, i)
    content = content_after(text, toks, end, sentence, lex)
    if content is None:
        return None
    cue_text, cue_span = cue_span_of(toks, i, end)
    return Found(
        toks[j].start,
        dataclasses.replace(attribution, cue=cue_text, cue_span=cue_span, content_span=content),
    )


def first_cue(text: str, sentence: Span, lex: Lexicon, vlex: VagueLexicon) -> Found | None:
    """The earliest attribution cue of a sentence outside quotes, or None."""
    toks = tokenize(text, sentence)
    for i in range(len(toks)):
        found = cue_at(text, toks, i, sentence, lex, vlex)
        if found is not None:
            return found
    return None


def _start(found: Found) -> int:
    """Where the words that make an attribution (cue and source) begin."""
    attribution = found.attribution
    starts = [found.position]
    if attribution.cue_span is not None:
        starts.append(attribution.cue_span.start)
    if found.phrase is not None:
        starts.append(found.phrase.start)
    return min(starts)


def _end(found: Found) -> int:
    """Where the words that make an attribution (cue and source) end."""
    attribution = found.attribution
    ends = [found.position]
    if attribution.cue_span is not None:
        ends.append(attribution.cue_span.end)
    if found.phrase is not None:
        ends.append(found.phrase.end)
    return max(ends)


def _cut(text: str, found: Found, start: int, end: int) -> Found | None:
    """``found`` with its content limited to ``[start, end)``; None when nothing of it is left."""
    content = found.attribution.content_span
    if content is None or (content.start >= start and content.end <= end):
        return found
    cut = trim(text, max(content.start, start), min(content.end, end))
    while cut is not None and (match := _TRAILING_LINK.search(cut.slice(text))) is not None:
        cut = trim(text, cut.start, cut.start + match.start())  # "A, and [Y said B]": drop the "and"
    if cut is None:
        return None
    return dataclasses.replace(found, attribution=dataclasses.replace(found.attribution, content_span=cut))


def _frames_all(text: str, hit: Found, earlier: Sequence[Found]) -> bool:
    """Is ``hit`` a sentence-final ", X said" whose content holds every earlier cue of the sentence, each
    running on to it ("He also thought that A, officials said": the officials report what he thought)?"""
    content = hit.attribution.content_span
    if (
        content is None
        or content.start != _start(earlier[0])  # the inner report opens the sentence
        or text[content.end : _start(hit)].strip() != ","
    ):
        return False
    return all((c := f.attribution.content_span) is not None and c.end >= content.end - 1 for f in earlier)


def all_cues(text: str, sentence: Span, lex: Lexicon, vlex: VagueLexicon) -> list[Found]:
    """Every attribution cue of a sentence outside quotes, in order, contents cut as the module says."""
    toks = tokenize(text, sentence)
    found: list[Found] = []
    i = 0
    while i < len(toks):
        hit = cue_at(text, toks, i, sentence, lex, vlex)
        if hit is None and found:
            hit = _coordinated(text, toks, i, sentence, lex, found[-1])
        if hit is None:
            i += 1
            continue
        found.append(hit)
        i = _resume(toks, i, hit)
    result: list[Found] = []
    for index, hit in enumerate(found):
        lower = _end(found[index - 1]) if index > 0 else sentence.start
        upper = sentence.end
        content = hit.attribution.content_span
        for later in found[index + 1 :]:
            if content is not None and content.start < _start(later) and _start(later) > _end(hit):
                upper = min(upper, _start(later))
                break
        if index > 0 and _frames_all(text, hit, found[:index]):
            lower = sentence.start
        cut = _cut(
            text,
            hit,
            lower if content is not None and content.start < hit.position else sentence.start,
            upper,
        )
        if cut is not None:
            result.append(cut)
    return result
