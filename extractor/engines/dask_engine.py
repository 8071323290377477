"""The distributed engine: the same chunks, run on a ``dask.distributed`` cluster.

Without a scheduler address the engine starts a ``LocalCluster`` of
``workers`` single-threaded worker processes; with one, it connects a
``Client`` to an existing cluster (``dask scheduler`` plus ``dask worker``
processes on any number of hosts, each with this package installed). Every
worker process keeps one loaded pipeline
(:func:`~extractor.engines.base.cached_extractor`), input is read lazily in
chunks, and outcomes come back in input order, so the JSONL output is the
same, byte for byte, as the local engines'.
"""

from __future__ import annotations

import logging
import weakref
from collections.abc import Iterable, Iterator
from typing import Self

from extractor.api import Article
from extractor.engines.base import (
    CHUNK_SIZE,
    ExtractorOptions,
    Outcome,
    chunked,
    run_chunk,
)
from extractor.engines.ordered import ordered_outcomes


class DaskEngine:
    """Extraction on a dask cluster; use as a context manager or call :meth:`close`.

    Args:
        options: how each worker builds its pipeline.
        workers: worker processes of the ``LocalCluster`` (ignored with a
            scheduler, whose cluster is already sized).
        scheduler: address of a running scheduler (``tcp://host:8786``), or
            None for a local cluster.
        chunk_size: articles per task.
        max_in_flight: chunks submitted but not yet yielded (default: two per
            worker thread of the cluster).
    """

    def __init__(
        self,
        options: ExtractorOptions,
        workers: int = 1,
        scheduler: str | None = None,
        *,
        chunk_size: int = CHUNK_SIZE,
        max_in_flight: int | None = None,
    ) -> None:
        self.options = options
        self.chunk_size = chunk_size
        self.client, cluster = _connect(workers, scheduler)
        self.max_in_flight = max_in_flight or 2 * _total_threads(self.client, workers)
        self._finalizer = weakref.finalize(self, _shutdown, self.client, cluster)

    def map(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Outcomes in input order; chunks are submitted as the input is read."""

        def submit(chunk: list[Article]):
            return self.client.submit(run_chunk, self.options, chunk, pure=False)

        chunks = chunked(articles, self.chunk_size)
        yield from ordered_outcomes(submit, chunks, self.max_in_flight)

    def close(self) -> None:
        """Disconnect, and stop the cluster if this engine started it."""
        self._finalizer()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _connect(workers: int, scheduler: str | None):
    from distributed import Client, LocalCluster

    if scheduler:
        return Client(scheduler), None
    # The scheduler and nannies of a LocalCluster live in this process: keep
    # their chatter out of the tool's stderr ("Closing scheduler", and "still
    # alive after 4.0 seconds, killing" from workers whose loaded pipeline is
    # slow to tear down, after all results are in).
    logging.getLogger("distributed").setLevel(logging.ERROR)
    cluster = LocalCluster(
        n_workers=max(1, workers),
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    )
    return Client(cluster), cluster


def _total_threads(client, fallback: int) -> int:
    threads = sum(client.nthreads().values())
    return threads or max(1, fallback)


def _shutdown(client, cluster) -> None:
    client.close()
    if cluster is not None:
        cluster.close()
