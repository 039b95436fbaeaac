"""Headline cues: a reporting verb in a Title Case headline ("Donald Trump Tells Florida Supporters …").

In a headline every word is capitalised, so the lower-case test that tells a reporting verb from a name
(:meth:`audit.claim_extraction.attribution.lexicon.Lexicon.cue_verb`) cannot work. A sentence counts as a headline when it
has four words or more and every word but the short function words is capitalised; its cues are the
present-tense reporting verbs ending in "s" ("Says", "Tells", "Blasts", "Reveals"), or their plain form
after a plural ("Officials Say"). The source is the
words before the verb, back to the start or to a linking word ("… After WikiLeaks Reveals …"); the content
runs from the verb to the next linking word that opens another headline cue, or to the end. A source made
only of unnamed-source words ("Officials Say", "Senior Aides Warn", "New Poll Gives") is vague, a named
document ("Top Aide's Leaked Memo Details") is an according-to source; otherwise the source is named as
written. Only used for a sentence in which no other cue is found. Deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, tokenize
from audit.claim_extraction.attribution.reports import Found
from audit.model import Attribution, Span

_SMALL = frozenset(
    {"a", "an", "the", "of", "to", "in", "on", "for", "and", "or", "at", "by", "with", "vs", "as", "from"}
)
# words that open a second clause of a headline: its source starts after them
_LINKS = frozenset({"after", "as", "while", "when", "before", "because", "since", "amid", "and", "but"})


_FRESH = frozenset({"new", "latest", "recent", "first", "final", "leaked", "internal"})


POLL_VERBS = frozenset({"has", "had", "gives", "gave", "give", "puts", "put", "shows", "showed", "show"})
POLLS = frozenset(
    {"poll", "polls", "survey", "surveys", "forecast", "forecasts", "model", "models", "average", "polling"}
)
STANDING = frozenset({"leading", "lead", "ahead", "edge", "advantage", "chance", "trailing", "tied"})
_CLAUSE_END = frozenset({".", ";", "!", "?", "—"})


def standing_end(toks: Sequence[Tok], k: int) -> int | None:
    """The last token of an object from ``k`` that states a standing ("Clinton leading Trump by 48% to
    42%"), up to the end of the clause; None when no standing word comes before a comma or the end."""
    seen = False
    end = k
    while end < len(toks) and toks[end].text not in _CLAUSE_END:
        if toks[end].low in STANDING:
            seen = True
        if toks[end].text == "," and not seen:
            return None
        end += 1
    return end - 1 if seen and end > k else None


def _words(toks: Sequence[Tok]) -> list[Tok]:
    return [t for t in toks if t.text[0].isalpha()]


def is_headline(toks: Sequence[Tok]) -> bool:
    """Four words or more, every word but the short function words capitalised."""
    words = _words(toks)
    return len(words) >= 4 and all(w.cap for w in words if w.low not in _SMALL)


def _verb(toks: Sequence[Tok], i: int, lex: Lexicon) -> bool:
    low = toks[i].low
    if i > 0 and not low.endswith("s") and toks[i - 1].low.endswith("s"):
        low += "s"  # a plural subject: "Officials Say", "Experts Warn"
    return (
        i > 0
        and low.endswith("s")
        and (low in lex.speech_verbs or low in lex.document_verbs)
        and low not in lex.particle_cues
        and toks[i - 1].text[0].isalpha()
    )


def _poll_verb(toks: Sequence[Tok], i: int) -> bool:
    """ "New Poll Gives Clinton A Lead": a poll finding (:mod:`audit.claim_extraction.attribution.polls`)."""
    return (
        i > 0
        and toks[i].low in POLL_VERBS
        and toks[i - 1].low in POLLS
        and standing_end(toks, i + 1) is not None
    )


def _unnamed(words: Sequence[Tok], lex: Lexicon) -> bool:
    """Only unnamed-source words ("Senior Officials", "Experts", "New Poll", "Leaked Memo")?"""
    plain = lex.vague_heads | lex.vague_quantifiers | lex.np_modifiers | lex.unnamed_person_heads | _FRESH
    head = words[-1].low
    return (head in lex.vague_heads | lex.unnamed_person_heads | lex.document_nouns) and all(
        w.low in plain or w.low in lex.document_nouns for w in words
    )


def headline_cues(text: str, sentence: Span, lex: Lexicon) -> list[Found]:
    """The cues of a Title Case headline, in order (none when the sentence is no headline)."""
    toks = tokenize(text, sentence)
    if not is_headline(toks):
        return []
    verbs = [i for i in range(len(toks)) if _verb(toks, i, lex) or _poll_verb(toks, i)]
    found: list[Found] = []
    for n, i in enumerate(verbs):
        first = max((k + 1 for k in range(i) if toks[k].low in _LINKS), default=0)
        if found and first <= verbs[n - 1]:
            continue  # no source of its own: "… Tells Supporters And Says …" is not parsed
        source = _words(toks[first:i])
        if not source or source[0].low in lex.not_sources or source[0].low in lex.pronouns:
            continue
        stop = verbs[n + 1] if n + 1 < len(verbs) else len(toks)
        end = max((k for k in range(i + 1, stop) if toks[k].low in _LINKS), default=stop)
        content = [t for t in toks[i + 1 : end] if t.text[0].isalnum() or t.text in {"'", "’"}]
        if not content:
            continue
        content_span = Span(content[0].start, content[-1].end)
        cue_span = toks[i].span
        if _unnamed(source, lex):
            attribution = Attribution(
                kind="vague",
                cue=text[source[0].start : cue_span.end],
                cue_span=Span(source[0].start, cue_span.end),
                content_span=content_span,
            )
        else:
            speaker_span = Span(source[0].start, source[-1].end)
            document = source[-1].low in lex.document_nouns  # "Leaked Memo Details …"
            attribution = Attribution(
                kind="according_to" if document else "reported",
                speaker=speaker_span.slice(text),
                cue=toks[i].text,
                cue_span=cue_span,
                speaker_span=speaker_span,
                content_span=content_span,
            )
        found.append(Found(source[0].start, attribution))
    return found
