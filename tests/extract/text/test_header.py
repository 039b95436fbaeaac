"""The header of a text capture: which line is the headline, and whose date it is (audit.extract.text.header)."""

from __future__ import annotations

from audit.extract.text.article import TextArticle, clean_text_capture
from audit.extract.text.date_lines import DateLine, parse_date_line, search_date
from audit.extract.text.furniture import furniture_reason, is_person_name
from audit.extract.text.header import byline_and_date, is_title_like_line

BODY = (
    "The council voted on Tuesday to close the old bridge for repairs after inspectors found cracks in two "
    "of its supports, and the works are expected to last until the end of the summer, officials said."
)
BODY2 = (
    "Drivers will be sent across the river by the northern ring road, which the city widened last year, and "
    "buses will run every ten minutes from the station to the market square while the bridge is shut."
)
TITLE = "City to close the old bridge for repairs"


def _article(*header: str) -> TextArticle:
    (article,) = clean_text_capture("\n\n".join([*header, BODY, BODY2]))
    return article


def test_a_teasers_header_above_the_headline_gives_neither_title_nor_date() -> None:
    article = _article(
        "Home",
        "News",
        "Sport",
        "Bus drivers vote to strike over pay deal",
        "2 March 2020",
        TITLE,
        "By Jane Doe",
        "5 March 2020",
    )
    assert article.fields["title"].value == TITLE
    published = article.fields["published"]
    assert published.value == "2020-03-05"
    assert {c.value for c in published.candidates} == {"2020-03-02", "2020-03-05"}  # kept as evidence
    assert "text:date-above-title" in {c.method for c in published.candidates}


def test_a_date_above_the_headline_counts_when_the_headline_has_none_below() -> None:
    headline = "Old bridge to shut for repairs"
    article = _article("Home", "News", "5 March 2020", "By Jane Doe", headline)
    assert article.fields["title"].value == headline
    assert article.fields["published"].value == "2020-03-05"
    article = _article("Home", "News", "5 March 2020", "By Jane Doe", TITLE)  # not taken for a role line
    assert article.fields["title"].value == TITLE


def test_the_headline_above_a_subtitle_not_the_subtitle() -> None:
    article = _article(
        "Home",
        "News",
        TITLE,
        "Works on the crossing will last all summer long",
        "By Jane Doe",
        "5 March 2020",
    )
    assert article.fields["title"].value == TITLE


def test_a_subtitle_under_a_section_label_with_bars_stays_the_title() -> None:
    article = _article("Riverside Gazette Local News | 2020", TITLE, "By Jane Doe", "5 March 2020")
    assert article.fields["title"].value == TITLE


def test_a_menu_gives_no_title() -> None:
    article = _article("Home", "News", "Sport", "Culture", "Contact")
    assert article.fields["title"].value is None


def test_the_line_nearest_the_body_without_a_date_block() -> None:
    article = _article("Home", "Welcome to the Riverside Gazette online", "Local news", TITLE)
    assert article.fields["title"].value == TITLE


def test_a_headline_printed_twice_in_the_header() -> None:
    article = _article(
        "Welcome to the Riverside Gazette online",
        "Home",
        TITLE,
        "Local news",
        TITLE,
        "Works on the crossing will last all summer long",
    )
    assert article.fields["title"].value == TITLE


def test_a_kicker_glued_to_the_headline_is_left_out() -> None:
    article = _article("Welcome to the Riverside Gazette online", "Home", TITLE, f"Transport {TITLE}")
    assert article.fields["title"].value == TITLE


def test_salutations_labels_attributions_and_dates_are_not_headlines() -> None:
    assert not is_title_like_line("Dear Sir or Madam,")
    assert not is_title_like_line("Search for:")
    assert not is_title_like_line("— Jane Doe (@janedoe) November 3, 2023")
    assert not is_title_like_line("07/05/2022 20H06 - UPDATED 07/05/2022 20H17")
    assert is_title_like_line(TITLE)
    article = _article("Letter to the council about the bridge", "Dear Sir or Madam,")
    assert article.fields["title"].value == "Letter to the council about the bridge"


def test_a_bare_name_above_the_date_is_a_byline_not_the_title() -> None:
    article = _article(TITLE, "Jane Doe", "5 March 2020")
    assert article.fields["title"].value == TITLE
    assert article.fields["authors"].value == ["Jane Doe"]
    article = _article("Home", "News", "Jane Doe", "5 March 2020")
    assert article.fields["title"].value is None
    article = _article("Home", TITLE, "Open Future", "Open Future", "5 March 2020")
    assert article.fields["title"].value == TITLE  # a label printed twice is no byline, no headline


def test_photo_credits_in_other_languages_are_captions() -> None:
    assert furniture_reason("Bild: Max Muster / pexels") == "caption"
    assert furniture_reason("Foto: dpa") == "caption"
    assert furniture_reason("A garda watches over the city (Image: @GardaTraffic)") == "caption"
    assert furniture_reason("Bildung: Schulen öffnen wieder") is None
    article = _article(TITLE, "Bild: Max Muster / pexels", "5 March 2020")
    assert article.fields["title"].value == TITLE


