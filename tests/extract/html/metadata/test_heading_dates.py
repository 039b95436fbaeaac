"""The date printed beside a page's main heading, and its place among the publication-date candidates."""

from __future__ import annotations

import pytest

from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.fields import extract_metadata
from audit.extract.html.metadata.heading_dates import HeadingDate, heading_dates
from audit.extract.text.date_lines import search_date

LEAD = "<p>" + "The council discussed the new budget for the coming year at length. " * 8 + "</p>"


def _page(article: str, before: str = "", after: str = "") -> str:
    return (
        f"<html><head><title>T</title></head><body>{before}<article>{article}</article>{after}</body></html>"
    )


def _dates(html: str) -> list[HeadingDate]:
    tree = parse_html(html).tree
    assert tree is not None
    return heading_dates(tree)


def _first(html: str) -> tuple[str, str] | None:
    found = _dates(html)
    return (found[0].iso, found[0].kind) if found else None


@pytest.mark.parametrize(
    ("byline", "iso"),
    [
        (
            '<div class="meta"><span class="label">Datum:</span> <span class="value">18.10.2021</span></div>',
            "2021-10-18",
        ),
        ("<p>Veröffentlicht am 3. Mai 2019</p>", "2019-05-03"),
        ("<p>von Anna Muster</p><p>am 3. Februar 2022 um 21:17</p>", "2022-02-03"),
        ("<p class='date'>Published May 3, 2019</p>", "2019-05-03"),
        ("<span>Dienstag, 01. Februar 2022 12:10</span>", "2022-02-01"),
        ("<div>2019-05-03</div>", "2019-05-03"),
    ],
)
def test_date_line_under_the_heading(byline: str, iso: str) -> None:
    html = _page(f"<h1>Budget talks end without agreement</h1>{byline}{LEAD}")
    assert _first(html) == (iso, "published")


def test_time_element_counts_by_the_date_it_shows() -> None:
    shown = '<time datetime="2019-07-03T10:18:46Z">Publié le 29 juin 2019</time>'
    assert _first(_page(f"<h1>Budget talks end without agreement</h1>{shown}{LEAD}")) == (
        "2019-06-29",
        "published",
    )
    hidden = '<time datetime="2019-07-03T10:18:46Z">vor zwei Tagen</time>'  # shows no date: the attribute
    assert _first(_page(f"<h1>Budget talks end without agreement</h1>{hidden}{LEAD}")) == (
        "2019-07-03",
        "published",
    )
    empty = '<time datetime="2019-05-03T23:30:00-04:00"></time>'  # the publisher's local day, not UTC's
    assert _first(_page(f"<h1>Budget talks end without agreement</h1>{empty}{LEAD}")) == (
        "2019-05-03",
        "published",
    )


def test_date_above_the_heading() -> None:
    kicker = '<div class="kicker"><span>Politik</span> <span>12.12.2022</span></div>'
    assert _first(_page(f"{kicker}<h1>Budget talks end without agreement</h1>{LEAD}")) == (
        "2022-12-12",
        "published",
    )


def test_update_label_gives_an_updated_date() -> None:
    html = _page(
        "<h1>Budget talks end without agreement</h1><p>Aktualisiert am 5. Mai 2019</p>"
        f"<p>Veröffentlicht am 3. Mai 2019</p>{LEAD}"
    )
    assert [(d.iso, d.kind) for d in _dates(html)] == [("2019-05-05", "updated"), ("2019-05-03", "published")]


@pytest.mark.parametrize(
    "label",
    [
        "Editiert am 7. Mai 2019, 19:08 Uhr",
        "Bearbeitet am 07.05.2019",
        "Edited May 7, 2019",
        "Last edited on 7 May 2019",
    ],
)
def test_edit_label_gives_an_updated_date(label: str) -> None:
    # a <time> whose label was unknown fell back to its datetime and counted as the publication day
    shown = f'<time datetime="2019-05-07T19:08:22+02:00">{label}</time>'
    html = _page(
        f"<h1>Budget talks end without agreement</h1><p>Veröffentlicht am 3. Mai 2019</p>{shown}{LEAD}"
    )
    assert [(d.iso, d.kind) for d in _dates(html)] == [("2019-05-03", "published"), ("2019-05-07", "updated")]
    tree = parse_html(html).tree
    fields, _ = extract_metadata(tree, html=html)
    assert fields["published"].value == "2019-05-03"
    assert fields["updated"].value == "2019-05-07"


