"""What the same-story test reads in one text: content words and name phrases.

Pure functions of one text (plus, for names, the words a corpus writes in lower case). Names come through a
``NameFinder``, a function taking a text and returning its name phrases ("Joan Rivers", "Bank of England"):
``regex_names`` (runs of capitalised words that do not merely open a sentence) needs no model; a dependency
parse's proper-noun phrases can be plugged in with the same signature. Word lists are in
``audit/data/story_words.json``.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from audit.data import load

NameFinder = Callable[[str], list[str]]
"""Anything that lists a text's name phrases, each as its words joined by single spaces."""

_WORD = re.compile(r"[^\W_](?:[\w'\-.]*[^\W_])?", re.UNICODE)
_TERM = re.compile(r"[^\W\d_](?:[^\W\d_]|-)*[^\W\d_]|\d+(?:[.,]\d+)*[^\W\d_]*", re.UNICODE)
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\-]+\b")
_YEARLIKE = re.compile(r"(?:19|20)\d\d")
_OPENING = frozenset(".!?:;\n\"“‘'(—–-•|")


@dataclass(frozen=True, slots=True)
class Lexicon:
    stopwords: frozenset[str]
    not_names: frozenset[str]
    name_joiners: frozenset[str]
    german: re.Pattern[str]
    english: re.Pattern[str]
    min_term_length: int


@cache
def lexicon() -> Lexicon:
    """The word lists of ``audit/data/story_words.json``, read once."""
    raw = load("story_words")

    def words(key: str) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(map(re.escape, raw[key])) + r")\b")

    return Lexicon(
        frozenset(raw["stopwords"]),
        frozenset(raw["not_names"]),
        frozenset(raw["name_joiners"]),
        words("german_markers"),
        words("english_markers"),
        int(raw["min_term_length"]),
    )


def normalise(text: str) -> str:
    """NFKC, typographic apostrophes as ASCII, non-breaking spaces as spaces."""
    return unicodedata.normalize("NFKC", text).replace("’", "'").replace("‘", "'").replace("\u00a0", " ")


def terms(text: str) -> list[str]:
    """Lower-cased content words in any alphabet, stopwords left out, and the numbers that can name an event.

    A number is kept when glued to a unit (``50ft``) or of three digits or more and not a year (``2,500`` gives
    ``2500``): short numbers and years ("27", "2020") meet across unrelated pages. A possessive ``'s`` is dropped.
    """
    lex = lexicon()
    out: list[str] = []
    for raw in _TERM.findall(normalise(text).lower().replace("'s ", " ")):
        word = raw.strip("-")
        if word[0].isdigit():
            word = word.replace(",", "")
            if word.isdigit() and (len(word) < 3 or _YEARLIKE.fullmatch(word)):
                continue
        elif len(word) < lex.min_term_length or word in lex.stopwords:
            continue
        out.append(word)
    return out


def capitalises_nouns(text: str, sample: int = 5000) -> bool:
    """German-like text (more German than English function words at its start): every noun is capitalised
    there, so a capital letter is no sign of a name."""
    lex = lexicon()
    head = text[:sample].lower()
    german = len(lex.german.findall(head))
    return german >= 3 and german > len(lex.english.findall(head))


def common_words(texts: Iterable[str], min_df: int) -> frozenset[str]:
    """Words written in lower case in at least ``min_df`` texts: such a word opening a sentence is no name."""
    df: Counter[str] = Counter()
    for text in texts:
        df.update(set(_LOWER_WORD.findall(normalise(text))))
    return frozenset(word for word, count in df.items() if count >= min_df)


def _opens_sentence(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\r":
        i -= 1
    return i < 0 or text[i] in _OPENING


def _is_capitalised(word: str) -> bool:
    return word[0].isupper() and (len(word) == 1 or not word.isupper() or len(word) <= 6)


def _runs(text: str, lex: Lexicon) -> list[list[tuple[str, bool]]]:
    """Runs of capitalised words (with name joiners inside): (word, opens a sentence)."""
    words = [(m.group(0), m.start()) for m in _WORD.finditer(text)]
    runs: list[list[tuple[str, bool]]] = []
    current: list[tuple[str, bool]] = []
    last_end = 0
    for index, (word, start) in enumerate(words):
        clean = word.rstrip(".").removesuffix("'s")
        if clean and _is_capitalised(clean) and clean.lower() not in lex.not_names:
            if current and start - last_end > 2:
                runs.append(current)
                current = []
            current.append((clean, _opens_sentence(text, start)))
            last_end = start + len(clean)  # a possessive ("Trump's Putin") leaves a gap: two names
            if word.endswith(".") and len(clean) > 2:  # "Smith." ends a sentence: the run ends here
                runs.append(current)
                current = []
        elif (
            current
            and word.lower() in lex.name_joiners
            and index + 1 < len(words)
            and _is_capitalised(words[index + 1][0])
        ):
            current.append((word, False))
            last_end = start + len(word)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return runs


def regex_names(text: str, common: frozenset[str] = frozenset()) -> list[str]:
    """Name phrases: runs of capitalised words, joined inside by "of", "al", "van"…, that are not mere openers.

    A run's first word is dropped when it opens a sentence and is a common word (a stopword, in ``common``, or
    written in lower case elsewhere in the text), unless the text also capitalises it mid-sentence ("Gul said"
    counts once "Reza Gul" was seen). ALL-CAPS words of more than six letters (a shouted headline) are no names.
    """
    lex = lexicon()
    text = normalise(text)
    lowercase = {w for w in _WORD.findall(text) if w[0].islower()}
    runs = _runs(text, lex)
    midsentence = {w.lower() for run in runs for w, opens in run if not opens}
    phrases: list[str] = []
    for run in runs:
        first = run[0][0].lower()
        if (
            run[0][1]
            and first not in midsentence
            and (first in lex.stopwords or first in common or first in lowercase)
        ):
            run = run[1:]
        while run and run[0][0].lower() in lex.name_joiners:
            run = run[1:]
        while run and run[-1][0].lower() in lex.name_joiners:
            run = run[:-1]
        if run:
            phrases.append(" ".join(word for word, _ in run))
    return phrases


def name_keys(phrases: Iterable[str]) -> list[str]:
    """Keys for overlap: each whole phrase (``n:joan rivers``) and each of its words (``w:rivers``); stopwords
    (a lone "Officials" at a sentence start) give no key."""
    lex = lexicon()
    keys: list[str] = []
    for phrase in phrases:
        words = [w.lower() for w in phrase.split() if w.lower() not in lex.name_joiners]
        if len(words) > 1:
            keys.append("n:" + " ".join(words))
        keys.extend("w:" + w for w in words if len(w) > 1 and w not in lex.stopwords)
    return keys


def default_finder(texts: Sequence[str], min_df: int) -> NameFinder:
    """``regex_names`` with the words the corpus ``texts`` write in lower case as ``common``."""
    common = common_words(texts, min_df)

    def find(text: str) -> list[str]:
        return regex_names(text, common)

    return find
