"""Bylines a page shows without structured markup, and the page's own spelling of a name.

Structured author statements (JSON-LD, ``meta name=author``, ``itemprop=author``) are collected in
:mod:`audit.extract.html.metadata.fields`. Many pages state the author only in prose-like page furniture:

- a labelled pair of meta tags, as WordPress SEO plugins write it: ``twitter:label1`` = "Written by"
  and ``twitter:data1`` = the name;
- an element whose first line (up to a ``<br>`` or a block element) opens with a byline label:
  "Von Anna Schmidt", "Text: Max Muster", "Autoren Jane Doe und John Roe",
  ``<byline>By Jane Doe, dpa</byline>``, "<b>Von:</b><br>Anna Schmidt" (a label alone on its line
  takes the next line).

Labels live in ``audit/data/metadata_lexicon.json`` (``byline_labels``; a label written with a final
colon only counts with one, since "Text" or "Autor" alone open ordinary sentences too). Only a
byline-long first line is read, and none inside comment threads, navigation or footers, where names
are those of commenters or other articles.

A chosen name is reported as the page prints it (:func:`printed`): trafilatura's byline guess comes
title-cased and without punctuation ("Jdoe" for "jdoe", "R C Baker" for "R.C. Baker"), and a JSON-LD
"Ally Doe" may be printed "ALLY DOE" in the byline; the name is reported as stated and judged on that.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import lxml.html
from lxml import etree

from audit.extract.html.metadata.authors import MAX_BYLINE_LENGTH, lexicon, reads_as_prose

# Elements whose first line can be a byline (see _first_line).
_TAGS = frozenset(
    [
        "p",
        "a",
        "span",
        "div",
        "byline",
        "address",
        "li",
        "small",
        "em",
        "i",
        "b",
        "strong",
        "font",
        "td",
        "h4",
        "h5",
        "h6",
    ]
)
_SKIP_MARKS = (
    "comment",
    "footer",
    "sidebar",
    "related",
    "teaser",
    "widget",
    "nav",
    "menu",
    "kommentar",
    "card",
)
# Class prefixes of layout modifiers ("has-sidebar" on the page's main container)
_MODIFIER_PREFIXES = ("has-", "has_", "with-", "no-", "is-", "show-", "hide-")
_SKIP_TAGS = frozenset(["nav", "footer", "aside", "header", "form", "script", "style", "noscript"])
_PAGE_TAGS = frozenset(["body", "html"])
_ARTICLE_MARKS = ("article", "entry", "post", "story")
# Elements that start a new line of text (with <br>): a byline is the first line of its element.
_BLOCKS = frozenset(
    [
        "p",
        "div",
        "li",
        "ul",
        "ol",
        "dl",
        "dt",
        "dd",
        "table",
        "tr",
        "td",
        "th",
        "section",
        "article",
        "address",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "figure",
        "figcaption",
        "pre",
        "hr",
    ]
)
# What may stand between the words of a printed name: spaces, dots of initials, hyphens, apostrophes.
_NAME_GAP = r"[\s.\-‐'’]{1,3}"
ANY_GAP = r"[\W_]{1,3}"
# Text bylines read per page: the first in document order is the article's; later ones are those of
# teasers and listings further down ("Par AFP" of an agency story, then "Par Jane Doe" of an opinion
# teaser). A labelled sentence ("By signing up, you agree ...") is no byline and does not count.
MAX_TEXT_BYLINES = 1


@lru_cache(maxsize=1)
def _label_pattern() -> re.Pattern[str]:
    """Byline labels at the start of a text: "by", "von", "text:" (colon required where written)."""
    parts = []
    for label in sorted(lexicon().byline_labels, key=len, reverse=True):
        if label.endswith(":"):
            parts.append(re.escape(label[:-1]) + r"\s*:")
        else:
            parts.append(re.escape(label) + r"(?:\s*:|\s)")
    return re.compile(r"^\s*(?:" + "|".join(parts) + r")\s*(?=[^\W\d_])", re.IGNORECASE)


@lru_cache(maxsize=1)
def _label_only() -> re.Pattern[str]:
    """A line that is nothing but a byline label ("Von:", "By"), its name on the next line."""
    labels = sorted(lexicon().byline_labels, key=len, reverse=True)
    parts = [re.escape(label.removesuffix(":")) for label in labels]
    return re.compile(r"^\s*(?:" + "|".join(parts) + r")\s*:?\s*$", re.IGNORECASE)


# Elements a reader never sees: the ``hidden`` attribute, an inline ``display:none``, and the usual
# "hide this" classes (themes put rich-snippet copies of the byline in such elements, and a
# screen-reader copy of the name inside the byline link: "Par <a>Jo Doe<span class="u-screen-reader-text">
# Jo Doe</span></a>"). A class counts as written or with a prefix ("u-screen-reader-text").
_HIDDEN_CLASSES = frozenset(
    ["hidden", "rich-snippet-hidden", "d-none", "sr-only", "screen-reader-text", "visually-hidden"]
)
_HIDDEN_SUFFIXES = tuple("-" + name for name in ("sr-only", "screen-reader-text", "visually-hidden"))


def is_hidden(element: lxml.html.HtmlElement) -> bool:
    """True when the element itself is hidden from readers (its ancestors are not looked at)."""
    if element.get("hidden") is not None or "display:none" in (element.get("style") or "").replace(" ", ""):
        return True
    classes = (element.get("class") or "").split()
    return not _HIDDEN_CLASSES.isdisjoint(classes) or any(c.endswith(_HIDDEN_SUFFIXES) for c in classes)


def _lines(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The element's text as the lines a reader sees: broken at ``<br>`` and around block elements."""
    line: list[str] = []

    def flush() -> str:
        text = _squash("".join(line))
        line.clear()
        return text

    walker = etree.iterwalk(element, events=("start", "end"))  # no recursion: trees can be deep
    for event, node in walker:
        tag = node.tag if isinstance(node.tag, str) else None  # None: a comment
        if event == "start":
            if (tag in _BLOCKS or tag == "br") and (text := flush()):
                yield text
            if tag is None or tag in _SKIP_TAGS or is_hidden(node):
                walker.skip_subtree()
            else:
                line.append(node.text or "")
            continue
        if tag in _BLOCKS and (text := flush()):
            yield text
        if node is not element:
            line.append(node.tail or "")
    if text := flush():
        yield text


