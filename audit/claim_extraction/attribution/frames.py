"""Reporting frames read from the dependency parse: the cue, the head of its source, and its content.

A frame is a reporting verb or phrase with what it governs:
- a reporting verb (``say``, ``warn``, ``show``, ``believe``; the verb lists of ``audit/data/attribution.json``) with
  its clausal complement as content ("X said *that the plan failed*"), or the clause it interrupts ("*The plan
  failed*, X said": the verb is attached to or governs that clause), or, for the verbs that take one, its
  to-infinitive ("X vowed *to fight on*");
- its source: the verb's subject; the ``by`` agent of a passive ("was confirmed by X"); the noun a participle or a
  relative clause hangs on ("a statement *saying* that …", "X, *who said* that …"); or, for a verb with no subject of
  its own, the subject of the verb it is coordinated with or subordinate to ("X told reporters, *adding* that …");
- "according to X" and "as X said": the governing clause, less the cue phrase, is the content.

Frames only find structure; whether a source names anyone is decided in ``sources``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.model import Span
from audit.nlp.parse import ParsedSentence, Word

FrameKind = Literal["reported", "according_to"]

_SUBJECTS = ("nsubj", "nsubj:outer")
_PASSIVE_SUBJECTS = ("nsubj:pass", "csubj:pass")
_INHERITS = frozenset({"conj", "xcomp", "advcl"})  # a verb with no subject takes the subject of its head
_EDGE_WORDS = frozenset({"that", ",", ":", ";", "-", "—", "–", "and", "but"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_NOMINAL_HEADS = frozenset({"NOUN", "PROPN", "PRON", "NUM"})


@dataclass(frozen=True, slots=True)
class Frame:
    kind: FrameKind
    cue: Span
    cue_words: tuple[Word, ...]
    source: Word | None  # the head word of the source phrase
    content: Span | None
    anchor: Word  # the verb (or "according") the frame hangs on


def is_reporting_verb(word: Word, lex: Lexicon, naming: bool = False) -> bool:
    """A verb of saying, showing or believing; with ``naming``, also a verb that puts a quoted description in
    its subject's words ("which X calls “…”")."""
    if word.pos not in ("VERB", "AUX") or word.dep in ("amod", "aux", "aux:pass", "cop"):
        return False
    forms = lex.speech_verbs | lex.document_verbs | lex.weak_verbs
    if naming:
        forms = forms | lex.naming_verbs
    return word.lower in forms or word.lemma.lower() in forms


def _span(words: Sequence[Word]) -> Span | None:
    return Span(words[0].start, words[-1].end) if words else None


def _trimmed(words: list[Word]) -> list[Word]:
    """Content words without the complementiser, punctuation and conjunctions at its edges."""
    while words and (words[0].lower in _EDGE_WORDS or words[0].pos == "PUNCT" or words[0].dep == "mark"):
        words = words[1:]
    while words and (words[-1].pos == "PUNCT" or words[-1].lower in _EDGE_WORDS):
        words = words[:-1]
    return words


def _without(sentence: ParsedSentence, clause: Word, removed: Word) -> list[Word]:
    """The clause's words, less the removed subtree and everything between it and the clause's edge it sits on."""
    inside = {w.i for w in sentence.subtree(removed)}
    words = [w for w in sentence.subtree(clause) if w.i not in inside]
    low, high = min(inside), max(inside)
    before = [w for w in words if w.i < low]
    after = [w for w in words if w.i > high]
    # keep the larger contiguous side: "The plan failed, X said, and …" keeps the clause around the cue
    side = before if len(before) >= len(after) else after
    return _trimmed(side)


def _subject(sentence: ParsedSentence, verb: Word) -> Word | None:
    for relation in _SUBJECTS:
        found = [w for w in sentence.dependents(verb) if w.dep == relation]
        if found:
            return found[0]
    if any(w.dep in _PASSIVE_SUBJECTS or w.dep == "aux:pass" for w in sentence.dependents(verb)):
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
        return head if head.pos in _NOMINAL_HEADS else None
    if verb.relation in _INHERITS and verb.head != verb.i:
        head = sentence.words[verb.head]
        if head.pos in ("VERB", "AUX", "ADJ", "NOUN"):
            return _subject(sentence, head)
    return None


def _inverted(sentence: ParsedSentence, verb: Word) -> Word | None:
    """The source after the verb in "The plan failed, *said an investigator*." (parsed as an object, or as the
    verb's own subject after it): the verb follows a comma or a closing quote and has no subject before it."""
    if verb.i == 0 or sentence.words[verb.i - 1].text not in {",", "”", '"', "’", "'", "—", "–"}:
        return None
    if any(w.relation == "nsubj" and w.i < verb.i for w in sentence.dependents(verb)):
        return None
    after = [w for w in sentence.dependents(verb) if w.i > verb.i and w.relation in ("nsubj", "obj")]
    if not after or after[0].pos not in ("NOUN", "PROPN", "PRON"):
        return None
    return after[0]


