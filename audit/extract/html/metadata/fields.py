"""Metadata of an HTML page (title, authors, dates, site, URL) with every candidate kept as evidence.

Candidates are collected from, in this order of trust:

1. JSON-LD: the article object (NewsArticle, BlogPosting, ...): ``headline``, ``author``,
   ``datePublished``, ``dateModified``, ``publisher``; the WebSite ``name``;
2. meta tags (:mod:`audit.extract.html.metadata.meta_tags`): ``article:published_time``, ``parsely-*``, ``author``, ``og:site_name``, ``og:title``,
   ``citation_*``, Dublin Core, ``og:url``/canonical link;
3. page elements: ``<time>`` (published/updated when marked so; the date it shows when that is more
   than a day from its ``datetime``), byline elements (``rel=author``,
   ``itemprop=author``, ``class*=byline``), ``<h1>``/``<title>``; the date printed beside the main
   heading (:mod:`audit.extract.html.metadata.heading_dates`);
4. htmldate with ``original_date=True`` (a bare copyright-footer year is refused);
5. a date in the URL path.

An author is chosen only when the page prints the name where readers see it (not only in a meta
tag, not only in a hidden element such as a theme's rich-snippet copy of the byline), and is
reported as printed ("ALLY DOE", "R.C. Baker"). A meta author that merely repeats the page's
copyright statement, with no byline or JSON-LD saying the same, is the site-wide owner and not chosen.
For each field the chosen value is the first candidate in that order, so a strong structured statement
always beats a heuristic; for dates the order is the date beside the heading, htmldate, JSON-LD, meta,
URL date, ``<time>`` (``_DATE_ORDER``, measured on the development fifth: what readers see next to the
headline is the article's date, and htmldate weighs the structured statements itself). When two strong
candidates (JSON-LD, meta) disagree on a date, or one of them disagrees with the date shown beside the
heading, a ``metadata_conflict`` warning is recorded. Nothing found gives None (or [] for authors): no guess.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import lxml.html
from trafilatura.metadata import extract_author as trafilatura_author

from audit.extract.html.metadata.author_links import author_links
from audit.extract.html.metadata.authors import clean_authors, lexicon
from audit.extract.html.metadata.bylines import (
    ANY_GAP,
    page_spelling,
    printed,
    text_bylines,
)
from audit.extract.html.metadata.heading_dates import heading_dates, site_header_note, time_element_day
from audit.extract.html.metadata.jsonld import jsonld_candidates
from audit.extract.html.metadata.meta_tags import meta_candidates
from audit.extract.html.metadata.page_dates import htmldate_guess, normalise_date, url_date
from audit.extract.html.metadata.page_text import body_texts
from audit.extract.html.metadata.teasers import own_urls, same_byline, teaser_cards
from audit.model import Candidate, Confidence, FieldEvidence, SourceWarning

FIELDS = ("title", "authors", "published", "updated", "site", "url")

# A microdata author typed as an organisation (itemtype schema.org/Organization, NewsMediaOrganization,
# Corporation) is the publisher named again, not a person (as for JSON-LD, see audit/extract/html/metadata/jsonld.py).
_NOT_ORGANISATION = 'not(contains(@itemtype, "Organization") or contains(@itemtype, "Corporation"))'
_BYLINE_XPATHS: tuple[tuple[str, Confidence], ...] = (
    (f'//*[@itemprop="author"][{_NOT_ORGANISATION}]//*[@itemprop="name"]', "medium"),
    (f'//*[@itemprop="author"][{_NOT_ORGANISATION}]', "medium"),
    ('//a[@rel="author"]', "medium"),
    (
        '//*[contains(concat(" ", normalize-space(@class), " "), " byline ")'
        ' or contains(@class, "byline__name") or contains(@class, "author-name")'
        ' or contains(@class, "author_name") or contains(@class, "authorName")'
        ' or contains(@class, "article-author") or contains(@class, "post-author")'
        ' or contains(@class, "entry-author") or contains(@class, "byline-author")]',
        "low",
    ),
)
_STRONG = frozenset({"json-ld", "meta"})
# meta names of copyright statements: a meta author they repeat is the site owner (see _site_owner)
_RIGHTS_META = frozenset({"copyright", "dc.rights", "dcterms.rights", "rights"})
# Order of trust for dates. The date printed beside the main heading first: on the development fifth
# of htmldate's pages it disagreed with htmldate's guess on 4 pages and the label sided with it on all
# 4 (htmldate with original_date=True takes the oldest date on the page: a sidebar's, a cited law's).
# Then htmldate: it already reads JSON-LD, meta tags and the URL, and weighs them against the page,
# and alone it scored 0.926 exact-day there against 0.921 for "first of JSON-LD, meta, URL, htmldate".
# The structured candidates remain the fallback when neither finds a date; <time> elements anywhere
# come last (listings and sidebars carry their own).
_DATE_ORDER = ("heading-date", "htmldate", "json-ld", "meta", "url-date", "time-element")


def _microdata_organisations(tree: lxml.html.HtmlElement) -> frozenset[str]:
    """Lower-cased names of microdata authors typed as an organisation (trafilatura reads them too)."""
    names: set[str] = set()
    for element in tree.xpath(f'//*[@itemprop="author"][not({_NOT_ORGANISATION})]'):
        for named in element.xpath('.//*[@itemprop="name"]')[:1] or [element]:
            text = named.get("content") or named.text_content()
            names.add(" ".join(text.lower().split()))
    return frozenset(names)


def _element_candidates(tree: lxml.html.HtmlElement, every_text: str) -> Iterator[tuple[str, Candidate]]:
    for time in tree.xpath("//time[@datetime]")[:1]:
        marks = " ".join(str(time.get(a) or "") for a in ("itemprop", "class", "id")).lower()
        day = time_element_day(time)  # the shown date when it is days away from the attribute
        if "pubdate" in time.attrib or "publish" in marks or "datepublished" in marks:
            yield "published", Candidate(day, "time-element", "time[datetime] (published)", "medium")
        elif "modif" in marks or "updat" in marks:
            yield "updated", Candidate(day, "time-element", "time[datetime] (updated)", "medium")
    try:
        author = trafilatura_author(tree)
    except (ValueError, TypeError, RecursionError):
        author = None
    # trafilatura title-cases what it finds and drops digits and symbols: a name is taken as the page
    # writes it (hidden elements included: trafilatura reads them too), and not at all when the page
    # does not write it ("Bo" of "Author: Bo2man"); whether readers see it is checked when choosing
    organisations = _microdata_organisations(tree)
    names = [
        printed(name, every_text, ANY_GAP)
        for name in (author or "").split("; ")
        if name and " ".join(name.lower().split()) not in organisations
    ]
    if any(names):
        author = "; ".join(name for name in names if name)
        yield "authors", Candidate(author, "byline", "trafilatura author XPaths", "medium")
    for xpath, confidence in _BYLINE_XPATHS:
        # the first match and its co-authors: later ones are mostly bylines of teasers and comments
        for element in same_byline(tree.xpath(xpath)):
            text = element.get("content") or element.text_content()
            if text and text.strip():
                yield "authors", Candidate(text.strip(), "byline", xpath, confidence)
    for text in text_bylines(tree):
        yield "authors", Candidate(text, "byline", "text byline (label such as 'By', 'Von', 'Text:')", "low")
    for name in author_links(tree):
        yield (
            "authors",
            Candidate(name, "byline", "link to the author's page (a[href='/author/<name>'])", "low"),
        )
    headings = tree.xpath("//h1")
    if len(headings) == 1:
        yield "title", Candidate(headings[0].text_content().strip(), "element", "h1", "medium")
    for title in tree.xpath("//head/title")[:1]:
        yield "title", Candidate(_strip_site_suffix(title.text_content().strip()), "element", "title", "low")


def _strip_site_suffix(title: str) -> str:
    """'Headline | Site' -> 'Headline': the part before the last separator."""
    for separator in lexicon().title_separators:
        if separator in title:
            return title.rsplit(separator, 1)[0].strip()
    return title


_UTC_TIME = re.compile(r"T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]00:?00)$")
_UTC_MARK = " (UTC time)"


def _normalise(
    field: str, candidate: Candidate, brands: tuple[str, ...], sections: frozenset[str] = frozenset()
) -> Candidate | None:
    """The candidate with its value cleaned for its field, or None when nothing usable is left.

    A date stated as a UTC timestamp keeps that fact in its location: its day may be the page's local day
    plus or minus one, which is time-zone drift and not a conflict (see ``_conflicts``). A one-word
    author that is a folder of the page's URL (``sections``: "Internacional" on a page under
    ``/actualidad/internacional/``) is the section's label printed where the byline would be, not a person."""
    value = candidate.value
    location = candidate.location
    if field in ("published", "updated"):
        value = normalise_date(str(value))
        if _UTC_TIME.search(str(candidate.value).strip()):
            location += _UTC_MARK
    elif field == "authors":
        names = clean_authors(str(value), brands)
        value = [n for n in names if " " in n or n.lower() not in sections] or None
    elif isinstance(value, str):
        value = re.sub(r"\s+", " ", value).strip() or None
    if value is None:
        return None
    return Candidate(value, candidate.method, location, candidate.confidence)


