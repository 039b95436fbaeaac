"""Reliability, reports (docs/reliability.md, "Reports"): report.md is safe to post on GitHub and fits in a
comment; the most severe flags come first everywhere; annotation levels follow the gate."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from audit.model import (
    NO_ATTRIBUTION,
    AuditResult,
    Claim,
    Evidence,
    Flag,
    Selector,
    Severity,
    Source,
    Span,
    ToolInfo,
)
from audit.report.check import gate, parse_kinds, render_text
from audit.report.github import render_github
from audit.report.markdown import MAX_CHARS, render_markdown

HOSTILE = (
    "![p](https://evil.example/pixel.png) [click](https://evil.example) <img src=x onerror=alert(1)> "
    "@octocat fixes #1 *loud* __bold__ ~~gone~~ www.evil.example mail@evil.example $5 and $6 | pipe"
)


def _source(number: int, title: str = "A page", path: str | None = None) -> Source:
    text = " ".join(f"Sentence {i} says the budget is {i} million dollars." for i in range(30))
    sid = f"src-{number:016x}"
    return Source(sid, path or f"raw/{number:03d}.txt", "0" * 64, "text/plain", "ok", title=title, text=text)


def _claims(source: Source, severities: list[Severity], message: str = "Check this.") -> list[Claim]:
    claims = []
    for index, severity in enumerate(severities):
        text = f"Sentence {index} says the budget is {index} million dollars."
        start = source.text.index(text)
        span = Span(start, start + len(text))
        flag = Flag(
            "misdated", "misdated.synthetic", severity, message, (Evidence("span", f"evidence {index}"),)
        )
        claims.append(
            Claim(
                f"clm-{source.source_id[4:]}{index:04d}"[:20],
                source.source_id,
                text,
                span,
                Selector(text, "", ""),
                "figure",
                0.9,
                (),
                (),
                (),
                NO_ATTRIBUTION,
                span,
                index + 1,
                (flag,),
            )
        )
    return claims


def _result(sources: list[Source], claims: list[Claim]) -> AuditResult:
    return AuditResult("1.0", ToolInfo("audit", "test"), {}, tuple(sources), tuple(claims))


def test_page_strings_in_report_md_cannot_inject_markdown() -> None:
    source = _source(1, title=HOSTILE, path="raw/a`b``c`.txt")
    markdown = render_markdown(_result([source], _claims(source, ["high"], message=f"Dated “{HOSTILE}”.")))
    html = MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    assert "<img" not in html and "<a " not in html and "<em>" not in html and "<s>" not in html
    assert "<strong>bold</strong>" not in html and "<strong>" in html  # ours: the severity, the title
    assert "<code>raw/a`b``c`.txt</code>" in html
    for live in ("https://", "www.", "@octocat", "#1", "mail@evil"):  # autolinks, mentions, issue references
        assert live not in markdown, live
    assert not re.search(r"(?<!\\)\$", markdown), "a bare $ starts GitHub math"


def test_report_md_fits_a_comment_and_opens_with_the_most_severe_flags() -> None:
    sources = [_source(n) for n in range(181)]
    claims = [c for s in sources for c in _claims(s, ["low"] * 10 + ["medium"] * 9 + ["high"] * (s.part + 1))]
    markdown = render_markdown(_result(sources, claims))
    assert len(markdown) < MAX_CHARS
    assert re.search(r"… and [\d,]+ more flags in report\.html", markdown)
    flags = [line for line in markdown.splitlines() if line.startswith("- **")]
    assert (
        flags[0].startswith("- **high**") and flags.index(next(f for f in flags if "**low**" not in f)) == 0
    )
    assert "## Sources" in markdown


def test_check_text_is_sorted_by_severity_and_github_levels_follow_the_gate() -> None:
    first, second = _source(1), _source(2, path="raw/002.txt")
    claims = _claims(first, ["low", "medium"]) + _claims(second, ["high"])
    check = gate(_result([first, second], claims), parse_kinds("misdated"), "medium")
    text = render_text(check).splitlines()
    assert [line.split(": ", 1)[1].split()[0] for line in text] == ["high", "medium"]
    github = render_github(check).splitlines()
    assert [line.split(" ", 1)[0] for line in github] == ["::error", "::error", "::notice"]
