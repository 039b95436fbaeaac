"""A reporting verb with its source: the verb path of the attribution cues (:mod:`audit.claim_extraction.attribution.cues`).

``verb_cue`` finds "X said that …", "…, X noted", "said X" (the source before or after the verb, with the
checks that keep nouns and actions out: "the report", "to say", "What voters want is"); ``refusal``
finds "X declined to comment"; ``participle_subject`` the subject of "…, stating that". :class:`Found`
and :func:`from_phrase` turn a source noun phrase and a cue into an attribution. Deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.claim_extraction.attribution.content import content_after, leads_elsewhere, trim
from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, is_possessive
from audit.claim_extraction.attribution.source_after import np_after
from audit.claim_extraction.attribution.source_phrase import (
    NounPhrase,
    classify,
    noun_phrase_ending,
    np_before,
)
from audit.claim_extraction.attribution.unnamed import unnamed_with_postmodifier
from audit.model import Attribution, Span


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution found in a sentence, with where it starts (its cue or its source, the earlier)."""

    position: int
    attribution: Attribution
    phrase: NounPhrase | None = None


def cue_span_of(toks: Sequence[Tok], i: int, j: int) -> tuple[str, Span]:
    span = Span(toks[i].start, toks[j].end)
    return " ".join(t.text for t in toks[i : j + 1]), span


def from_phrase(
    text: str, phrase: NounPhrase, kind: str, cue: str, cue_span: Span, content: Span | None
) -> Attribution:
    if phrase.kind == "vague":
        if phrase.start < cue_span.start:  # the cue is the unnamed source with its verb: "Reports indicate"
            cue_span = Span(phrase.start, cue_span.end)
            cue = cue_span.slice(text)
        elif phrase.start >= cue_span.end and phrase.start - cue_span.end < 3:  # "said a person familiar …"
            cue_span = Span(cue_span.start, phrase.end)
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


_COPULAS = frozenset({"is", "are", "was", "were"})
_COMPLEMENTS = frozenset({"familiar", "close", "with", "in", "at", "from", "who"})
_SUBORDINATORS = frozenset({"that", "if", "because", "whether", "since", "as", "when", "while", "unless"})
BEFORE_SOURCE = frozenset({",", "”", '"', "’", "'", "—", "–", "-", ":"})


def refusal(text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon) -> Found | None:
    """ "X declined to comment (on the memo)": a statement withheld is attributed too; the content is
    the to-phrase up to the end of its clause."""
    if i + 2 >= len(toks) or toks[i + 1].low != "to" or toks[i + 2].low not in lex.refusal_objects:
        return None
    phrase = np_before(toks, i, lex)
    if phrase is None or phrase.kind in {"thing", "first"}:
        return None
    end = i + 3
    while end < len(toks) and toks[end].text not in {",", ".", ";", "!", "?", "—"}:
        end += 1
    content = trim(text, toks[i + 1].start, toks[end - 1].end)
    tok = toks[i]
    return Found(
        min(tok.start, phrase.start),
        from_phrase(text, phrase, "reported", tok.text, tok.span, content),
        phrase,
    )


def _subject_start(toks: Sequence[Tok], limit: int, lex: Lexicon) -> int:
    """Where the sentence subject starts: after an opening adverbial ("Upon Trump’s reelection, …")
    and an opening conjunction ("But Teneo issued …")."""
    start = 0
    if toks and toks[0].low in lex.adverbial_openers:
        for k in range(1, limit):
            if toks[k].text == ",":
                start = k + 1
                break
    while start < limit and toks[start].low in {"but", "and", "so", "yet"}:
        start += 1
    return start


def participle_subject(toks: Sequence[Tok], i: int, lex: Lexicon) -> NounPhrase | None:
    """The source of a participle cue at token ``i`` after a comma or a document noun: the sentence
    subject ("Rubio addressed this notion …, *stating* that", "Teneo issued a statement *saying*")."""
    if toks[i].low not in lex.participle_cues or i == 0:
        return None
    if toks[i - 1].text != "," and toks[i - 1].low not in lex.document_nouns:
        return None
    phrase = np_after(toks, _subject_start(toks, i, lex), lex)
    return phrase if phrase is not None and phrase.kind != "thing" else None


_BE = frozenset({"is", "are", "was", "were", "been"})


def _eager_frame(toks: Sequence[Tok], i: int, lex: Lexicon) -> int | None:
    """The "be" of "X *are quick to* note that …" before the verb at ``i`` (its subject ends before
    it), or None when the verb has no such frame."""
    if (
        i >= 3
        and toks[i - 1].low == "to"
        and toks[i - 2].low in lex.eager_adjectives
        and toks[i - 3].low in _BE
    ):
        return i - 3
    return None


