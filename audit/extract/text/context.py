"""Lines known from their neighbours: widget words beside other furniture, the items of a "Related" list, the
author's bio after the article.

:mod:`audit.extract.text.article` labels each line of an article with the reason it is removed (None: kept); these
steps run after the context-free furniture is labelled, and look at each line's neighbours.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from audit.extract.text.fields import FieldRecorder
from audit.extract.text.furniture import (
    about_heading,
    bio_subject,
    is_prose,
    is_title_like,
    normalise,
    weak_furniture_reason,
    words,
)
from audit.extract.text.split import Line, is_teaser_line


@dataclass
class Labels:
    """The reason each line of one article is removed (None: kept)."""

    lines: list[Line]
    reasons: list[str | None] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.reasons = [None] * len(self.lines)

    def kept(self, index: int) -> bool:
        return self.reasons[index] is None


def _neighbours(labels: Labels, index: int) -> list[int]:
    return [i for i in (index - 1, index + 1) if 0 <= i < len(labels.lines)]


def label_weak(labels: Labels) -> None:
    weak = {i for i, line in enumerate(labels.lines) if labels.kept(i) and weak_furniture_reason(line.text)}
    for index in sorted(weak):
        if any(not labels.kept(i) or i in weak for i in _neighbours(labels, index)):
            labels.reasons[index] = weak_furniture_reason(labels.lines[index].text)


def _in_related_list(text: str, teaser_line: bool, after_teaser_line: bool) -> bool:
    """A kept line under a "Related" heading that belongs to the list: a title, teaser line or lead."""
    if teaser_line or (after_teaser_line and is_prose(text)):
        return True
    return not is_prose(text) and is_title_like(text) and about_heading(text) is None


def label_related(labels: Labels) -> None:
    """Under a "Related" heading: the other articles' titles, and each teaser's byline, date and lead.

    A teaser is a title followed by a byline or date line; the one paragraph right after such a line is
    the teaser's lead, not the article's (the article resumes with prose that follows no teaser line).
    """
    in_list = False
    after_teaser_line = False
    for index, line in enumerate(labels.lines):
        text = line.text
        teaser_line = in_list and is_teaser_line(text)
        if labels.reasons[index] == "related":
            in_list = True
        elif not labels.kept(index) and is_prose(text):
            in_list = False  # a notice (cookies, affiliate links) is not an item of the list
        elif in_list and labels.kept(index) and _in_related_list(text, teaser_line, after_teaser_line):
            labels.reasons[index] = "related"
        elif labels.kept(index):
            in_list = False
        if labels.kept(index) or labels.reasons[index] == "related":
            label = after_teaser_line and not is_prose(text) and len(words(text)) <= 3
            after_teaser_line = teaser_line or label  # a section label may sit between date and lead


def label_bio(labels: Labels, fields: FieldRecorder, header_end: int) -> None:
    """ "About X" followed by X's bio, or a "X is a journalist ..." paragraph after trailing furniture."""
    lines = labels.lines
    last_prose = max((i for i, ln in enumerate(lines) if labels.kept(i) and is_prose(ln.text)), default=-1)
    for index in range(max(header_end, 1), len(lines)):
        if not labels.kept(index):
            continue
        text = lines[index].text
        about = about_heading(text) if len(words(text)) <= 8 else None
        following = index + 1 < len(lines) and labels.kept(index + 1) and is_prose(lines[index + 1].text)
        if about is not None and following:
            bio = lines[index + 1]
            subject = bio_subject(bio.text)
            if about and not (subject == about or bio.text.startswith(about)):
                continue
            labels.reasons[index] = "bio"
            labels.reasons[index + 1] = "bio"
            fields.add_bio(subject or about or None, bio.text, bio.number, "medium")
            continue
        subject = bio_subject(text)
        after_furniture = not labels.kept(index - 1)
        near_end = index >= last_prose  # no kept paragraph after it
        named_above = normalise(lines[index - 1].text) == normalise(subject or "")
        if subject and ((after_furniture and near_end) or named_above):  # "Jane Doe" / "Jane Doe is ..."
            labels.reasons[index] = "bio"
            fields.add_bio(subject, text, lines[index].number, "low")