def _first_line(element: lxml.html.HtmlElement) -> str:
    """The element's first line, or its first two when the first is only a label ("Von:" / name)."""
    lines = _lines(element)
    first = next(lines, "")
    if _label_only().match(first):
        first = f"{first} {next(lines, '')}".strip()
    return first


def _squash(text: str) -> str:
    return " ".join(text.split())


def labelled_meta_authors(tree: lxml.html.HtmlElement) -> Iterator[str]:
    """Names from ``twitter:labelN``/``twitter:dataN`` meta pairs whose label is a byline label."""
    pattern = _label_pattern()
    metas: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or "").strip().lower()
        if key.startswith("twitter:"):
            metas[key] = (meta.get("content") or "").strip()
    for key, label in sorted(metas.items()):
        if not key.startswith("twitter:label"):
            continue
        data = metas.get("twitter:data" + key.removeprefix("twitter:label"), "")
        if data and pattern.match(label + " " + data[:1]):
            yield data


def _article_header(element: lxml.html.HtmlElement) -> bool:
    """A ``<header>`` of the article rather than of the site: inside ``<article>`` or ``<main>``, or
    marked as the article's ("article__header", "entry-header", "post-head")."""
    if element.tag != "header":
        return False
    marks = f"{element.get('class') or ''} {element.get('id') or ''}".lower()
    if any(word in marks for word in _ARTICLE_MARKS):
        return True
    return any(ancestor.tag in ("article", "main") for ancestor in element.iterancestors())


def is_skipped(element: lxml.html.HtmlElement) -> bool:
    """True for (or inside) navigation, footers, asides, the site's header or comment/teaser blocks.

    The classes of ``<body>`` and ``<html>`` do not count (a theme writes "one-sidebar sidebar-second"
    there on every page), nor does the article's own ``<header>`` (:func:`_article_header`). A class that states a layout modifier ("has-sidebar", "no-comments", "with-related") describes
    the container's layout, not its content, and does not count.
    """
    for ancestor in [element, *element.iterancestors()]:
        if ancestor.tag in _PAGE_TAGS:
            break  # the page's own classes describe its layout ("one-sidebar"), not this element
        if ancestor.tag in _SKIP_TAGS and not _article_header(ancestor):
            return True
        tokens = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".lower().split()
        marks = " ".join(t for t in tokens if not t.startswith(_MODIFIER_PREFIXES))
        if any(mark in marks for mark in _SKIP_MARKS):
            return True
    return False


