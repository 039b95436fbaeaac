"""The main job on the sample corpus, end to end: the issue's 'done when' list as tests."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.contract.validate import validate_files
from audit.model import AuditResult
from audit.pipeline.config import RunConfig
from audit.report.json import render_json
from audit.report.write import OUTPUT_FILES
from tests.conftest import RAW, ROOT, run_seed_audit
from tests.flags.proofread import message_problems

FURNITURE = (
    "What's Your Reaction?",
    "Back to Top",
    "Lost your password?",
    "You might also like",
    "Login",
    "The views expressed",
    "accredited journalist",
    "About Oleksandra",
    "Language : English",
    "is an undergraduate student",
)


def without_run(text: str) -> dict[str, object]:
    data = json.loads(text)
    data.pop("run")
    return data


def test_writes_all_six_files_and_validates(seed_audit: tuple[AuditResult, Path]) -> None:
    result, out = seed_audit
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(OUTPUT_FILES)
    report = validate_files([out / "audit.json"])
    assert report.valid, report.problems
    assert CliRunner().invoke(main, ["validate", str(out / "audit.json")]).exit_code == 0
    assert {s.status for s in result.sources} == {"ok"}
    assert len(result.sources) == 5


def test_every_span_slices_its_source_exactly(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    texts = {s.source_id: s.text for s in result.sources}
    assert result.claims
    for claim in result.claims:
        assert texts[claim.source_id][claim.span.start : claim.span.end] == claim.text
        for item in (*claim.figures, *claim.dates):
            assert texts[claim.source_id][item.span.start : item.span.end] == item.text
        assert claim.selector.exact == claim.text


def test_selectors_find_claims_in_the_capture(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    captures = {s.source_id: (ROOT / s.path).read_text(encoding="utf-8") for s in result.sources}
    for claim in result.claims:
        capture = captures[claim.source_id]
        selector = claim.selector
        assert selector.prefix + selector.exact + selector.suffix in capture
        assert claim.capture_line is not None
        assert claim.text in capture.splitlines()[claim.capture_line - 1]


def test_reruns_are_byte_identical_outside_run(seed_audit: tuple[AuditResult, Path]) -> None:
    first, _ = seed_audit
    second = run_seed_audit()
    assert without_run(render_json(first)) == without_run(render_json(second))
    one, two = render_json(first), render_json(second)
    strip = lambda text: text[: text.index('"run"')] + text[text.index('"sources"') :]  # noqa: E731
    assert strip(one) == strip(two)


def test_reports_indicate_is_vague_attribution(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    reports = [c for c in result.claims if c.text.startswith("Reports indicate")]
    assert len(reports) >= 3  # two in seed 000, one in seed 004
    for claim in reports:
        assert any(f.kind == "vague_attribution" for f in claim.flags), claim.text
        flag = next(f for f in claim.flags if f.kind == "vague_attribution")
        assert flag.rule == "vague_attribution.unnamed_reports"
        assert flag.evidence and flag.evidence[0].text == "Reports indicate"


def test_no_furniture_becomes_a_claim(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    for claim in result.claims:
        for furniture in FURNITURE:
            assert furniture not in claim.text, (furniture, claim.text)
    for source in result.sources:
        for furniture in FURNITURE:
            assert furniture not in source.text, (furniture, source.path)


def test_binary_file_is_reported_and_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(RAW, corpus, ignore=shutil.ignore_patterns("reference"))
    (corpus / "zz_broken.html").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 16)
    out = tmp_path / "out"
    run = CliRunner().invoke(main, ["run", str(corpus), "--out", str(out), "--jobs", "2", "--no-progress"])
    assert run.exit_code == 0, run.output
    assert "zz_broken.html: the file is binary" in run.output
    data = json.loads((out / "audit.json").read_text())
    statuses = {Path(s["path"]).name: s["status"] for s in data["sources"]}
    assert statuses["zz_broken.html"] == "not_text"
    assert sum(1 for status in statuses.values() if status == "ok") == 5


def test_nothing_audited_exits_1_and_misuse_exits_2(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   ")
    runner = CliRunner()
    assert (
        runner.invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "o"), "--no-progress"]).exit_code
        == 1
    )
    assert runner.invoke(main, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")]).exit_code == 2
    assert runner.invoke(main, ["run", str(tmp_path)]).exit_code == 2


def test_run_config_defaults_to_all_cores() -> None:
    assert RunConfig(("raw",)).jobs == 0


def test_every_quote_in_seed_004_has_its_speaker(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    source = next(s for s in result.sources if s.path.endswith("004_320301acf8a13b0e.txt"))
    quotes = [
        c for c in result.claims if c.source_id == source.source_id and c.attribution.kind == "direct_quote"
    ]
    speakers = {c.attribution.speaker for c in quotes}
    expected = {"Donald Trump", "Marco Rubio", "Lin Jian", "Klaus Weil", "Yang Zheng", "Henrik Wachtmeister"}
    assert expected | {"David Allen", "U.S. Council on Foreign Relations"} == speakers
    assert all(c.type in {"quote", "figure", "date"} for c in quotes)


def test_bad_ledger_is_a_usage_error_for_run_and_check(tmp_path: Path) -> None:
    ledger = tmp_path / "ledger"
    ledger.mkdir()
    (ledger / "events.csv").write_text("event_id,name,date\nx,y,2025-02-30\n", encoding="utf-8")
    (ledger / "roles.csv").write_text("person,title,aliases,start,end,source\n", encoding="utf-8")
    capture = str(RAW / "004_320301acf8a13b0e.txt")
    runner = CliRunner()
    for args in (["run", capture, "--out", str(tmp_path / "o")], ["check", capture]):
        result = runner.invoke(main, [*args, "--reference", str(ledger), "--no-progress"])
        assert result.exit_code == 2, result.output
        assert "events.csv" in result.output


def test_check_finds_the_sample_ledger_and_points_at_the_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = CliRunner().invoke(
        main, ["check", "raw/", "--fail-on", "misdated", "--format", "github", "--no-progress"]
    )
    assert result.exit_code == 1, result.output
    assert "using the reference ledger in raw/reference" in result.output
    lines = [line for line in result.output.splitlines() if line.startswith("::error ")]
    assert len(lines) == 3
    for line in lines:
        path, number = line.split("file=", 1)[1].split(",title=")[0].split(",line=")
        text = (ROOT / path).read_text(encoding="utf-8").splitlines()[int(number) - 1]
        quoted = line.split("::", 2)[2].split("”", 1)[0].lstrip("“")
        assert quoted in text, (quoted, text[:80])
    silent = CliRunner().invoke(
        main, ["check", "raw/", "--fail-on", "misdated", "--no-reference", "--no-progress"]
    )
    assert silent.exit_code == 0, silent.output


def test_seeds_are_one_story_with_their_cross_source_flags(seed_audit: tuple[AuditResult, Path]) -> None:
    """The five analyses of Trump's Russia policy are one story; 000 and 001 share an origin (likely derived); the
    Trump–Putin call is dated differently by 002 and 004; "$62 billion" is single-sourced."""
    result, _ = seed_audit
    by_name = {Path(s.path).name[:3]: s for s in result.sources}
    assert len({s.story for s in result.sources}) == 1
    assert by_name["000"].story == "story-" + by_name["003"].source_id.removeprefix(
        "src-"
    )  # earliest published
    derived = {w.related for w in by_name["000"].warnings if w.code == "likely_derived"}
    assert derived == {(by_name["001"].source_id,)}
    rules = {
        (Path(next(s.path for s in result.sources if s.source_id == c.source_id)).name[:3], f.rule, c.text)
        for c, f in result.flags()
    }
    assert any(n == "002" and r == "contested.event_date" and "18 February 2025" in t for n, r, t in rules)
    assert any(n == "004" and r == "contested.event_date" and "February 12" in t for n, r, t in rules)
    assert any(
        n == "004" and r == "single_source_figure.one_group" and "$62 billion" in t for n, r, t in rules
    )
    assert not any(r == "contested.figure" for _, r, _ in rules)


def test_seed_flag_messages_read_cleanly(seed_audit: tuple[AuditResult, Path]) -> None:
    result, _ = seed_audit
    assert result.flags(), "the seeds raise flags"
    assert not message_problems(result), message_problems(result)