_RELEASED = frozenset({"released", "published", "issued", "made", "public"})


def _second_verb(toks: Sequence[Tok], i: int, lex: Lexicon) -> bool:
    """Is the verb at ``i`` a second predicate of the sentence subject after a non-reporting one ("She
    supports A, but believes B")? Only a belief verb or a verb with "that", and only when no reporting
    verb came before (then "X denied A, and said B" is a coordinated cue of X's)."""
    if i < 2 or toks[i - 1].low not in {"but", "and"} or toks[i - 2].text != ",":
        return False
    following = toks[i + 1].low if i + 1 < len(toks) else ""
    if toks[i].low not in lex.weak_verbs and following != "that":
        return False  # "…, and wrote the song": an action
    return not any(lex.cue_verb(toks, k, document=True) for k in range(i - 2))


def _document_before(toks: Sequence[Tok], i: int, lex: Lexicon) -> int | None:
    """The document noun just before a participle cue at ``i``, across "released Thursday" ("a report
    released Thursday *suggesting* that"); None when there is none."""
    j = i - 1
    while j > 0 and (toks[j].low in lex.time_words or toks[j].text[0].isdigit()):
        j -= 1
    while j > 0 and toks[j].low in _RELEASED and i - j < 6:
        j -= 1
    if toks[j].low in lex.document_nouns and (j == i - 1 or toks[j + 1].low in _RELEASED):
        return j
    return None


def _relative_subject(toks: Sequence[Tok], i: int, lex: Lexicon) -> NounPhrase | None:
    """The subject of a clause-final "denied" in a relative clause with no boundary before it ("a charge
    *the company* denied", "accusations that *he* too has denied"): a pronoun or a short noun phrase."""
    if i + 1 < len(toks) and toks[i + 1].text not in _ENDS:
        return None
    j = i - 1
    while j > 0 and (lex.adverb(toks[j]) or toks[j].low == "too") and toks[j].low not in lex.pronouns:
        j -= 1
    first = j
    if toks[j].low not in lex.pronouns:
        while first > 0 and first > j - 4 and lex.np_word(toks[first - 1]) and toks[first - 1].low != "that":
            first -= 1
    if first == 0 or not toks[j].text.isalpha():
        return None
    phrase = classify(toks, first, j, lex)
    return phrase if phrase.kind in {"person", "pronoun", "org", "vague", "group"} else None


def _relative_object(text: str, toks: Sequence[Tok], begin: int, i: int, lex: Lexicon) -> Span | None:
    """The noun phrase that a clause-final verb such as "denied" takes as its object, before the source
    starting at ``begin`` ("- a charge the company denied.", "- accusations that he too has denied."):
    up to four lower-case words after a dash, comma or colon; None otherwise."""
    if toks[i].low not in lex.object_relative_verbs or (i + 1 < len(toks) and toks[i + 1].text not in _ENDS):
        return None
    last = begin - 2 if toks[begin - 1].low in {"that", "which"} else begin - 1
    first = last
    while first > 0 and first > last - 4 and toks[first - 1].text[0].isalpha() and not toks[first - 1].cap:
        first -= 1
    if last < 0 or first == 0 or toks[first - 1].text not in BEFORE_SOURCE or not toks[last].text.isalpha():
        return None
    return trim(text, toks[first].start, toks[last].end)


_ENDS = frozenset({".", "!", "?", ",", ";"})


def _passive_agent(text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon) -> Found | None:
    """ "The data was confirmed by strategists in both parties": the agent after "by" is the source and
    the subject, which must open the sentence, is what it reported. None unless a person, organisation or
    unnamed group is the agent."""
    phrase = np_after(toks, i + 2, lex)
    if phrase is None or phrase.kind not in {"person", "org", "vague"} or i < 2:
        return None
    subject = np_after(toks, _subject_start(toks, i, lex), lex)
    if subject is None or subject.last != i - 2 or subject.kind in {"person", "pronoun", "first"}:
        return None  # "Smith was criticized by …": a person is no report
    content = trim(text, subject.start, toks[i - 2].end)
    cue, cue_span = cue_span_of(toks, i - 1, i + 1)
    return Found(subject.start, from_phrase(text, phrase, "reported", cue, cue_span, content), phrase)


