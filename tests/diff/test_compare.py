"""Two captures of one article: sentences aligned, what changed inside edited ones, and which edits are silent."""

from __future__ import annotations

from audit.diff.align import align, comparable
from audit.diff.compare import diff_sources
from audit.model import Source

BEFORE = (
    "Flood barrier approved\n\n"
    "The council voted on Monday to build the barrier. It will cost $200 million, the engineers said.\n\n"
    '"This is the decision of a generation," said mayor Ruth Adeyemi on 8 April 2024.\n\n'
    "Construction is due to begin in September."
)


def _source(text: str, name: str, updated: str | None = None) -> Source:
    return Source(
        source_id=f"src-{name}",
        path=f"{name}.txt",
        sha256=name * 8,
        media_type="text/plain",
        status="ok",
        published="2024-04-08",
        updated=updated,
        independence_group=f"src-{name}",
        text=text,
    )


def test_comparable_ignores_case_quotes_dashes_and_spacing() -> None:
    assert comparable("It’s  a “test” — ok") == comparable('it\'s a "TEST" - ok')


def test_alignment_tells_unchanged_edited_added_and_removed() -> None:
    after = (
        BEFORE.replace("$200 million", "$250 million").replace(
            "Construction is due to begin in September.", ""
        )
        + "\n\nResidents cheered in the public gallery."
    )
    changes = [p.change for p in align(BEFORE, after)]
    assert changes.count("edited") == 1
    assert changes.count("added") == 1
    assert changes.count("removed") == 1
    assert changes.count("unchanged") == 3


def test_a_changed_figure_without_a_notice_is_a_silent_edit() -> None:
    found = diff_sources(
        _source(BEFORE, "old"), _source(BEFORE.replace("$200 million", "$250 million"), "new")
    )
    [edited] = [s for s in found.sentences if s.change == "edited"]
    assert [(e.field, e.old, e.new) for e in edited.edits] == [
        ("figure", ("$200 million",), ("$250 million",))
    ]
    [(claim_id, flag)] = found.flags
    assert claim_id is None  # no claims given: the flag stands on the sentence
    assert flag.kind == "silent_edit" and flag.rule == "silent_edit.figure" and flag.severity == "high"
    assert "“$200 million” became “$250 million”" in flag.message
    assert flag.evidence[0].text == "$250 million"
    assert flag.evidence[-1].text == edited.old_text


def test_the_same_figure_written_differently_is_no_edit() -> None:
    found = diff_sources(_source(BEFORE, "old"), _source(BEFORE.replace("$200 million", "$200m"), "new"))
    [edited] = [s for s in found.sentences if s.change == "edited"]
    assert edited.edits == ()
    assert found.flags == ()


def test_changed_date_quote_and_name_are_reported_names_not_flagged() -> None:
    after = BEFORE.replace("8 April 2024", "9 April 2024").replace("of a generation", "of a lifetime")
    after = after.replace("Ruth Adeyemi", "Ruth Adeyemi-Cole")
    found = diff_sources(_source(BEFORE, "old"), _source(after, "new"))
    [edited] = [s for s in found.sentences if s.change == "edited"]
    assert {e.field for e in edited.edits} == {"date", "quote", "name"}
    assert sorted(f.rule for _, f in found.flags) == ["silent_edit.date", "silent_edit.quote"]


def test_a_correction_notice_makes_the_edit_announced() -> None:
    after = BEFORE.replace("$200 million", "$250 million") + (
        "\n\nCorrection: An earlier version of this article misstated the cost of the barrier."
    )
    found = diff_sources(_source(BEFORE, "old"), _source(after, "new"))
    assert [n.where for n in found.notices] == ["text"]
    assert found.flags == ()
    assert any(e.field == "figure" for s in found.sentences for e in s.edits)  # still reported


def test_a_notice_the_old_page_already_had_does_not_count() -> None:
    notice = "\n\nUpdate: this story has been updated with comment from the mayor."
    found = diff_sources(
        _source(BEFORE + notice, "old"),
        _source(BEFORE.replace("$200 million", "$250 million") + notice, "new"),
    )
    assert found.notices == ()
    assert [f.rule for _, f in found.flags] == ["silent_edit.figure"]


def test_a_later_update_date_in_the_metadata_is_a_notice() -> None:
    found = diff_sources(
        _source(BEFORE, "old"), _source(BEFORE.replace("$200 million", "$250 million"), "new", "2024-04-10")
    )
    assert [n.where for n in found.notices] == ["metadata"]
    assert found.flags == ()
