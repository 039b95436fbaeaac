"""DOM rules run before trafilatura (audit.extract.html.prepare), the credit-line patterns and the standfirst rule.

Every page here is hand-written; each test shows both the layout the rule fixes and a near miss it
must leave alone.
"""

from __future__ import annotations

import copy

import lxml.html

from audit.extract.html.article import extract_html, is_boilerplate, standfirsts, trafilatura_text
from audit.extract.html.dom import parse_html
from audit.extract.html.prepare import (
    drop_related_lists,
    drop_teaser_cards,
    lowercase_names,
    unwrap_link_spans,
    unwrap_linked_headings,
)

BODY = [
    "The city council voted on Tuesday to close the old harbour bridge to cars from next spring, after "
    "engineers found cracks in two of its steel supports during a routine inspection.",
    "Councillors argued for three hours about the cost of a replacement, which the transport office puts "
    "at between forty and sixty million over the next decade, depending on the design chosen.",
    "Shop owners near the bridge said they feared losing customers, while cycling groups welcomed a plan "
    "to keep the crossing open to bicycles and pedestrians during the repair works.",
    "The mayor promised a public consultation in January and said the final design would be chosen by an "
    "independent panel of engineers, architects and residents of the two harbour districts.",
    "A spokesperson for the regional government said it would consider sharing the cost if the council "
    "could show that the bridge was needed for the ferry terminal and the freight rail link.",
]


def _tree(html: str) -> lxml.html.HtmlElement:
    tree = parse_html(html).tree
    assert tree is not None
    return tree


def _page(body: str, head: str = "", before: str = "") -> str:
    return (
        f"<html><head><title>Bridge to close | Harbour Times</title>{head}</head><body>"
        '<nav><ul><li><a href="/">Home</a></li><li><a href="/city">City</a></li></ul></nav>'
        f'<main>{before}<article><h1>Bridge to close</h1><div class="story-body">{body}</div></article></main>'
        "<footer><p>Copyright Harbour Times</p></footer></body></html>"
    )


def _paragraphs(paragraphs: list[str]) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def test_capitalised_class_names_meet_trafilaturas_patterns() -> None:
    signup = (
        '<section class="Newsletter-Container"><h4 class="Newsletter-Description">Get the week\'s best '
        "harbour stories and photos in one friendly morning email</h4></section>"
    )
    html = _page(_paragraphs(BODY[:3]) + signup + _paragraphs(BODY[3:]))
    assert "friendly morning email" in trafilatura_text(_tree(html), None)  # what the rule fixes
    text = extract_html(html).text
    assert "friendly morning email" not in text and BODY[4][:50] in text
    tree = _tree('<div class="Story-Body" id="Main"><p class="lead">x</p></div>')
    lowercase_names(tree)
    assert tree.xpath('//div[@class="story-body" and @id="main"]') and tree.xpath('//p[@class="lead"]')


def test_link_wrapped_in_a_named_span_stays_in_its_sentence() -> None:
    sentence = (
        '<p>The transport office has reported that <span class="link"><a href="/fine">the council will '
        "fine the contractor</a></span> for the delay, which cost the city two months of traffic.</p>"
    )
    html = _page(_paragraphs(BODY[:3]) + sentence + _paragraphs(BODY[3:]))
    assert "fine the contractor" not in trafilatura_text(_tree(html), None)  # what the rule fixes
    assert "has reported that the council will fine the contractor for the delay" in extract_html(html).text
    # a span with text of its own besides the link, or outside any paragraph, keeps its tag
    tree = _tree(
        '<p>Text <span class="link">see <a href="/a">this</a></span> more.</p>'
        '<div><span class="link"><a href="/b">Alone</a></span></div>'
    )
    assert unwrap_link_spans(tree) == 0
    tree = _tree('<p>Before <span class="x"><a href="/a">the link</a></span> after.</p>')
    assert unwrap_link_spans(tree) == 1 and not tree.xpath("//span")
    hidden = _tree('<p>Before <span style="display: none"><a href="/a">hidden link</a></span> after.</p>')
    assert unwrap_link_spans(hidden) == 0


