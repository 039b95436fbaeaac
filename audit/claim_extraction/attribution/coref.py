"""Short references to speakers resolved to the full name, within one article.

- A lone surname ("Weil", "Zheng") becomes the one full name earlier in the article that ends with it
  ("Klaus Weil", "Professor Yang Zheng" -> "Yang Zheng"); two different full names with that surname are
  an ambiguous pair and the surname stays as it is. The role given with the full name carries over.
- "he"/"she" becomes the one person who spoke in the previous ``_WINDOW`` sentences; when several
  did, the one who spoke alone in the sentence just before ("Ana Cruz … says … “…,” she says");
  otherwise the pronoun stays. A person the article calls "Mr." is never "she" (nor "Ms." "he").
  Coordinated speakers ("Mr. Smith and Ms. Jones said") count as each of their persons.
- "they" takes the previous group source of its own or the previous sentence: a vague group ("Supporters argue … They contend")
  keeps the sentence vague; a named group gives its name.
- A definite lower-case source ("the company said", "the senator said", "the investigator wrote") takes
  the one body or person of that kind named in the window, or stays unnamed (vague) after an unnamed
  introduction ("an internal company fraud investigator"): :mod:`audit.claim_extraction.attribution.definite`.

Why here and not in the parser: resolution needs the whole article's history, the parser sees one
sentence. Deterministic and local: nothing outside the article is consulted.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from audit.claim_extraction.attribution.definite import as_vague, resolve_definite
from audit.claim_extraction.attribution.lexicon import Lexicon, is_possessive
from audit.model import Attribution, Span

_WINDOW = 3
_PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
_GROUP_PRONOUNS = frozenset({"they"})
_NAME_WORD = r"[A-Z][\w’'\-]+"


def _is_person_name(speaker: str | None, lex: Lexicon) -> bool:
    if not speaker:
        return False
    words = speaker.split()
    return 1 <= len(words) <= 4 and all(
        w[0].isupper() and w.lower() not in lex.org_words and w.lower() not in lex.titles for w in words
    )


def _persons(speaker: str | None, lex: Lexicon) -> list[str]:
    """The person names of a speaker: itself, or each of coordinated names ("Mr. Smith and Ms. Jones")."""
    parts = speaker.split(" and ") if speaker else []
    return parts if parts and all(_is_person_name(part, lex) for part in parts) else []


def full_name(text: str, surname: str, before: int, lex: Lexicon) -> str | None:
    """The one full name ending with ``surname`` in ``text[:before]``; None when none or ambiguous."""
    pattern = re.compile(rf"((?:{_NAME_WORD}\s+){{1,3}}){re.escape(surname)}\b(?![’']?\s*[A-Z][a-z])")
    names: set[str] = set()
    for match in pattern.finditer(text, 0, before):
        words = match.group(1).split()
        while words and (words[0].lower() in lex.titles or words[0].lower() in lex.org_words):
            words.pop(0)
        if words and all(
            w.lower() not in lex.titles
            and w.lower() not in lex.org_words
            and w.lower() not in lex.not_name_words
            and not is_possessive(w)
            for w in words
        ):
            names.add(" ".join([*words, surname]))
    return next(iter(names)) if len(names) == 1 else None


_FEMALE = re.compile(r"\b(?:Ms|Mrs)\.?\s+$")
_MALE = re.compile(r"\bMr\.?\s+$")


def _gender_clash(text: str, pronoun: str, name: str, before: int) -> bool:
    """Does the article call ``name`` "Mr." when the pronoun is "she" (or "Ms."/"Mrs." for "he")?"""
    surname = name.split()[-1]
    wrong = _MALE if pronoun in {"she", "her"} else _FEMALE
    return any(
        wrong.search(text, max(0, m.start() - 6), m.start())
        for m in re.finditer(rf"\b{re.escape(surname)}\b", text[:before])
    )


def _other_person_before(text: str, name: str, start: int, end: int, lex: Lexicon) -> bool:
    """Is another person of the article named in ``text[start:end]`` (outside quotes), between the
    speaker ``name`` and the pronoun? Then the pronoun may well refer to that person."""
    outside = re.sub(r"[“\"][^”\"]*[”\"]", lambda m: " " * len(m.group()), text[start:end])
    for match in re.finditer(_NAME_WORD, outside):
        word = re.sub(r"[’']s$", "", match.group())
        if word in name.split() or word.lower() in lex.not_name_words:
            continue
        other = full_name(text, word, start + match.end(), lex)
        if other is not None and other != name:
            return True
    return False


def _pronoun_antecedent(
    text: str,
    pronoun: str,
    window: Sequence[Attribution],
    sentences_of: Sequence[int],
    sentence: int,
    lex: Lexicon,
) -> str | None:
    """The person a "he"/"she" of sentence ``sentence`` refers to, from the speakers of ``window``.

    The one person who spoke in the window; else, when several did, the one who spoke alone in the
    sentence just before (or earlier in this one): "Ana Cruz … says … “…,” she says." Never a person
    the article calls "Mr." for "she" (or "Ms."/"Mrs." for "he")."""
    before = len(text)
    spoken = [
        (owner, name)
        for a, owner in zip(window, sentences_of, strict=True)
        if a.kind in {"direct_quote", "reported"}
        for name in _persons(a.speaker, lex)
        if not _gender_clash(text, pronoun, name, before)
    ]
    persons = {name for _, name in spoken}
    if len(persons) == 1:
        return next(iter(persons))
    if not spoken:
        return None
    last_sentence = spoken[-1][0]
    latest = {name for owner, name in spoken if owner == last_sentence}
    if last_sentence >= sentence - 1 and len(latest) == 1:
        return next(iter(latest))
    return None


def resolve(
    text: str,
    sentences: Sequence[Span],
    attributions: Sequence[Attribution],
    lex: Lexicon,
    sentence_of: Sequence[int] | None = None,
) -> list[Attribution]:
    """The attributions with short speaker references replaced by full names where unambiguous.

    ``attributions`` are in text order; ``sentence_of[k]`` is the index of the sentence attribution ``k``
    belongs to (by default ``k``: one attribution per sentence). The window of a pronoun is every earlier
    attribution of the previous ``_WINDOW`` sentences and of its own sentence.
    """
    owner = list(sentence_of) if sentence_of is not None else list(range(len(attributions)))
    result: list[Attribution] = []
    roles: dict[str, str] = {}
    for index, attribution in enumerate(attributions):
        sentence = owner[index]
        low_index = index
        while low_index > 0 and owner[low_index - 1] >= sentence - _WINDOW:
            low_index -= 1
        speaker = attribution.speaker
        low = speaker.lower() if speaker else ""
        if speaker and low in _PERSON_PRONOUNS:
            name = _pronoun_antecedent(
                text, low, result[low_index:index], owner[low_index:index], sentence, lex
            )
            pronoun_at = (
                attribution.speaker_span.start if attribution.speaker_span else sentences[sentence].start
            )
            if name is not None and _other_person_before(
                text, name, sentences[sentence].start, pronoun_at, lex
            ):
                name = None  # "Shenefield doesn't like either, but she believes …": not the last speaker
            if name is not None:
                attribution = dataclasses.replace(
                    attribution, speaker=name, role=attribution.role or roles.get(name)
                )
        elif speaker and low in _GROUP_PRONOUNS:
            for previous, prev_raw, prev_sentence in zip(
                reversed(result[low_index:index]),
                reversed(attributions[low_index:index]),
                reversed(owner[low_index:index]),
                strict=True,
            ):
                if prev_sentence < sentence - 1:
                    break  # a sentence between has a subject of its own ("But F.B.I. agents … They")
                if previous.kind == "vague" and prev_raw.speaker is None:  # "They contend": the pronoun too
                    attribution = as_vague(attribution, text, attribution.speaker_span)
                    break
                if (
                    previous.speaker
                    and previous.speaker.lower() not in lex.pronouns
                    and not _is_person_name(previous.speaker, lex)
                ):  # a named group ("F.B.I. agents … They acknowledge"), never another pronoun
                    attribution = dataclasses.replace(attribution, speaker=previous.speaker)
                    break
        elif speaker and len(speaker.split()) == 1 and _is_person_name(speaker, lex):
            start = attribution.speaker_span.start if attribution.speaker_span else sentences[sentence].start
            name = full_name(text, speaker, start, lex)
            if name is not None:
                attribution = dataclasses.replace(
                    attribution, speaker=name, role=attribution.role or roles.get(name)
                )
        elif speaker and speaker.islower():  # "the company said", "the investigator wrote"
            attribution = resolve_definite(text, sentences, sentence, attribution, _WINDOW, lex)
        if attribution.speaker and attribution.role and attribution.speaker not in roles:
            roles[attribution.speaker] = attribution.role
        result.append(attribution)
    return result
