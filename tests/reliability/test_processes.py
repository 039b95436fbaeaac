"""Reliability, processes (docs/reliability.md, "Interruptions"): workers end with the run, however it ends, and
a killed run resumes from the captures it finished."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import RAW, ROOT
from tests.reliability.captures import cli

pytestmark = pytest.mark.skipif(
    not Path("/proc/self/stat").exists(), reason="reads /proc to find the workers"
)


def _children(pid: int) -> set[int]:
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            found.add(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _corpus(folder: Path, copies: int = 4) -> Path:
    folder.mkdir()
    for seed in sorted(RAW.glob("*.txt")):
        for copy in range(copies):
            text = seed.read_text(encoding="utf-8") + f"\nCopy {copy} of the capture.\n"
            (folder / f"{seed.stem}_{copy:02d}.txt").write_text(text, encoding="utf-8")
    return folder


def _start(captures: Path, out: Path, cache: Path) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "audit", "run", str(captures), "--out", str(out), "--cache", str(cache)]
    return subprocess.Popen(
        [*command, "--jobs", "2", "--no-progress"], cwd=ROOT, stderr=subprocess.PIPE, text=True
    )


def _entries(cache: Path) -> list[Path]:
    return [p for p in cache.rglob("*.json") if not p.name.startswith(".")] if cache.exists() else []


def _wait_for_work(process: subprocess.Popen[str], cache: Path) -> set[int]:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not _entries(cache):
        assert process.poll() is None, "the run ended before it could be interrupted"
        time.sleep(0.2)
    assert _entries(cache), "no capture was cached while the run went on"
    workers = _children(process.pid)
    assert workers, "no worker processes found"
    return workers


@pytest.mark.timeout(300)
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["SIGTERM", "kill -9"])
def test_workers_end_with_the_run_and_a_rerun_resumes(tmp_path: Path, how: signal.Signals) -> None:
    captures, out, cache = _corpus(tmp_path / "in"), tmp_path / "out", tmp_path / "cache"
    process = _start(captures, out, cache)
    workers = _wait_for_work(process, cache)
    process.send_signal(how)
    _, stderr = process.communicate(timeout=60)
    if how == signal.SIGTERM:
        assert process.returncode == 2 and "audit: interrupted" in stderr, stderr
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(_alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if _alive(pid)], "worker processes outlived the run"
    assert not (out / "audit.json").exists()
    done = len(_entries(cache))
    rerun = cli("run", str(captures), "--out", str(out), "--cache", str(cache), "--jobs", "2", timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert json.loads((out / "audit.json").read_text())["run"]["cached"] >= done > 0
