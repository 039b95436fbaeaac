"""DOM rules applied to a copy of the page before trafilatura reads it, each for a layout its pruning gets wrong.

trafilatura decides what to prune from tag names, ``class``/``id`` patterns and link density. Five
layouts common on news pages defeat those decisions:

1. **Class names in capitals.** Its class/id patterns are lower case (``newsletter``, ``related``), so
   ``<section class="Newsletter-container">`` is kept as text. :func:`lowercase_names` lower-cases every
   ``class`` and ``id`` (HTML authors treat them as names, not as case-sensitive strings).
2. **Links wrapped in a named span inside a sentence.** Precision mode deletes ``<span class="link">``
   wherever it sits, cutting words out of the middle of a sentence. :func:`unwrap_link_spans` removes
   the wrapper tag of a ``<span>`` inside a paragraph that holds nothing but one link, keeping the link.
3. **Teaser cards.** A link that wraps a heading (``<a href><img><h3>Other story</h3></a>``) is a card
   pointing to another page, never article prose; trafilatura keeps the card's heading when the cards
   sit near the body. :func:`drop_teaser_cards` removes such links.
4. **Related-story lists.** A short cue line ("More stories", "Related coverage", "Read more") followed
   by a list whose every item holds a link is a block of cross-links, even inside the body container.
   :func:`drop_related_lists` removes the cue and the list.
5. **Linked subheadings between body paragraphs.** Listicles and buying guides title each section
   with a link (``<h3><a href>Product name</a></h3>``); precision mode drops a heading that is all
   link. A heading that is one link and sits between two body paragraphs is part of the article:
   :func:`unwrap_linked_headings` keeps its text and drops the link tag. (Headings in link cards and
   related-story blocks have no body paragraphs beside them.)

Each rule only removes markup or whole page furniture; no text is invented. The cue words are general
English and the two lengths (:data:`MAX_CUE`, :data:`MIN_BODY_PARAGRAPH`) were chosen by hand; each
rule was checked on the development fifth of the Zyte benchmark (never on the held-out pages).
"""

from __future__ import annotations

import re

import lxml.html

_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# A body paragraph (beside a linked subheading) has at least this many characters.
MIN_BODY_PARAGRAPH = 40
# A cue line above a list of cross-links is short and is either a bare cue ("Related", "Read more") or
# opens with a cue word and names other stories ("More great stories", "Further reading").
MAX_CUE = 60
_BARE_CUE = re.compile(
    r"^\W*(related|see also|read (more|next|also)|also read|more|recommended|you (may|might) also like|"
    r"don['’]?t miss|editors?['’]?s?['’]? picks?)\W*$",
    re.IGNORECASE,
)
_CUE_START = re.compile(
    r"^\W*(more|related|recommended|popular|trending|latest|further|see also|also|read (more|next|also)|"
    r"most (read|popular|viewed|shared)|top|editors?['’]?s?['’]? picks?|don['’]?t miss)\b",
    re.IGNORECASE,
)
_STORY_WORDS = re.compile(
    r"\b(stories|story|articles?|coverage|reading|news|posts?|links|reads)\b", re.IGNORECASE
)


def prepare(tree: lxml.html.HtmlElement) -> None:
    """Apply the five rules, in order, to ``tree`` in place (pass a copy of the page)."""
    lowercase_names(tree)
    unwrap_link_spans(tree)
    drop_teaser_cards(tree)
    drop_related_lists(tree)
    unwrap_linked_headings(tree)


def lowercase_names(tree: lxml.html.HtmlElement) -> None:
    """Lower-case every ``class`` and ``id`` attribute in place."""
    for element in tree.iter():
        if not isinstance(element.tag, str):
            continue
        for name in ("class", "id"):
            value = element.get(name)
            if value and value != value.lower():
                element.set(name, value.lower())


def _words(element: lxml.html.HtmlElement) -> str:
    """The element's text with whitespace runs collapsed."""
    return " ".join((element.text_content() or "").split())


