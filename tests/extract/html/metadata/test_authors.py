"""Author and title rules of the metadata extractor: what is not a byline, and names as the page means them."""

from __future__ import annotations

import json

from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.authors import clean_authors, reads_as_prose
from audit.extract.html.metadata.fields import extract_metadata
from audit.model import FieldEvidence

BODY = "<p>" + "The harbour board met on Tuesday to discuss the new ferry timetable in detail. " * 8 + "</p>"


def _fields(head: str, body: str = BODY, url: str | None = None) -> dict[str, FieldEvidence]:
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    fields, _ = extract_metadata(parse_html(html).tree, url=url)
    return fields


def _jsonld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_html_entities_in_jsonld_strings_are_decoded() -> None:
    head = _jsonld(
        {
            "@type": "NewsArticle",
            "headline": "&#8222;Nie wieder&#8220;: Hafen &amp; Stadt einig",
            "author": {"@type": "Person", "name": "Jos&#xE9; Exemplo"},
        }
    )
    fields = _fields(head, BODY + "<p class='byline'>José Exemplo</p>")
    assert fields["title"].value == "„Nie wieder“: Hafen & Stadt einig"
    assert fields["authors"].value == ["José Exemplo"]


def test_y_or_e_before_a_last_single_word_continues_a_surname() -> None:
    assert clean_authors("José Volta e Pinto") == ["José Volta e Pinto"]
    assert clean_authors("José Ortega y Gasset") == ["José Ortega y Gasset"]
    # between two full names, or two first names, it still separates people
    assert clean_authors("Ana Pérez y Juan García") == ["Ana Pérez", "Juan García"]
    assert clean_authors("Maria e João") == ["Maria", "João"]
    assert clean_authors("Jane Doe and Smith") == ["Jane Doe", "Smith"]


def test_updated_and_published_words_end_a_name() -> None:
    assert clean_authors("mis à jour à") == []  # French "updated at" of a date line
    assert clean_authors("Sonia Beispiel Erstellt am 03.01.2023") == ["Sonia Beispiel"]
    assert clean_authors("Erstellt von Dominique") == ["Dominique"]
    assert clean_authors("Jean Exemple, publié le 26/12/2020") == ["Jean Exemple"]
    assert clean_authors("Zitrod Articles") == []  # a site's account, not a person
    body = (
        "<div class='author__metas'>publié le <time>26/12/2020 à 21:00</time>, mis à jour à <time>21:00</time>"
        "</div>" + BODY
    )
    assert _fields("", body)["authors"].value == []


def test_a_one_word_author_naming_a_folder_of_the_url_is_the_section() -> None:
    body = "<div class='author'><a href='/actualidad/internacional'>Internacional</a></div>" + BODY
    url = "https://news.example/actualidad/internacional/story-of-the-day"
    assert _fields("", body, url)["authors"].value == []
    # elsewhere the same one-word byline stands, and a full name is never a section
    assert _fields("", body, "https://news.example/deportes/story-of-the-day")["authors"].value == [
        "Internacional"
    ]
    body = "<div class='author'><a href='/sites/janeroe'>Jane Roe</a></div>" + BODY
    assert _fields("", body, "https://news.example/sites/janeroe/story")["authors"].value == ["Jane Roe"]


def test_only_the_first_text_byline_counts() -> None:
    # an agency story ("Par AFP", no person) and an opinion teaser further down with its own byline
    teaser = "<div class='thumbnail'><a href='/opinion/1'>Une chronique</a><p>Par Jeanne Autre</p></div>"
    fields = _fields("", "<div class='article__metas'>Par AFP</div>" + BODY + teaser)
    assert fields["authors"].value == []
    # two bylines: the article's, then a listing's
    body = "<p>By Jane Roe</p>" + BODY + "<ul><li>Author: John Other; Illustrator: Ann Third</li></ul>"
    assert _fields("", body)["authors"].value == ["Jane Roe"]


def test_a_labelled_sentence_is_passed_over_for_the_byline_after_it() -> None:
    assert reads_as_prose("providing your email address, you agree to our terms")
    assert not reads_as_prose("Jane Roe, Staff Writer")
    assert not reads_as_prose("AFP")
    body = "<form-box><p>By signing up you agree to our terms.</p></form-box><p>By Jane Roe</p>" + BODY
    assert _fields("", body)["authors"].value == ["Jane Roe"]


def test_a_courtesy_photo_credit_is_not_an_author() -> None:
    assert clean_authors("Cortesía") == []
    assert clean_authors("Courtesy of the museum") == []
    body = (
        "<div class='story'><div><img src='/a.jpg'><span class='img-author'>Cortesía</span></div></div>"
        + BODY
    )
    assert _fields("", body)["authors"].value == []


def test_an_account_named_for_a_team_or_desk_is_not_a_person() -> None:
    assert clean_authors("BBNTEAM") == []
    assert clean_authors("NewsDesk") == []
    assert clean_authors("SiteAdmin") == []
    # a first name or a handle that merely ends in those letters stays
    assert clean_authors("Andrews") == ["Andrews"]
    assert clean_authors("Bo2man") == ["Bo2man"]


def test_a_byline_is_cut_where_its_weekday_or_month_begins() -> None:
    # trafilatura's guess for "By Mike Doe and Malcolm Roe Monday, November 18, 2019"
    assert clean_authors("Mike Doe; Malcolm Roe Monday; November") == ["Mike Doe", "Malcolm Roe"]
    assert clean_authors("Jane Doe Dienstag, 3. Mai") == ["Jane Doe"]
    assert clean_authors("November") == []
    # names that are also months or weekdays stay whole, and a cut never leaves a lone first name
    assert clean_authors("April Smith") == ["April Smith"]
    assert clean_authors("Juli Zeh") == ["Juli Zeh"]
    assert clean_authors("Jane Monday") == []
