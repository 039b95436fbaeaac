"""A small process pool whose tasks have a wall-clock limit enforced by killing the worker.

``concurrent.futures`` cannot stop one stuck task: a pathological capture (a regex catastrophe deep in a parser,
a decompression bomb that slipped through) would hang the whole run. Here each worker has its own inbox and its
own pipe back (a worker killed while writing to a queue all workers share can leave it locked or torn, and the
run would wait forever for messages that are lost; a torn pipe is only that worker's, and is closed with it), the
parent knows which task each worker holds and since when, and a worker past its deadline is killed and replaced;
its task is reported through ``on_timeout``. A worker that dies (segfault, out of memory) is reported through
``on_error``. Results come back in task order whatever order they finish in. A ``warm`` function runs in each
worker before it takes its first task (loading the parsing model), so start-up is not counted against a task. Workers that keep dying before
they are ready (the task function cannot be imported in a fresh interpreter, say) raise ``WorkerStartError``
after ``_MAX_START_FAILURES`` attempts instead of being restarted forever.
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import pickle
import signal
import sys
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any, Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")

_POLL_SECONDS = 0.1
_MAX_START_FAILURES = 3
_PR_SET_PDEATHSIG = 1  # linux/prctl.h


class WorkerStartError(RuntimeError):
    """Worker processes exit before they can take a task: nothing can run."""


def _die_with_parent() -> None:
    """End this worker when the run that started it ends, even by ``kill -9``: on Linux the kernel sends SIGKILL
    (``PR_SET_PDEATHSIG``, which works even while a task holds the interpreter); everywhere a thread watches for
    the parent's exit (a worker's parent changes when the parent dies)."""
    parent = os.getppid()
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
        if os.getppid() != parent:  # the parent died before the request took effect
            os._exit(1)

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(_POLL_SECONDS * 5)
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


def _worker_main(
    fn: Callable[[Any], Any],
    worker_id: int,
    inbox: Any,
    outbox: Connection,
    warm: Callable[[], None] | None,
) -> None:
    _die_with_parent()
    signal.signal(
        signal.SIGINT, signal.SIG_IGN
    )  # Ctrl-C reaches the whole group: the parent ends the workers
    if warm is not None:
        warm()  # load what every task needs (the parsing model) before any deadline starts counting
    outbox.send(("ready", worker_id, None, None))  # imports are done: deadlines may start counting
    while True:
        item = inbox.get()
        if item is None:
            return
        index, task = item
        try:
            outbox.send(("done", index, True, fn(task)))
        except Exception:  # a bug in a stage must not kill the run: report it for this capture only
            outbox.send(("done", index, False, traceback.format_exc(limit=8)))


@dataclass
class _Worker:
    worker_id: int
    process: BaseProcess
    inbox: Any
    outbox: Connection  # the parent's end of this worker's own pipe
    ready: bool = False
    ended: bool = False  # its pipe reached its end: the worker is gone and all it sent has been read
    task: int | None = None
    started: float = 0.0


class Pool(Generic[T, R]):
    def __init__(
        self, fn: Callable[[T], R], jobs: int, timeout: float | None, warm: Callable[[], None] | None = None
    ) -> None:
        self.fn = fn
        self.warm = warm
        self.jobs = max(1, jobs)
        self.timeout = timeout
        self.context = mp.get_context("spawn")
        self._started = 0
        self._start_failures = 0

    def _start(self) -> _Worker:
        self._started += 1
        inbox = self.context.Queue()
        reader, writer = self.context.Pipe(duplex=False)
        process = self.context.Process(
            target=_worker_main, args=(self.fn, self._started, inbox, writer, self.warm), daemon=True
        )
        process.start()
        writer.close()  # the worker holds the only writing end: its death reads as the end of the pipe
        return _Worker(self._started, process, inbox, reader)

    def map(
        self,
        tasks: Sequence[T],
        on_timeout: Callable[[T], R],
        on_error: Callable[[T, str], R],
        progress: Callable[[], None] = lambda: None,
    ) -> list[R]:
        results: dict[int, R] = {}
        pending = list(range(len(tasks)))
        pending.reverse()
        workers: list[_Worker] = []
        finished = False
        try:
            workers += [self._start() for _ in range(min(self.jobs, len(tasks)))]
            while len(results) < len(tasks):
                for worker in workers:
                    if worker.ready and worker.task is None and pending:
                        worker.task = pending.pop()
                        worker.started = time.monotonic()
                        worker.inbox.put((worker.task, tasks[worker.task]))
                by_pipe = {id(worker.outbox): worker for worker in workers if not worker.ended}
                for outbox in wait([worker.outbox for worker in by_pipe.values()], timeout=_POLL_SECONDS):
                    self._read(by_pipe[id(outbox)], workers, results, tasks, on_error, progress)
                for worker in workers:
                    if worker.task is not None and worker.task in results:
                        worker.task = None
                now = time.monotonic()
                for position, worker in enumerate(workers):
                    if worker.task is None:
                        if not worker.process.is_alive() and pending:
                            self._check_start(worker)
                            workers[position] = self._replace(worker)
                        continue
                    expired = self.timeout is not None and now - worker.started > self.timeout
                    died = not worker.process.is_alive()
                    if not (expired or died):
                        continue
                    if died:
                        self._read(worker, workers, results, tasks, on_error, progress)
                        if worker.task in results:  # it finished, then died: its result was still unread
                            workers[position] = self._replace(worker)
                            continue
                    index = worker.task
                    worker.process.kill()
                    worker.process.join()
                    if expired:
                        results[index] = on_timeout(tasks[index])
                    else:
                        results[index] = on_error(
                            tasks[index], f"worker exited with code {worker.process.exitcode}"
                        )
                    progress()
                    workers[position] = self._replace(worker)
            finished = True
        finally:
            self._stop(workers, gently=finished)
        return [results[index] for index in range(len(tasks))]

    def _stop(self, workers: list[_Worker], gently: bool) -> None:
        """End the workers: ask them to exit when the work is done; kill them at once on an interruption."""
        if gently:
            for worker in workers:
                if worker.process.is_alive():
                    worker.inbox.put(None)
        for worker in workers:
            if gently:
                worker.process.join(timeout=5)
            if worker.process.is_alive():
                worker.process.kill()
                worker.process.join()
            worker.outbox.close()

    def _replace(self, worker: _Worker) -> _Worker:
        """A fresh worker in place of a dead or killed one, whose pipe is closed."""
        worker.outbox.close()
        return self._start()

    def _check_start(self, worker: _Worker) -> None:
        """Count a worker that died before it was ready; give up after ``_MAX_START_FAILURES``."""
        if worker.ready:
            return
        self._start_failures += 1
        if self._start_failures >= _MAX_START_FAILURES:
            raise WorkerStartError(
                f"worker processes exit before they are ready (exit code {worker.process.exitcode}, "
                f"{self._start_failures} attempts); the worker's own error is printed above on stderr"
            )

    def _read(
        self,
        worker: _Worker,
        workers: list[_Worker],
        results: dict[int, R],
        tasks: Sequence[T],
        on_error: Callable[[T, str], R],
        progress: Callable[[], None],
    ) -> None:
        """Every message waiting in one worker's pipe. A dead worker's pipe ends (or ends mid-message, when it was
        killed while writing): what it sent before is kept, and the damage stays in its own pipe."""
        try:
            while worker.outbox.poll():
                self._receive(worker.outbox.recv(), workers, results, tasks, on_error, progress)
        except (EOFError, OSError, pickle.UnpicklingError):
            worker.ended = True

    def _receive(
        self,
        message: tuple[str, int, bool | None, Any],
        workers: list[_Worker],
        results: dict[int, R],
        tasks: Sequence[T],
        on_error: Callable[[T, str], R],
        progress: Callable[[], None],
    ) -> None:
        kind, number, ok, value = message
        if kind == "ready":
            for worker in workers:
                if worker.worker_id == number:
                    worker.ready = True
            return
        if number in results:  # already reported as timed out
            return
        results[number] = value if ok else on_error(tasks[number], value)
        progress()
