"""What a reporting verb reports: its clausal complement, the clause it interrupts or ends ("…, Schale says"),
its to-infinitive, the object of a verb whose object is the report ("reported higher profits"), a poll's finding,
the subject of a passive ("The data was confirmed by X"), or the noun an object relative hangs on ("a charge the
company denied")."""

from __future__ import annotations

from audit.claim_extraction.attribution.clause import (
    PASSIVE_SUBJECTS,
    inverted_source,
    span_of,
    trimmed,
    without,
)
from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.model import Span
from audit.nlp.parse import ParsedSentence, Word

POLL_VERBS = frozenset({"has", "had", "gives", "gave", "give", "puts", "put", "shows", "showed", "show"})
POLLS = frozenset(
    {"poll", "polls", "survey", "surveys", "forecast", "forecasts", "model", "models", "polling"}
)
STANDING = frozenset(
    {"leading", "lead", "ahead", "edge", "advantage", "chance", "trailing", "tied", "behind"}
)
_LISTENERS = frozenset(
    {"reporters", "journalists", "audience", "crowd", "supporters", "viewers", "listeners", "voters"}
)
_OBJECT_REPORTS = frozenset(
    {
        "report",
        "announce",
        "confirm",
        "deny",
        "estimate",
        "predict",
        "forecast",
        "disclose",
        "reveal",
        "post",
        "cite",
    }
)


def polled(sentence: ParsedSentence, verb: Word) -> bool:
    """A poll's finding: "The latest poll has Jones ahead", "a poll by X had Smith leading Jones by 48% to 42%"
    (a poll as subject, a standing word in what follows; not "The poll has a margin of error")."""
    subjects = [w for w in sentence.dependents(verb) if w.relation == "nsubj"]
    if not subjects or subjects[0].lower not in POLLS:
        return False
    return any(w.lower in STANDING for w in sentence.words if w.i > verb.i)


_LEFT_RELATIONS = frozenset({"det", "compound", "amod", "flat", "nmod:poss", "nummod", "case", "nmod:desc"})
_TAIL_RELATIONS = frozenset({"obl:tmod", "obl:unmarked", "advmod", "punct", "obl", "nmod:tmod"})


def _demand(sentence: ParsedSentence, wanted: Word, lex: Lexicon) -> bool:
    """What is called for is a position: a demand noun ("a ban", "an end to"), or someone to act ("Congress to
    act")."""
    if wanted.lower in lex.demand_nouns or wanted.lemma in lex.demand_nouns:
        return True
    return bool(sentence.dependents(wanted, "xcomp", "acl")) or wanted.pos in ("PROPN", "PRON")


def is_speech(word: Word, lex: Lexicon) -> bool:
    return word.lower in lex.speech_verbs or word.lemma in lex.speech_verbs


def final_report(sentence: ParsedSentence, verb: Word, source: Word | None, lex: Lexicon) -> Span | None:
    """ "… conflicts of interest, *Schale says*." / "…, *The Sun reported in 2007*." / "So she toughened up, *she
    said*, and …": a source and verb after a comma, with nothing after the verb up to the next comma or the end but a
    time, an adverb or a place; the content is the clause before the comma."""
    if source is None or source.i > verb.i:
        return None
    start = source.i
    while start > 0:
        left = sentence.words[start - 1]
        attached = left.head in (source.i, start) and left.dep in _LEFT_RELATIONS
        if not attached and not (left.pos == "PROPN" and left.end < sentence.words[start].start):
            break  # a capitalised word just before the head is part of its name, however it was attached
        start -= 1
    if start == 0 or sentence.words[start - 1].text != ",":
        return None
    after: list[Word] = []
    for word in sentence.words[verb.i + 1 :]:
        if word.text in (",", ";", "—", "–"):
            break  # ", and advises …", ", although they said …": a new clause, not this verb's content
        after.append(word)
    listeners = {w.i for w in after if w.relation in ("obj", "iobj") and w.pos in ("PROPN", "PRON")}
    # "…, an insurgent source told Reuters": the listener is no content
    if any(
        w.pos in ("VERB", "AUX") or (w.dep in ("ccomp", "xcomp", "obj") and w.i not in listeners)
        for w in after
    ):
        return None
    head = sentence.words[verb.head]
    if verb.dep in ("advcl", "parataxis") and head.i > verb.i:
        # "But waiting, *they acknowledged*, could open them up …": the clause around the aside
        inside = {w.i for w in sentence.subtree(verb)}
        words = [w for w in sentence.subtree(head) if w.i not in inside]
        low, high = min(w.i for w in words), max(w.i for w in words)
        return span_of(trimmed([w for w in sentence.words if low <= w.i <= high]))
    return span_of(trimmed([w for w in sentence.words if w.i < start - 1]))


