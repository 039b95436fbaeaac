"""CI gating: exit codes, GitHub annotations that point at the claim's line, SARIF shape and stable fingerprints."""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from audit import api, cli
from audit.model import (
    NO_ATTRIBUTION,
    AuditResult,
    Claim,
    Evidence,
    Flag,
    FlagKind,
    Selector,
    Severity,
    Source,
    Span,
    ToolInfo,
)
from audit.pipeline.config import RunConfig
from audit.pipeline.run import run_audit
from audit.report.check import CheckUsageError, gate, parse_kinds
from audit.report.github import render_github
from audit.report.sarif import FINGERPRINT_KEY, sarif_data

CAPTURE = """Budget row over city buses

May 14, 2024

By Dana Whitfield

The city council voted on Tuesday to approve the transit budget after a long debate.

Reports indicate that the mayor's office spent more than $3 million on consultants last year.

Council member Ana Ruiz said the plan "will cut waiting times for riders."
"""


def _claim(claim_id: str, source: Source, text: str, line: int, flags: tuple[Flag, ...]) -> Claim:
    start = source.text.index(text)
    span = Span(start, start + len(text))
    return Claim(
        claim_id=claim_id,
        source_id=source.source_id,
        text=text,
        span=span,
        selector=Selector(text, "", ""),
        type="assertion",
        checkworthiness=0.9,
        features=(),
        figures=(),
        dates=(),
        attribution=NO_ATTRIBUTION,
        paragraph=span,
        capture_line=line,
        flags=flags,
    )


def _flag(kind: FlagKind, severity: Severity, message: str = "Check this.") -> Flag:
    return Flag(kind, f"{kind}.synthetic", severity, message, (Evidence("span", "the claim"),))


def synthetic(*flags: Flag) -> AuditResult:
    text = "The call took place on 12 March. The talks ended on 14 March."
    source = Source("src-0123456789abcdef", "raw/a.txt", "0" * 64, "text/plain", "ok", text=text)
    claims = tuple(
        _claim(f"clm-{i:016x}", source, sentence, i + 3, (flag,))
        for i, (sentence, flag) in enumerate(
            zip(["The call took place on 12 March.", "The talks ended on 14 March."], flags, strict=False)
        )
    )
    return AuditResult("1.0", ToolInfo("audit", "0"), {}, (source,), claims)


def test_parse_kinds() -> None:
    assert parse_kinds("") == parse_kinds(None)
    assert parse_kinds("misdated, contested") == ("contested", "misdated")
    with pytest.raises(CheckUsageError, match="bogus"):
        parse_kinds("misdated,bogus")


def test_threshold_by_kind_and_severity() -> None:
    result = synthetic(_flag("misdated", "medium"), _flag("vague_attribution", "high"))
    assert gate(result, ("misdated",), "low").exit_code == 1
    assert gate(result, ("misdated",), "high").exit_code == 0
    assert gate(result, ("contested",), "low").exit_code == 0
    assert [f.flag.kind for f in gate(result, parse_kinds(None), "high").findings] == ["vague_attribution"]


def test_nothing_audited_fails() -> None:
    source = Source("src-0123456789abcdef", "raw/a.bin", "", "text/plain", "not_text", "binary")
    empty = AuditResult("1.0", ToolInfo("audit", "0"), {}, (source,), ())
    assert gate(empty, parse_kinds(None), "low").exit_code == 1


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (["--fail-on", "misdated"], 1),
        (["--fail-on", "misdated", "--min-severity", "high"], 0),
        (["--fail-on", "contested"], 0),
        (["--fail-on", "nonsense"], 2),
        (["--min-severity", "urgent"], 2),
        (["--format", "xml"], 2),
    ],
)
def test_cli_exit_codes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, args: list[str], code: int) -> None:
    result = synthetic(_flag("misdated", "medium"), _flag("vague_attribution", "low"))
    monkeypatch.setattr(api, "run", lambda *args, **options: result)
    outcome = CliRunner().invoke(cli.main, ["check", str(tmp_path), *args])
    assert outcome.exit_code == code, outcome.output


def test_github_annotations_escape_hostile_text() -> None:
    result = synthetic(_flag("misdated", "high", "Bad date%\n::error::injected"))
    out = render_github(gate(result, parse_kinds(None), "low"))
    assert out.count("\n") == 1
    assert out.startswith("::error file=raw/a.txt,line=3,title=misdated (high)%3A misdated.synthetic::")
    assert "%25%0A::error::injected" in out


@pytest.fixture(scope="module")
def audited(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, AuditResult]:
    folder = tmp_path_factory.mktemp("captures")
    (folder / "budget.txt").write_text(CAPTURE, encoding="utf-8")
    return folder, run_audit(RunConfig((str(folder),), jobs=1))


def test_github_lines_point_at_the_claim(audited: tuple[Path, AuditResult]) -> None:
    _, result = audited
    check = gate(result, ("vague_attribution",), "low")
    assert check.findings, "the 'Reports indicate' sentence should be flagged"
    lines = CAPTURE.splitlines()
    errors = [line for line in render_github(check).splitlines() if line.startswith("::error ")]
    for annotation, finding in zip(errors, check.findings, strict=True):
        number = int(re.search(r",line=(\d+),", annotation).group(1))  # type: ignore[union-attr]
        assert finding.claim.text[:40] in lines[number - 1], (annotation, finding.claim.text)
        assert f"file={finding.source.path}," in annotation


def test_sarif_shape_and_stable_fingerprints(audited: tuple[Path, AuditResult]) -> None:
    folder, result = audited
    first = sarif_data(gate(result, parse_kinds(None), "low"))
    again = sarif_data(gate(run_audit(RunConfig((str(folder),), jobs=1)), parse_kinds(None), "low"))
    assert first == again
    assert first["version"] == "2.1.0" and first["$schema"].endswith("sarif-2.1.0.json")
    run = first["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert rules == sorted(rules) and len(set(rules)) == len(rules)
    assert run["results"]
    prints = set()
    for item in run["results"]:
        assert rules[item["ruleIndex"]] == item["ruleId"]
        assert item["level"] in {"error", "warning", "note"}
        location = item["locations"][0]["physicalLocation"]
        assert location["artifactLocation"]["uri"].endswith("budget.txt")
        assert location["region"]["startLine"] >= 1
        prints.add(item["partialFingerprints"][FINGERPRINT_KEY])
    assert len(prints) == len(run["results"])


def test_fingerprint_ignores_line_moves() -> None:
    result = synthetic(_flag("misdated", "medium"))
    moved = AuditResult(
        result.schema_version,
        result.tool,
        result.run,
        result.sources,
        tuple(replace(c, capture_line=40) for c in result.claims),
    )
    one = gate(result, parse_kinds(None), "low").findings[0]
    two = gate(moved, parse_kinds(None), "low").findings[0]
    assert one.line != two.line and one.fingerprint == two.fingerprint


def test_sarif_json_is_deterministic(audited: tuple[Path, AuditResult]) -> None:
    from audit.report.sarif import render_sarif

    _, result = audited
    text = render_sarif(gate(result, parse_kinds(None), "low"))
    assert json.loads(text)["runs"][0]["results"]
    assert text == render_sarif(gate(result, parse_kinds(None), "low"))
