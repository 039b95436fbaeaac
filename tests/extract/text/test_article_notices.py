"""Text captures: notices, related lists, body selection and author/date lines (hand-written inputs)."""

from __future__ import annotations

import pytest

from audit.extract.text.article import clean_text_capture
from audit.extract.text.date_lines import (
    is_unreadable_date_line,
    parse_date_line,
    split_byline_date,
    split_meta_line,
)
from audit.extract.text.furniture import furniture_reason, is_unnamed_byline, parse_byline

PARA = (
    "The council approved the new budget on Tuesday after a long debate about school funding, "
    "road repairs and the cost of running the city's three public libraries over the next year."
)
BODY = "\n\n".join(
    [
        PARA,
        "Officials said the plan would raise spending on schools by four percent while keeping "
        "property taxes flat, a promise the mayor made during last year's election campaign.",
        "Opposition members argued that the library cuts went too far and asked for a review of "
        "the opening hours before the end of the spring, which the council agreed to consider.",
    ]
)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("This website uses cookies to improve your experience. We'll assume you're ok with this.", "cookie"),
        ("Diese Website verwendet Cookies, um Ihnen den bestmöglichen Service zu bieten.", "cookie"),
        ("Ce site utilise des cookies pour améliorer votre expérience de navigation.", "cookie"),
        ("Get the day's top headlines delivered to your inbox every morning.", "newsletter"),
        ("Sign up for our daily email and never miss a story again.", "newsletter"),
        ("Inscrivez-vous à notre newsletter pour ne rien manquer.", "newsletter"),
        ("Save my name, email, and website in this browser for the next time I comment.", "comment_form"),
        (
            "Ihre E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind markiert.",
            "comment_form",
        ),
        ("This post may contain affiliate links. Please see my disclosure page.", "affiliate"),
        ("We may earn a commission when you buy through links on our site.", "affiliate"),
        ("Example Sports is a registered trademark of Example Broadcasting Inc.", "copyright"),
        ("Alle Rechte vorbehalten. Nachdruck nur mit Genehmigung.", "copyright"),
        ("Got a confidential news tip? We want to hear from you.", "tip_line"),
        ("Read more: Ministers agree on new fisheries deal", "related"),
        ("Lesen Sie auch: Der Hafen wird erweitert", "related"),
        ("Most read in world news", "related"),
        ("More Great Example Stories", "related"),
        ("Featured Video View all", "related"),
        ("View all (23)", "widget"),
        ("Accept all cookies", "widget"),
        ("Leave a Comment Cancel Reply", "widget"),
        ("Click here to subscribe to The Example Newsletter", "login"),
        ("Subscribe to Example Toys on YouTube for all of the latest videos", "login"),
        ("The storm closed the harbour on Monday.Credit: The Example Times", "caption"),
        ("The first global geologic map of Titan. (NASA/JPL-Caltech/ASU)", "caption"),
        ("Michael Conroy, AP", "caption"),
        ("A stock image of a woman holding an umbrella in the rain. Getty", "caption"),
        ("© John Brecher A nurse gives a flu shot at a community health center.", "copyright"),
        ("Anzeige", "ad"),
    ],
)
def test_notices_and_furniture_lines(line: str, reason: str) -> None:
    assert furniture_reason(line) == reason


@pytest.mark.parametrize(
    "line",
    [
        "The bakery sold more than 300 cookies on Sunday, and the owner said demand had doubled.",
        "Researchers asked whether his/her answers changed over time (and/or across groups).",
        "By Jane Doe | This post may contain affiliate links",  # opens as a byline: the header reads it
        "The newsletter was founded in 1998 by two teachers who wanted to share lesson plans.",
        "Readers wrote in about the story, which the paper corrected the next day.",
    ],
)
def test_article_sentences_are_not_notices(line: str) -> None:
    assert furniture_reason(line) is None