def copyright_owner(tree: lxml.html.HtmlElement) -> str:
    """The page's copyright statements (``meta name=copyright``, Dublin Core rights), lower-cased."""
    statements = [
        str(meta.get("content") or "")
        for meta in tree.iter("meta")
        if (meta.get("name") or meta.get("property") or "").strip().lower() in _RIGHTS_META
    ]
    return " ".join(" ".join(statements).lower().split())


def _site_owner(candidate: Candidate, candidates: list[Candidate], owner: str) -> bool:
    """True for a meta author that the copyright statement also names and no byline or JSON-LD states.

    Such a tag is the site-wide default naming the owner (a one-person site, a shop), not the byline
    of this page; a page whose byline shows the owner still gets the name from that byline.
    """
    if candidate.method != "meta" or not owner:
        return False
    names = [name.lower() for name in candidate.value]
    if not names or not all(name in owner for name in names):
        return False
    stated = {n.lower() for c in candidates if c.method in ("json-ld", "byline") for n in c.value}
    return not any(name in stated for name in names)


def _fullest_byline(chosen: list[Candidate]) -> Candidate:
    """The first candidate, or a later byline that names the same people and more: one reading of a
    byline can stop early ("By A, B and C" read as [A, B]), and several authors are a list (the
    candidates of one location together: co-authors marked up one by one)."""
    groups: dict[str, set[str]] = {}
    for candidate in chosen:
        if candidate.method == "byline":
            groups.setdefault(candidate.location, set()).update(n.lower() for n in candidate.value)
    best = chosen[0]
    if best.method != "byline":
        return best
    names = groups[best.location]
    fuller = next((c for c in chosen if c.method == "byline" and names < groups[c.location]), None)
    return fuller or best


