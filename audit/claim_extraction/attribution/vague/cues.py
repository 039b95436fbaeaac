"""Vague sourcing: cues that attribute a statement to nobody in particular.

A sentence is vaguely sourced when it leans on an unnamed authority, or on an assertion whose source has
been deleted (Wikipedia's weasel-word guideline: "it is believed", "is widely regarded as", "has been
called"). The pattern families, in the order they are tried at each token (word lists in the
``vague_patterns`` section of ``audit/data/attribution.json``, read by :mod:`audit.claim_extraction.attribution.vague.lexicon`):

1. ``impersonal``: "it" + be-chain + an attribution participle: "it is believed that", "it has been
   suggested", "it was then argued", "it was later recognized", "it is widely held".
2. ``there``: "there is a widespread belief", "there has been speculation", "there are reports that",
   "there are (modern) linguists who believe", "there are those who argue".
3. ``passive``: be-form (+ adverbs) + an evaluative participle with its complement: "is considered (to be)
   X", "is widely regarded as", "has been described as", "is said to", "is thought to", "was believed
   lost", "is almost universally recognised as"; praise and blame need no complement ("was highly
   acclaimed", "has been widely criticised", "was dubbed"), nor does "has been called X" (perfect aspect;
   not "had been called up"). Naming verbs ("is called", "is known as", "is referred to as") only count
   with a frequency adverb ("is often called", "is widely known as", "Sometimes X is referred to as"):
   "Paris is known as the City of Light" names a thing and needs no source. A passive whose agent is
   named ("was considered by Smith") is not vague.
4. ``adverb_participle``: the same participles after a consensus adverb, without a be-form ("widely
   regarded as", "often described as", "commonly believed"), or opening the sentence ("Viewed as one of
   the best …", "Already regarded as …").
5. ``reduced``: "deemed", "reputed", "purported" after their noun ("scenes deemed too strong").
6. ``by_agent``: a participle whose agent, a few words on, is an unnamed group: "considered by many",
   "praised by critics", "viewed sceptically by some scientists", "criticised by Aboriginal groups".
   Participles that are no opinion by themselves ("supported", "adopted") need a group of people
   ("by many critics"), not a quantity of things ("by many browsers").
7. ``evidential``: a hearsay noun introducing a clause ("amid allegations that", "Rumours were that"), an
   opinion held by nobody named ("a common criticism", "the widespread perception is that", "has a
   reputation for").
8. ``group`` (:mod:`audit.claim_extraction.attribution.vague.groups`): an unnamed, quantified, counted or generic group as
   the subject of a speech or belief verb: "many historians believe", "some have argued", "others say",
   "critics contend", "one sports writer suggested", "more than 10 women have accused", "reports vary",
   "records show". Verbs that are common outside attribution ("see", "call", "hold", "show") need a group
   noun as head ("studies show", not "some films show").

Plain hedges name no source at all and are deliberately *not* cues: "probably", "may", "might",
"perhaps", "seems", "appears", "likely", "possibly" (a hedged sentence is the author's own claim); nor
are peacock words ("legendary", "one of the best", "is noted for"), quantities of people without a
reporting verb ("many people were displaced"), or ordinary agentless passives ("was built in 1900", "the
decision was made"). Forecasts ("is expected to") are not counted either: they are everywhere in news
and name no source of a *statement*.

``vague_cue_at`` is called token by token by :mod:`audit.claim_extraction.attribution.attribute`, after the named-source cues, so
"Rubio said that it is widely believed …" stays Rubio's. Deterministic and rule-based: every hit can be
traced to a lexicon entry.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok
from audit.claim_extraction.attribution.vague.lexicon import (
    BOUNDARY_PUNCT,
    VagueCue,
    VagueLexicon,
    after_that,
    low_at,
    lower_word,
    skip_adverbs,
)


def _agent(toks: Sequence[Tok], k: int, v: VagueLexicon, strict: bool = False) -> tuple[str, int]:
    """The agent after "by" at ``k - 1``: ("vague", last) for "by many", ("named", …) or ("thing", …).

    ``strict`` (after a participle that is no opinion by itself, "supported", "adopted"): only a group of
    people ("by many critics", "by many") is vague, not a quantity of things ("by many browsers")."""
    end = k
    while (
        end < len(toks)
        and end - k < 6
        and toks[end].text[0].isalnum()
        and toks[end].low not in {"to", "as", "who", "which", "that", "both", "alike"}
        and (end == k or toks[end].low not in v.participle_blockers)
    ):
        end += 1
    words = toks[k:end]
    if not words:
        return "thing", k
    lows = [w.low for w in words]
    head = lows[-1]
    if any(w.cap for w in words) and (words[-1].cap or head not in v.group_heads):
        return "named", end - 1  # "by Smith"; but "by Aboriginal groups", "by US officials" name nobody
    people = head in v.group_heads or head + "s" in v.group_heads
    if people or (len(lows) == 1 and head in v.by_agent_quantifiers):
        return "vague", end - 1
    if not strict and any(w in v.by_agent_quantifiers for w in lows):
        return "vague", end - 1
    return "thing", end - 1


def _participle_hit(
    toks: Sequence[Tok], j: int, adverbs: set[str], v: VagueLexicon, initial: bool = False
) -> tuple[int, int | None] | None:
    """Is token ``j`` an evaluative participle with its complement? (cue end, content start) or None.

    ``initial``: the participle opens the sentence and may be capitalised ("Viewed as …, the team")."""
    if j >= len(toks) or not (lower_word(toks[j]) or (initial and toks[j].text[0].isalpha())):
        return None
    p = toks[j].low
    nxt = low_at(toks, j + 1)
    if nxt == "by" and p in v.by_participles:
        kind, last = _agent(toks, j + 2, v, strict=p in v.strict_agent_participles)
        return (last, None) if kind == "vague" and _as_follows(toks, p, last, v) else None
    if (p in v.evaluative_participles or p in v.coining_participles) and nxt != "to":
        return j, None  # "was widely praised", "has been criticised for", "was dubbed 'the Iron Lady'"
    if p in v.to_participles and nxt == "to":
        return j + 1, None
    if p in v.as_participles and (
        nxt == "as" or (nxt in {"of", "upon", "on"} and low_at(toks, j + 2) == "as")
    ):
        return (j + 1 if nxt == "as" else j + 2), None
    if p in v.naming_participles and adverbs & v.naming_adverbs:
        if p in {"known", "referred"} and nxt not in {"as", "to"}:
            return None
        if nxt == "as":
            return j + 1, None
        return (j + 2, None) if nxt == "to" and low_at(toks, j + 2) == "as" else (j, None)
    if (
        p in v.bare_participles
        and nxt
        and nxt not in v.participle_blockers
        and toks[j + 1].text not in {".", "!", "?", ",", ";", ")"}
    ):
        return j, None
    return None


def _named_agent_follows(toks: Sequence[Tok], j: int) -> bool:
    """Does "by Name" follow within a few tokens ("was considered monophyletic by Uhen")?"""
    for k in range(j + 1, min(j + 8, len(toks) - 1)):
        if toks[k].low == "by" and toks[k + 1].cap:
            return True
        if toks[k].text in {",", ";", "."} or toks[k].low == "that":
            return False  # "it was noted that … caused by MORE Power": the agent of the reported clause
    return False


def _impersonal(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """ "it is believed that …", "it has been suggested", "it could be argued"."""
    j = i + 1
    chain: list[str] = []
    while j < len(toks) and toks[j].low in v.impersonal_modals and len(chain) < 5:
        chain.append(toks[j].low)
        j += 1
    if not chain or not (set(chain) & v.be_forms) or j >= len(toks) or not lower_word(toks[j]):
        return None
    p = toks[j].low
    if p not in v.impersonal_participles:
        return None
    nxt = low_at(toks, j + 1)
    if p == "pointed" and nxt != "out":
        return None
    if p in v.naming_participles and nxt in {"as", "to"} and not set(chain) & v.naming_adverbs:
        return None  # "it is known as X": a name
    if nxt == "by":
        kind, last = _agent(toks, j + 2, v)
        return VagueCue(i, last, "impersonal", after_that(toks, last)) if kind == "vague" else None
    if nxt in v.participle_blockers or _named_agent_follows(toks, j):
        return None
    last = j + 1 if p == "pointed" else j
    return VagueCue(i, last, "impersonal", after_that(toks, last))


def _there_who(toks: Sequence[Tok], j: int, i: int, v: VagueLexicon) -> VagueCue | None:
    """ "there are (modern) linguists who believe", "there are those who argue": from token ``j`` on."""
    for k in range(j + 1, min(j + 5, len(toks))):
        if toks[k].low != "who":
            if not lower_word(toks[k]):
                return None
            continue
        group = toks[k - 1].low
        m, _ = skip_adverbs(toks, k + 1, v.group_aux, limit=3)
        verb = low_at(toks, m)
        is_head = group in v.group_heads
        if not (is_head or group in v.there_group_pronouns) or not (
            verb in v.group_verbs or (is_head and verb in v.group_verbs_need_head)
        ):
            return None
        if low_at(toks, m + 1) in v.group_blocked_following.get(verb, frozenset()):
            return None
        return VagueCue(i, m, "there", after_that(toks, m))
    return None


def _there(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """ "there is a widespread belief that", "there has been speculation", "there are some who say"."""
    j = i + 1
    seen = 0
    while j < len(toks) and toks[j].low in v.be_forms | {"has", "have", "had"} and seen < 3:
        j += 1
        seen += 1
    if not seen:
        return None
    who = _there_who(toks, j - 1, i, v)
    if who is not None:
        return who
    for k in range(j, min(j + 4, len(toks))):
        word = toks[k].low
        if word in v.there_nouns or (
            word in v.there_nouns_need_that and low_at(toks, k + 1) in {"that", "among"}
        ):
            return VagueCue(i, k, "there", after_that(toks, k))
        if not lower_word(toks[k]):
            return None
    return None


def _evidential(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """A hearsay noun opening a clause: "amid allegations that he …", "Rumours were that …"."""
    if toks[i].low not in v.evidential_nouns:
        return None
    if low_at(toks, i + 1) in v.be_forms and low_at(toks, i + 2) == "that":
        if i == 0 or toks[i - 1].low == "the" or toks[i - 1].text in BOUNDARY_PUNCT:
            return VagueCue(i, i + 2, "evidential", after_that(toks, i + 2))
        return None
    if low_at(toks, i + 1) != "that" or not lower_word(toks[i]):
        return None
    if i > 0 and (toks[i - 1].cap or toks[i - 1].low in v.evidential_blockers):
        return None
    if _object_relative(toks, i + 2, v):
        return None  # "accusations that he too has denied": a relative clause, the denial is the cue
    return VagueCue(i, i + 1, "evidential", after_that(toks, i))


def _object_relative(toks: Sequence[Tok], k: int, v: VagueLexicon) -> bool:
    """Is the clause from ``k`` a short relative whose verb takes the noun before as its object ("that he
    too has denied", "that the company rejected"): at most six words, ending in such a verb?"""
    end = k
    while end < len(toks) and toks[end].text[0].isalnum() and end - k < 7:
        end += 1
    return end - k >= 2 and end - k < 7 and toks[end - 1].low in v.object_relative_verbs


def _hearsay_phrase(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """An opinion held by nobody named: "a common criticism", "the widespread perception", "has a
    reputation for" (whose opinion, whose reputation?)."""
    low = toks[i].low
    if low in v.consensus_adjectives and low_at(toks, i + 1) in v.opinion_nouns and lower_word(toks[i]):
        k = i + 2 if low_at(toks, i + 2) in v.be_forms else i + 1  # "the common view is that …"
        return VagueCue(
            i, i + 1, "evidential", after_that(toks, k) if low_at(toks, k + 1) == "that" else None
        )
    if low in v.reputation_verbs and low_at(toks, i + 1) in {"a", "an", "the"}:
        k = i + 2 if low_at(toks, i + 2) == "reputation" else i + 3
        if low_at(toks, k) == "reputation" and low_at(toks, k + 1) in {"for", "as", "of"}:
            return VagueCue(i, k + 1, "evidential", None)
    return None


def _passive(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """be-form + adverbs + evaluative participle: "is widely regarded as", "is said to"."""
    j, adverbs = skip_adverbs(toks, i + 1, v.passive_adverbs)
    if (
        toks[i].low == "been"
        and low_at(toks, i - 1) in {"has", "have", "had"}
        and low_at(toks, j) == "called"
        and j + 1 < len(toks)
        and toks[j + 1].text[0].isalnum()
        and toks[j + 1].low not in v.called_blockers
        and not _named_agent_follows(toks, j)
    ):  # "has been called the finest", not "had been called up" / "is called X" (a name)
        return VagueCue(i - 1, j, "passive", None)
    if i > 1 and toks[0].low in v.naming_adverbs and all(t.text != "," for t in toks[1:i]):
        adverbs.add(toks[0].low)  # "Sometimes the dog is referred to as …"
    hit = _participle_hit(toks, j, adverbs, v)
    if hit is None or _named_agent_follows(toks, hit[0]):
        return None
    first = i - 1 if i > 0 and toks[i - 1].low in v.aux_before_be and toks[i - 1].low != "to" else i
    return VagueCue(first, hit[0], "passive", hit[1])


def _reduced(toks: Sequence[Tok], i: int, v: VagueLexicon) -> bool:
    """A participle after its noun, with no be-form: "scenes deemed too strong", "his reputed father"."""
    if i == 0 or not lower_word(toks[i]) or low_at(toks, i - 1) in v.be_forms:
        return False
    nxt = low_at(toks, i + 1)
    return bool(nxt) and toks[i + 1].text[0].isalpha() and not _named_agent_follows(toks, i)


def _as_follows(toks: Sequence[Tok], participle: str, last: int, v: VagueLexicon) -> bool:
    """Is the agent ending at ``last`` followed by "as", when the participle needs it ("characterized
    by critics *as* reckless"; "an influence characterized by voters with a penchant" is no opinion)?"""
    return participle not in v.as_agent_participles or low_at(toks, last + 1) == "as"


def _by_agent(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """A participle whose "by" agent, a few words on, is an unnamed group: "considered by many",
    "viewed sceptically by some scientists", "embraced and disowned with equal fervour by various fans"."""
    if toks[i].low not in v.by_participles or not lower_word(toks[i]):
        return None
    for k in range(i + 1, min(i + 7, len(toks) - 1)):
        if toks[k].low == "by":
            kind, last = _agent(toks, k + 1, v, strict=toks[i].low in v.strict_agent_participles)
            vague = kind == "vague" and _as_follows(toks, toks[i].low, last, v)
            return VagueCue(i, last, "by_agent", None) if vague else None
        if not lower_word(toks[k]) or toks[k].low in v.be_forms or toks[k].low in {"that", "which", "who"}:
            return None
    return None


def vague_cue_at(toks: Sequence[Tok], i: int, v: VagueLexicon, lex: Lexicon) -> VagueCue | None:
    """The vague-sourcing cue that starts at token ``i`` (families of the module docstring), or None."""
    low = toks[i].low
    if low == "it":
        return _impersonal(toks, i, v)
    if low == "there":
        return _there(toks, i, v)
    if low in v.be_forms:
        return _passive(toks, i, v)
    if low in v.weasel_adverbs and (i == 0 or toks[i - 1].low not in v.be_forms):
        hit = _participle_hit(toks, i + 1, {low}, v)
        if hit is not None:
            return VagueCue(i, hit[0], "adverb_participle", hit[1])
    if i == 0:  # "Viewed as one of the best …, she", "Already regarded as …"
        start = 1 if low in v.sentence_initial_adverbs else 0
        first = low_at(toks, start)
        if (
            first in v.as_participles | v.to_participles and low_at(toks, start + 1) in {"as", "to", "by"}
        ) or (first in v.evaluative_participles):
            hit = _participle_hit(toks, start, set(), v, initial=start == 0)
            if hit is not None:
                return VagueCue(0, hit[0], "adverb_participle", hit[1])
    if low in v.reduced_participles and _reduced(toks, i, v):
        return VagueCue(i, i, "reduced")
    by_agent = _by_agent(toks, i, v)
    if by_agent is not None:
        return by_agent
    return _evidential(toks, i, v) or _hearsay_phrase(toks, i, v)
