"""The library API: ``load`` a pipeline once, ``extract`` facts from articles.

>>> from extractor import extract
>>> facts = extract("رعى أمير المنطقة حفل التخرج", published="2015-07-21")
>>> facts.published
'2015-07-21'
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

import extractor.pipeline.components  # noqa: F401  (registers the factories)
from extractor.assemble import assemble
from extractor.errors import InputError, ModelError
from extractor.ner.ensemble import VOTE_FACTORY, NerVote
from extractor.pipeline.facts import ensure_extensions
from extractor.pipeline.tokenizer import CamelTokenizer
from extractor.schema import ArticleFacts, Source

log = logging.getLogger(__name__)

MODEL_ENV = "CIVIC_FACTS_MODEL"
PACKAGE_DIR = Path(__file__).resolve().parent
# The shipped NER model: inside the package when installed from a wheel,
# at the repository's models/ in a checkout or an editable install.
MODEL_CANDIDATES = (
    PACKAGE_DIR / "models" / "ner-ar",
    PACKAGE_DIR.parent / "models" / "ner-ar",
)

# Rule components after the tokenizer (and NER, when loaded), in order.
FACT_PIPES = (
    "civic_dates",
    "civic_statistics",
    "civic_events",
    "civic_patrons",
    "civic_organizers",
    "civic_attendees",
    "civic_venues",
    "civic_resolve",
)


@dataclass
class Article:
    """One input record. ``published`` is ``YYYY-MM-DD`` or None."""

    text: str
    id: str | None = None
    title: str | None = None
    published: str | None = None
    source: Source | None = None
    meta: dict = field(default_factory=dict)


def default_model_path() -> Path | None:
    """The NER model to load: ``$CIVIC_FACTS_MODEL``, else the shipped one, else None."""
    env = os.environ.get(MODEL_ENV)
    if env:
        return Path(env)
    return next((p for p in MODEL_CANDIDATES if (p / "config.cfg").is_file()), None)


def load(
    model: str | Path | None = None,
    *,
    ner: bool = True,
    ner_everywhere: bool = False,
    ner_vote: bool = False,
) -> Language:
    """Build the extraction pipeline.

    Args:
        model: a spaCy pipeline directory holding the NER stage; default
            :func:`default_model_path`.
        ner: False for the rules-only pipeline (no model is read).
        ner_everywhere: run the NER on every sentence, not only on those that
            hold a cue, title or office (slower; for comparisons).
        ner_vote: tag names with the model's ``civic_ner_vote`` pipe (three
            taggers vote) when it has one; by default its CNN alone tags them.
    """
    ensure_extensions()
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)
    path = Path(model) if model else (default_model_path() if ner else None)
    if ner and path is not None:
        nlp = _load_model(path, vote=ner_vote)
        if not ner_everywhere:
            _gate_ner(nlp)
    else:
        if ner:
            log.warning("no NER model found; running the rules-only pipeline")
        nlp = spacy.blank("ar")
        nlp.tokenizer = CamelTokenizer(nlp.vocab)
        nlp.add_pipe("civic_normalizer")
    nlp.add_pipe("civic_sentences", after="civic_normalizer")
    for name in FACT_PIPES:
        nlp.add_pipe(name)
    return nlp


def _gate_ner(nlp: Language) -> None:
    """Run the model's tok2vec + ner only where the fact rules read entities."""
    if "ner" not in nlp.pipe_names:
        return
    trained = [name for name in ("tok2vec", "ner") if name in nlp.pipe_names]
    votes = [n for n, pipe in nlp.pipeline if isinstance(pipe, NerVote)]  # enabled
    nlp.add_pipe(
        "civic_ner_gate",
        after=(votes or trained)[-1],
        config={"tok2vec": trained[0], "ner": trained[-1], "vote": "".join(votes[:1])},
    )
    trained += votes[:1]
    for name in trained:
        nlp.disable_pipe(name)


def _load_model(path: Path, vote: bool = True) -> Language:
    """The spaCy pipeline at ``path``; without ``vote``, its vote pipes are not
    even read (their CRF tables and BiLSTM cost ~300 MB per process)."""
    if not (path / "config.cfg").is_file():
        raise ModelError(f"{path}: not a spaCy pipeline directory (no config.cfg)")
    try:
        exclude = [] if vote else _vote_pipes(path)
        return spacy.load(path, exclude=exclude)
    except (OSError, ValueError) as err:
        raise ModelError(f"{path}: cannot load model: {err}") from err


def _vote_pipes(path: Path) -> list[str]:
    """Names of the ``civic_ner_vote`` pipes in the model's config."""
    components = spacy.util.load_config(path / "config.cfg").get("components", {})
    return [
        name
        for name, settings in components.items()
        if settings.get("factory") == VOTE_FACTORY
    ]


def parse_published(value: str | dt.date | None) -> dt.date | None:
    """``YYYY-MM-DD`` (or a longer ISO timestamp) -> date; raises InputError."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        raise InputError(
            f"invalid published date {value!r} (expected YYYY-MM-DD)"
        ) from None


class Extractor:
    """A loaded pipeline plus the glue from articles to :class:`ArticleFacts`."""

    def __init__(
        self,
        nlp: Language | None = None,
        *,
        model=None,
        ner: bool = True,
        ner_vote: bool = False,
    ):
        self.nlp = nlp if nlp is not None else load(model, ner=ner, ner_vote=ner_vote)

    def make_doc(self, article: Article) -> Doc:
        doc = self.nlp.make_doc(article.text)
        doc._.published = parse_published(article.published)
        return doc

    def __call__(
        self, text: str, *, title=None, published=None, id=None
    ) -> ArticleFacts:
        return next(self.pipe([Article(text, id=id, title=title, published=published)]))

    def pipe(
        self, articles: Iterable[Article], batch_size: int = 4
    ) -> Iterator[ArticleFacts]:
        """Extract facts from many articles, in order, with one loaded pipeline."""
        articles = iter(articles)
        pending: list[Article] = []

        def docs():
            for article in articles:
                pending.append(article)
                yield self.make_doc(article)

        for doc in self.nlp.pipe(docs(), batch_size=batch_size):
            article = pending.pop(0)
            published = doc._.published.isoformat() if doc._.published else None
            facts = assemble(doc, id=article.id, published=published)
            facts.source = article.source
            yield facts


_DEFAULT: Extractor | None = None


def _default() -> Extractor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Extractor()
    return _DEFAULT


def extract(
    text: str, *, title=None, published=None, id=None, nlp: Language | None = None
) -> ArticleFacts:
    """Facts of one article. The default pipeline is loaded once and reused."""
    extractor = Extractor(nlp) if nlp is not None else _default()
    return extractor(text, title=title, published=published, id=id)


def extract_many(
    records: Iterable[Article | dict], nlp: Language | None = None
) -> Iterator[ArticleFacts]:
    """Facts of many articles (``Article`` objects or dicts with ``text``)."""
    extractor = Extractor(nlp) if nlp is not None else _default()
    arts = (r if isinstance(r, Article) else Article(**r) for r in records)
    return extractor.pipe(arts)