def _after_breaks(element: lxml.html.HtmlElement) -> Iterator[str]:
    """The lines that follow a ``<br>`` among the element's own children (not inside child blocks)."""
    line: list[str] | None = None
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else None
        if tag == "br" or tag in _BLOCKS:
            if line is not None and (text := _squash("".join(line))):
                yield text
            line = [child.tail or ""] if tag == "br" else None
        elif line is not None:
            if tag is not None and tag not in _SKIP_TAGS and not is_hidden(child):
                line.append(child.text_content())
            line.append(child.tail or "")
    if line is not None and (text := _squash("".join(line))):
        yield text


def _labelled(text: str, pattern: re.Pattern[str], colon: bool = False) -> str | None:
    """What follows a byline label opening ``text`` (a label written with a colon when ``colon``)."""
    match = pattern.match(text) if len(text) <= MAX_BYLINE_LENGTH else None
    if match is None or (colon and ":" not in match.group(0)):
        return None
    rest = text[match.end() :]
    return None if reads_as_prose(rest) else rest


def text_bylines(tree: lxml.html.HtmlElement, limit: int = MAX_TEXT_BYLINES) -> list[str]:
    """The text after the label of the first ``limit`` body elements whose first line opens with one.

    Only the element's first line is read ("Auteur : Name" of a box whose next paragraph credits the
    editor; "Autor: Name" before a line of tags), and only when it is at most a byline long; an
    element inside one already taken is skipped ("<p><b>Von:</b> Name</p>" is read once, as the <p>).
    A labelled sentence ("By providing your email address, you agree ...") is passed over. A line
    after a ``<br>`` of the element's own text counts too when its label has a colon: articles often
    end "... Urteil.<br><br>Autor: Name" (a bare "Von"/"By" there opens prose too often).
    """
    pattern = _label_pattern()
    found: list[lxml.html.HtmlElement] = []
    names: list[str] = []
    for body in tree.xpath("//body")[:1]:
        for element in body.iter():
            if not isinstance(element.tag, str) or element.tag not in _TAGS:
                continue
            name = _labelled(_first_line(element), pattern)
            if name is None and len(element):
                name = next(
                    (n for line in _after_breaks(element) if (n := _labelled(line, pattern, True))), None
                )
            if name is None or is_skipped(element):
                continue
            if any(ancestor in found for ancestor in element.iterancestors()):
                continue
            found.append(element)
            names.append(name)
            if len(names) >= limit:
                return names
    return names


def printed(name: str, visible: str, gap: str = _NAME_GAP) -> str | None:
    """``name`` as the page prints it, or None when the page does not print it as whole words.

    The words must appear in order, as whole words, in any case and with any punctuation between
    them: "R C Baker" (an extractor's normalised form) is printed as "R.C. BAKER", so that is
    returned. A name ending in a lone initial keeps the page's dot ("Juan Muñoz C."). A fragment of
    a longer word ("Bo" of "Bo2man") is not printed. ``gap`` is what may stand between the words
    (``ANY_GAP`` also admits commas and colons: "Jane Doe Staff Writer" is printed as "Jane Doe, Staff
    Writer").
    """
    words = re.findall(r"\w+", name)
    if not words:
        return None
    pattern = r"(?<!\w)" + gap.join(re.escape(w) for w in words) + r"(?!\w)"
    if len(words[-1]) == 1:
        pattern += r"\.?"
    match = re.search(pattern, visible, re.IGNORECASE)
    return " ".join(match.group(0).split()) if match else None


def page_spelling(name: str, visible: str) -> str:
    """``name`` as the page prints it (same letters, the page's case), or ``name`` when not printed.

    A first name alone (a CMS display name: "Nils") becomes the full name when the page's byline
    prints it with a surname ("Eine Kolumne von Nils Pickert"): one capitalised word right after the
    name, the whole following a byline label, and the same full name printed once more elsewhere
    (an author box: "Nils Pickert ist freier Autor"). Without that repetition the next word is as
    often the start of the page's next line ("By Bebs Prep Time", "von Kathrin Zum Rezept").
    """
    spelt = printed(name, visible) or name
    if " " in spelt.strip():
        return spelt
    label = _label_pattern().pattern.removeprefix("^")  # the labels, then a lookahead for a letter
    surname = r"[A-ZÀ-ÖØ-Þ][\w'’\-]+"
    match = re.search(rf"(?<!\w)(?i:{label})({re.escape(spelt)}\s+{surname})(?!\w)", visible)
    if match is None or len(re.findall(rf"(?<!\w){re.escape(match.group(1))}(?!\w)", visible)) < 2:
        return spelt
    return match.group(1)