def _choose(
    field: str, candidates: list[Candidate], visible: str | None = None, owner: str = ""
) -> FieldEvidence:
    """First candidate by trust order; an empty field is None (authors: []).

    Authors must also be printed on the page (``visible``, as whole words: see
    :func:`audit.extract.html.metadata.bylines.printed`): a name only in a meta tag, never shown to readers, is kept as
    a candidate but not chosen (such tags often name the site operator or a CMS account rather than
    the article's author). Nor is a meta author that only repeats the copyright ``owner`` (see
    :func:`_site_owner`). The chosen names are spelt as the page prints them ("ALLY DOE").
    """
    empty: Any = [] if field == "authors" else None
    if field == "authors" and visible is not None:
        chosen = [
            c
            for c in candidates
            if all(printed(name, visible) for name in c.value) and not _site_owner(c, candidates, owner)
        ]
        if not chosen:
            return FieldEvidence(empty, None, None, tuple(candidates))
        best = _fullest_byline(chosen)
    elif not candidates:
        return FieldEvidence(empty, None, None, ())
    else:
        best = candidates[0]
    value = best.value
    if field == "authors":  # several candidates of the same source can each name one author
        value = []
        for candidate in candidates:
            if (candidate.method, candidate.location) == (best.method, best.location):
                spelt = (page_spelling(n, visible) if visible is not None else n for n in candidate.value)
                value.extend(n for n in spelt if n not in value)
    return FieldEvidence(value, best.method, best.location, tuple(candidates))


def _drifts(candidate: Candidate, shown: list[Candidate]) -> bool:
    """A UTC timestamp one day off the date shown beside the heading: the same moment in another time zone."""
    if not shown or not candidate.location.endswith(_UTC_MARK):
        return False
    try:
        days = abs((date.fromisoformat(str(candidate.value)) - date.fromisoformat(str(shown[0].value))).days)
    except ValueError:
        return False
    return days == 1


