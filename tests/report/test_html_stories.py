"""The HTML report groups sources by story, each story named by its first source and counting independent ones."""

from __future__ import annotations

from dataclasses import replace

import lxml.html

from audit.model import AuditResult, Source, ToolInfo
from audit.report.html import render_html
from audit.report.html_view import SourceView, stories
from tests.corpus.corpus_records import source


def _sources() -> tuple[Source, ...]:
    first = replace(source("a.txt", "Text."), title="Bridge collapse in Millford")
    copy = replace(source("copy.txt", "Text."), independence_group=first.source_id, title="Copy")
    other = replace(source("b.txt", "Text."), title="Second report")
    alone = replace(source("c.txt", "Text."), title="A recipe")
    story = "story-" + first.source_id.removeprefix("src-")
    return (*(replace(s, story=story) for s in (first, copy, other)), alone)


def test_sources_are_grouped_by_story_biggest_first() -> None:
    grouped = stories([SourceView(s, None, (), 0) for s in _sources()])
    assert [(g.label, len(g.sources), g.independent) for g in grouped] == [
        ("Bridge collapse in Millford", 3, 2),
        ("A recipe", 1, 1),
    ]


def test_the_report_shows_a_section_per_story() -> None:
    result = AuditResult("1.0", ToolInfo("audit", "0"), {}, _sources(), ())
    page = lxml.html.fromstring(render_html(result))
    sections = page.xpath("//section[@class='story']")
    assert [s.xpath("string(h3)") for s in sections] == [
        "Story: Bridge collapse in Millford",
        "Story: A recipe",
    ]
    assert len(sections[0].xpath("section[@class='source']")) == 3
