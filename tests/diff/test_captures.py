"""``audit diff OLD NEW`` on a seed and an edited copy of it: the changed figure is a silent edit, the copy is
still one origin, and the JSON is valid against schemas/diff.schema.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

import audit.api
from audit import cli
from audit.contract.schemas import validator
from tests.conftest import RAW

SEED = RAW / "004_320301acf8a13b0e.txt"


@pytest.fixture(scope="module")
def edited_seed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("edited")
    text = SEED.read_text(encoding="utf-8")
    assert "$62 billion in 2024" in text
    (folder / "edited.txt").write_text(
        text.replace("$62 billion in 2024", "$68 billion in 2024"), encoding="utf-8"
    )
    return folder / "edited.txt"


def test_diff_json_reports_the_silent_edit(edited_seed: Path) -> None:
    outcome = CliRunner().invoke(cli.main, ["diff", str(SEED), str(edited_seed), "--format", "json"])
    assert outcome.exit_code == 1, outcome.output  # a silent edit was found
    data = json.loads(outcome.stdout)
    assert list(validator("diff").iter_errors(data)) == []
    assert data["same_origin"] is True  # still grouped as one origin; the edit is reported
    assert data["summary"]["edited"] == 1 and data["summary"]["silent_edits"] == 1
    [sentence] = data["sentences"]
    assert sentence["edits"] == [{"field": "figure", "old": ["$62 billion"], "new": ["$68 billion"]}]
    [flag] = data["flags"]
    assert flag["flag"]["rule"] == "silent_edit.figure" and flag["claim_id"]


def test_markdown_and_html_reports(edited_seed: Path, tmp_path: Path) -> None:
    outcome = CliRunner().invoke(cli.main, ["diff", str(SEED), str(edited_seed)])
    assert "figure: $62 billion → $68 billion" in outcome.stdout
    page = tmp_path / "diff.html"
    outcome = CliRunner().invoke(
        cli.main, ["diff", str(SEED), str(edited_seed), "--format", "html", "--output", str(page)]
    )
    assert outcome.exit_code == 1
    html = page.read_text(encoding="utf-8")
    assert "Content-Security-Policy" in html and "<script" not in html
    assert "silent_edit.figure" in html


def test_identical_captures_have_no_change() -> None:
    found = audit.api.diff_captures(SEED, SEED)
    assert found.diff.flags == () and found.same_origin is True
    assert found.diff.count("unchanged") == len(found.diff.sentences)
    outcome = CliRunner().invoke(cli.main, ["diff", str(SEED), str(SEED)])
    assert outcome.exit_code == 0


def test_misuse_exits_2(tmp_path: Path) -> None:
    assert CliRunner().invoke(cli.main, ["diff", str(SEED)]).exit_code == 2
    assert CliRunner().invoke(cli.main, ["diff", str(SEED), str(tmp_path / "missing.txt")]).exit_code == 2
