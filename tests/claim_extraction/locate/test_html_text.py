"""Claims found again in HTML captures: the text content, its map back to raw lines, and selectors on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import cli
from audit.claim_extraction.locate.html_text import HtmlTextMap, find_quote, find_start
from audit.claim_extraction.locate.selectors import CONTEXT, CaptureLocator, resolve
from audit.model import AuditResult, Span
from audit.pipeline.config import RunConfig
from audit.pipeline.run import run_audit


def _span(text: str, sentence: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(sentence, start + 1)
    return Span(start, start + len(sentence))


def _line_of(document: str, needle: str) -> int:
    return document[: document.index(needle)].count("\n") + 1


def test_text_content_drops_markup_scripts_and_decodes_references() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>A &amp; B</title>\n"
        "<style>p { color: red }</style><script>if (a < b) { x = '</p>'; }</script></head>\n"
        "<body><!-- a comment <p>hidden</p> --><p>Fish &amp; chips&#8217;   cost\n"
        "  &#x24;5.</p><noscript>Enable JavaScript</noscript><template><p>template</p></template>"
        '<p title="a > b">Next&nbsp;one</p><p>1 < 2</p></body></html>'
    )
    text = HtmlTextMap(page).text
    assert text == "A & B Fish & chips’ cost $5.Next\u00a0one1 < 2"


def test_raw_offsets_point_at_each_character_or_its_reference() -> None:
    page = "<p>Fish &amp; chips\n   <b>cost</b> &#8217;5&#8217;</p>\n<p>Line two</p>"
    mapped = HtmlTextMap(page)
    for offset, char in enumerate(mapped.text):
        raw = mapped.raw_offset(offset)
        if char == " ":
            assert page[raw] in " \n"
        else:
            assert page[raw] == char or page[raw] == "&", (offset, char, page[raw:])
    assert mapped.raw_offset(mapped.text.index("Line")) == page.index("Line")


def test_inline_tags_entities_and_line_breaks_inside_a_sentence() -> None:
    page = (
        "<html><body>\n<article>\n"
        "<p>The council <a href='/vote'>voted on\n"
        "Tuesday</a> to approve the <em>transit</em>\n"
        "   budget of $48&nbsp;million, the mayor&#8217;s office said.</p>\n"
        "</article>\n</body></html>\n"
    )
    cleaned = (
        "The council voted on Tuesday to approve the transit budget of $48 million, the mayor’s office said."
    )
    locator = CaptureLocator(page, "text/html")
    selector, line = locator.select(cleaned, Span(0, len(cleaned)))
    assert line == _line_of(page, "<p>The council")
    assert " ".join(selector.exact.split()) == cleaned  # the text content keeps the no-break space
    assert resolve(selector, locator.document) == locator.document.index("The council")


def test_a_script_with_the_same_words_is_not_the_claim() -> None:
    sentence = "Reports indicate that the office spent $3 million on consultants."
    page = (
        "<html><head>\n"
        f'<script>var teaser = "{sentence}";</script>\n'
        "</head><body>\n"
        "<p>Intro paragraph of the story.</p>\n"
        f"<p>{sentence}</p>\n"
        "</body></html>\n"
    )
    cleaned = f"Intro paragraph of the story.\n\n{sentence}"
    locator = CaptureLocator(page, "text/html")
    selector, line = locator.select(cleaned, _span(cleaned, sentence))
    assert line == 5
    assert selector.exact == sentence
    assert selector.prefix.endswith("Intro paragraph of the story. ")


def test_a_claim_that_occurs_twice_gets_the_context_of_its_own_occurrence() -> None:
    repeated = "Prices rose by 5 percent in March."
    page = (
        "<html><body>\n"
        f"<p>Bakers were worried. {repeated}</p>\n"
        "<p>The union met on Friday.</p>\n"
        f"<p>Shoppers noticed it too. {repeated}</p>\n"
        "</body></html>\n"
    )
    cleaned = (
        f"Bakers were worried. {repeated}\n\nThe union met on Friday.\n\nShoppers noticed it too. {repeated}"
    )
    locator = CaptureLocator(page, "text/html")
    selector, line = locator.select(cleaned, _span(cleaned, repeated, occurrence=1))
    assert line == 4
    assert selector.prefix.endswith("Shoppers noticed it too. ")
    document = locator.document
    assert resolve(selector, document) == document.rindex(repeated)
    # the first occurrence, asked for afresh, keeps its own context
    first, first_line = CaptureLocator(page, "text/html").select(cleaned, _span(cleaned, repeated))
    assert first_line == 2 and first.prefix.endswith("Bakers were worried. ")
    assert resolve(first, document) == document.index(repeated)
    assert len(selector.prefix) <= CONTEXT and len(selector.suffix) <= CONTEXT


def test_claims_are_found_in_order_even_when_contexts_tie() -> None:
    page = "<p>Same words here again.</p>\n<p>Same words here again.</p>\n"
    cleaned = "Same words here again.\n\nSame words here again."
    locator = CaptureLocator(page, "text/html")
    lines = [locator.select(cleaned, _span(cleaned, "Same words here again.", n))[1] for n in (0, 1)]
    assert lines == [1, 2]


def test_whitespace_is_matched_loosely_and_nothing_else() -> None:
    text = "One.Two words\u00a0here,\u200b and more."
    assert find_quote(text, "Two words here, and more.") == (4, len(text))
    assert find_quote(text, "Two words here; and more.") is None
    assert find_quote(text, "One. Two") == (0, 7)  # a paragraph break in the cleaned text, none in the page
    assert find_quote("<table>: Larry63 85%", "| Larry | 63 | 85% |") == (9, 20)  # the cleaner's table cells


def test_a_sentence_the_cleaner_changed_keeps_its_start_line() -> None:
    page = (
        "<html><body>\n"
        "<p>Intro.</p>\n"
        "<p>The league said on Monday that <span class='link'><a href='/x'>the club will be fined</a></span>\n"
        "for its role in the fight.</p>\n"
        "</body></html>\n"
    )
    cleaned = "Intro.\n\nThe league said on Monday that for its role in the fight."  # link text dropped
    span = _span(cleaned, "The league said on Monday that for its role in the fight.")
    selector, line = CaptureLocator(page, "text/html").select(cleaned, span)
    assert line == 3
    assert selector.exact == span.slice(cleaned) and selector.prefix == "Intro.\n\n"  # cleaned-text context
    assert find_start("a b c", "x y z w v") is None


def test_a_text_capture_is_its_own_document() -> None:
    capture = "Menu\n\nThe first claim is here.\n"
    locator = CaptureLocator(capture)
    assert locator.document == capture
    assert locator.select(capture, _span(capture, "The first claim is here."))[1] == 3


def test_a_five_megabyte_page_maps_end_to_end() -> None:
    """Correctness on a large page; its speed is measured by benchmarks/bench_html_locate.py, not asserted here."""
    block = (
        "<div class='row'>\n  <p>The council said <a href='/x'>on Tuesday</a> that 5&nbsp;million people "
        "&amp; more were affected.</p>\n  <span>Share</span>\n</div>\n"
        "<script>var x = '<p>not text</p>';</script>\n"
    )
    page = block * (5_000_000 // len(block))
    mapped = HtmlTextMap(page)
    assert "not text" not in mapped.text
    last = mapped.text.rindex("The council")
    assert mapped.raw_offset(last) == page.rindex("The council")


ARTICLE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Council approves transit budget after long debate</title>
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-05-14">
<script>
  var teaser = "Reports indicate that the mayor's office spent more than $3 million on consultants last year.";
</script>
<style>p.lead { font-weight: bold; }</style>
</head>
<body>
<nav><a href="/">Home</a> <a href="/city">City</a></nav>
<article>
<h1>Council approves transit budget after long debate</h1>
<p class="byline">By Dana Whitfield</p>
<p>The city council voted on Tuesday to approve the transit budget of
  $48&nbsp;million after a debate that lasted more than six hours.</p>
<p>Reports indicate that the mayor&#8217;s office spent more than
<a href="/consultants">$3 million</a> on consultants last year, a figure the office has not
disputed.</p>
<p>Council member <em>Ana Ruiz</em> said the plan &ldquo;will cut waiting times for riders by
20 percent&rdquo; within two years.</p>
<p>Some experts suggest that the new routes will cost more than $5 million a year to run &amp; maintain.</p>
</article>
<footer><p>&copy; 2024 City Paper</p></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def html_audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AuditResult]:
    folder = tmp_path_factory.mktemp("html_captures")
    (folder / "budget.html").write_text(ARTICLE, encoding="utf-8")
    return folder, run_audit(RunConfig((str(folder),), jobs=1))


def test_every_html_claim_has_a_capture_line_with_its_first_word(
    html_audit: tuple[Path, AuditResult],
) -> None:
    _, result = html_audit
    lines = ARTICLE.splitlines()
    document = HtmlTextMap(ARTICLE).text
    assert len(result.claims) >= 4
    for claim in result.claims:
        assert claim.capture_line is not None, claim.text
        first_word = re.sub(r"\W", "", claim.text.split()[0])
        assert first_word in lines[claim.capture_line - 1], (claim.capture_line, claim.text)
        assert claim.capture_line > 15  # never the script's copy of the sentence in <head>
        position = resolve(claim.selector, document)
        assert position is not None and " ".join(claim.selector.exact.split()) == claim.text


def test_check_github_prints_the_html_line(html_audit: tuple[Path, AuditResult]) -> None:
    folder, result = html_audit
    outcome = CliRunner().invoke(
        cli.main,
        ["check", str(folder), "--format", "github", "--fail-on", "vague_attribution", "--no-progress"],
    )
    assert outcome.exit_code == 1, outcome.output
    annotations = [
        line
        for line in outcome.output.splitlines()
        if line.startswith(("::error ", "::warning ", "::notice "))
    ]
    assert annotations
    claim_lines = {claim.capture_line for claim in result.claims if claim.flags}
    for annotation in annotations:
        match = re.search(r",line=(\d+),", annotation)
        assert match, annotation
        assert int(match.group(1)) in claim_lines
    assert any(",line=20," in annotation and "Reports indicate" in annotation for annotation in annotations)
