"""Teaser cards: the small blocks that advertise another article (its headline, author and date).

Listings of related, popular or latest stories print each story's author beside its headline, often
with no class that says "related" or "teaser" ("preview__author", "thumb-author"). Byline extractors
then take the first such author for the page's own. A card is recognised by its structure: a link
whose text reads as a headline (five words or more) pointing to another page, and the largest block
around it that stays teaser-sized (at most ``MAX_CARD_CHARS`` of text) below the page's ``<article>``
or ``<main>``. Links to the page itself, mail links and links to a person's page (author archives,
profiles, staff pages: "More stories by Jane Doe") are no headlines. A name printed only inside cards is not the article's byline (see
:func:`audit.extract.html.metadata.fields.extract_metadata`). Co-authors marked up one by one are the other matches inside the
first match's byline (:func:`same_byline`).
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import unquote, urlsplit

import lxml.html

from audit.extract.html.metadata.authors import MAX_BYLINE_LENGTH, lexicon

# A headline has at least this many words; a card has at most this much text.
MIN_HEADLINE_WORDS = 5
MAX_CARD_CHARS = 300
_STOP_TAGS = frozenset(["body", "html", "article", "main"])
# Cloudflare's protected e-mail links ("By <a href='/cdn-cgi/l/email-protection#...'>Jane Doe and John
# Roe</a>") are mail links
_MAIL_PATH = "/cdn-cgi/l/email-protection"


@lru_cache(maxsize=1)
def _person_segments() -> frozenset[str]:
    words = lexicon()
    return frozenset(w.lower() for w in [*words.author_path_segments, *words.person_path_segments])


def page_path(url: str) -> str:
    """The path of ``url`` without a trailing slash ("" when it has none or is malformed)."""
    try:
        return unquote(urlsplit(url.strip()).path).rstrip("/")
    except ValueError:
        return ""


def _headline_link(link: lxml.html.HtmlElement, own_paths: frozenset[str]) -> bool:
    href = (link.get("href") or "").strip()
    if not href or href.startswith(("#", "mailto:", "javascript:", "tel:")):
        return False
    path = page_path(href)
    if not path or path in own_paths or path.startswith(_MAIL_PATH):
        return False
    if not _person_segments().isdisjoint(part.lower() for part in path.split("/")):
        return False  # a profile or author archive: "Jane Doe, Staff Writer, covers ..." is no headline
    return len(link.text_content().split()) >= MIN_HEADLINE_WORDS


def teaser_cards(tree: lxml.html.HtmlElement, own_urls: tuple[str, ...] = ()) -> list[lxml.html.HtmlElement]:
    """The outermost teaser-sized blocks around headline links to other pages (``own_urls``: the
    page's own addresses, whose links are not teasers)."""
    own_paths = frozenset(p for url in own_urls if (p := page_path(url)))
    cards: list[lxml.html.HtmlElement] = []
    seen: set[lxml.html.HtmlElement] = set()
    lengths: dict[lxml.html.HtmlElement, int] = {}  # text length of each ancestor, measured once
    for body in tree.xpath("//body")[:1]:
        for link in body.iter("a"):
            if not _headline_link(link, own_paths):
                continue
            card = link
            for ancestor in link.iterancestors():
                if ancestor.tag in _STOP_TAGS:
                    break
                if ancestor not in lengths:  # links share their containers: a page-wide one is read once
                    lengths[ancestor] = len(" ".join(ancestor.text_content().split()))
                if lengths[ancestor] > MAX_CARD_CHARS:
                    break
                card = ancestor
            if card not in seen:
                seen.add(card)
                cards.append(card)
    return cards


def own_urls(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str, ...]:
    """The page's own addresses: the capture URL, ``og:url`` and the canonical link."""
    stated = tree.xpath('//link[@rel="canonical"]/@href|//meta[@property="og:url"]/@content')
    return tuple(str(u) for u in [url, *stated] if u)


def same_byline(matches: list[lxml.html.HtmlElement], levels: int = 5) -> list[lxml.html.HtmlElement]:
    """The first match and the others in its byline: co-authors marked up one by one ("By <span
    itemprop=author>A</span>, <span itemprop=author>B</span> and ..."). The byline is the nearest
    ancestor (at most ``levels`` up) that holds another match; when its text is longer than a byline,
    the others are teasers' or comments' and only the first is the article's."""
    if not matches:
        return []
    first = matches[0]
    ancestor: lxml.html.HtmlElement | None = first
    for _ in range(levels):
        ancestor = ancestor.getparent() if ancestor is not None else None
        if ancestor is None or ancestor.tag in ("body", "html"):
            break
        inside = [m for m in matches if m is first or any(a is ancestor for a in m.iterancestors())]
        if len(inside) > 1:
            text = " ".join(ancestor.text_content().split())
            return inside if len(text) <= MAX_BYLINE_LENGTH else [first]
    return [first]
