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

from dataclasses import dataclass
from typing import Literal

from audit.claim_extraction.attribution.clause import NOMINAL_HEADS, source_of, span_of, trimmed
from audit.claim_extraction.attribution.contents import POLL_VERBS, content_of, polled
from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.model import Span
from audit.nlp.parse import ParsedSentence, Word

FrameKind = Literal["reported", "according_to"]
_PHRASAL = {"point": "out", "spell": "out", "lay": "out"}  # "has pointed out that …"


@dataclass(frozen=True, slots=True)
class Frame:
    kind: FrameKind
    cue: Span
    cue_words: tuple[Word, ...]
    source: Word | None  # the head word of the source phrase
    content: Span | None
    anchor: Word  # the verb (or "according") the frame hangs on
    title: Span | None = None  # a quoted title that is the source ("according to “Man of the World”")


def is_reporting_verb(
    word: Word, lex: Lexicon, naming: bool = False, sentence: ParsedSentence | None = None
) -> bool:
    """A verb of saying, showing or believing; with ``naming``, also a verb that puts a quoted description in
    its subject's words ("which X calls “…”"). A finite form the tagger took for an adjective ("warned" as
    ``amod``) still counts, and so does a form it took for a noun or an interjection when the parse gives it a
    subject and a clausal complement ("officials, though, *say* Mr. Comey's decision caused …"); a participle
    modifying a noun ("the reported cases") does not."""
    forms = lex.speech_verbs | lex.document_verbs | lex.weak_verbs
    if naming:
        forms = forms | lex.naming_verbs
    if word.lower not in forms and word.lemma.lower() not in forms:
        return False
    if word.pos not in ("VERB", "AUX"):
        if sentence is None or word.pos not in ("NOUN", "INTJ", "ADJ", "PROPN"):
            return False
        relations = {w.relation for w in sentence.dependents(word)}
        return "nsubj" in relations and "ccomp" in relations
    if word.dep in ("aux", "aux:pass", "cop"):
        return False
    if word.dep == "amod" and word.tag not in ("VBD", "VBZ", "VBP"):
        # a participle modifying a noun, unless it has a subject of its own ("Henrik … *warned*, “…”")
        return sentence is not None and any(w.relation == "nsubj" for w in sentence.dependents(word))
    return True


def _noun_frames(sentence: ParsedSentence, lex: Lexicon) -> list[Frame]:
    """Positions stated with a noun: "X made a case that …", "X expressed alarm that …" (a verb of
    ``noun_frames`` with its noun), "X's position is that …" (a position noun with a possessor)."""
    frames: list[Frame] = []
    for noun in sentence.words:
        if noun.pos != "NOUN":
            continue
        clauses = [
            w
            for w in sentence.dependents(noun, "acl", "ccomp")
            if any(m.lower == "that" for m in sentence.dependents(w, "mark"))
        ]
        verb = sentence.words[noun.head] if noun.head != noun.i else None
        if (
            clauses
            and verb is not None
            and noun.relation == "obj"
            and noun.lower in lex.frame_nouns.get(verb.lower, frozenset())
        ):
            source = source_of(sentence, verb)
            cue_words = tuple(w for w in sentence.words if verb.i <= w.i <= noun.i)
            content = span_of(trimmed(sentence.subtree(clauses[0])))
            frames.append(Frame("reported", Span(verb.start, noun.end), cue_words, source, content, verb))
            continue
        owners = [w for w in sentence.dependents(noun, "nmod:poss") if w.pos in ("PROPN", "NOUN", "PRON")]
        if noun.lower in lex.position_nouns and owners and noun.relation == "nsubj" and verb is not None:
            copula = [w for w in sentence.dependents(verb, "cop")]
            if verb.pos in ("VERB", "AUX", "ADJ") and any(
                m.lower == "that" for m in sentence.dependents(verb, "mark")
            ):
                cue_end = copula[0].end if copula else noun.end
                cue_words = tuple(w for w in sentence.words if noun.i <= w.i and w.end <= cue_end)
                content = span_of(
                    trimmed(
                        sentence.subtree(verb)[
                            len(
                                [
                                    w
                                    for w in sentence.subtree(verb)
                                    if w.i <= (copula[0].i if copula else noun.i)
                                ]
                            ) :
                        ]
                    )
                )
                first = min((w for w in sentence.dependents(noun, "amod")), key=lambda w: w.i, default=noun)
                frames.append(
                    Frame("reported", Span(first.start, cue_end), cue_words, owners[0], content, noun)
                )
    return frames


