"""Text captures: date lines in the forms pages print them (hand-written inputs)."""

from __future__ import annotations

import pytest

from audit.extract.text.article import clean_text_capture
from audit.extract.text.date_lines import (
    label_after_date,
    leading_date,
    opening_date,
    parse_date_line,
    split_byline_date,
    split_meta_line,
)

BODY = "\n\n".join(
    [
        "The council approved the new budget on Tuesday after a long debate about school funding, "
        "road repairs and the cost of running the city's three public libraries over the next year.",
        "Officials said the plan would raise spending on schools by four percent while keeping "
        "property taxes flat, a promise the mayor made during last year's election campaign.",
    ]
)
LONG_BODY = "\n\n".join(
    [
        BODY,
        "Opposition members argued that the library cuts went too far and asked for a review of "
        "the opening hours before the end of the spring, which the council agreed to consider.",
        "The mayor said the review would begin next month and that residents could send comments "
        "by post or in person at any of the three libraries until the end of the consultation.",
        "Several residents who spoke at the meeting welcomed the extra money for schools but said "
        "that the roads in the northern districts had been neglected for far too many years.",
        "The finance committee will publish a detailed breakdown of the spending plan next week, "
        "and the council expects to vote on the final figures at its first meeting in the summer.",
    ]
)


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Publié le 02/11/2022 à 15h57", "2022-11-02"),  # a French prefix: day first
        ("Publicado el 03/05/2021 a las 22h03", "2021-05-03"),
        ("Posted 03/05/2021", None),  # an English prefix says nothing about the order
        ("3/5/2022", None),
        ("06/06/2021", "2021-06-06"),  # both readings give the same day
        ("01.21.2020 07:00 AM", "2020-01-21"),  # dotted, month first: 21 cannot be a month
        ("17.03.24", "2024-03-17"),  # dotted, two-digit year
        ("1.2.24", None),  # too short to tell from a version number
        ("10.12.13.4", None),
        ("/ 16.11.2018, 03:00 Uhr", "2018-11-16"),
        ("Published March 9, 2023 5:30AM (EST)", "2023-03-09"),
        ("Freitag, 5. März 2021Freitag, 5. März 2021", "2021-03-05"),  # printed twice, glued
        ("am Sonntag, 11.12.2022 - 05:00 (1 Kommentar)", "2022-12-11"),
        ("March 3, 2020 · 7 comments", "2020-03-03"),
        ("Published: 7:49, 2 Nov 2023", "2023-11-02"),  # the time before the date
        ("10:30 3 March 2020", None),
    ],
)
def test_date_line_forms(line: str, iso: str | None) -> None:
    parsed = parse_date_line(line)
    assert (parsed.iso if parsed else None) == iso


@pytest.mark.parametrize(
    ("line", "names", "iso"),
    [
        ("21.01.2022 Pressemitteilung", (), "2022-01-21"),  # a label after the date: no author
        ("19.10.2019 11:36 examplechannel", (), "2019-10-19"),
        ("07.11.2023 Riverside, Northtown", (), "2023-11-07"),
        ("23.06.2016 um 16:14 Uhr - Anna Roth - 12 Ergänzungen", ("Anna Roth",), "2016-06-23"),
        ("Anna Roth | 06.11.23", ("Anna Roth",), "2023-11-06"),
    ],
)
def test_meta_lines_with_a_label_or_a_counter(line: str, names: tuple[str, ...], iso: str) -> None:
    found = split_meta_line(line)
    assert found is not None and found[1] is not None
    assert (found[0].names, found[1].iso) == (names, iso)


@pytest.mark.parametrize(
    "line",
    [
        "03.05.2022 The council met on Tuesday to discuss the budget",  # a sentence, not a label
        "03.05.2022 Updated",
    ],
)
def test_not_a_label_after_a_date(line: str) -> None:
    found = split_meta_line(line)
    assert found is None or found[0].names == ()
    assert found is None or not label_after_date(line)


def test_byline_with_vom_before_the_date() -> None:
    found = split_byline_date("Von Anna Roth Vom 3. Februar 2022")
    assert found is not None
    assert found[0].names == ("Anna Roth",) and found[1].iso == "2022-02-03"


def test_name_above_a_slashed_date_line_is_the_byline() -> None:
    raw = f"Home\n\nNews\n\nCouncil Approves New Budget\n\nAnna Roth\n\n/ 16.11.2018, 03:00 Uhr\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == "Council Approves New Budget"
    assert article.fields["authors"].value == ["Anna Roth"]
    assert article.fields["published"].value == "2018-11-16"
    assert article.text == BODY


@pytest.mark.parametrize("date_line", ["3 March 2020 by", "03.03.2020 10:15 von"])
def test_name_under_a_date_line_ending_with_by_is_the_byline(date_line: str) -> None:
    raw = f"Home\n\nCouncil Approves New Budget\n\n{date_line}\n\nAnna Roth\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == ["Anna Roth"]
    assert article.fields["published"].value == "2020-03-03"
    assert article.text == BODY


