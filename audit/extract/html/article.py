"""Main text and metadata of one HTML page: the entry point the pipeline calls for HTML captures.

Steps (``extract_html``):

1. parse the decoded HTML with the depth guard of :mod:`audit.extract.html.dom` (deep nesting is flattened and
   reported as ``truncated_dom`` rather than silently dropped by lxml);
2. extract the main text with trafilatura in precision mode, comments excluded, from a copy of the
   parsed tree prepared by :mod:`audit.extract.html.prepare` and :mod:`audit.extract.html.body_parts` (never from a
   string that could be taken for a URL: nothing is ever fetched);
3. turn trafilatura's line-per-block text into paragraphs separated by a blank line, dropping a leading
   headline that repeats the page title (it is the ``title`` field, not body text), then a leading
   standfirst (a page description shown as a subheading: the ``description``, not body text), and
   paragraphs that match the boilerplate patterns of ``audit/data/boilerplate_lines.json``;
4. collect the metadata fields with their evidence (:mod:`audit.extract.html.metadata.fields`).

The function never raises on bad input: an unparseable or empty page gives ``text == ""``.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
import trafilatura

from audit.data import load
from audit.extract.html.body_parts import merge_parts, split_body_parts, unwrap_embedded_posts
from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.fields import extract_metadata
from audit.extract.html.prepare import prepare
from audit.model import FieldEvidence, SourceWarning

# trafilatura logs every page it finds too short at WARNING level; the pipeline reports that itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_SPACES = re.compile(r"[ \t\u00a0]+")
_WORD = re.compile(r"\w+")
_TITLE_XPATHS = (
    '//meta[@property="og:title"]/@content',
    '//meta[@name="twitter:title"]/@content',
    "//title//text()",
    "//h1",
)
_DESCRIPTION_XPATH = (
    '//meta[@name="description" or @property="og:description" or @name="twitter:description"]/@content'
)
_SUBHEADINGS = ("h2", "h3", "h4", "h5", "h6")
# A leading paragraph at least this long (in normalised characters) that is part of a title counts as it.
_MIN_TITLE_PART = 20


@dataclass(frozen=True)
class HtmlExtraction:
    """The cleaned article text, its metadata fields with evidence, and warnings about the page."""

    text: str
    fields: dict[str, FieldEvidence]
    warnings: tuple[SourceWarning, ...]


@lru_cache(maxsize=1)
def _boilerplate() -> tuple[tuple[int, tuple[re.Pattern[str], ...]], ...]:
    """The boilerplate paragraph patterns, each family with its length cap, from ``audit/data``."""
    data = load("boilerplate_lines")
    return tuple(
        (int(data[cap]), tuple(re.compile(pattern, re.IGNORECASE) for pattern in data[key]))
        for cap, key in (
            ("max_length", "patterns"),
            ("list_max_length", "list_patterns"),
            ("credit_max_length", "credit_patterns"),
        )
    )


def is_boilerplate(paragraph: str) -> bool:
    """True for a short paragraph that is a cross-link, tag or keyword list, share/comment/newsletter
    prompt or shortcode."""
    return any(
        len(paragraph) <= max_length and any(p.search(paragraph) for p in patterns)
        for max_length, patterns in _boilerplate()
    )


def _normalise(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def page_titles(tree: lxml.html.HtmlElement) -> set[str]:
    """Normalised titles the page gives itself (og/twitter title, <title>, <h1>)."""
    titles: set[str] = set()
    for xpath in _TITLE_XPATHS:
        for value in tree.xpath(xpath):
            text = value.text_content() if isinstance(value, lxml.html.HtmlElement) else str(value)
            normalised = _normalise(text)
            if normalised:
                titles.add(normalised)
    return titles


def standfirsts(tree: lxml.html.HtmlElement) -> set[str]:
    """Normalised standfirsts: page descriptions (meta/og/twitter) that the page also shows as a
    subheading (``<h2>``...``<h6>``). A lede paragraph that repeats the description is a ``<p>`` and
    not one of these."""
    descriptions = {_normalise(str(value)) for value in tree.xpath(_DESCRIPTION_XPATH)} - {""}
    if not descriptions:
        return set()
    headings = {_normalise(heading.text_content()) for heading in tree.iter(*_SUBHEADINGS)}
    return descriptions & headings


def _is_title(paragraph: str, titles: set[str]) -> bool:
    normalised = _normalise(paragraph)
    if not normalised:
        return False
    return any(normalised == t or (len(normalised) >= _MIN_TITLE_PART and normalised in t) for t in titles)


def _paragraphs(raw: str, titles: set[str] | None = None, leads: set[str] | None = None) -> str:
    """One paragraph per non-empty line of trafilatura's text output, separated by blank lines.

    A first paragraph repeating the page title is dropped, then a first paragraph that is a standfirst
    (one of ``leads``, see :func:`standfirsts`), and boilerplate paragraphs.
    """
    lines = [line for line in (_SPACES.sub(" ", line).strip() for line in raw.splitlines()) if line]
    if lines and titles and _is_title(lines[0], titles):
        lines = lines[1:]
    if lines and leads and _normalise(lines[0]) in leads:
        lines = lines[1:]
    return "\n\n".join(line for line in lines if _WORD.search(line) and not is_boilerplate(line))


def trafilatura_text(tree: lxml.html.HtmlElement, url: str | None) -> str:
    """trafilatura's text of ``tree`` (which it prunes: pass a copy), "" on failure."""
    try:
        raw = trafilatura.extract(
            tree,
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            output_format="txt",
            with_metadata=False,
        )
    except (RecursionError, ValueError, TypeError, AttributeError):
        return ""
    return raw or ""


