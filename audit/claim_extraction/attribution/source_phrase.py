"""The source noun phrase of an attribution: who it is, and what kind of source that is.

Given the tokens of a sentence and the position of a reporting verb, find the noun phrase that is its
subject ("Klaus Weil, a professor at the London School of Economics," / "Chinese Foreign Ministry
spokesperson Lin Jian" / "A report by the U.S. Council on Foreign Relations" / "Some experts") and split
it into the speaker's name, the role (title before the name, affiliation after it, or an appositive) and
the kind of source: a named ``person``, a named ``org``/group, an unnamed ``vague`` group, a ``pronoun``
(resolved later by :mod:`audit.claim_extraction.attribution.coref`), the author (``first``) or not a source (``thing``).

Rule-based on purpose: capitalisation plus small word lists from ``audit/data/attribution.json``, so
every decision can be traced to a lexicon entry. Deterministic.
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
from audit.claim_extraction.attribution.spokesperson import SPEAKS_FOR, spokesperson_of
from audit.model import Span

_AFFILIATION = frozenset({"of", "at", "from"})
_DOC_LINK = frozenset({"by", "from", "of"})
_POSSESSIVES = frozenset({"his", "her", "its", "their", "our", "my", "your"})
CALENDAR = frozenset(  # month and day names: "a June 2011 memo" is no memo by June
    {"january", "february", "march", "april", "june", "july", "august", "september", "october"}
    | {"november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct"}
    | {"nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A source noun phrase: tokens ``first..last`` of the sentence, classified."""

    first: int
    last: int
    start: int
    end: int
    kind: str  # person | org | vague | pronoun | group | first | thing
    speaker: str | None
    speaker_span: Span | None
    role: str | None = None
    document: bool = False


def _name_run(toks: Sequence[Tok], lex: Lexicon, sentence_initial: bool) -> tuple[int, int] | None:
    """The first run of capitalised tokens that names a person (not a title, organisation or modifier)."""

    def nameish(k: int) -> bool:
        tok = toks[k]
        low = strip_possessive(tok.low)
        if not (tok.cap and tok.text[0].isalpha()) or low in lex.titles or low in lex.org_words:
            return False
        if low in lex.vague_heads or low in lex.vague_quantifiers or low in lex.document_nouns:
            return False
        return not (k == 0 and sentence_initial and (low in lex.source_nouns or low in lex.np_modifiers))

    k = 0
    while k < len(toks):
        if not nameish(k):
            k += 1
            continue
        end = k
        while end + 1 < len(toks) and not is_possessive(toks[end].text):
            if nameish(end + 1):
                end += 1
            elif _ampersand(toks, end + 1) and end + 2 < len(toks) and nameish(end + 2):
                end += 2  # "Johnson & Johnson"
            else:
                break
        following = toks[end + 1] if end + 1 < len(toks) else None
        if (following is None or following.low in _AFFILIATION or following.text == ",") and end - k < 4:
            return k, end
        k = end + 1
    return None


def _coordinated(words: Sequence[Tok], a: int) -> int:
    """Where the name run at ``a`` starts once coordinated names before it are joined to it: "*Exxon
    Mobil and* Chevron", "*Senator Smith and* Senator Jones" (one speaker, as "NBC News and ABC News")."""

    def part(k: int) -> bool:  # a capitalised word, or the "&" of "Johnson & Johnson"
        return _ampersand(words, k) or (words[k].cap and words[k].low not in DETERMINERS)

    c = a - 1
    while c >= 0 and part(c):
        c -= 1  # "Senator" of "and Senator Jones"
    if c < 1 or words[c].low != "and" or not words[c - 1].cap or words[c - 1].low in DETERMINERS:
        return a
    start = c - 1
    while start > 0 and part(start - 1):
        start -= 1
    return start


