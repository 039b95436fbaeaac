from __future__ import annotations

import json
import shutil
from pathlib import Path

from click.testing import CliRunner

from audit.cli import main
from tests.conftest import ROOT

EXAMPLES = ROOT / "tests" / "schema_examples"


def test_validate_exit_codes_and_messages(tmp_path: Path) -> None:
    runner = CliRunner()
    valid = EXAMPLES / "audit" / "valid" / "minimal.json"
    invalid = EXAMPLES / "audit" / "invalid" / "bad_severity.json"
    assert runner.invoke(main, ["validate", str(valid)]).exit_code == 0
    result = runner.invoke(main, ["validate", str(invalid)])
    assert result.exit_code == 1
    assert f"{invalid}: $.claims[0].flags[0].severity: 'critical' is not one of" in result.output
    assert runner.invoke(main, ["validate"]).exit_code == 2
    assert runner.invoke(main, ["validate", str(tmp_path / "missing.json")]).exit_code == 2


def test_validate_json_lines_of_claims(tmp_path: Path) -> None:
    claim = json.loads((EXAMPLES / "claim" / "valid" / "figure_claim.json").read_text())
    good = tmp_path / "claims.jsonl"
    good.write_text(json.dumps(claim) + "\n" + json.dumps(claim) + "\n")
    assert CliRunner().invoke(main, ["validate", str(good)]).exit_code == 0
    claim["type"] = "gossip"
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n" + json.dumps(claim) + "\nnot json\n")
    result = CliRunner().invoke(main, ["validate", "--format", "json", str(bad)])
    assert result.exit_code == 1
    problems = json.loads(result.output)["problems"]
    assert [p["path"] for p in problems] == ["line 2: $.type", "line 3: $"]


def test_validate_checks_spans_against_source_text(tmp_path: Path) -> None:
    data = json.loads((EXAMPLES / "audit" / "valid" / "minimal.json").read_text())
    data["claims"][0]["span"]["start"] = 1
    path = tmp_path / "audit.json"
    path.write_text(json.dumps(data))
    result = CliRunner().invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    assert "$.claims[0].span: does not slice the source text" in result.output
    shutil.rmtree(tmp_path)
