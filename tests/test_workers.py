from __future__ import annotations

import os
import time

from audit.workers import Pool


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
