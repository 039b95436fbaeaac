"""Who a frame's source is, read from the structure of its noun phrase in the parse.

``classify(sentence, head, text, lex)`` expands the head word of a source to its phrase and decides what kind of
source it is:
- ``named``: a proper-noun head ("Joshua Levy", "the White House", "Exxon Mobil and Chevron"); a spokesperson of a
  named body ("a spokesperson for Delta": the speaker is Delta, the role "spokesperson"); a document or group owned by
  a named body ("a report by the Council on Foreign Relations", "a Pew survey");
- ``body``: an unnamed person of a named body ("F.B.I. officials", "a senior Pentagon official", "officials at the
  ministry"): an unnamed source, kept apart because the body is named;
- ``unnamed``: nobody in particular ("experts", "critics", "reports", "people familiar with the matter",
  "an investigator");
- ``pronoun`` and ``definite``: a reference back ("she", "the company", "the statement", "the researchers"),
  resolved against the article by ``coref``;
- ``first``: the writer ("we", "I"): the writer's own statement, not a source.
Time words, quantities and words that are not noun phrases are never sources (None).

A person's name is the head and its name words (``flat``/``compound`` proper nouns next to it); what comes before it
("Acting U.S. Attorney for Massachusetts") is the role. An honorific directly before the name ("Mr.", "Sen.") stays
part of it, as the article writes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.claim_extraction.attribution.names import conjuncts, name_run, named_members
from audit.claim_extraction.attribution.owners import owner_of, writer_phrase
from audit.model import Span
from audit.nlp.parse import ParsedSentence, Word

SourceKind = Literal["named", "body", "unnamed", "pronoun", "definite", "first"]

NAME_RELATIONS = frozenset({"flat", "flat:name", "compound", "nmod:desc"})
_PHRASE_RELATIONS = frozenset(
    {
        "det",
        "amod",
        "compound",
        "flat",
        "flat:name",
        "nummod",
        "nmod",
        "nmod:poss",
        "nmod:desc",
        "case",
        "det:poss",
    }
)
_SPOKES = frozenset({"spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "spokeswomen"})
_DEFINITE = frozenset(
    {"the", "this", "these", "that", "those", "its", "their", "his", "her", "our", "both", "each", "either"}
)
_FIRST = frozenset({"i", "we", "me", "us"})
_PERSONAL = frozenset({"he", "she", "they", "it", "him", "her", "them"})
_IN_NAME = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "rev"}
)  # stay in the name
_QUANTITY_HEADS = frozenset({"more", "most", "less", "fewer", "half", "percent", "%", "number", "majority"})


@dataclass(frozen=True, slots=True)
class SourcePhrase:
    kind: SourceKind
    text: str  # the speaker as the article writes it (a name, a body, or the whole unnamed phrase)
    span: Span
    role: str | None = None
    body: str | None = None  # the named body of an unnamed person ("F.B.I." in "F.B.I. officials")
    phrase: str = ""  # the whole source phrase ("Senior White House officials")


def _phrase_words(sentence: ParsedSentence, head: Word, lex: Lexicon) -> list[Word]:
    """The head's noun phrase: its modifiers, cut before clauses, appositions, coordination and time words."""
    kept = [head]
    stack = [w for w in sentence.dependents(head) if w.dep in _PHRASE_RELATIONS]
    while stack:
        word = stack.pop()
        if word.lower in lex.time_words and word.dep not in ("case", "det", "amod"):
            continue  # "prosecutors on Wednesday": the day is not part of who spoke
        kept.append(word)
        # "a person familiar *with the talks*": an adjective after the head keeps its complement
        relations = (
            _PHRASE_RELATIONS | {"obl"} if word.dep == "amod" and word.i > head.i else _PHRASE_RELATIONS
        )
        stack.extend(w for w in sentence.dependents(word) if w.dep in relations)
    kept.sort(key=lambda w: w.i)
    # keep the contiguous run around the head (a stray attachment across a comma is not part of the phrase)
    indexes = {w.i for w in kept}
    low = high = head.i
    while low - 1 in indexes and sentence.words[low - 1].pos != "PUNCT":
        low -= 1
    while high + 1 in indexes and sentence.words[high + 1].pos != "PUNCT":
        high += 1
    words = [w for w in kept if low <= w.i <= high]
    while words and words[-1].dep == "case":  # a dangling "on" once its time word is gone
        words.pop()
    return words


def _text(text: str, words: list[Word]) -> str:
    return text[words[0].start : words[-1].end] if words else ""