def test_date_lines_with_a_weekday_after_the_day_or_a_trailing_comma() -> None:
    assert parse_date_line("31 Donnerstag Okt 2019") == DateLine("2019-10-31", False, "")
    assert parse_date_line("12. Januar 2022,") == DateLine("2022-01-12", False, "")
    assert parse_date_line("31 Donnerstag") is None
    article = _article("Home", TITLE, "31 Donnerstag Okt 2019", "Posted by DT in Diary")
    assert article.fields["title"].value == TITLE
    assert article.fields["published"].value == "2019-10-31"


def test_a_short_headline_right_above_the_byline_after_a_menu() -> None:
    article = _article("Home", "Blog", "Contact", "← Older posts", "Was ist Innovation?", "By Jane Doe")
    assert article.fields["title"].value == "Was ist Innovation?"
    article = _article("Home", "Blog", "Local news", "By Jane Doe")
    assert article.fields["title"].value is None  # a two-word section label above the byline


def test_a_print_notice_with_the_pages_address_is_not_the_headline() -> None:
    article = _article(
        TITLE, "This article was printed from the address: www.example.org/news/bridge-101.html"
    )
    assert article.fields["title"].value == TITLE


def test_a_short_line_right_above_the_body_when_nothing_else_qualifies() -> None:
    article = _article("Home", "Recipes", "Contact", "Muffin Grundrezept")
    assert article.fields["title"].value == "Muffin Grundrezept"
    article = _article("Home", "Recipes", "Muffin Grundrezept", "Contact")
    assert article.fields["title"].value is None  # a menu's last item is one word


def test_a_labelled_date_line_is_never_the_title() -> None:
    raw = (
        "Updated March 3, 2020 by Editorial Staff\n\n"
        "The council approved the budget on Tuesday after a debate that lasted eleven hours, officials said.\n\n"
        "The vote was 7 to 4. The opposition said it would appeal the decision in court next month.\n"
    )
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value is None


def test_a_byline_date_by_a_site_account_gives_the_date_and_no_author() -> None:
    for line in ("Tuesday March 3, 2020 by admin", "March 3, 2020 by Staff", "By admin | March 3, 2020"):
        found = byline_and_date(line)
        assert found is not None, line
        assert found[0].names == () and found[1] is not None and found[1].iso == "2020-03-03"
    article = _article(TITLE, "Tuesday March 3, 2020 by admin")
    assert article.fields["published"].value == "2020-03-03"
    assert article.fields["authors"].value == []
    article = _article(TITLE, "Tuesday March 3, 2020 by Amy Motroni")  # a person stays the author
    assert article.fields["authors"].value == ["Amy Motroni"]
    assert byline_and_date("March 3, 2020 by the way") is None  # no account name, no person


def test_a_found_dates_span_covers_the_date_only() -> None:
    line = "April 19, 2019 · Mac · 7 comments"
    start, end, iso = search_date(line) or (0, 0, "")
    assert (line[start:end], iso) == ("April 19, 2019", "2019-04-19")
    start, end, _ = search_date("Posted on 3 March 2020, 10:30 / Updated later") or (0, 0, "")
    assert (start, end) == (10, 22)
    assert search_date(line, with_tail=True) == (0, len(line), "2019-04-19")  # the whole statement


STANDFIRST = "Drivers face months of detours, but the works should make the crossing safe for decades to come"


def test_the_headline_above_a_standfirst_without_a_date_block() -> None:
    article = _article("Home", "News", TITLE, STANDFIRST)
    assert article.fields["title"].value == TITLE


def test_a_long_line_under_a_short_line_stays_the_title() -> None:
    article = _article("Home", "Follow us on Google", STANDFIRST)  # four words: a widget, no headline
    assert article.fields["title"].value == STANDFIRST


def test_a_headline_in_capitals_is_not_a_standfirst() -> None:
    shouted = "COUNCIL TO CLOSE THE OLD BRIDGE FOR REPAIRS AFTER INSPECTORS FIND CRACKS IN TWO SUPPORTS"
    article = _article("Home", "Local news from the riverside", shouted)
    assert article.fields["title"].value == shouted


def test_share_widget_buttons_are_no_person_name() -> None:
    assert not is_person_name("Save Pin FB")
    assert not is_person_name("Teilen Twittern Email")
    assert is_person_name("Jan Link")  # one button word is a surname too
    assert is_person_name("Jane Doe")


def test_a_byline_glued_to_its_date_keeps_the_whole_name_and_refuses_institutions() -> None:
    both = byline_and_date("By Jane Rawlinson•15 January 2020")
    assert both is not None and both[0].names == ("Jane Rawlinson",)  # not "Jane Rawlins" ("on" of a date)
    assert both[1] is not None and both[1].iso == "2020-01-15"
    assert not is_person_name("Wikimedia Foundation")
    assert is_person_name("Jane Rawlinson")


def test_an_institution_s_byline_gives_its_date_and_a_person_s_still_wins() -> None:
    desk = byline_and_date("By Wikimedia Foundation•15 January 2020")
    assert desk is not None and desk[0].names == () and desk[1] is not None and desk[1].iso == "2020-01-15"
    person = byline_and_date("By Jane Roe on Thu, Nov 9, 2023 at 4:00 am")
    assert person is not None and person[0].names == ("Jane Roe",)