def content_of(sentence: ParsedSentence, verb: Word, lex: Lexicon, source: Word | None = None) -> Span | None:
    if inverted_source(sentence, verb) is not None:  # "The plan failed, said X": the clause before the comma
        return span_of(trimmed([w for w in sentence.words if w.i < verb.i]))
    final = final_report(sentence, verb, source, lex)
    if final is not None:
        return final
    if verb.lemma == "call":  # "X called for a ban": a position; the content is what is called for
        wanted = [
            w
            for w in sentence.dependents(verb, "obl")
            if any(c.lower == "for" for c in sentence.dependents(w, "case"))
        ]
        if wanted and not _demand(sentence, wanted[0], lex):
            return None  # "called for a strike in March", "called for a vote": an action, not a position
        if wanted:
            words = [
                w
                for w in sentence.subtree(wanted[0])
                if w.lower != "for" or w.i != sentence.subtree(wanted[0])[0].i
            ]
            # "called for Congress *to act*": the infinitive the parser hung on the verb is part of the demand
            for clause in sentence.dependents(verb, "advcl", "xcomp"):
                clause_words = sentence.subtree(clause)
                marked = any(m.lower == "to" for m in sentence.dependents(clause, "mark"))
                if marked and clause_words[0].i == words[-1].i + 1:
                    words += clause_words
            return span_of(words)
    complements = sentence.dependents(verb, "ccomp")
    if not complements:  # "told reporters that the budget will grow", the clause hung on "reporters"
        complements = [
            c
            for o in sentence.dependents(verb, "obj", "iobj", "obl")
            for c in sentence.dependents(o, "acl:relcl", "acl", "ccomp")
            # "wrote in her memoir that the vote was rigged": a "that" marking the clause (not its subject)
            if any(m.lower == "that" for m in sentence.dependents(c, "mark"))
            or any(
                m.lower in ("how", "why", "what", "when", "where")
                for m in sentence.dependents(c, "advmod", "mark")
            )
        ]
    if complements:  # "said that A, but that B": from the first complement to the last
        words = [w for c in complements for w in sentence.subtree(c)]
        last = max(w.i for w in words)
        for clause in sentence.dependents(verb, "conj"):  # "said the plan was dead, and the talks were over"
            own_subject = any(w.relation == "nsubj" for w in sentence.dependents(clause))
            if clause.i > last and own_subject and not is_speech(clause, lex):
                words += sentence.subtree(clause)
        low, high = min(w.i for w in words), max(w.i for w in words)
        return span_of(trimmed([w for w in sentence.words if low <= w.i <= high]))
    if verb.lower in lex.infinitive_cues or verb.lemma in lex.infinitive_cues:
        infinitives = sentence.dependents(verb, "xcomp")
        if infinitives:  # "vowed *to fight on*": the infinitive with its "to"
            objects = [w for o in sentence.dependents(verb, "obj") for w in sentence.subtree(o)]
            words = sorted(
                sentence.subtree(infinitives[0]) + objects, key=lambda w: w.i
            )  # "wants the tax repealed"
            return span_of([w for w in words if w.pos != "PUNCT" or w.i != words[-1].i])
    marks = {w.lower for w in sentence.dependents(verb, "mark")}
    host = sentence.words[verb.head]
    reported_host = (
        verb.dep == "parataxis" and host.i < verb.i and host.lower in lex.speech_verbs | lex.document_verbs
    )
    if verb.head != verb.i and not reported_host and (verb.dep == "parataxis" or "as" in marks):
        # "The plan failed, X said" / "As the authors explain, …": the clause around the report; not the quote
        # a reporting verb introduces ("X observed, “Trump sees …”": "sees" is what X observed)
        return span_of(without(sentence, sentence.words[verb.head], verb))
    clauses = [w for w in sentence.dependents(verb, "parataxis") if w.pos in ("VERB", "AUX", "ADJ", "NOUN")]
    if clauses:
        return span_of(trimmed(sentence.subtree(clauses[0])))
    if (
        verb.lower in lex.refusal_verbs or verb.lemma in lex.refusal_verbs
    ):  # "X declined to comment on the memo"
        refused = [w for w in sentence.dependents(verb, "xcomp", "advcl") if w.lower in lex.refusal_objects]
        if not refused:
            return None
        words = sentence.subtree(refused[0])  # "to comment on the memo", with its "to"
        return span_of([w for w in words if w.pos != "PUNCT" or w.i != words[-1].i])
    if (
        verb.dep == "acl:relcl"
        and verb.lower in lex.object_relative_verbs
        and not sentence.dependents(verb, "obj")
    ):
        head = sentence.words[verb.head]  # "a charge *the company denied*": the charge is the content
        inside = {w.i for w in sentence.subtree(verb)}
        return span_of(trimmed([w for w in sentence.subtree(head) if w.i not in inside and w.i < verb.i]))
    passive = [w for w in sentence.dependents(verb) if w.dep in PASSIVE_SUBJECTS]
    if passive and any(w.dep == "aux:pass" for w in sentence.dependents(verb)):
        return span_of(trimmed(sentence.subtree(passive[0])))  # "The data was confirmed by X": the data
    objects = sentence.dependents(verb, "obj")
    speech = (
        verb.lemma in _OBJECT_REPORTS or verb.lower in lex.document_verbs or verb.lower in lex.stance_verbs
    )
    if verb.lower in POLL_VERBS and polled(sentence, verb):  # "The latest poll has Jones ahead in Ohio"
        return span_of(trimmed([w for w in sentence.words if w.i > verb.i]))
    listener = (
        verb.lower in lex.object_verbs
        and objects
        and (objects[0].pos in ("PRON", "PROPN") or objects[0].lower in _LISTENERS)
    )
    regards = verb.lower in lex.weak_verbs and any(
        any(c.lower == "as" for c in sentence.dependents(w, "case", "mark"))
        for w in sentence.dependents(verb, "obl", "advcl", "xcomp")
    )  # "Critics have seen the plan as a betrayal"
    if objects and not listener and (speech or regards or verb.lower in lex.object_verbs):
        first = objects[0]
        named_object = first.pos in ("PRON", "PROPN")
        follows = sentence.dependents(verb, "xcomp") + [
            w
            for w in sentence.dependents(verb, "obl", "advcl")
            if any(c.lower in ("of", "as", "to") for c in sentence.dependents(w, "case", "mark"))
        ]
        if not named_object or follows or verb.lower in lex.stance_verbs:
            # "X reported higher profits", "polls showing him leading", "accused the candidate of groping",
            # "Garner endorsed Sen. Bernie Sanders", "first told the kneepad story"
            words = [w for o in objects for w in sentence.subtree(o)]
            words += [w for x in follows for w in sentence.subtree(x)]
            return span_of(trimmed(sorted(words, key=lambda w: w.i)))
    told_of = [
        w
        for w in sentence.dependents(verb, "obl")
        if verb.lemma == "tell" and any(c.lower == "of" for c in sentence.dependents(w, "case"))
    ]
    if told_of:  # "Stories tell of a giant dog that roams the marsh"
        words = sentence.subtree(told_of[0])
        return span_of(trimmed([w for w in words if not (w.lower == "of" and w.i == words[0].i)]))
    gerunds = [w for w in sentence.dependents(verb, "xcomp") if w.tag == "VBG"]
    if gerunds:  # "also acknowledged giving free memberships"
        return span_of(trimmed(sentence.subtree(gerunds[0])))
    return None