@pytest.mark.parametrize(
    ("lead", "iso"),
    [
        ("Karlsruhe, (12.11.2021). Traditionell gedenken die Gemeinden ihrer Verstorbenen.", "2021-11-12"),
        ("WASHINGTON, May 3, 2019 /PRNewswire/ -- The company announced a merger today.", "2019-05-03"),
        ("BERLIN, 3. Mai 2019 – Der Verband stellt seinen Jahresbericht vor.", "2019-05-03"),
        ("3 May 2019: The council met again to discuss the budget.", "2019-05-03"),
    ],
)
def test_press_dateline_opens_the_first_paragraph(lead: str, iso: str) -> None:
    html = _page(f"<h1>Budget talks end without agreement</h1><h2>A subtitle here</h2><p>{lead}</p>{LEAD}")
    found = _dates(html)
    assert [(d.iso, d.kind) for d in found] == [(iso, "published")]
    assert found[0].location.startswith("dateline")


@pytest.mark.parametrize(
    "lead",
    [
        "Im Bundesgesetzblatt vom 17. August 2021 (Teil I) wurde das Gesetz verkündet.",
        "The law passed on May 3, 2019, after a long debate in the chamber.",
        "In a speech given by the mayor of the city on 3 May 2019 - a Friday - she said so.",
    ],
)
def test_a_date_inside_a_sentence_is_not_a_dateline(lead: str) -> None:
    assert _dates(_page(f"<h1>Budget talks end without agreement</h1><p>{lead}</p>{LEAD}")) == []


def test_dates_far_from_the_heading_or_in_comments_and_asides_are_not_read() -> None:
    far = _page(f"<h1>Budget talks end without agreement</h1>{LEAD}<p>18.10.2021</p>")
    assert _dates(far) == []
    comments = '<div class="comments"><p>Anna</p><p>12.12.2022</p></div>'
    assert _dates(_page(f"<h1>Budget talks end without agreement</h1>{comments}{LEAD}")) == []
    aside = "<aside><ul><li>Older story</li><li>01.01.2020</li></ul></aside>"
    assert _dates(_page(f"<h1>Budget talks end without agreement</h1>{aside}{LEAD}")) == []
    script = '<script>var published = "2020-01-01";</script>'
    assert _dates(_page(f"<h1>Budget talks end without agreement</h1>{script}{LEAD}")) == []


def test_a_short_h1_is_a_logo_not_the_heading() -> None:
    html = _page(
        f"<h1>Budget talks end without agreement</h1><p>18.10.2021</p>{LEAD}", before="<h1>Site</h1>"
    )
    assert _first(html) == ("2021-10-18", "published")
    assert _dates(_page(f"<p>18.10.2021</p>{LEAD}", before="<h1>Site</h1>")) == []


def test_search_date() -> None:
    assert search_date("Karlsruhe, (12.11.2021). Text") == (12, 22, "2021-11-12")
    assert search_date("am 3. Mai 2019 in Bonn") == (3, 14, "2019-05-03")
    assert search_date("no date here, only 2019") is None
    assert search_date("31.02.2019 is no day; 2019-05-03 is") == (22, 32, "2019-05-03")


def test_heading_date_beats_htmldate_oldest_date_and_keeps_every_candidate() -> None:
    # htmldate (original_date=True) takes the oldest date on the page: here the law the notice cites
    article = (
        "<h1>New rules for tobacco tax announced</h1>"
        '<div class="docData"><span class="label">Datum:</span> <span class="value">18.10.2021</span></div>'
        "<p>Im Bundesgesetzblatt vom 17. August 2021 wurde das Gesetz verkündet. Es gilt ab 2022.</p>"
        f"{LEAD}<p>Bekanntmachung vom 17.08.2021</p>"
    )
    html = _page(article)
    fields, _ = extract_metadata(parse_html(html).tree, html=html)
    published = fields["published"]
    assert (published.value, published.method) == ("2021-10-18", "heading-date")
    assert published.location == "date line after the main heading"
    assert ("2021-08-17", "htmldate") in {(c.value, c.method) for c in published.candidates}


def test_shown_date_against_structured_date_warns() -> None:
    jsonld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2017-08-21"}</script>'
    )
    article = f"<h1>Seven jobs with a future</h1><p>03.04.2019</p>{LEAD}"
    html = f"<html><head>{jsonld}</head><body><article>{article}</article></body></html>"
    fields, warnings = extract_metadata(parse_html(html).tree, html=html)
    assert fields["published"].value == "2019-04-03"
    assert [w.code for w in warnings] == ["metadata_conflict"]
    assert "2017-08-21" in warnings[0].message and "2019-04-03" in warnings[0].message
    agreeing = html.replace("2017-08-21", "2019-04-03T09:00:00+02:00")
    assert extract_metadata(parse_html(agreeing).tree, html=agreeing)[1] == ()


