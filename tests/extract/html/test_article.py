"""Main-text extraction from HTML: paragraphs kept, boilerplate dropped, hostile input survived."""

from __future__ import annotations

import html as html_lib

import pytest

from audit.extract.html.article import extract_html, is_boilerplate, trafilatura_text
from audit.extract.html.body_parts import split_body_parts, unwrap_embedded_posts
from audit.extract.html.dom import FLATTEN_DEPTH, parse_html, scan_depth
from tests.conftest import ROOT

RAW = ROOT / "raw"


def _page(paragraphs: list[str], title: str = "Trump and Putin talk about Ukraine") -> str:
    body = "\n".join(f"<p>{html_lib.escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html><html><head><title>{title} | Example Post</title></head><body>
    <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li>
    <li><a href="/s">Sports</a></li></ul></nav>
    <article><h1>{title}</h1>{body}<p>Read more: Another story about something else entirely</p></article>
    <footer><p>Copyright 2025 Example Post. All rights reserved.</p><a href="/privacy">Privacy</a></footer>
    </body></html>"""


def _sample_paragraphs(name: str, count: int = 6) -> list[str]:
    text = (RAW / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if len(line.strip()) > 80][:count]


@pytest.mark.parametrize("name", sorted(p.name for p in RAW.glob("*.txt"))[:3])
def test_sample_article_paragraphs_survive(name: str) -> None:
    paragraphs = _sample_paragraphs(name)
    result = extract_html(_page(paragraphs))
    out = result.text.split("\n\n")
    for paragraph in paragraphs:
        assert " ".join(paragraph.split()) in out
    assert "Home" not in out and "All rights reserved" not in result.text
    assert not any(p.startswith("Read more") for p in out)
    # the headline repeats the title field and is not body text
    assert out[0] != "Trump and Putin talk about Ukraine"
    assert result.fields["title"].value == "Trump and Putin talk about Ukraine"


def test_empty_and_broken_pages_give_empty_text() -> None:
    for html in ("", "   ", "<html></html>", "<html><body><div></div></body></html>", "\x00\x01"):
        result = extract_html(html)
        assert result.text == ""
        assert result.fields["authors"].value == []
        assert result.fields["published"].value is None
    assert isinstance(extract_html("<<<>>><p <div =>").text, str)


def test_unclosed_tags_and_attribute_soup_do_not_crash() -> None:
    paragraphs = _sample_paragraphs("001_9d7b1575e19265cf.txt", 4)
    soup = " ".join(f'data-x{i}="{"y" * 50}"' for i in range(2000))
    html = f"<html><body><div {soup}><article>" + "".join(f"<p>{p}" for p in paragraphs) + "<div><span><b>"
    result = extract_html(html)
    assert paragraphs[0].split()[0] in result.text


def test_deep_nesting_is_flattened_and_reported() -> None:
    paragraphs = _sample_paragraphs("002_f83c12297b1fc013.txt", 5)
    depth = 600
    deep = "<div>" * depth + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div>" * depth
    html = f"<html><body><article>{deep}</article></body></html>"
    parsed = parse_html(html)
    assert parsed.truncated and parsed.flattened > 0
    assert parsed.tree is not None and paragraphs[-1][:40] in parsed.tree.text_content()
    result = extract_html(html)
    assert [w.code for w in result.warnings].count("truncated_dom") == 1
    assert paragraphs[0][:40] in result.text


def test_shallow_page_has_no_depth_warning() -> None:
    result = extract_html(_page(_sample_paragraphs("003_b1e8e9ae686f0359.txt")))
    assert "truncated_dom" not in [w.code for w in result.warnings]


def test_scan_depth_knows_void_and_implied_end_tags() -> None:
    depth, _ = scan_depth("<html><body><p>a<p>b<p>c<br><img src=x><hr/></body></html>")
    assert depth == 3  # html > body > p (each <p> closes the previous one)
    depth, _ = scan_depth("<ul><li>1<li>2<li>3</ul><table><tr><td>a<td>b<tr><td>c</table>")
    assert depth == 3  # table > tr > td
    depth, spans = scan_depth("<div>" * 10 + "x" + "</div>" * 10, flatten_at=8)
    assert depth == 10 and len(spans) == 4  # two open and two close tags beyond depth 8
    depth, _ = scan_depth("<script>if (a <b) { x = '<div><div><div>' }</script><p>x</p>")
    assert depth == 1
    assert FLATTEN_DEPTH < 255


def test_boilerplate_patterns() -> None:
    assert is_boilerplate("Read more: Alibaba files for listing")
    assert is_boilerplate("Tags: politics, china")
    assert is_boilerplate("12 comments")
    assert not is_boilerplate("Related to the sanctions, officials said the talks would resume in May.")
    assert not is_boilerplate(
        "Share prices fell sharply after the announcement of new tariffs on steel imports."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by Jane Doe in Washington; Editing by John Roe and Mary Poe",
        "(Reporting by Daniel Wiessner in Albany, New York; Editing by Will Dunham)",
        "Additional reporting by Sam Li; Writing by Ann Bee; Editing by Cy Dee",
        "FILE PHOTO: A view of the Acme headquarters in Berlin, Germany, May 3, 2023. REUTERS/Jane Doe/File Photo",
    ],
)
def test_credit_lines_and_captions_are_not_article_text(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Reporting by the Guardian found that the company hid losses.",
        "Editing by the board was slow, officials said.",
        "File photos show the damage was extensive.",
    ],
)
def test_sentences_about_reporting_or_photos_stay(line: str) -> None:
    assert not is_boilerplate(line)


def _split_body_page(first: list[str], second: list[str]) -> str:
    """A body cut in two same-class grid rows around an ad, as some magazine templates write it."""
    part = (
        '<div class="grid narrow"><div class="body article__body">{}</div>'
        '<div class="aside"><div class="ad"></div></div></div>'
    )
    return f"""<html><head><title>Split story</title></head><body><div class="page">
    <div class="article__chunks">
      {part.format("".join(f"<p>{p}</p>" for p in first))}
      <div class="row full-bleed-ad"><span>Advertisement</span></div>
      {part.format("".join(f"<p>{p}</p>" for p in second))}
    </div>
    <div class="footer"><div class="grid narrow"><p>Copyright notice of the example site, all rights
    reserved here, and a long list of the legal terms that apply to every page of it.</p></div></div>
    </div></body></html>"""


def test_article_split_over_sibling_containers_is_merged() -> None:
    paragraphs = _sample_paragraphs("004_320301acf8a13b0e.txt", 8)
    first, second = paragraphs[:5], paragraphs[5:]
    text = extract_html(_split_body_page(first, second)).text
    for paragraph in paragraphs:
        assert " ".join(paragraph.split())[:60] in text
    assert "Copyright notice" not in text  # same class, but not a sibling of the body parts
    tree = parse_html(_split_body_page(first, second)).tree
    assert tree is not None and paragraphs[-1][:60] not in trafilatura_text(tree, None)  # what the rule fixes


def test_split_body_parts_needs_a_covered_sibling() -> None:
    paragraphs = _sample_paragraphs("004_320301acf8a13b0e.txt", 8)
    tree = parse_html(_split_body_page(paragraphs[:5], paragraphs[5:])).tree
    assert tree is not None
    covered = "\n".join(paragraphs[:5])
    parts = split_body_parts(tree, covered)
    assert [(p.get("class"), covered) for p, covered in parts] == [
        ("grid narrow", True),
        ("grid narrow", False),
    ]
    assert split_body_parts(tree, "") == []
    assert split_body_parts(tree, "Some unrelated text about the weather in Paris today.") == []


def test_embedded_post_is_lifted_out_of_its_widget() -> None:
    paragraphs = _sample_paragraphs("001_9d7b1575e19265cf.txt", 6)
    tweet = (
        '<div class="article-widget article-tweet"><div class="tweet__inner"><blockquote class="twitter-tweet">'
        "<p>We will not accept these tariffs on our farmers</p>- Senator Example (@example) May 2, 2019"
        "</blockquote></div></div>"
    )
    body = (
        "".join(f"<p>{p}</p>" for p in paragraphs[:3])
        + tweet
        + "".join(f"<p>{p}</p>" for p in paragraphs[3:])
    )
    html = f"<html><body><article>{body}</article></body></html>"
    tree = parse_html(html).tree
    assert tree is not None
    assert unwrap_embedded_posts(tree) == 1
    assert tree.xpath("//article/blockquote") and not tree.xpath('//div[contains(@class, "widget")]')
    assert "We will not accept these tariffs on our farmers" in extract_html(html).text


def test_keyword_lists_newsletter_titles_and_delivery_promos_are_boilerplate() -> None:
    keywords = ", ".join(
        f"trade talks {place}" for place in ("beijing", "moscow", "geneva", "kyiv", "paris", "tokyo")
    )
    assert len(keywords) > 100 and is_boilerplate(keywords)
    assert is_boilerplate("Morning Briefing Newsletter")
    assert is_boilerplate("Get the magazine delivered to your door every month. 12 issues for 20 euros.")
    # sentences that list things keep their verbs and punctuation
    assert not is_boilerplate("Delegates came from Beijing, Moscow, Geneva, Kyiv and Paris, officials said.")
    assert not is_boilerplate("The newsletter reported that tariffs would rise in May.")
    assert not is_boilerplate(", ".join(["stock car"] * 50))  # longer than any keyword line: text
