"""Article boundaries from a capture's structure (audit.extract.text.split)."""

from __future__ import annotations

from audit.extract.text.article import clean_text_capture
from audit.extract.text.split import Line, is_sentence, split_articles

PARAGRAPH = (
    "The council voted on Tuesday to close the old bridge for repairs after inspectors found cracks in two "
    "of its supports, and the works are expected to last until the end of the summer, officials said."
)


def _lines(*texts: str) -> list[Line]:
    return [Line(number, text) for number, text in enumerate(texts, start=1)]


def test_a_sentence_is_a_short_paragraph_not_a_heading() -> None:
    assert is_sentence("The change starts next week.")
    assert is_sentence("“We will appeal,” she said.")
    assert not is_sentence("Bridge to close for repairs")
    assert not is_sentence("It rained.")  # too short to tell
    assert not is_sentence("Read the full story in our weekend edition…")


def test_a_digest_of_short_items_splits_into_its_items() -> None:
    raw = "\n\n".join(
        [
            "Ferry service resumes after storm",
            "By Anna Berg",
            "12 May 2021",
            "The ferry to the islands runs again from Monday.",
            "Tickets bought for cancelled crossings stay valid.",
            "Library extends its opening hours",
            "By Tom Reid",
            "13 May 2021",
            "The central library will open until nine on weekdays.",
        ]
    )
    articles = clean_text_capture(raw)
    assert [a.fields["authors"].value for a in articles] == [["Anna Berg"], ["Tom Reid"]]
    assert [a.fields["published"].value for a in articles] == ["2021-05-12", "2021-05-13"]
    assert articles[1].text == "The central library will open until nine on weekdays."


def test_one_short_paragraph_after_a_header_without_a_first_block_does_not_split() -> None:
    lines = _lines(
        "Home", "The ferry runs again from Monday.", "Library extends its hours", "By Tom Reid", "13 May 2021"
    )
    assert len(split_articles(lines)) == 1  # the first part opened with no header block


def test_a_header_printed_twice_does_not_split_the_article() -> None:
    lines = _lines(
        "Voters approve pension increase for retired teachers",
        "By Cora Neas",
        "Posted: Nov 8, 2023",
        PARAGRAPH,
        PARAGRAPH,
        "State Capitol",
        "By Cora Neas",
        "Posted: Nov 8, 2023",
        PARAGRAPH,
    )
    assert len(split_articles(lines)) == 1