def _source_of(sentence: ParsedSentence, verb: Word) -> Word | None:
    inverted = _inverted(sentence, verb)
    if inverted is not None:
        return inverted
    subject = _subject(sentence, verb)
    if subject is not None and subject.lower in _RELATIVE_PRONOUNS and verb.dep == "acl:relcl":
        head = sentence.words[verb.head]
        return head if head.pos in _NOMINAL_HEADS else None
    if subject is not None and subject.lower in _RELATIVE_PRONOUNS and verb.head != verb.i:
        head = sentence.words[verb.head]
        if head.pos in _NOMINAL_HEADS:
            return head
    return subject


def _content_of(sentence: ParsedSentence, verb: Word, lex: Lexicon) -> Span | None:
    if _inverted(sentence, verb) is not None:  # "The plan failed, said X": the clause before the comma
        return _span(_trimmed([w for w in sentence.words if w.i < verb.i]))
    if verb.lemma == "call":  # "X called for a ban": a position; the content is what is called for
        wanted = [
            w
            for w in sentence.dependents(verb, "obl")
            if any(c.lower == "for" for c in sentence.dependents(w, "case"))
        ]
        if wanted:
            return _span(
                [
                    w
                    for w in sentence.subtree(wanted[0])
                    if w.lower != "for" or w.i != sentence.subtree(wanted[0])[0].i
                ]
            )
    complements = sentence.dependents(verb, "ccomp")
    if complements:
        return _span(_trimmed(sentence.subtree(complements[-1])))
    if verb.lower in lex.infinitive_cues or verb.lemma in lex.infinitive_cues:
        infinitives = sentence.dependents(verb, "xcomp")
        if infinitives:
            return _span(_trimmed(sentence.subtree(infinitives[0])))
    marks = {w.lower for w in sentence.dependents(verb, "mark")}
    if (
        verb.dep in ("parataxis", "advcl")
        and verb.head != verb.i
        and (verb.dep == "parataxis" or "as" in marks)
    ):
        return _span(_without(sentence, sentence.words[verb.head], verb))
    clauses = [w for w in sentence.dependents(verb, "parataxis") if w.pos in ("VERB", "AUX", "ADJ", "NOUN")]
    if clauses:
        return _span(_trimmed(sentence.subtree(clauses[0])))
    objects = sentence.dependents(verb, "obj")
    speech = verb.lower in lex.speech_verbs or verb.lower in lex.document_verbs
    if speech and objects and verb.lower not in lex.object_verbs and objects[0].pos not in ("PRON", "PROPN"):
        # "X reported higher profits", "polls showing Trump ahead": the object and what follows it
        words = [w for o in objects for w in sentence.subtree(o)]
        words += [w for x in sentence.dependents(verb, "xcomp") for w in sentence.subtree(x)]
        return _span(_trimmed(sorted(words, key=lambda w: w.i)))
    return None


def _according_to(sentence: ParsedSentence, word: Word) -> Frame | None:
    """'according to X': X is the head of 'according' (UD: case + fixed); the clause around it is the content."""
    following = sentence.words[word.i + 1] if word.i + 1 < len(sentence.words) else None
    if following is None or following.lower != "to":
        return None
    source = sentence.words[word.head] if word.head != word.i else None
    if source is None or source.i <= word.i:
        candidates = [w for w in sentence.words[word.i + 2 :] if w.pos in _NOMINAL_HEADS]
        source = candidates[0] if candidates else None
    if source is None:
        return None
    phrase = [w for w in sentence.subtree(source) if w.i > word.i] if source.head != source.i else []
    phrase_end = max([w.i for w in phrase] + [source.i])
    # the content: the rest of the sentence on the larger side of the cue phrase
    before = [w for w in sentence.words if w.i < word.i]
    after = [w for w in sentence.words if w.i > phrase_end]
    content = _trimmed(before if len(before) > len(after) else after)
    cue_words = (word, following)
    return Frame("according_to", Span(word.start, following.end), cue_words, source, _span(content), word)


def find_frames(sentence: ParsedSentence, lex: Lexicon, naming: bool = False) -> list[Frame]:
    """Every reporting frame of one parsed sentence, in the order of their cues (``naming``: with naming verbs,
    for the speakers of quotes)."""
    frames: list[Frame] = []
    for word in sentence.words:
        if word.lower == "according":
            found = _according_to(sentence, word)
            if found is not None:
                frames.append(found)
            continue
        calls_for = word.lemma == "call" and any(
            c.lower == "for" for w in sentence.dependents(word, "obl") for c in sentence.dependents(w, "case")
        )
        if not is_reporting_verb(word, lex, naming) and not calls_for:
            continue
        source = _source_of(sentence, word)
        content = _content_of(sentence, word, lex)
        cue_words = (word, *[w for w in sentence.dependents(word, "compound:prt")])
        cue = Span(word.start, max(w.end for w in cue_words))
        frames.append(Frame("reported", cue, cue_words, source, content, word))
    return sorted(frames, key=lambda frame: frame.cue.start)
