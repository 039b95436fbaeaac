"""The Python API mirrors the command line: the README's example runs, and it gives what the CLI gives."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import audit
from audit.report.check import CheckUsageError
from tests.conftest import ROOT


def test_readme_python_example_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(.*?)```", readme, re.S)
    assert match, "README.md has no ```python example"
    monkeypatch.chdir(ROOT)
    code = match.group(1).replace('"reports/mine"', repr(str(tmp_path / "mine")))
    exec(compile(code, "README.md", "exec"), {})
    assert json.loads((tmp_path / "mine" / "audit.json").read_text(encoding="utf-8"))["claims"]


@pytest.fixture(scope="module")
def api_audit() -> tuple[audit.AuditResult, list[str]]:
    """``audit.run(["raw/"])`` from the project root, with the messages it reports."""
    messages: list[str] = []
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        return audit.run(["raw/"], jobs=1, report=messages.append), messages
    finally:
        os.chdir(previous)


def test_run_finds_the_ledger_and_matches_the_cli_audit(
    api_audit: tuple[audit.AuditResult, list[str]], seed_audit: tuple[audit.AuditResult, Path]
) -> None:
    result, messages = api_audit
    cli_result, _ = seed_audit
    assert any("raw/reference" in m for m in messages)  # found beside the inputs, as the CLI does
    assert [c.claim_id for c in result.claims] == [c.claim_id for c in cli_result.claims]
    assert [(c.claim_id, f.rule) for c, f in result.flags()] == [
        (c.claim_id, f.rule) for c, f in cli_result.flags()
    ]


def test_no_reference_turns_the_ledger_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    without = audit.run(
        ["raw/002_f83c12297b1fc013.txt", "raw/004_320301acf8a13b0e.txt"], jobs=1, no_reference=True
    )
    ledger_rules = {"misdated.ledger_event", "misdated.office_term", "misdated.former_title"}
    assert without.claims and not any(f.rule in ledger_rules for _, f in without.flags())


def test_check_gate(api_audit: tuple[audit.AuditResult, list[str]]) -> None:
    result, _ = api_audit
    outcome = audit.check(result, fail_on="misdated", min_severity="high")
    assert outcome.exit_code == (1 if outcome.findings else 0)
    assert all(f.flag.kind == "misdated" and f.flag.severity == "high" for f in outcome.findings)
    with pytest.raises(CheckUsageError):
        audit.check(result, fail_on="nonsense")


def test_claims_of_one_text() -> None:
    claims = audit.claims(
        "Reports indicate the new plant cost $62 billion. On Tuesday, 4 March 2024, the council met.",
        published="2025-03-05",
    )
    rules = {flag.rule for claim in claims for flag in claim.flags}
    assert "vague_attribution.unnamed_reports" in rules
    assert "misdated.weekday" in rules  # 4 March 2024 was a Monday


def test_api_is_listed() -> None:
    assert {"run", "check", "claims", "AuditResult"} <= set(audit.__all__)
    with pytest.raises(AttributeError):
        _ = audit.nothing_here  # type: ignore[attr-defined]