def verb_cue(text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon) -> Found | None:
    """A reporting verb at token ``i`` with its source before it ("X said") or after it ("said X")."""
    tok = toks[i]
    low = tok.low
    if not lex.cue_verb(toks, i, document=True):
        return None
    is_speech = low in lex.speech_verbs or low in lex.particle_cues or low in lex.frame_nouns
    eager = _eager_frame(toks, i, lex)  # "Democrats are quick to note that …"
    if (
        eager is None
        and i > 0
        and toks[i - 1].low in {"to", "the", "a", "an", "his", "her", "their", "its", "this", "that"}
    ):
        return None  # "to say", "the report", "a statement": not a reporting verb here
    j = i - 1
    while j > 0 and lex.adverb(toks[j]) and toks[j].low.endswith("ly"):
        j -= 1
    if j >= 0 and is_possessive(toks[j].text):
        return None  # "Editor’s note", "Lynch's highly criticized meeting": a modifier after a possessive
    if i > 0 and toks[i - 1].low in _BE and i + 1 < len(toks) and toks[i + 1].low == "by":
        return _passive_agent(text, toks, i, sentence, lex)  # "The data was confirmed by strategists"
    phrase = np_before(toks, i if eager is None else eager, lex)
    if phrase is None and low in lex.object_relative_verbs:
        phrase = _relative_subject(toks, i, lex)  # "a charge the company denied"
    if phrase is None and eager is None:
        phrase = unnamed_with_postmodifier(toks, i, lex)  # "two people briefed on the talks said"
    if phrase is None and _second_verb(toks, i, lex):
        subject = np_after(toks, _subject_start(toks, i, lex), lex)  # "She supports A, but believes B"
        if (
            subject is not None
            and subject.kind in {"person", "pronoun", "org", "vague"}
            and subject.last < i - 2
        ):
            phrase = subject
    if phrase is None and low.endswith("ing") and i > 0:
        doc = _document_before(toks, i, lex)  # "there are no polls showing X ahead"
        if doc is not None:
            phrase = noun_phrase_ending(toks, doc, lex)
    if phrase is None and i > 0 and toks[i - 1].text in {",", "”", '"', "’"}:
        after = np_after(toks, i + 1, lex)  # "…, said Trump."
        if (
            after is not None
            and after.kind in {"person", "org", "vague"}
            and (
                after.last >= len(toks) - 2
                or (  # "…, said a person familiar with the talks."
                    after.kind == "vague"
                    and not low.endswith("ing")
                    and toks[after.last + 1].low in _COMPLEMENTS
                )
                or (after.role is not None and toks[after.last + 1].text == ",")
            )
        ):  # the source ends the sentence, or only its appositive follows ("said X, a professor at Y.")
            phrase = after
    if phrase is None or phrase.kind in {"thing", "first"}:
        return None
    if low in lex.main_clause_verbs and (
        (phrase.first > 0 and toks[phrase.first - 1].low in _SUBORDINATORS)
        or (phrase.speaker is not None and phrase.speaker.lower() in lex.source_nouns)
    ):  # "This suggests that Trump wants …", "Women do want …": the writer's inference or generalisation
        return None
    if not is_speech and not (phrase.document or phrase.kind in {"vague", "org"}):
        return None  # "show", "reveal", "find" only with documents, organisations or unnamed sources
    following = toks[i + 1].low if i + 1 < len(toks) else "."
    if (
        low in lex.needs_that
        and phrase.kind != "vague"
        and not (phrase.document and low in lex.document_verbs)  # "records show UBS paid …"
        and following not in lex.that_words
        and following != "."
    ):
        return None  # "maintain dialogue", "found a way": not reporting anything
    if low in lex.weak_verbs and phrase.kind not in {"person", "vague", "pronoun", "group", "org"}:
        return None
    end = lex.cue_end(toks, i)  # "called for": the content follows the particle
    if end + 1 < len(toks) and toks[end + 1].low in _COPULAS:
        return None  # "What voters want is a change": a free relative, not a report
    if leads_elsewhere(toks, end, lex):
        return None  # "reports for the Daily News", "wrote to Podesta seeking …": no content
    after_verb = content_after(text, toks, end, sentence, lex)
    relative = False
    if phrase.first > i or after_verb is None or (i + 1 < len(toks) and toks[i + 1].text in {".", "!", "?"}):
        begin = min(phrase.first, i)  # "content, X said.": the content ends at a comma, quote or dash
        if begin > 0 and toks[begin - 1].text not in BEFORE_SOURCE:
            content = _relative_object(text, toks, begin, i, lex)  # "a charge the company denied"
            relative = True
        elif begin == 0:
            return None
        else:
            content = trim(text, sentence.start, toks[begin].start)
    else:
        content = after_verb
    if content is None:
        return None
    cue, cue_span = cue_span_of(toks, i, end)
    return Found(
        min(
            tok.start, phrase.start, content.start if relative else tok.start
        ),  # from "accusations that he denied"
        from_phrase(text, phrase, "reported", cue, cue_span, content),
        phrase,
    )