def test_notice_between_article_and_other_prose_ends_the_article() -> None:
    teasers = [
        "Harbour Reopens After the Storm",
        "Boats are back in the water after three days of gales",
        "Ferry Fares to Rise in Spring",
        "The ferry company said fares would rise by five percent in April this year.",
    ]
    notice = "Save my name, email, and website in this browser for the next time I comment."
    raw = f"Council Approves New Budget\n\nBy Jane Doe\n\n{BODY}\n\n" + "\n\n".join(teasers)
    (article,) = clean_text_capture(raw)
    assert article.text.endswith(teasers[-1])  # without the notice the teasers read as the article's end
    (article,) = clean_text_capture(raw.replace(teasers[0], f"{notice}\n\n{teasers[0]}"))
    assert article.text == BODY
    assert dict(article.removed)[teasers[-1]] == "boilerplate"


def test_a_notice_ends_a_related_list_before_the_next_header() -> None:
    raw = (
        "Trending\n\nZen 3\n\nBig Navi\n\n"
        "Example Site is supported by its audience. When you purchase through links on our site, "
        "we may earn an affiliate commission.\n\n"
        f"Where and How to Buy a New Graphics Card\n\nBy Michelle Roe 04 November 2020\n\n{BODY}"
    )
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == "Where and How to Buy a New Graphics Card"
    assert article.fields["authors"].value == ["Michelle Roe"]
    assert article.fields["published"].value == "2020-11-04"


def test_teaser_section_label_between_date_and_lead() -> None:
    raw = (
        f"Council Approves New Budget\n\nBy Jane Doe\n\n{BODY}\n\nEditors' Picks\n\n"
        "How a Network Is Building a Fake Empire on Social Media\n\n12 November 2019\n\nNews\n\n"
        "Hundreds of fake accounts and thousands of advertising violations only begin to tell the story "
        "of the network.\n\nDid the Mayor Divert Money From the Pension Fund?\n\n8 October 2019\n\n"
        "Fact Check\n\nA routine review of content labeled satire."
    )
    (article,) = clean_text_capture(raw)
    assert article.text == BODY


@pytest.mark.parametrize(
    ("line", "names", "iso"),
    [
        ("July 24, 2019 by Amy Motroni 5 Comments", ("Amy Motroni",), "2019-07-24"),
        ("8. Januar 2020 · by Aureliana · in Gefühle", ("Aureliana",), "2020-01-08"),
        ("01. Dez. 2022 | 14:08 Uhr | von Jona Göbel", ("Jona Göbel",), "2022-12-01"),
        ("Marie Merlet | lundi 9 décembre 2019 à 09h08", ("Marie Merlet",), "2019-12-09"),
        ("11.12.2019 - Amelie Loewen", ("Amelie Loewen",), "2019-12-11"),
        # a place or a person: "Name, date" is a dateline's shape, so its date and no author, unless a time of day
        # follows (a dateline carries none) and the name is a person's
        ("New York, November 3, 2020", (), "2020-11-03"),
        ("Christian Kahle, 03.11.2023 15:32 Uhr", ("Christian Kahle",), "2023-11-03"),
        ("Berlin, 03.11.2023 15:32 Uhr", (), "2023-11-03"),
        ("WASHINGTON, Nov. 3, 2020", (), "2020-11-03"),
        ("Ariel Melgar Cabrera 3/5/2022 22:41", ("Ariel Melgar Cabrera",), None),  # ambiguous day/month
        ("von Sonia Meyer Erstellt am 01.01.2023 um 08:35", ("Sonia Meyer",), "2023-01-01"),
    ],
)
def test_author_and_date_on_one_line(line: str, names: tuple[str, ...], iso: str | None) -> None:
    found = split_meta_line(line)
    assert found is not None
    assert found[0].names == names
    assert (found[1].iso if found[1] else None) == iso