def test_teaser_cards_are_removed_but_linked_headings_stay() -> None:
    titles = [
        "Ferry strike ends after nine days of talks at the port",
        "New tram line opens to passengers in the eastern districts",
        "Harbour festival draws record crowds despite the rain",
    ]
    cards = "".join(
        f'<article class="promo-item"><a class="promo-link" href="/story-{i}"><img src="/i{i}.jpg">'
        f"<h3>{title}</h3></a></article>"
        for i, title in enumerate(titles)
    )
    section = f'<section class="pushdown"><h3>Harbour week</h3><div class="items">{cards}</div></section>'
    tree = _tree(_page(_paragraphs(BODY), before=section))
    assert drop_teaser_cards(tree) == 3
    remaining = tree.text_content()
    assert not any(title in remaining for title in titles)
    assert "Harbour week" in remaining and BODY[0] in remaining  # only the cards go
    assert not any(title in extract_html(_page(_paragraphs(BODY), before=section)).text for title in titles)
    # a heading that is a link (a product or section heading inside the body) is not a card
    tree = _tree(
        '<div><h3><a href="/product">Linked product heading</a></h3><a href="/x">plain link</a></div>'
    )
    assert drop_teaser_cards(tree) == 0


def test_related_story_list_after_a_cue_is_removed() -> None:
    related = (
        '<hr><div class="heading-h3">More Great Harbour Stories</div><ul>'
        '<li>Ferry strike ends, <a href="/a">after nine days of talks</a></li>'
        '<li>The tram line opens <a href="/b">to eastern districts</a></li>'
        '<li>Record crowds at <a href="/c">the harbour festival</a></li></ul>'
    )
    html = _page(_paragraphs(BODY) + related)
    assert "after nine days of talks" in trafilatura_text(_tree(html), None)  # what the rule fixes
    text = extract_html(html).text
    assert "nine days of talks" not in text and "More Great" not in text and BODY[4][:50] in text
    # a list of links after an ordinary heading, and a list without links after a cue, stay
    kept = _tree(
        '<div><h3>Documents published by the council</h3><ul><li><a href="/r">Report</a></li></ul>'
        "<h3>Read more</h3><ul><li>First point</li><li>Second point</li></ul></div>"
    )
    assert drop_related_lists(kept) == 0
    dropped = _tree(
        '<div><h3>Related</h3><ol><li><a href="/r">One</a></li><li><a href="/s">Two</a></li></ol></div>'
    )
    assert drop_related_lists(copy.deepcopy(dropped)) == 1


def test_linked_subheading_between_body_paragraphs_is_kept() -> None:
    guide = (
        f"<p>{BODY[0]}</p><h3><a href='/shop/lamp'>Brass harbour desk lamp</a></h3><p>{BODY[1]}</p>"
        f"<h3><a href='/shop/map'>Framed map of the old port</a></h3><p>{BODY[2]}</p>" + _paragraphs(BODY[3:])
    )
    html = _page(guide)
    assert "Brass harbour desk lamp" not in trafilatura_text(_tree(html), None)  # what the rule fixes
    text = extract_html(html).text
    assert "Brass harbour desk lamp" in text and "Framed map of the old port" in text
    # linked headings in a block of cards (no body paragraph beside them) keep their link
    cards = _tree(
        "<div><div class='card'><h3><a href='/a'>Ferry strike ends</a></h3><span>2 hours ago</span></div>"
        f"<h3><a href='/b'>Tram line opens</a></h3><p>{BODY[0]}</p></div>"
    )
    assert unwrap_linked_headings(cards) == 0


def test_contributor_credit_and_most_read_lines_are_boilerplate() -> None:
    assert is_boilerplate("Harbour Times writers Ann Lee, Bo Chan and Carl Dunn contributed to this report.")
    assert is_boilerplate("Reporters Jane Roe and John Doe contributed reporting from the port.")
    assert is_boilerplate("Most read in city news")
    assert not is_boilerplate("The two firms contributed money to the repair fund, the mayor said.")
    assert not is_boilerplate("Most residents read the council's notice before the vote, a survey found.")


def test_standfirst_subheading_is_dropped_but_a_lede_paragraph_stays() -> None:
    dek = "Engineers found cracks in two steel supports during an inspection"
    head = f'<meta name="description" content="{dek}">'
    html = _page(f"<h2 class='subline'>{dek}</h2>" + _paragraphs(BODY), head=head)
    assert standfirsts(_tree(html)) == {" ".join(dek.lower().split())}
    text = extract_html(html).text
    assert dek not in text and text.startswith(BODY[0][:40])
    # the same description as the first paragraph of the body is the lede: it stays
    lede_head = f'<meta property="og:description" content="{BODY[0]}">'
    lede_html = _page(_paragraphs(BODY), head=lede_head)
    assert standfirsts(_tree(lede_html)) == set()
    assert extract_html(lede_html).text.startswith(BODY[0][:40])
