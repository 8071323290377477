"""The local multi-process engine: one pipeline per worker process.

Each worker builds its pipeline once, in the pool initializer, then takes
chunks of articles (:data:`~extractor.engines.base.CHUNK_SIZE`) from the
parent. Workers are started with ``forkserver`` (or ``spawn``), never
``fork``: a forked copy of a parent that already holds threads (torch, dask)
can deadlock, and a fresh process keeps each worker's memory its own.

spaCy's vocabulary grows with every new word a worker sees (slowly, but
without bound), so a worker is replaced by a fresh one after
``max_chunks_per_worker`` chunks: memory stays flat on corpora of any size, for
the price of one pipeline load per ~30,000 articles.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from extractor.api import Article
from extractor.engines.base import (
    CHUNK_SIZE,
    ExtractorOptions,
    Outcome,
    cached_extractor,
    chunked,
    run_chunk,
)
from extractor.engines.ordered import ordered_outcomes
from extractor.engines.restarting import RestartingPool

MAX_CHUNKS_PER_WORKER = 1000
# Math libraries in a worker use one thread: the pool already fills the cores.
# (Best effort for libraries imported later; torch is set explicitly.)
_THREAD_VARS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def default_start_method() -> str:
    """``forkserver`` where the platform has it, else ``spawn``."""
    methods = multiprocessing.get_all_start_methods()
    return "forkserver" if "forkserver" in methods else "spawn"


def init_worker(options: ExtractorOptions) -> None:
    """Pool initializer: single-threaded math, then load the pipeline once.

    A terminal's Ctrl-C reaches the whole process group; the parent decides how
    to stop (``extractor.batch``), so workers ignore SIGINT.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for var in _THREAD_VARS:
        os.environ.setdefault(var, "1")
    cached_extractor(options)
    _single_thread_torch()


def _single_thread_torch() -> None:
    torch = sys.modules.get("torch")
    if torch is not None:
        torch.set_num_threads(1)


class ProcessPoolEngine:
    """``workers`` processes, each with its own loaded pipeline.

    Args:
        options: how each worker builds its pipeline.
        workers: number of worker processes.
        chunk_size: articles per task.
        max_in_flight: chunks submitted but not yet yielded (default
            ``2 * workers``), which bounds the memory the engine holds.
        start_method: ``forkserver`` or ``spawn`` (default: see
            :func:`default_start_method`).
        max_chunks_per_worker: chunks after which a worker is replaced by a
            fresh process (None: never).
    """

    def __init__(
        self,
        options: ExtractorOptions,
        workers: int,
        *,
        chunk_size: int = CHUNK_SIZE,
        max_in_flight: int | None = None,
        start_method: str | None = None,
        max_chunks_per_worker: int | None = MAX_CHUNKS_PER_WORKER,
    ) -> None:
        self.options = options
        self.workers = workers
        self.chunk_size = chunk_size
        self.max_in_flight = max_in_flight or 2 * workers
        self.start_method = start_method or default_start_method()
        self.max_chunks_per_worker = max_chunks_per_worker

    def map(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Outcomes in input order; the pool lives as long as the iteration.

        Raises:
            WorkerError: workers keep dying before finishing any chunk (for
                instance, they cannot load the pipeline).
        """
        pool = RestartingPool(self._new_pool)
        try:

            def submit(chunk: list[Article]):
                return pool.submit(run_chunk, self.options, chunk)

            chunks = chunked(articles, self.chunk_size)
            yield from ordered_outcomes(submit, chunks, self.max_in_flight)
        finally:
            pool.shutdown()

    def _new_pool(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(
            self.workers,
            mp_context=multiprocessing.get_context(self.start_method),
            initializer=init_worker,
            initargs=(self.options,),
            max_tasks_per_child=self.max_chunks_per_worker,
        )

    def close(self) -> None:
        """Nothing to release: the pool closes when :meth:`map` is done."""
