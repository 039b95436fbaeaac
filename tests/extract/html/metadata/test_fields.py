"""Metadata candidates, their order of trust, author cleaning, date normalisation and conflicts."""

from __future__ import annotations

import json
import warnings

from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.authors import clean_authors
from audit.extract.html.metadata.bylines import ANY_GAP, printed
from audit.extract.html.metadata.fields import extract_metadata
from audit.extract.html.metadata.page_dates import htmldate_guess, normalise_date, url_date

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
    assert published.method == "htmldate"  # first in the date order; it reads the same JSON-LD
    methods = [(c.method, c.location) for c in published.candidates]
    assert ("json-ld", "NewsArticle.datePublished") in methods
    assert ("meta", 'meta[property="article:published_time"] (UTC time)') in methods
    assert fields["updated"].value == "2023-03-21"
    assert fields["authors"].value == ["Jane Doe"]
    assert fields["title"].value == "Putin and Xi meet in Moscow"
    assert fields["site"].value == "Example Post"
    assert warnings == ()


def test_conflicting_strong_dates_raise_a_warning() -> None:
    head = _jsonld({"@type": "NewsArticle", "datePublished": "2024-01-05"})
    head += '<meta property="article:published_time" content="2024-02-07T10:00:00Z">'
    fields, warnings = _fields(head)
    assert fields["published"].value in ("2024-01-05", "2024-02-07")
    assert {c.value for c in fields["published"].candidates} == {"2024-01-05", "2024-02-07"}
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


def test_structured_date_is_the_fallback_when_htmldate_finds_none() -> None:
    # htmldate ignores a <time> without a date-like context here; the URL day is the fallback
    fields, _ = _fields("", "<p>No date in this text.</p>", url="https://example.com/2020/05/06/story")
    assert fields["published"].value == "2020-05-06"
    assert {c.method for c in fields["published"].candidates} <= {"url-date", "htmldate"}


def test_htmldate_never_gets_a_url_and_refuses_a_copyright_year() -> None:
    # a "page" that htmldate would take for an address is not passed on (nothing is ever fetched)
    assert htmldate_guess("https://example.com/2019/11/18/story", None) is None
    footer_only = (
        "<html><body><p>" + "Plain text about nothing in particular. " * 10 + "</p>"
        "<footer>Copyright 2021 Example Ltd</footer></body></html>"
    )
    assert htmldate_guess(footer_only, parse_html(footer_only).tree) is None
    dated = (
        '<html><head><meta property="article:published_time" content="2022-03-04"></head><body></body></html>'
    )
    assert htmldate_guess(dated, parse_html(dated).tree) == "2022-03-04"


def test_clean_authors_drops_acronyms_logins_and_organisation_groups() -> None:
    assert clean_authors("AgE") == []  # an agency's acronym
    assert clean_authors("jdoe") == []  # a CMS login, not a byline
    assert clean_authors("Kathrin") == ["Kathrin"]  # a capitalised first name alone is a byline
    assert clean_authors("Landesanstalt für Wald und Forstwirtschaft, Max Muster") == ["Max Muster"]
    assert clean_authors("Von Anna Schmidt, Jan Lukas Weber und Eva Roth, NDR") == [
        "Anna Schmidt",
        "Jan Lukas Weber",
        "Eva Roth",
    ]
    assert clean_authors("Jane Doe (Reuters)") == ["Jane Doe"]
    assert clean_authors("Juan Carlos Muñoz C.") == ["Juan Carlos Muñoz C."]
    assert clean_authors("Jane Doe.") == ["Jane Doe"]
    assert clean_authors("Follow") == []


def test_jsonld_author_given_by_reference() -> None:
    head = _jsonld(
        {
            "@graph": [
                {"@type": "NewsArticle", "headline": "A headline", "author": {"@id": "#p1"}},
                {"@type": "Person", "@id": "#p1", "name": "Steven Example"},
            ]
        }
    )
    fields, _ = _fields(head, "<p>Steven Example</p>" + BODY)
    assert fields["authors"].value == ["Steven Example"]
    assert fields["authors"].method == "json-ld"


