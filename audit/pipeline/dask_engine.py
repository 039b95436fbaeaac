"""The per-capture stage on a Dask cluster: ``audit run --engine dask --scheduler ADDRESS``, ``audit.run(client=…)``.

The same task function the local pool runs (``audit.pipeline.run``) is submitted, one future per capture, to the
cluster a ``distributed.Client`` is connected to; the corpus stage stays on the client. Results are put back in
capture order, so the audit is byte-identical (outside ``run``) to the local pool's.

Failures end as the local pool's ``status`` rows:

- a worker that dies mid-capture (out of memory, a segfault) is noticed by the scheduler, which runs the capture
  again on another worker, up to ``distributed.scheduler.allowed-failures`` times (3 by default); a capture that
  keeps killing its workers then ends as an ``error`` row;
- a stage that raises is tried ``retries`` more times (a flaky network file system gets a second chance), then
  ends as an ``error`` row with the exception, as in the local pool;
- a capture past its time limit ends as a ``timeout`` row. A thread cannot be stopped from outside, so the worker
  runs each capture in a thread of its own and gives up waiting at the deadline; the client then restarts that
  worker (through its nanny) so the stuck thread does not keep its core.

``distributed`` is an optional dependency (``pip install 'audit[dask]'``): it is imported only here, only when the
engine is used.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import ModuleType, TracebackType
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

INSTALL = "pip install 'audit[dask]'"
DEFAULT_RETRIES = 1  # extra tries of a capture whose stage raised
_CONNECT_SECONDS = 30


class EngineError(RuntimeError):
    """The Dask engine cannot run: ``distributed`` is not installed, or the scheduler cannot be reached."""


def distributed_module() -> ModuleType:
    """The ``distributed`` package, or an ``EngineError`` that says how to install it."""
    try:
        import distributed
    except ImportError as error:
        raise EngineError(
            f"the Dask engine needs the distributed package, which is not installed: {INSTALL}"
        ) from error
    return distributed


def connect(address: str) -> Any:
    """A ``distributed.Client`` connected to the scheduler at ``address`` (``tcp://host:8786``)."""
    distributed = distributed_module()
    try:
        return distributed.Client(address, timeout=_CONNECT_SECONDS, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise EngineError(f"cannot reach the Dask scheduler at {address}: {error}") from error


def cluster_threads(client: Any) -> int:
    """How many captures the cluster runs at once (its workers' threads)."""
    return int(sum(client.nthreads().values()))


@dataclass(frozen=True, slots=True)
class _Overran:
    """What a worker returns for a capture past its time limit: the client reports it and restarts the worker."""

    worker: str


def _within_deadline(fn: Callable[[T], R], task: T, timeout: float | None) -> R | _Overran:
    """On a worker: ``fn(task)`` in a thread of its own, given up at ``timeout`` seconds."""
    if timeout is None:
        return fn(task)
    box: dict[str, Any] = {}

    def work() -> None:
        try:
            box["value"] = fn(task)
        except BaseException as error:  # raised again in the worker's thread, where Dask sees it
            box["error"] = error

    thread = threading.Thread(target=work, name="audit-capture", daemon=True)
    thread.start()
    thread.join(timeout)
    if thread.is_alive():
        return _Overran(distributed_module().get_worker().address)
    if "error" in box:
        raise box["error"]
    return box["value"]  # type: ignore[no-any-return]


def _trace(error: BaseException, tb: TracebackType | None) -> str:
    """The error as the local pool reports it: a traceback whose last line names the problem."""
    killed = distributed_module().KilledWorker
    if isinstance(error, killed):
        return f"workers died running it {error.allowed_failures + 1} times"
    return "".join(traceback.format_exception(type(error), error, tb, limit=8))


class DaskPool(Generic[T, R]):
    """``audit.pipeline.workers.Pool``'s ``map`` on the cluster of a ``distributed.Client``."""

    def __init__(
        self, fn: Callable[[T], R], client: Any, timeout: float | None, retries: int = DEFAULT_RETRIES
    ) -> None:
        self.fn = fn
        self.client = client
        self.timeout = timeout
        self.retries = retries

    def map(
        self,
        tasks: Sequence[T],
        on_timeout: Callable[[T], R],
        on_error: Callable[[T, str], R],
        progress: Callable[[], None] = lambda: None,
    ) -> list[R]:
        distributed = distributed_module()
        futures = {
            self.client.submit(
                _within_deadline, self.fn, task, self.timeout, pure=False, retries=self.retries
            ): index
            for index, task in enumerate(tasks)
        }
        results: dict[int, R] = {}
        try:
            for future in distributed.as_completed(list(futures), loop=self.client.loop):
                index = futures[future]
                results[index] = self._outcome(future, tasks[index], on_timeout, on_error)
                future.release()  # the cluster may forget it: the client holds the result
                progress()
        finally:
            unfinished = [future for future, index in futures.items() if index not in results]
            if unfinished:  # an interrupted run leaves nothing running on the cluster
                self.client.cancel(unfinished)
        return [results[index] for index in range(len(tasks))]

    def _outcome(
        self, future: Any, task: T, on_timeout: Callable[[T], R], on_error: Callable[[T, str], R]
    ) -> R:
        if future.status == "cancelled":
            return on_error(task, "cancelled on the Dask cluster")
        if future.status == "error":
            return on_error(task, _trace(future.exception(), future.traceback()))
        value = future.result()
        if isinstance(value, _Overran):
            self.client.restart_workers([value.worker], raise_for_error=False)
            return on_timeout(task)
        return value  # type: ignore[no-any-return]