def _is_time_or_quantity(head: Word, lex: Lexicon) -> bool:
    return (
        head.pos in ("NUM", "ADJ", "ADV", "ADP", "DET", "VERB", "AUX", "SCONJ", "CCONJ", "PART", "PUNCT")
        or head.lower in lex.time_words
        or head.lower in _QUANTITY_HEADS
    )


def _is_organisation(sentence: ParsedSentence, head: Word, name: list[Word], lex: Lexicon) -> bool:
    """A body rather than a person: "the White House" (a determiner), "Acme Institute" (an organisation word)."""
    determiners = {w.lower for w in sentence.dependents(head, "det")}
    return "the" in determiners or any(w.lower in lex.org_words for w in name)


def _person_name(
    sentence: ParsedSentence, head: Word, phrase: list[Word], lex: Lexicon
) -> tuple[list[Word], list[Word]]:
    """(name words, role words) of a proper-noun phrase: titles before a person's name are its role."""
    name = name_run(sentence, head)
    if _is_organisation(sentence, head, name, lex):  # "the White House": the capitalised words before it
        first = name[0].i
        while (
            first - 1 >= 0
            and sentence.words[first - 1] in phrase
            and sentence.words[first - 1].text[:1].isupper()
        ):
            first -= 1
        return list(sentence.words[first : name[-1].i + 1]), []
    while len(name) > 1:
        lower = name[0].lower.rstrip(".")
        if lower not in lex.titles or lower in _IN_NAME:
            break
        name = name[1:]
    role = [w for w in phrase if w.i < name[0].i and w.dep not in ("det", "punct") and w.pos != "PUNCT"]
    return name, role


def _apposition(sentence: ParsedSentence, name: list[Word], text: str) -> str | None:
    """A role given in apposition to a name: "Maria Lopez, *a senator from Ohio*, said"."""
    for word in name:
        # "Ada Brook, *Democrat of Ohio*, wrote": an apposition the parser coordinated by a comma alone
        loose = [w for w in sentence.dependents(word, "conj") if not sentence.dependents(w, "cc")]
        for appos in [*sentence.dependents(word, "appos"), *loose]:
            words = [
                w
                for w in sentence.subtree(appos)
                if w.pos != "PUNCT" or w.i < max(x.i for x in sentence.subtree(appos))
            ]
            words = [w for w in words if not (w.pos == "PUNCT" and w.i in (words[0].i, words[-1].i))]
            return _text(text, words) or None
    return None


def _owned(
    sentence: ParsedSentence, head: Word, owner: list[Word], phrase: list[Word], text: str, lex: Lexicon
) -> SourcePhrase:
    """A common noun with a named owner: a body's spokesperson or document names the body ("a spokesperson for
    Delta", "a Pew survey"); a body itself is named ("the Trump campaign"); anyone else of the body is an unnamed
    person of a named body ("a member of Congress", "F.B.I. officials")."""
    owner_text = _text(text, owner)
    owner_span = Span(owner[0].start, owner[-1].end)
    whole = _text(text, phrase)
    bare = [w for w in phrase if w.dep != "det" and w.pos != "DET"]
    lower = head.lower
    compound_owner = owner[-1].i < head.i and all(w.i < head.i for w in owner)
    if lower in _SPOKES:
        if compound_owner:  # "A Dow spokeswoman": as written
            return SourcePhrase(
                "named", _text(text, bare), Span(bare[0].start, bare[-1].end), None, None, whole
            )
        if any(w.lower.rstrip(".") in lex.person_honorifics for w in owner):  # "a spokeswoman for Mr. Trump"
            return SourcePhrase("named", head.text, Span(head.start, head.end), owner_text, None, whole)
        return SourcePhrase("named", owner_text, owner_span, head.text, None, whole)
    if lower in lex.document_nouns:
        return SourcePhrase("named", owner_text, owner_span, head.text, None, whole)
    if lower in lex.vague_heads and lower not in lex.person_heads | lex.unnamed_person_heads:
        return SourcePhrase(
            "unnamed", whole, Span(phrase[0].start, phrase[-1].end), None, None, whole
        )  # "Middle East observers"
    if lower in lex.person_heads or lower in lex.unnamed_person_heads:
        determiners = {w.lower for w in sentence.dependents(head, "det")}
        if "the" in determiners and "Number=Plur" not in head.feats and not lower.endswith("s"):
            # "the director of the FBI": one identifiable person
            return SourcePhrase(
                "named", _text(text, bare), Span(bare[0].start, bare[-1].end), None, None, whole
            )
        return SourcePhrase("body", whole, Span(phrase[0].start, phrase[-1].end), None, owner_text, whole)
    # "the Trump campaign", "the head of the hotel federation", "the White House's initiative": the body's own
    return SourcePhrase("named", _text(text, bare), Span(bare[0].start, bare[-1].end), None, None, whole)


