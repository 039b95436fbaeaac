"""Parsing raw HTML into an lxml tree without silently losing deeply nested content.

libxml2 (behind lxml) stops building the tree below a fixed nesting depth: about 255 levels with the
default parser and about 2,048 with ``huge_tree``. Whatever sits below that depth, and often everything
after it, is dropped without an error. Hostile or broken pages (unclosed ``<div>`` soup) reach such
depths, so this module

1. scans the raw markup cheaply for its tag depth (a small stack machine that knows void elements and
   the implicit closing of ``<p>``/``<li>``/table cells),
2. flattens nesting beyond :data:`FLATTEN_DEPTH` by deleting the excess open/close tags (their text
   stays), and
3. parses with ``huge_tree`` and reports whether content was at risk, so the caller can record a
   ``truncated_dom`` warning instead of losing text silently.

The parsed tree shows the text readers see where a page's script swaps it in from a base64
``data-obfuscated`` attribute (:func:`audit.extract.html.reveal.reveal_obfuscated`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from lxml import etree

from audit.extract.html.reveal import reveal_obfuscated

# Nesting deeper than this is flattened before parsing: well below libxml2's default limit (~255) so the
# parsed tree keeps every piece of text, and deep enough that no real article layout is touched.
FLATTEN_DEPTH = 200
# A parsed tree whose depth falls short of the scanned depth by more than this slack lost levels.
DEPTH_SLACK = 16

_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>")
_RAW_TEXT_RE = re.compile(r"<(script|style|textarea|title)\b[^>]*>.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_COMMENT_RE = re.compile(r"<!--.*?-->", re.DOTALL)

_VOID = frozenset(
    [
        *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"),
        *("param", "source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"),
    ]
)
# Opening one of these closes an open element of the same group (HTML's implied end tags).
_IMPLIED_CLOSE: dict[str, frozenset[str]] = {
    "p": frozenset({"p"}),
    "li": frozenset({"li"}),
    "dt": frozenset({"dt", "dd"}),
    "dd": frozenset({"dt", "dd"}),
    "tr": frozenset({"tr", "td", "th"}),
    "td": frozenset({"td", "th"}),
    "th": frozenset({"td", "th"}),
    "option": frozenset({"option"}),
}


@dataclass(frozen=True)
class ParsedHtml:
    """A parsed page and what the depth guard found.

    ``tree`` is None when the markup holds nothing parseable. ``raw_depth`` is the scanned nesting depth
    of the markup, ``tree_depth`` the depth of the parsed tree, ``flattened`` how many tags were removed
    to keep the tree within libxml2's limits, ``revealed`` how many elements show the text a script
    decodes into them (:func:`audit.extract.html.reveal.reveal_obfuscated`).
    """

    tree: lxml.html.HtmlElement | None
    raw_depth: int
    tree_depth: int
    flattened: int
    revealed: int = 0

    @property
    def truncated(self) -> bool:
        """True when deep nesting put content at risk (flattened, or levels missing from the tree)."""
        return self.flattened > 0 or self.raw_depth > self.tree_depth + DEPTH_SLACK


def _mask_raw_text(html: str) -> str:
    """Blank out comments and script/style bodies (same length) so their '<' do not count as tags."""

    def blank(match: re.Match[str]) -> str:
        return re.sub(r"[^\n]", " ", match.group(0))

    return _RAW_TEXT_RE.sub(blank, _COMMENT_RE.sub(blank, html))


def scan_depth(html: str, flatten_at: int | None = None) -> tuple[int, list[tuple[int, int]]]:
    """The maximum tag nesting depth of ``html`` and the spans of tags nested deeper than ``flatten_at``.

    The spans (start, end offsets into ``html``) cover both the too-deep open tags and their matching
    close tags, so deleting them keeps the text and flattens the structure.
    """
    masked = _mask_raw_text(html)
    stack: list[tuple[str, bool]] = []  # (tag name, opened beyond flatten_at)
    max_depth = 0
    remove: list[tuple[int, int]] = []
    for match in _TAG_RE.finditer(masked):
        closing, name, rest = match.group(1), match.group(2).lower(), match.group(3)
        if closing:
            for index in range(len(stack) - 1, -1, -1):
                if stack[index][0] == name:
                    if stack[index][1]:
                        remove.append(match.span())
                    del stack[index:]
                    break
            continue
        if name in _VOID or rest.rstrip().endswith("/"):
            continue
        implied = _IMPLIED_CLOSE.get(name)
        while implied and stack and stack[-1][0] in implied:
            stack.pop()
        deep = flatten_at is not None and len(stack) >= flatten_at
        if deep:
            remove.append(match.span())
        stack.append((name, deep))
        max_depth = max(max_depth, len(stack))
    return max_depth, remove


def _delete_spans(html: str, spans: list[tuple[int, int]]) -> str:
    parts: list[str] = []
    position = 0
    for start, end in sorted(spans):
        parts.append(html[position:start])
        position = end
    parts.append(html[position:])
    return "".join(parts)


def tree_depth(tree: lxml.html.HtmlElement) -> int:
    """Depth of the deepest element below the root (iterative, safe on deep trees)."""
    deepest = 0
    stack: list[tuple[etree._Element, int]] = [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


def parse_html(html: str) -> ParsedHtml:
    """Parse ``html`` (a str, never a URL to fetch) into an lxml tree, guarding against deep nesting."""
    # An XML declaration with an encoding makes lxml refuse a str; the text is already decoded.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html)
    raw_depth, too_deep = scan_depth(html, FLATTEN_DEPTH)
    if too_deep:
        html = _delete_spans(html, too_deep)
    if not html.strip():
        return ParsedHtml(None, raw_depth, 0, len(too_deep))
    parser = lxml.html.HTMLParser(
        huge_tree=True,
        recover=True,
        remove_comments=True,
        remove_pis=True,
        collect_ids=False,
        default_doctype=False,
    )
    try:
        tree = lxml.html.document_fromstring(html, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return ParsedHtml(None, raw_depth, 0, len(too_deep))
    revealed = reveal_obfuscated(tree)
    return ParsedHtml(tree, raw_depth, tree_depth(tree), len(too_deep), revealed)