def main_text(tree: lxml.html.HtmlElement, url: str | None = None) -> str:
    """The article text of a parsed page ("" when trafilatura finds none).

    Precision mode with comments excluded measured best on the Zyte benchmark (see
    :mod:`evaluation.extraction`). The page copy is first prepared for trafilatura's pruning
    (:mod:`audit.extract.html.prepare`: class names lower-cased, link wrappers inside sentences unwrapped, teaser
    cards and related-story lists removed), embedded posts are lifted out of their widget wrappers,
    and a body split over several same-class containers is merged and extracted again
    (:mod:`audit.extract.html.body_parts`). The caller's tree is never modified.
    """
    work = copy.deepcopy(tree)
    prepare(work)
    unwrap_embedded_posts(work)
    raw = trafilatura_text(copy.deepcopy(work), url)
    parts = split_body_parts(work, raw)
    if parts:
        merge_parts([element for element, _ in parts])
        merged = trafilatura_text(work, url)
        if len(merged) > len(raw):  # the merge must add text, else the first extraction stands
            raw = merged
    return _paragraphs(raw, page_titles(tree), standfirsts(tree))


def extract_html(html: str, *, url: str | None = None) -> HtmlExtraction:
    """Main text, metadata fields and warnings of one decoded HTML page."""
    warnings: list[SourceWarning] = []
    parsed = parse_html(html)
    if parsed.truncated:
        warnings.append(
            SourceWarning(
                code="truncated_dom",
                message=(
                    f"The page nests tags {parsed.raw_depth} levels deep, more than the HTML parser keeps; "
                    f"{parsed.flattened} over-deep tags were flattened so their text is kept, but the "
                    "page structure (and so the main-text choice) may be wrong: compare with the capture."
                ),
            )
        )
    if parsed.tree is None:
        fields, meta_warnings = extract_metadata(None, url=url)
        return HtmlExtraction("", fields, tuple(warnings + list(meta_warnings)))
    text = main_text(parsed.tree, url=url)
    fields, meta_warnings = extract_metadata(parsed.tree, url=url, html=html)
    return HtmlExtraction(text, fields, tuple(warnings + list(meta_warnings)))
