"""The clause a date sits in: its tense, its main verb, the named participants and the event kind.

The date resolver (``audit.claim_extraction.dates.mentions``) needs the tense to place a bare weekday or month ("on Thursday" in a
past-tense clause is the Thursday before publication; "will meet in June" is the coming June), and the
misdating and cross-source checks compare dates by the event they are attached to (``EventRef``):
"Trump's call to Putin on 18 February 2025" and "on February 12, when Trump and Putin held a 90-minute
phone call" both describe a "call" between Trump and Putin.

There is no parser here, only a careful lexicon walk (``audit/data/date_events.json``):

1. the sentence around the date is cut into comma/semicolon segments; a date followed by ", when ..."
   belongs to the when-clause;
2. the tense is that of the nearest tense cue ("will", "plans to", "said", "has met", a past "-ed"
   verb...), each segment boundary crossed counting as three words of distance;
3. the event kind is the nearest event-kind word by the same distance, the verb the nearest verb;
4. the participants are the capitalised name sequences of the date's own segment (or of the segments
   up to the verb when the date's segment names nobody), with titles ("Russian President") removed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from audit.data import settings
from audit.model import EventRef, Span

SEGMENT_PENALTY = 3  # distance, in words, added for each clause boundary between a cue and the date

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'.\-]*[A-Za-z]\.?|[A-Za-z]\.?|\d[\d,.:]*\d|\d|[,;:—–]")
SENTENCE_END = re.compile(r"[.!?][\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n")
ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.)+|\b(?:Mr|Mrs|Ms|Dr|St|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Gen|Gov|Sen"
    r"|Rep|Lt|Col|No|Inc|Corp|Co|Ltd|vs|Jr|Sr)\.)$"
)
_ABBREVIATION_REACH = 8  # longer than any word abbreviation above; a run of initials matches by its last


@dataclass(frozen=True, slots=True)
class _Token:
    text: str
    lower: str
    start: int
    end: int
    segment: int


@dataclass(frozen=True, slots=True)
class Clause:
    """What the clause around one date says: tense, main verb, participants and event kind."""

    tense: str | None
    event: EventRef | None
    span: Span


@dataclass(frozen=True, slots=True)
class EventLexicon:
    """Tense cues and event kinds of ``audit/data/date_events.json``."""

    future_cues: list[str]
    present_cues: list[str]
    past_cues: list[str]
    perfect_auxiliaries: list[str]
    not_past_ed: list[str]
    event_kinds: dict[str, list[str]]
    name_stopwords: list[str]
    title_words: list[str]
    past_participles: list[str]
    title_modifiers: list[str]


@cache
def _lexicon() -> EventLexicon:
    return settings("date_events", EventLexicon)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence (or line) around ``[start, end)``; abbreviations ("U.S.", "Feb.") do not end one."""
    left = 0
    for match in SENTENCE_END.finditer(text, 0, start):
        if match.group(0) != "\n" and _abbreviation_ends(text, match.start() + 1):
            continue
        left = match.end()
    right = len(text)
    for match in SENTENCE_END.finditer(text, end):
        if match.group(0) != "\n" and _abbreviation_ends(text, match.start() + 1):
            continue
        right = match.start() + 1 if match.group(0) != "\n" else match.start()
        break
    return left, right


def _abbreviation_ends(text: str, stop: int) -> bool:
    """Whether an abbreviation ends at ``stop``. The search looks back a few characters only (``\\b`` still
    sees the character before the window); searching from the text's start made every date of a long
    article cost a pass over the whole text per sentence end before it (80 s on one 200-date page)."""
    return ABBREVIATION.search(text, max(0, stop - _ABBREVIATION_REACH), stop) is not None