def _conflicts(field: str, candidates: list[Candidate]) -> SourceWarning | None:
    """A warning when the strong statements (JSON-LD, meta, the date shown beside the heading) disagree.

    A UTC timestamp one day off the shown date is not a disagreement (``_drifts``)."""
    shown = [c for c in candidates if c.method == "heading-date"][:1]
    stated = [c for c in candidates if c.method in _STRONG and not _drifts(c, shown)]
    strong = sorted({str(c.value) for c in [*shown, *stated] if c in shown or c.confidence == "high"})
    if len(strong) < 2:
        return None
    where = "; ".join(f"{c.location}={c.value}" for c in [*shown, *stated])
    return SourceWarning(
        code="metadata_conflict",
        message=f"The page states different {field} dates ({where}); check which is the article's.",
    )


def _sections(url: str | None) -> frozenset[str]:
    """The folders of a URL's path, lower-cased ("/actualidad/internacional/story-slug" -> both folders)."""
    try:
        path = urlsplit(url or "").path
    except ValueError:
        return frozenset()
    return frozenset(part.lower() for part in path.split("/")[:-1] if part)


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:  # a malformed URL (e.g. a bracketed non-IP host) names no site
        return None
    return host.removeprefix("www.") or None


def extract_metadata(
    tree: lxml.html.HtmlElement | None, *, url: str | None = None, html: str | None = None
) -> tuple[dict[str, FieldEvidence], tuple[SourceWarning, ...]]:
    """Every metadata field of a parsed page with its candidates, and warnings on conflicting dates.

    ``html`` is the decoded page the tree was parsed from, if the caller has it: htmldate then parses
    it itself (see :func:`audit.extract.html.metadata.page_dates.htmldate_guess`).
    """
    raw: list[tuple[str, Candidate]] = []
    notes: list[SourceWarning] = []
    texts = body_texts(tree, teaser_cards(tree, own_urls(tree, url))) if tree is not None else None
    every_text = texts.every if texts is not None else ""
    if tree is not None:
        raw.extend(jsonld_candidates(tree))
        raw.extend(meta_candidates(tree))
        raw.extend(_element_candidates(tree, every_text))
        structured = (c for f, c in raw if f == "published" and c.method in _STRONG)
        near = {day for c in structured if (day := normalise_date(str(c.value)))}
        for stated in heading_dates(tree, near):
            raw.append((stated.kind, Candidate(stated.iso, "heading-date", stated.location, "medium")))
        found = htmldate_guess(html, tree, url)
        if found is not None and (note := site_header_note(tree, found)):
            notes.append(note)  # htmldate read today's date off the masthead
        elif found is not None:
            location = "htmldate.find_date(original_date=True)"
            raw.append(("published", Candidate(found, "htmldate", location, "medium")))
    if url:
        raw.append(("url", Candidate(url, "input", "capture URL", "high")))
        day = url_date(url)
        if day is not None:
            raw.append(("published", Candidate(day, "url-date", "URL path", "medium")))
    sites = [c.value for f, c in raw if f == "site" and isinstance(c.value, str)]
    host = _host(url) or next((_host(c.value) for f, c in raw if f == "url"), None)
    brands = tuple(s for s in [*sites, host, (host or "").split(".")[0]] if s)
    sections = _sections(url)
    by_field: dict[str, list[Candidate]] = {field: [] for field in FIELDS}
    for field, candidate in raw:
        cleaned = _normalise(field, candidate, brands, sections)
        if cleaned is not None:
            by_field[field].append(cleaned)
    if not by_field["site"] and host:
        by_field["site"].append(Candidate(host, "url-host", "URL host", "low"))
    # a name printed only in teaser cards is another article's author (audit/extract/html/metadata/teasers.py)
    visible = texts.outside_cards if texts is not None else None
    for field in ("published", "updated"):  # stable sort: within a method the page order stays
        by_field[field].sort(key=lambda c: _DATE_ORDER.index(c.method) if c.method in _DATE_ORDER else 99)
    owner = copyright_owner(tree) if tree is not None else ""
    fields = {field: _choose(field, by_field[field], visible, owner) for field in FIELDS}
    warnings = [w for field in ("published", "updated") if (w := _conflicts(field, by_field[field]))]
    return fields, (*notes, *warnings)
