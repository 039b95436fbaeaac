"""Plain-text captures (a page pasted or saved as text): article text, furniture removed, metadata.

A text capture has one line per block of the page. The article's own paragraphs sit between a header
(menus, breadcrumbs, section label, title, date, byline) and a trailer (disclaimer, reactions, "Back to
Top", the author's bio). :func:`clean_text_capture` labels every line, keeps the article's lines
verbatim (only surrounding whitespace is stripped, so every paragraph can be found again in the raw
capture) and records, for each removed line, why it was removed and what metadata it gave.

Steps (see :func:`_label_article`):
1. context-free furniture from the lexicon (widgets, menus, share bars, ads, captions, disclaimers);
2. weak widget words ("like", "wow") only beside other furniture; lists under "Related articles";
3. the header (lines before the body starts): dates, bylines and role lines, stated URLs, the title,
   section labels above it, repeats and variants of the title;
4. repeats of the title anywhere;
5. the author's bio ("About X" + paragraph, or "X is a journalist ..." after trailing furniture);
6. short lines after the last paragraph that introduce nothing (trailer).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from audit import furniture as fu
from audit.model import FieldEvidence, SourceWarning
from audit.text_fields import FieldRecorder

_SEPARATOR = re.compile(r"^\s*(?:[-=_~#*]\s*){8,}$|^\f$")
_HEADER_MAX_LINES = 15


@dataclass(frozen=True)
class TextArticle:
    """One article of a text capture: its text, metadata evidence, warnings and the lines removed."""

    text: str
    fields: dict[str, FieldEvidence]
    warnings: tuple[SourceWarning, ...]
    removed: tuple[tuple[str, str], ...]  # (line, reason) removed as furniture


@dataclass(frozen=True)
class _Line:
    number: int  # 1-based line number in the capture
    text: str  # stripped


@dataclass
class _Labels:
    """The reason each line of one article is removed (None: kept)."""

    lines: list[_Line]
    reasons: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reasons = [None] * len(self.lines)

    def kept(self, index: int) -> bool:
        return self.reasons[index] is None


def clean_text_capture(raw: str) -> list[TextArticle]:
    """Split a decoded text capture into articles and clean each (empty capture: one empty article)."""
    lines = [_Line(number, text.strip()) for number, text in enumerate(raw.splitlines(), start=1)]
    lines = [line for line in lines if line.text]
    parts = _split_articles(lines)
    articles = [_clean_article(part) for part in parts]
    if len(articles) > 1:
        note = SourceWarning(
            code="multiple_articles",
            message=f"The capture holds {len(articles)} articles; each is audited separately.",
        )
        articles = [TextArticle(a.text, a.fields, (note, *a.warnings), a.removed) for a in articles]
    return articles


# --- splitting ------------------------------------------------------------------------------------


def _header_block(lines: list[_Line], start: int) -> tuple[bool, bool]:
    """Whether a title at ``start`` is followed, within five lines, by a date line and by a byline."""
    has_date = has_byline = False
    for line in lines[start + 1 : start + 6]:
        if fu.is_long_prose(line.text):
            break
        has_date = has_date or fu.parse_date_line(line.text) is not None
        has_byline = has_byline or fu.parse_byline(line.text, bullet=True) is not None
    return has_date, has_byline


def _split_articles(lines: list[_Line]) -> list[list[_Line]]:
    """Split where a second article visibly begins (conservative: a false split costs more than a miss).

    A split needs a title-like line opening a header block, after a body of at least two paragraphs,
    and either a separator line ("-----", a form feed) just before it with a date or byline after it,
    or no separator but both a date line and a byline after it.
    """
    starts = [0]
    prose_since = 0
    for index, line in enumerate(lines):
        if fu.is_prose(line.text):
            prose_since += 1
            continue
        if prose_since < 2 or not fu.is_title_like(line.text) or fu.furniture_reason(line.text):
            continue
        has_date, has_byline = _header_block(lines, index)
        separated = index > 0 and bool(_SEPARATOR.match(lines[index - 1].text))
        if (separated and (has_date or has_byline)) or (has_date and has_byline):
            start = index
            while start - 1 > starts[-1] and fu.furniture_reason(lines[start - 1].text) in {
                "menu",
                "breadcrumb",
            }:
                start -= 1
            starts.append(start)
            prose_since = 0
    bounds = [*starts, len(lines)]
    return [lines[a:b] for a, b in itertools.pairwise(bounds)]


# --- labelling one article --------------------------------------------------------------------------


def _clean_article(lines: list[_Line]) -> TextArticle:
    labels = _Labels(lines)
    fields = FieldRecorder()
    _label_article(labels, fields)
    kept = [line.text for line, reason in zip(lines, labels.reasons, strict=True) if reason is None]
    removed = tuple(
        (line.text, reason) for line, reason in zip(lines, labels.reasons, strict=True) if reason is not None
    )
    warnings = list(fields.warnings())
    if not kept:
        warnings.append(
            SourceWarning("no_article_text", "Nothing but site furniture was found in the capture.")
        )
    return TextArticle("\n\n".join(kept), fields.evidence(), tuple(warnings), removed)


def _label_article(labels: _Labels, fields: FieldRecorder) -> None:
    lines = labels.lines
    # 1. Context-free furniture.
    for index, line in enumerate(lines):
        if _SEPARATOR.match(line.text):
            labels.reasons[index] = "separator"
        else:
            labels.reasons[index] = fu.furniture_reason(line.text)
        if labels.reasons[index] == "disclaimer" and (site := fu.disclaimer_site(line.text)):
            fields.add("site", site, "text:disclaimer", line.number, "high")
        if labels.reasons[index] == "breadcrumb" and (site := fu.domain_in(line.text)):
            fields.add("site", site, "text:breadcrumb", line.number, "low")
    # 2. Weak widget words beside furniture; lists of other articles' titles under "Related".
    _label_weak(labels)
    _label_related(labels)
    # 3. The header.
    header_end = _header_end(labels)
    _label_header(labels, fields, header_end)
    # 4. Repeats of the title anywhere.
    title = fields.value("title")
    if isinstance(title, str):
        for index, line in enumerate(lines):
            if labels.kept(index) and fu.normalise(line.text) == fu.normalise(title):
                labels.reasons[index] = "title"
                fields.add("title", line.text, "text:repeated-title", line.number, "high")
    # 5. The author's bio.
    _label_bio(labels, fields, header_end)
    # 6. Trailer: short lines after the last paragraph that introduce nothing.
    last_prose = max((i for i, ln in enumerate(lines) if labels.kept(i) and fu.is_prose(ln.text)), default=-1)
    for index in range(max(last_prose + 1, header_end), len(lines)):
        if labels.kept(index) and (url := fu.url_line(lines[index].text)):
            labels.reasons[index] = "url"
            fields.add("url", url, "text:url-line", lines[index].number, "medium")
        elif labels.kept(index) and fu.is_title_like(lines[index].text):
            labels.reasons[index] = "trailer"


def _neighbours(labels: _Labels, index: int) -> list[int]:
    return [i for i in (index - 1, index + 1) if 0 <= i < len(labels.lines)]


def _label_weak(labels: _Labels) -> None:
    weak = {
        i for i, line in enumerate(labels.lines) if labels.kept(i) and fu.weak_furniture_reason(line.text)
    }
    for index in sorted(weak):
        if any(not labels.kept(i) or i in weak for i in _neighbours(labels, index)):
            labels.reasons[index] = fu.weak_furniture_reason(labels.lines[index].text)


def _label_related(labels: _Labels) -> None:
    in_list = False
    for index, line in enumerate(labels.lines):
        if labels.reasons[index] == "related":
            in_list = True
        elif (
            in_list
            and labels.kept(index)
            and not fu.is_prose(line.text)
            and fu.is_title_like(line.text)
            and fu.about_heading(line.text) is None
        ):
            labels.reasons[index] = "related"
        elif labels.kept(index):
            in_list = False


def _header_end(labels: _Labels) -> int:
    """Index of the first body line: the first long paragraph, or the second paragraph of prose."""
    seen_prose = 0
    for index, line in enumerate(labels.lines):
        if not labels.kept(index):
            continue
        if fu.is_long_prose(line.text) or index >= _HEADER_MAX_LINES:
            return index
        if fu.is_prose(line.text):
            seen_prose += 1
            if seen_prose == 2:
                return index
    return len(labels.lines)


def _label_header(labels: _Labels, fields: FieldRecorder, end: int) -> None:
    """Dates, bylines (with role lines), URLs, the title, section labels and title variants."""
    lines = labels.lines
    crumbs = [
        (re.split(r"\s+[/>»›|]\s+", line.text)[-1], line.number)
        for index, line in enumerate(lines[:end])
        if labels.reasons[index] == "breadcrumb"
    ]
    crumbs = [
        (crumb, number) for crumb, number in crumbs if len(fu.words(crumb)) >= 4
    ]  # a headline, not a section
    crumb_titles = [crumb for crumb, _ in crumbs]
    title_index = _choose_title(labels, end, crumb_titles)
    previous_byline = False
    for index in range(end):
        line = lines[index]
        if not labels.kept(index):
            previous_byline = False
            continue
        date_line = fu.parse_date_line(line.text)
        byline = fu.parse_byline(line.text, bullet=True)
        if date_line is not None:
            labels.reasons[index] = "date"
            key = "updated" if date_line.updated else "published"
            fields.add(key, date_line.iso, "text:dateline", line.number, "high")
        elif byline is not None:
            labels.reasons[index] = "byline"
            fields.add_byline(byline, line.number)
        elif previous_byline and fu.is_role_line(line.text):
            labels.reasons[index] = "byline"
            fields.add_role(line.text, line.number)
        elif url := fu.url_line(line.text):
            labels.reasons[index] = "url"
            fields.add("url", url, "text:url-line", line.number, "medium")
        elif index == title_index:
            labels.reasons[index] = "title"
            confirmed = any(fu.similarity(c, line.text) >= 0.8 for c in crumb_titles)
            fields.add("title", line.text, "text:title-line", line.number, "high" if confirmed else "medium")
            for crumb, number in crumbs:
                if fu.similarity(crumb, line.text) >= 0.8:
                    fields.add("title", crumb, "text:breadcrumb", number, "medium")
        elif title_index is not None and index < title_index and fu.is_title_like(line.text):
            labels.reasons[index] = "section"
        elif title_index is not None and fu.similarity(line.text, lines[title_index].text) >= 0.6:
            labels.reasons[index] = "title"
            fields.add("title", line.text, "text:title-variant", line.number, "low")
        elif not fu.is_prose(line.text) and fu.is_title_like(line.text) and len(fu.words(line.text)) <= 3:
            labels.reasons[index] = "header"
        previous_byline = labels.reasons[index] == "byline"


def _choose_title(labels: _Labels, end: int, crumb_titles: list[str]) -> int | None:
    """The headline: the header line a breadcrumb names, else the first title-like line of 4+ words."""
    candidates = [
        i
        for i in range(end)
        if labels.kept(i)
        and fu.is_title_like(labels.lines[i].text)
        and fu.parse_date_line(labels.lines[i].text) is None
        and fu.parse_byline(labels.lines[i].text, bullet=True) is None
        and fu.url_line(labels.lines[i].text) is None
    ]
    for i in candidates:
        if any(fu.similarity(crumb, labels.lines[i].text) >= 0.8 for crumb in crumb_titles):
            return i
    long_enough = [i for i in candidates if len(fu.words(labels.lines[i].text)) >= 4]
    if long_enough:
        return long_enough[0]
    return candidates[0] if candidates else None


def _label_bio(labels: _Labels, fields: FieldRecorder, header_end: int) -> None:
    """ "About X" followed by X's bio, or a "X is a journalist ..." paragraph after trailing furniture."""
    lines = labels.lines
    for index in range(max(header_end, 1), len(lines)):
        if not labels.kept(index):
            continue
        text = lines[index].text
        about = fu.about_heading(text) if len(fu.words(text)) <= 8 else None
        following = index + 1 < len(lines) and labels.kept(index + 1) and fu.is_prose(lines[index + 1].text)
        if about is not None and following:
            bio = lines[index + 1]
            subject = fu.bio_subject(bio.text)
            if about and not (subject == about or bio.text.startswith(about)):
                continue
            labels.reasons[index] = "bio"
            labels.reasons[index + 1] = "bio"
            fields.add_bio(subject or about or None, bio.text, bio.number, "medium")
            continue
        subject = fu.bio_subject(text)
        after_furniture = not labels.kept(index - 1)
        near_end = (
            sum(1 for i in range(index + 1, len(lines)) if labels.kept(i) and fu.is_prose(lines[i].text)) == 0
        )
        if subject and after_furniture and near_end:
            labels.reasons[index] = "bio"
            fields.add_bio(subject, text, lines[index].number, "low")
