"""Vague sourcing: cues that attribute a statement to nobody in particular.

A sentence is vaguely sourced when it leans on an unnamed authority. The pattern families, in the order
they are tried at each token (word lists in the ``vague_patterns`` section of ``audit/data/attribution.json``):

1. ``impersonal``: "it" + be-chain + an attribution participle: "it is believed that", "it has been
   suggested", "it was then argued", "it is widely held".
2. ``there``: "there is a widespread belief", "there has been speculation", "there are reports that".
3. ``evidential``: a hearsay noun introducing a clause: "amid allegations that", "speculation that".
4. ``passive``: be-form (+ adverbs) + an evaluative participle with its complement: "is considered (to be)
   X", "is widely regarded as", "has been described as", "is said to", "is thought to", "was believed
   lost". Naming verbs ("is called", "is known as", "is referred to as") only count with a frequency
   adverb ("is often called", "is widely known as"): "Paris is known as the City of Light" names a thing
   and needs no source. A passive whose agent is named ("was considered by Smith") is not vague.
5. ``adverb_participle``: the same participles after a consensus adverb, without a be-form ("widely
   regarded as", "often described as", "commonly believed").
6. ``by_agent``: a participle whose agent is an unnamed group: "considered by many", "praised by critics",
   "regarded by almost every commentator".
7. ``group``: an unnamed, quantified or generic group as the subject of a speech or belief verb: "many
   historians believe", "some have argued", "others say", "most individuals agree", "critics contend",
   "reviewers often cite". Verbs that are common outside attribution ("see", "call", "hold", "show") need
   a group noun as head ("studies show", not "some films show").

Plain hedges name no source at all and are deliberately *not* cues: "probably", "may", "might",
"perhaps", "seems", "appears", "likely", "possibly" (a hedged sentence is the author's own claim).
Forecasts ("is expected to") are not counted either: they are everywhere in news and name no source of
a *statement*.

``vague_cue_at`` is called token by token by :mod:`audit.attribution`, after the named-source cues, so
"Rubio said that it is widely believed …" stays Rubio's. Deterministic and rule-based: every hit can be
traced to a lexicon entry.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from audit.attribution_source import Lexicon, Tok

_BOUNDARY_PUNCT = frozenset({",", ";", ":", "—", "–", "(", "-", '"', "“", "”", "‘", "’", "'"})


def _words(items: Sequence[Any]) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items)


def _multi(items: Sequence[Any]) -> tuple[tuple[str, ...], ...]:
    """Multi-word entries as token tuples, longest first (so "a number of" beats "a")."""
    phrases = {tuple(str(item).lower().split()) for item in items}
    return tuple(sorted(phrases, key=lambda words: (-len(words), words)))


@dataclass(frozen=True, slots=True)
class VagueLexicon:
    """The ``vague_patterns`` word lists of ``audit/data/attribution.json``, as sets."""

    be_forms: frozenset[str]
    aux_before_be: frozenset[str]
    passive_adverbs: frozenset[str]
    weasel_adverbs: frozenset[str]
    naming_adverbs: frozenset[str]
    to_participles: frozenset[str]
    as_participles: frozenset[str]
    bare_participles: frozenset[str]
    naming_participles: frozenset[str]
    participle_blockers: frozenset[str]
    impersonal_participles: frozenset[str]
    impersonal_modals: frozenset[str]
    there_nouns: frozenset[str]
    there_nouns_need_that: frozenset[str]
    evidential_nouns: frozenset[str]
    evidential_blockers: frozenset[str]
    group_quantifiers: tuple[tuple[str, ...], ...]
    group_heads: frozenset[str]
    group_verbs: frozenset[str]
    group_verbs_need_head: frozenset[str]
    group_aux: frozenset[str]
    group_blocked_following: dict[str, frozenset[str]]
    group_noun_words: frozenset[str]
    by_agent_quantifiers: frozenset[str]
    evaluative_participles: frozenset[str]
    agent_participles: frozenset[str]
    coining_participles: frozenset[str]
    called_blockers: frozenset[str]
    singular_quantifiers: tuple[tuple[str, ...], ...]
    singular_group_heads: frozenset[str]
    number_openers: tuple[tuple[str, ...], ...]
    number_words: tuple[tuple[str, ...], ...]
    there_group_pronouns: frozenset[str]
    sentence_initial_adverbs: frozenset[str]
    group_parentheticals: frozenset[str]
    group_naming_verbs: frozenset[str]
    opening_adverbs: frozenset[str]
    reduced_participles: frozenset[str]
    consensus_adjectives: frozenset[str]
    opinion_nouns: frozenset[str]
    reputation_verbs: frozenset[str]

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> VagueLexicon:
        v = raw["vague_patterns"]
        return cls(
            be_forms=_words(v["be_forms"]),
            aux_before_be=_words(v["aux_before_be"]),
            passive_adverbs=_words(v["passive_adverbs"]),
            weasel_adverbs=_words(v["weasel_adverbs"]),
            naming_adverbs=_words(v["naming_adverbs"]),
            to_participles=_words(v["to_participles"]),
            as_participles=_words(v["as_participles"]),
            bare_participles=_words(v["bare_participles"]),
            naming_participles=_words(v["naming_participles"]),
            participle_blockers=_words(v["participle_blockers"]),
            impersonal_participles=_words(v["impersonal_participles"]),
            impersonal_modals=_words(v["impersonal_modals"]),
            there_nouns=_words(v["there_nouns"]),
            there_nouns_need_that=_words(v["there_nouns_need_that"]),
            evidential_nouns=_words(v["evidential_nouns"]),
            evidential_blockers=_words(v["evidential_blockers"]),
            group_quantifiers=_multi(v["group_quantifiers"]),
            group_heads=_words(v["group_heads"]),
            group_verbs=_words(v["group_verbs"]),
            group_verbs_need_head=_words(v["group_verbs_need_head"]),
            group_aux=_words(v["group_aux"]),
            group_blocked_following={str(k): _words(val) for k, val in v["group_blocked_following"].items()},
            group_noun_words=_words(v["group_noun_words"]),
            by_agent_quantifiers=_words(v["by_agent_quantifiers"]),
            evaluative_participles=_words(v["evaluative_participles"]),
            agent_participles=_words(v["agent_participles"]),
            coining_participles=_words(v["coining_participles"]),
            called_blockers=_words(v["called_blockers"]),
            singular_quantifiers=_multi(v["singular_quantifiers"]),
            singular_group_heads=_words(v["singular_group_heads"]),
            number_openers=_multi(v["number_quantifier_openers"]),
            number_words=_multi(v["number_words"]),
            there_group_pronouns=_words(v["there_group_pronouns"]),
            sentence_initial_adverbs=_words(v["sentence_initial_adverbs"]),
            group_parentheticals=_words(v["group_parentheticals"]),
            group_naming_verbs=_words(v["group_naming_verbs"]),
            opening_adverbs=_words(v["opening_adverbs"]),
            reduced_participles=_words(v["reduced_participles"]),
            consensus_adjectives=_words(v["consensus_adjectives"]),
            opinion_nouns=_words(v["opinion_nouns"]),
            reputation_verbs=_words(v["reputation_verbs"]),
        )

    @property
    def participles(self) -> frozenset[str]:
        return self.to_participles | self.as_participles | self.bare_participles | self.naming_participles

    @property
    def strict_agent_participles(self) -> frozenset[str]:
        """Participles that are no opinion by themselves: their agent must be a group of people."""
        return (
            self.agent_participles
            - self.participles
            - self.impersonal_participles
            - self.evaluative_participles
        )

    @property
    def by_participles(self) -> frozenset[str]:
        """Participles whose "by" agent is the source: "viewed sceptically by some scientists"."""
        return (
            self.participles
            | self.impersonal_participles
            | self.evaluative_participles
            | self.agent_participles
            | self.coining_participles
        )


@dataclass(frozen=True, slots=True)
class VagueCue:
    """A vague-sourcing cue: tokens ``first..last`` and where the attributed content starts.

    ``content_from`` is the token index where the reported clause begins ("it is believed that *…*"),
    or None when the whole sentence is the content ("X is said to be …").
    """

    first: int
    last: int
    family: str
    content_from: int | None = None


def _low(toks: Sequence[Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def _lower_word(tok: Tok) -> bool:
    return tok.text[0].isalpha() and not tok.cap


def _after_that(toks: Sequence[Tok], k: int) -> int | None:
    """Content start after token ``k``: skips "that" and a comma; None at the end of the sentence."""
    k += 1
    while k < len(toks) and toks[k].low in {"that", ",", ":"}:
        k += 1
    return k if k < len(toks) and toks[k].text not in {".", "!", "?"} else None


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
    if j >= len(toks) or not (_lower_word(toks[j]) or (initial and toks[j].text[0].isalpha())):
        return None
    p = toks[j].low
    nxt = _low(toks, j + 1)
    if nxt == "by" and p in v.by_participles:
        kind, last = _agent(toks, j + 2, v, strict=p in v.strict_agent_participles)
        return (last, None) if kind == "vague" else None
    if (p in v.evaluative_participles or p in v.coining_participles) and nxt != "to":
        return j, None  # "was widely praised", "has been criticised for", "was dubbed 'the Iron Lady'"
    if p in v.to_participles and nxt == "to":
        return j + 1, None
    if p in v.as_participles and (nxt == "as" or (nxt in {"of", "upon", "on"} and _low(toks, j + 2) == "as")):
        return (j + 1 if nxt == "as" else j + 2), None
    if p in v.naming_participles and adverbs & v.naming_adverbs:
        if p in {"known", "referred"} and nxt not in {"as", "to"}:
            return None
        if nxt == "as":
            return j + 1, None
        return (j + 2, None) if nxt == "to" and _low(toks, j + 2) == "as" else (j, None)
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
        if toks[k].text in {",", ";", "."}:
            return False
    return False


def _skip_adverbs(
    toks: Sequence[Tok], j: int, allowed: frozenset[str], limit: int = 3
) -> tuple[int, set[str]]:
    seen: set[str] = set()
    while j < len(toks) and toks[j].low in allowed and len(seen) < limit:
        seen.add(toks[j].low)
        j += 1
    return j, seen


def _impersonal(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """ "it is believed that …", "it has been suggested", "it could be argued"."""
    j = i + 1
    chain: list[str] = []
    while j < len(toks) and toks[j].low in v.impersonal_modals and len(chain) < 5:
        chain.append(toks[j].low)
        j += 1
    if not chain or not (set(chain) & v.be_forms) or j >= len(toks) or not _lower_word(toks[j]):
        return None
    p = toks[j].low
    if p not in v.impersonal_participles:
        return None
    nxt = _low(toks, j + 1)
    if p == "pointed" and nxt != "out":
        return None
    if p in v.naming_participles and nxt in {"as", "to"} and not set(chain) & v.naming_adverbs:
        return None  # "it is known as X": a name
    if nxt == "by":
        kind, last = _agent(toks, j + 2, v)
        return VagueCue(i, last, "impersonal", _after_that(toks, last)) if kind == "vague" else None
    if nxt in v.participle_blockers or _named_agent_follows(toks, j):
        return None
    last = j + 1 if p == "pointed" else j
    return VagueCue(i, last, "impersonal", _after_that(toks, last))


def _there_who(toks: Sequence[Tok], j: int, i: int, v: VagueLexicon) -> VagueCue | None:
    """ "there are (modern) linguists who believe", "there are those who argue": from token ``j`` on."""
    for k in range(j + 1, min(j + 5, len(toks))):
        if toks[k].low != "who":
            if not _lower_word(toks[k]):
                return None
            continue
        group = toks[k - 1].low
        m, _ = _skip_adverbs(toks, k + 1, v.group_aux, limit=3)
        verb = _low(toks, m)
        is_head = group in v.group_heads
        if not (is_head or group in v.there_group_pronouns) or not (
            verb in v.group_verbs or (is_head and verb in v.group_verbs_need_head)
        ):
            return None
        if _low(toks, m + 1) in v.group_blocked_following.get(verb, frozenset()):
            return None
        return VagueCue(i, m, "there", _after_that(toks, m))
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
            word in v.there_nouns_need_that and _low(toks, k + 1) in {"that", "among"}
        ):
            return VagueCue(i, k, "there", _after_that(toks, k))
        if not _lower_word(toks[k]):
            return None
    return None


def _evidential(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """A hearsay noun opening a clause: "amid allegations that he …", "Rumours were that …"."""
    if toks[i].low not in v.evidential_nouns:
        return None
    if _low(toks, i + 1) in v.be_forms and _low(toks, i + 2) == "that":
        if i == 0 or toks[i - 1].low == "the" or toks[i - 1].text in _BOUNDARY_PUNCT:
            return VagueCue(i, i + 2, "evidential", _after_that(toks, i + 2))
        return None
    if _low(toks, i + 1) != "that" or not _lower_word(toks[i]):
        return None
    if i > 0 and (toks[i - 1].cap or toks[i - 1].low in v.evidential_blockers):
        return None
    return VagueCue(i, i + 1, "evidential", _after_that(toks, i))


def _hearsay_phrase(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """An opinion held by nobody named: "a common criticism", "the widespread perception", "has a
    reputation for" (whose opinion, whose reputation?)."""
    low = toks[i].low
    if low in v.consensus_adjectives and _low(toks, i + 1) in v.opinion_nouns and _lower_word(toks[i]):
        k = i + 2 if _low(toks, i + 2) in v.be_forms else i + 1  # "the common view is that …"
        return VagueCue(i, i + 1, "evidential", _after_that(toks, k) if _low(toks, k + 1) == "that" else None)
    if low in v.reputation_verbs and _low(toks, i + 1) in {"a", "an", "the"}:
        k = i + 2 if _low(toks, i + 2) == "reputation" else i + 3
        if _low(toks, k) == "reputation" and _low(toks, k + 1) in {"for", "as", "of"}:
            return VagueCue(i, k + 1, "evidential", None)
    return None


