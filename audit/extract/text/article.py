"""Plain-text captures (a page pasted or saved as text): article text, furniture removed, metadata.

A text capture has one line per block of the page. The article's own paragraphs sit between a header
(menus, breadcrumbs, section label, title, date, byline) and a trailer (disclaimer, reactions, "Back to
Top", the author's bio). :func:`clean_text_capture` splits the capture into articles
(:mod:`audit.extract.text.split`), labels every line of each, keeps the article's lines verbatim (only
surrounding whitespace is stripped, so every paragraph can be found again in the raw capture) and
records, for each removed line, why it was removed and what metadata it gave.

Steps (see :func:`_label_article`):
1. context-free furniture from the lexicon (widgets, menus, share bars, ads, captions, disclaimers,
   notices: cookie banners, newsletter boxes, comment forms, affiliate and copyright lines);
2. weak widget words ("like", "wow") only beside other furniture; lists under "Related articles";
3. the header (lines before the body starts; where it lies and which line is the headline:
   :mod:`audit.extract.text.header`): dates, bylines and role lines, stated URLs, the title, section labels
   above it, repeats and variants of the title; a date above the title counts only when the title's
   own block has none; without a date there, a date line among the first lines after the body's
   start (below a long standfirst) or the body's first paragraph opening with a dateline
   ("Karlsruhe, (12.11.2021). ..."), else a line stating the publication date anywhere ("Datum:
   18.10.2021") when all such lines agree;
4. repeats of the title anywhere;
5. the author's bio ("About X" + paragraph, "X is a journalist ..." after trailing furniture or under
   a line naming X);
6. a stated URL and short lines after the last paragraph that introduce nothing (trailer);
7. runs of short lines (link lists), and whatever lies outside the main run of prose (boilerplate;
   :mod:`audit.extract.text.body`): a notice or a related list between two runs of prose separates them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from audit.extract.text.body import label_link_lists, label_outside_body
from audit.extract.text.chrome import chrome_reason
from audit.extract.text.context import Labels, label_bio, label_related, label_weak
from audit.extract.text.date_lines import (
    is_bare_name,
    is_unreadable_date_line,
    leading_date,
    opening_date,
    parse_date_line,
    split_meta_line,
)
from audit.extract.text.fields import FieldRecorder
from audit.extract.text.furniture import (
    Byline,
    disclaimer_site,
    domain_in,
    is_prose,
    is_role_line,
    is_title_like,
    is_unnamed_byline,
    lexicon,
    normalise,
    parse_byline,
    similarity,
    url_line,
    words,
)
from audit.extract.text.header import byline_and_date, gives_date, header_window, is_date_line
from audit.extract.text.headline import Hints, choose_headline, title_line
from audit.extract.text.split import SEPARATOR, Line, split_articles
from audit.model import Confidence, FieldEvidence, SourceWarning

_OTHER_HEADLINES = 3  # runners-up kept as title evidence
_PREFIX_LINE_WORDS = 3  # a line ending with "by" this short is a byline's label ("Disko Von / Jane Doe")
_BYLINE_WORDS = 16  # a line naming the author, not a sentence mentioning one
_NEAR_TITLE = 20  # lines below the headline where the first of several dates is still its own
_BELOW_STANDFIRST = 3  # kept lines after the body's first paragraph that may still hold its date


@dataclass(frozen=True)
class TextArticle:
    """One article of a text capture: its text, metadata evidence, warnings and the lines removed."""

    text: str
    fields: dict[str, FieldEvidence]
    warnings: tuple[SourceWarning, ...]
    removed: tuple[tuple[str, str], ...]  # (line, reason) removed as furniture


def clean_text_capture(raw: str, url: str | None = None) -> list[TextArticle]:
    """Split a decoded text capture into articles and clean each (empty capture: one empty article).

    ``url``, the page's address when the capturer gives it (a sidecar), helps tell the headline: its slug
    usually spells it."""
    lines = [Line(number, text.strip()) for number, text in enumerate(raw.splitlines(), start=1)]
    lines = [line for line in lines if line.text]
    parts = split_articles(lines)
    first = Hints(title_line=title_line(lines), url=url if len(parts) == 1 else None)
    articles = [_clean_article(part, first if number == 0 else Hints()) for number, part in enumerate(parts)]
    if len(articles) > 1:
        note = SourceWarning(
            code="multiple_articles",
            message=f"The capture holds {len(articles)} articles; each is audited separately.",
        )
        articles = [TextArticle(a.text, a.fields, (note, *a.warnings), a.removed) for a in articles]
    return articles


# --- labelling one article --------------------------------------------------------------------------


def _clean_article(lines: list[Line], hints: Hints) -> TextArticle:
    labels = Labels(lines)
    fields = FieldRecorder()
    _label_article(labels, fields, hints)
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


def _label_article(labels: Labels, fields: FieldRecorder, hints: Hints) -> None:
    lines = labels.lines
    # 1. Context-free furniture.
    for index, line in enumerate(lines):
        if SEPARATOR.match(line.text):
            labels.reasons[index] = "separator"
        else:
            labels.reasons[index] = chrome_reason(line.text)
        if labels.reasons[index] == "disclaimer" and (site := disclaimer_site(line.text)):
            fields.add("site", site, "text:disclaimer", line.number, "high")
        if labels.reasons[index] == "breadcrumb" and (site := domain_in(line.text)):
            fields.add("site", site, "text:breadcrumb", line.number, "low")
    # 2. Weak widget words beside furniture; lists of other articles' titles under "Related".
    label_weak(labels)
    label_related(labels)
    # 3. The header.
    header_start, header_end = header_window(labels.lines, labels.reasons)
    _label_header(labels, fields, header_start, header_end, hints)
    if fields.value("published") is None:
        _label_date_below_standfirst(labels, fields, header_end)
    if fields.value("published") is None:
        _label_stated_date(labels, fields)
    if fields.value("published") is None:
        _label_lone_date(labels, fields)
    if not fields.value("authors"):
        _label_stated_byline(labels, fields)
    # 4. Repeats of the title anywhere.
    title = fields.value("title")
    if isinstance(title, str):
        for index, line in enumerate(lines):
            if labels.kept(index) and normalise(line.text) == normalise(title):
                labels.reasons[index] = "title"
                fields.add("title", line.text, "text:repeated-title", line.number, "high")
    # 5. The author's bio.
    label_bio(labels, fields, header_end)
    # 6. Trailer: a stated URL, and short lines after the last paragraph that introduce nothing.
    last_prose = max((i for i, ln in enumerate(lines) if labels.kept(i) and is_prose(ln.text)), default=-1)
    for index in range(max(last_prose + 1, header_end), len(lines)):
        if labels.kept(index) and (url := url_line(lines[index].text)):
            labels.reasons[index] = "url"
            fields.add("url", url, "text:url-line", lines[index].number, "medium")
        elif labels.kept(index) and is_title_like(lines[index].text):
            labels.reasons[index] = "trailer"
    # 7. Runs of short lines (link lists), then everything outside the main run of prose.
    label_link_lists(labels.lines, labels.reasons)
    label_outside_body(labels.lines, labels.reasons, header_start, header_end)


def _label_header(labels: Labels, fields: FieldRecorder, start: int, end: int, hints: Hints) -> None:
    """Dates, bylines (with role lines), URLs, the title, section labels and title variants."""
    lines = labels.lines
    crumbs = [
        (re.split(r"\s+[/>»›|]\s+", line.text)[-1], line.number)
        for index, line in enumerate(lines[:end])
        if labels.reasons[index] == "breadcrumb"
    ]
    crumb_pages = [crumb for crumb, _ in crumbs if len(words(crumb)) >= 2]  # the page a breadcrumb names
    crumbs = [
        (crumb, number) for crumb, number in crumbs if len(words(crumb)) >= 4
    ]  # a headline, not a section
    crumb_titles = [crumb for crumb, _ in crumbs]
    headline = choose_headline(
        labels.lines, labels.reasons, 0, end, replace(hints, crumbs=tuple(crumb_pages))
    )
    title_index = headline.index
    if title_index is not None:
        start = min(start, title_index)
    for index, _ in headline.candidates[: _OTHER_HEADLINES + 1]:
        if index != title_index:  # the runners-up, as evidence
            fields.add("title", lines[index].text, "text:headline-candidate", lines[index].number, "low")
    # A date above the headline when the headline's own block below it is dated: a teaser's or the
    # site's date ("today"), kept as evidence but not chosen over the article's own.
    dated_below = title_index is not None and any(
        labels.kept(i) and gives_date(lines[i].text) for i in range(title_index + 1, end)
    )
    previous_byline = False
    for index in range(start, end):
        line = lines[index]
        if not labels.kept(index):
            previous_byline = False
            continue
        date_line = parse_date_line(line.text)
        byline = parse_byline(line.text, bullet=True)
        both = byline_and_date(line.text) if date_line is None else None
        teaser = dated_below and title_index is not None and index < title_index
        confidence: Confidence = "low" if teaser else "high"
        if both is not None:
            labels.reasons[index] = "byline"
            fields.add_byline(both[0], line.number)
            if both[1] is not None:
                method = "text:date-above-title" if teaser else "text:byline-date"
                fields.add("published", both[1].iso, method, line.number, confidence)
        elif date_line is not None:
            labels.reasons[index] = "date"
            key = "updated" if date_line.updated else "published"
            method = "text:date-above-title" if teaser and key == "published" else "text:dateline"
            fields.add(key, date_line.iso, method, line.number, confidence)
            if (with_author := split_meta_line(line.text)) is not None:  # "8 May 2020 · by A · in B"
                fields.add_byline(with_author[0], line.number)
        elif byline is not None:
            labels.reasons[index] = "byline"
            fields.add_byline(byline, line.number)
        elif is_unnamed_byline(line.text):
            labels.reasons[index] = "byline"  # a desk or an agency: no author
        elif is_unreadable_date_line(line.text):
            labels.reasons[index] = "date"  # a date line all the same, but it gives no date
        elif previous_byline and index != title_index and is_role_line(line.text):
            labels.reasons[index] = "byline"
            fields.add_role(line.text, line.number)
        elif url := url_line(line.text):
            labels.reasons[index] = "url"
            fields.add("url", url, "text:url-line", line.number, "medium")
        elif (named := _name_line(labels, index, title_index)) is not None:
            labels.reasons[index] = "byline"
            fields.add_byline(named, line.number, "text:name-line")
        elif index == title_index:
            labels.reasons[index] = "title"
            confirmed = any(similarity(c, line.text) >= 0.8 for c in crumb_titles)
            fields.add("title", line.text, "text:title-line", line.number, "high" if confirmed else "medium")
            for crumb, number in crumbs:
                if similarity(crumb, line.text) >= 0.8:
                    fields.add("title", crumb, "text:breadcrumb", number, "medium")
        elif title_index is not None and index < title_index and is_title_like(line.text):
            above_title = all(not labels.kept(i) for i in range(index + 1, title_index))
            labels.reasons[index] = "section" if above_title else "header"
        elif title_index is not None and similarity(line.text, lines[title_index].text) >= 0.6:
            labels.reasons[index] = "title"
            fields.add("title", line.text, "text:title-variant", line.number, "low")
        elif not is_prose(line.text) and is_title_like(line.text) and len(words(line.text)) <= 3:
            labels.reasons[index] = "header"
        previous_byline = labels.reasons[index] == "byline"


def _name_line(labels: Labels, index: int, title_index: int | None) -> Byline | None:
    """A byline without "By" below the headline: a bare name followed by a date line ("Title / Jane Doe
    / 3 March 2020") or right under one ("3 March 2020 / Jane Doe"), under a line ending with "by" ("3 March
    2020 by / Jane Doe", "By / Jane Doe"), or a name and a role ("Jane Doe | Reporter")."""
    if title_index is None or index <= title_index:
        return None
    text = labels.lines[index].text.rstrip(" ,")  # "Jane Doe," above its date
    name, _, role = (part.strip() for part in text.partition(" | "))
    if role and is_bare_name(name) and is_role_line(role):
        return Byline((name,), ((name, role),))
    if role or not is_bare_name(text) or labels.lines[index - 1].text == text:
        return None  # a label printed twice in a row ("Open Future / Open Future") is a section
    following = [
        i for i in range(index + 1, len(labels.lines)) if labels.kept(i) or labels.reasons[i] == "date"
    ]
    if following and is_date_line(labels.lines[following[0]].text):
        return Byline((text,), ())
    if labels.reasons[index - 1] == "date" and index - 1 > title_index:
        with_author = split_meta_line(labels.lines[index - 1].text)
        if with_author is None or not with_author[0].names:  # "3 March 2020 · by A / Photo Credit": A's
            return Byline((text,), ())  # "Title / 3 March 2020 / Jane Doe"
    above = labels.lines[index - 1].text.split()
    prefix_line = len(above) <= _PREFIX_LINE_WORDS or labels.reasons[index - 1] in ("date", "byline")
    if above and prefix_line and lexicon().byline.match(f"{above[-1].rstrip(':')} {text}"):
        return Byline((text,), ())  # "21.01.2022 11:46 von / Jane Doe", "By / Jane Doe": the byline broken
    return None


def _label_date_below_standfirst(labels: Labels, fields: FieldRecorder, body_start: int) -> None:
    """A date line (or byline with a date) among the first lines after the body's start: a long
    standfirst may sit between the headline and the date ("Title / Standfirst / 01.11.2023, 07:00")."""
    if body_start < len(labels.lines) and (lead := leading_date(labels.lines[body_start].text)):
        fields.add("published", lead, "text:lead-date", labels.lines[body_start].number, "medium")
        return  # "Karlsruhe, (12.11.2021). The council ...": a press release's dateline
    following = [i for i in range(body_start + 1, len(labels.lines)) if labels.kept(i)][:_BELOW_STANDFIRST]
    for index in following:
        line = labels.lines[index]
        if (date_line := parse_date_line(line.text)) is not None and not date_line.updated:
            labels.reasons[index] = "date"
            fields.add("published", date_line.iso, "text:dateline", line.number, "medium")
            return
        if (both := byline_and_date(line.text)) is not None and both[1] is not None:
            labels.reasons[index] = "byline"
            fields.add_byline(both[0], line.number)
            fields.add("published", both[1].iso, "text:byline-date", line.number, "medium")
            return


def _label_stated_byline(labels: Labels, fields: FieldRecorder) -> None:
    """With no byline in the header, a line naming the author anywhere in the article ("Text: Jane Doe" below
    the text, "Author: Jane Doe, Date: 3.3.20" under the standfirst), when every such line names the same
    people (a comment thread's "by A", "by B" gives none)."""
    stated = [
        (index, byline)
        for index, line in enumerate(labels.lines)
        if labels.kept(index)
        and len(words(line.text)) <= _BYLINE_WORDS
        and (byline := parse_byline(line.text)) is not None
        and all(is_bare_name(name) and not _doubled(name) for name in byline.names)
    ]
    if not stated or len({byline.names for _, byline in stated}) > 1:
        return
    for index, byline in stated:
        labels.reasons[index] = "byline"
        fields.add_byline(byline, labels.lines[index].number, "text:stated-byline")


def _doubled(name: str) -> bool:
    """A name printed twice in one line, for eyes and screen readers ("Jane Doe Jane Doe")."""
    tokens = name.split()
    half = len(tokens) // 2
    return len(tokens) % 2 == 0 and tokens[:half] == tokens[half:]


def _label_lone_date(labels: Labels, fields: FieldRecorder) -> None:
    """With no date anywhere else, the date of the article's date lines (a bare "15.12.2021" below the text, "5.
    November 2021 admin News 0"), when they all give the same day, else the first within twenty lines below the
    headline: evidence for an editor, never the publication date itself (:mod:`audit.extract.text.fields`)."""
    found = []
    for index, line in enumerate(labels.lines):
        if not labels.kept(index):
            continue
        date_line = parse_date_line(line.text)
        both = byline_and_date(line.text) if date_line is None else None
        if date_line is not None and not date_line.updated:
            if date_line.prefix not in lexicon().sentence_prefixes:  # "On 3 March 2020" opens sentences
                found.append((index, date_line.iso))
        elif both is not None and both[1] is not None:
            found.append((index, both[1].iso))
        elif not is_prose(line.text) and (opening := opening_date(line.text)) is not None:
            found.append((index, opening))
    if not found:
        return
    if len({iso for _, iso in found}) > 1:  # several days: the first after the headline, above the text's end
        title = next((i for i, reason in enumerate(labels.reasons) if reason == "title"), None)
        last_prose = max(
            (i for i, ln in enumerate(labels.lines) if labels.kept(i) and is_prose(ln.text)), default=-1
        )
        found = [
            (i, iso)
            for i, iso in found
            if title is not None and title < i < min(last_prose, title + _NEAR_TITLE)
        ][:1]
        method = "text:first-date"
    else:
        method = "text:lone-date"
    for index, iso in found:
        labels.reasons[index] = "date"
        fields.add("published", iso, method, labels.lines[index].number, "low")


def _label_stated_date(labels: Labels, fields: FieldRecorder) -> None:
    """With no date in the header, a line stating the publication date anywhere in the article
    ("Datum: 18.10.2021", "Published 3 March 2020" below the text): used only when every such line
    gives the same date (a list of teasers, each "Posted on" a different day, gives none)."""
    stated = [
        (index, date_line)
        for index, line in enumerate(labels.lines)
        if labels.kept(index)
        and (date_line := parse_date_line(line.text)) is not None
        and date_line.prefix
        and not date_line.updated
        and date_line.prefix not in lexicon().sentence_prefixes
    ]
    if not stated or len({date_line.iso for _, date_line in stated}) > 1:
        return
    for index, date_line in stated:
        labels.reasons[index] = "date"
        fields.add("published", date_line.iso, "text:stated-date", labels.lines[index].number, "low")