@pytest.mark.parametrize(
    "line",
    [
        "El Deporte martes, 22 de diciembre de 2020",  # a section label
        "Aktuelles Experteninterviews 27.01.2022",
        "Publicado el 03/05/2022 a las 22h03",
        "Paddy · April 19, 2019 · Mac · 7 comments",  # one word and more beside the date
        "The report was published by Reuters on March 3, 2020, and then updated twice that week.",
    ],
)
def test_not_an_author_and_date_line(line: str) -> None:
    found = split_meta_line(line)
    assert (
        found is None or found[0].names == ()
    )  # at most a date beside a label ("Paddy · April 19, 2019 · …")


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("Climate Change · 8 May 2020", "2020-05-08"),
        ("Middle East | 3 March 2020", "2020-03-03"),
        ("Hong Kong | 3 March 2020", "2020-03-03"),
        ("Kyiv | 3 March 2020", "2020-03-03"),
        ("Latest Updates - 11.12.2019", "2019-12-11"),
        ("Foreign Affairs - March 3, 2020", "2020-03-03"),
        ("United States - 11.12.2019", "2019-12-11"),
    ],
)
def test_a_section_or_place_label_beside_a_date_gives_the_date_and_no_author(line: str, iso: str) -> None:
    found = split_meta_line(line)
    assert found is not None
    assert found[0].names == ()
    assert found[1] is not None and found[1].iso == iso


def test_a_section_label_run_on_after_the_name_is_not_part_of_it() -> None:
    found = split_meta_line("30. Oktober 2023 Carola Pönisch Kultur")
    assert found is not None
    assert found[0].names == ("Carola Pönisch",)
    assert found[1] is not None and found[1].iso == "2023-10-30"


def test_unreadable_date_line_marks_the_header_without_a_date() -> None:
    assert is_unreadable_date_line("Publicado el 03/05/2022 a las 22h03")
    assert is_unreadable_date_line("Actualizado el 08/05/2022 02:14 a.m.")
    assert not is_unreadable_date_line("3/5/2022 is when it happened")
    # (a Spanish or French prefix says the date is day-first: tests/test_text_capture_dates.py)
    raw = f"Menu\n\nCouncil Approves New Budget\n\nPosted on 03/05/2022 at 10:03\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == "Council Approves New Budget"
    assert article.fields["published"].value is None
    assert dict(article.removed)["Posted on 03/05/2022 at 10:03"] == "date"


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Von Anna Schmidt", ("Anna Schmidt",)),
        ("Autor: Gàbor Muniér, Datum: 03.03.2019", ("Gàbor Muniér",)),
        ("Text & Fotos: Ivan Valet", ("Ivan Valet",)),
        ("Eine Kolumne von Nils Picker", ("Nils Picker",)),
        ("Escrito por Carla Chávez", ("Carla Chávez",)),
        ("Auteur : Kossi Tiassa", ("Kossi Tiassa",)),
    ],
)
def test_bylines_in_other_languages(line: str, names: tuple[str, ...]) -> None:
    byline = parse_byline(line)
    assert byline is not None and byline.names == names
    assert parse_byline("Text size") is None  # "text" needs its colon


def test_byline_before_a_published_word_and_date() -> None:
    both = split_byline_date("von Diane Buck Veröffentlicht am 3. März 2020")
    assert both is not None and both[0].names == ("Diane Buck",) and both[1].iso == "2020-03-03"
    raw = f"Council Approves New Budget\n\n8. Januar 2020 · von Anna Roth · in Politik\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == ["Anna Roth"]
    assert article.fields["published"].value == "2020-01-08"
    assert article.text == BODY


