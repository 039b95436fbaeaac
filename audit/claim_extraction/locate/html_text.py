"""Find claims again in an HTML capture: the page's text content, mapped back to raw-HTML offsets.

A W3C TextQuoteSelector on a web page is matched against the page's *text content*, not its source: tags are
removed, character references (``&amp;``, ``&#8217;``) decoded, the content of ``script``, ``style``,
``noscript`` and ``template`` (and the other raw-text elements ``iframe``, ``noembed``, ``noframes``, ``xmp``)
dropped, and whitespace collapsed to single spaces. Like ``textContent``, no space is inserted at element
boundaries (``<p>One.</p><p>Two.</p>`` reads "One.Two.").

``HtmlTextMap`` builds that text in one linear pass over the raw HTML with a small tokenizer (no DOM: a 5 MB
page costs a fraction of a second) and keeps, for every run of text that was copied one-to-one, where it
started in the raw HTML; ``raw_offset`` maps any text-content offset back to the raw HTML, and so to the line a
CI annotation should point at.

``find_quote`` finds a claim's cleaned text in the text content. The cleaner (trafilatura) re-spaces text: it
puts paragraph breaks where the text content has none and turns ``&nbsp;`` into a space, so whitespace is
matched loosely (any run of whitespace in the quote matches any run, or none, in the text content); every
other character must match exactly. Of several occurrences, the one whose surroundings best fit the quote's
cleaned-text context wins.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Iterator

from audit.claim_extraction.locate.word_search import GAP_CLASS, occurrences, splits_cleanly

# Markup, in the order the HTML tokenizer tries it after "<": comments (including the empty "<!-->" and an
# unterminated one, which runs to the end), bogus comments ("<!DOCTYPE …>", "<![CDATA[…]]>", "<?…>"), then
# start and end tags whose quoted attribute values may contain ">". A "<" that starts none of these is text.
_MARKUP = re.compile(
    r"<(?:"
    r"!--(?:>|->|.*?(?:--!?>|\Z))"
    r"|[!?][^>]*(?:>|\Z)"
    r"|(?P<end>/)?(?P<name>[A-Za-z][^\s/>]*)"
    r"(?:[^>\"'=]|=\s*\"[^\"]*\"|=\s*'[^']*'|=|[\"'])*(?:>|\Z)"
    r"|/>"  # "</>" is dropped
    r")",
    re.DOTALL,
)
# Elements whose content is raw text up to their end tag; all of it is dropped from the text content.
_RAW_DROPPED = frozenset({"script", "style", "noscript", "iframe", "noembed", "noframes", "xmp"})
# Elements whose content is text (character references decoded) up to their end tag, never markup.
_RCDATA = frozenset({"title", "textarea"})
_END_TAG = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in _RAW_DROPPED | _RCDATA}
MIN_LEAD_WORDS = 4  # a shorter leading part is too common to place a quote
_HTML_SPACE = " \t\n\r\f"
_WS_ANY = re.compile(r"[ \t\n\r\f]+")
# The pieces of a run of character data, to map a text-content offset inside it back to the raw HTML:
# character references (as ``html.unescape`` reads them), whitespace runs, and plain text.
_TOKEN = re.compile(
    r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[^\t\n\f <&#;]{1,32};?)|[ \t\n\r\f]+|[^& \t\n\r\f]+|&"
)
# Between words of a quote: any whitespace, the invisible format characters (soft hyphen, zero-width
# space and joiners, word joiner, BOM) that pages sprinkle around words and the cleaner drops, and "|", which
# the cleaner puts between table cells (a table row "| a | b |" reads "ab" in the text content).
_GAP = GAP_CLASS + "*"
_CELL = "|"
_ANY_SPACE = re.compile(GAP_CLASS + "+")


class HtmlTextMap:
    """The text content of an HTML document, with a map from text-content offsets back to raw offsets."""

    def __init__(self, document: str) -> None:
        self.document = document
        self._pieces: list[str] = []
        self._length = 0  # characters of text content so far
        self._space = True  # the text so far ends with a space (or is empty): leading whitespace is dropped
        # one entry per run of character data that contributed text: where its text starts, and its raw start
        self._run_text: list[int] = []
        self._run_start: list[int] = []
        self._build()
        self.text = "".join(self._pieces)
        del self._pieces

    def raw_offset(self, offset: int) -> int:
        """The raw-HTML offset the text-content character at ``offset`` came from (for a decoded character
        reference, where the reference starts)."""
        if not self._run_text:
            return 0
        index = max(0, bisect.bisect_right(self._run_text, offset) - 1)
        start = self._run_start[index]
        end = self._run_start[index + 1] if index + 1 < len(self._run_start) else len(self.document)
        at = self._run_text[index]
        trimmed = at == 0 or self.text[at - 1] == " "  # the run's leading whitespace, if any, was dropped
        wanted = offset - at
        produced = 0
        for token in _TOKEN.finditer(self.document, start, end):
            text = token.group()
            if text[0] == "&":
                size = len(html.unescape(text))
            elif text[0] in _HTML_SPACE:
                size = 0 if token.start() == start and trimmed else 1
            else:
                size = len(text)
            if wanted < produced + size:
                plain = text[0] != "&" and text[0] not in _HTML_SPACE
                return token.start() + (wanted - produced if plain else 0)
            produced += size
        return max(start, end - 1)

    # -- building -------------------------------------------------------------------------------------------

    def _build(self) -> None:
        document = self.document
        position = 0
        template_depth = 0
        matches = _MARKUP.finditer(document)
        while (match := next(matches, None)) is not None:
            if match.start() > position and not template_depth:
                self._text(position, match.start())
            position = match.end()
            name = match.group("name")
            if name is None:
                continue
            name = name.lower()
            if match.group("end"):
                if name == "template" and template_depth:
                    template_depth -= 1
            elif name == "template":
                template_depth += 1
            elif name in _END_TAG:  # raw text or RCDATA: no markup inside, up to the end tag
                closing = _END_TAG[name].search(document, position)
                end = closing.start() if closing else len(document)
                if name in _RCDATA and not template_depth and end > position:
                    self._text(position, end)
                position = end
                matches = _MARKUP.finditer(document, position)
        if position < len(document) and not template_depth:
            self._text(position, len(document))

    def _text(self, start: int, end: int) -> None:
        """Append the run of character data ``document[start:end]``: character references decoded, whitespace
        runs collapsed to one space."""
        run = self.document[start:end]
        if not run.strip(_HTML_SPACE):  # whitespace only, as most runs between tags: at most one space
            if self._space:
                return
            text = " "
        else:
            text = _WS_ANY.sub(" ", html.unescape(run) if "&" in run else run)
        if self._space and text[0] == " ":
            text = text[1:]
            if not text:
                return
        self._run_text.append(self._length)
        self._run_start.append(start)
        self._pieces.append(text)
        self._length += len(text)
        self._space = text[-1] == " "


def find_quote(
    text: str, exact: str, prefix: str = "", suffix: str = "", start: int = 0
) -> tuple[int, int] | None:
    """Where ``exact`` occurs in ``text`` at or after ``start``, whitespace matched loosely: the (start, end)
    of the occurrence whose surroundings best fit ``prefix`` and ``suffix``; the earliest among equals."""
    words = [word for word in exact.split() if word != _CELL]
    if not words:
        return None
    want_before = _squash(prefix)
    want_after = _squash(suffix)
    window = 2 * (len(prefix) + len(suffix)) + 8  # room for extra spaces around the occurrence
    best: tuple[int, int, int] | None = None
    for found_start, found_end in _occurrences(text, words, start):
        before = _squash(text[max(0, found_start - window) : found_start])
        after = _squash(text[found_end : found_end + window])
        score = common_suffix(before, want_before) + common_prefix(after, want_after)
        if best is None or score > best[0]:
            best = (score, found_start, found_end)
    return None if best is None else (best[1], best[2])


def _occurrences(text: str, words: list[str], start: int) -> Iterator[tuple[int, int]]:
    """Each occurrence of the words, gaps allowed between them; by a squashed-text search
    (``audit.claim_extraction.locate.word_search``), or by a regular expression when a word holds a gap character itself."""
    if splits_cleanly(words):
        yield from occurrences(text, words, start)
        return
    pattern = re.compile(_GAP.join(re.escape(word) for word in words))
    for match in pattern.finditer(text, start):
        yield match.start(), match.end()


def find_start(text: str, exact: str, prefix: str = "", start: int = 0) -> int | None:
    """Where the longest leading part of ``exact`` (at least ``MIN_LEAD_WORDS`` words) occurs in ``text``, for
    a quote the cleaner changed mid-way (a dropped link text, a re-spelled character): the quote still starts
    there. A leading part that occurs implies every shorter one does, so the length is found by bisection."""
    words = exact.split()
    low, high = MIN_LEAD_WORDS, len(words) - 1  # the whole quote was already looked for
    found: int | None = None
    while low <= high:
        middle = (low + high) // 2
        match = find_quote(text, " ".join(words[:middle]), prefix, "", start)
        if match is None:
            high = middle - 1
        else:
            found, low = match[0], middle + 1
    return found


def _squash(text: str) -> str:
    return _ANY_SPACE.sub("", text)


def common_prefix(a: str, b: str) -> int:
    """How many leading characters two strings share."""
    count = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        count += 1
    return count


def common_suffix(a: str, b: str) -> int:
    """How many trailing characters two strings share."""
    return common_prefix(a[::-1], b[::-1])
