"""The named body a source's head belongs to: a proper-noun compound ("a Pentagon official"), a possessor
("Delta's spokesman"), a for/at/of/from/by phrase ("a spokesperson for Delta", "a poll by Quinnipiac University"),
and for a document its writer ("emails released by WikiLeaks", "a memo that Band wrote"). Dates are no owners
("a June 2011 memo")."""

from __future__ import annotations

from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.claim_extraction.attribution.names import complete_name, glued
from audit.nlp.parse import ParsedSentence, Word

_OWNER_CASES = frozenset({"for", "at", "of", "from", "with", "in", "by"})


def owner_of(sentence: ParsedSentence, head: Word, lex: Lexicon) -> list[Word] | None:
    """A named body the head belongs to: a proper-noun compound ("Pentagon official"), possessor ("Delta's
    spokesman") or for/at/of/from phrase ("a spokesperson for Delta")."""
    chain = [head]
    for word in sentence.dependents(
        head, "compound"
    ):  # "a Morning Consult tracking poll": through the compounds
        if word.pos == "NOUN":
            chain.append(word)
    if (
        head.lower in lex.document_nouns
    ):  # "a review of financial disclosures by Public Citizen": "by" on either
        chain += [
            w
            for w in sentence.dependents(head, "nmod")
            if w.pos == "NOUN" and any(c.lower == "of" for c in sentence.dependents(w, "case"))
        ]
    candidates = [w for part in chain for w in sentence.dependents(part)]
    for word in candidates:
        if word.lower in lex.time_words:
            continue  # "a June 2011 memo": a date owns nothing
        institution = word.pos == "NOUN" and word.lower in lex.definite_org_heads | lex.org_words
        if word.pos != "PROPN" and not institution:
            continue
        if institution and word.dep in ("nmod:poss", "compound"):  # "the transit authority's annual report"
            words = [
                w for w in sentence.subtree(word) if w.dep not in ("case", "det", "punct") and w.pos != "PART"
            ]
            return words or None
        if word.dep in ("compound", "nmod:poss"):
            parts = [w for w in sentence.subtree(word) if w.pos == "PROPN"]
            while parts[0].i >= 2 and glued(sentence.words[parts[0].i - 1], parts[0]):  # "Coca-Cola"
                parts = [sentence.words[parts[0].i - 2], sentence.words[parts[0].i - 1], *parts]
            first = parts[0].i
            while first > 0:  # "White House officials" with "White" tagged as an adjective of the head
                before = sentence.words[first - 1]
                if (
                    not before.text[:1].isupper()
                    or before.head not in (head.i, parts[0].i)
                    or before.dep == "det"
                ):
                    break
                first -= 1
            return [w for w in sentence.words[first : parts[-1].i + 1] if w.pos != "PART"]
        if word.dep == "nmod" and any(c.lower in _OWNER_CASES for c in sentence.dependents(word, "case")):
            words = [w for w in sentence.subtree(word) if w.dep not in ("case", "det", "punct")]
            return complete_name(sentence, words) or None
    return document_writer(sentence, head, lex) if head.lower in lex.document_nouns else None


def writer_phrase(sentence: ParsedSentence, head: Word, lex: Lexicon) -> Word | None:
    """The head of who made a document: the agent of a participle ("emails released *by WikiLeaks*") or the
    subject of a relative clause with a verb of writing ("a memo that *Band* wrote")."""
    for clause in sentence.dependents(head, "acl", "acl:relcl"):
        agents = [
            w
            for w in sentence.dependents(clause, "obl")
            if w.dep == "obl:agent" or any(c.lower == "by" for c in sentence.dependents(w, "case"))
        ]
        writes = clause.lower in lex.document_writer_verbs or clause.lemma in lex.document_writer_verbs
        subjects = [w for w in sentence.dependents(clause, "nsubj")] if writes else []
        if agents or subjects:
            return (agents or subjects)[0]
    return None


def document_writer(sentence: ParsedSentence, head: Word, lex: Lexicon) -> list[Word] | None:
    """A document's writer when it is named: "emails released by WikiLeaks", "a memo that the Acme Group sent"."""
    writer = writer_phrase(sentence, head, lex)
    if writer is None or writer.pos != "PROPN":
        return None
    words = [
        w for w in sentence.subtree(writer) if w.dep not in ("case", "det", "punct") and w.pos != "PUNCT"
    ]
    words = [w for w in words if w.i <= writer.i or (w.head == writer.i and w.pos == "PROPN")]
    return complete_name(sentence, words) or None