def test_a_name_under_a_plain_date_line_is_the_byline() -> None:
    raw = f"Home\n\nCouncil Approves New Budget\n\n3 March 2020\n\nAnna Roth\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == ["Anna Roth"]
    raw = f"Home\n\nCouncil Approves New Budget\n\n3 March 2020\n\nMiddle East\n\n{BODY}"  # a section
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == []
    raw = (
        f"Council Approves New Budget\n\n3 March 2020 · by Anna Roth\n\nJane Doe\n\n{BODY}"  # a photo credit
    )
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == ["Anna Roth"]


def test_a_byline_stated_anywhere_when_the_header_has_none() -> None:
    raw = f"Home\n\nCouncil Approves New Budget\n\n{LONG_BODY}\n\nText: Anna Roth\n\nContact us"
    (article,) = clean_text_capture(raw)
    authors = article.fields["authors"]
    assert (authors.value, authors.method) == (["Anna Roth"], "text:stated-byline")
    raw = f"Council Approves New Budget\n\n{LONG_BODY}\n\nPosted by Anna Roth\n\nPosted by Ben Ochs"
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == []  # two people: a comment thread


def test_date_stated_below_the_text_when_the_header_has_none() -> None:
    raw = f"Home\n\nCouncil Approves New Budget\n\n{LONG_BODY}\n\nDatum: 18.10.2021\n\nContact us"
    (article,) = clean_text_capture(raw)
    assert article.fields["published"].value == "2021-10-18"
    assert article.fields["published"].method == "text:stated-date"
    assert "18.10.2021" not in article.text


@pytest.mark.parametrize(
    "tail",
    [
        "Posted on 3 March 2020\n\nOther Story\n\nPosted on 9 April 2020",  # teasers: dates disagree
        "On 3 March 2020",  # "on" opens sentences too
        "Updated 3 March 2020",  # an update, not the publication
    ],
)
def test_stated_dates_that_are_not_the_publication_date(tail: str) -> None:
    raw = f"Home\n\nCouncil Approves New Budget\n\n{LONG_BODY}\n\n{tail}"
    (article,) = clean_text_capture(raw)
    assert article.fields["published"].value is None


@pytest.mark.parametrize(
    ("paragraph", "iso"),
    [
        ("Riverside, (12.11.2021). The council approved the new budget on Tuesday.", "2021-11-12"),
        ("Press release of 25 January 2022 | Riverside – The council approved the budget.", "2022-01-25"),
        ("4 July 2019 – The council approved the new budget on Tuesday.", "2019-07-04"),
        ("On 4 July 2019 the council approved the new budget.", None),  # a sentence's date
        ("In a speech on 4 July 2019: the mayor thanked the council.", None),
    ],
)
def test_a_paragraph_opening_with_a_dateline(paragraph: str, iso: str | None) -> None:
    assert leading_date(paragraph) == iso


def test_the_first_paragraphs_dateline_dates_the_article() -> None:
    lead = "Riverside, (12.11.2021). " + BODY
    (article,) = clean_text_capture(f"Home\n\nCouncil Approves New Budget\n\n{lead}")
    assert article.fields["published"].value == "2021-11-12"
    assert article.fields["published"].method == "text:lead-date"
    assert article.text.startswith("Riverside, (12.11.2021).")


@pytest.mark.parametrize(
    "line", ["Veröffentlicht am Juli 9, 2016 von riverblog", "Posted March 3, 2020 by river_news"]
)
def test_a_date_by_a_user_account_gives_the_date_and_no_author(line: str) -> None:
    found = split_meta_line(line)
    assert found is not None and found[0].names == () and found[1] is not None


def test_a_date_by_a_lower_case_phrase_is_not_an_account() -> None:
    assert split_meta_line("March 3, 2020 by the council") is None


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("21.01.2022 11:46 von", "2022-01-21"),  # the byline goes on on the next line
        ("miércoles, 4 de mayo de 2022 07:59 hs", "2022-05-04"),
        ("3 March 2020 10:00 CET", "2020-03-03"),
        ("3 March 2020 10:00 gallery", None),  # a word after the time is no time zone
        ("3 March 2020 10:00 Gallery", None),
    ],
)
def test_a_time_zone_is_written_in_capitals(line: str, iso: str | None) -> None:
    found = parse_date_line(line)
    assert (found.iso if found else None) == iso


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("5. November 2021 admin News 0", "2021-11-05"),
        ("08.11.2021 | Online meeting on the budget", "2021-11-08"),
        ("Mon., March 23, 2020timer5 min. read", "2020-03-23"),
        ("Updated April 22, 2020 at 7:07 am", None),  # an update
        ("The council met on 3 May 2020", None),  # a sentence's date
    ],
)
def test_a_short_line_opening_with_a_date(line: str, iso: str | None) -> None:
    assert opening_date(line) == iso


def test_the_first_of_several_dates_right_below_the_headline_is_evidence() -> None:
    raw = (
        f"Council Approves New Budget\n\nApril 19, 2019 at 5:52 pm Updated April 22, 2019\n\n{LONG_BODY}\n\n"
        "Older post\n\nMarch 2, 2019\n\nMore from the council"
    )
    (article,) = clean_text_capture(raw)
    published = article.fields["published"]
    assert published.value is None  # evidence only
    assert [(c.value, c.method) for c in published.candidates] == [("2019-04-19", "text:first-date")]
