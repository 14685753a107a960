"""Checking many files across processes, results in the order of the files, bounded memory."""

from __future__ import annotations

import collections
import multiprocessing
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from lint.diagnostics import Diagnostic, Severity
from lint.engine import INTERNAL_ERROR, FileReport, Plan, check_path

#: Fewer files than this are checked in this process: starting workers costs more.
PARALLEL_MIN_FILES = 32
_PLAN: Plan | None = None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def _start_worker(plan: Plan) -> None:
    global _PLAN
    _PLAN = plan
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle


def _check_in_worker(display: str, path: Path) -> FileReport:
    assert _PLAN is not None
    return check_path(display, path, _PLAN)


def _worker_failed(display: str, error: BaseException) -> FileReport:
    message = f"the worker process checking this file failed: {type(error).__name__}: {error}"
    diagnostic = Diagnostic(display, 1, 1, 1, 1, INTERNAL_ERROR, Severity.ERROR, message)
    return FileReport(display, [diagnostic], crashed=True)


def _ready(report: FileReport) -> Callable[[], FileReport]:
    def value() -> FileReport:
        return report

    return value


class Checker:
    """Checks files in this process or in ``jobs`` worker processes (started on first need)."""

    def __init__(self, plan: Plan, jobs: int) -> None:
        self._plan = plan
        self._jobs = jobs
        self._pool: ProcessPoolExecutor | None = None

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            context = multiprocessing.get_context("fork" if os.name == "posix" else "spawn")
            self._pool = ProcessPoolExecutor(
                self._jobs, mp_context=context, initializer=_start_worker, initargs=(self._plan,)
            )
        return self._pool

    def check(
        self, items: Iterable[tuple[str, Path]], count: int
    ) -> Iterator[Callable[[], FileReport]]:
        """A callable per item, in order, that returns its report (waiting for it if needed).

        At most ``jobs * 4`` files are in flight, so memory does not grow with the run.
        """
        if self._jobs <= 1 or count < PARALLEL_MIN_FILES:
            for display, path in items:
                yield _ready(check_path(display, path, self._plan))
            return
        executor = self._executor()
        window: collections.deque[tuple[str, Future[FileReport]]] = collections.deque()
        limit = self._jobs * 4
        for display, path in items:
            window.append((display, executor.submit(_check_in_worker, display, path)))
            if len(window) >= limit:
                yield self._result(*window.popleft())
        while window:
            yield self._result(*window.popleft())

    @staticmethod
    def _result(display: str, future: Future[FileReport]) -> Callable[[], FileReport]:
        def wait() -> FileReport:
            try:
                return future.result()
            except BrokenProcessPool as error:
                return _worker_failed(display, error)
            except Exception as error:  # noqa: BLE001 - reported as this file's internal error
                return _worker_failed(display, error)

        return wait

    def close(self, cancel: bool = False) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=not cancel, cancel_futures=cancel)
