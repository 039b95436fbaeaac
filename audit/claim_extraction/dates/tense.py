"""The clause a date sits in: its tense, its main verb, the named participants and the event kind.

The date resolver (``audit.claim_extraction.dates.mentions``) needs the tense to place a bare weekday or month ("on Thursday" in a
past-tense clause is the Thursday before publication; "will meet in June" is the coming June), and the
misdating and cross-source checks compare dates by the event they are attached to (``EventRef``):
"Trump's call to Putin on 18 February 2025" and "on February 12, when Trump and Putin held a 90-minute
phone call" both describe a "call" between Trump and Putin.

There is no parser here, only a careful lexicon walk (``audit/data/date_events.json``):

1. the sentence around the date (``audit.claim_extraction.dates.sentence_ends``) is cut into comma/semicolon segments; a date followed by ", when ..."
   belongs to the when-clause;
2. the tense is that of the nearest tense cue ("will", "plans to", "said", "has met", a past "-ed"
   verb...), each segment boundary crossed counting as three words of distance;
3. the event kind is the nearest event-kind word by the same distance, the verb the nearest verb;
4. the participants are the capitalised name sequences of the date's own segment (or of the segments
   up to the verb when the date's segment names nobody), with titles ("Russian President") removed.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import cache

from audit.claim_extraction.dates.sentence_ends import sentence_bounds
from audit.data import settings
from audit.model import EventRef, Span

SEGMENT_PENALTY = 3  # distance, in words, added for each clause boundary between a cue and the date
_Hit = tuple[int, int, str]  # first token, last token, and the cue, verb or kind

_TOKEN = re.compile(r"[A-Za-z][A-Za-z’'.\-]*[A-Za-z]\.?|[A-Za-z]\.?|\d[\d,.:]*\d|\d|[,;:—–]")


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


@cache
def _table(name: str) -> tuple[tuple[tuple[str, tuple[str, ...]], ...], dict[str, list[int]]]:
    """The phrases of a lexicon list ("future_cues", or "event_kinds" for every kind's), longest first and split,
    with where in that order the phrases starting with each word are."""
    lex = _lexicon()
    phrases = lex.future_cues if name == "future_cues" else [p for ps in lex.event_kinds.values() for p in ps]
    ordered = tuple(
        (p, tuple(p.split())) for p in sorted(dict.fromkeys(phrases), key=lambda p: -len(p.split()))
    )
    by_first: dict[str, list[int]] = {}
    for index, (_, words) in enumerate(ordered):
        by_first.setdefault(words[0], []).append(index)
    return ordered, by_first


@cache
def _kind_of_phrase() -> dict[str, str]:
    return {phrase: kind for kind, phrases in _lexicon().event_kinds.items() for phrase in phrases}


@cache
def _kind_words() -> frozenset[str]:
    return frozenset(w for words in _lexicon().event_kinds.values() for w in words if " " not in w)


def _phrases(tokens: list[_Token], table: str) -> list[tuple[int, int, str]]:
    """(first token, last token, phrase) for every occurrence of the phrases of ``_table(table)``, longest first."""
    at: dict[str, list[int]] = {}  # where each word occurs: a phrase is tried only where its first word is
    for i, token in enumerate(tokens):
        at.setdefault(token.lower, []).append(i)
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    ordered, by_first = _table(table)
    for index in sorted(index for word in at for index in by_first.get(word, ())):
        phrase, words = ordered[index]
        for i in at[words[0]]:
            if i + len(words) > len(tokens) or any(i + k in taken for k in range(len(words))):
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
    for first, last, _ in _phrases(tokens, "future_cues"):
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


def _verb_hits(tokens: list[_Token], outside: set[int]) -> list[tuple[int, int, str]]:
    lex = _lexicon()
    auxiliaries = {"will", "would", "shall", "is", "are", "was", "were", "has", "have", "had", "did", "to"}
    kind_words = _kind_words()
    hits: list[tuple[int, int, str]] = []
    for i, token in enumerate(tokens):
        word = token.lower
        if i not in outside or word in auxiliaries or not token.text[0].islower():
            continue
        after_aux = i > 0 and tokens[i - 1].lower in {"will", "would", "to", "shall", "did"}
        is_verb = word in lex.past_cues or _is_past_ed(word) or word in lex.past_participles
        if is_verb or after_aux or (word in kind_words and word.endswith(("ed", "s")) and word != "talks"):
            hits.append((i, i, word))
    return hits


def _kind_hits(tokens: list[_Token], outside: set[int]) -> list[tuple[int, int, str]]:
    by_phrase = _kind_of_phrase()
    return [(f, la, by_phrase[p]) for f, la, p in _phrases(tokens, "event_kinds") if f in outside]


class _Runs:
    """The runs of capitalised words of a sentence (with "of" inside: "Bank of England"), each with its tokens,
    so the names of any range of tokens are read off the runs it overlaps instead of walking the range."""

    def __init__(self, tokens: list[_Token], outside: set[int]) -> None:
        stop = set(_lexicon().name_stopwords)
        self.runs: list[list[tuple[int, str]]] = []
        run: list[tuple[int, str]] = []
        previous_segment = None
        for i, token in enumerate(tokens):
            word = re.sub(r"[’']s$", "", token.text)
            if previous_segment is not None and token.segment != previous_segment and run:
                self.runs.append(run)
                run = []
            previous_segment = token.segment
            if word[0].isupper() and i in outside and word not in stop:
                run.append((i, word))
                if word != token.text:  # a possessive ends the name
                    self.runs.append(run)
                    run = []
            elif word == "of" and run:
                run.append((i, word))
            elif run:
                self.runs.append(run)
                run = []
        if run:
            self.runs.append(run)
        self.ends = [run[-1][0] for run in self.runs]

    def names(self, low: int, high: int) -> list[str]:
        """The names of tokens ``low`` to ``high - 1``: a run cut by the range keeps its part inside it."""
        names: list[str] = []
        for run in self.runs[bisect_left(self.ends, low) :]:
            if run[0][0] >= high:
                break
            words = [word for i, word in run if low <= i < high]
            while words and words[0] == "of":  # a range starting inside "Bank of England" at "of"
                words.pop(0)
            name = _name_of(words)
            if name is not None and name not in names:
                names.append(name)
        return names


def _name_of(words: list[str]) -> str | None:
    lex = _lexicon()
    titles, modifiers = set(lex.title_words), set(lex.title_modifiers)
    if any(w.rstrip(".") in titles for w in words):  # drop the leading "Russian President"
        while words and (words[0].rstrip(".") in titles or words[0] in modifiers):
            words.pop(0)
    while words and words[-1] == "of":
        words.pop()
    if words and words[-1].endswith(".") and "." not in words[-1][:-1] and len(words[-1]) > 2:
        words[-1] = words[-1][:-1]  # the full stop of "Europe." is not part of the name
    if words and not all(w.rstrip(".") in titles or w in modifiers for w in words):
        return " ".join(words)
    return None


def analyse_clauses(text: str, spans: list[Span], date_spans: list[Span] | None = None) -> list[Clause]:
    """Tense, verb, participants and kind of the clause holding each date of ``spans``.

    ``date_spans`` are every date of the text (default: ``spans``): their words are not cues, verbs or names. Each
    sentence is read once however many dates it holds (its words, cues, verbs and names are kept for the
    next date), so a page listing thousands of years costs a pass per sentence, not a pass per date.
    """
    every = sorted(date_spans if date_spans is not None else spans, key=lambda d: (d.start, d.end))
    starts = [d.start for d in every]
    longest = max((d.end - d.start for d in every), default=0)
    sentences: dict[tuple[int, int], _Sentence] = {}
    clauses = []
    for span in spans:
        left, right = sentence_bounds(text, span.start, span.end)
        sentence = sentences.get((left, right))
        if sentence is None:
            # the dates that may overlap the sentence: those starting less than the longest date before it
            near = every[bisect_left(starts, left - longest) : bisect_left(starts, right)]
            sentence = sentences[(left, right)] = _Sentence(text, left, right, near, longest)
        clauses.append(sentence.clause(span))
    return clauses


class _Sentence:
    """One sentence's tokens and what every date in it shares: the words outside dates, cues, verbs, kinds."""

    def __init__(self, text: str, left: int, right: int, dates: list[Span], longest: int) -> None:
        self.left, self.right = left, right
        self.tokens = tokens = _tokens(text, left, right)
        self.starts = [t.start for t in tokens]
        starts = [
            d.start for d in dates
        ]  # a token is in a date that starts less than the longest date before it
        self.outside = {
            i
            for i, t in enumerate(tokens)
            if not any(
                d.end > t.start
                for d in dates[bisect_left(starts, t.start - longest) : bisect_left(starts, t.end)]
            )
        }
        self.segments: dict[int, tuple[int, int]] = {}
        for i, token in enumerate(tokens):
            low, _ = self.segments.get(token.segment, (i, i))
            self.segments[token.segment] = (low, i)
        self._hits: dict[str, list[tuple[int, int, str]]] = {}
        self._runs: _Runs | None = None
        self._when: dict[int, tuple[list[_Hit], list[_Hit], list[_Hit], _Runs] | None] = {}

    def hits(self, what: str) -> list[tuple[int, int, str]]:
        if what not in self._hits:
            finder = {"cues": _tense_cues, "verbs": _verb_hits, "kinds": _kind_hits}[what]
            self._hits[what] = finder(self.tokens, self.outside)
        return self._hits[what]

    def names(self, low: int, high: int) -> list[str]:
        if self._runs is None:
            self._runs = _Runs(self.tokens, self.outside)
        return self._runs.names(low, high)

    def when(self, segment: int) -> tuple[list[_Hit], list[_Hit], list[_Hit], _Runs] | None:
        """Cues, verbs, kinds and names of a when-clause segment, when it has a verb (else the date's own clause
        is read)."""
        if segment not in self._when:
            clause = {i for i in self.outside if self.tokens[i].segment == segment}
            verbs = _verb_hits(self.tokens, clause)
            self._when[segment] = (
                (
                    _tense_cues(self.tokens, clause),
                    verbs,
                    _kind_hits(self.tokens, clause),
                    _Runs(self.tokens, clause),
                )
                if verbs
                else None
            )
        return self._when[segment]

    def clause(self, span: Span) -> Clause:
        tokens = self.tokens
        first = max(bisect_left(self.starts, span.start) - 1, 0)
        inside = [
            i
            for i in range(first, bisect_left(self.starts, span.end))
            if tokens[i].start < span.end and tokens[i].end > span.start
        ]
        if not inside:
            return Clause(None, None, Span(self.left, self.right))
        date_lo, date_hi = inside[0], inside[-1]
        segment = tokens[date_lo].segment
        cues, verbs, kinds = self.hits("cues"), self.hits("verbs"), self.hits("kinds")
        runs: _Runs | None = None
        if date_hi + 1 < len(tokens) and tokens[date_hi + 1].lower == "when":
            # "on February 12, when Trump and Putin held a call"
            when = self.when(tokens[date_hi + 1].segment)
            if when is not None:
                segment, (cues, verbs, kinds, runs) = tokens[date_hi + 1].segment, when
        cue = _nearest(cues, tokens, date_lo, date_hi)
        verb = _nearest(verbs, tokens, date_lo, date_hi)
        kind = _nearest(kinds, tokens, date_lo, date_hi)
        low, high = self.segments[segment]
        names = runs.names if runs is not None else self.names
        participants = names(low, high + 1)
        if not participants and verb is not None:
            participants = names(min(low, verb[0]), max(high + 1, verb[0] + 1))
        event = None
        if verb or kind or participants:
            event = EventRef(
                verb=verb[2] if verb else None,
                participants=tuple(participants),
                kind=kind[2] if kind else None,
            )
        return Clause(cue[2] if cue else None, event, Span(self.left, self.right))
