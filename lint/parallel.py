"""Checking many files across processes, results in the order of the files, bounded memory."""

from __future__ import annotations

import collections
import gc
import os
import signal
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from lint.diagnostics import Diagnostic, Severity
from lint.engine import INTERNAL_ERROR, FileReport, Plan, check_path

if TYPE_CHECKING:  # the pool machinery is imported only when a run starts workers
    from concurrent.futures import Future, ProcessPoolExecutor

#: Unless ``--jobs`` says otherwise, fewer files to check than this are checked in this
#: process: on two cores, workers did not pay for themselves below it (benchmarks/jobs.py).
PARALLEL_MIN_FILES = 256
#: Files are sent to workers in chunks of up to this many, to keep the traffic low.
CHUNK_FILES = 16
_PLAN: Plan | None = None
#: Signals that end a run (besides Ctrl-C's SIGINT): the main process stops its workers.
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name)
)
#: How long an ended pool's manager thread is given to notice that its workers are gone.
MANAGER_EXIT_SECONDS = 1.0
#: prctl's option to be sent a signal when the parent process dies (linux/prctl.h).
PR_SET_PDEATHSIG = 1


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def tune_garbage_collector() -> None:
    """Parsing allocates many short-lived, acyclic objects that reference counting frees; a
    rarer cycle collector saves a few percent, and frozen start-up objects are never scanned."""
    gc.freeze()
    gc.set_threshold(50_000, 20, 20)


def _start_worker(plan: Plan, parent: int) -> None:
    global _PLAN
    _PLAN = plan
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for stop in STOP_SIGNALS:  # not the parent's handlers: the default, to end at once
        signal.signal(stop, signal.SIG_DFL)
    _die_with_the_parent(parent)
    tune_garbage_collector()


def _die_with_the_parent(parent: int) -> None:
    """On Linux, ask the kernel to end this worker when the process that started it dies,
    however it dies (kill -9 included), so no worker outlives a run holding its pipe. A
    parent that died before the request was made (a loaded machine, a worker slow to start)
    sends no signal: the worker then ends here, since nobody is left to give it work."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:
        os._exit(1)


def _check_in_worker(chunk: list[tuple[str, Path]]) -> list[FileReport]:
    assert _PLAN is not None
    return [check_path(display, path, _PLAN) for display, path in chunk]


def _worker_failed(display: str, error: BaseException) -> FileReport:
    message = f"the worker process checking this file failed: {type(error).__name__}: {error}"
    diagnostic = Diagnostic(display, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
    return FileReport(display, [diagnostic], crashed=True)


def _chunks(items: Iterable[tuple[str, Path]], size: int) -> Iterator[list[tuple[str, Path]]]:
    chunk: list[tuple[str, Path]] = []
    for item in items:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _ready(report: FileReport) -> Callable[[], FileReport]:
    def value() -> FileReport:
        return report

    return value


class Checker:
    """Checks files in this process or in ``jobs`` worker processes (started on first need)."""

    def __init__(self, plan: Plan, jobs: int, min_files: int = PARALLEL_MIN_FILES) -> None:
        self._plan = plan
        self._jobs = jobs
        self._min_files = min_files
        self._pool: ProcessPoolExecutor | None = None
        #: How many processes checked files: 1 until workers start.
        self.processes = 1

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._start_shared_server()
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            self._pool = ProcessPoolExecutor(
                self._jobs,
                mp_context=context,
                initializer=_start_worker,
                initargs=(self._plan, os.getpid()),
            )
        return self._pool

    def check(
        self, items: Iterable[tuple[str, Path]], count: int
    ) -> Iterator[Callable[[], FileReport]]:
        """A callable per item, in order, that returns its report (waiting for it if needed).

        At most ``jobs * 4`` chunks are in flight, so memory does not grow with the run.
        """
        if self._jobs <= 1 or count < self._min_files:
            tune_garbage_collector()
            for display, path in items:
                yield _ready(check_path(display, path, self._plan))
            return
        executor = self._executor()
        self.processes = self._jobs
        size = max(1, min(CHUNK_FILES, count // (self._jobs * 8)))
        window: collections.deque[tuple[list[tuple[str, Path]], Future[list[FileReport]]]] = (
            collections.deque()
        )
        limit = self._jobs * 4
        for chunk in _chunks(items, size):
            window.append((chunk, self._submit(executor, chunk)))
            if len(window) >= limit:
                yield from self._results(*window.popleft())
            executor = self._executor()  # a fresh one if a dead worker broke the last
        while window:
            yield from self._results(*window.popleft())

    def _submit(
        self, executor: ProcessPoolExecutor, chunk: list[tuple[str, Path]]
    ) -> Future[list[FileReport]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            return executor.submit(_check_in_worker, chunk)
        except BrokenProcessPool:
            self._discard_pool()
            return self._executor().submit(_check_in_worker, chunk)

    def _start_shared_server(self) -> None:
        """A local LanguageTool server is started here, before the workers fork, so that they
        all use this one server instead of starting one each."""
        prose = self._plan.prose
        if prose is None or prose.engine != "languagetool" or prose.languagetool.server:
            return
        if self._plan.uses_prose(self._plan.config.root / "document.md", self._plan.config):
            from lint.prose.engines import engine_for

            engine_for(prose)

    def _results(
        self, chunk: list[tuple[str, Path]], future: Future[list[FileReport]]
    ) -> Iterator[Callable[[], FileReport]]:
        from concurrent.futures.process import BrokenProcessPool

        try:
            reports = future.result()
        except Exception as error:  # noqa: BLE001 - a worker died (OOM killer?) or the pool broke
            if isinstance(error, BrokenProcessPool):
                self._discard_pool()  # every worker of a broken pool is gone: start afresh
            reports = self._retry(chunk)
        for report in reports:
            yield _ready(report)

    def _retry(self, chunk: list[tuple[str, Path]]) -> list[FileReport]:
        """The files of a chunk whose worker died, each checked once more in a fresh worker:
        the one that kills its worker again is that file's internal error, alone."""
        from concurrent.futures.process import BrokenProcessPool

        reports = []
        for item in chunk:
            try:
                reports.extend(self._executor().submit(_check_in_worker, [item]).result())
            except BrokenProcessPool as error:
                self._discard_pool()
                reports.append(_worker_failed(item[0], error))
            except Exception as error:  # noqa: BLE001 - this file's internal error
                reports.append(_worker_failed(item[0], error))
        return reports

    def _discard_pool(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            _end_without_waiting(pool)

    def close(self, cancel: bool = False) -> None:
        """Wait for the workers to finish, or with ``cancel`` end them now."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        if not cancel:
            pool.shutdown(wait=True)
            return
        # The pool keeps its processes in a private mapping; ending them is what makes an
        # interrupted run stop at once rather than after each worker's chunk.
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        _end_without_waiting(pool)


def _end_without_waiting(pool: ProcessPoolExecutor) -> None:
    """Shut a pool down without waiting for its work, then briefly for its manager thread
    to end (it does at once, its workers being gone or broken). Python 3.11's exit hook
    wakes that thread without the lock the thread closes its wakeup pipe under, so an exit
    while the thread still runs can print "OSError: Bad file descriptor" on stderr. A
    thread that does not end (reading the rest of a result its terminated worker never
    finished sending) is why an interrupted run ends with ``os._exit`` (lint/run.py)."""
    manager = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    if manager is not None:
        manager.join(timeout=MANAGER_EXIT_SECONDS)
