"""Cleaning author bylines into people's names.

A byline candidate ("By Jane Doe and John Roe, Staff Writers | Nov. 18, 2019") becomes a list of names
(["Jane Doe", "John Roe"]): prefixes such as "By" are stripped, roles and trailing dates cut off, several
names split. A value that names the site, its domain or an organisation ("Reuters", "News Desk") is not
a person and is dropped; so is a whole comma-separated group that contains an organisation word
("Landesanstalt für Wald und Forstwirtschaft" is one body, not two people), a short acronym ("AgE",
"WBF": news agencies and authorities), a single word left over beside an organisation (the rest of its
comma-separated name) and a single all-lower-case word (a CMS login such as
"jdoe", not a byline). A byline whose first part is a sentence ("Von Anfang an war klar, dass es
regnet") names nobody. The word lists live in ``audit/data/metadata_lexicon.json``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from audit.data import settings

_URLISH = re.compile(r"https?://|www\.|\.(com|org|net|de|html?)\b|@\w", re.IGNORECASE)
# Bylines split in two stages: groups (";", "|", "/", " - ", ", ") and then names within a group ("and").
_GROUP_SPLIT = re.compile(r"\s*(?:;|\||/|\s[-–—]\s|,\s+(?!(?:and|und|et|y|e|&)\s))\s*", re.IGNORECASE)
_AND_SPLIT = re.compile(r"\s*(,?\s+(?:and|und|et|y|e|&)\s+)\s*", re.IGNORECASE)
# Spanish and Portuguese surnames join with "y"/"e" ("José Volta e Pinto", "José Ortega y Gasset"):
# a "y"/"e" followed by a single word after a full name continues the name.
_NAME_JOINERS = frozenset(["y", "e"])
# "AgE", "DPA", "WBF": two to four letters, at least two capitals, no dots (initials are "R.C.").
_ACRONYM = re.compile(r"^(?=(?:.*[A-ZÄÖÜ]){2})[A-Za-zÄÖÜäöü]{2,4}$")
_DATEISH = re.compile(
    r"\b\d{1,4}[./-]\d{1,2}([./-]\d{1,4})?\b|\b(19|20)\d{2}\b|\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d",
    re.IGNORECASE,
)
_TRAILING_DOT = re.compile(r"(?<!\b[^\W\d_])\.+$")
_EMAIL = re.compile(r"\S+@\S+")
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NAME_CHARS = re.compile(r"^[^\W\d_][\w.'’\- ]*$")
MAX_NAME_TOKENS = 5
MAX_NAME_LENGTH = 60
# A byline element whose text is longer than this is a bio or a teaser, not a byline.
MAX_BYLINE_LENGTH = 120


@dataclass(frozen=True, slots=True)
class MetadataLexicon:
    """The metadata word lists (``audit/data/metadata_lexicon.json``), shared by the HTML metadata modules."""

    byline_prefixes: list[str]
    role_words: list[str]
    date_words: list[str]
    organisation_words: list[str]
    article_types: list[str]
    title_separators: list[str]
    not_names: list[str]
    name_particles: list[str]
    byline_labels: list[str]
    author_path_segments: list[str]
    person_path_segments: list[str]


@cache
def lexicon() -> MetadataLexicon:
    """The metadata word lists (shared with :mod:`audit.extract.html.metadata.fields`)."""
    return settings("metadata_lexicon", MetadataLexicon)


@cache
def _not_names() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().not_names)


@cache
def _name_particles() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon().name_particles)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    words = lexicon()
    prefixes = sorted(words.byline_prefixes, key=len, reverse=True)
    prefix = re.compile(r"^(?:" + "|".join(re.escape(p) for p in prefixes) + r")\b\s*:?\s*", re.IGNORECASE)
    roles = sorted(words.role_words, key=len, reverse=True)
    role = re.compile(r"[,\-–—|]?\s*\b(?:" + "|".join(re.escape(r) for r in roles) + r")\b.*$", re.IGNORECASE)
    return prefix, role, frozenset(w.lower() for w in words.organisation_words)


@lru_cache(maxsize=1)
def _date_words() -> re.Pattern[str]:
    """Weekdays and month names where a byline's date begins ("Malcolm Owen Monday, November 18"); the
    ones that are also names ("April", "Juli", "Freitag") are not in the list."""
    words = sorted(lexicon().date_words, key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)", re.IGNORECASE)


def _tokens(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def _ends_with_word(token: str, word: str) -> bool:
    """``token`` is a compound ending in the (four letters or longer) word: "bbnteam" ends with "team"."""
    return len(word) >= 4 and len(token) > len(word) + 1 and token.endswith(word)


def _is_brand(name: str, brands: tuple[str, ...]) -> bool:
    """True when ``name`` is the site/domain (or contains an organisation word)."""
    _, _, org_words = _patterns()
    tokens = _tokens(name)
    if any(token in org_words for token in tokens) or " ".join(tokens) in org_words:
        return True
    if len(tokens) == 1 and any(_ends_with_word(tokens[0], word) for word in org_words):
        return True  # an account named for a team or a desk: "BBNTEAM", "NewsDesk", "SiteAdmin"
    squashed = "".join(tokens)
    for brand in brands:
        brand_squashed = "".join(_tokens(brand))
        if brand_squashed and (
            squashed == brand_squashed or (len(squashed) > 3 and squashed in brand_squashed)
        ):
            return True
    return False


def clean_name(raw: str, brands: tuple[str, ...] = ()) -> str | None:
    """One person's name from a byline fragment, or None when it is not a plausible person."""
    prefix, role, _ = _patterns()
    text = _BRACKETS.sub(" ", _EMAIL.sub(" ", raw))
    text = re.sub(r"\s+", " ", text).strip(" \t\n:;,-–—|·•").lstrip(".")
    text = _TRAILING_DOT.sub("", text).strip()  # "Juan Muñoz C." keeps the dot of its initial
    text = prefix.sub("", text).strip()
    date = _DATEISH.search(text)
    if date:
        text = text[: date.start()]
    day = _date_words().search(text)
    if day and len(text[: day.start()].split()) != 1:  # "Jane Doe Monday" -> "Jane Doe"; not "Jane" alone
        text = text[: day.start()]
    text = role.sub("", text).strip(" ,;:-–—|·•")
    if not text or _URLISH.search(text) or not _NAME_CHARS.match(text):
        return None
    if len(text) > MAX_NAME_LENGTH or len(text.split()) > MAX_NAME_TOKENS:
        return None
    if _is_brand(text, brands) or not _looks_like_name(text):
        return None
    return text


