"""Reporting frames made into attributions: who (named, unnamed, a reference back), by which words, about what.

A frame's source phrase (``sources.classify``) decides the attribution's kind:
- named, a pronoun or a definite reference ("she", "the company"): ``reported`` (``according_to`` for "according to
  X"), with the speaker as written; ``coref`` later resolves the references;
- unnamed, or an unnamed person of a named body: ``vague``, with no speaker; the cue is the source phrase and the cue
  words ("Senior White House officials said"), and ``body`` names the body when there is one;
- the writer ("we believe"): no attribution (the writer's own statement).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.claim_extraction.attribution.frames import Frame, find_frames, is_reporting_verb
from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.claim_extraction.attribution.sources import SourcePhrase, classify
from audit.model import Attribution, Span
from audit.nlp.parse import ParsedSentence, Word


@dataclass(frozen=True, slots=True)
class Found:
    """An attribution found in a sentence, with where it starts (its cue or its source, the earlier)."""

    position: int
    attribution: Attribution
    source: SourcePhrase | None = None
    hedged: bool = False  # the verb carries "reportedly"/"allegedly": hearsay, whoever the subject is


def _fallback_source(sentence: ParsedSentence, verb: Word) -> Word | None:
    """A reporting verb the parser left without a subject: the noun just before it ("… Joshua Levy said").
    Not for a passive ("The ship is said to …"), whose subject is what is reported on."""
    if any(
        w.relation in ("nsubj", "csubj", "expl") or w.dep == "aux:pass" for w in sentence.dependents(verb)
    ):
        return None
    index = verb.i - 1
    while index > 0 and sentence.words[index].pos in ("ADV", "AUX", "PART"):
        index -= 1  # not past the first word: "Petri endorsed" may be a name tagged as an adverb
    if index < 0:
        return None
    word = sentence.words[index]
    if word.pos in ("PROPN", "NOUN") and word.dep not in ("obj", "obl", "nmod"):
        return word
    if index == 0 and word.text[:1].isupper() and word.pos in ("ADV", "ADJ", "X", "INTJ"):
        return word  # "Petri endorsed …" with the name tagged as an adverb
    # the nearest subject before the verb, the parser having hung it elsewhere ("Henrik Wachtmeister of the
    # Swedish Institute … warned, “…”"): no verb or clause break between it and the verb
    for candidate in reversed(sentence.words[: verb.i]):
        if (candidate.pos in ("VERB", "AUX") and candidate.dep not in ("case", "mark")) or candidate.text in (
            ";",
            ":",
        ):
            return None
        if candidate.relation in ("nsubj", "root") and candidate.pos in ("PROPN", "NOUN", "PRON"):
            return candidate
    return None


def _auxiliaries_start(sentence: ParsedSentence, frame: Frame) -> int:
    """Where a passive cue begins: "*was* criticised by Canadian groups" (its auxiliaries)."""
    passive = any(w.dep == "aux:pass" for w in sentence.dependents(frame.anchor))
    auxiliaries = [w.start for w in sentence.dependents(frame.anchor, "aux", "aux:pass")] if passive else []
    return min(auxiliaries, default=frame.cue.start)


def _there_start(sentence: ParsedSentence, head: Word, start: int) -> int:
    """ "*There are* modern historians who believe": the existential opening is part of the cue."""
    governor = sentence.words[head.head] if head.head != head.i else head
    if not any(w.lower in ("who", "that") for w in sentence.words[head.i + 1 : head.i + 3]):
        return start  # only "There are historians *who* believe": not "There are no surveys showing"
    there = [w for w in sentence.dependents(governor, "expl") if w.lower == "there" and w.i < head.i]
    return min(start, there[0].start) if there else start


def _abstract_evidence(verb: Word, head: Word, lex: Lexicon) -> bool:
    """A verb of documents ("suggest", "indicate", "show", "note") with a subject that is no document, no evidence,
    no one and no share of anyone ("Trump's alignment with Putin … suggest a departure"): the writer's own
    inference."""
    showing = verb.lower in lex.document_verbs
    if not showing or head.pos != "NOUN" or (head.text[:1].isupper() and head.i > 0):
        return False
    known = (
        lex.document_nouns
        | lex.evidence_nouns
        | lex.person_heads
        | lex.vague_heads
        | lex.org_words
        | lex.definite_org_heads
        | lex.institution_collectives
        | lex.source_nouns
        | lex.quantity_heads
    )
    return head.lower not in known


def _group(head: Word | None, lex: Lexicon) -> bool:
    """An unnamed group a relative clause may report for ("Republicans, who say …", "some agents, who thought
    …"): a group word, or any plural noun (a singular description, "a birther who has pledged", is no source)."""
    if head is None:
        return False
    plural = "Number=Plur" in head.feats or head.tag in ("NNS", "NNPS")
    people = plural and head.lower.endswith(
        _PEOPLE_ENDINGS
    )  # "agents", "voters", "scientists"; not "locations"
    return head.lower in lex.vague_heads | lex.unnamed_person_heads | lex.person_heads or people


_PEOPLE_ENDINGS = ("ers", "ors", "ists", "ians", "ants", "ents", "ives", "men", "women", "people")
_HEARSAY_PASSIVES = frozenset(
    {
        "estimate",
        "believe",
        "think",
        "say",
        "allege",
        "rumor",
        "rumour",
        "understand",
        "claim",
        "suspect",
    }
)


def _hearsay_passive(sentence: ParsedSentence, verb: Word) -> bool:
    """A passive reporting verb with no agent that carries a fact: "is estimated at 40,000", "are believed to"."""
    dependents = sentence.dependents(verb)
    if verb.lemma not in _HEARSAY_PASSIVES or not any(w.dep == "aux:pass" for w in dependents):
        return False
    if any(
        w.dep == "obl:agent"
        or (w.relation == "obl" and any(c.lower == "by" for c in sentence.dependents(w, "case")))
        for w in dependents
    ):
        return False
    figures = any(w.pos == "NUM" for w in sentence.subtree(verb))
    return figures or any(w.dep == "xcomp" for w in dependents)


def _actor_not_source(frame: Frame, sentence: ParsedSentence, lex: Lexicon) -> bool:
    """The unnamed subject of an event, not a source: "Restaurant owners protested …, *saying* that …" (a participle
    on a verb that reports nothing) and "X was *accused* of rape by a woman" (an accusation told as an event)."""
    verb = frame.anchor
    if verb.tag == "VBG" and verb.dep in ("advcl", "xcomp", "conj") and verb.head != verb.i:
        governor = sentence.words[verb.head]
        return not is_reporting_verb(governor, lex)
    return verb.lemma == "accuse" and any(w.dep == "aux:pass" for w in sentence.dependents(verb))


def _person_as_content(frame: Frame, sentence: ParsedSentence) -> bool:
    """A passive frame whose content is only a name: what is told is an act on a person, not a claim."""
    content = frame.content
    if content is None or not any(w.dep == "aux:pass" for w in sentence.dependents(frame.anchor)):
        return False
    words = [
        w for w in sentence.words if content.start <= w.start and w.end <= content.end and w.pos != "PUNCT"
    ]
    return bool(words) and all(w.pos == "PROPN" for w in words)


def attribution_of(frame: Frame, sentence: ParsedSentence, text: str, lex: Lexicon) -> Found | None:
    """The attribution a frame gives, or None when its source is nobody (the writer, a time, a quantity)."""
    head = frame.source
    if (
        head is None
        and frame.kind == "reported"
        and frame.anchor.dep in ("root", "amod", "parataxis", "conj")
    ):
        head = _fallback_source(sentence, frame.anchor)
    source = classify(sentence, head, text, lex) if head is not None else None
    if frame.title is not None:  # a quoted title is named as written, whatever the parse made of its words
        title = frame.title.slice(text)
        source = SourcePhrase("named", title, frame.title, None, None, title)
    if source is None and frame.kind == "reported" and _hearsay_passive(sentence, frame.anchor):
        # "the population is estimated at around 40,000", "is believed to remain": nobody says who holds it
        auxiliaries = [w for w in sentence.dependents(frame.anchor) if w.dep in ("aux:pass", "aux")]
        start = min([w.start for w in auxiliaries] + [frame.cue.start])
        marks = [
            m for x in sentence.dependents(frame.anchor, "xcomp") for m in sentence.dependents(x, "mark")
        ]
        end = max([m.end for m in marks if m.lower == "to" and m.i == frame.anchor.i + 1] + [frame.cue.end])
        cue = Span(start, end)  # "is said to", "are believed to"
        content = Span(sentence.span.start, sentence.span.end)
        attribution = Attribution(kind="vague", cue=cue.slice(text), cue_span=cue, content_span=content)
        return Found(cue.start, attribution)
    if source is None or source.kind == "first":
        return None
    if head is not None and _abstract_evidence(frame.anchor, head, lex):
        return None  # "Trump's alignment with Putin … suggest a departure": an inference, not a source
    if (
        source.kind in ("unnamed", "body")
        and frame.anchor.dep in ("acl", "acl:relcl")
        and not _group(head, lex)
    ):
        return None  # "a tape showing …", "a birther who has pledged to …": a description, not a source
    if source.kind in ("unnamed", "body") and _actor_not_source(frame, sentence, lex):
        return None
    if _person_as_content(frame, sentence):
        return None  # "Smith was criticized by Jones": a criticism of someone, no statement
    cue_text = frame.cue.slice(text)
    position = min(frame.cue.start, source.span.start)
    if source.kind in ("unnamed", "body"):
        start = min(source.span.start, frame.cue.start, _auxiliaries_start(sentence, frame))
        start = _there_start(sentence, head, start) if head is not None else start
        end = max(source.span.end, frame.cue.end)
        cue = (
            Span(start, end)
            if frame.kind == "reported"
            else Span(frame.cue.start, max(frame.cue.end, source.span.end))
        )
        attribution = Attribution(
            kind="vague",
            cue=cue.slice(text),
            cue_span=cue,
            content_span=frame.content,
            body=source.body,
        )
        return Found(position, attribution, source)
    hedged = any(w.lower in lex.vague_adverbs for w in sentence.dependents(frame.anchor, "advmod"))
    document = head is not None and head.lower in lex.document_nouns and source.kind == "named"
    attribution = Attribution(
        kind="according_to" if document else frame.kind,
        speaker=source.text,
        cue=cue_text,
        cue_span=frame.cue,
        speaker_span=source.span,
        role=source.role,
        content_span=frame.content,
    )
    return Found(position, attribution, source, hedged)


def sentence_reports(sentence: ParsedSentence, text: str, lex: Lexicon, naming: bool = False) -> list[Found]:
    """Every attribution the reporting frames of one sentence give, in order of position, without speech inside
    speech: a report whose cue lies inside another's content ("X said *the company believed* …"; "*He thought*
    that A, officials said") is the outer report's content, not an attribution of its own; "according to X"
    frames its whole clause and is never inside another."""
    frames = find_frames(sentence, lex, naming)
    found = [f for f in (attribution_of(frame, sentence, text, lex) for frame in frames) if f is not None]
    return sorted((f for f in found if not _nested(f, found)), key=lambda f: f.position)


def _nested(found: Found, reports: Sequence[Found]) -> bool:
    cue = found.attribution.cue_span
    if cue is None or (found.attribution.cue or "").lower().startswith("according to"):
        return False
    for other in reports:
        content = other.attribution.content_span
        if other is found or content is None or not (content.start <= cue.start and cue.end <= content.end):
            continue
        own, outer = found.attribution.content_span, other.attribution.cue_span
        mutual = own is not None and outer is not None and own.start <= outer.start and outer.end <= own.end
        if not mutual or outer is None or outer.start < cue.start:
            return True  # inside the other's content (of two that hold each other, the earlier is the report)
    return False
