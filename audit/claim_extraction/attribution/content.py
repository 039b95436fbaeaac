"""Where an attribution's reported content lies after its cue (``audit.claim_extraction.attribution.cues``).

After a reporting verb the content may follow at once ("said the deal was dead"), after "that" or a colon,
after an object or a prepositional phrase and "that" ("told reporters that", "said in a statement that"),
after a time ("reported Sunday that", "announced on Monday she …"), or as a to-infinitive for pledges ("vowed
to honor the accord"). Nothing is reported after the cue when only a time, a listener, a new clause or a
prepositional phrase with no "that" follows ("…, she said in a statement."): the content is then before the cue.
"""

from __future__ import annotations

from collections.abc import Sequence

from audit.claim_extraction.attribution.lexicon import Lexicon, Tok
from audit.model import Span

_END_PUNCT = ".!?;:,\"'“”‘’»« \n\t"


def trim(text: str, start: int, end: int) -> Span | None:
    """``[start, end)`` without surrounding punctuation and spaces; None when nothing is left."""
    while start < end and text[start] in _END_PUNCT:
        start += 1
    while end > start and text[end - 1] in _END_PUNCT:
        end -= 1
    return Span(start, end) if end > start else None


def match_phrase(toks: Sequence[Tok], i: int, phrases: dict[int, frozenset[tuple[str, ...]]]) -> int:
    """Length (in tokens) of the longest lexicon phrase starting at token ``i``; 0 when none."""
    for length in sorted(phrases, reverse=True):
        words = tuple(t.low for t in toks[i : i + length])
        if len(words) == length and words in phrases[length]:
            return length
    return 0


def nothing_reported(toks: Sequence[Tok], k: int, lex: Lexicon) -> bool:
    """Do the tokens from ``k`` on report nothing? A time alone ("said Sunday", "reported in 2007"), or
    a time and then a new clause after a comma (", although …", ", adding …", ", raising her voice")?
    Then the content, if any, is before the cue."""
    while k < len(toks) and (toks[k].low in lex.time_words or toks[k].text[0].isdigit()):
        k += 1
    if k >= len(toks) or toks[k].text in {".", "!", "?"}:
        return True
    if toks[k].text != "," or k + 1 >= len(toks):
        return False
    following = toks[k + 1]
    return following.low in lex.after_cue_stoppers or (not following.cap and following.low.endswith("ing"))


_QUESTION_WORDS = frozenset({"how", "whether", "why"})


def that_ahead(toks: Sequence[Tok], j: int, lex: Lexicon) -> int | None:
    """The "that" a few words after the verb at ``j`` ("told supporters that", "said in a statement
    that"): only after an object verb or a preposition, and never across punctuation."""
    if j + 1 >= len(toks) or not (toks[j].low in lex.object_verbs or toks[j + 1].low in lex.cue_prepositions):
        return None
    for k in range(j + 1, min(j + 10, len(toks))):
        if toks[k].low == "that" or (toks[k].low in _QUESTION_WORDS and k > j + 1):
            return k  # "said in a statement that …", "described in the memo how …"
        if not toks[k].text[0].isalnum():
            return None
    return None


_DETERMINERS = frozenset({"a", "an", "the", "his", "her", "their", "its", "our", "my", "this", "that"})


