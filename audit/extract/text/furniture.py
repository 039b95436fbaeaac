"""Line classifiers for plain-text captures of web pages: what a single line *is*.

A page saved or pasted as text keeps one line per block of the page: menus, share bars, captions, the
byline, the date, the article's paragraphs, the author's bio. The functions here look at one line (and
never at its neighbours; context is :mod:`audit.extract.text.article`'s job) and answer structural questions:
is it a known piece of site furniture, a byline, prose, a short title-like line, an author bio? (Whether
it is a date line is :mod:`audit.extract.text.date_lines`'s question.) The word lists live in
``audit/data/furniture.json`` so that they can be extended without touching code; this module only turns
them into matchers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from audit.data import load

TRIM = " \t\u00a0\u200b:|·•-–—»›>*#=_~"  # stripped around a line (and around a byline before a date)
_WORD = re.compile(r"[^\W\d_][\w'’.-]*", re.UNICODE)
_ABBREV_END = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|St|Jr|Sr|Prof|Gen|Gov|Sen|Rep|No|vs|etc|Inc|Co|Ltd))\.$"
)
_DOMAIN = re.compile(
    r"\b((?:[A-Za-z0-9][A-Za-z0-9-]*\.)+(?:com|org|net|info|news|co\.uk|co|io|eu|int|gov|edu|[a-z]{2}))\b"
)
_CAMEL = re.compile(r"(?<!^Mc)(?<!^Mac)(?<=[a-zß])[A-Z]")  # a capital inside one word: a brand or handle
_SENTENCE_MAX_WORDS = 120  # a notice (cookies, newsletter, comment form) is shorter than this
_URL = re.compile(r"https?://[^\s<>\"')]+|www\.[^\s<>\"')]+", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """The compiled contents of ``furniture.json``."""

    version: str
    exact: dict[str, str]  # normalised line -> reason
    weak: dict[str, str]  # normalised line -> reason; furniture only beside other furniture
    patterns: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, whole-line pattern)
    sentences: tuple[tuple[str, re.Pattern[str]], ...]  # (reason, pattern searched anywhere in a line)
    any_sentence: re.Pattern[str]  # all of them at once: a quick test before finding the reason
    caption_markers: tuple[re.Pattern[str], ...]
    any_caption: re.Pattern[str]  # the caption markers at once
    byline: re.Pattern[str]
    date_prefix: re.Pattern[str]
    updated_prefixes: frozenset[str]
    day_first_prefixes: frozenset[str]  # prefixes of languages writing dates day-first ("publié le")
    sentence_prefixes: frozenset[str]  # date prefixes that also open sentences ("On 3 May the council ...")
    url_prefix: re.Pattern[str]
    months: dict[str, int]
    weekdays: frozenset[str]
    role_words: frozenset[str]
    bio: re.Pattern[str]
    non_person: frozenset[str]
    particles: frozenset[str]
    bare_name_stopwords: frozenset[str]  # section labels and places: no bare name beside a date holds one
    widget_words: frozenset[str]  # share and save buttons: two of them in a line make it no name
    organisation_words: frozenset[str]  # "Foundation", "Institute": an institution's name, not a person's
    site_endings: tuple[str, ...]  # "SeglerBlog", "CityNews": one word naming a site, not a person


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """Load and compile ``audit/data/furniture.json`` (once per process)."""
    raw: dict[str, Any] = load("furniture")
    exact = {normalise(line): reason for reason, lines in raw["exact_lines"].items() for line in lines}
    weak = {normalise(line): reason for reason, lines in raw["weak_lines"].items() for line in lines}
    patterns = tuple(
        (reason, re.compile(pattern, re.IGNORECASE))
        for reason, items in raw["patterns"].items()
        for pattern in items
    )
    sentences = tuple(
        (reason, re.compile(pattern, re.IGNORECASE))
        for reason, items in raw["sentence_patterns"].items()
        for pattern in items
    )
    months: dict[str, int] = raw["months"]
    weekdays = frozenset(raw["weekdays"])
    bio_nouns = _alternation(raw["bio_nouns"])
    return Lexicon(
        version=raw["version"],
        exact=exact,
        weak=weak,
        patterns=patterns,
        sentences=sentences,
        any_sentence=re.compile("|".join(f"(?:{p.pattern})" for _, p in sentences), re.IGNORECASE),
        caption_markers=tuple(re.compile(p, re.IGNORECASE) for p in raw["caption_markers"]),
        any_caption=re.compile("|".join(f"(?:{p})" for p in raw["caption_markers"]), re.IGNORECASE),
        byline=re.compile(rf"^(?:{_alternation(raw['byline_prefixes'])})\s*[:：]?\s+(.+)$", re.IGNORECASE),
        date_prefix=re.compile(rf"^(?:{_alternation(raw['date_prefixes'])})\b\s*[:：]?\s*", re.IGNORECASE),
        updated_prefixes=frozenset(raw["updated_prefixes"]),
        day_first_prefixes=frozenset(raw["day_first_date_prefixes"]),
        sentence_prefixes=frozenset(raw["sentence_opening_date_prefixes"]),
        url_prefix=re.compile(rf"^(?:{_alternation(raw['url_prefixes'])})\s*[:：]?\s*", re.IGNORECASE),
        months=months,
        weekdays=weekdays,
        role_words=frozenset(raw["role_words"]),
        bio=re.compile(
            r"^(?:(?P<handle>[a-z][\w.-]*)\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})"
            rf"\s+(?:is|was|has been|serves as|works as)\s+(?:an?|the)\b[^.]{{0,120}}?\b(?i:{bio_nouns})",
        ),
        non_person=frozenset(raw["non_person_names"]),
        particles=frozenset(raw["name_particles"]),
        bare_name_stopwords=frozenset(raw["bare_name_stopwords"]),
        widget_words=frozenset(raw["widget_words"]),
        organisation_words=frozenset(raw["organisation_words"]),
        site_endings=tuple(raw["site_name_endings"]),
    )


def normalise(line: str) -> str:
    """Lower-case, straight apostrophes, surrounding punctuation and spaces trimmed."""
    return " ".join(line.replace("’", "'").strip(TRIM).lower().split())


def words(line: str) -> list[str]:
    return _WORD.findall(line.replace("\u00ad", ""))  # soft hyphens split no word


# --- prose and title-like lines -------------------------------------------------------------------


def sentence_breaks(line: str, marks: str = ".!?") -> int:
    """How many sentence ends (". X", "? X", "! X") the line has inside it, abbreviations excepted."""
    count = 0
    for match in re.finditer(rf"[{re.escape(marks)}][\"”’)]?\s+[\"“‘(]?[A-Z0-9]", line):
        if not _ABBREV_END.search(line[: match.start() + 1]):
            count += 1
    return count


@lru_cache(maxsize=65536)
def is_prose(line: str) -> bool:
    """A paragraph of running text: enough words and sentence punctuation (a bullet item counts)."""
    text = line.strip()
    n_words = len(words(text))
    if n_words >= 12 and (text[-1:] in '.!?:;"”’)…' or sentence_breaks(text) > 0):
        return True
    return n_words >= 25


def is_long_prose(line: str) -> bool:
    """A body paragraph beyond doubt (a standfirst or a caption is rarely this long)."""
    return is_prose(line) and (len(line.strip()) >= 200 or len(words(line)) >= 35)


@lru_cache(maxsize=65536)
def is_title_like(line: str) -> bool:
    """A short line that could be a headline or heading: 1-25 words, no sentence inside, no final period."""
    text = line.strip()
    n_words = len(words(text))
    if not 1 <= n_words <= 25 or len(text) > 220:
        return False
    if text.endswith(".") and not _ABBREV_END.search(text):
        return False
    if sentence_breaks(text, ".") > 0:  # "Deterrence or Détente? Explaining ..." is still a headline
        return False
    return any(ch.isupper() for ch in text[:3]) or text[:1].isdigit()


def similarity(a: str, b: str) -> float:
    """Jaccard overlap of the lower-cased word sets of two lines (0..1)."""
    set_a = {w.lower().replace("’", "'") for w in words(a)}
    set_b = {w.lower().replace("’", "'") for w in words(b)}
    if not set_a or not set_b:
        return 0.0
    return len(set_a & set_b) / len(set_a | set_b)


# --- furniture -----------------------------------------------------------------------------------


@lru_cache(maxsize=65536)
def furniture_reason(line: str) -> str | None:
    """The kind of site furniture a line is on its own ("widget", "menu", "share", "ad", "caption"...)."""
    lex = lexicon()
    text = line.strip()
    key = normalise(text)
    if not key and text:
        return "widget"  # a line of bare symbols: separators, bullets, arrows
    if key in lex.exact:
        return lex.exact[key]
    for reason, pattern in lex.patterns:
        if reason in {"disclaimer"}:
            if pattern.search(text) and len(words(text)) <= 80:
                return reason
        elif pattern.match(text):
            return reason
    if (
        lex.any_sentence.search(text)
        and len(words(text)) <= _SENTENCE_MAX_WORDS
        and not _opens_with_byline(text)
    ):
        for reason, pattern in lex.sentences:
            if pattern.search(text):
                return reason
    if is_caption(text):
        return "caption"
    if is_menu_bar(text):
        return "menu"
    return None


def _opens_with_byline(text: str) -> bool:
    """Whether a line starts as a byline ("By Ela on 31 October | This post may contain ...")."""
    match = lexicon().byline.match(text)
    return match is not None and is_person_name(match.group(1).split()[0].strip(",;|"))


def weak_furniture_reason(line: str) -> str | None:
    """Words that are furniture only in a run of furniture (reaction buttons: "like", "sad", "wow")."""
    return lexicon().weak.get(normalise(line))


def is_caption(line: str) -> bool:
    """An image caption or credit: a short line carrying a photo-credit marker."""
    if len(words(line)) > 70:
        return False
    return bool(lexicon().any_caption.search(line))


def is_menu_bar(line: str) -> bool:
    """Several short items joined by bars or bullets ("News | World | Business | Sport")."""
    parts = [p.strip() for p in re.split(r"\s+[|•·]\s+|\s{3,}", line.strip()) if p.strip()]
    if len(parts) < 4:
        return False
    return all(len(words(p)) <= 4 and not p.endswith(".") for p in parts)


def disclaimer_site(line: str) -> str | None:
    """The publisher a disclaimer names: "... not necessarily those of Example.com" -> "Example.com"."""
    match = re.search(r"(?:those|views|position|policy|opinion)s? of (?:the )?(.+?)\s*[.!]?$", line)
    if not match:
        return None
    tail = match.group(1)
    domain = _DOMAIN.search(tail)
    if domain:
        return domain.group(1)
    name = re.match(r"((?:[A-Z][\w&'’-]*\s?){1,5})", tail)
    if name and normalise(name.group(1)) not in {"the author", "the authors", "author", "authors"}:
        return name.group(1).strip()
    return None


def domain_in(text: str) -> str | None:
    """The first web domain named in a text, outside URLs ("editor at Example.com" -> "Example.com")."""
    without_urls = _URL.sub(" ", text)
    match = _DOMAIN.search(without_urls)
    return match.group(1) if match else None


# --- bylines, names and bios ---------------------------------------------------------------------


def is_person_name(text: str) -> bool:
    """One to five capitalised words (name particles allowed), no digits, not a desk or an agency."""
    lex = lexicon()
    tokens = text.split()
    if not 1 <= len(tokens) <= 5 or normalise(text) in lex.non_person:
        return False
    if any(ch.isdigit() for ch in text):
        return False
    if len(tokens) == 1 and (
        text.isupper() or (_CAMEL.search(text) and text.lower().endswith(lex.site_endings))
    ):
        return False  # "CNN", "SeglerBlog": an agency's or a site account's name
    if sum(token.lower().strip(".,:|") in lex.widget_words for token in tokens) >= 2:
        return False  # "Save Pin FB", "Teilen Twittern Email": a share widget's buttons
    if any(token.lower().strip(".,:|") in lex.organisation_words for token in tokens):
        return False  # "Wikimedia Foundation": an institution
    capitalised = 0
    for token in tokens:
        if token.lower() in lex.particles:
            continue
        if not (token[:1].isupper() and re.fullmatch(r"[^\W\d_][\w'’.-]*", token)):
            return False
        if token.lower().strip(".") in lex.role_words - {"dr"}:
            return False
        capitalised += 1
    return capitalised >= 1


def _is_role(text: str) -> bool:
    lex = lexicon()
    tokens = [t.lower().strip(".,") for t in text.split()]
    return bool(tokens) and (text[:1].islower() or any(t in lex.role_words for t in tokens))


@dataclass(frozen=True)
class Byline:
    """The people a byline names, with the role each is given ("Research Assistant")."""

    names: tuple[str, ...]
    roles: tuple[tuple[str, str], ...]


def parse_byline(line: str, bullet: bool = False) -> Byline | None:
    """Read "By A, Role and B" / "Author: A" (or, with ``bullet``, "• A"); None if not a byline."""
    lex = lexicon()
    text = line.strip()
    match = lex.byline.match(text)
    if match:
        body = match.group(1)
    elif bullet and (m := re.fullmatch(r"[•·●▪◦]\s*(.+)", text)):
        body = m.group(1)
    else:
        return None
    body = re.split(r"\s+[|•·]\s+|\s+[-–—]\s+(?=\d)", body)[0].strip().rstrip(".")
    names: list[str] = []
    roles: dict[str, str] = {}
    for chunk in re.split(r"\s+(?:and|und|et|y|&)\s+|;\s*", body):
        parts = [p.strip() for p in chunk.split(",") if p.strip()]
        if not parts:
            continue
        if not is_person_name(parts[0]):
            return Byline(tuple(names), tuple(roles.items())) if names else None
        names.append(parts[0])
        for part in parts[1:]:
            if is_person_name(part) and names[-1] not in roles:
                names.append(part)  # "By A, B and C" (but "By A, Role, Place" keeps "Place" as role)
            else:
                roles[names[-1]] = f"{roles[names[-1]]}, {part}" if names[-1] in roles else part
    if not names:
        return None
    return Byline(tuple(names), tuple(roles.items()))


def is_unnamed_byline(line: str) -> bool:
    """A byline naming a desk or an agency, not a person ("By JERUSALEM POST STAFF", "By Reuters")."""
    match = lexicon().byline.match(line.strip())
    if match is None or parse_byline(line) is not None:
        return False
    rest = match.group(1).strip()
    return rest[:1].isupper() and len(words(rest)) <= 6 and not any(ch in rest for ch in ".!?")


def is_role_line(line: str) -> bool:
    """A line under a byline giving the author's position ("Deputy Director, Institute of ...")."""
    text = line.strip()
    return 1 <= len(words(text)) <= 30 and not text.endswith(".") and _is_role(text)


