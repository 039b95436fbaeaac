"""Plain-text captures: article text, furniture removal, metadata (audit.extract.text.article, audit.extract.text.furniture)."""

from __future__ import annotations

import pytest

from audit.extract.text.article import TextArticle, clean_text_capture
from audit.extract.text.date_lines import parse_date_line, split_byline_date
from audit.extract.text.furniture import bio_subject, disclaimer_site, furniture_reason, lexicon, parse_byline
from tests.conftest import ROOT

RAW = ROOT / "raw"


def _seed(prefix: str) -> tuple[str, TextArticle]:
    (path,) = RAW.glob(f"{prefix}_*.txt")
    raw = path.read_text(encoding="utf-8")
    articles = clean_text_capture(raw)
    assert len(articles) == 1
    return raw, articles[0]


# Hand annotation of the seeds: the capture lines (1-based) that are site furniture or metadata.
SEED_FURNITURE: dict[str, set[int]] = {
    "000": set(),
    "001": {1, 3, 57, 59, 61, 63},
    "002": {1, 3, 5, 7, 73, 75},
    "003": {1, 2, 4, 6, 7, 9, 35, 36},
    "004": {1, 5, 6, 7, 9, *range(79, 94, 2), 95},
}

SEED_FIELDS: dict[str, dict[str, object]] = {
    "000": {"title": None, "authors": [], "published": None, "site": None, "url": None},
    "001": {
        "title": "Trump’s Russia Strategy: Breaking the Sino-Russian Alliance or Strengthening It?",
        "authors": [],
        "published": None,
        "site": "Geopoliticalmonitor.com",
        "url": None,
    },
    "002": {
        "title": "Deterrence or Deténte? Explaining Trump’s Rapprochement with Russia and Signals to China",
        "authors": ["Oleksandra Zadesenets"],
        "published": "2025-04-01",
        "site": None,
        "url": None,
    },
    "003": {
        "title": "Prospects for U.S.-Russia Relations Under Trump",
        "authors": ["Xiao Bin"],
        "published": "2024-11-29",
        "site": None,
        "url": None,
    },
    "004": {
        "title": "Trump’s Support for Putin: A Strategy to Isolate China?",
        "authors": ["Mwaso"],
        "published": "2025-03-10",
        "site": "Mwaso.com",
        "url": None,
    },
}


@pytest.mark.parametrize("prefix", sorted(SEED_FURNITURE))
def test_seed_keeps_every_paragraph_and_no_furniture(prefix: str) -> None:
    raw, article = _seed(prefix)
    paragraphs = article.text.split("\n\n")
    expected = [
        line.strip()
        for number, line in enumerate(raw.splitlines(), start=1)
        if line.strip() and number not in SEED_FURNITURE[prefix]
    ]
    assert paragraphs == expected
    furniture = {raw.splitlines()[n - 1].strip() for n in SEED_FURNITURE[prefix]}
    assert sorted(line for line, _ in article.removed) == sorted(
        line.strip() for n, line in enumerate(raw.splitlines(), 1) if n in SEED_FURNITURE[prefix]
    )
    assert not furniture & set(paragraphs)


@pytest.mark.parametrize("prefix", sorted(SEED_FIELDS))
def test_seed_metadata(prefix: str) -> None:
    _, article = _seed(prefix)
    for key, expected in SEED_FIELDS[prefix].items():
        assert article.fields[key].value == expected, key


@pytest.mark.parametrize("prefix", sorted(SEED_FIELDS))
def test_seed_text_shape(prefix: str) -> None:
    raw, article = _seed(prefix)
    assert "\n\n\n" not in article.text
    for paragraph in article.text.split("\n\n"):
        assert paragraph and paragraph == paragraph.strip() and "\n" not in paragraph
        assert paragraph in raw


