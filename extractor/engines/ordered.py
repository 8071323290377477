"""Ordered, bounded fan-out: submit chunks, yield their outcomes in input order.

Both the process pool and the dask engine hand chunks to workers through
:func:`ordered_outcomes`. At most ``max_in_flight`` chunks are submitted and
not yet yielded, so memory stays flat however long the input is, and a slow
consumer slows the reading of the input instead of piling up results.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, Protocol

from extractor.api import Article
from extractor.engines.base import Outcome, failure


class FutureLike(Protocol):
    """What ``concurrent.futures.Future`` and ``distributed.Future`` share."""

    def result(self, timeout: float | None = None) -> Any: ...


Submit = Callable[[list[Article]], FutureLike]


def ordered_outcomes(
    submit: Submit, chunks: Iterable[list[Article]], max_in_flight: int
) -> Iterator[Outcome]:
    """Outcomes of every chunk, in input order, with bounded work in flight.

    A chunk whose task itself fails (a worker died, a result could not be
    sent back) yields one :class:`ArticleFailure` per article.
    """
    pending: deque[tuple[list[Article], FutureLike]] = deque()
    for chunk in chunks:
        pending.append((chunk, submit(chunk)))
        if len(pending) >= max(1, max_in_flight):
            yield from _collect(*pending.popleft())
    while pending:
        yield from _collect(*pending.popleft())


def _collect(chunk: list[Article], future: FutureLike) -> list[Outcome]:
    try:
        return future.result()
    except Exception as err:  # noqa: BLE001 - a lost task fails its articles only
        return [failure(article, err) for article in chunk]