def about_heading(line: str) -> str | None:
    """The person an "About the author" style heading names ("About Jane Doe" -> "Jane Doe")."""
    match = re.fullmatch(r"(?:about|about the author|author|the author)\s*[:：]?\s*(.*)", line.strip(), re.I)
    if not match:
        return None
    name = match.group(1).strip()
    if not name:
        return ""
    return name if is_person_name(name) else None


def bio_subject(paragraph: str) -> str | None:
    """The person a bio paragraph describes ("Jane Doe is a journalist ..." -> "Jane Doe")."""
    match = lexicon().bio.match(paragraph.strip())
    if not match:
        return None
    name = match.group("name")
    handle = match.group("handle")
    if handle and not _is_subsequence(re.sub(r"\W", "", handle.lower()), name.lower()):
        return None  # a lower-case first word is allowed only as the author's handle ("jdoe Jane Doe")
    return name if is_person_name(name) else None


def _is_subsequence(short: str, long: str) -> bool:
    """Whether the letters of ``short`` occur in ``long`` in order ("jroe" in "jane roe")."""
    rest = iter(long)
    return all(ch in rest for ch in short)


def url_line(line: str) -> str | None:
    """The page URL a line states: "URL: https://...", "Source: https://..." or a bare URL on its own."""
    text = line.strip()
    prefix = lexicon().url_prefix.match(text)
    rest = text[prefix.end() :] if prefix else text
    match = _URL.fullmatch(rest.strip().strip("<>"))
    return match.group(0) if match else None
