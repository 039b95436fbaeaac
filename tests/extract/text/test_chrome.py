"""A site's navigation and share bars recognised by their make-up (audit.extract.text.chrome)."""

from __future__ import annotations

from audit.extract.text.chrome import chrome_reason, is_menu_line, is_share_line


def test_a_navigation_bar_set_apart_by_wide_gaps_is_a_menu() -> None:
    assert is_menu_line("News  Politics  Business  Sports  Opinion  Subscribe")
    assert is_menu_line("Start\tTopics\tAbout us")
    assert not is_menu_line("Council approves  the budget")  # two items only
    assert not is_menu_line("The council met on Tuesday.  It approved the budget.  Then it adjourned.")


def test_a_line_made_only_of_navigation_words_is_a_menu() -> None:
    assert is_menu_line("Home News Sport Weather Contact")
    assert is_menu_line("Politik Wirtschaft Kultur")
    assert not is_menu_line("Sport News")  # two words: a section label, left to the header
    assert not is_menu_line("Business leaders warn about energy prices")


def test_a_share_bar_is_widget_words_and_the_small_words_between() -> None:
    assert is_share_line("Share on Facebook  Share on X  Email this story")
    assert is_share_line("Teilen  Twittern  Pinnen")
    assert is_share_line("XING")
    assert is_share_line("Send by email")
    assert not is_share_line("Share prices fell on Monday")
    assert not is_share_line("Jan Link")  # a surname that is also a button word
    assert not is_share_line("Share this story.")  # a sentence


def test_chrome_reason_uses_the_lexicon_first() -> None:
    assert chrome_reason("Back to top") == "widget"
    assert chrome_reason("Share on Facebook  Share on X  Email this story") == "share"
    assert chrome_reason("Home  World  Economy  Culture") == "menu"
    assert chrome_reason("Regional water board raises tariffs") is None
