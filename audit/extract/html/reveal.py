"""Text a page's script swaps in from a base64 attribute: shown to readers, so read as shown.

Some publishers keep the text of a page element out of the markup's plain text and put it, base64
encoded, in a ``data-obfuscated`` attribute; a script replaces the element's text with the decoded
value when the page loads (``<time datetime="..." data-obfuscated="MTYuIE9rdG9iZXIgMjAxOQ==">`` shows
"16. Oktober 2019"). The element holds nothing or a placeholder until then, so a reader of the capture
would see one text and a parser of the markup another (a date line under the headline is the usual
case: the placeholder repeats the ``datetime`` attribute, the last edit, while readers see the
publication date).

:func:`reveal_obfuscated` does the script's swap on the parsed tree: an element with no child elements
and a ``data-obfuscated`` value that is strict base64 of short printable text (UTF-8, else cp1252;
at most :data:`MAX_REVEALED` characters, with a letter or digit) shows that text instead of its own.
Any other value (not base64, binary, too long) is left alone: the element keeps the text it has.
"""

from __future__ import annotations

import base64
import binascii

import lxml.html

ATTRIBUTE = "data-obfuscated"
MAX_REVEALED = 2000  # characters: a date line, a byline, a short notice; never a hidden document


def decode_obfuscated(value: str) -> str | None:
    """The printable text ``value`` encodes in base64 (whitespace runs collapsed), or None."""
    compact = "".join(value.split())
    if not compact or len(compact) > MAX_REVEALED * 4:  # UTF-8 takes up to 4 bytes a character
        return None
    try:
        raw = base64.b64decode(compact, validate=True)
    except (binascii.Error, ValueError):
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")  # 0xA0 (no-break space) and friends of Western pages
        except UnicodeDecodeError:
            return None
    shown = " ".join(text.split())
    if not shown or len(shown) > MAX_REVEALED or not shown.isprintable():
        return None
    if not any(char.isalnum() for char in shown):
        return None
    return shown


def reveal_obfuscated(tree: lxml.html.HtmlElement) -> int:
    """Replace the text of each element whose ``data-obfuscated`` attribute decodes to printable text
    (:func:`decode_obfuscated`) and that has no child elements; how many were replaced."""
    revealed = 0
    for element in tree.xpath(f"//*[@{ATTRIBUTE}]"):
        if len(element) or not isinstance(element.tag, str):
            continue  # markup inside: the swap would destroy it, and its text is not a placeholder
        shown = decode_obfuscated(str(element.get(ATTRIBUTE) or ""))
        if shown is None:
            continue
        element.text = shown
        revealed += 1
    return revealed
