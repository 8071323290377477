"""Measurements behind ``civic-facts bench``: throughput, memory, stages, baselines.

Each function measures one thing and returns plain numbers (dicts of floats
and ints), so the command can print them as a table and dump them as JSON.
"""

from __future__ import annotations

import resource
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Self

from extractor.api import Article, Extractor
from extractor.assemble import assemble
from extractor.engine import ArticleFailure, Outcome
from extractor.engines.base import PIPE_BATCH_SIZE
from extractor.schema import ArticleFacts

MB = 1024 * 1024


def count_words(text: str) -> int:
    """White-space separated words: the unit of every words/s figure."""
    return len(text.split())


@dataclass
class PeakRSS:
    """Samples the resident memory of this process and of all its descendants.

    Use as a context manager; ``parent_mb`` and ``worker_mb`` (the largest
    descendant: a pool worker or a dask worker) hold the peaks afterwards.
    Without psutil only the parent's peak is known (``getrusage``).
    """

    interval: float = 0.2
    parent_mb: float = 0.0
    worker_mb: float | None = None
    workers_seen: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)
    _peaks: dict[int, int] = field(default_factory=dict)

    def __enter__(self) -> Self:
        self._thread = threading.Thread(target=self._poll, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.parent_mb = max(self.parent_mb, self_peak_mb())
        if self._peaks:
            self.worker_mb = max(self._peaks.values()) / MB
            self.workers_seen = len(self._peaks)

    def _poll(self) -> None:
        try:
            import psutil
        except ImportError:
            return
        me = psutil.Process()
        while not self._stop.wait(self.interval):
            self.parent_mb = max(self.parent_mb, me.memory_info().rss / MB)
            for child in me.children(recursive=True):
                try:
                    rss = child.memory_info().rss
                except psutil.Error:
                    continue
                self._peaks[child.pid] = max(self._peaks.get(child.pid, 0), rss)


def self_peak_mb() -> float:
    """This process's peak RSS so far (``ru_maxrss`` is KiB on Linux, B on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / MB if sys.platform == "darwin" else peak / 1024


def throughput(
    map_fn: Callable[[Iterable[Article]], Iterator[Outcome]],
    articles: Iterable[Article],
) -> dict:
    """Run ``map_fn`` (an engine's ``map``) over ``articles``; rates and memory.

    ``words_per_s`` is over the whole wall time, worker start-up included;
    ``warm_words_per_s`` counts only outcomes that arrived after the first
    one, over the time after it (start-up and model loading left out).
    """
    sizes: deque[int] = deque()
    counts = {"articles": 0, "words": 0, "failures": 0}
    first: float | None = None
    warm_words = 0
    with PeakRSS() as rss:
        start = time.perf_counter()
        for outcome in map_fn(_counted(articles, counts, sizes)):
            now, words = time.perf_counter(), sizes.popleft()
            first = now if first is None else first
            warm_words += words if now > first else 0
            counts["failures"] += isinstance(outcome, ArticleFailure)
        seconds = time.perf_counter() - start
    startup = None if first is None else first - start
    return _rates(counts, seconds, startup, warm_words) | {
        "parent_rss_mb": round(rss.parent_mb, 1),
        "worker_rss_mb": None if rss.worker_mb is None else round(rss.worker_mb, 1),
        "processes_seen": rss.workers_seen,
    }


def _counted(
    articles: Iterable[Article], counts: dict, sizes: deque
) -> Iterator[Article]:
    for article in articles:
        words = count_words(article.text or "")
        counts["articles"] += 1
        counts["words"] += words
        sizes.append(words)
        yield article


def _rates(
    counts: dict, seconds: float, startup: float | None, warm_words: int
) -> dict:
    warm_s = seconds - startup if startup is not None else 0.0
    return counts | {
        "seconds": round(seconds, 2),
        "startup_s": None if startup is None else round(startup, 2),
        "articles_per_s": round(counts["articles"] / seconds, 1) if seconds else None,
        "words_per_s": round(counts["words"] / seconds) if seconds else None,
        "warm_words_per_s": round(warm_words / warm_s)
        if warm_words and warm_s
        else None,
    }


def timed_pipe(
    extractor: Extractor, articles: list[Article], batch_size: int = PIPE_BATCH_SIZE
) -> tuple[list[ArticleFacts], dict[str, float]]:
    """Facts of ``articles`` and the seconds spent in each stage.

    Stages run one after another over the whole list, as ``nlp.pipe`` does
    batch by batch: ``make_doc`` (tokenizer), each pipeline component, then
    ``assemble``.
    """
    seconds: dict[str, float] = {}
    start = time.perf_counter()
    docs = [extractor.make_doc(article) for article in articles]
    seconds["tokenizer"] = time.perf_counter() - start
    for name, proc in extractor.nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=batch_size))
        else:
            docs = [proc(doc) for doc in docs]
        seconds[name] = time.perf_counter() - start
    start = time.perf_counter()
    facts = [
        _assemble(doc, article) for doc, article in zip(docs, articles, strict=True)
    ]
    seconds["assemble"] = time.perf_counter() - start
    return facts, seconds


def _assemble(doc, article: Article) -> ArticleFacts:
    published = doc._.published.isoformat() if doc._.published else None
    return assemble(doc, id=article.id, published=published)


def stage_table(seconds: dict[str, float], words: int) -> list[dict]:
    """Per-stage seconds as rows with their share of the total and words/s."""
    total = sum(seconds.values()) or 1.0
    return [
        {
            "stage": name,
            "seconds": round(s, 3),
            "share": round(s / total, 3),
            "words_per_s": round(words / s) if s >= 0.001 else None,
        }
        for name, s in seconds.items()
    ]


def tokenizer_baseline(texts: Iterable[str]) -> dict:
    """spaCy's ``blank("ar")`` tokenizer alone over ``texts``: words/s."""
    import spacy

    tokenizer = spacy.blank("ar").tokenizer
    words = articles = 0
    seconds = 0.0
    for text in texts:
        start = time.perf_counter()
        tokenizer(text)
        seconds += time.perf_counter() - start
        words += count_words(text)
        articles += 1
    return {
        "articles": articles,
        "words": words,
        "seconds": round(seconds, 2),
        "words_per_s": round(words / seconds) if seconds else None,
    }


def dates_ours(extractor: Extractor, articles: list[Article]) -> tuple[dict, dict]:
    """Our dates per article id, and the seconds of the date stage and of it all."""
    facts, seconds = timed_pipe(extractor, articles)
    preds = {f.id: [d.model_dump(mode="json") for d in f.dates] for f in facts}
    timing = {
        "date_stage_s": seconds.get("civic_dates", 0.0),
        "pipeline_s": sum(seconds.values()),
    }
    return preds, timing


def dates_dateparser(articles: list[Article]) -> tuple[dict, dict]:
    """dateparser's ``search_dates(text, languages=["ar"])`` per article id.

    Each found string is resolved against ``published`` (``RELATIVE_BASE``);
    its value is cut to the period dateparser itself reports for it (day,
    month or year), so ``2014`` is compared as ``2014``, not a made-up day.
    """
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    preds: dict[str, list[dict]] = {}
    start = time.perf_counter()
    for article in articles:
        settings = _dateparser_settings(article)
        found = search_dates(article.text, languages=["ar"], settings=settings) or []
        parser = DateDataParser(languages=["ar"], settings=settings)
        preds[article.id] = [_cut(text, value, parser) for text, value in found]
    return preds, {"pipeline_s": time.perf_counter() - start}


def _dateparser_settings(article: Article) -> dict:
    import datetime as dt

    if not article.published:
        return {}
    base = dt.datetime.fromisoformat(article.published[:10])
    return {"RELATIVE_BASE": base}


_PERIOD_LENGTH = {"year": 4, "month": 7}


def _cut(text: str, value, parser) -> dict:
    period = parser.get_date_data(text).period or "day"
    iso = value.date().isoformat()
    return {"text": text, "value": iso[: _PERIOD_LENGTH.get(period, 10)]}


def date_f1(golds: dict[str, list[dict]], preds: dict[str, list[dict]]) -> dict:
    """Micro precision, recall and F1 of date values (FACTS.md matching)."""
    from extractor.evaluate import match, metrics

    tp = n_gold = n_pred = 0
    for article_id, gold in golds.items():
        t, g, p = match("dates", gold, preds.get(article_id, []))
        tp, n_gold, n_pred = tp + t, n_gold + g, n_pred + p
    return {k: round(v, 3) for k, v in metrics(tp, n_gold, n_pred).items()}
