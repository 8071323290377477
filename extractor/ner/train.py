"""Build spaCy training data from the NER corpora and train the NER stage.

Docs are built from each corpus' own tokens (``Doc(vocab, words=...)``) and
then passed through the run-time ``civic_normalizer`` component, so
``token.norm_`` (the feature tok2vec reads) is the same in training and in
use. Training runs spaCy's ``spacy.cli.train.train`` on
``extractor/ner/config.cfg``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import biluo_tags_to_spans, iob_to_biluo

import extractor.pipeline.components  # noqa: F401 - registers tokenizer + normalizer
from extractor.ner.corpus import (
    Sentence,
    corpus_files,
    read_many,
    read_part,
    split_dev,
)

log = logging.getLogger(__name__)

CONFIG_PATH = Path(__file__).with_name("config.cfg")
DEFAULT_TRAIN_PARTS = ("anercorp-train", "wikifane")


def blank_nlp() -> Language:
    """A blank Arabic pipeline with the run-time normalizer only."""
    nlp = spacy.blank("ar")
    nlp.add_pipe("civic_normalizer")
    return nlp


def sentence_doc(nlp: Language, sent: Sentence) -> Doc:
    """A normalized Doc over ``sent.words`` with its entities set."""
    doc = Doc(nlp.vocab, words=sent.words)
    doc.ents = biluo_tags_to_spans(doc, iob_to_biluo(sent.tags))
    return nlp.get_pipe("civic_normalizer")(doc)


def write_docbin(nlp: Language, sentences: Iterable[Sentence], path: Path) -> int:
    """Write ``sentences`` to a ``.spacy`` file; returns the number of docs."""
    docbin = DocBin(attrs=["ORTH", "NORM", "ENT_IOB", "ENT_TYPE"])
    count = 0
    for sent in sentences:
        docbin.add(sentence_doc(nlp, sent))
        count += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin.to_disk(path)
    return count


def build_corpora(
    data_root: Path,
    work_dir: Path,
    parts: Sequence[str] = DEFAULT_TRAIN_PARTS,
    limit: int = 0,
    dev_in_train: bool = False,
) -> tuple[Path, Path]:
    """Write ``train.spacy`` and ``dev.spacy`` under ``work_dir``.

    Dev is held out of ANERcorp train (blocks of sentences, see
    :func:`~extractor.ner.corpus.split_dev`); the other ``parts`` are added to
    train whole. ``dev_in_train`` trains on the dev blocks too (the final
    model: dev scores then only tell that training ran). ``limit`` > 0 keeps
    only that many train and dev sentences.
    """
    nlp = blank_nlp()
    core, dev = split_dev(read_many(corpus_files(data_root, "anercorp-train")))
    if dev_in_train:
        core = core + dev
    extra = [p for p in parts if p != "anercorp-train"]
    train = (core if "anercorp-train" in parts else []) + [
        sent for part in extra for sent in read_part(data_root, part)
    ]
    if limit:
        train, dev = train[:limit], dev[: max(1, limit // 4)]
    train_path, dev_path = work_dir / "train.spacy", work_dir / "dev.spacy"
    n_train = write_docbin(nlp, train, train_path)
    n_dev = write_docbin(nlp, dev, dev_path)
    log.info(
        "corpora: %d train, %d dev sentences (%s)", n_train, n_dev, ",".join(parts)
    )
    return train_path, dev_path


def train_model(
    data_root: Path,
    output: Path,
    *,
    parts: Sequence[str] = DEFAULT_TRAIN_PARTS,
    config: Path = CONFIG_PATH,
    overrides: dict[str, object] | None = None,
    limit: int = 0,
    dev_in_train: bool = False,
) -> Path:
    """Build the corpora, train, and return the best model's directory.

    spaCy writes ``model-best`` and ``model-last`` under ``output``; the
    best one (by dev entity F1) is returned.
    """
    from spacy.cli.train import train as spacy_train

    train_path, dev_path = build_corpora(
        data_root, output / "corpus", parts, limit, dev_in_train
    )
    settings: dict[str, object] = {
        "paths.train": str(train_path),
        "paths.dev": str(dev_path),
    }
    settings.update(overrides or {})
    spacy_train(config, output, overrides=settings)
    return output / "model-best"