def classify(
    toks: Sequence[Tok], first: int, last: int, lex: Lexicon, role: str | None = None, document: bool = False
) -> NounPhrase:
    """Classify the noun phrase ``toks[first..last]`` (see the module docstring)."""
    words = list(toks[first : last + 1])
    start, end = words[0].start, words[-1].end
    if len(words) == 1 and words[0].low in lex.pronouns:
        kind = lex.pronouns[words[0].low]
        kind = "pronoun" if kind == "person" else kind
        return NounPhrase(first, last, start, end, kind, words[0].text, words[0].span, role)
    if words[0].low in lex.not_sources and len(words) == 1:
        return NounPhrase(first, last, start, end, "thing", None, None)
    head = strip_possessive(words[-1].low)
    if head in lex.document_nouns and (not words[-1].cap or len(words) == 1):
        document = True
        named = [
            w
            for w in words[:-1]
            if w.cap
            and w.low not in DETERMINERS
            and w.low not in lex.vague_quantifiers
            and w.low not in CALENDAR  # "a June 2011 memo" is no memo by June
        ]
        owner = [
            n
            for n, w in enumerate(words[:-1])
            if is_possessive(w.text) and strip_possessive(w.low) in lex.source_nouns
        ]
        if not named and owner:  # "the transit authority's annual report": the authority is the source
            source = [w for w in words[: owner[-1] + 1] if w.low not in DETERMINERS]
            speaker = strip_possessive(tokens_text(source))
            return NounPhrase(
                first, last, start, end, "org", speaker, Span(source[0].start, source[-1].end), role, True
            )
        if not named:
            return NounPhrase(first, last, start, end, "vague", None, None, role, True)
        source = words[words.index(named[0]) : words.index(named[-1]) + 1]  # not "internal", "tracking"
        speaker = strip_possessive(tokens_text(source))
        return NounPhrase(
            first, last, start, end, "org", speaker, Span(source[0].start, source[-1].end), role, True
        )
    spokes = spokesperson_of(words, lex)
    if spokes is not None:  # "a spokeswoman for Mr. Trump", "a spokeswoman at the State Department"
        return NounPhrase(
            first, last, start, end, spokes.kind, spokes.speaker, spokes.speaker_span, role or spokes.role
        )
    if _unnamed_member(words, lex, sentence_initial=first == 0):
        return NounPhrase(first, last, start, end, "vague", None, None, role, document)
    run = _name_run(words, lex, sentence_initial=first == 0)
    if run is not None:
        a, b = _coordinated(words, run[0]), run[1]
        name = words[a : b + 1]
        pre = [w for w in words[:a] if w.low not in DETERMINERS]
        post = words[b + 1 :]
        if role is None:
            parts = [tokens_text(pre)] if pre else []
            if post:
                parts.append(tokens_text(post) if pre else tokens_text(post[1:]))
            role = " ".join(parts) or None
        speaker = strip_possessive(tokens_text(name))
        kind = "person" if b == len(words) - 1 or post else "org"
        return NounPhrase(
            first, last, start, end, kind, speaker, Span(name[0].start, name[-1].end), role, document
        )
    has_org = any(w.cap and strip_possessive(w.low) in lex.org_words for w in words)
    unnamed_people = (  # "White House officials"; not "the Justice Department and F.B.I. officials"
        not words[-1].cap and head in lex.unnamed_person_heads and all(w.low != "and" for w in words)
    )
    unnamed_single = (  # "an internal company fraud investigator", "one official": no name, no named body
        len(words) > 1
        and words[0].low in lex.unnamed_single_determiners
        and head in lex.unnamed_single_heads
        and not any(w.cap for w in words[1:])
    )
    if (
        unnamed_people
        or unnamed_single
        or (not has_org and (head in lex.vague_heads or words[0].low in lex.vague_quantifiers))
    ):
        return NounPhrase(first, last, start, end, "vague", None, None, role, document)
    if not any(w.cap and w.low not in DETERMINERS for w in words) and head not in lex.source_nouns:
        return NounPhrase(first, last, start, end, "thing", None, None)
    source = words[1:] if words[0].low in DETERMINERS and len(words) > 1 else words
    return NounPhrase(
        first,
        last,
        start,
        end,
        "org",
        strip_possessive(tokens_text(source)),
        Span(source[0].start, source[-1].end),
        role,
        document,
    )


_MEMBER_OF = frozenset({"at", "from", "in", "inside", "within", "of", "on", "to", "close"})


def _unnamed_head(low: str, lex: Lexicon) -> bool:
    return low in lex.unnamed_person_heads or low in lex.unnamed_single_heads


