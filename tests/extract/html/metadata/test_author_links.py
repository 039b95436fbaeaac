"""Authors named by a link to their own author page, and byline text a reader does not see."""

from __future__ import annotations

from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.author_links import author_links, slug
from audit.extract.html.metadata.fields import extract_metadata
from audit.model import FieldEvidence

BODY = "<p>" + "The harbour board met on Tuesday to discuss the new ferry timetable in detail. " * 8 + "</p>"


def _fields(body: str) -> dict[str, FieldEvidence]:
    html = f"<html><head><title>Ferry timetable</title></head><body>{body}</body></html>"
    fields, _ = extract_metadata(parse_html(html).tree)
    return fields


def _links(body: str) -> list[str]:
    return author_links(parse_html(f"<html><body>{body}</body></html>").tree)


def test_slug_folds_accents_and_sharp_s() -> None:
    assert slug("Jil Schüller") == "jilschuller"
    assert slug("Guido Beyß") == "guidobeyss"
    assert slug("jil-schuller") == slug("Jil Schuller")


def test_a_link_to_the_author_page_of_its_own_text_names_the_author() -> None:
    byline = (
        '<div class="meta"><time>1. Februar 2022</time>, <a href="/autor/jil-schuller">Jil Schuller</a></div>'
    )
    fields = _fields(byline + BODY)
    assert fields["authors"].value == ["Jil Schuller"]
    assert fields["authors"].location is not None and "author's page" in fields["authors"].location


def test_wordpress_author_urls_with_ids_and_co_authors() -> None:
    body = (
        '<p><a href="https://example.org/author/ana-perez-12/">Ana Pérez</a> und '
        '<a href="https://example.org/author/jo-roe/">Jo Roe</a></p>'
    )
    assert _links(body) == ["Ana Pérez", "Jo Roe"]


def test_links_whose_text_is_not_the_slug_are_not_taken() -> None:
    assert _links('<a href="/author/donaldtownsend/">DT</a>') == []  # initials: not the name of the slug
    assert _links('<a href="/autor/jil-schuller">Alle Artikel</a>') == []
    assert _links('<a href="/team/thw-kiel">THW Kiel</a>') == []  # a team page, not an author's
    assert _links('<a href="/author/madonna">Madonna</a>') == []  # one word: too often an account name
    assert _links('<a href="http://[broken/author/jo-roe">Jo Roe</a>') == []  # malformed URL: no crash


def test_author_links_in_teasers_navigation_and_cards_are_not_taken() -> None:
    for wrapper in (
        "<nav>{}</nav>",
        '<div class="related-posts">{}</div>',
        '<div class="news-card">{}</div>',
    ):
        assert _links(wrapper.format('<a href="/author/jo-roe/">Jo Roe</a>')) == []


def test_a_layout_modifier_class_is_not_a_sidebar() -> None:
    body = (
        '<div class="layout has-sidebar"><article><p><a href="/autor/jo-roe">Jo Roe</a></p></article></div>'
    )
    assert _links(body) == ["Jo Roe"]
    assert _links('<div class="sidebar"><a href="/autor/jo-roe">Jo Roe</a></div>') == []


def test_screen_reader_copies_do_not_double_a_text_byline() -> None:
    byline = '<p class="authors">Par <a href="/profil/jo">Jo Doe<span class="u-screen-reader-text">Jo Doe</span></a></p>'
    assert _fields(byline + BODY)["authors"].value == ["Jo Doe"]


def test_a_colon_labelled_line_after_a_break_ends_an_article_with_its_author() -> None:
    body = (
        '<div class="articleBody">Berlin. Das Gericht wies die Klage ab und verwies auf die Frist.'
        " Die Kosten trägt der Kläger.<br><br>Autor: <a href='/anwalt/'>Rechtsanwalt</a> Sebastian Beispiel</div>"
    )
    assert _fields(body + BODY)["authors"].value == ["Sebastian Beispiel"]


def test_a_bare_label_after_a_break_is_prose_not_a_byline() -> None:
    body = "<div>Die Fähre fährt wieder.<br>Von Montag an gilt der neue Fahrplan für alle Linien.</div>"
    assert _fields(body + BODY)["authors"].value == []


def test_a_first_name_alone_takes_the_surname_the_byline_and_author_box_print() -> None:
    head = '<meta name="author" content="Nils">'
    byline = "<p><strong>Eine Kolumne von Nils Beispiel</strong></p>"
    box = "<div class='author-box'><p>Nils Beispiel ist freier Autor.</p></div>"
    html = f"<html><head>{head}</head><body>{byline}{BODY}{box}</body></html>"
    fields, _ = extract_metadata(parse_html(html).tree)
    assert fields["authors"].value == ["Nils Beispiel"]
    # printed once, after the label, the next word may be the next line's: the first name stays
    html = f"<html><head>{head}</head><body><p>By Nils</p><p>Prep Time 10 minutes</p>{BODY}</body></html>"
    fields, _ = extract_metadata(parse_html(html).tree)
    assert fields["authors"].value == ["Nils"]