def _looks_like_name(text: str) -> bool:
    """Not a weekday or page word, not a phrase of several lower-case words (a sentence fragment), not an
    acronym of an agency or authority (a short word in a name written all in capitals is a name: "ERIC
    TUCKER"), not a word beside a number ("Kommentare 3"; a handle "Bo2man" has its digits inside a
    word), and not a lone lower-case login name."""
    tokens = text.split()
    if text.lower() in _not_names() or any(t.lower() in _not_names() for t in tokens):
        return False
    if any(t.isdigit() for t in tokens):
        return False  # a count or a number: "Kommentare 3", "Comments 12" of a byline's meta line
    # a name written in capitals ("LISA MASCARO", as wire bylines print it) has no acronyms in it
    capitals = len(tokens) > 1 and text.isupper()
    if not capitals and any(_ACRONYM.match(t) for t in tokens):
        return False
    if len(tokens) == 1 and text.islower():
        return False
    particles = _name_particles()
    lower = [t for t in tokens if t[:1].islower() and t.lower() not in particles]
    return (
        len(tokens) < 2 or len(lower) <= (0 if len(tokens) > 2 else 1) or all(t[:1].islower() for t in tokens)
    )


def _is_prose(text: str) -> bool:
    """Three words or more, two of them lower-case (not name particles): a sentence, not a name."""
    tokens = text.split()
    particles = _name_particles()
    lower = [t for t in tokens if t[:1].islower() and t.lower() not in particles]
    return len(tokens) >= 3 and len(lower) >= 2


def _people(group: str) -> list[str]:
    """A byline group split at "and"/"und"/"&" into one part per person; a "y"/"e" between a full name
    and a single word joins a compound surname ("José Volta e Pinto") and does not split."""
    pieces = _AND_SPLIT.split(group)
    parts = [pieces[0]]
    for joiner, part in zip(pieces[1::2], pieces[2::2], strict=True):
        word = joiner.strip(" ,").lower()
        if word in _NAME_JOINERS and len(parts[-1].split()) >= 2 and len(part.split()) == 1:
            parts[-1] = f"{parts[-1]} {word} {part}"
        else:
            parts.append(part)
    return parts


def reads_as_prose(byline: str) -> bool:
    """True when the byline's first part reads as a sentence ("By signing up you agree ...", "By providing
    your email address, ..."): three words or more, two of them lower-case."""
    return _is_prose(_GROUP_SPLIT.split(byline.strip(), maxsplit=1)[0])


def clean_authors(raw: str, brands: tuple[str, ...] = ()) -> list[str]:
    """People named in a byline, in order, without duplicates; [] when none is a plausible person."""
    prefix, _, _ = _patterns()
    if _URLISH.search(raw) and not re.search(r"\s", raw.strip()):
        return []
    if len(raw.strip()) > MAX_BYLINE_LENGTH:
        return []
    text = prefix.sub("", re.sub(r"\s+", " ", _BRACKETS.sub(" ", raw)).strip())
    _, _, org_words = _patterns()
    names: list[str] = []
    organisation = False
    for index, group in enumerate(_GROUP_SPLIT.split(text)):
        if any(token in org_words for token in _tokens(group)):
            organisation = True
            continue  # one organisation, even when its name has an "and" in it
        found = [name for part in _people(group) if (name := clean_name(part, brands))]
        if index == 0 and not found and _is_prose(group):
            return []  # "Von Anfang an war klar, dass ...": a sentence, not a byline
        names.extend(name for name in found if name.lower() not in (n.lower() for n in names))
    if organisation:
        # "Departement für Wirtschaft, Bildung und Forschung": commas inside an organisation's name
        # leave single words behind; a person next to an organisation is named in full ("Jane Doe, dpa")
        names = [name for name in names if len(name.split()) > 1]
    return names
