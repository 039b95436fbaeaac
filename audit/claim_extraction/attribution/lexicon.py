"""Tokens of a sentence and the attribution lexicon shared by the attribution modules: reporting verbs,
source nouns, titles, function words from ``audit/data/attribution.json`` (loaded once by
:func:`audit.claim_extraction.attribution.attribute.lexicon`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from audit.model import Span

_TOKEN = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof|Lt|Col|Sgt|Capt|Jr|St)\.(?=\s)|(?:[A-Z]\.){2,}|[A-Z]+&[A-Z]+\b|\w+(?:[’'\-.]\w+)*|\S"
)
DETERMINERS = frozenset({"a", "an", "the"})
_AGE = re.compile(r"\d+-(?:year|month)-old")  # "the 63-year-old senator"


@dataclass(frozen=True, slots=True)
class Tok:
    """One token with absolute character offsets."""

    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def cap(self) -> bool:
        return self.text[0].isupper()


def tokenize(text: str, span: Span) -> list[Tok]:
    """Word and punctuation tokens of ``text[span]`` ("U.S.", "Trump’s", "AT&T" and "Mr." stay one token)."""
    return [
        Tok(m.group(), span.start + m.start(), span.start + m.end())
        for m in _TOKEN.finditer(text[span.start : span.end])
    ]


def tokens_text(toks: Sequence[Tok]) -> str:
    """The tokens as the text writes them: a space only where the text has a gap ("Texas A&M")."""
    parts: list[str] = []
    for k, tok in enumerate(toks):
        if k and toks[k - 1].end < tok.start:
            parts.append(" ")
        parts.append(tok.text)
    return "".join(parts)


def strip_possessive(word: str) -> str:
    return re.sub(r"[’']s$", "", word)


def is_possessive(word: str, plural: bool = False) -> bool:
    """ "Smith's", "HuffPost’s"; with ``plural``, "officials’" too."""
    return word.endswith(("’s", "'s", "s’", "s'") if plural else ("’s", "'s"))


def _phrases(items: Sequence[str]) -> dict[int, frozenset[tuple[str, ...]]]:
    by_length: dict[int, set[tuple[str, ...]]] = {}
    for item in items:
        words = tuple(t.lower() for t in _TOKEN.findall(item))
        by_length.setdefault(len(words), set()).add(words)
    return {length: frozenset(group) for length, group in by_length.items()}


_NOT_INFINITIVE = frozenset({"the", "a", "an", "his", "her", "their", "its", "this", "that", "these"})
_FRAME_DETS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my"})
_SAME = frozenset({"same", "similar", "identical"})
_AUXILIARIES = frozenset(
    {"is", "are", "was", "were", "has", "have", "had", "will", "would", "could", "can", "may", "might"}
)
_OBJECT_ENDS = frozenset(
    {"of", "on", "in", "into", "for", "against", "with", "by", "from", "over", "after", "before", "at"}
)


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The word lists of ``audit/data/attribution.json``, as sets."""

    version: str
    speech_verbs: frozenset[str]  # includes the stance verbs
    stance_verbs: frozenset[str]  # "criticized", "praised": a stance, reported; not a quote's speech verb
    document_verbs: frozenset[str]
    weak_verbs: frozenset[str]
    participle_cues: frozenset[str]
    according_to: dict[int, frozenset[tuple[str, ...]]]
    as_forms: frozenset[str]
    vague_adverbs: frozenset[str]
    vague_phrases: dict[int, frozenset[tuple[str, ...]]]
    vague_quantifiers: frozenset[str]
    vague_heads: frozenset[str]
    unnamed_person_heads: frozenset[str]  # "officials", "a source": unnamed even when an org is named
    unnamed_single_heads: frozenset[str]  # "an investigator", "one official": an unnamed person
    unnamed_single_determiners: frozenset[str]
    person_honorifics: frozenset[str]  # "Mr.", "Senator": the name after it is a person's
    definite_org_heads: frozenset[str]  # "the company said": resolved to the one such body named before
    document_owner_participles: frozenset[str]  # "emails *released* by WikiLeaks"
    document_with_nouns: frozenset[str]  # "filings *with* the Federal Election Commission"
    document_writer_verbs: frozenset[str]  # "a memo that Band *wrote*"
    naming_verbs: frozenset[str]  # "which X *calls* “the most generic place”"
    source_nouns: frozenset[str]
    document_nouns: frozenset[str]
    np_inner: frozenset[str]
    np_modifiers: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    pronouns: dict[str, str]
    not_sources: frozenset[str]
    clause_openers: frozenset[str]
    cue_adverbs: frozenset[str]
    appositive_openers: frozenset[str]
    verb_blockers: dict[str, frozenset[str]]
    not_name_words: frozenset[str]
    needs_that: frozenset[str]
    that_words: frozenset[str]
    adverbial_openers: frozenset[str]
    min_quote_words: int
    time_words: frozenset[str]
    after_cue_stoppers: frozenset[str]
    object_verbs: frozenset[str]
    cue_prepositions: frozenset[str]
    np_extension_blockers: frozenset[str]
    refusal_verbs: frozenset[str]
    refusal_objects: frozenset[str]
    infinitive_cues: frozenset[str]  # "vowed to honor the accord": the to-infinitive is the content
    unnamed_postmodifiers: frozenset[str]  # "people *briefed* on the talks said"
    anonymity_phrases: dict[int, frozenset[tuple[str, ...]]]  # "who declined to be named"
    main_clause_verbs: frozenset[str]  # "wants", "hopes": not inside "This suggests that X wants …"
    eager_adjectives: frozenset[str]  # "are quick to note that": the subject stands before "are"
    particle_cues: dict[str, str]  # "called for a ban": a cue only with its particle, content after it
    object_relative_verbs: frozenset[str]  # "a charge the company *denied*": its object comes before
    position_nouns: frozenset[str]  # "Smith's *position* is that …"
    demand_nouns: frozenset[str]  # "called for a *ban*": the object of a particle cue that is a position
    frame_nouns: dict[str, frozenset[str]]  # "made a *case* that", "expressed *alarm* that": verb -> nouns
    institution_collectives: frozenset[str] = (
        frozenset()
    )  # "police said", "prosecutors told": a body, not vague
    evidence_nouns: frozenset[str] = (
        frozenset()
    )  # "video obtained from the salon shows": a source when specified
    person_heads: frozenset[str] = frozenset()  # "officials", "a member": unnamed persons of a named body
    common_noun_endings: tuple[str, ...] = ()  # "Neuroscience tells us": no name, though capitalised
    quantity_heads: frozenset[str] = frozenset()  # "a large body of studies": the studies are the source

    @classmethod
    def from_json(cls, raw: dict[str, Any]) -> Lexicon:
        verbs = raw["reporting_verbs"]

        def words(key: str) -> frozenset[str]:
            return frozenset(str(w).lower() for w in raw[key])

        return cls(
            version=str(raw["version"]),
            speech_verbs=frozenset(verbs["speech"]) | frozenset(verbs["stance"]),
            stance_verbs=frozenset(verbs["stance"]),
            document_verbs=frozenset(verbs["document"]),
            weak_verbs=frozenset(verbs["weak"]),
            participle_cues=words("participle_cues"),
            according_to=_phrases(raw["according_to"]),
            as_forms=words("as_forms"),
            vague_adverbs=words("vague_adverbs"),
            vague_phrases=_phrases(raw["vague_phrases"]),
            vague_quantifiers=words("vague_quantifiers"),
            vague_heads=words("vague_heads"),
            unnamed_person_heads=words("unnamed_person_heads"),
            unnamed_single_heads=words("unnamed_single_heads"),
            unnamed_single_determiners=words("unnamed_single_determiners"),
            person_honorifics=words("person_honorifics"),
            definite_org_heads=words("definite_org_heads"),
            document_owner_participles=words("document_owner_participles"),
            document_with_nouns=words("document_with_nouns"),
            document_writer_verbs=words("document_writer_verbs"),
            naming_verbs=words("naming_verbs"),
            source_nouns=words("source_nouns"),
            document_nouns=words("document_nouns"),
            np_inner=words("np_inner_words"),
            np_modifiers=words("np_modifiers"),
            titles=words("titles"),
            org_words=words("org_words"),
            pronouns={str(k): str(v) for k, v in raw["pronouns"].items()},
            not_sources=words("not_sources"),
            clause_openers=words("clause_openers"),
            cue_adverbs=words("cue_adverbs"),
            appositive_openers=words("appositive_openers"),
            verb_blockers={str(k): frozenset(v) for k, v in raw["verb_blockers"].items()},
            not_name_words=words("not_name_words"),
            needs_that=words("needs_that"),
            that_words=words("that_words"),
            adverbial_openers=words("adverbial_openers"),
            min_quote_words=int(raw["min_quote_words"]),
            time_words=words("time_words"),
            after_cue_stoppers=words("after_cue_stoppers"),
            object_verbs=words("object_verbs"),
            cue_prepositions=words("cue_prepositions"),
            np_extension_blockers=words("np_extension_blockers"),
            refusal_verbs=words("refusal_verbs"),
            refusal_objects=words("refusal_objects"),
            institution_collectives=words("institution_collectives"),
            evidence_nouns=words("evidence_nouns"),
            person_heads=words("person_heads"),
            common_noun_endings=tuple(str(w).lower() for w in raw["common_noun_endings"]),
            quantity_heads=words("quantity_heads"),
            infinitive_cues=words("infinitive_cues"),
            unnamed_postmodifiers=words("unnamed_postmodifiers"),
            anonymity_phrases=_phrases(raw["anonymity_phrases"]),
            main_clause_verbs=words("main_clause_verbs"),
            eager_adjectives=words("eager_adjectives"),
            particle_cues={str(k): str(v) for k, v in raw["particle_cues"].items()},
            demand_nouns=words("demand_nouns"),
            position_nouns=words("position_nouns"),
            object_relative_verbs=words("object_relative_verbs"),
            frame_nouns={
                verb: frozenset(frame["nouns"]) for frame in raw["noun_frames"] for verb in frame["verbs"]
            },
        )

    def np_word(self, tok: Tok) -> bool:
        """May this token be part of a source noun phrase?"""
        low = tok.low
        if tok.cap and tok.text[0].isalpha():
            return low not in self.clause_openers and low not in self.not_sources
        return (
            low in self.np_inner
            or low in self.np_modifiers
            or _AGE.fullmatch(low) is not None
            or low in self.source_nouns
            or low in self.vague_heads
            or low in self.vague_quantifiers
            or low in self.document_nouns
        )

    def cue_verb(self, toks: Sequence[Tok], i: int, document: bool = False) -> bool:
        """Is token ``i`` a reporting verb here (lower-case, not "think" in "think tanks")?"""
        tok = toks[i]
        following = toks[i + 1].low if i + 1 < len(toks) else ""
        if not tok.cap and tok.low in self.frame_nouns:
            return self.noun_frame(toks, i) is not None
        if not tok.cap and tok.low in self.particle_cues:
            return following == self.particle_cues[tok.low] and self.demand_object(toks, i + 2)
        if tok.cap or not (tok.low in self.speech_verbs or (document and tok.low in self.document_verbs)):
            return False
        return following not in self.verb_blockers.get(tok.low, frozenset())

    def demand_object(self, toks: Sequence[Tok], k: int) -> bool:
        """Is the object from token ``k`` on a demand, which makes "called for" a position? A demand noun
        heads its first phrase ("a ban on …", "an end to …", "the resignation of …") or a to-infinitive
        follows ("X to resign"). Events that a bare "call" convenes ("a general election", "a vote", "a
        meeting") are left out: "Heath called for a general election" may be the calling itself."""
        for j in range(k, min(len(toks), k + 10)):
            tok = toks[j]
            if tok.low in self.demand_nouns:
                return True
            if tok.low == "to":
                after = toks[j + 1] if j + 1 < len(toks) else None
                return (
                    after is not None
                    and after.text.isalpha()
                    and not after.cap
                    and (after.low not in _NOT_INFINITIVE)
                )
            if not tok.text[0].isalnum() or tok.low in _OBJECT_ENDS:
                return False
        return False

    def noun_frame(self, toks: Sequence[Tok], i: int) -> int | None:
        """The noun of "made a case that", "expressed alarm that", "made the same argument that" at verb
        ``i`` (the last token of the cue), or None: a determiner and one more word may come before the
        noun, and "that" must follow it, not as a relative ("the same argument that he made", "a case that
        was weak")."""
        nouns = self.frame_nouns.get(toks[i].low)
        if nouns is None:
            return None
        k = i + 1
        if k < len(toks) and toks[k].low in _FRAME_DETS:
            k += 1
        for n in (k, k + 1):
            if n + 2 < len(toks) and toks[n].low in nouns and toks[n + 1].low == "that":
                relative = toks[n - 1].low in _SAME or toks[n + 2].low in _AUXILIARIES
                return None if relative else n  # not "a case that was weak"
        return None

    def cue_end(self, toks: Sequence[Tok], i: int) -> int:
        """The last token of the cue whose verb is at ``i``: its particle ("called *for*"), the noun of
        its frame ("made a *case*"), else ``i``."""
        noun = self.noun_frame(toks, i)
        if noun is not None:
            return noun
        particle = self.particle_cues.get(toks[i].low)
        return i + 1 if particle is not None and i + 1 < len(toks) and toks[i + 1].low == particle else i

    def adverb(self, tok: Tok) -> bool:
        low = tok.low
        return low in self.cue_adverbs or (
            low.endswith("ly") and not tok.cap and low not in self.vague_adverbs
        )
