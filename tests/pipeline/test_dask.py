"""The Dask engine: the per-capture stage on a cluster gives the local pool's outputs, and its failures end as the
local pool's status rows. The cluster tests need ``distributed`` (``pip install 'audit[dask]'``, in the dev extra)."""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from audit.cli import main
from audit.pipeline.dask_engine import DaskPool
from tests.conftest import ROOT

NEEDS = "the Dask engine's tests need the distributed package: pip install 'audit[dask]'"


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    distributed = pytest.importorskip("distributed", reason=NEEDS)
    dask = pytest.importorskip("dask", reason=NEEDS)
    # a capture that keeps killing its workers gives up after two deaths here (four by default): a faster test;
    # a worker holds one task at a time, so a death is blamed on its own capture only
    settings = {"distributed.scheduler.allowed-failures": 1, "distributed.scheduler.worker-saturation": 1.0}
    with dask.config.set(settings):
        cluster = distributed.LocalCluster(
            n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
        )
    with cluster, distributed.Client(cluster, set_as_default=False) as connected:  # as the CLI connects
        yield connected


def _outputs(folder: Path) -> dict[str, bytes]:
    found = {}
    for path in sorted(folder.iterdir()):
        if path.is_file() and not path.name.startswith("."):
            data = path.read_bytes()
            if path.name == "audit.json":
                whole = json.loads(data)
                whole.pop("run")
                data = json.dumps(whole).encode()
            found[path.name] = data
    return found


def test_dask_engine_writes_what_the_local_pool_writes(
    client: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # relative inputs, as a user types them: workers get absolute paths
    runner = CliRunner()
    common = ["run", "raw", "tests/cases/edited_copy/captures", "--reference", "raw/reference"]
    local = runner.invoke(main, [*common, "--out", str(tmp_path / "local"), "--jobs", "2"])
    assert local.exit_code == 0, local.output
    address = client.scheduler.address
    on_dask = runner.invoke(
        main, [*common, "--out", str(tmp_path / "dask"), "--engine", "dask", "--scheduler", address]
    )
    assert on_dask.exit_code == 0, on_dask.output
    first, second = _outputs(tmp_path / "local"), _outputs(tmp_path / "dask")
    assert "audit.json" in first and "claims.parquet" in first
    assert first == second
    run = json.loads((tmp_path / "dask" / "audit.json").read_text("utf-8"))["run"]
    assert run["engine"] == "dask" and run["jobs"] == 2 and run["scheduler"] == address


def _task(item: tuple[int, str]) -> str:
    number, folder = item
    if number == 1:
        os._exit(7)  # kills its worker every time
    if number == 2:
        raise ValueError("broken capture")
    if number == 3:
        marker = Path(folder) / "died-once"
        if not marker.exists():
            marker.touch()
            os._exit(7)  # kills its worker the first time only
    if number == 4:
        time.sleep(60)
    return f"done:{number}"


def _on_timeout(item: tuple[int, str]) -> str:
    return f"timeout:{item[0]}"


def _on_error(item: tuple[int, str], trace: str) -> str:
    return f"error:{item[0]}:{trace.strip().splitlines()[-1]}"


def test_dead_workers_are_retried_and_a_capture_that_keeps_failing_is_a_status(
    client: Any, tmp_path: Path
) -> None:
    pool: DaskPool[tuple[int, str], str] = DaskPool(_task, client, timeout=30.0)
    results = pool.map([(n, str(tmp_path)) for n in range(4)], _on_timeout, _on_error)
    assert results[0] == "done:0"
    assert results[1] == "error:1:workers died running it 2 times"
    assert results[2] == "error:2:ValueError: broken capture"
    assert results[3] == "done:3"  # its worker died, the scheduler ran it again on a fresh one
    assert (tmp_path / "died-once").exists()


def test_a_capture_past_its_time_limit_is_a_timeout_and_its_worker_is_restarted(client: Any) -> None:
    pool: DaskPool[tuple[int, str], str] = DaskPool(_task, client, timeout=1.0)
    started = time.monotonic()
    assert pool.map([(4, ""), (0, "")], _on_timeout, _on_error) == ["timeout:4", "done:0"]
    assert time.monotonic() - started < 45
    client.wait_for_workers(2, timeout=60)  # the stuck worker was replaced
    assert pool.map([(0, ""), (5, "")], _on_timeout, _on_error) == ["done:0", "done:5"]


def test_engine_options_are_checked_and_a_missing_package_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    runner = CliRunner()
    out = str(tmp_path / "out")
    alone = runner.invoke(main, ["run", str(ROOT / "raw"), "--out", out, "--engine", "dask"])
    assert alone.exit_code == 2 and "--scheduler" in alone.output
    stray = runner.invoke(main, ["run", str(ROOT / "raw"), "--out", out, "--scheduler", "tcp://x:1"])
    assert stray.exit_code == 2 and "--engine dask" in stray.output
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    missing = runner.invoke(
        main, ["run", str(ROOT / "raw"), "--out", out, "--engine", "dask", "--scheduler", "tcp://x:1"]
    )
    assert missing.exit_code == 2
    assert "pip install 'audit[dask]'" in missing.output
