"""Run the extractor over many inputs: reader -> engine -> JSONL writer.

>>> options = ExtractorOptions(ner=False)
>>> summary = run_batch(["missing.txt"], extractor=options, report=lambda msg: None)
>>> summary.input_errors, summary.exit_code
(1, 1)

Bad input is reported (``path[:line]: reason``) and skipped; finished
articles are written as they come, in input order; SIGINT and SIGTERM stop
the batch after the current article, leaving a valid output that
``resume=True`` completes.
"""

from __future__ import annotations

import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Self

from extractor.api import Article
from extractor.engine import ArticleFailure, ExtractorOptions, make_engine
from extractor.errors import InputError
from extractor.io.readers import iter_articles
from extractor.io.records import ReaderOptions
from extractor.io.writers import ErrorWriter, JsonlWriter
from extractor.schema import KINDS, ArticleFacts

Report = Callable[[str], None]


def to_stderr(message: str) -> None:
    """Default reporter: one line on stderr."""
    print(message, file=sys.stderr, flush=True)


@dataclass
class BatchSummary:
    """What a batch did: counts, facts per kind, time, and how it ended."""

    articles: int = 0  # written by this run
    skipped: int = 0  # already in the output (--resume)
    failed: int = 0  # crashed inside extraction
    input_errors: int = 0  # could not be read
    facts: Counter = field(default_factory=Counter)
    seconds: float = 0.0
    interrupted: str | None = None  # the signal that stopped the run

    @property
    def exit_code(self) -> int:
        """0 all good, 1 some inputs failed, 128 + signal number when stopped."""
        if self.interrupted:
            return 128 + int(getattr(signal, self.interrupted, 2))
        return 1 if self.failed or self.input_errors else 0

    def add(self, facts: ArticleFacts) -> None:
        self.articles += 1
        for kind in KINDS:
            self.facts[kind] += len(getattr(facts, kind))

    def line(self) -> str:
        """The closing summary line."""
        kinds = ", ".join(f"{kind} {self.facts[kind]}" for kind in KINDS)
        errors = self.failed + self.input_errors
        skipped = f", {self.skipped} skipped (already written)" if self.skipped else ""
        return (
            f"{self.articles} articles{skipped}, {errors} errors, "
            f"{self.seconds:.1f} s; facts: {kinds}"
        )


class StopSignals:
    """SIGINT/SIGTERM set :attr:`received`; a second signal interrupts at once."""

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.received: str | None = None
        self._previous: dict = {}

    def _handle(self, signum, frame) -> None:
        if self.received:
            raise KeyboardInterrupt
        self.received = signal.Signals(signum).name

    def __enter__(self) -> Self:
        if threading.current_thread() is threading.main_thread():
            for signum in self.SIGNALS:
                self._previous[signum] = signal.signal(signum, self._handle)
        return self

    def __exit__(self, *exc) -> None:
        for signum, handler in self._previous.items():
            signal.signal(signum, handler)


class Progress:
    """A one-line counter on stderr, redrawn at most twice a second."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._last = 0.0

    def update(self, summary: BatchSummary, force: bool = False) -> None:
        now = time.monotonic()
        if not self.enabled or (now - self._last < 0.5 and not force):
            return
        self._last = now
        done = summary.articles + summary.skipped
        errors = summary.failed + summary.input_errors
        sys.stderr.write(f"\r{done} articles, {errors} errors ")
        sys.stderr.flush()

    def clear(self) -> None:
        if self.enabled:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


@dataclass
class Batch:
    """The moving parts of one run (see :func:`run_batch`)."""

    out: JsonlWriter
    errors: ErrorWriter | None
    summary: BatchSummary
    stop: StopSignals
    report: Report
    bar: Progress

    def say(self, message: str) -> None:
        """Report a message on a line of its own (below the progress counter)."""
        self.bar.clear()
        self.report(message)

    def input_error(self, error: InputError) -> None:
        self.summary.input_errors += 1
        self.say(str(error))
        if self.errors:
            self.errors.write(error)

    def failure(self, failure: ArticleFailure) -> None:
        self.summary.failed += 1
        source = failure.article.source
        error = InputError(
            f"extraction failed: {failure.reason}",
            failure.article.id if source is None else _where(failure.article),
            source.line if source else None,
        )
        self.say(str(error))
        if self.errors:
            self.errors.write(error)

    def articles(self, items: Iterable[Article | InputError]) -> Iterator[Article]:
        """The articles still to do; errors reported, resumed ones skipped."""
        for item in items:
            if self.stop.received:
                return
            if isinstance(item, InputError):
                self.input_error(item)
            elif self.out.already_written(item):
                self.summary.skipped += 1
            else:
                yield item


def _where(article: Article) -> str:
    source = article.source
    path = source.path if source and source.path else str(article.id)
    if source and source.member:
        path = f"{path}/{source.member}"
    if source and source.index is not None:
        path = f"{path}#{source.index}"
    return path


def run_batch(
    paths: Iterable[str | Path],
    *,
    output: str | Path | None = None,
    reader: ReaderOptions | None = None,
    extractor: ExtractorOptions | None = None,
    engine: str = "local",
    workers: int | None = 1,
    scheduler: str | None = None,
    errors: str | Path | None = None,
    resume: bool = False,
    progress: bool = False,
    report: Report = to_stderr,
) -> BatchSummary:
    """Extract facts from every input into a JSONL ``output`` (None: stdout).

    Raises:
        ModelError, OutputError, ValueError: before any input is read, when
            the model, the output or the engine settings are unusable.
    """
    started = time.monotonic()
    runner = make_engine(
        engine, workers=workers, scheduler=scheduler, options=extractor
    )
    try:
        summary = _run(runner, paths, output, reader, errors, resume, progress, report)
    finally:
        runner.close()
    summary.seconds = time.monotonic() - started
    return summary


def _run(
    runner, paths, output, reader, errors, resume, progress, report
) -> BatchSummary:
    summary, bar = BatchSummary(), Progress(progress)
    error_writer = ErrorWriter(errors) if errors else None
    with JsonlWriter(output, resume=resume) as out, StopSignals() as stop:
        if out.truncated:
            report(f"{output}: cut a partial last line ({out.truncated} bytes)")
        batch = Batch(out, error_writer, summary, stop, report, bar)
        try:
            _drain(runner.map(batch.articles(iter_articles(paths, reader))), batch, bar)
        except KeyboardInterrupt:
            # A second signal, or the first one re-raised by a worker process
            # that received it too (Ctrl-C reaches the whole process group).
            if not stop.received:
                raise
        summary.interrupted = stop.received
    bar.clear()
    if error_writer:
        error_writer.close()
    return summary


def _drain(outcomes: Iterable, batch: Batch, bar: Progress) -> None:
    """Write outcomes as they come until the input ends or a stop is asked."""
    for outcome in outcomes:
        if isinstance(outcome, ArticleFailure):
            batch.failure(outcome)
        else:
            batch.out.write(outcome)
            batch.summary.add(outcome)
        bar.update(batch.summary)
        if batch.stop.received:
            return