def _passive(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """be-form + adverbs + evaluative participle: "is widely regarded as", "is said to"."""
    j, adverbs = _skip_adverbs(toks, i + 1, v.passive_adverbs)
    if (
        toks[i].low == "been"
        and _low(toks, i - 1) in {"has", "have", "had"}
        and _low(toks, j) == "called"
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


def _match(toks: Sequence[Tok], i: int, phrases: tuple[tuple[str, ...], ...]) -> int:
    """Length in tokens of the first of ``phrases`` (longest first) that starts at ``i``, 0 when none."""
    for words in phrases:
        if tuple(_low(toks, i + n) for n in range(len(words))) == words:
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
    return prev.text in _BOUNDARY_PUNCT or prev.low in lex.clause_openers


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
        if tok.text == "," and _low(toks, k + 1) in v.group_parentheticals and _low(toks, k + 2) == ",":
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


def _group(toks: Sequence[Tok], i: int, v: VagueLexicon, lex: Lexicon) -> VagueCue | None:
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
    j, _ = _skip_adverbs(toks, k, v.group_aux, limit=4)
    if j >= len(toks) or not _lower_word(toks[j]):
        return None
    verb = toks[j].low
    heads = v.singular_group_heads if singular else v.group_heads
    if verb in v.group_verbs_need_head:
        if (head is None or head not in heads) and not (quant and _low(toks, j + 1) == "that"):
            return None  # "studies show", "some worry that"; not "some films show"
    elif verb not in v.group_verbs:
        return None
    if _low(toks, j + 1) in v.group_blocked_following.get(verb, frozenset()):
        return None
    if verb == "pointed" and _low(toks, j + 1) != "out":
        return None
    if verb in v.group_naming_verbs and any(t.cap for t in toks[i + quant : k]):
        return None  # "Roman Catholics called those texts …": a group's usage, not a source
    return VagueCue(i, j, "group", _after_that(toks, j))


def _reduced(toks: Sequence[Tok], i: int, v: VagueLexicon) -> bool:
    """A participle after its noun, with no be-form: "scenes deemed too strong", "his reputed father"."""
    if i == 0 or not _lower_word(toks[i]) or _low(toks, i - 1) in v.be_forms:
        return False
    nxt = _low(toks, i + 1)
    return bool(nxt) and toks[i + 1].text[0].isalpha() and not _named_agent_follows(toks, i)


def _by_agent(toks: Sequence[Tok], i: int, v: VagueLexicon) -> VagueCue | None:
    """A participle whose "by" agent, a few words on, is an unnamed group: "considered by many",
    "viewed sceptically by some scientists", "embraced and disowned with equal fervour by various fans"."""
    if toks[i].low not in v.by_participles or not _lower_word(toks[i]):
        return None
    for k in range(i + 1, min(i + 7, len(toks) - 1)):
        if toks[k].low == "by":
            kind, last = _agent(toks, k + 1, v, strict=toks[i].low in v.strict_agent_participles)
            return VagueCue(i, last, "by_agent", None) if kind == "vague" else None
        if not _lower_word(toks[k]) or toks[k].low in v.be_forms or toks[k].low in {"that", "which", "who"}:
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
        first = _low(toks, start)
        if (first in v.as_participles | v.to_participles and _low(toks, start + 1) in {"as", "to", "by"}) or (
            first in v.evaluative_participles
        ):
            hit = _participle_hit(toks, start, set(), v, initial=start == 0)
            if hit is not None:
                return VagueCue(0, hit[0], "adverb_participle", hit[1])
    if low in v.reduced_participles and _reduced(toks, i, v):
        return VagueCue(i, i, "reduced")
    by_agent = _by_agent(toks, i, v)
    if by_agent is not None:
        return by_agent
    found = _evidential(toks, i, v) or _hearsay_phrase(toks, i, v)
    if found is not None:
        return found
    return _group(toks, i, v, lex)


def unnamed_group_after(toks: Sequence[Tok], k: int, v: VagueLexicon) -> int | None:
    """The last token of an unnamed group noun phrase starting at ``k`` ("federal law enforcement
    officials", "a source familiar with the talks"), or None when the phrase names someone or is no group.

    Used after "according to": the phrase runs over lower-case words up to punctuation or a clause word;
    it is a group when its head (the last word before "familiar", "close", "who", "with" …) is a group noun.
    """
    end = k
    head: str | None = None
    quantified = _low(toks, k) in v.by_agent_quantifiers  # "most Mahayana followers": still unnamed
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
        if (
            re.search(r"[’']s$", tok.text) and end > k
        ):  # "the transit authority's report": a possessor owns it
            return None
        head = tok.low
        end += 1
    if head is None:
        return None
    if head in v.group_heads or head + "s" in v.group_heads or head in v.by_agent_quantifiers:
        return end - 1
    return None
