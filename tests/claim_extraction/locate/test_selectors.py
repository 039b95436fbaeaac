from __future__ import annotations

from audit.claim_extraction.locate.selectors import CONTEXT, CaptureLocator, make_selector, resolve
from audit.model import Span


def test_selector_finds_the_claim_in_the_capture() -> None:
    capture = "Menu\nLogin\n\nThe first claim is here. The same words.\nAnother line: The same words.\n"
    text = "The first claim is here. The same words.\n\nAnother line: The same words."
    span = Span(text.rindex("The same words."), len(text))
    locator = CaptureLocator(capture)
    selector, line = locator.select(text, span)
    assert selector.exact == "The same words."
    assert line == 5
    assert resolve(selector, capture) == capture.rindex("The same words.")
    assert len(selector.prefix) <= CONTEXT and len(selector.suffix) <= CONTEXT


def test_selector_falls_back_to_cleaned_text() -> None:
    text = "Alpha beta gamma. Delta epsilon."
    span = Span(18, len(text))
    selector, line = CaptureLocator("<p>Alpha</p>").select(text, span)
    assert line is None
    assert selector == make_selector(text, span)
    assert resolve(selector, text) == 18
