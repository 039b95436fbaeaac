"""Main text and metadata of one HTML page: the entry point the pipeline calls for HTML captures.

Steps (``extract_html``):

1. parse the decoded HTML with the depth guard of :mod:`audit.html_dom` (deep nesting is flattened and
   reported as ``truncated_dom`` rather than silently dropped by lxml);
2. extract the main text with trafilatura in precision mode, comments excluded, from the parsed tree
   (never from a string that could be taken for a URL: nothing is ever fetched);
3. turn trafilatura's line-per-block text into paragraphs separated by a blank line;
4. collect the metadata fields with their evidence (:mod:`audit.html_metadata`).

The function never raises on bad input: an unparseable or empty page gives ``text == ""``.
"""

from __future__ import annotations

import copy
import logging
import re
from dataclasses import dataclass

import lxml.html
import trafilatura

from audit.html_dom import parse_html
from audit.html_metadata import extract_metadata
from audit.model import FieldEvidence, SourceWarning

# trafilatura logs every page it finds too short at WARNING level; the pipeline reports that itself.
logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)

_SPACES = re.compile(r"[ \t\u00a0]+")


@dataclass(frozen=True)
class HtmlExtraction:
    """The cleaned article text, its metadata fields with evidence, and warnings about the page."""

    text: str
    fields: dict[str, FieldEvidence]
    warnings: tuple[SourceWarning, ...]


def _paragraphs(raw: str) -> str:
    """One paragraph per non-empty line of trafilatura's text output, separated by blank lines."""
    lines = (_SPACES.sub(" ", line).strip() for line in raw.splitlines())
    return "\n\n".join(line for line in lines if line)


def main_text(tree: lxml.html.HtmlElement, url: str | None = None) -> str:
    """The article text of a parsed page ("" when trafilatura finds none).

    Precision mode with comments excluded measured best on the Zyte benchmark (see
    :mod:`audit.evaluation.extraction`). trafilatura prunes the tree it gets, hence the copy.
    """
    try:
        raw = trafilatura.extract(
            copy.deepcopy(tree),
            url=url,
            favor_precision=True,
            include_comments=False,
            include_tables=True,
            output_format="txt",
            with_metadata=False,
        )
    except (RecursionError, ValueError, TypeError, AttributeError):
        return ""
    return _paragraphs(raw or "")


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
    fields, meta_warnings = extract_metadata(parsed.tree, url=url)
    return HtmlExtraction(text, fields, tuple(warnings + list(meta_warnings)))
