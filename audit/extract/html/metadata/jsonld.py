"""Metadata candidates from a page's JSON-LD blocks (schema.org): the article object's ``headline``,
``author``, ``datePublished``, ``dateModified`` and ``publisher``, and the WebSite ``name``.

Collected here and weighed in :mod:`audit.extract.html.metadata.fields` (JSON-LD is its most trusted source). The text
of a script element is not HTML-decoded by the parser, and many CMSs write HTML entities into JSON-LD
strings ("Jos&#xE9; Volta", "&#8222;Arschloch&#8220;: ..."): names, headlines and site names are decoded.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from html import unescape
from typing import Any

import lxml.html

from audit.extract.html.metadata.authors import lexicon
from audit.model import Candidate, Confidence


def _iter_jsonld(tree: lxml.html.HtmlElement) -> Iterator[dict[str, Any]]:
    """Every JSON object in the page's JSON-LD blocks (``@graph`` and lists flattened)."""
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            data = json.loads(script.text_content().strip() or "null")
        except (ValueError, RecursionError):
            continue
        stack: list[Any] = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack[0:0] = item
            elif isinstance(item, dict):
                yield item
                if isinstance(item.get("@graph"), list):
                    stack[0:0] = item["@graph"]


def _types(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1] for k in kinds if k}


def _names(value: Any, nodes: dict[str, dict[str, Any]]) -> Iterator[tuple[str, bool]]:
    """Names in a JSON-LD ``author`` value with whether they are explicitly an organisation.

    An author given only as a reference (``{"@id": "#author"}``, as Yoast writes it) is looked up in
    ``nodes``, the page's JSON-LD objects by ``@id``.
    """
    items = value if isinstance(value, list) else [value]
    for item in items:
        if isinstance(item, dict) and "name" not in item and isinstance(item.get("@id"), str):
            item = nodes.get(item["@id"], item)
        if isinstance(item, str):
            yield item, False
        elif isinstance(item, dict) and isinstance(item.get("name"), str):
            yield item["name"], bool(_types(item) & {"Organization", "NewsMediaOrganization", "Corporation"})


def jsonld_candidates(tree: lxml.html.HtmlElement) -> Iterator[tuple[str, Candidate]]:
    article_types = set(lexicon().article_types)
    objects = list(_iter_jsonld(tree))
    nodes = {obj["@id"]: obj for obj in objects if isinstance(obj.get("@id"), str) and "name" in obj}
    for obj in objects:
        kinds = _types(obj)
        if "WebSite" in kinds and isinstance(obj.get("name"), str):
            yield "site", Candidate(unescape(obj["name"]), "json-ld", "WebSite.name", "medium")
        if not kinds & article_types:
            continue
        kind = sorted(kinds & article_types)[0]
        confidence: Confidence = "medium" if kind == "WebPage" else "high"
        if isinstance(obj.get("headline"), str):
            yield "title", Candidate(unescape(obj["headline"]), "json-ld", f"{kind}.headline", confidence)
        for key, field in (("datePublished", "published"), ("dateModified", "updated")):
            if isinstance(obj.get(key), str):
                yield field, Candidate(obj[key], "json-ld", f"{kind}.{key}", confidence)
        for name, is_org in _names(obj.get("author"), nodes):
            if not is_org:
                yield "authors", Candidate(unescape(name), "json-ld", f"{kind}.author", confidence)
        publisher = obj.get("publisher")
        if isinstance(publisher, dict) and isinstance(publisher.get("name"), str):
            name = unescape(publisher["name"])
            yield "site", Candidate(name, "json-ld", f"{kind}.publisher.name", "medium")