def _is_name(sentence: ParsedSentence, head: Word, lex: Lexicon) -> bool:
    """A proper noun, or a capitalised word inside the sentence the tagger took for a common noun ("Rollock
    says"); not a group word capitalised because it opens the sentence ("Critics argue")."""
    if head.pos == "PROPN":
        return not _common_noun(sentence, head, lex)
    if head.pos != "NOUN" or not head.text[:1].isupper():
        return False
    if head.text.isupper() and 2 <= len(head.text.strip(".")) <= 6:
        return head.lower not in lex.vague_heads  # "UBS declined", "NBC reported": an acronym is a name
    if head.lower in lex.vague_heads | lex.person_heads | lex.document_nouns | lex.institution_collectives:
        return False
    first = next((w for w in sentence.words if w.pos != "PUNCT"), head)
    if head.i != first.i:
        return True
    # opening the sentence: a singular word with no determiner is a name ("Li explained"); a plural is a group,
    # and a word with a common noun's ending is no name ("Neuroscience tells us")
    plural = "Number=Plur" in head.feats or (head.lower.endswith("s") and not head.lower.endswith("ss"))
    common = head.lower.endswith(lex.common_noun_endings)
    return not plural and not common and not sentence.dependents(head, "det")


def _common_noun(sentence: ParsedSentence, head: Word, lex: Lexicon) -> bool:
    """A capitalised group or document word the tagger took for a name ("Critics argue", "Democrats say",
    "Analysis suggests"): one word, in the lexicon of unnamed groups and documents."""
    group = lex.vague_heads | lex.unnamed_person_heads | lex.document_nouns
    return head.lower in group and len(name_run(sentence, head)) == 1


def classify(sentence: ParsedSentence, head: Word, text: str, lex: Lexicon) -> SourcePhrase | None:
    """What kind of source the phrase headed by ``head`` is; None when it is not a source at all."""
    heads = conjuncts(sentence, head)
    if len(heads) > 1:
        return _coordinated(sentence, heads, text, lex)
    return _single(sentence, head, text, lex)


def _coordinated(sentence: ParsedSentence, heads: list[Word], text: str, lex: Lexicon) -> SourcePhrase | None:
    parts = [_single(sentence, head, text, lex) for head in heads]
    known = [p for p in parts if p is not None]
    if not known:
        return None
    span = Span(min(p.span.start for p in known), max(p.span.end for p in known))
    named = [p for p in known if p.kind == "named"]
    if named and len(named) == len(known):
        # "said Senator Smith and Senator Jones": the first name's title stays, as the others' do
        titles = [w for w in _phrase_words(sentence, heads[0], lex) if w.pos == "PROPN" and w.i < heads[0].i]
        span = Span(min([span.start, *[w.start for w in titles]]), span.end)
        return SourcePhrase(
            "named", text[span.start : span.end], span, None, None, text[span.start : span.end]
        )
    if named:  # "Levy and authorities from Homeland Security Investigations": a named source is given
        first = named[0]
        return SourcePhrase("named", first.text, first.span, first.role, None, text[span.start : span.end])
    return SourcePhrase(
        known[0].kind, text[span.start : span.end], span, None, known[0].body, known[0].phrase
    )


def _single(sentence: ParsedSentence, head: Word, text: str, lex: Lexicon) -> SourcePhrase | None:
    counted = [
        w
        for w in sentence.dependents(head, "nmod")
        if head.lower in lex.quantity_heads and any(c.lower == "of" for c in sentence.dependents(w, "case"))
    ]
    if not counted:
        return _single_head(sentence, head, text, lex)
    # "a large body of neuroscientific studies has pointed out": the studies
    found = _single_head(sentence, counted[0], text, lex)
    if found is None or found.kind not in ("unnamed", "body"):
        return found
    # "Sixty percent of respondents say": an unnamed group, written with its quantity
    start = min(w.start for w in sentence.subtree(head) if w.i <= head.i)
    span = Span(min(start, found.span.start), found.span.end)
    whole = text[span.start : span.end]
    return SourcePhrase(found.kind, whole, span, found.role, found.body, whole)


