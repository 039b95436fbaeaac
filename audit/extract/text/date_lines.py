"""Date lines: a line that is a calendar date and nothing else, and dates written inside a line.

Text captures and page headings state the publication date on a line of its own ("Published: 3 March
2020", "Tuesday, January 13, 2020 / 1:39 PM"), or beside the byline ("By Jane Doe | March 3, 2020").
:func:`parse_date_line` reads a whole line as one date, :func:`search_date` finds the first date written
anywhere in a text and :func:`split_byline_date` reads a byline and a date on one line. Month and weekday
names and the date prefixes are in ``audit/data/furniture.json`` (read by :func:`audit.extract.text.furniture.lexicon`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from audit.extract.text.furniture import (
    TRIM,
    Byline,
    Lexicon,
    is_person_name,
    is_unnamed_byline,
    lexicon,
    normalise,
    parse_byline,
    words,
)

_CLOCK = re.compile(r"\b\d{1,2}[:.h]\d{2}\b(?![./]\d)")  # a time of day after a date ("15:32")
_OPENING = 60  # characters at the start of a line where the date it opens with must begin
_META_MAX_WORDS = 16  # a line giving a date and an author, not a sentence mentioning them
_NUMERIC_DATE = re.compile(r"\b\d{1,2}[./]\d{1,2}[./](?:\d{4}|\d{2})\b")  # "3/5/2022", "06.11.23"
_BY_INSIDE = re.compile(r"(?:^|\s)(?:by|von|par|por|door)\s+(?P<rest>\S.*)$", re.IGNORECASE)
_NAME_END = re.compile(
    r"\s+(?=\d)|\s+(?:on|am|le|el|em|um|at|à|in|dans|en|unter)\s|\s*[|·•—–]|\s+-\s"
    r"|\s+(?:ein |no |keine )?(?:comments?|kommentare?|commentaires?|comentarios?)\b"
    r"|\s+(?:erstellt|veröffentlicht|aktualisiert|published|posted|updated|publié|publicado|actualizado)\b",
    re.IGNORECASE,
)
_TRAILING_PREFIX = re.compile(
    r"\s+(?:published|posted|updated|veröffentlicht|erstellt|aktualisiert|publié|mis à jour|publicado|actualizado"
    r"|pubblicato)$",
    re.IGNORECASE,
)
_NAME_PART_MAX = 13  # letters in one part of a name; a longer word is a noun ("Experteninterviews")
_NOT_FIRST_NAME = frozenset(
    {"the", "a", "an", "el", "la", "los", "las", "le", "les", "il", "lo", "der", "die", "das", "den"}
    | {"dem", "des", "de", "del", "du", "do", "da", "dos", "von", "vom", "from"}
)  # an article or preposition does not open a bare name ("El Deporte", "Do UOL")
_TIME_ONLY = re.compile(
    r"[\s,|·•–—-]*(?:(?:à|um|at|a las|às|alle)?\s*\d{1,2}[:h.]\d{2}\s*(?:uhr|h|[ap]\.?m\.?)?)?[\s,|·•–—-]*",
    re.I,
)
_SUFFIX = r"(?:\s+[/|·•]\s+[^\n]{0,40})?"  # "January 13, 2020 / 1:39 PM / Updated 2 minutes ago"
# A time after the date; a zone written in capitals ("EST", "(CET)") even where the pattern ignores case, so that
# "21.01.2022 11:46 von" keeps its "von"
_TIME = (
    r"(?:\s*(?:[-–—,|@·•/]|at|um|à|a las|às|alle)?\s*\d{1,2}(?:[:.]|[hH](?=\d))\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"\s*(?:(?-i:[A-Z]{2,5}\b)|\((?-i:[A-Z]{2,5})\)|[+-]\d{2}:?\d{2}|UTC|GMT|Uhr|hs|hrs|horas|h)?)?"
)
_COMMENT_COUNT = re.compile(
    r"[\s|·•–—-]*\(?\d+\s+(?:comments?|kommentare?|ergänzungen|commentaires?|comentarios?|reactions?)\)?\s*$",
    re.IGNORECASE,
)  # "· 7 comments", "(1 Kommentar)": a counter printed after a date line
_TRAILING_BY = re.compile(r"\s+(?:by|von|par|por|di|door|av)$", re.IGNORECASE)
_HANDLE = re.compile(r"[a-z][a-z0-9_.-]{2,}")  # a user name in lower case ("riverblog"), not a person's name
_LEAD_WORDS = 3  # words before a paragraph's dateline: a place, or "Press release of"
_DATE_OF = frozenset({"of", "from", "dated", "vom", "du", "del", "de", "dal"})
_LEAD_SEPARATOR = re.compile(r"\)?(?:\.\s|\s*[:|–—]|\s+-\s)")
_LEADING_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?,\s+(?=\d{1,2}\s)", re.IGNORECASE)
_LABEL_WORD = re.compile(r"[^\W\d_][\w'’.-]*,?")  # one word of a section or place label


@dataclass(frozen=True)
class DateLine:
    """A line that is a date and nothing else (plus a prefix such as "Published" and a time)."""

    iso: str
    updated: bool
    prefix: str


def parse_date_line(line: str) -> DateLine | None:
    """Parse a whole line as one calendar date; None if the line says anything more than a date."""
    lex = lexicon()
    text = _COMMENT_COUNT.sub("", line.strip()).strip().strip("|·•()[]/").strip().rstrip(".,")
    if text.count("(") != text.count(")"):
        text += ")"  # "5:30AM (EST)": the stripped bracket closed a time zone
    half = len(text) // 2
    if len(text) % 2 == 0 and text[:half] == text[half:]:  # printed twice, for eyes and screen readers
        text = text[:half]
    prefix_match = lex.date_prefix.match(text)
    prefix = ""
    if prefix_match and prefix_match.end() < len(text):
        prefix = normalise(prefix_match.group(0))
        text = text[prefix_match.end() :]
    weekdays = "|".join(sorted(lex.weekdays, key=len, reverse=True))
    text = _LEADING_TIME.sub("", text)  # "Published: 7:49, 2 Nov 2023": the time before the date
    text = _TRAILING_BY.sub("", text)  # "21.01.2022 11:46 von": the byline goes on on the next line
    text = re.sub(rf"^(?:{weekdays})\.?,?\s+", "", text, flags=re.I)
    text = re.sub(
        rf"^(\d{{1,2}})\.?\s+(?:{weekdays})\.?,?\s+", r"\1 ", text, flags=re.I
    )  # "31 Donnerstag Okt 2019"
    iso = _parse_date(text.strip(), lex, day_first=prefix in lex.day_first_prefixes)
    if iso is None:
        return None
    return DateLine(iso=iso, updated=prefix in lex.updated_prefixes, prefix=prefix)


@lru_cache(maxsize=1)
def _date_forms() -> tuple[re.Pattern[str], ...]:
    """The date patterns (day-month-year, month-day-year, ISO, dotted), each with time and suffix."""
    lex = lexicon()
    month_names = "|".join(re.escape(m) for m in sorted(lex.months, key=len, reverse=True))
    forms = (
        rf"(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?(?P<m>{month_names})\.?,?\s+(?:de\s+)?(?P<y>\d{{4}})",
        rf"(?P<m>{month_names})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})",
        r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:T[\d:.]+Z?)?",
        r"(?P<y>\d{4})/(?P<m>\d{1,2})/(?P<d>\d{1,2})",
        r"(?P<dd>\d{1,2})\.(?P<dm>\d{1,2})\.(?P<y>\d{4})",  # day-first with dots: unambiguous in use
        r"(?<![\d.])(?P<dd>\d{2})\.(?P<dm>\d{2})\.(?P<yy>\d{2})(?![\d.])",  # "06.11.23": two digits each
        r"(?P<y>\d{4})\.\s?(?P<m>\d{1,2})\.\s?(?P<d>\d{1,2})\.?",  # "2020. 06. 04." (year first)
        r"(?P<y>\d{4})年\s*(?P<m>\d{1,2})月\s*(?P<d>\d{1,2})日",
        r"(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})",  # read only where one part is over 12
    )
    return tuple(re.compile(rf"\b(?P<date>{form})" + _TIME + _SUFFIX, re.IGNORECASE) for form in forms)


def _iso(match: re.Match[str], lex: Lexicon, day_first: bool = False) -> str | None:
    """The ISO date of a match; ``day_first``: "3/5/2022" is 3 May (a French or German prefix before it)."""
    parts = match.groupdict()
    if parts.get("a") is not None:  # "12/30/2019" or "30/12/2019"; "3/5/2022" is read only day_first
        first, second = int(parts["a"]), int(parts["b"])
        if first > 12 and second > 12:
            return None
        if (first > 12) == (second > 12) and not day_first and first != second:
            return None
        day, month = (second, first) if second > 12 else (first, second)
    elif parts.get("dd") is not None:  # dotted: day first, unless only the day-first month is over 12
        day, month = int(parts["dd"]), int(parts["dm"])
        if month > 12 >= day:
            day, month = month, day  # "01.21.2020"
    else:
        month_text = match.group("m")
        month = int(month_text) if month_text.isdigit() else lex.months[month_text.lower()]
        day = int(match.group("d"))
    year = int(parts["y"]) if parts.get("y") else int(parts["yy"]) + (2000 if int(parts["yy"]) < 70 else 1900)
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _parse_date(text: str, lex: Lexicon, day_first: bool = False) -> str | None:
    for pattern in _date_forms():
        match = pattern.fullmatch(text)
        if match:
            return _iso(match, lex, day_first)
    return None


def search_date(text: str, with_tail: bool = False) -> tuple[int, int, str] | None:
    """The first calendar date written anywhere in ``text``: (start, end, ``YYYY-MM-DD``), or None.

    The span covers the date only ("April 19, 2019" of "April 19, 2019 · Mac · 7 comments"); with
    ``with_tail`` it runs on over a time and a short suffix after a bar or dot ("… / 1:39 PM / Updated 2
    minutes ago"), for callers that read what follows the whole date statement."""
    lex = lexicon()
    best: tuple[int, int, str] | None = None
    for pattern in _date_forms():
        for match in pattern.finditer(text):
            iso = _iso(match, lex)
            if iso is not None:
                if best is None or match.start() < best[0]:
                    best = (match.start(), match.end() if with_tail else match.end("date"), iso)
                break
    return best


def opening_date(line: str) -> str | None:
    """The date a short line opens with, whatever follows it ("5. November 2021 admin News 0", "08.11.2021 |
    Online-Fachtag", "Mon., March 23, 2020timer5 min. read"): a weekday or a publication prefix may come before
    it, an update's prefix may not."""
    text = line.strip()
    if len(words(text)) > _META_MAX_WORDS:
        return None
    found = search_date(text[:_OPENING])
    if found is None:
        return None
    before = text[: found[0]].strip(TRIM + ",.")
    lex = lexicon()
    prefix = lex.date_prefix.match(before)
    if prefix is not None:
        if normalise(prefix.group(0)) in lex.updated_prefixes:
            return None
        before = before[prefix.end() :].strip(TRIM + ",.")
    return found[2] if not before or before.lower() in lex.weekdays else None


def leading_date(paragraph: str) -> str | None:
    """The date a paragraph opens with as a dateline, set off from the text by a stop, bar, colon or
    dash ("Karlsruhe, (12.11.2021). Text", "Press release of 25 January 2022 | Berlin – Text",
    "4 July 2019 – The council ..."); not a sentence's date ("On 4 July 2019 the council met")."""
    found = search_date(paragraph[:80])
    if found is None:
        return None
    before = paragraph[: found[0]].strip()
    opener = not before or before[-1] in ",(" or before.split()[-1].lower() in _DATE_OF
    if len(words(before)) > _LEAD_WORDS or not opener:
        return None
    return found[2] if _LEAD_SEPARATOR.match(paragraph[found[1] :]) else None


def _byline_left(line: str, date_start: int) -> str:
    """The byline before a date on its line, without the words that lead into the date."""
    left = line[:date_start].strip(TRIM + ",")
    # "By A on", "By A, " before the date; a whole word only ("Rawlinson" keeps its "on")
    left = re.sub(r"(?:(?<!\w)(?:on|am|vom|le|el|em)|,)$", "", left, flags=re.IGNORECASE).strip(TRIM + ",")
    return _TRAILING_PREFIX.sub("", left).strip(TRIM + ",")  # "By A Published on" -> "By A"


def _byline_dates(line: str) -> Iterator[tuple[str, str | None]]:
    """For each date form found in a line opening with a byline label: the byline before the date and the
    date's ISO day (None when the written date is no valid day)."""
    lex = lexicon()
    if not lex.byline.match(line.strip()):
        return
    for pattern in _date_forms():
        match = pattern.search(line)
        if match:
            yield _byline_left(line, match.start()), _iso(match, lex)


def split_byline_date(line: str) -> tuple[Byline, DateLine] | None:
    """A byline and a date on one line ("By Jane Doe | March 3, 2020", "By J. Doe Feb 8, 2020 5 min read")."""
    for left, iso in _byline_dates(line):
        byline = parse_byline(left)
        if iso and byline is not None:
            return byline, DateLine(iso=iso, updated=False, prefix="")
    return None


def desk_byline_date(line: str) -> DateLine | None:
    """The date of a byline that names a desk or an institution, not a person ("By Wikimedia
    Foundation•15 January 2020"): a date, and no author. Asked only when no person's byline is read."""
    for left, iso in _byline_dates(line):
        if iso and is_unnamed_byline(left):
            return DateLine(iso=iso, updated=False, prefix="")
    return None


def split_meta_line(line: str) -> tuple[Byline, DateLine | None] | None:
    """An author and a date on one short line that does not open with a byline prefix.

    "July 24, 2019 by Amy Motroni 5 Comments", "8. Januar 2020 · von Anna Roth · in Kultur" (a "by"
    inside; a site account's name such as "by admin" gives the date and no author), or a bare name of two words or more beside a date and nothing else ("Marie Merlet | 9
    décembre 2019 à 09h08", "11.12.2019 - Anna Roth"); not a name followed by a comma and the date, the
    shape of a place dateline ("New York, November 3, 2020"). A numeric date that is not unambiguous
    ("3/5/2022") still marks the line, but gives no date.
    """
    text = _COMMENT_COUNT.sub("", line.strip()).strip()  # "… - Anna Roth - 91 Kommentare"
    if len(words(text)) > _META_MAX_WORDS:
        return None
    found = search_date(text, with_tail=True)
    numeric = _NUMERIC_DATE.search(text) if found is None else None
    if found is None and numeric is None:
        return None
    date_line = DateLine(iso=found[2], updated=False, prefix="") if found else None
    if by := _BY_INSIDE.search(text):
        name = _NAME_END.split(by.group("rest"), maxsplit=1)[0].strip(TRIM + ",")
        byline = parse_byline(f"By {name}")
        account = normalise(name) in lexicon().non_person or _HANDLE.fullmatch(name) is not None
        if byline is None and date_line is not None and account:  # "March 3, 2020 by admin": no author
            return Byline((), ()), date_line
        return (byline, date_line) if byline is not None else None
    start, end = (found[0], found[1]) if found else numeric.span() if numeric else (0, 0)
    before, after = text[:start], text[end:]
    for name_side, other in ((before, after), (after, before)):
        if name_side is before and before.rstrip().endswith(","):
            name = before.rstrip(" ,").strip(TRIM)
            timed = found is not None and _CLOCK.search(text[found[0] : found[1]]) is not None
            if timed and date_line is not None and _TIME_ONLY.fullmatch(after.strip()) and is_bare_name(name):
                return Byline(
                    (name,), ()
                ), date_line  # "Jane Doe, 03.11.2023 15:32 Uhr": a dateline has no time
            # "New York, November 3, 2020": a dateline, a place as often as a person: its date, no author
            dateline = _DATELINE_HEAD.fullmatch(before.rstrip(" ,")) and _TIME_ONLY.fullmatch(after.strip())
            return (Byline((), ()), date_line) if dateline and date_line is not None else None
        name = _strip_section(_strip_weekday(name_side.strip(TRIM + ",")))
        if _TIME_ONLY.fullmatch(_strip_weekday(other.strip())) and is_bare_name(name):
            return Byline((name,), ()), date_line
    label = before.strip().rstrip("|·•–—-").strip()
    if date_line is not None and _TIME_ONLY.fullmatch(after.strip()) and _label_beside_date(before, label):
        return Byline((), ()), date_line  # "Middle East | 3 March 2020", "Opinion · May 8, 2020": no author
    if date_line is not None and label_after_date(text):  # "21.01.2022 Press release": no author
        return Byline((), ()), date_line
    return None


def label_after_date(text: str) -> bool:
    """A line opening with a date (and a time) followed by a label of one to four words and nothing else."""
    found = search_date(text)
    if found is None or text[: found[0]].strip(TRIM + ","):
        return False
    after = text[found[1] :]
    time = _TIME_ONLY.match(after)
    label = after[time.end() if time else 0 :].strip(TRIM + ",")
    tokens = label.split()
    return (
        1 <= len(tokens) <= 4
        and all(_LABEL_WORD.fullmatch(token) for token in tokens)
        and tokens[0].lower().strip(",.") not in lexicon().updated_prefixes
        and not lexicon().date_prefix.match(label)
    )


def _label_beside_date(before: str, label: str) -> bool:
    """A section or place label of one to four capitalised words, set off from the date by a bar or dash."""
    return (
        bool(re.search(r"[|·•–—-]\s*$", before))
        and bool(_DATELINE_HEAD.fullmatch(label))
        and label.lower() not in lexicon().updated_prefixes
        and not lexicon().date_prefix.match(label)
    )


_DATELINE_HEAD = re.compile(r"[^\W\d_a-z][\w.'’-]*(?:\s+[^\W\d_a-z][\w.'’-]*){0,3}")  # 1-4 capitalised words


def _strip_section(text: str) -> str:
    """ "Carola Pönisch Kultur" -> "Carola Pönisch": a section label run on after the author's name."""
    tokens = text.split()
    while len(tokens) > 2 and tokens[-1].lower().strip(".,") in lexicon().bare_name_stopwords:
        tokens.pop()
    return " ".join(tokens)


def _strip_weekday(text: str) -> str:
    """ "Marie Merlet | lundi" -> "Marie Merlet": a weekday beside the date belongs to it."""
    head, _, last = text.rpartition(" ")
    if last.lower().strip(",.") in lexicon().weekdays:
        return head.strip(TRIM + ",")
    return text if text.lower().strip(",.") not in lexicon().weekdays else ""


def is_bare_name(name: str) -> bool:
    """A name standing alone beside a date: two words or more, not an upper-case dateline place, not
    a date prefix ("Publié le"), not opening with an article or preposition ("El Deporte", "Do UOL"),
    no over-long word, no section label or place word ("Middle East", "Climate Change": the lexicon's
    ``bare_name_stopwords``)."""
    tokens = name.split()
    return (
        len(tokens) >= 2
        and not name.isupper()
        and tokens[0].lower() not in _NOT_FIRST_NAME
        and all(len(part) <= _NAME_PART_MAX for token in tokens for part in token.split("-"))
        and not lexicon().date_prefix.match(name)
        and not any(token.lower().strip(".,") in lexicon().bare_name_stopwords for token in tokens)
        and is_person_name(name)
    )


def is_unreadable_date_line(line: str) -> bool:
    """A line that is a date we cannot read unambiguously ("Publicado el 03/05/2022 a las 22h03")."""
    text = line.strip().strip("|·•()[]").rstrip(".")
    prefix = lexicon().date_prefix.match(text)
    rest = re.sub(r"^(?:el|le|am|on|em|il|op)\s+", "", (text[prefix.end() :] if prefix else text).strip())
    numeric = _NUMERIC_DATE.match(rest)
    return numeric is not None and bool(_TIME_ONLY.fullmatch(rest[numeric.end() :]))