def _tokens(text: str, left: int, right: int) -> list[_Token]:
    tokens: list[_Token] = []
    segment = 0
    for match in _TOKEN.finditer(text, left, right):
        word = match.group(0)
        if word in ",;:—–":
            segment += 1
            continue
        if word.lower() == "when" and tokens and tokens[-1].segment == segment:
            segment += 1  # "on February 12 when Trump and Putin held..." starts a new clause
        tokens.append(_Token(word, word.lower().rstrip("."), match.start(), match.end(), segment))
    return tokens


def _phrases(tokens: list[_Token], phrases: list[str]) -> list[tuple[int, int, str]]:
    """(first token, last token, phrase) for every occurrence of the lexicon phrases, longest first."""
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for phrase in sorted(phrases, key=lambda p: -len(p.split())):
        words = phrase.split()
        for i in range(len(tokens) - len(words) + 1):
            if any(i + k in taken for k in range(len(words))):
                continue
            if all(tokens[i + k].lower == words[k] for k in range(len(words))):
                found.append((i, i + len(words) - 1, phrase))
                taken.update(range(i, i + len(words)))
    return found


def _distance(tokens: list[_Token], first: int, last: int, date_lo: int, date_hi: int) -> int:
    if last < date_lo:
        gap, boundaries = date_lo - last, tokens[date_lo].segment - tokens[last].segment
    elif first > date_hi:
        gap, boundaries = first - date_hi, tokens[first].segment - tokens[date_hi].segment
    else:
        return 0
    return gap + SEGMENT_PENALTY * boundaries


def _is_past_ed(word: str) -> bool:
    lex = _lexicon()
    return len(word) > 4 and word.endswith("ed") and word not in lex.not_past_ed


def _tense_cues(tokens: list[_Token], outside: set[int]) -> list[tuple[int, int, str]]:
    lex = _lexicon()
    cues: list[tuple[int, int, str]] = []
    for first, last, _ in _phrases(tokens, lex.future_cues):
        if first in outside:
            cues.append((first, last, "future"))
    participles = set(lex.past_participles)
    for i, token in enumerate(tokens):
        if i not in outside:
            continue
        word = token.lower
        following = [t.lower for t in tokens[i + 1 : i + 3]]
        perfect = word in lex.perfect_auxiliaries and any(
            w in participles or _is_past_ed(w) for w in following
        )
        if perfect or word in lex.past_cues or (_is_past_ed(word) and token.text[0].islower()):
            cues.append((i, i, "past"))
        elif word in lex.present_cues:
            cues.append((i, i, "present"))
    return cues


def _nearest(
    hits: list[tuple[int, int, str]], tokens: list[_Token], date_lo: int, date_hi: int
) -> tuple[int, int, str] | None:
    """The hit closest to the date; on a tie a future cue wins (it is an auxiliary: "will meet on")."""
    if not hits:
        return None
    rank = {"future": 0, "past": 1, "present": 2}
    return min(hits, key=lambda h: (_distance(tokens, h[0], h[1], date_lo, date_hi), rank.get(h[2], 3), h[0]))


def _verb(tokens: list[_Token], outside: set[int], date_lo: int, date_hi: int) -> tuple[int, str] | None:
    lex = _lexicon()
    auxiliaries = {"will", "would", "shall", "is", "are", "was", "were", "has", "have", "had", "did", "to"}
    kind_words = {w for words in lex.event_kinds.values() for w in words if " " not in w}
    hits: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        word = token.lower
        if i not in outside or word in auxiliaries or not token.text[0].islower():
            continue
        after_aux = i > 0 and tokens[i - 1].lower in {"will", "would", "to", "shall", "did"}
        is_verb = word in lex.past_cues or _is_past_ed(word) or word in lex.past_participles
        if is_verb or after_aux or (word in kind_words and word.endswith(("ed", "s")) and word != "talks"):
            hits.append((i, i, word))
    hit = _nearest(hits, tokens, date_lo, date_hi)
    return (hit[0], hit[2]) if hit else None


