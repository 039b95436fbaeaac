"""Unnamed sources with a post-modifier before their verb: "two people *briefed on the talks* said",
"a senior adviser *to the president* said", "officials *with knowledge of the plan* say".

The subject noun phrase of :func:`audit.claim_extraction.attribution.source_phrase.np_before` stops at the first word that
cannot be part of a name; an unnamed source often carries a post-modifier there. When the word after
an unnamed-person head ("people", "officials", "adviser", … in ``unnamed_person_heads``) is one of
``unnamed_postmodifiers`` and only words (no punctuation, no clause openers) lie between it and the
verb, the whole phrase is the source, kind "vague". A named person is never made vague here: the
head must be an unnamed-person noun ("Smith, who was briefed on the talks, said" is left alone).
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok
from audit.claim_extraction.attribution.source_phrase import NounPhrase, classify

_REACH = 9  # words between the head and the verb


def unnamed_with_postmodifier(toks: Sequence[Tok], i: int, lex: Lexicon) -> NounPhrase | None:
    """The unnamed source with a post-modifier whose verb is at token ``i``, or None."""
    for head in range(i - 2, max(-1, i - 2 - _REACH), -1):
        tok = toks[head]
        if not tok.text[0].isalnum() or tok.low in lex.clause_openers:
            return None
        if (tok.cap and head > 0) or tok.low not in lex.unnamed_person_heads:
            continue
        if toks[head + 1].low not in lex.unnamed_postmodifiers:
            continue
        first = head
        while first > 0 and lex.np_word(toks[first - 1]) and toks[first - 1].low not in lex.pronouns:
            first -= 1
        if first > 0 and toks[first - 1].text[0].isalnum() and toks[first - 1].low not in lex.clause_openers:
            return None  # the phrase must open a clause: "… told two people briefed on …" is no subject
        phrase = classify(toks, first, head, lex)
        if phrase.kind != "vague":
            return None
        last = i - 1
        return NounPhrase(
            first, last, phrase.start, toks[last].end, "vague", None, None, None, phrase.document
        )
    return None
