"""What the story test reads of a text: content words, numbers that can name an event, and name phrases."""

from __future__ import annotations

from audit.corpus.stories.text import capitalises_nouns, name_keys, regex_names, terms


def test_names_are_capitalised_runs_that_do_not_merely_open_a_sentence() -> None:
    text = "Officials said Reza Gul fought back. Gul told Tolo News that the Taliban fled from the Bank of England."
    names = regex_names(text)
    assert {"Reza Gul", "Tolo News", "Taliban", "Bank of England"} <= set(names)
    assert "Officials" in names  # alone, a capitalised sentence opener is kept ...
    assert "Officials" not in regex_names(
        text, common=frozenset({"officials"})
    )  # ... unless written lower case
    assert "Gul" in names  # capitalised mid-sentence elsewhere in the text: a name even as an opener


def test_a_possessive_ends_a_name() -> None:
    assert regex_names("A deal between Trump's Putin envoy and Kyiv.") == ["Trump", "Putin", "Kyiv"]


def test_name_keys_are_the_phrase_and_its_words() -> None:
    assert name_keys(["Joan Rivers", "Bank of England"]) == [
        "n:joan rivers",
        "w:joan",
        "w:rivers",
        "n:bank england",
        "w:bank",
        "w:england",
    ]


def test_terms_keep_numbers_that_name_an_event_only() -> None:
    found = terms("In 2020 some 27 people saw 2,500 flights and a 50ft crab; Delta's storm.")
    assert "2500" in found and "50ft" in found and "delta" in found
    assert "2020" not in found and "27" not in found and "some" not in found


def test_german_like_text_is_told_from_english_and_portuguese() -> None:
    assert capitalises_nouns(
        "Die Regierung hat das Gesetz und die Verordnung nicht beschlossen, sie wird es auch."
    )
    assert not capitalises_nouns("O presidente do Senado, das medidas dos ministros das casas e das ruas.")
    assert not capitalises_nouns("The government has not passed the law and the decree.")
