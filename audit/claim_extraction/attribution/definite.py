"""Definite references to a source named or introduced a few sentences before ("the company said",
"the senator said", "the investigator wrote"), resolved within one article.

- An organisation ("the company", "the campaign", "the agency", "the department": heads in
  ``definite_org_heads``) becomes the one body of that kind named in the window: "<Name> <head>" ("the
  Clinton campaign", "the Justice Department", "Dow Chemical Company") or "<Name>, a/the … <head>"
  ("Teneo, a consulting firm"). Two different bodies, or none, leave the reference as it is.
- A person ("the senator", "the investigator": heads in ``unnamed_single_heads`` or ``titles``) becomes
  the one person named with that title or role in the window ("Senator Claire McCaskill", "conservative
  blogger Ed Morrissey", "Jane Doe, an investigator,"). When nobody is named so but an unnamed person was
  introduced ("an internal company fraud investigator"), the reference is that unnamed person: vague, as
  the introduction was. A named and an unnamed candidate together are ambiguous: left as it is.

The window is the sentence of the reference and the ``window`` sentences before it, up to the reference.
Nothing outside the article is consulted; no name is made up: a resolved name is text of the article.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon
from audit.model import Attribution, Span

_NAME = r"[A-Z][\w.&’'\-]*"
_NAME_RUN = rf"{_NAME}(?:\s+{_NAME}){{0,3}}"
_LEADING = frozenset({"the", "a", "an", "this", "that", "but", "and", "in", "on", "at", "when", "then"})
_ABBREVIATIONS = {
    "senator": ("Sen.",),
    "representative": ("Rep.",),
    "governor": ("Gov.",),
    "general": ("Gen.",),
    "professor": ("Prof.",),
}


def _clean(name: str, lex: Lexicon) -> str | None:
    words = name.split()
    while words and (words[0].lower() in _LEADING or words[0].lower() in lex.pronouns):
        words.pop(0)  # a sentence-initial "The", "But"
    return " ".join(words) or None


def _org_candidates(window: str, head: str, lex: Lexicon) -> set[str]:
    found: set[str] = set()
    for match in re.finditer(rf"\b({_NAME_RUN})\s+((?i:{head}))\b", window):
        cleaned = _clean(match.group(1), lex)
        if cleaned is not None:
            found.add(f"{cleaned} {match.group(2)}")
    for match in re.finditer(rf"\b({_NAME_RUN}),\s+(?:a|an|the)\s+(?:[a-z\-]+\s+){{0,3}}{head}\b", window):
        cleaned = _clean(match.group(1), lex)
        if cleaned is not None:
            found.add(cleaned)
    return found


def _person_candidates(window: str, head: str, lex: Lexicon) -> tuple[set[str], int]:
    """Named persons of that title or role in ``window``, and the number of unnamed introductions."""
    named: set[str] = set()
    titles = "|".join([re.escape(head), *(re.escape(a) for a in _ABBREVIATIONS.get(head, ()))])
    person = rf"{_NAME}(?:\s+{_NAME}){{0,2}}"
    for match in re.finditer(rf"(?i:\b(?:{titles}))\s+({person})", window):
        name = re.sub(r"[’']s?$", "", match.group(1))  # "Senator Sanders's plan"
        if not any(w.lower() in lex.org_words for w in name.split()):
            named.add(name)
    for match in re.finditer(rf"\b({person}),\s+(?:a|an|the)\s+(?:[a-z\-]+\s+){{0,3}}{head}\b", window):
        cleaned = _clean(match.group(1), lex)
        if cleaned is not None:
            named.add(cleaned)
    unnamed = 0
    # an unnamed official of a named body is unnamed too ("a State Department official"), a
    # spokeswoman of one is not ("a Dow spokeswoman")
    filler = r"[\w.\-’']+" if head in lex.unnamed_person_heads else r"[a-z\-]+"
    # the article may open the sentence ("A State Department official said")
    for match in re.finditer(
        rf"\b(?:[Aa]n?|[Oo]ne|[Aa]nother)\s+(?:{filler}\s+){{0,4}}{head}\b(?!\s+[A-Z])", window
    ):
        if not re.search(rf"{_NAME},\s*$", window[: match.start()]):  # not "Jane Doe, an investigator"
            unnamed += 1
    return named, unnamed


def resolve_definite(
    text: str, sentences: Sequence[Span], sentence: int, attribution: Attribution, window: int, lex: Lexicon
) -> Attribution:
    """``attribution`` with a definite lower-case source ("the company") resolved as the module says."""
    span, speaker = attribution.speaker_span, attribution.speaker
    if span is None or not speaker or any(w[0].isupper() for w in speaker.split()):
        return attribution
    article = re.search(r"\b[Tt]he\s+$", text[max(0, span.start - 6) : span.start])
    if article is None:
        return attribution
    the = max(0, span.start - 6) + article.start()
    head = speaker.split()[-1].lower()
    before = text[sentences[max(0, sentence - window)].start : the]
    if head in lex.definite_org_heads:
        bodies = _org_candidates(before, head, lex)
        if len(bodies) == 1:
            return dataclasses.replace(attribution, speaker=next(iter(bodies)))
        return attribution
    if head not in lex.unnamed_single_heads and head not in lex.titles:
        return attribution
    named, unnamed = _person_candidates(before, head, lex)
    if len(named) == 1 and not unnamed:
        return dataclasses.replace(attribution, speaker=next(iter(named)), role=attribution.role or speaker)
    if not named and unnamed:  # "the investigator wrote": the cue names the unnamed source
        return as_vague(attribution, text, Span(the, span.end))
    return attribution


def as_vague(attribution: Attribution, text: str, source: Span | None) -> Attribution:
    """``attribution`` made vague: no speaker, and its cue widened over the unnamed ``source`` ("They contend")."""
    cue_span = attribution.cue_span
    if cue_span is not None and source is not None:
        cue_span = Span(min(source.start, cue_span.start), max(source.end, cue_span.end))
    return dataclasses.replace(
        attribution,
        kind="vague",
        speaker=None,
        speaker_span=None,
        cue=cue_span.slice(text) if cue_span is not None else attribution.cue,
        cue_span=cue_span,
    )
