"""Vague sourcing by an unnamed group: the ``group`` family of :mod:`audit.claim_extraction.attribution.vague.cues`.

An unnamed, quantified, counted or generic group as the subject of a speech or belief verb ("many
historians believe", "some have argued", "critics contend", "one sports writer suggested", "more than 10
women have accused", "reports vary", "lobbying disclosures show"), and the unnamed group after "according
to" ("according to most Mahayana followers"). Word lists: the ``group_*``, ``*_quantifiers`` and
``number_*`` entries of ``vague_patterns`` in ``audit/data/attribution.json``.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok, is_possessive
from audit.claim_extraction.attribution.vague.lexicon import (
    BOUNDARY_PUNCT,
    VagueCue,
    VagueLexicon,
    after_that,
    low_at,
    lower_word,
    skip_adverbs,
)


def _match(toks: Sequence[Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the first of ``phrases`` (longest first) that starts at ``i``, 0 when none."""
    for words in phrases:
        if tuple(low_at(toks, i + n) for n in range(len(words))) == words:
            return len(words)
    return 0


def _number(toks: Sequence[Tok], i: int, v: VagueLexicon) -> int:
    """Length of a counted quantifier at ``i`` ("31", "more than 10", "dozens"), 0 when none."""
    k = i + _match(toks, i, v.number_openers)
    if k < len(toks) and toks[k].text[0].isdigit():
        return k + 1 - i
    words = _match(toks, k, v.number_words)
    return k + words - i if words else 0


def _boundary(toks: Sequence[Tok], i: int, v: VagueLexicon, lex: Lexicon) -> bool:
    """May a subject start at token ``i``: sentence start, after punctuation, a clause opener or an
    opening time adverb ("Today many villagers deny …")?"""
    if i == 0 or (i == 1 and toks[0].low in v.opening_adverbs):
        return True
    prev = toks[i - 1]
    return prev.text in BOUNDARY_PUNCT or prev.low in lex.clause_openers


_PREPOSITIONS = frozenset({"of", "in", "from", "at", "on", "within", "across", "outside"})


def _group_subject(
    toks: Sequence[Tok], i: int, quant: int, v: VagueLexicon, lex: Lexicon
) -> tuple[str | None, int, int] | None:
    """The subject noun phrase of an unnamed group from ``i + quant``: (head, head position, verb position).

    The head is the last word before a preposition ("officials in both parties": officials); capitalised
    words are names, except after a quantifier ("Many Republicans") or when they are group nouns
    themselves ("Democrats"); a parenthetical ", though," may stand before the verb."""
    k = i + quant
    head: str | None = None
    head_at = -1
    fixed = False
    while k < len(toks) and k - i < 12:
        tok = toks[k]
        low = tok.low
        is_verb = low in v.group_verbs or low in v.group_verbs_need_head or low in v.group_aux
        if is_verb and (head is not None or quant):
            return head, head_at, k
        if tok.text == "," and low_at(toks, k + 1) in v.group_parentheticals and low_at(toks, k + 2) == ",":
            k += 3
            fixed = True
            continue
        if not tok.text[0].isalpha() or low in v.be_forms or low in lex.pronouns or low in {"who", "which"}:
            return None
        if tok.cap and k > 0 and not quant and low not in v.group_heads:
            return None  # a named subject is not vague ("Reuters says")
        if low in _PREPOSITIONS and head is not None:
            fixed = True
        elif low not in v.group_noun_words and not fixed:
            head = low.removesuffix("’s").removesuffix("'s")
            head_at = k
        k += 1
    return None


def group_cue(toks: Sequence[Tok], i: int, v: VagueLexicon, lex: Lexicon) -> VagueCue | None:
    """An unnamed group as the subject of a speech or belief verb: "many historians believe"."""
    if not _boundary(toks, i, v, lex):
        return None
    singular = _match(toks, i, v.singular_quantifiers)
    counted = 0 if singular else _number(toks, i, v)
    quant = singular or counted or _match(toks, i, v.group_quantifiers)
    subject = _group_subject(toks, i, quant, v, lex)
    if subject is None:
        return None
    head, head_at, k = subject
    if singular or counted:  # "one sports writer", "more than 10 women": a group noun must be named
        heads = v.singular_group_heads if singular else v.group_heads
        if head is None or head not in heads or any(t.cap for t in toks[i + 1 : k]):
            return None
    elif not quant and (head is None or head not in v.group_heads or head_at - i > 4):
        return None  # without a quantifier, a group noun heads a short subject ("Critics of the plan")
    j, _ = skip_adverbs(toks, k, v.group_aux, limit=4)
    if j >= len(toks) or not lower_word(toks[j]):
        return None
    verb = toks[j].low
    heads = v.singular_group_heads if singular else v.group_heads
    if verb in v.group_verbs_need_head:
        if (head is None or head not in heads) and not (quant and low_at(toks, j + 1) == "that"):
            return None  # "studies show", "some worry that"; not "some films show"
    elif verb not in v.group_verbs:
        return None
    if low_at(toks, j + 1) in v.group_blocked_following.get(verb, frozenset()):
        return None
    if verb == "pointed" and low_at(toks, j + 1) != "out":
        return None
    if verb in v.group_naming_verbs and any(t.cap for t in toks[i + quant : k]):
        return None  # "Roman Catholics called those texts …": a group's usage, not a source
    return VagueCue(i, j, "group", after_that(toks, j))


def unnamed_group_after(toks: Sequence[Tok], k: int, v: VagueLexicon) -> int | None:
    """The last token of an unnamed group noun phrase starting at ``k`` ("federal law enforcement
    officials", "a source familiar with the talks"), or None when the phrase names someone or is no group.

    Used after "according to": the phrase runs over lower-case words up to punctuation or a clause word;
    it is a group when its head (the last word before "familiar", "close", "who", "with" …) is a group noun.
    """
    end = k
    head: str | None = None
    quantified = low_at(toks, k) in v.by_agent_quantifiers  # "most Mahayana followers": still unnamed
    while end < len(toks) and end - k < 8:
        tok = toks[end]
        if not tok.text[0].isalpha() or tok.low in {
            "who",
            "that",
            "which",
            "familiar",
            "close",
            "with",
            "in",
            "on",
        }:
            break
        if tok.cap and not (quantified and end > k):
            return None
        if is_possessive(tok.text) and end > k:  # "the transit authority's report": a possessor owns it
            return None
        head = tok.low
        end += 1
    if head is None:
        return None
    if (
        head in v.group_heads | v.singular_group_heads
        or head + "s" in v.group_heads
        or head in v.by_agent_quantifiers
    ):
        return end - 1
    return None
