"""A spokesperson named by whom they speak for: "a spokeswoman for Mr. Trump", "a spokeswoman at the
State Department", "a spokesman for Google".

A spokesperson of a body speaks for it on record, as "an F.B.I. spokeswoman" does: the body is the
speaker ("State Department") and the spokesperson noun its role ("spokeswoman"). A spokesperson of a
person is not that person: "a spokeswoman for Mr. Trump" is the speaker ("spokeswoman") with the person
as affiliation, kept in the role ("Mr. Trump"), as "Weil of Harvard" keeps "Harvard". The name after
the preposition counts as a person's only when a title of ``person_honorifics`` opens it ("Mr.",
"Senator"); a bare name ("a spokesman for Google", "… for Hillary Clinton") cannot be told apart from a
body by rule and is read as the body, as it was before. Without a capitalised word after the
preposition ("a spokeswoman for the company"), or with several spoken for ("Spokesmen for Bill Clinton
and the foundation"), the phrase is left to the other rules.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from audit.claim_extraction.attribution.lexicon import (
    DETERMINERS,
    Lexicon,
    Tok,
    is_possessive,
    strip_possessive,
    tokens_text,
)
from audit.model import Span

SPEAKS_FOR = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen"})
_FOR = frozenset({"for", "at", "of", "from", "to", "with"})


@dataclass(frozen=True, slots=True)
class Spokesperson:
    """Who speaks (``speaker``, a "person" or the "org" spoken for) and the role that goes with it."""

    kind: str
    speaker: str
    speaker_span: Span
    role: str


def spokesperson_of(words: Sequence[Tok], lex: Lexicon) -> Spokesperson | None:
    """The speaker and role of a noun phrase "[a] [lower-case words] spokes* for/at/of <Capitalised …>",
    or None when the phrase is not of that shape."""
    k = 0
    while k < len(words) and words[k].low in DETERMINERS:
        k += 1
    head = next((n for n in range(k, len(words) - 2) if words[n].low in SPEAKS_FOR), None)
    if head is None or words[head + 1].low not in _FOR or any(w.cap for w in words[k:head]):
        return None  # "a Dow spokeswoman": the named body is in front, left as it is
    rest = list(words[head + 2 :])
    while rest and rest[0].low in DETERMINERS:
        rest.pop(0)
    if not rest or not any(w.cap and w.text[0].isalpha() for w in rest) or any(w.low == "and" for w in rest):
        return None  # "… for the company"; "Spokesmen for Bill Clinton and the foundation": left as it is
    spokes = words[k : head + 1]
    spokes_span = Span(spokes[0].start, spokes[-1].end)
    honorific = rest[0].low.rstrip(".") in lex.person_honorifics
    person = (
        honorific
        and len(rest) >= 2
        and all(w.cap and w.low not in lex.org_words and not is_possessive(w.text) for w in rest)
    )
    if person:  # "a spokeswoman for Mr. Trump": she speaks, for him
        return Spokesperson("person", tokens_text(spokes), spokes_span, tokens_text(rest))
    body = strip_possessive(tokens_text(rest))
    return Spokesperson("org", body, Span(rest[0].start, rest[-1].end), tokens_text(spokes))
