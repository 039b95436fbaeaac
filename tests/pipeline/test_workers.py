from __future__ import annotations

import importlib
import os
import shutil
import sys
import time
from pathlib import Path

import pytest

from audit.pipeline.workers import Pool, WorkerStartError


def _task(x: int) -> int:
    if x == 2:
        time.sleep(60)
    if x == 3:
        os._exit(7)
    if x == 4:
        raise ValueError("broken capture")
    return x * 10


def test_pool_kills_stuck_tasks_and_survives_crashes() -> None:
    pool: Pool[int, object] = Pool(
        _task, jobs=2, timeout=5.0
    )  # generous: a loaded machine must not time out the quick tasks
    results = pool.map(
        list(range(6)), lambda t: f"timeout:{t}", lambda t, e: f"error:{t}:{e.strip().splitlines()[-1]}"
    )
    assert results[0] == 0 and results[1] == 10 and results[5] == 50
    assert results[2] == "timeout:2"
    assert results[3] == "error:3:worker exited with code 7"
    assert results[4] == "error:4:ValueError: broken capture"


def test_workers_that_cannot_start_raise_instead_of_looping(tmp_path: Path) -> None:
    # The task function's module is deleted after the parent imported it: every spawned worker dies while
    # unpickling its arguments, before it is ready. The pool must give up loudly, not restart workers forever.
    (tmp_path / "vanishing_task_module.py").write_text("def task(x):\n    return x\n")
    sys.path.insert(0, str(tmp_path))
    try:
        module = importlib.import_module("vanishing_task_module")
        shutil.rmtree(tmp_path)
        pool: Pool[int, object] = Pool(module.task, jobs=1, timeout=5.0)
        with pytest.raises(WorkerStartError, match="exit before they are ready"):
            pool.map([1, 2], lambda t: "timeout", lambda t, e: "error")
    finally:
        sys.path.remove(str(tmp_path))
        sys.modules.pop("vanishing_task_module", None)
