"""Shared fixtures: one end-to-end audit of the sample corpus per test session."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from audit.contract.validate import validate_files
from audit.ingest.discover import OUTPUT_MARKER
from audit.model import AuditResult
from audit.pipeline.config import RunConfig
from audit.pipeline.run import run_audit
from audit.report.write import write_outputs

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "raw"
REFERENCE = RAW / "reference"


def seed_config() -> RunConfig:
    """The README's main command, ``audit run raw/ --reference raw/reference``, run from the project root."""
    return RunConfig(("raw/",), jobs=2, reference="raw/reference")


def run_seed_audit() -> AuditResult:
    """Run the README's main command from the project root, so source paths read ``raw/…`` as in reports/seeds."""
    previous = Path.cwd()
    os.chdir(ROOT)
    try:
        return run_audit(seed_config())
    finally:
        os.chdir(previous)


@pytest.fixture(autouse=True)
def _every_written_audit_is_valid(request: pytest.FixtureRequest) -> Iterator[None]:
    """`audit validate` on every audit.json a test made the tool write into its temporary folder."""
    if "tmp_path" not in request.fixturenames:
        yield
        return
    folder: Path = request.getfixturevalue("tmp_path")  # set up inside this fixture, so torn down after it
    yield
    written = [path for path in folder.rglob("audit.json") if (path.parent / OUTPUT_MARKER).exists()]
    report = validate_files(written)
    assert report.valid, [str(problem) for problem in report.problems[:5]]


@pytest.fixture(scope="session")
def seed_audit(tmp_path_factory: pytest.TempPathFactory) -> tuple[AuditResult, Path]:
    """The audit of raw/ (with the sample ledger when present), written to a temporary folder."""
    out = tmp_path_factory.mktemp("seeds")
    result = run_seed_audit()
    write_outputs(result, out)
    report = validate_files([out / "audit.json"])
    assert report.valid, [str(problem) for problem in report.problems[:5]]
    return result, out