def test_seed_reasons_and_evidence() -> None:
    _, a001 = _seed("001")
    reasons = dict(a001.removed)
    assert reasons["Back to Top"] == "widget"
    assert [r for line, r in a001.removed if "cc kremlin.ru" in line] == ["caption"]
    assert [r for line, r in a001.removed if line.startswith("The views expressed")] == ["disclaimer"]
    _, a002 = _seed("002")
    assert a002.fields["author_roles"].value == {"Oleksandra Zadesenets": "Research Assistant"}
    assert a002.fields["published"].location == "line 5"
    assert a002.fields["published"].method == "text:dateline"
    assert a002.fields["author_bio"].value.startswith("Oleksandra Zadesenets is an undergraduate")
    assert dict(a002.removed)["About Oleksandra Zadesenets"] == "bio"
    _, a003 = _seed("003")
    assert dict(a003.removed)["Foreign Policy"] == "section"
    assert a003.fields["author_roles"].value["Xiao Bin"].startswith("Deputy Secretary-general")
    _, a004 = _seed("004")
    assert [r for line, r in a004.removed if line.startswith("Trump’s Support for Putin")] == ["title"] * 3
    assert a004.fields["authors"].method == "text:bio"
    assert a004.fields["authors"].candidates[0].confidence in {"low", "medium"}
    assert {w.code for w in a004.warnings} >= {"title_variants", "author_from_bio"}


DOCK = (
    "Dock workers in Rotterdam extended their strike on Monday, the union said, as talks over pay stalled "
    "for a third week and ships queued outside the port."
)
UNION = (
    "The union said 4,000 members had joined the action since 15 February 2021, and that it would vote "
    "again on 9 March."
)
PORT = "A port spokesperson said the backlog had reached 60 vessels, a figure the union disputes."
SIDES = "Both sides said they would meet again next week, though neither expected a quick agreement."
BIO = (
    "Jane Roe is a correspondent covering European trade for the Example Gazette and has reported from "
    "Brussels since 2015."
)
SYNTHETIC = f"""Skip to content
News | World | Business | Sport | Culture
Home / World / Europe

Europe

Harbour Strike Enters Its Third Week in Rotterdam

Published: Tuesday, March 2, 2021 at 09:15 CET
By Jane Roe and Tom Field, Staff Reporters

Share on Facebook Twitter

{DOCK}
Photo: Reuters

{UNION}

Advertisement

What the port says
{PORT}
Love
{SIDES}

Related articles
Port of Antwerp sees record volumes
Shipping rates climb again
About Jane Roe
{BIO}
© 2021 Example Gazette. All rights reserved.
"""


def test_synthetic_page() -> None:
    (article,) = clean_text_capture(SYNTHETIC)
    paragraphs = article.text.split("\n\n")
    assert paragraphs == [DOCK, UNION, "What the port says", PORT, "Love", SIDES]
    reasons = dict(article.removed)
    assert reasons["Skip to content"] == "widget"
    assert reasons["News | World | Business | Sport | Culture"] == "menu"
    assert reasons["Home / World / Europe"] == "breadcrumb"
    assert reasons["Europe"] == "section"
    assert reasons["Share on Facebook Twitter"] == "share"
    assert reasons["Photo: Reuters"] == "caption"
    assert reasons["Advertisement"] == "ad"
    assert reasons["Shipping rates climb again"] == "related"
    assert reasons["About Jane Roe"] == "bio"
    assert reasons["© 2021 Example Gazette. All rights reserved."] == "copyright"
    assert article.fields["title"].value == "Harbour Strike Enters Its Third Week in Rotterdam"
    assert article.fields["authors"].value == ["Jane Roe", "Tom Field"]
    assert article.fields["author_roles"].value == {"Tom Field": "Staff Reporters"}
    assert article.fields["published"].value == "2021-03-02"
    assert article.fields["published"].location == "line 9"
    assert article.fields["author_bio"].value.startswith("Jane Roe is a correspondent")
    assert article.fields["url"].value is None


def test_no_metadata_is_none_not_a_guess() -> None:
    raw = (
        "On 4 July 2019 the council approved the budget, which had been debated since March of that year.\n"
        "Councillor Ann Smith said the vote was close and that the opposition would appeal the decision.\n"
    )
    (article,) = clean_text_capture(raw)
    assert article.text == "\n\n".join(line for line in raw.splitlines())
    assert article.removed == ()
    for key in ("title", "published", "site", "url", "author_bio", "author_roles", "updated"):
        assert article.fields[key].value is None, key
    assert article.fields["authors"].value == []


