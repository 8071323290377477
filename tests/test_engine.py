"""Engines: same output in the same order from one process, a pool, and dask."""

from __future__ import annotations

from concurrent.futures import Future
from itertools import islice
from pathlib import Path

import pytest

from extractor.api import Article
from extractor.engine import ArticleFailure, ExtractorOptions, make_engine
from extractor.engines.base import chunked, process_chunk
from extractor.engines.ordered import ordered_outcomes
from extractor.schema import ArticleFacts

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
CORPUS = SHARED / "data" / "saudinewsnet"
OPTIONS = ExtractorOptions(ner=False)
BAD = 7  # index of the article whose published date cannot be parsed


def _lines(outcomes) -> list[str]:
    return [
        o.to_json() if isinstance(o, ArticleFacts) else f"FAIL {o.reason}"
        for o in outcomes
    ]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (the shared SaudiNewsNet corpus)")
    from extractor.bench import read_saudinewsnet

    arts = list(read_saudinewsnet(CORPUS, 40))[::2]  # 20 articles, varied lengths
    arts[BAD].published = "not-a-date"
    return arts


@pytest.fixture(scope="module")
def serial_lines(articles) -> list[str]:
    return _lines(make_engine("local", workers=1, options=OPTIONS).map(articles))


def test_serial_isolates_the_failing_article(articles, serial_lines):
    assert len(serial_lines) == len(articles)
    assert serial_lines[BAD].startswith("FAIL InputError")
    others = [line for i, line in enumerate(serial_lines) if i != BAD]
    assert all(line.startswith("{") for line in others)
    ids = [ArticleFacts.model_validate_json(line).id for line in others]
    assert ids == [a.id for i, a in enumerate(articles) if i != BAD]


def test_two_worker_processes_match_one(articles, serial_lines):
    engine = make_engine(
        "local", workers=2, options=OPTIONS, chunk_size=4, max_chunks_per_worker=2
    )  # 5 chunks: at least one worker is replaced by a fresh one
    assert type(engine).__name__ == "ProcessPoolEngine"
    assert _lines(engine.map(articles)) == serial_lines


def test_dask_local_cluster_matches_local(articles, serial_lines):
    pytest.importorskip("distributed")
    with make_engine("dask", workers=2, options=OPTIONS, chunk_size=4) as engine:
        assert len(engine.client.nthreads()) == 2
        assert _lines(engine.map(articles)) == serial_lines


def test_unknown_engine_is_refused():
    with pytest.raises(ValueError, match="unknown engine"):
        make_engine("spark")


class _Done(Future):
    def __init__(self, value=None, error: Exception | None = None) -> None:
        super().__init__()
        self.set_exception(error) if error else self.set_result(value)


def test_ordered_outcomes_bounds_work_in_flight_and_fails_lost_chunks():
    arts = [Article(str(i), id=str(i)) for i in range(10)]
    submitted, yielded = [], []

    def submit(chunk):
        submitted.append(chunk)
        assert len(submitted) - len(yielded) <= 2 * 3  # 2 chunks of 3 at most
        if chunk[0].id == "3":
            return _Done(error=RuntimeError("worker died"))
        return _Done([ArticleFacts(id=a.id) for a in chunk])

    for outcome in ordered_outcomes(submit, chunked(arts, 3), max_in_flight=2):
        yielded.append(outcome)  # noqa: PERF402 - submit() watches it grow
    assert [
        o.article.id if isinstance(o, ArticleFailure) else o.id for o in yielded
    ] == [str(i) for i in range(10)]
    assert [isinstance(o, ArticleFailure) for o in yielded] == [False] * 3 + [
        True
    ] * 3 + [False] * 4
    assert "RuntimeError: worker died" in yielded[3].reason


class _Flaky:
    """A stand-in extractor whose batch path fails on one article."""

    def pipe(self, chunk, batch_size=1):
        for article in chunk:
            if article.text == "boom":
                raise ValueError("bad article")
            yield ArticleFacts(id=article.id)

    def __call__(self, text, *, title=None, published=None, id=None):
        return next(self.pipe([Article(text, id=id)]))


def test_process_chunk_retries_one_by_one_after_a_batch_error():
    chunk = [Article("ok", id="a"), Article("boom", id="b"), Article("ok", id="c")]
    outcomes = process_chunk(_Flaky(), chunk)
    assert [type(o).__name__ for o in outcomes] == [
        "ArticleFacts",
        "ArticleFailure",
        "ArticleFacts",
    ]
    assert outcomes[1].reason == "ValueError: bad article"
    assert not list(islice(chunked([]), 1))


def _fresh_pool(**kwargs):
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from extractor.engines.pool import default_start_method

    context = multiprocessing.get_context(default_start_method())
    return ProcessPoolExecutor(1, mp_context=context, **kwargs)


def test_a_dead_worker_fails_its_chunk_and_a_fresh_pool_takes_over():
    import os
    from concurrent.futures.process import BrokenProcessPool

    from extractor.engines.restarting import RestartingPool

    pool = RestartingPool(_fresh_pool)
    try:
        assert pool.submit(abs, -3).result() == 3
        with pytest.raises(BrokenProcessPool):
            pool.submit(os._exit, 1).result()  # the worker dies mid-task
        assert pool.submit(abs, -4).result() == 4
        assert pool.restarts == 1
    finally:
        pool.shutdown()


def test_workers_that_cannot_start_raise_worker_error():
    import os

    from extractor.engines.restarting import RestartingPool, WorkerError

    pool = RestartingPool(lambda: _fresh_pool(initializer=os._exit, initargs=(1,)), 2)
    with pytest.raises(WorkerError, match="3 times in a row"):
        for _ in range(10):
            future = pool.submit(abs, -1)
            assert future.exception() is not None
    assert pool.restarts == 2
    pool.shutdown()
