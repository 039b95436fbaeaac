"""Authors named by a link to their own author page.

Many CMSs print the byline as a link to the author's archive, ``<a href="/autor/jil-schuller">Jil
Schuller</a>`` (WordPress: ``/author/<slug>/``), with no markup that says "author" on the element
itself. Such a link is strong evidence when the path's last segment is the slug of the link's own
text: the page says, in its URL scheme, that this name is an author on this site. A link whose slug
differs ("DT" linking to ``/author/donaldtownsend/``) or that sits in navigation, comments or teaser
blocks is not taken.

The first such link in document order is the article's (later ones belong to teasers further down);
co-authors are the other matching links inside the same parent element ("<a>A</a> und <a>B</a>").
Path segment words live in ``audit/data/metadata_lexicon.json`` (``author_path_segments``).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from urllib.parse import unquote, urlsplit

import lxml.html

from audit.extract.html.metadata.authors import lexicon
from audit.extract.html.metadata.bylines import is_skipped

# A name has two to four words: one word is too often a user name or a site account.
_MIN_WORDS = 2
_MAX_WORDS = 4


@lru_cache(maxsize=1)
def _segment_pattern() -> re.Pattern[str]:
    words = sorted(lexicon().author_path_segments, key=len, reverse=True)
    alternatives = "|".join(re.escape(w) for w in words)
    # the author's segment comes right after the section word; a trailing id ("-123") is allowed
    return re.compile(rf"/(?:{alternatives})/([^/?#]+?)(?:[-_]\d+)?/?$", re.IGNORECASE)


def slug(text: str) -> str:
    """Letters and digits of ``text`` in ASCII, lower-cased: "Jil Schüller" and "jil-schuller" agree."""
    text = text.replace("ß", "ss").replace("ẞ", "SS")
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", ascii_text.lower())


def _link_name(link: lxml.html.HtmlElement) -> str | None:
    """The link's text when its href is the author page of that very name, else None."""
    href = (link.get("href") or "").strip()
    try:
        path = unquote(urlsplit(href).path)
    except ValueError:  # a malformed href ("http://[x]/")
        return None
    match = _segment_pattern().search(path)
    if match is None:
        return None
    text = " ".join(link.text_content().split())
    words = text.split()
    if not _MIN_WORDS <= len(words) <= _MAX_WORDS:
        return None
    name_slug = slug(text)
    if not name_slug or name_slug != slug(match.group(1)):
        return None
    return text


def author_links(tree: lxml.html.HtmlElement) -> list[str]:
    """Names of the first author-page link of the body and of its siblings' author-page links."""
    for body in tree.xpath("//body")[:1]:
        for link in body.iter("a"):
            name = _link_name(link)
            if name is None or is_skipped(link):
                continue
            parent = link.getparent()
            names = [name]
            if parent is not None:
                for other in parent.iter("a"):
                    if other is not link and (more := _link_name(other)) and more not in names:
                        names.append(more)
            return names
    return []
