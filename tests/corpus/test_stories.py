"""Same-story anchors: capitalised words that do not open a sentence, a quote or a line."""

from __future__ import annotations

from audit.corpus.stories import named_entities


def test_sentence_and_quote_openers_are_not_names() -> None:
    text = "The council of Millford met. Ascom said: \u201cNew jobs\u201d were promised by Ascom Holdings."
    assert named_entities(text) == frozenset({"Millford", "Ascom", "Holdings"})


def test_spaces_and_line_breaks_before_a_word_are_looked_past() -> None:
    assert named_entities("Talks ended.  \n\t Berlin agreed.") == frozenset()
    assert named_entities("talks with\n  Berlin ended") == frozenset({"Berlin"})


def test_a_long_text_is_read_in_one_pass() -> None:
    text = "Der Rat der Stadt Berlin tagte. " * 20000  # 640,000 characters, read in well under a second
    assert named_entities(text) == frozenset({"Rat", "Stadt", "Berlin"})
