"""Engines run the extractor over a stream of articles and yield outcomes in input order.

The batch runner (``extractor.batch``) talks only to this interface::

    engine = make_engine("local", workers=1, ner=True, model=None)
    for outcome in engine.map(articles):   # same order as ``articles``
        ...                                # ArticleFacts or ArticleFailure

An article that fails inside extraction becomes an :class:`ArticleFailure`;
it never stops the stream.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from extractor.api import Article, Extractor
from extractor.schema import ArticleFacts


@dataclass
class ArticleFailure:
    """An article the extractor could not process, and why."""

    article: Article
    reason: str


Outcome = ArticleFacts | ArticleFailure


@dataclass
class ExtractorOptions:
    """What a worker needs to build its own pipeline (picklable)."""

    model: str | None = None
    ner: bool = True


def extract_safely(extractor: Extractor, article: Article) -> Outcome:
    """One article through the pipeline; an exception becomes a failure record."""
    try:
        return extractor(article.text, title=article.title, published=article.published,
                         id=article.id).model_copy(update={"source": article.source})
    except Exception as err:  # noqa: BLE001 - one bad article must not stop a batch
        return ArticleFailure(article, f"{type(err).__name__}: {err}")


class SerialEngine:
    """One process, one pipeline."""

    def __init__(self, options: ExtractorOptions) -> None:
        self.extractor = Extractor(model=options.model, ner=options.ner)

    def map(self, articles: Iterable[Article]) -> Iterator[Outcome]:
        for article in articles:
            yield extract_safely(self.extractor, article)


def make_engine(name: str = "local", *, workers: int = 1, scheduler: str | None = None,
                options: ExtractorOptions | None = None):
    """Build an engine by name (``local``; more to come: process pool, ``dask``)."""
    options = options or ExtractorOptions()
    if name == "local" and workers <= 1:
        return SerialEngine(options)
    raise NotImplementedError(f"engine {name!r} with {workers} workers")