def test_date_line_below_a_long_standfirst() -> None:
    standfirst = (
        "A mural painted on the wall of a foundation's building overnight has divided neighbours, some of "
        "whom call it vandalism while others say it is the best thing to happen to the street in years."
    )
    raw = f"Mural Divides the Neighbourhood\n\n{standfirst}\n\n01.11.2023, 07:00 Uhr\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["published"].value == "2023-11-01"
    assert dict(article.removed)["01.11.2023, 07:00 Uhr"] == "date"
    assert article.text == f"{standfirst}\n\n{BODY}"
    # a date further down the article is not its publication date: evidence only, with low confidence
    late = f"Mural Divides the Neighbourhood\n\n{standfirst}\n\n{BODY}\n\n{PARA}\n\n01.11.2023, 07:00 Uhr"
    (article,) = clean_text_capture(late)
    published = article.fields["published"]
    assert published.value is None
    assert [(c.value, c.method, c.confidence) for c in published.candidates] == [
        ("2023-11-01", "text:lone-date", "low")
    ]
    other = f"{late}\n\nOther Story\n\n02.11.2023, 08:00 Uhr"  # two days, both far below the headline
    (article,) = clean_text_capture(other)
    assert article.fields["published"].candidates == ()


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("2020年07月03日", "2020-07-03"),
        ("2020. 06. 04. 11:27", "2020-06-04"),
        ("12/30/2019 05:03 AM EST", "2019-12-30"),  # month first: 30 cannot be a month
        ("23/06/2020 16h45", "2020-06-23"),  # day first, French-style time
        ("3/5/2022", None),  # 3 May or 5 March: not read
        ("Среда, 2 декабря 2020, 16:34", "2020-12-02"),
        ("Dilluns, Març 23, 2020", "2020-03-23"),
        ("Datum: 18.10.2021", "2021-10-18"),
    ],
)
def test_more_date_line_forms(line: str, iso: str | None) -> None:
    parsed = parse_date_line(line)
    assert (parsed.iso if parsed else None) == iso


def test_changed_on_is_an_update() -> None:
    parsed = parse_date_line("Geändert am 3. März 2020")
    assert parsed is not None and parsed.updated


@pytest.mark.parametrize(
    "line",
    ["Editiert am 3. März 2020, 17:05 Uhr", "Bearbeitet am 03.03.2020", "Last edited on March 3, 2020"],
)
def test_edited_on_is_an_update(line: str) -> None:
    parsed = parse_date_line(line)
    assert parsed is not None and parsed.updated and parsed.iso == "2020-03-03"


def test_bio_under_its_name_line() -> None:
    bio = "Jane Doe is the Senior Editor of Example News. Since joining in 2014, she has covered city hall."
    raw = f"Council Approves New Budget\n\nBy Jane Doe\n\n{BODY}\n\nJane Doe\n\n{bio}"
    (article,) = clean_text_capture(raw)
    assert article.text == BODY
    assert dict(article.removed)[bio] == "bio"
    assert article.fields["author_bio"].value == bio


def test_byline_naming_a_desk_is_not_a_title_or_an_author() -> None:
    assert is_unnamed_byline("By JERUSALEM POST STAFF")
    assert not is_unnamed_byline("By Jane Doe")
    assert not is_unnamed_byline("By continuing to use this site you agree.")
    raw = f"Son of Former President Dies in Berlin\n\nBy JERUSALEM POST STAFF\n\nNOVEMBER 20, 2019 10:43\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == "Son of Former President Dies in Berlin"
    assert article.fields["authors"].value == []
    assert article.fields["published"].value == "2019-11-20"


def test_name_line_under_the_title_followed_by_a_date() -> None:
    raw = f"Menu\n\nCouncil Approves New Budget\n\nDominique Wehr\n\nam 4. Februar 2022 um 11:23\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["title"].value == "Council Approves New Budget"
    assert article.fields["authors"].value == ["Dominique Wehr"]
    assert article.fields["published"].value == "2022-02-04"
    # a section label printed twice, or a name line with no date after it, is no author
    twice = f"Council Approves New Budget\n\nOpen Future\n\nOpen Future\n\nJun 18th 2018\n\n{BODY}"
    assert clean_text_capture(twice)[0].fields["authors"].value == []
    undated = f"Council Approves New Budget\n\nCity Hall\n\n{BODY}"
    assert clean_text_capture(undated)[0].fields["authors"].value == []


def test_name_and_role_line() -> None:
    raw = f"Council Approves New Budget\n\nJane Doe | Reporter\n\n{BODY}"
    (article,) = clean_text_capture(raw)
    assert article.fields["authors"].value == ["Jane Doe"]
    assert article.fields["author_roles"].value == {"Jane Doe": "Reporter"}
