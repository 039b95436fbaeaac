"""The source noun phrase that follows its cue: "according to *RIA Novosti news agency*", "said *a
spokesperson who declined to be named*", "a poll *by Quinnipiac University*".

:func:`np_after` finds the phrase that starts at a token (a document and its named author, an anonymity
phrase after the source, an appositive role) and classifies it with
:func:`audit.claim_extraction.attribution.source_phrase.classify`; split from :mod:`audit.claim_extraction.attribution.source_phrase`, which finds subjects
before their verb.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import (
    DETERMINERS,
    Lexicon,
    Tok,
    is_possessive,
    strip_possessive,
    tokens_text,
)
from audit.claim_extraction.attribution.source_phrase import CALENDAR, NounPhrase, classify


def _lowercase_institution(toks: Sequence[Tok], k: int, lex: Lexicon) -> int:
    """Extend a phrase over up to three plain lower-case words that lead to a source noun: "according to the
    *city's finance department*", "the *transit authority*". Returns the new end (exclusive); ``k`` if none."""
    j = k
    while j < len(toks) and j - k < 3 and toks[j].text[0].isalpha() and not toks[j].cap:
        if strip_possessive(toks[j].low) in lex.source_nouns and toks[j].low not in lex.vague_heads:
            end = j + 1
            while end < len(toks) and lex.np_word(toks[end]) and not toks[end].cap:
                end += 1
            return end
        if toks[j].low in lex.clause_openers or toks[j].low in lex.not_sources:
            return k
        j += 1
    return k


_OWNER_LINK = frozenset({"by", "from"})
_FINITE = frozenset({"is", "are", "was", "were", "has", "have", "had", "will", "would", "did", "does"})


def _document_owner(toks: Sequence[Tok], i: int, last: int, lex: Lexicon) -> NounPhrase | None:
    """A document phrase ``toks[i..last]`` and the named author after it: "a poll *by Quinnipiac
    University*", "a report from the Congressional Budget Office", "a review of financial disclosures by
    Public Citizen", "emails released by WikiLeaks", "new filings with the Federal Election Commission",
    "a memo that Band wrote". The whole phrase is the source, the author its speaker; None when no author
    is named."""
    if strip_possessive(toks[last].low) not in lex.document_nouns:
        return None
    k = last + 1
    if k < len(toks) and toks[k].low == "of":  # "a review of financial disclosures by …"
        k += 1
        while k < len(toks) and k - last < 6 and toks[k].text.isalpha() and not toks[k].cap:
            if toks[k].low in _OWNER_LINK:
                break
            k += 1
    if k + 2 < len(toks) and toks[k].low in {"that", "which"}:  # "a memo that Band wrote"
        writer = np_after(toks, k + 1, lex)
        if (
            writer is None
            or writer.kind not in {"person", "org"}
            or writer.speaker_span is None
            or writer.last + 1 >= len(toks)
            or toks[writer.last + 1].low not in lex.document_writer_verbs
        ):
            return None
        return dataclasses.replace(writer, first=i, start=toks[i].start, document=True)
    if (
        k + 1 < len(toks)
        and toks[k].low in lex.document_owner_participles
        and toks[k + 1].low in {"by", "with"}
    ):
        k += 1  # "emails released by WikiLeaks", "reports filed with the F.E.C."
    elif (
        k < len(toks)
        and toks[k].low == "with"
        and strip_possessive(toks[last].low) in lex.document_with_nouns
    ):
        pass  # "new filings with the Federal Election Commission"
    elif k + 1 >= len(toks) or toks[k].low not in _OWNER_LINK:
        return None
    if k + 1 >= len(toks):
        return None
    owner = np_after(toks, k + 1, lex)
    if owner is None or owner.kind not in {"person", "org"} or owner.speaker_span is None:
        return None
    return NounPhrase(
        i,
        owner.last,
        toks[i].start,
        owner.end,
        owner.kind,
        owner.speaker,
        owner.speaker_span,
        owner.role,
        True,
    )


