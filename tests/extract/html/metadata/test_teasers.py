"""Teaser cards and byline blocks: a name printed only beside another article's headline is not the
page's author; the page's layout classes and the article's own header do not hide its byline."""

from __future__ import annotations

from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.authors import clean_authors
from audit.extract.html.metadata.bylines import is_skipped, text_bylines
from audit.extract.html.metadata.fields import extract_metadata
from audit.extract.html.metadata.teasers import teaser_cards
from audit.model import FieldEvidence

BODY = "<p>" + "The harbour board met on Tuesday to discuss the new ferry timetable in detail. " * 8 + "</p>"
URL = "https://news.example.org/harbour/ferry-timetable-2031"


def _authors(body: str, url: str | None = URL) -> FieldEvidence:
    html = f"<html><head><title>Ferry timetable</title></head><body>{body}</body></html>"
    fields, _ = extract_metadata(parse_html(html).tree, url=url)
    return fields["authors"]


def _related(title: str, href: str, author: str) -> str:
    return (
        f'<li><a class="preview__title" href="{href}">{title}</a>'
        f'<span class="preview__author">{author}</span></li>'
    )


def test_the_author_of_a_related_story_is_not_the_pages_author() -> None:
    related = (
        "<ul class='more-block'>"
        + _related(
            "Council votes to rebuild the old pier before summer",
            "/harbour/pier-vote-2031",
            "Marta Quellberg",
        )
        + _related(
            "Fishing fleet returns early after a week of storms", "/harbour/fleet-2031", "Oskar Lindqvist"
        )
        + "</ul>"
    )
    assert _authors(f"<article><h1>Ferry timetable</h1>{BODY}</article>{related}").value == []


def test_a_story_link_wrapping_its_author_is_a_teaser_card() -> None:
    card = (
        '<div class="thumb"><a href="https://news.example.org/videos/dashboard-melts-in-the-sun">'
        '<h3 class="thumb-title">Dashboard melts after a bottle is left in the sun</h3>'
        '<span class="thumb-author">Daniela Leitner</span><time>16/06/2031</time></a></div>'
    )
    assert _authors(f"<h1>Ferry timetable</h1>{BODY}<h2>Related videos</h2>{card}").value == []


def test_the_pages_own_byline_beside_long_links_to_itself_and_author_pages_is_kept() -> None:
    header = (
        f'<div class="head"><h1><a href="{URL}">Harbour board agrees a new ferry timetable</a></h1>'
        '<p class="author-name">Marta Quellberg</p>'
        '<a href="/profile/marta-quellberg">Marta Quellberg writes about ports and shipping</a></div>'
    )
    assert _authors(header + BODY).value == ["Marta Quellberg"]


def test_teaser_cards_stay_teaser_sized() -> None:
    long_text = "<p>" + "A long paragraph of the article itself. " * 12 + "</p>"
    html = (
        "<html><body><div class='story'>"
        f"{long_text}<p>See <a href='/other/story-about-the-pier'>council votes to rebuild the pier</a></p>"
        "</div></body></html>"
    )
    cards = teaser_cards(parse_html(html).tree)
    assert [card.tag for card in cards] == ["p"]


def test_page_layout_classes_on_body_do_not_hide_a_byline() -> None:
    html = (
        "<html><body class='one-sidebar sidebar-second'><main><h2>Ferry timetable</h2>"
        "<div class='story-byline'>By Marta Quellberg and Oskar Lindqvist</div>"
        + BODY
        + "</main></body></html>"
    )
    tree = parse_html(html).tree
    assert text_bylines(tree) == ["Marta Quellberg and Oskar Lindqvist"]


def test_the_articles_own_header_is_not_the_sites_header() -> None:
    html = (
        "<html><body><header class='site'><p>By subscription only</p></header>"
        "<header class='article__header'><h1>Ferry timetable</h1><p class='meta'>By Marta Quellberg</p></header>"
        "<article><header><p>By Oskar Lindqvist</p></header></article></body></html>"
    )
    tree = parse_html(html).tree
    site, own, inner = tree.xpath("//header/p")
    assert is_skipped(site)
    assert not is_skipped(own)
    assert not is_skipped(inner)


def test_a_name_written_in_capitals_keeps_its_short_words() -> None:
    assert clean_authors("LISA MARTENS, MARY CLARE OSTBY and ERIC TALLIN") == [
        "LISA MARTENS",
        "MARY CLARE OSTBY",
        "ERIC TALLIN",
    ]
    assert clean_authors("Jane Roe, DPA") == ["Jane Roe"]
    assert clean_authors("AFP") == []


def test_a_byline_read_in_full_wins_over_one_read_short() -> None:
    body = (
        "<h1>Ferry timetable</h1><div class='story-byline'><div class='field-byline'>"
        "By LISA MARTENS, MARY CLARE OSTBY and ERIC TALLIN</div><div>Associated Press</div></div>" + BODY
    )
    authors = _authors(body)
    assert authors.value == ["LISA MARTENS", "MARY CLARE OSTBY", "ERIC TALLIN"]


def test_a_comment_count_in_a_byline_line_is_no_name() -> None:
    assert clean_authors("26 Mai, 2031 | Jane Roe | Kommentare 3") == ["Jane Roe"]
    assert clean_authors("Comments 12") == []


def test_a_microdata_author_typed_as_an_organisation_is_not_a_person() -> None:
    body = (
        '<div itemprop="author" itemscope itemtype="https://schema.org/Organization">'
        '<span itemprop="name">Harbour Courier Gazette</span></div><h1>Ferry timetable</h1>' + BODY
    )
    assert _authors(body).value == []
    person = body.replace("schema.org/Organization", "schema.org/Person")
    assert _authors(person).value == ["Harbour Courier Gazette"]


def test_co_authors_marked_up_one_by_one_are_all_taken() -> None:
    def person(name: str) -> str:
        return f'<span itemprop="author" itemscope><span itemprop="name">{name}</span></span>'

    byline = f"<div class='byline'>By {person('Marta Quellberg')}, {person('Oskar Lindqvist')} and "
    byline += f"{person('PIA NORDSTRAND')} The Harbour Courier</div>"
    teaser = f"<div class='more'><h3>Other stories</h3>{BODY}{person('Ruth Abernethy')}</div>"
    authors = _authors(f"<h1>Ferry timetable</h1>{byline}{BODY}{teaser}")
    assert authors.value == ["Marta Quellberg", "Oskar Lindqvist", "PIA NORDSTRAND"]
