"""A process pool that survives the death of its workers.

``concurrent.futures.ProcessPoolExecutor`` is unusable for good once one
worker dies (a segfault in native code, the OOM killer). The chunks that
were in flight then fail (their articles become failures, see
:func:`~extractor.engines.ordered.ordered_outcomes`) and the next submission
starts a fresh pool. A pool that keeps dying before any chunk completes
(workers that cannot even load the pipeline) raises :class:`WorkerError`
instead of failing every article one pool at a time.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from extractor.errors import CivicFactsError


class WorkerError(CivicFactsError):
    """Worker processes keep dying before they finish any work."""


class RestartingPool:
    """``submit`` like an executor; a broken pool is replaced on the next call.

    Args:
        factory: builds a fresh executor.
        max_restarts: pools allowed to break in a row, with no chunk
            completed in between, before :class:`WorkerError` is raised.
    """

    def __init__(self, factory: Callable[[], Executor], max_restarts: int = 3) -> None:
        self.factory = factory
        self.max_restarts = max_restarts
        self.restarts = 0
        self._in_a_row = 0
        self._pool: Executor | None = None

    def submit(self, fn: Callable, /, *args: Any) -> Future:
        """Schedule ``fn(*args)``; start a new pool if the current one broke."""
        if self._pool is None:
            self._pool = self.factory()
        try:
            future = self._pool.submit(fn, *args)
        except BrokenProcessPool as err:
            self._restart(err)
            future = self._pool.submit(fn, *args)
        future.add_done_callback(self._note)
        return future

    def _restart(self, cause: BaseException) -> None:
        self._in_a_row += 1
        if self._in_a_row > self.max_restarts:
            raise WorkerError(
                f"worker processes died {self._in_a_row} times in a row before "
                f"finishing any work (see their messages above): {cause}"
            ) from cause
        self.shutdown()
        self.restarts += 1
        self._pool = self.factory()

    def _note(self, future: Future) -> None:
        if not future.cancelled() and future.exception() is None:
            self._in_a_row = 0

    def shutdown(self) -> None:
        """Stop the current pool (waits for the chunks it is running)."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