def test_stated_url_and_updated_date() -> None:
    raw = (
        "A Quiet Budget Vote\n"
        "Posted on 3 May 2022\n"
        "Updated: May 4, 2022 10:30\n"
        "The council approved the budget on Tuesday after a short debate, with two members abstaining.\n"
        "Officials said spending on roads would rise by 4 percent next year under the approved plan.\n"
        "Source: https://news.example.org/2022/05/budget-vote\n"
    )
    (article,) = clean_text_capture(raw)
    assert article.fields["published"].value == "2022-05-03"
    assert article.fields["updated"].value == "2022-05-04"
    assert article.fields["url"].value == "https://news.example.org/2022/05/budget-vote"
    assert article.fields["site"].value == "news.example.org"
    assert "Source:" not in article.text


BODY = (
    "The committee met on Thursday to review the proposal, and members asked for more detail on costs.\n\n"
    "A second session is planned for next month, when the full report is due to be published in print.\n\n"
)


def test_split_on_separator_and_on_second_header() -> None:
    raw = (
        "First Report on Water Prices\n\nJune 1, 2023\n\nBy Ada Park\n\n"
        + BODY
        + "----------\n\n"
        + "Second Report on Bus Fares\n\nBy Ben Ochs\n\n"
        + BODY
        + "Third Report on School Meals\n\n2 June 2023\n\nBy Cy Dunn\n\n"
        + BODY
    )
    articles = clean_text_capture(raw)
    assert [a.fields["title"].value for a in articles] == [
        "First Report on Water Prices",
        "Second Report on Bus Fares",
        "Third Report on School Meals",
    ]
    assert [a.fields["authors"].value for a in articles] == [["Ada Park"], ["Ben Ochs"], ["Cy Dunn"]]
    assert [a.fields["published"].value for a in articles] == ["2023-06-01", None, "2023-06-02"]
    assert all(a.text == BODY.strip() for a in articles)
    assert all("multiple_articles" in {w.code for w in a.warnings} for a in articles)
    assert ("----------", "separator") in articles[0].removed


def test_no_split_on_headings_or_a_dated_heading() -> None:
    raw = "Main Title of the Piece\n\nBy Ada Park\n\n" + BODY + "A Heading Inside\n\nMay 5, 2023\n\n" + BODY
    articles = clean_text_capture(raw)
    assert len(articles) == 1
    assert "A Heading Inside" in articles[0].text.split("\n\n")


def test_empty_capture() -> None:
    (article,) = clean_text_capture("  \n\n \n")
    assert article.text == ""
    assert {w.code for w in article.warnings} == {"no_article_text"}


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        ("1 April, 2025", "2025-04-01"),
        ("Nov 29, 2024", "2024-11-29"),
        ("Mar 10, 2025 - 11:00", "2025-03-10"),
        ("Published: Monday, March 10, 2025 at 11:00 AM EST", "2025-03-10"),
        ("2024-02-29", "2024-02-29"),
        ("Samstag, 5. Oktober 2013", "2013-10-05"),
        ("lunes 27 de enero de 2020", "2020-01-27"),
        ("29.10.2023", "2023-10-29"),
        ("January 13, 2020 / 1:39 PM / Updated 2 minutes ago", "2020-01-13"),
        ("07/05/2022", None),
        ("In February 2025", None),
        ("February 30, 2025", None),
        ("On 4 July 2019 the council met", None),
    ],
)
def test_date_lines(line: str, iso: str | None) -> None:
    parsed = parse_date_line(line)
    assert (parsed.iso if parsed else None) == iso


