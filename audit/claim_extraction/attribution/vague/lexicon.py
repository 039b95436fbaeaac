"""The word lists and token helpers of vague sourcing (:mod:`audit.claim_extraction.attribution.vague.cues`).

``VagueLexicon`` holds the ``vague_patterns`` section of ``audit/data/attribution.json`` as sets; ``VagueCue``
is what a pattern family finds; the small helpers read tokens safely past either end of a sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from audit.claim_extraction.attribution.lexicon import Tok

BOUNDARY_PUNCT = frozenset({",", ";", ":", "—", "–", "(", "-", '"', "“", "”", "‘", "’", "'"})


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
    object_relative_verbs: frozenset[str]  # "accusations that he *denied*": the noun is the verb's object
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
    opinion_participles: frozenset[str]
    as_agent_participles: frozenset[str]  # "characterized by X": an opinion only with "as"
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
            object_relative_verbs=_words(raw["object_relative_verbs"]),
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
            opinion_participles=_words(v["opinion_participles"]),
            as_agent_participles=_words(v["as_agent_participles"]),
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
            | self.opinion_participles
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


def low_at(toks: Sequence[Tok], k: int) -> str:
    return toks[k].low if 0 <= k < len(toks) else ""


def lower_word(tok: Tok) -> bool:
    return tok.text[0].isalpha() and not tok.cap


def after_that(toks: Sequence[Tok], k: int) -> int | None:
    """Content start after token ``k``: skips "that" and a comma; None at the end of the sentence."""
    k += 1
    while k < len(toks) and toks[k].low in {"that", ",", ":"}:
        k += 1
    return k if k < len(toks) and toks[k].text not in {".", "!", "?"} else None


def skip_adverbs(
    toks: Sequence[Tok], j: int, allowed: frozenset[str], limit: int = 3
) -> tuple[int, set[str]]:
    seen: set[str] = set()
    while j < len(toks) and toks[j].low in allowed and len(seen) < limit:
        seen.add(toks[j].low)
        j += 1
    return j, seen