def _has_own_text(element: lxml.html.HtmlElement, child: lxml.html.HtmlElement) -> bool:
    """True when ``element`` holds text outside ``child`` (its own text or its other children)."""
    outside = (element.text_content() or "").replace(child.text_content() or "", "", 1)
    return bool(outside.strip())


def _hidden(element: lxml.html.HtmlElement) -> bool:
    """True for an element hidden from readers (its wrapper must not be dropped, or its text shows)."""
    style = (element.get("style") or "").replace(" ", "").lower()
    return (
        element.get("hidden") is not None or element.get("aria-hidden") == "true" or "display:none" in style
    )


def unwrap_link_spans(tree: lxml.html.HtmlElement) -> int:
    """Drop the tag (not the content) of each span inside a paragraph that wraps exactly one link and
    nothing else, when the paragraph has text besides it; how many were unwrapped."""
    unwrapped = 0
    for span in list(tree.iter("span")):
        children = list(span)
        if len(children) != 1 or children[0].tag != "a":
            continue
        if (span.text or "").strip() or (children[0].tail or "").strip():
            continue
        if _hidden(span):
            continue
        paragraph = next(span.iterancestors("p"), None)
        if paragraph is None or not _has_own_text(paragraph, span):
            continue
        span.drop_tag()
        unwrapped += 1
    return unwrapped


def drop_teaser_cards(tree: lxml.html.HtmlElement) -> int:
    """Remove every link that wraps a heading (a card pointing to another page); how many were removed."""
    cards = [link for link in tree.iter("a") if next(link.iterdescendants(*_HEADINGS), None) is not None]
    # a card nested in another card goes with it
    outermost = [card for card in cards if next(card.iterancestors("a"), None) is None]
    for card in outermost:
        card.drop_tree()
    return len(outermost)


def _is_cue(element: lxml.html.HtmlElement) -> bool:
    """True for a short line announcing other stories (see :data:`MAX_CUE`)."""
    text = _words(element)
    if not text or len(text) > MAX_CUE or element.find(".//p") is not None:
        return False
    return bool(_BARE_CUE.search(text) or (_CUE_START.search(text) and _STORY_WORDS.search(text)))


def _is_link_list(element: lxml.html.HtmlElement) -> bool:
    """True for a list whose items (and only items) each hold a link."""
    items = [child for child in element if isinstance(child.tag, str)]
    return bool(items) and all(item.tag == "li" and item.find(".//a[@href]") is not None for item in items)


def drop_related_lists(tree: lxml.html.HtmlElement) -> int:
    """Remove each related-story cue line and the list of links right after it; how many were removed."""
    removed = 0
    for listing in [element for element in tree.iter("ul", "ol") if _is_link_list(element)]:
        cue = listing.getprevious()
        if cue is None or not isinstance(cue.tag, str) or (cue.tail or "").strip() or not _is_cue(cue):
            continue
        cue.drop_tree()
        listing.drop_tree()
        removed += 1
    return removed


def _is_body_paragraph(element: lxml.html.HtmlElement | None) -> bool:
    return element is not None and element.tag == "p" and len(_words(element)) >= MIN_BODY_PARAGRAPH


def unwrap_linked_headings(tree: lxml.html.HtmlElement) -> int:
    """Drop the link tag of each subheading that is exactly one link and stands between two body
    paragraphs (see :data:`MIN_BODY_PARAGRAPH`); how many were unwrapped."""
    unwrapped = 0
    for heading in list(tree.iter(*_HEADINGS[1:])):
        links = heading.findall(".//a")
        if len(links) != 1 or not _words(links[0]) or _words(links[0]) != _words(heading):
            continue
        if _is_body_paragraph(heading.getprevious()) and _is_body_paragraph(heading.getnext()):
            links[0].drop_tag()
            unwrapped += 1
    return unwrapped