def _anonymity_after(toks: Sequence[Tok], k: int, lex: Lexicon) -> int | None:
    """The last token of an anonymity phrase at ``k`` (or after a comma there): "who declined to be
    named", ", speaking on condition of anonymity"; None when none starts there."""
    start = k + 1 if k < len(toks) and toks[k].text == "," else k
    for length in sorted(lex.anonymity_phrases, reverse=True):
        words = tuple(t.low for t in toks[start : start + length])
        if len(words) == length and words in lex.anonymity_phrases[length]:
            return start + length - 1
    return None


def _unnamed(phrase: NounPhrase, toks: Sequence[Tok], last: int) -> NounPhrase:
    """``phrase`` as an unnamed source that runs on to token ``last`` (its anonymity phrase)."""
    return NounPhrase(
        phrase.first, last, phrase.start, toks[last].end, "vague", None, None, None, phrase.document
    )


def _dated_document(toks: Sequence[Tok], i: int, lex: Lexicon) -> NounPhrase | None:
    """A document with its author whose noun comes after a date or plain adjectives: "a separate *June
    2011* memo that Band wrote", "a *2015* report by the Congressional Budget Office"."""
    for last in range(i + 1, min(i + 6, len(toks))):
        tok = toks[last]
        if strip_possessive(tok.low) in lex.document_nouns:
            if not any(t.text.isdigit() or (t.cap and t.low in CALENDAR) for t in toks[i:last]):
                return None  # undated phrases take the ordinary path
            owned = _document_owner(toks, i, last, lex)
            if owned is not None:
                return owned
            phrase = classify(toks, i, last, lex)
            if phrase.kind == "vague" and toks[i].low not in lex.unnamed_single_determiners:
                return None  # "according to the 2002 census": a definite record is no vague source
            return phrase
        if (
            not tok.text[0].isalnum()
            or tok.low in lex.clause_openers
            or (not tok.cap and tok.low.endswith(("ed", "ing")))
            or lex.cue_verb(toks, last)
        ):
            return None  # "the firm issued a statement": a clause, not a dated document
    return None


def np_after(toks: Sequence[Tok], i: int, lex: Lexicon) -> NounPhrase | None:
    """The noun phrase that starts at token ``i`` ("according to *RIA Novosti news agency*,")."""
    if i >= len(toks):
        return None
    if toks[i].low in lex.pronouns:
        return classify(toks, i, i, lex)
    dated = _dated_document(toks, i, lex)
    if dated is not None:
        return dated
    k = i
    if (  # one plain adjective before a name or a document: "according to *internal* Dow documents"
        i + 1 < len(toks)
        and toks[i].text.isalpha()
        and toks[i].text.islower()
        and not lex.np_word(toks[i])
        and toks[i].low not in lex.clause_openers | lex.not_sources | lex.np_extension_blockers
        and not toks[i].low.endswith(("ing", "ed", "ly"))
        and (toks[i + 1].cap or toks[i + 1].low in lex.document_nouns)
        and toks[i + 1].text[0].isalpha()
    ):
        k = i + 1
    while k < len(toks) and lex.np_word(toks[k]) and toks[k].low not in lex.pronouns:
        if k > i and toks[k].cap and is_possessive(toks[k - 1].text):
            break
        k += 1
    if all(t.low in DETERMINERS or t.low in lex.np_modifiers for t in toks[i:k]):
        k = _lowercase_institution(toks, k, lex)  # only a determiner so far: "the *transit authority*"
    last = k - 1
    while last >= i and toks[last].low in lex.np_inner:
        last -= 1
    if last < i:
        return None
    owned = _document_owner(toks, i, last, lex)
    if owned is not None:
        return owned
    role: str | None = None
    if (
        last + 2 < len(toks)
        and toks[last + 1].text == ","
        and toks[last + 2].low in lex.appositive_openers
        and toks[last + 2].low not in {"who", "which"}
    ):
        end = last + 2
        while end < len(toks) and toks[end].text not in {",", "."}:
            end += 1
        if not any(t.low in _FINITE for t in toks[last + 2 : end]):  # ", the committee had spent …"
            role = tokens_text(toks[last + 2 : end])
    phrase = classify(toks, i, last, lex, role)
    anonymous = _anonymity_after(toks, last + 1, lex)
    if anonymous is not None and phrase.kind in {"person", "org", "vague"}:
        return _unnamed(phrase, toks, anonymous)  # "said a spokesperson who declined to be named"
    return phrase
