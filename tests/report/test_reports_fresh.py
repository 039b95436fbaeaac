"""reports/seeds/ is the committed output of the README's main command; it must not go stale."""

from __future__ import annotations

import json
from pathlib import Path

from audit.model import AuditResult
from audit.report.renderers import RENDERERS
from tests.conftest import ROOT

REPORTS = ROOT / "reports" / "seeds"
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_main_command_writes_reports_seeds() -> None:
    assert "audit run raw/ --reference raw/reference --out reports/seeds" in README


def test_committed_reports_are_current(seed_audit: tuple[AuditResult, Path]) -> None:
    _, out = seed_audit
    hint = "reports/seeds is stale: rerun `audit run raw/ --reference raw/reference --out reports/seeds` and commit"
    committed = json.loads((REPORTS / "audit.json").read_text(encoding="utf-8"))
    fresh = json.loads((out / "audit.json").read_text(encoding="utf-8"))
    committed.pop("run")
    fresh.pop("run")
    assert committed == fresh, hint
    for name in RENDERERS:
        if name != "audit.json":
            assert (REPORTS / name).read_text(encoding="utf-8") == (out / name).read_text(encoding="utf-8"), (
                hint
            )
