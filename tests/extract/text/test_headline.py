"""The headline among the lines before the body, and the runners-up kept as evidence (audit.extract.text.headline)."""

from __future__ import annotations

from audit.extract.text.article import clean_text_capture
from audit.extract.text.headline import Hints, choose_headline, title_line
from audit.extract.text.split import Line

BODY = (
    "The council voted on Tuesday to close the old bridge for repairs after inspectors found cracks in two "
    "of its supports, and the works are expected to last until the end of the summer, officials said.\n\n"
    "Drivers will be sent across the river by the northern ring road, which the city widened last year, and "
    "buses will run every ten minutes from the station to the market square while the bridge is shut."
)
TITLE = "City to close the old bridge for repairs"


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_a_navigation_bar_above_the_headline_is_not_the_title() -> None:
    raw = "\n\n".join(["News  Politics  Business  Sports  Opinion  Subscribe", TITLE, "By Jane Doe", BODY])
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == TITLE
    assert ("News  Politics  Business  Sports  Opinion  Subscribe", "menu") in article.removed


def test_the_headline_above_its_byline_wins_over_a_caption_nearer_the_body() -> None:
    raw = "\n\n".join(
        [TITLE, "By Jane Doe", "3 March 2020", "Watch: the bridge seen from the river bank", BODY]
    )
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == TITLE


def test_the_runners_up_are_kept_as_evidence_without_a_warning() -> None:
    raw = "\n\n".join(["Riverside Gazette local edition", "Weekend weather brings early frost", TITLE, BODY])
    (article,) = clean_text_capture(raw)
    title = article.fields["title"]
    assert title.value == TITLE
    runners_up = {c.value for c in title.candidates if c.method == "text:headline-candidate"}
    assert "Weekend weather brings early frost" in runners_up
    assert "title_variants" not in {w.code for w in article.warnings}


def test_the_pages_title_line_and_its_url_name_the_headline() -> None:
    lines = _lines(
        "Bridge closure | Riverside Gazette", "Latest news from the river towns", "Bridge closure", "x"
    )
    reasons: list[str | None] = [None, None, None, None]
    assert title_line(lines) == "Bridge closure"
    plain = choose_headline(lines, reasons, 1, 3)
    assert plain.index == 1  # four words above two
    hinted = choose_headline(lines, reasons, 1, 3, Hints(title_line="Bridge closure"))
    assert hinted.index == 2
    by_url = choose_headline(
        lines, reasons, 1, 3, Hints(url="https://example.org/news/2020/bridge-closure.html")
    )
    assert by_url.index == 2
    assert {index for index, _ in by_url.candidates} == {1, 2}


def test_the_url_given_to_the_cleaner_chooses_between_two_headlines() -> None:
    other = "Weekend weather brings early frost to the valley"
    raw = "\n\n".join([TITLE, other, BODY])
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == other  # the line nearest the body
    (article,) = clean_text_capture(
        raw, url="https://example.org/2020/03/city-to-close-old-bridge-for-repairs/"
    )
    assert article.fields["title"].value == TITLE


def test_a_breadcrumb_naming_a_short_page_title() -> None:
    raw = "\n\n".join(["Home » Services » Tree surveys", "Tree surveys", "Introduction", BODY])
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == "Tree surveys"
