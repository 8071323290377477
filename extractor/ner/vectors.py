"""Static floret vectors from the SaudiNewsNet articles (unsupervised help).

The articles are tokenized with the run-time tokenizer's word splitter and
normalized with the run-time normalizer, one article a line, so the vectors
are keyed by the same ``NORM`` strings the NER's tok2vec sees. floret keeps
subword buckets, so unseen word forms (clitics, new names) still get a vector
from their character n-grams, in a table of fixed size.
"""

from __future__ import annotations

import contextlib
import itertools
import json
import logging
import multiprocessing
import zipfile
from collections.abc import Iterator
from pathlib import Path

from camel_tools.tokenizers.word import simple_word_tokenize

from extractor.arabic.normalize import normalize

log = logging.getLogger(__name__)

FLORET_SETTINGS = {
    "model": "cbow",
    "mode": "floret",
    "hashCount": 2,
    "bucket": 50000,
    "minn": 3,
    "maxn": 5,
    "dim": 96,
    "epoch": 5,
    "minCount": 3,
    "thread": 1,
}


def iter_articles(root: Path) -> Iterator[str]:
    """Title and content of every article in the ``*.zip`` files under ``root``."""
    for path in sorted(root.glob("*.zip")):
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                for article in json.loads(archive.read(name)):
                    yield f"{article.get('title') or ''}\n{article.get('content') or ''}"


def norm_line(text: str) -> str:
    """The article as one line of space-separated normalized tokens."""
    return " ".join(
        normalize(tok) for tok in simple_word_tokenize(text, split_digits=True)
    )


def write_training_text(
    root: Path, out: Path, limit: int = 0, processes: int = 2
) -> int:
    """Write one normalized article a line; returns the number of articles.

    ``processes`` > 1 tokenizes in that many spawned workers; the lines come
    back in article order, so the file is the same as with one process.
    """
    articles = iter_articles(root)
    if limit:
        articles = itertools.islice(articles, limit)
    count = 0
    out.parent.mkdir(parents=True, exist_ok=True)
    with contextlib.ExitStack() as stack:
        handle = stack.enter_context(out.open("w", encoding="utf-8"))
        lines: Iterator[str] = map(norm_line, articles)
        if processes > 1:
            context = multiprocessing.get_context("spawn")
            pool = stack.enter_context(context.Pool(processes))
            lines = pool.imap(norm_line, articles, chunksize=64)
        for count, line in enumerate(lines, 1):
            handle.write(line + "\n")
    log.info("wrote %d articles to %s", count, out)
    return count


def train_floret(text_path: Path, out_stem: Path, **settings: object) -> Path:
    """Train floret on ``text_path``; returns the ``.floret`` table for spaCy."""
    import floret

    options = {**FLORET_SETTINGS, **settings}
    model = floret.train_unsupervised(str(text_path), **options)
    floret_path = out_stem.with_suffix(".floret")
    model.save_floret_vectors(str(floret_path))
    return floret_path


def build_vectors(news_root: Path, work_dir: Path, limit: int = 0) -> Path:
    """Text dump, floret training and ``spacy init vectors`` (keyed by NORM).

    Returns a spaCy pipeline folder to pass as ``paths.vectors``.
    """
    import spacy
    from spacy.training.initialize import convert_vectors

    text_path = work_dir / "saudinewsnet.txt"
    if not text_path.exists():
        write_training_text(news_root, text_path, limit)
    floret_path = work_dir / "vectors.floret"
    if not floret_path.exists():
        floret_path = train_floret(text_path, work_dir / "vectors")
    nlp = spacy.blank("ar")
    convert_vectors(nlp, floret_path, truncate=0, prune=-1, mode="floret", attr="NORM")
    out = work_dir / "vectors-model"
    nlp.to_disk(out)
    return out


if __name__ == "__main__":  # python -m extractor.ner.vectors NEWS_ROOT WORK_DIR
    import sys

    logging.basicConfig(level=logging.INFO)
    print(build_vectors(Path(sys.argv[1]), Path(sys.argv[2])))
