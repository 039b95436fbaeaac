"""Possessive positions: "Smith's position is that …", "the senator's view was that …".

A position noun (``position_nouns`` in ``audit/data/attribution.json``: position, view, argument, belief,
contention …) after a possessive, with at most one word between ("Smith's main argument"), followed by
"is"/"was" and "that", attributes the that-clause to the possessor, as "Smith argues that" would. The
possessor is classified like any source noun phrase (an unnamed "officials' view" is vague). Deterministic.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.content import content_after
from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, is_possessive
from audit.claim_extraction.attribution.source_phrase import classify
from audit.claim_extraction.attribution.verbs import Found, cue_span_of, from_phrase
from audit.model import Span

_IS = frozenset({"is", "was", "remains", "remained"})


def possessive_position(text: str, toks: Sequence[Tok], i: int, sentence: Span, lex: Lexicon) -> Found | None:
    """The position whose noun is token ``i`` ("Smith's *position* is that …"), or None."""
    if toks[i].low not in lex.position_nouns or i < 1 or i + 2 >= len(toks):
        return None
    if toks[i + 1].low not in _IS or toks[i + 2].low != "that":
        return None
    k = i - 1 if is_possessive(toks[i - 1].text, plural=True) else i - 2
    if (
        k < 0
        or not is_possessive(toks[k].text, plural=True)
        or (k == i - 2 and not toks[i - 1].text.isalpha())
    ):
        return None
    first = k
    while first > 0 and lex.np_word(toks[first - 1]) and k - first < 6:
        first -= 1
    while first < k and toks[first].low in lex.np_inner:
        first += 1
    phrase = classify(toks, first, k, lex)
    if phrase.kind in {"thing", "first"}:
        return None
    content = content_after(text, toks, i + 1, sentence, lex)
    if content is None:
        return None
    cue, cue_span = cue_span_of(toks, k + 1, i + 1)
    return Found(toks[first].start, from_phrase(text, phrase, "reported", cue, cue_span, content), phrase)
