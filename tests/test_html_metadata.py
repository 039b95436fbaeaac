"""Metadata candidates, their order of trust, author cleaning, date normalisation and conflicts."""

from __future__ import annotations

import json

from audit.html_authors import clean_authors
from audit.html_dates import normalise_date, url_date
from audit.html_dom import parse_html
from audit.html_metadata import extract_metadata

BODY = "<p>" + "Officials in Moscow and Washington discussed the ceasefire proposal at length. " * 8 + "</p>"


def _fields(head: str, body: str = BODY, url: str | None = None):  # type: ignore[no-untyped-def]
    html = f"<html><head>{head}</head><body>{body}</body></html>"
    return extract_metadata(parse_html(html).tree, url=url)


def _jsonld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_jsonld_beats_meta_and_keeps_all_candidates() -> None:
    head = (
        _jsonld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "name": "Example Post"},
                    {
                        "@type": "NewsArticle",
                        "headline": "Putin and Xi meet in Moscow",
                        "datePublished": "2023-03-20T09:00:00+03:00",
                        "dateModified": "2023-03-21T10:00:00+03:00",
                        "author": [
                            {"@type": "Person", "name": "Jane Doe"},
                            {"@type": "Organization", "name": "Example Post"},
                        ],
                    },
                ],
            }
        )
        + '<meta property="article:published_time" content="2023-03-20T06:00:00Z">'
    )
    fields, warnings = _fields(head, "<p class='byline'>By Jane Doe</p>" + BODY)
    published = fields["published"]
    assert published.value == "2023-03-20"
    assert (published.method, published.location) == ("json-ld", "NewsArticle.datePublished")
    assert ("meta", 'meta[property="article:published_time"]') in [
        (c.method, c.location) for c in published.candidates
    ]
    assert fields["updated"].value == "2023-03-21"
    assert fields["authors"].value == ["Jane Doe"]
    assert fields["title"].value == "Putin and Xi meet in Moscow"
    assert fields["site"].value == "Example Post"
    assert warnings == ()


def test_conflicting_strong_dates_raise_a_warning() -> None:
    head = _jsonld({"@type": "NewsArticle", "datePublished": "2024-01-05"})
    head += '<meta property="article:published_time" content="2024-02-07T10:00:00Z">'
    fields, warnings = _fields(head)
    assert fields["published"].value == "2024-01-05"
    assert [w.code for w in warnings] == ["metadata_conflict"]
    assert "2024-02-07" in warnings[0].message


def test_nothing_found_is_none_not_a_guess() -> None:
    fields, warnings = _fields("<title>Untitled</title>", "<p>No dates or names here at all.</p>")
    assert fields["authors"].value == []
    assert fields["published"].value is None
    assert fields["updated"].value is None
    assert fields["url"].value is None
    assert warnings == ()


def test_url_date_and_host_as_fallbacks() -> None:
    fields, _ = _fields(
        "",
        "<p>Text without any date at all in it whatsoever.</p>",
        url="https://www.example.com/2021/07/04/story",
    )
    assert fields["published"].value == "2021-07-04"
    assert fields["site"].value == "example.com"
    assert fields["site"].candidates[0].confidence == "low"
    assert fields["url"].value == "https://www.example.com/2021/07/04/story"


def test_meta_author_must_be_shown_on_the_page() -> None:
    head = '<meta name="author" content="Hidden Operator">'
    fields, _ = _fields(head)
    assert fields["authors"].value == []
    assert fields["authors"].candidates[0].value == ["Hidden Operator"]
    fields, _ = _fields(head, "<p>Hidden Operator</p>" + BODY)
    assert fields["authors"].value == ["Hidden Operator"]


def test_brand_is_not_an_author() -> None:
    head = '<meta property="og:site_name" content="Daily Planet"><meta name="author" content="Daily Planet">'
    fields, _ = _fields(head, "<p>Daily Planet</p>" + BODY, url="https://dailyplanet.example/x")
    assert fields["authors"].value == []


def test_clean_authors() -> None:
    assert clean_authors("By Jane Doe and John Roe, Staff Writers | Nov. 18, 2019") == [
        "Jane Doe",
        "John Roe",
    ]
    assert clean_authors("Von Anna Schmidt") == ["Anna Schmidt"]
    assert clean_authors("Jane Doe; John Roe; Jane Doe") == ["Jane Doe", "John Roe"]
    assert clean_authors("Reuters") == []
    assert clean_authors("News Desk") == []
    assert clean_authors("https://www.facebook.com/janedoe") == []
    assert clean_authors("Max Muster", brands=("Max Muster",)) == []
    assert clean_authors("Ana de la Cruz") == ["Ana de la Cruz"]
    assert clean_authors("arbeitete viele Jahre auf Weingütern in Europa") == []


def test_normalise_date() -> None:
    assert normalise_date("2019-11-18T23:30:00-05:00") == "2019-11-18"
    assert normalise_date("20191118") == "2019-11-18"
    assert normalise_date("18.11.2019") == "2019-11-18"
    assert normalise_date("November 18, 2019") == "2019-11-18"
    assert normalise_date("Mon, 18 Nov 2019 10:00:00 GMT") == "2019-11-18"
    assert normalise_date("November 2019") is None  # no day stated
    assert normalise_date("2019") is None
    assert normalise_date("1850-01-01") is None
    assert normalise_date("2019-02-30") is None


def test_url_date() -> None:
    assert url_date("https://example.com/2019/11/18/story") == "2019-11-18"
    assert url_date("https://example.com/news/2019-11-18-story.html") == "2019-11-18"
    assert url_date("https://example.com/article/12345/story") is None
    assert url_date("https://2019-11-18.example.com/story") is None