def test_utc_timestamp_one_day_off_the_shown_date_is_no_conflict() -> None:
    jsonld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "STAMP"}</script>'
    article = f"<h1>Seven jobs with a future</h1><p>03.04.2019</p>{LEAD}"
    page = f"<html><head>{jsonld}</head><body><article>{article}</article></body></html>"

    def warnings(stamp: str) -> list[str]:
        html = page.replace("STAMP", stamp)
        return [w.code for w in extract_metadata(parse_html(html).tree, html=html)[1]]

    assert warnings("2019-04-04T01:30:00Z") == []  # late evening on the 3rd, local time
    assert warnings("2019-04-02T23:30:00+00:00") == []
    assert warnings("2019-04-05T01:30:00Z") == ["metadata_conflict"]  # two days off: a real disagreement
    assert warnings("2019-04-04T01:30:00-05:00") == ["metadata_conflict"]  # a local time says another day
    html = page.replace("STAMP", "2019-04-04T01:30:00Z")
    published = extract_metadata(parse_html(html).tree, html=html)[0]["published"]
    assert any(c.location.endswith("(UTC time)") for c in published.candidates)


def test_stand_label_gives_the_date_shown_under_the_heading() -> None:
    # German news pages print "Stand: <date>" as the article's only date; a meta tag holds a later edit
    article = "<h1>Budget talks end without agreement</h1><p><span>Stand: 28.04.2020 18:00 Uhr</span></p>"
    html = f'<html><head><meta name="date" content="2020-04-29T11:52:23"></head><body>{article}{LEAD}</body></html>'
    assert _first(html) == ("2020-04-28", "published")
    fields, _ = extract_metadata(parse_html(html).tree, html=html)
    assert (fields["published"].value, fields["published"].method) == ("2020-04-28", "heading-date")


def test_microdata_headline_stands_in_for_a_missing_h1() -> None:
    article = (
        '<div itemscope itemtype="https://schema.org/Article"><h3 itemprop="headline">Walking the dog in'
        ' winter</h3><p><time itemprop="datePublished" datetime="2022-01-27"> 27.01.2022 </time></p>'
        f"{LEAD}</div>"
    )
    assert _first(_page(article, before="<h2>Latest news</h2>")) == ("2022-01-27", "published")
    # a page with a real <h1> keeps reading beside it
    with_h1 = _page(f"<h1>Budget talks end without agreement</h1><p>18.10.2021</p>{article}")
    assert _first(with_h1) == ("2021-10-18", "published")


def test_slashed_date_is_read_only_when_one_reading_fits() -> None:
    heading = "<h1>Budget talks end without agreement</h1>"
    # both readings are days: the structured UTC timestamp, a day later, decides for day-first
    jsonld = (
        '<script type="application/ld+json">{"@type": "NewsArticle",'
        ' "datePublished": "Wed, 04 May 2022 02:41:00 GMT"}</script>'
    )
    html = f"<html><head>{jsonld}</head><body>{heading}<span>3/5/2022 22:41</span>{LEAD}</body></html>"
    fields, _ = extract_metadata(parse_html(html).tree, html=html)
    assert (fields["published"].value, fields["published"].method) == ("2022-05-03", "heading-date")
    # nothing to decide by: left unread; one reading alone a calendar day: read
    assert _dates(_page(f"{heading}<span>3/5/2022 22:41</span>{LEAD}")) == []
    assert _first(_page(f"{heading}<span>5/13/2022</span>{LEAD}")) == ("2022-05-13", "published")
    assert _first(_page(f"{heading}<p>Posted on 13/5/2022 10:00 AM</p>{LEAD}")) == ("2022-05-13", "published")
    # a slashed date inside a sentence is not a date line
    assert _dates(_page(f"{heading}<p>The vote of 13/5/2022 was postponed.</p>{LEAD}")) == []


MASTHEAD = '<header class="site-header"><span class="today">Wednesday, December 2, 2026</span></header>'
TOPBAR = '<div class="top-bar"><span>Wednesday, December 2, 2026</span></div>'


@pytest.mark.parametrize("site_header", [MASTHEAD, TOPBAR])
def test_the_site_headers_date_of_today_is_not_the_articles(site_header: str) -> None:
    html = _page(f"<h1>Council approves the new budget</h1>{LEAD}", before=site_header)
    assert _first(html) is None
    tree = parse_html(html).tree
    assert tree is not None
    fields, warnings = extract_metadata(tree, html=html)
    assert fields["published"].value is None  # htmldate reads the masthead too: its guess is refused
    assert [w.code for w in warnings] == ["site_header_date"]
    assert "2026-12-02" in warnings[0].message


def test_the_articles_own_header_keeps_its_date_line() -> None:
    article = f"<header><p>March 3, 2021</p><h1>Council approves the new budget</h1></header>{LEAD}"
    html = _page(article, before=MASTHEAD)
    assert _first(html) == ("2021-03-03", "published")
    tree = parse_html(html).tree
    assert tree is not None
    fields, _ = extract_metadata(tree, html=html)
    assert fields["published"].value == "2021-03-03"