def _kind(tokens: list[_Token], outside: set[int], date_lo: int, date_hi: int) -> str | None:
    lex = _lexicon()
    by_phrase = {phrase: kind for kind, phrases in lex.event_kinds.items() for phrase in phrases}
    hits = [(f, la, by_phrase[p]) for f, la, p in _phrases(tokens, list(by_phrase)) if f in outside]
    hit = _nearest(hits, tokens, date_lo, date_hi)
    return hit[2] if hit else None


def _names(tokens: list[_Token], indices: range, outside: set[int]) -> list[str]:
    """Capitalised name sequences ("Vladimir Putin", "Saudi Arabia") without titles or possessives."""
    lex = _lexicon()
    stop, titles, modifiers = set(lex.name_stopwords), set(lex.title_words), set(lex.title_modifiers)
    names: list[str] = []
    run: list[str] = []

    def flush() -> None:
        words = list(run)
        if any(w.rstrip(".") in titles for w in words):  # drop the leading "Russian President"
            while words and (words[0].rstrip(".") in titles or words[0] in modifiers):
                words.pop(0)
        while words and words[-1] == "of":
            words.pop()
        if words and words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 2:
            words[-1] = words[-1][:-1]  # the full stop of "Europe." is not part of the name
        if words and not all(w.rstrip(".") in titles or w in modifiers for w in words):
            name = " ".join(words)
            if name not in names:
                names.append(name)
        run.clear()

    previous_segment = None
    for i in indices:
        token = tokens[i]
        word = re.sub(r"[’']s$", "", token.text)
        starts_sentence = i == 0
        capitalised = word[0].isupper() and i in outside
        if previous_segment is not None and token.segment != previous_segment:
            flush()
        previous_segment = token.segment
        if capitalised and not (starts_sentence and word in stop) and word not in stop:
            run.append(word)
            if word != token.text:  # a possessive ends the name
                flush()
        elif word == "of" and run:
            run.append(word)
        else:
            flush()
    flush()
    return names


def analyse_clause(text: str, span: Span, date_spans: list[Span]) -> Clause:
    """Tense, verb, participants and kind of the clause holding the date at ``span``.

    ``date_spans`` are every date of the text: their words are not cues, verbs or names.
    """
    left, right = sentence_bounds(text, span.start, span.end)
    tokens = _tokens(text, left, right)
    inside = [i for i, t in enumerate(tokens) if t.start < span.end and t.end > span.start]
    if not inside:
        return Clause(None, None, Span(left, right))
    date_lo, date_hi = inside[0], inside[-1]
    outside = {
        i for i, t in enumerate(tokens) if not any(t.start < d.end and t.end > d.start for d in date_spans)
    }
    segment = tokens[date_lo].segment
    if date_hi + 1 < len(tokens) and tokens[date_hi + 1].lower == "when":
        when = tokens[date_hi + 1].segment  # "on February 12, when Trump and Putin held a call"
        clause = {i for i in outside if tokens[i].segment == when}
        if _verb(tokens, clause, date_lo, date_hi) is not None:
            outside, segment = clause, when
    cue = _nearest(_tense_cues(tokens, outside), tokens, date_lo, date_hi)
    tense = cue[2] if cue else None
    verb = _verb(tokens, outside, date_lo, date_hi)
    kind = _kind(tokens, outside, date_lo, date_hi)
    own = range(
        min(i for i, t in enumerate(tokens) if t.segment == segment),
        max(i for i, t in enumerate(tokens) if t.segment == segment) + 1,
    )
    participants = _names(tokens, own, outside)
    if not participants and verb is not None:
        lo, hi = min(own.start, verb[0]), max(own.stop, verb[0] + 1)
        participants = _names(tokens, range(lo, hi), outside)
    event = None
    if verb or kind or participants:
        event = EventRef(verb=verb[1] if verb else None, participants=tuple(participants), kind=kind)
    return Clause(tense, event, Span(left, right))