def test_labelled_twitter_meta_byline() -> None:
    head = (
        '<meta name="twitter:label1" content="Verfasst von"><meta name="twitter:data1" content="Karla Beispiel">'
        '<meta name="twitter:label2" content="Lesezeit"><meta name="twitter:data2" content="3 Minuten">'
    )
    fields, _ = _fields(head, "<p>Karla Beispiel</p>" + BODY)
    assert fields["authors"].value == ["Karla Beispiel"]
    assert "labelled" in (fields["authors"].location or "")


def test_text_byline_with_label() -> None:
    body = BODY + "<p><strong>Text:</strong> Klaus Beispiel</p><p><strong>Fotos:</strong> Somebody Else</p>"
    fields, _ = _fields("", body)
    assert fields["authors"].value == ["Klaus Beispiel"]
    assert fields["authors"].method == "byline"
    # "Text" without a colon opens an ordinary sentence, and a commenter's byline is not the author's
    body = BODY + "<p>Text messages were sent.</p><div class='comments'><p>Von Max Muster</p></div>"
    fields, _ = _fields("", body)
    assert fields["authors"].value == []


def test_trafilatura_guess_keeps_the_page_spelling() -> None:
    body = "<div class='author'>jdoe</div>" + BODY
    fields, _ = _fields("", body)
    # trafilatura title-cases the login to "Jdoe"; restored to the page's "jdoe", it is refused as a login
    assert fields["authors"].value == []


def test_single_words_left_of_an_organisation_name_are_not_people() -> None:
    # the commas belong to the organisation's own name; "Bildung" is its remainder, not a person
    assert clean_authors("Eidgenössisches Departement für Wirtschaft, Bildung und Forschung WBF") == []
    assert clean_authors("Kathrin, Landesanstalt für Wald und Forstwirtschaft") == []
    assert clean_authors("Jane Doe, Landesanstalt für Wald und Forstwirtschaft") == ["Jane Doe"]


def test_meta_author_repeating_the_copyright_owner_is_not_chosen() -> None:
    head = '<meta name="author" content="Erika Muster"><meta name="copyright" content="(C) 2020 by Erika Muster">'
    fields, _ = _fields(head, "<p>Erika Muster</p>" + BODY)
    assert fields["authors"].value == []
    assert fields["authors"].candidates[0].value == ["Erika Muster"]  # kept as evidence
    # a byline on the page stating the same name still makes her the author
    byline = '<p class="byline">By Erika Muster</p>'
    fields, _ = _fields(head, byline + BODY)
    assert fields["authors"].value == ["Erika Muster"]
    # without a copyright statement naming her, the meta author is chosen as before
    fields, _ = _fields('<meta name="author" content="Erika Muster">', "<p>Erika Muster</p>" + BODY)
    assert fields["authors"].value == ["Erika Muster"]


def test_chosen_author_is_spelt_as_the_page_prints_it() -> None:
    head = _jsonld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Mira Testwoman"}})
    fields, _ = _fields(head, "<p class='byline'>By MIRA TESTWOMAN</p>" + BODY)
    assert fields["authors"].value == ["MIRA TESTWOMAN"]
    assert fields["authors"].method == "json-ld"  # the evidence is still the JSON-LD statement


def test_printed_name_is_whole_words_with_punctuation_of_initials() -> None:
    assert printed("R C Baker", "Story by R.C. BAKER, photos") == "R.C. BAKER"
    assert printed("Juan Muñoz C", "Por Juan Muñoz C. / 3 de mayo") == "Juan Muñoz C."
    assert printed("Bo", "Author: Bo2man am 29.12.2010") is None
    assert printed("Jane Doe", "Janet Doenitz wrote") is None
    assert printed("Jane Doe Staff", "By Jane Doe, Staff", ANY_GAP) == "Jane Doe, Staff"
    assert printed("Jane Doe Staff", "By Jane Doe, Staff") is None  # a comma does not join a name


