"""What a figure measures: the counted noun, the subject or complement around it (``audit.claim_extraction.figures.mentions``, "Measure
normalisation"), as lowercase noun phrases without determiners, possessives or function words."""

from __future__ import annotations

import re

from audit.claim_extraction.figures.lexicon import (
    CLAUSE_BREAK_RE,
    NUMBER_WORDS,
    RATIO_FOLLOWERS,
    SPACE,
    WORD,
    lexicon,
)


def line_around(text: str, start: int, end: int) -> str:
    """The rest of the line around ``[start, end)`` with the figure removed."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    return text[line_start:start] + text[end:line_end]


def count_noun(text: str, pos: int) -> tuple[int, str, str] | None:
    """The counted noun after a number: ``(end, measure, "count")``; ``(end, "", "ratio")`` for "3 times as".

    Up to two modifiers then a plural head ("4,000 new jobs"), plus a passive participle if one follows
    ("12 passengers were injured" → measure "passengers injured"; the participle is not part of the text).
    """
    lex = lexicon()
    match = re.match(rf"{SPACE}+((?:{WORD}{SPACE}+){{0,2}}?)({WORD})", text[pos : pos + 80])
    if match is None:
        return None
    modifiers = match.group(1).split()
    head = match.group(2).rstrip(".'’")
    head_lower = head.lower()
    if head_lower in ("times", "fold") or text[pos : pos + 6] == "-fold":
        follower = re.match(rf"{SPACE}+(?:{RATIO_FOLLOWERS})\b", text[pos + match.end(2) :])
        if follower is not None and not modifiers:
            return pos + match.end(2), "", "ratio"
    if any(word.lower() in lex.function_words or not word[0].isalpha() for word in modifiers):
        return None
    is_plural = head_lower in lex.irregular_plurals or (
        head_lower.endswith("s")
        and not head_lower.endswith(("ss", "us", "is", "'s", "’s"))
        and head_lower not in lex.not_plural
        and head_lower not in lex.function_words
        and len(head_lower) > 2
    )
    if not is_plural or head_lower in lex.months:
        return None
    end = pos + match.start(2) + len(head)
    words = [word.lower() for word in modifiers] + [head_lower]
    participle = re.match(
        rf"{SPACE}+(?:(?:were|was|are|is|have|has|had|being|been){SPACE}+)?(?:been{SPACE}+)?([a-z]+)\b",
        text[end:],
    )
    if participle is not None:
        verb = participle.group(1)
        if (
            verb.endswith("ed") and len(verb) > 3 and verb not in lex.function_words
        ) or verb in lex.participles:
            words.append(verb)
    return end, " ".join(words), "count"


def _clean_phrase(words: list[str]) -> str | None:
    """Lowercase words with leading/trailing function words and possessive marks removed."""
    lex = lexicon()
    cleaned = [re.sub(r"['’]s$", "", word.strip(".,'’\"“”")).lower() for word in words]
    cleaned = [word for word in cleaned if word]
    while cleaned and cleaned[0] in lex.function_words:
        cleaned.pop(0)
    while cleaned and (cleaned[-1] in lex.function_words or cleaned[-1] in lex.change_verbs):
        cleaned.pop()
    if not cleaned or any(char.isdigit() for word in cleaned for char in word):
        return None
    return " ".join(cleaned)


def left_subject(text: str, start: int) -> str | None:
    """The noun phrase just before a figure in its clause, skipping a change verb and a preposition."""
    lex = lexicon()
    window = text[max(0, start - 160) : start]
    breaks = list(CLAUSE_BREAK_RE.finditer(window))
    clause = window[breaks[-1].end() :] if breaks else window
    words = clause.split()
    if words and words[-1].lower() in (
        "to",
        "at",
        "of",
        "by",
        "from",
        "for",
        "with",
        "is",
        "was",
        "are",
        "were",
    ):
        words.pop()
    while words and words[-1].lower() in lex.change_verbs:
        words.pop()
    if words and words[-1].lower() in ("to", "at", "of", "by", "from", "for"):
        words.pop()
    phrase: list[str] = []
    while words and len(phrase) < 3:
        word = words[-1]
        bare = word.lower().strip(".,'’")
        if bare in lex.function_words or bare in lex.change_verbs or bare in NUMBER_WORDS:
            break
        if not word[0].isalpha():
            break
        phrase.insert(0, words.pop())
    return _clean_phrase(phrase) if phrase else None


def _right_phrase(text: str, pos: int, lead: str) -> str | None:
    """Up to three content words after ``lead`` ("of", "in"...) following a figure."""
    match = re.match(
        rf"{SPACE}+(?:{lead}){SPACE}+((?:the{SPACE}+)?(?:{WORD}{SPACE}*){{1,3}})",
        text[pos : pos + 80],
    )
    if match is None:
        return None
    lex = lexicon()
    words: list[str] = []
    for word in match.group(1).split():
        bare = word.lower().strip(".,'’")
        if words and (bare in lex.function_words or word[-1] in ",;:"):
            if word[-1] in ",;:" and bare not in lex.function_words:
                words.append(word)
            break
        words.append(word)
    if words and words[-1].strip(".,").lower() in lex.months:
        return None
    return _clean_phrase(words)


def _noun_after(text: str, pos: int) -> str | None:
    """The noun phrase an adjectival figure qualifies: "90-minute phone call" → "phone call"."""
    lex = lexicon()
    words: list[str] = []
    cursor = pos
    while len(words) < 3:
        match = re.compile(rf"{SPACE}+({WORD})").match(text, cursor)
        if match is None:
            break
        word = match.group(1)
        if word.lower().strip(".,;:'’") in lex.function_words:
            break
        words.append(word)
        cursor = match.end()
        if word[-1] in ".,;:":
            break
    return _clean_phrase(words)


def measure(text: str, start: int, end: int, unit: str | None, adjectival: bool) -> str | None:
    """What a figure measures (module docstring, "Measure normalisation")."""
    if adjectival:
        return _noun_after(text, end) or left_subject(text, start)
    subject = left_subject(text, start)
    if unit in ("percent", "percentage_point"):
        complement = _right_phrase(text, end, "of")
        if complement and subject:
            return f"{subject} / {complement}"
        return complement or subject
    return subject or _right_phrase(text, end, "of|in|for|on")


def ratio_measure(text: str, pos: int) -> str | None:
    """What a ratio is relative to: "double the pre-war volume" → "pre-war volume"."""
    match = re.match(
        rf"{SPACE}+(?:as{SPACE}+\w+{SPACE}+as{SPACE}+|(?:more|larger|bigger|higher|greater){SPACE}+than{SPACE}+)?"
        rf"(?:the|that|its|their|his|her){SPACE}+((?:{WORD}{SPACE}*){{1,3}})",
        text[pos : pos + 80],
    )
    if match is None:
        return None
    lex = lexicon()
    words: list[str] = []
    for word in match.group(1).split():
        bare = word.lower().strip(".,;:'’")
        if bare in lex.function_words:
            break
        words.append(word)
        if word[-1] in ".,;:":
            break
    return _clean_phrase(words)
