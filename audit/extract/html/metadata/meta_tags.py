"""Metadata candidates from a page's ``<meta>`` tags and canonical link, in order of trust within the meta group."""

from __future__ import annotations

from collections.abc import Iterator

import lxml.html

from audit.extract.html.metadata.bylines import labelled_meta_authors
from audit.model import Candidate, Confidence

# meta tag (attribute, name) -> (field, confidence); in order of trust within the meta group.
META: tuple[tuple[str, str, str, Confidence], ...] = (
    ("property", "article:published_time", "published", "high"),
    ("name", "parsely-pub-date", "published", "high"),
    ("name", "citation_publication_date", "published", "high"),
    ("name", "citation_date", "published", "medium"),
    ("itemprop", "datePublished", "published", "medium"),
    ("name", "dc.date.issued", "published", "medium"),
    ("name", "dcterms.created", "published", "medium"),
    ("name", "sailthru.date", "published", "medium"),
    ("name", "pubdate", "published", "medium"),
    ("name", "publishdate", "published", "medium"),
    ("name", "date", "published", "medium"),
    ("name", "dc.date", "published", "medium"),
    ("property", "article:modified_time", "updated", "high"),
    ("property", "og:updated_time", "updated", "medium"),
    ("itemprop", "dateModified", "updated", "medium"),
    ("name", "dcterms.modified", "updated", "medium"),
    ("name", "author", "authors", "medium"),
    ("name", "parsely-author", "authors", "medium"),
    ("property", "article:author", "authors", "medium"),
    ("name", "citation_author", "authors", "high"),
    ("name", "sailthru.author", "authors", "medium"),
    ("name", "dc.creator", "authors", "medium"),
    ("name", "byl", "authors", "medium"),
    ("property", "og:title", "title", "high"),
    ("name", "citation_title", "title", "high"),
    ("name", "parsely-title", "title", "medium"),
    ("name", "twitter:title", "title", "medium"),
    ("property", "og:site_name", "site", "high"),
    ("name", "application-name", "site", "medium"),
    ("property", "og:url", "url", "high"),
)


def meta_candidates(tree: lxml.html.HtmlElement) -> Iterator[tuple[str, Candidate]]:
    metas: dict[tuple[str, str], list[str]] = {}
    for meta in tree.iter("meta"):
        content = (meta.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop"):
            key = (meta.get(attribute) or "").strip().lower()
            if key:
                metas.setdefault((attribute, key), []).append(content)
                if attribute == "property":  # many pages write name= where property= is meant, and back
                    metas.setdefault(("name", key), []).append(content)
                elif attribute == "name":
                    metas.setdefault(("property", key), []).append(content)
    for attribute, name, field, confidence in META:
        for content in metas.get((attribute, name.lower()), []):
            yield field, Candidate(content, "meta", f'meta[{attribute}="{name}"]', confidence)
    for name in labelled_meta_authors(tree):
        yield "authors", Candidate(name, "meta", 'meta[name="twitter:dataN"] (labelled byline)', "medium")
    for link in tree.xpath('//link[@rel="canonical"]/@href'):
        yield "url", Candidate(str(link).strip(), "meta", 'link[rel="canonical"]', "high")
