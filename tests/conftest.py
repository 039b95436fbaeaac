"""Shared fixtures: one end-to-end audit of the sample corpus per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.model import AuditResult
from audit.output import write_outputs
from audit.pipeline import RunConfig, run_audit

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
REFERENCE = RAW / "reference"


def seed_config(*extra: str) -> RunConfig:
    reference = str(REFERENCE) if REFERENCE.is_dir() else None
    return RunConfig((str(RAW), *extra), jobs=2, reference=reference)


@pytest.fixture(scope="session")
def seed_audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditResult, Path]:
    """The audit of raw/ (with the sample ledger when present), written to a temporary folder."""
    out = tmp_path_factory.mktemp("seeds")
    result = run_audit(seed_config())
    write_outputs(result, out)
    return result, out