@pytest.mark.parametrize(
    ("line", "names", "roles"),
    [
        (
            "by Oleksandra Zadesenets, Research Assistant",
            ("Oleksandra Zadesenets",),
            {"Oleksandra Zadesenets"},
        ),
        ("  • Xiao Bin", ("Xiao Bin",), set()),
        ("By Jane Doe, John Smith and Ann Lee", ("Jane Doe", "John Smith", "Ann Lee"), set()),
        ("By Jane Doe, Senior Fellow, Brookings", ("Jane Doe",), {"Jane Doe"}),
        ("By Reuters", None, set()),
        ("By the way, this is not a byline", None, set()),
    ],
)
def test_bylines(line: str, names: tuple[str, ...] | None, roles: set[str]) -> None:
    byline = parse_byline(line, bullet=True)
    assert (byline.names if byline else None) == names
    assert {name for name, _ in (byline.roles if byline else ())} == roles


def test_bio_subject_and_disclaimer_site() -> None:
    assert bio_subject("jroe Jane Roe is a freelance journalist based in Lyon.") == "Jane Roe"
    assert bio_subject("xyz Jane Roe is a freelance journalist based in Lyon.") is None
    assert bio_subject("The minister is a former journalist.") is None
    assert (
        disclaimer_site("The opinions expressed here do not necessarily reflect those of Example News.")
        == "Example News"
    )


def test_lexicon_is_versioned() -> None:
    assert lexicon().version
    assert furniture_reason("ADVERTISEMENT") == "ad"
    assert furniture_reason("The advertisement campaign cost the party 2 million euros last year.") is None


def test_byline_and_date_on_one_line() -> None:
    both = split_byline_date("By Jane Doe | March 3, 2020")
    assert both is not None and both[0].names == ("Jane Doe",) and both[1].iso == "2020-03-03"
    assert split_byline_date("Jane Doe | March 3, 2020") is None
    raw = "Water Prices Rise Again in the Capital\n\nBy Ada Park on 1 June 2023\n\n" + BODY
    (article,) = clean_text_capture(raw)
    assert article.fields["published"].value == "2023-06-01"
    assert article.fields["published"].method == "text:byline-date"
    assert article.fields["authors"].value == ["Ada Park"]


RELATED_TEASERS = """Ministers agree on new fisheries deal

By Jane Doe

March 3, 2020

Ministers from six countries agreed on Tuesday to cut catches by 12 percent, officials said after the talks.

{MIDDLE}

The deal, reached after five days of talks, covers 4,000 vessels, according to the European Commission.

You might also like

Storm closes ports along the coast

By John Smith

Ports along the coast were closed on Wednesday as a storm approached the northern islands, officials said.

Fishermen protest quotas

March 1, 2020

Hundreds of fishermen marched through the capital on Sunday to protest against the new catch quotas.
"""


def test_related_teasers_keep_their_byline_date_and_lead_out_of_the_article() -> None:
    (article,) = clean_text_capture(RELATED_TEASERS.format(MIDDLE="The talks were chaired by Norway."))
    assert article.text.split("\n\n")[-1].startswith("The deal, reached after five days")
    reasons = dict(article.removed)
    assert reasons["By John Smith"] == reasons["March 1, 2020"] == "related"
    assert reasons["Fishermen protest quotas"] == "related"
    assert article.fields["authors"].value == ["Jane Doe"]
    assert article.fields["published"].value == "2020-03-03"


def test_article_resumes_after_a_related_box() -> None:
    middle = (
        "Related\n\nSharks return to the bay\n\nThe talks were chaired by Norway, whose minister said so."
    )
    (article,) = clean_text_capture(RELATED_TEASERS.format(MIDDLE=middle))
    paragraphs = article.text.split("\n\n")
    assert "The talks were chaired by Norway, whose minister said so." in paragraphs
    assert "Sharks return to the bay" not in paragraphs


def test_separated_article_after_a_related_list_is_still_split() -> None:
    second = (
        "\n----------\n\nFishing fleet returns to port\n\nBy Ann Lee\n\nMarch 4, 2020\n\n"
        "The fleet returned to port on Wednesday after the new quotas were announced by the ministers.\n\n"
        "Crews said the season had been the shortest in a decade, with catches far below the average.\n"
    )
    first, article = clean_text_capture(RELATED_TEASERS.format(MIDDLE="Norway chaired.") + second)
    assert first.fields["authors"].value == ["Jane Doe"]
    assert article.fields["authors"].value == ["Ann Lee"]
    assert article.fields["title"].value == "Fishing fleet returns to port"