def _single_head(sentence: ParsedSentence, head: Word, text: str, lex: Lexicon) -> SourcePhrase | None:
    mistagged = head.i == 0 and head.pos in ("ADV", "ADJ", "X", "INTJ") and head.text[:1].isupper()
    if (
        mistagged
        and head.lower not in lex.vague_quantifiers | lex.time_words
        and not head.lower.endswith("ly")
    ):
        span = Span(head.start, head.end)  # "Petri endorsed …": a name the tagger took for an adverb
        return SourcePhrase("named", head.text, span, None, None, head.text)
    if head.lower in lex.vague_quantifiers and head.pos in ("ADJ", "PRON", "DET", "NOUN"):
        return SourcePhrase(
            "unnamed", head.text, Span(head.start, head.end), None, None, head.text
        )  # "many have"
    if _is_time_or_quantity(head, lex):
        return None
    if head.pos == "PRON":
        if head.lower in _FIRST:
            return SourcePhrase("first", head.text, Span(head.start, head.end))
        if head.lower in _PERSONAL:
            return SourcePhrase("pronoun", head.text, Span(head.start, head.end), phrase=head.text)
        return None
    if head.dep == "appos" and head.head != head.i and sentence.words[head.head].pos == "PROPN":
        head = sentence.words[head.head]  # "Mikel Afzelius, communications officer of PECO, said": the name
    phrase = _phrase_words(sentence, head, lex)
    span = Span(phrase[0].start, phrase[-1].end)
    whole = _text(text, phrase)
    if _is_name(sentence, head, lex):
        name, role = _person_name(sentence, head, phrase, lex)
        role_text = _text(text, role) or _apposition(sentence, name, text)
        return SourcePhrase(
            "named", _text(text, name), Span(name[0].start, name[-1].end), role_text, None, whole
        )
    owner = owner_of(sentence, head, lex)
    determiners = {w.lower for w in sentence.dependents(head, "det", "det:poss", "nmod:poss", "cc:preconj")}
    if head.lower in lex.institution_collectives:  # "police said", "authorities in Beijing announced": a body
        bare = [w for w in phrase if w.dep not in ("det", "det:poss") and w.pos != "DET"] or phrase
        return SourcePhrase("named", _text(text, bare), Span(bare[0].start, bare[-1].end), None, None, whole)
    if owner:
        return _owned(sentence, head, owner, phrase, text, lex)
    if head.lower in lex.document_nouns and (
        writer_phrase(sentence, head, lex) is not None or not determiners & _DEFINITE
    ):  # "emails released by a former aide", "a report released on Monday": nobody named wrote it
        return SourcePhrase("unnamed", whole, span, None, None, whole)
    if head.lower in lex.evidence_nouns and (
        determiners & _DEFINITE or sentence.dependents(head, "acl", "acl:relcl", "nmod")
    ):  # "video obtained from the salon shows", "the records show": this evidence, not hearsay
        return SourcePhrase("definite", whole, span, None, None, whole)
    members = named_members(sentence, head)
    if members:  # "critics, including Trump,": a named source is given
        return SourcePhrase(
            "named", _text(text, members), Span(members[0].start, members[-1].end), None, None, whole
        )
    if head.lower in lex.definite_org_heads | lex.org_words and (
        determiners or sentence.dependents(head, "nmod")
    ):
        # "the inspector general's office at OPM": an identified office speaks for itself
        bare = [w for w in phrase if w.dep not in ("det", "det:poss") and w.pos != "DET"] or phrase
        return SourcePhrase("named", _text(text, bare), Span(bare[0].start, bare[-1].end), None, None, whole)
    compounds = [w for w in sentence.dependents(head, "compound") if w.pos == "NOUN"]
    if compounds and head.lower in lex.person_heads:  # "trust members": people of a body the article names
        chain = sorted({w.i: w for c in compounds for w in sentence.subtree(c)}.values(), key=lambda w: w.i)
        body_text = _text(text, chain)
        return SourcePhrase("body", whole, span, None, body_text, whole)
    if determiners & _DEFINITE:
        bare = [w for w in phrase if w.dep not in ("det", "det:poss") and w.pos != "DET"] or phrase
        return SourcePhrase(
            "definite", _text(text, bare), Span(bare[0].start, bare[-1].end), None, None, whole
        )
    return SourcePhrase("unnamed", whole, span, None, None, whole)