def _unnamed_member(words: Sequence[Tok], lex: Lexicon, sentence_initial: bool) -> bool:
    """An unnamed person or group of a named body: "officials at the Pentagon", "an official at the State
    Department", "a source at Google", "an aide to Senator Smith" (vague, like "Pentagon officials").
    Not a spokesperson, who speaks for the body on record."""
    h = next((n for n, w in enumerate(words[:-1]) if _unnamed_head(strip_possessive(w.low), lex)), None)
    if h is None:
        return False
    low = strip_possessive(words[h].low)
    if low in SPEAKS_FOR or words[h + 1].low not in _MEMBER_OF:
        return False
    capitals = [w for n, w in enumerate(words[: h + 1]) if w.cap and not (sentence_initial and n == 0)]
    return not capitals  # "Trump aides at …" mid-sentence names whose aides: left to the name rules


def _boundary_ok(toks: Sequence[Tok], b: int, lex: Lexicon) -> bool:
    """Is the token before a subject a clause boundary (so "from European allies suggest" is no subject)?"""
    if b < 0:
        return True
    tok = toks[b]
    if not tok.text[0].isalpha():
        return True
    return tok.low in lex.clause_openers or tok.low in lex.cue_adverbs or tok.cap


def _extend_left(toks: Sequence[Tok], first: int, last: int, lex: Lexicon) -> int | None:
    """Where a subject starting at ``first`` really starts: at a clause boundary, or up to three plain
    lower-case words further left when a boundary is there ("Republican *presidential* nominee Donald
    Trump told", "*disclosure* records show"); None when no boundary is near (so "from European allies
    suggest" is no subject). Words that are verbs, auxiliaries or prepositions never extend a subject,
    nor does any word before a determiner or a possessive ("Ms. Mason recalls *her editor* telling …")."""
    start = first
    while not _boundary_ok(toks, start - 1, lex):
        word = toks[start - 1]
        if (
            first - start >= 3
            or toks[start].low in DETERMINERS  # "a charge *the company* denied": another noun phrase
            or toks[start].low in _POSSESSIVES  # "recalls *her editor* telling": her opens the phrase
            or word.cap
            or word.low in lex.np_extension_blockers
            or word.low in lex.speech_verbs  # a verb ("recalls", "remembers") is never a speaker
            or word.low.endswith(("ed", "ing", "ly", "’s", "'s"))
            or not (
                lex.np_word(toks[last])
                and (toks[last].cap or toks[last].low in lex.source_nouns | lex.document_nouns)
            )
        ):
            return None
        start -= 1
    return start


def noun_phrase_ending(toks: Sequence[Tok], j: int, lex: Lexicon) -> NounPhrase | None:
    """The source noun phrase that ends at token ``j`` with no clause boundary before it: the head of a
    reduced relative ("more *polls* showing …") or of a relative clause ("*Republicans*, who say")."""
    return _antecedent(toks, j, lex)


def _indefinite_start(toks: Sequence[Tok], first: int, lex: Lexicon) -> int:
    """Where a phrase starting at ``first`` starts when "a"/"an"/"one" and up to four plain lower-case
    words precede it ("*an internal company fraud* investigator"); ``first`` when none do."""
    k = first - 1
    while k >= 0 and first - k <= 5 and toks[k].text.isalpha() and toks[k].text.islower():
        if toks[k].low in lex.unnamed_single_determiners:
            return k
        if toks[k].low in lex.np_inner or toks[k].low in lex.clause_openers or lex.adverb(toks[k]):
            break
        k -= 1
    return first


def _antecedent(toks: Sequence[Tok], j: int, lex: Lexicon) -> NounPhrase | None:
    """The noun phrase ending at ``j`` that a relative "who" after it refers to (no boundary needed:
    "scrutiny from *Republicans*, who say"); None unless it names a person, organisation or group."""
    k = j
    while k >= 0 and lex.np_word(toks[k]) and toks[k].low not in lex.pronouns and j - k < 8:
        k -= 1
    first = k + 1
    while first <= j and toks[first].low in lex.np_inner:
        first += 1
    if first > j:
        return None
    if toks[j].low in lex.unnamed_single_heads:  # "an internal company fraud investigator, who"
        first = _indefinite_start(toks, first, lex)
    phrase = classify(toks, first, j, lex)
    return phrase if phrase.kind in {"person", "org", "vague", "group"} else None


