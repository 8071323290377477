"""Engines run the extractor over a stream of articles and yield outcomes in input order.

The batch runner (``extractor.batch``) talks only to this interface::

    engine = make_engine("local", workers=2, options=ExtractorOptions(ner=True))
    for outcome in engine.map(articles):   # same order as ``articles``
        ...                                # ArticleFacts or ArticleFailure

An article that fails inside extraction becomes an :class:`ArticleFailure`;
it never stops the stream. Every engine cuts the input into the same chunks
and runs each chunk through ``nlp.pipe`` the same way, so ``local`` with one
worker, ``local`` with many and ``dask`` produce identical output.

Engines:
    ``local``, ``workers=1``: :class:`SerialEngine`, in this process.
    ``local``, ``workers>1``: :class:`~extractor.engines.pool.ProcessPoolEngine`.
    ``dask``: :class:`~extractor.engines.dask_engine.DaskEngine` on a
    ``LocalCluster`` of ``workers`` processes, or on the cluster at ``scheduler``.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator

from extractor.api import Article, Extractor
from extractor.engines.base import (
    CHUNK_SIZE,
    ArticleFailure,
    ExtractorOptions,
    Outcome,
    chunked,
    extract_safely,
    process_chunk,
)

__all__ = [
    "ENGINES",
    "ArticleFailure",
    "ExtractorOptions",
    "Outcome",
    "SerialEngine",
    "extract_safely",
    "make_engine",
]

ENGINES = ("local", "dask")


class SerialEngine:
    """One process, one pipeline."""

    def __init__(
        self, options: ExtractorOptions, *, chunk_size: int = CHUNK_SIZE
    ) -> None:
        self.extractor = Extractor(
            model=options.model, ner=options.ner, ner_vote=options.ner_vote
        )
        self.chunk_size = chunk_size

    def map(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        """Outcomes in input order, one chunk at a time."""
        for chunk in chunked(articles, self.chunk_size):
            yield from process_chunk(self.extractor, chunk)

    def close(self) -> None:
        """Nothing to release (engines share this method)."""


def make_engine(
    name: str = "local",
    *,
    workers: int | None = 1,
    scheduler: str | None = None,
    options: ExtractorOptions | None = None,
    **tuning,
):
    """Build an engine by name.

    Args:
        name: ``local`` or ``dask``.
        workers: worker processes; None or 0 means one per CPU core.
        scheduler: dask scheduler address (``dask`` only); None starts a
            ``LocalCluster``.
        options: how the pipeline is built (model, NER on/off).
        **tuning: ``chunk_size``, ``max_in_flight`` (and ``start_method`` for
            the local pool), passed to the engine.
    """
    options = options or ExtractorOptions()
    workers = workers or os.cpu_count() or 1
    if name == "dask":
        from extractor.engines.dask_engine import DaskEngine

        return DaskEngine(options, workers, scheduler, **tuning)
    if name != "local":
        raise ValueError(f"unknown engine {name!r}; expected one of {ENGINES}")
    if scheduler:
        raise ValueError("--scheduler needs the dask engine")
    if workers <= 1:
        return SerialEngine(options, chunk_size=tuning.get("chunk_size", CHUNK_SIZE))
    from extractor.engines.pool import ProcessPoolEngine

    return ProcessPoolEngine(options, workers, **tuning)