def _quoted_title(sentence: ParsedSentence, index: int) -> list[Word] | None:
    """The words of a quoted title starting at ``index`` (an opening quote mark, then capitalised words)."""
    if index >= len(sentence.words) or sentence.words[index].text not in ("“", '"', "‘"):
        return None
    words: list[Word] = []
    for word in sentence.words[index + 1 :]:
        if word.text in ("”", '"', "’"):
            break
        words.append(word)
    content = [w for w in words if w.pos != "PUNCT"]
    if not content or len(content) > 8 or not content[0].text[:1].isupper():
        return None
    return content


def _according_to(sentence: ParsedSentence, word: Word) -> Frame | None:
    """'according to X': X is the head of 'according' (UD: case + fixed); the clause around it is the content."""
    following = sentence.words[word.i + 1] if word.i + 1 < len(sentence.words) else None
    if following is None or following.lower != "to":
        return None
    title = _quoted_title(sentence, word.i + 2)
    if title is not None:  # "according to “Man of the World,” a book by …": the title is the source
        before = [w for w in sentence.words if w.i < word.i]
        after = [
            w
            for w in sentence.words
            if w.i > title[-1].i and w.dep != "appos" and w.head not in {t.i for t in title}
        ]
        content = trimmed(before) or trimmed(after)
        return Frame(
            "according_to",
            Span(word.start, following.end),
            (word, following),
            title[0],
            span_of(content),
            word,
            span_of(title),
        )
    source = sentence.words[word.head] if word.head != word.i else None
    if source is None or source.i <= word.i:
        candidates = [w for w in sentence.words[word.i + 2 :] if w.pos in NOMINAL_HEADS]
        source = candidates[0] if candidates else None
    if source is None:
        return None
    # a clause the parser coordinated with the source by a comma alone ("according to a poll, Clinton is …")
    loose = {
        w.i
        for c in sentence.dependents(source, "conj")
        if not sentence.dependents(c, "cc")
        for w in sentence.subtree(c)
    }
    phrase = (
        [w for w in sentence.subtree(source) if w.i > word.i and w.i not in loose]
        if source.head != source.i
        else []
    )
    phrase_end = max([w.i for w in phrase] + [source.i])
    # the content: the rest of the sentence on the larger side of the cue phrase
    before = [w for w in sentence.words if w.i < word.i]
    after = [w for w in sentence.words if w.i > phrase_end]
    content = trimmed(before if len(before) > len(after) else after)
    cue_words = (word, following)
    return Frame("according_to", Span(word.start, following.end), cue_words, source, span_of(content), word)


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
        refuses = word.lower in lex.refusal_verbs or word.lemma in lex.refusal_verbs
        stance = word.lower in lex.stance_verbs and word.pos == "VERB"
        finding = word.lower in POLL_VERBS and polled(sentence, word)
        phrasal = word.lemma in _PHRASAL and any(
            p.lower == _PHRASAL[word.lemma] for p in sentence.dependents(word, "compound:prt")
        )
        if not is_reporting_verb(word, lex, naming, sentence) and not (
            calls_for or refuses or stance or finding or phrasal
        ):
            continue
        source = source_of(sentence, word)
        content = content_of(sentence, word, lex, source)
        if word.lemma == "call" and not calls_for and not naming:
            continue  # "called a strike", "called a vote": only "called for" states a position
        main_only = word.lower in lex.main_clause_verbs or word.lemma in lex.main_clause_verbs
        if main_only and word.dep not in ("root", "conj") and not (word.tag == "VBG" and word.dep == "advcl"):
            continue  # "wants", "hopes": a position as the main verb or a participle ("…, hoping her allies …")
        cue_words = (word, *[w for w in sentence.dependents(word, "compound:prt")])
        if calls_for:  # "called for": the particle is part of the cue
            cue_words += tuple(
                c
                for w in sentence.dependents(word, "obl")
                for c in sentence.dependents(w, "case")
                if c.lower == "for"
            )
        cue = Span(word.start, max(w.end for w in cue_words))
        frames.append(Frame("reported", cue, cue_words, source, content, word))
    frames.extend(_noun_frames(sentence, lex))
    return sorted(frames, key=lambda frame: frame.cue.start)