def test_trafilatura_guess_the_page_does_not_print_is_dropped() -> None:
    # trafilatura drops the digits of "Zed2go" and reports "Zed", a word the page never prints alone
    body = "<div class='author'>Author: <b>Zed2go</b> am 29.12.2010</div><p>ZED clips</p>" + BODY
    fields, _ = _fields("", body)
    assert fields["authors"].value == ["Zed2go"]
    assert all(c.location != "trafilatura author XPaths" for c in fields["authors"].candidates)


def test_byline_in_a_hidden_element_is_not_shown_to_readers() -> None:
    head = _jsonld({"@type": "BlogPosting", "author": {"@type": "Person", "name": "Tilo Versteckt"}})
    hidden = "<span class='vcard rich-snippet-hidden'><a rel='author' href='/author/tilo'>Tilo Versteckt</a></span>"
    fields, _ = _fields(head, BODY + hidden)
    assert fields["authors"].value == []
    assert fields["authors"].candidates[0].value == ["Tilo Versteckt"]  # kept as evidence
    for markup in ("<p hidden>Tilo Versteckt</p>", "<p style='display: none'>Tilo Versteckt</p>"):
        fields, _ = _fields(head, BODY + markup)
        assert fields["authors"].value == []
    fields, _ = _fields(head, BODY + "<p class='hidden-xs'>Tilo Versteckt</p>")  # hidden on phones only
    assert fields["authors"].value == ["Tilo Versteckt"]


def test_text_byline_is_the_first_line_of_its_element() -> None:
    # "Auteur :" label, the next paragraph is another credit
    body = BODY + "<div class='credits'><p>Auteur : Jean Exemple</p><p>Edition : Paul Autre</p></div>"
    fields, _ = _fields("", body)
    assert fields["authors"].value == ["Jean Exemple"]
    # a label alone on its line, the name on the next
    fields, _ = _fields("", BODY + "<p><b>Von:</b><br><br>Götz Beispielmann</p>")
    assert fields["authors"].value == ["Götz Beispielmann"]
    fields, _ = _fields("", BODY + "<div>By <div>Jane Roe</div></div>")
    assert fields["authors"].value == ["Jane Roe"]
    # the byline line of a long block (a line of tags follows), and a link holding label and name
    tags = ", ".join(f"<a href='/tag/{n}'>tag {n}</a>" for n in range(12))
    body = BODY + f"<p><strong>Autor:</strong> <a href='/p/7'>Klara Musterfrau</a><br><b>Tags:</b> {tags}</p>"
    fields, _ = _fields("", body)
    assert fields["authors"].value == ["Klara Musterfrau"]
    body = BODY + "<div><p>Text of the story.</p><a href='mailto:x'><b>Von:</b><br><br>Jo Beispiel</a></div>"
    fields, _ = _fields("", body)
    assert fields["authors"].value == ["Jo Beispiel"]
    # sentences that open with "By" or "Von" are not bylines
    for sentence in (
        "By the end of the year the council had approved it.",
        "Von Anfang an war klar, dass es regnet.",
    ):
        fields, _ = _fields("", f"<p>{sentence}</p>" + BODY)
        assert fields["authors"].value == []


def test_text_and_photos_label() -> None:
    body = (
        BODY
        + "<table><tr><td>12 | 01 | 2022</td><td><span>Text &amp; Fotos:</span> Iwan Muster</td></tr></table>"
    )
    fields, _ = _fields("", body)
    assert fields["authors"].value == ["Iwan Muster"]
    assert clean_authors("Text & Fotos: Iwan Muster") == ["Iwan Muster"]
    assert clean_authors("Text") == []


def test_a_time_zone_name_dateutil_does_not_know_gives_the_day_and_no_warning() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # dateutil's UnknownTimezoneWarning reached the user's terminal
        assert normalise_date("Mon, 18 Nov 2019 23:30:00 EST") == "2019-11-18"
        assert normalise_date("18. November 2019 10:00 CET") == "2019-11-18"
