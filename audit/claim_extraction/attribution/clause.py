"""Clauses and subjects in the parse: a phrase's span, a clause without its edges, and who a verb's subject is
(active subject, passive agent, the noun a participle or relative clause hangs on, an inverted "said X", or the
subject inherited from a coordinated or governing verb)."""

from __future__ import annotations

from collections.abc import Sequence

from audit.model import Span
from audit.nlp.parse import ParsedSentence, Word

_SUBJECTS = ("nsubj", "nsubj:outer")
PASSIVE_SUBJECTS = ("nsubj:pass", "csubj:pass")
_INHERITS = frozenset({"conj", "xcomp", "advcl"})  # a verb with no subject takes the subject of its head
_EDGE_WORDS = frozenset({"that", ",", ":", ";", "-", "—", "–", "and", "but"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
NOMINAL_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


def span_of(words: Sequence[Word]) -> Span | None:
    return Span(words[0].start, words[-1].end) if words else None


def trimmed(words: list[Word]) -> list[Word]:
    """Content words without the complementiser, punctuation and conjunctions at its edges."""
    while words and (words[0].lower in _EDGE_WORDS or words[0].pos == "PUNCT" or words[0].dep == "mark"):
        words = words[1:]
    while words and (words[-1].pos == "PUNCT" or words[-1].lower in _EDGE_WORDS):
        words = words[:-1]
    return words


def without(sentence: ParsedSentence, clause: Word, removed: Word) -> list[Word]:
    """The clause's words, less the removed subtree and everything between it and the clause's edge it sits on."""
    inside = {w.i for w in sentence.subtree(removed)}
    words = [w for w in sentence.subtree(clause) if w.i not in inside]
    low, high = min(inside), max(inside)
    before = [w for w in words if w.i < low]
    after = [w for w in words if w.i > high]
    # keep the larger contiguous side: "The plan failed, X said, and …" keeps the clause around the cue
    side = before if len(before) >= len(after) else after
    return trimmed(side)


def subject_of(sentence: ParsedSentence, verb: Word) -> Word | None:
    for relation in _SUBJECTS:
        found = [w for w in sentence.dependents(verb) if w.dep == relation]
        if found:
            return found[0]
    dependents = sentence.dependents(verb)
    if verb.tag in ("VBD", "VBZ", "VBP") and not any(w.dep in ("aux:pass", "aux") for w in dependents):
        passive = [w for w in dependents if w.dep == "nsubj:pass"]
        if passive:  # "The Sun reported": a finite active verb, whatever the parser called its subject
            return passive[0]
    if any(w.dep in PASSIVE_SUBJECTS or w.dep == "aux:pass" for w in sentence.dependents(verb)):
        agents = [w for w in sentence.dependents(verb) if w.dep == "obl:agent"]
        agents += [
            w
            for w in sentence.dependents(verb, "obl")
            if any(c.lower == "by" for c in sentence.dependents(w, "case"))
        ]
        if agents:
            return agents[0]
        return None
    if verb.dep in ("acl", "acl:relcl") and verb.head != verb.i:
        head = sentence.words[verb.head]
        return head if head.pos in NOMINAL_HEADS else None
    if verb.relation in _INHERITS and verb.head != verb.i:
        head = sentence.words[verb.head]
        if head.pos in ("VERB", "AUX", "ADJ", "NOUN"):
            return subject_of(sentence, head)
    return None


# verbs of speech that put their source after them ("…, said X", "…, writes X"), as lemmas
_INVERTING = frozenset(
    {
        "say",
        "tell",
        "add",
        "note",
        "write",
        "explain",
        "insist",
        "warn",
        "argue",
        "ask",
        "reply",
        "respond",
        "recall",
        "claim",
        "report",
        "suggest",
        "continue",
        "conclude",
        "agree",
        "acknowledge",
        "admit",
        "concede",
        "observe",
        "remark",
        "state",
        "declare",
        "announce",
        "predict",
        "estimate",
        "caution",
        "complain",
        "counter",
        "maintain",
        "contend",
        "tweet",
        "quip",
        "joke",
        "muse",
        "confirm",
        "deny",
    }
)


def inverted_source(sentence: ParsedSentence, verb: Word) -> Word | None:
    """The source after the verb in "The plan failed, *said an investigator*." (parsed as an object, or as the
    verb's own subject after it): the verb follows a comma or a closing quote, and the noun phrase right after it
    depends on it (whatever the parser made of the clause before the comma)."""
    if verb.i == 0 or sentence.words[verb.i - 1].text not in {",", "”", '"', "’", "'", "—", "–"}:
        return None
    if verb.tag not in ("VBD", "VBZ", "VBP") or verb.lemma not in _INVERTING:
        return None  # "…, denying her assignments": a participle's object is no source; "had Smith leading": no speech
    after = [w for w in sentence.dependents(verb) if w.i > verb.i and w.relation in ("nsubj", "obj", "appos")]
    if not after:  # "…, said people familiar with the matter" parsed as a clause "people [are] familiar"
        after = [
            s
            for c in sentence.dependents(verb, "ccomp")
            if c.pos == "ADJ" and c.i > verb.i
            for s in sentence.dependents(c, "nsubj")
            if min(w.i for w in sentence.subtree(s)) == verb.i + 1
        ]
    if not after or after[0].pos not in ("NOUN", "PROPN", "PRON"):
        return None
    first = min(w.i for w in sentence.subtree(after[0]))
    before = any(w.relation == "nsubj" and w.i < verb.i for w in sentence.dependents(verb))
    if before and (first != verb.i + 1 or after[0].pos != "PROPN"):
        return (
            None  # a subject before the verb stands, unless a name follows the verb at once ("…, said Jo Li")
        )
    return after[0]


def _antecedent(sentence: ParsedSentence, pronoun: Word) -> Word | None:
    """The noun a relative "who" follows: the word before its comma ("scrutiny from *Republicans*, who say")."""
    index = pronoun.i - 1
    if index >= 0 and sentence.words[index].text == ",":
        index -= 1
    if index >= 0 and sentence.words[index].pos in ("PROPN", "NOUN"):
        return sentence.words[index]
    return None


def _relative_swallowed(sentence: ParsedSentence, verb: Word) -> Word | None:
    """A finite verb the parser hung under a relative clause as its complement ("A spokesperson who declined to be
    named *said* …" with "said" an ``xcomp`` of "named"): a finite verb is no infinitive, so its subject is the
    noun the relative clause describes."""
    if verb.tag not in ("VBD", "VBZ", "VBP", "VBN") or verb.dep != "xcomp":
        return None
    if any(w.relation in ("nsubj", "csubj", "aux") for w in sentence.dependents(verb)):
        return None
    for ancestor in sentence.ancestors(verb):
        if ancestor.dep == "acl:relcl":
            head = sentence.words[ancestor.head]
            return head if head.pos in ("NOUN", "PROPN") else None
        if ancestor.dep != "xcomp":
            return None
    return None


def source_of(sentence: ParsedSentence, verb: Word) -> Word | None:
    inverted = inverted_source(sentence, verb) or _relative_swallowed(sentence, verb)
    if inverted is not None:
        return inverted
    subject = subject_of(sentence, verb)
    if (
        subject is not None and subject.lower == "who"
    ):  # a person: the noun the "who" follows, if not the head
        antecedent = _antecedent(sentence, subject)
        if antecedent is not None:
            return antecedent
    if subject is not None and subject.lower in _RELATIVE_PRONOUNS and verb.dep == "acl:relcl":
        head = sentence.words[verb.head]
        return head if head.pos in NOMINAL_HEADS else None
    if subject is not None and subject.lower in _RELATIVE_PRONOUNS and verb.head != verb.i:
        head = sentence.words[verb.head]
        if head.pos in NOMINAL_HEADS:
            return head
    return subject
