"""Text a page's script decodes from a ``data-obfuscated`` attribute is read as shown, and a ``<time>`` whose
shown date is days away from its ``datetime`` attribute stands for the shown date."""

from __future__ import annotations

import base64

import lxml.html
import pytest

from audit.extract.html.article import extract_html
from audit.extract.html.dom import parse_html
from audit.extract.html.metadata.fields import extract_metadata
from audit.extract.html.metadata.heading_dates import heading_dates, time_element_day
from audit.extract.html.reveal import MAX_REVEALED, decode_obfuscated

LEAD = "<p>" + "The harbour board met again to discuss the repairs of the old pier. " * 6 + "</p>"


def _b64(text: str, encoding: str = "utf-8") -> str:
    return base64.b64encode(text.encode(encoding)).decode("ascii")


def _page(byline: str) -> str:
    return (
        "<html><head><title>Pier repairs</title></head><body><article>"
        f"<h1>The old pier will be repaired next spring</h1><div class='meta'>{byline}</div>{LEAD}"
        "</article></body></html>"
    )


def test_decode_obfuscated_accepts_short_printable_text_only() -> None:
    assert decode_obfuscated(_b64("12. März 2021, 10:00 Uhr")) == "12. März 2021, 10:00 Uhr"
    # a single-byte Western encoding with a no-break space (not UTF-8): read as cp1252, space collapsed
    assert decode_obfuscated(_b64("DIE WOCHE Nr.\xa010/2021", "cp1252")) == "DIE WOCHE Nr. 10/2021"
    assert decode_obfuscated("not base64 at all!") is None
    assert decode_obfuscated("") is None
    assert decode_obfuscated(base64.b64encode(bytes(range(32))).decode()) is None  # control bytes
    assert decode_obfuscated(_b64("-- // --")) is None  # no letter or digit
    assert decode_obfuscated(_b64("word " * (MAX_REVEALED // 5 + 1))) is None  # too long


def test_an_obfuscated_element_shows_its_decoded_text() -> None:
    html = (
        f"<html><body><span id='a' data-obfuscated='{_b64('Shown one')}'> </span>"
        f"<span id='b' data-obfuscated='{_b64('Shown two')}'>placeholder</span>"
        f"<span id='c' data-obfuscated='{_b64('Not shown')}'><b>kept</b></span>"
        "<span id='d' data-obfuscated='%%%'>left alone</span></body></html>"
    )
    parsed = parse_html(html)
    assert parsed.tree is not None and parsed.revealed == 2
    texts = {str(e.get("id")): e.text_content() for e in parsed.tree.iter("span")}
    assert texts == {"a": "Shown one", "b": "Shown two", "c": "kept", "d": "left alone"}


def test_the_decoded_date_under_the_heading_is_the_publication_date() -> None:
    # the placeholder repeats the datetime attribute (the last edit); readers see the decoded date, and
    # the print-issue line (its own, later date) does not beat it
    shown = _b64("9. März 2021, 10:00 Uhr")
    issue = _b64("DIE WOCHE Nr.\xa010/2021, 11. März 2021", "cp1252")
    byline = (
        f'<time datetime="2021-03-14T18:30:00+01:00" class="date" data-obfuscated="{shown}">'
        "14. März 2021, 18:30 Uhr</time>"
        f'<span class="source" data-obfuscated="{issue}">DIE WOCHE Nr. 10/2021</span>'
    )
    tree = parse_html(_page(byline)).tree
    assert tree is not None
    assert [d.iso for d in heading_dates(tree)] == ["2021-03-09"]
    fields, _ = extract_metadata(tree)
    assert fields["published"].value == "2021-03-09"


def test_a_print_issue_line_alone_is_no_publication_date() -> None:
    issue = _b64("DIE WOCHE Nr. 10/2021, 11. März 2021")
    tree = parse_html(_page(f'<span class="source" data-obfuscated="{issue}"></span>')).tree
    assert tree is not None
    assert heading_dates(tree) == []


def test_decoded_text_reaches_the_main_text() -> None:
    hidden = "The repairs will cost the town about two million euros, the harbour board said on Monday."
    article = f"{LEAD}<p data-obfuscated='{_b64(hidden)}'></p>{LEAD}"
    html = f"<html><body><article><h1>The old pier will be repaired</h1>{article}</article></body></html>"
    assert "two million euros" in extract_html(html).text


@pytest.mark.parametrize(
    ("shown", "expected"),
    [
        ("9 March 2021", "2021-03-09"),  # days away from the attribute: the shown date
        ("13 March 2021", "2021-03-14T00:30:00+01:00"),  # a day apart (a time zone): the attribute
        ("14 March 2021", "2021-03-14T00:30:00+01:00"),
        ("yesterday", "2021-03-14T00:30:00+01:00"),  # no date shown
    ],
)
def test_time_element_day(shown: str, expected: str) -> None:
    time = lxml.html.fragment_fromstring(f'<time datetime="2021-03-14T00:30:00+01:00">{shown}</time>')
    assert time_element_day(time) == expected


def test_a_marked_time_element_far_from_its_attribute_gives_the_shown_date() -> None:
    html = (
        "<html><body><div class='teaser'><time class='published' datetime='2021-03-14T10:00:00Z'>"
        "9 March 2021</time></div></body></html>"
    )
    tree = parse_html(html).tree
    assert tree is not None
    fields, _ = extract_metadata(tree)
    times = [c for c in fields["published"].candidates if c.method == "time-element"]
    assert [c.value for c in times] == ["2021-03-09"]