def infinitive(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    """Is the verb at ``j`` a pledge or claim whose content is a to-infinitive ("vowed to honor the
    accord", "has promised to cut taxes")?"""
    return (
        toks[j].low in lex.infinitive_cues
        and j + 2 < len(toks)
        and toks[j + 1].low == "to"
        and toks[j + 2].text[0].isalpha()
        and not toks[j + 2].cap
        and toks[j + 2].low not in _DETERMINERS
    )


def after_time(toks: Sequence[Tok], j: int, lex: Lexicon) -> int | None:
    """The token that opens a reported clause after a time phrase following the verb at ``j``
    ("announced on Monday *she* was …", "said in 2007 *the* company …"); None when none does."""
    k = j + 1
    while k < len(toks) and (toks[k].low in lex.time_words or toks[k].text[0].isdigit()):
        k += 1
    if k - j < 3 or k >= len(toks):
        return None  # a preposition and at least one more word of time
    if toks[k].low in lex.that_words and toks[k].text[0].isalpha():
        return k
    if toks[k - 1].low in {"the", "a"} or not toks[k].cap or toks[k].low in lex.time_words:
        return None
    return k


_LISTENERS = frozenset({"me", "us", "him", "her", "them", "you"})


def listener_pronoun(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    """Is the word after an object verb at ``j`` a listener pronoun followed by the clause told ("told
    me they would", "tells us the plan")? Not "told her story", where "her" is a determiner."""
    if toks[j].low not in lex.object_verbs or j + 2 >= len(toks) or toks[j + 1].low not in _LISTENERS:
        return False
    following = toks[j + 2]
    if toks[j + 1].low == "her":
        return following.low in lex.pronouns or following.low in {"the", "a", "an", "it", "there"}
    return following.text[0].isalnum()


def only_listener(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    """Does only the listener follow a verb like "told" ("…,” she told reporters on Monday.")?"""
    if toks[j].low not in lex.object_verbs:
        return False
    k = j + 1
    while k < len(toks) and lex.np_word(toks[k]) and toks[k].low not in lex.time_words:
        k += 1
    return k > j + 1 and nothing_reported(toks, k, lex)


def leads_elsewhere(toks: Sequence[Tok], j: int, lex: Lexicon) -> bool:
    """Does a prepositional phrase follow the verb at ``j`` and run on past the clause with no "that"
    ("wrote to the State Department seeking approval", "reports for the Daily News; …")? A phrase that
    ends the sentence ("…, she said in a statement.") leaves the content before the verb."""
    if (
        j + 1 >= len(toks)
        or toks[j + 1].low not in lex.cue_prepositions
        or that_ahead(toks, j, lex)
        or infinitive(toks, j, lex)
        or after_time(toks, j, lex) is not None
    ):
        return False
    k = j + 2
    while k < len(toks) and toks[k].text not in {".", "!", "?", ",", ";", "—"}:
        k += 1
    return (k < len(toks) and toks[k].text in {";", "—"}) or k - j > 8


def content_after(text: str, toks: Sequence[Tok], j: int, sentence: Span, lex: Lexicon) -> Span | None:
    """The reported content after the cue ending at token ``j``: skips "that", ":" and "," (and an object
    or a prepositional phrase before "that"). None when nothing is reported after the cue: only a time
    or a new clause follows, or a prepositional phrase with no "that" ("said in a statement.", "wrote to
    the State Department seeking …")."""
    if nothing_reported(toks, j + 1, lex) or only_listener(toks, j, lex):
        return None
    if infinitive(toks, j, lex):  # "vowed to honor the accord": the content keeps its "to"
        return trim(text, toks[j + 1].start, sentence.end)
    k = that_ahead(toks, j, lex)
    if k is None:  # "reported Sunday that …"
        t = j + 1
        while t < len(toks) and (toks[t].low in lex.time_words or toks[t].text[0].isdigit()):
            t += 1
        if t > j + 1 and t < len(toks) and toks[t].low == "that":
            k = t
    if k is None and j + 1 < len(toks) and toks[j + 1].low in lex.cue_prepositions:
        k = after_time(toks, j, lex)  # "announced on Monday she was …"
        if k is None:
            return None  # "wrote to the State Department seeking …", "said in a statement."
    if k is None and listener_pronoun(toks, j, lex):
        k = j + 2  # "tell me they'd be in jail": the listener is not reported
    k = j + 1 if k is None else k
    while k < len(toks) and toks[k].low in {"that", ":", ",", "—"}:
        k += 1
    if k >= len(toks):
        return None
    return trim(text, toks[k].start, _second_predicate(toks, k, sentence.end))


_LINKS = frozenset({"but", "and"})
_AUXILIARIES = frozenset({"has", "have", "had", "is", "was", "will", "would"})


def _second_predicate(toks: Sequence[Tok], k: int, end: int) -> int:
    """Where a content from token ``k`` ends: before ", but has …" / ", and was …", a second predicate of
    the cue's subject with no subject of its own ("Garner endorsed Sanders, but has recently shown support
    for Stein"); else at ``end``."""
    for t in range(k + 1, len(toks) - 2):
        if toks[t].text == "," and toks[t + 1].low in _LINKS and toks[t + 2].low in _AUXILIARIES:
            return toks[t].start
    return end