_FLOATING = frozenset({"both", "all", "each"})
_ASIDES = frozenset({"though", "however", "meanwhile", "too", "also", "instead", "moreover", "nonetheless"})


def _aside(tok: Tok, lex: Lexicon) -> bool:
    """Is one word between commas an aside, not an appositive ("officials, though, say")?"""
    return tok.low in _ASIDES


def _ampersand(toks: Sequence[Tok], k: int) -> bool:
    """An "&" between two capitalised words is part of a name: "Johnson & Johnson", "Procter & Gamble"."""
    return toks[k].text == "&" and 0 < k < len(toks) - 1 and toks[k - 1].cap and toks[k + 1].cap


def np_before(toks: Sequence[Tok], i: int, lex: Lexicon) -> NounPhrase | None:
    """The subject noun phrase that ends just before the verb at token ``i`` (adverbs skipped)."""
    j = i - 1
    while j >= 0 and lex.adverb(toks[j]) and toks[j].low not in lex.pronouns:
        j -= 1
    if j > 0 and toks[j].low in _FLOATING and lex.np_word(toks[j - 1]):
        j -= 1  # "NBC News and ABC News both reported"
    if j < 0:
        return None
    role: str | None = None
    if toks[j].text == "," and j >= 3 and toks[j - 2].text == "," and _aside(toks[j - 1], lex):
        j -= 3  # an aside between commas: "Former officials, though, say …"
        while j >= 0 and lex.adverb(toks[j]) and toks[j].low not in lex.pronouns:
            j -= 1
        if j < 0:
            return None
    if toks[j].text == ",":  # appositive: "Klaus Weil, a professor at …, elaborated"
        k = j - 1
        while k >= 0 and toks[k].text != "," and j - k < 40:
            k -= 1
        opener = toks[k + 1] if k + 1 < j else None
        if (
            k < 1
            or toks[k].text != ","
            or opener is None
            or not (opener.low in lex.appositive_openers or (opener.text.isdigit() and k + 2 == j))
        ):
            return None  # an appositive opens with "a", "who", "former" …, or is an age ("Hirth, 31,")
        segment = toks[k + 1 : j]
        # a relative clause or a participle ("writing in The Texas Observer") is no role
        role = (
            None
            if segment[0].low in {"who", "which", "whose", "writing", "speaking"}
            else tokens_text(segment)
        )
        j = k - 1
    if toks[j].low == "who" and j >= 2 and toks[j - 1].text == "," and role is None:
        return _antecedent(toks, j - 2, lex)  # "from Republicans, who say …"
    if toks[j].low in lex.pronouns:
        if not _boundary_ok(toks, j - 1, lex):
            return None
        return classify(toks, j, j, lex, role)
    k = j
    while k >= 0 and (_ampersand(toks, k) or (lex.np_word(toks[k]) and toks[k].low not in lex.pronouns)):
        k -= 1
    first = k + 1
    while first <= j and toks[first].low in lex.np_inner and toks[first].low not in DETERMINERS:
        first += 1
    if first > j:
        return None
    document = False
    if first >= 2 and toks[first - 1].low in _DOC_LINK and toks[first - 2].low in lex.document_nouns:
        doc = first - 2  # "A report by the Council …" / "Studies from U.S. think tanks"
        while doc > 0 and toks[doc - 1].low in DETERMINERS | lex.np_modifiers:
            doc -= 1
        if not _boundary_ok(toks, doc - 1, lex):
            return None
        phrase = classify(toks, first, j, lex, role, document=True)
        if phrase.kind in {"thing", "pronoun", "first"}:
            return None
        return NounPhrase(
            doc,
            j,
            toks[doc].start,
            toks[j].end,
            phrase.kind,
            phrase.speaker,
            phrase.speaker_span,
            phrase.role,
            True,
        )
    start = _extend_left(toks, first, j, lex)
    if start is None:
        return None
    return classify(toks, start, j, lex, role, document)
