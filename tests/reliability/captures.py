"""Captures and helpers shared by the reliability matrix (docs/reliability.md lists every case)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from audit.model import AuditResult
from audit.pipeline.config import Options, RunConfig
from audit.pipeline.run import run_audit
from tests.conftest import ROOT

ARTICLE = (
    "Rail strike ends\n\nBy Maria Lopez\n\n"
    "The national rail strike ended on Tuesday after unions accepted a 6% pay rise, the transport ministry said "
    "in a statement. About 40,000 workers had walked out for five days, cancelling 12,000 trains.\n\n"
    "Reports indicate that the deal was brokered by the prime minister's office late on Monday night.\n"
)


def capture_folder(folder: Path, names: tuple[str, ...] = ("strike.txt",)) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        (folder / name).write_text(ARTICLE, encoding="utf-8")
    return folder


def audit(
    *inputs: Path, cache: Path | None = None, timeout: float = 30.0, max_bytes: int = 5_000_000
) -> tuple[AuditResult, list[str]]:
    messages: list[str] = []
    config = RunConfig(
        tuple(str(item) for item in inputs),
        jobs=1,
        options=Options(max_bytes=max_bytes, timeout=timeout),
        cache=str(cache) if cache else None,
    )
    return run_audit(config, report=messages.append), messages


def cli(*args: str, cwd: Path = ROOT, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    """``audit ARGS`` in a fresh interpreter, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "audit", *args], cwd=cwd, capture_output=True, text=True, timeout=timeout
    )
